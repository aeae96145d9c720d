//! Where rendered files go as soon as they are rendered: into memory (for
//! tests and `render`), straight into the staging folder of a build (so
//! that a national build never holds the whole site in memory), or, for a
//! partial rebuild, into memory and a spill folder. Either way each HTML
//! page's ids and links are noted for the link check, what pages report
//! (charts, bytes) is counted, and every path is checked before anything
//! is written. The writer knows nothing of what the files hold.

use super::links::LinkIndex;
use super::progress::Progress;
use super::staging::safe_relative;
use super::SiteError;
use rustc_hash::FxHashSet;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};

/// A rendered file: its path below the output folder, its bytes, and what
/// it reports for the build's summary (how many charts it shows).
#[derive(Debug)]
pub struct Page {
    pub path: String,
    pub bytes: Vec<u8>,
    pub charts: usize,
}

impl Page {
    /// A file without charts.
    pub fn file(path: impl Into<String>, bytes: Vec<u8>) -> Page {
        Page {
            path: path.into(),
            bytes,
            charts: 0,
        }
    }

    pub fn with_charts(self, charts: usize) -> Page {
        Page { charts, ..self }
    }
}

enum Target {
    /// Nothing kept but the link index: `check` renders everything a build
    /// would, to fail where a build would fail.
    Discard,
    Memory(Mutex<BTreeMap<String, Vec<u8>>>),
    Folder(PathBuf),
    /// A partial rebuild: pages in memory, large files (`put_with`) into
    /// `spill`, a folder beside the output, to be moved in once the
    /// rebuild has succeeded.
    Overlay {
        files: Mutex<BTreeMap<String, Vec<u8>>>,
        spill: PathBuf,
    },
}

pub struct Writer {
    target: Target,
    index: Mutex<LinkIndex>,
    progress: Arc<Progress>,
    /// In overlay mode, the files written into the spill folder, each with
    /// the offset from which it replaces the output's file (0: all of it).
    spilled: Mutex<BTreeMap<String, u64>>,
    /// Folders made for earlier files: most files go into one of them, and
    /// asking the file system to make it again costs a system call each.
    folders: Mutex<FxHashSet<PathBuf>>,
}

/// What a writer holds once everything is put.
pub struct Written {
    pub index: LinkIndex,
    /// The files, in memory mode (in overlay mode: all but the spilled ones).
    pub files: BTreeMap<String, Vec<u8>>,
    /// In overlay mode, the spilled files and the offset each starts at in
    /// the output's file (0: the whole file).
    pub spilled: BTreeMap<String, u64>,
}

impl Writer {
    pub fn memory() -> Writer {
        Writer {
            target: Target::Memory(Mutex::new(BTreeMap::new())),
            index: Mutex::new(LinkIndex::default()),
            progress: Arc::default(),
            spilled: Mutex::default(),
            folders: Mutex::default(),
        }
    }

    /// Over the link index of a previous build, for a partial rebuild:
    /// what is put replaces that build's entries. Pages are kept in memory,
    /// large files written into `spill` (an empty folder).
    pub fn overlay(previous: LinkIndex, spill: &Path) -> Writer {
        Writer {
            target: Target::Overlay {
                files: Mutex::new(BTreeMap::new()),
                spill: spill.to_path_buf(),
            },
            index: Mutex::new(previous),
            progress: Arc::default(),
            spilled: Mutex::default(),
            folders: Mutex::default(),
        }
    }

    /// After a partial rebuild: forget the files of the parts rendered
    /// again that they no longer have (see [`LinkIndex::remove_stale`]),
    /// and return them.
    pub fn remove_stale(&self) -> Vec<String> {
        let Target::Overlay { files, .. } = &self.target else {
            return Vec::new();
        };
        let fresh = lock(files)
            .keys()
            .chain(lock(&self.spilled).keys())
            .cloned()
            .collect();
        lock(&self.index).remove_stale(&fresh)
    }

    /// The size of a file put in this build, or kept from the previous one.
    pub fn size_of(&self, path: &str) -> Option<usize> {
        lock(&self.index).size(path)
    }

    /// Keep only the link index and the sizes of the files.
    pub fn discard() -> Writer {
        Writer {
            target: Target::Discard,
            index: Mutex::new(LinkIndex::default()),
            progress: Arc::default(),
            spilled: Mutex::default(),
            folders: Mutex::default(),
        }
    }

    /// Write into `dir`, which must exist and be empty.
    pub fn folder(dir: &Path, progress: Arc<Progress>) -> Writer {
        Writer {
            target: Target::Folder(dir.to_path_buf()),
            index: Mutex::new(LinkIndex::default()),
            progress,
            spilled: Mutex::default(),
            folders: Mutex::default(),
        }
    }

    /// Make the folder that `file` goes into, unless it was made before;
    /// on failure, the folder and the error.
    fn make_folder_of(&self, file: &Path) -> Result<(), (PathBuf, std::io::Error)> {
        let Some(parent) = file.parent() else {
            return Ok(());
        };
        if lock(&self.folders).contains(parent) {
            return Ok(());
        }
        std::fs::create_dir_all(parent).map_err(|e| (parent.to_path_buf(), e))?;
        lock(&self.folders).insert(parent.to_path_buf());
        Ok(())
    }

