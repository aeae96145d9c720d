//! The output guard and the faults a build must survive: `build` replaces
//! only its own output, never the content or an unrelated folder; builds
//! killed at any point, run side by side, or stopped by a full or
//! read-only disk leave the previous site whole and nothing beside it once
//! the next build has run.

use crate::support::*;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// `congkhai build` into `out`; the process output.
fn build_into(content: &Path, out: &Path) -> std::process::Output {
    run_build(content, out, &["--quiet"])
}

/// What stands beside `out` in its parent folder, other than `out` itself
/// and the content copy: what a build may have left behind.
fn beside(out: &Path) -> Vec<String> {
    let name = out.file_name().unwrap().to_string_lossy().to_string();
    let mut found: Vec<String> = fs::read_dir(out.parent().unwrap())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with(&format!(".{name}.")))
        .collect();
    found.sort();
    found
}

fn assert_refused(run: &std::process::Output, reason: &str) {
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(
        !run.status.success(),
        "the build must be refused\n{}",
        describe(run)
    );
    assert!(err.contains("refusing to replace"), "{}", describe(run));
    assert!(
        err.contains(reason),
        "expected `{reason}`\n{}",
        describe(run)
    );
    assert!(err.contains("help:"), "a hint\n{}", describe(run));
    assert!(err.contains("is unchanged"), "{}", describe(run));
}

#[test]
fn the_content_folder_and_folders_around_it_are_refused() {
    let fx = Fixture::real();
    let before = snapshot(fx.tmp());
    let content = fx.content();
    let cases = [
        (content.to_path_buf(), "it holds the content folder"),
        (fx.tmp().to_path_buf(), "it holds the content folder"),
        (
            content.join("dispatches"),
            "it is inside the content folder",
        ),
        (
            content.join("new-output"),
            "it is inside the content folder",
        ),
        (content.join("../content/./"), "it holds the content folder"),
    ];
    for (out, reason) in cases {
        assert_refused(&build_into(content, &out), reason);
    }
    assert!(snapshot(fx.tmp()) == before, "nothing was touched");
}

#[test]
fn the_current_folder_and_its_parents_are_refused() {
    let fx = Fixture::real();
    let cwd = fx.scratch("work/here");
    fs::create_dir_all(&cwd).unwrap();
    fs::write(cwd.join("notes.txt"), "mine").unwrap();
    let cases = [
        (".", "the current folder or a folder above it"),
        ("..", "the current folder or a folder above it"),
        ("../..", "it holds the content folder"),
    ];
    for (out, reason) in cases {
        let run = Command::new(bin())
            .env("CONGKHAI_LANG", "en")
            .current_dir(&cwd)
            .args(["build", "--quiet", "--output", out, "--content"])
            .arg(fx.content())
            .output()
            .unwrap();
        assert_refused(&run, reason);
    }
    assert_eq!(fs::read_to_string(cwd.join("notes.txt")).unwrap(), "mine");
}

#[test]
fn an_unrelated_folder_a_file_and_a_link_are_refused() {
    let fx = Fixture::real();
    let photos = fx.scratch("photos");
    fs::create_dir_all(&photos).unwrap();
    fs::write(photos.join("a.jpg"), b"jpeg").unwrap();
    assert_refused(
        &build_into(fx.content(), &photos),
        "was not built by congkhai",
    );
    assert_eq!(fs::read(photos.join("a.jpg")).unwrap(), b"jpeg");

    let file = fx.scratch("file.txt");
    fs::write(&file, "text").unwrap();
    assert_refused(&build_into(fx.content(), &file), "it is a file");
    assert_eq!(fs::read_to_string(&file).unwrap(), "text");

    let real = fx.scratch("real-out");
    assert!(build_into(fx.content(), &real).status.success());
    let link = fx.scratch("link-out");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    assert_refused(&build_into(fx.content(), &link), "symbolic link");
}

