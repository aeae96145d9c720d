//! `don-vi/` (grouped by kind and parent) and `don-vi/<id>/`: each unit
//! with every indicator's history, its relations and the dispatches that
//! name it; `don-vi/<former-id>/` leads on to the unit.

use super::chart_data::{ChartView, DataTable};
use super::scorecard::{scorecard, PeerIndex, Scorecard};
use super::views::*;
use super::{Page, PageContext, Pages};
use crate::model::{FigureValue, Unit};
use crate::model::{Status, UnitKind};
use crate::site::paths;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

#[derive(Serialize)]
struct Group {
    title: String,
    units: Vec<UnitItem>,
    /// When the list is too long for one page, a group of communes and
    /// wards is the link to its parent's page, which lists them.
    parent: Option<UnitRef>,
    count: usize,
}

/// Units the list names on one page; beyond, each parent's communes and
/// wards are listed on the parent's page (the page weight budget).
pub const MAX_LISTED: usize = 500;

#[derive(Serialize)]
struct UnitItem {
    unit: UnitRef,
    ended: Option<String>,
    figures: usize,
}

#[derive(Serialize)]
pub struct History {
    pub indicator: IndicatorRef,
    pub chart: Option<ChartView>,
    /// Without a chart, two values or more in words: "Tăng từ … lên …".
    pub then_and_now: Option<String>,
    /// Without a chart, the latest figure among the peers' as bars.
    pub peer_chart: Option<ChartView>,
    /// The printed ranks over time, 1 at the top.
    pub rank_chart: Option<ChartView>,
    /// Lines of the other kinds of period (yearly results beside monthly
    /// ones): each kind is its own line, never joined to another.
    pub more_charts: Vec<ChartView>,
    #[serde(skip)]
    pub rows: Vec<FigureRow>,
    /// The history table (the charts' data table), as HTML.
    pub table: String,
    /// Periods whose status (printed, else computed from the target) is met.
    pub met: usize,
    /// Periods with a status or a target to compare with.
    pub judged: usize,
    pub not_applicable: usize,
}

#[derive(Serialize)]
struct UnitPage<'a> {
    unit: &'a Unit,
    /// The latest period at a glance, before anything else.
    scorecard: Option<Scorecard>,
    kind_label: &'static str,
    parent: Option<UnitRef>,
    children: Vec<UnitRef>,
    predecessors: Vec<UnitRef>,
    successors: Vec<UnitRef>,
    histories: Vec<History>,
    dispatches: Vec<DispatchRef>,
    mentions: Vec<(DispatchRef, String)>,
    /// For the site's province: the latest league table of provinces.
    league: Option<super::league::LeagueView>,
}

#[derive(Serialize)]
struct Redirect {
    from: String,
    to: UnitRef,
}

pub fn kind_label(kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::Country => "Cả nước",
        UnitKind::Province => "Tỉnh",
        UnitKind::Department => "Sở",
        UnitKind::Board => "Ban",
        UnitKind::District => "Huyện",
        UnitKind::Town => "Thị xã",
        UnitKind::City => "Thành phố",
        UnitKind::Commune => "Xã",
        UnitKind::Ward => "Phường",
    }
}

