//! Monthly trend: one or two series on an honest value axis.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::record::{Drawing, Recorder};
use super::restyle::{finish, Frame};
use super::role::{mark, Role};
use super::scale::{tick, value, Axis, Ticked};
use super::text::{clean, width, wrap};
use super::{font, Break, Datum, LineChart, BAND, BLUE, GRID, MUTED, RED, SERIES2, TEXT};

const W: u32 = 640;
const H: u32 = 320;
/// Sizes in viewBox units. The chart is shown at ~0.56× on a 390 px phone
/// (12,3 px) and at most 512 px wide on a desktop (0,8×: 17,6 px).
const TICK: f64 = 22.0;
const LEGEND: f64 = 22.0;
const NOTE: f64 = 22.0;
/// Room above the plot for the direct label of the newest value.
const VALUE_ROOM: i32 = 26;
const LEGEND_ROW: i32 = 30;
const PAD: i32 = 8;
const X_AREA: i32 = 38;
/// Most month labels on the x axis: thinning by count keeps them apart.
const MAX_X_LABELS: usize = 7;
const NA_TEXT: &str = "Không áp dụng";
const NO_DATA: &str = "Chưa có số liệu";

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// The chart's data made safe: labels cleaned, data padded to the labels,
/// non-finite figures turned into gaps.
struct Prepared {
    labels: Vec<String>,
    series: Vec<(String, Vec<Datum>)>,
    axis: Axis,
    target: Option<f64>,
}

fn prepare(c: &LineChart) -> Prepared {
    let labels: Vec<String> = c.x_labels.iter().map(|l| clean(l)).collect();
    let series: Vec<(String, Vec<Datum>)> = c
        .series
        .iter()
        .take(2)
        .map(|s| {
            let data = (0..labels.len())
                .map(|i| match s.data.get(i) {
                    Some(d @ (Datum::Value(_) | Datum::Printed(..))) if d.value().is_none() => {
                        Datum::Missing
                    }
                    Some(d) => *d,
                    None => Datum::Missing,
                })
                .collect();
            (clean(&s.name), data)
        })
        .collect();
    let target = c.target.filter(|t| t.is_finite());
    let values = series
        .iter()
        .flat_map(|(_, d)| d.iter().filter_map(Datum::value));
    let axis = Axis::new(&c.scale, values.chain(target));
    Prepared {
        labels,
        series,
        axis,
        target,
    }
}

/// Indices of the x labels to print: evenly spaced, first and last always,
/// never closer than one label width.
pub(crate) fn thin_labels(widths: &[f64], plot_width: f64) -> Vec<usize> {
    let n = widths.len();
    if n == 0 {
        return vec![];
    }
    let slot = plot_width / n as f64;
    let widest = widths.iter().cloned().fold(0.0, f64::max) + 12.0;
    let by_width = (widest / slot).ceil().max(1.0) as usize;
    let by_count = (n - 1).div_ceil(MAX_X_LABELS - 1).max(1);
    let step = by_width.max(by_count);
    let mut picked: Vec<usize> = (0..n).step_by(step).collect();
    let last = n - 1;
    if picked.last() != Some(&last) {
        // Drop the regular label just before the last if they would touch.
        if let Some(&prev) = picked.last() {
            if prev != 0 && ((last - prev) as f64) * slot < widest {
                picked.pop();
            }
        }
        if picked.last() != Some(&last) && (last as f64) * slot >= widest {
            picked.push(last);
        }
    }
    picked
}

enum Key {
    Series(usize, String),
    NotApplicable,
}

fn key_width(k: &Key) -> f64 {
    let text = match k {
        Key::Series(_, name) => name.as_str(),
        Key::NotApplicable => NA_TEXT,
    };
    36.0 + width(text, LEGEND)
}

/// Legend rows: greedy, left to right, wrapping when the row is full.
fn layout_keys(keys: Vec<Key>) -> Vec<Vec<(Key, i32)>> {
    let mut rows: Vec<Vec<(Key, i32)>> = Vec::new();
    let mut x = f64::from(W);
    for k in keys {
        let w = key_width(&k);
        if rows.is_empty() || x + w > f64::from(W) - f64::from(PAD) {
            rows.push(Vec::new());
            x = f64::from(PAD);
        }
        if let Some(row) = rows.last_mut() {
            row.push((k, x as i32));
        }
        x += w + 24.0;
    }
    rows
}

