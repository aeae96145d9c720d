//! From the recorded marks to the accessible inline `<svg>`.
//!
//! The renderers draw with plotters through the recording backend
//! ([`super::record`]), which keeps each mark as the SVG element plotters
//! would print, with the role of its group ([`super::role`]). This pass
//! gives each element its role's class and attributes and drops what SVG
//! or the page already says ([`restyle`]); then [`finish`] writes the
//! final `<svg>`: a title and a description for screen readers, a
//! `viewBox`, and runs of like marks sharing their attributes through a
//! group, grid lines and ticks as one path, a run of dots as one path.

use std::fmt::Write;

use super::record::{push_two_decimals, Drawing, Element, Strings, Val};
use super::role::Role;
use super::text::escape;

/// The page's font stack. An inline chart takes it from the page (whose
/// stylesheet names it); a chart saved as a file of its own says it
/// ([`super::standalone`]).
pub(crate) const FONT_STACK: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, \
                                     'Helvetica Neue', Arial, 'Noto Sans', sans-serif";

/// The `id` prefix restricted to `[a-z0-9-]`, never empty.
pub(crate) fn clean_id(id: &str) -> String {
    let s: String = id
        .chars()
        .map(|c| c.to_ascii_lowercase())
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if s.is_empty() {
        "chart".to_string()
    } else {
        s
    }
}

/// What surrounds the drawn marks.
pub(crate) struct Frame<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub desc: &'a str,
    pub size: (u32, u32),
    /// Extra markup for `<defs>` (already prefixed with the id).
    pub defs: Option<String>,
    /// Fill for [`Role::BarMiss`] and [`Role::KeyMiss`] shapes.
    pub miss_fill: Option<String>,
    pub miss_stroke: &'a str,
}

/// Inherited presentation attributes that a group may carry for its children.
const INHERITED: [&str; 7] = [
    "fill",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "stroke-linejoin",
    "font-size",
    "text-anchor",
];

/// What a run of points shares through its group: the class too.
const POINT_SHARED: [&str; 8] = [
    "class",
    "fill",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "stroke-linejoin",
    "font-size",
    "text-anchor",
];

fn attr<'s>(strings: &'s Strings, el: &Element, key: &str) -> Option<&'s str> {
    el.attrs
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| strings.get(*v))
}

/// The frame's values for hatched shapes, printed once per chart.
struct Miss {
    fill: Option<Val>,
    stroke: Val,
}

/// One element given its role's class and attributes, plotters' defaults
/// dropped (its numbers were rounded when it was recorded).
fn restyle(el: &mut Element, strings: &mut Strings, miss: &Miss) {
    let role = el.role;
    let shape = el.tag != "text";
    let hatched = shape && matches!(role, Role::BarMiss | Role::KeyMiss);
    let unstroked = attr(strings, el, "stroke") == Some("none");
    let miss_fill = miss.fill.filter(|_| hatched);
    el.attrs.retain_mut(|(k, v)| {
        match (*k, strings.get(*v)) {
            // SVG defaults, and the font comes from the root.
            ("opacity", "1") | ("stroke", "none") | ("font-family", _) => return false,
            ("stroke-width", _) if unstroked => return false,
            ("points", _) => *v = strings.trim_end(*v),
            ("fill", _) => {
                if let Some(fill) = miss_fill {
                    *v = fill;
                }
            }
            _ => {}
        }
        true
    });
    if let Some(class) = role.class() {
        el.attrs.insert(0, ("class", Val::Fixed(class)));
    }
    if role == Role::Strong && !shape {
        el.attrs.push(("font-weight", Val::Fixed("bold")));
    }
    if hatched {
        el.attrs.push(("stroke", miss.stroke));
        el.attrs.push(("stroke-width", Val::Fixed("1.5")));
    }
    if matches!(el.tag, "polyline" | "line") {
        if let Some(dash) = role.dash() {
            el.attrs.push(("stroke-dasharray", Val::Fixed(dash)));
        }
        if matches!(role, Role::Line1 | Role::Line2) {
            el.attrs.push(("stroke-linejoin", Val::Fixed("round")));
        }
    }
    if !shape {
        fold_dy(el, strings);
    }
}

