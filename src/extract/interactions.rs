//! Interactions in one sentence: trigger words (from `assets/triggers.json`) and the actors attached to
//! them by the clause around the trigger, not by mere presence in the sentence.
//!
//! - Source: for a verb, the actor phrase on its left with nothing between but auxiliaries, adverbs, time
//!   phrases and infinitive chains ("Norway offering to broker", "Both states have, over the years, blamed");
//!   in the passive ("was accused by X") the agent after "by". For a noun, its possessor ("Ortega's
//!   trip"), the subject of the light verb that carries it ("both navies launched patrols"), or an
//!   agent after "by".
//! - Target: a verb's direct object, or the actor after one of the trigger's prepositions ("met with Y",
//!   "visit to Y", "strikes against Y"); "between Y and Z" gives two targets (mediation) or the pair itself;
//!   "each other" gives both directions between the members of the pair.
//! - Actors named as the source of a report ("the NWA said", "according to Radio Andes") are never
//!   arguments; they become the evidence's `reported_by`. Places after "in", "near", "at" are locations,
//!   not targets (except of a visit).
//! - Modality: a negation or denial before the trigger → negated; "plans to", "will" → intended; "may",
//!   "could", "if" → hypothetical.

use std::ops::Range;

use super::lexicon::{Lexicon, Trigger, WordList};
use super::tokens::{Shape, Token};
use super::word_keys::WordKeys;
use crate::corpus::{InteractionKind, Modality, Span};

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
}

/// A trigger where it stands in the sentence.
#[derive(Clone)]
struct Predicate<'t> {
    at: Range<usize>,
    trigger: &'t Trigger,
}

/// Consecutive argument phrases joined by "and" or commas: "Chile and Peru", "X, Y and Z".
#[derive(Debug, Clone)]
struct Unit {
    tokens: Range<usize>,
    members: Vec<usize>,
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

/// Reads the interactions of one sentence.
pub struct SentenceEvents<'a> {
    pub lex: &'a Lexicon,
    pub text: &'a str,
    pub tokens: &'a [Token],
    /// What the lexicon makes of each token: keys, word numbers, `lexicon::starts` bits.
    pub words: &'a WordKeys<'a>,
    pub range: Range<usize>,
    pub args: Vec<Arg<'a>>,
    /// Entities of the pair in focus before this sentence.
    pub focus: Option<[usize; 2]>,
}

/// Result of a sentence: its interactions and who reported them.
#[derive(Debug, Default)]
pub struct SentenceResult {
    pub found: Vec<Found>,
    /// Arguments that are sources of a report (indices into `args`).
    pub reporters: Vec<usize>,
}

impl<'a> SentenceEvents<'a> {
    /// Whether token `i` may begin a phrase of the table marked `bit` (`lexicon::starts`); a lookup
    /// where it cannot is skipped.
    fn may_start(&self, i: usize, bit: u8) -> bool {
        self.words.starts.get(i).is_some_and(|s| s & bit != 0)
    }

    /// Whether token `k`'s normal form is in `list` (from its word number, without hashing).
    fn is_in(&self, list: &WordList, k: usize) -> bool {
        debug_assert!(list.bit != 0, "a word list that is not one of Grammar's has no bit");
        self.words.classes[k] & list.bit != 0
    }

    /// Whether the lexicon key of token `k` (its typo-corrected form) is in `list`.
    fn key_is_in(&self, list: &WordList, k: usize) -> bool {
        self.lex.classes_of(self.words.key_ids[k]) & list.bit != 0
    }

