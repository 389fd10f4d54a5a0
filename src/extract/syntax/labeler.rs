//! Relation names for a parsed tree: each word's arc to its head gets a Universal Dependencies relation
//! (nsubj, obj, obl, nmod:poss, ...) from an averaged perceptron that sees the whole tree, so it can use
//! what the parser could not yet know when it made the arc: a passive auxiliary that comes after the
//! subject, the preposition a dependent carries, the relation its head was given.
//!
//! Arcs are labelled from the root down, so a word's head already has its relation.

use super::features::{WordForms, key};
use super::tagger::upos_id;
use super::weights::{Learner, Weights};

/// The tree the labeller reads: words, tags and heads, in sentence order (heads numbered from 1, 0 the root).
pub struct Tree<'a> {
    pub forms: &'a [WordForms],
    pub tags: &'a [u8],
    pub heads: &'a [u32],
}

const NONE: u64 = 0x9e37_79b9;

/// Each word's dependents, in order.
fn dependents(heads: &[u32]) -> Vec<Vec<u32>> {
    let mut deps = vec![Vec::new(); heads.len() + 1];
    for (i, &h) in heads.iter().enumerate() {
        deps[h as usize].push(i as u32 + 1);
    }
    deps
}

/// Nodes from the root down (breadth first), without the root.
fn top_down(deps: &[Vec<u32>]) -> Vec<u32> {
    let mut order = Vec::with_capacity(deps.len());
    let mut queue = std::collections::VecDeque::from([0u32]);
    while let Some(n) = queue.pop_front() {
        for &d in &deps[n as usize] {
            order.push(d);
            queue.push_back(d);
        }
    }
    order
}

fn features(t: &Tree, deps: &[Vec<u32>], labels: &[u16], d: u32, out: &mut Vec<u64>) {
    out.clear();
    let (adp, aux, part, punct, sconj) = (upos_id("ADP"), upos_id("AUX"), upos_id("PART"), upos_id("PUNCT"), upos_id("SCONJ"));
    let h = t.heads[d as usize - 1];
    let wd = &t.forms[d as usize - 1];
    let pd = t.tags[d as usize - 1] as u64;
    let (wh, ph) = if h == 0 { (NONE, 99) } else { (t.forms[h as usize - 1].lower, t.tags[h as usize - 1] as u64) };
    let hl = if h == 0 { NONE } else { labels[h as usize - 1] as u64 };
    let dir = (d < h) as u64;
    let dist = d.abs_diff(h).min(6) as u64;
    // The first dependent of `node` with one of `tags`, as its lower-case word.
    let marker = |node: u32, tags: &[u8]| {
        deps[node as usize].iter().find(|&&k| tags.contains(&t.tags[k as usize - 1])).map_or(NONE, |&k| t.forms[k as usize - 1].lower)
    };
    let case = marker(d, &[adp, sconj]);
    let head_aux: Vec<u64> = if h == 0 {
        Vec::new()
    } else {
        deps[h as usize].iter().filter(|&&k| k != d && t.tags[k as usize - 1] == aux).map(|&k| t.forms[k as usize - 1].lower).collect()
    };
    let head_part = if h == 0 { NONE } else { marker(h, &[part]) };
    let d_kids: Vec<u64> = deps[d as usize].iter().map(|&k| t.tags[k as usize - 1] as u64).collect();
    let first_kid = d_kids.first().copied().unwrap_or(NONE);
    let last_kid = d_kids.last().copied().unwrap_or(NONE);
    let (lo, hi) = (d.min(h).max(1), d.max(h));
    let punct_between = (lo + 1..hi).any(|k| t.tags[k as usize - 1] == punct) as u64;
    // The nearest earlier dependent of the same head on the same side.
    let sibling = if h == 0 {
        NONE
    } else {
        deps[h as usize].iter().rev().find(|&&k| k < d && (k < h) == (d < h)).map_or(NONE, |&k| t.tags[k as usize - 1] as u64)
    };
    out.extend_from_slice(&[
        key(0, &[]),
        key(1, &[wd.lower]),
        key(2, &[pd]),
        key(3, &[wh]),
        key(4, &[ph]),
        key(5, &[pd, ph]),
        key(6, &[wd.lower, ph]),
        key(7, &[pd, wh]),
        key(8, &[wd.lower, wh]),
        key(9, &[pd, ph, dir, dist]),
        key(10, &[pd, ph, dir]),
        key(11, &[case]),
        key(12, &[case, pd, ph]),
        key(13, &[hl, pd]),
        key(14, &[hl, pd, ph, dir]),
        key(15, &[head_part, pd, dir]),
        key(16, &[first_kid, pd]),
        key(17, &[last_kid, pd]),
        key(18, &[d_kids.len().min(4) as u64, pd, dir]),
        key(19, &[punct_between, pd, ph, dir]),
        key(20, &[sibling, pd, ph, dir]),
        key(21, &[wd.suffix[2], pd]),
        key(22, &[wd.form]),
        key(23, &[wd.flags, pd, ph]),
        key(24, &[case, wh]),
        key(25, &[(d + 1 == h) as u64, pd, ph]),
    ]);
    for &a in &head_aux {
        out.push(key(26, &[a, pd, dir]));
        out.push(key(27, &[a]));
    }
    for &k in &d_kids {
        out.push(key(28, &[k, pd]));
    }
}

