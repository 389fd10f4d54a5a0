//! The timeline (View › Timeline): sentences of evidence over time, stacked by family, drawn with
//! egui_plot. Dragging across it keeps only the interactions with evidence in that range on the map (a
//! click keeps one bar's day or month); "Whole time" or a double click clears the range.

use egui::{Color32, Ui};
use egui_plot::{Bar, BarChart, GridMark, Plot, Span};

use crate::corpus::{Corpus, Family};
use crate::graph::timeline::{Bin, Timeline, civil, timeline};

use super::map_style::{family_color, family_label};

/// What the user did to the date range this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeChange {
    None,
    Set(i64, i64),
    Clear,
}

#[derive(Default)]
pub struct TimelinePanel {
    pub open: bool,
    /// Where a drag across the chart began (day number).
    drag_from: Option<f64>,
    /// Where the chart was drawn last (for tests and keyboard-free checks).
    pub chart_rect: Option<egui::Rect>,
    /// The timeline of (map generation, unasserted shown), built once per change of either.
    cache: Option<(u64, bool, Timeline)>,
}

/// A day number as text: "2014-07-18", or "2014-07" for a month.
pub fn date_label(day: i64, bin: Bin) -> String {
    let (y, m, d) = civil(day);
    match bin {
        Bin::Day => format!("{y:04}-{m:02}-{d:02}"),
        Bin::Month => format!("{y:04}-{m:02}"),
    }
}

impl TimelinePanel {
    fn timeline(&mut self, corpus: &Corpus, generation: u64, unasserted: bool) -> &Timeline {
        if !matches!(&self.cache, Some((g, u, _)) if *g == generation && *u == unasserted) {
            self.cache = Some((generation, unasserted, timeline(corpus, unasserted)));
        }
        &self.cache.as_ref().expect("just filled").2
    }

    /// Draws the panel's contents; `range` is the map's date filter.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        corpus: &Corpus,
        generation: u64,
        unasserted: bool,
        range: Option<(i64, i64)>,
    ) -> RangeChange {
        let mut change = RangeChange::None;
        let t = self.timeline(corpus, generation, unasserted).clone();
        ui.horizontal(|ui| {
            ui.strong("Timeline");
            let total: usize = t.counts.values().map(|c| c.iter().sum::<usize>()).sum();
            ui.weak(format!(
                "{total} dated sentence{} of evidence by {}{}",
                if total == 1 { "" } else { "s" },
                if t.bin == Bin::Day { "day" } else { "month" },
                if t.undated > 0 {
                    format!(", {} undated", t.undated)
                } else {
                    String::new()
                },
            ));
            match range {
                Some((start, end)) => {
                    ui.label(format!(
                        "Map shows {} to {}",
                        date_label(start, Bin::Day),
                        date_label(end - 1, Bin::Day)
                    ));
                    if ui
                        .button("Whole time")
                        .on_hover_text("Show interactions of every date again")
                        .clicked()
                    {
                        change = RangeChange::Clear;
                    }
                }
                None => {
                    ui.weak("Drag across the chart to show only that time on the map.");
                }
            }
        });
        self.chart_rect = None;
        if t.counts.is_empty() {
            ui.weak("No interaction on the map has a date: neither its sentence nor its article gives one.");
            return change;
        }
        let bin = t.bin;
        let width = if bin == Bin::Day { 0.85 } else { 26.0 };
        let mut charts: Vec<BarChart> = Vec::new();
        for (slot, family) in Family::ALL.iter().enumerate() {
            let bars: Vec<Bar> = t
                .counts
                .iter()
                .map(|(&start, c)| {
                    let middle = start as f64 + (bin.end(start) - start) as f64 / 2.0;
                    Bar::new(middle, c[slot] as f64)
                        .width(width)
                        .name(date_label(start, bin))
                        .fill(family_color(*family))
                        .stroke(egui::Stroke::new(1.0, family_color(*family)))
                })
                .collect();
            let refs: Vec<&BarChart> = charts.iter().collect();
            let chart = BarChart::new(family_label(*family), bars)
                .color(family_color(*family))
                .stack_on(&refs);
            charts.push(chart);
        }
        let response = Plot::new("actormap-timeline")
            .height(ui.available_height().clamp(90.0, 400.0))
            .allow_drag(false)
            .allow_zoom(false)
            .allow_scroll(false)
            .allow_boxed_zoom(false)
            .allow_double_click_reset(false)
            .show_y(false)
            .include_y(0.0)
            .x_axis_formatter(move |mark: GridMark, _| date_label(mark.value.round() as i64, bin))
            .legend(egui_plot::Legend::default())
            .show(ui, |plot| {
                for chart in charts {
                    plot.bar_chart(chart);
                }
                if let Some((start, end)) = range {
                    plot.span(
                        Span::new("shown on the map", start as f64..=end as f64)
                            .fill(Color32::from_rgba_unmultiplied(0x36, 0x7c, 0xd6, 40))
                            .border_color(Color32::from_rgb(0x36, 0x7c, 0xd6)),
                    );
                }
                if let (Some(from), Some(to)) = (self.drag_from, plot.pointer_coordinate()) {
                    plot.span(
                        Span::new("selecting", from.min(to.x)..=from.max(to.x))
                            .fill(Color32::from_rgba_unmultiplied(0x36, 0x7c, 0xd6, 25)),
                    );
                }
                plot.pointer_coordinate().map(|p| p.x)
            });
        let pointer = response.inner;
        let r = &response.response;
        self.chart_rect = Some(r.rect);
        if r.double_clicked() {
            self.drag_from = None;
            return RangeChange::Clear;
        }
        if r.drag_started() {
            self.drag_from = pointer;
        }
        let picked = |a: f64, b: f64| {
            let (lo, hi) = (a.min(b).floor() as i64, a.max(b).floor() as i64);
            RangeChange::Set(bin.start(lo), bin.end(bin.start(hi)))
        };
        if r.drag_stopped() {
            if let (Some(from), Some(to)) = (self.drag_from.take(), pointer) {
                change = picked(from, to);
            }
        } else if r.clicked()
            && let Some(x) = pointer
        {
            change = picked(x, x);
        }
        change
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::timeline::day_number;

    #[test]
    fn dates_are_written_to_the_bin() {
        let d = day_number("2014-07-18").unwrap();
        assert_eq!(date_label(d, Bin::Day), "2014-07-18");
        assert_eq!(date_label(d, Bin::Month), "2014-07");
    }
}
