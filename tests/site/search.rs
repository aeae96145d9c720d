//! The search index the header's box reads: units by any name or alias,
//! dispatches by number and subject, indicators, all without diacritics,
//! one small file per word beginning.

use crate::support::*;

/// The entries of the index file for `key`: `[title, kind, address, words]`.
fn shard(out: &std::path::Path, key: &str) -> Vec<Vec<String>> {
    let text = read_text(out, &format!("tim-kiem/chi-muc/{key}.json"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{key}.json: {e}\n{text}"))
}

/// What the script does with a row: the words of its title and kind,
/// folded, then the other words the index gives.
fn hay(e: &[String]) -> String {
    let shown = format!("{} {}", e[0], e[1]);
    format!(" {} {}", api::search_words(&shown).join(" "), e[3])
}

/// The words that pick no file (`tu-chung.json`).
fn common(out: &std::path::Path) -> Vec<String> {
    let text = read_text(out, "tim-kiem/chi-muc/tu-chung.json");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("tu-chung.json: {e}\n{text}"))
}

/// What the script does: the file of the longest word that is not
/// common, then every word the beginning of one of the entry's words.
fn find(out: &std::path::Path, query: &str) -> Vec<String> {
    let words: Vec<&str> = query.split(' ').collect();
    let common = common(out);
    let Some(longest) = words
        .iter()
        .filter(|w| !common.iter().any(|c| c == *w))
        .max_by_key(|w| w.len())
    else {
        return Vec::new();
    };
    // Three letters, or four digits of a number; no file, no result.
    let digits = longest.bytes().all(|b| b.is_ascii_digit());
    let key = &longest[..longest.len().min(if digits { 4 } else { 3 })];
    if !out.join(format!("tim-kiem/chi-muc/{key}.json")).is_file() {
        return Vec::new();
    }
    shard(out, key)
        .into_iter()
        .filter(|e| words.iter().all(|w| hay(e).contains(&format!(" {w}"))))
        .map(|e| format!("{} → {}", e[0], e[2]))
        .collect()
}

#[test]
fn names_without_diacritics_find_units_dispatches_and_indicators() {
    let site = build_real();
    // The district until 30/6/2025 and the commune of the same name from
    // 1/7/2025.
    assert_eq!(
        find(&site.out, "khoai chau"),
        [
            "UBND huyện Khoái Châu → don-vi/khoai-chau/",
            "UBND xã Khoái Châu → don-vi/xa-khoai-chau/"
        ]
    );
    // An alias: the source's misspelling of Mỹ Hào.
    assert!(find(&site.out, "my hoa")
        .iter()
        .any(|h| h.ends_with("don-vi/my-hao/")));
    // A dispatch by its number, and by a word of its subject.
    assert_eq!(
        find(&site.out, "120"),
        ["Công văn số 120/VPUB-PVHCC&KSTT → van-ban/2025-03-vpub/"]
    );
    assert!(find(&site.out, "truc tuyen")
        .iter()
        .any(|h| h == "Tỷ lệ thanh toán trực tuyến → chi-so/ty-le-thanh-toan-truc-tuyen/"));
    // The portal code.
    assert!(find(&site.out, "h31")
        .iter()
        .any(|h| h.ends_with("don-vi/hung-yen/")));
    // Not the statistics office's number of a commune (12049, xã Mễ Sở):
    // "120" above finds the dispatch alone.
    assert!(find(&site.out, "12049").is_empty());
    // A year finds the dispatches that name it, from a file of that year
    // alone: three digits would put every year of the 2020s in one file.
    assert_eq!(
        find(&site.out, "2025"),
        ["Công văn số 120/VPUB-PVHCC&KSTT → van-ban/2025-03-vpub/"]
    );
    assert!(!site.out.join("tim-kiem/chi-muc/202.json").exists());
    let year = shard(&site.out, "2023");
    assert!(
        year.iter().all(|e| !e[2].starts_with("van-ban/2025")),
        "{year:?}"
    );
}

#[test]
fn an_entry_writes_out_only_the_words_its_title_and_kind_do_not_show() {
    let site = build_real();
    let rows = shard(&site.out, "kho");
    let district = rows
        .iter()
        .find(|e| e[2] == "don-vi/khoai-chau/")
        .expect("Khoái Châu in kho.json");
    // Found by its name through the title; its address is the only other word.
    assert!(!district[3].contains("khoai"), "{district:?}");
    let dispatch = shard(&site.out, "120")
        .into_iter()
        .find(|e| e[2] == "van-ban/2025-03-vpub/")
        .expect("the dispatch in 120.json");
    // The subject is in the kind ("Văn bản, <date>: <subject>").
    assert!(dispatch[1].contains("dịch vụ công"), "{dispatch:?}");
    assert!(!dispatch[3].contains("dich"), "{dispatch:?}");
    assert!(hay(&dispatch).contains(" dich vu cong"), "{dispatch:?}");
}

#[test]
fn every_page_has_a_search_box_that_leads_to_the_units_without_script() {
    let site = build_real();
    for page in [
        "index.html",
        "don-vi/khoai-chau/index.html",
        "van-ban/2023-02-vpub/index.html",
    ] {
        let html = site.text(page);
        let form = &html[html
            .find("<form class=\"site-search\"")
            .expect("a search form")..];
        let form = &form[..form.find("</form>").unwrap()];
        assert!(form.contains("role=\"search\""), "{form}");
        let root = if page == "index.html" { "" } else { "../../" };
        assert!(
            form.contains(&format!("action=\"{root}don-vi/\"")),
            "{page}: {form}"
        );
        assert!(form.contains("<label"), "{form}");
        assert!(
            html.contains(&format!("src=\"{root}static/site.js\"")),
            "{page}"
        );
    }
}

/// Words in more than a quarter of the entries ("UBND", "xã") pick no
/// file; a query of other words still needs them all, and alone they find
/// nothing to list.
#[test]
fn common_words_pick_no_file_and_still_narrow_a_query() {
    let site = build_real();
    assert_eq!(common(&site.out), ["ubnd", "xa"]);
    // No file for them: "xa" is its own key, "ubnd" the only word of "ubn".
    for key in ["xa", "ubn"] {
        assert!(
            !site
                .out
                .join(format!("tim-kiem/chi-muc/{key}.json"))
                .exists(),
            "{key}.json"
        );
    }
    // The district and the commune of the same name: "xa" keeps the commune.
    assert_eq!(
        find(&site.out, "ubnd xa khoai chau"),
        ["UBND xã Khoái Châu → don-vi/xa-khoai-chau/"]
    );
    assert!(find(&site.out, "ubnd xa").is_empty());
    // Every unit is still in the file of another word of its name.
    let model = api::load(&real_content()).model.expect("valid");
    let units: std::collections::BTreeSet<String> = model
        .units
        .iter()
        .map(|u| format!("don-vi/{}/", u.id()))
        .collect();
    let mut indexed = std::collections::BTreeSet::new();
    for file in std::fs::read_dir(site.out.join("tim-kiem/chi-muc")).unwrap() {
        let path = file.unwrap().path();
        if path.ends_with("tu-chung.json") {
            continue;
        }
        let rows: Vec<Vec<String>> =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        indexed.extend(rows.into_iter().map(|e| e[2].clone()));
    }
    assert!(
        units.is_subset(&indexed),
        "{:?}",
        units.difference(&indexed).collect::<Vec<_>>()
    );
}
