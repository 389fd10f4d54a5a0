//! What the map shows: a filtered view of the corpus as nodes (actors) and edges (interactions) ready to lay
//! out and draw. Parallel edges between one pair get lanes so they can be fanned apart.
//!
//! This module decides *what* is drawn, never *where* (that is `layout`) or *how* (the app and `export`).

use std::collections::BTreeSet;

// Actor ids are looked up tens of thousands of times per build: rustc's fast hash, not SipHash.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

mod grouping;
pub mod timeline;

use crate::corpus::{ActorKind, Corpus, Family, Interaction, InteractionKind, Modality};

/// Which interactions the map shows. Saved in workspaces: a field missing from a file takes its default,
/// so files written before a field existed still load.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct MapFilter {
    /// Show negated, intended and hypothetical interactions too (by default only asserted ones).
    pub show_unasserted: bool,
    /// Interaction kinds left off the map.
    pub hidden_kinds: Vec<InteractionKind>,
    /// Actor kinds left off the map (with their edges).
    pub hidden_actor_kinds: Vec<ActorKind>,
    /// Edges with fewer supporting sentences are left off.
    pub min_evidence: usize,
    /// Whether actors that take part in no shown interaction are left off.
    pub isolated: Isolated,
    /// Only evidence dated within these days (`start..end`, day numbers of `timeline`) counts; an
    /// interaction with too little of it is left off.
    pub dates: Option<(i64, i64)>,
    /// Only this actor (by id) and the actors within so many interactions of it: its neighbourhood.
    pub focus: Option<(String, usize)>,
    /// Fold every official and institution into its country's node.
    pub group_by_country: bool,
    /// Only these articles (by id): actors they mention, and interactions with evidence in them.
    pub articles: Option<BTreeSet<String>>,
}

/// What to do with actors that take part in no interaction on the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Isolated {
    /// Hide them once the corpus has more than `Isolated::AUTO_LIMIT` actors, where they are mostly
    /// clutter; show them on small maps, where each may matter.
    Auto,
    Show,
    Hide,
}

impl Isolated {
    pub const AUTO_LIMIT: usize = 50;

    /// Whether isolated actors are hidden in a corpus of `actors` actors.
    pub fn hides(self, actors: usize) -> bool {
        match self {
            Isolated::Auto => actors > Self::AUTO_LIMIT,
            Isolated::Show => false,
            Isolated::Hide => true,
        }
    }
}

impl Default for MapFilter {
    fn default() -> Self {
        MapFilter {
            show_unasserted: false,
            hidden_kinds: Vec::new(),
            hidden_actor_kinds: Vec::new(),
            min_evidence: 1,
            isolated: Isolated::Auto,
            dates: None,
            focus: None,
            group_by_country: false,
            articles: None,
        }
    }
}

/// One actor on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapNode {
    /// Index into `corpus.actors`.
    pub actor: usize,
    pub id: String,
    pub label: String,
    pub kind: ActorKind,
    /// How many times the text refers to the actor; drives the node's size.
    pub mentions: usize,
    pub country: Option<String>,
    pub title: Option<String>,
    /// Officials and institutions folded into this node (`MapFilter::group_by_country`).
    pub members: usize,
}

/// One interaction on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapEdge {
    /// Index into `corpus.interactions`: the interaction this edge draws (the first, when it stands for
    /// several).
    pub interaction: usize,
    /// Every interaction this edge stands for (one, or more when actors are grouped), by index.
    pub grouped: Vec<usize>,
    /// Node indices.
    pub source: usize,
    pub target: usize,
    pub kind: InteractionKind,
    pub family: Family,
    pub directed: bool,
    /// Number of supporting sentences; drives the width.
    pub evidence: usize,
    /// Offset of this edge among the parallel edges of its pair, in lanes: 0 for a lone edge, else spread
    /// symmetrically (-0.5, 0.5; -1, 0, 1; …). Positive lanes bend to the left of the direction from the
    /// lower-numbered node to the higher-numbered one, whatever the edge's own direction.
    pub lane: f32,
}

/// "Belongs to": an official to an institution or country, an institution to a country.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MapAffiliation {
    pub member: usize,
    pub of: usize,
}

