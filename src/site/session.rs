//! The builds of `serve`: the first one is a full build; each later one
//! re-reads only the content files that changed and, when only dispatch
//! files did, renders only the pages that show them (see [`super::scope`])
//! and writes only the files whose bytes changed. A change to the theme,
//! site.yaml, units.yaml or indicators.yaml, or a dispatch added or
//! removed, gives a full build again.
//!
//! A rebuild that fails leaves the output as it was: a partial one keeps
//! its pages in memory (and its large files beside the output) until its
//! links are checked.

use super::output::{self, safe_relative};
use super::scope::Scope;
use super::sink::{Finished, Sink};
use super::{model_of, pages, theme, BuildOptions, Built, SiteError};
use crate::content::LoadCache;
use crate::diagnostics::Diagnostics;
use crate::model::Model;
use crate::stamp::{self, Stamp};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Seek;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What a rebuild did.
#[derive(Debug)]
pub struct Rebuild {
    /// Whether every page was rendered (else only those the change reaches).
    pub full: bool,
    /// Files rendered.
    pub rendered: usize,
    /// Files whose bytes changed, written into the output.
    pub written: usize,
    /// Files the site no longer has, removed from the output.
    pub removed: usize,
    /// HTML pages of the whole site.
    pub pages: usize,
    /// Files of the whole site.
    pub files: usize,
    pub diagnostics: Diagnostics,
}

/// The state `serve` keeps between builds.
pub struct Session {
    opts: BuildOptions,
    cache: LoadCache,
    /// Dispatch files read since the last good build: a load that fails
    /// also reads the changed files, and they still count as changed for
    /// the next good build.
    pending: BTreeSet<PathBuf>,
    last: Option<Last>,
}

/// What the last good build was made of.
struct Last {
    model: Model,
    built: Built,
    /// Loaded once: the theme's files are part of `structure`.
    theme: theme::Theme,
    structure: BTreeMap<PathBuf, Stamp>,
}

impl Session {
    pub fn new(opts: BuildOptions) -> Session {
        Session {
            opts,
            cache: LoadCache::default(),
            pending: BTreeSet::new(),
            last: None,
        }
    }

    /// Build the site again, as little of it as the changes since the last
    /// good build allow.
    pub fn rebuild(&mut self) -> Result<Rebuild, SiteError> {
        let started = std::time::Instant::now();
        let structure = structure(&self.opts);
        let (loaded, reread) = crate::content::load_cached(&self.opts.content, &mut self.cache);
        self.pending.extend(reread);
        let (model, diagnostics) = model_of(&self.opts, loaded)?;
        crate::timings::note("rebuild: load", started);
        // The last build is given up here: if this one fails, the next one
        // is a full build.
        let (scope, theme, built) = match self.last.take() {
            // A partial rebuild writes over the last one: not if the output
            // folder was removed or emptied meanwhile.
            Some(last)
                if last.structure == structure && self.opts.output.join("index.html").is_file() =>
            {
                let slugs = self
                    .pending
                    .iter()
                    .filter_map(|p| p.file_stem())
                    .map(|s| s.to_string_lossy().to_string())
                    .collect();
                let scope = Scope::of_change(&last.model, &model, &slugs);
                (scope, last.theme, Some(last.built))
            }
            _ => {
                let theme = theme::load(&super::site_root(&self.opts.content), &model.site.theme)?;
                (Scope::All, theme, None)
            }
        };
        crate::timings::note("rebuild: scope", started);
        let (report, built) = match (scope, built) {
            (Scope::Changed(changed), Some(built)) => {
                partial(&self.opts, &model, &theme, Scope::Changed(changed), built)?
            }
            _ => {
                let (report, built) = super::build_model(
                    &self.opts,
                    &model,
                    &theme,
                    Diagnostics::default(),
                    Arc::default(),
                )?;
                let rebuild = Rebuild {
                    full: true,
                    rendered: report.files,
                    written: report.files,
                    removed: 0,
                    pages: report.pages,
                    files: report.files,
                    diagnostics: Diagnostics::default(),
                };
                (rebuild, built)
            }
        };
        self.pending.clear();
        self.last = Some(Last {
            model,
            built,
            theme,
            structure,
        });
        Ok(Rebuild {
            diagnostics,
            ..report
        })
    }
}

