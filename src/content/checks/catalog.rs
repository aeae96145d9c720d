//! The catalog files: `units.yaml`, `indicators.yaml` and `site.yaml`.
//! What they hold once checked is the [`Catalog`] every dispatch is
//! checked against.

use super::super::files::{is_slug, slug_hint};
use super::super::source::Source;
use super::check_measure_value;
use crate::diagnostics::Diagnostics;
use crate::model::catalog::*;
use crate::suggest::{closest, fold};
use crate::tr;
use crate::vi;
use rustc_hash::FxHashMap;
use std::collections::{HashMap, HashSet};

/// Units, indicators and schemes, once they are read: what dispatches are
/// checked against. Looked up for every cell of every appendix: FxHash
/// (ids are short and not adversarial).
#[derive(Default)]
pub(crate) struct Catalog {
    pub(crate) units: FxHashMap<String, UnitEntry>,
    /// Folded name or alias → unit id, for did-you-mean.
    pub(crate) names: Vec<(String, String)>,
    pub(crate) indicators: FxHashMap<String, IndicatorEntry>,
    pub(crate) schemes: Vec<SchemeEntry>,
}

impl Catalog {
    pub(crate) fn check_units(&mut self, file: &UnitsFile, src: &Source, diags: &mut Diagnostics) {
        let mut seen_names: HashMap<String, String> = HashMap::new();
        for (i, u) in file.units.iter().enumerate() {
            let at = format!("units[{i}]");
            if !is_slug(&u.id) {
                diags.push(
                    src.error(
                        &format!("{at}.id"),
                        tr!("`{}` không phải mã hợp lệ", "`{}` is not a valid id", u.id),
                    )
                    .with_hint(slug_hint(&u.id)),
                );
            }
            if self.units.insert(u.id.clone(), u.clone()).is_some() {
                diags.push(
                    src.error(
                        &format!("{at}.id"),
                        tr!("mã `{}` bị dùng hai lần", "the id `{}` is used twice", u.id),
                    )
                    .with_hint(tr!(
                        "đặt cho mỗi đơn vị một mã riêng",
                        "give each unit its own id"
                    )),
                );
            }
            for (j, name) in std::iter::once(&u.name).chain(&u.aliases).enumerate() {
                let key = fold(name);
                let field = if j == 0 {
                    format!("{at}.name")
                } else {
                    format!("{at}.aliases[{}]", j - 1)
                };
                match seen_names.get(&key) {
                    Some(other) if other != &u.id => diags.push(
                        src.error(&field, tr!(
"tên `{name}` cũng là tên của `{other}`",
"the name `{name}` is also a name of `{other}`"))
                            .with_hint(tr!("một tên in trên văn bản chỉ được chỉ một đơn vị: xoá tên đó ở một trong hai đơn vị", "a printed name must point at one unit only: remove it from one of them")),
                    ),
                    _ => {
                        seen_names.insert(key.clone(), u.id.clone());
                        self.names.push((key, u.id.clone()));
                    }
                }
            }
            if let (Some(f), Some(t)) = (u.valid_from, u.valid_to) {
                if t < f {
                    let (t_vi, f_vi) = (vi::format_short_date(&t), vi::format_short_date(&f));
                    diags.push(
                        src.error(
                            &format!("{at}.valid_to"),
                            tr!(
"valid_to ({t_vi}) trước valid_from ({f_vi})",
"valid_to {t} is before valid_from {f}"),
                        )
                        .with_hint(
                            tr!("valid_to là ngày cuối cùng đơn vị còn tồn tại: một ngày sau valid_from", "valid_to is the last day the unit existed: a date after valid_from"),
                        ),
                    );
                }
            }
        }
        let mut former: HashSet<&str> = HashSet::new();
        for (i, u) in file.units.iter().enumerate() {
            for (j, f) in u.former_ids.iter().enumerate() {
                let field = format!("units[{i}].former_ids[{j}]");
                if !is_slug(f) {
                    diags.push(
                        src.error(
                            &field,
                            tr!("`{f}` không phải mã hợp lệ", "`{f}` is not a valid id"),
                        )
                        .with_hint(slug_hint(f)),
                    );
                } else if self.units.contains_key(f) || !former.insert(f) {
                    diags.push(src.error(&field, tr!(
"`{f}` đã là mã của một đơn vị",
"`{f}` is already the id of a unit"))
                        .with_hint(tr!("mã cũ không được đang dùng: xoá nó, hoặc đổi mã của đơn vị kia", "a former id must not be in use: remove it, or give the other unit another id")));
                }
            }
        }
        for (i, u) in file.units.iter().enumerate() {
            let at = format!("units[{i}]");
            if let Some(p) = &u.parent {
                if let Err(hint) = self.resolve_unit(p) {
                    diags.push(
                        src.error(
                            &format!("{at}.parent"),
                            tr!("không có đơn vị `{p}`", "unknown unit `{p}`"),
                        )
                        .with_hint(hint),
                    );
                } else if p == &u.id {
                    diags.push(
                        src.error(
                            &format!("{at}.parent"),
                            tr!(
                                "một đơn vị không thể là cấp trên của chính nó",
                                "a unit cannot be its own parent"
                            ),
                        )
                        .with_hint(tr!(
                            "viết mã của đơn vị cấp trên, ví dụ hung-yen",
                            "write the id of the unit above it, e.g. hung-yen"
                        )),
                    );
                }
            }
            for (j, s) in u.successors.iter().enumerate() {
                if let Err(hint) = self.resolve_unit(s) {
                    diags.push(
                        src.error(
                            &format!("{at}.successors[{j}]"),
                            tr!("không có đơn vị `{s}`", "unknown unit `{s}`"),
                        )
                        .with_hint(hint),
                    );
                }
            }
            if !u.successors.is_empty() && u.valid_to.is_none() {
                diags.push(
                    src.error(
                        &format!("{at}.successors"),
                        tr!(
                            "đơn vị có đơn vị kế thừa (`successors`) cần có `valid_to`",
                            "a unit with successors needs `valid_to`"
                        ),
                    )
                    .with_hint(tr!(
                        "thêm `valid_to:` với ngày cuối cùng đơn vị tồn tại, ví dụ 2025-02-28",
                        "add `valid_to:` with the last day it existed, e.g. 2025-02-28"
                    )),
                );
            }
        }
        // A parent chain must end: a cycle would loop forever on unit pages.
        // Said of each unit of the cycle; a unit whose chain only leads into
        // it is not, nor is a unit that is its own parent (said above).
        for (i, u) in file.units.iter().enumerate() {
            if u.parent.as_ref() == Some(&u.id) {
                continue;
            }
            let mut seen = HashSet::new();
            let mut cur = u.parent.as_deref();
            while let Some(p) = cur {
                if !seen.insert(p.to_string()) {
                    break;
                }
                if p == u.id {
                    diags.push(
                        src.error(
                            &format!("units[{i}].parent"),
                            tr!(
                                "các đơn vị cấp trên tạo thành vòng lặp",
                                "the parents form a cycle"
                            ),
                        )
                        .with_hint(tr!(
                            "chuỗi đơn vị cấp trên phải kết thúc ở tỉnh",
                            "a unit's parent chain must end at the province"
                        )),
                    );
                    break;
                }
                cur = self.units.get(p).and_then(|x| x.parent.as_deref());
            }
        }
    }

