//! The ways articles come in, none of which may freeze the window: native file dialogs (rfd's async dialogs
//! on a thread of their own), files and folders dropped on the window, a path typed into the app, paths
//! from the command line, and the list of recently opened paths.
//!
//! Opening (reading, extracting, parsing corpus files) runs on a background thread through the library's
//! `open` module; results come back over a channel in batches, so a big folder fills the map as it goes.
//! A file that fails becomes an `OpenError` naming it and the reason; even a panic inside the extractor is
//! caught and reported the same way, so one bad file never costs what is already open.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::task::{Context as TaskContext, Poll, Wake, Waker};
use std::time::{Duration, Instant};

use crate::corpus::Corpus;
use crate::extract::Extractor;
use crate::open::{OpenError, Workers, expand, lower_this_thread, open_in_order};

/// How many paths the Open recent menu keeps.
pub const RECENT_LIMIT: usize = 10;
/// A long batch sends what it has opened at least this often.
const FLUSH_EVERY: Duration = Duration::from_millis(300);

/// Why a file dialog was shown, so its answer goes to the right place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    OpenFiles,
    OpenFolder,
    SaveCorpus,
    ExportPng,
    Export(super::export_files::ExportFormat),
    SaveWorkspace,
    OpenWorkspace,
}

/// Part or all of what one open request produced.
#[derive(Debug, Default)]
pub struct OpenBatch {
    /// Everything opened in this part, merged.
    pub corpus: Corpus,
    pub errors: Vec<OpenError>,
    /// Files read in this part, opened or not.
    pub files_tried: usize,
    /// On the first part: every file of the request (known once its folders are listed).
    pub files_total: usize,
    /// Bytes of the files read in this part.
    pub bytes: usize,
    /// On the last part: whether the user stopped the request before every file was read.
    pub cancelled: bool,
    /// Paths of files whose text was already in this part (the same article under another name).
    pub already_open: Vec<String>,
    /// On the last part: the requested paths from which at least one file opened.
    pub roots_opened: Vec<PathBuf>,
    /// Whether this is the last part of its request.
    pub done: bool,
}

impl OpenBatch {
    /// Folds a later part of the same or another request into this one, so that parts arriving together
    /// cost the map one merge.
    pub fn absorb(&mut self, later: OpenBatch) {
        self.already_open
            .extend(self.corpus.merge(later.corpus).articles_already_open);
        self.already_open.extend(later.already_open);
        self.errors.extend(later.errors);
        self.files_tried += later.files_tried;
        self.files_total += later.files_total;
        self.bytes += later.bytes;
        self.cancelled |= later.cancelled;
        self.roots_opened.extend(later.roots_opened);
        self.done |= later.done;
    }
}

/// Something a background thread finished.
#[derive(Debug)]
pub enum Outcome {
    Opened(OpenBatch),
    /// A dialog closed: the chosen paths, or none (cancelled, or no dialog service on this desktop).
    Picked {
        purpose: Purpose,
        paths: Vec<PathBuf>,
    },
}

/// Background work in flight and the recent-paths list.
pub struct Opener {
    sender: Sender<Outcome>,
    receiver: Receiver<Outcome>,
    opening: usize,
    /// Set to stop every request in flight (Cancel).
    cancel: Arc<AtomicBool>,
    dialog_open: bool,
    recent: Vec<String>,
    /// The text of the "Open path" field.
    pub typed_path: String,
}

impl Default for Opener {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Opener {
            sender,
            receiver,
            opening: 0,
            cancel: Arc::new(AtomicBool::new(false)),
            dialog_open: false,
            recent: Vec::new(),
            typed_path: String::new(),
        }
    }
}

