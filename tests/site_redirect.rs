//! An old id of a renamed unit still resolves: a small page that links on
//! (and refreshes) to the unit.

use congkhai::site::{render, BuildOptions};
use std::path::Path;

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn former_ids_lead_on_to_the_unit() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_dir(Path::new("content"), &content);
    let units = content.join("units.yaml");
    let text = std::fs::read_to_string(&units).unwrap();
    let text = text.replacen(
        "  - id: so-tu-phap\n",
        "  - id: so-tu-phap\n    former_ids: [so-tu-phap-cu]\n",
        1,
    );
    std::fs::write(&units, text).unwrap();
    let (site, _) = render(&BuildOptions {
        content,
        output: dir.path().join("output"),
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
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_dir(Path::new("content"), &content);
    let units = content.join("units.yaml");
    let text = std::fs::read_to_string(&units).unwrap();
    let text = text.replacen(
        "  - id: so-tu-phap\n",
        "  - id: so-tu-phap\n    former_ids: [so-y-te]\n",
        1,
    );
    std::fs::write(&units, text).unwrap();
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