    /// Resolve an id; on failure, a hint naming the closest id, name or alias.
    pub(crate) fn resolve_unit(&self, id: &str) -> Result<&UnitEntry, crate::lang::Text> {
        if let Some(u) = self.units.get(id) {
            return Ok(u);
        }
        let folded = fold(id);
        if let Some((_, uid)) = self.names.iter().find(|(n, _)| *n == folded) {
            return Err(tr!(
                "viết mã đơn vị `{uid}`, không viết tên đơn vị",
                "write the unit's id, `{uid}`, not its name"
            ));
        }
        let candidates = self
            .units
            .keys()
            .map(String::as_str)
            .chain(self.names.iter().map(|(n, _)| n.as_str()));
        match closest(id, candidates) {
            Some(c) => {
                let uid = self
                    .names
                    .iter()
                    .find(|(n, _)| n == c)
                    .map_or(c, |(_, u)| u.as_str());
                let name = self.units.get(uid).map_or("", |u| u.name.as_str());
                Err(tr!(
                    "có phải ý bạn là `{uid}` ({name})? Danh sách đơn vị ở units.yaml",
                    "did you mean `{uid}` ({name})? Units are listed in units.yaml"
                ))
            }
            None => Err(tr!(
                "dùng một mã có trong units.yaml, hoặc thêm đơn vị vào đó",
                "use an id from units.yaml, or add the unit there"
            )),
        }
    }

