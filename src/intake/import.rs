//! `congkhai import`: an appendix's rows from a table saved or pasted from
//! Excel or LibreOffice. The table's columns are mapped to the appendix's
//! by their headings (or `--columns`), unit names to units through their
//! names and aliases (case and diacritics forgiven, never guessed), cells
//! converted as an editor writes them; only the appendix's `rows:` block of
//! the dispatch file is replaced, the rest of the file stays as it was.

pub use super::import_error::ImportError;
use super::table::{self, Rows};
use crate::content::limits::first_forbidden;
use crate::lang::{io_error, Text};
use crate::model::numbers::Num;
use crate::model::{IndicatorsFile, Measure, UnitsFile};
use crate::suggest::{closest, fold};
use crate::tr;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// What an import is asked to do.
pub struct ImportOptions<'a> {
    pub content: &'a Path,
    pub table: &'a Path,
    /// The dispatch's file name without `.yaml`.
    pub dispatch: &'a str,
    /// The appendix's printed number: `I`, `II`.
    pub appendix: &'a str,
    /// The role of each table column: `stt`, `unit`, `status`, `-`, or
    /// the number of an appendix column (1, 2…).
    pub columns: Option<&'a str>,
    pub dry_run: bool,
}

/// What an import did (or would do, with `dry_run`).
#[derive(Debug)]
pub struct Imported {
    pub file: PathBuf,
    pub rows: usize,
    /// Table rows left out: headings, sub-headings (no unit, no figures),
    /// empty rows.
    pub skipped: Vec<usize>,
    /// The new `rows:` block.
    pub block: String,
    pub changed: bool,
}

/// The role of one column of the table.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Role {
    Stt,
    Unit,
    Status,
    /// The appendix's column, from 0.
    Value(usize),
    Skip,
}

/// An appendix column as the dispatch file declares it.
struct Column {
    heading: String,
    measure: Measure,
}

/// The units by folded name or alias: ids (more than one: ambiguous).
struct Names {
    by_name: HashMap<String, Vec<String>>,
    official: HashMap<String, String>,
}

fn names(units: &UnitsFile) -> Names {
    let mut by_name: HashMap<String, Vec<String>> = HashMap::new();
    let mut official = HashMap::new();
    for u in &units.units {
        official.insert(u.id.clone(), u.name.clone());
        for n in std::iter::once(&u.name)
            .chain(&u.aliases)
            .chain(u.short_name.iter())
        {
            let ids = by_name.entry(fold(n)).or_default();
            if !ids.contains(&u.id) {
                ids.push(u.id.clone());
            }
        }
    }
    Names { by_name, official }
}

/// Read a YAML file into `T`, for the catalog the import needs.
fn read_yaml<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, ImportError> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        ImportError::Content(Text::new(
            format!("không đọc được {}: {}", path.display(), io_error(&e).vi),
            format!("{}: {e}", path.display()),
        ))
    })?;
    serde_yaml::from_str(&text).map_err(|e| {
        ImportError::Content(tr!(
            "{}: {e}; chạy `congkhai check` để xem lỗi",
            "{}: {e}; run `congkhai check`",
            path.display()
        ))
    })
}

/// The dispatch file of `slug` below `content/dispatches`.
fn dispatch_file(content: &Path, slug: &str) -> Result<PathBuf, ImportError> {
    walkdir::WalkDir::new(content.join("dispatches"))
        .into_iter()
        .flatten()
        .map(|e| e.path().to_path_buf())
        .find(|p| {
            p.file_stem().is_some_and(|s| s == slug) && p.extension().is_some_and(|e| e == "yaml")
        })
        .ok_or_else(|| {
            ImportError::Content(tr!(
                "không có tệp văn bản `{slug}.yaml` trong {}",
                "no dispatch file `{slug}.yaml` under {}",
                content.join("dispatches").display()
            ))
        })
}

