//! A gallery of charts that push the layout (two years of months, a series
//! with a long name beside the national average, one month, a run of "not
//! applicable" months, a count scale, fourteen ranked units with long
//! names), all on one page: each is a valid, accessible chart of its data,
//! and together they share the page without clashing ids.
//!
//! With `CONGKHAI_CHARTS_GALLERY=DIR` set, the test also writes the gallery
//! into DIR as HTML pages (one per chart, and `all.html`), to look at or to
//! take screenshots of.

use crate::api::{
    bar_chart, bar_summary, line_chart, line_summary, BarChart, Datum, LineChart, Scale, Series,
};
use crate::samples::*;
use crate::svg::*;
use std::collections::BTreeSet;

/// One chart of the gallery: its id (the page's name), SVG, title and
/// text alternative.
struct Shown {
    name: &'static str,
    svg: String,
    title: String,
    summary: String,
}

fn line(name: &'static str, c: LineChart) -> Shown {
    let c = LineChart {
        id: name.into(),
        ..c
    };
    Shown {
        name,
        svg: line_chart(&c),
        title: c.title.clone(),
        summary: line_summary(&c),
    }
}

fn bars(name: &'static str, c: BarChart) -> Shown {
    let c = BarChart {
        id: name.into(),
        ..c
    };
    Shown {
        name,
        svg: bar_chart(&c),
        title: c.title.clone(),
        summary: bar_summary(&c),
    }
}

/// Two years of a unit's rate, with a gap, two months not applicable and
/// a real zero.
fn two_years() -> LineChart {
    rate_chart(vec![
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
    ])
}

fn copies() -> LineChart {
    LineChart {
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
    }
}

const LONG_NAMES: [&str; 4] = [
    "Sở Tư pháp",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Văn phòng Ủy ban nhân dân tỉnh",
    "Sở Lao động - Thương binh và Xã hội",
];

/// Fourteen units, falling by 7,3 points each; the thirteenth not
/// applicable, the last not published.
fn many_units() -> BarChart {
    BarChart {
        bars: (0..14)
            .map(|i| {
                let v = 100.0 - i as f64 * 7.3;
                let value = match i {
                    12 => NA,
                    13 => GAP,
                    _ => V(v),
                };
                bar(LONG_NAMES[i % 4], value, Some(v >= 60.0))
            })
            .collect(),
        ..units_chart()
    }
}

fn gallery() -> Vec<Shown> {
    let mut two = score_chart();
    two.series[0].name = "Tỉnh Quảng Ninh (tổng điểm)".into();
    vec![
        line("line-long", two_years()),
        line("line-two", two),
        line("line-one", rate_chart(vec![V(12.5)])),
        line("line-na", rate_chart(vec![NA, NA, NA, V(40.0), V(66.0)])),
        line("line-count", copies()),
        bars("bars", units_chart()),
        bars("bars-many", many_units()),
    ]
}

fn find<'a>(gallery: &'a [Shown], name: &str) -> &'a Shown {
    gallery.iter().find(|s| s.name == name).unwrap()
}

/// The month labels (`T10/2023`…) of a line chart, in order.
fn month_labels(svg: &str) -> Vec<String> {
    parse(svg)
        .descendants()
        .filter(|t| t.has_tag_name("text"))
        .filter_map(|t| t.text())
        .filter(|s| s.starts_with('T') && s.contains('/'))
        .map(str::to_string)
        .collect()
}

#[test]
fn every_chart_of_the_gallery_is_valid_and_accessible() {
    for s in gallery() {
        check_frame(&s.svg, &s.title, &s.summary, s.name);
    }
}

#[test]
fn the_gallery_shares_one_page_without_clashing_ids() {
    let gallery = gallery();
    let page = gallery
        .iter()
        .map(|s| format!("<figure>{}</figure>", s.svg))
        .collect::<String>();
    let page = format!("<main>{page}</main>");
    let doc = roxmltree::Document::parse(&page).unwrap_or_else(|e| panic!("{e}\n{page}"));
    let svgs = doc.descendants().filter(|n| n.has_tag_name("svg")).count();
    assert_eq!(svgs, gallery.len());
    let ids: Vec<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute("id"))
        .collect();
    let unique: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "an id twice on one page: {ids:?}");
    write_if_asked(&gallery);
}

