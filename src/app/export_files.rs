//! File › Export: the map as the user sees it (filters applied, nodes where they are) written as SVG,
//! PNG at 1×, 2× or 4× (drawn off-screen, whatever the window's size), GEXF, GraphML, CSV tables or the
//! evidence report. The writing is the library's (`render::write_outputs`), the same as
//! `actormap render`, so the app and the command line give the same files.

use std::path::PathBuf;

use crate::export::LaidOut;
use crate::render::{RenderArgs, write_outputs};

/// A kind of file the map can be exported as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Svg,
    Png1,
    Png2,
    Png4,
    Gexf,
    Graphml,
    /// actors.csv, interactions.csv and evidence.csv in a folder.
    Csv,
    ReportHtml,
    ReportMarkdown,
    /// The corpus JSON of what the map shows.
    VisibleCorpus,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 10] = [
        ExportFormat::Svg,
        ExportFormat::Png1,
        ExportFormat::Png2,
        ExportFormat::Png4,
        ExportFormat::Gexf,
        ExportFormat::Graphml,
        ExportFormat::Csv,
        ExportFormat::ReportHtml,
        ExportFormat::ReportMarkdown,
        ExportFormat::VisibleCorpus,
    ];

    /// The menu item.
    pub fn menu_label(self) -> &'static str {
        match self {
            ExportFormat::Svg => "SVG (vector, for editors and print)…",
            ExportFormat::Png1 => "PNG (the whole map, off-screen)…",
            ExportFormat::Png2 => "PNG at 2× resolution…",
            ExportFormat::Png4 => "PNG at 4× resolution…",
            ExportFormat::Gexf => "GEXF (Gephi)…",
            ExportFormat::Graphml => "GraphML (Cytoscape, yEd)…",
            ExportFormat::Csv => "CSV tables (actors, interactions, evidence)…",
            ExportFormat::ReportHtml => "Evidence report (HTML)…",
            ExportFormat::ReportMarkdown => "Evidence report (Markdown)…",
            ExportFormat::VisibleCorpus => "Corpus JSON of what is shown…",
        }
    }

    /// What the file dialog and messages call it.
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Svg => "SVG drawing",
            ExportFormat::Png1 | ExportFormat::Png2 | ExportFormat::Png4 => "PNG image",
            ExportFormat::Gexf => "GEXF graph",
            ExportFormat::Graphml => "GraphML graph",
            ExportFormat::Csv => "CSV tables",
            ExportFormat::ReportHtml => "HTML report",
            ExportFormat::ReportMarkdown => "Markdown report",
            ExportFormat::VisibleCorpus => "corpus JSON",
        }
    }

    /// The file name extension; `None` for a folder.
    pub fn extension(self) -> Option<&'static str> {
        match self {
            ExportFormat::Svg => Some("svg"),
            ExportFormat::Png1 | ExportFormat::Png2 | ExportFormat::Png4 => Some("png"),
            ExportFormat::Gexf => Some("gexf"),
            ExportFormat::Graphml => Some("graphml"),
            ExportFormat::Csv => None,
            ExportFormat::ReportHtml => Some("html"),
            ExportFormat::ReportMarkdown => Some("md"),
            ExportFormat::VisibleCorpus => Some("json"),
        }
    }

    /// The name offered in the save dialog.
    pub fn default_name(self) -> String {
        match self.extension() {
            Some(ext) => format!("actormap.{ext}"),
            None => "actormap-tables".to_string(),
        }
    }
}

/// What exported pictures (SVG, PNG) carry besides the map: set in File › Export map as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PictureOptions {
    /// A heading above the map (with a line counting actors, interactions and articles); none when empty.
    pub title: String,
    pub legend: bool,
}

impl Default for PictureOptions {
    fn default() -> Self {
        PictureOptions {
            title: String::new(),
            legend: true,
        }
    }
}

