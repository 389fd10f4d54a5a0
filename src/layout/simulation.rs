//! The force simulation: nodes, springs, pins and the cooling schedule that makes the layout come
//! to rest.
//!
//! The model follows d3-force, whose behaviour users of network maps know: each tick, forces nudge
//! velocities in proportion to a temperature `alpha`, velocities are damped, and positions move by
//! their velocity. Alpha decays geometrically, so the layout moves fast at first, eases out, and
//! stops after a bounded number of ticks. The forces are
//! - repulsion between every pair (inverse distance, through the Barnes–Hut quadtree),
//! - a spring along each edge towards the ideal length plus both radii (d3's link force: a position
//!   correction shared by the ends in inverse proportion to their degree, so hubs don't get
//!   yanked),
//! - gravity towards the origin so disconnected parts stay in view,
//! - collision between node discs, not scaled by alpha, so overlaps are resolved even as things
//!   cool.
//!
//! Each force is computed from the state at the start of the tick (no force sees another's updates
//! within a tick), which keeps every per-node computation independent.

use std::collections::HashMap;

use super::placement::place_new_nodes;
use super::quadtree::{Quadtree, separation};

/// Largest node radius taken from `set_graph`; bigger ones are clamped so squared distances stay
/// finite.
const MAX_RADIUS: f32 = 1e6;

/// A graph change that adds at most this share of new nodes moves only the new nodes' neighbourhoods.
const LOCAL_CHANGE: f32 = 0.25;
/// How far (in edges) from a dragged or pinned node the layout may move.
const LOCAL_HOPS: usize = 2;
/// How far from new nodes the layout may move when they join a placed map: not at all, as in a scale-free
/// graph one hop from a hub is much of the map. The new nodes settle beside the neighbours they were
/// placed by.
const GROWTH_HOPS: usize = 0;
/// Positions are kept within this distance of the origin on each axis, for the same reason.
const MAX_COORDINATE: f32 = 1e8;

/// How the layout behaves. Lengths are in layout units, the units of positions and node radii.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutConfig {
    /// Gap an edge's spring aims for between the rims of its two nodes.
    pub ideal_edge_length: f32,
    /// How hard every pair of nodes pushes apart: at distance `d` the push is
    /// `repulsion * ideal_edge_length² / d`, so changing the edge length rescales the whole layout.
    pub repulsion: f32,
    /// Pull of each node towards the origin, in proportion to its distance. Keeps separate
    /// components together; larger values pack the whole map tighter.
    pub gravity: f32,
    /// Extra gap kept between node discs, e.g. to leave room for labels.
    pub collision_padding: f32,
    /// Fraction of an overlap corrected per tick, 0 to 1.
    pub collision_strength: f32,
    /// Fraction of velocity lost per tick (friction), 0 to 1. Higher is calmer and slower.
    pub velocity_decay: f32,
    /// Fraction of alpha lost per tick. With the defaults the layout cools from 1 to `alpha_min` in
    /// 300 ticks.
    pub alpha_decay: f32,
    /// Alpha below which the layout counts as settled and stops.
    pub alpha_min: f32,
    /// Alpha that `reheat` raises the layout to, and that `set_graph` uses when no node is new.
    pub reheat_alpha: f32,
    /// Barnes–Hut accuracy: 0 computes repulsion exactly (O(n²)); larger is faster and rougher.
    /// Clamped to at most 1.4; beyond that the approximation is too rough to be useful.
    pub theta: f32,
    /// The layout also settles once no node moves further than this in a tick.
    pub settle_threshold: f32,
}

impl Default for LayoutConfig {
    fn default() -> Self {
        Self {
            ideal_edge_length: 60.0,
            repulsion: 1.0 / 30.0,
            gravity: 0.05,
            collision_padding: 4.0,
            collision_strength: 0.7,
            velocity_decay: 0.4,
            alpha_decay: 1.0 - 0.001f32.powf(1.0 / 300.0),
            alpha_min: 0.001,
            reheat_alpha: 0.3,
            theta: 0.9,
            settle_threshold: 0.05,
        }
    }
}

