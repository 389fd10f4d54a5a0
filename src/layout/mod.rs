//! Where each actor sits on the map: a force-directed layout of the graph's nodes in the plane.
//!
//! For: turning nodes (with radii) and weighted edges into `[f32; 2]` positions that animate
//! smoothly and then stop, keep their places when the graph changes, and honour nodes the user
//! pinned by dragging. Built for graphs up to about 100k nodes: repulsion goes through a Barnes–Hut
//! quadtree and a tick allocates nothing once the buffers have grown. Same input, same positions,
//! bit for bit.
//!
//! Not for: drawing, hit-testing or zoom (the app's job), deciding which nodes and edges exist or
//! how big they are (`graph`'s job), or label placement beyond keeping node discs apart.

pub mod bench;
mod placement;
mod quadtree;
mod simulation;

pub use simulation::{ForceLayout, LayoutConfig, LayoutEdge};
