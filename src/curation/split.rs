//! Splitting an alias off an actor: the extractor joined two actors that share a name ("Dar" the minister
//! and "Dar" the general), and the user separates the mentions that read one name.
//!
//! The mentions of the actor whose words read the alias (compared as `identity::normal` compares names:
//! case, "the", a possessive and spacing aside) move to a new actor named after the alias, of the same kind
//! and country; its id is a slug of the alias ("dar"), numbered when taken ("dar-2"), so that it is the same
//! every time the log is applied and later edits can name it.
//!
//! An interaction moves with the new actor piece of evidence by piece of evidence: a piece moves when the
//! words naming the actor in it overlap a moved mention (or read the alias) and no mention left behind.
//! Where a sentence does not say which words name the actor, or they overlap both, it cannot be decided,
//! and the evidence stays. An interaction with some evidence moving and some staying becomes two.

use rustc_hash::FxHashMap as HashMap;

use super::actors::one_line;
use super::interactions::{EdgeKey, add_evidence, edge_key, put_in_order};
use super::working::{Thing, Working};
use crate::corpus::identity::normal;
use crate::corpus::merge::interaction_id;
use crate::corpus::{Actor, ArticleId, Interaction, Mention, Span};

/// Mention spans by article, for deciding which evidence names which actor.
type SpansByArticle = HashMap<ArticleId, Vec<Span>>;

fn spans_by_article<'a>(mentions: impl Iterator<Item = &'a Mention>) -> SpansByArticle {
    let mut by: SpansByArticle = HashMap::default();
    for m in mentions {
        by.entry(m.article.clone()).or_default().push(m.span());
    }
    by
}

fn overlaps_any(by: &SpansByArticle, article: &ArticleId, span: Span) -> bool {
    by.get(article)
        .is_some_and(|spans| spans.iter().any(|s| s.overlaps(span) || *s == span))
}

/// A readable id made of the alias: "dar", "foreign-ministry".
fn slug(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            s.push(c);
        } else if !s.is_empty() && !s.ends_with('-') {
            s.push('-');
        }
    }
    s.trim_end_matches('-').to_string()
}

impl Working {
    /// Whether the words of `span` in `article` read the name `key` (already `normal`).
    fn reads(&self, article: &str, span: Span, key: &str) -> bool {
        self.article(article)
            .is_some_and(|a| normal(a.slice(span)) == key)
    }

    /// An unused actor id made of the alias.
    fn split_id(&self, actor: &str, alias: &str) -> String {
        let mut base = slug(alias);
        if base.is_empty() {
            base = format!("{actor}-alias");
        }
        if !self.has_actor_id(&base) {
            return base;
        }
        (2..usize::MAX)
            .map(|k| format!("{base}-{k}"))
            .find(|id| !self.has_actor_id(id))
            .unwrap_or(base)
    }

    pub(super) fn split(&mut self, n: usize, actor: &str, alias: &str) -> Result<(), String> {
        let what = format!("Split of \u{201c}{alias}\u{201d} from actor \u{201c}{actor}\u{201d}");
        let key = normal(alias);
        if key.is_empty() {
            return Err(format!("{what}: the alias is empty"));
        }
        let Some(original) = self.actor(actor) else {
            return Err(self.missing(&what, Thing::Actor, actor));
        };
        if normal(&original.name) == key {
            return Err(format!(
                "{what}: that is the actor's name, not an alias \u{2014} rename the actor first"
            ));
        }
        let moves: Vec<bool> = original
            .mentions
            .iter()
            .map(|m| self.reads(&m.article, m.span(), &key))
            .collect();
        if !moves.contains(&true) {
            return Err(format!(
                "{what}: no mention of {} reads \u{201c}{alias}\u{201d} in the articles as extracted now",
                original.name
            ));
        }
        if !moves.contains(&false) {
            return Err(format!(
                "{what}: every mention of {} reads \u{201c}{alias}\u{201d} \u{2014} rename the actor instead",
                original.name
            ));
        }
        let id = self.split_id(actor, alias);
        let (kind, country) = (original.kind, original.country.clone());
        let original = self.actor_mut(&what, actor)?;
        let mut moved: Vec<Mention> = Vec::new();
        for (m, goes) in std::mem::take(&mut original.mentions)
            .into_iter()
            .zip(moves)
        {
            if goes {
                moved.push(m);
            } else {
                original.mentions.push(m);
            }
        }
        original.aliases.retain(|a| normal(a) != key);
        let kept_spans = spans_by_article(original.mentions.iter());
        let new = Actor {
            id: id.clone(),
            kind,
            name: one_line(alias),
            aliases: Vec::new(),
            country,
            title: None,
            code: None,
            affiliations: Vec::new(),
            mentions: moved,
        };
        let moved_spans = spans_by_article(new.mentions.iter());
        self.push_actor(new);
        self.move_evidence(n, actor, &id, &key, &moved_spans, &kept_spans);
        Ok(())
    }

