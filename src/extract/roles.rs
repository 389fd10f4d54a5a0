//! Who does what to whom around one predicate, read from the dependency tree: a verb's subject (its own,
//! or the one it shares through control, coordination or a relative clause), its object, the agent of a
//! passive, its prepositional phrases; a noun's possessor and modifiers, and the verb that carries it
//! ("launched attacks"); whether the act is negated, intended or supposed; and who reports it.
//!
//! Nothing here knows about actors: the answers are words of the tree, which `interactions` maps to the
//! actor phrases standing there. The word lists consulted are the lists of `assets/grammar.json`.

use super::lexicon::{Grammar, WordList};
use super::tree::{Dep, SentenceTree};
use crate::corpus::Modality;

/// How deep the search for a shared subject goes (a chain of controlled and coordinated verbs).
const MAX_CHAIN: usize = 6;

/// Relative pronouns: the subject of a relative clause that stands for the noun the clause modifies.
fn relative(t: &SentenceTree, g: &Grammar, w: usize) -> bool {
    g.relative_pronouns.has(t.norm(w))
}

/// Whether `p` is used as a verb (a noun or adjective predicate is read as a noun).
pub fn is_verbal(t: &SentenceTree, p: usize) -> bool {
    matches!(t.tag(p), "VERB" | "AUX")
}

/// Whether a past participle: the form after "was" in a passive ("attacked", "held", "struck").
fn participle(t: &SentenceTree, p: usize) -> bool {
    !t.norm(p).ends_with("ing")
}

/// "is devoted to", "are allied to": a participle that says the subject's state, not what was done
/// to it (`states` in the grammar), when a "to" phrase follows.
fn is_state(t: &SentenceTree, g: &Grammar, v: usize) -> bool {
    g.states.has(t.norm(v))
        && t.kids(v)
            .any(|k| t.marker(k).is_some_and(|m| t.norm(m) == "to"))
}

/// Whether `w` is a form of "be" or "get", the auxiliaries of the passive.
fn passive_auxiliary(t: &SentenceTree, g: &Grammar, w: usize) -> bool {
    g.passive_auxiliaries.has(t.norm(w))
}

/// Whether the verb `p` is passive: a participle with a passive subject or a form of "be" or "get"
/// before it, a participle modifying a noun ("a convoy attacked by militants"), or a verb sharing a
/// passive verb's subject. ("Have been lobbying" is no passive, whatever the labels say.)
pub fn is_passive(t: &SentenceTree, g: &Grammar, p: usize) -> bool {
    let mut v = p;
    for _ in 0..MAX_CHAIN {
        if !participle(t, v) || is_state(t, g, v) {
            return false;
        }
        let aux = t
            .kids(v)
            .any(|k| matches!(t.dep(k), Dep::AuxPass | Dep::Aux) && passive_auxiliary(t, g, k));
        if aux
            && (t.has_kid(v, Dep::NsubjPass)
                || t.has_kid(v, Dep::AuxPass)
                || !t.has_kid(v, Dep::Obj))
        {
            return true;
        }
        if t.has_kid(v, Dep::Nsubj) || t.has_kid(v, Dep::Aux) {
            return false;
        }
        match (t.dep(v), t.head(v)) {
            // "a town attacked by X" (no object: "warships launched exercises" is active).
            (Dep::Acl, Some(_)) => return !t.has_kid(v, Dep::Obj),
            (Dep::Conj, Some(h)) if is_verbal(t, h) => v = h,
            _ => return false,
        }
    }
    false
}

