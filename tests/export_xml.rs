//! The graph files (GEXF 1.3, GraphML) as other programs meet them: valid against the published schemas
//! (checked with `xmllint`, from libxml2-utils, against the copies in `tests/fixtures/xsd/`, offline), and
//! read back by an XML parser with every node and edge of the map once, names with markup, quotes, line
//! breaks and non-Latin script intact, characters XML cannot carry gone, and the colours of `draw::style`.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use actormap::corpus::Corpus;
use actormap::draw::style::{AFFILIATION, Rgba, actor_color, family_color};
use actormap::export::LaidOut;
use actormap::export::gexf::{BELONGS_TO, VIZ_NS, write_gexf};
use actormap::export::graphml::write_graphml;
use actormap::map::MapState;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;
use serde_json::json;

const GEXF_NS: &str = "http://gexf.net/1.3";
const GRAPHML_NS: &str = "http://graphml.graphdrawing.org/xmlns";
/// A name with every character XML treats specially, a line break, and two characters XML 1.0 forbids.
const TRICKY: &str = "Iran & \"Friends\" <Tehran>\n'ایران'\u{0}\u{7}";
/// `TRICKY` as a reader gets it back: the forbidden characters are gone, the rest is as written.
const TRICKY_READ: &str = "Iran & \"Friends\" <Tehran>\n'ایران'";
/// An id that needs escaping in an attribute and spelling as a name token in GraphML.
const ODD_ID: &str = "un&<1> \"x\"";

