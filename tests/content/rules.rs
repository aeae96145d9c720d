//! One fixture per validation rule of the loader. Each fixture is a copy of
//! the real content with one edit; each test asserts that the diagnostic
//! names the file, the exact line, the field path, and says what to write
//! instead.

use crate::support::api::{load, Severity, Status};
use crate::support::*;

// ---- YAML and serde-level errors ---------------------------------------

#[test]
fn yaml_syntax_error_names_file_and_line() {
    let fx = Fixture::real();
    // A key indented under a plain scalar: "mapping values are not allowed".
    let line = fx.replace(
        FEB_2023,
        "place: Hung Yên\n",
        "place: Hung Yên\n  oops: indented\n",
    ) + 1;
    let loaded = fx.load();
    let d = the_error(&loaded, FEB_2023, "", line);
    assert!(d.message.starts_with("YAML syntax"), "{d}");
    assert!(d.hint.as_deref().unwrap().contains("indentation"), "{d}");
}

#[test]
fn yaml_syntax_error_unclosed_bracket() {
    let fx = Fixture::real();
    let line = fx.replace(
        FEB_2023,
        "header: [UBND TỈNH HƯNG YÊN, VĂN PHÒNG]",
        "header: [UBND TỈNH HƯNG YÊN, VĂN PHÒNG",
    );
    let loaded = fx.load();
    let errs = errors_at(&loaded, FEB_2023, "");
    assert_eq!(errs.len(), 1, "{}", report(&loaded));
    let d = errs[0];
    assert!(d.message.starts_with("YAML syntax"), "{d}");
    // libyaml notices the missing `]` at the next key; it must be near.
    let at = d.line.expect("a syntax error has a line");
    assert!((line..=line + 2).contains(&at), "{d}");
    assert!(d.hint.is_some());
}

#[test]
fn unknown_field_appended_bogus() {
    let fx = Fixture::real();
    let line = fx.append(FEB_2023, "bogus: 1\n");
    let loaded = fx.load();
    let d = the_error(&loaded, FEB_2023, "bogus", line);
    assert!(d.message.contains("unknown field `bogus`"), "{d}");
    assert_eq!(d.column, Some(1));
    // The hint lists what is allowed.
    assert!(d.hint.as_deref().unwrap().contains("subject"), "{d}");
}

#[test]
fn unknown_field_suggests_the_nearest() {
    let fx = Fixture::real();
    let line = fx.replace(FEB_2023, "\nsubject:", "\nsubjet:") + 1;
    let loaded = fx.load();
    let d = the_error(&loaded, FEB_2023, "subjet", line);
    assert!(d.message.contains("did you mean `subject`?"), "{d}");
    // The misspelt key also leaves `subject` missing: reported too, at the
    // top of the mapping where it belongs.
    let missing = errors_at(&loaded, FEB_2023, "");
    assert!(
        missing
            .iter()
            .any(|d| d.message.contains("missing field `subject`")),
        "{}",
        report(&loaded)
    );
}

#[test]
fn unknown_field_nested_in_a_row() {
    let fx = Fixture::real();
    let line = fx.replace(
        OCT_2023,
        "        unit: so-tu-phap\n        values:\n          - 44,6\n        status: Chưa hoàn thành\n",
        "        unit: so-tu-phap\n        values:\n          - 44,6\n        statu: Chưa hoàn thành\n",
    ) + 3;
    let loaded = fx.load();
    let d = the_error(&loaded, OCT_2023, "appendices[0].rows[15].statu", line);
    assert!(d.message.contains("did you mean `status`?"), "{d}");
    assert_eq!(d.column, Some(9), "{d}");
}

#[test]
fn wrong_type() {
    let fx = Fixture::real();
    // The first `has_status: true` is Phụ lục I's.
    let text = fx.read(OCT_2023);
    let at = text.find("has_status: true").unwrap();
    let line = text[..at].matches('\n').count() + 1;
    fx.write(
        OCT_2023,
        &text.replacen("has_status: true", "has_status: có", 1),
    );
    let loaded = fx.load();
    let d = the_error(
        &loaded,
        OCT_2023,
        "appendices[0].columns[0].has_status",
        line,
    );
    assert!(d.message.contains("wrong type"), "{d}");
    assert!(text_of(d).contains("true or false"), "{d}");
}

