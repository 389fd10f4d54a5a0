//! The map's key, painted along the bottom of the map: what each node shape and colour, edge colour, dash
//! and arrow means. Painted (not laid out as widgets) so that it is part of an exported picture; laid out
//! before the map is fitted, so fitting can keep nodes clear of it.

use std::sync::Arc;

use egui::{
    Color32, CornerRadius, FontId, Galley, Painter, Rect, Shape, Stroke, StrokeKind, Vec2, pos2,
    vec2,
};

use crate::corpus::{ActorKind, Family};

use super::map_style::{
    AFFILIATION, LABEL_TEXT, actor_color, family_color, paint_node, paint_pin, shape_of,
};
use crate::draw::legend::{Entry, has_icon, lines, text_of};

const ROW: f32 = 20.0;
const PAD: f32 = 8.0;
const ICON: f32 = 22.0;
const GAP: f32 = 14.0;
/// Space between the legend and the map's edges.
const INSET: f32 = 10.0;

/// The legend laid out for a map: where it goes and where each entry sits.
pub struct Legend {
    pub rect: Rect,
    items: Vec<(Entry, Arc<Galley>, egui::Pos2)>,
}

impl Legend {
    /// Lays the legend out along the bottom-left of `map`, wrapping to the map's width.
    pub fn layout(painter: &Painter, map: Rect) -> Legend {
        let max_width = (map.width() - 2.0 * INSET - 2.0 * PAD).max(120.0);
        let mut items = Vec::new();
        let mut y = 0.0f32;
        let mut width = 0.0f32;
        for line in lines() {
            let mut x = 0.0f32;
            for entry in line {
                let (font, color) = match entry {
                    Entry::Heading(_) => (FontId::proportional(12.5), LABEL_TEXT),
                    Entry::Note(_) => (
                        FontId::proportional(11.5),
                        Color32::from_rgb(0x5f, 0x67, 0x73),
                    ),
                    _ => (FontId::proportional(12.0), LABEL_TEXT),
                };
                let galley = painter.layout_no_wrap(text_of(entry).to_string(), font, color);
                let w = galley.size().x + if has_icon(entry) { ICON + 4.0 } else { 0.0 };
                if x > 0.0 && x + w > max_width {
                    x = 0.0;
                    y += ROW;
                }
                items.push((entry, galley, pos2(x, y)));
                x += w + GAP;
                width = width.max(x - GAP);
            }
            y += ROW;
        }
        let size = vec2(width + 2.0 * PAD, y + 2.0 * PAD - 2.0);
        let rect = Rect::from_min_size(pos2(map.min.x + INSET, map.max.y - INSET - size.y), size);
        let offset = rect.min.to_vec2() + Vec2::splat(PAD);
        for item in &mut items {
            item.2 += offset;
        }
        Legend { rect, items }
    }

    /// Moves the legend to the corner of `map` where it covers the fewest of `nodes` (centre, radius) and
    /// returns that corner: it stays in `preferred` (the last frame's corner) while that covers no node,
    /// else tries the bottom left, the bottom right, the top right below `top_right` (the zoom
    /// controls) and the top left, and on a crowded map goes where it hides least.
    pub fn avoid(
        &mut self,
        nodes: &[(egui::Pos2, f32)],
        map: Rect,
        top_right: Rect,
        preferred: usize,
    ) -> usize {
        let size = self.rect.size();
        let corners = [
            pos2(map.min.x + INSET, map.max.y - INSET - size.y),
            pos2(map.max.x - INSET - size.x, map.max.y - INSET - size.y),
            pos2(map.max.x - INSET - size.x, top_right.max.y + INSET),
            pos2(map.min.x + INSET, map.min.y + INSET),
        ];
        let covered = |at: egui::Pos2| {
            let r = Rect::from_min_size(at, size);
            nodes
                .iter()
                .filter(|(c, radius)| r.expand(*radius).contains(*c))
                .count()
        };
        let first = preferred.min(corners.len() - 1);
        let mut best = (covered(corners[first]), first);
        for (i, &at) in corners.iter().enumerate() {
            if best.0 == 0 {
                break;
            }
            let n = covered(at);
            if n < best.0 {
                best = (n, i);
            }
        }
        let shift = corners[best.1] - self.rect.min;
        if shift != egui::Vec2::ZERO {
            self.rect = self.rect.translate(shift);
            for (_, _, at) in &mut self.items {
                *at += shift;
            }
        }
        best.1
    }

