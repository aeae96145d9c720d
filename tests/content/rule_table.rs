//! The loader's rules as a table: each row is one edit of a copy of the
//! real content and the one error it must give, named by file, exact line,
//! field path and column, with a hint, and saying what the row lists. Every
//! row is checked in one run that reports each failing row by name; the
//! messages of all rows are then kept as an insta snapshot
//! (`tests/content/snapshots/`), so any change of wording shows up in
//! review. Rules whose test does not fit a row are in `rules.rs`.

use crate::support::api::{load, Diagnostic, Lang};
use crate::support::*;
pub(crate) use Says::*;

/// One edit of a content file.
pub(crate) enum Edit {
    /// Replace the one occurrence of the first text by the second.
    Replace(&'static str, &'static str),
    /// Append text (ending with a newline) to the file.
    Append(&'static str),
}

/// The line the error must name.
pub(crate) enum At {
    /// The first line of the edit, plus this many lines.
    Edit(usize),
    /// The line of this text (once in the file) after the edit.
    LineOf(&'static str),
}

/// What the error must say, besides naming its file, line, field and
/// column and carrying a hint.
pub(crate) enum Says {
    /// The message contains this.
    Message(&'static str),
    /// The message starts with this.
    MessageStarts(&'static str),
    /// The hint contains this.
    Hint(&'static str),
    /// The message or the hint contains this.
    Text(&'static str),
    /// The error is at this column.
    Column(usize),
}

pub(crate) struct Rule {
    pub(crate) name: &'static str,
    pub(crate) file: &'static str,
    pub(crate) edit: Edit,
    pub(crate) at: At,
    /// The field path; `{new}` stands for the index of a unit appended to
    /// units.yaml.
    pub(crate) field: &'static str,
    pub(crate) says: &'static [Says],
}

const ROW_15_STATUS: &str =
    "        unit: so-tu-phap\n        values:\n          - 44,6\n        status: Chưa hoàn thành\n";

const RULES: &[Rule] = &[
    // ---- YAML and serde-level errors ----
    Rule {
        name: "yaml syntax error names file and line",
        file: FEB_2023,
        // A key indented under a plain scalar: "mapping values are not allowed".
        edit: Edit::Replace("place: Hung Yên\n", "place: Hung Yên\n  oops: indented\n"),
        at: At::Edit(1),
        field: "",
        says: &[MessageStarts("YAML syntax"), Hint("indentation")],
    },
    Rule {
        name: "unknown field appended (bogus)",
        file: FEB_2023,
        edit: Edit::Append("bogus: 1\n"),
        at: At::Edit(0),
        field: "bogus",
        // The hint lists what is allowed.
        says: &[Message("unknown field `bogus`"), Column(1), Hint("subject")],
    },
    Rule {
        name: "unknown field nested in a row",
        file: OCT_2023,
        edit: Edit::Replace(
            ROW_15_STATUS,
            "        unit: so-tu-phap\n        values:\n          - 44,6\n        statu: Chưa hoàn thành\n",
        ),
        at: At::Edit(3),
        field: "appendices[0].rows[15].statu",
        says: &[Message("did you mean `status`?"), Column(9)],
    },
    Rule {
        name: "wrong type",
        file: OCT_2023,
        // Phụ lục I's `has_status`.
        edit: Edit::Replace(
            "xử lý trực tuyến\n        has_status: true",
            "xử lý trực tuyến\n        has_status: có",
        ),
        at: At::Edit(1),
        field: "appendices[0].columns[0].has_status",
        says: &[Message("wrong type"), Text("true or false")],
    },
    Rule {
        name: "wrong type: a list instead of text",
        file: FEB_2023,
        edit: Edit::Replace("  name: Trần Văn Thắng", "  name: [Trần Văn Thắng]"),
        at: At::Edit(0),
        field: "signature.name",
        says: &[Message("wrong type")],
    },
    Rule {
        name: "missing field, nested",
        file: FEB_2023,
        edit: Edit::Replace("  name: Trần Văn Thắng\n", ""),
        at: At::LineOf("signature:\n"),
        field: "signature",
        says: &[Message("missing field `name`"), Hint("name:")],
    },
    Rule {
        name: "missing field at the top level",
        file: FEB_2023,
        edit: Edit::Replace("symbol: VPUB-PVHCC&KSTT\n", ""),
        // The top-level mapping starts at the first key, after the comments.
        at: At::LineOf("kind: monthly-results"),
        field: "",
        says: &[Message("missing field `symbol`")],
    },
    Rule {
        name: "key given twice",
        file: FEB_2023,
        edit: Edit::Replace("period: 2023-02\n", "period: 2023-02\nperiod: 2023-03\n"),
        at: At::Edit(1),
        field: "period",
        says: &[Message("given twice")],
    },
    Rule {
        name: "key given twice in a group",
        file: MAR_2025,
        edit: Edit::Replace("      score: 9,3\n", "      score: 9,3\n      score: 9,4\n"),
        at: At::Edit(1),
        field: "results.groups[0].score",
        says: &[Message("given twice")],
    },
    Rule {
        name: "rank written as a number",
        file: FEB_2023,
        edit: Edit::Replace("rank: 20/63", "rank: 20"),
        at: At::Edit(0),
        field: "results.rank",
        says: &[Message("not a rank"), Hint("20/63")],
    },
    Rule {
        name: "date written as a year",
        file: OCT_2023,
        edit: Edit::Replace("date: 2023-11", "date: 2023"),
        at: At::Edit(0),
        field: "date",
        says: &[Message("not a date"), Hint("2023-11")],
    },
    // ---- references: units and indicators ----
    Rule {
        name: "unknown unit id: a typo suggests the id",
        file: OCT_2023,
        edit: Edit::Replace(
            "unit: so-tu-phap\n        values:\n          - 44,6",
            "unit: so-tu-phapp\n        values:\n          - 44,6",
        ),
        at: At::Edit(0),
        field: "appendices[0].rows[15].unit",
        says: &[Message("unknown unit `so-tu-phapp`"), Hint("`so-tu-phap`")],
    },
    Rule {
        name: "unknown unit: the name instead of the id",
        file: OCT_2023,
        edit: Edit::Replace(
            "unit: van-giang\n        values:\n          - 21,86",
            "unit: Sở Tư pháp\n        values:\n          - 21,86",
        ),
        at: At::Edit(0),
        field: "appendices[1].rows[26].unit",
        says: &[Hint("write the unit's id, `so-tu-phap`")],
    },
    Rule {
        name: "unknown unit: an alias instead of the id",
        file: NOV_2023_MY_HAO,
        edit: Edit::Replace("- unit: hung-long", "- unit: Xã Hưng Long"),
        at: At::Edit(0),
        field: "mentions[0].unit",
        says: &[Hint("`hung-long`")],
    },
    Rule {
        name: "unknown indicator suggests the id",
        file: FEB_2023,
        edit: Edit::Replace(
            "- indicator: cong-khai-minh-bach",
            "- indicator: cong-khai-minh-bac",
        ),
        at: At::Edit(0),
        field: "results.groups[0].indicator",
        says: &[
            Message("unknown indicator `cong-khai-minh-bac`"),
            Hint("`cong-khai-minh-bach`"),
        ],
    },
    Rule {
        name: "unknown indicator in an appendix column",
        file: OCT_2023,
        edit: Edit::Replace(
            "- indicator: ty-le-nop-truc-tuyen",
            "- indicator: ty-le-nop-truc-tuyem",
        ),
        at: At::Edit(0),
        field: "appendices[0].columns[0].indicator",
        says: &[Hint("`ty-le-nop-truc-tuyen`")],
    },
    // ---- ranges ----
    Rule {
        name: "score above its maximum",
        file: FEB_2023,
        edit: Edit::Replace("total: 55,02", "total: 155,02"),
        at: At::Edit(0),
        field: "results.total",
        says: &[Message("155,02"), Message("maximum of 100")],
    },
    Rule {
        name: "group score above its maximum",
        file: MAR_2025,
        edit: Edit::Replace("score: 19,3\n      max: 20", "score: 21,3\n      max: 20"),
        at: At::Edit(0),
        field: "results.groups[1].score",
        says: &[Message("21,3"), Message("maximum of 20")],
    },
    Rule {
        name: "score below zero",
        file: FEB_2023,
        edit: Edit::Replace("score: 7,7", "score: -7,7"),
        at: At::Edit(0),
        field: "results.groups[0].score",
        says: &[Message("below 0")],
    },
    Rule {
        name: "percent outside 0 to 100",
        file: OCT_2023,
        edit: Edit::Replace("          - 44,6\n", "          - 446\n"),
        at: At::Edit(0),
        field: "appendices[0].rows[15].values[0]",
        says: &[Message("446"), Message("0 to 100")],
    },
    Rule {
        name: "rate above 100",
        file: MAR_2025,
        edit: Edit::Replace("rate: 96,57", "rate: 196,57"),
        at: At::Edit(0),
        field: "results.groups[1].rate",
        says: &[Message("196,57")],
    },
    Rule {
        name: "negative percent",
        file: MAR_2025,
        edit: Edit::Replace("percent: 82,92", "percent: -82,92"),
        at: At::Edit(0),
        field: "results.groups[5].details[0].percent",
        says: &[],
    },
    Rule {
        name: "count with a thousands dot",
        file: OCT_2023,
        edit: Edit::Replace("          - 1038\n", "          - 1.038\n"),
        at: At::Edit(0),
        field: "appendices[2].rows[0].values[1]",
        // The message quotes what was written.
        says: &[Text("thousands"), Text("1038"), Message("1.038")],
    },
    Rule {
        name: "count field with a thousands dot",
        file: MAR_2025,
        // A `count:` field (not a table cell) refuses 1.168 while parsing.
        edit: Edit::Replace("count: 168", "count: 1.168"),
        at: At::Edit(0),
        field: "results.groups[5].details[2].count",
        says: &[Text("thousands"), Text("1168")],
    },
    // ---- dispatches, dates, units over time, slugs ----
    Rule {
        name: "unit used after it ended",
        file: MAR_2025,
        edit: Edit::Append(
            "mentions:\n  - unit: so-ke-hoach-va-dau-tu\n    note: Hợp nhất vào Sở Tài chính.\n",
        ),
        at: At::Edit(1),
        field: "mentions[0].unit",
        // Points at the successor.
        says: &[Message("did not exist in 2025-03"), Hint("so-tai-chinh")],
    },
    Rule {
        name: "unit used before it began",
        file: OCT_2023,
        edit: Edit::Replace(
            "unit: so-tai-nguyen-va-moi-truong\n        values:\n          - 85,0",
            "unit: so-nong-nghiep-va-moi-truong\n        values:\n          - 85,0",
        ),
        at: At::Edit(0),
        field: "appendices[0].rows[13].unit",
        says: &[Message("did not exist in 2023-10"), Hint("2025-03-01")],
    },
    Rule {
        name: "date that does not exist",
        file: FEB_2023,
        edit: Edit::Replace("date: 2023-03-08", "date: 2023-02-30"),
        at: At::Edit(0),
        field: "date",
        says: &[Message("2023-02-30 does not exist"), Text("28")],
    },
    Rule {
        name: "data date that does not exist",
        file: FEB_2023,
        edit: Edit::Replace("data_as_of: 2023-02-28", "data_as_of: 2023-02-29"),
        at: At::Edit(0),
        field: "data_as_of",
        says: &[],
    },
    Rule {
        name: "month that does not exist in a period",
        file: FEB_2023,
        edit: Edit::Replace("period: 2023-02", "period: 2023-13"),
        at: At::Edit(0),
        field: "period",
        says: &[Message("13")],
    },
    Rule {
        name: "directive that carries results",
        file: DIRECTIVE_2022,
        edit: Edit::Append("results:\n  unit: hung-yen\n  total: 50\n"),
        at: At::Edit(0),
        field: "results",
        says: &[Message("directive")],
    },
    Rule {
        name: "results without a period",
        file: FEB_2023,
        edit: Edit::Replace("period: 2023-02\n", ""),
        at: At::LineOf("kind: monthly-results"),
        field: "kind",
        says: &[Hint("period:")],
    },
    Rule {
        name: "unit id that is not a slug",
        file: "units.yaml",
        edit: Edit::Append(
            "\n  - id: Xã_Mới\n    name: UBND xã Mới\n    kind: commune\n    parent: my-hao\n",
        ),
        at: At::Edit(1),
        field: "units[{new}].id",
        says: &[Message("Xã_Mới"), Hint("`xa-moi`")],
    },
    Rule {
        name: "unit used twice in units.yaml",
        file: "units.yaml",
        edit: Edit::Append(
            "\n  - id: so-tu-phap\n    name: Sở Tư pháp (bản sao)\n    kind: department\n",
        ),
        at: At::Edit(1),
        field: "units[{new}].id",
        says: &[Message("used twice")],
    },
    Rule {
        name: "site base path that is not a sub-path",
        file: "site.yaml",
        edit: Edit::Replace("\nbase_path: /\n", "\nbase_path: cong-khai\n"),
        at: At::Edit(1),
        field: "base_path",
        says: &[Hint("/cong-khai/")],
    },
];

/// Apply the rule's edit to a fresh copy of the real content and check the
/// error it gives; returns the error as printed (paths relative to the
/// content folder, the line written `<line>`), or every way it falls short.
fn check(rule: &Rule, new_unit: usize) -> Result<String, Vec<String>> {
    let fx = Fixture::real();
    let line = match rule.edit {
        Edit::Replace(from, to) => fx.replace(rule.file, from, to),
        Edit::Append(tail) => fx.append(rule.file, tail),
    };
    let line = match rule.at {
        At::Edit(plus) => line + plus,
        At::LineOf(needle) => fx.line_of(rule.file, needle),
    };
    let field = rule.field.replace("{new}", &new_unit.to_string());
    let loaded = fx.load();
    let d = check_error(&loaded, rule.file, &field, line).map_err(|why| vec![why])?;
    let hint = d.hint.as_ref().map(|h| h.en.as_str()).unwrap_or("");
    let mut wrong = Vec::new();
    for says in rule.says {
        let (holds, what) = match *says {
            Message(m) => (d.message.en.contains(m), format!("a message with {m:?}")),
            MessageStarts(m) => (d.message.en.starts_with(m), format!("a message from {m:?}")),
            Hint(h) => (hint.contains(h), format!("a hint with {h:?}")),
            Text(t) => (text_of(d).contains(t), format!("{t:?} in message or hint")),
            Column(c) => (d.column == Some(c), format!("column {c}")),
        };
        if !holds {
            wrong.push(format!("expected {what}: {d}"));
        }
    }
    wrong.extend(untranslated(d));
    if !wrong.is_empty() {
        return Err(wrong);
    }
    // Both languages: Vietnamese (the default) and English (`--lang en`).
    let mut both = Vec::new();
    for printed in [d.to_string(), d.render(Lang::En)] {
        let rest = &printed[format!("{}:{line}:", d.file.display()).len()..];
        // Relative paths, no line numbers and no unit count: the snapshot
        // does not change when the content grows.
        let content = format!("{}/", fx.content().display());
        both.push(
            format!("{}:<line>:{rest}", rule.file)
                .replace(&content, "")
                .replace(&format!("`{field}`"), &format!("`{}`", rule.field)),
        );
    }
    Ok(both.join("\n"))
}

/// Check that `d` is translated and says each of `says` (English, in the
/// message or the hint): for the tests that do not fit a row.
pub(crate) fn assert_says(d: &Diagnostic, says: &[&str]) {
    let wrong = untranslated(d);
    assert!(wrong.is_empty(), "{wrong:?}");
    for s in says {
        assert!(
            text_of(d).contains(s),
            "expected {s:?}: {}",
            d.render(Lang::En)
        );
    }
}

/// `d` as printed in both languages, for a snapshot: paths relative to the
/// content folder, the line (if any) written `<line>`.
pub(crate) fn printed(fx: &Fixture, d: &Diagnostic) -> String {
    let content = format!("{}/", fx.content().display());
    let line = d.line.map(|l| format!(":{l}:"));
    [d.render(Lang::Vi), d.render(Lang::En)]
        .iter()
        .map(|t| match &line {
            Some(line) => t.replacen(line, ":<line>:", 1),
            None => t.clone(),
        })
        .map(|t| t.replace(&content, ""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// What is wrong with the Vietnamese of `d`: a message or hint left in
/// English (the same text in both languages, or no Vietnamese letter).
pub(crate) fn untranslated(d: &Diagnostic) -> Vec<String> {
    let mut wrong = Vec::new();
    let mut texts = vec![("message", &d.message)];
    if let Some(h) = &d.hint {
        texts.push(("hint", h));
    }
    if let Some(p) = &d.place {
        texts.push(("place", p));
    }
    for (what, t) in texts {
        if t.vi == t.en {
            wrong.push(format!("the {what} is not translated: {}", t.en));
        }
        if !t.vi.chars().any(is_vietnamese_letter) {
            wrong.push(format!("the {what} has no Vietnamese letter: {}", t.vi));
        }
    }
    wrong
}

/// A letter with a Vietnamese diacritic (or đ).
fn is_vietnamese_letter(c: char) -> bool {
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
        .contains(c.to_lowercase().next().unwrap_or(c))
}

/// Check every row of `rules`, reporting each failing one by name; the
/// messages of all rows, for a snapshot.
pub(crate) fn run(rules: &[Rule]) -> String {
    let new_unit = load(&real_content()).model.unwrap().units.len();
    let mut failures = Vec::new();
    let mut messages = String::new();
    for rule in rules {
        match check(rule, new_unit) {
            Ok(printed) => messages.push_str(&format!("{}\n{printed}\n\n", rule.name)),
            Err(why) => failures.extend(why.into_iter().map(|w| format!("{}: {w}", rule.name))),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rules fail:\n\n{}",
        failures.len(),
        rules.len(),
        failures.join("\n\n")
    );
    let mut names: Vec<&str> = rules.iter().map(|r| r.name).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), rules.len(), "row names are unique");
    messages
}

#[test]
fn each_rule_names_file_line_field_and_what_to_write() {
    insta::assert_snapshot!("messages", run(RULES));
}

#[test]
fn the_rule_names_are_unique() {
    let mut names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), RULES.len());
}