#[test]
fn wrong_type_list_instead_of_text() {
    let fx = Fixture::real();
    let line = fx.replace(
        FEB_2023,
        "  name: Trần Văn Thắng",
        "  name: [Trần Văn Thắng]",
    );
    let loaded = fx.load();
    let d = the_error(&loaded, FEB_2023, "signature.name", line);
    assert!(d.message.contains("wrong type"), "{d}");
}

#[test]
fn missing_field_nested() {
    let fx = Fixture::real();
    let line = fx.line_of(FEB_2023, "signature:\n");
    fx.replace(FEB_2023, "  name: Trần Văn Thắng\n", "");
    let loaded = fx.load();
    let d = the_error(&loaded, FEB_2023, "signature", line);
    assert!(d.message.contains("missing field `name`"), "{d}");
    assert!(d.hint.as_deref().unwrap().contains("name:"), "{d}");
}

#[test]
fn missing_field_at_top_level() {
    let fx = Fixture::real();
    fx.replace(FEB_2023, "symbol: VPUB-PVHCC&KSTT\n", "");
    // The top-level mapping starts at the first key, after the comments.
    let line = fx.line_of(FEB_2023, "kind: monthly-results");
    let loaded = fx.load();
    let d = the_error(&loaded, FEB_2023, "", line);
    assert!(d.message.contains("missing field `symbol`"), "{d}");
}

#[test]
fn key_given_twice() {
    // serde_yaml places this at the start of the mapping, without a path.
    let fx = Fixture::real();
    let line = fx.replace(
        FEB_2023,
        "period: 2023-02\n",
        "period: 2023-02\nperiod: 2023-03\n",
    ) + 1;
    let loaded = fx.load();
    let d = the_error(&loaded, FEB_2023, "period", line);
    assert!(d.message.contains("given twice"), "{d}");

    let fx = Fixture::real();
    let line = fx.replace(
        MAR_2025,
        "      score: 9,3\n",
        "      score: 9,3\n      score: 9,4\n",
    ) + 1;
    let loaded = fx.load();
    the_error(&loaded, MAR_2025, "results.groups[0].score", line);
}

#[test]
fn rank_written_as_a_number() {
    let fx = Fixture::real();
    let line = fx.replace(FEB_2023, "rank: 20/63", "rank: 20");
    let loaded = fx.load();
    let d = the_error(&loaded, FEB_2023, "results.rank", line);
    assert!(d.message.contains("not a rank"), "{d}");
    assert!(d.hint.as_deref().unwrap().contains("20/63"), "{d}");
}

#[test]
fn date_written_as_a_year() {
    let fx = Fixture::real();
    let line = fx.replace(OCT_2023, "date: 2023-11", "date: 2023");
    let loaded = fx.load();
    let d = the_error(&loaded, OCT_2023, "date", line);
    assert!(d.message.contains("not a date"), "{d}");
    assert!(d.hint.as_deref().unwrap().contains("2023-11"), "{d}");
}

// ---- References: units and indicators -----------------------------------

#[test]
fn unknown_unit_id_typo_suggests_the_id() {
    let fx = Fixture::real();
    let line = fx.replace(
        OCT_2023,
        "unit: so-tu-phap\n        values:\n          - 44,6",
        "unit: so-tu-phapp\n        values:\n          - 44,6",
    );
    let loaded = fx.load();
    let d = the_error(&loaded, OCT_2023, "appendices[0].rows[15].unit", line);
    assert!(d.message.contains("unknown unit `so-tu-phapp`"), "{d}");
    assert!(d.hint.as_deref().unwrap().contains("`so-tu-phap`"), "{d}");
}

