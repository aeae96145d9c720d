//! The synthetic content of `examples/synth.rs` (the benchmark's input)
//! validates and builds, at both scales: what the benchmark measures is a
//! real build. Sizes are small here (debug builds); `bench/run.sh` runs the
//! full scales.

#[path = "../examples/synth/generator.rs"]
mod generator;

/// The library items the tests use, from the list shared by every test
/// binary (this one needs no other helper of `tests/support/`).
#[path = "support/api.rs"]
mod api;

use api::{load, render, BuildOptions, Loaded, Model};
use generator::{Options, Scale, Summary, Ym};
use std::path::Path;
use tempfile::TempDir;

fn generate(scale: Scale, months: u32, provinces: Option<usize>) -> (TempDir, Summary) {
    let tmp = tempfile::tempdir().unwrap();
    let mut opts = Options::new(scale, months, tmp.path().join("content"));
    opts.provinces = provinces;
    let summary = generator::generate(&opts).expect("synth writes its content");
    (tmp, summary)
}

/// Loads with no error and no warning, and holds what was generated.
fn load_clean(dir: &Path, s: &Summary) -> Model {
    let Loaded { model, diagnostics } = load(dir);
    assert!(
        !diagnostics.has_errors() && diagnostics.warning_count() == 0,
        "synthetic content has diagnostics:\n{diagnostics}"
    );
    let model = model.expect("a model");
    assert_eq!(model.units.len(), s.units, "units");
    assert_eq!(model.dispatches.len(), s.dispatches, "dispatches");
    assert_eq!(model.figures.len(), s.figures, "figures");
    model
}

/// Builds in memory; every unit and dispatch has its page. Returns the
/// province's page.
fn builds(dir: &Path, model: &Model) -> String {
    let (site, _) = render(&BuildOptions {
        content: dir.to_path_buf(),
        output: dir.with_file_name("output"),
        base_path: None,
    })
    .unwrap_or_else(|e| panic!("the synthetic site does not build: {e}"));
    for u in &model.units {
        let page = format!("don-vi/{}/index.html", u.id());
        assert!(site.files.contains_key(&page), "no page {page}");
    }
    for d in &model.dispatches {
        let page = format!("van-ban/{}/index.html", d.slug);
        assert!(site.files.contains_key(&page), "no page {page}");
    }
    let province = format!("don-vi/{}/index.html", model.site.province);
    site.files
        .get(&province)
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .unwrap_or_default()
}

#[test]
fn province_scale_validates_and_builds_across_the_2025_changes() {
    let (tmp, s) = generate(Scale::Province, 6, None);
    // 2025-03 – 2025-08: the departments' merger and the end of districts.
    assert_eq!((s.first, s.last), (Ym::new(2025, 3), Ym::new(2025, 8)));
    let dir = tmp.path().join("content");
    let model = load_clean(&dir, &s);
    assert!(
        (120..=140).contains(&model.units.len()),
        "{}",
        model.units.len()
    );
    assert_eq!(s.dispatches, 7, "a directive and six months");
    // Units are used only while they exist: districts until 06/2025 with
    // successors, new communes from 07/2025.
    let an_thi = model.unit("an-thi").expect("a district");
    assert!(!an_thi.entry.successors.is_empty());
    for succ in &an_thi.entry.successors {
        let c = model.unit(succ).expect("successor");
        assert!(c.entry.valid_from.is_some());
        let months: Vec<_> = model
            .figures_of_unit(succ)
            .iter()
            .map(|f| f.period.to_string())
            .collect();
        assert!(
            months.iter().all(|m| m.as_str() >= "2025-07"),
            "{succ}: {months:?}"
        );
    }
    assert!(model
        .figures_of_unit("so-ke-hoach-va-dau-tu")
        .iter()
        .all(|f| f.period.to_string().as_str() <= "2025-02"));
    let page = builds(&dir, &model);
    // The province's rank over time, 1 at the top: among 63 until 06/2025
    // and among 34 after, two lines that are never joined.
    let start = page
        .find("id=\"hang-tong-diem-title\"")
        .expect("a rank chart");
    let chart = &page[start..start + page[start..].find("</svg>").unwrap_or(0)];
    for legend in [">Hạng trên 34<", ">Hạng trên 63<"] {
        assert!(chart.contains(legend), "no {legend} in the rank chart");
    }
    for series in ["chart-point chart-s1", "chart-point chart-s2"] {
        assert!(chart.contains(series), "no {series}");
    }
}

#[test]
fn national_scale_validates_with_all_34_provinces() {
    let (tmp, s) = generate(Scale::National, 2, None);
    let model = load_clean(&tmp.path().join("content"), &s);
    let kinds = |k: &[&str]| {
        model
            .units
            .iter()
            .filter(|u| {
                let kind = serde_json::to_value(u.entry.kind).unwrap();
                k.contains(&kind.as_str().unwrap())
            })
            .count()
    };
    assert_eq!(kinds(&["province"]), 34);
    assert_eq!(kinds(&["commune", "ward"]), 3321);
    assert!((3900..=4200).contains(&model.units.len()));
    assert_eq!(
        s.dispatches,
        34 * 3,
        "a directive and two months a province"
    );
}

#[test]
fn national_scale_builds_for_three_provinces() {
    let (tmp, s) = generate(Scale::National, 3, Some(3));
    let dir = tmp.path().join("content");
    let model = load_clean(&dir, &s);
    assert_eq!(s.provinces, 3);
    builds(&dir, &model);
}

#[test]
fn the_same_seed_gives_the_same_files() {
    let (a, _) = generate(Scale::Province, 2, None);
    let (b, _) = generate(Scale::Province, 2, None);
    let read = |t: &TempDir| {
        let mut files = Vec::new();
        for e in walkdir::WalkDir::new(t.path()).sort_by_file_name() {
            let e = e.unwrap();
            if e.file_type().is_file() {
                let rel = e.path().strip_prefix(t.path()).unwrap().to_path_buf();
                files.push((rel, std::fs::read(e.path()).unwrap()));
            }
        }
        files
    };
    assert_eq!(read(&a), read(&b));
}
