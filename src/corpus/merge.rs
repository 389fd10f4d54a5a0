//! Folding one corpus into another: the articles of an extraction, or a corpus file opened by the user, join
//! the map that is already open.
//!
//! An actor of the incoming corpus becomes an actor already present when the evidence agrees: the same
//! country; an institution with the same name or acronym and no conflicting country; a person whose name is
//! the same or a part of the other's with the same surname, and no conflicting country or title. When more
//! than one actor would fit, none is chosen, so two people sharing a surname stay apart. Interactions then
//! join on (kind, source, target, direction, modality) and pool their evidence.
//!
//! An article already open (the same file name and the same text, whatever folder it came from) is
//! skipped and reported.
//!
//! Incoming actors are compared only with the actors present before the merge began, so opening a corpus
//! file into an empty map gives back exactly that corpus.

use std::collections::{HashMap, HashSet};

use super::model::{Actor, ActorKind, Corpus, Interaction};

/// What a merge did, for the status line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub articles_added: usize,
    /// Paths of articles skipped because the same file is already open.
    pub articles_already_open: Vec<String>,
    pub actors_added: usize,
    pub actors_joined: usize,
    pub interactions_added: usize,
}

impl Corpus {
    /// Merges `other` into `self` and says what changed.
    pub fn merge(&mut self, other: Corpus) -> MergeReport {
        let mut report = MergeReport::default();

        let mut article_ids: HashMap<String, String> = HashMap::new();
        let mut taken: HashSet<String> = self.articles.iter().map(|a| a.id.clone()).collect();
        for mut article in other.articles {
            // The same file, wherever it was opened from (the bundled sample, or the same file on disk by
            // another path): the same file name and the same text.
            if self.articles.iter().any(|a| a.text == article.text && file_name(&a.path) == file_name(&article.path)) {
                report.articles_already_open.push(article.path);
                continue;
            }
            let id = free_id(&article.id, &taken, |n| format!("a{n}"));
            taken.insert(id.clone());
            article_ids.insert(std::mem::take(&mut article.id), id.clone());
            article.id = id;
            self.articles.push(article);
            report.articles_added += 1;
        }

        let existing = self.actors.len();
        let mut actor_ids: HashMap<String, String> = HashMap::new();
        let mut taken: HashSet<String> = self.actors.iter().map(|a| a.id.clone()).collect();
        let mut incoming = Vec::new();
        for mut actor in other.actors {
            actor.mentions.retain_mut(|m| match article_ids.get(m.article.as_str()) {
                Some(id) => {
                    m.article = id.as_str().into();
                    true
                }
                None => false,
            });
            match find_same(&self.actors[..existing], &actor) {
                Some(i) => {
                    actor_ids.insert(actor.id.clone(), self.actors[i].id.clone());
                    incoming.push((i, actor.affiliations.clone()));
                    join(&mut self.actors[i], actor);
                    report.actors_joined += 1;
                }
                None => {
                    let old = actor.id.clone();
                    let id = free_id(&old, &taken, |n| format!("{old}-{n}"));
                    taken.insert(id.clone());
                    actor_ids.insert(old, id.clone());
                    actor.id = id;
                    incoming.push((self.actors.len(), std::mem::take(&mut actor.affiliations)));
                    self.actors.push(actor);
                    report.actors_added += 1;
                }
            }
        }
        for (index, affiliations) in incoming {
            for aff in affiliations {
                if let Some(id) = actor_ids.get(&aff)
                    && *id != self.actors[index].id
                    && !self.actors[index].affiliations.contains(id)
                {
                    self.actors[index].affiliations.push(id.clone());
                }
            }
        }

        for mut it in other.interactions {
            it.evidence.retain_mut(|e| match article_ids.get(e.article.as_str()) {
                Some(id) => {
                    e.article = id.as_str().into();
                    true
                }
                None => false,
            });
            let (Some(source), Some(target)) = (actor_ids.get(&it.source), actor_ids.get(&it.target)) else {
                continue;
            };
            if it.evidence.is_empty() || source == target {
                continue;
            }
            it.source = source.clone();
            it.target = target.clone();
            if !it.directed && it.source > it.target {
                std::mem::swap(&mut it.source, &mut it.target);
                // The evidence's spans follow their actors.
                for e in &mut it.evidence {
                    std::mem::swap(&mut e.source_span, &mut e.target_span);
                }
            }
            let keep_id = !self.interactions.iter().any(|i| i.id == it.id);
            match self.interactions.iter_mut().find(|i| same_edge(i, &it)) {
                Some(existing) => {
                    for e in it.evidence {
                        let dup = existing.evidence.iter().any(|x| {
                            x.article == e.article && x.sentence == e.sentence && x.trigger == e.trigger
                        });
                        if !dup {
                            existing.evidence.push(e);
                        }
                    }
                }
                None => {
                    if !keep_id {
                        it.id = interaction_id(&it, &self.interactions);
                    }
                    self.interactions.push(it);
                    report.interactions_added += 1;
                }
            }
        }
        report
    }
}

fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// `wanted` when free, else the first free id `make(n)` for n = 1, 2, …
fn free_id(wanted: &str, taken: &HashSet<String>, make: impl Fn(usize) -> String) -> String {
    if !wanted.is_empty() && !taken.contains(wanted) {
        return wanted.to_string();
    }
    (1..).map(make).find(|id| !taken.contains(id)).expect("an unbounded range always yields a free id")
}

fn same_edge(a: &Interaction, b: &Interaction) -> bool {
    a.kind == b.kind && a.source == b.source && a.target == b.target && a.directed == b.directed && a.modality == b.modality
}

/// A readable, unique id for an interaction: `consult:IRN~PAK`, `accuse:IRN>PAK`.
pub fn interaction_id(it: &Interaction, existing: &[Interaction]) -> String {
    let mut base = String::with_capacity(it.kind.as_str().len() + it.source.len() + it.target.len() + 16);
    for part in [it.kind.as_str(), ":", &it.source, if it.directed { ">" } else { "~" }, &it.target] {
        base.push_str(part);
    }
    if it.modality != Default::default() {
        base.push(':');
        base.push_str(it.modality.as_str());
    }
    // Compared in place: no set of the existing ids is built for each new one.
    let taken = |id: &str| existing.iter().any(|i| i.id == id);
    if !taken(&base) {
        return base;
    }
    (1..).map(|n| format!("{base}-{n}")).find(|id| !taken(id)).expect("an unbounded range always yields a free id")
}

/// Index of the one actor in `actors` that `actor` is the same as, if exactly one fits.
fn find_same(actors: &[Actor], actor: &Actor) -> Option<usize> {
    let fits: Vec<usize> = actors.iter().enumerate().filter(|(_, a)| same_actor(a, actor)).map(|(i, _)| i).collect();
    match fits.as_slice() {
        [one] => Some(*one),
        many if many.len() > 1 => {
            // An exact name match settles an otherwise ambiguous case ("Ishaq Dar" among two Dars).
            let exact: Vec<usize> =
                many.iter().copied().filter(|&i| normal(&actors[i].name) == normal(&actor.name)).collect();
            (exact.len() == 1).then(|| exact[0])
        }
        _ => None,
    }
}

fn same_actor(a: &Actor, b: &Actor) -> bool {
    if a.kind != b.kind {
        return false;
    }
    let countries_agree = match (&a.country, &b.country) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    match a.kind {
        ActorKind::Country => a.country.is_some() && a.country == b.country,
        ActorKind::Institution => {
            countries_agree && names(a).iter().any(|n| names(b).contains(n))
        }
        ActorKind::Official => {
            if !countries_agree {
                return false;
            }
            // The same full name is the same person whatever office each article gives them.
            let same_full_name = normal(&a.name) == normal(&b.name) && a.name.split_whitespace().count() > 1;
            let titles_agree = match (&a.title, &b.title) {
                (Some(x), Some(y)) => titles_compatible(x, y),
                _ => true,
            };
            same_full_name || titles_agree && person_names_agree(&a.name, &b.name)
        }
    }
}

/// Two titles may belong to one person unless they name different offices outright.
fn titles_compatible(a: &str, b: &str) -> bool {
    let (a, b) = (normal(a), normal(b));
    a == b || a.contains(&b) || b.contains(&a) || shares_word(&a, &b)
}

fn shares_word(a: &str, b: &str) -> bool {
    const WEAK: [&str; 6] = ["deputy", "vice", "of", "the", "and", "acting"];
    a.split(' ').filter(|w| !WEAK.contains(w)).any(|w| b.split(' ').any(|v| v == w))
}

