//! `index.html`: the latest month at a glance.

use super::views::*;
use super::{PageContext, Pages};
use crate::model::Period;
use crate::model::Status;
use crate::model::{FigureSource, Model, TOTAL};
use crate::site::paths;
use serde::Serialize;

#[derive(Serialize)]
struct Home {
    /// The province's latest results in a dispatch's text.
    latest: Option<ResultsView>,
    /// The latest period with per-unit figures that have a target.
    below_target_period: Option<Period>,
    below_target: Vec<FigureRow>,
    newest: Vec<DispatchRef>,
    province: UnitRef,
    /// The province's total over time; its CSV is on the indicator page.
    total_chart: Option<super::chart_data::ChartView>,
}

/// The province's total score over time, for the page written to `file`,
/// linking to its CSV on the total's indicator page.
pub fn total_chart(model: &Model, file: &str) -> Option<super::chart_data::ChartView> {
    let p = &model.site.province;
    let csv = paths::link(file, &paths::indicator_chart_csv(TOTAL, p));
    super::chart_data::history(model, p, TOTAL, "bieu-do-tong-diem", &csv)
}

/// The province's newest results, by period.
pub fn latest_results(model: &Model) -> Option<ResultsView> {
    model
        .dispatches
        .iter()
        .filter(|d| {
            d.file
                .results
                .as_ref()
                .is_some_and(|r| r.unit == model.site.province)
        })
        .max_by_key(|d| (d.file.period.map(|p| p.sort_key()), d.file.date))
        .and_then(|d| results_view(model, d))
}

pub fn render(r: &PageContext) -> Pages {
    let model = r.model;
    let latest = latest_results(model);
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
                .map(|f| figure_row(model, f))
                .collect()
        })
        .unwrap_or_default();
    let mut newest: Vec<DispatchRef> = model.dispatches.iter().map(|d| dispatch_ref(d)).collect();
    newest.sort_by(|a, b| (b.date, &b.slug).cmp(&(a.date, &a.slug)));
    newest.truncate(5);
    let home = Home {
        latest,
        below_target_period,
        below_target,
        newest,
        province: unit_ref(model, &model.site.province),
        total_chart: total_chart(model, paths::HOME),
    };
    let title = model.site.title.clone();
    let charts = usize::from(home.total_chart.is_some());
    let page = r.page(paths::HOME, "index.html", "home", &title, &home)?;
    Ok(vec![page.with_charts(charts)])
}
