//! The rules of files, names, sizes and YAML syntax that the other tables
//! (`rule_table.rs`, `faults.rs`, `more_rules.rs`) did not cover: the hint
//! for each kind of YAML syntax error, files the loader does not read or
//! cannot read, file names that are no page address, two files for one
//! page, texts, lists and files too large, and the words that name a place
//! in a list (`legal basis 2`, `header line 2`…). Each row of the table is
//! an edit of a copy of the real content and the one error it must give
//! (file, exact line, field path, what is wrong and what to write, in
//! Vietnamese and English; all messages kept in a snapshot). What does not
//! fit a row (an error without a column, warnings, files of their own,
//! errors that span files) has a test of its own below the table.

use crate::rule_table::{assert_says, printed, run, untranslated, At, Edit, Rule, Says::*};
use crate::support::api::{Diagnostic, Lang, Loaded, Severity};
use crate::support::*;

const FILE_RULES: &[Rule] = &[
    // ---- YAML syntax: the likely cause and what to write ----
    Rule {
        name: "a text with a colon and a space, not quoted",
        file: FEB_2023,
        edit: Edit::Replace("place: Hung Yên\n", "place: Về việc: Hung Yên\n"),
        at: At::Edit(0),
        field: "",
        says: &[
            MessageStarts("YAML syntax"),
            Message("a text with `: ` in it is not quoted"),
            Hint("put the whole text after `key: ` in double quotes"),
            Column(15),
        ],
    },
    Rule {
        name: "a list item with a field indented under a text",
        file: FEB_2023,
        edit: Edit::Replace("place: Hung Yên\n", "place: Hung Yên\n  - ghi chú: x\n"),
        at: At::Edit(1),
        field: "",
        says: &[
            Message("a `:` YAML cannot attach to a field"),
            Hint("check the indentation (spaces only, fields of one level aligned)"),
        ],
    },
    Rule {
        name: "a group of a list written without its dash",
        file: FEB_2023,
        edit: Edit::Replace(
            "    - indicator: tien-do-giai-quyet\n",
            "    indicator: tien-do-giai-quyet\n",
        ),
        at: At::Edit(0),
        field: "",
        says: &[
            Message("a missing `-`, or an indentation off inside a list"),
            Hint("start each list item with `- `"),
            Column(5),
        ],
    },
    Rule {
        name: "a list item among the fields of a mapping",
        file: FEB_2023,
        edit: Edit::Replace("place: Hung Yên\n", "place: Hung Yên\n- Phố Hiến\n"),
        at: At::Edit(1),
        field: "",
        says: &[
            Message("a list item (`- …`) among fields"),
            Hint("fields of one level must be aligned"),
            Column(1),
        ],
    },
    Rule {
        name: "a backslash in double quotes that starts no escape",
        file: FEB_2023,
        edit: Edit::Replace("place: Hung Yên\n", "place: \"Hung Yên \\q\"\n"),
        at: At::Edit(0),
        field: "",
        says: &[
            Message("a `\\` inside double quotes that starts no known escape"),
            Hint("write `\\\\` for a backslash, or use single quotes"),
        ],
    },
    Rule {
        name: "a value starting with an at sign",
        file: FEB_2023,
        edit: Edit::Replace("place: Hung Yên\n", "place: @Hung Yên\n"),
        at: At::Edit(0),
        field: "",
        says: &[
            Message("a value starting with `@`, which YAML reserves"),
            Hint("put the whole value in double quotes, e.g. `\"@…\"`"),
            Column(8),
        ],
    },
    Rule {
        name: "a value starting with a percent sign",
        file: FEB_2023,
        edit: Edit::Replace("place: Hung Yên\n", "place: %Hung Yên\n"),
        at: At::Edit(0),
        field: "",
        says: &[
            Message("a value starting with `%`"),
            Hint("`\"%…\"`"),
            Column(8),
        ],
    },
    Rule {
        name: "a value starting with a backtick",
        file: FEB_2023,
        edit: Edit::Replace("place: Hung Yên\n", "place: `Hung Yên`\n"),
        at: At::Edit(0),
        field: "",
        says: &[
            Message("which YAML reserves"),
            Hint("double quotes"),
            Column(8),
        ],
    },
    Rule {
        name: "a list item starting with an exclamation mark and a Vietnamese word",
        file: FEB_2023,
        edit: Edit::Replace("  - Như trên;\n", "  - !Như trên;\n"),
        at: At::Edit(0),
        field: "",
        says: &[
            Message("a value starting with `!`, which YAML reads as a tag"),
            Hint("put the whole value in double quotes, e.g. `\"!…\"`"),
        ],
    },
    Rule {
        name: "a value starting with an ampersand and a space",
        file: FEB_2023,
        edit: Edit::Replace("place: Hung Yên\n", "place: & Hung Yên\n"),
        at: At::Edit(0),
        field: "",
        says: &[
            Message("a value starting with `&`, which YAML reads as an anchor"),
            Hint("put the whole value in double quotes, e.g. `\"&…\"`"),
        ],
    },
    Rule {
        name: "a value starting with an asterisk",
        file: FEB_2023,
        edit: Edit::Replace("place: Hung Yên\n", "place: *Hung Yên\n"),
        at: At::Edit(0),
        field: "",
        says: &[
            Message("a value starting with `*`, which YAML reads as an alias"),
            Hint("put the whole value in double quotes, e.g. `\"*…\"`"),
            Column(8),
        ],
    },
    Rule {
        name: "a list begun on its key's line",
        file: FEB_2023,
        edit: Edit::Replace("recipients:\n  - Các", "recipients: - Các"),
        at: At::Edit(0),
        field: "",
        says: &[
            Message("a list item (`- `) after a value"),
            Hint("write the list on the lines below its key"),
            Column(13),
        ],
    },
    Rule {
        name: "text after the mark of a block text",
        file: FEB_2023,
        edit: Edit::Replace("place: Hung Yên\n", "place: | Hung Yên\n"),
        at: At::Edit(0),
        field: "",
        says: &[
            Message("YAML cannot read on from here"),
            Hint("that every `key:` is followed by a space"),
            Column(10),
        ],
    },
    Rule {
        name: "a field indented with a tab",
        file: FEB_2023,
        edit: Edit::Replace("  name: Trần Văn Thắng\n", "\tname: Trần Văn Thắng\n"),
        at: At::Edit(0),
        field: "",
        says: &[
            Message("a tab in the indentation"),
            Hint("replace the tab at the start of the line by spaces"),
            Column(1),
        ],
    },
    Rule {
        name: "a text starting with an exclamation mark",
        file: FEB_2023,
        edit: Edit::Replace("place: Hung Yên\n", "place: !Hung Yên\n"),
        at: At::Edit(0),
        field: "place",
        // Not silently published as `Yên`.
        says: &[
            Message("a value starting with `!Hung`, which YAML reads as a tag"),
            Hint("put the whole value in double quotes, e.g. `\"!Hung …\"`"),
            Column(1),
        ],
    },
    Rule {
        name: "an exclamation mark and a space before a text",
        file: FEB_2023,
        edit: Edit::Replace("place: Hung Yên\n", "place: ! Hung Yên\n"),
        at: At::Edit(0),
        field: "place",
        says: &[Message("a value starting with `!`,"), Hint("`\"! …\"`")],
    },
    // ---- a decimal comma in braces ----
    Rule {
        name: "a number written as a key under a group",
        file: FEB_2023,
        edit: Edit::Replace("      score: 7,7\n", "      score: 7,7\n      7: 7\n"),
        // At the line of the key, not at the group's first line.
        at: At::Edit(1),
        field: "results.groups[0]",
        says: &[
            Message("`7:` is a number, not a field name"),
            Hint("write the field's name before the colon"),
            Column(7),
        ],
    },
    Rule {
        name: "a decimal comma with a space inside braces",
        file: FEB_2023,
        edit: Edit::Replace(
            "    - indicator: cong-khai-minh-bach\n      score: 7,7\n      max: 18\n",
            "    - { indicator: cong-khai-minh-bach, score: 7, 7, max: 18 }\n",
        ),
        at: At::Edit(0),
        // The entry in braces, not serde's `?` for the key it could not read.
        field: "results.groups[0]",
        says: &[
            Message("a decimal comma inside `{ … }` splits the entry in two"),
            Hint("inside braces, quote the number (\"7,7\")"),
        ],
    },
];

