//! Bad input never panics: arbitrary text, and arbitrary mutations of a real
//! dispatch file, fed to the loader as a dispatch file. Errors are fine;
//! a panic, or an error pointing past the end of the file, is not.

use crate::support::api::{import_table, load, ImportOptions};
use crate::support::*;
use proptest::prelude::*;
use std::path::Path;

const DISPATCH: &str = "dispatches/2024/2024-01-thu.yaml";

/// Pieces of YAML and of the content format, to build and break files with.
const TOKENS: &[&str] = &[
    ": ",
    "- ",
    "-",
    "[",
    "]",
    "{",
    "}",
    ", ",
    "\"",
    "'",
    "&a ",
    "*a",
    "!!str ",
    "!!int ",
    "---\n",
    "...\n",
    "# x",
    "|\n",
    ">-\n",
    "\t",
    "\n",
    "\n  ",
    "\n    ",
    "~",
    "null",
    "true",
    "1.038",
    "55,02",
    "155,02",
    "-1",
    "446",
    "1e309",
    ".nan",
    "? ",
    "<<: *a",
    "%YAML 1.2\n",
    "2023-02-30",
    "2023-13",
    "2023-Q5",
    "2023-W99",
    "2023-01-01/2022-01-01",
    "\u{feff}",
    "  ",
    "bogus: 1",
    "kind: ",
    "directive",
    "monthly-results",
    "period: ",
    "2023-10",
    "results:",
    "total: ",
    "groups:",
    "indicator: ",
    "score: ",
    "unit: ",
    "so-tu-phap",
    "hung-yen",
    "appendices:",
    "rows:",
    "values:",
    "columns:",
    "{ not_applicable: ",
    "{ not_published: ~ }",
    "status: ",
    "Hoàn thành",
    "rank: ",
    "20/63",
    "0/0",
    "99999999999999999999",
    "đ",
    "\r\n",
    "\u{0}",
    "has_status: true",
    "target:",
    "at_least: ",
    "count: ",
    "of: ",
    "details:",
    // What the hardening refuses: anchors, aliases, escapes, bidi marks.
    "&a ",
    "*a",
    "\"\\u0001\"",
    "\u{202e}",
    "\u{1b}",
    "![x](https://evil.example/a.png)",
    "9,30000001",
    "18446744073709551615",
    "2099-01-01",
];

fn token() -> impl Strategy<Value = String> {
    prop::sample::select(TOKENS).prop_map(str::to_string)
}

/// One edit of a file's bytes; positions are fractions of the length so
/// that they stay valid as the file changes.
#[derive(Debug, Clone)]
enum Mutation {
    DeleteByte(f64),
    DeleteLine(f64),
    DuplicateLine(f64),
    Insert(f64, String),
    InsertLine(f64, String),
    Truncate(f64),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = 0.0..1.0f64;
    prop_oneof![
        at.clone().prop_map(Mutation::DeleteByte),
        at.clone().prop_map(Mutation::DeleteLine),
        at.clone().prop_map(Mutation::DuplicateLine),
        (at.clone(), token()).prop_map(|(a, t)| Mutation::Insert(a, t)),
        (at.clone(), prop::collection::vec(token(), 1..5))
            .prop_map(|(a, t)| Mutation::InsertLine(a, t.concat())),
        at.prop_map(Mutation::Truncate),
    ]
}

fn index(len: usize, at: f64) -> usize {
    ((len as f64) * at) as usize
}

fn mutate(mut bytes: Vec<u8>, edits: &[Mutation]) -> Vec<u8> {
    for m in edits {
        let len = bytes.len();
        match m {
            Mutation::DeleteByte(a) if len > 0 => {
                bytes.remove(index(len, *a).min(len - 1));
            }
            Mutation::Insert(a, t) => {
                let i = index(len, *a).min(len);
                bytes.splice(i..i, t.bytes());
            }
            Mutation::Truncate(a) => bytes.truncate(index(len, *a)),
            Mutation::DeleteLine(a) | Mutation::DuplicateLine(a) | Mutation::InsertLine(a, _) => {
                let mut lines: Vec<Vec<u8>> =
                    bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
                let i = index(lines.len(), *a).min(lines.len() - 1);
                match m {
                    Mutation::DeleteLine(_) => {
                        lines.remove(i);
                    }
                    Mutation::DuplicateLine(_) => {
                        let l = lines[i].clone();
                        lines.insert(i, l);
                    }
                    Mutation::InsertLine(_, t) => lines.insert(i, t.clone().into_bytes()),
                    _ => unreachable!(),
                }
                bytes = lines.join(&b'\n');
            }
            _ => {}
        }
    }
    bytes
}

