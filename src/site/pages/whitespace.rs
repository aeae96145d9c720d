//! What the templates' indentation and `{% %}` tags leave between lines:
//! every run of white space that holds a line break becomes that one line
//! break. A browser collapses such a run to one space anyway, except in
//! `<pre>` and `<textarea>` (a dispatch's Markdown may hold a code block),
//! which are kept as written. About 5 MB of a national build's pages.

/// `html` with every white space run that holds a line break cut down to
/// `\n`, outside `<pre>` and `<textarea>`: squeezed in place, its bytes
/// moved towards the front (no second copy of the page).
pub fn squeeze(html: &mut Vec<u8>) {
    // `html[..kept]` is squeezed, `html[from..]` not yet; kept <= from, so
    // what is written never overtakes what is still to be read. One pass
    // over the `<` of the page (thousands in a long one); only `<p…` and
    // `<t…` are looked at further.
    let mut kept = 0;
    let mut from = 0;
    let mut search = 0;
    while let Some(i) = memchr::memchr(b'<', &html[search..]) {
        let at = search + i;
        search = at + 1;
        if let Some(end) = verbatim_end(html, at) {
            kept = squeeze_range(html, from..at, kept);
            kept = keep(html, at..end, kept);
            from = end;
            search = end;
        }
    }
    let len = html.len();
    kept = squeeze_range(html, from..len, kept);
    html.truncate(kept);
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

/// Move `range` to `kept` (at or before its start); the new end of what
/// is kept.
fn keep(html: &mut [u8], range: std::ops::Range<usize>, kept: usize) -> usize {
    let len = range.len();
    if range.start != kept {
        html.copy_within(range, kept);
    }
    kept + len
}

/// Squeeze `range` of `html` to `kept`; the new end of what is kept. Only
/// its line breaks are looked at (a byte-by-byte scan of every page was 2 %
/// of a national build).
fn squeeze_range(html: &mut [u8], range: std::ops::Range<usize>, mut kept: usize) -> usize {
    let std::ops::Range {
        start: from,
        end: to,
    } = range;
    let mut copied = from;
    let mut search = from;
    while let Some(i) = memchr::memchr(b'\n', &html[search..to]) {
        let at = search + i;
        search = at + 1;
        let mut start = at;
        while start > copied && is_space(html[start - 1]) {
            start -= 1;
        }
        let mut end = at + 1;
        while end < to && is_space(html[end]) {
            end += 1;
        }
        if end - start > 1 {
            kept = keep(html, copied..start, kept);
            html[kept] = b'\n';
            kept += 1;
            copied = end;
            search = end;
        }
    }
    keep(html, copied..to, kept)
}

/// Where the element opening at `at` ends when its text is kept as
/// written (`<pre>`, `<textarea>`): after its end tag, or at the end of
/// the text when it is not closed.
fn verbatim_end(html: &[u8], at: usize) -> Option<usize> {
    let rest = &html[at + 1..];
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
                memchr::memmem::find(&lower, close.as_bytes())
                    .map_or(html.len(), |e| at + e + close.len()),
            );
        }
    }
    None
}

#[cfg(test)]
mod tests {
    fn squeeze(html: String) -> String {
        let mut bytes = html.into_bytes();
        super::squeeze(&mut bytes);
        String::from_utf8(bytes).expect("squeezing keeps UTF-8")
    }

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
