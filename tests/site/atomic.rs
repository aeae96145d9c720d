//! Builds are deterministic and atomic: a second build is byte-identical,
//! broken content leaves the previous output untouched, and a good rebuild
//! removes the files no longer produced.

use crate::support::api::SiteError;
use crate::support::*;
use std::collections::BTreeSet;
use std::fs;

#[test]
fn a_second_build_is_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b, c) = (
        tmp.path().join("a"),
        tmp.path().join("b"),
        tmp.path().join("c"),
    );
    build(&real_content(), &a).unwrap_or_else(|e| panic!("{e}"));
    build(&real_content(), &b).unwrap_or_else(|e| panic!("{e}"));
    // A separate process too: hash seeds and thread scheduling differ.
    let run = run_build(&real_content(), &c, &["--quiet"]);
    assert!(run.status.success(), "{}", describe(&run));
    let (sa, sb, sc) = (snapshot(&a), snapshot(&b), snapshot(&c));
    assert!(sa.len() > 50, "{} files", sa.len());
    if let Some(d) = first_difference(&sa, &sb) {
        panic!("two builds in one process differ: {d}");
    }
    if let Some(d) = first_difference(&sa, &sc) {
        panic!("the library build and the binary's build differ: {d}");
    }
}

#[test]
fn broken_content_leaves_the_previous_output_untouched() {
    let fx = Fixture::real();
    let out = fx.scratch("out");
    build(fx.content(), &out).unwrap_or_else(|e| panic!("{e}"));
    let before = snapshot(&out);
    let around = tree(fx.tmp());
    // Sở Tư pháp's 44,6% mistyped as 446%.
    fx.replace(OCT_2023, "          - 44,6\n", "          - 446\n");

    let err = build(fx.content(), &out).expect_err("a percent of 446 must fail the build");
    assert!(matches!(err, SiteError::Content(_)), "{err}");
    if let Some(d) = first_difference(&before, &snapshot(&out)) {
        panic!("the library build changed the output: {d}");
    }
    // The same through the command line.
    let run = run_build(fx.content(), &out, &[]);
    assert!(!run.status.success(), "{}", describe(&run));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("2023-10-vpub.yaml"),
        "the error names the file:\n{stderr}"
    );
    if let Some(d) = first_difference(&before, &snapshot(&out)) {
        panic!("the binary changed the output: {d}");
    }
    // Nothing left beside it (staging folders) either.
    assert_eq!(tree(fx.tmp()), around);
}

#[test]
fn files_no_longer_produced_disappear_on_a_good_rebuild() {
    let fx = Fixture::real();
    let out = fx.scratch("out");
    build(fx.content(), &out).unwrap_or_else(|e| panic!("{e}"));
    let first = snapshot(&out);
    fs::write(out.join("stray.html"), "old").unwrap();
    fs::create_dir_all(out.join("don-vi/da-xoa")).unwrap();
    fs::write(out.join("don-vi/da-xoa/index.html"), "old").unwrap();
    // Drop one dispatch: its pages must go too.
    fs::remove_file(fx.path("dispatches/2023/2023-11-vp-my-hao.yaml")).unwrap();
    build(fx.content(), &out).unwrap_or_else(|e| panic!("{e}"));
    assert!(!out.join("stray.html").exists());
    assert!(!out.join("don-vi/da-xoa").exists());
    assert!(!out.join("van-ban/2023-11-vp-my-hao").exists());
    assert!(!out.join("thang/2023-11").exists());
    // What the rebuild wrote is exactly what a fresh build writes.
    let fresh = fx.scratch("fresh");
    build(fx.content(), &fresh).unwrap_or_else(|e| panic!("{e}"));
    if let Some(d) = first_difference(&snapshot(&fresh), &snapshot(&out)) {
        panic!("a rebuild over an old output differs from a fresh build: {d}");
    }
    assert_ne!(first.len(), snapshot(&out).len());
    // Only `site/`, `out/` and `fresh/` beside each other.
    let top: BTreeSet<String> = tree(fx.tmp())
        .into_iter()
        .filter(|p| !p.contains('/'))
        .collect();
    assert_eq!(
        top,
        BTreeSet::from(["fresh".to_string(), "out".to_string(), "site".to_string()])
    );
}
