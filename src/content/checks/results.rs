//! The results in a dispatch's text: the total, its rank, and the score of
//! each group, read against the scheme of groups in force for the period.

use super::dispatch::DispatchChecker;
use super::{check_measure_value, check_percent, half_unit};
use crate::diagnostics::Diagnostics;
use crate::model::catalog::{provinces_ranked, scheme_for};
use crate::model::{
    FigureSource, FigureValue, GroupResult, Num, Period, Rank, Results, SchemeEntry, TOTAL,
};
use crate::tr;
use std::collections::{BTreeMap, HashMap, HashSet};

/// What every group of one `results:` is read against.
struct InForce<'r> {
    results: &'r Results,
    period: &'r Period,
    scheme: Option<&'r SchemeEntry>,
    /// The maximum of each group and part of the scheme (None where the
    /// scheme does not know it), by indicator id.
    maxima: BTreeMap<&'r str, Option<&'r Num>>,
    /// Whether the results' unit is known and valid: figures only then.
    unit_ok: bool,
}

impl DispatchChecker<'_> {
    pub(super) fn check_results(&mut self, r: &Results, period: &Period, diags: &mut Diagnostics) {
        let unit_ok = self.unit(&r.unit, &|| "results.unit".into(), Some(period), diags);
        let scheme = scheme_for(&self.cat.schemes, period);
        if scheme.is_none() && (r.total.is_some() || !r.groups.is_empty()) {
            self.report_no_scheme(period, diags);
        }
        let mut maxima = BTreeMap::new();
        if let Some(s) = scheme {
            for g in &s.groups {
                maxima.insert(g.indicator.as_str(), g.max.as_ref());
                for p in &g.parts {
                    maxima.insert(p.indicator.as_str(), p.max.as_ref());
                }
            }
        }
        let ctx = InForce {
            results: r,
            period,
            scheme,
            maxima,
            unit_ok,
        };
        self.check_total(&ctx, diags);
        let is_province = self
            .cat
            .resolve_unit(&r.unit)
            .is_ok_and(|u| u.kind == crate::model::UnitKind::Province);
        if is_province {
            let ranks = std::iter::once(("results.rank".to_string(), r.rank)).chain(
                r.groups
                    .iter()
                    .enumerate()
                    .map(|(i, g)| (format!("results.groups[{i}].rank"), g.rank)),
            );
            for (field, rank) in ranks {
                if let Some(rank) = rank {
                    self.check_provinces_ranked(&field, rank, period, diags);
                }
            }
        }
        let mut seen = HashSet::new();
        for (i, g) in r.groups.iter().enumerate() {
            self.check_group(g, &format!("results.groups[{i}]"), &ctx, &mut seen, diags);
        }
        if let (Some(total), Some(s)) = (&r.total, scheme) {
            self.check_groups_add_up(r, total, s, diags);
        }
    }

    /// A province is ranked among the provinces of the period: 63 until
    /// 30/6/2025, 34 from 1/7/2025.
    pub(super) fn check_provinces_ranked(
        &self,
        field: &str,
        rank: Rank,
        period: &Period,
        diags: &mut Diagnostics,
    ) {
        let ranked = provinces_ranked(period.end());
        if rank.of != ranked {
            let period_vi = crate::vi::format_period(period);
            diags.push(
                self.src
                    .warning(
                        field,
                        tr!(
"xếp hạng trên {}, nhưng kỳ {period_vi} có {} tỉnh được xếp hạng",
"ranked out of {}, but {} provinces were ranked in {period}",
                            rank.of, ranked
                        ),
                    )
                    .with_hint(tr!(
                        "đối chiếu thứ hạng với văn bản: trên 63 tỉnh đến 30/6/2025, trên 34 tỉnh từ 1/7/2025 (viết `{}/{ranked}`)",
                        "check the rank against the document: out of 63 until 30/6/2025, of 34 from 1/7/2025 (write `{}/{ranked}`)",
                        rank.position
                    )),
            );
        }
    }

    fn report_no_scheme(&self, period: &Period, diags: &mut Diagnostics) {
        let schemes = &self.cat.schemes;
        let known_en: Vec<String> = schemes
            .iter()
            .map(|s| {
                format!(
                    "{} ({})",
                    s.id,
                    super::validity_en(Some(s.valid_from), s.valid_to)
                )
            })
            .collect();
        let known_vi: Vec<String> = schemes
            .iter()
            .map(|s| {
                let span = crate::vi::format_validity(Some(&s.valid_from), s.valid_to.as_ref());
                format!("{} ({span})", s.id)
            })
            .collect();
        let (known_vi, known_en) = (known_vi.join(", "), known_en.join(", "));
        // The printed figures are still recorded, read against no maximum.
        let period_vi = crate::vi::format_period(period);
        diags.push(
            self.src
                .warning(
                    "period",
                    tr!(
                        "chưa có bộ chỉ số nào cho kỳ {period_vi}: điểm được ghi nhận không kèm điểm tối đa",
                        "no scheme of index groups is on record for {period}: the scores are kept without maxima"
                    ),
                )
                .with_hint(tr!(
                    "bổ sung bộ chỉ số vào indicators.yaml khi đã biết; đã có: {known_vi}",
                    "add the scheme in force to indicators.yaml when it is known; known: {known_en}"
                )),
        );
    }

    /// The total and its rank: a figure of [`TOTAL`].
    fn check_total(&mut self, ctx: &InForce, diags: &mut Diagnostics) {
        let (r, scheme) = (ctx.results, ctx.scheme);
        let Some(total) = &r.total else {
            if r.rank.is_some() {
                diags.push(
                    self.src
                        .error(
                            "results.rank",
                            tr!(
                                "có thứ hạng nhưng thiếu tổng điểm",
                                "a rank without a total"
                            ),
                        )
                        .with_hint(tr!(
                            "thêm `total:` với tổng điểm in trên văn bản",
                            "add `total:` with the printed score"
                        )),
                );
            }
            return;
        };
        if let Some(ind) = self.indicator(TOTAL, "results.total", diags) {
            check_measure_value(
                ind,
                total,
                scheme.map(|s| &s.total_max),
                self.src,
                &|| "results.total".into(),
                diags,
            );
            if let Some(avg) = &r.national_average {
                let max = scheme.map(|s| &s.total_max);
                check_measure_value(
                    ind,
                    avg,
                    max,
                    self.src,
                    &|| "results.national_average".into(),
                    diags,
                );
            }
        }
        if r.grade.as_deref().is_some_and(|g| g.trim().is_empty()) {
            diags.push(
                self.src
                    .error(
                        "results.grade",
                        tr!("xếp loại để trống", "the grade is empty"),
                    )
                    .with_hint(tr!(
                        "ghi xếp loại đúng như văn bản in (ví dụ: tốt), hoặc bỏ dòng `grade:`",
                        "write the grade as printed (e.g. tốt), or delete the `grade:` line"
                    )),
            );
        }
        if ctx.unit_ok {
            let mut f = self.figure(
                ctx.period,
                &r.unit,
                TOTAL,
                FigureValue::Value { value: *total },
                FigureSource::Results,
            );
            f.max = scheme.map(|s| s.total_max);
            f.rank = r.rank;
            f.national_average = r.national_average;
            f.scheme = scheme.map(|s| self.id(&s.id));
            self.figures.push(f);
        }
    }

    /// One group's score (at `at`): its indicator (once per results),
    /// maximum, range and details; a figure of the group.
    fn check_group<'r>(
        &mut self,
        g: &'r GroupResult,
        at: &str,
        ctx: &InForce<'r>,
        seen: &mut HashSet<&'r str>,
        diags: &mut Diagnostics,
    ) {
        let (period, scheme) = (ctx.period, ctx.scheme);
        let Some(ind) = self.indicator(&g.indicator, &format!("{at}.indicator"), diags) else {
            return;
        };
        if !seen.insert(&g.indicator) {
            diags.push(
                self.src
                    .error(
                        &format!("{at}.indicator"),
                        tr!("`{}` được ghi hai lần", "`{}` is given twice", g.indicator),
                    )
                    .with_hint(tr!(
                        "mỗi nhóm chỉ ghi một lần; kiểm tra điểm này thuộc nhóm nào",
                        "give each group once; check which group this score belongs to"
                    )),
            );
        }
        let in_scheme = ctx.maxima.get(g.indicator.as_str()).copied();
        let max = in_scheme.flatten();
        if let Some(s) = scheme {
            if in_scheme.is_none() {
                let names: Vec<&str> = ctx.maxima.keys().copied().collect();
                let period_vi = crate::vi::format_period(period);
                diags.push(
                    self.src
                        .error(
                            &format!("{at}.indicator"),
                            tr!(
"`{}` không phải nhóm của bộ chỉ số có hiệu lực cho kỳ {period_vi} ({})",
"`{}` is not a group of the scheme in force for {period} ({})",
                                g.indicator, s.id
                            ),
                        )
                        .with_hint(tr!(
                            "dùng một trong các nhóm: {}",
                            "use one of: {}",
                            names.join(", ")
                        )),
                );
            }
        }
        if let (Some(printed), Some(m)) = (&g.max, max) {
            if (printed.value - m.value).abs() > 1e-9 {
                diags.push(self.src.error(&format!("{at}.max"), tr!(
"điểm tối đa in trên văn bản {printed} khác {m}, là điểm tối đa của `{}` trong bộ chỉ số `{}`",
"the printed maximum {printed} differs from {m}, the maximum of `{}` in scheme `{}`",
                    g.indicator, scheme.map_or("", |s| s.id.as_str())
                )).with_hint(tr!("đối chiếu số liệu; nếu bộ chỉ số đã thay đổi thì thêm bộ chỉ số mới vào indicators.yaml", "check the figure; if the scheme changed, add the new scheme to indicators.yaml")));
            }
        }
        let effective_max = max.or(g.max.as_ref());
        let field = format!("{at}.score");
        check_measure_value(
            ind,
            &g.score,
            effective_max,
            self.src,
            &|| field.clone(),
            diags,
        );
        if let Some(avg) = &g.national_average {
            let field = format!("{at}.national_average");
            check_measure_value(ind, avg, effective_max, self.src, &|| field.clone(), diags);
        }
        if let Some(rate) = &g.rate {
            check_percent(rate, self.src, &format!("{at}.rate"), diags);
        }
        self.check_details(g, at, diags);
        if ctx.unit_ok {
            let mut f = self.figure(
                period,
                &ctx.results.unit,
                &g.indicator,
                FigureValue::Value { value: g.score },
                FigureSource::Results,
            );
            f.max = effective_max.copied();
            f.rank = g.rank;
            f.national_average = g.national_average;
            f.rate = g.rate;
            f.scheme = scheme.map(|s| self.id(&s.id));
            self.figures.push(f);
        }
    }

    /// The details of a group: a count of a whole, or a percent.
    fn check_details(&self, g: &GroupResult, at: &str, diags: &mut Diagnostics) {
        for (j, det) in g.details.iter().enumerate() {
            let dat = format!("{at}.details[{j}]");
            if let Some(p) = &det.percent {
                check_percent(p, self.src, &format!("{dat}.percent"), diags);
            }
            if let (Some(c), Some(of)) = (det.count, det.of) {
                if c.0 > of.0 {
                    diags.push(
                        self.src
                            .error(
                                &format!("{dat}.count"),
                                tr!(
                                    "{} lớn hơn tổng số {}",
                                    "{} is more than the total of {}",
                                    c.0,
                                    of.0
                                ),
                            )
                            .with_hint(tr!(
                                "`count` là phần, `of` là tổng, như 171/171",
                                "`count` is the part and `of` the whole, as in 171/171"
                            )),
                    );
                }
            }
            if det.count.is_none() && det.percent.is_none() {
                diags.push(
                    self.src
                        .error(
                            &dat,
                            tr!(
                                "mỗi chi tiết cần `count` hoặc `percent`",
                                "a detail needs a `count` or a `percent`"
                            ),
                        )
                        .with_hint(tr!(
                            "ví dụ `percent: 82,92`, hoặc `count: 171` với `of: 171`",
                            "e.g. `percent: 82,92` or `count: 171` with `of: 171`"
                        )),
                );
            }
        }
    }

    /// Warn when every group of the scheme is reported (or all its parts)
    /// and they do not add up to the total, within the printed rounding.
    fn check_groups_add_up(
        &self,
        r: &Results,
        total: &Num,
        scheme: &SchemeEntry,
        diags: &mut Diagnostics,
    ) {
        let scores: HashMap<&str, &Num> = r
            .groups
            .iter()
            .map(|g| (g.indicator.as_str(), &g.score))
            .collect();
        let mut sum = 0.0;
        let mut slack = 0.0;
        let mut complete = true;
        for g in &scheme.groups {
            if let Some(v) = scores.get(g.indicator.as_str()) {
                sum += v.value;
                slack += half_unit(v);
            } else if !g.parts.is_empty()
                && g.parts
                    .iter()
                    .all(|p| scores.contains_key(p.indicator.as_str()))
            {
                for p in &g.parts {
                    let v = scores[p.indicator.as_str()];
                    sum += v.value;
                    slack += half_unit(v);
                }
            } else {
                complete = false;
            }
        }
        slack += half_unit(total);
        if complete && (sum - total.value).abs() > slack + 1e-9 {
            diags.push(
                self.src
                    .warning(
                        "results.total",
                        tr!(
                            "tổng điểm các nhóm là {} nhưng tổng điểm ghi là {total}",
                            "the groups add up to {} but the total is {total}",
                            crate::vi::format_auto(sum, 2)
                        ),
                    )
                    .with_hint(tr!(
                        "đối chiếu điểm với văn bản; tổng điểm in trên văn bản được giữ nguyên",
                        "check the scores against the dispatch; the printed total is kept"
                    )),
            );
        }
    }
}
