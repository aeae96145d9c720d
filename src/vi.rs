//! Vietnamese formatting of numbers, dates and periods, shared by the
//! templates (as tera filters), the charts and the open-data files.

use crate::model::{Date, DocDate, Moment, PartialDate, Period};

// Defined with the model's numbers, whose printed form they are.
pub use crate::model::decimal::{fixed, format_decimal};

/// A value with as many decimals as it needs, up to `max_decimals`
/// (trailing zeros dropped): for chart ticks and computed figures.
pub fn format_auto(value: f64, max_decimals: u8) -> String {
    let mut decimals = 0;
    while decimals < max_decimals {
        let scale = 10f64.powi(decimals as i32);
        if ((value * scale).round() - value * scale).abs() < 1e-9 {
            break;
        }
        decimals += 1;
    }
    format_decimal(value, decimals)
}

/// A whole number with a dot between thousands, as Vietnamese documents
/// print it: `20.000`, `1.038`, `512`.
pub fn format_int(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// A file size as people read it: `20 KB`, `1,5 MB` (1 KB = 1.024 byte),
/// never `20.135 byte`.
pub fn format_size(bytes: usize) -> String {
    let kb = bytes as f64 / 1024.0;
    if kb < 1024.0 {
        format!("{} KB", format_decimal(kb.ceil().max(1.0), 0))
    } else {
        format!("{} MB", format_decimal(kb / 1024.0, 1))
    }
}

/// `ngày 08 tháng 3 năm 2023`: the day with two digits as dispatches print
/// it, the month without a leading zero; a blank day stays blank (no-break
/// spaces, so that HTML keeps the gap).
pub fn format_long_date(date: &PartialDate) -> String {
    match date.day {
        Some(d) => format!("ngày {d:02} tháng {} năm {}", date.month, date.year),
        None => format!("ngày {BLANK_DAY} tháng {} năm {}", date.month, date.year),
    }
}

/// The gap left for a day not filled in on the published copy.
pub const BLANK_DAY: &str = "\u{a0}\u{a0}\u{a0}\u{a0}";

/// `28/02/2023`.
pub fn format_short_date(date: &Date) -> String {
    format!("{:02}/{:02}/{}", date.day(), date.month(), date.year())
}

/// `08/03/2023`, or `tháng 11/2023` when the day is blank (a bare
/// `/11/2023` reads like a mistake).
pub fn format_short_partial_date(date: &PartialDate) -> String {
    match date.day {
        Some(d) => format!("{d:02}/{:02}/{}", date.month, date.year),
        None => format!("tháng {:02}/{}", date.month, date.year),
    }
}

/// When something was in force: `từ ngày 01/03/2025`, `đến hết ngày
/// 28/02/2025`, `từ ngày 01/01/2024 đến hết ngày 31/12/2024`, or `mọi lúc`
/// when neither end is set.
pub fn format_validity(from: Option<&Date>, to: Option<&Date>) -> String {
    match (from, to) {
        (Some(f), Some(t)) => format!(
            "từ ngày {} đến hết ngày {}",
            format_short_date(f),
            format_short_date(t)
        ),
        (Some(f), None) => format!("từ ngày {}", format_short_date(f)),
        (None, Some(t)) => format!("đến hết ngày {}", format_short_date(t)),
        (None, None) => "mọi lúc".into(),
    }
}

const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];

/// `tháng 10/2023`, `quý IV/2023`, `6 tháng đầu năm 2023`, `năm 2023`.
pub fn format_period(period: &Period) -> String {
    match *period {
        Period::Month { year, month } => format!("tháng {month:02}/{year}"),
        Period::Quarter { year, quarter } => {
            format!("quý {}/{year}", ROMAN[(quarter as usize).clamp(1, 4) - 1])
        }
        Period::Half { year, half: 1 } => format!("6 tháng đầu năm {year}"),
        Period::Half { year, .. } => format!("6 tháng cuối năm {year}"),
        Period::Year { year } => format!("năm {year}"),
        Period::Week { year, week } => format!("tuần {week}/{year}"),
        Period::Range { from, to } => {
            format!(
                "từ {} đến {}",
                format_short_date(&from),
                format_short_date(&to)
            )
        }
        Period::YearToDate { to, at } => match at {
            Some(h) => format!(
                "từ đầu năm {} đến {h} ngày {}",
                to.year(),
                format_short_date(&to)
            ),
            None => format!(
                "từ đầu năm {} đến ngày {}",
                to.year(),
                format_short_date(&to)
            ),
        },
        Period::PortalWeek { year, week, span } => match span {
            Some((from, to)) => format!(
                "tuần thứ {week} năm {year} (theo {PORTAL_SHORT}, {} – {})",
                format_short_date(&from),
                format_short_date(&to)
            ),
            None => format!("tuần thứ {week} năm {year} (theo {PORTAL_SHORT})"),
        },
    }
}

/// "từ tháng 02/2023 đến tháng 03/2025"; when a period's own words
/// already say "từ …" or "đến …" (a year to date, a span of days), the two
/// are listed instead, so that no sentence reads "từ từ đầu năm …".
pub fn from_to(a: &str, b: &str) -> String {
    let spans = |t: &str| t.starts_with("từ ") || t.starts_with("đến ");
    if spans(a) || spans(b) {
        format!("trong các kỳ {a}; {b}")
    } else {
        format!("từ {a} đến {b}")
    }
}

