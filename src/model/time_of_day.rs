//! A time of day as a source prints it (`16:00`): the cut-off of a year to
//! date, and the time a page was captured. Depends on no other date type,
//! so that `dates` and `moments` can both use it.

use crate::lang::Text;
use crate::tr;
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
