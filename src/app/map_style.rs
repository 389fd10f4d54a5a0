//! How the map looks: the colour and shape of each actor kind, the colour of each interaction family, node
//! sizes and edge widths, and painting one node shape. The map, its legend and the side panel all read
//! these, so a colour means the same thing everywhere.
//!
//! Not for: where things are (`layout`, `view_transform`) or what is shown (`graph`).

use egui::{Color32, CornerRadius, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2, pos2};

use crate::corpus::{ActorKind, Family};

/// The map's paper.
pub const BACKGROUND: Color32 = Color32::from_rgb(0xf7, 0xf8, 0xfa);
/// Label text and its halo.
pub const LABEL_TEXT: Color32 = Color32::from_rgb(0x1c, 0x23, 0x2e);
pub const LABEL_HALO: Color32 = Color32::from_rgba_premultiplied(0xf7, 0xf8, 0xfa, 0xe0);
/// Outline of the selected node or edge.
pub const SELECTION: Color32 = Color32::from_rgb(0x11, 0x11, 0x11);
/// Affiliation links ("belongs to").
pub const AFFILIATION: Color32 = Color32::from_rgb(0xa3, 0xaa, 0xb5);
/// The pin head on pinned nodes.
pub const PIN: Color32 = Color32::from_rgb(0x26, 0x2b, 0x33);
/// The label font size in points; labels keep their size when zooming so they stay readable.
pub const LABEL_SIZE: f32 = 12.5;

/// The outline a node is drawn with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeShape {
    Circle,
    Diamond,
    RoundedSquare,
}

pub fn shape_of(kind: ActorKind) -> NodeShape {
    match kind {
        ActorKind::Country => NodeShape::Circle,
        ActorKind::Official => NodeShape::Diamond,
        ActorKind::Institution => NodeShape::RoundedSquare,
    }
}

pub fn actor_color(kind: ActorKind) -> Color32 {
    match kind {
        ActorKind::Country => Color32::from_rgb(0x3a, 0x6e, 0xc2),
        ActorKind::Official => Color32::from_rgb(0xe0, 0x8a, 0x1e),
        ActorKind::Institution => Color32::from_rgb(0x8e, 0x5c, 0xc4),
    }
}

/// Plural words for the legend and filters.
pub fn actor_kind_plural(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Country => "Countries",
        ActorKind::Official => "Officials",
        ActorKind::Institution => "Institutions",
    }
}

pub fn family_color(family: Family) -> Color32 {
    match family {
        Family::Cooperation => Color32::from_rgb(0x2e, 0x9a, 0x5c),
        Family::Conflict => Color32::from_rgb(0xd6, 0x3a, 0x3a),
        Family::Neutral => Color32::from_rgb(0x7d, 0x86, 0x94),
    }
}

pub fn family_label(family: Family) -> &'static str {
    match family {
        Family::Cooperation => "Cooperation",
        Family::Conflict => "Conflict",
        Family::Neutral => "Meeting / neutral",
    }
}

/// A node's radius in layout units: grows with the square root of its mentions, within bounds.
pub fn node_radius(mentions: usize) -> f32 {
    (6.0 + 3.0 * (mentions as f32).sqrt()).clamp(8.0, 26.0)
}

/// An edge's stroke width in screen points: grows with the number of supporting sentences.
pub fn edge_width(evidence: usize) -> f32 {
    (1.2 + 0.9 * (evidence.max(1) as f32).ln() * 1.6).min(6.0)
}

/// `color` faded towards the background, for what is not part of the selection.
pub fn faded(color: Color32) -> Color32 {
    color.lerp_to_gamma(BACKGROUND, 0.78)
}

/// How far a diamond's corners reach, and half a square's side, relative to the node's radius: a diamond
/// and a square look about as big as a circle of that radius.
const DIAMOND_REACH: f32 = 1.18;
const SQUARE_HALF: f32 = 0.9;

/// Whether `p` lies inside the outline of a node of `shape` at `centre`.
pub fn node_contains(shape: NodeShape, centre: Pos2, radius: f32, p: Pos2) -> bool {
    let d = p - centre;
    match shape {
        NodeShape::Circle => d.length() < radius,
        NodeShape::Diamond => d.x.abs() + d.y.abs() < radius * DIAMOND_REACH,
        NodeShape::RoundedSquare => d.x.abs().max(d.y.abs()) < radius * SQUARE_HALF,
    }
}

/// Paints a node of `shape` centred at `centre` whose outline reaches about `radius` points out.
pub fn paint_node(
    painter: &Painter,
    shape: NodeShape,
    centre: Pos2,
    radius: f32,
    fill: Color32,
    stroke: Stroke,
) {
    painter.add(node_shape(shape, centre, radius, fill, stroke));
}

/// A node's outline as a shape, for painting many in one batch.
pub fn node_shape(
    shape: NodeShape,
    centre: Pos2,
    radius: f32,
    fill: Color32,
    stroke: Stroke,
) -> Shape {
    match shape {
        NodeShape::Circle => Shape::Circle(egui::epaint::CircleShape {
            center: centre,
            radius,
            fill,
            stroke,
        }),
        NodeShape::Diamond => {
            // A diamond's corners reach a bit further than a circle of the same area.
            let r = radius * DIAMOND_REACH;
            let points = vec![
                pos2(centre.x, centre.y - r),
                pos2(centre.x + r, centre.y),
                pos2(centre.x, centre.y + r),
                pos2(centre.x - r, centre.y),
            ];
            Shape::convex_polygon(points, fill, stroke)
        }
        NodeShape::RoundedSquare => {
            let half = radius * SQUARE_HALF;
            let rect = Rect::from_center_size(centre, Vec2::splat(2.0 * half));
            let corner = CornerRadius::same((half * 0.35).round().clamp(0.0, 255.0) as u8);
            Shape::Rect(egui::epaint::RectShape::new(
                rect,
                corner,
                fill,
                stroke,
                StrokeKind::Middle,
            ))
        }
    }
}

/// The pin mark on a node the user placed by hand: a dark pin head on the node's upper right.
pub fn paint_pin(painter: &Painter, centre: Pos2, radius: f32) {
    let head = centre + Vec2::new(radius * 0.8, -radius * 0.8);
    painter.circle(head, 3.6, PIN, Stroke::new(1.3, Color32::WHITE));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_size_grows_with_mentions_within_bounds() {
        assert_eq!(node_radius(0), 8.0);
        assert!(node_radius(4) < node_radius(16));
        assert_eq!(node_radius(10_000), 26.0);
    }

    #[test]
    fn every_kind_and_family_has_its_own_colour() {
        let kinds: Vec<Color32> = ActorKind::ALL.iter().map(|k| actor_color(*k)).collect();
        let families: Vec<Color32> = Family::ALL.iter().map(|f| family_color(*f)).collect();
        let all: Vec<Color32> = kinds.iter().chain(&families).copied().collect();
        for (i, a) in all.iter().enumerate() {
            assert!(all[i + 1..].iter().all(|b| a != b));
        }
    }

    #[test]
    fn edge_width_grows_and_is_capped() {
        assert!(edge_width(1) < edge_width(3));
        assert!(edge_width(0) == edge_width(1));
        assert_eq!(edge_width(1000), 6.0);
    }
}
