//! `chi-so/` (the method: schemes of groups and maxima, and the indicators)
//! and `chi-so/<id>/`: what an indicator measures, its maximum or target,
//! the province's history and the latest ranking of units.

use super::chart_data::{self, ChartView};
use super::views::*;
use super::{Page, PageContext, Pages};
use crate::model::Period;
use crate::model::{Figure, FigureValue};
use crate::model::{IndicatorEntry, Measure};
use crate::model::{Num, TOTAL};
use crate::site::paths;
use rayon::prelude::*;
use serde::Serialize;
use std::cmp::Ordering;

#[derive(Serialize)]
struct SchemeView {
    id: String,
    name: String,
    valid_from: String,
    valid_to: Option<String>,
    legal_basis: String,
    note: Option<String>,
    total_max: Num,
    groups: Vec<SchemeGroupView>,
}

#[derive(Serialize)]
struct SchemeGroupView {
    indicator: IndicatorRef,
    max: Option<Num>,
    parts: Vec<(IndicatorRef, Option<Num>)>,
}

#[derive(Serialize)]
struct IndicatorItem {
    indicator: IndicatorRef,
    entry: IndicatorEntry,
    figures: usize,
}

#[derive(Serialize)]
struct MethodPage {
    schemes: Vec<SchemeView>,
    groups: Vec<IndicatorItem>,
    appendix: Vec<IndicatorItem>,
}

#[derive(Serialize)]
struct Maximum {
    scheme: String,
    valid_from: String,
    valid_to: Option<String>,
    /// None: the scheme names the group without its maximum.
    max: Option<Num>,
    part_of: Option<IndicatorRef>,
}

#[derive(Serialize)]
struct IndicatorPage {
    entry: IndicatorEntry,
    indicator: IndicatorRef,
    maxima: Vec<Maximum>,
    province: UnitRef,
    /// The province's figures, oldest first, as an HTML table (empty
    /// without figures).
    history_table: String,
    history_chart: Option<ChartView>,
    ranking_period: Option<Period>,
    /// The latest period's unit figures, best first; not applicable and
    /// not published at the end, as an HTML table.
    ranking_table: String,
    ranking_chart: Option<ChartView>,
}

fn scheme_views(r: &PageContext) -> Vec<SchemeView> {
    let model = r.model;
    model
        .schemes
        .iter()
        .map(|s| SchemeView {
            id: s.id.clone(),
            name: s.name.clone(),
            valid_from: s.valid_from.to_string(),
            valid_to: s.valid_to.map(|d| d.to_string()),
            legal_basis: s.legal_basis.clone(),
            note: s.note.clone(),
            total_max: s.total_max,
            groups: s
                .groups
                .iter()
                .map(|g| SchemeGroupView {
                    indicator: indicator_ref(model, &g.indicator),
                    max: g.max,
                    parts: g
                        .parts
                        .iter()
                        .map(|p| (indicator_ref(model, &p.indicator), p.max))
                        .collect(),
                })
                .collect(),
        })
        .collect()
}

/// Best first; not applicable, then not published, at the end; ties by name.
fn rank_order(a: &(&Figure, String), b: &(&Figure, String), higher_is_better: bool) -> Ordering {
    let key = |f: &Figure| match &f.value {
        FigureValue::Value { value } => (0, value.value),
        FigureValue::NotApplicable { .. } => (1, 0.0),
        FigureValue::NotPublished { .. } => (2, 0.0),
    };
    let (ka, va) = key(a.0);
    let (kb, vb) = key(b.0);
    ka.cmp(&kb)
        .then_with(|| {
            let o = vb.partial_cmp(&va).unwrap_or(Ordering::Equal);
            if higher_is_better {
                o
            } else {
                o.reverse()
            }
        })
        .then_with(|| a.1.cmp(&b.1))
}

pub fn render(r: &PageContext) -> Pages {
    let model = r.model;
    let item = |e: &IndicatorEntry| IndicatorItem {
        indicator: indicator_ref(model, &e.id),
        entry: e.clone(),
        figures: model.figures_of_indicator(&e.id).len(),
    };
    let method = MethodPage {
        schemes: scheme_views(r),
        groups: model
            .indicators
            .iter()
            .filter(|i| i.measure == Measure::Points)
            .map(item)
            .collect(),
        appendix: model
            .indicators
            .iter()
            .filter(|i| i.measure != Measure::Points)
            .map(item)
            .collect(),
    };
    let pages = vec![r.page(
        &paths::file_of(paths::INDICATORS),
        "indicators.html",
        "indicators",
        "Chỉ số và phương pháp",
        &method,
    )?];
    model
        .indicators
        .par_iter()
        .filter(|ind| r.affected.indicator(&ind.id))
        .try_for_each(|ind| r.writer.put_all(indicator_pages(r, ind)?))?;
    Ok(pages)
}