/// The appendix's columns, from the dispatch file read loosely (the file
/// may have `???` left by `congkhai new`).
fn appendix_columns(
    text: &str,
    appendix: &str,
    indicators: &IndicatorsFile,
) -> Result<Vec<Column>, ImportError> {
    let value: serde_yaml::Value = serde_yaml::from_str(text)
        .map_err(|e| ImportError::Content(tr!("tệp văn bản: {e}", "the dispatch file: {e}")))?;
    let apps = value
        .get("appendices")
        .and_then(|a| a.as_sequence())
        .cloned()
        .unwrap_or_default();
    let number_of = |a: &serde_yaml::Value| match a.get("number") {
        Some(serde_yaml::Value::String(s)) => s.clone(),
        Some(serde_yaml::Value::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let app = apps
        .iter()
        .find(|a| number_of(a) == appendix)
        .ok_or_else(|| {
            let known: Vec<String> = apps.iter().map(number_of).collect();
            ImportError::Content(tr!(
                "văn bản không có phụ lục `{appendix}`; các phụ lục của văn bản: {}",
                "the dispatch has no appendix `{appendix}`; its appendices: {}",
                known.join(", ")
            ))
        })?;
    let cols = app
        .get("columns")
        .and_then(|c| c.as_sequence())
        .cloned()
        .unwrap_or_default();
    Ok(cols
        .iter()
        .map(|c| {
            let id = c
                .get("indicator")
                .and_then(|v| v.as_str())
                .unwrap_or_default();
            Column {
                heading: c
                    .get("heading")
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_string(),
                measure: indicators
                    .indicators
                    .iter()
                    .find(|i| i.id == id)
                    .map_or(Measure::Percent, |i| i.measure),
            }
        })
        .collect())
}

/// The roles of the table's columns, from `--columns`.
fn roles_given(spec: &str, columns: usize) -> Result<Vec<Role>, ImportError> {
    spec.split(',')
        .map(|r| match fold(r.trim()).as_str() {
            "stt" | "tt" | "no" => Ok(Role::Stt),
            "unit" | "ten" | "don vi" => Ok(Role::Unit),
            "status" | "trang thai" => Ok(Role::Status),
            "-" | "" => Ok(Role::Skip),
            n => match n.parse::<usize>() {
                Ok(i) if (1..=columns).contains(&i) => Ok(Role::Value(i - 1)),
                _ => Err(ImportError::Columns(tr!(
"`{r}` trong --columns không phải stt, unit, status, - hay số cột phụ lục từ 1 đến {columns}",
"`{r}` in --columns is none of stt, unit, status, - or an appendix column from 1 to {columns}"
                ))),
            },
        })
        .collect()
}

/// The roles of the table's columns from its heading row.
fn roles_from_headings(heading: &[String], columns: &[Column]) -> Result<Vec<Role>, ImportError> {
    let mut roles = Vec::new();
    for cell in heading {
        let h = fold(cell);
        let role = if matches!(h.as_str(), "stt" | "tt" | "so tt" | "so thu tu") {
            Role::Stt
        } else if h.contains("trang thai")
            || h.contains("danh gia")
            || h.contains("ket qua danh gia")
        {
            Role::Status
        } else if h.contains("ten")
            || h.contains("co quan")
            || h.contains("don vi")
            || h.contains("dia phuong")
        {
            Role::Unit
        } else if h.is_empty() {
            Role::Skip
        } else {
            let matches: Vec<usize> = columns
                .iter()
                .enumerate()
                .filter(|(_, c)| {
                    let f = fold(&c.heading);
                    !f.is_empty()
                        && (f == h
                            || f.contains(&h)
                            || h.contains(&f)
                            || strsim::jaro_winkler(&f, &h) > 0.9)
                })
                .map(|(i, _)| i)
                .collect();
            match matches.as_slice() {
                [i] => Role::Value(*i),
                [] => Role::Skip,
                many => {
                    let names: Vec<String> = many
                        .iter()
                        .map(|i| format!("{} ({})", i + 1, columns[*i].heading))
                        .collect();
                    return Err(ImportError::Columns(tr!(
                        "`{cell}` có thể là cột {} của phụ lục",
                        "`{cell}` could be the appendix's column {}",
                        names.join(" or ")
                    )));
                }
            }
        };
        roles.push(role);
    }
    for (role, vi, en) in [(Role::Unit, "tên đơn vị", "the units' names")] {
        if !roles.contains(&role) {
            return Err(ImportError::Columns(tr!(
                "không cột nào ghi {vi}",
                "no column holds {en}"
            )));
        }
    }
    for (i, c) in columns.iter().enumerate() {
        let n = roles.iter().filter(|r| **r == Role::Value(i)).count();
        if n != 1 {
            return Err(ImportError::Columns(tr!(
                "có {} cột khớp với cột {} của phụ lục ({})",
                "{} columns match the appendix's column {} ({})",
                n,
                i + 1,
                c.heading
            )));
        }
    }
    Ok(roles)
}

/// The row of headings: the first with a cell naming the units' column.
fn heading_row(rows: &Rows) -> Option<usize> {
    rows.iter().position(|r| {
        r.iter().any(|c| {
            let h = fold(c);
            matches!(h.as_str(), "stt" | "tt")
                || h.contains("ten")
                || h.contains("co quan")
                || h.contains("don vi")
        })
    })
}

/// A cell as the appendix writes it.
fn cell(text: &str, measure: Measure, row: usize) -> Result<String, ImportError> {
    let t = text.trim();
    if t.is_empty() || matches!(t, "-" | "–" | "—") {
        return Ok("~".into());
    }
    let bad = |message: Text, hint: Text| ImportError::Row { row, message, hint };
    if measure == Measure::Count {
        let digits: String = t.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.bytes().all(|b| b.is_ascii_digit()) {
            // Without leading zeros; a count too large stays as written,
            // for `check` to refuse.
            return Ok(digits
                .parse::<u64>()
                .map_or(digits.clone(), |n| n.to_string()));
        }
        // The Vietnamese thousands dot: 1.038 is one thousand and thirty-eight.
        let groups: Vec<&str> = digits.split('.').collect();
        if groups.len() > 1
            && groups[1..].iter().all(|g| g.len() == 3)
            && groups
                .iter()
                .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()))
        {
            return Ok(groups.concat());
        }
    }
    let number = t.strip_suffix('%').unwrap_or(t).trim();
    if number.chars().any(|c| c.is_ascii_digit())
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-'))
    {
        let n = Num::parse(number).map_err(|e| {
            let first = |s: &str| s.split("; ").next().unwrap_or_default().to_string();
            bad(
                Text::new(first(&e.vi), first(&e.en)),
                tr!(
                    "viết số liệu như văn bản in",
                    "write the figure as the document prints it"
                ),
            )
        })?;
        if measure == Measure::Count && n.decimals > 0 {
            return Err(bad(
                tr!(
                    "`{t}` trong cột số đếm không phải số nguyên",
                    "`{t}` in a count column is not a whole number"
                ),
                tr!(
                    "đối chiếu cột với văn bản",
                    "check the column against the document"
                ),
            ));
        }
        return Ok(number.replace('.', ","));
    }
    // The document's own words for a cell with no figure.
    Ok(format!("{{ not_applicable: {} }}", quoted(t)))
}

