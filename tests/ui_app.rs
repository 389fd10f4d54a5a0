//! The app driven as a user would, through egui_kittest: clicking nodes and edges, reading the evidence
//! panel, opening bad files, exporting the map. No window is opened; the wgpu renderer (software) draws
//! the frames the export and snapshot tests look at.
//!
//! Most tests run on a hand-made corpus of the reference article (`fixture()`), so they test the app and
//! not the extractor. The tests named `sample_…` use the bundled sample corpus through the real extractor.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use actormap::app::{ActormapApp, Launch, Selection};
use actormap::corpus::{
    Actor, ActorKind, Corpus, Evidence, Interaction, InteractionKind, Mention, MentionVia,
    Modality, Span,
};
use actormap::extract::Extractor;
use egui::{Event, Modifiers, PointerButton, Pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const REFERENCE_PATH: &str = "sample_data/01_iran_pakistan_talks.txt";
const REFERENCE: &str = include_str!("../sample_data/01_iran_pakistan_talks.txt");

// ---- A hand-made corpus of the reference article -------------------------------------------------------

fn every(text: &str, needle: &str) -> Vec<Span> {
    text.match_indices(needle)
        .map(|(i, m)| Span::new(i, i + m.len()))
        .collect()
}

/// The reference article with its sentences as the library splits them, and actors and interactions
/// placed by hand, with exact byte spans.
fn fixture() -> Corpus {
    let mut corpus = Extractor::bundled().extract(REFERENCE_PATH, REFERENCE);
    corpus.actors.clear();
    corpus.interactions.clear();
    let article = corpus.articles[0].clone();
    let mention = |s: Span| Mention {
        article: article.id.as_str().into(),
        sentence: article
            .sentence_at(s.start)
            .expect("every mention lies in a sentence"),
        start: s.start,
        end: s.end,
        via: MentionVia::Name,
    };
    let actor = |id: &str,
                 kind: ActorKind,
                 name: &str,
                 names: &[&str],
                 country: &str,
                 title: Option<&str>,
                 affiliations: &[&str]| {
        let mut spans: Vec<Span> = names.iter().flat_map(|n| every(REFERENCE, n)).collect();
        spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
        spans.dedup_by(|b, a| a.overlaps(*b));
        Actor {
            id: id.into(),
            kind,
            name: name.into(),
            aliases: names
                .iter()
                .filter(|n| **n != name)
                .map(|n| n.to_string())
                .collect(),
            country: Some(country.into()),
            title: title.map(Into::into),
            code: Some(format!(
                "{country}{}",
                if kind == ActorKind::Country {
                    ""
                } else {
                    "GOV"
                }
            )),
            affiliations: affiliations.iter().map(|a| a.to_string()).collect(),
            mentions: spans.into_iter().map(mention).collect(),
        }
    };
    corpus.actors = vec![
        actor(
            "IRN",
            ActorKind::Country,
            "Iran",
            &["Iran", "Iranian"],
            "IRN",
            None,
            &[],
        ),
        actor(
            "PAK",
            ActorKind::Country,
            "Pakistan",
            &["Pakistan"],
            "PAK",
            None,
            &[],
        ),
        actor(
            "IND",
            ActorKind::Country,
            "India",
            &["India"],
            "IND",
            None,
            &[],
        ),
        actor(
            "araghchi",
            ActorKind::Official,
            "Syed Abbas Araghchi",
            &["Syed Abbas Araghchi", "Araghchi"],
            "IRN",
            Some("Foreign Minister"),
            &["IRN"],
        ),
        actor(
            "munir",
            ActorKind::Official,
            "Syed Asim Munir",
            &["Syed Asim Munir"],
            "PAK",
            Some("Army Chief"),
            &["PAK"],
        ),
        actor(
            "dar",
            ActorKind::Official,
            "Ishaq Dar",
            &["Ishaq Dar"],
            "PAK",
            Some("Deputy Prime Minister"),
            &["PAK"],
        ),
        actor(
            "ispr",
            ActorKind::Institution,
            "Inter-Services Public Relations",
            &["Inter-Services Public Relations", "ISPR"],
            "PAK",
            None,
            &["PAK"],
        ),
    ];
    let evidence = |trigger: &str, source: &str, target: &str| {
        let t = every(REFERENCE, trigger)[0];
        let sentence = article.sentence_at(t.start).unwrap();
        let span = article.sentences[sentence];
        let within = |words: &str| {
            every(REFERENCE, words)
                .into_iter()
                .find(|s| span.contains(*s))
        };
        Evidence {
            article: article.id.as_str().into(),
            sentence,
            start: span.start,
            end: span.end,
            trigger: Some(t),
            source_span: within(source),
            target_span: within(target),
            rule: format!("fixture: {trigger}"),
            reported_by: None,
            when: Some("this week".into()),
        }
    };
    let interaction = |kind: InteractionKind,
                       cameo: &str,
                       source: &str,
                       target: &str,
                       directed: bool,
                       evidence: Evidence| {
        Interaction {
            id: format!("{}:{source}>{target}", kind.as_str()),
            kind,
            cameo: cameo.into(),
            source: source.into(),
            target: target.into(),
            directed,
            modality: Modality::Asserted,
            rule: evidence.rule.clone(),
            evidence: vec![evidence],
        }
    };
    corpus.interactions = vec![
        interaction(
            InteractionKind::Consult,
            "040",
            "araghchi",
            "munir",
            false,
            evidence("met with", "Syed Abbas Araghchi", "Syed Asim Munir"),
        ),
        interaction(
            InteractionKind::Visit,
            "042",
            "araghchi",
            "PAK",
            true,
            evidence("visit to", "Araghchi", "Pakistan"),
        ),
        interaction(
            InteractionKind::Accuse,
            "112",
            "IRN",
            "PAK",
            true,
            evidence("accused each other", "Both nations", "Both nations"),
        ),
        interaction(
            InteractionKind::Mediate,
            "043",
            "IRN",
            "IND",
            true,
            evidence("offering to mediate", "Iran", "India"),
        ),
        interaction(
            InteractionKind::Consult,
            "040",
            "araghchi",
            "dar",
            false,
            evidence("held separate talks", "Araghchi", "Ishaq Dar"),
        ),
    ];
    corpus
}

// ---- Driving the app --------------------------------------------------------------------------------

fn harness(app: ActormapApp) -> Harness<'static, ActormapApp> {
    Harness::builder()
        .with_size(vec2(1280.0, 800.0))
        .with_pixels_per_point(1.0)
        .build_ui_state(|ui, app: &mut ActormapApp| app.show(ui), app)
}

