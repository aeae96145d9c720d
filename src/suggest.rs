//! "Did you mean …?" over ids, names and aliases.

use crate::lang::Text;
use crate::tr;

/// ` (did you mean `x`?)` for the closest candidate, or an empty text.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Text {
    match closest(word, candidates) {
        Some(c) => tr!(" (có phải ý bạn là `{c}`?)", " (did you mean `{c}`?)"),
        None => Text::default(),
    }
}

/// The candidate nearest to `word`, if it is near enough to be a typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let w = fold(word);
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let score = strsim::jaro_winkler(&w, &fold(c));
        if score >= 0.8 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c)
}

/// Compare without case, diacritics or separators: "Sở Tư pháp" ~ "so-tu-phap".
pub fn fold(s: &str) -> String {
    // deunicode drops control characters: a line break or a tab between
    // two words would join them ("Tư\nphap" → "tuphap").
    let spaced: String;
    let s = if s.bytes().any(|b| b < 0x20) {
        spaced = s
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        spaced.as_str()
    } else {
        s
    };
    deunicode::deunicode(s)
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Any text → a `[a-z0-9-]` slug: `III` → `iii`, `Sở Tư pháp` → `so-tu-phap`.
pub fn slugify(s: &str) -> String {
    deunicode::deunicode(s)
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn a_line_break_or_a_tab_between_words_folds_as_a_space() {
        let name = fold("Sở Tư pháp");
        assert_eq!(name, "so tu phap");
        for typed in [
            "Sở Tư\nphap",
            "Sở Tư\r\npháp",
            "SỞ\tTƯ PHÁP",
            " sở  tư\u{a0}pháp ",
        ] {
            assert_eq!(fold(typed), name, "{typed:?}");
        }
    }
}
