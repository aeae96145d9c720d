//! Text helpers: our own width estimate (plotters counts UTF-8 bytes, which
//! makes Vietnamese look twice as wide as it is), cleaning and wrapping.

/// Approximate advance width of `s` at `size` px in a sans-serif UI font.
/// Calibrated on Arial metrics, then widened by 10 % to cover DejaVu Sans
/// (the widest common fallback, measured in Chromium), so that labels placed
/// by it do not collide whatever font the reader has.
pub(crate) fn width(s: &str, size: f64) -> f64 {
    let em: f64 = s
        .chars()
        .map(|c| {
            // Compare the base letter: diacritics do not change the advance.
            let base = deunicode::deunicode_char(c)
                .and_then(|b| b.chars().next())
                .unwrap_or(c);
            match base {
                'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.28,
                ' ' | 'f' | 't' | 'r' | 'I' | '/' | '(' | ')' | '-' => 0.36,
                'm' | 'w' | 'M' | 'W' | '%' => 0.86,
                '0'..='9' => 0.58,
                c if c.is_ascii_uppercase() => 0.68,
                c if c.is_ascii() => 0.56,
                _ => 0.62,
            }
        })
        .sum();
    em * size * 1.1
}

/// Labels come from content files: drop control characters (which XML
/// forbids) and fold runs of whitespace so each label is one line.
pub(crate) fn clean(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Escape for XML text and double-quoted attributes.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// Break `s` into at most `max_lines` lines no wider than `max_width`,
/// as evenly as possible ("Sở Kế hoạch / và Đầu tư", not "… Đầu / tư");
/// a text that still does not fit is cut with an ellipsis.
pub(crate) fn wrap(s: &str, size: f64, max_width: f64, max_lines: usize) -> Vec<String> {
    // A lone dash stays with the word before it: "Lao động -" / "Thương binh".
    let mut joined: Vec<String> = Vec::new();
    for w in s.split(' ').filter(|w| !w.is_empty()) {
        match joined.last_mut() {
            Some(prev) if matches!(w, "-" | "–" | "—") => {
                prev.push(' ');
                prev.push_str(w);
            }
            _ => joined.push(w.to_string()),
        }
    }
    let words: Vec<&str> = joined.iter().map(String::as_str).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let max_lines = max_lines.max(1);
    let needed = greedy(&words, size, max_width).len();
    if needed > max_lines {
        // Too long even when full: fill the lines and cut the last one.
        let mut lines = greedy(&words, size, max_width);
        let rest = lines.split_off(max_lines - 1).join(" ");
        lines.push(rest);
        return lines
            .into_iter()
            .map(|l| fit(&l, size, max_width))
            .collect();
    }
    // The narrowest limit that still needs no more lines balances them.
    let (mut lo, mut hi) = (0.0, max_width);
    for _ in 0..20 {
        let mid = (lo + hi) / 2.0;
        if greedy(&words, size, mid).len() <= needed {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    greedy(&words, size, hi)
        .into_iter()
        .map(|l| fit(&l, size, max_width))
        .collect()
}

/// Greedy line filling; a word wider than the limit gets its own line.
fn greedy(words: &[&str], size: f64, limit: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in words {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if current.is_empty() || width(&candidate, size) <= limit {
            current = candidate;
        } else {
            lines.push(std::mem::replace(&mut current, word.to_string()));
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

fn fit(s: &str, size: f64, max_width: f64) -> String {
    if width(s, size) <= max_width {
        s.to_string()
    } else {
        ellipsize(s, size, max_width)
    }
}

fn ellipsize(s: &str, size: f64, max_width: f64) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let next = format!("{out}{c}…");
        if width(&next, size) > max_width {
            break;
        }
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diacritics_do_not_widen_text() {
        assert_eq!(width("Sở Tư pháp", 16.0), width("So Tu phap", 16.0));
        assert!(width("T10/2023", 18.0) < 90.0);
    }

    #[test]
    fn wraps_long_unit_names() {
        let lines = wrap("Sở Nông nghiệp và Phát triển nông thôn", 15.0, 170.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().all(|l| width(l, 15.0) <= 170.0));
        let cut = wrap(
            "Ủy ban nhân dân huyện Vân Đồn tỉnh Quảng Ninh rất dài",
            15.0,
            120.0,
            2,
        );
        assert_eq!(cut.len(), 2);
        assert!(cut[1].ends_with('…'));
        assert!(wrap("", 15.0, 100.0, 2).is_empty());
        assert_eq!(wrap("Sở Tư pháp", 15.0, 170.0, 2), ["Sở Tư pháp"]);
        let three = wrap("Sở Lao động - Thương binh và Xã hội", 16.0, 120.0, 3);
        assert_eq!(three.len(), 3);
        assert!(three.iter().all(|l| !l.starts_with('-')), "{three:?}");
    }

    #[test]
    fn clean_folds_whitespace_and_controls() {
        assert_eq!(clean(" Sở\u{1}Tư\n pháp "), "Sở Tư pháp");
        assert_eq!(escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
    }
}
