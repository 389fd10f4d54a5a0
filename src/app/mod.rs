//! The desktop app: an egui window over the library. It opens articles (dialogs, drag and drop, a typed
//! path, the command line, recent files), shows the corpus as an interactive map whose every node and edge
//! leads back to its sentences, and saves the map as a picture.
//!
//! A thin layer: extraction, merging, what the map shows and where nodes go are the library's (`extract`,
//! `corpus`, `graph`, `layout`); this module only draws them and turns clicks into calls. Each file answers
//! one question: `app_state` composes the panels; `map_view` draws and drives the map with
//! `view_transform`, `edge_geometry`, `label_placement`, `legend` and `map_style`; `evidence_panel`,
//! `article_view` and `highlight` show the text behind the map; `open_files`, `export_png`, `menu` and
//! `messages` handle the ways in and out.

mod app_state;
mod article_view;
mod curation_ui;
mod evidence_panel;
mod export_files;
mod export_png;
mod frame_time;
mod highlight;
mod legend;
mod map_paint;
mod map_style;
mod map_view;
mod menu;
mod messages;
mod open_files;
mod pair_chart;
mod scene_paint;
mod search;
mod selection;
mod stats_panel;
mod timeline_panel;
mod view_transform;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

pub use app_state::ActormapApp;
pub use selection::Selection;

/// How the app was started: the paths to open (none: the bundled sample), and whether to save a picture of
/// the settled map to a file and quit instead of staying open.
#[derive(Debug, Clone, Default)]
pub struct Launch {
    pub paths: Vec<PathBuf>,
    pub screenshot: Option<PathBuf>,
    /// Open a generated corpus of this many actors instead of the sample (`--synthetic N`).
    pub synthetic: Option<usize>,
}

/// Opens the window and runs the app until it is closed. With `launch.screenshot`, returns once the picture
/// is written, or an error when it could not be.
pub fn run(launch: Launch) -> Result<(), String> {
    forget_dead_wayland_display();
    let screenshot = launch.screenshot.clone();
    let wants_picture = screenshot.is_some();
    let result: Arc<Mutex<Option<Result<(), String>>>> = Arc::default();
    let viewport = egui::ViewportBuilder::default()
        .with_title("actormap")
        .with_app_id("actormap")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([640.0, 400.0])
        .with_drag_and_drop(true);
    let options = eframe::NativeOptions {
        viewport,
        // A picture taken for a script should not depend on how big the window was last time.
        persist_window: screenshot.is_none(),
        ..eframe::NativeOptions::default()
    };
    let slot = result.clone();
    eframe::run_native(
        "actormap",
        options,
        Box::new(move |cc| {
            let mut app = ActormapApp::new(
                launch,
                if screenshot.is_some() {
                    None
                } else {
                    cc.storage
                },
            );
            match screenshot {
                Some(out) => app.take_screenshot_and_quit(out, slot),
                None => app.offer_recovery(),
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| format!("could not open the window: {e}"))?;
    match result.lock().unwrap_or_else(|e| e.into_inner()).take() {
        Some(outcome) => outcome,
        None if wants_picture => Err("the window closed before the picture was taken".to_string()),
        None => Ok(()),
    }
}

/// eframe tries Wayland whenever `WAYLAND_DISPLAY` is set and does not fall back to X11 when no compositor
/// answers; a stale variable (left by a terminal multiplexer or ssh) would keep the window from opening.
fn forget_dead_wayland_display() {
    let Some(display) = std::env::var_os("WAYLAND_DISPLAY") else {
        return;
    };
    let socket = PathBuf::from(&display);
    let socket = if socket.is_absolute() {
        socket
    } else {
        match std::env::var_os("XDG_RUNTIME_DIR") {
            Some(dir) => PathBuf::from(dir).join(socket),
            None => socket,
        }
    };
    if !socket.exists() {
        // SAFETY: called at start-up from the main thread, before eframe or anything else starts threads
        // that could read the environment concurrently.
        unsafe { std::env::remove_var("WAYLAND_DISPLAY") };
    }
}
