//! The extractor's knowledge, loaded once from the data files in `assets/` (bundled into the binary):
//! countries and places (`countries.json`), organisations, institution head words and group nouns
//! (`institutions.json`), titles, ranks and honorifics (`titles.json`), interaction triggers
//! (`triggers.json`), given names (`given_names.txt`), the rules' word lists (`grammar.json`) and the English
//! words never to be read as typos (`typo_guard.txt`). `assets/README.md` documents each file.
//!
//! This module turns the files into lookup tables; it has no rules of its own.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use serde::Deserialize;

use super::phrase_table::{CaseRule, PhraseTable, Vocab};
use super::speller::Speller;
use super::tokens::Token;
use crate::corpus::{InteractionKind, MentionVia};

/// A country or territory of the gazetteer.
#[derive(Debug, Clone, Deserialize)]
pub struct Country {
    pub iso3: String,
    pub name: String,
    #[serde(default)]
    names: Vec<String>,
    #[serde(default)]
    abbreviations: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
    #[serde(default)]
    combining: Vec<String>,
    #[serde(default)]
    capitals: Vec<String>,
    #[serde(default)]
    places: Vec<String>,
    #[serde(default)]
    ambiguous: Vec<String>,
}

impl Country {
    /// Every way of writing the country as a name or an adjective: its name, other names, abbreviations
    /// and demonyms.
    pub fn written(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(
            self.names
                .iter()
                .chain(&self.abbreviations)
                .chain(&self.demonyms)
                .map(String::as_str),
        )
    }
}

/// A named organisation recognised wherever its name or an alias appears.
#[derive(Debug, Clone, Deserialize)]
pub struct Organisation {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub code: String,
    pub country: Option<String>,
    pub sector: String,
}

#[derive(Debug, Clone, Deserialize)]
struct TitleEntry {
    #[serde(alias = "rank")]
    title: String,
    variants: Vec<String>,
    sector: String,
}

#[derive(Debug, Clone, Deserialize)]
struct TitlesFile {
    titles: Vec<TitleEntry>,
    modifiers: Vec<String>,
    ranks: Vec<TitleEntry>,
    honorifics: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
struct HeadEntry {
    word: String,
    sector: String,
    #[serde(default)]
    position: String,
}

#[derive(Debug, Clone, Deserialize)]
struct GroupEntry {
    word: String,
    sector: String,
}

#[derive(Debug, Clone, Deserialize)]
struct InstitutionsFile {
    organizations: Vec<Organisation>,
    heads: Vec<HeadEntry>,
    media_heads: Vec<String>,
    groups: Vec<GroupEntry>,
}

/// An interaction trigger: words that signal an event of one kind, and how its actors attach.
#[derive(Debug, Clone, Deserialize)]
pub struct Trigger {
    #[serde(deserialize_with = "kind_from_str")]
    pub kind: InteractionKind,
    pub cameo: String,
    pub lemma: String,
    forms: Vec<String>,
    pub pos: String,
    #[serde(default)]
    pub transitive: bool,
    #[serde(default)]
    pub preps: Vec<String>,
    #[serde(default = "yes")]
    pub directed: bool,
    #[serde(default)]
    pub subject_only: bool,
    /// The object is the source ("X hosted Y": Y visited X).
    #[serde(default)]
    pub reverse: bool,
    /// Words right after the trigger that show another sense ("returned to Syria" is no concession).
    #[serde(default)]
    pub not_followed_by: Vec<String>,
}

fn yes() -> bool {
    true
}

fn kind_from_str<'de, D: serde::Deserializer<'de>>(d: D) -> Result<InteractionKind, D::Error> {
    let s = String::deserialize(d)?;
    InteractionKind::parse(&s)
        .ok_or_else(|| serde::de::Error::custom(format!("unknown interaction kind {s}")))
}

#[derive(Debug, Clone, Deserialize)]
struct TriggersFile {
    triggers: Vec<Trigger>,
}

/// A well-known person (`assets/people.json`): recognised by full name or, where news uses it alone for
/// them, by surname.
#[derive(Debug, Clone, Deserialize)]
pub struct KnownPerson {
    pub name: String,
    #[serde(default)]
    pub variants: Vec<String>,
    pub country: Option<String>,
    pub title: Option<String>,
    pub sector: Option<String>,
}

/// A position (title) or a rank, with its CAMEO role.
#[derive(Debug, Clone)]
pub struct Office {
    pub name: String,
    pub sector: String,
}

/// What a name-table phrase stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameRef {
    Country {
        index: u16,
        via: MentionVia,
        combining: bool,
    },
    Organisation(u32),
    Person(u32),
}