#[test]
fn unknown_unit_name_instead_of_id() {
    let fx = Fixture::real();
    let line = fx.replace(
        OCT_2023,
        "unit: van-giang\n        values:\n          - 21,86",
        "unit: Sở Tư pháp\n        values:\n          - 21,86",
    );
    let loaded = fx.load();
    let d = the_error(&loaded, OCT_2023, "appendices[1].rows[26].unit", line);
    assert!(
        d.hint
            .as_deref()
            .unwrap()
            .contains("write the unit's id, `so-tu-phap`"),
        "{d}"
    );
}

#[test]
fn unknown_unit_alias_instead_of_id() {
    let fx = Fixture::real();
    let line = fx.replace(NOV_2023_MY_HAO, "- unit: hung-long", "- unit: Xã Hưng Long");
    let loaded = fx.load();
    let d = the_error(&loaded, NOV_2023_MY_HAO, "mentions[0].unit", line);
    assert!(d.hint.as_deref().unwrap().contains("`hung-long`"), "{d}");
}

#[test]
fn unknown_indicator_suggests_the_id() {
    let fx = Fixture::real();
    let line = fx.replace(
        FEB_2023,
        "- indicator: cong-khai-minh-bach",
        "- indicator: cong-khai-minh-bac",
    );
    let loaded = fx.load();
    let d = the_error(&loaded, FEB_2023, "results.groups[0].indicator", line);
    assert!(
        d.message.contains("unknown indicator `cong-khai-minh-bac`"),
        "{d}"
    );
    assert!(
        d.hint.as_deref().unwrap().contains("`cong-khai-minh-bach`"),
        "{d}"
    );
}

#[test]
fn unknown_indicator_in_an_appendix_column() {
    let fx = Fixture::real();
    let line = fx.replace(
        OCT_2023,
        "- indicator: ty-le-nop-truc-tuyen",
        "- indicator: ty-le-nop-truc-tuyem",
    );
    let loaded = fx.load();
    let d = the_error(
        &loaded,
        OCT_2023,
        "appendices[0].columns[0].indicator",
        line,
    );
    assert!(
        d.hint
            .as_deref()
            .unwrap()
            .contains("`ty-le-nop-truc-tuyen`"),
        "{d}"
    );
}

// ---- Ranges ---------------------------------------------------------------

#[test]
fn score_above_its_maximum() {
    let fx = Fixture::real();
    let line = fx.replace(FEB_2023, "total: 55,02", "total: 155,02");
    let loaded = fx.load();
    let d = the_error(&loaded, FEB_2023, "results.total", line);
    assert!(d.message.contains("155,02"), "{d}");
    assert!(d.message.contains("maximum of 100"), "{d}");
}

#[test]
fn group_score_above_its_maximum() {
    let fx = Fixture::real();
    let line = fx.replace(
        MAR_2025,
        "score: 19,3\n      max: 20",
        "score: 21,3\n      max: 20",
    );
    let loaded = fx.load();
    let d = the_error(&loaded, MAR_2025, "results.groups[1].score", line);
    assert!(d.message.contains("21,3"), "{d}");
    assert!(d.message.contains("maximum of 20"), "{d}");
}

#[test]
fn score_below_zero() {
    let fx = Fixture::real();
    let line = fx.replace(FEB_2023, "score: 7,7", "score: -7,7");
    let loaded = fx.load();
    let d = the_error(&loaded, FEB_2023, "results.groups[0].score", line);
    assert!(d.message.contains("below 0"), "{d}");
}

#[test]
fn percent_outside_0_to_100() {
    let fx = Fixture::real();
    let line = fx.replace(OCT_2023, "          - 44,6\n", "          - 446\n");
    let loaded = fx.load();
    let d = the_error(&loaded, OCT_2023, "appendices[0].rows[15].values[0]", line);
    assert!(d.message.contains("446"), "{d}");
    assert!(d.message.contains("0 to 100"), "{d}");
}

