//! Line charts: one marker per value, gaps and "not applicable" months
//! break the line, scales, the target line, month labels, no data.

use crate::api::{line_chart, line_summary, standalone, Datum, LineChart, Scale, Series};
use crate::samples::*;
use crate::svg::*;
use roxmltree::Node;

#[test]
fn line_chart_is_accessible() {
    let c = rate_chart(vec![V(5.63), V(8.0), V(20.0), GAP, V(12.5)]);
    let svg = line_chart(&c);
    check_frame(&svg, &c.title, &line_summary(&c), "tt-stp");
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
    assert_eq!(marks(&doc, "").len(), values(0) + values(1));
    // Different shapes, not only colours; the reference series is dashed.
    assert!(marks(&doc, "chart-s1")
        .iter()
        .all(|m| matches!(m.shape, Shape::Dot | Shape::Ring)));
    assert!(marks(&doc, "chart-s2")
        .iter()
        .all(|m| m.shape == Shape::Square));
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
    assert_eq!(s, "T10/2023: 12,5%; chưa đạt mục tiêu 60%.");
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
    assert_eq!(
        s,
        "Từ T10/2023 đến T3/2024: không áp dụng trong cả 6 tháng."
    );
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
    for m in marks(&doc, "") {
        assert!(m.x < x0 || m.x > x1, "{m:?}");
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
    assert_eq!(line_summary(&empty), "Chưa có số liệu.");
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
fn one_series_has_no_key_but_its_newest_value_on_the_line() {
    let c = rate_chart(vec![V(70.0), V(44.6), V(12.5)]);
    let svg = line_chart(&c);
    let doc = parse(&svg);
    assert!(
        with_class(&doc, "chart-key").is_empty(),
        "a key for one series"
    );
    let values: Vec<_> = with_class(&doc, "chart-value")
        .iter()
        .flat_map(|g| g.descendants())
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| {
            n.text()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(String::from)
        })
        .collect();
    assert_eq!(values, ["12,5%"]);
    // Two series keep their key.
    let mut two = c.clone();
    two.series.push(Series {
        name: "Trung bình cả nước".into(),
        data: vec![V(50.0); 3],
    });
    let svg = line_chart(&two);
    assert!(!with_class(&parse(&svg), "chart-key").is_empty());
}

#[test]
fn a_miss_is_a_red_ring_at_its_value() {
    // Target 60%: 70% meets it, 44,6% and 0% miss it.
    let c = rate_chart(vec![V(70.0), V(44.6), V(0.0)]);
    let svg = line_chart(&c);
    let doc = parse(&svg);
    let mut points = marks(&doc, "chart-s1");
    points.sort_by(|a, b| a.x.total_cmp(&b.x));
    assert_eq!(points.len(), 3);
    assert_eq!(points[0].shape, Shape::Dot, "a met value is a dot");
    for p in &points[1..] {
        assert_eq!(p.shape, Shape::Ring, "a miss is hollow");
        assert_eq!(p.colour, "#B3261E");
    }
    // The 0% ring sits on the zero line, not lifted.
    let y0 = tick_y(&doc, "0%");
    assert!((points[2].y - y0).abs() <= 1.0);
}

#[test]
fn a_chart_saved_on_its_own_says_its_font_and_background() {
    let svg = standalone(&line_chart(&score_chart()));
    let doc = parse(&svg);
    let root = doc.root_element();
    assert!(root
        .attribute("font-family")
        .is_some_and(|f| f.starts_with("system-ui")));
    assert_eq!(root.attribute("style"), Some("background:#fff"));
    assert_eq!(
        root.attribute("xmlns").or(root.tag_name().namespace()),
        Some("http://www.w3.org/2000/svg")
    );
    // Only the root changed.
    let inline = line_chart(&score_chart());
    assert_eq!(
        svg.split_once('>').unwrap().1,
        inline.split_once('>').unwrap().1
    );
}
