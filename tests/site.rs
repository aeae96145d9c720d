//! The site of issue 3, end to end: the real content is built into temporary
//! folders (with the library API, or the `congkhai` binary where the command
//! line is part of what is tested) and the output is read back.
//!
//! Everything the tests compare against is derived from the content files
//! (read with serde_yaml, not the loader) or from the printed dispatches;
//! HTML is taken apart and links are checked by code in
//! `tests/common_site/`, independent of `src/site/`.

#[macro_use]
mod common_site;

use common_site::*;
use congkhai::site::SiteError;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

const FEB_2023: &str = "dispatches/2023/2023-02-vpub.yaml";
const OCT_2023: &str = "dispatches/2023/2023-10-vpub.yaml";

// ---- 1. every page of the contract exists ---------------------------------

#[test]
fn the_expected_lists_match_the_shipped_content() {
    // Guards the derivation below: if it silently read nothing, the
    // existence test would pass on an empty list.
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

// ---- 2. seed figures, Vietnamese-formatted, on the month and unit pages ----

#[test]
fn so_tu_phap_44_6_and_5_63_on_month_and_unit_page() {
    let site = build_real();
    let month = "thang/2023-10/index.html";
    let unit = "don-vi/so-tu-phap/index.html";
    assert!(row_contains!(
        site.out,
        month,
        "don-vi/so-tu-phap/",
        ["Sở Tư pháp", "44,6%", "Chưa hoàn thành"]
    ));
    assert!(row_contains!(
        site.out,
        month,
        "don-vi/so-tu-phap/",
        ["Sở Tư pháp", "5,63%", "Chưa hoàn thành"]
    ));
    assert!(row_contains!(
        site.out,
        unit,
        "thang/2023-10/",
        ["tháng 10/2023", "44,6%", "Chưa hoàn thành"]
    ));
    assert!(row_contains!(
        site.out,
        unit,
        "thang/2023-10/",
        ["tháng 10/2023", "5,63%", "Chưa hoàn thành"]
    ));
    for page in [month, unit] {
        let text = visible_text(&site.text(page));
        assert!(
            !text.contains("44.6") && !text.contains("5.63"),
            "{page} shows a decimal point:\n{text}"
        );
    }
}

#[test]
fn van_giang_21_86_not_completed_on_month_and_unit_page() {
    let site = build_real();
    assert!(row_contains!(
        site.out,
        "don-vi/van-giang/index.html",
        "thang/2023-10/",
        ["21,86%", "Chưa hoàn thành"]
    ));
    assert!(row_contains!(
        site.out,
        "thang/2023-10/index.html",
        "don-vi/van-giang/",
        ["21,86%", "Chưa hoàn thành"]
    ));
}

#[test]
fn province_55_02_and_rank_20_of_63_for_february_2023() {
    let site = build_real();
    assert!(text_contains!(
        site.out,
        "thang/2023-02/index.html",
        "55,02"
    ));
    assert!(text_contains!(
        site.out,
        "thang/2023-02/index.html",
        "20/63"
    ));
    assert!(row_contains!(
        site.out,
        "don-vi/hung-yen/index.html",
        "thang/2023-02/",
        ["55,02", "20/63"]
    ));
    assert!(!text_contains!(
        site.out,
        "thang/2023-02/index.html",
        "55.02"
    ));
}

#[test]
fn e_copies_1_038_with_thousands_dot() {
    let site = build_real();
    assert!(row_contains!(
        site.out,
        "thang/2023-10/index.html",
        "don-vi/thanh-pho-hung-yen/",
        ["1.038"]
    ));
    assert!(row_contains!(
        site.out,
        "don-vi/thanh-pho-hung-yen/index.html",
        "thang/2023-10/",
        ["1.038"]
    ));
    let text = visible_text(&site.text("don-vi/thanh-pho-hung-yen/index.html"));
    assert!(
        !text.split_whitespace().any(|t| t == "1038" || t == "1,038"),
        "{text}"
    );
}

#[test]
fn not_applicable_is_shown_with_its_reason_not_as_zero() {
    let site = build_real();
    let reason = "TTHC không có phí, lệ phí";
    // Month page: the Sở Tài chính row of Phụ lục II.
    let html = site.text("thang/2023-10/index.html");
    let na_rows: Vec<String> = rows(&html)
        .into_iter()
        .filter(|(raw, text)| raw.contains("don-vi/so-tai-chinh/") && text.contains(reason))
        .map(|(_, t)| t)
        .collect();
    assert_eq!(
        na_rows.len(),
        1,
        "one Sở Tài chính row reads {reason:?}:\n{html}"
    );
    assert!(!has_zero_figure(&na_rows[0]), "{}", na_rows[0]);
    // Unit page.
    let html = site.text("don-vi/so-tai-chinh/index.html");
    let na_rows: Vec<String> = rows(&html)
        .into_iter()
        .filter(|(raw, text)| raw.contains("thang/2023-10/") && text.contains(reason))
        .map(|(_, t)| t)
        .collect();
    assert_eq!(
        na_rows.len(),
        1,
        "one row of the unit page reads {reason:?}:\n{}",
        visible_text(&html)
    );
    assert!(na_rows[0].contains("Không áp dụng"), "{}", na_rows[0]);
    assert!(!has_zero_figure(&na_rows[0]), "{}", na_rows[0]);
}

#[test]
fn a_real_zero_is_shown_as_0_percent() {
    let site = build_real();
    let marker = "don-vi/so-khoa-hoc-va-cong-nghe/";
    assert!(row_contains!(
        site.out,
        "thang/2023-10/index.html",
        marker,
        ["Sở Khoa học và Công nghệ", "0%", "Chưa hoàn thành"]
    ));
    let html = site.text("don-vi/so-khoa-hoc-va-cong-nghe/index.html");
    assert!(
        rows(&html)
            .iter()
            .any(|(raw, text)| raw.contains("thang/2023-10/")
                && text.contains("Chưa hoàn thành")
                && text.split_whitespace().any(|t| t == "0%")),
        "no 0% row on the unit page:\n{}",
        visible_text(&html)
    );
}

#[test]
fn dispatch_dates_as_printed_and_blank_days_stay_blank() {
    let site = build_real();
    assert!(text_contains!(
        site.out,
        "van-ban/2023-02-vpub/index.html",
        "ngày 08 tháng 3 năm 2023"
    ));
    // "ngày      tháng 11 năm 2023": no day is made up.
    let page = "van-ban/2023-10-vpub/index.html";
    assert!(text_contains!(site.out, page, "tháng 11 năm 2023"));
    let text = visible_text(&site.text(page));
    assert!(
        !text.contains("ngày 01 tháng 11") && !text.contains("ngày 1 tháng 11"),
        "{text}"
    );
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

#[test]
fn data_cut_off_date_on_the_february_2023_month_page() {
    let site = build_real();
    let text = visible_text(&site.text("thang/2023-02/index.html")).to_lowercase();
    assert!(text.contains("số liệu ngày 28/02/2023"), "{text}");
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
fn former_id_of_a_unit_leads_on_to_the_unit() {
    let fx = SiteCopy::new();
    fx.replace(
        "units.yaml",
        "    name: Sở Tư pháp\n",
        "    name: Sở Tư pháp\n    former_ids: [so-tu-phap-cu]\n",
    );
    let out = fx.scratch("out");
    build(&fx.content, &out).unwrap_or_else(|e| panic!("{e}"));
    let page = "don-vi/so-tu-phap-cu/index.html";
    let html = read_text(&out, page);
    let tags = tags(&html);
    assert!(
        links_to(&html, page, "don-vi/so-tu-phap/index.html"),
        "{html}"
    );
    let refresh = tags
        .iter()
        .find(|t| {
            t.name == "meta"
                && t.attr("http-equiv")
                    .is_some_and(|h| h.eq_ignore_ascii_case("refresh"))
        })
        .unwrap_or_else(|| panic!("no <meta http-equiv=refresh>:\n{html}"));
    let content = refresh.attr("content").unwrap_or("");
    let target = content
        .split_once("url=")
        .map(|(_, u)| u.trim())
        .unwrap_or("");
    assert_eq!(
        resolve(page, target, "/").ok().map(|(f, _)| f).as_deref(),
        Some("don-vi/so-tu-phap/index.html"),
        "{html}"
    );
}

// ---- 3. every internal link resolves ---------------------------------------

#[test]
fn every_internal_link_and_anchor_resolves() {
    let site = build_real();
    let e = Expected::of(&real_content());
    let report = check_links(&site.out, "/", &format!("{}/", e.site_url));
    assert!(
        report.broken.is_empty(),
        "{} broken links:\n{}",
        report.broken.len(),
        report.broken.join("\n")
    );
    // The checker did look at the site: dozens of pages, each with a nav.
    assert!(
        report.checked > 1000,
        "only {} links checked",
        report.checked
    );
    assert!(report.anchors > 0, "no #anchor checked");
}

#[test]
fn the_link_checker_itself_finds_broken_links_and_anchors() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let write = |rel: &str, text: &str| {
        let p = root.join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    };
    write(
        "index.html",
        r##"<a href="a/">ok</a><a href="a/#x">ok</a><a href='a/#nope'>bad anchor</a><a href="b/">missing</a>
           <a href="a">folder without slash</a><a href="../up">leaves</a><a href="https://example.org/">ext</a>
           <a href="https://site.test/a/">own absolute</a><a href="https://site.test/z/">own missing</a>
           <img src=static/x.png><link rel="stylesheet" href="static/s.css">"##,
    );
    write(
        "a/index.html",
        r##"<h1 id="x">x</h1><a href="../">home</a><a href="#x">self</a><a href="../#top">bad</a><meta http-equiv="refresh" content="0; url=../gone/">"##,
    );
    write("static/s.css", "body { background: url('bg.png') }");
    let report = check_links(root, "/", "https://site.test/");
    let broken = report.broken.join("\n");
    for needle in [
        "index.html: <a href=\"a/#nope\"> → no id=\"nope\" in a/index.html",
        "index.html: <a href=\"b/\"> → b/index.html does not exist",
        "index.html: <a href=\"a\"> → a does not exist (a folder",
        "index.html: <a href=\"../up\"> leaves the site root",
        "index.html: <a href=\"https://site.test/z/\"> → z/index.html does not exist",
        "index.html: <img src=\"static/x.png\"> → static/x.png does not exist",
        "a/index.html: <a href=\"../#top\"> → no id=\"top\" in index.html",
        "a/index.html: <meta content=\"../gone/\"> → gone/index.html does not exist",
        "static/s.css: <css url=\"bg.png\"> → static/bg.png does not exist",
    ] {
        assert!(broken.contains(needle), "expected {needle:?} in:\n{broken}");
    }
    assert_eq!(report.broken.len(), 9, "{broken}");
}

// ---- 4. deterministic ------------------------------------------------------

#[test]
fn a_second_build_is_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b, c) = (
        tmp.path().join("a"),
        tmp.path().join("b"),
        tmp.path().join("c"),
    );
    build(&real_content(), &a).unwrap_or_else(|e| panic!("{e}"));
    build(&real_content(), &b).unwrap_or_else(|e| panic!("{e}"));
    // A separate process too: hash seeds and thread scheduling differ.
    let run = run_build(&real_content(), &c, &["--quiet"]);
    assert!(run.status.success(), "{}", describe(&run));
    let (sa, sb, sc) = (snapshot(&a), snapshot(&b), snapshot(&c));
    assert!(sa.len() > 50, "{} files", sa.len());
    if let Some(d) = first_difference(&sa, &sb) {
        panic!("two builds in one process differ: {d}");
    }
    if let Some(d) = first_difference(&sa, &sc) {
        panic!("the library build and the binary's build differ: {d}");
    }
}

