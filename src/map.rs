//! The open map: the corpus, what of it is shown (`MapGraph` under a `MapFilter`), and where each node is
//! (`ForceLayout`). The graph is rebuilt only when the corpus or the filter changes; the layout keeps the
//! positions of nodes that survive a rebuild, so opening another article does not scramble the map.
//!
//! Not for: drawing, input, or the view's pan and zoom (the app); extraction or merging rules (the
//! library's `extract` and `corpus`).

use std::collections::BTreeMap;

use crate::corpus::{Corpus, MergeIndex, MergeReport};
use crate::graph::{MapFilter, MapGraph};
use crate::layout::{ForceLayout, LayoutConfig, LayoutEdge};

use crate::draw::style::node_radius;

/// Spring strength of a "belongs to" link, weaker than an interaction's.
const AFFILIATION_WEIGHT: f32 = 0.5;

/// The corpus on the map and the map's layout.
pub struct MapState {
    /// Lookups for merging into `corpus`, kept up to date by every merge.
    index: MergeIndex,
    corpus: Corpus,
    filter: MapFilter,
    graph: MapGraph,
    layout: ForceLayout,
    radii: Vec<f32>,
    /// Bumped whenever the graph is rebuilt, so views can drop what they cached for the old one.
    generation: u64,
    /// Bumped whenever a node moves.
    motion: u64,
}

fn layout_config() -> LayoutConfig {
    // Longer springs and wider gaps than the library's defaults leave room for the labels; a gentle reheat
    // (after a drag, or a file that adds no node) nudges neighbours without rearranging the whole map.
    LayoutConfig {
        ideal_edge_length: 90.0,
        collision_padding: 12.0,
        reheat_alpha: 0.1,
        ..LayoutConfig::default()
    }
}

impl Default for MapState {
    fn default() -> Self {
        MapState::new(Corpus::default())
    }
}

impl MapState {
    pub fn new(corpus: Corpus) -> Self {
        let mut state = MapState {
            index: MergeIndex::build(&corpus),
            corpus,
            filter: MapFilter::default(),
            graph: MapGraph::default(),
            layout: ForceLayout::new(layout_config()),
            radii: Vec::new(),
            generation: 0,
            motion: 0,
        };
        state.rebuild();
        state
    }

    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    pub fn graph(&self) -> &MapGraph {
        &self.graph
    }

    pub fn filter(&self) -> &MapFilter {
        &self.filter
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    pub fn motion(&self) -> u64 {
        self.motion
    }

    /// Shows the map under another filter (no-op when unchanged).
    pub fn set_filter(&mut self, filter: MapFilter) {
        if filter != self.filter {
            // Grouping changes which nodes exist altogether: the map is laid out afresh.
            let regroup = filter.group_by_country != self.filter.group_by_country;
            self.filter = filter;
            self.rebuild();
            if regroup {
                self.layout.reheat();
            }
        }
    }

    /// Folds `other` into the open corpus; nodes already on the map keep their places.
    pub fn merge(&mut self, other: Corpus) -> MergeReport {
        // The index is kept with the corpus, so a merge costs what it adds, not the size of the map.
        let report = self.corpus.merge_indexed(&mut self.index, other);
        // Joined actors only gain mentions through added articles, so these three say whether anything changed.
        if report.articles_added + report.actors_added + report.interactions_added > 0 {
            self.rebuild();
        }
        report
    }

    /// Closes everything.
    pub fn clear(&mut self) {
        self.corpus = Corpus::default();
        self.index = MergeIndex::build(&self.corpus);
        self.layout = ForceLayout::new(layout_config());
        self.rebuild();
    }

    fn rebuild(&mut self) {
        self.graph = MapGraph::build(&self.corpus, &self.filter);
        let keys: Vec<String> = self.graph.nodes.iter().map(|n| n.id.clone()).collect();
        self.radii = self
            .graph
            .nodes
            .iter()
            .map(|n| node_radius(n.mentions))
            .collect();
        self.layout
            .set_graph(&keys, &self.radii, &layout_edges(&self.graph));
        self.generation += 1;
        self.motion += 1;
    }

    /// The map as the exports read it: what is shown and where.
    pub fn laid_out(&self) -> crate::export::LaidOut<'_> {
        crate::export::LaidOut {
            corpus: &self.corpus,
            graph: &self.graph,
            positions: self.layout.positions(),
        }
    }

    /// Node positions in layout units, by node index.
    pub fn positions(&self) -> &[[f32; 2]] {
        self.layout.positions()
    }

    /// A node's radius in layout units.
    pub fn radius(&self, node: usize) -> f32 {
        self.radii.get(node).copied().unwrap_or(0.0)
    }

    /// Advances the layout by up to `steps` ticks; true while it is still moving.
    pub fn tick(&mut self, steps: usize) -> bool {
        self.tick_within(steps, std::time::Duration::MAX)
    }

