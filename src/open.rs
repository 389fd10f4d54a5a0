//! The ways in: paths the user gave (files or folders) → corpora ready to merge into the map.
//!
//! Articles (`.txt`, `.md`, news pages `.html`/`.htm`/`.xhtml`, PDF press releases `.pdf`, and any other file
//! that turns out to be one of them) are read and extracted;
//! actormap's own corpus files (`.json`) are parsed and checked. Every failure is a value naming the file and
//! the reason, so one bad file never costs the user what is already open.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::corpus::{self, Article, Corpus};
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
pub const ARTICLE_EXTENSIONS: [&str; 6] = ["txt", "md", "html", "htm", "xhtml", "pdf"];
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
                        reason: "the folder holds no articles or corpus files (.txt, .md, .html, .htm, .xhtml, .pdf, .json)".to_string(),
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
    open_until(path, extractor, &AtomicBool::new(false)).unwrap_or_else(|| Ok(Corpus::default()))
}

/// [`open_file`] that gives up, returning None, once `stop` is set (Cancel): a long article is left
/// between two of its parts.
pub fn open_until(
    path: &Path,
    extractor: &Extractor,
    stop: &AtomicBool,
) -> Option<Result<Corpus, OpenError>> {
    let err = |reason: String| OpenError {
        path: path.display().to_string(),
        reason,
    };
    if extension(path) == CORPUS_EXTENSION {
        let json = text::read_bytes(path)
            .and_then(|bytes| text::decode(&bytes))
            .map_err(|e| err(e.to_string()));
        return Some(
            json.and_then(|json| corpus::from_json(&json).map_err(|e| err(e.to_string()))),
        );
    }
    let doc = match text::read_document(path) {
        Ok(doc) => doc,
        Err(e) => return Some(Err(err(e.to_string()))),
    };
    let mut corpus = extractor.extract_until(
        &path.display().to_string(),
        &doc.text,
        doc.date.as_deref(),
        stop,
    )?;
    // What the document states about itself replaces what the extractor guessed from the text.
    for article in &mut corpus.articles {
        if let Some(title) = &doc.title {
            article.title = title.clone();
        }
        if doc.date.is_some() {
            article.date = doc.date.clone();
        }
        article.encoding = doc.encoding.clone().filter(|e| e != "UTF-8");
        article.format = (doc.format != text::Format::Text).then(|| doc.format.name().to_string());
    }
    Some(Ok(corpus))
}

/// Extracts an article opened before once more (with a newer extractor, say). What its file stated about
/// itself is not in its text, so it is carried over: the encoding and format, and for a page or a PDF the
/// title and date, against which relative times are resolved again.
pub fn extract_again(article: &Article, extractor: &Extractor) -> Corpus {
    let stated = article.format.is_some();
    let date = article.date.as_deref().filter(|_| stated);
    let mut corpus = extractor.extract_dated(&article.path, &article.text, date);
    for again in &mut corpus.articles {
        if stated {
            again.title = article.title.clone();
            again.date = article.date.clone();
        }
        again.encoding = article.encoding.clone();
        again.format = article.format.clone();
    }
    corpus
}

/// Opens one file (None once `stop` is set); a panic in the extractor becomes an error about that file,
/// so the rest of a batch goes on.
pub fn open_caught(
    path: &Path,
    extractor: &Extractor,
    stop: &AtomicBool,
) -> Option<Result<Corpus, OpenError>> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        open_until(path, extractor, stop)
    }))
    .unwrap_or_else(|_| {
        Some(Err(OpenError {
            path: path.display().to_string(),
            reason: "the extractor failed on this file (an internal error; please report it with the file)"
                .to_string(),
        }))
    })
}

/// How the extraction threads share the processor with the rest of the program.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Workers {
    /// As any other thread: the command line, where extraction is all there is.
    Foreground,
    /// Below the program's other threads: in the app, frames and the layout come first and extraction
    /// takes what they leave, so the window stays smooth while a big folder opens.
    Background,
}

/// Lowers the calling thread's scheduling priority (nice 10). Linux keeps a nice value per thread, so
/// only this thread is lowered; elsewhere the call does nothing (lowering there would lower the whole
/// program).
pub fn lower_this_thread() {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: gettid and setpriority take no pointers; a failure (e.g. refused by a sandbox) only
        // leaves the priority where it was.
        unsafe {
            libc::setpriority(libc::PRIO_PROCESS, libc::gettid() as libc::id_t, 10);
        }
    }
}

