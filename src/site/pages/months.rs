//! `thang/` and `thang/<period>/`: one page per period covered by any dispatch.

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

/// Rows of appendices a month page shows in full; beyond, it links to the
/// dispatches, so that no page grows past about a megabyte.
pub const MAX_APPENDIX_ROWS: usize = 600;

#[derive(Serialize)]
struct AppendixLink {
    dispatch: DispatchRef,
    anchor: String,
    number: String,
    title: String,
    rows: usize,
}

#[derive(Serialize)]
struct MonthPage {
    period: Period,
    label: String,
    dispatches: Vec<DispatchRef>,
    results: Vec<ResultsView>,
    appendices: Vec<AppendixView>,
    /// When the period's appendices are too long for one page (national
    /// scale), they stay on their dispatches' pages and are linked here.
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
        url: paths::month(&p),
        label: vi::format_period(&p),
        total: total.and_then(|f| match &f.value {
            crate::model::FigureValue::Value { value } => Some(*value),
            _ => None,
        }),
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
        .and_then(|p| super::home::total_chart(model, &paths::file_of(&paths::month(p))));
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
        appendices: Vec::new(),
        appendix_links: Vec::new(),
        notes: Vec::new(),
        mentions: Vec::new(),
        previous: i.checked_sub(1).map(|j| link(r, periods[j])),
        next: periods.get(i + 1).map(|q| link(r, *q)),
        total_chart: total_chart.clone(),
    };
    let rows: usize = dispatches
        .iter()
        .flat_map(|d| &d.file.appendices)
        .map(|a| a.rows.len())
        .sum();
    let inline = rows <= MAX_APPENDIX_ROWS;
    for d in &dispatches {
        for app in &d.file.appendices {
            if inline {
                page.appendices.push(appendix_view(model, d, app));
            } else {
                let view = appendix_view(model, d, app);
                page.appendix_links.push(AppendixLink {
                    dispatch: view.dispatch,
                    anchor: view.anchor,
                    number: view.number,
                    title: view.title,
                    rows: app.rows.len(),
                });
            }
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
        &paths::file_of(&paths::month(p)),
        "month.html",
        "months",
        &title,
        &page,
    )?;
    Ok(page.with_charts(charts))
}
