//! `du-lieu/`: the open data, one row per figure, in one file per year:
//! CSV (the primary format), JSON as columns plus rows, and every year's
//! CSV in one zip; `datapackage.json` describes them ([`package`]).

pub(super) mod layout;
mod package;

pub use layout::OpenDataLayout;
pub use package::{datapackage, COLUMNS};

use super::views::source_label;
use super::{Page, PageContext, Pages};
use crate::model::{Figure, FigureValue, Model};
use crate::site::paths;
use crate::site::writer::lock;
use crate::site::SiteError;
use rayon::prelude::*;
use serde::Serialize;

/// One figure in the open data. Field names are the CSV column names.
#[derive(Serialize)]
pub struct Record<'a> {
    /// Period as `2023-10`, `2023-Q1`, `2023-01-01/2023-05-15`.
    pub ky: String,
    pub don_vi_id: &'a str,
    pub don_vi_ten: &'a str,
    pub chi_so_id: &'a str,
    /// `gia_tri`, `khong_ap_dung` or `chua_cong_bo`.
    pub loai: &'static str,
    /// Machine-readable value with a decimal point: `55.02`; empty when none.
    pub gia_tri: String,
    /// Reason for not applicable / not published, as printed.
    pub ly_do: String,
    pub diem_toi_da: String,
    pub muc_tieu_toi_thieu: String,
    /// `Hoàn thành`, `Chưa hoàn thành` or empty.
    pub trang_thai: &'static str,
    pub xep_hang: String,
    pub trung_binh_ca_nuoc: String,
    pub ty_le: String,
    pub van_ban: &'a str,
    pub nguon: String,
}

fn machine(n: &crate::model::Num) -> String {
    crate::vi::fixed(n.value, n.decimals)
}

pub fn record<'a>(model: &'a Model, f: &'a Figure) -> Record<'a> {
    let (loai, gia_tri, ly_do) = match &f.value {
        FigureValue::Value { value } => ("gia_tri", machine(value), String::new()),
        FigureValue::NotApplicable { reason } => ("khong_ap_dung", String::new(), reason.clone()),
        FigureValue::NotPublished { reason } => (
            "chua_cong_bo",
            String::new(),
            reason.clone().unwrap_or_default(),
        ),
    };
    Record {
        ky: f.period.to_string(),
        don_vi_id: &f.unit,
        don_vi_ten: model.unit(&f.unit).map_or("", |u| u.entry.name.as_str()),
        chi_so_id: &f.indicator,
        loai,
        gia_tri,
        ly_do,
        diem_toi_da: f.max.as_ref().map(machine).unwrap_or_default(),
        muc_tieu_toi_thieu: f
            .target
            .as_ref()
            .map(|t| machine(&t.at_least))
            .unwrap_or_default(),
        trang_thai: match f.status {
            Some(crate::model::Status::Met) => "Hoàn thành",
            Some(crate::model::Status::NotMet) => "Chưa hoàn thành",
            None => "",
        },
        xep_hang: f.rank.map(|r| r.to_string()).unwrap_or_default(),
        trung_binh_ca_nuoc: f.national_average.as_ref().map(machine).unwrap_or_default(),
        ty_le: f.rate.as_ref().map(machine).unwrap_or_default(),
        van_ban: &f.dispatch,
        nguon: source_label(&f.source),
    }
}

/// A text cell as a spreadsheet may read it: one that starts with `=`, `+`,
/// `-`, `@`, a tab or a carriage return would be taken for a formula, so it
/// gets a leading `'` (as OWASP recommends against CSV injection). Numbers
/// are written by the build and never start so.
fn csv_text(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// CSV (RFC 4180, UTF-8 with a byte-order mark so that spreadsheet
/// programs read the Vietnamese letters right) of every column.
pub fn csv(model: &Model, figures: &[&Figure]) -> Vec<u8> {
    csv_of(model, figures, &ALL)
}

/// A record's cells, in [`COLUMNS`] order.
fn cells<'r>(r: &'r Record<'_>) -> [&'r str; N] {
    [
        r.ky.as_str(),
        r.don_vi_id,
        r.don_vi_ten,
        r.chi_so_id,
        r.loai,
        &r.gia_tri,
        &r.ly_do,
        &r.diem_toi_da,
        &r.muc_tieu_toi_thieu,
        r.trang_thai,
        &r.xep_hang,
        &r.trung_binh_ca_nuoc,
        &r.ty_le,
        r.van_ban,
        &r.nguon,
    ]
}

