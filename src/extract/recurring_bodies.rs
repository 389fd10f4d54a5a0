//! Bodies the lists do not know, found by how the article names them: a single capitalised word that no
//! list holds and no person named in the article bears ("Zentrix", "Larkspur"), written again and again,
//! is the name of something the article keeps coming back to — in news, a firm, a website, a party or a
//! team far more often than a person, whom an article first names in full.
//!
//! The sentence reader leaves such words as name parts, which resolve only to people named before; this
//! pass looks across the article (after `recurring_names` has joined the full names of people) and makes
//! every occurrence of a recurring unclaimed word one institution of that name. A word the labeller read as
//! a thing at an occurrence was already thrown out there (`mention_types`), so only the occurrences it let
//! stand are counted.

use std::ops::Range;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::lexicon::Lexicon;
use super::mentions::{Candidate, Referent};
use super::tokens::{Token, normalise};

/// How many times a word must be written as a name part; at least once it must stand alone as a name of
/// its own inside a sentence (not where any word is capitalised, not a part of a longer name).
const MIN_OCCURRENCES: usize = 2;

/// Shorter capitalised words are letters and marks ("N" of a coordinate, "Q" of a transcript).
const MIN_LETTERS: usize = 3;

/// Turns recurring unclaimed name parts into institutions named by the word as written.
/// `sentence_starts` holds the first token of each sentence of the part read.
pub fn promote(
    lex: &Lexicon,
    text: &str,
    tokens: &[Token],
    mut candidates: Vec<Candidate>,
    sentence_starts: &[usize],
) -> Vec<Candidate> {
    let lone = |c: &Candidate| {
        matches!(c.referent, Referent::NamePart(_)) && !c.nested && c.tokens.len() == 1
    };
    if !candidates.iter().any(lone) {
        return candidates;
    }
    // Words any person or body of the article is named with: those name parts are theirs. A body whose
    // whole name is one word takes that word's name parts as its own mentions.
    let mut claimed: HashSet<String> = HashSet::default();
    let mut written: HashMap<String, String> = HashMap::default();
    // A body's one distinctive word ("Zentrix" of "Zentrix Inc"), and the body, unless two share it.
    let mut short_names: HashMap<String, Option<String>> = HashMap::default();
    for c in &candidates {
        let name = match &c.referent {
            Referent::Person { name, .. } => name.as_str(),
            Referent::Institution { name, .. } => {
                if !name.contains([' ', '-']) {
                    written
                        .entry(normalise(name))
                        .or_insert_with(|| name.clone());
                } else if let Some(short) = short_name(lex, name) {
                    short_names
                        .entry(short)
                        .and_modify(|full| {
                            if full.as_deref() != Some(name.as_str()) {
                                *full = None;
                            }
                        })
                        .or_insert_with(|| Some(name.clone()));
                }
                name.as_str()
            }
            _ => continue,
        };
        for w in normalise(name).split([' ', '-']).filter(|w| !w.is_empty()) {
            claimed.insert(w.to_string());
        }
    }
    // (occurrences, those standing alone inside a sentence) of each unclaimed lone word.
    let mut counts: HashMap<String, (usize, usize)> = HashMap::default();
    for c in candidates.iter().filter(|c| lone(c)) {
        let Referent::NamePart(w) = &c.referent else {
            continue;
        };
        let k = c.tokens.start;
        if w.chars().count() < MIN_LETTERS || claimed.contains(w) {
            continue;
        }
        let n = counts.entry(w.clone()).or_default();
        n.0 += 1;
        n.1 += usize::from(
            stands_alone(tokens, k, sentence_starts) && !opening(tokens, k, sentence_starts),
        );
    }
    let recurring = |w: &str| {
        counts
            .get(w)
            .is_some_and(|&(all, inside)| all >= MIN_OCCURRENCES && inside >= 1)
    };
    // One spelling per new body: the first written inside a sentence, so that an all-caps headline does
    // not name it.
    for opening_pass in [false, true] {
        for c in candidates.iter().filter(|c| lone(c)) {
            let Referent::NamePart(w) = &c.referent else {
                continue;
            };
            let opening = opening(tokens, c.tokens.start, sentence_starts);
            if opening == opening_pass && recurring(w) && !written.contains_key(w) {
                let t = &tokens[c.tokens.start];
                written.insert(w.clone(), text[t.start..t.end].to_string());
            }
        }
    }
    for c in candidates.iter_mut() {
        if !lone(c) {
            continue;
        }
        let Referent::NamePart(w) = &c.referent else {
            continue;
        };
        let short = short_names.get(w).and_then(Option::as_ref);
        if let Some(name) = written.get(w).or(short) {
            c.referent = Referent::Institution {
                name: name.clone(),
                sector: String::new(),
                country: None,
                acronym: None,
            };
            // Known only by its name, the body is not made the doer or the target of any act: the
            // reader cannot tell a firm from a place or a work the labeller did not know.
            c.name_only = true;
        }
    }
    candidates
}

