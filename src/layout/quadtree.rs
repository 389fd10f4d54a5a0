//! Barnes–Hut quadtree over the layout's nodes, rebuilt every tick.
//!
//! It answers the two questions that would otherwise cost O(n²) per tick: the summed
//! inverse-distance push every node gets from all others (far groups of nodes stand in as one point
//! at their centre of mass), and which nodes overlap a given node's disc. Every node has the same
//! unit charge; scaling the push into a velocity change is the simulation's business.
//!
//! The tree lives in flat vectors that are cleared and refilled on each build, so once they have
//! grown to a graph's size a tick allocates nothing. Cells are stored in depth-first order and each
//! knows where its subtree ends (`skip`), so a walk is a loop over one array with no stack: descend
//! with `i + 1`, or jump over a whole subtree with `skip`.

/// Points a leaf holds before it is split. Summing a few points exactly is cheaper than more cells.
const LEAF_CAPACITY: usize = 8;

/// Graphs of at least this many nodes have their walks shared out over threads; below it the hand-over
/// costs more than it saves.
const PARALLEL_FROM: usize = 4096;
/// Bodies walked by one thread in a row (neighbours in tree order share cells in cache).
const PARALLEL_CHUNK: usize = 512;

/// Deepest split. Only points that are (nearly) coincident get this deep; they then share one leaf.
const MAX_DEPTH: u32 = 32;

/// One node of the graph as the tree sees it, kept next to the other points of its leaf.
#[derive(Clone, Copy, Debug)]
struct Body {
    x: f32,
    y: f32,
    radius: f32,
    /// Index of the node in the layout.
    node: u32,
}

/// A square-ish region of the plane and a summary of the bodies inside it.
#[derive(Clone, Copy, Debug)]
struct Cell {
    /// Centre of mass of the bodies below (every body weighs one).
    x: f32,
    y: f32,
    /// Number of bodies below, as the total charge.
    charge: f32,
    /// Squared distance from the centre of mass beyond which the cell may stand in for its bodies.
    far_squared: f32,
    /// Tight bounding box of the bodies below.
    min: [f32; 2],
    max: [f32; 2],
    /// Largest body radius below, so collision queries can skip cells that cannot reach them.
    max_radius: f32,
    /// Index of the first cell after this cell's subtree.
    skip: u32,
    /// For a leaf, its bodies are `bodies[first..first + count]`; an inner cell has `count == 0`.
    first: u32,
    count: u32,
}

impl Cell {
    /// Whether the point is further than `reach` from the bounding box on some axis.
    fn out_of_reach(&self, x: f32, y: f32, reach: f32) -> bool {
        x + reach < self.min[0]
            || x - reach > self.max[0]
            || y + reach < self.min[1]
            || y - reach > self.max[1]
    }
}

/// The tree and the bodies it sorted into leaves; `build` refills both, reusing their memory.
#[derive(Clone, Debug, Default)]
pub struct Quadtree {
    cells: Vec<Cell>,
    bodies: Vec<Body>,
}

impl Quadtree {
    /// Rebuild the tree over `positions` (with matching `radii`). `theta` is the Barnes–Hut
    /// accuracy: a cell of size `s` whose centre of mass lies `d` away stands in for its bodies
    /// when `d > s / theta + offset`, where `offset` is how far the centre of mass sits from the
    /// cell's middle (Barnes' refinement, which keeps lopsided cells honest). 0 means exact.
    pub fn build(&mut self, positions: &[[f32; 2]], radii: &[f32], theta: f32) {
        self.cells.clear();
        self.bodies.clear();
        self.bodies.extend(
            positions
                .iter()
                .zip(radii)
                .enumerate()
                .map(|(node, (p, &radius))| Body {
                    x: p[0],
                    y: p[1],
                    radius,
                    node: node as u32,
                }),
        );
        if self.bodies.is_empty() {
            return;
        }
        let inverse_theta = if theta > 0.0 {
            1.0 / theta
        } else {
            f32::INFINITY
        };
        self.build_cell(0, self.bodies.len(), 0, inverse_theta);
    }

