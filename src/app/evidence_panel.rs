//! The side panel that answers "why is this on the map?": for the selected actor, who it is and every
//! sentence that mentions it; for the selected interaction, who did what to whom and every sentence that
//! says so, with the actors and the trigger words highlighted; with nothing selected, an overview of the
//! corpus with its articles and a searchable list of actors.
//!
//! The panel only reads the corpus; what the user clicks comes back as a `PanelAction` for the app to carry
//! out (select on the map, open the article view).

use std::collections::BTreeMap;

use egui::text::TextFormat;
use egui::{Color32, CursorIcon, FontId, RichText, ScrollArea, Sense, TextStyle, Ui, vec2};

use crate::corpus::{Actor, Article, Corpus, Interaction, InteractionKind, Modality, Span};
use crate::graph::MapGraph;

use super::highlight::{Mark, layout_job};
use super::map_style::{actor_color, family_color, paint_node, shape_of};
use super::messages::plural;
use super::selection::Selection;

/// At most this many sentences are listed for one actor or interaction, so a very frequent actor does not
/// slow the panel down.
const MAX_SENTENCES: usize = 400;

/// What the user asked for in the panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PanelAction {
    Select(Selection),
    /// Show an article, at a sentence when given.
    OpenArticle {
        article: String,
        sentence: Option<usize>,
    },
    /// Show only an actor's neighbourhood to this depth, or (None) every actor again.
    Focus(Option<(String, usize)>),
    /// A correction to make on the map (`curation_ui`).
    Edit(crate::curation::Edit),
}

/// Articles listed by name in the overview.
const ARTICLES_LISTED: usize = 200;

/// "Iran accused or criticised Pakistan".
pub fn headline(kind: InteractionKind, source: &str, target: &str) -> String {
    format!("{source} {} {target}", kind.describe())
}

/// The panel's own state: the text of the actor search field.
#[derive(Default)]
pub struct EvidencePanel {
    pub actor_search: String,
}

