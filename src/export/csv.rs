//! The map as three tables for spreadsheets and scripts: `actors.csv` (the nodes, where they are drawn),
//! `interactions.csv` (every interaction the map shows, including each one a grouped edge stands for) and
//! `evidence.csv` (every sentence behind those interactions). UTF-8, a header row, RFC 4180 quoting (by the
//! `csv` crate), so names and sentences with commas, quotes or line breaks read back as written.
//!
//! The tables list what is on the map, as `report::shown_interactions` defines it, so they agree with the
//! evidence report. Not for: the graph file formats (GEXF, GraphML) or pictures.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use ::csv::Writer;

use super::LaidOut;
use super::report::{actor_name, sentence_text, shown_interactions, trigger_text};

/// Writes one table, header row first, to `out`.
pub type TableWriter = fn(LaidOut<'_>, &mut dyn Write) -> io::Result<()>;

/// Each table's file name with the function that writes it, in the order `write_csv_dir` writes them.
pub const TABLES: [(&str, TableWriter); 3] = [
    ("actors.csv", write_actors_csv),
    ("interactions.csv", write_interactions_csv),
    ("evidence.csv", write_evidence_csv),
];

/// Separates an actor's aliases in their one cell.
const ALIAS_SEPARATOR: &str = "; ";

/// Writes `actors.csv`, `interactions.csv` and `evidence.csv` into `dir` (made when missing) and returns
/// their paths. The error says which file could not be written and why.
pub fn write_csv_dir(map: LaidOut<'_>, dir: &Path) -> Result<Vec<PathBuf>, String> {
    std::fs::create_dir_all(dir).map_err(|e| {
        format!(
            "Could not make the folder {} for the tables: {e}. Choose a folder you can write to.",
            dir.display()
        )
    })?;
    let mut written = Vec::with_capacity(TABLES.len());
    for (name, write) in TABLES {
        let path = dir.join(name);
        super::atomic::write_atomic(&path, |out| write(map, out)).map_err(|e| e.to_string())?;
        written.push(path);
    }
    Ok(written)
}

/// One row per actor on the map: `id, name, kind, country, title, code, aliases, mentions, x, y`.
/// `mentions` is the count the node is sized by (on a map grouped by country, the country's with its
/// members'); `x`, `y` are the node's position in layout units; aliases share one cell, `; `-separated.
pub fn write_actors_csv(map: LaidOut<'_>, out: &mut dyn Write) -> io::Result<()> {
    let mut w = Writer::from_writer(out);
    w.write_record([
        "id", "name", "kind", "country", "title", "code", "aliases", "mentions", "x", "y",
    ])?;
    for (i, node) in map.graph.nodes.iter().enumerate() {
        let actor = map.corpus.actors.get(node.actor);
        let [x, y] = map.position(i);
        w.write_record([
            node.id.as_str(),
            actor.map_or(node.label.as_str(), |a| a.name.as_str()),
            node.kind.as_str(),
            node.country.as_deref().unwrap_or(""),
            node.title.as_deref().unwrap_or(""),
            actor.and_then(|a| a.code.as_deref()).unwrap_or(""),
            &actor.map_or(String::new(), |a| a.aliases.join(ALIAS_SEPARATOR)),
            &node.mentions.to_string(),
            &coordinate(x),
            &coordinate(y),
        ])?;
    }
    w.flush()
}

/// One row per interaction on the map: `id, source_id, source_name, target_id, target_name, kind, family,
/// plover, cameo, directed, modality, evidence, edge_evidence`. `evidence` counts the interaction's
/// sentences (its rows in `evidence.csv`); `edge_evidence` is the count of the edge that draws it, as the
/// map shows it: fewer under a date or article filter, and on a map grouped by country the total of every
/// interaction that edge stands for. Source and target are the interaction's own actors, which on a
/// grouped map may be members folded into a country's node.
pub fn write_interactions_csv(map: LaidOut<'_>, out: &mut dyn Write) -> io::Result<()> {
    let corpus = map.corpus;
    let mut w = Writer::from_writer(out);
    w.write_record([
        "id",
        "source_id",
        "source_name",
        "target_id",
        "target_name",
        "kind",
        "family",
        "plover",
        "cameo",
        "directed",
        "modality",
        "evidence",
        "edge_evidence",
    ])?;
    for shown in shown_interactions(map) {
        let it = shown.interaction;
        w.write_record([
            it.id.as_str(),
            &it.source,
            actor_name(corpus, &it.source),
            &it.target,
            actor_name(corpus, &it.target),
            it.kind.as_str(),
            it.kind.family().as_str(),
            it.kind.plover(),
            &it.cameo,
            if it.directed { "true" } else { "false" },
            it.modality.as_str(),
            &it.evidence.len().to_string(),
            &shown.edge.evidence.to_string(),
        ])?;
    }
    w.flush()
}

/// One row per sentence behind an interaction on the map: `interaction_id, article_id, article_title,
/// sentence, sentence_text, trigger, reported_by, when`. Every sentence of each interaction is listed,
/// even those a date or article filter leaves out of the map's count. `sentence` is the index in the
/// article, from 0; title and texts are empty when the article is not in the corpus.
pub fn write_evidence_csv(map: LaidOut<'_>, out: &mut dyn Write) -> io::Result<()> {
    let corpus = map.corpus;
    let mut w = Writer::from_writer(out);
    w.write_record([
        "interaction_id",
        "article_id",
        "article_title",
        "sentence",
        "sentence_text",
        "trigger",
        "reported_by",
        "when",
    ])?;
    for shown in shown_interactions(map) {
        for e in &shown.interaction.evidence {
            let article = corpus.article(&e.article);
            w.write_record([
                shown.interaction.id.as_str(),
                &e.article,
                article.map_or("", |a| a.title.as_str()),
                &e.sentence.to_string(),
                article.map_or("", |a| sentence_text(a, e)),
                article.map_or("", |a| trigger_text(a, e)),
                e.reported_by.as_deref().unwrap_or(""),
                e.when.as_deref().unwrap_or(""),
            ])?;
        }
    }
    w.flush()
}

/// A position in layout units to two decimals; empty when the layout has no finite one.
fn coordinate(v: f32) -> String {
    if v.is_finite() {
        format!("{v:.2}")
    } else {
        String::new()
    }
}