/// Histories of every indicator with figures for `unit`, in indicator order.
pub fn histories(r: &PageContext, unit: &str, peers: Option<&PeerIndex>) -> Vec<History> {
    let model = r.model;
    let page_file = paths::file_of(&paths::unit(unit));
    let root = paths::root_of(&page_file);
    let name = model.unit(unit).map_or(unit, |u| u.entry.name.as_str());
    model
        .indicators
        .iter()
        .filter_map(|ind| {
            let figures = model.figures_of_unit_indicator(unit, &ind.id);
            let rows: Vec<FigureRow> = figures
                .iter()
                .map(|f| figure_row(model, &r.refs, f))
                .collect();
            if rows.is_empty() {
                return None;
            }
            // Not applicable periods are counted apart, whatever status is printed.
            let judged_status = |row: &FigureRow| match row.value {
                FigureValue::NotApplicable { .. } => None,
                _ => row.status.map(|s| s == Status::Met).or(row.met),
            };
            // The line and the rank chart show the history table as their
            // data table: their own rows are not needed on the page.
            // One line per kind of period, the latest kind's first.
            let kinds = super::chart_data::period_kinds(model, unit, &ind.id);
            let csv = paths::link(&page_file, &paths::unit_chart_csv(unit, &ind.id));
            let line = |i: usize, kind| {
                let id = match i {
                    0 => format!("bieu-do-{}", ind.id),
                    i => format!("bieu-do-{}-{}", ind.id, i + 1),
                };
                super::chart_data::history_of_kind(
                    model,
                    unit,
                    &ind.id,
                    kind,
                    &id,
                    &csv,
                    DataTable::OnPage,
                )
            };
            let chart = kinds.first().and_then(|&kind| line(0, kind));
            // No line from two values: where they start and end, in words.
            let then_and_now = match chart {
                Some(_) => None,
                None => {
                    // Of the latest kind of period only, like the line.
                    let kind = kinds.first().copied();
                    let valued: Vec<&&crate::model::Figure> = figures
                        .iter()
                        .filter(|f| f.value.number().is_some())
                        .filter(|f| Some(std::mem::discriminant(&f.period)) == kind)
                        .collect();
                    match (valued.first(), valued.last()) {
                        (Some(a), Some(b)) if valued.len() >= 2 => {
                            let mut s = super::chart_data::then_and_now(a, b, ind.measure);
                            s.replace_range(..1, &s[..1].to_uppercase());
                            s.push('.');
                            Some(s)
                        }
                        _ => None,
                    }
                }
            };
            // Too short a history for a line: the latest figure among the peers'.
            let peer_chart = match (&chart, peers) {
                (None, Some(peers)) => figures
                    .iter()
                    .rev()
                    .find(|f| f.value.number().is_some())
                    .and_then(|f| {
                        let (all, level) = peers.peers(model, f)?;
                        super::chart_data::among_peers(
                            model,
                            f,
                            all,
                            super::scorecard::peers_word(level),
                            &format!("so-sanh-{}", ind.id),
                            &paths::link(&page_file, &paths::unit_peers_csv(unit, &ind.id)),
                        )
                    }),
                _ => None,
            };
            let more_charts = kinds
                .iter()
                .enumerate()
                .skip(1)
                .filter_map(|(i, &kind)| line(i, kind))
                .collect();
            let rank_chart = super::chart_data::rank_history(
                model,
                unit,
                &ind.id,
                &format!("hang-{}", ind.id),
                &csv,
                DataTable::OnPage,
            );
            let table = super::tables::figure_table(
                &rows,
                &format!("{} của {name}", ind.name),
                &format!("bang-{}", ind.id),
                &root,
                false,
            );
            Some(History {
                indicator: indicator_ref(model, &ind.id),
                table,
                chart,
                then_and_now,
                peer_chart,
                rank_chart,
                more_charts,
                met: rows
                    .iter()
                    .filter(|r| judged_status(r) == Some(true))
                    .count(),
                judged: rows.iter().filter(|r| judged_status(r).is_some()).count(),
                not_applicable: rows
                    .iter()
                    .filter(|r| matches!(r.value, FigureValue::NotApplicable { .. }))
                    .count(),
                rows,
            })
        })
        .collect()
}

