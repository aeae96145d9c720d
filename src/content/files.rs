//! Finding and reading content files: the dispatch files below
//! `content/dispatches/`, each file read as UTF-8 text and parsed into its
//! typed shape, and the rule for slugs (file names that become addresses).

use super::parse::parse;
use super::source::Source;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::lang::{io_error, Text};
use crate::tr;
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

pub(super) fn slug_hint(s: &str) -> Text {
    let suggestion = crate::suggest::slugify(s);
    if suggestion.is_empty() {
        tr!(
            "chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ so-tu-phap",
            "use lower-case ASCII letters, digits and hyphens, e.g. so-tu-phap"
        )
    } else {
        tr!(
            "chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang: `{suggestion}`",
            "use lower-case ASCII letters, digits and hyphens: `{suggestion}`"
        )
    }
}

/// A file saved as a copy of another ("2025-03-vpub - Copy", "… (1)",
/// "… - Bản sao"): say so, and name it after its period instead.
pub(super) fn copy_hint(slug: &str) -> Option<Text> {
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
    Some(tr!(
        "tệp này có vẻ là bản sao của `{original}.yaml`: đổi tên theo kỳ mà văn bản báo cáo, ví dụ `2025-04-vpub.yaml`",
        "this looks like a copy of `{original}.yaml`: rename it after the period it covers, e.g. `2025-04-vpub.yaml`"
    ))
}

