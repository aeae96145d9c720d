//! The fault catalogue: hostile and careless inputs, each an edit of the
//! real content with the one error it must give (file, line, field, the
//! message and a hint; all messages kept in a snapshot), and the faults
//! that need a file of their own (names, places, sizes). With the rules of
//! `rule_table.rs` and `rules.rs` they make the catalogue of bad input.

use crate::rule_table::{run, At, Edit, Rule, Says::*};
use crate::support::api::{render, today};
use crate::support::*;

const FAULTS: &[Rule] = &[
    // ---- characters that are not text ----
    Rule {
        name: "a NUL byte in the text",
        file: FEB_2023,
        edit: Edit::Replace("place: Hung Yên\n", "place: Hung\u{0} Yên\n"),
        at: At::Edit(0),
        field: "",
        says: &[Message("a NUL byte (U+0000)"), Column(12)],
    },
    Rule {
        name: "an escape character pasted into a unit's name",
        file: "units.yaml",
        edit: Edit::Replace("    name: Sở Nội vụ\n", "    name: Sở Nội\u{1b}[31m vụ\n"),
        at: At::Edit(0),
        field: "",
        says: &[Message("a control character (U+001B)"), Hint("retype")],
    },
    Rule {
        name: "a control character written as a YAML escape",
        file: FEB_2023,
        edit: Edit::Replace("place: Hung Yên\n", "place: \"Hung\\u0001 Yên\"\n"),
        at: At::Edit(0),
        field: "place",
        says: &[Message("U+0001"), Hint("\\u0001")],
    },
    Rule {
        name: "a right-to-left override written as an escape",
        file: FEB_2023,
        edit: Edit::Replace(
            "subject: Công bố kết quả đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp tháng 02/2023\n",
            "subject: \"\\u202ECông bố kết quả\"\n",
        ),
        at: At::Edit(0),
        field: "subject",
        says: &[Message("a bidirectional control character (U+202E)")],
    },
    Rule {
        name: "a Unicode line separator pasted into a text",
        file: FEB_2023,
        edit: Edit::Replace("place: Hung Yên\n", "place: Hung\u{2028}Yên\n"),
        at: At::Edit(0),
        field: "",
        says: &[Message("a Unicode line separator (U+2028)"), Column(12)],
    },
    Rule {
        name: "a raw right-to-left isolate in the body",
        file: FEB_2023,
        edit: Edit::Append("\n  Xem \u{2067}phụ lục\u{2069}.\n"),
        at: At::Edit(1),
        field: "",
        says: &[Message("U+2067"), Column(7)],
    },
    Rule {
        name: "a character that is not text",
        file: FEB_2023,
        edit: Edit::Replace("place: Hung Yên\n", "place: \"Hung\\uFFFF\"\n"),
        at: At::Edit(0),
        field: "place",
        says: &[Message("not text (U+FFFF)")],
    },
    // ---- YAML that expands ----
    Rule {
        name: "an anchor and an alias",
        file: FEB_2023,
        edit: Edit::Replace("place: Hung Yên\n", "place: &noi Hung Yên\n"),
        at: At::Edit(0),
        field: "",
        says: &[Message("an anchor (`&…`)"), Hint("in full")],
    },
    Rule {
        name: "an anchor inside brackets",
        file: FEB_2023,
        edit: Edit::Replace(
            "  header: [UBND TỈNH HƯNG YÊN, VĂN PHÒNG]\n",
            "  header: [&h UBND TỈNH HƯNG YÊN, *h]\n",
        ),
        at: At::Edit(0),
        field: "",
        says: &[Message("anchors and aliases")],
    },
    // ---- numbers beyond what is printed exactly ----
    Rule {
        name: "a count too large to print exactly",
        file: FEB_2023,
        edit: Edit::Replace("number: 68\n", "number: 18446744073709551615\n"),
        at: At::Edit(0),
        field: "number",
        says: &[Message("too large a count to print exactly"), Hint("check")],
    },
    Rule {
        name: "an integer beyond what YAML reads",
        file: FEB_2023,
        edit: Edit::Replace("number: 68\n", "number: 99999999999999999999\n"),
        at: At::Edit(0),
        field: "number",
        says: &[Message("too large a number to print exactly")],
    },
    Rule {
        name: "a figure with more decimals than a document prints",
        file: FEB_2023,
        edit: Edit::Replace("  total: 55,02\n", "  total: 55,0200001\n"),
        at: At::Edit(0),
        field: "results.total",
        says: &[Message("has 7 decimals"), Hint("check it against the document")],
    },
    Rule {
        name: "a decimal written with a dot and too many decimals",
        file: FEB_2023,
        edit: Edit::Replace("  total: 55,02\n", "  total: 55.0200001\n"),
        at: At::Edit(0),
        field: "results.total",
        says: &[Message("has 7 decimals")],
    },
    Rule {
        name: "a figure with more digits than are kept exactly",
        file: FEB_2023,
        edit: Edit::Replace("  total: 55,02\n", "  total: 1234567890123456,5\n"),
        at: At::Edit(0),
        field: "results.total",
        says: &[Message("17 digits")],
    },
    Rule {
        name: "a cell with too many decimals is not taken for a text",
        file: OCT_2023,
        edit: Edit::Replace("          - 44,6\n", "          - 9,3000000001\n"),
        at: At::Edit(0),
        field: "appendices[0].rows[15].values[0]",
        says: &[Message("has 10 decimals")],
    },
    // ---- dates ----
    Rule {
        name: "a document dated after today",
        file: FEB_2023,
        edit: Edit::Replace("date: 2023-03-08\n", "date: 2099-03-08\n"),
        at: At::Edit(0),
        field: "date",
        says: &[Message("after today"), Hint("date printed on the document")],
    },
    Rule {
        name: "data dated after today",
        file: FEB_2023,
        edit: Edit::Replace("data_as_of: 2023-02-28\n", "data_as_of: 2099-02-28\n"),
        at: At::Edit(0),
        field: "data_as_of",
        says: &[Message("after today")],
    },
    Rule {
        name: "a period that starts after the document's date",
        file: FEB_2023,
        edit: Edit::Replace("period: 2023-02\n", "period: 2023-04\n"),
        at: At::Edit(0),
        field: "period",
        says: &[Message("starts on 2023-04-01, after the document's date 2023-03-08")],
    },
    // ---- what a body embeds ----
    Rule {
        name: "an image from another host in the body",
        file: FEB_2023,
        edit: Edit::Append("\n  ![sơ đồ](https://evil.example/a.png)\n"),
        at: At::LineOf("body: |"),
        field: "body",
        says: &[Message("`https://evil.example/a.png`: an embedded file from outside the site"), Hint("link to it instead")],
    },
    Rule {
        name: "an image in raw HTML from another host",
        file: FEB_2023,
        edit: Edit::Append("\n  <img src=\"http://evil.example/b.png\" alt=\"\">\n"),
        at: At::LineOf("body: |"),
        field: "body",
        says: &[Message("http://evil.example/b.png")],
    },
    Rule {
        name: "a frame without a scheme",
        file: FEB_2023,
        edit: Edit::Append("\n  <iframe src=\"//evil.example/\"></iframe>\n"),
        at: At::LineOf("body: |"),
        field: "body",
        says: &[Message("//evil.example/")],
    },
    Rule {
        name: "an image written with a capital scheme",
        file: FEB_2023,
        edit: Edit::Append("\n  ![a](HTTPS://evil.example/c.png)\n"),
        at: At::LineOf("body: |"),
        field: "body",
        says: &[Message("HTTPS://evil.example/c.png")],
    },
    // ---- the catalog ----
    Rule {
        name: "a unit that ends before it starts",
        file: "units.yaml",
        edit: Edit::Replace(
            "    valid_to: 2025-02-28\n    successors: [so-tai-chinh]\n    change_note: Hợp nhất vào Sở Tài chính",
            "    valid_from: 2026-01-01\n    valid_to: 2025-02-28\n    successors: [so-tai-chinh]\n    change_note: Hợp nhất vào Sở Tài chính",
        ),
        at: At::Edit(1),
        field: "units[2].valid_to",
        says: &[Message("valid_to 2025-02-28 is before valid_from 2026-01-01")],
    },
    Rule {
        name: "a base path that climbs out",
        file: "site.yaml",
        edit: Edit::Replace("\nbase_path: /\n", "\nbase_path: /../../x/\n"),
        at: At::Edit(1),
        field: "base_path",
        says: &[Message("not a sub-path")],
    },
    // ---- hints for what an editor copies from the document ----
    Rule {
        name: "a month written as the document prints it",
        file: FEB_2023,
        edit: Edit::Replace("period: 2023-02\n", "period: 2/2023\n"),
        at: At::Edit(0),
        field: "period",
        says: &[Message("`2/2023` is a month as printed"), Hint("2023-02")],
    },
    Rule {
        name: "two cells of a table pasted into one",
        file: OCT_2023,
        edit: Edit::Replace("          - 44,6\n", "          - \"44,6\tChưa hoàn thành\"\n"),
        at: At::Edit(0),
        field: "appendices[0].rows[15].values[0]",
        says: &[Message("holds a tab"), Text("status:")],
    },
    Rule {
        name: "a decimal comma in a count column is no thousands dot",
        file: OCT_2023,
        edit: Edit::Replace("          - 1038\n", "          - 85,4\n"),
        at: At::Edit(0),
        field: "appendices[2].rows[0].values[1]",
        says: &[Message("is a whole count, not `85,4`"), Hint("check the column")],
    },
    Rule {
        name: "a decimal comma in a key inside braces",
        file: FEB_2023,
        edit: Edit::Replace("place: Hung Yên\n", "place: { 7,7: x }\n"),
        at: At::Edit(0),
        field: "",
        says: &[Message("as a key"), Column(10)],
    },
];

