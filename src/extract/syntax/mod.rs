//! Syntax: each word's part of speech and its place in a dependency tree (head and relation), by one
//! network trained on the Universal Dependencies English treebanks. Mentions and the arguments of events
//! are read from this tree.
//!
//! `embed` (a word's hashed forms) → `network` (recurrent encoder; tag, arc and relation scorers, built on
//! `linalg`) → `decode` (the best tree). The trained model ships as `assets/syntax.model` (`model_file`),
//! made by `training` (with `gradients`) from CoNLL-U files (`conllu`) and scored by `scores`. `words`
//! cuts the extractor's tokens as the treebanks do. Nothing here knows about actors. (`features` and
//! `weights`, averaged perceptrons over hashed features, are kept for the mention-type labeller.)

pub mod conllu;
pub mod decode;
pub mod embed;
pub mod features;
pub mod gradients;
pub mod linalg;
pub mod model_file;
pub mod network;
pub mod quant;
pub mod scores;
pub mod tagger;
pub mod training;
pub mod weights;
pub mod words;

use network::{Network, Pass, Quantized};

/// The trained network and the names of the relations it gives.
#[derive(Debug, Clone, PartialEq)]
pub struct Syntax {
    pub network: Network,
    labels: Vec<String>,
    /// The number of `root` among `labels`.
    root: u16,
    /// The network's matrices in bytes, where the processor multiplies bytes fast.
    quantized: Option<Quantized>,
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
    /// A model from its network and relation names, which must fit it and include `root`.
    pub fn new(network: Network, labels: Vec<String>) -> Result<Syntax, String> {
        if labels.len() != network.dims.labels {
            return Err(format!(
                "{} relation names for a network of {}",
                labels.len(),
                network.dims.labels
            ));
        }
        let root = labels
            .iter()
            .position(|l| l == "root")
            .ok_or("no relation named root")? as u16;
        let quantized = Quantized::of(&network);
        Ok(Syntax {
            network,
            labels,
            root,
            quantized,
        })
    }

    /// The model bundled into the binary.
    pub fn bundled() -> &'static Syntax {
        static MODEL: std::sync::OnceLock<Syntax> = std::sync::OnceLock::new();
        // The bundled model is checked by the tests; a broken one is a build defect, not user input.
        MODEL.get_or_init(|| {
            model_file::read(include_bytes!("../../../assets/syntax.model"))
                .expect("the bundled syntax model is valid")
        })
    }

    /// Relation names, as numbered in `Analysis::deprels`.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// Tags and parses one sentence of words. A sentence longer than [`MAX_PARSE_WORDS`] (a run of text
    /// with no sentence stop; no treebank sentence is that long) is parsed in windows of that many words,
    /// each window's root attached to the first's as `parataxis`: finding the best tree costs up to the
    /// cube of the words parsed together, and a window bounds it.
    pub fn analyse(&self, words: &[&str]) -> Analysis {
        let n = words.len();
        if n == 0 {
            return Analysis::default();
        }
        if n > MAX_PARSE_WORDS {
            return self.analyse_in_windows(words);
        }
        let net = &self.network;
        let d = net.dims;
        let mut scratch = embed::Scratch::default();
        let rows = words
            .iter()
            .map(|w| embed::rows(w, d.table_rows, &mut scratch))
            .collect();
        let q = self.quantized.as_ref();
        let pass = Pass::run(net, q, std::iter::once(0..n).collect(), rows, None);
        let upos = (0..n)
            .map(|w| linalg::argmax(pass.col(&d, w, 0, d.tags)) as u8)
            .collect();
        let (mut g, mut scores) = (Vec::new(), Vec::new());
        network::arc_scores(net, &pass, 0..n, &mut g, &mut scores);
        let heads = decode::tree(n, &scores);
        let label_scores = network::sentence_label_scores(net, q, &pass, 0, &heads);
        let deprels = label_scores
            .chunks_exact(d.labels)
            .zip(&heads)
            .map(|(scores, &head)| {
                if head == 0 {
                    return self.root;
                }
                let mut best = if self.root == 0 { 1 } else { 0 };
                for (k, &s) in scores.iter().enumerate() {
                    if k != self.root as usize && s > scores[best] {
                        best = k;
                    }
                }
                best as u16
            })
            .collect();
        Analysis {
            upos,
            heads,
            deprels,
        }
    }

    fn analyse_in_windows(&self, words: &[&str]) -> Analysis {
        let mut all = Analysis::default();
        let parataxis = self
            .labels
            .iter()
            .position(|l| l == "parataxis")
            .map_or(self.root, |i| i as u16);
        let mut first_root = None;
        for (w, window) in words.chunks(MAX_PARSE_WORDS).enumerate() {
            let offset = (w * MAX_PARSE_WORDS) as u32;
            let part = self.analyse(window);
            all.upos.extend(&part.upos);
            for (i, (&head, &deprel)) in part.heads.iter().zip(&part.deprels).enumerate() {
                if head != 0 {
                    all.heads.push(head + offset);
                    all.deprels.push(deprel);
                } else if let Some(root) = first_root {
                    all.heads.push(root);
                    all.deprels.push(parataxis);
                } else {
                    first_root = Some(offset + i as u32 + 1);
                    all.heads.push(0);
                    all.deprels.push(deprel);
                }
            }
        }
        all
    }
}

