//! Typo tolerance for lexicon words ("Forign Minister", "disscussions"): a word of five or more letters
//! that is not itself a known word is read as the one lexicon word at edit distance 1 (one letter added,
//! dropped, replaced, or two neighbours swapped), when exactly one such word exists.
//!
//! Only lexicon words (titles, triggers, group nouns) are corrected, never names, and real English words
//! that happen to lie one edit from a lexicon word ("strives" and "strikes") are listed in
//! `assets/typo_guard.txt` and left alone. Candidates are found through a deletion index (every word with
//! one letter removed), so a lookup is a handful of hash probes rather than a scan of the vocabulary.

use std::collections::{HashMap, HashSet};

/// Shortest word that is ever corrected.
pub const MIN_LEN: usize = 5;

#[derive(Debug, Default, Clone)]
pub struct Speller {
    words: Vec<String>,
    known: HashSet<String>,
    guard: HashSet<String>,
    /// A word or one of its one-letter deletions → indices into `words`.
    deletions: HashMap<String, Vec<u32>>,
}

impl Speller {
    /// A speller for `vocabulary`, never correcting any word in `guard`.
    pub fn new<'a>(vocabulary: impl IntoIterator<Item = &'a str>, guard: impl IntoIterator<Item = &'a str>) -> Self {
        let mut s = Speller { guard: guard.into_iter().map(str::to_string).collect(), ..Speller::default() };
        for w in vocabulary {
            if s.known.insert(w.to_string()) && w.chars().count() >= MIN_LEN && w.chars().all(char::is_alphabetic) {
                let index = s.words.len() as u32;
                s.words.push(w.to_string());
                for d in std::iter::once(w.to_string()).chain(deletions(w)) {
                    let slot = s.deletions.entry(d).or_default();
                    if !slot.contains(&index) {
                        slot.push(index);
                    }
                }
            }
        }
        s
    }

    /// The lexicon word `word` (a normal form) is a typo of, if there is exactly one.
    pub fn correct(&self, word: &str) -> Option<&str> {
        if word.chars().count() < MIN_LEN || self.known.contains(word) || self.guard.contains(word) {
            return None;
        }
        if !word.chars().all(char::is_alphabetic) {
            return None;
        }
        let mut found: Option<u32> = None;
        let probes = std::iter::once(word.to_string()).chain(deletions(word));
        for probe in probes {
            for &i in self.deletions.get(&probe).into_iter().flatten() {
                if found == Some(i) || !within_one_edit(word, &self.words[i as usize]) {
                    continue;
                }
                if found.is_some() {
                    return None; // two lexicon words fit: too unsure to correct
                }
                found = Some(i);
            }
        }
        found.map(|i| self.words[i as usize].as_str())
    }
}

/// Every string made by removing one character from `w`.
fn deletions(w: &str) -> impl Iterator<Item = String> + '_ {
    w.char_indices().map(move |(i, c)| {
        let mut s = String::with_capacity(w.len());
        s.push_str(&w[..i]);
        s.push_str(&w[i + c.len_utf8()..]);
        s
    })
}

/// Whether `a` becomes `b` by one insertion, deletion, substitution or swap of neighbours.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a == b {
        return true;
    }
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if la == lb {
        let swap = prefix + 1 < la && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix] && a[prefix + 2..] == b[prefix + 2..];
        return swap || a[prefix + 1..] == b[prefix + 1..];
    }
    let (long, short) = if la > lb { (&a, &b) } else { (&b, &a) };
    long[prefix + 1..] == short[prefix..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speller() -> Speller {
        Speller::new(["foreign", "minister", "discussions", "strikes", "talks", "meeting", "meetings"], ["strives"])
    }

    #[test]
    fn one_missing_extra_or_wrong_letter_is_corrected() {
        let s = speller();
        assert_eq!(s.correct("forign"), Some("foreign"));
        assert_eq!(s.correct("disscussions"), Some("discussions"));
        assert_eq!(s.correct("ministar"), Some("minister"));
        assert_eq!(s.correct("minsiter"), Some("minister"));
    }

    #[test]
    fn known_words_short_words_and_guarded_words_are_left_alone() {
        let s = speller();
        assert_eq!(s.correct("foreign"), None);
        assert_eq!(s.correct("talk"), None, "shorter than five letters");
        assert_eq!(s.correct("strives"), None, "a real word one edit from a trigger");
        assert_eq!(s.correct("minstrel"), None, "two edits away");
    }

    #[test]
    fn a_word_one_edit_from_two_lexicon_words_is_not_guessed() {
        let s = Speller::new(["major", "mayor"], []);
        assert_eq!(s.correct("mazor"), None);
    }

    #[test]
    fn within_one_edit_agrees_with_its_definition() {
        assert!(within_one_edit("abcde", "abde"));
        assert!(within_one_edit("abcde", "abxde"));
        assert!(within_one_edit("abcde", "abdce"));
        assert!(!within_one_edit("abcde", "badce"));
        assert!(!within_one_edit("abcde", "abc"));
    }
}