    fn norm(&self, i: usize) -> &'a str {
        self.words.norms[i]
    }

    fn key(&self, i: usize) -> &str {
        self.words.keys[i]
    }

    fn arg_covering(&self, i: usize) -> Option<usize> {
        self.args.iter().position(|a| a.tokens.contains(&i))
    }

    /// Argument phrases that report rather than act: followed by a reporting verb or after "according to".
    fn reporters(&self) -> Vec<usize> {
        let g = &self.lex.grammar;
        let mut out = Vec::new();
        for (k, a) in self.args.iter().enumerate() {
            let after = a.tokens.end;
            let follows_report = after < self.range.end
                && (self.is_in(&g.reporting_verbs, after) && self.norm(after) != "according"
                    || (after + 1 < self.range.end && self.is_in(&g.gap_words, after) && self.is_in(&g.reporting_verbs, after + 1) && !self.tokens[after].is(",")));
            let mut b = a.tokens.start;
            while b > self.range.start && (self.is_in(&g.determiners, b - 1) || self.is_in(&g.reporter_lead_words, b - 1)) {
                b -= 1;
            }
            let after_according = b >= self.range.start + 2 && self.norm(b - 1) == "to" && self.norm(b - 2) == "according";
            let quoted_by = b > self.range.start && self.is_in(&g.quoting_verbs, b - 1);
            if follows_report || after_according || quoted_by {
                out.push(k);
            }
        }
        out
    }

    fn units(&self, exclude: &[usize]) -> Vec<Unit> {
        // Runs of argument phrases and what joins each to the previous one.
        let mut runs: Vec<Vec<(usize, &'static str)>> = Vec::new();
        let mut last_end = None;
        for (k, a) in self.args.iter().enumerate() {
            if exclude.contains(&k) {
                continue;
            }
            let join = last_end.and_then(|end: usize| {
                // The words between (three at most matter), without collecting them.
                let n = a.tokens.start.saturating_sub(end);
                if n > 3 {
                    return None;
                }
                let mut words = [""; 3];
                for (x, j) in (end..a.tokens.start).enumerate() {
                    words[x] = self.norm(j);
                }
                match &words[..n] {
                    ["and"] | [",", "and"] | ["and", "the"] | [",", "and", "the"] | ["and", "other"] | [",", "and", "other"] => Some("and"),
                    [","] | [",", "the"] => Some(","),
                    ["-"] | ["/"] => Some("-"),
                    _ => None,
                }
            });
            match (join, runs.last_mut()) {
                (Some(j), Some(run)) => run.push((k, j)),
                _ => runs.push(vec![(k, "")]),
            }
            last_end = Some(a.tokens.end);
        }
        // A comma joins only within a list that ends in "and" ("X, Y and Z"); "In Peru, allied
        // troops" is two phrases.
        let mut units = Vec::new();
        for run in runs {
            let is_list = run.iter().any(|(_, j)| *j == "and" || *j == "-");
            let mut current: Option<Unit> = None;
            for (k, j) in run {
                let a = &self.args[k];
                match current.as_mut() {
                    Some(u) if j == "and" || j == "-" || (j == "," && is_list) => {
                        u.tokens.end = a.tokens.end;
                        u.members.push(k);
                    }
                    _ => {
                        units.extend(current.take());
                        current = Some(Unit { tokens: a.tokens.clone(), members: vec![k] });
                    }
                }
            }
            units.extend(current);
        }
        units
    }

    /// Finds the sentence's interactions.
    pub fn read(&self) -> SentenceResult {
        // Every interaction is between the sentence's argument phrases.
        if self.args.is_empty() {
            return SentenceResult { found: Vec::new(), reporters: Vec::new() };
        }
        let reporters = self.reporters();
        // Every trigger of the sentence first, so that "declined to receive" can be read as one event.
        let mut triggers: Vec<(Range<usize>, &'a Trigger)> = Vec::new();
        let mut i = self.range.start;
        while i < self.range.end {
            if self.words.starts[i] & super::lexicon::starts::TRIGGER == 0 || !self.tokens[i].is_word() || self.arg_covering(i).is_some() {
                i += 1;
                continue;
            }
            let Some(m) = self.lex.trigger_table.longest_if(self.may_start(i, super::lexicon::starts::TRIGGER), self.text, &self.tokens[..self.range.end], i, |j| self.words.key_ids[j])
            else {
                i += 1;
                continue;
            };
            let end = i + m.len;
            // A capitalised trigger word mid-sentence is part of a name ("Disaster Relief Commissioner").
            // "the Chile-Peru War": after a compound of actors, the noun is what they did.
            let after_compound = self.args.iter().any(|a| {
                a.tokens.end == i && a.tokens.start >= self.range.start + 2 && self.norm(a.tokens.start - 1) == "-"
                    && self.args.iter().any(|b| b.tokens.end == a.tokens.start - 1)
            });
            let hostile = m.values.iter().any(|v| self.lex.triggers[**v as usize].kind.family() == crate::corpus::Family::Conflict);
            let in_name = i > self.range.start && self.tokens[i].capitalised && !self.tokens[i].all_caps && !matches!(self.norm(i - 1), "\"" | "'" | "(" | ":") && !(after_compound && hostile);
            // "the occupied islands", "the disputed border": a participle used as an adjective.
            let attributive = end == i + 1
                && self.norm(i).ends_with("ed")
                && i > self.range.start
                && self.is_in(&self.lex.grammar.attributive_determiners, i - 1);
            if in_name || attributive {
                i = end;
                continue;
            }
            // Nearly every phrase has one entry: it is picked without collecting the entries.
            let picked = match m.values.len() {
                1 => self.pick(&[*m.values[0]], end),
                _ => self.pick(&m.values.iter().map(|v| **v).collect::<Vec<u32>>(), end),
            };
            // "is returning to Peru": the word without the act ("returned the prisoners").
            if end < self.range.end && picked.not_followed_by.iter().any(|w| w == self.norm(end)) {
                i = end;
                continue;
            }
            triggers.push((i..end, picked));
            i = end;
        }
        if super::trace::on() {
            for (r, t) in &triggers {
                eprintln!("   trigger {:?} {} {:?} nominal={}", r, t.lemma, t.kind, self.is_nominal(t, r.start));
            }
        }
        // Without a trigger only a "that ... must" clause can say something.
        if triggers.is_empty() && self.must_word().is_none() {
            return SentenceResult { found: Vec::new(), reporters };
        }
        let units = self.units(&reporters);
        let mut found = Vec::new();
        // "X said that Y must ...": a demand by X of Y; what Y must do has not happened.
        let mut demanded_from = usize::MAX;
        if let Some((m, f)) = self.must_clause(&units) {
            demanded_from = m;
            found.push(f);
        }
        let triggers: Vec<(Range<usize>, &'a Trigger)> = triggers.into_iter().filter(|(r, _)| r.start < demanded_from).collect();
        let mut skip = vec![false; triggers.len()];
        // "lifted a week-long siege of X", "shortened the weekend curfew": relief from a restriction is a
        // concession, not the restriction itself.
        let mut reliefs: Vec<(usize, usize)> = Vec::new(); // (relief verb token, restriction trigger)
        for (n, (r, _)) in triggers.iter().enumerate() {
            if !self.is_restriction(r.start) {
                continue;
            }
            let g = &self.lex.grammar;
            let from = r.start.saturating_sub(7).max(self.range.start);
            let verb = (from..r.start).rev().take_while(|&j| !self.is_in(&g.clause_breaks, j) && self.norm(j) != ",").find(|&j| self.is_in(&g.relief_verbs, j));
            if let Some(v) = verb {
                skip[n] = true;
                // "agreed to lift the embargo": the governing verb's event, with the lifting as its content.
                let governed = triggers.iter().any(|(p, pt)| {
                    p.end <= v
                        && matches!(pt.kind, InteractionKind::Threaten | InteractionKind::Reject | InteractionKind::Demand | InteractionKind::Agree)
                        && self.is_complement(p.end, v)
                });
                if governed {
                    continue;
                }
                for (m, (rm, _)) in triggers.iter().enumerate() {
                    if rm.contains(&v) {
                        skip[m] = true;
                    }
                }
                reliefs.push((v, n));
            }
        }
        // Verbs are other predicates: an object search does not run past them (nouns it may cross:
        // "agreed to send 40 tonnes of grain for Malawi").
        let stops: Vec<usize> = triggers
            .iter()
            .filter(|(r, t)| !self.is_nominal(t, r.start) && r.start > self.range.start && self.norm(r.start - 1) != "to")
            .map(|(r, _)| r.start)
            .collect();
        for k in 0..triggers.len() {
            if skip[k] {
                continue;
            }
            let (range, t) = triggers[k].clone();
            // A trigger whose complement is another ("threatened to halt", "declined to receive", "agreed to
            // supply"): one event of the governing kind, with the complement's object. "Offered to
            // mediate" is the mediation itself.
            if let Some(n) = (k + 1 < triggers.len()).then_some(k + 1).filter(|&n| self.is_complement(range.end, triggers[n].0.start)) {
                let (inner_range, inner) = triggers[n].clone();
                if t.lemma == "offer" {
                    continue;
                }
                if matches!(t.kind, InteractionKind::Threaten | InteractionKind::Reject | InteractionKind::Demand | InteractionKind::Agree) {
                    skip[n] = true;
                    let head = Predicate { at: range, trigger: t };
                    self.attach(head, Predicate { at: inner_range, trigger: inner }, &units, &stops, &mut found);
                    continue;
                }
            }
            // "held rallies to demand wage rises from X", "started a sit-in demanding ...": the
            // demand is what the protest is for, and the one it is made of is the protest's target.
            if t.kind == InteractionKind::Protest
                && let Some(n) = (k + 1 < triggers.len()).then_some(k + 1).filter(|&n| {
                    triggers[n].1.kind == InteractionKind::Demand && self.is_purpose(range.end, triggers[n].0.start)
                })
            {
                let (inner_range, inner) = triggers[n].clone();
                // "to push their claims": one demand, however many of its words are triggers.
                for m in n..triggers.len() {
                    if triggers[m].1.kind == InteractionKind::Demand && triggers[m].0.start <= inner_range.end + 3 {
                        skip[m] = true;
                    }
                }
                let head = Predicate { at: range, trigger: t };
                self.attach(head, Predicate { at: inner_range, trigger: inner }, &units, &stops, &mut found);
                continue;
            }
            let head = Predicate { at: range, trigger: t };
            self.attach(head.clone(), head, &units, &stops, &mut found);
        }
        for (v, n) in reliefs {
            let head = Predicate { at: v..v + 1, trigger: &self.lex.relief };
            let (r, t) = triggers[n].clone();
            self.attach(head, Predicate { at: r, trigger: t }, &units, &stops, &mut found);
        }
        dedupe(&mut found);
        SentenceResult { found, reporters }
    }

    /// The first "must" or "should" of the sentence.
    fn must_word(&self) -> Option<usize> {
        (self.range.start..self.range.end).find(|&j| self.is_in(&self.lex.grammar.obligation_modals, j))
    }

    /// "X reiterated that Y must hand over ...", "X declared that Y should ...": a demand (CAMEO 100) by
    /// the clause's speaker of the one who must act. Returns the position of "must" and the event.
    fn must_clause(&self, units: &[Unit]) -> Option<(usize, Found)> {
        let m = self.must_word()?;
        let y = units.iter().position(|u| u.tokens.end == m)?;
        let ya = units[y].members[0];
        // The speaker: the sentence's first actor, at its start (a reporter too: "Chile said that ...").
        let lead = if self.norm(self.range.start) == "the" { self.range.start + 1 } else { self.range.start };
        // "A senior Dutch official repeated that ...": articles and adjectives before the speaker.
        let opens = |start: usize| {
            start == lead
                || start == self.range.start
                || start - self.range.start <= 3
                    && (self.range.start..start).all(|j| {
                        let t = &self.tokens[j];
                        t.is_word() && (!t.capitalised || j == self.range.start) && !self.is_in(&self.lex.grammar.prepositions, j)
                            && self.words.starts[j] & super::lexicon::starts::TRIGGER == 0
                    })
        };
        let xa = self.args.iter().position(|a| opens(a.tokens.start)).filter(|&xa| self.args[xa].tokens.end <= self.args[ya].tokens.start)?;
        if !(self.args[xa].tokens.end..self.args[ya].tokens.start).any(|j| self.norm(j) == "that" || self.is_in(&self.lex.grammar.reporting_verbs, j)) {
            return None;
        }
        let source = *self.args[xa].entities.first()?;
        let target = *self.args[ya].entities.first()?;
        (source != target).then(|| {
            (m, Found {
                kind: InteractionKind::Demand,
                cameo: "100".to_string(),
                source,
                target,
                directed: true,
                modality: Modality::Asserted,
                rule: "\"that ... must\" clause: a demand by the speaker (CAMEO 100)".to_string(),
                trigger: Span::new(self.tokens[m].start, self.tokens[m].end),
                source_span: self.args[xa].span,
                target_span: self.args[ya].span,
            })
        })
    }

    /// Whether the trigger starting at `inner` is the complement of the one ending at `end`: only "to"
    /// (and adverbs or "not") between them.
    fn is_complement(&self, end: usize, inner: usize) -> bool {
        if inner <= end || inner - end > 7 || self.norm(inner - 1) != "to" {
            return false;
        }
        // "agreed in principle on Monday to supply": adverbs and time phrases may stand between.
        let g = &self.lex.grammar;
        (end..inner - 1).all(|j| {
            let w = self.norm(j);
            self.is_in(&g.complement_gap_words, j)
                || w.ends_with("ly")
                || self.is_in(&g.weekdays, j)
                || self.is_in(&g.gap_words, j) && w != ","
        })
    }

    /// Whether the words at `i` name a restriction ("curfew", "martial law", "sanctions").
    fn is_restriction(&self, i: usize) -> bool {
        self.lex.grammar.restrictions.has(self.key(i)) || self.lex.grammar.restrictions.phrase_at(self.text, &self.tokens[..self.range.end], i) > 0
    }

    /// Whether the trigger at `inner` states the purpose of the act ending at `end`: "to demand", or an
    /// "-ing" form ("demanding", "calling for"), within the same clause.
    fn is_purpose(&self, end: usize, inner: usize) -> bool {
        if inner <= end || inner - end > 12 {
            return false;
        }
        let to = self.norm(inner - 1) == "to";
        let gerund = self.norm(inner).ends_with("ing");
        let g = &self.lex.grammar;
        (to || gerund)
            && (end..inner).all(|j| !(self.is_in(&g.clause_breaks, j) || self.is_in(&g.said_forms, j) || self.is_in(&g.wh_relatives, j) || self.norm(j) == ";"))
    }

    /// The trigger entry that fits the words after it best (its preposition), else the first.
    fn pick(&self, ids: &[u32], after: usize) -> &'a Trigger {
        let next = if after < self.range.end { self.norm(after) } else { "" };
        let entry = |t: &u32| &self.lex.triggers[*t as usize];
        ids.iter().map(entry).find(|t| t.preps.iter().any(|p| p == next)).unwrap_or_else(|| entry(&ids[0]))
    }

    /// Attaches actors to the event of `head`; its object is read after `object` with that trigger's
    /// object rules (the same trigger, or the complement of a governing one).
    fn attach(&self, head: Predicate<'_>, object: Predicate<'_>, units: &[Unit], stops: &[usize], out: &mut Vec<Found>) {
        let (trig, t) = (head.at, head.trigger);
        let (obj_trig, obj_t) = (object.at, object.trigger);
        let nominal = self.is_nominal(t, trig.start);
        let passive = !nominal && self.is_passive(trig.clone());
        let mut modality = self.modality(trig.start, nominal);
        // An event announced rather than done is, in CAMEO's terms, an intent: to cooperate (03, agree) or
        // to harm (13, threaten). It stays marked as intended.
        let (kind, cameo, intent) = match (modality, t.kind.family()) {
            (Modality::Intended, crate::corpus::Family::Conflict) if t.kind != InteractionKind::Threaten => {
                (InteractionKind::Threaten, "130", true)
            }
            (Modality::Hypothetical, crate::corpus::Family::Conflict) if t.kind != InteractionKind::Threaten => {
                modality = Modality::Hypothetical;
                (InteractionKind::Threaten, "130", true)
            }
            (Modality::Intended, _) if t.kind != InteractionKind::Agree => (InteractionKind::Agree, "030", true),
            _ => (t.kind, t.cameo.as_str(), false),
        };
        // Written out only for the interactions found.
        let rule_base = RuleBase { trigger: t, complement: (obj_trig != trig).then_some(obj_t), intent: intent.then_some((kind, cameo)) };
        let t_kind = kind;
        let t_directed = t.directed || obj_t.directed && obj_trig != trig;

        // The actors on the left and right of the trigger.
        // "intent on ending the siege": a gerund after a preposition has the subject of a verb.
        let gerund = nominal && self.norm(trig.start).ends_with("ing") && trig.start > self.range.start && self.is_in(&self.lex.grammar.prepositions, trig.start - 1);
        let left = if !nominal && let Some(r) = self.relative_subject(trig.start, units) {
            Some(r)
        } else if nominal {
            self.supported_agent(trig.start, units)
                .or_else(|| self.noun_source(trig.start, units))
                .or_else(|| if gerund { self.verb_subject(trig.start, units) } else { None })
        } else {
            self.verb_subject(trig.start, units)
        };
        let obj_nominal = if obj_trig == trig { nominal } else { self.is_nominal(obj_t, obj_trig.start) };
        let right = self
            .requester(obj_t, obj_trig.end, units)
            .or_else(|| self.object(obj_t, obj_trig.end, obj_nominal, units))
            .or_else(|| if nominal { self.recipient(trig.start, units) } else { None })
            .or_else(|| if t_kind == InteractionKind::Threaten { self.unless_object(trig.end, units) } else { None })
            .or_else(|| {
            // "fired shells ... into each other's waters": a reciprocal later in the clause.
            units
                .iter()
                .position(|u| u.tokens.start >= trig.end && u.members.iter().any(|&a| self.args[a].reciprocal))
                .map(|u| (u, "each other"))
        })
            // "flew sorties jointly with and in support of X ... against Y": "against" names the
            // target however far it stands; the nearer actor is not it.
            .or_else(|| self.against_object(obj_t, obj_trig.end, units))
            .or_else(|| self.loose_object(obj_t, obj_trig.end, units, stops, left))
            .or_else(|| self.place_object(obj_t, obj_trig.end, units, stops))
            // A complement that names no one: the governing act's own place ("demonstrated in Kirkuk
            // calling for independence").
            .or_else(|| if obj_trig != trig { self.place_object(t, trig.end, units, stops) } else { None });
        // "a demand from X": the maker of a request named after it.
        let request_noun = nominal && t.kind == InteractionKind::Demand;
        let by_agent = self.by_agent(trig.end, units, request_noun);
        // The maker is not also the one asked.
        let right = right.filter(|(r, _)| !(request_noun && by_agent == Some(*r)));


        let (sources, targets, how) = if passive {
            // "Iran was accused by Pakistan": the agent acts on the subject.
            (by_agent, left.map(|u| (u, "passive subject")), "passive")
        } else if let Some(l) = left.filter(|&l| !units[l].members.iter().all(|&a| self.args[a].place)) {
            (Some(l), right, "object")
        } else if nominal && by_agent.is_some() {
            (by_agent, right, "object")
        } else if let Some(s) = self.subject_after_opening(trig.start, units).filter(|s| right.is_none_or(|(r, _)| r != *s)) {
            (Some(s), right, "object")
        } else if self.reduced_relative(trig.start) {
            // "companies supporting the militias": the participle belongs to the noun before it.
            (None, right, "object")
        } else {
            (self.main_subject(trig.start, units).filter(|s| right.is_none_or(|(r, _)| r != *s)), right, "object")
        };
        if super::trace::on() {
            let show = |u: Option<usize>| u.map(|u| self.text[self.args[units[u].members[0]].span.start..self.args[units[u].members[0]].span.end].to_string());
            eprintln!("   attach {} {:?}: left={:?} right={:?} sources={:?} targets={:?}", t.lemma, trig, show(left), show(right.map(|r| r.0)), show(sources), show(targets.map(|r| r.0)));
        }
        let trigger_span = Span::new(self.tokens[trig.start].start, self.tokens[trig.end - 1].end);
        let mut push = |src: usize, tgt: usize, src_arg: usize, tgt_arg: usize, rule: String, directed: bool| {
            if src == tgt {
                return;
            }
            let (s, g) = if t.reverse { (tgt, src) } else { (src, tgt) };
            let (sa, ga) = if t.reverse { (tgt_arg, src_arg) } else { (src_arg, tgt_arg) };
            out.push(Found {
                kind: t_kind,
                cameo: cameo.to_string(),
                source: s,
                target: g,
                directed,
                modality,
                rule,
                trigger: trigger_span,
                source_span: self.args[sa].span,
                target_span: self.args[ga].span,
            });
        };

        let expand = |u: &Unit| -> Vec<(usize, usize)> {
            // (entity, arg) for every member; a pair or reciprocal phrase gives both of its entities.
            u.members.iter().flat_map(|&a| self.args[a].entities.iter().map(move |&e| (e, a))).collect()
        };

        match (sources, targets) {
            (Some(src), Some((tgt, via))) => {
                let tgt_unit = &units[tgt];
                let reciprocal = tgt_unit.members.iter().any(|&a| self.args[a].reciprocal);
                let ss = expand(&units[src]);
                if reciprocal {
                    // "both states ... inside each other's waters": each acts on the other.
                    let members = if ss.len() >= 2 { ss.clone() } else { expand(tgt_unit) };
                    for &(a, aa) in &members {
                        for &(b, ba) in &members {
                            if a != b && (t_directed || a < b) {
                                push(a, b, aa, ba, format!("{rule_base}: each other"), t_directed);
                            }
                        }
                    }
                    return;
                }
                // "an agreement between X and Y", "talks between X and Y": a mutual act of the pair, whoever
                // reports or welcomes it; only mediation is done by a third party between two.
                let gs = expand(tgt_unit);
                if via == "between" && !t_directed && t_kind != InteractionKind::Mediate && gs.len() >= 2 {
                    for x in 0..gs.len() {
                        for y in x + 1..gs.len() {
                            push(gs[x].0, gs[y].0, gs[x].1, gs[y].1, format!("{rule_base}: between"), false);
                        }
                    }
                    return;
                }
                for &(s, sa) in &ss {
                    for &(g, ga) in &gs {
                        push(s, g, sa, ga, format!("{rule_base}: subject and {via}{}", if how == "passive" { " (passive)" } else { "" }), t_directed);
                    }
                }
                // "sorties alongside and in support of X ... against Y": X fights Y too.
                if t_kind.family() == crate::corpus::Family::Conflict && how != "passive" {
                    for co in self.co_agents(trig.end, tgt_unit.tokens.start, units) {
                        for (c, ca) in expand(&units[co]) {
                            for &(g, ga) in &gs {
                                push(c, g, ca, ga, format!("{rule_base}: alongside the subject"), t_directed);
                            }
                        }
                    }
                }
            }
            (Some(src), None) => {
                // No second actor: a joint subject acts together ("Chile and Peru held talks",
                // "both parties concurred").
                let ss = expand(&units[src]);
                // "the Chile-Peru War", "Greece-Turkey fighting": each side against the other.
                let compound = nominal && units[src].tokens.end == trig.start && (units[src].tokens.start..units[src].tokens.end).any(|k| self.norm(k) == "-");
                if compound && ss.len() >= 2 && t_kind.family() == crate::corpus::Family::Conflict {
                    for &(a, aa) in &ss {
                        for &(b, ba) in &ss {
                            if a != b {
                                push(a, b, aa, ba, format!("{rule_base}: each side of the compound"), true);
                            }
                        }
                    }
                    return;
                }
                // "Greek and Maltese frigates staged drills": exercises held together are military
                // cooperation (CAMEO 062), not a show of force.
                if ss.len() >= 2 && t_kind == InteractionKind::Mobilize && t.subject_only {
                    for x in 0..ss.len() {
                        for y in x + 1..ss.len() {
                            if ss[x].0 != ss[y].0 {
                                out.push(Found {
                                    kind: InteractionKind::Cooperate,
                                    cameo: "062".to_string(),
                                    source: ss[x].0,
                                    target: ss[y].0,
                                    directed: false,
                                    modality,
                                    rule: format!("{rule_base}: held jointly, military cooperation (CAMEO 062)"),
                                    trigger: trigger_span,
                                    source_span: self.args[ss[x].1].span,
                                    target_span: self.args[ss[y].1].span,
                                });
                            }
                        }
                    }
                    return;
                }
                if ss.len() >= 2 && (!t_directed || matches!(t_kind, InteractionKind::Agree | InteractionKind::Cooperate | InteractionKind::Consult)) {
                    for x in 0..ss.len() {
                        for y in x + 1..ss.len() {
                            push(ss[x].0, ss[y].0, ss[x].1, ss[y].1, format!("{rule_base}: joint subject"), false);
                        }
                    }
                }
            }
            (None, Some((tgt, "between"))) => {
                // "talks between X and Y" with no one else named: the pair itself.
                let gs = expand(&units[tgt]);
                if gs.len() >= 2 && !matches!(t_kind, InteractionKind::Mediate) {
                    for x in 0..gs.len() {
                        for y in x + 1..gs.len() {
                            push(gs[x].0, gs[y].0, gs[x].1, gs[y].1, format!("{rule_base}: between"), false);
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// Whether the trigger is used as a noun here ("the talks", "Araghchi's visit", "launched airstrikes").
    fn is_nominal(&self, t: &Trigger, i: usize) -> bool {
        if t.pos == "noun" {
            return true;
        }
        // "mass demonstrations", "fresh negotiations": a verb's noun form.
        let w = self.norm(i);
        if self.lex.grammar.nominal_suffixes.words.iter().any(|e| w.ends_with(e.as_str())) {
            return true;
        }
        if i == self.range.start {
            return false;
        }
        let prev = &self.tokens[i - 1];
        let p = prev.norm.as_str();
        // "the coastal blockade", "a week-long blockade": a determiner before the noun's modifiers.
        if !self.norm(i).ends_with("ed") {
            let g = &self.lex.grammar;
            let mut j = i;
            while j > self.range.start && i - j < 4 {
                let t = &self.tokens[j - 1];
                let w = self.norm(j - 1);
                if j < i && (self.is_in(&g.determiners, j - 1) || t.shape == Shape::Possessive || self.is_in(&g.light_verbs, j - 1)) {
                    return true;
                }
                let modifier = w == "-"
                    || t.shape == Shape::Number
                    || t.is_word() && !t.capitalised && !self.is_in(&g.prepositions, j - 1) && !self.is_in(&g.auxiliaries, j - 1) && !self.is_in(&g.gap_words, j - 1)
                        && !self.is_in(&g.determiners, j - 1)
                        && self.lex.groups.longest_if(self.may_start(j - 1, super::lexicon::starts::GROUP), self.text, &self.tokens[..i], j - 1, |k| self.words.key_ids[k]).is_none_or(|m| j - 1 + m.len != j)
                        && !self.is_in(&self.lex.grammar.hypothetical_cues, j - 1) && !self.is_in(&g.non_modifiers, j - 1);
                if !modifier {
                    break;
                }
                j -= 1;
            }
        }
        // Right after another trigger verb it is that verb's object: "lift embargoes".
        let after_trigger = !prev.capitalised
            && self.lex.trigger_table.longest_if(self.may_start(i - 1, super::lexicon::starts::TRIGGER), self.text, &self.tokens[..i], i - 1, |k| self.words.key_ids[k]).is_some_and(|m| m.len == 1);
        after_trigger
            || prev.shape == Shape::Possessive
            || prev.shape == Shape::Number
            || self.is_in(&self.lex.grammar.determiners, i - 1)
            || self.is_in(&self.lex.grammar.light_verbs, i - 1)
            || (p == "-" && i >= 2)
            || (self.is_in(&self.lex.grammar.prepositions, i - 1) && p != "to")
    }

    /// "was accused", "were attacked", "has been sanctioned".
    fn is_passive(&self, trig: Range<usize>) -> bool {
        let g = &self.lex.grammar;
        let last = trig.end - 1;
        let form = self.key(last);
        // "is devoted to", "is allied to": a state of the subject, not something done to it.
        if trig.end < self.range.end && self.norm(trig.end) == "to" && self.key_is_in(&g.states_before_to, last) {
            return false;
        }
        if !(form.ends_with("ed") || form.ends_with("en") || self.key_is_in(&g.irregular_participles, last)) {
            return false;
        }
        let mut j = trig.start;
        while j > self.range.start {
            let p = self.norm(j - 1);
            if self.is_in(&g.be_forms, j - 1) || self.is_in(&g.get_forms, j - 1) {
                return true;
            }
            if !(p.ends_with("ly") || self.is_in(&g.passive_gap_adverbs, j - 1)) {
                return false;
            }
            j -= 1;
        }
        false
    }

    /// The unit ending just before `i` across words that may stand between a subject and its verb.
    fn verb_subject(&self, i: usize, units: &[Unit]) -> Option<usize> {
        let g = &self.lex.grammar;
        let mut j = i;
        let mut commas = 0;
        let mut words = 0;
        while j > self.range.start {
            if let Some(u) = units.iter().position(|u| u.tokens.end == j) {
                return Some(u);
            }
            let p = self.norm(j - 1);
            let t = &self.tokens[j - 1];
            if self.is_in(&g.clause_breaks, j - 1) && p != "as" {
                return None;
            }
            if self.is_in(&g.verb_joiners, j - 1) {
                // "X attacked Y and killed Z": a coordinated verb shares the clause's subject.
                return self.main_subject(j - 1, units);
            }
            // "Chile's efforts to help", "Peru's decision to expel": the one whose effort it is.
            if j < i && self.norm(j) == "to" && self.is_in(&g.effort_nouns, j - 1) {
                let mut k = j - 1;
                while k > self.range.start && k + 3 > j - 1 {
                    if let Some(u) = units.iter().position(|u| u.tokens.end == k) {
                        return Some(u);
                    }
                    let t = &self.tokens[k - 1];
                    if t.shape != Shape::Possessive && (!t.is_word() || t.capitalised || self.is_in(&g.prepositions, k - 1)) {
                        break;
                    }
                    k -= 1;
                }
                return None;
            }
            if p == "," {
                commas += 1;
                if commas > 2 {
                    return None;
                }
            } else if self.is_in(&g.gap_words, j - 1) || (p.ends_with("ly") && t.is_word() && !t.capitalised) || self.is_in(&g.infinitive_verbs, j - 1) {
                words += 1;
            } else if t.shape == Shape::Possessive {
                // "this week's", part of a time phrase
            } else if self.is_in(&g.prepositions, j - 1) && words < 6 {
                words += 1;
            } else if p.ends_with("ed") && t.is_word() && !t.capitalised && self.words.starts[j - 1] & super::lexicon::starts::TRIGGER == 0
                && j < i && self.is_in(&g.prepositions, j)
            {
                // "border troops, intent on ending the siege": a participle and its preposition.
                words += 1;
            } else {
                return None;
            }
            if words > 10 {
                return None;
            }
            j -= 1;
        }
        None
    }

    /// The subject of the sentence's main clause, when the trigger lies in that clause: the first actor
    /// phrase, at the start of the sentence or right after an opening adverbial ("On Feb. 3, allied
    /// troops carried out ... in aid of ...").
    fn main_subject(&self, trigger: usize, units: &[Unit]) -> Option<usize> {
        let g = &self.lex.grammar;
        let mut lead = self.range.start;
        if self.norm(lead) == "the" {
            lead += 1;
        }
        // The first actor at the start, or right after an opening adverbial ("Separately in Peru, ...").
        // "Hundreds of nursing students", "Some 300 dockers": a quantity before the subject.
        let quantity = |before: usize| {
            before - self.range.start <= 8
                && (self.range.start..before).all(|j| {
                    let t = &self.tokens[j];
                    let w = self.norm(j);
                    t.shape == Shape::Number
                        || w == "of"
                        || (t.is_word() && (!t.capitalised || j == self.range.start) && !self.is_in(&g.prepositions, j) && self.words.starts[j] & super::lexicon::starts::TRIGGER == 0)
                })
        };
        let mut subject = units.iter().position(|u| {
            let before = u.tokens.start;
            before == lead
                || quantity(before)
                || before > self.range.start
                    && before - self.range.start <= 12
                    && (self.norm(before - 1) == "," || self.norm(before - 1) == "the" && before >= 2 && self.norm(before - 2) == ",")
        })?;
        if units[subject].tokens.end > trigger {
            return None;
        }
        // Opening adverbials hold no verb of their own.
        let opening = units[subject].tokens.start;
        let toks = &self.tokens[..self.range.end];
        if (self.range.start..opening)
            .any(|j| !self.tokens[j].capitalised && self.lex.trigger_table.longest_if(self.may_start(j, super::lexicon::starts::TRIGGER), self.text, toks, j, |k| self.words.key_ids[k]).is_some())
        {
            return None;
        }
        // "NATO-member Norway": the head of the phrase is the second actor.
        let first = &units[subject];
        if subject + 1 < units.len() && first.tokens.end < self.range.end && self.norm(first.tokens.end) == "-" && units[subject + 1].tokens.start <= first.tokens.end + 3 {
            subject += 1;
        }
        let clean = (units[subject].tokens.end..trigger).all(|j| {
            !(self.is_in(&g.clause_breaks, j) || self.is_in(&g.clause_starts, j) || self.is_in(&g.said_forms, j) || self.is_in(&g.reporting_verbs, j))
        });
        (clean && units[subject].tokens.end <= trigger).then_some(subject)
    }

    /// "the cartel's raids on the village of San Roque, which looted and burned ...", "Moreno, who met
    /// ...": the verb of a relative clause is done by the nearest actor before "which" or "who" that is
    /// not a place.
    fn relative_subject(&self, trig: usize, units: &[Unit]) -> Option<usize> {
        let g = &self.lex.grammar;
        let mut j = trig;
        let mut steps = 0;
        // Back over adverbs, auxiliaries and a coordinated verb ("targeted and").
        while j > self.range.start && steps < 5 {
            let p = self.norm(j - 1);
            if self.is_in(&g.wh_relatives, j - 1) {
                break;
            }
            let t = &self.tokens[j - 1];
            // Not a passive ("who were held captive"): its subject is what was done to.
            if self.is_in(&g.be_forms, j - 1) {
                return None;
            }
            let ok = self.is_in(&g.gap_words, j - 1) && p != "," || p == "and" || (t.is_word() && !t.capitalised && (p.ends_with("ly") || p.ends_with("ed")));
            if !ok || units.iter().any(|u| u.tokens.end == j) {
                return None;
            }
            j -= 1;
            steps += 1;
        }
        if j <= self.range.start || !self.is_in(&g.wh_relatives, j - 1) {
            return None;
        }
        let rel = j - 1;
        units
            .iter()
            .enumerate()
            .filter(|(_, u)| u.tokens.end <= rel && rel - u.tokens.end <= 20)
            .rev()
            .find(|(_, u)| !u.members.iter().all(|&a| self.args[a].place))
            .map(|(k, _)| k)
    }

    /// An "-ing" verb right after a plain noun: a reduced relative clause ("companies supporting X").
    fn reduced_relative(&self, trig: usize) -> bool {
        if trig == self.range.start || !self.norm(trig).ends_with("ing") {
            return false;
        }
        let g = &self.lex.grammar;
        let t = &self.tokens[trig - 1];
        let p = self.norm(trig - 1);
        t.is_word() && !t.capitalised && p.ends_with('s') && !p.ends_with("ss") && !self.is_in(&g.gap_words, trig - 1) && !self.is_in(&g.auxiliaries, trig - 1)
            && !self.is_in(&g.prepositions, trig - 1) && !self.is_in(&g.determiners, trig - 1) && !self.is_in(&g.infinitive_verbs, trig - 1) && !p.ends_with("ly")
            && self.words.starts[trig - 1] & super::lexicon::starts::TRIGGER == 0
    }

    /// "In the drive to retake the port, the Northern Militia have ...", "To end the war, Chile
    /// will ...": an act in an opening adverbial is done by the subject after its comma.
    fn subject_after_opening(&self, trig: usize, units: &[Unit]) -> Option<usize> {
        let opening = self.is_in(&self.lex.grammar.prepositions, self.range.start) || self.is_in(&self.lex.grammar.opening_words, self.range.start);
        if !opening {
            return None;
        }
        let comma = (self.range.start..self.range.end).find(|&j| self.norm(j) == ",")?;
        if trig >= comma {
            return None;
        }
        let mut k = comma + 1;
        while k < self.range.end && self.is_in(&self.lex.grammar.determiners, k) {
            k += 1;
        }
        units.iter().position(|u| u.tokens.start == k)
    }

    /// "help for the Government of Chile in the struggle against the cartels", "X and Y in their push against Z":
    /// the act is the one named right before "in the/their/its".
    fn supported_agent(&self, i: usize, units: &[Unit]) -> Option<usize> {
        if i < self.range.start + 3 {
            return None;
        }
        if !(self.is_in(&self.lex.grammar.supported_act_determiners, i - 1) && self.norm(i - 2) == "in") {
            return None;
        }
        units.iter().position(|u| u.tokens.end == i - 2)
    }

    /// The source of a noun trigger: its possessor, or the subject of the light verb carrying it.
    fn noun_source(&self, i: usize, units: &[Unit]) -> Option<usize> {
        let g = &self.lex.grammar;
        // Skip the determiners and adjectives before the noun: "Araghchi's separate visit", "the talks".
        let mut j = i;
        let mut skipped = 0;
        while j > self.range.start && skipped < 6 {
            let p = self.norm(j - 1);
            let t = &self.tokens[j - 1];
            // "His visit": a possessive pronoun that refers to someone.
            if let Some(u) = units.iter().position(|u| u.tokens.end == j && u.tokens.len() == 1)
                && (self.is_in(&self.lex.grammar.person_pronouns, j - 1) || self.is_in(&self.lex.grammar.thing_pronouns, j - 1) || self.is_in(&self.lex.grammar.plural_pronouns, j - 1))
            {
                return Some(u);
            }
            // "... in their struggle against the cartels": "their" is the clause's subject.
            if self.is_in(&g.subject_possessives, j - 1) {
                return self.main_subject(j - 1, units);
            }
            if t.shape == Shape::Possessive {
                // "Araghchi's visit": the unit before the possessive.
                return units.iter().position(|u| u.tokens.end == j - 1);
            }
            // "launched airstrikes", "carried out attacks" (the particle is skipped like any small word).
            if self.is_in(&g.light_verbs, j - 1) {
                return self.verb_subject(j - 1, units);
            }
            if self.is_in(&g.determiners, j - 1) || (t.is_word() && !t.capitalised && !self.is_in(&g.prepositions, j - 1) && !self.is_in(&g.clause_breaks, j - 1)) || p == "-" || t.shape == Shape::Number {
                j -= 1;
                skipped += 1;
                continue;
            }
            // "Pak-Iran talks", "US-Iraq agreement": a compound of actors right before the noun.
            return units.iter().position(|u| u.tokens.end == j && u.members.len() >= 2);
        }
        None
    }

    /// The target: a direct object, or an actor after one of the trigger's prepositions.
    fn object(&self, t: &Trigger, after: usize, nominal: bool, units: &[Unit]) -> Option<(usize, &'static str)> {
        let g = &self.lex.grammar;
        let mut j = after;
        let mut via: Option<&'static str> = None;
        let mut steps = 0;
        while j < self.range.end && steps < 8 {
            if let Some(u) = units.iter().position(|u| u.tokens.start == j) {
                let prev = if j > self.range.start { self.norm(j - 1) } else { "" };
                let locative = j > self.range.start && self.is_in(&g.locative_prepositions, j - 1) && !matches!(t.kind, InteractionKind::Visit);
                // A trigger's own preposition makes the phrase its target, except "in" and "at" (`plain_locatives`).
                if locative && (!t.preps.iter().any(|p| p == prev) || self.is_in(&g.plain_locatives, j - 1)) {
                    return None;
                }
                return match via {
                    Some(v) => Some((u, v)),
                    None if t.transitive && !nominal && steps <= 3 => Some((u, "object")),
                    None if steps == 0 && t.transitive => Some((u, "object")),
                    _ => None,
                };
            }
            let w = self.norm(j);
            let tok = &self.tokens[j];
            let of_support = w == "of" && nominal && matches!(t.kind, InteractionKind::Support | InteractionKind::Aid);
            if t.preps.iter().any(|p| p == w) || of_support || (w == "between" && t.preps.iter().any(|p| p == "with")) {
                via = Some(if w == "between" { "between" } else { "preposition" });
            } else if self.is_in(&g.determiners, j) || (tok.is_word() && !tok.capitalised && w.ends_with("ly")) || self.is_in(&g.gap_words, j) && w != "," && w != "and" && !self.is_in(&g.clause_starts, j) {
                // "met on Tuesday with", "accused the", "visited neighbouring"
            } else if (tok.is_word() && !tok.capitalised || w == "," && j + 1 < self.range.end && self.tokens[j + 1].is_word() && !self.tokens[j + 1].capitalised)
                && steps < 4 && !self.is_in(&g.prepositions, j) && !self.is_in(&g.clause_breaks, j) && via.is_some()
            {
                // adjectives between preposition and actor: "strikes against armed X", "aid for
                // small, struggling farm cooperatives"
            } else if w == "-" || tok.shape == Shape::Number {
            } else if via.is_none() && nominal && steps < 2 && tok.is_word() && !tok.capitalised && w.ends_with("ed")
                && (self.words.starts[j] & super::lexicon::starts::TRIGGER == 0 || self.is_in(&g.light_verbs, j))
            {
                // "the accord signed on Monday between X and Y": a participle after the noun.
            } else {
                return None;
            }
            j += 1;
            steps += 1;
        }
        None
    }

    /// "gave Malawi 40 tonnes of grain as aid": the one right after the verb that carries a noun
    /// trigger is who receives it.
    fn recipient(&self, trig: usize, units: &[Unit]) -> Option<(usize, &'static str)> {
        let g = &self.lex.grammar;
        let mut j = trig;
        let mut steps = 0;
        while j > self.range.start && steps < 10 {
            let p = self.norm(j - 1);
            if let Some(u) = units.iter().position(|u| u.tokens.end == j) {
                // The unit must follow a giving verb directly (a determiner between at most).
                let mut b = units[u].tokens.start;
                while b > self.range.start && self.is_in(&g.determiners, b - 1) {
                    b -= 1;
                }
                let giving = b > self.range.start
                    && self.is_in(&g.giving_verbs, b - 1);
                return giving.then_some((u, "recipient"));
            }
            if self.is_in(&g.clause_breaks, j - 1) || p == "," || self.words.starts[j - 1] & super::lexicon::starts::TRIGGER != 0 && j < trig {
                return None;
            }
            j -= 1;
            steps += 1;
        }
        None
    }

    /// "threatened to retaliate unless Peru withdrew ...": the one who must act is the one threatened.
    fn unless_object(&self, after: usize, units: &[Unit]) -> Option<(usize, &'static str)> {
        let g = &self.lex.grammar;
        let u = (after..self.range.end)
            .take_while(|&j| !(self.norm(j) == ";" || self.is_in(&g.said_forms, j)))
            .find(|&j| self.is_in(&g.threat_conditions, j))?;
        let mut k = u + 1;
        while k < self.range.end && self.is_in(&self.lex.grammar.determiners, k) {
            k += 1;
        }
        units.iter().position(|x| x.tokens.start == k).map(|x| (x, "unless"))
    }

    /// "turned down a new proposal from X", "accepted demands from Y", "declined to answer a plea by Z": an
    /// answer to a request is an answer to the one who made it.
    fn requester(&self, t: &Trigger, after: usize, units: &[Unit]) -> Option<(usize, &'static str)> {
        if !matches!(t.kind, InteractionKind::Reject | InteractionKind::Concede | InteractionKind::Agree) {
            return None;
        }
        let g = &self.lex.grammar;
        let mut j = after;
        while j < self.range.end && j < after + 8 {
            let w = self.norm(j);
            if self.is_in(&g.request_nouns, j) {
                let mut k = j + 1;
                if k >= self.range.end || !self.is_in(&g.request_maker_prepositions, k) {
                    return None;
                }
                k += 1;
                while k < self.range.end && self.is_in(&g.determiners, k) {
                    k += 1;
                }
                return units.iter().position(|u| u.tokens.start == k).map(|u| (u, "requester"));
            }
            if self.is_in(&g.clause_breaks, j) || w == "," || units.iter().any(|u| u.tokens.start == j) {
                return None;
            }
            j += 1;
        }
        None
    }

    /// A looser object for clauses the strict rules miss ("condemned as a grave wrong Ruritania's
    /// crackdown", "send grain for Malawi"): the first actor after the trigger in the same clause,
    /// unless it names a place ("in X") or starts a new clause.
    fn loose_object(
        &self,
        t: &Trigger,
        after: usize,
        units: &[Unit],
        stops: &[usize],
        subject: Option<usize>,
    ) -> Option<(usize, &'static str)> {
        let names = |u: usize| -> Vec<usize> { units[u].members.iter().flat_map(|&a| self.args[a].entities.iter().copied()).collect() };
        let subject_entities = subject.map(names).unwrap_or_default();
        if t.subject_only {
            return None;
        }
        let g = &self.lex.grammar;
        let mut j = after;
        while j < self.range.end && j < after + 10 {
            if let Some(u) = units.iter().position(|u| u.tokens.start == j) {
                let prep = self.preposition_before(j);
                let exempt = prep.is_some_and(|p| t.preps.iter().any(|x| x == p));
                let locative = prep.is_some_and(|p| g.locative_prepositions.has(p)) && !exempt && t.kind != InteractionKind::Visit;
                // "complained to the UN about Israel": the one addressed is not the one complained of; "by X"
                // names an agent, never a target.
                let by_participle = prep == Some("by") && {
                    let b = (after..j).rev().find(|&k| self.norm(k) == "by").unwrap_or(j);
                    b > after && self.norm(b - 1).ends_with("ed")
                };
                let addressee = prep == Some("to") && matches!(t.kind, InteractionKind::Accuse | InteractionKind::Protest) || by_participle;
                let reporter = units[u].tokens.end < self.range.end && self.is_in(&g.reporting_verbs, units[u].tokens.end);
                if locative || reporter {
                    return None;
                }
                // "turned down a plea for its troops to ...": the subject again is not its own object.
                let itself = !subject_entities.is_empty() && names(u).iter().all(|e| subject_entities.contains(e));
                if addressee || itself {
                    j = units[u].tokens.end;
                    continue;
                }
                return Some((u, "loose object"));
            }
            let w = self.norm(j);
            // Another trigger is another predicate, with objects of its own.
            // "meets to align plans to curb smuggling": a purpose with its own object.
            let purpose = w == "to" && j + 1 < self.range.end && self.words.starts[j + 1] & super::lexicon::starts::TRIGGER != 0
                && self.lex.trigger_table.longest_if(self.may_start(j + 1, super::lexicon::starts::TRIGGER), self.text, &self.tokens[..self.range.end], j + 1, |k| self.words.key_ids[k]).is_some();
            let new_clause = stops.contains(&j)
                || purpose
                || self.is_in(&g.clause_breaks, j) && !(w == "as" && j == after)
                || self.is_in(&g.clause_starts, j)
                || self.is_in(&g.said_forms, j)
                || self.is_in(&g.contrasts, j)
                || w == ";"
                || (w == "," && j > after + 1);
            if new_clause {
                return None;
            }
            j += 1;
        }
        None
    }

    /// Units between `from` and `to` introduced as partners in the act: "in support of X", "coordinated
    /// with X", "alongside X", "together with X".
    fn co_agents(&self, from: usize, to: usize, units: &[Unit]) -> Vec<usize> {
        let g = &self.lex.grammar;
        let mut out = Vec::new();
        for (u, unit) in units.iter().enumerate() {
            let start = unit.tokens.start;
            if start <= from || start >= to {
                continue;
            }
            let mut b = start;
            while b > from && self.is_in(&g.determiners, b - 1) {
                b -= 1;
            }
            // A listed phrase of one to three words after `from` that ends right before the unit.
            let before = &self.tokens[..b];
            let partner = (1..=3).any(|n| b >= from + n && g.partner_phrases.phrase_at(self.text, before, b - n) == n);
            if partner {
                out.push(u);
            }
        }
        out
    }

    /// "flew 12 sorties with fighter jets against rebel positions": "against" marks the target of a
    /// hostile act however far it stands from the trigger within the clause.
    fn against_object(&self, t: &Trigger, after: usize, units: &[Unit]) -> Option<(usize, &'static str)> {
        if t.kind.family() != crate::corpus::Family::Conflict || !t.preps.iter().any(|p| p == "against") {
            return None;
        }
        let g = &self.lex.grammar;
        let mut j = after;
        while j < self.range.end {
            let w = self.norm(j);
            // "drones as well as mortars against X": a list, not a new clause.
            if w == "as" && j + 2 < self.range.end && self.norm(j + 1) == "well" && self.norm(j + 2) == "as" {
                j += 3;
                continue;
            }
            if self.is_in(&g.clause_breaks, j) || self.is_in(&g.wh_relatives, j) || w == ";" || w == "said" {
                return None;
            }
            if w == "against" {
                let mut k = j + 1;
                while k < self.range.end && (self.is_in(&g.determiners, k) || self.tokens[k].is_word() && !self.tokens[k].capitalised && k < j + 3) {
                    k += 1;
                }
                // "their struggle against smuggling, above all against the cartels": the first that names one.
                if let Some(u) = units.iter().position(|u| u.tokens.start == k) {
                    return Some((u, "against"));
                }
            }
            j += 1;
        }
        None
    }

    /// Acts done to a place ("marched in Lima", "set a curfew in the mining town of Oruro", "stayed on
    /// guard in the highlands"): with no other target, the place right after the act.
    fn place_object(&self, t: &Trigger, after: usize, units: &[Unit], stops: &[usize]) -> Option<(usize, &'static str)> {
        if !matches!(
            t.kind,
            InteractionKind::Protest | InteractionKind::Mobilize | InteractionKind::Coerce | InteractionKind::Threaten
        ) {
            return None;
        }
        let g = &self.lex.grammar;
        let mut j = after;
        while j < self.range.end && j < after + 8 {
            if let Some(u) = units.iter().position(|u| u.tokens.start == j) {
                // Where the act happened, not where its doers came from: "from" right after the act
                // ("flew in from the 21st Squadron") is an origin; after its object it is not ("seized
                // weapons from the groups").
                let origin = self.norm(after) == "from";
                return self.preposition_before(j).filter(|p| g.locative_prepositions.has(p) && !origin).map(|_| (u, "place"));
            }
            if stops.contains(&j) || self.is_in(&g.clause_breaks, j) || self.norm(j) == "," {
                return None;
            }
            j += 1;
        }
        None
    }

    /// The preposition heading the noun phrase that starts at `j` ("on the Andean border" → "on").
    fn preposition_before(&self, j: usize) -> Option<&str> {
        let g = &self.lex.grammar;
        let mut k = j;
        let mut steps = 0;
        while k > self.range.start && steps < 7 {
            let p = self.norm(k - 1);
            // "in the southern city of Arequipa": the place noun's "of" is not the phrase's preposition.
            if p == "of" && k >= 2 + self.range.start && self.is_in(&g.place_heads, k - 2) {
                k -= 2;
                steps += 2;
                continue;
            }
            if self.is_in(&g.prepositions, k - 1) {
                return Some(p);
            }
            let t = &self.tokens[k - 1];
            if !(self.is_in(&g.determiners, k - 1) || t.is_word() && !t.capitalised || t.shape == Shape::Number || p == "-") {
                return None;
            }
            k -= 1;
            steps += 1;
        }
        None
    }

    /// "by X" after the trigger (passive agents, "an attack by X").
    fn by_agent(&self, after: usize, units: &[Unit], or_from: bool) -> Option<usize> {
        let mut j = after;
        while j < self.range.end && j < after + 4 {
            // "breaches of the truce declared by X": the agent of another verb.
            let w = self.norm(j);
            // ("shelled and wounded by X" is one passive with one agent.)
            let coordinated = j > after && self.is_in(&self.lex.grammar.coordinators, j - 1);
            if w.ends_with("ed") && self.tokens[j].is_word() && !self.tokens[j].capitalised && !self.is_in(&self.lex.grammar.light_verbs, j) && !coordinated {
                return None;
            }
            if self.norm(j) == "by" || or_from && self.norm(j) == "from" {
                let mut k = j + 1;
                while k < self.range.end && self.is_in(&self.lex.grammar.determiners, k) {
                    k += 1;
                }
                return units.iter().position(|u| u.tokens.start == k);
            }
            j += 1;
        }
        None
    }

    fn modality(&self, i: usize, nominal: bool) -> Modality {
        let g = &self.lex.grammar;
        // The cue may stand before the verb that carries a noun trigger ("will lengthen the weekend
        // curfew"), but not across a clause boundary.
        let mut from = i.saturating_sub(7).max(self.range.start);
        if let Some(b) = (from..i).rev().find(|&j| self.is_in(&g.clause_breaks, j) || self.norm(j) == ",") {
            from = b + 1;
        }
        let before = from..i;
        if before.clone().any(|j| self.is_in(&g.negations, j) || self.is_in(&g.denials, j)) {
            return Modality::Negated;
        }
        // "X stated it would permit ...": a reported "would" announces an intent rather than a supposition.
        let reported = (self.range.start..i).any(|j| self.norm(j) == "that" || self.is_in(&g.reporting_verbs, j));
        let conditional = (self.range.start..i).any(|j| self.is_in(&g.conditionals, j));
        let would = before.clone().any(|j| self.norm(j) == "would");
        let hypothetical = before.clone().any(|j| self.is_in(&g.possibility_modals, j)) || conditional || (would && !reported);
        if hypothetical {
            return Modality::Hypothetical;
        }
        if would {
            return Modality::Intended;
        }
        let intended = (from..i.saturating_sub(1))
            .any(|j| self.is_in(&g.intent_cues, j) && self.norm(j + 1) == "to" && !self.is_in(&g.not_intent_cues, j))
            || i > from && self.is_in(&g.future_modals, i - 1)
            // "will lengthen the weekend curfew": before the verb that carries a noun.
            || before.rev().take(if nominal { 6 } else { 2 }).any(|j| self.is_in(&g.will_forms, j));
        if intended {
            return Modality::Intended;
        }
        Modality::Asserted
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
        write!(f, "trigger \"{}\" ({}, CAMEO {})", t.lemma, t.kind.as_str(), t.cameo)?;
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
        let (a, b) = if f.directed { (f.source, f.target) } else { (f.source.min(f.target), f.source.max(f.target)) };
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
        .filter(|(c, r)| !c.nested && !r.is_empty())
        .map(|(c, r)| Arg {
            tokens: c.tokens.clone(),
            span: c.span,
            entities: r,
            reciprocal: matches!(c.referent, Referent::Reciprocal),
            place: c.via == crate::corpus::MentionVia::Place,
        })
        .collect()
}
