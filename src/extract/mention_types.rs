//! What kind of thing a phrase names (a person, an organisation, a place, or something that is no actor:
//! an object, an event, an abstraction, a time...), by an averaged perceptron trained on the entity
//! annotations of the GUM treebank (`Entity=` in CoNLL-U's last column).
//!
//! Each word is labelled with the type of the smallest annotated phrase it lies in ("Firefox" in
//! "Mozilla Firefox" is an object; "University" in "Durham University" an organisation), from its forms,
//! its neighbours and the capitalised run it belongs to. The extractor asks it about names its lists do
//! not know: a product, a festival or a licence is not drawn as an actor, and a run of unknown capitalised
//! words is a person or a body as the words and their context say. The model ships as
//! `assets/mention_types.model` (`actormap train-mention-types`).

use super::mentions::Candidate;
use super::syntax::Rng;
use super::syntax::features::{WordForms, key};
use super::syntax::weights::{Learner, Weights};

/// The kinds of phrase GUM annotates, and `Outside` for words in none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MentionType {
    Outside = 0,
    Person,
    Organization,
    Place,
    Object,
    Event,
    Abstract,
    Time,
    Substance,
    Animal,
    Plant,
    Quantity,
}

pub const TYPES: [MentionType; 12] = [
    MentionType::Outside,
    MentionType::Person,
    MentionType::Organization,
    MentionType::Place,
    MentionType::Object,
    MentionType::Event,
    MentionType::Abstract,
    MentionType::Time,
    MentionType::Substance,
    MentionType::Animal,
    MentionType::Plant,
    MentionType::Quantity,
];

impl MentionType {
    pub fn name(self) -> &'static str {
        match self {
            MentionType::Outside => "outside",
            MentionType::Person => "person",
            MentionType::Organization => "organization",
            MentionType::Place => "place",
            MentionType::Object => "object",
            MentionType::Event => "event",
            MentionType::Abstract => "abstract",
            MentionType::Time => "time",
            MentionType::Substance => "substance",
            MentionType::Animal => "animal",
            MentionType::Plant => "plant",
            MentionType::Quantity => "quantity",
        }
    }

    fn of(name: &str) -> Option<MentionType> {
        TYPES.iter().copied().find(|t| t.name() == name)
    }

    /// Whether this kind names a thing, a happening or a time, never an actor (an abstraction may be a
    /// body's name the labeller did not know: it is given the benefit of the doubt).
    pub fn is_thing(self) -> bool {
        matches!(
            self,
            MentionType::Object
                | MentionType::Event
                | MentionType::Time
                | MentionType::Substance
                | MentionType::Animal
                | MentionType::Plant
                | MentionType::Quantity
        )
    }

    /// Whether things of this kind can act in the news: people, organisations, and places standing for
    /// their governments.
    pub fn can_act(self) -> bool {
        matches!(
            self,
            MentionType::Person | MentionType::Organization | MentionType::Place
        )
    }
}

/// A sentence of the treebank with each word's type.
#[derive(Debug, Clone, PartialEq)]
pub struct TypedSentence {
    /// The document it comes from (`# newdoc id`).
    pub doc: String,
    pub words: Vec<String>,
    pub types: Vec<MentionType>,
}

