//! Loading, step by step: the catalog files are read and checked, then
//! every dispatch file (in parallel, reusing what `serve`'s [`LoadCache`]
//! holds of unchanged files), then what spans files (duplicates); the model
//! is assembled only when no error was found.

use super::assemble::assemble;
use super::checks::{Catalog, DispatchChecker};
use super::files::{
    copy_hint, dispatch_files, is_slug, read, read_source, slug_hint, CATALOG_FILES,
};
use super::parse::parse;
use super::source::Source;
use super::Loaded;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::{
    Dispatch, DispatchFile, DispatchKind, Figure, IndicatorsFile, Period, SiteFile, UnitsFile,
};
use crate::stamp::{self, Stamp};
use crate::suggest::fold;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What a previous load learnt of each dispatch file, for `serve`: a
/// rebuild re-reads only the files that changed.
#[derive(Debug, Default)]
pub struct LoadCache {
    /// Stamps of the catalog files the outcomes were checked against.
    catalog: Option<[Option<Stamp>; 3]>,
    files: HashMap<PathBuf, (Stamp, Arc<FileOutcome>)>,
}

/// What one dispatch file yields: its dispatch and figures when it parses,
/// and its own errors and warnings. It depends only on the file and the
/// catalog (site, units, indicators), which is what lets [`LoadCache`] keep
/// it while neither changes.
#[derive(Debug)]
pub(crate) struct FileOutcome {
    dispatch: Option<Arc<Dispatch>>,
    figures: Vec<Figure>,
    diags: Vec<Diagnostic>,
}

/// Read, parse and check one dispatch file (`catalog` is `None` when
/// units.yaml or indicators.yaml could not be read: the file is then only
/// parsed).
fn dispatch_outcome(dir: &Path, path: &Path, catalog: Option<&Catalog>) -> FileOutcome {
    let unread = |diags| FileOutcome {
        dispatch: None,
        figures: Vec::new(),
        diags,
    };
    let mut diags = Diagnostics::default();
    let Some(src) = read_source(path, &mut diags) else {
        return unread(diags.items);
    };
    let file = match parse::<DispatchFile>(&src) {
        Ok(file) => file,
        Err(mut errs) => {
            super::checks::check_unparsed(&src, &mut errs);
            return unread(errs);
        }
    };
    let slug = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    if !is_slug(&slug) {
        diags.push(
            Diagnostic::error(
                path,
                "",
                crate::tr!(
                    "tên tệp `{slug}` không dùng được làm địa chỉ trang",
                    "the file name `{slug}` is not a valid page address"
                ),
            )
            .with_hint(copy_hint(&slug).unwrap_or_else(|| slug_hint(&slug))),
        );
    }
    let mut figures = Vec::new();
    if let Some(cat) = catalog {
        figures = DispatchChecker::new(cat, &src, &slug).check(&file, &mut diags);
    }
    let source = path.strip_prefix(dir).unwrap_or(path).to_path_buf();
    FileOutcome {
        dispatch: Some(Arc::new(Dispatch { slug, source, file })),
        figures,
        diags: diags.items,
    }
}

