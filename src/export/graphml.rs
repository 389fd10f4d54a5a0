//! The map as a GraphML file for Cytoscape, NetworkX, igraph and other graph tools: each node shown (an
//! actor) and each edge shown (an interaction, or a "belongs to" link from an affiliation) once, with
//! what the map knows about it and how it is drawn as `<data>` values of declared `<key>`s: `label`, `x`,
//! `y` (layout units, y pointing down as on the map and in Cytoscape), `size` (the node's radius in
//! layout units) and `color` (`#rrggbb`), columns for Cytoscape's style to map from. The graph's edges
//! are directed by default and each edge says whether it is (`directed="true|false"`, and a `directed`
//! column for readers that ignore the attribute).
//!
//! GraphML ids are XML name tokens, so an id is written as the actor's or interaction's id with every
//! character other than ASCII letters, digits, `-`, `.` and `:` spelled `_xHHHH_` (`accuse:IRN>PAK` is
//! `accuse:IRN_x003E_PAK`); the id as written in the corpus is in the `actor_id` / `interaction_id`
//! column.
//!
//! Checked with: the GraphML 1.0 schema (`tests/export_xml.rs`, with `xmllint`), and NetworkX 3.6's
//! `read_graphml` by hand, which reads every column back but refuses a map that mixes directed and
//! undirected edges ("directed=false edge found in directed graph"). Not yet opened in Cytoscape itself.
//! Left out, as in the GEXF file: evidence sentences, articles and dates; and node shapes (the `kind`
//! column says which).

use std::borrow::Cow;
use std::io::{self, BufWriter, Write};

use super::LaidOut;
use super::gexf::{
    EDGE_FIELDS, EdgeRecord, Field, FieldType, NODE_FIELDS, NodeRecord, escape, field, number,
    records,
};

const GRAPHML_NS: &str = "http://graphml.graphdrawing.org/xmlns";

/// What GraphML says about a node beyond `NODE_FIELDS` (GEXF puts these on the node and in `viz:`).
const NODE_DRAWING: [Field; 6] = [
    field("label", "label", FieldType::Text),
    field("actor_id", "actor id", FieldType::Text),
    field("x", "x", FieldType::Number),
    field("y", "y", FieldType::Number),
    field("size", "size", FieldType::Number),
    field("color", "colour", FieldType::Text),
];

/// What GraphML says about an edge beyond `EDGE_FIELDS`.
const EDGE_DRAWING: [Field; 4] = [
    field("label", "label", FieldType::Text),
    field("interaction_id", "interaction id", FieldType::Text),
    field("color", "colour", FieldType::Text),
    field("weight", "weight", FieldType::Number),
];

/// Writes the map as GraphML (UTF-8) to `out`. Fails only when `out` does.
pub fn write_graphml(map: LaidOut<'_>, out: &mut dyn Write) -> io::Result<()> {
    let (nodes, edges) = records(map);
    let mut w = BufWriter::new(out);
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<graphml xmlns="{GRAPHML_NS}"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="{GRAPHML_NS} {GRAPHML_NS}/1.0/graphml.xsd">"#
    )?;
    for f in NODE_FIELDS.iter().chain(&NODE_DRAWING) {
        declare(&mut w, "node", f)?;
    }
    for f in EDGE_FIELDS.iter().chain(&EDGE_DRAWING) {
        declare(&mut w, "edge", f)?;
    }
    writeln!(w, r#"  <graph id="actormap" edgedefault="directed">"#)?;
    for n in &nodes {
        write_node(&mut w, n)?;
    }
    for e in &edges {
        write_edge(&mut w, e, &nodes)?;
    }
    writeln!(w, "  </graph>")?;
    writeln!(w, "</graphml>")?;
    w.flush()
}

/// A key's id: unique across nodes and edges, which may share an attribute name ("kind").
fn key_id(class: &str, f: &Field) -> String {
    let prefix = if class == "node" { "n" } else { "e" };
    format!("{prefix}_{}", f.key)
}

fn declare(w: &mut impl Write, class: &str, f: &Field) -> io::Result<()> {
    let ty = match f.ty {
        FieldType::Text => "string",
        FieldType::Integer => "int",
        FieldType::Boolean => "boolean",
        FieldType::Number => "double",
    };
    writeln!(
        w,
        r#"  <key id="{}" for="{class}" attr.name="{}" attr.type="{ty}"/>"#,
        key_id(class, f),
        f.key
    )
}

