//! How the map looks: the colour and shape of each actor kind, the colour of each interaction family, node
//! sizes and edge widths, and painting one node shape. The map, its legend and the side panel all read
//! these, so a colour means the same thing everywhere.
//!
//! Not for: where things are (`layout`, `view_transform`) or what is shown (`graph`).

use egui::{Color32, CornerRadius, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2, pos2};

use crate::corpus::{ActorKind, Family};
use crate::draw::point::{Point, Rect as DrawRect};
use crate::draw::style::{self, DIAMOND_REACH, Rgba, SQUARE_CORNER, SQUARE_HALF};

pub use crate::draw::style::{
    LABEL_SIZE, NodeShape, actor_kind_plural, edge_width, family_label, shape_of,
};

/// The egui colour of a style colour.
pub const fn color(c: Rgba) -> Color32 {
    Color32::from_rgba_unmultiplied_const(c.0, c.1, c.2, c.3)
}

/// The map's paper.
pub const BACKGROUND: Color32 = color(style::BACKGROUND);
/// Label text.
pub const LABEL_TEXT: Color32 = color(style::LABEL_TEXT);
/// Outline of the selected node or edge.
pub const SELECTION: Color32 = color(style::SELECTION);
/// The pin head on pinned nodes.
pub const PIN: Color32 = color(style::PIN);

pub fn actor_color(kind: ActorKind) -> Color32 {
    color(style::actor_color(kind))
}

pub fn family_color(family: Family) -> Color32 {
    color(style::family_color(family))
}

/// `color` faded towards the background, for what is not part of the selection.
pub fn faded(color: Color32) -> Color32 {
    color.lerp_to_gamma(BACKGROUND, 0.78)
}

/// A drawing point as an egui position, and back.
pub fn pos(p: Point) -> Pos2 {
    pos2(p.x, p.y)
}

pub fn point(p: Pos2) -> Point {
    Point { x: p.x, y: p.y }
}

/// A drawing box as an egui rectangle, and back.
pub fn egui_rect(r: DrawRect) -> Rect {
    Rect::from_min_max(pos(r.min), pos(r.max))
}

pub fn draw_rect(r: Rect) -> DrawRect {
    DrawRect::from_min_max(point(r.min), point(r.max))
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
            let corner = CornerRadius::same((half * SQUARE_CORNER).round().clamp(0.0, 255.0) as u8);
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
    fn screen_colours_are_the_style_colours() {
        let [r, g, b, a] = actor_color(ActorKind::Country).to_srgba_unmultiplied();
        assert_eq!(Rgba(r, g, b, a), style::actor_color(ActorKind::Country));
        assert_eq!(LABEL_TEXT.a(), style::LABEL_TEXT.3);
    }
}
