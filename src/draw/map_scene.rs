//! The map as a drawing (`Scene`), without a screen: the whole laid-out map fitted onto a canvas, with
//! its edges, nodes, labels placed so they never overlap, an optional title and the legend below. The
//! SVG and PNG exports and `actormap render` are made from this; edges, label placement, the legend's
//! entries and every colour come from the same code the screen uses.
//!
//! Not for: what is shown (`graph`), where (`layout`), or writing files (`export`).

use super::edge_geometry::{EdgeShape, End, map_edge_shape};
use super::label_placement::{LabelRequest, Obstacle, place_labels};
use super::legend::LegendRows;
use super::point::{Point, Rect, pos2, vec2};
use super::scene::{Anchor, Item, Scene, Stroke};
use super::style::{
    AFFILIATION, BACKGROUND, DIAMOND_REACH, LABEL_HALO, LABEL_SIZE, LABEL_TEXT, MUTED,
    NODE_OUTLINE, Rgba, actor_color, edge_width, family_color, shape_of,
};
use super::text_metrics::text_width;
use crate::corpus::ActorKind;
use crate::export::LaidOut;

/// What to put in the drawing besides the map.
#[derive(Debug, Clone, PartialEq)]
pub struct SceneOptions {
    /// A heading above the map, with a line counting actors and interactions under it.
    pub title: Option<String>,
    pub legend: bool,
    /// The longest side of the map's own area in points; a bigger layout is scaled down to fit (its
    /// nodes shrink, its labels keep their size).
    pub max_side: f32,
}

impl Default for SceneOptions {
    fn default() -> Self {
        SceneOptions {
            title: None,
            legend: true,
            max_side: 2400.0,
        }
    }
}

/// Space around the map, in points.
const MARGIN: f32 = 28.0;
/// The smallest canvas, so a map of two actors is not a sliver.
const MIN_WIDTH: f32 = 560.0;
/// Labels placed at most (the most mentioned actors first).
const MAX_LABELS: usize = 2_000;
const TITLE_SIZE: f32 = 18.0;
const SUBTITLE_SIZE: f32 = 12.0;

/// An edge drawn: its curve with `stroke` and, when it has a direction, its arrowhead in the same colour
/// (outlined when the stroke is thick, so the head stays wider than the line). The screen draws its
/// edges from these items too.
pub fn edge_items(shape: &EdgeShape, stroke: Stroke, out: &mut Vec<Item>) {
    out.push(Item::Curve {
        curve: shape.curve,
        stroke,
        dash: None,
    });
    if let Some(points) = shape.arrow {
        out.push(Item::Polygon {
            points: points.to_vec(),
            fill: stroke.color,
            outline: (stroke.width > 6.0).then_some(Stroke {
                width: 1.5,
                color: stroke.color,
            }),
        });
    }
}

/// The dashed line from a member to the actor it belongs to, between their outlines. The screen draws
/// its affiliations from this too.
pub fn affiliation_item(member: End, of: End, color: Rgba) -> Option<Item> {
    let shape = super::edge_geometry::edge_shape(
        member.centre,
        of.centre,
        0.0,
        |p| super::style::node_contains(member.shape, member.centre, member.radius + 1.0, p),
        |p| super::style::node_contains(of.shape, of.centre, of.radius + 1.0, p),
        None,
    )?;
    Some(Item::Curve {
        curve: shape.curve,
        stroke: Stroke { width: 1.1, color },
        dash: Some(4.0),
    })
}

/// A label placed in `rect`: its halo and its text, vertically centred. The screen draws its labels from
/// these too.
pub fn label_items(rect: Rect, label: &str, halo: Rgba, color: Rgba) -> [Item; 2] {
    [
        Item::Box {
            rect,
            corner: 3.0,
            fill: halo,
            outline: None,
        },
        text(
            pos2(
                rect.min.x + 4.0,
                rect.min.y + (rect.height() + LABEL_SIZE * 0.7) / 2.0,
            ),
            label,
            LABEL_SIZE,
            color,
            false,
        ),
    ]
}

