//! Reading an article: its whole text below the map, scrolled to the sentence the user came from, that
//! sentence highlighted within its paragraph, and the selected actor's mentions or the selected
//! interaction's words marked as in the side panel. Previous/next step through the sentences.

use egui::text::{CCursor, TextFormat};
use egui::{Align, FontId, RichText, ScrollArea, TextStyle, Ui};

use crate::corpus::{Article, Corpus, Span};

use super::highlight::{Mark, floor_boundary, layout_job};
use super::selection::Selection;

/// Which article is open, at which sentence.
#[derive(Default)]
pub struct ArticleView {
    open: Option<OpenArticle>,
}

struct OpenArticle {
    article: String,
    sentence: Option<usize>,
    /// Scroll the sentence into view on the next frame.
    scroll: bool,
}

impl ArticleView {
    /// Opens `article` (an id), scrolled to `sentence` when given.
    pub fn show(&mut self, article: &str, sentence: Option<usize>) {
        self.open = Some(OpenArticle {
            article: article.to_string(),
            sentence,
            scroll: true,
        });
    }

    pub fn close(&mut self) {
        self.open = None;
    }

    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    /// The open article's id and sentence.
    pub fn current(&self) -> Option<(&str, Option<usize>)> {
        self.open.as_ref().map(|o| (o.article.as_str(), o.sentence))
    }

    /// The article and its controls; closes itself when the article is no longer open.
    /// Shows the open article; returns the correction asked for (removing the article), if any.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        corpus: &Corpus,
        selection: &Selection,
    ) -> Option<crate::curation::Edit> {
        let Some(open) = &mut self.open else {
            return None;
        };
        let Some(article) = corpus.article(&open.article) else {
            self.open = None;
            return None;
        };
        let mut close = false;
        let mut edit = None;
        let count = article.sentences.len();
        egui::containers::Sides::new().shrink_left().show(
            ui,
            |ui| {
                ui.add(egui::Label::new(RichText::new(&article.title).strong()).wrap())
                    .on_hover_text(&article.path);
            },
            |ui| {
                close = ui
                    .button("× Close")
                    .on_hover_text("Close the article")
                    .clicked();
                edit = super::curation_ui::article_controls(ui, &article.id);
                let next = open.sentence.map_or(0, |s| s + 1);
                if ui
                    .add_enabled(next < count, egui::Button::new("Next ›"))
                    .on_hover_text("Next sentence")
                    .clicked()
                {
                    open.sentence = Some(next);
                    open.scroll = true;
                }
                let previous = open.sentence.and_then(|s| s.checked_sub(1));
                if ui
                    .add_enabled(previous.is_some(), egui::Button::new("‹ Previous"))
                    .on_hover_text("Previous sentence")
                    .clicked()
                {
                    open.sentence = previous;
                    open.scroll = true;
                }
                if let Some(s) = open.sentence {
                    ui.weak(format!("sentence {} of {count}", s + 1));
                }
            },
        );
        if let Some(s) = open.sentence
            && let Some(e) = super::curation_ui::add_interaction_form(ui, corpus, &article.id, s)
        {
            edit = Some(e);
        }
        ui.separator();

        let marks = marks_for(article, open.sentence, corpus, selection);
        let base = TextFormat::simple(
            TextStyle::Body.resolve(ui.style()),
            ui.visuals().text_color(),
        );
        let base = TextFormat {
            font_id: FontId::proportional(base.font_id.size + 1.0),
            ..base
        };
        let scroll_to = open
            .sentence
            .filter(|_| open.scroll)
            .and_then(|s| article.sentences.get(s).copied());
        open.scroll = false;
        ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let mut job = layout_job(
                    &article.text,
                    Span::new(0, article.text.len()),
                    &marks,
                    &base,
                );
                job.wrap.max_width = ui.available_width();
                let galley = ui.painter().layout_job(job);
                let response = ui.label(galley.clone());
                if let Some(span) = scroll_to {
                    let first =
                        galley.pos_from_cursor(CCursor::new(char_index(&article.text, span.start)));
                    let last =
                        galley.pos_from_cursor(CCursor::new(char_index(&article.text, span.end)));
                    let target = first.union(last).translate(response.rect.min.to_vec2());
                    ui.scroll_to_rect(target, Some(Align::Center));
                }
            });
        if close {
            self.open = None;
        }
        edit
    }
}

/// What to highlight in the article: the sentence being read, and the words of the selection in it.
fn marks_for(
    article: &Article,
    sentence: Option<usize>,
    corpus: &Corpus,
    selection: &Selection,
) -> Vec<(Span, Mark)> {
    let mut marks = Vec::new();
    if let Some(span) = sentence.and_then(|s| article.sentences.get(s)) {
        marks.push((*span, Mark::Sentence));
    }
    match selection {
        Selection::Nothing => {}
        Selection::Actor(id) => {
            if let Some(actor) = corpus.actor(id) {
                marks.extend(
                    actor
                        .mentions
                        .iter()
                        .filter(|m| m.article == article.id)
                        .map(|m| (m.span(), Mark::Actor)),
                );
            }
        }
        Selection::Interaction(id) => {
            if let Some(it) = corpus.interactions.iter().find(|i| &i.id == id) {
                for e in it.evidence.iter().filter(|e| e.article == article.id) {
                    marks.extend(e.trigger.map(|s| (s, Mark::Trigger)));
                    marks.extend(e.source_span.map(|s| (s, Mark::Source)));
                    marks.extend(e.target_span.map(|s| (s, Mark::Target)));
                }
            }
        }
    }
    marks
}

/// The character index of byte `offset` of `text`.
fn char_index(text: &str, offset: usize) -> usize {
    text[..floor_boundary(text, offset)].chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_counts_characters_not_bytes() {
        let text = "Pakistan’s army";
        let army = text.find("army").unwrap();
        assert_eq!(char_index(text, army), 11);
        assert_eq!(
            char_index(text, 9),
            8,
            "inside the apostrophe counts from its start"
        );
        assert_eq!(char_index(text, 999), text.chars().count());
    }
}
