//! Dates, dates with a blank day, and the period a dispatch covers
//! (times of day and a document's date that may be unknown are in
//! [`super::moments`]).

use crate::lang::Text;
use crate::tr;
use chrono::{Datelike, NaiveDate};
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

use super::time_of_day::Time;

/// A calendar date that exists (`2023-02-30` is refused).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

impl Date {
    /// A date as `2023-03-08`; the error says what to write, its message
    /// and hint split at the first "; " (see `content::wording`).
    pub fn parse(text: &str) -> Result<Date, Text> {
        let t = text.trim();
        let parts: Vec<&str> = t.split('-').collect();
        let hint = tr!(
            "`{t}` không phải một ngày; viết năm-tháng-ngày, ví dụ 2023-03-08",
            "`{t}` is not a date; write year-month-day, e.g. 2023-03-08"
        );
        if parts.len() != 3 || parts[0].len() != 4 {
            return Err(hint);
        }
        let nums: Result<Vec<u32>, _> = parts.iter().map(|p| p.parse::<u32>()).collect();
        let nums = nums.map_err(|_| hint.clone())?;
        ymd(nums[0] as i32, nums[1], nums[2]).map(Date)
    }

    pub fn ymd(y: i32, m: u32, d: u32) -> Option<Date> {
        NaiveDate::from_ymd_opt(y, m, d).map(Date)
    }

    pub fn year(&self) -> i32 {
        self.0.year()
    }
    pub fn month(&self) -> u32 {
        self.0.month()
    }
    pub fn day(&self) -> u32 {
        self.0.day()
    }
}

fn ymd(y: i32, m: u32, d: u32) -> Result<NaiveDate, Text> {
    if !(1..=12).contains(&m) {
        return Err(tr!(
            "không có tháng {m}; viết tháng từ 01 đến 12",
            "month {m} does not exist; write 01 to 12"
        ));
    }
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| {
        let last = last_day(y, m);
        tr!(
            "không có ngày {y}-{m:02}-{d:02} (tháng {m} năm {y} có {last} ngày); viết ngày từ 1 đến {last}",
            "{y}-{m:02}-{d:02} does not exist (month {m} of {y} has {last} days); write a day from 1 to {last}"
        )
    })
}

pub fn last_day(y: i32, m: u32) -> u32 {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1)
        .and_then(|d| d.pred_opt())
        .map_or(28, |d| d.day())
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Not chrono's `format`, which parses its pattern on every call.
        let d = self.0;
        write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = super::numbers::scalar_text(d, "a date such as 2023-03-08")?;
        Date::parse(&text).map_err(|e| de::Error::custom(e.encode()))
    }
}

/// A date whose day may be left blank on the published copy
/// ("ngày    tháng 11 năm 2023"): `2023-11` or `2023-11-08`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: u32,
    pub day: Option<u32>,
}

impl PartialDate {
    pub fn parse(text: &str) -> Result<PartialDate, Text> {
        let t = text.trim();
        let parts: Vec<&str> = t.split('-').collect();
        let hint = tr!(
            "`{t}` không phải một ngày; viết năm-tháng-ngày (2023-03-08), hoặc năm-tháng (2023-11) khi văn bản để trống ngày",
            "`{t}` is not a date; write year-month-day (2023-03-08), or year-month (2023-11) when the day is left blank"
        );
        let nums: Result<Vec<u32>, _> = parts.iter().map(|p| p.parse::<u32>()).collect();
        let nums = nums.map_err(|_| hint.clone())?;
        match nums.as_slice() {
            [y, m] if parts[0].len() == 4 => {
                ymd(*y as i32, *m, 1)?;
                Ok(PartialDate {
                    year: *y as i32,
                    month: *m,
                    day: None,
                })
            }
            [y, m, d] if parts[0].len() == 4 => {
                ymd(*y as i32, *m, *d)?;
                Ok(PartialDate {
                    year: *y as i32,
                    month: *m,
                    day: Some(*d),
                })
            }
            _ => Err(hint),
        }
    }