/// Columns of the open data files.
const N: usize = 15;

/// Whether each column, in [`COLUMNS`] order, is text a spreadsheet could
/// take for a formula (names, reasons, sources; never ids or numbers).
const FREE_TEXT: [bool; N] = [
    false, false, true, false, false, false, true, false, false, false, false, false, false, false,
    true,
];

/// Every column, in order.
const ALL: [usize; N] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14];

/// The columns of a chart's CSV along time (a history): the period, then
/// the value with its bound and status.
pub const HISTORY_COLUMNS: [usize; 7] = [0, 4, 5, 6, 7, 8, 9];
/// The columns of a chart's CSV across units (a ranking).
pub const RANKING_COLUMNS: [usize; 9] = [1, 2, 4, 5, 6, 7, 8, 9, 10];

/// A chart's CSV: `columns` (indexes into [`COLUMNS`]) of `figures`.
pub fn csv_of(model: &Model, figures: &[&Figure], columns: &[usize]) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing to memory cannot fail.
    let _ = write_csv_rows(model, figures.iter().copied(), columns, &mut out);
    out
}

/// CSV rows of `figures` after the byte-order mark and header: the
/// `columns` (indexes into [`COLUMNS`]).
fn write_csv_rows<'a>(
    model: &Model,
    figures: impl Iterator<Item = &'a Figure>,
    columns: &[usize],
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    out.write_all("\u{feff}".as_bytes())?;
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .has_headers(false)
        .buffer_capacity(1 << 16)
        .from_writer(out);
    w.write_record(columns.iter().map(|&c| COLUMNS[c].0))?;
    for f in figures {
        let r = record(model, f);
        let cells = cells(&r);
        w.write_record(
            columns
                .iter()
                .map(|&c| {
                    if FREE_TEXT[c] {
                        csv_text(cells[c])
                    } else {
                        std::borrow::Cow::Borrowed(cells[c])
                    }
                })
                .map(|c| c.into_owned()),
        )?;
    }
    w.flush()
}

/// The figures of each year (of the end of their period), in the model's
/// order: one file of each format per year.
pub fn years(model: &Model) -> Vec<(i32, Vec<usize>)> {
    let mut years: std::collections::BTreeMap<i32, Vec<usize>> = Default::default();
    for (i, f) in model.figures.iter().enumerate() {
        years.entry(f.period.end().year()).or_default().push(i);
    }
    years.into_iter().collect()
}

/// A year's JSON: `{"nguon", "nam", "so_ban_ghi", "columns", "rows"}`,
/// each row an array of cells in [`COLUMNS`] order; numbers as numbers,
/// an empty cell as `null` (no key is repeated per record).
fn write_json(
    model: &Model,
    year: i32,
    figures: &[usize],
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    out.write_all(b"{\"nguon\":")?;
    serde_json::to_writer(&mut out, &model.site.publisher)?;
    write!(
        out,
        ",\"nam\":{year},\"so_ban_ghi\":{},\"columns\":",
        figures.len()
    )?;
    serde_json::to_writer(
        &mut out,
        &COLUMNS.iter().map(|(c, _)| c).collect::<Vec<_>>(),
    )?;
    out.write_all(b",\"rows\":[")?;
    let numeric = package::numeric_columns();
    for (n, &i) in figures.iter().enumerate() {
        out.write_all(if n == 0 { b"[" } else { b",\n[" })?;
        let r = record(model, &model.figures[i]);
        let row = cells(&r);
        for (c, cell) in row.iter().enumerate() {
            if c > 0 {
                out.write_all(b",")?;
            }
            if cell.is_empty() {
                out.write_all(b"null")?;
            } else if numeric[c] {
                // Printed by the build: digits with a decimal point.
                out.write_all(cell.as_bytes())?;
            } else {
                serde_json::to_writer(&mut out, cell)?;
            }
        }
        out.write_all(b"]")?;
    }
    out.write_all(b"]}\n")?;
    out.flush()
}

use std::io::Write as _;

/// One year's CSV as a zip of one entry, compressed (fast, in parallel
/// with the other years); [`zip_all`] puts the entries together without
/// compressing them again. Fixed timestamps: the same bytes every build.
fn zip_entry(name: &str, csv: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(name, zip_options())?;
    zip.write_all(csv)?;
    Ok(zip.finish()?.into_inner())
}

