//! Tera filters for Vietnamese formatting, registered on every template:
//! `num` (55,02; 1.038), `vi_date` (ngày 08 tháng 3 năm 2023), `vi_period`
//! (tháng 10/2023).

use crate::model::{PartialDate, Period};
use crate::vi;
use std::collections::HashMap;
use tera::{Error, Result, Tera, Value};

pub fn register(tera: &mut Tera) {
    tera.register_filter("num", num);
    tera.register_filter("vi_date", vi_date);
    tera.register_filter("vi_period", vi_period);
}

/// A `Num` (`{value, decimals}`) keeps its printed decimals; a plain number
/// takes `decimals` (default: as many as needed, up to 2).
fn num(value: &Value, args: &HashMap<String, Value>) -> Result<Value> {
    let decimals = args
        .get("decimals")
        .and_then(Value::as_u64)
        .map(|d| d.min(6) as u8);
    let text = match value {
        Value::Object(o) => {
            let v = o
                .get("value")
                .and_then(Value::as_f64)
                .ok_or_else(|| Error::msg("num: object without `value`"))?;
            let d = decimals
                .or_else(|| o.get("decimals").and_then(Value::as_u64).map(|d| d as u8))
                .unwrap_or(0);
            vi::format_decimal(v, d)
        }
        Value::Number(n) => {
            let v = n.as_f64().unwrap_or(0.0);
            match decimals {
                Some(d) => vi::format_decimal(v, d),
                None => vi::format_auto(v, 2),
            }
        }
        Value::Null => String::new(),
        other => return Err(Error::msg(format!("num: cannot format {other}"))),
    };
    Ok(Value::String(text))
}

/// `2023-03-08` → `ngày 08 tháng 3 năm 2023`; `2023-11` keeps the blank
/// day. With `style="short"`: `08/03/2023`.
fn vi_date(value: &Value, args: &HashMap<String, Value>) -> Result<Value> {
    let text = value
        .as_str()
        .ok_or_else(|| Error::msg("vi_date: expects a date string"))?;
    let short = args.get("style").and_then(Value::as_str) == Some("short");
    let p = PartialDate::parse(text).map_err(Error::msg)?;
    Ok(Value::String(if short {
        vi::format_short_partial_date(&p)
    } else {
        vi::format_long_date(&p)
    }))
}

/// `2023-10` → `tháng 10/2023`; with `short=true` → `10/2023`.
fn vi_period(value: &Value, args: &HashMap<String, Value>) -> Result<Value> {
    let text = value
        .as_str()
        .ok_or_else(|| Error::msg("vi_period: expects a period string"))?;
    let p = Period::parse(text).map_err(Error::msg)?;
    let short = args.get("short").and_then(Value::as_bool).unwrap_or(false);
    Ok(Value::String(if short {
        vi::format_period_short(&p)
    } else {
        vi::format_period(&p)
    }))
}
