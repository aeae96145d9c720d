//! YAML syntax errors in plain words. libyaml reports what its parser met
//! ("did not find expected '-' indicator"); an editor needs the likely
//! cause (a line indented off, a missing `-`, a tab, a `: ` in a text not
//! quoted, a quote not closed), the line to look at, and that line's text.

use crate::lang::Text;
use crate::tr;

/// What a syntax error means and how to fix it, with the line to point at
/// (which may differ from libyaml's: an unclosed quote is reported at the
/// end of the file, but the quote is where it opens).
pub struct Explained {
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: Text,
    pub hint: Text,
}

/// `raw` is libyaml's message without its position ("mapping values are
/// not allowed in this context"); `full` is the whole message, whose
/// "while scanning … at line N column M" names where a construct started.
pub fn explain(
    text: &str,
    raw: &str,
    full: &str,
    line: Option<usize>,
    column: Option<usize>,
) -> Explained {
    let context = context_line(full);
    let line_text = |n: Option<usize>| n.and_then(|n| text.lines().nth(n.saturating_sub(1)));
    let at = line_text(line).unwrap_or("");
    let char_at = column.and_then(|c| at.chars().nth(c.saturating_sub(1)));
    let (vi, en, hint, pointed) = cause(raw, at, char_at, line, context, text);
    let pointed_line = pointed.or(line);
    let shown = match line_text(pointed_line) {
        Some(t) if !t.trim().is_empty() => {
            let t = t.replace('\t', "⇥");
            let n = pointed_line.unwrap_or(0);
            tr!(" — dòng {n}: «{t}»", " — line {n}: «{t}»")
        }
        _ => Text::default(),
    };
    Explained {
        line: pointed_line,
        column: if pointed.is_some() && pointed != line {
            None
        } else {
            column
        },
        message: Text::new(
            format!("lỗi cú pháp YAML: {vi}"),
            format!("YAML syntax: {raw} ({en})"),
        )
        .append(&shown),
        hint,
    }
}

/// The line of "while scanning a quoted scalar at line 3 column 4".
fn context_line(full: &str) -> Option<usize> {
    let rest = full.split(", while ").nth(1)?;
    let n = rest.split(" at line ").nth(1)?;
    n.split_whitespace().next()?.parse().ok()
}

type Cause = (String, String, Text, Option<usize>);

