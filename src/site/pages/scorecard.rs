//! The answer first: a unit's latest period at a glance (each indicator
//! against its maximum or target, the change since the previous period of
//! the same kind, its place among its peers), for the top of its page and,
//! for the province, the home page.

use super::views::{dispatch_ref, indicator_ref, DispatchRef, IndicatorRef};
use crate::model::catalog::Level;
use crate::model::{Figure, FigureValue, Measure, Model, Num, Period, Rank, Status, Unit};
use crate::site::paths;
use crate::vi;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use std::collections::BTreeMap;

/// How a place among peers names them: "thứ 3/10 huyện, thị xã, thành phố".
pub fn peers_word(l: Level) -> &'static str {
    match l {
        Level::Country => "cả nước",
        Level::Province => "tỉnh, thành phố",
        Level::Department => "sở, ban, ngành",
        Level::District => "huyện, thị xã, thành phố",
        Level::Commune => "xã, phường",
    }
}

type PeerKey<'a> = (&'a str, Period, Option<&'a str>, Level);

/// Every published figure by indicator, period, parent and level, highest
/// value first: a unit's place among its peers is one binary search. Built
/// once per build, in one pass over the figures.
#[derive(Default)]
pub struct PeerIndex<'a> {
    figures: FxHashMap<PeerKey<'a>, Vec<(f64, &'a Figure)>>,
}

impl<'a> PeerIndex<'a> {
    pub fn new(model: &'a Model) -> Self {
        Self::of(model, model.figures.iter())
    }

    /// The peers of the units `wanted` holds only: those of the same
    /// parent and level. A partial rebuild renders a few units, and the
    /// index of the whole country's figures took a quarter of it.
    pub fn of_units(model: &'a Model, wanted: impl Fn(&str) -> bool) -> Self {
        let group = |u: &'a Unit| (u.entry.parent.as_deref(), u.entry.kind.level());
        let groups: FxHashSet<_> = model
            .units
            .iter()
            .filter(|u| wanted(u.id()))
            .map(group)
            .collect();
        // Each unit's figures in the order of the model's, as `new` reads
        // them: which of two figures of one period is kept does not change.
        let mut ids: Vec<usize> = model
            .figure_ids_by_unit()
            .filter(|(id, _)| model.unit(id).is_some_and(|u| groups.contains(&group(u))))
            .flat_map(|(_, ids)| ids.iter().copied())
            .collect();
        ids.sort_unstable();
        Self::of(model, ids.into_iter().map(|i| &model.figures[i]))
    }

    fn of(model: &'a Model, figures: impl Iterator<Item = &'a Figure>) -> Self {
        // One figure per unit when several documents print one.
        let mut by_unit: FxHashMap<PeerKey<'a>, BTreeMap<&'a str, (f64, &'a Figure)>> =
            FxHashMap::default();
        for f in figures {
            let (Some(v), Some(u)) = (f.value.number(), model.unit(&f.unit)) else {
                continue;
            };
            let key = (
                &*f.indicator,
                f.period,
                u.entry.parent.as_deref(),
                u.entry.kind.level(),
            );
            let units = by_unit.entry(key).or_default();
            let keep = units.get(&*f.unit).is_none_or(|(_, had)| {
                super::chart_data::source_rank(model, f)
                    < super::chart_data::source_rank(model, had)
            });
            if keep {
                units.insert(&*f.unit, (v, f));
            }
        }
        // Highest first; equal values in the order of the unit ids, so that
        // the order never depends on the order the files were read in.
        let figures = by_unit
            .into_iter()
            .map(|(key, units)| {
                let mut v: Vec<(f64, &Figure)> = units.into_values().collect();
                v.sort_by(|a, b| b.0.total_cmp(&a.0));
                (key, v)
            })
            .collect();
        PeerIndex { figures }
    }

    /// The figures of `f`'s peers (the same indicator, period, parent and
    /// level, `f` among them), highest first, and their level; None
    /// without at least one other peer.
    pub fn peers<'s>(
        &'s self,
        model: &'s Model,
        f: &'s Figure,
    ) -> Option<(&'s [(f64, &'s Figure)], Level)> {
        f.value.number()?;
        let u = model.unit(&f.unit)?;
        let l = u.entry.kind.level();
        let key = (&*f.indicator, f.period, u.entry.parent.as_deref(), l);
        let all = self.figures.get(&key)?;
        (all.len() >= 2).then_some((all.as_slice(), l))
    }

    /// 1 + the number of peers with a higher value, and the number of peers.
    fn place(&self, model: &Model, f: &Figure) -> Option<(usize, usize, Level)> {
        let v = f.value.number()?;
        let (all, l) = self.peers(model, f)?;
        let higher = all.partition_point(|x| x.0 > v);
        Some((higher + 1, all.len(), l))
    }
}