// ---- 5. atomic output ------------------------------------------------------

#[test]
fn broken_content_leaves_the_previous_output_untouched() {
    let fx = SiteCopy::new();
    let out = fx.scratch("out");
    build(&fx.content, &out).unwrap_or_else(|e| panic!("{e}"));
    let before = snapshot(&out);
    let around = tree(fx.tmp.path());
    // Sở Tư pháp's 44,6% mistyped as 446%.
    fx.replace(OCT_2023, "          - 44,6\n", "          - 446\n");

    let err = build(&fx.content, &out).expect_err("a percent of 446 must fail the build");
    assert!(matches!(err, SiteError::Content(_)), "{err}");
    if let Some(d) = first_difference(&before, &snapshot(&out)) {
        panic!("the library build changed the output: {d}");
    }
    // The same through the command line.
    let run = run_build(&fx.content, &out, &[]);
    assert!(!run.status.success(), "{}", describe(&run));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("2023-10-vpub.yaml"),
        "the error names the file:\n{stderr}"
    );
    if let Some(d) = first_difference(&before, &snapshot(&out)) {
        panic!("the binary changed the output: {d}");
    }
    // Nothing left beside it (staging folders) either.
    assert_eq!(tree(fx.tmp.path()), around);
}

#[test]
fn files_no_longer_produced_disappear_on_a_good_rebuild() {
    let fx = SiteCopy::new();
    let out = fx.scratch("out");
    build(&fx.content, &out).unwrap_or_else(|e| panic!("{e}"));
    let first = snapshot(&out);
    fs::write(out.join("stray.html"), "old").unwrap();
    fs::create_dir_all(out.join("don-vi/da-xoa")).unwrap();
    fs::write(out.join("don-vi/da-xoa/index.html"), "old").unwrap();
    // Drop one dispatch: its pages must go too.
    fs::remove_file(fx.content.join("dispatches/2023/2023-11-vp-my-hao.yaml")).unwrap();
    build(&fx.content, &out).unwrap_or_else(|e| panic!("{e}"));
    assert!(!out.join("stray.html").exists());
    assert!(!out.join("don-vi/da-xoa").exists());
    assert!(!out.join("van-ban/2023-11-vp-my-hao").exists());
    assert!(!out.join("thang/2023-11").exists());
    // What the rebuild wrote is exactly what a fresh build writes.
    let fresh = fx.scratch("fresh");
    build(&fx.content, &fresh).unwrap_or_else(|e| panic!("{e}"));
    if let Some(d) = first_difference(&snapshot(&fresh), &snapshot(&out)) {
        panic!("a rebuild over an old output differs from a fresh build: {d}");
    }
    assert_ne!(first.len(), snapshot(&out).len());
    // Only `site/`, `out/` and `fresh/` beside each other.
    let top: BTreeSet<String> = tree(fx.tmp.path())
        .into_iter()
        .filter(|p| !p.contains('/'))
        .collect();
    assert_eq!(
        top,
        BTreeSet::from(["fresh".to_string(), "out".to_string(), "site".to_string()])
    );
}