/// Load `dir`. With a cache (`serve`), files unchanged since it was filled
/// are not read again and every outcome is kept in it for the next load;
/// without one, each file's outcome moves into the model. Also returns the
/// dispatch files that were read this time.
pub(super) fn load(dir: &Path, mut cache: Option<&mut LoadCache>) -> (Loaded, Vec<PathBuf>) {
    let mut diags = Diagnostics::default();
    let catalog_stamps = CATALOG_FILES.map(|f| stamp::of(&dir.join(f)));
    let site = read::<SiteFile>(&dir.join("site.yaml"), &mut diags);
    let units = read::<UnitsFile>(&dir.join("units.yaml"), &mut diags);
    let indicators = read::<IndicatorsFile>(&dir.join("indicators.yaml"), &mut diags);

    let mut catalog = Catalog::default();
    if let Some((units, src)) = &units {
        catalog.check_units(units, src, &mut diags);
    }
    if let Some((ind, src)) = &indicators {
        catalog.check_indicators(ind, src, &mut diags);
    }
    if let Some((site, src)) = &site {
        catalog.check_site(site, src, &mut diags);
    }
    let catalog_ok = units.is_some() && indicators.is_some();
    // Outcomes checked against another catalog (or none) cannot be reused.
    let reusable = catalog_ok && !diags.has_errors() && catalog_stamps.iter().all(Option::is_some);
    if let Some(cache) = cache.as_deref_mut() {
        if !reusable || cache.catalog.as_ref() != Some(&catalog_stamps) {
            cache.files.clear();
        }
        cache.catalog = reusable.then_some(catalog_stamps);
    }
    let keep = if reusable { cache } else { None };

    let files = dispatch_files(dir, &mut diags);
    let t = std::time::Instant::now();
    let read = read_dispatches(
        dir,
        &files,
        catalog_ok.then_some(&catalog),
        keep,
        &mut diags,
    );
    crate::timings::note("load: files", t);
    let Dispatches {
        mut dispatches,
        figures,
        reread,
    } = read;
    check_unique_slugs(&dispatches, dir, &mut diags);
    check_duplicates(&dispatches, dir, &mut diags);
    crate::timings::note("load: dups", t);

    diags.sort();
    let model = match (site, units, indicators) {
        (Some((site, _)), Some((units, _)), Some((ind, _))) if !diags.has_errors() => {
            dispatches
                .sort_by(|a, b| (a.file.listed_on(), &a.slug).cmp(&(b.file.listed_on(), &b.slug)));
            Some(assemble(site, units, ind, dispatches, figures))
        }
        _ => None,
    };
    if let Some(m) = &model {
        super::changes::check_changes(m, dir, &mut diags);
        super::changes::check_agreement(m, dir, &mut diags);
        diags.sort();
    }
    crate::timings::note("load: model", t);
    let loaded = Loaded {
        model,
        diagnostics: diags,
    };
    (loaded, reread)
}

/// The dispatches and figures of every dispatch file, and the files read
/// this time (not taken from the cache).
struct Dispatches {
    dispatches: Vec<Arc<Dispatch>>,
    figures: Vec<Figure>,
    reread: Vec<PathBuf>,
}

/// What one file gave: its stamp, its outcome, and whether it was read
/// this time (not taken from the cache).
type Read = (Option<Stamp>, Arc<FileOutcome>, bool);

/// Files read and checked together; while one chunk is read, the outcomes
/// of the previous one are moved into the result, so that both cores stay
/// busy and the figures of only two chunks exist twice at any time.
const CHUNK: usize = 128;