impl EvidencePanel {
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        corpus: &Corpus,
        graph: &MapGraph,
        selection: &Selection,
        focus: Option<&(String, usize)>,
    ) -> Option<PanelAction> {
        let mut action = None;
        ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.add_space(4.0);
                match selection {
                    Selection::Nothing => self.overview(ui, corpus, graph, &mut action),
                    Selection::Actor(id) => match corpus.actor(id) {
                        Some(actor) => {
                            focus_ui(ui, actor, focus, &mut action);
                            if let Some(e) = super::curation_ui::actor_controls(ui, corpus, actor) {
                                action = Some(PanelAction::Edit(e));
                            }
                            actor_ui(ui, corpus, actor, &mut action)
                        }
                        None => self.overview(ui, corpus, graph, &mut action),
                    },
                    Selection::Interaction(id) => {
                        match corpus.interactions.iter().find(|i| &i.id == id) {
                            Some(it) => {
                                grouped_ui(ui, corpus, graph, it, &mut action);
                                interaction_ui(ui, corpus, it, &mut action);
                                if let Some(e) = super::curation_ui::interaction_controls(ui, it) {
                                    action = Some(PanelAction::Edit(e));
                                }
                            }
                            None => self.overview(ui, corpus, graph, &mut action),
                        }
                    }
                }
            });
        action
    }

    fn overview(
        &mut self,
        ui: &mut Ui,
        corpus: &Corpus,
        graph: &MapGraph,
        action: &mut Option<PanelAction>,
    ) {
        ui.heading("Overview");
        let (a, n, i) = (
            corpus.articles.len(),
            corpus.actors.len(),
            corpus.interactions.len(),
        );
        ui.label(format!(
            "{a} article{} · {n} actor{} · {i} interaction{}",
            plural(a),
            plural(n),
            plural(i)
        ));
        if graph.nodes.len() != n || graph.edges.len() != i {
            ui.weak(format!(
                "The map shows {} actors and {} interactions (see View for filters).",
                graph.nodes.len(),
                graph.edges.len()
            ));
        }
        ui.add_space(4.0);
        ui.weak("Click a node or an edge on the map to see the sentences behind it.");
        ui.add_space(8.0);

        ui.strong(format!("Articles ({a})"));
        // A long list is cut: thousands of links would cost every frame more than the whole map.
        for article in corpus.articles.iter().take(ARTICLES_LISTED) {
            let r = ui
                .link(&article.title)
                .on_hover_text(format!("{}\nClick to read it", article.path));
            if r.clicked() {
                *action = Some(PanelAction::OpenArticle {
                    article: article.id.clone(),
                    sentence: None,
                });
            }
        }
        if corpus.articles.len() > ARTICLES_LISTED {
            ui.weak(format!(
                "and {} more",
                corpus.articles.len() - ARTICLES_LISTED
            ));
        }
        if corpus.articles.is_empty() {
            ui.weak(
                "None yet: File › Open…, drop files on the window, or type a path in the top bar.",
            );
        }
        ui.add_space(10.0);

        ui.strong(format!("Actors ({n})"));
        ui.horizontal(|ui| {
            let label = ui.label("Find:");
            ui.add(
                egui::TextEdit::singleline(&mut self.actor_search)
                    .hint_text("name, title or country")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        });
        let needle = self.actor_search.trim().to_lowercase();
        let mut actors: Vec<&Actor> = corpus
            .actors
            .iter()
            .filter(|a| {
                needle.is_empty()
                    || a.name.to_lowercase().contains(&needle)
                    || a.aliases.iter().any(|x| x.to_lowercase().contains(&needle))
                    || a.title
                        .as_deref()
                        .is_some_and(|t| t.to_lowercase().contains(&needle))
                    || a.country
                        .as_deref()
                        .is_some_and(|c| c.to_lowercase().contains(&needle))
            })
            .collect();
        actors.sort_by(|x, y| {
            y.mentions
                .len()
                .cmp(&x.mentions.len())
                .then_with(|| x.name.cmp(&y.name))
        });
        for actor in actors.iter().take(300) {
            ui.horizontal(|ui| {
                kind_icon(ui, actor);
                if ui.link(&actor.name).clicked() {
                    *action = Some(PanelAction::Select(Selection::Actor(actor.id.clone())));
                }
                ui.weak(format!("{}", actor.mentions.len()));
            });
        }
        if actors.len() > 300 {
            ui.weak(format!(
                "and {} more: narrow the search",
                actors.len() - 300
            ));
        }
    }
}

/// The actor's shape and colour, as on the map.
fn kind_icon(ui: &mut Ui, actor: &Actor) {
    let (rect, _) = ui.allocate_exact_size(vec2(14.0, 14.0), Sense::hover());
    paint_node(
        ui.painter(),
        shape_of(actor.kind),
        rect.center(),
        5.5,
        actor_color(actor.kind),
        egui::Stroke::NONE,
    );
}

/// A link to another actor that selects it on the map.
fn actor_link(ui: &mut Ui, corpus: &Corpus, id: &str, action: &mut Option<PanelAction>) {
    let name = corpus.actor(id).map_or(id, |a| a.name.as_str());
    if ui.link(name).on_hover_text("Select on the map").clicked() {
        *action = Some(PanelAction::Select(Selection::Actor(id.to_string())));
    }
}

fn fact(ui: &mut Ui, key: &str, add: impl FnOnce(&mut Ui)) {
    ui.label(RichText::new(key).weak());
    ui.horizontal_wrapped(|ui| add(ui));
    ui.end_row();
}

/// "Neighbourhood: all · 1 · 2 · 3 steps": the map shows every actor, or only this one and those within so
/// many interactions of it.
fn focus_ui(
    ui: &mut Ui,
    actor: &Actor,
    focus: Option<&(String, usize)>,
    action: &mut Option<PanelAction>,
) {
    let current = focus.filter(|(id, _)| *id == actor.id).map(|(_, d)| *d);
    ui.horizontal_wrapped(|ui| {
        ui.label("Map:");
        if ui
            .selectable_label(current.is_none(), "everyone")
            .on_hover_text("Every actor the filters let through")
            .clicked()
            && focus.is_some()
        {
            *action = Some(PanelAction::Focus(None));
        }
        for depth in 1..=3 {
            let text = format!("{depth} step{}", if depth == 1 { "" } else { "s" });
            if ui
                .selectable_label(current == Some(depth), text)
                .on_hover_text(format!(
                    "Only this actor and those within {depth} interaction{} of it",
                    if depth == 1 { "" } else { "s" }
                ))
                .clicked()
            {
                *action = Some(PanelAction::Focus(Some((actor.id.clone(), depth))));
            }
        }
    });
    if let Some((id, depth)) = focus.filter(|(id, _)| *id != actor.id) {
        ui.weak(format!(
            "The map shows the neighbourhood of another actor ({id}, {depth} steps)."
        ));
    }
    ui.add_space(4.0);
}