#[test]
fn each_fault_gives_one_error_that_says_what_to_write() {
    // Today's date is in two messages (ISO in English, dd/mm/yyyy in
    // Vietnamese): the snapshot does not change with it.
    let iso = today().to_string();
    let vi: Vec<&str> = iso.rsplit('-').collect();
    let messages = run(FAULTS)
        .replace(&format!("({iso})"), "(<today>)")
        .replace(&format!("({})", vi.join("/")), "(<today>)");
    insta::assert_snapshot!("faults", messages);
}

/// The warnings and errors of loading `fx`, as printed, for `rel`.
fn said_of(fx: &Fixture, rel: &str) -> Vec<String> {
    let loaded = fx.load();
    let path = fx.path(rel);
    loaded
        .diagnostics
        .items
        .iter()
        .filter(|d| d.file == path)
        .map(text_of)
        .collect()
}

#[test]
fn two_files_of_one_name_in_two_year_folders_are_refused() {
    let fx = Fixture::real();
    let copy = "dispatches/2024/2023-02-vpub.yaml";
    fx.write(
        copy,
        &fx.read(FEB_2023)
            .replace("period: 2023-02", "period: 2023-01"),
    );
    let said = said_of(&fx, copy);
    assert!(
        said.iter()
            .any(|t| t.contains("the file name `2023-02-vpub` is used twice")
                && t.contains("dispatches/2023/2023-02-vpub.yaml")
                && t.contains("give this dispatch its own name")),
        "{said:#?}"
    );
    assert!(fx.load().model.is_none());
}

