//! The catalog every figure is read against, as editors write it in
//! `site.yaml`, `units.yaml` and `indicators.yaml`. Strict: an unknown
//! field is an error. The format is documented in `docs/content-format.md`.

use super::dates::Date;
use super::dates::Period;
use super::numbers::Num;
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
    /// The licence of the open data: CC BY 4.0 unless set.
    #[serde(default = "default_license")]
    pub license: License,
}

/// The licence the open data are published under.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct License {
    /// SPDX identifier: `CC-BY-4.0`.
    pub id: String,
    /// Its name as shown: "Creative Commons Ghi công 4.0 Quốc tế".
    pub title: String,
    /// Where its text is: `https://creativecommons.org/licenses/by/4.0/deed.vi`.
    pub url: String,
}

fn default_license() -> License {
    License {
        id: "CC-BY-4.0".into(),
        title: "Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)".into(),
        url: "https://creativecommons.org/licenses/by/4.0/deed.vi".into(),
    }
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
    /// The whole country ("Cả nước"): its figures are the national averages.
    Country,
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
    /// None where the group is known but its maximum is not (the portal's
    /// scheme of early 2024): scores are then read against the total only.
    #[serde(default)]
    pub max: Option<Num>,
    /// Components scored separately inside this group.
    #[serde(default)]
    pub parts: Vec<SchemePart>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SchemePart {
    pub indicator: String,
    #[serde(default)]
    pub max: Option<Num>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Unit {
    #[serde(flatten)]
    pub entry: UnitEntry,
    /// Units whose `successors` name this one.
    pub predecessors: Vec<String>,
    /// Units whose `parent` is this one.
    pub children: Vec<String>,
}

/// Units compared with one another share a parent and a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Level {
    Country,
    Province,
    Department,
    District,
    Commune,
}

impl UnitKind {
    pub fn level(self) -> Level {
        match self {
            UnitKind::Country => Level::Country,
            UnitKind::Province => Level::Province,
            UnitKind::Department | UnitKind::Board => Level::Department,
            UnitKind::District | UnitKind::Town | UnitKind::City => Level::District,
            UnitKind::Commune | UnitKind::Ward => Level::Commune,
        }
    }
}

impl Unit {
    pub fn id(&self) -> &str {
        &self.entry.id
    }

    /// The units this one is compared with share this: its parent and level.
    pub fn peer_group(&self) -> (Option<&str>, Level) {
        (self.entry.parent.as_deref(), self.entry.kind.level())
    }
    pub fn display_name(&self) -> &str {
        self.entry.short_name.as_deref().unwrap_or(&self.entry.name)
    }
    /// Whether the unit existed at some time within `[from, to]`.
    pub fn valid_during(&self, from: Date, to: Date) -> bool {
        self.entry.valid_from.is_none_or(|f| f <= to)
            && self.entry.valid_to.is_none_or(|t| t >= from)
    }
}

/// The number of provinces ranked on `date`: 63 until the reorganisation of
/// 1/7/2025, 34 from then on.
pub fn provinces_ranked(date: Date) -> u32 {
    match Date::ymd(2025, 7, 1) {
        Some(reform) if date >= reform => 34,
        _ => 63,
    }
}

/// The scheme in force for `period` among `schemes`.
pub(crate) fn scheme_for<'a>(
    schemes: &'a [SchemeEntry],
    period: &Period,
) -> Option<&'a SchemeEntry> {
    schemes
        .iter()
        .find(|s| s.valid_from <= period.start() && s.valid_to.is_none_or(|t| t >= period.end()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_count_the_provinces_of_the_day() {
        assert_eq!(provinces_ranked(Date::ymd(2025, 6, 30).unwrap()), 63);
        assert_eq!(provinces_ranked(Date::ymd(2025, 7, 1).unwrap()), 34);
    }
}