/// A text's `dy` (plotters' vertical alignment, in `em` or `ex`) moved
/// into its `y`: `dy` is not inherited, so each label wrote it out, while
/// a `y` of its own it has anyway (the page weight budget). An `ex` is
/// taken as half an `em`, as CSS does when a font does not say; the
/// page's fonts differ from that by a fraction of a pixel.
fn fold_dy(el: &mut Element, strings: &mut Strings) {
    let number = |key: &str| -> Option<f64> {
        let v = attr(strings, el, key)?;
        v.parse::<f64>().ok().filter(|n| n.is_finite())
    };
    let Some(dy) = attr(strings, el, "dy") else {
        return;
    };
    let ems = if let Some(n) = dy.strip_suffix("em") {
        n.parse::<f64>().ok()
    } else if let Some(n) = dy.strip_suffix("ex") {
        n.parse::<f64>().ok().map(|n| n / 2.0)
    } else {
        None
    };
    let (Some(ems), Some(size), Some(y)) = (ems, number("font-size"), number("y")) else {
        return;
    };
    let moved = strings.print(|s| push_two_decimals(s, y + ems * size));
    el.attrs.retain(|(k, _)| *k != "dy");
    if let Some((_, v)) = el.attrs.iter_mut().find(|(k, _)| *k == "y") {
        *v = moved;
    }
}

/// The value a run of elements shares for `key` through its group.
fn shared_value<'s>(shared: &[(&str, &'s str)], key: &str) -> Option<&'s str> {
    shared.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// The colours of a mark: marks that share them can share a group.
fn look<'s>(strings: &'s Strings, el: &Element) -> [Option<&'s str>; 3] {
    ["fill", "stroke", "stroke-width"].map(|k| attr(strings, el, k))
}

/// Print one element, leaving out what its group already says.
fn write(out: &mut String, strings: &Strings, el: &Element, shared: &[(&str, &str)]) {
    out.push('<');
    out.push_str(el.tag);
    for (k, v) in &el.attrs {
        if shared_value(shared, k).is_none() {
            out.push(' ');
            out.push_str(k);
            out.push_str("=\"");
            out.push_str(strings.get(*v));
            out.push('"');
        }
    }
    match el.text {
        Some(t) => {
            out.push('>');
            out.push_str(strings.get(t));
            out.push_str("</text>\n");
        }
        None => out.push_str("/>\n"),
    }
}

/// The attributes a run shares, as its group (or path) says them.
fn write_shared<'a>(out: &mut String, shared: impl IntoIterator<Item = &'a (&'a str, &'a str)>) {
    for (k, v) in shared {
        out.push(' ');
        out.push_str(k);
        out.push_str("=\"");
        out.push_str(v);
        out.push('"');
    }
}

/// A run of grid lines or axis ticks as one path (the page weight
/// budget): when each is a `line` or `polyline` whose only attributes
/// besides its points are those the run shares. Written to `out` if so;
/// `out` is left as it was if not.
fn one_path(out: &mut String, strings: &Strings, run: &[Element], shared: &[(&str, &str)]) -> bool {
    if run.len() < 2 {
        return false;
    }
    let start = out.len();
    out.push_str("<path");
    write_shared(out, shared);
    if shared_value(shared, "fill").is_none() {
        out.push_str(" fill=\"none\"");
    }
    out.push_str(" d=\"");
    let own = |k: &str| shared_value(shared, k).is_none();
    for el in run {
        let drawn = match el.tag {
            "polyline" => {
                let points = attr(strings, el, "points");
                match points {
                    Some(points) if el.attrs.iter().all(|(k, _)| *k == "points" || !own(k)) => {
                        for (n, p) in points.split_whitespace().enumerate() {
                            out.push(if n == 0 { 'M' } else { 'L' });
                            out.push_str(p);
                        }
                        true
                    }
                    _ => false,
                }
            }
            "line" => {
                let geometry = ["x1", "y1", "x2", "y2"];
                let only_geometry = el
                    .attrs
                    .iter()
                    .all(|(k, _)| geometry.contains(k) || !own(k));
                match geometry.map(|k| attr(strings, el, k)) {
                    [Some(x1), Some(y1), Some(x2), Some(y2)] if only_geometry => {
                        let _ = write!(out, "M{x1},{y1}L{x2},{y2}");
                        true
                    }
                    _ => false,
                }
            }
            _ => false,
        };
        if !drawn {
            out.truncate(start);
            return false;
        }
    }
    out.push_str("\"/>\n");
    true
}

