//! Step 2 of the pipeline: render the validated model into pages, charts
//! and data files, check every internal link, and write the output folder
//! atomically. [`build`] is the entry point; `serve` rebuilds through
//! [`incremental`].
//!
//! - [`pages`]: one module per page kind gathers that page's data and
//!   renders it with its template;
//! - [`paths`]: the address and output path of every page and file;
//! - [`theme`], [`filters`], [`markdown`]: templates and assets, Vietnamese
//!   formatting for templates, sanitized dispatch text;
//! - [`writer`]: where rendered files go (memory or a folder), with the
//!   [`links`] index; [`staging`]: the folder swapped in atomically;
//! - [`incremental`]: `serve`'s rebuilds of only what a change reaches.

pub mod filters;
pub mod incremental;
pub mod links;
pub mod markdown;
pub mod pages;
pub mod paths;
pub mod progress;
pub mod staging;
pub mod theme;
pub mod writer;

use crate::content;
use crate::diagnostics::Diagnostics;
use crate::lang::{io_error, Text};
use crate::model::Model;
use crate::tr;
use incremental::affected::Affected;
use pages::open_data::OpenDataLayout;
pub use progress::{Progress, Stage};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use thiserror::Error;
use writer::Writer;

/// Why a build failed; [`SiteError::text`] says it in both languages (the
/// `Display` is the English).
#[derive(Debug, Error)]
pub enum SiteError {
    #[error("{}", self.text().en)]
    Content(Diagnostics),
    #[error("{}", self.text().en)]
    Theme(String),
    #[error("{}", self.text().en)]
    Render { page: String, message: String },
    #[error("{}", self.text().en)]
    Links(String),
    #[error("{}", self.text().en)]
    UnsafePath(String),
    #[error("{}", self.text().en)]
    OutputRefused {
        output: PathBuf,
        reason: Text,
        hint: Text,
    },
    #[error("{}", self.text().en)]
    BasePath(String),
    #[error("{}", self.text().en)]
    Busy { output: PathBuf, pid: u32 },
    #[error("{}", self.text().en)]
    Swap {
        output: PathBuf,
        #[source]
        source: std::io::Error,
        /// Whether the previous site is in place again.
        restored: bool,
    },
    #[error("{}", self.text().en)]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl SiteError {
    /// The error in both languages. Theme, template and link errors name
    /// what a developer fixes, so their details stay as the tools word them.
    pub fn text(&self) -> Text {
        match self {
            SiteError::Content(_) => tr!(
                "nội dung có lỗi; không ghi gì cả",
                "the content has errors; nothing was written"
            ),
            SiteError::Theme(m) => tr!("giao diện (theme): {m}", "theme: {m}"),
            SiteError::Render { page, message } => {
                tr!("lỗi khi dựng trang {page}: {message}", "rendering {page}: {message}")
            }
            SiteError::Links(m) => tr!(
                "có liên kết hỏng; không ghi gì cả:\n{m}",
                "broken links; nothing was written:\n{m}"
            ),
            SiteError::UnsafePath(p) => tr!(
                "từ chối ghi ra ngoài thư mục kết quả: {p}",
                "refusing to write outside the output folder: {p}"
            ),
            SiteError::OutputRefused {
                output,
                reason,
                hint,
            } => Text::new(
                format!(
                    "từ chối thay thế {}: {}\n  cách sửa: {}",
                    output.display(),
                    reason.vi,
                    hint.vi
                ),
                format!(
                    "refusing to replace {}: {}\n  help: {}",
                    output.display(),
                    reason.en,
                    hint.en
                ),
            ),
            SiteError::BasePath(p) => tr!(
                "--base-path `{p}` không phải đường dẫn con\n  cách sửa: viết `/` hoặc một đường dẫn giữa hai dấu gạch chéo gồm chữ, số và gạch ngang, ví dụ /cong-khai/",
                "--base-path `{p}` is not a sub-path\n  help: write `/` or a path between slashes of letters, digits and hyphens, e.g. /cong-khai/"
            ),
            SiteError::Busy { output, pid } => tr!(
                "một lần dựng khác (tiến trình {pid}) đang ghi vào {}; chờ nó xong rồi chạy lại",
                "another build (process {pid}) is writing {}; wait for it to finish",
                output.display()
            ),
            SiteError::Swap { output, source, .. } => Text::new(
                format!(
                    "không đưa được trang mới vào {}: {}",
                    output.display(),
                    io_error(source).vi
                ),
                format!("swapping the new site into {}: {source}", output.display()),
            ),
            SiteError::Io { path, source } => Text::new(
                format!("không ghi được {}: {}", path.display(), io_error(source).vi),
                format!("writing {}: {source}", path.display()),
            ),
        }
    }

