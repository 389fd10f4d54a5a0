//! The dependency parser: which word each word depends on, found by a greedy walk through the arc-eager
//! transitions (`arc_eager`), each move chosen by an averaged perceptron over the feature templates of
//! Zhang and Nivre (2011) without labels: the words and tags on top of the stack and the front of the
//! buffer, their heads and outermost dependents, the distance between them and how many dependents they
//! have. The relation names are given afterwards by `labeler`, which sees the whole tree.
//!
//! Training follows the dynamic oracle with exploration (Goldberg and Nivre 2012): after the first pass
//! the parser sometimes follows its own mistakes and learns the best move from where they lead.

use super::arc_eager::{MOVES, Move, NONE, State, projectivize};
use super::features::{hash_str, key};
use super::weights::{Learner, Weights};

/// A sentence as the parser sees it: each node's word (lower-case hash) and tag, node 0 the root.
pub struct ParseInput {
    pub words: Vec<u64>,
    pub tags: Vec<u64>,
}

impl ParseInput {
    /// `lower` are the words' lower-case hashes and `tags` their tag numbers, in sentence order.
    pub fn new(lower: impl IntoIterator<Item = u64>, tags: &[u8]) -> ParseInput {
        let mut words = vec![hash_str("<root>")];
        words.extend(lower);
        let mut t = vec![ROOT_TAG];
        t.extend(tags.iter().map(|&x| x as u64));
        ParseInput { words, tags: t }
    }
}

const ROOT_TAG: u64 = 100;
const NO_TAG: u64 = 101;
const NO_WORD: u64 = 0x5bd1e995_5bd1e995;

fn distance_bucket(d: u32) -> u64 {
    match d {
        0..=4 => d as u64,
        5..=9 => 5,
        _ => 6,
    }
}

/// The feature keys of a configuration.
pub fn features(s: &State, x: &ParseInput, out: &mut Vec<u64>) {
    out.clear();
    let w = |i: u32| if i == NONE { NO_WORD } else { x.words[i as usize] };
    let p = |i: u32| if i == NONE { NO_TAG } else { x.tags[i as usize] };
    let n = s.n;
    let s0 = s.s0();
    let s1 = if s.stack.len() >= 2 { s.stack[s.stack.len() - 2] } else { NONE };
    let at = |k: u32| if k <= n { k } else { NONE };
    let (n0, n1, n2) = (at(s.front), at(s.front + 1), at(s.front + 2));
    let head = |i: u32| if i == NONE || i == 0 { NONE } else { s.heads[i as usize] };
    let s0h = head(s0);
    let s0h2 = head(s0h);
    let kid = |i: u32, v: &Vec<[u32; 2]>, k: usize| if i == NONE { NONE } else { v[i as usize][k] };
    let (s0l, s0l2, s0r, s0r2) = (kid(s0, &s.left, 0), kid(s0, &s.left, 1), kid(s0, &s.right, 0), kid(s0, &s.right, 1));
    let (n0l, n0l2) = (kid(n0, &s.left, 0), kid(n0, &s.left, 1));
    let (s0w, s0p, n0w, n0p, n1w, n1p, n2w, n2p) = (w(s0), p(s0), w(n0), p(n0), w(n1), p(n1), w(n2), p(n2));
    let d = if n0 == NONE { 7 } else { distance_bucket(n0 - s0) };
    let s0vl = s.left_count[s0 as usize] as u64;
    let s0vr = s.right_count[s0 as usize] as u64;
    let n0vl = if n0 == NONE { 0 } else { s.left_count[n0 as usize] as u64 };
    let s0_headed = (s0 != 0 && s.heads[s0 as usize] != NONE) as u64;
    out.extend_from_slice(&[
        key(0, &[s0w, s0p]),
        key(1, &[s0w]),
        key(2, &[s0p]),
        key(3, &[n0w, n0p]),
        key(4, &[n0w]),
        key(5, &[n0p]),
        key(6, &[n1w, n1p]),
        key(7, &[n1w]),
        key(8, &[n1p]),
        key(9, &[n2w, n2p]),
        key(10, &[n2w]),
        key(11, &[n2p]),
        key(12, &[s0w, s0p, n0w, n0p]),
        key(13, &[s0w, s0p, n0w]),
        key(14, &[s0w, n0w, n0p]),
        key(15, &[s0w, s0p, n0p]),
        key(16, &[s0p, n0w, n0p]),
        key(17, &[s0w, n0w]),
        key(18, &[s0p, n0p]),
        key(19, &[n0p, n1p]),
        key(20, &[n0p, n1p, n2p]),
        key(21, &[s0p, n0p, n1p]),
        key(22, &[p(s0h), s0p, n0p]),
        key(23, &[s0p, p(s0l), n0p]),
        key(24, &[s0p, p(s0r), n0p]),
        key(25, &[s0p, n0p, p(n0l)]),
        key(26, &[s0w, d]),
        key(27, &[s0p, d]),
        key(28, &[n0w, d]),
        key(29, &[n0p, d]),
        key(30, &[s0w, n0w, d]),
        key(31, &[s0p, n0p, d]),
        key(32, &[s0w, s0vr]),
        key(33, &[s0p, s0vr]),
        key(34, &[s0w, s0vl]),
        key(35, &[s0p, s0vl]),
        key(36, &[n0w, n0vl]),
        key(37, &[n0p, n0vl]),
        key(38, &[w(s0h)]),
        key(39, &[p(s0h)]),
        key(40, &[w(s0l)]),
        key(41, &[p(s0l)]),
        key(42, &[w(s0r)]),
        key(43, &[p(s0r)]),
        key(44, &[w(n0l)]),
        key(45, &[p(n0l)]),
        key(46, &[w(s0h2)]),
        key(47, &[p(s0h2)]),
        key(48, &[w(s0l2)]),
        key(49, &[p(s0l2)]),
        key(50, &[w(s0r2)]),
        key(51, &[p(s0r2)]),
        key(52, &[w(n0l2)]),
        key(53, &[p(n0l2)]),
        key(54, &[s0p, p(s0l), p(s0l2)]),
        key(55, &[s0p, p(s0r), p(s0r2)]),
        key(56, &[s0p, p(s0h), p(s0h2)]),
        key(57, &[n0p, p(n0l), p(n0l2)]),
        key(58, &[w(s1), p(s1)]),
        key(59, &[p(s1), s0p, n0p]),
        key(60, &[s0_headed, s0p, n0p]),
        key(61, &[s0_headed, s0w, n0p]),
    ]);
}

