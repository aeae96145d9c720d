//! Every check on the content, run before anything is rendered. Each
//! problem becomes a diagnostic with file, line, field and a hint; all of
//! them are collected in one run.

use super::dates::Period;
use super::numbers::Num;
use super::parse::{parse, Source};
use super::schema::*;
use super::suggest::{closest, fold};
use super::Loaded;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::{scheme_for, Dispatch, Figure, FigureSource, FigureValue, Id, Model, Unit};
use crate::stamp::{self, Stamp};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Slugs become folder names and URLs: lower-case ASCII letters, digits and
/// hyphens only, so that no slug can leave the output folder.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

fn slug_hint(s: &str) -> String {
    let suggestion = super::suggest::slugify(s);
    if suggestion.is_empty() {
        "use lower-case ASCII letters, digits and hyphens, e.g. so-tu-phap".into()
    } else {
        format!("use lower-case ASCII letters, digits and hyphens: `{suggestion}`")
    }
}

fn read_source(path: &Path, diags: &mut Diagnostics) -> Option<Source> {
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Some(Source::new(path, &text)),
            Err(e) => {
                let line = e.as_bytes()[..e.utf8_error().valid_up_to()]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count()
                    + 1;
                diags.push(
                    Diagnostic::error(path, "", "the file is not valid UTF-8 text")
                        .at(Some(line), None)
                        .with_hint(
                            "save the file as UTF-8 (in Notepad: Save As → Encoding: UTF-8)",
                        ),
                );
                None
            }
        },
        Err(e) => {
            diags.push(
                Diagnostic::error(path, "", format!("cannot read the file: {e}")).with_hint(
                    "every content folder needs site.yaml, units.yaml and indicators.yaml",
                ),
            );
            None
        }
    }
}

fn read<T: serde::de::DeserializeOwned>(
    path: &Path,
    diags: &mut Diagnostics,
) -> Option<(T, Source)> {
    let source = read_source(path, diags)?;
    match parse::<T>(&source) {
        Ok(t) => Some((t, source)),
        Err(errs) => {
            errs.into_iter().for_each(|d| diags.push(d));
            None
        }
    }
}

/// Every `*.yaml` below `content/dispatches`, sorted by path.
fn dispatch_files(dir: &Path, diags: &mut Diagnostics) -> Vec<PathBuf> {
    let root = dir.join("dispatches");
    if !root.is_dir() {
        return Vec::new();
    }
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(&root)
        .sort_by_file_name()
        .follow_links(false)
    {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                diags.push(Diagnostic::error(
                    &root,
                    "",
                    format!("cannot read the folder: {e}"),
                ));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let name = entry.file_name().to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        match path.extension().and_then(|e| e.to_str()) {
            Some("yaml") => files.push(path.to_path_buf()),
            Some("yml") => diags.push(
                Diagnostic::error(path, "", "dispatch files end in `.yaml`").with_hint(format!(
                    "rename it to `{}`",
                    name.trim_end_matches(".yml").to_string() + ".yaml"
                )),
            ),
            _ => diags.push(Diagnostic::warning(
                path,
                "",
                "ignored: not a `.yaml` dispatch file",
            )),
        }
    }
    files
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
        Err(errs) => return unread(errs),
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
                format!("the file name `{slug}` is not a valid page address"),
            )
            .with_hint(slug_hint(&slug)),
        );
    }
    let mut figures = Vec::new();
    if let Some(cat) = catalog {
        let mut checker = DispatchChecker {
            cat,
            src: &src,
            slug: &slug,
            figures: Vec::new(),
            ids: Default::default(),
        };
        checker.check(&file, &mut diags);
        figures = checker.figures;
    }
    let source = path.strip_prefix(dir).unwrap_or(path).to_path_buf();
    FileOutcome {
        dispatch: Some(Arc::new(Dispatch { slug, source, file })),
        figures,
        diags: diags.items,
    }
}

pub fn load(dir: &Path) -> Loaded {
    load_with(dir, &mut LoadCache::default(), false).0
}

/// [`load`], reusing what `cache` holds of the files that have not changed
/// since it was filled (same size and modification time, same catalog).
/// Also returns the dispatch files that were read this time.
pub fn load_cached(dir: &Path, cache: &mut LoadCache) -> (Loaded, Vec<PathBuf>) {
    load_with(dir, cache, true)
}

