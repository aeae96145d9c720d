//! How a document is named wherever it is cited, by kind: a dispatch by
//! its number ("Công văn số 68/VPUB-PVHCC&KSTT"), an article by its outlet
//! and date, a capture of the national portal by the minute it was taken.
//! An article is never "Công văn số /".

use crate::model::dispatch::Citation;
use crate::model::{DispatchKind, DocDate, NATIONAL_PORTAL};
use crate::vi;

/// When it was issued, published or captured, as lists print it:
/// `08/03/2023`, `tháng 11/2023` (a blank day), `không rõ ngày`,
/// `14:35 ngày 20/11/2025`.
pub fn date_text(c: &Citation) -> String {
    match (c.captured_at, c.date) {
        (Some(m), _) => vi::format_moment(&m),
        (None, Some(d)) => vi::format_short_doc_date(&d),
        (None, None) => vi::UNKNOWN_DATE.into(),
    }
}

/// What a link to it reads: "Công văn số 68/VPUB-PVHCC&KSTT", "Công văn
/// (không ghi số), tháng 12/2023", "Bài trên Báo Hưng Yên, 15/01/2025",
/// "Ảnh chụp số liệu Cổng Dịch vụ công quốc gia lúc 14:35 ngày 20/11/2025".
pub fn title(c: &Citation) -> String {
    let number = c.number_text();
    let date = date_text(c);
    match c.kind {
        DispatchKind::MonthlyResults | DispatchKind::Directive => {
            let kind = if c.kind == DispatchKind::Directive {
                "Văn bản"
            } else {
                "Công văn"
            };
            match c.number {
                Some(_) => format!("{kind} số {number}"),
                None => format!("{kind} (không ghi số), {date}"),
            }
        }
        DispatchKind::Report => match (c.number, c.date) {
            (Some(_), _) => format!("Báo cáo số {number}"),
            (None, Some(DocDate::Unknown)) => format!("Báo cáo của {} (không rõ ngày)", c.issuer),
            (None, _) => format!("Báo cáo của {}, {date}", c.issuer),
        },
        DispatchKind::NewsArticle => match c.date {
            Some(DocDate::Known(_)) => format!("Bài trên {}, {date}", c.issuer),
            _ => format!("Bài trên {} (không rõ ngày)", c.issuer),
        },
        DispatchKind::PortalCapture => {
            format!("Ảnh chụp số liệu {NATIONAL_PORTAL} lúc {date}")
        }
    }
}

/// The line under the title in lists: "V/v …" for a dispatch's subject,
/// an article's or a report's own title.
pub fn summary(c: &Citation) -> String {
    match (c.subject, c.title) {
        (Some(s), _) => format!("V/v {s}"),
        (None, Some(t)) => t.to_string(),
        (None, None) => String::new(),
    }
}

/// What it is, in a word, for the page heading: "Công văn công bố kết
/// quả", "Báo cáo", "Bài báo".
pub fn kind_label(kind: DispatchKind) -> &'static str {
    match kind {
        DispatchKind::MonthlyResults => "Công văn công bố kết quả",
        DispatchKind::Directive => "Văn bản chỉ đạo",
        DispatchKind::Report => "Báo cáo",
        DispatchKind::NewsArticle => "Bài báo",
        DispatchKind::PortalCapture => "Ảnh chụp số liệu",
    }
}
