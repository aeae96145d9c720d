//! serde's own messages ("invalid type: string \"có\", expected a
//! boolean") in both languages, with the hint of what to write. Messages
//! of the model's own types come encoded in both languages already
//! ([`Text::encode`]).

use crate::lang::Text;
use crate::tr;

/// A serde message that is not about a field's name or presence: the
/// message and the hint, in both languages.
pub fn value_error(message: &str) -> (Text, Text) {
    if Text::is_encoded(message) {
        return split_hint(&Text::decode(message));
    }
    if let Some((what, expected)) = message
        .strip_prefix("invalid type: ")
        .and_then(|rest| rest.split_once(", expected "))
    {
        let en = format!(
            "wrong type: {}, expected {}",
            what.replace("floating point", "decimal number"),
            expected_en(expected)
        );
        let vi = format!(
            "sai kiểu: {}, cần {}",
            found_vi(what),
            expected_vi(expected)
        );
        return (Text::new(vi, en), hint_for(expected));
    }
    if let Some((what, expected)) = message
        .strip_prefix("invalid value: ")
        .and_then(|rest| rest.split_once(", expected "))
    {
        return (
            Text::new(
                format!(
                    "giá trị không hợp lệ: {}, cần {}",
                    found_vi(what),
                    expected_vi(expected)
                ),
                format!("invalid value: {what}, expected {}", expected_en(expected)),
            ),
            hint_for(expected),
        );
    }
    if let Some((what, expected)) = message
        .strip_prefix("invalid length ")
        .and_then(|rest| rest.split_once(", expected "))
    {
        return (
            Text::new(
                format!(
                    "số mục không đúng: có {what}, cần {}",
                    expected_vi(expected)
                ),
                format!("invalid length {what}, expected {}", expected_en(expected)),
            ),
            hint_for(expected),
        );
    }
    (
        Text::new(format!("giá trị không hợp lệ ({message})"), message),
        see_docs(),
    )
}

/// "… ; write …" → the message and the hint, in each language.
fn split_hint(t: &Text) -> (Text, Text) {
    let split = |s: &str, seps: &[&str]| -> (String, Option<String>) {
        for sep in seps {
            if let Some((what, how)) = s.split_once(sep) {
                return (what.to_string(), Some(how.to_string()));
            }
        }
        (s.to_string(), None)
    };
    let (en, en_hint) = split(&t.en, &["; "]);
    let (vi, vi_hint) = split(&t.vi, &["; "]);
    let hint = match (vi_hint, en_hint) {
        (Some(v), Some(e)) => Text::new(v, e),
        _ => see_docs(),
    };
    (Text::new(vi, en), hint)
}

fn see_docs() -> Text {
    tr!(
        "xem docs/content-format.md để biết trường này ghi gì",
        "see docs/content-format.md for what this field holds"
    )
}

/// serde's "unexpected" part: `string "có"`, `integer `5``, `sequence`…
fn found_vi(what: &str) -> String {
    let pairs = [
        ("string ", "chữ "),
        ("integer ", "số nguyên "),
        ("floating point ", "số thập phân "),
        ("boolean ", "giá trị đúng/sai "),
        ("char ", "ký tự "),
    ];
    for (en, vi) in pairs {
        if let Some(rest) = what.strip_prefix(en) {
            return format!("{vi}{rest}");
        }
    }
    match what {
        "sequence" => "một danh sách".into(),
        "map" => "một nhóm trường".into(),
        "unit value" | "null" => "giá trị rỗng".into(),
        "string" => "chữ".into(),
        other => other.to_string(),
    }
}

