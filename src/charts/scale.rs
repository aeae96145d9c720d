//! Value axes: range, tick positions and Vietnamese number formatting.

use std::ops::Range;

use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};

use super::Scale;
use crate::vi;

/// A linear f64 coordinate with our own tick positions. Plotters'
/// `with_key_points` wrapper loses the default label formatter that
/// `configure_mesh` requires, so this replaces it.
pub(crate) struct Ticked {
    pub range: Range<f64>,
    pub ticks: Vec<f64>,
    /// Draw the range's start at the far end: ranks put 1 at the top.
    pub inverted: bool,
}

impl Ranged for Ticked {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, v: &f64, limit: (i32, i32)) -> i32 {
        let span = self.range.end - self.range.start;
        if span <= 0.0 || !v.is_finite() {
            return limit.0;
        }
        let mut t = (v - self.range.start) / span;
        if self.inverted {
            t = 1.0 - t;
        }
        limit.0 + (f64::from(limit.1 - limit.0) * t).round() as i32
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        // Only bold points: no minor grid lines.
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> Range<f64> {
        self.range.clone()
    }
}

/// The value axis of one chart: starts at 0, except ranks (1 to the
/// number ranked, drawn with 1 at the top).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Axis {
    pub start: f64,
    pub top: f64,
    pub ticks: Vec<f64>,
    pub inverted: bool,
}

/// Preferred numbers of intervals between ticks, best first.
const DENSE: [f64; 4] = [5.0, 4.0, 3.0, 6.0];
/// For narrow axes whose labels would touch: fewer, still round, ticks.
const SPARSE: [f64; 3] = [4.0, 2.0, 3.0];

impl Axis {
    /// `values` are the finite figures drawn (and the target), used only by
    /// [`Scale::Count`]: rates and scores keep their full range.
    pub fn new(scale: &Scale, values: impl IntoIterator<Item = f64>) -> Axis {
        Self::build(scale, values, &DENSE)
    }

    /// Like [`Axis::new`] with about half as many ticks.
    pub fn sparse(scale: &Scale, values: impl IntoIterator<Item = f64>) -> Axis {
        Self::build(scale, values, &SPARSE)
    }

    fn build(scale: &Scale, values: impl IntoIterator<Item = f64>, prefer: &[f64]) -> Axis {
        match *scale {
            Scale::Percent => fixed(100.0, prefer),
            Scale::Points { max } if max.is_finite() && max > 0.0 => fixed(max, prefer),
            // A score without a usable maximum: fall back to the data.
            Scale::Points { .. } => count(values, false, prefer[0]),
            Scale::Count => count(values, true, prefer[0]),
            Scale::Rank { of } => rank(values, of, prefer[0]),
        }
    }

    /// `value` clamped into the axis, for drawing only.
    pub fn clamp(&self, value: f64) -> f64 {
        value.clamp(self.start, self.top)
    }

    /// Whether `value` lies on the axis.
    pub fn contains(&self, value: f64) -> bool {
        (self.start..=self.top).contains(&value)
    }

    /// The coordinate of the axis for plotters.
    pub fn ranged(&self) -> Ticked {
        Ticked {
            range: self.start..self.top,
            ticks: self.ticks.clone(),
            inverted: self.inverted,
        }
    }
}

/// Ranks from 1 (top) to the number ranked, or to the worst rank drawn
/// when that is larger (a denominator that changed over time).
fn rank(values: impl IntoIterator<Item = f64>, of: f64, intervals: f64) -> Axis {
    let worst = values
        .into_iter()
        .filter(|v| v.is_finite())
        .fold(of, f64::max)
        .max(2.0)
        .round();
    let step = nice_ceil((worst - 1.0) / intervals).max(1.0);
    let mut ticks = vec![1.0];
    ticks.extend(
        (1..)
            .map(|i| i as f64 * step)
            .take_while(|t| *t < worst - 0.4 * step),
    );
    ticks.push(worst);
    Axis {
        start: 1.0,
        top: worst,
        ticks,
        inverted: true,
    }
}

/// Ticks for a fixed range: prefer a round step that lands on `top`.
fn fixed(top: f64, prefer: &[f64]) -> Axis {
    for &intervals in prefer {
        let step = top / intervals;
        if is_nice(step) {
            return Axis {
                start: 0.0,
                top,
                ticks: (0..=intervals as usize).map(|i| i as f64 * step).collect(),
                inverted: false,
            };
        }
    }
    // Odd maximum (e.g. 10.5): round ticks below it, then the maximum itself.
    let step = nice_ceil(top / prefer.first().copied().unwrap_or(5.0));
    let mut ticks: Vec<f64> = (0..)
        .map(|i| i as f64 * step)
        .take_while(|t| *t < top - 0.4 * step)
        .collect();
    ticks.push(top);
    Axis {
        start: 0.0,
        top,
        ticks,
        inverted: false,
    }
}

/// 0 to a round ceiling above the largest value.
fn count(values: impl IntoIterator<Item = f64>, integer: bool, intervals: f64) -> Axis {
    let max = values
        .into_iter()
        .filter(|v| v.is_finite())
        .fold(0.0_f64, f64::max);
    if max <= 0.0 {
        return Axis {
            start: 0.0,
            top: 5.0,
            ticks: (0..=5).map(f64::from).collect(),
            inverted: false,
        };
    }
    let mut step = nice_ceil(max / intervals);
    if integer {
        step = step.max(1.0);
    }
    let intervals = (max / step - 1e-9).ceil().max(1.0);
    let top = intervals * step;
    Axis {
        start: 0.0,
        top,
        ticks: (0..=intervals as usize).map(|i| i as f64 * step).collect(),
        inverted: false,
    }
}

