//! Coreference within one article: which actor each candidate phrase refers to.
//!
//! Names and definitions are gathered first over the whole article (so a surname may refer back or
//! forward to the full name), then references are resolved in reading order, sentence by sentence:
//! - a later part of a person's name ("Araghchi") → the person whose name holds it (most recent first);
//! - a title without a name ("the Chilean Foreign Minister") → the person holding that title in that
//!   country, or else an unnamed official of its own;
//! - an acronym → the institution that defined it ("National Water Authority (NWA)");
//! - "he", "his" → the person most recently named; "its" → the institution or country most recently named;
//! - "both sides", "the two delegates", "each other" → the pair in focus: the last two actors joined by
//!   "and", by "between", by a compound ("Pak-Iran"), or by an interaction.
//!
//! Group nouns of government ("the Peruvian government", "Kenyan officials") are the country itself; other
//! groups ("Pakistan military", "Afghan rebels") are one actor per country and branch.

use rustc_hash::FxHashMap as HashMap;

use super::lexicon::{Grammar, Lexicon};
use super::mentions::{Candidate, Pronoun, Referent};
use super::name_index::NameIndex;
use crate::corpus::ActorKind;

/// An actor of one article, before merging into the corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub kind: ActorKind,
    pub name: String,
    pub aliases: Vec<String>,
    pub country: Option<u16>,
    pub title: Option<String>,
    pub sector: Option<String>,
    pub code: Option<String>,
    /// Entity indices this one belongs to.
    pub affiliations: Vec<usize>,
    key: Key,
    /// The words of a person's names after the first, normalised: what a later "Araghchi" may match.
    name_parts: Vec<String>,
}

