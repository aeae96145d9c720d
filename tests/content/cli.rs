//! `congkhai check`, run as a process: its exit code, its summary, and an
//! error for each bad edit printed as `file:line:` with a hint.

use crate::real_content::model;
use crate::support::api::load;
use crate::support::*;
use std::process::Command;

fn check(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(bin())
        .env("CONGKHAI_LANG", "en")
        .arg("check")
        .args(args)
        .output()
        .expect("run congkhai");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn binary_accepts_the_real_content_with_a_summary() {
    let dir = real_content();
    let (code, stdout, stderr) = check(&["--content", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let summary: Vec<&str> = stdout.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(summary.len(), 1, "one summary line: {stdout}");
    let line = summary[0];
    let m = model();
    for part in [
        format!("{} dispatches", m.dispatches.len()),
        format!("{} units", m.units.len()),
        format!("{} figures", m.figures.len()),
        "warnings".to_string(),
    ] {
        assert!(line.contains(&part), "`{part}` missing from: {line}");
    }
}

/// A bad key, a score over its maximum, a percent over 100 and a count
/// written with a thousands dot: each refused with `file:line:` and a hint.
#[test]
fn binary_refuses_each_bad_edit_at_its_line_with_a_hint() {
    type Edit = fn(&Fixture) -> (&'static str, usize);
    let edits: [(&str, Edit); 4] = [
        ("bogus: 1 appended", |fx| {
            (FEB_2023, fx.append(FEB_2023, "bogus: 1\n"))
        }),
        ("a score of 155,02", |fx| {
            (
                FEB_2023,
                fx.replace(FEB_2023, "total: 55,02", "total: 155,02"),
            )
        }),
        ("a percent of 446", |fx| {
            (
                OCT_2023,
                fx.replace(OCT_2023, "          - 44,6\n", "          - 446\n"),
            )
        }),
        ("a count of 1.038", |fx| {
            (
                OCT_2023,
                fx.replace(OCT_2023, "          - 1038\n", "          - 1.038\n"),
            )
        }),
    ];
    for (what, edit) in edits {
        let fx = Fixture::real();
        let (rel, line) = edit(&fx);
        let (code, stdout, stderr) = check(&["--content", fx.content().to_str().unwrap()]);
        assert_eq!(code, 1, "{what}: {stdout}{stderr}");
        let at = format!("{}:{line}:", fx.path(rel).display());
        assert!(
            stderr
                .lines()
                .any(|l| l.starts_with(&at) && l.contains("error")),
            "{what}: no error at `{at}` in:\n{stderr}"
        );
        assert!(stderr.contains("help:"), "{what}: no hint:\n{stderr}");
        assert!(
            stderr.lines().last().unwrap_or("").contains("1 error"),
            "{what}:\n{stderr}"
        );
    }
}

#[test]
fn binary_warnings_pass_unless_denied() {
    let fx = Fixture::real();
    let line = fx.replace(
        OCT_2023,
        "          - 5,63\n        status: Chưa hoàn thành",
        "          - 5,63\n        status: Hoàn thành",
    ) + 1;
    let dir = fx.content().to_str().unwrap().to_string();
    let (code, stdout, stderr) = check(&["--content", &dir]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let at = format!("{}:{line}:", fx.path(OCT_2023).display());
    assert!(
        stderr
            .lines()
            .any(|l| l.starts_with(&at) && l.contains("warning")),
        "{stderr}"
    );
    let baseline = load(&real_content()).diagnostics.warning_count();
    assert!(
        stdout.contains(&format!("{} warnings", baseline + 1)),
        "{stdout}"
    );

    let (code, stdout, stderr) = check(&["--content", &dir, "--deny-warnings"]);
    assert_eq!(code, 1, "{stdout}{stderr}");
}

#[test]
fn binary_reports_every_error_of_every_file() {
    let fx = Fixture::real();
    let l1 = fx.replace(FEB_2023, "total: 55,02", "total: 155,02");
    let l2 = fx.replace(OCT_2023, "          - 44,6\n", "          - 446\n");
    let l3 = fx.replace(OCT_2023, "          - 1038\n", "          - 1.038\n");
    let (code, _, stderr) = check(&["--content", fx.content().to_str().unwrap()]);
    assert_eq!(code, 1);
    for (rel, line) in [(FEB_2023, l1), (OCT_2023, l2), (OCT_2023, l3)] {
        let at = format!("{}:{line}:", fx.path(rel).display());
        assert!(stderr.contains(&at), "no `{at}` in:\n{stderr}");
    }
    assert!(stderr.contains("failed: 3 errors"), "{stderr}");
}

#[test]
fn binary_does_not_panic_on_a_missing_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let (code, _, stderr) = check(&["--content", tmp.path().join("nope").to_str().unwrap()]);
    assert_eq!(code, 1, "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.contains("site.yaml"), "{stderr}");
}

/// A link in a dispatch's text to a page the site does not have: the
/// content reads fine, but a build would fail its link check, so `check`
/// fails too, saying so.
#[test]
fn check_fails_where_build_would_fail() {
    let fx = Fixture::real();
    fx.append(
        FEB_2023,
        "\n  Xem [kết quả tháng trước](../../thang/2023-01/).\n",
    );
    let content = fx.content().to_str().unwrap().to_string();
    let (code, stdout, stderr) = check(&["--content", &content]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stderr.contains("thang/2023-01"), "{stderr}");
    assert!(stderr.contains("a build would fail"), "{stderr}");
    let build = run_build(fx.content(), &fx.scratch("out"), &["--quiet"]);
    assert!(!build.status.success(), "{}", describe(&build));
}

#[test]
fn a_base_path_on_the_command_line_is_checked_like_site_yaml() {
    let fx = Fixture::real();
    for bad in ["../../x", "/a/../b/", "/a b/"] {
        let out = fx.scratch("out");
        let run = run_build(fx.content(), &out, &["--base-path", bad]);
        let err = String::from_utf8_lossy(&run.stderr);
        assert!(!run.status.success(), "{bad}: {}", describe(&run));
        assert!(
            err.contains("is not a sub-path") && err.contains("help:"),
            "{err}"
        );
        assert!(!out.exists(), "nothing written for {bad}");
    }
    let run = run_build(
        fx.content(),
        &fx.scratch("ok"),
        &["--base-path", "cong-khai"],
    );
    assert!(run.status.success(), "{}", describe(&run));
}
