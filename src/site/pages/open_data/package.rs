//! `du-lieu/datapackage.json`: a Frictionless Data Package that describes
//! every file of the open data with its columns (Table Schema), its keys
//! and the keys it shares with the lookup files, and the licence.

use super::columns::{Schema, Target, ALL};
use crate::model::Model;
use crate::site::paths;
use serde_json::{json, Value};

/// A web address, or none: what `site.yaml` gives is only linked when it
/// is one (never `javascript:`).
pub(super) fn web_address(url: &str) -> Option<&str> {
    (url.starts_with("https://") || url.starts_with("http://")).then_some(url)
}

/// The resource name of a file: `ket-qua-2023`, `don-vi`.
fn resource_name(schema: &Schema, year: Option<i32>) -> String {
    match year {
        Some(y) => format!("{}-{y}", schema.name),
        None => schema.name.to_string(),
    }
}

/// The Table Schema of a kind of file; `year` names the fact file its
/// details point to.
fn table_schema(schema: &Schema, year: Option<i32>) -> Value {
    let fields: Vec<Value> = schema
        .columns
        .iter()
        .map(|c| {
            let mut f = json!({ "name": c.name, "type": c.kind.schema(), "description": c.about });
            let mut constraints = serde_json::Map::new();
            if c.required {
                constraints.insert("required".into(), json!(true));
            }
            if !c.values.is_empty() {
                constraints.insert("enum".into(), json!(c.values));
            }
            if !constraints.is_empty() {
                f["constraints"] = Value::Object(constraints);
            }
            f
        })
        .collect();
    let foreign_keys: Vec<Value> = schema
        .foreign_keys
        .iter()
        .map(|k| {
            let resource = match k.target {
                Target::Lookup(name) => name.to_string(),
                Target::FactsOfYear => resource_name(&super::columns::FACTS, year),
                Target::Itself => String::new(),
            };
            json!({
                "fields": k.fields,
                "reference": { "resource": resource, "fields": k.reference },
            })
        })
        .collect();
    let mut out = json!({ "fields": fields, "missingValues": [""] });
    if !schema.primary_key.is_empty() {
        out["primaryKey"] = json!(schema.primary_key);
    }
    if !foreign_keys.is_empty() {
        out["foreignKeys"] = json!(foreign_keys);
    }
    out
}

/// ", trừ gia_tri_in": the columns the JSON leaves out, if any.
fn csv_only_note(schema: &Schema) -> String {
    let names: Vec<&str> = schema
        .columns
        .iter()
        .filter(|c| c.csv_only)
        .map(|c| c.name)
        .collect();
    if names.is_empty() {
        String::new()
    } else {
        format!(", trừ {}", names.join(", "))
    }
}

/// The CSV resource of a file and the JSON resource of the same rows.
fn resources_of(schema: &Schema, year: Option<i32>) -> [Value; 2] {
    let name = resource_name(schema, year);
    let title = match year {
        Some(y) => format!("{} năm {y}", schema.title),
        None => schema.title.to_string(),
    };
    let csv = paths::open_data_file(schema.name, year, "csv");
    let json_path = paths::open_data_file(schema.name, year, "json");
    [
        json!({
            "profile": "tabular-data-resource",
            "name": name,
            "path": paths::file_name(&csv),
            "title": title,
            "description": schema.about,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8-sig",
            "dialect": { "delimiter": ",", "quoteChar": "\"", "header": true },
            "schema": table_schema(schema, year),
        }),
        json!({
            "profile": "data-resource",
            "name": format!("{name}-json"),
            "path": paths::file_name(&json_path),
            "title": format!("{title} (JSON)"),
            "description": format!(
                "Cùng các dòng với {}: tên các cột trong `columns` (như CSV{}), \
                 mỗi dòng là một mảng trong `rows`; ô trống là null, và một dòng \
                 dừng sau ô cuối cùng có giá trị (các ô sau đó là null).{}",
                paths::file_name(&csv),
                csv_only_note(schema),
                if schema.yearly {
                    " Các cột mã có trong `dictionaries` (kỳ, đơn vị, chỉ số, văn bản…) \
                     ghi mỗi giá trị một lần trong danh sách `dictionaries[<cột>]`; \
                     ô của dòng là vị trí của giá trị trong danh sách đó, tính từ 0."
                } else {
                    ""
                }
            ),
            "format": "json",
            "mediatype": "application/json",
            "encoding": "utf-8",
        }),
    ]
}

/// `datapackage.json`: the licence, then a resource for every CSV and
/// JSON file (the yearly ones newest year first, as on the data page).
pub fn datapackage(model: &Model, years: &[i32]) -> Vec<u8> {
    let site = &model.site;
    let mut license = json!({ "name": site.license.id, "title": site.license.title });
    if let Some(url) = web_address(&site.license.url) {
        license["path"] = json!(url);
    }
    let mut resources = Vec::new();
    for schema in ALL {
        if schema.yearly {
            for year in years.iter().rev() {
                resources.extend(resources_of(schema, Some(*year)));
            }
        } else {
            resources.extend(resources_of(schema, None));
        }
    }
    let package = json!({
        "profile": "tabular-data-package",
        "name": "ket-qua-bo-chi-so-766",
        "title": site.title,
        "description": site.description.clone().unwrap_or_default(),
        "licenses": [license],
        "contributors": [{ "title": site.publisher, "role": "publisher" }],
        "resources": resources,
    });
    let mut out = serde_json::to_vec_pretty(&package).unwrap_or_default();
    out.push(b'\n');
    out
}
