//! The statistics window (View › Statistics), drawn with egui_plot: the most connected actors on the map
//! (clicking a bar selects the actor) and the interactions on the map by kind (clicking a bar shows only
//! that kind; clicking it again shows every kind).

use egui::{Color32, Ui};
use egui_plot::{Bar, BarChart, GridMark, Plot};

use crate::corpus::{Corpus, InteractionKind};
use crate::graph::{MapFilter, MapGraph};

use super::map_style::{actor_color, family_color};

/// Actors charted by connections.
const TOP_ACTORS: usize = 12;

/// What a click on a chart asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum StatsAction {
    SelectActor(String),
    SetFilter(MapFilter),
}

/// The actors with the most interactions on the map, most first: (node index, interactions).
pub fn most_connected(graph: &MapGraph, n: usize) -> Vec<(usize, usize)> {
    let mut ranked: Vec<(usize, usize)> = graph
        .degrees()
        .into_iter()
        .enumerate()
        .filter(|(_, d)| *d > 0)
        .collect();
    ranked.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| graph.nodes[a.0].label.cmp(&graph.nodes[b.0].label))
    });
    ranked.truncate(n);
    ranked
}

/// Interactions on the map per kind, in the order of `InteractionKind::ALL`, kinds with none left out.
pub fn per_kind(graph: &MapGraph) -> Vec<(InteractionKind, usize)> {
    InteractionKind::ALL
        .iter()
        .map(|&k| (k, graph.edges.iter().filter(|e| e.kind == k).count()))
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// An article's source: the folder it was opened from ("sample_data"), or "(no folder)".
pub fn source_of(path: &str) -> String {
    let parts: Vec<&str> = path.split(['/', '\\']).filter(|p| !p.is_empty()).collect();
    match parts.len() {
        0 | 1 => "(no folder)".to_string(),
        n => parts[n - 2].to_string(),
    }
}

/// Articles per source, most first: (source, article ids).
pub fn articles_per_source(corpus: &Corpus) -> Vec<(String, Vec<String>)> {
    let mut by: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for a in &corpus.articles {
        by.entry(source_of(&a.path)).or_default().push(a.id.clone());
    }
    let mut list: Vec<(String, Vec<String>)> = by.into_iter().collect();
    list.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    list
}

/// The filter after a click on a source's bar: only its articles, or every article when only they were
/// shown.
pub fn only_articles(filter: &MapFilter, ids: &[String]) -> MapFilter {
    let wanted: std::collections::BTreeSet<String> = ids.iter().cloned().collect();
    let mut next = filter.clone();
    next.articles = if filter.articles.as_ref() == Some(&wanted) {
        None
    } else {
        Some(wanted)
    };
    next
}

/// The filter after a click on `kind`'s bar: only that kind, or every kind again when only it was shown.
pub fn only_kind(filter: &MapFilter, kind: InteractionKind) -> MapFilter {
    let mut next = filter.clone();
    let others: Vec<InteractionKind> = InteractionKind::ALL
        .iter()
        .copied()
        .filter(|k| *k != kind)
        .collect();
    let only_this = others.iter().all(|k| filter.hidden_kinds.contains(k))
        && !filter.hidden_kinds.contains(&kind);
    next.hidden_kinds = if only_this { Vec::new() } else { others };
    next
}

#[derive(Default)]
pub struct StatsPanel {
    pub open: bool,
    /// Where the middle of the most connected actor's bar was drawn (for tests).
    pub first_bar: Option<egui::Pos2>,
}

impl StatsPanel {
    /// Draws the window when open.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        corpus: &Corpus,
        graph: &MapGraph,
        filter: &MapFilter,
    ) -> Option<StatsAction> {
        let mut action = None;
        let mut open = self.open;
        egui::Window::new("Statistics")
            .open(&mut open)
            .default_width(420.0)
            .default_height(520.0)
            .default_pos([40.0, 120.0])
            .resizable(true)
            .show(ctx, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    let (a, first_bar) = chart_actors(ui, corpus, graph);
                    self.first_bar = first_bar;
                    action = a.or(action.take());
                    ui.add_space(8.0);
                    action = chart_kinds(ui, graph, filter).or(action.take());
                    ui.add_space(8.0);
                    action = chart_sources(ui, corpus, filter).or(action.take());
                });
            });
        self.open = open;
        action
    }
}