/// Render the pages in `scope` over the previous build's `index`, check
/// every link of the resulting site, then write the files that changed.
fn partial(
    opts: &BuildOptions,
    model: &Model,
    theme: &theme::Theme,
    scope: Scope,
    last: Built,
) -> Result<(Rebuild, Built), SiteError> {
    let spill = output::begin(&opts.output)?;
    let sink = Sink::overlay(last.index, last.layout, &spill.dir);
    let result = pages::render_all(model, theme, &sink, &scope);
    let Finished {
        index,
        files,
        spilled,
        layout,
    } = sink.finish();
    let t = std::time::Instant::now();
    let stale = match result.and_then(|stale| index.check(&model.site.base_path).map(|()| stale)) {
        Ok(stale) => stale,
        Err(e) => {
            output::abort(spill);
            return Err(e);
        }
    };
    crate::timings::note("rebuild: check", t);
    let written = write_changed(&opts.output, &files, &spill.dir, &spilled);
    crate::timings::note("rebuild: write", t);
    let removed = written.and_then(|w| remove(&opts.output, &stale).map(|()| w));
    output::abort(spill);
    let written = removed?;
    let rebuild = Rebuild {
        full: false,
        rendered: files.len() + spilled.len(),
        written: written + spilled.len(),
        removed: stale.len(),
        pages: index.html_pages().len(),
        files: index.file_count(),
        diagnostics: Diagnostics::default(),
    };
    Ok((rebuild, Built { index, layout }))
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> SiteError + '_ {
    move |source| SiteError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Write the files whose bytes differ from the output's, and move the
/// spilled (large) files in. Returns how many files were written.
fn write_changed(
    output: &Path,
    files: &BTreeMap<String, Vec<u8>>,
    spill: &Path,
    spilled: &BTreeMap<String, u64>,
) -> Result<usize, SiteError> {
    let mut written = 0;
    for (path, bytes) in files {
        let target = output.join(safe_relative(path)?);
        if std::fs::read(&target).is_ok_and(|old| &old == bytes) {
            continue;
        }
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
        }
        std::fs::write(&target, bytes).map_err(io(&target))?;
        written += 1;
    }
    for (rel, &start) in spilled {
        let (from, target) = (
            spill.join(safe_relative(rel)?),
            output.join(safe_relative(rel)?),
        );
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
        }
        if start == 0 {
            std::fs::rename(&from, &target).map_err(io(&target))?;
            continue;
        }
        // The output's file keeps its first `start` bytes.
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .open(&target)
            .map_err(io(&target))?;
        file.set_len(start).map_err(io(&target))?;
        file.seek(std::io::SeekFrom::Start(start))
            .map_err(io(&target))?;
        let mut tail = std::fs::File::open(&from).map_err(io(&from))?;
        std::io::copy(&mut tail, &mut file).map_err(io(&target))?;
    }
    Ok(written)
}

fn remove(output: &Path, stale: &[String]) -> Result<(), SiteError> {
    for path in stale {
        let target = output.join(safe_relative(path)?);
        match std::fs::remove_file(&target) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io(&target)(e)),
            _ => {}
        }
    }
    Ok(())
}

/// Sizes and times of what every page depends on: the theme folders of
/// the site and the three catalog files.
fn structure(opts: &BuildOptions) -> BTreeMap<PathBuf, Stamp> {
    let root = super::site_root(&opts.content);
    let dirs = ["themes", "templates", "static"].map(|d| root.join(d));
    let files = ["site.yaml", "units.yaml", "indicators.yaml"].map(|f| opts.content.join(f));
    stamp::all(&dirs, &files)
}
