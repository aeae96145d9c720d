//! A field path in words an editor can find in the document:
//! `appendices[0].rows[15].values[2]` → "Phụ lục I, dòng STT 16 (dòng thứ
//! 16 của bảng), cột 3 “Tỷ lệ …”". Printed numbers (the appendix's number,
//! the row's STT, the column's heading, a unit's id) are read from the
//! file's YAML tree where it has them; otherwise positions count from 1.

use crate::lang::Text;
use crate::tr;
use serde_yaml::Value;

/// `path` in words, or None for a top-level field (the key alone says it).
pub fn describe(tree: Option<&Value>, path: &str) -> Option<Text> {
    let segs = segments(path);
    if !segs.iter().any(|s| matches!(s, Seg::Index(_))) {
        // Keys only (`signature.name`): the path itself finds it.
        return (segs.len() > 1).then(|| tr!("trường `{path}`", "field `{path}`"));
    }
    let mut parts: Vec<Text> = Vec::new();
    let mut node = tree;
    let mut key: &str = "";
    // The appendix a row belongs to: its columns name a row's cells.
    let mut appendix: Option<&Value> = None;
    // The keys since the last index: `partial.of` of `appendices[2].partial.of`
    // (`of` alone could be a column's).
    let last_index = segs
        .iter()
        .rposition(|s| matches!(s, Seg::Index(_)))
        .unwrap_or(0);
    for (n, seg) in segs.iter().enumerate() {
        match seg {
            Seg::Key(k) => {
                node = node.and_then(|v| v.get(*k));
                if n + 1 == segs.len() {
                    let keys: Vec<&str> = segs[last_index + 1..]
                        .iter()
                        .filter_map(|s| match s {
                            Seg::Key(k) => Some(*k),
                            Seg::Index(_) => None,
                        })
                        .collect();
                    // English prints the path beside the place already.
                    parts.push(Text::new(format!("trường `{}`", keys.join(".")), ""));
                }
                key = k;
            }
            Seg::Index(i) => {
                node = node.and_then(|v| v.get(*i));
                if key == "appendices" {
                    appendix = node;
                }
                let heading = (key == "values")
                    .then(|| appendix?.get("columns")?.get(*i)?.get("heading"))
                    .flatten()
                    .and_then(scalar);
                parts.push(item(key, *i, node, heading));
            }
        }
    }
    let join = |pick: fn(&Text) -> &str| {
        parts
            .iter()
            .map(pick)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    };
    Some(Text::new(join(|t| &t.vi), join(|t| &t.en)))
}

