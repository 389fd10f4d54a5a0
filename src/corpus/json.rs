//! Reading and writing the corpus file (`actormap/1`, documented in `docs/corpus-format.md`).
//!
//! Writing is deterministic, so write → read → write gives identical bytes. Reading checks what the rest of
//! the program relies on (the schema tag, that every offset lies on a character boundary inside its article,
//! that every id referred to exists) and reports the first problem as a sentence naming the place.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::model::{Article, Corpus, SCHEMA, Span};

/// Why a corpus file could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum CorpusError {
    /// The bytes are not JSON of the corpus shape.
    Syntax(String),
    /// The file is JSON but declares another schema.
    Schema(String),
    /// The JSON parses but refers to something that is not there.
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
    // The schema first (the rest skipped unread), so that a file of another version is named as such rather
    // than reported as a shape error.
    #[derive(serde::Deserialize)]
    struct Probe {
        schema: Option<serde_json::Value>,
    }
    let probe: Probe =
        serde_json::from_str(text).map_err(|e| CorpusError::Syntax(e.to_string()))?;
    match probe.schema {
        Some(serde_json::Value::String(s)) if s == SCHEMA => {}
        Some(serde_json::Value::String(other)) => return Err(CorpusError::Schema(other)),
        Some(other) => return Err(CorpusError::Schema(other.to_string())),
        None => return Err(CorpusError::Syntax("no \"schema\" field".to_string())),
    }
    let corpus: Corpus =
        serde_json::from_str(text).map_err(|e| CorpusError::Syntax(e.to_string()))?;
    check(&corpus)?;
    Ok(corpus)
}

fn check(corpus: &Corpus) -> Result<(), CorpusError> {
    let bad = |msg: String| Err(CorpusError::Inconsistent(msg));
    let mut articles: HashMap<&str, &Article> = HashMap::with_capacity(corpus.articles.len());
    for a in &corpus.articles {
        if articles.insert(a.id.as_str(), a).is_some() {
            return bad(format!("article id \"{}\" is used twice", a.id));
        }
        for (i, s) in a.sentences.iter().enumerate() {
            if !on_boundaries(&a.text, *s) {
                return bad(format!(
                    "sentence {i} of article \"{}\" lies outside its text",
                    a.id
                ));
            }
        }
    }
    let span_ok = |article: &str, sentence: usize, span: Span| -> bool {
        articles
            .get(article)
            .is_some_and(|a| on_boundaries(&a.text, span) && sentence < a.sentences.len())
    };
    let mut actor_ids = HashSet::new();
    for actor in &corpus.actors {
        if !actor_ids.insert(actor.id.as_str()) {
            return bad(format!("actor id \"{}\" is used twice", actor.id));
        }
        for m in &actor.mentions {
            if !span_ok(&m.article, m.sentence, m.span()) {
                return bad(format!(
                    "a mention of \"{}\" points outside article \"{}\"",
                    actor.name, m.article
                ));
            }
        }
    }
    for actor in &corpus.actors {
        if let Some(a) = actor
            .affiliations
            .iter()
            .find(|a| !actor_ids.contains(a.as_str()))
        {
            return bad(format!(
                "actor \"{}\" is affiliated with unknown actor \"{a}\"",
                actor.name
            ));
        }
    }
    let mut interaction_ids = HashSet::new();
    for it in &corpus.interactions {
        if !interaction_ids.insert(it.id.as_str()) {
            return bad(format!("interaction id \"{}\" is used twice", it.id));
        }
        for side in [&it.source, &it.target] {
            if !actor_ids.contains(side.as_str()) {
                return bad(format!(
                    "interaction \"{}\" refers to unknown actor \"{side}\"",
                    it.id
                ));
            }
        }
        for ev in &it.evidence {
            let spans = [Some(ev.span()), ev.trigger, ev.source_span, ev.target_span];
            if spans
                .into_iter()
                .flatten()
                .any(|s| !span_ok(&ev.article, ev.sentence, s))
            {
                return bad(format!(
                    "evidence of interaction \"{}\" points outside article \"{}\"",
                    it.id, ev.article
                ));
            }
        }
    }
    Ok(())
}

fn on_boundaries(text: &str, span: Span) -> bool {
    span.start <= span.end && text.get(span.start..span.end).is_some()
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
    fn plain_json_that_is_not_a_corpus_is_refused() {
        assert!(matches!(from_json("[1, 2]"), Err(CorpusError::Syntax(_))));
        assert!(matches!(from_json("not json"), Err(CorpusError::Syntax(_))));
    }
}
