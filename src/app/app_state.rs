//! The app: composes the menu bar, the "Open path" bar, the error banner, the map, the evidence panel, the
//! article view and the status line, and carries out what the user asks for in any of them.
//!
//! State lives in the parts (`MapState`, `MapView`, `Opener`, …); this file only wires them together, once
//! per frame, in a fixed order: take in finished background work, draw, act on what was clicked, finish
//! an export. It can run inside eframe (`run`) or a test harness (`ActormapApp::show`).

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use egui::{Rect, Ui, ViewportCommand};

use crate::corpus::{self, Corpus, MergeReport};
use crate::extract::Extractor;
use crate::sample::sample_corpus;

use super::Launch;
use super::article_view::ArticleView;
use super::evidence_panel::{EvidencePanel, PanelAction};
use super::export_png::{Exported, Exporter};
use super::frame_time::FrameTimes;
use super::map_view::MapView;
use super::menu::{self, Command, MenuState};
use super::messages::{Messages, plural};
use super::open_files::{OpenBatch, Opener, Outcome, Purpose};
use super::search::{self, MapSearch, SearchEvent};
use super::selection::Selection;
use super::stats_panel::{StatsAction, StatsPanel};
use super::timeline_panel::{RangeChange, TimelinePanel};
use crate::map::MapState;

/// Storage key of the recent-paths list.
const RECENT_KEY: &str = "actormap.recent";
/// The headless screenshot gives the layout at most this long to settle.
const HEADLESS_SETTLE_CAP: Duration = Duration::from_secs(4);

/// The whole app.
pub struct ActormapApp {
    map: MapState,
    /// The workspace file the map was last saved to or opened from (File › Save workspace writes there).
    workspace_path: Option<PathBuf>,
    /// Counts changes to the map (edits, undo, opened articles); `saved_changes` is the count when the
    /// workspace was last saved or opened.
    changes: u64,
    saved_changes: u64,
    last_autosave: Option<Instant>,
    /// What the recovery file held at start, offered to the user.
    recovery: Option<crate::workspace::Workspace>,
    quit_prompt: bool,
    quit_after_save: bool,
    quit_confirmed: bool,
    view: MapView,
    search: MapSearch,
    timeline: TimelinePanel,
    stats: StatsPanel,
    frame_times: FrameTimes,
    /// Title and legend of exported pictures (File › Export map as).
    picture: super::export_files::PictureOptions,
    /// The last search's matches: (query, map generation, node indices), so a frame does not search again.
    found: (String, u64, Vec<usize>),
    selection: Selection,
    evidence: EvidencePanel,
    article: ArticleView,
    opener: Opener,
    exporter: Exporter,
    messages: Messages,
    /// Paths to open on the first frame (the command line).
    pending_paths: Vec<PathBuf>,
    /// A path field shown when a save dialog gave no path.
    save_prompt: Option<SavePrompt>,
    /// What one open request did so far, for the status line.
    progress: OpenProgress,
    headless: Option<Headless>,
    /// Whether the recent list is saved on exit (not for a scripted screenshot).
    persist: bool,
    first_frame: bool,
}

struct SavePrompt {
    purpose: Purpose,
    text: String,
    /// Give the field the keyboard when it appears, so Enter saves at once.
    focus: bool,
}

#[derive(Default)]
struct OpenProgress {
    /// When the first part of this request arrived (the rate is measured from there).
    started: Option<Instant>,
    files: usize,
    files_total: usize,
    bytes: usize,
    cancelled: bool,
    articles: usize,
    already_open: usize,
    actors_added: usize,
    interactions_added: usize,
    failed: usize,
}

/// `actormap --screenshot OUT.png`: open, let the layout settle, fit, save the map, quit.
struct Headless {
    out: PathBuf,
    started: Instant,
    settling_since: Option<Instant>,
    capturing: bool,
    /// Inputs that could not be opened: then no picture is taken (as with `actormap render`).
    failed: usize,
    result: Arc<Mutex<Option<Result<(), String>>>>,
}

