//! Scene items (`draw::scene`) as egui shapes: the screen draws its edges and nodes from the same items
//! the SVG and PNG exports are written from, so a curve, an arrowhead or a node's outline cannot look
//! one way on screen and another on paper. Text items are laid out by egui with the same font the
//! exports measure (`draw::text_metrics`), placed on the item's baseline.

use egui::epaint::{Mesh, QuadraticBezierShape, Tessellator};
use egui::{Color32, CornerRadius, Shape, Stroke};

use super::map_style::{color, node_shape, pos};
use crate::draw::scene::{Anchor, Item, Stroke as SceneStroke};
use crate::draw::style::Rgba;

/// The egui colour of a scene colour, and back.
pub fn rgba(c: Color32) -> Rgba {
    let [r, g, b, a] = c.to_srgba_unmultiplied();
    Rgba(r, g, b, a)
}

fn stroke(s: SceneStroke) -> Stroke {
    Stroke::new(s.width, color(s.color))
}

/// Paints `items` in order, text included.
pub fn paint_items<'a>(painter: &egui::Painter, items: impl IntoIterator<Item = &'a Item>) {
    let mut shapes = Vec::new();
    for item in items {
        match item {
            Item::Text {
                at,
                text,
                size,
                color: c,
                anchor,
                bold: _,
            } => shapes.push(text_shape(painter, *at, text, *size, color(*c), *anchor)),
            _ => push_item(&mut shapes, item),
        }
    }
    painter.extend(shapes);
}

/// A line of text whose baseline starts (or is centred) at `at`. egui's default fonts have no bold face,
/// so bold text is drawn regular on screen.
fn text_shape(
    painter: &egui::Painter,
    at: crate::draw::point::Point,
    text: &str,
    size: f32,
    c: Color32,
    anchor: Anchor,
) -> Shape {
    let galley = painter.layout_no_wrap(text.to_string(), egui::FontId::proportional(size), c);
    let baseline = galley
        .rows
        .first()
        .and_then(|row| Some(row.pos.y + row.glyphs.first()?.pos.y))
        .unwrap_or(size * 0.8);
    let x = match anchor {
        Anchor::Start => at.x,
        Anchor::Middle => at.x - galley.size().x / 2.0,
    };
    Shape::galley(egui::pos2(x, at.y - baseline), galley, c)
}

/// `shapes` tessellated here into one mesh, anti-aliased as egui would, culled to the painter's clip
/// rectangle: thousands of edges reach the renderer as one draw call instead of one shape each.
pub fn one_mesh(painter: &egui::Painter, shapes: Vec<Shape>) -> Shape {
    let ctx = painter.ctx();
    let mut tessellator = Tessellator::new(
        ctx.pixels_per_point(),
        ctx.tessellation_options(|o| *o),
        ctx.fonts(|f| f.font_image_size()),
        Vec::new(),
    );
    tessellator.set_clip_rect(painter.clip_rect());
    let mut mesh = Mesh::default();
    for shape in shapes {
        tessellator.tessellate_shape(shape, &mut mesh);
    }
    Shape::mesh(mesh)
}

/// Adds the shapes of `item` to `out`; text adds nothing (it needs a painter's fonts: `paint_items`).
pub fn push_item(out: &mut Vec<Shape>, item: &Item) {
    match item {
        Item::Curve {
            curve,
            stroke: s,
            dash,
        } => {
            let s = stroke(*s);
            let (from, control, to) = (pos(curve.from), pos(curve.control), pos(curve.to));
            match dash {
                Some(d) => out.extend(Shape::dashed_line(&curve_points(item), s, *d, *d)),
                None if curve.is_straight() => out.push(Shape::line_segment([from, to], s)),
                None => out.push(Shape::QuadraticBezier(
                    QuadraticBezierShape::from_points_stroke(
                        [from, control, to],
                        false,
                        Color32::TRANSPARENT,
                        s,
                    ),
                )),
            }
        }
        Item::Polygon {
            points,
            fill,
            outline,
        } => out.push(Shape::convex_polygon(
            points.iter().map(|&p| pos(p)).collect(),
            color(*fill),
            outline.map_or(Stroke::NONE, stroke),
        )),
        Item::Node {
            shape,
            centre,
            radius,
            fill,
            outline,
        } => out.push(node_shape(
            *shape,
            pos(*centre),
            *radius,
            color(*fill),
            stroke(*outline),
        )),
        Item::Box {
            rect,
            corner,
            fill,
            outline,
        } => out.push(Shape::Rect(egui::epaint::RectShape::new(
            egui::Rect::from_min_max(pos(rect.min), pos(rect.max)),
            CornerRadius::same(corner.round().clamp(0.0, 255.0) as u8),
            color(*fill),
            outline.map_or(Stroke::NONE, stroke),
            egui::StrokeKind::Middle,
        ))),
        Item::Text { .. } => {}
    }
}

/// A curve's points for a dashed line: its two ends when straight, else 24 segments along it.
fn curve_points(item: &Item) -> Vec<egui::Pos2> {
    let Item::Curve { curve, .. } = item else {
        return Vec::new();
    };
    if curve.is_straight() {
        vec![pos(curve.from), pos(curve.to)]
    } else {
        curve.flatten(24).into_iter().map(pos).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::edge_geometry::Curve;
    use crate::draw::point::pos2;

    #[test]
    fn items_become_the_shapes_they_describe() {
        let stroke = SceneStroke {
            width: 2.0,
            color: Rgba::rgb(10, 20, 30),
        };
        let straight = Item::Curve {
            curve: Curve {
                from: pos2(0.0, 0.0),
                control: pos2(5.0, 0.0),
                to: pos2(10.0, 0.0),
            },
            stroke,
            dash: None,
        };
        let mut out = Vec::new();
        push_item(&mut out, &straight);
        assert!(matches!(out[0], Shape::LineSegment { .. }));
        assert_eq!(rgba(color(Rgba::rgb(10, 20, 30))), Rgba::rgb(10, 20, 30));
        let mut dashed = Vec::new();
        if let Item::Curve { curve, .. } = straight {
            push_item(
                &mut dashed,
                &Item::Curve {
                    curve,
                    stroke,
                    dash: Some(2.0),
                },
            );
        }
        assert!(dashed.len() > 1, "a dashed line is several segments");
    }
}
