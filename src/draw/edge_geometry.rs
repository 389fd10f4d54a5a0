//! The shape of an edge: a quadratic Bézier from rim to rim, bent to its lane so parallel edges
//! fan apart, an arrowhead touching the target's rim, and the hit test along the curve.
//!
//! Pure geometry in points: no painting. The app's map view and the exported drawing (`scene`) both
//! draw what this computes, so an edge looks the same on screen and on paper.

use super::point::{Point as Pos2, Point as Vec2, vec2};
use super::style::{NodeShape, edge_width, node_contains, rim_distance};
use crate::graph::MapEdge;

/// A quadratic Bézier curve.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Curve {
    pub from: Pos2,
    pub control: Pos2,
    pub to: Pos2,
}

impl Curve {
    pub fn point(&self, t: f32) -> Pos2 {
        let u = 1.0 - t;
        (self.from.to_vec2() * (u * u)
            + self.control.to_vec2() * (2.0 * u * t)
            + self.to.to_vec2() * (t * t))
            .to_pos2()
    }

    /// The derivative at `t` (not normalised).
    pub fn tangent(&self, t: f32) -> Vec2 {
        (self.control - self.from) * (2.0 * (1.0 - t)) + (self.to - self.control) * (2.0 * t)
    }

    /// The part of the curve between parameters `t0` and `t1`, itself a quadratic Bézier.
    pub fn section(&self, t0: f32, t1: f32) -> Curve {
        let from = self.point(t0);
        let to = self.point(t1);
        // The control point of a section is where the end tangents meet: from + tangent(t0) * (t1 - t0) / 2.
        let control = from + self.tangent(t0) * ((t1 - t0) / 2.0);
        Curve { from, control, to }
    }

    /// `segments + 1` points along the curve.
    pub fn flatten(&self, segments: usize) -> Vec<Pos2> {
        let n = segments.max(1);
        (0..=n).map(|i| self.point(i as f32 / n as f32)).collect()
    }

    /// Shortest distance from `p` to the curve (measured on a 24-segment polyline).
    pub fn distance_to(&self, p: Pos2) -> f32 {
        self.flatten(24)
            .windows(2)
            .map(|w| distance_to_segment(p, w[0], w[1]))
            .fold(f32::INFINITY, f32::min)
    }

    /// Whether the curve is a straight line (control point on the chord).
    pub fn is_straight(&self) -> bool {
        let chord = self.to - self.from;
        let off = self.control - self.from;
        (chord.x * off.y - chord.y * off.x).abs() <= 1e-3 * chord.length().max(1.0)
    }
}

/// Distance from `p` to the segment `a..b`.
pub fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let len2 = ab.length_sq();
    if len2 <= f32::EPSILON {
        return (p - a).length();
    }
    let t = ((p - a).dot(ab) / len2).clamp(0.0, 1.0);
    (p - (a + ab * t)).length()
}

/// An arrowhead's size in screen points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ArrowSize {
    pub length: f32,
    pub width: f32,
}

/// An edge ready to draw: the visible curve (rim to arrow base, or rim to rim) and the arrowhead.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeShape {
    /// The stroke to draw.
    pub curve: Curve,
    /// The curve from rim to rim, arrowhead included: what the hit test and labels use.
    pub rim_to_rim: Curve,
    /// Tip, left base corner, right base corner.
    pub arrow: Option<[Pos2; 3]>,
}

impl EdgeShape {
    pub fn distance_to(&self, p: Pos2) -> f32 {
        self.rim_to_rim.distance_to(p)
    }

    /// The distance from `p` when it is at most `tolerance`, else `None`. A curve lies within the box of
    /// its three points, so a point far from that box is answered without following the curve.
    pub fn distance_within(&self, p: Pos2, tolerance: f32) -> Option<f32> {
        let c = &self.rim_to_rim;
        let (xs, ys) = (
            [c.from.x, c.control.x, c.to.x],
            [c.from.y, c.control.y, c.to.y],
        );
        let min = |v: [f32; 3]| v[0].min(v[1]).min(v[2]) - tolerance;
        let max = |v: [f32; 3]| v[0].max(v[1]).max(v[2]) + tolerance;
        if p.x < min(xs) || p.x > max(xs) || p.y < min(ys) || p.y > max(ys) {
            return None;
        }
        Some(self.distance_to(p)).filter(|d| *d <= tolerance)
    }

    /// The middle of the edge, e.g. for a tooltip.
    pub fn middle(&self) -> Pos2 {
        self.rim_to_rim.point(0.5)
    }
}