impl ActormapApp {
    /// The app for `launch`: the given paths are opened on the first frame, or the bundled sample corpus is
    /// shown when there are none. `storage` brings back the recent-paths list.
    pub fn new(launch: Launch, storage: Option<&dyn eframe::Storage>) -> Self {
        let corpus = match launch.synthetic {
            Some(n) => crate::synthetic::synthetic_corpus(n),
            None if launch.paths.is_empty() => sample_corpus(Extractor::bundled()),
            None => Corpus::default(),
        };
        let mut app = ActormapApp::with_corpus(corpus);
        if let Some(n) = launch.synthetic {
            app.messages.status(format!(
                "Showing a generated map of {n} actors (--synthetic)."
            ));
        } else if launch.paths.is_empty() {
            app.messages.status(
                "Showing the bundled sample articles. Open your own with File › Open… (Ctrl+O).",
            );
        }
        app.pending_paths = launch.paths;
        if let Some(recent) = storage.and_then(|s| eframe::get_value::<Vec<String>>(s, RECENT_KEY))
        {
            app.opener.set_recent(recent);
        }
        app
    }

    /// An app showing `corpus` with its layout already settled, so the first frame is the final map (for
    /// tests and pictures; no window, no storage).
    pub fn new_for_test(corpus: Corpus) -> Self {
        let mut app = ActormapApp::with_corpus(corpus);
        app.settle_layout();
        app
    }

    fn with_corpus(corpus: Corpus) -> Self {
        ActormapApp {
            map: MapState::new(corpus),
            workspace_path: None,
            changes: 0,
            saved_changes: 0,
            last_autosave: None,
            recovery: None,
            quit_prompt: false,
            quit_after_save: false,
            quit_confirmed: false,
            view: MapView::default(),
            search: MapSearch::default(),
            timeline: TimelinePanel::default(),
            stats: StatsPanel::default(),
            frame_times: FrameTimes::default(),
            picture: super::export_files::PictureOptions::default(),
            found: (String::new(), 0, Vec::new()),
            selection: Selection::Nothing,
            evidence: EvidencePanel::default(),
            article: ArticleView::default(),
            opener: Opener::default(),
            exporter: Exporter::default(),
            messages: Messages::default(),
            pending_paths: Vec::new(),
            save_prompt: None,
            progress: OpenProgress::default(),
            headless: None,
            persist: true,
            first_frame: true,
        }
    }

    /// Makes the app take a picture of the map to `out` once the map has settled, then close the window;
    /// the outcome lands in `result`.
    pub(super) fn take_screenshot_and_quit(
        &mut self,
        out: PathBuf,
        result: Arc<Mutex<Option<Result<(), String>>>>,
    ) {
        self.headless = Some(Headless {
            out,
            started: Instant::now(),
            settling_since: None,
            capturing: false,
            failed: 0,
            result,
        });
        self.persist = false;
    }

    // ---- For tests and scripting -------------------------------------------------------------------

    pub fn corpus(&self) -> &Corpus {
        self.map.corpus()
    }

    /// Number of nodes on the map.
    /// Whether the layout is at rest.
    pub fn is_settled(&self) -> bool {
        self.map.is_settled()
    }

    pub fn node_count(&self) -> usize {
        self.map.graph().nodes.len()
    }

    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    pub fn select(&mut self, selection: Selection) {
        if let Selection::Actor(id) = &selection {
            self.view.reveal(id);
        }
        self.selection = selection;
    }

    /// The map's rectangle in the last frame, in points.
    /// Where the timeline chart is, when it is shown and has something to chart.
    pub fn timeline_rect(&self) -> Option<Rect> {
        self.timeline
            .open
            .then_some(self.timeline.chart_rect)
            .flatten()
    }

