//! An old id of a renamed unit still resolves: a small page that links on
//! (and refreshes) to the unit; an old id may not be another unit's id.

use crate::support::api::{render, Lang};
use crate::support::*;

#[test]
fn former_ids_lead_on_to_the_unit() {
    let fixture = Fixture::real();
    fixture.replace(
        "units.yaml",
        "  - id: so-tu-phap\n",
        "  - id: so-tu-phap\n    former_ids: [so-tu-phap-cu]\n",
    );
    let (site, _) = render(&options(
        fixture.content(),
        &fixture.scratch("output"),
        None,
    ))
    .expect("builds");
    let page = String::from_utf8(site.files["don-vi/so-tu-phap-cu/index.html"].clone()).unwrap();
    assert!(
        page.contains(r#"<meta http-equiv="refresh" content="0; url=../../don-vi/so-tu-phap/">"#),
        "{page}"
    );
    assert!(
        page.contains(r#"<a href="../../don-vi/so-tu-phap/">Sở Tư pháp</a>"#),
        "{page}"
    );
    // The unit's own page is still there with its history.
    assert!(site.files.contains_key("don-vi/so-tu-phap/index.html"));
}

#[test]
fn a_former_id_in_use_by_another_unit_is_refused() {
    let fixture = Fixture::real();
    fixture.replace(
        "units.yaml",
        "  - id: so-tu-phap\n",
        "  - id: so-tu-phap\n    former_ids: [so-y-te]\n",
    );
    let loaded = fixture.load();
    let errors: Vec<String> = loaded
        .diagnostics
        .errors()
        .map(|d| d.render(Lang::En))
        .collect();
    assert!(loaded.model.is_none());
    assert!(
        errors.iter().any(|e| e.contains("units.yaml:")
            && e.contains("former_ids[0]")
            && e.contains("`so-y-te` is already the id of a unit")),
        "{errors:?}"
    );
}

#[test]
fn former_id_of_a_unit_leads_on_to_the_unit() {
    let fx = Fixture::real();
    fx.replace(
        "units.yaml",
        "    name: Sở Tư pháp\n",
        "    name: Sở Tư pháp\n    former_ids: [so-tu-phap-cu]\n",
    );
    let out = fx.scratch("out");
    build(fx.content(), &out).unwrap_or_else(|e| panic!("{e}"));
    let page = "don-vi/so-tu-phap-cu/index.html";
    let html = read_text(&out, page);
    let tags = tags(&html);
    assert!(
        links_to(&html, page, "don-vi/so-tu-phap/index.html"),
        "{html}"
    );
    let refresh = tags
        .iter()
        .find(|t| {
            t.name == "meta"
                && t.attr("http-equiv")
                    .is_some_and(|h| h.eq_ignore_ascii_case("refresh"))
        })
        .unwrap_or_else(|| panic!("no <meta http-equiv=refresh>:\n{html}"));
    let content = refresh.attr("content").unwrap_or("");
    let target = content
        .split_once("url=")
        .map(|(_, u)| u.trim())
        .unwrap_or("");
    assert_eq!(
        resolve(page, target, "/").ok().map(|(f, _)| f).as_deref(),
        Some("don-vi/so-tu-phap/index.html"),
        "{html}"
    );
}
