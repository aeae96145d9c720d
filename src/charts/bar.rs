//! Units ranked as horizontal bars for the latest month.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::record::{Drawing, Recorder};
use super::restyle::{clean_id, finish, Frame};
use super::role::{mark, Role};
use super::scale::{datum_value, tick, value, Axis, Ticked};
use super::text::{clean, width, wrap};
use super::{font, BarChart, Datum, BLUE, GRID, MUTED, PEER, RED, TEXT};

/// Narrower than the line chart: unit names need large type on a phone.
const W: u32 = 480;
/// The wide drawing, for screens of 48em and more: shown at most this
/// many pixels wide, its type stays at 16,5 px and names fit one line.
const W_WIDE: u32 = 880;
const NAME_W_WIDE: f64 = 380.0;
/// Sizes in viewBox units: ~0,75× on a 390 px phone (12,3 px), at most
/// 512 px wide on a desktop (17,6 px).
const UNIT: f64 = 16.5;
const TICK: f64 = 16.5;
const NAME_W: f64 = 182.0;
const LINE_H: i32 = 18;
const PAD: i32 = 8;
const KEY_ROW: i32 = 28;
const X_AREA: i32 = 30;
const NA_TEXT: &str = "Không áp dụng";
const MISSING_TEXT: &str = "Chưa công bố";
const MET_TEXT: &str = "Đạt mục tiêu";
const MISS_TEXT: &str = "Chưa đạt mục tiêu";
const NO_DATA: &str = "Chưa có số liệu";

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Which drawing: for a phone, or for a wide screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Width {
    Narrow,
    Wide,
}

struct Layout {
    /// Width of the drawing and of its name column.
    w: u32,
    name_w: f64,
    names: Vec<Vec<String>>,
    row_h: i32,
    keys: bool,
    target_row: bool,
    top: i32,
    height: u32,
    value_w: i32,
}

fn value_text(c: &BarChart, d: &Datum) -> String {
    match (d, datum_value(&c.scale, d)) {
        (_, Some(text)) => text,
        (Datum::NotApplicable, None) => NA_TEXT.to_string(),
        _ => MISSING_TEXT.to_string(),
    }
}

fn layout(c: &BarChart, axis: &Axis, size: Width) -> Layout {
    let (w, name_w) = match size {
        Width::Narrow => (W, NAME_W),
        Width::Wide => (W_WIDE, NAME_W_WIDE),
    };
    let names: Vec<Vec<String>> = c
        .bars
        .iter()
        .map(|b| wrap(&clean(&b.label), UNIT, name_w, 3))
        .collect();
    let lines = names.iter().map(Vec::len).max().unwrap_or(1).max(1) as i32;
    let row_h = 14 + lines * LINE_H;
    let keys = c.bars.iter().any(|b| b.met == Some(false));
    let target_row = c.target.is_some_and(|t| axis.contains(t));
    let top = PAD + if keys { KEY_ROW } else { 0 } + if target_row { 24 } else { 4 };
    let rows = c.bars.len().max(1) as i32;
    let height = (top + rows * row_h + X_AREA + 6) as u32;
    // Numbers sit past the bar end, so the widest one needs room after 100%.
    let value_w = c
        .bars
        .iter()
        .filter_map(|b| datum_value(&c.scale, &b.value))
        .map(|text| width(&text, UNIT))
        .fold(width(&tick(&c.scale, axis.top), TICK) / 2.0, f64::max) as i32
        + 10;
    Layout {
        w,
        name_w,
        names,
        row_h,
        keys,
        target_row,
        top,
        height,
        value_w,
    }
}