fn cause(
    raw: &str,
    at: &str,
    char_at: Option<char>,
    line: Option<usize>,
    context: Option<usize>,
    text: &str,
) -> Cause {
    let n = line.unwrap_or(0);
    let has_tab = |l: &str| {
        l.chars()
            .take_while(|c| c.is_whitespace())
            .any(|c| c == '\t')
    };
    if raw.contains("tab character")
        || (char_at == Some('\t'))
        || (raw.contains("cannot start any token") && has_tab(at))
    {
        return tab(n);
    }
    // `- !Như trên;`, `place: & Hưng Yên`: YAML reads a value that starts
    // with `!`, `&` or `*` as a tag, an anchor or an alias, and then fails
    // on what follows; its own words ("did not find expected whitespace")
    // do not say so.
    if let Some(c) = value_start(at).filter(|c| matches!(c, '!' | '&' | '*')) {
        return read_as_node_property(c, n);
    }
    // A quote opened on an earlier line and closed far below: libyaml
    // stumbles where the text after the closing quote makes no sense.
    if let Some(q) = unclosed_quote(text, line.unwrap_or(0)) {
        return (
            format!("dấu ngoặc kép mở ở dòng {q} chưa được đóng trên cùng dòng, nên YAML đọc tiếp các dòng sau như một đoạn chữ"),
            "a quote opened and not closed on its line".into(),
            tr!(
                "thêm dấu ngoặc kép đóng ở cuối đoạn chữ trên dòng đó",
                "close the quote at the end of the text on that line"
            ),
            Some(q),
        );
    }
    if raw.starts_with("mapping values are not allowed") {
        if has_tab(at) {
            return tab(n);
        }
        // `subject: Về việc: công khai`: a second `: ` on a `key: value` line.
        let first_colon = at.find(": ");
        let value_has_colon = first_colon
            .is_some_and(|i| at[i + 2..].contains(": ") || at[i + 2..].trim_end().ends_with(':'));
        if value_has_colon {
            return (
                format!("dòng {n} có một đoạn chữ chứa dấu hai chấm và dấu cách (`: `) mà không đặt trong ngoặc kép, nên YAML tưởng đó là một trường mới"),
                "a text with `: ` in it is not quoted, so YAML reads a new field".into(),
                tr!(
                    "đặt cả đoạn chữ sau `tên_trường: ` trong ngoặc kép, ví dụ `subject: \"Về việc: công khai kết quả\"`",
                    "put the whole text after `key: ` in double quotes, e.g. `subject: \"Re: results\"`"
                ),
                None,
            );
        }
        if at
            .trim_start()
            .split(':')
            .next()
            .is_some_and(|k| !k.contains(' '))
            && n > 1
        {
            return (
                format!("dòng {n} thụt lề sâu hơn trường ở dòng trên, mà trường đó đã có giá trị, nên YAML không biết dòng này thuộc về đâu"),
                "the line is indented deeper than the field above it, which already has a value".into(),
                tr!(
                    "cho dòng này thẳng cột với các trường cùng cấp ở trên (cùng số dấu cách ở đầu dòng); nếu dòng trên là đoạn chữ chưa hết thì đặt đoạn chữ trong ngoặc kép",
                    "fix the indentation: align the line with the fields of the same level above it (the same number of spaces); if the line above is an unfinished text, quote it"
                ),
                None,
            );
        }
        return (
            format!("ở dòng {n}, YAML gặp `:` mà không biết nó thuộc trường nào: thường do thụt lề lệch, hoặc một đoạn chữ có `: ` chưa đặt trong ngoặc kép"),
            "a `:` YAML cannot attach to a field: usually an indentation off, or a text with `: ` not quoted".into(),
            tr!(
                "kiểm tra thụt lề (chỉ dùng dấu cách, các trường cùng cấp thẳng cột), và đặt trong ngoặc kép đoạn chữ có `: `",
                "check the indentation (spaces only, fields of one level aligned), and quote text that contains `: `"
            ),
            None,
        );
    }
    if raw.starts_with("did not find expected '-' indicator") {
        return (
            format!("thiếu dấu `-` hoặc thụt lề lệch trong danh sách: dòng {n} nằm trong một danh sách (ví dụ các dòng của bảng) nhưng không bắt đầu bằng `- ` và không thẳng cột với các trường của mục trên"),
            "a missing `-`, or an indentation off inside a list".into(),
            tr!(
                "mỗi mục của danh sách bắt đầu bằng `- `, thẳng cột với các mục khác; các trường trong một mục thẳng cột với trường đầu tiên sau `- `",
                "start each list item with `- `, aligned with the other items; align the fields of an item with its first field after `- `"
            ),
            None,
        );
    }
    if raw.starts_with("did not find expected key") {
        let trimmed = at.trim_start();
        let (vi, en) = if trimmed.starts_with("- ") || trimmed == "-" {
            (
                format!("dòng {n} là một mục danh sách (`- …`) đặt giữa các trường, hoặc thụt lề khác với danh sách của nó"),
                "a list item (`- …`) among fields, or indented off from its list",
            )
        } else if trimmed.starts_with('-') {
            (
                format!(
                    "dòng {n} có dấu `-` dính liền chữ: một mục danh sách cần dấu cách sau `-`"
                ),
                "a `-` without a space after it",
            )
        } else if at.contains('"') || at.contains('\'') {
            (
                format!("dòng {n} có chữ nằm sau dấu ngoặc kép đóng, hoặc thụt lề không khớp với các trường cùng cấp"),
                "text after a closing quote, or an indentation off",
            )
        } else {
            (
                format!("thụt lề không khớp: dòng {n} lùi vào hoặc lùi ra so với các trường cùng cấp ở trên"),
                "the indentation is off: the line is not aligned with the fields of its level",
            )
        };
        return (
            vi,
            en.into(),
            tr!(
                "các trường cùng cấp phải thẳng cột (cùng số dấu cách ở đầu dòng, không dùng Tab); mục danh sách viết `- ` rồi mới đến chữ; đoạn chữ có dấu ngoặc kép thì đặt cả đoạn trong ngoặc kép",
                "fields of one level must be aligned (the same number of spaces, no tabs); write a list item as `- ` then the text; quote the whole of a text that contains quotes"
            ),
            None,
        );
    }
    if raw.starts_with("found unexpected end of stream") && context.is_some() {
        let q = context.unwrap_or(n);
        return (
            format!("dấu ngoặc (\" hoặc ') mở ở dòng {q} chưa được đóng, nên YAML đọc cả phần còn lại của tệp như một đoạn chữ"),
            "a quote opened and never closed".into(),
            tr!(
                "thêm dấu ngoặc kép đóng ở cuối đoạn chữ, cùng loại với dấu mở (\" hoặc ')",
                "close the quote at the end of the text, with the same mark that opened it (\" or ')"
            ),
            Some(q),
        );
    }
    if raw.starts_with("could not find expected ':'") {
        let k = context.unwrap_or(n);
        return (
            format!("dòng {k} không có dấu `:`, nên YAML không biết đó là trường nào (hoặc một đoạn chữ nhiều dòng bị ngắt dòng)"),
            "a line without `:`: a field without its colon, or a text broken over lines".into(),
            tr!(
                "viết `tên_trường: giá trị` (dấu hai chấm rồi một dấu cách); đoạn chữ dài thì để trên một dòng trong ngoặc kép, hoặc viết `|` rồi xuống dòng và thụt lề",
                "write `key: value` (a colon, then a space); keep a long text on one line in quotes, or write `|` and indent the lines below"
            ),
            Some(k),
        );
    }
    if raw.starts_with("did not find expected ',' or ']'")
        || raw.starts_with("did not find expected ',' or '}'")
    {
        let (open, close) = if raw.contains(']') {
            ('[', ']')
        } else {
            ('{', '}')
        };
        let k = context.unwrap_or(n);
        return (
            format!("dấu `{open}` mở ở dòng {k} chưa được đóng bằng `{close}`, hoặc các giá trị trong đó thiếu dấu phẩy"),
            format!("a `{open}` not closed with `{close}`, or values without commas between them"),
            tr!(
                "đóng ngoặc `{close}` trên cùng dòng, hoặc bỏ ngoặc và viết mỗi giá trị một dòng `- giá trị`",
                "close it with `{close}` on the same line, or drop the brackets and write one `- value` per line"
            ),
            Some(k),
        );
    }
    if raw.starts_with("found unknown escape character") {
        return (
            format!("dòng {n}: trong ngoặc kép, dấu `\\` phải đi kèm một mã hợp lệ"),
            "a `\\` inside double quotes that starts no known escape".into(),
            tr!(
                "viết `\\\\` cho một dấu gạch chéo ngược, hoặc dùng ngoặc đơn ('…') thay cho ngoặc kép",
                "write `\\\\` for a backslash, or use single quotes ('…')"
            ),
            None,
        );
    }
    if raw.starts_with("found character that cannot start any token") {
        let c = char_at.map(String::from).unwrap_or_default();
        let (sign, example) = (code(&c), code(&format!("\"{c}…\"")));
        return (
            format!("dòng {n}: giá trị bắt đầu bằng ký tự {sign}, ký tự YAML dành riêng"),
            format!("a value starting with {sign}, which YAML reserves"),
            tr!(
                "đặt cả giá trị trong ngoặc kép, ví dụ {example}",
                "put the whole value in double quotes, e.g. {example}"
            ),
            None,
        );
    }
    if raw.starts_with("block sequence entries are not allowed") {
        return (
            format!("dòng {n}: mục danh sách (`- `) đặt sau một giá trị trên cùng dòng, hoặc thụt lề lệch"),
            "a list item (`- `) after a value, or indented off".into(),
            tr!(
                "viết danh sách trên các dòng bên dưới tên trường (`tên_trường:` rồi xuống dòng), mỗi dòng một `- mục`, thẳng cột",
                "write the list on the lines below its key (`key:` then a new line), one aligned `- item` per line"
            ),
            None,
        );
    }
    if raw.starts_with("did not find expected node content") {
        return (
            format!("dòng {n}: thiếu một giá trị (ví dụ hai dấu phẩy liền nhau, hoặc `- ` không có gì sau)"),
            "a value is missing (two commas in a row, or a `- ` with nothing after it)".into(),
            tr!(
                "viết giá trị còn thiếu, hoặc `~` nếu văn bản để trống",
                "write the missing value, or `~` where the document leaves it blank"
            ),
            None,
        );
    }
    if raw.starts_with("unknown anchor") {
        // An alias inside brackets, where the line's value does not start with it.
        return read_as_node_property('*', n);
    }
    if raw.starts_with("deserializing from YAML containing more than one document") {
        // libyaml gives no position: the line is the `---` that starts the
        // second document.
        let k = second_document(text);
        let at = k.map_or(String::new(), |k| format!("dòng {k}: "));
        return (
            format!(
                "{at}dấu `---` bắt đầu một tài liệu YAML thứ hai, mà mỗi tệp chỉ chứa một văn bản"
            ),
            "a `---` line starts a second YAML document; a file holds one document".into(),
            tr!(
                "xoá dòng `---`, hoặc chuyển phần bên dưới nó sang một tệp riêng",
                "remove the `---` line, or move what follows it to a file of its own"
            ),
            k,
        );
    }
    let _ = text;
    (
        format!("YAML không đọc được tệp từ dòng {n} ({raw})"),
        "YAML cannot read on from here".into(),
        tr!(
            "kiểm tra thụt lề (chỉ dùng dấu cách, không dùng Tab), mỗi `tên_trường:` có một dấu cách sau dấu hai chấm, và đặt trong ngoặc kép (\"…\") đoạn chữ có `: ` hoặc bắt đầu bằng ký tự đặc biệt",
            "check the indentation (spaces, not tabs), that every `key:` is followed by a space, and quote text that contains `: ` or starts with a special character (\"…\")"
        ),
        None,
    )
}

