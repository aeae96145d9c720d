//! An independent link checker: every reference of every page and
//! stylesheet resolved against the files written.

use super::files::snapshot;
use super::html::tags;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Whether the HTML of `page` has an `<a href>` that leads to `target` (a
/// file path relative to the site root, such as `don-vi/x/index.html`).
pub fn links_to(html: &str, page: &str, target: &str) -> bool {
    tags(html)
        .iter()
        .filter(|t| t.name == "a")
        .filter_map(|t| t.attr("href"))
        .any(|href| {
            !has_scheme(href) && resolve(page, href, "/").is_ok_and(|(file, _)| file == target)
        })
}

/// Attributes that hold one URL.
const URL_ATTRS: &[&str] = &[
    "href",
    "xlink:href",
    "src",
    "action",
    "poster",
    "data",
    "formaction",
    "cite",
];

/// Whether a URL has a scheme (`https:`, `mailto:`, `javascript:`…) or is
/// protocol-relative (`//host/`).
pub fn has_scheme(url: &str) -> bool {
    if url.starts_with("//") {
        return true;
    }
    match url.find(':') {
        Some(i) => {
            let scheme = &url[..i];
            !scheme.is_empty()
                && scheme.chars().next().unwrap().is_ascii_alphabetic()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
                && !url[..i].contains('/')
        }
        None => false,
    }
}

pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let Some(v) = std::str::from_utf8(&b[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Every URL an HTML page references: `(tag, attribute, url)`; includes the
/// target of `<meta http-equiv="refresh" content="0; url=…">`.
pub fn page_urls(html: &str) -> Vec<(String, String, String)> {
    let mut urls = Vec::new();
    for tag in tags(html) {
        for (name, value) in &tag.attrs {
            if URL_ATTRS.contains(&name.as_str()) {
                urls.push((tag.name.clone(), name.clone(), value.trim().to_string()));
            }
            if name == "srcset" {
                for part in value.split(',') {
                    if let Some(u) = part.split_whitespace().next() {
                        urls.push((tag.name.clone(), name.clone(), u.to_string()));
                    }
                }
            }
        }
        if tag.name == "meta"
            && tag
                .attr("http-equiv")
                .is_some_and(|v| v.eq_ignore_ascii_case("refresh"))
        {
            if let Some(content) = tag.attr("content") {
                let lower = content.to_ascii_lowercase();
                if let Some(at) = lower.find("url=") {
                    let u = content[at + 4..]
                        .trim()
                        .trim_matches(|c| c == '\'' || c == '"');
                    urls.push((tag.name.clone(), "content".into(), u.to_string()));
                }
            }
        }
    }
    urls
}

/// `url(…)` references of a stylesheet.
fn css_urls(css: &str) -> Vec<String> {
    let mut urls = Vec::new();
    let mut rest = css;
    while let Some(at) = rest.find("url(") {
        rest = &rest[at + 4..];
        let end = rest.find(')').unwrap_or(rest.len());
        urls.push(
            rest[..end]
                .trim()
                .trim_matches(|c| c == '\'' || c == '"')
                .to_string(),
        );
        rest = &rest[end..];
    }
    urls
}

/// Where a link found on `page` leads: the file (relative to the site root)
/// and the anchor, or why it cannot lead anywhere inside the site.
pub fn resolve(page: &str, url: &str, base_path: &str) -> Result<(String, Option<String>), String> {
    let (path, anchor) = match url.split_once('#') {
        Some((p, a)) => (p, Some(percent_decode(a))),
        None => (url, None),
    };
    let path = percent_decode(path.split('?').next().unwrap_or(""));
    let mut parts: Vec<String> = Vec::new();
    let rel: &str = if let Some(abs) = path.strip_prefix('/') {
        let base = base_path.trim_matches('/');
        if base.is_empty() {
            abs
        } else {
            match abs.strip_prefix(base) {
                Some(r) if r.is_empty() || r.starts_with('/') => r,
                _ => return Err(format!("absolute path outside the base path {base_path}")),
            }
        }
    } else {
        if path.is_empty() {
            return Ok((page.to_string(), anchor));
        }
        if let Some((dir, _)) = page.rsplit_once('/') {
            parts.extend(dir.split('/').map(str::to_string));
        }
        &path
    };
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Err("leaves the site root".into());
                }
            }
            s => parts.push(s.to_string()),
        }
    }
    let mut file = parts.join("/");
    if path.ends_with('/') || path.ends_with("/.") || path == "." || file.is_empty() {
        if !file.is_empty() {
            file.push('/');
        }
        file.push_str("index.html");
    }
    Ok((file, anchor))
}

pub struct LinkReport {
    /// Internal references checked.
    pub checked: usize,
    /// Anchors checked.
    pub anchors: usize,
    pub broken: Vec<String>,
}

/// Check every internal reference of every HTML page and stylesheet under
/// `out`. Absolute URLs under `own_url` (site_url + base path) count as
/// internal; other URLs with a scheme are external and skipped.
pub fn check_links(out: &Path, base_path: &str, own_url: &str) -> LinkReport {
    let files = snapshot(out);
    let mut ids: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for (path, bytes) in &files {
        if path.ends_with(".html") {
            let html = String::from_utf8_lossy(bytes);
            let mut set = BTreeSet::new();
            for tag in tags(&html) {
                if let Some(id) = tag.attr("id") {
                    set.insert(id.to_string());
                }
                if tag.name == "a" {
                    if let Some(n) = tag.attr("name") {
                        set.insert(n.to_string());
                    }
                }
            }
            ids.insert(path, set);
        }
    }
    let mut report = LinkReport {
        checked: 0,
        anchors: 0,
        broken: Vec::new(),
    };
    for (page, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        let urls: Vec<(String, String, String)> =
            if page.ends_with(".html") || page.ends_with(".svg") {
                page_urls(&text)
            } else if page.ends_with(".css") {
                css_urls(&text)
                    .into_iter()
                    .map(|u| ("css".into(), "url".into(), u))
                    .collect()
            } else {
                continue;
            };
        for (tag, attr, url) in urls {
            let local = if let Some(r) = url.strip_prefix(own_url) {
                format!(
                    "{}{r}",
                    if base_path.ends_with('/') {
                        base_path.to_string()
                    } else {
                        format!("{base_path}/")
                    }
                )
            } else if has_scheme(&url) {
                continue;
            } else {
                url.clone()
            };
            report.checked += 1;
            match resolve(page, &local, base_path) {
                Err(why) => report
                    .broken
                    .push(format!("{page}: <{tag} {attr}=\"{url}\"> {why}")),
                Ok((file, anchor)) => {
                    if !files.contains_key(&file) {
                        let hint = if out.join(&file).is_dir()
                            || out.join(file.trim_end_matches("/index.html")).is_dir()
                        {
                            " (a folder: write the link with a trailing `/`)"
                        } else {
                            ""
                        };
                        report.broken.push(format!(
                            "{page}: <{tag} {attr}=\"{url}\"> → {file} does not exist{hint}"
                        ));
                    } else if let Some(a) = anchor.filter(|a| !a.is_empty()) {
                        report.anchors += 1;
                        if !ids.get(file.as_str()).is_some_and(|s| s.contains(&a)) {
                            report.broken.push(format!(
                                "{page}: <{tag} {attr}=\"{url}\"> → no id=\"{a}\" in {file}"
                            ));
                        }
                    }
                }
            }
        }
    }
    report
}
