//! Relative URLs, and the link check run after every build: an internal
//! link or `#anchor` that does not resolve fails the build, naming the page
//! and the link.

use super::{Site, SiteError};
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap};

/// The prefix that leads from a page back to the site root:
/// `don-vi/x/index.html` → `../../`; `index.html` → ``.
pub fn root_of(page: &str) -> String {
    "../".repeat(page.matches('/').count())
}

/// Decode the entities tera's escaping produces in attribute values.
fn unescape(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(
        s.replace("&#x2F;", "/")
            .replace("&#x27;", "'")
            .replace("&#39;", "'")
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&"),
    )
}

/// Values of `attr="…"` in an HTML text.
fn attribute_values<'a>(html: &'a str, attr: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    let needle = format!(" {attr}=\"");
    let mut rest = html;
    std::iter::from_fn(move || {
        let i = rest.find(&needle)?;
        let after = &rest[i + needle.len()..];
        let end = after.find('"')?;
        rest = &after[end..];
        Some(&after[..end])
    })
}

/// Resolve `link` found on `page` to a file path in the site, and its anchor.
fn resolve(page: &str, link: &str, base_path: &str) -> Option<(String, Option<String>)> {
    let (path, anchor) = match link.split_once('#') {
        Some((p, a)) => (p, Some(a.to_string())),
        None => (link, None),
    };
    let path = path.split('?').next().unwrap_or_default();
    let mut parts: Vec<&str> = Vec::new();
    let rel = if let Some(abs) = path.strip_prefix('/') {
        // Only the 404 page uses absolute paths; they start with the base path.
        abs.strip_prefix(base_path.trim_start_matches('/'))?
    } else {
        if path.is_empty() {
            return Some((page.to_string(), anchor));
        }
        let dir = page.rsplit_once('/').map_or("", |(d, _)| d);
        parts.extend(dir.split('/').filter(|s| !s.is_empty()));
        path
    };
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut file = parts.join("/");
    if path.ends_with('/') || file.is_empty() {
        if !file.is_empty() {
            file.push('/');
        }
        file.push_str("index.html");
    }
    Some((file, anchor))
}

pub fn check(site: &Site) -> Result<(), SiteError> {
    let base_path = &site.base_path;
    let pages: Vec<(&String, &str)> = site
        .files
        .iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| (path, std::str::from_utf8(bytes).unwrap_or_default()))
        .collect();
    let ids: HashMap<&str, BTreeSet<String>> = pages
        .par_iter()
        .map(|(path, html)| {
            let set = attribute_values(html, "id")
                .map(|v| unescape(v).into_owned())
                .collect();
            (path.as_str(), set)
        })
        .collect();
    let mut broken: Vec<String> = pages
        .par_iter()
        .flat_map_iter(|(page, html)| {
            let mut found = Vec::new();
            for raw in attribute_values(html, "href").chain(attribute_values(html, "src")) {
                let link = unescape(raw);
                let external = ["http:", "https:", "mailto:", "tel:", "data:"]
                    .iter()
                    .any(|s| link.starts_with(s));
                if external {
                    continue;
                }
                match resolve(page, &link, base_path) {
                    None => found.push(format!("{page}: `{link}` leaves the site")),
                    Some((file, anchor)) => {
                        if !site.files.contains_key(&file) {
                            found.push(format!("{page}: `{link}` → {file} does not exist"));
                        } else if let Some(a) = anchor.filter(|a| !a.is_empty()) {
                            if !ids.get(file.as_str()).is_some_and(|set| set.contains(&a)) {
                                found.push(format!("{page}: `{link}` → no id=\"{a}\" in {file}"));
                            }
                        }
                    }
                }
            }
            found
        })
        .collect();
    if broken.is_empty() {
        Ok(())
    } else {
        broken.sort();
        Err(SiteError::Links(broken.join("\n")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_relative_links() {
        assert_eq!(root_of("don-vi/x/index.html"), "../../");
        assert_eq!(
            resolve("don-vi/x/index.html", "../../thang/2023-10/", "/")
                .unwrap()
                .0,
            "thang/2023-10/index.html"
        );
        assert_eq!(resolve("index.html", "./", "/").unwrap().0, "index.html");
        assert_eq!(
            resolve("a/index.html", "#top", "/").unwrap(),
            ("a/index.html".into(), Some("top".into()))
        );
        assert_eq!(
            resolve("404.html", "/cong-khai/static/style.css", "/cong-khai/")
                .unwrap()
                .0,
            "static/style.css"
        );
        assert!(resolve("index.html", "../x", "/").is_none());
    }

    #[test]
    fn finds_broken_links_and_anchors() {
        let mut site = Site::default();
        site.add(
            "index.html",
            r#"<a href="a/">a</a><a href="a/#x">x</a><a href="b/">b</a><a href="a/#nope">n</a>"#,
        );
        site.add("a/index.html", r#"<h1 id="x">x</h1><a href="../">home</a>"#);
        let Err(SiteError::Links(msg)) = check(&site) else {
            panic!("expected broken links")
        };
        assert!(
            msg.contains("index.html: `b/` → b/index.html does not exist"),
            "{msg}"
        );
        assert!(msg.contains("no id=\"nope\""), "{msg}");
        assert!(!msg.contains("`a/#x`"), "{msg}");
    }
}
