//! What the map's key says, line by line: what each node shape and colour, edge colour, dash and arrow
//! means. The screen's legend and the exported drawing's legend both lay out these entries.

use super::style::{actor_kind_plural, family_label};
use crate::corpus::{ActorKind, Family};

/// One item of the key.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Entry {
    Heading(&'static str),
    Node(ActorKind),
    Edge(Family),
    Affiliation,
    Arrow,
    Pin,
    Note(&'static str),
}

/// The two lines of the key: actors, then interactions.
pub fn lines() -> [Vec<Entry>; 2] {
    let mut actors = vec![Entry::Heading("Actors")];
    actors.extend(ActorKind::ALL.into_iter().map(Entry::Node));
    actors.extend([Entry::Pin, Entry::Note("size: mentions")]);
    let mut interactions = vec![Entry::Heading("Interactions")];
    interactions.extend(
        [Family::Cooperation, Family::Conflict, Family::Neutral]
            .into_iter()
            .map(Entry::Edge),
    );
    interactions.extend([
        Entry::Arrow,
        Entry::Affiliation,
        Entry::Note("width: sentences"),
    ]);
    [actors, interactions]
}

pub fn text_of(entry: Entry) -> &'static str {
    match entry {
        Entry::Heading(t) | Entry::Note(t) => t,
        Entry::Node(k) => actor_kind_plural(k),
        Entry::Edge(f) => family_label(f),
        Entry::Affiliation => "belongs to",
        Entry::Arrow => "who did it to whom",
        Entry::Pin => "pinned",
    }
}

pub fn has_icon(entry: Entry) -> bool {
    !matches!(entry, Entry::Heading(_) | Entry::Note(_))
}
