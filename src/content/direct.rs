//! The direct reading of a content file: straight into the model's types,
//! without the tree ([`serde_yaml::Value`]) that [`super::parse`] builds to
//! report errors. The tree costs a third of the time spent on YAML, and
//! nearly every file reads at once. A file in the subset of YAML that
//! [`super::block_yaml`] reads is read by it (without libyaml); any other,
//! from libyaml's events.
//!
//! The direct reading is only a shortcut: it gives a value only where the
//! reading through the tree gives the same value, and otherwise nothing
//! (the caller then reads through the tree, which says what is wrong).
//! The two differ on
//! - numbers written with trailing zeros (`8.0`), which the tree keeps as
//!   written ([`super::printed_decimals`]): such a file is not read
//!   directly;
//! - what [`super::limits::in_values`] finds in the tree (escapes, texts
//!   and lists too long): a file that could hold any of it is not read
//!   directly;
//! - tags (`!x`): a file with a `!` is not read directly;
//! - a plain scalar read as text: the events give any scalar's text where
//!   text is wanted (`symbol: 123`, `name: ~`), the tree only a string.
//!   [`Strict`] reads text the tree's way.

use super::limits::{MAX_ITEMS, MAX_TEXT_CHARS};
use super::source::Source;
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess,
    VariantAccess, Visitor,
};
use std::fmt;

/// `source` read straight into `T`, when that gives what the reading
/// through the tree gives; `None` otherwise, and on any error. (The
/// loader calls its two halves itself, to refuse anchors in between.)
#[cfg(test)]
pub(super) fn read<T: DeserializeOwned>(source: &Source) -> Option<T> {
    read_block(source).unwrap_or_else(|| read_events(source))
}

/// [`read`] for a file in the subset of YAML that [`super::block_yaml`]
/// reads: `None` for any other file; for one in the subset (which holds no
/// anchor or alias), `Some` of the value, or of nothing on any error.
/// What [`may_read`] looks for in the text is known from the tree here:
/// the subset refuses escapes, tags and `8.0`, and the tree tells its
/// longest list and text (a file may be larger than the limit of one text,
/// as a national `units.yaml` is).
pub(super) fn read_block<T: DeserializeOwned>(source: &Source) -> Option<Option<T>> {
    let tree = super::block_yaml::parse(&source.text)?;
    let extent = tree.extent();
    // Bytes, not characters: a text of fewer bytes than the limit has
    // fewer characters too; a longer one is left to the tree to measure.
    if extent.items > MAX_ITEMS || extent.text > MAX_TEXT_CHARS {
        return None;
    }
    Some(super::block_yaml::from_node(&tree))
}

/// [`read`] from libyaml's events. Anchors and aliases must have been
/// refused before: the events expand them.
pub(super) fn read_events<T: DeserializeOwned>(source: &Source) -> Option<T> {
    if !may_read(source.text.as_bytes()) {
        return None;
    }
    T::deserialize(Strict(serde_yaml::Deserializer::from_str(&source.text))).ok()
}

/// Whether the text is free of what the tree would read differently.
fn may_read(text: &[u8]) -> bool {
    if text.len() > MAX_TEXT_CHARS || super::printed_decimals::may_hold_one(text) {
        return false;
    }
    // A list's items are told apart by a `-` or a `,`: fewer of both than
    // the limit, and no list is too long.
    let mut separators = 0;
    for &b in text {
        match b {
            b'\\' | b'!' => return false,
            b'-' | b',' => separators += 1,
            _ => {}
        }
    }
    separators < MAX_ITEMS
}

/// A deserializer that reads text as [`serde_yaml::Value`] does: only from
/// a scalar that resolves to a string (a plain `123`, `true` or `~` is not
/// text). Everything else is passed through, and every deserializer it
/// hands out is wrapped again.
struct Strict<D>(D);

/// Forwards the visitor's calls, wrapping what it is given.
struct StrictVisitor<V>(V);

/// Accepts text only (for the text of fields, keys and strings).
struct TextOnly<V>(V);

struct StrictSeed<S>(S);

macro_rules! forward {
    ($($method:ident),* $(,)?) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
                self.0.$method(StrictVisitor(visitor))
            }
        )*
    };
}

