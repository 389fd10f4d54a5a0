//! Edits of interactions: deleting one, adding one by hand, and the bookkeeping that merging and splitting
//! actors share (sides kept in id order, identical interactions combined without repeating evidence).
//!
//! Two interactions are identical when kind, source, target, direction and modality agree, as when the
//! corpus merges articles (`corpus::merge`); a piece of evidence is counted once per (article, sentence,
//! trigger).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::edit::HAND_RULE;
use super::working::{Thing, Working};
use crate::corpus::merge::interaction_id;
use crate::corpus::{
    ArticleId, Evidence, Interaction, InteractionKind, Mention, MentionVia, Modality, Span,
};

/// (kind, source, target, directed, modality): interactions with the same key are one interaction.
pub(super) type EdgeKey = (InteractionKind, String, String, bool, Modality);

pub(super) fn edge_key(it: &Interaction) -> EdgeKey {
    (
        it.kind,
        it.source.clone(),
        it.target.clone(),
        it.directed,
        it.modality,
    )
}

/// An undirected interaction names its sides in id order (as the extractor writes them); the evidence's
/// spans follow their actors.
pub(super) fn put_in_order(it: &mut Interaction) {
    if !it.directed && it.source > it.target {
        std::mem::swap(&mut it.source, &mut it.target);
        for e in &mut it.evidence {
            std::mem::swap(&mut e.source_span, &mut e.target_span);
        }
    }
}

/// Adds to `into` the pieces of `evidence` it does not have yet.
pub(super) fn add_evidence(into: &mut Interaction, evidence: Vec<Evidence>) {
    let mut seen: HashSet<(ArticleId, usize, Option<Span>)> = into
        .evidence
        .iter()
        .map(|e| (e.article.clone(), e.sentence, e.trigger))
        .collect();
    for e in evidence {
        if seen.insert((e.article.clone(), e.sentence, e.trigger)) {
            into.evidence.push(e);
        }
    }
}

/// The CAMEO code recorded for an interaction added by hand: the general code of its kind's category
/// (the code most of the kind's triggers use).
fn hand_cameo(kind: InteractionKind) -> &'static str {
    use InteractionKind::*;
    match kind {
        Consult => "040",
        Visit => "042",
        Mediate => "045",
        Agree => "030",
        Cooperate => "050",
        Support => "051",
        Aid => "070",
        Concede => "080",
        Retreat => "087",
        Demand => "100",
        Accuse => "112",
        Reject => "120",
        Threaten => "130",
        Protest => "140",
        Sanction => "163",
        Mobilize => "150",
        Coerce => "170",
        Assault => "190",
        Investigate => "090",
    }
}

impl Working {
    pub(super) fn delete_interaction(&mut self, n: usize, id: &str) -> Result<(), String> {
        let what = format!("Deletion of interaction \u{201c}{id}\u{201d}");
        match self.interaction_index(id) {
            Some(i) => {
                self.remove_interaction_at(i, n, "deleted".to_string());
                Ok(())
            }
            None => Err(self.missing(&what, Thing::Interaction, id)),
        }
    }

    /// Folds the interaction at `dup` into the one at `first` (same key): its evidence joins, it goes.
    pub(super) fn fold_interaction(&mut self, first: usize, dup: usize, n: usize) {
        if first == dup {
            return;
        }
        let first_id = match self.interactions.get(first).and_then(Option::as_ref) {
            Some(f) => f.id.clone(),
            None => return,
        };
        let how = format!("combined with \u{201c}{first_id}\u{201d}");
        if let Some(gone) = self.remove_interaction_at(dup, n, how)
            && let Some(f) = self.interactions.get_mut(first).and_then(Option::as_mut)
        {
            add_evidence(f, gone.evidence);
        }
    }