fn rendering_harness(app: ActormapApp, pixels_per_point: f32) -> Harness<'static, ActormapApp> {
    Harness::builder()
        .with_size(vec2(1280.0, 800.0))
        .with_pixels_per_point(pixels_per_point)
        .wgpu()
        .build_ui_state(|ui, app: &mut ActormapApp| app.show(ui), app)
}

/// Steps frames until the app has finished its background work (opening files, exporting).
fn wait_until_idle(h: &mut Harness<'_, ActormapApp>) {
    let deadline = Instant::now() + Duration::from_secs(20);
    h.step();
    while h.state().is_busy() {
        assert!(Instant::now() < deadline, "the app stayed busy for 20 s");
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    h.run_steps(2);
}

fn click_at(h: &mut Harness<'_, ActormapApp>, pos: Pos2) {
    h.hover_at(pos);
    for pressed in [true, false] {
        h.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run_steps(2);
}

/// Clicks the map node labelled `name` (not a link of the same name in the side panel).
fn click_node(h: &mut Harness<'_, ActormapApp>, name: &str) {
    let map = h.state().map_rect();
    let node = h
        .query_all_by_label(name)
        .find(|n| map.contains(n.rect().center()))
        .unwrap_or_else(|| panic!("no map node labelled {name:?}"));
    node.click();
    h.run_steps(2);
}

fn open_typed_path(h: &mut Harness<'_, ActormapApp>, path: &str) {
    let field = h.get_by_label("Open path:");
    field.focus();
    h.step();
    h.get_by_label("Open path:").type_text(path);
    h.step();
    h.key_press(egui::Key::Enter);
    wait_until_idle(h);
}

/// Whether some widget's text contains `text`.
fn shows(h: &Harness<'_, ActormapApp>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let path = std::env::temp_dir()
        .join(format!("actormap-ui-{}", std::process::id()))
        .join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, bytes).unwrap();
    path
}

// ---- The tests ---------------------------------------------------------------------------------------

#[test]
fn every_actor_of_the_map_is_a_labelled_node_inside_the_map() {
    let mut h = harness(ActormapApp::new_for_test(fixture()));
    h.run_steps(2);
    assert_eq!(h.state().node_count(), 7);
    let map = h.state().map_rect();
    for name in [
        "Iran",
        "Pakistan",
        "India",
        "Syed Abbas Araghchi",
        "Syed Asim Munir",
        "Ishaq Dar",
        "Inter-Services Public Relations",
    ] {
        assert!(
            h.query_all_by_label(name)
                .any(|n| map.contains(n.rect().center())),
            "{name} is not on the map"
        );
    }
}

#[test]
fn clicking_an_actor_shows_the_sentences_that_mention_it() {
    let mut h = harness(ActormapApp::new_for_test(fixture()));
    click_node(&mut h, "Pakistan");
    assert_eq!(h.state().selection(), &Selection::Actor("PAK".into()));
    assert!(shows(&h, "Pakistan and Iran share a permeable border"));
    assert!(shows(&h, "Mentioned in"));
}

#[test]
fn clicking_an_edge_shows_its_evidence_sentence() {
    let mut h = harness(ActormapApp::new_for_test(fixture()));
    h.run_steps(2);
    let middle = h
        .state()
        .edge_middle("accuse:IRN>PAK")
        .expect("the accusation is drawn");
    click_at(&mut h, middle);
    assert_eq!(
        h.state().selection(),
        &Selection::Interaction("accuse:IRN>PAK".into())
    );
    assert!(shows(&h, "Iran accused or criticised Pakistan"));
    assert!(shows(
        &h,
        "Both nations have, in the past, accused each other"
    ));
    assert!(shows(&h, "CAMEO"));
}

#[test]
fn an_interaction_listed_for_an_actor_opens_its_evidence() {
    let mut h = harness(ActormapApp::new_for_test(fixture()));
    click_node(&mut h, "India");
    h.get_by_label("Iran offered or acted to mediate for India")
        .click();
    h.run_steps(2);
    assert_eq!(
        h.state().selection(),
        &Selection::Interaction("mediate:IRN>IND".into())
    );
    assert!(shows(
        &h,
        "with Iran offering to mediate between the two nuclear-armed rivals"
    ));
}

#[test]
fn clicking_an_empty_spot_or_pressing_escape_clears_the_selection() {
    let mut h = harness(ActormapApp::new_for_test(fixture()));
    click_node(&mut h, "Pakistan");
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert_eq!(h.state().selection(), &Selection::Nothing);
    click_node(&mut h, "Iran");
    let corner = h.state().map_rect().right_top() + vec2(-30.0, 80.0);
    click_at(&mut h, corner);
    assert_eq!(h.state().selection(), &Selection::Nothing);
}

#[test]
fn dragging_a_node_moves_and_pins_it_and_a_double_click_releases_it() {
    let mut h = harness(ActormapApp::new_for_test(fixture()));
    h.run_steps(2);
    let start = h.state().node_centre("IND").unwrap();
    let end = start + vec2(-120.0, 90.0);
    h.hover_at(start);
    h.event(Event::PointerButton {
        pos: start,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.step();
    for i in 1..=10 {
        h.hover_at(start + (end - start) * (i as f32 / 10.0));
        h.step();
    }
    h.event(Event::PointerButton {
        pos: end,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run_steps(3);
    assert!(h.state().is_pinned("IND"));
    let dropped = h.state().node_centre("IND").unwrap();
    assert!(
        (dropped - end).length() < 2.0,
        "the node stays where it was dropped: {dropped:?} vs {end:?}"
    );
    // Its neighbours adjust, but it stays put.
    h.run_steps(30);
    assert!((h.state().node_centre("IND").unwrap() - end).length() < 2.0);
    // A double click: both clicks within one frame, as the harness's frames are far apart in time.
    for _ in 0..2 {
        for pressed in [true, false] {
            h.input_mut().events.push(Event::PointerButton {
                pos: end,
                button: PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
        }
    }
    h.run_steps(2);
    assert!(!h.state().is_pinned("IND"));
}

#[test]
fn the_wheel_zooms_around_the_cursor_and_f_fits_the_map_again() {
    let mut h = harness(ActormapApp::new_for_test(fixture()));
    h.run_steps(2);
    let (iran, pakistan) = (
        h.state().node_centre("IRN").unwrap(),
        h.state().node_centre("PAK").unwrap(),
    );
    let before = (iran - pakistan).length();
    h.hover_at(iran);
    h.event(Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: vec2(0.0, 200.0),
        modifiers: Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
    });
    h.run_steps(8);
    let (iran2, pakistan2) = (
        h.state().node_centre("IRN").unwrap(),
        h.state().node_centre("PAK").unwrap(),
    );
    assert!(
        (iran2 - pakistan2).length() > before * 1.2,
        "zoomed in: {before} -> {}",
        (iran2 - pakistan2).length()
    );
    assert!(
        (iran2 - iran).length() < 3.0,
        "the point under the cursor stays put"
    );
    h.key_press(egui::Key::F);
    h.run_steps(2);
    let fitted =
        (h.state().node_centre("IRN").unwrap() - h.state().node_centre("PAK").unwrap()).length();
    assert!(
        (fitted - before).abs() < 1.0,
        "F fits the map as at the start: {before} vs {fitted}"
    );
}

#[test]
fn ctrl_f_searches_enter_selects_and_centres_and_escape_closes() {
    let mut h = harness(ActormapApp::new_for_test(fixture()));
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::F);
    h.run_steps(2);
    h.get_by_label("Search:").type_text("pkstn");
    h.run_steps(2);
    assert!(
        shows(&h, "1 actor"),
        "scattered letters in order still find Pakistan"
    );
    h.key_press(egui::Key::Enter);
    h.run_steps(3);
    assert_eq!(h.state().selection(), &Selection::Actor("PAK".into()));
    let map = h.state().map_rect();
    let centre = h.state().node_centre("PAK").unwrap();
    assert!(
        (centre - map.center()).length() < 2.0,
        "Pakistan is centred: {centre:?} in {map:?}"
    );
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert!(
        h.query_by_label("Search:").is_none(),
        "Esc closes the search"
    );
}

#[test]
fn escape_and_close_all_clear_the_side_panel_find_box() {
    let mut h = harness(ActormapApp::new_for_test(fixture()));
    h.run_steps(2);
    h.get_by_label("Find:").focus();
    h.step();
    h.get_by_label("Find:").type_text("Iran");
    h.run_steps(2);
    assert_eq!(h.get_by_label("Find:").value().as_deref(), Some("Iran"));
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    // The field gave up the keyboard on the first Esc; the second clears the selection and the box.
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert_eq!(
        h.get_by_label("Find:").value().as_deref(),
        Some(""),
        "the find box is empty again"
    );
}

#[test]
fn sample_dragging_across_the_timeline_filters_the_map_by_date_and_whole_time_undoes_it() {
    let mut h = harness(ActormapApp::new(Launch::default(), None));
    h.state_mut().settle_layout();
    h.run_steps(3);
    let all = h.state().node_count();
    assert!(
        h.state().timeline_rect().is_none(),
        "closed until asked for"
    );
    h.get_by_label("View").click();
    h.run_steps(2);
    h.get_by_label("Timeline").click();
    h.run_steps(3);
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    let chart = h
        .state()
        .timeline_rect()
        .expect("the timeline is shown with the sample's dated articles");
    // From the left edge to a fifth of the way: the earliest readouts only.
    let (from, to) = (
        chart.left_center() + vec2(5.0, 0.0),
        chart.left_center() + vec2(chart.width() / 5.0, 0.0),
    );
    h.hover_at(from);
    h.event(Event::PointerButton {
        pos: from,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.run_steps(2);
    for k in 1..=5 {
        h.hover_at(from + (to - from) * (k as f32 / 5.0));
        h.run_steps(1);
    }
    h.event(Event::PointerButton {
        pos: to,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run_steps(3);
    let dates = h.state().filter().dates.expect("the drag set a date range");
    assert!(dates.0 < dates.1);
    let shown = h.state().node_count();
    assert!(
        shown < all,
        "the map shows {shown} of {all} actors after the range was set"
    );
    assert!(shows(&h, "Map shows"));
    h.get_by_label("Whole time").click();
    h.run_steps(3);
    assert_eq!(h.state().filter().dates, None);
    assert_eq!(h.state().node_count(), all);
}

#[test]
fn clicking_the_most_connected_actors_bar_in_statistics_selects_it() {
    let mut h = harness(ActormapApp::new_for_test(fixture()));
    h.run_steps(2);
    h.get_by_label("View").click();
    h.run_steps(2);
    h.get_by_label("Statistics").click();
    h.run_steps(3);
    h.key_press(egui::Key::Escape);
    h.run_steps(3);
    let bar = h
        .state()
        .statistics_first_bar()
        .expect("the statistics window charts the actors");
    click_at(&mut h, bar);
    h.run_steps(2);
    // In the fixture Araghchi takes part in more interactions than anyone.
    assert_eq!(h.state().selection(), &Selection::Actor("araghchi".into()));
}

#[test]
fn sample_focusing_an_actor_shows_its_neighbourhood_and_escape_shows_everyone() {
    let mut h = harness(ActormapApp::new(Launch::default(), None));
    h.state_mut().settle_layout();
    h.run_steps(3);
    let all = h.state().node_count();
    h.state_mut().select(Selection::Actor("RUS".into()));
    h.run_steps(2);
    h.get_by_label("1 step").click();
    h.run_steps(3);
    let near = h.state().node_count();
    assert!(
        near >= 2 && near < all,
        "Russia's neighbourhood: {near} of {all}"
    );
    h.get_by_label("2 steps").click();
    h.run_steps(3);
    assert!(h.state().node_count() >= near);
    h.key_press(egui::Key::Escape);
    h.run_steps(3);
    assert_eq!(h.state().node_count(), all);
}

#[test]
fn close_all_empties_the_map_and_says_how_to_open_articles() {
    let mut h = harness(ActormapApp::new_for_test(fixture()));
    click_node(&mut h, "Pakistan");
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::N);
    h.run_steps(2);
    assert_eq!(h.state().node_count(), 0);
    assert_eq!(h.state().selection(), &Selection::Nothing);
    assert!(h.state().corpus().articles.is_empty());
    assert!(shows(&h, "Overview"));
}

#[test]
fn clicking_an_evidence_sentence_opens_the_article_at_that_sentence() {
    let mut h = harness(ActormapApp::new_for_test(fixture()));
    click_node(&mut h, "India");
    h.get_by_label_contains("tensions are rising between Pakistan and India")
        .click();
    h.run_steps(2);
    let article = &h.state().corpus().articles[0];
    let expected = article.sentence_at(REFERENCE.find("tensions are rising").unwrap());
    assert_eq!(
        h.state().open_article(),
        Some((article.id.as_str(), expected))
    );
    assert!(shows(&h, "sentence "));
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert_eq!(
        h.state().open_article(),
        None,
        "Esc closes the article view"
    );
}

#[test]
fn unticking_a_family_in_the_view_menu_hides_its_interactions() {
    let mut h = harness(ActormapApp::new_for_test(fixture()));
    h.run_steps(2);
    let conflict = |h: &Harness<'_, ActormapApp>| {
        h.state()
            .corpus()
            .interactions
            .iter()
            .filter(|i| i.kind.family() == actormap::corpus::Family::Conflict)
            .count()
    };
    assert!(conflict(&h) > 0, "the fixture has conflict edges");
    h.get_by_label("View").click();
    h.run_steps(2);
    h.get_by_label("Show interactions").click();
    h.run_steps(2);
    h.get_by_label_contains("Conflict (").click();
    h.run_steps(3);
    let hidden = &h.state().filter().hidden_kinds;
    assert!(
        !hidden.is_empty()
            && hidden
                .iter()
                .all(|k| k.family() == actormap::corpus::Family::Conflict)
    );
}

#[test]
fn sample_grouping_by_country_folds_officials_into_their_countries_and_back() {
    let mut h = harness(ActormapApp::new(Launch::default(), None));
    h.state_mut().settle_layout();
    h.run_steps(3);
    let all = h.state().node_count();
    // The menu is used with the timeline open (which once sent its copy of the filter every frame,
    // undoing the menu's change of the same frame).
    let menu_click = |h: &mut Harness<'_, ActormapApp>, item: &str| {
        if h.query_by_label(item).is_none() {
            h.get_by_label("View").click();
            h.run_steps(2);
        }
        h.get_by_label(item).click();
        h.run_steps(3);
    };
    menu_click(&mut h, "Timeline");
    assert!(h.state().timeline_rect().is_some());
    menu_click(&mut h, "Group by country");
    assert!(h.state().filter().group_by_country);
    let grouped = h.state().node_count();
    assert!(grouped < all, "{grouped} nodes grouped, {all} before");
    assert!(
        shows(&h, "United States (+"),
        "a country shows how many it holds"
    );
    menu_click(&mut h, "Group by country");
    assert!(!h.state().filter().group_by_country);
    assert_eq!(h.state().node_count(), all);
}

#[test]
fn an_affiliation_link_selects_that_actor() {
    let mut h = harness(ActormapApp::new_for_test(fixture()));
    click_node(&mut h, "Ishaq Dar");
    let panel_link = h
        .query_all_by_label("Pakistan")
        .find(|n| !h.state().map_rect().contains(n.rect().center()))
        .expect("the panel links to Pakistan");
    panel_link.click();
    h.run_steps(2);
    assert_eq!(h.state().selection(), &Selection::Actor("PAK".into()));
}

#[test]
fn opening_a_missing_file_shows_an_error_and_keeps_the_map() {
    let mut h = harness(ActormapApp::new_for_test(fixture()));
    h.run_steps(2);
    let before = h.state().node_count();
    let map = h.state().map_rect();
    open_typed_path(&mut h, "/definitely/not/here/article.txt");
    assert!(shows(&h, "Could not open /definitely/not/here/article.txt"));
    assert!(h.state().errors()[0].contains("no such file"));
    assert_eq!(h.state().node_count(), before);
    assert_eq!(
        h.state().map_rect(),
        map,
        "the error floats over the map instead of pushing it down"
    );
}

#[test]
fn opening_an_empty_file_shows_an_error_and_keeps_the_map() {
    let mut h = harness(ActormapApp::new_for_test(fixture()));
    let before = h.state().node_count();
    let path = temp_file("empty.txt", b"  \n");
    open_typed_path(&mut h, &path.display().to_string());
    assert!(shows(&h, &format!("Could not open {}", path.display())));
    assert!(h.state().errors()[0].contains("empty"));
    assert_eq!(h.state().node_count(), before);
}

#[test]
fn opening_a_binary_file_shows_an_error_and_keeps_the_map() {
    let mut h = harness(ActormapApp::new_for_test(fixture()));
    let before = h.state().node_count();
    let path = temp_file("picture.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0");
    open_typed_path(&mut h, &path.display().to_string());
    assert!(shows(&h, &format!("Could not open {}", path.display())));
    assert!(h.state().errors()[0].contains("not a text file"));
    assert_eq!(h.state().node_count(), before);
    // The message stays until dismissed.
    h.run_steps(5);
    assert!(shows(&h, "Could not open"));
    h.get_by_label("×").click();
    h.run_steps(2);
    assert!(h.state().errors().is_empty());
    assert!(h.query_by_label("×").is_none(), "the banner is gone");
}

#[test]
fn opening_an_article_adds_it_to_the_map_without_losing_what_is_open() {
    let mut h = harness(ActormapApp::new_for_test(fixture()));
    let path = temp_file(
        "another.txt",
        b"North Korea fired artillery at South Korea on Thursday.",
    );
    open_typed_path(&mut h, &path.display().to_string());
    assert_eq!(h.state().corpus().articles.len(), 2);
    assert!(h.state().errors().is_empty(), "{:?}", h.state().errors());
    assert!(h.state().node_count() >= 7);
    assert!(
        h.state().status().starts_with("Opened 1 new article"),
        "{}",
        h.state().status()
    );
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_folder_opens_every_article_in_it() {
    let mut h = harness(ActormapApp::new_for_test(fixture()));
    let dir = temp_file("dropped/one.txt", b"Iran and Pakistan held talks.")
        .parent()
        .unwrap()
        .to_path_buf();
    std::fs::write(
        dir.join("two.md"),
        "# Talks\n\nIndia met Pakistan in Delhi.",
    )
    .unwrap();
    std::fs::write(dir.join("ignored.png"), b"\x89PNG").unwrap();
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(dir.clone())));
    wait_until_idle(&mut h);
    assert_eq!(
        h.state().corpus().articles.len(),
        3,
        "{:?}",
        h.state().errors()
    );
    assert!(
        h.state().status().starts_with("Opened 2 new articles"),
        "{}",
        h.state().status()
    );
}

#[test]
fn opened_paths_are_listed_under_open_recent_and_a_missing_one_shows_an_error() {
    let mut h = harness(ActormapApp::new_for_test(fixture()));
    let path = temp_file("recent.txt", b"Iran and Pakistan held talks.");
    let shown = path.display().to_string();
    open_typed_path(&mut h, &shown);
    std::fs::remove_file(&path).unwrap();
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label("Open recent").hover();
    h.run_steps(2);
    h.get_by_label(&shown).click();
    wait_until_idle(&mut h);
    assert!(
        h.state()
            .errors()
            .iter()
            .any(|e| e.starts_with(&format!("Could not open {shown}"))),
        "{:?}",
        h.state().errors()
    );
    assert_eq!(
        h.state().corpus().articles.len(),
        2,
        "what was open stays open"
    );
}

#[test]
fn exporting_writes_a_png_of_the_map_area_only() {
    let pixels_per_point = 1.5;
    let mut h = rendering_harness(ActormapApp::new_for_test(fixture()), pixels_per_point);
    h.run_steps(2);
    let path = std::env::temp_dir().join(format!("actormap-ui-export-{}.png", std::process::id()));
    let ctx = h.ctx.clone();
    h.state_mut().export_map_png(path.clone(), &ctx);
    wait_until_idle(&mut h);
    assert!(
        h.state().status().starts_with("Saved the map picture"),
        "{}",
        h.state().status()
    );
    let picture = image::open(&path).expect("the PNG was written").to_rgba8();
    let map = h.state().map_rect();
    assert_eq!(
        picture.width(),
        (map.width() * pixels_per_point).round() as u32
    );
    assert_eq!(
        picture.height(),
        (map.height() * pixels_per_point).round() as u32
    );
    let first = picture.get_pixel(0, 0);
    assert!(
        picture.pixels().any(|p| p != first),
        "the picture is all one colour"
    );
    std::fs::remove_file(path).ok();
}

// ---- The bundled sample, through the real extractor ---------------------------------------------------

#[test]
fn sample_the_app_starts_on_the_sample_corpus_with_actors_on_the_map() {
    let mut h = harness(ActormapApp::new(Launch::default(), None));
    h.state_mut().settle_layout();
    h.run_steps(3);
    assert_eq!(
        h.state().corpus().articles.len(),
        actormap::sample::ARTICLES.len()
    );
    assert!(
        h.state().node_count() > 5,
        "the sample map has only {} nodes",
        h.state().node_count()
    );
    let map = h.state().map_rect();
    // Pakistan and Iran come from the reference article, Russia and Ukraine from the readouts after it.
    for name in ["Pakistan", "Iran", "Russia", "Ukraine"] {
        assert!(
            h.query_all_by_label(name)
                .any(|n| map.contains(n.rect().center())),
            "{name} is not on the map"
        );
    }
}

#[test]
fn sample_selecting_araghchi_shows_a_sentence_naming_him() {
    let mut h = harness(ActormapApp::new(Launch::default(), None));
    h.state_mut().settle_layout();
    h.run_steps(3);
    let map = h.state().map_rect();
    let node = h
        .query_all_by_label_contains("Araghchi")
        .find(|n| map.contains(n.rect().center()))
        .expect("Araghchi is on the sample map");
    node.click();
    h.run_steps(2);
    assert!(matches!(h.state().selection(), Selection::Actor(_)));
    assert!(shows(
        &h,
        "held separate talks with Pakistan Deputy Prime Minister"
    ));
}

// ---- Pictures ------------------------------------------------------------------------------------------

/// The map's part of the harness's current frame.
fn map_picture(h: &mut Harness<'_, ActormapApp>) -> image::RgbaImage {
    let frame = h.render().expect("the frame renders");
    let ppp = h.ctx.pixels_per_point();
    let map = h.state().map_rect();
    let px = |v: f32| (v * ppp).round() as u32;
    image::imageops::crop_imm(
        &frame,
        px(map.min.x),
        px(map.min.y),
        px(map.width()),
        px(map.height()),
    )
    .to_image()
}

#[test]
fn the_map_with_a_selected_actor_matches_its_snapshot() {
    let mut h = rendering_harness(ActormapApp::new_for_test(fixture()), 1.0);
    h.run_steps(2);
    click_node(&mut h, "Pakistan");
    h.remove_cursor();
    h.run_steps(2);
    egui_kittest::image_snapshot(&map_picture(&mut h), "fixture_map_pakistan_selected");
}

#[test]
fn sample_the_reference_article_map_matches_its_snapshot() {
    let corpus = Extractor::bundled().extract(REFERENCE_PATH, REFERENCE);
    let mut h = rendering_harness(ActormapApp::new_for_test(corpus), 1.0);
    h.run_steps(3);
    egui_kittest::image_snapshot(&map_picture(&mut h), "reference_article_map");
}

// ---- Curation ----------------------------------------------------------------------------------------

fn open_corrections(h: &mut Harness<'_, ActormapApp>) {
    h.get_by_label("Correct this actor").click();
    h.run_steps(2);
}

fn press(h: &mut Harness<'_, ActormapApp>, key: egui::Key, modifiers: Modifiers) {
    h.event(Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers,
    });
    h.event(Event::Key {
        key,
        physical_key: None,
        pressed: false,
        repeat: false,
        modifiers,
    });
    h.run_steps(2);
}

#[test]
fn deleting_an_actor_takes_it_off_the_map_and_ctrl_z_brings_it_back() {
    let mut h = harness(ActormapApp::new_for_test(fixture()));
    h.run_steps(2);
    let nodes = h.state().node_count();
    click_node(&mut h, "India");
    open_corrections(&mut h);
    h.get_by_label("Delete this actor").click();
    h.run_steps(3);
    assert!(h.state().corpus().actor("IND").is_none());
    assert_eq!(h.state().node_count(), nodes - 1);
    assert!(
        h.state().status().contains("Delete"),
        "{}",
        h.state().status()
    );

    // Undo from the keyboard (the map has the keyboard, not a text field).
    let corner = h.state().map_rect().left_top() + vec2(5.0, 5.0);
    click_at(&mut h, corner);
    press(&mut h, egui::Key::Z, Modifiers::COMMAND);
    assert!(
        h.state().corpus().actor("IND").is_some(),
        "{}",
        h.state().status()
    );
    assert_eq!(h.state().node_count(), nodes);
    // And redo from the Edit menu.
    h.get_by_label("Edit").click();
    h.run_steps(2);
    h.query_all_by_label_contains("Redo Delete")
        .next()
        .expect("Redo names the edit")
        .click();
    h.run_steps(3);
    assert!(h.state().corpus().actor("IND").is_none());
}

#[test]
fn merging_two_actors_combines_their_names_and_interactions() {
    let mut h = harness(ActormapApp::new_for_test(fixture()));
    h.run_steps(2);
    let before: usize = h
        .state()
        .corpus()
        .interactions
        .iter()
        .filter(|i| {
            [&i.source, &i.target]
                .iter()
                .any(|s| *s == "dar" || *s == "araghchi")
        })
        .count();
    click_node(&mut h, "Syed Abbas Araghchi");
    open_corrections(&mut h);
    h.get_by_label("Merge with").focus();
    h.step();
    h.get_by_label("Merge with").type_text("Ishaq");
    h.run_steps(2);
    h.get_by_label("Merge Ishaq Dar").click();
    h.run_steps(3);
    let corpus = h.state().corpus();
    assert!(corpus.actor("dar").is_none());
    let merged = corpus.actor("araghchi").unwrap();
    assert!(
        merged.aliases.iter().any(|a| a == "Ishaq Dar"),
        "{:?}",
        merged.aliases
    );
    // Their talks with each other are gone (no one talks with himself); the rest point to the merged actor.
    assert!(
        corpus
            .interactions
            .iter()
            .all(|i| i.source != "dar" && i.target != "dar")
    );
    let after = corpus
        .interactions
        .iter()
        .filter(|i| i.source == "araghchi" || i.target == "araghchi")
        .count();
    assert!(after < before && after > 0, "{before} -> {after}");
}

#[test]
fn removing_the_article_empties_the_map_and_undo_restores_it() {
    let mut h = harness(ActormapApp::new_for_test(fixture()));
    h.run_steps(2);
    let nodes = h.state().node_count();
    let article = h.state().corpus().articles[0].id.clone();
    click_edge_first_evidence(&mut h);
    assert!(
        h.state().open_article().is_some(),
        "the article view is open"
    );
    h.get_by_label("Remove this article").click();
    h.run_steps(3);
    assert!(h.state().corpus().article(&article).is_none());
    assert_eq!(h.state().node_count(), 0);
    h.get_by_label("Edit").click();
    h.run_steps(2);
    h.query_all_by_label_contains("Undo Remove")
        .next()
        .expect("Undo names the edit")
        .click();
    h.run_steps(3);
    assert!(h.state().corpus().article(&article).is_some());
    assert_eq!(h.state().node_count(), nodes);
}

/// Opens the article of Pakistan's first mention in the article view.
fn click_edge_first_evidence(h: &mut Harness<'_, ActormapApp>) {
    click_node(h, "Pakistan");
    let sentence = h
        .query_all_by_label_contains("Pakistan and Iran share a permeable border")
        .next()
        .expect("the mention's sentence is listed");
    sentence.click();
    h.run_steps(3);
}

#[test]
fn a_workspace_brings_back_the_corrections_the_layout_and_the_view() {
    let mut h = harness(ActormapApp::new_for_test(fixture()));
    h.run_steps(2);
    click_node(&mut h, "India");
    open_corrections(&mut h);
    h.get_by_label("Delete this actor").click();
    h.run_steps(3);
    h.state_mut().settle_layout();
    h.run_steps(2);
    let dir = std::env::temp_dir().join(format!("actormap-ws-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("day.actormap");
    h.state_mut().save_workspace(path.clone());
    assert!(
        h.state().status().contains("Saved the workspace"),
        "{}",
        h.state().status()
    );
    let iran = h.state().node_centre("IRN").unwrap();

    // Quit, start again, open the file: the same map, where it was, and the deletion can still be undone.
    let mut again = harness(ActormapApp::new_for_test(
        actormap::corpus::Corpus::default(),
    ));
    again.run_steps(1);
    again.state_mut().open_workspace(&path);
    again.run_steps(3);
    assert!(
        again.state().errors().is_empty(),
        "{:?}",
        again.state().errors()
    );
    assert!(again.state().corpus().actor("IND").is_none());
    assert!(again.state().corpus().actor("PAK").is_some());
    let reopened = again.state().node_centre("IRN").unwrap();
    assert!((reopened - iran).length() < 1.0, "{iran:?} -> {reopened:?}");

    // Extracting again keeps the correction.
    again.state_mut().reextract();
    again.run_steps(2);
    assert!(again.state().corpus().actor("IND").is_none());
    assert!(!again.state().corpus().actors.is_empty());

    press(&mut again, egui::Key::Z, Modifiers::COMMAND);
    assert!(
        again.state().corpus().actor("IND").is_some(),
        "{}",
        again.state().status()
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn after_a_crash_the_next_start_offers_the_unsaved_map() {
    // Only this test asks for the recovery file (as the window's start does); no other test reads it.
    let dir = std::env::temp_dir().join(format!("actormap-recovery-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // SAFETY: no other test of this binary reads this variable.
    unsafe { std::env::set_var("ACTORMAP_RECOVERY_DIR", &dir) };
    let mut crashed = actormap::workspace::Workspace::new(fixture());
    crashed.edits.push(actormap::curation::Edit::DeleteActor {
        actor: "IND".into(),
    });
    actormap::workspace::save_recovery(&crashed).unwrap();

    let mut app = ActormapApp::new(
        Launch {
            paths: vec![PathBuf::from(REFERENCE_PATH)],
            screenshot: None,
            synthetic: None,
        },
        None,
    );
    app.offer_recovery();
    let mut h = harness(app);
    wait_until_idle(&mut h);
    assert!(
        shows(&h, "did not close normally"),
        "the recovery is offered"
    );
    h.get_by_label("Recover").click();
    h.run_steps(3);
    assert!(
        h.state().corpus().actor("IND").is_none(),
        "the unsaved deletion is back"
    );
    assert!(h.state().corpus().actor("PAK").is_some());
    assert!(
        h.state().has_unsaved_changes(),
        "recovered work is still unsaved"
    );
    assert!(!shows(&h, "did not close normally"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_interaction_is_added_by_hand_from_the_sentence_being_read() {
    let mut h = harness(ActormapApp::new_for_test(fixture()));
    h.run_steps(2);
    let before = h.state().corpus().interactions.len();
    click_edge_first_evidence(&mut h);
    h.get_by_label("Add an interaction from this sentence")
        .click();
    h.run_steps(2);
    // Source, kind, target: three drop-downs, in that order; an entry of the open list is the widget so
    // labelled just below its drop-down (the map and the panel show the same names elsewhere).
    let pick = |h: &mut Harness<'_, ActormapApp>, which: usize, option: &str| {
        let combo = h
            .query_all_by_role(egui::accesskit::Role::ComboBox)
            .nth(which)
            .expect("a drop-down");
        let below = combo.rect();
        combo.click();
        h.run_steps(2);
        let entry = h
            .query_all_by_label(option)
            .find(|n| {
                let r = n.rect();
                r.top() >= below.bottom() - 1.0 && (r.left() - below.left()).abs() < 60.0
            })
            .unwrap_or_else(|| panic!("no entry {option:?} in the open list"));
        entry.click();
        h.run_steps(2);
    };
    pick(&mut h, 0, "Pakistan");
    // The first kinds of the list are in view without scrolling it.
    let kind = actormap::corpus::InteractionKind::ALL[1];
    pick(&mut h, 1, kind.describe());
    pick(&mut h, 2, "Iran");
    h.get_by_label("Add").click();
    h.run_steps(3);
    let corpus = h.state().corpus();
    assert_eq!(
        corpus.interactions.len(),
        before + 1,
        "{} {:?}",
        h.state().status(),
        h.state().errors()
    );
    let added = corpus
        .interactions
        .iter()
        .find(|i| i.rule == actormap::curation::HAND_RULE)
        .expect("the interaction added by hand");
    assert_eq!(
        (added.source.as_str(), added.target.as_str()),
        ("PAK", "IRN")
    );
    assert_eq!(added.kind, kind);
}

/// The window's close button, as the windowing system reports it.
fn request_close(h: &mut Harness<'_, ActormapApp>) {
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run_steps(2);
}

#[test]
fn closing_with_unsaved_corrections_asks_first() {
    let mut h = harness(ActormapApp::new_for_test(fixture()));
    h.run_steps(2);
    // Nothing corrected: closing asks nothing.
    request_close(&mut h);
    assert!(!shows(&h, "not saved in a workspace"));

    click_node(&mut h, "India");
    open_corrections(&mut h);
    h.get_by_label("Delete this actor").click();
    h.run_steps(3);
    assert!(h.state().has_unsaved_changes());
    request_close(&mut h);
    assert!(
        shows(&h, "not saved in a workspace"),
        "the question is asked"
    );
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    assert!(!shows(&h, "not saved in a workspace"));
    assert!(
        h.state().corpus().actor("IND").is_none(),
        "nothing lost by cancelling"
    );

    // Saving answers it.
    let dir = std::env::temp_dir().join(format!("actormap-quit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    h.state_mut().save_workspace(dir.join("q.actormap"));
    assert!(!h.state().has_unsaved_changes());
    request_close(&mut h);
    assert!(!shows(&h, "not saved in a workspace"));
    let _ = std::fs::remove_dir_all(&dir);
}
