//! How the map looks, in plain numbers: the colour and shape of each actor kind, the colour of each
//! interaction family, node sizes and edge widths. The screen (`app::map_style` turns these into egui
//! colours), the legend and every export read them here, so a colour means the same thing everywhere.
//!
//! Not for: where things are (`layout`) or what is shown (`graph`).

use super::point::Point;
use crate::corpus::{ActorKind, Family};

/// An sRGB colour with straight (not premultiplied) alpha.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgba(pub u8, pub u8, pub u8, pub u8);

impl Rgba {
    pub const fn rgb(r: u8, g: u8, b: u8) -> Rgba {
        Rgba(r, g, b, 255)
    }

    /// `#rrggbb`, for SVG, GEXF viewers and CSS.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Opacity from 0 to 1.
    pub fn opacity(self) -> f32 {
        self.3 as f32 / 255.0
    }

    /// This colour moved `t` (0..=1) of the way towards `other`, channel by channel in sRGB.
    pub fn towards(self, other: Rgba, t: f32) -> Rgba {
        let mix = |a: u8, b: u8| (a as f32 + (b as f32 - a as f32) * t).round() as u8;
        Rgba(
            mix(self.0, other.0),
            mix(self.1, other.1),
            mix(self.2, other.2),
            mix(self.3, other.3),
        )
    }
}

/// The map's paper.
pub const BACKGROUND: Rgba = Rgba::rgb(0xf7, 0xf8, 0xfa);
/// Label text.
pub const LABEL_TEXT: Rgba = Rgba::rgb(0x1c, 0x23, 0x2e);
/// The halo behind a label, the paper nearly opaque.
pub const LABEL_HALO: Rgba = Rgba(0xf7, 0xf8, 0xfa, 0xe0);
/// Outline of the selected node or edge.
pub const SELECTION: Rgba = Rgba::rgb(0x11, 0x11, 0x11);
/// Affiliation links ("belongs to").
pub const AFFILIATION: Rgba = Rgba::rgb(0xa3, 0xaa, 0xb5);
/// The pin head on pinned nodes.
pub const PIN: Rgba = Rgba::rgb(0x26, 0x2b, 0x33);
/// The outline around every node.
pub const NODE_OUTLINE: Rgba = Rgba::rgb(0xff, 0xff, 0xff);
/// The label font size in points; labels keep their size when zooming so they stay readable.
pub const LABEL_SIZE: f32 = 12.5;
/// Secondary text: notes in the legend, the subtitle of an exported map.
pub const MUTED: Rgba = Rgba::rgb(0x5b, 0x64, 0x70);

/// The outline a node is drawn with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeShape {
    Circle,
    Diamond,
    RoundedSquare,
}

/// How far a diamond's corners reach, and half a square's side, relative to the node's radius: a diamond
/// and a square look about as big as a circle of that radius.
pub const DIAMOND_REACH: f32 = 1.18;
pub const SQUARE_HALF: f32 = 0.9;
/// A rounded square's corner radius relative to its half side.
pub const SQUARE_CORNER: f32 = 0.35;

pub fn shape_of(kind: ActorKind) -> NodeShape {
    match kind {
        ActorKind::Country => NodeShape::Circle,
        ActorKind::Official => NodeShape::Diamond,
        ActorKind::Institution => NodeShape::RoundedSquare,
    }
}

pub fn actor_color(kind: ActorKind) -> Rgba {
    match kind {
        ActorKind::Country => Rgba::rgb(0x3a, 0x6e, 0xc2),
        ActorKind::Official => Rgba::rgb(0xe0, 0x8a, 0x1e),
        ActorKind::Institution => Rgba::rgb(0x8e, 0x5c, 0xc4),
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

pub fn family_color(family: Family) -> Rgba {
    match family {
        Family::Cooperation => Rgba::rgb(0x2e, 0x9a, 0x5c),
        Family::Conflict => Rgba::rgb(0xd6, 0x3a, 0x3a),
        Family::Neutral => Rgba::rgb(0x7d, 0x86, 0x94),
    }
}

pub fn family_label(family: Family) -> &'static str {
    match family {
        Family::Cooperation => "Cooperation",
        Family::Conflict => "Conflict",
        Family::Neutral => "Meeting / neutral",
    }
}

/// Whether `p` lies inside the outline of a node of `shape` at `centre`.
pub fn node_contains(shape: NodeShape, centre: Point, radius: f32, p: Point) -> bool {
    let d = p - centre;
    match shape {
        NodeShape::Circle => d.length_sq() < radius * radius,
        NodeShape::Diamond => d.x.abs() + d.y.abs() < radius * DIAMOND_REACH,
        NodeShape::RoundedSquare => d.x.abs().max(d.y.abs()) < radius * SQUARE_HALF,
    }
}

/// How far from its centre a node's outline lies in the direction of the unit vector `u`: where a
/// straight edge leaving the node crosses `node_contains`'s boundary.
pub fn rim_distance(shape: NodeShape, radius: f32, u: Point) -> f32 {
    let reach = match shape {
        NodeShape::Circle => return radius,
        NodeShape::Diamond => radius * DIAMOND_REACH / (u.x.abs() + u.y.abs()),
        NodeShape::RoundedSquare => radius * SQUARE_HALF / u.x.abs().max(u.y.abs()),
    };
    if reach.is_finite() { reach } else { radius }
}

/// A node's radius in layout units: grows with the square root of its mentions, within bounds.
pub fn node_radius(mentions: usize) -> f32 {
    (6.0 + 3.0 * (mentions as f32).sqrt()).clamp(8.0, 26.0)
}

/// An edge's stroke width in points: grows with the number of supporting sentences.
pub fn edge_width(evidence: usize) -> f32 {
    (1.2 + 0.9 * (evidence.max(1) as f32).ln() * 1.6).min(6.0)
}

/// `color` faded towards the background, for what is not part of the selection.
pub fn faded(color: Rgba) -> Rgba {
    color.towards(BACKGROUND, 0.78)
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
        let kinds: Vec<Rgba> = ActorKind::ALL.iter().map(|k| actor_color(*k)).collect();
        let families: Vec<Rgba> = Family::ALL.iter().map(|f| family_color(*f)).collect();
        let all: Vec<Rgba> = kinds.iter().chain(&families).copied().collect();
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

    #[test]
    fn colours_are_written_as_hex_and_fade_towards_the_paper() {
        assert_eq!(Rgba::rgb(0x3a, 0x6e, 0xc2).hex(), "#3a6ec2");
        assert_eq!(
            Rgba::rgb(0, 0, 0).towards(Rgba::rgb(200, 100, 50), 0.5),
            Rgba::rgb(100, 50, 25)
        );
        assert_eq!(faded(BACKGROUND), BACKGROUND);
    }
}
