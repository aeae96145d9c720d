//! Building the site into temporary folders (with the library, or the
//! `congkhai` binary where the command line is part of what is tested), and
//! what the content files say the site must hold, read with serde_yaml
//! rather than the loader.

use super::api::{site_build, BuildOptions, BuildReport, SiteError};
use super::content::{bin, real_content};
use super::files::{read_text, snapshot};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tempfile::TempDir;

// ---- building -----------------------------------------------------------------

pub fn options(content: &Path, output: &Path, base_path: Option<&str>) -> BuildOptions {
    BuildOptions {
        content: content.to_path_buf(),
        output: output.to_path_buf(),
        base_path: base_path.map(str::to_string),
    }
}

pub fn build(content: &Path, output: &Path) -> Result<BuildReport, SiteError> {
    site_build(&options(content, output, None), Default::default())
}

/// `congkhai build --content … --output … [extra args]`, run as a process.
pub fn run_build(content: &Path, output: &Path, extra: &[&str]) -> Output {
    Command::new(bin())
        .env("CONGKHAI_LANG", "en")
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

    /// Every file the page contract names: the URL scheme of the site.
    pub fn pages(&self) -> Vec<String> {
        let mut pages: Vec<String> = [
            "index.html",
            "thang/index.html",
            "van-ban/index.html",
            "don-vi/index.html",
            "chi-so/index.html",
            "du-lieu/index.html",
            "du-lieu/datapackage.json",
            "du-lieu/don-vi.csv",
            "du-lieu/don-vi.json",
            "du-lieu/chi-so.csv",
            "du-lieu/chi-so.json",
            "du-lieu/ky.csv",
            "du-lieu/ky.json",
            "du-lieu/van-ban.csv",
            "du-lieu/van-ban.json",
            "du-lieu/bang.csv",
            "du-lieu/bang.json",
            "sitemap.xml",
            "feed.xml",
            "404.html",
            "robots.txt",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        pages.extend(self.months.iter().map(|m| format!("thang/{m}/index.html")));
        // The open data: the figures and their details, one CSV and one
        // JSON per year.
        let years: std::collections::BTreeSet<&str> = self.months.iter().map(|m| &m[..4]).collect();
        for y in years {
            pages.push(format!("du-lieu/ket-qua-{y}.csv"));
            pages.push(format!("du-lieu/ket-qua-{y}.json"));
            pages.push(format!("du-lieu/chi-tiet-{y}.csv"));
            pages.push(format!("du-lieu/chi-tiet-{y}.json"));
        }
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