pub(crate) fn render(c: &LineChart, breaks: &[Break]) -> String {
    let p = prepare(c);
    let summary = super::summary::line_with_breaks(c, breaks);
    // One series needs no key: the title names it, and its newest value is
    // labelled on the line.
    let keyed = p.series.len() > 1;
    let mut keys: Vec<Key> = p
        .series
        .iter()
        .enumerate()
        .filter(|(_, (name, _))| keyed && !name.is_empty())
        // A name longer than the chart is cut with an ellipsis (the full one
        // is in the summary and the data table).
        .map(|(i, (name, _))| {
            let room = f64::from(W as i32 - 2 * PAD) - 36.0;
            Key::Series(i, wrap(name, LEGEND, room, 1).concat())
        })
        .collect();
    if p.series
        .first()
        .is_some_and(|(_, d)| d.iter().any(Datum::is_not_applicable))
    {
        keys.push(Key::NotApplicable);
    }
    let rows = layout_keys(keys);
    let extra_rows = rows.len().saturating_sub(1) as u32;
    let height = H + extra_rows * LEGEND_ROW as u32;
    let mut drawing = Drawing::new();
    {
        let root = Recorder::new(&mut drawing, (W, height)).into_drawing_area();
        // A drawing error only truncates the chart; the frame stays valid.
        let _ = draw(&root, c, &p, &rows, breaks);
        let _ = root.present();
    }
    finish(
        drawing,
        &Frame {
            id: &c.id,
            title: &clean(&c.title),
            desc: &summary,
            size: (W, height),
            defs: None,
            miss_fill: None,
            miss_stroke: "",
        },
    )
}

fn text_style(px: f64, color: &RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    font(px).color(color).pos(Pos::new(h, v))
}

fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    c: &LineChart,
    p: &Prepared,
    rows: &[Vec<(Key, i32)>],
    breaks: &[Break],
) -> Result<()>
where
    DB::ErrorType: 'static,
{
    let n = p.labels.len();
    let scale = c.scale;
    // No background rectangle: the page's stylesheet paints
    // `svg.chart` white (and `standalone` says it for a file).

    let Margins {
        top,
        right,
        y_area,
        picked,
    } = margins(p, &scale, rows.len());

    let x_max = n.max(1) as f64 - 0.5;
    let x_range = Ticked {
        range: -0.5..x_max,
        ticks: picked.iter().map(|&i| i as f64).collect(),
        inverted: false,
    };
    let y_range = p.axis.ranged();
    let mut chart = ChartBuilder::on(root)
        .margin_top(top)
        .margin_right(right)
        .margin_left(PAD)
        .margin_bottom(4)
        .x_label_area_size(X_AREA)
        .y_label_area_size(y_area)
        .build_cartesian_2d(x_range, y_range)?;
    let (px, py) = chart.plotting_area().get_pixel_range();

    // Not-applicable months: a labelled band behind the grid, never a 0.
    let first = p.series.first().map(|(_, d)| d.as_slice()).unwrap_or(&[]);
    let bands: Vec<(i32, i32)> = not_applicable_runs(first)
        .into_iter()
        .map(|(a, b)| {
            let (x0, _) = chart.backend_coord(&(a as f64 - 0.5, 0.0));
            let (x1, _) = chart.backend_coord(&(b as f64 + 0.5, 0.0));
            (x0.max(px.start), x1.min(px.end))
        })
        .collect();
    draw_not_applicable(root, &bands, (py.start, py.end))?;

    mark(root, Role::Axes);
    let label_of = |v: &f64| -> String {
        let i = v.round();
        if i >= 0.0 {
            p.labels.get(i as usize).cloned().unwrap_or_default()
        } else {
            String::new()
        }
    };
    let tick_of = |v: &f64| tick(&scale, *v);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .bold_line_style(GRID.stroke_width(1))
        .light_line_style(TRANSPARENT)
        .axis_style(MUTED.stroke_width(1))
        .x_label_style(text_style(TICK, &MUTED, HPos::Center, VPos::Top))
        .y_label_style(text_style(TICK, &MUTED, HPos::Right, VPos::Center))
        .x_label_formatter(&label_of)
        .y_label_formatter(&tick_of)
        .set_all_tick_mark_size(5)
        .draw()?;

    // Pixel positions of each series (drawn value clamped to the axis).
    let points: Vec<Vec<Option<(i32, i32)>>> = p
        .series
        .iter()
        .map(|(_, data)| {
            data.iter()
                .enumerate()
                .map(|(i, d)| {
                    d.value()
                        .map(|v| chart.backend_coord(&(i as f64, p.axis.clamp(v))))
                })
                .collect()
        })
        .collect();

    let target_y = p
        .target
        .filter(|t| p.axis.contains(*t))
        .map(|t| (t, chart.backend_coord(&(0.0, t)).1));
    if let Some((t, ty)) = target_y {
        let label = c
            .target_label
            .as_deref()
            .map(clean)
            .filter(|l| !l.is_empty())
            .unwrap_or_else(|| format!("Mục tiêu {}", value(&scale, t)));
        let plot = ((px.start, px.end), (py.start, py.end));
        draw_target(root, &label, ty, plot, &points)?;
    }

    if n == 0
        || points.iter().all(|s| s.iter().all(Option::is_none))
            && first.iter().all(|d| !d.is_not_applicable())
    {
        mark(root, Role::Plain);
        let style = text_style(LEGEND, &MUTED, HPos::Center, VPos::Center);
        root.draw(&Text::new(
            NO_DATA,
            ((px.start + px.end) / 2, (py.start + py.end) / 2),
            style,
        ))?;
    }

    let x_of = |at: f64| chart.backend_coord(&(at, 0.0)).0;
    draw_breaks(root, breaks, n, x_of, (px.start, (py.start, py.end)))?;
    draw_series(root, &points, &misses(p))?;
    draw_last_value(root, &scale, p, &points)?;
    draw_legend(root, rows)
}

