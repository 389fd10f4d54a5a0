//! Interactions in one sentence: trigger words (from `assets/triggers.json`) whose actors are read off
//! the sentence's dependency tree (`roles`), never off mere nearness.
//!
//! - Source: a verb's subject, its own or shared (control, coordination, relative clause, participle);
//!   the agent of a passive ("was accused by X"); for a noun, its possessor or modifier ("Iran's visit",
//!   "U.S. strikes"), "by X", or the subject of the verb that carries it ("launched airstrikes").
//! - Target: a verb's object or a passive's subject; a phrase introduced by one of the trigger's
//!   prepositions on the trigger or its carrying verb ("met with Y", "visit to Y", "held talks with Y");
//!   "between Y and Z" gives the pair; "each other" gives both directions. A phrase with a place
//!   preposition ("in Y") is where, not whom, except for acts done to a place (protests, deployments,
//!   curfews).
//! - A trigger that completes another ("threatened to attack Y", "refused to meet Y") is one event of
//!   the governing kind with the completing act's object; "lifted the blockade" is a concession.
//! - Conflict words about sport or elections ("beat Italy 2-0", "won the vote") are no events.
//! - Modality and the reporter come from the tree around the clause's verb (`roles::modality`,
//!   `roles::reporter`); actors that report ("the ministry said") are kept apart as reporters.

use std::ops::Range;

use super::lexicon::{Lexicon, Trigger};
use super::roles;
use super::tokens::Token;
use super::tree::{Dep, SentenceTree};
use super::word_keys::WordKeys;
use crate::corpus::{Family, InteractionKind, Modality, Span};

/// An actor phrase of the sentence that can be an argument.
#[derive(Debug, Clone)]
pub struct Arg<'r> {
    pub tokens: Range<usize>,
    pub span: Span,
    /// Entities it refers to (two for "both sides").
    pub entities: &'r [usize],
    pub reciprocal: bool,
    /// A place standing for its country ("near Mosul"): where things happen, never who acts.
    pub place: bool,
    /// A capital standing for its state ("Islamabad said"); after "in" it is a place too.
    pub capital: bool,
    /// A bare title or a pronoun ("the President", "he"): who it is was guessed from the text around.
    pub reference: bool,
}

/// An interaction found in a sentence, with entity indices for its sides.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub kind: InteractionKind,
    pub cameo: String,
    pub source: usize,
    pub target: usize,
    pub directed: bool,
    pub modality: Modality,
    pub rule: String,
    pub trigger: Span,
    pub source_span: Span,
    pub target_span: Span,
}

/// Result of a sentence: its interactions and who reported them.
#[derive(Debug, Default)]
pub struct SentenceResult {
    pub found: Vec<Found>,
    /// Arguments that are sources of a report (indices into `args`).
    pub reporters: Vec<usize>,
}

/// Reads the interactions of one sentence.
pub struct SentenceEvents<'a> {
    pub lex: &'a Lexicon,
    pub text: &'a str,
    pub tokens: &'a [Token],
    /// What the lexicon makes of each token: keys, word numbers, `lexicon::starts` bits.
    pub words: &'a WordKeys<'a>,
    pub range: Range<usize>,
    pub args: Vec<Arg<'a>>,
    pub tree: &'a SentenceTree,
}

/// A trigger where it stands: its tokens, its tree word, its entry.
#[derive(Clone, Copy)]
struct Predicate<'t> {
    tokens: (usize, usize),
    word: usize,
    trigger: &'t Trigger,
}

/// What the reading of a sentence knows beyond its tree: the word each argument hangs from, and the
/// words that are triggers (an argument inside another trigger's phrase is that trigger's).
struct Ctx {
    heads: Vec<Option<usize>>,
    predicates: Vec<usize>,
    /// The kind of each trigger in `predicates`.
    kinds: Vec<InteractionKind>,
}

impl Ctx {
    /// Whether tree word `w` is a trigger of support or aid ("backing for X", "support for X").
    fn supports(&self, w: usize) -> bool {
        self.predicates
            .iter()
            .zip(&self.kinds)
            .any(|(&p, k)| p == w && matches!(k, InteractionKind::Support | InteractionKind::Aid))
    }
}

/// An argument position filled: the arguments standing there and how the position was found.
#[derive(Debug, Clone)]
struct Side {
    members: Vec<usize>,
    how: &'static str,
}