type Writer = fn(LaidOut<'_>, &mut dyn Write) -> std::io::Result<()>;

/// Five actors (one named `TRICKY`, one with `ODD_ID` for its id, one named in Chinese), a directed and
/// an undirected interaction and one more directed, and an official who belongs to a country: written
/// as the corpus file spells them, the fields left out taking their defaults.
fn small_map() -> MapState {
    let places = |n: usize| vec![json!({"article": "a1", "sentence": 0, "start": 0, "end": 1}); n];
    let actor = |id: &str, kind: &str, name: &str, country: Option<&str>, mentions: usize| {
        json!({"id": id, "kind": kind, "name": name, "country": country,
               "mentions": places(mentions)})
    };
    let interaction = |kind: &str, s: &str, t: &str, directed: bool, sentences: usize| {
        let id = format!("{kind}:{s}{}{t}", if directed { ">" } else { "~" });
        json!({"id": id, "kind": kind, "cameo": "112", "source": s, "target": t,
               "directed": directed, "evidence": places(sentences)})
    };
    let mut iran = actor("IRN", "country", TRICKY, Some("IRN"), 4);
    iran["aliases"] = json!(["Persia", "ایران"]);
    iran["code"] = json!("IRNGOV");
    let mut minister = actor("araghchi", "official", "Abbas Araghchi", Some("IRN"), 2);
    minister["title"] = json!("Foreign Minister");
    minister["affiliations"] = json!(["IRN"]);
    let corpus = json!({
        "schema": "actormap/1",
        "articles": [],
        "actors": [
            iran,
            actor("PAK", "country", "Pakistan", Some("PAK"), 2),
            actor("CHN", "country", "中华人民共和国", Some("CHN"), 1),
            minister,
            actor(ODD_ID, "institution", "United <Nations>", None, 1),
        ],
        "interactions": [
            interaction("accuse", "IRN", "PAK", true, 2),
            interaction("consult", "IRN", "CHN", false, 1),
            interaction("support", "araghchi", ODD_ID, true, 3),
        ],
    });
    let corpus: Corpus = serde_json::from_value(corpus).expect("the corpus model reads it");
    let mut state = MapState::new(corpus);
    state.settle(500);
    assert_eq!(state.graph().nodes.len(), 5);
    assert_eq!(state.graph().edges.len(), 3);
    assert_eq!(state.graph().affiliations.len(), 1);
    state
}

fn written(state: &MapState, write: Writer) -> String {
    let mut out = Vec::new();
    write(state.laid_out(), &mut out).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("the graph files are UTF-8")
}

// ---- Schema validation -------------------------------------------------------------------------------

fn schema(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/xsd")
        .join(path)
}

/// Runs `xmllint --schema` on `doc`, offline; `Err` carries what it said when the document is invalid.
fn xmllint(schema: &Path, doc: &str, name: &str) -> Result<(), String> {
    let file = std::env::temp_dir().join(format!("actormap-{}-{name}", std::process::id()));
    std::fs::write(&file, doc).unwrap();
    let run = Command::new("xmllint")
        .args(["--noout", "--nonet", "--schema"])
        .arg(schema)
        .arg(&file)
        .output();
    std::fs::remove_file(&file).ok();
    let out = match run {
        Ok(out) => out,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => panic!(
            "xmllint is not installed, so the graph files cannot be checked against their schemas: \
             install libxml2-utils (apt-get install -y libxml2-utils) and run the tests again"
        ),
        Err(e) => panic!("could not run xmllint: {e}"),
    };
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    if out.status.success() {
        Ok(())
    } else {
        Err(said)
    }
}

/// The published GEXF 1.3 schema (since gephi/gexf#19) declares `color`, `position`, `size`, `shape` and
/// `thickness` in the GEXF namespace, while the 1.3 primer, Gephi and NetworkX have them as `viz:`
/// elements in `http://gexf.net/1.3/viz`, as the export writes them. Binding the `viz` prefix to the GEXF
/// namespace lets the schema check those elements too (their attributes, ranges and shape names).
fn for_published_gexf_schema(gexf: &str) -> String {
    let ours = format!(r#"xmlns:viz="{VIZ_NS}""#);
    assert!(gexf.contains(&ours), "the viz namespace is declared");
    gexf.replacen(&ours, &format!(r#"xmlns:viz="{GEXF_NS}""#), 1)
}

#[test]
fn gexf_is_valid_against_the_published_gexf_1_3_schema() {
    let gexf = for_published_gexf_schema(&written(&small_map(), write_gexf));
    xmllint(&schema("gexf-1.3/gexf.xsd"), &gexf, "map.gexf").unwrap();
    // The check can fail: an edge type the schema does not know is caught.
    let broken = gexf.replacen(r#"type="mutual""#, r#"type="sideways""#, 1);
    assert!(
        broken != gexf,
        "the GEXF file has a mutual (undirected) edge"
    );
    assert!(xmllint(&schema("gexf-1.3/gexf.xsd"), &broken, "broken.gexf").is_err());
}

#[test]
fn graphml_is_valid_against_the_graphml_1_0_schema() {
    let graphml = written(&small_map(), write_graphml);
    let xsd = schema("graphml-1.0/graphml.xsd");
    xmllint(&xsd, &graphml, "map.graphml").unwrap();
    // The check can fail: a repeated node id is caught.
    let broken = graphml.replacen(r#"<node id="IRN">"#, r#"<node id="PAK">"#, 1);
    assert!(broken != graphml, "the GraphML file has a node IRN");
    let said = xmllint(&xsd, &broken, "broken.graphml").unwrap_err();
    assert!(said.contains("node_id_key"), "{said}");
}

// ---- Reading back ------------------------------------------------------------------------------------

/// An element as a namespace-aware parser reads it: attribute values after attribute-value
/// normalisation, text with references resolved.
#[derive(Debug, Default)]
struct Element {
    ns: String,
    name: String,
    attrs: BTreeMap<String, String>,
    text: String,
    children: Vec<Element>,
}

impl Element {
    fn attr(&self, name: &str) -> &str {
        self.attrs.get(name).map_or("", String::as_str)
    }

    /// Every descendant with this namespace and local name, in document order.
    fn all(&self, ns: &str, name: &str) -> Vec<&Element> {
        let mut found = Vec::new();
        for c in &self.children {
            if c.ns == ns && c.name == name {
                found.push(c);
            }
            found.extend(c.all(ns, name));
        }
        found
    }

    fn one(&self, ns: &str, name: &str) -> &Element {
        let found = self.all(ns, name);
        assert_eq!(found.len(), 1, "{name} in {}", self.name);
        found[0]
    }
}

fn parse(xml: &str) -> Element {
    let mut reader = NsReader::from_str(xml);
    let mut open = vec![Element::default()];
    loop {
        let (ns, event) = reader.read_resolved_event().expect("well-formed XML");
        let ns = match ns {
            ResolveResult::Bound(ns) => String::from_utf8_lossy(ns.0).into_owned(),
            _ => String::new(),
        };
        let parent = open.len() - 1;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                let mut el = Element {
                    ns,
                    name,
                    ..Element::default()
                };
                for a in e.attributes().map(|a| a.expect("well-formed attribute")) {
                    let value = a
                        .normalized_value(quick_xml::XmlVersion::Explicit1_0)
                        .unwrap();
                    let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
                    el.attrs.insert(key, value.into_owned());
                }
                match event {
                    Event::Empty(_) => open[parent].children.push(el),
                    _ => open.push(el),
                }
            }
            Event::End(_) => {
                let el = open.pop().unwrap();
                open[parent - 1].children.push(el);
            }
            Event::Text(t) => open[parent].text += &t.xml10_content().unwrap(),
            Event::GeneralRef(r) => match r.resolve_char_ref().unwrap() {
                Some(c) => open[parent].text.push(c),
                None => {
                    let entity = r.decode().unwrap();
                    let text = quick_xml::escape::resolve_predefined_entity(&entity);
                    open[parent].text += text.expect("only XML's own entities");
                }
            },
            Event::Eof => break,
            _ => {}
        }
    }
    open.pop().unwrap().children.pop().expect("a root element")
}

/// What a graph file says about a node or an edge, read back alike from either format: every attribute
/// by name, with the file's own id and ends, the colour as `#rrggbb` and the position and size.
type Said = BTreeMap<String, String>;
/// The nodes of a file, by actor id, and its edges.
type File = (BTreeMap<String, Said>, Vec<Said>);

/// What a GEXF file says.
fn read_gexf(xml: &str) -> File {
    let root = parse(xml);
    assert_eq!((root.ns.as_str(), root.attr("version")), (GEXF_NS, "1.3"));
    let graph = root.one(GEXF_NS, "graph");
    assert_eq!(graph.attr("defaultedgetype"), "directed");
    let read = |el: &Element, own: &[&str]| {
        let values = el.all(GEXF_NS, "attvalue").into_iter();
        let mut said: Said = values
            .map(|a| (a.attr("for").into(), a.attr("value").into()))
            .collect();
        said.extend(
            own.iter()
                .filter_map(|k| Some((k.to_string(), el.attrs.get(*k)?.clone()))),
        );
        let c = el.one(VIZ_NS, "color");
        let channel = |name: &str| c.attr(name).parse::<u8>().expect("a channel, 0 to 255");
        let color = Rgba::rgb(channel("r"), channel("g"), channel("b"));
        said.insert("color".into(), color.hex());
        said
    };
    let mut nodes = BTreeMap::new();
    for n in graph.all(GEXF_NS, "node") {
        let mut node = read(n, &["id", "label"]);
        let position = n.one(VIZ_NS, "position");
        node.insert("x".into(), position.attr("x").into());
        node.insert("y".into(), position.attr("y").into());
        node.insert("size".into(), n.one(VIZ_NS, "size").attr("value").into());
        assert!(
            nodes.insert(n.attr("id").to_string(), node).is_none(),
            "node ids are unique"
        );
    }
    let edges = graph.all(GEXF_NS, "edge").into_iter();
    let own = ["id", "source", "target", "type", "kind", "weight", "label"];
    // A mutual act ("talks between X and Y") is GEXF's `mutual` edge: the map's undirected edge.
    let mut edges: Vec<Said> = edges.map(|e| read(e, &own)).collect();
    for e in &mut edges {
        if e.get("type").map(String::as_str) == Some("mutual") {
            e.insert("type".into(), "undirected".into());
        }
    }
    (nodes, edges)
}

/// What a GraphML file says, its name tokens turned back into actor ids.
fn read_graphml(xml: &str) -> File {
    let root = parse(xml);
    assert_eq!(
        (root.ns.as_str(), root.name.as_str()),
        (GRAPHML_NS, "graphml")
    );
    // Attribute names by key id, as a GraphML reader resolves `<data key>`.
    let keys = root.all(GRAPHML_NS, "key").into_iter();
    let names: BTreeMap<&str, &str> = keys.map(|k| (k.attr("id"), k.attr("attr.name"))).collect();
    let graph = root.one(GRAPHML_NS, "graph");
    assert_eq!(graph.attr("edgedefault"), "directed");
    let read = |el: &Element| {
        let data = el.all(GRAPHML_NS, "data").into_iter();
        let said: Said = data
            .map(|d| (names[d.attr("key")].into(), d.text.clone()))
            .collect();
        assert_eq!(
            said.len(),
            el.all(GRAPHML_NS, "data").len(),
            "each value given once"
        );
        said
    };
    let mut nodes = BTreeMap::new();
    let mut actor_of = BTreeMap::new();
    for n in graph.all(GRAPHML_NS, "node") {
        let mut node = read(n);
        let actor = node["actor_id"].clone();
        node.insert("token".into(), n.attr("id").into());
        actor_of.insert(n.attr("id"), actor.clone());
        assert!(nodes.insert(actor, node).is_none(), "actor ids are unique");
    }
    let mut edges = Vec::new();
    for e in graph.all(GRAPHML_NS, "edge") {
        let mut edge = read(e);
        edge.insert("source".into(), actor_of[e.attr("source")].clone());
        edge.insert("target".into(), actor_of[e.attr("target")].clone());
        let direction = ["undirected", "directed"][usize::from(e.attr("directed") == "true")];
        edge.insert("type".into(), direction.into());
        edges.push(edge);
    }
    (nodes, edges)
}

/// Checks what a file says against the map: every node and edge once, with its attributes, colour,
/// position (`y_up`: the file's y axis points up) and size.
fn check_against_the_map(state: &MapState, file: File, y_up: bool) {
    let map = state.laid_out();
    let (nodes, edges) = file;
    let ids: BTreeSet<&String> = map.graph.nodes.iter().map(|n| &n.id).collect();
    assert_eq!(nodes.keys().collect::<BTreeSet<_>>(), ids);
    assert_eq!(nodes["IRN"]["label"], TRICKY_READ);
    assert_eq!(nodes["CHN"]["label"], "中华人民共和国");
    assert_eq!(nodes[ODD_ID]["label"], "United <Nations>");
    assert_eq!(nodes["IRN"]["aliases"], "Persia; ایران");
    assert_eq!(nodes["IRN"]["cameo_code"], "IRNGOV");
    assert_eq!(nodes["araghchi"]["title"], "Foreign Minister");
    assert_eq!(nodes[ODD_ID].get("country"), None);
    for (i, n) in map.graph.nodes.iter().enumerate() {
        let node = &nodes[&n.id];
        let number = |name: &str| node[name].parse::<f32>().unwrap();
        let [x, y] = map.position(i);
        assert_eq!([number("x"), number("y")], [x, if y_up { -y } else { y }]);
        assert_eq!(number("size"), map.radius(i));
        assert_eq!(node["color"], actor_color(n.kind).hex());
        assert_eq!(node["kind"], n.kind.as_str());
        assert_eq!(node["mentions"], n.mentions.to_string());
    }

    assert_eq!(
        edges.len(),
        map.graph.edges.len() + map.graph.affiliations.len()
    );
    for e in &map.graph.edges {
        let id = &map.corpus.interactions[e.interaction].id;
        let is_it = |x: &&Said| x.get("interaction_id").or(x.get("id")) == Some(id);
        let found: Vec<&Said> = edges.iter().filter(is_it).collect();
        assert_eq!(found.len(), 1, "{id} once");
        let edge = found[0];
        let ends = [&map.graph.nodes[e.source].id, &map.graph.nodes[e.target].id];
        assert_eq!([&edge["source"], &edge["target"]], ends);
        let direction = if e.directed { "directed" } else { "undirected" };
        assert_eq!(
            (edge["type"].as_str(), edge["directed"].as_str()),
            (direction, &*e.directed.to_string())
        );
        assert_eq!(edge["weight"], e.evidence.to_string());
        assert_eq!(edge["evidence"], e.evidence.to_string());
        assert_eq!(edge["plover"], e.kind.plover());
        assert_eq!(edge["family"], e.family.as_str());
        assert_eq!(edge["cameo_code"], "112");
        assert_eq!(edge["color"], family_color(e.family).hex());
    }
    let belongs: Vec<&Said> = edges.iter().filter(|e| e["kind"] == BELONGS_TO).collect();
    assert_eq!(belongs.len(), 1);
    assert_eq!(
        [&belongs[0]["source"], &belongs[0]["target"]],
        ["araghchi", "IRN"]
    );
    assert_eq!(belongs[0]["color"], AFFILIATION.hex());
    assert_eq!(belongs[0].get("weight"), None);
}

#[test]
fn gexf_reads_back_with_every_node_and_edge_once_as_the_map_draws_them() {
    let state = small_map();
    check_against_the_map(&state, read_gexf(&written(&state, write_gexf)), true);
}

#[test]
fn graphml_reads_back_with_every_node_and_edge_once_as_the_map_draws_them() {
    let state = small_map();
    let (nodes, edges) = read_graphml(&written(&state, write_graphml));
    let token = "un_x0026__x003C_1_x003E__x0020__x0022_x_x0022_";
    assert_eq!(
        nodes[ODD_ID]["token"], token,
        "an id spelled as a name token"
    );
    check_against_the_map(&state, (nodes, edges), false);
}
