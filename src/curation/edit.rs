//! The corrections a user can make, as plain data: what the log stores, what the workspace file holds, and
//! what menus name ("Undo Rename Barack Obama to Obama").
//!
//! Each edit names what it changes by id (actor, interaction, article), never by position, so that it can be
//! applied again to a corpus extracted anew from the same articles. The JSON form is tagged by `op`:
//! `{"op": "rename_actor", "actor": "barack-obama", "name": "Obama"}`.

use serde::{Deserialize, Serialize};

use crate::corpus::{ActorKind, Corpus, InteractionKind};

/// The rule recorded on evidence the user added by hand, so that the evidence panel says who found it.
pub const HAND_RULE: &str = "added by hand";

/// One correction to the extraction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    /// Shows the actor under another name; the old name becomes an alias. The id does not change.
    RenameActor {
        actor: String,
        name: String,
    },
    SetKind {
        actor: String,
        kind: ActorKind,
    },
    /// ISO 3166 alpha-3 code, or `None` to clear it.
    SetCountry {
        actor: String,
        country: Option<String>,
    },
    /// An official's office as displayed, or `None` to clear it.
    SetTitle {
        actor: String,
        title: Option<String>,
    },
    /// `others` become part of `into`: their names become aliases, their mentions and interactions are
    /// `into`'s; interactions made identical by the merge are combined, and those between merged actors
    /// (now of `into` with itself) are dropped.
    MergeActors {
        into: String,
        others: Vec<String>,
    },
    /// The mentions of `actor` that read `alias`, and the alias itself, become a new actor (id: a slug of
    /// the alias); interactions whose evidence names the alias go with them.
    SplitAlias {
        actor: String,
        alias: String,
    },
    /// The actor and every interaction it takes part in leave the map.
    DeleteActor {
        actor: String,
    },
    DeleteInteraction {
        interaction: String,
    },
    /// The article, its mentions and its evidence leave the map, and the actors and interactions left with
    /// nothing go with it.
    RemoveArticle {
        article: String,
    },
    /// An interaction the extractor missed, supported by sentence `sentence` (index into the article's
    /// sentences) of `article`. Undirected interactions are stored with their sides in id order.
    AddInteraction {
        source: String,
        target: String,
        kind: InteractionKind,
        directed: bool,
        article: String,
        sentence: usize,
    },
}

impl Edit {
    /// The edit in words for a menu or a list ("Rename Barack Obama to Obama"), naming actors as `corpus`
    /// names them: pass the corpus the edit was made on. An id `corpus` does not know is shown as it is.
    pub fn describe(&self, corpus: &Corpus) -> String {
        let name = |id: &str| {
            corpus
                .actor(id)
                .map_or_else(|| id.to_string(), |a| a.name.clone())
        };
        match self {
            Edit::RenameActor { actor, name: new } => {
                let old = name(actor);
                if old == *new {
                    format!("Rename to {new}")
                } else {
                    format!("Rename {old} to {new}")
                }
            }
            Edit::SetKind { actor, kind } => {
                format!("Make {} {}", name(actor), with_article(kind.as_str()))
            }
            Edit::SetCountry { actor, country } => match country {
                Some(c) => format!("Set country of {} to {c}", name(actor)),
                None => format!("Clear country of {}", name(actor)),
            },
            Edit::SetTitle { actor, title } => match title {
                Some(t) => format!("Set title of {} to {t}", name(actor)),
                None => format!("Clear title of {}", name(actor)),
            },
            Edit::MergeActors { into, others } => {
                let others: Vec<String> = others.iter().map(|o| name(o)).collect();
                format!("Merge {} into {}", others.join(", "), name(into))
            }
            Edit::SplitAlias { actor, alias } => {
                format!("Split {alias} from {}", name(actor))
            }
            Edit::DeleteActor { actor } => format!("Delete {}", name(actor)),
            Edit::DeleteInteraction { interaction } => {
                match corpus.interactions.iter().find(|i| i.id == *interaction) {
                    Some(it) => format!(
                        "Delete \u{201c}{} {} {}\u{201d}",
                        name(&it.source),
                        it.kind.describe(),
                        name(&it.target)
                    ),
                    None => format!("Delete interaction {interaction}"),
                }
            }
            Edit::RemoveArticle { article } => match corpus.article(article) {
                Some(a) if !a.title.is_empty() => {
                    format!("Remove article \u{201c}{}\u{201d}", a.title)
                }
                _ => format!("Remove article {article}"),
            },
            Edit::AddInteraction {
                source,
                target,
                kind,
                ..
            } => format!(
                "Add \u{201c}{} {} {}\u{201d}",
                name(source),
                kind.describe(),
                name(target)
            ),
        }
    }

    /// Short name of the operation ("Rename", "Merge"), for a menu item that has no room for the rest.
    pub fn verb(&self) -> &'static str {
        match self {
            Edit::RenameActor { .. } => "Rename",
            Edit::SetKind { .. } => "Change kind",
            Edit::SetCountry { .. } => "Change country",
            Edit::SetTitle { .. } => "Change title",
            Edit::MergeActors { .. } => "Merge",
            Edit::SplitAlias { .. } => "Split",
            Edit::DeleteActor { .. } => "Delete actor",
            Edit::DeleteInteraction { .. } => "Delete interaction",
            Edit::RemoveArticle { .. } => "Remove article",
            Edit::AddInteraction { .. } => "Add interaction",
        }
    }
}

/// "an official", "a country".
pub(super) fn with_article(word: &str) -> String {
    let article = if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {word}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Actor, ActorKind};

    fn with_obama() -> Corpus {
        Corpus {
            actors: vec![Actor {
                id: "barack-obama".into(),
                kind: ActorKind::Official,
                name: "Barack Obama".into(),
                aliases: vec![],
                country: Some("USA".into()),
                title: None,
                code: None,
                affiliations: vec![],
                mentions: vec![],
            }],
            ..Corpus::default()
        }
    }

    #[test]
    fn a_rename_is_described_with_the_old_and_the_new_name() {
        let edit = Edit::RenameActor {
            actor: "barack-obama".into(),
            name: "Obama".into(),
        };
        assert_eq!(edit.describe(&with_obama()), "Rename Barack Obama to Obama");
        assert_eq!(
            edit.describe(&Corpus::default()),
            "Rename barack-obama to Obama",
            "an unknown id is shown as it is"
        );
    }

    #[test]
    fn edits_serialise_tagged_by_operation() {
        let edit = Edit::SetKind {
            actor: "barack-obama".into(),
            kind: ActorKind::Official,
        };
        let json = serde_json::to_string(&edit).unwrap();
        assert_eq!(
            json,
            r#"{"op":"set_kind","actor":"barack-obama","kind":"official"}"#
        );
        assert_eq!(serde_json::from_str::<Edit>(&json).unwrap(), edit);
        assert_eq!(
            edit.describe(&with_obama()),
            "Make Barack Obama an official"
        );
    }
}