/// `keep`: fill the cache (at the cost of a copy of every figure), or move
/// each file's outcome into the model.
fn load_with(dir: &Path, cache: &mut LoadCache, keep: bool) -> (Loaded, Vec<PathBuf>) {
    let mut diags = Diagnostics::default();
    let catalog_stamps =
        ["site.yaml", "units.yaml", "indicators.yaml"].map(|f| stamp::of(&dir.join(f)));
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
    if !reusable || cache.catalog.as_ref() != Some(&catalog_stamps) {
        cache.files.clear();
    }
    cache.catalog = reusable.then_some(catalog_stamps);

    let files = dispatch_files(dir, &mut diags);
    let cat = catalog_ok.then_some(&catalog);
    let t = std::time::Instant::now();
    let mut reread = Vec::new();
    let mut kept = HashMap::new();
    let mut dispatches = Vec::new();
    let mut figures = Vec::new();
    // In chunks, so that the figures of only one chunk of files exist
    // twice (in their file's outcome and in the model) at any time.
    for chunk in files.chunks(64) {
        let outcomes: Vec<(Option<Stamp>, Arc<FileOutcome>, bool)> = chunk
            .par_iter()
            .map(|path| {
                let now = stamp::of(path);
                match cache.files.get(path) {
                    Some((was, outcome)) if now.is_some() && Some(was) == now.as_ref() => {
                        (now, outcome.clone(), false)
                    }
                    _ => (now, Arc::new(dispatch_outcome(dir, path, cat)), true),
                }
            })
            .collect();
        for (path, (now, outcome, fresh)) in chunk.iter().zip(outcomes) {
            if fresh {
                reread.push(path.clone());
            }
            match (keep && reusable, now) {
                (true, Some(now)) => {
                    diags.items.extend(outcome.diags.iter().cloned());
                    if let Some(d) = &outcome.dispatch {
                        dispatches.push(d.clone());
                        figures.extend(outcome.figures.iter().cloned());
                    }
                    kept.insert(path.clone(), (now, outcome));
                }
                _ => {
                    let outcome = Arc::try_unwrap(outcome).unwrap_or_else(|shared| FileOutcome {
                        dispatch: shared.dispatch.clone(),
                        figures: shared.figures.clone(),
                        diags: shared.diags.clone(),
                    });
                    diags.items.extend(outcome.diags);
                    if let Some(d) = outcome.dispatch {
                        dispatches.push(d);
                        figures.extend(outcome.figures);
                    }
                }
            }
        }
    }
    // Files that disappeared leave the cache with their outcomes.
    cache.files = kept;
    crate::timings::note("load: files", t);
    check_duplicates(&dispatches, dir, &mut diags);
    crate::timings::note("load: dups", t);

    diags.sort();
    let model = match (site, units, indicators) {
        (Some((site, _)), Some((units, _)), Some((ind, _))) if !diags.has_errors() => {
            dispatches.sort_by(|a, b| {
                (a.file.date.earliest(), &a.slug).cmp(&(b.file.date.earliest(), &b.slug))
            });
            let order: HashMap<&str, usize> = dispatches
                .iter()
                .enumerate()
                .map(|(i, d)| (d.slug.as_str(), i))
                .collect();
            figures.par_sort_by_cached_key(|f: &Figure| {
                (
                    f.period.sort_key(),
                    f.period,
                    order.get(&*f.dispatch).copied(),
                )
            });
            let figures = figures;
            crate::timings::note("load: sorted", t);
            let mut schemes = ind.schemes;
            schemes.sort_by_key(|s| s.valid_from);
            Some(Model::new(
                site,
                build_units(units.units),
                ind.indicators,
                schemes,
                dispatches,
                figures,
            ))
        }
        _ => None,
    };
    crate::timings::note("load: model", t);
    (
        Loaded {
            model,
            diagnostics: diags,
        },
        reread,
    )
}

/// What a previous load learnt of each dispatch file, for `serve`: a
/// rebuild re-reads only the files that changed.
#[derive(Debug, Default)]
pub struct LoadCache {
    /// Stamps of site.yaml, units.yaml and indicators.yaml the outcomes were checked against.
    catalog: Option<[Option<Stamp>; 3]>,
    files: HashMap<PathBuf, (Stamp, Arc<FileOutcome>)>,
}

fn build_units(entries: Vec<UnitEntry>) -> Vec<Unit> {
    let mut preds: HashMap<String, Vec<String>> = HashMap::new();
    let mut children: HashMap<String, Vec<String>> = HashMap::new();
    for u in &entries {
        for s in &u.successors {
            preds.entry(s.clone()).or_default().push(u.id.clone());
        }
        if let Some(p) = &u.parent {
            children.entry(p.clone()).or_default().push(u.id.clone());
        }
    }
    entries
        .into_iter()
        .map(|entry| Unit {
            predecessors: preds.remove(&entry.id).unwrap_or_default(),
            children: children.remove(&entry.id).unwrap_or_default(),
            entry,
        })
        .collect()
}

/// Units, indicators and schemes, once they are read: what dispatches are
/// checked against. Looked up for every cell of every appendix: FxHash
/// (ids are short and not adversarial).
#[derive(Default)]
struct Catalog {
    units: FxHashMap<String, UnitEntry>,
    /// Folded name or alias → unit id, for did-you-mean.
    names: Vec<(String, String)>,
    indicators: FxHashMap<String, IndicatorEntry>,
    schemes: Vec<SchemeEntry>,
}