    /// The earliest date it can be, for ordering and validity checks.
    pub fn earliest(&self) -> Date {
        Date::ymd(self.year, self.month, self.day.unwrap_or(1)).unwrap_or(Date(NaiveDate::MIN))
    }

    /// The latest date it can be: the last day of its month when the day is blank.
    pub fn latest(&self) -> Date {
        let day = self.day.unwrap_or_else(|| last_day(self.year, self.month));
        Date::ymd(self.year, self.month, day).unwrap_or(Date(NaiveDate::MAX))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.day {
            Some(d) => write!(f, "{:04}-{:02}-{d:02}", self.year, self.month),
            None => write!(f, "{:04}-{:02}", self.year, self.month),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = super::numbers::scalar_text(d, "a date such as 2023-03-08, or 2023-11")?;
        PartialDate::parse(&text).map_err(|e| de::Error::custom(e.encode()))
    }
}

/// The period a dispatch's figures cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    Month {
        year: i32,
        month: u32,
    },
    Quarter {
        year: i32,
        quarter: u32,
    },
    Half {
        year: i32,
        half: u32,
    },
    Year {
        year: i32,
    },
    /// ISO week.
    Week {
        year: i32,
        week: u32,
    },
    /// Any other span of days.
    Range {
        from: Date,
        to: Date,
    },
    /// From 1 January up to a cut-off day, and the hour of the cut-off
    /// when the source gives it: `2025-01-01/2025-11-20 16:00`.
    YearToDate {
        to: Date,
        at: Option<Time>,
    },
    /// A week as the national portal numbers it, when that differs from
    /// ISO: `2024-tuan-03`, with the days it spans when the source prints
    /// them (`2024-tuan-03 (2024-01-15/2024-01-21)`).
    PortalWeek {
        year: i32,
        week: u32,
        span: Option<(Date, Date)>,
    },
}

pub const PERIOD_HINT_VI: &str =
    "một tháng (2023-10), một quý (2023-Q1), nửa năm (2023-H1), một năm (2023), \
    một tuần theo ISO (2023-W05), một tuần theo cách đánh số của Cổng (2024-tuan-03), \
    từ đầu năm đến ngày chốt (2023-01-01/2023-05-15, có giờ chốt: 2023-01-01/2023-05-15 16:00) \
    hoặc một khoảng ngày (2023-03-10/2023-04-09)";

pub const PERIOD_HINT: &str =
    "write a month (2023-10), a quarter (2023-Q1), a half-year (2023-H1), \
    a year (2023), an ISO week (2023-W05), a week as the portal numbers it (2024-tuan-03), \
    the year to a cut-off (2023-01-01/2023-05-15, with its hour: 2023-01-01/2023-05-15 16:00) \
    or a span of days (2023-03-10/2023-04-09)";

/// How the national portal's own week numbering is written: `2024-tuan-03`.
const PORTAL_WEEK: &str = "-tuan-";

