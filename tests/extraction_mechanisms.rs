//! Each extraction mechanism on sentences written for these tests (not taken from any scored set): one
//! test per mechanism, asserting what a reader would expect the map to hold.

use actormap::corpus::{ActorKind, Corpus, InteractionKind, Modality};
use actormap::extract::Extractor;

fn extract(text: &str) -> Corpus {
    Extractor::bundled().extract("test.txt", text)
}

fn actor<'c>(c: &'c Corpus, name: &str) -> &'c actormap::corpus::Actor {
    c.actors
        .iter()
        .find(|a| a.name == name || a.aliases.iter().any(|x| x == name))
        .unwrap_or_else(|| {
            panic!(
                "no actor {name:?} in {:?}",
                c.actors.iter().map(|a| &a.name).collect::<Vec<_>>()
            )
        })
}

fn mention_texts<'c>(c: &'c Corpus, name: &str) -> Vec<&'c str> {
    let a = actor(c, name);
    let text = &c.articles[0].text;
    a.mentions.iter().map(|m| &text[m.start..m.end]).collect()
}

/// (kind, source name, target name, directed, modality) of every interaction.
fn edges(c: &Corpus) -> Vec<(InteractionKind, String, String, bool, Modality)> {
    let name = |id: &str| c.actor(id).map(|a| a.name.clone()).unwrap_or_default();
    c.interactions
        .iter()
        .map(|i| {
            (
                i.kind,
                name(&i.source),
                name(&i.target),
                i.directed,
                i.modality,
            )
        })
        .collect()
}

fn has_edge(c: &Corpus, kind: InteractionKind, a: &str, b: &str) -> bool {
    edges(c).iter().any(|(k, s, t, directed, _)| {
        *k == kind && ((s == a && t == b) || (!directed && s == b && t == a))
    })
}

#[test]
fn countries_are_found_by_name_demonym_capital_and_abbreviation() {
    let c = extract(
        "Kenyan officials said Nairobi would not back the plan. The US urged the UK to act. Tell us more.",
    );
    let kenya = actor(&c, "Kenya");
    assert_eq!(kenya.kind, ActorKind::Country);
    assert_eq!(kenya.country.as_deref(), Some("KEN"));
    assert!(
        mention_texts(&c, "Kenya").contains(&"Nairobi"),
        "a capital stands for its state"
    );
    assert!(mention_texts(&c, "United States").contains(&"US"));
    assert!(
        !mention_texts(&c, "United States").contains(&"us"),
        "the pronoun 'us' is not the United States"
    );
}

#[test]
fn officials_get_title_and_country_from_the_phrase_around_their_name() {
    let c = extract(
        "Chilean Defence Minister Maria Lopez met Peru's Army Chief General Syed Omar Quispe on Monday.",
    );
    let lopez = actor(&c, "Maria Lopez");
    assert_eq!(lopez.kind, ActorKind::Official);
    assert_eq!(lopez.country.as_deref(), Some("CHL"));
    assert_eq!(lopez.title.as_deref(), Some("Defence Minister"));
    let quispe = actor(&c, "Syed Omar Quispe");
    assert_eq!(quispe.country.as_deref(), Some("PER"));
    assert_eq!(quispe.title.as_deref(), Some("Army Chief"));
    assert_eq!(quispe.code.as_deref(), Some("PERMIL"));
    assert!(has_edge(
        &c,
        InteractionKind::Consult,
        "Maria Lopez",
        "Syed Omar Quispe"
    ));
}

#[test]
fn a_title_word_written_twice_is_read_once() {
    let c = extract(
        "President President President President Lena Vasquez of Chile met Minister and Minister Karl Brandt. \
         The Deputy Deputy Deputy Trade Minister of Peru accused Germany. Deputy Deputy Deputy met France.",
    );
    let vasquez = actor(&c, "Lena Vasquez");
    assert_eq!(vasquez.title.as_deref(), Some("President"));
    assert_eq!(actor(&c, "Karl Brandt").title.as_deref(), Some("Minister"));
    let peru_official = c
        .actors
        .iter()
        .find(|a| a.kind == ActorKind::Official && a.country.as_deref() == Some("PER"))
        .expect("Peru's trade minister");
    assert_eq!(
        peru_official.title.as_deref(),
        Some("Deputy Trade Minister")
    );
    for a in &c.actors {
        for said in std::iter::once(&a.name).chain(&a.title) {
            assert!(
                !said.contains(" and ") && !said.contains("Deputy Deputy"),
                "a repeated word made {said:?}"
            );
        }
    }
}

#[test]
fn an_appositive_gives_a_named_person_their_title() {
    let c = extract("Talks began on Friday. Maria Lopez, Chile's defence minister, arrived late.");
    let lopez = actor(&c, "Maria Lopez");
    assert_eq!(lopez.country.as_deref(), Some("CHL"));
    assert_eq!(lopez.title.as_deref(), Some("Defence Minister"));
}

#[test]
fn surnames_titles_and_pronouns_refer_back_to_the_person() {
    let c = extract(
        "Chilean Defence Minister Maria Lopez arrived in Lima on Monday. Lopez met Peruvian officials. \
         The Chilean Defence Minister said the talks were useful. Her visit ends on Friday.",
    );
    let texts = mention_texts(&c, "Maria Lopez");
    assert!(texts.contains(&"Lopez"), "{texts:?}");
    assert!(texts.contains(&"Chilean Defence Minister"), "{texts:?}");
    assert!(texts.contains(&"Her"), "{texts:?}");
    assert_eq!(
        c.actors
            .iter()
            .filter(|a| a.kind == ActorKind::Official)
            .count(),
        1
    );
}

#[test]
fn an_acronym_defined_once_refers_to_its_institution_afterwards() {
    let c = extract(
        "The National Reconciliation Council (NRC) met in Accra. Later the NRC said it would publish a report.",
    );
    let nrc = actor(&c, "National Reconciliation Council");
    assert_eq!(nrc.kind, ActorKind::Institution);
    assert!(nrc.aliases.iter().any(|a| a == "NRC"));
    assert_eq!(
        mention_texts(&c, "National Reconciliation Council")
            .iter()
            .filter(|t| **t == "NRC")
            .count(),
        2
    );
}

