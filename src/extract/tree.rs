//! One sentence's dependency tree laid over the extractor's tokens: which word heads which, by what
//! relation, and the questions the readers of mentions and events ask of it (the head of a phrase, a
//! word's subject or preposition, the members of a coordination).
//!
//! The tree comes from `syntax` over the sentence's syntactic words ("don't" is "do" + "n't"); each
//! token maps to its first word, each word to its token. Relations are read into `Dep`, the handful of
//! Universal Dependencies distinctions the readers use.

use std::ops::Range;

use super::syntax::{Syntax, tagger::UPOS, words::syntactic_words};
use super::tokens::Token;

/// A dependency relation, as far as the readers tell them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dep {
    Root,
    Nsubj,
    NsubjPass,
    Csubj,
    Obj,
    Iobj,
    Obl,
    /// "by X" after a passive.
    OblAgent,
    /// "on Tuesday", "last week": an oblique without a preposition.
    OblTmod,
    Nmod,
    /// "Iran's", "its".
    Poss,
    Compound,
    /// "make up", "carry out".
    Particle,
    Amod,
    Nummod,
    Appos,
    Conj,
    Cc,
    Xcomp,
    Ccomp,
    Advcl,
    Acl,
    /// A relative clause: "the group that attacked".
    Relcl,
    Aux,
    AuxPass,
    Cop,
    Advmod,
    Case,
    Mark,
    Det,
    Flat,
    Fixed,
    Parataxis,
    Punct,
    Expl,
    Other,
}

impl Dep {
    /// The reading of a Universal Dependencies relation name.
    pub fn of(label: &str) -> Dep {
        match label {
            "root" => Dep::Root,
            "nsubj" | "nsubj:outer" => Dep::Nsubj,
            "nsubj:pass" => Dep::NsubjPass,
            "csubj" | "csubj:pass" | "csubj:outer" => Dep::Csubj,
            "obj" => Dep::Obj,
            "iobj" => Dep::Iobj,
            "obl" => Dep::Obl,
            "obl:agent" => Dep::OblAgent,
            "obl:unmarked" | "obl:tmod" | "obl:npmod" => Dep::OblTmod,
            "nmod" | "nmod:desc" | "nmod:unmarked" | "nmod:tmod" | "nmod:npmod" => Dep::Nmod,
            "nmod:poss" => Dep::Poss,
            "compound" => Dep::Compound,
            "compound:prt" => Dep::Particle,
            "amod" => Dep::Amod,
            "nummod" => Dep::Nummod,
            "appos" => Dep::Appos,
            "conj" => Dep::Conj,
            "cc" | "cc:preconj" => Dep::Cc,
            "xcomp" => Dep::Xcomp,
            "ccomp" => Dep::Ccomp,
            "advcl" | "advcl:relcl" => Dep::Advcl,
            "acl" => Dep::Acl,
            "acl:relcl" => Dep::Relcl,
            "aux" => Dep::Aux,
            "aux:pass" => Dep::AuxPass,
            "cop" => Dep::Cop,
            "advmod" => Dep::Advmod,
            "case" => Dep::Case,
            "mark" => Dep::Mark,
            "det" | "det:predet" => Dep::Det,
            "flat" | "flat:name" | "flat:foreign" => Dep::Flat,
            "fixed" => Dep::Fixed,
            "parataxis" => Dep::Parataxis,
            "punct" => Dep::Punct,
            "expl" => Dep::Expl,
            _ => Dep::Other,
        }
    }
}

/// The relation readings of a model's labels, made once.
pub fn deps_of(syntax: &Syntax) -> Vec<Dep> {
    syntax.labels().iter().map(|l| Dep::of(l)).collect()
}

/// A sentence's tree. Words are numbered from 0 within the sentence.
#[derive(Debug, Clone, Default)]
pub struct SentenceTree {
    /// The article's token index of each word.
    pub token: Vec<usize>,
    /// Each word's text span (bytes of the article).
    pub spans: Vec<Range<usize>>,
    /// Each word in lower case (for word lists).
    pub norms: Vec<String>,
    /// The first token of the sentence.
    first_token: usize,
    /// The first word of each token of the sentence.
    token_word: Vec<u32>,
    pub upos: Vec<u8>,
    /// Each word's head (`None`: the root of the sentence).
    pub heads: Vec<Option<u32>>,
    pub deps: Vec<Dep>,
    /// Dependents of each word, in order (offsets into `kids`).
    kid_start: Vec<u32>,
    kids: Vec<u32>,
}

impl SentenceTree {
    /// Parses the sentence whose tokens are `tokens[range]`.
    pub fn parse(
        syntax: &Syntax,
        deps_of_labels: &[Dep],
        text: &str,
        tokens: &[Token],
        range: Range<usize>,
    ) -> SentenceTree {
        SentenceTree::parse_names(syntax, deps_of_labels, text, tokens, range, &[])
    }

