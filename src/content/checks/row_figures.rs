//! The figures of one appendix row: every column of one indicator (its
//! value, maximum, ratio and rank) makes one figure of the row's unit.
//! Checked here: a score within its maximum, a maximum against the
//! scheme, a ratio against score ÷ maximum, a rank within its number
//! ranked and against the units of that level in force.

use super::appendix::{key, Group, Table};
use super::dispatch::{cell_text, DispatchChecker};
use super::{check_measure_value, check_percent, half_unit};
use crate::diagnostics::Diagnostics;
use crate::model::catalog::Level;
use crate::model::{
    Cell, Figure, FigureSource, FigureValue, Holds, Num, Rank, Row, Status, UnitKind,
};
use crate::tr;
use std::collections::HashMap;

/// What one row prints about one indicator.
struct Read {
    value: FigureValue,
    /// The row's own maximum, as printed.
    max: Option<Num>,
    rate: Option<Num>,
    rank: Option<Rank>,
}

type PeerCache = HashMap<(Option<String>, Level), u32>;

impl DispatchChecker<'_> {
    /// A unit row: one figure per indicator of the table.
    pub(super) fn row_figures(
        &mut self,
        table: &Table<'_>,
        rat: &str,
        row: &Row,
        peers: &mut PeerCache,
        diags: &mut Diagnostics,
    ) {
        let Some(unit) = row.unit.as_deref() else {
            return;
        };
        let kind = self.cat.resolve_unit(unit).ok().map(|u| u.kind);
        for g in &table.groups {
            let Some(read) = self.read_group(table, g, row, rat, kind, diags) else {
                continue;
            };
            if let (Some(rank), Some(c)) = (read.rank, g.cols.get(&key(Holds::Rank))) {
                self.check_peer_rank(
                    table,
                    unit,
                    kind,
                    rank,
                    &format!("{rat}.values[{c}]"),
                    peers,
                    diags,
                );
            }
            if kind.is_none() {
                continue;
            }
            let mut f = self.figure(
                table.period,
                unit,
                g.indicator,
                read.value,
                FigureSource::Appendix {
                    number: self.id(&table.app.number),
                    row: self.id(&row.no),
                },
            );
            f.max = read.max.or(g.scheme_max);
            f.rate = read.rate;
            f.rank = read.rank;
            if f.max.is_some() {
                f.scheme = g.scheme.as_deref().map(|s| self.id(s));
            }
            if let Some(&c) = g.cols.get(&key(Holds::Value)) {
                f.target = table.targets.get(c).cloned().flatten();
                if table.status_col == Some(c) {
                    f.status = row.status;
                    self.check_status(&f, row, c, rat, diags);
                }
            }
            self.figures.push(f);
        }
    }

    /// A row that is not a unit: its cells are checked like a unit's, and
    /// kept in the table only.
    pub(super) fn label_row_cells(
        &mut self,
        table: &Table<'_>,
        rat: &str,
        row: &Row,
        diags: &mut Diagnostics,
    ) {
        for g in &table.groups {
            self.read_group(table, g, row, rat, None, diags);
        }
    }

    /// The cells of one indicator in one row, each checked.
    fn read_group(
        &self,
        table: &Table<'_>,
        g: &Group<'_>,
        row: &Row,
        rat: &str,
        kind: Option<UnitKind>,
        diags: &mut Diagnostics,
    ) -> Option<Read> {
        let ind = g.entry.as_ref()?;
        let cell = |h: Holds| {
            g.cols
                .get(&key(h))
                .and_then(|&c| row.values.get(c).map(|v| (c, v)))
        };
        let field = |c: usize| format!("{rat}.values[{c}]");
        let mut read = Read {
            value: FigureValue::NotPublished { reason: None },
            max: None,
            rate: None,
            rank: None,
        };
        if let Some((c, v)) = cell(Holds::Max) {
            read.max = self.number_cell(v, &field(c), diags);
            if let Some(m) = read.max {
                self.check_row_max(g, m, kind, &field(c), diags);
            }
        }
        if let Some((c, v)) = cell(Holds::Value) {
            read.value = match v {
                Cell::Value { value } => {
                    // A maximum of 0 or less is refused above: not read against.
                    let max = read.max.filter(|m| m.value > 0.0).or(g.scheme_max);
                    check_measure_value(ind, value, max.as_ref(), self.src, &|| field(c), diags);
                    FigureValue::Value { value: *value }
                }
                Cell::NotApplicable { reason } => FigureValue::NotApplicable {
                    reason: reason.clone(),
                },
                Cell::NotPublished { reason } => FigureValue::NotPublished {
                    reason: reason.clone(),
                },
                Cell::Rank { .. } => {
                    self.rank_in_number_column(&field(c), diags);
                    FigureValue::NotPublished { reason: None }
                }
            };
        }
        if let Some((c, v)) = cell(Holds::Ratio) {
            read.rate = self.number_cell(v, &field(c), diags);
            if let Some(rate) = read.rate {
                check_percent(&rate, self.src, &field(c), diags);
                let max = read.max.or(g.scheme_max);
                if let (Some(score), Some(max)) = (read.value.num(), max) {
                    self.check_ratio(score, max, read.max.is_some(), rate, &field(c), diags);
                }
            }
        }
        if let Some((c, v)) = cell(Holds::Rank) {
            let of = table.app.columns.get(c).and_then(|col| col.of);
            read.rank = self.rank_cell(v, of.map(|o| o.0), &field(c), diags);
        }
        Some(read)
    }

    /// A number in a maximum or ratio column.
    fn number_cell(&self, v: &Cell, field: &str, diags: &mut Diagnostics) -> Option<Num> {
        match v {
            Cell::Value { value } => Some(*value),
            Cell::Rank { .. } => {
                self.rank_in_number_column(field, diags);
                None
            }
            _ => None,
        }
    }

    fn rank_in_number_column(&self, field: &str, diags: &mut Diagnostics) {
        diags.push(
            self.src
                .error(
                    field,
                    tr!(
                        "một thứ hạng trong cột không phải cột xếp hạng",
                        "a rank in a column that is not a rank column"
                    ),
                )
                .with_hint(tr!(
                    "ghi thứ hạng vào cột có `holds: rank`, hoặc kiểm tra ô này",
                    "put ranks in a column with `holds: rank`, or check this cell"
                )),
        );
    }

    /// A rank as printed (`6/9`), or a position out of the column's `of`.
    fn rank_cell(
        &self,
        v: &Cell,
        of: Option<u64>,
        field: &str,
        diags: &mut Diagnostics,
    ) -> Option<Rank> {
        match v {
            Cell::Rank { rank } => Some(*rank),
            Cell::Value { value } => {
                let Some(of) = of else {
                    diags.push(
                        self.src
                            .error(
                                field,
                                tr!(
                                    "thứ hạng {value} thiếu tổng số được xếp hạng",
                                    "the rank {value} lacks the number ranked"
                                ),
                            )
                            .with_hint(tr!(
                                "viết như văn bản in, ví dụ 6/9, hoặc ghi `of:` (tổng số được xếp hạng) ở cột",
                                "write it as printed, e.g. 6/9, or give the number ranked as `of:` on the column"
                            )),
                    );
                    return None;
                };
                let whole = value.decimals == 0 && value.value.fract() == 0.0;
                if !whole || value.value < 1.0 || value.value > of as f64 {
                    diags.push(
                        self.src
                            .error(
                                field,
                                tr!(
                                    "thứ hạng {value} không nằm trong khoảng 1 đến {of}",
                                    "the rank {value} is not between 1 and {of}"
                                ),
                            )
                            .with_hint(tr!(
                                "vị trí là một số nguyên từ 1 đến số được xếp hạng (`of:` của cột)",
                                "a position is a whole number from 1 to the number ranked (the column's `of:`)"
                            )),
                    );
                    return None;
                }
                Some(Rank::new(
                    value.value as u32,
                    u32::try_from(of).unwrap_or(u32::MAX),
                ))
            }
            _ => None,
        }
    }

    /// A row's maximum against the scheme: a commune's may be smaller
    /// (some criteria do not apply to communes); any other difference is
    /// worth a look.
    fn check_row_max(
        &self,
        g: &Group<'_>,
        m: Num,
        kind: Option<UnitKind>,
        field: &str,
        diags: &mut Diagnostics,
    ) {
        if m.value <= 0.0 {
            diags.push(
                self.src
                    .error(
                        field,
                        tr!(
                            "điểm tối đa {m} phải lớn hơn 0",
                            "the maximum {m} must be above 0"
                        ),
                    )
                    .with_hint(tr!(
                        "ghi điểm tối đa như văn bản in; ô trống thì ghi `~`",
                        "write the maximum as printed; `~` for a blank cell"
                    )),
            );
            return;
        }
        let Some(s) = g.scheme_max else { return };
        let commune = kind.is_some_and(|k| k.level() == Level::Commune);
        let differs = (m.value - s.value).abs() > 1e-9;
        if differs && !(commune && m.value < s.value) {
            diags.push(
                self.src
                    .warning(
                        field,
                        tr!(
                            "điểm tối đa in là {m}, bộ chỉ số `{}` ghi {s} cho `{}`",
                            "the printed maximum is {m}; scheme `{}` gives {s} for `{}`",
                            g.scheme.as_deref().unwrap_or(""),
                            g.indicator
                        ),
                    )
                    .with_hint(tr!(
                        "chỉ cấp xã mới có điểm tối đa nhỏ hơn (một số tiêu chí không áp dụng cho xã); đối chiếu với văn bản, số liệu in được giữ nguyên",
                        "only communes have a smaller maximum (some criteria do not apply to them); check it against the document; the printed figure is kept"
                    )),
            );
        }
    }

    /// The ratio printed against score ÷ maximum, within the rounding of
    /// the printed decimals.
    fn check_ratio(
        &self,
        score: Num,
        max: Num,
        max_printed: bool,
        rate: Num,
        field: &str,
        diags: &mut Diagnostics,
    ) {
        if max.value <= 0.0 {
            return;
        }
        let computed = score.value / max.value * 100.0;
        let mut slack = half_unit(&rate) + half_unit(&score) / max.value * 100.0;
        if max_printed {
            slack += half_unit(&max) * score.value / (max.value * max.value) * 100.0;
        }
        if (computed - rate.value).abs() > slack + 1e-9 {
            let c = crate::vi::format_auto(computed, 2);
            diags.push(
                self.src
                    .warning(
                        field,
                        tr!(
                            "tỷ lệ in là {rate}%, nhưng {score} trên tối đa {max} là {c}%",
                            "the ratio is printed as {rate}%, but {score} out of {max} is {c}%"
                        ),
                    )
                    .with_hint(tr!(
                        "đối chiếu điểm, điểm tối đa và tỷ lệ với văn bản; số liệu in được giữ nguyên",
                        "check the score, maximum and ratio against the document; the printed figures are kept"
                    )),
            );
        }
    }

    /// A rank among provinces is out of 63 or 34 by date; a rank among
    /// peers is checked against the units of that level in force.
    #[allow(clippy::too_many_arguments)]
    fn check_peer_rank(
        &self,
        table: &Table<'_>,
        unit: &str,
        kind: Option<UnitKind>,
        rank: Rank,
        field: &str,
        peers: &mut PeerCache,
        diags: &mut Diagnostics,
    ) {
        match kind {
            Some(UnitKind::Province) => {
                self.check_provinces_ranked(field, rank, table.period, diags);
                return;
            }
            Some(UnitKind::Country) | None => return,
            Some(_) => {}
        }
        let Some((n, _)) = self.peers_in_force(unit, table.period, peers) else {
            return;
        };
        if rank.of != n {
            let period = table.period;
            let period_vi = crate::vi::format_period(period);
            diags.push(
                self.src
                    .warning(
                        field,
                        tr!(
                            "xếp hạng trên {}, nhưng units.yaml ghi {n} đơn vị cùng cấp của `{unit}` trong {period_vi}",
                            "ranked out of {}, but units.yaml lists {n} units of `{unit}`'s level in force in {period}",
                            rank.of
                        ),
                    )
                    .with_hint(tr!(
                        "thứ hạng được giữ như văn bản in; nếu units.yaml chưa có đủ các đơn vị cùng cấp thì bổ sung, nếu không thì đối chiếu với văn bản",
                        "the rank is kept as printed; if units.yaml does not list every peer yet, add them, else check it against the document"
                    )),
            );
        }
    }

    /// The printed status against the target.
    fn check_status(&self, f: &Figure, row: &Row, c: usize, rat: &str, diags: &mut Diagnostics) {
        let (Some(met), Some(status)) = (f.meets_target(), row.status) else {
            return;
        };
        let printed_met = status == Status::Met;
        if met == printed_met {
            return;
        }
        let t = f
            .target
            .as_ref()
            .map_or(String::new(), |t| t.at_least.to_string());
        let cell = row.values.get(c).map(cell_text).unwrap_or_default();
        let (meets_vi, meets_en) = if met {
            ("đạt", "meets")
        } else {
            ("không đạt", "misses")
        };
        diags.push(
            self.src
                .warning(
                    &format!("{rat}.status"),
                    tr!(
                        "văn bản ghi `{}` nhưng {} {meets_vi} chỉ tiêu tối thiểu {t}",
                        "printed `{}` but {} {meets_en} the target of at least {t}",
                        if printed_met {
                            "Hoàn thành"
                        } else {
                            "Chưa hoàn thành"
                        },
                        cell
                    ),
                )
                .with_hint(tr!(
                    "tình trạng được giữ đúng như văn bản in; hãy đối chiếu với bản gốc",
                    "the published status is kept as printed; check it against the original"
                )),
        );
    }
}