impl Entity {
    fn refresh_name_parts(&mut self) {
        self.name_parts.clear();
        for n in std::iter::once(&self.name).chain(&self.aliases) {
            let n = super::tokens::normalise(n);
            let words: Vec<&str> = n.split([' ', '-']).filter(|w| !w.is_empty()).collect();
            if words.len() > 1 {
                for w in &words[1..] {
                    if !self.name_parts.iter().any(|x| x == w) {
                        self.name_parts.push(w.to_string());
                    }
                }
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Country(u16),
    Organisation(u32),
    Institution(String),
    Group(u16, String),
    Person(usize),
    Title(String),
}

/// The entities of an article and, for every candidate, the entities it refers to (two for a pair).
#[derive(Debug, Default)]
pub struct Resolution {
    pub entities: Vec<Entity>,
    pub referents: Vec<Vec<usize>>,
}

/// Which pair is in focus, by what the pair is made of.
#[derive(Debug, Default, Clone)]
pub struct Focus {
    any: Option<[usize; 2]>,
    persons: Option<[usize; 2]>,
    countries: Option<[usize; 2]>,
    last_person: Option<usize>,
    last_body: Option<usize>,
    /// The body most recently quoted ("the NWA said"), or else the first one named: who "we" is.
    speaker: Option<usize>,
    /// The person most recently quoted, or else the first one named (an interview's subject): who "I" is.
    speaking_person: Option<usize>,
    first_person: Option<usize>,
    first_body: Option<usize>,
    /// The country most recently named, and in which sentence: where an unknown place is.
    last_country: Option<(usize, usize)>,
    /// The state most recently called a regime.
    last_regime: Option<usize>,
    last_institution: Option<usize>,
}

/// Resolves candidates to entities.
pub struct Resolver<'a> {
    lex: &'a Lexicon,
    by_key: HashMap<Key, usize>,
    acronyms: HashMap<String, usize>,
    /// People and bodies by words of their names.
    names: NameIndex,
    /// The candidates (of those last defined) that name a person, in order: where a bare title looks for
    /// its holder.
    person_candidates: Vec<usize>,
    pub res: Resolution,
    pub focus: Focus,
}

impl<'a> Resolver<'a> {
    pub fn new(lex: &'a Lexicon) -> Self {
        Resolver {
            lex,
            by_key: HashMap::default(),
            acronyms: HashMap::default(),
            names: NameIndex::default(),
            person_candidates: Vec::new(),
            res: Resolution::default(),
            focus: Focus::default(),
        }
    }

    fn entity(&mut self, key: Key, make: impl FnOnce(&Lexicon) -> Entity) -> usize {
        if let Some(&i) = self.by_key.get(&key) {
            return i;
        }
        let mut e = make(self.lex);
        e.key = key.clone();
        let i = self.res.entities.len();
        // Names are filed once: a person's name only ever grows to a longer form with the same last
        // word, and a body keeps its name.
        if matches!(key, Key::Person(_)) {
            self.names.add_person(i, &e.name);
        }
        if e.kind == ActorKind::Institution {
            self.names.add_body(i, &e.name);
        }
        self.res.entities.push(e);
        self.by_key.insert(key, i);
        i
    }

    pub fn country_entity(&mut self, c: u16) -> usize {
        self.entity(Key::Country(c), |lex| {
            let iso = lex.countries[c as usize].iso3.clone();
            Entity {
                kind: ActorKind::Country,
                name: lex.countries[c as usize].name.clone(),
                aliases: Vec::new(),
                country: Some(c),
                title: None,
                sector: None,
                code: Some(iso),
                affiliations: Vec::new(),
                key: Key::Country(c),
                name_parts: Vec::new(),
            }
        })
    }

    /// First pass: every candidate that names or defines an actor. Returns the referents known so far.
    pub fn define(&mut self, candidates: &[Candidate], surface: impl Fn(&Candidate) -> String) {
        self.res.referents = vec![Vec::new(); candidates.len()];
        self.person_candidates = (0..candidates.len())
            .filter(|&k| matches!(candidates[k].referent, Referent::Person { .. }))
            .collect();
        for (ci, c) in candidates.iter().enumerate() {
            let e = match &c.referent {
                Referent::Country(k) => Some(self.country_entity(*k)),
                Referent::Organisation(o) => Some(self.organisation(*o)),
                Referent::Institution {
                    name,
                    sector,
                    country,
                    acronym,
                } => Some(self.institution(name, sector, *country, acronym.as_deref())),
                Referent::Group {
                    country,
                    sector,
                    noun,
                } => Some(self.group_named(*country, sector, noun, &surface(c))),
                Referent::Person {
                    name,
                    title,
                    sector,
                    country,
                } => Some(self.person(name, title.as_deref(), sector.as_deref(), *country)),
                _ => None,
            };
            if let Some(e) = e {
                self.res.referents[ci] = vec![e];
            }
        }
        self.bodies_of_officials(candidates);
    }

    /// "UN Secretary-General Ana Ruiz", "Ana Ruiz, UN secretary-general": a body named inside an
    /// official's phrase is the body they belong to.
    fn bodies_of_officials(&mut self, candidates: &[Candidate]) {
        let mut person: Option<(usize, usize)> = None; // (entity, sentence)
        for (ci, c) in candidates.iter().enumerate() {
            match (&c.referent, c.nested) {
                (Referent::Person { .. }, false) => {
                    person = self.res.referents[ci].first().map(|&e| (e, c.sentence))
                }

                (Referent::Organisation(_) | Referent::Institution { .. }, true) => {
                    if let (Some((p, sentence)), Some(&body)) =
                        (person, self.res.referents[ci].first())
                        && sentence == c.sentence
                        && self.res.entities[body].kind == ActorKind::Institution
                        && !self.res.entities[p].affiliations.contains(&body)
                    {
                        self.res.entities[p].affiliations.push(body);
                    }
                }
                (_, false) => person = None,
                _ => {}
            }
        }
    }

    /// The bodies named inside the phrase of candidate `ci` (its nested candidates right after it) are
    /// what official `e` belongs to: "the World Bank Chief Economist".
    fn attach_bodies(&mut self, e: usize, candidates: &[Candidate], ci: usize) {
        let bodies: Vec<usize> = self.bodies_in_phrase(candidates, ci).collect();
        for body in bodies {
            if !self.res.entities[e].affiliations.contains(&body) {
                self.res.entities[e].affiliations.push(body);
            }
        }
    }

    /// The institutions named inside the phrase of candidate `ci`: its nested candidates right after it.
    fn bodies_in_phrase<'c>(
        &'c self,
        candidates: &'c [Candidate],
        ci: usize,
    ) -> impl Iterator<Item = usize> + 'c {
        let sentence = candidates[ci].sentence;
        candidates
            .iter()
            .enumerate()
            .skip(ci + 1)
            .take_while(move |(_, c)| c.nested && c.sentence == sentence)
            .filter_map(|(k, _)| self.res.referents[k].first().copied())
            .filter(|&b| self.res.entities[b].kind == ActorKind::Institution)
    }

    /// A titled official whose country the text never gives, in an article that names exactly one
    /// country: an official of that country ("Former President Ivo Marek ... flying back to Slovakia").
    pub fn only_country_for_officials(&mut self) {
        // Which entities the text refers to, marked in one pass over the referents.
        let mut referred = vec![false; self.res.entities.len()];
        for &e in self.res.referents.iter().flatten() {
            referred[e] = true;
        }
        let countries: Vec<u16> = self
            .res
            .entities
            .iter()
            .filter(|e| e.kind == ActorKind::Country && referred[self.by_key[&e.key]])
            .filter_map(|e| e.country)
            .collect();
        let [only] = countries[..] else { return };
        for e in self.res.entities.iter_mut() {
            let titled = e.title.is_some() || e.sector.is_some();
            let international = matches!(e.sector.as_deref(), Some("IGO" | "NGO"));
            if e.kind == ActorKind::Official
                && e.country.is_none()
                && titled
                && e.affiliations.is_empty()
                && !international
            {
                e.country = Some(only);
            }
        }
        // A body found by its shape ("the Supreme Court", "Front for National Renewal", "Northern Ferry
        // Company") whose name claims no wider reach is a body of that country.
        let wider = &self.lex.grammar.international_name_words.words;
        let domestic: Vec<usize> = (0..self.res.entities.len())
            .filter(|&i| {
                let e = &self.res.entities[i];
                matches!(e.key, Key::Institution(_))
                    && e.country.is_none()
                    && e.affiliations.is_empty()
                    && {
                        let lower = e.name.to_lowercase();
                        !wider.iter().any(|w| lower.contains(w.as_str()))
                    }
            })
            .collect();
        if domestic.is_empty() {
            return;
        }
        let state = self.country_entity(only);
        let iso = self.lex.countries[only as usize].iso3.clone();
        for i in domestic {
            let e = &mut self.res.entities[i];
            e.country = Some(only);
            e.code = Some(format!("{iso}{}", e.sector.as_deref().unwrap_or("GOV")));
            e.affiliations.push(state);
        }
    }