/// The chart of the most connected actors, and where its first bar's middle is on screen.
fn chart_actors(
    ui: &mut Ui,
    corpus: &Corpus,
    graph: &MapGraph,
) -> (Option<StatsAction>, Option<egui::Pos2>) {
    let top = most_connected(graph, TOP_ACTORS);
    ui.strong("Most connected actors");
    if top.is_empty() {
        ui.weak("No interactions on the map.");
        return (None, None);
    }
    ui.weak("Interactions on the map; click a bar to select the actor.");
    let names: Vec<String> = top
        .iter()
        .map(|(i, _)| graph.nodes[*i].label.clone())
        .collect();
    let count = top.len();
    // Most connected on top: rank 0 at the highest y.
    let bars: Vec<Bar> = top
        .iter()
        .enumerate()
        .map(|(rank, (i, d))| {
            let kind = corpus.actors.get(graph.nodes[*i].actor).map(|a| a.kind);
            let colour = kind.map_or(Color32::GRAY, actor_color);
            Bar::new((count - 1 - rank) as f64, *d as f64)
                .name(&names[rank])
                .fill(colour)
                .stroke(egui::Stroke::new(1.0, colour))
                .width(0.7)
        })
        .collect();
    let labels = names.clone();
    let response = Plot::new("actormap-stats-actors")
        .height(22.0 * count as f32 + 30.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_x(false)
        .include_x(0.0)
        .y_axis_min_width(120.0)
        .y_grid_spacer(|_| {
            (0..64)
                .map(|v| GridMark {
                    value: v as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .y_axis_formatter(move |mark: GridMark, _| {
            let rank = count as f64 - 1.0 - mark.value;
            if rank.fract() != 0.0 || rank < 0.0 {
                return String::new();
            }
            labels.get(rank as usize).cloned().unwrap_or_default()
        })
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new("interactions", bars).horizontal());
            plot.pointer_coordinate().map(|p| p.y)
        });
    let first = egui_plot::PlotPoint::new(top[0].1 as f64 / 2.0, (count - 1) as f64);
    let first_bar = Some(response.transform.position_from_point(&first));
    let clicked = response
        .inner
        .filter(|_| response.response.clicked())
        .and_then(|y| {
            let rank = count as f64 - 1.0 - y.round();
            let (i, _) = top.get(rank as usize).filter(|_| rank >= 0.0)?;
            Some(StatsAction::SelectActor(graph.nodes[*i].id.clone()))
        });
    (clicked, first_bar)
}

fn chart_kinds(ui: &mut Ui, graph: &MapGraph, filter: &MapFilter) -> Option<StatsAction> {
    let kinds = per_kind(graph);
    ui.strong("Interactions by kind");
    if kinds.is_empty() {
        ui.weak("No interactions on the map.");
        return None;
    }
    ui.weak("Click a bar to show only that kind on the map; click it again to show every kind.");
    let names: Vec<&'static str> = kinds.iter().map(|(k, _)| k.as_str()).collect();
    let count = kinds.len();
    // In the order of the kinds' list, first on top.
    let bars: Vec<Bar> = kinds
        .iter()
        .enumerate()
        .map(|(rank, (k, n))| {
            let colour = family_color(k.family());
            Bar::new((count - 1 - rank) as f64, *n as f64)
                .name(k.as_str())
                .fill(colour)
                .stroke(egui::Stroke::new(1.0, colour))
                .width(0.7)
        })
        .collect();
    let labels = names.clone();
    let response = Plot::new("actormap-stats-kinds")
        .height(22.0 * count as f32 + 30.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_x(false)
        .include_x(0.0)
        .y_axis_min_width(120.0)
        .y_grid_spacer(|_| {
            (0..32)
                .map(|v| GridMark {
                    value: v as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .y_axis_formatter(move |mark: GridMark, _| {
            let rank = count as f64 - 1.0 - mark.value;
            if rank.fract() != 0.0 || rank < 0.0 {
                return String::new();
            }
            labels
                .get(rank as usize)
                .map(|s| s.to_string())
                .unwrap_or_default()
        })
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new("interactions", bars).horizontal());
            plot.pointer_coordinate().map(|p| p.y)
        });
    let y = response.inner?;
    let rank = count as f64 - 1.0 - y.round();
    if !response.response.clicked() || rank < 0.0 {
        return None;
    }
    let (kind, _) = kinds.get(rank as usize)?;
    Some(StatsAction::SetFilter(only_kind(filter, *kind)))
}

/// Articles per source folder; a click shows only that folder's articles on the map.
fn chart_sources(ui: &mut Ui, corpus: &Corpus, filter: &MapFilter) -> Option<StatsAction> {
    let sources = articles_per_source(corpus);
    ui.strong("Articles per source folder");
    if sources.is_empty() {
        ui.weak("No articles open.");
        return None;
    }
    ui.horizontal_wrapped(|ui| {
        ui.weak("Click a bar to show only that folder's articles on the map.");
    });
    let mut action = None;
    if let Some(shown) = &filter.articles {
        ui.horizontal(|ui| {
            ui.label(format!(
                "The map shows {} of {} articles.",
                shown.len(),
                corpus.articles.len()
            ));
            if ui.button("Show all articles").clicked() {
                let mut next = filter.clone();
                next.articles = None;
                action = Some(StatsAction::SetFilter(next));
            }
        });
    }
    let top: Vec<&(String, Vec<String>)> = sources.iter().take(TOP_ACTORS).collect();
    let count = top.len();
    let labels: Vec<String> = top.iter().map(|(s, _)| s.clone()).collect();
    let bars: Vec<Bar> = top
        .iter()
        .enumerate()
        .map(|(rank, (s, ids))| {
            let colour = Color32::from_rgb(0x5b, 0x6b, 0x8c);
            Bar::new((count - 1 - rank) as f64, ids.len() as f64)
                .name(s)
                .fill(colour)
                .stroke(egui::Stroke::new(1.0, colour))
                .width(0.7)
        })
        .collect();
    let response = Plot::new("actormap-stats-sources")
        .height(22.0 * count as f32 + 30.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_x(false)
        .include_x(0.0)
        .y_axis_min_width(120.0)
        .y_grid_spacer(|_| {
            (0..64)
                .map(|v| GridMark {
                    value: v as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .y_axis_formatter(move |mark: GridMark, _| {
            let rank = count as f64 - 1.0 - mark.value;
            if rank.fract() != 0.0 || rank < 0.0 {
                return String::new();
            }
            labels.get(rank as usize).cloned().unwrap_or_default()
        })
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new("articles", bars).horizontal());
            plot.pointer_coordinate().map(|p| p.y)
        });
    if let Some(y) = response.inner.filter(|_| response.response.clicked()) {
        let rank = count as f64 - 1.0 - y.round();
        if let Some((_, ids)) = top.get(rank as usize).filter(|_| rank >= 0.0) {
            action = Some(StatsAction::SetFilter(only_articles(filter, ids)));
        }
    }
    action
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kind_bar_shows_only_its_kind_and_a_second_click_shows_all() {
        let once = only_kind(&MapFilter::default(), InteractionKind::Accuse);
        assert_eq!(once.hidden_kinds.len(), InteractionKind::ALL.len() - 1);
        assert!(!once.hidden_kinds.contains(&InteractionKind::Accuse));
        assert!(
            only_kind(&once, InteractionKind::Accuse)
                .hidden_kinds
                .is_empty()
        );
        let other = only_kind(&once, InteractionKind::Consult);
        assert!(
            !other.hidden_kinds.contains(&InteractionKind::Consult)
                && other.hidden_kinds.contains(&InteractionKind::Accuse)
        );
    }

    #[test]
    fn sources_are_folders_and_a_second_click_shows_every_article() {
        assert_eq!(source_of("news/reuters/a.txt"), "reuters");
        assert_eq!(source_of("C:\\feeds\\bbc\\b.txt"), "bbc");
        assert_eq!(source_of("a.txt"), "(no folder)");
        let ids = vec!["a1".to_string(), "a2".to_string()];
        let once = only_articles(&MapFilter::default(), &ids);
        assert_eq!(once.articles.as_ref().map(|a| a.len()), Some(2));
        assert_eq!(only_articles(&once, &ids).articles, None);
    }
}