/// What a title-table phrase is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleRef {
    Title(u32),
    Rank(u32),
    /// Kept in the displayed name ("Syed", "Sheikh") or dropped ("Mr", "Dr").
    Honorific {
        kept: bool,
    },
    Modifier,
}

/// An institution head word ("Ministry", "Army", "Radio").
#[derive(Debug, Clone)]
pub struct Head {
    pub sector: String,
    pub media: bool,
    pub first: bool,
    pub last: bool,
}

/// A list of words and phrases from `assets/grammar.json`.
#[derive(Debug, Clone)]
pub struct WordList {
    /// The words and phrases in the file's order (for the few rules that read a list in order or test
    /// words for a listed ending or part; the rest ask `has` or the list's bit).
    pub words: Vec<String>,
    single: HashSet<String>,
    /// The listed phrases of more than one word, as written.
    multi: HashSet<String>,
    /// One bit per `signature` of the single words: the rules ask these lists about nearly every word,
    /// and most answers are "no", found here without hashing the word.
    signatures: [u64; SIGNATURE_BITS / 64],
    phrases: PhraseTable<()>,
    /// The words of `phrases` (a list's own: its few phrases are looked up by their words' text).
    vocab: Vocab,
    /// This list's bit in `Lexicon::classes_of`: a token's classes say at once which lists hold it.
    pub bit: ListBits,
}

/// One bit per grammar list (`WordList::bit`); more lists than bits need a wider type.
pub type ListBits = u128;

/// Bits of a word list's signature filter (a power of two).
const SIGNATURE_BITS: usize = 1024;

/// A cheap fingerprint of a word from its length and first and last bytes.
fn signature(w: &str) -> usize {
    let b = w.as_bytes();
    let (first, last) = (
        *b.first().unwrap_or(&0) as usize,
        *b.last().unwrap_or(&0) as usize,
    );
    (first.wrapping_mul(37) ^ last.wrapping_mul(101) ^ b.len().wrapping_mul(613))
        & (SIGNATURE_BITS - 1)
}

impl WordList {
    fn new(items: &[String]) -> Self {
        let (mut phrases, mut vocab) = (PhraseTable::new(CaseRule::Loose), Vocab::default());
        for w in items {
            phrases.insert(&mut vocab, w, ());
        }
        let single: HashSet<String> = items.iter().filter(|w| !w.contains(' ')).cloned().collect();
        let multi: HashSet<String> = items.iter().filter(|w| w.contains(' ')).cloned().collect();
        let mut signatures = [0u64; SIGNATURE_BITS / 64];
        for w in &single {
            let b = signature(w);
            signatures[b / 64] |= 1 << (b % 64);
        }
        WordList {
            words: items.to_vec(),
            single,
            multi,
            signatures,
            phrases,
            vocab,
            bit: 0,
        }
    }

    /// Whether this single normal form is in the list.
    pub fn has(&self, norm: &str) -> bool {
        let b = signature(norm);
        self.signatures[b / 64] & (1 << (b % 64)) != 0 && self.single.contains(norm)
    }

    /// Whether `text` (words joined by single spaces) is one of the listed words or phrases.
    pub fn has_text(&self, text: &str) -> bool {
        if text.contains(' ') {
            self.multi.contains(text)
        } else {
            self.has(text)
        }
    }

    /// Length in tokens of the longest listed phrase starting at token `i` (0 when none).
    pub fn phrase_at(&self, text: &str, tokens: &[Token], i: usize) -> usize {
        self.phrases
            .longest(text, tokens, i, |j| self.vocab.id(&tokens[j].norm))
            .map_or(0, |m| m.len)
    }
}