impl Catalog {
    fn check_units(&mut self, file: &UnitsFile, src: &Source, diags: &mut Diagnostics) {
        let mut seen_names: HashMap<String, String> = HashMap::new();
        for (i, u) in file.units.iter().enumerate() {
            let at = format!("units[{i}]");
            if !is_slug(&u.id) {
                diags.push(
                    src.error(&format!("{at}.id"), format!("`{}` is not a valid id", u.id))
                        .with_hint(slug_hint(&u.id)),
                );
            }
            if self.units.insert(u.id.clone(), u.clone()).is_some() {
                diags.push(
                    src.error(
                        &format!("{at}.id"),
                        format!("the id `{}` is used twice", u.id),
                    )
                    .with_hint("give each unit its own id"),
                );
            }
            for (j, name) in std::iter::once(&u.name).chain(&u.aliases).enumerate() {
                let key = fold(name);
                let field = if j == 0 {
                    format!("{at}.name")
                } else {
                    format!("{at}.aliases[{}]", j - 1)
                };
                match seen_names.get(&key) {
                    Some(other) if other != &u.id => diags.push(
                        src.error(&field, format!("the name `{name}` is also a name of `{other}`"))
                            .with_hint("a printed name must point at one unit only: remove it from one of them"),
                    ),
                    _ => {
                        seen_names.insert(key.clone(), u.id.clone());
                        self.names.push((key, u.id.clone()));
                    }
                }
            }
            if let (Some(f), Some(t)) = (u.valid_from, u.valid_to) {
                if t < f {
                    diags.push(
                        src.error(
                            &format!("{at}.valid_to"),
                            format!("valid_to {t} is before valid_from {f}"),
                        )
                        .with_hint(
                            "valid_to is the last day the unit existed: a date after valid_from",
                        ),
                    );
                }
            }
        }
        let mut former: HashSet<&str> = HashSet::new();
        for (i, u) in file.units.iter().enumerate() {
            for (j, f) in u.former_ids.iter().enumerate() {
                let field = format!("units[{i}].former_ids[{j}]");
                if !is_slug(f) {
                    diags.push(
                        src.error(&field, format!("`{f}` is not a valid id"))
                            .with_hint(slug_hint(f)),
                    );
                } else if self.units.contains_key(f) || !former.insert(f) {
                    diags.push(src.error(&field, format!("`{f}` is already the id of a unit"))
                        .with_hint("a former id must not be in use: remove it, or give the other unit another id"));
                }
            }
        }
        for (i, u) in file.units.iter().enumerate() {
            let at = format!("units[{i}]");
            if let Some(p) = &u.parent {
                if let Err(hint) = self.resolve_unit(p) {
                    diags.push(
                        src.error(&format!("{at}.parent"), format!("unknown unit `{p}`"))
                            .with_hint(hint),
                    );
                } else if p == &u.id {
                    diags.push(
                        src.error(&format!("{at}.parent"), "a unit cannot be its own parent")
                            .with_hint("write the id of the unit above it, e.g. hung-yen"),
                    );
                }
            }
            for (j, s) in u.successors.iter().enumerate() {
                if let Err(hint) = self.resolve_unit(s) {
                    diags.push(
                        src.error(
                            &format!("{at}.successors[{j}]"),
                            format!("unknown unit `{s}`"),
                        )
                        .with_hint(hint),
                    );
                }
            }
            if !u.successors.is_empty() && u.valid_to.is_none() {
                diags.push(
                    src.error(
                        &format!("{at}.successors"),
                        "a unit with successors needs `valid_to`",
                    )
                    .with_hint("add `valid_to:` with the last day it existed, e.g. 2025-02-28"),
                );
            }
        }
        // A parent chain must end: a cycle would loop forever on unit pages.
        for (i, u) in file.units.iter().enumerate() {
            let mut seen = HashSet::new();
            let mut cur = u.parent.as_deref();
            while let Some(p) = cur {
                if !seen.insert(p.to_string()) || p == u.id {
                    diags.push(
                        src.error(&format!("units[{i}].parent"), "the parents form a cycle")
                            .with_hint("a unit's parent chain must end at the province"),
                    );
                    break;
                }
                cur = self.units.get(p).and_then(|x| x.parent.as_deref());
            }
        }
    }

    /// Resolve an id; on failure, a hint naming the closest id, name or alias.
    fn resolve_unit(&self, id: &str) -> Result<&UnitEntry, String> {
        if let Some(u) = self.units.get(id) {
            return Ok(u);
        }
        let folded = fold(id);
        if let Some((_, uid)) = self.names.iter().find(|(n, _)| *n == folded) {
            return Err(format!("write the unit's id, `{uid}`, not its name"));
        }
        let candidates = self
            .units
            .keys()
            .map(String::as_str)
            .chain(self.names.iter().map(|(n, _)| n.as_str()));
        match closest(id, candidates) {
            Some(c) => {
                let uid = self
                    .names
                    .iter()
                    .find(|(n, _)| n == c)
                    .map_or(c, |(_, u)| u.as_str());
                let name = self.units.get(uid).map_or("", |u| u.name.as_str());
                Err(format!(
                    "did you mean `{uid}` ({name})? Units are listed in units.yaml"
                ))
            }
            None => Err("use an id from units.yaml, or add the unit there".into()),
        }
    }

    fn resolve_indicator(&self, id: &str) -> Result<&IndicatorEntry, String> {
        if let Some(i) = self.indicators.get(id) {
            return Ok(i);
        }
        let folded = fold(id);
        if let Some(ind) = self.indicators.values().find(|i| fold(&i.name) == folded) {
            return Err(format!(
                "write the indicator's id, `{}`, not its name",
                ind.id
            ));
        }
        let mut ids: Vec<&str> = self.indicators.keys().map(String::as_str).collect();
        ids.sort_unstable();
        match closest(id, ids.iter().copied()) {
            Some(c) => Err(format!(
                "did you mean `{c}`? Indicators are listed in indicators.yaml"
            )),
            None => Err(format!("use one of: {}", ids.join(", "))),
        }
    }

