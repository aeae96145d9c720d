//! `tim-kiem/chi-muc/<begin>.json`: the search index for the box in every
//! page's header (`static/site.js`). Units by any of their names,
//! aliases and portal codes, dispatches by number and subject, indicators by name,
//! all without diacritics ("khoai chau" finds Khoái Châu).
//!
//! The index is split by the first three letters of each word (four
//! digits of a number, two for a two-letter word), so that a query fetches
//! one small file: the one of its
//! longest word. Each entry is `[title, kind, address, words]`: the script
//! folds the title and the kind as it folds the query, so `words` holds
//! only the other words the entry is found by (aliases, codes, a
//! dispatch's number), folded. An entry is in about fifteen files, and its
//! title's words would otherwise be written in each.
//!
//! A word in a large share of the entries (every dispatch's subject says
//! "Công bố kết quả đánh giá Bộ chỉ số…", many units are "UBND xã …") picks
//! no file: its file would hold most of the index, and a phone would fetch
//! it for a word that tells nothing apart. Such words are listed in
//! `tu-chung.json`; the script picks the file of the query's longest other
//! word and still requires every word. At national scale they were 15 MB
//! of the index's 19 MB, and files of 600 KB.
//!
//! Rendered whole (so that a file no longer needed goes) on a full build
//! and when a dispatch's reference changed; a partial rebuild otherwise
//! keeps it.

use super::views::dispatch_ref;
use super::{Page, PageContext, Pages};
use crate::site::paths;
use std::collections::{BTreeMap, BTreeSet};

/// Lower case without diacritics, `đ` as `d`: what the script does with
/// `normalize("NFD")`, dropping the combining marks.
pub fn fold(text: &str) -> String {
    const GROUPS: [(&str, char); 7] = [
        ("àáảãạăằắẳẵặâầấẩẫậ", 'a'),
        ("èéẻẽẹêềếểễệ", 'e'),
        ("ìíỉĩị", 'i'),
        ("òóỏõọôồốổỗộơờớởỡợ", 'o'),
        ("ùúủũụưừứửữự", 'u'),
        ("ỳýỷỹỵ", 'y'),
        ("đ", 'd'),
    ];
    text.to_lowercase()
        .chars()
        .map(|c| {
            GROUPS
                .iter()
                .find(|(letters, _)| letters.contains(c))
                .map_or(c, |(_, base)| *base)
        })
        .collect()
}

/// The folded words of a text: runs of ASCII letters and digits.
pub fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The index file a word is found in: its first three letters (four
/// digits of a number), or the word itself when shorter; none for a single
/// letter. Words are folded to ASCII ([`words`]).
pub fn shard_key(word: &str) -> Option<&str> {
    // Three digits would put every year of the 2020s ("2023", "2025") in
    // one file, which at national scale lists every dispatch (560 KB).
    let len = if word.bytes().all(|b| b.is_ascii_digit()) {
        4
    } else {
        3
    };
    match word.len() {
        0 | 1 => None,
        n => word.get(..n.min(len)),
    }
}

struct Entry {
    title: String,
    kind: String,
    url: String,
    words: BTreeSet<String>,
}

fn entry(title: &str, kind: String, url: String, texts: &[&str]) -> Entry {
    Entry {
        title: title.to_string(),
        kind,
        url,
        words: texts.iter().flat_map(|t| words(t)).collect(),
    }
}

/// The words the script finds in an entry's title and kind by itself, or
/// none when they hold a letter the script would fold otherwise than
/// [`fold`] (its `normalize("NFD")` takes any accent off, this only the
/// Vietnamese ones): those words are then written out.
fn shown_words(e: &Entry) -> BTreeSet<String> {
    let shown = format!("{} {}", e.title, e.kind);
    if fold(&shown)
        .chars()
        .any(|c| !c.is_ascii() && c.is_alphabetic())
    {
        return BTreeSet::new();
    }
    words(&shown).into_iter().collect()
}

pub fn render(r: &PageContext) -> Pages {
    // A partial rebuild keeps the index unless a dispatch's reference changed.
    if !r.affected.search_index() {
        return Ok(Vec::new());
    }
    let model = r.model;
    let mut entries: Vec<Entry> = Vec::new();
    for u in &model.units {
        let e = &u.entry;
        let mut texts: Vec<&str> = vec![&e.name, u.display_name(), u.id()];
        texts.extend(e.aliases.iter().map(String::as_str));
        // Portal codes (H31, H31.05); not the statistics office's numbers
        // (12049), which a number typed for a dispatch would match by
        // their beginning.
        texts.extend(
            e.codes
                .values()
                .map(String::as_str)
                .filter(|c| c.chars().any(char::is_alphabetic)),
        );
        entries.push(entry(
            &e.name,
            super::units::kind_label(e.kind).to_string(),
            paths::unit(u.id()),
            &texts,
        ));
    }
    for ind in &model.indicators {
        let mut texts: Vec<&str> = vec![&ind.name];
        texts.extend(ind.short_name.as_deref());
        entries.push(entry(
            &ind.name,
            "Chỉ số".into(),
            paths::indicator(&ind.id),
            &texts,
        ));
    }
    for d in &model.dispatches {
        let v = dispatch_ref(d);
        let what = super::citation::kind_label(d.file.kind);
        let what = if d.file.kind.is_dispatch() {
            "Văn bản"
        } else {
            what
        };
        entries.push(entry(
            &v.title,
            format!("{what}, {}: {}", v.date_text, v.subject),
            v.url.clone(),
            &[&v.title, &v.subject, &v.number],
        ));
    }
    let common = common_words(&entries);
    // Each entry in the file of every word beginning it has, but the common
    // ones, in the order above (units, indicators, dispatches).
    let mut shards: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        let keys: BTreeSet<&str> = e
            .words
            .iter()
            .filter(|w| !common.contains(w.as_str()))
            .filter_map(|w| shard_key(w))
            .collect();
        for k in keys {
            shards.entry(k).or_default().push(i);
        }
    }
    // Each entry's row once, written into every file it is in.
    let rows: Vec<serde_json::Value> = entries
        .iter()
        .map(|e| {
            let shown = shown_words(e);
            let rest: Vec<&str> = e
                .words
                .iter()
                .filter(|w| !shown.contains(*w))
                .map(String::as_str)
                .collect();
            serde_json::json!([e.title, e.kind, e.url, rest.join(" ")])
        })
        .collect();
    let mut pages: Vec<Page> = shards
        .into_iter()
        .map(|(key, ids)| {
            let rows: Vec<&serde_json::Value> = ids.into_iter().map(|i| &rows[i]).collect();
            let bytes = serde_json::to_vec(&rows).unwrap_or_default();
            Page::file(paths::search_shard(key), bytes)
        })
        .collect();
    // Written even when empty: the script reads it before any file.
    let common = serde_json::to_vec(&common).unwrap_or_default();
    pages.push(Page::file(paths::SEARCH_COMMON.to_string(), common));
    Ok(pages)
}

