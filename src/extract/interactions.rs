//! Interactions in one sentence: trigger words (from `assets/triggers.json`) and the actors attached to
//! them by the clause around the trigger, not by mere presence in the sentence.
//!
//! - Source: for a verb, the actor phrase on its left with nothing between but auxiliaries, adverbs, time
//!   phrases and infinitive chains ("Iran offering to mediate", "Both nations have, in the past, accused");
//!   in the passive ("was accused by X") the agent after "by". For a noun, its possessor ("Araghchi's
//!   visit"), the subject of the light verb that carries it ("both countries launched airstrikes"), or an
//!   agent after "by".
//! - Target: a verb's direct object, or the actor after one of the trigger's prepositions ("met with Y",
//!   "visit to Y", "strikes against Y"); "between Y and Z" gives two targets (mediation) or the pair itself;
//!   "each other" gives both directions between the members of the pair.
//! - Actors named as the source of a report ("the ISPR said", "according to Radio Pakistan") are never
//!   arguments; they become the evidence's `reported_by`. Places after "in", "near", "at" are locations,
//!   not targets (except of a visit).
//! - Modality: a negation or denial before the trigger → negated; "plans to", "will" → intended; "may",
//!   "could", "if" → hypothetical.

use std::ops::Range;

use super::lexicon::{Lexicon, Trigger};
use super::tokens::{Shape, Token};
use crate::corpus::{InteractionKind, Modality, Span};

/// An actor phrase of the sentence that can be an argument.
#[derive(Debug, Clone)]
pub struct Arg {
    pub tokens: Range<usize>,
    pub span: Span,
    /// Entities it refers to (two for "both sides").
    pub entities: Vec<usize>,
    pub reciprocal: bool,
}

