//! Corrections as a log over the extraction: each operation on a small corpus, undo and redo, the log
//! applied again to a corpus extracted from a changed text, and the corpus after every edit still a valid
//! corpus file.

use actormap::corpus::merge::interaction_id;
use actormap::corpus::{
    self, Actor, ActorKind, Article, Corpus, Evidence, Interaction, InteractionKind, Mention,
    MentionVia, Modality, Span,
};
use actormap::curation::{Applied, Edit, EditLog, HAND_RULE, apply};
use actormap::extract::Extractor;

/// A corpus built by hand, with offsets found by the words they cover.
struct Build(Corpus);

/// The byte span of the `nth` occurrence (from 0) of `needle` in `text`.
fn find(text: &str, needle: &str, nth: usize) -> Span {
    let start = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} not in {text:?}"))
        .0;
    Span::new(start, start + needle.len())
}

/// Where a sentence says it: (article, the source's words and which occurrence, the target's).
type Said<'a> = (&'a str, (&'a str, usize), (&'a str, usize));

impl Build {
    fn new() -> Build {
        Build(Corpus::default())
    }

    /// An article whose sentences end at each ". ".
    fn article(mut self, id: &str, text: &str) -> Build {
        let mut sentences = Vec::new();
        let mut start = 0;
        for (i, _) in text.match_indices('.') {
            sentences.push(Span::new(start, i + 1));
            start = (i + 2).min(text.len());
        }
        self.0.articles.push(Article {
            id: id.into(),
            path: format!("{id}.txt"),
            title: format!("Article {id}"),
            date: None,
            text: text.into(),
            sentences,
            encoding: None,
            format: None,
        });
        self
    }

    fn text(&self, article: &str) -> &Article {
        self.0.article(article).expect("article built first")
    }

    fn mention(&self, article: &str, needle: &str, nth: usize) -> Mention {
        let a = self.text(article);
        let span = find(&a.text, needle, nth);
        Mention {
            article: article.into(),
            sentence: a.sentence_at(span.start).expect("inside a sentence"),
            start: span.start,
            end: span.end,
            via: MentionVia::Name,
        }
    }

    /// An actor and its mentions: (article, words, which occurrence).
    fn actor(
        mut self,
        id: &str,
        kind: ActorKind,
        name: &str,
        mentions: &[(&str, &str, usize)],
    ) -> Build {
        let mentions: Vec<Mention> = mentions
            .iter()
            .map(|(a, n, k)| self.mention(a, n, *k))
            .collect();
        let mut aliases: Vec<String> = Vec::new();
        for m in &mentions {
            let said = &self.text(&m.article).text[m.start..m.end];
            if said != name && !aliases.iter().any(|a| a == said) {
                aliases.push(said.to_string());
            }
        }
        self.0.actors.push(Actor {
            id: id.into(),
            kind,
            name: name.into(),
            aliases,
            country: None,
            title: None,
            code: None,
            affiliations: vec![],
            mentions,
        });
        self
    }

    fn belongs(mut self, member: &str, of: &str) -> Build {
        let a = self.0.actors.iter_mut().find(|a| a.id == member).unwrap();
        a.affiliations.push(of.into());
        self
    }

    /// An interaction and its evidence: (article, source words and occurrence, target words and occurrence).
    fn interaction(
        mut self,
        kind: InteractionKind,
        source: &str,
        target: &str,
        directed: bool,
        evidence: &[Said],
    ) -> Build {
        let evidence = evidence
            .iter()
            .map(|(article, (s, sk), (t, tk))| {
                let a = self.text(article);
                let (s, t) = (find(&a.text, s, *sk), find(&a.text, t, *tk));
                let sentence = a.sentence_at(s.start).unwrap();
                let span = a.sentences[sentence];
                Evidence {
                    article: (*article).into(),
                    sentence,
                    start: span.start,
                    end: span.end,
                    trigger: None,
                    source_span: Some(s),
                    target_span: Some(t),
                    rule: "test".into(),
                    reported_by: None,
                    when: None,
                }
            })
            .collect();
        let mut it = Interaction {
            id: String::new(),
            kind,
            cameo: "000".into(),
            source: source.into(),
            target: target.into(),
            directed,
            modality: Modality::Asserted,
            rule: "test".into(),
            evidence,
        };
        it.id = interaction_id(&it, |id| self.0.interactions.iter().any(|i| i.id == id));
        self.0.interactions.push(it);
        self
    }
}