/// Load a content folder and check what must hold whatever the input.
fn load_and_check(dir: &Path, file: &Path, bytes: &[u8]) {
    let started = std::time::Instant::now();
    let loaded = load(dir);
    // No input makes the loader hang (a load of the real content takes
    // milliseconds; the bound leaves room for a busy machine).
    assert!(
        started.elapsed() < std::time::Duration::from_secs(10),
        "a load took {:?}",
        started.elapsed()
    );
    // Lines as an editor counts them: ended by `\n`, `\r\n` or a lone `\r`.
    let lines = bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' || b == b'\r' && bytes.get(i + 1) != Some(&b'\n'))
        .count()
        + 1;
    for d in &loaded.diagnostics.items {
        if d.file == file {
            if let Some(line) = d.line {
                assert!(
                    (1..=lines + 1).contains(&line),
                    "line {line} of a {lines}-line file: {d}"
                );
            }
            assert!(d.column != Some(0), "columns count from 1: {d}");
            assert!(
                d.hint.is_some() || !d.is_error(),
                "an error without a hint: {d}"
            );
        }
    }
    assert_eq!(
        loaded.model.is_some(),
        !loaded.diagnostics.has_errors(),
        "a model exactly when there is no error"
    );
}

struct Minimal(Fixture);

impl Minimal {
    /// The real catalog, and one dispatch file to fill.
    fn new() -> Minimal {
        Minimal(Fixture::with_dispatches(&[]))
    }
    fn run(&self, bytes: &[u8]) {
        let path = self.0.path(DISPATCH);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        load_and_check(self.0.content(), &path, bytes);
    }
}

thread_local! {
    static MINIMAL: Minimal = Minimal::new();
}

fn real(rel: &str) -> Vec<u8> {
    std::fs::read(real_content().join(rel)).unwrap()
}

/// `usual` cases per test, or `PROPTEST_CASES` when set: a longer hunt
/// (`PROPTEST_CASES=5000 cargo test --release --test content fuzz`).
fn cases(usual: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(usual)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(96), ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in "(?s).{0,300}") {
        MINIMAL.with(|m| m.run(text.as_bytes()));
    }

    #[test]
    fn yaml_ish_text_never_panics(tokens in prop::collection::vec(token(), 0..80)) {
        MINIMAL.with(|m| m.run(tokens.concat().as_bytes()));
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        MINIMAL.with(|m| m.run(&bytes));
    }

    #[test]
    fn mutated_dispatch_never_panics(
        which in 0..4usize,
        edits in prop::collection::vec(mutation(), 1..8),
    ) {
        let rel = [FEB_2023, OCT_2023, MAR_2025, NOV_2023_MY_HAO][which];
        let bytes = mutate(real(rel), &edits);
        MINIMAL.with(|m| m.run(&bytes));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(32), ..ProptestConfig::default() })]

    /// The catalog files are read by the same loader; they must not panic
    /// either (a scheme, a validity date or a parent chain gone wrong).
    #[test]
    fn mutated_catalog_never_panics(
        which in 0..3usize,
        edits in prop::collection::vec(mutation(), 1..6),
    ) {
        let rel = ["units.yaml", "indicators.yaml", "site.yaml"][which];
        let fx = Fixture::real();
        let bytes = mutate(real(rel), &edits);
        std::fs::write(fx.path(rel), &bytes).unwrap();
        load_and_check(fx.content(), &fx.path(rel), &bytes);
    }
}

/// Pieces of a spreadsheet cell: names and figures as editors type them,
/// and what YAML, CSV or the loader reads specially.
const CELL_PIECES: &[&str] = &[
    "Sở Tư pháp",
    "Sở Nội vụ",
    "sở tài chính",
    "UBND tỉnh",
    "44,6",
    "1.038",
    "82,92%",
    "100",
    "0",
    "-",
    "~",
    "TTHC không có phí, lệ phí",
    "Hoàn thành",
    "chưa hoàn thành",
    "\"",
    "'",
    "\\",
    "\\u0001",
    ": ",
    " #x",
    "- ",
    "{",
    "}",
    "[",
    "]",
    "!",
    "&a",
    "*a",
    "|",
    ">",
    "%",
    "@",
    "`",
    ";",
    ",",
    "\n",
    "\r\n",
    "\t",
    " ",
    "\u{a0}",
    "\u{1}",
    "\u{202e}",
    "\u{2028}",
    "\u{feff}",
    "null",
    "true",
    "1e309",
    ".nan",
    "---",
    "…",
    "😀",
];

fn cell() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(CELL_PIECES), 0..4).prop_map(|p| p.concat())
}

