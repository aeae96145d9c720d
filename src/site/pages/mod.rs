//! One module per page kind; each gathers its page's data from the model
//! and renders it with its template.
//!
//! | page | module | template |
//! |---|---|---|
//! | `index.html` | [`home`] | `index.html` |
//! | `thang/`, `thang/<period>/` | [`months`] | `months.html`, `month.html` |
//! | `van-ban/`, `van-ban/<slug>/` | [`dispatches`] | `dispatches.html`, `dispatch.html` |
//! | `don-vi/`, `don-vi/<id>/` | [`units`] | `units.html`, `unit.html`, `redirect.html` |
//! | `chi-so/`, `chi-so/<id>/` | [`indicators`] | `indicators.html`, `indicator.html` |
//! | `du-lieu/` and its CSV/JSON | [`data`] | `data.html` |
//! | `sitemap.xml`, `feed.xml`, `robots.txt`, `404.html` | [`feeds`] | same names |

pub mod charts;
pub mod data;
pub mod dispatches;
pub mod feeds;
pub mod home;
pub mod indicators;
pub mod months;
pub mod units;
pub mod views;

use super::links::root_of;
use super::scope::Scope;
use super::sink::Sink;
use super::theme::{error_chain, Theme};
use super::SiteError;
use crate::model::Model;
use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

/// What every page's template receives besides its own data.
#[derive(Serialize)]
struct Common<'a> {
    title: &'a str,
    publisher: &'a str,
    description: Option<&'a str>,
    language: &'a str,
    /// `https://host/sub/`: for absolute URLs only (canonical, feed, sitemap).
    base_url: String,
    base_path: &'a str,
}

/// A rendered file: its path below the output folder and its bytes.
pub type Page = (String, Vec<u8>);

/// What each page module returns.
pub type Pages = Result<Vec<Page>, SiteError>;

/// Renders templates; shared by the page modules, which run in parallel.
pub struct Renderer<'a> {
    pub model: &'a Model,
    theme: &'a Theme,
    /// Where pages go as soon as they are rendered.
    pub sink: &'a Sink,
    /// Which pages to render.
    pub scope: &'a Scope,
}

impl<'a> Renderer<'a> {
    /// The absolute URL of a page path (`don-vi/x/index.html` → `https://…/don-vi/x/`).
    pub fn absolute(&self, page: &str) -> String {
        let path = page.strip_suffix("index.html").unwrap_or(page);
        format!(
            "{}{}{}",
            self.model.site.site_url, self.model.site.base_path, path
        )
    }

    /// Render `template` to `page` with `data` under the name `page`, and
    /// the common context (`site`, `root`, `section`, `canonical`).
    pub fn page<T: Serialize>(
        &self,
        page: &str,
        template: &str,
        section: &str,
        page_title: &str,
        data: &T,
    ) -> Result<Page, SiteError> {
        let mut ctx = self.context(page, section, page_title);
        ctx.insert("page", data);
        let html = self.render(template, &ctx, page)?;
        Ok((page.to_string(), html.into_bytes()))
    }

    pub fn context(&self, page: &str, section: &str, page_title: &str) -> Context {
        let s = &self.model.site;
        let mut ctx = Context::new();
        ctx.insert(
            "site",
            &Common {
                title: &s.title,
                publisher: &s.publisher,
                description: s.description.as_deref(),
                language: &s.language,
                base_url: format!("{}{}", s.site_url, s.base_path),
                base_path: &s.base_path,
            },
        );
        // 404.html is served at any address, so it leads home by the base path.
        let root = if page == "404.html" {
            s.base_path.clone()
        } else {
            root_of(page)
        };
        ctx.insert("home", if root.is_empty() { "./" } else { root.as_str() });
        ctx.insert("root", &root);
        ctx.insert("section", section);
        ctx.insert("page_title", page_title);
        ctx.insert("canonical", &self.absolute(page));
        ctx.insert("page_path", page);
        ctx
    }

    pub fn render(&self, template: &str, ctx: &Context, page: &str) -> Result<String, SiteError> {
        self.theme
            .tera
            .render(template, ctx)
            .map_err(|e| SiteError::Render {
                page: page.to_string(),
                message: error_chain(&e),
            })
    }
}

/// One page kind's renderer.
type Step = fn(&Renderer) -> Pages;

/// Render every page, data file and asset in `scope` into `sink`. The
/// page kinds render in parallel; the feeds last, since the sitemap lists
/// every page (with a partial rebuild, the sink's index also holds the
/// pages kept from the previous build). Returns the files of the previous
/// build that the site no longer has (none for a full build).
pub fn render_all(
    model: &Model,
    theme: &Theme,
    sink: &Sink,
    scope: &Scope,
) -> Result<Vec<String>, SiteError> {
    let r = Renderer {
        model,
        theme,
        sink,
        scope,
    };
    let steps: [(&str, Step); 6] = [
        ("render: home", home::render),
        ("render: months", months::render),
        ("render: dispatches", dispatches::render),
        ("render: units", units::render),
        ("render: indicators", indicators::render),
        ("render: open data", data::render),
    ];
    steps.par_iter().try_for_each(|(name, step)| {
        let started = std::time::Instant::now();
        sink.put_all(step(&r)?)?;
        crate::timings::note(name, started);
        Ok::<(), SiteError>(())
    })?;
    let stale = sink.remove_stale();
    sink.put_all(feeds::render(&r, &sink.html_pages())?)?;
    if !scope.is_all() {
        // The theme is unchanged, or the rebuild would be a full one.
        return Ok(stale);
    }
    for (name, bytes) in &theme.assets {
        sink.put(format!("static/{name}"), bytes.clone())?;
    }
    Ok(stale)
}
