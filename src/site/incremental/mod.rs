//! The builds of `serve`: the first one is a full build; each later one
//! re-reads only the content files that changed and, when only dispatch
//! files did, renders only the pages that show them (see [`affected`])
//! and writes only the files whose bytes changed. A change to the theme,
//! site.yaml, units.yaml or indicators.yaml, or a dispatch added or
//! removed, gives a full build again.
//!
//! A rebuild that fails leaves the output as it was: a partial one keeps
//! its pages in memory (and its large files beside the output) until its
//! links are checked.

use crate::site::staging::{self, io, safe_relative};
pub mod affected;

use crate::content::LoadCache;
use crate::diagnostics::Diagnostics;
use crate::model::Model;
use crate::site::writer::{Writer, Written};
use crate::site::{
    full_build, model_of, pages, theme_of, BuildOptions, BuildReport, RebuildBasis, SiteError,
};
use crate::stamp::{self, Stamp};
use affected::Affected;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::io::Seek;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The state `serve` keeps between builds.
pub struct IncrementalBuilder {
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
    built: RebuildBasis,
    /// Loaded once: the theme's files are part of `structure`.
    theme: crate::site::theme::Theme,
    structure: BTreeMap<PathBuf, Stamp>,
}

impl IncrementalBuilder {
    pub fn new(opts: BuildOptions) -> IncrementalBuilder {
        IncrementalBuilder {
            opts,
            cache: LoadCache::default(),
            pending: BTreeSet::new(),
            last: None,
        }
    }

    /// Build the site again, as little of it as the changes since the last
    /// good build allow.
    pub fn rebuild(&mut self) -> Result<BuildReport, SiteError> {
        let started = std::time::Instant::now();
        let structure = structure(&self.opts);
        let (loaded, reread) = crate::content::load_cached(&self.opts.content, &mut self.cache);
        self.pending.extend(reread);
        let (model, diagnostics) = model_of(&self.opts, loaded)?;
        crate::timings::note("rebuild: load", started);
        // The last build is given up here: if this one fails, the next one
        // is a full build.
        let (affected, theme, built) = match self.last.take() {
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
                let affected = Affected::of_change(&last.model, &model, &slugs);
                (affected, last.theme, Some(last.built))
            }
            _ => {
                let theme = theme_of(&self.opts, &model)?;
                (Affected::All, theme, None)
            }
        };
        crate::timings::note("rebuild: affected", started);
        let (report, built) = match (affected, built) {
            (Affected::Changes(changed), Some(built)) => partial(
                &self.opts,
                &model,
                &theme,
                Affected::Changes(changed),
                built,
            )?,
            _ => full_build(&self.opts, &model, &theme, Arc::default())?,
        };
        self.pending.clear();
        self.last = Some(Last {
            model,
            built,
            theme,
            structure,
        });
        Ok(BuildReport {
            diagnostics,
            ..report
        })
    }
}

/// Render the pages in `affected` over the previous build's `index`, check
/// every link of the resulting site, then write the files that changed.
fn partial(
    opts: &BuildOptions,
    model: &Model,
    theme: &crate::site::theme::Theme,
    affected: Affected,
    last: RebuildBasis,
) -> Result<(BuildReport, RebuildBasis), SiteError> {
    let spill = staging::begin(&opts.output, &opts.content)?;
    let writer = Writer::overlay(last.index, &spill.dir);
    let result = pages::render_all(model, theme, &writer, &affected, last.open_data);
    let (bytes, charts) = (writer.bytes(), writer.charts());
    let Written {
        index,
        files,
        spilled,
    } = writer.finish();
    let t = std::time::Instant::now();
    let rendered = match result.and_then(|r| {
        // The previous build's links passed: only those that may have
        // broken are checked again.
        let changed: HashSet<&str> = files
            .keys()
            .chain(spilled.keys())
            .chain(r.stale.iter())
            .map(String::as_str)
            .collect();
        index
            .check_changed(&model.site.base_path, &changed)
            .map(|()| r)
    }) {
        Ok(rendered) => rendered,
        Err(e) => {
            staging::abort(spill);
            return Err(e);
        }
    };
    crate::timings::note("rebuild: check", t);
    let written = write_changed(&opts.output, &files, &spill.dir, &spilled);
    crate::timings::note("rebuild: write", t);
    let stale = rendered.stale;
    let removed = written.and_then(|w| remove(&opts.output, &stale).map(|()| w));
    staging::abort(spill);
    let written = removed?;
    let rebuild = BuildReport {
        full: false,
        rendered: files.len() + spilled.len(),
        written: written + spilled.len(),
        removed: stale.len(),
        pages: index.html_pages().len(),
        files: index.file_count(),
        charts,
        bytes,
        diagnostics: Diagnostics::default(),
    };
    let open_data = rendered.open_data;
    Ok((rebuild, RebuildBasis { index, open_data }))
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
    let root = crate::site::site_root(&opts.content);
    let dirs = ["themes", "templates", "static"].map(|d| root.join(d));
    let files = ["site.yaml", "units.yaml", "indicators.yaml"].map(|f| opts.content.join(f));
    stamp::all(&dirs, &files)
}