/// One indicator in the scorecard.
#[derive(Debug, Clone, Serialize)]
pub struct ScoreLine {
    pub indicator: IndicatorRef,
    pub value: FigureValue,
    /// "/100 điểm", "mục tiêu ≥ 60%": what the value is read against.
    pub bound: Option<String>,
    /// The national average printed with it.
    pub average: Option<Num>,
    /// Printed status, else computed from the target.
    pub met: Option<bool>,
    /// "up", "down" or "same", against the previous period of the same kind.
    pub trend: Option<&'static str>,
    /// "Tăng 18,02 điểm so với tháng 02/2023".
    pub change: Option<String>,
    /// For a table cell: "tăng 18,02 điểm", and the period compared with.
    pub delta: Option<String>,
    pub since: Option<String>,
    /// "Hạng 28/63 tỉnh, thành phố" or "Thứ 3/10 huyện, thị xã, thành phố".
    pub place: Option<String>,
    /// "28/63", for a table whose heading names the peers.
    pub place_short: Option<String>,
    /// "up", "down" or "same" for the rank (up is better).
    pub rank_trend: Option<&'static str>,
    /// "Hạng giảm 8 bậc (20/63 tháng 02/2023)".
    pub rank_change: Option<String>,
    /// "hạng giảm 8 bậc", for a table cell.
    pub rank_delta: Option<String>,
}

/// A unit's latest period at a glance.
#[derive(Debug, Clone, Serialize)]
pub struct Scorecard {
    pub period: Period,
    /// The period's page.
    pub period_url: String,
    /// The total (or, without one, the first indicator): the headline.
    pub head: ScoreLine,
    /// Every indicator of the period, the headline first.
    pub lines: Vec<ScoreLine>,
    /// The finding in one sentence, from the data.
    pub finding: Option<String>,
    /// The place column's heading: "Hạng" or "Thứ tự".
    pub place_heading: Option<String>,
    /// Among whom: "Hạng trong các tỉnh, thành phố", under the caption.
    pub place_note: Option<String>,
    /// Whether any line has a status, a change or a place (else no column).
    pub has_status: bool,
    pub has_change: bool,
    pub has_place: bool,
    /// The period every change is measured against, when it is the same
    /// for all lines: said once in the column's heading.
    pub common_since: Option<String>,
    /// Where the figures come from.
    pub sources: Vec<DispatchRef>,
    /// Indicators judged against a target, and how many met it.
    pub judged: usize,
    pub met: usize,
}

fn unit_text(measure: Measure) -> &'static str {
    match measure {
        Measure::Points => "điểm",
        Measure::Percent => "điểm phần trăm",
        Measure::Count => "",
    }
}

fn value_text(n: Num, measure: Measure) -> String {
    match measure {
        Measure::Percent => format!("{n}%"),
        _ => n.to_string(),
    }
}

/// The change from `was` to `now`, in the decimals they were printed with.
fn change(now: Num, was: Num, measure: Measure, since: &Period) -> (&'static str, String, String) {
    let decimals = now.decimals.max(was.decimals);
    let diff = now.value - was.value;
    let shown = vi::format_decimal(diff.abs(), decimals);
    let zero = vi::format_decimal(0.0, decimals);
    let since = vi::format_period(since);
    let unit = unit_text(measure);
    let sep = if unit.is_empty() { "" } else { " " };
    let (trend, delta) = if shown == zero {
        ("same", "không đổi".to_string())
    } else if diff > 0.0 {
        ("up", format!("tăng {shown}{sep}{unit}"))
    } else {
        ("down", format!("giảm {shown}{sep}{unit}"))
    };
    let mut sentence = format!("{delta} so với {since}");
    sentence.replace_range(..1, &sentence[..1].to_uppercase());
    (trend, sentence, delta)
}

