//! Sources other than dispatches, built: each is shown as what it is (an
//! article with its outlet, byline, date and address; a capture of the
//! national portal with the minute it was taken; a report with its
//! issuer), and cited as such wherever a source is named (lists, unit
//! histories, period pages, the feed, the search index). No "Công văn số /"
//! for an article, no national motto. Periods of the portal's own weeks and
//! years to date have pages that say what they are.

use crate::support::*;

/// The sources fixture, built once per test.
fn built() -> (Fixture, std::path::PathBuf) {
    let fx = with_sources();
    let out = fx.scratch("out");
    build(fx.content(), &out).unwrap_or_else(|e| panic!("{e}"));
    (fx, out)
}

const MOTTO: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";

#[test]
fn each_source_is_shown_as_what_it_is() {
    let (_fx, out) = built();
    // An article: outlet, title, byline, date, a link to its address.
    let page = read_text(&out, "van-ban/2024-bao-hung-yen/index.html");
    let text = visible_text(&page);
    for want in [
        "Báo Hưng Yên · Bài báo",
        "Hưng Yên xếp loại tốt về phục vụ người dân, doanh nghiệp năm 2024",
        "Tác giả Minh Anh",
        "Ngày đăng 15/01/2025",
        "Xếp loại tốt",
        "tăng 3,2 điểm, tăng 5 bậc",
    ] {
        assert!(text.contains(want), "no “{want}” in {text}");
    }
    assert!(page.contains("href=\"https://baohungyen.vn/vi-du/bo-chi-so-nam-2024\""));
    for not in [MOTTO, "Số:", "Công văn", "V/v", "Nơi nhận"] {
        assert!(!text.contains(not), "“{not}” on an article: {text}");
    }
    // An article whose date is unknown says so.
    let text = visible_text(&read_text(&out, "van-ban/2024-q4-cong-tinh/index.html"));
    assert!(text.contains("Ngày đăng không rõ ngày"), "{text}");
    // A capture: the minute it was taken, its address, no date of issue.
    let text = visible_text(&read_text(&out, "van-ban/2025-11-20-1600-cong/index.html"));
    assert!(
        text.contains("Ảnh chụp số liệu Cổng Dịch vụ công quốc gia lúc 16:10 ngày 20/11/2025"),
        "{text}"
    );
    assert!(
        text.contains("Thời điểm chụp 16:10 ngày 20/11/2025"),
        "{text}"
    );
    assert!(
        text.contains("từ đầu năm 2025 đến 16:00 ngày 20/11/2025"),
        "{text}"
    );
    for not in [MOTTO, "Số:", "Ngày ban hành", "Công văn"] {
        assert!(!text.contains(not), "“{not}” on a capture: {text}");
    }
    // A report: its number, issuer and title, no motto.
    let text = visible_text(&read_text(&out, "van-ban/2024-tuan-03-bao-cao/index.html"));
    assert!(
        text.contains(
            "Báo cáo số 12/BC-TTPVHCC Báo cáo kết quả thực hiện Bộ chỉ số tuần thứ 3 năm 2024"
        ),
        "{text}"
    );
    assert!(
        text.contains("Cơ quan ban hành Trung tâm Phục vụ hành chính công tỉnh"),
        "{text}"
    );
    assert!(!text.contains(MOTTO), "{text}");
}

#[test]
fn the_real_dispatches_keep_their_form() {
    let (_fx, out) = built();
    let text = visible_text(&read_text(&out, "van-ban/2025-03-vpub/index.html"));
    assert!(text.contains(MOTTO), "{text}");
    assert!(text.contains("Số: 120/VPUB-PVHCC&KSTT"), "{text}");
    assert!(
        text.contains("Hưng Yên, ngày 10 tháng 4 năm 2025"),
        "{text}"
    );
}

