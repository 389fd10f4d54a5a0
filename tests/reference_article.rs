//! The reference article (`sample_data/01_iran_pakistan_talks.txt`) extracts to the map a reader expects:
//! its actors with kinds, countries and titles, and its interactions with their evidence sentences.

use actormap::corpus::{ActorKind, Corpus, InteractionKind};
use actormap::extract::Extractor;

const ARTICLE: &str = include_str!("../sample_data/01_iran_pakistan_talks.txt");

fn corpus() -> Corpus {
    Extractor::bundled().extract("01_iran_pakistan_talks.txt", ARTICLE)
}

fn find<'c>(c: &'c Corpus, name: &str) -> &'c actormap::corpus::Actor {
    c.actors
        .iter()
        .find(|a| a.name == name || a.aliases.iter().any(|x| x == name))
        .unwrap_or_else(|| {
            panic!(
                "{name} missing from {:?}",
                c.actors.iter().map(|a| &a.name).collect::<Vec<_>>()
            )
        })
}

#[test]
fn the_expected_actors_are_found_with_kind_country_and_title() {
    let c = corpus();
    let expect = [
        (
            "Syed Abbas Araghchi",
            ActorKind::Official,
            Some("IRN"),
            Some("Foreign Minister"),
        ),
        (
            "Syed Asim Munir",
            ActorKind::Official,
            Some("PAK"),
            Some("Army Chief"),
        ),
        (
            "Ishaq Dar",
            ActorKind::Official,
            Some("PAK"),
            Some("Deputy Prime Minister and Foreign Minister"),
        ),
        ("Iran", ActorKind::Country, Some("IRN"), None),
        ("Pakistan", ActorKind::Country, Some("PAK"), None),
        ("India", ActorKind::Country, Some("IND"), None),
        (
            "Inter-Services Public Relations",
            ActorKind::Institution,
            Some("PAK"),
            None,
        ),
        ("Radio Pakistan", ActorKind::Institution, Some("PAK"), None),
    ];
    for (name, kind, country, title) in expect {
        let a = find(&c, name);
        assert_eq!(a.kind, kind, "{name}");
        assert_eq!(a.country.as_deref(), country, "{name}");
        assert_eq!(a.title.as_deref(), title, "{name}");
    }
    assert!(
        find(&c, "Inter-Services Public Relations")
            .aliases
            .iter()
            .any(|a| a == "ISPR")
    );
}

#[test]
fn surname_and_title_mentions_belong_to_the_named_officials() {
    let c = corpus();
    let text = &c.articles[0].text;
    let araghchi = find(&c, "Syed Abbas Araghchi");
    let said: Vec<&str> = araghchi
        .mentions
        .iter()
        .map(|m| &text[m.start..m.end])
        .collect();
    assert!(said.contains(&"Araghchi"), "{said:?}");
    assert!(
        said.iter().any(|s| s.contains("Iranian Foreign Minister")),
        "{said:?}"
    );
    assert_eq!(
        c.actors
            .iter()
            .filter(|a| a.kind == ActorKind::Official)
            .count(),
        3,
        "no stray officials"
    );
}

/// The interactions between two actors (either order) of one kind, with their evidence sentences.
fn evidence(c: &Corpus, kind: InteractionKind, a: &str, b: &str) -> Vec<String> {
    let (ia, ib) = (&find(c, a).id, &find(c, b).id);
    let text = &c.articles[0].text;
    c.interactions
        .iter()
        .filter(|i| {
            i.kind == kind
                && ((&i.source == ia && &i.target == ib) || (&i.source == ib && &i.target == ia))
        })
        .flat_map(|i| i.evidence.iter().map(|e| text[e.start..e.end].to_string()))
        .collect()
}

#[test]
fn the_expected_interactions_are_found_with_their_evidence() {
    let c = corpus();
    let expect = [
        (
            InteractionKind::Consult,
            "Syed Abbas Araghchi",
            "Syed Asim Munir",
            "met with Pakistan’s Army Chief",
        ),
        (
            InteractionKind::Visit,
            "Syed Abbas Araghchi",
            "Pakistan",
            "visit to Pakistan",
        ),
        (
            InteractionKind::Accuse,
            "Iran",
            "Pakistan",
            "accused each other",
        ),
        (
            InteractionKind::Assault,
            "Iran",
            "Pakistan",
            "launched airstrikes",
        ),
        (
            InteractionKind::Agree,
            "Iran",
            "Pakistan",
            "agreed to work together",
        ),
        (
            InteractionKind::Support,
            "Syed Abbas Araghchi",
            "Pakistan",
            "appreciated Pakistan’s role",
        ),
        (
            InteractionKind::Mediate,
            "Iran",
            "Pakistan",
            "offering to mediate",
        ),
        (
            InteractionKind::Mediate,
            "Iran",
            "India",
            "offering to mediate",
        ),
        (
            InteractionKind::Consult,
            "Syed Abbas Araghchi",
            "Ishaq Dar",
            "held separate talks with",
        ),
    ];
    for (kind, a, b, phrase) in expect {
        let ev = evidence(&c, kind, a, b);
        assert!(
            ev.iter().any(|s| s.contains(phrase)),
            "{kind:?} {a} - {b}: {ev:?}"
        );
    }
}

#[test]
fn the_visit_and_the_support_point_from_the_minister_to_pakistan() {
    let c = corpus();
    let araghchi = &find(&c, "Syed Abbas Araghchi").id;
    let pakistan = &find(&c, "Pakistan").id;
    for kind in [InteractionKind::Visit, InteractionKind::Support] {
        let it = c
            .interactions
            .iter()
            .find(|i| i.kind == kind)
            .unwrap_or_else(|| panic!("{kind:?}"));
        assert!(it.directed);
        assert_eq!((&it.source, &it.target), (araghchi, pakistan));
    }
}

#[test]
fn the_attribution_names_the_reporting_outlet() {
    let c = corpus();
    let consult_dar = c
        .interactions
        .iter()
        .find(|i| {
            i.evidence
                .iter()
                .any(|e| c.articles[0].text[e.start..e.end].contains("Radio Pakistan"))
        })
        .expect("an interaction reported by Radio Pakistan");
    assert!(
        consult_dar
            .evidence
            .iter()
            .any(|e| e.reported_by.as_deref() == Some("Radio Pakistan"))
    );
}
