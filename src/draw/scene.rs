//! A drawing description: a canvas size, a background and an ordered list of shapes and texts in points
//! (painter's order). The map is described once (`map_scene`) and written out as SVG or PNG (`export`)
//! without a screen.

use super::edge_geometry::Curve;
use super::point::{Point, Rect};
use super::style::{NodeShape, Rgba};

/// A stroke: width in points and colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    pub width: f32,
    pub color: Rgba,
}

/// Where a text's anchor point is on its baseline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
}

/// One thing drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A straight or bent edge; `dash` is the dash length, `None` solid.
    Curve {
        curve: Curve,
        stroke: Stroke,
        dash: Option<f32>,
    },
    /// A filled convex polygon (an arrowhead), optionally outlined.
    Polygon {
        points: Vec<Point>,
        fill: Rgba,
        outline: Option<Stroke>,
    },
    /// A node's outline of `shape` reaching about `radius` from `centre`.
    Node {
        shape: NodeShape,
        centre: Point,
        radius: f32,
        fill: Rgba,
        outline: Stroke,
    },
    /// A filled box with rounded corners (label halos, the legend's panel).
    Box {
        rect: Rect,
        corner: f32,
        fill: Rgba,
        outline: Option<Stroke>,
    },
    /// One line of text; `at` is on its baseline.
    Text {
        at: Point,
        text: String,
        size: f32,
        color: Rgba,
        anchor: Anchor,
        bold: bool,
    },
}

/// A whole drawing.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    pub width: f32,
    pub height: f32,
    pub background: Rgba,
    /// A name for the drawing (the SVG's `<title>`).
    pub title: String,
    pub items: Vec<Item>,
}

impl Scene {
    /// The texts of the drawing, in order: what a reader can find in it.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.items.iter().filter_map(|i| match i {
            Item::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
    }
}