    /// Whether the output folder is as it was before the build: true of
    /// every failure but a swap that could not put the previous site back.
    pub fn output_unchanged(&self) -> bool {
        !matches!(
            self,
            SiteError::Swap {
                restored: false,
                ..
            }
        )
    }
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

/// What a build did: the one result of [`build`] and of `serve`'s
/// rebuilds ([`incremental::IncrementalBuilder`]).
#[derive(Debug)]
pub struct BuildReport {
    /// Whether every page was rendered (else only those a change reaches).
    pub full: bool,
    /// Files rendered.
    pub rendered: usize,
    /// Files written into the output (a rebuild writes only those whose
    /// bytes changed).
    pub written: usize,
    /// Files the site no longer has, removed from the output.
    pub removed: usize,
    /// HTML pages of the whole site.
    pub pages: usize,
    /// Files of the whole site.
    pub files: usize,
    /// Charts in the pages rendered.
    pub charts: usize,
    /// Bytes rendered.
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

/// The model of loaded content, with the options applied, or the content's
/// errors.
fn model_of(
    opts: &BuildOptions,
    loaded: content::Loaded,
) -> Result<(Model, Diagnostics), SiteError> {
    let Some(mut model) = loaded.model else {
        return Err(SiteError::Content(loaded.diagnostics));
    };
    if let Some(bp) = &opts.base_path {
        let normal = normalize_base_path(bp);
        if !crate::address::is_base_path(&normal) {
            return Err(SiteError::BasePath(bp.clone()));
        }
        model.site.base_path = normal;
    }
    Ok((model, loaded.diagnostics))
}

/// The theme a model names, with the site's own overrides.
fn theme_of(opts: &BuildOptions, model: &Model) -> Result<theme::Theme, SiteError> {
    theme::load(&site_root(&opts.content), &model.site.theme)
}

/// Load, validate and render the site in memory, with its links checked:
/// what [`build`] would write, for tests and tools.
pub fn render(opts: &BuildOptions) -> Result<(Site, Diagnostics), SiteError> {
    let (model, diagnostics, written) = render_into(opts, Writer::memory())?;
    let site = Site {
        files: written.files,
        base_path: model.site.base_path.clone(),
    };
    Ok((site, diagnostics))
}

/// Load, validate and render every page into `writer`, and check every
/// link: what [`render`] and [`check`] share.
fn render_into(
    opts: &BuildOptions,
    writer: Writer,
) -> Result<(Model, Diagnostics, writer::Written), SiteError> {
    let (model, diagnostics) = model_of(opts, content::load(&opts.content))?;
    let theme = theme_of(opts, &model)?;
    pages::render_all(&model, &theme, &writer, &Affected::All, None)?;
    let written = writer.finish();
    written.index.check(&model.site.base_path)?;
    Ok((model, diagnostics, written))
}

/// Everything [`build`] does but writing: load and validate, render every
/// page (its bytes thrown away), check every link. `check` passes exactly
/// when a build of the same content and theme would.
pub fn check(opts: &BuildOptions) -> Result<(Model, Diagnostics), SiteError> {
    let (model, diagnostics, _) = render_into(opts, Writer::discard())?;
    Ok((model, diagnostics))
}

/// Build the site into `opts.output`: load and validate everything, render
/// every page into a staging folder as it is rendered, check every link,
/// and only then swap the staging folder in. On any error the previous
/// output is left as it was. `progress` tells how far it has got.
pub fn build(opts: &BuildOptions, progress: Arc<Progress>) -> Result<BuildReport, SiteError> {
    let started = std::time::Instant::now();
    let (model, diagnostics) = model_of(opts, content::load(&opts.content))?;
    let theme = theme_of(opts, &model)?;
    crate::timings::note("load and validate", started);
    let (report, basis) = full_build(opts, &model, &theme, progress)?;
    // Freeing the model and the link index one value at a time took a
    // fifth of a second at national scale, after the work was done: a
    // thread of its own frees them, and `congkhai build` exits without
    // waiting for it.
    std::thread::spawn(move || drop((model, theme, basis)));
    Ok(BuildReport {
        diagnostics,
        ..report
    })
}

/// What a build leaves for a partial rebuild to start from: the link index
/// of the whole site and the layout of the open data files.
struct RebuildBasis {
    index: links::LinkIndex,
    open_data: Option<OpenDataLayout>,
}

/// Render every page of a loaded model into a staging folder, check the
/// links, and swap it in.
fn full_build(
    opts: &BuildOptions,
    model: &Model,
    theme: &theme::Theme,
    progress: Arc<Progress>,
) -> Result<(BuildReport, RebuildBasis), SiteError> {
    progress.set_stage(Stage::Rendering);
    let staging = staging::begin(&opts.output, &opts.content)?;
    let writer = Writer::folder(&staging.dir, progress.clone());
    let rendered = pages::render_all(model, theme, &writer, &Affected::All, None);
    let (bytes, charts) = (writer.bytes(), writer.charts());
    let writer::Written { index, .. } = writer.finish();
    progress.set_stage(Stage::CheckingLinks);
    let checked = std::time::Instant::now();
    let open_data = match rendered.and_then(|r| index.check(&model.site.base_path).map(|()| r)) {
        Ok(rendered) => rendered.open_data,
        Err(e) => {
            staging::abort(staging);
            return Err(e);
        }
    };
    crate::timings::note("link check", checked);
    staging::commit(staging)?;
    progress.set_stage(Stage::Done);
    let files = index.file_count();
    let report = BuildReport {
        full: true,
        rendered: files,
        written: files,
        removed: 0,
        pages: index.html_pages().len(),
        files,
        charts,
        bytes,
        diagnostics: Diagnostics::default(),
    };
    Ok((report, RebuildBasis { index, open_data }))
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
