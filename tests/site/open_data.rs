//! The open data (`du-lieu/`): the figures per year (`ket-qua-<year>`,
//! one row per figure), the detail counts per year (`chi-tiet-<year>`)
//! and the lookup files (`don-vi`, `chi-so`, `ky`, `van-ban`, `bang`), each
//! as CSV and JSON, every CSV in one zip, all described by
//! `datapackage.json` with the keys that join them.

use crate::support::api::load;
use crate::support::*;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

fn figure_count() -> usize {
    let loaded = load(&real_content());
    loaded.model.expect("the real content loads").figures.len()
}

/// The files of one kind (`ket-qua`, `chi-tiet`) and format, oldest year
/// first.
fn yearly(out: &Path, name: &str, ext: &str) -> Vec<(String, Vec<u8>)> {
    let prefix = format!("{name}-20");
    let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(out.join("du-lieu"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&prefix) && n.ends_with(&format!(".{ext}")))
        .map(|n| {
            let bytes = fs::read(out.join("du-lieu").join(&n)).unwrap();
            (n, bytes)
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no yearly {name} {ext} file");
    files
}

/// A table: its header and rows.
type Table = (Vec<String>, Vec<Vec<String>>);

/// Every year's CSV of a kind as one table, oldest year first; each row's
/// period lies in its file's year.
fn all_csv(out: &Path, name: &str) -> Table {
    let mut header = None;
    let mut rows = Vec::new();
    for (file, bytes) in yearly(out, name, "csv") {
        let (h, r) = read_csv(&bytes);
        let year = &file[name.len() + 1..name.len() + 5];
        assert!(
            r.iter().all(|row| row[0].contains(year)),
            "{file}: a figure of another year"
        );
        assert!(
            header.get_or_insert(h.clone()) == &h,
            "{file}: another header"
        );
        rows.extend(r);
    }
    (header.unwrap_or_default(), rows)
}

fn lookup(out: &Path, name: &str) -> Table {
    read_csv(&fs::read(out.join(format!("du-lieu/{name}.csv"))).unwrap())
}

/// Every year's JSON records of a kind, oldest year first.
pub fn all_json(out: &Path, name: &str) -> Vec<serde_json::Map<String, serde_json::Value>> {
    yearly(out, name, "json")
        .iter()
        .flat_map(|(file, bytes)| {
            let json: serde_json::Value =
                serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("{file} parses: {e}"));
            json_records(&json)
        })
        .collect()
}

fn read_csv(bytes: &[u8]) -> Table {
    let body = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .expect("a CSV file starts with the UTF-8 BOM");
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

/// The records of a JSON file: `columns` names the cells of each array of
/// `rows`; a row may stop after its last filled cell (the rest are null);
/// a column with a list in `dictionaries` holds positions in that list.
pub fn json_records(json: &serde_json::Value) -> Vec<serde_json::Map<String, serde_json::Value>> {
    let empty = serde_json::Map::new();
    let dictionaries = json
        .get("dictionaries")
        .map(|d| d.as_object().expect("dictionaries is an object"))
        .unwrap_or(&empty);
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
            assert!(cells.len() <= columns.len(), "at most a cell per column");
            assert!(
                cells.last().is_some_and(|c| !c.is_null()),
                "a row ends with its last filled cell: {cells:?}"
            );
            columns
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let cell = cells.get(i).cloned().unwrap_or(serde_json::Value::Null);
                    let cell = match (dictionaries.get(*c), &cell) {
                        (Some(values), serde_json::Value::Number(n)) => {
                            let at = n.as_u64().expect("a position") as usize;
                            values[at].clone()
                        }
                        (Some(_), serde_json::Value::Null) => cell,
                        (Some(_), other) => panic!("{c}: {other} is not a position"),
                        (None, _) => cell,
                    };
                    (c.to_string(), cell)
                })
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

/// The rows as maps of column name to cell.
fn records(table: &Table) -> Vec<BTreeMap<&str, &str>> {
    let (header, rows) = table;
    rows.iter()
        .map(|r| {
            header
                .iter()
                .map(String::as_str)
                .zip(r.iter().map(String::as_str))
                .collect()
        })
        .collect()
}

#[test]
fn every_figure_is_a_row_with_where_it_is_printed() {
    let site = build_real();
    let facts = all_csv(&site.out, "ket-qua");
    assert_eq!(facts.1.len(), figure_count(), "header: {:?}", facts.0);
    let rows = records(&facts);
    let find = |pred: &dyn Fn(&BTreeMap<&str, &str>) -> bool| -> Vec<&BTreeMap<&str, &str>> {
        rows.iter().filter(|r| pred(r)).collect()
    };
    // An appendix figure: its appendix and its printed STT.
    let tu_phap = find(&|r| {
        r["don_vi_id"] == "so-tu-phap" && r["van_ban"] == "2023-10-vpub" && r["bang"] == "I"
    });
    assert_eq!(tu_phap.len(), 1, "{tu_phap:#?}");
    let r = tu_phap[0];
    assert_eq!(
        (r["dong"], r["gia_tri"], r["gia_tri_in"], r["trang_thai"]),
        ("15", "44.6", "44,6", "Chưa hoàn thành"),
        "{r:#?}"
    );
    assert_eq!(
        (r["ky"], r["chi_so_id"], r["muc_tieu_toi_thieu"]),
        ("2023-10", "ty-le-nop-truc-tuyen", "60")
    );
    // The results: the total as printed, the rank as printed, no row.
    let total = find(&|r| r["van_ban"] == "2023-02-vpub" && r["chi_so_id"] == "tong-diem");
    assert_eq!(total.len(), 1, "{total:#?}");
    assert_eq!(
        (
            total[0]["don_vi_id"],
            total[0]["bang"],
            total[0]["dong"],
            total[0]["gia_tri"],
            total[0]["gia_tri_in"],
            total[0]["xep_hang"],
        ),
        ("hung-yen", "ket-qua", "", "55.02", "55,02", "20/63")
    );
    // A score printed `15,0` keeps its decimal.
    assert!(
        find(&|r| r["van_ban"] == "2023-10-vpub" && r["chi_so_id"] == "so-hoa-ho-so")
            .iter()
            .any(|r| r["gia_tri"] == "15.0" && r["gia_tri_in"] == "15,0"),
        "15,0 as printed"
    );
    // Not applicable: the reason, not a zero.
    let na = find(&|r| r["don_vi_id"] == "so-tai-chinh" && r["loai"] == "khong_ap_dung");
    assert_eq!(na.len(), 1, "{na:#?}");
    assert_eq!(
        (na[0]["ly_do"], na[0]["gia_tri"]),
        ("TTHC không có phí, lệ phí", "")
    );
    // The unit's name and portal code are in the lookup file, not repeated.
    assert!(!facts.0.iter().any(|h| h == "don_vi_ten"), "{:?}", facts.0);
    let units = lookup(&site.out, "don-vi");
    let units = records(&units);
    let province = units.iter().find(|u| u["don_vi_id"] == "hung-yen").unwrap();
    assert_eq!(
        (province["ten"], province["ma_dvcqg"], province["cap"]),
        ("Tỉnh Hưng Yên", "H31", "tinh")
    );
    let kh = units
        .iter()
        .find(|u| u["don_vi_id"] == "so-ke-hoach-va-dau-tu")
        .unwrap();
    assert_eq!(
        (kh["hieu_luc_den"], kh["ke_thua"], kh["don_vi_cha"]),
        ("2025-02-28", "so-tai-chinh", "hung-yen")
    );
}

#[test]
fn periods_documents_and_tables_name_what_the_figures_point_to() {
    let site = build_real();
    let periods = lookup(&site.out, "ky");
    let month = records(&periods)
        .into_iter()
        .find(|p| p["ky"] == "2023-02")
        .expect("the period 2023-02");
    assert_eq!(
        (
            month["loai_ky"],
            month["bat_dau"],
            month["ket_thuc"],
            month["ten"]
        ),
        ("thang", "2023-02-01", "2023-02-28", "tháng 02/2023")
    );
    let documents = lookup(&site.out, "van-ban");
    let docs = records(&documents);
    let feb = docs
        .iter()
        .find(|d| d["van_ban"] == "2023-02-vpub")
        .unwrap();
    assert_eq!(
        (feb["loai_van_ban"], feb["ky"], feb["so_lieu_ngay"]),
        ("monthly-results", "2023-02", "2023-02-28")
    );
    assert!(feb["so_ky_hieu"].contains('/'), "{feb:?}");
    let tables = lookup(&site.out, "bang");
    let tables = records(&tables);
    let appendix = tables
        .iter()
        .find(|t| t["van_ban"] == "2023-10-vpub" && t["bang"] == "I")
        .expect("appendix I of 2023-10");
    assert!(
        appendix["tieu_de"].starts_with("TỶ LỆ HỒ SƠ NỘP TRỰC TUYẾN"),
        "{appendix:?}"
    );
    assert!(appendix["so_dong"].parse::<usize>().unwrap() > 15);
    assert!(tables
        .iter()
        .any(|t| t["van_ban"] == "2023-10-vpub" && t["bang"] == "ket-qua"));
}

#[test]
fn detail_counts_are_published_with_their_group() {
    let site = build_real();
    let details = all_csv(&site.out, "chi-tiet");
    let rows = records(&details);
    let chung_thuc = rows
        .iter()
        .find(|r| r["van_ban"] == "2023-10-vpub")
        .expect("the detail of 2023-10");
    assert_eq!(
        (
            chung_thuc["chi_so_id"],
            chung_thuc["don_vi_id"],
            chung_thuc["so_luong"],
            chung_thuc["tren_tong"],
            chung_thuc["don_vi_dem"],
            chung_thuc["stt"],
        ),
        ("so-hoa-ho-so", "hung-yen", "171", "171", "đơn vị", "1")
    );
    let khai_thac = rows
        .iter()
        .find(|r| r["van_ban"] == "2025-03-vpub" && r["so_luong"] == "168")
        .expect("168 hồ sơ of 2025-03");
    assert_eq!(
        (
            khai_thac["ty_le"],
            khai_thac["ty_le_in"],
            khai_thac["don_vi_dem"],
            khai_thac["stt"]
        ),
        ("0.43", "0,43", "hồ sơ", "3")
    );
    // Every detail of the content is there.
    let content = fs::read_dir(real_content().join("dispatches"))
        .unwrap()
        .flat_map(|y| fs::read_dir(y.unwrap().path()).unwrap())
        .map(|f| fs::read_to_string(f.unwrap().path()).unwrap())
        .map(|t| t.matches("- label:").count())
        .sum::<usize>();
    assert_eq!(rows.len(), content);
}

/// The rows of `table` (a file of the package) as tuples of `fields`.
fn keys(table: &Table, fields: &[&str]) -> BTreeSet<Vec<String>> {
    let at: Vec<usize> = fields
        .iter()
        .map(|f| {
            table
                .0
                .iter()
                .position(|h| h == f)
                .unwrap_or_else(|| panic!("no column {f} in {:?}", table.0))
        })
        .collect();
    table
        .1
        .iter()
        .map(|r| at.iter().map(|&i| r[i].clone()).collect())
        .collect()
}

#[test]
fn every_key_resolves_in_the_file_it_points_to() {
    let site = build_real();
    let package: serde_json::Value =
        serde_json::from_slice(&fs::read(site.out.join("du-lieu/datapackage.json")).unwrap())
            .unwrap();
    let resources = package["resources"].as_array().unwrap();
    let table_of = |name: &str| -> Table {
        let r = resources
            .iter()
            .find(|r| r["name"] == name)
            .unwrap_or_else(|| panic!("no resource {name}"));
        read_csv(&fs::read(site.out.join("du-lieu").join(r["path"].as_str().unwrap())).unwrap())
    };
    let mut checked = 0;
    for r in resources.iter().filter(|r| r["format"] == "csv") {
        let name = r["name"].as_str().unwrap();
        let table = table_of(name);
        for fk in r["schema"]["foreignKeys"].as_array().into_iter().flatten() {
            let fields: Vec<&str> = fk["fields"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f.as_str().unwrap())
                .collect();
            let reference: Vec<&str> = fk["reference"]["fields"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f.as_str().unwrap())
                .collect();
            let target = match fk["reference"]["resource"].as_str().unwrap() {
                "" => name,
                other => other,
            };
            let known = keys(&table_of(target), &reference);
            for key in keys(&table, &fields) {
                if key.iter().all(String::is_empty) {
                    continue;
                }
                assert!(
                    known.contains(&key),
                    "{name}: {fields:?} = {key:?} is not in {target}"
                );
                checked += 1;
            }
        }
        // A primary key is unique.
        if let Some(pk) = r["schema"]["primaryKey"].as_array() {
            let pk: Vec<&str> = pk.iter().map(|f| f.as_str().unwrap()).collect();
            assert_eq!(keys(&table, &pk).len(), table.1.len(), "{name}: {pk:?}");
        }
    }
    // Distinct keys of every file and foreign key.
    assert!(checked > 60, "only {checked} keys checked");
}

#[test]
fn json_has_the_same_rows_as_the_csv() {
    let site = build_real();
    for name in ["ket-qua", "chi-tiet"] {
        // The ids are written once per file, each row holds their positions.
        for (file, bytes) in yearly(&site.out, name, "json") {
            let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
            let units = json["dictionaries"]["don_vi_id"].as_array();
            assert!(units.is_some_and(|u| !u.is_empty()), "{file}");
            assert!(json["rows"][0][1].is_u64(), "{file}: {}", json["rows"][0]);
        }
        let (header, rows) = all_csv(&site.out, name);
        let records = all_json(&site.out, name);
        assert_eq!(records.len(), rows.len(), "{name}");
        // The value as printed, for a spreadsheet, is in the CSV only: it
        // is `gia_tri` with a decimal comma (a thousands dot for a count).
        let printed = header.iter().position(|h| h == "gia_tri_in");
        assert_eq!(printed.is_some(), name == "ket-qua");
        for (i, (record, row)) in records.iter().zip(&rows).enumerate() {
            assert!(record.get("gia_tri_in").is_none(), "{name} record {i}");
            let as_row: Vec<String> = header
                .iter()
                .enumerate()
                .map(|(n, h)| match record.get(h) {
                    Some(v) => as_cell(v),
                    None if Some(n) == printed => row[n].clone(),
                    None => panic!("{name} record {i} has no `{h}`"),
                })
                .collect();
            assert_eq!(
                &as_row, row,
                "{name} record {i} differs between JSON and CSV"
            );
            if let (Some(n), Some(value)) = (printed, record.get("gia_tri")) {
                let machine = as_cell(value);
                let digits: String = row[n].chars().filter(|c| *c != '.').collect();
                assert_eq!(digits.replace(',', "."), machine, "{name} record {i}");
            }
        }
    }
    for name in ["don-vi", "chi-so", "ky", "van-ban", "bang"] {
        let (header, rows) = lookup(&site.out, name);
        let json: serde_json::Value = serde_json::from_slice(
            &fs::read(site.out.join(format!("du-lieu/{name}.json"))).unwrap(),
        )
        .unwrap();
        let records = json_records(&json);
        let as_rows: Vec<Vec<String>> = records
            .iter()
            .map(|r| header.iter().map(|h| as_cell(&r[h])).collect())
            .collect();
        assert_eq!(as_rows, rows, "{name}");
    }
}

#[test]
fn the_data_package_describes_every_file_and_field_and_the_licence() {
    let site = build_real();
    let package: serde_json::Value =
        serde_json::from_slice(&fs::read(site.out.join("du-lieu/datapackage.json")).unwrap())
            .expect("datapackage.json is JSON");
    assert_eq!(package["profile"], "tabular-data-package");
    // CC BY 4.0 when site.yaml sets no licence.
    assert_eq!(package["licenses"][0]["name"], "CC-BY-4.0");
    // Every file of the folder is a resource of the package, and the other way round.
    let resources = package["resources"].as_array().expect("resources");
    let described: BTreeSet<&str> = resources
        .iter()
        .map(|r| r["path"].as_str().expect("a path"))
        .collect();
    let files: BTreeSet<String> = fs::read_dir(site.out.join("du-lieu"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "index.html" && n != "datapackage.json")
        .collect();
    assert_eq!(
        files.iter().map(String::as_str).collect::<BTreeSet<_>>(),
        described
    );
    // Each CSV's fields are its header, each value of its field's type.
    let text = visible_text(&site.text("du-lieu/index.html"));
    for r in resources.iter().filter(|r| r["format"] == "csv") {
        assert_eq!(r["profile"], "tabular-data-resource");
        let path = r["path"].as_str().unwrap();
        let (header, rows) = read_csv(&fs::read(site.out.join("du-lieu").join(path)).unwrap());
        let fields = r["schema"]["fields"].as_array().expect("fields");
        let names: Vec<&str> = fields.iter().map(|f| f["name"].as_str().unwrap()).collect();
        assert_eq!(names, header, "{path}: one field per CSV column, in order");
        for (i, f) in fields.iter().enumerate() {
            assert!(f["description"].as_str().is_some_and(|d| !d.is_empty()));
            // The page documents every column.
            assert!(text.contains(names[i]), "{}: not on du-lieu/", names[i]);
            let required = f["constraints"]["required"] == true;
            let allowed: Option<Vec<&str>> = f["constraints"]["enum"]
                .as_array()
                .map(|a| a.iter().filter_map(|v| v.as_str()).collect());
            for row in &rows {
                let v = row[i].as_str();
                if v.is_empty() {
                    assert!(!required, "{path} {}: empty", names[i]);
                    continue;
                }
                match f["type"].as_str() {
                    Some("number") => assert!(v.parse::<f64>().is_ok(), "{}: {v}", names[i]),
                    Some("integer") => assert!(v.parse::<i64>().is_ok(), "{}: {v}", names[i]),
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
    }
    // The page shows the licence, says how to join the files, what each
    // file is and its size.
    assert!(
        text.contains("Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)"),
        "{text}"
    );
    assert!(text.contains("mỗi năm một tệp"), "{text}");
    assert!(text.contains("frictionless extract"), "{text}");
    assert!(text.contains("ket-qua-2023.csv ("), "{text}");
    assert!(text.contains("chi-tiet-2023.csv ("), "{text}");
    assert!(text.contains("don-vi.csv ("), "{text}");
    assert!(text.contains("tra theo cột don_vi_id"), "{text}");
    assert!(text.contains(" KB)") && !text.contains(" byte"), "{text}");
    // The whole history is one call away through the package (above: it
    // names every file); no zip repeats the yearly files.
    assert!(!site.out.join("du-lieu/ket-qua-csv.zip").exists());
}

#[test]
fn the_open_data_is_the_same_bytes_every_build() {
    let one = build_real();
    let two = build_real();
    let read = |out: &Path| -> BTreeMap<String, Vec<u8>> {
        fs::read_dir(out.join("du-lieu"))
            .unwrap()
            .map(|e| e.unwrap())
            .map(|e| {
                (
                    e.file_name().to_string_lossy().into_owned(),
                    fs::read(e.path()).unwrap(),
                )
            })
            .collect()
    };
    let (a, b) = (read(&one.out), read(&two.out));
    assert!(a.len() > 15, "{:?}", a.keys());
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (name, bytes) in &a {
        assert!(b[name] == *bytes, "{name} differs between two builds");
    }
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
