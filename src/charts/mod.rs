//! SVG charts drawn at build time with plotters.
//!
//! Each chart is a complete `<svg>` element meant to be inlined in an HTML5
//! page: inline so it inherits the page's fonts (no font files, no system
//! font lookup), needs no extra request, and its `<title>`/`<desc>` are read
//! by screen readers together with the page.
//!
//! The flow: plotters lays out and draws the marks through a backend of
//! our own (`record`), which keeps each as the element plotters' SVG
//! backend would print (tag, attributes, text), its numbers rounded, with
//! the role of its group (`role`: the renderers announce each group by an
//! invisible sentinel text, which is not kept). A restyling pass
//! (`restyle`) then gives each element its role's class and dash pattern,
//! drops SVG defaults, and writes the final `<svg>` with its accessibility
//! wrapper and a `viewBox`. No SVG text is printed and read back.
//!
//! Embedding: the `<svg>` has a `viewBox` and no width or height, so it
//! fills its container (class `chart` on the root). Its type is sized for a
//! phone (about 11–12 px at 390 px wide); on wide screens cap the width,
//! e.g. `svg.chart { width: 100%; height: auto; max-width: 40rem }`.
//! Elements carry classes for styling and tests: `chart-point` (one per
//! plotted figure, with `chart-s1`/`chart-s2`; a run of filled dots is one
//! path, a dot per figure), `chart-line`, `chart-target`,
//! `chart-na`, `chart-bar` (`chart-miss` when the target is missed),
//! `chart-value`, `chart-key`.

mod bar;
mod line;
mod record;
mod restyle;
mod role;
mod scale;
mod summary;
mod text;

use plotters::style::RGBColor;

// Colours checked for WCAG AA on white (see the contrast test): text ≥ 4.5:1,
// lines and markers ≥ 3:1. Grid and band fills are decorative.
pub(crate) const TEXT: RGBColor = RGBColor(0x1b, 0x1b, 0x1b);
pub(crate) const MUTED: RGBColor = RGBColor(0x50, 0x5a, 0x5f);
pub(crate) const BLUE: RGBColor = RGBColor(0x0b, 0x4f, 0x8a);
pub(crate) const RED: RGBColor = RGBColor(0xb3, 0x26, 0x1e);
pub(crate) const SERIES2: RGBColor = RGBColor(0x8a, 0x4b, 0x08);
pub(crate) const GRID: RGBColor = RGBColor(0xdd, 0xe1, 0xe4);
/// Peers' bars beside a highlighted unit (3:1 on white).
pub(crate) const PEER: RGBColor = RGBColor(0x86, 0x92, 0x9b);
pub(crate) const BAND: RGBColor = RGBColor(0xee, 0xf0, 0xf2);

/// A plotters font of `px` CSS pixels: the recorder, like plotters' SVG
/// backend, says size / 1.24.
pub(crate) fn font(px: f64) -> plotters::style::FontDesc<'static> {
    use plotters::style::IntoFont;
    ("sans-serif", px * 1.24).into_font()
}

/// One month's figure (or one unit's figure in a bar chart).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Datum {
    /// A published figure. NaN or infinite values count as [`Datum::Missing`].
    Value(f64),
    /// A published figure with the number of decimals it was printed with,
    /// so that labels and summaries say `15,0` where the dispatch does.
    Printed(f64, u8),
    /// The indicator does not apply that month: marked, never drawn as 0.
    NotApplicable,
    /// No figure published: a gap in the line.
    Missing,
}

impl Datum {
    /// The figure, if it is a usable number.
    pub fn value(&self) -> Option<f64> {
        match *self {
            Datum::Value(v) | Datum::Printed(v, _) if v.is_finite() => Some(v),
            _ => None,
        }
    }

    /// The printed decimals, when known.
    pub fn decimals(&self) -> Option<u8> {
        match *self {
            Datum::Printed(_, d) => Some(d),
            _ => None,
        }
    }

    fn is_not_applicable(&self) -> bool {
        matches!(self, Datum::NotApplicable)
    }
}

