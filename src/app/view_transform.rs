//! Where the map's world (layout units) sits on the screen: pan and zoom as one small value type.
//!
//! For: converting between layout positions and screen points, zooming around the cursor, panning by a
//! drag, and fitting a box of the world into the map's rectangle. Not for: drawing or input handling
//! (`map_view`), or where nodes are (`layout`).

use egui::{Pos2, Rect, Vec2, pos2, vec2};

/// Zoom limits, in screen points per layout unit.
pub const MIN_ZOOM: f32 = 0.02;
pub const MAX_ZOOM: f32 = 12.0;

/// The world point shown at the centre of the map's rectangle, and how many screen points one layout unit
/// takes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ViewTransform {
    pub center: Pos2,
    pub zoom: f32,
}

impl Default for ViewTransform {
    fn default() -> Self {
        ViewTransform {
            center: Pos2::ZERO,
            zoom: 1.0,
        }
    }
}

impl ViewTransform {
    /// Screen position of a world position, for a map drawn in `rect`.
    pub fn to_screen(self, rect: Rect, world: Pos2) -> Pos2 {
        rect.center() + (world - self.center) * self.zoom
    }

    /// World position under a screen position.
    pub fn to_world(self, rect: Rect, screen: Pos2) -> Pos2 {
        self.center + (screen - rect.center()) / self.zoom
    }

    /// Moves the map with the pointer: a drag of `screen_delta` moves the world by the same amount.
    pub fn pan(&mut self, screen_delta: Vec2) {
        self.center -= screen_delta / self.zoom;
    }

    /// Zooms by `factor`, keeping the world point under `screen_anchor` where it is.
    pub fn zoom_around(&mut self, rect: Rect, screen_anchor: Pos2, factor: f32) {
        if !factor.is_finite() || factor <= 0.0 {
            return;
        }
        let anchor_world = self.to_world(rect, screen_anchor);
        self.zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        // Put anchor_world back under the anchor.
        self.center = anchor_world - (screen_anchor - rect.center()) / self.zoom;
    }

    /// The transform, for a map drawn in `rect`, that shows the world box `min..max` whole inside `area` (a
    /// part of `rect`, e.g. what the legend leaves free), leaving `margin` points free on the left and right
    /// (x) and top and bottom (y). Small boxes are not blown up beyond `max_zoom`.
    pub fn fit(
        rect: Rect,
        area: Rect,
        min: Pos2,
        max: Pos2,
        margin: Vec2,
        max_zoom: f32,
    ) -> ViewTransform {
        let world = vec2((max.x - min.x).max(1.0), (max.y - min.y).max(1.0));
        let room = vec2(
            (area.width() - 2.0 * margin.x).max(1.0),
            (area.height() - 2.0 * margin.y).max(1.0),
        );
        let zoom = (room.x / world.x)
            .min(room.y / world.y)
            .clamp(MIN_ZOOM, max_zoom.min(MAX_ZOOM));
        // The box's centre goes to the area's centre.
        let world_centre = pos2((min.x + max.x) / 2.0, (min.y + max.y) / 2.0);
        ViewTransform {
            center: world_centre - (area.center() - rect.center()) / zoom,
            zoom,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect() -> Rect {
        Rect::from_min_size(pos2(100.0, 50.0), vec2(800.0, 600.0))
    }

    #[test]
    fn screen_and_world_round_trip() {
        let t = ViewTransform {
            center: pos2(10.0, -5.0),
            zoom: 2.5,
        };
        let w = pos2(33.0, 44.0);
        let back = t.to_world(rect(), t.to_screen(rect(), w));
        assert!((back - w).length() < 1e-4);
        assert_eq!(t.to_screen(rect(), t.center), rect().center());
    }

    #[test]
    fn zooming_keeps_the_point_under_the_cursor_still() {
        let mut t = ViewTransform {
            center: pos2(3.0, 4.0),
            zoom: 1.0,
        };
        let cursor = pos2(700.0, 120.0);
        let under = t.to_world(rect(), cursor);
        t.zoom_around(rect(), cursor, 1.7);
        assert!((t.to_world(rect(), cursor) - under).length() < 1e-3);
        assert!((t.zoom - 1.7).abs() < 1e-6);
    }

    #[test]
    fn zoom_is_clamped_and_nonsense_factors_are_ignored() {
        let mut t = ViewTransform::default();
        t.zoom_around(rect(), rect().center(), 1e9);
        assert_eq!(t.zoom, MAX_ZOOM);
        t.zoom_around(rect(), rect().center(), f32::NAN);
        t.zoom_around(rect(), rect().center(), -1.0);
        assert_eq!(t.zoom, MAX_ZOOM);
    }

    #[test]
    fn panning_follows_the_drag() {
        let mut t = ViewTransform {
            center: Pos2::ZERO,
            zoom: 2.0,
        };
        let w = pos2(10.0, 10.0);
        let before = t.to_screen(rect(), w);
        t.pan(vec2(30.0, -8.0));
        assert!((t.to_screen(rect(), w) - (before + vec2(30.0, -8.0))).length() < 1e-4);
    }

    #[test]
    fn fit_shows_the_whole_box_inside_the_margins() {
        let t = ViewTransform::fit(
            rect(),
            rect(),
            pos2(-200.0, -50.0),
            pos2(200.0, 150.0),
            Vec2::splat(20.0),
            4.0,
        );
        let a = t.to_screen(rect(), pos2(-200.0, -50.0));
        let b = t.to_screen(rect(), pos2(200.0, 150.0));
        let inner = rect().shrink(20.0 - 1e-3);
        assert!(inner.contains(a) && inner.contains(b));
        // The limiting axis (width here) touches the margins.
        assert!((b.x - a.x - 760.0).abs() < 1e-2);
    }

    #[test]
    fn fitting_into_part_of_the_map_centres_the_box_there() {
        let top_half = Rect::from_min_max(rect().min, pos2(rect().max.x, rect().center().y));
        let t = ViewTransform::fit(
            rect(),
            top_half,
            pos2(-10.0, -10.0),
            pos2(10.0, 10.0),
            Vec2::splat(20.0),
            100.0,
        );
        let centre = t.to_screen(rect(), pos2(0.0, 0.0));
        assert!((centre - top_half.center()).length() < 1e-3);
        assert!(top_half.contains(t.to_screen(rect(), pos2(10.0, 10.0))));
    }

    #[test]
    fn fitting_a_single_point_does_not_zoom_without_bound() {
        let t = ViewTransform::fit(
            rect(),
            rect(),
            pos2(5.0, 5.0),
            pos2(5.0, 5.0),
            Vec2::splat(20.0),
            2.0,
        );
        assert_eq!(t.zoom, 2.0);
        assert_eq!(t.center, pos2(5.0, 5.0));
    }
}