    /// Advances the layout by up to `steps` ticks, but stops once `budget` is spent (after at least one
    /// tick), so a big map keeps the window responsive; true while it is still moving.
    pub fn tick_within(&mut self, steps: usize, budget: std::time::Duration) -> bool {
        if self.layout.is_settled() {
            return false;
        }
        let started = std::time::Instant::now();
        let mut ran = 0;
        while ran < steps && !self.layout.is_settled() && (ran == 0 || started.elapsed() < budget) {
            self.layout.step();
            ran += 1;
        }
        if ran > 0 {
            self.motion += 1;
        }
        !self.layout.is_settled()
    }

    pub fn is_settled(&self) -> bool {
        self.layout.is_settled()
    }

    /// Runs the layout until it settles (at most `max_steps` ticks).
    pub fn settle(&mut self, max_steps: usize) {
        self.tick(max_steps);
    }

    /// Puts a node where the user dropped it and keeps it there; its neighbours follow.
    pub fn pin(&mut self, node: usize, pos: [f32; 2]) {
        self.layout.pin(node, pos);
        self.layout.reheat_around(&[node]);
        self.motion += 1;
    }

    /// Lets a pinned node move with the simulation again.
    pub fn unpin(&mut self, node: usize) {
        self.layout.unpin(node);
        self.layout.reheat_around(&[node]);
    }

    pub fn is_pinned(&self, node: usize) -> bool {
        self.layout.is_pinned(node)
    }

    /// The length the layout gives an edge, in layout units.
    pub fn ideal_edge_length(&self) -> f32 {
        self.layout.config().ideal_edge_length
    }

    /// Smallest box holding every node, as (min, max) in layout units.
    pub fn bounds(&self) -> Option<([f32; 2], [f32; 2])> {
        self.layout.bounds()
    }
}

/// One spring per linked pair: interactions pull harder the more kinds link the pair; an affiliation alone
/// pulls gently, so officials sit near their country.
fn layout_edges(graph: &MapGraph) -> Vec<LayoutEdge> {
    let mut pairs: BTreeMap<(usize, usize), f32> = BTreeMap::new();
    for e in &graph.edges {
        let w = pairs
            .entry((e.source.min(e.target), e.source.max(e.target)))
            .or_insert(0.75);
        *w = (*w + 0.25).min(2.0);
    }
    for a in &graph.affiliations {
        pairs
            .entry((a.member.min(a.of), a.member.max(a.of)))
            .or_insert(AFFILIATION_WEIGHT);
    }
    pairs
        .into_iter()
        .map(|((source, target), weight)| LayoutEdge {
            source,
            target,
            weight,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Actor, ActorKind, Article};

    fn corpus_with(actors: &[&str], path: &str) -> Corpus {
        Corpus {
            articles: vec![Article {
                id: "a1".into(),
                path: path.into(),
                title: path.into(),
                date: None,
                text: format!("{path} text"),
                sentences: vec![],
            }],
            actors: actors
                .iter()
                .map(|id| Actor {
                    id: (*id).into(),
                    kind: ActorKind::Country,
                    name: (*id).into(),
                    aliases: vec![],
                    country: Some((*id).into()),
                    title: None,
                    code: None,
                    affiliations: vec![],
                    mentions: vec![],
                })
                .collect(),
            ..Corpus::default()
        }
    }

    #[test]
    fn merging_keeps_the_places_of_nodes_already_on_the_map() {
        let mut map = MapState::new(corpus_with(&["IRN", "PAK"], "one.txt"));
        map.settle(1000);
        let before: Vec<[f32; 2]> = map.positions().to_vec();
        let generation = map.generation();
        map.merge(corpus_with(&["IND"], "two.txt"));
        assert!(map.generation() > generation);
        assert_eq!(map.graph().nodes.len(), 3);
        let irn = map.graph().node_of("IRN").unwrap();
        assert_eq!(map.positions()[irn], before[0]);
    }

    #[test]
    fn reopening_the_same_article_changes_nothing() {
        let mut map = MapState::new(corpus_with(&["IRN"], "one.txt"));
        let generation = map.generation();
        let report = map.merge(corpus_with(&["IRN"], "one.txt"));
        assert_eq!(report.articles_already_open, vec!["one.txt".to_string()]);
        assert_eq!(map.generation(), generation);
    }

    #[test]
    fn the_layout_settles_and_then_stops_asking_for_frames() {
        let mut map = MapState::new(corpus_with(&["IRN", "PAK", "IND"], "one.txt"));
        let mut frames = 0;
        while map.tick(3) {
            frames += 1;
            assert!(frames < 2000, "the layout never settled");
        }
        assert!(map.is_settled());
        let motion = map.motion();
        assert!(!map.tick(3));
        assert_eq!(map.motion(), motion);
    }

    #[test]
    fn clearing_empties_the_map() {
        let mut map = MapState::new(corpus_with(&["IRN", "PAK"], "one.txt"));
        map.clear();
        assert!(map.graph().nodes.is_empty());
        assert!(map.corpus().is_empty());
        assert!(map.bounds().is_none());
    }
}