impl LayoutConfig {
    /// The same configuration with every value made finite and put in its working range, so that no
    /// setting can make the simulation produce NaN or never stop.
    fn sanitized(self) -> Self {
        let defaults = Self::default();
        let pick = |value: f32, default: f32, low: f32, high: f32| {
            if value.is_nan() {
                default
            } else {
                value.clamp(low, high)
            }
        };
        Self {
            ideal_edge_length: pick(
                self.ideal_edge_length,
                defaults.ideal_edge_length,
                1e-3,
                1e5,
            ),
            repulsion: pick(self.repulsion, defaults.repulsion, 0.0, 1e3),
            gravity: pick(self.gravity, defaults.gravity, 0.0, 1.0),
            collision_padding: pick(
                self.collision_padding,
                defaults.collision_padding,
                0.0,
                MAX_RADIUS,
            ),
            collision_strength: pick(
                self.collision_strength,
                defaults.collision_strength,
                0.0,
                1.0,
            ),
            velocity_decay: pick(self.velocity_decay, defaults.velocity_decay, 0.0, 1.0),
            alpha_decay: pick(self.alpha_decay, defaults.alpha_decay, 1e-3, 1.0),
            alpha_min: pick(self.alpha_min, defaults.alpha_min, 1e-4, 1.0),
            reheat_alpha: pick(self.reheat_alpha, defaults.reheat_alpha, 0.0, 1.0),
            theta: pick(self.theta, defaults.theta, 0.0, 1.4),
            settle_threshold: pick(self.settle_threshold, defaults.settle_threshold, 0.0, 1e6),
        }
    }
}

/// An edge of the graph as the layout sees it. Self-loops, edges to missing nodes and edges whose
/// weight is not positive exert no force.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutEdge {
    pub source: usize,
    pub target: usize,
    /// Spring strength multiplier, `>= 0`.
    pub weight: f32,
}

/// An edge that passed the checks in `set_graph`, with d3's per-link constants worked out.
#[derive(Clone, Copy, Debug)]
struct Spring {
    source: usize,
    target: usize,
    /// Distance between the two centres the spring aims for.
    rest_length: f32,
    /// Fraction of the length error corrected per tick at alpha 1, at most 1.
    strength: f32,
    /// Share of the correction the target takes: the source's share of the pair's degrees, so the
    /// less connected end moves more.
    target_share: f32,
}

/// A graph's layout and the simulation that moves it. Nodes are addressed by their index in the
/// last `set_graph` call.
#[derive(Clone, Debug)]
pub struct ForceLayout {
    config: LayoutConfig,
    keys: Vec<String>,
    positions: Vec<[f32; 2]>,
    velocities: Vec<[f32; 2]>,
    radii: Vec<f32>,
    pinned: Vec<bool>,
    /// Nodes held still until the layout next comes to rest, so that a local change (a pin, a few new
    /// nodes) moves only its neighbourhood; empty when every node may move.
    held: Vec<bool>,
    springs: Vec<Spring>,
    alpha: f32,
    settled: bool,
    tree: Quadtree,
    /// Per-node velocity change from all forces this tick; reused every tick.
    nudges: Vec<[f32; 2]>,
    /// Per-node collision correction this tick, kept apart because it is not scaled by alpha.
    pushes: Vec<[f32; 2]>,
}

impl ForceLayout {
    pub fn new(config: LayoutConfig) -> Self {
        Self {
            config: config.sanitized(),
            keys: Vec::new(),
            positions: Vec::new(),
            velocities: Vec::new(),
            radii: Vec::new(),
            pinned: Vec::new(),
            held: Vec::new(),
            springs: Vec::new(),
            alpha: 0.0,
            settled: true,
            tree: Quadtree::default(),
            nudges: Vec::new(),
            pushes: Vec::new(),
        }
    }

    pub fn config(&self) -> &LayoutConfig {
        &self.config
    }

    /// Change the configuration (values are clamped to their working ranges) and reheat.
    pub fn set_config(&mut self, config: LayoutConfig) {
        self.config = config.sanitized();
        self.reheat();
    }

