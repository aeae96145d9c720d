//! What a content file may hold, checked before and right after YAML reads
//! it: a bounded size, no control characters (they break the feed, the
//! sitemap and the pages' text, and can reverse what a reader sees), and
//! no YAML anchors or aliases (editors never need them, and an alias
//! repeated a few thousand times turns a small file into gigabytes).

use super::source::Source;
use crate::diagnostics::Diagnostic;
use crate::lang::Text;
use crate::tr;
use crate::vi::format_int;
use serde_yaml::Value;
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

/// The largest content file read (a national dispatch is about 50 KB).
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;
/// The longest text of one field (a dispatch's whole body included).
pub const MAX_TEXT_CHARS: usize = 200_000;
/// The most items of one list (rows of an appendix, units of units.yaml).
pub const MAX_ITEMS: usize = 20_000;

/// What `c` is (Vietnamese, English), if it may not stand in a content file.
fn forbidden(c: char) -> Option<(&'static str, &'static str)> {
    match c {
        '\n' | '\t' | '\r' => None,
        '\0' => Some(("một byte NUL", "a NUL byte")),
        '\u{1}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => {
            Some(("một ký tự điều khiển", "a control character"))
        }
        // They reorder what a reader sees, and can hide or fake a figure.
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Some((
            "một ký tự điều khiển chiều viết",
            "a bidirectional control character",
        )),
        '\u{fffe}' | '\u{ffff}' => {
            Some(("một ký tự không phải chữ", "a character that is not text"))
        }
        _ => None,
    }
}

/// What `c` is, if it may not stand in a file as it is: what [`forbidden`]
/// refuses, and the Unicode line separators. YAML breaks a line at those,
/// most editors and this loader do not, so the lines named in messages
/// would not be the editor's. Written as an escape (`"\u2028"`) in a
/// quoted text, a line separator is only a character, and allowed.
fn forbidden_in_file(c: char) -> Option<(&'static str, &'static str)> {
    match c {
        '\u{2028}' | '\u{2029}' => {
            Some(("một ký tự ngắt dòng Unicode", "a Unicode line separator"))
        }
        _ => forbidden(c),
    }
}

/// "a control character (U+001B) in the text", in both languages.
fn in_the_text(c: char) -> Text {
    let (vi, en) = forbidden_in_file(c).unwrap_or(("một ký tự điều khiển", "a control character"));
    let code = describe(c);
    tr!("đoạn chữ có {vi} ({code})", "{en} ({code}) in the text")
}

/// Bytes that are, or may start, a character [`forbidden`] refuses.
const SUSPECT: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = !matches!(b, 0x09 | 0x0a | 0x0d);
        b += 1;
    }
    t[0x7f] = true;
    t[0xc2] = true;
    t[0xe2] = true;
    t[0xef] = true;
    t
};

/// Whether `s` holds a character [`forbidden`] refuses (or, for the text of
/// a file, [`forbidden_in_file`]): the same answer, from the UTF-8 bytes,
/// without decoding each character (the text of a file and each of its
/// values is scanned; nearly all are clean).
fn has_forbidden(s: &str, in_file: bool) -> bool {
    let separators = if in_file { 0xa8 } else { 0xaa };
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if SUSPECT[usize::from(b[i])] {
            let refused = match b[i] {
                // U+0080–U+009F
                0xc2 => matches!(b.get(i + 1), Some(0x80..=0x9f)),
                // U+2028–U+2029 (in a file), U+202A–U+202E, U+2066–U+2069
                0xe2 => match (b.get(i + 1), b.get(i + 2)) {
                    (Some(0x80), Some(&c)) => (separators..=0xae).contains(&c),
                    (Some(0x81), Some(0xa6..=0xa9)) => true,
                    _ => false,
                },
                // U+FFFE, U+FFFF
                0xef => b.get(i + 1) == Some(&0xbf) && matches!(b.get(i + 2), Some(0xbe | 0xbf)),
                _ => true,
            };
            if refused {
                return true;
            }
        }
        i += 1;
    }
    false
}

fn describe(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// What is wrong with the first character of `s` that a content file may
/// not hold, if there is one: for text about to be written into a file
/// (`congkhai import`), refused before it is written.
pub fn first_forbidden(s: &str) -> Option<Text> {
    if !has_forbidden(s, true) {
        return None;
    }
    s.chars()
        .find(|&c| forbidden_in_file(c).is_some())
        .map(in_the_text)
}

/// Control characters written as they are in the file.
pub fn raw_characters(source: &Source) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    if !has_forbidden(&source.text, true) {
        return found;
    }
    for (i, line) in source.text.lines().enumerate() {
        // The first on each line: a pasted run of them is one mistake.
        if let Some((col, c)) = line
            .chars()
            .enumerate()
            .find(|&(_, c)| forbidden_in_file(c).is_some())
        {
            if forbidden_in_file(c).is_some() {
                found.push(
                    Diagnostic::error(&source.path, "", in_the_text(c))
                        .at(Some(i + 1), Some(col + 1))
                        .with_hint(tr!(
                            "xoá ký tự đó: gõ lại đoạn chữ quanh nó, hoặc dán dưới dạng văn bản thuần (Ctrl+Shift+V)",
                            "delete it: retype the text around it, or paste it as plain text"
                        )),
                );
                if found.len() >= 10 {
                    return found;
                }
            }
        }
    }
    found
}

