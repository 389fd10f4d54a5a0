//! Longest-match lookup of multi-word phrases over tokens: the one mechanism behind every gazetteer and
//! lexicon (countries, organisations, titles, triggers).
//!
//! Words are numbered once (`Vocab`, shared by all tables of a lexicon) and an article's tokens are
//! numbered once, so a lookup walks a trie comparing numbers: one probe for the first word, then a short
//! scan of the continuations per further word, and never a string compare. Each phrase remembers how its words were
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

/// A phrase ending at a trie node: how each of its words must be capitalised, and its value.
#[derive(Debug, Clone)]
struct Phrase<T> {
    /// Per word: the case rule and the word as listed. Empty when no word has a rule beyond `Any`.
    cases: Box<[(Case, Box<str>)]>,
    value: T,
}

impl<T> Phrase<T> {
    /// Whether the text's tokens from `i` are capitalised as this phrase requires.
    fn case_fits(&self, text: &str, tokens: &[Token], i: usize) -> bool {
        self.cases
            .iter()
            .enumerate()
            .all(|(k, (case, raw))| match case {
                Case::Any => true,
                Case::Capital => tokens[i + k].capitalised,
                Case::Exact => tokens[i + k].text(text) == &**raw,
            })
    }
}

/// A trie node: the phrases that end here and the words that continue them.
#[derive(Debug, Clone)]
struct Node<T> {
    ends: Vec<Phrase<T>>,
    /// Next word → node index: usually a handful, scanned in order; a node with many ("the …",
    /// "national …") also keeps them hashed in `wide`.
    next: Vec<(u32, u32)>,
    wide: Option<FxHashMap<u32, u32>>,
}

/// Continuations beyond which a node hashes them.
const WIDE: usize = 8;

impl<T> Node<T> {
    fn child(&self, word: u32) -> Option<u32> {
        match &self.wide {
            Some(map) => map.get(&word).copied(),
            None => self.next.iter().find(|(w, _)| *w == word).map(|&(_, n)| n),
        }
    }

    fn add_child(&mut self, word: u32, node: u32) {
        self.next.push((word, node));
        if let Some(map) = &mut self.wide {
            map.insert(word, node);
        } else if self.next.len() > WIDE {
            self.wide = Some(self.next.iter().copied().collect());
        }
    }
}

/// Numbers for words (normal forms). Tables built with one vocabulary are looked up with its numbers.
#[derive(Debug, Clone, Default)]
pub struct Vocab {
    ids: FxHashMap<Box<str>, u32>,
    words: Vec<Box<str>>,
}

/// The number of a word no table knows.
pub const UNKNOWN: u32 = u32::MAX;

impl Vocab {
    /// The word's number, adding it when new.
    pub fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.words.len() as u32;
        self.words.push(word.into());
        self.ids.insert(word.into(), id);
        id
    }

    /// The word's number, or `UNKNOWN`.
    pub fn id(&self, word: &str) -> u32 {
        self.ids.get(word).copied().unwrap_or(UNKNOWN)
    }

    /// The word numbered `id`.
    pub fn word(&self, id: u32) -> &str {
        self.words.get(id as usize).map_or("", |w| w)
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
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
    /// First word → trie node; one hash probe per token looked up.
    by_first: FxHashMap<u32, u32>,
    nodes: Vec<Node<T>>,
    rule: CaseRule,
}

/// A match: how many tokens it covers and the values of every phrase of that length there.
#[derive(Debug)]
pub struct Match<'a, T> {
    pub len: usize,
    pub values: Values<'a, T>,
}

/// The values of a match: nearly always one, kept without allocating.
#[derive(Debug)]
pub struct Values<'a, T> {
    first: &'a T,
    rest: Vec<&'a T>,
}

impl<'a, T> Values<'a, T> {
    fn one(first: &'a T) -> Self {
        Values {
            first,
            rest: Vec::new(),
        }
    }

    fn push(&mut self, v: &'a T) {
        self.rest.push(v);
    }

    pub fn iter(&self) -> impl Iterator<Item = &&'a T> {
        std::iter::once(&self.first).chain(self.rest.iter())
    }

    pub fn len(&self) -> usize {
        1 + self.rest.len()
    }

    pub fn is_empty(&self) -> bool {
        false
    }
}

impl<'a, T> std::ops::Index<usize> for Values<'a, T> {
    type Output = &'a T;

    fn index(&self, i: usize) -> &&'a T {
        if i == 0 {
            &self.first
        } else {
            &self.rest[i - 1]
        }
    }
}

impl<'a, T> IntoIterator for Values<'a, T> {
    type Item = &'a T;
    type IntoIter = std::iter::Chain<std::iter::Once<&'a T>, std::vec::IntoIter<&'a T>>;

    fn into_iter(self) -> Self::IntoIter {
        std::iter::once(self.first).chain(self.rest)
    }
}

impl<T> PhraseTable<T> {
    pub fn new(rule: CaseRule) -> Self {
        PhraseTable {
            by_first: FxHashMap::default(),
            nodes: Vec::new(),
            rule,
        }
    }

    fn new_node(&mut self) -> u32 {
        self.nodes.push(Node {
            ends: Vec::new(),
            next: Vec::new(),
            wide: None,
        });
        (self.nodes.len() - 1) as u32
    }

