//! Turns plotters' SVG into an accessible inline element.
//!
//! Plotters cannot attach classes or dash patterns to what it draws, so the
//! renderers draw an invisible *sentinel* text before each group of marks
//! (see [`super::role`]); this pass reads the element stream, drops the
//! sentinels and gives the following elements the role's class and
//! attributes.

use super::role::Role;
use super::text::escape;
use std::borrow::Cow;
use std::fmt::Write;

/// The page's font stack. An inline chart takes it from the page (whose
/// stylesheet names it); a chart saved as a file of its own says it
/// ([`super::standalone`]).
pub(crate) const FONT_STACK: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, \
                                     'Helvetica Neue', Arial, 'Noto Sans', sans-serif";

/// One element as plotters printed it (text content still escaped),
/// borrowing from plotters' text where it is left as printed.
#[derive(Debug)]
struct Element<'a> {
    tag: &'a str,
    attrs: Vec<(&'a str, Cow<'a, str>)>,
    text: Option<&'a str>,
}

/// Plotters prints one element per line with double-quoted, escaped
/// attributes; anything else ends the parse (it never happens, and a short
/// chart is better than a panic).
fn parse(svg: &str) -> Vec<Element<'_>> {
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        if let Some(after) = rest.strip_prefix('/') {
            rest = after.find('>').map_or("", |e| &after[e + 1..]);
            continue;
        }
        let name_end = rest.find(|c: char| c.is_whitespace() || c == '>' || c == '/');
        let Some(name_end) = name_end else { break };
        let tag = &rest[..name_end];
        rest = &rest[name_end..];
        let mut attrs = Vec::with_capacity(8);
        let self_closing;
        loop {
            rest = rest.trim_start();
            if let Some(r) = rest.strip_prefix("/>") {
                rest = r;
                self_closing = true;
                break;
            }
            if let Some(r) = rest.strip_prefix('>') {
                rest = r;
                self_closing = false;
                break;
            }
            // `key="value"`: plotters never puts a space around `=`.
            let Some(eq) = rest.find('=') else {
                return out;
            };
            let key = rest[..eq].trim();
            let Some(value) = rest[eq + 1..].strip_prefix('"') else {
                return out;
            };
            rest = value;
            let Some(q) = rest.find('"') else { return out };
            attrs.push((key, Cow::Borrowed(&rest[..q])));
            rest = &rest[q + 1..];
        }
        let mut text = None;
        if tag == "text" && !self_closing {
            // Text is escaped: its first `<` is the closing tag's.
            let Some(end) = rest.find('<').filter(|&e| rest[e..].starts_with("</text>")) else {
                return out;
            };
            text = Some(rest[..end].trim());
            rest = &rest[end + "</text>".len()..];
        }
        out.push(Element { tag, attrs, text });
    }
    out
}

/// Numbers with at most two decimals: plotters prints font sizes such as
/// `12.903225806451612`.
fn round_number(value: &str) -> Cow<'_, str> {
    if !value.contains('.') {
        return Cow::Borrowed(value);
    }
    match value.parse::<f64>() {
        Ok(v) if v.is_finite() => {
            let s = format!("{:.2}", (v * 100.0).round() / 100.0);
            let s = s.trim_end_matches('0').trim_end_matches('.');
            Cow::Owned(if s == "-0" {
                "0".to_string()
            } else {
                s.to_string()
            })
        }
        _ => Cow::Borrowed(value),
    }
}

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

fn attr<'a>(el: &'a Element<'_>, key: &str) -> Option<&'a str> {
    el.attrs.iter().find(|(k, _)| *k == key).map(|(_, v)| &**v)
}

