//! `van-ban/` (by year) and `van-ban/<slug>/`: each dispatch as printed,
//! with its figures as tables (their data is in the open data file of
//! their year).

use super::views::*;
use super::{PageContext, Pages};
use crate::model::{Dispatch, Model, Note};
use crate::site::{markdown, paths};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize)]
struct YearGroup {
    year: i32,
    /// The year's own page, when the list is split by year.
    url: Option<String>,
    count: usize,
    /// The dispatches, when the year is listed on this page.
    dispatches: Vec<DispatchRef>,
}

/// Dispatches the list shows on one page; beyond, `van-ban/` lists the
/// years, each on its own page (the page weight budget).
pub const MAX_LISTED: usize = 300;

/// The newest dispatches the list names first when it is split by year.
const LATEST: usize = 10;

#[derive(Serialize)]
struct ListPage {
    /// The year of a year's page.
    year: Option<i32>,
    groups: Vec<YearGroup>,
    /// The newest dispatches, when the list is split by year.
    latest: Vec<DispatchRef>,
}

#[derive(Serialize)]
struct MentionView {
    unit: UnitRef,
    printed_name: Option<String>,
    note: String,
}

/// What the page shows of the document's header and closing (its tables
/// come as HTML, see [`super::tables`]); each kind shows its own fields.
#[derive(Serialize)]
struct DispatchFileView<'a> {
    issuer: Option<&'a crate::model::Issuer>,
    place: Option<&'a str>,
    date: Option<crate::model::PartialDate>,
    /// The date as printed on the page: "không rõ ngày" when unknown.
    date_text: String,
    subject: Option<&'a str>,
    title: Option<&'a str>,
    outlet: Option<&'a str>,
    url: Option<&'a str>,
    byline: Option<&'a str>,
    /// "14:35 ngày 20/11/2025".
    captured_at: Option<String>,
    period: Option<crate::model::Period>,
    data_as_of: Option<crate::model::Date>,
    recipients: &'a [String],
    legal_basis: &'a [String],
    signature: Option<&'a crate::model::Signature>,
    distribution: &'a [String],
}

#[derive(Serialize)]
struct DispatchPage<'a> {
    r#ref: DispatchRef,
    file: DispatchFileView<'a>,
    /// "Công văn công bố kết quả", "Bài báo".
    kind_label: &'static str,
    issuer_unit: Option<UnitRef>,
    /// The body, from Markdown, sanitized.
    body_html: String,
    results: Option<ResultsView>,
    /// Each appendix as HTML.
    appendices: Vec<String>,
    mentions: Vec<MentionView>,
    notes: Vec<(Option<IndicatorRef>, String)>,
    /// The editor's notes, shown apart from the document's own.
    editor_notes: Vec<(Option<IndicatorRef>, String)>,
    figures: usize,
    /// The open data file of the year that holds the figures.
    csv: Option<String>,
    year: Option<i32>,
    source: String,
}

