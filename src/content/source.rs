//! A content file's text, and the diagnostics that point into it.

use super::positions::PositionIndex;
use crate::diagnostics::Diagnostic;
use crate::lang::Text;
use std::path::Path;

/// A file's text, with its position index built on the first error: a
/// file without errors never pays for it.
pub struct Source {
    pub path: std::path::PathBuf,
    pub text: String,
    index: std::sync::OnceLock<PositionIndex>,
    /// The YAML tree, for the printed numbers of a place (built on the
    /// first error, None when the text is not YAML).
    tree: std::sync::OnceLock<Option<serde_yaml::Value>>,
}

/// `text` with each line break written `\n`. YAML, and the editor the file
/// was written in, also break a line at `\r\n` and at a lone `\r` (an old
/// Mac's line end); the lines this loader counts itself (a syntax error's
/// line, a decimal comma's, a control character's) then agree with both.
/// YAML turns every line break inside a value into `\n` anyway, so what
/// the file says is unchanged.
fn one_kind_of_line_break(text: String) -> String {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

impl Source {
    pub fn new(path: &Path, text: &str) -> Source {
        // A file saved by a Windows editor may start with a byte-order mark.
        let text =
            one_kind_of_line_break(text.strip_prefix('\u{feff}').unwrap_or(text).to_string());
        Source {
            path: path.to_path_buf(),
            text,
            index: std::sync::OnceLock::new(),
            tree: std::sync::OnceLock::new(),
        }
    }

    /// [`Source::new`] for a text read from a file: kept as it is, not copied.
    pub fn from_text(path: &Path, mut text: String) -> Source {
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        let text = one_kind_of_line_break(text);
        Source {
            path: path.to_path_buf(),
            text,
            index: std::sync::OnceLock::new(),
            tree: std::sync::OnceLock::new(),
        }
    }

    /// Field path → position, for error messages.
    pub fn index(&self) -> &PositionIndex {
        self.index.get_or_init(|| PositionIndex::build(&self.text))
    }

    /// `field` in words an editor finds in the document.
    pub fn place(&self, field: &str) -> Option<Text> {
        let tree = self
            .tree
            .get_or_init(|| serde_yaml::from_str(&self.text).ok())
            .as_ref();
        super::place::describe(tree, field)
    }

    /// An error at `field`, positioned at the field (or its nearest parent).
    pub fn error(&self, field: &str, message: Text) -> Diagnostic {
        let pos = self.index().find(field);
        Diagnostic::error(&self.path, field, message)
            .at(pos.map(|p| p.line), pos.map(|p| p.column))
            .with_place(self.place(field))
    }

    pub fn warning(&self, field: &str, message: Text) -> Diagnostic {
        let pos = self.index().find(field);
        Diagnostic::warning(&self.path, field, message)
            .at(pos.map(|p| p.line), pos.map(|p| p.column))
            .with_place(self.place(field))
    }
}