impl Period {
    /// Two periods of one kind (two months, two quarters, …): what a
    /// "previous period" or a comparison between periods pairs.
    pub fn same_kind(&self, other: &Period) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }

    pub fn parse(text: &str) -> Result<Period, Text> {
        let t = text.trim();
        let bad = || {
            tr!(
                "`{t}` không phải một kỳ; viết {PERIOD_HINT_VI}",
                "`{t}` is not a period; {PERIOD_HINT}"
            )
        };
        if let Some((y, rest)) = t.split_once(PORTAL_WEEK) {
            return parse_portal_week(t, y, rest);
        }
        if let Some((a, b)) = t.split_once('/') {
            // `4/2025`, `04/2025`: a month as a document prints it.
            if let (Ok(m), true) = (
                a.parse::<u32>(),
                b.len() == 4 && b.bytes().all(|c| c.is_ascii_digit()),
            ) {
                return Err(tr!(
                    "`{t}` là tháng viết như trên văn bản; viết năm-tháng, ví dụ {b}-{:02}",
                    "`{t}` is a month as printed; write year-month, e.g. {b}-{:02}",
                    m.clamp(1, 12)
                ));
            }
            let from = Date::parse(a)?;
            let (b, at) = match b.trim().split_once([' ', 'T']) {
                Some((day, hour)) => (day, Some(Time::parse(hour)?)),
                None => (b, None),
            };
            let to = Date::parse(b)?;
            if to < from {
                return Err(tr!(
                    "khoảng `{t}` kết thúc trước khi bắt đầu; viết ngày đầu trước, ngày cuối sau",
                    "the span `{t}` ends before it starts; write the first day, then the last"
                ));
            }
            if from.month() == 1 && from.day() == 1 && from.year() == to.year() {
                return Ok(Period::YearToDate { to, at });
            }
            if at.is_some() {
                return Err(tr!(
                    "giờ chốt trong `{t}` chỉ dùng cho kỳ từ đầu năm; bắt đầu khoảng từ ngày 01/01 cùng năm, hoặc bỏ giờ",
                    "a cut-off hour in `{t}` is for a year to date only; start the span on 1 January of its year, or leave out the hour"
                ));
            }
            return Ok(Period::Range { from, to });
        }
        let (y, rest) = match t.split_once('-') {
            Some((y, rest)) => (y, Some(rest)),
            None => (t, None),
        };
        if y.len() != 4 {
            return Err(bad());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        let num = |s: &str, lo: u32, hi: u32, what: (&str, &str)| -> Result<u32, Text> {
            let n: u32 = s.parse().map_err(|_| bad())?;
            if (lo..=hi).contains(&n) {
                Ok(n)
            } else {
                let (vi, en) = what;
                Err(tr!(
                    "không có {vi} {n} trong `{t}`; viết từ {lo} đến {hi}",
                    "{en} {n} does not exist in `{t}`; write {lo} to {hi}"
                ))
            }
        };
        let p = match rest {
            None => Period::Year { year },
            Some(r) if r.starts_with('Q') => Period::Quarter {
                year,
                quarter: num(&r[1..], 1, 4, ("quý", "quarter"))?,
            },
            Some(r) if r.starts_with('H') => Period::Half {
                year,
                half: num(&r[1..], 1, 2, ("nửa năm", "half-year"))?,
            },
            Some(r) if r.starts_with('W') => {
                let weeks =
                    NaiveDate::from_ymd_opt(year, 12, 28).map_or(52, |d| d.iso_week().week());
                Period::Week {
                    year,
                    week: num(&r[1..], 1, weeks, ("tuần", "week"))?,
                }
            }
            Some(r) if r.len() == 2 => Period::Month {
                year,
                month: num(r, 1, 12, ("tháng", "month"))?,
            },
            Some(_) => return Err(bad()),
        };
        Ok(p)
    }

    pub fn start(&self) -> Date {
        let d = |y, m, d| Date::ymd(y, m, d).unwrap_or(Date(NaiveDate::MIN));
        match *self {
            Period::Month { year, month } => d(year, month, 1),
            Period::Quarter { year, quarter } => d(year, quarter * 3 - 2, 1),
            Period::Half { year, half } => d(year, half * 6 - 5, 1),
            Period::Year { year } => d(year, 1, 1),
            Period::Week { year, week } => {
                NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Mon)
                    .map_or(Date(NaiveDate::MIN), Date)
            }
            Period::Range { from, .. } => from,
            Period::YearToDate { to, .. } => d(to.year(), 1, 1),
            Period::PortalWeek {
                span: Some((from, _)),
                ..
            } => from,
            Period::PortalWeek { year, week, .. } => portal_week_guess(year, week).0,
        }
    }

    pub fn end(&self) -> Date {
        let last = |y, m| Date::ymd(y, m, last_day(y, m)).unwrap_or(Date(NaiveDate::MAX));
        match *self {
            Period::Month { year, month } => last(year, month),
            Period::Quarter { year, quarter } => last(year, quarter * 3),
            Period::Half { year, half } => last(year, half * 6),
            Period::Year { year } => last(year, 12),
            Period::Week { year, week } => {
                NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Sun)
                    .map_or(Date(NaiveDate::MAX), Date)
            }
            Period::Range { to, .. } | Period::YearToDate { to, .. } => to,
            Period::PortalWeek {
                span: Some((_, to)),
                ..
            } => to,
            Period::PortalWeek { year, week, .. } => portal_week_guess(year, week).1,
        }
    }

    /// The identifier used in file names and URLs: `2023-10`, `2023-q1`,
    /// `2023-h1`, `2023`, `2023-w05`, `2023-01-01-2023-05-15`, a year to
    /// date with its hour `2025-01-01-2025-11-20-1600`, `2024-tuan-03`.
    pub fn slug(&self) -> String {
        match *self {
            Period::Month { year, month } => format!("{year:04}-{month:02}"),
            Period::Quarter { year, quarter } => format!("{year:04}-q{quarter}"),
            Period::Half { year, half } => format!("{year:04}-h{half}"),
            Period::Year { year } => format!("{year:04}"),
            Period::Week { year, week } => format!("{year:04}-w{week:02}"),
            Period::Range { from, to } => format!("{from}-{to}"),
            Period::YearToDate { to, at } => {
                let from = to.year();
                match at {
                    Some(h) => format!("{from:04}-01-01-{to}-{:02}{:02}", h.hour, h.minute),
                    None => format!("{from:04}-01-01-{to}"),
                }
            }
            Period::PortalWeek { year, week, .. } => format!("{year:04}-tuan-{week:02}"),
        }
    }

    pub fn is_month(&self) -> bool {
        matches!(self, Period::Month { .. })
    }

    /// Ordering key: by end date, then by start (a month sorts after the
    /// year-to-date span that ends with it... only when they share an end).
    pub fn sort_key(&self) -> (Date, Date) {
        (self.end(), self.start())
    }
}

