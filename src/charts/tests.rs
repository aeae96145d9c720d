//! Unit tests across the chart modules (whole-chart checks live in
//! tests/charts/).

use super::*;
use plotters::style::RGBColor;

fn chart(data: Vec<Datum>) -> LineChart {
    LineChart {
        title: "Tỷ lệ hồ sơ trực tuyến".into(),
        x_labels: (0..data.len())
            .map(|i| format!("T{}/2024", i + 1))
            .collect(),
        series: vec![Series {
            name: "Sở Y tế".into(),
            data,
        }],
        scale: Scale::Percent,
        target: Some(30.0),
        target_label: None,
        id: "c".into(),
    }
}

fn luminance(c: RGBColor) -> f64 {
    let lin = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.03928 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
}

fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[test]
fn palette_meets_wcag_aa() {
    let white = RGBColor(255, 255, 255);
    // Text colours (the target label is red, "Không áp dụng" is muted on its band).
    for c in [TEXT, MUTED, RED, BLUE] {
        assert!(contrast(c, white) >= 4.5, "{c:?}: {}", contrast(c, white));
    }
    assert!(contrast(MUTED, BAND) >= 4.5);
    // Lines and markers.
    assert!(contrast(SERIES2, white) >= 3.0);
}

#[test]
fn month_labels_are_thinned_by_count_and_width() {
    for n in 1..120 {
        let widths = vec![95.0; n];
        let picked = line::thin_labels(&widths, 520.0);
        let slot = 520.0 / n as f64;
        assert_eq!(picked.first(), Some(&0), "{n}");
        assert!(picked.len() <= 7, "{n}: {picked:?}");
        assert!(
            picked
                .windows(2)
                .all(|w| (w[1] - w[0]) as f64 * slot >= 107.0),
            "{n}: {picked:?}"
        );
        if n > 1 {
            assert_eq!(picked.last(), Some(&(n - 1)), "{n}: last label kept");
        }
    }
    assert!(line::thin_labels(&[], 500.0).is_empty());
}

#[test]
fn no_sentinel_or_plotters_header_survives() {
    let svg = line_chart(&chart(vec![
        Datum::Value(10.0),
        Datum::NotApplicable,
        Datum::Value(40.0),
    ]));
    assert!(!svg.contains('\u{1}'));
    assert_eq!(svg.matches("<svg").count(), 1);
    assert!(
        !svg.lines().next().unwrap_or("").contains("width="),
        "no fixed size on <svg>"
    );
    let bars = bar_chart(&BarChart {
        title: "x".into(),
        bars: vec![Bar {
            label: "A".into(),
            value: Datum::Value(20.0),
            met: Some(false),
        }],
        scale: Scale::Percent,
        target: Some(30.0),
        target_label: None,
        id: "b".into(),
        highlight: Some(0),
    });
    assert!(!bars.contains('\u{1}'));
    assert!(bars.contains("Mục tiêu 30%"), "default target label");
}

#[test]
fn series_are_drawn_over_the_target() {
    let svg = line_chart(&chart(vec![Datum::Value(10.0), Datum::Value(40.0)]));
    let target = svg.find("class=\"chart-target\"").unwrap();
    let line = svg.find("class=\"chart-line chart-s1\"").unwrap();
    assert!(target < line);
}

#[test]
fn summary_names_months_when_the_ends_are_empty() {
    let c = chart(vec![
        Datum::Missing,
        Datum::Value(12.5),
        Datum::Value(40.0),
        Datum::Missing,
    ]);
    assert_eq!(
        line_summary(&c),
        "Từ T1/2024 đến T4/2024: đầu kỳ 12,5% (T2/2024), cuối kỳ 40% \
         (T3/2024); cao nhất 40% (T3/2024), thấp nhất 12,5% (T2/2024); đạt mục tiêu 30% trong \
         1/2 tháng có số liệu; 2 tháng chưa có số liệu."
    );
    let one = chart(vec![
        Datum::NotApplicable,
        Datum::Value(31.0),
        Datum::Missing,
    ]);
    assert_eq!(
        line_summary(&one),
        "Từ T1/2024 đến T3/2024: chỉ có số liệu T2/2024: 31%; \
         đạt mục tiêu 30%; 1 tháng không áp dụng; 1 tháng chưa có số liệu."
    );
    let mut score = chart(vec![Datum::Value(55.02), Datum::Value(61.5)]);
    score.scale = Scale::Points { max: 100.0 };
    score.target = None;
    assert!(line_summary(&score).contains("đầu kỳ 55,02 điểm, cuối kỳ 61,5 điểm"));
}

#[test]
fn long_floats_are_rounded_in_the_output() {
    let svg = line_chart(&chart(vec![Datum::Value(33.333333), Datum::Value(66.6666)]));
    assert!(!svg.contains("12.903"));
    assert!(svg.contains("font-size=\"22\""));
}
