//! The theme: tera templates and static assets. The default theme is
//! embedded in the binary, so a folder with only content builds. A theme
//! folder on disk (`themes/<name>/`) and then the site's own `templates/`
//! and `static/` folders override it file by file (as in Zola).

use super::filters;
use super::SiteError;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tera::Tera;

macro_rules! embedded {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/themes/default/", $name)) as &[u8])),*]
    };
}

/// The default theme, file by file (path below `themes/default/`).
const DEFAULT_THEME: &[(&str, &[u8])] = embedded![
    "templates/base.html",
    "templates/macros.html",
    "templates/index.html",
    "templates/months.html",
    "templates/month.html",
    "templates/dispatches.html",
    "templates/dispatch.html",
    "templates/units.html",
    "templates/unit.html",
    "templates/redirect.html",
    "templates/indicators.html",
    "templates/indicator.html",
    "templates/data.html",
    "templates/404.html",
    "templates/sitemap.xml",
    "templates/feed.xml",
    "templates/robots.txt",
    "static/style.css",
    "static/favicon.svg",
    "static/site.js",
];

pub struct Theme {
    pub tera: Tera,
    /// Asset path below `static/` → bytes, copied to `static/` in the output.
    pub assets: BTreeMap<String, Vec<u8>>,
}

/// One layer of files: template or asset name → (bytes, where it came from).
type Layer = BTreeMap<String, (Vec<u8>, PathBuf)>;

fn read_layer(dir: &Path, layer: &mut Layer) -> Result<(), SiteError> {
    if !dir.is_dir() {
        return Ok(());
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| SiteError::Theme(format!("{}: {e}", dir.display())))?;
        if !entry.file_type().is_file() || entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let name = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let bytes = std::fs::read(entry.path())
            .map_err(|e| SiteError::Theme(format!("{}: {e}", entry.path().display())))?;
        layer.insert(name, (bytes, entry.path().to_path_buf()));
    }
    Ok(())
}

pub fn load(site_root: &Path, theme_name: &str) -> Result<Theme, SiteError> {
    let mut templates: Layer = BTreeMap::new();
    let mut assets: Layer = BTreeMap::new();
    for (name, bytes) in DEFAULT_THEME {
        let origin = PathBuf::from(format!("(built-in default theme) themes/default/{name}"));
        if let Some(t) = name.strip_prefix("templates/") {
            templates.insert(t.to_string(), (bytes.to_vec(), origin));
        } else if let Some(s) = name.strip_prefix("static/") {
            assets.insert(s.to_string(), (bytes.to_vec(), origin));
        }
    }
    let theme_dir = site_root.join("themes").join(theme_name);
    if theme_name != "default" && !theme_dir.is_dir() {
        return Err(SiteError::Theme(format!(
            "theme `{theme_name}` not found: no folder {}; set `theme: default` in site.yaml or add the folder",
            theme_dir.display()
        )));
    }
    read_layer(&theme_dir.join("templates"), &mut templates)?;
    read_layer(&theme_dir.join("static"), &mut assets)?;
    read_layer(&site_root.join("templates"), &mut templates)?;
    read_layer(&site_root.join("static"), &mut assets)?;

    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".xml", ".svg"]);
    tera.set_escape_fn(escape_html);
    filters::register(&mut tera);
    let mut sources = Vec::new();
    for (name, (bytes, origin)) in &templates {
        let text = String::from_utf8(bytes.clone())
            .map_err(|_| SiteError::Theme(format!("{}: not UTF-8 text", origin.display())))?;
        sources.push((name.clone(), text, origin.clone()));
    }
    tera.add_raw_templates(sources.iter().map(|(n, t, _)| (n.as_str(), t.as_str())))
        .map_err(|e| {
            let chain = error_chain(&e);
            let origin = sources
                .iter()
                .find(|(n, _, _)| chain.contains(&format!("'{n}'")))
                .map(|(_, _, o)| o.display().to_string())
                .unwrap_or_default();
            SiteError::Theme(format!("template {origin}: {chain}"))
        })?;
    Ok(Theme {
        tera,
        assets: assets.into_iter().map(|(k, (v, _))| (k, v)).collect(),
    })
}

/// Escape text for HTML and XML: `& < > " '`. Tera's default also escapes
/// `/`, which is safe but makes every date and rank (`20/63`) unreadable in
/// the source and the data attributes.
pub fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + input.len() / 8);
    for c in input.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Tera's error with its causes: the parse error carries the line and a snippet.
pub fn error_chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut cur = e.source();
    while let Some(s) = cur {
        out.push_str(": ");
        out.push_str(&s.to_string());
        cur = s.source();
    }
    out
}