fn best_valid(s: &State, scores: &[f32; 4]) -> Move {
    let mut best: Option<Move> = None;
    for m in MOVES {
        if s.valid(m) && best.is_none_or(|b| scores[m as usize] > scores[b as usize]) {
            best = Some(m);
        }
    }
    best.expect("a configuration with a non-empty buffer has a valid move")
}

/// A trained parser.
#[derive(Debug, Clone, PartialEq)]
pub struct Parser {
    pub weights: Weights,
}

impl Parser {
    /// Each word's head (0: the root), in sentence order.
    pub fn parse(&self, x: &ParseInput) -> Vec<u32> {
        let mut s = State::new(x.words.len() - 1);
        let mut feats = Vec::with_capacity(64);
        let mut scores = [0f32; 4];
        while !s.done() {
            features(&s, x, &mut feats);
            self.weights.score(&feats, &mut scores);
            s.apply(best_valid(&s, &scores));
        }
        s.finish()
    }
}

/// A sentence to learn from: its words and (predicted) tags, and its gold heads.
pub struct ParsedSentence {
    pub input: ParseInput,
    pub heads: Vec<u32>,
}

/// How training explores: from pass `explore_from` on, a wrong move is followed with this probability.
pub const EXPLORE: f64 = 0.1;

/// Trains a parser for `epochs` passes over `sentences`, in an order shuffled by `seed`.
pub fn train(sentences: &[ParsedSentence], epochs: usize, seed: u64) -> Parser {
    let mut learner = Learner::new(4);
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = super::Rng(seed);
    let mut feats = Vec::with_capacity(64);
    let golds: Vec<Vec<u32>> = sentences.iter().map(|s| std::iter::once(0).chain(projectivize(&s.heads)).collect()).collect();
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let (x, gold) = (&sentences[i].input, &golds[i]);
            let mut s = State::new(gold.len() - 1);
            while !s.done() {
                features(&s, x, &mut feats);
                let mut scores = [0f32; 4];
                learner.score(&feats, &mut scores);
                let guess = best_valid(&s, &scores);
                let costs = MOVES.map(|m| if s.valid(m) { s.cost(m, gold) } else { u32::MAX });
                let least = *costs.iter().min().expect("four moves");
                let mut truth = guess;
                for m in MOVES {
                    if costs[m as usize] == least && (costs[truth as usize] != least || scores[m as usize] > scores[truth as usize]) {
                        truth = m;
                    }
                }
                learner.update(&feats, truth as usize, guess as usize, 1.0);
                learner.tick();
                let follow_mistake = epoch >= 1 && rng.unit() < EXPLORE;
                s.apply(if follow_mistake { guess } else { truth });
            }
        }
    }
    Parser { weights: learner.freeze() }
}
