//! The syntax of addresses in content and pages, shared by the checks and
//! the site: which point outside the site, and which sub-paths a site can
//! be hosted under.

/// Whether a link names its scheme (`https:`, `HTTPS:`, `mailto:`): a
/// link outside the site. Per RFC 3986, a scheme is a letter, then
/// letters, digits, `+`, `-` or `.`, before a colon.
pub fn has_scheme(link: &str) -> bool {
    let Some((scheme, _)) = link.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Whether a resource address points to another host, or to anything but
/// a path of this site (`//host/x`, `https://…`, `data:…`).
pub fn is_remote(url: &str) -> bool {
    let url = url.trim();
    url.starts_with("//") || url.starts_with("\\\\") || has_scheme(url)
}

/// A sub-path the site can be hosted under, as site.yaml allows it: `/` or
/// segments of letters, digits, `-`, `_` and `.` between slashes, none of
/// them `.` or `..`.
pub fn is_base_path(path: &str) -> bool {
    path.starts_with('/')
        && path.ends_with('/')
        && path.trim_matches('/').split('/').all(|seg| {
            path == "/"
                || !seg.is_empty()
                    && seg != "."
                    && seg != ".."
                    && seg
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_scheme_in_any_case_is_outside() {
        for link in [
            "https://a.vn",
            "HTTPS://a.vn",
            "Mailto:x@y.vn",
            "tel:+84",
            "ftp://x",
        ] {
            assert!(has_scheme(link), "{link}");
        }
        for link in [
            "don-vi/x/",
            "../thang/2023-10/",
            "#top",
            "a/b:c",
            "1x:y",
            "",
        ] {
            assert!(!has_scheme(link), "{link}");
        }
        assert!(is_remote("//x.example/a.png") && is_remote(" data:image/png;base64,AA"));
        assert!(!is_remote("hinh/a.png"));
    }

    #[test]
    fn base_paths_are_plain_sub_paths() {
        for ok in ["/", "/cong-khai/", "/a/b_c/v1.2/"] {
            assert!(is_base_path(ok), "{ok}");
        }
        for bad in [
            "",
            "cong-khai/",
            "/cong-khai",
            "/../../x/",
            "/a/./b/",
            "//",
            "/a b/",
            "/<x>/",
        ] {
            assert!(!is_base_path(bad), "{bad}");
        }
    }
}
