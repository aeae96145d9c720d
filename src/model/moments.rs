//! A time of day, a date with its time (when a page was captured), and a
//! document's date that may be unknown: not the same as a blank day.

use super::dates::{Date, PartialDate};
use crate::lang::Text;
use crate::tr;
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// A time of day as a source prints it: `16:00`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time {
    pub hour: u8,
    pub minute: u8,
}

impl Time {
    /// `16:00`, `9:05`; the error says what to write.
    pub fn parse(text: &str) -> Result<Time, Text> {
        let t = text.trim();
        let bad = || {
            tr!(
                "`{t}` không phải một giờ; viết giờ:phút, ví dụ 16:00",
                "`{t}` is not a time of day; write hour:minute, e.g. 16:00"
            )
        };
        let (h, m) = t.split_once(':').ok_or_else(bad)?;
        if h.is_empty() || h.len() > 2 || m.len() != 2 {
            return Err(bad());
        }
        let hour: u8 = h.parse().map_err(|_| bad())?;
        let minute: u8 = m.parse().map_err(|_| bad())?;
        if hour > 23 || minute > 59 {
            return Err(tr!(
                "không có giờ {t}; viết giờ từ 0 đến 23, phút từ 00 đến 59",
                "{t} is not a time of day; write hours 0 to 23 and minutes 00 to 59"
            ));
        }
        Ok(Time { hour, minute })
    }
}

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

/// A date with the time of day: when a page was captured
/// (`2025-11-20 14:35`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Moment {
    pub date: Date,
    pub time: Time,
}

impl Moment {
    /// `2025-11-20 14:35` (or with a `T` between date and time).
    pub fn parse(text: &str) -> Result<Moment, Text> {
        let t = text.trim();
        let Some((d, h)) = t.split_once([' ', 'T']) else {
            return Err(tr!(
                "`{t}` thiếu giờ; viết năm-tháng-ngày giờ:phút, ví dụ 2025-11-20 14:35",
                "`{t}` has no time; write year-month-day hour:minute, e.g. 2025-11-20 14:35"
            ));
        };
        Ok(Moment {
            date: Date::parse(d)?,
            time: Time::parse(h)?,
        })
    }
}

impl fmt::Display for Moment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.date, self.time)
    }
}

impl Serialize for Moment {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Moment {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = super::numbers::scalar_text(d, "a date and time such as 2025-11-20 14:35")?;
        Moment::parse(&text).map_err(|e| de::Error::custom(e.encode()))
    }
}

/// The date a document carries: a date (its day possibly left blank), or
/// none that is known, said so in so many words (`date: unknown`). An
/// unknown date is not a blank day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DocDate {
    Known(PartialDate),
    Unknown,
}

/// What an editor writes for a date the source does not give.
pub const UNKNOWN_DATE: &str = "unknown";

impl DocDate {
    pub fn parse(text: &str) -> Result<DocDate, Text> {
        let t = text.trim();
        if t.eq_ignore_ascii_case(UNKNOWN_DATE) || t == "không rõ" {
            return Ok(DocDate::Unknown);
        }
        PartialDate::parse(t).map(DocDate::Known)
    }

    pub fn known(&self) -> Option<PartialDate> {
        match self {
            DocDate::Known(d) => Some(*d),
            DocDate::Unknown => None,
        }
    }
}

impl fmt::Display for DocDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocDate::Known(d) => d.fmt(f),
            DocDate::Unknown => f.write_str(UNKNOWN_DATE),
        }
    }
}

impl Serialize for DocDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DocDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text =
            super::numbers::scalar_text(d, "a date such as 2023-03-08, 2023-11, or unknown")?;
        DocDate::parse(&text).map_err(|e| de::Error::custom(e.encode()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_date_is_not_a_blank_day() {
        assert_eq!(DocDate::parse("unknown").unwrap(), DocDate::Unknown);
        assert_eq!(
            DocDate::parse("2023-11").unwrap(),
            DocDate::Known(PartialDate::parse("2023-11").unwrap())
        );
        assert!(DocDate::parse("").is_err());
        let m = Moment::parse("2025-11-20 14:35").unwrap();
        assert_eq!(m.to_string(), "2025-11-20 14:35");
        assert!(Moment::parse("2025-11-20").is_err());
    }
}
