//! Every page of the page contract exists and is a complete Vietnamese
//! document; the feed and the sitemap list what was built; each page links
//! where a reader expects (the dispatch index, a town's own dispatch, a
//! merged unit's successor, the home page's latest month).
//!
//! Everything compared against is derived from the content files (read with
//! serde_yaml, not the loader); HTML is taken apart by `tests/support/`.

use crate::support::*;
use std::collections::BTreeSet;

#[test]
fn the_expected_lists_match_the_shipped_content() {
    // Guards `Expected` (tests/support/site.rs): if it silently read
    // nothing, the existence test would pass on an empty list.
    let e = Expected::of(&real_content());
    // The shipped seeds (more dispatches may come; these stay).
    for m in ["2023-02", "2023-10", "2023-11", "2025-03"] {
        assert!(
            e.months.contains(m),
            "month {m} not derived: {:?}",
            e.months
        );
    }
    for d in [
        "2022-07-ubnd-1846",
        "2023-02-vpub",
        "2023-10-vpub",
        "2023-11-vp-my-hao",
        "2025-03-vpub",
    ] {
        assert!(
            e.dispatches.iter().any(|x| x == d),
            "dispatch {d} not derived: {:?}",
            e.dispatches
        );
    }
    assert!(e.unit_ids.len() >= 25, "{:?}", e.unit_ids);
    assert!(e.unit_ids.iter().any(|u| u == "so-tu-phap"));
    assert!(e.indicator_ids.len() >= 10, "{:?}", e.indicator_ids);
    assert_eq!(e.site_url, "https://hungyen.gov.vn");
}

#[test]
fn every_page_of_the_contract_exists() {
    let site = build_real();
    let expected = Expected::of(&real_content());
    let missing: Vec<String> = expected
        .pages()
        .into_iter()
        .filter(|p| !site.out.join(p).is_file())
        .collect();
    assert!(
        missing.is_empty(),
        "missing pages: {missing:#?}\nthe output holds: {:#?}",
        site.files().keys().collect::<Vec<_>>()
    );
}