#[test]
fn negative_percent_and_rate() {
    let fx = Fixture::real();
    let line = fx.replace(MAR_2025, "rate: 96,57", "rate: 196,57");
    let loaded = fx.load();
    let d = the_error(&loaded, MAR_2025, "results.groups[1].rate", line);
    assert!(d.message.contains("196,57"), "{d}");

    let fx = Fixture::real();
    let line = fx.replace(MAR_2025, "percent: 82,92", "percent: -82,92");
    let loaded = fx.load();
    the_error(
        &loaded,
        MAR_2025,
        "results.groups[5].details[0].percent",
        line,
    );
}

#[test]
fn count_with_thousands_dot() {
    let fx = Fixture::real();
    let line = fx.replace(OCT_2023, "          - 1038\n", "          - 1.038\n");
    let loaded = fx.load();
    let d = the_error(&loaded, OCT_2023, "appendices[2].rows[0].values[1]", line);
    let text = text_of(d);
    assert!(text.contains("thousands"), "{d}");
    assert!(text.contains("1038"), "{d}");
    assert!(
        d.message.contains("1.038"),
        "the message quotes what was written: {d}"
    );
}

#[test]
fn count_with_thousands_dot_and_trailing_zero() {
    // Printed 1.030: YAML reads 1.03, and the count meant is still 1030.
    let fx = Fixture::real();
    let line = fx.replace(OCT_2023, "          - 1030\n", "          - 1.030\n");
    let loaded = fx.load();
    let d = the_error(&loaded, OCT_2023, "appendices[2].rows[7].values[1]", line);
    assert!(text_of(d).contains("1030"), "{d}");
    assert!(
        !text_of(d).contains(": 103\n") && !text_of(d).ends_with(": 103"),
        "{d}"
    );
}

#[test]
fn count_field_with_thousands_dot() {
    // A `count:` field (not a table cell) refuses 1.038 while parsing.
    let fx = Fixture::real();
    let line = fx.replace(MAR_2025, "count: 168", "count: 1.168");
    let loaded = fx.load();
    let d = the_error(
        &loaded,
        MAR_2025,
        "results.groups[5].details[2].count",
        line,
    );
    assert!(text_of(d).contains("thousands"), "{d}");
    assert!(text_of(d).contains("1168"), "{d}");
}

#[test]
fn decimal_comma_inside_braces() {
    // `{ score: 7,7 }` splits at the comma: a hint says to quote it.
    let fx = Fixture::real();
    let line = fx.replace(
        FEB_2023,
        "    - indicator: cong-khai-minh-bach\n      score: 7,7\n      max: 18\n",
        "    - { indicator: cong-khai-minh-bach, score: 7,7, max: 18 }\n",
    );
    let loaded = fx.load();
    let errs: Vec<_> = loaded
        .diagnostics
        .errors()
        .filter(|d| d.file.ends_with(FEB_2023))
        .collect();
    assert!(!errs.is_empty(), "accepted `score: 7,7` in braces");
    let d = errs[0];
    assert_eq!(d.line, Some(line), "{}", report(&loaded));
    assert!(
        text_of(d).contains("quote") || text_of(d).contains("own line"),
        "{d}"
    );
}

// ---- Dispatches, dates, units over time, slugs ----------------------------

#[test]
fn two_dispatches_of_the_same_issuer_kind_and_period() {
    let fx = Fixture::real();
    let copy = "dispatches/2023/2023-02-vpub-ban-sao.yaml";
    fx.write(copy, &fx.read(FEB_2023));
    let line = fx.line_of(FEB_2023, "period: 2023-02");
    let loaded = fx.load();
    let errs: Vec<_> = loaded
        .diagnostics
        .errors()
        .filter(|d| d.field == "period")
        .collect();
    assert_eq!(errs.len(), 1, "{}", report(&loaded));
    let d = errs[0];
    // Reported on one of the two files, naming the other.
    let (this, other) = if d.file.ends_with(copy) {
        (copy, "2023-02-vpub.yaml")
    } else {
        (FEB_2023, "2023-02-vpub-ban-sao.yaml")
    };
    the_error(&loaded, this, "period", line);
    assert!(d.message.contains(other), "{d}");
}