    pub(crate) fn resolve_indicator(&self, id: &str) -> Result<&IndicatorEntry, crate::lang::Text> {
        if let Some(i) = self.indicators.get(id) {
            return Ok(i);
        }
        let folded = fold(id);
        if let Some(ind) = self.indicators.values().find(|i| fold(&i.name) == folded) {
            return Err(tr!(
                "viết mã chỉ tiêu `{}`, không viết tên chỉ tiêu",
                "write the indicator's id, `{}`, not its name",
                ind.id
            ));
        }
        let mut ids: Vec<&str> = self.indicators.keys().map(String::as_str).collect();
        ids.sort_unstable();
        match closest(id, ids.iter().copied()) {
            Some(c) => Err(tr!(
                "có phải ý bạn là `{c}`? Danh sách chỉ tiêu ở indicators.yaml",
                "did you mean `{c}`? Indicators are listed in indicators.yaml"
            )),
            None => Err(tr!(
                "dùng một trong các mã: {}",
                "use one of: {}",
                ids.join(", ")
            )),
        }
    }

    pub(crate) fn check_indicators(
        &mut self,
        file: &IndicatorsFile,
        src: &Source,
        diags: &mut Diagnostics,
    ) {
        for (i, ind) in file.indicators.iter().enumerate() {
            let at = format!("indicators[{i}]");
            if !is_slug(&ind.id) {
                diags.push(
                    src.error(
                        &format!("{at}.id"),
                        tr!(
                            "`{}` không phải mã hợp lệ",
                            "`{}` is not a valid id",
                            ind.id
                        ),
                    )
                    .with_hint(slug_hint(&ind.id)),
                );
            }
            if self
                .indicators
                .insert(ind.id.clone(), ind.clone())
                .is_some()
            {
                diags.push(
                    src.error(
                        &format!("{at}.id"),
                        tr!(
                            "mã `{}` bị dùng hai lần",
                            "the id `{}` is used twice",
                            ind.id
                        ),
                    )
                    .with_hint(tr!(
                        "đặt cho mỗi chỉ tiêu một mã riêng",
                        "give each indicator its own id"
                    )),
                );
            }
            if let Some(t) = &ind.target {
                check_measure_value(
                    ind,
                    &t.at_least,
                    None,
                    src,
                    &|| format!("{at}.target.at_least"),
                    diags,
                );
            }
        }
        let mut ids = HashSet::new();
        for (i, s) in file.schemes.iter().enumerate() {
            if !is_slug(&s.id) {
                diags.push(
                    src.error(
                        &format!("schemes[{i}].id"),
                        tr!("`{}` không phải mã hợp lệ", "`{}` is not a valid id", s.id),
                    )
                    .with_hint(slug_hint(&s.id)),
                );
            }
            if !ids.insert(s.id.as_str()) {
                diags.push(
                    src.error(
                        &format!("schemes[{i}].id"),
                        tr!("mã `{}` bị dùng hai lần", "the id `{}` is used twice", s.id),
                    )
                    .with_hint(tr!(
                        "đặt cho mỗi bộ chỉ số một mã riêng",
                        "give each scheme its own id"
                    )),
                );
            }
            self.check_scheme(s, &format!("schemes[{i}]"), src, diags);
        }
        check_scheme_overlaps(&file.schemes, src, diags);
        self.schemes = file.schemes.clone();
    }

