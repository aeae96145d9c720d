//! Which header fields each kind of document has: a dispatch has a
//! number, symbol, issuer, place and signature; an article has an outlet,
//! a title and an address; a capture of the national portal has an
//! address and the time it was taken. A field a kind must have is
//! required; a field it cannot have is refused, with what to write.

use super::super::source::Source;
use crate::diagnostics::Diagnostics;
use crate::lang::Text;
use crate::model::{DispatchFile, DispatchKind, DocDate};
use crate::tr;

/// What a kind does with a field.
#[derive(Clone, Copy, PartialEq)]
enum Rule {
    Required,
    Optional,
    Refused,
}
use Rule::*;

/// The header fields whose presence depends on the kind, in file order.
const FIELDS: [&str; 15] = [
    "number",
    "symbol",
    "issuer",
    "place",
    "date",
    "subject",
    "title",
    "outlet",
    "url",
    "byline",
    "captured_at",
    "recipients",
    "legal_basis",
    "signature",
    "distribution",
];

/// The rule of `field` for `kind`.
fn rule(kind: DispatchKind, field: &str) -> Rule {
    use DispatchKind::*;
    match (kind, field) {
        (MonthlyResults | Directive, "symbol" | "issuer" | "place" | "date" | "subject") => {
            Required
        }
        (MonthlyResults | Directive, "signature") => Required,
        (MonthlyResults | Directive, "number" | "url" | "recipients" | "distribution") => Optional,
        (MonthlyResults | Directive | Report, "legal_basis") => Optional,
        (Report, "issuer" | "date") => Required,
        (Report, "number" | "symbol" | "place" | "subject" | "title" | "url") => Optional,
        (Report, "recipients" | "signature" | "distribution") => Optional,
        (NewsArticle, "outlet" | "title" | "url" | "date") => Required,
        (NewsArticle, "byline") => Optional,
        (PortalCapture, "url" | "captured_at") => Required,
        (PortalCapture, "title") => Optional,
        _ => Refused,
    }
}

fn present(d: &DispatchFile, field: &str) -> bool {
    match field {
        "number" => d.number.is_some(),
        "symbol" => d.symbol.is_some(),
        "issuer" => d.issuer.is_some(),
        "place" => d.place.is_some(),
        "date" => d.date.is_some(),
        "subject" => d.subject.is_some(),
        "title" => d.title.is_some(),
        "outlet" => d.outlet.is_some(),
        "url" => d.url.is_some(),
        "byline" => d.byline.is_some(),
        "captured_at" => d.captured_at.is_some(),
        "recipients" => !d.recipients.is_empty(),
        "legal_basis" => !d.legal_basis.is_empty(),
        "signature" => d.signature.is_some(),
        "distribution" => !d.distribution.is_empty(),
        _ => false,
    }
}

/// The kind in words: "bài báo".
pub(super) fn kind_name(kind: DispatchKind) -> (&'static str, &'static str) {
    match kind {
        DispatchKind::MonthlyResults => ("công văn công bố kết quả", "a results dispatch"),
        DispatchKind::Directive => ("văn bản chỉ đạo", "a directive"),
        DispatchKind::Report => ("báo cáo", "a report"),
        DispatchKind::NewsArticle => ("bài báo", "a news article"),
        DispatchKind::PortalCapture => (
            "ảnh chụp trang Cổng Dịch vụ công quốc gia",
            "a capture of the national portal",
        ),
    }
}

/// What to write in the place of a refused field, when the kind has one.
fn instead(kind: DispatchKind, field: &str) -> Option<Text> {
    use DispatchKind::*;
    Some(match (kind, field) {
        (NewsArticle, "issuer") => tr!(
            "tên báo hoặc cổng thông tin đăng bài ghi ở `outlet:`",
            "write the newspaper or portal that published it in `outlet:`"
        ),
        (NewsArticle | PortalCapture, "subject") => tr!(
            "tiêu đề ghi ở `title:`",
            "write the headline in `title:`"
        ),
        (NewsArticle | PortalCapture, "number" | "symbol") => tr!(
            "nguồn này không có số, ký hiệu văn bản; địa chỉ trang ghi ở `url:`",
            "this source has no number or symbol; write its address in `url:`"
        ),
        (PortalCapture, "date") => tr!(
            "ngày giờ chụp ghi ở `captured_at:`, ví dụ `captured_at: 2025-11-20 14:35`",
            "write the date and time of the capture in `captured_at:`, e.g. `captured_at: 2025-11-20 14:35`"
        ),
        (NewsArticle | Report, "captured_at") => tr!(
            "ngày đăng hoặc ngày ban hành ghi ở `date:`",
            "write the date of publication or issue in `date:`"
        ),
        (MonthlyResults | Directive, "title") => tr!(
            "trích yếu của công văn ghi ở `subject:` (không ghi \"V/v\")",
            "a dispatch's subject goes in `subject:` (without \"V/v\")"
        ),
        (MonthlyResults | Directive, "outlet" | "byline" | "captured_at") => tr!(
            "nếu đây là bài báo hoặc ảnh chụp trang Cổng thì đổi `kind:` thành `news-article` hoặc `portal-capture`",
            "if this is an article or a capture of the portal, set `kind:` to `news-article` or `portal-capture`"
        ),
        _ => return None,
    })
}