/// How far the apex of a curve with `lane` stands off the straight line between its nodes, in screen points.
/// The sign follows `MapEdge::lane`: positive bends to the left of the direction from the lower-numbered
/// node to the higher-numbered one; `bend_from_lane` turns that into a bend for the edge's own direction.
pub fn bend_from_lane(lane: f32, spacing: f32, source: usize, target: usize) -> f32 {
    let bend = lane * spacing;
    if source <= target { bend } else { -bend }
}

/// The curve from centre `a` to centre `b` whose middle stands `bend` points to the left of the direction
/// `a -> b` (left as seen on screen, y pointing down).
pub fn centre_curve(a: Pos2, b: Pos2, bend: f32) -> Curve {
    let d = b - a;
    let len = d.length();
    let normal = if len > f32::EPSILON {
        vec2(d.y, -d.x) / len
    } else {
        Vec2::ZERO
    };
    // A quadratic Bézier's middle lies halfway between the chord's middle and the control point.
    let control = a + d / 2.0 + normal * (2.0 * bend);
    Curve {
        from: a,
        control,
        to: b,
    }
}

/// The edge from a node at `a` to one at `b`, bent by `bend`, with an arrowhead at `b` when `arrow` is
/// given. `inside_a` and `inside_b` say whether a point lies inside each node's outline, so the edge runs
/// from rim to rim whatever the nodes' shapes. `None` when the nodes overlap so there is nothing to draw.
pub fn edge_shape(
    a: Pos2,
    b: Pos2,
    bend: f32,
    inside_a: impl Fn(Pos2) -> bool,
    inside_b: impl Fn(Pos2) -> bool,
    arrow: Option<ArrowSize>,
) -> Option<EdgeShape> {
    let full = centre_curve(a, b, bend);
    let t0 = leave(&full, &inside_a, true)?;
    let t1 = leave(&full, &inside_b, false)?;
    finish(&full, t0, t1, arrow)
}

/// The edge along `full` from parameter `t0` (the first node's rim) to `t1` (the second's), with its
/// arrowhead.
fn finish(full: &Curve, t0: f32, t1: f32, arrow: Option<ArrowSize>) -> Option<EdgeShape> {
    if t1 <= t0 {
        return None;
    }
    let rim_to_rim = full.section(t0, t1);
    let Some(size) = arrow else {
        return Some(EdgeShape {
            curve: rim_to_rim,
            rim_to_rim,
            arrow: None,
        });
    };
    let tip = rim_to_rim.to;
    let dir = rim_to_rim.tangent(1.0).normalized();
    if !dir.x.is_finite() || !dir.y.is_finite() {
        return Some(EdgeShape {
            curve: rim_to_rim,
            rim_to_rim,
            arrow: None,
        });
    }
    // An arrowhead never takes more than half of a short edge.
    let span = (tip - rim_to_rim.from).length();
    let length = size.length.min(span * 0.5);
    let width = size.width * length / size.length.max(f32::EPSILON);
    let base = tip - dir * length;
    let side = vec2(-dir.y, dir.x) * (width / 2.0);
    // The stroke stops inside the arrowhead so its end does not poke out around the tip.
    let stroke_end = if rim_to_rim.is_straight() && span > f32::EPSILON {
        1.0 - length * 0.7 / span
    } else {
        let near_tip = |p: Pos2| (p - tip).length() < length * 0.7;
        leave(&rim_to_rim, &near_tip, false).unwrap_or(1.0)
    };
    Some(EdgeShape {
        curve: rim_to_rim.section(0.0, stroke_end),
        rim_to_rim,
        arrow: Some([tip, base + side, base - side]),
    })
}

/// A straight edge between two nodes: where it leaves each outline is worked out, not searched for.
fn straight_edge_shape(source: End, target: End, arrow: Option<ArrowSize>) -> Option<EdgeShape> {
    let d = target.centre - source.centre;
    let len = d.length();
    if len <= f32::EPSILON {
        return None;
    }
    let u = d / len;
    let t0 = rim_distance(source.shape, source.radius + 1.0, u) / len;
    let t1 = 1.0 - rim_distance(target.shape, target.radius + 1.5, u) / len;
    // As `leave`: nothing to draw when the middle of the line is inside either node.
    if t0 >= 0.5 || t1 <= 0.5 {
        return None;
    }
    finish(
        &centre_curve(source.centre, target.centre, 0.0),
        t0,
        t1,
        arrow,
    )
}

