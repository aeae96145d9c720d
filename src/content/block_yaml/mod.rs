//! A reader of the block YAML that content files are written in, without
//! libyaml: block mappings and sequences, plain and quoted one-line
//! scalars, one-line flow collections, `|` and `>` blocks, and comments.
//! libyaml's event parser was the largest single cost of a national build
//! (a fifth of its CPU time); this reader takes a tenth of that.
//!
//! It is only a shortcut, like [`super::direct`]: it gives a tree only where
//! libyaml gives the same one ([`Node::to_value`] is what the tests compare),
//! and `None` for anything else it meets (anchors, tags, multi-line plain,
//! quoted or flow scalars, escapes, tabs, numbers in rarer
//! forms, duplicate keys, and every syntax error), so that the caller reads
//! the file the usual way. [`de`] reads a tree into the model's types the
//! way `serde_yaml::Value` does.

mod de;
mod scalar;

pub(super) use de::from_node;

use std::borrow::Cow;

/// A YAML value, borrowing its text from the file where it can.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Node<'a> {
    Null,
    Bool(bool),
    /// A non-negative integer.
    Int(u64),
    /// A negative integer.
    Neg(i64),
    Float(f64),
    Str(Cow<'a, str>),
    Seq(Vec<Node<'a>>),
    /// Entries in the order written; every key is a [`Node::Str`], and no
    /// key repeats.
    Map(Vec<(Node<'a>, Node<'a>)>),
}

/// The tree of `text`, when every part of it is in the subset read here.
pub(super) fn parse(text: &str) -> Option<Node<'_>> {
    // Tabs, carriage returns, escapes, a byte-order mark and a last line
    // without its line break each change how YAML reads the text in ways
    // this reader does not follow.
    if memchr::memchr3(b'\t', b'\r', b'\\', text.as_bytes()).is_some()
        || text.starts_with('\u{feff}')
        || !text.ends_with('\n')
    {
        return None;
    }
    let mut reader = Reader::new(text);
    let (indent, _) = reader.peek()?;
    if indent != 0 {
        return None;
    }
    let root = reader.block()?;
    match reader.peek() {
        None => Some(root),
        Some(_) => None,
    }
}

