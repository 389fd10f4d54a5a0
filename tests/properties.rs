//! Properties over generated input, checked with proptest (which shrinks a failure to a small input):
//! extraction never panics and puts every span on the text, on character boundaries, inside its sentence;
//! a corpus the loader accepts writes back byte for byte; a damaged corpus file (a byte or a JSON value
//! changed) is refused with a message or opens and writes back what it holds, and never panics.
//!
//! Each property runs a few dozen cases by default, so that the whole file takes well under a minute in a
//! debug build on two cores; `PROPTEST_CASES=N` runs N cases of each.

use actormap::corpus::{self, Corpus, Span};
use actormap::extract::Extractor;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use serde_json::Value;

/// `default` cases, or `PROPTEST_CASES`; failures are not written to a file beside the tests (proptest
/// prints the shrunk input).
fn cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Invented words of foreign-affairs news: names, offices, triggers, pronouns, dates.
const WORDS: &[&str] = &[
    "Chile",
    "Peru",
    "Norway",
    "Kenya",
    "Uganda",
    "Chilean",
    "Peruvian",
    "Lima",
    "Santiago",
    "the",
    "The",
    "Foreign",
    "Minister",
    "President",
    "General",
    "army",
    "ministry",
    "government",
    "met",
    "with",
    "accused",
    "of",
    "spying",
    "visited",
    "threatened",
    "sanctions",
    "on",
    "against",
    "agreed",
    "to",
    "cooperate",
    "talks",
    "said",
    "according",
    "Radio",
    "Nairobi",
    "both",
    "sides",
    "each",
    "other",
    "he",
    "she",
    "his",
    "her",
    "it",
    "its",
    "they",
    "their",
    "would",
    "not",
    "mediate",
    "between",
    "and",
    "offered",
    "condemned",
    "attack",
    "near",
    "border",
    "U.N.",
    "E.U.",
    "Mr.",
    "Gen.",
    "Dr",
    "on Monday",
    "last week",
    "2031",
    "3.5",
    "10,000",
    "’s",
    "'s",
];

const PUNCTUATION: &[&str] = &[
    ".", ",", ";", ":", "!", "?", "(", ")", "\"", "“", "”", "'", "-", "–", "—", "...", "…",
];

const BREAKS: &[&str] = &["\n", "\r\n", "\n\n", "\r\n\r\n", "\t"];

/// Text built of news-like pieces: words, capitalised names, punctuation, line breaks (LF and CRLF), now and
/// then a very long word, mostly separated by spaces.
fn news_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => prop::sample::select(WORDS).prop_map(str::to_string),
        3 => "[A-Z][a-z]{1,9}",
        3 => prop::sample::select(PUNCTUATION).prop_map(str::to_string),
        1 => prop::sample::select(BREAKS).prop_map(str::to_string),
        1 => "[A-Za-z]{80,600}",
    ];
    prop::collection::vec((piece, prop::bool::weighted(0.8)), 0..80).prop_map(|parts| {
        let mut text = String::new();
        for (piece, space) in parts {
            text.push_str(&piece);
            if space {
                text.push(' ');
            }
        }
        text
    })
}

/// One long run of words and names with no sentence stop at all.
fn unstopped_text() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        prop::sample::select(WORDS)
            .prop_filter("no stop", |w| !w.contains('.'))
            .prop_map(str::to_string),
        "[A-Z][a-z]{1,9}",
        Just(",".to_string()),
    ];
    prop::collection::vec(word, 50..300).prop_map(|w| w.join(" "))
}

/// Any text: arbitrary Unicode, news-like text, text without stops, and news with arbitrary text inside.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        news_text(),
        unstopped_text(),
        (news_text(), any::<String>(), news_text()).prop_map(|(a, b, c)| a + &b + &c),
    ]
}

/// What an article file can hold: the reader refuses a file with a NUL byte as binary data.
fn article_text() -> impl Strategy<Value = String> {
    any_text().prop_map(|t| t.replace('\0', " "))
}

/// Checks that `span` (described by `what`) lies on `text` on character boundaries, and inside `within`.
fn inside(text: &str, span: Span, within: Span, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        span.start <= span.end && text.get(span.start..span.end).is_some(),
        "{what} {span:?} is not a slice of the text"
    );
    prop_assert!(
        within.contains(span),
        "{what} {span:?} lies outside its sentence {within:?}"
    );
    Ok(())
}