const A1: &str = "Ishaq Dar met Asim Munir. Dar accused India. Ishaq Dar accused India again. \
                  Munir thanked Ishaq Dar. The army chief met the general.";
const A2: &str = "Sharif visited Kabul.";

/// Pakistan's foreign minister, three names of its army chief, the country, India, and a second article about Sharif.
fn base() -> Corpus {
    use ActorKind::*;
    use InteractionKind::*;
    Build::new()
        .article("a1", A1)
        .article("a2", A2)
        .actor(
            "ishaq-dar",
            Official,
            "Ishaq Dar",
            &[
                ("a1", "Ishaq Dar", 0),
                ("a1", "Dar", 1),
                ("a1", "Ishaq Dar", 1),
                ("a1", "Ishaq Dar", 2),
            ],
        )
        .actor(
            "asim-munir",
            Official,
            "Asim Munir",
            &[("a1", "Asim Munir", 0)],
        )
        .actor("munir", Official, "Munir", &[("a1", "Munir", 1)])
        .actor(
            "army-chief",
            Official,
            "army chief",
            &[("a1", "army chief", 0)],
        )
        .actor("general", Official, "general", &[("a1", "general", 0)])
        .actor(
            "IND",
            Country,
            "India",
            &[("a1", "India", 0), ("a1", "India", 1)],
        )
        .actor("sharif", Official, "Sharif", &[("a2", "Sharif", 0)])
        .actor("pml-n", Institution, "PML-N", &[])
        .actor("PAK", Country, "Pakistan", &[])
        .actor("AFG", Country, "Afghanistan", &[("a2", "Kabul", 0)])
        .belongs("asim-munir", "army-chief")
        .belongs("asim-munir", "PAK")
        .belongs("sharif", "pml-n")
        .interaction(
            Consult,
            "asim-munir",
            "ishaq-dar",
            false,
            &[("a1", ("Asim Munir", 0), ("Ishaq Dar", 0))],
        )
        .interaction(
            Accuse,
            "ishaq-dar",
            "IND",
            true,
            &[
                ("a1", ("Dar", 1), ("India", 0)),
                ("a1", ("Ishaq Dar", 1), ("India", 1)),
            ],
        )
        .interaction(
            Support,
            "munir",
            "ishaq-dar",
            true,
            &[("a1", ("Munir", 1), ("Ishaq Dar", 2))],
        )
        .interaction(
            Consult,
            "army-chief",
            "general",
            false,
            &[("a1", ("army chief", 0), ("general", 0))],
        )
        .interaction(
            Visit,
            "sharif",
            "AFG",
            true,
            &[("a2", ("Sharif", 0), ("Kabul", 0))],
        )
        .0
}

/// Applies `edits` to `base`, checks that nothing was skipped and that the result is a valid corpus file.
fn applied(base: &Corpus, edits: &[Edit]) -> Corpus {
    let Applied { corpus, skipped } = apply(base, edits);
    assert!(skipped.is_empty(), "{skipped:?}");
    assert_round_trips(&corpus);
    corpus
}

fn assert_round_trips(c: &Corpus) {
    let json = corpus::to_json(c);
    let back = corpus::from_json(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(&back, c);
}

fn actor<'a>(c: &'a Corpus, id: &str) -> &'a Actor {
    c.actor(id).unwrap_or_else(|| panic!("no actor {id}"))
}

fn interaction<'a>(c: &'a Corpus, id: &str) -> &'a Interaction {
    c.interactions
        .iter()
        .find(|i| i.id == id)
        .unwrap_or_else(|| panic!("no interaction {id} in {:?}", ids(c)))
}

fn ids(c: &Corpus) -> Vec<&str> {
    c.interactions.iter().map(|i| i.id.as_str()).collect()
}

fn s(x: &str) -> String {
    x.to_string()
}

