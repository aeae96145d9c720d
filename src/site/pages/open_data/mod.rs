//! `du-lieu/`: the open data. Every figure once, normalised: a fact file
//! per year (`ket-qua-<year>`: one row per figure, with ids), the detail
//! counts per year (`chi-tiet-<year>`), and lookup files that carry the
//! names of units, indicators, periods, documents and tables once
//! ([`columns`]). Each file as CSV (the primary format) and as JSON
//! (columns plus rows); `datapackage.json` describes them all with their
//! keys ([`package`]), so that a tool fetches the whole history in one
//! call. (A zip of every CSV was 18 MB of a national site's output, the
//! same bytes again: the data page lists the yearly files instead.)

pub(super) mod columns;
pub(super) mod layout;
mod package;
mod rows;
mod write;

pub use layout::OpenDataLayout;
pub use package::datapackage;

use super::{Page, PageContext, Pages};
use crate::model::{Figure, Model};
use crate::site::paths;
use crate::site::writer::lock;
use crate::site::SiteError;
use columns::{Col, Schema, Type, DETAILS, FACTS, LOOKUPS};
use rayon::prelude::*;
use rows::Cells;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The columns of a chart's CSV along time (a history): the period, then
/// the value with its bound and status.
pub const HISTORY_COLUMNS: [&str; 7] = [
    "ky",
    "loai",
    "gia_tri",
    "ly_do",
    "diem_toi_da",
    "muc_tieu_toi_thieu",
    "trang_thai",
];
/// The columns of a chart's CSV across units (a ranking).
pub const RANKING_COLUMNS: [&str; 9] = [
    "don_vi_id",
    "don_vi_ten",
    "loai",
    "gia_tri",
    "ly_do",
    "diem_toi_da",
    "muc_tieu_toi_thieu",
    "trang_thai",
    "xep_hang",
];
/// The columns of a chart's CSV of a unit and its peers: a file that reads
/// on its own, with the units' names and where each figure is printed.
const PEER_COLUMNS: [&str; 15] = [
    "ky",
    "don_vi_id",
    "don_vi_ten",
    "chi_so_id",
    "loai",
    "gia_tri",
    "gia_tri_in",
    "ly_do",
    "diem_toi_da",
    "muc_tieu_toi_thieu",
    "trang_thai",
    "xep_hang",
    "van_ban",
    "bang",
    "dong",
];

/// The unit's name, in a chart's CSV (the open data files name units in
/// `don-vi` only).
const UNIT_NAME: Col = Col {
    name: "don_vi_ten",
    kind: Type::Text,
    about: "Tên chính thức của đơn vị",
    required: false,
    values: &[],
    csv_only: false,
};

fn chart_column(name: &str) -> Col {
    FACTS
        .columns
        .iter()
        .find(|c| c.name == name)
        .copied()
        .unwrap_or(UNIT_NAME)
}

/// A chart's CSV of a unit and its peers.
pub fn csv(model: &Model, figures: &[&Figure]) -> Vec<u8> {
    csv_of(model, figures, &PEER_COLUMNS)
}

/// A chart's CSV: the `columns` (names of [`FACTS`] columns, or
/// `don_vi_ten`) of `figures`.
pub fn csv_of(model: &Model, figures: &[&Figure], columns: &[&str]) -> Vec<u8> {
    let cols: Vec<Col> = columns.iter().map(|n| chart_column(n)).collect();
    let picks: Vec<Option<usize>> = columns.iter().map(|n| FACTS.position(n)).collect();
    write::csv_bytes(
        &cols,
        figures.iter().map(|f| {
            picks
                .iter()
                .map(|p| match p {
                    Some(i) => rows::fact_cell(model, f, *i),
                    None => {
                        Cow::Borrowed(model.unit(&f.unit).map_or("", |u| u.entry.name.as_str()))
                    }
                })
                .collect()
        }),
    )
}

/// The figures of each year (of the end of their period), in the model's
/// order: one fact file per year.
pub fn years(model: &Model) -> Vec<(i32, Vec<usize>)> {
    let mut years: BTreeMap<i32, Vec<usize>> = Default::default();
    for (i, f) in model.figures.iter().enumerate() {
        years.entry(f.period.end().year()).or_default().push(i);
    }
    years.into_iter().collect()
}

fn io_error(path: &str) -> impl Fn(std::io::Error) -> SiteError + '_ {
    move |source| SiteError::Io {
        path: path.into(),
        source,
    }
}

/// A small file (a lookup, or a year's details): its CSV and JSON.
struct Small {
    csv_path: String,
    csv: Vec<u8>,
    json_path: String,
    json: Vec<u8>,
}

