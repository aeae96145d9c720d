//! One dispatch file: its issuer, kind, period, mentions and notes; the
//! results and appendices are in the sibling modules. The checker collects
//! the file's figures as it goes.

use super::super::source::Source;
use super::Catalog;
use crate::diagnostics::Diagnostics;
use crate::model::{
    DispatchFile, DispatchKind, Figure, FigureSource, FigureValue, Id, IndicatorEntry, Period,
};
use crate::tr;
use crate::vi;
use rustc_hash::FxHashMap;

/// Checks one dispatch file against the catalog, and collects its figures.
pub(crate) struct DispatchChecker<'a> {
    pub(super) cat: &'a Catalog,
    pub(super) src: &'a Source,
    slug: &'a str,
    pub(super) figures: Vec<Figure>,
    /// One shared copy of each id the file's figures name.
    ids: std::cell::RefCell<FxHashMap<String, Id>>,
}

impl<'a> DispatchChecker<'a> {
    pub(crate) fn new(cat: &'a Catalog, src: &'a Source, slug: &'a str) -> Self {
        DispatchChecker {
            cat,
            src,
            slug,
            figures: Vec::new(),
            ids: Default::default(),
        }
    }

    /// Every check of the file; its figures, each valid where no error
    /// was reported.
    pub(crate) fn check(mut self, d: &DispatchFile, diags: &mut Diagnostics) -> Vec<Figure> {
        self.check_file(d, diags);
        self.figures
    }

    /// Whether `id` is a unit (reported when not) and existed in `period`
    /// (reported when not). `field` writes the field's path, only for a
    /// report (this runs for every row of every appendix).
    pub(super) fn unit(
        &self,
        id: &str,
        field: &dyn Fn() -> String,
        period: Option<&Period>,
        diags: &mut Diagnostics,
    ) -> bool {
        match self.cat.resolve_unit(id) {
            Err(hint) => {
                diags.push(
                    self.src
                        .error(
                            &field(),
                            tr!("không có đơn vị `{id}`", "unknown unit `{id}`"),
                        )
                        .with_hint(hint),
                );
                false
            }
            Ok(u) => {
                if let Some(p) = period {
                    let valid = u.valid_from.is_none_or(|f| f <= p.end())
                        && u.valid_to.is_none_or(|t| t >= p.start());
                    if !valid {
                        let span = super::validity_en(u.valid_from, u.valid_to);
                        let span_vi =
                            vi::format_validity(u.valid_from.as_ref(), u.valid_to.as_ref());
                        let p_vi = vi::format_period(p);
                        let mut hint = tr!("`{id}` tồn tại {span_vi}", "`{id}` existed {span}");
                        if !u.successors.is_empty() {
                            hint = hint.append(&tr!(
                                "; từ đó về sau viết đơn vị kế thừa: {}",
                                "; from then on write its successor: {}",
                                u.successors.join(", ")
                            ));
                        }
                        diags.push(
                            self.src
                                .error(
                                    &field(),
                                    tr!(
                                        "{} không tồn tại trong kỳ {p_vi}",
                                        "{} did not exist in {p}",
                                        u.name
                                    ),
                                )
                                .with_hint(hint),
                        );
                    }
                }
                true
            }
        }
    }

    pub(super) fn indicator(
        &self,
        id: &str,
        field: &str,
        diags: &mut Diagnostics,
    ) -> Option<&IndicatorEntry> {
        match self.cat.resolve_indicator(id) {
            Ok(i) => Some(i),
            Err(hint) => {
                diags.push(
                    self.src
                        .error(
                            field,
                            tr!("không có chỉ tiêu `{id}`", "unknown indicator `{id}`"),
                        )
                        .with_hint(hint),
                );
                None
            }
        }
    }

