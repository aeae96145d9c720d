//! Tables as editors have them: saved or pasted from Excel or LibreOffice.
//! A table is read into rows of cell texts, as the cells show them; what
//! the cells mean is for `import` to say.
//!
//! - `.csv`: comma or semicolon (a Vietnamese-locale Excel saves
//!   semicolons), with or without a byte-order mark, CRLF or LF;
//! - `.tsv`, and `-` for a table pasted on standard input (tab-separated
//!   when it has tabs, as a copy from a spreadsheet has);
//! - `.xlsx`, `.xls`, `.ods`: the first sheet (in `.xlsx`, a number reads
//!   as its format shows it, a percentage too, and so does a percentage
//!   in `.ods`: `shown_numbers.rs`);
//! - `.docx`: every table of the Word file (a dispatch's appendices), for
//!   `import` to take the one whose headings fit.

use super::shown_numbers;
use crate::lang::Text;
use crate::tr;
use std::io::Read;
use std::path::Path;

/// The cells of a table, row by row, each on one line, trimmed.
pub type Rows = Vec<Vec<String>>;

/// The tables of `path` (`-`: standard input): one, but for a Word file.
pub fn read_all(path: &Path) -> Result<Vec<Rows>, Text> {
    if path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .as_deref()
        == Some("docx")
    {
        return word_tables(path);
    }
    read(path).map(|rows| vec![rows])
}

/// Read `path` (`-`: standard input).
pub fn read(path: &Path) -> Result<Rows, Text> {
    let name = path.to_string_lossy().to_lowercase();
    if name == "-" {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).map_err(|e| {
            tr!(
                "không đọc được dữ liệu dán vào (standard input): {e}",
                "reading standard input: {e}"
            )
        })?;
        return Ok(delimited(&text, None));
    }
    match path.extension().and_then(|e| e.to_str()).map(str::to_lowercase).as_deref() {
        Some("xlsx" | "xls" | "xlsm" | "ods") => spreadsheet(path),
        Some("csv" | "tsv" | "txt") => {
            let bytes = std::fs::read(path).map_err(|e| cannot_read(path, &e))?;
            let text = String::from_utf8(bytes).map_err(|_| {
                tr!(
"{} không phải văn bản UTF-8: trong Excel, lưu tệp dưới dạng \"CSV UTF-8 (Comma delimited)\"",
"{} is not UTF-8 text: in Excel, save it as \"CSV UTF-8 (Comma delimited)\"",
                    path.display()
                )
            })?;
            let tab = name.ends_with(".tsv").then_some('\t');
            Ok(delimited(&text, tab))
        }
        _ => Err(tr!(
"{}: chỉ đọc được bảng .csv, .tsv, .xlsx, .xls, .ods và .docx, hoặc - cho bảng dán vào từ bàn phím",
"{}: read are .csv, .tsv, .xlsx, .xls, .ods and .docx tables, or - for a table pasted on standard input",
            path.display()
        )),
    }
}

/// The tables of a Word file, each cell's paragraphs joined by a space.
fn word_tables(path: &Path) -> Result<Vec<Rows>, Text> {
    let file = std::fs::File::open(path).map_err(|e| cannot_read(path, &e))?;
    let mut zip = zip::ZipArchive::new(file).map_err(|e| {
        tr!(
            "{}: không phải tệp Word: {e}",
            "{}: not a Word file: {e}",
            path.display()
        )
    })?;
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .map_err(|e| {
            tr!(
                "{}: không phải tệp Word: {e}",
                "{}: not a Word file: {e}",
                path.display()
            )
        })?
        .read_to_string(&mut xml)
        .map_err(|e| cannot_read(path, &e))?;
    let doc = roxmltree::Document::parse(&xml).map_err(|e| cannot_read(path, &e))?;
    let named = |n: &roxmltree::Node, name: &str| n.is_element() && n.tag_name().name() == name;
    let tables = doc
        .descendants()
        .filter(|n| named(n, "tbl"))
        .map(|tbl| {
            tbl.children()
                .filter(|r| named(r, "tr"))
                .map(|tr| {
                    tr.children()
                        .filter(|c| named(c, "tc"))
                        .map(|tc| {
                            let paragraphs: Vec<String> = tc
                                .descendants()
                                .filter(|p| named(p, "p"))
                                .map(|p| {
                                    p.descendants()
                                        .filter(|t| named(t, "t"))
                                        .filter_map(|t| t.text())
                                        .collect::<String>()
                                })
                                .filter(|t| !t.trim().is_empty())
                                .collect();
                            one_line(&paragraphs.join(" "))
                        })
                        .collect()
                })
                .collect()
        })
        .collect::<Vec<Rows>>();
    if tables.is_empty() {
        return Err(tr!(
            "{}: văn bản không có bảng nào",
            "{}: the document has no table",
            path.display()
        ));
    }
    Ok(tables)
}

