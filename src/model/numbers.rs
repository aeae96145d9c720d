//! Numbers as Vietnamese documents print them.
//!
//! Policy (documented for editors in `docs/content-format.md`):
//! - A decimal may be written as printed, with the decimal comma (`55,02`,
//!   unquoted is fine: YAML reads it as text) or with a dot (`55.02`). The
//!   number of decimals written is kept, so `15,0` is shown as `15,0`.
//! - The Vietnamese thousands dot is never accepted: `1.038` in a count is
//!   refused with a hint to write `1038`, because YAML reads `1.038` as the
//!   decimal number one point zero three eight.
//! - A count is a whole number.

use crate::lang::Text;
use crate::tr;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

/// What `congkhai new` writes where a new document's value goes: never a
/// valid value, so `check` names each one still to fill.
pub const TO_FILL: &str = "???";

/// The largest whole number every figure and count is printed exactly as
/// (2^53 − 1: beyond it a float drops digits).
pub const MAX_EXACT: u64 = (1 << 53) - 1;
/// The most decimals a printed figure has (a rate such as 82,9234).
pub const MAX_DECIMALS: usize = 6;
/// The most significant digits a figure keeps exactly.
const MAX_DIGITS: usize = 15;

/// A decimal figure with the number of decimals it was printed with.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Num {
    pub value: f64,
    pub decimals: u8,
    /// Written with the decimal comma (`85,4`): never a thousands dot, so
    /// a count written so gets no "1.038 means 1038" reading.
    #[serde(skip)]
    pub comma: bool,
}

/// The same figure, however it was written.
impl PartialEq for Num {
    fn eq(&self, other: &Num) -> bool {
        self.value == other.value && self.decimals == other.decimals
    }
}

impl Num {
    pub fn new(value: f64, decimals: u8) -> Self {
        Num {
            value,
            decimals,
            comma: false,
        }
    }

    /// Parse text as an editor may write it: `55,02`, `55.02`, `100`, `-3`.
    /// The error's message and hint are split at the first "; ".
    pub fn parse(text: &str) -> Result<Num, Text> {
        let t = text.trim();
        let t = t.strip_suffix('%').unwrap_or(t).trim_end();
        if t.is_empty() {
            return Err(tr!(
                "ô trống; viết một số như 55,02, hoặc `~` khi văn bản không công bố",
                "is empty; write a number such as 55,02, or leave the value out (~) when it is not published"
            ));
        }
        let commas = t.matches(',').count();
        let dots = t.matches('.').count();
        if commas + dots > 1 {
            return Err(tr!(
                "`{t}` có cả dấu chấm phân cách hàng nghìn và dấu phẩy thập phân; viết không có dấu chấm hàng nghìn, ví dụ `{}`",
                "`{t}` mixes thousands and decimal separators; write it without the thousands dot, e.g. `{}`",
                t.replace('.', "")
            ));
        }
        let normal = t.replace(',', ".");
        let body = normal.strip_prefix('-').unwrap_or(&normal);
        if body.is_empty()
            || !body.chars().all(|c| c.is_ascii_digit() || c == '.')
            || body.starts_with('.')
            || body.ends_with('.')
        {
            return Err(not_a_number(t));
        }
        let decimals = body.split_once('.').map_or(0, |(_, f)| f.len());
        if decimals > MAX_DECIMALS {
            return Err(tr!(
                "`{t}` có {decimals} chữ số thập phân, nhiều hơn {MAX_DECIMALS} chữ số mà một số liệu được in; đối chiếu lại với văn bản",
                "`{t}` has {decimals} decimals, more than the {MAX_DECIMALS} a figure is printed with; check it against the document"
            ));
        }
        let digits = body
            .trim_start_matches(['0', '.'])
            .chars()
            .filter(char::is_ascii_digit)
            .count();
        if digits > MAX_DIGITS {
            return Err(tr!(
                "`{t}` có {digits} chữ số, nhiều hơn số chữ số được giữ chính xác ({MAX_DIGITS}); đối chiếu lại với văn bản",
                "`{t}` has {digits} digits, more than a figure keeps exactly ({MAX_DIGITS}); check it against the document"
            ));
        }
        let value: f64 = normal.parse().map_err(|_| not_a_number(t))?;
        Ok(Num {
            value,
            decimals: decimals as u8,
            comma: t.contains(','),
        })
    }