/// Consecutive argument phrases joined by "and" or commas: "Pakistan and Iran", "X, Y and Z".
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
    pub keys: &'a [String],
    pub range: Range<usize>,
    pub args: Vec<Arg>,
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
    fn norm(&self, i: usize) -> &str {
        &self.tokens[i].norm
    }

    fn key(&self, i: usize) -> &str {
        &self.keys[i]
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
                && (g.reporting_verbs.has(self.norm(after)) && self.norm(after) != "according"
                    || (after + 1 < self.range.end && g.gap_words.has(self.norm(after)) && g.reporting_verbs.has(self.norm(after + 1)) && !self.tokens[after].is(",")));
            let mut b = a.tokens.start;
            while b > self.range.start && (g.determiners.has(self.norm(b - 1)) || self.norm(b - 1) == "a" || self.norm(b - 1) == "statement" || self.norm(b - 1) == "from") {
                b -= 1;
            }
            let after_according = b >= self.range.start + 2 && self.norm(b - 1) == "to" && self.norm(b - 2) == "according";
            let quoted_by = b > self.range.start && (self.norm(b - 1) == "told" || self.norm(b - 1) == "quoted");
            if follows_report || after_according || quoted_by {
                out.push(k);
            }
        }
        out
    }

    fn units(&self, exclude: &[usize]) -> Vec<Unit> {
        let mut units: Vec<Unit> = Vec::new();
        for (k, a) in self.args.iter().enumerate() {
            if exclude.contains(&k) {
                continue;
            }
            if let Some(last) = units.last_mut() {
                let gap: Vec<&str> = (last.tokens.end..a.tokens.start).map(|j| self.norm(j)).collect();
                let joins = matches!(gap.as_slice(), ["and"] | [","] | [",", "and"] | ["and", "the"] | ["-"] | ["/"]);
                if joins {
                    last.tokens.end = a.tokens.end;
                    last.members.push(k);
                    continue;
                }
            }
            units.push(Unit { tokens: a.tokens.clone(), members: vec![k] });
        }
        units
    }

    /// Finds the sentence's interactions.
    pub fn read(&self) -> SentenceResult {
        let reporters = self.reporters();
        let units = self.units(&reporters);
        let mut found = Vec::new();
        let mut i = self.range.start;
        while i < self.range.end {
            if !self.tokens[i].is_word() || self.arg_covering(i).is_some() {
                i += 1;
                continue;
            }
            let Some(m) = self.lex.trigger_table.longest(self.text, &self.tokens[..self.range.end], i, |j| self.key(j))
            else {
                i += 1;
                continue;
            };
            let end = i + m.len;
            let ids: Vec<u32> = m.values.iter().map(|v| **v).collect();
            self.attach(i..end, &ids, &units, &mut found);
            i = end;
        }
        dedupe(&mut found);
        SentenceResult { found, reporters }
    }

    /// The trigger entry that fits the words after it best (its preposition), else the first.
    fn pick(&self, ids: &[u32], after: usize) -> &'a Trigger {
        let next = if after < self.range.end { self.norm(after) } else { "" };
        let entries: Vec<&Trigger> = ids.iter().map(|&t| &self.lex.triggers[t as usize]).collect();
        entries.iter().find(|t| t.preps.iter().any(|p| p == next)).copied().unwrap_or(entries[0])
    }

    fn attach(&self, trig: Range<usize>, ids: &[u32], units: &[Unit], out: &mut Vec<Found>) {
        let t = self.pick(ids, trig.end);
        let nominal = self.is_nominal(t, trig.start);
        let passive = !nominal && self.is_passive(trig.clone());
        let modality = self.modality(trig.start);
        let rule_base = format!("trigger \"{}\" ({}, CAMEO {})", t.lemma, t.kind.as_str(), t.cameo);

        // The actors on the left and right of the trigger.
        let left = if nominal { self.noun_source(trig.start, units) } else { self.verb_subject(trig.start, units) };
        let right = self.object(t, trig.end, nominal, units).or_else(|| {
            // "launched airstrikes ... on each other's soil": a reciprocal later in the clause.
            units
                .iter()
                .position(|u| u.tokens.start >= trig.end && u.members.iter().any(|&a| self.args[a].reciprocal))
                .map(|u| (u, "each other"))
        });
        let by_agent = self.by_agent(trig.end, units);

        let (mut sources, mut targets, mut how) = (None, right.clone(), "object");
        if passive {
            // "Iran was accused by Pakistan": the agent acts on the subject.
            sources = by_agent;
            targets = left.clone().map(|u| (u, "passive subject"));
            how = "passive";
        } else if let Some(l) = left {
            sources = Some(l);
        } else if nominal && by_agent.is_some() {
            sources = by_agent;
        }
        let trigger_span = Span::new(self.tokens[trig.start].start, self.tokens[trig.end - 1].end);
        let mut push = |src: usize, tgt: usize, src_arg: usize, tgt_arg: usize, rule: String, directed: bool| {
            if src == tgt {
                return;
            }
            let (s, g) = if t.reverse { (tgt, src) } else { (src, tgt) };
            let (sa, ga) = if t.reverse { (tgt_arg, src_arg) } else { (src_arg, tgt_arg) };
            out.push(Found {
                kind: t.kind,
                cameo: t.cameo.clone(),
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
                    // "both countries ... on each other's soil": each acts on the other.
                    let members = if ss.len() >= 2 { ss.clone() } else { expand(tgt_unit) };
                    for &(a, aa) in &members {
                        for &(b, ba) in &members {
                            if a != b && (t.directed || a < b) {
                                push(a, b, aa, ba, format!("{rule_base}: each other"), t.directed);
                            }
                        }
                    }
                    return;
                }
                for &(s, sa) in &ss {
                    for &(g, ga) in &expand(tgt_unit) {
                        push(s, g, sa, ga, format!("{rule_base}: subject and {via}{}", if how == "passive" { " (passive)" } else { "" }), t.directed);
                    }
                }
            }
            (Some(src), None) => {
                // No second actor: a joint subject acts together ("Pakistan and Iran held talks",
                // "both sides agreed").
                let ss = expand(&units[src]);
                if ss.len() >= 2 && (!t.directed || matches!(t.kind, InteractionKind::Agree | InteractionKind::Cooperate | InteractionKind::Consult)) {
                    for x in 0..ss.len() {
                        for y in x + 1..ss.len() {
                            push(ss[x].0, ss[y].0, ss[x].1, ss[y].1, format!("{rule_base}: joint subject"), false);
                        }
                    }
                }
            }
            (None, Some((tgt, via))) if via == "between" => {
                // "talks between X and Y" with no one else named: the pair itself.
                let gs = expand(&units[tgt]);
                if gs.len() >= 2 && !matches!(t.kind, InteractionKind::Mediate) {
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
        if i == self.range.start {
            return false;
        }
        let prev = &self.tokens[i - 1];
        let p = prev.norm.as_str();
        prev.shape == Shape::Possessive
            || prev.shape == Shape::Number
            || self.lex.grammar.determiners.has(p)
            || self.lex.grammar.light_verbs.has(p)
            || (p == "-" && i >= 2)
            || (self.lex.grammar.prepositions.has(p) && p != "to")
    }

    /// "was accused", "were attacked", "has been sanctioned".
    fn is_passive(&self, trig: Range<usize>) -> bool {
        let form = self.key(trig.end - 1);
        if !(form.ends_with("ed") || form.ends_with("en") || ["hit", "struck", "held", "met", "led", "shot", "sent", "put", "cut", "set", "beaten", "fought", "sought"].contains(&form)) {
            return false;
        }
        let mut j = trig.start;
        while j > self.range.start {
            let p = self.norm(j - 1);
            if ["was", "were", "been", "being", "is", "are", "be", "get", "got", "gets"].contains(&p) {
                return true;
            }
            if !(p.ends_with("ly") || ["also", "reportedly", "allegedly", "not", "never", "n't", "repeatedly"].contains(&p)) {
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
            if g.clause_breaks.has(p) && p != "as" {
                return None;
            }
            if p == "," {
                commas += 1;
                if commas > 2 {
                    return None;
                }
            } else if g.gap_words.has(p) || (p.ends_with("ly") && t.is_word() && !t.capitalised) || g.infinitive_verbs.has(p) {
                words += 1;
            } else if t.shape == Shape::Possessive {
                // "this week's", part of a time phrase
            } else if g.prepositions.has(p) && words < 6 {
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

    /// The source of a noun trigger: its possessor, or the subject of the light verb carrying it.
    fn noun_source(&self, i: usize, units: &[Unit]) -> Option<usize> {
        let g = &self.lex.grammar;
        // Skip the determiners and adjectives before the noun: "Araghchi's separate visit", "the talks".
        let mut j = i;
        let mut skipped = 0;
        while j > self.range.start && skipped < 4 {
            let p = self.norm(j - 1);
            let t = &self.tokens[j - 1];
            if t.shape == Shape::Possessive {
                // "Araghchi's visit": the unit before the possessive.
                return units.iter().position(|u| u.tokens.end == j - 1);
            }
            if g.light_verbs.has(p) {
                let mut k = j - 1;
                // "carried out", "stepped up"
                while k > self.range.start && g.light_verbs.has(self.norm(k - 1)) && ["out", "up"].contains(&self.norm(k)) {
                    k -= 1;
                }
                return self.verb_subject(k, units);
            }
            if g.determiners.has(p) || (t.is_word() && !t.capitalised && !g.prepositions.has(p) && !g.clause_breaks.has(p)) || p == "-" || t.shape == Shape::Number {
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
                let locative = g.locative_prepositions.has(prev) && !matches!(t.kind, InteractionKind::Visit);
                if locative && !t.preps.iter().any(|p| p == prev && p != "in" && p != "at") {
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
            if t.preps.iter().any(|p| p == w) || (w == "between" && t.preps.iter().any(|p| p == "with")) {
                via = Some(if w == "between" { "between" } else { "preposition" });
            } else if g.determiners.has(w) || (tok.is_word() && !tok.capitalised && w.ends_with("ly")) || g.gap_words.has(w) && w != "," && w != "and" && w != "that" && w != "which" && w != "who" {
                // "met on Tuesday with", "accused the", "visited neighbouring"
            } else if tok.is_word() && !tok.capitalised && steps < 2 && !g.prepositions.has(w) && !g.clause_breaks.has(w) && via.is_some() {
                // an adjective between preposition and actor: "strikes against militant X"
            } else if w == "-" || tok.shape == Shape::Number {
            } else {
                return None;
            }
            j += 1;
            steps += 1;
        }
        None
    }

    /// "by X" after the trigger (passive agents, "an attack by X").
    fn by_agent(&self, after: usize, units: &[Unit]) -> Option<usize> {
        let mut j = after;
        while j < self.range.end && j < after + 4 {
            if self.norm(j) == "by" {
                let mut k = j + 1;
                while k < self.range.end && self.lex.grammar.determiners.has(self.norm(k)) {
                    k += 1;
                }
                return units.iter().position(|u| u.tokens.start == k);
            }
            j += 1;
        }
        None
    }

    fn modality(&self, i: usize) -> Modality {
        let g = &self.lex.grammar;
        let from = i.saturating_sub(4).max(self.range.start);
        let before: Vec<&str> = (from..i).map(|j| self.norm(j)).collect();
        if before.iter().any(|w| g.negations.has(w) || g.denials.has(w)) {
            return Modality::Negated;
        }
        let hypothetical = before.iter().any(|w| ["may", "might", "could", "would", "if", "unless", "whether"].contains(w))
            || (self.range.start..i).any(|j| self.norm(j) == "if");
        if hypothetical {
            return Modality::Hypothetical;
        }
        let intended = before.windows(2).any(|w| g.intent_cues.has(w[0]) && w[1] == "to" && !["agreed", "agrees", "offered", "offering"].contains(&w[0]))
            || before.last().is_some_and(|w| ["will", "'ll", "shall"].contains(w))
            || before.iter().rev().take(2).any(|w| *w == "will" || *w == "'ll");
        if intended {
            return Modality::Intended;
        }
        Modality::Asserted
    }
}

/// One interaction per (kind, source, target, direction) and trigger position.
fn dedupe(found: &mut Vec<Found>) {
    let mut seen = Vec::new();
    found.retain(|f| {
        let (a, b) = if f.directed { (f.source, f.target) } else { (f.source.min(f.target), f.source.max(f.target)) };
        let key = (f.kind, a, b, f.directed, f.trigger);
        if seen.contains(&key) {
            false
        } else {
            seen.push(key);
            true
        }
    });
}

/// Resolved argument phrases of a sentence from its candidates and their referents.
pub fn args_of(
    candidates: &[super::mentions::Candidate],
    referents: &[Vec<usize>],
    range: Range<usize>,
) -> Vec<Arg> {
    use super::mentions::Referent;
    candidates[range.clone()]
        .iter()
        .zip(&referents[range])
        .filter(|(c, r)| !c.nested && !r.is_empty())
        .map(|(c, r)| Arg {
            tokens: c.tokens.clone(),
            span: c.span,
            entities: r.clone(),
            reciprocal: matches!(c.referent, Referent::Reciprocal),
        })
        .collect()
}
