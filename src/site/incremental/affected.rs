//! Which pages a build renders: all of them, or, when `serve` rebuilds
//! after dispatch files changed, only those that show something of the
//! changed dispatches. Lists, the home page and the feeds are always
//! rendered; they are few.
//!
//! The incremental tests check that a partial rebuild gives the
//! same bytes as a full build, for every kind of edit.

use crate::model::Period;
use crate::model::{Dispatch, Figure, Model};
use std::collections::{BTreeSet, HashMap, HashSet};

/// The pages a change reaches, and so the pages a build renders.
#[derive(Debug, Clone, Default)]
pub enum Affected {
    /// Every page: a full build.
    #[default]
    All,
    /// Those that show something of the changes.
    Changes(Box<Changes>),
}

/// What the changed dispatches touch, in the old and in the new content.
#[derive(Debug, Clone, Default)]
pub struct Changes {
    pub dispatches: HashSet<String>,
    /// Units with figures in them, their issuers and the units they mention.
    pub units: HashSet<String>,
    /// Their periods.
    pub periods: HashSet<Period>,
    /// Indicators of the figures that changed (or whose dispatch reference did).
    pub indicators: HashSet<String>,
    /// The province's total changed: every month page charts it (and
    /// links to the months beside it with their totals).
    pub all_months: bool,
    /// The first record of the open data files that may differ, if any.
    pub data_from: Option<usize>,
    /// A dispatch's reference (number, title, subject) changed: the search
    /// index holds them.
    pub citations: bool,
}

impl Affected {
    pub fn is_all(&self) -> bool {
        matches!(self, Affected::All)
    }
    pub fn unit(&self, id: &str) -> bool {
        match self {
            Affected::All => true,
            Affected::Changes(c) => c.units.contains(id),
        }
    }
    pub fn period(&self, p: &Period) -> bool {
        match self {
            Affected::All => true,
            Affected::Changes(c) => c.all_months || c.periods.contains(p),
        }
    }
    pub fn indicator(&self, id: &str) -> bool {
        match self {
            Affected::All => true,
            Affected::Changes(c) => c.indicators.contains(id),
        }
    }
    pub fn dispatch(&self, slug: &str) -> bool {
        match self {
            Affected::All => true,
            Affected::Changes(c) => c.dispatches.contains(slug),
        }
    }
    /// Whether the search index is written again.
    pub fn search_index(&self) -> bool {
        match self {
            Affected::All => true,
            Affected::Changes(c) => c.citations,
        }
    }
    /// The first record of the open data files to write again, if any.
    pub fn data_from(&self) -> Option<usize> {
        match self {
            Affected::All => Some(0),
            Affected::Changes(c) => c.data_from,
        }
    }