fn actor_ui(ui: &mut Ui, corpus: &Corpus, actor: &Actor, action: &mut Option<PanelAction>) {
    ui.horizontal(|ui| {
        kind_icon(ui, actor);
        ui.heading(&actor.name);
    });
    egui::Grid::new("actor-facts")
        .num_columns(2)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            fact(ui, "Kind", |ui| {
                ui.label(actor.kind.as_str());
            });
            if let Some(t) = &actor.title {
                fact(ui, "Title", |ui| {
                    ui.label(t);
                });
            }
            if let Some(c) = &actor.country {
                fact(ui, "Country", |ui| {
                    match corpus.actors.iter().find(|a| {
                        a.kind == crate::corpus::ActorKind::Country
                            && a.country.as_deref() == Some(c)
                            && a.id != actor.id
                    }) {
                        Some(country) => actor_link(ui, corpus, &country.id, action),
                        None => {
                            ui.label(c);
                        }
                    }
                });
            }
            if let Some(code) = &actor.code {
                fact(ui, "Code", |ui| {
                    ui.monospace(code);
                });
            }
            if !actor.aliases.is_empty() {
                fact(ui, "Also called", |ui| {
                    ui.label(actor.aliases.join(", "));
                });
            }
            if !actor.affiliations.is_empty() {
                fact(ui, "Belongs to", |ui| {
                    for id in &actor.affiliations {
                        actor_link(ui, corpus, id, action);
                    }
                });
            }
            let members: Vec<&Actor> = corpus
                .actors
                .iter()
                .filter(|a| a.affiliations.contains(&actor.id))
                .collect();
            if !members.is_empty() {
                fact(ui, "Members", |ui| {
                    for m in members {
                        actor_link(ui, corpus, &m.id, action);
                    }
                });
            }
        });

    let interactions: Vec<&Interaction> = corpus
        .interactions
        .iter()
        .filter(|i| i.source == actor.id || i.target == actor.id)
        .collect();
    ui.add_space(8.0);
    ui.strong(format!("Interactions ({})", interactions.len()));
    for it in &interactions {
        ui.horizontal_wrapped(|ui| {
            family_swatch(ui, it);
            let text = headline(
                it.kind,
                name_of(corpus, &it.source),
                name_of(corpus, &it.target),
            );
            let r = ui.link(text).on_hover_text(format!(
                "{} sentence{} · click for the evidence",
                it.evidence.len(),
                plural(it.evidence.len())
            ));
            if r.clicked() {
                *action = Some(PanelAction::Select(Selection::Interaction(it.id.clone())));
            }
            if it.modality != Modality::Asserted {
                ui.weak(format!("({})", it.modality.as_str()));
            }
        });
    }
    if interactions.is_empty() {
        ui.weak("No interactions found for this actor.");
    }

    // Every sentence that mentions the actor, grouped by article, with its mentions highlighted.
    let mut by_article: BTreeMap<usize, BTreeMap<usize, Vec<Span>>> = BTreeMap::new();
    for m in &actor.mentions {
        if let Some(a) = corpus.articles.iter().position(|a| a.id == m.article) {
            by_article
                .entry(a)
                .or_default()
                .entry(m.sentence)
                .or_default()
                .push(m.span());
        }
    }
    let sentences: usize = by_article.values().map(BTreeMap::len).sum();
    ui.add_space(8.0);
    let articles = by_article.len();
    ui.strong(format!(
        "Mentioned in {sentences} sentence{} of {articles} article{}",
        plural(sentences),
        plural(articles)
    ));
    let mut shown = 0;
    for (a, sentences) in &by_article {
        let article = &corpus.articles[*a];
        article_header(ui, article, action);
        for (sentence, spans) in sentences {
            if shown == MAX_SENTENCES {
                break;
            }
            shown += 1;
            let marks: Vec<(Span, Mark)> = spans.iter().map(|s| (*s, Mark::Actor)).collect();
            sentence_ui(ui, article, *sentence, &marks, action);
        }
    }
    if shown == MAX_SENTENCES {
        ui.weak(format!(
            "Only the first {MAX_SENTENCES} sentences are listed."
        ));
    }
}