    fn check_indicators(&mut self, file: &IndicatorsFile, src: &Source, diags: &mut Diagnostics) {
        for (i, ind) in file.indicators.iter().enumerate() {
            let at = format!("indicators[{i}]");
            if !is_slug(&ind.id) {
                diags.push(
                    src.error(
                        &format!("{at}.id"),
                        format!("`{}` is not a valid id", ind.id),
                    )
                    .with_hint(slug_hint(&ind.id)),
                );
            }
            if self
                .indicators
                .insert(ind.id.clone(), ind.clone())
                .is_some()
            {
                diags.push(
                    src.error(
                        &format!("{at}.id"),
                        format!("the id `{}` is used twice", ind.id),
                    )
                    .with_hint("give each indicator its own id"),
                );
            }
            if let Some(t) = &ind.target {
                check_measure_value(
                    ind,
                    &t.at_least,
                    None,
                    src,
                    &format!("{at}.target.at_least"),
                    diags,
                );
            }
        }
        let mut ids = HashSet::new();
        for (i, s) in file.schemes.iter().enumerate() {
            let at = format!("schemes[{i}]");
            if !is_slug(&s.id) {
                diags.push(
                    src.error(&format!("{at}.id"), format!("`{}` is not a valid id", s.id))
                        .with_hint(slug_hint(&s.id)),
                );
            }
            if !ids.insert(s.id.clone()) {
                diags.push(
                    src.error(
                        &format!("{at}.id"),
                        format!("the id `{}` is used twice", s.id),
                    )
                    .with_hint("give each scheme its own id"),
                );
            }
            if let Some(t) = s.valid_to {
                if t < s.valid_from {
                    diags.push(
                        src.error(
                            &format!("{at}.valid_to"),
                            format!("valid_to {t} is before valid_from {}", s.valid_from),
                        )
                        .with_hint("valid_to is the last day the scheme was in force: a date after valid_from"),
                    );
                }
            }
            let mut sum = 0.0;
            for (g, group) in s.groups.iter().enumerate() {
                let gat = format!("{at}.groups[{g}]");
                self.check_points_indicator(
                    &group.indicator,
                    src,
                    &format!("{gat}.indicator"),
                    diags,
                );
                sum += group.max.value;
                if !group.parts.is_empty() {
                    let parts: f64 = group.parts.iter().map(|p| p.max.value).sum();
                    if (parts - group.max.value).abs() > 1e-9 {
                        diags.push(
                            src.error(
                                &format!("{gat}.max"),
                                format!(
                                    "the parts' maxima add up to {} but the group's max is {}",
                                    crate::vi::format_auto(parts, 2),
                                    group.max
                                ),
                            )
                            .with_hint("make the parts' maxima add up to the group's max"),
                        );
                    }
                }
                for (p, part) in group.parts.iter().enumerate() {
                    self.check_points_indicator(
                        &part.indicator,
                        src,
                        &format!("{gat}.parts[{p}].indicator"),
                        diags,
                    );
                }
            }
            if (sum - s.total_max.value).abs() > 1e-9 {
                diags.push(
                    src.error(
                        &format!("{at}.total_max"),
                        format!(
                            "the groups' maxima add up to {} but total_max is {}",
                            crate::vi::format_auto(sum, 2),
                            s.total_max
                        ),
                    )
                    .with_hint("make the groups' maxima add up to total_max"),
                );
            }
        }
        let mut sorted: Vec<(usize, &SchemeEntry)> = file.schemes.iter().enumerate().collect();
        sorted.sort_by_key(|(_, s)| s.valid_from);
        for w in sorted.windows(2) {
            let (_, a) = w[0];
            let (j, b) = w[1];
            if a.valid_to.is_none_or(|t| t >= b.valid_from) {
                diags.push(
                    src.error(
                        &format!("schemes[{j}].valid_from"),
                        format!(
                            "scheme `{}` starts {} while `{}` is still in force",
                            b.id, b.valid_from, a.id
                        ),
                    )
                    .with_hint(format!(
                        "end `{}` the day before: valid_to: {}",
                        a.id,
                        b.valid_from
                            .0
                            .pred_opt()
                            .map_or(String::new(), |d| d.to_string())
                    )),
                );
            }
        }
        self.schemes = file.schemes.clone();
    }

    fn check_points_indicator(&self, id: &str, src: &Source, field: &str, diags: &mut Diagnostics) {
        match self.resolve_indicator(id) {
            Err(hint) => diags.push(
                src.error(field, format!("unknown indicator `{id}`"))
                    .with_hint(hint),
            ),
            Ok(ind) if ind.measure != Measure::Points => diags.push(
                src.error(
                    field,
                    format!(
                        "`{id}` is measured in {:?}, not points: it cannot be an index group",
                        ind.measure
                    )
                    .to_lowercase(),
                )
                .with_hint("index groups are indicators with `measure: points`"),
            ),
            Ok(_) => {}
        }
    }

    fn check_site(&self, site: &SiteFile, src: &Source, diags: &mut Diagnostics) {
        if !self.units.is_empty() {
            if let Err(hint) = self.resolve_unit(&site.province) {
                diags.push(
                    src.error("province", format!("unknown unit `{}`", site.province))
                        .with_hint(hint),
                );
            }
        }
        if !(site.base_path.starts_with('/') && site.base_path.ends_with('/'))
            || site.base_path.contains("..")
        {
            diags.push(
                src.error(
                    "base_path",
                    format!("`{}` is not a sub-path", site.base_path),
                )
                .with_hint("write `/` or a path between slashes, e.g. /cong-khai/"),
            );
        }
        if !(site.site_url.starts_with("https://") || site.site_url.starts_with("http://"))
            || site.site_url.ends_with('/')
        {
            diags.push(src.error("site_url", format!("`{}` is not a site address", site.site_url)).with_hint("write the scheme and host without a trailing slash, e.g. https://hungyen.gov.vn"));
        }
        if !is_slug(&site.theme) {
            diags.push(
                src.error(
                    "theme",
                    format!("`{}` is not a theme folder name", site.theme),
                )
                .with_hint(slug_hint(&site.theme)),
            );
        }
    }
}