/// The rank's move: its direction (up is better), "hạng giảm 8 bậc" and
/// "hạng giảm 8 bậc (20/63 tháng 02/2023)". Ranks out of different totals
/// (63 provinces, then 34) are not compared.
fn rank_change(now: Rank, was: Rank, since: &Period) -> (&'static str, String, String) {
    let since = vi::format_period(since);
    let was_text = format!("{was} {since}");
    let (trend, short) = if now.of != was.of {
        ("same", format!("hạng {was_text}"))
    } else {
        match now.position.cmp(&was.position) {
            std::cmp::Ordering::Less => (
                "up",
                format!("hạng tăng {} bậc", was.position - now.position),
            ),
            std::cmp::Ordering::Greater => (
                "down",
                format!("hạng giảm {} bậc", now.position - was.position),
            ),
            std::cmp::Ordering::Equal => ("same", "giữ hạng".to_string()),
        }
    };
    let long = if now.of != was.of {
        format!("Trước đó: {short}")
    } else {
        let mut l = format!("{short} ({was_text})");
        l.replace_range(..1, &l[..1].to_uppercase());
        l
    };
    (trend, short, long)
}

/// The scorecard of `unit`: its latest period with a published value, or
/// none when it has no figure. `figures` are the unit's, ordered by period.
pub fn scorecard(
    model: &Model,
    unit: &str,
    figures: &[&Figure],
    peers: Option<&PeerIndex>,
) -> Option<Scorecard> {
    let latest = figures
        .iter()
        .filter(|f| f.value.number().is_some())
        .map(|f| f.period)
        .max_by_key(|p| (p.sort_key(), *p))
        .or_else(|| figures.last().map(|f| f.period))?;
    let level_of_unit = model.unit(unit).map(|u| u.entry.kind.level());
    let mut lines = Vec::new();
    let mut sources: Vec<DispatchRef> = Vec::new();
    let (mut judged, mut met_count) = (0, 0);
    let mut finding_parts: Vec<String> = Vec::new();
    let mut place_note: Option<String> = None;
    for ind in &model.indicators {
        // One figure of the period when several documents print one.
        let Some(f) = super::chart_data::preferred(
            model,
            figures
                .iter()
                .copied()
                .filter(|f| f.period == latest && *f.indicator == *ind.id),
        ) else {
            continue;
        };
        // The previous period of the same kind with a value.
        let prev = figures.iter().rev().find(|p| {
            *p.indicator == *ind.id
                && p.period.same_kind(&latest)
                && p.period.sort_key() < latest.sort_key()
                && p.value.number().is_some()
        });
        let met = match f.value {
            FigureValue::NotApplicable { .. } => None,
            _ => f.status.map(|s| s == Status::Met).or(f.meets_target()),
        };
        if let Some(m) = met {
            judged += 1;
            met_count += usize::from(m);
        }
        let bound = match (f.max, f.target.as_deref()) {
            (Some(max), _) => Some(format!("/{max} điểm")),
            (None, Some(t)) => Some(format!("mục tiêu ≥ {}%", t.at_least)),
            _ => None,
        };
        let (trend, change_text, delta, since) = match (
            f.value.num(),
            prev.and_then(|p| p.value.num().map(|n| (n, p))),
        ) {
            (Some(now), Some((was, p))) => {
                let (t, text, delta) = change(now, was, ind.measure, &p.period);
                (
                    Some(t),
                    Some(text),
                    Some(delta),
                    Some(vi::format_period(&p.period)),
                )
            }
            _ => (None, None, None, None),
        };
        let (place, place_short) = match (f.rank, peers.and_then(|x| x.place(model, f))) {
            (Some(r), _) => {
                let word = peers_word(level_of_unit.unwrap_or(Level::Province));
                place_note.get_or_insert_with(|| format!("Hạng trong các {word}."));
                (Some(format!("Hạng {r} {word}")), Some(r.to_string()))
            }
            (None, Some((pos, of, l))) => {
                let word = peers_word(l);
                place_note.get_or_insert_with(|| format!("Thứ tự trong các {word}."));
                (
                    Some(format!("Thứ {pos}/{of} {word}")),
                    Some(format!("{pos}/{of}")),
                )
            }
            _ => (None, None),
        };
        let (rank_trend, rank_delta, rank_text) =
            match (f.rank, prev.and_then(|p| p.rank.map(|r| (r, p)))) {
                (Some(now), Some((was, p))) => {
                    let (t, short, long) = rank_change(now, was, &p.period);
                    (Some(t), Some(short), Some(long))
                }
                _ => (None, None, None),
            };
        // The finding: the headline's value then and now, and its rank.
        if lines.is_empty() {
            if let (Some(now), Some(p)) = (f.value.num(), prev) {
                if let Some(was) = p.value.num() {
                    let verb = match now.value.total_cmp(&was.value) {
                        std::cmp::Ordering::Greater => "tăng",
                        std::cmp::Ordering::Less => "giảm",
                        std::cmp::Ordering::Equal => "giữ",
                    };
                    let (from, to) = (value_text(was, ind.measure), value_text(now, ind.measure));
                    let name = ind.short_name.as_deref().unwrap_or(&ind.name);
                    let (then, now_p) = (vi::format_period(&p.period), vi::format_period(&latest));
                    finding_parts.push(match verb {
                        "giữ" => format!("{name} giữ mức {to} {}", vi::from_to(&then, &now_p)),
                        "tăng" => format!("{name} tăng từ {from} ({then}) lên {to} ({now_p})"),
                        _ => format!("{name} giảm từ {from} ({then}) xuống {to} ({now_p})"),
                    });
                    if let (Some(rn), Some(rw)) = (f.rank, p.rank) {
                        if rn.of == rw.of && rn.position != rw.position {
                            let better = rn.position < rw.position;
                            let same_way = better == (verb == "tăng");
                            finding_parts.push(format!(
                                "{} hạng {} từ {rw} {} {rn}",
                                if same_way { "và" } else { "nhưng" },
                                if better { "tăng" } else { "tụt" },
                                if better { "lên" } else { "xuống" },
                            ));
                        }
                    }
                }
            }
        }
        let dref = model.dispatch(&f.dispatch).map(dispatch_ref);
        if let Some(d) = dref {
            if !sources.iter().any(|s| s.slug == d.slug) {
                sources.push(d);
            }
        }
        lines.push(ScoreLine {
            indicator: indicator_ref(model, &ind.id),
            value: f.value.clone(),
            bound,
            average: f.national_average,
            met,
            trend,
            change: change_text,
            delta,
            since,
            place,
            place_short,
            rank_trend,
            rank_change: rank_text,
            rank_delta,
        });
    }
    let head = lines.first()?.clone();
    let finding = (!finding_parts.is_empty()).then(|| {
        let mut s = finding_parts.join(", ");
        s.push('.');
        s
    });
    let mut since_all = lines.iter().filter_map(|l| l.since.as_deref());
    let common_since = since_all.next().map(str::to_string).filter(|first| {
        since_all.all(|s| s == first)
            && lines
                .iter()
                .all(|l| l.change.is_none() || l.since.is_some())
    });
    Some(Scorecard {
        common_since,
        period: latest,
        period_url: paths::period(&latest),
        has_status: lines.iter().any(|l| l.met.is_some()),
        has_change: lines.iter().any(|l| l.change.is_some()),
        has_place: lines.iter().any(|l| l.place.is_some()),
        place_heading: place_note
            .as_deref()
            .map(|n| n.split(" trong ").next().unwrap_or(n).to_string()),
        place_note,
        head,
        lines,
        finding,
        sources,
        judged,
        met: met_count,
    })
}
