//! Theme overrides: a site's own templates and assets beat the default
//! theme's, and a broken template names its file and line and writes
//! nothing.

use crate::support::*;
use std::fs;
use std::path::Path;

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
    let fx = Fixture::real();
    fx.write_root(
        "templates/base.html",
        marked_base("ghi-de-cua-trang").as_bytes(),
    );
    let out = fx.scratch("out");
    build(fx.content(), &out).unwrap_or_else(|e| panic!("{e}"));
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
    let fx = Fixture::real();
    fx.write_root(
        "themes/default/templates/base.html",
        marked_base("theme-folder").as_bytes(),
    );
    let out = fx.scratch("out");
    build(fx.content(), &out).unwrap_or_else(|e| panic!("{e}"));
    let missing = pages_without(&out, "<!-- theme-folder -->");
    assert!(
        missing.is_empty(),
        "pages without the theme folder's base.html: {missing:#?}"
    );

    fx.write_root("templates/base.html", marked_base("site-folder").as_bytes());
    build(fx.content(), &out).unwrap_or_else(|e| panic!("{e}"));
    let missing = pages_without(&out, "<!-- site-folder -->");
    assert!(
        missing.is_empty(),
        "pages without the site's base.html: {missing:#?}"
    );
    assert!(!file_contains!(out, "index.html", "theme-folder"));
}

#[test]
fn a_site_asset_overrides_the_default() {
    let fx = Fixture::real();
    let css = b"/* kieu-rieng */\nbody { color: #0b0c0c }\n";
    fx.write_root("static/style.css", css);
    let out = fx.scratch("out");
    build(fx.content(), &out).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(fs::read(out.join("static/style.css")).unwrap(), css);
    // The other default asset is still there.
    assert!(out.join("static/favicon.svg").is_file());
}

#[test]
fn a_broken_override_names_the_template_and_a_line_and_writes_nothing() {
    let fx = Fixture::real();
    let out = fx.scratch("out");
    build(fx.content(), &out).unwrap_or_else(|e| panic!("{e}"));
    let before = snapshot(&out);
    // `{% if %}` never closed.
    fx.write_root(
        "templates/base.html",
        b"<!DOCTYPE html>\n<html lang=\"vi\">\n{% if site.title %}\n<body>{% block content %}{% endblock content %}</body>\n</html>\n",
    );
    let err = build(fx.content(), &out).expect_err("an unclosed {% if %} must fail the build");
    let message = err.to_string();
    let run = run_build(fx.content(), &out, &[]);
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
