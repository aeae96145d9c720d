//! A figure written with a decimal dot keeps the decimals it was written
//! with, as one written with the decimal comma does: `8.0` is shown `8,0`,
//! not `8`. Counts keep refusing the thousands dot, with the count meant.

use crate::support::api::*;
use crate::support::*;

fn month(year: i32, month: u32) -> Period {
    Period::Month { year, month }
}

/// The one figure of `unit`, `period`, `indicator` in the loaded model.
fn printed(loaded: &Loaded, unit: &str, period: Period, indicator: &str) -> String {
    let model = loaded
        .model
        .as_ref()
        .unwrap_or_else(|| panic!("no model:\n{}", report(loaded)));
    let found: Vec<&Figure> = model
        .figures_of_unit(unit)
        .into_iter()
        .filter(|f| f.period == period && *f.indicator == *indicator)
        .collect();
    assert_eq!(found.len(), 1, "{unit} / {period} / {indicator}");
    match &found[0].value {
        FigureValue::Value { value } => value.to_string(),
        other => panic!("{unit} / {indicator}: not a value: {other:?}"),
    }
}

#[test]
fn a_decimal_dot_keeps_every_printed_decimal() {
    let fx = Fixture::real();
    // Results: "15,0" written 15.0; Phụ lục I: 100 written 100.0 and
    // 100.00, 44,6 written 44.60; Phụ lục II: 21,86 written 21.86;
    // Phụ lục III: 73,8 written 8.0; the total 55,02 written 55.02.
    fx.replace(OCT_2023, "score: 15,0", "score: 15.0");
    fx.replace(
        OCT_2023,
        "unit: so-ke-hoach-va-dau-tu\n        values:\n          - 100\n",
        "unit: so-ke-hoach-va-dau-tu\n        values:\n          - 100.00\n",
    );
    fx.replace(
        OCT_2023,
        "unit: so-noi-vu\n        values:\n          - 100\n",
        "unit: so-noi-vu\n        values:\n          - 100.0\n",
    );
    fx.replace(OCT_2023, "          - 44,6\n", "          - 44.60\n");
    fx.replace(OCT_2023, "          - 21,86\n", "          - 21.86\n");
    fx.replace(OCT_2023, "          - 73,8\n", "          - 8.0\n");
    fx.replace(FEB_2023, "total: 55,02", "total: 55.02");
    let loaded = fx.load();
    assert!(!loaded.diagnostics.has_errors(), "{}", report(&loaded));
    let oct = |unit, indicator| printed(&loaded, unit, month(2023, 10), indicator);
    assert_eq!(oct("hung-yen", "so-hoa-ho-so"), "15,0");
    assert_eq!(
        oct("so-ke-hoach-va-dau-tu", "ty-le-nop-truc-tuyen"),
        "100,00"
    );
    assert_eq!(oct("so-noi-vu", "ty-le-nop-truc-tuyen"), "100,0");
    assert_eq!(oct("so-tu-phap", "ty-le-nop-truc-tuyen"), "44,60");
    assert_eq!(oct("van-giang", "ty-le-thanh-toan-truc-tuyen"), "21,86");
    assert_eq!(oct("thanh-pho-hung-yen", "ty-le-so-hoa-ho-so"), "8,0");
    // Unchanged: a whole number and a comma.
    assert_eq!(oct("so-tai-chinh", "ty-le-nop-truc-tuyen"), "100");
    assert_eq!(oct("hung-yen", "cong-khai-minh-bach"), "8,4");
    assert_eq!(
        printed(&loaded, "hung-yen", month(2023, 2), "tong-diem"),
        "55,02"
    );
}

#[test]
fn a_count_with_a_dot_is_refused_with_the_count_meant() {
    for (written, meant) in [("1.038", "1038"), ("1.030", "1030"), ("286.000", "286000")] {
        let fx = Fixture::real();
        let line = fx.replace(
            OCT_2023,
            "          - 1038\n",
            &format!("          - {written}\n"),
        );
        let loaded = fx.load();
        let errs = errors_at(&loaded, OCT_2023, "appendices[2].rows[0].values[1]");
        assert_eq!(errs.len(), 1, "{written}:\n{}", report(&loaded));
        let e = &errs[0];
        assert_eq!(e.line, Some(line), "{e}");
        let text = e.to_string();
        assert!(text.contains(&format!("`{written}`")), "{text}");
        assert!(
            text.contains(&format!("write the count without the dot: {meant}"))
                || text.contains(&format!("viết số đếm không có dấu chấm: {meant}")),
            "{text}"
        );
    }
}
