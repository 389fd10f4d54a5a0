//! Training the syntax network from CoNLL-U treebanks (`actormap train-syntax`): minibatches of
//! sentences, the gradient of each batch computed in parts on several threads (`gradients`), Adam steps
//! (Kingma and Ba 2015; the embedding table's rows updated only when a word of the batch uses them), the
//! step size falling linearly to a tenth.
//!
//! Every random choice (order, dropout) comes from a generator seeded by the options, each batch part
//! from its own, and the parts' gradients are added in one fixed order: the same data and options give
//! the same model on every run, whatever the threads' timing.

use super::conllu::TreeSentence;
use super::embed::{self, WORD_ROWS, WordRows};
use super::gradients::{Gold, Losses, backward};
use super::network::{Dims, Dropout, Network, Pass};
use super::tagger::{UPOS, upos_id};
use super::{Rng, Syntax};

#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub epochs: usize,
    pub threads: usize,
    pub seed: u64,
    /// Words per batch (whole sentences, at least this many).
    pub batch_words: usize,
    pub learning_rate: f32,
    /// The network's sizes; its tag and relation counts come from the treebanks.
    pub dims: Dims,
    pub dropout: Dropout,
    /// The model is the running average of the weights with this decay per step (0: the last weights).
    pub average: f32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            epochs: 30,
            threads: 2,
            seed: 2026,
            batch_words: 1000,
            learning_rate: 2e-3,
            dims: Dims {
                emb: 64,
                hidden: 64,
                layers: 2,
                window: 3,
                arc: 64,
                label: 32,
                tags: 0,
                labels: 0,
                table_rows: 1 << 16,
            },
            dropout: Dropout {
                hidden: 0.2,
                word: 0.25,
                word_floor: 0.02,
            },
            average: 0.998,
        }
    }
}

impl Options {
    /// Sets the option `name` (as on the command line, without its dashes) from its text.
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), String> {
        fn num<T: std::str::FromStr>(name: &str, value: &str) -> Result<T, String> {
            value
                .parse()
                .map_err(|_| format!("--{name} needs a number, not {value:?}"))
        }
        match name {
            "epochs" => self.epochs = num(name, value)?,
            "threads" => self.threads = num(name, value)?,
            "seed" => self.seed = num(name, value)?,
            "batch-words" => self.batch_words = num(name, value)?,
            "learning-rate" => self.learning_rate = num(name, value)?,
            "emb" => self.dims.emb = num(name, value)?,
            "hidden" => self.dims.hidden = num(name, value)?,
            "layers" => self.dims.layers = num(name, value)?,
            "window" => self.dims.window = num(name, value)?,
            "arc" => self.dims.arc = num(name, value)?,
            "label" => self.dims.label = num(name, value)?,
            "table-rows" => self.dims.table_rows = num(name, value)?,
            "dropout" => self.dropout.hidden = num(name, value)?,
            "word-dropout" => self.dropout.word = num(name, value)?,
            "word-dropout-floor" => self.dropout.word_floor = num(name, value)?,
            "average" => self.average = num(name, value)?,
            _ => return Err(format!("unknown option --{name}")),
        }
        Ok(())
    }
}

/// A sentence ready for training.
struct Example {
    rows: Vec<WordRows>,
    word_p: Vec<f32>,
    tags: Vec<u8>,
    heads: Vec<u32>,
    labels: Vec<u16>,
}

/// Adam's moments for a block of weights.
struct Adam {
    m: Vec<f32>,
    v: Vec<f32>,
}

const BETA1: f32 = 0.9;
const BETA2: f32 = 0.9;
const EPSILON: f32 = 1e-8;

impl Adam {
    fn new(n: usize) -> Adam {
        Adam {
            m: vec![0.0; n],
            v: vec![0.0; n],
        }
    }

