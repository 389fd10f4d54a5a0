//! Saving the map as a PNG: ask the window for a screenshot of a frame drawn without hover effects or
//! controls, cut the map's rectangle out of it (points × pixels per point) and write it with the library's
//! `export::png`. Menus and side panels are never in the picture; the legend is, so the picture explains
//! itself in a report.
//!
//! The screenshot arrives a few frames after it is asked for (from eframe, or at once from a test
//! harness); `Exporter` is the small state machine that waits for it.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use egui::{ColorImage, Rect};

use crate::export::png::{RgbaImage, write_png};

/// After this long without a screenshot the export gives up with a message.
const SCREENSHOT_TIMEOUT: Duration = Duration::from_secs(5);

/// A picture written to disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    pub path: PathBuf,
    pub width: u32,
    pub height: u32,
}

/// Why a picture could not be saved, as a sentence for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportError(pub String);

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Could not export the map: {}", self.0)
    }
}

/// The part of a window screenshot that shows `map` (in points), as an RGBA image.
pub fn map_picture(screenshot: &ColorImage, map: Rect, pixels_per_point: f32) -> RgbaImage {
    let [width, height] = screenshot.size;
    let mut pixels = Vec::with_capacity(width * height * 4);
    for c in &screenshot.pixels {
        pixels.extend_from_slice(&c.to_srgba_unmultiplied());
    }
    let full = RgbaImage {
        width: width as u32,
        height: height as u32,
        pixels,
    };
    let px = |v: f32| (v * pixels_per_point).round().max(0.0) as u32;
    full.crop(
        px(map.min.x),
        px(map.min.y),
        px(map.width()),
        px(map.height()),
    )
}

/// Cuts the map out of `screenshot` and writes it to `path`.
pub fn save_map_picture(
    screenshot: &ColorImage,
    map: Rect,
    pixels_per_point: f32,
    path: &Path,
) -> Result<Exported, ExportError> {
    let picture = map_picture(screenshot, map, pixels_per_point);
    if picture.is_uniform() {
        return Err(ExportError(
            "the picture came out blank (one colour only); try again once the map is drawn".into(),
        ));
    }
    write_png(&picture, path).map_err(|e| ExportError(e.to_string()))?;
    Ok(Exported {
        path: path.to_path_buf(),
        width: picture.width,
        height: picture.height,
    })
}

type Slot = Arc<Mutex<Option<Arc<ColorImage>>>>;

enum State {
    Idle,
    /// The next frame draws the map without hover effects; its end asks for the screenshot.
    Preparing {
        path: PathBuf,
    },
    Waiting {
        path: PathBuf,
        map: Rect,
        pixels_per_point: f32,
        slot: Slot,
        since: Instant,
    },
}

/// An export in progress, if any.
pub struct Exporter {
    state: State,
}

impl Default for Exporter {
    fn default() -> Self {
        Exporter { state: State::Idle }
    }
}

impl Exporter {
    /// Starts exporting the map to `path`.
    pub fn start(&mut self, path: PathBuf, ctx: &egui::Context) {
        self.state = State::Preparing { path };
        ctx.request_repaint();
    }

    /// Whether the map should draw itself clean (no hover effects, no controls) this frame.
    pub fn is_capturing(&self) -> bool {
        !matches!(self.state, State::Idle)
    }

    pub fn is_busy(&self) -> bool {
        self.is_capturing()
    }

    /// Call at the end of every frame with the map's rectangle and whether the map was drawn clean this
    /// frame. Returns the export's result once it is finished.
    pub fn end_frame(
        &mut self,
        ctx: &egui::Context,
        map: Rect,
        drawn_clean: bool,
    ) -> Option<Result<Exported, ExportError>> {
        match &self.state {
            State::Idle => None,
            State::Preparing { path } => {
                if drawn_clean {
                    let slot: Slot = Arc::default();
                    let target = slot.clone();
                    let waker = ctx.clone();
                    ctx.request_screenshot(move |image| {
                        *target.lock().unwrap_or_else(|e| e.into_inner()) = Some(image);
                        waker.request_repaint();
                    });
                    self.state = State::Waiting {
                        path: path.clone(),
                        map,
                        pixels_per_point: ctx.pixels_per_point(),
                        slot,
                        since: Instant::now(),
                    };
                }
                ctx.request_repaint();
                None
            }
            State::Waiting {
                path,
                map,
                pixels_per_point,
                slot,
                since,
            } => {
                let image = slot.lock().unwrap_or_else(|e| e.into_inner()).take();
                let result = match image {
                    Some(image) => save_map_picture(&image, *map, *pixels_per_point, path),
                    None if since.elapsed() > SCREENSHOT_TIMEOUT => Err(ExportError(
                        "the window system did not deliver a screenshot of the window".into(),
                    )),
                    None => {
                        ctx.request_repaint();
                        return None;
                    }
                };
                self.state = State::Idle;
                Some(result)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Color32, pos2, vec2};

    /// A 2× screenshot of a 100×80-point window whose map (points 20..70 × 10..50) is red on white.
    fn screenshot() -> ColorImage {
        let (w, h) = (200, 160);
        let mut pixels = vec![Color32::WHITE; w * h];
        for y in 20..100 {
            for x in 40..140 {
                pixels[y * w + x] = if (x + y) % 7 == 0 {
                    Color32::RED
                } else {
                    Color32::from_rgb(240, 240, 250)
                };
            }
        }
        ColorImage::new([w, h], pixels)
    }

    #[test]
    fn the_picture_is_the_map_rectangle_in_physical_pixels() {
        let map = Rect::from_min_size(pos2(20.0, 10.0), vec2(50.0, 40.0));
        let picture = map_picture(&screenshot(), map, 2.0);
        assert_eq!((picture.width, picture.height), (100, 80));
        assert!(!picture.is_uniform());
        assert!(
            picture
                .pixels
                .chunks_exact(4)
                .all(|p| p != [255, 255, 255, 255]),
            "nothing outside the map"
        );
    }

    #[test]
    fn saving_writes_a_png_of_the_map_and_refuses_a_blank_one() {
        let path =
            std::env::temp_dir().join(format!("actormap-export-test-{}.png", std::process::id()));
        let map = Rect::from_min_size(pos2(20.0, 10.0), vec2(50.0, 40.0));
        let done = save_map_picture(&screenshot(), map, 2.0, &path).unwrap();
        assert_eq!((done.width, done.height), (100, 80));
        assert!(path.exists());
        std::fs::remove_file(&path).ok();
        let blank = ColorImage::new([10, 10], vec![Color32::WHITE; 100]);
        let err = save_map_picture(
            &blank,
            Rect::from_min_size(pos2(0.0, 0.0), vec2(5.0, 5.0)),
            1.0,
            &path,
        )
        .unwrap_err();
        assert!(err.to_string().starts_with("Could not export the map:"));
    }

    #[test]
    fn an_unwritable_path_is_an_error_naming_it() {
        let map = Rect::from_min_size(pos2(20.0, 10.0), vec2(50.0, 40.0));
        let err = save_map_picture(
            &screenshot(),
            map,
            2.0,
            Path::new("/no/such/folder/map.png"),
        )
        .unwrap_err();
        assert!(err.to_string().contains("/no/such/folder/map.png"), "{err}");
    }
}
