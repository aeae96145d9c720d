//! How a spreadsheet shows its numbers. Excel and LibreOffice store a cell
//! typed `82,92%` as the number 0.8292 with a percent format, and a rate a
//! formula computes as 82.91999999999999 shown `0.00`; the spreadsheet
//! reader gives the stored number only: read as it is, the first figure
//! would be published a hundred times too small and the second refused for
//! its 14 decimals. The formats are read here from the file itself:
//! `xl/styles.xml` and the first sheet of an `.xlsx`, the first table of an
//! `.ods`'s `content.xml` (its percent cells).

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

/// A cell's place in the sheet's grid: (row, column), both from 0 (`A1`
/// is (0, 0)).
pub type Place = (u32, u32);

/// How a number is shown: as a percentage or not, and with how many
/// decimals when the format fixes them (`0.00%`: 2; Excel's "General"
/// fixes none).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shown {
    pub percent: bool,
    pub decimals: Option<u8>,
}

/// The cells whose number is shown otherwise than as it is stored.
pub type Formats = HashMap<Place, Shown>;

/// The cells of the first sheet of the `.xlsx` file at `path` shown as
/// percentages or with fixed decimals; none when the file cannot be read
/// this way (the reader then reports what is wrong with it).
pub fn of_xlsx(path: &Path) -> Formats {
    read(path).unwrap_or_default()
}

/// The cells of the first table of the `.ods` file at `path` shown as
/// percentages (`office:value-type="percentage"`); none when the file
/// cannot be read this way.
pub fn of_ods(path: &Path) -> Formats {
    read_ods(path).unwrap_or_default()
}

const TABLE: &str = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
const OFFICE: &str = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
/// The most repeats of one row or cell counted: a sheet's empty tail is
/// written as a cell repeated 16,384 times, never as a percentage.
const MOST_REPEATS: u32 = 1_000;

fn read_ods(path: &Path) -> Option<Formats> {
    let content = zip_part(&mut open(path)?, "content.xml")?;
    let doc = roxmltree::Document::parse(&content).ok()?;
    let is = |n: &roxmltree::Node, name: &str| n.is_element() && n.has_tag_name((TABLE, name));
    let table = doc.descendants().find(|n| is(n, "table"))?;
    let repeats = |n: &roxmltree::Node, attribute: &str| {
        n.attribute((TABLE, attribute))
            .and_then(|r| r.parse::<u32>().ok())
            .unwrap_or(1)
            .clamp(1, MOST_REPEATS)
    };
    let mut found = HashMap::new();
    let mut row = 0u32;
    // Rows may sit in header-row or row-group elements, never in another
    // table (a table inside a cell has rows of its own).
    let rows = table
        .descendants()
        .filter(|n| is(n, "table-row"))
        .filter(|r| r.ancestors().find(|a| is(a, "table")) == Some(table));
    for r in rows {
        let mut column = 0u32;
        let mut shown = Vec::new();
        for cell in r
            .children()
            .filter(|c| is(c, "table-cell") || is(c, "covered-table-cell"))
        {
            let n = repeats(&cell, "number-columns-repeated");
            if cell.attribute((OFFICE, "value-type")) == Some("percentage") {
                // What the cell shows, `44,60%`, tells its decimals.
                let text: String = cell
                    .descendants()
                    .filter(|t| t.is_text())
                    .filter_map(|t| t.text())
                    .collect();
                let as_shown = Shown {
                    percent: true,
                    decimals: shown_decimals(&text),
                };
                shown.extend((column..column + n).map(|c| (c, as_shown)));
            }
            column += n;
        }
        let n = repeats(&r, "number-rows-repeated");
        for at in row..row + n {
            found.extend(shown.iter().map(|&(c, as_shown)| ((at, c), as_shown)));
        }
        row += n;
    }
    Some(found)
}

type Zip = zip::ZipArchive<std::fs::File>;

fn open(path: &Path) -> Option<Zip> {
    zip::ZipArchive::new(std::fs::File::open(path).ok()?).ok()
}

/// The text of the part `name` of `zip`.
fn zip_part(zip: &mut Zip, name: &str) -> Option<String> {
    let mut text = String::new();
    zip.by_name(name).ok()?.read_to_string(&mut text).ok()?;
    Some(text)
}