    /// Replace the graph. `keys` identify nodes across calls (actor ids): a node whose key was
    /// present before keeps its position, velocity and pin; a new node is placed near the mean of
    /// its already-placed neighbours (plus a small deterministic offset) or, if it has none, on a
    /// deterministic golden-angle spiral around the origin. New nodes whose only neighbours are new
    /// are placed outwards from the surviving ones in breadth-first waves. `sizes` are node radii
    /// (missing, negative or non-finite ones count as 0). Re-heats: fully when every node is new,
    /// to `reheat_alpha` when none is, and in proportion in between.
    pub fn set_graph(&mut self, keys: &[String], sizes: &[f32], edges: &[LayoutEdge]) {
        let count = keys.len();
        let radii: Vec<f32> = (0..count)
            .map(|i| {
                sizes
                    .get(i)
                    .copied()
                    .filter(|r| *r >= 0.0)
                    .map_or(0.0, |r| r.min(MAX_RADIUS))
            })
            .collect();
        let springs = self.make_springs(count, &radii, edges);

        // Carry over survivors. A key repeated in the new list claims its old node only once.
        let previous: HashMap<&str, usize> = self
            .keys
            .iter()
            .enumerate()
            .map(|(i, key)| (key.as_str(), i))
            .collect();
        let mut claimed = vec![false; self.keys.len()];
        let mut positions = vec![[0.0f32; 2]; count];
        let mut velocities = vec![[0.0f32; 2]; count];
        let mut pinned = vec![false; count];
        let mut placed = vec![false; count];
        for (i, key) in keys.iter().enumerate() {
            if let Some(&old) = previous.get(key.as_str())
                && !claimed[old]
            {
                claimed[old] = true;
                positions[i] = self.positions[old];
                velocities[i] = self.velocities[old];
                pinned[i] = self.pinned[old];
                placed[i] = true;
            }
        }
        let survivors = placed.iter().filter(|p| **p).count();
        let placed_before = placed.clone();
        let ends: Vec<(usize, usize)> = springs.iter().map(|s| (s.source, s.target)).collect();
        place_new_nodes(&mut positions, placed, &ends, self.config.ideal_edge_length);

        let new_nodes: Vec<usize> = (0..count).filter(|&i| !placed_before[i]).collect();
        // Held nodes stay held only while the layout was at rest: one still settling as a whole goes on.
        let was_resting = self.settled;
        self.keys = keys.to_vec();
        self.positions = positions;
        self.velocities = velocities;
        self.radii = radii;
        self.pinned = pinned;
        self.springs = springs;
        self.held.clear();
        if count == 0 {
            self.alpha = 0.0;
            self.settled = true;
        } else {
            let new_fraction = (count - survivors) as f32 / count as f32;
            let reheat = self.config.reheat_alpha;
            self.alpha = self.alpha.max(reheat + (1.0 - reheat) * new_fraction);
            self.settled = false;
            // A few new nodes among many placed ones: only they and their neighbourhood move, so the
            // map the user knows stays where it was.
            if was_resting && survivors > 0 && new_fraction <= LOCAL_CHANGE {
                self.hold_all_but_around(&new_nodes, GROWTH_HOPS);
            }
        }
    }

    /// Turn the valid edges into springs with d3's constants: strength `weight / min(degree)` (so a
    /// node with many edges isn't over-corrected), capped at 1 to stay stable.
    fn make_springs(&self, count: usize, radii: &[f32], edges: &[LayoutEdge]) -> Vec<Spring> {
        let valid: Vec<(usize, usize, f32)> = edges
            .iter()
            .filter(|e| {
                e.source < count && e.target < count && e.source != e.target && e.weight > 0.0
            })
            .map(|e| (e.source, e.target, e.weight))
            .collect();
        let mut degree = vec![0u32; count];
        for &(source, target, _) in &valid {
            degree[source] += 1;
            degree[target] += 1;
        }
        valid
            .into_iter()
            .map(|(source, target, weight)| {
                let (ds, dt) = (degree[source] as f32, degree[target] as f32);
                Spring {
                    source,
                    target,
                    rest_length: self.config.ideal_edge_length + radii[source] + radii[target],
                    strength: (weight / ds.min(dt)).min(1.0),
                    target_share: ds / (ds + dt),
                }
            })
            .collect()
    }