/// An example line for a required field.
fn example(kind: DispatchKind, field: &str) -> &'static str {
    match (kind, field) {
        (_, "symbol") => "symbol: VPUB-PVHCC&KSTT",
        (_, "issuer") => "issuer: { unit: hung-yen, body: Văn phòng UBND tỉnh, header: [UBND TỈNH HƯNG YÊN, VĂN PHÒNG] }",
        (_, "place") => "place: Hưng Yên",
        (_, "date") => "date: 2023-03-08",
        (_, "subject") => "subject: Công bố kết quả …",
        (_, "signature") => "signature: { titles: [KT. CHÁNH VĂN PHÒNG, PHÓ CHÁNH VĂN PHÒNG], name: … }",
        (_, "outlet") => "outlet: Báo Hưng Yên",
        (_, "title") => "title: …",
        (_, "url") => "url: https://…",
        (_, "captured_at") => "captured_at: 2025-11-20 14:35",
        _ => "…",
    }
}

/// Every field rule of `d`'s kind.
pub(super) fn check_fields(src: &Source, d: &DispatchFile, diags: &mut Diagnostics) {
    check_presence(src, d.kind, |f| present(d, f), diags);
    check_specifics(src, d, diags);
}

/// The fields a kind must have, for a file that did not read as a
/// document (a misspelt key is reported by the parser; the field it was
/// meant to be is then missing, and said so here).
pub(crate) fn check_unparsed(src: &Source, diags: &mut Vec<crate::diagnostics::Diagnostic>) {
    let Ok(serde_yaml::Value::Mapping(map)) = serde_yaml::from_str(&src.text) else {
        return;
    };
    let kind = map
        .get("kind")
        .and_then(|k| serde_yaml::from_value::<DispatchKind>(k.clone()).ok());
    let Some(kind) = kind else { return };
    let mut found = Diagnostics::default();
    let has = |f: &str| {
        map.get(f).is_some_and(|v| match v {
            serde_yaml::Value::Null => false,
            serde_yaml::Value::Sequence(s) => !s.is_empty(),
            _ => true,
        })
    };
    check_presence(src, kind, has, &mut found);
    // Only what is missing: a refused field that did not read is already
    // reported where it is.
    diags.extend(found.items.into_iter().filter(|d| d.field.is_empty()));
}

fn check_presence(
    src: &Source,
    kind_of: DispatchKind,
    has: impl Fn(&str) -> bool,
    diags: &mut Diagnostics,
) {
    let (vi, en) = kind_name(kind_of);
    let kind = kind_of.as_str();
    for field in FIELDS {
        let has = has(field);
        match rule(kind_of, field) {
            Required if !has => {
                let ex = example(kind_of, field);
                let mut hint = tr!(
                    "thêm dòng `{field}:` vào đây, ví dụ `{ex}` (xem docs/content-format.md)",
                    "add `{field}:` here, e.g. `{ex}` (see docs/content-format.md)"
                );
                if field == "date" && !kind_of.is_dispatch() {
                    hint = hint.append(&tr!(
                        "; nếu nguồn không ghi ngày thì viết `date: unknown`",
                        "; when the source gives no date, write `date: unknown`"
                    ));
                }
                diags.push(
                    src.error(
                        "",
                        tr!(
                            "thiếu trường `{field}`: {vi} phải có trường này",
                            "missing field `{field}`: {en} must have it"
                        ),
                    )
                    .with_hint(hint),
                );
            }
            Refused if has => {
                let mut hint = tr!(
                    "xoá dòng `{field}:` (loại `{kind}`)",
                    "remove `{field}:` (kind `{kind}`)"
                );
                if let Some(other) = instead(kind_of, field) {
                    hint = hint.append(&tr!("; ", "; ")).append(&other);
                }
                diags.push(
                    src.error(
                        field,
                        tr!(
                            "{vi} không có trường `{field}`",
                            "{en} has no `{field}` field"
                        ),
                    )
                    .with_hint(hint),
                );
            }
            _ => {}
        }
    }
}

