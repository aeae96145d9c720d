//! The shipped content, and editable copies of it: every fixture is the real
//! content with a few edits, so that it stays in sync with what ships.

use super::api::{load, Loaded};
use super::files::read_text;
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

// ---- paths ------------------------------------------------------------------

/// The repository (the package's folder).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shipped content folder.
pub fn real_content() -> PathBuf {
    repo().join("content")
}

/// Standalone fixture files.
#[allow(dead_code)] // used by the content tests only
pub fn fixtures() -> PathBuf {
    repo().join("tests/fixtures")
}

/// The `congkhai` binary built for these tests.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_congkhai")
}

/// The seed dispatches, relative to the content folder.
pub const FEB_2023: &str = "dispatches/2023/2023-02-vpub.yaml";
pub const OCT_2023: &str = "dispatches/2023/2023-10-vpub.yaml";
pub const NOV_2023_MY_HAO: &str = "dispatches/2023/2023-11-vp-my-hao.yaml";
pub const MAR_2025: &str = "dispatches/2025/2025-03-vpub.yaml";
#[allow(dead_code)] // used by the content tests only
pub const DIRECTIVE_2022: &str = "dispatches/2022/2022-07-ubnd-1846.yaml";

pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

// ---- an editable copy of the content ------------------------------------------

/// `<tmp>/site/content/`, a copy of the real content, with `<tmp>/site/` as
/// the site root (where `templates/`, `static/` and `themes/` may be added)
/// and the rest of `<tmp>/` free for outputs ([`Fixture::scratch`]).
pub struct Fixture {
    #[allow(dead_code)] // read by the site tests only; kept alive by all
    tmp: TempDir,
    #[allow(dead_code)] // read by the site tests only
    root: PathBuf,
    content: PathBuf,
}

impl Fixture {
    /// A copy of the real `content/`.
    pub fn real() -> Fixture {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        let content = root.join("content");
        copy_dir(&real_content(), &content);
        Fixture { tmp, root, content }
    }

    /// The content folder.
    pub fn content(&self) -> &Path {
        &self.content
    }

