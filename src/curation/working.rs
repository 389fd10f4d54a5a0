//! The corpus while edits are applied to it: its articles, actors and interactions with lookups by id, so
//! that each edit finds what it changes in O(1) instead of searching the corpus.
//!
//! Removing something leaves an empty slot (so the positions the lookups hold stay valid) and notes which
//! edit removed it, so that a later edit naming it is told "merged into … by correction 3" rather than
//! "not found". `finish` drops the empty slots, keeping everything else in its order.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::corpus::{Actor, Article, Corpus, Interaction};

/// What sort of thing an id names, for messages and for the record of what is gone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Thing {
    Actor,
    Interaction,
    Article,
}

impl Thing {
    fn as_str(self) -> &'static str {
        match self {
            Thing::Actor => "actor",
            Thing::Interaction => "interaction",
            Thing::Article => "article",
        }
    }
}

/// Which edit removed a thing, and how ("deleted", "merged into Ishaq Dar").
#[derive(Debug, Clone)]
struct Gone {
    edit: usize,
    how: String,
}

pub(super) struct Working {
    schema: String,
    pub(super) articles: Vec<Option<Article>>,
    pub(super) actors: Vec<Option<Actor>>,
    pub(super) interactions: Vec<Option<Interaction>>,
    article_at: HashMap<String, usize>,
    actor_at: HashMap<String, usize>,
    interaction_at: HashMap<String, usize>,
    gone: HashMap<(Thing, String), Gone>,
}

/// Id → position, the first of any id used twice (a damaged corpus; the later ones are left as they are).
fn positions<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<String, usize> {
    let mut at = HashMap::default();
    for (i, id) in ids.enumerate() {
        at.entry(id.to_string()).or_insert(i);
    }
    at
}

impl Working {
    pub(super) fn new(corpus: Corpus) -> Working {
        Working {
            article_at: positions(corpus.articles.iter().map(|a| a.id.as_str())),
            actor_at: positions(corpus.actors.iter().map(|a| a.id.as_str())),
            interaction_at: positions(corpus.interactions.iter().map(|i| i.id.as_str())),
            schema: corpus.schema,
            articles: corpus.articles.into_iter().map(Some).collect(),
            actors: corpus.actors.into_iter().map(Some).collect(),
            interactions: corpus.interactions.into_iter().map(Some).collect(),
            gone: HashMap::default(),
        }
    }

    /// The corpus as edited, everything in its original order, new things last.
    pub(super) fn finish(self) -> Corpus {
        Corpus {
            schema: self.schema,
            articles: self.articles.into_iter().flatten().collect(),
            actors: self.actors.into_iter().flatten().collect(),
            interactions: self.interactions.into_iter().flatten().collect(),
        }
    }

    /// Why `what` cannot find `id`: removed by an earlier edit, or not in the articles as extracted now.
    pub(super) fn missing(&self, what: &str, thing: Thing, id: &str) -> String {
        let kind = thing.as_str();
        match self.gone.get(&(thing, id.to_string())) {
            Some(g) => format!(
                "{what}: {kind} \u{201c}{id}\u{201d} was {} by correction {}",
                g.how,
                g.edit + 1
            ),
            None => {
                format!(
                    "{what}: no such {kind} \u{201c}{id}\u{201d} in the articles as extracted now"
                )
            }
        }
    }

    pub(super) fn actor_index(&self, id: &str) -> Option<usize> {
        self.actor_at
            .get(id)
            .copied()
            .filter(|&i| self.actors.get(i).is_some_and(Option::is_some))
    }

    pub(super) fn interaction_index(&self, id: &str) -> Option<usize> {
        self.interaction_at
            .get(id)
            .copied()
            .filter(|&i| self.interactions.get(i).is_some_and(Option::is_some))
    }

    pub(super) fn article_index(&self, id: &str) -> Option<usize> {
        self.article_at
            .get(id)
            .copied()
            .filter(|&i| self.articles.get(i).is_some_and(Option::is_some))
    }