macro_rules! text_only {
    ($($method:ident),* $(,)?) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
                self.0.deserialize_any(TextOnly(StrictVisitor(visitor)))
            }
        )*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Strict<D> {
    type Error = D::Error;

    forward!(
        deserialize_any,
        deserialize_bool,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_i128,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_u128,
        deserialize_f32,
        deserialize_f64,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_option,
        deserialize_unit,
        deserialize_seq,
        deserialize_map,
        deserialize_ignored_any,
    );

    // Text, a field's or a key's name: from a string only.
    text_only!(
        deserialize_char,
        deserialize_str,
        deserialize_string,
        deserialize_identifier,
    );

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_unit_struct(name, StrictVisitor(visitor))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0
            .deserialize_newtype_struct(name, StrictVisitor(visitor))
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple(len, StrictVisitor(visitor))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0
            .deserialize_tuple_struct(name, len, StrictVisitor(visitor))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0
            .deserialize_struct(name, fields, StrictVisitor(visitor))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0
            .deserialize_enum(name, variants, StrictVisitor(visitor))
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

macro_rules! pass {
    ($($method:ident: $t:ty),* $(,)?) => {
        $(
            fn $method<E: de::Error>(self, v: $t) -> Result<Self::Value, E> {
                self.0.$method(v)
            }
        )*
    };
}

impl<'de, V: Visitor<'de>> Visitor<'de> for StrictVisitor<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.0.expecting(f)
    }

    pass!(
        visit_bool: bool,
        visit_i8: i8,
        visit_i16: i16,
        visit_i32: i32,
        visit_i64: i64,
        visit_i128: i128,
        visit_u8: u8,
        visit_u16: u16,
        visit_u32: u32,
        visit_u64: u64,
        visit_u128: u128,
        visit_f32: f32,
        visit_f64: f64,
        visit_char: char,
        visit_str: &str,
        visit_borrowed_str: &'de str,
        visit_string: String,
        visit_bytes: &[u8],
        visit_borrowed_bytes: &'de [u8],
        visit_byte_buf: Vec<u8>,
    );

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.0.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.0.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.0.visit_some(Strict(d))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.0.visit_newtype_struct(Strict(d))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.0.visit_seq(Strict(seq))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.0.visit_map(Strict(map))
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.0.visit_enum(Strict(data))
    }
}

/// What [`TextOnly`] refuses: any scalar that is not a string.
fn not_text<E: de::Error>() -> E {
    E::custom("not text")
}

macro_rules! refuse {
    ($($method:ident: $t:ty),* $(,)?) => {
        $(
            fn $method<E: de::Error>(self, _: $t) -> Result<Self::Value, E> {
                Err(not_text())
            }
        )*
    };
}

