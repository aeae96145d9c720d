//! Tables of index points for many units and league tables of provinces,
//! built from the tables fixture (made-up figures): every figure lands on
//! its unit's page, the province's rank among the provinces is charted,
//! the home and province pages show the latest league table with the
//! province highlighted, and extracts say so wherever they are drawn on.

use crate::support::*;

fn built() -> (Fixture, std::path::PathBuf) {
    let fx = Fixture::tables();
    let out = fx.scratch("out");
    build(fx.content(), &out).unwrap_or_else(|e| panic!("building the tables fixture: {e}"));
    (fx, out)
}

/// The part of `html` from the element with `id` to the end of its section.
fn section<'h>(html: &'h str, id: &str) -> &'h str {
    let start = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id} in\n{}", visible_text(html)));
    let len = html[start..].find("</section>").expect("a closed section");
    &html[start..start + len]
}

#[test]
fn a_league_table_reaches_the_home_page_the_province_and_each_province() {
    let (_fx, out) = built();
    for page in ["index.html", "don-vi/hung-yen/index.html"] {
        let html = read_text(&out, page);
        let league = section(&html, "xep-hang-tinh");
        let text = visible_text(league);
        assert!(
            text.contains("Xếp hạng các tỉnh, thành phố, tháng 09/2025"),
            "{page}: {text}"
        );
        // The leading rows, the province (highlighted) and the country.
        for needle in [
            "01/34",
            "Tỉnh Minh Họa A",
            "92,15",
            "12/34",
            "Cả nước",
            "78,36",
        ] {
            assert!(text.contains(needle), "{page}: no {needle:?} in {text}");
        }
        let current = tags(league)
            .into_iter()
            .filter(|t| t.name == "a" && t.attr("aria-current") == Some("true"))
            .count();
        assert_eq!(current, 1, "{page}: one highlighted province");
        assert!(league.contains("<tr class=\"current\">"), "{page}");
        assert!(league.contains("<strong>Tỉnh Hưng Yên</strong>"), "{page}");
        // The extract is named, and the full table is one link away.
        assert!(text.contains("Trích 5 trên 34 đơn vị"), "{page}: {text}");
        assert!(
            league.contains("van-ban/2025-09-xep-hang-tinh/#phu-luc-i"),
            "{page}: no link to the full table"
        );
    }
    // The rank among the provinces over time, 1 at the top: three monthly
    // ranks, out of 63 and then out of 34, as two lines.
    let home = read_text(&out, "index.html");
    let chart = section(&home, "hang-qua-cac-ky");
    assert!(chart.contains("<svg"), "no rank chart on the home page");
    for needle in ["Hạng trên 34", "Hạng trên 63"] {
        assert!(chart.contains(needle), "no {needle:?} in the rank chart");
    }
    // The national average of 9/2025 comes from the league table's
    // country row, though the line's point is the dispatch's total.
    let total = section(&home, "tong-diem-qua-cac-thang");
    assert!(
        visible_text(total).contains("78,36"),
        "{}",
        visible_text(total)
    );
    let province = read_text(&out, "don-vi/hung-yen/index.html");
    assert!(
        province.contains("aria-labelledby=\"hang-tong-diem-title hang-tong-diem-desc\""),
        "no rank chart on the province's page"
    );
    // Each province's figures are its own: on its page, with its rank.
    assert!(row_contains!(
        out,
        "don-vi/tinh-minh-hoa-a/index.html",
        "van-ban/2025-09-xep-hang-tinh/",
        ["92,15", "hạng 01/34", "cả nước 78,36"]
    ));
    // The country has a page of its own.
    let country = read_text(&out, "don-vi/ca-nuoc/index.html");
    assert!(visible_text(&country).contains("78,36"));
}

#[test]
fn index_points_per_unit_land_on_unit_pages_and_the_document_page() {
    let (_fx, out) = built();
    // The document prints the table as it is: rank cells as printed, the
    // ratio with its %, the row that is not a unit by its label.
    let html = read_text(&out, "van-ban/2025-09-vpub/index.html");
    let text = visible_text(&html);
    for needle in ["76,5", "85,0%", "Bình quân các xã, phường", "69,43"] {
        assert!(text.contains(needle), "no {needle:?} on the document page");
    }
    assert!(html.contains("<em>Bình quân các xã, phường</em>"));
    // A commune's figure is on its page, with its maximum and rank.
    assert!(row_contains!(
        out,
        "don-vi/xa-minh-hoa-mot/index.html",
        "van-ban/2025-09-vpub/",
        ["76,5", "tỷ lệ 85,0%", "hạng 1/"]
    ));
    let commune = visible_text(&read_text(&out, "don-vi/xa-minh-hoa-mot/index.html"));
    assert!(commune.contains("tối đa 90 điểm"), "{commune}");
    // The league table's own page highlights the province's row; a table
    // of the province's own units does not.
    let league = read_text(&out, "van-ban/2025-09-xep-hang-tinh/index.html");
    assert!(league.contains("<tr class=\"current\">"));
    let own = read_text(&out, "van-ban/2023-10-vpub/index.html");
    assert!(
        !own.contains("class=\"current"),
        "a province row highlighted outside a league table"
    );
    assert!(visible_text(&league).contains("Trích 5 trên 34 đơn vị"));
}

#[test]
fn an_extract_is_named_wherever_it_is_drawn_on() {
    let (_fx, out) = built();
    let note = "Trích 4 trên khoảng 150 đơn vị";
    let doc = visible_text(&read_text(
        &out,
        "van-ban/2025-09-chi-tiet-cong-dvc/index.html",
    ));
    assert!(doc.contains(note), "{doc}");
    let month = visible_text(&read_text(&out, "thang/2025-09/index.html"));
    assert!(month.contains(note), "{month}");
    // The ranking of the province's units on the indicator page.
    let ind = visible_text(&read_text(&out, "chi-so/cong-khai-minh-bach/index.html"));
    assert!(ind.contains("trích 4 trên khoảng 150 đơn vị"), "{ind}");
    // A real 0 is shown as 0, not as a blank.
    assert!(row_contains!(
        out,
        "don-vi/so-tai-chinh/index.html",
        "van-ban/2025-09-chi-tiet-cong-dvc/",
        ["0"]
    ));
}