/// The lines of a file, read top to bottom. A sequence entry (`- key: x`)
/// moves the start of its line past the dash, so that what follows reads
/// as a line of its own, indented to where it starts.
struct Reader<'a> {
    text: &'a str,
    /// Byte ranges of the lines, without their line breaks.
    lines: Vec<(usize, usize)>,
    /// The line being read.
    at: usize,
    /// Where the line being read starts, when a dash moved it.
    moved: Option<usize>,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str) -> Reader<'a> {
        let mut lines = Vec::with_capacity(text.len() / 24);
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', text.as_bytes()) {
            lines.push((start, end));
            start = end + 1;
        }
        if start < text.len() {
            lines.push((start, text.len()));
        }
        Reader {
            text,
            lines,
            at: 0,
            moved: None,
        }
    }

    fn raw_line(&self, i: usize) -> &'a str {
        let (start, end) = self.lines[i];
        &self.text[start..end]
    }

    /// The next line that holds something, as its indent and its text
    /// after the indent; blank lines and comment lines are passed over.
    fn peek(&mut self) -> Option<(usize, &'a str)> {
        if let Some(col) = self.moved {
            return Some((col, &self.raw_line(self.at)[col..]));
        }
        while self.at < self.lines.len() {
            let line = self.raw_line(self.at);
            let content = line.trim_start_matches(' ');
            if !content.is_empty() && !content.starts_with('#') {
                return Some((line.len() - content.len(), content));
            }
            self.at += 1;
        }
        None
    }

    fn next_line(&mut self) {
        self.at += 1;
        self.moved = None;
    }

    /// The block that starts on the next line: a sequence or a mapping.
    fn block(&mut self) -> Option<Node<'a>> {
        let (indent, content) = self.peek()?;
        if is_entry(content) {
            self.sequence(indent)
        } else {
            self.mapping(indent)
        }
    }

    /// The entries `- …` at `indent`.
    fn sequence(&mut self, indent: usize) -> Option<Node<'a>> {
        let mut items = Vec::new();
        loop {
            match self.peek() {
                Some((i, content)) if i == indent && is_entry(content) => {
                    let rest = content[1..].trim_start_matches(' ');
                    if rest.is_empty() || rest.starts_with('#') {
                        self.next_line();
                        items.push(self.nested(indent, false)?);
                        continue;
                    }
                    let col = indent + (content.len() - rest.len());
                    if is_entry(rest) {
                        // `- - x`: a sequence in a sequence, not written.
                        return None;
                    }
                    if key_of(rest).is_some() {
                        self.moved = Some(col);
                        items.push(self.mapping(col)?);
                    } else {
                        items.push(self.value(indent, rest)?);
                    }
                }
                Some((i, _)) if i > indent => return None,
                _ => return Some(Node::Seq(items)),
            }
        }
    }

    /// The entries `key: …` at `indent`.
    fn mapping(&mut self, indent: usize) -> Option<Node<'a>> {
        let mut entries: Vec<(Node<'a>, Node<'a>)> = Vec::new();
        loop {
            let content = match self.peek() {
                Some((i, content)) if i == indent => content,
                Some((i, _)) if i > indent => return None,
                _ => return Some(Node::Map(entries)),
            };
            let (key, rest) = key_of(content)?;
            if entries.iter().any(|(k, _)| *k == key) {
                return None;
            }
            let value = if rest.is_empty() || rest.starts_with('#') {
                self.next_line();
                self.nested(indent, true)?
            } else {
                self.value(indent, rest)?
            };
            entries.push((key, value));
        }
    }

    /// The value of a key or a dash with nothing after it on its line: the
    /// block indented further on the next lines, a sequence at the key's
    /// own indent, or null.
    fn nested(&mut self, indent: usize, of_key: bool) -> Option<Node<'a>> {
        match self.peek() {
            Some((i, _)) if i > indent => self.block(),
            Some((i, content)) if i == indent && of_key && is_entry(content) => {
                self.sequence(indent)
            }
            _ => Some(Node::Null),
        }
    }

    /// A value written after its key or dash (`rest`), and the lines it
    /// takes; nothing after it may be indented further than `indent`.
    fn value(&mut self, indent: usize, rest: &'a str) -> Option<Node<'a>> {
        let node = match rest.as_bytes()[0] {
            b'|' | b'>' => self.block_scalar(indent, rest)?,
            _ => {
                let node = inline(rest)?;
                self.next_line();
                node
            }
        };
        match self.peek() {
            // A plain scalar going on to the next line, or a syntax error.
            Some((i, _)) if i > indent => None,
            _ => Some(node),
        }
    }

    /// A literal (`|`) or folded (`>`) block, clipped or stripped (`-`),
    /// whose lines are indented further than `indent`.
    fn block_scalar(&mut self, indent: usize, header: &'a str) -> Option<Node<'a>> {
        let (literal, strip) = match header.split_once(' ').map_or(header, |(h, c)| {
            if c.trim_start_matches(' ').starts_with('#') {
                h
            } else {
                header
            }
        }) {
            "|" => (true, false),
            "|-" => (true, true),
            ">" => (false, false),
            ">-" => (false, true),
            // Indentation indicators, keeping (`+`), or text after it.
            _ => return None,
        };
        self.next_line();
        if self.at >= self.lines.len() {
            return None;
        }
        let first = self.raw_line(self.at);
        let content_indent = first.len() - first.trim_start_matches(' ').len();
        // Leading blank lines, or an empty block: not written.
        if content_indent <= indent || content_indent == first.len() {
            return None;
        }
        let mut text = String::new();
        // Blank lines seen since the last line of text.
        let mut blanks = 0;
        let mut lines = 0;
        while self.at < self.lines.len() {
            let line = self.raw_line(self.at);
            let content = line.trim_start_matches(' ');
            if content.is_empty() {
                if line.len() > content_indent {
                    // Spaces past the indent on a blank line: kept by YAML.
                    return None;
                }
                blanks += 1;
                self.at += 1;
                continue;
            }
            if line.len() - content.len() < content_indent {
                break;
            }
            let body = &line[content_indent..];
            // More-indented lines of a folded block, trailing spaces.
            if (!literal && body.starts_with(' ')) || body.ends_with(' ') {
                return None;
            }
            if lines > 0 {
                match (literal, blanks) {
                    (true, _) => text.extend(std::iter::repeat_n('\n', blanks + 1)),
                    (false, 0) => text.push(' '),
                    (false, _) => text.extend(std::iter::repeat_n('\n', blanks)),
                }
            }
            text.push_str(body);
            blanks = 0;
            lines += 1;
            self.at += 1;
        }
        if !strip {
            text.push('\n');
        }
        Some(Node::Str(Cow::Owned(text)))
    }
}

/// Whether a line's text is a sequence entry: a dash, then a space or
/// nothing.
fn is_entry(content: &str) -> bool {
    let b = content.as_bytes();
    b[0] == b'-' && (b.len() == 1 || b[1] == b' ')
}

/// Characters that start something other than a plain scalar.
fn is_indicator(b: u8) -> bool {
    matches!(
        b,
        b'-' | b'?'
            | b':'
            | b','
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'#'
            | b'&'
            | b'*'
            | b'!'
            | b'|'
            | b'>'
            | b'\''
            | b'"'
            | b'%'
            | b'@'
            | b'`'
    )
}

/// A mapping entry's key (a plain word that resolves to a string) and the
/// text after its colon, without leading spaces.
fn key_of(content: &str) -> Option<(Node<'_>, &str)> {
    if is_indicator(content.as_bytes()[0]) {
        return None;
    }
    let colon = content.find(':')?;
    let key = &content[..colon];
    let after = &content[colon + 1..];
    if key.ends_with(' ') || key.contains('#') || !(after.is_empty() || after.starts_with(' ')) {
        return None;
    }
    match scalar::resolve(key)? {
        node @ Node::Str(_) => Some((node, after.trim_start_matches(' '))),
        _ => None,
    }
}

/// A one-line value: a quoted or plain scalar or a flow collection, with
/// nothing after it but a comment.
fn inline(rest: &str) -> Option<Node<'_>> {
    let (node, after) = match rest.as_bytes()[0] {
        b'"' | b'\'' => quoted(rest)?,
        b'[' | b'{' => flow(rest)?,
        b'-' if is_entry(rest) => return None,
        b'-' => plain(rest)?,
        b if is_indicator(b) => return None,
        _ => plain(rest)?,
    };
    end_of_line(after).then_some(node)
}

