//! One module per page kind; each gathers its page's data from the model
//! and renders it with its template. Addresses come from
//! [`crate::site::paths`]; shared view shapes from [`views`]; each chart's
//! data from [`chart_data`] (the drawing is in [`crate::charts`]).
//!
//! | page | module | template |
//! |---|---|---|
//! | `index.html` | [`home`] | `index.html` |
//! | `thang/`, `thang/<month>/`; `quy/`, `nua-nam/`, `nam/`, `tuan/`, `ky/` for other periods | [`months`] | `months.html`, `month.html` |
//! | `van-ban/`, `van-ban/<slug>/` | [`dispatches`] | `dispatches.html`, `dispatch.html` |
//! | `don-vi/`, `don-vi/<id>/` | [`units`] | `units.html`, `unit.html`, `redirect.html` |
//! | `chi-so/`, `chi-so/<id>/` | [`indicators`] | `indicators.html`, `indicator.html` |
//! | `du-lieu/` and its CSV/JSON | [`open_data`] | `data.html` |
//! | `tim-kiem/chi-muc/*.json` | [`search`] | (none: JSON for `static/site.js`) |
//! | `sitemap.xml`, `feed.xml`, `robots.txt`, `404.html` | [`feeds`] | same names |

pub mod chart_data;
pub mod citation;
mod context;
pub mod dispatches;
pub mod feeds;
pub mod home;
pub mod indicators;
pub mod league;
pub mod months;
pub mod open_data;
pub mod scorecard;
pub mod search;
mod tables;
pub mod units;
pub mod views;
mod whitespace;

use crate::model::Model;
use crate::site::incremental::affected::Affected;
use crate::site::theme::Theme;
pub use crate::site::writer::Page;
use crate::site::writer::Writer;
use crate::site::SiteError;
pub use context::PageContext;
use open_data::OpenDataLayout;
use rayon::prelude::*;

/// What each page module returns.
pub type Pages = Result<Vec<Page>, SiteError>;

/// One page kind's renderer.
type Step = fn(&PageContext) -> Pages;

/// What rendering leaves besides the files.
pub struct Rendered {
    /// Files of the previous build that the site no longer has (none for a
    /// full build).
    pub stale: Vec<String>,
    /// Where each record of the open data files starts, when they were
    /// written (see [`open_data`]).
    pub open_data: Option<OpenDataLayout>,
}

/// Render every page, data file and asset `affected` names into `writer`.
/// The page kinds render in parallel; the feeds last, since the sitemap
/// lists every page (with a partial rebuild, the writer's index also holds
/// the pages kept from the previous build). `open_data`: the previous
/// build's layout of the open data files, for a partial rebuild.
pub fn render_all(
    model: &Model,
    theme: &Theme,
    writer: &Writer,
    affected: &Affected,
    open_data: Option<OpenDataLayout>,
) -> Result<Rendered, SiteError> {
    let r = PageContext::new(model, theme, writer, affected, open_data);
    let steps: [(&str, Step); 7] = [
        ("render: home", home::render),
        ("render: months", months::render),
        ("render: dispatches", dispatches::render),
        ("render: units", units::render),
        ("render: indicators", indicators::render),
        ("render: open data", open_data::render),
        ("render: search index", search::render),
    ];
    steps.par_iter().try_for_each(|(name, step)| {
        let started = std::time::Instant::now();
        writer.put_all(step(&r)?)?;
        crate::timings::note(name, started);
        Ok::<(), SiteError>(())
    })?;
    let stale = writer.remove_stale();
    writer.put_all(feeds::render(&r, &writer.html_pages())?)?;
    if affected.is_all() {
        // Else the theme is unchanged, or the rebuild would be a full one.
        for (name, bytes) in &theme.assets {
            writer.put(Page::file(format!("static/{name}"), bytes.clone()))?;
        }
    }
    let open_data = r.open_data.into_inner().unwrap_or_else(|e| e.into_inner());
    Ok(Rendered { stale, open_data })
}