#[test]
fn the_hand_built_corpus_is_a_valid_corpus() {
    assert_round_trips(&base());
    let nothing = apply(&base(), &[]);
    assert_eq!((nothing.corpus, nothing.skipped), (base(), vec![]));
}

#[test]
fn a_renamed_actor_keeps_its_id_and_its_old_name_as_an_alias() {
    let c = applied(
        &base(),
        &[Edit::RenameActor {
            actor: s("ishaq-dar"),
            name: s("  Mohammad   Ishaq Dar "),
        }],
    );
    let dar = actor(&c, "ishaq-dar");
    assert_eq!(dar.name, "Mohammad Ishaq Dar");
    assert!(dar.aliases.contains(&s("Ishaq Dar")) && dar.aliases.contains(&s("Dar")));
}

#[test]
fn kind_country_and_title_are_set_and_cleared() {
    let c = applied(
        &base(),
        &[
            Edit::SetKind {
                actor: s("pml-n"),
                kind: ActorKind::Institution,
            },
            Edit::SetKind {
                actor: s("general"),
                kind: ActorKind::Institution,
            },
            Edit::SetCountry {
                actor: s("general"),
                country: Some(s(" pak ")),
            },
            Edit::SetTitle {
                actor: s("asim-munir"),
                title: Some(s("Field  Marshal")),
            },
            Edit::SetCountry {
                actor: s("IND"),
                country: Some(s("IND")),
            },
            Edit::SetCountry {
                actor: s("IND"),
                country: None,
            },
            Edit::SetTitle {
                actor: s("asim-munir"),
                title: Some(s("  ")),
            },
        ],
    );
    let general = actor(&c, "general");
    assert_eq!(
        (general.kind, general.country.as_deref()),
        (ActorKind::Institution, Some("PAK"))
    );
    assert_eq!(actor(&c, "IND").country, None);
    assert_eq!(
        actor(&c, "asim-munir").title,
        None,
        "a blank title clears it"
    );
}

#[test]
fn merging_three_actors_combines_names_mentions_and_interactions() {
    let c = applied(
        &base(),
        &[Edit::MergeActors {
            into: s("asim-munir"),
            others: vec![s("munir"), s("army-chief"), s("general")],
        }],
    );
    assert!(
        ["munir", "army-chief", "general"]
            .iter()
            .all(|id| c.actor(id).is_none())
    );
    let munir = actor(&c, "asim-munir");
    assert_eq!(munir.name, "Asim Munir");
    for alias in ["Munir", "army chief", "general"] {
        assert!(
            munir.aliases.contains(&s(alias)),
            "{alias} in {:?}",
            munir.aliases
        );
    }
    assert_eq!(munir.mentions.len(), 4);
    assert_eq!(
        munir.affiliations,
        vec![s("PAK")],
        "no actor belongs to itself"
    );
    // "Munir thanked Ishaq Dar" now comes from Asim Munir; the talks between the army chief and the general
    // would be Asim Munir meeting himself, and are dropped.
    let support = interaction(&c, "support:munir>ishaq-dar");
    assert_eq!(
        (support.source.as_str(), support.target.as_str()),
        ("asim-munir", "ishaq-dar")
    );
    assert!(c.interactions.iter().all(|i| i.source != i.target));
    assert_eq!(c.interactions.len(), 4);
}

#[test]
fn merging_makes_duplicates_one_interaction_with_all_their_evidence() {
    // Munir meets Ishaq Dar in one sentence (as "munir") and Asim Munir meets him in another.
    let b = Build(base())
        .interaction(
            InteractionKind::Consult,
            "ishaq-dar",
            "munir",
            false,
            &[("a1", ("Ishaq Dar", 2), ("Munir", 1))],
        )
        .0;
    let before = interaction(&b, "consult:ishaq-dar~munir").clone();
    let c = applied(
        &b,
        &[Edit::MergeActors {
            into: s("asim-munir"),
            others: vec![s("munir")],
        }],
    );
    let consults: Vec<&Interaction> = c
        .interactions
        .iter()
        .filter(|i| i.kind == InteractionKind::Consult && i.target == "ishaq-dar")
        .collect();
    assert_eq!(consults.len(), 1, "{:?}", ids(&c));
    assert_eq!(consults[0].id, "consult:asim-munir~ishaq-dar");
    assert_eq!(consults[0].evidence.len(), 2);
    // The spans follow their actors when the sides are put in id order.
    assert_eq!(
        consults[0].evidence[1].source_span,
        before.evidence[0].target_span
    );
}