fn write_data<'v>(
    w: &mut impl Write,
    class: &str,
    fields: impl IntoIterator<Item = (&'v Field, &'v Option<String>)>,
) -> io::Result<()> {
    for (f, v) in fields {
        if let Some(v) = v {
            let (key, value) = (key_id(class, f), escape(v));
            writeln!(w, r#"      <data key="{key}">{value}</data>"#)?;
        }
    }
    Ok(())
}

fn write_node(w: &mut impl Write, n: &NodeRecord<'_>) -> io::Result<()> {
    writeln!(w, r#"    <node id="{}">"#, name_token(&n.id))?;
    let [x, y] = n.position;
    let drawing = [
        Some(n.label.to_string()),
        Some(n.id.clone()),
        Some(number(x).to_string()),
        Some(number(y).to_string()),
        Some(number(n.radius).max(0.0).to_string()),
        Some(n.color.hex()),
    ];
    write_data(w, "node", NODE_FIELDS.iter().zip(&n.values))?;
    write_data(w, "node", NODE_DRAWING.iter().zip(&drawing))?;
    writeln!(w, "    </node>")
}

fn write_edge(w: &mut impl Write, e: &EdgeRecord, nodes: &[NodeRecord<'_>]) -> io::Result<()> {
    writeln!(
        w,
        r#"    <edge id="{}" source="{}" target="{}" directed="{}">"#,
        name_token(&e.id),
        name_token(&nodes[e.source].id),
        name_token(&nodes[e.target].id),
        e.directed
    )?;
    let drawing = [
        Some(e.kind.to_string()),
        e.is_interaction.then(|| e.id.clone()),
        Some(e.color.hex()),
        e.is_interaction.then(|| e.evidence.to_string()),
    ];
    write_data(w, "edge", EDGE_FIELDS.iter().zip(&e.values))?;
    write_data(w, "edge", EDGE_DRAWING.iter().zip(&drawing))?;
    writeln!(w, "    </edge>")
}

/// `id` as an XML name token (`xs:NMTOKEN`, which GraphML's ids are): ASCII letters, digits, `-`, `.`
/// and `:` as they are, any other character (`_` too) as `_x` + its code point in upper-case hex + `_`,
/// much as .NET's `XmlConvert.EncodeName` spells names. Every `_` starts an escape, so distinct ids stay distinct; the
/// empty id, which no other id encodes to, is `_`.
fn name_token(id: &str) -> Cow<'_, str> {
    let kept = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | ':');
    if id.is_empty() {
        return Cow::Borrowed("_");
    }
    if id.chars().all(kept) {
        return Cow::Borrowed(id);
    }
    let mut out = String::with_capacity(id.len() + 16);
    for c in id.chars() {
        if kept(c) {
            out.push(c);
        } else {
            out.push_str(&format!("_x{:04X}_", u32::from(c)));
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_become_name_tokens_that_keep_distinct_ids_distinct() {
        assert_eq!(name_token("syed-abbas-araghchi"), "syed-abbas-araghchi");
        assert_eq!(name_token("accuse:IRN>PAK"), "accuse:IRN_x003E_PAK");
        assert_eq!(name_token("ürümqi"), "_x00FC_r_x00FC_mqi");
        assert_eq!(name_token("a b"), "a_x0020_b");
        assert_eq!(name_token("🙂"), "_x1F642_");
        assert_eq!(name_token(""), "_");
        // A literal escape sequence is itself escaped, so it cannot collide with the character it spells.
        assert_ne!(name_token("a_x0020_b"), name_token("a b"));
        assert_ne!(name_token("_"), name_token(""));
        for id in ["a b", "a_x0020_b", "", "_", "ürümqi", "x&<y>", "中国"] {
            let token = name_token(id);
            assert!(
                token
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | ':' | '_')),
                "{token}"
            );
        }
    }

    #[test]
    fn node_and_edge_keys_with_one_name_get_different_ids() {
        assert_eq!(key_id("node", &NODE_FIELDS[0]), "n_kind");
        assert_eq!(key_id("edge", &EDGE_FIELDS[0]), "e_kind");
    }
}