    /// A body already named with or without its country in front of the name ("the Home Office" after
    /// "the United Kingdom Home Office"); a body of another country is another body.
    fn same_body(&self, name: &str, country: Option<u16>) -> Option<usize> {
        let want = self.body_core(name, country);
        self.res.entities.iter().position(|e| {
            e.kind == ActorKind::Institution
                && e.name != name
                && (country.is_none() || e.country == country)
                && e.country.is_some()
                && self.body_core(&e.name, e.country) == want
        })
    }

    /// A body's name in lower case without its country in front.
    fn body_core(&self, name: &str, country: Option<u16>) -> String {
        let n = super::super::corpus::identity::normal(name);
        let Some(c) = country else { return n };
        let stripped = self.lex.countries[c as usize].written().find_map(|w| {
            let rest = n.get(w.len()..)?.strip_prefix(' ')?;
            n[..w.len()]
                .eq_ignore_ascii_case(w)
                .then(|| rest.to_string())
        });
        stripped.unwrap_or(n)
    }

    fn organisation(&mut self, o: u32) -> usize {
        let org = &self.lex.organisations[o as usize];
        let country = org.country.as_deref().and_then(|c| self.lex.country(c));
        if let Some(&e) = self.by_key.get(&Key::Organisation(o)) {
            return e;
        }
        if let Some(e) = self.same_body(&org.name, country) {
            self.by_key.insert(Key::Organisation(o), e);
            return e;
        }
        let affiliation = country.map(|c| self.country_entity(c));
        let e = self.entity(Key::Organisation(o), |lex| {
            let org = &lex.organisations[o as usize];
            Entity {
                kind: ActorKind::Institution,
                name: org.name.clone(),
                aliases: Vec::new(),
                country,
                title: None,
                sector: Some(org.sector.clone()),
                code: Some(org.code.clone()),
                affiliations: affiliation.into_iter().collect(),
                key: Key::Organisation(o),
                name_parts: Vec::new(),
            }
        });
        for a in org
            .aliases
            .iter()
            .filter(|a| a.chars().all(|c| c.is_uppercase() || c == '.' || c == '-'))
        {
            self.acronyms.entry(a.replace('.', "")).or_insert(e);
        }
        e
    }

    fn institution(
        &mut self,
        name: &str,
        sector: &str,
        country: Option<u16>,
        acronym: Option<&str>,
    ) -> usize {
        // "Chile Army", "Chile Armed Forces": the same body as "the Chilean military".
        if let Some(c) = country
            && sector == "MIL"
            && is_generic_military(
                &self.lex.grammar,
                name,
                &self.lex.countries[c as usize].name,
            )
        {
            return self.group(c, sector, name);
        }
        let key = Key::Institution(super::super::corpus::identity::normal(name));
        if let Some(&e) = self.by_key.get(&key) {
            return e;
        }
        // "the United Kingdom Home Office" and "the Home Office" of the United Kingdom: one body.
        if let Some(e) = self.same_body(name, country) {
            return e;
        }
        let affiliation = country.map(|c| self.country_entity(c));
        let code = country.map(|c| format!("{}{}", self.lex.countries[c as usize].iso3, sector));
        let e = self.entity(key.clone(), |_| Entity {
            kind: ActorKind::Institution,
            name: name.to_string(),
            aliases: Vec::new(),
            country,
            title: None,
            sector: Some(sector.to_string()),
            code,
            affiliations: affiliation.into_iter().collect(),
            key,
            name_parts: Vec::new(),
        });
        if let Some(a) = acronym {
            self.acronyms.insert(a.to_string(), e);
            if !self.res.entities[e].aliases.iter().any(|x| x == a) {
                self.res.entities[e].aliases.push(a.to_string());
            }
        }
        e
    }

    /// A country's body named by a common noun. Government nouns are the country itself.
    fn group(&mut self, country: u16, sector: &str, surface: &str) -> usize {
        self.group_named(country, sector, surface, surface)
    }

