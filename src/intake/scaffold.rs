//! `congkhai new`: the next period's dispatch, scaffolded from an earlier
//! one of the same issuer. The header, recipients, legal basis, signature
//! and the shape of the tables are copied; the period, the file name, the
//! year folder and the period named in the subject and body are updated;
//! every figure, date and number becomes `???`, which `check` reports as
//! still to fill (never a silent 0). Ranks among provinces keep the number
//! ranked in force on the period's date (63 until 30/6/2025, 34 after).

use crate::lang::{io_error, Text};
use crate::model::catalog::provinces_ranked;
use crate::model::{Period, TO_FILL};
use crate::tr;
use crate::vi;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Why `new` wrote nothing; [`ScaffoldError::text`] says it in both
/// languages (the `Display` is the English).
#[derive(Debug, Error)]
pub enum ScaffoldError {
    #[error("{}", self.text().en)]
    UnknownSource(String),
    #[error("{}", self.text().en)]
    NoSource(String),
    #[error("{}", self.text().en)]
    Exists {
        issuer: String,
        period: Period,
        existing: String,
    },
    #[error("{}", self.text().en)]
    FileExists(PathBuf),
    #[error("{}", self.text().en)]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl ScaffoldError {
    pub fn text(&self) -> Text {
        match self {
            ScaffoldError::UnknownSource(slug) => tr!(
                "không có văn bản `{slug}` trong thư mục nội dung",
                "no dispatch `{slug}` in the content"
            ),
            ScaffoldError::NoSource(unit) => tr!(
                "không có văn bản kết quả nào của {unit} để làm mẫu; chỉ rõ văn bản mẫu bằng --from",
                "no results dispatch of {unit} to start from; name one with --from"
            ),
            ScaffoldError::Exists {
                issuer,
                period,
                existing,
            } => {
                let period_vi = vi::format_period(period);
                tr!(
                    "{issuer} đã có văn bản cho kỳ {period_vi}: {existing}; sửa văn bản đó, hoặc chọn kỳ khác",
                    "{issuer} already has a dispatch for {period}: {existing}"
                )
            }
            ScaffoldError::FileExists(path) => tr!(
                "{} đã có sẵn; không ghi đè",
                "{} exists already",
                path.display()
            ),
            ScaffoldError::Io { path, source } => Text::new(
                format!("không đọc hoặc ghi được {}: {}", path.display(), io_error(source).vi),
                format!("reading or writing {}: {source}", path.display()),
            ),
        }
    }
}

/// What `new` needs of a dispatch file, read loosely: the content may
/// have errors elsewhere (a month scaffolded and not yet filled in).
#[derive(Debug, Clone)]
struct Known {
    path: PathBuf,
    slug: String,
    kind: String,
    period: Option<Period>,
    issuer_unit: String,
    issuer_body: String,
    date: String,
}

/// Every dispatch file under `content/dispatches` that YAML can read.
fn known_dispatches(content: &Path) -> Vec<Known> {
    let text = |v: &serde_yaml::Value, key: &str| {
        v.get(key)
            .and_then(|x| {
                x.as_str()
                    .map(str::to_string)
                    .or_else(|| x.as_i64().map(|n| n.to_string()))
            })
            .unwrap_or_default()
    };
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(content.join("dispatches"))
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        let path = entry.path();
        if !entry.file_type().is_file() || path.extension().and_then(|e| e.to_str()) != Some("yaml")
        {
            continue;
        }
        let Ok(value) = std::fs::read_to_string(path)
            .map_err(|_| ())
            .and_then(|t| serde_yaml::from_str::<serde_yaml::Value>(&t).map_err(|_| ()))
        else {
            continue;
        };
        let issuer = value.get("issuer").cloned().unwrap_or_default();
        found.push(Known {
            path: path.to_path_buf(),
            slug: path
                .file_stem()
                .map(|s| s.to_string_lossy().to_string())
                .unwrap_or_default(),
            kind: text(&value, "kind"),
            period: Period::parse(&text(&value, "period")).ok(),
            issuer_unit: text(&issuer, "unit"),
            issuer_body: text(&issuer, "body"),
            date: text(&value, "date"),
        });
    }
    found
}