/// Every span of `c`, extracted from `text` alone, lies on the text, inside its sentence.
fn spans_inside(text: &str, c: &Corpus) -> Result<(), TestCaseError> {
    prop_assert_eq!(c.articles.len(), 1);
    let article = &c.articles[0];
    prop_assert_eq!(&article.text, text);
    let whole = Span::new(0, text.len());
    for (i, &s) in article.sentences.iter().enumerate() {
        inside(text, s, whole, &format!("sentence {i}"))?;
    }
    let sentence = |i: usize| -> Result<Span, TestCaseError> {
        article
            .sentences
            .get(i)
            .copied()
            .ok_or_else(|| TestCaseError::fail(format!("no sentence {i}")))
    };
    for actor in &c.actors {
        for m in &actor.mentions {
            prop_assert_eq!(&m.article, &article.id);
            let what = format!("a mention of {}", actor.id);
            inside(text, m.span(), sentence(m.sentence)?, &what)?;
        }
    }
    for it in &c.interactions {
        for e in &it.evidence {
            prop_assert_eq!(&e.article, &article.id);
            let s = sentence(e.sentence)?;
            inside(text, e.span(), s, &format!("evidence of {}", it.id))?;
            for (what, span) in [
                ("trigger", e.trigger),
                ("source_span", e.source_span),
                ("target_span", e.target_span),
            ] {
                if let Some(span) = span {
                    inside(text, span, s, &format!("the {what} of {}", it.id))?;
                }
            }
        }
    }
    Ok(())
}

/// The corpus of `texts` as opening them as articles gives it: each extracted, then merged in order.
fn extracted(texts: &[String]) -> Corpus {
    let ex = Extractor::bundled();
    let mut c = Corpus::default();
    c.merge_all(
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| ex.extract(&format!("gen-{i}.txt"), t)),
    );
    c
}

/// A damaged file is refused with a message, or opens to a corpus that holds exactly what the file holds
/// (nothing dropped or changed) and writes back to bytes that open to the same corpus.
fn refused_or_round_trips(file: &str) -> Result<(), TestCaseError> {
    let Ok(c) = corpus::from_json(file) else {
        let err = corpus::from_json(file).unwrap_err().to_string();
        prop_assert!(!err.is_empty());
        return Ok(());
    };
    let written = corpus::to_json(&c);
    let held: Value = serde_json::from_str(file).expect("an accepted file is JSON");
    let kept: Value = serde_json::from_str(&written).expect("the writer writes JSON");
    prop_assert_eq!(held, kept, "opening changed what the file holds");
    let again = corpus::from_json(&written).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&again, &c);
    prop_assert_eq!(corpus::to_json(&again), written);
    Ok(())
}

/// JSON pointers to every value of `v`, the root included.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                pointers(item, format!("{at}/{i}"), out);
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields {
                pointers(item, format!("{at}/{key}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

/// A replacement for a value of the file: another value found in the same file (an id, an offset, an
/// index, so that the damage looks like a plausible mistake) or one of a few values of every type.
fn replacement() -> impl Strategy<Value = (prop::sample::Index, Value)> {
    let special = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (0u64..70).prop_map(Value::from),
        Just(Value::from(u64::MAX)),
        Just(Value::from(-1)),
        Just(Value::from(2.5)),
        Just(Value::from("")),
        "[a-z0-9~:>]{0,8}".prop_map(Value::from),
        Just(Value::Array(vec![])),
        Just(Value::Object(serde_json::Map::new())),
    ];
    (any::<prop::sample::Index>(), special)
}

proptest! {
    #![proptest_config(cases(64))]

    #[test]
    fn extraction_never_panics_and_every_span_lies_inside_its_sentence(text in any_text()) {
        let c = Extractor::bundled().extract("gen.txt", &text);
        spans_inside(&text, &c)?;
    }

    #[test]
    fn an_extracted_corpus_loads_and_saves_to_the_same_bytes(
        texts in prop::collection::vec(article_text(), 1..4)
    ) {
        let file = corpus::to_json(&extracted(&texts));
        let back = corpus::from_json(&file).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(corpus::to_json(&back), file);
    }

    #[test]
    fn a_corpus_file_with_a_byte_changed_is_refused_or_round_trips(
        text in news_text(),
        at in any::<prop::sample::Index>(),
        byte in prop_oneof![
            prop::sample::select(&b"0123456789\"{}[],:- \n\\aeznul\t"[..]),
            any::<u8>(),
        ],
    ) {
        let mut bytes = corpus::to_json(&extracted(&[text])).into_bytes();
        let i = at.index(bytes.len());
        bytes[i] = byte;
        // Bytes that are not UTF-8 are refused before the loader (`text::decode`); what the loader sees
        // of such a file is its text.
        refused_or_round_trips(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn a_corpus_file_with_a_value_changed_is_refused_or_round_trips(
        text in news_text(),
        target in any::<prop::sample::Index>(),
        (source, special) in replacement(),
        how in 0u8..3,
    ) {
        let mut doc: Value = serde_json::from_str(&corpus::to_json(&extracted(&[text]))).unwrap();
        let mut all = Vec::new();
        pointers(&doc, String::new(), &mut all);
        let at = all[target.index(all.len())].clone();
        let elsewhere = doc.pointer(&all[source.index(all.len())]).cloned().unwrap();
        let slot = doc.pointer_mut(&at).unwrap();
        *slot = match (how, slot.take()) {
            (0, _) => elsewhere,
            // An object written as the list of its values, which serde alone would read as the same struct.
            (1, Value::Object(fields)) => Value::Array(fields.into_iter().map(|(_, v)| v).collect()),
            _ => special,
        };
        refused_or_round_trips(&serde_json::to_string_pretty(&doc).unwrap())?;
    }
}
