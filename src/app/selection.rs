//! What the user has picked on the map, by corpus id so that it survives the map being rebuilt (another
//! article opened, a filter changed).

use crate::corpus::Corpus;

/// The selected actor or interaction, if any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Selection {
    #[default]
    Nothing,
    /// An actor, by `Actor::id`.
    Actor(String),
    /// An interaction, by `Interaction::id`.
    Interaction(String),
}

impl Selection {
    pub fn is_nothing(&self) -> bool {
        *self == Selection::Nothing
    }

    /// The selection, or nothing when what it names is no longer in `corpus`.
    pub fn still_in(self, corpus: &Corpus) -> Selection {
        let present = match &self {
            Selection::Nothing => true,
            Selection::Actor(id) => corpus.actor(id).is_some(),
            Selection::Interaction(id) => corpus.interactions.iter().any(|i| &i.id == id),
        };
        if present { self } else { Selection::Nothing }
    }
}
