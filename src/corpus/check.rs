//! The checks a parsed corpus must pass before it is opened, each failure a sentence that names the place
//! (article id, actor id, interaction id and position, sentence index, byte offsets) and says what to do.
//!
//! Two kinds of rule. What the rest of the program relies on: every offset lies on character boundaries
//! inside its article's text and inside its sentence, sentences are in text order without overlap, every
//! id referred to exists and every id is unique. And what opening would otherwise change without a word
//! (`merge` folds an opened corpus into the map): an interaction of an actor with itself or without evidence
//! would be dropped, an undirected interaction whose sides are not in id order would be turned round, two
//! interactions of one edge would be joined, a second article with the same text would be skipped, an
//! affiliation with the actor itself or listed twice would be dropped, an empty id would be replaced. Such a
//! corpus is refused rather than changed, so a corpus that opens is saved again byte for byte.
//!
//! Not for: reading JSON (`json`), repairing a corpus (nothing here changes it; the first problem found is
//! reported).

use std::collections::{HashMap, HashSet};

use super::model::{
    Actor, Article, Corpus, Evidence, Interaction, InteractionKind, Mention, Modality, Span,
};

/// The first problem of `corpus`, as a sentence.
pub fn check(corpus: &Corpus) -> Result<(), String> {
    let articles = check_articles(&corpus.articles)?;
    let actors = check_actors(&corpus.actors, &articles)?;
    check_interactions(&corpus.interactions, &articles, &actors)
}

/// "1st", "2nd", "3rd", "11th", "22nd": a position in a list, counted from one as people count.
fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// Why `span` cannot be a slice of `text`, if it cannot.
fn outside_text(text: &str, span: Span) -> Option<String> {
    if span.start > span.end {
        Some("ends before it starts".to_string())
    } else if span.end > text.len() {
        Some(format!(
            "ends past the end of the text, which is {} bytes long",
            text.len()
        ))
    } else if !text.is_char_boundary(span.start) {
        Some(format!(
            "starts inside a character (byte {} is in the middle of a UTF-8 sequence)",
            span.start
        ))
    } else if !text.is_char_boundary(span.end) {
        Some(format!(
            "ends inside a character (byte {} is in the middle of a UTF-8 sequence)",
            span.end
        ))
    } else {
        None
    }
}

fn bytes(span: Span) -> String {
    format!("bytes {}..{}", span.start, span.end)
}

fn check_articles(articles: &[Article]) -> Result<HashMap<&str, &Article>, String> {
    let mut by_id = HashMap::with_capacity(articles.len());
    let mut texts: HashMap<&str, &str> = HashMap::with_capacity(articles.len());
    for (i, a) in articles.iter().enumerate() {
        if a.id.is_empty() {
            return Err(format!(
                "the {} article has an empty \"id\"; give it an id no other article has, such as \"a{}\"",
                ordinal(i + 1),
                i + 1
            ));
        }
        if by_id.insert(a.id.as_str(), a).is_some() {
            return Err(format!(
                "article id \"{}\" is used twice; give one of the two articles another id",
                a.id
            ));
        }
        if let Some(first) = texts.insert(a.text.as_str(), a.id.as_str()) {
            return Err(format!(
                "articles \"{first}\" and \"{}\" have the same text (opening would skip the second); \
                 remove one of them",
                a.id
            ));
        }
        if let Some(at) = a.text.find('\0') {
            return Err(format!(
                "article \"{}\" holds a NUL character at byte {at} of its text, so it is binary data, not \
                 an article; remove the article",
                a.id
            ));
        }
        check_sentences(a)?;
    }
    Ok(by_id)
}

