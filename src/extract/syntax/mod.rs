//! Syntax: each word's part of speech and its place in a dependency tree (head and relation), by models
//! trained on the Universal Dependencies English treebanks. Mentions and the arguments of events are read
//! from this tree.
//!
//! `tagger` (parts of speech) → `parser` (heads, through the `arc_eager` transitions) → `labeler`
//! (relation names). All three are averaged perceptrons over hashed `features` with `weights` tables; the
//! trained model ships as `assets/syntax.model` (`model_file`), made by `training` from CoNLL-U files
//! (`conllu`) and scored by `scores`. Nothing here knows about actors.

pub mod arc_eager;
pub mod conllu;
pub mod features;
pub mod labeler;
pub mod model_file;
pub mod parser;
pub mod scores;
pub mod tagger;
pub mod training;
pub mod weights;
pub mod words;

use features::WordForms;
use labeler::{Labeler, Tree};
use parser::{ParseInput, Parser};
use tagger::Tagger;

/// The trained tagger, parser and labeller.
#[derive(Debug, Clone, PartialEq)]
pub struct Syntax {
    pub tagger: Tagger,
    pub parser: Parser,
    pub labeler: Labeler,
}

/// One sentence's analysis, word by word.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Analysis {
    /// Universal part of speech (an index into `tagger::UPOS`).
    pub upos: Vec<u8>,
    /// The head of each word, numbered from 1 (0: the root).
    pub heads: Vec<u32>,
    /// The relation to the head (an index into the model's `labels()`).
    pub deprels: Vec<u16>,
}

impl Syntax {
    /// The model bundled into the binary.
    pub fn bundled() -> &'static Syntax {
        static MODEL: std::sync::OnceLock<Syntax> = std::sync::OnceLock::new();
        // The bundled model is checked by the tests; a broken one is a build defect, not user input.
        MODEL.get_or_init(|| model_file::read(include_bytes!("../../../assets/syntax.model")).expect("the bundled syntax model is valid"))
    }

    /// Relation names, as numbered in `Analysis::deprels`.
    pub fn labels(&self) -> &[String] {
        &self.labeler.labels
    }

    /// Tags and parses one sentence of words.
    pub fn analyse(&self, words: &[&str]) -> Analysis {
        if words.is_empty() {
            return Analysis::default();
        }
        let forms = tagger::padded_forms(words);
        let upos = self.tagger.tag(&forms);
        self.parse_tagged(&forms, upos)
    }

    /// Parses a sentence whose tags are given (forms from `tagger::padded_forms`).
    pub fn parse_tagged(&self, forms: &[WordForms], upos: Vec<u8>) -> Analysis {
        let words = &forms[2..forms.len() - 2];
        let heads = self.parser.parse(&ParseInput::new(words.iter().map(|f| f.lower), &upos));
        let deprels = self.labeler.label(&Tree { forms: words, tags: &upos, heads: &heads });
        Analysis { upos, heads, deprels }
    }
}

/// The CoNLL-U sentences of an article's text: the extractor's sentences and tokens, cut into syntactic
/// words and analysed (what `actormap parse` prints).
pub fn parse_text(model: &Syntax, text: &str) -> Vec<conllu::TreeSentence> {
    let mut out = Vec::new();
    for (k, span) in crate::extract::sentences::split(text).iter().enumerate() {
        let tokens = crate::extract::tokens::tokenize(text, span.start, span.end);
        let words: Vec<&str> = words::syntactic_words(text, &tokens).into_iter().map(|r| &text[r]).collect();
        if words.is_empty() {
            continue;
        }
        let a = model.analyse(&words);
        out.push(conllu::TreeSentence {
            id: format!("s{}", k + 1),
            text: text[span.start..span.end].split_whitespace().collect::<Vec<_>>().join(" "),
            words: words.iter().map(|w| w.to_string()).collect(),
            upos: a.upos.iter().map(|&t| tagger::UPOS[t as usize].to_string()).collect(),
            heads: a.heads,
            deprels: a.deprels.iter().map(|&d| model.labels()[d as usize].clone()).collect(),
        });
    }
    out
}

/// A small deterministic random number generator (SplitMix64) for shuffling training data, so that the
/// same data always trains the same model.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e3779b97f4a7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d049bb133111eb);
        z ^ (z >> 31)
    }

    /// A number in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}