    /// As `parse`, with each name in `names` (token ranges, article indices) given to the network as its
    /// last word alone: "spoke with Turkish President Recep Tayyip Erdogan about ..." is parsed as "spoke
    /// with Erdogan about ...", so a long name cannot pull the rest of the sentence apart. The name's
    /// tokens all map to that one word.
    pub fn parse_names(
        syntax: &Syntax,
        deps_of_labels: &[Dep],
        text: &str,
        tokens: &[Token],
        range: Range<usize>,
        names: &[Range<usize>],
    ) -> SentenceTree {
        let toks = &tokens[range.clone()];
        let mut spans = syntactic_words(text, toks);
        // The words of each name, merged into one (its text is the last word's).
        let mut shown: Vec<Range<usize>> = spans.clone();
        for name in names
            .iter()
            .filter(|n| n.len() > 1 && n.start >= range.start && n.end <= range.end)
        {
            let (from, to) = (tokens[name.start].start, tokens[name.end - 1].end);
            let Some(first) = spans.iter().position(|s| s.start >= from) else {
                continue;
            };
            let last = spans.iter().rposition(|s| s.end <= to).unwrap_or(first);
            if last <= first || spans[first].start != from || spans[last].end != to {
                continue;
            }
            let last_word = shown[last].clone();
            spans.splice(first..=last, std::iter::once(from..to));
            shown.splice(first..=last, std::iter::once(last_word));
        }
        // Word -> its first token, token -> the word it begins (or falls in).
        let mut token = Vec::with_capacity(spans.len());
        let mut k = 0;
        for s in &spans {
            while k + 1 < toks.len() && toks[k].end <= s.start {
                k += 1;
            }
            token.push(range.start + k);
        }
        let mut token_word = Vec::with_capacity(toks.len());
        let mut w = 0;
        for t in toks {
            while w + 1 < spans.len() && spans[w + 1].start <= t.start {
                w += 1;
            }
            token_word.push(w as u32);
        }
        let words: Vec<&str> = shown.iter().map(|r| &text[r.clone()]).collect();
        let a = syntax.analyse(&words);
        let deps: Vec<Dep> = a
            .deprels
            .iter()
            .map(|&d| {
                deps_of_labels
                    .get(d as usize)
                    .copied()
                    .unwrap_or(Dep::Other)
            })
            .collect();
        let norms = words
            .iter()
            .map(|w| w.to_lowercase().replace('\u{2019}', "'"))
            .collect();
        SentenceTree::assemble(
            token,
            spans,
            norms,
            range.start,
            token_word,
            a.upos,
            &a.heads,
            deps,
        )
    }

    /// A tree from its parts; `heads` numbered from 1 (0: the root).
    #[allow(clippy::too_many_arguments)]
    fn assemble(
        token: Vec<usize>,
        spans: Vec<Range<usize>>,
        norms: Vec<String>,
        first_token: usize,
        token_word: Vec<u32>,
        upos: Vec<u8>,
        heads: &[u32],
        deps: Vec<Dep>,
    ) -> SentenceTree {
        let heads: Vec<Option<u32>> = heads.iter().map(|&h| h.checked_sub(1)).collect();
        let mut tree = SentenceTree {
            token,
            spans,
            norms,
            first_token,
            token_word,
            upos,
            heads,
            deps,
            kid_start: Vec::new(),
            kids: Vec::new(),
        };
        tree.index_kids();
        tree
    }

    /// A tree written in CoNLL-U (one sentence), each word its own token, the words separated by one space
    /// in the text: for tests of what reads trees, independent of what the parser makes of a sentence.
    pub fn from_conllu(conllu: &str) -> (SentenceTree, String) {
        let s = super::syntax::conllu::read(conllu)
            .expect("a test tree in CoNLL-U")
            .remove(0);
        let text = s.words.join(" ");
        let mut spans = Vec::new();
        let mut at = 0;
        for w in &s.words {
            spans.push(at..at + w.len());
            at += w.len() + 1;
        }
        let n = s.words.len();
        let upos = s
            .upos
            .iter()
            .map(|t| super::syntax::tagger::upos_id(t))
            .collect();
        let deps = s.deprels.iter().map(|d| Dep::of(d)).collect();
        let norms = s.words.iter().map(|w| w.to_lowercase()).collect();
        (
            SentenceTree::assemble(
                (0..n).collect(),
                spans,
                norms,
                0,
                (0..n as u32).collect(),
                upos,
                &s.heads,
                deps,
            ),
            text,
        )
    }