    /// A whole number read by YAML, when it is printed exactly.
    fn whole(v: i128) -> Result<Num, Text> {
        if v.unsigned_abs() > u128::from(MAX_EXACT) {
            return Err(tr!(
                "{v} là số quá lớn để in chính xác; đối chiếu lại với văn bản",
                "{v} is too large a figure to print exactly; check it against the document"
            ));
        }
        Ok(Num::new(v as f64, 0))
    }

    /// A float read by YAML: keep the shortest decimals that represent it.
    pub fn from_f64(value: f64) -> Result<Num, Text> {
        Num::parse(&format!("{value}"))
    }
}

fn not_a_number(t: &str) -> Text {
    tr!(
        "`{t}` không phải một số; viết chữ số với dấu phẩy thập phân, ví dụ 55,02",
        "`{t}` is not a number; write digits with a decimal comma, e.g. 55,02"
    )
}

impl Num {
    /// The number as a content file writes it: the decimal comma, no
    /// thousands dot (`-1038`, `55,02`), for messages about what was written.
    pub fn as_written(&self) -> String {
        super::decimal::format_decimal(self.value, self.decimals).replace('.', "")
    }
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}",
            super::decimal::format_decimal(self.value, self.decimals)
        )
    }
}

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NumVisitor)
    }
}

struct NumVisitor;