#[test]
fn same_period_from_another_issuer_is_fine() {
    // Mỹ Hào's own dispatch for 2023-10 does not clash with the province's.
    let fx = Fixture::real();
    let copy = "dispatches/2023/2023-10-vp-my-hao.yaml";
    fx.write(
        copy,
        &fx.read(NOV_2023_MY_HAO)
            .replace("period: 2023-11", "period: 2023-10"),
    );
    let loaded = fx.load();
    assert!(loaded.model.is_some(), "{}", report(&loaded));
}

#[test]
fn unit_used_after_it_ended() {
    let fx = Fixture::real();
    let line = fx.append(
        MAR_2025,
        "mentions:\n  - unit: so-ke-hoach-va-dau-tu\n    note: Hợp nhất vào Sở Tài chính.\n",
    ) + 1;
    let loaded = fx.load();
    let d = the_error(&loaded, MAR_2025, "mentions[0].unit", line);
    assert!(d.message.contains("did not exist in 2025-03"), "{d}");
    // Points at the successor.
    assert!(d.hint.as_deref().unwrap().contains("so-tai-chinh"), "{d}");
}

#[test]
fn unit_used_before_it_began() {
    let fx = Fixture::real();
    let line = fx.replace(
        OCT_2023,
        "unit: so-tai-nguyen-va-moi-truong\n        values:\n          - 85,0",
        "unit: so-nong-nghiep-va-moi-truong\n        values:\n          - 85,0",
    );
    let loaded = fx.load();
    let d = the_error(&loaded, OCT_2023, "appendices[0].rows[13].unit", line);
    assert!(d.message.contains("did not exist in 2023-10"), "{d}");
    assert!(d.hint.as_deref().unwrap().contains("2025-03-01"), "{d}");
}

#[test]
fn date_that_does_not_exist() {
    let fx = Fixture::real();
    let line = fx.replace(FEB_2023, "date: 2023-03-08", "date: 2023-02-30");
    let loaded = fx.load();
    let d = the_error(&loaded, FEB_2023, "date", line);
    assert!(d.message.contains("2023-02-30 does not exist"), "{d}");
    assert!(text_of(d).contains("28"), "{d}");
}

#[test]
fn data_date_that_does_not_exist() {
    let fx = Fixture::real();
    let line = fx.replace(FEB_2023, "data_as_of: 2023-02-28", "data_as_of: 2023-02-29");
    let loaded = fx.load();
    the_error(&loaded, FEB_2023, "data_as_of", line);
}

#[test]
fn month_that_does_not_exist_in_a_period() {
    let fx = Fixture::real();
    let line = fx.replace(FEB_2023, "period: 2023-02", "period: 2023-13");
    let loaded = fx.load();
    let d = the_error(&loaded, FEB_2023, "period", line);
    assert!(d.message.contains("13"), "{d}");
}

#[test]
fn directive_that_carries_results() {
    let fx = Fixture::real();
    let line = fx.append(DIRECTIVE_2022, "results:\n  unit: hung-yen\n  total: 50\n");
    let loaded = fx.load();
    let d = the_error(&loaded, DIRECTIVE_2022, "results", line);
    assert!(d.message.contains("directive"), "{d}");
}

#[test]
fn results_without_a_period() {
    let fx = Fixture::real();
    fx.replace(FEB_2023, "period: 2023-02\n", "");
    let line = fx.line_of(FEB_2023, "kind: monthly-results");
    let loaded = fx.load();
    let d = the_error(&loaded, FEB_2023, "kind", line);
    assert!(d.hint.as_deref().unwrap().contains("period:"), "{d}");
}