/// Only spaces, and then maybe a comment.
fn end_of_line(after: &str) -> bool {
    let after = after.trim_start_matches(' ');
    after.is_empty() || after.starts_with('#')
}

/// A plain scalar in block context: up to a comment or the end of the line.
fn plain(rest: &str) -> Option<(Node<'_>, &str)> {
    let end = pair_at(rest, b' ', b'#').unwrap_or(rest.len());
    let text = rest[..end].trim_end_matches(' ');
    // `a: b: c` is an error in YAML.
    if pair_at(text, b':', b' ').is_some() || text.ends_with(':') {
        return None;
    }
    Some((scalar::resolve(text)?, &rest[end..]))
}

/// Where `first` then `second` stand side by side in `text`: a search of
/// two bytes (both ASCII) on a short text, without a substring searcher
/// set up for each scalar.
fn pair_at(text: &str, first: u8, second: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    memchr::memchr_iter(first, bytes).find(|&i| bytes.get(i + 1) == Some(&second))
}

/// A single- or double-quoted scalar closed on its line, without escapes.
fn quoted(rest: &str) -> Option<(Node<'_>, &str)> {
    let quote = rest.as_bytes()[0] as char;
    let close = rest[1..].find(quote)? + 1;
    let after = &rest[close + 1..];
    // `'it''s'`: a quote written twice, not read here.
    if after.starts_with(quote) {
        return None;
    }
    Some((Node::Str(Cow::Borrowed(&rest[1..close])), after))
}