/// The province of `site.yaml`, for the default source.
fn province(content: &Path) -> String {
    std::fs::read_to_string(content.join("site.yaml"))
        .ok()
        .and_then(|t| serde_yaml::from_str::<serde_yaml::Value>(&t).ok())
        .and_then(|v| {
            v.get("province")
                .and_then(|p| p.as_str())
                .map(str::to_string)
        })
        .unwrap_or_default()
}

/// The dispatch a new one starts from: `from`, or the latest results
/// dispatch of the site's province.
fn source<'k>(
    known: &'k [Known],
    content: &Path,
    from: Option<&str>,
) -> Result<&'k Known, ScaffoldError> {
    if let Some(slug) = from {
        return known
            .iter()
            .find(|k| k.slug == slug)
            .ok_or_else(|| ScaffoldError::UnknownSource(slug.to_string()));
    }
    let province = province(content);
    known
        .iter()
        .filter(|k| k.kind == "monthly-results" && k.issuer_unit == province && k.period.is_some())
        .max_by_key(|k| (k.period.map(|p| p.sort_key()), k.date.clone()))
        .ok_or(ScaffoldError::NoSource(province))
}

/// The ways a document names a period in its text, most specific first.
fn period_names(p: &Period) -> Vec<String> {
    let mut names = vec![vi::format_period(p)];
    if let Period::Month { year, month } = *p {
        names.push(format!("tháng {month}/{year}"));
        names.push(format!("tháng {month:02}/{year}"));
        names.push(format!("Tháng {month}/{year}"));
        names.push(format!("Tháng {month:02}/{year}"));
    }
    names.dedup();
    names
}

/// `text` with the old period's names replaced by the new one's.
fn rename_period(text: &str, old: &Period, new: &Period) -> String {
    let mut out = text.to_string();
    let new_month = match *new {
        Period::Month { year, month } => Some((year, month)),
        _ => None,
    };
    for name in period_names(old) {
        let replacement = match (
            new_month,
            name.starts_with("Tháng"),
            name.contains("/0") || name.contains(" 0"),
        ) {
            (Some((y, m)), true, _) => format!("Tháng {m}/{y}"),
            (Some((y, m)), false, true) => format!("tháng {m:02}/{y}"),
            (Some((y, m)), false, false) => format!("tháng {m}/{y}"),
            (None, _, _) => vi::format_period(new),
        };
        out = out.replace(&name, &replacement);
    }
    out
}

/// The value of a `key: value` line, if the line is one.
fn key_of(line: &str) -> Option<&str> {
    let t = line.trim_start().trim_start_matches("- ");
    let (key, _) = t.split_once(':')?;
    key.chars()
        .all(|c| c.is_ascii_lowercase() || c == '_')
        .then_some(key)
}

