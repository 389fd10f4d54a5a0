//! People the lexicons do not know, found by how the article names them: a name of two or three capitalised
//! words ("Darek Moravi", "Lena J. Okoro") whose last word later stands alone for someone ("Moravi was a
//! colonel") is a person's full name, and those later words are their surname.
//!
//! The sentence reader cannot tell this on its own (an unknown "Darek Moravi" might be a place or a firm),
//! so it leaves such words as name parts; this pass looks across the whole article.

use std::ops::Range;

use rustc_hash::FxHashMap as HashMap;

use super::lexicon::Lexicon;
use super::mentions::{Candidate, Referent};
use super::tokens::Token;
use crate::corpus::{MentionVia, Span};

/// Joins runs of name-part candidates into people where the run's last word recurs alone later. Returns
/// the new candidate list and each sentence's range in it.
pub fn join(
    lex: &Lexicon,
    text: &str,
    tokens: &[Token],
    candidates: Vec<Candidate>,
    sentences: &[Range<usize>],
) -> (Vec<Candidate>, Vec<Range<usize>>) {
    let is_part = |c: &Candidate| matches!(c.referent, Referent::NamePart(_));
    // Runs: consecutive name parts of one sentence, touching, or with an initial between ("L.").
    let mut runs: Vec<Range<usize>> = Vec::new();
    let mut k = 0;
    while k < candidates.len() {
        if !is_part(&candidates[k]) || candidates[k].nested {
            k += 1;
            continue;
        }
        let mut end = k + 1;
        while end < candidates.len()
            && end - k < 3
            && is_part(&candidates[end])
            && candidates[end].sentence == candidates[k].sentence
            && touching(
                tokens,
                candidates[end - 1].tokens.end,
                candidates[end].tokens.start,
            )
        {
            end += 1;
        }
        if end - k >= 2 {
            runs.push(k..end);
        }
        k = end;
    }
    if runs.is_empty() {
        return (candidates, sentences.to_vec());
    }
    // Where each word last stands alone: a run's last word recurs when it stands alone after the run. Runs
    // are joined in reading order and only change candidates before the ones they ask about, so the
    // positions can be gathered once, before any joining (one look-up per run, not a scan of the article).
    let mut last_alone: HashMap<&str, usize> = HashMap::default();
    for c in candidates.iter().filter(|c| !c.nested) {
        if let Referent::NamePart(w) = &c.referent {
            let at = last_alone.entry(w.as_str()).or_insert(c.tokens.start);
            *at = (*at).max(c.tokens.start);
        }
    }
    // Or a run that a noun for what someone does introduces ("the novelist Darek Moravi").
    let role_before = |run: &Range<usize>| {
        let k = candidates[run.start].tokens.start;
        k > 0 && {
            let t = &tokens[k - 1];
            t.is_word() && !t.capitalised && lex.grammar.role_nouns.has(&t.norm)
        }
    };
    let recurring: Vec<bool> = runs
        .iter()
        .map(|run| {
            let c = &candidates[run.end - 1];
            role_before(run)
                || matches!(&c.referent, Referent::NamePart(w)
                if last_alone.get(w.as_str()).is_some_and(|&at| at >= c.tokens.end))
        })
        .collect();
    drop(last_alone);
    let mut joined: Vec<Option<Candidate>> = candidates.into_iter().map(Some).collect();
    for (run, recurs) in runs.into_iter().zip(recurring) {
        if !recurs {
            continue;
        }
        let (Some(a), Some(b)) = (joined[run.start].as_ref(), joined[run.end - 1].as_ref()) else {
            continue;
        };
        let tokens_range = a.tokens.start..b.tokens.end;
        let span = Span::new(a.span.start, b.span.end);
        let name = text[span.start..span.end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let person = Candidate {
            sentence: a.sentence,
            tokens: tokens_range,
            span,
            referent: Referent::Person {
                name,
                title: None,
                sector: None,
                country: None,
            },
            via: MentionVia::Name,
            nested: false,
            name_only: false,
        };
        joined[run.start] = Some(person);
        for c in &mut joined[run.start + 1..run.end] {
            *c = None;
        }
    }
    // Rebuild the per-sentence ranges over what is left.
    let mut out = Vec::with_capacity(joined.len());
    let mut ranges = Vec::with_capacity(sentences.len());
    for r in sentences {
        let start = out.len();
        out.extend(joined[r.clone()].iter_mut().filter_map(Option::take));
        ranges.push(start..out.len());
    }
    (out, ranges)
}

/// Whether two name words belong to one name: adjacent tokens, or an initial between ("Lena J. Okoro").
fn touching(tokens: &[Token], end: usize, start: usize) -> bool {
    start == end
        || start == end + 1 && {
            let t = &tokens[end];
            t.is_word() && t.capitalised && t.norm.trim_end_matches('.').chars().count() == 1
        }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;

    /// A one-word name-part candidate for token `i` (also used by `recurring_bodies`' tests).
    pub(crate) fn part(tokens: &[Token], i: usize, sentence: usize) -> Candidate {
        Candidate {
            sentence,
            tokens: i..i + 1,
            span: Span::new(tokens[i].start, tokens[i].end),
            referent: Referent::NamePart(tokens[i].norm.to_string()),
            via: MentionVia::PartialName,
            nested: false,
            name_only: false,
        }
    }

    #[test]
    fn a_two_word_name_whose_surname_recurs_is_one_person() {
        let text = "Darek Moravi is a general. Moravi was a colonel.";
        let tokens = tokenize(text, 0, text.len());
        let cands = vec![
            part(&tokens, 0, 0),
            part(&tokens, 1, 0),
            part(&tokens, 6, 1),
        ];
        let (out, ranges) = join(
            &Lexicon::bundled().unwrap(),
            text,
            &tokens,
            cands,
            &[0..2, 2..3],
        );
        assert_eq!(out.len(), 2);
        assert!(
            matches!(&out[0].referent, Referent::Person { name, .. } if name == "Darek Moravi")
        );
        assert_eq!(ranges, vec![0..1, 1..2]);
    }

    #[test]
    fn a_name_whose_last_word_never_recurs_is_left_alone() {
        let text = "Camp Verdal was shelled. Nobody died.";
        let tokens = tokenize(text, 0, text.len());
        let cands = vec![
            part(&tokens, 0, 0),
            part(&tokens, 1, 0),
            part(&tokens, 5, 1),
        ];
        let (out, _) = join(
            &Lexicon::bundled().unwrap(),
            text,
            &tokens,
            cands,
            &[0..2, 2..3],
        );
        assert_eq!(out.len(), 3);
        assert!(
            out.iter()
                .all(|c| matches!(c.referent, Referent::NamePart(_)))
        );
    }
}