/// Opens `files` on every core (a rayon pool of its own) and hands each result to `take` in the order of `files`, as
/// soon as it and every file before it are done, so the caller merges while the pool goes on extracting.
/// Once `stop` is set, files not yet started are skipped and a long article being read is left between
/// two of its parts (`take` is not called for either).
pub fn open_in_order(
    files: &[PathBuf],
    extractor: &Extractor,
    stop: &AtomicBool,
    run_as: Workers,
    mut take: impl FnMut(usize, Result<Corpus, OpenError>),
) {
    let background = run_as == Workers::Background;
    let next = AtomicUsize::new(0);
    let (sender, receiver) =
        std::sync::mpsc::channel::<(usize, Option<Result<Corpus, OpenError>>)>();
    std::thread::scope(|scope| {
        scope.spawn(|| {
            // A pool of its own: extraction runs for seconds, and the global pool must stay free for the
            // short parallel steps of the layout (an app frame would otherwise wait for a file to finish).
            let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
            let own = rayon::ThreadPoolBuilder::new()
                .num_threads(workers)
                .thread_name(|i| format!("actormap-extract-{i}"))
                .start_handler(move |_| {
                    if background {
                        lower_this_thread();
                    }
                })
                .build();
            let run = |pool: &rayon::ThreadPool| {
                pool.scope(|pool| {
                    for _ in 0..workers {
                        let sender = sender.clone();
                        let next = &next;
                        pool.spawn(move |_| {
                            loop {
                                let i = next.fetch_add(1, Ordering::Relaxed);
                                let Some(file) = files.get(i) else { break };
                                let result = if stop.load(Ordering::Relaxed) {
                                    None
                                } else {
                                    open_caught(file, extractor, stop)
                                };
                                if sender.send((i, result)).is_err() {
                                    break;
                                }
                            }
                        });
                    }
                })
            };
            match own {
                Ok(pool) => run(&pool),
                // No threads to be had: extract on this one thread.
                Err(_) => {
                    if background {
                        lower_this_thread();
                    }
                    for (i, file) in files.iter().enumerate() {
                        let result = if stop.load(Ordering::Relaxed) {
                            None
                        } else {
                            open_caught(file, extractor, stop)
                        };
                        if sender.send((i, result)).is_err() {
                            break;
                        }
                    }
                }
            }
            drop(sender);
        });
        let mut waiting: BTreeMap<usize, Option<Result<Corpus, OpenError>>> = BTreeMap::new();
        let mut due = 0;
        for (i, result) in receiver.iter() {
            waiting.insert(i, result);
            while let Some(result) = waiting.remove(&due) {
                if let Some(result) = result {
                    take(due, result);
                }
                due += 1;
            }
        }
    });
}

/// Opens every path (folders expanded) and merges what opened into one corpus. Files are extracted on every
/// core and merged in path order, so the corpus does not depend on the order the paths were given.
pub fn open_paths(paths: &[PathBuf], extractor: &Extractor) -> (Corpus, Vec<OpenError>) {
    let (mut files, mut errors) = expand(paths);
    files.sort();
    files.dedup();
    let mut corpus = Corpus::default();
    let mut merger = corpus.merger();
    open_in_order(
        &files,
        extractor,
        &AtomicBool::new(false),
        Workers::Foreground,
        |_, result| match result {
            Ok(c) => {
                merger.merge(c);
            }
            Err(e) => errors.push(e),
        },
    );
    drop(merger);
    (corpus, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stopped_open_gives_up_and_an_unstopped_one_reads_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("talks.txt");
        std::fs::write(&path, "Ruritania and Osterlich held talks in Vienna.").unwrap();
        let stop = AtomicBool::new(true);
        assert!(open_until(&path, Extractor::bundled(), &stop).is_none());
        stop.store(false, Ordering::Relaxed);
        let corpus = open_until(&path, Extractor::bundled(), &stop)
            .expect("not stopped")
            .expect("a readable article");
        assert_eq!(corpus.articles.len(), 1);
        // A file that cannot be read is an error even when not stopped.
        let missing = open_until(&dir.path().join("missing.txt"), Extractor::bundled(), &stop);
        assert!(matches!(missing, Some(Err(e)) if e.reason.contains("no such file")));
    }
}