/// The new file's text: the source's, line by line.
fn scaffold_text(text: &str, src: &Known, period: &Period, ranked: u32) -> String {
    let Some(old) = src.period else {
        return text.to_string();
    };
    let mut out = String::with_capacity(text.len());
    let mut section = "";
    let mut in_values = false;
    let mut values_indent = 0;
    let mut header_done = false;
    // The body's first line gets a note to replace it all.
    let mut body_note = false;
    for line in text.lines() {
        let indent = line.len() - line.trim_start().len();
        let trimmed = line.trim_start();
        if !header_done && trimmed.starts_with('#') {
            continue;
        }
        if !header_done {
            header_done = true;
            out.push_str(&format!(
                "# {} {}: scaffolded by `congkhai new` from {}.\n\
                 # Write each `{TO_FILL}` as the new document prints it (delete the\n\
                 # line where the document leaves it blank), check the tables against\n\
                 # the document, and replace `body` with the new document's full text.\n",
                if src.kind == "directive" {
                    "Văn bản"
                } else {
                    "Công văn"
                },
                vi::format_period(period),
                src.slug
            ));
        }
        let top = indent == 0 && !trimmed.is_empty() && !trimmed.starts_with('#');
        if top {
            section = key_of(line).unwrap_or("");
            in_values = false;
            body_note = section == "body";
        } else if body_note && !trimmed.is_empty() {
            body_note = false;
            let pad = &line[..indent];
            out.push_str(&format!(
                "{pad}{TO_FILL} Thay đoạn này và toàn văn dưới đây bằng toàn văn của văn bản mới.\n\n"
            ));
        }
        // The editor's notes were about the old document only.
        if section == "editor_notes" && !trimmed.is_empty() {
            continue;
        }
        let key = key_of(line);
        let value_part = line.split_once(':').map(|(k, v)| (k, v.trim()));
        let replaced = match (section, key, value_part) {
            ("period", _, _) if top => Some(format!("period: {period}")),
            ("date" | "number" | "data_as_of", _, _) if top => {
                Some(format!("{section}: {TO_FILL}"))
            }
            ("subject" | "body", _, _) => Some(rename_period(line, &old, period)),
            ("results" | "appendices", Some("values"), Some((k, v))) => {
                in_values = v.is_empty();
                values_indent = indent;
                (!v.is_empty()).then(|| format!("{k}: [{TO_FILL}]"))
            }
            ("results" | "appendices", Some("rank"), Some((k, _))) => {
                Some(format!("{k}: {TO_FILL}/{ranked}"))
            }
            (
                "results" | "appendices",
                Some(
                    "total" | "score" | "national_average" | "rate" | "percent" | "count" | "of"
                    | "status",
                ),
                Some((k, v)),
            ) if !v.is_empty() => Some(format!("{k}: {TO_FILL}")),
            _ => None,
        };
        let replaced = replaced.or_else(|| {
            if !in_values {
                return None;
            }
            if indent > values_indent && trimmed.starts_with("- ") {
                return Some(format!("{}- {TO_FILL}", &line[..indent]));
            }
            if indent <= values_indent && !trimmed.is_empty() {
                in_values = false;
            }
            None
        });
        out.push_str(replaced.as_deref().unwrap_or(line));
        out.push('\n');
    }
    out
}

/// The slug of the new file: the source's, with its period's slug replaced
/// by the new one's (`2025-03-vpub` → `2025-04-vpub`), or prefixed with it.
fn new_slug(src: &Known, period: &Period) -> String {
    let new = period.slug();
    match src.period.map(|p| p.slug()) {
        Some(old) if src.slug.starts_with(&old) => format!("{new}{}", &src.slug[old.len()..]),
        _ => format!("{new}-{}", src.slug),
    }
}

/// Scaffold the dispatch of `period` in `content`; returns the path written.
pub fn scaffold(
    content: &Path,
    period: &Period,
    from: Option<&str>,
) -> Result<PathBuf, ScaffoldError> {
    let known = known_dispatches(content);
    let src = source(&known, content, from)?;
    if let Some(existing) = known.iter().find(|k| {
        k.period == Some(*period)
            && k.issuer_unit == src.issuer_unit
            && k.issuer_body == src.issuer_body
            && k.kind == src.kind
    }) {
        return Err(ScaffoldError::Exists {
            issuer: src.issuer_body.clone(),
            period: *period,
            existing: existing
                .path
                .strip_prefix(content)
                .unwrap_or(&existing.path)
                .display()
                .to_string(),
        });
    }
    let text = std::fs::read_to_string(&src.path).map_err(|source| ScaffoldError::Io {
        path: src.path.clone(),
        source,
    })?;
    let ranked = provinces_ranked(period.end());
    let new_text = scaffold_text(&text, src, period, ranked);
    let dir = content
        .join("dispatches")
        .join(format!("{:04}", period.end().year()));
    let path = dir.join(format!("{}.yaml", new_slug(src, period)));
    if path.exists() {
        return Err(ScaffoldError::FileExists(path));
    }
    let io = |source| ScaffoldError::Io {
        path: path.clone(),
        source,
    };
    std::fs::create_dir_all(&dir).map_err(io)?;
    std::fs::write(&path, new_text).map_err(|source| ScaffoldError::Io {
        path: path.clone(),
        source,
    })?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_period_is_renamed_in_every_printed_form() {
        let (old, new) = (
            Period::parse("2025-03").unwrap(),
            Period::parse("2025-04").unwrap(),
        );
        assert_eq!(
            rename_period("tháng 3/2025 và tháng 03/2025, Tháng 3/2025", &old, &new),
            "tháng 4/2025 và tháng 04/2025, Tháng 4/2025"
        );
        let q = Period::parse("2025-Q2").unwrap();
        assert_eq!(
            rename_period("kết quả tháng 3/2025", &old, &q),
            "kết quả quý II/2025"
        );
    }
}
