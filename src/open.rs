//! The ways in: paths the user gave (files or folders) → corpora ready to merge into the map.
//!
//! Text articles (`.txt`, `.md`, and any other file that turns out to be text) are read and extracted;
//! actormap's own corpus files (`.json`) are parsed and checked. Every failure is a value naming the file and
//! the reason, so one bad file never costs the user what is already open.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::corpus::{self, Corpus};
use crate::extract::Extractor;
use crate::text;

/// A file that could not be opened, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenError {
    pub path: String,
    pub reason: String,
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Could not open {}: {}", self.path, self.reason)
    }
}

impl std::error::Error for OpenError {}

/// File extensions picked up from folders.
pub const ARTICLE_EXTENSIONS: [&str; 2] = ["txt", "md"];
pub const CORPUS_EXTENSION: &str = "json";

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Whether a file found in a folder is one actormap reads.
pub fn is_openable(path: &Path) -> bool {
    let ext = extension(path);
    ARTICLE_EXTENSIONS.contains(&ext.as_str()) || ext == CORPUS_EXTENSION
}

/// Expands folders into the openable files they hold (sorted by name, not recursive); files are kept as
/// given. A folder that cannot be listed, or holds nothing to open, is an error.
pub fn expand(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<OpenError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        match std::fs::read_dir(path) {
            Ok(entries) => {
                let mut found: Vec<PathBuf> = entries
                    .filter_map(|e| e.ok())
                    .map(|e| e.path())
                    .filter(|p| p.is_file() && is_openable(p))
                    .collect();
                found.sort();
                if found.is_empty() {
                    errors.push(OpenError {
                        path: path.display().to_string(),
                        reason: "the folder holds no .txt, .md or .json files".to_string(),
                    });
                }
                files.extend(found);
            }
            Err(e) => errors.push(OpenError {
                path: path.display().to_string(),
                reason: e.to_string(),
            }),
        }
    }
    (files, errors)
}

/// Opens one file: a corpus file is parsed, anything else is read as an article and extracted.
pub fn open_file(path: &Path, extractor: &Extractor) -> Result<Corpus, OpenError> {
    let err = |reason: String| OpenError {
        path: path.display().to_string(),
        reason,
    };
    if extension(path) == CORPUS_EXTENSION {
        let bytes = text::read_bytes(path).map_err(|e| err(e.to_string()))?;
        let json = text::decode(&bytes).map_err(|e| err(e.to_string()))?;
        return corpus::from_json(&json).map_err(|e| err(e.to_string()));
    }
    let body = text::read_text(path).map_err(|e| err(e.to_string()))?;
    Ok(extractor.extract(&path.display().to_string(), &body))
}

/// Opens every path (folders expanded) and merges what opened into one corpus. Files are extracted on every
/// core and merged in path order, so the corpus does not depend on the order the paths were given.
pub fn open_paths(paths: &[PathBuf], extractor: &Extractor) -> (Corpus, Vec<OpenError>) {
    let (mut files, mut errors) = expand(paths);
    files.sort();
    files.dedup();
    use rayon::prelude::*;
    let opened: Vec<Result<Corpus, OpenError>> =
        files.par_iter().map(|f| open_file(f, extractor)).collect();
    let mut corpora = Vec::with_capacity(opened.len());
    for result in opened {
        match result {
            Ok(c) => corpora.push(c),
            Err(e) => errors.push(e),
        }
    }
    let mut corpus = Corpus::default();
    corpus.merge_all(corpora);
    (corpus, errors)
}
