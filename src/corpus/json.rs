//! Reading and writing the corpus file (`actormap/1`, documented in `docs/corpus-format.md`).
//!
//! Writing is deterministic (fields in a fixed order, lists in corpus order, no maps, no floating-point
//! numbers), so write → read → write gives identical bytes. Reading is strict, so that whatever it accepts
//! writes back unchanged: a NUL byte, a key given twice, a field actormap/1 does not have, a list where it
//! has an object (`shape`), a schema that is not the string `"actormap/1"` are refused, and then `check`
//! refuses a corpus that the program could not use or that opening would change. The first problem is reported as a sentence naming the place.

use std::fmt;

use super::check::check;
use super::model::{Corpus, SCHEMA};
use super::shape;

/// Why a corpus file could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum CorpusError {
    /// The bytes are not JSON of the corpus shape.
    Syntax(String),
    /// The file is JSON but declares another schema.
    Schema(String),
    /// The JSON parses but refers to something that is not there, or holds what opening would change.
    Inconsistent(String),
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CorpusError::Syntax(e) => write!(f, "it is not an actormap corpus file ({e})"),
            CorpusError::Schema(s) => {
                write!(
                    f,
                    "it declares schema \"{s}\", but this version of actormap reads \"{SCHEMA}\""
                )
            }
            CorpusError::Inconsistent(e) => write!(f, "the corpus file is damaged: {e}"),
        }
    }
}

impl std::error::Error for CorpusError {}

/// The corpus as pretty-printed JSON with a trailing newline.
pub fn to_json(corpus: &Corpus) -> String {
    let mut s = serde_json::to_string_pretty(corpus).expect("the corpus model always serialises");
    s.push('\n');
    s
}

/// Writes the corpus as `to_json` would, byte for byte, straight to `out` (no copy of the whole file in
/// memory first).
pub fn write_json(corpus: &Corpus, out: impl std::io::Write) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut out, corpus).map_err(std::io::Error::from)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// Parses and checks a corpus file.
pub fn from_json(text: &str) -> Result<Corpus, CorpusError> {
    let syntax = |e: String| CorpusError::Syntax(e);
    if let Some(at) = text.find('\0') {
        let line = text.as_bytes()[..at]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        return Err(syntax(format!(
            "byte {at}, on line {line}, is a NUL byte: the file holds binary data, not JSON text"
        )));
    }
    // Serde reads a struct from a JSON list too (`["actormap/1", …]`): a corpus file is an object.
    if !text.trim_start().starts_with('{') {
        return Err(syntax(
            "it does not start with `{`; a corpus file is a JSON object that begins \
             {\"schema\": \"actormap/1\", …"
                .to_string(),
        ));
    }
    // The schema first, so that a file of another version is named as such rather than reported as a shape
    // error; and no list where the model has a struct (serde would read it, and the file would not save
    // back the same).
    let shape = shape::read(text).map_err(|e| syntax(describe(&e)))?;
    match shape.schema {
        Some(serde_json::Value::String(s)) if s == SCHEMA => {}
        Some(serde_json::Value::String(other)) => return Err(CorpusError::Schema(other)),
        Some(other) => {
            return Err(syntax(format!(
                "its \"schema\" must be the string \"{SCHEMA}\", but it is {}",
                describe_value(&other)
            )));
        }
        None => {
            return Err(syntax(format!(
                "it has no \"schema\" field; a corpus file begins {{\"schema\": \"{SCHEMA}\", …"
            )));
        }
    }
    let corpus: Corpus = serde_json::from_str(text).map_err(|e| syntax(describe(&e)))?;
    check(&corpus).map_err(CorpusError::Inconsistent)?;
    Ok(corpus)
}

/// A JSON value in words: "the number 1", "null", "a list".
fn describe_value(v: &serde_json::Value) -> String {
    use serde_json::Value;
    match v {
        Value::Null => "null".to_string(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the string \"{s}\""),
        Value::Array(_) => "a list".to_string(),
        Value::Object(_) => "an object".to_string(),
    }
}

