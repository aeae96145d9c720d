//! What the templates' indentation and `{% %}` tags leave between lines:
//! every run of white space that holds a line break becomes that one line
//! break. A browser collapses such a run to one space anyway, except in
//! `<pre>` and `<textarea>` (a dispatch's Markdown may hold a code block),
//! which are kept as written. About 5 MB of a national build's pages.

/// `html` with every white space run that holds a line break cut down to
/// `\n`, outside `<pre>` and `<textarea>`.
pub fn squeeze(html: String) -> String {
    let mut out = String::with_capacity(html.len());
    // The text up to `from` is in `out`. One pass over the `<` of the page
    // (thousands in a long one); only `<p…` and `<t…` are looked at further.
    let mut from = 0;
    for at in memchr::memchr_iter(b'<', html.as_bytes()) {
        if at < from {
            continue;
        }
        if let Some(end) = verbatim_end(&html, at) {
            squeeze_into(&html[from..at], &mut out);
            out.push_str(&html[at..end]);
            from = end;
        }
    }
    squeeze_into(&html[from..], &mut out);
    out
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

/// Append `text` to `out`, squeezed: only its line breaks are looked at
/// (a byte-by-byte scan of every page was 2 % of a national build).
fn squeeze_into(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    let mut copied = 0;
    for at in memchr::memchr_iter(b'\n', bytes) {
        if at < copied {
            continue;
        }
        let mut start = at;
        while start > copied && is_space(bytes[start - 1]) {
            start -= 1;
        }
        let mut end = at + 1;
        while end < bytes.len() && is_space(bytes[end]) {
            end += 1;
        }
        if end - start > 1 {
            out.push_str(&text[copied..start]);
            out.push('\n');
            copied = end;
        }
    }
    out.push_str(&text[copied..]);
}

/// Where the element opening at `at` ends when its text is kept as
/// written (`<pre>`, `<textarea>`): after its end tag, or at the end of
/// the text when it is not closed.
fn verbatim_end(html: &str, at: usize) -> Option<usize> {
    let rest = &html.as_bytes()[at + 1..];
    if !matches!(rest.first(), Some(b'p' | b'P' | b't' | b'T')) {
        return None;
    }
    for name in ["pre", "textarea"] {
        let n = name.len();
        let opens = rest.len() > n
            && rest[..n].eq_ignore_ascii_case(name.as_bytes())
            && matches!(rest[n], b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/');
        if opens {
            let close = format!("</{name}");
            let lower = html[at..].to_ascii_lowercase();
            return Some(
                lower
                    .find(&close)
                    .map_or(html.len(), |e| at + e + close.len()),
            );
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::squeeze;

    #[test]
    fn runs_with_a_line_break_become_one() {
        let html = "<ul>\n  <li>a</li>\n\n\n  <li>b c</li>\n</ul>  \n";
        assert_eq!(
            squeeze(html.to_string()),
            "<ul>\n<li>a</li>\n<li>b c</li>\n</ul>\n"
        );
    }

    #[test]
    fn spaces_without_a_line_break_stay() {
        let html = "<p>a  b\tc</p>\n<p>d</p>";
        assert_eq!(squeeze(html.to_string()), html);
    }

    #[test]
    fn pre_and_textarea_are_kept_as_written() {
        let html = "<div>\n  <PRE class=\"x\">  a\n\n    b\n</pre>\n  <textarea>\n\n x</textarea>\n  <p>\n\n</p>";
        assert_eq!(
            squeeze(html.to_string()),
            "<div>\n<PRE class=\"x\">  a\n\n    b\n</pre>\n<textarea>\n\n x</textarea>\n<p>\n</p>"
        );
        // An element whose name only begins like one is squeezed.
        assert_eq!(
            squeeze("<prefix>\n\n</prefix>".into()),
            "<prefix>\n</prefix>"
        );
        // An unclosed `<pre>` keeps the rest.
        assert_eq!(squeeze("<p>\n\n<pre>\n\n x".into()), "<p>\n<pre>\n\n x");
    }
}