    /// Where the statistics window drew the most connected actor's bar, when it is open.
    pub fn statistics_first_bar(&self) -> Option<egui::Pos2> {
        self.stats.open.then_some(self.stats.first_bar).flatten()
    }

    /// The map's filter.
    pub fn filter(&self) -> &crate::graph::MapFilter {
        self.map.filter()
    }

    pub fn map_rect(&self) -> Rect {
        self.view.rect()
    }

    /// Where an actor's node was drawn in the last frame.
    pub fn node_centre(&self, actor_id: &str) -> Option<egui::Pos2> {
        self.view.node_centre(&self.map, actor_id)
    }

    /// Whether the user pinned the actor's node by dragging it.
    pub fn is_pinned(&self, actor_id: &str) -> bool {
        self.map
            .graph()
            .node_of(actor_id)
            .is_some_and(|i| self.map.is_pinned(i))
    }

    /// Where the middle of an interaction's edge was drawn in the last frame.
    pub fn edge_middle(&self, interaction_id: &str) -> Option<egui::Pos2> {
        self.view.edge_middle(&self.map, interaction_id)
    }

    /// The errors on screen, newest first.
    pub fn errors(&self) -> &[String] {
        self.messages.errors()
    }

    pub fn status(&self) -> &str {
        self.messages.status_text()
    }

    /// The article open in the article view, and the sentence it shows.
    pub fn open_article(&self) -> Option<(&str, Option<usize>)> {
        self.article.current()
    }

    /// Whether files are being opened or a picture saved (tests wait for this to end).
    pub fn is_busy(&self) -> bool {
        self.opener.is_opening() || self.exporter.is_busy() || !self.pending_paths.is_empty()
    }