    /// Moves the evidence of `actor`'s interactions that names the split-off actor `to` over to it. One
    /// pass over the interactions.
    fn move_evidence(
        &mut self,
        n: usize,
        actor: &str,
        to: &str,
        key: &str,
        moved: &SpansByArticle,
        kept: &SpansByArticle,
    ) {
        let mut by_edge: HashMap<EdgeKey, usize> = HashMap::default();
        for i in 0..self.interactions.len() {
            let Some(it) = self.interactions[i].as_ref() else {
                continue;
            };
            let as_source = it.source == actor;
            if as_source == (it.target == actor) {
                continue;
            }
            let goes: Vec<bool> = it
                .evidence
                .iter()
                .map(|e| {
                    let named = if as_source {
                        e.source_span
                    } else {
                        e.target_span
                    };
                    named.is_some_and(|s| {
                        !overlaps_any(kept, &e.article, s)
                            && (overlaps_any(moved, &e.article, s)
                                || self.reads(&e.article, s, key))
                    })
                })
                .collect();
            if !goes.contains(&true) {
                continue;
            }
            let Some(it) = self.interactions[i].as_mut() else {
                continue;
            };
            let moving = if goes.contains(&false) {
                // Some evidence stays: the moving part becomes an interaction of its own.
                let (going, staying): (Vec<_>, Vec<_>) = std::mem::take(&mut it.evidence)
                    .into_iter()
                    .zip(&goes)
                    .partition(|(_, g)| **g);
                it.evidence = staying.into_iter().map(|(e, _)| e).collect();
                let evidence: Vec<_> = going.into_iter().map(|(e, _)| e).collect();
                let rule = evidence.first().map(|e| e.rule.clone()).unwrap_or_default();
                Some(Interaction {
                    id: String::new(),
                    kind: it.kind,
                    cameo: it.cameo.clone(),
                    source: it.source.clone(),
                    target: it.target.clone(),
                    directed: it.directed,
                    modality: it.modality,
                    rule,
                    evidence,
                })
            } else {
                None
            };
            match moving {
                Some(mut part) => {
                    repoint(&mut part, as_source, to);
                    let k = edge_key(&part);
                    match by_edge.get(&k) {
                        Some(&first) => {
                            if let Some(f) = self.interactions[first].as_mut() {
                                add_evidence(f, part.evidence);
                            }
                        }
                        None => {
                            part.id = interaction_id(&part, |id| self.has_interaction_id(id));
                            by_edge.insert(k, self.interactions.len());
                            self.push_interaction(part);
                        }
                    }
                }
                None => {
                    repoint(it, as_source, to);
                    let k = edge_key(it);
                    match by_edge.get(&k) {
                        Some(&first) => self.fold_interaction(first, i, n),
                        None => {
                            by_edge.insert(k, i);
                        }
                    }
                }
            }
        }
    }
}

/// Makes `to` the side of `it` that was the split actor.
fn repoint(it: &mut Interaction, as_source: bool, to: &str) {
    if as_source {
        it.source = to.to_string();
    } else {
        it.target = to.to_string();
    }
    put_in_order(it);
}