/// The sentences of a GUM CoNLL-U text with their words' types (the smallest entity each word is in).
/// Lines that are not word lines are skipped; an entity left open at the end of a sentence ends there.
pub fn read_typed(conllu: &str) -> Vec<TypedSentence> {
    let mut out = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut types: Vec<MentionType> = Vec::new();
    // Open entities: (id, type), innermost last.
    let mut open: Vec<(String, MentionType)> = Vec::new();
    let mut doc = String::new();
    let flush = |doc: &str,
                 words: &mut Vec<String>,
                 types: &mut Vec<MentionType>,
                 out: &mut Vec<TypedSentence>| {
        if !words.is_empty() {
            out.push(TypedSentence {
                doc: doc.to_string(),
                words: std::mem::take(words),
                types: std::mem::take(types),
            });
        }
    };
    for line in conllu.lines() {
        if line.trim().is_empty() {
            flush(&doc, &mut words, &mut types, &mut out);
            open.clear();
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            if let Some(id) = comment.trim_start().strip_prefix("newdoc id =") {
                doc = id.trim().to_string();
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 || cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let entity = cols[9]
            .split('|')
            .find_map(|f| f.strip_prefix("Entity="))
            .unwrap_or("");
        // Openings ("(12-person-...") before this word's type is read; closings ("12)") after.
        let mut rest = entity;
        let mut closings: Vec<String> = Vec::new();
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix('(') {
                let end = r.find(['(', ')']).unwrap_or(r.len());
                let fields: Vec<&str> = r[..end].split('-').collect();
                let ty = fields
                    .get(1)
                    .and_then(|t| MentionType::of(t))
                    .unwrap_or(MentionType::Abstract);
                open.push((fields[0].to_string(), ty));
                rest = &r[end..];
                // "(12-person-...)" opens and closes on this word.
                if let Some(r2) = rest.strip_prefix(')') {
                    closings.push(fields[0].to_string());
                    rest = r2;
                }
            } else {
                let end = rest.find(['(', ')']).unwrap_or(rest.len());
                let id = &rest[..end];
                rest = &rest[end..];
                if let Some(r2) = rest.strip_prefix(')') {
                    closings.push(id.to_string());
                    rest = r2;
                } else if end == 0 {
                    rest = &rest[1..];
                }
            }
        }
        words.push(cols[1].to_string());
        types.push(open.last().map_or(MentionType::Outside, |(_, t)| *t));
        for id in closings {
            if let Some(k) = open.iter().rposition(|(o, _)| *o == id) {
                open.remove(k);
            }
        }
    }
    flush(&doc, &mut words, &mut types, &mut out);
    out
}

const PAD: usize = 3;

/// What the features see of a sentence: each word's forms, and the capitalised run it is in.
struct View {
    forms: Vec<WordForms>,
    /// Per word (unpadded): the first and last word of its run of capitalised words (itself when not in one).
    runs: Vec<(usize, usize)>,
}

fn view(words: &[&str]) -> View {
    let mut forms = Vec::with_capacity(words.len() + 2 * PAD);
    for b in ["<s3>", "<s2>", "<s1>"] {
        forms.push(WordForms::boundary(b));
    }
    forms.extend(words.iter().map(|w| WordForms::of(w)));
    for b in ["</s1>", "</s2>", "</s3>"] {
        forms.push(WordForms::boundary(b));
    }
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let mut runs = vec![(0, 0); words.len()];
    let mut i = 0;
    while i < words.len() {
        let mut j = i;
        while j + 1 < words.len()
            && capital(words[i])
            && (capital(words[j + 1])
                || matches!(words[j + 1], "of" | "-" | "&" | "for" | "de" | "al"))
        {
            j += 1;
        }
        // A run ends on a capitalised word.
        while j > i && !capital(words[j]) {
            j -= 1;
        }
        for r in runs.iter_mut().take(j + 1).skip(i) {
            *r = (i, j);
        }
        i = j + 1;
    }
    View { forms, runs }
}

fn features(v: &View, i: usize, labels: &[u8], out: &mut Vec<u64>) {
    out.clear();
    let w = |d: isize| &v.forms[(i + PAD).wrapping_add_signed(d)];
    let l = |d: usize| if i >= d { labels[i - d] as u64 } else { 99 };
    let (first, last) = v.runs[i];
    let run_len = (last - first + 1).min(4) as u64;
    let (fw, lw) = (&v.forms[first + PAD], &v.forms[last + PAD]);
    let (w0, p1, p2, n1, n2) = (w(0), w(-1), w(-2), w(1), w(2));
    out.extend_from_slice(&[
        key(0, &[]),
        key(1, &[w0.lower]),
        key(2, &[w0.form]),
        key(3, &[w0.suffix[2]]),
        key(4, &[w0.suffix[3]]),
        key(5, &[w0.prefix[2]]),
        key(6, &[w0.shape]),
        key(7, &[p1.lower]),
        key(8, &[p2.lower]),
        key(9, &[n1.lower]),
        key(10, &[n2.lower]),
        key(11, &[w(-3).lower]),
        key(12, &[w(3).lower]),
        key(13, &[l(1)]),
        key(14, &[l(1), l(2)]),
        key(15, &[l(1), w0.shape]),
        key(16, &[p1.lower, w0.lower]),
        key(17, &[w0.lower, n1.lower]),
        key(18, &[lw.lower]),
        key(19, &[fw.lower]),
        key(20, &[lw.suffix[2], run_len]),
        key(21, &[(i - first) as u64, run_len, w0.flags]),
        key(22, &[p1.shape, w0.shape, n1.shape]),
        key(23, &[(i == 0) as u64, w0.shape]),
        key(24, &[n1.suffix[2]]),
        key(25, &[p1.suffix[2]]),
        key(26, &[l(1), w0.lower]),
        key(27, &[lw.lower, fw.lower]),
    ]);
}

fn best(scores: &[f32]) -> usize {
    (0..scores.len()).fold(0, |b, k| if scores[k] > scores[b] { k } else { b })
}

/// The trained labeller.
#[derive(Debug, Clone, PartialEq)]
pub struct MentionTypes {
    weights: Weights,
}

const MAGIC: &[u8] = b"actormap-mention-types 1\n";

impl MentionTypes {
    /// The model bundled into the binary.
    pub fn bundled() -> &'static MentionTypes {
        static MODEL: std::sync::OnceLock<MentionTypes> = std::sync::OnceLock::new();
        // The bundled model is checked by the tests; a broken one is a build defect, not user input.
        MODEL.get_or_init(|| {
            MentionTypes::read(include_bytes!("../../assets/mention_types.model"))
                .expect("the bundled mention-type model is valid")
        })
    }

    /// Each word's type.
    pub fn types(&self, words: &[&str]) -> Vec<MentionType> {
        self.types_and_runs(words).0
    }

    /// Each word's type, and the first and last word of the capitalised run it is in.
    pub fn types_and_runs(&self, words: &[&str]) -> (Vec<MentionType>, Vec<(usize, usize)>) {
        let v = view(words);
        let mut labels: Vec<u8> = Vec::with_capacity(words.len());
        let mut feats = Vec::with_capacity(32);
        let mut scores = [0f32; TYPES.len()];
        for i in 0..words.len() {
            features(&v, i, &labels, &mut feats);
            self.weights.score(&feats, &mut scores);
            labels.push(best(&scores) as u8);
        }
        (
            labels.into_iter().map(|l| TYPES[l as usize]).collect(),
            v.runs,
        )
    }

    pub fn write(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        self.weights.write(&mut out);
        out
    }

    pub fn read(bytes: &[u8]) -> Result<MentionTypes, String> {
        let rest = bytes
            .strip_prefix(MAGIC)
            .ok_or("not an actormap mention-type model (version 1)")?;
        let (weights, rest) = Weights::read(rest)?;
        if !rest.is_empty() || weights.classes() != TYPES.len() {
            return Err("a mention-type model of another shape".to_string());
        }
        Ok(MentionTypes { weights })
    }
}

