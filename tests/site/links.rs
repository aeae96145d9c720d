//! Every internal link and anchor of the built site resolves, as checked
//! by the independent link checker of `tests/support/links.rs`, which is
//! itself shown to find broken links.

use crate::support::*;
use std::fs;

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