#[test]
fn what_each_chart_of_the_gallery_shows() {
    let gallery = gallery();

    // Two years of months: a few labels, the first and the last among them.
    let long = find(&gallery, "line-long");
    let labels = month_labels(&long.svg);
    assert!(labels.len() <= 7, "{labels:?}");
    assert_eq!(labels.first().map(String::as_str), Some("T10/2023"));
    assert_eq!(labels.last().map(String::as_str), Some("T9/2025"));
    let doc = parse(&long.svg);
    assert_eq!(point_ys(&doc, "chart-s1").len(), 21, "24 months less 3");
    assert!(
        long.summary.contains("thấp nhất 0% (T10/2024)"),
        "{}",
        long.summary
    );

    // The series with a long name and the national average, both named.
    let two = find(&gallery, "line-two");
    let doc = parse(&two.svg);
    assert_eq!(marks(&doc, "").len(), 11 + 11);
    let keys: Vec<&str> = with_class(&doc, "chart-key")
        .iter()
        .filter_map(|n| n.text())
        .collect();
    assert!(
        keys.iter().any(|k| k.starts_with("Tỉnh Quảng Ninh")),
        "{keys:?}"
    );
    assert!(keys.contains(&"Trung bình cả nước"), "{keys:?}");

    // One month: a point and its label, no line.
    let one = find(&gallery, "line-one");
    let doc = parse(&one.svg);
    assert_eq!(point_ys(&doc, "chart-s1").len(), 1);
    assert!(with_class(&doc, "chart-line").is_empty());

    // Three months not applicable: one band, two points after it.
    let na = find(&gallery, "line-na");
    let doc = parse(&na.svg);
    let bands = with_class(&doc, "chart-na")
        .into_iter()
        .filter(|n| n.has_tag_name("rect"))
        .count();
    assert_eq!(bands, 1);
    assert_eq!(point_ys(&doc, "chart-s1").len(), 2);
    assert!(
        na.summary.contains("3 tháng không áp dụng"),
        "{}",
        na.summary
    );

    // A count: the thousands dot, and a real zero drawn as a point.
    let count = find(&gallery, "line-count");
    assert!(
        count.summary.contains("cao nhất 1.038 (T2/2025)"),
        "{}",
        count.summary
    );
    assert_eq!(point_ys(&parse(&count.svg), "chart-s1").len(), 6);

    // Fourteen units: a bar for each of the twelve with a value, the six
    // below the target marked, and the last two told in words.
    let many = find(&gallery, "bars-many");
    let doc = parse(&many.svg);
    let chart = many_units();
    let with_value = |met: bool| {
        chart
            .bars
            .iter()
            .filter(|b| matches!(b.value, Datum::Value(_)) && b.met == Some(met))
            .count()
    };
    assert_eq!(with_class(&doc, "chart-bar").len(), 12);
    assert_eq!(with_value(false), 6);
    assert_eq!(with_class(&doc, "chart-miss").len(), with_value(false));
    let values: Vec<&str> = with_class(&doc, "chart-value")
        .iter()
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(values.len(), 14, "{values:?}");
    assert_eq!(values[12..], ["Không áp dụng", "Chưa công bố"]);
    assert!(many.summary.contains("14 đơn vị"), "{}", many.summary);
    let text = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join(" ");
    for name in LONG_NAMES {
        assert!(
            text.contains(name),
            "{name} not shown (even wrapped):\n{text}"
        );
    }
}

/// Writes the gallery as HTML pages when `CONGKHAI_CHARTS_GALLERY` names a
/// folder.
fn write_if_asked(gallery: &[Shown]) {
    let Some(dir) = std::env::var_os("CONGKHAI_CHARTS_GALLERY") else {
        return;
    };
    let dir = std::path::Path::new(&dir);
    std::fs::create_dir_all(dir).unwrap();
    let mut all = String::new();
    for Shown { name, svg, .. } in gallery {
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