fn zip_options() -> zip::write::SimpleFileOptions {
    zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644)
}

/// The zip of every year's CSV, from the one-entry zips of [`zip_entry`].
fn zip_all(entries: &[Vec<u8>]) -> zip::result::ZipResult<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for bytes in entries {
        zip.merge_archive(zip::ZipArchive::new(std::io::Cursor::new(
            bytes.as_slice(),
        ))?)?;
    }
    Ok(zip.finish()?.into_inner())
}

fn zip_error(path: &str, e: zip::result::ZipError) -> SiteError {
    SiteError::Io {
        path: path.into(),
        source: std::io::Error::other(e.to_string()),
    }
}

/// Write the files of every year from `first` on (all of them when
/// `first` is none), and the zip; the others are as the previous build
/// left them.
fn write_years(
    r: &PageContext,
    years: &[(i32, Vec<usize>)],
    first: Option<i32>,
) -> Result<(), SiteError> {
    let model = r.model;
    let entries: Vec<Vec<u8>> = years
        .par_iter()
        .map(|(year, figures)| {
            let csv_path = paths::open_data_csv(*year);
            let mut csv = Vec::new();
            write_csv_rows(
                model,
                figures.iter().map(|&i| &model.figures[i]),
                &ALL,
                &mut csv,
            )
            .map_err(|source| SiteError::Io {
                path: csv_path.clone().into(),
                source,
            })?;
            let entry = zip_entry(paths::file_name(&csv_path), &csv)
                .map_err(|e| zip_error(&csv_path, e))?;
            if first.is_none_or(|f| *year >= f) {
                r.writer.put(Page::file(csv_path, csv))?;
                r.writer.put_with(&paths::open_data_json(*year), &mut |w| {
                    write_json(model, *year, figures, w)
                })?;
            }
            Ok(entry)
        })
        .collect::<Result<_, SiteError>>()?;
    let zip = zip_all(&entries).map_err(|e| zip_error(paths::OPEN_DATA_ZIP, e))?;
    r.writer.put(Page::file(paths::OPEN_DATA_ZIP, zip))
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
}

#[derive(Serialize)]
struct DataPage<'a> {
    columns: Vec<(&'static str, &'static str)>,
    figures: usize,
    years: Vec<YearFiles>,
    /// Every year's CSV in one zip.
    zip: FileLink,
    package: String,
    license: &'a crate::model::License,
    /// The licence's address, when it is a web address.
    license_url: Option<&'a str>,
}

pub fn render(r: &PageContext) -> Pages {
    let model = r.model;
    let years = years(model);
    let year_list: Vec<i32> = years.iter().map(|(y, _)| *y).collect();
    if let Some(from) = r.affected.data_from() {
        let previous = lock(&r.open_data).take();
        // The first year with a record from `from` on; every year when the
        // years are not the previous build's.
        let first = match previous {
            Some(l) if l.years == year_list && from > 0 => years
                .iter()
                .find(|(_, figures)| figures.iter().any(|&i| i >= from))
                .map(|(y, _)| *y),
            _ => None,
        };
        write_years(r, &years, first)?;
        *lock(&r.open_data) = Some(OpenDataLayout {
            years: year_list.clone(),
        });
    }
    let file = paths::file_of(paths::OPEN_DATA);
    let link = |path: &str| FileLink {
        url: paths::link(&file, path),
        name: paths::file_name(path).to_string(),
        size: crate::vi::format_size(r.writer.size_of(path).unwrap_or_default()),
    };
    let page = DataPage {
        columns: COLUMNS.to_vec(),
        figures: model.figures.len(),
        years: years
            .iter()
            .rev()
            .map(|(year, figures)| YearFiles {
                year: *year,
                figures: figures.len(),
                csv: link(&paths::open_data_csv(*year)),
                json: link(&paths::open_data_json(*year)),
            })
            .collect(),
        zip: link(paths::OPEN_DATA_ZIP),
        package: paths::link(&file, paths::OPEN_DATA_PACKAGE),
        license: &model.site.license,
        license_url: package::web_address(&model.site.license.url),
    };
    Ok(vec![
        r.page(&file, "data.html", "data", "Dữ liệu mở", &page)?,
        Page::file(paths::OPEN_DATA_PACKAGE, datapackage(model, &year_list)),
    ])
}