pub(crate) fn render(c: &BarChart, size: Width) -> String {
    let values = c.bars.iter().filter_map(|b| b.value.value());
    let target = c.target.filter(|t| t.is_finite());
    let mut axis = Axis::new(&c.scale, values.clone().chain(target));
    let mut l = layout(c, &axis, size);
    // The value axis is narrow: thin its ticks rather than let labels touch.
    let plot_w = f64::from(l.w as i32 - PAD - l.value_w) - l.name_w - 10.0;
    let widest = axis
        .ticks
        .iter()
        .map(|t| width(&tick(&c.scale, *t), TICK))
        .fold(0.0, f64::max);
    if plot_w / ((axis.ticks.len().max(2) - 1) as f64) < widest + 10.0 {
        axis = Axis::sparse(&c.scale, values.chain(target));
        l = layout(c, &axis, size);
    }
    let summary = super::summary::bar(c);
    let id = match size {
        Width::Narrow => clean_id(&c.id),
        Width::Wide => clean_id(&format!("{}-rong", c.id)),
    };
    let mut drawing = Drawing::new();
    {
        let root = Recorder::new(&mut drawing, (l.w, l.height)).into_drawing_area();
        // A drawing error only truncates the chart; the frame stays valid.
        let _ = draw(&root, c, &axis, &l);
        let _ = root.present();
    }
    let red = "#B3261E";
    // Diagonal hatching: misses stay visible without colour vision.
    let defs = format!(
        "<pattern id=\"{id}-miss\" width=\"7\" height=\"7\" patternUnits=\"userSpaceOnUse\" \
         patternTransform=\"rotate(45)\"><rect width=\"7\" height=\"7\" fill=\"#FFFFFF\"/>\
         <rect width=\"3\" height=\"7\" fill=\"{red}\"/></pattern>"
    );
    finish(
        drawing,
        &Frame {
            id: &id,
            title: &clean(&c.title),
            desc: &summary,
            size: (l.w, l.height),
            defs: l.keys.then_some(defs),
            miss_fill: Some(format!("url(#{id}-miss)")),
            miss_stroke: red,
        },
    )
}

fn text_style(px: f64, color: &RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    font(px).color(color).pos(Pos::new(h, v))
}

fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    c: &BarChart,
    axis: &Axis,
    l: &Layout,
) -> Result<()>
where
    DB::ErrorType: 'static,
{
    let scale = c.scale;
    let n = c.bars.len();
    // No background rectangle: the page's stylesheet paints
    // `svg.chart` white (and `standalone` says it for a file).

    let rows = n.max(1) as f64;
    let x_range = axis.ranged();
    let y_range = Ticked {
        range: 0.0..rows,
        ticks: Vec::new(),
        inverted: false,
    };
    let mut chart = ChartBuilder::on(root)
        .margin_top(l.top)
        .margin_right(l.value_w)
        .margin_left(PAD)
        .margin_bottom(6)
        .x_label_area_size(X_AREA)
        .y_label_area_size(l.name_w as i32 + 10)
        .build_cartesian_2d(x_range, y_range)?;
    let (px, py) = chart.plotting_area().get_pixel_range();

    let tick_of = |v: &f64| tick(&scale, *v);
    mark(root, Role::Axes);
    chart
        .configure_mesh()
        .disable_y_mesh()
        .bold_line_style(GRID.stroke_width(1))
        .light_line_style(TRANSPARENT)
        .axis_style(MUTED.stroke_width(1))
        .x_label_style(text_style(TICK, &MUTED, HPos::Center, VPos::Top))
        .x_label_formatter(&tick_of)
        .set_all_tick_mark_size(4)
        .draw()?;

    if n == 0 {
        mark(root, Role::Plain);
        let style = text_style(UNIT, &MUTED, HPos::Center, VPos::Center);
        root.draw(&Text::new(
            NO_DATA,
            ((px.start + px.end) / 2, (py.start + py.end) / 2),
            style,
        ))?;
    }

    let bar_h = (l.row_h - 14).clamp(16, 22);
    let center = |i: usize| chart.backend_coord(&(0.0, rows - i as f64 - 0.5)).1;
    for (i, bar) in c.bars.iter().enumerate() {
        let yc = center(i);
        let Some(v) = bar.value.value() else { continue };
        let (x0, _) = chart.backend_coord(&(0.0, 0.0));
        let (x1, _) = chart.backend_coord(&(axis.clamp(v), 0.0));
        // A real 0 still gets a sliver so it reads as "drawn at 0".
        let x1 = x1.max(x0 + 2);
        let peer = c.highlight.is_some_and(|h| h != i);
        let (role, colour) = match (bar.met, peer) {
            (Some(false), _) => (Role::BarMiss, BLUE),
            (_, true) => (Role::BarPeer, PEER),
            _ => (Role::Bar, BLUE),
        };
        mark(root, role);
        let corners = [(x0, yc - bar_h / 2), (x1, yc + bar_h / 2)];
        root.draw(&Rectangle::new(corners, colour.filled()))?;
        if c.highlight == Some(i) {
            mark(root, Role::Strong);
            let outline = [(x0 - 2, yc - bar_h / 2 - 3), (x1 + 2, yc + bar_h / 2 + 3)];
            root.draw(&Rectangle::new(outline, TEXT.stroke_width(2)))?;
        }
    }

    let texts: Vec<(i32, i32, String)> = c
        .bars
        .iter()
        .enumerate()
        .map(|(i, bar)| {
            let end = match bar.value.value() {
                Some(v) => {
                    chart
                        .backend_coord(&(axis.clamp(v), 0.0))
                        .0
                        .max(px.start + 2)
                        + 6
                }
                None => px.start + 6,
            };
            (end, center(i), value_text(c, &bar.value))
        })
        .collect();

    let target = c.target.filter(|t| l.target_row && axis.contains(*t));
    if let Some(t) = target {
        let tx = chart.backend_coord(&(t, 0.0)).0;
        draw_target(root, c, l.w, t, tx, &texts, (py.start, py.end))?;
    }
    draw_values(root, c, texts)?;
    let centers: Vec<i32> = (0..l.names.len()).map(center).collect();
    draw_names(root, l, &centers, c.highlight)?;
    if l.keys {
        draw_keys(root)?;
    }
    Ok(())
}

