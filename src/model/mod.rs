//! The validated in-memory model: every dispatch, unit and indicator, and
//! every figure linked to its unit, indicator, period and source dispatch.
//! Built only by [`crate::content::load`]; everything in it has been checked.
//!
//! The types here are also the content format: `content` deserializes the
//! files into them (strictly) and checks what serde cannot. Nothing here
//! reads files or renders anything: `content` depends on `model`, and
//! `site`, `charts` and `vi` depend on it; it depends on none of them.

pub mod catalog;
pub mod dates;
pub mod decimal;
pub mod dispatch;
pub mod figure;
pub mod moments;
pub mod numbers;
pub mod time_of_day;

pub use catalog::{
    Direction, IndicatorEntry, IndicatorsFile, License, Measure, SchemeEntry, SchemeGroup,
    SchemePart, SiteFile, Target, Unit, UnitEntry, UnitKind, UnitsFile,
};
pub use dates::{Date, PartialDate, Period, PERIOD_HINT_VI};
pub use dispatch::{
    Appendix, Change, Column, Detail, Dispatch, DispatchFile, DispatchKind, Footnote, GroupResult,
    Holds, Issuer, Mention, Note, Partial, Results, Row, Signature, Status, NATIONAL_PORTAL,
};
pub use figure::{Figure, FigureSource, FigureValue, Id, TOTAL};
pub use moments::{DocDate, Moment, UNKNOWN_DATE};
pub use numbers::{Cell, Count, Num, Rank, TO_FILL};
pub use time_of_day::Time;

use rustc_hash::FxHashMap;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Everything the site is built from, validated.
#[derive(Debug, Clone, Serialize)]
pub struct Model {
    pub site: SiteFile,
    /// In the order of `units.yaml`.
    pub units: Vec<Unit>,
    /// In the order of `indicators.yaml`.
    pub indicators: Vec<IndicatorEntry>,
    /// Ordered by start date.
    pub schemes: Vec<SchemeEntry>,
    /// Ordered by date of issue, then slug. Shared with `serve`'s cache of
    /// loaded files.
    pub dispatches: Vec<Arc<Dispatch>>,
    /// Ordered by period, dispatch, then document order.
    pub figures: Vec<Figure>,
    #[serde(skip)]
    index: Index,
}

/// Looked up for every figure rendered: FxHash, which is much faster than
/// the default SipHash on short ids (no untrusted keys: ids are validated).
#[derive(Debug, Clone, Default)]
struct Index {
    unit: FxHashMap<String, usize>,
    indicator: FxHashMap<String, usize>,
    dispatch: FxHashMap<String, usize>,
    by_unit: FxHashMap<Id, Vec<usize>>,
    /// A unit's figures of each indicator: a unit page reads them once per
    /// indicator and kind of chart.
    by_unit_indicator: FxHashMap<Id, FxHashMap<Id, Vec<usize>>>,
    by_period: BTreeMap<Period, Vec<usize>>,
    by_indicator: FxHashMap<Id, Vec<usize>>,
    by_dispatch: FxHashMap<Id, Vec<usize>>,
}

