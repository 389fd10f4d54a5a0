//! The workspace file (`.actormap`): one file that restores a session as it was left, the articles and
//! what was extracted from them, the user's corrections, where each node was placed and which were pinned,
//! the map's filter, the view and which panels were open. The format is in `docs/workspace-format.md`.
//!
//! The corpus is stored as extracted (the *base*), with the corrections as a log beside it (`curation`),
//! so that opening a workspace with a newer actormap can extract the articles again and keep the
//! corrections that still apply. Reading checks what `corpus::from_json` checks of a corpus file, refuses a
//! file made by a newer actormap with a message that says so, refuses a key given twice (the format, the
//! schema, an actor's position) rather than keep one, and names the file in every error. Saves are
//! atomic (`export::atomic`). `recovery` keeps a copy of the session to offer after a crash.
//!
//! Cost: reading parses the file, then writes the corpus out once more for `corpus::from_json` to check
//! (the one check of corpus consistency there is), so a workspace loads in about twice the time its corpus
//! file would.
//!
//! Not for: applying the corrections (`curation`), laying out or drawing the map (`layout`, `app`).

mod recovery;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize, Serializer};

use crate::corpus::Corpus;
use crate::curation::{Applied, EditLog, apply};
use crate::graph::MapFilter;

pub use recovery::{discard_recovery, recovery_dir, recovery_path, save_recovery, take_recovery};

/// The schema this version writes and the newest it reads. Raised only when a file written now could not
/// be read correctly by an older actormap.
pub const SCHEMA: u32 = 1;

/// The value of the `format` field, which tells a workspace from any other JSON file.
pub const FORMAT: &str = "actormap-workspace";

/// The file name extension of workspaces.
pub const EXTENSION: &str = "actormap";

/// The version of the extractor that made a base corpus: the crate's version, since any release may change
/// what the extractor finds.
pub const EXTRACTOR_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Everything needed to restore a session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    /// The schema of the file it was read from; files are always written as `SCHEMA`.
    #[serde(skip_serializing)]
    pub schema: u32,
    /// `EXTRACTOR_VERSION` of the actormap that extracted `corpus`.
    pub extractor_version: String,
    #[serde(default)]
    pub view: View,
    #[serde(default)]
    pub panels: Panels,
    #[serde(default)]
    pub filter: MapFilter,
    /// Ids of the actors the user pinned in place.
    #[serde(default)]
    pub pinned: BTreeSet<String>,
    /// Where each actor's node was, by actor id, in layout units.
    #[serde(
        default,
        serialize_with = "finite_positions",
        deserialize_with = "unique_positions"
    )]
    pub positions: BTreeMap<String, [f32; 2]>,
    /// The user's corrections, applied to `corpus` in order.
    #[serde(default)]
    pub edits: EditLog,
    /// The articles and what the extractor found in them, before any correction (an `actormap/1` corpus).
    pub corpus: Corpus,
}

/// The part of the map shown: the layout point at the centre of the map and the zoom (screen points per
/// layout unit).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct View {
    #[serde(serialize_with = "finite_centre")]
    pub centre: [f32; 2],
    #[serde(serialize_with = "usable_zoom")]
    pub zoom: f32,
}

impl Default for View {
    fn default() -> Self {
        View {
            centre: [0.0, 0.0],
            zoom: 1.0,
        }
    }
}

impl View {
    /// This view with a centre that is not a number put at the origin and an unusable zoom put at 1.
    pub fn usable(self) -> View {
        View {
            centre: if self.centre.iter().all(|c| c.is_finite()) {
                self.centre
            } else {
                [0.0, 0.0]
            },
            zoom: if self.zoom.is_finite() && self.zoom > 0.0 {
                self.zoom
            } else {
                1.0
            },
        }
    }
}

/// Which panels are open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Panels {
    pub legend: bool,
    /// Node labels drawn on the map.
    pub labels: bool,
    pub timeline: bool,
    pub statistics: bool,
    /// The article view.
    pub article: bool,
}

