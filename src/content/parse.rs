//! Read one YAML file into its typed shape, turning every serde error into
//! a [`Diagnostic`] with file, line, column, field path and a hint.
//!
//! serde stops at the first error; to report more than one error per file,
//! the faulty value is removed and the file deserialized again (at most
//! [`MAX_ERRORS_PER_FILE`] times), until it passes or an error repeats.

use super::decimal_commas::decimal_commas_in_flow;
use super::limits;
use super::positions::parent;
use super::source::Source;
use crate::diagnostics::Diagnostic;
use crate::lang::Text;
use crate::suggest::did_you_mean;
use crate::tr;
use serde::de::DeserializeOwned;
use serde_yaml::Value;

pub const MAX_ERRORS_PER_FILE: usize = 30;

/// Deserialize `source` as `T`; on failure, every error found.
pub fn parse<T: DeserializeOwned>(source: &Source) -> Result<T, Vec<Diagnostic>> {
    if source.text.trim().is_empty() {
        return Err(vec![source
            .error("", tr!("tệp trống", "the file is empty"))
            .with_hint(tr!(
                "chép một tệp có sẵn cùng loại rồi sửa lại (xem docs/content-format.md)",
                "copy an existing file of the same kind and edit it (see docs/content-format.md)"
            ))]);
    }
    // Before YAML reads the text: what it would misread.
    let found = limits::raw_characters(source);
    if !found.is_empty() {
        return Err(found);
    }
    // Nearly every file reads at once: straight into `T` when that gives
    // what the tree gives (the tree is for reporting errors). Most are in
    // the block YAML read without libyaml, which holds no anchor or alias.
    let flow_commas = || !decimal_commas_in_flow(source).is_empty();
    match super::direct::read_block::<T>(source) {
        Some(Some(t)) if !flow_commas() => return Ok(t),
        Some(_) => return through_tree(source),
        None => {}
    }
    // What YAML would expand without bound.
    let found = limits::anchors_and_aliases(source);
    if !found.is_empty() {
        return Err(found);
    }
    if let Some(t) = super::direct::read_events::<T>(source) {
        if !flow_commas() {
            return Ok(t);
        }
    }
    through_tree(source)
}

/// [`parse`] through YAML's tree, which every error is reported from.
pub(super) fn through_tree<T: DeserializeOwned>(source: &Source) -> Result<T, Vec<Diagnostic>> {
    let mut value: Value = match serde_yaml::from_str(&source.text) {
        Ok(v) => v,
        Err(e) => {
            // `{ 7,7: x }` is a YAML error ("duplicate key 7"); a decimal
            // comma on the same line says what went wrong.
            let line = e.location().map(|l| l.line());
            let commas: Vec<Diagnostic> = decimal_commas_in_flow(source)
                .into_iter()
                .filter(|d| d.line.is_some() && d.line == line)
                .collect();
            if !commas.is_empty() {
                return Err(commas);
            }
            return Err(vec![syntax_error(source, &e)]);
        }
    };
    let found = limits::in_values(&value, source);
    if !found.is_empty() {
        return Err(found);
    }
    // `8.0` keeps its decimal: YAML read it as the float 8.
    super::printed_decimals::keep(&source.text, &mut value);
    // Only once the YAML reads: an unclosed `[` would put the rest of the
    // file inside a flow collection for the scan.
    let flow_errors = decimal_commas_in_flow(source);
    if !flow_errors.is_empty() {
        return Err(flow_errors);
    }
    // Nearly every file reads at once: serde_path_to_error's tracking is
    // needed only to report an error, and gives the same value otherwise.
    if let Ok(t) = T::deserialize(&value) {
        return Ok(t);
    }
    let mut errors: Vec<Diagnostic> = Vec::new();
    // Paths removed to read past an error: a later "missing field" there is
    // a consequence, not a new error.
    let mut removed: Vec<String> = Vec::new();
    // Deserialize from a borrowed value: no copy of the file's tree.
    let mut result = serde_path_to_error::deserialize::<_, T>(&value);
    loop {
        let e = match result {
            Ok(t) if errors.is_empty() => return Ok(t),
            Ok(_) => return Err(errors),
            Err(e) => e,
        };
        let path = error_path(&e);
        let message = e.inner().to_string();
        if missing_field(&message).is_some_and(|f| removed.contains(&join(&path, f))) {
            return Err(errors);
        }
        let (diag, patch) = describe(source, &path, &message);
        if errors
            .iter()
            .any(|d| d.field == diag.field && d.message == diag.message)
        {
            return Err(errors);
        }
        errors.push(diag);
        let Some(patch) = patch else {
            return Err(errors);
        };
        if errors.len() >= MAX_ERRORS_PER_FILE {
            return Err(errors);
        }
        // Put a stand-in where the error is, so that the next reading goes
        // past it and finds the next error. The stand-ins never reach the
        // model: a file with errors gives no value. A stand-in that only
        // moves the error (removing a required field makes it missing) is
        // not progress; try the next one.
        let mut next = None;
        for candidate in patch.candidates {
            let mut v = value.clone();
            let removal = matches!(candidate, Edit::Remove);
            if !apply(&mut v, &patch.path, candidate) {
                continue;
            }
            let r = serde_path_to_error::deserialize::<_, T>(&v);
            if let Err(e2) = &r {
                if stuck_at(e2, &patch.path) {
                    continue;
                }
            }
            if removal {
                removed.push(patch.path.clone());
            }
            value = v;
            next = Some(r);
            break;
        }
        match next {
            Some(r) => result = r,
            None => return Err(errors),
        }
    }
}

