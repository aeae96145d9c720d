//! One-sentence Vietnamese summaries for `<desc>`: the figures as published
//! (not clamped), so a screen reader hears what the chart shows. They do
//! not repeat the chart's title, which a screen reader reads just before
//! (the chart is named by its title, then described).

use super::scale::{datum_value_long, value_long};
use super::text::clean;
use super::{BarChart, Break, Datum, LineChart, Scale};

/// `text` with its first letter in upper case: a sentence of its own.
fn sentence(text: String) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

/// The summary of a line chart: its first series, plus the second series'
/// last figure.
pub(crate) fn line(c: &LineChart) -> String {
    let scale = &c.scale;
    let labels: Vec<String> = c.x_labels.iter().map(|l| clean(l)).collect();
    let n = labels.len();
    let data = |s: usize, i: usize| -> Datum {
        c.series
            .get(s)
            .and_then(|s| s.data.get(i))
            .copied()
            .unwrap_or(Datum::Missing)
    };
    let mut out = match n {
        0 => return "Chưa có số liệu.".to_string(),
        1 => labels[0].clone(),
        _ => sentence(crate::vi::from_to(&labels[0], &labels[n - 1])),
    };
    let values: Vec<(usize, f64)> = (0..n)
        .filter_map(|i| data(0, i).value().map(|v| (i, v)))
        .collect();
    let na = (0..n).filter(|&i| data(0, i).is_not_applicable()).count();
    let missing = n - na - values.len();
    // A figure of the first series at month `i`, as printed.
    let v_at = |i: usize, x: f64| {
        datum_value_long(scale, &data(0, i)).unwrap_or_else(|| value_long(scale, x))
    };
    let mut clauses: Vec<String> = Vec::new();
    match values.as_slice() {
        [] if na == n => clauses.push(if n == 1 {
            "không áp dụng".into()
        } else {
            format!("không áp dụng trong cả {n} tháng")
        }),
        [] => clauses.push("chưa có số liệu".into()),
        [(i, x)] if n == 1 => clauses.push(v_at(*i, *x)),
        [(i, x)] => clauses.push(format!("chỉ có số liệu {}: {}", labels[*i], v_at(*i, *x))),
        _ => {
            let (fi, fv) = values[0];
            let (li, lv) = values[values.len() - 1];
            let at = |i: usize, edge: usize| {
                if i == edge {
                    String::new()
                } else {
                    format!(" ({})", labels[i])
                }
            };
            clauses.push(format!(
                "đầu kỳ {}{}, cuối kỳ {}{}",
                v_at(fi, fv),
                at(fi, 0),
                v_at(li, lv),
                at(li, n - 1)
            ));
            // Earliest month wins a tie: stable and easy to check in the table.
            let (hi, hv) = values
                .iter()
                .fold(values[0], |m, &p| if p.1 > m.1 { p } else { m });
            let (lo, lov) = values
                .iter()
                .fold(values[0], |m, &p| if p.1 < m.1 { p } else { m });
            // A rank is better when lower: name the best and the worst.
            let (best, worst) = match scale {
                Scale::Rank { .. } => (("tốt nhất", lo, lov), ("kém nhất", hi, hv)),
                _ => (("cao nhất", hi, hv), ("thấp nhất", lo, lov)),
            };
            clauses.push(format!(
                "{} {} ({}), {} {} ({})",
                best.0,
                v_at(best.1, best.2),
                labels[best.1],
                worst.0,
                v_at(worst.1, worst.2),
                labels[worst.1]
            ));
        }
    }
    if let Some(t) = c.target.filter(|t| t.is_finite()) {
        let met = values.iter().filter(|(_, x)| *x >= t).count();
        let target = value_long(scale, t);
        match values.len() {
            0 => {}
            1 => clauses.push(format!(
                "{} mục tiêu {target}",
                if met == 1 { "đạt" } else { "chưa đạt" }
            )),
            k => clauses.push(format!(
                "đạt mục tiêu {target} trong {met}/{k} tháng có số liệu"
            )),
        }
    }
    if na > 0 && na < n {
        clauses.push(format!("{na} tháng không áp dụng"));
    }
    if missing > 0 && !values.is_empty() {
        clauses.push(format!("{missing} tháng chưa có số liệu"));
    }
    if let Some(s2) = c.series.get(1) {
        if let Some(i) = (0..n).rev().find(|&i| data(1, i).value().is_some()) {
            let x = datum_value_long(scale, &data(1, i)).unwrap_or_default();
            clauses.push(format!("{} {}: {}", clean(&s2.name), labels[i], x));
        }
    }
    out.push_str(": ");
    out.push_str(&clauses.join("; "));
    out.push('.');
    out
}