impl Model {
    pub(crate) fn new(
        site: SiteFile,
        units: Vec<Unit>,
        indicators: Vec<IndicatorEntry>,
        schemes: Vec<SchemeEntry>,
        dispatches: Vec<Arc<Dispatch>>,
        figures: Vec<Figure>,
    ) -> Model {
        let mut index = Index::default();
        for (i, u) in units.iter().enumerate() {
            index.unit.insert(u.entry.id.clone(), i);
        }
        for (i, ind) in indicators.iter().enumerate() {
            index.indicator.insert(ind.id.clone(), i);
        }
        for (i, d) in dispatches.iter().enumerate() {
            index.dispatch.insert(d.slug.clone(), i);
        }
        // Four independent passes over up to a million figures: in parallel.
        let by = |key: fn(&Figure) -> &Id| {
            let mut map: FxHashMap<Id, Vec<usize>> = FxHashMap::default();
            for (i, f) in figures.iter().enumerate() {
                map.entry(key(f).clone()).or_default().push(i);
            }
            map
        };
        let by_unit_indicator = || {
            let mut map: FxHashMap<Id, FxHashMap<Id, Vec<usize>>> = FxHashMap::default();
            for (i, f) in figures.iter().enumerate() {
                let of_unit = map.entry(f.unit.clone()).or_default();
                of_unit.entry(f.indicator.clone()).or_default().push(i);
            }
            map
        };
        let (((by_unit, by_unit_indicator), by_indicator), (by_dispatch, by_period)) = rayon::join(
            || {
                rayon::join(
                    || rayon::join(|| by(|f| &f.unit), by_unit_indicator),
                    || by(|f| &f.indicator),
                )
            },
            || {
                rayon::join(
                    || by(|f| &f.dispatch),
                    || {
                        let mut map: BTreeMap<Period, Vec<usize>> = BTreeMap::new();
                        for (i, f) in figures.iter().enumerate() {
                            map.entry(f.period).or_default().push(i);
                        }
                        map
                    },
                )
            },
        );
        index.by_unit = by_unit;
        index.by_unit_indicator = by_unit_indicator;
        index.by_indicator = by_indicator;
        index.by_dispatch = by_dispatch;
        index.by_period = by_period;
        Model {
            site,
            units,
            indicators,
            schemes,
            dispatches,
            figures,
            index,
        }
    }

    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.index.unit.get(id).map(|&i| &self.units[i])
    }

    pub fn indicator(&self, id: &str) -> Option<&IndicatorEntry> {
        self.index.indicator.get(id).map(|&i| &self.indicators[i])
    }

    pub fn dispatch(&self, slug: &str) -> Option<&Dispatch> {
        self.index.dispatch.get(slug).map(|&i| &*self.dispatches[i])
    }

    fn pick(&self, ids: Option<&Vec<usize>>) -> Vec<&Figure> {
        ids.map(|v| v.iter().map(|&i| &self.figures[i]).collect())
            .unwrap_or_default()
    }

    /// A unit's figures, ordered by period.
    pub fn figures_of_unit(&self, unit: &str) -> Vec<&Figure> {
        self.pick(self.index.by_unit.get(unit))
    }

    /// A unit's figures of one indicator, in the order of [`Model::figures`].
    pub fn figures_of_unit_indicator(&self, unit: &str, indicator: &str) -> Vec<&Figure> {
        self.pick(
            self.index
                .by_unit_indicator
                .get(unit)
                .and_then(|m| m.get(indicator)),
        )
    }

    /// Every unit id that figures name, with the indexes of its figures in
    /// [`Model::figures`], ascending (in no particular order of units).
    pub fn figure_ids_by_unit(&self) -> impl Iterator<Item = (&str, &[usize])> {
        self.index
            .by_unit
            .iter()
            .map(|(unit, ids)| (&**unit, ids.as_slice()))
    }

    pub fn figures_of_period(&self, period: &Period) -> Vec<&Figure> {
        self.pick(self.index.by_period.get(period))
    }

    pub fn figures_of_dispatch(&self, slug: &str) -> Vec<&Figure> {
        self.pick(self.index.by_dispatch.get(slug))
    }

    pub fn figures_of_indicator(&self, indicator: &str) -> Vec<&Figure> {
        self.pick(self.index.by_indicator.get(indicator))
    }

    /// Every period that has figures or a dispatch covering it, oldest first.
    pub fn periods(&self) -> Vec<Period> {
        let mut all: Vec<Period> = self.index.by_period.keys().copied().collect();
        for d in &self.dispatches {
            if let Some(p) = d.file.period {
                all.push(p);
            }
        }
        all.sort_by_key(|p| (p.sort_key(), *p));
        all.dedup();
        all
    }

    /// Dispatches covering `period`.
    pub fn dispatches_of_period(&self, period: &Period) -> Vec<&Dispatch> {
        self.dispatches
            .iter()
            .filter(|d| d.file.period.as_ref() == Some(period))
            .map(|d| &**d)
            .collect()
    }

    /// Whether `unit` is `ancestor` or lies below it by `parent` links.
    pub fn is_within(&self, unit: &str, ancestor: &str) -> bool {
        let mut cur = Some(unit);
        // Parent chains are acyclic (validated); the bound is a second guard.
        for _ in 0..=self.units.len() {
            match cur {
                Some(u) if u == ancestor => return true,
                Some(u) => cur = self.unit(u).and_then(|x| x.entry.parent.as_deref()),
                None => return false,
            }
        }
        false
    }

    /// The scheme in force for `period`.
    pub fn scheme_for(&self, period: &Period) -> Option<&SchemeEntry> {
        catalog::scheme_for(&self.schemes, period)
    }
}
