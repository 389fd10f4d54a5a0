//! One test per refusal of `check`: each breaks one thing of a small valid corpus (invented text) and
//! asserts that the message names the place and the problem.

use super::*;
use crate::corpus::model::*;

const TEXT: &str = "Chile met Peru in Lima. Both sides agreed to talk again.";

fn corpus() -> Corpus {
    let article = Article {
        id: "a1".into(),
        path: "talks.txt".into(),
        title: "Talks".into(),
        date: None,
        text: TEXT.into(),
        sentences: vec![Span::new(0, 23), Span::new(24, 56)],
        encoding: None,
        format: None,
    };
    let actor = |id: &str, name: &str, start: usize| Actor {
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
            end: start + name.len(),
            via: MentionVia::Name,
        }],
    };
    Corpus {
        articles: vec![article],
        actors: vec![actor("CHL", "Chile", 0), actor("PER", "Peru", 10)],
        interactions: vec![Interaction {
            id: "consult:CHL~PER".into(),
            kind: InteractionKind::Consult,
            cameo: "040".into(),
            source: "CHL".into(),
            target: "PER".into(),
            directed: false,
            modality: Modality::Asserted,
            rule: "trigger \"meet\"".into(),
            evidence: vec![Evidence {
                article: "a1".into(),
                sentence: 0,
                start: 0,
                end: 23,
                trigger: Some(Span::new(6, 9)),
                source_span: Some(Span::new(0, 5)),
                target_span: Some(Span::new(10, 14)),
                rule: "trigger \"meet\"".into(),
                reported_by: None,
                when: None,
            }],
        }],
        ..Corpus::default()
    }
}

/// The message `check` gives for `c`, which must be refused.
fn refusal(c: &Corpus) -> String {
    match check(c) {
        Ok(()) => panic!("accepted: {c:#?}"),
        Err(e) => e,
    }
}

fn assert_says(said: &str, parts: &[&str]) {
    for part in parts {
        assert!(said.contains(part), "{part:?} is not in: {said}");
    }
}

#[test]
fn the_fixture_is_accepted() {
    assert_eq!(check(&corpus()), Ok(()));
}

#[test]
fn positions_are_counted_as_people_count() {
    let said: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111]
        .map(ordinal)
        .into();
    assert_eq!(
        said,
        [
            "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"
        ]
    );
}

#[test]
fn a_sentence_index_out_of_range_says_how_many_sentences_there_are() {
    let mut c = corpus();
    c.actors[1].mentions[0].sentence = 12;
    assert_says(
        &refusal(&c),
        &[
            "the 1st mention of actor \"PER\"",
            "sentence 12 of article \"a1\", which has 2 sentences (numbered 0 to 1)",
        ],
    );
    let mut c = corpus();
    c.interactions[0].evidence[0].sentence = 2;
    assert_says(
        &refusal(&c),
        &[
            "the 1st evidence of interaction \"consult:CHL~PER\" (the 1st in \"interactions\")",
            "sentence 2 of article \"a1\", which has 2 sentences",
        ],
    );
}

#[test]
fn a_mention_outside_its_sentence_is_refused_with_both_spans() {
    let mut c = corpus();
    c.actors[0].mentions[0].sentence = 1;
    assert_says(
        &refusal(&c),
        &[
            "the 1st mention of actor \"CHL\" (bytes 0..5) lies outside its sentence",
            "sentence 1 of article \"a1\" (bytes 24..56)",
        ],
    );
}

#[test]
fn a_mention_past_the_text_or_inside_a_character_is_refused() {
    let mut c = corpus();
    c.actors[0].mentions[0].end = 999;
    assert_says(
        &refusal(&c),
        &[
            "actor \"CHL\" (bytes 0..999)",
            "ends past the end of the text, which is 56 bytes long",
        ],
    );
    let mut c = corpus();
    c.articles[0].text = "Chilé met Peru in Lima. Both sides agreed to talk agai.".into();
    c.actors[0].mentions[0].end = 5;
    assert_says(
        &refusal(&c),
        &["(bytes 0..5)", "ends inside a character (byte 5"],
    );
}

#[test]
fn a_mention_of_an_article_not_in_the_file_is_refused() {
    let mut c = corpus();
    c.actors[1].mentions[0].article = "a7".into();
    assert_says(
        &refusal(&c),
        &["mention of actor \"PER\" refers to article \"a7\", which is not in the file"],
    );
}

#[test]
fn evidence_spans_outside_their_sentence_are_refused_by_name() {
    let mut c = corpus();
    c.interactions[0].evidence[0].end = 30;
    assert_says(
        &refusal(&c),
        &[
            "the 1st evidence of interaction \"consult:CHL~PER\"",
            "(bytes 0..30) lies outside its sentence",
        ],
    );
    for (which, set) in [
        (
            "trigger",
            (|e: &mut Evidence| e.trigger = Some(Span::new(24, 28))) as fn(&mut Evidence),
        ),
        ("source_span", |e| e.source_span = Some(Span::new(30, 35))),
        ("target_span", |e| e.target_span = Some(Span::new(50, 60))),
    ] {
        let mut c = corpus();
        set(&mut c.interactions[0].evidence[0]);
        assert_says(
            &refusal(&c),
            &[&format!("the {which} of the 1st evidence of interaction")],
        );
    }
}