fn name_of<'a>(corpus: &'a Corpus, id: &'a str) -> &'a str {
    corpus.actor(id).map_or(id, |a| a.name.as_str())
}

fn family_swatch(ui: &mut Ui, it: &Interaction) {
    let (rect, _) = ui.allocate_exact_size(vec2(14.0, 14.0), Sense::hover());
    ui.painter().line_segment(
        [rect.left_center(), rect.right_center()],
        egui::Stroke::new(3.0, family_color(it.kind.family())),
    );
}

/// On a map grouped by country, the other interactions an edge stands for, each a link to its evidence.
fn grouped_ui(
    ui: &mut Ui,
    corpus: &Corpus,
    graph: &MapGraph,
    it: &Interaction,
    action: &mut Option<PanelAction>,
) {
    let Some(edge) = graph.edges.iter().find(|e| {
        e.grouped.len() > 1
            && e.grouped
                .iter()
                .any(|&g| corpus.interactions.get(g).is_some_and(|x| x.id == it.id))
    }) else {
        return;
    };
    ui.label(format!(
        "This edge of the grouped map stands for {} interactions:",
        edge.grouped.len()
    ));
    for &g in &edge.grouped {
        let Some(other) = corpus.interactions.get(g) else {
            continue;
        };
        let text = headline(
            other.kind,
            name_of(corpus, &other.source),
            name_of(corpus, &other.target),
        );
        if other.id == it.id {
            ui.strong(format!("• {text} (below)"));
        } else if ui.link(format!("• {text}")).clicked() {
            *action = Some(PanelAction::Select(Selection::Interaction(
                other.id.clone(),
            )));
        }
    }
    ui.separator();
}

