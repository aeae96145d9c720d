//! A plotters backend that records what is drawn instead of printing it.
//!
//! Each primitive becomes an [`Element`]: the tag and the attributes, in
//! their order, that plotters' own SVG backend (plotters-svg 0.3.7) would
//! print for it, and the role announced by the last sentinel text (see
//! [`super::role`]). Values are printed once into one buffer per drawing,
//! numbers already rounded as the final SVG has them, so `restyle` works on
//! them without reading any SVG text back.
//!
//! Text sizes are estimated by the trait's default (plotters' font
//! estimate), as they were with the SVG backend: the layout depends on it.

use std::convert::Infallible;
use std::fmt::Write;

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontFamily, FontStyle, FontTransform,
};

use super::role::Role;

/// An attribute value or a text: a constant, or a span of the drawing's
/// [`Strings`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Val {
    Fixed(&'static str),
    At(usize, usize),
}

/// The printed values of one drawing, back to back.
#[derive(Debug)]
pub(crate) struct Strings(String);

impl Strings {
    pub(crate) fn get(&self, v: Val) -> &str {
        match v {
            Val::Fixed(s) => s,
            Val::At(start, end) => self.0.get(start..end).unwrap_or_default(),
        }
    }

    /// `v` without the whitespace around it.
    pub(crate) fn trim(&self, v: Val) -> Val {
        let whole = self.get(v);
        self.narrow(v, whole.len() - whole.trim_start().len())
    }

    /// `v` without the whitespace at its end.
    pub(crate) fn trim_end(&self, v: Val) -> Val {
        self.narrow(v, 0)
    }

    /// `v` from byte `lead` on (a char boundary), trailing whitespace off.
    fn narrow(&self, v: Val, lead: usize) -> Val {
        let rest = self.get(v).get(lead..).unwrap_or_default();
        let end = lead + rest.trim_end().len();
        match v {
            Val::Fixed(s) => Val::Fixed(s.get(lead..end).unwrap_or_default()),
            Val::At(from, _) => Val::At(from + lead, from + end),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.0.len()
    }

    /// The value `print` writes.
    pub(crate) fn print(&mut self, print: impl FnOnce(&mut String)) -> Val {
        let start = self.0.len();
        print(&mut self.0);
        Val::At(start, self.0.len())
    }

    fn display(&mut self, v: impl std::fmt::Display) -> Val {
        // Writing into a String cannot fail.
        self.print(|s| {
            let _ = write!(s, "{v}");
        })
    }

    fn color(&mut self, c: BackendColor) -> Val {
        let (r, g, b) = c.rgb;
        self.print(|s| {
            let _ = write!(s, "#{r:02X}{g:02X}{b:02X}");
        })
    }

    /// `v` as plotters prints an `f64`, with at most two decimals.
    fn number(&mut self, v: f64) -> Val {
        self.print(|s| push_rounded(s, v))
    }

    /// Points as plotters prints them: `x,y ` each, a space after the last.
    fn points(&mut self, path: impl IntoIterator<Item = BackendCoord>) -> Val {
        self.print(|s| {
            for (x, y) in path {
                let _ = write!(s, "{x},{y} ");
            }
        })
    }

    /// A text or an attribute escaped as plotters escapes it.
    fn escaped(&mut self, text: &str) -> Val {
        self.print(|s| {
            for c in text.chars() {
                match c {
                    '<' => s.push_str("&lt;"),
                    '>' => s.push_str("&gt;"),
                    '&' => s.push_str("&amp;"),
                    '"' => s.push_str("&quot;"),
                    '\'' => s.push_str("&apos;"),
                    c => s.push(c),
                }
            }
        })
    }
}

/// Plotters prints an `f64` such as a font size as `12.903225806451612`;
/// the chart says `12.9`: two decimals at most, trailing zeros dropped.
pub(crate) fn push_rounded(s: &mut String, v: f64) {
    // Whole numbers (and non-finite ones) print without a point, as is.
    if !v.is_finite() || v.fract() == 0.0 {
        let _ = write!(s, "{v}");
        return;
    }
    push_two_decimals(s, (v * 100.0).round() / 100.0);
}

/// `v` with two decimals, trailing zeros and point dropped, never `-0`.
pub(crate) fn push_two_decimals(s: &mut String, v: f64) {
    let start = s.len();
    let _ = write!(s, "{v:.2}");
    let kept = s[start..].trim_end_matches('0').trim_end_matches('.').len();
    s.truncate(start + kept);
    if &s[start..] == "-0" {
        s.truncate(start);
        s.push('0');
    }
}

/// One drawn element.
#[derive(Debug)]
pub(crate) struct Element {
    pub role: Role,
    pub tag: &'static str,
    pub attrs: Vec<(&'static str, Val)>,
    /// A text's content, escaped, without surrounding whitespace.
    pub text: Option<Val>,
}

/// Everything drawn on one chart, in drawing order.
#[derive(Debug)]
pub(crate) struct Drawing {
    pub strings: Strings,
    pub elements: Vec<Element>,
}

impl Drawing {
    /// Room for a chart of this site, which has about 60 elements and
    /// 1.5 KB of values (up to twice that): no growing while drawing.
    pub(crate) fn new() -> Self {
        Drawing {
            strings: Strings(String::with_capacity(4096)),
            elements: Vec::with_capacity(128),
        }
    }
}

/// Room for what `restyle` adds to an element: a class, and a stroke and
/// its width or a dash pattern and a line join.
const ADDED: usize = 3;

/// The backend: `into_drawing_area()` it, draw, then read `drawing`.
pub(crate) struct Recorder<'a> {
    drawing: &'a mut Drawing,
    size: (u32, u32),
    role: Role,
}

impl<'a> Recorder<'a> {
    pub(crate) fn new(drawing: &'a mut Drawing, size: (u32, u32)) -> Self {
        Recorder {
            drawing,
            size,
            role: Role::Plain,
        }
    }