/// The breaks that fall on an axis of `n` labels: from the first label's
/// period to the last one's.
pub(crate) fn drawn(breaks: &[Break], n: usize) -> impl Iterator<Item = &Break> {
    breaks
        .iter()
        .filter(move |b| n > 0 && b.at >= 0.0 && b.at <= (n - 1) as f64)
}

/// [`line`], then where each drawn break falls: "Sáp nhập 01/7/2025 (giữa
/// 06/2025 và 07/2025)", so that a screen reader hears it too.
pub(crate) fn line_with_breaks(c: &LineChart, breaks: &[Break]) -> String {
    let mut out = line(c);
    let labels: Vec<String> = c.x_labels.iter().map(|l| clean(l)).collect();
    let marks: Vec<String> = drawn(breaks, labels.len())
        .map(|b| {
            let (i, frac) = (b.at.floor() as usize, b.at.fract());
            let label = clean(&b.label);
            match (labels.get(i), labels.get(i + 1)) {
                (Some(a), Some(z)) if frac > 0.0 => format!("{label} (giữa {a} và {z})"),
                (Some(a), _) => format!("{label} (trong kỳ {a})"),
                _ => label,
            }
        })
        .collect();
    if !marks.is_empty() {
        out.push_str(&format!(
            " Đường kẻ dọc đánh dấu thay đổi của đơn vị: {}.",
            marks.join("; ")
        ));
    }
    out
}

/// Names of the units holding `value`: one or two named, more counted.
fn names(units: &[&str]) -> String {
    match units {
        [] => String::new(),
        [a] => a.to_string(),
        [a, b] => format!("{a} và {b}"),
        [a, b, rest @ ..] => format!("{a}, {b} và {} đơn vị khác", rest.len()),
    }
}

/// The summary of a bar chart: range, extremes and how many met the target.
pub(crate) fn bar(c: &BarChart) -> String {
    let scale: &Scale = &c.scale;
    let n = c.bars.len();
    if n == 0 {
        return "Chưa có số liệu.".to_string();
    }
    let labels: Vec<String> = c.bars.iter().map(|b| clean(&b.label)).collect();
    let values: Vec<(usize, f64)> = c
        .bars
        .iter()
        .enumerate()
        .filter_map(|(i, b)| b.value.value().map(|v| (i, v)))
        .collect();
    let na = c
        .bars
        .iter()
        .filter(|b| b.value.is_not_applicable())
        .count();
    let missing = n - na - values.len();
    let mut clauses = vec![format!("{n} đơn vị")];
    if values.is_empty() {
        clauses.push(if na == n {
            "không áp dụng".into()
        } else {
            "chưa có số liệu".into()
        });
    } else {
        let extreme = |better: fn(f64, f64) -> bool| {
            let best = values
                .iter()
                .fold(values[0].1, |m, p| if better(p.1, m) { p.1 } else { m });
            let holders: Vec<usize> = values.iter().filter(|p| p.1 == best).map(|p| p.0).collect();
            let who: Vec<&str> = holders.iter().map(|&i| labels[i].as_str()).collect();
            let text = holders
                .first()
                .and_then(|&i| datum_value_long(scale, &c.bars[i].value))
                .unwrap_or_else(|| value_long(scale, best));
            format!("{text} ({})", names(&who))
        };
        if values.len() == 1 {
            clauses.push(format!(
                "{}: {}",
                labels[values[0].0],
                datum_value_long(scale, &c.bars[values[0].0].value).unwrap_or_default()
            ));
        } else {
            clauses.push(format!(
                "cao nhất {}, thấp nhất {}",
                extreme(|a, b| a > b),
                extreme(|a, b| a < b)
            ));
        }
    }
    let judged: Vec<bool> = c.bars.iter().filter_map(|b| b.met).collect();
    if !judged.is_empty() {
        let met = judged.iter().filter(|m| **m).count();
        let target = match c.target.filter(|t| t.is_finite()) {
            Some(t) => format!("mục tiêu {}", value_long(scale, t)),
            None => "mục tiêu".to_string(),
        };
        clauses.push(format!("{met}/{} đơn vị đạt {target}", judged.len()));
    }
    if na > 0 && na < n {
        clauses.push(format!("{na} đơn vị không áp dụng"));
    }
    if missing > 0 && !values.is_empty() {
        clauses.push(format!("{missing} đơn vị chưa công bố"));
    }
    format!("{}.", clauses.join("; "))
}
