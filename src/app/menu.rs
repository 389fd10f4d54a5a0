//! The menu bar and the keyboard shortcuts. Both only say what the user asked for (`Command`); the app
//! carries it out, so a menu item and its shortcut always do the same thing.

use egui::{Button, Key, KeyboardShortcut, Modifiers, RichText, Ui};

use crate::corpus::{ActorKind, Family, InteractionKind};
use crate::graph::{Isolated, MapFilter};

use super::map_style::{actor_kind_plural, family_label};

pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
pub const SAVE_CORPUS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
pub const EXPORT_PNG: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::E);
pub const CLOSE_ALL: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
pub const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
pub const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
pub const SEARCH: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);

/// Something the user asked for from the menu or the keyboard.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Open,
    OpenFolder,
    OpenRecent(String),
    ClearRecent,
    SaveCorpus,
    ExportPng,
    Export(super::export_files::ExportFormat),
    /// File › Export map as: whether exported pictures carry the legend, and their title.
    SetPictureLegend(bool),
    SetPictureTitle(String),
    Undo,
    Redo,
    SaveWorkspace,
    SaveWorkspaceAs,
    OpenWorkspace,
    Reextract,
    CloseAll,
    Quit,
    FitAll,
    ClearSelection,
    SetFilter(MapFilter),
    ToggleLegend,
    ToggleLabels,
    /// Open the search field over the map.
    Search,
    ToggleTimeline,
    ToggleStatistics,
    ToggleFrameTime,
}

/// What the menus need to know to draw themselves.
pub struct MenuState<'a> {
    pub recent: &'a [String],
    pub filter: &'a MapFilter,
    pub show_legend: bool,
    pub show_labels: bool,
    pub show_timeline: bool,
    pub show_statistics: bool,
    pub show_frame_time: bool,
    pub has_articles: bool,
    pub picture: &'a super::export_files::PictureOptions,
    /// Actors in the corpus (the automatic hiding of isolated actors depends on it).
    pub actors: usize,
    /// The edit Undo and Redo would take back or make again, in words.
    pub undo: Option<String>,
    pub redo: Option<String>,
}

/// The shortcuts pressed this frame (none while a text field has the keyboard, for the single keys).
pub fn shortcuts(ui: &Ui) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.ctx().input_mut(|i| {
        for (shortcut, command) in [
            (OPEN, Command::Open),
            (SAVE_CORPUS, Command::SaveCorpus),
            (EXPORT_PNG, Command::ExportPng),
            (CLOSE_ALL, Command::CloseAll),
            (QUIT, Command::Quit),
            (SEARCH, Command::Search),
        ] {
            if i.consume_shortcut(&shortcut) {
                commands.push(command);
            }
        }
    });
    if !ui.ctx().egui_wants_keyboard_input() {
        ui.ctx().input_mut(|i| {
            if i.consume_key(Modifiers::NONE, Key::F) {
                commands.push(Command::FitAll);
            }
            // Redo first: Ctrl+Shift+Z also matches Ctrl+Z when shift is ignored. In a text field
            // these keys are the field's own.
            if i.consume_shortcut(&REDO) {
                commands.push(Command::Redo);
            } else if i.consume_shortcut(&UNDO) {
                commands.push(Command::Undo);
            }
        });
    }
    // Escape clears the selection unless a popup or text field uses it first.
    if ui.ctx().input(|i| i.key_pressed(Key::Escape)) && !ui.ctx().egui_wants_keyboard_input() {
        commands.push(Command::ClearSelection);
    }
    commands
}

fn item(ui: &mut Ui, text: &str, shortcut: Option<&KeyboardShortcut>) -> bool {
    let mut button = Button::new(text);
    if let Some(s) = shortcut {
        button = button.shortcut_text(ui.ctx().format_shortcut(s));
    }
    ui.add(button).clicked()
}

