//! A generated corpus of any size (`actormap --synthetic N`), so anyone can try the map, the layout and the
//! panels at scale without a folder of thousands of articles. Deterministic: the same N gives the same
//! corpus.
//!
//! Actors are invented ("Actor 17", a mix of countries, officials and institutions); each new actor takes
//! part in two interactions with earlier actors chosen in proportion to how many they already have, the
//! scale-free shape of real news maps (a few hubs, many actors seen once or twice). Every interaction has
//! one sentence of evidence in a generated article, dated over two years, so the timeline has something to
//! show; the mentions point into that text, so every panel works as on real articles.

use crate::corpus::{
    Actor, ActorKind, Article, Corpus, Evidence, Interaction, InteractionKind, Mention, MentionVia,
    Modality, Span,
};

/// Sentences per generated article.
const SENTENCES_PER_ARTICLE: usize = 20;

/// A corpus of `actors` actors (at least two) and about twice as many interactions.
pub fn synthetic_corpus(actors: usize) -> Corpus {
    let actors = actors.max(2);
    let mut random = Lcg(0x9E37_79B9_7F4A_7C15);
    let kinds = [
        ActorKind::Country,
        ActorKind::Official,
        ActorKind::Institution,
    ];
    let verbs = [
        (InteractionKind::Consult, "met"),
        (InteractionKind::Accuse, "accused"),
        (InteractionKind::Cooperate, "signed a cooperation deal with"),
        (InteractionKind::Visit, "visited"),
        (InteractionKind::Support, "backed"),
        (InteractionKind::Threaten, "threatened"),
    ];
    let mut corpus = Corpus::default();
    for i in 0..actors {
        let kind = kinds[(i * 7 + i / 3) % 3];
        corpus.actors.push(Actor {
            id: format!("s{i}"),
            kind,
            name: format!(
                "{} {i}",
                match kind {
                    ActorKind::Country => "Country",
                    ActorKind::Official => "Official",
                    ActorKind::Institution => "Agency",
                }
            ),
            aliases: Vec::new(),
            country: None,
            title: None,
            code: None,
            affiliations: Vec::new(),
            mentions: Vec::new(),
        });
    }
    // Pairs by preferential attachment: every edge end is listed once, so a uniform pick is a pick in
    // proportion to degree.
    let mut ends: Vec<usize> = vec![0, 1];
    let mut pairs = vec![(0, 1)];
    for node in 2..actors {
        let first = ends[random.below(ends.len())];
        let mut second = ends[random.below(ends.len())];
        if second == first {
            second = (first + 1) % node;
        }
        for other in [first, second] {
            if other != node {
                pairs.push((node, other));
                ends.extend([node, other]);
            }
        }
    }
    let mut text = String::new();
    let mut sentences = Vec::new();
    let mut article = 0;
    let flush =
        |corpus: &mut Corpus, text: &mut String, sentences: &mut Vec<Span>, article: &mut usize| {
            if sentences.is_empty() {
                return;
            }
            *article += 1;
            let day = (*article * 37) % 730;
            let date = crate::graph::timeline::civil(16_071 + day as i64);
            corpus.articles.push(Article {
                id: format!("a{article}"),
                path: format!("synthetic/article-{article:05}.txt"),
                title: format!("Synthetic article {article}"),
                date: Some(format!("{:04}-{:02}-{:02}", date.0, date.1, date.2)),
                text: std::mem::take(text),
                sentences: std::mem::take(sentences),
                encoding: None,
                format: None,
            });
        };
    for (n, &(source, target)) in pairs.iter().enumerate() {
        if sentences.len() == SENTENCES_PER_ARTICLE {
            flush(&mut corpus, &mut text, &mut sentences, &mut article);
        }
        let article_id = format!("a{}", article + 1);
        let (kind, verb) = verbs[random.below(verbs.len())];
        // The two actors of an undirected interaction are listed in id order, as the corpus file has them.
        let (source, target) = if kind == InteractionKind::Consult
            && corpus.actors[source].id > corpus.actors[target].id
        {
            (target, source)
        } else {
            (source, target)
        };
        let start = text.len();
        let source_span = Span::new(start, start + corpus.actors[source].name.len());
        text.push_str(&corpus.actors[source].name);
        text.push(' ');
        let trigger = Span::new(text.len(), text.len() + verb.len());
        text.push_str(verb);
        text.push(' ');
        let target_span = Span::new(text.len(), text.len() + corpus.actors[target].name.len());
        text.push_str(&corpus.actors[target].name);
        text.push('.');
        let sentence = sentences.len();
        sentences.push(Span::new(start, text.len()));
        text.push(' ');
        for (actor, span) in [(source, source_span), (target, target_span)] {
            corpus.actors[actor].mentions.push(Mention {
                article: article_id.as_str().into(),
                sentence,
                start: span.start,
                end: span.end,
                via: MentionVia::Name,
            });
        }
        corpus.interactions.push(Interaction {
            id: format!("{}:{n}", kind.as_str()),
            kind,
            cameo: String::new(),
            source: corpus.actors[source].id.clone(),
            target: corpus.actors[target].id.clone(),
            directed: kind != InteractionKind::Consult,
            modality: Modality::Asserted,
            rule: "synthetic".into(),
            evidence: vec![Evidence {
                article: article_id.as_str().into(),
                sentence,
                start,
                end: sentences[sentence].end,
                trigger: Some(trigger),
                source_span: Some(source_span),
                target_span: Some(target_span),
                rule: "synthetic".into(),
                reported_by: None,
                when: None,
            }],
        });
    }
    flush(&mut corpus, &mut text, &mut sentences, &mut article);
    corpus
}

/// A small deterministic generator (the constants of Knuth's MMIX).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % bound.max(1) as u64) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_synthetic_corpus_has_the_size_asked_for_and_passes_the_corpus_checks() {
        let c = synthetic_corpus(500);
        assert_eq!(c.actors.len(), 500);
        assert!(c.interactions.len() > 900);
        assert!(
            c.actors.iter().all(|a| !a.mentions.is_empty()),
            "every actor takes part in something"
        );
        let again =
            crate::corpus::from_json(&crate::corpus::to_json(&c)).expect("a valid corpus file");
        assert_eq!(again, c);
        assert_eq!(
            synthetic_corpus(500),
            c,
            "the same size gives the same corpus"
        );
    }
}