/// `2024-tuan-03`, or `2024-tuan-03 (2024-01-15/2024-01-21)` with the days
/// it spans.
fn parse_portal_week(t: &str, y: &str, rest: &str) -> Result<Period, Text> {
    let bad = || {
        tr!(
            "`{t}` không phải một tuần theo Cổng; viết năm-tuan-số tuần, ví dụ 2024-tuan-03, hoặc kèm các ngày của tuần: 2024-tuan-03 (2024-01-15/2024-01-21)",
            "`{t}` is not a portal week; write year-tuan-week, e.g. 2024-tuan-03, or with its days: 2024-tuan-03 (2024-01-15/2024-01-21)"
        )
    };
    let year: i32 = (y.len() == 4)
        .then(|| y.parse().ok())
        .flatten()
        .ok_or_else(bad)?;
    let (w, span) = match rest.split_once(' ') {
        Some((w, span)) => (w, Some(span.trim())),
        None => (rest, None),
    };
    let week: u32 = w.parse().map_err(|_| bad())?;
    if !(1..=53).contains(&week) {
        return Err(tr!(
            "không có tuần {week} trong `{t}`; viết từ 1 đến 53",
            "week {week} does not exist in `{t}`; write 1 to 53"
        ));
    }
    let span = match span {
        None => None,
        Some(s) => {
            let inner = s
                .strip_prefix('(')
                .and_then(|s| s.strip_suffix(')'))
                .ok_or_else(bad)?;
            let (a, b) = inner.split_once('/').ok_or_else(bad)?;
            let (from, to) = (Date::parse(a)?, Date::parse(b)?);
            let days = (to.0 - from.0).num_days();
            if !(0..=6).contains(&days) {
                return Err(tr!(
                    "tuần `{t}` phải dài từ 1 đến 7 ngày; viết ngày đầu và ngày cuối của tuần",
                    "the week `{t}` must last 1 to 7 days; write its first and its last day"
                ));
            }
            Some((from, to))
        }
    };
    Ok(Period::PortalWeek { year, week, span })
}