/// A YAML double-quoted string.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

fn status(text: &str, row: usize) -> Result<Option<&'static str>, ImportError> {
    match fold(text).as_str() {
        "" | "-" => Ok(None),
        "hoan thanh" | "dat" => Ok(Some("Hoàn thành")),
        "chua hoan thanh" | "chua dat" | "khong hoan thanh" => Ok(Some("Chưa hoàn thành")),
        _ => Err(ImportError::Row {
            row,
            message: tr!("`{text}` không phải tình trạng", "`{text}` is not a status"),
            hint: tr!(
                "viết Hoàn thành hoặc Chưa hoàn thành, hoặc để trống ô",
                "write Hoàn thành or Chưa hoàn thành, or leave the cell empty"
            ),
        }),
    }
}

/// The unit a printed name is: one unit, or an error that names the row,
/// the name and the closest units.
fn unit_of<'n>(names: &'n Names, printed: &str, row: usize) -> Result<&'n str, ImportError> {
    match names.by_name.get(&fold(printed)).map(Vec::as_slice) {
        Some([id]) => Ok(id),
        Some(many) => Err(ImportError::Row {
            row,
            message: tr!(
                "`{printed}` là tên của nhiều đơn vị: {}",
                "`{printed}` is a name of several units: {}",
                many.join(", ")
            ),
            hint: tr!(
                "viết đầy đủ tên như văn bản in, hoặc thêm tên gọi khác (alias) vào units.yaml",
                "write the name as the document prints it in full, or add an alias in units.yaml"
            ),
        }),
        None => {
            let near = closest(&fold(printed), names.by_name.keys().map(String::as_str))
                .and_then(|n| names.by_name.get(n))
                .map(|ids| ids.join(", "))
                .unwrap_or_default();
            Err(ImportError::Row {
                row,
                message: tr!(
                    "`{printed}` không phải tên của đơn vị nào",
                    "`{printed}` is not the name of a unit"
                ),
                hint: if near.is_empty() {
                    tr!("thêm đơn vị, hoặc thêm tên này làm tên gọi khác của đơn vị, vào units.yaml", "add the unit, or this name as an alias of it, to units.yaml")
                } else {
                    tr!(
"đơn vị gần nhất: {near}; nếu đúng là đơn vị đó thì thêm `{printed}` vào `aliases` của nó trong units.yaml",
"the closest unit: {near}; if it is that one, add `{printed}` to its aliases in units.yaml")
                },
            })
        }
    }
}

