//! The corpus of what the map shows: the actors on it, the interactions its edges stand for, and the
//! articles their mentions and evidence come from, as a corpus file that opens again as that map.

use std::collections::BTreeSet;

use super::LaidOut;
use crate::corpus::Corpus;

/// The part of `map.corpus` that `map.graph` shows. Affiliations to actors left out are dropped, so every
/// id the result names is in it.
pub fn visible_corpus(map: LaidOut<'_>) -> Corpus {
    let corpus = map.corpus;
    let interactions: BTreeSet<usize> = map
        .graph
        .edges
        .iter()
        .flat_map(|e| e.grouped.iter().copied().chain([e.interaction]))
        .filter(|&i| i < corpus.interactions.len())
        .collect();
    let mut actor_ids: BTreeSet<&str> = map
        .graph
        .nodes
        .iter()
        .filter_map(|n| corpus.actors.get(n.actor))
        .map(|a| a.id.as_str())
        .collect();
    for &i in &interactions {
        let it = &corpus.interactions[i];
        actor_ids.extend([it.source.as_str(), it.target.as_str()]);
    }
    let mut out = Corpus {
        interactions: interactions
            .iter()
            .map(|&i| corpus.interactions[i].clone())
            .collect(),
        ..Corpus::default()
    };
    out.actors = corpus
        .actors
        .iter()
        .filter(|a| actor_ids.contains(a.id.as_str()))
        .cloned()
        .collect();
    for a in &mut out.actors {
        a.affiliations.retain(|x| actor_ids.contains(x.as_str()));
    }
    let articles: BTreeSet<&str> = out
        .actors
        .iter()
        .flat_map(|a| a.mentions.iter().map(|m| m.article.as_str()))
        .chain(
            out.interactions
                .iter()
                .flat_map(|i| i.evidence.iter().map(|e| e.article.as_str())),
        )
        .collect();
    out.articles = corpus
        .articles
        .iter()
        .filter(|a| articles.contains(a.id.as_str()))
        .cloned()
        .collect();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{InteractionKind, from_json, to_json};
    use crate::graph::MapFilter;
    use crate::map::MapState;

    #[test]
    fn the_visible_corpus_holds_what_the_map_shows_and_opens_again() {
        let text = "Ruritania and Chile held talks in Lima. Chile accused Peru of shelling the border. \
                    The weather in Oslo was mild.";
        let corpus = crate::extract::Extractor::bundled().extract("a.txt", text);
        let mut map = MapState::new(corpus);
        let all = visible_corpus(map.laid_out());
        assert_eq!(all.interactions.len(), map.corpus().interactions.len());
        let hidden = map
            .corpus()
            .interactions
            .iter()
            .find(|i| i.kind == InteractionKind::Accuse)
            .map(|i| i.kind)
            .expect("an accusation was found");
        map.set_filter(MapFilter {
            hidden_kinds: vec![hidden],
            ..MapFilter::default()
        });
        let shown = visible_corpus(map.laid_out());
        assert!(shown.interactions.iter().all(|i| i.kind != hidden));
        assert!(shown.interactions.len() < all.interactions.len());
        // Every id it names is in it: it loads as a corpus file.
        let again = from_json(&to_json(&shown)).expect("the visible corpus loads");
        assert_eq!(again.actors.len(), shown.actors.len());
    }
}