    /// The group of `country` called `noun` ("military", "people"), written `surface` in the text.
    fn group_named(&mut self, country: u16, sector: &str, noun: &str, surface: &str) -> usize {
        let c = self.country_entity(country);
        if sector == "GOV" {
            return c;
        }
        let branch = branch_of(&self.lex.grammar, sector, noun);
        let iso = self.lex.countries[country as usize].iso3.clone();
        let cname = self.lex.countries[country as usize].name.clone();
        let name = match branch.as_str() {
            "military" => format!("{cname} military"),
            // "rebels" alone, of a country the text gives elsewhere: "Mozambique rebels".
            _ if clean_surface(surface).to_lowercase() == noun => format!("{cname} {noun}"),
            _ => clean_surface(surface),
        };
        let key = Key::Group(country, branch);
        let e = self.entity(key.clone(), |_| Entity {
            kind: ActorKind::Institution,
            name,
            aliases: Vec::new(),
            country: Some(country),
            title: None,
            sector: Some(sector.to_string()),
            code: Some(format!("{iso}{sector}")),
            affiliations: vec![c],
            key,
            name_parts: Vec::new(),
        });
        let alias = clean_surface(surface);
        let ent = &mut self.res.entities[e];
        if alias != ent.name && !ent.aliases.contains(&alias) {
            ent.aliases.push(alias);
        }
        e
    }

    fn person(
        &mut self,
        name: &str,
        title: Option<&str>,
        sector: Option<&str>,
        country: Option<u16>,
    ) -> usize {
        // A well-known person: their full name, country and usual office fill what the text leaves out.
        let known = self.lex.known_person(name).filter(|k| {
            let kc = k.country.as_deref().and_then(|c| self.lex.country(c));
            country.is_none() || kc.is_none() || kc == country
        });
        // The listed name ("Bashar al-Assad" for "Assad", "Sergey Lavrov" for "Sergei Lavrov"), unless the
        // text gives more of it ("Maria Elena Ortiz" for "Elena Ortiz").
        let name = known.map_or(name, |k| {
            if names_agree(name, &k.name) && name.len() > k.name.len() {
                name
            } else {
                k.name.as_str()
            }
        });
        let country = country.or_else(|| {
            known
                .and_then(|k| k.country.as_deref())
                .and_then(|c| self.lex.country(c))
        });
        // The listed office is not taken: what office someone holds is the text's to say.
        let sector = sector.or_else(|| known.and_then(|k| k.sector.as_deref()));
        // The latest person whose name agrees: only those filed under the same surname can.
        let found = self
            .names
            .people_like(name)
            .iter()
            .rev()
            .copied()
            .find(|&i| {
                let e = &self.res.entities[i];
                e.kind == ActorKind::Official
                    && matches!(e.key, Key::Person(_))
                    && names_agree(&e.name, name)
                    && (e.country.is_none() || country.is_none() || e.country == country)
            });
        let i = match found {
            Some(i) => i,
            None => {
                let key = Key::Person(self.res.entities.len());
                self.entity(key.clone(), |_| Entity {
                    kind: ActorKind::Official,
                    name: name.to_string(),
                    aliases: Vec::new(),
                    country: None,
                    title: None,
                    sector: None,
                    code: None,
                    affiliations: Vec::new(),
                    key,
                    name_parts: Vec::new(),
                })
            }
        };
        let e = &mut self.res.entities[i];
        if name.len() > e.name.len() {
            let old = std::mem::replace(&mut e.name, name.to_string());
            e.aliases.push(old);
        } else if name != e.name && !e.aliases.iter().any(|a| a == name) {
            e.aliases.push(name.to_string());
        }
        if e.title.is_none() {
            e.title = title.map(str::to_string);
        }
        if e.sector.is_none() {
            e.sector = sector.map(str::to_string);
        }
        if e.country.is_none() {
            e.country = country;
        }
        e.refresh_name_parts();
        for part in &self.res.entities[i].name_parts {
            self.names.add_part(i, part);
        }
        i
    }

    /// Gives people their codes and affiliations (official → institution → country) once all is known.
    pub fn affiliate_people(&mut self) {
        for i in 0..self.res.entities.len() {
            let e = &self.res.entities[i];
            if e.kind != ActorKind::Official {
                continue;
            }
            let Some(c) = e.country else {
                // No country: the code of the international body they belong to ("IGOUNO").
                // Without one, a known international official's sector ("IGO") still says what they are.
                let body_code = e
                    .affiliations
                    .iter()
                    .find_map(|&a| self.res.entities[a].code.clone());
                let international = e
                    .sector
                    .as_deref()
                    .filter(|s| matches!(*s, "IGO" | "NGO"))
                    .map(str::to_string);
                self.res.entities[i].code = body_code.or(international);
                continue;
            };
            let sector = e.sector.clone();
            let iso = self.lex.countries[c as usize].iso3.clone();
            let sector = sector.unwrap_or_else(|| "GOV".to_string());
            let code = format!("{iso}{sector}");
            let body = match sector.as_str() {
                "MIL" => {
                    let cname = self.lex.countries[c as usize].name.clone();
                    Some(self.group(c, "MIL", &format!("{cname} military")))
                }
                _ => None,
            };
            let country = self.country_entity(c);
            let e = &mut self.res.entities[i];
            e.code = Some(code);
            let named: Vec<usize> = e.affiliations.drain(..).collect();
            e.affiliations = named
                .into_iter()
                .chain(body)
                .chain(std::iter::once(country))
                .fold(Vec::new(), |mut v, a| {
                    if !v.contains(&a) {
                        v.push(a);
                    }
                    v
                });
        }
    }

