//! `du-lieu/datapackage.json` and the columns of the open data files, with
//! their meaning (shown on the data page) and their Table Schema types.

use crate::model::Model;
use crate::site::paths;

/// The columns with their meaning, for the documentation page.
pub const COLUMNS: &[(&str, &str)] = &[
    ("ky", "Kỳ đánh giá: tháng (2023-10), quý (2023-Q1), nửa năm (2023-H1), năm (2023), tuần (2023-W05) hoặc khoảng thời gian (2023-01-01/2023-05-15)"),
    ("don_vi_id", "Mã đơn vị (không đổi qua các văn bản)"),
    ("don_vi_ten", "Tên chính thức của đơn vị"),
    ("chi_so_id", "Mã chỉ số"),
    ("loai", "gia_tri: có số liệu; khong_ap_dung: không áp dụng (khác với 0); chua_cong_bo: văn bản không công bố số liệu"),
    ("gia_tri", "Giá trị, dấu chấm thập phân (55.02), để máy đọc"),
    ("ly_do", "Lý do không áp dụng hoặc không công bố, như văn bản ghi"),
    ("diem_toi_da", "Điểm tối đa của nhóm chỉ số theo bộ chỉ số áp dụng cho kỳ"),
    ("muc_tieu_toi_thieu", "Mục tiêu tối thiểu (%) áp dụng cho kỳ"),
    ("trang_thai", "Trạng thái như văn bản công bố: Hoàn thành hoặc Chưa hoàn thành"),
    ("xep_hang", "Xếp hạng, ví dụ 20/63"),
    ("trung_binh_ca_nuoc", "Điểm trung bình cả nước"),
    ("ty_le", "Tỷ lệ đạt (%) của nhóm chỉ số"),
    ("van_ban", "Mã văn bản nguồn (trang van-ban/<mã>/)"),
    ("nguon", "Vị trí trong văn bản: nội dung văn bản hoặc phụ lục"),
];

/// The Table Schema type of each column, in [`COLUMNS`] order: numbers
/// with a decimal point, dates as `2023-10-01`, the rest text.
const COLUMN_TYPES: &[&str] = &[
    "string", "string", "string", "string", "string", "number", "string", "number", "number",
    "string", "string", "number", "number", "string", "string",
];

/// Whether each column, in [`COLUMNS`] order, holds numbers.
pub(super) fn numeric_columns() -> [bool; 15] {
    let mut out = [false; 15];
    for (o, t) in out.iter_mut().zip(COLUMN_TYPES) {
        *o = *t == "number";
    }
    out
}

/// A web address, or none: what `site.yaml` gives is only linked when it
/// is one (never `javascript:`).
pub(super) fn web_address(url: &str) -> Option<&str> {
    (url.starts_with("https://") || url.starts_with("http://")).then_some(url)
}

/// `datapackage.json`: a Frictionless Data Package with the licence: a
/// tabular resource for each year's CSV (its Table Schema describes every
/// column), each year's JSON (the same columns, then the rows) and the zip
/// of every year's CSV.
pub fn datapackage(model: &Model, years: &[i32]) -> Vec<u8> {
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
                "ky" | "don_vi_id" | "chi_so_id" | "van_ban" => {
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
        "resources": resources(years, &fields),
    });
    let mut out = serde_json::to_vec_pretty(&package).unwrap_or_default();
    out.push(b'\n');
    out
}

/// The resources of the package, newest year first as on the data page.
fn resources(years: &[i32], fields: &[serde_json::Value]) -> Vec<serde_json::Value> {
    use serde_json::json;
    let name = |path: &str| paths::file_name(path).to_string();
    let mut out = Vec::new();
    for year in years.iter().rev() {
        let csv = paths::open_data_csv(*year);
        out.push(json!({
            "profile": "tabular-data-resource",
            "name": format!("ket-qua-{year}"),
            "path": name(&csv),
            "title": format!("Kết quả đánh giá năm {year}, mỗi dòng một số liệu"),
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8-sig",
            "dialect": { "delimiter": ",", "quoteChar": "\"", "header": true },
            "schema": {
                "fields": fields,
                "missingValues": [""],
            },
        }));
    }
    for year in years.iter().rev() {
        out.push(json!({
            "profile": "data-resource",
            "name": format!("ket-qua-{year}-json"),
            "path": name(&paths::open_data_json(*year)),
            "title": format!("Kết quả đánh giá năm {year} (JSON)"),
            "description": format!(
                "Cùng số liệu với ket-qua-{year}.csv: tên các cột trong `columns` (như CSV), \
                 mỗi số liệu là một mảng trong `rows`, ô trống là null."
            ),
            "format": "json",
            "mediatype": "application/json",
            "encoding": "utf-8",
        }));
    }
    out.push(json!({
        "profile": "data-resource",
        "name": "ket-qua-tat-ca-csv",
        "path": name(paths::OPEN_DATA_ZIP),
        "title": "Tất cả các năm: các tệp CSV theo năm trong một tệp nén",
        "format": "zip",
        "mediatype": "application/zip",
    }));
    out
}
