//! Errors and warnings about content, as values: each names the file, the
//! line (and column where known), the field path, the place in words an
//! editor can find (the appendix, the printed STT of the row), and what to
//! write instead, in Vietnamese and in English.

use crate::lang::{Lang, Text};
use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn word(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Severity::Error, Lang::Vi) => "lỗi",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::Vi) => "cảnh báo",
            (Severity::Warning, Lang::En) => "warning",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: PathBuf,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
    /// Field path inside the file, such as `appendices[0].rows[3].values[0]`.
    pub field: String,
    /// The field in words, as an editor finds it in the document:
    /// "Phụ lục I, dòng STT 4 (dòng thứ 4 của bảng), cột 1".
    pub place: Option<Text>,
    pub message: Text,
    /// What to write instead.
    pub hint: Option<Text>,
}

impl Diagnostic {
    pub fn error(file: &Path, field: impl Into<String>, message: Text) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_path_buf(),
            line: None,
            column: None,
            field: field.into(),
            place: None,
            message,
            hint: None,
        }
    }

    pub fn warning(file: &Path, field: impl Into<String>, message: Text) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, field, message)
        }
    }

    pub fn with_hint(mut self, hint: Text) -> Self {
        self.hint = Some(hint);
        self
    }

    pub fn with_place(mut self, place: Option<Text>) -> Self {
        self.place = place;
        self
    }

    pub fn at(mut self, line: Option<usize>, column: Option<usize>) -> Self {
        self.line = line;
        self.column = column;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The diagnostic as printed, in `lang`:
    ///
    /// ```text
    /// content/x.yaml:12:9: lỗi ở Phụ lục I, dòng STT 16 (dòng thứ 16 của bảng), trường `statu`: …
    ///     cách sửa: …
    /// ```
    pub fn render(&self, lang: Lang) -> String {
        let mut out = format!("{}", self.file.display());
        if let Some(line) = self.line {
            out.push_str(&format!(":{line}"));
            if let Some(col) = self.column {
                out.push_str(&format!(":{col}"));
            }
        }
        out.push_str(": ");
        out.push_str(self.severity.word(lang));
        match (lang, &self.place) {
            (Lang::Vi, Some(place)) => out.push_str(&format!(" ở {}", place.vi)),
            (Lang::Vi, None) if !self.field.is_empty() => {
                out.push_str(&format!(" ở trường `{}`", self.field))
            }
            (Lang::En, place) if !self.field.is_empty() => {
                out.push_str(&format!(" in `{}`", self.field));
                // Where an index is, the printed numbers that find it.
                if let Some(place) = place.as_ref().filter(|_| self.field.contains('[')) {
                    out.push_str(&format!(" ({})", place.en));
                }
            }
            _ => {}
        }
        out.push_str(": ");
        out.push_str(self.message.get(lang));
        if let Some(hint) = &self.hint {
            let label = match lang {
                Lang::Vi => "cách sửa",
                Lang::En => "help",
            };
            out.push_str(&format!("\n    {label}: {}", hint.get(lang)));
        }
        out
    }

    /// The message and the hint, in `lang`, for a one-line summary.
    pub fn text(&self, lang: Lang) -> String {
        match &self.hint {
            Some(h) => format!("{} {}", self.message.get(lang), h.get(lang)),
            None => self.message.get(lang).to_string(),
        }
    }
}

/// In Vietnamese, the editors' language; [`Diagnostic::render`] for English.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::Vi))
    }
}

/// Every diagnostic of a run, errors and warnings, in a stable order.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    pub items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter().filter(|d| d.is_error())
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter().filter(|d| !d.is_error())
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.errors().count()
    }

    pub fn warning_count(&self) -> usize {
        self.warnings().count()
    }

    /// Sort by file, then line, so the report reads top to bottom.
    pub fn sort(&mut self) {
        self.items.sort_by(|a, b| {
            (&a.file, a.line, a.column, a.severity, &a.field, &a.message)
                .cmp(&(&b.file, b.line, b.column, b.severity, &b.field, &b.message))
        });
        self.items.dedup();
    }

    /// Every diagnostic in `lang`, one per line (a hint on the next).
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        for d in &self.items {
            out.push_str(&d.render(lang));
            out.push('\n');
        }
        out
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::Vi))
    }
}
