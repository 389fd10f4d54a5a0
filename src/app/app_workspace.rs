//! Workspaces in the app: File › Save / Save as / Open workspace, Extract again, the recovery file
//! written every minute while there are unsaved changes, the offer to recover after a crash, and the
//! question before quitting with unsaved changes. A child of `app_state`, whose fields it reads; the
//! file itself is the library's (`workspace`).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui::{Align2, Ui, ViewportCommand};

use super::{ActormapApp, MapState};
use crate::app::messages::plural;
use crate::app::selection::Selection;
use crate::extract::Extractor;
use crate::workspace::Workspace;

/// How often unsaved changes are written to the recovery file.
const AUTOSAVE_EVERY: Duration = Duration::from_secs(60);

impl ActormapApp {
    /// Everything on screen as a workspace: the extraction, the corrections, where the nodes are and
    /// which are pinned, the filter, the view and the open panels.
    pub fn workspace(&self) -> Workspace {
        use crate::workspace::{Panels, View};
        let mut w = Workspace::new(self.map.base().clone());
        w.edits = self.map.edits().clone();
        (w.positions, w.pinned) = self.map.places();
        w.filter = self.map.filter().clone();
        let (centre, zoom) = self.view.view();
        w.view = View { centre, zoom };
        w.panels = Panels {
            legend: self.view.show_legend,
            labels: self.view.show_labels,
            timeline: self.timeline.open,
            statistics: self.stats.open,
            article: self.article.is_open(),
        };
        w
    }

    /// Extracts the open articles again and makes the corrections again; says which no longer apply.
    pub fn reextract(&mut self) {
        let skipped = self.map.reextract(Extractor::bundled());
        self.changes += 1;
        for (n, why) in &skipped {
            self.messages
                .error(format!("Correction {} no longer applies: {why}", n + 1));
        }
        self.messages.status(format!(
            "Extracted {} article{} again; {} of {} corrections made again.",
            self.map.corpus().articles.len(),
            plural(self.map.corpus().articles.len()),
            self.map.edits().len() - skipped.len(),
            self.map.edits().len()
        ));
    }

    /// Saves the workspace at `path` (atomically) and remembers it for File › Save workspace.
    pub fn save_workspace(&mut self, path: PathBuf) {
        match self.workspace().save(&path) {
            Ok(()) => {
                self.messages
                    .status(format!("Saved the workspace to {}.", path.display()));
                self.workspace_path = Some(path);
                self.saved_changes = self.changes;
                // Saved: nothing left to recover.
                if self.persist {
                    let _ = crate::workspace::discard_recovery();
                }
                if self.quit_after_save {
                    self.quit_after_save = false;
                    self.quit_confirmed = true;
                }
            }
            Err(e) => self.messages.error(e),
        }
    }

    /// Replaces what is open by the workspace at `path`, as it was when saved; the open map is kept
    /// when the file cannot be read.
    pub fn open_workspace(&mut self, path: &std::path::Path) {
        let w = match Workspace::load(path) {
            Ok(w) => w,
            Err(e) => return self.messages.error(e),
        };
        self.restore_workspace(w);
        self.workspace_path = Some(path.to_path_buf());
        self.changes += 1;
        self.saved_changes = self.changes;
        self.messages
            .status(format!("Opened the workspace {}.", path.display()));
    }

    /// Shows `w` as it was saved, in place of what is open.
    fn restore_workspace(&mut self, w: Workspace) {
        let newer_extractor = !w.is_from_this_extractor();
        let mut map = MapState::new(w.corpus);
        map.set_filter(w.filter);
        map.set_edits(w.edits);
        map.restore_places(&w.positions, &w.pinned);
        if newer_extractor {
            // Saved by another version: what this extractor finds, with the corrections made again.
            map.reextract(Extractor::bundled());
        }
        for (n, why) in map.skipped_edits() {
            self.messages
                .error(format!("Correction {} no longer applies: {why}", n + 1));
        }
        self.map = map;
        self.view.set_view(w.view.centre, w.view.zoom);
        self.view.show_legend = w.panels.legend;
        self.view.show_labels = w.panels.labels;
        self.timeline.open = w.panels.timeline;
        self.stats.open = w.panels.statistics;
        self.article.close();
        self.selection = Selection::Nothing;
    }

