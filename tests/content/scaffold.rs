//! `congkhai new`: the next period's dispatch from the latest one, with
//! every figure left as `???` for `check` to name, run as a process on a
//! copy of the real content.

use crate::support::api::load;
use crate::support::*;

fn new(fx: &Fixture, args: &[&str]) -> (bool, String) {
    congkhai_on(fx, std::iter::once("new").chain(args.iter().copied()))
}

/// The value of each `key:` line of a YAML text, in order.
fn values_of<'a>(text: &'a str, key: &str) -> Vec<&'a str> {
    text.lines()
        .filter_map(|l| {
            l.trim_start()
                .trim_start_matches("- ")
                .strip_prefix(&format!("{key}:"))
        })
        .map(str::trim)
        .collect()
}

#[test]
fn the_next_month_copies_the_header_and_leaves_every_figure_to_fill() {
    let fx = Fixture::real();
    let (ok, said) = new(&fx, &["2025-04"]);
    assert!(ok, "{said}");
    let rel = "dispatches/2025/2025-04-vpub.yaml";
    assert!(said.contains(rel), "the path is printed: {said}");
    let (old, text) = (fx.read(MAR_2025), fx.read(rel));
    for key in [
        "symbol",
        "place",
        "unit",
        "name",
        "max",
        "indicator",
        "label",
    ] {
        assert_eq!(
            values_of(&old, key),
            values_of(&text, key),
            "`{key}` is copied"
        );
    }
    for block in ["recipients:", "legal_basis:", "distribution:", "signature:"] {
        let part = |t: &str| {
            t.split(block)
                .nth(1)
                .map(|r| r.split("\n\n").next().unwrap().to_string())
        };
        assert_eq!(part(&old), part(&text), "{block} is copied");
    }
    assert_eq!(values_of(&text, "period"), ["2025-04"]);
    assert!(
        values_of(&text, "subject")[0].ends_with("tháng 4/2025"),
        "{text}"
    );
    assert!(
        !text.contains("tháng 3/2025"),
        "the old month is renamed everywhere"
    );
    for key in [
        "total",
        "score",
        "national_average",
        "rate",
        "percent",
        "count",
        "date",
        "number",
    ] {
        let values = values_of(&text, key);
        assert!(
            !values.is_empty() && values.iter().all(|v| *v == "???"),
            "{key}: {values:?}"
        );
    }
    assert!(values_of(&text, "rank").iter().all(|v| *v == "???/63"));

    // `check` names every value to fill, and nothing else.
    let loaded = fx.load();
    // Every `???` but the header's comment and the body's note (which is
    // checked once the figures read).
    let to_fill = text
        .lines()
        .filter(|l| l.contains("???") && !l.starts_with('#') && !l.contains("??? Thay"))
        .count();
    let errors: Vec<_> = loaded.diagnostics.errors().collect();
    assert_eq!(errors.len(), to_fill, "{}", report(&loaded));
    assert!(
        errors
            .iter()
            .all(|d| d.message.en.starts_with("not filled in yet")),
        "{}",
        report(&loaded)
    );

    // Filled in (figures of 1, a date, a status), it is a valid dispatch
    // but for the body, which still asks for the new text.
    let filled = text
        .replace("???/63", "1/63")
        .replace("date: ???", "date: 2025-05-12")
        .replace("status: ???", "status: Hoàn thành")
        .replace(": ???", ": 1");
    fx.write(rel, &filled);
    let loaded = fx.load();
    let errors: Vec<_> = loaded.diagnostics.errors().collect();
    assert_eq!(errors.len(), 1, "{}", report(&loaded));
    assert_eq!(errors[0].field, "body");
    let body_note = filled
        .lines()
        .find(|l| l.contains("??? Thay"))
        .unwrap()
        .to_string();
    fx.write(rel, &filled.replace(&format!("{body_note}\n"), ""));
    assert!(fx.load().model.is_some(), "{}", report(&fx.load()));
}

#[test]
fn a_period_that_has_its_dispatch_is_refused() {
    let fx = Fixture::real();
    let (ok, said) = new(&fx, &["2025-03"]);
    assert!(!ok);
    assert!(
        said.contains("already has a dispatch for 2025-03: dispatches/2025/2025-03-vpub.yaml"),
        "{said}"
    );
    // Twice the same new month: the second is refused too.
    assert!(new(&fx, &["2025-04"]).0);
    let (ok, said) = new(&fx, &["2025-04"]);
    assert!(!ok && said.contains("already has a dispatch"), "{said}");
}

#[test]
fn ranks_count_the_provinces_of_the_new_period() {
    let fx = Fixture::real();
    assert!(new(&fx, &["2025-08"]).0);
    let text = fx.read("dispatches/2025/2025-08-vpub.yaml");
    assert!(
        values_of(&text, "rank").iter().all(|v| *v == "???/34"),
        "{text}"
    );
    assert!(new(&fx, &["2023-03", "--from", "2023-02-vpub"]).0);
    let text = fx.read("dispatches/2023/2023-03-vpub.yaml");
    assert_eq!(values_of(&text, "rank"), ["???/63"]);
    assert!(
        values_of(&text, "subject")[0].ends_with("tháng 03/2023"),
        "{text}"
    );
}

#[test]
fn other_period_kinds_and_wrong_arguments() {
    let fx = Fixture::real();
    assert!(new(&fx, &["2025-Q2"]).0);
    let text = fx.read("dispatches/2025/2025-q2-vpub.yaml");
    assert!(
        values_of(&text, "subject")[0].ends_with("quý II/2025"),
        "{text}"
    );
    assert_eq!(values_of(&text, "period"), ["2025-Q2"]);
    let (ok, said) = new(&fx, &["2025-13"]);
    assert!(!ok && said.contains("month 13 does not exist"), "{said}");
    let (ok, said) = new(&fx, &["2025-06", "--from", "khong-co"]);
    assert!(!ok && said.contains("no dispatch `khong-co`"), "{said}");
    assert!(load(&real_content()).model.is_some());
}

#[test]
fn the_editors_notes_stay_with_their_document() {
    let fx = Fixture::real();
    fx.replace(
        MAR_2025,
        "\nbody: |",
        "\neditor_notes:\n  - text: Bản gốc ghi sai tháng ở tiêu đề.\n\nbody: |",
    );
    let (ok, said) = new(&fx, &["2025-04"]);
    assert!(ok, "{said}");
    let text = fx.read("dispatches/2025/2025-04-vpub.yaml");
    assert!(
        !text.contains("editor_notes") && !text.contains("ghi sai tháng"),
        "{text}"
    );
    // The document's own text and notes are still there to be replaced.
    assert!(text.contains("\nbody: |"));
}
