//! A dispatch as editors write it (`content/dispatches/<year>/<slug>.yaml`),
//! with its results, appendix tables and text. Strict: an unknown field is
//! an error. The format is documented in `docs/content-format.md`.

use super::catalog::Target;
use super::dates::{Date, PartialDate, Period};
use super::numbers::{Cell, Count, Num, Rank};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// One dispatch: `content/dispatches/<year>/<slug>.yaml`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DispatchFile {
    pub kind: DispatchKind,
    /// The number, when the copy has one (`68`); leave out when blank.
    #[serde(default)]
    pub number: Option<Count>,
    /// The symbol after the slash: `VPUB-PVHCC&KSTT`.
    pub symbol: String,
    pub issuer: Issuer,
    pub place: String,
    /// Date of issue; `2023-11` when the day is left blank.
    pub date: PartialDate,
    /// "V/v …", without the "V/v".
    pub subject: String,
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
    pub signature: Signature,
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
    /// The full text of the dispatch body as Markdown, as printed.
    pub body: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DispatchKind {
    /// Công bố kết quả: the monthly (or other period's) results.
    MonthlyResults,
    /// Chỉ đạo: a directive; it carries no results.
    Directive,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Issuer {
    /// The unit on whose behalf it is issued (a unit id).
    pub unit: String,
    /// The issuing body as named in the text: "Văn phòng UBND tỉnh".
    pub body: String,
    /// The header lines as printed, top left: ["UBND TỈNH HƯNG YÊN", "VĂN PHÒNG"].
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
    /// "68/VPUB-PVHCC&KSTT", or "/VP" when the number is blank.
    pub fn number_text(&self) -> String {
        self.citation().number_text()
    }

    /// What is shown wherever the dispatch is cited (lists, the source of
    /// each figure): pages that cite it change when this does.
    pub fn citation(&self) -> Citation<'_> {
        let f = &self.file;
        Citation {
            slug: &self.slug,
            kind: f.kind,
            number: f.number,
            symbol: &f.symbol,
            date: f.date,
            subject: &f.subject,
            issuer: &f.issuer.body,
            period: f.period,
            data_as_of: f.data_as_of,
        }
    }
}

/// The parts of a dispatch every page that cites it shows; see
/// [`Dispatch::citation`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Citation<'a> {
    pub slug: &'a str,
    pub kind: DispatchKind,
    pub number: Option<Count>,
    pub symbol: &'a str,
    pub date: PartialDate,
    pub subject: &'a str,
    pub issuer: &'a str,
    pub period: Option<Period>,
    pub data_as_of: Option<Date>,
}

impl Citation<'_> {
    /// "68/VPUB-PVHCC&KSTT", or "/VP" when the number is blank.
    pub fn number_text(&self) -> String {
        match self.number {
            Some(n) => format!("{}/{}", n.0, self.symbol),
            None => format!("/{}", self.symbol),
        }
    }
}
