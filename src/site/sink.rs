//! Where rendered files go as soon as they are rendered: into memory (for
//! tests and `render`), or straight into the staging folder of a build, so
//! that a national build never holds the whole site in memory. Either way
//! each HTML page's ids and links are noted for the link check, and every
//! path is checked before anything is written.

use super::links::LinkIndex;
use super::output::safe_relative;
use super::SiteError;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

enum Target {
    Memory(Mutex<BTreeMap<String, Vec<u8>>>),
    Folder(PathBuf),
}

pub struct Sink {
    target: Target,
    index: Mutex<LinkIndex>,
    progress: Arc<Progress>,
}

/// How far a build has got, for a progress line on a terminal.
#[derive(Debug, Default)]
pub struct Progress {
    /// 0 loading, 1 rendering, 2 checking links, 3 done.
    pub stage: AtomicUsize,
    pub files: AtomicUsize,
    pub bytes: AtomicUsize,
    /// Inline SVG charts in the pages written.
    pub charts: AtomicUsize,
}

impl Progress {
    pub fn set_stage(&self, stage: usize) {
        self.stage.store(stage, Ordering::Relaxed);
    }

    /// `đang dựng trang: 1.234 tệp, 56 MB`-style line, in English for the terminal.
    pub fn line(&self) -> String {
        let stage = match self.stage.load(Ordering::Relaxed) {
            0 => "loading content",
            1 => "rendering",
            2 => "checking links",
            _ => "done",
        };
        format!(
            "{stage}: {} files, {:.1} MB written",
            self.files.load(Ordering::Relaxed),
            self.bytes.load(Ordering::Relaxed) as f64 / 1e6
        )
    }
}

impl Sink {
    pub fn memory() -> Sink {
        Sink {
            target: Target::Memory(Mutex::new(BTreeMap::new())),
            index: Mutex::new(LinkIndex::default()),
            progress: Arc::default(),
        }
    }

    /// Write into `dir`, which must exist and be empty.
    pub fn folder(dir: &Path, progress: Arc<Progress>) -> Sink {
        Sink {
            target: Target::Folder(dir.to_path_buf()),
            index: Mutex::new(LinkIndex::default()),
            progress,
        }
    }

    pub fn put(&self, path: String, bytes: Vec<u8>) -> Result<(), SiteError> {
        let rel = safe_relative(&path)?;
        // Links and ids are read outside the lock; only the result is merged.
        let page = path.ends_with(".html").then(|| {
            let html = std::str::from_utf8(&bytes).unwrap_or_default();
            self.progress
                .charts
                .fetch_add(html.matches("<svg ").count(), Ordering::Relaxed);
            LinkIndex::read_page(&path, html)
        });
        self.progress
            .bytes
            .fetch_add(bytes.len(), Ordering::Relaxed);
        self.progress.files.fetch_add(1, Ordering::Relaxed);
        match &self.target {
            Target::Memory(files) => {
                lock(files).insert(path.clone(), bytes);
            }
            Target::Folder(dir) => {
                let target = dir.join(rel);
                if let Some(parent) = target.parent() {
                    std::fs::create_dir_all(parent).map_err(|source| SiteError::Io {
                        path: parent.to_path_buf(),
                        source,
                    })?;
                }
                std::fs::write(&target, &bytes).map_err(|source| SiteError::Io {
                    path: target.clone(),
                    source,
                })?;
            }
        }
        let mut index = lock(&self.index);
        index.add_file(path);
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
            Target::Folder(dir) => {
                let target = dir.join(&rel);
                let io = |source| SiteError::Io {
                    path: target.clone(),
                    source,
                };
                if let Some(parent) = target.parent() {
                    std::fs::create_dir_all(parent).map_err(io)?;
                }
                let file = std::fs::File::create(&target).map_err(io)?;
                let mut counted = CountingWriter {
                    inner: std::io::BufWriter::new(file),
                    bytes: 0,
                };
                write(&mut counted).map_err(io)?;
                std::io::Write::flush(&mut counted).map_err(io)?;
                counted.bytes
            }
        };
        self.progress.bytes.fetch_add(size, Ordering::Relaxed);
        self.progress.files.fetch_add(1, Ordering::Relaxed);
        lock(&self.index).add_file(path.to_string());
        Ok(size)
    }

    pub fn put_all(&self, pages: Vec<(String, Vec<u8>)>) -> Result<(), SiteError> {
        pages.into_iter().try_for_each(|(p, b)| self.put(p, b))
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

    /// The link index and, in memory mode, the files.
    pub fn finish(self) -> (LinkIndex, BTreeMap<String, Vec<u8>>) {
        let index = self.index.into_inner().unwrap_or_else(|e| e.into_inner());
        let files = match self.target {
            Target::Memory(m) => m.into_inner().unwrap_or_else(|e| e.into_inner()),
            Target::Folder(_) => BTreeMap::new(),
        };
        (index, files)
    }
}

/// A poisoned lock only means another thread panicked; its data is still whole.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

struct CountingWriter<W> {
    inner: W,
    bytes: usize,
}

impl<W: std::io::Write> std::io::Write for CountingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}
