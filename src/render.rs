//! `actormap render`: the map of some articles, a corpus JSON or a workspace (with its corrections and
//! layout), written as pictures and
//! files without a display. Every input is opened first; if any fails, nothing is written and the
//! command fails, so a script never mistakes a picture of half its input (or of nothing) for the map.
//! Every output is saved atomically.

use std::path::{Path, PathBuf};

use crate::draw::map_scene::{SceneOptions, map_scene};
use crate::export::atomic::write_atomic;
use crate::export::{LaidOut, csv, gexf, graphml, raster, report, svg};
use crate::extract::Extractor;
use crate::map::MapState;
use crate::open;

/// Layout ticks at most before the picture is taken (the layout usually rests well before).
const SETTLE_STEPS: usize = 3_000;

/// What to render and where.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RenderArgs {
    pub inputs: Vec<PathBuf>,
    pub png: Option<PathBuf>,
    /// Pixels per point of the PNG (1, 2, 4…).
    pub scale: f32,
    pub svg: Option<PathBuf>,
    pub gexf: Option<PathBuf>,
    pub graphml: Option<PathBuf>,
    /// A folder for actors.csv, interactions.csv and evidence.csv.
    pub csv: Option<PathBuf>,
    /// The evidence report: Markdown when the name ends in `.md`, else HTML.
    pub report: Option<PathBuf>,
    /// The corpus JSON of what the map shows.
    pub corpus: Option<PathBuf>,
    pub title: Option<String>,
    pub legend: bool,
}

pub const USAGE: &str =
    "actormap render INPUT... [--png OUT.png] [--scale S] [--svg OUT.svg] [--gexf OUT.gexf]
                [--graphml OUT.graphml] [--csv DIR] [--report OUT.html|OUT.md] [--corpus OUT.json]
                [--title TEXT] [--no-legend]";

/// Reads the command line after `render`.
pub fn parse_args(args: &[String]) -> Result<RenderArgs, String> {
    let mut r = RenderArgs {
        scale: 1.0,
        legend: true,
        ..RenderArgs::default()
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |what: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{a} needs {what}"))
        };
        match a.as_str() {
            "--png" => r.png = Some(value("the path of the PNG to write")?.into()),
            "--svg" => r.svg = Some(value("the path of the SVG to write")?.into()),
            "--gexf" => r.gexf = Some(value("the path of the GEXF file to write")?.into()),
            "--graphml" => r.graphml = Some(value("the path of the GraphML file to write")?.into()),
            "--csv" => r.csv = Some(value("a folder for the CSV files")?.into()),
            "--report" => r.report = Some(value("the path of the report (.html or .md)")?.into()),
            "--corpus" => r.corpus = Some(value("the path of the corpus JSON to write")?.into()),
            "--title" => r.title = Some(value("a title")?),
            "--no-legend" => r.legend = false,
            "--scale" => {
                let v = value("a number of pixels per point (1, 2 or 4)")?;
                r.scale = v
                    .parse::<f32>()
                    .ok()
                    .filter(|s| s.is_finite() && *s > 0.0 && *s <= 16.0)
                    .ok_or_else(|| format!("--scale takes a number from 0 to 16, not {v:?}"))?;
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => r.inputs.push(PathBuf::from(a)),
        }
    }
    if r.inputs.is_empty() {
        return Err("give the articles, folders, corpus JSON or workspace to render".to_string());
    }
    let outputs = [
        &r.png, &r.svg, &r.gexf, &r.graphml, &r.csv, &r.report, &r.corpus,
    ];
    if outputs.iter().all(|o| o.is_none()) {
        return Err(
            "say what to write: --png, --svg, --gexf, --graphml, --csv, --report or --corpus"
                .to_string(),
        );
    }
    Ok(r)
}

