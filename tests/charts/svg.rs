//! SVG taken apart with roxmltree, and the checks every chart must pass.

use roxmltree::{Document, Node};

pub fn parse(svg: &str) -> Document<'_> {
    Document::parse(svg).unwrap_or_else(|e| panic!("invalid SVG: {e}\n{svg}"))
}

fn own_class(n: &Node, class: &str) -> bool {
    n.attribute("class")
        .is_some_and(|c| c.split(' ').any(|x| x == class))
}

fn is_group(n: &Node) -> bool {
    n.tag_name().name() == "g"
}

/// Whether a mark has `class`, on itself or from its group (a run of
/// points shares its class through a `<g>`).
pub fn has_class(n: &Node, class: &str) -> bool {
    own_class(n, class)
        || (!is_group(n)
            && n.parent_element()
                .is_some_and(|p| is_group(&p) && own_class(&p, class)))
}

/// The marks (never a group) with `class`.
pub fn with_class<'a>(doc: &'a Document, class: &str) -> Vec<Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| n.is_element() && !is_group(n) && has_class(n, class))
        .collect()
}

/// A presentation attribute as the renderer sees it: on the element or
/// inherited from a group.
pub fn style<'a>(n: &Node<'a, 'a>, attr: &str) -> Option<&'a str> {
    n.ancestors().find_map(|a| a.attribute(attr))
}

pub fn num(n: &Node, attr: &str) -> f64 {
    n.attribute(attr)
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no {attr} on {n:?}"))
}

pub fn text_nodes<'a>(doc: &'a Document, text: &str) -> Vec<Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text") && n.text() == Some(text))
        .collect()
}

/// The y of a tick label's tick: plotters centres the label on it, its
/// baseline half an x-height (a quarter of its size) below. A value label
/// that reads the same (a point at 0%) is not a tick.
pub fn tick_y(doc: &Document, label: &str) -> f64 {
    let t: Vec<_> = text_nodes(doc, label)
        .into_iter()
        .filter(|n| {
            !n.ancestors()
                .any(|a| a.is_element() && has_class(&a, "chart-value"))
        })
        .collect();
    assert_eq!(t.len(), 1, "tick {label}");
    let size = t[0]
        .ancestors()
        .find_map(|a| a.attribute("font-size"))
        .and_then(|v| v.parse::<f64>().ok())
        .expect("a font size");
    num(&t[0], "y") - size / 4.0
}

pub fn polyline_points(n: &Node) -> Vec<(f64, f64)> {
    n.attribute("points")
        .unwrap_or("")
        .split_whitespace()
        .map(|p| {
            let (x, y) = p.split_once(',').unwrap();
            (x.parse().unwrap(), y.parse().unwrap())
        })
        .collect()
}

/// How a point is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A filled dot: a `<circle>`, or one dot of a run drawn as one path.
    Dot,
    /// A hollow circle: a missed target.
    Ring,
    /// A square: the reference series.
    Square,
}

/// One point's mark: its centre, its shape and its colour.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub x: f64,
    pub y: f64,
    pub shape: Shape,
    pub colour: String,
}

/// The centres of a dots path: `M99 48h0M107 156h0`, each dot a
/// zero-length stroke with round caps.
fn dots(d: &str) -> Vec<(f64, f64)> {
    d.split('M')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let p = p
                .strip_suffix("h0")
                .unwrap_or_else(|| panic!("not a dot: M{p}"));
            let (x, y) = p
                .split_once(' ')
                .unwrap_or_else(|| panic!("not a dot: M{p}"));
            (x.parse().unwrap(), y.parse().unwrap())
        })
        .collect()
}

