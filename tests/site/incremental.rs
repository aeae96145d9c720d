//! `serve`'s rebuilds (`site::incremental`): after each kind of edit, a
//! partial rebuild leaves exactly the bytes a full build of the same
//! content gives, renders only what the edit reaches, and falls back to a
//! full build when the edit reaches every page.

use crate::support::api::{BuildReport, IncrementalBuilder, SiteError};
use crate::support::*;

struct Served {
    site: Fixture,
    builder: IncrementalBuilder,
    fulls: usize,
}

impl Served {
    fn new() -> Served {
        Served::with(|_| {})
    }

    /// Served after `prepare` changed the site copy.
    fn with(prepare: impl FnOnce(&Fixture)) -> Served {
        let site = Fixture::real();
        prepare(&site);
        Served::of(site)
    }

    fn of(site: Fixture) -> Served {
        let mut builder =
            IncrementalBuilder::new(options(site.content(), &site.scratch("out"), None));
        let first = builder.rebuild().expect("the first build");
        assert!(first.full, "the first build is a full one");
        Served {
            site,
            builder,
            fulls: 0,
        }
    }

    /// Rebuild, and check the output against a full build of the same content.
    fn rebuild(&mut self) -> BuildReport {
        let report = self.builder.rebuild().expect("the rebuild");
        self.fulls += 1;
        let full = self.site.scratch(&format!("full-{}", self.fulls));
        build(self.site.content(), &full).expect("the full build");
        let served = snapshot(&self.site.scratch("out"));
        assert!(served.len() > 100, "{} files", served.len());
        if let Some(diff) = first_difference(&snapshot(&full), &served) {
            panic!("the rebuild differs from a full build: {diff}\n{report:?}");
        }
        report
    }

    /// Replace text in a content file; the size changes, so that the edit
    /// is seen even within one tick of the file system's clock.
    fn edit(&self, rel: &str, from: &str, to: &str) {
        assert_ne!(from.len(), to.len(), "edits change the file's size");
        self.site.replace(rel, from, to);
    }
}

#[test]
fn one_changed_figure_rebuilds_only_what_shows_it() {
    let mut s = Served::new();
    // Sở Tài chính's share of online applications in 10/2023.
    s.edit(
        OCT_2023,
        "        unit: so-tai-chinh\n        values:\n          - 100\n",
        "        unit: so-tai-chinh\n        values:\n          - 99,5\n",
    );
    let r = s.rebuild();
    assert!(!r.full, "{r:?}");
    assert!(
        r.rendered * 2 < r.files,
        "a partial rebuild renders a few files, not the site: {r:?}"
    );
    assert!(r.written >= 4, "unit, month, dispatch and open data: {r:?}");
    assert!(row_contains!(
        s.site.scratch("out"),
        "don-vi/so-tai-chinh/index.html",
        "van-ban/2023-10-vpub/",
        ["99,5"]
    ));
}

#[test]
fn each_kind_of_edit_gives_the_bytes_of_a_full_build() {
    let mut s = Served::new();
    // The body only: the dispatch page, nothing of the open data.
    s.site
        .append(OCT_2023, "  Dòng thêm để kiểm tra việc dựng lại.\n");
    let r = s.rebuild();
    assert!(!r.full && r.written < 10, "{r:?}");

    // A figure of the newest month: the open data are rewritten from it on.
    s.edit(MAR_2025, "total: 73,04", "total: 73,1");
    assert!(!s.rebuild().full);

    // A figure of the oldest month with figures.
    s.edit(FEB_2023, "total: 55,02", "total: 55,2");
    assert!(!s.rebuild().full);

    // The subject: the lists of dispatches show it.
    s.edit(
        OCT_2023,
        "cung cấp dịch vụ công tháng 10/2023\n",
        "cung cấp dịch vụ công trực tuyến tháng 10/2023\n",
    );
    assert!(!s.rebuild().full);
    assert!(text_contains!(
        s.site.scratch("out"),
        "van-ban/index.html",
        "dịch vụ công trực tuyến tháng 10/2023"
    ));

    // A row removed: Sở Tài chính's only figure of the indicator goes, and
    // with it the CSV of its history.
    let text = s.site.read(OCT_2023);
    let row = "      - no: \"1\"\n        unit: so-tai-chinh\n        values:\n          - 100\n        status: Hoàn thành\n";
    assert_eq!(text.matches(row).count(), 1, "the row of Sở Tài chính");
    let csv = s
        .site
        .scratch("out")
        .join("don-vi/so-tai-chinh/ty-le-nop-truc-tuyen.csv");
    assert!(csv.is_file());
    s.site.write(OCT_2023, &text.replacen(row, "", 1));
    let r = s.rebuild();
    // Its CSV, and the CSV of its month among the departments'.
    assert!(!r.full && r.removed == 2, "{r:?}");
    assert!(!csv.exists());

    // A mention dropped: the commune's page no longer shows it.
    let mention = "  - unit: phan-dinh-phung\n    printed_name: UBND phường Phan Đình Phùng\n    indicator: ty-le-thanh-toan-truc-tuyen\n    note: Kết quả thanh toán trực tuyến đạt tỷ lệ thấp.\n";
    s.edit(NOV_2023_MY_HAO, mention, "");
    assert!(!s.rebuild().full);

    // The issuer's unit corrected: both units' pages list their dispatches.
    s.edit(NOV_2023_MY_HAO, "  unit: my-hao\n", "  unit: van-lam\n");
    assert!(!s.rebuild().full);

    // The number given: the open data name it in every record of the dispatch.
    s.edit(
        OCT_2023,
        "symbol: VPUB-PVHCC&KSTT\n",
        "number: 977\nsymbol: VPUB-PVHCC&KSTT\n",
    );
    assert!(!s.rebuild().full);
}