fn read(path: &Path) -> Option<Formats> {
    let mut zip = open(path)?;
    let mut part = |name: &str| zip_part(&mut zip, name);
    let styles = part("xl/styles.xml")?;
    let styles = shown_styles(&roxmltree::Document::parse(&styles).ok()?);
    if styles.is_empty() {
        return Some(HashMap::new());
    }
    let workbook = part("xl/workbook.xml")?;
    let rels = part("xl/_rels/workbook.xml.rels")?;
    let sheet = part(&first_sheet(&workbook, &rels)?)?;
    let sheet = roxmltree::Document::parse(&sheet).ok()?;
    Some(
        sheet
            .descendants()
            .filter(|n| n.is_element() && n.tag_name().name() == "c")
            .filter_map(|c| {
                let style = c.attribute("s")?.parse::<usize>().ok()?;
                Some((place(c.attribute("r")?)?, *styles.get(&style)?))
            })
            .collect(),
    )
}

/// The cell styles (`cellXfs`, by index) whose number format is a
/// percentage or fixes its decimals: the built-in `0`, `0.00`, `#,##0`,
/// `#,##0.00`, `0%` and `0.00%` (1 to 4, 9 and 10), or a format of the
/// workbook's own.
fn shown_styles(styles: &roxmltree::Document) -> HashMap<usize, Shown> {
    let element = |n: &roxmltree::Node, name: &str| n.is_element() && n.tag_name().name() == name;
    let own: HashMap<&str, Shown> = styles
        .descendants()
        .filter(|n| element(n, "numFmt"))
        .filter_map(|n| {
            Some((
                n.attribute("numFmtId")?,
                shown_by(n.attribute("formatCode")?)?,
            ))
        })
        .collect();
    let Some(xfs) = styles.descendants().find(|n| element(n, "cellXfs")) else {
        return HashMap::new();
    };
    xfs.children()
        .filter(|n| element(n, "xf"))
        .enumerate()
        .filter_map(|(i, xf)| {
            let fixed = |percent, decimals| Shown {
                percent,
                decimals: Some(decimals),
            };
            let shown = match xf.attribute("numFmtId")? {
                "1" | "3" => fixed(false, 0),
                "2" | "4" => fixed(false, 2),
                "9" => fixed(true, 0),
                "10" => fixed(true, 2),
                id => *own.get(id)?,
            };
            Some((i, shown))
        })
        .collect()
}

/// How an Excel number format shows a number, read from its first
/// section: a percentage when it has a `%` that is not quoted text (`"%"`)
/// nor escaped (`\%`), with as many decimals as digit places after its
/// point (`0.00%`: 2). None for a format without digit places, or one that
/// writes a number as a date, a time, a fraction or with an exponent.
fn shown_by(code: &str) -> Option<Shown> {
    let (mut quoted, mut escaped, mut bracket) = (false, false, false);
    let (mut percent, mut after_point, mut digits, mut decimals) = (false, false, false, 0u8);
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' | '_' | '*' => escaped = true,
            '"' => quoted = !quoted,
            _ if quoted => {}
            // A colour or a condition: `[Red]`, `[<=100]`.
            '[' => bracket = true,
            ']' => bracket = false,
            _ if bracket => {}
            ';' => break,
            '%' => percent = true,
            '.' => after_point = true,
            '0' | '#' | '?' => {
                digits = true;
                if after_point {
                    decimals = decimals.saturating_add(1);
                }
            }
            'E' | 'e' | '/' | '@' => return None,
            c if c.is_ascii_alphabetic() => return None,
            _ => {}
        }
    }
    digits.then_some(Shown {
        percent,
        decimals: Some(decimals),
    })
}

/// The decimals of a percentage as a cell shows it: `44,60%` → 2, `100%`
/// → 0; none when the text is no such figure.
fn shown_decimals(text: &str) -> Option<u8> {
    let number = text.trim().strip_suffix('%')?.trim_end();
    let point = number.rfind([',', '.']);
    let decimals = point.map_or(0, |p| number.len() - p - 1);
    let digits = &number[point.map_or(0, |p| p + 1)..];
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| u8::try_from(decimals).ok())
        .flatten()
}