    /// A shape: its attributes, with room for what `restyle` adds.
    fn shape<const N: usize>(&mut self, tag: &'static str, attrs: [(&'static str, Val); N]) {
        let mut all = Vec::with_capacity(N + ADDED);
        all.extend(attrs);
        self.push(tag, all, None);
    }

    fn push(&mut self, tag: &'static str, attrs: Vec<(&'static str, Val)>, text: Option<Val>) {
        self.drawing.elements.push(Element {
            role: self.role,
            tag,
            attrs,
            text,
        });
    }
}

type Drawn = Result<(), DrawingErrorKind<Infallible>>;

// Each method records what plotters-svg's method of the same name prints,
// attribute for attribute; like it, nothing fully transparent is drawn.
impl DrawingBackend for Recorder<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn {
        if color.alpha == 0.0 {
            return Ok(());
        }
        let s = &mut self.drawing.strings;
        let attrs = [
            ("x", s.display(point.0)),
            ("y", s.display(point.1)),
            ("width", Val::Fixed("1")),
            ("height", Val::Fixed("1")),
            ("stroke", Val::Fixed("none")),
            ("opacity", s.number(color.alpha)),
            ("fill", s.color(color)),
        ];
        self.shape("rect", attrs);
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let s = &mut self.drawing.strings;
        let attrs = [
            ("opacity", s.number(color.alpha)),
            ("stroke", s.color(color)),
            ("stroke-width", s.display(style.stroke_width())),
            ("x1", s.display(from.0)),
            ("y1", s.display(from.1)),
            ("x2", s.display(to.0)),
            ("y2", s.display(to.1)),
        ];
        self.shape("line", attrs);
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let s = &mut self.drawing.strings;
        let paint = s.color(color);
        let (fill, stroke) = if fill {
            (paint, Val::Fixed("none"))
        } else {
            (Val::Fixed("none"), paint)
        };
        let attrs = [
            ("x", s.display(upper_left.0)),
            ("y", s.display(upper_left.1)),
            (
                "width",
                s.display(bottom_right.0.wrapping_sub(upper_left.0)),
            ),
            (
                "height",
                s.display(bottom_right.1.wrapping_sub(upper_left.1)),
            ),
            ("opacity", s.number(color.alpha)),
            ("fill", fill),
            ("stroke", stroke),
        ];
        self.shape("rect", attrs);
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let s = &mut self.drawing.strings;
        let attrs = [
            ("fill", Val::Fixed("none")),
            ("opacity", s.number(color.alpha)),
            ("stroke", s.color(color)),
            ("stroke-width", s.display(style.stroke_width())),
            ("points", s.points(path)),
        ];
        self.shape("polyline", attrs);
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Drawn {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let s = &mut self.drawing.strings;
        let attrs = [
            ("opacity", s.number(color.alpha)),
            ("fill", s.color(color)),
            ("points", s.points(vert)),
        ];
        self.shape("polygon", attrs);
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let s = &mut self.drawing.strings;
        let paint = s.color(color);
        let (stroke, fill) = if fill {
            (Val::Fixed("none"), paint)
        } else {
            (paint, Val::Fixed("none"))
        };
        let attrs = [
            ("cx", s.display(center.0)),
            ("cy", s.display(center.1)),
            ("r", s.display(radius)),
            ("opacity", s.number(color.alpha)),
            ("fill", fill),
            ("stroke", stroke),
            ("stroke-width", s.display(style.stroke_width())),
        ];
        self.shape("circle", attrs);
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Drawn {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        if let Some(role) = Role::of_sentinel(text) {
            self.role = role;
            return Ok(());
        }
        let (x0, y0) = pos;
        let anchor = style.anchor();
        let s = &mut self.drawing.strings;
        let mut attrs = Vec::with_capacity(10 + ADDED);
        attrs.extend([
            ("x", s.display(x0)),
            ("y", s.display(y0)),
            (
                "dy",
                Val::Fixed(match anchor.v_pos {
                    VPos::Top => "0.76em",
                    VPos::Center => "0.5ex",
                    VPos::Bottom => "-0.5ex",
                }),
            ),
            (
                "text-anchor",
                Val::Fixed(match anchor.h_pos {
                    HPos::Left => "start",
                    HPos::Right => "end",
                    HPos::Center => "middle",
                }),
            ),
            (
                "font-family",
                match style.family() {
                    FontFamily::Serif => Val::Fixed("serif"),
                    FontFamily::SansSerif => Val::Fixed("sans-serif"),
                    FontFamily::Monospace => Val::Fixed("monospace"),
                    FontFamily::Name(name) => s.escaped(name),
                },
            ),
            ("font-size", s.number(style.size() / 1.24)),
            ("opacity", s.number(color.alpha)),
            ("fill", s.color(color)),
        ]);
        match style.style() {
            FontStyle::Normal => {}
            FontStyle::Bold => attrs.push(("font-weight", Val::Fixed("bold"))),
            FontStyle::Italic => attrs.push(("font-style", Val::Fixed("italic"))),
            FontStyle::Oblique => attrs.push(("font-style", Val::Fixed("oblique"))),
        }
        let degrees = match style.transform() {
            FontTransform::None => None,
            FontTransform::Rotate90 => Some(90),
            FontTransform::Rotate180 => Some(180),
            FontTransform::Rotate270 => Some(270),
        };
        if let Some(degrees) = degrees {
            let rotate = s.print(|s| {
                let _ = write!(s, "rotate({degrees}, {x0}, {y0})");
            });
            attrs.push(("transform", rotate));
        }
        // Plotters prints the text on a line of its own, which its reader
        // trimmed: so is the text kept.
        let text = s.escaped(text);
        let text = s.trim(text);
        self.push("text", attrs, Some(text));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rounded(v: f64) -> String {
        let mut s = String::new();
        push_rounded(&mut s, v);
        s
    }

    #[test]
    fn rounds_long_floats_only() {
        assert_eq!(rounded(16.0 / 1.24), "12.9");
        assert_eq!(rounded(15.999999999999998), "16");
        assert_eq!(rounded(0.2), "0.2");
        assert_eq!(rounded(0.85), "0.85");
        assert_eq!(rounded(42.0), "42");
        assert_eq!(rounded(1.0), "1");
        assert_eq!(rounded(-0.001), "0");
    }
}
