//! Files made from the map for reports and for other programs: pictures (SVG, PNG), graph files for
//! Gephi and Cytoscape (GEXF, GraphML), tables (CSV) and the evidence report. Every one is written
//! atomically (`atomic`), so a crash or a full disk never leaves half a file where the old one was.
//!
//! All of them read one `LaidOut`: the corpus, what of it is shown and where, as the map holds it.

pub mod atomic;
pub mod csv;
pub mod gexf;
pub mod graphml;
pub mod png;
pub mod raster;
pub mod report;
mod report_html;
mod report_md;
pub mod svg;
pub mod visible;

use crate::corpus::Corpus;
use crate::draw::style::node_radius;
use crate::graph::MapGraph;

/// A laid-out map as the exports see it: what is shown (`graph`, whose indices point into `corpus`) and
/// where each node sits (`positions`, by node index, in layout units).
#[derive(Clone, Copy)]
pub struct LaidOut<'a> {
    pub corpus: &'a Corpus,
    pub graph: &'a MapGraph,
    pub positions: &'a [[f32; 2]],
}

impl LaidOut<'_> {
    /// Node `i`'s radius in layout units (as drawn).
    pub fn radius(&self, i: usize) -> f32 {
        node_radius(self.graph.nodes[i].mentions)
    }

    /// Node `i`'s position, or the origin when the layout has none for it.
    pub fn position(&self, i: usize) -> [f32; 2] {
        self.positions.get(i).copied().unwrap_or([0.0, 0.0])
    }
}