    /// Append the cell over `bodies[start..end]` and, below it, its subtree.
    fn build_cell(&mut self, start: usize, end: usize, depth: u32, inverse_theta: f32) {
        let slot = self.cells.len();
        let mut min = [f32::INFINITY; 2];
        let mut max = [f32::NEG_INFINITY; 2];
        let (mut sum_x, mut sum_y, mut max_radius) = (0.0f32, 0.0f32, 0.0f32);
        for body in &self.bodies[start..end] {
            min = [min[0].min(body.x), min[1].min(body.y)];
            max = [max[0].max(body.x), max[1].max(body.y)];
            sum_x += body.x;
            sum_y += body.y;
            max_radius = max_radius.max(body.radius);
        }
        let count = end - start;
        let charge = count as f32;
        let (x, y) = (sum_x / charge, sum_y / charge);
        let middle = [(min[0] + max[0]) * 0.5, (min[1] + max[1]) * 0.5];
        let size = (max[0] - min[0]).max(max[1] - min[1]);
        let offset = ((x - middle[0]).powi(2) + (y - middle[1]).powi(2)).sqrt();
        // With theta 0 every cell is opened (0 * inf would be NaN, hence the explicit case).
        let far = if inverse_theta.is_finite() {
            size * inverse_theta + offset
        } else {
            f32::INFINITY
        };
        let leaf = count <= LEAF_CAPACITY || depth >= MAX_DEPTH || size <= 0.0;
        self.cells.push(Cell {
            x,
            y,
            charge,
            far_squared: far * far,
            min,
            max,
            max_radius,
            skip: 0,
            first: start as u32,
            count: if leaf { count as u32 } else { 0 },
        });
        if !leaf {
            // Split at the middle of the tight box: first by x, then each half by y. The partition
            // is in place and deterministic, and it leaves every leaf's bodies side by side in
            // memory.
            let bodies = &mut self.bodies;
            let split_x = start + partition(&mut bodies[start..end], |b| b.x < middle[0]);
            let split_low = start + partition(&mut bodies[start..split_x], |b| b.y < middle[1]);
            let split_high = split_x + partition(&mut bodies[split_x..end], |b| b.y < middle[1]);
            for (from, to) in [
                (start, split_low),
                (split_low, split_x),
                (split_x, split_high),
                (split_high, end),
            ] {
                if from < to {
                    self.build_cell(from, to, depth + 1, inverse_theta);
                }
            }
        }
        self.cells[slot].skip = self.cells.len() as u32;
    }

    /// One walk over the tree for every node, adding two things.
    ///
    /// To `repulsion[node]`: the sum over all other nodes of `(p_node - p_other) / d²`, with `d`
    /// held at least `min_distance` (which must be positive) so close pairs stay finite.
    ///
    /// To `collision[node]`: the displacement that would end each overlap of `node` with another
    /// node, times `strength`. Two nodes overlap when their centres are closer than the sum of
    /// their radii plus `padding`. Each of a pair takes the share of the correction that the
    /// other's area has of both, so a small node yields to a big one.
    ///
    /// Both are found in one walk because the cells a node must open to find its overlaps are near
    /// it, and near cells are opened for repulsion anyway. Coincident nodes are pushed apart in a
    /// direction derived from their indices, so they separate the same way every run.
    pub fn add_forces(
        &self,
        min_distance: f32,
        padding: f32,
        strength: f32,
        repulsion: &mut [[f32; 2]],
        collision: &mut [[f32; 2]],
    ) {
        // Coincident nodes are set this far apart, so it must not be 0.
        let min_distance = min_distance.max(1e-6);
        let walk = |me: &Body| self.walk(me, min_distance, padding, strength);
        let mut add = |me: &Body, [fx, fy, cx, cy]: [f32; 4]| {
            let node = me.node as usize;
            repulsion[node][0] += fx;
            repulsion[node][1] += fy;
            collision[node][0] += cx;
            collision[node][1] += cy;
        };
        // Every body's walk is independent of the others', so big graphs share them out over rayon's
        // threads; the sums are the same to the bit whatever the number of threads.
        if self.bodies.len() >= PARALLEL_FROM && rayon::current_num_threads() > 1 {
            use rayon::prelude::*;
            let forces: Vec<[f32; 4]> = self
                .bodies
                .par_iter()
                .with_min_len(PARALLEL_CHUNK)
                .map(walk)
                .collect();
            for (me, f) in self.bodies.iter().zip(forces) {
                add(me, f);
            }
        } else {
            // Bodies are visited in tree order, so consecutive walks touch the same cells.
            for me in &self.bodies {
                add(me, walk(me));
            }
        }
    }

