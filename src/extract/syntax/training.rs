//! Training the syntax models from CoNLL-U treebanks (`actormap train-syntax`).
//!
//! The parser and the labeller learn from tags as the tagger will really give them, not gold ones: the
//! training sentences are cut into folds, and each fold is tagged by a tagger trained on the others
//! (jackknifing). Folds, the final tagger, the parser and the labeller are trained on two threads; each
//! job's result depends only on the data and the seed, so the model is the same on every run.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::Syntax;
use super::conllu::TreeSentence;
use super::labeler::{self, LabeledTree};
use super::parser::{self, ParseInput, ParsedSentence};
use super::tagger::{self, TaggedSentence, upos_id};

#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub tagger_epochs: usize,
    pub parser_epochs: usize,
    pub labeler_epochs: usize,
    pub folds: usize,
    pub seed: u64,
    pub threads: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { tagger_epochs: 8, parser_epochs: 12, labeler_epochs: 8, folds: 10, seed: 2026, threads: 2 }
    }
}

/// Runs `jobs` on `threads` threads and returns their results in job order.
fn run_jobs<T: Send>(threads: usize, jobs: Vec<Box<dyn FnOnce() -> T + Send + '_>>) -> Vec<T> {
    let n = jobs.len();
    let jobs: Vec<Mutex<Option<Box<dyn FnOnce() -> T + Send + '_>>>> = jobs.into_iter().map(|j| Mutex::new(Some(j))).collect();
    let results: Vec<Mutex<Option<T>>> = (0..n).map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..threads.max(1) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    if i >= n {
                        break;
                    }
                    let job = jobs[i].lock().expect("job lock").take().expect("each job runs once");
                    let r = job();
                    *results[i].lock().expect("result lock") = Some(r);
                }
            });
        }
    });
    results.into_iter().map(|r| r.into_inner().expect("result lock").expect("every job ran")).collect()
}

/// Trains the three models on `sentences`. `progress` hears what is being done.
pub fn train(sentences: &[TreeSentence], options: Options, progress: &(dyn Fn(&str) + Sync)) -> Result<Syntax, String> {
    let mut labels: Vec<String> = sentences.iter().flat_map(|s| s.deprels.iter().cloned()).collect();
    labels.sort();
    labels.dedup();
    if labels.len() > 64 {
        return Err(format!("{} relation names in the training data; the labeller takes at most 64", labels.len()));
    }
    let tagged: Vec<TaggedSentence> = sentences
        .iter()
        .map(|s| {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            TaggedSentence { forms: tagger::padded_forms(&words), tags: s.upos.iter().map(|t| upos_id(t)).collect() }
        })
        .collect();

    // Jackknifed tags for the parser and labeller; the final tagger alongside.
    let folds = options.folds.max(2);
    progress(&format!("tagging {} sentences in {folds} folds", sentences.len()));
    let tagged_ref = &tagged;
    let mut jobs: Vec<Box<dyn FnOnce() -> (Option<tagger::Tagger>, Vec<(usize, Vec<u8>)>) + Send + '_>> = Vec::new();
    jobs.push(Box::new(move || {
        let t = tagger::train(tagged_ref, options.tagger_epochs, options.seed);
        (Some(t), Vec::new())
    }));
    for f in 0..folds {
        jobs.push(Box::new(move || {
            let rest: Vec<TaggedSentence> = tagged_ref
                .iter()
                .enumerate()
                .filter(|(i, _)| i % folds != f)
                .map(|(_, s)| TaggedSentence { forms: s.forms.clone(), tags: s.tags.clone() })
                .collect();
            let t = tagger::train(&rest, options.tagger_epochs, options.seed + 1 + f as u64);
            let out = tagged_ref.iter().enumerate().filter(|(i, _)| i % folds == f).map(|(i, s)| (i, t.tag(&s.forms))).collect();
            (None, out)
        }));
    }
    let mut final_tagger = None;
    let mut predicted: Vec<Vec<u8>> = vec![Vec::new(); sentences.len()];
    for (t, tags) in run_jobs(options.threads, jobs) {
        if t.is_some() {
            final_tagger = t;
        }
        for (i, tg) in tags {
            predicted[i] = tg;
        }
    }
    let right: usize = predicted.iter().zip(&tagged).map(|(p, g)| p.iter().zip(&g.tags).filter(|(a, b)| a == b).count()).sum();
    let total: usize = tagged.iter().map(|s| s.tags.len()).sum();
    progress(&format!("jackknifed tags: {:.4} right", right as f64 / total as f64));

    progress("training the parser and the labeller");
    let parse_data: Vec<ParsedSentence> = tagged
        .iter()
        .zip(sentences)
        .zip(&predicted)
        .map(|((t, s), p)| ParsedSentence { input: ParseInput::new(t.forms[2..t.forms.len() - 2].iter().map(|f| f.lower), p), heads: s.heads.clone() })
        .collect();
    let label_data: Vec<LabeledTree> = tagged
        .iter()
        .zip(sentences)
        .zip(&predicted)
        .map(|((t, s), p)| LabeledTree {
            forms: t.forms[2..t.forms.len() - 2].to_vec(),
            tags: p.clone(),
            heads: s.heads.clone(),
            labels: s.deprels.iter().map(|d| labels.binary_search(d).expect("collected above") as u16).collect(),
        })
        .collect();
    let (pd, ld, lb) = (&parse_data, &label_data, labels.clone());
    enum Trained {
        Parser(parser::Parser),
        Labeler(labeler::Labeler),
    }
    let jobs: Vec<Box<dyn FnOnce() -> Trained + Send + '_>> = vec![
        Box::new(move || Trained::Parser(parser::train(pd, options.parser_epochs, options.seed + 100))),
        Box::new(move || Trained::Labeler(labeler::train(ld, lb, options.labeler_epochs, options.seed + 200))),
    ];
    let (mut p, mut l) = (None, None);
    for r in run_jobs(options.threads, jobs) {
        match r {
            Trained::Parser(x) => p = Some(x),
            Trained::Labeler(x) => l = Some(x),
        }
    }
    Ok(Syntax {
        tagger: final_tagger.expect("the final tagger job ran"),
        parser: p.expect("the parser job ran"),
        labeler: l.expect("the labeller job ran"),
    })
}