    fn check_file(&mut self, d: &DispatchFile, diags: &mut Diagnostics) {
        let period = d.period.as_ref();
        super::kinds::check_fields(self.src, d, diags);
        self.check_issuer(d, diags);
        if let (Some(t), Some(issued)) = (d.data_as_of, d.issued()) {
            if t > issued.earliest() && issued.day.is_some() {
                diags.push(self.src.warning(
                    "data_as_of",
                    tr!(
                        "ngày số liệu {t} sau ngày ban hành {issued}",
                        "the data date {t} is after the date of issue {issued}"
                    ),
                ));
            }
        }
        self.check_dates(d, diags);
        self.check_name_and_period(d, diags);
        self.check_body(&d.body, diags);
        // At most one figure per appendix cell, and a few from the results:
        // room for them at once, not by doubling into fresh memory.
        self.figures.reserve(
            d.appendices
                .iter()
                .map(|a| a.rows.len() * a.columns.len())
                .sum::<usize>()
                + d.results.as_ref().map_or(0, |r| 1 + r.groups.len()),
        );
        match d.kind {
            DispatchKind::Directive => {
                let carries = d.results.is_some() || !d.appendices.is_empty();
                if carries {
                    let field = if d.results.is_some() {
                        "results"
                    } else {
                        "appendices"
                    };
                    diags.push(self.src.error(field, tr!("văn bản chỉ đạo không có kết quả chấm điểm", "a directive carries no results"))
                        .with_hint(tr!("xoá phần `results`, hoặc đặt `kind: monthly-results` nếu văn bản có công bố kết quả", "remove the results, or set `kind: monthly-results` if the dispatch publishes them")));
                }
            }
            DispatchKind::MonthlyResults | DispatchKind::PortalCapture => {
                if period.is_none() {
                    diags.push(
                        self.src
                            .error(
                                "kind",
                                tr!(
                                    "kết quả cần có kỳ báo cáo",
                                    "results need the period they cover"
                                ),
                            )
                            .with_hint(tr!(
                                "thêm `period:`, ví dụ `period: 2023-10` cho tháng 10/2023",
                                "add `period:`, e.g. `period: 2023-10` for October 2023"
                            )),
                    );
                }
            }
            DispatchKind::Report | DispatchKind::NewsArticle => {
                let carries = d.results.is_some() || !d.appendices.is_empty();
                if carries && period.is_none() {
                    let (vi, en) = super::kinds::kind_name(d.kind);
                    diags.push(
                        self.src
                            .error(
                                "kind",
                                tr!(
                                    "{vi} có số liệu nên cần kỳ số liệu",
                                    "{en} with figures needs the period they cover"
                                ),
                            )
                            .with_hint(tr!(
                                "thêm `period:`, ví dụ `period: 2024` cho kết quả năm 2024",
                                "add `period:`, e.g. `period: 2024` for the results of 2024"
                            )),
                    );
                }
            }
        }
        for (i, m) in d.mentions.iter().enumerate() {
            self.unit(&m.unit, &|| format!("mentions[{i}].unit"), period, diags);
            if let Some(ind) = &m.indicator {
                self.indicator(ind, &format!("mentions[{i}].indicator"), diags);
            }
        }
        for (i, n) in d.notes.iter().enumerate() {
            if let Some(ind) = &n.indicator {
                self.indicator(ind, &format!("notes[{i}].indicator"), diags);
            }
        }
        for (i, n) in d.editor_notes.iter().enumerate() {
            if let Some(ind) = &n.indicator {
                self.indicator(ind, &format!("editor_notes[{i}].indicator"), diags);
            }
        }
        let Some(period) = period else { return };
        if let Some(r) = &d.results {
            self.check_results(r, period, diags);
        }
        for (a, app) in d.appendices.iter().enumerate() {
            self.check_appendix(app, a, period, diags);
        }
    }

    /// The issuer, when the kind has one, must exist on the day of issue.
    fn check_issuer(&self, d: &DispatchFile, diags: &mut Diagnostics) {
        let Some(issuer) = &d.issuer else { return };
        let Ok(u) = self.cat.resolve_unit(&issuer.unit) else {
            self.unit(&issuer.unit, &|| "issuer.unit".into(), None, diags);
            return;
        };
        let Some(date) = d.issued() else { return };
        let issued = date.earliest();
        if u.valid_to.is_some_and(|t| t < issued) || u.valid_from.is_some_and(|f| f > issued) {
            let date_vi = vi::format_short_partial_date(&date);
            let span_vi = vi::format_validity(u.valid_from.as_ref(), u.valid_to.as_ref());
            let span = super::validity_en(u.valid_from, u.valid_to);
            diags.push(
                self.src
                    .error(
                        "issuer.unit",
                        tr!(
                            "{} không tồn tại vào ngày {date_vi}",
                            "{} did not exist on {date}",
                            u.name
                        ),
                    )
                    .with_hint(tr!(
                        "theo units.yaml, đơn vị tồn tại {span_vi}",
                        "in units.yaml, the unit exists {span}"
                    )),
            );
        }
    }