impl Opener {
    /// Opens `paths` (files or folders) on a background thread; `ctx` is woken when results arrive.
    pub fn open(&mut self, paths: Vec<PathBuf>, ctx: &egui::Context) -> Result<(), String> {
        if paths.is_empty() {
            return Ok(());
        }
        let sender = self.sender.clone();
        let ctx = ctx.clone();
        if self.opening == 0 {
            self.cancel.store(false, Ordering::Relaxed);
        }
        let cancel = Arc::clone(&self.cancel);
        std::thread::Builder::new()
            .name("actormap-open".into())
            .spawn(move || {
                // Reading and merging wait behind the frames, as the extraction threads do.
                lower_this_thread();
                open_paths_in_batches(&paths, Extractor::bundled(), &cancel, |batch| {
                    let _ = sender.send(Outcome::Opened(batch));
                    ctx.request_repaint();
                })
            })
            .map_err(|e| format!("Could not start opening files: {e}"))?;
        self.opening += 1;
        Ok(())
    }

    /// Shows a native file dialog on a background thread; its answer arrives as `Outcome::Picked`.
    pub fn pick(&mut self, purpose: Purpose, ctx: &egui::Context) -> Result<(), String> {
        if self.dialog_open {
            return Err("A file dialog is already open.".to_string());
        }
        let sender = self.sender.clone();
        let ctx = ctx.clone();
        std::thread::Builder::new()
            .name("actormap-dialog".into())
            .spawn(move || {
                let paths = block_on(show_dialog(purpose));
                let _ = sender.send(Outcome::Picked { purpose, paths });
                ctx.request_repaint();
            })
            .map_err(|e| format!("Could not show the file dialog: {e}"))?;
        self.dialog_open = true;
        Ok(())
    }

    /// What background threads finished since the last call.
    pub fn poll(&mut self) -> Vec<Outcome> {
        let outcomes: Vec<Outcome> = self.receiver.try_iter().collect();
        for o in &outcomes {
            match o {
                Outcome::Opened(batch) if batch.done => {
                    self.opening = self.opening.saturating_sub(1)
                }
                Outcome::Picked { .. } => self.dialog_open = false,
                _ => {}
            }
        }
        outcomes
    }

    /// Whether files are being opened.
    pub fn is_opening(&self) -> bool {
        self.opening > 0
    }

    /// Stops every request in flight after the files being read now; what opened so far stays.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Recently opened paths, most recent first.
    pub fn recent(&self) -> &[String] {
        &self.recent
    }

    pub fn set_recent(&mut self, recent: Vec<String>) {
        self.recent = recent;
        self.recent.truncate(RECENT_LIMIT);
    }

    /// Puts `path` at the top of the recent list.
    pub fn remember(&mut self, path: &Path) {
        let path = path.display().to_string();
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_LIMIT);
    }

    pub fn clear_recent(&mut self) {
        self.recent.clear();
    }
}

/// Opens every path (folders expanded), calling `send` with what opened at least every `FLUSH_EVERY` and
/// once at the end (with `done`). Files are read and extracted on every core and merged in path order, so
/// the map does not depend on the order the paths were given; `cancel` stops the request, and the files
/// not yet started are left unread.
pub fn open_paths_in_batches(
    paths: &[PathBuf],
    extractor: &Extractor,
    cancel: &AtomicBool,
    mut send: impl FnMut(OpenBatch),
) {
    let mut batch = OpenBatch::default();
    let mut files: Vec<(usize, PathBuf)> = Vec::new();
    for (root, path) in paths.iter().enumerate() {
        let (found, errors) = expand(std::slice::from_ref(path));
        batch.errors.extend(errors);
        files.extend(found.into_iter().map(|f| (root, f)));
    }
    files.sort_by(|a, b| a.1.cmp(&b.1));
    files.dedup_by(|a, b| a.1 == b.1);
    batch.files_total = files.len();
    let (roots, files): (Vec<usize>, Vec<PathBuf>) = files.into_iter().unzip();
    let mut opened_roots = vec![false; paths.len()];
    let mut last_flush = Instant::now();
    let mut pending: Vec<Corpus> = Vec::new();
    let mut tried = 0;
    open_in_order(
        &files,
        extractor,
        cancel,
        Workers::Background,
        |i, result| {
            tried += 1;
            batch.files_tried += 1;
            batch.bytes += std::fs::metadata(&files[i]).map_or(0, |m| m.len() as usize);
            match result {
                Ok(corpus) => {
                    pending.push(corpus);
                    opened_roots[roots[i]] = true;
                }
                Err(e) => batch.errors.push(e),
            }
            if last_flush.elapsed() >= FLUSH_EVERY {
                let report = batch.corpus.merge_all(pending.drain(..));
                batch.already_open.extend(report.articles_already_open);
                send(std::mem::take(&mut batch));
                last_flush = Instant::now();
            }
        },
    );
    let report = batch.corpus.merge_all(pending);
    batch.already_open.extend(report.articles_already_open);
    batch.cancelled = tried < files.len();
    batch.roots_opened = paths
        .iter()
        .zip(opened_roots)
        .filter(|(_, o)| *o)
        .map(|(p, _)| p.clone())
        .collect();
    batch.done = true;
    send(batch);
}