impl Default for Panels {
    fn default() -> Self {
        Panels {
            legend: true,
            labels: true,
            timeline: false,
            statistics: false,
            article: false,
        }
    }
}

// JSON has no numbers for NaN and infinity (they would be written as `null`, which does not read back), so
// such values are written as the defaults they would be read as.
fn finite_positions<S: Serializer>(
    positions: &BTreeMap<String, [f32; 2]>,
    s: S,
) -> Result<S::Ok, S::Error> {
    s.collect_map(
        positions
            .iter()
            .filter(|(_, p)| p.iter().all(|c| c.is_finite())),
    )
}

/// The positions as given, refusing an actor given two (a map would keep the last without a word).
fn unique_positions<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<String, [f32; 2]>, D::Error> {
    struct Positions;
    impl<'de> serde::de::Visitor<'de> for Positions {
        type Value = BTreeMap<String, [f32; 2]>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object of actor ids and [x, y] positions")
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut positions = BTreeMap::new();
            while let Some((id, at)) = map.next_entry::<String, [f32; 2]>()? {
                if positions.contains_key(&id) {
                    return Err(serde::de::Error::custom(format!(
                        "actor \"{id}\" is given two positions; keep one of them"
                    )));
                }
                positions.insert(id, at);
            }
            Ok(positions)
        }
    }
    d.deserialize_map(Positions)
}

fn finite_centre<S: Serializer>(centre: &[f32; 2], s: S) -> Result<S::Ok, S::Error> {
    View {
        centre: *centre,
        zoom: 1.0,
    }
    .usable()
    .centre
    .serialize(s)
}

fn usable_zoom<S: Serializer>(zoom: &f32, s: S) -> Result<S::Ok, S::Error> {
    View {
        centre: [0.0, 0.0],
        zoom: *zoom,
    }
    .usable()
    .zoom
    .serialize(s)
}

/// The file as written: the workspace after its `format` tag and schema.
#[derive(Serialize)]
struct Tagged<'a> {
    format: &'static str,
    schema: u32,
    #[serde(flatten)]
    workspace: &'a Workspace,
}

impl Workspace {
    /// A workspace of a freshly extracted corpus: no corrections, default filter and view.
    pub fn new(corpus: Corpus) -> Workspace {
        Workspace {
            schema: SCHEMA,
            extractor_version: EXTRACTOR_VERSION.to_string(),
            view: View::default(),
            panels: Panels::default(),
            filter: MapFilter::default(),
            pinned: BTreeSet::new(),
            positions: BTreeMap::new(),
            edits: EditLog::default(),
            corpus,
        }
    }

    /// The map to show: the corpus with the corrections made, and those that could not be.
    pub fn applied(&self) -> Applied {
        apply(&self.corpus, &self.edits.edits)
    }

    /// Whether this version's extractor made the corpus (else extracting the articles again may find more).
    pub fn is_from_this_extractor(&self) -> bool {
        self.extractor_version == EXTRACTOR_VERSION
    }