#[test]
fn each_file_and_syntax_rule_names_what_to_write() {
    insta::assert_snapshot!("file_rules", run(FILE_RULES));
}

// ---- what does not fit a row -------------------------------------------

/// The one diagnostic of `rel` (relative to the content folder), checked:
/// of `severity`, about `field`, at `line` (none for what is about the file
/// as a whole), with a hint, translated, saying each of `says` (English,
/// message or hint). Other files may have diagnostics of their own.
fn the_one<'a>(
    loaded: &'a Loaded,
    rel: &str,
    severity: Severity,
    field: &str,
    line: Option<usize>,
    says: &[&str],
) -> &'a Diagnostic {
    let found: Vec<&Diagnostic> = loaded
        .diagnostics
        .items
        .iter()
        .filter(|d| d.file.ends_with(rel))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected one diagnostic of {rel}:\n{}",
        report(loaded)
    );
    let d = found[0];
    assert_eq!(d.severity, severity, "{d}");
    assert_eq!(d.field, field, "{d}");
    assert_eq!(d.line, line, "wrong line: {d}");
    assert!(
        d.hint
            .as_ref()
            .is_some_and(|h| !h.vi.trim().is_empty() && !h.en.trim().is_empty()),
        "no hint: {d}"
    );
    assert_says(d, says);
    if severity == Severity::Error {
        assert!(loaded.model.is_none(), "a model despite: {d}");
    }
    d
}

