//! Every check on the content that serde cannot make, run before anything
//! is rendered. Each problem becomes a diagnostic with file, line, field and
//! a hint; all of them are collected in one run.
//!
//! - [`catalog`]: `units.yaml`, `indicators.yaml` and `site.yaml`, and the
//!   [`Catalog`] dispatches are checked against;
//! - [`dispatch`]: one dispatch file, with [`results`] (the scores in the
//!   text) and [`appendix`] (the tables); each check yields the figures.

mod appendix;
mod body;
mod catalog;
mod dispatch;
mod kinds;
mod results;
mod row_figures;

pub(super) use catalog::Catalog;
pub(super) use dispatch::DispatchChecker;
pub(super) use kinds::check_unparsed;

use super::source::Source;
use crate::diagnostics::Diagnostics;
use crate::model::Date;
use crate::model::{IndicatorEntry, Measure, Num};
use crate::tr;

/// Range checks by measure: points within 0..=max, percent within 0..=100,
/// counts whole and not negative. `field` writes the value's path, only
/// for a report (this runs for every cell of every appendix).
pub(super) fn check_measure_value(
    ind: &IndicatorEntry,
    v: &Num,
    max: Option<&Num>,
    src: &Source,
    field: &dyn Fn() -> String,
    diags: &mut Diagnostics,
) {
    let x = v.value;
    match ind.measure {
        Measure::Percent if !(0.0..=100.0).contains(&x) => diags.push(
            src.error(
                &field(),
                tr!(
                    "{v} không phải tỷ lệ phần trăm: {} là tỷ lệ từ 0 đến 100",
                    "{v} is not a percent: {} is a rate from 0 to 100",
                    ind.name
                ),
            )
            .with_hint(tr!(
                "viết tỷ lệ như văn bản in, không có dấu %, ví dụ 44,6",
                "write the rate as printed, without the % sign, e.g. 44,6"
            )),
        ),
        Measure::Count if x < 0.0 => diags.push(
            src.error(
                &field(),
                tr!(
                    "{}: {} nhỏ hơn 0",
                    "{}: {} is below 0",
                    ind.name,
                    v.as_written()
                ),
            )
            .with_hint(tr!("số đếm từ 0 trở lên", "a count is 0 or more")),
        ),
        Measure::Count if v.comma => diags.push(
            src.error(
                &field(),
                tr!(
                    "{} là số đếm nguyên, không phải `{v}`",
                    "{} is a whole count, not `{v}`",
                    ind.name
                ),
            )
            .with_hint(tr!(
                "đối chiếu cột với văn bản: số đếm không có dấu phẩy thập phân, ví dụ 1038",
                "check the column against the document: a count has no decimal comma, e.g. 1038"
            )),
        ),
        Measure::Count if v.decimals > 0 || x.fract() != 0.0 => {
            let (what, how) = crate::model::numbers::not_whole(x);
            diags.push(
                src.error(
                    &field(),
                    tr!("{} là số đếm nguyên: ", "{} is a whole count: ", ind.name).append(&what),
                )
                .with_hint(how),
            )
        }
        Measure::Points => {
            if x < 0.0 {
                diags.push(
                    src.error(&field(), tr!("{v} nhỏ hơn 0 điểm", "{v} is below 0 points"))
                        .with_hint(tr!("điểm từ 0 trở lên", "scores are 0 or more")),
                );
            }
            if let Some(m) = max {
                if x > m.value + 1e-9 {
                    diags.push(
                        src.error(
                            &field(),
                            tr!(
                                "{v} lớn hơn điểm tối đa {m} của {}",
                                "{v} is above the maximum of {m} points for {}",
                                ind.name
                            ),
                        )
                        .with_hint(tr!(
                            "điểm nằm trong khoảng 0 đến {m}; đối chiếu số liệu với văn bản",
                            "a score is between 0 and {m}; check the figure against the dispatch"
                        )),
                    );
                }
            }
        }
        _ => {}
    }
}

pub(super) fn check_percent(v: &Num, src: &Source, field: &str, diags: &mut Diagnostics) {
    if !(0.0..=100.0).contains(&v.value) {
        diags.push(
            src.error(
                field,
                tr!(
                    "{v} không phải tỷ lệ phần trăm (từ 0 đến 100)",
                    "{v} is not a percent (0 to 100)"
                ),
            )
            .with_hint(tr!(
                "viết tỷ lệ như văn bản in, không có dấu %, ví dụ 96,57",
                "write the rate as printed, without the % sign, e.g. 96,57"
            )),
        );
    }
}

/// When something is in force, as the catalog files write it, for the
/// English messages: `2025-03-01 – …`, `… – 2025-02-28` (the Vietnamese
/// ones say it in words: [`crate::vi::format_validity`]).
pub(super) fn validity_en(from: Option<Date>, to: Option<Date>) -> String {
    let day = |d: Option<Date>| d.map_or("…".into(), |d| d.to_string());
    format!("{} – {}", day(from), day(to))
}

/// Half a unit of the last printed decimal: the rounding a printed figure may carry.
pub(crate) fn half_unit(v: &Num) -> f64 {
    0.5 * 10f64.powi(-(v.decimals as i32))
}

/// Today in Vietnam (UTC+7): no document can be dated after it.
/// `CONGKHAI_TODAY=YYYY-MM-DD` stands in for it, for content that is dated
/// ahead on purpose (the synthetic content of the benchmark).
pub fn today() -> Date {
    if let Some(d) = std::env::var("CONGKHAI_TODAY")
        .ok()
        .and_then(|t| Date::parse(&t).ok())
    {
        return d;
    }
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
        + 7 * 3600;
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    chrono::NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_signed(chrono::TimeDelta::days(days)))
        .map_or(Date(chrono::NaiveDate::MAX), Date)
}