/// The `rows:` block of the table's rows, items indented by `indent`.
fn rows_block(
    rows: &Rows,
    first: usize,
    roles: &[Role],
    columns: &[Column],
    names: &Names,
    indent: usize,
) -> Result<(String, usize, Vec<usize>), ImportError> {
    let pad = " ".repeat(indent);
    let mut out = String::new();
    let (mut count, mut skipped) = (0, Vec::new());
    for (i, row) in rows.iter().enumerate().skip(first) {
        let number = i + 1;
        let get = |role: Role| {
            roles
                .iter()
                .position(|r| *r == role)
                .and_then(|c| row.get(c))
                .map_or("", |s| s.as_str())
        };
        let printed = get(Role::Unit).trim();
        let has_values = (0..columns.len()).any(|c| !get(Role::Value(c)).trim().is_empty());
        // A sub-heading ("I. Các sở, ban, ngành") names no unit and has no
        // figures; a unit's row with no figures is kept (not published).
        let known = names.by_name.contains_key(&fold(printed));
        if printed.is_empty() || !known && !has_values {
            skipped.push(number);
            continue;
        }
        let unit = unit_of(names, printed, number)?;
        // What the loader would refuse in the file, refused in the table,
        // before anything is written.
        if let Some(message) = row.iter().find_map(|c| first_forbidden(c)) {
            return Err(ImportError::Row {
                row: number,
                message,
                hint: tr!(
                    "xoá ký tự đó trong bảng (gõ lại ô đó) rồi nhập lại",
                    "delete it in the table (retype that cell) and import again"
                ),
            });
        }
        let no = match get(Role::Stt).trim() {
            "" => (count + 1).to_string(),
            s => s.to_string(),
        };
        out.push_str(&format!(
            "{pad}- no: {}\n{pad}  unit: {unit}\n",
            quoted(&no)
        ));
        if names
            .official
            .get(unit)
            .is_some_and(|n| fold(n) != fold(printed) || n != printed)
        {
            out.push_str(&format!("{pad}  printed_name: {}\n", quoted(printed)));
        }
        out.push_str(&format!("{pad}  values:\n"));
        for (c, col) in columns.iter().enumerate() {
            out.push_str(&format!(
                "{pad}    - {}\n",
                cell(get(Role::Value(c)), col.measure, number)?
            ));
        }
        if let Some(s) = status(get(Role::Status), number)? {
            out.push_str(&format!("{pad}  status: {s}\n"));
        }
        count += 1;
    }
    Ok((out, count, skipped))
}

