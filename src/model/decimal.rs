//! The printed form of a decimal in Vietnamese documents: decimal comma,
//! thousands dot (`55,02`, `1.038`). `Num` prints itself with it, and
//! `crate::vi` uses it for every number on the site.

/// `55.02, 2` → `55,02`; `1038.0, 0` → `1.038`; `-3.5, 1` → `-3,5`.
/// Every number on the site goes through here: one allocation each.
pub fn format_decimal(value: f64, decimals: u8) -> String {
    let text = fixed(value.abs(), decimals);
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let negative = value < 0.0 && text_is_nonzero(int, frac);
    let mut out = String::with_capacity(text.len() + int.len() / 3 + 1);
    if negative {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push(',');
        out.push_str(f);
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
            let d = decimals as usize;
            // The digits of the integer (below 10^18), at least d + 1 of them.
            let mut buf = [b'0'; 24];
            let mut pos = buf.len();
            let mut n = scaled.abs() as u64;
            loop {
                pos -= 1;
                buf[pos] = b'0' + (n % 10) as u8;
                n /= 10;
                if n == 0 {
                    break;
                }
            }
            pos = pos.min(buf.len() - (d + 1));
            let digits = &buf[pos..];
            let (int, frac) = digits.split_at(digits.len() - d);
            let mut out = String::with_capacity(digits.len() + 2);
            if value.is_sign_negative() {
                out.push('-');
            }
            out.extend(int.iter().map(|&b| char::from(b)));
            if d > 0 {
                out.push('.');
                out.extend(frac.iter().map(|&b| char::from(b)));
            }
            return out;
        }
    }
    format!("{:.*}", decimals as usize, value)
}

fn text_is_nonzero(int: &str, frac: Option<&str>) -> bool {
    int.chars()
        .chain(frac.unwrap_or("").chars())
        .any(|c| c.is_ascii_digit() && c != '0')
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

    /// The grouping as it was first written (string by string), against
    /// which the one-allocation version is checked.
    fn reference(value: f64, decimals: u8) -> String {
        let text = format!("{:.*}", decimals as usize, value.abs());
        let (int, frac) = match text.split_once('.') {
            Some((i, f)) => (i.to_string(), Some(f.to_string())),
            None => (text, None),
        };
        let mut grouped = String::new();
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

    #[test]
    fn format_decimal_groups_as_printed() {
        assert_eq!(format_decimal(55.02, 2), "55,02");
        assert_eq!(format_decimal(1038.0, 0), "1.038");
        assert_eq!(format_decimal(-3.5, 1), "-3,5");
        assert_eq!(format_decimal(-0.001, 1), "0,0");
        assert_eq!(format_decimal(1234567.5, 1), "1.234.567,5");
        for i in -200_000..2_000_000i64 {
            let v = i as f64 / 100.0 + if i % 7 == 0 { 1000.0 } else { 0.0 };
            for d in 0..=3u8 {
                assert_eq!(format_decimal(v, d), reference(v, d), "{v} with {d}");
            }
        }
        for v in [f64::NAN, f64::INFINITY, 1e15, -1e13, 999_999.999_5] {
            for d in 0..=6u8 {
                assert_eq!(format_decimal(v, d), reference(v, d), "{v} with {d}");
            }
        }
    }
}