    /// One body's walk: its repulsion (x, y) and collision correction (x, y).
    fn walk(&self, me: &Body, min_distance: f32, padding: f32, strength: f32) -> [f32; 4] {
        let min_squared = min_distance * min_distance;
        let end = self.cells.len();
        let reach = me.radius + padding;
        let (mut fx, mut fy) = (0.0f32, 0.0f32);
        let (mut cx, mut cy) = (0.0f32, 0.0f32);
        let mut i = 0;
        while i < end {
            let cell = &self.cells[i];
            let (dx, dy) = (me.x - cell.x, me.y - cell.y);
            let d_squared = dx * dx + dy * dy;
            // A cell stands in for its bodies only if it is far enough and none of them can
            // touch this node; the second test also means a node never stands in for itself.
            if d_squared > cell.far_squared
                && cell.out_of_reach(me.x, me.y, reach + cell.max_radius)
            {
                let scale = cell.charge / d_squared.max(min_squared);
                fx += dx * scale;
                fy += dy * scale;
                i = cell.skip as usize;
                continue;
            }
            if cell.count == 0 {
                i += 1;
                continue;
            }
            for other in self.leaf_bodies(cell) {
                if other.node == me.node {
                    continue;
                }
                let (mut dx, mut dy) = (me.x - other.x, me.y - other.y);
                let mut d_squared = dx * dx + dy * dy;
                if d_squared == 0.0 {
                    [dx, dy] = separation(me.node, other.node).map(|c| c * min_distance);
                    d_squared = min_squared;
                }
                let scale = 1.0 / d_squared.max(min_squared);
                fx += dx * scale;
                fy += dy * scale;
                let needed = reach + other.radius;
                if d_squared < needed * needed {
                    let d = d_squared.sqrt();
                    let (mine, theirs) = (me.radius * me.radius, other.radius * other.radius);
                    let share = if mine + theirs > 0.0 {
                        theirs / (mine + theirs)
                    } else {
                        0.5
                    };
                    // Along the unit vector (dx, dy) / d.
                    let push = (needed - d) * strength * share / d;
                    cx += dx * push;
                    cy += dy * push;
                }
            }
            i = cell.skip as usize;
        }
        [fx, fy, cx, cy]
    }

    fn leaf_bodies(&self, cell: &Cell) -> &[Body] {
        let first = cell.first as usize;
        &self.bodies[first..first + cell.count as usize]
    }
}

/// Move the items for which `goes_first` holds to the front of `items`; returns how many there are.
fn partition(items: &mut [Body], goes_first: impl Fn(&Body) -> bool) -> usize {
    let mut front = 0;
    for i in 0..items.len() {
        if goes_first(&items[i]) {
            items.swap(front, i);
            front += 1;
        }
    }
    front
}