impl<'a> SentenceEvents<'a> {
    fn norm(&self, i: usize) -> &'a str {
        self.words.norms[i]
    }

    /// The tree word each argument's phrase hangs from.
    fn arg_heads(&self) -> Vec<Option<usize>> {
        self.args
            .iter()
            .map(|a| self.tree.phrase_head(self.tree.words_of_tokens(&a.tokens)))
            .collect()
    }

    /// The arguments standing at tree word `w`: those headed by it, else those modifying it ("Iraqi
    /// forces", "Iran's army": the country stands for its people), an apposition's ("the envoy, X,"),
    /// or the one it is "of".
    fn args_at(&self, cx: &Ctx, w: usize) -> Vec<usize> {
        let t = self.tree;
        let at = |x: usize| -> Vec<usize> {
            (0..self.args.len())
                .filter(|&a| cx.heads[a] == Some(x))
                .collect()
        };
        let own = at(w);
        if !own.is_empty() {
            return own;
        }
        // "the deployment of NATO troops", "a unit of the army": the actor the noun is of.
        for k in t.kids(w) {
            let of = t.dep(k) == Dep::Nmod && t.marker(k).is_some_and(|m| t.norm(m) == "of");
            if matches!(
                t.dep(k),
                Dep::Amod | Dep::Compound | Dep::Poss | Dep::Flat | Dep::Appos
            ) || of
            {
                let found = at(k);
                if !found.is_empty() {
                    return found;
                }
            }
        }
        // A word inside an actor's phrase that the parse made its own head ("Sierra" of "Sierra Leone rebels").
        let within: Vec<usize> = (0..self.args.len())
            .filter(|&a| t.words_of_tokens(&self.args[a].tokens).contains(&w))
            .collect();
        within
    }

    /// The arguments at `w` and at the words coordinated with it ("X, Y and Z").
    fn side(&self, cx: &Ctx, w: usize, how: &'static str) -> Option<Side> {
        let t = self.tree;
        let mut members = Vec::new();
        let mut queue = t.conjuncts(w);
        let mut q = 0;
        while q < queue.len() {
            let c = queue[q];
            q += 1;
            for a in self.args_at(cx, c) {
                if !members.contains(&a) {
                    members.push(a);
                    // "the Government of Chile and the Andes Regional Government": a parse may hang the
                    // second member on a word inside the first.
                    for x in t.words_of_tokens(&self.args[a].tokens) {
                        for k in t.conjuncts(x).into_iter().skip(1) {
                            if !queue.contains(&k) {
                                queue.push(k);
                            }
                        }
                    }
                }
            }
            // "Greek and Maltese patrol boats": coordinated modifiers name several actors; so do hyphened
            // ones before a noun act ("the Ruritania-Osterlich war", "US-China talks").
            let joined = |k: usize| {
                t.has_kid(k, Dep::Conj) || how == "modifier" && t.has_kid(k, Dep::Compound)
            };
            let joined_modifiers: Vec<usize> = if how == "modifier" {
                vec![c]
            } else {
                t.kids(c)
                    .filter(|&k| matches!(t.dep(k), Dep::Amod | Dep::Compound) && joined(k))
                    .collect()
            };
            for k in joined_modifiers {
                let members_of = t
                    .conjuncts(k)
                    .into_iter()
                    .chain(t.kids(k).filter(|&x| t.dep(x) == Dep::Compound));
                for m in members_of.collect::<Vec<_>>() {
                    for a in (0..self.args.len()).filter(|&a| cx.heads[a] == Some(m)) {
                        if !members.contains(&a) {
                            members.push(a);
                        }
                    }
                }
            }
        }
        (!members.is_empty()).then_some(Side { members, how })
    }

    /// Every trigger of the sentence, with the tree word it stands on.
    fn predicates(&self, heads: &[Option<usize>]) -> Vec<Predicate<'a>> {
        use super::lexicon::starts::TRIGGER;
        let t = self.tree;
        let covered = |i: usize| self.args.iter().any(|a| a.tokens.contains(&i));
        let mut out = Vec::new();
        let mut i = self.range.start;
        while i < self.range.end {
            let may = self.words.starts[i] & TRIGGER != 0;
            if !may || !self.tokens[i].is_word() || covered(i) {
                i += 1;
                continue;
            }
            let Some(m) = self.lex.trigger_table.longest_if(
                may,
                self.text,
                &self.tokens[..self.range.end],
                i,
                |j| self.words.key_ids[j],
            ) else {
                i += 1;
                continue;
            };
            let end = i + m.len;
            let words = t.words_of_tokens(&(i..end));
            let Some(word) = t.phrase_head(words) else {
                i = end;
                continue;
            };
            // A trigger word inside a name ("Disaster Relief Commissioner") or used as an adjective ("the
            // occupied territories", "the disputed border") names no act.
            // ... except a war or clash named for its sides ("the Ruritania-Osterlich War").
            let named_for_sides = t
                .kids(word)
                .filter(|&k| t.dep(k) == Dep::Compound)
                .flat_map(|k| t.subtree(k))
                .filter(|&w| heads.contains(&Some(w)))
                .count()
                >= 2;
            let in_name = (t.tag(word) == "PROPN" || t.dep(word) == Dep::Flat) && !named_for_sides;
            let adjective = t.dep(word) == Dep::Amod && heads.iter().all(|h| *h != Some(word));
            // "ISIL targets": a noun naming what is acted on, though a trigger verb has its form.
            let thing = t.tag(word) == "NOUN" && self.lex.grammar.thing_nouns.has(t.norm(word));
            // "aid workers", "attack helicopters": a noun modifying another names no act of its own.
            let modifier = t.dep(word) == Dep::Compound
                && t.head(word).is_some_and(|h| h > word && t.tag(h) == "NOUN");
            if in_name || adjective || modifier || thing {
                i = end;
                continue;
            }
            let next = if end < self.range.end {
                self.norm(end)
            } else {
                ""
            };
            let entry = |v: &u32| &self.lex.triggers[*v as usize];
            let picked = m
                .values
                .iter()
                .map(|v| entry(v))
                .find(|tr| tr.preps.iter().any(|p| p == next))
                .unwrap_or_else(|| entry(m.values[0]));
            // "is returning to Peru": the word without the act ("returned the prisoners").
            if picked.not_followed_by.iter().any(|w| w == next) {
                i = end;
                continue;
            }
            out.push(Predicate {
                tokens: (i, end),
                word,
                trigger: picked,
            });
            i = end;
        }
        out
    }

    /// Finds the sentence's interactions.
    pub fn read(&self) -> SentenceResult {
        if self.args.is_empty() {
            return SentenceResult::default();
        }
        let t = self.tree;
        let g = &self.lex.grammar;
        let heads = self.arg_heads();
        let reporting = roles::reporting_words(t, g);
        // "..., Radio X reported.": an actor right before a reporting verb the parse left without a
        // subject reports.
        let orphan_report = |a: usize| {
            let end = self.args[a].tokens.end;
            end < self.range.end && {
                let w = t.word_of_token(end);
                roles::is_verbal(t, w)
                    && g.reporting_verbs.has(t.norm(w))
                    && roles::subjects(t, g, w).is_empty()
            }
        };
        let reporters: Vec<usize> = (0..self.args.len())
            .filter(|&a| heads[a].is_some_and(|h| reporting.contains(&h)) || orphan_report(a))
            .collect();
        let predicates = self.predicates(&heads);
        let cx = Ctx {
            heads,
            predicates: predicates.iter().map(|p| p.word).collect(),
            kinds: predicates.iter().map(|p| p.trigger.kind).collect(),
        };
        if super::trace::on() {
            for w in 0..t.len() {
                let head = t.head(w).map_or(0, |h| h + 1);
                eprintln!(
                    "      {:>3} {:<16} {:<6} {:>3} {:?}",
                    w + 1,
                    &self.text[t.spans[w].clone()],
                    t.tag(w),
                    head,
                    t.dep(w)
                );
            }
        }
        let mut found = Vec::new();
        // What someone must do has not happened: the acts under "must" are the demand's content.
        let mut demanded = None;
        if let Some((v, f)) = self.must_clause(&cx) {
            demanded = Some(v);
            found.push(f);
        }
        let predicates: Vec<Predicate<'a>> = predicates
            .into_iter()
            .filter(|p| demanded.is_none_or(|v| !t.dominates(v, p.word)))
            .collect();
        if predicates.is_empty() {
            return SentenceResult { found, reporters };
        }
        let sporting = self.sporting(&predicates);
        let mut done = vec![false; predicates.len()];
        for k in 0..predicates.len() {
            if done[k] {
                continue;
            }
            let p = predicates[k];
            if sporting && p.trigger.kind.family() == Family::Conflict {
                continue;
            }
            // "threatened to attack Y", "refused to meet Y", "agreed to provide aid": one event of the
            // governing kind, with the completing act's object. "Offered to mediate" is the mediation.
            // The act completing another is its xcomp, or the noun its xcomp carries ("threatened to hold a
            // strike").
            // ("Refused to meet X's visiting envoy": the xcomp of a word inside the trigger phrase.)
            let phrase = t.words_of_tokens(&(p.tokens.0..p.tokens.1));
            let completes = |q: &Predicate<'_>| {
                let v = roles::clause_verb(t, q.word);
                let governed = |w: usize| {
                    t.head(w)
                        .is_some_and(|h| h == p.word || phrase.contains(&h) && h != w)
                };
                // "called for sanctions against X", "threatened strikes on X", "rejected talks with
                // X": an act named as the object of a demand, threat, refusal or accord completes it
                // as an infinitive does.
                let named_act = !roles::is_verbal(t, q.word)
                    && matches!(t.dep(q.word), Dep::Obj | Dep::Obl)
                    && governed(q.word);
                named_act
                    || [q.word, v]
                        .iter()
                        .any(|&w| t.dep(w) == Dep::Xcomp && governed(w))
            };
            let complement =
                (0..predicates.len()).find(|&n| n != k && !done[n] && completes(&predicates[n]));
            if let Some(n) = complement {
                if p.trigger.lemma == "offer" {
                    continue;
                }
                if matches!(
                    p.trigger.kind,
                    InteractionKind::Threaten
                        | InteractionKind::Reject
                        | InteractionKind::Demand
                        | InteractionKind::Agree
                ) {
                    done[n] = true;
                    self.attach(p, predicates[n], &cx, &mut found);
                    continue;
                }
            }
            // "staged demonstrations to demand reforms from X": a protest made to demand something of X is
            // a protest against X, and the demand is what it is for.
            if p.trigger.kind == InteractionKind::Protest {
                let top = roles::clause_verb(t, p.word);
                let purpose = (0..predicates.len()).find(|&n| {
                    let q = &predicates[n];
                    n != k
                        && !done[n]
                        && q.trigger.kind == InteractionKind::Demand
                        && matches!(t.dep(q.word), Dep::Advcl | Dep::Xcomp | Dep::Acl)
                        && t.head(q.word).is_some_and(|h| h == top || h == p.word)
                });
                if let Some(n) = purpose {
                    done[n] = true;
                    self.attach(p, predicates[n], &cx, &mut found);
                    continue;
                }
            }
            // "lifted the blockade", "eased the curfew": relief from a restriction is a concession.
            if let Some(v) = roles::carrier(t, p.word)
                .filter(|&v| g.relief_verbs.has(t.norm(v)) && self.is_restriction(p))
            {
                // "agreed to lift the embargo": the agreement is the event, the lifting its content.
                let governed = t.dep(v) == Dep::Xcomp
                    && t.head(v).is_some_and(|h| {
                        predicates.iter().any(|q| {
                            q.word == h
                                && matches!(
                                    q.trigger.kind,
                                    InteractionKind::Threaten
                                        | InteractionKind::Reject
                                        | InteractionKind::Demand
                                        | InteractionKind::Agree
                                )
                        })
                    });
                if governed {
                    continue;
                }
                let relief = Predicate {
                    tokens: (t.token[v], t.token[v] + 1),
                    word: v,
                    trigger: &self.lex.relief,
                };
                if let Some(n) = predicates.iter().position(|q| q.word == v) {
                    done[n] = true;
                }
                self.attach(relief, p, &cx, &mut found);
                continue;
            }
            self.attach(p, p, &cx, &mut found);
        }
        dedupe(&mut found);
        SentenceResult { found, reporters }
    }

    /// Whether the trigger names a restriction ("curfew", "martial law", "sanctions").
    fn is_restriction(&self, p: Predicate<'_>) -> bool {
        let g = &self.lex.grammar;
        g.restrictions.has(self.words.keys[p.tokens.0])
            || g.restrictions
                .phrase_at(self.text, &self.tokens[..self.range.end], p.tokens.0)
                > 0
    }

    /// Whether the sentence reports a game or a vote: a score ("2-0") or a contest noun ("the match",
    /// "the election") among its words (`contests` in the grammar).
    fn sporting(&self, predicates: &[Predicate<'_>]) -> bool {
        let t = self.tree;
        let score = (0..t.len()).any(|w| {
            let s = t.norm(w);
            let mut parts = s.split(['-', '\u{2013}']);
            matches!((parts.next(), parts.next(), parts.next()), (Some(a), Some(b), None) if !a.is_empty() && !b.is_empty() && a.bytes().all(|c| c.is_ascii_digit()) && b.bytes().all(|c| c.is_ascii_digit()) && a.len() <= 2 && b.len() <= 2)
        });
        let in_trigger = |w: usize| {
            predicates
                .iter()
                .any(|p| (p.tokens.0..p.tokens.1).contains(&t.token[w]))
        };
        score
            || (0..t.len()).any(|w| {
                t.tag(w) == "NOUN" && !in_trigger(w) && self.lex.grammar.contests.has(t.norm(w))
            })
    }

    /// "X said that Y must hand over ...", "X insists Y should leave": a demand (CAMEO 100) by the speaker
    /// of the one who must act.
    fn must_clause(&self, cx: &Ctx) -> Option<(usize, Found)> {
        let t = self.tree;
        let m = (0..t.len())
            .find(|&w| t.dep(w) == Dep::Aux && self.lex.grammar.obligation_modals.has(t.norm(w)))?;
        let v = t.head(m)?;
        // The clause is what someone says, insists or reiterates (the verb it completes), or the content
        // of a noun ("a reminder that ...", "a warning that ...": the one who issues it speaks).
        // A "that" clause is a complement wherever the parse hangs it ("issued a reminder to Iraq that it
        // must ..."): the speaker is the subject of the nearest verb above it.
        let that = t
            .kids(v)
            .any(|k| t.dep(k) == Dep::Mark && t.norm(k) == "that");
        if !(that || matches!(t.dep(v), Dep::Ccomp | Dep::Parataxis | Dep::Acl)) {
            return None;
        }
        let mut governor = t.head(v)?;
        while !roles::is_verbal(t, governor)
            || roles::subjects(t, &self.lex.grammar, governor).is_empty()
        {
            governor = t.head(governor)?;
        }
        let speaker = roles::subject(t, &self.lex.grammar, governor);
        let x = self.side(cx, speaker?, "speaker")?;
        let y = self.side(
            cx,
            roles::subject(t, &self.lex.grammar, v)?,
            "the one who must act",
        )?;
        let (xa, ya) = (x.members[0], y.members[0]);
        let source = *self.args[xa].entities.first()?;
        let target = *self.args[ya].entities.first()?;
        let word = t.spans[m].clone();
        (source != target).then(|| {
            (
                v,
                Found {
                    kind: InteractionKind::Demand,
                    cameo: "100".to_string(),
                    source,
                    target,
                    directed: true,
                    modality: Modality::Asserted,
                    rule: "\"that ... must\" clause: a demand by the speaker (CAMEO 100)"
                        .to_string(),
                    trigger: Span::new(word.start, word.end),
                    source_span: self.args[xa].span,
                    target_span: self.args[ya].span,
                },
            )
        })
    }

    /// Who does the act of `p`.
    fn source(&self, cx: &Ctx, p: usize, nominal: bool) -> Option<Side> {
        let t = self.tree;
        if nominal {
            // "a demand from X", "an offer by X": the one who makes the request.
            if let Some(s) = self.requester(cx, p) {
                return Some(Side { how: "maker", ..s });
            }
            for w in roles::noun_agents(t, p) {
                let how = if t.dep(w) == Dep::Poss {
                    "possessor"
                } else if t.marker(w).is_some() {
                    "by"
                } else {
                    "modifier"
                };
                if let Some(s) = self.side(cx, w, how) {
                    return Some(s);
                }
                // "its support", "their fight": a possessive pronoun the article did not resolve.
                if t.dep(w) == Dep::Poss
                    && t.tag(w) == "PRON"
                    && let Some(s) = self.possessor_pronoun(cx, p)
                {
                    return Some(s);
                }
            }
            // "X is in talks with Y", "X was in touch": a noun predicate with a subject of its own.
            if let Some(s) = t
                .kid(p, Dep::Nsubj)
                .and_then(|w| self.side(cx, w, "subject"))
            {
                return Some(s);
            }
            // "aid for X in the struggle against Y": the supported party fights; "X joined in the fight":
            // the doer of the clause the act is in.
            if matches!(t.dep(p), Dep::Obl | Dep::Nmod)
                && t.marker(p).is_some_and(|m| t.norm(m) == "in")
                && let Some(h) = t.head(p)
            {
                let supported = [h]
                    .into_iter()
                    .chain(t.kids(h).filter(|&k| t.dep(k) == Dep::Obj))
                    .find(|&w| {
                        cx.supports(w)
                            || cx.predicates.contains(&w)
                                && self.lex.grammar.partner_nouns.has(t.norm(w))
                    });
                if let Some(w) = supported {
                    if let Some(s) = roles::obliques(t, w)
                        .into_iter()
                        .filter(|(prep, _)| self.lex.grammar.supported_prepositions.has(prep))
                        .find_map(|(_, x)| self.side(cx, x, "the party supported"))
                    {
                        return Some(s);
                    }
                } else if roles::is_verbal(t, h) {
                    return self.doer(cx, h);
                }
            }
            // "X launched attacks": the doer of the verb that carries the noun.
            let carrier = roles::carrier(t, p)?;
            return self.doer(cx, carrier).map(|s| Side {
                how: if s.how == "by" {
                    "by (carrying verb)"
                } else {
                    "subject of the carrying verb"
                },
                ..s
            });
        }
        self.doer(cx, p)
    }

    /// Whom a possessive pronoun on the act `p` stands for: the party supported when the act hangs on a
    /// support for someone ("support for X and Y in their fight"), else the subject of the nearest verb
    /// above ("Norway stays firm in its backing").
    fn possessor_pronoun(&self, cx: &Ctx, p: usize) -> Option<Side> {
        let t = self.tree;
        let mut w = p;
        for _ in 0..4 {
            w = t.head(w)?;
            if (cx.supports(w)
                || cx.predicates.contains(&w) && self.lex.grammar.partner_nouns.has(t.norm(w)))
                && let Some(s) = roles::obliques(t, w)
                    .into_iter()
                    .filter(|(prep, _)| self.lex.grammar.supported_prepositions.has(prep))
                    .find_map(|(_, x)| self.side(cx, x, "the party supported"))
            {
                return Some(s);
            }
            if roles::is_verbal(t, w) && !roles::subjects(t, &self.lex.grammar, w).is_empty() {
                return self.doer(cx, w).map(|s| Side {
                    how: "the clause's subject (possessive pronoun)",
                    ..s
                });
            }
        }
        None
    }

    /// Who does what the verb `v` says: the agent of a passive, else its subject, else (when the parse
    /// names none) the noun it hangs on or the nearest actor before it.
    fn doer(&self, cx: &Ctx, v: usize) -> Option<Side> {
        let t = self.tree;
        if roles::is_passive(t, &self.lex.grammar, v) {
            return roles::by_agent(t, v).and_then(|w| self.side(cx, w, "by"));
        }
        if let Some(s) = roles::subjects(t, &self.lex.grammar, v)
            .into_iter()
            .find_map(|w| self.side(cx, w, "subject"))
        {
            // The relative clause the verb is in, through coordination ("which looted and burned").
            let mut rel = v;
            while t.dep(rel) == Dep::Conj && t.head(rel).is_some_and(|h| roles::is_verbal(t, h)) {
                rel = t.head(rel)?;
            }
            if !(t.dep(rel) == Dep::Relcl && s.members.iter().all(|&a| self.args[a].place)) {
                return Some(s);
            }
            // "X's raids on the village of Y, which left ...": a relative clause hung on the place is
            // about the act or the actor the place phrase belongs to.
            let mut w = t.head(rel)?;
            while matches!(t.dep(w), Dep::Nmod | Dep::Appos | Dep::Conj) {
                w = t.head(w)?;
                if cx.predicates.contains(&w) {
                    return self.source(cx, w, true);
                }
                if let Some(s) = self
                    .side(cx, w, "subject (before the relative clause)")
                    .filter(|s| !s.members.iter().all(|&a| self.args[a].place))
                {
                    return Some(s);
                }
            }
            return None;
        }
        // A parse that gave the verb two subjects ("British aircraft using guided missiles killed"): the
        // nearer named no one, so the farther.
        if let Some(s) = t
            .kids(v)
            .filter(|&k| t.dep(k) == Dep::Nsubj)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .skip(1)
            .find_map(|w| self.side(cx, w, "subject"))
        {
            return Some(s);
        }
        // A verb left hanging on a noun ("X, in talks on Monday, demanding ..."): the parse lost the
        // clause's subject; the noun it hangs on is the best guess.
        if let Some(h) = t.head(v).filter(|&h| {
            matches!(t.dep(v), Dep::Parataxis | Dep::Acl | Dep::Advcl)
                && matches!(t.tag(h), "NOUN" | "PROPN")
        }) && let Some(s) = self.side(cx, h, "subject (the noun the verb hangs on)")
        {
            return Some(s);
        }
        self.subject_by_position(cx, v)
    }

    /// When the tree names no subject at all (a parse that went astray): the nearest actor before the
    /// verb with no other verb of its own clause between them.
    fn subject_by_position(&self, cx: &Ctx, v: usize) -> Option<Side> {
        let t = self.tree;
        let token = t.token[v];
        let a = (0..self.args.len())
            .rev()
            .find(|&a| self.args[a].tokens.end <= token && !self.args[a].place)?;
        let from = t.word_of_token(self.args[a].tokens.end.min(token));
        let clause_between = (from..v).any(|w| {
            let finite = t.tag(w) == "VERB" && (t.dep(w) == Dep::Root || t.has_kid(w, Dep::Nsubj));
            finite || matches!(t.norm(w), ";" | ":") || cx.predicates.contains(&w)
        });
        (!clause_between).then(|| Side {
            members: vec![a],
            how: "subject (by position)",
        })
    }

    /// Whom the act of `q` is done to, best first.
    fn targets(&self, cx: &Ctx, q: Predicate<'_>, nominal: bool) -> Vec<Side> {
        let t = self.tree;
        let tr = q.trigger;
        let mut out = Vec::new();
        let request = nominal && self.lex.grammar.request_nouns.has(t.norm(q.word));
        let by_prep = |w: usize, prep: &str, out: &mut Vec<Side>| {
            // "a demand from X" names who demands, not of whom.
            if request && self.lex.grammar.request_maker_prepositions.has(prep) {
                return;
            }
            let of_support = prep == "of"
                && nominal
                && matches!(tr.kind, InteractionKind::Support | InteractionKind::Aid);
            let listed = tr.preps.iter().any(|p| p == prep);
            if prep == "between" {
                out.extend(self.side(cx, w, "between"));
            } else if listed || of_support {
                out.extend(self.side(cx, w, "preposition"));
            }
        };
        // "criticised each other": a reciprocal right after a verb is its object, however the parse hangs it.
        if !nominal
            && let Some(a) = self
                .args
                .iter()
                .position(|a| a.reciprocal && a.tokens.start == q.tokens.1)
        {
            out.push(Side {
                members: vec![a],
                how: "each other",
            });
        }
        if !nominal {
            // "refused to meet X": the object of the phrase's last verb.
            let words = t.words_of_tokens(&(q.tokens.0..q.tokens.1));
            let inner = words
                .clone()
                .rev()
                .find(|&w| w != q.word && roles::is_verbal(t, w) && t.dominates(q.word, w));
            if roles::is_passive(t, &self.lex.grammar, q.word) {
                out.extend(
                    roles::patient(t, &self.lex.grammar, q.word)
                        .and_then(|w| self.side(cx, w, "passive subject")),
                );
            } else if tr.transitive
                && let Some(o) = roles::patient(t, &self.lex.grammar, q.word)
                    .or_else(|| inner.and_then(|v| roles::patient(t, &self.lex.grammar, v)))
            {
                out.extend(self.side(cx, o, "object"));
            }
            for (prep, w) in inner.into_iter().flat_map(|v| roles::obliques(t, v)) {
                by_prep(w, prep, &mut out);
            }
            // "turned down a proposal from X", "declined to answer a plea from X": an answer to a request
            // is an answer to the one who made it.
            if matches!(
                tr.kind,
                InteractionKind::Reject | InteractionKind::Concede | InteractionKind::Agree
            ) {
                out.extend(
                    self.in_clause(q.word)
                        .into_iter()
                        .filter_map(|w| self.requester(cx, w))
                        .next(),
                );
            }
            for (prep, w) in roles::obliques(t, q.word) {
                by_prep(w, prep, &mut out);
            }
            // "hosted a meeting between X and Y", "signed an accord with X": the object's phrases.
            if let Some(o) = t.kid(q.word, Dep::Obj) {
                for (prep, w) in roles::obliques(t, o) {
                    by_prep(w, prep, &mut out);
                }
            }
        } else {
            for (prep, w) in roles::obliques(t, q.word) {
                by_prep(w, prep, &mut out);
            }
            // "the accord signed on Monday between X and Y": the participle's phrases are the noun's,
            // however the parse hangs the participle that follows it.
            let next = q.word + 1;
            let follows = (next < t.len()
                && t.tag(next) == "VERB"
                && t.norm(next).ends_with("ed")
                && !t.has_kid(next, Dep::Nsubj))
            .then_some(next);
            for a in t
                .kids(q.word)
                .filter(|&k| t.dep(k) == Dep::Acl)
                .chain(follows)
            {
                for (prep, w) in roles::obliques(t, a) {
                    by_prep(w, prep, &mut out);
                }
            }
            // "the coalition's airstrikes delivered munitions against X", "the agreement reached between X
            // and Y": the verb the noun is subject of.
            if let Some(h) = t
                .head(q.word)
                .filter(|&h| t.dep(q.word) == Dep::Nsubj && roles::is_verbal(t, h))
            {
                for (prep, w) in roles::obliques(t, h) {
                    by_prep(w, prep, &mut out);
                }
            }
            if let Some(c) = roles::carrier(t, q.word) {
                for (prep, w) in roles::obliques(t, c) {
                    if t.dep(w) == Dep::Iobj {
                        out.extend(self.side(cx, w, "recipient"));
                    } else {
                        by_prep(w, prep, &mut out);
                    }
                }
            }
        }
        // "conducted strikes using aircraft against X": "against" names a hostile act's target wherever it
        // hangs in the act's clause.
        if tr.kind.family() == Family::Conflict && tr.preps.iter().any(|p| p == "against") {
            let mut top = roles::clause_verb(t, q.word);
            if top == q.word && t.dep(q.word) == Dep::Nsubj {
                top = t.head(q.word).unwrap_or(top);
            }
            out.extend(
                self.in_clause(top)
                    .into_iter()
                    .filter(|&w| t.marker(w).is_some_and(|m| t.norm(m) == "against"))
                    .filter_map(|w| self.side(cx, w, "against")),
            );
        }
        // Last, any other phrase of the act's clause that names someone, not a place, a time, an agent
        // or the subject's own: "took rifles and ammunition from X", "eased bans ... to X". Not
        // inside another act's phrase: "welcomed sanctions on X" is no support for X.
        if !tr.subject_only {
            let top = roles::clause_verb(t, q.word);
            let subject_side: Vec<usize> = roles::subjects(t, &self.lex.grammar, top)
                .into_iter()
                .flat_map(|s| t.subtree(s))
                .collect();
            let inside_other = |w: usize| {
                cx.predicates.iter().any(|&p| {
                    p != q.word && p != top && p < w && t.dominates(p, w) && !t.dominates(p, q.word)
                })
            };
            let g = &self.lex.grammar;
            let mut loose: Vec<usize> = self
                .in_clause(top)
                .into_iter()
                .filter(|&w| w > q.word && !subject_side.contains(&w) && !inside_other(w))
                // "conducted strikes and support of X": an act coordinated with this one is another act.
                .filter(|&w| !(t.dep(w) == Dep::Conj && cx.predicates.contains(&w)))
                .filter(|&w| {
                    self.marker_of(w)
                        .is_none_or(|m| !g.locative_prepositions.has(m) && m != "by")
                })
                // "on the Andean border": a place noun's phrase says where.
                .filter(|&w| !g.place_heads.has(t.norm(w)))
                .filter(|&w| {
                    matches!(
                        t.dep(w),
                        Dep::Obj | Dep::Obl | Dep::Nmod | Dep::Iobj | Dep::Conj
                    )
                })
                .collect();
            loose.sort_unstable();
            out.extend(
                loose
                    .into_iter()
                    .filter_map(|w| self.side(cx, w, "loose object")),
            );
        }
        // "fired shells, claiming to hit depots inside each other's waters": a reciprocal later in
        // the sentence pairs the doers, whatever clause it stands in.
        out.extend(
            self.args
                .iter()
                .position(|a| a.reciprocal && a.tokens.start >= q.tokens.1)
                .map(|a| Side {
                    members: vec![a],
                    how: "each other",
                }),
        );
        // Acts done to a place: "marched in X", "declared martial law in X".
        if matches!(
            tr.kind,
            InteractionKind::Protest
                | InteractionKind::Mobilize
                | InteractionKind::Coerce
                | InteractionKind::Threaten
        ) {
            let top = roles::clause_verb(t, q.word);
            let objects: Vec<usize> = [q.word, top]
                .iter()
                .flat_map(|&v| t.kids(v).filter(|&k| t.dep(k) == Dep::Obj))
                .collect();
            let phrases = roles::obliques(t, q.word)
                .into_iter()
                .chain(roles::obliques(t, top))
                .chain(objects.iter().flat_map(|&o| roles::obliques(t, o)));
            for (_, w) in phrases {
                let prep = self.marker_of(w).unwrap_or("");
                if self.lex.grammar.locative_prepositions.has(prep) && prep != "from" {
                    out.extend(self.side(cx, w, "place"));
                }
            }
        }
        out
    }

    /// The preposition of the phrase at `w`, or of the phrase it is coordinated with, in apposition to or
    /// hangs on unmarked ("in Chad and Niger", "in Gao, Mali": "in" for both).
    fn marker_of(&self, w: usize) -> Option<&str> {
        let t = self.tree;
        let mut x = w;
        for _ in 0..4 {
            if let Some(m) = t.marker(x) {
                // "in the village of X": the place noun's preposition.
                let place_of = t.norm(m) == "of"
                    && t.head(x).is_some_and(|h| {
                        self.lex.grammar.place_heads.has(t.norm(h)) && t.marker(h).is_some()
                    });
                if !place_of {
                    return Some(t.norm(m));
                }
                x = t.head(x).expect("checked above");
                continue;
            }
            // "in Chad and Niger", "in Gao, Mali": a coordinated, appositive or unmarked phrase shares
            // its head's preposition.
            match (t.dep(x), t.head(x)) {
                (Dep::Conj | Dep::Appos | Dep::Nmod | Dep::Flat, Some(h)) => x = h,
                _ => return None,
            }
        }
        None
    }

    /// The first place named in the clause of the act at `w` that is not one of `own` (the doer's
    /// entities): a city or region standing for its country, or a capital after a preposition of place
    /// ("in <capital>"). A country itself is left out: strikes "in" a country are as often made
    /// for its government as against it.
    fn place_of(&self, cx: &Ctx, w: usize, own: &[usize]) -> Option<Side> {
        let top = roles::clause_verb(self.tree, w);
        let clause = self.in_clause(top);
        let g = &self.lex.grammar;
        (0..self.args.len())
            .filter(|&a| {
                cx.heads[a].is_some_and(|h| {
                    (h == top || clause.contains(&h))
                        && (self.args[a].place
                            || self.args[a].capital
                                && self
                                    .marker_of(h)
                                    .is_some_and(|m| g.locative_prepositions.has(m)))
                })
            })
            .find(|&a| self.args[a].entities.iter().any(|e| !own.contains(e)))
            .map(|a| Side {
                members: vec![a],
                how: "place",
            })
    }

    /// The words of the clause of `v` (below it, not inside another clause that hangs on it).
    fn in_clause(&self, v: usize) -> Vec<usize> {
        let t = self.tree;
        let mut out = Vec::new();
        let mut stack = vec![v];
        while let Some(x) = stack.pop() {
            for k in t.kids(x) {
                // "conducted strikes using aircraft against X": a participle of the same doer is part of
                // the clause.
                let same_doer =
                    t.dep(k) == Dep::Advcl && !t.has_kid(k, Dep::Nsubj) && !t.has_kid(k, Dep::Aux);
                if same_doer
                    || !matches!(
                        t.dep(k),
                        Dep::Ccomp
                            | Dep::Advcl
                            | Dep::Relcl
                            | Dep::Acl
                            | Dep::Parataxis
                            | Dep::Csubj
                    )
                {
                    out.push(k);
                    stack.push(k);
                }
            }
        }
        out
    }

    /// The subject of an "unless" or "if" clause on a threat or on the act it threatens.
    fn unless(&self, cx: &Ctx, head: Predicate<'_>, object: Predicate<'_>) -> Option<Side> {
        let t = self.tree;
        // On the threat, on the act threatened, or on a verb that completes the threat ("threatened to
        // walk out unless ...").
        let mut verbs = vec![head.word, object.word, roles::clause_verb(t, object.word)];
        verbs
            .extend(t.kids(head.word).filter(|&k| {
                matches!(t.dep(k), Dep::Xcomp | Dep::Advcl) && roles::is_verbal(t, k)
            }));
        let condition = |k: usize| {
            t.dep(k) == Dep::Advcl
                && t.kids(k).any(|m| {
                    t.dep(m) == Dep::Mark && self.lex.grammar.threat_conditions.has(t.norm(m))
                })
        };
        let clause = verbs
            .iter()
            .flat_map(|&v| t.kids(v))
            .find(|&k| condition(k))?;
        roles::subject(t, &self.lex.grammar, clause).and_then(|w| self.side(cx, w, "unless"))
    }

    /// "rejected an offer from X", "accepted demands by Y": an answer to a request is an answer to the one
    /// who made it.
    fn requester(&self, cx: &Ctx, request: usize) -> Option<Side> {
        let t = self.tree;
        if !self.lex.grammar.request_nouns.has(t.norm(request)) {
            return None;
        }
        // "a proposal from X", however the parse hangs "from X": on the request or on the verb it is the
        // object or a phrase of ("responded to a demand from X").
        let carrier = roles::carrier(t, request).or_else(|| {
            t.head(request)
                .filter(|&h| matches!(t.dep(request), Dep::Obl) && roles::is_verbal(t, h))
        });
        let from = |k: usize| {
            t.marker(k)
                .is_some_and(|m| self.lex.grammar.request_maker_prepositions.has(t.norm(m)))
        };
        let maker = t.kids(request).find(|&k| from(k)).or_else(|| {
            carrier.and_then(|v| {
                t.kids(v)
                    .find(|&k| k > request && t.dep(k) == Dep::Obl && from(k))
            })
        })?;
        self.side(cx, maker, "requester")
    }

    /// Attaches actors to the event of `head`; its object is read from `object` (the same trigger, or
    /// the act completing a governing one).
    fn attach(&self, head: Predicate<'_>, object: Predicate<'_>, cx: &Ctx, out: &mut Vec<Found>) {
        let t = self.tree;
        let g = &self.lex.grammar;
        let tr = head.trigger;
        let nominal = tr.pos == "noun" || !roles::is_verbal(t, head.word);
        let passive = !nominal && roles::is_passive(t, &self.lex.grammar, head.word);
        let mut modality = roles::modality(t, g, head.word);
        // An event announced rather than done is, in CAMEO's terms, an intent: to cooperate (03, agree) or
        // to harm (13, threaten). It stays marked as intended.
        let (kind, cameo, intent) = match (modality, tr.kind.family()) {
            (Modality::Intended, Family::Conflict) if tr.kind != InteractionKind::Threaten => {
                (InteractionKind::Threaten, "130", true)
            }
            (Modality::Hypothetical, Family::Conflict) if tr.kind != InteractionKind::Threaten => {
                modality = Modality::Hypothetical;
                (InteractionKind::Threaten, "130", true)
            }
            (Modality::Intended, _) if tr.kind != InteractionKind::Agree => {
                (InteractionKind::Agree, "030", true)
            }
            _ => (tr.kind, tr.cameo.as_str(), false),
        };
        let complement = (object.word != head.word).then_some(object.trigger);
        let rule_base = RuleBase {
            trigger: tr,
            complement,
            intent: intent.then_some((kind, cameo)),
        };
        let directed = tr.directed || complement.is_some_and(|c| c.directed);

        let source = self.source(cx, head.word, nominal);
        let object_nominal = if object.word == head.word {
            nominal
        } else {
            object.trigger.pos == "noun" || !roles::is_verbal(t, object.word)
        };
        let source_entities: Vec<usize> = source
            .iter()
            .flat_map(|s| {
                s.members
                    .iter()
                    .flat_map(|&a| self.args[a].entities.iter().copied())
            })
            .collect();
        let targets = self.targets(cx, object, object_nominal);
        // Whether a target position names only the source's own actors.
        let same = |s: &Side| {
            s.members
                .iter()
                .flat_map(|&a| self.args[a].entities.iter())
                .all(|e| source_entities.contains(e))
        };
        // "The President spoke with President X": when the act's first target is the very actor a bare
        // title or pronoun in the source was taken for, the guess was wrong (no one talks with himself);
        // the source is unknown.
        let guessed_source = source
            .as_ref()
            .is_some_and(|s| s.members.iter().all(|&a| self.args[a].reference));
        if guessed_source
            && targets.first().is_some_and(|s| {
                same(s)
                    && !s
                        .members
                        .iter()
                        .any(|&a| self.args[a].reciprocal || self.args[a].reference)
            })
        {
            if super::trace::on() {
                eprintln!(
                    "   attach {} (word {}): the source is the target's own name",
                    tr.lemma, head.word
                );
            }
            return;
        }
        // The first position that names someone other than the source.
        let target = targets
            .into_iter()
            .find(|s| !same(s) || s.members.iter().any(|&a| self.args[a].reciprocal));
        // A completing act that names no one: the governing act's own target or place ("demonstrated in
        // X calling for independence").
        let target = target.or_else(|| {
            (object.word != head.word)
                .then(|| {
                    self.targets(cx, head, nominal)
                        .into_iter()
                        .find(|s| !same(s))
                })
                .flatten()
        });
        // "threatened to strike unless X lifted ...": the one who must act is the one threatened.
        let target = target.or_else(|| {
            if kind == InteractionKind::Threaten {
                self.unless(cx, head, object)
            } else {
                None
            }
        });
        // A place is where things happen, never who acts.
        let source = source.filter(|s| !s.members.iter().all(|&a| self.args[a].place));
        // A directed act done to no one named was done to the place it happened in: "bombers struck
        // a market in <city>" is an attack on that city's country (CAMEO codes an unnamed target by
        // its location). Talks and accords have only a venue, and a visit names its place already.
        let target = target.or_else(|| {
            let venue_only = matches!(kind, InteractionKind::Visit | InteractionKind::Mediate);
            (directed && !venue_only && source.is_some())
                .then(|| self.place_of(cx, head.word, &source_entities))
                .flatten()
        });
        // "Three soldiers were killed by a roadside bomb in <city>": an attack whose doer is named by
        // no one is coded, as CAMEO codes an unknown perpetrator, from where it happened.
        let source = source.or_else(|| {
            if !passive || kind != InteractionKind::Assault {
                return None;
            }
            let target_entities: Vec<usize> = target
                .iter()
                .flat_map(|s| s.members.iter())
                .flat_map(|&a| self.args[a].entities.iter().copied())
                .collect();
            if target_entities.is_empty() {
                return None;
            }
            self.place_of(cx, head.word, &target_entities)
        });
        if super::trace::on() {
            let show = |s: &Option<Side>| {
                s.as_ref().map(|s| {
                    (
                        s.how,
                        s.members
                            .iter()
                            .map(|&a| &self.text[self.args[a].span.start..self.args[a].span.end])
                            .collect::<Vec<_>>(),
                    )
                })
            };
            eprintln!(
                "   attach {} (word {}): source={:?} target={:?}",
                tr.lemma,
                head.word,
                show(&source),
                show(&target)
            );
        }
        let (from, to) = (
            self.tokens[head.tokens.0].start,
            self.tokens[head.tokens.1 - 1].end,
        );
        let trigger_span = Span::new(from, to);
        let mut push = |src: usize,
                        tgt: usize,
                        src_arg: usize,
                        tgt_arg: usize,
                        rule: String,
                        directed: bool| {
            if src == tgt {
                return;
            }
            let (s, d) = if tr.reverse { (tgt, src) } else { (src, tgt) };
            let (sa, da) = if tr.reverse {
                (tgt_arg, src_arg)
            } else {
                (src_arg, tgt_arg)
            };
            out.push(Found {
                kind,
                cameo: cameo.to_string(),
                source: s,
                target: d,
                directed,
                modality,
                rule,
                trigger: trigger_span,
                source_span: self.args[sa].span,
                target_span: self.args[da].span,
            });
        };
        let expand = |s: &Side| -> Vec<(usize, usize)> {
            s.members
                .iter()
                .flat_map(|&a| self.args[a].entities.iter().map(move |&e| (e, a)))
                .collect()
        };
        let pairs = |xs: &[(usize, usize)]| -> Vec<((usize, usize), (usize, usize))> {
            let mut v = Vec::new();
            for x in 0..xs.len() {
                for y in x + 1..xs.len() {
                    v.push((xs[x], xs[y]));
                }
            }
            v
        };
        let voice = if passive { " (passive)" } else { "" };
        match (&source, &target) {
            (Some(src), Some(tgt)) => {
                let ss = expand(src);
                let gs = expand(tgt);
                // "both states ... inside each other's waters": each acts on the other.
                if tgt.members.iter().any(|&a| self.args[a].reciprocal) {
                    let members = if ss.len() >= 2 {
                        ss.clone()
                    } else {
                        gs.clone()
                    };
                    for &(a, aa) in &members {
                        for &(b, ba) in &members {
                            if a != b && (directed || a < b) {
                                push(a, b, aa, ba, format!("{rule_base}: each other"), directed);
                            }
                        }
                    }
                    return;
                }
                // "an agreement between X and Y": a mutual act of the pair, whoever reports or welcomes
                // it; only mediation is done by a third party between two.
                if tgt.how == "between"
                    && !directed
                    && kind != InteractionKind::Mediate
                    && gs.len() >= 2
                {
                    for ((a, aa), (b, ba)) in pairs(&gs) {
                        push(a, b, aa, ba, format!("{rule_base}: between"), false);
                    }
                    return;
                }
                for &(s, sa) in &ss {
                    for &(d, da) in &gs {
                        push(
                            s,
                            d,
                            sa,
                            da,
                            format!("{rule_base}: {} and {}{voice}", src.how, tgt.how),
                            directed,
                        );
                    }
                }
                // "strikes alongside X against Y", "in support of X against Y": the partner acts on Y too.
                if kind.family() == Family::Conflict && !passive {
                    for w in roles::partners(t, g, roles::clause_verb(t, head.word))
                        .into_iter()
                        .chain(roles::partners(t, g, head.word))
                    {
                        if let Some(partner) = self.side(cx, w, "partner") {
                            for (c, ca) in expand(&partner) {
                                for &(d, da) in &gs {
                                    push(
                                        c,
                                        d,
                                        ca,
                                        da,
                                        format!("{rule_base}: alongside the {}", src.how),
                                        directed,
                                    );
                                }
                            }
                        }
                    }
                }
            }
            (Some(src), None) => {
                let ss = expand(src);
                if ss.len() < 2 {
                    return;
                }
                // "the Chile-Peru war", "Greek-Turkish clashes": each side against the other.
                if src.how == "modifier" && kind.family() == Family::Conflict {
                    for &(a, aa) in &ss {
                        for &(b, ba) in &ss {
                            if a != b {
                                push(
                                    a,
                                    b,
                                    aa,
                                    ba,
                                    format!("{rule_base}: each side of the compound"),
                                    true,
                                );
                            }
                        }
                    }
                    return;
                }
                // "Greek and Maltese frigates staged drills": military cooperation (CAMEO 062).
                if kind == InteractionKind::Mobilize && tr.subject_only {
                    for ((a, aa), (b, ba)) in pairs(&ss) {
                        if a != b {
                            out.push(Found {
                                kind: InteractionKind::Cooperate,
                                cameo: "062".to_string(),
                                source: a,
                                target: b,
                                directed: false,
                                modality,
                                rule: format!(
                                    "{rule_base}: held jointly, military cooperation (CAMEO 062)"
                                ),
                                trigger: trigger_span,
                                source_span: self.args[aa].span,
                                target_span: self.args[ba].span,
                            });
                        }
                    }
                    return;
                }
                // A joint subject acts together ("Chile and Peru held talks", "both parties concurred").
                if !directed
                    || matches!(
                        kind,
                        InteractionKind::Agree
                            | InteractionKind::Cooperate
                            | InteractionKind::Consult
                    )
                {
                    for ((a, aa), (b, ba)) in pairs(&ss) {
                        push(
                            a,
                            b,
                            aa,
                            ba,
                            format!("{rule_base}: joint {}", src.how),
                            false,
                        );
                    }
                }
            }
            (None, Some(tgt)) if tgt.how == "between" && kind != InteractionKind::Mediate => {
                // "talks between X and Y" with no one else named: the pair itself.
                let gs = expand(tgt);
                for ((a, aa), (b, ba)) in pairs(&gs) {
                    push(a, b, aa, ba, format!("{rule_base}: between"), false);
                }
            }
            _ => {}
        }
    }
}

