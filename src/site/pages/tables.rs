//! The long tables, written as HTML here rather than by a template: a
//! history table has a row per period and an appendix a row per unit, and
//! at national scale a tera loop with a filter or a lookup per cell was
//! most of the build's time (each macro argument and `set` copies its
//! value). The markup is the theme's all the same: the classes and
//! structure are those the stylesheet and the tests know. Every text is
//! escaped here; addresses come from `paths` (checked slugs).
//!
//! The rows leave out the end tags HTML makes optional (`</td>`, `</th>`,
//! `</tr>`: the next cell, row or `</tbody>` closes them), and follow each
//! other without a line break: at national scale the end tags were 34 MB
//! of the output. Nothing may stand between a row's last cell and the next
//! `<tr>`, or it would become that cell's text (and the stylesheet's
//! `:empty` test of the status cell would fail).

use super::views::{AppendixView, FigureRow, RowView};
use crate::model::{Cell, FigureValue, Holds, Measure, Num, PartialDate, Period, Status};
use crate::vi;

/// Append `text` escaped for HTML (as the theme's autoescape does).
pub fn push_escaped(out: &mut String, text: &str) {
    let mut last = 0;
    for (i, b) in text.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&text[last..]);
}

fn num(n: &Num) -> String {
    vi::format_decimal(n.value, n.decimals)
}

/// `28/02/2023` from a date as the views carry it (`2023-02-28`).
fn short_date(text: &str) -> String {
    match PartialDate::parse(text) {
        Ok(p) => vi::format_short_partial_date(&p),
        Err(_) => text.to_string(),
    }
}

fn period(p: &Period) -> String {
    vi::format_period(p)
}

/// What a row's figures share, found in one pass before the table is
/// written: a column only when a row has a status; the source named once
/// (in the caption) when every row has the same; the bound named once (in
/// the column heading) when every row has the same.
struct Shared {
    has_status: bool,
    one_source: bool,
    one_bound: bool,
}

fn shared(rows: &[FigureRow]) -> Shared {
    let mut s = Shared {
        has_status: false,
        one_source: true,
        one_bound: true,
    };
    let Some(first) = rows.first() else {
        return s;
    };
    for f in rows {
        s.has_status |= f.status.is_some() || f.met.is_some();
        s.one_source &= f.dispatch.slug == first.dispatch.slug && f.source == first.source;
        s.one_bound &= f.max == first.max && f.target == first.target;
    }
    s
}

/// Whether the row is highlighted as a miss: the printed status, else the
/// target computed.
fn missed(f: &FigureRow) -> bool {
    f.status == Some(Status::NotMet) || (f.met == Some(false) && f.status != Some(Status::Met))
}