#[test]
fn every_citation_names_the_source_by_its_kind() {
    let (_fx, out) = built();
    // The list of documents.
    let list = visible_text(&read_text(&out, "van-ban/index.html"));
    for want in [
        "Bài trên Báo Hưng Yên, 15/01/2025",
        "Bài trên Cổng Thông tin điện tử tỉnh Hưng Yên (không rõ ngày)",
        "Cổng Thông tin điện tử tỉnh Hưng Yên, không rõ ngày",
        "Ảnh chụp số liệu Cổng Dịch vụ công quốc gia lúc 09:05 ngày 20/11/2025",
        "Báo cáo số 12/BC-TTPVHCC",
    ] {
        assert!(list.contains(want), "no “{want}” in the list: {list}");
    }
    assert!(!list.contains("Công văn số /"), "{list}");
    assert!(!list.contains("V/v Hưng Yên xếp loại"), "{list}");
    // The undated article is listed with the year it reports, after the
    // weekly report of January 2024 and before 2025.
    let y2024 = list.find("Năm 2024").expect("a 2024 group");
    let undated = list.find("(không rõ ngày)").unwrap();
    let weekly = list.find("Báo cáo số 12/BC-TTPVHCC").unwrap();
    assert!(y2024 < undated && undated < weekly, "{list}");
    // The province's latest result names its source by its kind, and so
    // does the page of the year the article reports.
    let unit = visible_text(&read_text(&out, "don-vi/hung-yen/index.html"));
    assert!(
        unit.contains(
            "Nguồn: Ảnh chụp số liệu Cổng Dịch vụ công quốc gia lúc 16:10 ngày 20/11/2025."
        ),
        "{unit}"
    );
    assert!(!unit.contains("Công văn số /"), "{unit}");
    let year = visible_text(&read_text(&out, "nam/2024/index.html"));
    assert!(
        year.contains("Nguồn: Bài trên Báo Hưng Yên, 15/01/2025 (Báo Hưng Yên, 15/01/2025)."),
        "{year}"
    );
    // The feed: the article's title, not a number it does not have.
    let feed = read_text(&out, "feed.xml");
    assert!(feed.contains(
        "<title>Bài trên Báo Hưng Yên, 15/01/2025: Hưng Yên xếp loại tốt về phục vụ người dân, doanh nghiệp năm 2024</title>"
    ), "{feed}");
    assert!(
        feed.contains("<updated>2025-11-20T16:10:00+07:00</updated>"),
        "{feed}"
    );
    assert!(!feed.contains("số :"), "{feed}");
    // The search index.
    let shard = read_text(&out, "tim-kiem/chi-muc/bai.json");
    assert!(shard.contains("Bài báo, 15/01/2025"), "{shard}");
}

#[test]
fn portal_weeks_and_years_to_date_have_pages_that_say_what_they_are() {
    let (_fx, out) = built();
    let week = visible_text(&read_text(&out, "tuan/2024-tuan-03/index.html"));
    assert!(
        week.contains("Kết quả tuần thứ 3 năm 2024 (theo Cổng DVCQG, 15/01/2024 – 21/01/2024)"),
        "{week}"
    );
    // Two captures of one day: two pages, each headed with its cut-off.
    for (slug, hour) in [("0900", "09:00"), ("1600", "16:00")] {
        let html = read_text(&out, &format!("ky/2025-01-01-2025-11-20-{slug}/index.html"));
        let h1 = html.split("<h1").nth(1).unwrap_or_default();
        let h1 = visible_text(&format!(
            "<h1{}",
            h1.split("</h1>").next().unwrap_or_default()
        ));
        assert_eq!(
            h1,
            format!("Kết quả từ đầu năm 2025 đến {hour} ngày 20/11/2025")
        );
    }
    // The list of periods links to them.
    let months = read_text(&out, "thang/index.html");
    for target in [
        "tuan/2024-tuan-03/index.html",
        "ky/2025-01-01-2025-11-20-1600/index.html",
    ] {
        assert!(
            links_to(&months, "thang/index.html", target),
            "no link to {target}"
        );
    }
}

#[test]
fn captures_of_the_year_to_date_are_never_joined_to_the_monthly_line() {
    let fx = with_sources();
    // A third capture: three values make a line of their own.
    let third = source_fixture("chup-cong-0900.yaml")
        .replace("2025-11-20 09:05", "2025-11-21 09:05")
        .replace("2025-11-20 09:00", "2025-11-21 09:00")
        .replace("86,41", "86,7");
    fx.write("dispatches/2025/2025-11-21-0900-cong.yaml", &third);
    let out = fx.scratch("out");
    build(fx.content(), &out).unwrap_or_else(|e| panic!("{e}"));
    let page = read_text(&out, "don-vi/hung-yen/index.html");
    let start = page
        .find("id=\"cs-tong-diem\"")
        .expect("the total's history");
    let section = &page[start..start + page[start..].find("</section>").unwrap_or(0)];
    let lines: Vec<&str> = section
        .split("<svg")
        .skip(1)
        .map(|s| s.split("</svg>").next().unwrap_or(s))
        .filter(|s| s.contains("chart-line"))
        .collect();
    // The score's line of captures (the rank has its own chart).
    let ytd: Vec<&&str> = lines
        .iter()
        .filter(|s| s.contains("20/11/2025") && s.contains("Tổng điểm Bộ chỉ số"))
        .collect();
    assert_eq!(ytd.len(), 1, "one line of captures");
    assert_eq!(point_marks(ytd[0]), 3, "{}", ytd[0]);
    assert!(
        !ytd[0].contains("03/2025"),
        "a month on the line of captures"
    );
}