/// The one word of a body's name that is neither a head word ("Church", "Inc") nor a small word ("of"):
/// what the article may later call the body by ("Orvale" for "the Church of Orvale").
fn short_name(lex: &Lexicon, name: &str) -> Option<String> {
    let mut rest = name
        .split([' ', '-'])
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter(|w| lex.heads_sector(w).is_none());
    let word = rest.next()?;
    (rest.next().is_none() && word.chars().count() >= MIN_LETTERS).then(|| normalise(word))
}

/// Whether the word at `k` is a name of its own: no capitalised word touches it ("the Lantern
/// Festival", "Ana Lopez") but a leading "The", and it is not the second half of "X of Y" ("the Bank
/// of Lisbon").
fn stands_alone(tokens: &[Token], k: usize, sentence_starts: &[usize]) -> bool {
    let start = sentence_start(k, sentence_starts);
    let capital = |i: usize| tokens[i].is_word() && tokens[i].capitalised;
    let before = k > start && capital(k - 1) && !tokens[k - 1].is("the");
    let of_name = k >= start + 2 && tokens[k - 1].is("of") && capital(k - 2);
    let after = tokens
        .get(k + 1)
        .is_some_and(|t| t.is_word() && t.capitalised)
        && sentence_starts.binary_search(&(k + 1)).is_err();
    !before && !of_name && !after
}

/// Whether the word at `k` opens its sentence or a quotation, where any word is written with a capital.
fn opening(tokens: &[Token], k: usize, sentence_starts: &[usize]) -> bool {
    let start = sentence_start(k, sentence_starts);
    k == start
        || tokens[start..k].iter().all(|t| !t.is_word())
        || matches!(
            tokens[k - 1].norm.as_str(),
            "\"" | "\u{201c}" | "'" | "\u{2018}" | ":" | "-" | "\u{2014}" | "\u{2013}"
        )
}

/// The first token of the sentence holding token `k`.
fn sentence_start(k: usize, sentence_starts: &[usize]) -> usize {
    match sentence_starts.binary_search(&k) {
        Ok(i) => sentence_starts[i],
        Err(0) => 0,
        Err(i) => sentence_starts[i - 1],
    }
}

/// The first token of each sentence, in order.
pub fn starts(sentence_tokens: &[Range<usize>]) -> Vec<usize> {
    sentence_tokens.iter().map(|r| r.start).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::recurring_names::tests::part;
    use crate::extract::tokens::tokenize;

    fn lex() -> Lexicon {
        Lexicon::bundled().unwrap()
    }

    #[test]
    fn a_recurring_unclaimed_word_is_one_institution() {
        let text = "Staff at Zentrix left. The board of Zentrix met.";
        let tokens = tokenize(text, 0, text.len());
        let at: Vec<usize> = (0..tokens.len())
            .filter(|&k| tokens[k].is("zentrix"))
            .collect();
        let cands: Vec<Candidate> = at.iter().map(|&k| part(&tokens, k, 0)).collect();
        let out = promote(&lex(), text, &tokens, cands, &[0, 4]);
        assert!(out.iter().all(|c| matches!(&c.referent,
            Referent::Institution { name, .. } if name == "Zentrix")));
    }

    #[test]
    fn a_word_of_a_persons_name_or_said_once_stays_a_name_part() {
        let text = "Darek Moravi spoke. Moravi left. Later Oskel came.";
        let tokens = tokenize(text, 0, text.len());
        let moravi: Vec<usize> = (0..tokens.len())
            .filter(|&k| tokens[k].is("moravi"))
            .collect();
        let mut cands = vec![Candidate {
            referent: Referent::Person {
                name: "Darek Moravi".into(),
                title: None,
                sector: None,
                country: None,
            },
            tokens: 0..2,
            ..part(&tokens, 0, 0)
        }];
        cands.push(part(&tokens, moravi[1], 0));
        let oskel = (0..tokens.len()).find(|&k| tokens[k].is("oskel")).unwrap();
        cands.push(part(&tokens, oskel, 0));
        let out = promote(&lex(), text, &tokens, cands, &[0]);
        assert!(matches!(out[1].referent, Referent::NamePart(_)));
        assert!(matches!(out[2].referent, Referent::NamePart(_)));
    }

    #[test]
    fn a_name_part_that_is_a_bodys_whole_name_is_that_body() {
        let text = "Orvale said so. Later Orvale left.";
        let tokens = tokenize(text, 0, text.len());
        let at: Vec<usize> = (0..tokens.len())
            .filter(|&k| tokens[k].is("orvale"))
            .collect();
        let body = Candidate {
            referent: Referent::Institution {
                name: "Orvale".into(),
                sector: String::new(),
                country: None,
                acronym: None,
            },
            ..part(&tokens, at[0], 0)
        };
        let out = promote(
            &lex(),
            text,
            &tokens,
            vec![body, part(&tokens, at[1], 0)],
            &[0, 4],
        );
        assert!(matches!(&out[1].referent,
            Referent::Institution { name, .. } if name == "Orvale"));
    }

    #[test]
    fn a_bodys_one_distinctive_word_is_its_short_name() {
        let lex = lex();
        assert_eq!(
            short_name(&lex, "Church of Orvale").as_deref(),
            Some("orvale")
        );
        assert_eq!(short_name(&lex, "Zentrix Inc").as_deref(), Some("zentrix"));
        assert_eq!(short_name(&lex, "Marta Ruiz Foundation"), None);
    }
}