    /// How much of the map's bottom the legend takes, gap included.
    pub fn reserved_height(&self) -> f32 {
        self.rect.height() + INSET
    }

    pub fn paint(&self, painter: &Painter) {
        painter.rect(
            self.rect,
            CornerRadius::same(6),
            Color32::from_rgba_unmultiplied(255, 255, 255, 235),
            Stroke::new(1.0, Color32::from_rgb(0xd5, 0xd9, 0xe0)),
            StrokeKind::Inside,
        );
        for (entry, galley, at) in &self.items {
            let centre_y = at.y + ROW / 2.0 - 2.0;
            let text_x = if has_icon(*entry) {
                paint_icon(
                    painter,
                    *entry,
                    Rect::from_center_size(pos2(at.x + ICON / 2.0, centre_y), vec2(ICON, ROW)),
                );
                at.x + ICON + 4.0
            } else {
                at.x
            };
            painter.galley(
                pos2(text_x, centre_y - galley.size().y / 2.0),
                galley.clone(),
                LABEL_TEXT,
            );
        }
    }
}

fn paint_icon(painter: &Painter, entry: Entry, icon: Rect) {
    let c = icon.center();
    let (l, r) = (pos2(icon.min.x + 1.0, c.y), pos2(icon.max.x - 1.0, c.y));
    match entry {
        Entry::Heading(_) | Entry::Note(_) => {}
        Entry::Node(kind) => paint_node(
            painter,
            shape_of(kind),
            c,
            6.0,
            actor_color(kind),
            Stroke::new(1.0, Color32::WHITE),
        ),
        Entry::Edge(family) => {
            painter.line_segment([l, r], Stroke::new(2.5, family_color(family)));
        }
        Entry::Affiliation => {
            painter.extend(Shape::dashed_line(
                &[l, r],
                Stroke::new(1.2, AFFILIATION),
                4.0,
                3.0,
            ));
        }
        Entry::Arrow => {
            let color = family_color(Family::Neutral);
            painter.line_segment([l, r - vec2(6.0, 0.0)], Stroke::new(2.0, color));
            painter.add(Shape::convex_polygon(
                vec![r, r + vec2(-8.0, -4.5), r + vec2(-8.0, 4.5)],
                color,
                Stroke::NONE,
            ));
        }
        Entry::Pin => {
            let grey = Color32::from_rgb(0xb8, 0xbe, 0xc8);
            paint_node(
                painter,
                shape_of(ActorKind::Country),
                c,
                6.0,
                grey,
                Stroke::new(1.0, Color32::WHITE),
            );
            paint_pin(painter, c, 6.0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_legend_moves_to_a_corner_free_of_nodes_and_stays_there() {
        let map = Rect::from_min_size(pos2(0.0, 0.0), vec2(800.0, 600.0));
        let controls = Rect::from_min_max(pos2(650.0, 8.0), pos2(792.0, 36.0));
        let size = vec2(300.0, 60.0);
        let bottom_left = Rect::from_min_size(pos2(INSET, 600.0 - INSET - size.y), size);
        let mut legend = Legend {
            rect: bottom_left,
            items: Vec::new(),
        };
        // Nothing under it: it stays.
        assert_eq!(
            legend.avoid(&[(pos2(400.0, 300.0), 5.0)], map, controls, 0),
            0
        );
        // A node under it: bottom right.
        let under = [(bottom_left.center(), 5.0)];
        assert_eq!(legend.avoid(&under, map, controls, 0), 1);
        assert!(legend.rect.max.x > 700.0 && legend.rect.max.y > 500.0);
        // Next frame it starts from the bottom right and keeps it while that is clear.
        let mut again = Legend {
            rect: bottom_left,
            items: Vec::new(),
        };
        assert_eq!(again.avoid(&under, map, controls, 1), 1);
    }
}
