//! The loader's rules whose test does not fit a row of `rule_table.rs`: a
//! position that is only near, several diagnostics from one edit, warnings,
//! encodings, and every error of every file in one run. Each fixture is a
//! copy of the real content with an edit; each test asserts that the
//! diagnostic names the file, the line, the field path, and says what to
//! write instead.

use crate::support::api::{load, Severity, Status};
use crate::support::*;

// ---- YAML and serde-level errors ---------------------------------------

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
    assert!(d.message.en.starts_with("YAML syntax"), "{d}");
    // libyaml notices the missing `]` at the next key; it must be near.
    let at = d.line.expect("a syntax error has a line");
    assert!((line..=line + 2).contains(&at), "{d}");
    assert!(d.hint.is_some());
}

#[test]
fn unknown_field_suggests_the_nearest() {
    let fx = Fixture::real();
    let line = fx.replace(FEB_2023, "\nsubject:", "\nsubjet:") + 1;
    let loaded = fx.load();
    let d = the_error(&loaded, FEB_2023, "subjet", line);
    assert!(d.message.en.contains("did you mean `subject`?"), "{d}");
    // The misspelt key also leaves `subject` missing: reported too, at the
    // top of the mapping where it belongs.
    let missing = errors_at(&loaded, FEB_2023, "");
    assert!(
        missing
            .iter()
            .any(|d| d.message.en.contains("missing field `subject`")),
        "{}",
        report(&loaded)
    );
}

// ---- Ranges ---------------------------------------------------------------

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
    assert!(d.message.en.contains(other), "{d}");
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
    assert!(d.message.en.contains("Tháng 02 VPUB"), "{d}");
    // A file name has no line inside the file.
    assert_eq!(d.line, None);
    assert!(
        d.hint
            .as_ref()
            .map(|h| h.en.as_str())
            .unwrap()
            .contains("`thang-02-vpub`"),
        "{d}"
    );
    assert!(loaded.model.is_none());
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
    assert!(d.message.en.contains("5,63"), "{d}");
    assert!(d.message.en.contains("30"), "{d}");
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
    assert!(d.message.en.contains("73,2"), "{d}");
    assert!(d.message.en.contains("70,04"), "{d}");
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
    assert!(errs[0]
        .hint
        .as_ref()
        .map(|h| h.en.as_str())
        .unwrap()
        .contains("UTF-8"));
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
    assert!(d.message.en.contains("UTF-8"), "{d}");
    assert!(
        d.hint
            .as_ref()
            .map(|h| h.en.as_str())
            .unwrap()
            .contains("UTF-8"),
        "{d}"
    );
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
        d[0].message.en.contains("did you mean `department`?"),
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
    assert!(kinds.contains(&Severity::Error), "{}", report(&loaded));
    assert!(kinds.contains(&Severity::Warning), "{}", report(&loaded));
}