#[test]
fn media_outlets_and_country_groups_are_institutions_of_their_country() {
    let c = extract("According to Radio Kenya, Kenyan troops crossed the border.");
    let radio = actor(&c, "Radio Kenya");
    assert_eq!(radio.kind, ActorKind::Institution);
    assert_eq!(radio.country.as_deref(), Some("KEN"));
    assert_eq!(radio.code.as_deref(), Some("KENMED"));
    let army = c
        .actors
        .iter()
        .find(|a| a.code.as_deref() == Some("KENMIL"))
        .expect("Kenyan troops");
    assert_eq!(army.kind, ActorKind::Institution);
}

#[test]
fn lexicon_words_with_one_typo_still_match_but_names_do_not() {
    let c = extract("Chilean Foriegn Minister Maria Lopez held disscussions with Bolivia.");
    let lopez = actor(&c, "Maria Lopez");
    assert_eq!(
        lopez.title.as_deref(),
        Some("Foreign Minister"),
        "the displayed title is the corrected one"
    );
    assert!(has_edge(
        &c,
        InteractionKind::Consult,
        "Maria Lopez",
        "Bolivia"
    ));
    let ev = &c.interactions[0].evidence[0];
    assert!(
        c.articles[0].text[ev.start..ev.end].contains("disscussions"),
        "the evidence stays verbatim"
    );
}

#[test]
fn both_countries_and_each_other_resolve_to_the_pair_in_focus() {
    let c = extract(
        "Chile and Peru share a long border. Both countries have accused each other of smuggling. \
         Last year both nations launched raids on each other's territory.",
    );
    assert!(has_edge(&c, InteractionKind::Accuse, "Chile", "Peru"));
    assert!(has_edge(&c, InteractionKind::Accuse, "Peru", "Chile"));
    assert!(has_edge(&c, InteractionKind::Assault, "Chile", "Peru"));
}

#[test]
fn mediation_between_two_parties_gives_one_edge_per_party() {
    let c = extract("Norway offered to mediate between Colombia and Venezuela.");
    assert!(has_edge(&c, InteractionKind::Mediate, "Norway", "Colombia"));
    assert!(has_edge(
        &c,
        InteractionKind::Mediate,
        "Norway",
        "Venezuela"
    ));
    assert!(!has_edge(
        &c,
        InteractionKind::Mediate,
        "Colombia",
        "Venezuela"
    ));
}

#[test]
fn a_possessive_visit_to_a_country_is_a_directed_visit() {
    let c = extract(
        "Chilean Defence Minister Maria Lopez ended her talks. Lopez's visit to Argentina was short.",
    );
    let e = edges(&c);
    assert!(
        e.iter().any(|(k, s, t, d, _)| *k == InteractionKind::Visit
            && s == "Maria Lopez"
            && t == "Argentina"
            && *d),
        "{e:?}"
    );
}

#[test]
fn the_passive_agent_is_the_source() {
    let c = extract("Peru was accused by Chile of violating the treaty.");
    let e = edges(&c);
    assert!(
        e.iter()
            .any(|(k, s, t, _, _)| *k == InteractionKind::Accuse && s == "Chile" && t == "Peru"),
        "{e:?}"
    );
}

#[test]
fn negation_intent_and_hypothesis_are_recorded_as_modality() {
    let c = extract("Chile did not attack Peru.");
    assert!(
        edges(&c)
            .iter()
            .any(|(k, _, _, _, m)| *k == InteractionKind::Assault && *m == Modality::Negated)
    );
    let c = extract("Chile plans to visit Peru.");
    assert!(
        edges(&c)
            .iter()
            .any(|(_, s, t, _, m)| s == "Chile" && t == "Peru" && *m == Modality::Intended)
    );
    let c = extract("Chile could impose sanctions on Peru.");
    assert!(
        edges(&c)
            .iter()
            .any(|(k, _, _, _, m)| *k == InteractionKind::Threaten && *m == Modality::Hypothetical)
    );
}

#[test]
fn refusing_to_meet_is_a_rejection() {
    let c = extract("The Chilean president refused to meet Peru's envoy.");
    let e = edges(&c);
    assert!(
        e.iter()
            .any(|(k, _, t, _, _)| *k == InteractionKind::Reject && t.contains("Peru")),
        "{e:?}"
    );
    assert!(
        !e.iter()
            .any(|(k, _, _, _, _)| *k == InteractionKind::Consult),
        "{e:?}"
    );
}

#[test]
fn a_reporter_is_not_an_argument_but_is_recorded() {
    let c = extract("Chile accused Peru of spying, Radio Kenya reported.");
    let e = edges(&c);
    assert!(
        e.iter()
            .all(|(_, s, t, _, _)| s != "Radio Kenya" && t != "Radio Kenya"),
        "{e:?}"
    );
    let it = c
        .interactions
        .iter()
        .find(|i| i.kind == InteractionKind::Accuse)
        .expect("the accusation");
    assert_eq!(it.evidence[0].reported_by.as_deref(), Some("Radio Kenya"));
    assert!(
        !it.rule.is_empty(),
        "every interaction names the rule that produced it"
    );
}

#[test]
fn a_demand_in_a_that_must_clause_is_the_speakers() {
    let c = extract("Chile said that Peru must withdraw its troops.");
    let e = edges(&c);
    assert!(
        e.iter()
            .any(|(k, s, t, _, _)| *k == InteractionKind::Demand && s == "Chile" && t == "Peru"),
        "{e:?}"
    );
}

#[test]
fn times_resolve_against_the_article_date() {
    let c = extract("Border talks resume\n\nMonday, March 2, 2020\n\nChile met Peru on Friday.");
    assert_eq!(c.articles[0].date.as_deref(), Some("2020-03-02"));
    let it = &c.interactions[0];
    assert_eq!(it.evidence[0].when.as_deref(), Some("2020-02-28"));
}

#[test]
fn the_same_person_in_two_articles_is_one_actor_and_namesakes_elsewhere_are_not() {
    let ex = Extractor::bundled();
    let mut corpus = ex.extract(
        "a.txt",
        "Chilean Defence Minister Maria Lopez met Peruvian envoys.",
    );
    corpus.merge(ex.extract("b.txt", "Chile's defence minister Lopez visited Bolivia."));
    corpus.merge(ex.extract(
        "c.txt",
        "Mexican Interior Minister Carlos Lopez spoke to reporters.",
    ));
    let lopezes: Vec<_> = corpus
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Official)
        .collect();
    assert_eq!(
        lopezes.len(),
        2,
        "{:?}",
        lopezes.iter().map(|a| &a.name).collect::<Vec<_>>()
    );
    let maria = lopezes.iter().find(|a| a.name == "Maria Lopez").unwrap();
    assert_eq!(
        maria
            .mentions
            .iter()
            .map(|m| m.article.as_str())
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        2
    );
}