    /// The live actor `id`, or the message saying why `what` cannot change it.
    pub(super) fn actor_mut(&mut self, what: &str, id: &str) -> Result<&mut Actor, String> {
        match self.actor_index(id) {
            Some(i) => self.actors[i]
                .as_mut()
                .ok_or_else(|| format!("{what}: actor \u{201c}{id}\u{201d} is gone")),
            None => Err(self.missing(what, Thing::Actor, id)),
        }
    }

    pub(super) fn actor(&self, id: &str) -> Option<&Actor> {
        self.actor_index(id)
            .and_then(|i| self.actors.get(i))
            .and_then(Option::as_ref)
    }

    pub(super) fn article(&self, id: &str) -> Option<&Article> {
        self.article_index(id)
            .and_then(|i| self.articles.get(i))
            .and_then(Option::as_ref)
    }

    pub(super) fn has_actor_id(&self, id: &str) -> bool {
        self.actor_index(id).is_some()
    }

    pub(super) fn has_interaction_id(&self, id: &str) -> bool {
        self.interaction_index(id).is_some()
    }

    /// Takes actor `id` off the map, noting that edit `edit` removed it `how`. Its interactions and the
    /// affiliations naming it are the caller's to settle.
    pub(super) fn remove_actor(&mut self, id: &str, edit: usize, how: String) -> Option<Actor> {
        let i = self.actor_index(id)?;
        self.actor_at.remove(id);
        self.gone
            .insert((Thing::Actor, id.to_string()), Gone { edit, how });
        self.actors.get_mut(i).and_then(Option::take)
    }

    /// Takes the interaction at position `i` off the map, noting that edit `edit` removed it `how`.
    pub(super) fn remove_interaction_at(
        &mut self,
        i: usize,
        edit: usize,
        how: String,
    ) -> Option<Interaction> {
        let it = self.interactions.get_mut(i).and_then(Option::take)?;
        if self.interaction_at.get(&it.id) == Some(&i) {
            self.interaction_at.remove(&it.id);
        }
        self.gone
            .insert((Thing::Interaction, it.id.clone()), Gone { edit, how });
        Some(it)
    }

    pub(super) fn take_article(&mut self, id: &str, edit: usize) -> Option<Article> {
        let i = self.article_index(id)?;
        self.article_at.remove(id);
        self.gone.insert(
            (Thing::Article, id.to_string()),
            Gone {
                edit,
                how: "removed".to_string(),
            },
        );
        self.articles.get_mut(i).and_then(Option::take)
    }

    /// Adds an actor whose id is not in use.
    pub(super) fn push_actor(&mut self, actor: Actor) {
        self.gone.remove(&(Thing::Actor, actor.id.clone()));
        self.actor_at.insert(actor.id.clone(), self.actors.len());
        self.actors.push(Some(actor));
    }

    /// Adds an interaction whose id is not in use.
    pub(super) fn push_interaction(&mut self, it: Interaction) {
        self.gone.remove(&(Thing::Interaction, it.id.clone()));
        self.interaction_at
            .insert(it.id.clone(), self.interactions.len());
        self.interactions.push(Some(it));
    }

    /// Every affiliation naming one of `from` now names `to` instead (or is dropped when `to` is `None`);
    /// an actor never belongs to itself nor twice to one actor. One pass over the actors.
    pub(super) fn repoint_affiliations(&mut self, from: &HashSet<String>, to: Option<&str>) {
        for actor in self.actors.iter_mut().flatten() {
            if !actor.affiliations.iter().any(|a| from.contains(a)) {
                continue;
            }
            let own = actor.id.clone();
            let mut seen: HashSet<String> = HashSet::default();
            let old = std::mem::take(&mut actor.affiliations);
            for a in old {
                let a = match (from.contains(&a), to) {
                    (false, _) => a,
                    (true, Some(to)) => to.to_string(),
                    (true, None) => continue,
                };
                if a != own && seen.insert(a.clone()) {
                    actor.affiliations.push(a);
                }
            }
        }
    }
}
