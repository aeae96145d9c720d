//! A site built under a sub-path (`--base-path /cong-khai/`): the base path
//! appears in absolute URLs only, is normalized, and the 404 page works at
//! any depth.

use crate::support::*;

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
