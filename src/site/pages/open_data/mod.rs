//! `du-lieu/`: the open data, one row per figure, as CSV and JSON.

pub(super) mod layout;

pub use layout::OpenDataLayout;

use super::views::source_label;
use super::{Page, PageContext, Pages};
use crate::model::{Figure, FigureValue, Model};
use crate::site::paths::{self, OPEN_DATA_CSV as CSV_FILE, OPEN_DATA_JSON as JSON_FILE};
use crate::site::writer::{lock, Counted};
use crate::site::SiteError;
use serde::Serialize;

/// One figure in the open data. Field names are the CSV column names.
#[derive(Serialize)]
pub struct Record<'a> {
    /// Period as `2023-10`, `2023-Q1`, `2023-01-01/2023-05-15`.
    pub ky: String,
    pub tu_ngay: String,
    pub den_ngay: String,
    pub don_vi_id: &'a str,
    pub don_vi_ten: &'a str,
    pub chi_so_id: &'a str,
    pub chi_so_ten: &'a str,
    /// `gia_tri`, `khong_ap_dung` or `chua_cong_bo`.
    pub loai: &'static str,
    /// Machine-readable value with a decimal point: `55.02`; empty when none.
    pub gia_tri: String,
    /// The value as printed in Vietnamese: `55,02`.
    pub gia_tri_in: String,
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
    pub so_van_ban: String,
    pub nguon: String,
}

fn machine(n: &crate::model::Num) -> String {
    crate::vi::fixed(n.value, n.decimals)
}

pub fn record<'a>(model: &'a Model, f: &'a Figure) -> Record<'a> {
    let (loai, gia_tri, gia_tri_in, ly_do) = match &f.value {
        FigureValue::Value { value } => {
            ("gia_tri", machine(value), value.to_string(), String::new())
        }
        FigureValue::NotApplicable { reason } => (
            "khong_ap_dung",
            String::new(),
            String::new(),
            reason.clone(),
        ),
        FigureValue::NotPublished { reason } => (
            "chua_cong_bo",
            String::new(),
            String::new(),
            reason.clone().unwrap_or_default(),
        ),
    };
    let d = model.dispatch(&f.dispatch);
    Record {
        ky: f.period.to_string(),
        tu_ngay: f.period.start().to_string(),
        den_ngay: f.period.end().to_string(),
        don_vi_id: &f.unit,
        don_vi_ten: model.unit(&f.unit).map_or("", |u| u.entry.name.as_str()),
        chi_so_id: &f.indicator,
        chi_so_ten: model
            .indicator(&f.indicator)
            .map_or("", |i| i.name.as_str()),
        loai,
        gia_tri,
        gia_tri_in,
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
        so_van_ban: d.map(|d| d.number_text()).unwrap_or_default(),
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
/// programs read the Vietnamese letters right).
pub fn csv(model: &Model, figures: &[&Figure]) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing to memory cannot fail.
    let _ = write_csv(model, figures.iter().copied(), &mut out);
    out
}

/// [`csv`] into any writer, row by row.
pub fn write_csv<'a>(
    model: &Model,
    figures: impl Iterator<Item = &'a Figure>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    write_csv_rows(model, figures, true, out, &mut |_| {})
}

