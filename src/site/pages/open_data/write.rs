//! Writing a file's rows as CSV and as JSON.

use super::columns::{Col, Schema, Type};
use super::rows::Cells;
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::io::Write;

/// A text cell as a spreadsheet may read it: one that starts with `=`, `+`,
/// `-`, `@`, a tab or a carriage return would be taken for a formula, so it
/// gets a leading `'` (as OWASP recommends against CSV injection). Numbers
/// and ids are written by the build and never start so.
pub fn csv_text(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// CSV (RFC 4180, CRLF, UTF-8 with a byte-order mark so that spreadsheet
/// programs read the Vietnamese letters right): the header, then `rows`.
pub fn csv<'a>(
    columns: &[Col],
    rows: impl Iterator<Item = Cells<'a>>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    csv_each(columns, rows, out, |_| ())
}

/// [`csv`], and each row handed to `then` once written: a second use of
/// the rows without making them again.
fn csv_each<'a>(
    columns: &[Col],
    rows: impl Iterator<Item = Cells<'a>>,
    out: &mut dyn Write,
    mut then: impl FnMut(Cells<'a>),
) -> std::io::Result<()> {
    out.write_all("\u{feff}".as_bytes())?;
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .has_headers(false)
        .buffer_capacity(1 << 16)
        .from_writer(out);
    w.write_record(columns.iter().map(|c| c.name))?;
    for row in rows {
        for (cell, c) in row.iter().zip(columns) {
            if c.kind == Type::Text {
                w.write_field(&*csv_text(cell))?;
            } else {
                w.write_field(&**cell)?;
            }
        }
        w.write_record(std::iter::empty::<&[u8]>())?;
        then(row);
    }
    w.flush()
}

/// A yearly file's CSV, written to `out`, and the dictionaries of its JSON
/// gathered from the same rows ([`json_with`]).
pub fn csv_and_dictionaries<'a>(
    schema: &Schema,
    rows: impl Iterator<Item = Cells<'a>>,
    out: &mut dyn Write,
) -> std::io::Result<Dictionaries<'a>> {
    let mut dict = Dictionaries::new(schema);
    csv_each(schema.columns, rows, out, |row| dict.add(row))?;
    Ok(dict.finish(schema))
}

/// CSV of `rows` in memory.
pub fn csv_bytes<'a>(columns: &[Col], rows: impl Iterator<Item = Cells<'a>>) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing to memory cannot fail.
    let _ = csv(columns, rows, &mut out);
    out
}

/// Rows made again for each pass over them.
pub type RowSource<'s, 'a> = &'s dyn Fn() -> Box<dyn ExactSizeIterator<Item = Cells<'a>> + 's>;

/// Whether a column of a yearly file is written in JSON as positions in a
/// list of its values: the ids and codes that repeat from row to row (a
/// column the JSON leaves out has none).
pub fn dictionary(schema: &Schema, c: &Col) -> bool {
    schema.yearly && !c.csv_only && c.kind == Type::Id && (c.required || !c.values.is_empty())
}

/// The values of the dictionary columns in the order they first appear,
/// and for each column the position of each value.
pub struct Dictionaries<'a> {
    values: Vec<(&'static str, Vec<String>)>,
    positions: Vec<Option<FxHashMap<Cow<'a, str>, usize>>>,
}

impl<'a> Dictionaries<'a> {
    /// Empty dictionaries for the columns of `schema` that have one.
    fn new(schema: &Schema) -> Self {
        Dictionaries {
            values: schema
                .columns
                .iter()
                .map(|c| (c.name, Vec::new()))
                .collect(),
            positions: schema
                .columns
                .iter()
                .map(|c| dictionary(schema, c).then(FxHashMap::default))
                .collect(),
        }
    }

    fn add(&mut self, row: Cells<'a>) {
        for (i, cell) in row.into_iter().enumerate() {
            if let (Some(Some(map)), false) = (self.positions.get_mut(i), cell.is_empty()) {
                let next = map.len();
                if let std::collections::hash_map::Entry::Vacant(e) = map.entry(cell) {
                    self.values[i].1.push(e.key().to_string());
                    e.insert(next);
                }
            }
        }
    }

    /// Only the columns that have a dictionary keep their list of values.
    fn finish(mut self, schema: &Schema) -> Self {
        self.values = std::mem::take(&mut self.values)
            .into_iter()
            .zip(schema.columns)
            .filter(|(_, c)| dictionary(schema, c))
            .map(|(v, _)| v)
            .collect();
        self
    }
}

fn dictionaries<'a>(schema: &Schema, rows: RowSource<'_, 'a>) -> Dictionaries<'a> {
    let mut dict = Dictionaries::new(schema);
    for row in rows() {
        dict.add(row);
    }
    dict.finish(schema)
}

