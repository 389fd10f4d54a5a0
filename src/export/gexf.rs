//! The map as a GEXF 1.3 file for Gephi: each node shown (an actor) and each edge shown (an interaction,
//! or a dashed "belongs to" link from an affiliation) once, with what the map knows about it as GEXF
//! attributes and how the map draws it as `viz:` colour, position, size and shape (thickness for edges),
//! so Gephi can show the map as the user saw it. Directed and undirected interactions sit in one graph
//! (`defaultedgetype="directed"`, a `type` on every edge: `directed`, or `mutual` for an act of both
//! sides on each other, with the `directed` attribute false); an edge's `kind` is its interaction kind, so
//! Gephi keeps parallel edges of different kinds apart. Positions are in layout units with y pointing
//! up, as in Gephi (the map's y points down).
//!
//! Checked with: the published GEXF 1.3 schema (`tests/export_xml.rs`, with `xmllint`), and NetworkX
//! 3.6's `read_gexf` by hand, which reads every node and edge with labels, attributes, colours and
//! positions back (it refuses `undirected` edges in a directed graph, hence `mutual`). The `viz:`
//! elements are in `http://gexf.net/1.3/viz`, as the 1.3 primer, Gephi and NetworkX have them; the
//! published schema puts them in the GEXF namespace, so the test binds `viz` to it before validating.
//! Not yet opened in Gephi itself.
//!
//! Left out: the evidence sentences and articles (the CSV tables and the report carry them), the ids of
//! the interactions a grouped edge stands for beyond the first, dates (the file is static), and labels'
//! placement.
//!
//! What a graph file says about a node or an edge (`records`, the `*_FIELDS` tables), escaping and unique
//! ids live here too, and the GraphML writer reads them, so the two files describe the map alike.

use std::borrow::Cow;
use std::collections::HashSet;
use std::io::{self, BufWriter, Write};

use super::LaidOut;
use crate::draw::style::{self, NodeShape, Rgba};

const GEXF_NS: &str = "http://gexf.net/1.3";
/// The namespace of the `viz:` elements, as the GEXF 1.3 primer gives it and Gephi writes it.
pub const VIZ_NS: &str = "http://gexf.net/1.3/viz";

/// The kind written on a "belongs to" link (an official to an institution or country, an institution to
/// a country), where an interaction edge has its interaction kind.
pub const BELONGS_TO: &str = "belongs to";