/// A syntax error reported away from where libyaml stopped (a quote or a
/// bracket left open, a line without its colon) names the line to fix,
/// without a column: the column libyaml gives is on another line.
#[test]
fn each_syntax_error_names_the_line_to_fix() {
    let cases: [(&str, &str, &str, usize, &[&str]); 7] = [
        (
            "a second document in the file",
            "place: Hung Yên\n",
            "place: Hung Yên\n---\n",
            1,
            &[
                "a `---` line starts a second YAML document",
                "remove the `---` line",
            ],
        ),
        (
            "a double quote not closed on its line",
            "place: Hung Yên\n",
            "place: \"Hung Yên\n",
            0,
            &[
                "a quote opened and not closed on its line",
                "close the quote at the end of the text on that line",
            ],
        ),
        (
            "a single quote never closed",
            "place: Hung Yên\n",
            "place: 'Hung Yên\n",
            0,
            &[
                "a quote opened and never closed",
                "with the same mark that opened it",
            ],
        ),
        (
            "a line without its colon",
            "place: Hung Yên\n",
            "place: Hung Yên\nngày tháng\n",
            1,
            &[
                "a line without `:`",
                "write `key: value` (a colon, then a space)",
            ],
        ),
        (
            "a list item broken over two lines",
            "  - Các sở, ban, ngành tỉnh;\n",
            "  - Các sở, ban,\n  ngành tỉnh;\n",
            1,
            &["a line without `:`"],
        ),
        (
            "a bracket not closed",
            "  header: [UBND TỈNH HƯNG YÊN, VĂN PHÒNG]\n",
            "  header: [UBND TỈNH HƯNG YÊN, VĂN PHÒNG\n",
            0,
            &[
                "a `[` not closed with `]`",
                "close it with `]` on the same line, or drop the brackets",
            ],
        ),
        (
            "a brace not closed",
            "  header: [UBND TỈNH HƯNG YÊN, VĂN PHÒNG]\n",
            "  header: {a: UBND TỈNH HƯNG YÊN\n",
            0,
            &["a `{` not closed with `}`", "close it with `}`"],
        ),
    ];
    let mut out = Vec::new();
    for (name, from, to, plus, says) in cases {
        let fx = Fixture::real();
        let line = fx.replace(FEB_2023, from, to) + plus;
        let loaded = fx.load();
        let d = the_one(&loaded, FEB_2023, Severity::Error, "", Some(line), says);
        assert!(d.message.en.starts_with("YAML syntax"), "{name}: {d}");
        // The line is quoted, for an editor who counts no lines.
        let quoted = format!("«{}»", fx.read(FEB_2023).lines().nth(line - 1).unwrap());
        assert!(d.message.en.contains(&quoted), "{name}: {d}");
        out.push(format!("{name}\n{}", printed(&fx, d)));
    }
    insta::assert_snapshot!("file_rules_syntax_lines", out.join("\n\n"));
}