/// CSV rows of `figures`, after the byte-order mark and header when
/// `head`; `at` is told the offset of each row as it starts.
fn write_csv_rows<'a>(
    model: &Model,
    figures: impl Iterator<Item = &'a Figure>,
    head: bool,
    out: &mut dyn std::io::Write,
    at: &mut dyn FnMut(u64),
) -> std::io::Result<()> {
    let mut out = Counted::new(out);
    if head {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .has_headers(false)
        .from_writer(&mut out);
    if head {
        w.write_record(COLUMNS.iter().map(|(c, _)| *c))?;
    }
    for f in figures {
        w.flush()?;
        at(w.get_ref().bytes);
        let r = record(model, f);
        w.write_record([
            r.ky.as_str(),
            &r.tu_ngay,
            &r.den_ngay,
            r.don_vi_id,
            &csv_text(r.don_vi_ten),
            r.chi_so_id,
            &csv_text(r.chi_so_ten),
            r.loai,
            &r.gia_tri,
            &r.gia_tri_in,
            &csv_text(&r.ly_do),
            &r.diem_toi_da,
            &r.muc_tieu_toi_thieu,
            r.trang_thai,
            &r.xep_hang,
            &r.trung_binh_ca_nuoc,
            &r.ty_le,
            r.van_ban,
            &csv_text(&r.so_van_ban),
            &csv_text(&r.nguon),
        ])?;
    }
    w.flush()?;
    drop(w);
    out.inner.flush()
}

/// The JSON document from record `from` on (all of it when 0), record by
/// record: no copy of all records is held in memory. `at` is told the
/// offset of each record as it starts (before its comma).
fn write_json(
    model: &Model,
    from: usize,
    out: &mut dyn std::io::Write,
    at: &mut dyn FnMut(u64),
) -> std::io::Result<()> {
    let mut out = Counted::new(std::io::BufWriter::with_capacity(1 << 16, out));
    if from == 0 {
        // The fields of `Export`, in order.
        out.write_all(b"{\"nguon\":")?;
        serde_json::to_writer(&mut out, &model.site.publisher)?;
        write!(out, ",\"so_ban_ghi\":{},\"ban_ghi\":[", model.figures.len())?;
    }
    for (i, f) in model.figures.iter().enumerate().skip(from) {
        at(out.bytes);
        if i > 0 {
            out.write_all(b",")?;
        }
        serde_json::to_writer(&mut out, &record(model, f))?;
    }
    out.write_all(b"]}")?;
    out.inner.flush()
}

use std::io::Write as _;

/// The columns with their meaning, for the documentation page.
pub const COLUMNS: &[(&str, &str)] = &[
    ("ky", "Kỳ đánh giá: tháng (2023-10), quý (2023-Q1), nửa năm (2023-H1), năm (2023), tuần (2023-W05) hoặc khoảng thời gian (2023-01-01/2023-05-15)"),
    ("tu_ngay", "Ngày đầu của kỳ (năm-tháng-ngày)"),
    ("den_ngay", "Ngày cuối của kỳ (năm-tháng-ngày)"),
    ("don_vi_id", "Mã đơn vị (không đổi qua các văn bản)"),
    ("don_vi_ten", "Tên chính thức của đơn vị"),
    ("chi_so_id", "Mã chỉ số"),
    ("chi_so_ten", "Tên chỉ số"),
    ("loai", "gia_tri: có số liệu; khong_ap_dung: không áp dụng (khác với 0); chua_cong_bo: văn bản không công bố số liệu"),
    ("gia_tri", "Giá trị, dấu chấm thập phân (55.02), để máy đọc"),
    ("gia_tri_in", "Giá trị như văn bản in, dấu phẩy thập phân (55,02)"),
    ("ly_do", "Lý do không áp dụng hoặc không công bố, như văn bản ghi"),
    ("diem_toi_da", "Điểm tối đa của nhóm chỉ số theo bộ chỉ số áp dụng cho kỳ"),
    ("muc_tieu_toi_thieu", "Mục tiêu tối thiểu (%) áp dụng cho kỳ"),
    ("trang_thai", "Trạng thái như văn bản công bố: Hoàn thành hoặc Chưa hoàn thành"),
    ("xep_hang", "Xếp hạng, ví dụ 20/63"),
    ("trung_binh_ca_nuoc", "Điểm trung bình cả nước"),
    ("ty_le", "Tỷ lệ đạt (%) của nhóm chỉ số"),
    ("van_ban", "Mã văn bản nguồn (trang van-ban/<mã>/)"),
    ("so_van_ban", "Số, ký hiệu văn bản nguồn"),
    ("nguon", "Vị trí trong văn bản: nội dung văn bản hoặc phụ lục"),
];

/// The Table Schema type of each column, in [`COLUMNS`] order: numbers
/// with a decimal point, dates as `2023-10-01`, the rest text.
const COLUMN_TYPES: &[&str] = &[
    "string", "date", "date", "string", "string", "string", "string", "string", "number", "string",
    "string", "number", "number", "string", "string", "number", "number", "string", "string",
    "string",
];

#[derive(Serialize)]
struct DataPage<'a> {
    columns: Vec<(&'static str, &'static str)>,
    figures: usize,
    /// Links to the files from the page.
    csv: String,
    json: String,
    package: String,
    /// "20 KB", "1,2 MB".
    csv_size: String,
    json_size: String,
    license: &'a crate::model::License,
    /// The licence's address, when it is a web address.
    license_url: Option<&'a str>,
}

/// A web address, or none: what `site.yaml` gives is only linked when it
/// is one (never `javascript:`).
fn web_address(url: &str) -> Option<&str> {
    (url.starts_with("https://") || url.starts_with("http://")).then_some(url)
}