    fn index_kids(&mut self) {
        let n = self.heads.len();
        let mut count = vec![0u32; n + 1];
        for h in self.heads.iter().flatten() {
            count[*h as usize + 1] += 1;
        }
        for i in 0..n {
            count[i + 1] += count[i];
        }
        let mut fill = count.clone();
        self.kids = vec![0; *count.last().unwrap_or(&0) as usize];
        for (w, h) in self.heads.iter().enumerate() {
            if let Some(h) = h {
                let at = &mut fill[*h as usize];
                self.kids[*at as usize] = w as u32;
                *at += 1;
            }
        }
        self.kid_start = count;
    }

    pub fn len(&self) -> usize {
        self.heads.len()
    }

    pub fn is_empty(&self) -> bool {
        self.heads.is_empty()
    }

    /// The word a token (article index) begins.
    pub fn word_of_token(&self, token: usize) -> usize {
        self.token_word[token - self.first_token] as usize
    }

    /// The words of tokens `tokens` (article indices).
    pub fn words_of_tokens(&self, tokens: &Range<usize>) -> Range<usize> {
        if tokens.is_empty() {
            return 0..0;
        }
        let start = self.word_of_token(tokens.start);
        let end = if tokens.end - self.first_token < self.token_word.len() {
            self.word_of_token(tokens.end)
        } else {
            self.len()
        };
        start..end
    }

    pub fn head(&self, w: usize) -> Option<usize> {
        self.heads[w].map(|h| h as usize)
    }

    /// The word in lower case.
    pub fn norm(&self, w: usize) -> &str {
        &self.norms[w]
    }

    pub fn dep(&self, w: usize) -> Dep {
        self.deps[w]
    }

