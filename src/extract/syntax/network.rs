//! The syntax network: one encoder read by three scorers, for parts of speech, heads and relations.
//!
//! A word's vector is the sum of its hashed embedding rows (`embed`). Layers of bidirectional simple
//! recurrent units (Lei et al. 2018) give every word a view of the whole sentence: each unit's candidate,
//! forget and output gates come from the word's own input by one matrix product over the sentence, and
//! only an elementwise blend runs from word to word, so nearly all the work is matrix products. From the
//! last layer, one product gives each word its tag scores and four small vectors: itself as a dependent
//! and as a head, for arcs and for relations. A head is scored for each dependent by a biaffine product
//! (Dozat and Manning 2017) plus a weight for their signed distance; a relation by a linear map of the
//! dependent's and the head's relation vectors and their product.
//!
//! `Pass` runs the network over a batch of sentences and keeps what training differentiates
//! (`gradients`). Dropout is applied only when a `Dropout` is given.

use std::ops::Range;

use super::Rng;
use super::embed::{self, WordRows};
use super::linalg::{self, gemm};
use super::quant::{self, QMatrix};

/// The network's sizes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dims {
    /// Width of a word's embedding.
    pub emb: usize,
    /// Units per direction in each recurrent layer.
    pub hidden: usize,
    pub layers: usize,
    /// Words the first layer reads at once (1: its own; 3: also its neighbours); the later ones read one.
    pub window: usize,
    /// Width of the arc vectors.
    pub arc: usize,
    /// Width of the relation vectors.
    pub label: usize,
    pub tags: usize,
    pub labels: usize,
    /// Rows of the embedding table.
    pub table_rows: usize,
}

/// Distance classes between a dependent and its head: the root, then 1..7+ words to the left, then to the
/// right.
pub const BUCKETS: usize = 15;

#[inline]
pub fn bucket(dep: usize, head: usize) -> usize {
    if head == 0 {
        0
    } else if head < dep {
        (dep - head).min(7)
    } else {
        7 + (head - dep).min(7)
    }
}

/// Where each weight matrix starts in the flat parameter vector.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub layer_w: Vec<usize>,
    pub layer_b: Vec<usize>,
    pub proj_w: usize,
    pub proj_b: usize,
    pub root_arc: usize,
    pub root_label: usize,
    pub arc_m: usize,
    pub arc_dist: usize,
    pub label_v: usize,
    pub label_b: usize,
    pub label_dist: usize,
    pub len: usize,
}

impl Dims {
    /// Width of the vector layer `l` reads for each word.
    pub fn layer_in(&self, l: usize) -> usize {
        if l == 0 { self.emb } else { 2 * self.hidden }
    }

    /// Width of layer `l`'s input row: its window of words side by side.
    pub fn layer_row(&self, l: usize) -> usize {
        if l == 0 {
            self.window * self.emb
        } else {
            2 * self.hidden
        }
    }

    /// Columns of the projection from the encoder: tags, arc dependent, arc head, label dependent, label head.
    pub fn proj(&self) -> usize {
        self.tags + 2 * self.arc + 2 * self.label
    }

    pub fn layout(&self) -> Layout {
        let mut at = 0;
        let mut take = |n: usize| {
            at += n;
            at - n
        };
        let (mut layer_w, mut layer_b) = (Vec::new(), Vec::new());
        for l in 0..self.layers {
            layer_w.push(take(self.layer_row(l) * 6 * self.hidden));
            layer_b.push(take(6 * self.hidden));
        }
        let proj_w = take(2 * self.hidden * self.proj());
        let proj_b = take(self.proj());
        let root_arc = take(self.arc);
        let root_label = take(self.label);
        let arc_m = take(self.arc * (self.arc + 1));
        let arc_dist = take(BUCKETS);
        let label_v = take(3 * self.label * self.labels);
        let label_b = take(self.labels);
        let label_dist = take(BUCKETS * self.labels);
        Layout {
            layer_w,
            layer_b,
            proj_w,
            proj_b,
            root_arc,
            root_label,
            arc_m,
            arc_dist,
            label_v,
            label_b,
            label_dist,
            len: at,
        }
    }
}

/// The trained network: its sizes, the embedding table and the other weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Network {
    pub dims: Dims,
    pub layout: Layout,
    /// `table_rows` × `emb`.
    pub table: Vec<f32>,
    pub params: Vec<f32>,
}