/// `datapackage.json`: a Frictionless Tabular Data Package whose Table
/// Schema describes every column of the CSV, with the licence.
pub fn datapackage(model: &Model) -> Vec<u8> {
    use serde_json::json;
    let site = &model.site;
    let fields: Vec<serde_json::Value> = COLUMNS
        .iter()
        .zip(COLUMN_TYPES)
        .map(|((name, description), kind)| {
            let mut f = json!({ "name": name, "type": kind, "description": description });
            match *name {
                "loai" => {
                    f["constraints"] =
                        json!({ "required": true, "enum": ["gia_tri", "khong_ap_dung", "chua_cong_bo"] })
                }
                "trang_thai" => {
                    f["constraints"] = json!({ "enum": ["Hoàn thành", "Chưa hoàn thành"] })
                }
                "ky" | "tu_ngay" | "den_ngay" | "don_vi_id" | "chi_so_id" | "van_ban" => {
                    f["constraints"] = json!({ "required": true })
                }
                _ => {}
            }
            f
        })
        .collect();
    let mut license = json!({ "name": site.license.id, "title": site.license.title });
    if let Some(url) = web_address(&site.license.url) {
        license["path"] = json!(url);
    }
    let package = json!({
        "profile": "tabular-data-package",
        "name": "ket-qua-bo-chi-so-766",
        "title": site.title,
        "description": site.description.clone().unwrap_or_default(),
        "licenses": [license],
        "contributors": [{ "title": site.publisher, "role": "publisher" }],
        "resources": [{
            "profile": "tabular-data-resource",
            "name": "ket-qua",
            "path": paths::OPEN_DATA_CSV.trim_start_matches(paths::OPEN_DATA),
            "title": "Kết quả đánh giá, mỗi dòng một số liệu",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8-sig",
            "dialect": { "delimiter": ",", "quoteChar": "\"", "header": true },
            "schema": {
                "fields": fields,
                "missingValues": [""],
            },
        }],
    });
    let mut out = serde_json::to_vec_pretty(&package).unwrap_or_default();
    out.push(b'\n');
    out
}

/// Write the two files whole, or, when the previous build's layout is
/// known and records before `from` are unchanged, from record `from` on.
fn write_files(r: &PageContext, from: usize) -> Result<(usize, usize), SiteError> {
    let model = r.model;
    let previous = lock(&r.open_data)
        .take()
        .filter(|l| from > 0 && from < l.csv.len() && l.csv.len() == model.figures.len());
    let from = if previous.is_some() { from } else { 0 };
    let (mut csv_at, mut json_at) = (Vec::new(), Vec::new());
    let csv_start = previous.as_ref().map_or(0, |l| l.csv[from]);
    let json_start = previous.as_ref().map_or(0, |l| l.json[from]);
    let (csv_bytes, json_bytes) = rayon::join(
        || {
            r.writer.put_from(CSV_FILE, csv_start, &mut |w| {
                let rows = model.figures[from..].iter();
                write_csv_rows(model, rows, from == 0, w, &mut |o| {
                    csv_at.push(csv_start + o)
                })
            })
        },
        || {
            r.writer.put_from(JSON_FILE, json_start, &mut |w| {
                write_json(model, from, w, &mut |o| json_at.push(json_start + o))
            })
        },
    );
    let mut layout = previous.unwrap_or_default();
    layout.csv.truncate(from);
    layout.json.truncate(from);
    layout.csv.extend(csv_at);
    layout.json.extend(json_at);
    *lock(&r.open_data) = Some(layout);
    Ok((csv_bytes?, json_bytes?))
}

pub fn render(r: &PageContext) -> Pages {
    let model = r.model;
    let (csv_bytes, json_bytes) = match r.affected.data_from() {
        Some(from) => write_files(r, from)?,
        None => {
            // Unchanged since the previous build, which noted their sizes.
            let size = |path| r.writer.size_of(path).unwrap_or_default();
            (size(CSV_FILE), size(JSON_FILE))
        }
    };
    let file = paths::file_of(paths::OPEN_DATA);
    let page = DataPage {
        columns: COLUMNS.to_vec(),
        figures: model.figures.len(),
        csv: paths::link(&file, CSV_FILE),
        json: paths::link(&file, JSON_FILE),
        package: paths::link(&file, paths::OPEN_DATA_PACKAGE),
        csv_size: crate::vi::format_size(csv_bytes),
        json_size: crate::vi::format_size(json_bytes),
        license: &model.site.license,
        license_url: web_address(&model.site.license.url),
    };
    Ok(vec![
        r.page(&file, "data.html", "data", "Dữ liệu mở", &page)?,
        Page::file(paths::OPEN_DATA_PACKAGE, datapackage(model)),
    ])
}
