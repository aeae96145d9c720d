//! The shape of every content file, as editors write it. Strict: an unknown
//! field is an error. The format is documented in `docs/content-format.md`.

use super::dates::{Date, PartialDate, Period};
use super::numbers::{Cell, Count, Num, Rank};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `content/site.yaml`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SiteFile {
    /// Site title, shown in every page header.
    pub title: String,
    /// Who publishes the site, e.g. "Văn phòng UBND tỉnh Hưng Yên".
    pub publisher: String,
    /// The unit whose results the home page leads with (the province).
    pub province: String,
    /// BCP 47 language tag of the pages: `vi`.
    #[serde(default = "default_language")]
    pub language: String,
    /// Scheme and host of the portal, for absolute URLs in the sitemap and
    /// the feed: `https://hungyen.gov.vn`.
    pub site_url: String,
    /// Sub-path the site is hosted under: `/` or `/cong-khai/`.
    #[serde(default = "default_base_path")]
    pub base_path: String,
    /// Theme folder under `themes/`; `default` is built in.
    #[serde(default = "default_theme")]
    pub theme: String,
    /// Optional short description for the home page and the feed.
    #[serde(default)]
    pub description: Option<String>,
}

fn default_language() -> String {
    "vi".into()
}
fn default_base_path() -> String {
    "/".into()
}
fn default_theme() -> String {
    "default".into()
}

/// `content/units.yaml`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct UnitsFile {
    pub units: Vec<UnitEntry>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    Province,
    Department,
    Board,
    District,
    Town,
    City,
    Commune,
    Ward,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct UnitEntry {
    /// Stable ASCII slug, `[a-z0-9-]+`; also the page URL.
    pub id: String,
    /// Official name: "Sở Tư pháp", "UBND huyện Văn Giang".
    pub name: String,
    /// Shorter name for tables and charts: "Văn Giang".
    #[serde(default)]
    pub short_name: Option<String>,
    pub kind: UnitKind,
    #[serde(default)]
    pub parent: Option<String>,
    /// Other names documents print for it (wrapped, misspelt, older).
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub valid_from: Option<Date>,
    #[serde(default)]
    pub valid_to: Option<Date>,
    /// Units that took it over when it was renamed or merged.
    #[serde(default)]
    pub successors: Vec<String>,
    /// Why it ended: "Hợp nhất vào Sở Tài chính từ 01/3/2025".
    #[serde(default)]
    pub change_note: Option<String>,
    /// Codes in other systems, e.g. `dvcqg: H31` on the national portal.
    #[serde(default)]
    pub codes: BTreeMap<String, String>,
    /// Ids this unit had before (a renamed id): their pages still resolve
    /// and lead on to this unit.
    #[serde(default)]
    pub former_ids: Vec<String>,
}

/// `content/indicators.yaml`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorsFile {
    pub indicators: Vec<IndicatorEntry>,
    pub schemes: Vec<SchemeEntry>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Index points out of a maximum set by the scheme.
    Points,
    /// A rate from 0 to 100.
    Percent,
    /// A whole count.
    Count,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    HigherIsBetter,
    LowerIsBetter,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorEntry {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub short_name: Option<String>,
    pub measure: Measure,
    #[serde(default = "default_direction")]
    pub direction: Direction,
    /// What it measures, in plain Vietnamese.
    #[serde(default)]
    pub description: Option<String>,
    /// Unit word for counts: "bản", "hồ sơ".
    #[serde(default)]
    pub count_unit: Option<String>,
    /// Default target; a target printed in an appendix header overrides it.
    #[serde(default)]
    pub target: Option<Target>,
}

fn default_direction() -> Direction {
    Direction::HigherIsBetter
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// Minimum value to meet (at least), in the indicator's measure.
    pub at_least: Num,
    /// Who set it: "UBND tỉnh", "Chính phủ".
    #[serde(default)]
    pub set_by: Option<String>,
    /// The target as worded: "tối thiểu 30% trong tổng số hồ sơ có yêu cầu nghĩa vụ tài chính".
    #[serde(default)]
    pub wording: Option<String>,
}

/// A set of index groups and their maxima, in force for a span of periods.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SchemeEntry {
    pub id: String,
    pub name: String,
    pub valid_from: Date,
    #[serde(default)]
    pub valid_to: Option<Date>,
    /// Legal basis, e.g. "Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ".
    pub legal_basis: String,
    #[serde(default)]
    pub note: Option<String>,
    pub total_max: Num,
    pub groups: Vec<SchemeGroup>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SchemeGroup {
    /// An indicator measured in points.
    pub indicator: String,
    pub max: Num,
    /// Components scored separately inside this group.
    #[serde(default)]
    pub parts: Vec<SchemePart>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SchemePart {
    pub indicator: String,
    pub max: Num,
}

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
    #[serde(default)]
    pub groups: Vec<GroupResult>,
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
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    pub indicator: String,
    /// The column heading as printed.
    pub heading: String,
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
    /// The row number as printed: "I", "1", "17".
    pub no: String,
    pub unit: String,
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