/// The target line crosses the bars (so each bar reads against it) but
/// breaks around value texts it would strike through; its label on top.
fn draw_target<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    c: &BarChart,
    w: u32,
    t: f64,
    tx: i32,
    texts: &[(i32, i32, String)],
    (top, bottom): (i32, i32),
) -> Result<()>
where
    DB::ErrorType: 'static,
{
    let mut gaps: Vec<(i32, i32)> = texts
        .iter()
        // Generous: real fonts may run a little wider than estimated.
        .filter(|(x, _, s)| (x - 4..=x + width(s, UNIT) as i32 + 10).contains(&tx))
        .map(|(_, y, _)| (y - LINE_H / 2 - 1, y + LINE_H / 2 + 1))
        .collect();
    gaps.push((bottom, bottom));
    mark(root, Role::Target);
    let mut from = top - 4;
    for (top, bottom) in gaps {
        if top > from {
            let segment = vec![(tx, from), (tx, top)];
            root.draw(&PathElement::new(segment, RED.stroke_width(2)))?;
        }
        from = bottom;
    }
    let label = c
        .target_label
        .as_deref()
        .map(clean)
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| format!("Mục tiêu {}", value(&c.scale, t)));
    let half = width(&label, TICK) / 2.0;
    let cx = f64::from(tx).clamp(f64::from(PAD) + half, f64::from(w as i32 - PAD) - half);
    mark(root, Role::TargetLabel);
    let style = text_style(TICK, &RED, HPos::Center, VPos::Bottom);
    root.draw(&Text::new(label, (cx as i32, top - 8), style))?;
    Ok(())
}

/// Each bar's value (or why it has none) after its end.
fn draw_values<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    c: &BarChart,
    texts: Vec<(i32, i32, String)>,
) -> Result<()>
where
    DB::ErrorType: 'static,
{
    for (i, ((x, y, t), bar)) in texts.into_iter().zip(&c.bars).enumerate() {
        let color = if bar.value.value().is_some() {
            TEXT
        } else {
            MUTED
        };
        let strong = c.highlight == Some(i);
        mark(root, if strong { Role::Strong } else { Role::Value });
        let style = text_style(UNIT, &color, HPos::Left, VPos::Center);
        root.draw(&Text::new(t, (x, y), style))?;
    }
    Ok(())
}

/// Each unit's name, wrapped, left of its bar (`centers`: each row's middle).
fn draw_names<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    l: &Layout,
    centers: &[i32],
    highlight: Option<usize>,
) -> Result<()>
where
    DB::ErrorType: 'static,
{
    for (i, (lines, &yc)) in l.names.iter().zip(centers).enumerate() {
        let strong = highlight == Some(i);
        mark(root, if strong { Role::Strong } else { Role::Plain });
        let first = yc - (lines.len() as i32 - 1) * LINE_H / 2;
        for (k, line) in lines.iter().enumerate() {
            let style = text_style(UNIT, &TEXT, HPos::Left, VPos::Center);
            root.draw(&Text::new(
                line.clone(),
                (PAD, first + k as i32 * LINE_H),
                style,
            ))?;
        }
    }

    Ok(())
}

/// The key: a bar that meets the target, and one that misses it.
fn draw_keys<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>) -> Result<()>
where
    DB::ErrorType: 'static,
{
    let y = PAD + KEY_ROW / 2;
    let mut x = PAD;
    for (role, text) in [(Role::Key, MET_TEXT), (Role::KeyMiss, MISS_TEXT)] {
        mark(root, role);
        root.draw(&Rectangle::new(
            [(x, y - 8), (x + 22, y + 8)],
            BLUE.filled(),
        ))?;
        mark(root, Role::Key);
        let style = text_style(UNIT, &TEXT, HPos::Left, VPos::Center);
        root.draw(&Text::new(text, (x + 30, y), style))?;
        x += 30 + width(text, UNIT) as i32 + 24;
    }
    Ok(())
}
