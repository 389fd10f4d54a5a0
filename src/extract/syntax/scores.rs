//! How well the syntax models do on a treebank, on its own tokenization: the share of words with the
//! right part of speech (UPOS), the right head (UAS), and the right head and relation (LAS), as the CoNLL
//! shared tasks count them (punctuation included).

use super::Syntax;
use super::conllu::TreeSentence;
use super::tagger::UPOS;

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    pub words: usize,
    pub upos: f64,
    pub uas: f64,
    /// Head and the full relation name ("nsubj:pass" must be "nsubj:pass").
    pub las: f64,
    /// Head and the relation's universal part ("nsubj:pass" counts as "nsubj"), the CoNLL 2018 LAS.
    pub las_universal: f64,
}

impl std::fmt::Display for Scores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "UPOS {:.4} UAS {:.4} LAS {:.4}",
            self.upos, self.uas, self.las
        )
    }
}

fn universal(label: &str) -> &str {
    label.split(':').next().unwrap_or(label)
}

/// Analyses each sentence's words and compares with its gold annotation.
pub fn score(model: &Syntax, gold: &[TreeSentence]) -> Scores {
    score_and_keep(model, gold).0
}

/// `score`, and the analysed sentences.
pub fn score_and_keep(model: &Syntax, gold: &[TreeSentence]) -> (Scores, Vec<TreeSentence>) {
    let mut analysed = Vec::with_capacity(gold.len());
    let (mut n, mut upos, mut uas, mut las, mut lasu) = (0usize, 0usize, 0usize, 0usize, 0usize);
    for s in gold {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let a = model.analyse(&words);
        analysed.push(TreeSentence {
            id: s.id.clone(),
            text: s.text.clone(),
            words: s.words.clone(),
            upos: a
                .upos
                .iter()
                .map(|&t| UPOS[t as usize].to_string())
                .collect(),
            heads: a.heads.clone(),
            deprels: a
                .deprels
                .iter()
                .map(|&d| model.labels()[d as usize].clone())
                .collect(),
        });
        for i in 0..words.len() {
            n += 1;
            upos += (UPOS[a.upos[i] as usize] == s.upos[i]) as usize;
            if a.heads[i] == s.heads[i] {
                uas += 1;
                let label = &model.labels()[a.deprels[i] as usize];
                las += (*label == s.deprels[i]) as usize;
                lasu += (universal(label) == universal(&s.deprels[i])) as usize;
            }
        }
    }
    let share = |k: usize| if n == 0 { 0.0 } else { k as f64 / n as f64 };
    (
        Scores {
            words: n,
            upos: share(upos),
            uas: share(uas),
            las: share(las),
            las_universal: share(lasu),
        },
        analysed,
    )
}
