//! Odd inputs do not panic, output is deterministic, and charts can share
//! a page without clashing ids.

use crate::api::{
    bar_chart, bar_summary, line_chart, line_summary, BarChart, LineChart, Scale, Series,
};
use crate::samples::*;
use crate::svg::*;

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
    // Keys are drawn for two series (one is named by the title).
    let mut long_name = rate_chart(vec![V(1.0)]);
    long_name.series[0].name = "Ủy ban nhân dân ".repeat(12);
    long_name.series.push(Series {
        name: "Trung bình cả nước".into(),
        data: vec![V(2.0)],
    });
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
    assert_eq!(bar_summary(&b), "Chưa có số liệu.");
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
