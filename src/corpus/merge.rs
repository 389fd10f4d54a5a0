//! Folding one corpus into another: the articles of an extraction, or a corpus file opened by the user, join
//! the map that is already open.
//!
//! An actor of the incoming corpus becomes an actor already present when `identity` says they are the same.
//! When more than one actor would fit, none is chosen, so two people sharing a surname stay apart.
//! Interactions then join on (kind, source, target, direction, modality) and pool their evidence.
//!
//! An article whose text is already open (whatever its file name or folder) is skipped and reported.
//!
//! Incoming actors are compared only with the actors present before that corpus's merge began, so opening a
//! corpus file into an empty map gives back exactly that corpus.
//!
//! Every lookup goes through a `MergeIndex` (actors by key, interactions by edge, ids, article texts by
//! hash), kept up to date as the merge goes, so folding n articles into a map costs O(n), not O(n²).
//! `Corpus::merge_all` folds a whole batch through one index.

use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

use super::identity::{self, same_actor};
use super::model::{Actor, ArticleId, Corpus, Interaction, InteractionKind, Modality, Span};

/// What a merge did, for the status line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub articles_added: usize,
    /// Paths of articles skipped because the same text is already open.
    pub articles_already_open: Vec<String>,
    pub actors_added: usize,
    pub actors_joined: usize,
    pub interactions_added: usize,
}

impl MergeReport {
    fn add(&mut self, other: MergeReport) {
        self.articles_added += other.articles_added;
        self.articles_already_open
            .extend(other.articles_already_open);
        self.actors_added += other.actors_added;
        self.actors_joined += other.actors_joined;
        self.interactions_added += other.interactions_added;
    }
}

/// (kind, source, target, directed, modality): interactions with the same edge pool their evidence.
type EdgeKey = (InteractionKind, String, String, bool, Modality);
/// (interaction index, article, sentence, trigger): one piece of evidence, counted once.
type EvidenceKey = (usize, ArticleId, usize, Option<Span>);

/// Lookups over a corpus for merging into it. Built once (per batch, or once for a map that keeps it);
/// every change a merge makes to the corpus is mirrored here, so it stays valid for as long as the corpus
/// changes only through `Corpus::merge_into_indexed`.
#[derive(Debug, Default)]
pub struct MergeIndex {
    /// Hash of an article's text → indices of the articles with that hash.
    texts: HashMap<u64, Vec<usize>>,
    article_ids: HashSet<String>,
    /// The next number to try for a fresh article id `a{n}`.
    next_article: usize,
    actor_ids: HashSet<String>,
    /// (kind, key) → indices of the actors filed under it (`identity::keys`).
    actors: HashMap<(super::model::ActorKind, String), Vec<usize>>,
    /// The next suffix to try for a taken actor id.
    next_suffix: HashMap<String, usize>,
    edges: HashMap<EdgeKey, usize>,
    interaction_ids: HashSet<String>,
    evidence: HashSet<EvidenceKey>,
}

