//! The validated in-memory model: every dispatch, unit and indicator, and
//! every figure linked to its unit, indicator, period and source dispatch.
//! Built only by [`crate::content::load`]; everything in it has been checked.

use crate::content::dates::{Date, Period};
use crate::content::numbers::{Num, Rank};
use crate::content::schema::{
    DispatchFile, IndicatorEntry, SchemeEntry, SiteFile, Status, Target, UnitEntry,
};
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

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

#[derive(Debug, Clone, Serialize)]
pub struct Unit {
    #[serde(flatten)]
    pub entry: UnitEntry,
    /// Units whose `successors` name this one.
    pub predecessors: Vec<String>,
    /// Units whose `parent` is this one.
    pub children: Vec<String>,
}

impl Unit {
    pub fn id(&self) -> &str {
        &self.entry.id
    }
    pub fn display_name(&self) -> &str {
        self.entry.short_name.as_deref().unwrap_or(&self.entry.name)
    }
    /// Whether the unit existed at some time within `[from, to]`.
    pub fn valid_during(&self, from: Date, to: Date) -> bool {
        self.entry.valid_from.is_none_or(|f| f <= to)
            && self.entry.valid_to.is_none_or(|t| t >= from)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Dispatch {
    /// File stem; the page is `van-ban/<slug>/`.
    pub slug: String,
    /// Path relative to the content folder, for "source" links and errors.
    pub source: PathBuf,
    #[serde(flatten)]
    pub file: DispatchFile,
}

impl Dispatch {
    /// "68/VPUB-PVHCC&KSTT", or "/VP" when the number is blank.
    pub fn number_text(&self) -> String {
        match self.file.number {
            Some(n) => format!("{}/{}", n.0, self.file.symbol),
            None => format!("/{}", self.file.symbol),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FigureValue {
    Value { value: Num },
    NotApplicable { reason: String },
    NotPublished { reason: Option<String> },
}

impl FigureValue {
    pub fn number(&self) -> Option<f64> {
        match self {
            FigureValue::Value { value } => Some(value.value),
            _ => None,
        }
    }
}

/// Where in its dispatch a figure is printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FigureSource {
    /// The results in the text (total, groups).
    Results,
    /// An appendix table, by its printed number (I, II, III).
    Appendix { number: Id },
}

/// An id shared by many figures (unit, indicator, dispatch): cloning a
/// figure copies no text, which keeps `serve`'s rebuilds fast.
pub type Id = Arc<str>;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    pub period: Period,
    pub unit: Id,
    pub indicator: Id,
    pub value: FigureValue,
    /// Maximum points, for a points indicator (from the scheme in force).
    pub max: Option<Num>,
    /// Target in force for this figure (printed in the appendix, or the default).
    pub target: Option<Arc<Target>>,
    /// Published status, as printed.
    pub status: Option<Status>,
    pub rank: Option<Rank>,
    pub national_average: Option<Num>,
    pub rate: Option<Num>,
    /// Slug of the source dispatch.
    pub dispatch: Id,
    pub source: FigureSource,
    /// Id of the scheme the figure is read against, for points.
    pub scheme: Option<Id>,
}

impl Figure {
    /// Whether the figure meets its target, when that can be told.
    pub fn meets_target(&self) -> Option<bool> {
        let t = self.target.as_ref()?;
        self.value.number().map(|v| v >= t.at_least.value)
    }
}

/// Looked up for every figure rendered: FxHash, which is much faster than
/// the default SipHash on short ids (no untrusted keys: ids are validated).
#[derive(Debug, Clone, Default)]
struct Index {
    unit: FxHashMap<String, usize>,
    indicator: FxHashMap<String, usize>,
    dispatch: FxHashMap<String, usize>,
    by_unit: FxHashMap<Id, Vec<usize>>,
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
        let ((by_unit, by_indicator), (by_dispatch, by_period)) = rayon::join(
            || rayon::join(|| by(|f| &f.unit), || by(|f| &f.indicator)),
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
        scheme_for(&self.schemes, period)
    }
}

pub(crate) fn scheme_for<'a>(
    schemes: &'a [SchemeEntry],
    period: &Period,
) -> Option<&'a SchemeEntry> {
    schemes
        .iter()
        .find(|s| s.valid_from <= period.start() && s.valid_to.is_none_or(|t| t >= period.end()))
}