    /// Second pass for one sentence: references (titles, name parts, acronyms, pronouns, pairs), in reading
    /// order. `joined` lists candidate index pairs the sentence joins ("X and Y", "between X and Y").
    pub fn resolve_sentence(
        &mut self,
        text: &str,
        candidates: &[Candidate],
        range: std::ops::Range<usize>,
        joined: &[(usize, usize)],
    ) {
        let sentence = range.clone();
        for ci in range {
            if !self.res.referents[ci].is_empty() {
                self.note(ci, candidates[ci].sentence);
                self.focus_on_joined(ci, joined);
                continue;
            }
            let c = &candidates[ci];
            let r = match &c.referent {
                Referent::Title {
                    title,
                    sector,
                    country,
                } => Some(self.title(title, sector, *country, ci, candidates)),
                Referent::NamePart(w) => self.name_part(w),
                Referent::Acronym(a) => Some(self.acronym(a)),
                Referent::HeadRef(word) => Some(self.head_ref(word)),
                // "the company", "the group": a body named by that head word, or else the body
                // most recently named.
                Referent::HeadBack(word) => self.head_back(word).or_else(|| {
                    self.lex
                        .grammar
                        .body_nouns
                        .has(&word.to_lowercase())
                        .then_some(self.focus.last_institution)
                        .flatten()
                }),
                Referent::Place => self
                    .focus
                    .last_country
                    .filter(|(_, s)| c.sentence <= s + 2)
                    .map(|(e, _)| e),
                Referent::LocalGroup { sector, noun } => self
                    .local_country(candidates, sentence.clone(), c.sentence)
                    .map(|k| self.group_named(k, sector, noun, &text[c.span.start..c.span.end])),
                Referent::GovernmentOf(surname) => {
                    let known = self
                        .lex
                        .known_person(surname)
                        .and_then(|k| k.country.as_deref())
                        .and_then(|c| self.lex.country(c))
                        .or_else(|| self.lex.surname_country(surname));
                    let named = self
                        .name_part(surname)
                        .and_then(|p| self.res.entities[p].country);
                    let state = named.or(known).map(|k| self.country_entity(k));
                    if state.is_some() {
                        self.focus.last_regime = state;
                    }
                    state
                }
                // "the regime" with none called one yet: the state the text is about at that point.
                Referent::CountryBack => self.focus.last_country.map(|(e, _)| e),
                Referent::Regime => self
                    .focus
                    .last_regime
                    .or(self.focus.last_country.map(|(e, _)| e)),
                Referent::MediaWing { country, sector } => Some(self.media_wing(*country, sector)),
                Referent::Pronoun(Pronoun::We) => self.focus.speaker.or(self.focus.first_body),
                Referent::Pronoun(Pronoun::Person) => self.focus.last_person,
                Referent::Pronoun(Pronoun::Me) => {
                    self.focus.speaking_person.or(self.focus.first_person)
                }
                // "What did you ...?": an interview's questions are put to the person it is about.
                Referent::Pronoun(Pronoun::You) => self.focus.first_person,
                Referent::Pronoun(Pronoun::Thing) => self.focus.last_body,
                // "they", "their": the body (not a state) most recently named.
                Referent::Pronoun(Pronoun::Plural) => self.focus.last_institution,
                _ => None,
            };
            match &c.referent {
                Referent::Pair { persons, countries } => {
                    let pair = if *persons {
                        self.focus.persons.or(self.focus.any)
                    } else if *countries {
                        self.focus
                            .countries
                            .or_else(|| self.countries_of(self.focus.persons))
                            .or(self.focus.any)
                    } else {
                        self.focus.any
                    };
                    if let Some(p) = pair {
                        self.res.referents[ci] = p.to_vec();
                    }
                }
                Referent::Reciprocal => {
                    if let Some(p) = self.focus.any {
                        self.res.referents[ci] = p.to_vec();
                    }
                }
                _ => {
                    if let Some(e) = r {
                        self.res.referents[ci] = vec![e];
                        self.note(ci, c.sentence);
                        if matches!(c.referent, Referent::Title { .. }) {
                            self.attach_bodies(e, candidates, ci);
                        }
                    }
                }
            }
            self.focus_on_joined(ci, joined);
        }
    }

    /// The country a group named without one belongs to: the one country the sentence names (as a
    /// country or as the country of an actor in it), or else the country of the last few sentences.
    fn local_country(
        &self,
        candidates: &[Candidate],
        sentence: std::ops::Range<usize>,
        at: usize,
    ) -> Option<u16> {
        let mut found: Vec<u16> = Vec::new();
        for ci in sentence {
            if matches!(candidates[ci].referent, Referent::LocalGroup { .. }) {
                continue;
            }
            for &e in &self.res.referents[ci] {
                if let Some(k) = self.res.entities[e].country
                    && !found.contains(&k)
                {
                    found.push(k);
                }
            }
        }
        match found[..] {
            [only] => Some(only),
            [] => self
                .focus
                .last_country
                .filter(|(_, s)| at <= s + 2)
                .and_then(|(e, _)| self.res.entities[e].country),
            _ => None,
        }
    }