impl Network {
    /// A network with random weights (uniform in ±√(6/(in+out)) per matrix), zero biases, gates that
    /// begin by remembering, and an all-zero embedding table.
    pub fn new(dims: Dims, seed: u64) -> Network {
        let layout = dims.layout();
        let mut params = vec![0f32; layout.len];
        let mut rng = Rng(seed);
        let mut init = |at: usize, rows: usize, cols: usize| {
            let r = (6.0 / (rows + cols) as f64).sqrt();
            for p in &mut params[at..at + rows * cols] {
                *p = ((rng.unit() * 2.0 - 1.0) * r) as f32;
            }
        };
        let h = dims.hidden;
        for l in 0..dims.layers {
            init(layout.layer_w[l], dims.layer_row(l), 6 * h);
        }
        init(layout.proj_w, 2 * h, dims.proj());
        init(layout.root_arc, 1, dims.arc);
        init(layout.root_label, 1, dims.label);
        init(layout.arc_m, dims.arc, dims.arc + 1);
        init(layout.label_v, 3 * dims.label, dims.labels);
        for l in 0..dims.layers {
            for d in 0..2 {
                let f = layout.layer_b[l] + d * 3 * h + h;
                params[f..f + h].fill(1.0);
            }
        }
        Network {
            dims,
            layout,
            table: vec![0.0; dims.table_rows * dims.emb],
            params,
        }
    }

    fn p(&self, at: usize, len: usize) -> &[f32] {
        &self.params[at..at + len]
    }
}

/// The network's matrices in bytes (`quant`), for tagging on processors that multiply bytes fast.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantized {
    /// The embedding table as 16-bit floats (what the model file holds: nothing is lost), half the memory
    /// to fetch for each word.
    table: Vec<u16>,
    layers: Vec<QMatrix>,
    proj: QMatrix,
    label_v: QMatrix,
}

impl Quantized {
    /// The byte matrices of `net`, where this processor has the kernel.
    pub fn of(net: &Network) -> Option<Quantized> {
        if !quant::available() {
            return None;
        }
        let (d, ly) = (&net.dims, &net.layout);
        let h = d.hidden;
        let layers = (0..d.layers)
            .map(|l| {
                QMatrix::new(
                    d.layer_row(l),
                    6 * h,
                    net.p(ly.layer_w[l], d.layer_row(l) * 6 * h),
                )
            })
            .collect();
        let proj = QMatrix::new(2 * h, d.proj(), net.p(ly.proj_w, 2 * h * d.proj()));
        let label_v = QMatrix::new(
            3 * d.label,
            d.labels,
            net.p(ly.label_v, 3 * d.label * d.labels),
        );
        let table = net
            .table
            .iter()
            .map(|&v| super::model_file::to_f16(v))
            .collect();
        Some(Quantized {
            table,
            layers,
            proj,
            label_v,
        })
    }
}

/// C += A·W for an m-row A, by the byte matrix where there is one, else by `w`'s floats.
fn product(
    m: usize,
    a: &[f32],
    w: &[f32],
    q: Option<&QMatrix>,
    c: &mut [f32],
    rows: &mut quant::Rows,
) {
    match q {
        Some(q) => quant::gemm(m, a, q, c, rows),
        None => gemm(m, a.len() / m.max(1), c.len() / m.max(1), a, w, c),
    }
}

/// Dropout rates for training.
#[derive(Debug, Clone, Copy)]
pub struct Dropout {
    /// Of each embedding and encoder value.
    pub hidden: f32,
    /// Of a word's own rows, for a word seen `count` times: `word / (word + count)`, plus `word_floor`.
    pub word: f32,
    pub word_floor: f32,
}

/// One run of the network over a batch of sentences (their words one after another), with what it
/// computed on the way.
pub struct Pass {
    /// Each sentence's words in the batch.
    pub sentences: Vec<Range<usize>>,
    pub rows: Vec<WordRows>,
    pub drop_word: Vec<bool>,
    /// The input of each layer and, last, the encoder's output (words × width), after dropout.
    pub x: Vec<Vec<f32>>,
    /// Dropout scales of each `x` (empty: none).
    pub masks: Vec<Vec<f32>>,
    /// Each layer's gates after their functions: words × (candidate, forget, output) × 2 directions.
    pub gates: Vec<Vec<f32>>,
    /// Each layer's cells (words × 2 directions × hidden).
    pub cells: Vec<Vec<f32>>,
    /// Tag scores and the arc and relation vectors (after their rectifier), words × `proj`.
    pub proj: Vec<f32>,
}