#[test]
fn file_name_that_is_not_a_slug() {
    let fx = Fixture::real();
    let bad = "dispatches/2023/Tháng 02 VPUB.yaml";
    fx.write(bad, &fx.read(FEB_2023));
    fx.remove(FEB_2023);
    let loaded = fx.load();
    let errs: Vec<_> = loaded
        .diagnostics
        .errors()
        .filter(|d| d.file.ends_with(bad))
        .collect();
    assert_eq!(errs.len(), 1, "{}", report(&loaded));
    let d = errs[0];
    assert!(d.message.contains("Tháng 02 VPUB"), "{d}");
    // A file name has no line inside the file.
    assert_eq!(d.line, None);
    assert!(
        d.hint.as_deref().unwrap().contains("`thang-02-vpub`"),
        "{d}"
    );
    assert!(loaded.model.is_none());
}

#[test]
fn unit_id_that_is_not_a_slug() {
    let fx = Fixture::real();
    let line = fx.append(
        "units.yaml",
        "\n  - id: Xã_Mới\n    name: UBND xã Mới\n    kind: commune\n    parent: my-hao\n",
    ) + 1;
    let loaded = fx.load();
    let n = load(&real_content()).model.unwrap().units.len();
    let d = the_error(&loaded, "units.yaml", &format!("units[{n}].id"), line);
    assert!(d.message.contains("Xã_Mới"), "{d}");
    assert!(d.hint.as_deref().unwrap().contains("`xa-moi`"), "{d}");
}

#[test]
fn unit_used_twice_in_units_yaml() {
    let fx = Fixture::real();
    let line = fx.append(
        "units.yaml",
        "\n  - id: so-tu-phap\n    name: Sở Tư pháp (bản sao)\n    kind: department\n",
    ) + 1;
    let loaded = fx.load();
    let n = load(&real_content()).model.unwrap().units.len();
    let d = the_error(&loaded, "units.yaml", &format!("units[{n}].id"), line);
    assert!(d.message.contains("used twice"), "{d}");
}

#[test]
fn site_base_path_that_is_not_a_sub_path() {
    let fx = Fixture::real();
    let line = fx.replace("site.yaml", "\nbase_path: /\n", "\nbase_path: cong-khai\n") + 1;
    let loaded = fx.load();
    let d = the_error(&loaded, "site.yaml", "base_path", line);
    assert!(d.hint.as_deref().unwrap().contains("/cong-khai/"), "{d}");
}

// ---- Warnings ---------------------------------------------------------------

#[test]
fn published_status_that_disagrees_with_the_target() {
    let fx = Fixture::real();
    let line = fx.replace(
        OCT_2023,
        "          - 5,63\n        status: Chưa hoàn thành",
        "          - 5,63\n        status: Hoàn thành",
    ) + 1;
    let loaded = fx.load();
    let d = the_warning(&loaded, OCT_2023, "appendices[1].rows[15].status", line);
    assert!(d.message.contains("5,63"), "{d}");
    assert!(d.message.contains("30"), "{d}");
    // The published record stands: the model is built, with the status as printed.
    let model = loaded
        .model
        .as_ref()
        .expect("warnings do not stop the build");
    let f = model
        .figures_of_unit("so-tu-phap")
        .into_iter()
        .find(|f| &*f.indicator == "ty-le-thanh-toan-truc-tuyen")
        .unwrap();
    assert_eq!(f.status, Some(Status::Met));
    assert_eq!(f.meets_target(), Some(false));
}

#[test]
fn groups_that_do_not_add_up_to_the_total() {
    let fx = Fixture::real();
    let line = fx.replace(MAR_2025, "total: 73,04", "total: 70,04");
    let loaded = fx.load();
    let d = the_warning(&loaded, MAR_2025, "results.total", line);
    assert!(d.message.contains("73,2"), "{d}");
    assert!(d.message.contains("70,04"), "{d}");
    assert!(loaded.model.is_some());
}

#[test]
fn groups_within_rounding_of_the_total_are_fine() {
    // 9,3 + 19,3 + 7,5 + 4,7 + 17,8 + 14,6 = 73,2 against a printed 73,04:
    // within the rounding of six one-decimal scores.
    let loaded = load(&real_content());
    assert!(
        warnings_at(&loaded, MAR_2025, "results.total").is_empty(),
        "{}",
        report(&loaded)
    );
}