fn small(
    model: &Model,
    schema: &Schema,
    year: Option<i32>,
    rows: Vec<Cells<'_>>,
) -> Result<Small, SiteError> {
    let csv_path = paths::open_data_file(schema.name, year, "csv");
    let json_path = paths::open_data_file(schema.name, year, "json");
    let mut json = Vec::new();
    let about: Vec<(&str, serde_json::Value)> = year
        .map(|y| vec![("nam", serde_json::json!(y))])
        .unwrap_or_default();
    write::json(
        schema,
        &model.site.publisher,
        &about,
        &|| Box::new(rows.iter().cloned()),
        &mut json,
    )
    .map_err(io_error(&json_path))?;
    Ok(Small {
        csv: write::csv_bytes(schema.columns, rows.into_iter()),
        csv_path,
        json_path,
        json,
    })
}

/// The lookup files and every year's details.
fn small_files(model: &Model, years: &[i32]) -> Result<Vec<Small>, SiteError> {
    let mut out = Vec::new();
    let mut details: BTreeMap<i32, Vec<Cells>> = years.iter().map(|y| (*y, Vec::new())).collect();
    for (year, cells) in rows::details(model) {
        if let Some(rows) = details.get_mut(&year) {
            rows.push(cells);
        }
    }
    for (year, rows) in details {
        out.push(small(model, &DETAILS, Some(year), rows)?);
    }
    for schema in LOOKUPS {
        let rows = match schema.name {
            "don-vi" => rows::units(model),
            "chi-so" => rows::indicators(model),
            "ky" => rows::periods(model)
                .iter()
                .map(rows::period_cells)
                .collect(),
            "van-ban" => rows::documents(model),
            _ => rows::tables(model),
        };
        out.push(small(model, schema, None, rows)?);
    }
    Ok(out)
}

/// A digest of the small files, to tell whether a rebuild must write them.
fn digest(files: &[Small]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    for f in files {
        f.csv.hash(&mut h);
        f.json.hash(&mut h);
    }
    h.finish()
}

/// Write the fact files of every year from `first` on (none when `first`
/// is after the last year) and the small files; the other files are as
/// the previous build left them.
fn write_all(
    r: &PageContext,
    years: &[(i32, Vec<usize>)],
    first: i32,
    small: Vec<Small>,
) -> Result<(), SiteError> {
    let model = r.model;
    years
        .par_iter()
        .filter(|(year, _)| *year >= first)
        .try_for_each(|(year, figures)| {
            let facts = || {
                figures
                    .iter()
                    .map(|&i| rows::fact(model, &model.figures[i]))
            };
            // The JSON's dictionaries are gathered as the CSV is written:
            // the rows are made twice, not three times. The CSV goes
            // straight to its file (about 18 MB a year at national scale,
            // which held in memory were as many fresh pages to fault in).
            let mut dict = None;
            r.writer.put_with(&paths::open_data_csv(*year), &mut |w| {
                dict = Some(write::csv_and_dictionaries(&FACTS, facts(), w)?);
                Ok(())
            })?;
            r.writer.put_with(&paths::open_data_json(*year), &mut |w| {
                let rows = || -> Box<dyn ExactSizeIterator<Item = Cells>> { Box::new(facts()) };
                let about = [("nam", serde_json::json!(year))];
                write::json_with(&FACTS, &model.site.publisher, &about, dict.take(), &rows, w)
            })?;
            Ok(())
        })?;
    for f in small {
        r.writer.put(Page::file(f.csv_path, f.csv))?;
        r.writer.put(Page::file(f.json_path, f.json))?;
    }
    Ok(())
}

/// Write what changed since the last build (everything in a full build).
fn write_changed(r: &PageContext, years: &[(i32, Vec<usize>)]) -> Result<(), SiteError> {
    let year_list: Vec<i32> = years.iter().map(|(y, _)| *y).collect();
    let small = small_files(r.model, &year_list)?;
    let digest = digest(&small);
    let previous = lock(&r.open_data).take();
    let same_years = previous.as_ref().is_some_and(|l| l.years == year_list);
    let first = match (r.affected.data_from(), previous) {
        // Every year when the years are not the previous build's.
        (Some(from), Some(_)) if same_years && from > 0 => years
            .iter()
            .find(|(_, figures)| figures.iter().any(|&i| i >= from))
            .map_or(i32::MAX, |(y, _)| *y),
        (Some(_), _) => i32::MIN,
        (None, Some(l)) if same_years && l.small == digest => {
            *lock(&r.open_data) = Some(l);
            return Ok(());
        }
        (None, _) if same_years => i32::MAX,
        (None, _) => i32::MIN,
    };
    write_all(r, years, first, small)?;
    *lock(&r.open_data) = Some(OpenDataLayout {
        years: year_list,
        small: digest,
    });
    Ok(())
}