/// Each change of the unit on an axis of `n` labels: a dashed rule across
/// the plot (left edge `x0`, top and bottom `ys`) at `x_of(at)`, its label
/// at the top of the plot, on the side with more room.
fn draw_breaks<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    breaks: &[Break],
    n: usize,
    x_of: impl Fn(f64) -> i32,
    (x0, ys): (i32, (i32, i32)),
) -> Result<()>
where
    DB::ErrorType: 'static,
{
    let x1 = x_of(n as f64 - 0.5);
    for b in super::summary::drawn(breaks, n) {
        let x = x_of(b.at);
        mark(root, Role::Break);
        root.draw(&PathElement::new(
            vec![(x, ys.0), (x, ys.1)],
            MUTED.stroke_width(2),
        ))?;
        mark(root, Role::BreakLabel);
        let (h, lx) = if x - x0 > x1 - x {
            (HPos::Right, x - 5)
        } else {
            (HPos::Left, x + 5)
        };
        let style = text_style(NOTE, &MUTED, h, VPos::Top);
        root.draw(&Text::new(clean(&b.label), (lx, ys.0 + 4), style))?;
    }
    Ok(())
}

/// Which figures of the subject miss the target.
fn misses(p: &Prepared) -> Vec<bool> {
    let first = p.series.first().map(|(_, d)| d.as_slice()).unwrap_or(&[]);
    first
        .iter()
        .map(|d| match (d.value(), p.target) {
            (Some(v), Some(t)) => v < t,
            _ => false,
        })
        .collect()
}

/// The subject's newest value, printed above its point: a direct label
/// instead of a key.
fn draw_last_value<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    scale: &super::Scale,
    p: &Prepared,
    points: &[Vec<Option<(i32, i32)>>],
) -> Result<()>
where
    DB::ErrorType: 'static,
{
    let (Some(data), Some(pts)) = (p.series.first().map(|(_, d)| d), points.first()) else {
        return Ok(());
    };
    let Some((i, (x, y))) = pts
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, pt)| pt.map(|pt| (i, pt)))
    else {
        return Ok(());
    };
    let Some(text) = data
        .get(i)
        .and_then(|d| super::scale::datum_value(scale, d))
    else {
        return Ok(());
    };
    // Kept inside the frame: right-aligned when the point is near the edge.
    let half = width(&text, NOTE) / 2.0;
    let (h, x) = if f64::from(x) + half > f64::from(W as i32 - PAD) {
        (HPos::Right, x + 6)
    } else {
        (HPos::Center, x)
    };
    mark(root, Role::Value);
    let style = text_style(NOTE, &TEXT, h, VPos::Bottom);
    root.draw(&Text::new(text, (x, y - 10), style))?;
    Ok(())
}

