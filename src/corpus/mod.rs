//! The corpus: the articles read, the actors and interactions found in them, and the evidence behind each.
//!
//! `model` holds the types (the `actormap/1` contract), `json` reads and writes the corpus file (`shape` is
//! its first pass over the file), `check` says why a corpus read may not be opened, and `merge` folds one
//! corpus into another so that an actor named in two articles is one actor. Nothing here knows how actors
//! were found (that is `extract`) or how they are drawn (`graph`, `layout`, `app`).

mod check;
pub mod identity;
pub mod json;
pub mod merge;
pub mod model;
mod shape;

pub use json::{CorpusError, from_json, to_json, write_json};
pub use merge::{MergeIndex, MergeReport, Merger};
pub use model::*;