// ---- Encodings ----------------------------------------------------------------

#[test]
fn a_file_with_a_byte_order_mark_loads() {
    let fx = Fixture::real();
    for rel in [FEB_2023, "units.yaml", "site.yaml"] {
        let text = fx.read(rel);
        fx.write(rel, &format!("\u{feff}{text}"));
    }
    let loaded = fx.load();
    assert!(!loaded.diagnostics.has_errors(), "{}", report(&loaded));
    let real = load(&real_content()).model.unwrap();
    assert_eq!(loaded.model.unwrap().figures.len(), real.figures.len());
}

#[test]
fn a_file_with_a_byte_order_mark_keeps_its_lines() {
    let fx = Fixture::real();
    let line = fx.replace(FEB_2023, "total: 55,02", "total: 155,02");
    let text = fx.read(FEB_2023);
    fx.write(FEB_2023, &format!("\u{feff}{text}"));
    let loaded = fx.load();
    let d = the_error(&loaded, FEB_2023, "results.total", line);
    assert_eq!(d.column, Some(3), "{d}");
}

#[test]
fn windows_line_endings_keep_their_lines() {
    let fx = Fixture::real();
    let line = fx.replace(OCT_2023, "          - 44,6\n", "          - 446\n");
    let text = fx.read(OCT_2023).replace('\n', "\r\n");
    fx.write(OCT_2023, &text);
    let loaded = fx.load();
    the_error(&loaded, OCT_2023, "appendices[0].rows[15].values[0]", line);
}

#[test]
fn a_file_that_is_not_utf8() {
    let fx = Fixture::real();
    let mut bytes = fx.read(FEB_2023).into_bytes();
    let at = bytes.windows(7).position(|w| w == b"\nplace:").unwrap();
    bytes[at + 1] = 0xff;
    let line = fx.line_of(FEB_2023, "\nplace:") + 1;
    std::fs::write(fx.path(FEB_2023), bytes).unwrap();
    let loaded = fx.load();
    let errs = errors_at(&loaded, FEB_2023, "");
    assert_eq!(errs.len(), 1, "{}", report(&loaded));
    assert_eq!(errs[0].line, Some(line));
    assert!(errs[0].hint.as_deref().unwrap().contains("UTF-8"));
}

#[test]
fn a_file_saved_in_the_windows_vietnamese_code_page() {
    // A standalone fixture: Vietnamese text saved as Windows-1258.
    let fx = Fixture::real();
    let rel = "dispatches/2023/2023-02-ansi.yaml";
    std::fs::copy(fixtures().join("cp1258-dispatch.yaml"), fx.path(rel)).unwrap();
    let loaded = fx.load();
    let errs = errors_at(&loaded, rel, "");
    assert_eq!(errs.len(), 1, "{}", report(&loaded));
    let d = errs[0];
    assert_eq!(d.line, Some(8), "{d}");
    assert!(d.message.contains("UTF-8"), "{d}");
    assert!(d.hint.as_deref().unwrap().contains("UTF-8"), "{d}");
}

#[test]
fn an_empty_dispatch_file() {
    let fx = Fixture::real();
    fx.write("dispatches/2024/2024-01-vpub.yaml", "# nothing yet\n");
    let loaded = fx.load();
    let errs = errors_at(&loaded, "dispatches/2024/2024-01-vpub.yaml", "");
    assert_eq!(errs.len(), 1, "{}", report(&loaded));
    assert!(errs[0].hint.is_some());
}

// ---- Every error of every file in one run -------------------------------------

