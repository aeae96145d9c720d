//! Charts as the site uses them: parse every SVG and check what it claims.

use congkhai::charts::*;
use roxmltree::{Document, Node};

const V: fn(f64) -> Datum = Datum::Value;
const NA: Datum = Datum::NotApplicable;
const GAP: Datum = Datum::Missing;

fn months(from_month: u32, year: i32, n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            let m0 = from_month as usize - 1 + i;
            format!("T{}/{}", m0 % 12 + 1, year + (m0 / 12) as i32)
        })
        .collect()
}

fn rate_chart(data: Vec<Datum>) -> LineChart {
    LineChart {
        title: "Tỷ lệ thanh toán trực tuyến của Sở Tư pháp".into(),
        x_labels: months(10, 2023, data.len()),
        series: vec![Series {
            name: "Sở Tư pháp".into(),
            data,
        }],
        scale: Scale::Percent,
        target: Some(60.0),
        target_label: Some("Mục tiêu 60%".into()),
        id: "tt-stp".into(),
    }
}

fn score_chart() -> LineChart {
    LineChart {
        title: "Điểm Bộ chỉ số phục vụ người dân, doanh nghiệp của tỉnh".into(),
        x_labels: months(1, 2024, 12),
        series: vec![
            Series {
                name: "Tỉnh Quảng Ninh".into(),
                data: vec![
                    V(78.4),
                    V(80.12),
                    V(81.0),
                    GAP,
                    V(83.55),
                    V(85.2),
                    V(84.9),
                    V(86.37),
                    V(88.1),
                    V(87.66),
                    V(89.02),
                    V(90.5),
                ],
            },
            Series {
                name: "Trung bình cả nước".into(),
                data: vec![
                    V(70.1),
                    V(71.4),
                    V(72.0),
                    V(72.9),
                    GAP,
                    V(74.3),
                    V(75.0),
                    V(75.8),
                    V(76.2),
                    V(77.0),
                    V(77.9),
                    V(78.3),
                ],
            },
        ],
        scale: Scale::Points { max: 100.0 },
        target: None,
        target_label: None,
        id: "diem-tinh".into(),
    }
}

fn bar(label: &str, value: Datum, met: Option<bool>) -> Bar {
    Bar {
        label: label.into(),
        value,
        met,
    }
}

fn units_chart() -> BarChart {
    BarChart {
        title: "Tỷ lệ hồ sơ trực tuyến toàn trình, tháng 3/2025".into(),
        bars: vec![
            bar("Sở Tư pháp", V(100.0), Some(true)),
            bar(
                "Sở Nông nghiệp và Phát triển nông thôn",
                V(72.35),
                Some(true),
            ),
            bar("Sở Kế hoạch và Đầu tư", V(60.0), Some(true)),
            bar("Sở Giao thông vận tải", V(44.6), Some(false)),
            bar("Sở Tài nguyên và Môi trường", V(0.0), Some(false)),
            bar("Ban Quản lý Khu kinh tế", NA, None),
            bar("Sở Y tế", GAP, None),
        ],
        scale: Scale::Percent,
        target: Some(60.0),
        target_label: Some("Mục tiêu 60%".into()),
        id: "ttt-2025-03".into(),
    }
}

fn parse(svg: &str) -> Document<'_> {
    Document::parse(svg).unwrap_or_else(|e| panic!("invalid SVG: {e}\n{svg}"))
}

fn has_class(n: &Node, class: &str) -> bool {
    n.attribute("class")
        .is_some_and(|c| c.split(' ').any(|x| x == class))
}

fn with_class<'a>(doc: &'a Document, class: &str) -> Vec<Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| n.is_element() && has_class(n, class))
        .collect()
}

/// A presentation attribute as the renderer sees it: on the element or
/// inherited from a group.
fn style<'a>(n: &Node<'a, 'a>, attr: &str) -> Option<&'a str> {
    n.ancestors().find_map(|a| a.attribute(attr))
}

fn num(n: &Node, attr: &str) -> f64 {
    n.attribute(attr)
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no {attr} on {n:?}"))
}