fn error_path<E>(e: &serde_path_to_error::Error<E>) -> String {
    let path = e.path().to_string();
    if path == "." {
        String::new()
    } else {
        path
    }
}

/// Whether a new error is still about `path` (the same value, inside it,
/// or the field left missing by removing it).
fn stuck_at<E: std::fmt::Display>(e: &serde_path_to_error::Error<E>, path: &str) -> bool {
    let p = error_path(e);
    if p == path || p.starts_with(&format!("{path}.")) || p.starts_with(&format!("{path}[")) {
        return true;
    }
    missing_field(&e.inner().to_string()).is_some_and(|field| join(&p, field) == path)
}

/// `f` in serde's "missing field `f`".
fn missing_field(message: &str) -> Option<&str> {
    message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next())
}

/// Where to put a stand-in after an error, and which ones to try, in order.
struct Patch {
    path: String,
    candidates: Vec<Edit>,
}

enum Edit {
    /// Remove a mapping entry; a sequence item becomes null, so that later
    /// indexes keep their meaning.
    Remove,
    Set(Value),
}

impl Patch {
    /// Replace the value by a stand-in of some type, or else remove it.
    /// Stand-ins come first: removing a required field would only report
    /// it missing further on.
    fn any(path: String) -> Patch {
        let mut candidates: Vec<Edit> = stand_ins().into_iter().map(Edit::Set).collect();
        candidates.push(Edit::Remove);
        Patch { path, candidates }
    }
}

/// Values that deserialize into the field types of the content files:
/// text, numbers, dates, periods, ranks, flags and lists.
fn stand_ins() -> Vec<Value> {
    vec![
        Value::String("0".into()),
        Value::Number(0.into()),
        Value::String("2000-01-01".into()),
        Value::String("2000-01".into()),
        Value::String("1/1".into()),
        Value::Bool(false),
        Value::Sequence(Vec::new()),
    ]
}

fn syntax_error(source: &Source, e: &serde_yaml::Error) -> Diagnostic {
    let (line, column) = match e.location() {
        Some(l) => (Some(l.line()), Some(l.column())),
        None => (None, None),
    };
    let full = e.to_string();
    let mut message = full.clone();
    // serde_yaml appends " at line X column Y"; the position is printed already.
    if let Some(i) = message.find(" at line ") {
        message.truncate(i);
    }
    // "results.groups[0]: duplicate entry with key \"score\"", positioned at
    // the start of the mapping: point at the second key instead.
    if let Some(i) = message.find("duplicate entry with key \"") {
        let key = message[i..].split('"').nth(1).unwrap_or_default();
        let field = join(message[..i].trim_end_matches([':', ' ']), key);
        let pos = source.index().duplicate(&field);
        return Diagnostic::error(
            &source.path,
            &field,
            tr!("`{key}` được ghi hai lần", "`{key}` is given twice"),
        )
        .at(
            pos.map_or(line, |p| Some(p.line)),
            pos.map_or(column, |p| Some(p.column)),
        )
        .with_place(source.place(&field))
        .with_hint(if field.contains('[') {
            // In a list item: a new item whose `- ` was left out reads as
            // the same item's key written again.
            tr!(
                "chỉ giữ một dòng `{key}:` ở đây và xoá dòng kia; nếu đây là một mục mới của danh sách (ví dụ một dòng mới của bảng) thì thiếu dấu `-`: viết `- {key}: …`",
                "keep one `{key}:` here and remove the other; if it starts a new item of the list (a new row of a table), the `-` is missing: write `- {key}: …`"
            )
        } else {
            tr!(
                "chỉ giữ một dòng `{key}:` ở đây và xoá dòng kia",
                "keep one `{key}:` here and remove the other"
            )
        });
    }
    // "number: invalid type: integer `99999999999999999999` as u128": a
    // number beyond what YAML reads, not a syntax error.
    if let Some(i) = message.find("invalid type: integer `") {
        let number = message[i..].split('`').nth(1).unwrap_or_default();
        let field = message[..i].trim_end_matches([':', ' ']);
        return Diagnostic::error(
            &source.path,
            field,
            tr!(
                "{number} là số quá lớn để in chính xác",
                "{number} is too large a number to print exactly"
            ),
        )
        .at(line, column)
        .with_hint(tr!(
            "đối chiếu số liệu với văn bản",
            "check the figure against the document"
        ));
    }
    let explained = super::syntax::explain(&source.text, &message, &full, line, column);
    Diagnostic::error(&source.path, "", explained.message)
        .at(explained.line, explained.column)
        .with_hint(explained.hint)
}