#[test]
fn sentences_out_of_order_or_overlapping_are_refused() {
    let mut c = corpus();
    c.articles[0].sentences.swap(0, 1);
    assert_says(
        &refusal(&c),
        &["sentences 0 and 1 of article \"a1\" (bytes 24..56 and bytes 0..23) are out of order"],
    );
    let mut c = corpus();
    c.articles[0].sentences[1].start = 20;
    assert_says(
        &refusal(&c),
        &["sentences 0 and 1 of article \"a1\"", "overlap"],
    );
    let mut c = corpus();
    c.articles[0].sentences[1].end = 57;
    assert_says(
        &refusal(&c),
        &["sentence 1 of article \"a1\" (bytes 24..57) ends past the end"],
    );
}

#[test]
fn a_self_loop_is_refused_not_dropped() {
    let mut c = corpus();
    c.interactions[0].target = "CHL".into();
    assert_says(
        &refusal(&c),
        &[
            "interaction \"consult:CHL~PER\" (the 1st in \"interactions\") goes from actor \"CHL\" to itself",
        ],
    );
}

#[test]
fn an_interaction_without_evidence_is_refused_not_dropped() {
    let mut c = corpus();
    c.interactions[0].evidence.clear();
    assert_says(
        &refusal(&c),
        &["interaction \"consult:CHL~PER\"", "has no evidence"],
    );
}

#[test]
fn an_undirected_interaction_out_of_id_order_is_refused_not_turned_round() {
    let mut c = corpus();
    let it = &mut c.interactions[0];
    std::mem::swap(&mut it.source, &mut it.target);
    assert_says(
        &refusal(&c),
        &["is undirected but names \"PER\" before \"CHL\"", "swap"],
    );
    c.interactions[0].directed = true;
    assert_eq!(
        check(&c),
        Ok(()),
        "a directed interaction may go either way"
    );
}

#[test]
fn two_interactions_of_one_edge_are_refused_not_joined() {
    let mut c = corpus();
    let mut again = c.interactions[0].clone();
    again.id = "consult:CHL~PER-1".into();
    c.interactions.push(again.clone());
    assert_says(
        &refusal(&c),
        &[
            "interaction \"consult:CHL~PER-1\" (the 2nd in \"interactions\") and interaction \
             \"consult:CHL~PER\" are the same edge",
        ],
    );
    c.interactions[1].modality = Modality::Negated;
    assert_eq!(check(&c), Ok(()), "another modality is another edge");
}

#[test]
fn ids_that_are_empty_or_used_twice_are_refused() {
    let mut c = corpus();
    c.articles[0].id.clear();
    assert_says(&refusal(&c), &["the 1st article has an empty \"id\""]);
    let mut c = corpus();
    c.actors[1].id = "CHL".into();
    assert_says(&refusal(&c), &["actor id \"CHL\" is used twice"]);
    let mut c = corpus();
    c.actors[1].id.clear();
    assert_says(
        &refusal(&c),
        &["the 2nd actor (\"Peru\") has an empty \"id\""],
    );
    let mut c = corpus();
    c.interactions.push(c.interactions[0].clone());
    c.interactions[1].directed = true;
    assert_says(
        &refusal(&c),
        &["(the 2nd in \"interactions\") has an id already used"],
    );
}

#[test]
fn an_interaction_with_an_unknown_actor_is_refused() {
    let mut c = corpus();
    c.interactions[0].target = "QQQ".into();
    assert_says(
        &refusal(&c),
        &[
            "the target of interaction \"consult:CHL~PER\"",
            "actor \"QQQ\", which is not in the file",
        ],
    );
}

#[test]
fn two_articles_with_one_text_are_refused_not_skipped() {
    let mut c = corpus();
    let mut twin = c.articles[0].clone();
    twin.id = "a2".into();
    twin.path = "copy of talks.txt".into();
    c.articles.push(twin);
    assert_says(
        &refusal(&c),
        &["articles \"a1\" and \"a2\" have the same text"],
    );
}

#[test]
fn affiliations_with_oneself_twice_or_with_nobody_are_refused() {
    for (affiliations, problem) in [
        (vec!["CHL"], "itself"),
        (vec!["PER", "PER"], "an actor it already lists"),
        (vec!["ARG"], "not in the file"),
    ] {
        let mut c = corpus();
        c.actors[0].affiliations = affiliations.into_iter().map(String::from).collect();
        assert_says(&refusal(&c), &["actor \"CHL\" is affiliated with", problem]);
    }
}