#[test]
fn a_mutual_act_between_two_parties_links_them_not_the_one_who_welcomes_it() {
    let c = extract("The Norwegian minister welcomed the agreement between Chile and Peru.");
    assert!(
        has_edge(&c, InteractionKind::Agree, "Chile", "Peru"),
        "{:?}",
        edges(&c)
    );
    assert!(
        !edges(&c)
            .iter()
            .any(|(k, s, _, _, _)| *k == InteractionKind::Agree && s.contains("Minister"))
    );
}

#[test]
fn well_known_people_named_by_surname_get_their_full_name_and_country() {
    let c = extract("Putin met Erdogan in Sochi on Monday.");
    let putin = actor(&c, "Vladimir Putin");
    assert_eq!(putin.country.as_deref(), Some("RUS"));
    assert!(mention_texts(&c, "Vladimir Putin").contains(&"Putin"));
    assert!(has_edge(
        &c,
        InteractionKind::Consult,
        "Vladimir Putin",
        actor(&c, "Erdogan").name.as_str()
    ));
}

#[test]
fn a_group_followed_by_its_country_is_that_countrys_group() {
    let c = extract("Rebels in Chile attacked an army post.");
    let rebels = c
        .actors
        .iter()
        .find(|a| a.code.as_deref() == Some("CHLREB"))
        .expect("the rebels of Chile");
    assert_eq!(rebels.country.as_deref(), Some("CHL"));
}

#[test]
fn a_media_wing_is_the_public_relations_body_the_article_names() {
    let c = extract(
        "According to the Kenyan military's media wing, troops crossed the border. \
         The Defence Press Office (DPO) later confirmed the crossing.",
    );
    let dpo = actor(&c, "Defence Press Office");
    assert_eq!(
        dpo.country.as_deref(),
        Some("KEN"),
        "the wing's country passes to the body"
    );
    assert!(
        mention_texts(&c, "Defence Press Office")
            .iter()
            .any(|t| t.contains("media wing"))
    );
}

#[test]
fn a_title_alone_refers_to_the_one_person_named_without_an_office() {
    let c = extract(
        "Maria Lopez arrived in Lima on Monday. The Chilean Foreign Minister said the talks went well.",
    );
    let lopez = actor(&c, "Maria Lopez");
    assert_eq!(lopez.title.as_deref(), Some("Foreign Minister"));
    assert_eq!(lopez.country.as_deref(), Some("CHL"));
}

#[test]
fn a_titled_official_of_unstated_country_in_a_one_country_article_is_of_that_country() {
    let c = extract("President Juan Perez resigned on Sunday after weeks of protests in Chile.");
    assert_eq!(actor(&c, "Juan Perez").country.as_deref(), Some("CHL"));
}

#[test]
fn a_body_named_in_an_officials_title_is_their_affiliation() {
    let c = extract("UN Secretary-General Ban Ki-moon met Chilean officials.");
    let ban = actor(&c, "Ban Ki-moon");
    let un = actor(&c, "United Nations");
    assert!(ban.affiliations.contains(&un.id), "{:?}", ban.affiliations);
    assert!(ban.code.as_deref().is_some_and(|c| c.starts_with("IGO")));
}