/// Maxima of the indicator in each scheme, as a group or a part of one.
fn maxima(r: &PageContext, ind: &IndicatorEntry) -> Vec<Maximum> {
    let model = r.model;
    let mut maxima = Vec::new();
    for s in &model.schemes {
        let mut push = |max, part_of| {
            maxima.push(Maximum {
                scheme: s.name.clone(),
                valid_from: s.valid_from.to_string(),
                valid_to: s.valid_to.map(|d| d.to_string()),
                max,
                part_of,
            })
        };
        if ind.id == TOTAL {
            push(Some(s.total_max), None);
        }
        for g in &s.groups {
            if g.indicator == ind.id {
                push(g.max, None);
            } else if let Some(p) = g.parts.iter().find(|p| p.indicator == ind.id) {
                push(p.max, Some(indicator_ref(model, &g.indicator)));
            }
        }
    }
    maxima
}

/// An indicator's page with the province's history and the latest
/// ranking of units, and their CSV files.
fn indicator_pages(r: &PageContext, ind: &IndicatorEntry) -> Pages {
    let model = r.model;
    let figures = model.figures_of_indicator(&ind.id);
    let province = &model.site.province;
    let file = paths::file_of(&paths::indicator(&ind.id));
    let mut pages = Vec::new();

    let province_figures: Vec<&Figure> = figures
        .iter()
        .copied()
        .filter(|f| *f.unit == **province)
        .collect();
    let root = paths::root_of(&file);
    let history: Vec<FigureRow> = province_figures
        .iter()
        .map(|f| figure_row(model, &r.refs, f))
        .collect();
    let province_name = model
        .unit(province)
        .map_or(province.as_str(), |u| u.entry.name.as_str());
    let history_table = if history.is_empty() {
        String::new()
    } else {
        super::tables::figure_table(
            &history,
            &format!("{} của {province_name} qua các kỳ", ind.name),
            "bang-lich-su",
            &root,
            false,
        )
    };
    let history_chart = chart_data::history(
        model,
        province,
        &ind.id,
        "bieu-do-lich-su",
        &paths::link(&file, &paths::indicator_chart_csv(&ind.id, province)),
    );
    if !province_figures.is_empty() {
        pages.push(Page::file(
            paths::indicator_chart_csv(&ind.id, province),
            super::open_data::csv_of(model, &province_figures, &super::open_data::HISTORY_COLUMNS),
        ));
    }

    // The province's own units: a national site ranks each province's units
    // on that province's pages, not four thousand units on one page.
    let ranked_unit = |f: &Figure| *f.unit != **province && model.is_within(&f.unit, province);
    let ranking_period = figures
        .iter()
        .filter(|f| ranked_unit(f))
        .map(|f| f.period)
        .max_by_key(|p| p.sort_key());
    let mut ranked: Vec<(&Figure, String)> = match ranking_period {
        Some(p) => figures
            .iter()
            .filter(|f| f.period == p && ranked_unit(f))
            .map(|f| {
                (
                    *f,
                    model
                        .unit(&f.unit)
                        .map_or(f.unit.to_string(), |u| u.entry.name.clone()),
                )
            })
            .collect(),
        None => Vec::new(),
    };
    // One figure per unit when several documents print one.
    let mut by_unit: std::collections::BTreeMap<&str, Vec<&Figure>> = Default::default();
    for (f, _) in &ranked {
        by_unit.entry(&f.unit).or_default().push(f);
    }
    ranked.retain(|(f, _)| {
        chart_data::preferred(model, by_unit[&*f.unit].iter().copied())
            .is_some_and(|p| std::ptr::eq(p, *f))
    });
    let higher = ind.direction == crate::model::Direction::HigherIsBetter;
    ranked.sort_by(|a, b| rank_order(a, b, higher));
    let ordered: Vec<&Figure> = ranked.into_iter().map(|(f, _)| f).collect();
    let ranking: Vec<FigureRow> = ordered
        .iter()
        .map(|f| figure_row(model, &r.refs, f))
        .collect();
    let ranking_table = match &ranking_period {
        Some(p) => super::tables::figure_table(
            &ranking,
            &match super::views::partial_among(model, ordered.iter().copied()) {
                Some(extract) => format!(
                    "{} theo đơn vị, {} ({})",
                    ind.name,
                    crate::vi::format_period(p),
                    extract
                ),
                None => format!("{} theo đơn vị, {}", ind.name, crate::vi::format_period(p)),
            },
            "bang-xep-hang",
            &root,
            true,
        ),
        None => String::new(),
    };
    let mut ranking_chart = None;
    if let Some(p) = ranking_period {
        ranking_chart = chart_data::ranking(
            model,
            &ind.id,
            &p,
            &ordered,
            "bieu-do-xep-hang",
            &paths::link(&file, &paths::ranking_csv(&ind.id)),
        );
        pages.push(Page::file(
            paths::ranking_csv(&ind.id),
            super::open_data::csv_of(model, &ordered, &super::open_data::RANKING_COLUMNS),
        ));
    }
    let page = IndicatorPage {
        entry: ind.clone(),
        indicator: indicator_ref(model, &ind.id),
        maxima: maxima(r, ind),
        province: unit_ref(model, province),
        history_table,
        history_chart,
        ranking_period,
        ranking_table,
        ranking_chart,
    };
    let charts =
        usize::from(page.history_chart.is_some()) + usize::from(page.ranking_chart.is_some());
    let indicator_page = r.page(&file, "indicator.html", "indicators", &ind.name, &page)?;
    pages.push(indicator_page.with_charts(charts));
    Ok(pages)
}