pub fn render(r: &PageContext) -> Pages {
    let model = r.model;
    let mut years: BTreeMap<i32, Vec<DispatchRef>> = BTreeMap::new();
    for d in &model.dispatches {
        years
            .entry(d.file.listed_on().year())
            .or_default()
            .push(dispatch_ref(d));
    }
    let split = model.dispatches.len() > MAX_LISTED;
    let mut groups: Vec<YearGroup> = years
        .into_iter()
        .rev()
        .map(|(year, mut dispatches)| {
            dispatches.sort_by(|a, b| {
                (b.listed_on, b.date, &b.slug).cmp(&(a.listed_on, a.date, &a.slug))
            });
            YearGroup {
                year,
                url: split.then(|| paths::dispatch_year(year)),
                count: dispatches.len(),
                dispatches,
            }
        })
        .collect();
    let mut pages = Vec::new();
    let mut latest = Vec::new();
    if split {
        for g in &mut groups {
            let dispatches = std::mem::take(&mut g.dispatches);
            if latest.len() < LATEST {
                latest.extend(dispatches.iter().take(LATEST - latest.len()).cloned());
            }
            let one = ListPage {
                year: Some(g.year),
                groups: vec![YearGroup {
                    year: g.year,
                    url: None,
                    count: g.count,
                    dispatches,
                }],
                latest: Vec::new(),
            };
            pages.push(r.page(
                &paths::file_of(&paths::dispatch_year(g.year)),
                "dispatches.html",
                "dispatches",
                &format!("Văn bản năm {}", g.year),
                &one,
            )?);
        }
    }
    let list = ListPage {
        year: None,
        groups,
        latest,
    };
    pages.push(r.page(
        &paths::file_of(paths::DISPATCHES),
        "dispatches.html",
        "dispatches",
        "Văn bản",
        &list,
    )?);
    model
        .dispatches
        .par_iter()
        .filter(|d| r.affected.dispatch(&d.slug))
        .try_for_each(|d| r.writer.put_all(render_one(r, d)?))?;
    Ok(pages)
}

fn render_one(r: &PageContext, d: &Dispatch) -> Pages {
    let model = r.model;
    let figures = model.figures_of_dispatch(&d.slug);
    let file = paths::file_of(&paths::dispatch(&d.slug));
    // The figures are published once, in the open data file of their year.
    let year = figures.first().map(|f| f.period.end().year());
    let root = paths::root_of(&file);
    let f = &d.file;
    let page = DispatchPage {
        r#ref: dispatch_ref(d),
        file: DispatchFileView {
            issuer: f.issuer.as_ref(),
            place: f.place.as_deref(),
            date: f.date.and_then(|x| x.known()),
            date_text: f
                .date
                .map_or_else(String::new, |x| crate::vi::format_short_doc_date(&x)),
            subject: f.subject.as_deref(),
            title: f.title.as_deref(),
            outlet: f.outlet.as_deref(),
            url: f.url.as_deref(),
            byline: f.byline.as_deref(),
            captured_at: f.captured_at.map(|m| crate::vi::format_moment(&m)),
            period: f.period,
            data_as_of: f.data_as_of,
            recipients: &f.recipients,
            legal_basis: &f.legal_basis,
            signature: f.signature.as_ref(),
            distribution: &f.distribution,
        },
        kind_label: super::citation::kind_label(f.kind),
        issuer_unit: f.issuer_unit().map(|u| unit_ref(model, u)),
        body_html: markdown::to_safe_html(&d.file.body),
        results: results_view(model, d),
        appendices: d
            .file
            .appendices
            .iter()
            .map(|a| super::tables::appendix(&appendix_view(model, &r.refs, d, a), &root, "h3"))
            .collect(),
        mentions: d
            .file
            .mentions
            .iter()
            .map(|m| MentionView {
                unit: unit_ref(model, &m.unit),
                printed_name: m.printed_name.clone(),
                note: m.note.clone(),
            })
            .collect(),
        notes: note_views(model, &d.file.notes),
        editor_notes: note_views(model, &d.file.editor_notes),
        figures: figures.len(),
        csv: year.map(|y| paths::link(&file, &paths::open_data_csv(y))),
        year,
        source: d.source.display().to_string(),
    };
    // As lists cite it: "Công văn số 68/…", "Công văn (không ghi số), …".
    let title = page.r#ref.title.clone();
    Ok(vec![r.page(
        &file,
        "dispatch.html",
        "dispatches",
        &title,
        &page,
    )?])
}

/// Notes with the indicator each concerns.
fn note_views(model: &Model, notes: &[Note]) -> Vec<(Option<IndicatorRef>, String)> {
    notes
        .iter()
        .map(|n| {
            (
                n.indicator.as_deref().map(|i| indicator_ref(model, i)),
                n.text.clone(),
            )
        })
        .collect()
}
