//! A dispatch as editors write it (`content/dispatches/<year>/<slug>.yaml`),
//! with its results, appendix tables and text. Strict: an unknown field is
//! an error. The format is documented in `docs/content-format.md`.

use super::catalog::Target;
use super::dates::{Date, PartialDate, Period};
use super::moments::{DocDate, Moment};
use super::numbers::{Cell, Count, Num, Rank};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// One document: `content/dispatches/<year>/<slug>.yaml`. A dispatch
/// (công văn) has every header field; the other kinds of source (a
/// report, a news article, a capture of the national portal) leave out
/// what they do not have, and the checks refuse what they cannot have
/// (`content::checks::dispatch`).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DispatchFile {
    pub kind: DispatchKind,
    /// The number, when the copy has one (`68`); leave out when blank.
    #[serde(default)]
    pub number: Option<Count>,
    /// The symbol after the slash: `VPUB-PVHCC&KSTT`.
    #[serde(default)]
    pub symbol: Option<String>,
    #[serde(default)]
    pub issuer: Option<Issuer>,
    #[serde(default)]
    pub place: Option<String>,
    /// Date of issue or publication; `2023-11` when the day is left
    /// blank, `unknown` when the source gives none.
    #[serde(default)]
    pub date: Option<DocDate>,
    /// "V/v …", without the "V/v".
    #[serde(default)]
    pub subject: Option<String>,
    /// The title of an article, a report or a captured page.
    #[serde(default)]
    pub title: Option<String>,
    /// Who published an article: "Báo Hưng Yên".
    #[serde(default)]
    pub outlet: Option<String>,
    /// The address of the published copy.
    #[serde(default)]
    pub url: Option<String>,
    /// An article's author, as printed.
    #[serde(default)]
    pub byline: Option<String>,
    /// When a portal page was captured: `2025-11-20 14:35`.
    #[serde(default)]
    pub captured_at: Option<Moment>,
    /// Period covered by the figures; required for results.
    #[serde(default)]
    pub period: Option<Period>,
    /// "Số liệu ngày 28/02/2023".
    #[serde(default)]
    pub data_as_of: Option<Date>,
    /// "Kính gửi" lines.
    #[serde(default)]
    pub recipients: Vec<String>,
    /// Legal and administrative references ("Căn cứ …").
    #[serde(default)]
    pub legal_basis: Vec<String>,
    #[serde(default)]
    pub signature: Option<Signature>,
    /// "Nơi nhận" lines.
    #[serde(default)]
    pub distribution: Vec<String>,
    #[serde(default)]
    pub results: Option<Results>,
    #[serde(default)]
    pub appendices: Vec<Appendix>,
    /// Units the dispatch names without figures.
    #[serde(default)]
    pub mentions: Vec<Mention>,
    #[serde(default)]
    pub notes: Vec<Note>,
    /// The editor's own notes (a source error, a title that contradicts
    /// the body): never part of the document's text, shown apart from it.
    #[serde(default)]
    pub editor_notes: Vec<Note>,
    /// The full text of the document as Markdown, as printed.
    #[serde(default)]
    pub body: String,
}

impl DispatchFile {
    /// The day it was issued, published or captured, when known.
    pub fn issued(&self) -> Option<PartialDate> {
        match (self.date, self.captured_at) {
            (Some(DocDate::Known(d)), _) => Some(d),
            (_, Some(m)) => Some(PartialDate {
                year: m.date.year(),
                month: m.date.month(),
                day: Some(m.date.day()),
            }),
            _ => None,
        }
    }

    /// Where lists place it: the day it was issued (the first of the
    /// month when the day is blank), else the end of the period it
    /// reports (a document whose date is unknown must have one).
    pub fn listed_on(&self) -> Date {
        match (self.issued(), self.period) {
            (Some(d), _) => d.earliest(),
            (None, Some(p)) => p.end(),
            (None, None) => Date(chrono::NaiveDate::MIN),
        }
    }