/// The part name of the workbook's first sheet, as the reader takes it:
/// the first `<sheet>` of `workbook.xml`, through its relationship.
fn first_sheet(workbook: &str, rels: &str) -> Option<String> {
    let workbook = roxmltree::Document::parse(workbook).ok()?;
    let id = workbook
        .descendants()
        .find(|n| n.is_element() && n.tag_name().name() == "sheet")?
        .attributes()
        .find(|a| a.name() == "id")?
        .value()
        .to_string();
    let rels = roxmltree::Document::parse(rels).ok()?;
    let target = rels
        .descendants()
        .find(|n| n.is_element() && n.attribute("Id") == Some(id.as_str()))?
        .attribute("Target")?;
    Some(match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("xl/{target}"),
    })
}

/// What a cell shows, from the number it stores, with a decimal comma:
/// with the decimals of its format when it fixes them (82.91999999999999
/// at 2 decimals → `82,92`, as a formula's result shows); else a percentage
/// by moving the decimal point of the stored number's shortest text, so
/// that no digit is made up (0.8292 → `82,92`, though 0.8292 × 100 is
/// 82.92000000000002 in floating point), and any other number as stored.
pub fn shown(stored: f64, how: Shown) -> String {
    let value = if how.percent { stored * 100.0 } else { stored };
    if let Some(d) = how.decimals {
        return format!("{:.*}", usize::from(d), value).replace('.', ",");
    }
    if !how.percent {
        return stored.to_string().replace('.', ",");
    }
    let text = stored.to_string();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let fraction = format!("{fraction:0<2}");
    let whole = format!("{whole}{}", &fraction[..2]);
    let whole = whole.trim_start_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    match &fraction[2..] {
        "" => format!("{sign}{whole}"),
        rest => format!("{sign}{whole},{rest}"),
    }
}

/// `C2` → (1, 2).
fn place(reference: &str) -> Option<Place> {
    let digits = reference.find(|c: char| c.is_ascii_digit())?;
    let (letters, row) = reference.split_at(digits);
    if letters.is_empty() || !letters.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let column = letters.bytes().try_fold(0u32, |n, b| {
        n.checked_mul(26)?.checked_add(u32::from(b - b'A') + 1)
    })?;
    Some((row.parse::<u32>().ok()?.checked_sub(1)?, column - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_and_formats_read_as_excel_writes_them() {
        assert_eq!(place("A1"), Some((0, 0)));
        assert_eq!(place("C2"), Some((1, 2)));
        assert_eq!(place("AA10"), Some((9, 26)));
        assert_eq!(place("a1"), None);
        assert_eq!(place("A0"), None);
        let shown_as = |percent, decimals| {
            Some(Shown {
                percent,
                decimals: Some(decimals),
            })
        };
        assert_eq!(shown_by("0.00%"), shown_as(true, 2));
        assert_eq!(shown_by("0%"), shown_as(true, 0));
        assert_eq!(shown_by("#,##0.0%;[Red]-0.0%"), shown_as(true, 1));
        assert_eq!(shown_by("[Blue]0.000"), shown_as(false, 3));
        assert_eq!(shown_by("#,##0.00\" điểm\""), shown_as(false, 2));
        assert_eq!(shown_by("0.00\"%\""), shown_as(false, 2));
        assert_eq!(shown_by("0.00\\%"), shown_as(false, 2));
        assert_eq!(shown_by("dd/mm/yyyy"), None);
        assert_eq!(shown_by("0.00E+00"), None);
        assert_eq!(shown_by("# ?/?"), None);
        assert_eq!(shown_by("General"), None);
        assert_eq!(shown_decimals("44,60%"), Some(2));
        assert_eq!(shown_decimals("44.6 %"), Some(1));
        assert_eq!(shown_decimals("100%"), Some(0));
        assert_eq!(shown_decimals("Không áp dụng"), None);
        let at = |percent, decimals| Shown { percent, decimals };
        assert_eq!(shown(0.829199999, at(true, Some(2))), "82,92");
        assert_eq!(shown(1.0, at(true, Some(0))), "100");
        assert_eq!(shown(0.446, at(true, Some(2))), "44,60");
        assert_eq!(shown(82.91999999999999, at(false, Some(2))), "82,92");
        assert_eq!(shown(44.6, at(false, None)), "44,6");
        for (stored, text) in [
            (0.8292, "82,92"),
            (1.0, "100"),
            (0.5, "50"),
            (0.05, "5"),
            (0.0005, "0,05"),
            (0.0, "0"),
            (1.23456, "123,456"),
            (-0.25, "-25"),
        ] {
            let percent = Shown {
                percent: true,
                decimals: None,
            };
            assert_eq!(shown(stored, percent), text, "{stored}");
        }
    }
}
