//! The frame-time readout (View › Frame time): how long the app took to build each of the last frames
//! (its own code and egui's layout of the widgets, not the GPU's drawing), and the median time between
//! frames: while the readout is on the app draws continuously, so that is the whole frame, drawing
//! included.

use std::collections::VecDeque;
use std::time::Duration;

/// Frames the figures are taken over.
const WINDOW: usize = 120;

#[derive(Debug, Default)]
pub struct FrameTimes {
    pub shown: bool,
    /// The longest build of any frame so far, and how many frames there were.
    pub slowest: Duration,
    pub frames: usize,
    build: VecDeque<Duration>,
    between: VecDeque<f32>,
}

impl FrameTimes {
    /// Records one frame: the time spent building it and the time since the previous frame (seconds).
    pub fn record(&mut self, build: Duration, since_last: f32) {
        self.slowest = self.slowest.max(build);
        self.frames += 1;
        if self.build.len() == WINDOW {
            self.build.pop_front();
        }
        self.build.push_back(build);
        if self.between.len() == WINDOW {
            self.between.pop_front();
        }
        self.between.push_back(since_last);
    }

    /// "build 2.1 ms (max 6.0) · frame 16.7 ms", over the last frames: the mean and longest build, and the
    /// median time between frames.
    pub fn summary(&self) -> String {
        if self.build.is_empty() {
            return String::new();
        }
        let ms = |d: &Duration| d.as_secs_f64() * 1e3;
        let mean = self.build.iter().map(ms).sum::<f64>() / self.build.len() as f64;
        let max = self.build.iter().map(ms).fold(0.0, f64::max);
        // The median time between frames (the app repaints continuously while the readout is on, so this
        // is the whole frame, drawing included).
        let mut busy: Vec<f32> = self.between.iter().copied().collect();
        busy.sort_by(f32::total_cmp);
        match busy.get(busy.len() / 2) {
            Some(s) => format!(
                "build {mean:.1} ms (max {max:.1}) · frame {:.1} ms",
                *s as f64 * 1e3
            ),
            None => format!("build {mean:.1} ms (max {max:.1})"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_gives_mean_and_max_of_the_last_frames() {
        let mut t = FrameTimes::default();
        assert_eq!(t.summary(), "");
        for ms in [2, 4, 6] {
            t.record(Duration::from_millis(ms), 0.016);
        }
        assert_eq!(t.summary(), "build 4.0 ms (max 6.0) · frame 16.0 ms");
        for _ in 0..WINDOW {
            t.record(Duration::from_millis(1), 0.016);
        }
        assert!(
            t.summary().starts_with("build 1.0 ms (max 1.0)"),
            "old frames drop out"
        );
    }

    #[test]
    fn the_frame_figure_is_the_median_interval() {
        let mut t = FrameTimes::default();
        for interval in [0.25, 0.02, 0.03, 0.04, 0.5] {
            t.record(Duration::from_millis(2), interval);
        }
        assert_eq!(t.summary(), "build 2.0 ms (max 2.0) · frame 40.0 ms");
    }
}
