//! Steps 2–3 of the pipeline: render the validated model into pages,
//! charts and data files in memory, check every internal link, then write
//! the output folder atomically.
//!
//! - [`pages`]: one module per page kind gathers that page's data;
//! - [`theme`]: the templates (in `themes/default/templates/`) and assets;
//! - [`links`]: relative URLs and the link check;
//! - [`sink`] and [`output`]: pages written as rendered, swapped in atomically.

pub mod filters;
pub mod links;
pub mod markdown;
pub mod output;
pub mod pages;
pub mod scope;
pub mod session;
pub mod sink;
pub mod theme;

use crate::content;
use crate::diagnostics::Diagnostics;
use crate::model::Model;
pub use sink::Progress;
use sink::Sink;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum SiteError {
    #[error("the content has errors; nothing was written")]
    Content(Diagnostics),
    #[error("theme: {0}")]
    Theme(String),
    #[error("rendering {page}: {message}")]
    Render { page: String, message: String },
    #[error("broken links; nothing was written:\n{0}")]
    Links(String),
    #[error("refusing to write outside the output folder: {0}")]
    UnsafePath(String),
    #[error("writing {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub content: PathBuf,
    pub output: PathBuf,
    /// Overrides `base_path` of site.yaml.
    pub base_path: Option<String>,
}

/// Every file of the site, by path relative to the output folder.
#[derive(Debug, Default)]
pub struct Site {
    pub files: BTreeMap<String, Vec<u8>>,
    /// The sub-path the site is hosted under (`/` or `/cong-khai/`).
    pub base_path: String,
}

impl Site {
    pub fn add(&mut self, path: impl Into<String>, bytes: impl Into<Vec<u8>>) {
        self.files.insert(path.into(), bytes.into());
    }
    pub fn bytes(&self) -> usize {
        self.files.values().map(Vec::len).sum()
    }
    pub fn pages(&self) -> usize {
        self.files.keys().filter(|k| k.ends_with(".html")).count()
    }
}

#[derive(Debug)]
pub struct BuildReport {
    pub pages: usize,
    pub charts: usize,
    pub files: usize,
    pub bytes: usize,
    pub diagnostics: Diagnostics,
}

/// The site's own folder (where `themes/`, `templates/` and `static/` may
/// be): the parent of the content folder.
pub fn site_root(content: &Path) -> PathBuf {
    let abs = if content.is_absolute() {
        content.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(content))
            .unwrap_or_else(|_| content.to_path_buf())
    };
    abs.parent().map(Path::to_path_buf).unwrap_or_default()
}

/// Load and validate the content, and load the theme.
fn prepare(opts: &BuildOptions) -> Result<(Model, theme::Theme, Diagnostics), SiteError> {
    prepare_with(opts, content::load(&opts.content))
}

/// [`model_of`], with the theme.
fn prepare_with(
    opts: &BuildOptions,
    loaded: content::Loaded,
) -> Result<(Model, theme::Theme, Diagnostics), SiteError> {
    let (model, diagnostics) = model_of(opts, loaded)?;
    let theme = theme::load(&site_root(&opts.content), &model.site.theme)?;
    Ok((model, theme, diagnostics))
}

/// The model of loaded content (or its errors), with the options applied.
fn model_of(
    opts: &BuildOptions,
    loaded: content::Loaded,
) -> Result<(Model, Diagnostics), SiteError> {
    let Some(mut model) = loaded.model else {
        return Err(SiteError::Content(loaded.diagnostics));
    };
    if let Some(bp) = &opts.base_path {
        model.site.base_path = normalize_base_path(bp);
    }
    Ok((model, loaded.diagnostics))
}

/// Load, validate and render the site in memory, with its links checked.
pub fn render(opts: &BuildOptions) -> Result<(Site, Diagnostics), SiteError> {
    let (model, theme, diagnostics) = prepare(opts)?;
    let sink = Sink::memory();
    pages::render_all(&model, &theme, &sink, &scope::Scope::All)?;
    let sink::Finished { index, files, .. } = sink.finish();
    index.check(&model.site.base_path)?;
    let site = Site {
        files,
        base_path: model.site.base_path.clone(),
    };
    Ok((site, diagnostics))
}

/// Build the site into `opts.output`: pages are written into a staging
/// folder as they are rendered, links are checked, and only then is the
/// staging folder swapped in. On any error the previous output is left as
/// it was.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, SiteError> {
    build_with_progress(opts, Arc::default())
}

/// [`build`], reporting how far it has got in `progress`.
pub fn build_with_progress(
    opts: &BuildOptions,
    progress: Arc<Progress>,
) -> Result<BuildReport, SiteError> {
    let started = std::time::Instant::now();
    let (model, theme, diagnostics) = prepare(opts)?;
    crate::timings::note("load and validate", started);
    build_model(opts, &model, &theme, diagnostics, progress).map(|(report, _)| report)
}

/// What a full build leaves for a partial rebuild to start from.
struct Built {
    index: links::LinkIndex,
    layout: Option<pages::data::Layout>,
}

/// The full build of a loaded model.
fn build_model(
    opts: &BuildOptions,
    model: &Model,
    theme: &theme::Theme,
    diagnostics: Diagnostics,
    progress: Arc<Progress>,
) -> Result<(BuildReport, Built), SiteError> {
    progress.set_stage(1);
    let staging = output::begin(&opts.output)?;
    let sink = Sink::folder(&staging.dir, progress.clone());
    let rendered = pages::render_all(model, theme, &sink, &scope::Scope::All).map(drop);
    let (bytes, charts) = (sink.bytes(), sink.charts());
    let sink::Finished { index, layout, .. } = sink.finish();
    progress.set_stage(2);
    let checked = std::time::Instant::now();
    if let Err(e) = rendered.and_then(|()| index.check(&model.site.base_path)) {
        output::abort(staging);
        return Err(e);
    }
    crate::timings::note("link check", checked);
    output::commit(staging)?;
    progress.set_stage(3);
    let report = BuildReport {
        pages: index.html_pages().len(),
        files: index.file_count(),
        charts,
        bytes,
        diagnostics,
    };
    Ok((report, Built { index, layout }))
}

/// `cong-khai` → `/cong-khai/`.
pub fn normalize_base_path(bp: &str) -> String {
    let trimmed = bp.trim().trim_matches('/');
    if trimmed.is_empty() {
        "/".into()
    } else {
        format!("/{trimmed}/")
    }
}