#[test]
fn every_html_page_is_a_complete_vietnamese_document() {
    let site = build_real();
    let mut problems = Vec::new();
    for (path, bytes) in site.files() {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap_or_else(|_| panic!("{path} is not UTF-8"));
        let tags = tags(&html);
        let count = |name: &str| tags.iter().filter(|t| t.name == name).count();
        if !html
            .trim_start()
            .to_ascii_lowercase()
            .starts_with("<!doctype html>")
        {
            problems.push(format!("{path}: no <!DOCTYPE html>"));
        }
        if !tags
            .iter()
            .any(|t| t.name == "html" && t.attr("lang") == Some("vi"))
        {
            problems.push(format!("{path}: no <html lang=\"vi\">"));
        }
        if !tags.iter().any(|t| {
            t.name == "meta"
                && t.attr("charset")
                    .is_some_and(|c| c.eq_ignore_ascii_case("utf-8"))
        }) {
            problems.push(format!("{path}: no <meta charset=\"utf-8\">"));
        }
        let title = html
            .split("<title>")
            .nth(1)
            .and_then(|t| t.split("</title>").next())
            .unwrap_or("");
        if title.trim().is_empty() {
            problems.push(format!("{path}: empty or missing <title>"));
        }
        if count("h1") != 1 {
            problems.push(format!("{path}: {} <h1> elements", count("h1")));
        }
        // Duplicate ids make `#anchors` ambiguous.
        let mut seen = BTreeSet::new();
        for t in &tags {
            if let Some(id) = t.attr("id") {
                if !seen.insert(id.to_string()) {
                    problems.push(format!("{path}: id=\"{id}\" twice"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn feed_is_atom_with_one_entry_per_dispatch() {
    let site = build_real();
    let expected = Expected::of(&real_content());
    let xml = site.text("feed.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("feed.xml: {e}\n{xml}"));
    let atom = "http://www.w3.org/2005/Atom";
    assert!(doc.root_element().has_tag_name((atom, "feed")), "{xml}");
    let entries: Vec<_> = doc
        .root_element()
        .children()
        .filter(|n| n.has_tag_name((atom, "entry")))
        .collect();
    assert_eq!(entries.len(), expected.dispatches.len(), "{xml}");
    let mut linked = BTreeSet::new();
    for e in &entries {
        for name in ["id", "title", "updated"] {
            let child = e.children().find(|n| n.has_tag_name((atom, name)));
            assert!(
                child
                    .and_then(|c| c.text())
                    .is_some_and(|t| !t.trim().is_empty()),
                "an entry without <{name}>: {xml}"
            );
        }
        let href = e
            .children()
            .find(|n| n.has_tag_name((atom, "link")))
            .and_then(|l| l.attribute("href"))
            .unwrap_or_else(|| panic!("an entry without <link href>: {xml}"));
        let slug = href
            .strip_prefix(&format!("{}/van-ban/", expected.site_url))
            .and_then(|s| s.strip_suffix('/'))
            .unwrap_or_else(|| panic!("entry link {href} is not a dispatch page"));
        linked.insert(slug.to_string());
    }
    let all: BTreeSet<String> = expected.dispatches.iter().cloned().collect();
    assert_eq!(linked, all, "every dispatch once in the feed");
}

#[test]
fn a_dispatch_without_a_number_is_cited_alike_everywhere() {
    // 2023-10-vpub prints "Số: /VPUB-PVHCC&KSTT": the number left blank.
    let site = build_real();
    let cited = "Công văn (không ghi số), tháng 11/2023";
    let page = site.text("van-ban/2023-10-vpub/index.html");
    let title = page
        .split_once("<title>")
        .and_then(|(_, rest)| rest.split_once("</title>"))
        .map(|(t, _)| t)
        .unwrap_or_default();
    assert!(title.starts_with(cited), "{title}");
    let feed = site.text("feed.xml");
    assert!(feed.contains(&format!("<title>{cited}: ")), "{feed}");
    let list = visible_text(&site.text("van-ban/index.html"));
    assert!(list.contains(cited), "{list}");
    // The archived copy keeps the number line and the appendices' subtitles
    // as printed; nothing else reads "số /…" as if a number were missing
    // by mistake.
    let text = visible_text(&page);
    assert!(text.contains("Số: /VPUB-PVHCC&KSTT"), "{text}");
    assert!(
        text.contains("Công văn công bố kết quả (không ghi số)"),
        "{text}"
    );
    assert_eq!(
        text.matches("số /").count(),
        text.matches("(Kèm theo công văn số /").count(),
        "{text}"
    );
    assert!(!feed.contains("số /"), "{feed}");
}

#[test]
fn sitemap_lists_existing_pages_only_and_every_content_page() {
    let site = build_real();
    let expected = Expected::of(&real_content());
    let xml = site.text("sitemap.xml");
    let doc =
        roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("sitemap.xml: {e}\n{xml}"));
    let prefix = format!("{}/", expected.site_url);
    let mut listed = BTreeSet::new();
    for loc in doc.descendants().filter(|n| n.has_tag_name("loc")) {
        let url = loc.text().unwrap_or("").trim();
        let rel = url
            .strip_prefix(&prefix)
            .unwrap_or_else(|| panic!("sitemap URL {url} does not start with {prefix}"));
        let file = if rel.is_empty() || rel.ends_with('/') {
            format!("{rel}index.html")
        } else {
            rel.to_string()
        };
        assert!(
            site.out.join(&file).is_file(),
            "sitemap lists {url} but {file} was not built"
        );
        listed.insert(file);
    }
    let missing: Vec<String> = expected
        .pages()
        .into_iter()
        .filter(|p| {
            p.ends_with("index.html")
                && !expected
                    .former_ids
                    .iter()
                    .any(|f| p == &format!("don-vi/{f}/index.html"))
        })
        .filter(|p| !listed.contains(p))
        .collect();
    assert!(missing.is_empty(), "pages not in the sitemap: {missing:#?}");
    assert!(file_contains!(
        site.out,
        "robots.txt",
        &format!("Sitemap: {}/sitemap.xml", expected.site_url)
    ));
}

#[test]
fn directive_of_2022_is_on_the_dispatch_index() {
    let site = build_real();
    let html = site.text("van-ban/index.html");
    assert!(
        links_to(
            &html,
            "van-ban/index.html",
            "van-ban/2022-07-ubnd-1846/index.html"
        ),
        "no link to the 2022 directive:\n{html}"
    );
    assert!(text_contains!(
        site.out,
        "van-ban/index.html",
        "1846/UBND-PVHCC&KSTT"
    ));
    assert!(text_contains!(site.out, "van-ban/index.html", "2022"));
}

#[test]
fn my_hao_dispatch_appears_on_my_hao_unit_page() {
    let site = build_real();
    let html = site.text("don-vi/my-hao/index.html");
    assert!(
        links_to(
            &html,
            "don-vi/my-hao/index.html",
            "van-ban/2023-11-vp-my-hao/index.html"
        ),
        "no link to the town's own dispatch:\n{html}"
    );
}

/// A dispatch that mentions a unit is listed once on its page, with what
/// it says; the list of related documents names those that name it
/// otherwise (its issuer's page).
#[test]
fn a_mentioning_dispatch_is_listed_once_with_its_note() {
    let site = build_real();
    let link = "href=\"../../van-ban/2023-11-vp-my-hao/\"";
    let html = site.text("don-vi/hung-long/index.html");
    let mentions = &html[html.find("id=\"duoc-neu\"").expect("mentions")..];
    let mentions = &mentions[..mentions.find("</ul>").unwrap()];
    assert!(mentions.contains(link), "{mentions}");
    assert!(
        visible_text(mentions).contains("Kết quả thanh toán trực tuyến đạt tỷ lệ thấp."),
        "{mentions}"
    );
    assert_eq!(html.matches(link).count(), 1, "listed twice:\n{html}");
    assert!(
        !html.contains("id=\"van-ban\""),
        "an empty related list:\n{html}"
    );
    // The issuer's page lists it among the related documents.
    let html = site.text("don-vi/my-hao/index.html");
    let related = &html[html.find("id=\"van-ban\"").expect("related documents")..];
    assert!(related.contains(link), "{related}");
}

#[test]
fn merged_unit_links_on_to_its_successor() {
    let site = build_real();
    let html = site.text("don-vi/so-ke-hoach-va-dau-tu/index.html");
    let page = "don-vi/so-ke-hoach-va-dau-tu/index.html";
    assert!(
        links_to(&html, page, "don-vi/so-tai-chinh/index.html"),
        "no link to so-tai-chinh:\n{html}"
    );
    assert!(text_contains!(
        site.out,
        "don-vi/so-ke-hoach-va-dau-tu/index.html",
        "Sở Tài chính"
    ));
    // And back: the successor names its predecessor.
    let html = site.text("don-vi/so-tai-chinh/index.html");
    assert!(
        links_to(
            &html,
            "don-vi/so-tai-chinh/index.html",
            "don-vi/so-ke-hoach-va-dau-tu/index.html"
        ),
        "so-tai-chinh does not link back to its predecessor:\n{html}"
    );
}

#[test]
fn home_page_leads_with_the_latest_month() {
    let site = build_real();
    // March 2025: 73,04/100, rank 28/63.
    assert!(text_contains!(site.out, "index.html", "73,04"));
    assert!(text_contains!(site.out, "index.html", "28/63"));
    let html = site.text("index.html");
    assert!(
        links_to(&html, "index.html", "thang/2025-03/index.html"),
        "{html}"
    );
}

#[test]
fn an_editors_note_is_shown_apart_from_the_document() {
    let fx = Fixture::real();
    let note = "Tiêu đề và nội dung mâu thuẫn: ghi chú của người biên tập.";
    fx.replace(
        MAR_2025,
        "\nbody: |",
        &format!("\neditor_notes:\n  - indicator: tong-diem\n    text: \"{note}\"\n\nbody: |"),
    );
    let out = fx.scratch("out");
    build(fx.content(), &out).unwrap_or_else(|e| panic!("{e}"));
    let html = read_text(&out, "van-ban/2025-03-vpub/index.html");
    let aside = html
        .find("<aside class=\"editor-notes\"")
        .expect("the editor's notes");
    let end = aside + html[aside..].find("</aside>").expect("closed");
    let text = visible_text(&html[aside..end]);
    assert!(text.contains("Ghi chú của người biên tập"), "{text}");
    assert!(
        text.contains(&format!("Tổng điểm Bộ chỉ số: {note}")),
        "{text}"
    );
    // Not inside the archived document, and said once.
    let article = &html[html.find("<article").unwrap_or(0)..html.find("</article>").unwrap_or(0)];
    assert!(!article.contains(note));
    assert_eq!(html.matches(note).count(), 1);
}

#[test]
fn an_editors_note_about_an_unknown_indicator_is_refused() {
    let fx = Fixture::real();
    fx.replace(
        MAR_2025,
        "\nbody: |",
        "\neditor_notes:\n  - indicator: tong-diemm\n    text: Ghi chú.\n\nbody: |",
    );
    let loaded = fx.load();
    let errs = errors_at(&loaded, MAR_2025, "editor_notes[0].indicator");
    assert_eq!(errs.len(), 1, "{}", report(&loaded));
    assert!(errs[0].line.is_some());
}
