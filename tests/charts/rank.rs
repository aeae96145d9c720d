//! Ranks over time with 1 at the top, and a unit highlighted among its
//! peers' bars, drawn for a phone and for a wide screen.

use crate::api::{
    bar_chart, bar_chart_wide, bar_summary, line_chart, line_summary, Datum, LineChart, Scale,
    Series,
};
use crate::samples::*;
use crate::svg::*;

fn ranks(data: Vec<Datum>) -> LineChart {
    LineChart {
        title: "Hạng tổng điểm của Hưng Yên".into(),
        x_labels: (1..=data.len()).map(|m| format!("{m:02}/2024")).collect(),
        series: vec![Series {
            name: "Hưng Yên".into(),
            data,
        }],
        scale: Scale::Rank { of: 63.0 },
        target: None,
        target_label: None,
        id: "hang".into(),
    }
}

#[test]
fn rank_one_is_at_the_top_and_the_worst_at_the_bottom() {
    let c = ranks(vec![V(20.0), V(1.0), V(63.0), V(28.0)]);
    let svg = line_chart(&c);
    check_frame(&svg, &c.title, &line_summary(&c), "hang");
    let doc = parse(&svg);
    let (top, bottom) = (tick_y(&doc, "1"), tick_y(&doc, "63"));
    assert!(top < bottom, "1 is drawn above 63: {top} {bottom}");
    let ys = point_ys(&doc, "chart-s1");
    assert_eq!(ys.len(), 4);
    assert!((ys[1] - top).abs() <= 1.0, "rank 1 on the top tick: {ys:?}");
    assert!((ys[2] - bottom).abs() <= 1.0, "rank 63 on the bottom tick");
    // 20 above 28: a line that climbs is a unit that does better.
    assert!(ys[0] < ys[3]);
    // Ranks read as ranks: the best is the lowest number.
    let summary = line_summary(&c);
    assert!(
        summary.contains("tốt nhất hạng 1 (02/2024), kém nhất hạng 63 (03/2024)"),
        "{summary}"
    );
    assert!(
        summary.contains("đầu kỳ hạng 20, cuối kỳ hạng 28"),
        "{summary}"
    );
}

#[test]
fn a_rank_beyond_the_number_ranked_stretches_the_axis() {
    // Ranked among 34 now, among 63 before: the axis holds both.
    let mut c = ranks(vec![V(45.0), V(12.0), V(10.0)]);
    c.scale = Scale::Rank { of: 34.0 };
    let doc_svg = line_chart(&c);
    let doc = parse(&doc_svg);
    let ys = point_ys(&doc, "chart-s1");
    assert!((ys[0] - tick_y(&doc, "45")).abs() <= 1.0, "{ys:?}");
}

#[test]
fn the_unit_stands_out_among_its_peers() {
    let mut c = units_chart();
    c.highlight = Some(3);
    let svg = bar_chart(&c);
    check_frame(&svg, &c.title, &bar_summary(&c), "ttt-2025-03");
    let doc = parse(&svg);
    // Peers in grey, the unit in colour (here a miss: hatched) and outlined.
    let peers = with_class(&doc, "chart-peer");
    assert_eq!(peers.len(), 3, "the three peers that meet the target");
    let strong = with_class(&doc, "chart-strong");
    let texts: Vec<&str> = strong.iter().filter_map(|n| n.text()).collect();
    // Its value, then its name (wrapped on a phone).
    assert_eq!(texts, ["44,6%", "Sở Giao", "thông vận tải"]);
    assert!(strong
        .iter()
        .filter(|n| n.has_tag_name("text"))
        .all(|n| style(n, "font-weight") == Some("bold")));
    assert_eq!(strong.iter().filter(|n| n.has_tag_name("rect")).count(), 1);
    // Without a highlight, no bar is grey.
    assert!(with_class(&parse(&bar_chart(&units_chart())), "chart-peer").is_empty());
}

#[test]
fn the_wide_drawing_puts_each_name_on_one_line() {
    let c = units_chart();
    let narrow = bar_chart(&c);
    let wide = bar_chart_wide(&c);
    check_frame(&wide, &c.title, &bar_summary(&c), "ttt-2025-03-rong");
    let name = "Sở Nông nghiệp và Phát triển nông thôn";
    let (n, w) = (parse(&narrow), parse(&wide));
    assert!(text_nodes(&n, name).is_empty(), "wrapped on a phone");
    assert_eq!(text_nodes(&w, name).len(), 1, "one line on a wide screen");
    // Wider, and the type keeps its size in drawing units.
    let width = |svg: &str| {
        let doc = parse(svg);
        let vb = doc.root_element().attribute("viewBox").unwrap_or_default();
        vb.split(' ')
            .nth(2)
            .and_then(|x| x.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    assert!(width(&wide) > 1.5 * width(&narrow));
    // Same bars and values.
    assert_eq!(
        with_class(&n, "chart-bar").len(),
        with_class(&w, "chart-bar").len()
    );
}