fn text_hash(text: &str) -> u64 {
    let mut h = DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

fn edge_key(it: &Interaction) -> EdgeKey {
    (
        it.kind,
        it.source.clone(),
        it.target.clone(),
        it.directed,
        it.modality,
    )
}

impl MergeIndex {
    pub fn build(corpus: &Corpus) -> MergeIndex {
        let mut index = MergeIndex {
            next_article: 1,
            ..MergeIndex::default()
        };
        for (i, a) in corpus.articles.iter().enumerate() {
            index.texts.entry(text_hash(&a.text)).or_default().push(i);
            index.article_ids.insert(a.id.clone());
        }
        for (i, a) in corpus.actors.iter().enumerate() {
            index.add_actor(i, a);
        }
        for (i, it) in corpus.interactions.iter().enumerate() {
            index.add_interaction(i, it);
        }
        index
    }

    fn add_actor(&mut self, i: usize, a: &Actor) {
        self.actor_ids.insert(a.id.clone());
        for key in identity::keys(a) {
            self.file_actor(i, a.kind, key);
        }
    }

    fn file_actor(&mut self, i: usize, kind: super::model::ActorKind, key: String) {
        let list = self.actors.entry((kind, key)).or_default();
        if !list.contains(&i) {
            list.push(i);
        }
    }

    fn add_interaction(&mut self, i: usize, it: &Interaction) {
        self.interaction_ids.insert(it.id.clone());
        self.edges.insert(edge_key(it), i);
        for e in &it.evidence {
            self.evidence
                .insert((i, e.article.clone(), e.sentence, e.trigger));
        }
    }

    /// The index of an article with this text, if one is open.
    fn same_text(&self, corpus: &Corpus, text: &str) -> bool {
        self.texts
            .get(&text_hash(text))
            .is_some_and(|v| v.iter().any(|&i| corpus.articles[i].text == text))
    }

    /// `wanted` when free, else the first free `a{n}`.
    fn article_id(&mut self, wanted: &str) -> String {
        let id = if !wanted.is_empty() && !self.article_ids.contains(wanted) {
            wanted.to_string()
        } else {
            loop {
                let id = format!("a{}", self.next_article);
                self.next_article += 1;
                if !self.article_ids.contains(&id) {
                    break id;
                }
            }
        };
        self.article_ids.insert(id.clone());
        id
    }

    /// `wanted` when free, else the first free `{wanted}-{n}`.
    fn actor_id(&mut self, wanted: &str) -> String {
        if !wanted.is_empty() && !self.actor_ids.contains(wanted) {
            return wanted.to_string();
        }
        let n = self.next_suffix.entry(wanted.to_string()).or_insert(1);
        loop {
            let id = format!("{wanted}-{n}");
            *n += 1;
            if !self.actor_ids.contains(&id) {
                return id;
            }
        }
    }

    /// Index of the one actor among the first `existing` that `actor` is the same as, if exactly one fits.
    fn find_same(&self, actors: &[Actor], existing: usize, actor: &Actor) -> Option<usize> {
        let mut fits: Vec<usize> = identity::keys(actor)
            .into_iter()
            .filter_map(|k| self.actors.get(&(actor.kind, k)))
            .flatten()
            .copied()
            .filter(|&i| i < existing && same_actor(&actors[i], actor))
            .collect();
        fits.sort_unstable();
        fits.dedup();
        match fits.as_slice() {
            [one] => Some(*one),
            many if many.len() > 1 => {
                // An exact name match settles an otherwise ambiguous case ("Ishaq Dar" among two Dars).
                let name = identity::normal(&actor.name);
                let exact: Vec<usize> = many
                    .iter()
                    .copied()
                    .filter(|&i| identity::normal(&actors[i].name) == name)
                    .collect();
                (exact.len() == 1).then(|| exact[0])
            }
            _ => None,
        }
    }
}

/// A merge in progress into one corpus (`Corpus::merger`): its index is built once, and each `merge` folds
/// one more corpus in, as `Corpus::merge` would.
pub struct Merger<'a> {
    corpus: &'a mut Corpus,
    index: MergeIndex,
}

impl Merger<'_> {
    pub fn merge(&mut self, other: Corpus) -> MergeReport {
        self.corpus.merge_indexed(&mut self.index, other)
    }
}

impl Corpus {
    /// Merges `other` into `self` and says what changed.
    pub fn merge(&mut self, other: Corpus) -> MergeReport {
        self.merge_all(std::iter::once(other))
    }

    /// Merges each corpus of `others` in turn (as `merge` would, one after another) through one index, and
    /// says what changed in all.
    pub fn merge_all(&mut self, others: impl IntoIterator<Item = Corpus>) -> MergeReport {
        let mut merger = self.merger();
        let mut report = MergeReport::default();
        for other in others {
            report.add(merger.merge(other));
        }
        report
    }

