//! Where node labels go so they never pile on each other or cover other nodes: greedy placement, biggest
//! nodes first, each label trying a few spots around its node and skipped only when every spot collides.
//! Labels the user is looking at (hovered, selected) are always placed.
//!
//! Pure geometry in points, for the screen and the exported drawing alike; a uniform grid keeps the collision checks local, so a frame's placement
//! stays linear in the number of labels. Not for: measuring or drawing text (the app's map view, `scene`).

use std::collections::HashMap;

use super::point::{Point as Pos2, Point as Vec2, Rect, pos2, vec2};

/// One label to place.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelRequest {
    /// Centre of the node the label belongs to.
    pub anchor: Pos2,
    /// The node's radius on screen.
    pub radius: f32,
    /// Size of the label box (text plus halo).
    pub size: Vec2,
    /// Higher is placed first.
    pub priority: f32,
    /// Placed even when every spot collides (hovered or selected nodes).
    pub always: bool,
}

/// A node disc that labels should not cover (every node on screen, labelled or not).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Obstacle {
    pub centre: Pos2,
    pub radius: f32,
    /// A label covers a node only when no free spot is left and the node matters less than the label's own.
    pub priority: f32,
}

/// Gap between a node's rim and its label.
const GAP: f32 = 3.0;
const CELL: f32 = 48.0;

/// The box of each label, or `None` where it was left out. `obstacles[i]` is the disc of `requests[i]`'s own
/// node when `i < requests.len()`; every further obstacle is a node without a label. Labels must lie wholly
/// inside `visible` and clear of the `blocked` boxes (the legend, controls).
/// `obstacles[i]` must be the node of `requests[i]` for every request (more obstacles may follow).
pub fn place_labels(
    requests: &[LabelRequest],
    obstacles: &[Obstacle],
    visible: Rect,
    blocked: &[Rect],
) -> Vec<Option<Rect>> {
    let mut order: Vec<usize> = (0..requests.len()).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (&requests[a], &requests[b]);
        rb.always
            .cmp(&ra.always)
            .then(rb.priority.total_cmp(&ra.priority))
            .then(a.cmp(&b))
    });

    let mut discs = Grid::default();
    for (i, o) in obstacles.iter().enumerate() {
        discs.insert(
            i,
            Rect::from_center_size(o.centre, Vec2::splat(2.0 * o.radius)),
        );
    }
    let mut placed_grid = Grid::default();
    let mut placed: Vec<Option<Rect>> = vec![None; requests.len()];

    for i in order {
        let r = &requests[i];
        let fits = |rect: Rect, cover_lesser_nodes: bool| {
            visible.contains_rect(rect)
                && !blocked.iter().any(|b| b.intersects(rect))
                && !placed_grid
                    .query(rect)
                    .any(|j| placed[j].is_some_and(|p| p.intersects(rect)))
                && !discs.query(rect).any(|j| {
                    j != i
                        && disc_hits_rect(obstacles[j], rect)
                        && !(cover_lesser_nodes && obstacles[j].priority < r.priority)
                })
        };
        // A spot that covers nothing; else, in a crowd, one that covers only less important nodes.
        let mut chosen = candidates(r)
            .find(|rect| fits(*rect, false))
            .or_else(|| candidates(r).find(|rect| fits(*rect, true)));
        if chosen.is_none() && r.always {
            chosen = candidates(r).find(|rect| visible.intersects(*rect));
        }
        if let Some(rect) = chosen {
            placed[i] = Some(rect);
            placed_grid.insert(i, rect);
        }
    }
    placed
}

/// The obstacles for placing the labels of `candidates` (node indices): each candidate's own disc first,
/// at its index, as `place_labels` expects, then the disc of every other node in `nodes`.
pub fn obstacles(
    candidates: &[usize],
    nodes: impl IntoIterator<Item = usize>,
    count: usize,
    disc: impl Fn(usize) -> Obstacle,
) -> Vec<Obstacle> {
    let mut is_candidate = vec![false; count];
    for &i in candidates {
        if let Some(c) = is_candidate.get_mut(i) {
            *c = true;
        }
    }
    candidates
        .iter()
        .copied()
        .chain(
            nodes
                .into_iter()
                .filter(|&i| !is_candidate.get(i).copied().unwrap_or(false)),
        )
        .map(disc)
        .collect()
}