/// Trains the labeller for `epochs` passes, words seen once shown as unknown half the time.
pub fn train(sentences: &[TypedSentence], epochs: usize, seed: u64) -> MentionTypes {
    let mut learner = Learner::new(TYPES.len());
    let views: Vec<View> = sentences
        .iter()
        .map(|s| view(&s.words.iter().map(String::as_str).collect::<Vec<_>>()))
        .collect();
    let mut counts: rustc_hash::FxHashMap<u64, u32> = Default::default();
    for v in &views {
        for f in &v.forms[PAD..v.forms.len() - PAD] {
            *counts.entry(f.lower).or_default() += 1;
        }
    }
    let unknown = super::syntax::features::hash_str("<unknown>");
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = Rng(seed);
    let mut feats = Vec::with_capacity(32);
    let mut scores = [0f32; TYPES.len()];
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &s in &order {
            let gold = &sentences[s].types;
            let mut v = View {
                forms: views[s].forms.clone(),
                runs: views[s].runs.clone(),
            };
            for f in v.forms.iter_mut() {
                if counts.get(&f.lower) == Some(&1) && rng.unit() < 0.5 {
                    f.lower = unknown;
                    f.form = unknown;
                }
            }
            let mut labels: Vec<u8> = Vec::with_capacity(gold.len());
            for (i, g) in gold.iter().enumerate() {
                features(&v, i, &labels, &mut feats);
                scores.fill(0.0);
                learner.score(&feats, &mut scores);
                let guess = best(&scores);
                learner.update(&feats, *g as usize, guess, 1.0);
                learner.tick();
                labels.push(guess as u8);
            }
        }
    }
    MentionTypes {
        weights: learner.freeze(),
    }
}

