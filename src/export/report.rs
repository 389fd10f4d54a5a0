//! The evidence report, the appendix to the picture of the map: for every interaction the map shows, who
//! did what to whom and each sentence that says so, grouped by pair of actors (the pairs with the most
//! evidence first), then the articles cited. This file decides what the report says and in which order;
//! `report_html` and `report_md` only write that out, so the two formats never disagree.
//!
//! It also holds the one definition of "the interactions the map shows" (`shown_interactions`), which the
//! CSV tables read too, so a table and the report list the same interactions.
//!
//! Not for: deciding what is shown (`graph` does, under the user's filter) or how the map looks (`draw`).

use std::collections::{HashMap, HashSet};

use crate::corpus::{Article, Corpus, Evidence, Interaction, Modality, Span};
use crate::graph::MapEdge;

use super::LaidOut;

pub use super::report_html::write_report_html;
pub use super::report_md::write_report_markdown;

/// An interaction the map shows, with the edge that draws it (one edge may draw several interactions on a
/// map grouped by country).
#[derive(Clone, Copy)]
pub struct Shown<'a> {
    /// Index into `corpus.interactions`.
    pub index: usize,
    pub interaction: &'a Interaction,
    pub edge: &'a MapEdge,
}

/// Every interaction the map shows, once each, in the order of the map's edges: each edge's `grouped`
/// interactions, not only the one it is drawn for.
pub fn shown_interactions(map: LaidOut<'_>) -> Vec<Shown<'_>> {
    let mut seen = HashSet::new();
    let mut shown = Vec::new();
    for edge in &map.graph.edges {
        // An edge built by hand may leave `grouped` empty; it still stands for its own interaction.
        let indices = if edge.grouped.is_empty() {
            std::slice::from_ref(&edge.interaction)
        } else {
            edge.grouped.as_slice()
        };
        for &index in indices {
            if let Some(interaction) = map.corpus.interactions.get(index)
                && seen.insert(index)
            {
                shown.push(Shown {
                    index,
                    interaction,
                    edge,
                });
            }
        }
    }
    shown
}

/// The actor's name, or its id when the corpus has no such actor.
pub fn actor_name<'a>(corpus: &'a Corpus, id: &'a str) -> &'a str {
    corpus.actor(id).map_or(id, |a| a.name.as_str())
}

/// The span of the sentence `evidence` quotes: its own span when that lies on the article's text, else the
/// article's sentence of that index.
fn sentence_span(article: &Article, evidence: &Evidence) -> Option<Span> {
    let own = evidence.span();
    if !own.is_empty() && article.text.get(own.start..own.end).is_some() {
        return Some(own);
    }
    article
        .sentences
        .get(evidence.sentence)
        .copied()
        .filter(|s| article.text.get(s.start..s.end).is_some())
}

/// The sentence `evidence` quotes, or "" when neither its span nor its index lies on the article's text.
pub fn sentence_text<'a>(article: &'a Article, evidence: &Evidence) -> &'a str {
    sentence_span(article, evidence).map_or("", |s| article.slice(s))
}

/// The trigger words of `evidence` ("accused"), or "" when it marks none.
pub fn trigger_text<'a>(article: &'a Article, evidence: &Evidence) -> &'a str {
    evidence.trigger.map_or("", |t| article.slice(t))
}

/// A quoted sentence cut around its trigger words, so that each format can emphasise them. The trigger's
/// surrounding white space is left outside it (emphasis markers must touch the words in Markdown).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote<'a> {
    pub before: &'a str,
    pub trigger: &'a str,
    pub after: &'a str,
}