/// A word is common when more than a quarter of the entries have it, and
/// more than [`COMMON_AT_LEAST`]: a small site keeps every word.
const COMMON_AT_LEAST: usize = 50;

/// The words too common to pick an index file by, in order.
fn common_words(entries: &[Entry]) -> BTreeSet<&str> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for e in entries {
        for w in &e.words {
            *counts.entry(w.as_str()).or_default() += 1;
        }
    }
    let over = COMMON_AT_LEAST.max(entries.len() / 4);
    counts
        .into_iter()
        .filter(|(_, n)| *n > over)
        .map(|(w, _)| w)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_the_diacritics_as_the_script_does() {
        assert_eq!(fold("Khoái Châu"), "khoai chau");
        assert_eq!(fold("ĐƯỜNG Mỹ Hào, Tiên Lữ"), "duong my hao, tien lu");
        assert_eq!(words("68/VPUB-PVHCC&KSTT"), ["68", "vpub", "pvhcc", "kstt"]);
        assert_eq!(shard_key("khoai"), Some("kho"));
        assert_eq!(shard_key("my"), Some("my"));
        assert_eq!(shard_key("y"), None);
        // A number by four digits: each year its own file.
        assert_eq!(shard_key("2025"), Some("2025"));
        assert_eq!(shard_key("20251"), Some("2025"));
        assert_eq!(shard_key("120"), Some("120"));
        assert_eq!(shard_key("h31"), Some("h31"));
    }

    fn entry_of(title: &str, kind: &str, texts: &[&str]) -> Entry {
        entry(title, kind.to_string(), String::new(), texts)
    }

    #[test]
    fn a_word_in_more_than_a_quarter_of_many_entries_is_common() {
        let mut entries: Vec<Entry> = (0..400)
            .map(|i| {
                entry_of(
                    &format!("UBND xã Số {i}"),
                    "Xã",
                    &[&format!("UBND xã Số {i}")],
                )
            })
            .collect();
        entries
            .extend((0..200).map(|i| entry_of("Sở Tư pháp", "Sở", &[&format!("Sở Tư pháp {i}")])));
        // ubnd, xa: 400 of 600; so: 600; tu, phap: 200 (a third); a number:
        // one entry.
        let common: Vec<&str> = common_words(&entries).into_iter().collect();
        assert_eq!(common, ["phap", "so", "tu", "ubnd", "xa"]);
        // Fewer entries than the floor: no word is common.
        assert!(common_words(&entries[..40]).is_empty());
        // 200 of 800 is not more than a quarter.
        entries.extend((0..200).map(|i| entry_of("Chỉ số", "Chỉ số", &[&format!("chi {i}")])));
        let common: Vec<&str> = common_words(&entries).into_iter().collect();
        assert_eq!(common, ["so", "ubnd", "xa"]);
    }

    #[test]
    fn words_shown_by_the_title_and_kind_are_left_to_the_script() {
        let e = entry_of(
            "UBND xã Mễ Sở",
            "Xã",
            &["UBND xã Mễ Sở", "Me So", "xa-me-so"],
        );
        assert_eq!(
            shown_words(&e),
            ["me", "so", "ubnd", "xa"].map(String::from).into()
        );
        // A letter the script folds and this does not (ç): nothing is left
        // to the script.
        let e = entry_of("Façade", "Xã", &["Façade"]);
        assert!(shown_words(&e).is_empty());
    }
}