impl Pass {
    /// Runs the encoder and the projection. `dropout` with its random numbers only while training.
    /// `quantized`: the byte matrices to use instead of the floats (only when not training).
    pub fn run(
        net: &Network,
        quantized: Option<&Quantized>,
        sentences: Vec<Range<usize>>,
        rows: Vec<WordRows>,
        dropout: Option<(Dropout, &[f32], &mut Rng)>,
    ) -> Pass {
        let mut qrows = quant::Rows::default();
        let d = net.dims;
        let (h, n) = (d.hidden, rows.len());
        let mut rng_slot = None;
        let mut drop_word = vec![false; n];
        let mut rate = 0.0;
        if let Some((dr, word_p, rng)) = dropout {
            for (w, p) in drop_word.iter_mut().zip(word_p) {
                *w = rng.unit() < *p as f64;
            }
            rate = dr.hidden;
            rng_slot = Some(rng);
        }
        let mut mask = |len: usize| -> Vec<f32> {
            match rng_slot.as_mut() {
                Some(rng) if rate > 0.0 => {
                    let keep = 1.0 / (1.0 - rate);
                    (0..len)
                        .map(|_| if rng.unit() < rate as f64 { 0.0 } else { keep })
                        .collect()
                }
                _ => Vec::new(),
            }
        };
        let apply = |v: &mut [f32], m: &[f32]| {
            if !m.is_empty() {
                for (a, b) in v.iter_mut().zip(m) {
                    *a *= b;
                }
            }
        };
        let mut x0 = vec![0f32; n * d.emb];
        match quantized {
            Some(q) if d.emb.is_multiple_of(16) => {
                quant::sum_half_rows(&q.table, d.emb, &rows, &mut x0)
            }
            _ => embed::sum_rows(&net.table, d.emb, &rows, &drop_word, &mut x0),
        }
        let m0 = mask(x0.len());
        apply(&mut x0, &m0);
        let (mut x, mut masks, mut gates, mut cells) = (vec![x0], vec![m0], Vec::new(), Vec::new());
        for l in 0..d.layers {
            let row = d.layer_row(l);
            let mut g = Vec::with_capacity(n * 6 * h);
            let bias = net.p(net.layout.layer_b[l], 6 * h);
            for _ in 0..n {
                g.extend_from_slice(bias);
            }
            let windowed;
            let input = if l > 0 || d.window == 1 {
                &x[l]
            } else {
                windowed = window(&x[l], d.emb, d.window, &sentences);
                &windowed
            };
            product(
                n,
                &input[..n * row],
                net.p(net.layout.layer_w[l], row * 6 * h),
                quantized.map(|q| &q.layers[l]),
                &mut g,
                &mut qrows,
            );
            activate_gates(&mut g, h);
            let mut c = vec![0f32; n * 2 * h];
            let mut out = vec![0f32; n * 2 * h];
            for s in &sentences {
                scan(&g, h, s.clone(), &mut c, &mut out);
            }
            if l > 0 {
                for (o, i) in out.iter_mut().zip(&x[l]) {
                    *o += i;
                }
            }
            let m = mask(out.len());
            apply(&mut out, &m);
            x.push(out);
            masks.push(m);
            gates.push(g);
            cells.push(c);
        }
        let p = d.proj();
        let mut proj = Vec::with_capacity(n * p);
        let bias = net.p(net.layout.proj_b, p);
        for _ in 0..n {
            proj.extend_from_slice(bias);
        }
        product(
            n,
            &x[d.layers],
            net.p(net.layout.proj_w, 2 * h * p),
            quantized.map(|q| &q.proj),
            &mut proj,
            &mut qrows,
        );
        linalg::leaky_columns(&mut proj, p, d.tags);
        Pass {
            sentences,
            rows,
            drop_word,
            x,
            masks,
            gates,
            cells,
            proj,
        }
    }

    /// Word `w`'s slice of the projection starting at column `at`.
    pub fn col(&self, d: &Dims, w: usize, at: usize, len: usize) -> &[f32] {
        let p = d.proj();
        &self.proj[w * p + at..w * p + at + len]
    }
}

