//! Changes as a document prints them ("tăng 3,2 điểm, tăng 5 bậc"),
//! checked against the earlier record of the same unit once every
//! document is read: a warning when they disagree, the printed figure kept.

use super::checks::half_unit;
use super::source::Source;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::{
    Change, Dispatch, DispatchKind, Figure, FigureSource, Holds, Model, Period, TOTAL,
};
use crate::tr;
use rustc_hash::FxHashMap;
use std::path::Path;

/// Every printed change of a total against the record it compares with.
pub(super) fn check_changes(model: &Model, dir: &Path, diags: &mut Diagnostics) {
    for d in &model.dispatches {
        let (Some(r), Some(period)) = (&d.file.results, d.file.period) else {
            continue;
        };
        let (Some(change), Some(total)) = (&r.change, r.total) else {
            continue;
        };
        let figures = model.figures_of_unit(&r.unit);
        // Nothing on record to compare with: the change stays as printed.
        let Some(earlier) = earlier(&figures, d, &period, change) else {
            continue;
        };
        let Some(was) = earlier.value.num() else {
            continue;
        };
        let since_vi = crate::vi::format_period(&earlier.period);
        let since_en = earlier.period;
        if let Some(points) = change.points {
            let computed = total.value - was.value;
            let slack = half_unit(&points) + half_unit(&total) + half_unit(&was);
            if (computed - points.value).abs() > slack + 1e-9 {
                let computed = crate::vi::format_auto(computed, 2);
                diags.push(warning(
                    dir,
                    d,
                    "results.change.points",
                    tr!(
                        "mức thay đổi in là {points} điểm, nhưng tổng điểm từ {was} ({since_vi}) đến {total} là {computed} điểm",
                        "the change is printed as {points} points, but the total went from {was} ({since_en}) to {total}: {computed} points"
                    ),
                    tr!(
                        "đối chiếu với văn bản; số liệu in được giữ nguyên, ghi chú sai sót của bản gốc vào `editor_notes`",
                        "check it against the document; the printed figure is kept; note an error of the original under `editor_notes`"
                    ),
                ));
            }
        }
        if let (Some(places), Some(now), Some(before)) = (change.rank, r.rank, earlier.rank) {
            let moved = i64::from(before.position) - i64::from(now.position);
            if now.of == before.of && moved != places {
                diags.push(warning(
                    dir,
                    d,
                    "results.change.rank",
                    tr!(
                        "mức thay đổi thứ hạng in là {places} bậc, nhưng hạng từ {before} ({since_vi}) đến {now} là {moved} bậc",
                        "the change of rank is printed as {places} places, but the rank went from {before} ({since_en}) to {now}: {moved} places"
                    ),
                    tr!(
                        "tăng hạng viết số dương (5), giảm hạng viết số âm (-5); đối chiếu với văn bản",
                        "a rise is positive (5), a fall negative (-5); check it against the document"
                    ),
                ));
            }
        }
    }
}

/// The record a change compares with: of `since` when printed, else of the
/// latest earlier period of the same kind; from another document.
fn earlier<'m>(
    figures: &[&'m Figure],
    d: &Dispatch,
    period: &Period,
    change: &Change,
) -> Option<&'m Figure> {
    figures.iter().copied().rev().find(|f| {
        let comparable = match change.since {
            Some(since) => f.period == since,
            None => f.period.same_kind(period) && f.period.sort_key() < period.sort_key(),
        };
        comparable && &*f.indicator == TOTAL && *f.dispatch != *d.slug && f.value.number().is_some()
    })
}

/// A warning at `field` of the dispatch's file, with its line.
fn warning(
    dir: &Path,
    d: &Dispatch,
    field: &str,
    message: crate::lang::Text,
    hint: crate::lang::Text,
) -> Diagnostic {
    let path = dir.join(&d.source);
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let at = Source::new(&path, &text).index().find(field);
    Diagnostic::warning(&path, field, message)
        .with_hint(hint)
        .at(at.map(|p| p.line), at.map(|p| p.column))
}

/// One figure printed by several documents (a dispatch, a league table,
/// an article quote the same total): a warning naming both when they
/// disagree beyond the rounding of their printed decimals. Every figure
/// is kept; pages pick one per period (`chart_data::preferred`).
pub(super) fn check_agreement(model: &Model, dir: &Path, diags: &mut Diagnostics) {
    let mut per_period: FxHashMap<Period, usize> = FxHashMap::default();
    for d in &model.dispatches {
        if let Some(p) = d.file.period {
            *per_period.entry(p).or_default() += 1;
        }
    }
    let mut shared: Vec<Period> = per_period
        .into_iter()
        .filter(|(_, n)| *n > 1)
        .map(|(p, _)| p)
        .collect();
    shared.sort_by_key(|p| (p.sort_key(), *p));
    for p in shared {
        // Diagnostics are sorted afterwards: a hash map's order is fine.
        let mut by_key: FxHashMap<(&str, &str), Vec<&Figure>> = FxHashMap::default();
        for f in model.figures_of_period(&p) {
            by_key.entry((&f.unit, &f.indicator)).or_default().push(f);
        }
        for figures in by_key.values().filter(|v| v.len() > 1) {
            disagreements(model, figures, dir, diags);
        }
    }
}