/// Whether an anchor (`&a`) or alias (`*a`) may start at byte `i` of
/// `line`: where a YAML node starts (line start, after `: `, `- `, `[`,
/// `{`, `,` or `? `). A quick filter: the YAML parser has the last word.
fn node_start(line: &str, i: usize) -> bool {
    let before = line[..i].trim_end();
    before.is_empty()
        || before.ends_with([':', '-', '[', '{', ',', '?'])
            && line[before.len()..i].chars().all(char::is_whitespace)
            && (line[..i].ends_with(char::is_whitespace) || before.ends_with(['[', '{', ',']))
}

/// Anchors and aliases, found by YAML's own parser in the files where a
/// quick look sees one may be.
pub fn anchors_and_aliases(source: &Source) -> Vec<Diagnostic> {
    let maybe = source.text.lines().any(|line| {
        line.match_indices(['&', '*'])
            .any(|(i, _)| node_start(line, i))
    });
    if !maybe {
        return Vec::new();
    }
    struct Found(Option<(Marker, bool)>);
    impl MarkedEventReceiver for Found {
        fn on_event(&mut self, ev: Event, mark: Marker) {
            if self.0.is_some() {
                return;
            }
            let anchored = match ev {
                Event::Alias(_) => Some(true),
                Event::Scalar(_, _, id, _)
                | Event::SequenceStart(id, _)
                | Event::MappingStart(id, _)
                    if id > 0 =>
                {
                    Some(false)
                }
                _ => None,
            };
            self.0 = anchored.map(|alias| (mark, alias));
        }
    }
    let mut found = Found(None);
    // A syntax error is reported by the full parse that follows.
    let _ = Parser::new_from_str(&source.text).load(&mut found, true);
    match found.0 {
        None => Vec::new(),
        Some((mark, alias)) => {
            let message = if alias {
                tr!(
                    "có tham chiếu YAML (`*…`): tệp nội dung không dùng neo và tham chiếu của YAML",
                    "an alias (`*…`): content files do not use YAML anchors and aliases"
                )
            } else {
                tr!(
                    "có neo YAML (`&…`): tệp nội dung không dùng neo và tham chiếu của YAML",
                    "an anchor (`&…`): content files do not use YAML anchors and aliases"
                )
            };
            vec![Diagnostic::error(&source.path, "", message)
                .at(Some(mark.line()), Some(mark.col() + 1))
                .with_hint(tr!(
                    "viết đầy đủ giá trị ở mỗi chỗ cần dùng; nếu đoạn chữ bắt đầu bằng & hoặc * thì đặt nó trong ngoặc kép (\"…\")",
                    "write the value out in full where it is needed; if the text starts with & or *, put it in quotes"
                ))]
        }
    }
}

/// Control characters YAML escapes put into strings (`"\u0001"`), texts
/// too long and lists too long, in the tree YAML read.
pub fn in_values(value: &Value, source: &Source) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    walk(value, &mut Vec::new(), source, &mut found);
    found
}

/// One step of the field path to a value; the path is written out only
/// for a diagnostic.
enum Step<'a> {
    Key(&'a Value),
    Index(usize),
}

/// `results.groups[0].score`, as serde_path_to_error writes it.
fn path_of(steps: &[Step]) -> String {
    let mut path = String::new();
    for step in steps {
        match step {
            Step::Key(k) => {
                let key = match k {
                    Value::String(s) => s.clone(),
                    other => serde_yaml::to_string(other)
                        .unwrap_or_default()
                        .trim()
                        .to_string(),
                };
                if path.is_empty() {
                    path = key;
                } else {
                    path = format!("{path}.{key}");
                }
            }
            Step::Index(i) => path = format!("{path}[{i}]"),
        }
    }
    path
}