/// Declares the lists of `assets/grammar.json` once: the file's fields, `Grammar`'s fields, and how
/// `Grammar` is made from the file.
macro_rules! grammar_lists {
    ($($name:ident),* $(,)?) => {
        #[derive(Debug, Clone, Deserialize)]
        #[serde(deny_unknown_fields)]
        struct GrammarFile {
            /// What the file is (the lists themselves are documented in `assets/README.md`).
            #[allow(dead_code)]
            about: String,
            /// Honorifics left out of a displayed name ("Mr"): read once, when the title table is built.
            dropped_honorifics: Vec<String>,
            $($name: Vec<String>,)*
        }

        /// The word lists of `assets/grammar.json`, each documented in `assets/README.md`.
        #[derive(Debug, Clone)]
        pub struct Grammar {
            $(pub $name: WordList,)*
        }

        impl Grammar {
            fn new(g: &GrammarFile) -> Grammar {
                Grammar { $($name: WordList::new(&g.$name),)* }
            }

            /// Every list, each to get its own bit of `ListBits`.
            fn lists_mut(&mut self) -> Vec<&mut WordList> {
                vec![$(&mut self.$name,)*]
            }

            /// The lists' names, as in the file.
            #[cfg(test)]
            fn names() -> &'static [&'static str] {
                &[$(stringify!($name),)*]
            }
        }
    };
}

grammar_lists! {
    determiners, prepositions, locative_prepositions, auxiliaries, negations, denials, intent_cues, reporting_verbs,
    gap_words, clause_breaks, pair_heads, pair_starts, reciprocals, person_pronouns, plural_pronouns,
    first_person_plural, first_person_singular, second_person, thing_pronouns, name_particles, name_suffixes, months, weekdays, not_names, media_wings, place_heads,
    request_nouns, relief_verbs, restrictions, partner_prepositions, partner_nouns, contests, states, thing_nouns,
    obligation_modals, clause_starts, threat_conditions, request_maker_prepositions, coordinators, conditionals,
    possibility_modals, not_intent_cues, future_modals, people_suffixes, vague_group_nouns, foreign_force_modifiers,
    multinational_bodies, weapon_nouns, pair_person_heads, pair_country_heads, body_continuations,
    subject_pronoun_verbs, reported_it_auxiliaries, articles, backing_participles, led_force_nouns, coalition_nouns,
    group_country_prepositions, possessive_determiners, name_inner_words, government_nouns, government_fillers,
    regime_nouns, international_name_words, media_name_words, armed_forces_names, separate_branches,
    finite_subordinators, relative_pronouns, passive_auxiliaries, bare_auxiliaries, partner_adverbs,
    supported_prepositions, reference_starts, relief_prepositions, month_prefixes, today_words, period_deictics,
    body_nouns, role_nouns, country_nouns,
}

/// What a word can start, as bits: a token whose bits lack a table's bit cannot start a phrase of that
/// table, so the lookup is skipped. One hash probe per token replaces a probe per table.
pub mod starts {
    pub const NAME: u8 = 1;
    pub const TITLE: u8 = 2;
    pub const GROUP: u8 = 4;
    pub const HEAD: u8 = 8;
    pub const TRIGGER: u8 = 16;
    /// Pronouns and pair references ("both", "the two", "each other", "his").
    pub const REFERENCE: u8 = 32;
}