/// Who may be the subject of the verb `p` (the doer when active), best first: its own subject, or the
/// one it shares. A coordinated verb shares the first one's ("attacked the base and killed ..."), a
/// controlled verb its controller's ("agreed to meet": the one who agreed; "urged Y to act": Y, else the
/// one who urged), an adverbial participle the main clause's ("..., accusing Y of ..."), an active
/// participle modifying a noun that noun ("forces attacking the town"), and a relative clause the noun it
/// modifies ("the group that attacked").
pub fn subjects(t: &SentenceTree, g: &Grammar, p: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut v = p;
    for _ in 0..MAX_CHAIN {
        if let Some(s) = own_subject(t, g, v) {
            let s = if relative(t, g, s) && t.dep(v) == Dep::Relcl {
                t.head(v)
            } else {
                Some(s)
            };
            out.extend(s);
            return out;
        }
        if t.has_kid(v, Dep::NsubjPass) && !is_state(t, g, v) || t.has_kid(v, Dep::Csubj) {
            return out;
        }
        // "with X offering to mediate": the one after "with" does the "-ing".
        if !participle(t, v)
            && let Some(w) = t.kids(v).find(|&k| {
                k < v && t.dep(k) == Dep::Obl && t.marker(k).is_some_and(|m| t.norm(m) == "with")
            })
        {
            out.push(w);
            return out;
        }
        let Some(h) = t.head(v) else { return out };
        match t.dep(v) {
            Dep::Conj if is_verbal(t, h) => v = h,
            // "X have, over the years, blamed": a verb hanging on a bare auxiliary shares its subject.
            Dep::Parataxis | Dep::Ccomp
                if t.tag(h) == "AUX" || g.bare_auxiliaries.has(t.norm(h)) =>
            {
                v = h
            }
            Dep::Xcomp => {
                out.extend(t.kid(h, Dep::Obj));
                v = h;
            }
            // "pursued traders supporting X": a participle right after the object, with no comma between,
            // is done by the object, however the parse hangs it.
            Dep::Advcl
                if t.norm(v).ends_with("ing")
                    && t.marker(v).is_none()
                    && let Some(o) = t
                        .kid(h, Dep::Obj)
                        .filter(|&o| o < v && t.subtree(o).end == v) =>
            {
                out.push(o);
                return out;
            }
            // A participle, gerund or infinitive of purpose hanging on a clause ("..., accusing Y", "focused
            // on defeating Y", "... to end the war"); not a finite clause ("because they ...",
            // `finite_subordinators`).
            // Not a clause before a reporting verb: "X seized Y, the army said" reports X's act, whatever
            // the parse calls it.
            Dep::Advcl if v < h && g.reporting_verbs.has(t.norm(h)) => return out,
            Dep::Advcl
                if !t.has_kid(v, Dep::Aux)
                    && (t.norm(v).ends_with("ing")
                        || t.marker(v)
                            .is_none_or(|m| !g.finite_subordinators.has(t.norm(m)))) =>
            {
                v = h
            }
            // "a campaign to defeat X": the doer of the campaign, that is the subject of the verb the
            // noun hangs on.
            Dep::Acl if t.marker(v).is_some_and(|m| t.norm(m) == "to") => {
                let mut w = h;
                for _ in 0..MAX_CHAIN {
                    let Some(up) = t.head(w) else { return out };
                    if is_verbal(t, up) {
                        return subjects(t, g, up);
                    }
                    w = up;
                }
                return out;
            }
            Dep::Acl => {
                if !participle(t, v) || t.has_kid(v, Dep::Obj) {
                    out.push(h);
                }
                return out;
            }
            Dep::Relcl => {
                out.push(h);
                return out;
            }
            _ => return out,
        }
    }
    out
}

/// A verb's own subject: the nearest before it (a parse may give a verb two: "CAIRO: The envoy met"),
/// never a phrase with a preposition ("according to X").
fn own_subject(t: &SentenceTree, g: &Grammar, v: usize) -> Option<usize> {
    let state = is_state(t, g, v);
    let candidates: Vec<usize> = t
        .kids(v)
        .filter(|&k| {
            (t.dep(k) == Dep::Nsubj || state && t.dep(k) == Dep::NsubjPass)
                && t.marker(k)
                    .is_none_or(|m| t.tag(m) != "ADP" && t.tag(m) != "VERB")
        })
        .collect();
    candidates
        .iter()
        .copied()
        .filter(|&k| k < v)
        .max()
        .or(candidates.first().copied())
}

/// The best candidate of `subjects`.
pub fn subject(t: &SentenceTree, g: &Grammar, p: usize) -> Option<usize> {
    subjects(t, g, p).first().copied()
}