fn walk<'a>(
    value: &'a Value,
    path: &mut Vec<Step<'a>>,
    source: &Source,
    found: &mut Vec<Diagnostic>,
) {
    if found.len() >= 10 {
        return;
    }
    match value {
        Value::String(s) => text(s, path, source, found),
        Value::Sequence(items) => {
            if items.len() > MAX_ITEMS {
                found.push(
                    source
                        .error(&path_of(path), {
                            let (n, max) = (items.len(), MAX_ITEMS);
                            let (n_vi, max_vi) = (format_int(n as u64), format_int(max as u64));
                            tr!(
                                "danh sách có {n_vi} mục: quá {max_vi} mục được phép",
                                "{n} items: more than the {max} a list may hold"
                            )
                        })
                        .with_hint(tr!(
                            "chia bảng hoặc danh sách thành nhiều văn bản",
                            "split the table or list into several documents"
                        )),
                );
                return;
            }
            for (i, item) in items.iter().enumerate() {
                path.push(Step::Index(i));
                walk(item, path, source, found);
                path.pop();
            }
        }
        Value::Mapping(map) => {
            for (k, v) in map {
                if let Value::String(s) = k {
                    text(s, path, source, found);
                }
                path.push(Step::Key(k));
                walk(v, path, source, found);
                path.pop();
            }
        }
        // `subject: !Quan trọng …`: YAML reads `!Quan` as a tag and drops
        // it from the text; content files use no tags.
        Value::Tagged(t) => {
            // A lone `!` (the non-specific tag) is printed `!!`.
            let tag = match t.tag.to_string() {
                t if t == "!!" => "!".to_string(),
                t => t,
            };
            found.push(
                source
                    .error(
                        &path_of(path),
                        tr!(
                            "giá trị bắt đầu bằng `{tag}`, YAML đọc đó là một thẻ (tag) và bỏ nó khỏi giá trị",
                            "a value starting with `{tag}`, which YAML reads as a tag and drops from the value"
                        ),
                    )
                    .with_hint(tr!(
                        "đặt cả giá trị trong ngoặc kép, ví dụ `\"{tag} …\"`",
                        "put the whole value in double quotes, e.g. `\"{tag} …\"`"
                    )),
            );
        }
        _ => {}
    }
}

fn text(s: &str, path: &[Step], source: &Source, found: &mut Vec<Diagnostic>) {
    // Fewer bytes than the limit: fewer characters too.
    if s.len() <= MAX_TEXT_CHARS && !has_forbidden(s, false) {
        return;
    }
    let path = &path_of(path);
    if let Some(c) = s.chars().find(|&c| forbidden(c).is_some()) {
        found.push(source.error(path, in_the_text(c)).with_hint(tr!(
            "xoá mã thoát (như \\u0001) khỏi đoạn chữ",
            "remove the escape (such as \\u0001) from the text"
        )));
    }
    let chars = s.chars().count();
    if chars > MAX_TEXT_CHARS {
        found.push(
            source
                .error(
                    path,
                    {
                        let max = MAX_TEXT_CHARS;
                        let (n_vi, max_vi) = (format_int(chars as u64), format_int(max as u64));
                        tr!(
                            "đoạn chữ có {n_vi} ký tự: quá {max_vi} ký tự được phép",
                            "{chars} characters: more than the {max} a text may hold"
                        )
                    },
                )
                .with_hint(tr!(
                    "kiểm tra xem đoạn chữ có bị dán hai lần không; văn bản dài hơn thì chia thành nhiều phần",
                    "check that the text was pasted once; a longer document belongs in several parts"
                )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn src(text: &str) -> Source {
        Source::new(Path::new("x.yaml"), text)
    }

    #[test]
    fn the_byte_scan_refuses_exactly_the_forbidden_characters() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            assert_eq!(
                has_forbidden(&text, false),
                forbidden(c).is_some(),
                "{}",
                describe(c)
            );
            assert_eq!(
                has_forbidden(&text, true),
                forbidden_in_file(c).is_some(),
                "{} in a file",
                describe(c)
            );
        }
    }

    #[test]
    fn paths_are_written_as_serde_path_to_error_writes_them() {
        let s = src("a:\n  - x\n  - {b: \"\\u0001\"}\n1: \"\\u0002\"\n");
        let v: Value = serde_yaml::from_str(&s.text).unwrap();
        let fields: Vec<String> = in_values(&v, &s).into_iter().map(|d| d.field).collect();
        assert_eq!(fields, ["a[1].b", "1"]);
    }

    #[test]
    fn anchors_are_found_where_a_node_starts_only() {
        let at = |t: &str| {
            anchors_and_aliases(&src(t))
                .first()
                .map(|d| (d.line, d.column))
        };
        assert_eq!(
            at("a: &x 1\nb: *x\n"),
            Some((Some(1), Some(7))),
            "at the anchored value"
        );
        assert_eq!(
            at("list:\n  - *x\n"),
            None,
            "an unknown alias is YAML's own error"
        );
        assert_eq!(at("a: [&x 1, *x]\n"), Some((Some(1), Some(8))));
        assert_eq!(
            at("symbol: VPUB-PVHCC&KSTT\nbody: |\n  **đậm** & *nghiêng*\n"),
            None
        );
        assert_eq!(at("a: \"&x\"\n"), None);
    }

    #[test]
    fn control_characters_are_found_in_text_and_in_escapes() {
        let raw = raw_characters(&src("a: 1\nb: x\u{1b}y\n"));
        assert_eq!((raw[0].line, raw[0].column), (Some(2), Some(5)));
        assert!(raw[0].message.en.contains("U+001B"), "{}", raw[0].message);
        assert!(raw_characters(&src("a: 1\r\nb: \tx\n")).is_empty());
        let s = src("a:\n  b: \"x\\u202Ey\"\n");
        let v: Value = serde_yaml::from_str(&s.text).unwrap();
        let found = in_values(&v, &s);
        assert_eq!(found[0].field, "a.b");
        assert!(
            found[0].message.en.contains("bidirectional"),
            "{}",
            found[0].message
        );
    }
}
