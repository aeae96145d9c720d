//! Bar charts: units ranked, misses marked by more than colour, the target
//! line, values at the bar ends; many units stay small.

use crate::api::{bar_chart, bar_summary, Bar, BarChart};
use crate::samples::*;
use crate::svg::*;
use roxmltree::Node;

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
        // Its middle: the baseline is a quarter of its size (16) below.
        let (x, y) = (num(&v, "x"), num(&v, "y") - 4.0);
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