/// One item of the list `key`, with the printed number that finds it.
fn item(key: &str, i: usize, node: Option<&Value>, heading: Option<String>) -> Text {
    let n = i + 1;
    let text = |field: &str| {
        node.and_then(|v| v.get(field))
            .and_then(scalar)
            .filter(|s| !s.trim().is_empty())
    };
    match key {
        "appendices" => match text("number") {
            Some(no) => tr!("Phụ lục {no}", "appendix {no}"),
            None => tr!("phụ lục thứ {n}", "appendix {n}"),
        },
        "rows" => match text("no") {
            Some(no) if no.trim() == n.to_string() => {
                tr!(
                    "dòng STT {no} (dòng thứ {n} của bảng)",
                    "row no. {no} (row {n} of the table)"
                )
            }
            Some(no) => tr!(
                "dòng STT {no} (dòng thứ {n} của bảng, đếm từ 1)",
                "row no. {no} (row {n} of the table, counted from 1)"
            ),
            None => tr!("dòng thứ {n} của bảng", "row {n} of the table"),
        },
        "values" => match heading {
            Some(h) => tr!(
                "cột số liệu thứ {n} “{}”",
                "figure column {n} “{}”",
                short(&h)
            ),
            None => tr!("cột số liệu thứ {n}", "figure column {n}"),
        },
        "columns" => match text("heading") {
            Some(h) => tr!("cột {n} “{}”", "column {n} “{}”", short(&h)),
            None => tr!("cột {n}", "column {n}"),
        },
        "groups" => match text("indicator") {
            Some(id) => tr!("nhóm chỉ số `{id}`", "index group `{id}`"),
            None => tr!("nhóm chỉ số thứ {n}", "index group {n}"),
        },
        "details" => match text("label") {
            Some(l) => tr!("chi tiết thứ {n} “{}”", "detail {n} “{}”", short(&l)),
            None => tr!("chi tiết thứ {n}", "detail {n}"),
        },
        "units" => match text("id") {
            Some(id) => tr!("đơn vị `{id}` (mục thứ {n})", "unit `{id}` (item {n})"),
            None => tr!("đơn vị thứ {n}", "unit {n}"),
        },
        "indicators" => match text("id") {
            Some(id) => tr!(
                "chỉ tiêu `{id}` (mục thứ {n})",
                "indicator `{id}` (item {n})"
            ),
            None => tr!("chỉ tiêu thứ {n}", "indicator {n}"),
        },
        "schemes" => match text("id") {
            Some(id) => tr!("bộ chỉ số `{id}`", "scheme `{id}`"),
            None => tr!("bộ chỉ số thứ {n}", "scheme {n}"),
        },
        "recipients" => tr!("nơi nhận thứ {n}", "recipient {n}"),
        "legal_basis" => tr!("căn cứ thứ {n}", "legal basis {n}"),
        "distribution" => tr!("nơi gửi thứ {n}", "distribution {n}"),
        "mentions" => tr!("đơn vị được nêu tên thứ {n}", "mention {n}"),
        "notes" => tr!("ghi chú thứ {n}", "note {n}"),
        "footnotes" => tr!("chú thích thứ {n}", "footnote {n}"),
        "titles" => tr!("chức danh thứ {n}", "title {n}"),
        "aliases" => tr!("tên gọi khác thứ {n}", "alias {n}"),
        "successors" => tr!("đơn vị kế thừa thứ {n}", "successor {n}"),
        "header" => tr!("dòng tiêu đề thứ {n}", "header line {n}"),
        "parts" => tr!("thành phần thứ {n}", "part {n}"),
        "" => tr!("mục thứ {n}", "item {n}"),
        k => tr!("mục thứ {n} của `{k}`", "item {n} of `{k}`"),
    }
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A heading or label shortened to what finds it.
fn short(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= 40 {
        s
    } else {
        let head: String = s.chars().take(39).collect();
        format!("{}…", head.trim_end())
    }
}

enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

fn segments(path: &str) -> Vec<Seg<'_>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            out.push(Seg::Key(key));
        }
        for idx in rest.split('[').filter(|s| !s.is_empty()) {
            if let Ok(i) = idx.trim_end_matches(']').parse() {
                out.push(Seg::Index(i));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> Value {
        serde_yaml::from_str(
            "appendices:\n  - number: I\n    columns:\n      - heading: Tỷ lệ hồ sơ\n      - heading: Số hồ sơ\n    rows:\n      - no: '1'\n        values: [1]\n      - no: 2a\n        values: [1, 2]\n",
        )
        .unwrap()
    }

    #[test]
    fn a_cell_names_the_appendix_the_stt_and_the_column() {
        let t = tree();
        let p = describe(Some(&t), "appendices[0].rows[1].values[1]").unwrap();
        assert_eq!(
            p.vi,
            "Phụ lục I, dòng STT 2a (dòng thứ 2 của bảng, đếm từ 1), cột số liệu thứ 2 “Số hồ sơ”"
        );
        let p = describe(Some(&t), "appendices[0].rows[0].status").unwrap();
        assert_eq!(
            p.vi,
            "Phụ lục I, dòng STT 1 (dòng thứ 1 của bảng), trường `status`"
        );
        assert_eq!(p.en, "appendix I, row no. 1 (row 1 of the table)");
        let p = describe(Some(&t), "appendices[0].columns[0].indicator").unwrap();
        assert_eq!(p.vi, "Phụ lục I, cột 1 “Tỷ lệ hồ sơ”, trường `indicator`");
        // Every key after the last item: `of` alone could be a column's.
        let p = describe(Some(&t), "appendices[0].partial.of").unwrap();
        assert_eq!(p.vi, "Phụ lục I, trường `partial.of`");
    }

    #[test]
    fn without_the_tree_positions_count_from_one() {
        let p = describe(None, "appendices[2].rows[4]").unwrap();
        assert_eq!(p.vi, "phụ lục thứ 3, dòng thứ 5 của bảng");
        assert!(describe(None, "period").is_none());
        assert_eq!(
            describe(None, "signature.name").unwrap().vi,
            "trường `signature.name`"
        );
    }
}
