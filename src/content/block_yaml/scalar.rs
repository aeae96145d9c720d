//! What a plain scalar (`55`, `~`, `Hoàn thành`) stands for, as YAML's
//! tree (`serde_yaml::Value`) resolves it: null, a boolean, a number or a
//! string. Only forms whose meaning is certain are resolved; `None` for the
//! rest (`0x1F`, `+5`, `1e3`, `.inf`, and `8.0`, whose decimals the loader
//! keeps as printed), which the caller leaves to libyaml.

use super::Node;
use std::borrow::Cow;

/// The node a plain scalar resolves to; `None` when it is a form this
/// reader does not take (the whole file is then read by libyaml).
pub(super) fn resolve(s: &str) -> Option<Node<'_>> {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Some(Node::Null),
        "true" | "True" | "TRUE" => return Some(Node::Bool(true)),
        "false" | "False" | "FALSE" => return Some(Node::Bool(false)),
        _ => {}
    }
    let bytes = s.as_bytes();
    // Only a digit, a sign or a dot can start a number: anything else
    // (`inf`, `nan` included, which YAML reads as text) is a string.
    if !(bytes[0].is_ascii_digit() || matches!(bytes[0], b'+' | b'-' | b'.')) {
        return Some(Node::Str(Cow::Borrowed(s)));
    }
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    // `+5`, `.5`, `-.inf`, `0x1F`, `0o17`, `0b1`: not written in content.
    if bytes[0] == b'+' || body.starts_with('.') || has_radix_prefix(body) {
        return None;
    }
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if digits(body) {
        // A leading zero followed by digits is text in YAML 1.2 (`08`).
        if body.len() > 1 && body.starts_with('0') {
            return Some(Node::Str(Cow::Borrowed(s)));
        }
        return if negative {
            // `-0` is refused: the tree reads it as a positive zero.
            match s.parse::<i64>() {
                Ok(n) if n < 0 => Some(Node::Neg(n)),
                _ => None,
            }
        } else {
            s.parse::<u64>().ok().map(Node::Int)
        };
    }
    // `55.02`, `-3.5`: digits, a dot, digits, read as Rust reads a float
    // (as the tree does). Any other form a float could take is refused,
    // and so is `8.0`, whose printed decimals the loader keeps from the
    // text (`printed_decimals`).
    if let Some((whole, fraction)) = body.split_once('.') {
        if digits(whole) && digits(fraction) && !fraction.ends_with('0') {
            return s.parse::<f64>().ok().map(Node::Float);
        }
    }
    if s.parse::<f64>().is_ok() {
        return None;
    }
    Some(Node::Str(Cow::Borrowed(s)))
}

fn has_radix_prefix(body: &str) -> bool {
    ["0x", "0o", "0b"].iter().any(|p| body.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_scalars_resolve_as_the_tree_resolves_them_or_not_at_all() {
        let cases = [
            "",
            "~",
            "null",
            "Null",
            "NULL",
            "nULL",
            "true",
            "True",
            "TRUE",
            "tRUE",
            "false",
            "yes",
            "no",
            "on",
            "off",
            "y",
            "n",
            "0",
            "00",
            "08",
            "-08",
            "+08",
            "7",
            "70",
            "123456789012",
            "18446744073709551615",
            "18446744073709551616",
            "-1",
            "-0",
            "-9223372036854775808",
            "-9223372036854775809",
            "+5",
            "0x1F",
            "-0x1F",
            "0o17",
            "0b101",
            "1_000",
            "55.02",
            "-3.5",
            "8.5",
            "0.5",
            ".5",
            "5.",
            "1e3",
            "1E3",
            "1.5e3",
            "inf",
            "-inf",
            "+inf",
            ".inf",
            "-.inf",
            ".nan",
            "nan",
            "NaN",
            "infinity",
            "86,0",
            "25/34",
            "06/34",
            "2027-02",
            "2027-01-31",
            "12:30",
            "1:30",
            "Hoàn thành",
            "-abc",
            "+",
            ".",
            "1.2.3",
            "3,54",
            "100%",
            "1 000",
            "1.000",
            "2.000,5",
        ];
        for s in cases {
            // Integers past u64 are an error in the tree.
            let Ok(tree) = serde_yaml::from_str::<serde_yaml::Value>(&format!("k: {s}\n")) else {
                assert!(resolve(s).is_none(), "{s:?}");
                continue;
            };
            let tree = &tree["k"];
            if let Some(node) = resolve(s) {
                assert_eq!(&node.to_value(), tree, "{s:?}");
            }
        }
        // What content is written with resolves.
        for s in [
            "70",
            "86,0",
            "25/34",
            "2027-02",
            "Hoàn thành",
            "~",
            "55.02",
            "-1",
            "08",
        ] {
            assert!(resolve(s).is_some(), "{s:?}");
        }
        // What it is not written with is left to libyaml.
        for s in [
            "+5",
            "0x1F",
            "1e3",
            ".5",
            "-.inf",
            "-0",
            "18446744073709551616",
        ] {
            assert!(resolve(s).is_none(), "{s:?}");
        }
    }
}
