//! A date with its time (when a page was captured), and a document's date
//! that may be unknown: not the same as a blank day.

use super::dates::{Date, PartialDate};
use super::time_of_day::Time;
use crate::lang::Text;
use crate::tr;
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

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