/// Each word's row followed by its neighbours' within its sentence (zeros past the ends): the words
/// `size / 2` before it, itself, and `size / 2` after it, each `width` wide.
pub fn window(x: &[f32], width: usize, size: usize, sentences: &[Range<usize>]) -> Vec<f32> {
    let half = size / 2;
    let mut out = vec![0f32; x.len() * size];
    for s in sentences {
        for t in s.clone() {
            for k in 0..size {
                let Some(src) = (t + k).checked_sub(half).filter(|u| s.contains(u)) else {
                    continue;
                };
                let at = (t * size + k) * width;
                out[at..at + width].copy_from_slice(&x[src * width..(src + 1) * width]);
            }
        }
    }
    out
}

/// Candidate gates through tanh, forget and output gates through the logistic function, in one pass
/// over the matrix: tanh(x) = 2σ(2x) - 1, so each column is s·σ(s·x) - (s - 1) with s = 2 or 1.
fn activate_gates(g: &mut [f32], h: usize) {
    let scale: Vec<f32> = (0..6 * h)
        .map(|c| if c % (3 * h) < h { 2.0 } else { 1.0 })
        .collect();
    linalg::gates_all(g, &scale);
}

/// The recurrence over one sentence, both directions: c = f·c' + (1-f)·z, out = o·c.
fn scan(g: &[f32], h: usize, words: Range<usize>, cells: &mut [f32], out: &mut [f32]) {
    let mut c = vec![0f32; h];
    let mut step = |t: usize, dir: usize, c: &mut [f32]| {
        let gate = &g[t * 6 * h + dir * 3 * h..t * 6 * h + (dir + 1) * 3 * h];
        let (z, rest) = gate.split_at(h);
        let (f, o) = rest.split_at(h);
        let at = t * 2 * h + dir * h;
        let (cs, os) = (&mut cells[at..at + h], &mut out[at..at + h]);
        for (((((c, &z), &f), &o), cs), os) in c
            .iter_mut()
            .zip(z)
            .zip(f)
            .zip(o)
            .zip(cs.iter_mut())
            .zip(os.iter_mut())
        {
            *c = f * *c + (1.0 - f) * z;
            *cs = *c;
            *os = o * *c;
        }
    };
    for t in words.clone() {
        step(t, 0, &mut c);
    }
    c.fill(0.0);
    for t in words.rev() {
        step(t, 1, &mut c);
    }
}

/// The arc scores of one sentence of `n` words: `n` rows of `n + 1` (column 0 the root; a word's own
/// column is minus infinity). `g` receives the heads' products with the biaffine matrix, (n+1) × (arc+1).
pub fn arc_scores(
    net: &Network,
    pass: &Pass,
    words: Range<usize>,
    g: &mut Vec<f32>,
    scores: &mut Vec<f32>,
) {
    let d = &net.dims;
    let (a, n) = (d.arc, words.len());
    let mut heads = Vec::with_capacity((n + 1) * a);
    heads.extend_from_slice(net.p(net.layout.root_arc, a));
    for w in words.clone() {
        heads.extend_from_slice(pass.col(d, w, d.tags + a, a));
    }
    g.clear();
    g.resize((n + 1) * (a + 1), 0.0);
    gemm(
        n + 1,
        a,
        a + 1,
        &heads,
        net.p(net.layout.arc_m, a * (a + 1)),
        g,
    );
    // scores = deps · gᵀ (g's last column, each head's bias, added after).
    let mut deps = Vec::with_capacity(n * a);
    for w in words {
        deps.extend_from_slice(pass.col(d, w, d.tags, a));
    }
    let mut heads_g = Vec::with_capacity((n + 1) * a);
    for j in 0..=n {
        heads_g.extend_from_slice(&g[j * (a + 1)..j * (a + 1) + a]);
    }
    scores.clear();
    scores.resize(n * (n + 1), 0.0);
    linalg::gemm_nt(n, a, n + 1, &deps, &heads_g, scores);
    let dist = net.p(net.layout.arc_dist, BUCKETS);
    for i in 0..n {
        let row = &mut scores[i * (n + 1)..(i + 1) * (n + 1)];
        for (j, s) in row.iter_mut().enumerate() {
            *s = if j == i + 1 {
                f32::NEG_INFINITY
            } else {
                *s + g[j * (a + 1) + a] + dist[bucket(i + 1, j)]
            };
        }
    }
}

