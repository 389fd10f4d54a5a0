//! What the app tells the user: errors that stay on screen until dismissed (a file that could not be
//! opened, a picture that could not be saved) and a one-line status of the last thing that happened.
//!
//! Errors arrive as values whose `Display` already names the file and the reason; this module only keeps
//! and shows them.

use egui::{Color32, CornerRadius, Frame, Margin, RichText, Stroke, Ui};

/// How many errors the banner lists before summarising the rest.
const SHOWN_ERRORS: usize = 6;

#[derive(Default)]
pub struct Messages {
    errors: Vec<String>,
    status: String,
}

impl Messages {
    /// Adds an error to the banner (once: the same message again only moves to the top).
    pub fn error(&mut self, text: impl Into<String>) {
        let text = text.into();
        self.errors.retain(|e| *e != text);
        self.status = text.clone();
        self.errors.insert(0, text);
    }

    pub fn status(&mut self, text: impl Into<String>) {
        self.status = text.into();
    }

    pub fn errors(&self) -> &[String] {
        &self.errors
    }

    pub fn status_text(&self) -> &str {
        &self.status
    }

    pub fn dismiss_all(&mut self) {
        self.errors.clear();
    }

    /// The error banner; shows nothing when there is no error.
    pub fn banner_ui(&mut self, ui: &mut Ui) {
        if self.errors.is_empty() {
            return;
        }
        let mut dismiss = None;
        let mut dismiss_all = false;
        Frame::new()
            .fill(Color32::from_rgb(0xfd, 0xec, 0xea))
            .stroke(Stroke::new(1.0, Color32::from_rgb(0xe8, 0xa6, 0x9f)))
            .corner_radius(CornerRadius::same(4))
            .inner_margin(Margin::symmetric(10, 6))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                let red = Color32::from_rgb(0x9b, 0x1c, 0x1c);
                for (i, text) in self.errors.iter().enumerate().take(SHOWN_ERRORS) {
                    ui.horizontal(|ui| {
                        if ui
                            .small_button("×")
                            .on_hover_text("Dismiss this message")
                            .clicked()
                        {
                            dismiss = Some(i);
                        }
                        ui.label(RichText::new(text.as_str()).color(red));
                    });
                }
                ui.horizontal(|ui| {
                    if self.errors.len() > SHOWN_ERRORS {
                        ui.label(
                            RichText::new(format!("and {} more", self.errors.len() - SHOWN_ERRORS))
                                .color(red),
                        );
                    }
                    if self.errors.len() > 1 && ui.small_button("Dismiss all").clicked() {
                        dismiss_all = true;
                    }
                });
            });
        if let Some(i) = dismiss {
            self.errors.remove(i);
        }
        if dismiss_all {
            self.dismiss_all();
        }
    }
}

/// "s" unless `n` is one: `format!("{n} article{}", plural(n))`.
pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_is_listed_once_newest_first_and_also_becomes_the_status() {
        let mut m = Messages::default();
        m.error("Could not open a.txt: the file is empty");
        m.error("Could not open b.bin: it is not a text file");
        m.error("Could not open a.txt: the file is empty");
        assert_eq!(
            m.errors(),
            [
                "Could not open a.txt: the file is empty",
                "Could not open b.bin: it is not a text file"
            ]
        );
        assert_eq!(m.status_text(), "Could not open a.txt: the file is empty");
        m.status("Opened c.txt");
        assert_eq!(m.errors().len(), 2, "a status does not dismiss errors");
    }
}