/// A flow collection written on one line: `[a, "b", 3]`, `{ max: 18 }`,
/// or one in another (`[{ x: 1 }]`).
fn flow(rest: &str) -> Option<(Node<'_>, &str)> {
    let closing = if rest.starts_with('[') { b']' } else { b'}' };
    let mut items = Vec::new();
    let mut entries: Vec<(Node<'_>, Node<'_>)> = Vec::new();
    let mut at = &rest[1..];
    loop {
        at = at.trim_start_matches(' ');
        if at.as_bytes().first() == Some(&closing) && items.is_empty() && entries.is_empty() {
            break;
        }
        if closing == b'}' {
            let (key, after) = flow_key(at)?;
            if entries.iter().any(|(k, _)| *k == key) {
                return None;
            }
            let (value, after) = flow_item(after)?;
            entries.push((key, value));
            at = after;
        } else {
            let (item, after) = flow_item(at)?;
            items.push(item);
            at = after;
        }
        at = at.trim_start_matches(' ');
        match *at.as_bytes().first()? {
            b',' => at = &at[1..],
            b if b == closing => break,
            _ => return None,
        }
    }
    let node = match closing {
        b']' => Node::Seq(items),
        _ => Node::Map(entries),
    };
    Some((node, &at[1..]))
}

/// An item of a flow collection: a scalar or a collection.
fn flow_item(at: &str) -> Option<(Node<'_>, &str)> {
    let bytes = at.as_bytes();
    match *bytes.first()? {
        b'"' | b'\'' => quoted(at),
        b'[' | b'{' => flow(at),
        b'-' if bytes
            .get(1)
            .is_some_and(|&b| !matches!(b, b' ' | b',' | b']' | b'}')) =>
        {
            flow_plain(at)
        }
        b if is_indicator(b) => None,
        _ => flow_plain(at),
    }
}

/// A key of a flow mapping (a plain word that resolves to a string), and
/// the text after its colon and spaces.
fn flow_key(at: &str) -> Option<(Node<'_>, &str)> {
    if is_indicator(*at.as_bytes().first()?) {
        return None;
    }
    let colon = at.find(':')?;
    let key = &at[..colon];
    let after = &at[colon + 1..];
    if key.ends_with(' ') || key.contains([',', '[', ']', '{', '}', '#']) || !after.starts_with(' ')
    {
        return None;
    }
    match scalar::resolve(key)? {
        node @ Node::Str(_) => Some((node, after.trim_start_matches(' '))),
        _ => None,
    }
}

/// A plain scalar in a flow collection: up to a comma or a closing bracket.
fn flow_plain(at: &str) -> Option<(Node<'_>, &str)> {
    let end = at.find([',', ']', '}'])?;
    let text = at[..end].trim_end_matches(' ');
    if text.is_empty() || text.contains([':', '#', '[', '{', '"', '\'']) {
        return None;
    }
    Some((scalar::resolve(text)?, &at[end..]))
}

/// The largest list and the longest text of a tree.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub(super) struct Extent {
    pub items: usize,
    pub text: usize,
}

impl Extent {
    fn max(self, other: Extent) -> Extent {
        Extent {
            items: self.items.max(other.items),
            text: self.text.max(other.text),
        }
    }
}

impl Node<'_> {
    /// The number of items of the longest list in the tree, and the
    /// length in bytes of its longest text (keys included): what the
    /// loader's limits look at, in one walk.
    pub(super) fn extent(&self) -> Extent {
        match self {
            Node::Str(text) => Extent {
                items: 0,
                text: text.len(),
            },
            Node::Seq(items) => items.iter().map(Node::extent).fold(
                Extent {
                    items: items.len(),
                    text: 0,
                },
                Extent::max,
            ),
            Node::Map(entries) => entries
                .iter()
                .flat_map(|(k, v)| [k.extent(), v.extent()])
                .fold(Extent::default(), Extent::max),
            _ => Extent::default(),
        }
    }

    /// The same value as YAML's tree, to compare with what libyaml reads.
    #[cfg(test)]
    pub(super) fn to_value(&self) -> serde_yaml::Value {
        use serde_yaml::Value;
        match self {
            Node::Null => Value::Null,
            Node::Bool(b) => Value::Bool(*b),
            Node::Int(n) => Value::Number((*n).into()),
            Node::Neg(n) => Value::Number((*n).into()),
            Node::Float(f) => Value::Number((*f).into()),
            Node::Str(s) => Value::String(s.to_string()),
            Node::Seq(items) => Value::Sequence(items.iter().map(Node::to_value).collect()),
            Node::Map(entries) => Value::Mapping(
                entries
                    .iter()
                    .map(|(k, v)| (k.to_value(), v.to_value()))
                    .collect(),
            ),
        }
    }
}

#[cfg(test)]
mod tests;