#[test]
fn every_file_no_rule_reads_is_named() {
    let fx = Fixture::real();
    let feb = fx.read(FEB_2023);
    let cases = [
        (
            "2023-02-copy.yaml",
            "dispatch files go in content/dispatches/<year>/",
        ),
        (
            "dispatch/2023/2023-02-copy.yaml",
            "dispatch files go in content/dispatches/<year>/",
        ),
        ("dispatches/2023/.2023-02-an.yaml", "a hidden file"),
        (
            "dispatches/2023/2023-02-copy.yaml.txt",
            "rename it to `2023-02-copy.yaml`",
        ),
        (
            "ghi-chu.docx",
            "only site.yaml, units.yaml, indicators.yaml",
        ),
    ];
    for (rel, _) in cases {
        fx.write(rel, &feb);
    }
    std::os::unix::fs::symlink(fx.path(FEB_2023), fx.path("dispatches/2023/lien-ket.yaml"))
        .unwrap();
    let loaded = fx.load();
    for (rel, says) in cases
        .iter()
        .chain([&("dispatches/2023/lien-ket.yaml", "a link is not followed")])
    {
        let said = said_of(&fx, rel);
        assert!(
            said.len() == 1 && said[0].contains("not read") && said[0].contains(says),
            "{rel}: {said:#?}"
        );
    }
    assert!(!loaded.diagnostics.has_errors(), "{}", report(&loaded));
    assert_eq!(loaded.diagnostics.warning_count(), cases.len() + 1);
}

#[test]
fn a_period_that_ends_after_the_date_asks_for_the_data_date() {
    let fx = Fixture::real();
    fx.replace(FEB_2023, "date: 2023-03-08\n", "date: 2023-02-20\n");
    fx.replace(FEB_2023, "data_as_of: 2023-02-28\n", "");
    let loaded = fx.load();
    let warnings = warnings_at(&loaded, FEB_2023, "period");
    assert_eq!(warnings.len(), 1, "{}", report(&loaded));
    assert!(
        text_of(warnings[0]).contains("add `data_as_of:`"),
        "{}",
        warnings[0]
    );
    // With the data's date, the document is consistent.
    fx.replace(
        FEB_2023,
        "period: 2023-02\n",
        "period: 2023-02\ndata_as_of: 2023-02-15\n",
    );
    assert!(warnings_at(&fx.load(), FEB_2023, "period").is_empty());
}

