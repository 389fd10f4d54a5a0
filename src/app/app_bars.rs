//! The app's bars: the path field with its progress and Cancel, the save prompt, the status line, and the
//! hint shown while files are dragged over the window. A child of `app_state`, whose fields it reads.

use egui::{Align, Align2, Color32, FontId, Layout, Rect, Ui};

use super::ActormapApp;
use crate::app::menu::Command;
use crate::app::messages::plural;
use crate::app::open_files::{Purpose, typed_path};

impl ActormapApp {
    pub(super) fn path_bar(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            let label = ui.label("Open path:");
            let field = egui::TextEdit::singleline(&mut self.opener.typed_path)
                .hint_text("a file or folder, then Enter")
                .desired_width(ui.available_width().min(520.0));
            let response = ui.add(field).labelled_by(label.id);
            let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui
                .button("Open")
                .on_hover_text("Open the typed path")
                .clicked()
                || entered)
                && let Some(path) = typed_path(&self.opener.typed_path)
            {
                let ctx = ui.ctx().clone();
                self.open_paths(vec![path], &ctx);
            }
            ui.separator();
            if ui
                .button("Open…")
                .on_hover_text("Choose files (Ctrl+O)")
                .clicked()
            {
                commands.push(Command::Open);
            }
            if self.opener.is_opening() {
                self.progress_ui(ui);
            }
        });
    }

    /// Articles done of all, the reading rate, and Cancel.
    pub(super) fn progress_ui(&mut self, ui: &mut Ui) {
        let p = &self.progress;
        let secs = p.started.map_or(0.0, |t| t.elapsed().as_secs_f64());
        let rate = if secs > 0.2 {
            format!(" · {:.1} MB/s", p.bytes as f64 / 1e6 / secs)
        } else {
            String::new()
        };
        let text = if p.files_total > 0 {
            format!("{} / {} files{rate}", p.files, p.files_total)
        } else {
            "listing files…".to_string()
        };
        let fraction = if p.files_total > 0 {
            p.files as f32 / p.files_total as f32
        } else {
            0.0
        };
        ui.add(
            egui::ProgressBar::new(fraction)
                .text(text)
                .desired_width(220.0),
        );
        if ui
            .button("Cancel")
            .on_hover_text("Stop opening; what has opened stays on the map")
            .clicked()
        {
            self.opener.cancel();
            self.messages.status("Cancelling…");
        }
    }

    pub(super) fn save_prompt_ui(&mut self, ui: &mut Ui) {
        let Some(prompt) = &mut self.save_prompt else {
            return;
        };
        let mut save = false;
        let mut cancel = false;
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            let what = match prompt.purpose {
                Purpose::ExportPng => "Save the map picture to:",
                Purpose::Export(_) => "Export the map to:",
                Purpose::SaveWorkspace => "Save the workspace to:",
                Purpose::OpenWorkspace => "Open the workspace:",
                _ => "Save the corpus to:",
            };
            let label = ui.label(what);
            let r = ui
                .add(egui::TextEdit::singleline(&mut prompt.text).desired_width(420.0))
                .labelled_by(label.id);
            if std::mem::take(&mut prompt.focus) {
                r.request_focus();
            }
            save = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            save |= ui.button("Save").clicked();
            cancel = ui.button("Cancel").clicked();
            ui.weak("(no file was chosen in a dialog)");
        });
        ui.add_space(4.0);
        if cancel {
            self.save_prompt = None;
        } else if save && let Some(path) = typed_path(&prompt.text) {
            let purpose = prompt.purpose;
            self.save_prompt = None;
            self.save_to(purpose, path, ui.ctx());
        }
    }

    pub(super) fn status_ui(&self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            ui.label(self.messages.status_text());
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                let c = self.map.corpus();
                ui.weak(format!(
                    "{} article{} · {} actor{} · {} interaction{}",
                    c.articles.len(),
                    plural(c.articles.len()),
                    c.actors.len(),
                    plural(c.actors.len()),
                    c.interactions.len(),
                    plural(c.interactions.len())
                ));
                if !self.map.is_settled() {
                    ui.weak("laying out…");
                }
                if self.frame_times.shown {
                    ui.monospace(self.frame_times.summary());
                }
            });
        });
    }
}

/// While files are dragged over the window, says that dropping opens them.
pub(super) fn drop_hint(ui: &Ui, map: Rect) {
    let hovering = ui.ctx().input(|i| !i.raw.hovered_files.is_empty());
    if !hovering {
        return;
    }
    let painter = ui.painter_at(map);
    painter.rect_filled(
        map.shrink(12.0),
        12.0,
        Color32::from_rgba_unmultiplied(58, 110, 194, 40),
    );
    painter.text(
        map.center(),
        Align2::CENTER_CENTER,
        "Drop to open the files on the map",
        FontId::proportional(22.0),
        Color32::from_rgb(0x1c, 0x3d, 0x73),
    );
}
