//! Sources other than dispatches: a report, a news article (with a date or
//! with `date: unknown`), a capture of the national portal (with the time
//! it was taken); the fields each kind must have and those it cannot have;
//! the portal's own week numbering and the year to date with a cut-off
//! hour, where two captures of one day are two records.

use crate::support::api::{DispatchKind, Period};
use crate::support::*;

fn no_problems(fx: &Fixture) -> crate::support::api::Loaded {
    let loaded = fx.load();
    assert!(
        loaded.diagnostics.errors().next().is_none()
            && loaded.diagnostics.warnings().next().is_none(),
        "{}",
        report(&loaded)
    );
    loaded
}

#[test]
fn each_kind_of_source_loads_with_its_figures() {
    let fx = with_sources();
    let loaded = no_problems(&fx);
    let model = loaded.model.expect("a model");
    for (slug, kind, total) in [
        ("2024-bao-hung-yen", DispatchKind::NewsArticle, 82.15),
        ("2024-q4-cong-tinh", DispatchKind::NewsArticle, 80.5),
        ("2025-11-20-0900-cong", DispatchKind::PortalCapture, 86.41),
        ("2025-11-20-1600-cong", DispatchKind::PortalCapture, 86.52),
        ("2024-tuan-03-bao-cao", DispatchKind::Report, 78.9),
    ] {
        let d = model.dispatch(slug).unwrap_or_else(|| panic!("no {slug}"));
        assert_eq!(d.file.kind, kind, "{slug}");
        let figures = model.figures_of_dispatch(slug);
        let total_of = figures
            .iter()
            .find(|f| &*f.indicator == "tong-diem" && &*f.unit == "hung-yen")
            .unwrap_or_else(|| panic!("no total in {slug}"));
        assert_eq!(total_of.value.number(), Some(total), "{slug}");
    }
    // The article's grade and change are its figures' too.
    let article = model.dispatch("2024-bao-hung-yen").unwrap();
    let r = article.file.results.as_ref().unwrap();
    assert_eq!(r.grade.as_deref(), Some("tốt"));
    assert_eq!(r.change.as_ref().and_then(|c| c.rank), Some(5));
    assert_eq!(article.publisher(), "Báo Hưng Yên");
    assert_eq!(article.number_text(), "");
}

#[test]
fn two_captures_of_one_day_are_two_records() {
    let fx = with_sources();
    let model = no_problems(&fx).model.unwrap();
    let morning = Period::parse("2025-01-01/2025-11-20 09:00").unwrap();
    let afternoon = Period::parse("2025-01-01/2025-11-20 16:00").unwrap();
    assert_ne!(morning, afternoon);
    for (p, slug) in [
        (morning, "2025-11-20-0900-cong"),
        (afternoon, "2025-11-20-1600-cong"),
    ] {
        let ds = model.dispatches_of_period(&p);
        assert_eq!(ds.len(), 1, "{p}");
        assert_eq!(ds[0].slug, slug);
    }
    // Two captures of one cut-off, taken at two times, are both kept too.
    fx.replace(
        CAPTURE_1600,
        "period: 2025-01-01/2025-11-20 16:00",
        "period: 2025-01-01/2025-11-20 09:00",
    );
    no_problems(&fx);
    // Taken at the same minute, the second is a duplicate.
    let line = fx.replace(
        CAPTURE_1600,
        "captured_at: 2025-11-20 16:10",
        "captured_at: 2025-11-20 09:05",
    );
    let _ = line;
    let loaded = fx.load();
    let dups: Vec<_> = loaded
        .diagnostics
        .errors()
        .filter(|d| d.field == "period" && text_of(d).contains("second dispatch"))
        .collect();
    assert_eq!(dups.len(), 1, "{}", report(&loaded));
}

#[test]
fn an_unknown_date_is_not_a_blank_day() {
    let fx = with_sources();
    let model = no_problems(&fx).model.unwrap();
    let undated = model.dispatch("2024-q4-cong-tinh").unwrap();
    assert_eq!(undated.file.issued(), None);
    // Listed at the end of the period it reports.
    assert_eq!(undated.file.listed_on().to_string(), "2024-12-31");
    // A blank day is a date all the same.
    let blank = model.dispatch("2023-11-vp-my-hao").unwrap();
    let date = blank.file.issued().expect("a date with a blank day");
    assert_eq!((date.year, date.month, date.day), (2023, 12, None));
}

#[test]
fn a_dispatch_cannot_say_its_date_is_unknown() {
    let fx = Fixture::real();
    let line = fx.replace(FEB_2023, "date: 2023-03-08", "date: unknown");
    let loaded = fx.load();
    let d = the_error(&loaded, FEB_2023, "date", line);
    assert!(text_of(d).contains("has a date"), "{d}");
    assert!(d.to_string().contains("2023-11"), "{d}");
}

