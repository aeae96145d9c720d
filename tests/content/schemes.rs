//! Schemes of index groups as they were: a scheme may name its groups
//! without their maxima (the portal's seven groups of early 2024), and a
//! document for a period with no scheme on record still records its total
//! and rank, with a warning instead of a refusal.

use crate::support::api::{load, Severity};
use crate::support::*;

const JAN_2024: &str = "dispatches/2024/2024-01-vpub.yaml";

/// The real February 2023 dispatch, as if it reported January 2024.
fn dispatch_of_january_2024(fx: &Fixture) {
    let text = fx
        .read(FEB_2023)
        .replace("date: 2023-03-08", "date: 2024-02-06")
        .replace("period: 2023-02", "period: 2024-01")
        .replace("data_as_of: 2023-02-28", "data_as_of: 2024-01-31");
    fx.remove(FEB_2023);
    fx.write(JAN_2024, &text);
}

#[test]
fn the_schemes_on_record_follow_one_another_from_2022() {
    let loaded = load(&real_content());
    let model = loaded.model.expect("the real content loads");
    let ids: Vec<&str> = model.schemes.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "qd766-2022-sau-nhom",
            "qd766-2024-bay-nhom",
            "qd766-2025-nam-nhom",
            "qd766-2026-sau-nhom"
        ]
    );
    // 2024: seven groups, online services offered and used apart, the
    // maxima not known; 2026: six again, with the maxima of 2022.
    let y2024 = &model.schemes[1];
    assert_eq!(y2024.groups.len(), 7);
    assert!(y2024.groups.iter().all(|g| g.max.is_none()));
    assert_eq!(y2024.total_max.value, 100.0);
    let maxima = |i: usize| -> Vec<Option<f64>> {
        model.schemes[i]
            .groups
            .iter()
            .map(|g| g.max.map(|m| m.value))
            .collect()
    };
    assert_eq!(maxima(3), maxima(0));
    assert_eq!(
        loaded.diagnostics.warning_count(),
        0,
        "{}",
        loaded.diagnostics
    );
}

#[test]
fn scores_of_a_scheme_without_maxima_keep_their_printed_maximum() {
    let fx = Fixture::real();
    dispatch_of_january_2024(&fx);
    let loaded = fx.load();
    assert!(!loaded.diagnostics.has_errors(), "{}", report(&loaded));
    let model = loaded.model.expect("a model");
    let of = |ind: &str| {
        model
            .figures_of_unit("hung-yen")
            .into_iter()
            .find(|f| f.period.to_string() == "2024-01" && &*f.indicator == ind)
            .unwrap_or_else(|| panic!("no {ind} in 01/2024"))
    };
    // The total is read against the scheme's 100; a group against the
    // maximum the document prints, the scheme having none.
    assert_eq!(of("tong-diem").max.map(|m| m.value), Some(100.0));
    assert_eq!(
        of("tong-diem").scheme.as_deref(),
        Some("qd766-2024-bay-nhom")
    );
    assert_eq!(of("cong-khai-minh-bach").max.map(|m| m.value), Some(18.0));
    assert_eq!(of("cong-khai-minh-bach").value.number(), Some(7.7));
}

#[test]
fn a_group_outside_the_scheme_is_still_refused() {
    let fx = Fixture::real();
    dispatch_of_january_2024(&fx);
    // Online services and payment as one group: a group of 2025, not 2024.
    let line = fx.replace(
        JAN_2024,
        "    - indicator: dich-vu-cong-truc-tuyen\n",
        "    - indicator: dich-vu-cong-truc-tuyen-thanh-toan-truc-tuyen\n",
    );
    let loaded = fx.load();
    let d = the_error(&loaded, JAN_2024, "results.groups[2].indicator", line);
    assert!(
        text_of(d).contains("cung-cap-dich-vu-cong-truc-tuyen"),
        "{d}"
    );
}

#[test]
fn a_period_with_no_scheme_on_record_keeps_its_total_and_rank() {
    let fx = Fixture::real();
    dispatch_of_january_2024(&fx);
    let yaml = fx.read("indicators.yaml");
    let start = yaml
        .find("  - id: qd766-2024-bay-nhom")
        .expect("the 2024 scheme");
    let end = start
        + yaml[start..]
            .find("  - id: qd766-2025")
            .expect("the next scheme");
    fx.write(
        "indicators.yaml",
        &format!("{}{}", &yaml[..start], &yaml[end..]),
    );
    let loaded = fx.load();
    assert!(!loaded.diagnostics.has_errors(), "{}", report(&loaded));
    let line = fx.line_of(JAN_2024, "period: 2024-01");
    let w = the_warning(&loaded, JAN_2024, "period", line);
    assert_eq!(w.severity, Severity::Warning);
    assert!(w.hint.is_some(), "{w}");
    let model = loaded.model.expect("a model");
    let total = model
        .figures_of_unit("hung-yen")
        .into_iter()
        .find(|f| f.period.to_string() == "2024-01" && &*f.indicator == "tong-diem")
        .expect("the total is kept");
    assert_eq!(total.value.number(), Some(55.02));
    assert_eq!(total.rank.map(|r| (r.position, r.of)), Some((20, 63)));
    assert!(total.max.is_none() && total.scheme.is_none());
}

#[test]
fn known_maxima_may_not_exceed_the_total() {
    let fx = Fixture::real();
    let line = fx.replace(
        "indicators.yaml",
        "      - { indicator: cong-khai-minh-bach }\n",
        "      - { indicator: cong-khai-minh-bach, max: 101 }\n",
    );
    let loaded = fx.load();
    let errs = errors_at(&loaded, "indicators.yaml", "schemes[1].total_max");
    assert_eq!(errs.len(), 1, "{}", report(&loaded));
    assert!(errs[0].line.is_some_and(|l| l < line), "{}", errs[0]);
}