    /// One scheme (at `at`): its dates, and maxima that add up, of groups
    /// and parts that are points indicators.
    fn check_scheme(&self, s: &SchemeEntry, at: &str, src: &Source, diags: &mut Diagnostics) {
        if let Some(t) = s.valid_to {
            if t < s.valid_from {
                let f = s.valid_from;
                let (t_vi, f_vi) = (vi::format_short_date(&t), vi::format_short_date(&f));
                diags.push(
                    src.error(
                        &format!("{at}.valid_to"),
                        tr!(
"valid_to ({t_vi}) trước valid_from ({f_vi})",
"valid_to {t} is before valid_from {f}"),
                    )
                    .with_hint(
                        tr!("valid_to là ngày cuối cùng bộ chỉ số còn hiệu lực: một ngày sau valid_from", "valid_to is the last day the scheme was in force: a date after valid_from"),
                    ),
                );
            }
        }
        // Maxima may be partly unknown: they must add up where all are
        // known, and never exceed the whole where some are not.
        let mut sum = 0.0;
        let mut all_known = true;
        for (g, group) in s.groups.iter().enumerate() {
            let gat = format!("{at}.groups[{g}]");
            self.check_points_indicator(&group.indicator, src, &format!("{gat}.indicator"), diags);
            match group.max {
                Some(m) => sum += m.value,
                None => all_known = false,
            }
            let parts: Option<f64> = group.parts.iter().map(|p| p.max.map(|m| m.value)).sum();
            if let (false, Some(parts), Some(max)) = (group.parts.is_empty(), parts, group.max) {
                if (parts - max.value).abs() > 1e-9 {
                    diags.push(
                        src.error(
                            &format!("{gat}.max"),
                            tr!(
"tổng điểm tối đa các thành phần là {} nhưng điểm tối đa của nhóm là {}",
"the parts' maxima add up to {} but the group's max is {}",
                                crate::vi::format_auto(parts, 2),
                                max
                            ),
                        )
                        .with_hint(tr!(
                            "sửa để tổng điểm tối đa các thành phần bằng điểm tối đa của nhóm",
                            "make the parts' maxima add up to the group's max"
                        )),
                    );
                }
            }
            for (p, part) in group.parts.iter().enumerate() {
                self.check_points_indicator(
                    &part.indicator,
                    src,
                    &format!("{gat}.parts[{p}].indicator"),
                    diags,
                );
            }
        }
        let gap = sum - s.total_max.value;
        let off = if all_known {
            gap.abs() > 1e-9
        } else {
            gap > 1e-9
        };
        if off {
            diags.push(
                src.error(
                    &format!("{at}.total_max"),
                    tr!(
                        "tổng điểm tối đa các nhóm là {} nhưng total_max là {}",
                        "the groups' maxima add up to {} but total_max is {}",
                        crate::vi::format_auto(sum, 2),
                        s.total_max
                    ),
                )
                .with_hint(tr!(
                    "sửa để tổng điểm tối đa các nhóm bằng total_max",
                    "make the groups' maxima add up to total_max"
                )),
            );
        }
    }
}