/// Writes the map as `format` at `path` (an extension is added when missing) and says what was written.
pub fn export(
    format: ExportFormat,
    map: LaidOut<'_>,
    mut path: PathBuf,
    picture: &PictureOptions,
) -> Result<String, String> {
    if let Some(ext) = format.extension()
        && path.extension().is_none()
    {
        path.set_extension(ext);
    }
    let title = picture.title.trim();
    let mut args = RenderArgs {
        scale: 1.0,
        legend: picture.legend,
        title: (!title.is_empty()).then(|| title.to_string()),
        ..RenderArgs::default()
    };
    match format {
        ExportFormat::Svg => args.svg = Some(path),
        ExportFormat::Png1 | ExportFormat::Png2 | ExportFormat::Png4 => {
            args.scale = match format {
                ExportFormat::Png1 => 1.0,
                ExportFormat::Png2 => 2.0,
                _ => 4.0,
            };
            args.png = Some(path);
        }
        ExportFormat::Gexf => args.gexf = Some(path),
        ExportFormat::Graphml => args.graphml = Some(path),
        ExportFormat::Csv => args.csv = Some(path),
        ExportFormat::ReportHtml | ExportFormat::ReportMarkdown => args.report = Some(path),
        ExportFormat::VisibleCorpus => args.corpus = Some(path),
    }
    let written = write_outputs(&args, map)?;
    let names: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
    Ok(format!(
        "Exported the map as {}: {}.",
        format.name(),
        names.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Extractor;
    use crate::map::MapState;

    #[test]
    fn every_format_is_written_from_the_map_as_shown() {
        let text = "Ruritania and Osterlich held talks in Vienna. Ruritania accused Osterlich of shelling the border.";
        let corpus = Extractor::bundled().extract("talks.txt", text);
        let mut map = MapState::new(corpus);
        map.settle(300);
        let dir = std::env::temp_dir().join(format!("actormap-export-menu-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for format in ExportFormat::ALL {
            let path = dir.join(format!("{format:?}"));
            let said = export(
                format,
                map.laid_out(),
                path.clone(),
                &PictureOptions::default(),
            )
            .unwrap();
            let written = match format.extension() {
                Some(ext) => path.with_extension(ext),
                None => path.join("actors.csv"),
            };
            let bytes = std::fs::read(&written).unwrap_or_else(|e| panic!("{format:?}: {e}"));
            assert!(said.contains(&written.display().to_string()), "{said}");
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(64)]).to_string();
            let expected = match format {
                ExportFormat::Svg | ExportFormat::Gexf | ExportFormat::Graphml => "<?xml",
                ExportFormat::Png1 | ExportFormat::Png2 | ExportFormat::Png4 => "\u{fffd}PNG",
                ExportFormat::Csv => "id,",
                ExportFormat::ReportHtml => "<!DOCTYPE html>",
                ExportFormat::ReportMarkdown => "# ",
                ExportFormat::VisibleCorpus => "{",
            };
            assert!(head.starts_with(expected), "{format:?}: {head:?}");
        }
        // 4× is twice 2× on each side: drawn off-screen, whatever the window's size.
        let size = |p: &str| {
            let b = std::fs::read(dir.join(p)).unwrap();
            (
                u32::from_be_bytes(b[16..20].try_into().unwrap()),
                u32::from_be_bytes(b[20..24].try_into().unwrap()),
            )
        };
        let (w1, h1) = size("Png1.png");
        assert_eq!(size("Png2.png"), (w1 * 2, h1 * 2));
        assert_eq!(size("Png4.png"), (w1 * 4, h1 * 4));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn pictures_carry_the_title_and_legend_asked_for() {
        let text = "Ruritania and Osterlich held talks in Vienna.";
        let mut map = MapState::new(Extractor::bundled().extract("talks.txt", text));
        map.settle(100);
        let dir =
            std::env::temp_dir().join(format!("actormap-export-title-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let svg = |name: &str, options: PictureOptions| {
            let path = dir.join(name);
            export(ExportFormat::Svg, map.laid_out(), path.clone(), &options).unwrap();
            std::fs::read_to_string(path.with_extension("svg")).unwrap()
        };
        let plain = svg(
            "plain",
            PictureOptions {
                title: "  ".to_string(),
                legend: false,
            },
        );
        let titled = svg(
            "titled",
            PictureOptions {
                title: "Talks in Vienna".to_string(),
                legend: true,
            },
        );
        assert!(!plain.contains(">Talks in Vienna<") && !plain.contains(">Actors<"));
        assert!(titled.contains(">Talks in Vienna<") && titled.contains(">Actors<"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
