//! Writing the site atomically, and only where it is safe to.
//!
//! A build writes into a fresh folder beside the output (`.NAME.new-PID`),
//! then swaps it in: on Linux in one step (the two folders are exchanged,
//! so the output always exists, old or new), elsewhere by two renames. A
//! failed build leaves the previous site as it was. A lock file
//! (`.NAME.lock`) keeps two builds out of one folder, and what a killed
//! build left beside the output is removed by the next one.
//!
//! The guard: a build replaces only a folder that is missing, empty, or
//! marked as an earlier output (the [`MARKER`] file every build writes). It
//! never replaces the content folder, a folder holding it or inside it, the
//! current folder or one above it.

use super::SiteError;
use crate::lang::Text;
use crate::tr;
use std::path::{Component, Path, PathBuf};

/// The file every build writes at the root of its output: what tells a
/// later build that the folder is its own to replace.
pub const MARKER: &str = ".congkhai-output";
const MARKER_TEXT: &str = "This folder is the output of `congkhai build`.\n\
                           The next build replaces it whole: do not keep anything else in it.\n";

/// Reject any path that could leave the output folder.
pub fn safe_relative(path: &str) -> Result<PathBuf, SiteError> {
    let p = Path::new(path);
    let ok = !path.is_empty()
        && !path.contains('\\')
        && p.components().all(|c| matches!(c, Component::Normal(_)));
    if ok {
        Ok(p.to_path_buf())
    } else {
        Err(SiteError::UnsafePath(path.to_string()))
    }
}

/// A fresh folder beside the output, into which a build writes; removed,
/// with the lock, when dropped before [`commit`].
pub struct Staging {
    pub dir: PathBuf,
    output: PathBuf,
    retired: PathBuf,
    lock: PathBuf,
    done: bool,
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.done {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
        let _ = std::fs::remove_file(&self.lock);
    }
}

/// An I/O error on `path`, as a site error.
pub(crate) fn io(path: &Path) -> impl FnOnce(std::io::Error) -> SiteError + '_ {
    move |source| SiteError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// `path` made absolute and normalized (`.` and `..` resolved by name),
/// with the symbolic links of its existing part resolved.
fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    // Resolve links in the longest part that exists.
    let mut existing = out.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match existing.file_name() {
            Some(name) => rest.push(name.to_os_string()),
            None => break,
        }
        existing.pop();
    }
    let mut resolved = std::fs::canonicalize(&existing).unwrap_or(existing);
    for name in rest.into_iter().rev() {
        resolved.push(name);
    }
    resolved
}