/// Spots around a node, best first: below, right, left, above, then the same below and above slid sideways,
/// then the four diagonals.
fn candidates(r: &LabelRequest) -> impl Iterator<Item = Rect> + '_ {
    let (w, h) = (r.size.x, r.size.y);
    let d = r.radius + GAP;
    // Diagonal spots sit at 45° on the rim.
    let k = d * std::f32::consts::FRAC_1_SQRT_2;
    let c = r.anchor;
    [
        pos2(c.x - w / 2.0, c.y + d),
        pos2(c.x + d, c.y - h / 2.0),
        pos2(c.x - d - w, c.y - h / 2.0),
        pos2(c.x - w / 2.0, c.y - d - h),
        pos2(c.x - r.radius, c.y + d),
        pos2(c.x + r.radius - w, c.y + d),
        pos2(c.x - r.radius, c.y - d - h),
        pos2(c.x + r.radius - w, c.y - d - h),
        pos2(c.x + k, c.y + k),
        pos2(c.x + k, c.y - k - h),
        pos2(c.x - k - w, c.y + k),
        pos2(c.x - k - w, c.y - k - h),
    ]
    .into_iter()
    .map(move |min| Rect::from_min_size(min, vec2(w, h)))
}

fn disc_hits_rect(disc: Obstacle, rect: Rect) -> bool {
    let nearest = disc.centre.clamp(rect.min, rect.max);
    (nearest - disc.centre).length_sq() < disc.radius * disc.radius
}

/// Items bucketed by the grid cells their boxes touch.
#[derive(Default)]
struct Grid {
    cells: HashMap<(i32, i32), Vec<usize>>,
}

impl Grid {
    fn cell_range(rect: Rect) -> impl Iterator<Item = (i32, i32)> {
        let x0 = (rect.min.x / CELL).floor() as i32;
        let x1 = (rect.max.x / CELL).floor() as i32;
        let y0 = (rect.min.y / CELL).floor() as i32;
        let y1 = (rect.max.y / CELL).floor() as i32;
        (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
    }

    fn insert(&mut self, item: usize, rect: Rect) {
        // Huge boxes (a node zoomed far in) would touch thousands of cells; they are few, so clamp.
        for cell in Self::cell_range(clamp_rect(rect)) {
            self.cells.entry(cell).or_default().push(item);
        }
    }

    fn query(&self, rect: Rect) -> impl Iterator<Item = usize> + '_ {
        Self::cell_range(clamp_rect(rect))
            .flat_map(|cell| self.cells.get(&cell).into_iter().flatten().copied())
    }
}

