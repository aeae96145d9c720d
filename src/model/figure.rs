//! A figure: one value of one indicator for one unit and period, linked to
//! the dispatch that prints it.

use super::catalog::Target;
use super::dates::Period;
use super::dispatch::Status;
use super::numbers::{Num, Rank};
use serde::Serialize;
use std::sync::Arc;

/// The id of the total score (`tổng điểm`), the indicator every results
/// dispatch prints and the home and month pages lead with.
pub const TOTAL: &str = "tong-diem";

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FigureValue {
    Value { value: Num },
    NotApplicable { reason: String },
    NotPublished { reason: Option<String> },
}

impl FigureValue {
    pub fn number(&self) -> Option<f64> {
        self.num().map(|n| n.value)
    }

    /// The figure as printed (its decimals kept), when there is one.
    pub fn num(&self) -> Option<Num> {
        match self {
            FigureValue::Value { value } => Some(*value),
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
    /// An appendix table, by its printed number (I, II, III), and the row
    /// by its printed STT or code ("15", "H31.05").
    Appendix { number: Id, row: Id },
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
