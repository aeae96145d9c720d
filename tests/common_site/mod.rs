//! Helpers of the site tests (`tests/site.rs`): build the real content (or
//! an edited copy of it) into temporary folders, read what was written, take
//! HTML apart without trusting the product's own code, and an independent
//! link checker.

#![allow(dead_code)]

use congkhai::site::{self, BuildOptions, BuildReport, SiteError};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tempfile::TempDir;

// ---- assertions that print the file on failure (as Zola's tests do) -----

/// `file_contains!(dir, "thang/2023-10/index.html", "44,6%")`: whether the
/// file's raw text contains the string; prints the file when it does not.
macro_rules! file_contains {
    ($dir:expr, $path:expr, $needle:expr) => {{
        let text = $crate::common_site::read_text(&$dir, $path);
        let found = text.contains($needle);
        if !found {
            println!(
                "---- {} (does not contain {:?}) ----\n{}",
                $path, $needle, text
            );
        }
        found
    }};
}

/// Like `file_contains!`, on the visible text of an HTML file (tags removed,
/// entities decoded, white space collapsed): `<strong>44,6</strong>%` reads
/// `44,6%`.
macro_rules! text_contains {
    ($dir:expr, $path:expr, $needle:expr) => {{
        let html = $crate::common_site::read_text(&$dir, $path);
        let text = $crate::common_site::visible_text(&html);
        let found = text.contains($needle);
        if !found {
            println!(
                "---- visible text of {} (does not contain {:?}) ----\n{}",
                $path, $needle, text
            );
        }
        found
    }};
}

/// Whether some table row (`<tr>`) of an HTML file whose markup contains
/// `$marker` (a link, say) reads every one of `$needles` in its visible text.
/// Prints the rows that carry the marker when none matches.
macro_rules! row_contains {
    ($dir:expr, $path:expr, $marker:expr, [$($needle:expr),+ $(,)?]) => {{
        let html = $crate::common_site::read_text(&$dir, $path);
        let needles: &[&str] = &[$($needle),+];
        let rows = $crate::common_site::rows(&html);
        let marked: Vec<&(String, String)> = rows.iter().filter(|(raw, _)| raw.contains($marker)).collect();
        let found = marked.iter().any(|(_, text)| needles.iter().all(|n| text.contains(n)));
        if !found {
            println!("---- rows of {} marked {:?}; none reads all of {:?} ----", $path, $marker, needles);
            for (_, text) in &marked {
                println!("  | {text}");
            }
            if marked.is_empty() {
                println!("(no row carries the marker)\n{html}");
            }
        }
        found
    }};
}

// ---- paths ------------------------------------------------------------

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shipped content folder.
pub fn real_content() -> PathBuf {
    repo().join("content")
}

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_congkhai")
}