    /// Opens paths as the command line or a drop would.
    pub fn open_paths(&mut self, mut paths: Vec<PathBuf>, ctx: &egui::Context) {
        // A workspace replaces the map; articles and corpora are added to it.
        let is_workspace = |p: &PathBuf| {
            p.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case(crate::workspace::EXTENSION))
        };
        if let Some(w) = paths.iter().position(is_workspace) {
            let w = paths.remove(w);
            self.open_workspace(&w);
            if paths.is_empty() {
                return;
            }
        }
        if !self.opener.is_opening() {
            self.progress = OpenProgress {
                started: Some(Instant::now()),
                ..OpenProgress::default()
            };
        }
        if let Err(e) = self.opener.open(paths, ctx) {
            self.messages.error(e);
        }
    }

    /// The nodes the open search finds, searched again only when the query or the map changed.
    fn search_matches(&mut self) -> Vec<usize> {
        let Some(query) = self.search.active_query() else {
            return Vec::new();
        };
        let generation = self.map.generation();
        if self.found.0 != query || self.found.1 != generation {
            self.found = (
                query.to_string(),
                generation,
                search::find(self.map.corpus(), self.map.graph(), query),
            );
        }
        self.found.2.clone()
    }

    /// Saves the map as a PNG at `path` (a screenshot is taken over the next frames).
    pub fn export_map_png(&mut self, path: PathBuf, ctx: &egui::Context) {
        self.exporter.start(path, ctx);
    }

    /// Runs the layout to rest and fits the map in the window on the next frame.
    pub fn settle_layout(&mut self) {
        self.map.settle(20_000);
        self.view.follow_layout();
    }

    // ---- The frame ---------------------------------------------------------------------------------

    /// Shows the app in `ui` (the whole window) for one frame.
    pub fn show(&mut self, ui: &mut Ui) {
        let started = Instant::now();
        self.show_frame(ui);
        self.recovery_ui(ui);
        self.before_close(ui);
        self.autosave();
        let since_last = ui.input(|i| i.unstable_dt);
        self.frame_times.record(started.elapsed(), since_last);
        if self.frame_times.shown {
            // While the readout is on the app draws continuously, as a frame-rate counter does, so the
            // time between frames is the time a frame takes, not the time between two inputs.
            ui.ctx().request_repaint();
        }
    }

    fn show_frame(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if self.first_frame {
            self.first_frame = false;
            ctx.set_theme(egui::Theme::Light);
            let paths = std::mem::take(&mut self.pending_paths);
            if !paths.is_empty() {
                self.open_paths(paths, &ctx);
            }
        }
        // Parts of opening that arrived since the last frame are merged into the map at once.
        let mut opened: Option<OpenBatch> = None;
        for outcome in self.opener.poll() {
            match outcome {
                Outcome::Opened(batch) => match &mut opened {
                    Some(all) => all.absorb(batch),
                    None => opened = Some(batch),
                },
                other => self.take(other, &ctx),
            }
        }
        if let Some(batch) = opened {
            self.take(Outcome::Opened(batch), &ctx);
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if !dropped.is_empty() {
            self.open_paths(dropped, &ctx);
        }

        let mut commands = menu::shortcuts(ui);
        let mut actions = Vec::new();
        // Whether this frame's map is drawn clean for a picture; decided before drawing.
        let capturing = self.exporter.is_capturing();

        egui::Panel::top("menu-bar").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                let state = MenuState {
                    recent: self.opener.recent(),
                    filter: self.map.filter(),
                    show_legend: self.view.show_legend,
                    show_labels: self.view.show_labels,
                    show_timeline: self.timeline.open,
                    show_statistics: self.stats.open,
                    show_frame_time: self.frame_times.shown,
                    has_articles: !self.map.corpus().is_empty(),
                    picture: &self.picture,
                    actors: self.map.corpus().actors.len(),
                    undo: self
                        .map
                        .edits()
                        .last()
                        .map(|e| e.describe(self.map.corpus())),
                    redo: self
                        .map
                        .edits()
                        .next_redo()
                        .map(|e| e.describe(self.map.base())),
                };
                commands.extend(menu::menu_bar(ui, &state));
            });
            self.path_bar(ui, &mut commands);
        });
        if self.save_prompt.is_some() {
            egui::Panel::top("save-prompt").show(ui, |ui| self.save_prompt_ui(ui));
        }
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        egui::Panel::right("evidence")
            .resizable(true)
            .default_size(380.0)
            .size_range(260.0..=900.0)
            .show(ui, |ui| {
                actions.extend(self.evidence.ui(
                    ui,
                    self.map.corpus(),
                    self.map.graph(),
                    &self.selection,
                    self.map.filter().focus.as_ref(),
                ));
            });
        if self.article.is_open() {
            egui::Panel::bottom("article")
                .resizable(true)
                .default_size(260.0)
                .size_range(120.0..=800.0)
                .show(ui, |ui| {
                    if let Some(e) = self.article.ui(ui, self.map.corpus(), &self.selection) {
                        self.make_edit(e);
                    }
                });
        }
        if self.timeline.open {
            let mut change = RangeChange::None;
            egui::Panel::bottom("timeline")
                .resizable(true)
                .default_size(170.0)
                .size_range(110.0..=500.0)
                .show(ui, |ui| {
                    let filter = self.map.filter();
                    change = self.timeline.ui(
                        ui,
                        self.map.corpus(),
                        self.map.generation(),
                        filter.show_unasserted,
                        filter.dates,
                    );
                });
            // Only a change of range is sent: a filter cloned here every frame would undo the menu's
            // changes of the same frame.
            let mut filter = self.map.filter().clone();
            match change {
                RangeChange::None => {}
                RangeChange::Set(start, end) => {
                    filter.dates = Some((start, end));
                    commands.push(Command::SetFilter(filter));
                }
                RangeChange::Clear => {
                    filter.dates = None;
                    commands.push(Command::SetFilter(filter));
                }
            }
        }
        let found = self.search_matches();
        egui::CentralPanel::no_frame().show(ui, |ui| {
            self.view
                .ui(ui, &mut self.map, &mut self.selection, &found, capturing);
            bars::drop_hint(ui, self.view.rect());
        });
        // Errors float over the top of the map, so they never push it down (and shift what is under the
        // pointer); each can be dismissed.
        if !self.messages.errors().is_empty() && !capturing {
            let map = self.view.rect();
            let below_search = if self.search.open { 52.0 } else { 10.0 };
            egui::Area::new(egui::Id::unique("actormap-errors"))
                .fixed_pos(map.left_top() + egui::vec2(10.0, below_search))
                .order(egui::Order::Foreground)
                .show(ui.ctx(), |ui| {
                    ui.set_max_width((map.width() - 130.0).max(200.0));
                    self.messages.banner_ui(ui);
                });
        }
        if self.stats.open && !capturing {
            match self.stats.show(
                ui.ctx(),
                self.map.corpus(),
                self.map.graph(),
                self.map.filter(),
            ) {
                None => {}
                Some(StatsAction::SelectActor(id)) => {
                    self.view.zoom_to(&id);
                    self.selection = Selection::Actor(id);
                }
                Some(StatsAction::SetFilter(filter)) => commands.push(Command::SetFilter(filter)),
            }
        }
        if !capturing {
            match self.search.ui(ui, self.view.rect(), found.len()) {
                SearchEvent::None => {}
                SearchEvent::Close => self.search.close(),
                SearchEvent::Choose => {
                    match found.first().and_then(|&i| self.map.graph().nodes.get(i)) {
                        Some(node) => {
                            let id = node.id.clone();
                            self.view.zoom_to(&id);
                            self.selection = Selection::Actor(id);
                        }
                        None => self.messages.status("No actor on the map fits the search."),
                    }
                }
            }
        }

        for command in commands {
            self.run(command, &ctx);
        }
        for action in actions {
            match action {
                PanelAction::Select(s) => self.select(s),
                PanelAction::Edit(e) => self.make_edit(e),
                PanelAction::Focus(focus) => {
                    let mut filter = self.map.filter().clone();
                    filter.focus = focus;
                    self.map.set_filter(filter);
                    self.view.fit_all();
                }
                PanelAction::OpenArticle { article, sentence } => {
                    self.article.show(&article, sentence)
                }
            }
        }
        self.selection = std::mem::take(&mut self.selection).still_in(self.map.corpus());

        if let Some(result) = self.exporter.end_frame(&ctx, self.view.rect(), capturing) {
            self.exported(result, &ctx);
        }
        self.headless_step(&ctx);
        if self.is_busy() {
            // Background work wakes the window when it finishes; this keeps the spinner turning meanwhile.
            ctx.request_repaint_after(Duration::from_millis(100));
        }
    }

    // ---- Acting on requests ------------------------------------------------------------------------

    fn run(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::Open => self.pick(Purpose::OpenFiles, ctx),
            Command::OpenFolder => self.pick(Purpose::OpenFolder, ctx),
            Command::OpenRecent(path) => self.open_paths(vec![PathBuf::from(path)], ctx),
            Command::ClearRecent => self.opener.clear_recent(),
            Command::SaveCorpus => {
                if self.map.corpus().is_empty() {
                    self.messages
                        .status("Nothing to save: no articles are open.");
                } else {
                    self.pick(Purpose::SaveCorpus, ctx);
                }
            }
            Command::ExportPng => self.pick(Purpose::ExportPng, ctx),
            Command::Export(format) => self.pick(Purpose::Export(format), ctx),
            Command::SetPictureLegend(on) => self.picture.legend = on,
            Command::SetPictureTitle(title) => self.picture.title = title,
            Command::SaveWorkspace => match self.workspace_path.clone() {
                Some(path) => self.save_workspace(path),
                None => self.pick(Purpose::SaveWorkspace, ctx),
            },
            Command::SaveWorkspaceAs => self.pick(Purpose::SaveWorkspace, ctx),
            Command::OpenWorkspace => self.pick(Purpose::OpenWorkspace, ctx),
            Command::Reextract => self.reextract(),
            Command::Undo => match self.map.undo() {
                Some(e) => {
                    self.changes += 1;
                    self.messages.status(format!("Undid: {e}."))
                }
                None => self.messages.status("Nothing to undo."),
            },
            Command::Redo => match self.map.redo() {
                Some(e) => {
                    self.changes += 1;
                    self.messages.status(format!("Redid: {e}."))
                }
                None => self.messages.status("Nothing to redo."),
            },
            Command::CloseAll => {
                self.map.clear();
                self.search.close();
                self.evidence.actor_search.clear();
                self.selection = Selection::Nothing;
                self.article.close();
                self.view.follow_layout();
                self.messages.status("Closed all articles.");
            }
            Command::Quit => ctx.send_viewport_cmd(ViewportCommand::Close),
            Command::FitAll => self.view.fit_all(),
            Command::ClearSelection => {
                self.selection = Selection::Nothing;
                self.article.close();
                self.search.close();
                self.evidence.actor_search.clear();
                if self.map.filter().focus.is_some() {
                    let mut filter = self.map.filter().clone();
                    filter.focus = None;
                    self.map.set_filter(filter);
                }
            }
            Command::Search => self.search.open(),
            Command::ToggleTimeline => self.timeline.open = !self.timeline.open,
            Command::ToggleStatistics => self.stats.open = !self.stats.open,
            Command::ToggleFrameTime => self.frame_times.shown = !self.frame_times.shown,
            Command::SetFilter(filter) => self.map.set_filter(filter),
            Command::ToggleLegend => self.view.show_legend = !self.view.show_legend,
            Command::ToggleLabels => self.view.show_labels = !self.view.show_labels,
        }
    }

    /// Makes a correction on the map and logs it (Edit › Undo takes it back).
    fn make_edit(&mut self, edit: crate::curation::Edit) {
        let said = edit.describe(self.map.corpus());
        match self.map.edit(edit) {
            Ok(()) => {
                self.changes += 1;
                self.messages.status(format!("{said}. Ctrl+Z to undo."))
            }
            Err(why) => self
                .messages
                .error(format!("Could not {}: {why}", said.to_lowercase())),
        }
    }

    fn pick(&mut self, purpose: Purpose, ctx: &egui::Context) {
        if let Err(e) = self.opener.pick(purpose, ctx) {
            self.messages.status(e);
        }
    }

    fn take(&mut self, outcome: Outcome, ctx: &egui::Context) {
        match outcome {
            Outcome::Opened(batch) => self.merge(batch),
            Outcome::Picked { purpose, paths } => match purpose {
                Purpose::OpenFiles | Purpose::OpenFolder if paths.is_empty() => self.messages.status(
                    "No file chosen. If no dialog appeared, type a path in “Open path” or drop files on the window.",
                ),
                Purpose::OpenFiles | Purpose::OpenFolder => self.open_paths(paths, ctx),
                Purpose::SaveWorkspace | Purpose::OpenWorkspace => match paths.into_iter().next() {
                    Some(path) => self.save_to(purpose, path, ctx),
                    None => {
                        let home = std::env::var("HOME").unwrap_or_else(|_| ".".to_string());
                        self.save_prompt = Some(SavePrompt { purpose, text: format!("{home}/map.actormap"), focus: true });
                        self.messages.status("No file chosen in the dialog: type the workspace's path, or Cancel.");
                    }
                },
                Purpose::Export(format) => match paths.into_iter().next() {
                    Some(path) => self.save_to(purpose, path, ctx),
                    None => {
                        let home = std::env::var("HOME").unwrap_or_else(|_| ".".to_string());
                        self.save_prompt = Some(SavePrompt { purpose, text: format!("{home}/{}", format.default_name()), focus: true });
                        self.messages.status("No file chosen in the dialog: type where to save, or Cancel.");
                    }
                },
                Purpose::SaveCorpus | Purpose::ExportPng => match paths.into_iter().next() {
                    Some(path) => self.save_to(purpose, path, ctx),
                    None => {
                        let home = std::env::var("HOME").unwrap_or_else(|_| ".".to_string());
                        let name = if purpose == Purpose::ExportPng { "actormap.png" } else { "actormap-corpus.json" };
                        self.save_prompt = Some(SavePrompt { purpose, text: format!("{home}/{name}"), focus: true });
                        self.messages.status("No file chosen in the dialog: type where to save, or Cancel.");
                    }
                },
            },
        }
    }

    fn merge(&mut self, batch: OpenBatch) {
        let OpenBatch {
            corpus,
            errors,
            files_tried,
            files_total,
            bytes,
            cancelled,
            already_open,
            roots_opened,
            done,
        } = batch;
        let was_empty = self.map.graph().nodes.is_empty();
        let articles = corpus.articles.len();
        let report: MergeReport = self.map.merge(corpus);
        let p = &mut self.progress;
        p.files += files_tried;
        p.files_total += files_total;
        p.bytes += bytes;
        p.cancelled |= cancelled;
        p.articles += report.articles_added;
        p.already_open += already_open.len()
            + report.articles_already_open.len()
            + articles.saturating_sub(report.articles_added + report.articles_already_open.len());
        p.actors_added += report.actors_added;
        p.interactions_added += report.interactions_added;
        p.failed += errors.len();
        for e in errors {
            if let Some(h) = &mut self.headless {
                eprintln!("actormap: {e}");
                h.failed += 1;
            }
            self.messages.error(e.to_string());
        }
        if was_empty && !self.map.graph().nodes.is_empty() {
            self.view.follow_layout();
        }
        if !done {
            self.messages.status(format!(
                "Opening… {} file{} so far",
                p.files,
                plural(p.files)
            ));
            return;
        }
        for root in &roots_opened {
            self.opener.remember(root);
        }
        let p = std::mem::take(&mut self.progress);
        let mut parts = vec![format!(
            "Opened {} new article{}",
            p.articles,
            plural(p.articles)
        )];
        if p.cancelled {
            parts[0] = format!(
                "Cancelled after {} of {} files: opened {} new article{}",
                p.files,
                p.files_total,
                p.articles,
                plural(p.articles)
            );
        }
        if p.already_open > 0 {
            parts.push(format!("{} already open", p.already_open));
        }
        parts.push(format!(
            "{} new actor{}",
            p.actors_added,
            plural(p.actors_added)
        ));
        parts.push(format!(
            "{} new interaction{}",
            p.interactions_added,
            plural(p.interactions_added)
        ));
        if p.failed > 0 {
            parts.push(format!(
                "{} file{} could not be opened",
                p.failed,
                plural(p.failed)
            ));
        }
        let status = parts.join(", ") + ".";
        if p.failed > 0 && p.articles == 0 && p.already_open == 0 {
            // Errors are already on screen and in the status; keep the newest error visible there.
            if let Some(e) = self.messages.errors().first().cloned() {
                self.messages.status(e);
            }
        } else {
            self.messages.status(status);
        }
    }

    fn save_to(&mut self, purpose: Purpose, mut path: PathBuf, ctx: &egui::Context) {
        match purpose {
            Purpose::ExportPng => {
                if path.extension().is_none() {
                    path.set_extension("png");
                }
                self.export_map_png(path, ctx);
            }
            Purpose::SaveCorpus => {
                if path.extension().is_none() {
                    path.set_extension("json");
                }
                // Atomic: a failed save (full disk, crash) leaves the previous file as it was.
                let saved = crate::export::atomic::write_atomic(&path, |out| {
                    corpus::write_json(self.map.corpus(), out)
                });
                match saved {
                    Ok(()) => self
                        .messages
                        .status(format!("Saved the corpus to {}.", path.display())),
                    // The message names the file and says what to do.
                    Err(e) => self.messages.error(e.to_string()),
                }
            }
            Purpose::Export(format) => {
                match super::export_files::export(format, self.map.laid_out(), path, &self.picture)
                {
                    Ok(done) => self.messages.status(done),
                    Err(e) => self.messages.error(e),
                }
            }
            Purpose::SaveWorkspace => {
                if path.extension().is_none() {
                    path.set_extension(crate::workspace::EXTENSION);
                }
                self.save_workspace(path);
            }
            Purpose::OpenWorkspace => self.open_workspace(&path),
            Purpose::OpenFiles | Purpose::OpenFolder => self.open_paths(vec![path], ctx),
        }
    }

    fn exported(
        &mut self,
        result: Result<Exported, super::export_png::ExportError>,
        ctx: &egui::Context,
    ) {
        match &result {
            Ok(done) => self.messages.status(format!(
                "Saved the map picture to {} ({}×{} pixels).",
                done.path.display(),
                done.width,
                done.height
            )),
            Err(e) => self.messages.error(e.to_string()),
        }
        if let Some(h) = self.headless.take() {
            let elapsed = h.started.elapsed().as_secs_f32();
            let outcome = match result {
                Ok(done) => {
                    eprintln!(
                        "actormap: wrote {} ({}×{} px) in {elapsed:.2} s; {} frames, the slowest built in {:.1} ms",
                        done.path.display(),
                        done.width,
                        done.height,
                        self.frame_times.frames,
                        self.frame_times.slowest.as_secs_f64() * 1e3,
                    );
                    Ok(())
                }
                // `main` prints the error.
                Err(e) => Err(format!("{e} (after {elapsed:.2} s)")),
            };
            *h.result.lock().unwrap_or_else(|e| e.into_inner()) = Some(outcome);
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }

    /// The headless screenshot's progress: wait for the files, let the layout settle (within a cap), fit,
    /// then take the picture.
    fn headless_step(&mut self, ctx: &egui::Context) {
        let Some(h) = &mut self.headless else { return };
        ctx.request_repaint();
        if h.capturing || self.opener.is_opening() || !self.pending_paths.is_empty() {
            return;
        }
        // A picture of part of the input, or of nothing, would pass for the map: write none and fail.
        let failure = if h.failed > 0 {
            Some(format!(
                "nothing written: {} input{} could not be opened",
                h.failed,
                plural(h.failed)
            ))
        } else if self.map.corpus().actors.is_empty() {
            Some("nothing written: no actors were found in the input".to_string())
        } else {
            None
        };
        if let Some(e) = failure {
            *h.result.lock().unwrap_or_else(|e| e.into_inner()) = Some(Err(e));
            self.headless = None;
            ctx.send_viewport_cmd(ViewportCommand::Close);
            return;
        }
        let since = *h.settling_since.get_or_insert_with(Instant::now);
        // Settle faster than the on-screen animation: as many ticks as fit in 40 ms, checked after each
        // tick (ten at a time took 150 ms at 20,000 actors, which the slowest-frame figure then showed).
        self.map.tick_within(usize::MAX, Duration::from_millis(40));
        if self.map.is_settled() || since.elapsed() > HEADLESS_SETTLE_CAP {
            h.capturing = true;
            self.view.fit_all();
            let out = h.out.clone();
            self.exporter.start(out, ctx);
        }
    }
}

impl eframe::App for ActormapApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.persist {
            eframe::set_value(storage, RECENT_KEY, &self.opener.recent().to_vec());
        }
    }
}

#[path = "app_bars.rs"]
mod bars;
#[path = "app_workspace.rs"]
mod workspace_ops;