#[test]
fn a_merge_with_an_actor_gone_merges_the_rest_and_says_so() {
    let out = apply(
        &base(),
        &[
            Edit::DeleteActor {
                actor: s("general"),
            },
            Edit::MergeActors {
                into: s("asim-munir"),
                others: vec![s("munir"), s("general")],
            },
        ],
    );
    assert!(out.corpus.actor("munir").is_none());
    assert_eq!(out.skipped.len(), 1);
    let (n, why) = &out.skipped[0];
    assert_eq!(*n, 1);
    assert!(
        why.contains("general")
            && why.contains("deleted by correction 1")
            && why.contains("others were merged"),
        "{why}"
    );
}

#[test]
fn splitting_an_alias_moves_its_mentions_and_the_evidence_that_names_it() {
    let c = applied(
        &base(),
        &[Edit::SplitAlias {
            actor: s("ishaq-dar"),
            alias: s("Dar"),
        }],
    );
    let dar = actor(&c, "dar");
    assert_eq!((dar.name.as_str(), dar.kind), ("Dar", ActorKind::Official));
    assert_eq!(dar.mentions.len(), 1);
    let ishaq = actor(&c, "ishaq-dar");
    assert_eq!(ishaq.mentions.len(), 3);
    assert!(!ishaq.aliases.contains(&s("Dar")));
    // "Dar accused India" goes with Dar; "Ishaq Dar accused India again" stays.
    let stays = interaction(&c, "accuse:ishaq-dar>IND");
    assert_eq!(stays.evidence.len(), 1);
    assert_eq!(stays.evidence[0].sentence, 2);
    let moved = interaction(&c, "accuse:dar>IND");
    assert_eq!(
        (
            moved.source.as_str(),
            moved.evidence.len(),
            moved.evidence[0].sentence
        ),
        ("dar", 1, 1)
    );
    assert_eq!(
        interaction(&c, "consult:asim-munir~ishaq-dar").target,
        "ishaq-dar"
    );
}

#[test]
fn a_split_that_cannot_be_made_says_why() {
    let out = apply(
        &base(),
        &[
            Edit::SplitAlias {
                actor: s("ishaq-dar"),
                alias: s("Ishaq Dar"),
            },
            Edit::SplitAlias {
                actor: s("ishaq-dar"),
                alias: s("Sharif"),
            },
            Edit::SplitAlias {
                actor: s("munir"),
                alias: s("Munir"),
            },
            Edit::SplitAlias {
                actor: s("AFG"),
                alias: s("Kabul"),
            },
            Edit::SplitAlias {
                actor: s("ishaq-dar"),
                alias: s(""),
            },
        ],
    );
    assert_eq!(out.corpus, base());
    let reasons: Vec<&str> = out.skipped.iter().map(|(_, w)| w.as_str()).collect();
    assert_eq!(reasons.len(), 5, "{reasons:?}");
    assert!(
        reasons[0].contains("rename the actor first"),
        "{}",
        reasons[0]
    );
    assert!(reasons[1].contains("no mention"), "{}", reasons[1]);
    assert!(
        reasons[3].contains("rename the actor instead"),
        "{}",
        reasons[3]
    );
    assert!(reasons[4].contains("the alias is empty"), "{}", reasons[4]);
}

#[test]
fn a_deleted_actor_takes_its_interactions_and_affiliations_with_it() {
    let c = applied(
        &base(),
        &[
            Edit::DeleteActor {
                actor: s("army-chief"),
            },
            Edit::DeleteActor { actor: s("IND") },
        ],
    );
    assert!(c.actor("IND").is_none() && c.actor("army-chief").is_none());
    assert!(
        c.interactions
            .iter()
            .all(|i| i.target != "IND" && i.source != "army-chief")
    );
    assert_eq!(actor(&c, "asim-munir").affiliations, vec![s("PAK")]);
}