/// Everything the extractor knows.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub countries: Vec<Country>,
    country_index: HashMap<String, u16>,
    pub organisations: Vec<Organisation>,
    pub people: Vec<KnownPerson>,
    /// Normal forms of every name a known person goes by → index into `people`.
    person_index: HashMap<String, u32>,
    /// Surnames of listed people and the one country they share (None when people of several countries
    /// share it): "Bush" → USA.
    surname_countries: HashMap<String, Option<String>>,
    pub titles: Vec<Office>,
    pub ranks: Vec<Office>,
    /// Countries, their names, demonyms, capitals and places, and organisations.
    pub names: PhraseTable<NameRef>,
    /// Titles, ranks, honorifics and title modifiers, any case.
    pub title_words: PhraseTable<TitleRef>,
    /// Lower-case group nouns after a country ("rebels", "security forces") → CAMEO role.
    pub groups: PhraseTable<String>,
    /// Institution head words, capitalised.
    pub heads: PhraseTable<Head>,
    pub triggers: Vec<Trigger>,
    pub trigger_table: PhraseTable<u32>,
    /// The act of a relief verb on a restriction ("lifted the blockade", "eased the curfew"): a yielding
    /// (CAMEO 081, ease administrative sanctions), whose target the restriction's own words give.
    pub relief: Trigger,
    pub given_names: HashSet<String>,
    /// Normal forms of names that need context to be a country ("Jordan", "Chad").
    pub ambiguous: HashSet<String>,
    pub grammar: Grammar,
    pub speller: Speller,
    /// Numbers of the words of `names`, `title_words`, `groups`, `heads` and `trigger_table` (and of
    /// the words that start references): tokens are looked up in those tables by these numbers.
    pub vocab: Vocab,
    /// Word number → `starts` bits.
    starts: Vec<u8>,
    /// Word number → the `WordList::bit`s of the grammar lists holding that word.
    classes: Vec<ListBits>,
}

/// The bundled data files.
pub mod files {
    pub const COUNTRIES: &str = include_str!("../../assets/countries.json");
    pub const INSTITUTIONS: &str = include_str!("../../assets/institutions.json");
    pub const TITLES: &str = include_str!("../../assets/titles.json");
    pub const TRIGGERS: &str = include_str!("../../assets/triggers.json");
    pub const PEOPLE: &str = include_str!("../../assets/people.json");
    pub const GRAMMAR: &str = include_str!("../../assets/grammar.json");
    pub const GIVEN_NAMES: &str = include_str!("../../assets/given_names.txt");
    pub const TYPO_GUARD: &str = include_str!("../../assets/typo_guard.txt");
}

/// The texts of the data files, one per field (see `assets/README.md`).
#[derive(Debug, Clone, Copy)]
pub struct Sources<'a> {
    pub countries: &'a str,
    pub institutions: &'a str,
    pub titles: &'a str,
    pub triggers: &'a str,
    pub people: &'a str,
    pub grammar: &'a str,
    pub given_names: &'a str,
    pub typo_guard: &'a str,
}

/// A data file that does not parse, named so it can be fixed.
#[derive(Debug)]
pub struct LexiconError(pub String);

impl std::fmt::Display for LexiconError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn parse<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> Result<T, LexiconError> {
    serde_json::from_str(text).map_err(|e| LexiconError(format!("assets/{name} is not valid: {e}")))
}

impl Lexicon {
    /// The lexicon built from the bundled data files.
    pub fn bundled() -> Result<Lexicon, LexiconError> {
        Lexicon::from_files(&Sources {
            countries: files::COUNTRIES,
            institutions: files::INSTITUTIONS,
            titles: files::TITLES,
            triggers: files::TRIGGERS,
            people: files::PEOPLE,
            grammar: files::GRAMMAR,
            given_names: files::GIVEN_NAMES,
            typo_guard: files::TYPO_GUARD,
        })
    }

