//! Where the map's key goes on screen: along the bottom of the map, or in the corner that hides fewest
//! nodes. What it says and how it is drawn are `draw::legend`'s, the same as in an exported map; laid
//! out before the map is fitted, so fitting can keep nodes clear of it.

use egui::{Rect, pos2, vec2};

use super::map_style::point;
use super::scene_paint::paint_items;
use crate::draw::legend::LegendRows;

/// Space between the legend and the map's edges.
const INSET: f32 = 10.0;

/// The legend laid out for a map: where it goes, and its rows (the same rows an exported map's legend
/// is drawn from).
pub struct Legend {
    pub rect: Rect,
    rows: LegendRows,
}

impl Legend {
    /// Lays the legend out along the bottom-left of `map`, wrapping to the map's width.
    pub fn layout(map: Rect) -> Legend {
        let rows = LegendRows::fit((map.width() - 2.0 * INSET).max(120.0));
        let size = vec2(rows.width, rows.height);
        let rect = Rect::from_min_size(pos2(map.min.x + INSET, map.max.y - INSET - size.y), size);
        Legend { rect, rows }
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
        self.rect = Rect::from_min_size(corners[best.1], size);
        best.1
    }

    /// How much of the map's bottom the legend takes, gap included.
    pub fn reserved_height(&self) -> f32 {
        self.rect.height() + INSET
    }

    pub fn paint(&self, painter: &egui::Painter) {
        paint_items(
            painter,
            &self.rows.items(point(self.rect.min), self.rect.width()),
        );
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
            rows: LegendRows::fit(300.0),
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
            rows: LegendRows::fit(300.0),
        };
        assert_eq!(again.avoid(&under, map, controls, 1), 1);
    }
}
