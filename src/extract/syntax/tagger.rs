//! The part-of-speech tagger: a greedy left-to-right averaged perceptron over the 17 universal tags.
//!
//! Each word is tagged from its own forms (lower case, affixes, shape), the two words either side and the
//! two tags already given to its left. Unknown words are read from their suffixes and shape ("-ization" is
//! a noun, "Xxx" mid-sentence a proper noun).

use super::features::{WordForms, key};
use super::weights::{Learner, Weights};

/// The universal part-of-speech tags, in the models' class order.
pub const UPOS: [&str; 17] = [
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ",
    "SYM", "VERB", "X",
];

/// The class number of a tag name (unknown names read as X).
pub fn upos_id(name: &str) -> u8 {
    UPOS.iter().position(|&t| t == name).unwrap_or(UPOS.len() - 1) as u8
}

/// Tags before the sentence start have this number (one past the last tag).
const START: u64 = UPOS.len() as u64;

/// Words either side of the one being tagged that features reach.
const PAD: usize = 2;

/// A sentence's word forms with two boundary words either side.
pub fn padded_forms(words: &[&str]) -> Vec<WordForms> {
    let mut forms = Vec::with_capacity(words.len() + 2 * PAD);
    forms.extend([WordForms::boundary("<s2>"), WordForms::boundary("<s1>")]);
    forms.extend(words.iter().map(|w| WordForms::of(w)));
    forms.extend([WordForms::boundary("</s1>"), WordForms::boundary("</s2>")]);
    forms
}

/// The features of word `i` (0-based) given the tags of the words before it.
fn features(forms: &[WordForms], i: usize, tags: &[u8], out: &mut Vec<u64>) {
    out.clear();
    let w = |d: isize| &forms[(i + PAD).wrapping_add_signed(d)];
    let t = |d: usize| if i >= d { tags[i - d] as u64 } else { START };
    let (w0, p1, p2, n1, n2) = (w(0), w(-1), w(-2), w(1), w(2));
    let (t1, t2) = (t(1), t(2));
    out.extend_from_slice(&[
        key(0, &[]),
        key(1, &[w0.lower]),
        key(2, &[w0.form]),
        key(3, &[w0.suffix[0]]),
        key(4, &[w0.suffix[1]]),
        key(5, &[w0.suffix[2]]),
        key(6, &[w0.suffix[3]]),
        key(7, &[w0.prefix[0]]),
        key(8, &[w0.prefix[1]]),
        key(9, &[w0.prefix[2]]),
        key(10, &[w0.shape]),
        key(11, &[w0.flags]),
        key(12, &[p1.lower]),
        key(13, &[p2.lower]),
        key(14, &[n1.lower]),
        key(15, &[n2.lower]),
        key(16, &[t1]),
        key(17, &[t2]),
        key(18, &[t1, t2]),
        key(19, &[t1, w0.lower]),
        key(20, &[p1.lower, w0.lower]),
        key(21, &[w0.lower, n1.lower]),
        key(22, &[p1.suffix[2]]),
        key(23, &[n1.suffix[2]]),
        key(24, &[n1.shape]),
        key(25, &[p1.shape]),
        key(26, &[t1, w0.suffix[2]]),
        key(27, &[(i == 0) as u64, w0.flags, w0.lower]),
        key(28, &[n1.suffix[1]]),
        key(29, &[p1.lower, n1.lower]),
        key(30, &[t1, n1.lower]),
    ]);
}

fn best(scores: &[f32]) -> usize {
    let mut b = 0;
    for (k, &s) in scores.iter().enumerate() {
        if s > scores[b] {
            b = k;
        }
    }
    b
}

/// A trained tagger.
#[derive(Debug, Clone, PartialEq)]
pub struct Tagger {
    pub weights: Weights,
}

impl Tagger {
    /// The tags of a sentence whose forms came from `padded_forms`.
    pub fn tag(&self, forms: &[WordForms]) -> Vec<u8> {
        let n = forms.len() - 2 * PAD;
        let mut tags = Vec::with_capacity(n);
        let mut feats = Vec::with_capacity(40);
        let mut scores = [0f32; UPOS.len()];
        for i in 0..n {
            features(forms, i, &tags, &mut feats);
            self.weights.score(&feats, &mut scores);
            tags.push(best(&scores) as u8);
        }
        tags
    }
}

/// A sentence to learn from: its padded forms and gold tags.
pub struct TaggedSentence {
    pub forms: Vec<WordForms>,
    pub tags: Vec<u8>,
}

/// How often a word seen once in training is shown as unknown.
const UNKNOWN_RATE: f64 = 0.5;

/// Trains a tagger for `epochs` passes over `sentences`, in an order shuffled by `seed`.
pub fn train(sentences: &[TaggedSentence], epochs: usize, seed: u64) -> Tagger {
    let mut learner = Learner::new(UPOS.len());
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = super::Rng(seed);
    let mut feats = Vec::with_capacity(40);
    let mut scores = [0f32; UPOS.len()];
    // Words seen once are, half the time, shown without their identity (only affixes and shape), so the
    // tagger learns to read words it never saw: most names in the news are such words.
    let mut counts: rustc_hash::FxHashMap<u64, u32> = Default::default();
    for s in sentences {
        for f in &s.forms[PAD..s.forms.len() - PAD] {
            *counts.entry(f.lower).or_default() += 1;
        }
    }
    let unknown = super::features::hash_str("<unknown>");
    let mut forms: Vec<WordForms> = Vec::new();
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &s in &order {
            let s = &sentences[s];
            forms.clear();
            forms.extend(s.forms.iter().map(|f| {
                let mut f = *f;
                if counts.get(&f.lower) == Some(&1) && rng.unit() < UNKNOWN_RATE {
                    f.lower = unknown;
                    f.form = unknown;
                }
                f
            }));
            let mut tags: Vec<u8> = Vec::with_capacity(s.tags.len());
            for i in 0..s.tags.len() {
                features(&forms, i, &tags, &mut feats);
                scores.fill(0.0);
                learner.score(&feats, &mut scores);
                let guess = best(&scores);
                learner.update(&feats, s.tags[i] as usize, guess, 1.0);
                learner.tick();
                tags.push(guess as u8);
            }
        }
    }
    Tagger { weights: learner.freeze() }
}