/// A value on line `n` that starts with `c` (`!`, `&` or `*`), which YAML
/// reads as a tag, an anchor or an alias.
fn read_as_node_property(c: char, n: usize) -> Cause {
    let (vi, en) = match c {
        '!' => ("một thẻ (tag)", "a tag"),
        '&' => ("một neo (anchor)", "an anchor"),
        _ => ("một tham chiếu (alias)", "an alias"),
    };
    (
        format!("dòng {n}: giá trị bắt đầu bằng `{c}`, YAML đọc đó là {vi}"),
        format!("a value starting with `{c}`, which YAML reads as {en}"),
        tr!(
            "đặt cả giá trị trong ngoặc kép, ví dụ `\"{c}…\"`",
            "put the whole value in double quotes, e.g. `\"{c}…\"`"
        ),
        None,
    )
}

/// The first character of the value on line `at`: after the indentation,
/// any `- ` of list items and a `key: `.
fn value_start(at: &str) -> Option<char> {
    let mut rest = at.trim_start();
    while let Some(r) = rest.strip_prefix("- ") {
        rest = r.trim_start();
    }
    if let Some((key, value)) = rest.split_once(": ") {
        if !key.is_empty() && !key.contains([' ', '"', '\'']) {
            rest = value.trim_start();
        }
    }
    rest.chars().next()
}