/// Range checks by measure: points within 0..=max, percent within 0..=100,
/// counts whole and not negative.
fn check_measure_value(
    ind: &IndicatorEntry,
    v: &Num,
    max: Option<&Num>,
    src: &Source,
    field: &str,
    diags: &mut Diagnostics,
) {
    let x = v.value;
    match ind.measure {
        Measure::Percent if !(0.0..=100.0).contains(&x) => diags.push(
            src.error(
                field,
                format!("{v} is not a percent: {} is a rate from 0 to 100", ind.name),
            )
            .with_hint("write the rate as printed, without the % sign, e.g. 44,6"),
        ),
        Measure::Count if x < 0.0 => diags.push(
            src.error(field, format!("{}: {v} is below 0", ind.name))
                .with_hint("a count is 0 or more"),
        ),
        Measure::Count if v.decimals > 0 || x.fract() != 0.0 => {
            let (what, how) = super::numbers::not_whole(x);
            diags.push(
                src.error(field, format!("{} is a whole count: {what}", ind.name))
                    .with_hint(how),
            )
        }
        Measure::Points => {
            if x < 0.0 {
                diags.push(
                    src.error(field, format!("{v} is below 0 points"))
                        .with_hint("scores are 0 or more"),
                );
            }
            if let Some(m) = max {
                if x > m.value + 1e-9 {
                    diags.push(
                        src.error(
                            field,
                            format!("{v} is above the maximum of {m} points for {}", ind.name),
                        )
                        .with_hint(format!(
                            "a score is between 0 and {m}; check the figure against the dispatch"
                        )),
                    );
                }
            }
        }
        _ => {}
    }
}

struct DispatchChecker<'a> {
    cat: &'a Catalog,
    src: &'a Source,
    slug: &'a str,
    figures: Vec<Figure>,
    /// One shared copy of each id the file's figures name.
    ids: std::cell::RefCell<FxHashMap<String, Id>>,
}