    /// The lexicon built from the texts of the data files.
    pub fn from_files(src: &Sources<'_>) -> Result<Lexicon, LexiconError> {
        let Sources {
            countries,
            institutions,
            titles,
            triggers,
            people,
            grammar,
            given_names,
            typo_guard,
        } = *src;
        let countries: Vec<Country> = parse("countries.json", countries)?;
        let inst: InstitutionsFile = parse("institutions.json", institutions)?;
        let titles_file: TitlesFile = parse("titles.json", titles)?;
        let triggers: TriggersFile = parse("triggers.json", triggers)?;
        let people: Vec<KnownPerson> = parse("people.json", people)?;
        let g: GrammarFile = parse("grammar.json", grammar)?;

        let mut vocab = Vocab::default();
        let mut names = PhraseTable::new(CaseRule::Proper);
        let mut ambiguous = HashSet::default();
        let mut country_index = HashMap::default();
        for (i, c) in countries.iter().enumerate() {
            let index = i as u16;
            country_index.insert(c.iso3.clone(), index);
            let groups: [(&Vec<String>, MentionVia); 4] = [
                (&c.names, MentionVia::Name),
                (&c.abbreviations, MentionVia::Name),
                (&c.demonyms, MentionVia::Demonym),
                (&c.capitals, MentionVia::Capital),
            ];
            for (list, via) in groups {
                for n in list {
                    names.insert(
                        &mut vocab,
                        n,
                        NameRef::Country {
                            index,
                            via,
                            combining: false,
                        },
                    );
                }
            }
            for n in &c.places {
                names.insert(
                    &mut vocab,
                    n,
                    NameRef::Country {
                        index,
                        via: MentionVia::Place,
                        combining: false,
                    },
                );
            }
            for n in &c.combining {
                names.insert(
                    &mut vocab,
                    n,
                    NameRef::Country {
                        index,
                        via: MentionVia::Demonym,
                        combining: true,
                    },
                );
            }
            ambiguous.extend(c.ambiguous.iter().map(|a| super::tokens::normalise(a)));
        }
        for (i, o) in inst.organizations.iter().enumerate() {
            for n in std::iter::once(&o.name).chain(&o.aliases) {
                names.insert(&mut vocab, n, NameRef::Organisation(i as u32));
            }
        }

        let mut person_index = HashMap::default();
        for (i, p) in people.iter().enumerate() {
            for n in std::iter::once(&p.name).chain(&p.variants) {
                // An all-caps short form ("AKK") is far more often some body's acronym.
                if n.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
                {
                    continue;
                }
                names.insert(&mut vocab, n, NameRef::Person(i as u32));
                person_index.insert(super::tokens::normalise(n), i as u32);
            }
        }
        let mut surname_countries: HashMap<String, Option<String>> = HashMap::default();
        for p in &people {
            let Some(last) = p.name.split_whitespace().last() else {
                continue;
            };
            let key = super::tokens::normalise(last);
            match surname_countries.get(&key) {
                Some(c) if *c != p.country => {
                    surname_countries.insert(key, None);
                }
                Some(_) => {}
                None => {
                    surname_countries.insert(key, p.country.clone());
                }
            }
        }

        let mut title_words = PhraseTable::new(CaseRule::Loose);
        let office = |e: &TitleEntry| Office {
            name: e.title.clone(),
            sector: e.sector.clone(),
        };
        for (i, t) in titles_file.titles.iter().enumerate() {
            for v in &t.variants {
                title_words.insert(&mut vocab, v, TitleRef::Title(i as u32));
            }
        }
        for (i, r) in titles_file.ranks.iter().enumerate() {
            for v in &r.variants {
                title_words.insert(&mut vocab, v, TitleRef::Rank(i as u32));
            }
        }
        let dropped: HashSet<&str> = g.dropped_honorifics.iter().map(String::as_str).collect();
        for h in &titles_file.honorifics {
            let kept = !dropped.contains(super::tokens::normalise(h).as_str());
            title_words.insert(&mut vocab, h, TitleRef::Honorific { kept });
        }
        for m in &titles_file.modifiers {
            title_words.insert(&mut vocab, m, TitleRef::Modifier);
        }

        let mut groups = PhraseTable::new(CaseRule::Loose);
        for e in &inst.groups {
            groups.insert(&mut vocab, &e.word, e.sector.clone());
        }
        let mut heads = PhraseTable::new(CaseRule::Proper);
        for h in &inst.heads {
            let media = inst.media_heads.contains(&h.word);
            let (first, last) = match h.position.as_str() {
                "first" => (true, false),
                "last" => (false, true),
                _ => (true, true),
            };
            heads.insert(
                &mut vocab,
                &h.word,
                Head {
                    sector: h.sector.clone(),
                    media,
                    first,
                    last,
                },
            );
        }

        let mut trigger_table = PhraseTable::new(CaseRule::Loose);
        for (i, t) in triggers.triggers.iter().enumerate() {
            for f in &t.forms {
                trigger_table.insert(&mut vocab, f, i as u32);
            }
        }

        let given_names: HashSet<String> = given_names
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(super::tokens::normalise)
            .collect();

        let mut grammar = Grammar::new(&g);

        // Each grammar list gets a bit, and each of its words that bit, so a token's lists are known from
        // its word number.
        let lists = grammar.lists_mut();
        if lists.len() > ListBits::BITS as usize {
            return Err(LexiconError(format!(
                "assets/grammar.json has {} lists, more than the {} bits of ListBits",
                lists.len(),
                ListBits::BITS
            )));
        }
        let mut class_words: Vec<(u32, ListBits)> = Vec::new();
        for (n, list) in lists.into_iter().enumerate() {
            list.bit = 1 << n;
            for w in &list.single {
                class_words.push((vocab.intern(w), list.bit));
            }
        }

        // Words that may be typo-corrected: those of titles, triggers, group nouns and head words.
        let vocabulary: Vec<String> = title_words
            .words()
            .chain(trigger_table.words())
            .chain(groups.words())
            .chain(heads.words())
            .map(|w| vocab.word(w).to_string())
            .collect();
        // Never "correct" a name, a closed-class word or a listed English word.
        let mut guard: Vec<String> = typo_guard
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect();
        guard.extend(names.words().map(|w| vocab.word(w).to_string()));
        guard.extend(given_names.iter().cloned());
        let speller = Speller::new(
            vocabulary.iter().map(String::as_str),
            guard.iter().map(String::as_str),
        );

        let references = [
            &g.reciprocals,
            &g.pair_starts,
            &g.person_pronouns,
            &g.plural_pronouns,
            &g.thing_pronouns,
            &g.first_person_plural,
            &g.first_person_singular,
            &g.second_person,
            &g.reference_starts,
        ];
        let reference_words: Vec<String> = references
            .iter()
            .flat_map(|list| {
                list.iter()
                    .map(|w| w.split(' ').next().unwrap_or("").to_string())
            })
            .collect();
        let reference_ids: Vec<u32> = reference_words.iter().map(|w| vocab.intern(w)).collect();
        let mut starts: Vec<u8> = vec![0; vocab.len()];
        let mut mark = |words: &mut dyn Iterator<Item = u32>, bit: u8| {
            for w in words {
                starts[w as usize] |= bit;
            }
        };
        mark(&mut names.first_words(), starts::NAME);
        mark(&mut title_words.first_words(), starts::TITLE);
        mark(&mut groups.first_words(), starts::GROUP);
        mark(&mut heads.first_words(), starts::HEAD);
        mark(&mut trigger_table.first_words(), starts::TRIGGER);
        mark(&mut reference_ids.iter().copied(), starts::REFERENCE);
        let mut classes: Vec<ListBits> = vec![0; vocab.len()];
        for (id, bit) in class_words {
            classes[id as usize] |= bit;
        }

        Ok(Lexicon {
            vocab,
            starts,
            classes,
            countries,
            country_index,
            organisations: inst.organizations,
            people,
            person_index,
            surname_countries,
            titles: titles_file.titles.iter().map(office).collect(),
            ranks: titles_file.ranks.iter().map(office).collect(),
            names,
            title_words,
            groups,
            heads,
            triggers: triggers.triggers,
            trigger_table,
            relief: Trigger {
                kind: InteractionKind::Concede,
                cameo: "081".to_string(),
                lemma: "ease a restriction".to_string(),
                forms: Vec::new(),
                pos: "verb".to_string(),
                transitive: true,
                preps: g.relief_prepositions.clone(),
                directed: true,
                subject_only: false,
                reverse: false,
                not_followed_by: Vec::new(),
            },
            given_names,
            ambiguous,
            grammar,
            speller,
        })
    }

