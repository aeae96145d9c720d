//! Changes, grades and averages as printed: a change of the total is
//! checked against the earlier record of the same unit (a warning when
//! they disagree, the printed figure kept); a grade is kept as printed.

use crate::support::api::{load, Severity};
use crate::support::*;

/// The March 2025 results with `extra` lines under the rank.
fn with_results(extra: &str) -> Fixture {
    let fx = Fixture::real();
    fx.replace(
        MAR_2025,
        "  rank: 28/63\n",
        &format!("  rank: 28/63\n{extra}"),
    );
    fx
}

#[test]
fn a_change_that_agrees_with_the_record_passes() {
    // 55,02 (02/2023) → 73,04: 18,02 points; rank 20/63 → 28/63: 8 places down.
    let fx = with_results(
        "  grade: khá\n  national_average: 70,1\n  change:\n    points: 18,02\n    rank: -8\n",
    );
    let loaded = fx.load();
    assert!(!loaded.diagnostics.has_errors(), "{}", report(&loaded));
    assert_eq!(loaded.diagnostics.warning_count(), 0, "{}", report(&loaded));
    let model = loaded.model.expect("a model");
    let total = model
        .figures_of_unit("hung-yen")
        .into_iter()
        .rev()
        .find(|f| &*f.indicator == "tong-diem")
        .expect("the total");
    assert_eq!(total.national_average.map(|n| n.value), Some(70.1));
    // Shown as printed on the dispatch's page.
    let out = fx.scratch("out");
    crate::support::build(fx.content(), &out).unwrap_or_else(|e| panic!("{e}"));
    let text = visible_text(&read_text(&out, "van-ban/2025-03-vpub/index.html"));
    for needle in [
        "Xếp loại khá",
        "Theo văn bản: tăng 18,02 điểm, giảm 8 bậc.",
        "Trung bình cả nước: 70,1 điểm.",
    ] {
        assert!(text.contains(needle), "no {needle:?} in\n{text}");
    }
}

#[test]
fn a_change_within_the_printed_rounding_passes() {
    let fx = with_results("  change:\n    points: 18\n");
    let loaded = fx.load();
    assert_eq!(loaded.diagnostics.warning_count(), 0, "{}", report(&loaded));
}

#[test]
fn a_change_that_disagrees_with_the_record_is_a_warning() {
    let fx = with_results("  change:\n    points: 18,2\n    rank: 8\n");
    let loaded = fx.load();
    assert!(!loaded.diagnostics.has_errors(), "{}", report(&loaded));
    let points = fx.line_of(MAR_2025, "points: 18,2");
    let w = the_warning(&loaded, MAR_2025, "results.change.points", points);
    assert_eq!(w.severity, Severity::Warning);
    assert!(text_of(w).contains("18,02"), "{w}");
    // A fall written as a rise.
    the_warning(&loaded, MAR_2025, "results.change.rank", points + 1);
    // The printed figures are kept.
    assert!(loaded.model.is_some());
}

#[test]
fn a_change_since_a_named_period_compares_with_that_period() {
    // Against 02/2023 by name: the same record, so it agrees.
    let fx = with_results("  change:\n    points: 18,02\n    since: 2023-02\n");
    assert_eq!(fx.load().diagnostics.warning_count(), 0);
    // Against a period with no record: nothing to check, kept as printed.
    let fx = with_results("  change:\n    points: 1\n    since: 2024-12\n");
    let loaded = fx.load();
    assert_eq!(loaded.diagnostics.warning_count(), 0, "{}", report(&loaded));
}

#[test]
fn an_empty_grade_is_refused() {
    let fx = with_results("  grade: \"\"\n");
    let loaded = load(fx.content());
    let line = fx.line_of(MAR_2025, "grade:");
    the_error(&loaded, MAR_2025, "results.grade", line);
}