fn clamp_rect(rect: Rect) -> Rect {
    const LIMIT: f32 = 1.0e5;
    Rect::from_min_max(
        rect.min.clamp(pos2(-LIMIT, -LIMIT), pos2(LIMIT, LIMIT)),
        rect.max.clamp(pos2(-LIMIT, -LIMIT), pos2(LIMIT, LIMIT)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn screen() -> Rect {
        Rect::from_min_size(Pos2::ZERO, vec2(1000.0, 800.0))
    }

    fn req(x: f32, y: f32, priority: f32) -> LabelRequest {
        LabelRequest {
            anchor: pos2(x, y),
            radius: 10.0,
            size: vec2(80.0, 16.0),
            priority,
            always: false,
        }
    }

    fn discs(reqs: &[LabelRequest]) -> Vec<Obstacle> {
        reqs.iter()
            .map(|r| Obstacle {
                centre: r.anchor,
                radius: r.radius,
                priority: r.priority,
            })
            .collect()
    }

    fn no_two_overlap(rects: &[Option<Rect>]) -> bool {
        let placed: Vec<Rect> = rects.iter().flatten().copied().collect();
        placed
            .iter()
            .enumerate()
            .all(|(i, a)| placed[i + 1..].iter().all(|b| !a.intersects(*b)))
    }

    #[test]
    fn a_lone_label_goes_below_its_node() {
        let reqs = [req(500.0, 400.0, 1.0)];
        let out = place_labels(&reqs, &discs(&reqs), screen(), &[]);
        let r = out[0].unwrap();
        assert!(r.min.y >= 410.0 && (r.center().x - 500.0).abs() < 1e-3);
    }

    #[test]
    fn crowded_labels_move_aside_instead_of_overlapping() {
        // Two nodes side by side, close enough that both "below" spots collide.
        let reqs = [req(500.0, 400.0, 2.0), req(540.0, 400.0, 1.0)];
        let out = place_labels(&reqs, &discs(&reqs), screen(), &[]);
        assert!(out.iter().all(Option::is_some));
        assert!(no_two_overlap(&out));
    }

    #[test]
    fn labels_never_overlap_in_a_dense_cluster_and_big_nodes_win() {
        let mut reqs = Vec::new();
        for i in 0..60 {
            reqs.push(req(
                400.0 + (i % 8) as f32 * 22.0,
                300.0 + (i / 8) as f32 * 18.0,
                i as f32,
            ));
        }
        let out = place_labels(&reqs, &discs(&reqs), screen(), &[]);
        assert!(no_two_overlap(&out));
        assert!(out[59].is_some(), "the highest priority label is placed");
        assert!(
            out.iter().any(Option::is_none),
            "some labels had to be skipped"
        );
    }

    #[test]
    fn labels_do_not_cover_other_nodes() {
        let reqs = [req(500.0, 400.0, 1.0)];
        // A bare node right below the labelled one.
        let mut obstacles = discs(&reqs);
        obstacles.push(Obstacle {
            centre: pos2(500.0, 425.0),
            radius: 8.0,
            priority: 0.0,
        });
        let r = place_labels(&reqs, &obstacles, screen(), &[])[0].unwrap();
        assert!(!disc_hits_rect(obstacles[1], r));
    }

    #[test]
    fn in_a_crowd_an_important_label_may_cover_lesser_nodes_but_never_more_important_ones() {
        let mut reqs = vec![req(500.0, 400.0, 10.0)];
        reqs[0].size = vec2(60.0, 16.0);
        // Small unlabelled nodes all around: every spot covers one of them.
        let mut obstacles = discs(&reqs);
        for dx in (-6..=6).map(|k| k as f32 * 15.0) {
            for dy in (-4..=4).map(|k| k as f32 * 10.0) {
                if dx != 0.0 || dy != 0.0 {
                    obstacles.push(Obstacle {
                        centre: pos2(500.0 + dx, 400.0 + dy),
                        radius: 4.0,
                        priority: 1.0,
                    });
                }
            }
        }
        assert!(place_labels(&reqs, &obstacles, screen(), &[])[0].is_some());
        for o in &mut obstacles[1..] {
            o.priority = 20.0;
        }
        assert!(place_labels(&reqs, &obstacles, screen(), &[])[0].is_none());
    }

    #[test]
    fn hovered_labels_are_always_shown() {
        let mut reqs = vec![req(500.0, 400.0, 10.0)];
        let mut hovered = req(501.0, 400.0, 0.0);
        hovered.always = true;
        reqs.push(hovered);
        let out = place_labels(&reqs, &discs(&reqs), screen(), &[]);
        assert!(out[1].is_some());
    }

    #[test]
    fn labels_stay_inside_the_screen_and_clear_of_blocked_boxes() {
        // A node at the right edge: its label goes to the left rather than off screen.
        let reqs = [req(995.0, 400.0, 1.0)];
        let r = place_labels(&reqs, &discs(&reqs), screen(), &[])[0].unwrap();
        assert!(screen().contains_rect(r));
        // With the spot below blocked (a legend, say), it goes elsewhere.
        let reqs = [req(500.0, 400.0, 1.0)];
        let legend = Rect::from_min_max(pos2(0.0, 405.0), pos2(1000.0, 800.0));
        let r = place_labels(&reqs, &discs(&reqs), screen(), &[legend])[0].unwrap();
        assert!(!r.intersects(legend));
    }

    #[test]
    fn labels_off_screen_are_left_out() {
        let reqs = [req(-500.0, -500.0, 1.0)];
        assert_eq!(
            place_labels(&reqs, &discs(&reqs), screen(), &[]),
            vec![None]
        );
    }
}