/// A run of filled dots as one path: each dot a zero-length stroke with
/// round caps as wide as the dot (`M99 48h0`), a third of a `<circle>`'s
/// bytes (the page weight budget). Only when each is a `circle` of the
/// same radius whose only other attributes are those the run shares, and
/// the run is filled and not outlined; the path then says `class` and the
/// colour itself. Written to `out` if so; `out` is left as it was if not.
fn dots_path(
    out: &mut String,
    strings: &Strings,
    run: &[Element],
    shared: &[(&str, &str)],
) -> bool {
    let Some(first) = run.first() else {
        return false;
    };
    let (Some(r), Some(fill)) = (attr(strings, first, "r"), shared_value(shared, "fill")) else {
        return false;
    };
    if run.len() < 2 || fill == "none" || shared.iter().any(|(k, _)| k.starts_with("stroke")) {
        return false;
    }
    let Some(radius) = r.parse::<f64>().ok().filter(|r| *r > 0.0) else {
        return false;
    };
    let diameter = radius * 2.0;
    let start = out.len();
    out.push_str("<path");
    write_shared(out, shared.iter().filter(|(k, _)| *k != "fill"));
    let _ = write!(
        out,
        " fill=\"none\" stroke=\"{fill}\" stroke-width=\"{diameter}\" stroke-linecap=\"round\" d=\""
    );
    let geometry = ["cx", "cy", "r"];
    for el in run {
        let alike = el.tag == "circle"
            && attr(strings, el, "r") == Some(r)
            && el
                .attrs
                .iter()
                .all(|(k, _)| geometry.contains(k) || shared_value(shared, k).is_some());
        match (attr(strings, el, "cx"), attr(strings, el, "cy")) {
            (Some(cx), Some(cy)) if alike => {
                let _ = write!(out, "M{cx} {cy}h0");
            }
            _ => {
                out.truncate(start);
                return false;
            }
        }
    }
    out.push_str("\"/>\n");
    true
}