pub fn read_text(dir: &Path, rel: &str) -> String {
    let path = dir.join(rel);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

// ---- building ---------------------------------------------------------

pub fn options(content: &Path, output: &Path, base_path: Option<&str>) -> BuildOptions {
    BuildOptions {
        content: content.to_path_buf(),
        output: output.to_path_buf(),
        base_path: base_path.map(str::to_string),
    }
}

pub fn build(content: &Path, output: &Path) -> Result<BuildReport, SiteError> {
    site::build(&options(content, output, None), Default::default())
}

/// `congkhai build --content … --output … [extra args]`, run as a process.
pub fn run_build(content: &Path, output: &Path, extra: &[&str]) -> Output {
    Command::new(bin())
        .arg("build")
        .arg("--content")
        .arg(content)
        .arg("--output")
        .arg(output)
        .args(extra)
        .output()
        .expect("running the congkhai binary")
}

pub fn describe(out: &Output) -> String {
    format!(
        "exit: {:?}\n---- stdout ----\n{}\n---- stderr ----\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A site built into a temporary folder.
pub struct Built {
    _tmp: TempDir,
    pub out: PathBuf,
}

impl Built {
    pub fn files(&self) -> BTreeMap<String, Vec<u8>> {
        snapshot(&self.out)
    }
    pub fn text(&self, rel: &str) -> String {
        read_text(&self.out, rel)
    }
}

/// The real content, built with the library API into a fresh temp folder.
pub fn build_real() -> Built {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    build(&real_content(), &out).unwrap_or_else(|e| panic!("building the real content: {e}"));
    Built { _tmp: tmp, out }
}

// ---- an editable copy of the content ----------------------------------

/// `<tmp>/site/content/` (a copy of the real content) with `<tmp>/site/` as
/// the site root, so that `templates/`, `static/` and `themes/` may be added.
pub struct SiteCopy {
    pub tmp: TempDir,
    pub root: PathBuf,
    pub content: PathBuf,
}

pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

impl SiteCopy {
    pub fn new() -> SiteCopy {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        let content = root.join("content");
        copy_dir(&real_content(), &content);
        SiteCopy { tmp, root, content }
    }

    /// A path inside the temp folder, beside the site (for outputs).
    pub fn scratch(&self, name: &str) -> PathBuf {
        self.tmp.path().join(name)
    }

    pub fn read(&self, rel: &str) -> String {
        read_text(&self.content, rel)
    }

    pub fn write(&self, rel: &str, text: &str) {
        let path = self.content.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    /// Replace the one occurrence of `from` in a content file.
    pub fn replace(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        assert_eq!(
            text.matches(from).count(),
            1,
            "{rel} should contain {from:?} exactly once"
        );
        self.write(rel, &text.replacen(from, to, 1));
    }

    pub fn append(&self, rel: &str, more: &str) {
        let mut text = self.read(rel);
        if !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(more);
        self.write(rel, &text);
    }

    /// A file in the site root (`templates/base.html`, `static/style.css`…).
    pub fn write_root(&self, rel: &str, bytes: &[u8]) {
        let path = self.root.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
}

// ---- the file tree ----------------------------------------------------

/// Every file below `dir`, by `/`-separated relative path, with its bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    if !dir.exists() {
        return files;
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            files.insert(rel_name(dir, entry.path()), fs::read(entry.path()).unwrap());
        }
    }
    files
}

/// Every entry (files and folders) below `dir`, relative.
pub fn tree(dir: &Path) -> BTreeSet<String> {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .map(|e| rel_name(dir, e.unwrap().path()))
        .collect()
}

fn rel_name(dir: &Path, path: &Path) -> String {
    path.strip_prefix(dir)
        .unwrap()
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// The first difference between two snapshots, if any.
pub fn first_difference(
    a: &BTreeMap<String, Vec<u8>>,
    b: &BTreeMap<String, Vec<u8>>,
) -> Option<String> {
    let ka: BTreeSet<_> = a.keys().collect();
    let kb: BTreeSet<_> = b.keys().collect();
    if ka != kb {
        let only_a: Vec<_> = ka.difference(&kb).collect();
        let only_b: Vec<_> = kb.difference(&ka).collect();
        return Some(format!(
            "files only in the first: {only_a:?}; only in the second: {only_b:?}"
        ));
    }
    for (k, va) in a {
        let vb = &b[k];
        if va != vb {
            let at = va
                .iter()
                .zip(vb.iter())
                .position(|(x, y)| x != y)
                .unwrap_or(va.len().min(vb.len()));
            let lo = at.saturating_sub(80);
            return Some(format!(
                "{k} differs at byte {at} (lengths {} and {}):\n  first:  {:?}\n  second: {:?}",
                va.len(),
                vb.len(),
                String::from_utf8_lossy(&va[lo..(at + 80).min(va.len())]),
                String::from_utf8_lossy(&vb[lo..(at + 80).min(vb.len())]),
            ));
        }
    }
    None
}

// ---- what the content says the site must hold ----------------------------

pub fn yaml(path: &Path) -> serde_yaml::Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn str_field<'a>(v: &'a serde_yaml::Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(serde_yaml::Value::as_str)
}

fn list<'a>(v: &'a serde_yaml::Value, key: &str) -> &'a [serde_yaml::Value] {
    v.get(key)
        .and_then(serde_yaml::Value::as_sequence)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

/// What the content files say, read with serde_yaml (not the loader).
#[derive(Debug)]
pub struct Expected {
    pub site_url: String,
    pub unit_ids: Vec<String>,
    /// `former_ids` of units: their old pages must still resolve.
    pub former_ids: Vec<String>,
    pub indicator_ids: Vec<String>,
    /// Dispatch slugs (file stems under `dispatches/`).
    pub dispatches: Vec<String>,
    /// `YYYY-MM` periods of the dispatches.
    pub months: BTreeSet<String>,
}

impl Expected {
    pub fn of(content: &Path) -> Expected {
        let site = yaml(&content.join("site.yaml"));
        let units = yaml(&content.join("units.yaml"));
        let indicators = yaml(&content.join("indicators.yaml"));
        let mut unit_ids = Vec::new();
        let mut former_ids = Vec::new();
        for u in list(&units, "units") {
            unit_ids.push(
                str_field(u, "id")
                    .expect("every unit has an id")
                    .to_string(),
            );
            for f in list(u, "former_ids") {
                former_ids.push(f.as_str().unwrap().to_string());
            }
        }
        let indicator_ids = list(&indicators, "indicators")
            .iter()
            .map(|i| {
                str_field(i, "id")
                    .expect("every indicator has an id")
                    .to_string()
            })
            .collect();
        let mut dispatches = Vec::new();
        let mut months = BTreeSet::new();
        for entry in walkdir::WalkDir::new(content.join("dispatches")).sort_by_file_name() {
            let entry = entry.unwrap();
            let path = entry.path();
            if !entry.file_type().is_file() || path.extension().is_none_or(|e| e != "yaml") {
                continue;
            }
            dispatches.push(path.file_stem().unwrap().to_string_lossy().into_owned());
            if let Some(p) = str_field(&yaml(path), "period") {
                months.insert(p.to_string());
            }
        }
        Expected {
            site_url: str_field(&site, "site_url")
                .unwrap()
                .trim_end_matches('/')
                .to_string(),
            unit_ids,
            former_ids,
            indicator_ids,
            dispatches,
            months,
        }
    }

    /// Every file the contract of issue 3 names.
    pub fn pages(&self) -> Vec<String> {
        let mut pages: Vec<String> = [
            "index.html",
            "thang/index.html",
            "van-ban/index.html",
            "don-vi/index.html",
            "chi-so/index.html",
            "du-lieu/index.html",
            "du-lieu/ket-qua.csv",
            "du-lieu/ket-qua.json",
            "sitemap.xml",
            "feed.xml",
            "404.html",
            "robots.txt",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        pages.extend(self.months.iter().map(|m| format!("thang/{m}/index.html")));
        pages.extend(
            self.dispatches
                .iter()
                .map(|d| format!("van-ban/{d}/index.html")),
        );
        pages.extend(
            self.unit_ids
                .iter()
                .chain(&self.former_ids)
                .map(|u| format!("don-vi/{u}/index.html")),
        );
        pages.extend(
            self.indicator_ids
                .iter()
                .map(|i| format!("chi-so/{i}/index.html")),
        );
        pages
    }
}

// ---- HTML, taken apart independently of the product -----------------------

#[derive(Debug, Clone)]
pub struct Tag {
    pub name: String,
    /// Names lower-cased, values with entities decoded.
    pub attrs: Vec<(String, String)>,
}

impl Tag {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Elements whose content is raw text (not markup).
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title"];

/// Every start tag of an HTML text, in order.
pub fn tags(html: &str) -> Vec<Tag> {
    scan(html).0
}

/// The visible text: tags removed (inline ones without a gap, others as a
/// space), comments and `<script>`/`<style>` contents dropped, entities
/// decoded, runs of white space collapsed.
pub fn visible_text(html: &str) -> String {
    collapse(&scan(html).1)
}

pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "cite", "code", "data", "em", "i", "kbd", "mark", "q", "s", "small",
    "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
];

/// One pass over the HTML: the start tags and the visible text.
fn scan(html: &str) -> (Vec<Tag>, String) {
    let b = html.as_bytes();
    let mut tags = Vec::new();
    let mut text = String::new();
    let mut i = 0;
    let mut text_start = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        text.push_str(&decode_entities(&html[text_start..i]));
        if html[i..].starts_with("<!--") {
            i = html[i..].find("-->").map_or(b.len(), |e| i + e + 3);
            text_start = i;
            continue;
        }
        if html[i..].starts_with("<!") || html[i..].starts_with("<?") {
            i = html[i..].find('>').map_or(b.len(), |e| i + e + 1);
            text_start = i;
            continue;
        }
        let closing = b.get(i + 1) == Some(&b'/');
        let name_start = if closing { i + 2 } else { i + 1 };
        let mut j = name_start;
        while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-') {
            j += 1;
        }
        if j == name_start {
            // A lone `<` in text (should have been escaped, but not a tag).
            text.push('<');
            i += 1;
            text_start = i;
            continue;
        }
        let name = html[name_start..j].to_ascii_lowercase();
        let (attrs, end) = parse_attrs(html, j);
        if !INLINE.contains(&name.as_str()) {
            text.push(' ');
        }
        i = end;
        if !closing {
            tags.push(Tag {
                name: name.clone(),
                attrs,
            });
            if RAW_TEXT.contains(&name.as_str()) {
                let close = format!("</{name}");
                let rest = html[i..].to_ascii_lowercase();
                let stop = rest.find(&close).map_or(b.len(), |e| i + e);
                if name == "title" || name == "textarea" {
                    text.push_str(&decode_entities(&html[i..stop]));
                }
                i = stop;
            }
        }
        text_start = i;
    }
    text.push_str(&decode_entities(&html[text_start.min(b.len())..]));
    (tags, text)
}

