//! The pair chart in the side panel of a selected interaction: how the two actors' relations went over
//! time, cooperation above the line and conflict below it, by day or month (egui_plot).

use egui::Ui;
use egui_plot::{Bar, BarChart, GridMark, Plot};

use crate::corpus::{Corpus, Family};
use crate::graph::timeline::pair_timeline;

use super::map_style::family_color;
use super::timeline_panel::date_label;

/// Draws the chart of the pair `a`–`b` when their interactions have dated evidence.
pub fn pair_chart(ui: &mut Ui, corpus: &Corpus, a: &str, b: &str) {
    let t = pair_timeline(corpus, a, b);
    if t.counts.is_empty() {
        return;
    }
    let bin = t.bin;
    let width = if bin == crate::graph::timeline::Bin::Day {
        0.85
    } else {
        26.0
    };
    let bars = |slot: usize, sign: f64| -> Vec<Bar> {
        t.counts
            .iter()
            .filter(|(_, c)| c[slot] > 0)
            .map(|(&start, c)| {
                let middle = start as f64 + (bin.end(start) - start) as f64 / 2.0;
                let colour = family_color(Family::ALL[slot]);
                Bar::new(middle, sign * c[slot] as f64)
                    .width(width)
                    .name(date_label(start, bin))
                    .fill(colour)
                    .stroke(egui::Stroke::new(1.0, colour))
            })
            .collect()
    };
    ui.add_space(6.0);
    ui.strong("Between these two over time");
    ui.weak("Sentences of cooperation above the line, of conflict below it.");
    // A few periods of room on either side, so a lone bar is a bar and not the whole chart.
    let pad = if bin == crate::graph::timeline::Bin::Day {
        4.0
    } else {
        75.0
    };
    let first = *t.counts.keys().next().expect("not empty") as f64 - pad;
    let last = bin.end(*t.counts.keys().next_back().expect("not empty")) as f64 + pad;
    let cooperation = BarChart::new("cooperation", bars(0, 1.0));
    let conflict = BarChart::new("conflict", bars(1, -1.0));
    Plot::new("actormap-pair-chart")
        .height(120.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(1.0)
        .include_y(-1.0)
        .include_x(first)
        .include_x(last)
        .x_axis_formatter(move |mark: GridMark, _| date_label(mark.value.round() as i64, bin))
        .show(ui, |plot| {
            plot.bar_chart(cooperation);
            plot.bar_chart(conflict);
        });
}
