//! What the templates' indentation and `{% %}` tags leave between lines:
//! every run of white space that holds a line break becomes that one line
//! break. A browser collapses such a run to one space anyway, except in
//! `<pre>` and `<textarea>` (a dispatch's Markdown may hold a code block),
//! which are kept as written. About 5 MB of a national build's pages.

/// `html` with every white space run that holds a line break cut down to
/// `\n`, outside `<pre>` and `<textarea>`.
pub fn squeeze(html: String) -> String {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'<' => {
                if let Some(end) = verbatim_end(&html, i) {
                    i = end;
                } else {
                    i += 1;
                }
            }
            b' ' | b'\t' | b'\r' | b'\n' => {
                let start = i;
                let mut breaks = false;
                while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\r' | b'\n') {
                    breaks |= bytes[i] == b'\n';
                    i += 1;
                }
                if breaks && i - start > 1 {
                    out.push_str(&html[copied..start]);
                    out.push('\n');
                    copied = i;
                }
            }
            _ => i += 1,
        }
    }
    out.push_str(&html[copied..]);
    out
}

/// Where the element opening at `at` ends when its text is kept as
/// written (`<pre>`, `<textarea>`): after its end tag, or at the end of
/// the text when it is not closed.
fn verbatim_end(html: &str, at: usize) -> Option<usize> {
    let rest = &html.as_bytes()[at + 1..];
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