/// Read and check every dispatch file, in parallel, taking unchanged files
/// from `cache` and keeping every outcome there when there is one.
fn read_dispatches(
    dir: &Path,
    files: &[PathBuf],
    catalog: Option<&Catalog>,
    cache: Option<&mut LoadCache>,
    diags: &mut Diagnostics,
) -> Dispatches {
    // serve's cache knows how many figures the last load gathered: the
    // vector then grows once instead of doubling (each doubling copied it
    // and faulted in fresh pages, a fifth of a national rebuild).
    let expected = cache.as_deref().map_or(0, |c| {
        c.files
            .values()
            .map(|(_, outcome)| outcome.figures.len())
            .sum::<usize>()
    });
    let mut merged = Merged {
        out: Dispatches {
            dispatches: Vec::with_capacity(files.len()),
            figures: Vec::with_capacity(expected + expected / 64),
            reread: Vec::new(),
        },
        kept: HashMap::new(),
        keep: cache.is_some(),
        diags,
        // Files are read by year, and early years hold fewer figures a
        // file: a file's bytes foretell its figures better than its rank.
        bytes: files
            .iter()
            .filter_map(|p| stamp::of(p))
            .map(|s| s.size())
            .sum(),
        merged: 0,
    };
    let cached = cache.as_deref();
    let read_chunk = |chunk: &[PathBuf]| -> Vec<Read> {
        chunk
            .par_iter()
            .map(|path| {
                let now = stamp::of(path);
                match cached.and_then(|c| c.files.get(path)) {
                    Some((was, outcome)) if now.is_some() && Some(was) == now.as_ref() => {
                        (now, outcome.clone(), false)
                    }
                    _ => (now, Arc::new(dispatch_outcome(dir, path, catalog)), true),
                }
            })
            .collect()
    };
    let mut pending: Option<(&[PathBuf], Vec<Read>)> = None;
    for chunk in files.chunks(CHUNK) {
        let (outcomes, ()) = rayon::join(
            || read_chunk(chunk),
            || {
                if let Some((paths, outcomes)) = pending.take() {
                    merged.add(paths, outcomes);
                }
            },
        );
        pending = Some((chunk, outcomes));
    }
    if let Some((paths, outcomes)) = pending.take() {
        merged.add(paths, outcomes);
    }
    let Merged { out, kept, .. } = merged;
    // Files that disappeared leave the cache with their outcomes.
    if let Some(cache) = cache {
        cache.files = kept;
    }
    out
}

/// The outcomes gathered so far, in the order of the files.
struct Merged<'a> {
    out: Dispatches,
    kept: HashMap<PathBuf, (Stamp, Arc<FileOutcome>)>,
    /// Whether outcomes are kept for the next load (`serve`).
    keep: bool,
    diags: &'a mut Diagnostics,
    /// How many bytes the files hold, and how many are merged so far.
    bytes: u64,
    merged: u64,
}

impl Merged<'_> {
    /// Add the outcomes of `paths`, one chunk of the files.
    fn add(&mut self, paths: &[PathBuf], outcomes: Vec<Read>) {
        let first = self.merged == 0;
        let out = &mut self.out;
        for (path, (now, outcome, fresh)) in paths.iter().zip(outcomes) {
            self.merged += now.as_ref().map_or(0, Stamp::size);
            if fresh {
                out.reread.push(path.clone());
            }
            match (self.keep, now) {
                (true, Some(now)) => {
                    self.diags.items.extend(outcome.diags.iter().cloned());
                    if let Some(d) = &outcome.dispatch {
                        out.dispatches.push(d.clone());
                        out.figures.extend(outcome.figures.iter().cloned());
                    }
                    self.kept.insert(path.clone(), (now, outcome));
                }
                _ => {
                    let outcome = Arc::try_unwrap(outcome).unwrap_or_else(|shared| FileOutcome {
                        dispatch: shared.dispatch.clone(),
                        figures: shared.figures.clone(),
                        diags: shared.diags.clone(),
                    });
                    self.diags.items.extend(outcome.diags);
                    if let Some(d) = outcome.dispatch {
                        out.dispatches.push(d);
                        out.figures.extend(outcome.figures);
                    }
                }
            }
        }
        // Without a cache, the first chunk tells how many figures a byte
        // holds: the vector is sized for all of them (and a margin) once,
        // instead of doubling and copying (a national build's figures
        // would be copied about twice over, into freshly faulted pages).
        // Capacity that is never used is never touched, and costs no memory.
        let figures = &mut self.out.figures;
        if first && !self.keep && self.merged > 0 && self.merged < self.bytes {
            let per_byte = figures.len() as f64 / self.merged as f64;
            // Early files hold fewer figures a byte: a wide margin.
            let expected = (per_byte * self.bytes as f64 * 2.0) as usize;
            figures.reserve(expected.saturating_sub(figures.len()));
        }
    }
}