/// Schemes follow one another: one ends before the next starts.
fn check_scheme_overlaps(schemes: &[SchemeEntry], src: &Source, diags: &mut Diagnostics) {
    let mut sorted: Vec<(usize, &SchemeEntry)> = schemes.iter().enumerate().collect();
    sorted.sort_by_key(|(_, s)| s.valid_from);
    for w in sorted.windows(2) {
        let (_, a) = w[0];
        let (j, b) = w[1];
        if a.valid_to.is_none_or(|t| t >= b.valid_from) {
            let (from, from_vi) = (b.valid_from, vi::format_short_date(&b.valid_from));
            diags.push(
                src.error(
                    &format!("schemes[{j}].valid_from"),
                    tr!(
                        "bộ chỉ số `{}` bắt đầu từ ngày {from_vi} khi `{}` vẫn còn hiệu lực",
                        "scheme `{}` starts {from} while `{}` is still in force",
                        b.id,
                        a.id
                    ),
                )
                .with_hint(tr!(
                    "cho `{}` kết thúc một ngày trước đó: valid_to: {}",
                    "end `{}` the day before: valid_to: {}",
                    a.id,
                    b.valid_from
                        .0
                        .pred_opt()
                        .map_or(String::new(), |d| d.to_string())
                )),
            );
        }
    }
}

impl Catalog {
    fn check_points_indicator(&self, id: &str, src: &Source, field: &str, diags: &mut Diagnostics) {
        match self.resolve_indicator(id) {
            Err(hint) => diags.push(
                src.error(
                    field,
                    tr!("không có chỉ tiêu `{id}`", "unknown indicator `{id}`"),
                )
                .with_hint(hint),
            ),
            Ok(ind) if ind.measure != Measure::Points => diags.push(
                src.error(field, {
                    // The measure in words, with its `measure:` value.
                    let (vi, en) = match ind.measure {
                        Measure::Points => ("điểm (`points`)", "points"),
                        Measure::Percent => ("tỷ lệ phần trăm (`percent`)", "percent"),
                        Measure::Count => ("số đếm (`count`)", "count"),
                    };
                    tr!(
                        "`{id}` đo bằng {vi}, không phải điểm: không thể là nhóm chỉ số",
                        "`{id}` is measured in {en}, not points: it cannot be an index group"
                    )
                })
                .with_hint(tr!(
                    "nhóm chỉ số là chỉ tiêu có `measure: points`",
                    "index groups are indicators with `measure: points`"
                )),
            ),
            Ok(_) => {}
        }
    }

    pub(crate) fn check_site(&self, site: &SiteFile, src: &Source, diags: &mut Diagnostics) {
        if !self.units.is_empty() {
            if let Err(hint) = self.resolve_unit(&site.province) {
                diags.push(
                    src.error(
                        "province",
                        tr!("không có đơn vị `{}`", "unknown unit `{}`", site.province),
                    )
                    .with_hint(hint),
                );
            }
        }
        if !crate::address::is_base_path(&site.base_path) {
            diags.push(
                src.error(
                    "base_path",
                    tr!(
"`{}` không phải đường dẫn con",
"`{}` is not a sub-path", site.base_path),
                )
                .with_hint(tr!("viết `/` hoặc một đường dẫn giữa hai dấu gạch chéo gồm chữ, số và gạch ngang, ví dụ /cong-khai/", "write `/` or a path between slashes of letters, digits and hyphens, e.g. /cong-khai/")),
            );
        }
        let lower = site.site_url.to_ascii_lowercase();
        if !(lower.starts_with("https://") || lower.starts_with("http://"))
            || site.site_url.ends_with('/')
        {
            diags.push(src.error("site_url", tr!(
"`{}` không phải địa chỉ trang web",
"`{}` is not a site address", site.site_url)).with_hint(tr!("viết giao thức và tên miền, không có gạch chéo ở cuối, ví dụ https://hungyen.gov.vn", "write the scheme and host without a trailing slash, e.g. https://hungyen.gov.vn")));
        }
        if !is_slug(&site.theme) {
            diags.push(
                src.error(
                    "theme",
                    tr!(
                        "`{}` không phải tên thư mục giao diện",
                        "`{}` is not a theme folder name",
                        site.theme
                    ),
                )
                .with_hint(slug_hint(&site.theme)),
            );
        }
    }
}