#[test]
fn missing_empty_and_earlier_outputs_are_replaced() {
    let fx = Fixture::real();
    let out = fx.scratch("deep/new/out");
    let run = build_into(fx.content(), &out);
    assert!(run.status.success(), "{}", describe(&run));
    let marker = fs::read_to_string(out.join(".congkhai-output")).unwrap();
    assert!(marker.contains("congkhai build"), "{marker}");
    // An earlier output (it has the marker) is replaced, extra files and all.
    fs::write(out.join("stray.html"), "old").unwrap();
    assert!(build_into(fx.content(), &out).status.success());
    assert!(!out.join("stray.html").exists());
    let empty = fx.scratch("empty");
    fs::create_dir_all(&empty).unwrap();
    assert!(build_into(fx.content(), &empty).status.success());
    assert!(empty.join("index.html").is_file());
    assert!(beside(&out).is_empty() && beside(&empty).is_empty());
}

#[test]
fn what_killed_builds_left_is_cleaned_by_the_next_build() {
    let fx = Fixture::real();
    let out = fx.scratch("out");
    assert!(build_into(fx.content(), &out).status.success());
    // A PID no process has (Linux caps them at 2^22).
    for left in [".out.new-99999999", ".out.old-99999998"] {
        fs::create_dir_all(fx.scratch(left).join("don-vi")).unwrap();
    }
    fs::write(fx.scratch(".out.lock"), "99999999").unwrap();
    let run = build_into(fx.content(), &out);
    assert!(
        run.status.success(),
        "a stale lock is taken over\n{}",
        describe(&run)
    );
    assert_eq!(beside(&out), Vec::<String>::new());
}

#[test]
fn a_build_in_progress_keeps_a_second_one_out() {
    let fx = Fixture::real();
    let out = fx.scratch("out");
    assert!(build_into(fx.content(), &out).status.success());
    // A live process holds the lock: this test's own.
    fs::write(fx.scratch(".out.lock"), std::process::id().to_string()).unwrap();
    let run = build_into(fx.content(), &out);
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success(), "{}", describe(&run));
    assert!(
        err.contains("another build") && err.contains("is unchanged"),
        "{err}"
    );
    fs::remove_file(fx.scratch(".out.lock")).unwrap();
}

/// A build killed at random points, again and again: each time the output
/// is the complete previous site, and the next build leaves nothing beside it.
#[test]
fn builds_killed_at_random_points_leave_the_previous_site_whole() {
    let fx = Fixture::real();
    let out = fx.scratch("out");
    assert!(build_into(fx.content(), &out).status.success());
    let site = snapshot(&out);
    let started = Instant::now();
    assert!(build_into(fx.content(), &out).status.success());
    let full = started.elapsed().as_micros().max(1000) as u64;
    // A fixed sequence of delays across the whole build.
    let mut seed: u64 = 766;
    let mut killed_while_running = 0;
    for _ in 0..50 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let delay = Duration::from_micros((seed >> 33) % (full * 12 / 10));
        let mut child = Command::new(bin())
            .env("CONGKHAI_LANG", "en")
            .args(["build", "--quiet", "--content"])
            .arg(fx.content())
            .arg("--output")
            .arg(&out)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        if child.try_wait().unwrap().is_none() {
            killed_while_running += 1;
        }
        let _ = child.kill();
        let _ = child.wait();
        assert!(
            snapshot(&out) == site,
            "the output is whole after a kill at {delay:?}"
        );
    }
    assert!(
        killed_while_running >= 10,
        "only {killed_while_running} kills hit a running build"
    );
    let run = build_into(fx.content(), &out);
    assert!(run.status.success(), "{}", describe(&run));
    assert_eq!(beside(&out), Vec::<String>::new());
    assert!(snapshot(&out) == site);
}