#[test]
fn a_deleted_interaction_goes_and_a_second_delete_is_reported() {
    let out = apply(
        &base(),
        &[
            Edit::DeleteInteraction {
                interaction: s("support:munir>ishaq-dar"),
            },
            Edit::DeleteInteraction {
                interaction: s("support:munir>ishaq-dar"),
            },
        ],
    );
    assert_eq!(out.corpus.interactions.len(), base().interactions.len() - 1);
    assert_eq!(out.skipped.len(), 1);
    assert!(
        out.skipped[0].1.contains("deleted by correction 1"),
        "{}",
        out.skipped[0].1
    );
}

#[test]
fn removing_an_article_takes_what_only_it_said() {
    let c = applied(&base(), &[Edit::RemoveArticle { article: s("a2") }]);
    assert!(c.article("a2").is_none());
    for gone in ["sharif", "AFG", "pml-n"] {
        assert!(
            c.actor(gone).is_none(),
            "{gone} is left with nothing and goes"
        );
    }
    assert!(
        c.interactions
            .iter()
            .all(|i| i.kind != InteractionKind::Visit)
    );
    assert_eq!(c.actors.len(), base().actors.len() - 3);
    // An actor kept only as what another belongs to stays while that one does.
    assert!(c.actor("PAK").is_some());
}

#[test]
fn an_interaction_added_by_hand_rests_on_its_sentence() {
    let c = applied(
        &base(),
        &[Edit::AddInteraction {
            source: s("IND"),
            target: s("asim-munir"),
            kind: InteractionKind::Threaten,
            directed: true,
            article: s("a1"),
            sentence: 1,
        }],
    );
    let it = interaction(&c, "threaten:IND>asim-munir");
    assert_eq!((it.rule.as_str(), it.cameo.as_str()), (HAND_RULE, "130"));
    let ev = &it.evidence[0];
    let a1 = c.article("a1").unwrap();
    assert_eq!((ev.span(), ev.rule.as_str()), (a1.sentences[1], HAND_RULE));
    assert_eq!(
        ev.source_span.map(|s| a1.slice(s)),
        Some("India"),
        "where the sentence names India"
    );
    // The sentence does not name Asim Munir: the user said it is about him, so it counts as a mention.
    assert_eq!(ev.target_span, None);
    let m = actor(&c, "asim-munir").mentions.last().unwrap();
    assert_eq!((m.via, m.span()), (MentionVia::User, a1.sentences[1]));
}

#[test]
fn adding_what_is_already_there_changes_nothing_and_bad_additions_are_reported() {
    let again = Edit::AddInteraction {
        source: s("ishaq-dar"),
        target: s("asim-munir"),
        kind: InteractionKind::Consult,
        directed: false,
        article: s("a1"),
        sentence: 0,
    };
    assert_eq!(applied(&base(), std::slice::from_ref(&again)), base());
    let bad = |f: fn(&mut Edit)| {
        let mut e = again.clone();
        f(&mut e);
        e
    };
    let out = apply(
        &base(),
        &[
            bad(|e| {
                if let Edit::AddInteraction { sentence, .. } = e {
                    *sentence = 99
                }
            }),
            bad(|e| {
                if let Edit::AddInteraction { article, .. } = e {
                    *article = s("a9")
                }
            }),
            bad(|e| {
                if let Edit::AddInteraction { target, .. } = e {
                    *target = s("ishaq-dar")
                }
            }),
            bad(|e| {
                if let Edit::AddInteraction { source, .. } = e {
                    *source = s("nobody")
                }
            }),
        ],
    );
    assert_eq!(out.corpus, base());
    let reasons: Vec<&str> = out.skipped.iter().map(|(_, w)| w.as_str()).collect();
    assert!(reasons[0].contains("no sentence 100"), "{}", reasons[0]);
    assert!(reasons[1].contains("no such article"), "{}", reasons[1]);
    assert!(reasons[2].contains("itself"), "{}", reasons[2]);
    assert!(
        reasons[3].contains("no such actor \u{201c}nobody\u{201d}"),
        "{}",
        reasons[3]
    );
}

