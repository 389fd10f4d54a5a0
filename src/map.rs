//! The open map: the corpus, what of it is shown (`MapGraph` under a `MapFilter`), and where each node is
//! (`ForceLayout`). The graph is rebuilt only when the corpus or the filter changes; the layout keeps the
//! positions of nodes that survive a rebuild, so opening another article does not scramble the map.
//!
//! Not for: drawing, input, or the view's pan and zoom (the app); extraction or merging rules (the
//! library's `extract` and `corpus`).

use std::collections::BTreeMap;

use crate::corpus::{Corpus, MergeIndex, MergeReport};
use crate::curation::{self, Edit, EditLog};
use crate::graph::{MapFilter, MapGraph};
use crate::layout::{ForceLayout, LayoutConfig, LayoutEdge};

use crate::draw::style::node_radius;

/// Spring strength of a "belongs to" link, weaker than an interaction's.
const AFFILIATION_WEIGHT: f32 = 0.5;

/// The corpus on the map and the map's layout.
pub struct MapState {
    /// Lookups for merging into `base`, kept up to date by every merge.
    index: MergeIndex,
    /// What the extractor found in the open articles, merged.
    base: Corpus,
    /// The user's corrections, in order, over `base`.
    edits: EditLog,
    /// `base` with the edits made, when there are any (else the map shows `base` itself).
    edited: Option<Corpus>,
    /// Edits that could not be made the last time they were applied (after new articles), with why.
    skipped: Vec<(usize, String)>,
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
            base: corpus,
            edits: EditLog::default(),
            edited: None,
            skipped: Vec::new(),
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

    /// The corpus on the map: the extraction with the user's edits made.
    pub fn corpus(&self) -> &Corpus {
        self.edited.as_ref().unwrap_or(&self.base)
    }

    /// The extraction without the user's edits.
    pub fn base(&self) -> &Corpus {
        &self.base
    }

    pub fn edits(&self) -> &EditLog {
        &self.edits
    }

    /// Edits that could not be made when they were last applied, with why.
    pub fn skipped_edits(&self) -> &[(usize, String)] {
        &self.skipped
    }

    /// Makes `edit` on the map and logs it; an edit that cannot be made changes nothing and says why.
    pub fn edit(&mut self, edit: Edit) -> Result<(), String> {
        // One edit on the corpus as shown is the whole log on the extraction, without replaying it.
        let trial = curation::apply(self.corpus(), std::slice::from_ref(&edit));
        if let Some((_, why)) = trial.skipped.into_iter().next() {
            return Err(why);
        }
        self.edits.push(edit);
        self.edited = Some(trial.corpus);
        self.rebuild();
        Ok(())
    }

    /// Takes the last edit back; returns it in words.
    pub fn undo(&mut self) -> Option<String> {
        let said = self.edits.last()?.describe(self.corpus());
        self.edits.undo()?;
        self.reapply();
        Some(said)
    }

    /// Makes the last undone edit again; returns it in words.
    pub fn redo(&mut self) -> Option<String> {
        self.edits.redo()?;
        self.reapply();
        self.edits.last().map(|e| e.describe(self.corpus()))
    }

    /// Replaces the edit log (a workspace opened, a log kept across re-extraction) and applies it.
    pub fn set_edits(&mut self, edits: EditLog) {
        self.edits = edits;
        self.reapply();
    }

    /// Extracts the open articles again with `extractor` (a newer one) and makes the corrections again
    /// on what it finds; nodes keep their places. Returns the corrections that no longer apply, with why.
    pub fn reextract(&mut self, extractor: &crate::extract::Extractor) -> Vec<(usize, String)> {
        let mut base = Corpus::default();
        base.merge_all(
            self.base
                .articles
                .iter()
                .map(|a| crate::open::extract_again(a, extractor)),
        );
        let (places, pinned) = self.places();
        self.index = MergeIndex::build(&base);
        self.base = base;
        self.reapply();
        self.restore_places(&places, &pinned);
        self.skipped.clone()
    }

    /// The extraction with the whole log, from scratch.
    fn reapply(&mut self) {
        if self.edits.is_empty() {
            self.edited = None;
            self.skipped.clear();
        } else {
            let applied = curation::apply(&self.base, &self.edits.edits);
            self.edited = Some(applied.corpus);
            self.skipped = applied.skipped;
        }
        self.rebuild();
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
        let report = self.base.merge_indexed(&mut self.index, other);
        // Joined actors only gain mentions through added articles, so these three say whether anything changed.
        if report.articles_added + report.actors_added + report.interactions_added > 0 {
            if self.edits.is_empty() {
                self.rebuild();
            } else {
                // The corrections apply to what was added too ("Obama" renamed in every article).
                self.reapply();
            }
        }
        report
    }

    /// Closes everything.
    pub fn clear(&mut self) {
        self.base = Corpus::default();
        self.index = MergeIndex::build(&self.base);
        self.edits = EditLog::default();
        self.edited = None;
        self.skipped.clear();
        self.layout = ForceLayout::new(layout_config());
        self.rebuild();
    }

    fn rebuild(&mut self) {
        self.graph = MapGraph::build(self.edited.as_ref().unwrap_or(&self.base), &self.filter);
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

    /// Where each node is, by actor id, and the ids of the pinned ones: what a workspace keeps.
    pub fn places(
        &self,
    ) -> (
        BTreeMap<String, [f32; 2]>,
        std::collections::BTreeSet<String>,
    ) {
        let positions = self.layout.positions();
        let mut places = BTreeMap::new();
        let mut pinned = std::collections::BTreeSet::new();
        for (i, node) in self.graph.nodes.iter().enumerate() {
            if let Some(&p) = positions.get(i) {
                places.insert(node.id.clone(), p);
            }
            if self.layout.is_pinned(i) {
                pinned.insert(node.id.clone());
            }
        }
        (places, pinned)
    }

    /// Puts the nodes back where `places` has them and pins those in `pinned` (a reopened workspace).
    pub fn restore_places(
        &mut self,
        places: &BTreeMap<String, [f32; 2]>,
        pinned: &std::collections::BTreeSet<String>,
    ) {
        let saved: Vec<Option<[f32; 2]>> = self
            .graph
            .nodes
            .iter()
            .map(|n| places.get(&n.id).copied())
            .collect();
        self.layout.restore(&saved);
        for (i, node) in self.graph.nodes.iter().enumerate() {
            if let (true, Some(p)) = (pinned.contains(&node.id), saved[i]) {
                self.layout.pin(i, p);
            }
        }
        self.motion += 1;
    }

    /// The map as the exports read it: what is shown and where.
    pub fn laid_out(&self) -> crate::export::LaidOut<'_> {
        crate::export::LaidOut {
            corpus: self.corpus(),
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
                encoding: None,
                format: None,
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
