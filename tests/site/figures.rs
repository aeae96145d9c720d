//! The seed figures on the month and unit pages, formatted the Vietnamese
//! way (decimal comma, thousands dot), with "not applicable" told apart from
//! a real zero, and the dispatches' dates as printed.

use crate::support::*;

#[test]
fn so_tu_phap_44_6_and_5_63_on_month_and_unit_page() {
    let site = build_real();
    // The appendix is published once, on the dispatch's page.
    let month = "van-ban/2023-10-vpub/index.html";
    let unit = "don-vi/so-tu-phap/index.html";
    assert!(row_contains!(
        site.out,
        month,
        "don-vi/so-tu-phap/",
        ["Sở Tư pháp", "44,6%", "Chưa hoàn thành"]
    ));
    assert!(row_contains!(
        site.out,
        month,
        "don-vi/so-tu-phap/",
        ["Sở Tư pháp", "5,63%", "Chưa hoàn thành"]
    ));
    assert!(row_contains!(
        site.out,
        unit,
        "van-ban/2023-10-vpub/",
        ["10/2023", "44,6%", "Chưa đạt"]
    ));
    assert!(row_contains!(
        site.out,
        unit,
        "van-ban/2023-10-vpub/",
        ["10/2023", "5,63%", "Chưa đạt"]
    ));
    for page in [month, unit] {
        let text = visible_text(&site.text(page));
        assert!(
            !text.contains("44.6") && !text.contains("5.63"),
            "{page} shows a decimal point:\n{text}"
        );
    }
}

#[test]
fn van_giang_21_86_not_completed_on_month_and_unit_page() {
    let site = build_real();
    assert!(row_contains!(
        site.out,
        "don-vi/van-giang/index.html",
        "van-ban/2023-10-vpub/",
        ["21,86%", "Chưa đạt"]
    ));
    assert!(row_contains!(
        site.out,
        "van-ban/2023-10-vpub/index.html",
        "don-vi/van-giang/",
        ["21,86%", "Chưa hoàn thành"]
    ));
}

#[test]
fn province_55_02_and_rank_20_of_63_for_february_2023() {
    let site = build_real();
    assert!(text_contains!(
        site.out,
        "thang/2023-02/index.html",
        "55,02"
    ));
    assert!(text_contains!(
        site.out,
        "thang/2023-02/index.html",
        "20/63"
    ));
    assert!(row_contains!(
        site.out,
        "don-vi/hung-yen/index.html",
        "van-ban/2023-02-vpub/",
        ["55,02", "20/63"]
    ));
    assert!(!text_contains!(
        site.out,
        "thang/2023-02/index.html",
        "55.02"
    ));
}

#[test]
fn e_copies_1_038_with_thousands_dot() {
    let site = build_real();
    assert!(row_contains!(
        site.out,
        "van-ban/2023-10-vpub/index.html",
        "don-vi/thanh-pho-hung-yen/",
        ["1.038"]
    ));
    assert!(row_contains!(
        site.out,
        "don-vi/thanh-pho-hung-yen/index.html",
        "van-ban/2023-10-vpub/",
        ["1.038"]
    ));
    let text = visible_text(&site.text("don-vi/thanh-pho-hung-yen/index.html"));
    assert!(
        !text.split_whitespace().any(|t| t == "1038" || t == "1,038"),
        "{text}"
    );
}

#[test]
fn not_applicable_is_shown_with_its_reason_not_as_zero() {
    let site = build_real();
    let reason = "TTHC không có phí, lệ phí";
    // Month page: the Sở Tài chính row of Phụ lục II.
    let html = site.text("van-ban/2023-10-vpub/index.html");
    let na_rows: Vec<String> = rows(&html)
        .into_iter()
        .filter(|(raw, text)| raw.contains("don-vi/so-tai-chinh/") && text.contains(reason))
        .map(|(_, t)| t)
        .collect();
    assert_eq!(
        na_rows.len(),
        1,
        "one Sở Tài chính row reads {reason:?}:\n{html}"
    );
    assert!(!has_zero_figure(&na_rows[0]), "{}", na_rows[0]);
    // Unit page.
    let html = site.text("don-vi/so-tai-chinh/index.html");
    let na_rows: Vec<String> = rows(&html)
        .into_iter()
        .filter(|(raw, text)| raw.contains("van-ban/2023-10-vpub/") && text.contains(reason))
        .map(|(_, t)| t)
        .collect();
    assert_eq!(
        na_rows.len(),
        1,
        "one row of the unit page reads {reason:?}:\n{}",
        visible_text(&html)
    );
    assert!(na_rows[0].contains("Không áp dụng"), "{}", na_rows[0]);
    assert!(!has_zero_figure(&na_rows[0]), "{}", na_rows[0]);
}

#[test]
fn a_real_zero_is_shown_as_0_percent() {
    let site = build_real();
    let marker = "don-vi/so-khoa-hoc-va-cong-nghe/";
    assert!(row_contains!(
        site.out,
        "van-ban/2023-10-vpub/index.html",
        marker,
        ["Sở Khoa học và Công nghệ", "0%", "Chưa hoàn thành"]
    ));
    let html = site.text("don-vi/so-khoa-hoc-va-cong-nghe/index.html");
    assert!(
        rows(&html)
            .iter()
            .any(|(raw, text)| raw.contains("van-ban/2023-10-vpub/")
                && text.contains("Chưa đạt")
                && text.split_whitespace().any(|t| t == "0%")),
        "no 0% row on the unit page:\n{}",
        visible_text(&html)
    );
}

#[test]
fn dispatch_dates_as_printed_and_blank_days_stay_blank() {
    let site = build_real();
    assert!(text_contains!(
        site.out,
        "van-ban/2023-02-vpub/index.html",
        "ngày 08 tháng 3 năm 2023"
    ));
    // "ngày      tháng 11 năm 2023": no day is made up.
    let page = "van-ban/2023-10-vpub/index.html";
    assert!(text_contains!(site.out, page, "tháng 11 năm 2023"));
    let text = visible_text(&site.text(page));
    assert!(
        !text.contains("ngày 01 tháng 11") && !text.contains("ngày 1 tháng 11"),
        "{text}"
    );
}

#[test]
fn data_cut_off_date_on_the_february_2023_month_page() {
    let site = build_real();
    let text = visible_text(&site.text("thang/2023-02/index.html")).to_lowercase();
    assert!(text.contains("số liệu ngày 28/02/2023"), "{text}");
}
