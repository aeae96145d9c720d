//! Where each field sits in a YAML file, so that errors found after
//! deserializing (an unknown unit, a score above its maximum) still name
//! their line and column. serde_yaml only reports positions for syntax and
//! type errors; this index is built from yaml-rust2's marked events.

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

/// A 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

/// Field path (`results.groups[0].score`, as serde_path_to_error prints
/// it) → position of its key (for mapping entries) or item (for sequence
/// items). The root is the empty path.
#[derive(Debug, Default, Clone)]
pub struct PositionIndex {
    map: HashMap<String, Pos>,
    /// A key given a second time in the same mapping: where it is again.
    duplicates: HashMap<String, Pos>,
}

impl PositionIndex {
    pub fn build(text: &str) -> PositionIndex {
        let mut b = Builder::default();
        let mut parser = Parser::new_from_str(text);
        // A syntax error stops the walk; what was indexed so far stays useful.
        let _ = parser.load(&mut b, false);
        PositionIndex {
            map: b.map,
            duplicates: b.duplicates,
        }
    }

    /// Where the key at `path` is given a second time, if it is.
    pub fn duplicate(&self, path: &str) -> Option<Pos> {
        self.duplicates.get(path).copied()
    }

    /// The position of `path`, or of its nearest indexed ancestor.
    pub fn find(&self, path: &str) -> Option<Pos> {
        let mut p = path.trim_start_matches('.').to_string();
        loop {
            if let Some(pos) = self.map.get(&p) {
                return Some(*pos);
            }
            if p.is_empty() {
                return None;
            }
            p = parent(&p);
        }
    }

    /// The position of exactly `path`.
    pub fn get(&self, path: &str) -> Option<Pos> {
        self.map.get(path).copied()
    }
}

/// `a.b[2].c` → `a.b[2]` → `a.b` → `a` → ``.
pub fn parent(path: &str) -> String {
    match path.rfind(['.', '[']) {
        Some(i) => path[..i].to_string(),
        None => String::new(),
    }
}

enum Frame {
    /// In a mapping; `key` is set once the key scalar is read.
    Map {
        path: String,
        key: Option<String>,
        /// No key read yet.
        first: bool,
    },
    Seq {
        path: String,
        next: usize,
    },
}

#[derive(Default)]
struct Builder {
    stack: Vec<Frame>,
    map: HashMap<String, Pos>,
    duplicates: HashMap<String, Pos>,
}

impl Builder {
    /// The path of the value about to start, recording its position.
    /// Returns None when the event is a mapping key.
    fn value_path(&mut self, mark: Marker) -> Option<String> {
        let pos = Pos {
            line: mark.line(),
            // yaml-rust2 counts lines from 1 but columns from 0.
            column: mark.col() + 1,
        };
        match self.stack.last_mut() {
            None => {
                self.map.entry(String::new()).or_insert(pos);
                Some(String::new())
            }
            Some(Frame::Map { key: None, .. }) => None,
            Some(Frame::Map {
                path, key: Some(k), ..
            }) => {
                let p = join_key(path, k);
                Some(p)
            }
            Some(Frame::Seq { path, next }) => {
                let p = format!("{path}[{next}]");
                *next += 1;
                self.map.entry(p.clone()).or_insert(pos);
                Some(p)
            }
        }
    }

    fn after_value(&mut self) {
        if let Some(Frame::Map { key, .. }) = self.stack.last_mut() {
            *key = None;
        }
    }
}

fn join_key(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

impl MarkedEventReceiver for Builder {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        let pos = Pos {
            line: mark.line(),
            // yaml-rust2 counts lines from 1 but columns from 0.
            column: mark.col() + 1,
        };
        match ev {
            Event::Scalar(text, ..) => match self.value_path(mark) {
                None => {
                    if let Some(Frame::Map { path, key, first }) = self.stack.last_mut() {
                        // A block mapping's start is marked at its first
                        // colon; its first key is where an editor looks.
                        if std::mem::take(first) {
                            self.map.insert(path.clone(), pos);
                        }
                        let p = join_key(path, &text);
                        match self.map.entry(p) {
                            Entry::Occupied(e) => {
                                self.duplicates.entry(e.key().clone()).or_insert(pos);
                            }
                            Entry::Vacant(e) => {
                                e.insert(pos);
                            }
                        }
                        *key = Some(text);
                    }
                }
                Some(_) => self.after_value(),
            },
            Event::Alias(_) if self.value_path(mark).is_some() => self.after_value(),
            Event::MappingStart(..) => {
                // The value of a key is where its key is; the root and a
                // list item are where their first key is.
                let keyed = matches!(self.stack.last(), Some(Frame::Map { .. }));
                let path = self.value_path(mark).unwrap_or_default();
                self.map.entry(path.clone()).or_insert(pos);
                self.stack.push(Frame::Map {
                    path,
                    key: None,
                    first: !keyed,
                });
            }
            Event::SequenceStart(..) => {
                let path = self.value_path(mark).unwrap_or_default();
                self.map.entry(path.clone()).or_insert(pos);
                self.stack.push(Frame::Seq { path, next: 0 });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
                self.after_value();
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_keys_and_items() {
        let text = "a: 1\nb:\n  - x: 1\n    y: 2\n  - { x: 3, y: 4 }\nc: [5, 6]\n";
        let idx = PositionIndex::build(text);
        assert_eq!(idx.get("a").unwrap(), Pos { line: 1, column: 1 });
        assert_eq!(idx.get("b[0].x").unwrap(), Pos { line: 3, column: 5 });
        // The root and a list item are where their first key is; a keyed
        // mapping is where its key is.
        assert_eq!(idx.get("").unwrap(), Pos { line: 1, column: 1 });
        assert_eq!(idx.get("b[0]").unwrap(), Pos { line: 3, column: 5 });
        let nested = PositionIndex::build("# c\nx:\n  y:\n    z: 1\n");
        assert_eq!(nested.get("").unwrap(), Pos { line: 2, column: 1 });
        assert_eq!(nested.get("x.y").unwrap(), Pos { line: 3, column: 3 });
        assert_eq!(idx.get("b[0].y").unwrap().line, 4);
        assert_eq!(idx.get("b[1].y").unwrap().line, 5);
        assert_eq!(idx.get("c[1]").unwrap().line, 6);
        assert_eq!(idx.find("b[1].zz").unwrap().line, 5);
        assert_eq!(parent("b[1].y"), "b[1]");
    }

    #[test]
    fn finds_a_key_given_twice() {
        let idx = PositionIndex::build("a: 1\nb:\n  - x: 1\n    x: 2\na: 3\n");
        assert_eq!(idx.get("a").unwrap().line, 1);
        assert_eq!(idx.duplicate("a").unwrap(), Pos { line: 5, column: 1 });
        assert_eq!(idx.duplicate("b[0].x").unwrap(), Pos { line: 4, column: 5 });
        assert_eq!(idx.duplicate("b"), None);
    }
}