/// The line range of the appendix's `rows:` items in `text`, and the
/// indentation of its items.
fn rows_range(text: &str, appendix: &str) -> Result<(usize, usize, usize), ImportError> {
    let lines: Vec<&str> = text.lines().collect();
    let indent = |l: &str| l.len() - l.trim_start().len();
    let content_line = |l: &&str| !l.trim().is_empty() && !l.trim_start().starts_with('#');
    let start = lines
        .iter()
        .position(|l| *l == "appendices:")
        .ok_or_else(|| {
            ImportError::Content(tr!(
                "tệp văn bản không có `appendices:`",
                "the dispatch file has no `appendices:`"
            ))
        })?;
    let wanted = |l: &str| {
        let t = l.trim_start().trim_start_matches("- ").trim();
        t.strip_prefix("number:")
            .map(|n| n.trim().trim_matches(['"', '\'']) == appendix)
            .unwrap_or(false)
    };
    let item = (start + 1..lines.len())
        .find(|&i| lines[i].trim_start().starts_with("- ") && wanted(lines[i]))
        .ok_or_else(|| {
            ImportError::Content(tr!(
                "tệp không có phụ lục `{appendix}`",
                "no appendix `{appendix}` in the file"
            ))
        })?;
    let item_indent = indent(lines[item]);
    let rows_line = (item + 1..lines.len())
        .take_while(|&i| !content_line(&lines[i]) || indent(lines[i]) > item_indent)
        .find(|&i| lines[i].trim_start().starts_with("rows:"))
        .ok_or_else(|| {
            ImportError::Content(tr!(
                "phụ lục `{appendix}` không có `rows:`",
                "appendix `{appendix}` has no `rows:`"
            ))
        })?;
    let rows_indent = indent(lines[rows_line]);
    let end = (rows_line + 1..lines.len())
        .find(|&i| {
            content_line(&lines[i])
                && indent(lines[i]) <= rows_indent
                && !lines[i].trim_start().starts_with("- ")
                || content_line(&lines[i]) && indent(lines[i]) < rows_indent
        })
        .unwrap_or(lines.len());
    // Comments right before the next key belong to it.
    let mut end = end;
    while end > rows_line + 1 && lines[end - 1].trim_start().starts_with('#') {
        end -= 1;
    }
    let items = (rows_line + 1..end)
        .find(|&i| content_line(&lines[i]))
        .map_or(rows_indent + 2, |i| indent(lines[i]));
    Ok((rows_line, end, items))
}

/// The roles of a table's columns, and the row its data starts at.
fn layout(
    rows: &Rows,
    columns: &[Column],
    names: &Names,
    given: Option<&str>,
) -> Result<(Vec<Role>, usize), ImportError> {
    let found = match given {
        Some(spec) => {
            let roles = roles_given(spec, columns.len())?;
            // The data starts at the first row whose unit cell names a unit.
            let unit_col = roles.iter().position(|r| *r == Role::Unit).ok_or_else(|| {
                ImportError::Columns(tr!("--columns không có `unit`", "no `unit` in --columns"))
            })?;
            let first = rows
                .iter()
                .position(|r| {
                    r.get(unit_col)
                        .is_some_and(|c| names.by_name.contains_key(&fold(c)))
                })
                .unwrap_or(rows.len());
            (roles, first)
        }
        None => {
            let h = heading_row(rows).ok_or_else(|| {
                ImportError::Columns(tr!(
                    "không tìm thấy dòng tiêu đề (STT, Tên cơ quan, đơn vị …)",
                    "no row of headings (STT, Tên cơ quan, đơn vị …) found"
                ))
            })?;
            (roles_from_headings(&rows[h], columns)?, h + 1)
        }
    };
    Ok(found)
}