/// The national portal, as headings name it briefly.
pub const PORTAL_SHORT: &str = "Cổng DVCQG";

/// `ngày 08 tháng 3 năm 2023`, a blank day left blank, or `không rõ ngày`
/// when the source gives no date.
pub fn format_long_doc_date(date: &DocDate) -> String {
    match date {
        DocDate::Known(d) => format_long_date(d),
        DocDate::Unknown => UNKNOWN_DATE.into(),
    }
}

/// `08/03/2023`, `tháng 11/2023`, or `không rõ ngày`.
pub fn format_short_doc_date(date: &DocDate) -> String {
    match date {
        DocDate::Known(d) => format_short_partial_date(d),
        DocDate::Unknown => UNKNOWN_DATE.into(),
    }
}

/// What pages print for a date the source does not give.
pub const UNKNOWN_DATE: &str = "không rõ ngày";

/// `14:35 ngày 20/11/2025`.
pub fn format_moment(m: &Moment) -> String {
    format!("{} ngày {}", m.time, format_short_date(&m.date))
}

/// Short label for chart axes: `10/2023`, `Q4/2023`, `2023`. A month is
/// never `T2/2023`, which reads as a Monday (thứ Hai).
pub fn format_period_short(period: &Period) -> String {
    match *period {
        Period::Month { year, month } => format!("{month:02}/{year}"),
        Period::Quarter { year, quarter } => format!("Q{quarter}/{year}"),
        Period::Half { year, half } => format!("6T{half}/{year}"),
        Period::Year { year } => format!("{year}"),
        Period::Week { year, week } => format!("W{week}/{year}"),
        Period::Range { to, .. } => format!("đến {}/{}", to.month(), to.year()),
        Period::YearToDate { to, at } => match at {
            Some(h) => format!("{h} {}", format_short_date(&to)),
            None => format!("đến {}", format_short_date(&to)),
        },
        Period::PortalWeek { year, week, .. } => format!("tuần {week}/{year}"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_validity_names_the_days_it_has() {
        let d = |s: &str| crate::model::Date::parse(s).unwrap();
        let (from, to) = (d("2025-03-01"), d("2025-12-31"));
        let v = super::format_validity;
        assert_eq!(
            v(Some(&from), Some(&to)),
            "từ ngày 01/03/2025 đến hết ngày 31/12/2025"
        );
        assert_eq!(v(Some(&from), None), "từ ngày 01/03/2025");
        assert_eq!(v(None, Some(&to)), "đến hết ngày 31/12/2025");
        assert_eq!(v(None, None), "mọi lúc");
    }

    #[test]
    fn from_to_never_doubles_its_words() {
        assert_eq!(
            super::from_to("tháng 02/2023", "tháng 03/2025"),
            "từ tháng 02/2023 đến tháng 03/2025"
        );
        let ytd = super::from_to(
            "từ đầu năm 2025 đến 09:00 ngày 20/11/2025",
            "từ đầu năm 2025 đến 16:00 ngày 20/11/2025",
        );
        assert!(!ytd.contains("từ từ") && !ytd.contains("đến từ"), "{ytd}");
        assert!(ytd.contains("09:00") && ytd.contains("16:00"), "{ytd}");
    }

    use super::*;

    #[test]
    fn numbers_use_decimal_comma_and_thousands_dot() {
        assert_eq!(format_decimal(55.02, 2), "55,02");
        assert_eq!(format_decimal(15.0, 1), "15,0");
        assert_eq!(format_decimal(1038.0, 0), "1.038");
        assert_eq!(format_decimal(1234567.5, 1), "1.234.567,5");
        assert_eq!(format_decimal(0.0, 0), "0");
        assert_eq!(format_decimal(-0.01, 1), "0,0");
        assert_eq!(format_auto(60.0, 2), "60");
        assert_eq!(format_auto(0.43, 2), "0,43");
    }

    #[test]
    fn dates_read_as_printed() {
        let d = PartialDate::parse("2023-03-08").unwrap();
        assert_eq!(format_long_date(&d), "ngày 08 tháng 3 năm 2023");
        let blank = PartialDate::parse("2023-11").unwrap();
        assert_eq!(
            format_long_date(&blank),
            "ngày \u{a0}\u{a0}\u{a0}\u{a0} tháng 11 năm 2023"
        );
        assert_eq!(
            format_period(&Period::parse("2023-02").unwrap()),
            "tháng 02/2023"
        );
        assert_eq!(
            format_period(&Period::parse("2023-Q4").unwrap()),
            "quý IV/2023"
        );
        assert_eq!(format_short_partial_date(&blank), "tháng 11/2023");
        assert_eq!(
            format_period(&Period::parse("2025-01-01/2025-11-20 16:00").unwrap()),
            "từ đầu năm 2025 đến 16:00 ngày 20/11/2025"
        );
        assert_eq!(
            format_period(&Period::parse("2024-tuan-03").unwrap()),
            "tuần thứ 3 năm 2024 (theo Cổng DVCQG)"
        );
        assert_eq!(format_short_doc_date(&DocDate::Unknown), "không rõ ngày");
        assert_eq!(format_size(20_135), "20 KB");
        assert_eq!(format_size(300), "1 KB");
        assert_eq!(format_size(1_572_864), "1,5 MB");
        assert_eq!(
            format_period_short(&Period::parse("2023-02").unwrap()),
            "02/2023"
        );
    }
}