/// A serde error as a sentence: where (line and column) and, for the mistakes a hand edit makes, what to do.
fn describe(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let at = format!(" at line {} column {}", e.line(), e.column());
    let what = full.strip_suffix(&at).unwrap_or(&full);
    let place = format!("line {}, column {}", e.line(), e.column());
    let quoted = |prefix: &str| {
        what.strip_prefix(prefix)
            .and_then(|rest| rest.split('`').next())
            .map(str::to_string)
    };
    if let Some(key) = quoted("duplicate field `") {
        format!("the key \"{key}\" is given twice in one object ({place}); keep one of them")
    } else if let Some(key) = quoted("unknown field `") {
        format!(
            "the field \"{key}\" ({place}) is not part of {SCHEMA}; remove it, or if a newer actormap wrote \
             the file, open it with that version"
        )
    } else {
        format!("{what} ({place})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::model::*;

    fn tiny() -> Corpus {
        Corpus {
            articles: vec![Article {
                id: "a1".into(),
                path: "x.txt".into(),
                title: "x".into(),
                date: None,
                text: "Iran met Pakistan’s envoy.\r\n".into(),
                sentences: vec![Span::new(0, 28)],
                encoding: None,
                format: None,
            }],
            actors: vec![Actor {
                id: "IRN".into(),
                kind: ActorKind::Country,
                name: "Iran".into(),
                aliases: vec![],
                country: Some("IRN".into()),
                title: None,
                code: Some("IRN".into()),
                affiliations: vec![],
                mentions: vec![Mention {
                    article: "a1".into(),
                    sentence: 0,
                    start: 0,
                    end: 4,
                    via: MentionVia::Name,
                }],
            }],
            ..Corpus::default()
        }
    }

    #[test]
    fn writing_to_a_stream_gives_the_same_bytes_as_to_json() {
        let mut bytes = Vec::new();
        write_json(&tiny(), &mut bytes).unwrap();
        assert_eq!(String::from_utf8(bytes).unwrap(), to_json(&tiny()));
    }

    #[test]
    fn write_read_write_gives_identical_bytes() {
        let first = to_json(&tiny());
        let second = to_json(&from_json(&first).unwrap());
        assert_eq!(first, second);
        assert!(
            first.contains("\\r\\n"),
            "line endings are kept as they were"
        );
    }

    #[test]
    fn a_mention_outside_the_text_is_reported_not_trusted() {
        let mut c = tiny();
        c.actors[0].mentions[0].end = 999;
        let err = from_json(&to_json(&c)).unwrap_err();
        assert!(matches!(err, CorpusError::Inconsistent(_)), "{err}");
    }

    #[test]
    fn another_schema_is_refused_with_its_name() {
        let err = from_json(r#"{"schema": "actormap/9", "articles": []}"#).unwrap_err();
        assert!(err.to_string().contains("actormap/9"));
    }

    #[test]
    fn a_schema_that_is_not_a_string_is_named_with_what_it_is() {
        for (schema, found) in [
            ("1", "the number 1"),
            ("null", "null"),
            ("[\"actormap/1\"]", "a list"),
        ] {
            let err = from_json(&format!(r#"{{"schema": {schema}, "articles": []}}"#)).unwrap_err();
            let said = err.to_string();
            assert!(
                said.contains("\"schema\" must be the string \"actormap/1\"")
                    && said.contains(found),
                "{said}"
            );
            assert!(!said.contains("no \"schema\""), "{said}");
        }
    }

    #[test]
    fn a_file_without_a_schema_is_told_what_it_lacks() {
        let err = from_json(r#"{"articles": []}"#).unwrap_err().to_string();
        assert!(err.contains("no \"schema\" field"), "{err}");
    }

    #[test]
    fn a_key_given_twice_is_refused_and_named() {
        let twice = r#"{"schema": "actormap/1", "schema": "actormap/1", "articles": [], "actors": [],
            "interactions": []}"#;
        let err = from_json(twice).unwrap_err().to_string();
        assert!(
            err.contains("\"schema\" is given twice") && err.contains("line 1"),
            "{err}"
        );

        let mut inner = to_json(&tiny());
        inner = inner.replacen(
            "\"title\": \"x\",",
            "\"title\": \"x\", \"title\": \"y\",",
            1,
        );
        let err = from_json(&inner).unwrap_err().to_string();
        assert!(err.contains("\"title\" is given twice"), "{err}");
    }

    #[test]
    fn a_field_actormap_does_not_have_is_refused_not_dropped() {
        let extra = to_json(&tiny()).replacen("\"title\": \"x\",", "\"subtitle\": \"y\",", 1);
        let err = from_json(&extra).unwrap_err().to_string();
        assert!(
            err.contains("\"subtitle\"") && err.contains("not part of actormap/1"),
            "{err}"
        );
    }

    #[test]
    fn a_list_where_the_format_has_an_object_is_refused_not_rewritten() {
        let canonical = to_json(&tiny());
        let mention = r#"{
          "article": "a1",
          "sentence": 0,
          "start": 0,
          "end": 4,
          "via": "name"
        }"#;
        assert!(canonical.contains(mention), "{canonical}");
        let as_list = canonical.replace(mention, r#"["a1", 0, 0, 4, "name"]"#);
        let err = from_json(&as_list).unwrap_err().to_string();
        assert!(
            err.contains("a list stands where actormap/1 has an object"),
            "{err}"
        );

        let spans = canonical.replace(
            r#""sentences": ["#,
            r#""sentences": [[0, 28]], "unused": ["#,
        );
        let err = from_json(&spans).unwrap_err().to_string();
        assert!(
            err.contains("a list stands where") && err.contains("line "),
            "{err}"
        );

        let title = canonical.replace(r#""title": "x""#, r#""title": ["x"]"#);
        let err = from_json(&title).unwrap_err().to_string();
        assert!(err.contains("the value of \"title\" is a list"), "{err}");
    }

    #[test]
    fn a_nul_byte_anywhere_is_refused_as_binary_with_its_place() {
        let mut c = tiny();
        c.articles[0].text = format!("{}Iran met Pakistan.", "word ".repeat(20_000));
        c.articles[0].sentences = vec![Span::new(0, c.articles[0].text.len())];
        c.actors[0].mentions.clear();
        let json = to_json(&c);
        let at = json.find("Iran met").unwrap();
        assert!(
            at > 64 * 1024,
            "past the part the binary check of articles looks at"
        );
        let mut bytes = json.into_bytes();
        bytes[at] = 0;
        let err = from_json(&String::from_utf8(bytes).unwrap())
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(&format!("byte {at}")) && err.contains("NUL"),
            "{err}"
        );
    }

    #[test]
    fn an_article_text_holding_a_nul_character_is_refused_by_name() {
        let mut c = tiny();
        c.articles[0].text = "Iran met Pakistan\u{0}s envoy.\r\n".into();
        let err = from_json(&to_json(&c)).unwrap_err().to_string();
        assert!(
            err.contains("article \"a1\" holds a NUL character at byte 17"),
            "{err}"
        );
    }

    #[test]
    fn plain_json_that_is_not_a_corpus_is_refused() {
        assert!(matches!(from_json("[1, 2]"), Err(CorpusError::Syntax(_))));
        assert!(matches!(
            from_json(r#"["actormap/1", [], [], []]"#),
            Err(CorpusError::Syntax(_))
        ));
        assert!(matches!(from_json("not json"), Err(CorpusError::Syntax(_))));
    }
}