    /// No date after today; no period that starts after the document's
    /// date, nor one that ends after it without the data's cut-off date.
    fn check_dates(&self, d: &DispatchFile, diags: &mut Diagnostics) {
        let today = super::today();
        let today_vi = vi::format_short_date(&today);
        let date_field = if d.captured_at.is_some() {
            "captured_at"
        } else {
            "date"
        };
        let issued = d.issued();
        if let Some(date) = issued.filter(|x| x.earliest() > today) {
            let date_vi = vi::format_short_partial_date(&date);
            diags.push(
                self.src
                    .error(
                        date_field,
                        tr!(
                            "{date_vi} sau ngày hôm nay ({today_vi})",
                            "{date} is after today ({today})"
                        ),
                    )
                    .with_hint(tr!(
                        "viết ngày in trên văn bản, ví dụ 2023-03-08",
                        "write the date printed on the document, e.g. 2023-03-08"
                    )),
            );
        }
        if let Some(t) = d.data_as_of.filter(|t| *t > today) {
            let t_vi = vi::format_short_date(&t);
            diags.push(
                self.src
                    .error(
                        "data_as_of",
                        tr!(
                            "{t_vi} sau ngày hôm nay ({today_vi})",
                            "{t} is after today ({today})"
                        ),
                    )
                    .with_hint(tr!(
                        "viết ngày số liệu in trên văn bản (\"số liệu ngày …\")",
                        "write the data date the document prints (\"số liệu ngày …\")"
                    )),
            );
        }
        let Some(p) = d.period else { return };
        self.check_capture_cutoff(d, p, diags);
        let Some(date) = issued else { return };
        let latest = date.latest();
        let (p_vi, date_vi) = (vi::format_period(&p), vi::format_short_partial_date(&date));
        if p.start() > latest {
            let start = p.start();
            let start_vi = vi::format_short_date(&start);
            diags.push(
                self.src
                    .error(
                        "period",
                        tr!(
                            "kỳ {p_vi} bắt đầu ngày {start_vi}, sau ngày ban hành văn bản ({date_vi})",
                            "{p} starts on {start}, after the document's date {date}"
                        ),
                    )
                    .with_hint(tr!(
                        "văn bản chỉ báo cáo kỳ đã bắt đầu: kiểm tra `period:` và `date:`",
                        "a document reports a period that has begun: check `period:` and `date:`"
                    )),
            );
        } else if p.end() > latest && d.data_as_of.is_none() {
            let end = p.end();
            let end_vi = vi::format_short_date(&end);
            diags.push(
                self.src
                    .warning(
                        "period",
                        tr!(
"kỳ {p_vi} kết thúc ngày {end_vi}, sau ngày ban hành văn bản ({date_vi})",
"{p} ends on {end}, after the document's date {date}"),
                    )
                    .with_hint(tr!("nếu số liệu tính đến trước ngày cuối kỳ thì thêm `data_as_of:` với ngày số liệu; nếu không thì kiểm tra `period:`", "if the figures stop before the period's end, add `data_as_of:` with their date; else check `period:`")),
            );
        }
    }

    /// A capture cannot hold figures cut off after it was taken.
    fn check_capture_cutoff(&self, d: &DispatchFile, p: Period, diags: &mut Diagnostics) {
        let (Some(at), Period::YearToDate { to, at: hour }) = (d.captured_at, p) else {
            return;
        };
        let late = match hour {
            Some(h) => (to, h) > (at.date, at.time),
            None => to > at.date,
        };
        if late {
            diags.push(
                self.src
                    .error(
                        "period",
                        crate::lang::Text::new(
                            format!(
                                "số liệu chốt {} sau lúc chụp trang ({})",
                                crate::vi::format_period(&p),
                                crate::vi::format_moment(&at)
                            ),
                            format!("the figures' cut-off {p} is after the capture ({at})"),
                        ),
                    )
                    .with_hint(tr!(
                        "kiểm tra giờ chốt trong `period:` và giờ chụp trong `captured_at:`",
                        "check the cut-off in `period:` and the capture time in `captured_at:`"
                    )),
            );
        }
    }

    /// A file named after one month that covers another: one of the two
    /// was not changed when the file was copied.
    fn check_name_and_period(&self, d: &DispatchFile, diags: &mut Diagnostics) {
        let (Some(p @ Period::Month { .. }), Some(prefix)) = (d.period, self.slug.get(..7)) else {
            return;
        };
        let Ok(named @ Period::Month { .. }) = Period::parse(prefix) else {
            return;
        };
        if named != p {
            let (named_vi, p_vi) = (vi::format_period(&named), vi::format_period(&p));
            diags.push(
                self.src
                    .warning(
                        "period",
                        tr!(
                            "tên tệp ghi kỳ {named_vi} nhưng `period` là {p_vi}",
                            "the file name says {named} but the period is {p}"
                        ),
                    )
                    .with_hint(tr!(
                        "sửa `period:`, hoặc đổi tên tệp theo kỳ mà văn bản báo cáo",
                        "correct `period:`, or rename the file after the period it covers"
                    )),
            );
        }
    }

    pub(super) fn figure(
        &self,
        period: &Period,
        unit: &str,
        indicator: &str,
        value: FigureValue,
        source: FigureSource,
    ) -> Figure {
        Figure {
            period: *period,
            unit: self.id(unit),
            indicator: self.id(indicator),
            value,
            max: None,
            target: None,
            status: None,
            rank: None,
            national_average: None,
            rate: None,
            dispatch: self.id(self.slug),
            source,
            scheme: None,
        }
    }

    pub(super) fn id(&self, text: &str) -> Id {
        let mut ids = self.ids.borrow_mut();
        if let Some(id) = ids.get(text) {
            return id.clone();
        }
        let id: Id = text.into();
        ids.insert(text.to_string(), id.clone());
        id
    }
}

pub(super) fn cell_text(cell: &crate::model::Cell) -> String {
    match cell {
        crate::model::Cell::Value { value } => value.to_string(),
        _ => "the value".into(),
    }
}
