//! Changes as a document prints them ("tăng 3,2 điểm, tăng 5 bậc"),
//! checked against the earlier record of the same unit once every
//! document is read: a warning when they disagree, the printed figure kept.

use super::checks::half_unit;
use super::source::Source;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::{Change, Dispatch, Figure, Model, Period, TOTAL};
use crate::tr;
use std::mem::discriminant;
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
        let since = crate::vi::format_period(&earlier.period);
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
                        "mức thay đổi in là {points} điểm, nhưng tổng điểm từ {was} ({since}) đến {total} là {computed} điểm",
                        "the change is printed as {points} points, but the total went from {was} ({since}) to {total}: {computed} points"
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
                        "mức thay đổi thứ hạng in là {places} bậc, nhưng hạng từ {before} ({since}) đến {now} là {moved} bậc",
                        "the change of rank is printed as {places} places, but the rank went from {before} ({since}) to {now}: {moved} places"
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
            None => {
                discriminant(&f.period) == discriminant(period)
                    && f.period.sort_key() < period.sort_key()
            }
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