/// `text` set off as written: in backticks, or in «…» when it holds a
/// backtick itself ("```" would not read).
fn code(text: &str) -> String {
    if text.contains('`') {
        format!("«{text}»")
    } else {
        format!("`{text}`")
    }
}

/// The line of the `---` that starts a second document: one after a line
/// of content (a `---` before any is the first document's own start).
fn second_document(text: &str) -> Option<usize> {
    let mut content = false;
    for (i, l) in text.lines().enumerate() {
        let marker = l
            .strip_prefix("---")
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']));
        if marker && content {
            return Some(i + 1);
        }
        if !marker && !l.trim().is_empty() && !l.trim_start().starts_with('#') {
            content = true;
        }
    }
    None
}

/// The first line before `upto` whose value opens a double quote and does
/// not close it (`place: "Hưng Yên`).
fn unclosed_quote(text: &str, upto: usize) -> Option<usize> {
    for (i, l) in text.lines().enumerate().take(upto.saturating_sub(1)) {
        let t = l.trim_start().trim_start_matches("- ");
        let value = match t.split_once(": ") {
            Some((key, v)) if !key.contains('"') => v,
            _ if t.starts_with('"') => t,
            _ => continue,
        };
        let value = value.trim();
        if !value.starts_with('"') {
            continue;
        }
        let mut quotes = 0;
        let mut escaped = false;
        for c in value.chars() {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => quotes += 1,
                _ => escaped = false,
            }
            if c != '\\' {
                escaped = false;
            }
        }
        if quotes % 2 == 1 {
            return Some(i + 1);
        }
    }
    None
}

