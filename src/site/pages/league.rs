//! The league table of provinces of the latest period, as the home page
//! and the province's page show it: the leading rows, the site's province
//! (highlighted) and the country's average, with a link to the full table
//! on its document's page.

use super::tables::push_escaped;
use super::views::{appendix_anchor, partial_text};
use crate::model::{Appendix, Dispatch, Figure, FigureSource, Model, UnitKind, TOTAL};
use crate::site::paths;
use crate::vi;
use serde::Serialize;

/// The leading rows shown before the province's own.
pub const TOP_ROWS: usize = 5;

/// At least this many provinces make an appendix a league table.
const MIN_PROVINCES: usize = 3;

/// The compact league table, ready for a template.
#[derive(Debug, Clone, Serialize)]
pub struct LeagueView {
    /// "Xếp hạng các tỉnh, thành phố, năm 2025".
    pub title: String,
    /// The table, as HTML (escaped here).
    pub table: String,
    /// The full table on its document's page, relative to the site root.
    pub url: String,
    /// How many provinces the full table lists.
    pub provinces: usize,
}

/// Whether `app` lists provinces, among them the site's: a league table
/// (a province's own dispatch that lists itself among its units is not).
pub(crate) fn is_league(model: &Model, app: &Appendix) -> bool {
    let province = model.site.province.as_str();
    let mut has_own = false;
    let mut n = 0;
    for (_, u) in app.unit_rows() {
        has_own |= u == province;
        n += usize::from(
            model
                .unit(u)
                .is_some_and(|x| x.entry.kind == UnitKind::Province),
        );
    }
    has_own && n >= MIN_PROVINCES
}

/// The latest league table that ranks the site's province: of the latest
/// period, then of the latest document.
fn latest(model: &Model) -> Option<(&Dispatch, &Appendix)> {
    model
        .dispatches
        .iter()
        .filter_map(|d| {
            let p = d.file.period?;
            let app = d.file.appendices.iter().find(|a| is_league(model, a))?;
            Some(((p.sort_key(), p), &**d, app))
        })
        .max_by(|a, b| a.0.cmp(&b.0))
        .map(|(_, d, a)| (d, a))
}

/// The league table for a page at `file`.
pub fn league(model: &Model, file: &str) -> Option<LeagueView> {
    let (d, app) = latest(model)?;
    let root = paths::root_of(file);
    let totals: Vec<&Figure> = model
        .figures_of_dispatch(&d.slug)
        .into_iter()
        .filter(|f| {
            &*f.indicator == TOTAL
                && matches!(&f.source, FigureSource::Appendix { number, .. } if **number == *app.number)
        })
        .collect();
    let kind = |f: &Figure| model.unit(&f.unit).map(|u| u.entry.kind);
    let provinces: Vec<&Figure> = totals
        .iter()
        .copied()
        .filter(|f| kind(f) == Some(UnitKind::Province))
        .collect();
    let own = model.site.province.as_str();
    // A province's place: its printed rank, else its row among the provinces.
    let place = |f: &Figure| {
        let row = provinces.iter().position(|p| p.unit == f.unit)?;
        Some(f.rank.map_or(row + 1, |r| r.position as usize))
    };
    let shown: Vec<&Figure> = totals
        .iter()
        .copied()
        .filter(|f| {
            let top = place(f).is_some_and(|p| p <= TOP_ROWS);
            top || &*f.unit == own || kind(f) == Some(UnitKind::Country)
        })
        .collect();
    if shown.is_empty() {
        return None;
    }
    let period = d
        .file
        .period
        .map(|p| vi::format_period(&p))
        .unwrap_or_default();
    let title = format!("Xếp hạng các tỉnh, thành phố, {period}");
    let url = format!("{}#{}", paths::dispatch(&d.slug), appendix_anchor(d, app));
    let mut o = String::with_capacity(600 + shown.len() * 160);
    o.push_str("<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"bang-xep-hang\" tabindex=\"0\">\n<table class=\"figures league-table\">\n<caption id=\"bang-xep-hang\">");
    push_escaped(&mut o, &title);
    o.push_str(": ");
    let own_place = provinces
        .iter()
        .find(|p| &*p.unit == own)
        .and_then(|p| place(p));
    o.push_str("những tỉnh, thành phố đứng đầu");
    if own_place.is_none_or(|p| p > TOP_ROWS) {
        o.push_str(" và ");
        push_escaped(&mut o, model.unit(own).map_or(own, |u| u.display_name()));
    }
    o.push('.');
    if let Some(p) = partial_text(model, app) {
        o.push_str(" <span class=\"caption-note partial\">");
        push_escaped(&mut o, &p);
        o.push_str("</span>");
    }
    o.push_str("</caption>\n<thead><tr><th scope=\"col\">Hạng</th><th scope=\"col\">Tỉnh, thành phố</th><th scope=\"col\" class=\"num\">Tổng điểm</th></tr></thead>\n<tbody>\n");
    // A gap in the ranking is said, not hidden: by the printed ranks, or
    // else by the rows of the table.
    let mut previous: Option<usize> = None;
    for f in shown {
        let at = place(f);
        if let (Some(a), Some(b)) = (previous, at) {
            if b > a + 1 {
                o.push_str("<tr class=\"gap\"><td colspan=\"3\">…");
            }
        }
        if at.is_some() {
            previous = at;
        }
        row(&mut o, model, f, &root, &*f.unit == own);
    }
    o.push_str("</tbody>\n</table>\n</div>\n");
    Some(LeagueView {
        title,
        table: o,
        url,
        provinces: provinces.len(),
    })
}

/// One row, its optional end tags left out as in `tables` (the next row
/// or `</tbody>` closes it).
fn row(o: &mut String, model: &Model, f: &Figure, root: &str, current: bool) {
    o.push_str(if current {
        "<tr class=\"current\"><td>"
    } else {
        "<tr><td>"
    });
    if let Some(r) = f.rank {
        o.push_str(&r.to_string());
    }
    o.push_str("<th><a href=\"");
    o.push_str(root);
    o.push_str(&paths::unit(&f.unit));
    o.push('"');
    if current {
        o.push_str(" aria-current=\"true\"><strong>");
    } else {
        o.push('>');
    }
    let name = model
        .unit(&f.unit)
        .map_or(&*f.unit, |u| u.entry.name.as_str());
    push_escaped(o, name);
    if current {
        o.push_str("</strong>");
    }
    o.push_str("</a><td>");
    if let Some(v) = f.value.num() {
        o.push_str(&vi::format_decimal(v.value, v.decimals));
    }
}