    /// The unit it is issued on behalf of, for the kinds that have one.
    pub fn issuer_unit(&self) -> Option<&str> {
        self.issuer.as_ref().map(|i| i.unit.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DispatchKind {
    /// Công bố kết quả: the monthly (or other period's) results.
    MonthlyResults,
    /// Chỉ đạo: a directive; it carries no results.
    Directive,
    /// Báo cáo: may have a number, a symbol and an issuer; the published
    /// copy often has no signature.
    Report,
    /// An article of a newspaper or a portal: an outlet, a title, an
    /// address, a byline, a date that may be unknown.
    NewsArticle,
    /// The national portal's page as captured at a date and time.
    PortalCapture,
}

/// The national portal whose pages a capture records.
pub const NATIONAL_PORTAL: &str = "Cổng Dịch vụ công quốc gia";

impl DispatchKind {
    /// Every kind, in the order the docs list them.
    pub const ALL: [DispatchKind; 5] = [
        DispatchKind::MonthlyResults,
        DispatchKind::Directive,
        DispatchKind::Report,
        DispatchKind::NewsArticle,
        DispatchKind::PortalCapture,
    ];

    /// As written in the file: `monthly-results`.
    pub fn as_str(self) -> &'static str {
        match self {
            DispatchKind::MonthlyResults => "monthly-results",
            DispatchKind::Directive => "directive",
            DispatchKind::Report => "report",
            DispatchKind::NewsArticle => "news-article",
            DispatchKind::PortalCapture => "portal-capture",
        }
    }

    /// A dispatch in the administrative form (motto, number, signature).
    pub fn is_dispatch(self) -> bool {
        matches!(self, DispatchKind::MonthlyResults | DispatchKind::Directive)
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Issuer {
    /// The unit on whose behalf it is issued (a unit id).
    pub unit: String,
    /// The issuing body as named in the text: "Văn phòng UBND tỉnh".
    pub body: String,
    /// The header lines as printed, top left: ["UBND TỈNH HƯNG YÊN", "VĂN PHÒNG"].
    #[serde(default)]
    pub header: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// Lines above the name: ["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"].
    pub titles: Vec<String>,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Results {
    /// Whose results (a unit id, usually the province).
    pub unit: String,
    #[serde(default)]
    pub total: Option<Num>,
    #[serde(default)]
    pub rank: Option<Rank>,
    /// The grade as printed ("tốt", "xuất sắc"): never derived from the score.
    #[serde(default)]
    pub grade: Option<String>,
    /// The national average of the total, as printed.
    #[serde(default)]
    pub national_average: Option<Num>,
    /// The change against an earlier result, as printed.
    #[serde(default)]
    pub change: Option<Change>,
    #[serde(default)]
    pub groups: Vec<GroupResult>,
}

/// A change as a document prints it: "tăng 3,2 điểm, tăng 5 bậc so với
/// năm 2023". Checked against the earlier record when there is one.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// Points gained (negative when lost): `3,2`, `-1,5`.
    #[serde(default)]
    pub points: Option<Num>,
    /// Places gained in the ranking (negative when lost): `5`, `-8`.
    #[serde(default)]
    pub rank: Option<i64>,
    /// The period compared with; by default the previous period of the
    /// same kind that has a result.
    #[serde(default)]
    pub since: Option<Period>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GroupResult {
    /// An indicator of the scheme in force (a group or a part of one).
    pub indicator: String,
    pub score: Num,
    /// The maximum as printed; must agree with the scheme.
    #[serde(default)]
    pub max: Option<Num>,
    #[serde(default)]
    pub national_average: Option<Num>,
    #[serde(default)]
    pub rank: Option<Rank>,
    /// "đạt tỷ lệ 96,57%".
    #[serde(default)]
    pub rate: Option<Num>,
    #[serde(default)]
    pub details: Vec<Detail>,
}

/// A sub-indicator as printed: "82,92%", "171/171 đơn vị", "168 hồ sơ, đạt 0,43%".
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Detail {
    pub label: String,
    #[serde(default)]
    pub count: Option<Count>,
    /// Denominator of a count: 171 in "171/171".
    #[serde(default)]
    pub of: Option<Count>,
    /// Word after the count: "đơn vị", "hồ sơ".
    #[serde(default)]
    pub count_unit: Option<String>,
    #[serde(default)]
    pub percent: Option<Num>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Appendix {
    /// Roman numeral as printed: I, II, III.
    pub number: String,
    pub title: String,
    /// The line under the title: "(Kèm theo công văn số … của …)".
    #[serde(default)]
    pub subtitle: Option<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    #[serde(default)]
    pub footnotes: Vec<Footnote>,
    /// The table is an extract: "13 of about 150 units shown". Every
    /// ranking or summary drawn from it repeats this.
    #[serde(default)]
    pub partial: Option<Partial>,
}

/// An extract of a longer table: how many units the full table has.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Partial {
    /// The number of units of the full table, as the source gives it.
    pub of: Count,
    /// The number is approximate ("khoảng 150").
    #[serde(default)]
    pub about: bool,
    /// Why only some units are shown, as the editor or the source says it.
    #[serde(default)]
    pub note: Option<String>,
}

impl Appendix {
    /// The rows that are units (not "Bình quân", "Cả tỉnh" and the like).
    pub fn unit_rows(&self) -> impl Iterator<Item = (&Row, &str)> {
        self.rows
            .iter()
            .filter_map(|r| r.unit.as_deref().map(|u| (r, u)))
    }
}

/// What a column holds about its indicator: one figure of a row gathers
/// every column of one indicator.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Holds {
    /// The score, rate or count itself.
    #[default]
    Value,
    /// The maximum of the score for this row (a commune's may be smaller).
    Max,
    /// The score as a percentage of its maximum.
    Ratio,
    /// The rank among peers: `6/9`, or a position with `of:` on the column.
    Rank,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    pub indicator: String,
    /// The column heading as printed.
    pub heading: String,
    /// What the cells say about the indicator: its value by default.
    #[serde(default)]
    pub holds: Holds,
    /// For a rank column whose cells print only the position: the number
    /// ranked ("Xếp hạng (trên 104 xã)").
    #[serde(default)]
    pub of: Option<Count>,
    /// A target printed in the heading; overrides the indicator's default.
    #[serde(default)]
    pub target: Option<Target>,
    /// Marks of footnotes that apply to the column: ["1"].
    #[serde(default)]
    pub footnotes: Vec<String>,
    /// The rows' `status` is this column's published status.
    #[serde(default)]
    pub has_status: bool,
    /// Heading of the printed status column, when it has one
    /// ("Mục tiêu của UBND tỉnh tối thiểu 60% hồ sơ TTHC…").
    #[serde(default)]
    pub status_heading: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    /// The row number or code as printed: "I", "1", "17", "H31.05".
    pub no: String,
    /// The unit of the row; leave out for a row that is not a unit.
    #[serde(default)]
    pub unit: Option<String>,
    /// A row that is not a unit, as printed: "Bình quân các xã", "Cả tỉnh".
    /// Its figures are shown in the table only, not in any unit's history.
    #[serde(default)]
    pub label: Option<String>,
    /// The unit's name as this document prints it, when it differs from the official name.
    #[serde(default)]
    pub printed_name: Option<String>,
    /// One cell per column, in order.
    pub values: Vec<Cell>,
    /// Published status ("Hoàn thành" / "Chưa hoàn thành"), for the column with `has_status`.
    #[serde(default)]
    pub status: Option<Status>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum Status {
    #[serde(rename = "met", alias = "Hoàn thành")]
    Met,
    #[serde(rename = "not-met", alias = "Chưa hoàn thành")]
    NotMet,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Footnote {
    pub mark: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Mention {
    pub unit: String,
    /// The name as printed: "UBND xã Hưng Long".
    #[serde(default)]
    pub printed_name: Option<String>,
    /// Why it is named: "thanh toán trực tuyến đạt tỷ lệ thấp".
    pub note: String,
    #[serde(default)]
    pub indicator: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub text: String,
    /// The indicator it concerns, if any.
    #[serde(default)]
    pub indicator: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Dispatch {
    /// File stem: the dispatch's id and the last part of its page's address.
    pub slug: String,
    /// Path relative to the content folder, for "source" links and errors.
    pub source: PathBuf,
    #[serde(flatten)]
    pub file: DispatchFile,
}

impl Dispatch {
    /// "68/VPUB-PVHCC&KSTT", "/VP" when the number is blank, "" for a
    /// source without a symbol.
    pub fn number_text(&self) -> String {
        self.citation().number_text()
    }

    /// What is shown wherever the document is cited (lists, the source of
    /// each figure): pages that cite it change when this does.
    pub fn citation(&self) -> Citation<'_> {
        let f = &self.file;
        Citation {
            slug: &self.slug,
            kind: f.kind,
            number: f.number,
            symbol: f.symbol.as_deref(),
            date: f.date,
            captured_at: f.captured_at,
            listed_on: f.listed_on(),
            subject: f.subject.as_deref(),
            title: f.title.as_deref(),
            issuer: self.publisher(),
            period: f.period,
            data_as_of: f.data_as_of,
        }
    }

    /// Who published it: the issuing body, an article's outlet, the
    /// national portal for a capture.
    pub fn publisher(&self) -> &str {
        let f = &self.file;
        match (f.kind, &f.issuer, &f.outlet) {
            (DispatchKind::PortalCapture, _, _) => NATIONAL_PORTAL,
            (_, Some(i), _) => &i.body,
            (_, None, Some(o)) => o,
            (_, None, None) => "",
        }
    }
}

/// The parts of a document every page that cites it shows; see
/// [`Dispatch::citation`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Citation<'a> {
    pub slug: &'a str,
    pub kind: DispatchKind,
    pub number: Option<Count>,
    pub symbol: Option<&'a str>,
    pub date: Option<DocDate>,
    pub captured_at: Option<Moment>,
    /// Where lists place it ([`DispatchFile::listed_on`]).
    pub listed_on: Date,
    pub subject: Option<&'a str>,
    pub title: Option<&'a str>,
    /// The issuing body, the outlet, or the portal.
    pub issuer: &'a str,
    pub period: Option<Period>,
    pub data_as_of: Option<Date>,
}

impl Citation<'_> {
    /// "68/VPUB-PVHCC&KSTT", "/VP" when the number is blank, "" when the
    /// source has no symbol (an article, a capture).
    pub fn number_text(&self) -> String {
        match (self.number, self.symbol) {
            (Some(n), Some(s)) => format!("{}/{s}", n.0),
            (None, Some(s)) => format!("/{s}"),
            (Some(n), None) => n.0.to_string(),
            (None, None) => String::new(),
        }
    }
}