    pub fn put(&self, page: Page) -> Result<(), SiteError> {
        let Page {
            path,
            bytes,
            charts,
        } = page;
        let rel = safe_relative(&path)?;
        // Links and ids are read outside the lock; only the result is merged.
        let page = path
            .ends_with(".html")
            .then(|| LinkIndex::read_page(&path, &bytes));
        self.progress.charts.fetch_add(charts, Ordering::Relaxed);
        self.progress
            .bytes
            .fetch_add(bytes.len(), Ordering::Relaxed);
        self.progress.files.fetch_add(1, Ordering::Relaxed);
        let size = bytes.len();
        match &self.target {
            Target::Discard => {}
            Target::Memory(files) | Target::Overlay { files, .. } => {
                lock(files).insert(path.clone(), bytes);
            }
            Target::Folder(dir) => {
                let target = dir.join(rel);
                self.make_folder_of(&target)
                    .map_err(|(path, source)| SiteError::Io { path, source })?;
                std::fs::write(&target, &bytes).map_err(|source| SiteError::Io {
                    path: target.clone(),
                    source,
                })?;
            }
        }
        let mut index = lock(&self.index);
        index.add_file(path, size);
        if let Some(page) = page {
            index.add_page(page);
        }
        Ok(())
    }

    /// Write a (large, non-HTML) file through `write`, straight into the
    /// output folder when there is one; returns its size in bytes.
    pub fn put_with(
        &self,
        path: &str,
        write: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<usize, SiteError> {
        let rel = safe_relative(path)?;
        let size = match &self.target {
            Target::Discard => {
                let mut counted = Counted::new(std::io::sink());
                write(&mut counted).map_err(|source| SiteError::Io {
                    path: rel.clone(),
                    source,
                })?;
                counted.bytes as usize
            }
            Target::Memory(files) => {
                let mut bytes = Vec::new();
                write(&mut bytes).map_err(|source| SiteError::Io {
                    path: rel.clone(),
                    source,
                })?;
                let size = bytes.len();
                lock(files).insert(path.to_string(), bytes);
                size
            }
            Target::Folder(dir) | Target::Overlay { spill: dir, .. } => {
                if matches!(self.target, Target::Overlay { .. }) {
                    lock(&self.spilled).insert(path.to_string(), 0);
                }
                let target = dir.join(&rel);
                let io = |source| SiteError::Io {
                    path: target.clone(),
                    source,
                };
                self.make_folder_of(&target)
                    .map_err(|(path, source)| SiteError::Io { path, source })?;
                let file = std::fs::File::create(&target).map_err(io)?;
                let mut counted = Counted::new(std::io::BufWriter::new(file));
                write(&mut counted).map_err(io)?;
                std::io::Write::flush(&mut counted.inner).map_err(io)?;
                counted.bytes as usize
            }
        };
        self.progress.bytes.fetch_add(size, Ordering::Relaxed);
        self.progress.files.fetch_add(1, Ordering::Relaxed);
        lock(&self.index).add_file(path.to_string(), size);
        Ok(size)
    }

    /// [`Writer::put_with`] for a file whose first `start` bytes are those
    /// of the previous build: in overlay mode, only the rest is written, to
    /// replace the output file's bytes from `start` on. Returns the size of
    /// the whole file.
    pub fn put_from(
        &self,
        path: &str,
        start: u64,
        write: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<usize, SiteError> {
        if start == 0 {
            return self.put_with(path, write);
        }
        if !matches!(self.target, Target::Overlay { .. }) {
            return Err(SiteError::Io {
                path: path.into(),
                source: std::io::Error::other("a partial file outside a partial rebuild"),
            });
        }
        let tail = self.put_with(path, write)?;
        lock(&self.spilled).insert(path.to_string(), start);
        let size = start as usize + tail;
        lock(&self.index).add_file(path.to_string(), size);
        Ok(size)
    }

    pub fn put_all(&self, pages: Vec<Page>) -> Result<(), SiteError> {
        pages.into_iter().try_for_each(|page| self.put(page))
    }

    /// Paths of the HTML pages written so far, sorted (for the sitemap).
    pub fn html_pages(&self) -> Vec<String> {
        lock(&self.index).html_pages()
    }

    pub fn charts(&self) -> usize {
        self.progress.charts.load(Ordering::Relaxed)
    }

    pub fn bytes(&self) -> usize {
        self.progress.bytes.load(Ordering::Relaxed)
    }

    pub fn finish(self) -> Written {
        let files = match self.target {
            Target::Memory(m) | Target::Overlay { files: m, .. } => {
                m.into_inner().unwrap_or_else(|e| e.into_inner())
            }
            Target::Folder(_) | Target::Discard => BTreeMap::new(),
        };
        Written {
            index: self.index.into_inner().unwrap_or_else(|e| e.into_inner()),
            files,
            spilled: self.spilled.into_inner().unwrap_or_else(|e| e.into_inner()),
        }
    }
}

/// A poisoned lock only means another thread panicked; its data is still whole.
pub(crate) fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Counts the bytes written. Its `flush` does not reach the writer below
/// (writers such as csv's flush after every row, which must not become a
/// system call each): flush `inner` once at the end.
pub struct Counted<W> {
    pub inner: W,
    pub bytes: u64,
}

impl<W: std::io::Write> Counted<W> {
    pub fn new(inner: W) -> Self {
        Counted { inner, bytes: 0 }
    }
}

impl<W: std::io::Write> std::io::Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
