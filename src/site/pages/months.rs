//! `thang/` and a page per period covered by any dispatch: `thang/<month>/`,
//! or under the section of its kind (`quy/`, `nua-nam/`, `nam/`, `tuan/`, `ky/`).

use super::views::*;
use super::{Page, PageContext, Pages};
use crate::model::{Note, Period, TOTAL};
use crate::site::{paths, SiteError};
use crate::vi;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize)]
struct MonthLink {
    period: Period,
    /// The period's page.
    url: String,
    label: String,
    /// The province's total, when a dispatch gives it.
    total: Option<crate::model::Num>,
    rank: Option<crate::model::Rank>,
    dispatches: usize,
}

#[derive(Serialize)]
struct YearGroup {
    year: i32,
    months: Vec<MonthLink>,
}

#[derive(Serialize)]
struct NoteView {
    note: Note,
    indicator: Option<IndicatorRef>,
    dispatch: DispatchRef,
}

#[derive(Serialize)]
struct MentionView {
    unit: UnitRef,
    printed_name: Option<String>,
    note: String,
    dispatch: DispatchRef,
}

/// Units that missed their target a month page names one by one, per
/// appendix; beyond, it gives their number and the link to the appendix.
pub const MAX_MISSES_NAMED: usize = 30;

/// One appendix of the period, published once, on its dispatch's page:
/// the month page links to it with what it holds at a glance.
#[derive(Serialize)]
struct AppendixLink {
    dispatch: DispatchRef,
    anchor: String,
    number: String,
    title: String,
    rows: usize,
    /// Rows whose status is "not met".
    missed: usize,
    /// The units that missed, when they are few enough to name.
    misses: Vec<UnitRef>,
    /// "Trích 13 trên khoảng 150 đơn vị" when the table is an extract.
    partial: Option<String>,
}

#[derive(Serialize)]
struct MonthPage {
    period: Period,
    label: String,
    dispatches: Vec<DispatchRef>,
    results: Vec<ResultsView>,
    /// The period's appendices, each on its dispatch's page.
    appendix_links: Vec<AppendixLink>,
    notes: Vec<NoteView>,
    mentions: Vec<MentionView>,
    previous: Option<MonthLink>,
    next: Option<MonthLink>,
    total_chart: Option<super::chart_data::ChartView>,
}

fn link(r: &PageContext, p: Period) -> MonthLink {
    let total = r
        .model
        .figures_of_period(&p)
        .into_iter()
        .find(|f| *f.unit == *r.model.site.province && &*f.indicator == TOTAL);
    MonthLink {
        period: p,
        url: paths::period(&p),
        label: vi::format_period(&p),
        total: total.and_then(|f| f.value.num()),
        rank: total.and_then(|f| f.rank),
        dispatches: r.model.dispatches_of_period(&p).len(),
    }
}

pub fn render(r: &PageContext) -> Pages {
    let model = r.model;
    let periods = model.periods();
    let mut years: BTreeMap<i32, Vec<MonthLink>> = BTreeMap::new();
    for p in periods.iter().rev() {
        years.entry(p.end().year()).or_default().push(link(r, *p));
    }
    let groups: Vec<YearGroup> = years
        .into_iter()
        .rev()
        .map(|(year, months)| YearGroup { year, months })
        .collect();
    let pages = vec![r.page(
        &paths::file_of(paths::MONTHS),
        "months.html",
        "months",
        "Kết quả theo tháng",
        &groups,
    )?];
    // One chart for every month page: they are all as deep in the site.
    let total_chart = periods
        .first()
        .and_then(|p| super::home::total_chart(model, &paths::file_of(&paths::period(p))));
    periods.par_iter().enumerate().try_for_each(|(i, p)| {
        if !r.affected.period(p) {
            return Ok(());
        }
        r.writer.put(month_page(r, &periods, i, p, &total_chart)?)
    })?;
    Ok(pages)
}

fn month_page(
    r: &PageContext,
    periods: &[Period],
    i: usize,
    p: &Period,
    total_chart: &Option<super::chart_data::ChartView>,
) -> Result<Page, SiteError> {
    let model = r.model;
    let dispatches = model.dispatches_of_period(p);
    let mut page = MonthPage {
        period: *p,
        label: vi::format_period(p),
        dispatches: dispatches.iter().map(|d| dispatch_ref(d)).collect(),
        results: dispatches
            .iter()
            .filter_map(|d| results_view(model, d))
            .collect(),
        appendix_links: Vec::new(),
        notes: Vec::new(),
        mentions: Vec::new(),
        // A month leads to the months beside it, a quarter to the quarters:
        // a reader following "previous" compares like with like.
        previous: periods[..i]
            .iter()
            .rev()
            .find(|q| p.same_kind(q))
            .map(|q| link(r, *q)),
        next: periods[i + 1..]
            .iter()
            .find(|q| p.same_kind(q))
            .map(|q| link(r, *q)),
        total_chart: total_chart.clone(),
    };
    for d in &dispatches {
        for app in &d.file.appendices {
            let missed: Vec<&crate::model::dispatch::Row> = app
                .rows
                .iter()
                .filter(|row| row.status == Some(crate::model::Status::NotMet))
                .collect();
            page.appendix_links.push(AppendixLink {
                dispatch: dispatch_ref(d),
                anchor: appendix_anchor(d, app),
                number: app.number.clone(),
                title: app.title.clone(),
                rows: app.unit_rows().count(),
                missed: missed.len(),
                misses: if missed.len() <= MAX_MISSES_NAMED {
                    missed
                        .iter()
                        .filter_map(|row| row.unit.as_deref())
                        .map(|u| unit_ref(model, u))
                        .collect()
                } else {
                    Vec::new()
                },
                partial: super::views::partial_text(model, app),
            });
        }
        for n in &d.file.notes {
            page.notes.push(NoteView {
                note: n.clone(),
                indicator: n.indicator.as_deref().map(|i| indicator_ref(model, i)),
                dispatch: dispatch_ref(d),
            });
        }
        for m in &d.file.mentions {
            page.mentions.push(MentionView {
                unit: unit_ref(model, &m.unit),
                printed_name: m.printed_name.clone(),
                note: m.note.clone(),
                dispatch: dispatch_ref(d),
            });
        }
    }
    let title = format!("Kết quả {}", page.label);
    let charts = usize::from(page.total_chart.is_some());
    let page = r.page(
        &paths::file_of(&paths::period(p)),
        "month.html",
        "months",
        &title,
        &page,
    )?;
    Ok(page.with_charts(charts))
}