    /// One step for the weights `w[range]` with gradient `g` (as long as the range).
    fn step(&mut self, w: &mut [f32], g: &[f32], at: usize, rate: f32) {
        for (k, (wk, &gk)) in w.iter_mut().zip(g).enumerate() {
            let (m, v) = (&mut self.m[at + k], &mut self.v[at + k]);
            *m = BETA1 * *m + (1.0 - BETA1) * gk;
            *v = BETA2 * *v + (1.0 - BETA2) * gk * gk;
            *wk -= rate * *m / (v.sqrt() + EPSILON);
        }
    }
}

/// Splits a batch's sentences into `parts` of about equal words (each sentence to the lightest part).
fn split(batch: &[usize], examples: &[Example], parts: usize) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); parts];
    let mut load = vec![0usize; parts];
    for &s in batch {
        let k = (0..parts)
            .min_by_key(|&k| (load[k], k))
            .expect("at least one part");
        out[k].push(s);
        load[k] += examples[s].tags.len();
    }
    out
}

/// The gradient of one part of a batch.
fn part_gradient(
    net: &Network,
    examples: &[Example],
    part: &[usize],
    dropout: Dropout,
    seed: u64,
    scale: f32,
) -> (super::gradients::Gradient, Vec<WordRows>, Vec<bool>) {
    let mut sentences = Vec::new();
    let (mut rows, mut word_p, mut tags, mut heads, mut labels) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for &s in part {
        let e = &examples[s];
        sentences.push(rows.len()..rows.len() + e.rows.len());
        rows.extend_from_slice(&e.rows);
        word_p.extend_from_slice(&e.word_p);
        tags.extend_from_slice(&e.tags);
        heads.extend_from_slice(&e.heads);
        labels.extend_from_slice(&e.labels);
    }
    let mut rng = Rng(seed);
    let pass = Pass::run(
        net,
        None,
        sentences,
        rows,
        Some((dropout, &word_p, &mut rng)),
    );
    let g = backward(
        net,
        &pass,
        &Gold {
            tags: &tags,
            heads: &heads,
            labels: &labels,
        },
        scale,
    );
    (g, pass.rows, pass.drop_word)
}

