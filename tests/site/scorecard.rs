//! The answer first: every unit page and the home page open with the
//! latest period at a glance, read from the real dispatches.

use crate::support::*;

/// The visible text of the scorecard of a page, and where it starts.
fn scorecard(html: &str) -> (usize, String) {
    let start = html
        .find("<section class=\"scorecard\"")
        .unwrap_or_else(|| panic!("no scorecard:\n{}", visible_text(html)));
    let len = html[start..].find("</section>").expect("a closed section");
    (start, visible_text(&html[start..start + len]))
}

#[test]
fn the_province_answers_first_with_its_score_change_and_rank() {
    let site = build_real();
    for page in ["don-vi/hung-yen/index.html", "index.html"] {
        let html = site.text(page);
        let (at, text) = scorecard(&html);
        for needle in [
            "Kết quả tháng 03/2025",
            "Tổng điểm 73,04/100 điểm",
            "Hạng 28/63 tỉnh, thành phố",
            // The score rose while the rank fell: both said, in words.
            "Tăng 18,02 điểm so với tháng 02/2023",
            "Hạng giảm 8 bậc (20/63 tháng 02/2023)",
            "Tổng điểm tăng từ 55,02 (tháng 02/2023) lên 73,04 (tháng 03/2025), \
             nhưng hạng tụt từ 20/63 xuống 28/63.",
            "Công văn số 120/VPUB-PVHCC&KSTT",
        ] {
            assert!(text.contains(needle), "{page}: no {needle:?} in\n{text}");
        }
        // Each group with its maximum, national average and rank.
        assert!(row_contains!(
            site.out,
            page,
            "chi-so/tien-do-giai-quyet/",
            ["19,3", "/20 điểm", "cả nước 17,6", "giảm 0,5 điểm", "6/63"]
        ));
        // Nothing but the heading comes before it.
        let before = visible_text(&html[html.find("<main").unwrap_or(0)..at]);
        assert!(before.len() < 120, "{page}: before the scorecard: {before}");
    }
    // A history of two values has no line but says where it went.
    let html = site.text("don-vi/hung-yen/index.html");
    let start = html
        .find("id=\"cs-muc-do-hai-long\"")
        .expect("satisfaction");
    let section = &html[start..start + html[start..].find("</section>").unwrap()];
    assert!(!section.contains("<svg"), "a line of two values");
    assert!(
        visible_text(section).contains("Tăng từ 12 (tháng 02/2023) lên 17,8 (tháng 03/2025)."),
        "{}",
        visible_text(section)
    );
    // The metadata follow the results on the unit page.
    let html = site.text("don-vi/hung-yen/index.html");
    let (at, _) = scorecard(&html);
    let facts = html.find("class=\"facts\"").expect("the unit's facts");
    assert!(at < facts && html.find("id=\"ket-qua\"").unwrap() < facts);
}

#[test]
fn a_district_is_placed_among_the_districts_and_judged_against_targets() {
    let site = build_real();
    let (_, text) = scorecard(&site.text("don-vi/khoai-chau/index.html"));
    // 93,5% of applications online in 10/2023: ninth of the ten districts,
    // towns and cities of Phụ lục I (the province's own 44,12% is no peer).
    assert!(text.contains("Kết quả tháng 10/2023"), "{text}");
    assert!(
        text.contains("93,5%mục tiêu ≥ 60%") || text.contains("93,5% mục tiêu ≥ 60%"),
        "{text}"
    );
    assert!(text.contains("Thứ 9/10 huyện, thị xã, thành phố"), "{text}");
    assert!(
        text.contains("Đạt mục tiêu 2/2 chỉ tiêu tháng 10/2023."),
        "{text}"
    );
    // A miss is a miss: Sở Khoa học và Công nghệ paid 0% online.
    assert!(row_contains!(
        site.out,
        "don-vi/so-khoa-hoc-va-cong-nghe/index.html",
        "chi-so/ty-le-thanh-toan-truc-tuyen/",
        ["0%", "mục tiêu ≥ 30%", "Chưa đạt", "13/14"]
    ));
}

#[test]
fn the_home_page_groups_the_misses_by_indicator_with_their_period() {
    let site = build_real();
    let html = site.text("index.html");
    let text = visible_text(&html);
    assert!(
        text.contains("kết quả chung của tỉnh ở trên thuộc kỳ tháng 03/2025"),
        "{text}"
    );
    for caption in [
        "Tỷ lệ hồ sơ nộp trực tuyến, tháng 10/2023: 1 đơn vị chưa đạt",
        "Tỷ lệ thanh toán trực tuyến, tháng 10/2023: 10 đơn vị chưa đạt",
    ] {
        assert!(text.contains(caption), "no {caption:?} in\n{text}");
    }
    assert!(row_contains!(
        site.out,
        "index.html",
        "don-vi/so-tu-phap/",
        ["Sở Tư pháp", "44,6%", "Chưa đạt"]
    ));
}

