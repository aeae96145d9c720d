//! A line that goes on across a merger is marked: the province absorbed
//! Thái Bình on 1/7/2025, so its history from before to after that day
//! carries a dashed rule "Sáp nhập 01/7/2025"; a history that ends before
//! it carries none.

use crate::support::*;

/// The real content plus the province's total for `period`, from a made-up
/// dispatch of the office (only a total: enough for a third point).
fn with_total(period: &str, total: &str) -> Fixture {
    let fx = Fixture::real();
    let (year, _) = period.split_once('-').expect("a month");
    fx.write(
        &format!("dispatches/{year}/{period}-thu-nghiem.yaml"),
        &format!(
            "kind: monthly-results
symbol: VPUB-PVHCC&KSTT
issuer:
  unit: hung-yen
  body: Văn phòng UBND tỉnh
  header: [UBND TỈNH HƯNG YÊN, VĂN PHÒNG]
place: Hưng Yên
date: 2025-09-05
subject: Công bố kết quả Bộ chỉ số tháng {period} (thử nghiệm)
period: {period}
signature:
  titles: [CHÁNH VĂN PHÒNG]
  name: Người Thử Nghiệm
results:
  unit: hung-yen
  total: {total}
body: |
  Tổng điểm của tỉnh tháng {period}: {total}/100 điểm (số liệu thử nghiệm).
"
        ),
    );
    fx
}

/// The SVG of the province's total over time on `page`.
fn total_chart(out: &std::path::Path, page: &str) -> String {
    let html = read_text(out, page);
    let start = html
        .find("id=\"cs-tong-diem\"")
        .expect("the total's history");
    let section = &html[start..];
    let svg = &section[section.find("<svg").expect("a line of the total")..];
    svg[..svg.find("</svg>").unwrap() + "</svg>".len()].to_string()
}

#[test]
fn the_province_line_across_the_merger_is_marked() {
    let fx = with_total("2025-08", "75,5");
    let loaded = fx.load();
    assert!(!loaded.diagnostics.has_errors(), "{}", report(&loaded));
    let out = fx.scratch("out");
    build(fx.content(), &out).unwrap_or_else(|e| panic!("{e}"));
    let svg = total_chart(&out, "don-vi/hung-yen/index.html");
    // The rule (dashed, through the plot), its label, and the sentence of
    // the summary that screen readers hear.
    assert_eq!(svg.matches("chart-break-label").count(), 1, "{svg}");
    assert!(svg.contains(">Sáp nhập 01/7/2025</text>"), "{svg}");
    assert!(
        svg.contains(
            "Đường kẻ dọc đánh dấu thay đổi của đơn vị: Sáp nhập 01/7/2025 (giữa 06/2025 và 07/2025)."
        ),
        "{svg}"
    );
    // Thái Bình's page points to the province.
    let tb = read_text(&out, "don-vi/thai-binh/index.html");
    assert!(links_to(
        &tb,
        "don-vi/thai-binh/index.html",
        "don-vi/hung-yen/index.html"
    ));
}

#[test]
fn a_line_that_ends_before_the_merger_is_not_marked() {
    let fx = with_total("2025-05", "74,1");
    let out = fx.scratch("out");
    build(fx.content(), &out).unwrap_or_else(|e| panic!("{e}"));
    let svg = total_chart(&out, "don-vi/hung-yen/index.html");
    assert_eq!(point_marks(&svg), 3, "three points: {svg}");
    assert!(!svg.contains("chart-break"), "{svg}");
    assert!(!svg.contains("Sáp nhập"), "{svg}");
}

#[test]
fn no_chart_of_the_real_content_spans_a_merger() {
    // Every history of the shipped content ends by 03/2025, before the
    // province took over Thái Bình; the departments merged on 1/3/2025 have
    // a single month each, too few for a line.
    let built = build_real();
    for (page, bytes) in built.files() {
        if page.ends_with(".html") {
            let html = String::from_utf8(bytes).unwrap();
            assert!(!html.contains("chart-break"), "{page}");
        }
    }
}