/// The value axis. Rates and scores always use their full range so that
/// charts can be compared side by side.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scale {
    /// 0–100 %.
    Percent,
    /// 0 to the group's maximum score.
    Points { max: f64 },
    /// 0 to a round ceiling above the largest figure (e-copy counts).
    Count,
    /// A rank among `of` (1 at the top, `of` at the bottom): a line that
    /// climbs is a unit that does better.
    Rank { of: f64 },
}

/// One line of a [`LineChart`].
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    /// One datum per x label; missing entries count as [`Datum::Missing`].
    pub data: Vec<Datum>,
}

/// A trend over months: the first series is the subject (unit or province),
/// the optional second one a reference such as the national average.
#[derive(Debug, Clone, PartialEq)]
pub struct LineChart {
    pub title: String,
    /// Short month labels such as `T10/2023`.
    pub x_labels: Vec<String>,
    /// One or two series; further series are ignored.
    pub series: Vec<Series>,
    pub scale: Scale,
    pub target: Option<f64>,
    /// Text next to the target line, e.g. `Mục tiêu 60%`.
    pub target_label: Option<String>,
    /// Unique per page, `[a-z0-9-]`: prefix of every `id` inside the SVG.
    pub id: String,
}

/// A change of the unit itself on a line chart's time axis, such as a
/// merger: a dashed vertical rule with a short label, so that a line that
/// goes on across it is not read as one unit's unbroken history.
#[derive(Debug, Clone, PartialEq)]
pub struct Break {
    /// Where on the x axis, in label indexes: `3.0` through the fourth
    /// label's period (the change falls inside it), `2.5` between the third
    /// and the fourth. Outside the axis it is not drawn.
    pub at: f64,
    /// Short text beside the rule, e.g. `Sáp nhập 01/7/2025`.
    pub label: String,
}

/// One unit in a [`BarChart`].
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: Datum,
    /// Whether the unit met the target; `Some(false)` bars are hatched.
    pub met: Option<bool>,
}

/// Units ranked as horizontal bars, in the order given.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub title: String,
    pub bars: Vec<Bar>,
    pub scale: Scale,
    pub target: Option<f64>,
    pub target_label: Option<String>,
    /// Unique per page, `[a-z0-9-]`: prefix of every `id` inside the SVG.
    pub id: String,
    /// The bar of the unit the page is about: drawn in colour and outlined,
    /// its name in bold, the other bars (its peers) in grey.
    pub highlight: Option<usize>,
}

/// The line chart as an inline `<svg>` element.
pub fn line_chart(c: &LineChart) -> String {
    line::render(c, &[])
}

/// The line chart with its [`Break`]s marked (rules, labels, and a
/// sentence of its `<desc>` for each).
pub fn line_chart_with_breaks(c: &LineChart, breaks: &[Break]) -> String {
    line::render(c, breaks)
}

/// The bar chart as an inline `<svg>` element, drawn for a phone.
pub fn bar_chart(c: &BarChart) -> String {
    bar::render(c, bar::Width::Narrow)
}

/// The bar chart drawn for a wide screen (names on one line, about 880 px
/// wide); its ids end in `-rong`, so both drawings can share a page, one
/// hidden by CSS.
pub fn bar_chart_wide(c: &BarChart) -> String {
    bar::render(c, bar::Width::Wide)
}

/// A chart as a file of its own, outside a page of the site: with the
/// font and the white background the site's stylesheet gives inline charts.
pub fn standalone(svg: &str) -> String {
    let own = format!(
        "<svg font-family=\"{}\" style=\"background:#fff\"",
        restyle::FONT_STACK
    );
    svg.replacen("<svg", &own, 1)
}

/// One Vietnamese sentence describing the line chart (its `<desc>`).
pub fn line_summary(c: &LineChart) -> String {
    summary::line(c)
}

/// [`line_summary`] followed by a sentence per [`Break`] drawn.
pub fn line_summary_with_breaks(c: &LineChart, breaks: &[Break]) -> String {
    summary::line_with_breaks(c, breaks)
}

/// One Vietnamese sentence describing the bar chart (its `<desc>`).
pub fn bar_summary(c: &BarChart) -> String {
    summary::bar(c)
}

#[cfg(test)]
mod tests;