impl DispatchChecker<'_> {
    fn unit(
        &self,
        id: &str,
        field: &str,
        period: Option<&Period>,
        diags: &mut Diagnostics,
    ) -> bool {
        match self.cat.resolve_unit(id) {
            Err(hint) => {
                diags.push(
                    self.src
                        .error(field, format!("unknown unit `{id}`"))
                        .with_hint(hint),
                );
                false
            }
            Ok(u) => {
                if let Some(p) = period {
                    let valid = u.valid_from.is_none_or(|f| f <= p.end())
                        && u.valid_to.is_none_or(|t| t >= p.start());
                    if !valid {
                        let span = format!(
                            "{} – {}",
                            u.valid_from.map_or("…".into(), |d| d.to_string()),
                            u.valid_to.map_or("…".into(), |d| d.to_string())
                        );
                        let mut hint = format!("`{id}` existed {span}");
                        if !u.successors.is_empty() {
                            hint.push_str(&format!(
                                "; from then on write its successor: {}",
                                u.successors.join(", ")
                            ));
                        }
                        diags.push(
                            self.src
                                .error(field, format!("{} did not exist in {p}", u.name))
                                .with_hint(hint),
                        );
                    }
                }
                true
            }
        }
    }

    fn indicator(&self, id: &str, field: &str, diags: &mut Diagnostics) -> Option<&IndicatorEntry> {
        match self.cat.resolve_indicator(id) {
            Ok(i) => Some(i),
            Err(hint) => {
                diags.push(
                    self.src
                        .error(field, format!("unknown indicator `{id}`"))
                        .with_hint(hint),
                );
                None
            }
        }
    }

    fn check(&mut self, d: &DispatchFile, diags: &mut Diagnostics) {
        let period = d.period.as_ref();
        // The issuer must exist on the day of issue.
        let issued = d.date.earliest();
        if let Ok(u) = self.cat.resolve_unit(&d.issuer.unit) {
            if u.valid_to.is_some_and(|t| t < issued) || u.valid_from.is_some_and(|f| f > issued) {
                diags.push(
                    self.src
                        .error(
                            "issuer.unit",
                            format!("{} did not exist on {}", u.name, d.date),
                        )
                        .with_hint(format!(
                            "valid {} – {} in units.yaml",
                            u.valid_from.map_or("…".into(), |x| x.to_string()),
                            u.valid_to.map_or("…".into(), |x| x.to_string())
                        )),
                );
            }
        } else {
            self.unit(&d.issuer.unit, "issuer.unit", None, diags);
        }
        if let Some(t) = d.data_as_of {
            if t > issued && d.date.day.is_some() {
                diags.push(self.src.warning(
                    "data_as_of",
                    format!("the data date {t} is after the date of issue {}", d.date),
                ));
            }
        }
        match d.kind {
            DispatchKind::Directive => {
                let carries = d.results.is_some() || !d.appendices.is_empty();
                if carries {
                    let field = if d.results.is_some() {
                        "results"
                    } else {
                        "appendices"
                    };
                    diags.push(self.src.error(field, "a directive carries no results")
                        .with_hint("remove the results, or set `kind: monthly-results` if the dispatch publishes them"));
                }
            }
            DispatchKind::MonthlyResults => {
                if period.is_none() {
                    diags.push(
                        self.src
                            .error("kind", "results need the period they cover")
                            .with_hint("add `period:`, e.g. `period: 2023-10` for October 2023"),
                    );
                }
            }
        }
        for (i, m) in d.mentions.iter().enumerate() {
            self.unit(&m.unit, &format!("mentions[{i}].unit"), period, diags);
            if let Some(ind) = &m.indicator {
                self.indicator(ind, &format!("mentions[{i}].indicator"), diags);
            }
        }
        for (i, n) in d.notes.iter().enumerate() {
            if let Some(ind) = &n.indicator {
                self.indicator(ind, &format!("notes[{i}].indicator"), diags);
            }
        }
        let Some(period) = period else { return };
        if let Some(r) = &d.results {
            self.check_results(r, period, diags);
        }
        for (a, app) in d.appendices.iter().enumerate() {
            self.check_appendix(app, a, period, diags);
        }
    }

    fn figure(
        &self,
        period: &Period,
        unit: &str,
        indicator: &str,
        value: FigureValue,
        source: FigureSource,
    ) -> Figure {
        Figure {
            period: *period,
            unit: self.id(unit),
            indicator: self.id(indicator),
            value,
            max: None,
            target: None,
            status: None,
            rank: None,
            national_average: None,
            rate: None,
            dispatch: self.id(self.slug),
            source,
            scheme: None,
        }
    }

    fn id(&self, text: &str) -> Id {
        let mut ids = self.ids.borrow_mut();
        if let Some(id) = ids.get(text) {
            return id.clone();
        }
        let id: Id = text.into();
        ids.insert(text.to_string(), id.clone());
        id
    }

    fn check_results(&mut self, r: &Results, period: &Period, diags: &mut Diagnostics) {
        let unit_ok = self.unit(&r.unit, "results.unit", Some(period), diags);
        let scheme = scheme_for(&self.cat.schemes, period);
        if scheme.is_none() && (r.total.is_some() || !r.groups.is_empty()) {
            let known: Vec<String> = self
                .cat
                .schemes
                .iter()
                .map(|s| {
                    format!(
                        "{} ({} – {})",
                        s.id,
                        s.valid_from,
                        s.valid_to.map_or("…".into(), |t| t.to_string())
                    )
                })
                .collect();
            diags.push(
                self.src
                    .error(
                        "period",
                        format!("no scheme of index groups is in force for {period}"),
                    )
                    .with_hint(format!(
                        "add the scheme in force to indicators.yaml; known: {}",
                        known.join(", ")
                    )),
            );
        }
        // Maxima of groups and parts in the scheme in force.
        let mut maxima: BTreeMap<&str, &Num> = BTreeMap::new();
        if let Some(s) = scheme {
            for g in &s.groups {
                maxima.insert(&g.indicator, &g.max);
                for p in &g.parts {
                    maxima.insert(&p.indicator, &p.max);
                }
            }
        }
        if let Some(total) = &r.total {
            if let Some(ind) = self.indicator("tong-diem", "results.total", diags) {
                check_measure_value(
                    ind,
                    total,
                    scheme.map(|s| &s.total_max),
                    self.src,
                    "results.total",
                    diags,
                );
            }
            if unit_ok {
                let mut f = self.figure(
                    period,
                    &r.unit,
                    "tong-diem",
                    FigureValue::Value { value: *total },
                    FigureSource::Results,
                );
                f.max = scheme.map(|s| s.total_max);
                f.rank = r.rank;
                f.scheme = scheme.map(|s| self.id(&s.id));
                self.figures.push(f);
            }
        } else if r.rank.is_some() {
            diags.push(
                self.src
                    .error("results.rank", "a rank without a total")
                    .with_hint("add `total:` with the printed score"),
            );
        }
        let mut seen = HashSet::new();
        for (i, g) in r.groups.iter().enumerate() {
            let at = format!("results.groups[{i}]");
            let Some(ind) = self.indicator(&g.indicator, &format!("{at}.indicator"), diags) else {
                continue;
            };
            if !seen.insert(g.indicator.clone()) {
                diags.push(
                    self.src
                        .error(
                            &format!("{at}.indicator"),
                            format!("`{}` is given twice", g.indicator),
                        )
                        .with_hint("give each group once; check which group this score belongs to"),
                );
            }
            let max = maxima.get(g.indicator.as_str()).copied();
            if let Some(s) = scheme {
                if max.is_none() {
                    let names: Vec<&str> = maxima.keys().copied().collect();
                    diags.push(
                        self.src
                            .error(
                                &format!("{at}.indicator"),
                                format!(
                                    "`{}` is not a group of the scheme in force for {period} ({})",
                                    g.indicator, s.id
                                ),
                            )
                            .with_hint(format!("use one of: {}", names.join(", "))),
                    );
                }
            }
            if let (Some(printed), Some(m)) = (&g.max, max) {
                if (printed.value - m.value).abs() > 1e-9 {
                    diags.push(self.src.error(&format!("{at}.max"), format!(
                        "the printed maximum {printed} differs from {m}, the maximum of `{}` in scheme `{}`",
                        g.indicator, scheme.map_or("", |s| s.id.as_str())
                    )).with_hint("check the figure; if the scheme changed, add the new scheme to indicators.yaml"));
                }
            }
            let effective_max = max.or(g.max.as_ref());
            check_measure_value(
                ind,
                &g.score,
                effective_max,
                self.src,
                &format!("{at}.score"),
                diags,
            );
            if let Some(avg) = &g.national_average {
                check_measure_value(
                    ind,
                    avg,
                    effective_max,
                    self.src,
                    &format!("{at}.national_average"),
                    diags,
                );
            }
            if let Some(rate) = &g.rate {
                check_percent(rate, self.src, &format!("{at}.rate"), diags);
            }
            for (j, det) in g.details.iter().enumerate() {
                let dat = format!("{at}.details[{j}]");
                if let Some(p) = &det.percent {
                    check_percent(p, self.src, &format!("{dat}.percent"), diags);
                }
                if let (Some(c), Some(of)) = (det.count, det.of) {
                    if c.0 > of.0 {
                        diags.push(
                            self.src
                                .error(
                                    &format!("{dat}.count"),
                                    format!("{} is more than the total of {}", c.0, of.0),
                                )
                                .with_hint("`count` is the part and `of` the whole, as in 171/171"),
                        );
                    }
                }
                if det.count.is_none() && det.percent.is_none() {
                    diags.push(
                        self.src
                            .error(&dat, "a detail needs a `count` or a `percent`")
                            .with_hint("e.g. `percent: 82,92` or `count: 171` with `of: 171`"),
                    );
                }
            }
            if unit_ok {
                let mut f = self.figure(
                    period,
                    &r.unit,
                    &g.indicator,
                    FigureValue::Value { value: g.score },
                    FigureSource::Results,
                );
                f.max = effective_max.copied();
                f.rank = g.rank;
                f.national_average = g.national_average;
                f.rate = g.rate;
                f.scheme = scheme.map(|s| self.id(&s.id));
                self.figures.push(f);
            }
        }
        // Warn when every group is reported and they do not add up to the total.
        if let (Some(total), Some(s)) = (&r.total, scheme) {
            let scores: HashMap<&str, &Num> = r
                .groups
                .iter()
                .map(|g| (g.indicator.as_str(), &g.score))
                .collect();
            let mut sum = 0.0;
            let mut slack = 0.0;
            let mut complete = true;
            for g in &s.groups {
                if let Some(v) = scores.get(g.indicator.as_str()) {
                    sum += v.value;
                    slack += half_unit(v);
                } else if !g.parts.is_empty()
                    && g.parts
                        .iter()
                        .all(|p| scores.contains_key(p.indicator.as_str()))
                {
                    for p in &g.parts {
                        let v = scores[p.indicator.as_str()];
                        sum += v.value;
                        slack += half_unit(v);
                    }
                } else {
                    complete = false;
                }
            }
            slack += half_unit(total);
            if complete && (sum - total.value).abs() > slack + 1e-9 {
                diags.push(
                    self.src
                        .warning(
                            "results.total",
                            format!(
                                "the groups add up to {} but the total is {total}",
                                crate::vi::format_auto(sum, 2)
                            ),
                        )
                        .with_hint(
                            "check the scores against the dispatch; the printed total is kept",
                        ),
                );
            }
        }
    }

    fn check_appendix(
        &mut self,
        app: &Appendix,
        a: usize,
        period: &Period,
        diags: &mut Diagnostics,
    ) {
        let at = format!("appendices[{a}]");
        let mut columns = Vec::new();
        for (c, col) in app.columns.iter().enumerate() {
            let ind = self.indicator(
                &col.indicator,
                &format!("{at}.columns[{c}].indicator"),
                diags,
            );
            if let (Some(ind), Some(t)) = (ind, &col.target) {
                check_measure_value(
                    ind,
                    &t.at_least,
                    None,
                    self.src,
                    &format!("{at}.columns[{c}].target.at_least"),
                    diags,
                );
            }
            if ind.is_some_and(|i| i.measure == Measure::Points) {
                diags.push(
                    self.src
                        .error(
                            &format!("{at}.columns[{c}].indicator"),
                            "appendix columns hold rates and counts, not index points",
                        )
                        .with_hint("use a percent or count indicator from indicators.yaml"),
                );
            }
            for (k, mark) in col.footnotes.iter().enumerate() {
                if !app.footnotes.iter().any(|f| &f.mark == mark) {
                    diags.push(
                        self.src
                            .error(
                                &format!("{at}.columns[{c}].footnotes[{k}]"),
                                format!("no footnote `{mark}` in this appendix"),
                            )
                            .with_hint("add it under `footnotes:` with its text"),
                    );
                }
            }
            columns.push(ind.cloned());
        }
        let status_cols: Vec<usize> = app
            .columns
            .iter()
            .enumerate()
            .filter(|(_, c)| c.has_status)
            .map(|(i, _)| i)
            .collect();
        if status_cols.len() > 1 {
            diags.push(
                self.src
                    .error(
                        &format!("{at}.columns"),
                        "only one column can carry the published status",
                    )
                    .with_hint(
                        "keep `has_status: true` on the column the printed status refers to",
                    ),
            );
        }
        let status_col = status_cols.first().copied();
        // The target in force in each column, shared by its figures.
        let targets: Vec<Option<Arc<Target>>> = app
            .columns
            .iter()
            .enumerate()
            .map(|(c, col)| {
                let ind = columns.get(c).and_then(Option::as_ref);
                col.target
                    .clone()
                    .or_else(|| ind.and_then(|i| i.target.clone()))
                    .map(Arc::new)
            })
            .collect();
        let mut seen_units = HashSet::new();
        for (r, row) in app.rows.iter().enumerate() {
            let rat = format!("{at}.rows[{r}]");
            let unit_ok = self.unit(&row.unit, &format!("{rat}.unit"), Some(period), diags);
            if unit_ok && !seen_units.insert(row.unit.clone()) {
                diags.push(
                    self.src
                        .error(
                            &format!("{rat}.unit"),
                            format!("`{}` has two rows in this appendix", row.unit),
                        )
                        .with_hint("check the unit id of this row against the printed name"),
                );
            }
            if let (Some(printed), Ok(u)) = (&row.printed_name, self.cat.resolve_unit(&row.unit)) {
                let f = fold(printed);
                if fold(&u.name) != f && !u.aliases.iter().any(|al| fold(al) == f) {
                    diags.push(self.src.warning(&format!("{rat}.printed_name"), format!("`{printed}` is not a known name of `{}` ({})", u.id, u.name))
                        .with_hint("check the unit, or add the printed name to its aliases in units.yaml"));
                }
            }
            if row.values.len() != app.columns.len() {
                diags.push(
                    self.src
                        .error(
                            &format!("{rat}.values"),
                            format!(
                                "{} values for {} columns",
                                row.values.len(),
                                app.columns.len()
                            ),
                        )
                        .with_hint("give one value per column, in order; `~` for a blank cell"),
                );
            }
            if row.status.is_some() && status_col.is_none() {
                diags.push(self.src.error(&format!("{rat}.status"), "this appendix has no status column")
                    .with_hint("set `has_status: true` on the column the status belongs to, or remove the status"));
            }
            for (c, cell) in row.values.iter().enumerate() {
                let field = format!("{rat}.values[{c}]");
                let (Some(col), Some(Some(ind))) = (app.columns.get(c), columns.get(c)) else {
                    continue;
                };
                let value = match cell {
                    super::numbers::Cell::Value { value } => {
                        check_measure_value(ind, value, None, self.src, &field, diags);
                        FigureValue::Value { value: *value }
                    }
                    super::numbers::Cell::NotApplicable { reason } => FigureValue::NotApplicable {
                        reason: reason.clone(),
                    },
                    super::numbers::Cell::NotPublished { reason } => FigureValue::NotPublished {
                        reason: reason.clone(),
                    },
                };
                let mut f = self.figure(
                    period,
                    &row.unit,
                    &col.indicator,
                    value,
                    FigureSource::Appendix {
                        number: self.id(&app.number),
                    },
                );
                f.target = targets.get(c).cloned().flatten();
                if status_col == Some(c) {
                    f.status = row.status;
                    if let (Some(met), Some(status)) = (f.meets_target(), row.status) {
                        let printed_met = status == Status::Met;
                        if met != printed_met {
                            let t = f
                                .target
                                .as_ref()
                                .map_or(String::new(), |t| t.at_least.to_string());
                            diags.push(self.src.warning(&format!("{rat}.status"), format!(
                                "printed `{}` but {} {} the target of at least {t}",
                                if printed_met { "Hoàn thành" } else { "Chưa hoàn thành" },
                                cell_text(cell),
                                if met { "meets" } else { "misses" }
                            )).with_hint("the published status is kept as printed; check it against the original"));
                        }
                    }
                }
                if unit_ok {
                    self.figures.push(f);
                }
            }
        }
    }
}