/// A file saved with Windows line ends (`\r\n`) or an old Mac's (a lone
/// `\r`) reads as the same document, and its errors name the lines its
/// editor shows: the lines of the same file with `\n`.
#[test]
fn every_kind_of_line_break_counts_as_the_editor_counts_it() {
    let errors: [(&str, &str, &str); 3] = [
        (
            "place: Hung Yên\n",
            "place: Hung Yên\nngày tháng\n",
            "a line without `:`",
        ),
        (
            "  header: [UBND TỈNH HƯNG YÊN, VĂN PHÒNG]\n",
            "  header: {a: UBND TỈNH HƯNG YÊN\n",
            "a `{` not closed with `}`",
        ),
        (
            "place: Hung Yên\n",
            "place: Hung\u{1b}Yên\n",
            "a control character (U+001B)",
        ),
    ];
    for ending in ["\r\n", "\r"] {
        let fx = Fixture::real();
        let unix = fx.read(FEB_2023);
        fx.write(FEB_2023, &unix.replace('\n', ending));
        assert!(
            fx.load().diagnostics.items.is_empty(),
            "{ending:?}:\n{}",
            report(&fx.load())
        );
        for (from, to, says) in errors {
            let fx = Fixture::real();
            fx.replace(FEB_2023, from, to);
            let unix = fx.load();
            let at_unix = unix.diagnostics.items[0].clone();
            fx.write(FEB_2023, &fx.read(FEB_2023).replace('\n', ending));
            let loaded = fx.load();
            let d = the_one(
                &loaded,
                FEB_2023,
                Severity::Error,
                "",
                at_unix.line,
                &[says],
            );
            assert_eq!(d.column, at_unix.column, "{ending:?}: {d}");
            assert_eq!(d.message, at_unix.message, "{ending:?}: {d}");
        }
    }
}

/// Files below the content folder that no rule reads are named, each with
/// what to do with it; they are warnings, and the site is built all the same.
#[test]
fn each_file_that_is_not_read_says_what_to_do_with_it() {
    let fx = Fixture::real();
    let feb = fx.read(FEB_2023);
    let cases: [(&str, &[&str]); 6] = [
        (
            "dispatches/2023/.2023-02-nhap.yaml",
            &[
                "not read: a hidden file (its name starts with a dot)",
                "rename it without the dot if it is content, or delete it",
            ],
        ),
        (
            "ban-nhap.yaml",
            &[
                "not read: no rule reads this file",
                "dispatch files go in content/dispatches/<year>/; move it there, or out of content/",
            ],
        ),
        (
            "dispatches-2023/2023-12-vpub.yaml",
            &["dispatch files go in content/dispatches/<year>/"],
        ),
        (
            "ghi-chu.docx",
            &["only site.yaml, units.yaml, indicators.yaml and content/dispatches/ are read; move it out of content/"],
        ),
        (
            "dispatches/2023/ghi-chu.txt",
            &[
                "not read: not a `.yaml` dispatch file",
                "save dispatches as `<slug>.yaml` files",
            ],
        ),
        (
            "dispatches/2023/lien-ket.yaml",
            &[
                "not read: a link is not followed",
                "put the file itself here instead of a link to it",
            ],
        ),
    ];
    for (rel, _) in &cases[..5] {
        fx.write(rel, &feb);
    }
    std::os::unix::fs::symlink(fx.path(FEB_2023), fx.path(cases[5].0)).unwrap();
    let loaded = fx.load();
    let mut out = Vec::new();
    for (rel, says) in cases {
        let d = the_one(&loaded, rel, Severity::Warning, "", None, says);
        out.push(printed(&fx, d));
    }
    assert!(!loaded.diagnostics.has_errors(), "{}", report(&loaded));
    assert!(loaded.model.is_some());
    insta::assert_snapshot!("file_rules_not_read", out.join("\n\n"));
}