/// Everything drawn on the map.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MapGraph {
    pub nodes: Vec<MapNode>,
    pub edges: Vec<MapEdge>,
    pub affiliations: Vec<MapAffiliation>,
}

impl MapGraph {
    /// Builds the map of `corpus` under `filter`.
    pub fn build(corpus: &Corpus, filter: &MapFilter) -> MapGraph {
        let mut graph = MapGraph::default();
        // Actors of a shown kind, and (when isolated actors are hidden) only those with a shown edge.
        let of_shown_kind: HashMap<&str, usize> = corpus
            .actors
            .iter()
            .enumerate()
            .filter(|(_, a)| !filter.hidden_actor_kinds.contains(&a.kind))
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        let article_days = filter
            .dates
            .map(|_| timeline::article_days(corpus))
            .unwrap_or_default();
        let in_articles =
            |article: &str| filter.articles.as_ref().is_none_or(|a| a.contains(article));
        let evidence = |it: &Interaction| match (filter.dates, &filter.articles) {
            (None, None) => it.evidence.len(),
            _ => it
                .evidence
                .iter()
                .filter(|e| in_articles(e.article.as_str()))
                .filter(|e| {
                    filter.dates.is_none_or(|(start, end)| {
                        timeline::evidence_day(&article_days, e)
                            .is_some_and(|d| (start..end).contains(&d))
                    })
                })
                .count(),
        };
        let is_shown = |it: &Interaction| {
            (filter.show_unasserted || it.modality == Modality::Asserted)
                && !filter.hidden_kinds.contains(&it.kind)
                && evidence(it) >= filter.min_evidence.max(1)
                && it.source != it.target
                && of_shown_kind.contains_key(it.source.as_str())
                && of_shown_kind.contains_key(it.target.as_str())
        };
        // Judged once per interaction: the isolated-actor, focus and edge passes below all read it.
        let shown: Vec<bool> = corpus.interactions.iter().map(is_shown).collect();
        let shown_interactions = || {
            corpus
                .interactions
                .iter()
                .zip(&shown)
                .filter(|(_, s)| **s)
                .map(|(it, _)| it)
        };
        // With grouping, whether an actor is isolated is judged on the grouped map (below).
        let hide_isolated = filter.isolated.hides(corpus.actors.len());
        let connected: Option<HashSet<&str>> =
            (hide_isolated && !filter.group_by_country).then(|| {
                shown_interactions()
                    .flat_map(|it| [it.source.as_str(), it.target.as_str()])
                    .collect()
            });
        let near: Option<HashSet<&str>> = filter.focus.as_ref().map(|(id, depth)| {
            let mut links: HashMap<&str, Vec<&str>> = HashMap::default();
            for it in shown_interactions() {
                links
                    .entry(it.source.as_str())
                    .or_default()
                    .push(it.target.as_str());
                links
                    .entry(it.target.as_str())
                    .or_default()
                    .push(it.source.as_str());
            }
            let mut reached: HashSet<&str> = std::iter::once(id.as_str()).collect();
            let mut frontier = vec![id.as_str()];
            for _ in 0..*depth {
                let mut next = Vec::new();
                for n in frontier {
                    for &m in links.get(n).map_or(&[][..], Vec::as_slice) {
                        if reached.insert(m) {
                            next.push(m);
                        }
                    }
                }
                frontier = next;
            }
            reached
        });
        let mut node_of: HashMap<&str, usize> =
            HashMap::with_capacity_and_hasher(corpus.actors.len(), Default::default());
        for (i, actor) in corpus.actors.iter().enumerate() {
            let focused = near.as_ref().is_none_or(|n| n.contains(actor.id.as_str()))
                && (filter.articles.is_none()
                    || actor
                        .mentions
                        .iter()
                        .any(|m| in_articles(m.article.as_str())));
            if filter.hidden_actor_kinds.contains(&actor.kind)
                || !focused
                || near.is_none()
                    && connected
                        .as_ref()
                        .is_some_and(|c| !c.contains(actor.id.as_str()))
            {
                continue;
            }
            node_of.insert(actor.id.as_str(), graph.nodes.len());
            graph.nodes.push(MapNode {
                actor: i,
                id: actor.id.clone(),
                label: actor.name.clone(),
                kind: actor.kind,
                mentions: actor.mentions.len(),
                country: actor.country.clone(),
                title: actor.title.clone(),
                members: 0,
            });
        }
        for (i, it) in corpus.interactions.iter().enumerate() {
            let shown = shown[i];
            let (Some(&source), Some(&target)) = (
                node_of.get(it.source.as_str()),
                node_of.get(it.target.as_str()),
            ) else {
                continue;
            };
            if !shown || source == target {
                continue;
            }
            graph.edges.push(MapEdge {
                interaction: i,
                grouped: vec![i],
                source,
                target,
                kind: it.kind,
                family: it.kind.family(),
                directed: it.directed,
                evidence: it.evidence.len(),
                lane: 0.0,
            });
        }
        for (member, actor) in corpus.actors.iter().enumerate() {
            let Some(&m) = node_of.get(corpus.actors[member].id.as_str()) else {
                continue;
            };
            for of in &actor.affiliations {
                if let Some(&o) = node_of.get(of.as_str())
                    && o != m
                {
                    graph.affiliations.push(MapAffiliation { member: m, of: o });
                }
            }
        }
        graph.assign_lanes();
        if filter.group_by_country {
            graph = grouping::group_by_country(graph);
            if hide_isolated && filter.focus.is_none() {
                graph = grouping::without_unconnected(graph);
            }
        }
        graph
    }

