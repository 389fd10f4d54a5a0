//! Correcting the map by hand, under the selected actor or interaction in the side panel: rename, change
//! kind, country or title, merge with other actors, split an alias out, delete; delete an interaction;
//! remove an article. The controls only say what the user asked for (an `Edit`); the map makes it and
//! logs it, so every correction can be undone (Edit › Undo, Ctrl+Z) and survives re-extraction.

use egui::{Id, RichText, Ui};

use crate::corpus::{Actor, ActorKind, Corpus, Interaction};
use crate::curation::Edit;

/// "Country", "Official", "Institution".
fn kind_name(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Country => "Country",
        ActorKind::Official => "Official",
        ActorKind::Institution => "Institution",
    }
}

/// Matches listed under "Merge with".
const MERGE_CHOICES: usize = 8;

/// Text typed into a control, kept per actor in egui's memory until the actor is edited or deselected.
fn typed(ui: &Ui, key: &str, actor: &str, initial: impl FnOnce() -> String) -> String {
    let id = Id::unique(("curation", key, actor.to_string()));
    ui.data_mut(|d| d.get_temp_mut_or_insert_with(id, initial).clone())
}

fn set_typed(ui: &Ui, key: &str, actor: &str, value: String) {
    let id = Id::unique(("curation", key, actor.to_string()));
    ui.data_mut(|d| d.insert_temp(id, value));
}

/// A one-line field with a button; returns the text when the button is clicked or Enter pressed.
fn field(
    ui: &mut Ui,
    key: &str,
    actor: &str,
    label: &str,
    button: &str,
    initial: &str,
) -> Option<String> {
    let mut text = typed(ui, key, actor, || initial.to_string());
    let mut done = false;
    ui.horizontal(|ui| {
        let l = ui.label(label);
        let r = ui
            .add(egui::TextEdit::singleline(&mut text).desired_width(150.0))
            .labelled_by(l.id);
        done = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        done |= ui.button(button).clicked();
    });
    set_typed(ui, key, actor, text.clone());
    done.then_some(text)
}

/// The corrections offered for `actor`.
pub fn actor_controls(ui: &mut Ui, corpus: &Corpus, actor: &Actor) -> Option<Edit> {
    let mut edit = None;
    ui.add_space(6.0);
    egui::CollapsingHeader::new(RichText::new("Correct this actor").strong())
        .id_salt(("correct-actor", &actor.id))
        .default_open(false)
        .show(ui, |ui| {
            let id = actor.id.as_str();
            if let Some(name) = field(ui, "name", id, "Name", "Rename", &actor.name) {
                let name = name.trim().to_string();
                if !name.is_empty() && name != actor.name {
                    edit = Some(Edit::RenameActor {
                        actor: id.to_string(),
                        name,
                    });
                }
            }
            ui.horizontal(|ui| {
                ui.label("Kind");
                for kind in ActorKind::ALL {
                    if ui
                        .selectable_label(actor.kind == kind, kind_name(kind))
                        .clicked()
                        && actor.kind != kind
                    {
                        edit = Some(Edit::SetKind {
                            actor: id.to_string(),
                            kind,
                        });
                    }
                }
            });
            let country = actor.country.clone().unwrap_or_default();
            if let Some(c) = field(ui, "country", id, "Country (ISO-3)", "Set", &country) {
                let c = c.trim().to_uppercase();
                let c = (!c.is_empty()).then_some(c);
                if c != actor.country {
                    edit = Some(Edit::SetCountry {
                        actor: id.to_string(),
                        country: c,
                    });
                }
            }
            if actor.kind == ActorKind::Official {
                let title = actor.title.clone().unwrap_or_default();
                if let Some(t) = field(ui, "title", id, "Title", "Set", &title) {
                    let t = t.trim().to_string();
                    let t = (!t.is_empty()).then_some(t);
                    if t != actor.title {
                        edit = Some(Edit::SetTitle {
                            actor: id.to_string(),
                            title: t,
                        });
                    }
                }
            }
            edit = edit.take().or_else(|| merge_ui(ui, corpus, actor));
            if !actor.aliases.is_empty() {
                ui.horizontal_wrapped(|ui| {
                    ui.label("Split out");
                    for alias in &actor.aliases {
                        if ui
                            .button(alias)
                            .on_hover_text(format!("Make “{alias}” an actor of its own"))
                            .clicked()
                        {
                            edit = Some(Edit::SplitAlias {
                                actor: id.to_string(),
                                alias: alias.clone(),
                            });
                        }
                    }
                });
            }
            ui.add_space(4.0);
            if ui
                .button("Delete this actor")
                .on_hover_text(
                    "Remove it and its interactions from the map (Ctrl+Z brings it back)",
                )
                .clicked()
            {
                edit = Some(Edit::DeleteActor {
                    actor: id.to_string(),
                });
            }
        });
    edit
}