/// What a field expects, as a Vietnamese phrase.
fn expected_vi(expected: &str) -> String {
    let known = [
        ("a boolean", "true hoặc false"),
        ("a string", "một đoạn chữ"),
        ("a sequence", "một danh sách"),
        ("a map", "một nhóm trường"),
        ("a number such as 55,02 or 100", "một số như 55,02 hoặc 100"),
        ("a whole number such as 1038", "một số nguyên như 1038"),
        ("a rank such as 20/63", "một thứ hạng như 20/63"),
        ("a date such as 2023-03-08", "một ngày như 2023-03-08"),
        (
            "a date such as 2023-03-08, or 2023-11",
            "một ngày như 2023-03-08, hoặc 2023-11",
        ),
        ("u8", "một số nguyên"),
        ("u16", "một số nguyên"),
        ("u32", "một số nguyên"),
        ("u64", "một số nguyên"),
        ("usize", "một số nguyên"),
        ("i64", "một số nguyên"),
    ];
    if let Some((_, vi)) = known.iter().find(|(en, _)| *en == expected) {
        return (*vi).to_string();
    }
    if expected.starts_with("struct ") {
        return "một nhóm trường".into();
    }
    if expected.starts_with("a number (55,02)") {
        return "một số (55,02), `~` khi văn bản không công bố, `{ not_applicable: \"lý do như văn bản ghi\" }` hoặc `{ not_published: \"lý do\" }`".into();
    }
    if expected.starts_with("a period") || expected.contains("2025-04") {
        return crate::model::PERIOD_HINT_VI.to_string();
    }
    format!("«{expected}»")
}

/// What serde expected, in an editor's words: "struct Signature" names a
/// type of the code, not anything the file shows.
fn expected_en(expected: &str) -> &str {
    if expected.starts_with("struct ") {
        "a group of fields"
    } else {
        expected
    }
}

/// What to write, from what was expected.
fn hint_for(expected: &str) -> Text {
    match expected {
        "a string" => tr!(
            "viết một đoạn chữ; đặt trong ngoặc kép (\"…\") nếu có `: ` hoặc bắt đầu bằng ký tự đặc biệt",
            "write text here; quote it (\"…\") if it contains `: ` or starts with a special character"
        ),
        "a boolean" => tr!("viết true (có) hoặc false (không)", "write true or false"),
        "a sequence" => tr!(
            "viết một danh sách: mỗi dòng một `- mục`, hoặc [a, b] trên một dòng",
            "write a list: one `- item` per line, or [a, b] on one line"
        ),
        e if e.starts_with("struct ") || e.starts_with("a map") => tr!(
            "viết các trường của nó ở các dòng bên dưới, thụt lề, mỗi dòng một `tên_trường: giá_trị`",
            "write its fields on the lines below, indented, one `field: value` per line"
        ),
        e => Text::new(format!("viết {}", expected_vi(e)), format!("write {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrong_type_in_both_languages() {
        let (m, h) = value_error("invalid type: string \"có\", expected a boolean");
        assert_eq!(m.vi, "sai kiểu: chữ \"có\", cần true hoặc false");
        assert_eq!(m.en, "wrong type: string \"có\", expected a boolean");
        assert_eq!(h.en, "write true or false");
        let (m, _) = value_error("invalid type: sequence, expected a string");
        assert_eq!(m.vi, "sai kiểu: một danh sách, cần một đoạn chữ");
    }

    #[test]
    fn a_message_serde_words_otherwise_sends_to_the_format() {
        let (m, h) = value_error("data did not match any variant");
        assert_eq!(m.en, "data did not match any variant");
        assert_eq!(h.en, "see docs/content-format.md for what this field holds");
        assert_eq!(h.vi, "xem docs/content-format.md để biết trường này ghi gì");
    }

    #[test]
    fn a_type_of_the_code_is_not_named() {
        let (m, h) =
            value_error("invalid type: string \"Trần Văn Thắng\", expected struct Signature");
        assert_eq!(
            m.en,
            "wrong type: string \"Trần Văn Thắng\", expected a group of fields"
        );
        assert_eq!(
            m.vi,
            "sai kiểu: chữ \"Trần Văn Thắng\", cần một nhóm trường"
        );
        assert!(h.en.contains("one `field: value` per line"), "{}", h.en);
    }

    #[test]
    fn an_encoded_message_splits_its_hint() {
        let t = tr!(
            "`x` không phải ngày; viết năm-tháng-ngày",
            "`x` is not a date; write year-month-day"
        );
        let (m, h) = value_error(&t.encode());
        assert_eq!(m.vi, "`x` không phải ngày");
        assert_eq!(h.en, "write year-month-day");
    }
}
