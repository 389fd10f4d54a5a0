//! What the map's key says, line by line: what each node shape and colour, edge colour, dash and arrow
//! means. The screen's legend and the exported drawing's legend both lay out these entries.

use super::edge_geometry::Curve;
use super::point::{Point, Rect, pos2, vec2};
use super::scene::{Anchor, Item, Stroke};
use super::style::{
    AFFILIATION, LABEL_TEXT, MUTED, NODE_OUTLINE, NodeShape, PIN, Rgba, actor_color,
    actor_kind_plural, family_color, family_label, shape_of,
};
use super::text_metrics::text_width;
use crate::corpus::{ActorKind, Family};

const LEGEND_TEXT: f32 = 12.0;
const LEGEND_ROW: f32 = 22.0;
const LEGEND_ICON: f32 = 22.0;
const LEGEND_GAP: f32 = 14.0;

/// One item of the key.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Entry {
    Heading(&'static str),
    Node(ActorKind),
    Edge(Family),
    Affiliation,
    Arrow,
    Pin,
    Note(&'static str),
}

/// The two lines of the key: actors, then interactions.
pub fn lines() -> [Vec<Entry>; 2] {
    let mut actors = vec![Entry::Heading("Actors")];
    actors.extend(ActorKind::ALL.into_iter().map(Entry::Node));
    actors.extend([Entry::Pin, Entry::Note("size: mentions")]);
    let mut interactions = vec![Entry::Heading("Interactions")];
    interactions.extend(
        [Family::Cooperation, Family::Conflict, Family::Neutral]
            .into_iter()
            .map(Entry::Edge),
    );
    interactions.extend([
        Entry::Arrow,
        Entry::Affiliation,
        Entry::Note("width: sentences"),
    ]);
    [actors, interactions]
}

pub fn text_of(entry: Entry) -> &'static str {
    match entry {
        Entry::Heading(t) | Entry::Note(t) => t,
        Entry::Node(k) => actor_kind_plural(k),
        Entry::Edge(f) => family_label(f),
        Entry::Affiliation => "belongs to",
        Entry::Arrow => "who did it to whom",
        Entry::Pin => "pinned",
    }
}

pub fn has_icon(entry: Entry) -> bool {
    !matches!(entry, Entry::Heading(_) | Entry::Note(_))
}

/// The legend laid out in rows of entries that fit the canvas.
pub struct LegendRows {
    /// Entries with their x offset, per row.
    rows: Vec<Vec<(Entry, f32)>>,
    /// The panel's size in points, padding included.
    pub width: f32,
    pub height: f32,
}

impl LegendRows {
    /// The key's entries in rows no wider than `max_width` points.
    pub fn fit(max_width: f32) -> LegendRows {
        let mut rows = Vec::new();
        let mut widest: f32 = 0.0;
        for line in lines() {
            let mut row = Vec::new();
            let mut x = 0.0;
            for entry in line {
                let w = entry_width(entry);
                if x > 0.0 && x + w > max_width {
                    widest = widest.max(x);
                    rows.push(std::mem::take(&mut row));
                    x = 0.0;
                }
                row.push((entry, x));
                x += w + LEGEND_GAP;
            }
            widest = widest.max(x);
            rows.push(row);
        }
        LegendRows {
            height: rows.len() as f32 * LEGEND_ROW + 16.0,
            width: widest + 16.0,
            rows,
        }
    }
}

fn entry_width(entry: Entry) -> f32 {
    let icon = if has_icon(entry) {
        LEGEND_ICON + 4.0
    } else {
        0.0
    };
    icon + text_width(text_of(entry), LEGEND_TEXT)
        * if matches!(entry, Entry::Heading(_)) {
            1.08
        } else {
            1.0
        }
}

impl LegendRows {
    /// The panel and its entries with the panel's top-left corner at `top_left`, `width` points wide.
    pub fn items(&self, top_left: Point, width: f32) -> Vec<Item> {
        let mut out = vec![Item::Box {
            rect: Rect::from_min_size(top_left, vec2(width, self.height)),
            corner: 6.0,
            fill: Rgba::rgb(0xff, 0xff, 0xff),
            outline: Some(Stroke {
                width: 1.0,
                color: Rgba::rgb(0xd5, 0xd9, 0xe0),
            }),
        }];
        for (r, row) in self.rows.iter().enumerate() {
            let mid = top_left.y + 8.0 + LEGEND_ROW * (r as f32 + 0.5);
            for &(entry, x) in row {
                let x = top_left.x + 8.0 + x;
                let text_x = if has_icon(entry) {
                    out.extend(icon(entry, pos2(x + LEGEND_ICON / 2.0, mid)));
                    x + LEGEND_ICON + 4.0
                } else {
                    x
                };
                let (color, bold) = match entry {
                    Entry::Heading(_) => (LABEL_TEXT, true),
                    Entry::Note(_) => (MUTED, false),
                    _ => (LABEL_TEXT, false),
                };
                out.push(Item::Text {
                    at: pos2(text_x, mid + LEGEND_TEXT * 0.35),
                    text: text_of(entry).to_string(),
                    size: LEGEND_TEXT,
                    color,
                    anchor: Anchor::Start,
                    bold,
                });
            }
        }
        out
    }
}

/// The small picture before a legend entry, centred at `c`.
fn icon(entry: Entry, c: Point) -> Vec<Item> {
    let line = |color: Rgba, width: f32, dash: Option<f32>| Item::Curve {
        curve: Curve {
            from: c - vec2(9.0, 0.0),
            control: c,
            to: c + vec2(9.0, 0.0),
        },
        stroke: Stroke { width, color },
        dash,
    };
    let node = |shape: NodeShape, fill: Rgba| Item::Node {
        shape,
        centre: c,
        radius: 6.5,
        fill,
        outline: Stroke {
            width: 1.2,
            color: NODE_OUTLINE,
        },
    };
    match entry {
        Entry::Node(kind) => vec![node(shape_of(kind), actor_color(kind))],
        Entry::Edge(family) => vec![line(family_color(family), 3.0, None)],
        Entry::Affiliation => vec![line(AFFILIATION, 1.3, Some(4.0))],
        Entry::Arrow => {
            let color = family_color(Family::Neutral);
            vec![
                Item::Curve {
                    curve: Curve {
                        from: c - vec2(9.0, 0.0),
                        control: c - vec2(2.0, 0.0),
                        to: c + vec2(5.0, 0.0),
                    },
                    stroke: Stroke { width: 2.0, color },
                    dash: None,
                },
                Item::Polygon {
                    points: vec![c + vec2(10.0, 0.0), c + vec2(2.0, -4.5), c + vec2(2.0, 4.5)],
                    fill: color,
                    outline: None,
                },
            ]
        }
        Entry::Pin => vec![
            node(NodeShape::Circle, actor_color(ActorKind::Country)),
            Item::Node {
                shape: NodeShape::Circle,
                centre: c + vec2(5.0, -5.0),
                radius: 3.0,
                fill: PIN,
                outline: Stroke {
                    width: 1.0,
                    color: NODE_OUTLINE,
                },
            },
        ],
        Entry::Heading(_) | Entry::Note(_) => Vec::new(),
    }
}