/// One element with its role's class and attributes, plotters' defaults
/// dropped and its numbers rounded.
fn restyle<'a>(el: Element<'a>, role: Role, frame: &'a Frame) -> Element<'a> {
    let shape = el.tag != "text";
    let hatched = shape && matches!(role, Role::BarMiss | Role::KeyMiss);
    let unstroked = attr(&el, "stroke") == Some("none");
    let mut attrs: Vec<(&str, Cow<str>)> = Vec::with_capacity(el.attrs.len() + 2);
    if let Some(class) = role.class() {
        attrs.push(("class", Cow::Borrowed(class)));
    }
    for (k, v) in el.attrs {
        // Plotters' values are borrowed; a rounded number is new.
        let v = match v {
            Cow::Borrowed(b) => round_number(b),
            Cow::Owned(o) => Cow::Owned(round_number(&o).into_owned()),
        };
        match (k, &*v) {
            // SVG defaults, and the font comes from the root.
            ("opacity", "1") | ("stroke", "none") | ("font-family", _) => {}
            ("stroke-width", _) if unstroked => {}
            ("points", p) => {
                let trimmed = match &v {
                    Cow::Borrowed(b) => Cow::Borrowed(b.trim_end()),
                    Cow::Owned(_) => Cow::Owned(p.trim_end().to_string()),
                };
                attrs.push((k, trimmed))
            }
            ("fill", _) if hatched && frame.miss_fill.is_some() => attrs.push((
                k,
                Cow::Borrowed(frame.miss_fill.as_deref().unwrap_or_default()),
            )),
            _ => attrs.push((k, v)),
        }
    }
    if role == Role::Strong && !shape {
        attrs.push(("font-weight", Cow::Borrowed("bold")));
    }
    if hatched {
        attrs.push(("stroke", Cow::Borrowed(frame.miss_stroke)));
        attrs.push(("stroke-width", Cow::Borrowed("1.5")));
    }
    if matches!(el.tag, "polyline" | "line") {
        if let Some(dash) = role.dash() {
            attrs.push(("stroke-dasharray", Cow::Borrowed(dash)));
        }
        if matches!(role, Role::Line1 | Role::Line2) {
            attrs.push(("stroke-linejoin", Cow::Borrowed("round")));
        }
    }
    if !shape {
        fold_dy(&mut attrs);
    }
    Element {
        tag: el.tag,
        attrs,
        text: el.text,
    }
}

/// A text's `dy` (plotters' vertical alignment, in `em` or `ex`) moved
/// into its `y`: `dy` is not inherited, so each label wrote it out, while
/// a `y` of its own it has anyway (the page weight budget). An `ex` is
/// taken as half an `em`, as CSS does when a font does not say; the
/// page's fonts differ from that by a fraction of a pixel.
fn fold_dy(attrs: &mut Vec<(&str, Cow<str>)>) {
    let number = |key: &str| -> Option<f64> {
        let (_, v) = attrs.iter().find(|(k, _)| *k == key)?;
        v.parse::<f64>().ok().filter(|n| n.is_finite())
    };
    let Some((_, dy)) = attrs.iter().find(|(k, _)| *k == "dy") else {
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
    let moved = round_number(&format!("{:.2}", y + ems * size)).into_owned();
    attrs.retain(|(k, _)| *k != "dy");
    if let Some((_, v)) = attrs.iter_mut().find(|(k, _)| *k == "y") {
        *v = Cow::Owned(moved);
    }
}

/// The value a run of elements shares for `key` through its group.
fn shared_value<'s>(shared: &[(&str, &'s str)], key: &str) -> Option<&'s str> {
    shared.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// The colours of a mark: marks that share them can share a group.
fn look<'a>(el: &'a Element) -> [Option<&'a str>; 3] {
    ["fill", "stroke", "stroke-width"].map(|k| attr(el, k))
}

/// Print one element, leaving out what its group already says.
fn write(out: &mut String, el: &Element, shared: &[(&str, &str)]) {
    out.push('<');
    out.push_str(el.tag);
    for (k, v) in &el.attrs {
        if shared_value(shared, k).is_none() {
            out.push(' ');
            out.push_str(k);
            out.push_str("=\"");
            out.push_str(v);
            out.push('"');
        }
    }
    match &el.text {
        Some(t) => {
            out.push('>');
            out.push_str(t);
            out.push_str("</text>\n");
        }
        None => out.push_str("/>\n"),
    }
}

