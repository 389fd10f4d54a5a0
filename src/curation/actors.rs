//! Edits of one actor's attributes (name, kind, country, title) and the merge of several actors into one.
//!
//! A renamed actor keeps its id, so edits made later (and the node's place on the map) still find it; the
//! old name becomes an alias, so a search for it still finds the actor. A merge keeps the id and name of
//! the actor merged into: the user chose it.

use rustc_hash::FxHashSet as HashSet;

use super::edit::with_article;
use super::working::{Thing, Working};
use crate::corpus::{Actor, ActorKind, ArticleId};

/// `text` on one line: trimmed, runs of white space made one space.
pub(super) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Ids quoted and listed: "“dar”, “ishaq-dar”".
fn quoted(ids: &[String]) -> String {
    ids.iter()
        .map(|id| format!("\u{201c}{id}\u{201d}"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Working {
    pub(super) fn rename(&mut self, actor: &str, name: &str) -> Result<(), String> {
        let what = format!("Rename of actor \u{201c}{actor}\u{201d} to \u{201c}{name}\u{201d}");
        let name = one_line(name);
        if name.is_empty() {
            return Err(format!("{what}: the new name is empty"));
        }
        let a = self.actor_mut(&what, actor)?;
        if a.name != name {
            let old = std::mem::replace(&mut a.name, name);
            a.aliases.retain(|alias| *alias != a.name);
            if !a.aliases.contains(&old) {
                a.aliases.push(old);
            }
        }
        Ok(())
    }

    pub(super) fn set_kind(&mut self, actor: &str, kind: ActorKind) -> Result<(), String> {
        let what = format!(
            "Change of actor \u{201c}{actor}\u{201d} to {}",
            with_article(kind.as_str())
        );
        self.actor_mut(&what, actor)?.kind = kind;
        Ok(())
    }

    /// The country as an upper-case code; a blank one clears it.
    pub(super) fn set_country(&mut self, actor: &str, country: Option<&str>) -> Result<(), String> {
        let what = format!("Change of the country of actor \u{201c}{actor}\u{201d}");
        let country = country
            .map(|c| c.trim().to_uppercase())
            .filter(|c| !c.is_empty());
        self.actor_mut(&what, actor)?.country = country;
        Ok(())
    }

    /// The title on one line; a blank one clears it.
    pub(super) fn set_title(&mut self, actor: &str, title: Option<&str>) -> Result<(), String> {
        let what = format!("Change of the title of actor \u{201c}{actor}\u{201d}");
        let title = title.map(one_line).filter(|t| !t.is_empty());
        self.actor_mut(&what, actor)?.title = title;
        Ok(())
    }

    /// `others` join `into`. Those no longer there are reported; the rest are merged all the same.
    pub(super) fn merge(&mut self, n: usize, into: &str, others: &[String]) -> Result<(), String> {
        let what = format!("Merge of {} into \u{201c}{into}\u{201d}", quoted(others));
        let into_name = match self.actor(into) {
            Some(a) => a.name.clone(),
            None => return Err(self.missing(&what, Thing::Actor, into)),
        };
        let mut merged: HashSet<String> = HashSet::default();
        let mut joining: Vec<Actor> = Vec::new();
        let mut missing: Vec<String> = Vec::new();
        for other in others {
            if other == into || merged.contains(other) {
                continue;
            }
            match self.remove_actor(other, n, format!("merged into {into_name}")) {
                Some(actor) => {
                    merged.insert(actor.id.clone());
                    joining.push(actor);
                }
                None => missing.push(other.clone()),
            }
        }
        if joining.is_empty() && missing.is_empty() {
            return Err(format!("{what}: there is no other actor to merge"));
        }
        let target = self.actor_mut(&what, into)?;
        for other in joining {
            absorb(target, other);
        }
        self.repoint_affiliations(&merged, Some(into));
        self.repoint_interactions(n, &merged, into);
        if missing.is_empty() {
            return Ok(());
        }
        let mut why: Vec<String> = missing
            .iter()
            .map(|id| self.missing(&what, Thing::Actor, id))
            .collect();
        if !merged.is_empty() {
            why.push("the others were merged".to_string());
        }
        Err(why.join("; "))
    }
}

/// Adds `other`'s names, the attributes `into` lacks, its affiliations and its mentions to `into`.
fn absorb(into: &mut Actor, other: Actor) {
    for name in std::iter::once(other.name).chain(other.aliases) {
        if name != into.name && !into.aliases.contains(&name) {
            into.aliases.push(name);
        }
    }
    into.country = into.country.take().or(other.country);
    into.title = into.title.take().or(other.title);
    into.code = into.code.take().or(other.code);
    for a in other.affiliations {
        if a != into.id && !into.affiliations.contains(&a) {
            into.affiliations.push(a);
        }
    }
    // A phrase standing for both ("both sides") was a mention of each: it is one mention now.
    let mut seen: HashSet<(ArticleId, usize, usize)> = into
        .mentions
        .iter()
        .map(|m| (m.article.clone(), m.start, m.end))
        .collect();
    for m in other.mentions {
        if seen.insert((m.article.clone(), m.start, m.end)) {
            into.mentions.push(m);
        }
    }
}