/// A file that cannot be read as content: not UTF-8 (named at the line of
/// the first byte that is not), empty, or a catalog file missing.
#[test]
fn a_file_that_cannot_be_read_says_what_to_write() {
    let mut out = Vec::new();

    let fx = Fixture::real();
    let line = fx.line_of(FEB_2023, "place: Hung Yên\n");
    let text = fx.read(FEB_2023);
    let at = text.find("place: Hung Yên\n").unwrap() + "place: Hung Y".len();
    let mut bytes = text.into_bytes();
    // Saved as Latin-1: ê is the one byte 0xEA, not the two of UTF-8.
    bytes.splice(at..at + 'ê'.len_utf8(), [0xea]);
    std::fs::write(fx.path(FEB_2023), bytes).unwrap();
    let loaded = fx.load();
    let d = the_one(
        &loaded,
        FEB_2023,
        Severity::Error,
        "",
        Some(line),
        &[
            "the file is not valid UTF-8 text",
            "save the file as UTF-8 (in Notepad: Save As → Encoding: UTF-8)",
        ],
    );
    out.push(printed(&fx, d));

    let fx = Fixture::real();
    let empty = "dispatches/2023/2023-12-vpub.yaml";
    fx.write(empty, "\n  \n");
    let loaded = fx.load();
    let d = the_one(
        &loaded,
        empty,
        Severity::Error,
        "",
        None,
        &[
            "the file is empty",
            "copy an existing file of the same kind and edit it (see docs/content-format.md)",
        ],
    );
    out.push(printed(&fx, d));

    // The catalog: each of the three files is needed.
    for name in ["site.yaml", "units.yaml", "indicators.yaml"] {
        let fx = Fixture::real();
        fx.remove(name);
        let loaded = fx.load();
        let d = the_one(
            &loaded,
            name,
            Severity::Error,
            "",
            None,
            &[
                "cannot read the file: ",
                "every content folder needs site.yaml, units.yaml and indicators.yaml",
            ],
        );
        assert!(d.message.vi.contains("không tìm thấy"), "{d}");
        if name == "units.yaml" {
            out.push(printed(&fx, d));
        }
    }
    insta::assert_snapshot!("file_rules_unreadable", out.join("\n\n"));
}

/// A file, a text or a list larger than content may hold: each named with
/// its size, the limit, and what to check.
#[test]
fn what_is_too_large_says_its_size_and_what_to_check() {
    let mut out = Vec::new();

    let fx = Fixture::real();
    let line = fx.replace(
        FEB_2023,
        "place: Hung Yên\n",
        &format!("place: {}\n", "Đ".repeat(200_001)),
    );
    let loaded = fx.load();
    let d = the_one(
        &loaded,
        FEB_2023,
        Severity::Error,
        "place",
        Some(line),
        &[
            "200001 characters: more than the 200000 a text may hold",
            "check that the text was pasted once; a longer document belongs in several parts",
        ],
    );
    assert!(d.message.vi.contains("200.001 ký tự"), "{d}");
    assert_eq!(d.column, Some(1), "{d}");
    out.push(printed(&fx, d));

    let fx = Fixture::real();
    // Two recipients are there already: 20001 in all.
    let rows: String = (0..19_999).map(|i| format!("  - Nơi {i}\n")).collect();
    let line = fx.replace(FEB_2023, "recipients:\n", &format!("recipients:\n{rows}"));
    let loaded = fx.load();
    let d = the_one(
        &loaded,
        FEB_2023,
        Severity::Error,
        "recipients",
        Some(line),
        &[
            "20001 items: more than the 20000 a list may hold",
            "split the table or list into several documents",
        ],
    );
    out.push(printed(&fx, d));

    let fx = Fixture::real();
    fx.write(FEB_2023, &"# ".repeat(4 * 1024 * 1024 + 1));
    let loaded = fx.load();
    let d = the_one(
        &loaded,
        FEB_2023,
        Severity::Error,
        "",
        None,
        &[
            "the file has 8388610 bytes: more than the 8388608 a content file may have",
            "check that it is the right file; a longer document belongs in several files",
        ],
    );
    assert!(d.message.vi.contains("8.388.610 byte"), "{d}");
    out.push(printed(&fx, d));
    insta::assert_snapshot!("file_rules_too_large", out.join("\n\n"));
}

