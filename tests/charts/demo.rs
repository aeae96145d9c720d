//! Sample pages of charts, for screenshots.

use crate::api::{bar_chart, line_chart, BarChart, LineChart, Scale, Series};
use crate::samples::*;

/// Writes sample pages to /tmp/charts-demo for screenshots:
/// `cargo test --test charts -- --ignored demo::write_demo_pages`.
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