/// A log of every kind of edit, in an order in which each applies.
fn every_edit() -> Vec<Edit> {
    vec![
        Edit::RenameActor {
            actor: s("IND"),
            name: s("Republic of India"),
        },
        Edit::SplitAlias {
            actor: s("ishaq-dar"),
            alias: s("Dar"),
        },
        Edit::MergeActors {
            into: s("asim-munir"),
            others: vec![s("munir"), s("army-chief")],
        },
        Edit::SetTitle {
            actor: s("asim-munir"),
            title: Some(s("Field Marshal")),
        },
        Edit::AddInteraction {
            source: s("dar"),
            target: s("IND"),
            kind: InteractionKind::Threaten,
            directed: true,
            article: s("a1"),
            sentence: 1,
        },
        Edit::DeleteInteraction {
            interaction: s("consult:asim-munir~ishaq-dar"),
        },
        Edit::SetKind {
            actor: s("general"),
            kind: ActorKind::Institution,
        },
        Edit::SetCountry {
            actor: s("general"),
            country: Some(s("PAK")),
        },
        Edit::RemoveArticle { article: s("a2") },
        Edit::DeleteActor {
            actor: s("general"),
        },
    ]
}

#[test]
fn after_every_edit_the_corpus_is_a_valid_corpus_file() {
    let edits = every_edit();
    for n in 0..=edits.len() {
        applied(&base(), &edits[..n]);
    }
}

#[test]
fn undo_gives_back_the_map_before_the_edit_and_redo_the_map_after() {
    let mut log = EditLog::default();
    let mut states = vec![applied(&base(), &log.edits)];
    for edit in every_edit() {
        log.push(edit);
        states.push(applied(&base(), &log.edits));
    }
    for n in (0..states.len() - 1).rev() {
        let undone = log.undo().expect("an edit to undo");
        assert_eq!(
            applied(&base(), &log.edits),
            states[n],
            "after undoing {undone:?}"
        );
    }
    assert!(!log.can_undo());
    for state in &states[1..] {
        log.redo().expect("an edit to redo");
        assert_eq!(&applied(&base(), &log.edits), state);
    }
    assert!(!log.can_redo());
}

#[test]
fn a_menu_names_the_edit_it_would_undo() {
    let log = EditLog::new(every_edit());
    let before = apply(&base(), &log.edits[..log.len() - 1]).corpus;
    assert_eq!(log.last().unwrap().describe(&before), "Delete general");
    assert_eq!(
        every_edit()[0].describe(&base()),
        "Rename India to Republic of India"
    );
    assert_eq!(
        every_edit()[2].describe(&base()),
        "Merge Munir, army chief into Asim Munir"
    );
}

#[test]
fn the_log_applied_to_a_new_extraction_keeps_what_still_applies() {
    let extractor = Extractor::bundled();
    let before = extractor.extract(
        "talks.txt",
        "Chile accused Peru of spying. Bolivia held talks with Chile in La Paz.",
    );
    // The text changed: Ecuador, not Bolivia, held the talks.
    let after = extractor.extract(
        "talks.txt",
        "Chile accused Peru of spying. Ecuador held talks with Chile in Quito.",
    );
    for id in ["CHL", "PER", "BOL"] {
        assert!(before.actor(id).is_some(), "{id} in {:?}", before.actors);
    }
    let accuse = interaction(&before, "accuse:CHL>PER").id.clone();
    let talks = before
        .interactions
        .iter()
        .find(|i| i.kind == InteractionKind::Consult)
        .expect("the talks are found")
        .id
        .clone();
    let log = vec![
        Edit::RenameActor {
            actor: s("PER"),
            name: s("Republic of Peru"),
        },
        Edit::DeleteInteraction {
            interaction: talks.clone(),
        },
        Edit::SetTitle {
            actor: s("BOL"),
            title: Some(s("Plurinational State")),
        },
        Edit::DeleteInteraction {
            interaction: accuse,
        },
    ];
    let first = applied(&before, &log);
    assert_eq!(actor(&first, "PER").name, "Republic of Peru");
    assert!(first.interactions.is_empty());

    let again = apply(&after, &log);
    assert_round_trips(&again.corpus);
    assert_eq!(actor(&again.corpus, "PER").name, "Republic of Peru");
    assert!(
        again
            .corpus
            .interactions
            .iter()
            .all(|i| i.kind != InteractionKind::Accuse)
    );
    let skipped: Vec<usize> = again.skipped.iter().map(|(n, _)| *n).collect();
    assert_eq!(skipped, vec![1, 2], "{:?}", again.skipped);
    assert!(
        again.skipped[1]
            .1
            .contains("no such actor \u{201c}BOL\u{201d} in the articles as extracted now")
    );
    assert!(
        again
            .corpus
            .interactions
            .iter()
            .any(|i| i.kind == InteractionKind::Consult),
        "Ecuador's talks stay"
    );
}