/// A dispatch's file name is its page's address: a name that is none, a
/// copy's name, and one name in two year folders are refused.
#[test]
fn a_file_name_that_is_no_page_address_says_what_to_name_it() {
    let mut out = Vec::new();
    // Another period, so that the copies are no second dispatch of 2023-02.
    let other_period = |fx: &Fixture| {
        fx.read(FEB_2023)
            .replace("period: 2023-02", "period: 2023-01")
            .replace("data_as_of: 2023-02-28", "data_as_of: 2023-01-31")
    };
    let cases: [(&str, &[&str]); 3] = [
        (
            "dispatches/2023/___.yaml",
            &[
                "the file name `___` is not a valid page address",
                "use lower-case ASCII letters, digits and hyphens, e.g. so-tu-phap",
            ],
        ),
        (
            "dispatches/2023/2023-02-vpub (1).yaml",
            &[
                "the file name `2023-02-vpub (1)` is not a valid page address",
                "this looks like a copy of `2023-02-vpub.yaml`: rename it after the period it covers, e.g. `2025-04-vpub.yaml`",
            ],
        ),
        (
            "dispatches/2024/2023-02-vpub.yaml",
            &[
                "the file name `2023-02-vpub` is used twice: dispatches/2023/2023-02-vpub.yaml and dispatches/2024/2023-02-vpub.yaml would publish one page",
                "a file name is the page's address: give this dispatch its own name, e.g. with its number",
            ],
        ),
    ];
    for (rel, says) in cases {
        let fx = Fixture::real();
        fx.write(rel, &other_period(&fx));
        let loaded = fx.load();
        let errors: Vec<_> = errors_at(&loaded, rel, "");
        assert_eq!(errors.len(), 1, "{}", report(&loaded));
        // The file as a whole: no line.
        let d = errors[0];
        assert_eq!(d.line, None, "{d}");
        assert_says(d, says);
        assert!(loaded.model.is_none());
        assert_eq!(loaded.diagnostics.error_count(), 1, "{}", report(&loaded));
        out.push(printed(&fx, d));
    }
    insta::assert_snapshot!("file_rules_names", out.join("\n\n"));
}

/// Two files for one period of one issuer, and two documents that write
/// one period's page differently: the second is refused at its `period`.
#[test]
fn two_files_for_one_period_or_page_are_refused_at_the_period() {
    let mut out = Vec::new();

    let fx = Fixture::real();
    // Sorted after the original: the copy is the second one.
    let copy = "dispatches/2023/2023-02-vpub2.yaml";
    fx.write(copy, &fx.read(FEB_2023));
    let loaded = fx.load();
    let d = the_one(
        &loaded,
        copy,
        Severity::Error,
        "period",
        Some(fx.line_of(copy, "period: 2023-02")),
        &[
            "a second dispatch of Văn phòng UBND tỉnh for 2023-02: dispatches/2023/2023-02-vpub.yaml covers the same issuer, kind and period",
            "keep one file per issuer, kind and period; correct the period if this one covers another",
        ],
    );
    assert!(d.column.is_some(), "{d}");
    out.push(printed(&fx, d));

    let fx = Fixture::real();
    let first = "dispatches/2024/2024-tuan-03-bao-cao.yaml";
    let second = "dispatches/2024/2024-tuan-03-vpub.yaml";
    let report_text = source_fixture("bao-cao-tuan-03.yaml");
    fx.write(first, &report_text);
    fx.write(
        second,
        &report_text
            .replace("number: 12", "number: 13")
            .replace(
                "Trung tâm Phục vụ hành chính công tỉnh",
                "Văn phòng UBND tỉnh",
            )
            .replace("2024-tuan-03 (2024-01-15/2024-01-21)", "2024-tuan-03"),
    );
    let loaded = fx.load();
    let d = the_one(
        &loaded,
        second,
        Severity::Error,
        "period",
        Some(fx.line_of(second, "period: 2024-tuan-03")),
        &[
            "differs from",
            "in dispatches/2024/2024-tuan-03-bao-cao.yaml but they share one page",
            "write the period alike in every document, e.g. with the days of the week: ",
        ],
    );
    assert!(d.column.is_some(), "{d}");
    out.push(printed(&fx, d));
    insta::assert_snapshot!("file_rules_one_page", out.join("\n\n"));
}