impl<'a> Quote<'a> {
    /// The sentence of `evidence` with its trigger cut out; the whole sentence in `before` when the trigger
    /// is missing or does not lie inside the sentence.
    pub fn of(article: &'a Article, evidence: &Evidence) -> Quote<'a> {
        let Some(s) = sentence_span(article, evidence) else {
            return Quote::plain("");
        };
        let whole = Quote::plain(article.slice(s));
        let Some(t) = evidence.trigger.filter(|t| !t.is_empty() && s.contains(*t)) else {
            return whole;
        };
        let text = article.text.as_str();
        let Some(trigger) = text.get(t.start..t.end) else {
            return whole;
        };
        let words = trigger.trim();
        if words.is_empty() {
            return whole;
        }
        let start = t.start + (trigger.len() - trigger.trim_start().len());
        let end = start + words.len();
        match (text.get(s.start..start), text.get(end..s.end)) {
            (Some(before), Some(after)) => Quote {
                before,
                trigger: words,
                after,
            },
            _ => whole,
        }
    }

    fn plain(text: &'a str) -> Quote<'a> {
        Quote {
            before: text,
            trigger: "",
            after: "",
        }
    }

    /// Whether there is no sentence to quote.
    pub fn is_empty(&self) -> bool {
        self.before.is_empty() && self.trigger.is_empty() && self.after.is_empty()
    }
}

/// What the text says about whether the event happened, in words, when it is not a plain report of it.
pub fn modality_words(modality: Modality) -> Option<&'static str> {
    match modality {
        Modality::Asserted => None,
        Modality::Negated => Some("negated: the text says it did not happen"),
        Modality::Intended => Some("intended: planned or promised, not reported as done"),
        Modality::Hypothetical => Some("hypothetical: only supposed or conditional"),
    }
}

/// "Iran accused or criticised Pakistan": an interaction in words, with the actors' names.
pub fn headline(corpus: &Corpus, it: &Interaction) -> String {
    format!(
        "{} {} {}",
        actor_name(corpus, &it.source),
        it.kind.describe(),
        actor_name(corpus, &it.target)
    )
}

/// "Iran → Pakistan" when the interaction has a direction, "Iran — Pakistan" when it has none.
pub fn direction(corpus: &Corpus, it: &Interaction) -> String {
    let arrow = if it.directed { "→" } else { "—" };
    format!(
        "{} {arrow} {}",
        actor_name(corpus, &it.source),
        actor_name(corpus, &it.target)
    )
}

/// "s" unless `n` is one: `format!("{n} article{}", plural(n))`.
pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Two actors of the map and every shown interaction between them, either way round.
pub struct Pair<'a> {
    /// The two nodes' labels as the map draws them, the lower node index first.
    pub first: &'a str,
    pub second: &'a str,
    /// Most evidence first; ties in the order of the map's edges.
    pub interactions: Vec<Shown<'a>>,
    /// Sentences the report quotes for the pair: every evidence of each of its interactions.
    pub evidence: usize,
}

/// An article the report quotes, with how many of its sentences it quotes.
pub struct Cited<'a> {
    pub article: &'a Article,
    pub sentences: usize,
}

/// How a report format writes text: its escape and how it shows an article's file or web address.
pub struct Markup {
    pub escape: fn(&str) -> String,
    pub source: fn(&str) -> String,
}

impl Markup {
    /// What follows a quoted sentence's article title: its source, who reported it, when.
    pub fn citation_tail(&self, article: &Article, e: &Evidence) -> Vec<String> {
        let mut cite = Vec::new();
        if !article.path.is_empty() {
            cite.push((self.source)(&article.path));
        }
        if let Some(by) = e.reported_by.as_deref().filter(|s| !s.trim().is_empty()) {
            cite.push(format!("reported by {}", (self.escape)(by)));
        }
        if let Some(when) = e.when.as_deref().filter(|s| !s.trim().is_empty()) {
            cite.push(format!("when: {}", (self.escape)(when)));
        }
        cite
    }

    /// What follows an article's title in the list of articles cited: date, source, sentences quoted.
    pub fn article_tail(&self, cited: &Cited<'_>) -> Vec<String> {
        let a = cited.article;
        let mut parts = Vec::new();
        if let Some(date) = a.date.as_deref().filter(|d| !d.trim().is_empty()) {
            parts.push((self.escape)(date));
        }
        if !a.path.is_empty() {
            parts.push((self.source)(&a.path));
        }
        parts.push(format!(
            "{} sentence{} quoted",
            cited.sentences,
            plural(cited.sentences)
        ));
        parts
    }
}

/// Everything the report says, in the order it says it.
pub struct Report<'a> {
    pub corpus: &'a Corpus,
    /// Actors on the map.
    pub actors: usize,
    /// Interactions on the map (counting each one an edge stands for).
    pub interactions: usize,
    /// Most evidence first.
    pub pairs: Vec<Pair<'a>>,
    /// In the corpus's order.
    pub cited: Vec<Cited<'a>>,
    /// Position in `cited` by article id, for links from a quote to its article.
    cited_at: HashMap<&'a str, usize>,
}

