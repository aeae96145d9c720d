//! HTML taken apart independently of the product: start tags with their
//! attributes, the visible text, table rows; and assertions that print the
//! file on failure (as Zola's tests do).

// ---- assertions that print the file on failure ----------------------------

/// `file_contains!(dir, "thang/2023-10/index.html", "44,6%")`: whether the
/// file's raw text contains the string; prints the file when it does not.
macro_rules! file_contains {
    ($dir:expr, $path:expr, $needle:expr) => {{
        let text = $crate::support::read_text(&$dir, $path);
        let found = text.contains($needle);
        if !found {
            println!(
                "---- {} (does not contain {:?}) ----\n{}",
                $path, $needle, text
            );
        }
        found
    }};
}

/// Like `file_contains!`, on the visible text of an HTML file (tags removed,
/// entities decoded, white space collapsed): `<strong>44,6</strong>%` reads
/// `44,6%`.
macro_rules! text_contains {
    ($dir:expr, $path:expr, $needle:expr) => {{
        let html = $crate::support::read_text(&$dir, $path);
        let text = $crate::support::visible_text(&html);
        let found = text.contains($needle);
        if !found {
            println!(
                "---- visible text of {} (does not contain {:?}) ----\n{}",
                $path, $needle, text
            );
        }
        found
    }};
}

/// Whether some table row (`<tr>`) of an HTML file whose markup contains
/// `$marker` (a link, say) reads every one of `$needles` in its visible text.
/// Prints the rows that carry the marker when none matches.
macro_rules! row_contains {
    ($dir:expr, $path:expr, $marker:expr, [$($needle:expr),+ $(,)?]) => {{
        let html = $crate::support::read_text(&$dir, $path);
        let needles: &[&str] = &[$($needle),+];
        let rows = $crate::support::rows(&html);
        let marked: Vec<&(String, String)> = rows.iter().filter(|(raw, _)| raw.contains($marker)).collect();
        let found = marked.iter().any(|(_, text)| needles.iter().all(|n| text.contains(n)));
        if !found {
            println!("---- rows of {} marked {:?}; none reads all of {:?} ----", $path, $marker, needles);
            for (_, text) in &marked {
                println!("  | {text}");
            }
            if marked.is_empty() {
                println!("(no row carries the marker)\n{html}");
            }
        }
        found
    }};
}

// ---- chart marks ------------------------------------------------------------

/// How many dots a point path draws: one zero-length stroke per point
/// (`M99 48h0M107 156h0`).
pub fn dots_in(d: &str) -> usize {
    d.matches("h0").count()
}

/// How many points a chart's markup marks: its `<circle>`s (legend keys
/// aside) and the dots of its point paths.
pub fn point_marks(svg: &str) -> usize {
    tags(svg)
        .iter()
        .map(|t| match t.name.as_str() {
            "circle" if t.attr("class") != Some("chart-key") => 1,
            "path" if t.attr("class").is_some_and(|c| c.contains("chart-point")) => {
                dots_in(t.attr("d").unwrap_or(""))
            }
            _ => 0,
        })
        .sum()
}

// ---- tags and visible text -------------------------------------------------

#[derive(Debug, Clone)]
pub struct Tag {
    pub name: String,
    /// Names lower-cased, values with entities decoded.
    pub attrs: Vec<(String, String)>,
}

impl Tag {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Elements whose content is raw text (not markup).
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title"];

/// Every start tag of an HTML text, in order.
pub fn tags(html: &str) -> Vec<Tag> {
    scan(html).0
}

/// The visible text: tags removed (inline ones without a gap, others as a
/// space), comments and `<script>`/`<style>` contents dropped, entities
/// decoded, runs of white space collapsed.
pub fn visible_text(html: &str) -> String {
    collapse(&scan(html).1)
}

pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "cite", "code", "data", "em", "i", "kbd", "mark", "q", "s", "small",
    "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
];