/// The smallest of 1, 2, 2.5, 5 × 10^k that is ≥ `x` (x > 0).
fn nice_ceil(x: f64) -> f64 {
    let exp = 10f64.powf(x.log10().floor());
    for m in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if m * exp >= x * (1.0 - 1e-9) {
            return m * exp;
        }
    }
    10.0 * exp
}

fn is_nice(step: f64) -> bool {
    if !(step.is_finite() && step > 0.0) {
        return false;
    }
    let exp = 10f64.powf(step.log10().floor());
    let m = step / exp;
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .any(|n| (m - n).abs() < 1e-6)
}

/// Tick label: `60%`, `12,5`, `1.250`.
pub(crate) fn tick(scale: &Scale, v: f64) -> String {
    match scale {
        Scale::Percent => format!("{}%", vi::format_auto(v, 1)),
        Scale::Points { .. } => vi::format_auto(v, 2),
        Scale::Count | Scale::Rank { .. } => vi::format_auto(v, 0),
    }
}

/// A figure as stated in labels and summaries: `44,6%`, `55,02`, `1.038`.
pub(crate) fn value(scale: &Scale, v: f64) -> String {
    match scale {
        Scale::Percent => format!("{}%", vi::format_auto(v, 2)),
        Scale::Points { .. } | Scale::Count => vi::format_auto(v, 2),
        Scale::Rank { .. } => vi::format_auto(v, 0),
    }
}

/// A figure with its unit for sentences: scores read `55,02 điểm`.
pub(crate) fn value_long(scale: &Scale, v: f64) -> String {
    match scale {
        Scale::Points { .. } => format!("{} điểm", vi::format_auto(v, 2)),
        Scale::Rank { .. } => format!("hạng {}", vi::format_auto(v, 0)),
        _ => value(scale, v),
    }
}

/// [`value`] of a datum, with its printed decimals when known.
pub(crate) fn datum_value(scale: &Scale, d: &super::Datum) -> Option<String> {
    let v = d.value()?;
    Some(match (d.decimals(), scale) {
        (_, Scale::Rank { .. }) => vi::format_auto(v, 0),
        (Some(dec), Scale::Percent) => format!("{}%", vi::format_decimal(v, dec)),
        (Some(dec), _) => vi::format_decimal(v, dec),
        (None, _) => value(scale, v),
    })
}

/// [`value_long`] of a datum, with its printed decimals when known.
pub(crate) fn datum_value_long(scale: &Scale, d: &super::Datum) -> Option<String> {
    let text = datum_value(scale, d)?;
    Some(match scale {
        Scale::Points { .. } => format!("{text} điểm"),
        Scale::Rank { .. } => format!("hạng {text}"),
        _ => text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_ticks_every_twenty() {
        let a = Axis::new(&Scale::Percent, [250.0]);
        assert_eq!(a.top, 100.0);
        assert_eq!(a.ticks, vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!(tick(&Scale::Percent, 60.0), "60%");
    }

    #[test]
    fn points_ticks_end_at_the_maximum() {
        assert_eq!(
            Axis::new(&Scale::Points { max: 15.0 }, []).ticks,
            vec![0.0, 5.0, 10.0, 15.0]
        );
        assert_eq!(Axis::new(&Scale::Points { max: 10.0 }, []).ticks.len(), 6);
        let odd = Axis::new(&Scale::Points { max: 10.5 }, []);
        assert_eq!(odd.ticks.last(), Some(&10.5));
        assert!(odd.ticks.windows(2).all(|w| w[1] > w[0]));
        let broken = Axis::new(&Scale::Points { max: f64::NAN }, [3.0]);
        assert!(broken.top >= 3.0);
    }

    #[test]
    fn sparse_axes_keep_round_ends() {
        assert_eq!(
            Axis::sparse(&Scale::Percent, []).ticks,
            vec![0.0, 25.0, 50.0, 75.0, 100.0]
        );
        assert_eq!(
            Axis::sparse(&Scale::Points { max: 15.0 }, []).ticks.last(),
            Some(&15.0)
        );
        let c = Axis::sparse(&Scale::Count, [1038.0]);
        assert!(c.top >= 1038.0 && c.ticks.len() <= 5, "{c:?}");
    }

    #[test]
    fn count_ceiling_is_round() {
        let a = Axis::new(&Scale::Count, [1038.0, 12.0]);
        assert_eq!(a.top, 1250.0);
        assert_eq!(tick(&Scale::Count, 1250.0), "1.250");
        let empty = Axis::new(&Scale::Count, [f64::NAN]);
        assert_eq!(empty.top, 5.0);
        let small = Axis::new(&Scale::Count, [3.0]);
        assert_eq!(small.ticks, vec![0.0, 1.0, 2.0, 3.0]);
    }

    #[test]
    fn values_use_decimal_comma() {
        assert_eq!(value(&Scale::Percent, 44.6), "44,6%");
        assert_eq!(value(&Scale::Percent, 5.6312), "5,63%");
        assert_eq!(
            value_long(&Scale::Points { max: 100.0 }, 55.02),
            "55,02 điểm"
        );
        assert_eq!(value(&Scale::Count, 1038.0), "1.038");
    }
}
