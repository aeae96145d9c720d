//! At national scale no page grows past about a megabyte: a month whose
//! appendices are too long links to them on the dispatches' pages.

use crate::generator::{self, Options, Scale};
use crate::support::api::{load, render, MAX_APPENDIX_ROWS};
use crate::support::options;

#[test]
fn long_month_pages_link_to_their_appendices() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    let mut opts = Options::new(Scale::National, 1, &content);
    opts.provinces = Some(3);
    generator::generate(&opts).expect("synthetic content");
    let (site, _) = render(&options(&content, &tmp.path().join("output"), None)).expect("builds");
    let model = load(&content).model.expect("valid");
    let mut split = 0;
    for p in model.periods() {
        let rows: usize = model
            .dispatches_of_period(&p)
            .iter()
            .flat_map(|d| &d.file.appendices)
            .map(|a| a.rows.len())
            .sum();
        let page = String::from_utf8(site.files[&format!("thang/{}/index.html", p.slug())].clone())
            .unwrap();
        if rows > MAX_APPENDIX_ROWS {
            split += 1;
            assert!(page.contains("Phụ lục theo đơn vị"), "{}", p.slug());
            assert!(
                !page.contains("appendix-table"),
                "{}: appendices inlined",
                p.slug()
            );
            assert!(page.contains("/#"), "{}: links to the appendices", p.slug());
        } else {
            assert!(!page.contains("Phụ lục theo đơn vị"), "{}", p.slug());
        }
    }
    assert!(split > 0, "no month was long enough to split");
    let biggest = site
        .files
        .iter()
        .filter(|(k, _)| k.starts_with("thang/"))
        .map(|(_, v)| v.len())
        .max();
    assert!(biggest.unwrap_or(0) < 1_000_000, "{biggest:?}");
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