/// Whether the phrase's shape alone made the candidate (an acronym, a name part, a person known only by a
/// given name): those the labeller must agree can act. A body named by its head word ("Ministry",
/// "Wing") has its evidence in that word.
fn guessed(c: &super::mentions::Candidate) -> bool {
    use super::mentions::Referent;
    match &c.referent {
        Referent::Acronym(_) | Referent::NamePart(_) => true,
        Referent::Person { title, .. } => {
            title.is_none() && c.via == crate::corpus::MentionVia::Name
        }
        _ => false,
    }
}

impl MentionTypes {
    /// The sentence's candidates without those that name no actor: a guessed candidate whose capitalised
    /// words the labeller all takes for things, happenings or times ("Mozilla Firefox", "the Harvest
    /// Festival", "Cyclone Phailin").
    pub fn keep_actors(
        &self,
        text: &str,
        tokens: &[super::tokens::Token],
        range: std::ops::Range<usize>,
        candidates: Vec<Candidate>,
    ) -> Vec<Candidate> {
        if !candidates.iter().any(guessed) {
            return candidates;
        }
        // Only the stretches around guessed candidates are labelled (three words of context on the left,
        // one on the right, as the features see them): most of a sentence's words are never asked about.
        let mut types: Vec<Option<MentionType>> = vec![None; range.len()];
        let mut runs: Vec<Option<std::ops::Range<usize>>> = vec![None; range.len()];
        let mut windows: Vec<std::ops::Range<usize>> = Vec::new();
        for c in candidates.iter().filter(|c| guessed(c)) {
            let w = c.tokens.start.saturating_sub(3).max(range.start)
                ..(c.tokens.end + 1).min(range.end);
            match windows.last_mut() {
                Some(last) if w.start <= last.end => last.end = last.end.max(w.end),
                _ => windows.push(w),
            }
        }
        for w in windows {
            let words: Vec<&str> = tokens[w.clone()].iter().map(|t| t.text(text)).collect();
            let (tys, rs) = self.types_and_runs(&words);
            for ((k, ty), (first, last)) in w.clone().zip(tys).zip(rs) {
                types[k - range.start] = Some(ty);
                runs[k - range.start] = Some(w.start + first..w.start + last + 1);
            }
        }
        let kept: Vec<Candidate> = candidates
            .into_iter()
            .filter(|c| {
                let names: Vec<MentionType> = c
                    .tokens
                    .clone()
                    .filter(|&k| tokens[k].capitalised)
                    .filter_map(|k| types[k - range.start])
                    .collect();
                !guessed(c) || names.is_empty() || !names.iter().all(|t| t.is_thing())
            })
            .collect();
        promote_name_parts(text, tokens, range, &types, &runs, kept)
    }
}