/// Why `output` may not be replaced, if it may not; `content` is the
/// content folder of the build.
pub fn refusal(output: &Path, content: &Path) -> Option<SiteError> {
    let refuse = |reason: Text, hint: Text| {
        Some(SiteError::OutputRefused {
            output: output.to_path_buf(),
            reason,
            hint,
        })
    };
    let empty_folder = || {
        tr!(
            "chọn một thư mục mới hoặc trống, ví dụ --output output",
            "name a new or empty folder, e.g. --output output"
        )
    };
    // The output folder is replaced by a rename, so a link is not followed.
    if std::fs::symlink_metadata(output).is_ok_and(|m| m.file_type().is_symlink()) {
        return refuse(
            tr!("đó là một lối tắt (liên kết)", "it is a symbolic link"),
            tr!(
                "chỉ chính thư mục đó, không chỉ lối tắt đến nó",
                "name the folder itself, not a link to it"
            ),
        );
    }
    let target = absolute(output);
    let content = absolute(content);
    if target.parent().is_none() {
        return refuse(
            tr!(
                "đó là thư mục gốc của ổ đĩa",
                "it is the root of the file system"
            ),
            empty_folder(),
        );
    }
    if target == content || content.starts_with(&target) {
        return refuse(
            tr!("nó chứa thư mục nội dung", "it holds the content folder"),
            empty_folder(),
        );
    }
    if target.starts_with(&content) {
        return refuse(
            tr!(
                "nó nằm trong thư mục nội dung",
                "it is inside the content folder"
            ),
            empty_folder(),
        );
    }
    let cwd = absolute(Path::new("."));
    if cwd.starts_with(&target) {
        return refuse(
            tr!(
                "đó là thư mục hiện tại hoặc một thư mục cha của nó",
                "it is the current folder or a folder above it"
            ),
            empty_folder(),
        );
    }
    let home = std::env::var_os("HOME").map(|h| absolute(Path::new(&h)));
    if home.is_some_and(|h| h == target) {
        return refuse(
            tr!("đó là thư mục cá nhân (home)", "it is the home folder"),
            empty_folder(),
        );
    }
    let meta = match std::fs::metadata(&target) {
        Err(_) => return None,
        Ok(meta) => meta,
    };
    if !meta.is_dir() {
        return refuse(
            tr!(
                "đó là một tệp, không phải thư mục",
                "it is a file, not a folder"
            ),
            empty_folder(),
        );
    }
    let empty = std::fs::read_dir(&target).is_ok_and(|mut d| d.next().is_none());
    if empty || target.join(MARKER).is_file() {
        return None;
    }
    refuse(
        tr!(
            "thư mục không trống và không do congkhai tạo ra (không có tệp {MARKER})",
            "it is not empty and was not built by congkhai (it has no {MARKER} file)"
        ),
        tr!(
            "chọn một thư mục mới hoặc trống; nếu đó là bản dựng cũ của congkhai thì xoá nó trước",
            "name a new or empty folder; if it is an older congkhai output, delete it first"
        ),
    )
}

/// Whether process `pid` is running, as far as this system tells.
fn alive(pid: u32) -> bool {
    let proc = Path::new("/proc");
    if !proc.is_dir() {
        // No way to tell: assume it is, and leave its files alone.
        return true;
    }
    pid == std::process::id() || proc.join(pid.to_string()).exists()
}

/// Take the output's lock file, or say which build holds it.
fn lock(lock: &Path, output: &Path) -> Result<(), SiteError> {
    for _ in 0..2 {
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(lock)
        {
            Ok(mut file) => {
                use std::io::Write;
                return write!(file, "{}", std::process::id()).map_err(io(lock));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                let holder = std::fs::read_to_string(lock)
                    .ok()
                    .and_then(|t| t.trim().parse::<u32>().ok());
                match holder {
                    Some(pid) if alive(pid) => {
                        return Err(SiteError::Busy {
                            output: output.to_path_buf(),
                            pid,
                        })
                    }
                    // A build that was killed: its lock is stale.
                    _ => std::fs::remove_file(lock).map_err(io(lock))?,
                }
            }
            Err(e) => return Err(io(lock)(e)),
        }
    }
    Err(SiteError::Busy {
        output: output.to_path_buf(),
        pid: 0,
    })
}

/// Remove the staging and retired folders that builds killed before they
/// finished left beside the output (`.NAME.new-PID`, `.NAME.old-PID`).
fn clean_leftovers(parent: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().to_string();
        let Some(rest) = file_name.strip_prefix(&format!(".{name}.")) else {
            continue;
        };
        let pid = rest
            .strip_prefix("new-")
            .or_else(|| rest.strip_prefix("old-"))
            .and_then(|p| p.parse::<u32>().ok());
        if pid.is_some_and(|pid| pid != std::process::id() && !alive(pid)) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Check that `output` may be replaced, take its lock, and create the
/// staging folder beside it. `content` is the build's content folder.
pub fn begin(output: &Path, content: &Path) -> Result<Staging, SiteError> {
    let output = if output.as_os_str().is_empty() {
        Path::new(".")
    } else {
        output
    };
    if let Some(refused) = refusal(output, content) {
        return Err(refused);
    }
    let target = absolute(output);
    let parent = target.parent().map(Path::to_path_buf).unwrap_or_default();
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "output".into());
    std::fs::create_dir_all(&parent).map_err(io(&parent))?;
    let lock_file = parent.join(format!(".{name}.lock"));
    lock(&lock_file, &target)?;
    let pid = std::process::id();
    let staging = Staging {
        dir: parent.join(format!(".{name}.new-{pid}")),
        output: target,
        retired: parent.join(format!(".{name}.old-{pid}")),
        lock: lock_file,
        done: false,
    };
    clean_leftovers(&parent, &name);
    for dir in [&staging.dir, &staging.retired] {
        if dir.exists() {
            std::fs::remove_dir_all(dir).map_err(io(dir))?;
        }
    }
    std::fs::create_dir_all(&staging.dir).map_err(io(&staging.dir))?;
    let marker = staging.dir.join(MARKER);
    std::fs::write(&marker, MARKER_TEXT).map_err(io(&marker))?;
    Ok(staging)
}

