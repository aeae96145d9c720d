//! The rows of each open data file, gathered from the model: cells as
//! text, in the order of the file's columns ([`super::columns`]); an empty
//! cell is a value not given.

use super::columns::RESULTS_TABLE;
use crate::model::catalog::Level;
use crate::model::{
    Dispatch, Figure, FigureSource, FigureValue, Measure, Model, Num, Period, Status, TOTAL,
};
use std::borrow::Cow;

/// One row: a cell per column.
pub type Cells<'a> = Vec<Cow<'a, str>>;

/// A number for machines: a decimal point, the printed decimals kept
/// (`55.02`, `8.0`).
pub fn machine(n: &Num) -> String {
    crate::vi::fixed(n.value, n.decimals)
}

/// A number as the document prints it (`55,02`, `8,0`, `1.038`).
pub fn printed(n: &Num) -> String {
    n.to_string()
}

fn opt<T>(value: Option<T>, f: impl FnOnce(T) -> String) -> Cow<'static, str> {
    value.map_or(Cow::Borrowed(""), |v| Cow::Owned(f(v)))
}

/// The table a figure is printed in: `ket-qua` or the appendix number;
/// and its row as printed (none in the results).
pub fn table_and_row(source: &FigureSource) -> (&str, &str) {
    match source {
        FigureSource::Results => (RESULTS_TABLE, ""),
        FigureSource::Appendix { number, row } => (number, row),
    }
}

/// The results' grade and change, printed with the total of the unit the
/// results are of.
fn results_of<'a>(model: &'a Model, f: &Figure) -> Option<&'a crate::model::Results> {
    if f.source != FigureSource::Results || &*f.indicator != TOTAL {
        return None;
    }
    let results = model.dispatch(&f.dispatch)?.file.results.as_ref()?;
    (results.unit == *f.unit).then_some(results)
}

/// A figure's row of `ket-qua-<year>`, in [`columns::FACTS`] order.
pub fn fact<'a>(model: &'a Model, f: &'a Figure) -> Cells<'a> {
    (0..FACT_COLUMNS).map(|c| fact_cell(model, f, c)).collect()
}

/// How many cells [`fact`] gives.
pub const FACT_COLUMNS: usize = 20;

/// Cell `column` of a figure's [`fact`] row alone: a chart's CSV needs a
/// few of the twenty, and the others cost a lookup or a number printed.
pub fn fact_cell<'a>(model: &'a Model, f: &'a Figure, column: usize) -> Cow<'a, str> {
    let change = || results_of(model, f).and_then(|r| r.change.as_ref());
    match column {
        0 => f.period.to_string().into(),
        1 => Cow::Borrowed(&*f.unit),
        2 => Cow::Borrowed(&*f.indicator),
        3 => Cow::Borrowed(&*f.dispatch),
        4 => table_and_row(&f.source).0.into(),
        5 => table_and_row(&f.source).1.into(),
        6 => match &f.value {
            FigureValue::Value { .. } => "gia_tri",
            FigureValue::NotApplicable { .. } => "khong_ap_dung",
            FigureValue::NotPublished { .. } => "chua_cong_bo",
        }
        .into(),
        7 => opt(f.value.num().as_ref(), machine),
        8 => opt(f.value.num().as_ref(), printed),
        9 => opt(f.max.as_ref(), machine),
        10 => status(f.status).into(),
        11 => opt(f.target.as_ref(), |t| machine(&t.at_least)),
        12 => opt(f.rank, |r| r.to_string()),
        13 => opt(f.national_average.as_ref(), machine),
        14 => opt(f.rate.as_ref(), machine),
        15 => match &f.value {
            FigureValue::Value { .. } => "".into(),
            FigureValue::NotApplicable { reason } => reason.as_str().into(),
            FigureValue::NotPublished { reason } => reason.as_deref().unwrap_or_default().into(),
        },
        16 => results_of(model, f)
            .and_then(|r| r.grade.as_deref())
            .unwrap_or_default()
            .into(),
        17 => opt(change().and_then(|c| c.points.as_ref()), machine),
        18 => opt(change().and_then(|c| c.rank), |r| r.to_string()),
        19 => opt(change().and_then(|c| c.since), |p| p.to_string()),
        _ => "".into(),
    }
}