/// An error in an item of a list names the item in words an editor finds
/// in the document: the n-th legal basis, note, title, header line, alias,
/// part, or the unit or scheme that has no id.
#[test]
fn an_error_in_a_list_names_the_item_in_words() {
    let units = Fixture::real().read("units.yaml");
    let new_unit = units.matches("\n  - id: ").count();
    let new_unit_field = format!("units[{new_unit}]");
    let new_unit_place = format!("unit {}", new_unit + 1);
    let cases: [(&str, &str, &str, usize, &str, &str); 8] = [
        (
            FEB_2023,
            "  - Văn bản số 2283/UBND-PVHCC&KSTT ngày 30/8/2022 của UBND tỉnh\n",
            "  - [Văn bản số 2283/UBND-PVHCC&KSTT ngày 30/8/2022 của UBND tỉnh]\n",
            0,
            "legal_basis[1]",
            "legal basis 2",
        ),
        (
            FEB_2023,
            "  - indicator: muc-do-hai-long\n    text:",
            "  - indicator: [muc-do-hai-long]\n    text:",
            0,
            "notes[0].indicator",
            "note 1",
        ),
        (
            FEB_2023,
            "  titles: [KT. CHÁNH VĂN PHÒNG, PHÓ CHÁNH VĂN PHÒNG]\n",
            "  titles: [KT. CHÁNH VĂN PHÒNG, {PHÓ: CHÁNH VĂN PHÒNG}]\n",
            0,
            "signature.titles[1]",
            "title 2",
        ),
        (
            FEB_2023,
            "  header: [UBND TỈNH HƯNG YÊN, VĂN PHÒNG]\n",
            "  header: [UBND TỈNH HƯNG YÊN, {VĂN: PHÒNG}]\n",
            0,
            "issuer.header[1]",
            "header line 2",
        ),
        (
            "units.yaml",
            "      - Hung Yên\n",
            "      - [Hung Yên]\n",
            0,
            "units[0].aliases[3]",
            "unit `hung-yen` (item 1), alias 4",
        ),
        (
            "units.yaml",
            "",
            "\n  - name: UBND xã Mới\n    kind: commune\n    parent: my-hao\n",
            1,
            &new_unit_field,
            &new_unit_place,
        ),
        (
            "indicators.yaml",
            "  - id: qd766-2026-sau-nhom\n    name:",
            "  - name:",
            0,
            "schemes[3]",
            "scheme 4",
        ),
        (
            "indicators.yaml",
            "          - { indicator: thanh-toan-truc-tuyen, max: 10 }\n",
            "          - { indicator: thanh-toan-truc-tuyem, max: 10 }\n",
            0,
            "schemes[2].groups[2].parts[1].indicator",
            "part 2",
        ),
    ];
    let mut out = Vec::new();
    for (rel, from, to, plus, field, place) in cases {
        let fx = Fixture::real();
        let line = if from.is_empty() {
            fx.append(rel, to)
        } else {
            fx.replace(rel, from, to)
        } + plus;
        let loaded = fx.load();
        let d = the_error(&loaded, rel, field, line);
        assert!(untranslated(d).is_empty(), "{:?}", untranslated(d));
        let at = d.place.as_ref().expect("a place in words");
        assert!(at.en.ends_with(place), "{field}: {}", at.en);
        // English prints the place beside the path, Vietnamese instead of it.
        assert!(
            d.render(Lang::En)
                .contains(&format!("`{field}` ({})", at.en)),
            "{}",
            d.render(Lang::En)
        );
        assert!(d.to_string().contains(&format!(" ở {}", at.vi)), "{d}");
        let mut shown = printed(&fx, d);
        if field == new_unit_field {
            // No unit count: the snapshot does not change when units.yaml grows.
            shown = shown
                .replace(&format!("[{new_unit}]"), "[{new}]")
                .replace(&format!(" {}", new_unit + 1), " {new+1}");
        }
        out.push(shown);
    }
    insta::assert_snapshot!("file_rules_places", out.join("\n\n"));
}

/// A dispatch file ending in `.yml` is not left out without a word: it is
/// an error, with the name to give it.
#[test]
fn a_dispatch_file_ending_in_yml_is_refused_with_its_new_name() {
    let fx = Fixture::real();
    let yml = "dispatches/2023/2023-12-vpub.yml";
    fx.write(
        yml,
        &fx.read(FEB_2023)
            .replace("period: 2023-02", "period: 2023-12"),
    );
    let loaded = fx.load();
    let d = the_one(
        &loaded,
        yml,
        Severity::Error,
        "",
        None,
        &[
            "dispatch files end in `.yaml`",
            "rename it to `2023-12-vpub.yaml`",
        ],
    );
    insta::assert_snapshot!("file_rules_yml", printed(&fx, d));
}