/// One file of the data page's list.
#[derive(Serialize)]
pub struct FileLink {
    /// Link from the page.
    url: String,
    /// The file's name, as saved.
    name: String,
    /// "20 KB", "1,2 MB".
    size: String,
}

/// One year's files for the data page.
#[derive(Serialize)]
struct YearFiles {
    year: i32,
    figures: usize,
    csv: FileLink,
    json: FileLink,
    details_csv: FileLink,
    details_json: FileLink,
}

/// A kind of file for the data page: what a row is, and its columns.
#[derive(Serialize)]
struct FileKind {
    /// `ket-qua-<năm>`, `don-vi`.
    name: String,
    title: &'static str,
    about: &'static str,
    /// The files of a lookup; none for the yearly files (listed by year).
    csv: Option<FileLink>,
    json: Option<FileLink>,
    columns: Vec<ColumnView>,
}

#[derive(Serialize)]
struct ColumnView {
    name: &'static str,
    /// "số", "mã", "văn bản", "ngày".
    kind: &'static str,
    about: &'static str,
    /// The file it joins, when its values are keys of another file.
    joins: Option<String>,
}

#[derive(Serialize)]
struct DataPage<'a> {
    figures: usize,
    years: Vec<YearFiles>,
    kinds: Vec<FileKind>,
    package: String,
    license: &'a crate::model::License,
    /// The licence's address, when it is a web address.
    license_url: Option<&'a str>,
}

fn kind_word(t: Type) -> &'static str {
    match t {
        Type::Id => "mã",
        Type::Text => "văn bản",
        Type::Number => "số",
        Type::Integer => "số nguyên",
        Type::Date => "ngày",
    }
}

fn file_kind(schema: &Schema, link: &dyn Fn(&str) -> FileLink) -> FileKind {
    let columns = schema
        .columns
        .iter()
        .map(|c| ColumnView {
            name: c.name,
            kind: kind_word(c.kind),
            about: c.about,
            joins: schema
                .foreign_keys
                .iter()
                .find(|k| k.fields.len() == 1 && k.fields[0] == c.name)
                .map(|k| match k.target {
                    columns::Target::Lookup(name) => format!("{name}.csv"),
                    columns::Target::FactsOfYear => "ket-qua-<năm>.csv".into(),
                    columns::Target::Itself => format!("{}.csv", schema.name),
                }),
        })
        .collect();
    let (name, csv, json) = if schema.yearly {
        (format!("{}-<năm>", schema.name), None, None)
    } else {
        (
            schema.name.to_string(),
            Some(link(&paths::open_data_file(schema.name, None, "csv"))),
            Some(link(&paths::open_data_file(schema.name, None, "json"))),
        )
    };
    FileKind {
        name,
        title: schema.title,
        about: schema.about,
        csv,
        json,
        columns,
    }
}

pub fn render(r: &PageContext) -> Pages {
    let model = r.model;
    let years = years(model);
    let year_list: Vec<i32> = years.iter().map(|(y, _)| *y).collect();
    write_changed(r, &years)?;
    let file = paths::file_of(paths::OPEN_DATA);
    let link = |path: &str| FileLink {
        url: paths::link(&file, path),
        name: paths::file_name(path).to_string(),
        size: crate::vi::format_size(r.writer.size_of(path).unwrap_or_default()),
    };
    let page = DataPage {
        figures: model.figures.len(),
        years: years
            .iter()
            .rev()
            .map(|(year, figures)| YearFiles {
                year: *year,
                figures: figures.len(),
                csv: link(&paths::open_data_csv(*year)),
                json: link(&paths::open_data_json(*year)),
                details_csv: link(&paths::open_data_file(DETAILS.name, Some(*year), "csv")),
                details_json: link(&paths::open_data_file(DETAILS.name, Some(*year), "json")),
            })
            .collect(),
        kinds: columns::ALL.iter().map(|s| file_kind(s, &link)).collect(),
        package: paths::link(&file, paths::OPEN_DATA_PACKAGE),
        license: &model.site.license,
        license_url: package::web_address(&model.site.license.url),
    };
    Ok(vec![
        r.page(&file, "data.html", "data", "Dữ liệu mở", &page)?,
        Page::file(paths::OPEN_DATA_PACKAGE, datapackage(model, &year_list)),
    ])
}