/// "Merge with": a search over the other actors' names and aliases; a click merges that one into this.
fn merge_ui(ui: &mut Ui, corpus: &Corpus, actor: &Actor) -> Option<Edit> {
    let mut query = typed(ui, "merge", &actor.id, String::new);
    ui.horizontal(|ui| {
        let l = ui.label("Merge with");
        ui.add(
            egui::TextEdit::singleline(&mut query)
                .hint_text("type a name")
                .desired_width(150.0),
        )
        .labelled_by(l.id);
    });
    set_typed(ui, "merge", &actor.id, query.clone());
    let q = query.trim().to_lowercase();
    if q.len() < 2 {
        return None;
    }
    let matches = corpus
        .actors
        .iter()
        .filter(|a| a.id != actor.id)
        .filter(|a| {
            a.name.to_lowercase().contains(&q)
                || a.aliases.iter().any(|x| x.to_lowercase().contains(&q))
        })
        .take(MERGE_CHOICES);
    let mut edit = None;
    ui.horizontal_wrapped(|ui| {
        for other in matches {
            if ui
                .button(format!("Merge {}", other.name))
                .on_hover_text(format!("{} becomes part of {}", other.name, actor.name))
                .clicked()
            {
                edit = Some(Edit::MergeActors {
                    into: actor.id.clone(),
                    others: vec![other.id.clone()],
                });
            }
        }
    });
    if edit.is_some() {
        set_typed(ui, "merge", &actor.id, String::new());
    }
    edit
}

/// The correction offered for an interaction.
pub fn interaction_controls(ui: &mut Ui, it: &Interaction) -> Option<Edit> {
    ui.add_space(6.0);
    ui.button("Delete this interaction")
        .on_hover_text("Remove it from the map (Ctrl+Z brings it back)")
        .clicked()
        .then(|| Edit::DeleteInteraction {
            interaction: it.id.clone(),
        })
}

/// The correction offered for an article: take it out of the corpus.
pub fn article_controls(ui: &mut Ui, article: &str) -> Option<Edit> {
    ui.button("Remove this article")
        .on_hover_text(
            "Take the article and what only it supports off the map (Ctrl+Z brings it back)",
        )
        .clicked()
        .then(|| Edit::RemoveArticle {
            article: article.to_string(),
        })
}

/// What the "add an interaction" form holds for one sentence.
#[derive(Clone, Default)]
struct NewInteraction {
    source: Option<String>,
    target: Option<String>,
    kind: Option<crate::corpus::InteractionKind>,
    directed: bool,
}

/// Under the sentence being read in the article view: add an interaction the extractor missed, with
/// this sentence as its evidence. The actors offered are those the article mentions, this sentence's
/// first.
pub fn add_interaction_form(
    ui: &mut Ui,
    corpus: &Corpus,
    article: &str,
    sentence: usize,
) -> Option<Edit> {
    let id = Id::unique(("curation-add", article.to_string(), sentence));
    let mut form: NewInteraction = ui.data_mut(|d| d.get_temp(id)).unwrap_or(NewInteraction {
        directed: true,
        ..NewInteraction::default()
    });
    let mentioned = |a: &Actor, in_sentence: bool| {
        a.mentions
            .iter()
            .any(|m| m.article == article && (!in_sentence || m.sentence == sentence))
    };
    let mut actors: Vec<&Actor> = corpus
        .actors
        .iter()
        .filter(|a| mentioned(a, false))
        .collect();
    actors.sort_by_key(|a| (!mentioned(a, true), a.name.to_lowercase()));
    let name = |id: &Option<String>| {
        id.as_deref()
            .and_then(|i| corpus.actor(i))
            .map_or("choose…".to_string(), |a| a.name.clone())
    };
    let mut edit = None;
    egui::CollapsingHeader::new("Add an interaction from this sentence")
        .id_salt(("add-interaction", article, sentence))
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                egui::ComboBox::from_id_salt(("add-source", article, sentence))
                    .selected_text(name(&form.source))
                    .show_ui(ui, |ui| {
                        for a in &actors {
                            ui.selectable_value(&mut form.source, Some(a.id.clone()), &a.name);
                        }
                    });
                egui::ComboBox::from_id_salt(("add-kind", article, sentence))
                    .selected_text(form.kind.map_or("what…", |k| k.describe()))
                    .show_ui(ui, |ui| {
                        for k in crate::corpus::InteractionKind::ALL {
                            ui.selectable_value(&mut form.kind, Some(k), k.describe());
                        }
                    });
                egui::ComboBox::from_id_salt(("add-target", article, sentence))
                    .selected_text(name(&form.target))
                    .show_ui(ui, |ui| {
                        for a in &actors {
                            ui.selectable_value(&mut form.target, Some(a.id.clone()), &a.name);
                        }
                    });
                ui.checkbox(&mut form.directed, "one-way");
                let ready = matches!((&form.source, &form.target, form.kind), (Some(s), Some(t), Some(_)) if s != t);
                if ui.add_enabled(ready, egui::Button::new("Add")).clicked()
                    && let (Some(source), Some(target), Some(kind)) =
                        (form.source.clone(), form.target.clone(), form.kind)
                {
                    edit = Some(Edit::AddInteraction {
                        source,
                        target,
                        kind,
                        directed: form.directed,
                        article: article.to_string(),
                        sentence,
                    });
                }
            });
        });
    if edit.is_some() {
        form = NewInteraction {
            directed: true,
            ..NewInteraction::default()
        };
    }
    ui.data_mut(|d| d.insert_temp(id, form));
    edit
}
