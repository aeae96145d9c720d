//! Whether a file changed since it was last seen: its size and
//! modification time (editors and `git checkout` both update the time).
//! Used by the load cache, by `serve`'s watcher, and by its incremental rebuilds to
//! notice a changed theme or catalog.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: SystemTime,
}

impl Stamp {
    /// The file's size in bytes.
    pub fn size(&self) -> u64 {
        self.len
    }
}

/// The stamp of a file; none when it cannot be read (or has no time).
pub fn of(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some(Stamp {
        len: meta.len(),
        modified: meta.modified().ok()?,
    })
}

/// The stamps of every file below `dirs` (a missing folder has none) and
/// of `files`.
pub fn all(dirs: &[PathBuf], files: &[PathBuf]) -> BTreeMap<PathBuf, Stamp> {
    dirs.iter()
        .flat_map(|d| walkdir::WalkDir::new(d).into_iter().flatten())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .chain(files.iter().cloned())
        .filter_map(|path| of(&path).map(|s| (path, s)))
        .collect()
}