#[test]
fn an_undated_source_needs_its_period() {
    let fx = with_sources();
    fx.replace(ARTICLE_UNDATED, "period: 2024-Q4\n", "");
    fx.replace(
        ARTICLE_UNDATED,
        "results:\n  unit: hung-yen\n  total: 80,5\n  rank: 15/63\n",
        "",
    );
    let line = fx.line_of(ARTICLE_UNDATED, "date: unknown");
    let loaded = fx.load();
    let d = the_error(&loaded, ARTICLE_UNDATED, "date", line);
    assert!(
        d.to_string().contains("không rõ ngày phải có kỳ số liệu"),
        "{d}"
    );
    assert!(text_of(d).contains("period:"), "{d}");
}

/// (fixture path, text to replace, its replacement, the refused field,
/// what the hint must name).
const REFUSED: &[(&str, &str, &str, &str, &str)] = &[
    (
        ARTICLE,
        "byline: Minh Anh\n",
        "byline: Minh Anh\nsymbol: BHY\n",
        "symbol",
        "url:",
    ),
    (
        ARTICLE,
        "byline: Minh Anh\n",
        "byline: Minh Anh\nsubject: Kết quả\n",
        "subject",
        "title:",
    ),
    (
        ARTICLE,
        "byline: Minh Anh\n",
        "byline: Minh Anh\nsignature:\n  titles: [TỔNG BIÊN TẬP]\n  name: A\n",
        "signature",
        "signature:",
    ),
    (
        ARTICLE,
        "byline: Minh Anh\n",
        "byline: Minh Anh\nissuer:\n  unit: hung-yen\n  body: Báo Hưng Yên\n",
        "issuer",
        "outlet:",
    ),
    (
        ARTICLE,
        "byline: Minh Anh\n",
        "byline: Minh Anh\nplace: Hưng Yên\n",
        "place",
        "place:",
    ),
    (
        CAPTURE_0900,
        "captured_at:",
        "date: 2025-11-20\ncaptured_at:",
        "date",
        "captured_at:",
    ),
    (
        CAPTURE_0900,
        "captured_at:",
        "outlet: Cổng\ncaptured_at:",
        "outlet",
        "outlet:",
    ),
    (
        CAPTURE_0900,
        "captured_at:",
        "number: 5\ncaptured_at:",
        "number",
        "url:",
    ),
    (
        WEEKLY_REPORT,
        "date: 2024-01-23\n",
        "date: 2024-01-23\nbyline: PV\n",
        "byline",
        "byline:",
    ),
    (
        WEEKLY_REPORT,
        "date: 2024-01-23\n",
        "date: 2024-01-23\ncaptured_at: 2024-01-23 10:00\n",
        "captured_at",
        "date:",
    ),
    (
        FEB_2023,
        "date: 2023-03-08\n",
        "date: 2023-03-08\ntitle: Kết quả\n",
        "title",
        "subject:",
    ),
    (
        FEB_2023,
        "date: 2023-03-08\n",
        "date: 2023-03-08\noutlet: Báo\n",
        "outlet",
        "news-article",
    ),
];

#[test]
fn fields_a_kind_cannot_have_are_refused_with_what_to_write() {
    for (rel, from, to, field, hint) in REFUSED {
        let fx = with_sources();
        let line =
            fx.replace(rel, from, to) + to.lines().position(|l| l.starts_with(field)).unwrap();
        let loaded = fx.load();
        let d = check_error(&loaded, rel, field, line)
            .unwrap_or_else(|e| panic!("{field} in {rel}: {e}"));
        assert!(
            text_of(d).contains(&format!("has no `{field}` field")),
            "{d}"
        );
        assert!(
            d.to_string()
                .contains(&format!("không có trường `{field}`")),
            "{d}"
        );
        assert!(
            text_of(d).contains(hint),
            "{field} in {rel}: the hint names {hint}: {d}"
        );
    }
}

/// (fixture path, the line removed, the missing field).
const MISSING: &[(&str, &str, &str)] = &[
    (ARTICLE, "outlet: Báo Hưng Yên\n", "outlet"),
    (
        ARTICLE,
        "title: Hưng Yên xếp loại tốt về phục vụ người dân, doanh nghiệp năm 2024\n",
        "title",
    ),
    (
        ARTICLE,
        "url: https://baohungyen.vn/vi-du/bo-chi-so-nam-2024\n",
        "url",
    ),
    (ARTICLE, "date: 2025-01-15\n", "date"),
    (
        CAPTURE_0900,
        "captured_at: 2025-11-20 09:05\n",
        "captured_at",
    ),
    (
        CAPTURE_0900,
        "url: https://dichvucong.gov.vn/p/home/dvc-danh-gia-chi-so-tinh.html\n",
        "url",
    ),
    (
        WEEKLY_REPORT,
        "issuer:\n  unit: hung-yen\n  body: Trung tâm Phục vụ hành chính công tỉnh\n",
        "issuer",
    ),
    (FEB_2023, "place: Hung Yên\n", "place"),
];

