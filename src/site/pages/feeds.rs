//! `sitemap.xml`, `feed.xml` (Atom, one entry per dispatch), `robots.txt`
//! and `404.html`: the only files with absolute URLs, built from the site
//! URL and the base path.

use super::views::*;
use super::{Pages, Renderer};
use serde::Serialize;

#[derive(Serialize)]
struct Entry {
    r#ref: DispatchRef,
    url: String,
    /// RFC 3339; a blank day counts as the first of the month.
    updated: String,
}

/// `pages`: every HTML page rendered so far, sorted, for the sitemap.
pub fn render(r: &Renderer, pages_so_far: &[String]) -> Pages {
    let model = r.model;
    // 404.html is served at any path, so its links are absolute (base path).
    let mut pages = vec![r.page("404.html", "404.html", "", "Không tìm thấy trang", &())?];

    let mut entries: Vec<Entry> = model
        .dispatches
        .iter()
        .map(|d| Entry {
            r#ref: dispatch_ref(d),
            url: r.absolute(&format!("van-ban/{}/index.html", d.slug)),
            updated: format!("{}T00:00:00+07:00", d.file.date.earliest()),
        })
        .collect();
    entries.sort_by(|a, b| (&b.updated, &b.r#ref.slug).cmp(&(&a.updated, &a.r#ref.slug)));
    let updated = entries
        .first()
        .map(|e| e.updated.clone())
        .unwrap_or_else(|| "2022-01-01T00:00:00+07:00".into());
    let mut ctx = r.context("feed.xml", "", "");
    ctx.insert("entries", &entries);
    ctx.insert("updated", &updated);
    ctx.insert("feed_url", &r.absolute("feed.xml"));
    let feed = r.render("feed.xml", &ctx, "feed.xml")?;
    pages.push(("feed.xml".into(), feed.into_bytes()));

    let ctx = r.context("robots.txt", "", "");
    let mut robots_ctx = ctx.clone();
    robots_ctx.insert("sitemap_url", &r.absolute("sitemap.xml"));
    let robots = r.render("robots.txt", &robots_ctx, "robots.txt")?;
    pages.push(("robots.txt".into(), robots.into_bytes()));

    // Every HTML page but the 404, in path order.
    let urls: Vec<String> = pages_so_far
        .iter()
        .filter(|k| k.ends_with(".html") && k.as_str() != "404.html")
        .map(|k| r.absolute(k))
        .collect();
    let mut ctx = r.context("sitemap.xml", "", "");
    ctx.insert("urls", &urls);
    let sitemap = r.render("sitemap.xml", &ctx, "sitemap.xml")?;
    pages.push(("sitemap.xml".into(), sitemap.into_bytes()));
    Ok(pages)
}