/// Import `opts.table` into the appendix; the dispatch file is rewritten
/// unless `dry_run`.
pub fn import(opts: &ImportOptions) -> Result<Imported, ImportError> {
    let units: UnitsFile = read_yaml(&opts.content.join("units.yaml"))?;
    let indicators: IndicatorsFile = read_yaml(&opts.content.join("indicators.yaml"))?;
    let file = dispatch_file(opts.content, opts.dispatch)?;
    let text = std::fs::read_to_string(&file).map_err(|source| ImportError::Io {
        path: file.clone(),
        source,
    })?;
    let columns = appendix_columns(&text, opts.appendix, &indicators)?;
    let tables = table::read_all(opts.table).map_err(ImportError::Table)?;
    let names = names(&units);
    // A Word file holds several tables: the first whose headings fit.
    let mut fitting = None;
    let mut last_error = None;
    for rows in tables {
        match layout(&rows, &columns, &names, opts.columns) {
            Ok((roles, first)) => {
                fitting = Some((rows, roles, first));
                break;
            }
            Err(e) => last_error = Some(e),
        }
    }
    let Some((rows, roles, first)) = fitting else {
        return Err(last_error.unwrap_or_else(|| {
            ImportError::Table(tr!("tệp không có bảng nào", "the file has no table"))
        }));
    };
    let (start, end, indent) = rows_range(&text, opts.appendix)?;
    let (block, count, skipped) = rows_block(&rows, first, &roles, &columns, &names, indent)?;
    if count == 0 {
        return Err(ImportError::Table(tr!(
            "bảng không có dòng nào là đơn vị có số liệu",
            "the table has no row of a unit with figures"
        )));
    }
    let lines: Vec<&str> = text.lines().collect();
    let mut new_text = String::with_capacity(text.len());
    for l in &lines[..=start] {
        new_text.push_str(l);
        new_text.push('\n');
    }
    // `rows: []` or `rows:` alike become a block.
    if lines[start].trim() != "rows:" {
        new_text.truncate(new_text.len() - lines[start].len() - 1);
        new_text.push_str(&format!(
            "{}rows:\n",
            &lines[start][..lines[start].len() - lines[start].trim_start().len()]
        ));
    }
    new_text.push_str(&block);
    for l in &lines[end..] {
        new_text.push_str(l);
        new_text.push('\n');
    }
    if !text.ends_with('\n') {
        new_text.pop();
    }
    let changed = new_text != text;
    if changed && !opts.dry_run {
        std::fs::write(&file, &new_text).map_err(|source| ImportError::Io {
            path: file.clone(),
            source,
        })?;
    }
    Ok(Imported {
        file,
        rows: count,
        skipped,
        block,
        changed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_as_editors_write_them() {
        assert_eq!(cell("82,92%", Measure::Percent, 1).unwrap(), "82,92");
        assert_eq!(cell("44.12", Measure::Percent, 1).unwrap(), "44,12");
        assert_eq!(cell("1.038", Measure::Count, 1).unwrap(), "1038");
        assert_eq!(cell("1038", Measure::Count, 1).unwrap(), "1038");
        assert_eq!(cell("", Measure::Percent, 1).unwrap(), "~");
        assert_eq!(
            cell("TTHC không có phí, lệ phí", Measure::Percent, 1).unwrap(),
            "{ not_applicable: \"TTHC không có phí, lệ phí\" }"
        );
        assert!(cell("85,4", Measure::Count, 3).is_err());
        assert_eq!(status("Hoàn thành", 1).unwrap(), Some("Hoàn thành"));
        assert_eq!(
            status("chua hoan thanh", 1).unwrap(),
            Some("Chưa hoàn thành")
        );
        assert!(status("tốt", 1).is_err());
    }
}
