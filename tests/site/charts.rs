//! Every chart on the built site of the real content: a valid, accessible
//! SVG whose plotted points match the data table beside it.

use crate::support::api::render;
use crate::support::{build, dots_in, options, real_content, snapshot};

struct Chart {
    page: String,
    svg: String,
    /// First value column of the chart's data table, row by row.
    values: Vec<String>,
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<(&'a str, &'a str)> {
    let i = s.find(start)?;
    let rest = &s[i..];
    let j = rest.find(end)? + end.len();
    Some((&rest[..j], &rest[j..]))
}

fn charts() -> Vec<Chart> {
    let dir = tempfile::tempdir().unwrap();
    let (site, _) = render(&options(&real_content(), &dir.path().join("output"), None))
        .expect("the real content builds");
    let mut out = Vec::new();
    for (page, bytes) in &site.files {
        if !page.ends_with(".html") {
            continue;
        }
        let html = std::str::from_utf8(bytes).unwrap();
        let mut rest = html;
        while let Some((block, after)) =
            between(rest, "<div class=\"chart-figure", "<p class=\"chart-csv\">")
        {
            rest = after;
            let (svg, _) = between(block, "<svg", "</svg>").expect("an svg in every chart");
            // The chart's own folded table, else the table of the page it
            // names (one table per chart).
            let values = match after.strip_prefix("<a href=\"#") {
                Some(id) => {
                    let id = &id[..id.find('"').unwrap()];
                    let (table, _) = between(html, &format!("<caption id=\"{id}\">"), "</tbody>")
                        .unwrap_or_else(|| panic!("{page}: no table {id}"));
                    cells(table.split_once("<tbody>").expect("a body").1, "<td>")
                }
                _ => {
                    let (tbody, _) = between(block, "<tbody>", "</tbody>")
                        .expect("a data table beside every chart");
                    cells(tbody, "<td class=\"num\">")
                }
            };
            out.push(Chart {
                page: page.clone(),
                svg: svg.to_string(),
                values,
            });
        }
    }
    out
}

/// The first value cell of each row, as text without tags (and without
/// the notes under the value).
fn cells(tbody: &str, cell: &str) -> Vec<String> {
    tbody
        .split("<tr")
        .skip(1)
        .map(|row| {
            // A cell ends at its end tag or, when that is left out, at
            // the next cell or the end of the row.
            let start = row.find(cell).expect("a value cell");
            let cell = &row[start..];
            let inner = &cell[cell.find('>').unwrap() + 1..];
            let end = ["</td>", "<td", "<th"]
                .iter()
                .filter_map(|e| inner.find(e))
                .min()
                .unwrap_or(inner.len());
            let inner = &inner[..end];
            let inner = inner.split("<small>").next().unwrap_or_default();
            let mut text = String::new();
            let mut in_tag = false;
            for ch in inner.chars() {
                match ch {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            text.trim().to_string()
        })
        .collect()
}

fn is_number(v: &str) -> bool {
    v.starts_with(|c: char| c.is_ascii_digit())
}

#[test]
fn every_chart_is_accessible_and_plots_its_table() {
    let charts = charts();
    // Histories with three values or more (the province's groups, on its
    // page and on the indicators' pages) and the rankings of 10/2023.
    assert!(charts.len() >= 10, "only {} charts", charts.len());
    for c in &charts {
        let doc = roxmltree::Document::parse(&c.svg)
            .unwrap_or_else(|e| panic!("{}: {e}\n{}", c.page, c.svg));
        let root = doc.root_element();
        assert_eq!(root.attribute("role"), Some("img"), "{}", c.page);
        assert!(
            root.attribute("viewBox").is_some() && root.attribute("width").is_none(),
            "{}: not responsive",
            c.page
        );
        let labelled: Vec<&str> = root
            .attribute("aria-labelledby")
            .unwrap_or_default()
            .split(' ')
            .collect();
        let title = root
            .children()
            .find(|n| n.has_tag_name("title"))
            .expect("a title");
        let desc = root
            .children()
            .find(|n| n.has_tag_name("desc"))
            .expect("a desc");
        assert_eq!(
            labelled,
            [
                title.attribute("id").unwrap(),
                desc.attribute("id").unwrap()
            ],
            "{}",
            c.page
        );
        let desc = desc.text().unwrap_or_default();
        assert!(desc.ends_with('.') && desc.len() > 20, "{}: {desc}", c.page);

        let has_class = |n: &roxmltree::Node, c: &str| {
            n.attribute("class")
                .is_some_and(|v| v.split(' ').any(|x| x == c))
        };
        let bars = root
            .descendants()
            .filter(|n| has_class(n, "chart-bar"))
            .count();
        let points = first_series_points(&root);
        let numeric: Vec<&String> = c.values.iter().filter(|v| is_number(v)).collect();
        let plotted = if bars > 0 { bars } else { points };
        assert_eq!(
            plotted,
            numeric.len(),
            "{}: {} marks for {:?}",
            c.page,
            plotted,
            c.values
        );
        // The summary states the values it summarises.
        if bars == 0 {
            if let (Some(first), Some(last)) = (numeric.first(), numeric.last()) {
                for v in [first, last] {
                    let v = v.trim_end_matches('%');
                    assert!(
                        desc.contains(v),
                        "{}: `{desc}` does not mention {v}",
                        c.page
                    );
                }
            }
        }
        assert!(
            c.svg.len() < 20_000 || bars > 20,
            "{}: chart of {} bytes",
            c.page,
            c.svg.len()
        );
    }
}

#[test]
fn not_applicable_is_marked_never_drawn_and_a_real_zero_is_a_miss() {
    let charts = charts();
    // Online payment by unit, 10/2023: Sở Tài chính and Sở Nội vụ have no
    // fee-bearing procedures; Sở Khoa học và Công nghệ and Ban Quản lý các
    // KCN paid 0% online.
    let c = charts
        .iter()
        .find(|c| c.page == "chi-so/ty-le-thanh-toan-truc-tuyen/index.html")
        .expect("the ranking of online payment");
    let na = c
        .values
        .iter()
        .filter(|v| v.starts_with("Không áp dụng"))
        .count();
    let zeros = c.values.iter().filter(|v| *v == "0%").count();
    assert_eq!((c.values.len(), na, zeros), (26, 2, 2), "{:?}", c.values);
    assert_eq!(
        c.svg.matches("class=\"chart-bar").count(),
        24,
        "one bar per value"
    );
    assert!(
        c.svg.contains(">Không áp dụng<"),
        "not applicable is written out"
    );
    // Ten units missed the target of 30%, the two zeros among them.
    assert_eq!(c.svg.matches("chart-bar chart-miss").count(), 10);
}

#[test]
fn fewer_than_three_values_make_no_line() {
    let charts = charts();
    // A district with one month of figures: no line on its page, but its
    // month among the districts', as bars with itself highlighted.
    let own: Vec<_> = charts
        .iter()
        .filter(|c| c.page == "don-vi/khoai-chau/index.html")
        .collect();
    assert!(!own.is_empty());
    assert!(own
        .iter()
        .all(|c| !c.svg.contains("chart-line") && c.svg.contains("chart-strong")));
    // Every line drawn has three values or more.
    for c in charts.iter().filter(|c| c.svg.contains("chart-line")) {
        let doc = roxmltree::Document::parse(&c.svg).expect("the chart's SVG");
        let points = first_series_points(&doc.root_element());
        assert!(points >= 3, "{}: a line of {points} points", c.page);
    }
    // The province's total has two: no line on the home page either.
    assert!(!charts.iter().any(|c| c.page == "index.html"));
}

#[test]
fn the_build_summary_counts_the_charts_the_pages_show() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("output");
    let report = build(&real_content(), &out).expect("the real content builds");
    let shown: usize = snapshot(&out)
        .iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(_, bytes)| {
            std::str::from_utf8(bytes)
                .unwrap()
                .matches("<div class=\"chart-figure")
                .count()
        })
        .sum();
    assert!(shown > 0, "the real content has charts");
    assert_eq!(report.charts, shown, "charts reported by the pages");
    assert!(report.full && report.written == report.files && report.removed == 0);
}

/// The first series' point marks: each carries the class `chart-point
/// chart-s1` itself or through its group (a run of points shares it); a
/// run of dots drawn as one path marks one point per dot (`M99 48h0`).
fn first_series_points(root: &roxmltree::Node) -> usize {
    let is_s1 = |n: &roxmltree::Node| {
        n.attribute("class").is_some_and(|c| {
            c.split(' ').any(|x| x == "chart-point") && c.split(' ').any(|x| x == "chart-s1")
        })
    };
    root.descendants()
        .filter(|n| n.is_element() && n.tag_name().name() != "g")
        .filter(|n| {
            is_s1(n)
                || n.parent_element()
                    .is_some_and(|p| p.tag_name().name() == "g" && is_s1(&p))
        })
        .map(|n| match n.tag_name().name() {
            "path" => dots_in(n.attribute("d").unwrap_or("")),
            _ => 1,
        })
        .sum()
}