/// Each later figure against the first one with a value, of another
/// document.
fn disagreements(model: &Model, figures: &[&Figure], dir: &Path, diags: &mut Diagnostics) {
    let Some(first) = figures.iter().find(|f| f.value.num().is_some()) else {
        return;
    };
    let Some(a) = first.value.num() else { return };
    let Some(da) = model.dispatch(&first.dispatch) else {
        return;
    };
    for f in figures {
        let (Some(b), Some(db)) = (f.value.num(), model.dispatch(&f.dispatch)) else {
            continue;
        };
        if *f.dispatch == *first.dispatch || moved_between_captures(da, db) {
            continue;
        }
        let period_vi = crate::vi::format_period(&f.period);
        let period_en = f.period;
        // By its number when it has one ("/VP" alone reads like a slip),
        // and always by its file.
        let other = match da.file.number {
            Some(_) => format!("{} ({})", da.number_text(), da.source.display()),
            None => da.source.display().to_string(),
        };
        if (a.value - b.value).abs() > half_unit(&a) + half_unit(&b) + 1e-9 {
            diags.push(warning(
                dir,
                db,
                &field_of(db, f, Holds::Value),
                tr!(
                    "`{}` {period_vi}: văn bản này ghi {b}, văn bản {other} ghi {a}",
                    "`{}` {period_en}: this document prints {b}, the document {other} prints {a}",
                    f.indicator
                ),
                tr!(
                    "đối chiếu hai văn bản; cả hai số liệu được giữ như in, biểu đồ lấy số của văn bản kết quả, rồi văn bản sớm nhất; ghi chú sai sót vào `editor_notes`",
                    "check both documents; both figures are kept as printed, the charts take the results dispatch's, then the earliest document's; note an error under `editor_notes`"
                ),
            ));
        } else if let (Some(ra), Some(rb)) = (first.rank, f.rank) {
            if (ra.position, ra.of) != (rb.position, rb.of) {
                diags.push(warning(
                    dir,
                    db,
                    &field_of(db, f, Holds::Rank),
                    tr!(
                        "`{}` {period_vi}: văn bản này ghi hạng {rb}, văn bản {other} ghi hạng {ra}",
                        "`{}` {period_en}: this document prints the rank {rb}, the document {other} prints {ra}",
                        f.indicator
                    ),
                    tr!(
                        "đối chiếu hai văn bản; cả hai thứ hạng được giữ như in",
                        "check both documents; both ranks are kept as printed"
                    ),
                ));
            }
        }
    }
}

/// Two captures of the portal taken at different moments: its figures
/// move as records come in (a year to date changes during the day), so a
/// difference between them is no contradiction.
fn moved_between_captures(a: &Dispatch, b: &Dispatch) -> bool {
    a.file.kind == DispatchKind::PortalCapture
        && b.file.kind == DispatchKind::PortalCapture
        && a.file.captured_at != b.file.captured_at
}

/// The field of a dispatch file that prints figure `f`'s value
/// (`Holds::Value`) or its rank (`Holds::Rank`).
fn field_of(d: &Dispatch, f: &Figure, holds: Holds) -> String {
    match &f.source {
        FigureSource::Results => {
            let rank = holds == Holds::Rank;
            if &*f.indicator == TOTAL {
                return if rank {
                    "results.rank"
                } else {
                    "results.total"
                }
                .into();
            }
            let groups = d.file.results.as_ref().map(|r| r.groups.as_slice());
            match groups.and_then(|g| g.iter().position(|g| *g.indicator == *f.indicator)) {
                Some(i) if rank => format!("results.groups[{i}].rank"),
                Some(i) => format!("results.groups[{i}].score"),
                None => "results".into(),
            }
        }
        FigureSource::Appendix { number, row } => {
            let apps = &d.file.appendices;
            let Some(a) = apps.iter().position(|a| *a.number == **number) else {
                return "appendices".into();
            };
            let app = &apps[a];
            let r = app
                .rows
                .iter()
                .position(|r| *r.no == **row && r.unit.as_deref() == Some(&*f.unit));
            let c = app
                .columns
                .iter()
                .position(|c| *c.indicator == *f.indicator && c.holds == holds);
            match (r, c) {
                (Some(r), Some(c)) => format!("appendices[{a}].rows[{r}].values[{c}]"),
                (Some(r), None) => format!("appendices[{a}].rows[{r}]"),
                _ => format!("appendices[{a}]"),
            }
        }
    }
}
