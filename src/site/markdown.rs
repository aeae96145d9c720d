//! Dispatch bodies: Markdown to HTML, then sanitized, so raw HTML or a
//! `javascript:` link in a content file never reaches a page as markup.

use pulldown_cmark::{html, Options, Parser};
use std::collections::HashSet;

pub fn to_safe_html(markdown: &str) -> String {
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    );
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, parser);
    ammonia::Builder::default()
        // ammonia's default rel on stripped links is flagged by the W3C checker.
        .link_rel(None)
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .clean(&raw)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_javascript_links_do_not_survive() {
        let html = to_safe_html(
            "Hi <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(to_safe_html("**kể từ ngày 01/8/2022**")
            .contains("<strong>kể từ ngày 01/8/2022</strong>"));
    }
}
