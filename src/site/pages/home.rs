//! `index.html`: the province's latest period at a glance, its total over
//! time, the units below target and the newest dispatches.

use super::views::*;
use super::{PageContext, Pages};
use crate::model::Period;
use crate::model::Status;
use crate::model::{FigureSource, Model, TOTAL};
use crate::site::paths;
use serde::Serialize;

#[derive(Serialize)]
struct Home {
    /// The province's latest period at a glance: the first thing on the page.
    scorecard: Option<super::scorecard::Scorecard>,
    /// The latest period with per-unit figures that have a target.
    below_target_period: Option<Period>,
    /// Units below target in that period, by indicator in indicator order.
    below_target: Vec<Misses>,
    newest: Vec<DispatchRef>,
    province: UnitRef,
    /// The province's total over time; its CSV is on the indicator page.
    total_chart: Option<super::chart_data::ChartView>,
    /// The province's rank among the provinces over time, 1 at the top.
    rank_chart: Option<super::chart_data::ChartView>,
    /// The latest league table of provinces, the province highlighted.
    league: Option<super::league::LeagueView>,
}

/// The units that missed one indicator's target.
#[derive(Serialize)]
struct Misses {
    indicator: IndicatorRef,
    /// "Tỷ lệ hồ sơ nộp trực tuyến, tháng 10/2023: 3 đơn vị chưa đạt".
    /// The units as an HTML table.
    table: String,
}

/// The province's total score over time, for the page written to `file`,
/// linking to its CSV on the total's indicator page.
pub fn total_chart(model: &Model, file: &str) -> Option<super::chart_data::ChartView> {
    let p = &model.site.province;
    let csv = paths::link(file, &paths::indicator_chart_csv(TOTAL, p));
    super::chart_data::history(model, p, TOTAL, "bieu-do-tong-diem", &csv)
}

/// The province's rank among the provinces over time, linking to the CSV
/// of its page's chart of the total.
pub fn rank_chart(model: &Model, file: &str) -> Option<super::chart_data::ChartView> {
    let p = &model.site.province;
    let csv = paths::link(file, &paths::unit_chart_csv(p, TOTAL));
    super::chart_data::rank_history(
        model,
        p,
        TOTAL,
        "hang-tong-diem",
        &csv,
        super::chart_data::DataTable::Own,
    )
}

pub fn render(r: &PageContext) -> Pages {
    let model = r.model;
    // Units below target: the latest period whose appendices carry targets.
    let below_target_period = model
        .figures
        .iter()
        .filter(|f| matches!(f.source, FigureSource::Appendix { .. }) && f.target.is_some())
        .map(|f| f.period)
        .max_by_key(|p| p.sort_key());
    let below_target = below_target_period
        .map(|p| {
            model
                .figures_of_period(&p)
                .into_iter()
                .filter(|f| f.target.is_some() && *f.unit != *model.site.province)
                .filter(|f| model.is_within(&f.unit, &model.site.province))
                .filter(|f| {
                    f.status
                        .map_or(f.meets_target() == Some(false), |s| s == Status::NotMet)
                })
                .map(|f| figure_row(model, &r.refs, f))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let below_target: Vec<Misses> = model
        .indicators
        .iter()
        .filter_map(|ind| {
            let rows: Vec<FigureRow> = below_target
                .iter()
                .filter(|r| r.indicator.id == ind.id)
                .cloned()
                .collect();
            let period = below_target_period.as_ref().map(crate::vi::format_period)?;
            (!rows.is_empty()).then(|| Misses {
                indicator: indicator_ref(model, &ind.id),
                // "Tỷ lệ hồ sơ nộp trực tuyến, tháng 10/2023: 3 đơn vị chưa đạt".
                table: super::tables::figure_table(
                    &rows,
                    &format!("{}, {period}: {} đơn vị chưa đạt", ind.name, rows.len()),
                    &format!("bang-chua-dat-{}", ind.id),
                    "",
                    true,
                ),
            })
        })
        .collect();
    let mut newest: Vec<DispatchRef> = model.dispatches.iter().map(|d| dispatch_ref(d)).collect();
    newest.sort_by(|a, b| (b.listed_on, b.date, &b.slug).cmp(&(a.listed_on, a.date, &a.slug)));
    newest.truncate(5);
    let province_figures = model.figures_of_unit(&model.site.province);
    let home = Home {
        scorecard: super::scorecard::scorecard(
            model,
            &model.site.province,
            &province_figures,
            None,
        ),
        below_target_period,
        below_target,
        newest,
        province: unit_ref(model, &model.site.province),
        total_chart: total_chart(model, paths::HOME),
        rank_chart: rank_chart(model, paths::HOME),
        league: super::league::league(model, paths::HOME),
    };
    let title = model.site.title.clone();
    let charts = usize::from(home.total_chart.is_some()) + usize::from(home.rank_chart.is_some());
    let page = r.page(paths::HOME, "index.html", "home", &title, &home)?;
    Ok(vec![page.with_charts(charts)])
}
