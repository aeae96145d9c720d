//! Tables of index points for many units and league tables of provinces
//! (the fixture `tests/fixtures/tables/`, made-up figures): what each
//! column holds makes one figure per row and indicator; rows that are not
//! units; extracts; ranks checked by date and level; one figure printed by
//! several documents.

use crate::support::api::{FigureSource, Model};
use crate::support::*;

fn figure<'m>(
    model: &'m Model,
    unit: &str,
    indicator: &str,
    slug: &str,
) -> &'m crate::support::api::Figure {
    model
        .figures_of_unit(unit)
        .into_iter()
        .find(|f| {
            f.period.to_string() == "2025-09" && &*f.indicator == indicator && &*f.dispatch == slug
        })
        .unwrap_or_else(|| panic!("no {indicator} of {unit} in {slug}"))
}

/// The fixture's own files have nothing to warn about.
#[test]
fn the_tables_fixture_loads_clean() {
    let fx = Fixture::tables();
    let loaded = fx.load();
    assert!(!loaded.diagnostics.has_errors(), "{}", report(&loaded));
    let noisy: Vec<String> = loaded
        .diagnostics
        .warnings()
        .filter(|d| d.file.to_string_lossy().contains("2025-09"))
        .map(|d| d.to_string())
        .collect();
    assert!(noisy.is_empty(), "{noisy:#?}");
}

#[test]
fn a_league_table_gives_each_province_its_total_rank_and_the_national_average() {
    let loaded = Fixture::tables().load();
    let model = loaded.model.expect("a model");
    let slug = "2025-09-xep-hang-tinh";
    let a = figure(&model, "tinh-minh-hoa-a", "tong-diem", slug);
    assert_eq!(a.value.num().map(|n| n.to_string()), Some("92,15".into()));
    let rank = a.rank.expect("a rank");
    assert_eq!(
        (rank.position, rank.of, rank.to_string().as_str()),
        (1, 34, "01/34")
    );
    // The country's row is the national average of each province's figure.
    assert_eq!(
        a.national_average.map(|n| n.to_string()),
        Some("78,36".into())
    );
    let own = figure(&model, "hung-yen", "tong-diem", slug);
    assert_eq!(own.rank.map(|r| r.to_string()), Some("12/34".into()));
    // The country is a unit: its figures are its own.
    let country = figure(&model, "ca-nuoc", "tong-diem", slug);
    assert_eq!(country.value.number(), Some(78.36));
    assert!(country.rank.is_none());
    // Groups of a province land as its figures too, with the scheme's maximum.
    let group = figure(&model, "tinh-minh-hoa-b", "tien-do-giai-quyet", slug);
    assert_eq!(group.value.number(), Some(19.5));
    assert_eq!(group.max.map(|m| m.value), Some(20.0));
    assert_eq!(
        group.source,
        FigureSource::Appendix {
            number: "I".into(),
            row: "H92".into()
        }
    );
}

#[test]
fn score_maximum_ratio_and_rank_columns_make_one_figure() {
    let loaded = Fixture::tables().load();
    let model = loaded.model.expect("a model");
    let f = figure(&model, "xa-minh-hoa-mot", "tong-diem", "2025-09-vpub");
    assert_eq!(f.value.num().map(|n| n.to_string()), Some("76,5".into()));
    // A commune's maximum is its own (criteria that do not apply to it).
    assert_eq!(f.max.map(|m| m.value), Some(90.0));
    assert_eq!(f.rate.map(|n| n.to_string()), Some("85,0".into()));
    let rank = f.rank.expect("a rank");
    assert_eq!(rank.position, 1);
    // Out of the communes and wards in force, as the column's `of:` says.
    assert_eq!(
        rank.of as usize,
        model
            .units
            .iter()
            .filter(|u| u.entry.parent.as_deref() == Some("hung-yen"))
            .filter(|u| u
                .entry
                .valid_from
                .is_some_and(|d| d.to_string() == "2025-07-01"))
            .count()
    );
    // A department's rank among departments, as printed.
    let dept = figure(&model, "so-tai-chinh", "tong-diem", "2025-09-vpub");
    assert_eq!(dept.rank.map(|r| r.position), Some(6));
    // One figure per row and indicator: four columns, one figure.
    let of_row = model
        .figures_of_dispatch("2025-09-vpub")
        .into_iter()
        .filter(|f| &*f.unit == "xa-minh-hoa-mot")
        .count();
    assert_eq!(of_row, 1);
}

#[test]
fn a_row_that_is_not_a_unit_stays_in_its_table() {
    let loaded = Fixture::tables().load();
    let model = loaded.model.expect("a model");
    let d = model.dispatch("2025-09-vpub").expect("the dispatch");
    let label = d.file.appendices[1]
        .rows
        .iter()
        .find(|r| r.label.is_some())
        .expect("the average row");
    assert_eq!(label.label.as_deref(), Some("Bình quân các xã, phường"));
    assert!(label.unit.is_none());
    // Four rows, three units: three figures from the table.
    let from_table = model
        .figures_of_dispatch("2025-09-vpub")
        .into_iter()
        .filter(|f| matches!(&f.source, FigureSource::Appendix { number, .. } if &**number == "II"))
        .count();
    assert_eq!(from_table, 3);
}