    /// A merge into this corpus that goes on corpus by corpus as they arrive, through one index.
    pub fn merger(&mut self) -> Merger<'_> {
        let index = MergeIndex::build(self);
        Merger {
            corpus: self,
            index,
        }
    }

    /// Merges `other` through `index`, which must be this corpus's index (`MergeIndex::build`) kept up to
    /// date by every merge since.
    pub fn merge_indexed(&mut self, index: &mut MergeIndex, other: Corpus) -> MergeReport {
        let mut report = MergeReport::default();

        let mut article_ids: HashMap<String, String> = HashMap::new();
        for mut article in other.articles {
            // The same text, whatever the file is called or wherever it was opened from.
            if index.same_text(self, &article.text) {
                report.articles_already_open.push(article.path);
                continue;
            }
            let id = index.article_id(&article.id);
            article_ids.insert(std::mem::take(&mut article.id), id.clone());
            article.id = id;
            index
                .texts
                .entry(text_hash(&article.text))
                .or_default()
                .push(self.articles.len());
            self.articles.push(article);
            report.articles_added += 1;
        }

        let existing = self.actors.len();
        let mut actor_ids: HashMap<String, String> = HashMap::new();
        let mut incoming = Vec::new();
        for mut actor in other.actors {
            actor
                .mentions
                .retain_mut(|m| match article_ids.get(m.article.as_str()) {
                    Some(id) => {
                        m.article = id.as_str().into();
                        true
                    }
                    None => false,
                });
            match index.find_same(&self.actors, existing, &actor) {
                Some(i) => {
                    actor_ids.insert(actor.id.clone(), self.actors[i].id.clone());
                    incoming.push((i, actor.affiliations.clone()));
                    let kind = self.actors[i].kind;
                    for key in identity::join(&mut self.actors[i], actor) {
                        index.file_actor(i, kind, key);
                    }
                    report.actors_joined += 1;
                }
                None => {
                    let old = actor.id.clone();
                    let id = index.actor_id(&old);
                    index.actor_ids.insert(id.clone());
                    actor_ids.insert(old, id.clone());
                    actor.id = id;
                    incoming.push((self.actors.len(), std::mem::take(&mut actor.affiliations)));
                    self.actors.push(actor);
                    report.actors_added += 1;
                }
            }
        }
        // Actors added now become candidates for the next corpus of the batch.
        for i in existing..self.actors.len() {
            for key in identity::keys(&self.actors[i]) {
                index.file_actor(i, self.actors[i].kind, key);
            }
        }
        for (i, affiliations) in incoming {
            for aff in affiliations {
                if let Some(id) = actor_ids.get(&aff)
                    && *id != self.actors[i].id
                    && !self.actors[i].affiliations.contains(id)
                {
                    self.actors[i].affiliations.push(id.clone());
                }
            }
        }

        for mut it in other.interactions {
            it.evidence
                .retain_mut(|e| match article_ids.get(e.article.as_str()) {
                    Some(id) => {
                        e.article = id.as_str().into();
                        true
                    }
                    None => false,
                });
            let (Some(source), Some(target)) =
                (actor_ids.get(&it.source), actor_ids.get(&it.target))
            else {
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
            match index.edges.get(&edge_key(&it)).copied() {
                Some(i) => {
                    for e in it.evidence {
                        if index
                            .evidence
                            .insert((i, e.article.clone(), e.sentence, e.trigger))
                        {
                            self.interactions[i].evidence.push(e);
                        }
                    }
                }
                None => {
                    if index.interaction_ids.contains(&it.id) {
                        it.id = interaction_id(&it, |id| index.interaction_ids.contains(id));
                    }
                    index.add_interaction(self.interactions.len(), &it);
                    self.interactions.push(it);
                    report.interactions_added += 1;
                }
            }
        }
        report
    }
}

