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
/// The golden angle, which spreads successive directions evenly around a circle.
const GOLDEN_ANGLE: f32 = 2.399_963_2;

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
        place_new_nodes(
            &mut positions,
            placed,
            &springs,
            self.config.ideal_edge_length,
        );

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

/// Give every node not yet `placed` a position. Nodes next to placed ones go, wave by wave, to the
/// mean of their placed neighbours plus a short step in a direction set by their index; nodes no
/// wave reaches go on a golden-angle spiral around the origin, d3's start, dense enough to converge
/// quickly.
fn place_new_nodes(
    positions: &mut [[f32; 2]],
    mut placed: Vec<bool>,
    springs: &[Spring],
    length: f32,
) {
    let count = positions.len();
    // Neighbour lists in compressed form: the neighbours of i are neighbours[offsets[i]..offsets[i
    // + 1]].
    let mut offsets = vec![0usize; count + 1];
    for spring in springs {
        offsets[spring.source + 1] += 1;
        offsets[spring.target + 1] += 1;
    }
    for i in 0..count {
        offsets[i + 1] += offsets[i];
    }
    let mut fill = offsets.clone();
    let mut neighbours = vec![0usize; offsets[count]];
    for spring in springs {
        neighbours[fill[spring.source]] = spring.target;
        fill[spring.source] += 1;
        neighbours[fill[spring.target]] = spring.source;
        fill[spring.target] += 1;
    }
    let around = |i: usize| &neighbours[offsets[i]..offsets[i + 1]];
    let direction = |i: usize| {
        let angle = i as f32 * GOLDEN_ANGLE;
        [angle.cos(), angle.sin()]
    };

    let mut queued = placed.clone();
    let mut wave: Vec<usize> = (0..count).filter(|&i| placed[i]).collect();
    while !wave.is_empty() {
        let mut next = Vec::new();
        for &i in &wave {
            for &j in around(i) {
                if !queued[j] {
                    queued[j] = true;
                    next.push(j);
                }
            }
        }
        for &i in &next {
            let (mut sum, mut found) = ([0.0f32; 2], 0.0f32);
            for &j in around(i) {
                if placed[j] {
                    sum = [sum[0] + positions[j][0], sum[1] + positions[j][1]];
                    found += 1.0;
                }
            }
            let step = direction(i).map(|c| c * length * 0.5);
            positions[i] = [sum[0] / found + step[0], sum[1] / found + step[1]];
        }
        for &i in &next {
            placed[i] = true;
        }
        wave = next;
    }

    for i in (0..count).filter(|&i| !placed[i]) {
        let radius = length * 0.35 * (0.5 + i as f32).sqrt();
        positions[i] = direction(i).map(|c| c * radius);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(count: usize) -> Vec<String> {
        (0..count).map(|i| format!("actor-{i}")).collect()
    }

    fn edge(source: usize, target: usize) -> LayoutEdge {
        LayoutEdge {
            source,
            target,
            weight: 1.0,
        }
    }

    /// A small preferential-attachment graph: each node links to two earlier ones, favouring hubs.
    fn hub_graph(count: usize) -> Vec<LayoutEdge> {
        let mut ends = vec![0usize, 1];
        let mut edges = vec![edge(0, 1)];
        let mut state = 0x9E37_79B9u64;
        for node in 2..count {
            for _ in 0..2.min(node) {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let other = ends[(state >> 33) as usize % ends.len()];
                edges.push(edge(node, other));
                ends.extend([node, other]);
            }
        }
        edges
    }

    fn settled_layout(count: usize, sizes: &[f32], edges: &[LayoutEdge]) -> ForceLayout {
        let mut layout = ForceLayout::new(LayoutConfig::default());
        layout.set_graph(&keys(count), sizes, edges);
        layout.run(10_000);
        assert!(layout.is_settled());
        layout
    }

    fn distance(a: [f32; 2], b: [f32; 2]) -> f32 {
        (a[0] - b[0]).hypot(a[1] - b[1])
    }

    fn all_finite(layout: &ForceLayout) -> bool {
        layout.positions().iter().flatten().all(|c| c.is_finite())
    }

    #[test]
    fn connected_nodes_end_closer_than_unconnected_ones() {
        let edges = hub_graph(40);
        let layout = settled_layout(40, &[5.0; 40], &edges);
        let p = layout.positions();
        let connected: Vec<(usize, usize)> = edges
            .iter()
            .map(|e| (e.source.min(e.target), e.source.max(e.target)))
            .collect();
        let (mut near, mut near_count, mut far, mut far_count) = (0.0, 0, 0.0, 0);
        for i in 0..40 {
            for j in i + 1..40 {
                if connected.contains(&(i, j)) {
                    near += distance(p[i], p[j]);
                    near_count += 1;
                } else {
                    far += distance(p[i], p[j]);
                    far_count += 1;
                }
            }
        }
        let (near, far) = (near / near_count as f32, far / far_count as f32);
        assert!(near * 1.5 < far, "connected {near}, unconnected {far}");
    }

    #[test]
    fn edges_end_near_their_ideal_length() {
        // A ring has no competing pulls, so its springs should end close to their rest length.
        let edges: Vec<LayoutEdge> = (0..12).map(|i| edge(i, (i + 1) % 12)).collect();
        let layout = settled_layout(12, &[10.0; 12], &edges);
        let rest = layout.config().ideal_edge_length + 20.0;
        for e in &edges {
            let d = distance(layout.positions()[e.source], layout.positions()[e.target]);
            assert!(
                (d - rest).abs() < rest * 0.5,
                "edge length {d}, rest length {rest}"
            );
        }
    }

    #[test]
    fn layout_settles_within_300_ticks_and_then_positions_stop_changing() {
        let mut layout = ForceLayout::new(LayoutConfig::default());
        layout.set_graph(&keys(200), &[4.0; 200], &hub_graph(200));
        let ticks = layout.run(10_000);
        assert!(ticks <= 300, "took {ticks} ticks");
        assert!(layout.is_settled());
        let before = layout.positions().to_vec();
        assert!(!layout.step());
        assert_eq!(layout.run(50), 0);
        assert_eq!(layout.positions(), &before[..]);
    }

    #[test]
    fn pinning_a_node_moves_its_neighbourhood_and_nothing_else() {
        // Two separate rings: pinning a node of one must not move the other at all.
        let mut edges: Vec<LayoutEdge> = (0..20).map(|i| edge(i, (i + 1) % 20)).collect();
        edges.extend((20..40).map(|i| edge(i, 20 + (i + 1 - 20) % 20)));
        let mut layout = settled_layout(40, &[5.0; 40], &edges);
        let before = layout.positions().to_vec();
        let spot = [before[3][0] + 200.0, before[3][1]];
        layout.pin(3, spot);
        layout.reheat_around(&[3]);
        layout.run(10_000);
        let after = layout.positions();
        assert!(
            (20..40).all(|i| after[i] == before[i]),
            "the other ring did not move"
        );
        assert!(
            (10..14).all(|i| after[i] == before[i]),
            "the far side of the ring stayed"
        );
        assert!(
            after[4] != before[4] && after[2] != before[2],
            "the neighbours followed"
        );
    }

    #[test]
    fn a_few_new_nodes_join_a_resting_map_without_moving_it() {
        let edges: Vec<LayoutEdge> = (0..40).map(|i| edge(i, (i + 1) % 40)).collect();
        let mut layout = settled_layout(40, &[5.0; 40], &edges);
        let before = layout.positions().to_vec();
        // Two new nodes hanging off node 0.
        let mut more = edges.clone();
        more.extend([edge(0, 40), edge(40, 41)]);
        layout.set_graph(&keys(42), &[5.0; 42], &more);
        layout.run(10_000);
        let after = layout.positions();
        let moved: Vec<usize> = (0..40).filter(|&i| after[i] != before[i]).collect();
        assert!(moved.is_empty(), "moved: {moved:?}");
        assert!(distance(after[40], after[0]) < 3.0 * layout.config().ideal_edge_length);
    }

    #[test]
    fn pinned_node_stays_exactly_where_pinned_and_neighbours_follow() {
        let mut layout = settled_layout(30, &[5.0; 30], &hub_graph(30));
        let spot = [1234.5, -678.25];
        let neighbour = hub_graph(30)
            .iter()
            .find(|e| e.source == 7)
            .map(|e| e.target)
            .unwrap();
        let before = distance(layout.positions()[neighbour], spot);
        layout.pin(7, spot);
        assert_eq!(layout.positions()[7], spot);
        layout.reheat();
        layout.run(10_000);
        assert!(layout.is_pinned(7));
        assert_eq!(layout.positions()[7], spot);
        assert!(distance(layout.positions()[neighbour], spot) < before);

        layout.unpin(7);
        assert!(!layout.is_pinned(7));
        layout.reheat();
        layout.run(10_000);
        assert_ne!(layout.positions()[7], spot);
    }

    #[test]
    fn set_graph_keeps_positions_of_surviving_keys() {
        let mut layout = settled_layout(20, &[5.0; 20], &hub_graph(20));
        let old_keys = keys(20);
        layout.pin(10, [50.0, 50.0]);
        let old = layout.positions().to_vec();
        // Reverse the order, drop some nodes and add some.
        let new_keys: Vec<String> = old_keys[5..]
            .iter()
            .rev()
            .cloned()
            .chain(["new-a".into(), "new-b".into()])
            .collect();
        let edges: Vec<LayoutEdge> = (0..new_keys.len() - 1).map(|i| edge(i, i + 1)).collect();
        layout.set_graph(&new_keys, &[5.0; 17], &edges);
        for (i, key) in new_keys.iter().enumerate().take(15) {
            let old_index = old_keys.iter().position(|k| k == key).unwrap();
            assert_eq!(layout.positions()[i], old[old_index], "{key} moved");
        }
        // actor-10 is now at index 9 and still pinned; nobody else is.
        assert!(layout.is_pinned(9));
        assert_eq!((0..17).filter(|&i| layout.is_pinned(i)).count(), 1);
        assert!(!layout.is_settled());
    }

    #[test]
    fn new_node_is_placed_near_its_placed_neighbour() {
        let mut layout = settled_layout(20, &[5.0; 20], &hub_graph(20));
        let anchor = layout.positions()[11];
        let mut with_new = keys(20);
        with_new.extend(["fresh".to_string(), "fresher".to_string()]);
        let mut edges = hub_graph(20);
        edges.extend([edge(20, 11), edge(21, 20)]);
        layout.set_graph(&with_new, &[5.0; 22], &edges);
        let length = layout.config().ideal_edge_length;
        assert!(distance(layout.positions()[20], anchor) <= length);
        assert!(distance(layout.positions()[21], anchor) <= 2.0 * length);
        // Few new nodes: a gentle reheat rather than a full restart.
        assert!(layout.alpha() < 0.5);
    }

    #[test]
    fn no_two_nodes_overlap_after_settling_on_a_small_graph() {
        let sizes: Vec<f32> = (0..20).map(|i| [4.0, 8.0, 15.0, 30.0][i % 4]).collect();
        let mut edges = hub_graph(20);
        edges.extend((1..20).map(|i| edge(0, i)));
        let layout = settled_layout(20, &sizes, &edges);
        let p = layout.positions();
        for i in 0..20 {
            for j in i + 1..20 {
                let d = distance(p[i], p[j]);
                assert!(d >= sizes[i] + sizes[j], "nodes {i} and {j} overlap: {d}");
            }
        }
    }

    #[test]
    fn disconnected_components_stay_near_each_other() {
        let mut edges = hub_graph(20);
        edges.extend(
            hub_graph(20)
                .iter()
                .map(|e| edge(e.source + 20, e.target + 20)),
        );
        let layout = settled_layout(42, &[5.0; 42], &edges);
        let (min, max) = layout.bounds().unwrap();
        let extent = (max[0] - min[0]).max(max[1] - min[1]);
        assert!(
            extent < 20.0 * layout.config().ideal_edge_length,
            "extent {extent}"
        );
    }

    #[test]
    fn same_input_gives_bit_identical_positions() {
        let run = || {
            let mut layout = ForceLayout::new(LayoutConfig::default());
            layout.set_graph(&keys(300), &[3.0; 300], &hub_graph(300));
            layout.run(10_000);
            layout
                .positions()
                .iter()
                .flatten()
                .map(|c| c.to_bits())
                .collect::<Vec<_>>()
        };
        assert_eq!(run(), run());
    }

    #[test]
    fn positions_are_the_same_on_one_thread_and_on_two() {
        // Big enough for the quadtree to share its walks out over threads.
        let run = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            pool.install(|| {
                let mut layout = ForceLayout::new(LayoutConfig::default());
                layout.set_graph(&keys(6000), &[3.0; 6000], &hub_graph(6000));
                layout.run(20);
                layout
                    .positions()
                    .iter()
                    .flatten()
                    .map(|c| c.to_bits())
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(run(1), run(2));
    }

    #[test]
    fn coincident_nodes_separate_without_nan() {
        let mut layout = ForceLayout::new(LayoutConfig::default());
        layout.set_graph(&keys(50), &[2.0; 50], &[edge(0, 1), edge(1, 2)]);
        for i in 0..50 {
            layout.pin(i, [10.0, 10.0]);
        }
        for i in 0..50 {
            layout.unpin(i);
        }
        layout.reheat();
        layout.run(10_000);
        assert!(all_finite(&layout));
        let p = layout.positions();
        for i in 0..50 {
            for j in i + 1..50 {
                assert!(
                    distance(p[i], p[j]) > 1.0,
                    "nodes {i} and {j} still together"
                );
            }
        }
    }

    #[test]
    fn degenerate_graphs_never_panic_or_produce_nan() {
        let mut layout = ForceLayout::new(LayoutConfig::default());
        assert!(!layout.step());
        assert_eq!(layout.run(10), 0);
        assert_eq!(layout.bounds(), None);
        assert_eq!(layout.node_count(), 0);
        layout.pin(3, [1.0, 1.0]);
        layout.unpin(3);
        assert!(!layout.is_pinned(3));
        layout.reheat();
        assert!(layout.is_settled());

        layout.set_graph(&keys(1), &[1.0], &[edge(0, 0)]);
        layout.run(1000);
        assert!(layout.is_settled());
        assert!(all_finite(&layout));

        let edges = [
            edge(0, 0),
            edge(0, 1),
            edge(0, 1),
            edge(1, 0),
            edge(2, 99),
            edge(usize::MAX, 1),
            LayoutEdge {
                source: 1,
                target: 2,
                weight: f32::NAN,
            },
            LayoutEdge {
                source: 1,
                target: 3,
                weight: f32::INFINITY,
            },
            LayoutEdge {
                source: 2,
                target: 3,
                weight: -1.0,
            },
            LayoutEdge {
                source: 3,
                target: 4,
                weight: 1e30,
            },
        ];
        let sizes = [f32::NAN, f32::INFINITY, -5.0, 1e30, 0.0];
        // Duplicate keys, and sizes shorter than keys.
        let mut names = keys(5);
        names.extend(["actor-1".to_string(), "actor-1".to_string()]);
        layout.set_graph(&names, &sizes, &edges);
        layout.run(10_000);
        assert!(layout.is_settled());
        assert!(all_finite(&layout));
        let (min, max) = layout.bounds().unwrap();
        assert!(min.iter().chain(&max).all(|c| c.is_finite()));
    }

    #[test]
    fn nonsense_settings_are_tamed() {
        let config = LayoutConfig {
            ideal_edge_length: f32::INFINITY,
            repulsion: f32::NAN,
            gravity: -3.0,
            collision_padding: f32::NEG_INFINITY,
            collision_strength: 7.0,
            velocity_decay: f32::NAN,
            alpha_decay: 0.0,
            alpha_min: 0.0,
            reheat_alpha: 2.0,
            theta: 50.0,
            settle_threshold: f32::NAN,
        };
        let mut layout = ForceLayout::new(config);
        layout.set_graph(&keys(100), &[1e7; 100], &hub_graph(100));
        let ticks = layout.run(1_000_000);
        assert!(layout.is_settled(), "did not settle in {ticks} ticks");
        assert!(all_finite(&layout));
    }

    #[test]
    fn unchanged_graph_settles_again_quickly_without_drifting() {
        let edges = hub_graph(60);
        let mut layout = settled_layout(60, &[5.0; 60], &edges);
        let before = layout.positions().to_vec();
        layout.set_graph(&keys(60), &[5.0; 60], &edges);
        let ticks = layout.run(10_000);
        let length = layout.config().ideal_edge_length;
        let drift = before
            .iter()
            .zip(layout.positions())
            .map(|(a, b)| distance(*a, *b))
            .fold(0.0, f32::max);
        assert!(ticks < 150, "took {ticks} ticks");
        assert!(drift < length, "drifted {drift}");
    }

    #[test]
    fn bounds_cover_every_node_disc() {
        let sizes: Vec<f32> = (0..10).map(|i| i as f32).collect();
        let layout = settled_layout(10, &sizes, &hub_graph(10));
        let (min, max) = layout.bounds().unwrap();
        for (p, r) in layout.positions().iter().zip(&sizes) {
            assert!(
                p[0] - r >= min[0]
                    && p[1] - r >= min[1]
                    && p[0] + r <= max[0]
                    && p[1] + r <= max[1]
            );
        }
    }
}