#[test]
fn oversized_input_is_refused_with_its_size() {
    let fx = Fixture::real();
    let long = "Đ".repeat(200_001);
    fx.replace(FEB_2023, "place: Hung Yên\n", &format!("place: {long}\n"));
    let said = said_of(&fx, FEB_2023);
    assert!(
        said.iter().any(|t| t.contains("200001 characters")),
        "{said:#?}"
    );

    let fx = Fixture::real();
    let rows: String = (0..20_001).map(|i| format!("  - Dòng {i}\n")).collect();
    fx.replace(FEB_2023, "recipients:\n", &format!("recipients:\n{rows}"));
    let said = said_of(&fx, FEB_2023);
    assert!(
        said.iter()
            .any(|t| t.contains("items: more than the 20000")),
        "{said:#?}"
    );

    let fx = Fixture::real();
    fx.write(FEB_2023, &"# ".repeat(4 * 1024 * 1024 + 1));
    let said = said_of(&fx, FEB_2023);
    assert!(
        said.iter().any(|t| t.contains("bytes: more than")),
        "{said:#?}"
    );
}

/// The "billion laughs" of the report: a 100 KB text repeated 3,000 times
/// through aliases. Refused before YAML expands it, in a blink.
#[test]
fn an_alias_bomb_is_refused_before_it_expands() {
    let fx = Fixture::real();
    let text = "x".repeat(100_000);
    let aliases: String = (0..3000)
        .map(|i| format!("  - note: *t\n    n: {i}\n"))
        .collect();
    fx.append(FEB_2023, &format!("\nbomb: &t {text}\nnotes2:\n{aliases}"));
    let started = std::time::Instant::now();
    let said = said_of(&fx, FEB_2023);
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    assert!(
        said.iter().any(|t| t.contains("anchors and aliases")),
        "{said:#?}"
    );
}

#[test]
fn text_that_a_spreadsheet_would_run_is_kept_as_text_in_the_csv() {
    let fx = Fixture::real();
    fx.replace(
        "units.yaml",
        "    name: Sở Tư pháp\n",
        "    name: \"=HYPERLINK(\\\"http://evil.example\\\",\\\"Sở Tư pháp\\\")\"\n",
    );
    let (site, _) =
        render(&options(fx.content(), &fx.scratch("out"), None)).unwrap_or_else(|e| panic!("{e}"));
    // The open data: the units' names are in the lookup of units.
    let csv: String = site
        .files
        .iter()
        .filter(|(name, _)| *name == "du-lieu/don-vi.csv")
        .map(|(_, bytes)| String::from_utf8(bytes.clone()).unwrap())
        .collect();
    let cells: Vec<&str> = csv.lines().filter(|l| l.contains("HYPERLINK")).collect();
    assert!(!cells.is_empty(), "the unit is in the CSV");
    for line in cells {
        assert!(line.contains(",\"'=HYPERLINK("), "{line}");
    }
    // The JSON keeps the name as it is: it is data, not a spreadsheet.
    let json: String = site
        .files
        .iter()
        .filter(|(name, _)| *name == "du-lieu/don-vi.json")
        .map(|(_, bytes)| String::from_utf8(bytes.clone()).unwrap())
        .collect();
    assert!(json.contains("\"=HYPERLINK("), "the name as it is");
    assert!(!json.contains("'=HYPERLINK("));
}

#[test]
fn a_copied_file_a_wrong_month_and_an_old_denominator_are_named() {
    let fx = Fixture::real();
    let copy = "dispatches/2025/2025-03-vpub - Copy.yaml";
    fx.write(
        copy,
        &fx.read(MAR_2025)
            .replace("period: 2025-03", "period: 2025-04"),
    );
    let said = said_of(&fx, copy);
    assert!(
        said.iter()
            .any(|t| t.contains("this looks like a copy of `2025-03-vpub.yaml`")),
        "{said:#?}"
    );

    let fx = Fixture::real();
    fx.replace(MAR_2025, "period: 2025-03\n", "period: 2025-02\n");
    let loaded = fx.load();
    let w = warnings_at(&loaded, MAR_2025, "period");
    assert!(
        w.iter().any(|d| d
            .message
            .en
            .contains("the file name says 2025-03 but the period is 2025-02")),
        "{}",
        report(&loaded)
    );

    // After 1/7/2025 the provinces are 34: a rank out of 63 is questioned.
    let fx = Fixture::real();
    let later = "dispatches/2025/2025-08-vpub.yaml";
    fx.write(
        later,
        &fx.read(MAR_2025)
            .replace("period: 2025-03", "period: 2025-08")
            .replace("date: 2025-04-10", "date: 2025-09-10"),
    );
    let loaded = fx.load();
    let w = warnings_at(&loaded, later, "results.rank");
    assert_eq!(w.len(), 1, "{}", report(&loaded));
    assert!(text_of(w[0]).contains("28/34"), "{}", w[0]);
    assert!(warnings_at(&fx.load(), MAR_2025, "results.rank").is_empty());
}