fn best(scores: &[f32]) -> usize {
    (0..scores.len()).fold(0, |b, k| if scores[k] > scores[b] { k } else { b })
}

/// A trained labeller over the relation names in `labels`.
#[derive(Debug, Clone, PartialEq)]
pub struct Labeler {
    pub labels: Vec<String>,
    pub weights: Weights,
}

impl Labeler {
    /// Each word's relation (an index into `labels`), in sentence order. The root word is always `root`.
    pub fn label(&self, t: &Tree) -> Vec<u16> {
        let deps = dependents(t.heads);
        let root = self.labels.iter().position(|l| l == "root").unwrap_or(0) as u16;
        let mut labels = vec![0u16; t.heads.len()];
        let mut feats = Vec::with_capacity(40);
        let mut scores = vec![0f32; self.labels.len()];
        for d in top_down(&deps) {
            labels[d as usize - 1] = if t.heads[d as usize - 1] == 0 {
                root
            } else {
                features(t, &deps, &labels, d, &mut feats);
                self.weights.score(&feats, &mut scores);
                best(&scores) as u16
            };
        }
        labels
    }
}

/// A tree to learn from, with its gold relations.
pub struct LabeledTree {
    pub forms: Vec<WordForms>,
    pub tags: Vec<u8>,
    pub heads: Vec<u32>,
    pub labels: Vec<u16>,
}

/// Trains a labeller on gold trees (with predicted tags) for `epochs` passes.
pub fn train(trees: &[LabeledTree], labels: Vec<String>, epochs: usize, seed: u64) -> Labeler {
    let mut learner = Learner::new(labels.len());
    let mut order: Vec<usize> = (0..trees.len()).collect();
    let mut rng = super::Rng(seed);
    let mut feats = Vec::with_capacity(40);
    let mut scores = vec![0f32; labels.len()];
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let g = &trees[i];
            let t = Tree { forms: &g.forms, tags: &g.tags, heads: &g.heads };
            let deps = dependents(&g.heads);
            // Heads' relations as the labeller itself would give them (its own guesses, top down).
            let mut labels_so_far = vec![0u16; g.heads.len()];
            for d in top_down(&deps) {
                let di = d as usize - 1;
                if g.heads[di] == 0 {
                    labels_so_far[di] = g.labels[di];
                    continue;
                }
                features(&t, &deps, &labels_so_far, d, &mut feats);
                scores.fill(0.0);
                learner.score(&feats, &mut scores);
                let guess = best(&scores);
                learner.update(&feats, g.labels[di] as usize, guess, 1.0);
                learner.tick();
                labels_so_far[di] = guess as u16;
            }
        }
    }
    Labeler { labels, weights: learner.freeze() }
}