fn tab(n: usize) -> Cause {
    (
        format!("dòng {n} được thụt lề bằng phím Tab: YAML chỉ chấp nhận dấu cách"),
        "a tab in the indentation: YAML takes spaces only".into(),
        tr!(
            "xoá ký tự Tab ở đầu dòng và thụt lề bằng dấu cách (trình soạn thảo có thể đặt phím Tab thành dấu cách)",
            "replace the tab at the start of the line by spaces"
        ),
        None,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// libyaml's explanation of `text`, in Vietnamese, with its line.
    fn vi(text: &str) -> (String, String, Option<usize>) {
        let e = serde_yaml::from_str::<serde_yaml::Value>(text).unwrap_err();
        let full = e.to_string();
        let raw = full.split(" at line ").next().unwrap_or(&full).to_string();
        let loc = e.location();
        let x = explain(
            text,
            &raw,
            &full,
            loc.as_ref().map(|l| l.line()),
            loc.as_ref().map(|l| l.column()),
        );
        (x.message.vi, x.hint.vi, x.line)
    }

    #[test]
    fn a_key_indented_under_a_value_is_an_indentation() {
        let (m, h, line) = vi("place: Hưng Yên\n  oops: thụt lề\nx: 1\n");
        assert!(m.contains("thụt lề sâu hơn"), "{m}");
        assert!(m.contains("dòng 2: «  oops: thụt lề»"), "{m}");
        assert!(h.contains("thẳng cột"), "{h}");
        assert_eq!(line, Some(2));
    }

    #[test]
    fn a_colon_in_a_text_asks_for_quotes() {
        let (m, h, _) = vi("subject: Về việc: công khai\n");
        assert!(m.contains("`: `") && m.contains("ngoặc kép"), "{m}");
        assert!(h.contains("\"Về việc: công khai kết quả\""), "{h}");
    }

    #[test]
    fn a_row_without_its_dash_is_named() {
        let (m, h, line) = vi("rows:\n  - no: 1\n    unit: a\n  no: 2\n    unit: b\n");
        assert!(m.starts_with("lỗi cú pháp YAML: thiếu dấu `-`"), "{m}");
        assert!(h.contains("`- `"), "{h}");
        assert_eq!(line, Some(4));
    }

    #[test]
    fn a_tab_is_named() {
        for text in [
            "a:\n\tb: 1\n",
            "a: 1\nb:\n  - x\n\t- y\n",
            "a: 1\n  \tb: 2\n",
        ] {
            let (m, h, _) = vi(text);
            assert!(m.contains("phím Tab"), "{text:?}: {m}");
            assert!(m.contains('⇥'), "{m}");
            assert!(h.contains("dấu cách"), "{h}");
        }
    }

    #[test]
    fn an_unclosed_quote_points_where_it_opens() {
        let (m, _, line) = vi("a: 1\nb: \"abc\nc: 2\n");
        assert!(
            m.contains("dấu ngoặc kép mở ở dòng 2 chưa được đóng"),
            "{m}"
        );
        assert_eq!(line, Some(2));
    }

    #[test]
    fn indentation_missing_colon_brackets_and_special_characters() {
        let (m, _, _) = vi("a:\n    b: 1\n  c: 2\n");
        assert!(m.contains("thụt lề không khớp: dòng 3"), "{m}");
        let (m, _, line) = vi("a: 1\nbcd\nc: 2\n");
        assert!(m.contains("dòng 2 không có dấu `:`"), "{m}");
        assert_eq!(line, Some(2));
        let (m, _, _) = vi("a: [1, 2\nb: 3\n");
        assert!(
            m.contains("dấu `[` mở ở dòng 1 chưa được đóng bằng `]`"),
            "{m}"
        );
        let (m, h, _) = vi("a: @x\n");
        assert!(m.contains("ký tự `@`"), "{m}");
        assert!(h.contains("ngoặc kép"), "{h}");
        let (m, _, _) = vi("a:\n  b: 1\n  - c\n");
        assert!(
            m.contains("mục danh sách (`- …`) đặt giữa các trường"),
            "{m}"
        );
        let (m, _, _) = vi("a: \"x\\q\"\n");
        assert!(m.contains("dấu `\\`"), "{m}");
    }
}
