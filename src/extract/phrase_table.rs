//! Longest-match lookup of multi-word phrases over tokens: the one mechanism behind every gazetteer and
//! lexicon (countries, organisations, titles, triggers).
//!
//! Phrases are keyed by the normal form of their first token, so a lookup costs one hash probe per token
//! plus a comparison of the few phrases starting with that word. Each phrase remembers how its words were
//! capitalised in the list, so a lookup can insist that the text capitalises them too ("Security Council",
//! not "security council") and that short all-caps abbreviations match exactly ("US", not "us").

use rustc_hash::FxHashMap;

use super::tokens::{Token, tokenize};

/// How strictly a phrase word must match the case of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    /// Any case.
    Any,
    /// The text word must start with a capital.
    Capital,
    /// The text must be exactly as listed (short all-caps abbreviations: "US", "UN", "PM").
    Exact,
}

#[derive(Debug, Clone)]
struct Phrase<T> {
    words: Box<[(String, Case, Box<str>)]>,
    value: T,
}

/// How a table compares case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseRule {
    /// Capitalised list words must be capitalised in the text; short all-caps ones must match exactly.
    Proper,
    /// Only short all-caps abbreviations must match exactly; everything else in any case.
    Loose,
}

/// A table of phrases, each with a value.
#[derive(Debug, Clone)]
pub struct PhraseTable<T> {
    by_first: FxHashMap<String, Vec<Phrase<T>>>,
    rule: CaseRule,
}

/// A match: how many tokens it covers and the values of every phrase of that length there.
#[derive(Debug)]
pub struct Match<'a, T> {
    pub len: usize,
    pub values: Vec<&'a T>,
}

impl<T> PhraseTable<T> {
    pub fn new(rule: CaseRule) -> Self {
        PhraseTable { by_first: FxHashMap::default(), rule }
    }

    /// Adds `phrase` (tokenised like article text) with `value`. Empty phrases are ignored.
    pub fn insert(&mut self, phrase: &str, value: T) {
        let tokens = tokenize(phrase, 0, phrase.len());
        if tokens.is_empty() {
            return;
        }
        let words: Box<[(String, Case, Box<str>)]> = tokens
            .iter()
            .map(|t| {
                let raw = &phrase[t.start..t.end];
                let letters = raw.chars().filter(|c| c.is_alphabetic()).count();
                let case = if t.all_caps && letters <= 4 {
                    Case::Exact
                } else if self.rule == CaseRule::Proper && t.capitalised {
                    Case::Capital
                } else {
                    Case::Any
                };
                (t.norm.to_string(), case, raw.into())
            })
            .collect();
        self.by_first.entry(words[0].0.clone()).or_default().push(Phrase { words, value });
    }

    /// Whether any phrase starts with this normal form (a cheap pre-check).
    pub fn starts_with(&self, norm: &str) -> bool {
        self.by_first.contains_key(norm)
    }

    /// The longest phrase starting at token `i`. `key(j)` gives the form of token `j` to compare (its
    /// normal form, or a typo-corrected one).
    pub fn longest<'k>(
        &self,
        text: &str,
        tokens: &[Token],
        i: usize,
        key: impl Fn(usize) -> &'k str,
    ) -> Option<Match<'_, T>> {
        let candidates = self.by_first.get(key(i))?;
        let mut best: Option<Match<'_, T>> = None;
        for p in candidates {
            let n = p.words.len();
            if i + n > tokens.len() || best.as_ref().is_some_and(|b| b.len > n) {
                continue;
            }
            let fits = p.words.iter().enumerate().all(|(k, (norm, case, raw))| {
                let t = &tokens[i + k];
                key(i + k) == norm
                    && match case {
                        Case::Any => true,
                        Case::Capital => t.capitalised,
                        Case::Exact => t.text(text) == &**raw,
                    }
            });
            if !fits {
                continue;
            }
            match &mut best {
                Some(b) if b.len == n => b.values.push(&p.value),
                _ => best = Some(Match { len: n, values: vec![&p.value] }),
            }
        }
        best
    }

    /// The normal forms phrases start with.
    pub fn first_words(&self) -> impl Iterator<Item = &str> {
        self.by_first.keys().map(String::as_str)
    }

    /// Every distinct first word, for building spelling vocabularies.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.by_first.values().flatten().flat_map(|p| p.words.iter().map(|(w, _, _)| w.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(table: &PhraseTable<u32>, text: &str, i: usize) -> Option<(usize, Vec<u32>)> {
        let tokens = tokenize(text, 0, text.len());
        table.longest(text, &tokens, i, |j| tokens[j].norm.as_str()).map(|m| (m.len, m.values.into_iter().copied().collect()))
    }

    #[test]
    fn the_longest_phrase_wins() {
        let mut t = PhraseTable::new(CaseRule::Proper);
        t.insert("United", 1);
        t.insert("United States", 2);
        t.insert("United States of America", 3);
        assert_eq!(find(&t, "the United States of America said", 1), Some((4, vec![3])));
        assert_eq!(find(&t, "the United States said", 1), Some((2, vec![2])));
    }

    #[test]
    fn proper_names_must_be_capitalised_and_abbreviations_exact() {
        let mut t = PhraseTable::new(CaseRule::Proper);
        t.insert("Security Council", 1);
        t.insert("US", 2);
        assert_eq!(find(&t, "the security council", 1), None);
        assert_eq!(find(&t, "the Security Council", 1), Some((2, vec![1])));
        assert_eq!(find(&t, "told us", 1), None);
        assert_eq!(find(&t, "the US said", 1), Some((1, vec![2])));
    }

    #[test]
    fn loose_tables_ignore_case_and_keep_all_values_of_the_longest_match() {
        let mut t = PhraseTable::new(CaseRule::Loose);
        t.insert("host talks", 1);
        t.insert("host talks", 2);
        t.insert("Foreign Minister", 3);
        assert_eq!(find(&t, "to host talks", 1), Some((2, vec![1, 2])));
        assert_eq!(find(&t, "the foreign minister", 1), Some((2, vec![3])));
    }

    #[test]
    fn curly_apostrophes_match_straight_ones() {
        let mut t = PhraseTable::new(CaseRule::Proper);
        t.insert("Côte d'Ivoire", 1);
        assert_eq!(find(&t, "in Côte d’Ivoire", 1), Some((2, vec![1])));
    }
}
