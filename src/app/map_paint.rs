//! Painting the map: which nodes and edges stand out (`Focus`), the edges and the nodes as one mesh each (as
//! scene items, the exports' drawing description, turned into egui shapes), the empty-map message, and
//! the tooltips. `MapView` decides what is where; this module only draws it.

use std::collections::HashSet;

use egui::{Align2, Color32, FontId, Pos2, Rect, Shape, Stroke, Ui, vec2};

use crate::corpus::Corpus;
use crate::graph::{MapGraph, MapNode};

use super::evidence_panel::headline;
use super::map_style::{
    LABEL_TEXT, SELECTION, actor_color, edge_width, faded, family_color, paint_pin, point, shape_of,
};
use super::messages::plural;
use super::scene_paint::{one_mesh, push_item, rgba};
use super::selection::Selection;
use crate::draw::edge_geometry::EdgeShape;
use crate::draw::map_scene::edge_items;
use crate::draw::scene::{Item, Stroke as SceneStroke};
use crate::map::MapState;

/// Which nodes and edges stand out because of the selection; the rest is faded.
pub(super) struct Focus {
    pub(super) nodes: HashSet<usize>,
    pub(super) edges: HashSet<usize>,
    /// The selected node or edge itself (drawn with an outline).
    pub(super) node: Option<usize>,
    pub(super) edge: Option<usize>,
}

impl Focus {
    pub(super) fn of(selection: &Selection, graph: &MapGraph, corpus: &Corpus) -> Option<Focus> {
        match selection {
            Selection::Nothing => None,
            Selection::Actor(id) => {
                let node = graph.node_of(id)?;
                let mut focus = Focus {
                    nodes: HashSet::from([node]),
                    edges: HashSet::new(),
                    node: Some(node),
                    edge: None,
                };
                for (i, e) in graph.edges.iter().enumerate() {
                    if e.source == node || e.target == node {
                        focus.edges.insert(i);
                        focus.nodes.extend([e.source, e.target]);
                    }
                }
                for a in &graph.affiliations {
                    if a.member == node || a.of == node {
                        focus.nodes.extend([a.member, a.of]);
                    }
                }
                Some(focus)
            }
            Selection::Interaction(id) => {
                let edge = graph.edges.iter().position(|e| {
                    corpus
                        .interactions
                        .get(e.interaction)
                        .is_some_and(|i| &i.id == id)
                })?;
                let e = &graph.edges[edge];
                Some(Focus {
                    nodes: HashSet::from([e.source, e.target]),
                    edges: HashSet::from([edge]),
                    node: None,
                    edge: Some(edge),
                })
            }
        }
    }
}

/// Node positions and sizes on screen for one frame.
pub(super) struct Placed {
    pub(super) centre: Vec<Pos2>,
    pub(super) radius: Vec<f32>,
}

/// The edges as one mesh (faded ones under the ones in focus).
pub(super) fn edges_mesh(
    painter: &egui::Painter,
    graph: &MapGraph,
    shapes: &[Option<EdgeShape>],
    focus: Option<&Focus>,
    hovered: Option<usize>,
) -> Shape {
    let lit = |i: usize| focus.is_none_or(|f| f.edges.contains(&i));
    // Faded edges first, so the ones in focus are drawn over them.
    let mut order: Vec<usize> = (0..shapes.len()).collect();
    order.sort_by_key(|&i| {
        (
            lit(i),
            Some(i) == hovered || focus.is_some_and(|f| f.edge == Some(i)),
        )
    });
    // The edges are scene items, as in the exports, turned into egui shapes and then one mesh.
    let mut items = Vec::with_capacity(shapes.len() * 2);
    for i in order {
        let Some(shape) = &shapes[i] else { continue };
        let e = &graph.edges[i];
        let base = family_color(e.family);
        let color = if lit(i) { base } else { faded(base) };
        let mut width = edge_width(e.evidence);
        if Some(i) == hovered {
            width += 1.5;
        }
        if focus.is_some_and(|f| f.edge == Some(i)) {
            // A dark casing marks the selected edge.
            let casing = SceneStroke {
                width: width + 3.5,
                color: rgba(SELECTION),
            };
            edge_items(shape, casing, &mut items);
        }
        let stroke = SceneStroke {
            width,
            color: rgba(color),
        };
        edge_items(shape, stroke, &mut items);
    }
    let mut batch = Vec::with_capacity(items.len());
    for item in &items {
        push_item(&mut batch, item);
    }
    one_mesh(painter, batch)
}

