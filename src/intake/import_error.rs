//! Why `congkhai import` wrote nothing, in both languages.

use crate::lang::{io_error, Text};
use std::path::PathBuf;
use thiserror::Error;

/// Why an import wrote nothing; [`ImportError::text`] says it in both
/// languages (the `Display` is the English).
#[derive(Debug, Error)]
pub enum ImportError {
    #[error("{}", self.text().en)]
    Table(Text),
    #[error("{}", self.text().en)]
    Content(Text),
    #[error("{}", self.text().en)]
    Row {
        /// The table's row, counted from 1 as a spreadsheet numbers it.
        row: usize,
        message: Text,
        hint: Text,
    },
    #[error("{}", self.text().en)]
    Columns(Text),
    #[error("{}", self.text().en)]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl ImportError {
    pub fn text(&self) -> Text {
        match self {
            ImportError::Table(t) | ImportError::Content(t) => t.clone(),
            ImportError::Row { row, message, hint } => Text::new(
                format!("dòng {row} của bảng: {}\n  cách sửa: {}", message.vi, hint.vi),
                format!("row {row} of the table: {}\n  help: {}", message.en, hint.en),
            ),
            ImportError::Columns(t) => Text::new(
                format!(
                    "các cột của bảng: {}\n  cách sửa: chỉ rõ cột nào là gì bằng --columns, ví dụ --columns stt,unit,1,status",
                    t.vi
                ),
                format!(
                    "the table's columns: {}\n  help: say which is which with --columns, e.g. --columns stt,unit,1,status",
                    t.en
                ),
            ),
            ImportError::Io { path, source } => Text::new(
                format!("không ghi được {}: {}", path.display(), io_error(source).vi),
                format!("writing {}: {source}", path.display()),
            ),
        }
    }
}
