//! Search on the map (Ctrl+F): a field over the map's top-left corner; the actors whose name, alias or
//! title fits what is typed stand out on the map (the rest fades) with their labels shown; Enter selects
//! the best and brings it into view; Esc closes the search.
//!
//! Matching is fuzzy but predictable: a name that starts with the query beats one with a word that starts
//! with it, which beats one that merely contains it, which beats one that holds the query's letters in
//! order ("bdn" finds "Biden"). Case and accents are ignored.

use egui::{Align2, Id, Key, Rect, Ui, vec2};

use crate::corpus::Corpus;
use crate::graph::MapGraph;

/// Matches shown and labelled at most (the best ones).
pub const MAX_MATCHES: usize = 200;

/// How well `query` (already folded) fits `text`: higher is better, None when it does not fit at all.
pub fn score(query: &str, text: &str) -> Option<u32> {
    if query.is_empty() {
        return None;
    }
    let text = fold(text);
    if text == query {
        return Some(1000);
    }
    if text.starts_with(query) {
        return Some(900 - text.len().min(400) as u32);
    }
    if let Some(at) = text.find(query) {
        let word_start = text[..at].ends_with([' ', '-', '.', '\'']);
        return Some(if word_start { 700 } else { 500 } - text.len().min(400) as u32);
    }
    // The query's letters in order, closer together scoring higher.
    let mut chars = text.char_indices();
    let (mut first, mut last) = (None, 0);
    for q in query.chars() {
        let (i, _) = chars.by_ref().find(|&(_, c)| c == q)?;
        first.get_or_insert(i);
        last = i;
    }
    let spread = (last - first.unwrap_or(0)) as u32;
    Some(300u32.saturating_sub(spread * 4).max(1))
}

/// Lower case without accents, so "Erdogan" finds "Erdoğan".
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
            'ç' | 'č' | 'ć' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' => 'e',
            'ğ' => 'g',
            'ì' | 'í' | 'î' | 'ï' | 'ı' | 'ī' => 'i',
            'ñ' | 'ń' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
            'ş' | 'š' | 'ś' => 's',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
            'ý' | 'ÿ' => 'y',
            'ž' | 'ź' | 'ż' => 'z',
            '\u{2019}' | '\u{2018}' => '\'',
            c => c,
        })
        .collect()
}

/// The map's nodes that fit `query`, best first (then the most mentioned), at most `MAX_MATCHES`.
pub fn find(corpus: &Corpus, graph: &MapGraph, query: &str) -> Vec<usize> {
    let query = fold(query.trim());
    if query.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(u32, usize, usize)> = graph
        .nodes
        .iter()
        .enumerate()
        .filter_map(|(i, node)| {
            let actor = corpus.actors.get(node.actor)?;
            let names = std::iter::once(&actor.name)
                .chain(&actor.aliases)
                .chain(&actor.title);
            let best = names.filter_map(|n| score(&query, n)).max()?;
            Some((best, node.mentions, i))
        })
        .collect();
    hits.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    hits.into_iter()
        .take(MAX_MATCHES)
        .map(|(_, _, i)| i)
        .collect()
}

/// What the search field asked for this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchEvent {
    None,
    /// Enter: select the best match.
    Choose,
    /// Esc or the close button.
    Close,
}

/// The search field's state.
#[derive(Debug, Default)]
pub struct MapSearch {
    pub open: bool,
    pub query: String,
    focus: bool,
}

impl MapSearch {
    /// Opens the field (or puts the keyboard back in it) with its text selected for typing over.
    pub fn open(&mut self) {
        self.open = true;
        self.focus = true;
    }

    pub fn close(&mut self) {
        self.open = false;
        self.query.clear();
    }

    /// The query while the field is open, else nothing.
    pub fn active_query(&self) -> Option<&str> {
        (self.open && !self.query.trim().is_empty()).then_some(self.query.as_str())
    }

    /// Draws the field over the map's top-left corner; `matches` is how many actors fit.
    pub fn ui(&mut self, ui: &mut Ui, map: Rect, matches: usize) -> SearchEvent {
        if !self.open {
            return SearchEvent::None;
        }
        let mut event = SearchEvent::None;
        egui::Area::new(Id::unique("actormap-search"))
            .anchor(Align2::LEFT_TOP, vec2(10.0, 10.0))
            .constrain_to(map)
            .order(egui::Order::Foreground)
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.horizontal(|ui| {
                        let label = ui.label("Search:");
                        let field = egui::TextEdit::singleline(&mut self.query)
                            .hint_text("actor name, alias or title")
                            .desired_width(220.0);
                        let response = ui.add(field).labelled_by(label.id);
                        if std::mem::take(&mut self.focus) {
                            response.request_focus();
                        }
                        if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                            event = SearchEvent::Choose;
                            response.request_focus();
                        }
                        if response.has_focus() && ui.input(|i| i.key_pressed(Key::Escape)) {
                            event = SearchEvent::Close;
                        }
                        if !self.query.trim().is_empty() {
                            ui.weak(match matches {
                                0 => "no actor fits".to_string(),
                                1 => "1 actor · Enter selects".to_string(),
                                n if n >= MAX_MATCHES => {
                                    format!("{n}+ actors · Enter selects the best")
                                }
                                n => format!("{n} actors · Enter selects the best"),
                            });
                        }
                        if ui
                            .small_button("Close")
                            .on_hover_text("Close the search (Esc)")
                            .clicked()
                        {
                            event = SearchEvent::Close;
                        }
                    });
                });
            });
        event
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_prefix_beats_a_word_start_beats_a_substring_beats_scattered_letters() {
        let q = "bid";
        let prefix = score(q, "Biden").unwrap();
        let word = score(q, "Joe Biden").unwrap();
        let inside = score(q, "Forbidden City").unwrap();
        let scattered = score(q, "Board of Inquiry Delegation").unwrap();
        assert!(
            prefix > word && word > inside && inside > scattered,
            "{prefix} {word} {inside} {scattered}"
        );
        assert_eq!(score("xyz", "Biden"), None);
        assert_eq!(score("", "Biden"), None);
    }

    #[test]
    fn case_and_accents_do_not_matter() {
        assert_eq!(
            score(&fold("ERDOGAN"), "Recep Tayyip Erdoğan"),
            score("erdogan", "Recep Tayyip Erdogan")
        );
        assert!(score(&fold("Sao"), "São Tomé").is_some());
    }
}