/// The part of a rule's description that names its trigger: "trigger \"meet\" (consult, CAMEO 040)".
struct RuleBase<'t> {
    trigger: &'t Trigger,
    complement: Option<&'t Trigger>,
    intent: Option<(InteractionKind, &'t str)>,
}

impl std::fmt::Display for RuleBase<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let t = self.trigger;
        write!(
            f,
            "trigger \"{}\" ({}, CAMEO {})",
            t.lemma,
            t.kind.as_str(),
            t.cameo
        )?;
        if let Some(c) = self.complement {
            write!(f, " with complement \"{}\"", c.lemma)?;
        }
        if let Some((kind, cameo)) = self.intent {
            write!(f, ", stated as intent: {} (CAMEO {cameo})", kind.as_str())?;
        }
        Ok(())
    }
}

/// One interaction per (kind, source, target, direction) in a sentence: "send 40 tonnes of grain
/// as aid" is one act of aid however many of its words are triggers; the first trigger is kept.
fn dedupe(found: &mut Vec<Found>) {
    let mut seen = Vec::new();
    found.retain(|f| {
        let (a, b) = if f.directed {
            (f.source, f.target)
        } else {
            (f.source.min(f.target), f.source.max(f.target))
        };
        let key = (f.kind, a, b, f.directed, f.modality);
        if seen.contains(&key) {
            false
        } else {
            seen.push(key);
            true
        }
    });
}

/// Resolved argument phrases of a sentence from its candidates and their referents.
pub fn args_of<'r>(
    candidates: &[super::mentions::Candidate],
    referents: &'r [Vec<usize>],
    range: Range<usize>,
) -> Vec<Arg<'r>> {
    use super::mentions::Referent;
    candidates[range.clone()]
        .iter()
        .zip(&referents[range])
        .filter(|(c, r)| !c.nested && !c.name_only && !r.is_empty())
        .map(|(c, r)| Arg {
            tokens: c.tokens.clone(),
            span: c.span,
            entities: r,
            reciprocal: matches!(c.referent, Referent::Reciprocal),
            place: c.via == crate::corpus::MentionVia::Place,
            capital: c.via == crate::corpus::MentionVia::Capital,
            reference: matches!(
                c.via,
                crate::corpus::MentionVia::Title | crate::corpus::MentionVia::Pronoun
            ),
        })
        .collect()
}