#[test]
fn an_edited_source_rebuilds_to_the_bytes_of_a_full_build() {
    use crate::support::api::IncrementalBuilder;
    let fx = with_sources();
    let out = fx.scratch("out");
    let mut builder = IncrementalBuilder::new(options(fx.content(), &out, None));
    assert!(builder.rebuild().expect("the first build").full);
    // Each edit changes how the source is cited wherever it is.
    let edits = [
        (
            ARTICLE,
            "outlet: Báo Hưng Yên",
            "outlet: Báo Hưng Yên điện tử",
        ),
        (ARTICLE_UNDATED, "date: unknown", "date: 2025-02-03"),
        (
            CAPTURE_1600,
            "captured_at: 2025-11-20 16:10",
            "captured_at: 2025-11-20 16:15",
        ),
        (WEEKLY_REPORT, "number: 12\n", ""),
    ];
    for (i, (rel, from, to)) in edits.into_iter().enumerate() {
        fx.replace(rel, from, to);
        let report = builder.rebuild().expect("the rebuild");
        let full = fx.scratch(&format!("full-{i}"));
        build(fx.content(), &full).expect("the full build");
        if let Some(diff) = first_difference(&snapshot(&full), &snapshot(&out)) {
            panic!(
                "after editing {rel}, the rebuild differs from a full build: {diff}\n{report:?}"
            );
        }
    }
    let list = visible_text(&read_text(&out, "van-ban/index.html"));
    assert!(
        list.contains("Bài trên Báo Hưng Yên điện tử, 15/01/2025"),
        "{list}"
    );
    assert!(
        list.contains("Báo cáo của Trung tâm Phục vụ hành chính công tỉnh, 23/01/2024"),
        "{list}"
    );
}

#[test]
fn a_dispatch_may_give_the_address_of_its_published_copy() {
    let fx = Fixture::real();
    fx.replace(
        MAR_2025,
        "period: 2025-03\n",
        "period: 2025-03\nurl: https://hungyen.gov.vn/vi-du/cong-van-120\n",
    );
    let out = fx.scratch("out");
    build(fx.content(), &out).unwrap_or_else(|e| panic!("{e}"));
    let page = read_text(&out, "van-ban/2025-03-vpub/index.html");
    assert!(page.contains("href=\"https://hungyen.gov.vn/vi-du/cong-van-120\""));
    let text = visible_text(&page);
    assert!(
        text.contains("Bản công bố https://hungyen.gov.vn/vi-du/cong-van-120"),
        "{text}"
    );
    assert!(text.contains(MOTTO), "{text}");
}

/// The line of a CSV file whose first field is `key`.
fn csv_line(out: &std::path::Path, file: &str, key: &str) -> String {
    read_text(out, file)
        .lines()
        .find(|l| l.starts_with(&format!("{key},")))
        .unwrap_or_else(|| panic!("no line {key} in {file}"))
        .to_string()
}

#[test]
fn the_open_data_says_what_each_source_and_period_is() {
    let (_fx, out) = built();
    // A year to date: its kind, first and last day, and its cut-off hour.
    let ytd = csv_line(&out, "du-lieu/ky.csv", "2025-01-01/2025-11-20 16:00");
    assert!(
        ytd.contains(",tu_dau_nam,2025-01-01,2025-11-20,2025-11-20T16:00"),
        "{ytd}"
    );
    let week = csv_line(
        &out,
        "du-lieu/ky.csv",
        "2024-tuan-03 (2024-01-15/2024-01-21)",
    );
    assert!(week.contains(",tuan_cong,2024-01-15,2024-01-21,"), "{week}");
    // A capture: its kind and the minute it was taken, no date of issue.
    let capture = csv_line(&out, "du-lieu/van-ban.csv", "2025-11-20-1600-cong");
    assert!(capture.contains(",portal-capture,"), "{capture}");
    assert!(capture.contains(",,2025-11-20T16:10,"), "{capture}");
    // An article whose date is unknown says so; its title is kept.
    let article = csv_line(&out, "du-lieu/van-ban.csv", "2024-q4-cong-tinh");
    assert!(article.contains(",news-article,"), "{article}");
    assert!(article.contains(",unknown,"), "{article}");
    // Their figures are rows of the year's figures, pointing to them.
    let figures = read_text(&out, "du-lieu/ket-qua-2025.csv");
    assert!(
        figures
            .lines()
            .any(|l| l.contains(",2025-11-20-1600-cong,")),
        "no figure of the afternoon capture"
    );
}

#[test]
fn a_period_leads_to_the_periods_of_its_kind_beside_it() {
    let (_fx, out) = built();
    // Between 11/2023 and 3/2025 lie a week, a quarter and a year of 2024:
    // a month's "next" skips them for the next month.
    let nov = read_text(&out, "thang/2023-11/index.html");
    let links = |page: &str| -> Vec<String> {
        ["rel=\"prev\"", "rel=\"next\""]
            .iter()
            .filter_map(|rel| {
                let at = page.find(rel)?;
                let text = &page[at..];
                let text = &text[text.find('>')? + 1..text.find("</a>")?];
                Some(visible_text(text))
            })
            .collect()
    };
    assert_eq!(
        links(&nov),
        ["← Kết quả tháng 10/2023", "Kết quả tháng 03/2025 →"],
        "{nov}"
    );
    // The only year has no neighbour of its kind.
    let year = read_text(&out, "nam/2024/index.html");
    assert!(links(&year).is_empty(), "{:?}", links(&year));
}