    /// Advance one tick. Returns true while still moving (not settled); once settled it does
    /// nothing.
    pub fn step(&mut self) -> bool {
        if self.settled {
            return false;
        }
        let config = &self.config;
        self.alpha *= 1.0 - config.alpha_decay;
        let alpha = self.alpha;
        let count = self.positions.len();
        self.nudges.clear();
        self.nudges.resize(count, [0.0; 2]);
        self.pushes.clear();
        self.pushes.resize(count, [0.0; 2]);

        // Repulsion (scaled below) and collisions come from one walk over the quadtree.
        let length = config.ideal_edge_length;
        self.tree.build(&self.positions, &self.radii, config.theta);
        self.tree.add_forces(
            length * 0.05,
            config.collision_padding,
            config.collision_strength,
            &mut self.nudges,
            &mut self.pushes,
        );
        let charge = config.repulsion * length * length * alpha;
        let pull = config.gravity * alpha;
        for i in 0..count {
            let (n, c, p) = (self.nudges[i], self.pushes[i], self.positions[i]);
            self.nudges[i] = [
                n[0] * charge - p[0] * pull + c[0],
                n[1] * charge - p[1] * pull + c[1],
            ];
        }

        // Springs, judged on where the ends are heading (position plus velocity), as d3 does.
        for spring in &self.springs {
            let (s, t) = (spring.source, spring.target);
            let from = [
                self.positions[s][0] + self.velocities[s][0],
                self.positions[s][1] + self.velocities[s][1],
            ];
            let to = [
                self.positions[t][0] + self.velocities[t][0],
                self.positions[t][1] + self.velocities[t][1],
            ];
            let (mut dx, mut dy) = (to[0] - from[0], to[1] - from[1]);
            let mut distance = (dx * dx + dy * dy).sqrt();
            if distance == 0.0 {
                [dx, dy] = separation(t as u32, s as u32).map(|c| c * length * 1e-3);
                distance = length * 1e-3;
            }
            let k = (distance - spring.rest_length) / distance * alpha * spring.strength;
            // A pinned (or held) end doesn't move, so the other end takes the whole correction.
            let fixed = |i: usize| self.pinned[i] || self.held.get(i).copied().unwrap_or(false);
            let target_share = match (fixed(s), fixed(t)) {
                (false, false) => spring.target_share,
                (true, false) => 1.0,
                (false, true) => 0.0,
                (true, true) => continue,
            };
            let (cx, cy) = (dx * k, dy * k);
            self.nudges[t][0] -= cx * target_share;
            self.nudges[t][1] -= cy * target_share;
            self.nudges[s][0] += cx * (1.0 - target_share);
            self.nudges[s][1] += cy * (1.0 - target_share);
        }

        let keep = 1.0 - config.velocity_decay;
        let mut fastest_squared = 0.0f32;
        for i in 0..count {
            if self.pinned[i] || self.held.get(i).copied().unwrap_or(false) {
                self.velocities[i] = [0.0; 2];
                continue;
            }
            let (v, n, p) = (self.velocities[i], self.nudges[i], self.positions[i]);
            let v = [(v[0] + n[0]) * keep, (v[1] + n[1]) * keep];
            let moved = [p[0] + v[0], p[1] + v[1]];
            if !(moved[0].is_finite() && moved[1].is_finite()) {
                // Can only follow from extreme settings; dropping the step keeps the layout usable.
                self.velocities[i] = [0.0; 2];
                continue;
            }
            self.velocities[i] = v;
            self.positions[i] = moved.map(|c| c.clamp(-MAX_COORDINATE, MAX_COORDINATE));
            fastest_squared = fastest_squared.max(v[0] * v[0] + v[1] * v[1]);
        }

        let threshold = config.settle_threshold;
        if self.alpha < config.alpha_min || fastest_squared < threshold * threshold {
            self.settled = true;
            self.held.clear();
            // Start from rest when reheated.
            self.velocities.fill([0.0; 2]);
        }
        !self.settled
    }

    /// Run up to `max_steps` ticks or until settled; returns the number of ticks taken.
    pub fn run(&mut self, max_steps: usize) -> usize {
        let mut steps = 0;
        while steps < max_steps && !self.settled {
            self.step();
            steps += 1;
        }
        steps
    }

    pub fn positions(&self) -> &[[f32; 2]] {
        &self.positions
    }

    pub fn is_settled(&self) -> bool {
        self.settled
    }

    /// Current temperature: 1 right after a fresh graph, falling towards `alpha_min`.
    pub fn alpha(&self) -> f32 {
        self.alpha
    }