impl Visitor<'_> for NumVisitor {
    type Value = Num;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number such as 55,02 or 100")
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Num, E> {
        Num::whole(v.into()).map_err(|e| E::custom(e.encode()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Num, E> {
        Num::whole(v.into()).map_err(|e| E::custom(e.encode()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Num, E> {
        if !v.is_finite() {
            return Err(E::custom(
                tr!(
                    "không phải một số hữu hạn; viết chữ số như 55,02",
                    "is not a finite number; write digits such as 55,02"
                )
                .encode(),
            ));
        }
        Num::from_f64(v).map_err(|e| E::custom(e.encode()))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Num, E> {
        Num::parse(v).map_err(|e| E::custom(e.encode()))
    }
}

/// A whole count, such as 1038 electronic copies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Count(pub u64);

/// What `1.038` written for a count means: the text as written (YAML
/// dropped any trailing zero: `1.030` reads as 1.03) and the count meant.
pub(crate) fn thousands_dot(x: f64) -> Option<(String, u64)> {
    if !(x.is_finite() && x > 0.0 && x < 1000.0) {
        return None;
    }
    let n = x * 1000.0;
    if (n - n.round()).abs() > 1e-6 {
        return None;
    }
    Some((format!("{x:.3}"), n.round() as u64))
}

/// Why a decimal is not a count, and what to write instead.
pub(crate) fn not_whole(x: f64) -> (Text, Text) {
    match thousands_dot(x) {
        Some((written, meant)) => thousands_dot_message(&written, meant),
        None => not_whole_text(&x.to_string()),
    }
}

fn not_whole_text(t: &str) -> (Text, Text) {
    (
        tr!("`{t}` không phải số nguyên", "`{t}` is not a whole number"),
        tr!(
            "viết một số đếm nguyên, ví dụ 1038",
            "write a whole count, such as 1038"
        ),
    )
}

fn thousands_dot_message(written: &str, meant: u64) -> (Text, Text) {
    (
        tr!(
            "`{written}` không phải số nguyên: trong văn bản tiếng Việt dấu chấm phân cách hàng nghìn ({written} là {meant}), nhưng YAML đọc `{written}` là số thập phân",
            "`{written}` is not a whole number: in Vietnamese documents the dot separates thousands ({written} means {meant}), but YAML reads `{written}` as a decimal fraction"
        ),
        tr!(
            "viết số đếm không có dấu chấm: {meant}",
            "write the count without the dot: {meant}"
        ),
    )
}

/// A message and its hint as one serde error (see `content::wording`).
fn joined(what: Text, how: Text) -> String {
    what.append(&Text::same("; ")).append(&how).encode()
}

/// `1.038`, `12.345.678`: digits in groups of three after each dot.
fn thousands_text(t: &str) -> Option<u64> {
    let mut groups = t.split('.');
    let head = groups.next()?;
    if head.is_empty() || head.len() > 3 || !head.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut any = false;
    for g in groups {
        if g.len() != 3 || !g.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        any = true;
    }
    if !any {
        return None;
    }
    t.replace('.', "").parse().ok()
}

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Count;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a whole number such as 1038")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Count, E> {
                if v > MAX_EXACT {
                    return Err(E::custom(
                        tr!(
                        "{v} là số đếm quá lớn để in chính xác; đối chiếu lại với văn bản",
                        "{v} is too large a count to print exactly; check it against the document"
                    )
                        .encode(),
                    ));
                }
                Ok(Count(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Count, E> {
                u64::try_from(v).map(Count).map_err(|_| {
                    E::custom(
                        tr!(
                            "{v} là số âm; viết số đếm từ 0 trở lên",
                            "{v} is negative; write a count of 0 or more"
                        )
                        .encode(),
                    )
                })
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Count, E> {
                let (what, how) = not_whole(v);
                Err(E::custom(joined(what, how)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Count, E> {
                let t = v.trim();
                if !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()) {
                    return match t.parse::<u64>() {
                        Ok(n) => self.visit_u64(n),
                        Err(_) => Err(E::custom(tr!(
                            "`{t}` là số đếm quá lớn để in chính xác; đối chiếu lại với văn bản",
                            "`{t}` is too large a count to print exactly; check it against the document"
                        ).encode())),
                    };
                }
                let (what, how) = match thousands_text(t) {
                    Some(meant) => thousands_dot_message(t, meant),
                    None => not_whole_text(t),
                };
                Err(E::custom(joined(what, how)))
            }
        }
        d.deserialize_any(V)
    }
}

/// A rank such as `20/63`: position among a number of provinces or units.
/// It keeps its printed form: `06/63` is shown as `06/63`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rank {
    pub position: u32,
    pub of: u32,
    /// Digits the position was printed with (2 for `06`), at least 1.
    pub digits: u8,
}

impl Rank {
    /// A rank printed without leading zeros.
    pub fn new(position: u32, of: u32) -> Rank {
        Rank {
            position,
            of,
            digits: 1,
        }
    }
}

impl fmt::Display for Rank {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let w = usize::from(self.digits);
        write!(f, "{:0w$}/{}", self.position, self.of)
    }
}

/// For templates: the numbers, and `text` as printed.
impl Serialize for Rank {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Rank", 3)?;
        st.serialize_field("position", &self.position)?;
        st.serialize_field("of", &self.of)?;
        st.serialize_field("text", &self.to_string())?;
        st.end()
    }
}

/// A scalar as text, whatever YAML read it as: `rank: 20` and `date: 2023`
/// then get the message of a bad rank or date, not of a wrong type.
pub(crate) fn scalar_text<'de, D: Deserializer<'de>>(
    d: D,
    what: &'static str,
) -> Result<String, D::Error> {
    struct V(&'static str);
    impl Visitor<'_> for V {
        type Value = String;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str(self.0)
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<String, E> {
            Ok(v.to_string())
        }
    }
    d.deserialize_any(V(what))
}

impl<'de> Deserialize<'de> for Rank {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = scalar_text(d, "a rank such as 20/63")?;
        parse_rank(&text).map_err(|e| de::Error::custom(e.encode()))
    }
}

pub fn parse_rank(text: &str) -> Result<Rank, Text> {
    let hint = || {
        tr!(
            "`{text}` không phải một thứ hạng; viết vị trí và tổng số được xếp hạng, ví dụ 20/63",
            "`{text}` is not a rank; write the position and the number ranked, e.g. 20/63"
        )
    };
    let (a, b) = text.split_once('/').ok_or_else(hint)?;
    let position: u32 = a.trim().parse().map_err(|_| hint())?;
    let of: u32 = b.trim().parse().map_err(|_| hint())?;
    if position == 0 || of == 0 || position > of {
        return Err(tr!(
            "`{text}` không phải một thứ hạng; vị trí phải từ 1 đến tổng số được xếp hạng ({of})",
            "`{text}` is not a rank; the position must be between 1 and the number ranked ({of})"
        ));
    }
    // Leading zeros are kept as printed; a wider number is no padding.
    let digits = a.trim().len().min(usize::from(u8::MAX)) as u8;
    Ok(Rank {
        position,
        of,
        digits: digits.max(1),
    })
}

/// One cell of an appendix table.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Cell {
    /// A figure as printed.
    Value { value: Num },
    /// Not applicable, with the reason the document prints, such as
    /// "TTHC không có phí, lệ phí". Never the same as 0.
    NotApplicable { reason: String },
    /// The document gives no figure (blank or withheld).
    NotPublished { reason: Option<String> },
    /// A rank as printed, in a rank column: `6/9`, `01/34`.
    Rank { rank: Rank },
}

impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        const HINT: &str = "a number (55,02), `~` when nothing is published, \
            `{ not_applicable: \"reason as printed\" }` or `{ not_published: \"reason\" }`";
        const HINT_VI: &str = "một số (55,02), `~` khi văn bản không công bố, \
            `{ not_applicable: \"lý do như văn bản ghi\" }` hoặc `{ not_published: \"lý do\" }`";
        impl<'de> Visitor<'de> for V {
            type Value = Cell;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(HINT)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Cell, E> {
                NumVisitor.visit_i64(v).map(|value| Cell::Value { value })
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Cell, E> {
                NumVisitor.visit_u64(v).map(|value| Cell::Value { value })
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Cell, E> {
                NumVisitor.visit_f64(v).map(|value| Cell::Value { value })
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Cell, E> {
                if v.contains('/') && !v.contains('\t') {
                    return parse_rank(v)
                        .map(|rank| Cell::Rank { rank })
                        .map_err(|e| E::custom(e.encode()));
                }
                match Num::parse(v) {
                    Ok(value) => Ok(Cell::Value { value }),
                    // Two cells pasted into one: `98,61⇥Hoàn thành`.
                    Err(_) if v.contains('\t') => Err(E::custom(tr!(
                        "`{}` có ký tự Tab: hai ô của bảng bị dán vào một ô; viết số liệu ở đây và phần còn lại vào trường riêng của nó (tình trạng ghi vào `status:`)",
                        "`{}` holds a tab: two cells of the table were pasted into one; write the figure here and the rest in its own field (a status goes in `status:`)",
                        v.replace('\t', "⇥")
                    ).encode())),
                    // A printed text, not a mistyped number.
                    Err(e) if v.chars().any(char::is_alphabetic) => {
                        // The message without its hint: a text wants another.
                        let first = |s: &str| s.split("; ").next().unwrap_or_default().to_string();
                        let what = Text::new(first(&e.vi), first(&e.en));
                        Err(E::custom(joined(what, tr!(
                            "nếu văn bản ghi chữ như \"TTHC không có phí, lệ phí\" thì viết {{ not_applicable: \"{v}\" }}",
                            "for a text such as \"TTHC không có phí, lệ phí\" write {{ not_applicable: \"{v}\" }}"
                        ))))
                    }
                    Err(e) => Err(E::custom(e.encode())),
                }
            }
            fn visit_unit<E: de::Error>(self) -> Result<Cell, E> {
                Ok(Cell::NotPublished { reason: None })
            }
            fn visit_none<E: de::Error>(self) -> Result<Cell, E> {
                Ok(Cell::NotPublished { reason: None })
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Cell, A::Error> {
                let key: String = map.next_key()?.ok_or_else(|| {
                    de::Error::custom(
                        tr!(
                            "nhóm trường rỗng; viết {HINT_VI}",
                            "empty map; write {HINT}"
                        )
                        .encode(),
                    )
                })?;
                let cell = match key.as_str() {
                    "not_applicable" => {
                        let reason: String = map.next_value()?;
                        if reason.trim().is_empty() {
                            return Err(de::Error::custom(
                                tr!(
                                    "`not_applicable` thiếu lý do; ghi lý do như văn bản in, ví dụ \"TTHC không có phí, lệ phí\"",
                                    "not_applicable needs the reason as printed; write it, e.g. \"TTHC không có phí, lệ phí\""
                                )
                                .encode(),
                            ));
                        }
                        Cell::NotApplicable { reason }
                    }
                    "not_published" => Cell::NotPublished {
                        reason: map.next_value()?,
                    },
                    other => {
                        let crate::lang::Text { vi: hv, en: he } = crate::suggest::did_you_mean(
                            other,
                            ["not_applicable", "not_published"],
                        );
                        return Err(de::Error::custom(
                            tr!(
                                "trường không có trong mẫu: `{other}`{hv}; một ô là {HINT_VI}",
                                "unknown field `{other}`{he}; a cell is {HINT}"
                            )
                            .encode(),
                        ));
                    }
                };
                if let Some(extra) = map.next_key::<String>()? {
                    return Err(de::Error::custom(
                        tr!(
                            "thừa trường thứ hai `{extra}`; một ô là {HINT_VI}",
                            "unexpected second field `{extra}`; a cell is {HINT}"
                        )
                        .encode(),
                    ));
                }
                Ok(cell)
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_comma_keeps_its_decimals() {
        assert_eq!(Num::parse("55,02").unwrap(), Num::new(55.02, 2));
        assert_eq!(Num::parse("15,0").unwrap(), Num::new(15.0, 1));
        assert_eq!(Num::parse("100").unwrap(), Num::new(100.0, 0));
        assert_eq!(Num::parse("0,43%").unwrap(), Num::new(0.43, 2));
        assert!(Num::parse("1.234,5").is_err());
        assert!(Num::parse("abc").is_err());
        assert!(Num::parse(",5").is_err());
    }

    fn count(yaml: &str) -> Result<Count, String> {
        serde_yaml::from_str::<Count>(yaml).map_err(|e| e.to_string())
    }

    fn cell(yaml: &str) -> Result<Cell, String> {
        serde_yaml::from_str::<Cell>(yaml).map_err(|e| e.to_string())
    }

    #[test]
    fn count_is_a_whole_number() {
        assert_eq!(count("1038").unwrap(), Count(1038));
        assert_eq!(count("\"1038\"").unwrap(), Count(1038));
        assert_eq!(count("0").unwrap(), Count(0));
        assert!(count("-1").unwrap_err().contains("0 or more"));
        assert!(count("12.5").is_err());
    }

    #[test]
    fn count_refuses_the_thousands_dot_and_says_why() {
        // YAML reads 1.038 as a float: refused, with the count meant.
        let e = count("1.038").unwrap_err();
        assert!(e.contains("thousands"), "{e}");
        assert!(e.contains("write the count without the dot: 1038"), "{e}");
        // 1.030 reads as 1.03; the count meant is still 1030.
        let e = count("1.030").unwrap_err();
        assert!(e.contains("`1.030`"), "{e}");
        assert!(e.ends_with(": 1030") || e.contains(": 1030 "), "{e}");
        // Quoted, or with several dots, YAML gives text.
        let e = count("1.234.567").unwrap_err();
        assert!(e.contains("1234567"), "{e}");
        let e = count("\"1.038\"").unwrap_err();
        assert!(e.contains("1038"), "{e}");
    }

    #[test]
    fn thousands_dot_reading() {
        assert_eq!(thousands_dot(1.038), Some(("1.038".into(), 1038)));
        assert_eq!(thousands_dot(1.03), Some(("1.030".into(), 1030)));
        assert_eq!(thousands_dot(286.0), Some(("286.000".into(), 286000)));
        assert_eq!(thousands_dot(1.0385), None);
        assert_eq!(thousands_dot(-1.038), None);
        assert_eq!(thousands_dot(f64::NAN), None);
        assert_eq!(thousands_text("1.038"), Some(1038));
        assert_eq!(thousands_text("12.345.678"), Some(12345678));
        assert_eq!(thousands_text("1.03"), None);
        assert_eq!(thousands_text("1038"), None);
        assert_eq!(thousands_text(".038"), None);
    }

    #[test]
    fn cells_value_not_applicable_not_published() {
        assert_eq!(
            cell("44,6").unwrap(),
            Cell::Value {
                value: Num::new(44.6, 1)
            }
        );
        assert_eq!(
            cell("0").unwrap(),
            Cell::Value {
                value: Num::new(0.0, 0)
            }
        );
        assert_eq!(
            cell("{ not_applicable: \"TTHC không có phí, lệ phí\" }").unwrap(),
            Cell::NotApplicable {
                reason: "TTHC không có phí, lệ phí".into()
            }
        );
        assert_eq!(
            cell("not_applicable: TTHC không có phí, lệ phí").unwrap(),
            Cell::NotApplicable {
                reason: "TTHC không có phí, lệ phí".into()
            }
        );
        assert_eq!(cell("~").unwrap(), Cell::NotPublished { reason: None });
        assert_eq!(cell("null").unwrap(), Cell::NotPublished { reason: None });
        assert_eq!(
            cell("{ not_published: chưa có số liệu }").unwrap(),
            Cell::NotPublished {
                reason: Some("chưa có số liệu".into())
            }
        );
        assert_eq!(
            cell("{ not_published: ~ }").unwrap(),
            Cell::NotPublished { reason: None }
        );
        assert_eq!(
            cell("06/34").unwrap(),
            Cell::Rank {
                rank: parse_rank("06/34").unwrap()
            }
        );
        assert!(cell("12/9").unwrap_err().contains("between 1 and"));
    }

    #[test]
    fn cells_refuse_what_they_cannot_read() {
        // A printed text is not a number: the hint shows how to write it.
        let e = cell("TTHC không có phí, lệ phí").unwrap_err();
        assert!(e.contains("not_applicable"), "{e}");
        let e = cell("{ not_applicable: \"\" }").unwrap_err();
        assert!(e.contains("reason"), "{e}");
        let e = cell("{ not_aplicable: x }").unwrap_err();
        assert!(e.contains("did you mean `not_applicable`"), "{e}");
        let e = cell("{ not_applicable: x, not_published: y }").unwrap_err();
        assert!(e.contains("second field"), "{e}");
        assert!(cell("{}").is_err());
        assert!(cell("[1, 2]").is_err());
        assert!(cell(".nan").is_err());
    }

    #[test]
    fn num_reads_yaml_numbers_and_vietnamese_text() {
        let num = |y: &str| serde_yaml::from_str::<Num>(y);
        assert_eq!(num("55,02").unwrap(), Num::new(55.02, 2));
        assert_eq!(num("55.02").unwrap(), Num::new(55.02, 2));
        assert_eq!(num("100").unwrap(), Num::new(100.0, 0));
        assert_eq!(num("\"15,0\"").unwrap().to_string(), "15,0");
        assert!(num(".inf").is_err());
        assert!(num("true").is_err());
    }

    #[test]
    fn rank_needs_position_within_denominator() {
        let r = parse_rank("06/63").unwrap();
        assert_eq!((r.position, r.of), (6, 63));
        assert_eq!(r.to_string(), "06/63");
        assert_eq!(parse_rank(" 20 / 63").unwrap().to_string(), "20/63");
        assert_eq!(Rank::new(6, 34).to_string(), "6/34");
        assert!(parse_rank("64/63").is_err());
        assert!(parse_rank("20").is_err());
    }
}