/// A readable, unique id for an interaction: `consult:IRN~PAK`, `accuse:IRN>PAK`; `taken` says which ids
/// are in use.
pub fn interaction_id(it: &Interaction, taken: impl Fn(&str) -> bool) -> String {
    let mut base =
        String::with_capacity(it.kind.as_str().len() + it.source.len() + it.target.len() + 16);
    for part in [
        it.kind.as_str(),
        ":",
        &it.source,
        if it.directed { ">" } else { "~" },
        &it.target,
    ] {
        base.push_str(part);
    }
    if it.modality != Default::default() {
        base.push(':');
        base.push_str(it.modality.as_str());
    }
    if !taken(&base) {
        return base;
    }
    (1..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .expect("an unbounded range always yields a free id")
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
            encoding: None,
            format: None,
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
            mentions: vec![Mention {
                article: article.into(),
                sentence: 0,
                start: 0,
                end: 4,
                via: MentionVia::Name,
            }],
        }
    }

    fn one(path: &str, actors: Vec<Actor>) -> Corpus {
        Corpus {
            articles: vec![article("a1", path)],
            actors,
            ..Corpus::default()
        }
    }

    #[test]
    fn a_surname_joins_the_full_name_of_the_same_country() {
        let mut c = one(
            "x.txt",
            vec![person("p", "Syed Abbas Araghchi", "IRN", "a1")],
        );
        let report = c.merge(one("y.txt", vec![person("p", "Araghchi", "IRN", "a1")]));
        assert_eq!(report.actors_joined, 1);
        assert_eq!(c.actors.len(), 1);
        assert_eq!(c.actors[0].mentions.len(), 2);
        assert_eq!(
            c.actors[0].mentions[1].article, "a2",
            "the second article got a fresh id"
        );
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
        let mut c = one(
            "x.txt",
            vec![
                person("p", "John Smith", "GBR", "a1"),
                person("q", "Adam Smith", "GBR", "a1"),
            ],
        );
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
    fn the_same_text_under_another_name_or_folder_is_already_open() {
        let mut c = one("sample_data/x.txt", vec![]);
        let mut moved = one("/home/me/x.txt", vec![]);
        moved.articles[0].text = c.articles[0].text.clone();
        assert_eq!(c.merge(moved).articles_added, 0);
        let mut copy = one("y.txt", vec![]);
        copy.articles[0].text = c.articles[0].text.clone();
        let report = c.merge(copy);
        assert_eq!(
            (report.articles_added, report.articles_already_open),
            (0, vec!["y.txt".to_string()])
        );
        assert_eq!(
            c.merge(one("z.txt", vec![])).articles_added,
            1,
            "another text is another article"
        );
    }

    #[test]
    fn names_titles_and_aliases_do_not_depend_on_the_order_of_articles() {
        let titled = |id: &str, name: &str, title: &str, path: &str| {
            let mut p = person(id, name, "USA", "a1");
            p.title = Some(title.into());
            one(path, vec![p])
        };
        let parts = || {
            vec![
                titled("p", "Lee", "Secretary of State", "x.txt"),
                titled("q", "Ann Lee", "Secretary", "y.txt"),
                titled("r", "Ann Marie Lee", "Secretary", "z.txt"),
            ]
        };
        let mut forward = Corpus::default();
        forward.merge_all(parts());
        let mut backward = Corpus::default();
        backward.merge_all(parts().into_iter().rev());
        let shown = |c: &Corpus| {
            (
                c.actors.len(),
                c.actors[0].name.clone(),
                c.actors[0].title.clone(),
                c.actors[0].aliases.clone(),
            )
        };
        assert_eq!(
            shown(&forward),
            (
                1,
                "Ann Marie Lee".to_string(),
                Some("Secretary of State".to_string()),
                vec!["Ann Lee".to_string(), "Lee".to_string()]
            )
        );
        assert_eq!(shown(&forward), shown(&backward));
    }

    #[test]
    fn a_batch_merged_at_once_equals_one_merge_after_another() {
        let parts = || {
            vec![
                one("x.txt", vec![person("p", "Ishaq Dar", "PAK", "a1")]),
                one(
                    "y.txt",
                    vec![
                        person("p", "Dar", "PAK", "a1"),
                        person("q", "Asim Munir", "PAK", "a1"),
                    ],
                ),
                one("z.txt", vec![person("q", "Munir", "PAK", "a1")]),
            ]
        };
        let mut batch = Corpus::default();
        let report = batch.merge_all(parts());
        let mut stepwise = Corpus::default();
        for p in parts() {
            stepwise.merge(p);
        }
        assert_eq!(batch, stepwise);
        assert_eq!(
            (
                report.articles_added,
                report.actors_added,
                report.actors_joined
            ),
            (3, 2, 2)
        );
    }

    /// "p" consults "q" in the first sentence of article "a1", the two named at the spans given.
    fn consult_p_q(
        source_span: Option<crate::corpus::Span>,
        target_span: Option<crate::corpus::Span>,
    ) -> Interaction {
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
        let mut source = one(
            "x.txt",
            vec![
                person("p", "Ishaq Dar", "PAK", "a1"),
                person("q", "Asim Munir", "PAK", "a1"),
            ],
        );
        source.interactions.push(consult_p_q(None, None));
        let mut empty = Corpus::default();
        empty.merge(source.clone());
        assert_eq!(empty, source);
    }

    #[test]
    fn an_undirected_edge_put_in_order_keeps_each_span_with_its_actor() {
        // Known here as "b" (Munir) and "z" (Dar); the new article calls them "p" (Dar) and "q" (Munir).
        let mut c = one(
            "x.txt",
            vec![
                person("z", "Ishaq Dar", "PAK", "a1"),
                person("b", "Asim Munir", "PAK", "a1"),
            ],
        );
        let mut other = one(
            "y.txt",
            vec![
                person("p", "Ishaq Dar", "PAK", "a1"),
                person("q", "Asim Munir", "PAK", "a1"),
            ],
        );
        other.articles[0].text = "Dar met Munir.".into();
        let (dar, munir) = (
            crate::corpus::Span::new(0, 3),
            crate::corpus::Span::new(8, 13),
        );
        other.interactions.push(consult_p_q(Some(dar), Some(munir)));
        c.merge(other);
        let it = &c.interactions[0];
        assert_eq!((it.source.as_str(), it.target.as_str()), ("b", "z"));
        assert_eq!(
            (it.evidence[0].source_span, it.evidence[0].target_span),
            (Some(munir), Some(dar))
        );
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
            it.id =
                super::interaction_id(&it, |id| existing.iter().any(|i: &Interaction| i.id == id));
            assert_eq!(it.id, want);
            existing.push(it);
        }
    }
}