async fn show_dialog(purpose: Purpose) -> Vec<PathBuf> {
    let dialog = rfd::AsyncFileDialog::new();
    let to_paths = |handles: Option<Vec<rfd::FileHandle>>| {
        handles
            .unwrap_or_default()
            .into_iter()
            .map(|h| h.path().to_path_buf())
            .collect::<Vec<_>>()
    };
    match purpose {
        Purpose::OpenFiles => to_paths(
            dialog
                .set_title("Open articles")
                .add_filter(
                    "Articles and corpus files",
                    &["txt", "md", "html", "htm", "xhtml", "pdf", "json"],
                )
                .pick_files()
                .await,
        ),
        Purpose::OpenFolder => to_paths(
            dialog
                .set_title("Open every article in a folder")
                .pick_folder()
                .await
                .map(|h| vec![h]),
        ),
        Purpose::SaveCorpus => to_paths(
            dialog
                .set_title("Save corpus as JSON")
                .set_file_name("actormap-corpus.json")
                .add_filter("actormap corpus", &["json"])
                .save_file()
                .await
                .map(|h| vec![h]),
        ),
        Purpose::SaveWorkspace => to_paths(
            dialog
                .set_title("Save workspace")
                .set_file_name("map.actormap")
                .add_filter("actormap workspace", &["actormap"])
                .save_file()
                .await
                .map(|h| vec![h]),
        ),
        Purpose::OpenWorkspace => to_paths(
            dialog
                .set_title("Open workspace")
                .add_filter("actormap workspace", &["actormap"])
                .pick_file()
                .await
                .map(|h| vec![h]),
        ),
        Purpose::Export(format) => {
            let dialog = dialog.set_title(format!("Export the map as {}", format.name()));
            match format.extension() {
                Some(ext) => to_paths(
                    dialog
                        .set_file_name(format.default_name())
                        .add_filter(format.name(), &[ext])
                        .save_file()
                        .await
                        .map(|h| vec![h]),
                ),
                None => to_paths(dialog.pick_folder().await.map(|h| vec![h])),
            }
        }
        Purpose::ExportPng => to_paths(
            dialog
                .set_title("Export map as PNG")
                .set_file_name("actormap.png")
                .add_filter("PNG image", &["png"])
                .save_file()
                .await
                .map(|h| vec![h]),
        ),
    }
}

/// Runs a future to completion on this (background) thread.
fn block_on<F: Future>(future: F) -> F::Output {
    struct ThreadWaker(std::thread::Thread);
    impl Wake for ThreadWaker {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(ThreadWaker(std::thread::current())));
    let mut cx = TaskContext::from_waker(&waker);
    let mut future = std::pin::pin!(future);
    loop {
        match future.as_mut().poll(&mut cx) {
            Poll::Ready(out) => return out,
            Poll::Pending => std::thread::park(),
        }
    }
}