/// Throw the staging folder away: the output stays as it was.
pub fn abort(staging: Staging) {
    drop(staging);
}

/// Exchange two folders in one step, where the system can.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<bool> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        // Not supported by this kernel or file system.
        Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => Ok(false),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<bool> {
    Ok(false)
}

/// Swap the staging folder in. The previous output is removed once the new
/// one is in place; if that removal fails, the build still succeeded and
/// the next build removes it.
pub fn commit(mut staging: Staging) -> Result<(), SiteError> {
    let (dir, output, retired) = (
        staging.dir.clone(),
        staging.output.clone(),
        staging.retired.clone(),
    );
    let swap_failed = |source, restored| SiteError::Swap {
        output: output.clone(),
        source,
        restored,
    };
    if output.exists() {
        match exchange(&dir, &output) {
            Ok(true) => {
                staging.done = true;
                // The staging folder's name now holds the previous site.
                let _ = std::fs::remove_dir_all(&dir);
                return Ok(());
            }
            Ok(false) => {}
            Err(e) => return Err(swap_failed(e, true)),
        }
        std::fs::rename(&output, &retired).map_err(|e| swap_failed(e, true))?;
    }
    if let Err(e) = std::fs::rename(&dir, &output) {
        // Put the previous site back.
        let restored = !retired.exists() || std::fs::rename(&retired, &output).is_ok();
        return Err(swap_failed(e, restored));
    }
    staging.done = true;
    let _ = std::fs::remove_dir_all(&retired);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_escape() {
        assert!(safe_relative("don-vi/x/index.html").is_ok());
        assert!(safe_relative("../x").is_err());
        assert!(safe_relative("/etc/passwd").is_err());
        assert!(safe_relative("a/../../b").is_err());
        assert!(safe_relative("a\\..\\b").is_err());
        assert!(safe_relative("").is_err());
    }

    #[test]
    fn names_are_normalized_before_they_are_compared() {
        let tmp = tempfile::tempdir().unwrap();
        let content = tmp.path().join("site/content");
        std::fs::create_dir_all(&content).unwrap();
        let sneaky = tmp.path().join("site/x/../content/../content");
        assert!(refusal(&sneaky, &content).is_some());
        assert!(refusal(&tmp.path().join("site"), &content).is_some());
        assert!(refusal(&content.join("out"), &content).is_some());
        assert!(refusal(&tmp.path().join("site/output"), &content).is_none());
        assert!(refusal(Path::new("/"), &content).is_some());
    }

    #[test]
    fn leftovers_of_dead_builds_go_and_live_ones_stay() {
        let tmp = tempfile::tempdir().unwrap();
        // No process has a PID this large on Linux (the limit is 2^22).
        let dead = tmp.path().join(".out.new-99999999");
        let live = tmp.path().join(format!(".out.old-{}", std::process::id()));
        let other = tmp.path().join(".other.new-99999999");
        for d in [&dead, &live, &other] {
            std::fs::create_dir_all(d).unwrap();
        }
        clean_leftovers(tmp.path(), "out");
        assert!(!dead.exists());
        assert!(live.exists(), "this build's own folder stays");
        assert!(other.exists(), "another output's folder stays");
    }
}