    /// After `merged` became `into`: interactions are re-pointed to `into`, those now from `into` to itself
    /// dropped, and those made identical combined into the first of them. One pass over the interactions.
    pub(super) fn repoint_interactions(&mut self, n: usize, merged: &HashSet<String>, into: &str) {
        let mut by_edge: HashMap<EdgeKey, usize> = HashMap::default();
        for i in 0..self.interactions.len() {
            let (key, self_loop) = {
                let Some(it) = self.interactions[i].as_mut() else {
                    continue;
                };
                let touched = merged.contains(&it.source) || merged.contains(&it.target);
                if touched {
                    for side in [&mut it.source, &mut it.target] {
                        if merged.contains(side.as_str()) {
                            *side = into.to_string();
                        }
                    }
                    put_in_order(it);
                }
                let involved = it.source == into || it.target == into;
                (
                    involved.then(|| edge_key(it)),
                    touched && it.source == it.target,
                )
            };
            if self_loop {
                let how = format!("dropped as a link of \u{201c}{into}\u{201d} with itself");
                self.remove_interaction_at(i, n, how);
                continue;
            }
            let Some(key) = key else { continue };
            match by_edge.get(&key) {
                Some(&first) => self.fold_interaction(first, i, n),
                None => {
                    by_edge.insert(key, i);
                }
            }
        }
    }

    pub(super) fn add_interaction(
        &mut self,
        kind: InteractionKind,
        source: &str,
        target: &str,
        directed: bool,
        article: &str,
        sentence: usize,
    ) -> Result<(), String> {
        let what = format!(
            "Addition of \u{201c}{source} {} {target}\u{201d}",
            kind.describe()
        );
        if source == target {
            return Err(format!("{what}: an actor cannot interact with itself"));
        }
        for side in [source, target] {
            if self.actor(side).is_none() {
                return Err(self.missing(&what, Thing::Actor, side));
            }
        }
        let Some(art) = self.article(article) else {
            return Err(self.missing(&what, Thing::Article, article));
        };
        let Some(span) = art.sentences.get(sentence).copied() else {
            return Err(format!(
                "{what}: article \u{201c}{article}\u{201d} has no sentence {} now (it has {})",
                sentence + 1,
                art.sentences.len()
            ));
        };
        if span.start > span.end || art.text.get(span.start..span.end).is_none() {
            return Err(format!(
                "{what}: sentence {} of article \u{201c}{article}\u{201d} lies outside its text",
                sentence + 1
            ));
        }
        let article_id = ArticleId::from(article);
        let source_span = self.named_in(source, article, sentence, span);
        let target_span = self.named_in(target, article, sentence, span);
        let mut it = Interaction {
            id: String::new(),
            kind,
            cameo: hand_cameo(kind).to_string(),
            source: source.to_string(),
            target: target.to_string(),
            directed,
            modality: Modality::Asserted,
            rule: HAND_RULE.to_string(),
            evidence: vec![Evidence {
                article: article_id.clone(),
                sentence,
                start: span.start,
                end: span.end,
                trigger: None,
                source_span,
                target_span,
                rule: HAND_RULE.to_string(),
                reported_by: None,
                when: None,
            }],
        };
        put_in_order(&mut it);
        // A side the sentence does not name as far as the extractor saw gets a mention by hand spanning the
        // sentence: the user says the sentence is about it, and a map limited to that article then shows it.
        for (side, named) in [(source, source_span), (target, target_span)] {
            if named.is_none()
                && let Some(i) = self.actor_index(side)
                && let Some(a) = self.actors[i].as_mut()
                && !a
                    .mentions
                    .iter()
                    .any(|m| m.article == article_id && m.span() == span)
            {
                a.mentions.push(Mention {
                    article: article_id.clone(),
                    sentence,
                    start: span.start,
                    end: span.end,
                    via: MentionVia::User,
                });
            }
        }
        let key = edge_key(&it);
        let existing = self
            .interactions
            .iter_mut()
            .flatten()
            .find(|other| edge_key(other) == key);
        match existing {
            // Already supported by that sentence (the extractor found it too): nothing to add.
            Some(other)
                if other
                    .evidence
                    .iter()
                    .any(|e| e.article == article_id && e.sentence == sentence) => {}
            Some(other) => add_evidence(other, it.evidence),
            None => {
                it.id = interaction_id(&it, |id| self.has_interaction_id(id));
                self.push_interaction(it);
            }
        }
        Ok(())
    }

    /// Where the sentence names actor `id` (its first mention there that the extractor found), if it does.
    fn named_in(&self, id: &str, article: &str, sentence: usize, span: Span) -> Option<Span> {
        self.actor(id)?
            .mentions
            .iter()
            .find(|m| {
                m.article == article
                    && m.sentence == sentence
                    && m.via != MentionVia::User
                    && span.contains(m.span())
            })
            .map(Mention::span)
    }
}