/// Turn a serde message into a diagnostic, and say where to put a
/// stand-in before reading again (None: do not read again).
fn describe(source: &Source, path: &str, message: &str) -> (Diagnostic, Option<Patch>) {
    // `congkhai new` leaves `???` where the new document's values go.
    if message.contains(crate::model::TO_FILL) {
        let fill = crate::model::TO_FILL;
        let d = source
            .error(path, tr!("chưa điền (`{fill}`)", "not filled in yet (`{fill}`)"))
            .with_hint(tr!(
                "viết giá trị văn bản mới ghi; xoá dòng này nếu văn bản để trống",
                "write the value the new document prints; remove the line where the document leaves it blank"
            ));
        return (d, Some(Patch::any(path.to_string())));
    }
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or_default();
        let expected = backticked(rest.split_once("expected").map_or("", |(_, e)| e));
        // serde_path_to_error's path already ends with the unknown key.
        let full = if path == field || path.ends_with(&format!(".{field}")) {
            path.to_string()
        } else {
            join(path, field)
        };
        let Text {
            vi: mean_vi,
            en: mean_en,
        } = did_you_mean(field, expected.iter().map(String::as_str));
        let allowed = expected.join(", ");
        let d = source
            .error(
                &full,
                tr!(
                    "trường không có trong mẫu: `{field}`{mean_vi}",
                    "unknown field `{field}`{mean_en}"
                ),
            )
            .with_hint(if expected.is_empty() {
                tr!("xoá trường này", "remove it")
            } else {
                tr!(
                    "các trường được phép ở đây: {allowed}",
                    "allowed here: {allowed}"
                )
            });
        let patch = Patch {
            path: full,
            candidates: vec![Edit::Remove],
        };
        return (d, Some(patch));
    }
    if let Some(field) = missing_field(message) {
        let d = source
            .error(
                path,
                tr!("thiếu trường `{field}`", "missing field `{field}`"),
            )
            .with_hint(tr!(
                "thêm dòng `{field}:` vào đây (xem docs/content-format.md)",
                "add `{field}:` here (see docs/content-format.md)"
            ));
        let patch = Patch {
            path: join(path, field),
            candidates: stand_ins().into_iter().map(Edit::Set).collect(),
        };
        return (d, Some(patch));
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let variant = rest.split('`').next().unwrap_or_default();
        let expected = backticked(rest.split_once("expected").map_or("", |(_, e)| e));
        let Text {
            vi: mean_vi,
            en: mean_en,
        } = did_you_mean(variant, expected.iter().map(String::as_str));
        let allowed = expected.join(", ");
        let d = source
            .error(
                path,
                tr!(
                    "không được viết `{variant}` ở đây{mean_vi}",
                    "`{variant}` is not allowed here{mean_en}"
                ),
            )
            .with_hint(tr!(
                "viết một trong các giá trị: {allowed}",
                "write one of: {allowed}"
            ));
        let mut patch = Patch::any(path.to_string());
        if let Some(first) = expected.first() {
            patch
                .candidates
                .insert(0, Edit::Set(Value::String(first.clone())));
        }
        return (d, Some(patch));
    }
    if message.contains("expected field identifier")
        || message.contains("expected a string") && path.contains('?')
    {
        // `{ score: 7,7 }`: inside braces the decimal comma splits the entry.
        // serde_path_to_error writes `?` for the key it could not read: the
        // error is the entry's, the mapping that holds that key.
        let entry = path
            .strip_suffix(".?")
            .or_else(|| path.strip_suffix('?'))
            .unwrap_or(path);
        // Written in block style, the entry has no braces: the key is a
        // number of its own (`7: 7` under `score: 7,7`).
        if let Some((line, column, key)) = number_key(source, entry) {
            let d = source
                .error(
                    entry,
                    tr!(
                        "`{key}:` là một số, không phải tên trường",
                        "`{key}:` is a number, not a field name"
                    ),
                )
                .at(Some(line), Some(column))
                .with_hint(tr!(
                    "viết tên trường trước dấu hai chấm (ví dụ `score: 7,7`), hoặc xoá dòng này",
                    "write the field's name before the colon (e.g. `score: 7,7`), or remove the line"
                ));
            return (d, None);
        }
        let d = source
            .error(
                entry,
                tr!(
                    "dấu phẩy thập phân trong `{{ … }}` tách mục thành hai",
                    "a decimal comma inside `{{ … }}` splits the entry in two"
                ),
            )
            .with_hint(tr!(
                "trong ngoặc nhọn, đặt số trong ngoặc kép (\"7,7\"), hoặc viết mỗi trường một dòng",
                "inside braces, quote the number (\"7,7\"), or write each field on its own line"
            ));
        return (d, None);
    }
    let (message, hint) = super::wording::value_error(message);
    let d = source.error(path, message).with_hint(hint);
    (d, Some(Patch::any(path.to_string())))
}