/// The one acted on: a passive verb's subject (or the noun its participle modifies), an active verb's
/// direct object.
pub fn patient(t: &SentenceTree, g: &Grammar, p: usize) -> Option<usize> {
    if !is_passive(t, g, p) {
        return t.kid(p, Dep::Obj);
    }
    let mut v = p;
    for _ in 0..MAX_CHAIN {
        if let Some(s) = t.kid(v, Dep::NsubjPass).or_else(|| t.kid(v, Dep::Nsubj)) {
            return Some(if relative(t, g, s) && t.dep(v) == Dep::Relcl {
                t.head(v)?
            } else {
                s
            });
        }
        let h = t.head(v)?;
        match t.dep(v) {
            Dep::Acl | Dep::Relcl => return Some(h),
            Dep::Conj if is_verbal(t, h) => v = h,
            _ => return None,
        }
    }
    None
}

/// The agent of a passive verb or of a noun: "by X".
pub fn by_agent(t: &SentenceTree, p: usize) -> Option<usize> {
    let own = |v: usize| {
        t.kids(v).find(|&k| {
            t.dep(k) == Dep::OblAgent
                || matches!(t.dep(k), Dep::Obl | Dep::Nmod)
                    && t.marker(k).is_some_and(|m| t.norm(m) == "by")
        })
    };
    // "bombed and wounded by X": one agent for the coordinated participles.
    own(p).or_else(|| {
        t.kids(p)
            .filter(|&k| t.dep(k) == Dep::Conj && is_verbal(t, k))
            .find_map(own)
    })
}

/// The phrases hanging on `p` with the preposition that introduces each ("with X" → ("with", X)); a
/// phrase without one is given "". An "object" the parse gave a preposition is a phrase too ("support
/// for trained troops" parsed as "trained" taking "for troops").
pub fn obliques(t: &SentenceTree, p: usize) -> Vec<(&str, usize)> {
    t.kids(p)
        .filter(|&k| {
            matches!(
                t.dep(k),
                Dep::Obl | Dep::Nmod | Dep::OblAgent | Dep::OblTmod | Dep::Iobj
            ) || t.dep(k) == Dep::Obj && t.has_kid(k, Dep::Case)
        })
        .map(|k| {
            let prep = match t.dep(k) {
                Dep::Iobj => "to",
                _ => t.marker(k).map_or("", |m| t.norm(m)),
            };
            (prep, k)
        })
        .collect()
}

/// The verb that carries the noun `n` as its object ("held talks", "launched strikes", "signed an
/// accord"), when there is one.
pub fn carrier(t: &SentenceTree, mut n: usize) -> Option<usize> {
    // "launched a wave of strikes", "carried out a series of attacks": through "N of".
    for _ in 0..2 {
        let h = t.head(n)?;
        if matches!(t.dep(n), Dep::Obj | Dep::NsubjPass) && is_verbal(t, h) {
            return Some(h);
        }
        if !(t.dep(n) == Dep::Nmod
            && t.marker(n).is_some_and(|m| t.norm(m) == "of")
            && t.tag(h) == "NOUN"
            && h < n)
        {
            return None;
        }
        n = h;
    }
    None
}

/// Who a noun's act belongs to, nearest first: its possessor ("Iran's visit", "their attacks"), the
/// modifiers before it ("U.S. strikes", "Iranian attacks", "the Chile-Peru war"), "by X" after it.
pub fn noun_agents(t: &SentenceTree, n: usize) -> Vec<usize> {
    let mut out: Vec<usize> = t.kids(n).filter(|&k| t.dep(k) == Dep::Poss).collect();
    out.extend(
        t.kids(n)
            .filter(|&k| k < n && matches!(t.dep(k), Dep::Compound | Dep::Amod | Dep::Nmod)),
    );
    out.extend(by_agent(t, n));
    out
}

/// Partners in the act hanging on `p`: "alongside X", "together with X", "in support of X", "in
/// coordination with X" (`partner_nouns` and `partner_prepositions` of the grammar).
pub fn partners(t: &SentenceTree, g: &Grammar, p: usize) -> Vec<usize> {
    let mut out = Vec::new();
    for (prep, k) in obliques(t, p) {
        if g.partner_prepositions.has(prep)
            || prep == "with"
                && t.kids(k)
                    .chain(t.kids(p))
                    .any(|a| g.partner_adverbs.has(t.norm(a)))
        {
            out.push(k);
        } else if prep == "in" && g.partner_nouns.has(t.norm(k)) {
            out.extend(
                t.kids(k)
                    .filter(|&x| matches!(t.dep(x), Dep::Nmod | Dep::Obl)),
            );
        }
    }
    out
}