/// The days of a portal week whose source does not print them, for
/// ordering only: week n counted in sevens from 1 January.
fn portal_week_guess(year: i32, week: u32) -> (Date, Date) {
    let jan1 = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN);
    let dec31 = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX);
    let from = jan1 + chrono::Days::new(7 * u64::from(week.saturating_sub(1)));
    let to = from + chrono::Days::new(6);
    (Date(from.min(dec31)), Date(to.min(dec31)))
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Period::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Period::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
            Period::Half { year, half } => write!(f, "{year:04}-H{half}"),
            Period::Year { year } => write!(f, "{year:04}"),
            Period::Week { year, week } => write!(f, "{year:04}-W{week:02}"),
            Period::Range { from, to } => write!(f, "{from}/{to}"),
            Period::YearToDate { to, at } => {
                write!(f, "{:04}-01-01/{to}", to.year())?;
                match at {
                    Some(h) => write!(f, " {h}"),
                    None => Ok(()),
                }
            }
            Period::PortalWeek { year, week, span } => {
                write!(f, "{year:04}-tuan-{week:02}")?;
                match span {
                    Some((from, to)) => write!(f, " ({from}/{to})"),
                    None => Ok(()),
                }
            }
        }
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl de::Visitor<'_> for V {
            type Value = Period;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(PERIOD_HINT)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Period, E> {
                Period::parse(&v.to_string()).map_err(|e| E::custom(e.encode()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Period, E> {
                Period::parse(&v.to_string()).map_err(|e| E::custom(e.encode()))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Period, E> {
                Period::parse(v).map_err(|e| E::custom(e.encode()))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_exist() {
        assert!(Date::parse("2023-02-29").is_err());
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(PartialDate::parse("2023-13").is_err());
        assert_eq!(PartialDate::parse("2023-11").unwrap().day, None);
    }

    #[test]
    fn periods_cover_their_span() {
        let q = Period::parse("2023-Q4").unwrap();
        assert_eq!(q.start().to_string(), "2023-10-01");
        assert_eq!(q.end().to_string(), "2023-12-31");
        let m = Period::parse("2024-02").unwrap();
        assert_eq!(m.end().to_string(), "2024-02-29");
        let ytd = Period::parse("2023-01-01/2023-05-15").unwrap();
        assert_eq!(ytd.end().to_string(), "2023-05-15");
        assert_eq!(
            Period::parse("2023-W01").unwrap().start().to_string(),
            "2023-01-02"
        );
        assert!(Period::parse("2023-13").is_err());
        assert!(Period::parse("2023-Q5").is_err());
    }

    #[test]
    fn year_to_date_and_portal_weeks_round_trip() {
        for text in [
            "2025-01-01/2025-11-20",
            "2025-01-01/2025-11-20 16:00",
            "2024-tuan-03",
            "2024-tuan-03 (2024-01-15/2024-01-21)",
            "2023-03-10/2023-04-09",
        ] {
            let p = Period::parse(text).unwrap();
            assert_eq!(p.to_string(), text);
            assert_eq!(Period::parse(&p.to_string()).unwrap(), p);
        }
        let a = Period::parse("2025-01-01/2025-11-20 09:00").unwrap();
        let b = Period::parse("2025-01-01/2025-11-20T16:00").unwrap();
        assert_ne!(a, b);
        assert_ne!(a.slug(), b.slug());
        assert_eq!(b.slug(), "2025-01-01-2025-11-20-1600");
        assert!(matches!(
            Period::parse("2025-01-01/2025-11-20").unwrap(),
            Period::YearToDate { at: None, .. }
        ));
        assert!(Period::parse("2025-03-01/2025-11-20 16:00").is_err());
        assert!(Period::parse("2025-01-01/2025-11-20 25:00").is_err());
        let w = Period::parse("2024-tuan-03").unwrap();
        assert_eq!(w.start().to_string(), "2024-01-15");
        assert_eq!(w.slug(), "2024-tuan-03");
        assert!(Period::parse("2024-tuan-54").is_err());
        assert!(Period::parse("2024-tuan-03 (2024-01-15/2024-01-29)").is_err());
    }
}
