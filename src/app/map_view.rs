//! The map on screen: paints the graph of the open corpus where the layout put it, and turns the pointer
//! into pan, zoom, node dragging, hover tooltips and selection.
//!
//! Each node is an egui widget of its own (labelled with the actor's name for screen readers and UI tests),
//! so egui decides what the pointer is on; edges are hit-tested along their curves. The view keeps its own
//! pan/zoom (`ViewTransform`) and caches the label placement until something that moves labels changes.
//!
//! Not for: forces (`layout`), what is shown (`graph`, `MapState`), or the side panels.

use std::collections::HashSet;
use std::sync::Arc;

use egui::{
    Align, CursorIcon, FontId, Galley, Id, Layout, Pos2, Rect, Role, Sense, Shape, Ui, UiBuilder,
    Vec2, WidgetInfo, pos2, vec2,
};

use crate::corpus::{ActorKind, Corpus};
use crate::graph::MapGraph;

use super::legend::Legend;
use super::map_paint::{
    Focus, Placed, edge_tooltip, edges_mesh, node_tooltip, nodes_mesh, paint_empty_state,
    paint_pins,
};
use super::map_style::{
    BACKGROUND, LABEL_SIZE, LABEL_TEXT, draw_rect, egui_rect, point, pos, shape_of,
};
use super::scene_paint::paint_items;
use super::selection::Selection;
use super::view_transform::ViewTransform;
use crate::draw::edge_geometry::{EdgeShape, End, map_edge_shape};
use crate::draw::label_placement::{LabelRequest, Obstacle, place_labels};
use crate::draw::map_scene::{affiliation_item, label_items};
use crate::draw::scene::Item;
use crate::draw::style;
use crate::map::MapState;

/// Layout ticks per second of animation: the layout's 300-tick cooling then takes about 1.5 s however fast
/// the frames come, within these bounds per frame.
const TICKS_PER_SECOND: f32 = 200.0;
const MAX_TICKS_PER_FRAME: usize = 12;
/// Layout time a frame may spend at most (after its first tick): a big map animates more slowly instead of
/// making the window sluggish.
const LAYOUT_BUDGET: std::time::Duration = std::time::Duration::from_millis(12);
/// Room left around the map when fitting it to the window: wider at the sides, where labels stick out.
const FIT_MARGIN: Vec2 = vec2(80.0, 36.0);
/// Fitting never zooms in further than this, so a map of two nodes does not fill the screen.
const FIT_MAX_ZOOM: f32 = 1.5;
type EdgeCacheKey = (u64, u64, [f32; 3], Rect);

/// Labels considered for placement at most per frame (the rest of the nodes are unlabelled obstacles).
const LABEL_CANDIDATES: usize = 600;

/// Above this many nodes on screen, nodes get widgets only where the user acts.
const WIDGET_LIMIT: usize = 400;

/// A search's best matches that are always labelled.
const LABELLED_MATCHES: usize = 30;

/// How close (in points) the pointer must come to an edge to hover or click it.
const EDGE_HIT_TOLERANCE: f32 = 6.0;
/// Smallest radius a node is drawn with, however far out the user zooms.
const MIN_SCREEN_RADIUS: f32 = 2.5;

/// The map's view state: pan and zoom, what the pointer is doing, and the cached label placement.
pub struct MapView {
    transform: ViewTransform,
    /// Keep fitting the map to the window while the layout moves, until the user pans or zooms.
    follow: bool,
    fit_now: bool,
    reveal: Option<String>,
    /// The edge shapes of the last frame and what they were worked out for (map generation, layout
    /// motion, view centre and zoom, map rectangle).
    edge_cache: (Option<EdgeCacheKey>, Vec<Option<EdgeShape>>),
    /// The edges' and the nodes' meshes of the last frame, with what each was made for.
    meshes: MeshCache,
    /// Whether the revealed node is also centred and zoomed in on (a search's choice), not only brought
    /// into view.
    reveal_closely: bool,
    rect: Rect,
    dragging: Option<Drag>,
    labels: LabelCache,
    last_motion: u64,
    pub show_legend: bool,
    /// The corner the legend was in last frame (see `Legend::avoid`).
    legend_corner: usize,
    pub show_labels: bool,
}

