//! The open data (`du-lieu/ket-qua-<year>.csv` and `.json`, and the zip of
//! every year's CSV): one record per figure, the same records in both,
//! every column documented.

use crate::support::api::load;
use crate::support::*;
use std::collections::BTreeMap;
use std::fs;

fn figure_count() -> usize {
    let loaded = load(&real_content());
    loaded.model.expect("the real content loads").figures.len()
}

/// The open data files of one kind (`csv`, `json`), oldest year first.
fn yearly(out: &std::path::Path, ext: &str) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(out.join("du-lieu"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("ket-qua-20") && n.ends_with(&format!(".{ext}")))
        .map(|n| {
            let bytes = fs::read(out.join("du-lieu").join(&n)).unwrap();
            (n, bytes)
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no yearly {ext} file");
    files
}

/// Every year's CSV as one table: the header (the same in every file) and
/// the rows, oldest year first.
fn all_csv(out: &std::path::Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut header = None;
    let mut rows = Vec::new();
    for (name, bytes) in yearly(out, "csv") {
        let (h, r) = read_csv(&bytes);
        let year = &name["ket-qua-".len().."ket-qua-".len() + 4];
        assert!(
            r.iter().all(|row| row[0].contains(year)),
            "{name}: a figure of another year"
        );
        assert!(
            header.get_or_insert(h.clone()) == &h,
            "{name}: another header"
        );
        rows.extend(r);
    }
    (header.unwrap_or_default(), rows)
}

/// Every year's JSON records, oldest year first.
pub fn all_json(out: &std::path::Path) -> Vec<serde_json::Map<String, serde_json::Value>> {
    yearly(out, "json")
        .iter()
        .flat_map(|(name, bytes)| {
            let json: serde_json::Value =
                serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("{name} parses: {e}"));
            json_records(&json)
        })
        .collect()
}

fn read_csv(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let body = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .expect("ket-qua.csv starts with the UTF-8 BOM");
    let mut reader = csv::Reader::from_reader(body);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            r.expect("every row has as many fields as the header")
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect();
    (header, rows)
}

/// The records of one year's JSON: `columns` names the cells of each
/// array of `rows`; no key is repeated per record.
pub fn json_records(json: &serde_json::Value) -> Vec<serde_json::Map<String, serde_json::Value>> {
    let columns: Vec<&str> = json["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .map(|c| c.as_str().expect("a column name"))
        .collect();
    let rows = json["rows"].as_array().expect("rows");
    assert_eq!(json["so_ban_ghi"], rows.len(), "so_ban_ghi counts the rows");
    rows.iter()
        .map(|row| {
            let cells = row.as_array().expect("each row is an array");
            assert_eq!(cells.len(), columns.len(), "a cell per column");
            columns
                .iter()
                .map(|c| c.to_string())
                .zip(cells.iter().cloned())
                .collect()
        })
        .collect()
}

fn as_cell(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[test]
fn open_data_csv_has_one_row_per_figure() {
    let site = build_real();
    let (header, rows) = all_csv(&site.out);
    assert_eq!(rows.len(), figure_count(), "header: {header:?}");
    let tu_phap: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| r.iter().any(|c| c == "so-tu-phap"))
        .collect();
    assert!(
        tu_phap
            .iter()
            .any(|r| r.iter().any(|c| c == "44.6") && !r.iter().any(|c| c == "44,6")),
        "no so-tu-phap row with 44.6 (a decimal point, for machines): {tu_phap:#?}"
    );
    assert!(tu_phap
        .iter()
        .any(|r| r.iter().any(|c| c == "5.63") && r.iter().any(|c| c == "Chưa hoàn thành")));
    // Not applicable: the reason, not a zero.
    let na: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| {
            r.iter().any(|c| c == "so-tai-chinh")
                && r.iter().any(|c| c == "TTHC không có phí, lệ phí")
        })
        .collect();
    assert_eq!(na.len(), 1, "{rows:#?}");
    assert!(!na[0].iter().any(|c| c == "0" || c == "0.0"), "{:?}", na[0]);
    // The page documents every column.
    let page = visible_text(&site.text("du-lieu/index.html"));
    let undocumented: Vec<&String> = header
        .iter()
        .filter(|h| !page.contains(h.as_str()))
        .collect();
    assert!(
        undocumented.is_empty(),
        "columns not documented on du-lieu/: {undocumented:?}"
    );
}

#[test]
fn open_data_json_has_the_same_records_as_the_csv() {
    let site = build_real();
    let (header, rows) = all_csv(&site.out);
    let records = all_json(&site.out);
    assert_eq!(records.len(), figure_count());
    assert_eq!(records.len(), rows.len());
    for (i, (record, row)) in records.iter().zip(&rows).enumerate() {
        let as_row: BTreeMap<&str, String> = header
            .iter()
            .map(|h| {
                (
                    h.as_str(),
                    record
                        .get(h)
                        .map(as_cell)
                        .unwrap_or_else(|| panic!("record {i} has no `{h}`")),
                )
            })
            .collect();
        let csv_row: BTreeMap<&str, String> = header
            .iter()
            .map(String::as_str)
            .zip(row.iter().cloned())
            .collect();
        assert_eq!(as_row, csv_row, "record {i} differs between JSON and CSV");
    }
}

#[test]
fn the_data_package_describes_every_column_and_the_licence() {
    let site = build_real();
    let package: serde_json::Value =
        serde_json::from_slice(&fs::read(site.out.join("du-lieu/datapackage.json")).unwrap())
            .expect("datapackage.json is JSON");
    assert_eq!(package["profile"], "tabular-data-package");
    // CC BY 4.0 when site.yaml sets no licence.
    assert_eq!(package["licenses"][0]["name"], "CC-BY-4.0");
    // Every file of the folder is a resource of the package.
    let resources = package["resources"].as_array().expect("resources");
    let described: Vec<&str> = resources
        .iter()
        .map(|r| r["path"].as_str().expect("a path"))
        .collect();
    for (name, _) in yearly(&site.out, "csv")
        .into_iter()
        .chain(yearly(&site.out, "json"))
    {
        assert!(described.contains(&name.as_str()), "{name}: {described:?}");
    }
    assert!(described.contains(&"ket-qua-csv.zip"), "{described:?}");
    let resource = &resources[0];
    assert_eq!(resource["profile"], "tabular-data-resource");
    let fields = resource["schema"]["fields"].as_array().expect("fields");
    for r in resources.iter().filter(|r| r["format"] == "csv") {
        assert_eq!(&r["schema"]["fields"], &resource["schema"]["fields"]);
    }
    let (header, rows) = all_csv(&site.out);
    let names: Vec<&str> = fields.iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert_eq!(names, header, "one field per CSV column, in order");
    // Every value is of its field's type and within its constraints.
    for (i, f) in fields.iter().enumerate() {
        assert!(f["description"].as_str().is_some_and(|d| !d.is_empty()));
        let required = f["constraints"]["required"] == true;
        let allowed: Option<Vec<&str>> = f["constraints"]["enum"]
            .as_array()
            .map(|a| a.iter().filter_map(|v| v.as_str()).collect());
        for row in &rows {
            let v = row[i].as_str();
            if v.is_empty() {
                assert!(!required, "{}: empty", names[i]);
                continue;
            }
            match f["type"].as_str() {
                Some("number") => assert!(v.parse::<f64>().is_ok(), "{}: {v}", names[i]),
                Some("date") => assert!(
                    v.len() == 10 && v.as_bytes()[4] == b'-' && v.as_bytes()[7] == b'-',
                    "{}: {v}",
                    names[i]
                ),
                Some("string") => {}
                other => panic!("{}: type {other:?}", names[i]),
            }
            if let Some(allowed) = &allowed {
                assert!(allowed.contains(&v), "{}: {v} not in {allowed:?}", names[i]);
            }
        }
    }
    // The page shows the licence and says what each file is and its size.
    let text = visible_text(&site.text("du-lieu/index.html"));
    assert!(
        text.contains("Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)"),
        "{text}"
    );
    assert!(text.contains("Tải tất cả số liệu (CSV, "), "{text}");
    assert!(text.contains("ket-qua-2023.csv ("), "{text}");
    assert!(text.contains(" KB)") && !text.contains(" byte"), "{text}");
    assert!(!text.contains("Tải ket-qua"), "{text}");
}

#[test]
fn a_licence_set_in_site_yaml_is_the_one_published() {
    let fx = Fixture::real();
    fx.append(
        "site.yaml",
        "license:\n  id: CC0-1.0\n  title: CC0 1.0\n  url: \"javascript:alert(1)\"\n",
    );
    let out = fx.scratch("out");
    build(fx.content(), &out).expect("builds");
    let package = read_text(&out, "du-lieu/datapackage.json");
    assert!(package.contains("\"CC0-1.0\""), "{package}");
    // Only a web address is linked.
    assert!(!package.contains("javascript:"), "{package}");
    assert!(!read_text(&out, "du-lieu/index.html").contains("javascript:"));
}