/// A run of grid lines or axis ticks as one path (the page weight
/// budget): when each is a `line` or `polyline` whose only attributes
/// besides its points are those the run shares.
fn one_path(run: &[(Role, Element)], shared: &[(&str, &str)]) -> Option<String> {
    if run.len() < 2 {
        return None;
    }
    let mut d = String::new();
    for (_, el) in run {
        let own = |k: &str| shared_value(shared, k).is_none();
        match el.tag {
            "polyline" => {
                if el.attrs.iter().any(|(k, _)| *k != "points" && own(k)) {
                    return None;
                }
                let points = attr(el, "points")?;
                for (n, p) in points.split_whitespace().enumerate() {
                    d.push(if n == 0 { 'M' } else { 'L' });
                    d.push_str(p);
                }
            }
            "line" => {
                let geometry = ["x1", "y1", "x2", "y2"];
                if el
                    .attrs
                    .iter()
                    .any(|(k, _)| !geometry.contains(k) && own(k))
                {
                    return None;
                }
                let [x1, y1, x2, y2] = geometry.map(|k| attr(el, k));
                let _ = write!(d, "M{},{}L{},{}", x1?, y1?, x2?, y2?);
            }
            _ => return None,
        }
    }
    Some(d)
}

/// A run of filled dots as one path: each dot a zero-length stroke with
/// round caps as wide as the dot (`M99 48h0`), a third of a `<circle>`'s
/// bytes (the page weight budget). Only when each is a `circle` of the
/// same radius whose only other attributes are those the run shares, and
/// the run is filled and not outlined; the path then says `class` and the
/// colour itself.
fn dots_path(run: &[(Role, Element)], shared: &[(&str, &str)]) -> Option<String> {
    let (_, first) = run.first()?;
    let r = attr(first, "r")?;
    let fill = shared_value(shared, "fill")?;
    if run.len() < 2 || fill == "none" || shared.iter().any(|(k, _)| k.starts_with("stroke")) {
        return None;
    }
    let diameter = r.parse::<f64>().ok().filter(|r| *r > 0.0)? * 2.0;
    let mut d = String::with_capacity(run.len() * 10);
    for (_, el) in run {
        if el.tag != "circle" || attr(el, "r") != Some(r) {
            return None;
        }
        let geometry = ["cx", "cy", "r"];
        if el
            .attrs
            .iter()
            .any(|(k, _)| !geometry.contains(k) && shared_value(shared, k).is_none())
        {
            return None;
        }
        let _ = write!(d, "M{} {}h0", attr(el, "cx")?, attr(el, "cy")?);
    }
    let mut out = String::from("<path");
    for (k, v) in shared.iter().filter(|(k, _)| *k != "fill") {
        let _ = write!(out, " {k}=\"{v}\"");
    }
    let _ = writeln!(
        out,
        " fill=\"none\" stroke=\"{fill}\" stroke-width=\"{diameter}\" stroke-linecap=\"round\" d=\"{d}\"/>"
    );
    Some(out)
}

