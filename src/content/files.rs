//! Finding and reading content files: the dispatch files below
//! `content/dispatches/`, each file read as UTF-8 text and parsed into its
//! typed shape, and the rule for slugs (file names that become addresses).

use super::parse::parse;
use super::source::Source;
use crate::diagnostics::{Diagnostic, Diagnostics};
use std::path::{Path, PathBuf};

/// Slugs become folder names and URLs: lower-case ASCII letters, digits and
/// hyphens only, so that no slug can leave the output folder.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

pub(super) fn slug_hint(s: &str) -> String {
    let suggestion = crate::suggest::slugify(s);
    if suggestion.is_empty() {
        "use lower-case ASCII letters, digits and hyphens, e.g. so-tu-phap".into()
    } else {
        format!("use lower-case ASCII letters, digits and hyphens: `{suggestion}`")
    }
}

pub(super) fn read_source(path: &Path, diags: &mut Diagnostics) -> Option<Source> {
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Some(Source::new(path, &text)),
            Err(e) => {
                let line = e.as_bytes()[..e.utf8_error().valid_up_to()]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count()
                    + 1;
                diags.push(
                    Diagnostic::error(path, "", "the file is not valid UTF-8 text")
                        .at(Some(line), None)
                        .with_hint(
                            "save the file as UTF-8 (in Notepad: Save As → Encoding: UTF-8)",
                        ),
                );
                None
            }
        },
        Err(e) => {
            diags.push(
                Diagnostic::error(path, "", format!("cannot read the file: {e}")).with_hint(
                    "every content folder needs site.yaml, units.yaml and indicators.yaml",
                ),
            );
            None
        }
    }
}

pub(super) fn read<T: serde::de::DeserializeOwned>(
    path: &Path,
    diags: &mut Diagnostics,
) -> Option<(T, Source)> {
    let source = read_source(path, diags)?;
    match parse::<T>(&source) {
        Ok(t) => Some((t, source)),
        Err(errs) => {
            errs.into_iter().for_each(|d| diags.push(d));
            None
        }
    }
}

/// Every `*.yaml` below `content/dispatches`, sorted by path.
pub(super) fn dispatch_files(dir: &Path, diags: &mut Diagnostics) -> Vec<PathBuf> {
    let root = dir.join("dispatches");
    if !root.is_dir() {
        return Vec::new();
    }
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(&root)
        .sort_by_file_name()
        .follow_links(false)
    {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                diags.push(Diagnostic::error(
                    &root,
                    "",
                    format!("cannot read the folder: {e}"),
                ));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let name = entry.file_name().to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        match path.extension().and_then(|e| e.to_str()) {
            Some("yaml") => files.push(path.to_path_buf()),
            Some("yml") => diags.push(
                Diagnostic::error(path, "", "dispatch files end in `.yaml`").with_hint(format!(
                    "rename it to `{}`",
                    name.trim_end_matches(".yml").to_string() + ".yaml"
                )),
            ),
            _ => diags.push(Diagnostic::warning(
                path,
                "",
                "ignored: not a `.yaml` dispatch file",
            )),
        }
    }
    files
}