struct Drag {
    node: usize,
    /// From the pointer to the node's centre when the drag began, so the node does not jump.
    grab_offset: Vec2,
}

#[derive(Default)]
struct MeshCache {
    edges: Option<(MeshKey, Shape)>,
    nodes: Option<(MeshKey, Shape)>,
}

/// What a mesh shows: the map and view (as the edge shapes' key), the items in focus and the focused
/// one, the hovered one, and the screen's pixel size (anti-aliasing).
#[derive(PartialEq)]
struct MeshKey {
    view: EdgeCacheKey,
    focus: Option<(Vec<usize>, Option<usize>)>,
    hovered: Option<usize>,
    pixels_per_point: f32,
}

impl MeshKey {
    fn new(
        view: EdgeCacheKey,
        focus: Option<(&HashSet<usize>, Option<usize>)>,
        hovered: Option<usize>,
        pixels_per_point: f32,
    ) -> MeshKey {
        let focus = focus.map(|(items, one)| {
            let mut items: Vec<usize> = items.iter().copied().collect();
            items.sort_unstable();
            (items, one)
        });
        MeshKey {
            view,
            focus,
            hovered,
            pixels_per_point,
        }
    }
}

/// The mesh in `slot` when it was made for `key`, else a new one from `make`, kept for the next frame.
fn cached(
    slot: &mut Option<(MeshKey, Shape)>,
    key: MeshKey,
    make: impl FnOnce() -> Shape,
) -> Shape {
    match slot {
        Some((k, shape)) if *k == key => shape.clone(),
        _ => {
            let shape = make();
            *slot = Some((key, shape.clone()));
            shape
        }
    }
}

#[derive(Default)]
struct LabelCache {
    key: Option<LabelKey>,
    /// By node index: the label's box. (Text is laid out again each frame: a galley is only valid for the
    /// font atlas of the frame that made it; egui caches the layout anyway.)
    placed: Vec<Option<Rect>>,
}

#[derive(Debug, PartialEq)]
struct LabelKey {
    generation: u64,
    motion: u64,
    transform: ViewTransform,
    rect: Rect,
    always: Vec<usize>,
    focus: Vec<usize>,
    blocked: Vec<Rect>,
    pixels_per_point: f32,
}

impl Default for MapView {
    fn default() -> Self {
        MapView {
            transform: ViewTransform::default(),
            follow: true,
            fit_now: true,
            reveal: None,
            edge_cache: (None, Vec::new()),
            meshes: MeshCache::default(),
            reveal_closely: false,
            rect: Rect::NOTHING,
            dragging: None,
            labels: LabelCache::default(),
            last_motion: u64::MAX,
            show_legend: true,
            legend_corner: 0,
            show_labels: true,
        }
    }
}

impl MapView {
    /// The screen rectangle the map took in the last frame (what an export captures).
    pub fn rect(&self) -> Rect {
        self.rect
    }

    /// The layout point at the centre of the map and the zoom (a workspace keeps them).
    pub fn view(&self) -> ([f32; 2], f32) {
        (
            [self.transform.center.x, self.transform.center.y],
            self.transform.zoom,
        )
    }

    /// Shows the map centred on `centre` at `zoom`, as a saved workspace had it.
    pub fn set_view(&mut self, centre: [f32; 2], zoom: f32) {
        self.transform = ViewTransform {
            center: egui::pos2(centre[0], centre[1]),
            zoom,
        };
        self.follow = false;
        self.fit_now = false;
    }

    /// Fits the whole map into the window on the next frame.
    pub fn fit_all(&mut self) {
        self.fit_now = true;
    }

    /// Fits the map now and keeps fitting while the layout moves (after opening files), until the user takes
    /// over the view.
    pub fn follow_layout(&mut self) {
        self.follow = true;
        self.fit_now = true;
    }

    /// Brings the actor's node into view on the next frame, if it is off screen.
    pub fn reveal(&mut self, actor_id: &str) {
        self.reveal = Some(actor_id.to_string());
        self.reveal_closely = false;
    }