// ---- 6. escaping -----------------------------------------------------------

const SCRIPT_NAME: &str = "<script>alert(1)</script>Sở Tư pháp";

/// Markup that could run a script, in any file but the data files: raw
/// `<script`, `onerror=`, `javascript:` (when `naive`), and structurally a
/// script-like element, an `on…` attribute or a `javascript:` URL.
fn script_problems(files: &BTreeMap<String, Vec<u8>>, naive: bool) -> Vec<String> {
    let mut problems = Vec::new();
    for (path, bytes) in files {
        let text = String::from_utf8_lossy(bytes);
        let lower = text.to_lowercase();
        // CSV and JSON carry names and subjects as data, verbatim.
        let data = path.ends_with(".csv") || path.ends_with(".json");
        if naive {
            if !data && lower.contains("<script") {
                problems.push(format!("{path}: contains `<script`"));
            }
            for bad in ["onerror=", "javascript:"] {
                if lower.contains(bad) {
                    problems.push(format!("{path}: contains `{bad}`"));
                }
            }
        }
        if data {
            continue;
        }
        for tag in tags(&text) {
            if matches!(
                tag.name.as_str(),
                "script" | "iframe" | "object" | "embed" | "base"
            ) {
                problems.push(format!("{path}: a <{}> element", tag.name));
            }
            for (name, value) in &tag.attrs {
                if name.starts_with("on") {
                    problems.push(format!("{path}: <{} {name}=…>", tag.name));
                }
                let squashed: String = value
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .collect();
                let squashed = squashed.to_lowercase();
                if squashed.starts_with("javascript:")
                    || squashed.starts_with("vbscript:")
                    || squashed.starts_with("data:text/html")
                {
                    problems.push(format!("{path}: <{} {name}=\"{value}\">", tag.name));
                }
            }
        }
    }
    problems
}