pub fn status(s: Option<Status>) -> &'static str {
    match s {
        Some(Status::Met) => "Hoàn thành",
        Some(Status::NotMet) => "Chưa hoàn thành",
        None => "",
    }
}

/// The detail rows of every document's results, each with the year of its
/// period, in the order of the documents and of the groups.
pub fn details(model: &Model) -> Vec<(i32, Cells<'_>)> {
    let mut out = Vec::new();
    for d in &model.dispatches {
        let (Some(results), Some(period)) = (&d.file.results, d.file.period) else {
            continue;
        };
        for g in &results.groups {
            for (n, detail) in g.details.iter().enumerate() {
                let cells: Cells = vec![
                    period.to_string().into(),
                    results.unit.as_str().into(),
                    g.indicator.as_str().into(),
                    d.slug.as_str().into(),
                    RESULTS_TABLE.into(),
                    (n + 1).to_string().into(),
                    detail.label.as_str().into(),
                    opt(detail.count, |c| c.0.to_string()),
                    opt(detail.of, |c| c.0.to_string()),
                    detail.count_unit.as_deref().unwrap_or_default().into(),
                    opt(detail.percent.as_ref(), machine),
                    opt(detail.percent.as_ref(), printed),
                ];
                out.push((period.end().year(), cells));
            }
        }
    }
    out
}

/// The level units are compared at.
fn level(l: Level) -> &'static str {
    match l {
        Level::Country => "ca_nuoc",
        Level::Province => "tinh",
        Level::Department => "so_nganh",
        Level::District => "huyen",
        Level::Commune => "xa",
    }
}

/// A value of a content enum as the content format writes it
/// (`department`, `monthly-results`).
fn content_name<T: serde::Serialize>(value: &T) -> Cow<'static, str> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s.into(),
        _ => "".into(),
    }
}

/// The rows of `don-vi`, in the order of `units.yaml`.
pub fn units(model: &Model) -> Vec<Cells<'_>> {
    model
        .units
        .iter()
        .map(|u| {
            let e = &u.entry;
            vec![
                e.id.as_str().into(),
                e.name.as_str().into(),
                e.short_name.as_deref().unwrap_or_default().into(),
                content_name(&e.kind),
                level(e.kind.level()).into(),
                e.codes
                    .get("dvcqg")
                    .map(String::as_str)
                    .unwrap_or_default()
                    .into(),
                e.parent.as_deref().unwrap_or_default().into(),
                opt(e.valid_from, |d| d.to_string()),
                opt(e.valid_to, |d| d.to_string()),
                e.successors.join(" ").into(),
                e.change_note.as_deref().unwrap_or_default().into(),
            ]
        })
        .collect()
}

/// The rows of `chi-so`, in the order of `indicators.yaml`.
pub fn indicators(model: &Model) -> Vec<Cells<'_>> {
    model
        .indicators
        .iter()
        .map(|i| {
            vec![
                i.id.as_str().into(),
                i.name.as_str().into(),
                i.short_name.as_deref().unwrap_or_default().into(),
                match i.measure {
                    Measure::Points => "diem",
                    Measure::Percent => "phan_tram",
                    Measure::Count => "so_luong",
                }
                .into(),
                match i.direction {
                    crate::model::Direction::HigherIsBetter => "cao_hon_tot",
                    crate::model::Direction::LowerIsBetter => "thap_hon_tot",
                }
                .into(),
                i.count_unit.as_deref().unwrap_or_default().into(),
                opt(i.target.as_ref(), |t| machine(&t.at_least)),
            ]
        })
        .collect()
}

/// What the open data says of a period: its kind, its first and last day,
/// and its cut-off when it has one. Every kind of period is named here.
pub fn period_cells(p: &Period) -> Cells<'static> {
    let kind = match p {
        Period::Month { .. } => "thang",
        Period::Quarter { .. } => "quy",
        Period::Half { .. } => "nua_nam",
        Period::Year { .. } => "nam",
        Period::Week { .. } => "tuan",
        Period::Range { .. } => "khoang",
        Period::YearToDate { .. } => "tu_dau_nam",
        Period::PortalWeek { .. } => "tuan_cong",
    };
    vec![
        p.to_string().into(),
        crate::vi::format_period(p).into(),
        kind.into(),
        p.start().to_string().into(),
        p.end().to_string().into(),
        opt(cut_off(p), |c| c),
    ]
}

