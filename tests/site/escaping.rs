//! Script in a name, a subject or a dispatch's Markdown never becomes
//! markup; ids and file names that are not slugs are refused before
//! anything is written.

use crate::open_data::json_records;
use crate::support::api::SiteError;
use crate::support::*;
use std::collections::BTreeMap;
use std::fs;

const SCRIPT_NAME: &str = "<script>alert(1)</script>Sở Tư pháp";

/// Markup that could run a script, in any file but the data files: raw
/// `<script`, `onerror=`, `javascript:` (when `naive`), and structurally a
/// script-like element, an `on…` attribute or a `javascript:` URL.
/// The page without the theme's own script element (`static/site.js`,
/// from the page's way back to the root or from the base path on the 404
/// page): any other script counts.
fn without_theme_script(text: &str) -> String {
    const OPEN: &str = "<script src=\"";
    const CLOSE: &str = "\" defer></script>";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(OPEN) {
        out.push_str(&rest[..i]);
        let after = &rest[i + OPEN.len()..];
        let src = after.split('"').next().unwrap_or_default();
        let ours = src.ends_with("static/site.js")
            && src
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "/._-".contains(c))
            && after[src.len()..].starts_with(CLOSE);
        if ours {
            rest = &after[src.len() + CLOSE.len()..];
        } else {
            out.push_str(OPEN);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

fn script_problems(files: &BTreeMap<String, Vec<u8>>, naive: bool) -> Vec<String> {
    let mut problems = Vec::new();
    for (path, bytes) in files {
        // The theme's script is code, not markup.
        if path == "static/site.js" {
            continue;
        }
        let text = without_theme_script(&String::from_utf8_lossy(bytes));
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
    let fx = Fixture::real();
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
    // fail the link check, see the_img_onerror_payload_is_either_inert_or_refused.
    fx.append(
        FEB_2023,
        "\n  <script>alert(1)</script>\n\n  <img src=\"../../static/favicon.svg\" onerror=alert(1)>\n\n  \
         [x](javascript:alert(1))\n",
    );
    let out = fx.scratch("out");
    build(fx.content(), &out)
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
    let records: Vec<_> = files
        .iter()
        .filter(|(path, _)| *path == "du-lieu/don-vi.json")
        .flat_map(|(_, bytes)| json_records(&serde_json::from_slice(bytes).unwrap()))
        .collect();
    assert!(
        records
            .iter()
            .any(|r| r["don_vi_id"] == "so-tu-phap" && r["ten"] == SCRIPT_NAME),
        "the JSON does not keep the unit name as data"
    );
}

#[test]
fn a_frame_or_image_from_outside_the_site_is_refused() {
    for embed in [
        "<iframe src=\"javascript:alert(5)\"></iframe>",
        "![a](https://evil.example/a.png)",
        "<img src=\"//evil.example/b.png\">",
    ] {
        let fx = Fixture::real();
        fx.append(FEB_2023, &format!("\n  {embed}\n"));
        let loaded = fx.load();
        let errors = errors_at(&loaded, FEB_2023, "body");
        assert_eq!(errors.len(), 1, "{embed}: {}", report(&loaded));
        assert!(
            errors[0]
                .message
                .en
                .contains("an embedded file from outside the site"),
            "{}",
            errors[0]
        );
    }
}

#[test]
fn other_script_vectors_in_markdown_are_neutralized() {
    let fx = Fixture::real();
    fx.append(
        FEB_2023,
        "\n  [y](JaVaScRiPt:alert(2)) <a href=\"javascript:alert(3)\">z</a> <svg onload=alert(4)></svg>\n\n  \
         [w](&#106;avascript:alert(6)) [v]( javascript:alert(7))\n\n  \
         <a href=\"&#x6A;avascript:alert(8)\">u</a> <p onclick=\"alert(9)\" style=\"x\">t</p> <object data=x></object>\n\n  \
         <base href=\"https://evil.example/\"> <form action=\"javascript:alert(10)\"><button>s</button></form>\n",
    );
    let out = fx.scratch("out");
    build(fx.content(), &out)
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
fn the_img_onerror_payload_is_either_inert_or_refused() {
    // `<img src=x onerror=alert(1)>`: sanitized, the image stays with a
    // broken `src`, which the link check refuses; escaped, it is text.
    let fx = Fixture::real();
    fx.append(FEB_2023, "\n  <img src=x onerror=alert(1)>\n");
    let out = fx.scratch("out");
    match build(fx.content(), &out) {
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
fn add_unit(fx: &Fixture, id: &str) -> usize {
    let n = Expected::of(fx.content()).unit_ids.len();
    fx.append("units.yaml", &format!("\n  - id: {id}\n    name: Đơn vị thử nghiệm\n    kind: department\n    parent: hung-yen\n"));
    n
}

/// Build a content that must be refused; returns the CLI's stderr. Checks
/// that nothing at all was written, in or outside the output folder.
fn refused(fx: &Fixture) -> String {
    let out = fx.scratch("work/out");
    fs::create_dir_all(out.parent().unwrap()).unwrap();
    let before = tree(fx.tmp());
    let err = build(fx.content(), &out).expect_err("the build must be refused");
    let SiteError::Content(diags) = &err else {
        panic!("expected a content error, got {err}")
    };
    assert!(diags.has_errors());
    let run = run_build(fx.content(), &out, &[]);
    assert!(!run.status.success(), "{}", describe(&run));
    assert_eq!(tree(fx.tmp()), before, "the refused build wrote files");
    assert!(!out.exists());
    String::from_utf8_lossy(&run.stderr).into_owned()
}

#[test]
fn a_unit_id_like_dot_dot_slash_is_refused() {
    let fx = Fixture::real();
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
    let fx = Fixture::real();
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
    let fx = Fixture::real();
    fs::rename(fx.path(FEB_2023), fx.path("dispatches/2023/Bad Name.yaml")).unwrap();
    let stderr = refused(&fx);
    assert!(
        stderr
            .lines()
            .any(|l| l.contains("Bad Name.yaml") && l.contains("error")),
        "no error naming the file `Bad Name.yaml`:\n{stderr}"
    );
}

/// Whatever text the content holds (markup characters, quotes, line and
/// paragraph separators, emoji, what a spreadsheet or a shell reads
/// specially), every XML file of the site parses with a real XML parser:
/// the feed, the sitemap and every chart.
#[test]
fn every_xml_file_parses_whatever_the_text() {
    let fx = Fixture::real();
    let odd = "A<b>&amp;\\\"'\\u2028\\u2029 😀 ]]> <!-- =cmd| @x";
    fx.replace(
        FEB_2023,
        "subject: Công bố kết quả đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp tháng 02/2023\n",
        &format!("subject: \"{odd}\"\n"),
    );
    fx.replace(
        "units.yaml",
        "    name: Sở Tư pháp\n",
        &format!("    name: \"Sở Tư pháp {odd}\"\n"),
    );
    let out = fx.scratch("out");
    build(fx.content(), &out).unwrap_or_else(|e| panic!("{e}"));
    let files = snapshot(&out);
    let mut parsed = 0;
    for (path, bytes) in &files {
        let text = std::str::from_utf8(bytes).unwrap();
        if path.ends_with(".xml") || path.ends_with(".svg") {
            roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{path}: {e}"));
            parsed += 1;
        }
        if path.ends_with(".html") {
            let mut rest = text;
            while let Some(i) = rest.find("<svg ") {
                let end = rest[i..].find("</svg>").expect("a closed svg") + i + 6;
                roxmltree::Document::parse(&rest[i..end])
                    .unwrap_or_else(|e| panic!("a chart of {path}: {e}"));
                parsed += 1;
                rest = &rest[end..];
            }
        }
    }
    // The feed, the sitemap, the favicon and the charts of the pages.
    assert!(parsed > 10, "{parsed} XML documents");
    let feed = String::from_utf8(files["feed.xml"].clone()).unwrap();
    assert!(feed.contains("😀"), "the text is kept, escaped");
}