#[test]
fn fields_a_kind_must_have_are_required() {
    for (rel, line_text, field) in MISSING {
        let fx = with_sources();
        fx.replace(rel, line_text, "");
        let loaded = fx.load();
        let found: Vec<_> = errors_at(&loaded, rel, "")
            .into_iter()
            .filter(|d| text_of(d).contains(&format!("missing field `{field}`")))
            .collect();
        assert_eq!(found.len(), 1, "{field} in {rel}:\n{}", report(&loaded));
        let d = found[0];
        assert!(d.line.is_some() && d.hint.is_some(), "{d}");
        assert!(
            d.to_string().contains(&format!("thiếu trường `{field}`")),
            "{d}"
        );
    }
    // An article's missing date says how to write one that is unknown.
    let fx = with_sources();
    fx.replace(ARTICLE, "date: 2025-01-15\n", "");
    let loaded = fx.load();
    assert!(
        report(&loaded).contains("date: unknown"),
        "{}",
        report(&loaded)
    );
}

#[test]
fn a_cut_off_after_the_capture_is_refused() {
    let fx = with_sources();
    let line = fx.replace(
        CAPTURE_0900,
        "period: 2025-01-01/2025-11-20 09:00",
        "period: 2025-01-01/2025-11-20 10:00",
    );
    let loaded = fx.load();
    let d = the_error(&loaded, CAPTURE_0900, "period", line);
    assert!(text_of(d).contains("after the capture"), "{d}");
    assert!(d.to_string().contains("10:00 ngày 20/11/2025"), "{d}");
}

#[test]
fn one_portal_week_is_written_alike_everywhere() {
    let fx = with_sources();
    // A second report of the week, without its days: one page, two forms.
    let other = "dispatches/2024/2024-tuan-03-bao-cao-2.yaml";
    let text = source_fixture("bao-cao-tuan-03.yaml")
        .replace("number: 12", "number: 13")
        .replace(
            "Trung tâm Phục vụ hành chính công tỉnh",
            "Văn phòng UBND tỉnh",
        )
        .replace("2024-tuan-03 (2024-01-15/2024-01-21)", "2024-tuan-03");
    fx.write(other, &text);
    let loaded = fx.load();
    let errs: Vec<_> = loaded
        .diagnostics
        .errors()
        .filter(|d| d.field == "period")
        .collect();
    assert_eq!(errs.len(), 1, "{}", report(&loaded));
    assert!(text_of(errs[0]).contains("share one page"), "{}", errs[0]);
    assert!(errs[0].line.is_some());
    // Written alike, both load.
    fx.write(
        other,
        &text.replace("2024-tuan-03\n", "2024-tuan-03 (2024-01-15/2024-01-21)\n"),
    );
    no_problems(&fx);
}

#[test]
fn a_web_address_starts_with_its_scheme() {
    let fx = with_sources();
    let line = fx.replace(
        ARTICLE,
        "url: https://baohungyen.vn/vi-du/bo-chi-so-nam-2024",
        "url: baohungyen.vn/vi-du",
    );
    let loaded = fx.load();
    let d = the_error(&loaded, ARTICLE, "url", line);
    assert!(text_of(d).contains("https://"), "{d}");
}

/// The worked examples of the editors' guide, written into the content as
/// they stand, load without an error or a warning: an editor who copies
/// them from the guide alone gets a document that passes `check`.
#[test]
fn the_guides_examples_of_each_kind_load() {
    let guide = std::fs::read_to_string(repo().join("docs/content-format.md")).unwrap();
    let fx = Fixture::real();
    let mut kinds = Vec::new();
    for block in guide.split("```yaml\n").skip(1) {
        let block = block.split("```").next().unwrap_or_default();
        let Some(rel) = block
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# content/"))
            .and_then(|l| l.strip_suffix(" (số liệu minh họa)"))
        else {
            continue;
        };
        fx.write(rel, block);
        kinds.extend(
            block
                .lines()
                .find_map(|l| l.strip_prefix("kind: "))
                .map(str::to_string),
        );
    }
    kinds.sort();
    assert_eq!(kinds, ["news-article", "portal-capture", "report"]);
    no_problems(&fx);
}