/// JSON as columns plus rows: `{"nguon", "tep", <about>…, "so_ban_ghi",
/// "columns", "rows"}`, each row an array of cells in the order of
/// `columns` (the schema's, but those written in the CSV only); numbers as numbers, an empty cell as `null`, and a row stops
/// after its last filled cell (the cells after it are `null`): no key is
/// repeated per record. In a yearly file the ids and codes that repeat
/// from row to row ([`dictionary`]) are written once, in
/// `"dictionaries": {"column": [values…]}`, and a row holds the position
/// of its value in that list (from 0).
pub fn json<'a>(
    schema: &Schema,
    publisher: &str,
    about: &[(&str, serde_json::Value)],
    rows: RowSource<'_, 'a>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    json_with(schema, publisher, about, None, rows, out)
}

/// [`json`], with the dictionaries of a yearly file when they are already
/// gathered ([`csv_and_dictionaries`]); gathered here when not.
pub fn json_with<'a>(
    schema: &Schema,
    publisher: &str,
    about: &[(&str, serde_json::Value)],
    dict: Option<Dictionaries<'a>>,
    rows: RowSource<'_, 'a>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let dict = match dict {
        Some(d) if schema.yearly => Some(d),
        _ => schema.yearly.then(|| dictionaries(schema, rows)),
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    out.write_all(b"{\"nguon\":")?;
    serde_json::to_writer(&mut out, publisher)?;
    out.write_all(b",\"tep\":")?;
    serde_json::to_writer(&mut out, schema.name)?;
    for (key, value) in about {
        write!(out, ",\"{key}\":")?;
        serde_json::to_writer(&mut out, value)?;
    }
    write!(out, ",\"so_ban_ghi\":{},\"columns\":", rows().len())?;
    // The columns a program reads: not a spreadsheet's form of another.
    let kept: Vec<usize> = (0..schema.columns.len())
        .filter(|&i| !schema.columns[i].csv_only)
        .collect();
    serde_json::to_writer(
        &mut out,
        &kept
            .iter()
            .map(|&i| schema.columns[i].name)
            .collect::<Vec<_>>(),
    )?;
    if let Some(d) = &dict {
        out.write_all(b",\"dictionaries\":{")?;
        for (n, (name, values)) in d.values.iter().enumerate() {
            if n > 0 {
                out.write_all(b",")?;
            }
            write!(out, "\n\"{name}\":")?;
            serde_json::to_writer(&mut out, values)?;
        }
        out.write_all(b"}")?;
    }
    out.write_all(b",\"rows\":[")?;
    for (n, row) in rows().enumerate() {
        out.write_all(if n == 0 { b"\n[" } else { b",\n[" })?;
        let filled = kept
            .iter()
            .rposition(|&i| row.get(i).is_some_and(|c| !c.is_empty()))
            .map_or(0, |n| n + 1);
        for (n, &i) in kept.iter().take(filled).enumerate() {
            let (Some(cell), Some(col)) = (row.get(i), schema.columns.get(i)) else {
                break;
            };
            if n > 0 {
                out.write_all(b",")?;
            }
            let position = dict
                .as_ref()
                .and_then(|d| d.positions[i].as_ref())
                .and_then(|m| m.get(cell));
            if cell.is_empty() {
                out.write_all(b"null")?;
            } else if let Some(p) = position {
                write!(out, "{p}")?;
            } else if col.kind.numeric() {
                // Printed by the build: digits with a decimal point.
                out.write_all(cell.as_bytes())?;
            } else {
                serde_json::to_writer(&mut out, &**cell)?;
            }
        }
        out.write_all(b"]")?;
    }
    out.write_all(b"]}\n")?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::super::columns::FACTS;
    use super::super::rows;
    use super::*;

    /// The dictionaries gathered while the CSV is written give the same
    /// files as the rows read once for each, on the shipped dispatches.
    #[test]
    fn dictionaries_gathered_with_the_csv_give_the_same_files() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let model = crate::content::load(&dir)
            .model
            .expect("the shipped content loads");
        let facts = || model.figures.iter().map(|f| rows::fact(&model, f));
        let rows = || -> Box<dyn ExactSizeIterator<Item = Cells>> { Box::new(facts()) };
        let about = [("nam", serde_json::json!(2023))];

        let (mut csv_once, mut csv_fused) = (Vec::new(), Vec::new());
        csv(FACTS.columns, facts(), &mut csv_once).unwrap();
        let dict = csv_and_dictionaries(&FACTS, facts(), &mut csv_fused).unwrap();
        assert_eq!(csv_once, csv_fused);

        let (mut json_once, mut json_fused) = (Vec::new(), Vec::new());
        json(&FACTS, "p", &about, &rows, &mut json_once).unwrap();
        json_with(&FACTS, "p", &about, Some(dict), &rows, &mut json_fused).unwrap();
        assert_eq!(json_once, json_fused);
        // The shipped figures name several units and dispatches: the
        // dictionaries are not empty.
        let text = String::from_utf8(json_fused).unwrap();
        assert!(text.contains("\"dictionaries\":{"));
        assert!(
            text.contains("\"don_vi_id\":[\""),
            "{}",
            &text[..text.len().min(2000)]
        );
    }
}
