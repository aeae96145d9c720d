//! The sample charts the tests draw: a unit's monthly rate against a
//! target, a province's score against the national average, units ranked
//! in bars.

use crate::api::{Bar, BarChart, Datum, LineChart, Scale, Series};

pub const V: fn(f64) -> Datum = Datum::Value;
pub const NA: Datum = Datum::NotApplicable;
pub const GAP: Datum = Datum::Missing;

pub fn months(from_month: u32, year: i32, n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            let m0 = from_month as usize - 1 + i;
            format!("T{}/{}", m0 % 12 + 1, year + (m0 / 12) as i32)
        })
        .collect()
}

pub fn rate_chart(data: Vec<Datum>) -> LineChart {
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

pub fn score_chart() -> LineChart {
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

pub fn bar(label: &str, value: Datum, met: Option<bool>) -> Bar {
    Bar {
        label: label.into(),
        value,
        met,
    }
}

pub fn units_chart() -> BarChart {
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
        highlight: None,
    }
}