/// The final inline `<svg>` element.
pub(crate) fn finish(raw: &str, frame: &Frame) -> String {
    let id = clean_id(frame.id);
    let (w, h) = frame.size;
    let mut out = String::with_capacity(raw.len());
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
    let mut role = Role::Plain;
    let mut items: Vec<(Role, Element)> = Vec::new();
    for el in parse(raw) {
        if el.tag == "svg" {
            continue;
        }
        if let Some(announced) = el.text.and_then(Role::of_sentinel) {
            role = announced;
            continue;
        }
        items.push((role, restyle(el, role, frame)));
    }
    // Stable sort inside each axes section: lines first, then labels.
    let mut start = 0;
    while start < items.len() {
        let end = items[start..]
            .iter()
            .position(|(r, _)| *r != items[start].0)
            .map_or(items.len(), |n| start + n);
        if items[start].0 == Role::Axes {
            // Labels by anchor too: each side's labels then share it.
            items[start..end].sort_by(|(_, a), (_, b)| {
                (a.tag == "text", &a.tag, attr(a, "text-anchor")).cmp(&(
                    b.tag == "text",
                    &b.tag,
                    attr(b, "text-anchor"),
                ))
            });
        }
        // Points that look alike side by side (met, then missed): each kind
        // then shares its colours through one group. They do not overlap.
        if matches!(items[start].0, Role::Point1 | Role::Point2) {
            items[start..end].sort_by(|(_, a), (_, b)| look(a).cmp(&look(b)));
        }
        start = end;
    }
    // Runs of like elements share their presentation attributes through a
    // <g>: about a third smaller, and nothing changes on screen.
    let mut i = 0;
    while i < items.len() {
        let (role, first) = &items[i];
        let points = matches!(role, Role::Point1 | Role::Point2);
        let end = items[i..]
            .iter()
            .position(|(r, e)| {
                r != role
                    || e.tag != first.tag
                    || (points && look(e) != look(first))
                    // Each side's labels share their anchor through a group.
                    || attr(e, "text-anchor") != attr(first, "text-anchor")
            })
            .map_or(items.len(), |n| i + n);
        let run = &items[i..end];
        // A run of points also shares its class: the group is the series'
        // marks, one child per plotted figure (the page weight budget).
        let keys: &[&str] = if points { &POINT_SHARED } else { &INHERITED };
        let shared: Vec<(&str, &str)> = if run.len() < 2 {
            Vec::new()
        } else {
            keys.iter()
                .filter_map(|k| {
                    let v = attr(&run[0].1, k)?;
                    run.iter()
                        .all(|(_, e)| attr(e, k) == Some(v))
                        .then_some((*k, v))
                })
                .collect()
        };
        if *role == Role::Axes {
            if let Some(d) = one_path(run, &shared) {
                out.push_str("<path");
                for (k, v) in &shared {
                    let _ = write!(out, " {k}=\"{v}\"");
                }
                if shared_value(&shared, "fill").is_none() {
                    out.push_str(" fill=\"none\"");
                }
                let _ = writeln!(out, " d=\"{d}\"/>");
                i = end;
                continue;
            }
        }
        if points {
            if let Some(path) = dots_path(run, &shared) {
                out.push_str(&path);
                i = end;
                continue;
            }
        }
        if !shared.is_empty() {
            out.push_str("<g");
            for (k, v) in &shared {
                let _ = write!(out, " {k}=\"{v}\"");
            }
            out.push_str(">\n");
        }
        for (_, el) in run {
            write(&mut out, el, &shared);
        }
        if !shared.is_empty() {
            out.push_str("</g>\n");
        }
        i = end;
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_long_floats_only() {
        assert_eq!(round_number("12.903225806451612"), "12.9");
        assert_eq!(round_number("15.999999999999998"), "16");
        assert_eq!(round_number("0.2"), "0.2");
        assert_eq!(round_number("42"), "42");
        assert_eq!(round_number("0.5ex"), "0.5ex");
        assert_eq!(round_number("#0B4F8A"), "#0B4F8A");
    }

    #[test]
    fn ids_are_restricted() {
        assert_eq!(clean_id("Sở TP 1"), "s--tp-1");
        assert_eq!(clean_id(""), "chart");
    }

    #[test]
    fn parses_plotters_output() {
        // `\u{1}7` is the sentinel of `Role::Point1`.
        let raw = "<svg width=\"10\" height=\"10\" viewBox=\"0 0 10 10\" xmlns=\"http://www.w3.org/2000/svg\">\n\
             <text x=\"0\" y=\"0\" font-family=\"sans-serif\">\n\u{1}7\n</text>\n\
             <circle cx=\"1\" cy=\"2\" r=\"3\" opacity=\"1\" fill=\"#0B4F8A\" stroke=\"none\"/>\n\
             <text x=\"1\" y=\"2\" font-size=\"12.903225806451612\">\nT10/2023 &amp; x\n</text>\n</svg>\n";
        let frame = Frame {
            id: "a",
            title: "T",
            desc: "D",
            size: (10, 10),
            defs: None,
            miss_fill: None,
            miss_stroke: "#000",
        };
        let svg = finish(raw, &frame);
        assert!(svg.contains(
            "<circle class=\"chart-point chart-s1\" cx=\"1\" cy=\"2\" r=\"3\" fill=\"#0B4F8A\""
        ));
        assert!(svg.contains("<text class=\"chart-point chart-s1\" x=\"1\" y=\"2\" font-size=\"12.9\">T10/2023 &amp; x</text>"));
        assert!(!svg.contains('\u{1}'));
        roxmltree::Document::parse(&svg).unwrap();
    }
}