    fn assign_lanes(&mut self) {
        // The edges of each pair side by side (by pair, then in edge order), numbered within their run.
        let mut order: Vec<(usize, usize, usize)> = self
            .edges
            .iter()
            .enumerate()
            .map(|(i, e)| (e.source.min(e.target), e.source.max(e.target), i))
            .collect();
        order.sort_unstable();
        for run in order.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
            let n = run.len() as f32;
            for (k, &(_, _, i)) in run.iter().enumerate() {
                self.edges[i].lane = k as f32 - (n - 1.0) / 2.0;
            }
        }
    }

    /// Node index of the actor with this id.
    pub fn node_of(&self, actor_id: &str) -> Option<usize> {
        self.nodes.iter().position(|n| n.id == actor_id)
    }

    /// Number of edges touching each node.
    pub fn degrees(&self) -> Vec<usize> {
        let mut d = vec![0; self.nodes.len()];
        for e in &self.edges {
            d[e.source] += 1;
            d[e.target] += 1;
        }
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::*;

    fn actor(id: &str) -> Actor {
        Actor {
            id: id.into(),
            kind: ActorKind::Country,
            name: id.into(),
            aliases: vec![],
            country: Some(id.into()),
            title: None,
            code: None,
            affiliations: vec![],
            mentions: vec![],
        }
    }

    fn edge(kind: InteractionKind, s: &str, t: &str, modality: Modality) -> Interaction {
        Interaction {
            id: format!("{}:{s}>{t}", kind.as_str()),
            kind,
            cameo: String::new(),
            source: s.into(),
            target: t.into(),
            directed: true,
            modality,
            rule: String::new(),
            evidence: vec![Evidence {
                article: "a1".into(),
                sentence: 0,
                start: 0,
                end: 1,
                trigger: None,
                source_span: None,
                target_span: None,
                rule: String::new(),
                reported_by: None,
                when: None,
            }],
        }
    }

    fn corpus() -> Corpus {
        Corpus {
            actors: vec![actor("IRN"), actor("PAK"), actor("IND")],
            interactions: vec![
                edge(InteractionKind::Accuse, "IRN", "PAK", Modality::Asserted),
                edge(InteractionKind::Assault, "PAK", "IRN", Modality::Asserted),
                edge(InteractionKind::Visit, "IRN", "PAK", Modality::Asserted),
                edge(InteractionKind::Mediate, "IRN", "IND", Modality::Intended),
            ],
            ..Corpus::default()
        }
    }

    #[test]
    fn parallel_edges_of_one_pair_get_distinct_symmetric_lanes() {
        let g = MapGraph::build(&corpus(), &MapFilter::default());
        let mut lanes: Vec<f32> = g
            .edges
            .iter()
            .filter(|e| e.source.max(e.target) == 1)
            .map(|e| e.lane)
            .collect();
        lanes.sort_by(f32::total_cmp);
        assert_eq!(lanes, vec![-1.0, 0.0, 1.0]);
    }

    #[test]
    fn only_asserted_interactions_show_by_default() {
        let g = MapGraph::build(&corpus(), &MapFilter::default());
        assert!(g.edges.iter().all(|e| e.kind != InteractionKind::Mediate));
        let all = MapGraph::build(
            &corpus(),
            &MapFilter {
                show_unasserted: true,
                ..MapFilter::default()
            },
        );
        assert_eq!(all.edges.len(), 4);
    }

    #[test]
    fn hiding_an_actor_kind_hides_its_edges() {
        let filter = MapFilter {
            hidden_actor_kinds: vec![ActorKind::Country],
            ..MapFilter::default()
        };
        let g = MapGraph::build(&corpus(), &filter);
        assert!(g.nodes.is_empty() && g.edges.is_empty());
    }

    #[test]
    fn actors_without_a_shown_interaction_are_hidden_on_big_maps_or_when_asked() {
        // IND's only interaction is intended, so by default it has none on the map.
        let hide = MapFilter {
            isolated: Isolated::Hide,
            ..MapFilter::default()
        };
        let g = MapGraph::build(&corpus(), &hide);
        assert_eq!(
            g.nodes.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(),
            ["IRN", "PAK"]
        );
        assert!(
            g.edges.iter().all(|e| e.source < 2 && e.target < 2),
            "edges are re-indexed to the nodes left"
        );
        // Automatic: shown on a small map, hidden once there are more than AUTO_LIMIT actors.
        assert_eq!(
            MapGraph::build(&corpus(), &MapFilter::default())
                .nodes
                .len(),
            3
        );
        let mut big = corpus();
        big.actors
            .extend((0..Isolated::AUTO_LIMIT).map(|i| actor(&format!("X{i}"))));
        assert_eq!(MapGraph::build(&big, &MapFilter::default()).nodes.len(), 2);
        let show = MapFilter {
            isolated: Isolated::Show,
            ..MapFilter::default()
        };
        assert_eq!(MapGraph::build(&big, &show).nodes.len(), big.actors.len());
    }

    #[test]
    fn a_focus_keeps_the_neighbourhood_within_its_depth() {
        // A chain IRN - PAK - IND - CHN.
        let mut c = corpus();
        c.actors.push(actor("CHN"));
        c.interactions = vec![
            edge(InteractionKind::Accuse, "IRN", "PAK", Modality::Asserted),
            edge(InteractionKind::Accuse, "PAK", "IND", Modality::Asserted),
            edge(InteractionKind::Accuse, "IND", "CHN", Modality::Asserted),
        ];
        let shown = |depth| {
            let f = MapFilter {
                focus: Some(("IRN".to_string(), depth)),
                ..MapFilter::default()
            };
            MapGraph::build(&c, &f)
                .nodes
                .iter()
                .map(|n| n.id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(shown(1), ["IRN", "PAK"]);
        assert_eq!(shown(2), ["IRN", "PAK", "IND"]);
        assert_eq!(shown(3).len(), 4);
        assert_eq!(MapGraph::build(&c, &MapFilter::default()).edges.len(), 3);
    }

    #[test]
    fn an_article_filter_keeps_what_those_articles_say() {
        let mention = |article: &str| Mention {
            article: article.into(),
            sentence: 0,
            start: 0,
            end: 1,
            via: MentionVia::Name,
        };
        let mut c = corpus();
        c.actors[0].mentions = vec![mention("a1"), mention("a2")];
        c.actors[1].mentions = vec![mention("a1")];
        c.actors[2].mentions = vec![mention("a2")];
        let mut in_a2 = edge(InteractionKind::Accuse, "IRN", "IND", Modality::Asserted);
        in_a2.evidence[0].article = "a2".into();
        c.interactions = vec![
            edge(InteractionKind::Accuse, "IRN", "PAK", Modality::Asserted),
            in_a2,
        ];
        let only = |id: &str| MapFilter {
            articles: Some([id.to_string()].into()),
            ..MapFilter::default()
        };
        let g = MapGraph::build(&c, &only("a1"));
        assert_eq!(
            g.nodes.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(),
            ["IRN", "PAK"]
        );
        assert_eq!(g.edges.len(), 1);
        let g = MapGraph::build(&c, &only("a2"));
        assert_eq!(
            g.nodes.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(),
            ["IRN", "IND"]
        );
    }
}
