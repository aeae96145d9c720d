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

/// A file saved as a copy of another ("2025-03-vpub - Copy", "… (1)",
/// "… - Bản sao"): say so, and name it after its period instead.
pub(super) fn copy_hint(slug: &str) -> Option<String> {
    let lower = slug.to_lowercase();
    let marks = [
        " - copy",
        " copy",
        " - bản sao",
        " bản sao",
        " (1)",
        " (2)",
        "(1)",
        "(2)",
    ];
    let mark = marks.iter().find(|m| lower.contains(*m))?;
    let original = lower.split(mark).next().unwrap_or("").trim().to_string();
    Some(format!(
        "this looks like a copy of `{original}.yaml`: rename it after the period it covers, e.g. `2025-04-vpub.yaml`"
    ))
}

pub(super) fn read_source(path: &Path, diags: &mut Diagnostics) -> Option<Source> {
    let size = std::fs::metadata(path).map_or(0, |m| m.len());
    if size > super::limits::MAX_FILE_BYTES {
        diags.push(
            Diagnostic::error(
                path,
                "",
                format!(
                    "the file has {size} bytes: more than the {} a content file may have",
                    super::limits::MAX_FILE_BYTES
                ),
            )
            .with_hint(
                "check that it is the right file; a longer document belongs in several files",
            ),
        );
        return None;
    }
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Some(Source::from_text(path, text)),
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

/// The catalog files at the root of the content folder.
pub(super) const CATALOG_FILES: [&str; 3] = ["site.yaml", "units.yaml", "indicators.yaml"];

/// Every `*.yaml` below `content/dispatches`, sorted by path. Every other
/// file under the content folder is named in a warning (or an error, for a
/// dispatch file with the wrong ending): nothing an editor saved there is
/// left out without a word.
pub(super) fn dispatch_files(dir: &Path, diags: &mut Diagnostics) -> Vec<PathBuf> {
    let root = dir.join("dispatches");
    let mut files = Vec::new();
    if !dir.is_dir() {
        return files;
    }
    for entry in walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .follow_links(false)
        .min_depth(1)
    {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                diags.push(Diagnostic::error(
                    e.path().unwrap_or(dir),
                    "",
                    format!("cannot read the folder: {e}"),
                ));
                continue;
            }
        };
        let path = entry.path();
        let kind = entry.file_type();
        if kind.is_dir() {
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        let in_dispatches = path.starts_with(&root);
        let at_root = path.parent() == Some(dir);
        if kind.is_symlink() {
            diags.push(
                Diagnostic::warning(path, "", "not read: a link is not followed")
                    .with_hint("put the file itself here instead of a link to it"),
            );
            continue;
        }
        if name.starts_with('.') {
            diags.push(
                Diagnostic::warning(
                    path,
                    "",
                    "not read: a hidden file (its name starts with a dot)",
                )
                .with_hint("rename it without the dot if it is content, or delete it"),
            );
            continue;
        }
        if at_root && CATALOG_FILES.contains(&name.as_ref()) {
            continue;
        }
        let ending = path.extension().and_then(|e| e.to_str());
        if !in_dispatches {
            let hint = if matches!(ending, Some("yaml" | "yml")) {
                "dispatch files go in content/dispatches/<year>/; move it there, or out of content/"
            } else {
                "only site.yaml, units.yaml, indicators.yaml and content/dispatches/ are read; move it out of content/"
            };
            diags.push(
                Diagnostic::warning(path, "", "not read: no rule reads this file").with_hint(hint),
            );
            continue;
        }
        match ending {
            Some("yaml") => files.push(path.to_path_buf()),
            Some("yml") => diags.push(
                Diagnostic::error(path, "", "dispatch files end in `.yaml`").with_hint(format!(
                    "rename it to `{}`",
                    name.trim_end_matches(".yml").to_string() + ".yaml"
                )),
            ),
            _ => diags.push(
                Diagnostic::warning(path, "", "not read: not a `.yaml` dispatch file").with_hint(
                    match name.find(".yaml") {
                        Some(i) => format!("rename it to `{}.yaml`", &name[..i]),
                        None => "save dispatches as `<slug>.yaml` files".into(),
                    },
                ),
            ),
        }
    }
    files
}