pub fn render(r: &PageContext) -> Pages {
    let model = r.model;
    // The list: the province, then departments and boards, then districts,
    // then communes and wards under each parent.
    let mut groups: Vec<Group> = Vec::new();
    let item = |u: &Unit| UnitItem {
        unit: unit_ref(model, u.id()),
        ended: u.entry.valid_to.map(|d| crate::vi::format_short_date(&d)),
        figures: model.figures_of_unit(u.id()).len(),
    };
    // The site's province first; the other provinces and the country
    // (units of league tables) last.
    let own = model.site.province.as_str();
    let sections: [(&str, &[UnitKind]); 3] = [
        ("Tỉnh", &[UnitKind::Province]),
        (
            "Sở, ban, ngành tỉnh",
            &[UnitKind::Department, UnitKind::Board],
        ),
        (
            "Huyện, thị xã, thành phố",
            &[UnitKind::District, UnitKind::Town, UnitKind::City],
        ),
    ];
    for (title, kinds) in sections {
        let units: Vec<UnitItem> = model
            .units
            .iter()
            .filter(|u| kinds.contains(&u.entry.kind))
            .filter(|u| u.entry.kind != UnitKind::Province || u.id() == own)
            .map(item)
            .collect();
        if !units.is_empty() {
            groups.push(Group {
                title: title.into(),
                count: units.len(),
                units,
                parent: None,
            });
        }
    }
    // Communes and wards under each parent, parents in file order.
    let order: HashMap<&str, usize> = model
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.id(), i))
        .collect();
    let mut by_parent: BTreeMap<(usize, &str), Vec<UnitItem>> = BTreeMap::new();
    for u in &model.units {
        if let (UnitKind::Commune | UnitKind::Ward, Some(p)) =
            (u.entry.kind, u.entry.parent.as_deref())
        {
            let key = (order.get(p).copied().unwrap_or(usize::MAX), p);
            by_parent.entry(key).or_default().push(item(u));
        }
    }
    let split = model.units.len() > MAX_LISTED;
    for ((_, parent), units) in by_parent {
        let name = model
            .unit(parent)
            .map_or(parent.to_string(), |p| p.display_name().to_string());
        groups.push(Group {
            title: format!("Xã, phường thuộc {name}"),
            count: units.len(),
            units: if split { Vec::new() } else { units },
            parent: (split && model.unit(parent).is_some()).then(|| unit_ref(model, parent)),
        });
    }
    let orphans: Vec<UnitItem> = model
        .units
        .iter()
        .filter(|u| {
            matches!(u.entry.kind, UnitKind::Commune | UnitKind::Ward) && u.entry.parent.is_none()
        })
        .map(item)
        .collect();
    if !orphans.is_empty() {
        groups.push(Group {
            title: "Xã, phường".into(),
            count: orphans.len(),
            units: orphans,
            parent: None,
        });
    }
    let others: Vec<UnitItem> = model
        .units
        .iter()
        .filter(|u| {
            u.entry.kind == UnitKind::Country
                || (u.entry.kind == UnitKind::Province && u.id() != own)
        })
        .map(item)
        .collect();
    if !others.is_empty() {
        groups.push(Group {
            title: "Cả nước và các tỉnh, thành phố khác".into(),
            count: others.len(),
            units: others,
            parent: None,
        });
    }
    let pages = vec![r.page(
        &paths::file_of(paths::UNITS),
        "units.html",
        "units",
        "Đơn vị",
        &groups,
    )?];

    // Dispatches that name each unit without figures about it: as issuer or in a mention.
    let mut named: HashMap<&str, Vec<(&str, Option<&str>)>> = HashMap::new();
    for d in &model.dispatches {
        if let Some(issuer) = d.file.issuer_unit() {
            named.entry(issuer).or_default().push((&d.slug, None));
        }
        for m in &d.file.mentions {
            named
                .entry(m.unit.as_str())
                .or_default()
                .push((&d.slug, Some(&m.note)));
        }
    }
    let peers = if r.affected.is_all() {
        PeerIndex::new(model)
    } else {
        PeerIndex::of_units(model, |id| r.affected.unit(id))
    };
    model
        .units
        .par_iter()
        .filter(|u| r.affected.unit(u.id()))
        .try_for_each(|u| {
            let named = named.get(u.id()).map(Vec::as_slice).unwrap_or_default();
            r.writer.put_all(unit_pages(r, u, named, &peers)?)
        })?;
    Ok(pages)
}