/// The point marks of a series (`chart-s1`, `chart-s2`; "" for every
/// series), in the order of the file.
pub fn marks(doc: &Document, series: &str) -> Vec<Mark> {
    let colour = |n: &Node, attr: &str| style(n, attr).unwrap_or("").to_ascii_uppercase();
    with_class(doc, "chart-point")
        .iter()
        .filter(|n| series.is_empty() || has_class(n, series))
        .flat_map(|n| match n.tag_name().name() {
            "circle" => {
                let hollow = style(n, "fill") == Some("none");
                vec![Mark {
                    x: num(n, "cx"),
                    y: num(n, "cy"),
                    shape: if hollow { Shape::Ring } else { Shape::Dot },
                    colour: colour(n, if hollow { "stroke" } else { "fill" }),
                }]
            }
            "rect" => vec![Mark {
                x: num(n, "x") + num(n, "width") / 2.0,
                y: num(n, "y") + num(n, "height") / 2.0,
                shape: Shape::Square,
                colour: colour(n, "fill"),
            }],
            "path" => {
                assert_eq!(n.attribute("stroke-linecap"), Some("round"), "{n:?}");
                dots(n.attribute("d").unwrap_or(""))
                    .into_iter()
                    .map(|(x, y)| Mark {
                        x,
                        y,
                        shape: Shape::Dot,
                        colour: colour(n, "stroke"),
                    })
                    .collect()
            }
            other => panic!("a point drawn as <{other}>"),
        })
        .collect()
}

/// The y of each point of a series, left to right (points are grouped by
/// how they look, so their order in the file is not the months' order).
pub fn point_ys(doc: &Document, series: &str) -> Vec<f64> {
    let mut points: Vec<(f64, f64)> = marks(doc, series).iter().map(|m| (m.x, m.y)).collect();
    points.sort_by(|a, b| a.0.total_cmp(&b.0));
    points.into_iter().map(|(_, y)| y).collect()
}

/// Checks every chart must pass.
pub fn check_frame(svg: &str, title: &str, summary: &str, id: &str) {
    assert!(svg.starts_with("<svg "), "no prolog, the element only");
    assert!(svg.ends_with("</svg>"));
    assert!(!svg.contains("<?xml") && !svg.contains("<script"));
    assert!(svg.len() < 20_000, "{} bytes", svg.len());
    let doc = parse(svg);
    let root = doc.root_element();
    assert_eq!(root.attribute("role"), Some("img"));
    assert_eq!(root.attribute("width"), None);
    assert_eq!(root.attribute("height"), None);
    assert!(root
        .attribute("viewBox")
        .is_some_and(|v| v.starts_with("0 0 ")));
    // The font and the white background come from the page's stylesheet
    // (`svg.chart`); a file of its own says them (`standalone`).
    assert_eq!(root.attribute("class"), Some("chart"));
    assert_eq!(root.attribute("font-family"), None);
    assert!(
        !doc.descendants().any(|n| n.has_tag_name("rect")
            && n.attribute("x") == Some("0")
            && n.attribute("y") == Some("0")
            && n.attribute("fill") == Some("#FFFFFF")),
        "a background rectangle"
    );
    // Labels are placed by their `y` alone: `dy` is not inherited, so a
    // group could not share it.
    assert!(
        !doc.descendants().any(|n| n.attribute("dy").is_some()),
        "a dy"
    );
    let kids: Vec<Node> = root.children().filter(Node::is_element).collect();
    assert_eq!(kids[0].tag_name().name(), "title");
    assert_eq!(kids[0].text(), Some(title));
    assert_eq!(kids[1].tag_name().name(), "desc");
    assert_eq!(kids[1].text(), Some(summary));
    // A screen reader reads the title, then the description: it does not
    // hear the title twice.
    let first_words: String = title.chars().take(12).collect();
    assert!(
        title.is_empty() || !summary.starts_with(&first_words),
        "`{summary}` repeats `{title}`"
    );
    let labelled_by = format!("{id}-title {id}-desc");
    assert_eq!(
        root.attribute("aria-labelledby"),
        Some(labelled_by.as_str())
    );
    assert_eq!(
        kids[0].attribute("id"),
        Some(format!("{id}-title").as_str())
    );
    assert_eq!(kids[1].attribute("id"), Some(format!("{id}-desc").as_str()));
    // Every id is prefixed, so charts can share a page.
    for n in doc.descendants().filter(|n| n.attribute("id").is_some()) {
        assert!(n.attribute("id").unwrap().starts_with(&format!("{id}-")));
    }
    // Fonts come from the page; numbers are short.
    for n in doc.descendants().filter(|n| n.has_tag_name("text")) {
        assert_eq!(n.attribute("font-family"), None);
    }
    for a in doc.descendants().flat_map(|n| n.attributes()) {
        for token in a.value().split(|c: char| !(c.is_ascii_digit() || c == '.')) {
            if let Some((_, frac)) = token.split_once('.') {
                assert!(frac.len() <= 2, "long number {token} in {}", a.name());
            }
        }
    }
}
