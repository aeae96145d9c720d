//! Read one YAML file into its typed shape, turning every serde error into
//! a [`Diagnostic`] with file, line, column, field path and a hint.
//!
//! serde stops at the first error; to report more than one error per file,
//! the faulty value is removed and the file deserialized again (at most
//! [`MAX_ERRORS_PER_FILE`] times), until it passes or an error repeats.

use super::positions::{parent, PositionIndex};
use super::suggest::did_you_mean;
use crate::diagnostics::Diagnostic;
use serde::de::DeserializeOwned;
use serde_yaml::Value;
use std::path::Path;

pub const MAX_ERRORS_PER_FILE: usize = 30;

/// A file's text with its position index.
pub struct Source {
    pub path: std::path::PathBuf,
    pub text: String,
    pub index: PositionIndex,
}

impl Source {
    pub fn new(path: &Path, text: &str) -> Source {
        // A file saved by a Windows editor may start with a byte-order mark.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text).to_string();
        let index = PositionIndex::build(&text);
        Source {
            path: path.to_path_buf(),
            text,
            index,
        }
    }

    /// An error at `field`, positioned at the field (or its nearest parent).
    pub fn error(&self, field: &str, message: impl Into<String>) -> Diagnostic {
        let pos = self.index.find(field);
        Diagnostic::error(&self.path, field, message).at(pos.map(|p| p.line), pos.map(|p| p.column))
    }

    pub fn warning(&self, field: &str, message: impl Into<String>) -> Diagnostic {
        let pos = self.index.find(field);
        Diagnostic::warning(&self.path, field, message)
            .at(pos.map(|p| p.line), pos.map(|p| p.column))
    }
}

/// Deserialize `source` as `T`; on failure, every error found.
pub fn parse<T: DeserializeOwned>(source: &Source) -> Result<T, Vec<Diagnostic>> {
    if source.text.trim().is_empty() {
        return Err(vec![source.error("", "the file is empty").with_hint(
            "copy an existing file of the same kind and edit it (see docs/content-format.md)",
        )]);
    }
    let mut value: Value = match serde_yaml::from_str(&source.text) {
        Ok(v) => v,
        Err(e) => return Err(vec![syntax_error(source, &e)]),
    };
    let mut errors = Vec::new();
    let mut seen = Vec::new();
    loop {
        match serde_path_to_error::deserialize::<_, T>(value.clone()) {
            Ok(t) if errors.is_empty() => return Ok(t),
            Ok(_) => return Err(errors),
            Err(e) => {
                let path = e.path().to_string();
                let path = if path == "." { String::new() } else { path };
                let message = e.inner().to_string();
                let (diag, remove) = describe(source, &path, &message);
                let key = (diag.field.clone(), diag.message.clone());
                if seen.contains(&key) {
                    return Err(errors);
                }
                seen.push(key);
                errors.push(diag);
                if errors.len() >= MAX_ERRORS_PER_FILE
                    || remove.is_empty()
                    || !remove_at(&mut value, &remove)
                {
                    return Err(errors);
                }
            }
        }
    }
}

fn syntax_error(source: &Source, e: &serde_yaml::Error) -> Diagnostic {
    let (line, column) = match e.location() {
        Some(l) => (Some(l.line()), Some(l.column())),
        None => (None, None),
    };
    let mut message = e.to_string();
    // serde_yaml appends " at line X column Y"; the position is printed already.
    if let Some(i) = message.find(" at line ") {
        message.truncate(i);
    }
    Diagnostic::error(&source.path, "", format!("YAML syntax: {message}"))
        .at(line, column)
        .with_hint(
            "check the indentation (spaces, not tabs), that every `key:` is followed by a space, \
             and quote text that contains `: ` or starts with a special character (\"…\")",
        )
}

/// Turn a serde message into a diagnostic, and say which path to remove
/// before trying again (empty: do not try again).
fn describe(source: &Source, path: &str, message: &str) -> (Diagnostic, String) {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or_default();
        let expected = backticked(rest.split_once("expected").map_or("", |(_, e)| e));
        let full = join(path, field);
        let d = source
            .error(
                &full,
                format!(
                    "unknown field `{field}`{}",
                    did_you_mean(field, expected.iter().map(String::as_str))
                ),
            )
            .with_hint(if expected.is_empty() {
                "remove it".to_string()
            } else {
                format!("allowed here: {}", expected.join(", "))
            });
        return (d, full);
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or_default();
        let d = source
            .error(path, format!("missing field `{field}`"))
            .with_hint(format!("add `{field}:` here (see docs/content-format.md)"));
        return (d, String::new());
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let variant = rest.split('`').next().unwrap_or_default();
        let expected = backticked(rest.split_once("expected").map_or("", |(_, e)| e));
        let d = source
            .error(
                path,
                format!(
                    "`{variant}` is not allowed here{}",
                    did_you_mean(variant, expected.iter().map(String::as_str))
                ),
            )
            .with_hint(format!("write one of: {}", expected.join(", ")));
        return (d, path.to_string());
    }
    if message.contains("expected field identifier")
        || message.contains("expected a string") && path.contains('?')
    {
        // `{ score: 7,7 }`: inside braces the decimal comma splits the entry.
        let d = source
            .error(
                path,
                "a decimal comma inside `{ … }` splits the entry in two",
            )
            .with_hint(
                "inside braces, quote the number (\"7,7\"), or write each field on its own line",
            );
        return (d, String::new());
    }
    let message = message
        .replace("invalid type: ", "wrong type: ")
        .replace("floating point", "decimal number");
    let d = source.error(path, message);
    (d, path.to_string())
}

fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_string()
    } else {
        format!("{path}.{field}")
    }
}

fn backticked(s: &str) -> Vec<String> {
    s.split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, w)| w.to_string())
        .collect()
}

/// Remove the value at `path` (a map entry is removed; a sequence item is
/// replaced by null so later indexes keep their meaning).
fn remove_at(value: &mut Value, path: &str) -> bool {
    let parent_path = parent(path);
    let last = &path[parent_path.len()..];
    let Some(container) = lookup_mut(value, &parent_path) else {
        return false;
    };
    if let Some(idx) = last.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
        let Ok(i) = idx.parse::<usize>() else {
            return false;
        };
        if let Value::Sequence(items) = container {
            if let Some(item) = items.get_mut(i) {
                if item.is_null() {
                    return false;
                }
                *item = Value::Null;
                return true;
            }
        }
        return false;
    }
    let key = last.trim_start_matches('.');
    if let Value::Mapping(map) = container {
        return map.remove(key).is_some();
    }
    false
}

fn lookup_mut<'a>(value: &'a mut Value, path: &str) -> Option<&'a mut Value> {
    let mut cur = value;
    for seg in split_path(path) {
        cur = match seg {
            Seg::Key(k) => match cur {
                Value::Mapping(m) => m.get_mut(k)?,
                _ => return None,
            },
            Seg::Index(i) => match cur {
                Value::Sequence(s) => s.get_mut(i)?,
                _ => return None,
            },
        };
    }
    Some(cur)
}

enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

fn split_path(path: &str) -> Vec<Seg<'_>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            out.push(Seg::Key(key));
        }
        for idx in rest.split('[').filter(|s| !s.is_empty()) {
            if let Ok(i) = idx.trim_end_matches(']').parse() {
                out.push(Seg::Index(i));
            }
        }
    }
    out
}