/// A history or ranking table of figures, one row per figure: by period
/// (a period links to the dispatch that published it) or, with
/// `show_unit`, by unit. The cells carry no classes: the stylesheet styles
/// the columns of `.history-table` by position. A met row reads "Đạt";
/// only a miss is highlighted ("Chưa đạt"), and never by colour alone.
pub fn figure_table(
    rows: &[FigureRow],
    caption: &str,
    id: &str,
    root: &str,
    show_unit: bool,
) -> String {
    let mut o = String::with_capacity(400 + rows.len() * 200);
    let s = shared(rows);
    let first = rows.first();
    o.push_str("\n\n\n<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"");
    o.push_str(id);
    o.push_str("\" tabindex=\"0\">\n<table class=\"figures history-table\">\n<caption id=\"");
    o.push_str(id);
    o.push_str("\">");
    push_escaped(&mut o, caption);
    match first {
        Some(first) if s.one_source => {
            o.push_str("<span class=\"caption-source\">Nguồn: <a href=\"");
            o.push_str(root);
            o.push_str(&first.source_url);
            o.push_str("\">");
            push_escaped(&mut o, &first.dispatch.link_text);
            o.push_str("</a>");
            if first.source != "Nội dung văn bản" {
                o.push_str(", ");
                push_escaped(&mut o, &first.source);
            }
            if let Some(d) = &first.dispatch.data_as_of {
                o.push_str("; số liệu ngày ");
                o.push_str(&short_date(d));
            }
            o.push_str(".</span>");
        }
        Some(_) if !show_unit => {
            o.push_str(
                "<span class=\"caption-source\">Mỗi kỳ dẫn đến văn bản công bố số liệu của kỳ đó.",
            );
            if !s.one_bound {
                o.push_str(" Điểm tối đa, mục tiêu ghi ở kỳ đầu và khi thay đổi.");
            }
            o.push_str("</span>");
        }
        _ => {}
    }
    o.push_str("</caption>\n<thead><tr><th scope=\"col\">");
    o.push_str(if show_unit { "Đơn vị" } else { "Kỳ" });
    o.push_str("</th><th scope=\"col\" class=\"num\">Kết quả");
    if let (true, Some(first)) = (s.one_bound, first) {
        if let Some(max) = &first.max {
            o.push_str(" (tối đa ");
            o.push_str(&num(max));
            o.push_str(" điểm)");
        } else if let Some(t) = &first.target {
            o.push_str(" (mục tiêu ≥ ");
            o.push_str(&num(&t.at_least));
            o.push_str("%)");
        }
    }
    o.push_str("</th>");
    if s.has_status {
        o.push_str("<th scope=\"col\">Đánh giá</th>");
    }
    o.push_str("</tr></thead>\n<tbody>\n");
    let mut previous: Option<&FigureRow> = None;
    for f in rows {
        // The bound is named again only when it changes (the page weight
        // budget: a history has a row per period).
        let new_bound = previous.is_none_or(|p| p.max != f.max || p.target != f.target);
        figure_row(&mut o, f, &s, root, show_unit, new_bound);
        previous = Some(f);
    }
    o.push_str("</tbody>\n</table>\n</div>\n");
    o
}

fn figure_row(
    o: &mut String,
    f: &FigureRow,
    s: &Shared,
    root: &str,
    show_unit: bool,
    new_bound: bool,
) {
    // A `th` first in a row of `td`s is the row's header without `scope`.
    o.push_str(if missed(f) {
        "<tr class=\"miss\"><th>"
    } else {
        "<tr><th>"
    });
    let as_of = f.dispatch.data_as_of.as_deref().map(short_date);
    if show_unit {
        o.push_str("<a href=\"");
        o.push_str(root);
        o.push_str(&f.unit.url);
        o.push_str("\">");
        push_escaped(o, &f.unit.name);
        o.push_str("</a>");
        if !s.one_source {
            o.push_str("<small><a href=\"");
            o.push_str(root);
            o.push_str(&f.source_url);
            o.push_str("\">");
            push_escaped(o, &f.dispatch.link_text);
            o.push_str("</a>");
            if let Some(d) = &as_of {
                o.push_str("; số liệu ngày ");
                o.push_str(d);
            }
            o.push_str("</small>");
        }
    } else {
        o.push_str("<a href=\"");
        o.push_str(root);
        o.push_str(&f.source_url);
        o.push_str("\">");
        o.push_str(&vi::format_period_short(&f.period));
        o.push_str("</a>");
        // The cut-off date, unless it is the period's last day.
        let at_end = f.dispatch.data_as_of.as_deref() == Some(&*f.period.end().to_string());
        if let (false, false, Some(d)) = (s.one_source, at_end, &as_of) {
            o.push_str("<small>số liệu ngày ");
            o.push_str(d);
            o.push_str("</small>");
        }
    }
    o.push_str("<td>");
    match &f.value {
        FigureValue::Value { value } => {
            o.push_str(&num(value));
            match (f.indicator.measure, f.indicator.count_unit.as_deref()) {
                (Measure::Percent, _) => o.push('%'),
                (Measure::Count, Some(u)) if !u.is_empty() => {
                    o.push(' ');
                    push_escaped(o, u);
                }
                _ => {}
            }
        }
        FigureValue::NotApplicable { reason } => {
            o.push_str("<span class=\"na\">Không áp dụng: ");
            push_escaped(o, reason);
            o.push_str("</span>");
        }
        FigureValue::NotPublished { .. } => o.push_str("<span class=\"np\">Chưa công bố</span>"),
    }
    if !s.one_bound && new_bound {
        if let Some(max) = &f.max {
            o.push_str("<small>tối đa ");
            o.push_str(&num(max));
            o.push_str(" điểm</small>");
        } else if let Some(t) = &f.target {
            o.push_str("<small>mục tiêu ≥ ");
            o.push_str(&num(&t.at_least));
            o.push_str("%</small>");
        }
    }
    // The ratio to the maximum of a table of index points (the rate in a
    // dispatch's text is on the dispatch's page).
    if let (Some(rate), true) = (&f.rate, f.source.starts_with("Phụ lục")) {
        o.push_str("<small>tỷ lệ ");
        o.push_str(&num(rate));
        o.push_str("%</small>");
    }
    if let Some(rank) = &f.rank {
        o.push_str("<small>hạng ");
        o.push_str(&rank.to_string());
        o.push_str("</small>");
    }
    if let Some(avg) = &f.national_average {
        o.push_str("<small>cả nước ");
        o.push_str(&num(avg));
        o.push_str("</small>");
    }
    if s.has_status {
        o.push_str("<td>");
        let met = f.status == Some(Status::Met)
            || (f.met == Some(true) && f.status != Some(Status::NotMet));
        if met {
            o.push_str("Đạt");
        } else if f.status == Some(Status::NotMet) || f.met == Some(false) {
            o.push_str("Chưa đạt");
        }
    }
}

/// An appendix as its dispatch prints it: heading, target notes, the table
/// (a row per unit, a column per indicator, the status), the footnotes.
pub fn appendix(a: &AppendixView, root: &str, heading: &str) -> String {
    let mut o = String::with_capacity(1000 + a.rows.len() * (120 + a.columns.len() * 40));
    let anchor = a.anchor.as_str();
    o.push_str("\n<section class=\"appendix\" aria-labelledby=\"");
    o.push_str(anchor);
    o.push_str("\">\n  <");
    o.push_str(heading);
    o.push_str(" id=\"");
    o.push_str(anchor);
    o.push_str("\">Phụ lục ");
    push_escaped(&mut o, &a.number);
    o.push_str(": ");
    push_escaped(&mut o, &a.title);
    o.push_str("</");
    o.push_str(heading);
    o.push_str(">\n  ");
    if let Some(sub) = &a.subtitle {
        if !sub.is_empty() {
            o.push_str("<p class=\"meta\">");
            push_escaped(&mut o, sub);
            o.push_str("</p>");
        }
    }
    o.push_str("\n  ");
    for c in &a.columns {
        if let Some(h) = c.status_heading.as_deref().filter(|h| !h.is_empty()) {
            o.push_str("<p class=\"target-note\">");
            push_escaped(&mut o, h);
            o.push_str(".</p>");
        } else if let Some(t) = &c.target {
            o.push_str("<p class=\"target-note\">Mục tiêu ");
            push_escaped(&mut o, &c.indicator.name.to_lowercase());
            o.push_str(": ");
            match t.wording.as_deref().filter(|w| !w.is_empty()) {
                Some(w) => push_escaped(&mut o, w),
                None => {
                    o.push_str("tối thiểu ");
                    o.push_str(&num(&t.at_least));
                    o.push('%');
                }
            }
            if let Some(by) = t.set_by.as_deref().filter(|b| !b.is_empty()) {
                o.push_str(" (");
                push_escaped(&mut o, by);
                o.push(')');
            }
            o.push_str(".</p>");
        }
    }
    appendix_table(&mut o, a, root);
    if !a.footnotes.is_empty() {
        o.push_str("\n  <ol class=\"footnotes\">\n    ");
        for f in &a.footnotes {
            o.push_str("<li id=\"");
            o.push_str(anchor);
            o.push_str("-chu-thich-");
            push_escaped(&mut o, &f.mark);
            o.push_str("\"><span class=\"mark\">(");
            push_escaped(&mut o, &f.mark);
            o.push_str(")</span> ");
            push_escaped(&mut o, &f.text);
            o.push_str("</li>");
        }
        o.push_str("\n  </ol>\n  ");
    }
    o.push_str("\n</section>\n");
    o
}

/// One row of an appendix: the site's province (in a league table) in
/// bold and marked, a row that is not a unit by its label.
fn appendix_row(o: &mut String, row: &RowView, percent: &[bool], has_status: bool, root: &str) {
    let class = match (row.status == Some(Status::NotMet), row.current) {
        (true, true) => " class=\"miss current\"",
        (true, false) => " class=\"miss\"",
        (false, true) => " class=\"current\"",
        (false, false) => "",
    };
    o.push_str("<tr");
    o.push_str(class);
    o.push_str("><td>");
    push_escaped(o, row.no);
    o.push_str("<th>");
    match &row.unit {
        Some(unit) => {
            o.push_str("<a href=\"");
            o.push_str(root);
            o.push_str(&unit.url);
            o.push('"');
            if row.current {
                o.push_str(" aria-current=\"true\"><strong>");
            } else {
                o.push('>');
            }
            match row.printed_name.filter(|n| !n.is_empty()) {
                Some(n) => push_escaped(o, n),
                None => push_escaped(o, &unit.name),
            }
            if row.current {
                o.push_str("</strong>");
            }
            o.push_str("</a>");
        }
        None => {
            o.push_str("<em>");
            push_escaped(o, row.label.unwrap_or_default());
            o.push_str("</em>");
        }
    }
    for (i, cell) in row.cells.iter().enumerate() {
        o.push_str("<td>");
        cell_html(o, cell, percent.get(i).copied().unwrap_or(false));
    }
    if has_status {
        o.push_str("<td>");
        // The status as printed; the stylesheet marks it by position
        // (✓ or ✗, the row's `miss` class), as in a history table.
        match row.status {
            Some(Status::Met) => o.push_str("Hoàn thành"),
            Some(Status::NotMet) => o.push_str("Chưa hoàn thành"),
            None => {}
        }
    }
}

/// A cell as printed: a number (a rate with its %), a rank, a reason.
pub fn cell_html(o: &mut String, cell: &Cell, percent: bool) {
    match cell {
        Cell::Value { value } => {
            o.push_str(&num(value));
            if percent {
                o.push('%');
            }
        }
        Cell::Rank { rank } => o.push_str(&rank.to_string()),
        Cell::NotApplicable { reason } => {
            o.push_str("<span class=\"na\">");
            push_escaped(o, reason);
            o.push_str("</span>");
        }
        Cell::NotPublished { .. } => o.push_str("<span class=\"np\">Chưa công bố</span>"),
    }
}

fn appendix_table(o: &mut String, a: &AppendixView, root: &str) {
    let anchor = a.anchor.as_str();
    o.push_str("\n  <div class=\"table-wrap\" role=\"region\" aria-labelledby=\"");
    o.push_str(anchor);
    o.push_str("-bang\" tabindex=\"0\">\n  <table class=\"figures appendix-table");
    if a.has_status {
        o.push_str(" has-status");
    }
    o.push_str("\">\n    <caption id=\"");
    o.push_str(anchor);
    o.push_str("-bang\">Phụ lục ");
    push_escaped(o, &a.number);
    o.push_str(" – ");
    if let Some(p) = &a.dispatch.period {
        o.push_str(&period(p));
    }
    if let Some(partial) = &a.partial {
        o.push_str("<span class=\"caption-note partial\">");
        push_escaped(o, partial);
        o.push_str("</span>");
    }
    o.push_str("</caption>\n    <thead><tr>\n      <th scope=\"col\" class=\"no\">STT</th>\n      <th scope=\"col\">Cơ quan, đơn vị</th>\n      ");
    for c in &a.columns {
        o.push_str("<th scope=\"col\" class=\"num\">");
        push_escaped(o, &c.heading);
        for f in &c.footnotes {
            o.push_str("<sup><a href=\"#");
            o.push_str(anchor);
            o.push_str("-chu-thich-");
            push_escaped(o, f);
            o.push_str("\" aria-label=\"Ghi chú ");
            push_escaped(o, f);
            o.push_str("\">(");
            push_escaped(o, f);
            o.push_str(")</a></sup>");
        }
        o.push_str("</th>");
    }
    o.push_str("\n      ");
    if a.has_status {
        o.push_str("<th scope=\"col\">Trạng thái");
        for c in &a.columns {
            if let (true, Some(t)) = (c.has_status, &c.target) {
                o.push_str(" <span class=\"caption-note\">(mục tiêu ≥ ");
                o.push_str(&num(&t.at_least));
                o.push_str("%)</span>");
            }
        }
        o.push_str("</th>");
    }
    o.push_str("\n    </tr></thead>\n    <tbody>\n");
    // A rate's cells carry a %, and so does a ratio to the maximum.
    let percent: Vec<bool> = a
        .columns
        .iter()
        .map(|c| match c.holds {
            Holds::Value => c.indicator.measure == Measure::Percent,
            Holds::Ratio => true,
            Holds::Max | Holds::Rank => false,
        })
        .collect();
    // A row per unit on one line, its cells without classes: the
    // stylesheet styles the columns of `.appendix-table` by position (the
    // page weight budget: an appendix has a row per unit).
    for row in &a.rows {
        appendix_row(o, row, &percent, a.has_status, root);
    }
    o.push_str("</tbody>\n  </table>\n  </div>\n  ");
}