    pub fn tag(&self, w: usize) -> &'static str {
        UPOS[self.upos[w] as usize]
    }

    /// Dependents of `w`, in sentence order.
    pub fn kids(&self, w: usize) -> impl DoubleEndedIterator<Item = usize> + '_ {
        self.kids[self.kid_start[w] as usize..self.kid_start[w + 1] as usize]
            .iter()
            .map(|&k| k as usize)
    }

    /// The first dependent of `w` with relation `d`.
    pub fn kid(&self, w: usize, d: Dep) -> Option<usize> {
        self.kids(w).find(|&k| self.deps[k] == d)
    }

    pub fn has_kid(&self, w: usize, d: Dep) -> bool {
        self.kid(w, d).is_some()
    }

    /// The word of `words` (a phrase) that the rest hang from: of those whose head lies outside, the one
    /// over most of the phrase, the last on a tie ("Greek and Maltese frigates": "frigates", though
    /// "Maltese" hangs on "Greek" outside the phrase).
    pub fn phrase_head(&self, words: Range<usize>) -> Option<usize> {
        let tops = words
            .clone()
            .filter(|&w| self.head(w).is_none_or(|h| !words.contains(&h)));
        tops.max_by_key(|&w| (words.clone().filter(|&x| self.dominates(w, x)).count(), w))
    }

    /// Whether `a` is `w` or lies beneath it.
    pub fn dominates(&self, w: usize, mut a: usize) -> bool {
        for _ in 0..=self.len() {
            if a == w {
                return true;
            }
            match self.head(a) {
                Some(h) => a = h,
                None => return false,
            }
        }
        false
    }

    /// `w` and the words joined to it by coordination ("X, Y and Z" → X, Y, Z).
    pub fn conjuncts(&self, w: usize) -> Vec<usize> {
        let mut out = vec![w];
        let mut i = 0;
        while i < out.len() {
            let x = out[i];
            out.extend(self.kids(x).filter(|&k| self.deps[k] == Dep::Conj));
            i += 1;
        }
        out
    }

    /// The first word of a coordination `w` is in (itself when it is the first).
    pub fn first_conjunct(&self, mut w: usize) -> usize {
        while self.deps[w] == Dep::Conj {
            match self.head(w) {
                Some(h) => w = h,
                None => break,
            }
        }
        w
    }

    /// The preposition (or subordinator) word marking `w`: its `case` or `mark` dependent.
    pub fn marker(&self, w: usize) -> Option<usize> {
        self.kids(w)
            .find(|&k| matches!(self.deps[k], Dep::Case | Dep::Mark))
    }

    /// The whole phrase under `w` (its first and last word, inclusive range).
    pub fn subtree(&self, w: usize) -> Range<usize> {
        let (mut lo, mut hi) = (w, w);
        let mut stack = vec![w];
        while let Some(x) = stack.pop() {
            for k in self.kids(x) {
                lo = lo.min(k);
                hi = hi.max(k);
                stack.push(k);
            }
        }
        lo..hi + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;

    /// A tree in a compact form: "word/TAG/head/relation" per word, heads numbered from 1.
    fn tree(compact: &str) -> (SentenceTree, Vec<String>) {
        let conllu: String = compact
            .split(' ')
            .enumerate()
            .map(|(i, w)| {
                let p: Vec<&str> = w.split('/').collect();
                format!(
                    "{}\t{}\t_\t{}\t_\t_\t{}\t{}\t_\t_\n",
                    i + 1,
                    p[0],
                    p[1],
                    p[2],
                    p[3]
                )
            })
            .collect();
        let (t, text) = SentenceTree::from_conllu(&conllu);
        let words = text.split(' ').map(String::from).collect();
        (t, words)
    }

    #[test]
    fn the_bundled_parser_reads_a_plain_clause() {
        let s = "The minister met the envoy in Cairo.";
        let syntax = Syntax::bundled();
        let tokens = tokenize(s, 0, s.len());
        let t = SentenceTree::parse(syntax, &deps_of(syntax), s, &tokens, 0..tokens.len());
        assert_eq!(t.len(), 8);
        assert_eq!(t.kid(2, Dep::Nsubj), Some(1), "{t:?}");
        assert_eq!(t.kid(2, Dep::Obj), Some(4), "{t:?}");
    }

    fn find(words: &[String], w: &str) -> usize {
        words.iter().position(|x| x == w).unwrap()
    }

    #[test]
    fn subject_object_and_oblique_of_a_plain_clause() {
        let (t, w) = tree(
            "The/DET/2/det envoy/NOUN/3/nsubj met/VERB/0/root the/DET/5/det minister/NOUN/3/obj in/ADP/7/case Cairo/PROPN/3/obl on/ADP/9/case Monday/PROPN/3/obl ././3/punct",
        );
        let met = find(&w, "met");
        assert_eq!(t.dep(met), Dep::Root);
        assert_eq!(t.kid(met, Dep::Nsubj), Some(find(&w, "envoy")));
        assert_eq!(t.kid(met, Dep::Obj), Some(find(&w, "minister")));
        let cairo = find(&w, "Cairo");
        assert_eq!(t.head(cairo), Some(met));
        assert_eq!(t.marker(cairo), Some(find(&w, "in")));
    }

    #[test]
    fn clitics_map_back_to_their_token() {
        let s = "They don't agree.";
        let syntax = Syntax::bundled();
        let tokens = tokenize(s, 0, s.len());
        let t = SentenceTree::parse(syntax, &deps_of(syntax), s, &tokens, 0..tokens.len());
        let w: Vec<&str> = t.spans.iter().map(|r| &s[r.clone()]).collect();
        assert_eq!(w, ["They", "do", "n't", "agree", "."]);
        assert_eq!(t.token[2], 1, "n't belongs to the token don't");
        assert_eq!(t.word_of_token(2), 3);
        assert_eq!(t.words_of_tokens(&(1..2)), 1..3);
    }

    #[test]
    fn a_long_name_is_one_word_for_the_parser() {
        let s = "The envoy spoke with Maria Elena Okonkwo Vargas about trade.";
        let syntax = Syntax::bundled();
        let tokens = tokenize(s, 0, s.len());
        let t = SentenceTree::parse_names(
            syntax,
            &deps_of(syntax),
            s,
            &tokens,
            0..tokens.len(),
            std::slice::from_ref(&(4..8)),
        );
        let w: Vec<&str> = t.spans.iter().map(|r| &s[r.clone()]).collect();
        assert_eq!(
            w,
            [
                "The",
                "envoy",
                "spoke",
                "with",
                "Maria Elena Okonkwo Vargas",
                "about",
                "trade",
                "."
            ]
        );
        assert_eq!(
            (4..8).map(|k| t.word_of_token(k)).collect::<Vec<_>>(),
            [4, 4, 4, 4]
        );
        assert_eq!(t.word_of_token(8), 5);
        assert_eq!(t.words_of_tokens(&(4..8)), 4..5);
        assert_eq!(t.head(4), Some(2), "the name hangs on the verb");
        assert_eq!(t.marker(4), Some(3));
    }

    #[test]
    fn coordination_and_phrase_heads() {
        let (t, w) = tree(
            "Norway/PROPN/6/nsubj ,/PUNCT/3/punct Chile/PROPN/1/conj and/CCONJ/5/cc Peru/PROPN/1/conj signed/VERB/0/root the/DET/8/det accord/NOUN/6/obj ././6/punct",
        );
        let norway = find(&w, "Norway");
        let members: Vec<&str> = t.conjuncts(norway).iter().map(|&k| w[k].as_str()).collect();
        assert_eq!(members, ["Norway", "Chile", "Peru"]);
        assert_eq!(t.first_conjunct(find(&w, "Peru")), norway);
        assert_eq!(t.phrase_head(6..8), Some(find(&w, "accord")));
        assert_eq!(t.subtree(find(&w, "signed")), 0..w.len());
    }
}
