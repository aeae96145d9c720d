//! A change of the unit on a line chart (a merger): a dashed vertical rule
//! with its label, said in the summary too; none where no change falls
//! inside the axis.

use crate::api::{
    line_chart, line_chart_with_breaks, line_summary, line_summary_with_breaks, Break,
};
use crate::samples::*;
use crate::svg::*;

fn merger(at: f64) -> Break {
    Break {
        at,
        label: "Sáp nhập 01/7/2024".into(),
    }
}

/// The x of each point of the first series, left to right.
fn point_xs(svg: &str) -> Vec<f64> {
    let doc = parse(svg);
    let mut xs: Vec<f64> = marks(&doc, "chart-s1").iter().map(|m| m.x).collect();
    xs.sort_by(f64::total_cmp);
    xs
}

/// The x of each rule, checking that it is a dashed vertical line.
fn rule_xs(svg: &str) -> Vec<f64> {
    let doc = parse(svg);
    with_class(&doc, "chart-break")
        .iter()
        .map(|n| {
            assert!(style(n, "stroke-dasharray").is_some(), "dashed: {n:?}");
            let pts = polyline_points(n);
            assert_eq!(pts.len(), 2, "{n:?}");
            assert_eq!(pts[0].0, pts[1].0, "vertical: {n:?}");
            assert!(pts[0].1 != pts[1].1, "a rule, not a dot: {n:?}");
            pts[0].0
        })
        .collect()
}

#[test]
fn a_merger_between_two_months_is_a_labelled_rule_between_them() {
    // score_chart: T1/2024 … T12/2024, one gap in April.
    let c = score_chart();
    let svg = line_chart_with_breaks(&c, &[merger(5.5)]);
    let summary = line_summary_with_breaks(&c, &[merger(5.5)]);
    check_frame(&svg, &c.title, &summary, &c.id);
    let xs = point_xs(&svg);
    let rules = rule_xs(&svg);
    assert_eq!(rules.len(), 1);
    // Points: T1, T2, T3, T5, … (T4 is a gap): T6 is the 5th, T7 the 6th.
    let (june, july) = (xs[4], xs[5]);
    assert!(
        june < rules[0] && rules[0] < july,
        "{june} < {rules:?} < {july}"
    );
    let doc = parse(&svg);
    let labels = with_class(&doc, "chart-break-label");
    assert_eq!(labels.len(), 1);
    assert_eq!(labels[0].text(), Some("Sáp nhập 01/7/2024"));
    assert!(
        summary.ends_with(
            " Đường kẻ dọc đánh dấu thay đổi của đơn vị: Sáp nhập 01/7/2024 (giữa T6/2024 và T7/2024)."
        ),
        "{summary}"
    );
    assert!(summary.starts_with(&line_summary(&c)));
}

#[test]
fn a_merger_inside_a_period_is_drawn_through_its_point() {
    let c = score_chart();
    let svg = line_chart_with_breaks(&c, &[merger(2.0)]);
    assert_eq!(rule_xs(&svg), vec![point_xs(&svg)[2]]);
    assert!(line_summary_with_breaks(&c, &[merger(2.0)])
        .ends_with(": Sáp nhập 01/7/2024 (trong kỳ T3/2024)."));
}

#[test]
fn no_merger_on_the_axis_draws_nothing() {
    let c = score_chart();
    let plain = line_chart(&c);
    assert!(rule_xs(&plain).is_empty());
    assert!(!plain.contains("chart-break"));
    assert_eq!(line_chart_with_breaks(&c, &[]), plain);
    // Before the first month or after the last: not inside the chart.
    for at in [-0.5, 11.5, 40.0, f64::NAN] {
        assert_eq!(line_chart_with_breaks(&c, &[merger(at)]), plain, "{at}");
        assert_eq!(
            line_summary_with_breaks(&c, &[merger(at)]),
            line_summary(&c),
            "{at}"
        );
    }
}

#[test]
fn a_label_is_escaped() {
    let c = score_chart();
    let b = Break {
        at: 5.5,
        label: "Sáp nhập <b>&</b>".into(),
    };
    let svg = line_chart_with_breaks(&c, &[b]);
    assert!(!svg.contains("<b>"), "{svg}");
    parse(&svg);
}
