//! `8.0` written with a dot keeps its decimal, as `8,0` does.
//!
//! YAML reads a plain `8.0` as the float 8 (and `55.50` as 55.5): the
//! decimals the document printed are gone before a figure is read. For a
//! file whose text holds such a number, its YAML events (which keep each
//! scalar's text) are walked beside the parsed tree, and each float whose
//! written fraction ends in a zero is put back as the text it was written
//! as. A figure then reads `8.0` with one decimal, and a count reads
//! `1.030` as written (the thousands dot, refused with the count meant).

use serde_yaml::Value;
use yaml_rust2::parser::{Event, EventReceiver, Parser};
use yaml_rust2::scanner::TScalarStyle;

/// Put back, in `value` (the tree YAML read from `text`), the written text
/// of every plain float whose fraction ends in a zero.
pub fn keep(text: &str, value: &mut Value) {
    if !may_hold_one(text.as_bytes()) {
        return;
    }
    let mut events = Events(Vec::new());
    if Parser::new_from_str(text).load(&mut events, false).is_err() {
        return;
    }
    let mut events = events.0.into_iter().peekable();
    // The stream and document starts, then the document's one node.
    while matches!(
        events.peek(),
        Some(Event::StreamStart | Event::DocumentStart)
    ) {
        events.next();
    }
    walk(&mut events, Some(value));
}

struct Events(Vec<Event>);

impl EventReceiver for Events {
    fn on_event(&mut self, ev: Event) {
        self.0.push(ev);
    }
}

type Stream = std::iter::Peekable<std::vec::IntoIter<Event>>;

/// Read one node's events, patching `node` (the same node in the tree)
/// where a scalar was written with trailing zeros. A node the tree does
/// not hold in the same shape is read through without patching.
fn walk(events: &mut Stream, node: Option<&mut Value>) {
    let node = match node {
        Some(Value::Tagged(t)) => Some(&mut t.value),
        other => other,
    };
    match events.next() {
        Some(Event::Scalar(text, TScalarStyle::Plain, _, _)) => {
            if let Some(node) = node {
                if matches!(node, Value::Number(n) if n.is_f64()) && trailing_zero(&text) {
                    *node = Value::String(text);
                }
            }
        }
        Some(Event::SequenceStart(..)) => {
            let mut items = match node {
                Some(Value::Sequence(items)) => Some(items.iter_mut()),
                _ => None,
            };
            while !matches!(events.peek(), Some(Event::SequenceEnd) | None) {
                walk(events, items.as_mut().and_then(Iterator::next));
            }
            events.next();
        }
        Some(Event::MappingStart(..)) => {
            let mut values = match node {
                Some(Value::Mapping(map)) => Some(map.values_mut()),
                _ => None,
            };
            while !matches!(events.peek(), Some(Event::MappingEnd) | None) {
                walk(events, None);
                walk(events, values.as_mut().and_then(Iterator::next));
            }
            events.next();
        }
        _ => {}
    }
}

/// Whether the text holds a digit, a dot, digits ending in 0 (`8.0`,
/// `55.50`): most files do not, and are not walked.
pub(super) fn may_hold_one(b: &[u8]) -> bool {
    let mut i = 1;
    while i < b.len() {
        if b[i] == b'.' && b[i - 1].is_ascii_digit() {
            let mut j = i + 1;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            if j > i + 1 && b[j - 1] == b'0' {
                return true;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    false
}

/// `8.0`, `-3.50`, `1.030`: digits, a dot, digits ending in 0.
fn trailing_zero(text: &str) -> bool {
    let t = text.strip_prefix(['-', '+']).unwrap_or(text);
    let Some((whole, fraction)) = t.split_once('.') else {
        return false;
    };
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.ends_with('0')
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Value {
        let mut v: Value = serde_yaml::from_str(text).unwrap();
        keep(text, &mut v);
        v
    }

    #[test]
    fn floats_with_trailing_zeros_keep_their_text() {
        let v = read("a: 8.0\nb: [1.50, 2.5, 3]\nc:\n  - d: -4.00\n    e: \"6.0\"\n");
        assert_eq!(v["a"], Value::String("8.0".into()));
        assert_eq!(v["b"][0], Value::String("1.50".into()));
        assert!(v["b"][1].is_f64());
        assert!(v["b"][2].is_u64());
        assert_eq!(v["c"][0]["d"], Value::String("-4.00".into()));
        assert_eq!(v["c"][0]["e"], Value::String("6.0".into()));
    }

    #[test]
    fn keys_text_and_other_numbers_are_left_alone() {
        let v = read("1.0: x\nt: version 2.0 of it\nn: 12\nf: 0.5\n");
        assert_eq!(v["t"], Value::String("version 2.0 of it".into()));
        assert!(v["n"].is_u64());
        assert!(v["f"].is_f64());
        assert!(!may_hold_one(b"a: 12.5\nb: 1.038\n"));
        assert!(may_hold_one(b"a: 12.50\n"));
        assert!(trailing_zero("1.030"));
        assert!(!trailing_zero("1.0e3"));
        assert!(!trailing_zero(".0"));
    }
}
