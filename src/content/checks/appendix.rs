//! An appendix table: its columns (rate and count indicators, targets,
//! footnotes, the status column) and one figure per cell of each row.

use super::check_measure_value;
use super::dispatch::{cell_text, DispatchChecker};
use crate::diagnostics::Diagnostics;
use crate::model::{
    Appendix, FigureSource, FigureValue, IndicatorEntry, Measure, Period, Row, Status, Target,
};
use crate::suggest::fold;
use crate::tr;
use std::collections::HashSet;
use std::sync::Arc;

/// An appendix table as its rows are checked.
struct Table<'t> {
    app: &'t Appendix,
    /// Its field path: `appendices[0]`.
    at: String,
    period: &'t Period,
    /// Each column's indicator, where it is known.
    columns: Vec<Option<IndicatorEntry>>,
    status_col: Option<usize>,
    targets: Vec<Option<Arc<Target>>>,
}

impl DispatchChecker<'_> {
    pub(super) fn check_appendix(
        &mut self,
        app: &Appendix,
        a: usize,
        period: &Period,
        diags: &mut Diagnostics,
    ) {
        let at = format!("appendices[{a}]");
        let columns = self.check_columns(app, &at, diags);
        let status_col = self.status_column(app, &at, diags);
        // The target in force in each column, shared by its figures.
        let targets: Vec<Option<Arc<Target>>> = app
            .columns
            .iter()
            .enumerate()
            .map(|(c, col)| {
                let ind = columns.get(c).and_then(Option::as_ref);
                col.target
                    .clone()
                    .or_else(|| ind.and_then(|i| i.target.clone()))
                    .map(Arc::new)
            })
            .collect();
        let table = Table {
            app,
            at,
            period,
            columns,
            status_col,
            targets,
        };
        let mut seen_units = HashSet::new();
        for (r, row) in app.rows.iter().enumerate() {
            self.check_row(&table, r, row, &mut seen_units, diags);
        }
    }

    /// Each column's indicator (a rate or count), target and footnotes.
    fn check_columns(
        &self,
        app: &Appendix,
        at: &str,
        diags: &mut Diagnostics,
    ) -> Vec<Option<IndicatorEntry>> {
        let mut columns = Vec::new();
        for (c, col) in app.columns.iter().enumerate() {
            let ind = self.indicator(
                &col.indicator,
                &format!("{at}.columns[{c}].indicator"),
                diags,
            );
            if let (Some(ind), Some(t)) = (ind, &col.target) {
                check_measure_value(
                    ind,
                    &t.at_least,
                    None,
                    self.src,
                    &format!("{at}.columns[{c}].target.at_least"),
                    diags,
                );
            }
            if ind.is_some_and(|i| i.measure == Measure::Points) {
                diags.push(
                    self.src
                        .error(
                            &format!("{at}.columns[{c}].indicator"),
                            tr!("cột của phụ lục ghi tỷ lệ và số đếm, không ghi điểm chỉ số", "appendix columns hold rates and counts, not index points"),
                        )
                        .with_hint(tr!("dùng một chỉ tiêu tỷ lệ (percent) hoặc số đếm (count) trong indicators.yaml", "use a percent or count indicator from indicators.yaml")),
                );
            }
            for (k, mark) in col.footnotes.iter().enumerate() {
                if !app.footnotes.iter().any(|f| &f.mark == mark) {
                    diags.push(
                        self.src
                            .error(
                                &format!("{at}.columns[{c}].footnotes[{k}]"),
                                tr!(
                                    "phụ lục này không có chú thích `{mark}`",
                                    "no footnote `{mark}` in this appendix"
                                ),
                            )
                            .with_hint(tr!(
                                "thêm chú thích đó vào `footnotes:` cùng nội dung của nó",
                                "add it under `footnotes:` with its text"
                            )),
                    );
                }
            }
            columns.push(ind.cloned());
        }
        columns
    }

    /// The column the printed status belongs to: one at most.
    fn status_column(&self, app: &Appendix, at: &str, diags: &mut Diagnostics) -> Option<usize> {
        let status_cols: Vec<usize> = app
            .columns
            .iter()
            .enumerate()
            .filter(|(_, c)| c.has_status)
            .map(|(i, _)| i)
            .collect();
        if status_cols.len() > 1 {
            diags.push(
                self.src
                    .error(
                        &format!("{at}.columns"),
                        tr!(
                            "chỉ một cột được ghi tình trạng hoàn thành",
                            "only one column can carry the published status"
                        ),
                    )
                    .with_hint(tr!(
                        "chỉ giữ `has_status: true` ở cột mà tình trạng trên văn bản nói đến",
                        "keep `has_status: true` on the column the printed status refers to"
                    )),
            );
        }
        status_cols.first().copied()
    }

    /// One row: its unit (once per table), printed name, one value per
    /// column, status; a figure per cell.
    fn check_row<'t>(
        &mut self,
        table: &Table<'t>,
        r: usize,
        row: &'t Row,
        seen_units: &mut HashSet<&'t str>,
        diags: &mut Diagnostics,
    ) {
        let Table {
            app,
            at,
            period,
            columns,
            status_col,
            targets,
        } = table;
        let status_col = *status_col;
        let rat = format!("{at}.rows[{r}]");
        let unit_ok = self.unit(&row.unit, &format!("{rat}.unit"), Some(period), diags);
        if unit_ok && !seen_units.insert(&row.unit) {
            diags.push(
                self.src
                    .error(
                        &format!("{rat}.unit"),
                        tr!(
                            "`{}` có hai dòng trong phụ lục này",
                            "`{}` has two rows in this appendix",
                            row.unit
                        ),
                    )
                    .with_hint(tr!(
                        "đối chiếu mã đơn vị của dòng này với tên in trên văn bản",
                        "check the unit id of this row against the printed name"
                    )),
            );
        }
        if let (Some(printed), Ok(u)) = (&row.printed_name, self.cat.resolve_unit(&row.unit)) {
            let f = fold(printed);
            if fold(&u.name) != f && !u.aliases.iter().any(|al| fold(al) == f) {
                diags.push(
                    self.src
                        .warning(
                            &format!("{rat}.printed_name"),
                            tr!(
"`{printed}` không phải tên đã biết của `{}` ({})",
"`{printed}` is not a known name of `{}` ({})", u.id, u.name),
                        )
                        .with_hint(
                            tr!("kiểm tra lại đơn vị, hoặc thêm tên in trên văn bản vào `aliases` của đơn vị đó trong units.yaml", "check the unit, or add the printed name to its aliases in units.yaml"),
                        ),
                );
            }
        }
        if row.values.len() != app.columns.len() {
            diags.push(
                self.src
                    .error(
                        &format!("{rat}.values"),
                        tr!(
                            "có {} giá trị cho {} cột",
                            "{} values for {} columns",
                            row.values.len(),
                            app.columns.len()
                        ),
                    )
                    .with_hint(tr!(
                        "ghi mỗi cột một giá trị, theo thứ tự cột; ô trống thì ghi `~`",
                        "give one value per column, in order; `~` for a blank cell"
                    )),
            );
        }
        if row.status.is_some() && status_col.is_none() {
            diags.push(self.src.error(&format!("{rat}.status"), tr!("phụ lục này không có cột tình trạng", "this appendix has no status column"))
                .with_hint(tr!("đặt `has_status: true` ở cột có tình trạng, hoặc xoá `status`", "set `has_status: true` on the column the status belongs to, or remove the status")));
        }
        for (c, cell) in row.values.iter().enumerate() {
            let field = format!("{rat}.values[{c}]");
            let (Some(col), Some(Some(ind))) = (app.columns.get(c), columns.get(c)) else {
                continue;
            };
            let value = match cell {
                crate::model::Cell::Value { value } => {
                    check_measure_value(ind, value, None, self.src, &field, diags);
                    FigureValue::Value { value: *value }
                }
                crate::model::Cell::NotApplicable { reason } => FigureValue::NotApplicable {
                    reason: reason.clone(),
                },
                crate::model::Cell::NotPublished { reason } => FigureValue::NotPublished {
                    reason: reason.clone(),
                },
            };
            let mut f = self.figure(
                period,
                &row.unit,
                &col.indicator,
                value,
                FigureSource::Appendix {
                    number: self.id(&app.number),
                    row: self.id(&row.no),
                },
            );
            f.target = targets.get(c).cloned().flatten();
            if status_col == Some(c) {
                f.status = row.status;
                if let (Some(met), Some(status)) = (f.meets_target(), row.status) {
                    let printed_met = status == Status::Met;
                    if met != printed_met {
                        let t = f
                            .target
                            .as_ref()
                            .map_or(String::new(), |t| t.at_least.to_string());
                        diags.push(self.src.warning(&format!("{rat}.status"), tr!(
"văn bản ghi `{}` nhưng {} {} chỉ tiêu tối thiểu {t}",
"printed `{}` but {} {} the target of at least {t}",
                            if printed_met { "Hoàn thành" } else { "Chưa hoàn thành" },
                            cell_text(cell),
                            if met { "meets" } else { "misses" }
                        )).with_hint(tr!("tình trạng được giữ đúng như văn bản in; hãy đối chiếu với bản gốc", "the published status is kept as printed; check it against the original")));
                    }
                }
            }
            if unit_ok {
                self.figures.push(f);
            }
        }
    }
}