impl<'a> Report<'a> {
    /// The report on what `map` shows.
    pub fn of(map: LaidOut<'a>) -> Report<'a> {
        let shown = shown_interactions(map);
        let interactions = shown.len();
        let mut pair_at: HashMap<(usize, usize), usize> = HashMap::new();
        let mut pairs: Vec<Pair<'a>> = Vec::new();
        for s in shown {
            let key = (
                s.edge.source.min(s.edge.target),
                s.edge.source.max(s.edge.target),
            );
            let k = *pair_at.entry(key).or_insert_with(|| {
                let label = |n: usize| map.graph.nodes.get(n).map_or("", |n| n.label.as_str());
                pairs.push(Pair {
                    first: label(key.0),
                    second: label(key.1),
                    interactions: Vec::new(),
                    evidence: 0,
                });
                pairs.len() - 1
            });
            pairs[k].evidence += s.interaction.evidence.len();
            pairs[k].interactions.push(s);
        }
        // Stable sorts: equal counts keep the order of the map's edges, so the report is the same each time.
        for p in &mut pairs {
            p.interactions
                .sort_by_key(|s| std::cmp::Reverse(s.interaction.evidence.len()));
        }
        pairs.sort_by_key(|p| std::cmp::Reverse(p.evidence));

        let mut quoted: HashMap<&str, usize> = HashMap::new();
        for s in pairs.iter().flat_map(|p| &p.interactions) {
            for e in &s.interaction.evidence {
                *quoted.entry(e.article.as_str()).or_default() += 1;
            }
        }
        let cited: Vec<Cited<'a>> = map
            .corpus
            .articles
            .iter()
            .filter_map(|article| {
                quoted
                    .get(article.id.as_str())
                    .map(|&sentences| Cited { article, sentences })
            })
            .collect();
        let cited_at = cited
            .iter()
            .enumerate()
            .map(|(i, c)| (c.article.id.as_str(), i))
            .collect();
        Report {
            corpus: map.corpus,
            actors: map.graph.nodes.len(),
            interactions,
            pairs,
            cited,
            cited_at,
        }
    }

    /// The cited article with this id and its position in `cited`, when the corpus has it.
    pub fn cited(&self, article: &str) -> Option<(usize, &'a Article)> {
        self.cited_at
            .get(article)
            .map(|&i| (i, self.cited[i].article))
    }

    /// "3 actors · 4 interactions · 2 articles".
    pub fn summary(&self) -> String {
        let (a, i, c) = (self.actors, self.interactions, self.cited.len());
        format!(
            "{a} actor{} · {i} interaction{} · {c} article{}",
            plural(a),
            plural(i),
            plural(c)
        )
    }
}

/// Whether an article's `path` is a web address, which the report may link to.
pub fn is_web_address(path: &str) -> bool {
    let lower = path.get(..8).unwrap_or(path).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && !path
            .chars()
            .any(|c| c.is_whitespace() || c == '<' || c == '>')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Article {
        Article {
            id: "a1".into(),
            path: "a.txt".into(),
            title: "A".into(),
            date: None,
            text: text.into(),
            sentences: vec![Span::new(0, text.len())],
            encoding: None,
            format: None,
        }
    }

    fn evidence(start: usize, end: usize, trigger: Option<Span>) -> Evidence {
        Evidence {
            article: "a1".into(),
            sentence: 0,
            start,
            end,
            trigger,
            source_span: None,
            target_span: None,
            rule: String::new(),
            reported_by: None,
            when: None,
        }
    }

    #[test]
    fn a_quote_cuts_the_sentence_around_its_trimmed_trigger() {
        let a = article("Iran  accused Pakistan.");
        let q = Quote::of(&a, &evidence(0, a.text.len(), Some(Span::new(4, 13))));
        assert_eq!(
            (q.before, q.trigger, q.after),
            ("Iran  ", "accused", " Pakistan.")
        );
    }

    #[test]
    fn a_trigger_outside_the_sentence_or_off_a_character_boundary_is_not_emphasised() {
        let a = article("Иран обвинил Пакистан.");
        let outside = Quote::of(&a, &evidence(0, 8, Some(Span::new(10, 20))));
        assert_eq!((outside.before, outside.trigger), ("Иран", ""));
        // Byte 10 is inside the two-byte letter "о".
        let split = Quote::of(&a, &evidence(0, a.text.len(), Some(Span::new(10, 13))));
        assert_eq!((split.before, split.trigger), (a.text.as_str(), ""));
    }

    #[test]
    fn a_span_off_the_text_falls_back_to_the_sentence_of_that_index() {
        let a = article("One sentence.");
        assert_eq!(sentence_text(&a, &evidence(5, 500, None)), "One sentence.");
        let mut gone = evidence(5, 500, None);
        gone.sentence = 9;
        assert_eq!(sentence_text(&a, &gone), "");
        assert!(Quote::of(&a, &gone).is_empty());
    }

    #[test]
    fn only_http_addresses_without_spaces_count_as_web_addresses() {
        assert!(is_web_address("https://example.org/a?b=1"));
        assert!(is_web_address("HTTP://example.org"));
        assert!(!is_web_address("javascript:alert(1)"));
        assert!(!is_web_address("https://example.org/a b"));
        assert!(!is_web_address("/home/me/news.txt"));
    }
}