/// Attributes from byte `i` (just after the tag name) to the closing `>`;
/// returns them and the index after the tag.
fn parse_attrs(html: &str, mut i: usize) -> (Vec<(String, String)>, usize) {
    let b = html.as_bytes();
    let mut attrs = Vec::new();
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return (attrs, i);
        }
        if b[i] == b'>' {
            return (attrs, i + 1);
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let name = html[start..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vs = i + 1;
                let ve = html[vs..].find(q as char).map_or(b.len(), |e| vs + e);
                value = decode_entities(&html[vs..ve]);
                i = (ve + 1).min(b.len());
            } else {
                let vs = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
                value = decode_entities(&html[vs..i]);
            }
        }
        if !name.is_empty() {
            attrs.push((name, value));
        }
    }
}

/// Decode character references: named ones HTML pages use, and numeric ones.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(semi) = rest.bytes().take(12).position(|c| c == b';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ => {
                if let Some(hex) = entity
                    .strip_prefix("#x")
                    .or_else(|| entity.strip_prefix("#X"))
                {
                    u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
                } else if let Some(dec) = entity.strip_prefix('#') {
                    dec.parse().ok().and_then(char::from_u32)
                } else {
                    None
                }
            }
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every `<tr>…</tr>` of an HTML text: its markup and its visible text.
pub fn rows(html: &str) -> Vec<(String, String)> {
    let lower = html.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(s) = find_tag(&lower, "<tr", from) {
        let e = lower[s..].find("</tr>").map_or(html.len(), |e| s + e + 5);
        let raw = &html[s..e];
        out.push((raw.to_string(), visible_text(raw)));
        from = e;
    }
    out
}

/// The next `<name` followed by white space or `>`.
fn find_tag(lower: &str, open: &str, mut from: usize) -> Option<usize> {
    while let Some(at) = lower[from..].find(open) {
        let s = from + at;
        match lower.as_bytes().get(s + open.len()) {
            Some(c) if c.is_ascii_whitespace() || *c == b'>' => return Some(s),
            _ => from = s + open.len(),
        }
    }
    None
}

/// Whether a visible text holds a number that reads as zero: `0`, `0%`,
/// `0,0`, `0,00%`…
pub fn has_zero_figure(text: &str) -> bool {
    text.split_whitespace().any(|t| {
        let t = t.trim_end_matches(['%', ';', '.', ')']);
        !t.is_empty() && t.starts_with('0') && t.chars().all(|c| c == '0' || c == ',' || c == '.')
    })
}

// ---- an independent link checker ---------------------------------------

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