/// Writes the map as GEXF 1.3 (UTF-8) to `out`. Fails only when `out` does.
pub fn write_gexf(map: LaidOut<'_>, out: &mut dyn Write) -> io::Result<()> {
    let (nodes, edges) = records(map);
    let mut w = BufWriter::new(out);
    write!(
        w,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="{GEXF_NS}" xmlns:viz="{VIZ_NS}" version="1.3"
      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
      xsi:schemaLocation="{GEXF_NS} {GEXF_NS}/gexf.xsd">
  <meta>
    <creator>actormap {}</creator>
    <description>Actors and interactions found in news articles, as the map shows them.</description>
  </meta>
  <graph mode="static" defaultedgetype="directed">
"#,
        env!("CARGO_PKG_VERSION")
    )?;
    declare(&mut w, "node", &NODE_FIELDS)?;
    declare(&mut w, "edge", &EDGE_FIELDS)?;
    writeln!(w, r#"    <nodes count="{}">"#, nodes.len())?;
    for n in &nodes {
        write_node(&mut w, n)?;
    }
    writeln!(w, "    </nodes>\n    <edges count=\"{}\">", edges.len())?;
    for e in &edges {
        write_edge(&mut w, e, &nodes)?;
    }
    writeln!(w, "    </edges>\n  </graph>\n</gexf>")?;
    w.flush()
}

fn declare(w: &mut impl Write, class: &str, fields: &[Field]) -> io::Result<()> {
    writeln!(w, r#"    <attributes class="{class}" mode="static">"#)?;
    for f in fields {
        let ty = match f.ty {
            FieldType::Text => "string",
            FieldType::Integer => "integer",
            FieldType::Boolean => "boolean",
            FieldType::Number => "double",
        };
        let (id, title) = (f.key, f.title);
        writeln!(
            w,
            r#"      <attribute id="{id}" title="{title}" type="{ty}"/>"#
        )?;
    }
    writeln!(w, "    </attributes>")
}

fn write_values(w: &mut impl Write, fields: &[Field], values: &[Option<String>]) -> io::Result<()> {
    writeln!(w, "        <attvalues>")?;
    for (f, v) in fields.iter().zip(values) {
        if let Some(v) = v {
            let (id, value) = (f.key, escape(v));
            writeln!(w, r#"          <attvalue for="{id}" value="{value}"/>"#)?;
        }
    }
    writeln!(w, "        </attvalues>")
}

fn write_node(w: &mut impl Write, n: &NodeRecord<'_>) -> io::Result<()> {
    let (id, label) = (escape(&n.id), escape(n.label));
    writeln!(w, r#"      <node id="{id}" label="{label}">"#)?;
    write_values(w, &NODE_FIELDS, &n.values)?;
    let Rgba(r, g, b, _) = n.color;
    // Gephi's y axis points up, the map's down: flipped, so Gephi does not show the map mirrored.
    let (x, y, size) = (
        number(n.position[0]),
        number(-n.position[1]),
        number(n.radius).max(0.0),
    );
    let shape = match n.shape {
        NodeShape::Circle => "disc",
        NodeShape::Diamond => "diamond",
        NodeShape::RoundedSquare => "square",
    };
    writeln!(w, r#"        <viz:color r="{r}" g="{g}" b="{b}"/>"#)?;
    writeln!(w, r#"        <viz:position x="{x}" y="{y}"/>"#)?;
    writeln!(w, r#"        <viz:size value="{size}"/>"#)?;
    writeln!(w, r#"        <viz:shape value="{shape}"/>"#)?;
    writeln!(w, "      </node>")
}

fn write_edge(w: &mut impl Write, e: &EdgeRecord, nodes: &[NodeRecord<'_>]) -> io::Result<()> {
    // A mutual act ("talks between X and Y", an accord) is done by each side to the other: GEXF 1.3's
    // `mutual` edge. Unlike `undirected` beside `directed` edges, NetworkX reads it too.
    let direction = if e.directed { "directed" } else { "mutual" };
    let (id, kind) = (escape(&e.id), e.kind);
    let (source, target) = (escape(&nodes[e.source].id), escape(&nodes[e.target].id));
    write!(
        w,
        r#"      <edge id="{id}" source="{source}" target="{target}" type="{direction}""#
    )?;
    write!(w, r#" kind="{kind}" label="{kind}""#)?;
    // A "belongs to" link has no evidence; without a weight it counts as GEXF's default of 1.
    if e.is_interaction {
        write!(w, r#" weight="{}""#, e.evidence)?;
    }
    writeln!(w, ">")?;
    write_values(w, &EDGE_FIELDS, &e.values)?;
    let Rgba(r, g, b, _) = e.color;
    writeln!(w, r#"        <viz:color r="{r}" g="{g}" b="{b}"/>"#)?;
    if e.is_interaction {
        let width = style::edge_width(e.evidence);
        writeln!(w, r#"        <viz:thickness value="{width}"/>"#)?;
    } else {
        writeln!(w, r#"        <viz:shape value="dashed"/>"#)?;
    }
    writeln!(w, "      </edge>")
}

/// How a graph file types an attribute's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FieldType {
    Text,
    Integer,
    Boolean,
    Number,
}

/// One attribute the graph files declare: `key` names it in the file (an XML name token, so it is a
/// GraphML key and attribute name as it is), `title` says it in words for Gephi's data table.
pub(super) struct Field {
    pub key: &'static str,
    pub title: &'static str,
    pub ty: FieldType,
}

pub(super) const fn field(key: &'static str, title: &'static str, ty: FieldType) -> Field {
    Field { key, title, ty }
}

/// What both files say about every node, in the order of `NodeRecord::values`.
pub(super) const NODE_FIELDS: [Field; 7] = [
    field("kind", "kind", FieldType::Text),
    field("country", "country", FieldType::Text),
    field("title", "title", FieldType::Text),
    field("cameo_code", "CAMEO code", FieldType::Text),
    field("mentions", "mentions", FieldType::Integer),
    field("aliases", "aliases", FieldType::Text),
    field("members", "members", FieldType::Integer),
];

/// What both files say about every edge, in the order of `EdgeRecord::values`.
pub(super) const EDGE_FIELDS: [Field; 8] = [
    field("kind", "kind", FieldType::Text),
    field("family", "family", FieldType::Text),
    field("plover", "PLOVER", FieldType::Text),
    field("cameo_code", "CAMEO code", FieldType::Text),
    field("modality", "modality", FieldType::Text),
    field("directed", "directed", FieldType::Boolean),
    field("evidence", "evidence", FieldType::Integer),
    field("interactions", "interactions", FieldType::Integer),
];

/// A node as the graph files describe it.
pub(super) struct NodeRecord<'a> {
    /// The actor's id, made unique among the nodes (`-2`, `-3`) should a broken corpus repeat one.
    pub id: String,
    pub label: &'a str,
    /// The values of `NODE_FIELDS`, in order; `None` where the actor has none.
    pub values: [Option<String>; NODE_FIELDS.len()],
    /// Layout units, y pointing down as on the map.
    pub position: [f32; 2],
    /// Layout units, as drawn.
    pub radius: f32,
    pub color: Rgba,
    pub shape: NodeShape,
}

/// An edge as the graph files describe it: an interaction, or a "belongs to" link.
pub(super) struct EdgeRecord {
    /// The interaction's id (the first one's, for an edge standing for several), or
    /// `belongs-to:{member}>{of}`; made unique among the edges.
    pub id: String,
    /// Indices into the nodes `records` returns.
    pub source: usize,
    pub target: usize,
    /// The interaction kind, or `BELONGS_TO`.
    pub kind: &'static str,
    pub directed: bool,
    /// Supporting sentences; 0 for a "belongs to" link.
    pub evidence: usize,
    pub color: Rgba,
    pub is_interaction: bool,
    /// The values of `EDGE_FIELDS`, in order; `None` where the edge has none.
    pub values: [Option<String>; EDGE_FIELDS.len()],
}

/// Every node and edge of the map as the graph files describe them, in the map's order: the
/// interaction edges, then the "belongs to" links. An edge whose ends or interaction lie outside the map
/// (only a broken graph has one) is left out rather than written dangling.
pub(super) fn records(map: LaidOut<'_>) -> (Vec<NodeRecord<'_>>, Vec<EdgeRecord>) {
    let mut node_ids = Ids::default();
    let nodes: Vec<NodeRecord<'_>> = (map.graph.nodes.iter().enumerate())
        .map(|(i, n)| {
            let actor = map.corpus.actors.get(n.actor);
            let aliases = actor.map(|a| a.aliases.join("; ")).unwrap_or_default();
            NodeRecord {
                id: node_ids.claim(&n.id),
                label: &n.label,
                values: [
                    Some(n.kind.as_str().to_string()),
                    n.country.clone(),
                    n.title.clone(),
                    actor.and_then(|a| a.code.clone()),
                    Some(n.mentions.to_string()),
                    (!aliases.is_empty()).then_some(aliases),
                    Some(n.members.to_string()),
                ],
                position: map.position(i),
                radius: map.radius(i),
                color: style::actor_color(n.kind),
                shape: style::shape_of(n.kind),
            }
        })
        .collect();
    let on_map = |i: usize| i < nodes.len();
    let mut edge_ids = Ids::default();
    let mut edges = Vec::with_capacity(map.graph.edges.len() + map.graph.affiliations.len());
    for e in &map.graph.edges {
        let Some(it) = map.corpus.interactions.get(e.interaction) else {
            continue;
        };
        if !on_map(e.source) || !on_map(e.target) {
            continue;
        }
        edges.push(EdgeRecord {
            id: edge_ids.claim(&it.id),
            source: e.source,
            target: e.target,
            kind: e.kind.as_str(),
            directed: e.directed,
            evidence: e.evidence,
            color: style::family_color(e.family),
            is_interaction: true,
            values: [
                Some(e.kind.as_str().to_string()),
                Some(e.family.as_str().to_string()),
                Some(e.kind.plover().to_string()),
                Some(it.cameo.clone()).filter(|c| !c.is_empty()),
                Some(it.modality.as_str().to_string()),
                Some(e.directed.to_string()),
                Some(e.evidence.to_string()),
                Some(e.grouped.len().max(1).to_string()),
            ],
        });
    }
    for a in &map.graph.affiliations {
        if !on_map(a.member) || !on_map(a.of) {
            continue;
        }
        let wanted = format!("belongs-to:{}>{}", nodes[a.member].id, nodes[a.of].id);
        let values = [
            Some(BELONGS_TO),
            None,
            None,
            None,
            None,
            Some("true"),
            Some("0"),
            Some("0"),
        ];
        edges.push(EdgeRecord {
            id: edge_ids.claim(&wanted),
            source: a.member,
            target: a.of,
            kind: BELONGS_TO,
            directed: true,
            evidence: 0,
            color: style::AFFILIATION,
            is_interaction: false,
            values: values.map(|v| v.map(str::to_string)),
        });
    }
    (nodes, edges)
}

/// Hands out ids unique within one file: the id wanted, or the first free `{wanted}-{n}` from 2 on.
#[derive(Default)]
pub(super) struct Ids {
    taken: HashSet<String>,
}

impl Ids {
    pub(super) fn claim(&mut self, wanted: &str) -> String {
        if self.taken.insert(wanted.to_string()) {
            return wanted.to_string();
        }
        let mut n = 2usize;
        loop {
            let id = format!("{wanted}-{n}");
            if self.taken.insert(id.clone()) {
                return id;
            }
            n += 1;
        }
    }
}

/// `s` as XML character data, safe in text and in double- or single-quoted attributes: markup characters
/// as entities; tab, line feed and carriage return as character references, so attribute-value
/// normalisation does not turn them into spaces; characters XML 1.0 cannot carry at all (other control
/// characters, U+FFFE, U+FFFF) left out, as no parser would accept the file with them.
pub(super) fn escape(s: &str) -> Cow<'_, str> {
    let plain = |c: char| {
        !matches!(c, '&' | '<' | '>' | '"' | '\'' | '\t' | '\n' | '\r') && allowed_in_xml(c)
    };
    if s.chars().all(plain) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if allowed_in_xml(c) => out.push(c),
            _ => {}
        }
    }
    Cow::Owned(out)
}

/// Whether XML 1.0 allows `c` in a document (its `Char` production; Rust's `char` has no surrogates).
fn allowed_in_xml(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `v` for a numeric attribute: a position or size the layout lost (NaN, infinite) is written as 0, which
/// every reader accepts, rather than a word no schema allows.
pub(super) fn number(v: f32) -> f32 {
    if v.is_finite() { v } else { 0.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_turns_markup_into_entities_and_drops_what_xml_cannot_carry() {
        assert_eq!(escape("Iran"), "Iran");
        assert!(matches!(escape("中华 ایران"), Cow::Borrowed(_)));
        assert_eq!(
            escape(r#"A&B <"x"> 'y'"#),
            "A&amp;B &lt;&quot;x&quot;&gt; &apos;y&apos;"
        );
        assert_eq!(escape("a\tb\nc\rd"), "a&#9;b&#10;c&#13;d");
        assert_eq!(escape("a\u{0}b\u{7}c\u{1b}d\u{FFFE}\u{FFFF}e"), "abcde");
        assert_eq!(escape("🙂\u{85}"), "🙂\u{85}");
    }

    #[test]
    fn ids_stay_as_wanted_until_one_repeats() {
        let mut ids = Ids::default();
        assert_eq!(ids.claim("IRN"), "IRN");
        assert_eq!(ids.claim("IRN-2"), "IRN-2");
        assert_eq!(ids.claim("IRN"), "IRN-3");
        assert_eq!(ids.claim("IRN"), "IRN-4");
    }

    #[test]
    fn numbers_the_layout_lost_are_written_as_zero() {
        assert_eq!(number(f32::NAN), 0.0);
        assert_eq!(number(f32::INFINITY), 0.0);
        assert_eq!(number(-2.5), -2.5);
    }
}
