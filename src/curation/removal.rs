//! Taking things off the map: an actor with its interactions, or an article with what it said.
//!
//! Nothing removed is left referred to: affiliations naming a deleted actor are dropped, and when an
//! article goes, the interactions left without evidence go, then the actors left with nothing: no mention,
//! no interaction, and no remaining actor that belongs to them (an actor kept only as the institution or
//! country an official belongs to stays while the official does).

use rustc_hash::FxHashSet as HashSet;

use super::working::{Thing, Working};

impl Working {
    pub(super) fn delete_actor(&mut self, n: usize, id: &str) -> Result<(), String> {
        let what = format!("Deletion of actor \u{201c}{id}\u{201d}");
        let Some(actor) = self.remove_actor(id, n, "deleted".to_string()) else {
            return Err(self.missing(&what, Thing::Actor, id));
        };
        for i in 0..self.interactions.len() {
            let involved = self.interactions[i]
                .as_ref()
                .is_some_and(|it| it.source == id || it.target == id);
            if involved {
                self.remove_interaction_at(i, n, format!("deleted with {}", actor.name));
            }
        }
        self.repoint_affiliations(&HashSet::from_iter([actor.id]), None);
        Ok(())
    }

    pub(super) fn remove_article(&mut self, n: usize, id: &str) -> Result<(), String> {
        let what = format!("Removal of article \u{201c}{id}\u{201d}");
        if self.take_article(id, n).is_none() {
            return Err(self.missing(&what, Thing::Article, id));
        }
        for actor in self.actors.iter_mut().flatten() {
            actor.mentions.retain(|m| m.article != id);
        }
        let how = format!("removed with article {id}");
        for i in 0..self.interactions.len() {
            let emptied = match self.interactions[i].as_mut() {
                Some(it) => {
                    let before = it.evidence.len();
                    it.evidence.retain(|e| e.article != id);
                    it.evidence.is_empty() && before > 0
                }
                None => false,
            };
            if emptied {
                self.remove_interaction_at(i, n, how.clone());
            }
        }
        self.remove_orphans(n, &how);
        Ok(())
    }

    /// Removes the actors with no mention and no interaction that no remaining actor belongs to.
    fn remove_orphans(&mut self, n: usize, how: &str) {
        let in_interactions: HashSet<&str> = self
            .interactions
            .iter()
            .flatten()
            .flat_map(|it| [it.source.as_str(), it.target.as_str()])
            .collect();
        let mut keep: HashSet<String> = HashSet::default();
        let mut reach: Vec<String> = self
            .actors
            .iter()
            .flatten()
            .filter(|a| !a.mentions.is_empty() || in_interactions.contains(a.id.as_str()))
            .map(|a| a.id.clone())
            .collect();
        while let Some(id) = reach.pop() {
            if !keep.insert(id.clone()) {
                continue;
            }
            if let Some(a) = self.actor(&id) {
                reach.extend(
                    a.affiliations
                        .iter()
                        .filter(|b| !keep.contains(*b))
                        .cloned(),
                );
            }
        }
        let orphans: Vec<String> = self
            .actors
            .iter()
            .flatten()
            .filter(|a| !keep.contains(&a.id))
            .map(|a| a.id.clone())
            .collect();
        if orphans.is_empty() {
            return;
        }
        for id in &orphans {
            self.remove_actor(id, n, how.to_string());
        }
        // No kept actor belongs to an orphan (what kept actors belong to is kept); this clears the
        // affiliations a damaged base may hold.
        self.repoint_affiliations(&orphans.into_iter().collect(), None);
    }
}