fn text_nodes<'a>(doc: &'a Document, text: &str) -> Vec<Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text") && n.text() == Some(text))
        .collect()
}

/// The y of a tick label: plotters centres it on the tick.
fn tick_y(doc: &Document, label: &str) -> f64 {
    let t = text_nodes(doc, label);
    assert_eq!(t.len(), 1, "tick {label}");
    num(&t[0], "y")
}

fn polyline_points(n: &Node) -> Vec<(f64, f64)> {
    n.attribute("points")
        .unwrap_or("")
        .split_whitespace()
        .map(|p| {
            let (x, y) = p.split_once(',').unwrap();
            (x.parse().unwrap(), y.parse().unwrap())
        })
        .collect()
}

fn point_ys(doc: &Document, series: &str) -> Vec<f64> {
    with_class(doc, "chart-point")
        .iter()
        .filter(|n| has_class(n, series))
        .map(|n| {
            if n.has_tag_name("circle") {
                num(n, "cy")
            } else {
                num(n, "y") + num(n, "height") / 2.0
            }
        })
        .collect()
}

/// Checks every chart must pass.
fn check_frame(svg: &str, title: &str, summary: &str, id: &str) {
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
    assert!(root
        .attribute("font-family")
        .is_some_and(|f| f.starts_with("system-ui")));
    let kids: Vec<Node> = root.children().filter(Node::is_element).collect();
    assert_eq!(kids[0].tag_name().name(), "title");
    assert_eq!(kids[0].text(), Some(title));
    assert_eq!(kids[1].tag_name().name(), "desc");
    assert_eq!(kids[1].text(), Some(summary));
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

#[test]
fn line_chart_is_accessible() {
    let c = rate_chart(vec![V(5.63), V(8.0), V(20.0), GAP, V(12.5)]);
    let svg = line_chart(&c);
    check_frame(&svg, &c.title, &line_summary(&c), "tt-stp");
}

#[test]
fn summary_states_first_last_best_worst_and_target() {
    let c = rate_chart(vec![V(5.63), V(8.0), V(20.0), GAP, V(12.5)]);
    assert_eq!(
        line_summary(&c),
        "Tỷ lệ thanh toán trực tuyến của Sở Tư pháp từ T10/2023 đến T2/2024: đầu kỳ 5,63%, \
         cuối kỳ 12,5%; cao nhất 20% (T12/2023), thấp nhất 5,63% (T10/2023); \
         đạt mục tiêu 60% trong 0/4 tháng có số liệu; 1 tháng chưa có số liệu."
    );
}

#[test]
fn one_marker_per_value() {
    let c = score_chart();
    let doc_svg = line_chart(&c);
    let doc = parse(&doc_svg);
    let values = |s: usize| {
        c.series[s]
            .data
            .iter()
            .filter(|d| matches!(d, Datum::Value(_)))
            .count()
    };
    assert_eq!(point_ys(&doc, "chart-s1").len(), values(0));
    assert_eq!(point_ys(&doc, "chart-s2").len(), values(1));
    assert_eq!(with_class(&doc, "chart-point").len(), values(0) + values(1));
    // Different shapes, not only colours; the reference series is dashed.
    assert!(with_class(&doc, "chart-s1")
        .iter()
        .filter(|n| has_class(n, "chart-point"))
        .all(|n| n.has_tag_name("circle")));
    assert!(with_class(&doc, "chart-s2")
        .iter()
        .filter(|n| has_class(n, "chart-point"))
        .all(|n| n.has_tag_name("rect")));
    for line in with_class(&doc, "chart-line") {
        assert_eq!(
            style(&line, "stroke-dasharray").is_some(),
            has_class(&line, "chart-s2")
        );
    }
    // Both series named in the legend.
    assert_eq!(text_nodes(&doc, "Tỉnh Quảng Ninh").len(), 1);
    assert_eq!(text_nodes(&doc, "Trung bình cả nước").len(), 1);
    check_frame(&doc_svg, &c.title, &line_summary(&c), "diem-tinh");
    assert!(
        line_summary(&c).ends_with("; Trung bình cả nước T12/2024: 78,3 điểm."),
        "{}",
        line_summary(&c)
    );
}

#[test]
fn points_scale_runs_to_the_maximum() {
    let mut c = score_chart();
    c.scale = Scale::Points { max: 15.0 };
    c.series.truncate(1);
    c.series[0].data = vec![V(3.5), V(15.0), V(7.25)];
    c.x_labels.truncate(3);
    let svg = line_chart(&c);
    let doc = parse(&svg);
    let (y0, y15) = (tick_y(&doc, "0"), tick_y(&doc, "15"));
    let ys = point_ys(&doc, "chart-s1");
    assert!((ys[1] - y15).abs() <= 1.0);
    assert!((ys[0] - (y0 + (y15 - y0) * 3.5 / 15.0)).abs() <= 1.0);
    assert_eq!(text_nodes(&doc, "7,5").len(), 0, "ticks 0, 5, 10, 15");
}

#[test]
fn a_gap_splits_the_line() {
    let c = rate_chart(vec![V(10.0), V(20.0), GAP, V(30.0), V(40.0)]);
    let doc_svg = line_chart(&c);
    let doc = parse(&doc_svg);
    let lines = with_class(&doc, "chart-line");
    assert_eq!(lines.len(), 2);
    assert!(lines.iter().all(|l| polyline_points(l).len() == 2));
    assert_eq!(point_ys(&doc, "chart-s1").len(), 4);
}

#[test]
fn target_line_sits_at_the_targets_y() {
    let c = rate_chart(vec![V(55.0), V(62.0), V(58.0)]);
    let svg = line_chart(&c);
    let doc = parse(&svg);
    let (y0, y100) = (tick_y(&doc, "0%"), tick_y(&doc, "100%"));
    let target: Vec<Node> = with_class(&doc, "chart-target")
        .into_iter()
        .filter(|n| n.has_tag_name("polyline"))
        .collect();
    assert_eq!(target.len(), 1);
    assert!(style(&target[0], "stroke-dasharray").is_some());
    let pts = polyline_points(&target[0]);
    let expected = y0 + (y100 - y0) * 0.6;
    assert!(
        pts.iter().all(|(_, y)| (y - expected).abs() <= 1.0),
        "{pts:?} vs {expected}"
    );
    assert_eq!(text_nodes(&doc, "Mục tiêu 60%").len(), 1);
    // The label reads in the target's colour on a plate; it stays inside the chart.
    let label = &text_nodes(&doc, "Mục tiêu 60%")[0];
    assert!(has_class(label, "chart-target-label"));
    assert!(num(label, "x") > 0.0 && num(label, "x") < 640.0);
}

#[test]
fn one_month_is_a_point() {
    let c = rate_chart(vec![V(12.5)]);
    let svg = line_chart(&c);
    let doc = parse(&svg);
    assert_eq!(point_ys(&doc, "chart-s1").len(), 1);
    assert!(with_class(&doc, "chart-line").is_empty());
    assert_eq!(text_nodes(&doc, "T10/2023").len(), 1);
    let s = line_summary(&c);
    assert_eq!(
        s,
        "Tỷ lệ thanh toán trực tuyến của Sở Tư pháp (T10/2023): 12,5%; chưa đạt mục tiêu 60%."
    );
    check_frame(&svg, &c.title, &s, "tt-stp");
}

#[test]
fn all_not_applicable_is_marked_not_zero() {
    let c = rate_chart(vec![NA; 6]);
    let svg = line_chart(&c);
    let doc = parse(&svg);
    assert!(with_class(&doc, "chart-point").is_empty());
    assert!(with_class(&doc, "chart-line").is_empty());
    let bands: Vec<Node> = with_class(&doc, "chart-na")
        .into_iter()
        .filter(|n| n.has_tag_name("rect"))
        .collect();
    assert_eq!(bands.len(), 1, "one band for the run");
    assert!(with_class(&doc, "chart-na")
        .iter()
        .any(|n| n.text() == Some("Không áp dụng")));
    let s = line_summary(&c);
    assert_eq!(s, "Tỷ lệ thanh toán trực tuyến của Sở Tư pháp từ T10/2023 đến T3/2024: không áp dụng trong cả 6 tháng.");
    check_frame(&svg, &c.title, &s, "tt-stp");
}

#[test]
fn not_applicable_month_breaks_the_line_and_is_labelled() {
    let c = rate_chart(vec![V(30.0), V(35.0), NA, NA, V(50.0), V(52.0)]);
    let svg = line_chart(&c);
    let doc = parse(&svg);
    assert_eq!(point_ys(&doc, "chart-s1").len(), 4);
    assert_eq!(with_class(&doc, "chart-line").len(), 2);
    let band = with_class(&doc, "chart-na")
        .into_iter()
        .find(|n| n.has_tag_name("rect"))
        .unwrap();
    // No marker inside the band.
    let (x0, x1) = (num(&band, "x"), num(&band, "x") + num(&band, "width"));
    for p in with_class(&doc, "chart-point") {
        assert!(num(&p, "cx") < x0 || num(&p, "cx") > x1);
    }
    // The legend explains the band.
    assert!(with_class(&doc, "chart-key")
        .iter()
        .any(|n| n.text() == Some("Không áp dụng")));
    assert!(line_summary(&c).contains("; 2 tháng không áp dụng"));
}

#[test]
fn zero_is_drawn_at_zero_and_hundred_at_the_top() {
    let c = rate_chart(vec![V(0.0), V(100.0), V(0.0)]);
    let svg = line_chart(&c);
    let doc = parse(&svg);
    let (y0, y100) = (tick_y(&doc, "0%"), tick_y(&doc, "100%"));
    let ys = point_ys(&doc, "chart-s1");
    assert_eq!(ys.len(), 3);
    assert!(
        (ys[0] - y0).abs() <= 1.0 && (ys[2] - y0).abs() <= 1.0,
        "{ys:?} {y0}"
    );
    assert!((ys[1] - y100).abs() <= 1.0);
    assert!(line_summary(&c).contains("cao nhất 100% (T11/2023), thấp nhất 0% (T10/2023)"));
}

#[test]
fn out_of_range_is_clamped_but_told() {
    let c = rate_chart(vec![V(120.0), V(-5.0)]);
    let svg = line_chart(&c);
    let doc = parse(&svg);
    let (y0, y100) = (tick_y(&doc, "0%"), tick_y(&doc, "100%"));
    let ys = point_ys(&doc, "chart-s1");
    assert!((ys[0] - y100).abs() <= 1.0 && (ys[1] - y0).abs() <= 1.0);
    assert!(line_summary(&c).contains("đầu kỳ 120%, cuối kỳ -5%"));
}

#[test]
fn nan_is_a_gap() {
    let c = rate_chart(vec![V(10.0), V(f64::NAN), V(f64::INFINITY), V(30.0)]);
    let svg = line_chart(&c);
    let doc = parse(&svg);
    assert_eq!(point_ys(&doc, "chart-s1").len(), 2);
    assert!(with_class(&doc, "chart-line").is_empty());
    assert!(!svg.contains("NaN") && !svg.contains("inf"));
    assert!(line_summary(&c).contains("2 tháng chưa có số liệu"));
}

#[test]
fn count_scale_uses_thousands_dot() {
    let c = LineChart {
        title: "Số bản sao điện tử được cấp".into(),
        x_labels: months(1, 2025, 3),
        series: vec![Series {
            name: "Sở Tư pháp".into(),
            data: vec![V(412.0), V(1038.0), V(870.0)],
        }],
        scale: Scale::Count,
        target: None,
        target_label: None,
        id: "ban-sao".into(),
    };
    let svg = line_chart(&c);
    let doc = parse(&svg);
    let (y0, top) = (tick_y(&doc, "0"), tick_y(&doc, "1.250"));
    let ys = point_ys(&doc, "chart-s1");
    assert!((ys[1] - (y0 + (top - y0) * 1038.0 / 1250.0)).abs() <= 1.0);
    let s = line_summary(&c);
    assert!(s.contains("cao nhất 1.038 (T2/2025)"), "{s}");
    check_frame(&svg, &c.title, &s, "ban-sao");
}

#[test]
fn month_labels_never_overlap_and_keep_both_ends() {
    for n in [1, 2, 5, 8, 12, 18, 24, 36, 60] {
        let c = rate_chart((0..n).map(|i| V(i as f64)).collect());
        let svg = line_chart(&c);
        let doc = parse(&svg);
        let mut xs: Vec<(f64, f64)> = doc
            .descendants()
            .filter(|t| {
                t.has_tag_name("text")
                    && t.text()
                        .is_some_and(|s| s.starts_with('T') && s.contains('/'))
            })
            .map(|t| {
                (
                    num(&t, "x"),
                    t.text().unwrap().chars().count() as f64 * 0.6 * 20.0,
                )
            })
            .collect();
        xs.sort_by(|a, b| a.0.total_cmp(&b.0));
        assert!(xs.len() <= 7, "{n} months: {} labels", xs.len());
        let texts: Vec<&str> = doc.descendants().filter_map(|t| t.text()).collect();
        assert!(texts.contains(&c.x_labels[0].as_str()));
        assert!(
            texts.contains(&c.x_labels[n - 1].as_str()),
            "{n} months: last label"
        );
        for w in xs.windows(2) {
            assert!(
                w[1].0 - w[0].0 >= (w[0].1 + w[1].1) / 2.0,
                "{n} months overlap: {w:?}"
            );
        }
        let (last_x, last_w) = xs[xs.len() - 1];
        assert!(
            last_x + last_w / 2.0 <= 640.0,
            "{n} months: last label clipped"
        );
        assert!(xs[0].0 - xs[0].1 / 2.0 >= 0.0);
    }
}

#[test]
fn no_data_says_so() {
    let empty = rate_chart(vec![]);
    let svg = line_chart(&empty);
    assert!(parse(&svg)
        .descendants()
        .any(|n| n.text() == Some("Chưa có số liệu")));
    assert_eq!(
        line_summary(&empty),
        "Tỷ lệ thanh toán trực tuyến của Sở Tư pháp: chưa có số liệu."
    );
    let gaps = rate_chart(vec![GAP, GAP]);
    assert!(line_summary(&gaps).ends_with(": chưa có số liệu."));
    let no_series = LineChart {
        series: vec![],
        ..rate_chart(vec![V(1.0)])
    };
    check_frame(
        &line_chart(&no_series),
        &no_series.title,
        &line_summary(&no_series),
        "tt-stp",
    );
}

#[test]
fn odd_inputs_do_not_panic() {
    let mut charts = vec![
        LineChart {
            scale: Scale::Points { max: 0.0 },
            ..rate_chart(vec![V(-3.0), V(2.0)])
        },
        LineChart {
            scale: Scale::Points { max: f64::NAN },
            target: Some(f64::NAN),
            ..rate_chart(vec![V(1.0)])
        },
        LineChart {
            scale: Scale::Count,
            target: Some(5e9),
            ..rate_chart(vec![V(0.0), V(0.0)])
        },
        LineChart {
            id: "Ø <x>".into(),
            title: "a < b & \"c\"\n".into(),
            ..rate_chart(vec![V(1.0)])
        },
    ];
    let mut long_name = rate_chart(vec![V(1.0)]);
    long_name.series[0].name = "Ủy ban nhân dân ".repeat(12);
    let svg = line_chart(&long_name);
    let key = with_class(&parse(&svg), "chart-key")
        .into_iter()
        .find_map(|n| n.text().map(str::to_string))
        .unwrap();
    assert!(key.ends_with('…') && key.chars().count() < 60, "{key}");
    let mut c = rate_chart(vec![V(1.0), V(2.0), V(3.0)]);
    c.series[0].data.truncate(1);
    c.series.push(Series {
        name: String::new(),
        data: vec![V(1.0); 9],
    });
    c.series.push(Series {
        name: "ignored".into(),
        data: vec![V(1.0); 3],
    });
    charts.push(c);
    for c in &charts {
        let svg = line_chart(c);
        parse(&svg);
        assert!(!line_summary(c).is_empty());
    }
    let b = BarChart {
        bars: vec![],
        ..units_chart()
    };
    let svg = bar_chart(&b);
    assert!(parse(&svg)
        .descendants()
        .any(|n| n.text() == Some("Chưa có số liệu")));
    assert_eq!(
        bar_summary(&b),
        "Tỷ lệ hồ sơ trực tuyến toàn trình, tháng 3/2025: chưa có số liệu."
    );
    let weird = BarChart {
        scale: Scale::Count,
        bars: vec![bar("", V(f64::NAN), Some(false)), bar("x", V(-1.0), None)],
        target: Some(f64::INFINITY),
        ..units_chart()
    };
    parse(&bar_chart(&weird));
}

#[test]
fn output_is_deterministic() {
    assert_eq!(line_chart(&score_chart()), line_chart(&score_chart()));
    assert_eq!(bar_chart(&units_chart()), bar_chart(&units_chart()));
}

#[test]
fn bar_chart_marks_values_misses_and_target() {
    let c = units_chart();
    let svg = bar_chart(&c);
    check_frame(&svg, &c.title, &bar_summary(&c), "ttt-2025-03");
    let doc = parse(&svg);
    let bars = with_class(&doc, "chart-bar");
    assert_eq!(bars.len(), 5, "one bar per unit with a value");
    // Misses: hatched pattern and outline, not colour alone.
    let misses = with_class(&doc, "chart-miss");
    assert_eq!(misses.len(), 2);
    for m in &misses {
        assert_eq!(style(m, "fill"), Some("url(#ttt-2025-03-miss)"));
        assert_eq!(style(m, "stroke"), Some("#B3261E"));
    }
    assert!(doc
        .descendants()
        .any(|n| n.has_tag_name("pattern") && n.attribute("id") == Some("ttt-2025-03-miss")));
    assert!(with_class(&doc, "chart-key")
        .iter()
        .any(|n| n.text() == Some("Chưa đạt mục tiêu")));
    // Values as text at the bar ends, with decimal comma; no bar for NA / missing.
    let values: Vec<&str> = with_class(&doc, "chart-value")
        .iter()
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(
        values,
        [
            "100%",
            "72,35%",
            "60%",
            "44,6%",
            "0%",
            "Không áp dụng",
            "Chưa công bố"
        ]
    );
    // Value labels follow the bar ends.
    for (b, v) in bars.iter().zip(with_class(&doc, "chart-value")) {
        assert!(num(&v, "x") >= num(b, "x") + num(b, "width"));
    }
    // A real 0 is drawn (as a sliver at 0), ranked order kept.
    let ys: Vec<f64> = bars.iter().map(|b| num(b, "y")).collect();
    assert!(ys.windows(2).all(|w| w[0] < w[1]));
    // Target: a dashed vertical line at 60% of the way from the 0% tick
    // to the 100% tick (tick labels are centred on their ticks).
    let tick_x = |label: &str| {
        let t: Vec<Node> = text_nodes(&doc, label)
            .into_iter()
            .filter(|n| !has_class(n, "chart-value"))
            .collect();
        assert_eq!(t.len(), 1, "tick {label}");
        num(&t[0], "x")
    };
    let x60 = tick_x("0%") + (tick_x("100%") - tick_x("0%")) * 0.6;
    let line = with_class(&doc, "chart-target")
        .into_iter()
        .find(|n| n.has_tag_name("polyline"))
        .unwrap();
    assert!(style(&line, "stroke-dasharray").is_some());
    assert!(polyline_points(&line)
        .iter()
        .all(|(x, _)| (x - x60).abs() <= 1.0));
    assert_eq!(text_nodes(&doc, "Mục tiêu 60%").len(), 1);
    // ... and it breaks around value texts instead of striking them through.
    let segments: Vec<Vec<(f64, f64)>> = with_class(&doc, "chart-target")
        .iter()
        .filter(|n| n.has_tag_name("polyline"))
        .map(polyline_points)
        .collect();
    assert!(
        segments.len() >= 2,
        "gaps at 'Không áp dụng' and 'Chưa công bố'"
    );
    for v in with_class(&doc, "chart-value") {
        let (x, y) = (num(&v, "x"), num(&v, "y"));
        let w = v.text().unwrap().chars().count() as f64 * 0.62 * 16.0;
        if (x..=x + w).contains(&x60) {
            for seg in &segments {
                let (top, bottom) = (seg[0].1.min(seg[1].1), seg[0].1.max(seg[1].1));
                assert!(
                    bottom < y - 8.0 || top > y + 8.0,
                    "target line crosses {:?}",
                    v.text()
                );
            }
        }
    }
    // Unit names sit left of the bars, long ones wrapped onto two lines.
    let names: Vec<&str> = doc
        .descendants()
        .filter(|n| {
            n.has_tag_name("text")
                && n.attribute("class").is_none()
                && num(n, "x") < num(&bars[0], "x")
        })
        .filter_map(|n| n.text())
        .collect();
    assert!(
        names
            .join(" ")
            .contains("Sở Nông nghiệp và Phát triển nông thôn"),
        "{names:?}"
    );
    assert!(names.len() > c.bars.len());
}

#[test]
fn bar_summary_counts_units() {
    assert_eq!(
        bar_summary(&units_chart()),
        "Tỷ lệ hồ sơ trực tuyến toàn trình, tháng 3/2025: 7 đơn vị; cao nhất 100% (Sở Tư pháp), \
         thấp nhất 0% (Sở Tài nguyên và Môi trường); 3/5 đơn vị đạt mục tiêu 60%; \
         1 đơn vị không áp dụng; 1 đơn vị chưa công bố."
    );
    let all_na = BarChart {
        bars: vec![bar("A", NA, None), bar("B", NA, None)],
        ..units_chart()
    };
    assert_eq!(
        bar_summary(&all_na),
        "Tỷ lệ hồ sơ trực tuyến toàn trình, tháng 3/2025: 2 đơn vị; không áp dụng."
    );
    let ties = BarChart {
        bars: ["A", "B", "C", "D"]
            .iter()
            .map(|n| bar(n, V(100.0), Some(true)))
            .collect(),
        ..units_chart()
    };
    assert!(bar_summary(&ties).contains("cao nhất 100% (A, B và 2 đơn vị khác)"));
}

#[test]
fn many_units_stay_small() {
    let bars: Vec<Bar> = (0..60)
        .map(|i| {
            bar(
                &format!("UBND xã số {i}"),
                V(100.0 - i as f64 * 1.3),
                Some(i < 30),
            )
        })
        .collect();
    let c = BarChart {
        bars,
        ..units_chart()
    };
    let svg = bar_chart(&c);
    let doc = parse(&svg);
    assert_eq!(with_class(&doc, "chart-bar").len(), 60);
    assert!(svg.len() < 40_000, "{} bytes for 60 bars", svg.len());
}

#[test]
fn charts_on_one_page_have_distinct_ids() {
    let a = line_chart(&rate_chart(vec![V(1.0)]));
    let b = line_chart(&LineChart {
        id: "tt-stp-2".into(),
        ..rate_chart(vec![V(1.0)])
    });
    let c = bar_chart(&units_chart());
    let mut ids: Vec<String> = Vec::new();
    for svg in [&a, &b, &c] {
        for n in parse(svg).descendants() {
            if let Some(id) = n.attribute("id") {
                ids.push(id.to_string());
            }
        }
    }
    let total = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), total);
}

