//! Look-ups of an article's entities by a word of their name, so that coreference finds the people who
//! could be "Moravi" or the bodies that could be "the Ministry" in one step, not by a scan of every entity
//! named so far (a long article names thousands). The index only narrows the search: the caller still
//! checks each entity it returns, in the order a scan would have met them (ascending entity index).

use rustc_hash::FxHashMap as HashMap;

#[derive(Debug, Default)]
pub struct NameIndex {
    /// People by the last word of their name, normalised (the first thing two names must share).
    by_surname: HashMap<String, Vec<usize>>,
    /// People by each word of their names after the first, normalised.
    by_part: HashMap<String, Vec<usize>>,
    /// Bodies by the last word of their name, in lower case.
    by_head: HashMap<String, Vec<usize>>,
}

/// Adds `e` to `list`, which stays ascending and without repeats.
fn add(list: &mut Vec<usize>, e: usize) {
    if let Err(at) = list.binary_search(&e) {
        list.insert(at, e);
    }
}

impl NameIndex {
    /// The key people are filed under: the last word of the name, normalised.
    pub fn surname_key(name: &str) -> Option<String> {
        let last = name.split_whitespace().next_back()?;
        Some(super::tokens::normal_chars(last).collect())
    }

    /// The key bodies are filed under: the last space-separated word of the name, in lower case.
    pub fn head_key(name: &str) -> String {
        let lower = name.to_lowercase();
        lower.rsplit(' ').next().unwrap_or("").to_string()
    }

    pub fn add_person(&mut self, e: usize, name: &str) {
        if let Some(key) = Self::surname_key(name) {
            add(self.by_surname.entry(key).or_default(), e);
        }
    }

    pub fn add_part(&mut self, e: usize, part: &str) {
        match self.by_part.get_mut(part) {
            Some(list) => add(list, e),
            None => {
                self.by_part.insert(part.to_string(), vec![e]);
            }
        }
    }

    pub fn add_body(&mut self, e: usize, name: &str) {
        add(self.by_head.entry(Self::head_key(name)).or_default(), e);
    }

    /// People filed under the surname of `name`, ascending.
    pub fn people_like(&self, name: &str) -> &[usize] {
        Self::surname_key(name)
            .and_then(|k| self.by_surname.get(&k))
            .map_or(&[], Vec::as_slice)
    }

    /// People with `word` among the later words of their names, ascending.
    pub fn people_with_part(&self, word: &str) -> &[usize] {
        self.by_part.get(word).map_or(&[], Vec::as_slice)
    }

    /// Bodies whose name ends with `word` (in lower case), ascending.
    pub fn bodies_ending(&self, word: &str) -> &[usize] {
        self.by_head.get(word).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_are_found_by_surname_and_by_later_name_words_in_ascending_order() {
        let mut index = NameIndex::default();
        index.add_person(4, "Lena Okoro");
        index.add_person(1, "Darek Okoro");
        index.add_person(2, "Darek Moravi");
        index.add_part(4, "okoro");
        index.add_part(1, "okoro");
        index.add_part(1, "okoro");
        assert_eq!(index.people_like("Mr Okoro"), &[1, 4]);
        assert_eq!(index.people_like("Moravi"), &[2]);
        assert!(index.people_like("   ").is_empty());
        assert_eq!(index.people_with_part("okoro"), &[1, 4]);
        assert!(index.people_with_part("darek").is_empty());
    }

    #[test]
    fn bodies_are_found_by_the_last_word_of_their_name() {
        let mut index = NameIndex::default();
        index.add_body(3, "National Water Authority");
        index.add_body(0, "Ministry of Trade");
        assert_eq!(index.bodies_ending("authority"), &[3]);
        assert_eq!(index.bodies_ending("trade"), &[0]);
        assert!(index.bodies_ending("ministry").is_empty());
    }
}