/// A row of the table: mostly a known unit, wrapped or spaced as a cell
/// may be, with a figure and a status; sometimes anything at all.
fn table_row() -> impl Strategy<Value = Vec<String>> {
    let name = prop_oneof![
        3 => (
            prop::sample::select(&["Sở Tư pháp", "sở nội vụ", "SỞ TÀI CHÍNH", "Sở Tư\npháp"][..]),
            prop::sample::select(&["", " ", "\u{a0}", "\n", "\t"][..]),
        )
            .prop_map(|(n, space)| format!("{space}{n}{space}")),
        1 => cell(),
    ];
    let figure = prop_oneof![
        2 => prop::sample::select(&["44,6", "100", "82,92%", "", "0,0", "99.5"][..])
            .prop_map(str::to_string),
        1 => cell(),
    ];
    let status = prop_oneof![
        2 => prop::sample::select(&["", "Hoàn thành", "chưa hoàn thành"][..])
            .prop_map(str::to_string),
        1 => cell(),
    ];
    (cell(), name, figure, status).prop_map(|(a, b, c, d)| vec![a, b, c, d])
}

/// A table as a Vietnamese-locale Excel saves it (semicolons, quoted
/// cells, CRLF), headed as appendix I of the October 2023 dispatch.
fn excel_table(rows: &[Vec<String>]) -> String {
    let quote = |c: &String| format!("\"{}\"", c.replace('"', "\"\""));
    let mut out = String::from(
        "STT;Tên cơ quan, đơn vị;Kết quả hồ sơ nộp trực tuyến tháng (%);Trạng thái\r\n",
    );
    for row in rows {
        out.push_str(&row.iter().map(quote).collect::<Vec<_>>().join(";"));
        out.push_str("\r\n");
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(48), ..ProptestConfig::default() })]

    /// Whatever the cells hold, `import` either refuses the table and
    /// writes nothing, or writes rows that read as YAML: the file then has
    /// no error of its own (syntax, characters), only, at most, errors of
    /// the appendix's rows, each at its field.
    #[test]
    fn any_table_imports_into_rows_that_read_or_is_refused(
        rows in prop::collection::vec(table_row(), 1..6),
    ) {
        let fx = Fixture::real();
        let before = fx.read(OCT_2023);
        let table = fx.scratch("t.csv");
        std::fs::write(&table, excel_table(&rows)).unwrap();
        let done = import_table(&ImportOptions {
            content: fx.content(),
            table: &table,
            dispatch: "2023-10-vpub",
            appendix: "I",
            columns: None,
            dry_run: false,
        });
        match done {
            Err(e) => {
                let t = e.text();
                prop_assert!(!t.vi.trim().is_empty() && !t.en.trim().is_empty());
                prop_assert_eq!(fx.read(OCT_2023), before, "written despite: {}", t.en);
            }
            Ok(_) => {
                let loaded = fx.load();
                for d in &loaded.diagnostics.items {
                    prop_assert!(
                        !d.is_error() || d.field.starts_with("appendices[0].rows"),
                        "{d}\n---\n{}",
                        fx.read(OCT_2023)
                    );
                }
            }
        }
    }
}

/// Inputs the fuzzing above once failed on, kept so that they always run.
#[test]
fn inputs_that_once_failed_still_hold() {
    for text in [
        // A lone `\r` is a line break to YAML: an error on "line 3".
        "{\r¡",
        "a: [\rb",
        // So is U+2028 to libyaml, but to no editor.
        "{\u{2028}a",
    ] {
        MINIMAL.with(|m| m.run(text.as_bytes()));
    }
}

#[test]
fn mutate_keeps_an_untouched_file() {
    let bytes = real(FEB_2023);
    assert_eq!(mutate(bytes.clone(), &[]), bytes);
    MINIMAL.with(|m| m.run(&bytes));
}

/// `congkhai check` on mutated real content, in a process whose memory is
/// capped: whatever the edit, it ends by itself with 0 or 1, within its
/// time and memory (an alias bomb or a runaway expansion would be killed
/// by the cap instead, and fail here).
#[test]
fn mutated_content_stays_within_bounded_memory_and_time() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = (0..4usize, prop::collection::vec(mutation(), 1..10));
    for _ in 0..12 {
        let (which, edits) = strategy.new_tree(&mut runner).unwrap().current();
        let rel = [FEB_2023, OCT_2023, MAR_2025, NOV_2023_MY_HAO][which];
        let fx = Fixture::real();
        std::fs::write(fx.path(rel), mutate(real(rel), &edits)).unwrap();
        // 3 GiB of address space: room for the allocator's reservations,
        // none for an expansion into gigabytes.
        let script = format!(
            "ulimit -v 3145728; exec timeout 30 '{}' check --content '{}'",
            bin(),
            fx.content().display()
        );
        let run = std::process::Command::new("sh")
            .args(["-c", &script])
            .output()
            .unwrap();
        assert!(
            matches!(run.status.code(), Some(0 | 1)),
            "{edits:?}: {}",
            describe(&run)
        );
    }
}
