//! Draw the charts of how the build's cost grows (`bench/scaling.sh`),
//! with the site's own line chart (`congkhai::charts`), from the figures
//! that script measured:
//!
//! ```text
//! cargo run --release --example scaling_chart -- bench/scaling.csv bench
//! ```
//!
//! The CSV has a header and the columns `series,label,n,seconds,peak_kb,
//! output_bytes` (`series` is `months` or `provinces`, `n` the number of
//! months or provinces). For each series and measure it writes
//! `<dir>/scaling-<series>-<measure>.svg`: the measure as a share of its
//! value at the largest `n`, beside the share a cost proportional to `n`
//! would have. A measure at or above the proportional line grows linearly
//! or slower.

use congkhai::charts::{line_chart, standalone, Datum, LineChart, Scale, Series};
use std::path::PathBuf;
use std::process::ExitCode;

struct Row {
    series: String,
    label: String,
    n: f64,
    measures: [f64; 3],
}

const MEASURES: [(&str, &str); 3] = [
    ("time", "thời gian build"),
    ("memory", "bộ nhớ đỉnh"),
    ("output", "dung lượng đầu ra"),
];

fn read(path: &PathBuf) -> Result<Vec<Row>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let num = |k: usize| -> Result<f64, String> {
            f.get(k).and_then(|v| v.trim().parse().ok()).ok_or_else(|| {
                format!(
                    "{}:{}: column {} is not a number",
                    path.display(),
                    i + 1,
                    k + 1
                )
            })
        };
        if f.len() < 6 {
            return Err(format!("{}:{}: 6 columns expected", path.display(), i + 1));
        }
        rows.push(Row {
            series: f[0].to_string(),
            label: f[1].to_string(),
            n: num(2)?,
            measures: [num(3)?, num(4)?, num(5)?],
        });
    }
    Ok(rows)
}

fn chart(series: &str, rows: &[&Row], m: usize) -> LineChart {
    let top = rows.iter().map(|r| r.measures[m]).fold(0.0, f64::max);
    let top_n = rows.iter().map(|r| r.n).fold(0.0, f64::max);
    let share = |v: f64, of: f64| {
        if of > 0.0 {
            Datum::Printed(v / of * 100.0, 0)
        } else {
            Datum::Missing
        }
    };
    let (what, per) = MEASURES[m];
    let dimension = if series == "months" {
        "số tháng"
    } else {
        "số tỉnh"
    };
    LineChart {
        title: format!("{} theo {dimension} (% của mức lớn nhất)", capitalized(per)),
        x_labels: rows.iter().map(|r| r.label.clone()).collect(),
        series: vec![
            Series {
                name: format!("{per} đo được"),
                data: rows.iter().map(|r| share(r.measures[m], top)).collect(),
            },
            Series {
                name: format!("tăng tỷ lệ thuận với {dimension}"),
                data: rows.iter().map(|r| share(r.n, top_n)).collect(),
            },
        ],
        scale: Scale::Percent,
        target: None,
        target_label: None,
        id: format!("scaling-{series}-{what}"),
    }
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1).map(PathBuf::from);
    let (Some(csv), Some(dir)) = (args.next(), args.next()) else {
        eprintln!("usage: scaling_chart <scaling.csv> <output folder>");
        return ExitCode::from(2);
    };
    let rows = match read(&csv) {
        Ok(rows) => rows,
        Err(e) => {
            eprintln!("scaling_chart: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut names: Vec<&str> = rows.iter().map(|r| r.series.as_str()).collect();
    names.dedup();
    for series in names {
        let mut group: Vec<&Row> = rows.iter().filter(|r| r.series == series).collect();
        group.sort_by(|a, b| a.n.total_cmp(&b.n));
        for (m, (what, _)) in MEASURES.iter().enumerate() {
            // A file of its own, shown by <img>: it says its font and
            // background (its namespace it always has).
            let svg = standalone(&line_chart(&chart(series, &group, m)));
            let out = dir.join(format!("scaling-{series}-{what}.svg"));
            if let Err(e) = std::fs::write(&out, svg + "\n") {
                eprintln!("scaling_chart: {}: {e}", out.display());
                return ExitCode::FAILURE;
            }
            println!("{}", out.display());
        }
    }
    ExitCode::SUCCESS
}
