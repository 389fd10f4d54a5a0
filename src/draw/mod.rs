//! What the map looks like, without a screen: the style (colours, shapes, sizes) and one drawing
//! description of a laid-out map (`scene`) from which the SVG and PNG exports are made.
//!
//! Not for: what is shown (`graph`), where (`layout`), or writing files (`export`).

pub mod edge_geometry;
pub mod label_placement;
pub mod legend;
pub mod map_scene;
pub mod point;
pub mod scene;
pub mod style;
pub mod text_metrics;