/// The target: a dashed line across the plot at `ty`, and its label.
fn draw_target<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    label: &str,
    ty: i32,
    (xs, ys): ((i32, i32), (i32, i32)),
    points: &[Vec<Option<(i32, i32)>>],
) -> Result<()>
where
    DB::ErrorType: 'static,
{
    mark(root, Role::Target);
    root.draw(&PathElement::new(
        vec![(xs.0, ty), (xs.1 - 1, ty)],
        RED.stroke_width(2),
    ))?;
    draw_target_label(root, label, ty, xs, ys, points)
}

/// Room around the plot: for the legend's rows above, the y labels on the
/// left, half the last x label on the right; and the x labels that fit.
struct Margins {
    top: i32,
    right: i32,
    y_area: i32,
    /// Indexes of the x labels shown.
    picked: Vec<usize>,
}

fn margins(p: &Prepared, scale: &super::Scale, legend_rows: usize) -> Margins {
    let n = p.labels.len();
    let legend_h = legend_rows as i32 * LEGEND_ROW;
    let top = PAD + legend_h + 14 + VALUE_ROOM;
    let y_area = p
        .axis
        .ticks
        .iter()
        .map(|t| width(&tick(scale, *t), TICK))
        .fold(0.0, f64::max) as i32
        + 16;
    let widths: Vec<f64> = p.labels.iter().map(|l| width(l, TICK)).collect();
    // Leave room on the right for half of the last label past the last point.
    let half_last = widths.last().copied().unwrap_or(0.0) / 2.0;
    let mut right = 16;
    for _ in 0..2 {
        let plot_w = f64::from(W as i32 - PAD - y_area - right);
        let slot = plot_w / n.max(1) as f64;
        right = (half_last + 6.0 - slot / 2.0).ceil().max(16.0) as i32;
    }
    let plot_w = f64::from(W as i32 - PAD - y_area - right);
    Margins {
        top,
        right,
        y_area,
        picked: thin_labels(&widths, plot_w),
    }
}

/// Runs of consecutive not-applicable months, as first and last index.
fn not_applicable_runs(data: &[Datum]) -> Vec<(usize, usize)> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (i, d) in data.iter().enumerate() {
        if d.is_not_applicable() {
            match runs.last_mut() {
                Some((_, end)) if *end + 1 == i => *end = i,
                _ => runs.push((i, i)),
            }
        }
    }
    runs
}

/// A band per run of not-applicable months (`bands`: left and right pixel),
/// labelled across when it is wide enough, upright when it is not.
fn draw_not_applicable<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    bands: &[(i32, i32)],
    (top, bottom): (i32, i32),
) -> Result<()>
where
    DB::ErrorType: 'static,
{
    if bands.is_empty() {
        return Ok(());
    }
    mark(root, Role::NotApplicable);
    for &(x0, x1) in bands {
        root.draw(&Rectangle::new([(x0, top), (x1, bottom)], BAND.filled()))?;
        let band = f64::from(x1 - x0);
        let cx = (x0 + x1) / 2;
        if band >= width(NA_TEXT, NOTE) + 8.0 {
            let style = text_style(NOTE, &MUTED, HPos::Center, VPos::Top);
            root.draw(&Text::new(NA_TEXT, (cx, top + 6), style))?;
        } else if band >= NOTE + 4.0 {
            let style = font(NOTE)
                .transform(FontTransform::Rotate270)
                .color(&MUTED)
                .pos(Pos::new(HPos::Center, VPos::Center));
            root.draw(&Text::new(NA_TEXT, (cx, (top + bottom) / 2), style))?;
        }
    }
    Ok(())
}

/// Each series' line, split at missing months, and its markers.
fn draw_series<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    points: &[Vec<Option<(i32, i32)>>],
    misses: &[bool],
) -> Result<()>
where
    DB::ErrorType: 'static,
{
    // The reference series first so the subject's line stays on top.
    for (s, pts) in points.iter().enumerate().rev() {
        let (color, stroke, line_role, point_role) = if s == 0 {
            (BLUE, 3, Role::Line1, Role::Point1)
        } else {
            (SERIES2, 2, Role::Line2, Role::Point2)
        };
        mark(root, line_role);
        // A missing month splits the line: one polyline per run of values.
        for run in pts.split(Option::is_none) {
            let run: Vec<(i32, i32)> = run.iter().flatten().copied().collect();
            if run.len() >= 2 {
                root.draw(&PathElement::new(run, color.stroke_width(stroke)))?;
            }
        }
        mark(root, point_role);
        for (i, (x, y)) in pts
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.map(|p| (i, p)))
        {
            if s == 0 && misses.get(i).copied().unwrap_or(false) {
                // A miss: a red ring, not the subject's dot, even at 0 on the axis.
                root.draw(&Circle::new((x, y), 7, RED.stroke_width(3)))?;
            } else {
                draw_marker(root, s, (x, y), &color)?;
            }
        }
    }
    Ok(())
}

