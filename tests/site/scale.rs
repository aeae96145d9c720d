//! At national scale each table is published once and no page grows past
//! the page weight budget: month pages link to the appendices on their
//! dispatches' pages.

use crate::generator::{self, Options, Scale};
use crate::support::api::{load, render};
use crate::support::options;

#[test]
fn month_pages_link_to_their_appendices_instead_of_repeating_them() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    let mut opts = Options::new(Scale::National, 1, &content);
    opts.provinces = Some(3);
    generator::generate(&opts).expect("synthetic content");
    let (site, _) = render(&options(&content, &tmp.path().join("output"), None)).expect("builds");
    let model = load(&content).model.expect("valid");
    let mut linked = 0;
    for p in model.periods() {
        let page = String::from_utf8(site.files[&format!("thang/{}/index.html", p.slug())].clone())
            .unwrap();
        assert!(
            !page.contains("appendix-table"),
            "{}: appendices repeated",
            p.slug()
        );
        for d in model.dispatches_of_period(&p) {
            for app in &d.file.appendices {
                let anchor = format!(
                    "van-ban/{}/#phu-luc-{}\"",
                    d.slug,
                    app.number.to_lowercase()
                );
                assert!(page.contains(&anchor), "{}: no link {anchor}", p.slug());
                let dispatch = String::from_utf8(
                    site.files[&format!("van-ban/{}/index.html", d.slug)].clone(),
                )
                .unwrap();
                assert_eq!(
                    dispatch.matches("appendix-table").count(),
                    d.file.appendices.len(),
                    "{}: the appendix tables are on the dispatch's page",
                    d.slug
                );
                linked += 1;
            }
        }
    }
    assert!(linked > 0, "no appendix to link");
    let biggest = site
        .files
        .iter()
        .filter(|(k, _)| k.ends_with(".html"))
        .map(|(k, v)| (v.len(), k))
        .max();
    assert!(biggest.is_some_and(|(n, _)| n < 300_000), "{biggest:?}");
}

#[test]
fn an_indicator_ranks_the_sites_own_province_only() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    let mut opts = Options::new(Scale::National, 1, &content);
    opts.provinces = Some(3);
    generator::generate(&opts).expect("synthetic content");
    let model = load(&content).model.expect("valid");
    let (site, _) = render(&options(&content, &tmp.path().join("output"), None)).expect("builds");
    let province = &model.site.province;
    let page =
        String::from_utf8(site.files["chi-so/ty-le-nop-truc-tuyen/index.html"].clone()).unwrap();
    let ranking = &page[page.find("id=\"xep-hang\"").expect("a ranking")..];
    let mut listed = 0;
    for u in &model.units {
        if ranking.contains(&format!("don-vi/{}/\"", u.id())) {
            listed += 1;
            assert!(
                model.is_within(u.id(), province),
                "{} is not in {province}",
                u.id()
            );
        }
    }
    assert!(listed > 10, "only {listed} units ranked");
    let outside = model
        .units
        .iter()
        .filter(|u| !model.is_within(u.id(), province))
        .count();
    assert!(outside > 100, "the other provinces' units exist: {outside}");
}

/// The long tables' rows leave out the end tags HTML makes optional, and
/// nothing stands between a row's last cell and the next row (an empty
/// status cell must stay `:empty` for the stylesheet); pages carry no
/// blank lines or indentation outside `<pre>`.
#[test]
fn rows_leave_out_optional_end_tags_and_pages_their_blank_lines() {
    let tmp = tempfile::tempdir().unwrap();
    let content = crate::support::real_content();
    let (site, _) = render(&options(&content, &tmp.path().join("output"), None)).expect("builds");
    let (mut bodies, mut rows) = (0, 0);
    for (page, bytes) in &site.files {
        if !page.ends_with(".html") {
            continue;
        }
        let html = std::str::from_utf8(bytes).unwrap();
        for line in html.trim_end_matches('\n').split('\n').skip(1) {
            assert!(
                !line.is_empty() && !line.starts_with([' ', '\t', '\r']) || html.contains("<pre"),
                "{page}: a blank line or indentation in\n{html}"
            );
        }
        for table in ["history-table", "appendix-table", "league-table"] {
            let mut rest = html;
            while let Some(at) = rest.find(&format!("class=\"figures {table}")) {
                rest = &rest[at..];
                let start = rest.find("<tbody>").expect("a body") + "<tbody>".len();
                let end = rest.find("</tbody>").expect("a closed body");
                // A line break before the first row is no cell's text.
                let body = rest[start..end].trim_start_matches('\n');
                bodies += 1;
                assert!(
                    !body.contains("</td>") && !body.contains("</th>") && !body.contains("</tr>"),
                    "{page}: end tags in {body}"
                );
                assert!(
                    !body.contains('\n') && !body.contains(" <tr") && !body.ends_with(' '),
                    "{page}: white space would join a row's last cell in {body}"
                );
                rows += body.matches("<tr").count();
                rest = &rest[end..];
            }
        }
    }
    assert!(bodies > 20 && rows > 200, "{bodies} tables, {rows} rows");
}