    fn focus_on_joined(&mut self, ci: usize, joined: &[(usize, usize)]) {
        for &(a, b) in joined.iter().filter(|(_, b)| *b == ci) {
            if let (Some(&x), Some(&y)) =
                (self.res.referents[a].first(), self.res.referents[b].first())
            {
                self.set_focus(x, y);
            }
        }
    }

    /// Remembers the most recent person and body for pronouns.
    fn note(&mut self, ci: usize, sentence: usize) {
        if let [e] = self.res.referents[ci][..] {
            if self.res.entities[e].kind == ActorKind::Country {
                self.focus.last_country = Some((e, sentence));
            }
            match self.res.entities[e].kind {
                ActorKind::Official => {
                    self.focus.last_person = Some(e);
                    self.focus.first_person.get_or_insert(e);
                }
                kind => {
                    self.focus.last_body = Some(e);
                    self.focus.first_body.get_or_insert(e);
                    if kind == ActorKind::Institution {
                        self.focus.last_institution = Some(e);
                    }
                }
            }
        }
    }

    /// Records who a sentence quotes, so that a later "we" can be theirs.
    pub fn quoted(&mut self, e: usize) {
        let ent = &self.res.entities[e];
        if ent.kind == ActorKind::Official {
            self.focus.speaking_person = Some(e);
        }
        if ent.kind != ActorKind::Official {
            self.focus.speaker = Some(e);
        } else if let Some(c) = ent.country {
            // "Ms Okafor said: ... We shall keep ...": an official speaks for their state.
            self.focus.speaker = Some(self.country_entity(c));
        }
    }

    /// A country's or group's media wing: the institution the article names that does public relations
    /// (its name says "Public Relations", "Media", "Press", "Information"), which thereby gets that country
    /// and belongs to the group; else a body of its own.
    fn media_wing(&mut self, country: u16, sector: &str) -> usize {
        let owner = self.group(
            country,
            sector,
            &format!("{} military", self.lex.countries[country as usize].name),
        );
        let owner = if sector == "MIL" {
            owner
        } else {
            self.country_entity(country)
        };
        let words = &self.lex.grammar.media_name_words.words;
        let found = self.res.entities.iter().position(|e| {
            e.kind == ActorKind::Institution
                && e.country.is_none_or(|c| c == country)
                && words
                    .iter()
                    .any(|w| e.name.to_lowercase().contains(w.as_str()))
        });
        let e = match found {
            Some(e) => e,
            None => {
                let name = format!("{} media wing", self.res.entities[owner].name);
                self.institution(&name, "MED", Some(country), None)
            }
        };
        let iso = self.lex.countries[country as usize].iso3.clone();
        let ent = &mut self.res.entities[e];
        ent.country.get_or_insert(country);
        if ent.code.is_none() {
            ent.code = Some(format!("{iso}{sector}"));
        }
        if !ent.affiliations.contains(&owner) && owner != e {
            ent.affiliations.insert(0, owner);
        }
        e
    }

    /// "the command": the most recent body whose name ends with the word.
    fn head_back(&self, word: &str) -> Option<usize> {
        let w = word.to_lowercase();
        self.names
            .bodies_ending(&w)
            .iter()
            .rev()
            .copied()
            .find(|&i| {
                let e = &self.res.entities[i];
                e.kind == ActorKind::Institution && NameIndex::head_key(&e.name) == w
            })
    }

    /// "the Coalition", "the Ministry": the most recent body whose name ends with the word, else a body
    /// of that name.
    fn head_ref(&mut self, word: &str) -> usize {
        if let Some(e) = self.head_back(word) {
            return e;
        }
        let sector = self
            .lex
            .heads_sector(word)
            .unwrap_or_else(|| "GOV".to_string());
        self.institution(word, &sector, None, None)
    }

    /// The pair in focus, of any kind.
    pub fn focus_pair(&self) -> Option<[usize; 2]> {
        self.focus.any
    }

    /// Makes `a` and `b` the pair in focus.
    pub fn set_focus(&mut self, a: usize, b: usize) {
        if a == b {
            return;
        }
        let pair = [a, b];
        self.focus.any = Some(pair);
        let kinds = (self.res.entities[a].kind, self.res.entities[b].kind);
        match kinds {
            (ActorKind::Official, ActorKind::Official) => self.focus.persons = Some(pair),
            (ActorKind::Country, ActorKind::Country) => self.focus.countries = Some(pair),
            _ => {}
        }
    }

    /// Whether entity `e` is a bare title the text ties to no one: no name, no country, no body ("the
    /// President said ..." in an article that names neither). Such a title is no actor: it would join
    /// every other article's bare "President".
    pub fn is_untied_title(&self, e: usize) -> bool {
        let x = &self.res.entities[e];
        matches!(x.key, Key::Title(_))
            && x.country.is_none()
            && x.affiliations.is_empty()
            && x.title.as_deref() == Some(x.name.as_str())
    }

    fn countries_of(&mut self, pair: Option<[usize; 2]>) -> Option<[usize; 2]> {
        let [a, b] = pair?;
        let (ca, cb) = (self.res.entities[a].country?, self.res.entities[b].country?);
        (ca != cb).then(|| [self.country_entity(ca), self.country_entity(cb)])
    }

