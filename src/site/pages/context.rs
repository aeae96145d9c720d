//! What every page module renders with: the model, the theme, the writer,
//! the pages a build renders, and the context every template receives.

use super::open_data::layout::OpenDataLayout;
use super::views::Refs;
use super::Page;
use crate::model::Model;
use crate::site::incremental::affected::Affected;
use crate::site::paths;
use crate::site::theme::{error_chain, Theme};
use crate::site::writer::Writer;
use crate::site::SiteError;
use serde::Serialize;
use std::sync::Mutex;
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

/// One build's rendering context, shared by the page modules, which run
/// in parallel.
pub struct PageContext<'a> {
    pub model: &'a Model,
    theme: &'a Theme,
    /// Where pages go as soon as they are rendered.
    pub writer: &'a Writer,
    /// Which pages to render.
    pub affected: &'a Affected,
    /// Where each record of the open data files starts: the previous
    /// build's on the way in, this build's once they are written.
    pub open_data: Mutex<Option<OpenDataLayout>>,
    /// The views of units, indicators and dispatches the table rows share.
    pub refs: Refs<'a>,
}

impl<'a> PageContext<'a> {
    pub fn new(
        model: &'a Model,
        theme: &'a Theme,
        writer: &'a Writer,
        affected: &'a Affected,
        open_data: Option<OpenDataLayout>,
    ) -> Self {
        PageContext {
            model,
            theme,
            writer,
            affected,
            open_data: Mutex::new(open_data),
            refs: Refs::new(model),
        }
    }

    /// The absolute URL of a page path (`don-vi/x/index.html` → `https://…/don-vi/x/`).
    pub fn absolute(&self, page: &str) -> String {
        format!(
            "{}{}{}",
            self.model.site.site_url,
            self.model.site.base_path,
            paths::url_of_file(page)
        )
    }

    /// Render `template` to `page` with `data` under the name `page`, and
    /// the common context (`site`, `root`, `urls`, `section`, `canonical`).
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
        Ok(Page::file(page, html))
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
        let root = if page == paths::NOT_FOUND {
            s.base_path.clone()
        } else {
            paths::root_of(page)
        };
        ctx.insert("home", if root.is_empty() { "./" } else { root.as_str() });
        ctx.insert("root", &root);
        ctx.insert("urls", &paths::SECTIONS);
        ctx.insert("section", section);
        ctx.insert("page_title", page_title);
        ctx.insert("canonical", &self.absolute(page));
        ctx.insert("page_path", page);
        ctx
    }

    /// `template` rendered with `ctx`, as the bytes of the file `page`.
    /// Written as bytes: tera's `render` would check the whole text to be
    /// UTF-8 a second time (its parts are `String`s already).
    pub fn render(&self, template: &str, ctx: &Context, page: &str) -> Result<Vec<u8>, SiteError> {
        let mut bytes = Vec::new();
        self.theme
            .tera
            .render_to(template, ctx, &mut bytes)
            .map_err(|e| SiteError::Render {
                page: page.to_string(),
                message: error_chain(&e),
            })?;
        // An HTML page without the blank lines its template leaves.
        if template.ends_with(".html") {
            super::whitespace::squeeze(&mut bytes);
        }
        Ok(bytes)
    }
}