    /// The number of a word (normal form) in `vocab`, or `phrase_table::UNKNOWN`.
    pub fn word_id(&self, norm: &str) -> u32 {
        self.vocab.id(norm)
    }

    /// What the word numbered `id` can start: `starts` bits.
    pub fn starts_of(&self, id: u32) -> u8 {
        self.starts.get(id as usize).copied().unwrap_or(0)
    }

    /// The `WordList::bit`s of the grammar lists holding the word numbered `id`.
    pub fn classes_of(&self, id: u32) -> ListBits {
        self.classes.get(id as usize).copied().unwrap_or(0)
    }

    /// What a word (normal form) can start: `starts` bits.
    pub fn starts(&self, norm: &str) -> u8 {
        self.starts_of(self.word_id(norm))
    }

    /// The sector of a single institution head word ("Coalition" → MIL).
    pub fn heads_sector(&self, word: &str) -> Option<String> {
        let tokens = super::tokens::tokenize(word, 0, word.len());
        self.heads
            .longest(word, &tokens, 0, |j| self.vocab.id(&tokens[j].norm))
            .map(|m| m.values[0].sector.clone())
    }

    /// The well-known person going by this name, if any.
    pub fn known_person(&self, name: &str) -> Option<&KnownPerson> {
        self.person_index
            .get(&super::tokens::normalise(name))
            .map(|&i| &self.people[i as usize])
    }

