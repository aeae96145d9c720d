//! `sitemap.xml`, `feed.xml` (Atom, one entry per dispatch), `robots.txt`
//! and `404.html`: the only files with absolute URLs, built from the site
//! URL and the base path.

use super::views::*;
use super::{Page, PageContext, Pages};
use crate::site::paths;
use serde::Serialize;

#[derive(Serialize)]
struct Entry {
    r#ref: DispatchRef,
    url: String,
    /// RFC 3339; a blank day counts as the first of the month, an unknown
    /// date as the end of the period reported.
    updated: String,
}

/// `pages`: every HTML page rendered so far, sorted, for the sitemap.
pub fn render(r: &PageContext, pages_so_far: &[String]) -> Pages {
    let model = r.model;
    // 404.html is served at any path, so its links are absolute (base path).
    let not_found = r.page(
        paths::NOT_FOUND,
        "404.html",
        "",
        "Không tìm thấy trang",
        &(),
    )?;
    let mut pages = vec![not_found];

    let mut entries: Vec<Entry> = model
        .dispatches
        .iter()
        .map(|d| Entry {
            r#ref: dispatch_ref(d),
            url: r.absolute(&paths::dispatch(&d.slug)),
            updated: match d.file.captured_at {
                Some(m) => format!("{}T{}:00+07:00", m.date, m.time),
                None => format!("{}T00:00:00+07:00", d.file.listed_on()),
            },
        })
        .collect();
    entries.sort_by(|a, b| (&b.updated, &b.r#ref.slug).cmp(&(&a.updated, &a.r#ref.slug)));
    let updated = entries
        .first()
        .map(|e| e.updated.clone())
        .unwrap_or_else(|| "2022-01-01T00:00:00+07:00".into());
    let mut ctx = r.context(paths::FEED, "", "");
    ctx.insert("entries", &entries);
    ctx.insert("updated", &updated);
    ctx.insert("feed_url", &r.absolute(paths::FEED));
    let feed = r.render("feed.xml", &ctx, paths::FEED)?;
    pages.push(Page::file(paths::FEED, feed));

    let mut ctx = r.context(paths::ROBOTS, "", "");
    ctx.insert("sitemap_url", &r.absolute(paths::SITEMAP));
    let robots = r.render("robots.txt", &ctx, paths::ROBOTS)?;
    pages.push(Page::file(paths::ROBOTS, robots));

    // Every HTML page but the 404, in path order.
    let urls: Vec<String> = pages_so_far
        .iter()
        .filter(|k| k.ends_with(".html") && k.as_str() != paths::NOT_FOUND)
        .map(|k| r.absolute(k))
        .collect();
    let mut ctx = r.context(paths::SITEMAP, "", "");
    ctx.insert("pages", &urls);
    let sitemap = r.render("sitemap.xml", &ctx, paths::SITEMAP)?;
    pages.push(Page::file(paths::SITEMAP, sitemap));
    Ok(pages)
}
