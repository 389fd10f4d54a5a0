//! actormap's core: from news articles on disk to a map of actors and interactions with the evidence behind
//! each, usable headless from the command line. Data flows one way:
//!
//! `text` (files → article text) → `extract` (text → actors, mentions, interactions) → `corpus` (the merged
//! model and its JSON file) → `graph` (what the map shows) → `layout` (where) → `draw` (how it looks) → `export` (pictures and
//! files for other programs).
//!
//! The desktop app (`app`, behind the `gui` feature) is a thin layer over these; nothing outside `app`
//! knows about egui.

pub mod corpus;
pub mod curation;
pub mod draw;
pub mod export;
pub mod extract;
pub mod graph;
pub mod layout;
pub mod map;
pub mod open;
pub mod render;
pub mod sample;
pub mod synthetic;
pub mod text;
pub mod workspace;

#[cfg(feature = "gui")]
pub mod app;
