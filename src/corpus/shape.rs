//! The first pass over a corpus file, before it is read into the model: the top-level `schema` (so that a
//! file of another version is named as such rather than reported as a shape error) and that lists stand only
//! where `actormap/1` has lists.
//!
//! Why the second: serde reads a struct from a JSON list of its fields in order, so `"trigger": [24, 27]`
//! or a mention written as `["a1", 0, 0, 4, "name"]` would be read, and then saved as objects; a file that
//! opens must save unchanged. One walk over the document, allocating nothing but the schema's value.
//!
//! Not for: the corpus's shape otherwise (the model's own deserialisation) or its consistency (`check`).

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// Every field name of the model, so that a key can be named without keeping a copy of it.
const FIELDS: &[&str] = &[
    "actors",
    "affiliations",
    "aliases",
    "article",
    "articles",
    "cameo",
    "code",
    "country",
    "date",
    "directed",
    "end",
    "evidence",
    "id",
    "interactions",
    "kind",
    "mentions",
    "modality",
    "name",
    "path",
    "reported_by",
    "rule",
    "schema",
    "sentence",
    "sentences",
    "source",
    "source_span",
    "target",
    "target_span",
    "text",
    "title",
    "trigger",
    "via",
    "when",
];

/// The fields whose value is a list.
const LISTS: &[&str] = &[
    "actors",
    "affiliations",
    "aliases",
    "articles",
    "evidence",
    "interactions",
    "mentions",
    "sentences",
];

/// What the first pass found: the top-level `schema` as given (`None` when absent; `Some(Null)` for `null`).
pub struct Shape {
    pub schema: Option<serde_json::Value>,
}

/// Walks `text` (a JSON object) once; the error is serde_json's, with its line and column.
pub fn read(text: &str) -> Result<Shape, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let shape = de.deserialize_map(Root)?;
    de.end()?;
    Ok(shape)
}

/// A key of an object, as one of `FIELDS` ("" for another).
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = &'static str;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<&'static str, D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for Key {
    type Value = &'static str;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<&'static str, E> {
        Ok(FIELDS.iter().find(|f| **f == key).copied().unwrap_or(""))
    }
}

struct Root;

impl<'de> Visitor<'de> for Root {
    type Value = Shape;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Shape, A::Error> {
        let mut schema = None;
        while let Some(key) = map.next_key_seed(Key)? {
            if key == "schema" {
                if schema.is_some() {
                    return Err(de::Error::custom("duplicate field `schema`"));
                }
                schema = Some(map.next_value()?);
            } else if key.is_empty() {
                // A field the model lacks: the model's reading names it.
                map.next_value::<IgnoredAny>()?;
            } else {
                map.next_value_seed(Value { key })?;
            }
        }
        Ok(Shape { schema })
    }
}

/// The value of the field `key` ("" inside a list, or for a field the model does not have).
#[derive(Clone, Copy)]
struct Value {
    key: &'static str,
}

impl<'de> DeserializeSeed<'de> for Value {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Value {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        if !LISTS.contains(&self.key) {
            let what = if self.key.is_empty() {
                "a list stands where actormap/1 has an object or a single value".to_string()
            } else {
                format!(
                    "the value of \"{}\" is a list, but actormap/1 writes it as an object or a single value",
                    self.key
                )
            };
            return Err(de::Error::custom(what));
        }
        while seq.next_element_seed(Value { key: "" })?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key_seed(Key)? {
            if key.is_empty() {
                // A field the model lacks: the model's reading names it.
                map.next_value::<IgnoredAny>()?;
            } else {
                map.next_value_seed(Value { key })?;
            }
        }
        Ok(())
    }
}
