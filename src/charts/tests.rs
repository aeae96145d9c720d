//! Unit tests across the chart modules.

use super::*;

#[test]
fn smoke() {
    let c = LineChart {
        title: "Tỷ lệ".into(),
        x_labels: vec!["T1/2024".into(), "T2/2024".into()],
        series: vec![Series { name: "Sở Tư pháp".into(), data: vec![Datum::Value(5.0), Datum::Value(7.0)] }],
        scale: Scale::Percent,
        target: Some(60.0),
        target_label: Some("Mục tiêu 60%".into()),
        id: "x".into(),
    };
    println!("{}", line_chart(&c));
}