/// A unit's page, the CSV of each of its histories, and redirects from its former ids.
fn unit_pages(
    r: &PageContext,
    u: &Unit,
    named: &[(&str, Option<&str>)],
    peers: &PeerIndex,
) -> Pages {
    let model = r.model;
    let refs = |ids: &[String]| ids.iter().map(|i| unit_ref(model, i)).collect::<Vec<_>>();
    let figures = model.figures_of_unit(u.id());
    // The dispatches with the unit's figures are linked from the history
    // tables, period by period; those that mention the unit are listed
    // with what they say of it; the list names the others (as issuer).
    let mut mentions = Vec::new();
    let mut mentioned: BTreeSet<&str> = BTreeSet::new();
    for (slug, note) in named {
        if let Some(note) = note {
            mentioned.insert(slug);
            if let Some(d) = model.dispatch(slug) {
                mentions.push((dispatch_ref(d), note.to_string()));
            }
        }
    }
    let slugs: BTreeSet<&str> = named
        .iter()
        .map(|(slug, _)| *slug)
        .filter(|slug| !mentioned.contains(slug))
        .collect();
    let mut dispatches: Vec<DispatchRef> = slugs
        .into_iter()
        .filter_map(|s| model.dispatch(s))
        .map(dispatch_ref)
        .collect();
    dispatches.sort_by(|a, b| (b.date, &b.slug).cmp(&(a.date, &a.slug)));
    let page = UnitPage {
        unit: u,
        scorecard: scorecard(model, u.id(), &figures, Some(peers)),
        kind_label: kind_label(u.entry.kind),
        parent: u.entry.parent.as_deref().map(|p| unit_ref(model, p)),
        children: refs(&u.children),
        predecessors: refs(&u.predecessors),
        successors: refs(&u.entry.successors),
        histories: histories(r, u.id(), Some(peers)),
        dispatches,
        mentions,
        league: (u.id() == model.site.province)
            .then(|| super::league::league(model, &paths::file_of(&paths::unit(u.id()))))
            .flatten(),
    };
    let charts = page
        .histories
        .iter()
        .map(|h| {
            usize::from(h.chart.is_some())
                + usize::from(h.peer_chart.is_some())
                + usize::from(h.rank_chart.is_some())
                + h.more_charts.len()
        })
        .sum();
    let unit_page = r.page(
        &paths::file_of(&paths::unit(u.id())),
        "unit.html",
        "units",
        &u.entry.name,
        &page,
    )?;
    let mut pages = vec![unit_page.with_charts(charts)];
    for h in &page.histories {
        let own: Vec<_> = figures
            .iter()
            .copied()
            .filter(|f| *f.indicator == *h.indicator.id)
            .collect();
        pages.push(Page::file(
            paths::unit_chart_csv(u.id(), &h.indicator.id),
            super::open_data::csv_of(model, &own, &super::open_data::HISTORY_COLUMNS),
        ));
        // The peers' figures drawn beside the unit's latest one.
        if h.peer_chart.is_some() {
            let latest = own.iter().rev().find(|f| f.value.number().is_some());
            if let Some((all, _)) = latest.and_then(|f| peers.peers(model, f)) {
                let shown: Vec<_> = all.iter().map(|(_, f)| *f).collect();
                pages.push(Page::file(
                    paths::unit_peers_csv(u.id(), &h.indicator.id),
                    super::open_data::csv(model, &shown),
                ));
            }
        }
    }
    for old in &u.entry.former_ids {
        let redirect = Redirect {
            from: old.clone(),
            to: unit_ref(model, u.id()),
        };
        pages.push(r.page(
            &paths::file_of(&paths::unit(old)),
            "redirect.html",
            "units",
            &u.entry.name,
            &redirect,
        )?);
    }
    Ok(pages)
}