/// A path as the user typed it: surrounding quotes and spaces dropped, `~` meaning the home folder.
pub fn typed_path(text: &str) -> Option<PathBuf> {
    let t = text.trim();
    let t = t
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or(t);
    let t = t
        .strip_prefix('\'')
        .and_then(|s| s.strip_suffix('\''))
        .unwrap_or(t)
        .trim();
    let t = t.strip_prefix("file://").unwrap_or(t);
    if t.is_empty() {
        return None;
    }
    if let Some(rest) = t.strip_prefix('~')
        && (rest.is_empty() || rest.starts_with('/'))
        && let Some(home) = std::env::var_os("HOME")
    {
        return Some(PathBuf::from(home).join(rest.trim_start_matches('/')));
    }
    Some(PathBuf::from(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("actormap-open-files-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn typed_paths_lose_quotes_and_expand_home() {
        assert_eq!(
            typed_path("  '/tmp/a b.txt' "),
            Some(PathBuf::from("/tmp/a b.txt"))
        );
        assert_eq!(typed_path("\"/tmp/x\""), Some(PathBuf::from("/tmp/x")));
        assert_eq!(
            typed_path("file:///tmp/y.md"),
            Some(PathBuf::from("/tmp/y.md"))
        );
        assert_eq!(typed_path("   "), None);
        if let Some(home) = std::env::var_os("HOME") {
            assert_eq!(typed_path("~/news"), Some(PathBuf::from(home).join("news")));
        }
    }

    #[test]
    fn a_batch_keeps_what_opened_and_names_what_failed() {
        let dir = temp_dir("batch");
        let good = dir.join("good.txt");
        std::fs::write(&good, "Iran and Pakistan held talks in Islamabad.").unwrap();
        let empty = dir.join("empty.txt");
        std::fs::write(&empty, "  \n").unwrap();
        let missing = dir.join("missing.txt");
        let mut batches = Vec::new();
        open_paths_in_batches(
            &[good.clone(), empty.clone(), missing.clone()],
            Extractor::bundled(),
            &AtomicBool::new(false),
            |b| batches.push(b),
        );
        let last = batches.last().unwrap();
        assert!(last.done);
        let articles: usize = batches.iter().map(|b| b.corpus.articles.len()).sum();
        assert_eq!(articles, 1);
        let errors: Vec<String> = batches
            .iter()
            .flat_map(|b| &b.errors)
            .map(|e| e.to_string())
            .collect();
        assert_eq!(errors.len(), 2);
        assert!(
            errors
                .iter()
                .any(|e| e.contains("empty.txt") && e.contains("empty"))
        );
        assert!(
            errors
                .iter()
                .any(|e| e.contains("missing.txt") && e.contains("no such file"))
        );
        assert_eq!(last.roots_opened, vec![good]);
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn a_cancelled_request_stops_and_says_so() {
        let dir = temp_dir("cancel");
        for i in 0..40 {
            std::fs::write(
                dir.join(format!("{i:02}.txt")),
                format!("Iran and Pakistan held talks number {i}."),
            )
            .unwrap();
        }
        let cancel = AtomicBool::new(false);
        let mut batches = Vec::new();
        open_paths_in_batches(
            std::slice::from_ref(&dir),
            Extractor::bundled(),
            &cancel,
            |b| batches.push(b),
        );
        let opened: usize = batches.iter().map(|b| b.files_tried).sum();
        assert_eq!((opened, batches[0].files_total), (40, 40));
        assert!(!batches.last().unwrap().cancelled);

        cancel.store(true, Ordering::Relaxed);
        let mut batches = Vec::new();
        open_paths_in_batches(
            std::slice::from_ref(&dir),
            Extractor::bundled(),
            &cancel,
            |b| batches.push(b),
        );
        let last = batches.last().unwrap();
        assert!(last.done && last.cancelled);
        assert_eq!(batches.iter().map(|b| b.files_tried).sum::<usize>(), 0);
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn the_recent_list_is_most_recent_first_without_repeats_and_bounded() {
        let mut opener = Opener::default();
        for i in 0..15 {
            opener.remember(Path::new(&format!("/news/{i}.txt")));
        }
        opener.remember(Path::new("/news/7.txt"));
        assert_eq!(opener.recent().len(), RECENT_LIMIT);
        assert_eq!(opener.recent()[0], "/news/7.txt");
        assert_eq!(
            opener
                .recent()
                .iter()
                .filter(|p| *p == "/news/7.txt")
                .count(),
            1
        );
        assert_eq!(opener.recent()[1], "/news/14.txt");
    }

    #[test]
    fn block_on_runs_a_ready_future() {
        assert_eq!(block_on(async { 41 + 1 }), 42);
    }
}