/// A cell's text on one line: a line break typed inside a cell (Alt+Enter
/// in Excel, to wrap a long unit name or heading) and runs of spaces are
/// layout, not words, and become one space.
fn one_line(cell: &str) -> String {
    cell.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The characters of the first record outside quotes: a heading wrapped
/// with Alt+Enter is quoted and spans lines, and its commas are words.
fn first_record(text: &str) -> Vec<char> {
    let mut quoted = false;
    let mut found = Vec::new();
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => break,
            c if !quoted => found.push(c),
            _ => {}
        }
    }
    found
}

/// A delimited text: the separator is `sep`, or the one its first record
/// uses most outside quotes (tab, semicolon, comma).
pub fn delimited(text: &str, sep: Option<char>) -> Rows {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = first_record(text);
    let sep = sep.unwrap_or_else(|| {
        ['\t', ';', ',']
            .into_iter()
            .max_by_key(|c| (first.iter().filter(|f| *f == c).count(), *c == '\t'))
            .filter(|c| first.contains(c))
            .unwrap_or(',')
    });
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sep as u8)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .flatten()
        .map(|r| r.iter().map(one_line).collect())
        .collect()
}

/// The first sheet of a spreadsheet file. Numbers are written as the
/// table's figures are (decimal comma), with the decimals the cell holds.
fn spreadsheet(path: &Path) -> Result<Rows, Text> {
    use calamine::{open_workbook_auto, Data, Reader};
    let mut book = open_workbook_auto(path).map_err(|e| cannot_read(path, &e))?;
    let first = book.sheet_names().first().cloned().ok_or_else(|| {
        tr!(
            "{}: tệp bảng tính không có trang tính nào",
            "{}: the workbook has no sheet",
            path.display()
        )
    })?;
    let range = book
        .worksheet_range(&first)
        .map_err(|e| cannot_read(path, &e))?;
    // `82,92%` is stored as 0.8292, a formula's 82,92 as 82.91999999999999:
    // such cells are read as they show.
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase);
    let formats = match extension.as_deref() {
        Some("xlsx" | "xlsm") => shown_numbers::of_xlsx(path),
        Some("ods") => shown_numbers::of_ods(path),
        _ => Default::default(),
    };
    let (top, left) = range.start().unwrap_or((0, 0));
    Ok(range
        .rows()
        .zip(top..)
        .map(|(row, r)| {
            row.iter()
                .zip(left..)
                .map(|(cell, c)| match (cell, formats.get(&(r, c))) {
                    (Data::Empty, _) => String::new(),
                    (Data::Float(f), Some(&how)) => shown_numbers::shown(*f, how),
                    (Data::Int(i), Some(&how)) => shown_numbers::shown(*i as f64, how),
                    (Data::Float(f), None) => format!("{f}").replace('.', ","),
                    (Data::Int(i), None) => i.to_string(),
                    (other, _) => one_line(&other.to_string()),
                })
                .collect()
        })
        .collect())
}

/// "cannot read FILE: why", the reader's own words kept for the details.
fn cannot_read(path: &Path, e: &dyn std::fmt::Display) -> Text {
    let file = path.display();
    tr!("không đọc được {file}: {e}", "{file}: {e}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_and_marks_as_excel_saves_them() {
        let rows = delimited("\u{feff}STT;Tên;Tỷ lệ\r\n1;Sở Tư pháp;\"82,92%\"\r\n", None);
        assert_eq!(
            rows,
            vec![
                vec!["STT", "Tên", "Tỷ lệ"],
                vec!["1", "Sở Tư pháp", "82,92%"]
            ]
        );
        let rows = delimited("STT,Tên,Tỷ lệ\n1,Sở Tư pháp,\"82,92\"\n", None);
        assert_eq!(rows[1], vec!["1", "Sở Tư pháp", "82,92"]);
        let rows = delimited("1\tSở Tư pháp\t82,92\tHoàn thành\n", None);
        assert_eq!(rows[0].len(), 4);
    }

    #[test]
    fn a_line_break_typed_in_a_cell_is_a_space() {
        // Alt+Enter in Excel: the CSV quotes the cell and keeps the break.
        let rows = delimited(
            "STT;\"Tên cơ quan,\r\nđơn vị\";Tỷ lệ\r\n1;\"Sở Tư\npháp\";  82,92 \r\n",
            None,
        );
        assert_eq!(
            rows,
            vec![
                vec!["STT", "Tên cơ quan, đơn vị", "Tỷ lệ"],
                vec!["1", "Sở Tư pháp", "82,92"]
            ]
        );
    }
}
