//! Shared helpers of the integration tests: a copy of the real content in a
//! temporary folder, edited in place, so that every fixture stays in sync
//! with the shipped content.

#![allow(dead_code)]

use congkhai::content::{load, Loaded};
use congkhai::diagnostics::Diagnostic;
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// The shipped content folder.
pub fn real_content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

/// Standalone fixture files.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub const FEB_2023: &str = "dispatches/2023/2023-02-vpub.yaml";
pub const OCT_2023: &str = "dispatches/2023/2023-10-vpub.yaml";
pub const NOV_2023_MY_HAO: &str = "dispatches/2023/2023-11-vp-my-hao.yaml";
pub const MAR_2025: &str = "dispatches/2025/2025-03-vpub.yaml";
pub const DIRECTIVE_2022: &str = "dispatches/2022/2022-07-ubnd-1846.yaml";

/// A content folder in a temporary directory.
pub struct Fixture {
    _tmp: TempDir,
    dir: PathBuf,
}

fn copy_dir(from: &Path, to: &Path) {
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

impl Fixture {
    /// A copy of the real `content/`.
    pub fn real() -> Fixture {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("content");
        copy_dir(&real_content(), &dir);
        Fixture { _tmp: tmp, dir }
    }

    /// The catalog of the real content (site, units, indicators) with the
    /// given dispatch files only (paths relative to `content/`).
    pub fn with_dispatches(keep: &[&str]) -> Fixture {
        let f = Fixture::real();
        let root = f.dir.join("dispatches");
        fs::remove_dir_all(&root).unwrap();
        for rel in keep {
            let to = f.dir.join(rel);
            fs::create_dir_all(to.parent().unwrap()).unwrap();
            fs::copy(real_content().join(rel), to).unwrap();
        }
        f
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.join(rel)
    }

    pub fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.path(rel)).unwrap()
    }

    pub fn write(&self, rel: &str, text: &str) {
        let p = self.path(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }

    pub fn remove(&self, rel: &str) {
        fs::remove_file(self.path(rel)).unwrap();
    }

    /// Replace `from`, which must occur exactly once in the file, by `to`.
    /// Returns the 1-based line where `to` starts.
    pub fn replace(&self, rel: &str, from: &str, to: &str) -> usize {
        let text = self.read(rel);
        let n = text.matches(from).count();
        assert_eq!(
            n, 1,
            "`{from}` occurs {n} times in {rel}; a fixture edit needs a unique anchor"
        );
        let at = text.find(from).unwrap();
        self.write(rel, &text.replacen(from, to, 1));
        line_at(&text, at)
    }

    /// Append `tail` (which should end with a newline) to the file.
    /// Returns the 1-based line of its first line.
    pub fn append(&self, rel: &str, tail: &str) -> usize {
        let mut text = self.read(rel);
        if !text.ends_with('\n') {
            text.push('\n');
        }
        let line = text.lines().count() + 1;
        text.push_str(tail);
        self.write(rel, &text);
        line
    }

    /// The 1-based line of `needle`, which must occur exactly once.
    pub fn line_of(&self, rel: &str, needle: &str) -> usize {
        let text = self.read(rel);
        assert_eq!(
            text.matches(needle).count(),
            1,
            "`{needle}` must occur once in {rel}"
        );
        line_at(&text, text.find(needle).unwrap())
    }

    pub fn load(&self) -> Loaded {
        load(&self.dir)
    }
}

fn line_at(text: &str, byte: usize) -> usize {
    text[..byte].matches('\n').count() + 1
}

/// Every diagnostic, one per line, for assertion messages.
pub fn report(loaded: &Loaded) -> String {
    loaded.diagnostics.to_string()
}

/// The errors about `field` in the file `rel` (a path relative to the
/// content folder, matched at the end of the diagnostic's path).
pub fn errors_at<'a>(loaded: &'a Loaded, rel: &str, field: &str) -> Vec<&'a Diagnostic> {
    loaded
        .diagnostics
        .errors()
        .filter(|d| d.file.ends_with(rel) && d.field == field)
        .collect()
}

pub fn warnings_at<'a>(loaded: &'a Loaded, rel: &str, field: &str) -> Vec<&'a Diagnostic> {
    loaded
        .diagnostics
        .warnings()
        .filter(|d| d.file.ends_with(rel) && d.field == field)
        .collect()
}

/// The one error about `field` in `rel`, checked to sit at `line` and to
/// carry a hint. The model is withheld.
pub fn the_error<'a>(loaded: &'a Loaded, rel: &str, field: &str, line: usize) -> &'a Diagnostic {
    let found = errors_at(loaded, rel, field);
    assert_eq!(
        found.len(),
        1,
        "expected one error in `{field}` of {rel}, got:\n{}",
        report(loaded)
    );
    let d = found[0];
    assert_eq!(
        d.line,
        Some(line),
        "wrong line for `{field}` in {rel}:\n{}",
        report(loaded)
    );
    assert!(d.column.is_some(), "no column: {d}");
    assert!(
        d.hint.as_deref().is_some_and(|h| !h.trim().is_empty()),
        "no hint: {d}"
    );
    assert!(loaded.model.is_none(), "a model was built despite errors");
    // The printed form names the file and the line, as an editor's tools read it.
    let printed = d.to_string();
    assert!(
        printed.starts_with(&format!("{}:{line}:", d.file.display())),
        "{printed}"
    );
    d
}

/// The one warning about `field` in `rel`, at `line`, with a hint.
pub fn the_warning<'a>(loaded: &'a Loaded, rel: &str, field: &str, line: usize) -> &'a Diagnostic {
    let found = warnings_at(loaded, rel, field);
    assert_eq!(
        found.len(),
        1,
        "expected one warning in `{field}` of {rel}, got:\n{}",
        report(loaded)
    );
    let d = found[0];
    assert_eq!(d.line, Some(line), "wrong line: {d}");
    assert!(d.hint.is_some(), "no hint: {d}");
    d
}

/// Message and hint together, for `contains` checks.
pub fn text_of(d: &Diagnostic) -> String {
    format!("{} {}", d.message, d.hint.as_deref().unwrap_or(""))
}
