//! An appendix table: its columns (what each holds about its indicator:
//! the value, a maximum, a ratio, a rank; targets, footnotes, the status
//! column), its rows (a unit, or a label such as "Bình quân các xã") and
//! one figure per unit row and indicator, built in [`super::row_figures`].

use super::check_measure_value;
use super::dispatch::DispatchChecker;
use crate::diagnostics::Diagnostics;
use crate::model::catalog::{scheme_for, Level};
use crate::model::{
    Appendix, Holds, IndicatorEntry, Measure, Num, Period, Row, Target, UnitKind, TOTAL,
};
use crate::suggest::fold;
use crate::tr;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

/// An appendix table as its rows are checked.
pub(super) struct Table<'t> {
    pub(super) app: &'t Appendix,
    /// Its field path: `appendices[0]`.
    pub(super) at: String,
    pub(super) period: &'t Period,
    pub(super) status_col: Option<usize>,
    pub(super) targets: Vec<Option<Arc<Target>>>,
    /// The columns of each indicator, in the order of their first column:
    /// one figure per row and indicator gathers them.
    pub(super) groups: Vec<Group<'t>>,
}

/// The columns of one indicator in a table.
pub(super) struct Group<'t> {
    pub(super) indicator: &'t str,
    pub(super) entry: Option<IndicatorEntry>,
    /// The column of each kind, by index.
    pub(super) cols: BTreeMap<HoldsKey, usize>,
    /// The maximum of the scheme in force, for index points.
    pub(super) scheme_max: Option<Num>,
    pub(super) scheme: Option<String>,
}

/// [`Holds`] as an ordered key.
pub(super) type HoldsKey = u8;