/// The cut-off of a year to date: its day, and its hour when the source
/// gives one (`2025-11-20T16:00`). Other kinds end on their last day.
fn cut_off(p: &Period) -> Option<String> {
    match p {
        Period::YearToDate { to, at: Some(t) } => Some(format!("{to}T{t}")),
        Period::YearToDate { to, at: None } => Some(to.to_string()),
        Period::Month { .. }
        | Period::Quarter { .. }
        | Period::Half { .. }
        | Period::Year { .. }
        | Period::Week { .. }
        | Period::Range { .. }
        | Period::PortalWeek { .. } => None,
    }
}

/// Every period a file names: of the figures, of the documents, and the
/// ones a change is compared with; oldest first.
pub fn periods(model: &Model) -> Vec<Period> {
    let mut all = model.periods();
    all.extend(
        model
            .dispatches
            .iter()
            .filter_map(|d| d.file.results.as_ref()?.change.as_ref()?.since),
    );
    all.sort_by_key(|p| (p.sort_key(), *p));
    all.dedup();
    all
}

/// The rows of `van-ban`, in the order of the documents.
pub fn documents(model: &Model) -> Vec<Cells<'_>> {
    model
        .dispatches
        .iter()
        .map(|d| {
            let c = d.citation();
            vec![
                c.slug.into(),
                content_name(&c.kind),
                opt(c.number, |n| n.0.to_string()),
                c.symbol.unwrap_or_default().into(),
                c.number_text().into(),
                opt(c.date, |d| d.to_string()),
                opt(c.captured_at, |m| format!("{}T{}", m.date, m.time)),
                c.issuer.into(),
                c.title.or(c.subject).unwrap_or_default().into(),
                d.file.url.as_deref().unwrap_or_default().into(),
                opt(c.period, |p| p.to_string()),
                opt(c.data_as_of, |d| d.to_string()),
            ]
        })
        .collect()
}

/// The rows of `bang`: each document's results (when it has any figure
/// there) and appendices.
pub fn tables(model: &Model) -> Vec<Cells<'_>> {
    let mut out = Vec::new();
    for d in &model.dispatches {
        if let Some(rows) = results_rows(model, d) {
            out.push(vec![
                d.slug.as_str().into(),
                RESULTS_TABLE.into(),
                "Kết quả nêu trong nội dung văn bản".into(),
                rows.to_string().into(),
            ]);
        }
        for a in &d.file.appendices {
            out.push(vec![
                d.slug.as_str().into(),
                a.number.as_str().into(),
                a.title.as_str().into(),
                a.rows.len().to_string().into(),
            ]);
        }
    }
    out
}

/// The number of units the results give figures of, when they give any.
fn results_rows(model: &Model, d: &Dispatch) -> Option<usize> {
    let mut units: Vec<&str> = model
        .figures_of_dispatch(&d.slug)
        .into_iter()
        .filter(|f| f.source == FigureSource::Results)
        .map(|f| &*f.unit)
        .collect();
    units.sort_unstable();
    units.dedup();
    (!units.is_empty()).then_some(units.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;
    use crate::site::pages::open_data::columns;

    #[test]
    fn every_row_has_a_cell_per_column() {
        let p = Period::Range {
            from: Date::ymd(2025, 1, 1).unwrap(),
            to: Date::ymd(2025, 8, 15).unwrap(),
        };
        let cells = period_cells(&p);
        assert_eq!(cells.len(), columns::PERIODS.columns.len());
        assert_eq!(cells[2], "khoang");
        assert_eq!(cells[3], "2025-01-01");
        assert_eq!(cells[4], "2025-08-15");
    }

    #[test]
    fn a_fact_row_has_a_cell_per_column_of_the_fact_files() {
        assert_eq!(FACT_COLUMNS, columns::FACTS.columns.len());
    }
}