    /// The workspace as its file holds it: pretty-printed JSON with a trailing newline.
    pub fn to_json(&self) -> String {
        let mut out = Vec::new();
        // Writing to memory fails only on a serialisation error, which the workspace's types cannot raise.
        let _ = self.write_json(&mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    fn write_json(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let file = Tagged {
            format: FORMAT,
            schema: SCHEMA,
            workspace: self,
        };
        serde_json::to_writer_pretty(&mut *out, &file).map_err(std::io::Error::from)?;
        out.write_all(b"\n")
    }

    /// Saves the workspace at `path`, atomically: the file is the old one or the whole new one.
    pub fn save(&self, path: &Path) -> Result<(), String> {
        crate::export::atomic::write_atomic(path, |out| self.write_json(out))
            .map_err(|e| e.to_string())
    }

    /// Reads the workspace at `path`. Every error names the file and says what to do.
    pub fn load(path: &Path) -> Result<Workspace, String> {
        let file = path.display();
        let bytes = std::fs::read(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => format!("could not open {file}: there is no such file"),
            std::io::ErrorKind::IsADirectory => {
                format!("could not open {file}: it is a folder, not a workspace file")
            }
            _ => format!("could not open {file}: {e}"),
        })?;
        let text = std::str::from_utf8(&bytes).map_err(|_| {
            format!("could not open {file}: it is not an actormap workspace (it is not text)")
        })?;
        Workspace::from_json(text).map_err(|why| format!("could not open {file}: {why}"))
    }

    /// Reads a workspace from its JSON text; the error says why, without naming a file.
    pub fn from_json(text: &str) -> Result<Workspace, String> {
        check_kind(text)?;
        let mut workspace: Workspace = serde_json::from_str(text)
            .map_err(|e| format!("the workspace file is damaged ({e})"))?;
        // The corpus's consistency (offsets inside articles, no dangling ids) is checked as a corpus file's
        // is: by `corpus::from_json` over the corpus written out again.
        let corpus_json = serde_json::to_string(&workspace.corpus)
            .map_err(|e| format!("the workspace file is damaged ({e})"))?;
        crate::corpus::from_json(&corpus_json)
            .map_err(|e| format!("the articles it holds cannot be used: {e}"))?;
        workspace.view = workspace.view.usable();
        workspace
            .positions
            .retain(|_, p| p.iter().all(|c| c.is_finite()));
        Ok(workspace)
    }
}

/// Whether `text` is a workspace this version reads: JSON with `"format": "actormap-workspace"` and a
/// schema no newer than `SCHEMA`. The rest is not read here.
fn check_kind(text: &str) -> Result<(), String> {
    #[derive(Deserialize)]
    struct Probe {
        format: Option<serde_json::Value>,
        schema: Option<serde_json::Value>,
    }
    let probe: Probe = serde_json::from_str(text).map_err(|e| {
        if !e.is_data() {
            format!("it is not an actormap workspace (it is not JSON: {e})")
        } else if text.trim_start().starts_with('{') {
            // An object the probe cannot read: it gives "format" or "schema" twice.
            format!("the workspace file is damaged ({e})")
        } else {
            "it is not an actormap workspace (it is JSON, but not an object)".to_string()
        }
    })?;
    // Serde reads a struct from an array too (`[format, schema]`): a workspace is an object.
    if !text.trim_start().starts_with('{') {
        return Err("it is not an actormap workspace (it is JSON, but not an object)".to_string());
    }
    match (&probe.format, &probe.schema) {
        (Some(serde_json::Value::String(f)), _) if f == FORMAT => {}
        (None, Some(serde_json::Value::String(s))) if s.starts_with("actormap/") => {
            return Err(
                "it is an actormap corpus file, not a workspace \u{2014} open it as articles instead"
                    .to_string(),
            );
        }
        (Some(other), _) => {
            return Err(format!(
                "it is not an actormap workspace (its format is {other}, not \"{FORMAT}\")"
            ));
        }
        (None, _) => {
            return Err(format!(
                "it is JSON, but not an actormap workspace (it has no \"format\": \"{FORMAT}\")"
            ));
        }
    }
    match probe.schema.as_ref().and_then(serde_json::Value::as_u64) {
        Some(s) if s == u64::from(SCHEMA) => Ok(()),
        Some(s) if s > u64::from(SCHEMA) => Err(format!(
            "it was made by a newer actormap (schema {s}); this version reads schema {SCHEMA} \u{2014} \
             update actormap"
        )),
        _ => Err(format!(
            "the workspace file is damaged (its schema is {}, not a version number)",
            probe
                .schema
                .map_or_else(|| "missing".to_string(), |s| s.to_string())
        )),
    }
}

#[cfg(test)]
mod tests;
