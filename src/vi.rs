//! Vietnamese formatting of numbers, dates and periods, shared by the
//! templates (as tera filters), the charts and the open-data files.

use crate::content::dates::{Date, PartialDate, Period};

/// `55.02, 2` → `55,02`; `1038.0, 0` → `1.038`; `-3.5, 1` → `-3,5`.
pub fn format_decimal(value: f64, decimals: u8) -> String {
    let text = fixed(value.abs(), decimals);
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (text, None),
    };
    let mut grouped = String::with_capacity(int.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    let negative = value < 0.0 && text_is_nonzero(&grouped, frac.as_deref());
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&grouped);
    if let Some(f) = frac {
        out.push(',');
        out.push_str(&f);
    }
    out
}

/// `format!("{:.*}", decimals, value)`, with a fast path for the common
/// case of a value printed with `decimals` decimals (then `value × 10^d` is
/// an integer up to rounding error): the general float formatting is a
/// visible share of a national build. Gives the same text in every case.
pub fn fixed(value: f64, decimals: u8) -> String {
    if decimals <= 6 && value.is_finite() && value.abs() < 1e12 {
        let scale = 10f64.powi(decimals as i32);
        let scaled = (value * scale).round();
        // Far from a tie: exact rounding gives this integer too.
        if (value * scale - scaled).abs() < 1e-6 {
            let digits = format!("{}", scaled.abs() as u64);
            let d = decimals as usize;
            let digits = format!("{digits:0>width$}", width = d + 1);
            let (int, frac) = digits.split_at(digits.len() - d);
            let sign = if value.is_sign_negative() { "-" } else { "" };
            return if d == 0 {
                format!("{sign}{int}")
            } else {
                format!("{sign}{int}.{frac}")
            };
        }
    }
    format!("{:.*}", decimals as usize, value)
}

fn text_is_nonzero(int: &str, frac: Option<&str>) -> bool {
    int.chars()
        .chain(frac.unwrap_or("").chars())
        .any(|c| c.is_ascii_digit() && c != '0')
}

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
    }
}

/// Short label for chart axes: `T10/2023`, `Q4/2023`, `2023`.
pub fn format_period_short(period: &Period) -> String {
    match *period {
        Period::Month { year, month } => format!("T{month}/{year}"),
        Period::Quarter { year, quarter } => format!("Q{quarter}/{year}"),
        Period::Half { year, half } => format!("6T{half}/{year}"),
        Period::Year { year } => format!("{year}"),
        Period::Week { year, week } => format!("W{week}/{year}"),
        Period::Range { to, .. } => format!("đến {}/{}", to.month(), to.year()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_is_the_standard_formatting() {
        let values = [
            0.0,
            -0.0,
            0.05,
            0.5,
            1.5,
            2.5,
            -3.5,
            55.02,
            99.95,
            100.0,
            1038.0,
            0.1 + 0.2,
            44.6,
            5.63,
            1e-7,
            -1e-7,
            123456.789,
            2.675,
            1.005,
            0.125,
            7.0 / 3.0,
        ];
        for v in values {
            for d in 0..=4u8 {
                assert_eq!(fixed(v, d), format!("{:.*}", d as usize, v), "{v} with {d}");
            }
        }
        // Printed figures: every value of two decimals up to 10.000 (as
        // parsed from text), at 0 to 3 decimals.
        for i in -20_000..1_000_000i64 {
            let v: f64 = format!("{}.{:02}", i / 100, (i % 100).abs())
                .parse()
                .unwrap();
            for d in 0..=3u8 {
                assert_eq!(fixed(v, d), format!("{:.*}", d as usize, v), "{v} with {d}");
            }
        }
    }

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
    }
}