#[test]
fn script_in_a_name_a_subject_or_markdown_never_becomes_markup() {
    let fx = SiteCopy::new();
    fx.replace(
        "units.yaml",
        "    name: Sở Tư pháp\n",
        &format!("    name: \"{SCRIPT_NAME}\"\n"),
    );
    fx.replace(
        FEB_2023,
        "subject: Công bố kết quả",
        "subject: Công bố <script>alert(1)</script> kết quả",
    );
    // The image points at a file that exists: `<img src=x>` would (rightly)
    // fail the link check, see the next test.
    fx.append(
        FEB_2023,
        "\n  <script>alert(1)</script>\n\n  <img src=\"../../static/favicon.svg\" onerror=alert(1)>\n\n  \
         [x](javascript:alert(1))\n",
    );
    let out = fx.scratch("out");
    build(&fx.content, &out)
        .unwrap_or_else(|e| panic!("the edited content should still build: {e}"));

    let files = snapshot(&out);
    let problems = script_problems(&files, true);
    assert!(
        problems.is_empty(),
        "{} problems:\n{problems:#?}",
        problems.len()
    );

    // Escaped, not dropped: the name reads as printed.
    let text = visible_text(&read_text(&out, "don-vi/so-tu-phap/index.html"));
    assert!(text.contains(SCRIPT_NAME), "{text}");
    assert!(file_contains!(
        out,
        "don-vi/so-tu-phap/index.html",
        "&lt;script&gt;alert(1)&lt;/script&gt;Sở Tư pháp"
    ));
    assert!(text_contains!(
        out,
        "van-ban/2023-02-vpub/index.html",
        "Công bố <script>alert(1)</script> kết quả"
    ));
    // The data files keep the name exactly, as data.
    let json: serde_json::Value = serde_json::from_slice(&files["du-lieu/ket-qua.json"]).unwrap();
    let records = json_records(&json);
    assert!(
        records
            .iter()
            .any(|r| r["don_vi_id"] == "so-tu-phap" && r["don_vi_ten"] == SCRIPT_NAME),
        "the JSON does not keep the unit name as data"
    );
}