/// The legend: a key per series, and for not-applicable months.
fn draw_legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    rows: &[Vec<(Key, i32)>],
) -> Result<()>
where
    DB::ErrorType: 'static,
{
    for (r, row) in rows.iter().enumerate() {
        let y = PAD + r as i32 * LEGEND_ROW + LEGEND_ROW / 2;
        for (key, x) in row {
            let x = *x;
            let name = match key {
                Key::Series(0, name) => {
                    mark(root, Role::Key);
                    root.draw(&PathElement::new(
                        vec![(x, y), (x + 28, y)],
                        BLUE.stroke_width(3),
                    ))?;
                    draw_marker(root, 0, (x + 14, y), &BLUE)?;
                    name.as_str()
                }
                Key::Series(_, name) => {
                    mark(root, Role::KeyDashed);
                    root.draw(&PathElement::new(
                        vec![(x, y), (x + 28, y)],
                        SERIES2.stroke_width(2),
                    ))?;
                    mark(root, Role::Key);
                    draw_marker(root, 1, (x + 14, y), &SERIES2)?;
                    name.as_str()
                }
                Key::NotApplicable => {
                    mark(root, Role::Key);
                    root.draw(&Rectangle::new(
                        [(x + 4, y - 9), (x + 24, y + 9)],
                        BAND.filled(),
                    ))?;
                    root.draw(&Rectangle::new(
                        [(x + 4, y - 9), (x + 24, y + 9)],
                        MUTED.stroke_width(1),
                    ))?;
                    NA_TEXT
                }
            };
            let style = text_style(LEGEND, &TEXT, HPos::Left, VPos::Center);
            root.draw(&Text::new(name.to_string(), (x + 36, y), style))?;
        }
    }
    Ok(())
}

/// Circle for the subject, square for the reference: shape, not only colour.
fn draw_marker<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    series: usize,
    (x, y): (i32, i32),
    color: &RGBColor,
) -> Result<()>
where
    DB::ErrorType: 'static,
{
    if series == 0 {
        root.draw(&Circle::new((x, y), 6, color.filled()))?;
    } else {
        root.draw(&Rectangle::new(
            [(x - 5, y - 5), (x + 6, y + 6)],
            color.filled(),
        ))?;
    }
    Ok(())
}

/// The target's label sits on a white plate just above (or below) the line,
/// at whichever end of the plot has the fewest data points in the way.
fn draw_target_label<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    label: &str,
    ty: i32,
    (x0, x1): (i32, i32),
    (y0, y1): (i32, i32),
    points: &[Vec<Option<(i32, i32)>>],
) -> Result<()>
where
    DB::ErrorType: 'static,
{
    let w = width(label, NOTE) as i32 + 8;
    let h = NOTE as i32 + 6;
    let above = (ty - 3 - h, ty - 3);
    let below = (ty + 3, ty + 3 + h);
    let left = (x0 + 6, x0 + 6 + w);
    let right = (x1 - 6 - w, x1 - 6);
    let candidates = [(right, above), (left, above), (right, below), (left, below)];
    let fits = |(_, (top, bottom)): &((i32, i32), (i32, i32))| *top >= y0 - 12 && *bottom <= y1 - 2;
    let hits = |((l, r), (t, b)): &((i32, i32), (i32, i32))| {
        points
            .iter()
            .flatten()
            .flatten()
            .filter(|(x, y)| *x >= l - 8 && *x <= r + 8 && *y >= t - 8 && *y <= b + 8)
            .count()
    };
    let best = candidates
        .iter()
        .filter(|c| fits(c))
        .min_by_key(|c| hits(c))
        .or(candidates.first())
        .copied();
    if let Some(((l, r), (t, b))) = best {
        mark(root, Role::TargetLabel);
        root.draw(&Rectangle::new([(l, t), (r, b)], WHITE.mix(0.85).filled()))?;
        let style = text_style(NOTE, &RED, HPos::Center, VPos::Center);
        root.draw(&Text::new(
            label.to_string(),
            ((l + r) / 2, (t + b) / 2),
            style,
        ))?;
    }
    Ok(())
}
