//! A content file's text, and the diagnostics that point into it.

use super::positions::PositionIndex;
use crate::diagnostics::Diagnostic;
use std::path::Path;

/// A file's text, with its position index built on the first error: a
/// file without errors never pays for it.
pub struct Source {
    pub path: std::path::PathBuf,
    pub text: String,
    index: std::sync::OnceLock<PositionIndex>,
}

impl Source {
    pub fn new(path: &Path, text: &str) -> Source {
        // A file saved by a Windows editor may start with a byte-order mark.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text).to_string();
        Source {
            path: path.to_path_buf(),
            text,
            index: std::sync::OnceLock::new(),
        }
    }

    /// [`Source::new`] for a text read from a file: kept as it is, not copied.
    pub fn from_text(path: &Path, mut text: String) -> Source {
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        Source {
            path: path.to_path_buf(),
            text,
            index: std::sync::OnceLock::new(),
        }
    }

    /// Field path → position, for error messages.
    pub fn index(&self) -> &PositionIndex {
        self.index.get_or_init(|| PositionIndex::build(&self.text))
    }

    /// An error at `field`, positioned at the field (or its nearest parent).
    pub fn error(&self, field: &str, message: impl Into<String>) -> Diagnostic {
        let pos = self.index().find(field);
        Diagnostic::error(&self.path, field, message).at(pos.map(|p| p.line), pos.map(|p| p.column))
    }

    pub fn warning(&self, field: &str, message: impl Into<String>) -> Diagnostic {
        let pos = self.index().find(field);
        Diagnostic::warning(&self.path, field, message)
            .at(pos.map(|p| p.line), pos.map(|p| p.column))
    }
}