#[test]
fn other_script_vectors_in_markdown_are_neutralized() {
    let fx = SiteCopy::new();
    fx.append(
        FEB_2023,
        "\n  [y](JaVaScRiPt:alert(2)) <a href=\"javascript:alert(3)\">z</a> <svg onload=alert(4)></svg>\n\n  \
         <iframe src=\"javascript:alert(5)\"></iframe>\n\n  [w](&#106;avascript:alert(6)) [v]( javascript:alert(7))\n\n  \
         <a href=\"&#x6A;avascript:alert(8)\">u</a> <p onclick=\"alert(9)\" style=\"x\">t</p> <object data=x></object>\n\n  \
         <base href=\"https://evil.example/\"> <form action=\"javascript:alert(10)\"><button>s</button></form>\n",
    );
    let out = fx.scratch("out");
    build(&fx.content, &out)
        .unwrap_or_else(|e| panic!("the edited content should still build: {e}"));
    // Structurally: text that merely reads `javascript:` is harmless.
    let problems = script_problems(&snapshot(&out), false);
    assert!(
        problems.is_empty(),
        "{} problems:\n{problems:#?}",
        problems.len()
    );
}

#[test]
fn the_img_onerror_of_the_issue_is_either_inert_or_refused() {
    // `<img src=x onerror=alert(1)>`: sanitized, the image stays with a
    // broken `src`, which the link check refuses; escaped, it is text.
    let fx = SiteCopy::new();
    fx.append(FEB_2023, "\n  <img src=x onerror=alert(1)>\n");
    let out = fx.scratch("out");
    match build(&fx.content, &out) {
        Ok(_) => {
            let problems = script_problems(&snapshot(&out), false);
            assert!(problems.is_empty(), "{problems:#?}");
        }
        Err(SiteError::Links(msg)) => {
            assert!(
                msg.contains("van-ban/2023-02-vpub/index.html") && msg.contains("`x`"),
                "{msg}"
            );
            assert!(!out.exists());
        }
        Err(e) => panic!("unexpected error: {e}"),
    }
}

// ---- 7. slugs ---------------------------------------------------------------

/// Append a unit to units.yaml; returns its index in the list.
fn add_unit(fx: &SiteCopy, id: &str) -> usize {
    let n = Expected::of(&fx.content).unit_ids.len();
    fx.append("units.yaml", &format!("\n  - id: {id}\n    name: Đơn vị thử nghiệm\n    kind: department\n    parent: hung-yen\n"));
    n
}

/// Build a content that must be refused; returns the CLI's stderr. Checks
/// that nothing at all was written, in or outside the output folder.
fn refused(fx: &SiteCopy) -> String {
    let out = fx.scratch("work/out");
    fs::create_dir_all(out.parent().unwrap()).unwrap();
    let before = tree(fx.tmp.path());
    let err = build(&fx.content, &out).expect_err("the build must be refused");
    let SiteError::Content(diags) = &err else {
        panic!("expected a content error, got {err}")
    };
    assert!(diags.has_errors());
    let run = run_build(&fx.content, &out, &[]);
    assert!(!run.status.success(), "{}", describe(&run));
    assert_eq!(tree(fx.tmp.path()), before, "the refused build wrote files");
    assert!(!out.exists());
    String::from_utf8_lossy(&run.stderr).into_owned()
}

#[test]
fn a_unit_id_like_dot_dot_slash_is_refused() {
    let fx = SiteCopy::new();
    let i = add_unit(&fx, "../x");
    let stderr = refused(&fx);
    let field = format!("units[{i}].id");
    assert!(
        stderr
            .lines()
            .any(|l| l.contains("units.yaml") && l.contains(&field) && l.contains("../x")),
        "no error naming units.yaml, `{field}` and `../x`:\n{stderr}"
    );
}

