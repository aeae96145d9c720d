//! View data shared by several pages: the shapes templates receive.

use crate::model::{Appendix, Detail, DispatchKind, Footnote, Measure, Status, Target};
use crate::model::{Cell, Num, Rank};
use crate::model::{Date, PartialDate, Period};
use crate::model::{Dispatch, Figure, FigureSource, FigureValue, Model};
use crate::site::paths;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::sync::Arc;

#[derive(Debug, Clone, Serialize)]
pub struct UnitRef {
    pub id: String,
    pub name: String,
    pub short: String,
    /// The unit's page.
    pub url: String,
}

pub fn unit_ref(model: &Model, id: &str) -> UnitRef {
    match model.unit(id) {
        Some(u) => UnitRef {
            id: id.to_string(),
            name: u.entry.name.clone(),
            short: u.display_name().to_string(),
            url: paths::unit(id),
        },
        None => UnitRef {
            id: id.to_string(),
            name: id.to_string(),
            short: id.to_string(),
            url: paths::unit(id),
        },
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct IndicatorRef {
    pub id: String,
    pub name: String,
    pub short: String,
    pub measure: Measure,
    pub count_unit: Option<String>,
    /// The indicator's page.
    pub url: String,
}

pub fn indicator_ref(model: &Model, id: &str) -> IndicatorRef {
    match model.indicator(id) {
        Some(i) => IndicatorRef {
            id: id.to_string(),
            name: i.name.clone(),
            short: i.short_name.clone().unwrap_or_else(|| i.name.clone()),
            measure: i.measure,
            count_unit: i.count_unit.clone(),
            url: paths::indicator(id),
        },
        None => IndicatorRef {
            id: id.to_string(),
            name: id.to_string(),
            short: id.to_string(),
            measure: Measure::Points,
            count_unit: None,
            url: paths::indicator(id),
        },
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DispatchRef {
    pub slug: String,
    /// "68/VPUB-PVHCC&KSTT"; empty for a source without a symbol.
    pub number: String,
    /// "Công văn số 68/VPUB-PVHCC&KSTT", "Văn bản số 1846/UBND-KSTT",
    /// "Công văn (không ghi số), tháng 12/2023" when the number is blank
    /// (outside the archived copy a bare "/VP" reads like a mistake), "Bài
    /// trên Báo Hưng Yên, 15/01/2025": see [`super::citation::title`].
    pub title: String,
    /// What a link to the document reads: the title.
    pub link_text: String,
    /// The day it was issued, published or captured; none when unknown.
    pub date: Option<PartialDate>,
    /// That day as lists print it, "không rõ ngày" when unknown, with the
    /// time of a capture.
    pub date_text: String,
    /// Where lists place it.
    pub listed_on: Date,
    /// A dispatch's subject, or the title of an article or a report.
    pub subject: String,
    /// The line under the title in lists: "V/v …", or the title.
    pub summary: String,
    /// The issuing body, an article's outlet, or the national portal.
    pub issuer: String,
    /// The kind as written in the file: `monthly-results`, `news-article`.
    pub kind: &'static str,
    /// A dispatch in the administrative form (number, motto, signature).
    pub dispatch_form: bool,
    pub directive: bool,
    pub period: Option<Period>,
    /// The page of the period it covers.
    pub period_url: Option<String>,
    /// "Số liệu ngày …": the data cut-off the dispatch gives.
    pub data_as_of: Option<String>,
    /// The dispatch's page.
    pub url: String,
}

/// Built from [`Dispatch::citation`] only: what a change to the dispatch
/// reaches is decided by it.
pub fn dispatch_ref(d: &Dispatch) -> DispatchRef {
    let c = d.citation();
    let title = super::citation::title(&c);
    let link_text = title.clone();
    let date = match (c.captured_at, c.date) {
        (Some(_), _) | (None, Some(crate::model::DocDate::Known(_))) => d.file.issued(),
        _ => None,
    };
    DispatchRef {
        slug: c.slug.to_string(),
        number: c.number_text(),
        title,
        link_text,
        date,
        date_text: super::citation::date_text(&c),
        listed_on: c.listed_on,
        subject: c.subject.or(c.title).unwrap_or_default().to_string(),
        summary: super::citation::summary(&c),
        issuer: c.issuer.to_string(),
        kind: c.kind.as_str(),
        dispatch_form: c.kind.is_dispatch(),
        directive: c.kind == DispatchKind::Directive,
        period: c.period,
        period_url: c.period.as_ref().map(paths::period),
        data_as_of: c.data_as_of.map(|x| x.to_string()),
        url: paths::dispatch(c.slug),
    }
}

/// One figure as a table row. The unit, indicator and dispatch are shared
/// by the rows of a build ([`Refs`]): a national build writes about a
/// million rows.
#[derive(Debug, Clone, Serialize)]
pub struct FigureRow {
    pub period: Period,
    pub unit: Arc<UnitRef>,
    pub indicator: Arc<IndicatorRef>,
    pub value: FigureValue,
    pub max: Option<Num>,
    pub target: Option<Target>,
    pub status: Option<Status>,
    /// Whether the value meets the target, computed (the printed status is `status`).
    pub met: Option<bool>,
    pub rank: Option<Rank>,
    pub national_average: Option<Num>,
    pub rate: Option<Num>,
    pub dispatch: Arc<DispatchRef>,
    /// "Phụ lục I" or "Nội dung công văn".
    pub source: String,
    /// Where the figure is published: the dispatch's page, at its appendix
    /// when the figure is in one.
    pub source_url: String,
}

pub fn source_label(source: &FigureSource) -> String {
    match source {
        FigureSource::Results => "Nội dung văn bản".into(),
        FigureSource::Appendix { number, .. } => format!("Phụ lục {number}"),
    }
}

/// The views of every unit, indicator and dispatch, built once per build
/// and shared by the table rows.
pub struct Refs<'a> {
    units: FxHashMap<&'a str, Arc<UnitRef>>,
    indicators: FxHashMap<&'a str, Arc<IndicatorRef>>,
    dispatches: FxHashMap<&'a str, Arc<DispatchRef>>,
}

impl<'a> Refs<'a> {
    pub fn new(model: &'a Model) -> Self {
        Refs {
            units: model
                .units
                .iter()
                .map(|u| (u.id(), Arc::new(unit_ref(model, u.id()))))
                .collect(),
            indicators: model
                .indicators
                .iter()
                .map(|i| (i.id.as_str(), Arc::new(indicator_ref(model, &i.id))))
                .collect(),
            dispatches: model
                .dispatches
                .iter()
                .map(|d| (d.slug.as_str(), Arc::new(dispatch_ref(d))))
                .collect(),
        }
    }

    fn unit(&self, model: &Model, id: &str) -> Arc<UnitRef> {
        self.units
            .get(id)
            .cloned()
            .unwrap_or_else(|| Arc::new(unit_ref(model, id)))
    }

    fn indicator(&self, model: &Model, id: &str) -> Arc<IndicatorRef> {
        self.indicators
            .get(id)
            .cloned()
            .unwrap_or_else(|| Arc::new(indicator_ref(model, id)))
    }

    fn dispatch(&self, slug: &str) -> Arc<DispatchRef> {
        self.dispatches.get(slug).cloned().unwrap_or_else(|| {
            Arc::new(DispatchRef {
                slug: slug.to_string(),
                number: String::new(),
                title: String::new(),
                link_text: String::new(),
                date: None,
                date_text: String::new(),
                listed_on: Date(chrono::NaiveDate::MIN),
                subject: String::new(),
                summary: String::new(),
                issuer: String::new(),
                kind: DispatchKind::MonthlyResults.as_str(),
                dispatch_form: true,
                directive: false,
                period: None,
                period_url: None,
                data_as_of: None,
                url: paths::dispatch(slug),
            })
        })
    }
}

pub fn figure_row(model: &Model, refs: &Refs, f: &Figure) -> FigureRow {
    FigureRow {
        period: f.period,
        unit: refs.unit(model, &f.unit),
        indicator: refs.indicator(model, &f.indicator),
        value: f.value.clone(),
        max: f.max,
        target: f.target.as_deref().cloned(),
        status: f.status,
        met: f.meets_target(),
        rank: f.rank,
        national_average: f.national_average,
        rate: f.rate,
        dispatch: refs.dispatch(&f.dispatch),
        source: source_label(&f.source),
        source_url: match &f.source {
            FigureSource::Appendix { number, .. } => {
                format!("{}#{}", paths::dispatch(&f.dispatch), number_anchor(number))
            }
            FigureSource::Results => paths::dispatch(&f.dispatch),
        },
    }
}

/// A dispatch's results in the text: total, rank, each group.
#[derive(Debug, Clone, Serialize)]
pub struct ResultsView {
    pub unit: UnitRef,
    pub period: Period,
    /// The period's page.
    pub period_url: String,
    pub total: Option<Num>,
    pub total_max: Option<Num>,
    pub rank: Option<Rank>,
    /// The grade as printed.
    pub grade: Option<String>,
    /// The national average of the total, as printed.
    pub national_average: Option<Num>,
    /// The printed change in words: "tăng 3,2 điểm, tăng 5 bậc so với năm 2023".
    pub change: Option<String>,
    pub groups: Vec<GroupView>,
    /// Whether any group has a national average / a rank (else no column).
    pub has_average: bool,
    pub has_rank: bool,
    pub scheme: Option<String>,
    pub data_as_of: Option<String>,
    pub dispatch: DispatchRef,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupView {
    pub indicator: IndicatorRef,
    /// The group this is a part of, in the scheme in force.
    pub part_of: Option<IndicatorRef>,
    pub score: Num,
    pub max: Option<Num>,
    pub national_average: Option<Num>,
    /// Whether the score is below the national average.
    pub below_average: bool,
    pub rank: Option<Rank>,
    pub rate: Option<Num>,
    pub details: Vec<Detail>,
}

pub fn results_view(model: &Model, d: &Dispatch) -> Option<ResultsView> {
    let r = d.file.results.as_ref()?;
    let period = d.file.period?;
    let scheme = model.scheme_for(&period);
    let mut groups = Vec::new();
    for g in &r.groups {
        let mut max = g.max;
        let mut part_of = None;
        if let Some(s) = scheme {
            for sg in &s.groups {
                if sg.indicator == g.indicator {
                    max = sg.max.or(max);
                }
                if let Some(p) = sg.parts.iter().find(|p| p.indicator == g.indicator) {
                    max = p.max.or(max);
                    part_of = Some(indicator_ref(model, &sg.indicator));
                }
            }
        }
        groups.push(GroupView {
            indicator: indicator_ref(model, &g.indicator),
            part_of,
            score: g.score,
            max,
            national_average: g.national_average,
            below_average: g.national_average.is_some_and(|a| g.score.value < a.value),
            rank: g.rank,
            rate: g.rate,
            details: g.details.clone(),
        });
    }
    Some(ResultsView {
        unit: unit_ref(model, &r.unit),
        period,
        period_url: paths::period(&period),
        total: r.total,
        total_max: scheme.map(|s| s.total_max),
        rank: r.rank,
        grade: r.grade.clone(),
        national_average: r.national_average,
        change: r.change.as_ref().and_then(change_text),
        has_average: groups.iter().any(|g| g.national_average.is_some()),
        has_rank: groups.iter().any(|g| g.rank.is_some()),
        groups,
        scheme: scheme.map(|s| s.name.clone()),
        data_as_of: d.file.data_as_of.map(|x| x.to_string()),
        dispatch: dispatch_ref(d),
    })
}

#[derive(Debug, Clone, Serialize)]
pub struct AppendixView<'a> {
    /// Anchor on the page: `phu-luc-i`.
    pub anchor: String,
    pub number: String,
    pub title: String,
    pub subtitle: Option<String>,
    pub columns: Vec<ColumnView>,
    pub rows: Vec<RowView<'a>>,
    pub footnotes: Vec<Footnote>,
    pub dispatch: DispatchRef,
    pub has_status: bool,
    /// "Trích 13 trên khoảng 150 đơn vị" when the table is an extract.
    pub partial: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ColumnView {
    pub indicator: IndicatorRef,
    pub heading: String,
    pub holds: crate::model::Holds,
    pub target: Option<Target>,
    pub footnotes: Vec<String>,
    pub has_status: bool,
    pub status_heading: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RowView<'a> {
    pub no: &'a str,
    /// None for a row that is not a unit ("Bình quân các xã").
    pub unit: Option<Arc<UnitRef>>,
    pub label: Option<&'a str>,
    /// The site's province: highlighted in a league table.
    pub current: bool,
    pub printed_name: Option<&'a str>,
    pub cells: &'a [Cell],
    pub status: Option<Status>,
}

/// An appendix's anchor on its dispatch's page (the only page that shows
/// it): `phu-luc-ii`.
pub fn appendix_anchor(_d: &Dispatch, app: &Appendix) -> String {
    number_anchor(&app.number)
}

fn number_anchor(number: &str) -> String {
    format!("phu-luc-{}", crate::suggest::slugify(number))
}

pub fn appendix_view<'a>(
    model: &Model,
    refs: &Refs,
    d: &Dispatch,
    app: &'a Appendix,
) -> AppendixView<'a> {
    // A league table (other provinces or the country beside the site's
    // province) highlights the province's row.
    let province = model.site.province.as_str();
    let league = app.unit_rows().any(|(_, u)| {
        u != province
            && model.unit(u).is_some_and(|x| {
                matches!(
                    x.entry.kind,
                    crate::model::UnitKind::Province | crate::model::UnitKind::Country
                )
            })
    });
    AppendixView {
        anchor: appendix_anchor(d, app),
        number: app.number.clone(),
        title: app.title.clone(),
        subtitle: app.subtitle.clone(),
        columns: app
            .columns
            .iter()
            .map(|c| {
                let ind = model.indicator(&c.indicator);
                ColumnView {
                    indicator: indicator_ref(model, &c.indicator),
                    heading: c.heading.clone(),
                    holds: c.holds,
                    target: c
                        .target
                        .clone()
                        .or_else(|| ind.and_then(|i| i.target.clone())),
                    footnotes: c.footnotes.clone(),
                    has_status: c.has_status,
                    status_heading: c.status_heading.clone(),
                }
            })
            .collect(),
        rows: app
            .rows
            .iter()
            .map(|r| RowView {
                no: &r.no,
                unit: r.unit.as_deref().map(|u| refs.unit(model, u)),
                label: r.label.as_deref(),
                current: league && r.unit.as_deref() == Some(model.site.province.as_str()),
                printed_name: r.printed_name.as_deref(),
                cells: &r.values,
                status: r.status,
            })
            .collect(),
        footnotes: app.footnotes.clone(),
        dispatch: dispatch_ref(d),
        has_status: app.columns.iter().any(|c| c.has_status),
        partial: partial_text(model, app),
    }
}

/// The extract note of the table a figure comes from, when it is partial.
pub fn partial_of(model: &Model, f: &Figure) -> Option<String> {
    let FigureSource::Appendix { number, .. } = &f.source else {
        return None;
    };
    let d = model.dispatch(&f.dispatch)?;
    let app = d.file.appendices.iter().find(|a| *a.number == **number)?;
    partial_text(model, app)
}

/// The first extract note among `figures`: a ranking drawn from an
/// extract says so.
pub fn partial_among<'a>(
    model: &Model,
    figures: impl IntoIterator<Item = &'a Figure>,
) -> Option<String> {
    figures.into_iter().find_map(|f| partial_of(model, f))
}

/// "Trích 13 trên khoảng 150 đơn vị" for an extract, with its note.
pub fn partial_text(model: &Model, app: &Appendix) -> Option<String> {
    let p = app.partial.as_ref()?;
    // The country's row is not one of the units ranked.
    let shown = app
        .unit_rows()
        .filter(|(_, u)| {
            model
                .unit(u)
                .is_none_or(|x| x.entry.kind != crate::model::UnitKind::Country)
        })
        .count();
    let about = if p.about { "khoảng " } else { "" };
    let mut s = format!(
        "Trích {} trên {about}{} đơn vị",
        crate::vi::format_int(shown as u64),
        crate::vi::format_int(p.of.0)
    );
    if let Some(n) = p.note.as_deref().filter(|n| !n.trim().is_empty()) {
        s.push_str(" (");
        s.push_str(n.trim());
        s.push(')');
    }
    Some(s)
}

/// A printed change in words, signs turned into "tăng" and "giảm".
fn change_text(c: &crate::model::Change) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(p) = c.points {
        let verb = if p.value < 0.0 { "giảm" } else { "tăng" };
        let abs = Num {
            value: p.value.abs(),
            ..p
        };
        parts.push(format!("{verb} {abs} điểm"));
    }
    if let Some(r) = c.rank {
        parts.push(match r {
            0 => "giữ hạng".to_string(),
            r if r > 0 => format!("tăng {r} bậc"),
            r => format!("giảm {} bậc", r.unsigned_abs()),
        });
    }
    if parts.is_empty() {
        return None;
    }
    let mut s = parts.join(", ");
    if let Some(since) = &c.since {
        s.push_str(&format!(" so với {}", crate::vi::format_period(since)));
    }
    Some(s)
}