/// One pass over the HTML: the start tags and the visible text.
fn scan(html: &str) -> (Vec<Tag>, String) {
    let b = html.as_bytes();
    let mut tags = Vec::new();
    let mut text = String::new();
    let mut i = 0;
    let mut text_start = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        text.push_str(&decode_entities(&html[text_start..i]));
        if html[i..].starts_with("<!--") {
            i = html[i..].find("-->").map_or(b.len(), |e| i + e + 3);
            text_start = i;
            continue;
        }
        if html[i..].starts_with("<!") || html[i..].starts_with("<?") {
            i = html[i..].find('>').map_or(b.len(), |e| i + e + 1);
            text_start = i;
            continue;
        }
        let closing = b.get(i + 1) == Some(&b'/');
        let name_start = if closing { i + 2 } else { i + 1 };
        let mut j = name_start;
        while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-') {
            j += 1;
        }
        if j == name_start {
            // A lone `<` in text (should have been escaped, but not a tag).
            text.push('<');
            i += 1;
            text_start = i;
            continue;
        }
        let name = html[name_start..j].to_ascii_lowercase();
        let (attrs, end) = parse_attrs(html, j);
        if !INLINE.contains(&name.as_str()) {
            text.push(' ');
        }
        i = end;
        if !closing {
            tags.push(Tag {
                name: name.clone(),
                attrs,
            });
            if RAW_TEXT.contains(&name.as_str()) {
                let close = format!("</{name}");
                let rest = html[i..].to_ascii_lowercase();
                let stop = rest.find(&close).map_or(b.len(), |e| i + e);
                if name == "title" || name == "textarea" {
                    text.push_str(&decode_entities(&html[i..stop]));
                }
                i = stop;
            }
        }
        text_start = i;
    }
    text.push_str(&decode_entities(&html[text_start.min(b.len())..]));
    (tags, text)
}

/// Attributes from byte `i` (just after the tag name) to the closing `>`;
/// returns them and the index after the tag.
fn parse_attrs(html: &str, mut i: usize) -> (Vec<(String, String)>, usize) {
    let b = html.as_bytes();
    let mut attrs = Vec::new();
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return (attrs, i);
        }
        if b[i] == b'>' {
            return (attrs, i + 1);
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let name = html[start..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vs = i + 1;
                let ve = html[vs..].find(q as char).map_or(b.len(), |e| vs + e);
                value = decode_entities(&html[vs..ve]);
                i = (ve + 1).min(b.len());
            } else {
                let vs = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
                value = decode_entities(&html[vs..i]);
            }
        }
        if !name.is_empty() {
            attrs.push((name, value));
        }
    }
}

/// Decode character references: named ones HTML pages use, and numeric ones.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(semi) = rest.bytes().take(12).position(|c| c == b';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ => {
                if let Some(hex) = entity
                    .strip_prefix("#x")
                    .or_else(|| entity.strip_prefix("#X"))
                {
                    u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
                } else if let Some(dec) = entity.strip_prefix('#') {
                    dec.parse().ok().and_then(char::from_u32)
                } else {
                    None
                }
            }
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every row of an HTML text: its markup and its visible text. A row ends
/// at `</tr>` or, when its end tag is left out, where HTML closes it: the
/// next row, or the end of its table section.
pub fn rows(html: &str) -> Vec<(String, String)> {
    let lower = html.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(s) = find_tag(&lower, "<tr", from) {
        let after = s + 3;
        let closed = lower[after..].find("</tr>").map(|e| after + e + 5);
        let implied = [
            "</tbody", "</thead", "</tfoot", "</table", "<tbody", "<tfoot",
        ]
        .iter()
        .filter_map(|t| lower[after..].find(t).map(|e| after + e))
        .chain(find_tag(&lower, "<tr", after))
        .min();
        let e = match (closed, implied) {
            (Some(c), Some(i)) if i < c => i,
            (Some(c), _) => c,
            (None, Some(i)) => i,
            (None, None) => html.len(),
        };
        let raw = &html[s..e];
        out.push((raw.to_string(), visible_text(raw)));
        from = e;
    }
    out
}

/// The next `<name` followed by white space or `>`.
fn find_tag(lower: &str, open: &str, mut from: usize) -> Option<usize> {
    while let Some(at) = lower[from..].find(open) {
        let s = from + at;
        match lower.as_bytes().get(s + open.len()) {
            Some(c) if c.is_ascii_whitespace() || *c == b'>' => return Some(s),
            _ => from = s + open.len(),
        }
    }
    None
}

/// Whether a visible text holds a number that reads as zero: `0`, `0%`,
/// `0,0`, `0,00%`…
pub fn has_zero_figure(text: &str) -> bool {
    text.split_whitespace().any(|t| {
        let t = t.trim_end_matches(['%', ';', '.', ')']);
        !t.is_empty() && t.starts_with('0') && t.chars().all(|c| c == '0' || c == ',' || c == '.')
    })
}
