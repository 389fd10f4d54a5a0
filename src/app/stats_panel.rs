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

/// One row of a ranked bar chart: its label, value and colour.
struct Row {
    label: String,
    value: f64,
    colour: Color32,
}

/// What a ranked chart did: the row clicked, if any, and where the first bar's middle is on screen.
struct Ranked {
    clicked: Option<usize>,
    first_bar: egui::Pos2,
}

/// A horizontal bar chart of `rows`, the first on top, each labelled on the left; it cannot be dragged or
/// zoomed, so a click is a choice of row.
fn ranked_chart(ui: &mut Ui, id: &str, rows: &[Row]) -> Ranked {
    let count = rows.len();
    let bars: Vec<Bar> = rows
        .iter()
        .enumerate()
        .map(|(rank, r)| {
            Bar::new((count - 1 - rank) as f64, r.value)
                .name(&r.label)
                .fill(r.colour)
                .stroke(egui::Stroke::new(1.0, r.colour))
                .width(0.7)
        })
        .collect();
    let labels: Vec<String> = rows.iter().map(|r| r.label.clone()).collect();
    let response = Plot::new(id)
        .height(22.0 * count as f32 + 30.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_x(false)
        .include_x(0.0)
        .y_axis_min_width(120.0)
        .y_grid_spacer(move |_| {
            (0..count)
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
            plot.bar_chart(BarChart::new(id, bars).horizontal());
            plot.pointer_coordinate().map(|p| p.y)
        });
    let first = egui_plot::PlotPoint::new(
        rows.first().map_or(0.0, |r| r.value / 2.0),
        (count.max(1) - 1) as f64,
    );
    let clicked = response
        .inner
        .filter(|_| response.response.clicked())
        .and_then(|y| {
            let rank = count as f64 - 1.0 - y.round();
            (rank >= 0.0 && (rank as usize) < count).then_some(rank as usize)
        });
    Ranked {
        clicked,
        first_bar: response.transform.position_from_point(&first),
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
    let rows: Vec<Row> = top
        .iter()
        .map(|&(i, d)| Row {
            label: graph.nodes[i].label.clone(),
            value: d as f64,
            colour: corpus
                .actors
                .get(graph.nodes[i].actor)
                .map_or(Color32::GRAY, |a| actor_color(a.kind)),
        })
        .collect();
    let chart = ranked_chart(ui, "actormap-stats-actors", &rows);
    let action = chart
        .clicked
        .map(|rank| StatsAction::SelectActor(graph.nodes[top[rank].0].id.clone()));
    (action, Some(chart.first_bar))
}

fn chart_kinds(ui: &mut Ui, graph: &MapGraph, filter: &MapFilter) -> Option<StatsAction> {
    let kinds = per_kind(graph);
    ui.strong("Interactions by kind");
    if kinds.is_empty() {
        ui.weak("No interactions on the map.");
        return None;
    }
    ui.weak("Click a bar to show only that kind on the map; click it again to show every kind.");
    let rows: Vec<Row> = kinds
        .iter()
        .map(|&(k, n)| Row {
            label: k.as_str().to_string(),
            value: n as f64,
            colour: family_color(k.family()),
        })
        .collect();
    let rank = ranked_chart(ui, "actormap-stats-kinds", &rows).clicked?;
    Some(StatsAction::SetFilter(only_kind(filter, kinds[rank].0)))
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
    let rows: Vec<Row> = top
        .iter()
        .map(|(s, ids)| Row {
            label: s.clone(),
            value: ids.len() as f64,
            colour: Color32::from_rgb(0x5b, 0x6b, 0x8c),
        })
        .collect();
    if let Some(rank) = ranked_chart(ui, "actormap-stats-sources", &rows).clicked {
        action = Some(StatsAction::SetFilter(only_articles(filter, &top[rank].1)));
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