/// The final inline `<svg>` element.
pub(crate) fn finish(drawing: Drawing, frame: &Frame) -> String {
    let Drawing {
        mut strings,
        mut elements,
    } = drawing;
    let miss = Miss {
        fill: frame
            .miss_fill
            .as_deref()
            .map(|fill| strings.print(|s| s.push_str(fill))),
        stroke: strings.print(|s| s.push_str(frame.miss_stroke)),
    };
    for el in &mut elements {
        restyle(el, &mut strings, &miss);
    }
    let strings = &strings;
    let value = |el: &Element, key: &str| attr(strings, el, key);

    let id = clean_id(frame.id);
    let (w, h) = frame.size;
    let mut out = String::with_capacity(1024 + strings.len() + 48 * elements.len());
    // Writing into a String cannot fail.
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" role=\"img\" \
         aria-labelledby=\"{id}-title {id}-desc\" class=\"chart\">\n\
         <title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n",
        escape(frame.title),
        escape(frame.desc)
    );
    if let Some(defs) = &frame.defs {
        let _ = writeln!(out, "<defs>{defs}</defs>");
    }
    // Stable sort inside each axes section: lines first, then labels.
    let mut start = 0;
    while start < elements.len() {
        let role = elements[start].role;
        let end = elements[start..]
            .iter()
            .position(|e| e.role != role)
            .map_or(elements.len(), |n| start + n);
        if role == Role::Axes {
            // Labels by anchor too: each side's labels then share it.
            // Keys made once per element, not at each comparison (a
            // lookup among its attributes each); the order stays stable.
            elements[start..end]
                .sort_by_cached_key(|a| (a.tag == "text", a.tag, value(a, "text-anchor")));
        }
        // Points that look alike side by side (met, then missed): each kind
        // then shares its colours through one group. They do not overlap.
        if matches!(role, Role::Point1 | Role::Point2) {
            elements[start..end].sort_by_cached_key(|a| look(strings, a));
        }
        start = end;
    }
    // Runs of like elements share their presentation attributes through a
    // <g>: about a third smaller, and nothing changes on screen.
    let mut i = 0;
    while i < elements.len() {
        let first = &elements[i];
        let role = first.role;
        let points = matches!(role, Role::Point1 | Role::Point2);
        let end = elements[i..]
            .iter()
            .position(|e| {
                e.role != role
                    || e.tag != first.tag
                    || (points && look(strings, e) != look(strings, first))
                    // Each side's labels share their anchor through a group.
                    || value(e, "text-anchor") != value(first, "text-anchor")
            })
            .map_or(elements.len(), |n| i + n);
        let run = &elements[i..end];
        i = end;
        // A run of points also shares its class: the group is the series'
        // marks, one child per plotted figure (the page weight budget).
        let keys: &[&str] = if points { &POINT_SHARED } else { &INHERITED };
        let shared: Vec<(&str, &str)> = if run.len() < 2 {
            Vec::new()
        } else {
            keys.iter()
                .filter_map(|k| {
                    let v = value(first, k)?;
                    run.iter()
                        .all(|e| value(e, k) == Some(v))
                        .then_some((*k, v))
                })
                .collect()
        };
        if role == Role::Axes && one_path(&mut out, strings, run, &shared) {
            continue;
        }
        if points && dots_path(&mut out, strings, run, &shared) {
            continue;
        }
        if !shared.is_empty() {
            out.push_str("<g");
            write_shared(&mut out, &shared);
            out.push_str(">\n");
        }
        for el in run {
            write(&mut out, strings, el, &shared);
        }
        if !shared.is_empty() {
            out.push_str("</g>\n");
        }
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::record::Recorder;
    use crate::charts::role::mark;
    use plotters::prelude::*;

    #[test]
    fn ids_are_restricted() {
        assert_eq!(clean_id("Sở TP 1"), "s--tp-1");
        assert_eq!(clean_id(""), "chart");
    }

    #[test]
    fn restyles_recorded_marks() {
        let mut drawing = Drawing::new();
        {
            let root = Recorder::new(&mut drawing, (10, 10)).into_drawing_area();
            mark(&root, Role::Point1);
            let blue = RGBColor(0x0b, 0x4f, 0x8a);
            let _ = root.draw(&Circle::new((1, 2), 3, blue.filled()));
            let font = ("sans-serif", 16.0).into_font();
            let _ = root.draw(&Text::new(" T10/2023 & x ", (1, 2), font));
        }
        let frame = Frame {
            id: "a",
            title: "T",
            desc: "D",
            size: (10, 10),
            defs: None,
            miss_fill: None,
            miss_stroke: "#000",
        };
        let svg = finish(drawing, &frame);
        assert!(svg.contains(
            "<circle class=\"chart-point chart-s1\" cx=\"1\" cy=\"2\" r=\"3\" fill=\"#0B4F8A\"/>"
        ));
        assert!(svg.contains(
            "<text class=\"chart-point chart-s1\" x=\"1\" y=\"11.8\" text-anchor=\"start\" \
             font-size=\"12.9\" fill=\"#000000\">T10/2023 &amp; x</text>"
        ));
        assert!(!svg.contains('\u{1}'));
        roxmltree::Document::parse(&svg).unwrap();
    }
}