fn interaction_ui(
    ui: &mut Ui,
    corpus: &Corpus,
    it: &Interaction,
    action: &mut Option<PanelAction>,
) {
    let (source, target) = (name_of(corpus, &it.source), name_of(corpus, &it.target));
    ui.label(RichText::new(headline(it.kind, source, target)).heading());
    ui.horizontal_wrapped(|ui| {
        family_swatch(ui, it);
        ui.label(
            RichText::new(it.kind.family().as_str())
                .color(family_color(it.kind.family()))
                .strong(),
        );
        ui.weak(format!("· {} ({})", it.kind.as_str(), it.kind.plover()));
    });
    egui::Grid::new("interaction-facts")
        .num_columns(2)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            fact(ui, "Who", |ui| {
                if it.directed {
                    actor_link(ui, corpus, &it.source, action);
                    ui.label(it.kind.describe());
                    actor_link(ui, corpus, &it.target, action);
                } else {
                    ui.label("between");
                    actor_link(ui, corpus, &it.source, action);
                    ui.label("and");
                    actor_link(ui, corpus, &it.target, action);
                }
            });
            if !it.cameo.is_empty() {
                fact(ui, "CAMEO", |ui| {
                    ui.monospace(&it.cameo);
                });
            }
            if it.modality != Modality::Asserted {
                fact(ui, "Modality", |ui| {
                    let words = match it.modality {
                        Modality::Negated => "negated: the text says it did not happen",
                        Modality::Intended => "intended: planned or promised, not reported as done",
                        Modality::Hypothetical => "hypothetical: only supposed or conditional",
                        Modality::Asserted => "asserted",
                    };
                    ui.label(words);
                });
            }
            if !it.rule.is_empty() {
                fact(ui, "Rule", |ui| {
                    ui.monospace(&it.rule);
                });
            }
        });
    super::pair_chart::pair_chart(ui, corpus, &it.source, &it.target);

    ui.add_space(8.0);
    ui.strong(format!(
        "Evidence ({} sentence{})",
        it.evidence.len(),
        plural(it.evidence.len())
    ));
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for mark in Mark::EVIDENCE {
            let name = match mark {
                Mark::Source => format!("source: {source}"),
                Mark::Target => format!("target: {target}"),
                _ => mark.name().to_string(),
            };
            ui.label(
                RichText::new(format!(" {name} "))
                    .background_color(mark.background())
                    .color(Color32::from_rgb(0x1a, 0x1a, 0x1a)),
            );
        }
    });
    let mut current_article = None;
    for (shown, e) in it.evidence.iter().enumerate() {
        if shown == MAX_SENTENCES {
            ui.weak(format!(
                "Only the first {MAX_SENTENCES} sentences are listed."
            ));
            break;
        }
        let Some(article) = corpus.article(&e.article) else {
            continue;
        };
        if current_article != Some(&e.article) {
            article_header(ui, article, action);
            current_article = Some(&e.article);
        }
        let mut marks = Vec::new();
        marks.extend(e.trigger.map(|s| (s, Mark::Trigger)));
        marks.extend(e.source_span.map(|s| (s, Mark::Source)));
        marks.extend(e.target_span.map(|s| (s, Mark::Target)));
        let sentence = article.sentence_at(e.start).unwrap_or(e.sentence);
        let shown_span = Span::new(e.start, e.end);
        evidence_sentence_ui(ui, article, shown_span, sentence, &marks, action);
        // Who said it and when, at the size of the text and with its keys set apart, so it reads at a
        // glance; the rule only when it differs from the interaction's.
        let mut notes: Vec<(&str, &str)> = Vec::new();
        if let Some(r) = &e.reported_by {
            notes.push(("Reported by", r));
        }
        if let Some(w) = &e.when {
            notes.push(("When", w));
        }
        if !e.rule.is_empty() && e.rule != it.rule {
            notes.push(("Rule", &e.rule));
        }
        if !notes.is_empty() {
            ui.horizontal_wrapped(|ui| {
                for (i, (key, value)) in notes.iter().enumerate() {
                    if i > 0 {
                        ui.weak("·");
                    }
                    ui.weak(*key);
                    ui.label(*value);
                }
            });
        }
    }
}

fn article_header(ui: &mut Ui, article: &Article, action: &mut Option<PanelAction>) {
    ui.add_space(6.0);
    let r = ui
        .add(
            egui::Label::new(
                RichText::new(&article.title)
                    .strong()
                    .color(ui.visuals().hyperlink_color),
            )
            .sense(Sense::click()),
        )
        .on_hover_cursor(CursorIcon::PointingHand)
        .on_hover_text(format!("{}\nClick to read the article", article.path));
    if r.clicked() {
        *action = Some(PanelAction::OpenArticle {
            article: article.id.clone(),
            sentence: None,
        });
    }
}

fn sentence_ui(
    ui: &mut Ui,
    article: &Article,
    sentence: usize,
    marks: &[(Span, Mark)],
    action: &mut Option<PanelAction>,
) {
    let Some(span) = article.sentences.get(sentence).copied() else {
        return;
    };
    evidence_sentence_ui(ui, article, span, sentence, marks, action);
}

fn evidence_sentence_ui(
    ui: &mut Ui,
    article: &Article,
    span: Span,
    sentence: usize,
    marks: &[(Span, Mark)],
    action: &mut Option<PanelAction>,
) {
    let base = TextFormat::simple(
        TextStyle::Body.resolve(ui.style()),
        ui.visuals().text_color(),
    );
    let base = TextFormat {
        font_id: FontId::proportional(base.font_id.size),
        ..base
    };
    let job = layout_job(&article.text, span, marks, &base);
    let frame = egui::Frame::new()
        .inner_margin(egui::Margin::symmetric(6, 4))
        .fill(ui.visuals().faint_bg_color)
        .corner_radius(4);
    let r = frame
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(egui::Label::new(job).sense(Sense::click()))
        })
        .inner
        .on_hover_cursor(CursorIcon::PointingHand)
        .on_hover_text("Read it in the article");
    if r.clicked() {
        *action = Some(PanelAction::OpenArticle {
            article: article.id.clone(),
            sentence: Some(sentence),
        });
    }
}
