//! Dispatch bodies: Markdown to HTML, then sanitized, so raw HTML or a
//! `javascript:` link in a content file never reaches a page as markup.
//! Images and other embedded resources are local only (the site makes no
//! request to another host; `check` refuses others with a clear message,
//! and here they are dropped all the same); links to other hosts open
//! without handing them the page (`rel="noopener noreferrer"`).

use crate::address::is_remote;
use pulldown_cmark::{html, Options, Parser};
use std::collections::HashSet;

pub fn to_safe_html(markdown: &str) -> String {
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    );
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, parser);
    let clean = ammonia::Builder::default()
        // ammonia's own rel would go on every link, internal ones and
        // those without an address too (which HTML does not allow).
        .link_rel(None)
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .attribute_filter(|_, attribute, value| match attribute {
            "src" | "srcset" if is_remote(value) => None,
            _ => Some(value.into()),
        })
        .clean(&raw)
        .to_string();
    with_rel_on_remote_links(&clean)
}

/// `rel="noopener noreferrer"` on each link to another host, in HTML as
/// ammonia writes it (attributes in double quotes, no `rel` left).
fn with_rel_on_remote_links(html: &str) -> String {
    const REL: &str = " rel=\"noopener noreferrer\"";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find("<a ") {
        let Some(end) = rest[i..].find('>').map(|e| i + e) else {
            break;
        };
        let tag = &rest[i..end];
        let remote = tag
            .split_once(" href=\"")
            .and_then(|(_, v)| v.split_once('"'))
            .is_some_and(|(href, _)| is_remote(href) && !href.starts_with("mailto:"));
        out.push_str(&rest[..end]);
        if remote {
            out.push_str(REL);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
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

    #[test]
    fn images_stay_local_and_links_out_carry_rel() {
        let html = to_safe_html(
            "![a](https://x.example/a.png) ![b](//x.example/b.png) ![c](HTTPS://x.example/c.png) \
             <img src=\"http://x.example/d.png\"> ![e](hinh/e.png)",
        );
        assert!(!html.contains("x.example"), "{html}");
        assert!(html.contains("src=\"hinh/e.png\""), "{html}");
        let html = to_safe_html(
            "[cổng](https://dichvucong.gov.vn/) [trong](../../thang/) [thư](mailto:a@b.vn)",
        );
        assert!(
            html.contains("<a href=\"https://dichvucong.gov.vn/\" rel=\"noopener noreferrer\">"),
            "{html}"
        );
        assert!(html.contains("<a href=\"../../thang/\">"), "{html}");
        assert!(html.contains("<a href=\"mailto:a@b.vn\">"), "{html}");
    }
}