/// Words the lists did not know, left as name parts, that the labeller reads as one body ("The Harbour
/// Courier", "Zentrix") become an institution. People are left to `recurring_names`, which sees the
/// whole article ("Abu Jandal al-Kuwaiti" is one name though "al-" is written small); name parts in
/// runs read otherwise stay as they are.
fn promote_name_parts(
    text: &str,
    tokens: &[super::tokens::Token],
    range: std::ops::Range<usize>,
    types: &[Option<MentionType>],
    runs: &[Option<std::ops::Range<usize>>],
    candidates: Vec<Candidate>,
) -> Vec<Candidate> {
    use super::mentions::Referent;
    let part = |c: &Candidate| matches!(c.referent, Referent::NamePart(_)) && !c.nested;
    if !candidates.iter().any(part) {
        return candidates;
    }
    let mut out: Vec<Candidate> = Vec::with_capacity(candidates.len());
    let mut i = 0;
    while i < candidates.len() {
        let c = &candidates[i];
        // Not when a known name stands in the run before it ("European Affairs"); the sentence's first
        // word, capitalised as any first word, stays out when the reader did not take it as a name
        // ("Though YouTube ...").
        let known_before =
            |r: &std::ops::Range<usize>| i > 0 && candidates[i - 1].tokens.end > r.start;
        let first_word = |r: std::ops::Range<usize>| {
            if r.start == range.start && c.tokens.start > r.start {
                r.start + 1..r.end
            } else {
                r
            }
        };
        let Some(run) = runs[c.tokens.start - range.start]
            .clone()
            .filter(|r| part(c) && !known_before(r))
            .map(first_word)
        else {
            out.push(c.clone());
            i += 1;
            continue;
        };
        // The run's candidates: name parts only (a run holding a known name is read by the lists).
        let mut j = i;
        while j < candidates.len()
            && candidates[j].tokens.start < run.end
            && candidates[j].tokens.start >= run.start
        {
            j += 1;
        }
        let all_parts = candidates[i..j].iter().all(part);
        let ty = types[run.end - 1 - range.start];
        let span = crate::corpus::Span::new(tokens[run.start].start, tokens[run.end - 1].end);
        let name = text[span.start..span.end].to_string();
        let referent = match ty {
            Some(MentionType::Organization) if all_parts => Some(Referent::Institution {
                name,
                sector: String::new(),
                country: None,
                acronym: None,
            }),
            _ => None,
        };
        match referent {
            Some(referent) => {
                out.push(Candidate {
                    sentence: c.sentence,
                    tokens: run,
                    span,
                    referent,
                    via: crate::corpus::MentionVia::Name,
                    nested: false,
                    name_only: false,
                });
                i = j.max(i + 1);
            }
            None => {
                out.push(c.clone());
                i += 1;
            }
        }
    }
    out
}