/// The parameter where the curve crosses a node's outline: searched from the start (the curve leaves the
/// outline around its start) or from the end (it enters the outline around its end). `None` when the
/// middle of the curve is still inside.
fn leave(curve: &Curve, inside: &impl Fn(Pos2) -> bool, from_start: bool) -> Option<f32> {
    if inside(curve.point(0.5)) {
        return None;
    }
    let (mut lo, mut hi) = if from_start {
        (0.0f32, 0.5f32)
    } else {
        (0.5f32, 1.0f32)
    };
    // Bisection: from the start, `lo` stays inside and `hi` outside; from the end, the other way round.
    // Sixteen halvings find the rim within a quarter of a point on a curve 16,000 points long.
    for _ in 0..16 {
        let mid = (lo + hi) / 2.0;
        if inside(curve.point(mid)) == from_start {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Some(if from_start { hi } else { lo })
}

/// One end of a map edge as drawn: the node's outline, centre and radius in points.
#[derive(Debug, Clone, Copy)]
pub struct End {
    pub shape: NodeShape,
    pub centre: Pos2,
    pub radius: f32,
}

/// The drawn shape of map edge `e` from `source` to `target`: fanned by its lane (lanes stand further
/// apart as the map is zoomed in), from rim to rim, with an arrowhead when the edge has a direction. The
/// screen and the exported drawing both draw edges from this.
pub fn map_edge_shape(e: &MapEdge, source: End, target: End, zoom: f32) -> Option<EdgeShape> {
    let spacing = (22.0 * zoom).clamp(8.0, 34.0);
    let bend = bend_from_lane(e.lane, spacing, e.source, e.target);
    let width = edge_width(e.evidence);
    let arrow = e.directed.then_some(ArrowSize {
        length: 8.0 + 1.6 * width,
        width: 6.5 + 1.4 * width,
    });
    if bend == 0.0 {
        return straight_edge_shape(source, target, arrow);
    }
    edge_shape(
        source.centre,
        target.centre,
        bend,
        |p| node_contains(source.shape, source.centre, source.radius + 1.0, p),
        |p| node_contains(target.shape, target.centre, target.radius + 1.5, p),
        arrow,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::point::pos2;

    fn circle(centre: Pos2, radius: f32) -> impl Fn(Pos2) -> bool {
        move |p| (p - centre).length() < radius
    }

    #[test]
    fn a_straight_edge_runs_from_rim_to_rim() {
        let e = edge_shape(
            pos2(0.0, 0.0),
            pos2(100.0, 0.0),
            0.0,
            circle(pos2(0.0, 0.0), 10.0),
            circle(pos2(100.0, 0.0), 20.0),
            None,
        )
        .unwrap();
        assert!((e.curve.from - pos2(10.0, 0.0)).length() < 0.01);
        assert!((e.curve.to - pos2(80.0, 0.0)).length() < 0.01);
        assert!(e.curve.is_straight());
    }

    #[test]
    fn the_arrowhead_tip_touches_the_target_rim_and_points_at_it() {
        let size = ArrowSize {
            length: 10.0,
            width: 8.0,
        };
        let e = edge_shape(
            pos2(0.0, 0.0),
            pos2(100.0, 0.0),
            15.0,
            circle(pos2(0.0, 0.0), 10.0),
            circle(pos2(100.0, 0.0), 20.0),
            Some(size),
        )
        .unwrap();
        let [tip, l, r] = e.arrow.unwrap();
        assert!(
            ((tip - pos2(100.0, 0.0)).length() - 20.0).abs() < 0.05,
            "tip on the rim: {tip:?}"
        );
        let base_mid = pos2((l.x + r.x) / 2.0, (l.y + r.y) / 2.0);
        assert!(((tip - base_mid).length() - 10.0).abs() < 0.01);
        assert!(((l - r).length() - 8.0).abs() < 0.01);
        // The stroke ends inside the arrowhead, short of the tip.
        assert!((e.curve.to - tip).length() > 5.0 && (e.curve.to - tip).length() < 10.0);
    }

    #[test]
    fn opposite_lanes_bend_to_opposite_sides_whatever_the_direction() {
        let a = pos2(0.0, 0.0);
        let b = pos2(100.0, 0.0);
        // Lane +1 between nodes 0 and 1, drawn 0 -> 1, and lane +1 drawn 1 -> 0, bend the same way.
        let forward = centre_curve(a, b, bend_from_lane(1.0, 20.0, 0, 1));
        let backward = centre_curve(b, a, bend_from_lane(1.0, 20.0, 1, 0));
        assert!((forward.point(0.5) - backward.point(0.5)).length() < 1e-3);
        let other = centre_curve(a, b, bend_from_lane(-1.0, 20.0, 0, 1));
        assert!((forward.point(0.5).y + other.point(0.5).y).abs() < 1e-3);
        assert!(
            (forward.point(0.5).y.abs() - 20.0).abs() < 1e-3,
            "apex stands `bend` off the chord"
        );
    }

    #[test]
    fn sections_lie_on_the_original_curve() {
        let c = centre_curve(pos2(0.0, 0.0), pos2(80.0, 40.0), 25.0);
        let s = c.section(0.2, 0.9);
        for i in 0..=10 {
            let t = i as f32 / 10.0;
            assert!(c.distance_to(s.point(t)) < 0.3, "t={t}");
        }
        assert!((s.from - c.point(0.2)).length() < 1e-3 && (s.to - c.point(0.9)).length() < 1e-3);
    }

    #[test]
    fn hit_testing_follows_the_curve_not_the_chord() {
        let e = edge_shape(
            pos2(0.0, 0.0),
            pos2(200.0, 0.0),
            40.0,
            circle(pos2(0.0, 0.0), 5.0),
            circle(pos2(200.0, 0.0), 5.0),
            None,
        )
        .unwrap();
        let apex = e.middle();
        assert!((apex.y.abs() - 40.0).abs() < 0.5);
        assert!(e.distance_to(apex + vec2(0.0, 2.0)) <= 4.0);
        assert!(
            e.distance_to(pos2(100.0, 0.0)) > 4.0,
            "the chord's middle is far from a bent edge"
        );
        // The quick answer agrees with the full one: near the apex, inside the curve's box but off the
        // curve, and far outside the box.
        assert!(e.distance_within(apex + vec2(0.0, 2.0), 4.0).is_some());
        assert_eq!(e.distance_within(pos2(100.0, 0.0), 4.0), None);
        assert_eq!(e.distance_within(pos2(100.0, 300.0), 4.0), None);
    }

    #[test]
    fn a_straight_edge_is_worked_out_where_the_search_finds_it() {
        let arrow = Some(ArrowSize {
            length: 10.0,
            width: 8.0,
        });
        for shape in [
            NodeShape::Circle,
            NodeShape::Diamond,
            NodeShape::RoundedSquare,
        ] {
            let a = End {
                shape,
                centre: pos2(10.0, 20.0),
                radius: 12.0,
            };
            let b = End {
                shape,
                centre: pos2(150.0, 90.0),
                radius: 20.0,
            };
            let fast = straight_edge_shape(a, b, arrow).unwrap();
            let searched = edge_shape(
                a.centre,
                b.centre,
                0.0,
                |p| node_contains(shape, a.centre, a.radius + 1.0, p),
                |p| node_contains(shape, b.centre, b.radius + 1.5, p),
                arrow,
            )
            .unwrap();
            for (x, y) in [
                (fast.curve.from, searched.curve.from),
                (fast.curve.to, searched.curve.to),
                (fast.rim_to_rim.to, searched.rim_to_rim.to),
            ] {
                assert!((x - y).length() < 0.05, "{shape:?}: {x:?} vs {y:?}");
            }
            let close = End {
                centre: pos2(20.0, 25.0),
                ..b
            };
            assert!(straight_edge_shape(a, close, arrow).is_none());
        }
    }

    #[test]
    fn overlapping_nodes_have_no_edge() {
        let (a, b) = (pos2(0.0, 0.0), pos2(20.0, 0.0));
        assert!(edge_shape(a, b, 0.0, circle(a, 30.0), circle(b, 30.0), None).is_none());
        assert!(edge_shape(a, a, 5.0, circle(a, 10.0), circle(a, 10.0), None).is_none());
    }

    #[test]
    fn the_rim_follows_the_outline_it_is_given() {
        // A square outline of half-size 10 is left at x = 10 going right, whatever a circle would say.
        let a = pos2(0.0, 0.0);
        let b = pos2(100.0, 0.0);
        let square = |p: Pos2| p.x.abs() < 10.0 && p.y.abs() < 10.0;
        let e = edge_shape(a, b, 0.0, square, circle(b, 5.0), None).unwrap();
        assert!((e.curve.from.x - 10.0).abs() < 0.01);
    }

    #[test]
    fn segment_distance_handles_points_beyond_the_ends() {
        assert_eq!(
            distance_to_segment(pos2(-3.0, 4.0), pos2(0.0, 0.0), pos2(10.0, 0.0)),
            5.0
        );
        assert_eq!(
            distance_to_segment(pos2(5.0, 2.0), pos2(0.0, 0.0), pos2(10.0, 0.0)),
            2.0
        );
        assert_eq!(
            distance_to_segment(pos2(1.0, 1.0), pos2(0.0, 0.0), pos2(0.0, 0.0)),
            2f32.sqrt()
        );
    }
}