#[test]
fn builds_run_side_by_side_into_one_folder_never_mix() {
    let fx = Fixture::real();
    let out = fx.scratch("out");
    assert!(build_into(fx.content(), &out).status.success());
    let site = snapshot(&out);
    let children: Vec<_> = (0..6)
        .map(|_| {
            Command::new(bin())
                .env("CONGKHAI_LANG", "en")
                .args(["build", "--quiet", "--content"])
                .arg(fx.content())
                .arg("--output")
                .arg(&out)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut succeeded = 0;
    for child in children {
        let run = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&run.stderr);
        if run.status.success() {
            succeeded += 1;
        } else {
            assert!(err.contains("another build"), "{err}");
        }
    }
    assert!(succeeded >= 1);
    assert!(snapshot(&out) == site);
    assert_eq!(beside(&out), Vec::<String>::new());
}

/// A tmpfs of `size` mounted on `dir` for the test's length (root only).
struct Mount(std::path::PathBuf);

impl Mount {
    fn tmpfs(dir: &Path, options: &str) -> Option<Mount> {
        fs::create_dir_all(dir).unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", options, "tmpfs"])
            .arg(dir)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| Mount(dir.to_path_buf()))
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// Whether this process may mount file systems: root on Linux. The disk
/// tests need it; as another user they say so and pass.
fn may_mount() -> bool {
    let root = fs::read_to_string("/proc/self/status").is_ok_and(|s| {
        s.lines()
            .any(|l| l.starts_with("Uid:") && l.split_whitespace().nth(1) == Some("0"))
    });
    if !root {
        eprintln!("not root: the disk tests are not run");
    }
    root
}

/// The 4 KiB blocks a folder takes on a tmpfs: each file's, rounded up,
/// and one per folder.
fn walk_blocks(dir: &Path) -> u64 {
    let mut blocks = 1;
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let meta = entry.metadata().unwrap();
        blocks += if meta.is_dir() {
            walk_blocks(&entry.path())
        } else {
            meta.len().div_ceil(4096).max(1)
        };
    }
    blocks
}

fn tree_of(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    snapshot(dir)
}

#[test]
fn a_full_disk_fails_the_build_and_keeps_the_previous_site() {
    if !may_mount() {
        return;
    }
    let fx = Fixture::real();
    // Room for one site but not for a second one beside it: the site's
    // size in whole 4 KiB blocks (files and folders), and half again.
    let measured = fx.scratch("measured");
    assert!(build_into(fx.content(), &measured).status.success());
    let blocks: u64 = walk_blocks(&measured);
    let disk = fx.scratch("disk");
    let size = format!("size={}k", blocks * 4 * 3 / 2);
    let Some(_mount) = Mount::tmpfs(&disk, &size) else {
        panic!("as root, a tmpfs must mount");
    };
    let out = disk.join("out");
    let first = build_into(fx.content(), &out);
    assert!(first.status.success(), "{}", describe(&first));
    let site = tree_of(&out);
    let run = build_into(fx.content(), &out);
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success(), "{}", describe(&run));
    assert!(
        err.contains("No space left") || err.contains("space"),
        "{err}"
    );
    assert!(err.contains("is unchanged"), "{err}");
    assert!(tree_of(&out) == site, "the previous site is whole");
    assert_eq!(
        beside(&out),
        Vec::<String>::new(),
        "the partial copy is gone"
    );
}

#[test]
fn a_read_only_disk_fails_the_build_and_keeps_the_previous_site() {
    if !may_mount() {
        return;
    }
    let fx = Fixture::real();
    let disk = fx.scratch("ro");
    let Some(_mount) = Mount::tmpfs(&disk, "size=8m") else {
        panic!("as root, a tmpfs must mount");
    };
    let out = disk.join("out");
    assert!(build_into(fx.content(), &out).status.success());
    let site = tree_of(&out);
    let remount = Command::new("mount")
        .args(["-o", "remount,ro"])
        .arg(&disk)
        .status()
        .unwrap();
    assert!(remount.success());
    let run = build_into(fx.content(), &out);
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success(), "{}", describe(&run));
    assert!(err.contains("Read-only"), "{err}");
    assert!(err.contains("is unchanged"), "{err}");
    assert!(tree_of(&out) == site);
}