/// The most words parsed together (see [`Syntax::analyse`]).
pub const MAX_PARSE_WORDS: usize = 140;

/// The CoNLL-U sentences of an article's text: the extractor's sentences and tokens, cut into syntactic
/// words and analysed (what `actormap parse` prints).
pub fn parse_text(model: &Syntax, text: &str) -> Vec<conllu::TreeSentence> {
    let mut out = Vec::new();
    for (k, span) in crate::extract::sentences::split(text).iter().enumerate() {
        let tokens = crate::extract::tokens::tokenize(text, span.start, span.end);
        let words: Vec<&str> = words::syntactic_words(text, &tokens)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        if words.is_empty() {
            continue;
        }
        let a = model.analyse(&words);
        out.push(conllu::TreeSentence {
            id: format!("s{}", k + 1),
            text: text[span.start..span.end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            words: words.iter().map(|w| w.to_string()).collect(),
            upos: a
                .upos
                .iter()
                .map(|&t| tagger::UPOS[t as usize].to_string())
                .collect(),
            heads: a.heads,
            deprels: a
                .deprels
                .iter()
                .map(|&d| model.labels()[d as usize].clone())
                .collect(),
        });
    }
    out
}

/// A small deterministic random number generator (SplitMix64) for shuffling training data, so that the
/// same data always trains the same model.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e3779b97f4a7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d049bb133111eb);
        z ^ (z >> 31)
    }

    /// A number in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_model_tags_and_parses_a_plain_sentence() {
        let model = Syntax::bundled();
        let a = model.analyse(&["The", "minister", "did", "n't", "meet", "the", "envoy", "."]);
        let tags: Vec<&str> = a.upos.iter().map(|&t| tagger::UPOS[t as usize]).collect();
        assert_eq!(
            tags,
            ["DET", "NOUN", "AUX", "PART", "VERB", "DET", "NOUN", "PUNCT"]
        );
        assert_eq!(a.heads, [2, 5, 5, 5, 0, 7, 5, 5]);
        let rels: Vec<&str> = a
            .deprels
            .iter()
            .map(|&d| model.labels()[d as usize].as_str())
            .collect();
        assert_eq!(
            rels,
            [
                "det", "nsubj", "aux", "advmod", "root", "det", "obj", "punct"
            ]
        );
        assert_eq!(model.analyse(&[]), Analysis::default());
    }

    #[test]
    fn a_run_longer_than_a_window_is_one_tree_with_one_root() {
        let model = Syntax::bundled();
        let words: Vec<&str> = ["the", "envoy", "accused", "the", "army", "and"]
            .iter()
            .copied()
            .cycle()
            .take(2 * MAX_PARSE_WORDS + 17)
            .collect();
        let a = model.analyse(&words);
        assert_eq!(a.heads.len(), words.len());
        assert_eq!(a.heads.iter().filter(|&&h| h == 0).count(), 1);
        // Every word reaches the root without a cycle.
        for start in 1..=words.len() {
            let mut v = start;
            for _ in 0..=words.len() {
                if v == 0 {
                    break;
                }
                v = a.heads[v - 1] as usize;
            }
            assert_eq!(v, 0, "word {start} does not reach the root");
        }
        // Each window's root hangs from the first window's as parataxis.
        let parataxis = model
            .labels()
            .iter()
            .position(|l| l == "parataxis")
            .unwrap() as u16;
        assert!(a.deprels.iter().filter(|&&d| d == parataxis).count() >= 2);
    }
}