    /// Adds `phrase` (tokenised like article text) with `value`, numbering its words in `vocab`. Empty
    /// phrases are ignored.
    pub fn insert(&mut self, vocab: &mut Vocab, phrase: &str, value: T) {
        let tokens = tokenize(phrase, 0, phrase.len());
        let Some(first) = tokens.first() else {
            return;
        };
        let first = vocab.intern(&first.norm);
        let mut node = match self.by_first.get(&first) {
            Some(&n) => n,
            None => {
                let n = self.new_node();
                self.by_first.insert(first, n);
                n
            }
        };
        for t in &tokens[1..] {
            let word = vocab.intern(&t.norm);
            node = match self.nodes[node as usize].child(word) {
                Some(n) => n,
                None => {
                    let n = self.new_node();
                    self.nodes[node as usize].add_child(word, n);
                    n
                }
            };
        }
        let mut cases: Vec<(Case, Box<str>)> = tokens
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
                (case, raw.into())
            })
            .collect();
        if cases.iter().all(|(c, _)| *c == Case::Any) {
            cases.clear();
        }
        self.nodes[node as usize].ends.push(Phrase {
            cases: cases.into(),
            value,
        });
    }

    /// Whether any phrase starts with the word numbered `word`.
    pub fn starts_with(&self, word: u32) -> bool {
        self.by_first.contains_key(&word)
    }

    /// The longest phrase starting at token `i`. `key(j)` gives the number (in the table's vocabulary)
    /// of the form of token `j` to compare: its normal form, or a typo-corrected one. Walks the trie one token at a time; a longer phrase whose
    /// capitalisation does not fit gives way to the longest shorter one that does.
    pub fn longest(
        &self,
        text: &str,
        tokens: &[Token],
        i: usize,
        key: impl Fn(usize) -> u32,
    ) -> Option<Match<'_, T>> {
        if i >= tokens.len() {
            return None;
        }
        let mut node = *self.by_first.get(&key(i))?;
        let mut len = 1;
        let mut best: Option<Match<'_, T>> = None;
        loop {
            let n = &self.nodes[node as usize];
            let mut here: Option<Match<'_, T>> = None;
            for p in &n.ends {
                if p.case_fits(text, tokens, i) {
                    match &mut here {
                        Some(m) => m.values.push(&p.value),
                        None => {
                            here = Some(Match {
                                len,
                                values: Values::one(&p.value),
                            })
                        }
                    }
                }
            }
            if here.is_some() {
                best = here;
            }
            if n.next.is_empty() || i + len >= tokens.len() {
                return best;
            }
            match n.child(key(i + len)) {
                Some(c) => {
                    node = c;
                    len += 1;
                }
                None => return best,
            }
        }
    }

    /// `longest`, skipped outright (no hash probe) when `may_start` says no phrase can begin here: the
    /// per-token `lexicon::starts` bits answer that for every table at once.
    pub fn longest_if(
        &self,
        may_start: bool,
        text: &str,
        tokens: &[Token],
        i: usize,
        key: impl Fn(usize) -> u32,
    ) -> Option<Match<'_, T>> {
        if may_start {
            self.longest(text, tokens, i, key)
        } else {
            None
        }
    }

    /// The numbers of the words phrases start with.
    pub fn first_words(&self) -> impl Iterator<Item = u32> {
        self.by_first.keys().copied()
    }

    /// The numbers of every word of every phrase, for building spelling vocabularies.
    pub fn words(&self) -> impl Iterator<Item = u32> {
        self.first_words().chain(
            self.nodes
                .iter()
                .flat_map(|n| n.next.iter().map(|&(w, _)| w)),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(
        table: &PhraseTable<u32>,
        vocab: &Vocab,
        text: &str,
        i: usize,
    ) -> Option<(usize, Vec<u32>)> {
        let tokens = tokenize(text, 0, text.len());
        table
            .longest(text, &tokens, i, |j| vocab.id(&tokens[j].norm))
            .map(|m| (m.len, m.values.into_iter().copied().collect()))
    }

    #[test]
    fn the_longest_phrase_wins() {
        let (mut t, mut v) = (PhraseTable::new(CaseRule::Proper), Vocab::default());
        t.insert(&mut v, "United", 1);
        t.insert(&mut v, "United States", 2);
        t.insert(&mut v, "United States of America", 3);
        assert_eq!(
            find(&t, &v, "the United States of America said", 1),
            Some((4, vec![3]))
        );
        assert_eq!(
            find(&t, &v, "the United States said", 1),
            Some((2, vec![2]))
        );
    }

    #[test]
    fn proper_names_must_be_capitalised_and_abbreviations_exact() {
        let (mut t, mut v) = (PhraseTable::new(CaseRule::Proper), Vocab::default());
        t.insert(&mut v, "Trade Council", 1);
        t.insert(&mut v, "US", 2);
        assert_eq!(find(&t, &v, "the trade council", 1), None);
        assert_eq!(find(&t, &v, "the Trade Council", 1), Some((2, vec![1])));
        assert_eq!(find(&t, &v, "told us", 1), None);
        assert_eq!(find(&t, &v, "the US said", 1), Some((1, vec![2])));
    }

    #[test]
    fn loose_tables_ignore_case_and_keep_all_values_of_the_longest_match() {
        let (mut t, mut v) = (PhraseTable::new(CaseRule::Loose), Vocab::default());
        t.insert(&mut v, "host talks", 1);
        t.insert(&mut v, "host talks", 2);
        t.insert(&mut v, "Foreign Minister", 3);
        assert_eq!(find(&t, &v, "to host talks", 1), Some((2, vec![1, 2])));
        assert_eq!(find(&t, &v, "the foreign minister", 1), Some((2, vec![3])));
    }

    #[test]
    fn curly_apostrophes_match_straight_ones() {
        let (mut t, mut v) = (PhraseTable::new(CaseRule::Proper), Vocab::default());
        t.insert(&mut v, "Côte d'Ivoire", 1);
        assert_eq!(find(&t, &v, "in Côte d’Ivoire", 1), Some((2, vec![1])));
    }
}