    /// Centres the actor's node on the next frame and zooms in on its neighbourhood.
    pub fn zoom_to(&mut self, actor_id: &str) {
        self.reveal = Some(actor_id.to_string());
        self.reveal_closely = true;
    }

    /// Where the middle of the interaction's edge is on screen (for tests and keyboard users).
    pub fn edge_middle(&self, map: &MapState, interaction_id: &str) -> Option<Pos2> {
        let graph = map.graph();
        let i = graph.edges.iter().position(|e| {
            map.corpus()
                .interactions
                .get(e.interaction)
                .is_some_and(|it| it.id == interaction_id)
        })?;
        let placed = self.place_nodes(map, self.rect);
        edge_shape_of(graph, i, &placed, self.transform.zoom).map(|s| pos(s.middle()))
    }

    /// Where the actor's node is on screen.
    pub fn node_centre(&self, map: &MapState, actor_id: &str) -> Option<Pos2> {
        let i = map.graph().node_of(actor_id)?;
        let p = map.positions().get(i)?;
        Some(self.transform.to_screen(self.rect, pos2(p[0], p[1])))
    }

    fn place_nodes(&self, map: &MapState, rect: Rect) -> Placed {
        let zoom = self.transform.zoom;
        Placed {
            centre: map
                .positions()
                .iter()
                .map(|p| self.transform.to_screen(rect, pos2(p[0], p[1])))
                .collect(),
            radius: (0..map.positions().len())
                .map(|i| (map.radius(i) * zoom).max(MIN_SCREEN_RADIUS))
                .collect(),
        }
    }

