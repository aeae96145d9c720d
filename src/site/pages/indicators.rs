//! `chi-so/` (the method: schemes of groups and maxima, and the indicators)
//! and `chi-so/<id>/`: what an indicator measures, its maximum or target,
//! the province's history and the latest ranking of units.

use super::charts::{self, ChartView};
use super::views::*;
use super::Renderer;
use crate::content::dates::Period;
use crate::content::numbers::Num;
use crate::content::schema::{IndicatorEntry, Measure};
use crate::model::FigureValue;
use crate::site::SiteError;
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
    max: Num,
    parts: Vec<(IndicatorRef, Num)>,
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
    max: Num,
    part_of: Option<IndicatorRef>,
}

#[derive(Serialize)]
struct IndicatorPage {
    entry: IndicatorEntry,
    indicator: IndicatorRef,
    maxima: Vec<Maximum>,
    province: UnitRef,
    /// The province's figures, oldest first.
    history: Vec<FigureRow>,
    history_chart: Option<ChartView>,
    ranking_period: Option<Period>,
    /// The latest period's unit figures, best first; not applicable and
    /// not published at the end.
    ranking: Vec<FigureRow>,
    ranking_chart: Option<ChartView>,
}

fn scheme_views(r: &Renderer) -> Vec<SchemeView> {
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

fn rank_order(a: &FigureRow, b: &FigureRow, higher_is_better: bool) -> Ordering {
    let key = |f: &FigureRow| match &f.value {
        FigureValue::Value { value } => (0, value.value),
        FigureValue::NotApplicable { .. } => (1, 0.0),
        FigureValue::NotPublished { .. } => (2, 0.0),
    };
    let (ka, va) = key(a);
    let (kb, vb) = key(b);
    ka.cmp(&kb)
        .then_with(|| {
            let o = vb.partial_cmp(&va).unwrap_or(Ordering::Equal);
            if higher_is_better {
                o
            } else {
                o.reverse()
            }
        })
        .then_with(|| a.unit.name.cmp(&b.unit.name))
}

pub fn render(r: &mut Renderer) -> Result<(), SiteError> {
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
    r.page(
        "chi-so/index.html",
        "indicators.html",
        "indicators",
        "Chỉ số và phương pháp",
        &method,
    )?;

    for ind in &model.indicators {
        let figures = model.figures_of_indicator(&ind.id);
        let mut maxima = Vec::new();
        for s in &model.schemes {
            for g in &s.groups {
                let found = if g.indicator == ind.id {
                    Some((g.max, None))
                } else {
                    g.parts
                        .iter()
                        .find(|p| p.indicator == ind.id)
                        .map(|p| (p.max, Some(indicator_ref(model, &g.indicator))))
                };
                if let Some((max, part_of)) = found {
                    maxima.push(Maximum {
                        scheme: s.name.clone(),
                        valid_from: s.valid_from.to_string(),
                        valid_to: s.valid_to.map(|d| d.to_string()),
                        max,
                        part_of,
                    });
                }
            }
            if ind.id == "tong-diem" {
                maxima.push(Maximum {
                    scheme: s.name.clone(),
                    valid_from: s.valid_from.to_string(),
                    valid_to: s.valid_to.map(|d| d.to_string()),
                    max: s.total_max,
                    part_of: None,
                });
            }
        }
        let province = &model.site.province;
        let history = figures
            .iter()
            .filter(|f| &f.unit == province)
            .map(|f| figure_row(model, f))
            .collect();
        let ranking_period = figures
            .iter()
            .filter(|f| &f.unit != province)
            .map(|f| f.period)
            .max_by_key(|p| p.sort_key());
        let mut ranking: Vec<FigureRow> = match ranking_period {
            Some(p) => figures
                .iter()
                .filter(|f| f.period == p && &f.unit != province)
                .map(|f| figure_row(model, f))
                .collect(),
            None => Vec::new(),
        };
        let higher = ind.direction == crate::content::schema::Direction::HigherIsBetter;
        ranking.sort_by(|a, b| rank_order(a, b, higher));
        let dir = format!("chi-so/{}", ind.id);
        let history_chart = charts::history(
            model,
            province,
            &ind.id,
            "bieu-do-lich-su",
            &format!("{province}.csv"),
        );
        let province_figures: Vec<_> = figures
            .iter()
            .copied()
            .filter(|f| &f.unit == province)
            .collect();
        if !province_figures.is_empty() {
            r.site.add(
                format!("{dir}/{province}.csv"),
                super::data::csv(model, &province_figures),
            );
        }
        let mut ranking_chart = None;
        if let Some(p) = ranking_period {
            // The same order as the table: look each row's figure up again.
            let ordered: Vec<_> = ranking
                .iter()
                .filter_map(|row| {
                    figures
                        .iter()
                        .copied()
                        .find(|f| f.period == p && f.unit == row.unit.id)
                })
                .collect();
            ranking_chart = charts::ranking(
                model,
                &ind.id,
                &p,
                &ordered,
                "bieu-do-xep-hang",
                "xep-hang.csv",
            );
            r.site.add(
                format!("{dir}/xep-hang.csv"),
                super::data::csv(model, &ordered),
            );
        }
        let page = IndicatorPage {
            entry: ind.clone(),
            indicator: indicator_ref(model, &ind.id),
            maxima,
            province: unit_ref(model, province),
            history,
            history_chart,
            ranking_period,
            ranking,
            ranking_chart,
        };
        r.page(
            &format!("chi-so/{}/index.html", ind.id),
            "indicator.html",
            "indicators",
            &ind.name,
            &page,
        )?;
    }
    Ok(())
}
