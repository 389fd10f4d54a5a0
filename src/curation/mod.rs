//! Curation: the user's corrections to an extraction, kept as a log of edits rather than as an edited
//! corpus, so that they survive re-extraction.
//!
//! The corpus the extractor made is the *base*; the map shows `apply(base, log)`. When the same articles
//! are extracted again (a newer extractor, a fixed text) the log is applied to the new base: each edit
//! names the actors, interactions and articles it changes by id, and those ids are stable across
//! extractions of the same text (an actor's id is its country code or a slug of its name, an interaction's
//! its kind and sides), so the corrections that still make sense are made again and the others are listed
//! in `Applied::skipped` with a sentence saying why.
//!
//! `edit` holds the edits and their descriptions for menus, `log` the undo/redo history, `working` the
//! corpus being edited with its lookups by id, and `actors`, `split`, `interactions` and `removal` the
//! operations. Nothing here draws or lays out the map; the app keeps an `EditLog` and calls `apply`.
//!
//! Cost: `apply` copies the base once (O(corpus)) and builds maps by id (O(corpus)). Renames, kind, country
//! and title changes and deleting an interaction find what they change in O(1) and touch only it. Merging, splitting, deleting an actor,
//! removing an article and adding an interaction make one pass over the interactions and the actors'
//! affiliations (O(corpus)), never a nested scan. So `k` edits cost O(corpus · (1 + k)) at worst.
//!
//! When the base passes `corpus::from_json`'s checks, so does every corpus `apply` returns: removals
//! never leave an id dangling and new evidence always lies on a sentence of its article.

mod actors;
mod edit;
mod interactions;
mod log;
mod removal;
mod split;
mod working;

pub use edit::{Edit, HAND_RULE};
pub use log::EditLog;

use crate::corpus::Corpus;
use working::Working;

/// The corpus with the edits made, and the edits that could not be made.
#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    pub corpus: Corpus,
    /// (index of the edit in the log, why it was not made, or which part of it was not): an edit whose
    /// actor, interaction or article no longer exists, or that no longer makes sense.
    pub skipped: Vec<(usize, String)>,
}

/// Applies `edits` in order to a copy of `base`. An edit that cannot be made is skipped and reported;
/// the rest are made. Never panics, whatever the corpus and the edits.
pub fn apply(base: &Corpus, edits: &[Edit]) -> Applied {
    let mut work = Working::new(base.clone());
    let mut skipped = Vec::new();
    for (n, edit) in edits.iter().enumerate() {
        if let Err(why) = work.apply(n, edit) {
            skipped.push((n, why));
        }
    }
    Applied {
        corpus: work.finish(),
        skipped,
    }
}

impl Working {
    /// Makes one edit, the `n`th of the log; `Err` says why it (or part of it) was not made.
    fn apply(&mut self, n: usize, edit: &Edit) -> Result<(), String> {
        match edit {
            Edit::RenameActor { actor, name } => self.rename(actor, name),
            Edit::SetKind { actor, kind } => self.set_kind(actor, *kind),
            Edit::SetCountry { actor, country } => self.set_country(actor, country.as_deref()),
            Edit::SetTitle { actor, title } => self.set_title(actor, title.as_deref()),
            Edit::MergeActors { into, others } => self.merge(n, into, others),
            Edit::SplitAlias { actor, alias } => self.split(n, actor, alias),
            Edit::DeleteActor { actor } => self.delete_actor(n, actor),
            Edit::DeleteInteraction { interaction } => self.delete_interaction(n, interaction),
            Edit::RemoveArticle { article } => self.remove_article(n, article),
            Edit::AddInteraction {
                source,
                target,
                kind,
                directed,
                article,
                sentence,
            } => self.add_interaction(*kind, source, target, *directed, article, *sentence),
        }
    }
}