pub(super) fn key(h: Holds) -> HoldsKey {
    match h {
        Holds::Value => 0,
        Holds::Max => 1,
        Holds::Ratio => 2,
        Holds::Rank => 3,
    }
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
        let groups = self.column_groups(app, &columns, &at, period, diags);
        self.check_partial(app, &at, diags);
        let table = Table {
            app,
            at,
            period,
            status_col,
            targets,
            groups,
        };
        let mut seen_units = HashSet::new();
        let mut peers = HashMap::new();
        let first = self.figures.len();
        for (r, row) in app.rows.iter().enumerate() {
            // The row's path, for the fields of its reports.
            let rat = format!("{}.rows[{r}]", table.at);
            self.check_row(&table, &rat, row, &mut seen_units, diags);
            if row.unit.is_some() {
                self.row_figures(&table, &rat, row, &mut peers, diags);
            } else {
                self.label_row_cells(&table, &rat, row, diags);
            }
        }
        self.national_averages(first);
    }

    /// In a league table, the country's row is the national average of
    /// each province's figure beside it.
    fn national_averages(&mut self, first: usize) {
        let kind = |id: &str| self.cat.resolve_unit(id).ok().map(|u| u.kind);
        let averages: HashMap<crate::model::Id, Num> = self.figures[first..]
            .iter()
            .filter(|f| kind(&f.unit) == Some(UnitKind::Country))
            .filter_map(|f| Some((f.indicator.clone(), f.value.num()?)))
            .collect();
        if averages.is_empty() {
            return;
        }
        let provinces: Vec<usize> = (first..self.figures.len())
            .filter(|&i| kind(&self.figures[i].unit) == Some(UnitKind::Province))
            .collect();
        for i in provinces {
            let f = &mut self.figures[i];
            if f.national_average.is_none() {
                f.national_average = averages.get(&f.indicator).copied();
            }
        }
    }

    /// Each column's indicator, target, footnotes and what it holds.
    fn check_columns(
        &self,
        app: &Appendix,
        at: &str,
        diags: &mut Diagnostics,
    ) -> Vec<Option<IndicatorEntry>> {
        let mut columns = Vec::new();
        for (c, col) in app.columns.iter().enumerate() {
            let cat = format!("{at}.columns[{c}]");
            let ind = self.indicator(&col.indicator, &format!("{cat}.indicator"), diags);
            if let (Some(ind), Some(t)) = (ind, &col.target) {
                check_measure_value(
                    ind,
                    &t.at_least,
                    None,
                    self.src,
                    &|| format!("{cat}.target.at_least"),
                    diags,
                );
            }
            let points = ind.is_some_and(|i| i.measure == Measure::Points);
            if matches!(col.holds, Holds::Max | Holds::Ratio) && ind.is_some() && !points {
                diags.push(
                    self.src
                        .error(
                            &format!("{cat}.holds"),
                            tr!(
                                "cột điểm tối đa hoặc tỷ lệ đạt được chỉ dành cho chỉ tiêu tính bằng điểm",
                                "a maximum or ratio column belongs to an indicator in points"
                            ),
                        )
                        .with_hint(tr!(
                            "đặt `indicator:` là tổng điểm hoặc một nhóm chỉ số; tỷ lệ của chỉ tiêu khác là giá trị của nó (bỏ `holds:`)",
                            "set `indicator:` to the total or a group; another indicator's rate is its value (remove `holds:`)"
                        )),
                );
            }
            if col.of.is_some() && col.holds != Holds::Rank {
                diags.push(
                    self.src
                        .error(
                            &format!("{cat}.of"),
                            tr!(
                                "`of:` chỉ dùng cho cột xếp hạng",
                                "`of:` belongs to a rank column"
                            ),
                        )
                        .with_hint(tr!(
                            "thêm `holds: rank`, hoặc xoá `of:`",
                            "add `holds: rank`, or remove `of:`"
                        )),
                );
            }
            if col.holds != Holds::Value && (col.target.is_some() || col.has_status) {
                diags.push(
                    self.src
                        .error(
                            &format!("{cat}.holds"),
                            tr!(
                                "mục tiêu và tình trạng hoàn thành thuộc cột giá trị, không thuộc cột điểm tối đa, tỷ lệ hay xếp hạng",
                                "a target and the status belong to the value column, not to a maximum, ratio or rank column"
                            ),
                        )
                        .with_hint(tr!(
                            "chuyển `target:`/`has_status:` sang cột giá trị của chỉ tiêu",
                            "move `target:`/`has_status:` to the indicator's value column"
                        )),
                );
            }
            for (k, mark) in col.footnotes.iter().enumerate() {
                if !app.footnotes.iter().any(|f| &f.mark == mark) {
                    diags.push(
                        self.src
                            .error(
                                &format!("{cat}.footnotes[{k}]"),
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

    /// The columns grouped by indicator; one column of each kind at most.
    fn column_groups<'t>(
        &self,
        app: &'t Appendix,
        columns: &[Option<IndicatorEntry>],
        at: &str,
        period: &Period,
        diags: &mut Diagnostics,
    ) -> Vec<Group<'t>> {
        let scheme = scheme_for(&self.cat.schemes, period);
        let mut groups: Vec<Group<'t>> = Vec::new();
        for (c, col) in app.columns.iter().enumerate() {
            let Some(entry) = columns.get(c).cloned().flatten() else {
                continue;
            };
            let i = match groups.iter().position(|g| g.indicator == col.indicator) {
                Some(i) => i,
                None => {
                    let scheme_max = scheme.and_then(|s| {
                        if col.indicator == TOTAL {
                            return Some(s.total_max);
                        }
                        s.groups.iter().find_map(|g| {
                            if g.indicator == col.indicator {
                                return Some(g.max);
                            }
                            g.parts
                                .iter()
                                .find(|p| p.indicator == col.indicator)
                                .map(|p| p.max)
                        })?
                    });
                    let points = entry.measure == Measure::Points;
                    groups.push(Group {
                        indicator: &col.indicator,
                        entry: Some(entry),
                        cols: BTreeMap::new(),
                        scheme_max: scheme_max.filter(|_| points),
                        scheme: scheme.map(|s| s.id.clone()),
                    });
                    groups.len() - 1
                }
            };
            if groups[i].cols.insert(key(col.holds), c).is_some() {
                diags.push(
                    self.src
                        .error(
                            &format!("{at}.columns[{c}].holds"),
                            tr!(
                                "`{}` đã có một cột cùng loại trong phụ lục này",
                                "`{}` already has a column of this kind in this appendix",
                                col.indicator
                            ),
                        )
                        .with_hint(tr!(
                            "mỗi chỉ tiêu có tối đa một cột giá trị, một cột điểm tối đa (`holds: max`), một cột tỷ lệ (`holds: ratio`) và một cột xếp hạng (`holds: rank`)",
                            "an indicator has at most one value column, one maximum (`holds: max`), one ratio (`holds: ratio`) and one rank column (`holds: rank`)"
                        )),
                );
            }
        }
        groups
    }

    /// A partial table names more units than it shows.
    fn check_partial(&self, app: &Appendix, at: &str, diags: &mut Diagnostics) {
        let Some(p) = &app.partial else { return };
        // The country's row is not one of the units ranked.
        let shown = app
            .unit_rows()
            .filter(|(_, u)| {
                self.cat
                    .resolve_unit(u)
                    .map_or(true, |x| x.kind != UnitKind::Country)
            })
            .count() as u64;
        if p.of.0 < shown {
            diags.push(
                self.src
                    .error(
                        &format!("{at}.partial.of"),
                        tr!(
                            "bảng trích {shown} đơn vị nhưng `of:` ghi tổng số là {}",
                            "the extract shows {shown} units but `of:` says the full table has {}",
                            p.of.0
                        ),
                    )
                    .with_hint(tr!(
                        "`of:` là số đơn vị của cả bảng đầy đủ, ví dụ 150 trong \"13 trên khoảng 150 đơn vị\"",
                        "`of:` is the number of units of the full table, e.g. 150 in \"13 of about 150 units\""
                    )),
            );
        }
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

    /// One row: a unit (once per table) or a label, its printed name, one
    /// value per column, its status.
    fn check_row<'t>(
        &mut self,
        table: &Table<'t>,
        rat: &str,
        row: &'t Row,
        seen_units: &mut HashSet<&'t str>,
        diags: &mut Diagnostics,
    ) {
        let Table {
            app,
            period,
            status_col,
            ..
        } = table;
        match (&row.unit, &row.label) {
            (Some(_), Some(_)) => diags.push(
                self.src
                    .error(
                        &format!("{rat}.label"),
                        tr!(
                            "một dòng có `unit:` hoặc `label:`, không có cả hai",
                            "a row has a `unit:` or a `label:`, not both"
                        ),
                    )
                    .with_hint(tr!(
                        "dòng của một đơn vị ghi `unit:` (tên in khác thì ghi `printed_name:`); dòng như \"Bình quân các xã\" ghi `label:`",
                        "a unit's row has `unit:` (a different printed name goes in `printed_name:`); a row such as \"Bình quân các xã\" has `label:`"
                    )),
            ),
            (None, None) => diags.push(
                self.src
                    .error(
                        rat,
                        tr!(
                            "dòng thiếu `unit:` (mã đơn vị) hoặc `label:` (dòng không phải đơn vị)",
                            "the row needs `unit:` (a unit id) or `label:` (a row that is not a unit)"
                        ),
                    )
                    .with_hint(tr!(
                        "ví dụ `unit: so-tu-phap`, hoặc `label: Bình quân các xã`",
                        "e.g. `unit: so-tu-phap`, or `label: Bình quân các xã`"
                    )),
            ),
            (None, Some(l)) if l.trim().is_empty() => diags.push(
                self.src
                    .error(
                        &format!("{rat}.label"),
                        tr!("nhãn dòng để trống", "the row's label is empty"),
                    )
                    .with_hint(tr!(
                        "ghi nhãn đúng như văn bản in, ví dụ \"Bình quân các xã\"",
                        "write the label as printed, e.g. \"Bình quân các xã\""
                    )),
            ),
            _ => {}
        }
        if let Some(unit) = row.unit.as_deref() {
            let unit_ok = self.unit(unit, &|| format!("{rat}.unit"), Some(period), diags);
            if unit_ok && !seen_units.insert(unit) {
                diags.push(
                    self.src
                        .error(
                            &format!("{rat}.unit"),
                            tr!(
                                "`{}` có hai dòng trong phụ lục này",
                                "`{}` has two rows in this appendix",
                                unit
                            ),
                        )
                        .with_hint(tr!(
                            "đối chiếu mã đơn vị của dòng này với tên in trên văn bản",
                            "check the unit id of this row against the printed name"
                        )),
                );
            }
            self.check_printed_name(row, unit, rat, diags);
        }
        if row.values.len() != app.columns.len() {
            let (values, columns) = (row.values.len(), app.columns.len());
            let plural = |n: usize, one: &str, many: &str| match n {
                1 => format!("1 {one}"),
                _ => format!("{n} {many}"),
            };
            let (values_en, columns_en) = (
                plural(values, "value", "values"),
                plural(columns, "column", "columns"),
            );
            diags.push(
                self.src
                    .error(
                        &format!("{rat}.values"),
                        tr!(
                            "có {values} giá trị cho {columns} cột",
                            "{values_en} for {columns_en}"
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
    }

    fn check_printed_name(&self, row: &Row, unit: &str, rat: &str, diags: &mut Diagnostics) {
        let (Some(printed), Ok(u)) = (&row.printed_name, self.cat.resolve_unit(unit)) else {
            return;
        };
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

    /// The number of units of `unit`'s level (and parent, below the
    /// province) in force in `period`, as units.yaml lists them.
    pub(super) fn peers_in_force(
        &self,
        unit: &str,
        period: &Period,
        cache: &mut HashMap<(Option<String>, Level), u32>,
    ) -> Option<(u32, Level)> {
        let u = self.cat.resolve_unit(unit).ok()?;
        let level = u.kind.level();
        if matches!(u.kind, UnitKind::Country) {
            return None;
        }
        let key = (u.parent.clone(), level);
        if let Some(n) = cache.get(&key) {
            return Some((*n, level));
        }
        let (from, to) = (period.start(), period.end());
        let n = self
            .cat
            .units
            .values()
            .filter(|p| {
                p.kind.level() == level
                    && p.parent == u.parent
                    && p.valid_from.is_none_or(|f| f <= to)
                    && p.valid_to.is_none_or(|t| t >= from)
            })
            .count();
        let n = u32::try_from(n).unwrap_or(u32::MAX);
        cache.insert(key, n);
        Some((n, level))
    }
}