#[test]
fn a_drill_down_keeps_codes_zeros_and_its_extract() {
    let loaded = Fixture::tables().load();
    let model = loaded.model.expect("a model");
    let slug = "2025-09-chi-tiet-cong-dvc";
    // A real 0 is a value, not a blank.
    let zero = figure(&model, "so-tai-chinh", "cong-khai-minh-bach", slug);
    assert_eq!(zero.value.number(), Some(0.0));
    assert_eq!(zero.rate.map(|n| n.value), Some(0.0));
    let commune = figure(&model, "xa-minh-hoa-hai", "cong-khai-minh-bach", slug);
    assert_eq!(
        commune.source,
        FigureSource::Appendix {
            number: "I".into(),
            row: "H31.M02".into()
        }
    );
    assert_eq!(commune.max.map(|m| m.value), Some(16.0));
    let app = &model.dispatch(slug).unwrap().file.appendices[0];
    let partial = app.partial.as_ref().expect("an extract");
    assert_eq!((partial.of.0, partial.about), (150, true));
}

/// One edit of a fixture file, and the diagnostic it brings.
fn edited(rel: &str, from: &str, to: &str) -> (Fixture, crate::support::api::Loaded, usize) {
    let fx = Fixture::tables();
    let line = fx.replace(rel, from, to);
    let loaded = fx.load();
    (fx, loaded, line)
}

#[test]
fn a_score_above_its_rows_maximum_is_an_error() {
    let (_fx, loaded, line) = edited(
        UNITS_2025_09,
        "values: [\"61,6\", 88,",
        "values: [\"91,6\", 88,",
    );
    let d = the_error(
        &loaded,
        UNITS_2025_09,
        "appendices[1].rows[2].values[0]",
        line,
    );
    assert!(text_of(d).contains("above the maximum of 88"), "{d}");
}

#[test]
fn a_ratio_that_is_not_score_over_maximum_is_a_warning() {
    let (_fx, loaded, line) = edited(
        UNITS_2025_09,
        "\"70,2\", 100, \"70,2\"",
        "\"70,2\", 100, \"72,0\"",
    );
    assert!(!loaded.diagnostics.has_errors(), "{}", report(&loaded));
    let d = the_warning(
        &loaded,
        UNITS_2025_09,
        "appendices[1].rows[1].values[2]",
        line,
    );
    assert!(
        text_of(d).contains("the ratio is printed as 72,0%, but 70,2 out of 100 is 70,2%"),
        "{d}"
    );
}

#[test]
fn a_smaller_maximum_is_a_communes_alone() {
    // 16 of 18 for a commune passes (the fixture); for a department, a warning.
    let (_fx, loaded, line) = edited(
        DRILL_2025_09,
        "values: [\"17,1\", 18,",
        "values: [\"15,1\", 16,",
    );
    let d = the_warning(
        &loaded,
        DRILL_2025_09,
        "appendices[0].rows[0].values[1]",
        line,
    );
    assert!(text_of(d).contains("the printed maximum is 16"), "{d}");
    assert!(text_of(d).contains("only communes"), "{d}");
}

#[test]
fn a_position_beyond_the_number_ranked_is_an_error() {
    let (_fx, loaded, line) = edited(
        UNITS_2025_09,
        "values: [\"61,6\", 88, \"70,0\", 3]",
        "values: [\"61,6\", 88, \"70,0\", 300]",
    );
    let d = the_error(
        &loaded,
        UNITS_2025_09,
        "appendices[1].rows[2].values[3]",
        line,
    );
    assert!(
        text_of(d).contains("the rank 300 is not between 1 and"),
        "{d}"
    );
}

#[test]
fn a_position_without_the_number_ranked_is_an_error() {
    let fx = Fixture::tables();
    let text = fx.read(UNITS_2025_09);
    let start = text.find(", of: ").expect("the rank column's of");
    let end = start + 2 + text[start + 2..].find(',').expect("a comma after it");
    fx.replace(UNITS_2025_09, &text[start..end], "");
    let loaded = fx.load();
    let line = fx.line_of(UNITS_2025_09, "values: [\"76,5\"");
    let d = the_error(
        &loaded,
        UNITS_2025_09,
        "appendices[1].rows[0].values[3]",
        line,
    );
    assert!(text_of(d).contains("lacks the number ranked"), "{d}");
}

#[test]
fn a_province_ranked_out_of_63_after_the_merger_is_a_warning() {
    let (_fx, loaded, line) = edited(LEAGUE_2025_09, "12/34", "12/63");
    let d = the_warning(
        &loaded,
        LEAGUE_2025_09,
        "appendices[0].rows[4].values[1]",
        line,
    );
    assert!(
        text_of(d).contains("ranked out of 63, but 34 provinces were ranked"),
        "{d}"
    );
}

