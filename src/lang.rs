//! The language of messages: Vietnamese for editors (the default) and
//! English for developers (`--lang en`). A [`Text`] carries both, so that
//! the language is chosen where a message is printed, not where it is made.

use std::fmt;

/// The language messages are printed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Vietnamese, for the editors who write the content.
    #[default]
    Vi,
    /// English, for developers.
    En,
}

impl Lang {
    /// `vi` or `en` (any case, surrounding spaces ignored).
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "vi" | "vn" | "vie" => Some(Lang::Vi),
            "en" | "eng" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Lang, String> {
        Lang::parse(s).ok_or_else(|| format!("`{s}`: write vi or en"))
    }
}

/// A message in both languages.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Text {
    pub vi: String,
    pub en: String,
}

/// Between the English and the Vietnamese text of a message carried through
/// serde's one-string errors (see [`Text::encode`]).
const SEPARATOR: char = '\u{1e}';

impl Text {
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            vi: vi.into(),
            en: en.into(),
        }
    }

    /// What reads the same in both languages: a name, a number, a path.
    pub fn same(s: impl Into<String>) -> Text {
        let s = s.into();
        Text {
            vi: s.clone(),
            en: s,
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }

    /// The same Vietnamese text with another English one.
    pub fn with_en(mut self, en: impl Into<String>) -> Text {
        self.en = en.into();
        self
    }

    /// Both texts with `other` appended.
    pub fn append(mut self, other: &Text) -> Text {
        self.vi.push_str(&other.vi);
        self.en.push_str(&other.en);
        self
    }

    /// Both languages in one string, for serde's custom errors, which carry
    /// a single string: the English text first, so that a reader that does
    /// not know the encoding still reads English. [`Text::decode`] splits it.
    pub fn encode(&self) -> String {
        format!("{}{SEPARATOR}{}", self.en, self.vi)
    }

    /// A message from [`Text::encode`]; any other string reads the same in
    /// both languages.
    pub fn decode(s: &str) -> Text {
        match s.split_once(SEPARATOR) {
            Some((en, vi)) => Text::new(vi, en),
            None => Text::same(s),
        }
    }

    /// Whether `s` came from [`Text::encode`].
    pub fn is_encoded(s: &str) -> bool {
        s.contains(SEPARATOR)
    }
}

/// Vietnamese, the default language.
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.vi)
    }
}

/// A [`Text`] from a Vietnamese and an English format string, which may
/// name variables in braces (`"thiếu trường `{field}`"`) or take arguments
/// after them (shared by both).
#[macro_export]
macro_rules! tr {
    ($vi:literal, $en:literal $(,)?) => {
        $crate::lang::Text {
            vi: format!($vi),
            en: format!($en),
        }
    };
    ($vi:literal, $en:literal, $($arg:tt)+) => {
        $crate::lang::Text {
            vi: format!($vi, $($arg)+),
            en: format!($en, $($arg)+),
        }
    };
}

/// What went wrong reading or writing a file, in words: the system's own
/// message (English) stays in brackets for whoever must dig further.
pub fn io_error(e: &std::io::Error) -> Text {
    use std::io::ErrorKind as K;
    let (vi, en) = match e.kind() {
        K::NotFound => ("không tìm thấy", "not found"),
        K::PermissionDenied => ("không có quyền truy cập", "permission denied"),
        K::AlreadyExists => ("đã có sẵn", "already exists"),
        K::InvalidData => ("dữ liệu không hợp lệ", "invalid data"),
        K::StorageFull => ("ổ đĩa đã đầy", "the disk is full"),
        K::ReadOnlyFilesystem => ("ổ đĩa chỉ cho đọc", "read-only file system"),
        K::DirectoryNotEmpty => ("thư mục không trống", "directory not empty"),
        K::IsADirectory => ("là một thư mục, không phải tệp", "is a directory"),
        K::NotADirectory => ("không phải thư mục", "not a directory"),
        K::AddrInUse => ("cổng đang được chương trình khác dùng", "address in use"),
        _ => ("lỗi hệ thống", "system error"),
    };
    Text::new(format!("{vi} ({e})"), format!("{en} ({e})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoded_text_keeps_both_languages() {
        let t = tr!("thiếu `{}`", "missing `{}`", "x");
        assert_eq!(Text::decode(&t.encode()), t);
        assert_eq!(Text::decode("plain"), Text::same("plain"));
    }

    #[test]
    fn lang_parses_vi_and_en() {
        assert_eq!(Lang::parse(" EN "), Some(Lang::En));
        assert_eq!(Lang::parse("vi"), Some(Lang::Vi));
        assert_eq!(Lang::parse("fr"), None);
    }
}