/// In the mapping at `entry`, written without braces, the first key that
/// is a number (`7: 7`): its line, its column and the key as written.
fn number_key(source: &Source, entry: &str) -> Option<(usize, usize, String)> {
    let pos = source.index().find(entry)?;
    let mut lines = source.text.lines().skip(pos.line.checked_sub(1)?);
    let first = lines.next()?;
    if first.contains('{') {
        return None;
    }
    let indent = |l: &str| l.len() - l.trim_start().len();
    // The fields of the entry stand deeper than the `- ` that opens it.
    let depth = indent(first);
    let key_of = |l: &str| -> Option<String> {
        let t = l.trim_start().trim_start_matches("- ");
        let (key, _) = t.split_once(':')?;
        let number = !key.is_empty()
            && key.starts_with(|c: char| c.is_ascii_digit() || c == '-')
            && key
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-'));
        number.then(|| key.to_string())
    };
    let column = |l: &str| l.len() - l.trim_start().trim_start_matches("- ").len() + 1;
    if let Some(key) = key_of(first) {
        return Some((pos.line, column(first), key));
    }
    for (i, l) in lines.enumerate() {
        if l.trim().is_empty() || l.trim_start().starts_with('#') {
            continue;
        }
        // The next item of the list, or what follows the mapping.
        if indent(l) <= depth {
            return None;
        }
        if let Some(key) = key_of(l) {
            return Some((pos.line + i + 1, column(l), key));
        }
    }
    None
}

fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_string()
    } else {
        format!("{path}.{field}")
    }
}

fn backticked(s: &str) -> Vec<String> {
    s.split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, w)| w.to_string())
        .collect()
}

/// Apply `edit` at `path`; false when there is nothing to edit there.
fn apply(value: &mut Value, path: &str, edit: Edit) -> bool {
    let parent_path = parent(path);
    let last = &path[parent_path.len()..];
    let Some(container) = lookup_mut(value, &parent_path) else {
        return false;
    };
    if let Some(idx) = last.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
        let Ok(i) = idx.parse::<usize>() else {
            return false;
        };
        let Value::Sequence(items) = container else {
            return false;
        };
        let Some(item) = items.get_mut(i) else {
            return false;
        };
        match edit {
            Edit::Remove if item.is_null() => return false,
            Edit::Remove => *item = Value::Null,
            Edit::Set(v) => *item = v,
        }
        return true;
    }
    let key = last.trim_start_matches('.');
    let Value::Mapping(map) = container else {
        return false;
    };
    match edit {
        Edit::Remove => map.remove(key).is_some(),
        Edit::Set(v) => {
            map.insert(Value::String(key.to_string()), v);
            true
        }
    }
}

fn lookup_mut<'a>(value: &'a mut Value, path: &str) -> Option<&'a mut Value> {
    let mut cur = value;
    for seg in split_path(path) {
        cur = match seg {
            Seg::Key(k) => match cur {
                Value::Mapping(m) => m.get_mut(k)?,
                _ => return None,
            },
            Seg::Index(i) => match cur {
                Value::Sequence(s) => s.get_mut(i)?,
                _ => return None,
            },
        };
    }
    Some(cur)
}

enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

fn split_path(path: &str) -> Vec<Seg<'_>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            out.push(Seg::Key(key));
        }
        for idx in rest.split('[').filter(|s| !s.is_empty()) {
            if let Ok(i) = idx.trim_end_matches(']').parse() {
                out.push(Seg::Index(i));
            }
        }
    }
    out
}