#[test]
fn a_peer_rank_out_of_another_number_is_a_warning_that_says_why() {
    let fx = Fixture::tables();
    let text = fx.read(UNITS_2025_09);
    let printed = text
        .split("\"84,75\", ")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .expect("the department's rank")
        .to_string();
    let line = fx.replace(
        UNITS_2025_09,
        &format!("\"84,75\", {printed}"),
        "\"84,75\", 6/9",
    );
    let loaded = fx.load();
    assert!(!loaded.diagnostics.has_errors(), "{}", report(&loaded));
    let d = the_warning(
        &loaded,
        UNITS_2025_09,
        "appendices[0].rows[1].values[1]",
        line,
    );
    let t = text_of(d);
    assert!(t.contains("ranked out of 9, but units.yaml lists"), "{d}");
    assert!(t.contains("does not list every peer"), "{d}");
}

#[test]
fn a_row_is_a_unit_or_a_label() {
    let (_fx, loaded, line) = edited(
        UNITS_2025_09,
        "label: \"Bình quân các xã, phường\"",
        "unit: xa-minh-hoa-mot, label: \"Bình quân các xã, phường\"",
    );
    let d = the_error(&loaded, UNITS_2025_09, "appendices[1].rows[3].label", line);
    assert!(
        text_of(d).contains("a `unit:` or a `label:`, not both"),
        "{d}"
    );
    let (_fx, loaded, line) = edited(UNITS_2025_09, "label: \"Bình quân các xã, phường\", ", "");
    let d = the_error(&loaded, UNITS_2025_09, "appendices[1].rows[3]", line);
    assert!(text_of(d).contains("needs `unit:`"), "{d}");
}

#[test]
fn an_extract_cannot_show_more_units_than_the_whole() {
    let (_fx, loaded, line) = edited(DRILL_2025_09, "of: 150, about: true", "of: 3");
    let d = the_error(&loaded, DRILL_2025_09, "appendices[0].partial.of", line);
    assert!(text_of(d).contains("the extract shows 4 units"), "{d}");
}

#[test]
fn columns_hold_what_their_indicator_allows() {
    // A maximum of a rate.
    let fx = Fixture::tables();
    let line = fx.replace(
        DRILL_2025_09,
        "{ indicator: cong-khai-minh-bach, holds: max, heading: Tối đa }",
        "{ indicator: ty-le-nop-truc-tuyen, holds: max, heading: Tối đa }",
    );
    let loaded = fx.load();
    let d = the_error(
        &loaded,
        DRILL_2025_09,
        "appendices[0].columns[1].holds",
        line,
    );
    assert!(
        text_of(d).contains("belongs to an indicator in points"),
        "{d}"
    );
    // Two value columns of one indicator.
    let (_fx, loaded, line) = edited(
        DRILL_2025_09,
        "{ indicator: cong-khai-minh-bach, holds: ratio, heading: Tỷ lệ (%) }",
        "{ indicator: cong-khai-minh-bach, heading: Tỷ lệ (%) }",
    );
    let d = the_error(
        &loaded,
        DRILL_2025_09,
        "appendices[0].columns[2].holds",
        line,
    );
    assert!(
        text_of(d).contains("already has a column of this kind"),
        "{d}"
    );
    // `of:` on a column that is not a rank.
    let (_fx, loaded, line) = edited(
        DRILL_2025_09,
        "{ indicator: cong-khai-minh-bach, heading: Điểm }",
        "{ indicator: cong-khai-minh-bach, of: 9, heading: Điểm }",
    );
    let d = the_error(&loaded, DRILL_2025_09, "appendices[0].columns[0].of", line);
    assert!(text_of(d).contains("belongs to a rank column"), "{d}");
}

#[test]
fn a_rank_in_a_value_column_is_an_error() {
    let (_fx, loaded, line) = edited(DRILL_2025_09, "values: [0, 18, 0]", "values: [6/9, 18, 0]");
    let d = the_error(
        &loaded,
        DRILL_2025_09,
        "appendices[0].rows[1].values[0]",
        line,
    );
    assert!(
        text_of(d).contains("a rank in a column that is not a rank column"),
        "{d}"
    );
}

#[test]
fn two_documents_that_disagree_on_one_figure_are_both_named() {
    // The league table and the dispatch both print the province's total.
    let (_fx, loaded, line) = edited(UNITS_2025_09, "total: 80,5", "total: 81,5");
    assert!(!loaded.diagnostics.has_errors(), "{}", report(&loaded));
    let d = the_warning(&loaded, UNITS_2025_09, "results.total", line);
    let t = text_of(d);
    assert!(t.contains("this document prints 81,5"), "{d}");
    assert!(t.contains("2025-09-xep-hang-tinh.yaml"), "{d}");
    assert!(t.contains("prints 80,5"), "{d}");
    // Within the printed rounding, no warning: 80,50 and 80,5 agree.
    let (_fx, loaded, _) = edited(UNITS_2025_09, "total: 80,5", "total: 80,50");
    assert!(warnings_at(&loaded, UNITS_2025_09, "results.total").is_empty());
}
