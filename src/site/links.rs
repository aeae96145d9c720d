//! The link check run after every build: an internal
//! link or `#anchor` that does not resolve fails the build, naming the page
//! and the link.

use super::paths::owner;
use super::{Site, SiteError};
use crate::address::has_scheme;
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap, HashSet};

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

/// Which attribute a value belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Attr {
    Id,
    Link,
}

/// Values of the `id`, `href` and `src` attributes of an HTML text, in
/// one pass (pages run to hundreds of kilobytes at national scale). Read
/// from the bytes: only the values are checked to be UTF-8, not the page.
fn attribute_values(html: &[u8]) -> impl Iterator<Item = (Attr, &str)> + '_ {
    memchr::memmem::find_iter(html, b"=\"").filter_map(move |i| {
        let before = &html[..i];
        let attr = if before.ends_with(b" id") {
            Attr::Id
        } else if before.ends_with(b" href") || before.ends_with(b" src") {
            Attr::Link
        } else {
            return None;
        };
        let value = &html[i + 2..];
        let end = memchr::memchr(b'"', value)?;
        std::str::from_utf8(&value[..end]).ok().map(|v| (attr, v))
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

/// One HTML page's ids and internal links.
pub struct PageLinks {
    path: String,
    ids: BTreeSet<String>,
    links: BTreeSet<String>,
}

/// Every file of a site with its size, and the ids and links of its pages:
/// enough to check links without keeping the pages themselves. `serve`
/// keeps it between rebuilds and replaces the entries of the files it
/// renders again.
#[derive(Default)]
pub struct LinkIndex {
    files: HashMap<String, usize>,
    ids: HashMap<String, BTreeSet<String>>,
    links: HashMap<String, BTreeSet<String>>,
}

impl LinkIndex {
    pub fn read_page<H: AsRef<[u8]> + ?Sized>(path: &str, html: &H) -> PageLinks {
        let mut ids = BTreeSet::new();
        let mut links = BTreeSet::new();
        for (attr, value) in attribute_values(html.as_ref()) {
            let value = unescape(value);
            match attr {
                Attr::Id => {
                    ids.insert(value.into_owned());
                }
                Attr::Link => {
                    if !has_scheme(&value) && !value.starts_with("//") {
                        links.insert(value.into_owned());
                    }
                }
            }
        }
        PageLinks {
            path: path.to_string(),
            ids,
            links,
        }
    }

    /// Note a file (again: a file rendered anew replaces its old entry).
    pub fn add_file(&mut self, path: String, size: usize) {
        self.files.insert(path, size);
    }

    pub fn add_page(&mut self, page: PageLinks) {
        self.ids.insert(page.path.clone(), page.ids);
        self.links.insert(page.path, page.links);
    }

    /// The size of a file, when the site has it.
    pub fn size(&self, path: &str) -> Option<usize> {
        self.files.get(path).copied()
    }

    /// Forget the files of the parts (see [`owner`]) that `fresh` rendered
    /// anew but that were not among `fresh`: files the site no longer has.
    /// Returns them, sorted.
    pub fn remove_stale(&mut self, fresh: &HashSet<String>) -> Vec<String> {
        let owners: HashSet<&str> = fresh.iter().map(|p| owner(p)).collect();
        let mut stale: Vec<String> = self
            .files
            .keys()
            .filter(|f| !fresh.contains(*f) && owners.contains(owner(f)))
            .cloned()
            .collect();
        stale.sort();
        for f in &stale {
            self.files.remove(f);
            self.ids.remove(f);
            self.links.remove(f);
        }
        stale
    }

    pub fn from_site(site: &Site) -> LinkIndex {
        let mut index = LinkIndex::default();
        for (path, bytes) in &site.files {
            index.add_file(path.clone(), bytes.len());
            if path.ends_with(".html") {
                index.add_page(Self::read_page(path, bytes));
            }
        }
        index
    }

    pub fn file_count(&self) -> usize {
        self.files.len()
    }

    /// HTML pages, sorted.
    pub fn html_pages(&self) -> Vec<String> {
        let mut pages: Vec<String> = self.ids.keys().cloned().collect();
        pages.sort();
        pages
    }

    pub fn check(&self, base_path: &str) -> Result<(), SiteError> {
        self.check_links(base_path, |_, _| true)
    }

    /// After a partial rebuild, the links that may have broken since the
    /// last check passed: every link of the pages in `changed` (the files
    /// rendered again or removed), and each link of the other pages that
    /// may lead to one of those files (its last path segment names one of
    /// them, or it climbs to a folder). A link from an unchanged page to an
    /// unchanged file resolves as it did. The same errors as [`check`] for
    /// a site that passed it before the rebuild, in a tenth of the time.
    pub fn check_changed(&self, base_path: &str, changed: &HashSet<&str>) -> Result<(), SiteError> {
        let names: HashSet<&str> = changed.iter().map(|f| last_name(f)).collect();
        self.check_links(base_path, |page, link| {
            if changed.contains(page) {
                return true;
            }
            let path = link.split(['#', '?']).next().unwrap_or_default();
            if path.is_empty() {
                // An anchor of the page itself, which did not change.
                return false;
            }
            let path = path.strip_suffix('/').unwrap_or(path);
            match path.rsplit('/').next().unwrap_or_default() {
                "" | "." | ".." | "index.html" => true,
                name => names.contains(name),
            }
        })
    }

    /// Check the links for which `wanted(page, link)` holds.
    fn check_links(
        &self,
        base_path: &str,
        wanted: impl Fn(&str, &str) -> bool + Sync,
    ) -> Result<(), SiteError> {
        let mut broken: Vec<String> = self
            .links
            .par_iter()
            .flat_map_iter(|(page, links)| {
                let mut found = Vec::new();
                for link in links.iter().filter(|l| wanted(page, l)) {
                    match resolve(page, link, base_path) {
                        None => found.push(format!("{page}: `{link}` leaves the site")),
                        Some((file, anchor)) => {
                            if !self.files.contains_key(&file) {
                                found.push(format!("{page}: `{link}` → {file} does not exist"));
                            } else if let Some(a) = anchor.filter(|a| !a.is_empty()) {
                                if !self.ids.get(&file).is_some_and(|set| set.contains(&a)) {
                                    found.push(format!(
                                        "{page}: `{link}` → no id=\"{a}\" in {file}"
                                    ));
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
}

/// What a link to `file` ends with: its folder's name for a page
/// (`van-ban/x/index.html` → `x`), else its file name; "" for the home
/// page.
fn last_name(file: &str) -> &str {
    let file = file.strip_suffix("index.html").unwrap_or(file);
    let file = file.strip_suffix('/').unwrap_or(file);
    file.rsplit('/').next().unwrap_or_default()
}

/// Check every internal link and anchor of an in-memory site.
pub fn check(site: &Site) -> Result<(), SiteError> {
    LinkIndex::from_site(site).check(&site.base_path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_relative_links() {
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
    fn a_part_rendered_again_drops_the_files_it_no_longer_has() {
        let mut index = LinkIndex::default();
        for f in [
            "don-vi/x/index.html",
            "don-vi/x/a.csv",
            "don-vi/y/a.csv",
            "index.html",
        ] {
            index.add_file(f.into(), 1);
        }
        let fresh: HashSet<String> = ["don-vi/x/index.html".to_string()].into();
        assert_eq!(
            index.remove_stale(&fresh),
            vec!["don-vi/x/a.csv".to_string()]
        );
        assert_eq!(index.file_count(), 3);
        assert_eq!(index.size("don-vi/y/a.csv"), Some(1));
    }

    #[test]
    fn after_a_partial_rebuild_the_links_to_what_changed_are_checked_again() {
        let page = LinkIndex::read_page;
        let mut index = LinkIndex::default();
        let pages = [
            ("index.html", r#"<a href="don-vi/a/">a</a>"#),
            (
                "don-vi/a/index.html",
                r##"<a href="../../van-ban/b/#phu-luc-ii">b</a> <a href="../../">home</a> <a href="#top" id="top">top</a>"##,
            ),
            ("van-ban/b/index.html", r#"<h2 id="phu-luc-ii">II</h2>"#),
        ];
        for (path, html) in pages {
            index.add_file(path.into(), html.len());
            index.add_page(page(path, html));
        }
        assert!(index.check("/").is_ok());
        let changed: HashSet<&str> = ["van-ban/b/index.html"].into();
        assert!(index.check_changed("/", &changed).is_ok());
        // The dispatch rendered again without its appendix II: the unit's
        // page, not rendered again, links to it.
        index.add_page(page("van-ban/b/index.html", "<h2 id=\"phu-luc-i\">I</h2>"));
        let err = index.check_changed("/", &changed).unwrap_err().to_string();
        assert!(
            err.contains("don-vi/a/index.html: `../../van-ban/b/#phu-luc-ii`"),
            "{err}"
        );
        // The home page removed: every link climbing to it is checked.
        index.add_page(page(
            "van-ban/b/index.html",
            "<h2 id=\"phu-luc-ii\">II</h2>",
        ));
        let stale = index.remove_stale(&["index.html".to_string()].into_iter().collect());
        assert!(stale.is_empty());
        index.files.remove("index.html");
        let changed: HashSet<&str> = ["index.html"].into();
        let err = index.check_changed("/", &changed).unwrap_err().to_string();
        assert!(
            err.contains("`../../` → index.html does not exist"),
            "{err}"
        );
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

    #[test]
    fn reads_the_links_and_ids_of_a_page_from_its_bytes() {
        let html = "<p id=\"đầu\">Kết quả</p> <a href=\"../don-vi/a/#x\" class=\"c\">a</a>\
                    <img src=\"a.svg\" alt=\"\"><a href=\"https://x.vn/\">x</a>";
        let page = LinkIndex::read_page("thang/index.html", html.as_bytes());
        assert_eq!(page.ids.iter().collect::<Vec<_>>(), ["đầu"]);
        assert_eq!(
            page.links.iter().collect::<Vec<_>>(),
            ["../don-vi/a/#x", "a.svg"]
        );
    }
}