pub(super) fn read_source(path: &Path, diags: &mut Diagnostics) -> Option<Source> {
    let size = std::fs::metadata(path).map_or(0, |m| m.len());
    if size > super::limits::MAX_FILE_BYTES {
        diags.push(
            Diagnostic::error(path, "", {
                let max = super::limits::MAX_FILE_BYTES;
                let (size_vi, max_vi) = (crate::vi::format_int(size), crate::vi::format_int(max));
                tr!(
                    "tệp có {size_vi} byte: quá {max_vi} byte mà một tệp nội dung được phép có",
                    "the file has {size} bytes: more than the {max} a content file may have"
                )
            })
            .with_hint(tr!(
                "kiểm tra xem có đúng tệp không; văn bản dài hơn thì chia thành nhiều tệp",
                "check that it is the right file; a longer document belongs in several files"
            )),
        );
        return None;
    }
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Some(Source::from_text(path, text)),
            Err(e) => {
                let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                // Lines end at `\n`, `\r\n` or a lone `\r`, as in an editor.
                let line = valid
                    .iter()
                    .enumerate()
                    .filter(|&(i, &b)| b == b'\n' || b == b'\r' && valid.get(i + 1) != Some(&b'\n'))
                    .count()
                    + 1;
                diags.push(
                    Diagnostic::error(
                        path,
                        "",
                        tr!(
                            "tệp không phải văn bản UTF-8 hợp lệ",
                            "the file is not valid UTF-8 text"
                        ),
                    )
                    .at(Some(line), None)
                    .with_hint(tr!(
                        "lưu lại tệp với bảng mã UTF-8 (trong Notepad: Save As → Encoding: UTF-8)",
                        "save the file as UTF-8 (in Notepad: Save As → Encoding: UTF-8)"
                    )),
                );
                None
            }
        },
        Err(e) => {
            diags.push(
                Diagnostic::error(
                    path,
                    "",
                    tr!(
                        "không đọc được tệp: {}",
                        "cannot read the file: {}",
                        io_error(&e).vi
                    )
                    .with_en(format!("cannot read the file: {e}")),
                )
                .with_hint(
                    if e.kind() == std::io::ErrorKind::NotFound && is_catalog_file(path) {
                        tr!(
                            "thư mục nội dung nào cũng cần site.yaml, units.yaml và indicators.yaml",
                            "every content folder needs site.yaml, units.yaml and indicators.yaml"
                        )
                    } else {
                        tr!(
                            "kiểm tra tệp còn đó và mở được (quyền đọc), rồi chạy lại",
                            "check that the file is still there and can be opened (read permission), then run again"
                        )
                    },
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

/// Whether `path` names one of [`CATALOG_FILES`].
fn is_catalog_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| CATALOG_FILES.contains(&n))
}

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
                    Text::new(
                        format!("không đọc được thư mục: {e}"),
                        format!("cannot read the folder: {e}"),
                    ),
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
                Diagnostic::warning(
                    path,
                    "",
                    tr!(
                        "không đọc: đây là lối tắt (liên kết), không phải tệp",
                        "not read: a link is not followed"
                    ),
                )
                .with_hint(tr!(
                    "đặt chính tệp vào đây thay cho lối tắt đến nó",
                    "put the file itself here instead of a link to it"
                )),
            );
            continue;
        }
        if name.starts_with('.') {
            diags.push(
                Diagnostic::warning(
                    path,
                    "",
                    tr!(
                        "không đọc: tệp ẩn (tên bắt đầu bằng dấu chấm)",
                        "not read: a hidden file (its name starts with a dot)"
                    ),
                )
                .with_hint(tr!(
                    "nếu là nội dung thì đổi tên bỏ dấu chấm ở đầu, nếu không thì xoá tệp",
                    "rename it without the dot if it is content, or delete it"
                )),
            );
            continue;
        }
        if at_root && CATALOG_FILES.contains(&name.as_ref()) {
            continue;
        }
        let ending = path.extension().and_then(|e| e.to_str());
        if !in_dispatches {
            let hint = if matches!(ending, Some("yaml" | "yml")) {
                tr!(
                    "tệp văn bản phải nằm trong content/dispatches/<năm>/; chuyển tệp vào đó, hoặc ra khỏi content/",
                    "dispatch files go in content/dispatches/<year>/; move it there, or out of content/"
                )
            } else {
                tr!(
                    "chỉ site.yaml, units.yaml, indicators.yaml và content/dispatches/ được đọc; chuyển tệp ra khỏi content/",
                    "only site.yaml, units.yaml, indicators.yaml and content/dispatches/ are read; move it out of content/"
                )
            };
            diags.push(
                Diagnostic::warning(
                    path,
                    "",
                    tr!(
                        "không đọc: không có quy tắc nào đọc tệp này",
                        "not read: no rule reads this file"
                    ),
                )
                .with_hint(hint),
            );
            continue;
        }
        match ending {
            Some("yaml") => files.push(path.to_path_buf()),
            Some("yml") => diags.push(
                Diagnostic::error(
                    path,
                    "",
                    tr!(
                        "tệp văn bản phải có đuôi `.yaml`",
                        "dispatch files end in `.yaml`"
                    ),
                )
                .with_hint(tr!(
                    "đổi tên thành `{}`",
                    "rename it to `{}`",
                    name.trim_end_matches(".yml").to_string() + ".yaml"
                )),
            ),
            _ => diags.push(
                Diagnostic::warning(
                    path,
                    "",
                    tr!(
                        "không đọc: không phải tệp văn bản `.yaml`",
                        "not read: not a `.yaml` dispatch file"
                    ),
                )
                .with_hint(match name.find(".yaml") {
                    Some(i) => tr!(
                        "đổi tên thành `{}.yaml` (bỏ phần đuôi thừa)",
                        "rename it to `{}.yaml`",
                        &name[..i]
                    ),
                    None => tr!(
                        "lưu văn bản thành tệp `<tên>.yaml`",
                        "save dispatches as `<slug>.yaml` files"
                    ),
                }),
            ),
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hint_of_unread(path: &Path) -> String {
        let mut diags = Diagnostics::default();
        assert!(read_source(path, &mut diags).is_none());
        let d = &diags.items[0];
        assert!(d.message.en.starts_with("cannot read the file"), "{d}");
        d.hint.as_ref().map(|h| h.en.clone()).unwrap_or_default()
    }

    #[test]
    fn a_file_not_read_is_told_what_to_check() {
        let dir = tempfile::tempdir().expect("a temp folder");
        // A missing catalog file: the folder needs all three.
        let hint = hint_of_unread(&dir.path().join("units.yaml"));
        assert!(hint.contains("needs site.yaml, units.yaml"), "{hint}");
        // A dispatch gone since the folder was listed: no talk of catalogs.
        let hint = hint_of_unread(&dir.path().join("2023-02-vpub.yaml"));
        assert_eq!(
            hint,
            "check that the file is still there and can be opened (read permission), then run again"
        );
    }
}