/// The relation features of a dependent (word `w` of the batch, `dep` in its sentence from 1) and its head
/// (`head` in its sentence, 0 the root): the two relation vectors and their product, 3 × `label` wide.
pub fn label_features(
    net: &Network,
    pass: &Pass,
    first: usize,
    w: usize,
    head: usize,
    out: &mut [f32],
) {
    let d = &net.dims;
    let l = d.label;
    let ld = pass.col(d, w, d.tags + 2 * d.arc, l);
    let lh = if head == 0 {
        net.p(net.layout.root_label, l)
    } else {
        pass.col(d, first + head - 1, d.tags + 2 * d.arc + l, l)
    };
    out[..l].copy_from_slice(ld);
    out[l..2 * l].copy_from_slice(lh);
    for k in 0..l {
        out[2 * l + k] = ld[k] * lh[k];
    }
}

/// Relation scores of the words of a sentence (its `n` words from `first` in the pass) given their heads:
/// `n` rows of `labels`.
pub fn sentence_label_scores(
    net: &Network,
    quantized: Option<&Quantized>,
    pass: &Pass,
    first: usize,
    heads: &[u32],
) -> Vec<f32> {
    let d = &net.dims;
    let (n, nl, width) = (heads.len(), d.labels, 3 * d.label);
    let mut features = vec![0f32; n * width];
    let mut scores = Vec::with_capacity(n * nl);
    for (i, &h) in heads.iter().enumerate() {
        label_features(
            net,
            pass,
            first,
            first + i,
            h as usize,
            &mut features[i * width..(i + 1) * width],
        );
        let b = bucket(i + 1, h as usize);
        let dist = &net.p(net.layout.label_dist, BUCKETS * nl)[b * nl..(b + 1) * nl];
        scores.extend(
            net.p(net.layout.label_b, nl)
                .iter()
                .zip(dist)
                .map(|(x, y)| x + y),
        );
    }
    product(
        n,
        &features,
        net.p(net.layout.label_v, width * nl),
        quantized.map(|q| &q.label_v),
        &mut scores,
        &mut quant::Rows::default(),
    );
    scores
}

/// Relation scores of one dependent from its features, into `scores` (`labels` wide).
pub fn label_scores(net: &Network, features: &[f32], dep: usize, head: usize, scores: &mut [f32]) {
    let d = &net.dims;
    let nl = d.labels;
    scores.copy_from_slice(net.p(net.layout.label_b, nl));
    let dist = &net.p(net.layout.label_dist, BUCKETS * nl)
        [bucket(dep, head) * nl..(bucket(dep, head) + 1) * nl];
    for (s, b) in scores.iter_mut().zip(dist) {
        *s += b;
    }
    gemm(
        1,
        3 * d.label,
        nl,
        features,
        net.p(net.layout.label_v, 3 * d.label * nl),
        scores,
    );
}

#[cfg(test)]
pub mod tests {
    use super::*;

    pub fn tiny() -> Dims {
        Dims {
            emb: 6,
            hidden: 4,
            layers: 2,
            window: 3,
            arc: 5,
            label: 3,
            tags: 4,
            labels: 3,
            table_rows: 64,
        }
    }

    #[test]
    fn the_layout_covers_every_weight_once() {
        let d = tiny();
        let l = d.layout();
        assert_eq!(l.layer_w[0], 0);
        assert_eq!(l.layer_b[0], 3 * 6 * 24);
        assert_eq!(l.layer_b[1] - l.layer_w[1], 8 * 24);
        assert_eq!(l.label_dist + BUCKETS * d.labels, l.len);
    }

    #[test]
    fn distance_classes() {
        assert_eq!(bucket(3, 0), 0);
        assert_eq!(bucket(3, 2), 1);
        assert_eq!(bucket(20, 1), 7);
        assert_eq!(bucket(3, 4), 8);
        assert_eq!(bucket(1, 30), 14);
    }

    #[test]
    fn a_word_never_scores_itself_as_its_head() {
        let mut net = Network::new(tiny(), 1);
        net.table
            .iter_mut()
            .enumerate()
            .for_each(|(i, v)| *v = (i % 7) as f32 * 0.1);
        let mut sc = embed::Scratch::default();
        let rows: Vec<WordRows> = ["the", "envoy", "left"]
            .iter()
            .map(|w| embed::rows(w, 64, &mut sc))
            .collect();
        let pass = Pass::run(&net, None, std::iter::once(0..3).collect(), rows, None);
        let (mut g, mut s) = (Vec::new(), Vec::new());
        arc_scores(&net, &pass, 0..3, &mut g, &mut s);
        assert_eq!(s.len(), 3 * 4);
        for i in 0..3 {
            assert_eq!(s[i * 4 + i + 1], f32::NEG_INFINITY);
            assert!(s[i * 4].is_finite());
        }
    }
}