/// The menu bar's contents.
pub fn menu_bar(ui: &mut Ui, state: &MenuState) -> Option<Command> {
    let mut command = None;
    ui.menu_button("File", |ui| {
        if item(ui, "Open…", Some(&OPEN)) {
            command = Some(Command::Open);
        }
        if item(ui, "Open folder…", None) {
            command = Some(Command::OpenFolder);
        }
        ui.menu_button("Open recent", |ui| {
            if state.recent.is_empty() {
                ui.weak("Nothing opened yet");
            }
            for path in state.recent {
                if ui.button(path).clicked() {
                    command = Some(Command::OpenRecent(path.clone()));
                }
            }
            if !state.recent.is_empty() {
                ui.separator();
                if ui.button("Clear the list").clicked() {
                    command = Some(Command::ClearRecent);
                }
            }
        });
        ui.separator();
        if item(ui, "Open workspace…", None) {
            command = Some(Command::OpenWorkspace);
        }
        if ui
            .add_enabled(state.has_articles, Button::new("Save workspace"))
            .on_hover_text("The articles, your corrections, the layout and the view, in one .actormap file")
            .clicked()
        {
            command = Some(Command::SaveWorkspace);
        }
        if ui
            .add_enabled(state.has_articles, Button::new("Save workspace as…"))
            .clicked()
        {
            command = Some(Command::SaveWorkspaceAs);
        }
        if ui
            .add_enabled(state.has_articles, Button::new("Extract again"))
            .on_hover_text(
                "Read the open articles again with this version's extractor; your corrections are made again",
            )
            .clicked()
        {
            command = Some(Command::Reextract);
        }
        ui.separator();
        if ui
            .add_enabled(
                state.has_articles,
                Button::new("Save corpus as JSON…")
                    .shortcut_text(ui.ctx().format_shortcut(&SAVE_CORPUS)),
            )
            .clicked()
        {
            command = Some(Command::SaveCorpus);
        }
        if item(ui, "Export map as PNG…", Some(&EXPORT_PNG)) {
            command = Some(Command::ExportPng);
        }
        ui.add_enabled_ui(state.has_articles, |ui| {
            ui.menu_button("Export map as", |ui| {
                let mut legend = state.picture.legend;
                if ui.checkbox(&mut legend, "Legend on SVG and PNG").changed() {
                    command = Some(Command::SetPictureLegend(legend));
                }
                let mut title = state.picture.title.clone();
                if ui
                    .add(
                        egui::TextEdit::singleline(&mut title)
                            .hint_text("Title on SVG and PNG (optional)"),
                    )
                    .changed()
                {
                    command = Some(Command::SetPictureTitle(title));
                }
                ui.separator();
                for format in super::export_files::ExportFormat::ALL {
                    if ui.button(format.menu_label()).clicked() {
                        command = Some(Command::Export(format));
                    }
                }
            });
        });
        ui.separator();
        if item(ui, "Close all", Some(&CLOSE_ALL)) {
            command = Some(Command::CloseAll);
        }
        if item(ui, "Quit", Some(&QUIT)) {
            command = Some(Command::Quit);
        }
    });
    ui.menu_button("Edit", |ui| {
        let undo = state.undo.as_deref().map(|e| format!("Undo {e}"));
        if ui
            .add_enabled(
                undo.is_some(),
                Button::new(undo.as_deref().unwrap_or("Undo"))
                    .shortcut_text(ui.ctx().format_shortcut(&UNDO)),
            )
            .clicked()
        {
            command = Some(Command::Undo);
        }
        let redo = state.redo.as_deref().map(|e| format!("Redo {e}"));
        if ui
            .add_enabled(
                redo.is_some(),
                Button::new(redo.as_deref().unwrap_or("Redo"))
                    .shortcut_text(ui.ctx().format_shortcut(&REDO)),
            )
            .clicked()
        {
            command = Some(Command::Redo);
        }
    });
    ui.menu_button("View", |ui| {
        if item(ui, "Search actors…", Some(&SEARCH)) {
            command = Some(Command::Search);
        }
        if ui.add(Button::new("Fit all").shortcut_text("F")).clicked() {
            command = Some(Command::FitAll);
        }
        let mut legend = state.show_legend;
        if ui.checkbox(&mut legend, "Legend").changed() {
            command = Some(Command::ToggleLegend);
        }
        let mut labels = state.show_labels;
        if ui.checkbox(&mut labels, "Labels").changed() {
            command = Some(Command::ToggleLabels);
        }
        let mut timeline = state.show_timeline;
        if ui
            .checkbox(&mut timeline, "Timeline")
            .on_hover_text("Interactions over time; drag to filter the map by date")
            .changed()
        {
            command = Some(Command::ToggleTimeline);
        }
        let mut statistics = state.show_statistics;
        if ui
            .checkbox(&mut statistics, "Statistics")
            .on_hover_text("Most connected actors and interactions by kind")
            .changed()
        {
            command = Some(Command::ToggleStatistics);
        }
        let mut frame_time = state.show_frame_time;
        if ui
            .checkbox(&mut frame_time, "Frame time")
            .on_hover_text("How long each frame takes to build, in the status bar")
            .changed()
        {
            command = Some(Command::ToggleFrameTime);
        }
        ui.separator();
        ui.weak("Show actors");
        let mut filter = state.filter.clone();
        for kind in ActorKind::ALL {
            let mut shown = !filter.hidden_actor_kinds.contains(&kind);
            if ui.checkbox(&mut shown, actor_kind_plural(kind)).changed() {
                filter.hidden_actor_kinds.retain(|k| *k != kind);
                if !shown {
                    filter.hidden_actor_kinds.push(kind);
                }
            }
        }
        let mut hide_isolated = filter.isolated.hides(state.actors);
        let text = format!(
            "Hide actors with no interaction{}",
            if filter.isolated == Isolated::Auto {
                " (automatic)"
            } else {
                ""
            }
        );
        if ui
            .checkbox(&mut hide_isolated, text)
            .on_hover_text(format!(
                "Automatic: hidden once the map has more than {} actors",
                Isolated::AUTO_LIMIT
            ))
            .changed()
        {
            filter.isolated = if hide_isolated {
                Isolated::Hide
            } else {
                Isolated::Show
            };
        }
        ui.checkbox(&mut filter.group_by_country, "Group by country")
            .on_hover_text("Fold each country's officials and institutions into it; their interactions become the country's");
        ui.separator();
        ui.menu_button("Show interactions", |ui| {
            for family in Family::ALL {
                let kinds: Vec<InteractionKind> = InteractionKind::ALL
                    .iter()
                    .copied()
                    .filter(|k| k.family() == family)
                    .collect();
                let shown = kinds
                    .iter()
                    .filter(|k| !filter.hidden_kinds.contains(k))
                    .count();
                let mut all = shown == kinds.len();
                let label = format!(
                    "{} ({shown} of {} kinds)",
                    family_label(family),
                    kinds.len()
                );
                if ui
                    .checkbox(&mut all, RichText::new(label).strong())
                    .changed()
                {
                    filter.hidden_kinds.retain(|k| k.family() != family);
                    if !all {
                        filter.hidden_kinds.extend(&kinds);
                    }
                }
                ui.indent(family.as_str(), |ui| {
                    for kind in kinds {
                        let mut on = !filter.hidden_kinds.contains(&kind);
                        if ui
                            .checkbox(&mut on, kind.as_str())
                            .on_hover_text(kind.describe())
                            .changed()
                        {
                            filter.hidden_kinds.retain(|k| *k != kind);
                            if !on {
                                filter.hidden_kinds.push(kind);
                            }
                        }
                    }
                });
            }
            if !filter.hidden_kinds.is_empty() && ui.button("Show every kind").clicked() {
                filter.hidden_kinds.clear();
            }
        });
        ui.checkbox(
            &mut filter.show_unasserted,
            "Show negated, intended and hypothetical interactions",
        );
        ui.horizontal(|ui| {
            let label = ui.label("At least");
            ui.add(
                egui::DragValue::new(&mut filter.min_evidence)
                    .range(1..=20)
                    .suffix(" sentence(s)"),
            )
            .labelled_by(label.id);
        });
        if filter != *state.filter {
            command = Some(Command::SetFilter(filter));
        }
    });
    command
}
