//! `du-lieu/`: the open data, one row per figure, as CSV and JSON.

use super::views::source_label;
use super::{Pages, Renderer};
use crate::model::{Figure, FigureValue, Model};
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

fn machine(n: &crate::content::numbers::Num) -> String {
    format!("{:.*}", n.decimals as usize, n.value)
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
            Some(crate::content::schema::Status::Met) => "Hoàn thành",
            Some(crate::content::schema::Status::NotMet) => "Chưa hoàn thành",
            None => "",
        },
        xep_hang: f
            .rank
            .map(|r| format!("{}/{}", r.position, r.of))
            .unwrap_or_default(),
        trung_binh_ca_nuoc: f.national_average.as_ref().map(machine).unwrap_or_default(),
        ty_le: f.rate.as_ref().map(machine).unwrap_or_default(),
        van_ban: &f.dispatch,
        so_van_ban: d.map(|d| d.number_text()).unwrap_or_default(),
        nguon: source_label(&f.source),
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
    out.write_all("\u{feff}".as_bytes())?;
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    let mut rows = 0;
    for f in figures {
        w.serialize(record(model, f))
            .map_err(std::io::Error::other)?;
        rows += 1;
    }
    if rows == 0 {
        w.write_record(COLUMNS.iter().map(|(c, _)| *c))
            .map_err(std::io::Error::other)?;
    }
    w.flush()
}

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

#[derive(Serialize)]
struct DataPage {
    columns: Vec<(&'static str, &'static str)>,
    figures: usize,
    csv_bytes: usize,
    json_bytes: usize,
}

/// The JSON document, serialized record by record: no copy of all records
/// is held in memory.
#[derive(Serialize)]
struct Export<'a> {
    nguon: &'a str,
    so_ban_ghi: usize,
    ban_ghi: Records<'a>,
}

struct Records<'a>(&'a Model);

impl Serialize for Records<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.figures.iter().map(|f| record(self.0, f)))
    }
}

pub fn render(r: &Renderer) -> Pages {
    let model = r.model;
    // The two big files go to the sink as they are written, not as one
    // buffer each.
    let csv_bytes = r.sink.put_with("du-lieu/ket-qua.csv", &mut |w| {
        write_csv(model, model.figures.iter(), w)
    })?;
    let export = Export {
        nguon: &model.site.publisher,
        so_ban_ghi: model.figures.len(),
        ban_ghi: Records(model),
    };
    let json_bytes = r.sink.put_with("du-lieu/ket-qua.json", &mut |w| {
        serde_json::to_writer(w, &export).map_err(std::io::Error::other)
    })?;
    let page = DataPage {
        columns: COLUMNS.to_vec(),
        figures: model.figures.len(),
        csv_bytes,
        json_bytes,
    };
    Ok(vec![r.page(
        "du-lieu/index.html",
        "data.html",
        "data",
        "Dữ liệu mở",
        &page,
    )?])
}