fn cell_text(cell: &super::numbers::Cell) -> String {
    match cell {
        super::numbers::Cell::Value { value } => value.to_string(),
        _ => "the value".into(),
    }
}

fn check_percent(v: &Num, src: &Source, field: &str, diags: &mut Diagnostics) {
    if !(0.0..=100.0).contains(&v.value) {
        diags.push(
            src.error(field, format!("{v} is not a percent (0 to 100)"))
                .with_hint("write the rate as printed, without the % sign, e.g. 96,57"),
        );
    }
}

/// Half a unit of the last printed decimal: the rounding a printed figure may carry.
fn half_unit(v: &Num) -> f64 {
    0.5 * 10f64.powi(-(v.decimals as i32))
}

fn check_duplicates(dispatches: &[Arc<Dispatch>], dir: &Path, diags: &mut Diagnostics) {
    let mut seen: HashMap<(String, String, DispatchKind, Period), &Dispatch> = HashMap::new();
    for d in dispatches {
        let Some(period) = d.file.period else {
            continue;
        };
        let key = (
            d.file.issuer.unit.clone(),
            fold(&d.file.issuer.body),
            d.file.kind,
            period,
        );
        if let Some(first) = seen.get(&key) {
            let path = dir.join(&d.source);
            let src_line = Source::new(&path, &std::fs::read_to_string(&path).unwrap_or_default())
                .index()
                .find("period");
            diags.push(
                Diagnostic::error(&path, "period", format!(
                    "a second dispatch of {} for {period}: {} covers the same issuer, kind and period",
                    d.file.issuer.body, first.source.display()
                ))
                .at(src_line.map(|p| p.line), src_line.map(|p| p.column))
                .with_hint("keep one file per issuer, kind and period; correct the period if this one covers another"),
            );
        } else {
            seen.insert(key, d);
        }
    }
}