#[test]
fn snapshot_rate_with_target_gap_and_not_applicable() {
    let c = rate_chart(vec![
        V(5.63),
        V(8.0),
        V(20.0),
        GAP,
        V(12.5),
        NA,
        NA,
        V(31.25),
        V(45.0),
        V(58.9),
        V(61.2),
        V(66.0),
        V(0.0),
        V(70.4),
    ]);
    insta::assert_snapshot!(line_chart(&c));
}

#[test]
fn snapshot_score_against_national_average() {
    insta::assert_snapshot!(line_chart(&score_chart()));
}

#[test]
fn snapshot_units_ranked() {
    insta::assert_snapshot!(bar_chart(&units_chart()));
}

/// Writes sample pages to /tmp/charts-demo for screenshots:
/// `cargo test --test charts -- --ignored write_demo_pages`.
#[test]
#[ignore]
fn write_demo_pages() {
    let dir = std::path::Path::new("/tmp/charts-demo");
    std::fs::create_dir_all(dir).unwrap();
    let long = rate_chart(vec![
        V(5.63),
        V(8.0),
        V(20.0),
        GAP,
        V(12.5),
        NA,
        NA,
        V(31.25),
        V(45.0),
        V(58.9),
        V(61.2),
        V(66.0),
        V(0.0),
        V(70.4),
        V(72.0),
        V(69.5),
        V(75.25),
        V(80.0),
        V(79.1),
        V(84.3),
        V(88.0),
        V(90.2),
        V(91.0),
        V(95.5),
    ]);
    let mut two = score_chart();
    two.series[0].name = "Tỉnh Quảng Ninh (tổng điểm)".into();
    let one = rate_chart(vec![V(12.5)]);
    let na = rate_chart(vec![NA, NA, NA, V(40.0), V(66.0)]);
    let count = LineChart {
        title: "Số bản sao điện tử được cấp".into(),
        x_labels: months(1, 2025, 6),
        series: vec![Series {
            name: "Sở Tư pháp".into(),
            data: vec![V(412.0), V(1038.0), V(870.0), V(0.0), V(955.0), V(1010.0)],
        }],
        scale: Scale::Count,
        target: None,
        target_label: None,
        id: "ban-sao".into(),
    };
    let many = BarChart {
        bars: (0..14)
            .map(|i| {
                let names = [
                    "Sở Tư pháp",
                    "Sở Nông nghiệp và Phát triển nông thôn",
                    "Văn phòng Ủy ban nhân dân tỉnh",
                    "Sở Lao động - Thương binh và Xã hội",
                ];
                let v = 100.0 - i as f64 * 7.3;
                bar(
                    names[i % 4],
                    if i == 12 {
                        NA
                    } else if i == 13 {
                        GAP
                    } else {
                        V(v)
                    },
                    Some(v >= 60.0),
                )
            })
            .collect(),
        ..units_chart()
    };
    // Ids from the page names: all.html shows every chart on one page.
    let line = |name: &str, c: LineChart| {
        (
            name.to_string(),
            line_chart(&LineChart {
                id: name.into(),
                ..c
            }),
        )
    };
    let bars = |name: &str, c: BarChart| {
        (
            name.to_string(),
            bar_chart(&BarChart {
                id: name.into(),
                ..c
            }),
        )
    };
    let pages: Vec<(String, String)> = vec![
        line("line-long", long),
        line("line-two", two),
        line("line-one", one),
        line("line-na", na),
        line("line-count", count),
        bars("bars", units_chart()),
        bars("bars-many", many),
    ];
    let mut all = String::new();
    for (name, svg) in &pages {
        let page = format!(
            "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>{name}</title><style>body{{margin:0;font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,\
             \"Helvetica Neue\",Arial,\"Noto Sans\",sans-serif;color:#1b1b1b}}main{{max-width:46rem;\
             margin:0 auto;padding:16px}}figure{{margin:0 0 24px}}svg{{display:block;width:100%;height:auto}}\
             </style></head><body><main><h1>{name}</h1><figure>{svg}<figcaption>{} bytes</figcaption></figure>\
             </main></body></html>\n",
            svg.len()
        );
        std::fs::write(dir.join(format!("{name}.html")), page).unwrap();
        all.push_str(&format!("<figure>{svg}</figure>"));
    }
    let index = format!(
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>charts</title>\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <style>main{{max-width:46rem;margin:0 auto;padding:16px}}svg{{display:block;width:100%;height:auto}}</style>\
         </head><body><main>{all}</main></body></html>\n"
    );
    std::fs::write(dir.join("all.html"), index).unwrap();
}