    /// Whether a listed person has this surname.
    pub fn is_known_surname(&self, surname: &str) -> bool {
        self.surname_countries.contains_key(surname)
    }

    /// The country all listed people of this surname share ("bush" → USA).
    pub fn surname_country(&self, surname: &str) -> Option<u16> {
        self.surname_countries
            .get(surname)?
            .as_deref()
            .and_then(|c| self.country(c))
    }

    /// Index of the country with this ISO alpha-3 code.
    pub fn country(&self, iso3: &str) -> Option<u16> {
        self.country_index.get(iso3).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_data_files_load() {
        let lex = Lexicon::bundled().unwrap();
        assert!(lex.countries.len() >= 195, "every UN member and observer");
        assert!(
            lex.country("IRN").is_some()
                && lex.country("PSE").is_some()
                && lex.country("VAT").is_some()
        );
        assert!(
            !lex.triggers.is_empty() && !lex.titles.is_empty() && !lex.organisations.is_empty()
        );
    }

    #[test]
    fn every_country_code_in_the_data_is_known() {
        let lex = Lexicon::bundled().unwrap();
        for o in &lex.organisations {
            if let Some(c) = &o.country {
                assert!(
                    lex.country(c).is_some(),
                    "{} has unknown country {c}",
                    o.name
                );
            }
        }
    }

    #[test]
    fn every_grammar_list_is_documented_in_the_assets_readme_and_nothing_else_is() {
        let readme = include_str!("../../assets/README.md");
        let section = readme
            .split("## The lists of `grammar.json`")
            .nth(1)
            .expect("the README's section on grammar.json");
        let documented: Vec<&str> = section
            .lines()
            .filter_map(|l| l.strip_prefix("| `")?.split('`').next())
            .collect();
        let mut listed: Vec<&str> = Grammar::names().to_vec();
        listed.push("dropped_honorifics");
        for name in &listed {
            assert!(
                documented.contains(name),
                "grammar list `{name}` has no row in assets/README.md"
            );
        }
        for name in &documented {
            assert!(
                listed.contains(name),
                "assets/README.md documents `{name}`, which grammar.json does not have"
            );
        }
    }

    #[test]
    fn every_grammar_list_has_its_own_bit_and_its_words_carry_it() {
        let lex = Lexicon::bundled().unwrap();
        let mut grammar = lex.grammar.clone();
        let lists = grammar.lists_mut();
        let mut seen: ListBits = 0;
        for list in lists {
            assert_eq!(list.bit.count_ones(), 1);
            assert_eq!(seen & list.bit, 0, "two lists share a bit");
            seen |= list.bit;
            for w in list.words.iter().filter(|w| !w.contains(' ')) {
                assert_ne!(
                    lex.classes_of(lex.word_id(w)) & list.bit,
                    0,
                    "{w} lacks its list's bit"
                );
            }
        }
    }

    #[test]
    fn title_typos_are_corrected_but_english_words_are_not() {
        let lex = Lexicon::bundled().unwrap();
        assert_eq!(lex.speller.correct("forign"), Some("foreign"));
        assert_eq!(lex.speller.correct("disscussions"), Some("discussions"));
        assert_eq!(lex.speller.correct("strives"), None);
        // English words next to lexicon words added later ("contact", "cleansing"): the guard list is
        // regenerated with the lexicon (assets/make_typo_guard.py).
        assert_eq!(lex.speller.correct("contract"), None);
        assert_eq!(lex.speller.correct("cleaning"), None);
    }
}