    /// Shows the map in all the space `ui` has left. `capturing` hides hover effects and controls, for a
    /// clean exported picture.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        map: &mut MapState,
        selection: &mut Selection,
        found: &[usize],
        capturing: bool,
    ) {
        let (rect, background) =
            ui.allocate_exact_size(ui.available_size_before_wrap(), Sense::click_and_drag());
        background.widget_info(|| WidgetInfo::labeled(Role::Canvas, true, "Map"));
        self.rect = rect;
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 0.0, BACKGROUND);

        let dt = ui.input(|i| i.stable_dt);
        let ticks = ((dt * TICKS_PER_SECOND).round() as usize).clamp(1, MAX_TICKS_PER_FRAME);
        if map.tick_within(ticks, LAYOUT_BUDGET) {
            ui.ctx().request_repaint();
        }
        let mut legend = self.show_legend.then(|| Legend::layout(rect));
        let moved = map.motion() != self.last_motion;
        self.last_motion = map.motion();
        if (self.fit_now || (self.follow && moved)) && rect.is_positive() {
            if let Some((min, max)) = map.bounds() {
                let mut area = rect;
                area.max.y -= legend.as_ref().map_or(0.0, Legend::reserved_height);
                self.transform = ViewTransform::fit(
                    rect,
                    area,
                    pos2(min[0], min[1]),
                    pos2(max[0], max[1]),
                    FIT_MARGIN,
                    FIT_MAX_ZOOM,
                );
            }
            self.fit_now = false;
        }
        if let Some(id) = self.reveal.take()
            && let Some(i) = map.graph().node_of(&id)
        {
            let p = map.positions()[i];
            let world = pos2(p[0], p[1]);
            if std::mem::take(&mut self.reveal_closely) {
                // About eight edge lengths across the shorter side of the map.
                let close = rect.width().min(rect.height()) / (8.0 * map.ideal_edge_length());
                self.transform.zoom = self.transform.zoom.max(close);
                self.transform.center = world;
                self.follow = false;
            } else if !rect
                .shrink(60.0)
                .contains(self.transform.to_screen(rect, world))
            {
                self.transform.center = world;
                self.follow = false;
            }
        }

        if map.graph().nodes.is_empty() {
            paint_empty_state(&painter, rect, map.corpus());
            self.dragging = None;
            return;
        }

        // Nodes as widgets: egui tells which one the pointer is on.
        let placed = self.place_nodes(map, rect);
        let mut hovered_node = None;
        let mut node_clicked = None;
        let mut unpin = None;
        let mut moved_to = None;
        // With many nodes on screen, only the few the user can be acting on get a widget (the one under the
        // pointer, the dragged one, the selected one): thousands of widgets cost more than the drawing.
        let hit_rect = |i: usize| {
            Rect::from_center_size(
                placed.centre[i],
                Vec2::splat(2.0 * placed.radius[i] * 1.18 + 2.0),
            )
        };
        let on_screen = (0..map.graph().nodes.len())
            .filter(|&i| hit_rect(i).intersects(rect))
            .count();
        let with_widget: Option<Vec<usize>> = (on_screen > WIDGET_LIMIT).then(|| {
            let pointer = ui.input(|i| i.pointer.hover_pos());
            let under = pointer.and_then(|p| {
                (0..map.graph().nodes.len())
                    .filter(|&i| hit_rect(i).contains(p))
                    .max_by_key(|&i| (map.graph().nodes[i].mentions, std::cmp::Reverse(i)))
            });
            let selected = match selection {
                Selection::Actor(id) => map.graph().node_of(id),
                _ => None,
            };
            under
                .into_iter()
                .chain(self.dragging.as_ref().map(|d| d.node))
                .chain(selected)
                .collect()
        });
        for (i, node) in map.graph().nodes.iter().enumerate() {
            if with_widget.as_ref().is_some_and(|w| !w.contains(&i)) {
                continue;
            }
            let c = placed.centre[i];
            let hit = hit_rect(i).intersect(rect);
            if !hit.is_positive() {
                continue;
            }
            let response = ui.interact(
                hit,
                Id::unique(("actormap-node", &node.id)),
                Sense::click_and_drag(),
            );
            response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &node.label));
            // The offset is measured from where the button went down, not where the drag was recognised.
            if response.drag_started()
                && let Some(p) = ui
                    .input(|i| i.pointer.press_origin())
                    .or(response.interact_pointer_pos())
            {
                self.dragging = Some(Drag {
                    node: i,
                    grab_offset: c - p,
                });
            }
            if response.dragged()
                && let (Some(drag), Some(p)) = (&self.dragging, response.interact_pointer_pos())
                && drag.node == i
            {
                moved_to = Some((i, self.transform.to_world(rect, p + drag.grab_offset)));
            }
            if response.drag_stopped() {
                self.dragging = None;
            }
            if response.double_clicked() {
                unpin = Some(i);
            } else if response.clicked() {
                node_clicked = Some(i);
            }
            if !capturing
                && (response.hovered() || self.dragging.as_ref().is_some_and(|d| d.node == i))
            {
                hovered_node = Some(i);
                let pinned = map.is_pinned(i);
                let icon = if self.dragging.is_some() {
                    CursorIcon::Grabbing
                } else {
                    CursorIcon::PointingHand
                };
                let response = response.on_hover_cursor(icon);
                if self.dragging.is_none() {
                    response
                        .on_hover_ui_at_pointer(|ui| node_tooltip(ui, node, map.corpus(), pinned));
                }
            }
        }
        // A drag that ended where its node has no widget (dragged off the map) ends here.
        if self.dragging.is_some() && !ui.input(|i| i.pointer.any_down()) {
            self.dragging = None;
        }
        if let Some((i, world)) = moved_to {
            map.pin(i, [world.x, world.y]);
            self.follow = false;
        }
        if let Some(i) = unpin {
            map.unpin(i);
        }
        if let Some(i) = node_clicked {
            *selection = Selection::Actor(map.graph().nodes[i].id.clone());
        }

        // Pan and zoom.
        if background.dragged() && self.dragging.is_none() {
            self.transform.pan(background.drag_delta());
            self.follow = false;
            ui.ctx().set_cursor_icon(CursorIcon::Grabbing);
        }
        if background.contains_pointer() {
            let (scroll, zoom_delta, pointer) =
                ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta(), i.pointer.hover_pos()));
            let factor = zoom_delta * (scroll.y * 0.0018).exp();
            if let Some(p) = pointer
                && (factor - 1.0).abs() > 1e-4
            {
                self.transform.zoom_around(rect, p, factor);
                self.follow = false;
            }
        }

        // Positions may have changed with a drag, a pan or a zoom: place again before painting.
        let placed = self.place_nodes(map, rect);
        let graph = map.graph();
        let zoom = self.transform.zoom;
        // Edge shapes are worked out again only when a node, the view or the map changed; an edge with
        // both ends off screen and a box that misses the screen is not worked out at all.
        let key = (
            map.generation(),
            map.motion(),
            [self.transform.center.x, self.transform.center.y, zoom],
            rect,
        );
        if self.edge_cache.0 != Some(key) {
            let visible = |i: usize| {
                let e = &graph.edges[i];
                let (a, b) = (placed.centre[e.source], placed.centre[e.target]);
                rect.expand(60.0).intersects(Rect::from_two_pos(a, b))
            };
            let shapes = (0..graph.edges.len())
                .map(|i| {
                    if visible(i) {
                        edge_shape_of(graph, i, &placed, zoom)
                    } else {
                        None
                    }
                })
                .collect();
            self.edge_cache = (Some(key), shapes);
        }
        let edges: &[Option<EdgeShape>] = &self.edge_cache.1;

        let pointer = background.hover_pos();
        let edge_at = |p: Pos2| {
            edges
                .iter()
                .enumerate()
                .filter_map(|(i, e)| {
                    let e = e.as_ref()?;
                    Some((i, e.distance_within(point(p), EDGE_HIT_TOLERANCE)?))
                })
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(i, _)| i)
        };
        let hovered_edge = if capturing || hovered_node.is_some() {
            None
        } else {
            pointer.and_then(edge_at)
        };
        if background.clicked() {
            *selection = match background.interact_pointer_pos().and_then(edge_at) {
                Some(i) => corpus_interaction_id(map.corpus(), graph, i)
                    .map_or(Selection::Nothing, Selection::Interaction),
                None => Selection::Nothing,
            };
        }
        if let Some(legend) = &mut legend {
            let nodes: Vec<(Pos2, f32)> = placed
                .centre
                .iter()
                .copied()
                .zip(placed.radius.iter().copied())
                .collect();
            self.legend_corner =
                legend.avoid(&nodes, rect, controls_rect(rect), self.legend_corner);
        }
        if let Some(i) = hovered_edge {
            ui.ctx().set_cursor_icon(CursorIcon::PointingHand);
            background
                .clone()
                .on_hover_ui_at_pointer(|ui| edge_tooltip(ui, graph, map.corpus(), i));
        }

        // What a search found stands out; otherwise the selection and its neighbours do; otherwise the
        // hovered node and its neighbours.
        let focus = if found.is_empty() {
            Focus::of(selection, graph, map.corpus()).or_else(|| {
                let hovered = &graph.nodes[hovered_node?];
                let mut f = Focus::of(&Selection::Actor(hovered.id.clone()), graph, map.corpus())?;
                f.node = None;
                Some(f)
            })
        } else {
            Some(Focus {
                nodes: found.iter().copied().collect(),
                edges: HashSet::new(),
                node: None,
                edge: None,
            })
        };
        self.paint_affiliations(&painter, map, &placed, focus.as_ref());
        // The meshes are made again only when what they show changed: a map at rest costs a copy.
        let ppp = ui.ctx().pixels_per_point();
        let edge_key = MeshKey::new(
            key,
            focus.as_ref().map(|f| (&f.edges, f.edge)),
            hovered_edge,
            ppp,
        );
        painter.add(cached(&mut self.meshes.edges, edge_key, || {
            edges_mesh(&painter, graph, edges, focus.as_ref(), hovered_edge)
        }));
        let node_key = MeshKey::new(
            key,
            focus.as_ref().map(|f| (&f.nodes, f.node)),
            hovered_node,
            ppp,
        );
        painter.add(cached(&mut self.meshes.nodes, node_key, || {
            nodes_mesh(&painter, map, &placed, rect, focus.as_ref(), hovered_node)
        }));
        paint_pins(&painter, map, &placed, rect);
        if self.show_labels {
            let mut always: Vec<usize> = hovered_node.into_iter().collect();
            always.extend(found.iter().take(LABELLED_MATCHES));
            if let Some(f) = &focus {
                always.extend(f.node);
                if let Some(e) = f.edge {
                    always.extend([graph.edges[e].source, graph.edges[e].target]);
                }
            }
            let mut blocked: Vec<Rect> = legend.iter().map(|l| l.rect).collect();
            if !capturing {
                blocked.push(controls_rect(rect));
            }
            let focus_nodes: Vec<usize> = focus
                .as_ref()
                .map(|f| f.nodes.iter().copied().collect())
                .unwrap_or_default();
            self.update_labels(ui, map, &placed, rect, always, &focus_nodes, &blocked);
            self.paint_labels(&painter, graph, focus.as_ref());
        }
        if let Some(legend) = &legend {
            legend.paint(&painter);
        }
        if !capturing {
            self.controls(ui, rect);
        }
    }

    fn paint_affiliations(
        &self,
        painter: &egui::Painter,
        map: &MapState,
        placed: &Placed,
        focus: Option<&Focus>,
    ) {
        let graph = map.graph();
        let end = |i: usize| End {
            shape: shape_of(graph.nodes[i].kind),
            centre: point(placed.centre[i]),
            radius: placed.radius[i],
        };
        let items: Vec<Item> = graph
            .affiliations
            .iter()
            .filter_map(|a| {
                let lit = focus.is_none_or(|f| f.node.is_some_and(|n| n == a.member || n == a.of));
                let color = if lit {
                    style::AFFILIATION
                } else {
                    style::faded(style::AFFILIATION)
                };
                affiliation_item(end(a.member), end(a.of), color)
            })
            .collect();
        paint_items(painter, &items);
    }

    #[expect(
        clippy::too_many_arguments,
        reason = "one call site; the arguments are the label cache's key"
    )]
    fn update_labels(
        &mut self,
        ui: &Ui,
        map: &MapState,
        placed: &Placed,
        rect: Rect,
        mut always: Vec<usize>,
        focus: &[usize],
        blocked: &[Rect],
    ) {
        always.sort_unstable();
        always.dedup();
        let mut focus = focus.to_vec();
        focus.sort_unstable();
        let key = LabelKey {
            generation: map.generation(),
            motion: map.motion(),
            transform: self.transform,
            rect,
            always: always.clone(),
            focus: focus.clone(),
            blocked: blocked.to_vec(),
            pixels_per_point: ui.ctx().pixels_per_point(),
        };
        if self.labels.key.as_ref() == Some(&key) {
            return;
        }
        let graph = map.graph();
        let visible: Vec<usize> = (0..graph.nodes.len())
            .filter(|&i| rect.expand(placed.radius[i]).contains(placed.centre[i]))
            .collect();
        // The selection's neighbourhood is labelled first, then the most mentioned actors.
        let priority = |i: usize| {
            graph.nodes[i].mentions as f32
                + if focus.binary_search(&i).is_ok() {
                    1.0e6
                } else {
                    0.0
                }
        };
        // Only the likeliest labels are laid out and placed: a screen holds a few hundred at most, and
        // laying out thousands of texts every frame of an animation costs more than all the drawing.
        let mut candidates: Vec<usize> = visible.clone();
        if candidates.len() > LABEL_CANDIDATES {
            candidates.sort_by(|&a, &b| {
                let (ka, kb) = (
                    always.binary_search(&a).is_ok(),
                    always.binary_search(&b).is_ok(),
                );
                kb.cmp(&ka)
                    .then(priority(b).total_cmp(&priority(a)))
                    .then(a.cmp(&b))
            });
            candidates.truncate(LABEL_CANDIDATES);
        }
        let font = FontId::proportional(LABEL_SIZE);
        let galleys: Vec<Arc<Galley>> = candidates
            .iter()
            .map(|&i| {
                ui.painter()
                    .layout_no_wrap(graph.nodes[i].label.clone(), font.clone(), LABEL_TEXT)
            })
            .collect();
        let requests: Vec<LabelRequest> = candidates
            .iter()
            .zip(&galleys)
            .map(|(&i, g)| LabelRequest {
                anchor: point(placed.centre[i]),
                radius: placed.radius[i]
                    * if graph.nodes[i].kind == ActorKind::Official {
                        1.18
                    } else {
                        1.0
                    },
                size: point(g.size().to_pos2()) + point(pos2(8.0, 2.0)),
                priority: priority(i),
                always: always.binary_search(&i).is_ok(),
            })
            .collect();
        // Each candidate's own disc comes first, at its index; then the other visible nodes.
        let obstacles = crate::draw::label_placement::obstacles(
            &candidates,
            visible.iter().copied(),
            graph.nodes.len(),
            |i| Obstacle {
                centre: point(placed.centre[i]),
                radius: placed.radius[i],
                priority: priority(i),
            },
        );
        let blocked: Vec<_> = blocked.iter().map(|&b| draw_rect(b)).collect();
        let boxes = place_labels(&requests, &obstacles, draw_rect(rect), &blocked);
        let mut out = vec![None; graph.nodes.len()];
        for (&i, b) in candidates.iter().zip(boxes) {
            out[i] = b.map(egui_rect);
        }
        self.labels = LabelCache {
            key: Some(key),
            placed: out,
        };
    }

    fn paint_labels(&self, painter: &egui::Painter, graph: &MapGraph, focus: Option<&Focus>) {
        let mut items = Vec::new();
        for (i, label) in self.labels.placed.iter().enumerate() {
            let (Some(rect), Some(node)) = (label, graph.nodes.get(i)) else {
                continue;
            };
            let lit = focus.is_none_or(|f| f.nodes.contains(&i));
            let (halo, text) = if lit {
                (style::LABEL_HALO, style::LABEL_TEXT)
            } else {
                let h = style::LABEL_HALO;
                (
                    style::Rgba(h.0, h.1, h.2, (f32::from(h.3) * 0.6) as u8),
                    style::faded(style::LABEL_TEXT),
                )
            };
            items.extend(label_items(draw_rect(*rect), &node.label, halo, text));
        }
        paint_items(painter, &items);
    }

    /// Fit and zoom buttons in the map's top-right corner.
    fn controls(&mut self, ui: &mut Ui, rect: Rect) {
        let bar = controls_rect(rect);
        let mut fit = false;
        let mut zoom = 1.0;
        ui.scope_builder(
            UiBuilder::new()
                .max_rect(bar)
                .layout(Layout::right_to_left(Align::Center)),
            |ui| {
                fit = ui
                    .button("Fit all")
                    .on_hover_text("Show the whole map (F)")
                    .clicked();
                if ui
                    .button("−")
                    .on_hover_text("Zoom out (or scroll)")
                    .clicked()
                {
                    zoom = 1.0 / 1.25;
                }
                if ui
                    .button("+")
                    .on_hover_text("Zoom in (or scroll)")
                    .clicked()
                {
                    zoom = 1.25;
                }
            },
        );
        if fit {
            self.fit_all();
        }
        if zoom != 1.0 {
            self.transform.zoom_around(rect, rect.center(), zoom);
            self.follow = false;
            ui.ctx().request_repaint();
        }
    }
}

/// Where the fit and zoom buttons go: the map's top-right corner.
/// Whether a point lies inside node `i`'s outline, grown by `pad`.
fn controls_rect(map: Rect) -> Rect {
    Rect::from_min_max(
        pos2(map.max.x - 150.0, map.min.y + 8.0),
        pos2(map.max.x - 8.0, map.min.y + 36.0),
    )
}

fn corpus_interaction_id(corpus: &Corpus, graph: &MapGraph, edge: usize) -> Option<String> {
    corpus
        .interactions
        .get(graph.edges.get(edge)?.interaction)
        .map(|i| i.id.clone())
}

/// The screen shape of edge `i`: fanned by its lane, from rim to rim, with an arrowhead when directed.
fn edge_shape_of(graph: &MapGraph, i: usize, placed: &Placed, zoom: f32) -> Option<EdgeShape> {
    let e = graph.edges.get(i)?;
    let end = |n: usize| End {
        shape: shape_of(graph.nodes[n].kind),
        centre: point(placed.centre[n]),
        radius: placed.radius[n],
    };
    map_edge_shape(e, end(e.source), end(e.target), zoom)
}