impl<'de, V: Visitor<'de>> Visitor<'de> for TextOnly<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.0.expecting(f)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        self.0.visit_str(v)
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<V::Value, E> {
        self.0.visit_borrowed_str(v)
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<V::Value, E> {
        self.0.visit_string(v)
    }

    refuse!(
        visit_bool: bool,
        visit_i64: i64,
        visit_i128: i128,
        visit_u64: u64,
        visit_u128: u128,
        visit_f64: f64,
        visit_bytes: &[u8],
    );

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        Err(not_text())
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        Err(not_text())
    }

    fn visit_some<D: Deserializer<'de>>(self, _: D) -> Result<V::Value, D::Error> {
        Err(not_text())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<V::Value, A::Error> {
        Err(not_text())
    }

    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<V::Value, A::Error> {
        Err(not_text())
    }

    fn visit_enum<A: EnumAccess<'de>>(self, _: A) -> Result<V::Value, A::Error> {
        Err(not_text())
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for StrictSeed<S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(Strict(d))
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Strict<A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        self.0.next_element_seed(StrictSeed(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Strict<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.0.next_key_seed(StrictSeed(seed))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.0.next_value_seed(StrictSeed(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for Strict<A> {
    type Error = A::Error;
    type Variant = Strict<A::Variant>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Strict<A::Variant>), A::Error> {
        let (value, variant) = self.0.variant_seed(StrictSeed(seed))?;
        Ok((value, Strict(variant)))
    }
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for Strict<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.0.unit_variant()
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        self.0.newtype_variant_seed(StrictSeed(seed))
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        self.0.tuple_variant(len, StrictVisitor(visitor))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.0.struct_variant(fields, StrictVisitor(visitor))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse::through_tree;
    use crate::model::{DispatchFile, IndicatorsFile, SiteFile, UnitsFile};
    use serde::Deserialize;
    use std::path::{Path, PathBuf};

    fn source(text: &str) -> Source {
        Source::new(Path::new("t.yaml"), text)
    }

    /// The direct reading gives what the tree gives, or nothing.
    fn agrees<T: DeserializeOwned + PartialEq + fmt::Debug>(src: &Source) -> Option<T> {
        let direct = read::<T>(src);
        if let Some(d) = &direct {
            assert_eq!(
                Some(d),
                through_tree::<T>(src).ok().as_ref(),
                "{}",
                src.path.display()
            );
        }
        direct
    }

    fn yaml_files(dir: &Path) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
            .into_iter()
            .flatten()
            .map(|e| e.into_path())
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
            .collect();
        files.sort();
        files
    }

    #[test]
    fn real_content_reads_directly_as_through_the_tree() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let content = root.join("content");
        let read_file =
            |p: &Path| Source::new(p, &std::fs::read_to_string(p).expect("content file reads"));
        // A fixture in a legacy encoding is refused before YAML reads it.
        let read_fixture = |p: &Path| {
            std::fs::read_to_string(p)
                .ok()
                .map(|text| Source::new(p, &text))
        };
        let dispatches = yaml_files(&content.join("dispatches"));
        assert!(dispatches.len() >= 5);
        for path in &dispatches {
            assert!(
                agrees::<DispatchFile>(&read_file(path)).is_some(),
                "{} is not read directly",
                path.display()
            );
        }
        assert!(agrees::<SiteFile>(&read_file(&content.join("site.yaml"))).is_some());
        assert!(agrees::<UnitsFile>(&read_file(&content.join("units.yaml"))).is_some());
        let indicators = read_file(&content.join("indicators.yaml"));
        assert!(agrees::<IndicatorsFile>(&indicators).is_some());
        // The test fixtures, good and bad: never a different value.
        for source in yaml_files(&root.join("tests/fixtures"))
            .iter()
            .filter_map(|p| read_fixture(p))
        {
            agrees::<DispatchFile>(&source);
        }
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Row {
        text: String,
        #[serde(default)]
        note: Option<String>,
        #[serde(default)]
        value: Option<f64>,
        #[serde(default)]
        items: Vec<String>,
    }

    #[test]
    fn text_is_read_only_from_strings_as_the_tree_does() {
        for good in [
            "text: Hoàn thành\n",
            "text: \"123\"\n",
            "text: '~'\nnote: ~\n",
            "text: a\nvalue: 55\nitems: [x, 'y']\n",
            "text: a\nitems:\n  - x\n  - \"2\"\n",
        ] {
            assert!(agrees::<Row>(&source(good)).is_some(), "{good}");
        }
        for refused in [
            "text: 123\n",
            "text: ~\n",
            "text: true\n",
            "text: 5.5\n",
            "text: a\nnote: 7\n",
            "text: a\nitems: [x, 2]\n",
            "1: a\ntext: b\n",
        ] {
            assert_eq!(agrees::<Row>(&source(refused)), None, "{refused}");
            assert!(through_tree::<Row>(&source(refused)).is_err(), "{refused}");
        }
    }

    #[test]
    fn what_the_tree_reads_otherwise_is_left_to_it() {
        // Kept as written by the tree: `8.0` keeps its decimal.
        assert_eq!(read::<Row>(&source("text: a\nvalue: 8.0\n")), None);
        // Escapes are checked in the tree (control characters).
        assert_eq!(read::<Row>(&source("text: \"a\\u0001\"\n")), None);
        // Tags.
        assert_eq!(read::<Row>(&source("text: !x a\n")), None);
        // Lists that may be too long.
        let long = format!("text: a\nitems: [{}]\n", vec!["x"; MAX_ITEMS + 1].join(","));
        assert!(read::<Row>(&source(&long)).is_none());
        assert!(through_tree::<Row>(&source(&long)).is_err());
        // The block reading refuses them itself, and reads the rest.
        assert!(read_block::<Row>(&source(&long)).is_none());
        assert!(read_block::<Row>(&source("text: a\nvalue: 8.0\n")).is_none());
        // A text over the limit is left to the tree, which says so; a file
        // larger than that limit whose texts are all within it is read.
        let long_text = format!("text: {}\n", "a".repeat(MAX_TEXT_CHARS + 1));
        assert!(read_block::<Row>(&source(&long_text)).is_none());
        assert!(through_tree::<Row>(&source(&long_text)).is_err());
        let long_key = format!("{}: a\ntext: a\n", "k".repeat(MAX_TEXT_CHARS + 1));
        assert!(read_block::<Row>(&source(&long_key)).is_none());
        let many = format!(
            "text: a\nitems:\n{}",
            "  - một đơn vị có tên dài\n".repeat(10_000)
        );
        assert!(many.len() > MAX_TEXT_CHARS);
        let row = read_block::<Row>(&source(&many)).flatten();
        assert_eq!(row.map(|r| r.items.len()), Some(10_000));
        let block = read_block::<Row>(&source("text: a\nvalue: 8.5\nitems: [x]\n"));
        assert_eq!(block.flatten().and_then(|r| r.value), Some(8.5));
        // And nothing when the YAML does not read.
        assert_eq!(read::<Row>(&source("text: [a\n")), None);
    }
}