#[test]
fn a_moved_file_is_named_by_its_new_path() {
    // A site template that shows the source file of each dispatch.
    let mut s = Served::with(|site| {
        let page = read_text(&repo().join("themes/default/templates"), "dispatch.html");
        let page = page.replace(
            "{% endblock content %}",
            "<p class=\"nguon\">{{ page.source }}</p>{% endblock content %}",
        );
        site.write_root("templates/dispatch.html", page.as_bytes());
    });
    let moved = s.site.path("dispatches/2023-thang-11");
    std::fs::create_dir_all(&moved).unwrap();
    std::fs::rename(
        s.site.path(NOV_2023_MY_HAO),
        moved.join("2023-11-vp-my-hao.yaml"),
    )
    .unwrap();
    assert!(!s.rebuild().full);
    assert!(file_contains!(
        s.site.scratch("out"),
        "van-ban/2023-11-vp-my-hao/index.html",
        "2023-thang-11"
    ));
}

#[test]
fn a_new_dispatch_or_a_theme_change_gives_a_full_build() {
    let mut s = Served::new();
    let text = s.site.read(OCT_2023);
    s.site.write(
        "dispatches/2023/2023-10-vpub-ban-sao.yaml",
        &text.replace("period: 2023-10\n", "period: 2023-09\n"),
    );
    let r = s.rebuild();
    assert!(r.full, "a dispatch added: {r:?}");

    // A dispatch moved to another month.
    let copy = "dispatches/2023/2023-10-vpub-ban-sao.yaml";
    s.site
        .replace(copy, "period: 2023-09\n", "period: 2023-08\n# moved\n");
    let r = s.rebuild();
    assert!(r.full, "a period changed: {r:?}");

    let macros = read_text(&repo().join("themes/default/templates"), "macros.html");
    s.site.write_root(
        "templates/macros.html",
        format!("{macros}{{# the site's own copy #}}\n").as_bytes(),
    );
    let r = s.rebuild();
    assert!(r.full, "a template added: {r:?}");

    s.site.remove("dispatches/2023/2023-10-vpub-ban-sao.yaml");
    let r = s.rebuild();
    assert!(r.full, "a dispatch removed: {r:?}");
    assert!(!s
        .site
        .scratch("out")
        .join("van-ban/2023-10-vpub-ban-sao")
        .exists());
}

#[test]
fn an_output_folder_removed_meanwhile_is_built_whole() {
    let mut s = Served::new();
    std::fs::remove_dir_all(s.site.scratch("out")).unwrap();
    s.edit(MAR_2025, "total: 73,04", "total: 73,1");
    let r = s.rebuild();
    assert!(r.full, "{r:?}");
}

#[test]
fn edits_made_while_the_content_had_errors_still_count() {
    let mut s = Served::new();
    let out = s.site.scratch("out");
    let before = snapshot(&out);
    // An error in one file: the rebuild fails, the output stays.
    s.edit(MAR_2025, "total: 73,04", "total: 73,04 điểm");
    assert!(matches!(s.builder.rebuild(), Err(SiteError::Content(_))));
    // Meanwhile another file changes; then the error is fixed.
    s.edit(FEB_2023, "total: 55,02", "total: 55,2");
    assert!(matches!(s.builder.rebuild(), Err(SiteError::Content(_))));
    assert!(first_difference(&before, &snapshot(&out)).is_none());
    s.edit(MAR_2025, "total: 73,04 điểm", "total: 73,1");
    let r = s.rebuild();
    assert!(!r.full, "{r:?}");
    // The edit made during the error is built.
    assert!(file_contains!(out, "thang/2023-02/index.html", "55,2"));
}

#[test]
fn edits_of_tables_of_index_points_and_league_tables_give_a_full_builds_bytes() {
    let mut s = Served::of(Fixture::tables());
    // A commune's score: its page, its peers', the document, the month.
    s.edit(
        UNITS_2025_09,
        "values: [\"61,6\", 88, \"70,0\"",
        "values: [\"61,65\", 88, \"70,0\"",
    );
    assert!(!s.rebuild().full);
    // The same figure printed with one more decimal: the peers whose
    // history is too short for a line show it in their bar charts.
    s.edit(
        UNITS_2025_09,
        "values: [\"61,65\", 88, \"70,0\"",
        "values: [\"61,650\", 88, \"70,0\"",
    );
    assert!(!s.rebuild().full);
    // A table with one province (as a province's own dispatch lists itself
    // among its units) is no league table: its edits stay partial.
    s.edit(
        UNITS_2025_09,
        "      - { no: \"3\", unit: so-y-te,",
        "      - { no: \"\", unit: tinh-minh-hoa-d, values: [\"80,5\", ~] }\n      - { no: \"3\", unit: so-y-te,",
    );
    assert!(!s.rebuild().full);
    // A province's total in the league table: the home page and the
    // province's page show the table.
    s.edit(LEAGUE_2025_09, "values: [\"88,7\",", "values: [\"88,75\",");
    assert!(s.rebuild().full);
    assert!(text_contains!(s.site.scratch("out"), "index.html", "88,75"));
}