#[test]
fn a_unit_id_with_upper_case_is_refused() {
    let fx = SiteCopy::new();
    let i = add_unit(&fx, "So-Thu-Nghiem");
    let stderr = refused(&fx);
    let field = format!("units[{i}].id");
    assert!(
        stderr
            .lines()
            .any(|l| l.contains("units.yaml") && l.contains(&field) && l.contains("So-Thu-Nghiem")),
        "no error naming units.yaml, `{field}` and `So-Thu-Nghiem`:\n{stderr}"
    );
}

#[test]
fn a_dispatch_file_name_with_a_space_is_refused() {
    let fx = SiteCopy::new();
    fs::rename(
        fx.content.join(FEB_2023),
        fx.content.join("dispatches/2023/Bad Name.yaml"),
    )
    .unwrap();
    let stderr = refused(&fx);
    assert!(
        stderr
            .lines()
            .any(|l| l.contains("Bad Name.yaml") && l.contains("error")),
        "no error naming the file `Bad Name.yaml`:\n{stderr}"
    );
}

// ---- 8. base path ----------------------------------------------------------

/// The site built by the binary with `--base-path /cong-khai/`.
fn build_under_sub_path() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let run = run_build(
        &real_content(),
        &out,
        &["--base-path", "/cong-khai/", "--quiet"],
    );
    assert!(run.status.success(), "{}", describe(&run));
    (tmp, out)
}

fn host_of(url: &str) -> &str {
    url.split("://")
        .nth(1)
        .unwrap_or("")
        .split('/')
        .next()
        .unwrap_or("")
}