/// The rules within the fields a kind has.
fn check_specifics(src: &Source, d: &DispatchFile, diags: &mut Diagnostics) {
    let (vi, en) = kind_name(d.kind);
    if d.kind.is_dispatch() && d.date == Some(DocDate::Unknown) {
        diags.push(
            src.error("date", tr!("{vi} phải có ngày", "{en} has a date"))
                .with_hint(tr!(
                    "viết ngày in trên văn bản, ví dụ 2023-03-08; nếu bản công bố để trống ngày thì viết năm-tháng, ví dụ 2023-11",
                    "write the date printed on it, e.g. 2023-03-08; when the day is left blank, write year-month, e.g. 2023-11"
                )),
        );
    }
    if d.date == Some(DocDate::Unknown) && d.period.is_none() {
        diags.push(
            src.error(
                "date",
                tr!(
                    "nguồn không rõ ngày phải có kỳ số liệu",
                    "a source whose date is unknown needs its period"
                ),
            )
            .with_hint(tr!(
                "thêm `period:` (kỳ mà số liệu phản ánh): danh sách văn bản xếp nguồn không rõ ngày theo ngày cuối kỳ",
                "add `period:` (the period its figures cover): lists place a source with an unknown date at the end of that period"
            )),
        );
    }
    if let Some(i) = &d.issuer {
        if d.kind.is_dispatch() && i.header.is_empty() {
            diags.push(
                src.error("issuer", tr!("thiếu trường `header`", "missing field `header`"))
                    .with_hint(tr!(
                        "thêm dòng `header:` với các dòng tiêu đề góc trên bên trái, ví dụ `header: [UBND TỈNH HƯNG YÊN, VĂN PHÒNG]`",
                        "add `header:` with the header lines printed top left, e.g. `header: [UBND TỈNH HƯNG YÊN, VĂN PHÒNG]`"
                    )),
            );
        }
    }
    if d.number.is_some() && d.symbol.is_none() && d.kind == DispatchKind::Report {
        diags.push(
            src.error("number", tr!("số báo cáo thiếu ký hiệu", "the report's number has no symbol"))
                .with_hint(tr!(
                    "thêm `symbol:` với ký hiệu sau dấu `/`, ví dụ `Số: 125/BC-UBND` → `number: 125` và `symbol: BC-UBND`",
                    "add `symbol:` with the part after the slash, e.g. `Số: 125/BC-UBND` → `number: 125` and `symbol: BC-UBND`"
                )),
        );
    }
    if d.kind == DispatchKind::Report && d.title.is_none() && d.subject.is_none() {
        diags.push(
            src.error("", tr!("báo cáo thiếu tiêu đề", "the report has no title"))
                .with_hint(tr!(
                    "thêm `title:` với tên báo cáo như in, hoặc `subject:` khi báo cáo ghi \"V/v …\"",
                    "add `title:` with the report's title as printed, or `subject:` when it prints \"V/v …\""
                )),
        );
    }
    if let Some(u) = &d.url {
        if !(u.starts_with("https://") || u.starts_with("http://")) {
            diags.push(
                src.error(
                    "url",
                    tr!(
                        "`{u}` không phải địa chỉ trang web",
                        "`{u}` is not a web address"
                    ),
                )
                .with_hint(tr!(
                    "chép nguyên địa chỉ từ thanh địa chỉ của trình duyệt, bắt đầu bằng https://",
                    "copy the whole address from the browser's address bar, starting with https://"
                )),
            );
        }
    }
    if d.body.trim().is_empty() && d.kind != DispatchKind::PortalCapture {
        diags.push(
            src.error("", tr!("thiếu trường `body`", "missing field `body`"))
                .with_hint(tr!(
                    "thêm `body: |` và chép toàn văn bên dưới (xem docs/content-format.md)",
                    "add `body: |` with the full text below it (see docs/content-format.md)"
                )),
        );
    }
}
