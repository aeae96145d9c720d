//! The model, assembled from checked content: units linked to their
//! predecessors and children, schemes by date, figures in the order pages
//! and open data list them.

use crate::model::{Dispatch, Figure, IndicatorsFile, Model, SiteFile, Unit, UnitEntry, UnitsFile};
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// `dispatches` ordered by date of issue, then slug.
pub(super) fn assemble(
    site: SiteFile,
    units: UnitsFile,
    indicators: IndicatorsFile,
    dispatches: Vec<Arc<Dispatch>>,
    mut figures: Vec<Figure>,
) -> Model {
    let order: HashMap<&str, usize> = dispatches
        .iter()
        .enumerate()
        .map(|(i, d)| (d.slug.as_str(), i))
        .collect();
    // By period, then dispatch, then document order (the sort is stable).
    figures.par_sort_by_cached_key(|f: &Figure| {
        (
            f.period.sort_key(),
            f.period,
            order.get(&*f.dispatch).copied(),
        )
    });
    drop(order);
    let mut schemes = indicators.schemes;
    schemes.sort_by_key(|s| s.valid_from);
    Model::new(
        site,
        build_units(units.units),
        indicators.indicators,
        schemes,
        dispatches,
        figures,
    )
}

fn build_units(entries: Vec<UnitEntry>) -> Vec<Unit> {
    let mut preds: HashMap<String, Vec<String>> = HashMap::new();
    let mut children: HashMap<String, Vec<String>> = HashMap::new();
    for u in &entries {
        for s in &u.successors {
            preds.entry(s.clone()).or_default().push(u.id.clone());
        }
        if let Some(p) = &u.parent {
            children.entry(p.clone()).or_default().push(u.id.clone());
        }
    }
    entries
        .into_iter()
        .map(|entry| Unit {
            predecessors: preds.remove(&entry.id).unwrap_or_default(),
            children: children.remove(&entry.id).unwrap_or_default(),
            entry,
        })
        .collect()
}