/// The nodes on screen as one mesh: small ones first so big ones stay on top, the focus last of all.
pub(super) fn nodes_mesh(
    painter: &egui::Painter,
    map: &MapState,
    placed: &Placed,
    rect: Rect,
    focus: Option<&Focus>,
    hovered: Option<usize>,
) -> Shape {
    let graph = map.graph();
    let mut order: Vec<usize> = (0..graph.nodes.len()).collect();
    order.sort_by_key(|&i| {
        (
            focus.is_none_or(|f| f.nodes.contains(&i)),
            graph.nodes[i].mentions,
        )
    });
    let mut batch = Vec::with_capacity(order.len());
    for i in order {
        let (c, r) = (placed.centre[i], placed.radius[i]);
        if !on_screen(rect, c, r) {
            continue;
        }
        let node = &graph.nodes[i];
        let lit = focus.is_none_or(|f| f.nodes.contains(&i));
        let fill = if lit {
            actor_color(node.kind)
        } else {
            faded(actor_color(node.kind))
        };
        let selected = focus.is_some_and(|f| f.node == Some(i));
        let stroke = if selected {
            Stroke::new(3.0, SELECTION)
        } else if Some(i) == hovered {
            Stroke::new(2.5, Color32::from_rgb(0x44, 0x4c, 0x58))
        } else {
            Stroke::new(1.5, Color32::WHITE)
        };
        let item = Item::Node {
            shape: shape_of(node.kind),
            centre: point(c),
            radius: r,
            fill: rgba(fill),
            outline: SceneStroke {
                width: stroke.width,
                color: rgba(stroke.color),
            },
        };
        push_item(&mut batch, &item);
    }
    one_mesh(painter, batch)
}

/// The pins of the pinned nodes on screen.
pub(super) fn paint_pins(painter: &egui::Painter, map: &MapState, placed: &Placed, rect: Rect) {
    for i in (0..map.graph().nodes.len()).filter(|&i| map.is_pinned(i)) {
        let (c, r) = (placed.centre[i], placed.radius[i]);
        if on_screen(rect, c, r) {
            paint_pin(painter, c, r);
        }
    }
}

fn on_screen(rect: Rect, centre: Pos2, radius: f32) -> bool {
    rect.expand(radius * 1.2).contains(centre)
}

pub(super) fn paint_empty_state(painter: &egui::Painter, rect: Rect, corpus: &Corpus) {
    let (headline, hint) = if corpus.articles.is_empty() {
        (
            "No articles open",
            "Open articles with File › Open… (Ctrl+O), drop files or folders here, or type a path above.",
        )
    } else {
        (
            "No actors on the map",
            "The open articles name no actors, or the View filters hide them all.",
        )
    };
    painter.text(
        rect.center() - vec2(0.0, 14.0),
        Align2::CENTER_CENTER,
        headline,
        FontId::proportional(20.0),
        LABEL_TEXT,
    );
    painter.text(
        rect.center() + vec2(0.0, 14.0),
        Align2::CENTER_CENTER,
        hint,
        FontId::proportional(13.0),
        faded(LABEL_TEXT).gamma_multiply(1.0),
    );
}

pub(super) fn node_tooltip(ui: &mut Ui, node: &MapNode, corpus: &Corpus, pinned: bool) {
    ui.strong(&node.label);
    let mut facts = vec![node.kind.as_str().to_string()];
    if let Some(t) = &node.title {
        facts.push(t.clone());
    }
    if let Some(c) = &node.country {
        facts.push(c.clone());
    }
    ui.label(facts.join(" · "));
    let articles = corpus.actors.get(node.actor).map_or(0, |a| {
        a.mentions
            .iter()
            .map(|m| m.article.as_str())
            .collect::<HashSet<_>>()
            .len()
    });
    ui.weak(format!(
        "{} mention{} in {articles} article{}",
        node.mentions,
        plural(node.mentions),
        plural(articles)
    ));
    if pinned {
        ui.weak("Pinned where you dropped it; double-click to release.");
    } else {
        ui.weak("Click for the evidence; drag to move.");
    }
}

pub(super) fn edge_tooltip(ui: &mut Ui, graph: &MapGraph, corpus: &Corpus, edge: usize) {
    let e = &graph.edges[edge];
    let (s, t) = (&graph.nodes[e.source].label, &graph.nodes[e.target].label);
    ui.strong(headline(e.kind, s, t));
    let cameo = corpus
        .interactions
        .get(e.interaction)
        .map(|i| i.cameo.as_str())
        .unwrap_or("");
    let direction = if e.directed { "directed" } else { "both ways" };
    ui.weak(format!(
        "{} · {direction} · CAMEO {cameo} · {} sentence{}",
        e.family.as_str(),
        e.evidence,
        plural(e.evidence)
    ));
    ui.weak("Click for the evidence.");
}