#[test]
fn blank_numbers_read_as_such_and_sources_are_named_once() {
    let site = build_real();
    let html = site.text("don-vi/khoai-chau/index.html");
    let text = visible_text(&html);
    assert!(
        text.contains("Công văn (không ghi số), tháng 11/2023"),
        "{text}"
    );
    assert!(!text.contains("số /VP"), "{text}");
    // Each history table names its one source in its caption, not per row:
    // a row's period leads to it, without naming it again.
    let rows = rows(&html);
    let periods: Vec<_> = rows
        .iter()
        .filter(|(raw, _)| raw.contains("van-ban/2023-10-vpub/"))
        .collect();
    assert!(!periods.is_empty(), "no row of 10/2023");
    assert!(
        periods.iter().all(|(_, text)| !text.contains("Công văn")),
        "a row repeats the source"
    );
    // The province's total has no target: its history has no status column.
    let html = site.text("don-vi/hung-yen/index.html");
    let start = html
        .find("id=\"bang-tong-diem\"")
        .expect("the total's history");
    let table = &html[start..start + html[start..].find("</table>").unwrap()];
    assert!(table.contains("73,04"), "{table}");
    assert!(!table.contains("Đánh giá"), "{table}");
    // A target's table keeps it.
    let html = site.text("don-vi/khoai-chau/index.html");
    let start = html.find("id=\"bang-ty-le-nop-truc-tuyen\"").unwrap();
    let table = &html[start..start + html[start..].find("</table>").unwrap()];
    assert!(table.contains("Đánh giá"), "{table}");
}

/// The part of `html` from the element with `id` to the end of its section.
fn section_of<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no {id}"));
    let end = html[start..]
        .find("</section>")
        .map_or(html.len(), |e| start + e);
    &html[start..end]
}

#[test]
fn a_short_history_is_shown_among_the_peers_with_the_unit_highlighted() {
    let site = build_real();
    let page = "don-vi/so-tu-phap/index.html";
    let html = site.text(page);
    // One month of online applications: no line, its month among the
    // departments' (16 of them in Appendix I of 10/2023), itself in bold.
    let section = section_of(&html, "cs-ty-le-nop-truc-tuyen");
    assert!(!section.contains("chart-line"), "a line from one value");
    let text = visible_text(section);
    assert!(
        text.contains(
            "Tỷ lệ hồ sơ nộp trực tuyến, tháng 10/2023: Sở Tư pháp thứ 16/16 sở, ban, ngành \
             (biểu đồ: 15 đơn vị xếp gần nhất)"
        ),
        "{text}"
    );
    for drawing in [
        "so-sanh-ty-le-nop-truc-tuyen-title",
        "so-sanh-ty-le-nop-truc-tuyen-rong-title",
    ] {
        assert!(section.contains(drawing), "no {drawing}");
    }
    let narrow = &section[section.find("<svg").unwrap_or(0)..section.find("</svg>").unwrap_or(0)];
    assert!(narrow.contains("44,6%</text>"));
    assert!(narrow.contains("class=\"chart-strong\""));
    let bars = narrow.matches("chart-bar chart-peer").count()
        + narrow.matches("chart-bar chart-miss").count();
    assert!(bars >= 2, "peers in grey, misses hatched: {bars}");
    // The target line is drawn across the peers.
    assert!(narrow.contains("chart-target"));
    // The peers' figures, all 16, are one download away.
    let csv = site.text("don-vi/so-tu-phap/ty-le-nop-truc-tuyen.so-sanh.csv");
    assert_eq!(csv.lines().count(), 1 + 16, "{csv}");
    assert!(
        csv.contains("so-tu-phap") && csv.contains("so-y-te"),
        "{csv}"
    );
    assert!(section.contains("href=\"ty-le-nop-truc-tuyen.so-sanh.csv\""));
}

#[test]
fn a_unit_with_a_line_gets_no_peers_chart() {
    let site = build_real();
    let html = site.text("don-vi/hung-yen/index.html");
    assert!(!html.contains("chart-peer"));
    // Two printed ranks are no line either: the finding says them.
    assert!(!html.contains("id=\"hang-tong-diem-title\""));
}

#[test]
fn ranks_keep_their_printed_form() {
    let site = build_real();
    // Tiến độ giải quyết, 03/2025: printed "06/63".
    for page in [
        "van-ban/2025-03-vpub/index.html",
        "don-vi/hung-yen/index.html",
    ] {
        let text = visible_text(&site.text(page));
        assert!(text.contains("06/63"), "{page}: no 06/63");
        assert!(!text.contains(" 6/63"), "{page}: 6/63 without its zero");
    }
}
