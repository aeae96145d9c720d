//! An old id of a renamed unit still resolves: a small page that links on
//! (and refreshes) to the unit.

mod common;

use common::Fixture;
use congkhai::site::{render, BuildOptions};

#[test]
fn former_ids_lead_on_to_the_unit() {
    let fixture = Fixture::real();
    let content = fixture.dir().to_path_buf();
    fixture.replace(
        "units.yaml",
        "  - id: so-tu-phap\n",
        "  - id: so-tu-phap\n    former_ids: [so-tu-phap-cu]\n",
    );
    let (site, _) = render(&BuildOptions {
        output: content.with_file_name("output"),
        content,
        base_path: None,
    })
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
    let content = fixture.dir().to_path_buf();
    fixture.replace(
        "units.yaml",
        "  - id: so-tu-phap\n",
        "  - id: so-tu-phap\n    former_ids: [so-y-te]\n",
    );
    let loaded = congkhai::content::load(&content);
    let errors: Vec<String> = loaded.diagnostics.errors().map(|d| d.to_string()).collect();
    assert!(loaded.model.is_none());
    assert!(
        errors.iter().any(|e| e.contains("units.yaml:")
            && e.contains("former_ids[0]")
            && e.contains("`so-y-te` is already the id of a unit")),
        "{errors:?}"
    );
}