/// Trains a model on `sentences`. After each pass, when `dev` has sentences, `progress` hears the scores
/// on them (for tuning; they change nothing in the model).
pub fn train(
    sentences: &[TreeSentence],
    dev: &[TreeSentence],
    options: Options,
    progress: &(dyn Fn(&str) + Sync),
) -> Result<Syntax, String> {
    let mut labels: Vec<String> = sentences
        .iter()
        .flat_map(|s| s.deprels.iter().cloned())
        .collect();
    labels.sort();
    labels.dedup();
    if labels.is_empty() || labels.len() > u16::MAX as usize {
        return Err(format!(
            "{} relation names in the training data",
            labels.len()
        ));
    }
    if !labels.iter().any(|l| l == "root") {
        return Err("no word of the training data has the relation root".to_string());
    }
    let o = options;
    let dims = Dims {
        layers: o.dims.layers.max(1),
        window: o.dims.window | 1,
        tags: UPOS.len(),
        labels: labels.len(),
        ..o.dims
    };
    let mut scratch = embed::Scratch::default();
    let mut examples: Vec<Example> = sentences
        .iter()
        .filter(|s| !s.words.is_empty())
        .map(|s| Example {
            rows: s
                .words
                .iter()
                .map(|w| embed::rows(w, dims.table_rows, &mut scratch))
                .collect(),
            word_p: Vec::new(),
            tags: s.upos.iter().map(|t| upos_id(t)).collect(),
            heads: s.heads.clone(),
            labels: s
                .deprels
                .iter()
                .map(|d| labels.binary_search(d).expect("collected above") as u16)
                .collect(),
        })
        .collect();
    // Word dropout: rare words are often left to their affixes and shape, as unknown words will be.
    let mut counts: rustc_hash::FxHashMap<[u32; WORD_ROWS], u32> = rustc_hash::FxHashMap::default();
    for e in &examples {
        for r in &e.rows {
            *counts
                .entry(r[..WORD_ROWS].try_into().expect("word rows"))
                .or_default() += 1;
        }
    }
    let dr = o.dropout;
    for e in &mut examples {
        e.word_p = e
            .rows
            .iter()
            .map(|r| dr.word / (dr.word + counts[&r[..WORD_ROWS]] as f32) + dr.word_floor)
            .collect();
    }
    let words: usize = examples.iter().map(|e| e.tags.len()).sum();
    progress(&format!(
        "{} sentences, {words} words, {} relations; network {dims:?}",
        examples.len(),
        labels.len()
    ));

    let mut net = Network::new(dims, o.seed);
    let (mut adam, mut adam_table) = (Adam::new(net.params.len()), Adam::new(net.table.len()));
    let mut table_grad = vec![0f32; net.table.len()];
    let mut touched = vec![false; dims.table_rows];
    let mut touched_rows = Vec::new();
    let mut rng = Rng(o.seed ^ 0x5eed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let steps_per_epoch = words.div_ceil(o.batch_words.max(1));
    let total_steps = (steps_per_epoch * o.epochs).max(1) as f32;
    let mut step = 0usize;
    let threads = o.threads.max(1);
    let mut model = Syntax::new(net.clone(), labels.clone())?;
    let mut averaged = net.clone();
    for epoch in 0..o.epochs {
        rng.shuffle(&mut order);
        let mut losses = Losses::default();
        let mut batches = Vec::new();
        let mut current = Vec::new();
        let mut in_batch = 0;
        for &s in &order {
            current.push(s);
            in_batch += examples[s].tags.len();
            if in_batch >= o.batch_words {
                batches.push(std::mem::take(&mut current));
                in_batch = 0;
            }
        }
        if !current.is_empty() {
            batches.push(current);
        }
        for (b, batch) in batches.iter().enumerate() {
            let batch_words: usize = batch.iter().map(|&s| examples[s].tags.len()).sum();
            let scale = 1.0 / batch_words as f32;
            let parts = split(batch, &examples, threads);
            let seeds: Vec<u64> = (0..parts.len())
                .map(|k| o.seed ^ ((epoch as u64) << 40) ^ ((b as u64) << 8) ^ k as u64)
                .collect();
            let (net_ref, ex) = (&net, &examples);
            let results: Vec<_> = std::thread::scope(|scope| {
                let handles: Vec<_> = parts[1..]
                    .iter()
                    .zip(&seeds[1..])
                    .map(|(p, &sd)| {
                        scope.spawn(move || part_gradient(net_ref, ex, p, dr, sd, scale))
                    })
                    .collect();
                let mut out = vec![part_gradient(net_ref, ex, &parts[0], dr, seeds[0], scale)];
                out.extend(
                    handles
                        .into_iter()
                        .map(|h| h.join().expect("a training thread")),
                );
                out
            });
            let mut grad = vec![0f32; net.params.len()];
            for (g, rows, dropped) in &results {
                losses.add(&g.losses);
                for (a, b) in grad.iter_mut().zip(&g.params) {
                    *a += b;
                }
                let e = dims.emb;
                for (w, r) in rows.iter().enumerate() {
                    let skip = if dropped[w] { WORD_ROWS } else { 0 };
                    for &row in &r[skip..] {
                        let row = row as usize;
                        if !touched[row] {
                            touched[row] = true;
                            touched_rows.push(row);
                        }
                        for (a, b) in table_grad[row * e..(row + 1) * e]
                            .iter_mut()
                            .zip(&g.embeddings[w * e..(w + 1) * e])
                        {
                            *a += b;
                        }
                    }
                }
            }
            // Clip the whole gradient's norm at 5.
            let e = dims.emb;
            let norm2: f64 = grad.iter().map(|&g| (g as f64) * (g as f64)).sum::<f64>()
                + touched_rows
                    .iter()
                    .flat_map(|&r| &table_grad[r * e..(r + 1) * e])
                    .map(|&g| (g as f64) * (g as f64))
                    .sum::<f64>();
            let clip = if norm2.sqrt() > 5.0 {
                (5.0 / norm2.sqrt()) as f32
            } else {
                1.0
            };
            step += 1;
            let rate = o.learning_rate * (1.0 - 0.9 * step as f32 / total_steps);
            let t = step as i32;
            let corrected = rate * (1.0 - BETA2.powi(t)).sqrt() / (1.0 - BETA1.powi(t));
            if clip < 1.0 {
                grad.iter_mut().for_each(|g| *g *= clip);
            }
            adam.step(&mut net.params, &grad, 0, corrected);
            touched_rows.sort_unstable();
            for &r in &touched_rows {
                let g = &mut table_grad[r * e..(r + 1) * e];
                if clip < 1.0 {
                    g.iter_mut().for_each(|x| *x *= clip);
                }
                adam_table.step(&mut net.table[r * e..(r + 1) * e], g, r * e, corrected);
                g.fill(0.0);
                touched[r] = false;
            }
            touched_rows.clear();
            if o.average > 0.0 {
                let d = o.average;
                for (a, &w) in averaged
                    .params
                    .iter_mut()
                    .zip(&net.params)
                    .chain(averaged.table.iter_mut().zip(&net.table))
                {
                    *a = d * *a + (1.0 - d) * w;
                }
            }
        }
        let n = losses.words.max(1) as f64;
        let mut line = format!(
            "pass {}: loss tags {:.3} arcs {:.3} relations {:.3}",
            epoch + 1,
            losses.tags / n,
            losses.arcs / n,
            losses.labels / n
        );
        model = Syntax::new(
            if o.average > 0.0 {
                averaged.clone()
            } else {
                net.clone()
            },
            labels.clone(),
        )?;
        if !dev.is_empty() {
            let s = super::scores::score(&model, dev);
            line += &format!("; dev {s} LASu {:.4}", s.las_universal);
        }
        progress(&line);
    }
    // The model as its file will hold it (the table in 16-bit floats).
    super::model_file::read(&super::model_file::write(&model))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> Vec<TreeSentence> {
        let s = |words: &[&str], upos: &[&str], heads: &[u32], rels: &[&str]| TreeSentence {
            words: words.iter().map(|w| w.to_string()).collect(),
            upos: upos.iter().map(|w| w.to_string()).collect(),
            heads: heads.to_vec(),
            deprels: rels.iter().map(|w| w.to_string()).collect(),
            ..TreeSentence::default()
        };
        vec![
            s(
                &["Envoys", "met", "."],
                &["NOUN", "VERB", "PUNCT"],
                &[2, 0, 2],
                &["nsubj", "root", "punct"],
            ),
            s(
                &["The", "talks", "ended", "."],
                &["DET", "NOUN", "VERB", "PUNCT"],
                &[2, 3, 0, 3],
                &["det", "nsubj", "root", "punct"],
            ),
            s(
                &["Troops", "left", "the", "city", "."],
                &["NOUN", "VERB", "DET", "NOUN", "PUNCT"],
                &[2, 0, 4, 2, 2],
                &["nsubj", "root", "det", "obj", "punct"],
            ),
        ]
    }

    fn small() -> Options {
        Options {
            epochs: 40,
            dims: Dims {
                emb: 8,
                hidden: 8,
                arc: 8,
                label: 4,
                table_rows: 512,
                ..Options::default().dims
            },
            batch_words: 4,
            learning_rate: 2e-2,
            dropout: Dropout {
                hidden: 0.0,
                word: 0.0,
                word_floor: 0.0,
            },
            average: 0.0,
            ..Options::default()
        }
    }

    #[test]
    fn a_toy_treebank_is_learned_and_training_is_repeatable() {
        let data = toy();
        let a = train(&data, &[], small(), &|_| {}).unwrap();
        let b = train(&data, &[], small(), &|_| {}).unwrap();
        assert_eq!(a, b, "the same data and options give the same model");
        let s = super::super::scores::score(&a, &data);
        assert!(s.upos > 0.9 && s.uas > 0.9, "{s}");
    }

    #[test]
    fn data_without_a_root_is_refused() {
        let mut data = toy();
        data.iter_mut()
            .for_each(|s| s.deprels.iter_mut().for_each(|d| *d = "dep".into()));
        assert!(train(&data, &[], small(), &|_| {}).is_err());
    }
}