    /// A path inside the content folder.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.content.join(rel)
    }

    pub fn read(&self, rel: &str) -> String {
        read_text(&self.content, rel)
    }

    pub fn write(&self, rel: &str, text: &str) {
        let path = self.path(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    pub fn remove(&self, rel: &str) {
        fs::remove_file(self.path(rel)).unwrap();
    }

    /// Replace `from`, which must occur exactly once in the file, by `to`.
    /// Returns the 1-based line where `to` starts.
    pub fn replace(&self, rel: &str, from: &str, to: &str) -> usize {
        let text = self.read(rel);
        let n = text.matches(from).count();
        assert_eq!(
            n, 1,
            "`{from}` occurs {n} times in {rel}; a fixture edit needs a unique anchor"
        );
        let at = text.find(from).unwrap();
        self.write(rel, &text.replacen(from, to, 1));
        line_at(&text, at)
    }

    /// Append `tail` (which should end with a newline) to the file.
    /// Returns the 1-based line of its first line.
    pub fn append(&self, rel: &str, tail: &str) -> usize {
        let mut text = self.read(rel);
        if !text.ends_with('\n') {
            text.push('\n');
        }
        let line = text.lines().count() + 1;
        text.push_str(tail);
        self.write(rel, &text);
        line
    }

    /// The content loaded by the library.
    pub fn load(&self) -> Loaded {
        load(&self.content)
    }
}

/// What the loader's tests need besides (the site tests do not).
#[allow(dead_code)]
impl Fixture {
    /// The catalog of the real content (site, units, indicators) with the
    /// given dispatch files only (paths relative to `content/`).
    pub fn with_dispatches(keep: &[&str]) -> Fixture {
        let f = Fixture::real();
        fs::remove_dir_all(f.content.join("dispatches")).unwrap();
        for rel in keep {
            let to = f.path(rel);
            fs::create_dir_all(to.parent().unwrap()).unwrap();
            fs::copy(real_content().join(rel), to).unwrap();
        }
        f
    }

    /// The 1-based line of `needle`, which must occur exactly once.
    pub fn line_of(&self, rel: &str, needle: &str) -> usize {
        let text = self.read(rel);
        assert_eq!(
            text.matches(needle).count(),
            1,
            "`{needle}` must occur once in {rel}"
        );
        line_at(&text, text.find(needle).unwrap())
    }
}

/// What the site's tests need besides: a site root beside the content, and
/// outputs beside the site (the loader's tests need neither).
#[allow(dead_code)]
impl Fixture {
    /// The temporary folder that holds the site and any output.
    pub fn tmp(&self) -> &Path {
        self.tmp.path()
    }

    /// A path inside the temporary folder, beside the site (for outputs).
    pub fn scratch(&self, name: &str) -> PathBuf {
        self.tmp.path().join(name)
    }

    /// A file in the site root (`templates/base.html`, `static/style.css`…).
    pub fn write_root(&self, rel: &str, bytes: &[u8]) {
        let path = self.root.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
}

/// The tables fixture (made-up figures, `tests/fixtures/tables/`): its
/// dispatches, relative to the content folder.
pub const LEAGUE_2025_09: &str = "dispatches/2025/2025-09-xep-hang-tinh.yaml";
pub const UNITS_2025_09: &str = "dispatches/2025/2025-09-vpub.yaml";
pub const DRILL_2025_09: &str = "dispatches/2025/2025-09-chi-tiet-cong-dvc.yaml";

#[allow(dead_code)]
impl Fixture {
    /// The real content with the tables fixture: other provinces and the
    /// country, made-up communes, a league table of provinces, a dispatch
    /// with index points per department and commune, the portal's
    /// drill-down. Ranks among peers are written out of the units in force
    /// in 9/2025 as units.yaml lists them (`{SO}`, `{XA}` in the files).
    pub fn tables() -> Fixture {
        let fx = Fixture::real();
        let dir = fixtures().join("tables");
        fx.append("units.yaml", &read_text(&dir, "units.yaml"));
        let model = fx.load().model.expect("the fixture's units load");
        let (from, to) = ("2025-09-01", "2025-09-30");
        let in_force = |kinds: &[&str]| {
            model
                .units
                .iter()
                .filter(|u| u.entry.parent.as_deref() == Some("hung-yen"))
                .filter(|u| {
                    let kind = serde_yaml::to_string(&u.entry.kind).unwrap();
                    kinds.contains(&kind.trim())
                })
                .filter(|u| {
                    u.entry
                        .valid_from
                        .is_none_or(|f| f.to_string().as_str() <= to)
                })
                .filter(|u| {
                    u.entry
                        .valid_to
                        .is_none_or(|t| t.to_string().as_str() >= from)
                })
                .count()
        };
        let so = in_force(&["department", "board"]);
        let xa = in_force(&["commune", "ward"]);
        for rel in [LEAGUE_2025_09, UNITS_2025_09, DRILL_2025_09] {
            let text = read_text(&dir, rel)
                .replace("{SOLAST}", &so.to_string())
                .replace("{SO}", &so.to_string())
                .replace("{XA}", &xa.to_string());
            fx.write(rel, &text);
        }
        fx
    }
}

fn line_at(text: &str, byte: usize) -> usize {
    text[..byte].matches('\n').count() + 1
}

/// `congkhai ARGS… --content <the fixture's content>`, run as a process:
/// whether it succeeded, and what it printed (standard output, then error).
#[allow(dead_code)] // used by the content tests only
pub fn congkhai_on<I, S>(fx: &Fixture, args: I) -> (bool, String)
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let out = std::process::Command::new(bin())
        .env("CONGKHAI_LANG", "en")
        .args(args)
        .arg("--content")
        .arg(fx.content())
        .output()
        .expect("running the congkhai binary");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}