/// A dispatch's file name is its page's address: two files of one name in
/// two year folders would publish one page for both.
fn check_unique_slugs(dispatches: &[Arc<Dispatch>], dir: &Path, diags: &mut Diagnostics) {
    let mut seen: HashMap<&str, &Dispatch> = HashMap::new();
    for d in dispatches {
        match seen.get(d.slug.as_str()) {
            Some(first) => diags.push(
                Diagnostic::error(
                    &dir.join(&d.source),
                    "",
                    crate::tr!(
                        "tên tệp `{}` bị dùng hai lần: {} và {} sẽ thành cùng một trang",
                        "the file name `{}` is used twice: {} and {} would publish one page",
                        d.slug,
                        first.source.display(),
                        d.source.display()
                    ),
                )
                .with_hint(crate::tr!(
                    "tên tệp là địa chỉ của trang: đặt cho văn bản này một tên riêng, ví dụ thêm số văn bản",
                    "a file name is the page's address: give this dispatch its own name, e.g. with its number"
                )),
            ),
            None => {
                seen.insert(&d.slug, d);
            }
        }
    }
}

/// Two documents of one issuer, kind and period: the second is refused.
/// Two captures of the portal are one only when taken at the same minute,
/// two articles only at the same address. Two documents that write one
/// period's page differently (a portal week with and without its days)
/// are refused too.
fn check_duplicates(dispatches: &[Arc<Dispatch>], dir: &Path, diags: &mut Diagnostics) {
    type Key = (String, String, DispatchKind, Period, Option<String>);
    let mut seen: HashMap<Key, &Dispatch> = HashMap::new();
    let mut pages: HashMap<String, (Period, &Dispatch)> = HashMap::new();
    let at_period = |d: &Dispatch| {
        let path = dir.join(&d.source);
        let pos = Source::new(&path, &std::fs::read_to_string(&path).unwrap_or_default())
            .index()
            .find("period");
        (path, pos)
    };
    for d in dispatches {
        let Some(period) = d.file.period else {
            continue;
        };
        if let Some((other, first)) = pages.get(&period.slug()) {
            if *other != period {
                let (path, pos) = at_period(d);
                diags.push(
                    Diagnostic::error(&path, "period", crate::tr!(
                        "kỳ {period} khác cách ghi {other} của {} nhưng cùng một trang",
                        "{period} differs from {other} in {} but they share one page",
                        first.source.display()
                    ))
                    .at(pos.map(|p| p.line), pos.map(|p| p.column))
                    .with_hint(crate::tr!(
                        "ghi kỳ giống nhau ở mọi văn bản, ví dụ cùng ghi các ngày của tuần: {other}",
                        "write the period alike in every document, e.g. with the days of the week: {other}"
                    )),
                );
            }
        } else {
            pages.insert(period.slug(), (period, d));
        }
        let f = &d.file;
        let which = match f.kind {
            DispatchKind::PortalCapture => f.captured_at.map(|m| m.to_string()),
            DispatchKind::NewsArticle => f.url.clone(),
            _ => None,
        };
        let key = (
            f.issuer_unit().unwrap_or_default().to_string(),
            fold(d.publisher()),
            f.kind,
            period,
            which,
        );
        if let Some(first) = seen.get(&key) {
            let (path, pos) = at_period(d);
            let publisher = d.publisher();
            diags.push(
                Diagnostic::error(&path, "period", crate::lang::Text::new(format!(
                    "văn bản thứ hai của {} cho {}: {} đã là văn bản cùng cơ quan ban hành, cùng loại và cùng kỳ",
                    publisher, crate::vi::format_period(&period), first.source.display()
                ), format!(
                    "a second dispatch of {} for {period}: {} covers the same issuer, kind and period",
                    publisher, first.source.display()
                )))
                .at(pos.map(|p| p.line), pos.map(|p| p.column))
                .with_hint(crate::tr!(
                    "mỗi cơ quan ban hành, loại văn bản và kỳ chỉ giữ một tệp; nếu văn bản này thuộc kỳ khác thì sửa `period`",
                    "keep one file per issuer, kind and period; correct the period if this one covers another"
                )),
            );
        } else {
            seen.insert(key, d);
        }
    }
}