/// The verb whose clause `p` stands in: `p` itself when it is a verb, else the verb that carries it.
pub fn clause_verb(t: &SentenceTree, p: usize) -> usize {
    if is_verbal(t, p) {
        return p;
    }
    carrier(t, p).unwrap_or(p)
}

/// Whether the act is negated, intended or only supposed, from the words around its clause's verb: "did
/// not meet", "declined to receive", "no talks" (negated); "will visit", "plans to visit" (intended); "may
/// strike", "if they attack" (hypothetical). A "would" under a reporting verb announces an intent.
pub fn modality(t: &SentenceTree, g: &Grammar, p: usize) -> Modality {
    let v = clause_verb(t, p);
    let small = |w: usize, list: &WordList| {
        t.kids(w).any(|k| {
            matches!(t.dep(k), Dep::Advmod | Dep::Aux | Dep::Det | Dep::Cc) && list.has(t.norm(k))
        })
    };
    if small(v, &g.negations) || small(p, &g.negations) {
        return Modality::Negated;
    }
    // "refused to meet", "plans to visit", and "a plan to visit" (an infinitive on a noun).
    let infinitive_on = t.dep(v) == Dep::Acl && t.marker(v).is_some_and(|m| t.norm(m) == "to");
    let governor = (t.dep(v) == Dep::Xcomp || infinitive_on)
        .then(|| t.head(v))
        .flatten();
    if governor.is_some_and(|h| g.denials.has(t.norm(h)) || small(h, &g.negations)) {
        return Modality::Negated;
    }
    let aux: Vec<&str> = t
        .kids(v)
        .filter(|&k| t.dep(k) == Dep::Aux)
        .map(|k| t.norm(k))
        .collect();
    let conditional = clause_marked(t, v, &g.conditionals);
    let reported = reporting_verb(t, g, v).is_some();
    if conditional
        || aux.iter().any(|a| g.possibility_modals.has(a))
        || aux.contains(&"would") && !reported
    {
        return Modality::Hypothetical;
    }
    let intent_governor =
        governor.is_some_and(|h| g.intent_cues.has(t.norm(h)) && !g.not_intent_cues.has(t.norm(h)));
    if aux.iter().any(|a| g.future_modals.has(a) || *a == "would") || intent_governor {
        return Modality::Intended;
    }
    Modality::Asserted
}

/// Whether the clause of `v`, or a clause it is part of, opens with one of `marks` ("if they attack").
fn clause_marked(t: &SentenceTree, v: usize, marks: &WordList) -> bool {
    let mut w = v;
    for _ in 0..3 {
        if t.kids(w)
            .any(|k| t.dep(k) == Dep::Mark && marks.has(t.norm(k)))
        {
            return true;
        }
        match (t.dep(w), t.head(w)) {
            (Dep::Conj | Dep::Xcomp, Some(h)) => w = h,
            _ => return false,
        }
    }
    false
}

/// The reporting verb whose content the clause of `v` is ("X said that Y attacked Z": "said"), climbing
/// through clausal complements, coordination and parataxis.
pub fn reporting_verb(t: &SentenceTree, g: &Grammar, v: usize) -> Option<usize> {
    let mut w = v;
    for _ in 0..MAX_CHAIN {
        let h = t.head(w)?;
        if !matches!(
            t.dep(w),
            Dep::Ccomp | Dep::Parataxis | Dep::Conj | Dep::Xcomp | Dep::Advcl
        ) {
            return None;
        }
        if matches!(t.dep(w), Dep::Ccomp | Dep::Parataxis) && g.reporting_verbs.has(t.norm(h)) {
            return Some(h);
        }
        w = h;
    }
    None
}

/// Who the act is reported by: the subject of the reporting verb over its clause, or "according to X".
pub fn reporter(t: &SentenceTree, g: &Grammar, p: usize) -> Option<usize> {
    let v = clause_verb(t, p);
    if let Some(k) = according_to(t, v) {
        return Some(k);
    }
    reporting_verb(t, g, v).and_then(|r| subject(t, g, r).or_else(|| according_to(t, r)))
}

/// "according to X" on `v`: X.
fn according_to(t: &SentenceTree, v: usize) -> Option<usize> {
    t.kids(v).find(|&k| {
        matches!(t.dep(k), Dep::Obl | Dep::Nmod)
            && t.marker(k).is_some_and(|m| t.norm(m) == "according")
    })
}