/// Opens the inputs, lays the map out and writes every output asked for; returns the files written.
pub fn render(args: &RenderArgs, extractor: &Extractor) -> Result<Vec<PathBuf>, String> {
    // A workspace brings its corrections and its layout; articles and corpora are added to it.
    let is_workspace = |p: &&PathBuf| {
        p.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case(crate::workspace::EXTENSION))
    };
    let workspaces: Vec<&PathBuf> = args.inputs.iter().filter(is_workspace).collect();
    let others: Vec<PathBuf> = args
        .inputs
        .iter()
        .filter(|p| !is_workspace(p))
        .cloned()
        .collect();
    let mut loaded = Vec::new();
    for path in &workspaces {
        loaded.push(
            crate::workspace::Workspace::load(path).map_err(|e| format!("nothing written: {e}"))?,
        );
    }
    let (mut corpus, errors) = if others.is_empty() {
        (crate::corpus::Corpus::default(), Vec::new())
    } else {
        open::open_paths(&others, extractor)
    };
    if !errors.is_empty() {
        let list: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        return Err(format!(
            "nothing written: {} input{} could not be opened:\n  {}",
            errors.len(),
            if errors.len() == 1 { "" } else { "s" },
            list.join("\n  ")
        ));
    }
    let mut map = match loaded.len() {
        0 => MapState::new(corpus),
        // One workspace: its map as it was saved, with any articles added.
        1 => {
            let w = loaded.remove(0);
            let mut map = MapState::new(w.corpus);
            map.set_filter(w.filter);
            map.set_edits(w.edits);
            map.restore_places(&w.positions, &w.pinned);
            map.merge(corpus);
            map
        }
        // Several: their corrected corpora merged.
        _ => {
            for w in loaded {
                corpus.merge(w.applied().corpus);
            }
            MapState::new(corpus)
        }
    };
    if map.corpus().actors.is_empty() {
        return Err(format!(
            "nothing written: no actors were found in {}",
            args.inputs
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    map.settle(SETTLE_STEPS);
    write_outputs(args, map.laid_out())
}

/// Writes every output of `args` for `map`.
pub fn write_outputs(args: &RenderArgs, map: LaidOut<'_>) -> Result<Vec<PathBuf>, String> {
    let title = args.title.clone();
    let scene = map_scene(
        map,
        &SceneOptions {
            title: title.clone(),
            legend: args.legend,
            ..SceneOptions::default()
        },
    );
    // The picture is made before anything is written, so a failure leaves no file behind.
    let image = match &args.png {
        Some(_) => Some(raster::rasterise(&scene, args.scale)?),
        None => None,
    };
    let mut written = Vec::new();
    let save = |path: &Path, f: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>| {
        write_atomic(path, |w| f(w)).map_err(|e| e.to_string())
    };
    if let (Some(path), Some(image)) = (&args.png, &image) {
        crate::export::png::write_png(image, path).map_err(|e| e.to_string())?;
        written.push(path.clone());
    }
    if let Some(path) = &args.svg {
        let text = svg::to_svg(&scene);
        save(path, &mut |w| w.write_all(text.as_bytes()))?;
        written.push(path.clone());
    }
    if let Some(path) = &args.gexf {
        save(path, &mut |w| gexf::write_gexf(map, w))?;
        written.push(path.clone());
    }
    if let Some(path) = &args.graphml {
        save(path, &mut |w| graphml::write_graphml(map, w))?;
        written.push(path.clone());
    }
    if let Some(dir) = &args.csv {
        written.extend(csv::write_csv_dir(map, dir)?);
    }
    if let Some(path) = &args.report {
        let heading = title.unwrap_or_else(|| "Actor map: evidence".to_string());
        let markdown = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("md"));
        save(path, &mut |w| {
            if markdown {
                report::write_report_markdown(map, &heading, w)
            } else {
                report::write_report_html(map, &heading, w)
            }
        })?;
        written.push(path.clone());
    }
    if let Some(path) = &args.corpus {
        let visible = crate::export::visible::visible_corpus(map);
        save(path, &mut |w| crate::corpus::write_json(&visible, &mut *w))?;
        written.push(path.clone());
    }
    Ok(written)
}
