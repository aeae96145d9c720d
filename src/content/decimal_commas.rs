//! Find decimal commas inside YAML flow collections: in `values: [73,8]`
//! YAML reads two numbers, 73 and 8, and in `{ score: 7,7 }` a stray key.
//! Both are silent in YAML and wrong for a Vietnamese figure, so the text is
//! scanned before parsing.

use super::source::Source;
use crate::diagnostics::Diagnostic;
use crate::tr;

pub fn decimal_commas_in_flow(source: &Source) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut depth = 0usize;
    let mut block_indent: Option<usize> = None;
    let indent_of = |line: &str| line.len() - line.trim_start().len();
    for (i, line) in source.text.lines().enumerate() {
        if let Some(b) = block_indent {
            if line.trim().is_empty() || indent_of(line) > b {
                continue; // inside a block scalar such as `body: |`
            }
            block_indent = None;
        }
        // Only a flow collection (`[`, `{`, open or continued) can hold a
        // decimal comma, and only a `key: |` line starts a block scalar:
        // any other line changes nothing, and most lines are such (one
        // look at its bytes tells).
        if depth == 0
            && (!line.bytes().any(|b| matches!(b, b'[' | b'{' | b'|' | b'>'))
                || !starts_block(line) && !line.bytes().any(|b| b == b'[' || b == b'{'))
        {
            continue;
        }
        let indent = indent_of(line);
        let chars: Vec<char> = line.chars().collect();
        let mut quote: Option<char> = None;
        // After a backslash inside double quotes: `\"` does not close them.
        let mut escaped = false;
        let mut prev_significant = ' ';
        let mut at_line_start = true;
        for (col, &c) in chars.iter().enumerate() {
            if let Some(q) = quote {
                if escaped {
                    escaped = false;
                } else if q == '"' && c == '\\' {
                    escaped = true;
                } else if c == q {
                    quote = None;
                }
                continue;
            }
            match c {
                '#' if col == 0 || chars[col - 1].is_whitespace() => break,
                '"' | '\''
                    if at_line_start || matches!(prev_significant, ':' | '-' | ',' | '[' | '{') =>
                {
                    quote = Some(c)
                }
                '[' | '{'
                    if at_line_start
                        || depth > 0
                        || matches!(prev_significant, ':' | '-' | ',' | '[' | '{') =>
                {
                    depth += 1
                }
                ']' | '}' if depth > 0 => depth -= 1,
                ',' if depth > 0
                    && col > 0
                    && chars[col - 1].is_ascii_digit()
                    && chars.get(col + 1).is_some_and(|n| n.is_ascii_digit()) =>
                {
                    let start = chars[..col]
                        .iter()
                        .rposition(|ch| !ch.is_ascii_digit())
                        .map_or(0, |p| p + 1);
                    let end = chars[col + 1..]
                        .iter()
                        .position(|ch| !ch.is_ascii_digit())
                        .map_or(chars.len(), |p| col + 1 + p);
                    let number: String = chars[start..end].iter().collect();
                    let is_key = chars[end..]
                        .iter()
                        .find(|c| !c.is_whitespace())
                        .is_some_and(|&c| c == ':');
                    let diagnostic = if is_key {
                        Diagnostic::error(&source.path, "", tr!(
                            "`{number}` được viết như một tên trường trong `{{ … }}`: YAML tách dấu phẩy thập phân thành hai tên trường",
                            "`{number}` is written as a key inside `{{ … }}`: YAML reads two keys, split at the comma"
                        ))
                            .with_hint(tr!(
                                "tên trường là chữ như `score`: viết số liệu làm giá trị, ví dụ `score: \"{number}\"`",
                                "a key is a field name: write the figure as a value, e.g. `score: \"{number}\"`"
                            ))
                    } else {
                        Diagnostic::error(&source.path, "", tr!(
                            "`{number}` trong `[ … ]` hoặc `{{ … }}` bị đọc thành hai số",
                            "`{number}` inside `[ … ]` or `{{ … }}` is read as two numbers"
                        ))
                            .with_hint(tr!(
                                "trong ngoặc, YAML tách danh sách ở mỗi dấu phẩy: đặt số thập phân trong ngoặc kép (\"{number}\"), hoặc viết mỗi giá trị một dòng (- {number})",
                                "YAML splits a list at every comma: quote the decimal (\"{number}\"), or put one value per line (- {number})"
                            ))
                    };
                    found.push(diagnostic.at(Some(i + 1), Some(start + 1)));
                }
                _ => {}
            }
            if !c.is_whitespace() {
                prev_significant = c;
                at_line_start = false;
            }
        }
        let is_block_start = depth == 0 && quote.is_none() && starts_block(line);
        if is_block_start {
            block_indent = Some(indent);
        }
    }
    found
}

/// Whether `line` ends in `: |` or `: >` (with chomping or indentation
/// indicators): the start of a block scalar, outside quotes and flows.
fn starts_block(line: &str) -> bool {
    line.trim_end().rsplit_once(':').is_some_and(|(_, rest)| {
        let r = rest.trim();
        !r.is_empty()
            && (r.starts_with('|') || r.starts_with('>'))
            && r[1..].chars().all(|c| matches!(c, '-' | '+' | '0'..='9'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn scan(text: &str) -> Vec<(usize, usize)> {
        let src = Source::new(Path::new("x.yaml"), text);
        decimal_commas_in_flow(&src)
            .iter()
            .map(|d| (d.line.unwrap(), d.column.unwrap()))
            .collect()
    }

    #[test]
    fn finds_decimal_commas_in_flow_collections_only() {
        assert_eq!(scan("values: [73,8, 1038]\n"), vec![(1, 10)]);
        assert_eq!(scan("a: { score: 7,7, max: 18 }\n"), vec![(1, 13)]);
        assert!(scan("score: 7,7\nvalues:\n  - 73,8\n").is_empty());
        assert!(scan("values: [\"73,8\", 1038]\n").is_empty());
        assert!(scan("values: [73, 8]\n").is_empty());
        assert!(scan("body: |\n  Xem [1,2] và {3,4}\nx: 1\n").is_empty());
        assert!(scan("subject: Công văn 1,2 [a]\n").is_empty());
        assert!(scan("x: 1 # [7,7]\n").is_empty());
        // An escaped quote does not close the text, nor leave a flow open.
        assert!(scan("- { not_applicable: \"a \\\"b\\\", c\" }\n- 44,12\n").is_empty());
        assert!(scan("- { not_applicable: 'a ''b'', c' }\n- 44,12\n").is_empty());
        assert_eq!(scan("- [\"\\\\\", 7,7]\n"), vec![(1, 10)]);
        let src = Source::new(Path::new("x.yaml"), "a: { 7,7: x }\n");
        let found = decimal_commas_in_flow(&src);
        assert!(
            found[0].message.en.contains("as a key"),
            "{}",
            found[0].message
        );
    }
}