fn check_sentences(a: &Article) -> Result<(), String> {
    let mut previous: Option<Span> = None;
    for (i, &s) in a.sentences.iter().enumerate() {
        if let Some(why) = outside_text(&a.text, s) {
            return Err(format!(
                "sentence {i} of article \"{}\" ({}) {why}; correct its offsets",
                a.id,
                bytes(s)
            ));
        }
        if let Some(p) = previous
            && s.start < p.end
        {
            let what = if s.end <= p.start && s.start < p.start {
                "are out of order; sentences are listed in the order of the text"
            } else {
                "overlap; a byte of the text belongs to one sentence at most"
            };
            return Err(format!(
                "sentences {} and {i} of article \"{}\" ({} and {}) {what}",
                i - 1,
                a.id,
                bytes(p),
                bytes(s)
            ));
        }
        previous = Some(s);
    }
    Ok(())
}

/// What a message names as the place of a problem, made only when there is a problem (a corpus has
/// millions of mentions, and a check that passes should not format a name for each).
type Place<'a> = &'a dyn Fn() -> String;

/// The sentence `index` of `article` as a span, or why there is none.
fn sentence_of(article: &Article, index: usize, place: Place) -> Result<Span, String> {
    article.sentences.get(index).copied().ok_or_else(|| {
        let n = article.sentences.len();
        let has = match n {
            0 => "which has no sentences".to_string(),
            1 => "which has 1 sentence (sentence 0)".to_string(),
            _ => format!("which has {n} sentences (numbered 0 to {})", n - 1),
        };
        format!(
            "{} is in sentence {index} of article \"{}\", {has}; correct its \"sentence\"",
            place(),
            article.id
        )
    })
}

/// Checks that `span` (what `what` names) lies on the text of `article`, inside its sentence `index`.
fn check_in_sentence(
    article: &Article,
    index: usize,
    span: Span,
    what: Place,
) -> Result<(), String> {
    let sentence = sentence_of(article, index, what)?;
    if let Some(why) = outside_text(&article.text, span) {
        return Err(format!(
            "{} ({}) does not fit the text of article \"{}\": it {why}; correct its offsets",
            what(),
            bytes(span),
            article.id
        ));
    }
    if !sentence.contains(span) {
        return Err(format!(
            "{} ({}) lies outside its sentence, sentence {index} of article \"{}\" ({}); correct its \
             \"sentence\" or its offsets",
            what(),
            bytes(span),
            article.id,
            bytes(sentence)
        ));
    }
    Ok(())
}

/// The article `id` names, or why there is none.
fn article_named<'a>(
    articles: &HashMap<&str, &'a Article>,
    id: &str,
    place: Place,
) -> Result<&'a Article, String> {
    articles.get(id).copied().ok_or_else(|| {
        format!(
            "{} refers to article \"{id}\", which is not in the file; remove it or add the article",
            place()
        )
    })
}

fn check_mention(
    m: &Mention,
    place: Place,
    articles: &HashMap<&str, &Article>,
) -> Result<(), String> {
    let article = article_named(articles, &m.article, place)?;
    check_in_sentence(article, m.sentence, m.span(), place)
}

fn check_actors<'a>(
    actors: &'a [Actor],
    articles: &HashMap<&str, &Article>,
) -> Result<HashSet<&'a str>, String> {
    let mut ids = HashSet::with_capacity(actors.len());
    for (i, actor) in actors.iter().enumerate() {
        if actor.id.is_empty() {
            return Err(format!(
                "the {} actor (\"{}\") has an empty \"id\"; give it an id no other actor has",
                ordinal(i + 1),
                actor.name
            ));
        }
        if !ids.insert(actor.id.as_str()) {
            return Err(format!(
                "actor id \"{}\" is used twice; give one of the two actors another id, or join them",
                actor.id
            ));
        }
        for (k, m) in actor.mentions.iter().enumerate() {
            let place = || format!("the {} mention of actor \"{}\"", ordinal(k + 1), actor.id);
            check_mention(m, &place, articles)?;
        }
    }
    for actor in actors {
        let mut seen = HashSet::with_capacity(actor.affiliations.len());
        for a in &actor.affiliations {
            let problem = if !ids.contains(a.as_str()) {
                "an actor that is not in the file"
            } else if *a == actor.id {
                "itself"
            } else if !seen.insert(a.as_str()) {
                "an actor it already lists"
            } else {
                continue;
            };
            return Err(format!(
                "actor \"{}\" is affiliated with \"{a}\", {problem}; remove that affiliation",
                actor.id
            ));
        }
    }
    Ok(ids)
}