/// The drawing of `map`.
pub fn map_scene(map: LaidOut<'_>, options: &SceneOptions) -> Scene {
    let graph = map.graph;
    let n = graph.nodes.len();
    // The layout's extent, nodes' discs included.
    let (mut lo, mut hi) = (pos2(f32::MAX, f32::MAX), pos2(f32::MIN, f32::MIN));
    for i in 0..n {
        let p = Point::from(map.position(i));
        let r = map.radius(i) * DIAMOND_REACH;
        if p.x.is_finite() && p.y.is_finite() {
            lo = pos2(lo.x.min(p.x - r), lo.y.min(p.y - r));
            hi = pos2(hi.x.max(p.x + r), hi.y.max(p.y + r));
        }
    }
    if lo.x > hi.x {
        (lo, hi) = (pos2(0.0, 0.0), pos2(320.0, 160.0));
    }
    let extent = hi - lo;
    let zoom = (options.max_side / extent.x.max(extent.y).max(1.0)).min(1.0);
    let area = extent * zoom;
    // Labels may reach past the outermost nodes: room for them on every side.
    let pad = vec2(MARGIN + 60.0, MARGIN + 22.0);
    let mut width = (area.x + 2.0 * pad.x).max(MIN_WIDTH);
    let legend = options
        .legend
        .then(|| LegendRows::fit(width - 2.0 * MARGIN));
    if let Some(rows) = &legend {
        width = width.max(rows.width + 2.0 * MARGIN);
    }
    let title_height = if options.title.is_some() { 56.0 } else { 0.0 };
    let map_top = title_height;
    let map_height = area.y + 2.0 * pad.y;
    let legend_height = legend.as_ref().map_or(0.0, |r| r.height + MARGIN);
    let height = map_top + map_height + legend_height;

    let offset = pos2((width - area.x) / 2.0, map_top + pad.y);
    let place = |i: usize| (Point::from(map.position(i)) - lo) * zoom + offset;
    let centres: Vec<Point> = (0..n).map(place).collect();
    let radii: Vec<f32> = (0..n).map(|i| (map.radius(i) * zoom).max(2.5)).collect();
    let end = |i: usize| End {
        shape: shape_of(graph.nodes[i].kind),
        centre: centres[i],
        radius: radii[i],
    };

    let mut items = Vec::new();
    if let Some(title) = &options.title {
        items.push(text(
            pos2(MARGIN, MARGIN + 8.0),
            title,
            TITLE_SIZE,
            LABEL_TEXT,
            true,
        ));
        items.push(text(
            pos2(MARGIN, MARGIN + 28.0),
            &summary(map),
            SUBTITLE_SIZE,
            MUTED,
            false,
        ));
    }
    for a in &graph.affiliations {
        items.extend(affiliation_item(end(a.member), end(a.of), AFFILIATION));
    }
    for e in &graph.edges {
        let Some(shape) = map_edge_shape(e, end(e.source), end(e.target), zoom) else {
            continue;
        };
        edge_items(
            &shape,
            Stroke {
                width: edge_width(e.evidence),
                color: family_color(e.family),
            },
            &mut items,
        );
    }
    // Small nodes first, so big ones stay on top.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| radii[a].total_cmp(&radii[b]).then(a.cmp(&b)));
    for &i in &order {
        items.push(Item::Node {
            shape: shape_of(graph.nodes[i].kind),
            centre: centres[i],
            radius: radii[i],
            fill: actor_color(graph.nodes[i].kind),
            outline: Stroke {
                width: 1.5,
                color: NODE_OUTLINE,
            },
        });
    }
    let visible = Rect::from_min_max(pos2(0.0, map_top), pos2(width, map_top + map_height));
    items.extend(labels(map, &centres, &radii, visible));
    if let Some(rows) = legend {
        let top = map_top + map_height;
        items.extend(rows.items(pos2(MARGIN, top), width - 2.0 * MARGIN));
    }
    Scene {
        width: width.ceil(),
        height: height.ceil(),
        background: BACKGROUND,
        title: options
            .title
            .clone()
            .unwrap_or_else(|| "Actor map".to_string()),
        items,
    }
}

fn text(at: Point, s: &str, size: f32, color: Rgba, bold: bool) -> Item {
    Item::Text {
        at,
        text: s.to_string(),
        size,
        color,
        anchor: Anchor::Start,
        bold,
    }
}

/// "12 actors · 9 interactions · 3 articles".
fn summary(map: LaidOut<'_>) -> String {
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let interactions: usize = map.graph.edges.iter().map(|e| e.grouped.len().max(1)).sum();
    [
        count(map.graph.nodes.len(), "actor", "actors"),
        count(interactions, "interaction", "interactions"),
        count(map.corpus.articles.len(), "article", "articles"),
    ]
    .join(" · ")
}

/// Labels for the most mentioned and connected actors, each where it covers no other label or node.
fn labels(map: LaidOut<'_>, centres: &[Point], radii: &[f32], visible: Rect) -> Vec<Item> {
    let graph = map.graph;
    let mut degree = vec![0usize; graph.nodes.len()];
    for e in &graph.edges {
        degree[e.source] += 1;
        degree[e.target] += 1;
    }
    let priority = |i: usize| graph.nodes[i].mentions as f32 + 2.0 * degree[i] as f32;
    let mut candidates: Vec<usize> = (0..graph.nodes.len()).collect();
    candidates.sort_by(|&a, &b| priority(b).total_cmp(&priority(a)).then(a.cmp(&b)));
    candidates.truncate(MAX_LABELS);
    let height = LABEL_SIZE * 1.3 + 2.0;
    let requests: Vec<LabelRequest> = candidates
        .iter()
        .map(|&i| LabelRequest {
            anchor: centres[i],
            radius: radii[i]
                * if graph.nodes[i].kind == ActorKind::Official {
                    DIAMOND_REACH
                } else {
                    1.0
                },
            size: vec2(text_width(&graph.nodes[i].label, LABEL_SIZE) + 8.0, height),
            priority: priority(i),
            always: false,
        })
        .collect();
    let obstacles = super::label_placement::obstacles(
        &candidates,
        0..graph.nodes.len(),
        graph.nodes.len(),
        |i| Obstacle {
            centre: centres[i],
            radius: radii[i],
            priority: priority(i),
        },
    );
    let boxes = place_labels(&requests, &obstacles, visible, &[]);
    let mut out = Vec::new();
    for (&i, b) in candidates.iter().zip(boxes) {
        let Some(rect) = b else { continue };
        out.extend(label_items(
            rect,
            &graph.nodes[i].label,
            LABEL_HALO,
            LABEL_TEXT,
        ));
    }
    out
}