#[test]
fn base_path_appears_only_in_absolute_urls() {
    let (_tmp, out) = build_under_sub_path();
    let site_url = Expected::of(&real_content()).site_url;
    let prefix = format!("{site_url}/cong-khai/");
    let host = host_of(&site_url).to_string();

    // Sitemap and feed.
    let sitemap = read_text(&out, "sitemap.xml");
    let doc = roxmltree::Document::parse(&sitemap).unwrap();
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    assert!(locs.len() > 40, "{sitemap}");
    for loc in &locs {
        assert!(
            loc.starts_with(&prefix),
            "sitemap URL {loc} does not start with {prefix}"
        );
    }
    let feed = read_text(&out, "feed.xml");
    let doc = roxmltree::Document::parse(&feed).unwrap();
    let mut feed_urls = 0;
    for n in doc.descendants() {
        let url = if n.has_tag_name("link") {
            n.attribute("href")
        } else if n.has_tag_name("id") {
            n.text()
        } else {
            None
        };
        if let Some(url) = url {
            feed_urls += 1;
            assert!(
                url.starts_with(&prefix),
                "feed URL {url} does not start with {prefix}"
            );
        }
    }
    assert!(feed_urls >= 10, "{feed}");
    assert!(file_contains!(
        out,
        "robots.txt",
        &format!("Sitemap: {prefix}sitemap.xml")
    ));

    // HTML: canonical absolute and pointing at the page itself; everything
    // else relative.
    let mut problems = Vec::new();
    for (path, bytes) in snapshot(&out) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        let tags = tags(&html);
        let canonical: Vec<&str> = tags
            .iter()
            .filter(|t| t.name == "link" && t.attr("rel") == Some("canonical"))
            .filter_map(|t| t.attr("href"))
            .collect();
        let own = format!(
            "{prefix}{}",
            path.strip_suffix("index.html").unwrap_or(&path)
        );
        if canonical != [own.as_str()] {
            problems.push(format!(
                "{path}: canonical {canonical:?}, expected [{own:?}]"
            ));
        }
        if path == "404.html" {
            continue;
        }
        for (tag, attr, url) in page_urls(&html) {
            if tag == "link" && url.starts_with(&prefix) && canonical.contains(&url.as_str()) {
                continue;
            }
            let internal_absolute =
                url.starts_with('/') || (has_scheme(&url) && host_of(&url) == host);
            if internal_absolute {
                problems.push(format!("{path}: <{tag} {attr}=\"{url}\"> is not relative"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );

    // And the sub-path build links up just as well.
    let report = check_links(&out, "/cong-khai/", &prefix);
    assert!(report.broken.is_empty(), "{}", report.broken.join("\n"));
}

#[test]
fn base_path_is_normalized() {
    let (tmp, out) = build_under_sub_path();
    let bare = tmp.path().join("bare");
    let run = run_build(
        &real_content(),
        &bare,
        &["--base-path", "cong-khai", "--quiet"],
    );
    assert!(run.status.success(), "{}", describe(&run));
    if let Some(d) = first_difference(&snapshot(&out), &snapshot(&bare)) {
        panic!("--base-path cong-khai and /cong-khai/ differ: {d}");
    }
}

#[test]
fn not_found_page_works_at_any_depth() {
    // The 404 page is served at whatever address was missing, e.g.
    // /cong-khai/don-vi/khong-co/, so a relative `static/style.css` would be
    // looked for at /cong-khai/don-vi/khong-co/static/style.css. Its
    // internal references must be absolute from the base path.
    let (_tmp, out) = build_under_sub_path();
    let html = read_text(&out, "404.html");
    let bad: Vec<String> = page_urls(&html)
        .into_iter()
        .filter(|(_, _, url)| {
            !has_scheme(url) && !url.starts_with('#') && !url.starts_with("/cong-khai/")
        })
        .map(|(tag, attr, url)| format!("<{tag} {attr}=\"{url}\">"))
        .collect();
    assert!(
        bad.is_empty(),
        "404.html references that break below the root:\n{}",
        bad.join("\n")
    );
}

// ---- 9. theme overrides ----------------------------------------------------

fn default_template(name: &str) -> String {
    read_text(&repo().join("themes/default/templates"), name)
}

/// The default base layout with a marker comment inserted after `<head>`.
fn marked_base(marker: &str) -> String {
    let base = default_template("base.html");
    assert_eq!(
        base.matches("<head>").count(),
        1,
        "base.html has one <head>"
    );
    base.replacen("<head>", &format!("<head>\n<!-- {marker} -->"), 1)
}

fn pages_without(out: &Path, marker: &str) -> Vec<String> {
    snapshot(out)
        .into_iter()
        .filter(|(p, b)| p.ends_with(".html") && !String::from_utf8_lossy(b).contains(marker))
        .map(|(p, _)| p)
        .collect()
}

#[test]
fn a_site_template_overrides_the_default_on_every_page() {
    let fx = SiteCopy::new();
    fx.write_root(
        "templates/base.html",
        marked_base("ghi-de-cua-trang").as_bytes(),
    );
    let out = fx.scratch("out");
    build(&fx.content, &out).unwrap_or_else(|e| panic!("{e}"));
    let pages = snapshot(&out)
        .keys()
        .filter(|p| p.ends_with(".html"))
        .count();
    assert!(pages > 50);
    let missing = pages_without(&out, "<!-- ghi-de-cua-trang -->");
    assert!(
        missing.is_empty(),
        "pages without the override: {missing:#?}"
    );
}

#[test]
fn the_site_templates_folder_beats_the_theme_folder() {
    let fx = SiteCopy::new();
    fx.write_root(
        "themes/default/templates/base.html",
        marked_base("theme-folder").as_bytes(),
    );
    let out = fx.scratch("out");
    build(&fx.content, &out).unwrap_or_else(|e| panic!("{e}"));
    let missing = pages_without(&out, "<!-- theme-folder -->");
    assert!(
        missing.is_empty(),
        "pages without the theme folder's base.html: {missing:#?}"
    );

    fx.write_root("templates/base.html", marked_base("site-folder").as_bytes());
    build(&fx.content, &out).unwrap_or_else(|e| panic!("{e}"));
    let missing = pages_without(&out, "<!-- site-folder -->");
    assert!(
        missing.is_empty(),
        "pages without the site's base.html: {missing:#?}"
    );
    assert!(!file_contains!(out, "index.html", "theme-folder"));
}

#[test]
fn a_site_asset_overrides_the_default() {
    let fx = SiteCopy::new();
    let css = b"/* kieu-rieng */\nbody { color: #0b0c0c }\n";
    fx.write_root("static/style.css", css);
    let out = fx.scratch("out");
    build(&fx.content, &out).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(fs::read(out.join("static/style.css")).unwrap(), css);
    // The other default asset is still there.
    assert!(out.join("static/favicon.svg").is_file());
}

#[test]
fn a_broken_override_names_the_template_and_a_line_and_writes_nothing() {
    let fx = SiteCopy::new();
    let out = fx.scratch("out");
    build(&fx.content, &out).unwrap_or_else(|e| panic!("{e}"));
    let before = snapshot(&out);
    // `{% if %}` never closed.
    fx.write_root(
        "templates/base.html",
        b"<!DOCTYPE html>\n<html lang=\"vi\">\n{% if site.title %}\n<body>{% block content %}{% endblock content %}</body>\n</html>\n",
    );
    let err = build(&fx.content, &out).expect_err("an unclosed {% if %} must fail the build");
    let message = err.to_string();
    let run = run_build(&fx.content, &out, &[]);
    assert!(!run.status.success(), "{}", describe(&run));
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    for text in [&message, &stderr] {
        assert!(
            text.contains("templates/base.html"),
            "the error does not name the file:\n{text}"
        );
        assert!(names_a_line(text), "the error names no line:\n{text}");
    }
    if let Some(d) = first_difference(&before, &snapshot(&out)) {
        panic!("a failed render changed the output: {d}");
    }
}

/// `--> 6:1`, `:6:1`, `line 6`.
fn names_a_line(text: &str) -> bool {
    let digits_after = |pat: &str| {
        text.match_indices(pat).any(|(i, _)| {
            text[i + pat.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit())
        })
    };
    digits_after("--> ") || digits_after("line ") || digits_after("html:")
}

// ---- 10. open data ---------------------------------------------------------

fn figure_count() -> usize {
    let loaded = congkhai::content::load(&real_content());
    loaded.model.expect("the real content loads").figures.len()
}

fn read_csv(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let body = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .expect("ket-qua.csv starts with the UTF-8 BOM");
    let mut reader = csv::Reader::from_reader(body);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            r.expect("every row has as many fields as the header")
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect();
    (header, rows)
}

/// The records of ket-qua.json: the array itself, or the one array field
/// of the top-level object.
fn json_records(json: &serde_json::Value) -> Vec<serde_json::Map<String, serde_json::Value>> {
    let array = match json {
        serde_json::Value::Array(a) => a,
        serde_json::Value::Object(o) => {
            let arrays: Vec<&Vec<serde_json::Value>> =
                o.values().filter_map(|v| v.as_array()).collect();
            assert_eq!(arrays.len(), 1, "one array of records in ket-qua.json");
            arrays[0]
        }
        other => panic!("ket-qua.json is neither an array nor an object: {other}"),
    };
    array
        .iter()
        .map(|r| r.as_object().expect("each record is an object").clone())
        .collect()
}

fn as_cell(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[test]
fn open_data_csv_has_one_row_per_figure() {
    let site = build_real();
    let bytes = fs::read(site.out.join("du-lieu/ket-qua.csv")).unwrap();
    let (header, rows) = read_csv(&bytes);
    assert_eq!(rows.len(), figure_count(), "header: {header:?}");
    let tu_phap: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| r.iter().any(|c| c == "so-tu-phap"))
        .collect();
    assert!(
        tu_phap
            .iter()
            .any(|r| r.iter().any(|c| c == "44.6") && r.iter().any(|c| c == "44,6")),
        "no so-tu-phap row with 44.6 and 44,6: {tu_phap:#?}"
    );
    assert!(tu_phap
        .iter()
        .any(|r| r.iter().any(|c| c == "5.63") && r.iter().any(|c| c == "Chưa hoàn thành")));
    // Not applicable: the reason, not a zero.
    let na: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| {
            r.iter().any(|c| c == "so-tai-chinh")
                && r.iter().any(|c| c == "TTHC không có phí, lệ phí")
        })
        .collect();
    assert_eq!(na.len(), 1, "{rows:#?}");
    assert!(!na[0].iter().any(|c| c == "0" || c == "0.0"), "{:?}", na[0]);
    // The page documents every column.
    let page = visible_text(&site.text("du-lieu/index.html"));
    let undocumented: Vec<&String> = header
        .iter()
        .filter(|h| !page.contains(h.as_str()))
        .collect();
    assert!(
        undocumented.is_empty(),
        "columns not documented on du-lieu/: {undocumented:?}"
    );
}

#[test]
fn open_data_json_has_the_same_records_as_the_csv() {
    let site = build_real();
    let (header, rows) = read_csv(&fs::read(site.out.join("du-lieu/ket-qua.csv")).unwrap());
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(site.out.join("du-lieu/ket-qua.json")).unwrap())
            .expect("ket-qua.json parses");
    let records = json_records(&json);
    assert_eq!(records.len(), figure_count());
    assert_eq!(records.len(), rows.len());
    for (i, (record, row)) in records.iter().zip(&rows).enumerate() {
        let as_row: BTreeMap<&str, String> = header
            .iter()
            .map(|h| {
                (
                    h.as_str(),
                    record
                        .get(h)
                        .map(as_cell)
                        .unwrap_or_else(|| panic!("record {i} has no `{h}`")),
                )
            })
            .collect();
        let csv_row: BTreeMap<&str, String> = header
            .iter()
            .map(String::as_str)
            .zip(row.iter().cloned())
            .collect();
        assert_eq!(as_row, csv_row, "record {i} differs between JSON and CSV");
    }
}