    fn title(
        &mut self,
        title: &str,
        sector: &str,
        country: Option<u16>,
        ci: usize,
        candidates: &[Candidate],
    ) -> usize {
        let fits = |e: &Entity| {
            e.kind == ActorKind::Official
                && e.title.as_deref().is_some_and(|t| titles_match(t, title))
                && (country.is_none() || e.country.is_none() || e.country == country)
        };
        // The most recent person so titled before this mention, else the first one after it.
        let mut before = None;
        let mut after = None;
        for &k in &self.person_candidates {
            if let [e] = self.res.referents[k][..]
                && fits(&self.res.entities[e])
            {
                if k < ci {
                    before = Some(e);
                } else if after.is_none() {
                    after = Some(e);
                }
            }
        }
        if let Some(e) = before.or(after) {
            return e;
        }
        // "A Trade Ministry spokeswoman": the body named in the phrase (its nested mentions) names them.
        let body = self.bodies_in_phrase(candidates, ci).next();
        // "Anna Berg met ... The Trade Minister said": the one person named before without an office
        // of their own in the text holds this one. Not a body's unnamed official ("a Trade Ministry
        // spokeswoman"): that is someone else.
        let before_title = if body.is_some() { 0 } else { ci };
        let untitled: Vec<usize> = self
            .person_candidates
            .iter()
            .copied()
            .take_while(|&k| k < before_title)
            .filter(|&k| matches!(candidates[k].referent, Referent::Person { title: None, .. }))
            .filter_map(|k| self.res.referents[k].first().copied())
            .filter(|&e| {
                let p = &self.res.entities[e];
                p.title.is_none()
                    && (country.is_none() || p.country.is_none() || p.country == country)
            })
            .collect();
        if let [first, rest @ ..] = untitled.as_slice()
            && rest.iter().all(|e| e == first)
        {
            let p = &mut self.res.entities[*first];
            p.title = Some(title.to_string());
            p.sector.get_or_insert_with(|| sector.to_string());
            if p.country.is_none() {
                p.country = country;
            }
            return *first;
        }
        let key = Key::Title(format!("{title}|{country:?}|{body:?}"));
        let name = match (body, country) {
            (Some(b), _) => format!("{} {}", self.res.entities[b].name, title.to_lowercase()),
            (None, Some(c)) => format!("{} of {}", title, self.lex.countries[c as usize].name),
            (None, None) => title.to_string(),
        };
        self.entity(key.clone(), |_| Entity {
            kind: ActorKind::Official,
            name,
            aliases: Vec::new(),
            country,
            title: Some(title.to_string()),
            sector: Some(sector.to_string()),
            code: None,
            affiliations: Vec::new(),
            key,
            name_parts: Vec::new(),
        })
    }

    fn name_part(&self, word: &str) -> Option<usize> {
        // Only people filed under the word can hold it, met in the order of a scan of all entities.
        let holders: Vec<usize> = self
            .names
            .people_with_part(word)
            .iter()
            .copied()
            .filter(|&i| {
                let e = &self.res.entities[i];
                matches!(e.key, Key::Person(_)) && e.name_parts.iter().any(|w| w == word)
            })
            .collect();
        // A word that ends someone's name is their surname: it stands for them before anyone whose
        // name only has it inside ("Vela" is Ana Vela, not the "Ana Vela Memorial Prize" read as a name).
        let ends = |i: &usize| {
            let e = &self.res.entities[*i];
            std::iter::once(&e.name)
                .chain(&e.aliases)
                .any(|n| super::tokens::normalise(n).rsplit([' ', '-']).next() == Some(word))
        };
        let surname: Vec<usize> = holders.iter().copied().filter(ends).collect();
        let holders = if surname.is_empty() { holders } else { surname };
        let mut best = None;
        for i in holders {
            if best.is_some() && Some(i) != self.focus.last_person {
                // Two people share the word: take the one in focus, else leave it.
                if best != self.focus.last_person {
                    best = None;
                    continue;
                }
            }
            best = Some(i);
        }
        best
    }

    fn acronym(&mut self, acr: &str) -> usize {
        let bare = acr.replace('.', "");
        if let Some(&e) = self.acronyms.get(&bare) {
            return e;
        }
        // "USI" after "the University of Southern Indiana": the initials of a body the article named.
        if bare.len() >= 2
            && let Some(e) = self
                .res
                .entities
                .iter()
                .position(|x| x.kind == ActorKind::Institution && initials(&x.name) == bare)
        {
            self.acronyms.insert(bare, e);
            return e;
        }
        let e = self.institution(acr, "GOV", None, Some(acr));
        self.res.entities[e].sector = None;
        e
    }
}

