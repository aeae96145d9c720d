//! Every period kind shown as itself: a year's results live under `nam/`,
//! not `thang/`, are headed "năm 2023", and a yearly line is never joined
//! to the monthly one.

use crate::support::*;

/// The real content plus the province's results for three whole years,
/// written as the February 2023 dispatch re-dated.
fn with_yearly_results() -> Fixture {
    let fx = Fixture::real();
    let feb = fx.read(FEB_2023);
    for (year, total) in [(2022, "51,5"), (2023, "60,25"), (2024, "66,1")] {
        let text = feb
            .replace("number: 68\n", &format!("number: {}\n", 900 + year - 2022))
            .replace("date: 2023-03-08", &format!("date: {}-01-20", year + 1))
            .replace("period: 2023-02", &format!("period: {year}"))
            .replace("data_as_of: 2023-02-28\n", "")
            .replace("total: 55,02", &format!("total: {total}"))
            .replace("rank: 20/63", "rank: 30/63");
        fx.write(
            &format!("dispatches/{}/{year}-nam-vpub.yaml", year + 1),
            &text,
        );
    }
    fx
}

#[test]
fn a_year_is_published_as_a_year() {
    let fx = with_yearly_results();
    let out = fx.scratch("out");
    build(fx.content(), &out).unwrap_or_else(|e| panic!("{e}"));
    // Under `nam/`, headed as a year; nothing of it under `thang/`.
    let page = read_text(&out, "nam/2023/index.html");
    let text = visible_text(&page);
    assert!(text.contains("Kết quả năm 2023"), "{text}");
    assert!(!text.contains("tháng 2023"), "{text}");
    assert!(!out.join("thang/2023").exists());
    // The list of periods links to it.
    assert!(links_to(
        &read_text(&out, "thang/index.html"),
        "thang/index.html",
        "nam/2023/index.html"
    ));
}

#[test]
fn a_yearly_line_is_never_joined_to_the_monthly_one() {
    let fx = with_yearly_results();
    let out = fx.scratch("out");
    build(fx.content(), &out).unwrap_or_else(|e| panic!("{e}"));
    let page = read_text(&out, "don-vi/hung-yen/index.html");
    let start = page
        .find("id=\"cs-tong-diem\"")
        .expect("the total's history");
    let section = &page[start..start + page[start..].find("</section>").unwrap_or(0)];
    // Three years make a line of three points; the two months (02/2023,
    // 03/2025) are not on it: too few for a line of their own, they are
    // said in words.
    let svgs: Vec<&str> = section
        .split("<svg")
        .skip(1)
        .map(|s| s.split("</svg>").next().unwrap_or(s))
        .collect();
    let yearly: Vec<&&str> = svgs.iter().filter(|s| s.contains("chart-line")).collect();
    assert_eq!(yearly.len(), 1, "one line");
    // Three markers.
    assert_eq!(point_marks(yearly[0]), 3);
    for label in [">2022<", ">2023<", ">2024<"] {
        assert!(yearly[0].contains(label), "no {label} on the yearly line");
    }
    assert!(!yearly[0].contains("02/2023"), "a month on the yearly line");
    assert!(
        visible_text(section).contains("Tăng từ 55,02 (tháng 02/2023) lên 73,04 (tháng 03/2025)."),
        "{}",
        visible_text(section)
    );
}