    /// The pages a rebuild renders after the dispatches `slugs` changed from
    /// `old` to `new`; everything when the change reaches every page (a
    /// dispatch added or removed, a period appearing or disappearing).
    pub fn of_change(old: &Model, new: &Model, slugs: &BTreeSet<String>) -> Affected {
        let ids = |m: &Model| {
            m.dispatches
                .iter()
                .map(|d| d.slug.clone())
                .collect::<BTreeSet<_>>()
        };
        if ids(old) != ids(new) || old.periods() != new.periods() {
            return Affected::All;
        }
        let mut c = Changes::default();
        // A unit's scorecard shows its place among its peers (the units of
        // its parent and level) with a figure of the same indicator and
        // period: a changed value moves the places of the peers whose value
        // lies between the old and the new one; a value that comes or goes,
        // every peer's place.
        let mut ranked: Vec<(&str, Moved)> = Vec::new();
        for slug in slugs {
            let (Some(was), Some(now)) = (old.dispatch(slug), new.dispatch(slug)) else {
                continue;
            };
            // The dispatch page also names the file it comes from.
            if was.file == now.file && was.source == now.source {
                continue;
            }
            if was.file.period != now.file.period {
                // Months list their dispatches, and a theme may show the
                // counts beside each month: rare enough to build it all.
                return Affected::All;
            }
            // A league table of provinces reaches the home page and the
            // province's: rare enough to build it all.
            if is_league(old, was) || is_league(new, now) {
                return Affected::All;
            }
            c.dispatches.insert(slug.clone());
            c.periods.extend(was.file.period);
            c.periods.extend(now.file.period);
            c.units.extend(was.file.issuer_unit().map(str::to_string));
            c.units.extend(now.file.issuer_unit().map(str::to_string));
            // Unit pages show the dispatch's reference with each figure,
            // and its mentions: when the reference changed, every unit it
            // names; otherwise those whose figures or mentions changed.
            let same_ref = was.citation() == now.citation();
            let (figs_was, figs_now) = (by_unit(old, slug), by_unit(new, slug));
            let units: BTreeSet<&str> = figs_was.keys().chain(figs_now.keys()).copied().collect();
            for unit in units {
                let (was_figs, now_figs) = (figs_was.get(unit), figs_now.get(unit));
                if same_ref && was_figs == now_figs {
                    continue;
                }
                c.units.insert(unit.to_string());
                if was_figs != now_figs {
                    ranked.extend(
                        moved_values(was_figs, now_figs)
                            .into_iter()
                            .map(|moved| (unit, moved)),
                    );
                }
                for f in [was_figs, now_figs].into_iter().flatten().flatten() {
                    c.periods.insert(f.period);
                    c.indicators.insert(f.indicator.to_string());
                    c.all_months |= *f.unit == *new.site.province && &*f.indicator == "tong-diem";
                }
            }
            let mentions = |d: &Dispatch| -> BTreeSet<(String, String, Option<String>)> {
                d.file
                    .mentions
                    .iter()
                    .map(|m| (m.unit.clone(), m.note.clone(), m.printed_name.clone()))
                    .collect()
            };
            let (m_was, m_now) = (mentions(was), mentions(now));
            for (unit, _, _) in m_was.symmetric_difference(&m_now) {
                c.units.insert(unit.clone());
            }
            if !same_ref {
                c.citations = true;
                c.units.extend(m_now.into_iter().map(|(u, _, _)| u));
            }
        }
        for m in [old, new] {
            for (unit, (period, indicator, span)) in &ranked {
                // Only its peers (same parent, same level) share places.
                let Some(group) = m.unit(unit).map(|u| u.peer_group()) else {
                    continue;
                };
                c.units.extend(
                    m.figures_of_period(period)
                        .into_iter()
                        .filter(|f| &*f.indicator == *indicator)
                        .filter(|f| m.unit(&f.unit).is_some_and(|u| u.peer_group() == group))
                        .filter(|f| match (span, f.value.number()) {
                            (Some((lo, hi)), Some(v)) => {
                                *lo <= v && v <= *hi || short_history(m, &f.unit, indicator)
                            }
                            (Some(_), None) => false,
                            (None, _) => true,
                        })
                        .map(|f| f.unit.to_string()),
                );
            }
        }
        // A record shows its figure and its dispatch's number.
        let renumbered: HashSet<&str> = c
            .dispatches
            .iter()
            .filter(|s| {
                old.dispatch(s).map(Dispatch::number_text)
                    != new.dispatch(s).map(Dispatch::number_text)
            })
            .map(String::as_str)
            .collect();
        c.data_from = if old.figures.len() != new.figures.len() {
            Some(0)
        } else {
            old.figures
                .iter()
                .zip(&new.figures)
                .position(|(a, b)| a != b || renumbered.contains(&*b.dispatch))
        };
        Affected::Changes(Box::new(c))
    }
}

/// An indicator and period whose value changed, and the span the value
/// moved over (none when a value came or went).
type Moved<'a> = (Period, &'a str, Option<(f64, f64)>);

/// One unit's figures in a dispatch before and after: each indicator and
/// period whose value changed (or only its printed decimals), with the span
/// it moved over (none when a value came or went).
fn moved_values<'a>(
    was: Option<&Vec<&'a Figure>>,
    now: Option<&Vec<&'a Figure>>,
) -> Vec<Moved<'a>> {
    let (was, now) = (
        was.map(Vec::as_slice).unwrap_or_default(),
        now.map(Vec::as_slice).unwrap_or_default(),
    );
    let mut out = Vec::new();
    for f in was.iter().chain(now) {
        // As printed: the same value with other decimals changes what the
        // peers' bar charts print, if no place.
        let find = |side: &[&'a Figure]| {
            side.iter()
                .find(|g| g.period == f.period && g.indicator == f.indicator)
                .and_then(|g| g.value.num())
        };
        let span = match (find(was), find(now)) {
            (Some(a), Some(b)) if a == b => continue,
            (Some(a), Some(b)) => Some((a.value.min(b.value), a.value.max(b.value))),
            (None, None) => continue,
            _ => None,
        };
        out.push((f.period, &*f.indicator, span));
    }
    out
}

/// A dispatch's figures by unit.
fn by_unit<'a>(model: &'a Model, slug: &str) -> HashMap<&'a str, Vec<&'a Figure>> {
    let mut out: HashMap<&str, Vec<&Figure>> = HashMap::new();
    for f in model.figures_of_dispatch(slug) {
        out.entry(&*f.unit).or_default().push(f);
    }
    out
}

/// Whether `unit`'s page draws its latest figure of `indicator` among its
/// peers' (a history too short for a line): every peer's value shows there.
fn short_history(m: &Model, unit: &str, indicator: &str) -> bool {
    m.figures_of_unit(unit)
        .iter()
        .filter(|f| &*f.indicator == indicator && f.value.number().is_some())
        .count()
        < crate::site::pages::chart_data::MIN_POINTS
}

/// Whether a dispatch has a league table of provinces, which the home
/// page and the province's page show.
fn is_league(m: &Model, d: &Dispatch) -> bool {
    d.file
        .appendices
        .iter()
        .any(|a| crate::site::pages::league::is_league(m, a))
}