#[test]
fn a_place_name_after_a_demonym_is_not_a_person() {
    let c = extract("Farmers of the Chilean Aconcagua Valley protested on Friday.");
    assert!(
        c.actors.iter().all(|a| a.kind != ActorKind::Official),
        "'Aconcagua Valley' is a place: {:?}",
        c.actors
            .iter()
            .map(|a| (&a.name, a.kind))
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_known_international_official_is_coded_as_international_not_by_the_article_country() {
    let c = extract("Peru welcomed Kofi Annan on Monday.");
    let annan = actor(&c, "Kofi Annan");
    assert_eq!(
        annan.country, None,
        "a UN official belongs to no member state"
    );
    assert_eq!(annan.code.as_deref(), Some("IGO"));
}

#[test]
fn a_country_before_a_verb_is_not_a_group_with_the_verb_in_its_name() {
    let c = extract("Chile expelled monitors of the World Health Organization on Tuesday.");
    assert!(
        c.actors.iter().all(|a| !a.name.contains("expelled")),
        "{:?}",
        c.actors.iter().map(|a| &a.name).collect::<Vec<_>>()
    );
    assert!(has_edge(
        &c,
        InteractionKind::Sanction,
        "Chile",
        "World Health Organization"
    ));
}

#[test]
fn a_demand_made_of_someone_names_them_after_from() {
    let c =
        extract("Peruvian farmers demanded compensation from the Bolivian government on Monday.");
    assert!(
        has_edge(&c, InteractionKind::Demand, "Peruvian farmers", "Bolivia"),
        "{:?}",
        edges(&c)
    );
}

#[test]
fn an_answer_to_a_request_is_directed_at_the_one_who_made_it() {
    let c = extract("Chile on Tuesday rejected a new proposal from Bolivia for border talks.");
    assert!(
        has_edge(&c, InteractionKind::Reject, "Chile", "Bolivia"),
        "{:?}",
        edges(&c)
    );
    let c = extract(
        "Ecuador has refused to answer a request from the Peruvian president to pull back.",
    );
    assert!(
        edges(&c)
            .iter()
            .any(|(k, s, _, _, _)| *k == InteractionKind::Reject && s == "Ecuador"),
        "{:?}",
        edges(&c)
    );
}

#[test]
fn a_protest_made_to_demand_something_of_someone_is_a_protest_against_them() {
    let c = extract(
        "Thousands of Chilean students staged mass demonstrations on Friday to demand reforms from President Gabriel Boric.",
    );
    let e = edges(&c);
    assert!(
        e.iter()
            .any(|(k, s, t, _, _)| *k == InteractionKind::Protest
                && s == "Chilean students"
                && t == "Gabriel Boric"),
        "{e:?}"
    );
    assert!(
        !e.iter()
            .any(|(k, _, _, _, _)| *k == InteractionKind::Demand),
        "the demand is what the protest is for, not a second event: {e:?}"
    );
}

#[test]
fn the_maker_of_a_demand_named_after_it_is_not_the_one_asked() {
    let c = extract("Peru ignored a demand from Chile to withdraw its troops.");
    assert!(
        !edges(&c)
            .iter()
            .any(|(k, s, t, _, _)| *k == InteractionKind::Demand && s == "Peru" && t == "Chile"),
        "{:?}",
        edges(&c)
    );
}

#[test]
fn a_group_named_without_a_country_belongs_to_the_country_of_its_sentence() {
    let c = extract("The Peruvian government on Friday accepted demands from Quechua farmers.");
    let farmers = actor(&c, "Quechua farmers");
    assert_eq!(farmers.country.as_deref(), Some("PER"));
    assert!(
        has_edge(&c, InteractionKind::Concede, "Peru", "Quechua farmers"),
        "{:?}",
        edges(&c)
    );

    let c = extract(
        "Chilean police fired tear gas to disperse student protesters in Temuco on Monday.",
    );
    assert_eq!(
        actor(&c, "student protesters").country.as_deref(),
        Some("CHL")
    );
}

#[test]
fn a_group_after_a_possessive_is_the_possessors_not_the_places() {
    let c = extract(
        "The African Union rejected a plea for its peacekeeping troops to deploy to Haiti.",
    );
    assert!(
        c.actors
            .iter()
            .all(|a| !(a.kind == ActorKind::Institution && a.country.as_deref() == Some("HTI"))),
        "{:?}",
        c.actors
            .iter()
            .map(|a| (&a.name, &a.country))
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_demonym_before_an_ethnic_plural_names_people_of_that_country() {
    let c = extract("Thousands of Iraqi Kurds marched in Erbil on Sunday.");
    let kurds = actor(&c, "Iraqi Kurds");
    assert_eq!(kurds.kind, ActorKind::Institution);
    assert_eq!(kurds.country.as_deref(), Some("IRQ"));
}

#[test]
fn lifting_a_restriction_is_a_concession_not_the_restriction() {
    let c = extract("The Chilean army on Friday lifted a week-old blockade on Bolivian trucks.");
    let e = edges(&c);
    assert!(
        e.iter()
            .any(|(k, s, t, _, _)| *k == InteractionKind::Concede
                && s == "Chile military"
                && t == "Bolivia"),
        "{e:?}"
    );
    assert!(
        !e.iter()
            .any(|(k, _, _, _, _)| *k == InteractionKind::Assault),
        "the blockade is what ended: {e:?}"
    );

    let c = extract("Peru agreed to lift its embargo on Ecuador.");
    let e = edges(&c);
    assert!(
        e.iter()
            .any(|(k, s, t, _, _)| *k == InteractionKind::Agree && s == "Peru" && t == "Ecuador"),
        "{e:?}"
    );
    assert_eq!(e.len(), 1, "one event, the agreement to lift: {e:?}");
}

#[test]
fn a_surname_administration_is_the_state_of_the_people_of_that_surname() {
    let c = extract("The Bush administration said that Venezuela must release the prisoners.");
    assert!(
        has_edge(&c, InteractionKind::Demand, "United States", "Venezuela"),
        "{:?}",
        edges(&c)
    );
}

#[test]
fn a_body_after_a_countrys_possessive_is_that_countrys() {
    let c = extract("Peru's Constitutional Tribunal on Monday rejected the appeal.");
    let court = actor(&c, "Constitutional Tribunal");
    assert_eq!(court.country.as_deref(), Some("PER"));
}

#[test]
fn a_noun_trigger_after_its_modifiers_reads_as_a_noun_and_takes_the_tense_of_its_verb() {
    let c = extract("Chile announced on Tuesday it will tighten the sea blockade of Bolivia.");
    let e = edges(&c);
    assert!(
        e.iter()
            .any(|(k, s, t, _, m)| *k == InteractionKind::Threaten
                && s == "Chile"
                && t == "Bolivia"
                && *m == Modality::Intended),
        "an announced blockade is a threat: {e:?}"
    );
}

#[test]
fn military_exercises_held_jointly_are_military_cooperation() {
    let c = extract("Chilean and Peruvian warships on Monday began war games in the Pacific.");
    let e = edges(&c);
    assert!(
        e.iter()
            .any(|(k, _, _, _, _)| *k == InteractionKind::Cooperate),
        "{e:?}"
    );
    assert!(
        !e.iter()
            .any(|(k, _, _, _, _)| *k == InteractionKind::Mobilize),
        "{e:?}"
    );
}

#[test]
fn being_opposed_to_something_is_a_rejection_by_the_subject() {
    let c = extract("Chile is opposed to Peruvian mediation in the dispute.");
    assert!(
        edges(&c)
            .iter()
            .any(|(k, s, t, _, _)| *k == InteractionKind::Reject && s == "Chile" && t == "Peru"),
        "{:?}",
        edges(&c)
    );
}

#[test]
fn a_protest_whose_purpose_names_no_one_is_aimed_at_its_place() {
    let c = extract(
        "Hundreds of Bolivian miners marched in the mining town of Potosi on Saturday calling for better pay.",
    );
    assert!(
        edges(&c)
            .iter()
            .any(|(k, s, t, _, _)| *k == InteractionKind::Protest
                && s == "Bolivian miners"
                && t == "Bolivia"),
        "{:?}",
        edges(&c)
    );
}

#[test]
fn the_one_given_a_noun_trigger_is_its_target() {
    let c = extract(
        "The European Union on Monday gave Honduras 12 million euros of aid for flood relief.",
    );
    assert!(
        has_edge(&c, InteractionKind::Aid, "European Union", "Honduras"),
        "{:?}",
        edges(&c)
    );
}

#[test]
fn a_threat_is_aimed_at_the_one_who_must_act_unless() {
    let c = extract(
        "Bolivian miners threatened on Tuesday to walk off the job unless Chile dropped its tariffs.",
    );
    assert!(
        edges(&c)
            .iter()
            .any(|(k, s, t, _, _)| *k == InteractionKind::Threaten
                && s == "Bolivian miners"
                && t == "Chile"),
        "{:?}",
        edges(&c)
    );
}

#[test]
fn forces_after_a_possessive_are_the_possessors_stationed_abroad() {
    let c = extract("Chile has reinforced its forces in Bolivia.");
    assert!(
        c.actors.iter().all(|a| a.name != "Bolivia military"),
        "{:?}",
        c.actors.iter().map(|a| &a.name).collect::<Vec<_>>()
    );
    assert!(
        has_edge(&c, InteractionKind::Mobilize, "Chile", "Bolivia"),
        "{:?}",
        edges(&c)
    );
}

#[test]
fn a_speaker_after_an_article_and_adjectives_still_makes_a_must_clause_a_demand() {
    let c = extract("A senior Chilean minister reiterated that Bolivia must return the trucks.");
    assert!(
        edges(&c)
            .iter()
            .any(|(k, _, t, _, _)| *k == InteractionKind::Demand && t == "Bolivia"),
        "{:?}",
        edges(&c)
    );
}

#[test]
fn a_fight_after_a_supported_party_is_that_partys_fight() {
    let c = extract(
        "Chile repeated its backing for the Government of Peru in the fight against the Taliban.",
    );
    let e = edges(&c);
    assert!(
        e.iter()
            .any(|(k, s, _, _, _)| *k == InteractionKind::Assault && s == "Peru"),
        "{e:?}"
    );
    assert!(
        !e.iter()
            .any(|(k, s, _, _, _)| *k == InteractionKind::Assault && s == "Chile"),
        "Chile supports, Peru fights: {e:?}"
    );
}

#[test]
fn a_gerund_after_a_preposition_has_the_subject_of_its_clause() {
    let c = extract("Colombian troops, focused on defeating the FARC, advanced on Monday.");
    assert!(
        edges(&c)
            .iter()
            .any(|(k, s, _, _, _)| *k == InteractionKind::Assault && s == "Colombia military"),
        "{:?}",
        edges(&c)
    );
}

#[test]
fn an_agreement_reached_between_two_parties_is_theirs_not_the_welcomers() {
    let c = extract(
        "Chile welcomed the agreement concluded last week between Peru and Ecuador on fishing.",
    );
    let e = edges(&c);
    assert!(
        has_edge(&c, InteractionKind::Agree, "Peru", "Ecuador"),
        "{e:?}"
    );
    assert!(
        !e.iter()
            .any(|(k, s, _, _, _)| *k == InteractionKind::Agree && s == "Chile"),
        "{e:?}"
    );
}

#[test]
fn a_war_named_for_two_countries_is_fought_by_each_against_the_other() {
    let c = extract("He served in the Peru-Ecuador War of 1941.");
    assert!(
        edges(&c)
            .iter()
            .any(|(k, s, t, _, _)| *k == InteractionKind::Assault && s == "Peru" && t == "Ecuador"),
        "{:?}",
        edges(&c)
    );
    assert!(
        edges(&c)
            .iter()
            .any(|(k, s, t, _, _)| *k == InteractionKind::Assault && s == "Ecuador" && t == "Peru"),
        "{:?}",
        edges(&c)
    );
}

#[test]
fn partners_named_in_a_strike_fight_its_target_and_a_nearer_ally_is_not_it() {
    let c = extract(
        "Coalition forces conducted 9 strikes jointly with and in support of Mali's government using drones as well as mortars against Boko Haram camps.",
    );
    let e = edges(&c);
    assert!(
        !e.iter()
            .any(|(k, _, t, _, _)| *k == InteractionKind::Assault && t == "Mali"),
        "the ally is not attacked: {e:?}"
    );
    assert!(
        e.iter()
            .any(|(k, s, t, _, _)| *k == InteractionKind::Assault
                && s == "Mali"
                && t == "Boko Haram"),
        "{e:?}"
    );
}

#[test]
fn an_act_in_an_opening_adverbial_is_done_by_the_subject_after_the_comma() {
    let c = extract(
        "Meanwhile in the drive to defeat the Taliban, Afghan troops have opened a new front.",
    );
    assert!(
        edges(&c)
            .iter()
            .any(|(k, s, t, _, _)| *k == InteractionKind::Assault
                && s == "Afghanistan military"
                && t == "Taliban"),
        "{:?}",
        edges(&c)
    );
}

#[test]
fn the_verb_of_a_relative_clause_is_done_by_the_actor_before_which() {
    let c = extract(
        "Chile condemned the Taliban's raids near the city of Herat, which targeted and killed many Afghan civilians.",
    );
    let e = edges(&c);
    assert!(
        e.iter()
            .any(|(k, s, t, _, _)| *k == InteractionKind::Assault
                && s == "Taliban"
                && t == "Afghan civilians"),
        "{e:?}"
    );
    assert!(
        !e.iter()
            .any(|(k, s, _, _, _)| *k == InteractionKind::Assault && s == "Chile"),
        "{e:?}"
    );
}

#[test]
fn posing_a_threat_is_a_threat_by_the_subject() {
    let c = extract("Al-Shabaab still poses a threat to Kenya.");
    assert!(
        edges(&c)
            .iter()
            .any(|(k, _, t, _, _)| *k == InteractionKind::Threaten && t == "Kenya"),
        "{:?}",
        edges(&c)
    );
}

#[test]
fn the_agent_of_a_participle_is_not_the_agent_or_target_of_the_noun_before_it() {
    let c = extract(
        "Chile remarked on violations of the ceasefire in Sudan reported by Egypt and Qatar on Friday.",
    );
    assert!(
        !edges(&c)
            .iter()
            .any(|(k, _, _, _, _)| *k == InteractionKind::Assault),
        "{:?}",
        edges(&c)
    );
    let c = extract(
        "Raul Mendez hid in a farmhouse for weeks. In 2009 he was bombed and wounded by Peruvian jets.",
    );
    assert!(
        edges(&c)
            .iter()
            .any(|(k, s, _, _, _)| *k == InteractionKind::Assault && s.starts_with("Peru")),
        "{:?}",
        edges(&c)
    );
}

#[test]
fn returning_to_a_country_is_no_concession() {
    let c = extract(
        "Ambassador Maria Lopez has completed her consultations in Lima and is returning to Chile.",
    );
    assert!(
        !edges(&c)
            .iter()
            .any(|(k, _, _, _, _)| *k == InteractionKind::Concede),
        "{:?}",
        edges(&c)
    );
}

#[test]
fn a_purpose_clause_keeps_its_own_object() {
    let c = extract("The Arctic Council regularly meets to coordinate efforts to counter Russia.");
    assert!(
        !edges(&c)
            .iter()
            .any(|(k, _, _, _, _)| *k == InteractionKind::Consult),
        "{:?}",
        edges(&c)
    );
}

#[test]
fn international_forces_in_a_country_are_not_that_countrys_forces() {
    let c = extract("All foreign troops in Mali should work with the Government of Mali.");
    assert!(
        c.actors.iter().all(|a| a.name != "Mali military"),
        "{:?}",
        c.actors.iter().map(|a| &a.name).collect::<Vec<_>>()
    );
}

#[test]
fn being_in_touch_updating_and_helping_are_interactions() {
    let c = extract("Chile has been in touch with top Peruvian diplomats since Friday.");
    assert!(
        edges(&c)
            .iter()
            .any(|(k, _, t, _, _)| *k == InteractionKind::Consult && t == "Peru"),
        "{:?}",
        edges(&c)
    );
    let c = extract("The World Bank updated Security Council envoys on Friday.");
    assert!(
        edges(&c)
            .iter()
            .any(|(k, _, _, _, _)| *k == InteractionKind::Consult),
        "{:?}",
        edges(&c)
    );
}

#[test]
fn an_effort_to_act_is_the_act_of_the_one_whose_effort_it_is() {
    let c = extract("The signing underscores ongoing Chilean efforts to help the people of Haiti.");
    assert!(
        edges(&c)
            .iter()
            .any(|(k, s, _, _, _)| *k == InteractionKind::Aid && s == "Chile"),
        "{:?}",
        edges(&c)
    );
}

#[test]
fn support_provided_for_a_group_is_from_every_provider() {
    let c = extract(
        "The Royal Danish Air Force and other Coalition forces have provided close air support for trained, local Malian ground troops.",
    );
    let e = edges(&c);
    assert!(
        e.iter()
            .any(|(k, s, _, _, _)| *k == InteractionKind::Support && s == "Royal Danish Air Force"),
        "{e:?}"
    );
    assert!(
        e.iter()
            .any(|(k, s, _, _, _)| *k == InteractionKind::Support && s == "Coalition"),
        "{e:?}"
    );
}

#[test]
fn we_in_an_officials_quote_is_their_state() {
    let c = extract(
        "Peru hosted the summit on Monday.\n\nChilean Foreign Minister Maria Lopez said:\n\nWe condemn Bolivia.",
    );
    assert!(
        has_edge(&c, InteractionKind::Accuse, "Chile", "Bolivia"),
        "{:?}",
        edges(&c)
    );
}

#[test]
fn a_participle_after_a_plain_noun_belongs_to_that_noun() {
    let c = extract("Chile is pursuing traders and companies supporting the Bolivian militias.");
    assert!(
        !edges(&c)
            .iter()
            .any(|(k, s, _, _, _)| *k == InteractionKind::Support && s == "Chile"),
        "the companies support the militias, not Chile: {:?}",
        edges(&c)
    );
}

#[test]
fn an_unknown_full_name_whose_surname_recurs_is_a_person_with_those_mentions() {
    let c = extract(
        "Darek Moravi is a Chilean general. Moravi was a commander in the army. He refused to attack Peru.",
    );
    let q = actor(&c, "Darek Moravi");
    assert_eq!(q.kind, ActorKind::Official);
    let said = mention_texts(&c, "Darek Moravi");
    assert!(said.contains(&"Moravi") && said.contains(&"He"), "{said:?}");
    // Capitalised words whose last one never stands alone again are not someone's name: a headline's
    // "Sign Water Sharing Accord", a project's "Blue Harbour Lab".
    let c = extract(
        "Chile and Peru Sign Water Sharing Accord\n\nThe accord sets out how the two countries share water.",
    );
    assert!(
        c.actors.iter().all(|a| a.kind != ActorKind::Official),
        "{:?}",
        c.actors.iter().map(|a| &a.name).collect::<Vec<_>>()
    );
}

#[test]
fn a_name_particle_alone_is_nobodys_name() {
    let c = extract(
        "Karim al-Haddad was a pilot. Samir al-Tamimi, a native of Al-Rutba, was detained by Jordanian police.",
    );
    let karim = actor(&c, "Karim al-Haddad");
    assert!(
        !mention_texts(&c, "Karim al-Haddad").contains(&"Al"),
        "{:?}",
        karim.mentions.len()
    );
}

#[test]
fn a_body_found_by_its_shape_in_a_one_country_article_is_of_that_country() {
    let c = extract("Peruvian farmers held a sit-in in front of the National Congress on Friday.");
    assert_eq!(
        actor(&c, "National Congress").country.as_deref(),
        Some("PER")
    );
    let c = extract("The Global Heritage Fund will pay for repairs in Peru.");
    assert_eq!(
        actor(&c, "Global Heritage Fund").country,
        None,
        "a body whose name claims a wider reach keeps none"
    );
}

#[test]
fn a_bare_title_and_its_body_after_a_name_are_the_persons_not_the_subject() {
    let c = extract(
        "Admiral Maria Lopez, commander, Chilean Navy, met with Peruvian officials in Lima on Friday.",
    );
    let lopez = actor(&c, "Maria Lopez");
    assert_eq!(lopez.title.as_deref(), Some("Commander"));
    assert!(
        mention_texts(&c, "Maria Lopez").contains(&"commander"),
        "the title is a mention of her"
    );
    let navy = actor(&c, "Chilean Navy");
    assert!(
        lopez.affiliations.contains(&navy.id),
        "the body the title is held in is hers: {:?}",
        lopez.affiliations
    );
    assert!(
        has_edge(&c, InteractionKind::Consult, "Maria Lopez", "Peru"),
        "{:?}",
        edges(&c)
    );
    assert!(
        !has_edge(&c, InteractionKind::Consult, "Chilean Navy", "Peru"),
        "the body is not the one who met"
    );
}

#[test]
fn a_middle_initial_stays_inside_the_name() {
    let c = extract(
        "Norwegian Army Chief General Anna K. Berg met Danish officials in Oslo. Berg praised the talks.",
    );
    let berg = actor(&c, "Anna K. Berg");
    assert_eq!(berg.country.as_deref(), Some("NOR"));
    assert!(
        mention_texts(&c, "Anna K. Berg").contains(&"Berg"),
        "the surname alone is her too"
    );
    assert!(
        c.actors.iter().all(|a| a.name != "Anna K"),
        "{:?}",
        c.actors.iter().map(|a| &a.name).collect::<Vec<_>>()
    );
}

#[test]
fn a_bodys_title_without_a_name_is_an_official_of_that_body() {
    let c = extract(
        "A Defence Ministry spokesman said the envoy would travel to Chile. Gen. Anna Berg, Chilean Navy commander, praised the plan.",
    );
    let spokesman = c
        .actors
        .iter()
        .find(|a| a.kind == ActorKind::Official && a.title.as_deref() == Some("Spokesperson"));
    let spokesman = spokesman
        .unwrap_or_else(|| panic!("{:?}", c.actors.iter().map(|a| &a.name).collect::<Vec<_>>()));
    let office = actor(&c, "Defence Ministry");
    assert!(
        spokesman.affiliations.contains(&office.id),
        "{:?}",
        spokesman.affiliations
    );
    assert_eq!(
        spokesman.name, "Defence Ministry spokesperson",
        "named by the body, not just 'Spokesperson'"
    );
    // After a name, "<body> <title>" is the person's title and body, not a separate actor.
    let berg = actor(&c, "Anna Berg");
    assert_eq!(berg.title.as_deref(), Some("Commander"));
    assert!(
        mention_texts(&c, "Anna Berg").contains(&"Chilean Navy commander"),
        "{:?}",
        mention_texts(&c, "Anna Berg")
    );
}

#[test]
fn numbered_units_keep_their_number_and_an_origin_is_not_a_target() {
    let c = extract(
        "Chilean marines, deployed from the 21st Marine Squadron, reached the border. The 4th Fighter Wing flew patrols.",
    );
    let squadron = actor(&c, "21st Marine Squadron");
    assert_eq!(squadron.kind, ActorKind::Institution);
    assert!(actor(&c, "4th Fighter Wing").kind == ActorKind::Institution);
    assert!(
        !edges(&c)
            .iter()
            .any(|(k, _, t, _, _)| *k == InteractionKind::Mobilize && t == "21st Marine Squadron"),
        "deployed from a unit is not deployed against it: {:?}",
        edges(&c)
    );
}

#[test]
fn a_listed_persons_office_is_the_texts_to_say() {
    // The gazetteer lists Boris Johnson as a prime minister; this text makes him Foreign Secretary, and an
    // unnamed spokesman of a ministry is not him.
    let c = extract(
        "Boris Johnson landed in Rome. A Home Office spokesman confirmed that the Foreign Secretary held talks with Italian officials.",
    );
    let johnson = actor(&c, "Boris Johnson");
    assert_eq!(johnson.title.as_deref(), Some("Foreign Secretary"));
    assert!(
        mention_texts(&c, "Boris Johnson").contains(&"Foreign Secretary"),
        "{:?}",
        mention_texts(&c, "Boris Johnson")
    );
    assert!(
        !mention_texts(&c, "Boris Johnson")
            .iter()
            .any(|m| m.contains("spokesman"))
    );
}

#[test]
fn a_country_and_a_group_joined_by_and_are_two_phrases() {
    let c = extract("Portugal said it would help Morocco and all fishermen stranded at sea.");
    assert!(
        c.actors.iter().all(|a| !a.name.contains(" and ")),
        "{:?}",
        c.actors.iter().map(|a| &a.name).collect::<Vec<_>>()
    );
    assert!(c.actors.iter().any(|a| a.name == "Morocco"));
}

#[test]
fn a_surname_of_a_party_is_the_person_not_an_institution() {
    let c = extract(
        "Senator Dana Whitlow of the Civic Party opposed the bill. On Tuesday Whitlow of Civic Party met the minister.",
    );
    let names: Vec<&String> = c.actors.iter().map(|a| &a.name).collect();
    assert!(!names.iter().any(|n| n.contains("Whitlow of")), "{names:?}");
    assert!(
        mention_texts(&c, "Dana Whitlow").contains(&"Whitlow"),
        "{names:?}"
    );
}

#[test]
fn a_city_is_no_alias_of_its_country() {
    let c = extract("Fighting near Porto killed four soldiers, Portugal said.");
    assert!(
        !actor(&c, "Portugal").aliases.iter().any(|a| a == "Porto"),
        "{:?}",
        actor(&c, "Portugal").aliases
    );
}

#[test]
fn a_bare_title_is_not_the_named_official_it_speaks_with() {
    let c = extract(
        "Readout of the President's Call with President Ana Maria Ruiz of Chile\n\nThe President spoke today with Chilean President Ana Maria Ruiz about deepening our cooperation on trade.",
    );
    assert!(
        !edges(&c)
            .iter()
            .any(|(k, _, _, _, _)| *k == InteractionKind::Consult),
        "no one speaks with herself: {:?}",
        edges(&c)
    );
}

#[test]
fn a_verb_the_parse_gave_two_subjects_takes_the_one_that_names_someone() {
    let c = extract(
        "Chilean helicopters using precision guided rockets killed 3 Bolivians near the border.",
    );
    assert!(
        has_edge(&c, InteractionKind::Assault, "Chile", "Bolivia"),
        "{:?}",
        edges(&c)
    );
}

#[test]
fn i_is_the_person_quoted_or_the_subject_of_an_interview() {
    let text = "Tomas Vell, harbour master of Kestrel Bay, interviewed by the Daily Ledger\n\nVell met Peruvian officials last week.\n\nWhy did you start?\n\nLike Tomas Ortega before me, I wanted to help. My aim is simple, and Ana Ruiz agrees.";
    let c = extract(text);
    let vell = mention_texts(&c, "Tomas Vell");
    assert!(
        vell.contains(&"I") && vell.contains(&"My") && vell.contains(&"you"),
        "{vell:?}"
    );
    assert!(
        c.actors.iter().all(|a| !a.name.starts_with("Like ")),
        "{:?}",
        c.actors.iter().map(|a| &a.name).collect::<Vec<_>>()
    );
}

#[test]
fn an_acronym_of_a_body_named_before_is_that_body() {
    let c = extract(
        "The Andean Water Council met Peruvian officials on Monday. Later the AWC said it would act.",
    );
    assert!(
        mention_texts(&c, "Andean Water Council").contains(&"AWC"),
        "{:?}",
        c.actors.iter().map(|a| &a.name).collect::<Vec<_>>()
    );
}

#[test]
fn a_body_named_with_and_without_its_country_is_one_actor() {
    let c = extract(
        "The Peruvian Coastal Authority seized two boats on Monday. Chile protested, and the Coastal Authority said the boats had entered Peruvian waters.",
    );
    let bodies: Vec<&String> = c
        .actors
        .iter()
        .filter(|a| a.name.contains("Coastal Authority"))
        .map(|a| &a.name)
        .collect();
    assert_eq!(bodies.len(), 1, "{bodies:?}");
}

#[test]
fn its_is_the_body_last_named() {
    let c = extract(
        "Peru hosted the talks. The Andean Water Council said on Monday that its inspectors had found no fault.",
    );
    assert!(
        mention_texts(&c, "Andean Water Council").contains(&"its"),
        "{:?}",
        mention_texts(&c, "Andean Water Council")
    );
}

#[test]
fn an_ethnic_people_belongs_to_the_country_the_text_is_about() {
    let c = extract("Peruvian police arrested ten ethnic Bolivians in southern Peru on Friday.");
    assert!(
        !edges(&c).iter().any(|(_, _, t, _, _)| t == "Bolivia"),
        "{:?}",
        edges(&c)
    );
    assert!(
        c.actors.iter().all(|a| a.name != "Bolivia"),
        "{:?}",
        c.actors.iter().map(|a| &a.name).collect::<Vec<_>>()
    );
}

#[test]
fn a_directed_act_on_no_one_named_is_on_the_place_it_happened_in() {
    // The attackers act in a city of another country and name no victim that is an actor: the attack
    // is on that country. Talks held in a city only have a venue.
    let c = extract(
        "Rebels from Chad shelled a market in Khartoum on Tuesday. Chad's foreign minister held talks in Paris on Friday.",
    );
    assert!(
        has_edge(&c, InteractionKind::Assault, "Rebels from Chad", "Sudan"),
        "{:?}",
        edges(&c)
    );
    assert!(
        !edges(&c)
            .iter()
            .any(|(_, s, t, _, _)| s == "France" || t == "France"),
        "{:?}",
        edges(&c)
    );
}

#[test]
fn a_generational_suffix_and_a_visiting_modifier_stay_with_the_official() {
    let c = extract("Spain's visiting King Felipe VII met the Chilean president in Santiago.");
    let names: Vec<&str> = c.actors.iter().map(|a| a.name.as_str()).collect();
    assert!(!names.contains(&"VII"), "{names:?}");
    let king = c
        .actors
        .iter()
        .find(|a| a.name.ends_with("Felipe VII"))
        .unwrap_or_else(|| panic!("{names:?}"));
    assert_eq!(king.country.as_deref(), Some("ESP"));
}

#[test]
fn an_act_named_as_the_object_of_a_demand_gives_the_demand_its_target() {
    // The sanctions are against Chile; the execution's victim is no target of the call.
    let c = extract(
        "The bishop Maria Lopez called for sanctions against Chile after the execution of Pedro Ruiz.",
    );
    assert!(
        edges(&c)
            .iter()
            .any(|(k, s, t, _, _)| *k == InteractionKind::Demand
                && s == "Maria Lopez"
                && t == "Chile"),
        "{:?}",
        edges(&c)
    );
    assert!(
        !edges(&c).iter().any(|(_, _, t, _, _)| t == "Pedro Ruiz"),
        "{:?}",
        edges(&c)
    );
}

#[test]
fn a_bare_surname_is_the_person_whose_name_ends_with_it() {
    let c = extract(
        "Marta Ruiz opened the show in Lisbon on Monday. The Marta Ruiz Photographic Legacy Program \
         gave the prints. Critics praised Ruiz for the colours.",
    );
    assert_eq!(mention_texts(&c, "Marta Ruiz"), ["Marta Ruiz", "Ruiz"]);
}

#[test]
fn a_recurring_unknown_name_is_one_body_but_no_party_to_acts() {
    let c = extract(
        "Staff at Zentrix said the app would close. The board of Zentrix met on Friday. \
         France accused Zentrix of fraud.",
    );
    let z = actor(&c, "Zentrix");
    assert_eq!(z.kind, ActorKind::Institution);
    assert!(z.mentions.len() >= 2, "{:?}", mention_texts(&c, "Zentrix"));
    assert!(
        c.interactions
            .iter()
            .all(|i| i.source != z.id && i.target != z.id),
        "{:?}",
        edges(&c)
    );
}

#[test]
fn a_firm_named_with_its_corporate_suffix_is_later_its_short_name() {
    let c = extract(
        "Shares of Zentrix Inc. fell on Monday. Analysts said Zentrix had lost users to rivals.",
    );
    let z = actor(&c, "Zentrix Inc");
    assert_eq!(z.kind, ActorKind::Institution);
    assert_eq!(mention_texts(&c, "Zentrix Inc"), ["Zentrix Inc", "Zentrix"]);
}

#[test]
fn the_company_is_the_body_most_recently_named() {
    let c = extract(
        "Zentrix Inc. opened an office in Lima on Monday. The company said it would hire staff.",
    );
    assert!(
        mention_texts(&c, "Zentrix Inc").contains(&"The company"),
        "{:?}",
        mention_texts(&c, "Zentrix Inc")
    );
}

#[test]
fn an_attack_by_no_one_named_is_coded_from_where_it_happened() {
    let c =
        extract("Two French soldiers were killed by a roadside bomb outside Kandahar on Monday.");
    assert!(
        has_edge(
            &c,
            InteractionKind::Assault,
            "Afghanistan",
            "France military"
        ),
        "{:?}",
        edges(&c)
    );
}

#[test]
fn a_portfolio_after_for_is_part_of_the_title() {
    let c = extract("Minister for Africa James Verel met Kenyan officials in Nairobi on Monday.");
    let verel = actor(&c, "James Verel");
    assert_eq!(verel.title.as_deref(), Some("Minister for Africa"));
    let c = extract("Peru thanked the Foreign Minister for Chile's help with the talks.");
    assert!(actor(&c, "Chile").mentions.len() == 1, "{:?}", c.actors);
}

#[test]
fn the_regime_with_none_called_one_is_the_country_in_focus() {
    let c =
        extract("Fighting went on in Syria on Monday. The regime blamed foreign fighters for it.");
    assert!(
        mention_texts(&c, "Syria").contains(&"The regime"),
        "{:?}",
        mention_texts(&c, "Syria")
    );
}

#[test]
fn an_unknown_name_after_an_occupation_noun_is_a_person() {
    let c = extract("The exhibit shows portraits of the novelist Zorvek Moravi and of Lisbon.");
    assert_eq!(actor(&c, "Zorvek Moravi").kind, ActorKind::Official);
}

#[test]
fn the_country_is_the_country_last_named() {
    let c = extract("Kenya held elections on Monday. Observers said the country was calm.");
    assert!(
        mention_texts(&c, "Kenya").contains(&"the country"),
        "{:?}",
        mention_texts(&c, "Kenya")
    );
}