    /// Offers, on the next frame, the unsaved work of a session that did not close normally (the
    /// window's start; not for tests and screenshots, which leave the recovery file alone).
    pub fn offer_recovery(&mut self) {
        self.recovery = crate::workspace::take_recovery();
    }

    /// Whether there are changes since the workspace was last saved or opened.
    pub fn has_unsaved_changes(&self) -> bool {
        self.changes != self.saved_changes && !self.map.corpus().is_empty()
    }

    /// Writes the recovery file when there are unsaved changes and a minute has passed since the last.
    pub(super) fn autosave(&mut self) {
        if !self.persist || !self.has_unsaved_changes() {
            return;
        }
        if self
            .last_autosave
            .is_some_and(|t| t.elapsed() < AUTOSAVE_EVERY)
        {
            return;
        }
        self.last_autosave = Some(Instant::now());
        if let Err(e) = crate::workspace::save_recovery(&self.workspace()) {
            self.messages
                .error(format!("Could not write the recovery file: {e}"));
        }
    }

    /// After a crash: the offer to bring back what was not saved.
    pub(super) fn recovery_ui(&mut self, ui: &mut Ui) {
        let Some(w) = &self.recovery else { return };
        let summary = format!(
            "actormap did not close normally last time. Recover the unsaved map ({} article{}, {} correction{})?",
            w.corpus.articles.len(),
            plural(w.corpus.articles.len()),
            w.edits.len(),
            plural(w.edits.len()),
        );
        let (mut recover, mut discard) = (false, false);
        egui::Window::new("Recover unsaved work")
            .collapsible(false)
            .resizable(false)
            .anchor(Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ui.ctx(), |ui| {
                ui.label(summary);
                ui.horizontal(|ui| {
                    recover = ui.button("Recover").clicked();
                    discard = ui.button("Discard").clicked();
                });
            });
        if recover {
            if let Some(w) = self.recovery.take() {
                self.restore_workspace(w);
                // Recovered, not saved: it stays unsaved until the user saves it.
                self.changes += 1;
                self.messages
                    .status("Recovered the unsaved map. Save it with File › Save workspace.");
            }
        } else if discard {
            self.recovery = None;
            let _ = crate::workspace::discard_recovery();
        }
    }

    /// Before the window closes: with unsaved changes, ask first; on a clean exit the recovery file goes.
    pub(super) fn before_close(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if ctx.input(|i| i.viewport().close_requested()) {
            if self.has_unsaved_changes() && !self.quit_confirmed {
                ctx.send_viewport_cmd(ViewportCommand::CancelClose);
                self.quit_prompt = true;
            } else if self.persist {
                let _ = crate::workspace::discard_recovery();
            }
        }
        if !self.quit_prompt {
            return;
        }
        let (mut save, mut quit, mut cancel) = (false, false, false);
        egui::Window::new("Unsaved changes")
            .collapsible(false)
            .resizable(false)
            .anchor(Align2::CENTER_CENTER, [0.0, 0.0])
            .show(&ctx, |ui| {
                ui.label("The map has changes that are not saved in a workspace.");
                ui.horizontal(|ui| {
                    save = ui.button("Save workspace…").clicked();
                    quit = ui.button("Quit without saving").clicked();
                    cancel = ui.button("Cancel").clicked();
                });
            });
        if save {
            self.quit_prompt = false;
            self.quit_after_save = true;
            match self.workspace_path.clone() {
                Some(path) => self.save_workspace(path),
                None => self.pick(super::Purpose::SaveWorkspace, &ctx),
            }
        } else if quit {
            self.quit_prompt = false;
            self.quit_confirmed = true;
        } else if cancel {
            self.quit_prompt = false;
            self.quit_after_save = false;
        }
        if self.quit_confirmed {
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }
}