/// The capitals that start the words of a name, small words left out ("University of Southern Indiana" →
/// "USI").
fn initials(name: &str) -> String {
    name.split([' ', '-'])
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

/// "Chile Army", "Chile Armed Forces", "Chile's military": the country's armed forces as a whole.
fn is_generic_military(g: &Grammar, name: &str, country: &str) -> bool {
    let lower = name.to_lowercase();
    let rest = lower
        .trim_start_matches("the ")
        .replace(&country.to_lowercase(), "");
    let rest = rest.trim().trim_start_matches("'s").trim();
    g.armed_forces_names.has_text(rest)
}

/// The branch of a group noun: all of "military", "army", "troops", "forces", "military leadership" are
/// one armed forces (a navy or an air force, `separate_branches`, excepted); other nouns are their own group.
fn branch_of(g: &Grammar, sector: &str, surface: &str) -> String {
    let lower = surface.to_lowercase();
    if sector == "MIL"
        && !g
            .separate_branches
            .words
            .iter()
            .any(|b| lower.contains(b.as_str()))
    {
        return "military".to_string();
    }
    let last = lower.rsplit(' ').next().unwrap_or("");
    format!("{sector}:{last}")
}

/// A group's surface text as a name: without a leading "the" and a possessive.
fn clean_surface(s: &str) -> String {
    let s = s.trim();
    let s = s
        .strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s);
    s.replace("\u{2019}s ", " ").replace("'s ", " ")
}

/// Two titles name the same office: one of the offices joined by "and" is the same in both ("Trade
/// Minister" and "Vice President and Trade Minister").
fn titles_match(held: &str, said: &str) -> bool {
    if held.is_ascii() && said.is_ascii() {
        // The common case, compared in place.
        return and_parts(said).any(|s| and_parts(held).any(|h| h.eq_ignore_ascii_case(s)));
    }
    let parts = |s: &str| {
        s.to_lowercase()
            .split(" and ")
            .map(|p| p.trim().to_string())
            .collect::<Vec<_>>()
    };
    let held = parts(held);
    parts(said).iter().any(|s| held.contains(s))
}

/// The trimmed parts of an ASCII title between the words "and" (in any case).
fn and_parts(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        let b = r.as_bytes();
        match (0..b.len().saturating_sub(4)).find(|&k| {
            b[k] == b' ' && b[k + 4] == b' ' && b[k + 1..k + 4].eq_ignore_ascii_case(b"and")
        }) {
            Some(k) => {
                rest = Some(&r[k + 5..]);
                Some(r[..k].trim())
            }
            None => {
                rest = None;
                Some(r.trim())
            }
        }
    })
}

/// Whether two written names can be the same person: same last word, and one's words within the other's.
fn names_agree(a: &str, b: &str) -> bool {
    // Most pairs differ in the surname: settled without building anything.
    let (Some(la), Some(lb)) = (
        a.split_whitespace().next_back(),
        b.split_whitespace().next_back(),
    ) else {
        return false;
    };
    if !super::tokens::normal_chars(la).eq(super::tokens::normal_chars(lb)) {
        return false;
    }
    let na = super::tokens::normalise(a);
    let nb = super::tokens::normalise(b);
    let wa: Vec<&str> = na.split_whitespace().collect();
    let wb: Vec<&str> = nb.split_whitespace().collect();
    if wa.is_empty() || wb.is_empty() || wa.last() != wb.last() {
        return false;
    }
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    short.iter().all(|w| long.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_agree_on_surname_and_subset() {
        assert!(names_agree("Syed Karim Haddad", "Karim Haddad"));
        assert!(!names_agree("Omar Said", "Karim Haddad"));
        assert!(!names_agree("John Smith", "Adam Smith"));
    }

    #[test]
    fn a_single_title_matches_a_double_one() {
        assert!(titles_match(
            "Vice President and Trade Minister",
            "Trade Minister"
        ));
        assert!(titles_match("Foreign Minister", "Foreign Minister"));
        assert!(!titles_match("Army Chief", "Foreign Minister"));
        // Case and spacing do not matter; "and" inside a word does not split.
        assert!(titles_match(
            "Minister of Defence AND  foreign minister ",
            "Foreign Minister"
        ));
        assert!(!titles_match("Commander of the Standing Forces", "Forces"));
        assert!(titles_match(
            "Ministre des Affaires étrangères and Premier",
            "premier"
        ));
        assert_eq!(
            and_parts(" a and b AND c and ").collect::<Vec<_>>(),
            ["a", "b", "c", ""]
        );
    }

    #[test]
    fn army_names_are_the_armed_forces() {
        let lex = Lexicon::bundled().unwrap();
        let g = &lex.grammar;
        assert!(is_generic_military(g, "Chile Army", "Chile"));
        assert!(is_generic_military(g, "the Chile Armed Forces", "Chile"));
        assert!(is_generic_military(g, "Chile's military", "Chile"));
        assert!(!is_generic_military(g, "Chile Navy", "Chile"));
    }

    #[test]
    fn a_navy_or_an_air_force_is_a_branch_of_its_own() {
        let lex = Lexicon::bundled().unwrap();
        let g = &lex.grammar;
        assert_eq!(branch_of(g, "MIL", "troops"), "military");
        assert_eq!(branch_of(g, "MIL", "naval forces"), "MIL:forces");
        assert_eq!(branch_of(g, "REB", "rebels"), "REB:rebels");
    }
}
