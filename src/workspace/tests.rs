use std::path::PathBuf;

use super::*;
use crate::corpus::{
    Actor, ActorKind, Article, Corpus, InteractionKind, Mention, MentionVia, Span,
};
use crate::curation::Edit;
use crate::graph::Isolated;

/// A file path in a folder of its own for each test (tests run in parallel).
fn temp_file(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("actormap-workspace-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("session.actormap")
}

fn corpus() -> Corpus {
    let text = "Chile met Peru in Lima.";
    let actor = |id: &str, name: &str, start: usize, end: usize| Actor {
        id: id.into(),
        kind: ActorKind::Country,
        name: name.into(),
        aliases: vec![],
        country: Some(id.into()),
        title: None,
        code: Some(id.into()),
        affiliations: vec![],
        mentions: vec![Mention {
            article: "a1".into(),
            sentence: 0,
            start,
            end,
            via: MentionVia::Name,
        }],
    };
    Corpus {
        articles: vec![Article {
            id: "a1".into(),
            path: "talks.txt".into(),
            title: "Talks".into(),
            date: Some("2024-05-01".into()),
            text: text.into(),
            sentences: vec![Span::new(0, text.len())],
            encoding: None,
            format: None,
        }],
        actors: vec![actor("CHL", "Chile", 0, 5), actor("PER", "Peru", 10, 14)],
        ..Corpus::default()
    }
}

fn full_workspace() -> Workspace {
    let mut w = Workspace::new(corpus());
    w.edits.push(Edit::AddInteraction {
        source: "CHL".into(),
        target: "PER".into(),
        kind: InteractionKind::Consult,
        directed: false,
        article: "a1".into(),
        sentence: 0,
    });
    w.edits.push(Edit::RenameActor {
        actor: "PER".into(),
        name: "Republic of Peru".into(),
    });
    w.positions.insert("CHL".into(), [12.5, -3.25]);
    w.positions.insert("PER".into(), [-7.0, 0.125]);
    w.pinned.insert("CHL".into());
    w.filter.show_unasserted = true;
    w.filter.hidden_kinds = vec![InteractionKind::Assault];
    w.filter.isolated = Isolated::Show;
    w.filter.focus = Some(("CHL".into(), 2));
    w.filter.dates = Some((19000, 19100));
    w.view = View {
        centre: [3.0, 4.5],
        zoom: 2.5,
    };
    w.panels.timeline = true;
    w
}

#[test]
fn a_saved_workspace_loads_back_equal() {
    let path = temp_file("round-trip");
    let w = full_workspace();
    w.save(&path).unwrap();
    let back = Workspace::load(&path).unwrap();
    assert_eq!(back, w);
    assert_eq!(
        back.to_json(),
        w.to_json(),
        "write, read, write: the same bytes"
    );
    assert!(back.applied().skipped.is_empty());
    let _ = std::fs::remove_dir_all(path.parent().unwrap());
}

#[test]
fn the_file_starts_with_what_it_is() {
    let json = full_workspace().to_json();
    assert!(
        json.starts_with("{\n  \"format\": \"actormap-workspace\",\n  \"schema\": 1,"),
        "{}",
        &json[..80]
    );
}

#[test]
fn a_file_from_a_newer_actormap_is_refused_with_what_to_do() {
    let path = temp_file("newer");
    let json = full_workspace()
        .to_json()
        .replacen("\"schema\": 1", "\"schema\": 2", 1);
    std::fs::write(&path, json).unwrap();
    let err = Workspace::load(&path).unwrap_err();
    assert!(err.contains(&path.display().to_string()), "{err}");
    assert!(
        err.contains("made by a newer actormap (schema 2); this version reads schema 1")
            && err.contains("update actormap"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(path.parent().unwrap());
}

#[test]
fn garbage_and_other_json_are_refused_naming_the_file() {
    let path = temp_file("garbage");
    for (content, says) in [
        ("not json at all", "not JSON"),
        ("[1, 2]", "not an object"),
        ("{\"hello\": 1}", "not an actormap workspace"),
        (
            "{\"format\": \"something-else\", \"schema\": 1}",
            "something-else",
        ),
        (
            "{\"format\": \"actormap-workspace\", \"schema\": \"one\"}",
            "damaged",
        ),
        (
            "{\"format\": \"actormap-workspace\", \"schema\": 1}",
            "damaged",
        ),
    ] {
        std::fs::write(&path, content).unwrap();
        let err = Workspace::load(&path).unwrap_err();
        assert!(err.contains(&path.display().to_string()), "{err}");
        assert!(err.contains(says), "{content}: {err}");
    }
    std::fs::write(&path, [0xff, 0xfe, 0x00]).unwrap();
    let err = Workspace::load(&path).unwrap_err();
    assert!(err.contains("not text") && err.contains(&path.display().to_string()));
    let _ = std::fs::remove_dir_all(path.parent().unwrap());
}

#[test]
fn a_key_given_twice_is_refused_and_named() {
    let json = Workspace::new(corpus()).to_json();
    let twice = json.replacen("\"schema\": 1,", "\"schema\": 1, \"schema\": 1,", 1);
    assert_ne!(twice, json);
    let err = Workspace::from_json(&twice).unwrap_err();
    assert!(
        err.contains("damaged") && err.contains("duplicate field `schema`"),
        "{err}"
    );

    let mut w = Workspace::new(corpus());
    w.positions.insert("CHL".into(), [1.0, 2.0]);
    let json = w.to_json();
    let at = "\"CHL\": [";
    let twice = json.replacen(at, &format!("\"CHL\": [3.0, 4.0], {at}"), 1);
    assert_ne!(twice, json);
    let err = Workspace::from_json(&twice).unwrap_err();
    assert!(
        err.contains("actor \"CHL\" is given two positions"),
        "{err}"
    );
}

#[test]
fn a_corpus_file_is_told_apart_from_a_workspace() {
    let err = Workspace::from_json(&crate::corpus::to_json(&corpus())).unwrap_err();
    assert!(err.contains("corpus file, not a workspace"), "{err}");
}

#[test]
fn a_missing_file_is_named() {
    let path = temp_file("missing").with_file_name("nowhere.actormap");
    let err = Workspace::load(&path).unwrap_err();
    assert!(
        err.contains(&path.display().to_string()) && err.contains("no such file"),
        "{err}"
    );
}

#[test]
fn a_corpus_that_points_outside_its_articles_is_refused() {
    let mut w = full_workspace();
    w.corpus.actors[0].mentions[0].end = 999;
    let err = Workspace::from_json(&w.to_json()).unwrap_err();
    assert!(
        err.contains("cannot be used") && err.contains("damaged"),
        "{err}"
    );
}

#[test]
fn an_older_file_without_the_optional_parts_loads_with_defaults() {
    let corpus_json = serde_json::to_string(&corpus()).unwrap();
    let json = format!(
        "{{\"format\": \"actormap-workspace\", \"schema\": 1, \"extractor_version\": \"0.0.1\", \
         \"filter\": {{\"min_evidence\": 2}}, \"corpus\": {corpus_json}}}"
    );
    let w = Workspace::from_json(&json).unwrap();
    assert_eq!(w.filter.min_evidence, 2);
    assert_eq!(
        w.filter.isolated,
        Isolated::Auto,
        "a missing field takes its default"
    );
    assert_eq!((w.view, w.panels), (View::default(), Panels::default()));
    assert!(w.edits.is_empty() && w.positions.is_empty() && w.pinned.is_empty());
    assert!(!w.is_from_this_extractor());
}

#[test]
fn positions_and_views_that_are_not_numbers_are_not_written() {
    let mut w = full_workspace();
    w.positions.insert("XXX".into(), [f32::NAN, 1.0]);
    w.view = View {
        centre: [f32::INFINITY, 0.0],
        zoom: 0.0,
    };
    let back = Workspace::from_json(&w.to_json()).unwrap();
    assert!(!back.positions.contains_key("XXX"));
    assert_eq!(back.positions.len(), 2);
    assert_eq!(back.view, View::default());
}

#[test]
fn a_failed_save_names_the_file() {
    let path = temp_file("no-folder")
        .with_file_name("missing-folder")
        .join("session.actormap");
    let err = full_workspace().save(&path).unwrap_err();
    assert!(err.contains(&path.display().to_string()), "{err}");
}