/// Unit vector pointing from node `b` to node `a` for two nodes that sit on the same spot. It is
/// the exact opposite of `separation(b, a)`, so the pair is pushed apart symmetrically, and it
/// depends only on the two indices, so the layout stays deterministic.
pub fn separation(a: u32, b: u32) -> [f32; 2] {
    let (low, high, sign) = if a < b { (a, b, 1.0) } else { (b, a, -1.0) };
    let mut h = (u64::from(low) << 32 | u64::from(high)).wrapping_add(0x9E37_79B9_7F4A_7C15);
    h = (h ^ (h >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    h ^= h >> 31;
    let angle = (h >> 40) as f32 * (std::f32::consts::TAU / (1u64 << 24) as f32);
    [angle.cos() * sign, angle.sin() * sign]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Deterministic points scattered over a square, some clustered, for comparing against brute
    /// force.
    fn scattered_points(count: usize) -> Vec<[f32; 2]> {
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 40) as f32 / (1u64 << 24) as f32
        };
        (0..count)
            .map(|i| {
                if i % 3 == 0 {
                    [200.0 + 20.0 * next(), 300.0 + 20.0 * next()]
                } else {
                    [1000.0 * next(), 1000.0 * next()]
                }
            })
            .collect()
    }

    fn exact_repulsion(points: &[[f32; 2]], min_distance: f32) -> Vec<[f64; 2]> {
        let min_squared = f64::from(min_distance).powi(2);
        points
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let mut f = [0.0f64; 2];
                for (j, q) in points.iter().enumerate() {
                    if i != j {
                        let (dx, dy) = (f64::from(p[0] - q[0]), f64::from(p[1] - q[1]));
                        let d_squared = (dx * dx + dy * dy).max(min_squared);
                        f[0] += dx / d_squared;
                        f[1] += dy / d_squared;
                    }
                }
                f
            })
            .collect()
    }

    fn repulsion(points: &[[f32; 2]], theta: f32, min_distance: f32) -> Vec<[f32; 2]> {
        let mut tree = Quadtree::default();
        tree.build(points, &vec![0.0; points.len()], theta);
        let mut out = vec![[0.0; 2]; points.len()];
        let mut collisions = vec![[0.0; 2]; points.len()];
        tree.add_forces(min_distance, 0.0, 1.0, &mut out, &mut collisions);
        out
    }

    #[test]
    fn barnes_hut_repulsion_is_within_a_few_percent_of_brute_force_at_theta_one_half() {
        let points = scattered_points(3000);
        let exact = exact_repulsion(&points, 1.0);
        let approximate = repulsion(&points, 0.5, 1.0);
        let (mut error, mut total) = (0.0f64, 0.0f64);
        let mut relative_errors = Vec::new();
        for (e, a) in exact.iter().zip(&approximate) {
            let err = (e[0] - f64::from(a[0])).powi(2) + (e[1] - f64::from(a[1])).powi(2);
            let size = e[0] * e[0] + e[1] * e[1];
            error += err;
            total += size;
            relative_errors.push((err / size).sqrt());
        }
        relative_errors.sort_by(f64::total_cmp);
        let overall = (error / total).sqrt();
        let p95 = relative_errors[relative_errors.len() * 95 / 100];
        assert!(overall < 0.01, "overall relative error {overall}");
        assert!(p95 < 0.03, "95th percentile relative error {p95}");
    }

    #[test]
    fn theta_zero_matches_brute_force_exactly_up_to_rounding() {
        let points = scattered_points(500);
        let exact = exact_repulsion(&points, 1.0);
        for (e, a) in exact.iter().zip(repulsion(&points, 0.0, 1.0)) {
            let size = (e[0] * e[0] + e[1] * e[1]).sqrt();
            let err = ((e[0] - f64::from(a[0])).powi(2) + (e[1] - f64::from(a[1])).powi(2)).sqrt();
            assert!(err <= 1e-4 * size + 1e-6, "error {err} against {size}");
        }
    }

    #[test]
    fn coincident_points_get_finite_opposite_pushes() {
        let points = vec![[5.0, 5.0]; 40];
        let forces = repulsion(&points, 0.9, 1.0);
        assert!(forces.iter().flatten().all(|c| c.is_finite()));
        assert!(forces.iter().any(|f| f[0] != 0.0 || f[1] != 0.0));
        let sum = forces
            .iter()
            .fold([0.0f32; 2], |s, f| [s[0] + f[0], s[1] + f[1]]);
        assert!(
            sum[0].abs() < 1e-3 && sum[1].abs() < 1e-3,
            "net push {sum:?}"
        );
    }

    #[test]
    fn separation_of_a_pair_is_opposite_and_unit_length() {
        for (a, b) in [(0, 1), (7, 3), (100, 100_000)] {
            let (ab, ba) = (separation(a, b), separation(b, a));
            assert_eq!(ab, [-ba[0], -ba[1]]);
            assert!((ab[0].hypot(ab[1]) - 1.0).abs() < 1e-5);
        }
    }

    #[test]
    fn collisions_push_exactly_the_overlapping_pairs_apart() {
        let points = scattered_points(400);
        let radii: Vec<f32> = (0..points.len()).map(|i| (i % 5) as f32 * 3.0).collect();
        let mut tree = Quadtree::default();
        tree.build(&points, &radii, 0.9);
        let mut pushes = vec![[0.0f32; 2]; points.len()];
        let mut repulsion = vec![[0.0f32; 2]; points.len()];
        tree.add_forces(1.0, 1.0, 1.0, &mut repulsion, &mut pushes);
        for (i, p) in points.iter().enumerate() {
            let overlaps = points.iter().enumerate().any(|(j, q)| {
                i != j && (p[0] - q[0]).hypot(p[1] - q[1]) < radii[i] + radii[j] + 1.0
            });
            let pushed = pushes[i] != [0.0, 0.0];
            // A node overlapping only nodes of radius 0 is not pushed (they yield entirely), unless
            // it has radius 0 itself.
            let yields = points.iter().enumerate().any(|(j, q)| {
                i != j
                    && (radii[j] > 0.0 || radii[i] == 0.0)
                    && (p[0] - q[0]).hypot(p[1] - q[1]) < radii[i] + radii[j] + 1.0
            });
            assert!(!pushed || overlaps, "node {i} pushed without overlap");
            assert!(!yields || pushed, "node {i} overlaps but was not pushed");
        }
    }

    #[test]
    fn empty_tree_adds_nothing() {
        let mut tree = Quadtree::default();
        tree.build(&[], &[], 0.9);
        tree.add_forces(1.0, 1.0, 1.0, &mut [], &mut []);
    }

    #[test]
    fn rebuilding_on_the_same_points_reuses_its_buffers() {
        let points = scattered_points(2000);
        let radii = vec![1.0; points.len()];
        let mut tree = Quadtree::default();
        tree.build(&points, &radii, 0.9);
        let capacity = (tree.cells.capacity(), tree.bodies.capacity());
        let cells_pointer = tree.cells.as_ptr();
        tree.build(&points, &radii, 0.9);
        assert_eq!((tree.cells.capacity(), tree.bodies.capacity()), capacity);
        assert_eq!(tree.cells.as_ptr(), cells_pointer);
    }
}