#[test]
fn edits_naming_nothing_that_exists_never_panic() {
    let names = [
        "ishaq-dar",
        "IND",
        "dar",
        "a1",
        "a2",
        "",
        "consult:asim-munir~ishaq-dar",
        "\u{0}é",
    ];
    let state = std::cell::Cell::new(7u64);
    let pick = |n: usize| {
        state.set(
            state
                .get()
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407),
        );
        (state.get() >> 33) as usize % n
    };
    let mut edits = Vec::new();
    for _ in 0..400 {
        let name = || s(names[pick(names.len())]);
        let edit = match pick(10) {
            0 => Edit::RenameActor {
                actor: name(),
                name: name(),
            },
            1 => Edit::SetKind {
                actor: name(),
                kind: ActorKind::Country,
            },
            2 => Edit::SetCountry {
                actor: name(),
                country: Some(name()),
            },
            3 => Edit::SetTitle {
                actor: name(),
                title: None,
            },
            4 => Edit::MergeActors {
                into: name(),
                others: vec![name(), name()],
            },
            5 => Edit::SplitAlias {
                actor: name(),
                alias: name(),
            },
            6 => Edit::DeleteActor { actor: name() },
            7 => Edit::DeleteInteraction {
                interaction: name(),
            },
            8 => Edit::RemoveArticle { article: name() },
            _ => Edit::AddInteraction {
                source: name(),
                target: name(),
                kind: InteractionKind::Aid,
                directed: pick(2) == 0,
                article: name(),
                sentence: pick(8),
            },
        };
        edits.push(edit);
    }
    for n in (0..=edits.len()).step_by(40) {
        assert_round_trips(&apply(&base(), &edits[..n]).corpus);
    }
    // A damaged corpus (offsets outside the text, sentences out of range) is no reason to panic either.
    let mut damaged = base();
    damaged.articles[0].sentences[1] = Span::new(500, 400);
    damaged.actors[0].mentions[0].end = 10_000;
    damaged.actors[0].mentions[1].article = "zz".into();
    apply(&damaged, &edits);
}

#[test]
fn a_large_corpus_takes_a_hundred_edits() {
    let big = actormap::synthetic::synthetic_corpus(20_000);
    let actor = |i: usize| format!("s{}", (i * 7919) % 20_000);
    let mut edits = Vec::new();
    for i in 0..100 {
        edits.push(match i % 5 {
            0 => Edit::RenameActor {
                actor: actor(i),
                name: format!("Renamed {i}"),
            },
            1 => Edit::MergeActors {
                into: actor(i),
                others: vec![actor(i + 1000), actor(i + 2000)],
            },
            2 => Edit::DeleteActor {
                actor: actor(i + 3000),
            },
            3 => Edit::DeleteInteraction {
                interaction: big.interactions[i * 131].id.clone(),
            },
            _ => Edit::SetKind {
                actor: actor(i),
                kind: ActorKind::Institution,
            },
        });
    }
    let out = apply(&big, &edits);
    assert!(out.skipped.len() < 10, "{:?}", out.skipped);
    assert!(out.corpus.actors.len() < big.actors.len());
    assert!(corpus::from_json(&corpus::to_json(&out.corpus)).is_ok());
}