    /// Fix `node` at `pos` (moved there at once): forces no longer move it, but others still react
    /// to it. Does not reheat; call `reheat` so neighbours follow. Ignored for a missing node or a
    /// non-finite position.
    pub fn pin(&mut self, node: usize, pos: [f32; 2]) {
        if node < self.positions.len() && pos.iter().all(|c| c.is_finite()) {
            self.pinned[node] = true;
            self.positions[node] = pos.map(|c| c.clamp(-MAX_COORDINATE, MAX_COORDINATE));
            self.velocities[node] = [0.0; 2];
        }
    }

    /// Puts nodes back where a saved session had them (`None`: no saved place). When every node has
    /// one, the layout stays at rest, so a reopened map looks as it was left; otherwise the new nodes
    /// find their places around the restored ones.
    pub fn restore(&mut self, places: &[Option<[f32; 2]>]) {
        let mut all = !self.positions.is_empty();
        for (node, place) in places.iter().enumerate().take(self.positions.len()) {
            match place.filter(|p| p.iter().all(|c| c.is_finite())) {
                Some(p) => {
                    self.positions[node] = p.map(|c| c.clamp(-MAX_COORDINATE, MAX_COORDINATE));
                    self.velocities[node] = [0.0; 2];
                }
                None => all = false,
            }
        }
        all &= places.len() >= self.positions.len();
        if all {
            self.alpha = 0.0;
            self.settled = true;
            self.held.clear();
        } else {
            self.reheat();
        }
    }

    pub fn unpin(&mut self, node: usize) {
        if let Some(pinned) = self.pinned.get_mut(node) {
            *pinned = false;
        }
    }

    pub fn is_pinned(&self, node: usize) -> bool {
        self.pinned.get(node).copied().unwrap_or(false)
    }

    /// Raise alpha to at least `reheat_alpha` and resume; every node may move.
    pub fn reheat(&mut self) {
        if !self.positions.is_empty() {
            self.alpha = self.alpha.max(self.config.reheat_alpha);
            self.settled = false;
            self.held.clear();
        }
    }

    /// Like `reheat`, but only `nodes` and the nodes within `LOCAL_HOPS` edges of them move until the
    /// layout rests again (a node dragged or pinned: its neighbours follow, the rest of the map stays).
    /// While the layout is still moving as a whole, it goes on moving as a whole.
    pub fn reheat_around(&mut self, nodes: &[usize]) {
        if self.positions.is_empty() {
            return;
        }
        let whole = !self.settled && self.held.is_empty();
        self.alpha = self.alpha.max(self.config.reheat_alpha);
        self.settled = false;
        if !whole {
            self.hold_all_but_around(nodes, LOCAL_HOPS);
        }
    }

    /// Holds every node except `nodes` and those within `hops` edges of them (nodes already free stay
    /// free).
    fn hold_all_but_around(&mut self, nodes: &[usize], hops: usize) {
        let count = self.positions.len();
        if self.held.len() != count {
            self.held = vec![true; count];
        }
        let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); count];
        for s in &self.springs {
            neighbours[s.source].push(s.target);
            neighbours[s.target].push(s.source);
        }
        let mut frontier: Vec<usize> = nodes.iter().copied().filter(|&n| n < count).collect();
        for &n in &frontier {
            self.held[n] = false;
        }
        for _ in 0..hops {
            let mut next = Vec::new();
            for &n in &frontier {
                for &m in &neighbours[n] {
                    if self.held[m] {
                        self.held[m] = false;
                        next.push(m);
                    }
                }
            }
            frontier = next;
        }
    }

    /// Smallest box holding every node's disc, as (min, max); `None` without nodes.
    pub fn bounds(&self) -> Option<([f32; 2], [f32; 2])> {
        let mut nodes = self.positions.iter().zip(&self.radii);
        let (first, &radius) = nodes.next()?;
        let start = (
            [first[0] - radius, first[1] - radius],
            [first[0] + radius, first[1] + radius],
        );
        Some(nodes.fold(start, |(min, max), (p, &r)| {
            (
                [min[0].min(p[0] - r), min[1].min(p[1] - r)],
                [max[0].max(p[0] + r), max[1].max(p[1] + r)],
            )
        }))
    }

    pub fn node_count(&self) -> usize {
        self.positions.len()
    }
}

#[cfg(test)]
#[path = "simulation_tests.rs"]
mod tests;