/// (kind, source, target, directed, modality): what `merge` joins interactions on.
type Edge<'a> = (InteractionKind, &'a str, &'a str, bool, Modality);

fn check_interactions(
    interactions: &[Interaction],
    articles: &HashMap<&str, &Article>,
    actors: &HashSet<&str>,
) -> Result<(), String> {
    let mut ids = HashSet::with_capacity(interactions.len());
    let mut edges: HashMap<Edge, &str> = HashMap::with_capacity(interactions.len());
    for (i, it) in interactions.iter().enumerate() {
        if it.id.is_empty() {
            return Err(format!(
                "the {} interaction has an empty \"id\"; give it an id no other interaction has, such as \
                 \"{}:{}>{}\"",
                ordinal(i + 1),
                it.kind.as_str(),
                it.source,
                it.target
            ));
        }
        let named = || {
            format!(
                "interaction \"{}\" (the {} in \"interactions\")",
                it.id,
                ordinal(i + 1)
            )
        };
        if !ids.insert(it.id.as_str()) {
            let name = named();
            return Err(format!(
                "{name} has an id already used by another interaction; give it another id"
            ));
        }
        for (side, id) in [("source", &it.source), ("target", &it.target)] {
            if !actors.contains(id.as_str()) {
                let name = named();
                return Err(format!(
                    "the {side} of {name} is actor \"{id}\", which is not in the file; correct the \
                     {side} or remove the interaction"
                ));
            }
        }
        if it.source == it.target {
            let name = named();
            return Err(format!(
                "{name} goes from actor \"{}\" to itself; an interaction needs two different actors: \
                 correct its source or target, or remove it",
                it.source
            ));
        }
        if !it.directed && it.source > it.target {
            let name = named();
            return Err(format!(
                "{name} is undirected but names \"{}\" before \"{}\"; the two actors of an undirected \
                 interaction are listed in id order: swap \"source\" and \"target\" (and each evidence's \
                 \"source_span\" and \"target_span\")",
                it.source, it.target
            ));
        }
        let edge = (
            it.kind,
            it.source.as_str(),
            it.target.as_str(),
            it.directed,
            it.modality,
        );
        if let Some(first) = edges.insert(edge, it.id.as_str()) {
            let name = named();
            return Err(format!(
                "{name} and interaction \"{first}\" are the same edge ({} between \"{}\" and \"{}\", \
                 {}), which opening would join into one; move the evidence of one into the other and \
                 remove it",
                it.kind.as_str(),
                it.source,
                it.target,
                it.modality.as_str()
            ));
        }
        if it.evidence.is_empty() {
            let name = named();
            return Err(format!(
                "{name} has no evidence; an interaction needs at least one sentence that says so: add \
                 its evidence or remove it"
            ));
        }
        for (k, e) in it.evidence.iter().enumerate() {
            let place = || format!("the {} evidence of {}", ordinal(k + 1), named());
            check_evidence(e, &place, articles)?;
        }
    }
    Ok(())
}

fn check_evidence(
    e: &Evidence,
    place: Place,
    articles: &HashMap<&str, &Article>,
) -> Result<(), String> {
    let article = article_named(articles, &e.article, place)?;
    check_in_sentence(article, e.sentence, e.span(), place)?;
    for (what, span) in [
        ("trigger", e.trigger),
        ("source_span", e.source_span),
        ("target_span", e.target_span),
    ] {
        if let Some(span) = span {
            check_in_sentence(article, e.sentence, span, &|| {
                format!("the {what} of {}", place())
            })?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
