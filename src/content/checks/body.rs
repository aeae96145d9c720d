//! A dispatch's text: what it embeds (images, frames) must come from the
//! site itself. The site makes no request to another host, so a resource
//! from elsewhere is refused here, with what to do instead.

use super::dispatch::DispatchChecker;
use crate::address::is_remote;
use crate::diagnostics::Diagnostics;
use crate::model::TO_FILL;
use crate::tr;
use pulldown_cmark::{Event, Options, Parser, Tag};

/// The remote addresses `html` embeds through `src` or `srcset`.
fn embedded_in_html(html: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let mut found = Vec::new();
    for attr in ["src=", "srcset="] {
        for (i, _) in lower.match_indices(attr) {
            let value = html[i + attr.len()..].trim_start_matches(['"', '\'']);
            let end = value
                .find(|c: char| c == '"' || c == '\'' || c == '>' || c.is_whitespace())
                .unwrap_or(value.len());
            if is_remote(&value[..end]) {
                found.push(value[..end].to_string());
            }
        }
    }
    found
}

impl DispatchChecker<'_> {
    pub(super) fn check_body(&self, body: &str, diags: &mut Diagnostics) {
        if body.contains(TO_FILL) {
            diags.push(
                self.src
                    .error(
                        "body",
                        tr!("chưa điền (`{TO_FILL}`)", "not filled in yet (`{TO_FILL}`)"),
                    )
                    .with_hint(tr!(
                        "thay phần nội dung (`body`) bằng toàn văn văn bản mới",
                        "replace the body with the full text of the new document"
                    )),
            );
        }
        let parser = Parser::new_ext(body, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
        let mut remote = Vec::new();
        for event in parser {
            match event {
                Event::Start(Tag::Image { dest_url, .. }) if is_remote(&dest_url) => {
                    remote.push(dest_url.to_string())
                }
                Event::Html(html) | Event::InlineHtml(html) => {
                    remote.extend(embedded_in_html(&html))
                }
                _ => {}
            }
        }
        for url in remote {
            diags.push(
                self.src
                    .error("body", tr!(
"`{url}`: một tệp nhúng từ ngoài trang",
"`{url}`: an embedded file from outside the site"))
                    .with_hint(tr!("trang không tải gì từ máy chủ khác: đặt liên kết đến nó ([tên](địa chỉ)), hoặc bỏ đi", "the site loads nothing from other hosts: link to it instead ([tên](địa chỉ)), or leave it out")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remote_sources_in_html_are_found() {
        assert_eq!(
            embedded_in_html("<img SRC='https://x.vn/a.png' alt=a>"),
            vec!["https://x.vn/a.png"]
        );
        assert_eq!(
            embedded_in_html("<img src=//x.vn/a.png>"),
            vec!["//x.vn/a.png"]
        );
        assert!(embedded_in_html("<img src=\"hinh/a.png\">").is_empty());
    }
}