/// "Araghchi" / "Abbas Araghchi" / "Syed Abbas Araghchi": the same surname, and one name's words within the
/// other's.
fn person_names_agree(a: &str, b: &str) -> bool {
    let (a, b) = (normal(a), normal(b));
    let wa: Vec<&str> = a.split(' ').collect();
    let wb: Vec<&str> = b.split(' ').collect();
    if wa.last() != wb.last() {
        return false;
    }
    let (short, long) = if wa.len() <= wb.len() { (&wa, &wb) } else { (&wb, &wa) };
    short.iter().all(|w| long.contains(w))
}

fn names(a: &Actor) -> Vec<String> {
    std::iter::once(&a.name).chain(&a.aliases).map(|n| normal(n)).collect()
}

/// Lower case, curly quotes straightened, a leading "the" and a possessive dropped, spaces collapsed.
pub fn normal(name: &str) -> String {
    let s = name.replace(['\u{2019}', '\u{2018}'], "'").to_lowercase();
    let s = s.strip_suffix("'s").unwrap_or(&s);
    let s = s.strip_prefix("the ").unwrap_or(s);
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Adds `other`'s names, attributes and mentions to `into`.
fn join(into: &mut Actor, other: Actor) {
    // A person's fuller name becomes the name ("Syed Abbas Araghchi" over "Araghchi"); aliases, which hold
    // surface forms with titles, never do.
    let mut name = other.name;
    if into.kind == ActorKind::Official && name.len() > into.name.len() && person_names_agree(&name, &into.name) {
        std::mem::swap(&mut into.name, &mut name);
    }
    for n in std::iter::once(name).chain(other.aliases) {
        if n != into.name && !into.aliases.contains(&n) {
            into.aliases.push(n);
        }
    }
    if into.country.is_none() {
        into.country = other.country;
    }
    if into.title.is_none() {
        into.title = other.title;
    }
    if into.code.is_none() {
        into.code = other.code;
    }
    into.mentions.extend(other.mentions);
}

#[cfg(test)]
mod tests {
    use crate::corpus::model::*;

    fn article(id: &str, path: &str) -> Article {
        Article {
            id: id.into(),
            path: path.into(),
            title: path.into(),
            date: None,
            text: format!("text of {path}"),
            sentences: vec![Span::new(0, 4)],
        }
    }

    fn person(id: &str, name: &str, country: &str, article: &str) -> Actor {
        Actor {
            id: id.into(),
            kind: ActorKind::Official,
            name: name.into(),
            aliases: vec![],
            country: Some(country.into()),
            title: None,
            code: None,
            affiliations: vec![],
            mentions: vec![Mention { article: article.into(), sentence: 0, start: 0, end: 4, via: MentionVia::Name }],
        }
    }

    fn one(path: &str, actors: Vec<Actor>) -> Corpus {
        Corpus { articles: vec![article("a1", path)], actors, ..Corpus::default() }
    }

    #[test]
    fn a_surname_joins_the_full_name_of_the_same_country() {
        let mut c = one("x.txt", vec![person("p", "Syed Abbas Araghchi", "IRN", "a1")]);
        let report = c.merge(one("y.txt", vec![person("p", "Araghchi", "IRN", "a1")]));
        assert_eq!(report.actors_joined, 1);
        assert_eq!(c.actors.len(), 1);
        assert_eq!(c.actors[0].mentions.len(), 2);
        assert_eq!(c.actors[0].mentions[1].article, "a2", "the second article got a fresh id");
    }

    #[test]
    fn people_sharing_a_surname_in_different_countries_stay_apart() {
        let mut c = one("x.txt", vec![person("p", "Ishaq Dar", "PAK", "a1")]);
        c.merge(one("y.txt", vec![person("p", "Dar", "IND", "a1")]));
        assert_eq!(c.actors.len(), 2);
        assert_ne!(c.actors[0].id, c.actors[1].id);
    }

    #[test]
    fn a_surname_that_fits_two_people_joins_neither() {
        let mut c = one("x.txt", vec![person("p", "John Smith", "GBR", "a1"), person("q", "Adam Smith", "GBR", "a1")]);
        c.merge(one("y.txt", vec![person("p", "Smith", "GBR", "a1")]));
        assert_eq!(c.actors.len(), 3);
    }

    #[test]
    fn opening_the_same_file_twice_adds_nothing() {
        let mut c = one("x.txt", vec![person("p", "Ishaq Dar", "PAK", "a1")]);
        let report = c.merge(one("x.txt", vec![person("p", "Ishaq Dar", "PAK", "a1")]));
        assert_eq!(report.articles_added, 0);
        assert_eq!(report.articles_already_open, vec!["x.txt".to_string()]);
        assert_eq!(c.actors[0].mentions.len(), 1);
    }

    #[test]
    fn the_same_file_from_another_folder_is_already_open_but_a_copy_under_another_name_is_not() {
        let mut c = one("sample_data/x.txt", vec![]);
        let mut moved = one("/home/me/x.txt", vec![]);
        moved.articles[0].text = c.articles[0].text.clone();
        assert_eq!(c.merge(moved).articles_added, 0);
        let mut copy = one("y.txt", vec![]);
        copy.articles[0].text = c.articles[0].text.clone();
        assert_eq!(c.merge(copy).articles_added, 1);
    }

    /// "p" consults "q" in the first sentence of article "a1", the two named at the spans given.
    fn consult_p_q(source_span: Option<crate::corpus::Span>, target_span: Option<crate::corpus::Span>) -> Interaction {
        Interaction {
            id: "consult:p~q".into(),
            kind: InteractionKind::Consult,
            cameo: "040".into(),
            source: "p".into(),
            target: "q".into(),
            directed: false,
            modality: Modality::Asserted,
            rule: "test".into(),
            evidence: vec![Evidence {
                article: "a1".into(),
                sentence: 0,
                start: 0,
                end: 4,
                trigger: None,
                source_span,
                target_span,
                rule: "test".into(),
                reported_by: None,
                when: None,
            }],
        }
    }

    #[test]
    fn merging_into_an_empty_corpus_gives_back_the_same_corpus() {
        let mut source = one("x.txt", vec![person("p", "Ishaq Dar", "PAK", "a1"), person("q", "Asim Munir", "PAK", "a1")]);
        source.interactions.push(consult_p_q(None, None));
        let mut empty = Corpus::default();
        empty.merge(source.clone());
        assert_eq!(empty, source);
    }

    #[test]
    fn an_undirected_edge_put_in_order_keeps_each_span_with_its_actor() {
        // Known here as "b" (Munir) and "z" (Dar); the new article calls them "p" (Dar) and "q" (Munir).
        let mut c = one("x.txt", vec![person("z", "Ishaq Dar", "PAK", "a1"), person("b", "Asim Munir", "PAK", "a1")]);
        let mut other = one("y.txt", vec![person("p", "Ishaq Dar", "PAK", "a1"), person("q", "Asim Munir", "PAK", "a1")]);
        other.articles[0].text = "Dar met Munir.".into();
        let (dar, munir) = (crate::corpus::Span::new(0, 3), crate::corpus::Span::new(8, 13));
        other.interactions.push(consult_p_q(Some(dar), Some(munir)));
        c.merge(other);
        let it = &c.interactions[0];
        assert_eq!((it.source.as_str(), it.target.as_str()), ("b", "z"));
        assert_eq!((it.evidence[0].source_span, it.evidence[0].target_span), (Some(munir), Some(dar)));
    }

    #[test]
    fn interaction_ids_read_kind_sides_and_modality_and_never_repeat() {
        let edge = |directed, modality| Interaction {
            id: String::new(),
            kind: InteractionKind::Accuse,
            cameo: "112".into(),
            source: "IRN".into(),
            target: "PAK".into(),
            directed,
            modality,
            rule: "test".into(),
            evidence: Vec::new(),
        };
        let mut existing = Vec::new();
        for (directed, modality, want) in [
            (true, Modality::Asserted, "accuse:IRN>PAK"),
            (false, Modality::Asserted, "accuse:IRN~PAK"),
            (true, Modality::Negated, "accuse:IRN>PAK:negated"),
            (true, Modality::Asserted, "accuse:IRN>PAK-1"),
            (true, Modality::Asserted, "accuse:IRN>PAK-2"),
        ] {
            let mut it = edge(directed, modality);
            it.id = super::interaction_id(&it, &existing);
            assert_eq!(it.id, want);
            existing.push(it);
        }
    }
}