#[test]
fn errors_in_two_files_are_both_reported() {
    let fx = Fixture::real();
    let l1 = fx.replace(FEB_2023, "total: 55,02", "total: 155,02");
    let l2 = fx.replace(OCT_2023, "          - 44,6\n", "          - 446\n");
    let l3 = fx.append(MAR_2025, "bogus: 1\n");
    let loaded = fx.load();
    the_error(&loaded, FEB_2023, "results.total", l1);
    the_error(&loaded, OCT_2023, "appendices[0].rows[15].values[0]", l2);
    the_error(&loaded, MAR_2025, "bogus", l3);
    // Sorted by file, then line.
    let files: Vec<_> = loaded
        .diagnostics
        .errors()
        .map(|d| d.file.clone())
        .collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted);
}

#[test]
fn several_bad_cells_in_one_file_are_each_reported() {
    let fx = Fixture::real();
    let l1 = fx.replace(OCT_2023, "          - 44,6\n", "          - 446\n");
    let l2 = fx.replace(OCT_2023, "          - 21,86\n", "          - 218,6\n");
    let l3 = fx.replace(OCT_2023, "          - 1038\n", "          - 1.038\n");
    let l4 = fx.replace(OCT_2023, "score: 15,0", "score: 25,0");
    let loaded = fx.load();
    the_error(&loaded, OCT_2023, "appendices[0].rows[15].values[0]", l1);
    the_error(&loaded, OCT_2023, "appendices[1].rows[26].values[0]", l2);
    the_error(&loaded, OCT_2023, "appendices[2].rows[0].values[1]", l3);
    the_error(&loaded, OCT_2023, "results.groups[4].score", l4);
    assert_eq!(loaded.diagnostics.error_count(), 4, "{}", report(&loaded));
}

#[test]
fn several_parse_errors_in_one_file_are_each_reported() {
    // serde stops at the first error; the loader removes the bad value and
    // reads the file again, so each is reported.
    let fx = Fixture::real();
    let l1 = fx.replace(OCT_2023, "          - 44,6\n", "          - bốn mươi\n");
    let l2 = fx.replace(OCT_2023, "          - 21,86\n", "          - abc\n");
    let l3 = fx.replace(OCT_2023, "          - 1038\n", "          - 1.038.5\n");
    let l4 = fx.append(OCT_2023, "bogus: 1\n");
    let loaded = fx.load();
    for (field, line) in [
        ("appendices[0].rows[15].values[0]", l1),
        ("appendices[1].rows[26].values[0]", l2),
        ("appendices[2].rows[0].values[1]", l3),
        ("bogus", l4),
    ] {
        let errs = errors_at(&loaded, OCT_2023, field);
        assert_eq!(errs.len(), 1, "{field}:\n{}", report(&loaded));
        assert_eq!(errs[0].line, Some(line), "{}", errs[0]);
    }
}

#[test]
fn errors_in_units_and_a_dispatch_in_one_run() {
    let fx = Fixture::real();
    let l1 = fx.replace(
        "units.yaml",
        "    kind: department\n    parent: hung-yen\n\n  - id: so-tu-phap",
        "    kind: departement\n    parent: hung-yen\n\n  - id: so-tu-phap",
    );
    let l2 = fx.append(FEB_2023, "bogus: 1\n");
    let loaded = fx.load();
    let d = errors_at(&loaded, "units.yaml", "units[15].kind");
    assert_eq!(d.len(), 1, "{}", report(&loaded));
    assert_eq!(d[0].line, Some(l1));
    assert!(
        d[0].message.contains("did you mean `department`?"),
        "{}",
        d[0]
    );
    the_error(&loaded, FEB_2023, "bogus", l2);
}

#[test]
fn severities_are_what_they_say() {
    let fx = Fixture::real();
    fx.replace(OCT_2023, "          - 44,6\n", "          - 446\n");
    let loaded = fx.load();
    // 446 ≥ 60 against a printed "Chưa hoàn thành": an error and a warning.
    let kinds: Vec<Severity> = loaded
        .diagnostics
        .items
        .iter()
        .filter(|d| d.field.starts_with("appendices[0].rows[15]"))
        .map(|d| d.severity)
        .collect();
    assert!(kinds.contains(&Severity::Error));
}