/// How well the labeller does on gold sentences: over capitalised words not at a sentence's start (the
/// names it is asked about), the share labelled right, and precision and recall of "can act".
pub fn score(model: &MentionTypes, gold: &[TypedSentence]) -> String {
    let (mut n, mut right, mut tp, mut pred, mut real) = (0, 0, 0, 0, 0);
    for s in gold {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let got = model.types(&words);
        for i in 1..words.len() {
            if !words[i].chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            n += 1;
            right += (got[i] == s.types[i]) as usize;
            pred += got[i].can_act() as usize;
            real += s.types[i].can_act() as usize;
            tp += (got[i].can_act() && s.types[i].can_act()) as usize;
        }
    }
    let share = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    format!(
        "capitalised words {n}: type accuracy {:.4}; can act: precision {:.4} recall {:.4}",
        share(right, n),
        share(tp, pred),
        share(tp, real)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_word_gets_the_type_of_the_smallest_phrase_around_it() {
        let conllu = "# newdoc id = doc1\n1\tDurham\t_\tPROPN\t_\t_\t2\tcompound\t_\tEntity=(13-organization-new-x(14-place-new-x)\n\
                      2\tUniversity\t_\tPROPN\t_\t_\t0\troot\t_\tEntity=13)\n\
                      3\tsaid\t_\tVERB\t_\t_\t2\tacl\t_\t_\n\
                      4\tit\t_\tPRON\t_\t_\t3\tobj\t_\tEntity=(15-organization-giv-x)\n\n";
        let s = &read_typed(conllu)[0];
        assert_eq!(s.doc, "doc1");
        assert_eq!(s.words, ["Durham", "University", "said", "it"]);
        assert_eq!(
            s.types,
            [
                MentionType::Place,
                MentionType::Organization,
                MentionType::Outside,
                MentionType::Organization
            ]
        );
    }

    #[test]
    fn name_parts_read_as_a_body_become_one_institution() {
        use super::super::mentions::Referent;
        use crate::corpus::{MentionVia, Span};
        let text = "Though Harbour Courier said so.";
        let tokens = super::super::tokens::tokenize(text, 0, text.len());
        let part = |k: usize| Candidate {
            sentence: 0,
            tokens: k..k + 1,
            span: Span::new(tokens[k].start, tokens[k].end),
            referent: Referent::NamePart(tokens[k].norm.to_string()),
            via: MentionVia::PartialName,
            nested: false,
            name_only: false,
        };
        let o = Some(MentionType::Organization);
        let types = [o, o, o, Some(MentionType::Outside), None, None];
        let runs = [Some(0..3), Some(0..3), Some(0..3), None, None, None];
        let out = promote_name_parts(
            text,
            &tokens,
            0..tokens.len(),
            &types,
            &runs,
            vec![part(1), part(2)],
        );
        assert_eq!(out.len(), 1);
        assert!(
            matches!(&out[0].referent, Referent::Institution { name, .. } if name == "Harbour Courier"),
            "{:?}",
            out[0].referent
        );
        assert_eq!(
            out[0].tokens,
            1..3,
            "the word before the first name part stays out"
        );
        // A known name at the start of the run ("European Affairs"): no new body.
        let mut known = part(1);
        known.referent = Referent::Country(0);
        let out = promote_name_parts(
            text,
            &tokens,
            0..tokens.len(),
            &types,
            &runs,
            vec![known, part(2)],
        );
        assert!(matches!(out[1].referent, Referent::NamePart(_)));
        // Read as a person: left to the article-wide pass.
        let p = Some(MentionType::Person);
        let out = promote_name_parts(
            text,
            &tokens,
            0..tokens.len(),
            &[p, p, p, None, None, None],
            &runs,
            vec![part(1), part(2)],
        );
        assert!(
            out.iter()
                .all(|c| matches!(c.referent, Referent::NamePart(_)))
        );
    }

    #[test]
    fn capitalised_runs_span_small_joining_words() {
        let v = view(&["the", "Bank", "of", "England", "said"]);
        assert_eq!(v.runs[1], (1, 3));
        assert_eq!(v.runs[3], (1, 3));
        assert_eq!(v.runs[4], (4, 4));
    }

    #[test]
    fn the_bundled_model_reads_and_tells_people_from_things() {
        let m = MentionTypes::bundled();
        let t = m.types(&[
            "The", "minister", ",", "Maria", "Lopez", ",", "opened", "the", "Harvest", "Festival",
            "in", "Lima", ".",
        ]);
        assert_eq!(t[3], MentionType::Person, "{t:?}");
        assert!(t[9].is_thing(), "{t:?}");
        assert!(t[11].can_act(), "{t:?}");
    }
}