/// Words that report rather than act: subjects of reporting verbs ("the ministry said"), the X of
/// "according to X", the one quoted ("told Reuters").
pub fn reporting_words(t: &SentenceTree, g: &Grammar) -> Vec<usize> {
    let mut out = Vec::new();
    for w in 0..t.len() {
        if is_verbal(t, w) && g.reporting_verbs.has(t.norm(w)) && t.norm(w) != "according" {
            out.extend(subject(t, g, w));
        }
        out.extend(according_to(t, w));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexicon::Lexicon;

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
        (t, text.split(' ').map(String::from).collect())
    }

    fn at(words: &[String], w: &str) -> usize {
        words.iter().position(|x| x == w).unwrap()
    }

    fn grammar() -> Grammar {
        Lexicon::bundled().unwrap().grammar
    }

    #[test]
    fn a_controlled_verb_takes_its_controllers_subject_or_object() {
        // "Ruritania agreed to meet Osterlich"
        let (t, w) = tree(
            "Ruritania/PROPN/2/nsubj agreed/VERB/0/root to/PART/4/mark meet/VERB/2/xcomp Osterlich/PROPN/4/obj",
        );
        let g = grammar();
        assert_eq!(subject(&t, &g, at(&w, "meet")), Some(at(&w, "Ruritania")));
        assert_eq!(patient(&t, &g, at(&w, "meet")), Some(at(&w, "Osterlich")));
        // "Ruritania urged Osterlich to withdraw": the object acts.
        let (t, w) = tree(
            "Ruritania/PROPN/2/nsubj urged/VERB/0/root Osterlich/PROPN/2/obj to/PART/5/mark withdraw/VERB/2/xcomp",
        );
        assert_eq!(
            subject(&t, &g, at(&w, "withdraw")),
            Some(at(&w, "Osterlich"))
        );
    }

    #[test]
    fn a_clause_parsed_as_hanging_on_a_later_reporting_verb_keeps_its_own_doer() {
        // "Rebels seized rifles, the army said", with "seized" parsed as an adverbial clause of "said".
        let g = grammar();
        let (t, w) = tree(
            "Rebels/NOUN/2/appos seized/VERB/6/advcl rifles/NOUN/2/obj ,/PUNCT/2/punct army/NOUN/6/nsubj said/VERB/0/root",
        );
        assert_eq!(
            subject(&t, &g, at(&w, "seized")),
            None,
            "the reporter did not seize anything"
        );
        // "... pursued traders supporting the militia": a participle right after the object.
        let (t, w) = tree(
            "Ruritania/PROPN/2/nsubj pursued/VERB/0/root traders/NOUN/2/obj supporting/VERB/2/advcl militias/NOUN/4/obj",
        );
        assert_eq!(
            subject(&t, &g, at(&w, "supporting")),
            Some(at(&w, "traders"))
        );
    }

    #[test]
    fn passives_swap_roles_and_take_their_agent_from_by() {
        // "The convoy was attacked by rebels"
        let (t, w) = tree(
            "The/DET/2/det convoy/NOUN/4/nsubj:pass was/AUX/4/aux:pass attacked/VERB/0/root by/ADP/6/case rebels/NOUN/4/obl:agent",
        );
        let v = at(&w, "attacked");
        let g = grammar();
        assert!(is_passive(&t, &g, v));
        assert_eq!(subject(&t, &g, v), None);
        assert_eq!(patient(&t, &g, v), Some(at(&w, "convoy")));
        assert_eq!(by_agent(&t, v), Some(at(&w, "rebels")));
    }

    #[test]
    fn relative_clauses_and_participles_point_at_their_noun() {
        // "the militia that attacked the town"
        let g = grammar();
        let (t, w) = tree(
            "the/DET/2/det militia/NOUN/0/root that/PRON/4/nsubj attacked/VERB/2/acl:relcl the/DET/6/det town/NOUN/4/obj",
        );
        assert_eq!(subject(&t, &g, at(&w, "attacked")), Some(at(&w, "militia")));
        // "forces attacking the town", "a town attacked by forces"
        let (t, w) = tree("forces/NOUN/0/root attacking/VERB/1/acl the/DET/4/det town/NOUN/2/obj");
        assert_eq!(subject(&t, &g, at(&w, "attacking")), Some(at(&w, "forces")));
        let (t, w) = tree(
            "a/DET/2/det town/NOUN/0/root attacked/VERB/2/acl by/ADP/5/case forces/NOUN/3/obl:agent",
        );
        assert_eq!(patient(&t, &g, at(&w, "attacked")), Some(at(&w, "town")));
        assert_eq!(by_agent(&t, at(&w, "attacked")), Some(at(&w, "forces")));
    }

    #[test]
    fn coordinated_verbs_share_a_subject() {
        // "Rebels seized the port and shelled the city"
        let g = grammar();
        let (t, w) = tree(
            "Rebels/NOUN/2/nsubj seized/VERB/0/root the/DET/4/det port/NOUN/2/obj and/CCONJ/6/cc shelled/VERB/2/conj the/DET/8/det city/NOUN/6/obj",
        );
        assert_eq!(subject(&t, &g, at(&w, "shelled")), Some(at(&w, "Rebels")));
        assert_eq!(patient(&t, &g, at(&w, "shelled")), Some(at(&w, "city")));
    }

    #[test]
    fn a_noun_act_belongs_to_its_possessor_or_to_the_subject_of_its_verb() {
        // "Osterlich's envoys held talks with Ruritania"
        let (t, w) = tree(
            "Osterlich/PROPN/3/nmod:poss 's/PART/1/case envoys/NOUN/4/nsubj held/VERB/0/root talks/NOUN/4/obj with/ADP/7/case Ruritania/PROPN/4/obl",
        );
        let talks = at(&w, "talks");
        assert_eq!(carrier(&t, talks), Some(at(&w, "held")));
        assert_eq!(
            subject(&t, &grammar(), at(&w, "held")),
            Some(at(&w, "envoys"))
        );
        assert_eq!(noun_agents(&t, at(&w, "envoys")), vec![at(&w, "Osterlich")]);
        assert_eq!(
            obliques(&t, at(&w, "held")),
            vec![("with", at(&w, "Ruritania"))]
        );
    }

    #[test]
    fn a_state_before_to_is_no_passive() {
        // "Ruritania is opposed to the plan"
        let (t, w) = tree(
            "Ruritania/PROPN/3/nsubj:pass is/AUX/3/aux:pass opposed/VERB/0/root to/ADP/6/case the/DET/6/det plan/NOUN/3/obl",
        );
        let g = grammar();
        assert!(!is_passive(&t, &g, at(&w, "opposed")));
        assert_eq!(
            subject(&t, &g, at(&w, "opposed")),
            Some(at(&w, "Ruritania"))
        );
    }

    #[test]
    fn negation_intent_supposition_and_reports() {
        let g = grammar();
        // "Ruritania did not attack"
        let (t, w) =
            tree("Ruritania/PROPN/4/nsubj did/AUX/4/aux not/PART/4/advmod attack/VERB/0/root");
        assert_eq!(modality(&t, &g, at(&w, "attack")), Modality::Negated);
        // "Ruritania refused to meet Osterlich"
        let (t, w) = tree(
            "Ruritania/PROPN/2/nsubj refused/VERB/0/root to/PART/4/mark meet/VERB/2/xcomp Osterlich/PROPN/4/obj",
        );
        assert_eq!(modality(&t, &g, at(&w, "meet")), Modality::Negated);
        // "Ruritania plans to visit Osterlich"
        let (t, w) = tree(
            "Ruritania/PROPN/2/nsubj plans/VERB/0/root to/PART/4/mark visit/VERB/2/xcomp Osterlich/PROPN/4/obj",
        );
        assert_eq!(modality(&t, &g, at(&w, "visit")), Modality::Intended);
        // "the ministry said Ruritania may strike"
        let (t, w) = tree(
            "the/DET/2/det ministry/NOUN/3/nsubj said/VERB/0/root Ruritania/PROPN/6/nsubj may/AUX/6/aux strike/VERB/3/ccomp",
        );
        let strike = at(&w, "strike");
        assert_eq!(modality(&t, &g, strike), Modality::Hypothetical);
        assert_eq!(reporter(&t, &g, strike), Some(at(&w, "ministry")));
        assert_eq!(reporting_words(&t, &g), vec![at(&w, "ministry")]);
    }
}
