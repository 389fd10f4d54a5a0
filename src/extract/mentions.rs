//! Finding the phrases of one sentence that refer to an actor, and saying what each refers to — before
//! coreference decides *which* actor.
//!
//! The phrase shapes recognised, tried in this order at each token:
//! - pair and pronoun references: "both sides", "the two bordering states", "each other", "his";
//! - official phrases: [country or demonym ('s)] [modifiers] title [and title] [rank] [honorific]
//!   [for portfolio] [name]
//!   ("Kenya's Army Chief General Peter Otieno"); without a name they are title references ("the
//!   Chilean Foreign Minister"); a following appositive adds a title to a name ("Ana Ruiz, Chile's
//!   foreign minister");
//! - a country followed by a group noun: "Chile's military leadership", "Sudanese rebels";
//! - capitalised phrases naming an institution: an acronym definition "National Water Authority
//!   (NWA)", or a head word such as "Ministry", "Army", "Radio" ("Radio Andes", "Kenyan Security Forces");
//! - gazetteer names: countries, demonyms, capitals and places, organisations;
//! - bare acronyms ("ISPR"), people's names (a known given name first), and single capitalised words that
//!   may be part of a name seen before ("Araghchi").

use std::ops::Range;

use super::lexicon::{Lexicon, NameRef, TitleRef, WordList, starts};
use super::tokens::{Shape, Token};
use super::word_keys::WordKeys;
use crate::corpus::{MentionVia, Span};

/// What a phrase refers to, as far as the sentence alone can tell.
#[derive(Debug, Clone, PartialEq)]
pub enum Referent {
    Country(u16),
    Organisation(u32),
    /// A named institution found by its shape; `acronym` when the text defines one.
    Institution {
        name: String,
        sector: String,
        country: Option<u16>,
        acronym: Option<String>,
    },
    /// An all-caps word that may stand for an institution defined elsewhere in the article.
    Acronym(String),
    /// A bare head word standing for a body named in full elsewhere ("the Coalition", "the command").
    /// Written in lower case it only refers back; capitalised it may name a body of its own.
    HeadRef(String),
    /// "the ministry", "the squadron": a body of that kind named before in the article.
    HeadBack(String),
    /// A place the gazetteer does not know, named after "near", "in", "at" ("near San Roque"): a place in
    /// the country the text is about at that point.
    Place,
    /// "the Moreno regime", "Ortega's government": the state that person leads.
    GovernmentOf(String),
    /// "the regime": the state most recently called one.
    Regime,
    /// "the country": the country most recently named.
    CountryBack,
    /// "the Chile military's media wing": the public-relations body of a country or group, which the
    /// article may name elsewhere ("Armed Forces Press Office").
    MediaWing {
        country: u16,
        sector: String,
    },
    /// A country's body or people named by a common noun: "Pakistan military", "Afghan rebels".
    Group {
        country: u16,
        sector: String,
        noun: String,
    },
    /// People or a body named by a common noun alone, of the country the sentence or the text is about:
    /// "Tuareg rebels", "Zulu farm workers", "Prisoners".
    LocalGroup {
        sector: String,
        noun: String,
    },
    Person {
        name: String,
        title: Option<String>,
        sector: Option<String>,
        country: Option<u16>,
    },
    /// A title without a name: "the Chilean Foreign Minister".
    Title {
        title: String,
        sector: String,
        country: Option<u16>,
    },
    /// A single capitalised word that may be part of a person's name seen elsewhere.
    NamePart(String),
    Pronoun(Pronoun),
    /// "both sides", "the two delegates": the pair in focus; `persons` when the noun says people.
    Pair {
        persons: bool,
        countries: bool,
    },
    /// "each other": the other member of the pair in focus.
    Reciprocal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    /// he, his, she, her
    Person,
    /// they, their
    Plural,
    /// it, its
    Thing,
    /// we, our
    We,
    /// I, me, my: who speaks
    Me,
    /// you, your in a question: who is interviewed
    You,
}

/// A phrase of a sentence that refers to an actor.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub sentence: usize,
    /// Token indices (into the article's tokens).
    pub tokens: Range<usize>,
    pub span: Span,
    pub referent: Referent,
    pub via: MentionVia,
    /// Part of a larger candidate (the country in an official's phrase); not an argument of interactions.
    pub nested: bool,
    /// Known only by a name the article repeats (`recurring_bodies`): a mention of an actor, but not an
    /// argument of interactions.
    pub name_only: bool,
}

/// One sentence's tokens with the lexicon, ready to be read.
pub struct SentenceReader<'a> {
    lex: &'a Lexicon,
    text: &'a str,
    tokens: &'a [Token],
    /// What the lexicon makes of each token: keys, word numbers, `lexicon::starts` bits.
    words: &'a WordKeys<'a>,
    range: Range<usize>,
    sentence: usize,
    /// Lookups already made, per token of the sentence: the same token is asked about by several phrase
    /// shapes, and each answer costs a hash probe.
    memo: std::cell::RefCell<Vec<Memo>>,
}

/// The lookups made at one token: `None` until asked.
#[derive(Default, Clone, Copy)]
struct Memo {
    country: Option<Option<(usize, u16, MentionVia)>>,
    title: Option<Option<(usize, TitleRef)>>,
    organisation: Option<Option<(usize, u32)>>,
    name: Option<Option<usize>>,
}

impl<'a> SentenceReader<'a> {
    pub fn new(
        lex: &'a Lexicon,
        text: &'a str,
        tokens: &'a [Token],
        words: &'a WordKeys<'a>,
        range: Range<usize>,
        sentence: usize,
    ) -> Self {
        let n = range.len();
        let memo = vec![Memo::default(); n];
        SentenceReader {
            lex,
            text,
            tokens,
            words,
            range,
            sentence,
            memo: std::cell::RefCell::new(memo),
        }
    }

    /// Whether token `k`'s normal form is in `list` (from its word number, without hashing).
    fn is_in(&self, list: &WordList, k: usize) -> bool {
        debug_assert!(
            list.bit != 0,
            "a word list that is not one of Grammar's has no bit"
        );
        self.words.classes[k] & list.bit != 0
    }

    fn norm(&self, i: usize) -> &'a str {
        self.words.norms[i]
    }

    fn key(&self, i: usize) -> &str {
        self.words.keys[i]
    }

    fn in_range(&self, i: usize) -> bool {
        i < self.range.end
    }

    /// The answer for token `i` kept in the memo slot `slot`, computed by `compute` the first time.
    fn memoised<T: Copy>(
        &self,
        i: usize,
        slot: impl Fn(&mut Memo) -> &mut Option<Option<T>>,
        compute: impl FnOnce() -> Option<T>,
    ) -> Option<T> {
        if !self.in_range(i) {
            return None;
        }
        let k = i - self.range.start;
        if let Some(v) = *slot(&mut self.memo.borrow_mut()[k]) {
            return v;
        }
        let v = compute();
        *slot(&mut self.memo.borrow_mut()[k]) = Some(v);
        v
    }

    /// Whether token `i` can start a phrase of the kind `bit` (`lexicon::starts`); a table lookup where it
    /// cannot is skipped.
    fn can_start(&self, i: usize, bit: u8) -> bool {
        self.in_range(i) && self.words.starts[i] & bit != 0
    }

    fn span(&self, r: Range<usize>) -> Span {
        Span::new(self.tokens[r.start].start, self.tokens[r.end - 1].end)
    }

    fn slice(&self, r: Range<usize>) -> &'a str {
        &self.text[self.tokens[r.start].start..self.tokens[r.end - 1].end]
    }

    fn candidate(
        &self,
        r: Range<usize>,
        referent: Referent,
        via: MentionVia,
        nested: bool,
    ) -> Candidate {
        Candidate {
            sentence: self.sentence,
            span: self.span(r.clone()),
            tokens: r,
            referent,
            via,
            nested,
            name_only: false,
        }
    }

    /// The country named at `i` (name, demonym, abbreviation, capital), with its length.
    fn country_at(&self, i: usize) -> Option<(usize, u16, MentionVia)> {
        self.memoised(i, |m| &mut m.country, || self.country_at_uncached(i))
    }

    fn country_at_uncached(&self, i: usize) -> Option<(usize, u16, MentionVia)> {
        if !self.can_start(i, starts::NAME) || !self.tokens[i].capitalised {
            return None;
        }
        let m = self.lex.names.longest_if(
            self.can_start(i, starts::NAME),
            self.text,
            &self.tokens[..self.range.end],
            i,
            |j| self.words.norm_ids[j],
        )?;
        m.values.iter().find_map(|v| match v {
            NameRef::Country { index, via, .. } => Some((m.len, *index, *via)),
            _ => None,
        })
    }

    /// Titles, ranks, honorifics or modifiers at `i` (lexicon keys, so typos are forgiven).
    fn title_word_at(&self, i: usize) -> Option<(usize, TitleRef)> {
        self.memoised(i, |m| &mut m.title, || self.title_word_at_uncached(i))
    }

    fn title_word_at_uncached(&self, i: usize) -> Option<(usize, TitleRef)> {
        if !self.can_start(i, starts::TITLE) || !self.tokens[i].is_word() {
            return None;
        }
        let m = self.lex.title_words.longest_if(
            self.can_start(i, starts::TITLE),
            self.text,
            &self.tokens[..self.range.end],
            i,
            |j| self.words.key_ids[j],
        )?;
        // A title inside a name list beats a modifier or honorific of the same length.
        let best = m
            .values
            .iter()
            .copied()
            .max_by_key(|v| match v {
                TitleRef::Title(_) => 3,
                TitleRef::Rank(_) => 2,
                TitleRef::Honorific { .. } => 1,
                TitleRef::Modifier => 0,
            })
            .copied()?;
        Some((m.len, best))
    }

    /// Whether token `i` can be part of a person's name.
    fn is_name_word(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        t.is_word()
            && t.capitalised
            && (!t.all_caps
                || t.norm.contains('.') && t.norm.len() <= 6 && self.country_at(i).is_none())
            && !self.is_in(&self.lex.grammar.not_names, i)
            && !self.is_in(&self.lex.grammar.months, i)
            && !self.is_in(&self.lex.grammar.weekdays, i)
    }

    /// The name starting at `i`: capitalised words, with particles ("al-", "bin", "de") and hyphens
    /// inside. Stops at titles, countries and anything else.
    fn name_at(&self, i: usize) -> Option<usize> {
        self.memoised(i, |m| &mut m.name, || self.name_at_uncached(i))
    }

    fn name_at_uncached(&self, i: usize) -> Option<usize> {
        let mut j = i;
        let mut words = 0;
        let mut after_particle = false;
        while self.in_range(j) {
            let t = &self.tokens[j];
            // A capitalised trigger word is a verb of a headline ("Robert Ford Returns to Syria"), not a name.
            let verb = words > 0
                && self.can_start(j, starts::TRIGGER)
                && !self.lex.given_names.contains(t.norm.as_str());
            if self.is_name_word(j)
                && !verb
                && self
                    .title_word_at(j)
                    .is_none_or(|(_, r)| matches!(r, TitleRef::Modifier) && words > 0)
            {
                if words > 0
                    && !after_particle
                    && self.country_at(j).is_some()
                    && !self.lex.ambiguous.contains(t.norm.as_str())
                {
                    break;
                }
                if self.lex.names.starts_with(self.words.norm_ids[j])
                    && self.organisation_at(j).is_some()
                {
                    break;
                }
                j += 1;
                words += 1;
                after_particle = false;
            } else if words > 0 || self.is_in(&self.lex.grammar.name_particles, j) {
                // A particle or hyphen joins two name words: "al-Jaafari", "bin Salman", "Jae-in"; so does the
                // full stop of a middle initial: "Mary K. Ellis".
                let initial = t.norm == "." && words > 0 && {
                    let p = &self.tokens[j - 1];
                    p.is_word() && p.capitalised && p.end - p.start == 1
                };
                let joiner = self.is_in(&self.lex.grammar.name_particles, j)
                    || (t.norm == "-" && words > 0)
                    || initial;
                let mut k = j + 1;
                if joiner && self.in_range(k) && self.tokens[k].norm == "-" {
                    k += 1;
                }
                if joiner && self.in_range(k) && self.is_name_word(k) {
                    j = k;
                    after_particle = true;
                    continue;
                }
                // A short lower-case part after a hyphen ends the name: "Ki-moon", "Jae-in".
                let tail = &self.tokens[k.min(self.range.end - 1)];
                if t.norm == "-"
                    && words > 0
                    && self.in_range(k)
                    && tail.is_word()
                    && !tail.capitalised
                    && tail.end - tail.start <= 5
                {
                    j = k + 1;
                }
                break;
            } else {
                break;
            }
        }
        // A generational suffix ends the name: "Abdullah II", "John Smith Jr.".
        if words > 0
            && self.in_range(j)
            && self.tokens[j].capitalised
            && self.is_in(&self.lex.grammar.name_suffixes, j)
        {
            j += 1;
            if self.in_range(j)
                && self.tokens[j].norm == "."
                && self.tokens[j].start == self.tokens[j - 1].end
                && self.tokens[j - 1].norm.len() == 2
            {
                j += 1;
            }
        }
        (words > 0).then_some(j)
    }

    fn organisation_at(&self, i: usize) -> Option<(usize, u32)> {
        self.memoised(
            i,
            |m| &mut m.organisation,
            || self.organisation_at_uncached(i),
        )
    }

    fn organisation_at_uncached(&self, i: usize) -> Option<(usize, u32)> {
        if !self.can_start(i, starts::NAME) {
            return None;
        }
        let m = self.lex.names.longest_if(
            self.can_start(i, starts::NAME),
            self.text,
            &self.tokens[..self.range.end],
            i,
            |j| self.words.norm_ids[j],
        )?;
        m.values.iter().find_map(|v| match v {
            NameRef::Organisation(o) => Some((m.len, *o)),
            _ => None,
        })
    }

    /// Reads the whole sentence.
    pub fn read(&self) -> Vec<Candidate> {
        let mut out = Vec::new();
        let mut i = self.range.start;
        while i < self.range.end {
            // Every phrase shape starts with a capitalised word or a listed one.
            if self.words.starts[i] == 0 && !self.tokens[i].capitalised {
                i += 1;
                continue;
            }
            match self.read_at(i, &mut out) {
                Some(next) if next > i => i = next,
                _ => i += 1,
            }
        }
        out
    }

    /// Reads the phrase starting at `i`, if any; returns the token after it.
    fn read_at(&self, i: usize, out: &mut Vec<Candidate>) -> Option<usize> {
        let t = &self.tokens[i];
        if t.shape != Shape::Word {
            return None;
        }
        if let Some(next) = self.pair_or_pronoun(i, out) {
            return Some(next);
        }
        if let Some(next) = self.group_in_country(i, out) {
            return Some(next);
        }
        if let Some(next) = self.official(i, out) {
            return Some(next);
        }
        if let Some(next) = self.led_coalition(i, out) {
            return Some(next);
        }
        if let Some(next) = self.group(i, out) {
            return Some(next);
        }
        if !t.capitalised {
            // A few listed names are written in lower case ("al-Shabaab", "i24NEWS").
            return self.gazetteer(i, out).or_else(|| self.local_group(i, out));
        }
        if let Some(next) = self.institution(i, out) {
            return Some(next);
        }
        if let Some(next) = self.government_of(i, out) {
            return Some(next);
        }
        if let Some(next) = self.gazetteer(i, out) {
            return Some(next);
        }
        if let Some(next) = self.acronym(i, out) {
            return Some(next);
        }
        if let Some(next) = self.unknown_place(i, out) {
            return Some(next);
        }
        if let Some(next) = self.local_group(i, out) {
            return Some(next);
        }
        self.person_or_name_part(i, out)
    }

    /// A plural noun for people ("landowners", "fundamentalists"): not a listed group, but a group all the
    /// same when a modifier or country comes with it.
    fn people_noun(&self, k: usize) -> bool {
        let w = self.norm(k);
        self.lex
            .grammar
            .people_suffixes
            .words
            .iter()
            .any(|e| w.ends_with(e.as_str()))
            && w.len() > 4
            && !self.lex.trigger_table.starts_with(self.words.key_ids[k])
            && !self.is_in(&self.lex.grammar.reporting_verbs, k)
    }

    /// A capitalised word that qualifies a group without naming a country or body: "Shona", "Moslem",
    /// "Hutu" (a given name too, but not before "rebels").
    fn qualifier_word(&self, k: usize) -> bool {
        let t = &self.tokens[k];
        t.is_word()
            && t.capitalised
            && !t.all_caps
            && !self.lex.is_known_surname(&t.norm)
            && !self.lex.names.starts_with(self.words.norm_ids[k])
            && self.country_at(k).is_none()
            && self.organisation_at(k).is_none()
            && self.title_word_at(k).is_none()
            && !self.can_start(k, starts::HEAD)
            && !self.is_in(&self.lex.grammar.months, k)
            && !self.is_in(&self.lex.grammar.weekdays, k)
    }

    /// "Tuareg rebels", "Zulu farm workers", "Prisoners": a group noun with up to three
    /// modifiers and no country of its own (see `group`, `group_in_country` for those with one).
    fn local_group(&self, i: usize, out: &mut Vec<Candidate>) -> Option<usize> {
        let g = &self.lex.grammar;
        let start = if self.norm(i) == "the" { i + 1 } else { i };
        // Only from a group word or a capitalised qualifier: lower-case modifiers before the group word
        // are taken in from there (below).
        if !self.in_range(start)
            || !self.tokens[start].capitalised && !self.can_start(start, starts::GROUP)
        {
            return None;
        }
        let mut k = start;
        while self.in_range(k) && k < start + 4 {
            let t = &self.tokens[k];
            if !t.is_word() || (t.capitalised && k != self.range.start && !self.qualifier_word(k)) {
                return None;
            }
            // Not across "and" after a name: "Libya and all migrants" is two phrases ("traders and firms"
            // is one).
            let after_name = || (start..k).any(|q| self.tokens[q].capitalised);
            if self.is_in(&g.prepositions, k)
                || self.is_in(&g.auxiliaries, k)
                || self.is_in(&g.determiners, k)
                || self.is_in(&g.reporting_verbs, k)
                || self.is_in(&g.clause_breaks, k)
                || self.is_in(&g.coordinators, k) && after_name()
            {
                return None;
            }
            let listed = self.lex.groups.longest_if(
                self.can_start(k, starts::GROUP),
                self.text,
                &self.tokens[..self.range.end],
                k,
                |x| self.words.key_ids[x],
            );
            let head = match listed {
                Some(m) => Some((k + m.len, m.values[0].clone())),
                None if self.people_noun(k) && (k > start || self.tokens[k].capitalised) => {
                    Some((k + 1, "CVL".to_string()))
                }
                None => None,
            };
            if let Some((end, sector)) = head {
                // A group with its country after it is that country's ("nurses throughout Kenya").
                if let Some(next) = self.group_in_country(k, out) {
                    return Some(next);
                }
                // Lower-case modifiers before the word ("student protesters"): words that start no phrase are
                // not read on their own, so the group takes them in from here. Not across a verb or into the
                // phrase before.
                let floor = out
                    .last()
                    .map_or(self.range.start, |c| c.tokens.end.max(self.range.start));
                let mut b = start;
                while b > floor && b + 3 > start && {
                    let t = &self.tokens[b - 1];
                    let w = self.norm(b - 1);
                    t.is_word()
                        && !t.capitalised
                        && !self.is_in(&g.prepositions, b - 1)
                        && !self.is_in(&g.determiners, b - 1)
                        && !self.is_in(&g.auxiliaries, b - 1)
                        && !self.is_in(&g.thing_pronouns, b - 1)
                        && !self.is_in(&g.plural_pronouns, b - 1)
                        && !self.is_in(&g.person_pronouns, b - 1)
                        && !self.is_in(&g.first_person_plural, b - 1)
                        && !self.is_in(&g.gap_words, b - 1)
                        && !self.is_in(&g.reporting_verbs, b - 1)
                        && !self.is_in(&g.clause_breaks, b - 1)
                        && !self.is_in(&g.coordinators, b - 1)
                        && !self.is_in(&g.clause_starts, b - 1)
                        && !self
                            .lex
                            .trigger_table
                            .starts_with(self.words.key_ids[b - 1])
                        && !w.ends_with("ly")
                        && !w.ends_with("ed")
                } {
                    b -= 1;
                }
                // "its naval forces", "their backers": the possessor's, not the place's.
                let mut p = b;
                while p > self.range.start
                    && p + 4 > start
                    && self.tokens[p - 1].is_word()
                    && !self.tokens[p - 1].capitalised
                    && !self.is_in(&g.determiners, p - 1)
                    && !self.is_in(&g.prepositions, p - 1)
                    && !self.is_in(&g.thing_pronouns, p - 1)
                    && !self.is_in(&g.plural_pronouns, p - 1)
                    && !self.is_in(&g.person_pronouns, p - 1)
                    && !self.is_in(&g.first_person_plural, p - 1)
                {
                    p -= 1;
                }
                if p > self.range.start && {
                    self.is_in(&g.thing_pronouns, p - 1)
                        || self.is_in(&g.plural_pronouns, p - 1)
                        || self.is_in(&g.person_pronouns, p - 1)
                        || self.is_in(&g.first_person_plural, p - 1)
                        || self.tokens[p - 1].shape == Shape::Possessive
                } {
                    return None;
                }
                let noun = self.keys_text(k..end);
                let modified = k > b.min(start);
                let followed_by_name = self.in_range(end)
                    && self.tokens[end].capitalised
                    && self.tokens[end].is_word();
                // "military equipment", "police custody": a noun used as an adjective.
                let adjective = self.in_range(end) && {
                    let t = &self.tokens[end];
                    let w = self.norm(end);
                    t.is_word()
                        && !t.capitalised
                        && !(self.is_in(&g.prepositions, end)
                            || self.is_in(&g.auxiliaries, end)
                            || self.is_in(&g.determiners, end)
                            || self.is_in(&g.gap_words, end)
                            || self.is_in(&g.reporting_verbs, end)
                            || self.is_in(&g.clause_breaks, end)
                            || self.is_in(&g.coordinators, end)
                            || self.is_in(&g.clause_starts, end)
                            || w.ends_with("ly")
                            || w.ends_with("ed")
                            || self.can_start(end, starts::TRIGGER))
                };
                if adjective {
                    return None;
                }
                // Officials and leaders are a state's only with a qualifier ("Yoruba leaders").
                let qualified = (b.min(start)..k).any(|q| {
                    self.tokens[q].capitalised && (q != self.range.start || self.qualifier_word(q))
                });
                // "international forces", "peacekeeping troops": not the country's they are in.
                if (b.min(start)..k).any(|q| {
                    self.is_in(&g.foreign_force_modifiers, q)
                        || self.is_in(&g.multinational_bodies, q)
                }) {
                    return None;
                }
                // Weapons are no one's until a country owns them ("Israeli warplanes").
                let weapon = g.weapon_nouns.has_text(&noun);
                if weapon
                    || matches!(sector.as_str(), "MED" | "BUS")
                    || sector == "GOV" && !qualified
                    || (!modified && g.vague_group_nouns.has_text(&noun))
                    || followed_by_name
                {
                    return None;
                }
                out.push(self.candidate(
                    b.min(start)..end,
                    Referent::LocalGroup { sector, noun },
                    MentionVia::Name,
                    false,
                ));
                return Some(end);
            }
            // A modifier: an adjective, a qualifier ("Shona"), a noun ("university").
            if self.can_start(k, starts::TRIGGER)
                && self.lex.trigger_table.starts_with(self.words.key_ids[k])
            {
                return None;
            }
            k += 1;
        }
        None
    }

    fn pair_or_pronoun(&self, i: usize, out: &mut Vec<Candidate>) -> Option<usize> {
        if !self.can_start(i, starts::REFERENCE) {
            return None;
        }
        let g = &self.lex.grammar;
        let text = self.text;
        let toks = &self.tokens[..self.range.end];
        let n = g.reciprocals.phrase_at(text, toks, i);
        if n > 0 {
            out.push(self.candidate(i..i + n, Referent::Reciprocal, MentionVia::Group, false));
            return Some(i + n);
        }
        let norm = self.norm(i);
        // "both sides", "the two delegates", "both oil-rich rivals", "the two bordering states"
        let start = if norm == "the" && self.in_range(i + 1) && self.is_in(&g.pair_starts, i + 1) {
            i + 1
        } else {
            i
        };
        if self.is_in(&g.pair_starts, start) && (start > i || norm == "both") {
            let mut j = start + 1;
            let limit = (start + 5).min(self.range.end);
            while j < limit {
                let k = g.pair_heads.phrase_at(text, toks, j);
                if k > 0 {
                    let head = j + k - 1;
                    let persons = self.is_in(&g.pair_person_heads, head);
                    let countries = self.is_in(&g.pair_country_heads, head);
                    out.push(self.candidate(
                        i..j + k,
                        Referent::Pair { persons, countries },
                        MentionVia::Group,
                        false,
                    ));
                    return Some(j + k);
                }
                let w = &self.tokens[j];
                if !(w.is_word() && !w.capitalised || w.norm == "-") {
                    break;
                }
                j += 1;
            }
        }
        if norm == "the" && self.in_range(i + 1) {
            let next = self.norm(i + 1);
            // "the regime": the state most recently called one.
            if next == "regime" {
                out.push(self.candidate(i..i + 2, Referent::Regime, MentionVia::Title, false));
                return Some(i + 2);
            }
            // "the country": the one named before ("the country of ..." is a name).
            let of_follows = self.in_range(i + 2) && self.norm(i + 2) == "of";
            if self.is_in(&g.country_nouns, i + 1) && !of_follows {
                // A mention only: which country it is, is a guess no act should rest on.
                out.push(Candidate {
                    name_only: true,
                    ..self.candidate(i..i + 2, Referent::CountryBack, MentionVia::Title, false)
                });
                return Some(i + 2);
            }
            // "the command", "the ministry": a body named before by its head word.
            let of_follows = self.in_range(i + 2) && self.is_in(&g.body_continuations, i + 2);
            let head = self.can_start(i + 1, starts::HEAD) || self.is_in(&g.body_nouns, i + 1);
            if !self.tokens[i + 1].capitalised && !of_follows && head {
                out.push(self.candidate(
                    i..i + 2,
                    Referent::HeadBack(capitalise(next)),
                    MentionVia::Title,
                    false,
                ));
                return Some(i + 2);
            }
        }
        let pronoun = if self.is_in(&g.person_pronouns, i) {
            Some(Pronoun::Person)
        } else if (norm == "i" && self.tokens[i].end - self.tokens[i].start == 1)
            || self.is_in(&g.first_person_singular, i)
        {
            Some(Pronoun::Me)
        } else if self.is_in(&g.second_person, i) && self.tokens[self.range.end - 1].norm == "?" {
            Some(Pronoun::You)
        } else if norm == "they" && self.subject_pronoun(i) {
            Some(Pronoun::Plural)
        } else if norm == "it" && self.reported_subject(i) || norm == "its" {
            Some(Pronoun::Thing)
        } else if self.is_in(&g.first_person_plural, i)
            && (norm != "us" || !self.tokens[i].all_caps)
        {
            Some(Pronoun::We)
        } else {
            None
        };
        let p = pronoun?;
        out.push(self.candidate(i..i + 1, Referent::Pronoun(p), MentionVia::Pronoun, false));
        Some(i + 1)
    }

    /// "They have been clear": "they" followed by an auxiliary or a verb of saying, as a subject.
    fn subject_pronoun(&self, i: usize) -> bool {
        if !self.in_range(i + 1) {
            return false;
        }
        let g = &self.lex.grammar;
        self.is_in(&g.auxiliaries, i + 1)
            || self.is_in(&g.reporting_verbs, i + 1)
            || self.is_in(&g.subject_pronoun_verbs, i + 1)
    }

    /// "Peru stated it would permit": "it" as the subject of a reported clause (after "said", "that"),
    /// followed by an auxiliary. Elsewhere "it" is too often empty ("it is worth noting") to resolve.
    fn reported_subject(&self, i: usize) -> bool {
        let aux =
            self.in_range(i + 1) && self.is_in(&self.lex.grammar.reported_it_auxiliaries, i + 1);
        let before = (i.saturating_sub(3).max(self.range.start)..i)
            .any(|k| self.is_in(&self.lex.grammar.reporting_verbs, k) || self.norm(k) == "that");
        aux && before
    }

    /// Official phrases: [the] [country ('s)] [modifiers] title [and title] [rank] [honorific] [name].
    fn official(&self, i: usize, out: &mut Vec<Candidate>) -> Option<usize> {
        let mut j = i;
        if self.is_in(&self.lex.grammar.articles, j) {
            j += 1;
        }
        // Every official phrase starts with a country, a body or a title word.
        if !self.in_range(j) || !self.can_start(j, starts::NAME | starts::TITLE | starts::HEAD) {
            return None;
        }
        let mut country = None;
        let mut nested = Vec::new();
        // A listed body that itself starts with a country's name, right before a title: "U.S. Africa
        // Command deputy commander".
        let listed_body = self
            .body_before_title(j, None)
            .filter(|(_, r)| matches!(r, Referent::Organisation(_)));
        let had_listed_body = listed_body.is_some();
        if let Some((len, referent)) = listed_body {
            nested.push(self.candidate(j..j + len, referent, MentionVia::Name, true));
            j += len;
        } else if let Some((len, c, via)) = self.country_at(j) {
            nested.push(self.candidate(j..j + len, Referent::Country(c), via, true));
            country = Some(c);
            j += len;
            if self.in_range(j) && self.tokens[j].shape == Shape::Possessive {
                j += 1;
            }
        }
        // A body between the country and the title: "French Army General Anne Morel", "UN Secretary-General".
        if !had_listed_body && let Some((len, referent)) = self.body_before_title(j, country) {
            let from = nested.first().map_or(j, |c: &Candidate| c.tokens.start);
            nested.push(self.candidate(from..j + len, referent, MentionVia::Name, true));
            j += len;
        }
        let title_start = j;
        let (mut titles, mut sector, mut kept_honorifics) =
            (Vec::<String>::new(), None, Vec::<Range<usize>>::new());
        let mut modifiers: Vec<Range<usize>> = Vec::new();
        let mut ranks = Vec::new();
        let mut saw_capital_title = false;
        while self.in_range(j) {
            // A word written twice in a row ("President President", "Deputy Deputy Minister") is a slip
            // of the pen, read once: it adds no second office and no second modifier.
            if j > title_start && self.norm(j) == self.norm(j - 1) && self.tokens[j].is_word() {
                j += 1;
                continue;
            }
            let Some((len, r)) = self.title_word_at(j) else {
                if self.norm(j) == "and"
                    && !titles.is_empty()
                    && self.title_word_at(j + 1).is_some()
                {
                    j += 1;
                    continue;
                }
                break;
            };
            saw_capital_title |= self.tokens[j].capitalised;
            match r {
                TitleRef::Modifier => modifiers.push(j..j + len),
                TitleRef::Title(t) => {
                    let office = &self.lex.titles[t as usize];
                    let mods: Vec<String> = modifiers
                        .drain(..)
                        .map(|m| capitalise(&self.keys_text(m)))
                        .collect();
                    let mut name = mods.join(" ");
                    if !name.is_empty() {
                        name.push(' ');
                    }
                    name.push_str(&office.name);
                    // "Minister and Minister": one office named twice is one office.
                    if !titles.contains(&name) {
                        titles.push(name);
                    }
                    sector.get_or_insert(office.sector.clone());
                }
                TitleRef::Rank(r) => {
                    let office = &self.lex.ranks[r as usize];
                    ranks.push(office.name.clone());
                    sector.get_or_insert(office.sector.clone());
                }
                TitleRef::Honorific { kept } => {
                    if kept {
                        kept_honorifics.push(j..j + len);
                    }
                }
            }
            j += len;
        }
        let has_office = !titles.is_empty() || !ranks.is_empty();
        // "the President of Egypt": the country after the title.
        if has_office
            && country.is_none()
            && let Some((at, c, via)) = self.of_country(j)
        {
            nested.push(self.candidate(at.clone(), Referent::Country(c), via, true));
            country = Some(c);
            j = at.end;
        }
        // "Minister for the Middle East", "Special Envoy for Sudan": a portfolio after "for" is part of
        // the title (not "thanked the minister for Chile's help").
        if has_office
            && self.in_range(j + 1)
            && self.norm(j) == "for"
            && let Some(end) = self.portfolio_end(j + 1)
            && let Some(last) = titles.last_mut()
        {
            last.push(' ');
            last.push_str(&clean_name(self.slice(j..end)));
            j = end;
        }
        let start = if country.is_some() || has_office || !kept_honorifics.is_empty() {
            i
        } else {
            return None;
        };
        let name_start = j;
        let name_end = self.name_at(j);
        let start = if self.is_in(&self.lex.grammar.articles, start) {
            start + 1
        } else {
            start
        };
        let title = (!titles.is_empty()).then(|| titles.join(" and "));
        match name_end {
            Some(end)
                if has_office
                    || !kept_honorifics.is_empty()
                    || (country.is_some() && self.looks_like_person(name_start, end)) =>
            {
                let first = kept_honorifics.first().map_or(name_start, |r| r.start);
                let name = clean_name(self.slice(first..end));
                let mut country = country;
                let mut next = end;
                // "King Harald of Norway"
                if country.is_none()
                    && let Some((at, c, via)) = self.of_country(end)
                {
                    next = at.end;
                    nested.push(self.candidate(at, Referent::Country(c), via, true));
                    country = Some(c);
                }
                let mut person = Referent::Person {
                    name,
                    title,
                    sector,
                    country,
                };
                let mut appositive = Vec::new();
                if let Some((after, t, s, c, found)) = self.appositive_title(next) {
                    if let Referent::Person {
                        title,
                        sector,
                        country,
                        ..
                    } = &mut person
                    {
                        if title.is_none() {
                            *title = Some(t);
                            *sector = Some(s);
                        }
                        if country.is_none() {
                            *country = c;
                        }
                    }
                    appositive = found;
                    next = after;
                }
                out.push(self.candidate(start..end, person, MentionVia::Name, false));
                out.extend(nested);
                out.extend(appositive);
                Some(next)
            }
            _ if !titles.is_empty() => {
                // A title without a name. A lower-case one needs "the", a country or a body to be a
                // reference ("a Trade Ministry spokeswoman").
                let of_body = nested.iter().any(|c| {
                    matches!(
                        c.referent,
                        Referent::Organisation(_) | Referent::Institution { .. }
                    )
                });
                let definite =
                    self.norm(i) == "the" || country.is_some() || saw_capital_title || of_body;
                if !definite || j == title_start {
                    return None;
                }
                // "the Peruvian Foreign Minister, Rosa Quispe" names the person after a comma.
                if self.in_range(j + 1)
                    && self.norm(j) == ","
                    && self.in_range(j + 1)
                    && let Some(end) = self.name_at(j + 1)
                    && self.looks_like_person(j + 1, end)
                {
                    let name = clean_name(self.slice(j + 1..end));
                    let person = Referent::Person {
                        name,
                        title,
                        sector,
                        country,
                    };
                    out.push(self.candidate(start..end, person, MentionVia::Name, false));
                    out.extend(nested);
                    return Some(end);
                }
                let referent = Referent::Title {
                    title: title.unwrap_or_default(),
                    sector: sector.unwrap_or_default(),
                    country,
                };
                out.push(self.candidate(start..j, referent, MentionVia::Title, false));
                out.extend(nested);
                Some(j)
            }
            _ => None,
        }
    }

    /// An organisation or an institution head word at `j` that is directly followed by a title or rank.
    fn body_before_title(&self, j: usize, country: Option<u16>) -> Option<(usize, Referent)> {
        if !self.in_range(j) || !self.tokens[j].capitalised {
            return None;
        }
        let toks = &self.tokens[..self.range.end];
        let organisation = self.organisation_at(j);
        let head = match organisation {
            Some(_) => None,
            None => self.lex.heads.longest_if(
                self.can_start(j, starts::HEAD),
                self.text,
                toks,
                j,
                |k| self.words.norm_ids[k],
            ),
        };
        if organisation.is_none() && head.is_none() {
            // A body read by its shape, ending in its head word: "Trade Ministry spokeswoman". Only worth
            // reading when a title word follows within or right after the capitalised phrase.
            let phrase_end = self.capitalised_phrase(j);
            if !(j + 1..=phrase_end).any(|k| self.can_start(k, starts::TITLE)) {
                return None;
            }
            let mut found = Vec::new();
            let end = self.institution(j, &mut found)?;
            let body = found.into_iter().next()?;
            let is_body = matches!(
                body.referent,
                Referent::Organisation(_) | Referent::Institution { .. }
            );
            if !is_body || body.tokens != (j..end) {
                return None;
            }
            return match self.title_word_at(end) {
                Some((_, TitleRef::Title(_) | TitleRef::Rank(_))) => Some((end - j, body.referent)),
                _ => None,
            };
        }
        let len = organisation.map_or_else(|| head.as_ref().map_or(0, |m| m.len), |(len, _)| len);
        if !matches!(
            self.title_word_at(j + len),
            Some((_, TitleRef::Title(_) | TitleRef::Rank(_)))
        ) {
            return None;
        }
        let referent = match (organisation, head) {
            (Some((_, o)), _) => Referent::Organisation(o),
            (None, Some(m)) => {
                let head = m.values[0];
                let name = match country {
                    Some(c) => format!(
                        "{} {}",
                        self.lex.countries[c as usize].name,
                        self.slice(j..j + m.len)
                    ),
                    None => return None,
                };
                let sector = if head.media {
                    "MED".to_string()
                } else {
                    head.sector.clone()
                };
                Referent::Institution {
                    name,
                    sector,
                    country,
                    acronym: None,
                }
            }
            (None, None) => return None,
        };
        Some((len, referent))
    }

    /// "of Morocco", "of the United States" at `i`: the country's tokens and the country.
    fn of_country(&self, i: usize) -> Option<(Range<usize>, u16, MentionVia)> {
        if !self.in_range(i + 1) || self.norm(i) != "of" {
            return None;
        }
        let k = if self.norm(i + 1) == "the" {
            i + 2
        } else {
            i + 1
        };
        let (len, c, via) = self.country_at(k)?;
        Some((k..k + len, c, via))
    }

    fn keys_text(&self, r: Range<usize>) -> String {
        r.map(|k| self.key(k).to_string())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// ", [the] [country('s)] [modifiers] title," after a name: the title, its sector and country, and the
    /// candidates read there (the title itself is a mention of the person too).
    #[allow(clippy::type_complexity)]
    fn appositive_title(
        &self,
        i: usize,
    ) -> Option<(usize, String, String, Option<u16>, Vec<Candidate>)> {
        if !self.in_range(i + 1) || self.norm(i) != "," {
            return None;
        }
        let mut found = Vec::new();
        let Some(next) = self.official(i + 1, &mut found) else {
            return self.bare_appositive_title(i + 1);
        };
        match found.first()?.referent.clone() {
            Referent::Title {
                title,
                sector,
                country,
            } => Some((next, title, sector, country, found)),
            _ => None,
        }
    }

    /// ", commander, Joint Naval Command": a bare title then, after a comma, the body it is held in (the
    /// style of military and government releases). The body becomes the person's, and is not read as
    /// the subject of what follows.
    #[allow(clippy::type_complexity)]
    fn bare_appositive_title(
        &self,
        j: usize,
    ) -> Option<(usize, String, String, Option<u16>, Vec<Candidate>)> {
        let (len, TitleRef::Title(t)) = self.title_word_at(j)? else {
            return None;
        };
        let k = j + len;
        if !self.in_range(k + 1) || self.norm(k) != "," || !self.tokens[k + 1].capitalised {
            return None;
        }
        let mut body = Vec::new();
        let end = self
            .institution(k + 1, &mut body)
            .or_else(|| self.gazetteer(k + 1, &mut body))?;
        let first = body.first()?;
        if first.tokens.start > k + 2
            || !matches!(
                first.referent,
                Referent::Organisation(_) | Referent::Institution { .. }
            )
        {
            return None;
        }
        let office = &self.lex.titles[t as usize];
        let title = Referent::Title {
            title: office.name.clone(),
            sector: office.sector.clone(),
            country: None,
        };
        let mut found = vec![self.candidate(j..k, title, MentionVia::Title, false)];
        found.extend(body.into_iter().map(|c| Candidate { nested: true, ..c }));
        Some((end, office.name.clone(), office.sector.clone(), None, found))
    }

    /// Whether the name `i..end` reads as a person's: two or more words, or a known given name.
    fn looks_like_person(&self, i: usize, end: usize) -> bool {
        // "Municipality Association", "Revolutionary Council": a body's name, not a person's.
        if (i..end).any(|k| self.can_start(k, starts::HEAD) && self.tokens[k].capitalised) {
            return false;
        }
        // "the Kenyan Ngong Hills": a place.
        if end > i && self.is_in(&self.lex.grammar.place_heads, end - 1) {
            return false;
        }
        let words = (i..end)
            .filter(|&k| self.tokens[k].is_word() && self.tokens[k].capitalised)
            .count();
        words >= 2 || self.lex.given_names.contains(self.norm(i))
    }

    /// "the French-led coalition", "a Qatari-backed alliance": the coalition, with its leader as a nested
    /// mention.
    fn led_coalition(&self, i: usize, out: &mut Vec<Candidate>) -> Option<usize> {
        let start = if self.norm(i) == "the" { i + 1 } else { i };
        let (len, country, via) = self.country_at(start)?;
        let j = start + len;
        let g = &self.lex.grammar;
        if !self.in_range(j + 2)
            || self.norm(j) != "-"
            || !self.is_in(&g.backing_participles, j + 1)
        {
            return None;
        }
        let noun = self.norm(j + 2);
        let led = self.norm(j + 1) == "led";
        if led && self.is_in(&g.led_force_nouns, j + 2) {
            // "Vietnamese-led forces": the leading country's armed forces.
            let referent = Referent::Group {
                country,
                sector: "MIL".to_string(),
                noun: noun.to_string(),
            };
            out.push(self.candidate(start..j + 3, referent, MentionVia::Name, false));
            out.push(self.candidate(start..start + len, Referent::Country(country), via, true));
            return Some(j + 3);
        }
        if !self.is_in(&g.coalition_nouns, j + 2) {
            return None;
        }
        out.push(self.candidate(
            start..j + 3,
            Referent::HeadRef(capitalise(noun)),
            MentionVia::Name,
            false,
        ));
        out.push(self.candidate(start..start + len, Referent::Country(country), via, true));
        Some(j + 3)
    }

    /// A group noun followed by its country: "Farmers in the Gambia", "nurses throughout Kenya",
    /// "the people of Peru".
    fn group_in_country(&self, i: usize, out: &mut Vec<Candidate>) -> Option<usize> {
        if !self.can_start(i, starts::GROUP)
            || (self.tokens[i].capitalised && i != self.range.start)
        {
            return None;
        }
        let m = self.lex.groups.longest_if(
            self.can_start(i, starts::GROUP),
            self.text,
            &self.tokens[..self.range.end],
            i,
            |k| self.words.key_ids[k],
        )?;
        let end = i + m.len;
        let sector = m.values[0].clone();
        let g = &self.lex.grammar;
        if !self.in_range(end + 1) || !self.is_in(&g.group_country_prepositions, end) {
            return None;
        }
        // "its troops in Mali": the possessor's forces, stationed there; "international forces in Haiti"
        // are not Haiti's either.
        if i > self.range.start
            && (self.is_in(&g.possessive_determiners, i - 1) && self.norm(end) != "of"
                || self.is_in(&g.foreign_force_modifiers, i - 1))
        {
            return None;
        }
        let k = if self.norm(end + 1) == "the" {
            end + 2
        } else {
            end + 1
        };
        let (len, country, via) = self.country_at(k)?;
        if via == MentionVia::Place
            || self.in_range(k + len) && self.tokens[k + len].shape == Shape::Possessive
        {
            return None;
        }
        let noun = self.keys_text(i..end);
        out.push(self.candidate(
            i..k + len,
            Referent::Group {
                country,
                sector,
                noun,
            },
            MentionVia::Name,
            false,
        ));
        out.push(self.candidate(k..k + len, Referent::Country(country), via, true));
        Some(k + len)
    }

    /// A country followed by a lower-case group noun: "Pakistan military", "Afghan rebels",
    /// "the Peruvian government", "Chile's military leadership".
    fn group(&self, i: usize, out: &mut Vec<Candidate>) -> Option<usize> {
        let mut j = if self.norm(i) == "the" { i + 1 } else { i };
        let (len, country, via) = self.country_at(j)?;
        let country_range = j..j + len;
        j += len;
        if self.in_range(j) && self.tokens[j].shape == Shape::Possessive {
            j += 1;
        }
        // "Iraqi Kurds", "Bosnian Serbs", "Iranian Kurd migrants": people of the first country named by
        // who they are.
        let ethnic = self.in_range(j)
            && self.tokens[j].capitalised
            && (self.qualifier_word(j)
                || self
                    .country_at(j)
                    .is_some_and(|(len, _, via)| len == 1 && via == MentionVia::Demonym))
            && !(self.in_range(j + 1) && self.tokens[j + 1].capitalised);
        if !self.in_range(j) || self.tokens[j].capitalised && !ethnic {
            return None;
        }
        // A listed group noun ("rebels", "security forces"), possibly after a modifier or two ("army
        // trucks", "customs officers"), or else any plural noun for people ("landowners",
        // "suicide bombers") as civilians.
        let listed = (j..(j + 3).min(self.range.end))
            // Not across "and", a determiner or a verb: "Libya and all migrants", "Porto killed four
            // soldiers" are two phrases.
            .take_while(|&k| {
                self.tokens[k].is_word()
                    && (!self.tokens[k].capitalised || k == j && ethnic)
                    && !self.is_in(&self.lex.grammar.prepositions, k)
                    && !self.is_in(&self.lex.grammar.coordinators, k)
                    && !self.is_in(&self.lex.grammar.determiners, k)
                    && !self.is_in(&self.lex.grammar.auxiliaries, k)
                    && !self.is_in(&self.lex.grammar.reporting_verbs, k)
            })
            .map(|k| {
                (
                    k,
                    self.lex.groups.longest_if(
                        self.can_start(k, starts::GROUP),
                        self.text,
                        &self.tokens[..self.range.end],
                        k,
                        |x| self.words.key_ids[x],
                    ),
                )
            })
            // A trigger in the past tense that is no group word is the verb ("killed"): stop there; not at
            // a trigger word modifying the group ("ground troops").
            .take_while(|(k, m)| {
                m.is_some()
                    || !(self.norm(*k).ends_with("ed")
                        && self.lex.trigger_table.starts_with(self.words.key_ids[*k]))
            })
            .find_map(|(k, m)| m.map(|m| (k + m.len, m.values[0].clone())));
        let (end, sector) = match listed {
            Some(found) => found,
            None if ethnic && self.norm(j).ends_with('s') => (j + 1, "CVL".to_string()),
            None if ethnic => return None,
            None => {
                let mut k = j;
                // Not across a verb: "Peru expelled observers" is a clause, not a group.
                while self.in_range(k)
                    && k < j + 3
                    && self.tokens[k].is_word()
                    && !self.tokens[k].capitalised
                    && !self.is_in(&self.lex.grammar.prepositions, k)
                    && !self.is_in(&self.lex.grammar.auxiliaries, k)
                    && !self.is_in(&self.lex.grammar.coordinators, k)
                    && !self.is_in(&self.lex.grammar.determiners, k)
                    && !self.lex.trigger_table.starts_with(self.words.key_ids[k])
                    && !self.is_in(&self.lex.grammar.reporting_verbs, k)
                {
                    k += 1;
                }
                let l = k.checked_sub(1).filter(|&l| l >= j)?;
                let last = self.norm(l);
                let people = self
                    .lex
                    .grammar
                    .people_suffixes
                    .words
                    .iter()
                    .any(|e| last.ends_with(e.as_str()))
                    && last.len() > 4;
                if !people || self.lex.trigger_table.starts_with(self.words.norm_ids[l]) {
                    return None;
                }
                (k, "CVL".to_string())
            }
        };
        let noun = self.keys_text(j..end);
        let start = if self.norm(i) == "the" { i + 1 } else { i };
        // "the Chile military's media wing": the description, with the group inside it.
        if self.in_range(end + 1) && self.tokens[end].shape == Shape::Possessive {
            let wing = self.lex.grammar.media_wings.phrase_at(
                self.text,
                &self.tokens[..self.range.end],
                end + 1,
            );
            if wing > 0 {
                let referent = Referent::MediaWing {
                    country,
                    sector: sector.clone(),
                };
                out.push(self.candidate(start..end + 1 + wing, referent, MentionVia::Title, false));
                out.push(self.candidate(
                    start..end,
                    Referent::Group {
                        country,
                        sector,
                        noun,
                    },
                    MentionVia::Name,
                    true,
                ));
                out.push(self.candidate(country_range, Referent::Country(country), via, true));
                return Some(end + 1 + wing);
            }
        }
        out.push(self.candidate(
            start..end,
            Referent::Group {
                country,
                sector,
                noun,
            },
            MentionVia::Name,
            false,
        ));
        out.push(self.candidate(country_range, Referent::Country(country), via, true));
        Some(end)
    }

    /// The capitalised phrase at `i`: words, with "of", "for", "and", "the", "&" and hyphens inside.
    fn capitalised_phrase(&self, i: usize) -> usize {
        let mut j = i;
        let mut end = i;
        while self.in_range(j) {
            let t = &self.tokens[j];
            if t.is_word() && t.capitalised && !self.is_in(&self.lex.grammar.months, j) {
                j += 1;
                end = j;
            } else if j > i
                && (self.is_in(&self.lex.grammar.name_inner_words, j)
                    || matches!(t.norm.as_str(), "&" | "-")
                    || t.norm == "the" && self.norm(j - 1) == "of")
            {
                j += 1;
            } else if j > i && t.shape == Shape::Number && end == j {
                j += 1;
                end = j;
            } else {
                break;
            }
        }
        end
    }

    /// Institutions by shape: an acronym definition, or a head word at either end of a capitalised phrase.
    fn institution(&self, i: usize, out: &mut Vec<Candidate>) -> Option<usize> {
        let end = self.capitalised_phrase(i);
        if end <= i {
            return None;
        }
        // A leading article ("The", "A") is not part of the name.
        let start = if self.is_in(&self.lex.grammar.articles, i) {
            i + 1
        } else {
            i
        };
        if start >= end {
            return None;
        }
        let gazetteer = self.lex.names.longest_if(
            self.can_start(start, starts::NAME),
            self.text,
            &self.tokens[..self.range.end],
            start,
            |j| self.words.norm_ids[j],
        );
        // An acronym defined right after: "National Water Authority (NWA)". A listed organisation
        // ("World Health Organization (WHO)") stays that organisation.
        if let Some(acronym) = self.defined_acronym(end)
            && end - start >= 2
            && let Some(g) = &gazetteer
            && start + g.len == end
            && let Some(NameRef::Organisation(o)) = g
                .values
                .iter()
                .copied()
                .find(|v| matches!(v, NameRef::Organisation(_)))
        {
            out.push(self.candidate(
                start..end,
                Referent::Organisation(*o),
                MentionVia::Name,
                false,
            ));
            out.push(self.candidate(
                end + 1..end + 2,
                Referent::Acronym(acronym.to_uppercase()),
                MentionVia::Acronym,
                false,
            ));
            return Some(end + 3);
        }
        if let Some(acronym) = self.defined_acronym(end)
            && end - start >= 2
        {
            let name = self.slice(start..end).to_string();
            let (sector, country) = self.describe_institution(start..end);
            let referent = Referent::Institution {
                name,
                sector,
                country,
                acronym: Some(acronym),
            };
            out.push(self.candidate(start..end, referent, MentionVia::Name, false));
            let acr = end + 1..end + 2;
            let acr_ref = Referent::Acronym(self.tokens[end + 1].norm.to_uppercase().to_string());
            out.push(self.candidate(acr, acr_ref, MentionVia::Acronym, false));
            return Some(end + 3);
        }
        // A single head word: "the Coalition", "Coalition air forces" — a body named elsewhere.
        if end - start == 1
            && let Some(m) = self.lex.heads.longest_if(self.can_start(start, starts::HEAD), self.text, &self.tokens[..self.range.end], start, |j| self.words.norm_ids[j])
            && m.len == 1
            // after "the", before a group noun, or capitalised mid-sentence (a name, not a common noun)
            && (start > self.range.start || self.group_noun_at(end).is_some())
            && gazetteer.is_none()
        {
            let word = self.slice(start..end).to_string();
            let stop = self.group_noun_at(end).unwrap_or(end);
            out.push(self.candidate(
                start..stop,
                Referent::HeadRef(word),
                MentionVia::Name,
                false,
            ));
            return Some(stop);
        }
        // The longest head-word phrase inside: "Pakistan Army", "Ministry of Foreign Affairs", "Radio Pakistan".
        let (h_end, head) = self.head_phrase(start, end)?;
        if let Some(g) = &gazetteer
            && start + g.len >= h_end
        {
            return None; // a listed organisation covers it
        }
        let name = self.slice(start..h_end).to_string();
        let (mut sector, mut country) = self.describe_institution(start..h_end);
        // "the Gambia's Supreme Court": the country's own.
        if country.is_none()
            && start > self.range.start + 1
            && self.tokens[start - 1].shape == Shape::Possessive
            && let Some(Candidate {
                referent: Referent::Country(c),
                ..
            }) = out.last().filter(|c| c.tokens.end == start - 1)
        {
            country = Some(*c);
        }
        if head.media {
            sector = "MED".to_string();
        }
        // "the Government of Peru", "the Peruvian Government": the state itself.
        if let Some(c) = country
            && self.names_a_government(start..h_end)
        {
            out.push(self.candidate(start..h_end, Referent::Country(c), MentionVia::Name, false));
            return Some(h_end);
        }
        let stop = self.group_noun_at(h_end).unwrap_or(h_end);
        // A numbered unit: "the 21st Transport Squadron", "2nd Battalion".
        let numbered = start > self.range.start
            && is_ordinal(&self.tokens[start - 1].norm)
            && out.last().is_none_or(|c| c.tokens.end < start);
        let (first, name) = if numbered {
            (start - 1, self.slice(start - 1..h_end).to_string())
        } else {
            (start, name)
        };
        let referent = Referent::Institution {
            name,
            sector,
            country,
            acronym: None,
        };
        out.push(self.candidate(first..stop, referent, MentionVia::Name, false));
        Some(stop)
    }

    /// The end of a lower-case group noun at `i` ("fighters", "military forces"), if there is one.
    fn group_noun_at(&self, i: usize) -> Option<usize> {
        if !self.can_start(i, starts::GROUP) || self.tokens[i].capitalised {
            return None;
        }
        self.lex
            .groups
            .longest_if(
                self.can_start(i, starts::GROUP),
                self.text,
                &self.tokens[..self.range.end],
                i,
                |k| self.words.key_ids[k],
            )
            .map(|m| i + m.len)
    }

    /// Whether the phrase is a country's government: its words are a country and "Government" (or
    /// "Administration", "Cabinet") and nothing else.
    fn names_a_government(&self, r: Range<usize>) -> bool {
        let mut k = r.start;
        let mut government = false;
        while k < r.end {
            if let Some((len, _, _)) = self.country_at(k) {
                k += len;
                continue;
            }
            if self.is_in(&self.lex.grammar.government_nouns, k) {
                government = true;
            } else if !self.is_in(&self.lex.grammar.government_fillers, k) {
                return false;
            }
            k += 1;
        }
        government
    }

    /// Where a head-word institution name starting at `start` ends (within `start..end`), and its head.
    fn head_phrase(&self, start: usize, end: usize) -> Option<(usize, super::lexicon::Head)> {
        let toks = &self.tokens[..end];
        let word = |k: usize| self.tokens[k].is_word() && self.tokens[k].capitalised;
        (start..end).filter(|&k| word(k)).nth(1)?;
        // Head first: "Ministry of Foreign Affairs", "Radio Pakistan".
        if let Some(m) = self.lex.heads.longest_if(
            self.can_start(start, starts::HEAD),
            self.text,
            toks,
            start,
            |k| self.words.norm_ids[k],
        ) && m.values[0].first
            && start + m.len < end
        {
            return Some((end, m.values[0].clone()));
        }
        // Head last: "Chile Army", "Kenyan Security Forces", "Andes Regional Government".
        let mut best = None;
        for k in (start..end).filter(|&k| word(k)).skip(1) {
            if let Some(m) = self.lex.heads.longest_if(
                self.can_start(k, starts::HEAD),
                self.text,
                toks,
                k,
                |j| self.words.norm_ids[j],
            ) && m.values[0].last
                && k + m.len <= end
            {
                best = Some((k, k + m.len, m.values[0]));
            }
        }
        // "Okafor of Liberal Party": a head last names what follows "of", not the words before it (the
        // phrase is read again from after "of").
        let (k, e, h) = best?;
        if (start..k).any(|j| self.norm(j) == "of") {
            return None;
        }
        Some((e, h.clone()))
    }

    /// "(ABC)" right at `i`: returns the acronym.
    fn defined_acronym(&self, i: usize) -> Option<String> {
        if !self.in_range(i + 2) || self.norm(i) != "(" || self.norm(i + 2) != ")" {
            return None;
        }
        let t = &self.tokens[i + 1];
        (t.all_caps && t.is_word()).then(|| self.text[t.start..t.end].to_string())
    }

    /// Sector and country of a named institution from its words.
    fn describe_institution(&self, r: Range<usize>) -> (String, Option<u16>) {
        let mut sector = None;
        let mut country = None;
        for k in r.clone() {
            if country.is_none()
                && let Some((_, c, _)) = self.country_at(k)
            {
                country = Some(c);
            }
            if let Some(m) = self.lex.heads.longest_if(
                self.can_start(k, starts::HEAD),
                self.text,
                &self.tokens[..r.end],
                k,
                |j| self.words.norm_ids[j],
            ) {
                sector = Some(if m.values[0].media {
                    "MED".to_string()
                } else {
                    m.values[0].sector.clone()
                });
            }
        }
        (sector.unwrap_or_else(|| "GOV".to_string()), country)
    }

    /// Countries, places and organisations of the gazetteer.
    fn gazetteer(&self, i: usize, out: &mut Vec<Candidate>) -> Option<usize> {
        let m = self.lex.names.longest_if(
            self.can_start(i, starts::NAME),
            self.text,
            &self.tokens[..self.range.end],
            i,
            |j| self.words.norm_ids[j],
        )?;
        let end = i + m.len;
        let value = m.values[0];
        match *value {
            NameRef::Country {
                index,
                via,
                combining,
            } => {
                if combining && !(self.in_range(end) && self.norm(end) == "-") {
                    return None; // "Pak" only in compounds: "Pak-Iran"
                }
                if self.lex.ambiguous.contains(self.norm(i))
                    && !self.ambiguous_reads_as_country(i, end)
                {
                    return None;
                }
                // "Russian-made rockets", "Iranian-backed militias": the country qualifies a thing and is
                // no party to what the sentence says.
                let modifier = self.in_range(end + 1)
                    && self.norm(end) == "-"
                    && self.tokens[end + 1].is_word()
                    && !self.tokens[end + 1].capitalised
                    && self.norm(end + 1) != "led";
                // "ethnic Albanians": a people named for where its language or origin is, not that
                // state's; whose they are is the country the text is about.
                if via == MentionVia::Demonym
                    && i > self.range.start
                    && self.norm(i - 1) == "ethnic"
                    && self.norm(end - 1).ends_with('s')
                {
                    let noun = self.keys_text(i..end);
                    out.push(self.candidate(
                        i - 1..end,
                        Referent::LocalGroup {
                            sector: "CVL".to_string(),
                            noun,
                        },
                        MentionVia::Name,
                        false,
                    ));
                    return Some(end);
                }
                out.push(self.candidate(i..end, Referent::Country(index), via, modifier));
            }
            NameRef::Organisation(o) => {
                // "ISIL fighters", "AU peacekeeping troops": the body's people are the body.
                let mut stop = end;
                let mut k = end;
                while self.in_range(k)
                    && k < end + 2
                    && self.tokens[k].is_word()
                    && !self.tokens[k].capitalised
                {
                    if let Some(g) = self.group_noun_at(k) {
                        stop = g;
                        break;
                    }
                    k += 1;
                }
                out.push(self.candidate(
                    i..stop,
                    Referent::Organisation(o),
                    MentionVia::Name,
                    false,
                ));
                return Some(stop);
            }
            NameRef::Person(p) => {
                let person = &self.lex.people[p as usize];
                let referent = Referent::Person {
                    name: person.name.clone(),
                    title: None,
                    sector: person.sector.clone(),
                    country: person.country.as_deref().and_then(|c| self.lex.country(c)),
                };
                let via = if m.len == 1 && person.name.split_whitespace().count() > 1 {
                    MentionVia::PartialName
                } else {
                    MentionVia::Name
                };
                out.push(self.candidate(i..end, referent, via, false));
            }
        }
        Some(end)
    }

    /// "Jordan", "Chad", "Georgia" are countries unless part of a person's name.
    fn ambiguous_reads_as_country(&self, i: usize, end: usize) -> bool {
        let prev_is_name = i > self.range.start
            && self.is_name_word(i - 1)
            && self.lex.given_names.contains(self.norm(i - 1));
        let next_is_name = self.in_range(end) && self.is_name_word(end);
        let prev_given = i > self.range.start && self.lex.given_names.contains(self.norm(i - 1));
        !(prev_is_name || next_is_name || prev_given)
    }

    /// An all-caps word of 2–8 letters that is no known word: a possible acronym ("ISPR", "CJTF").
    fn acronym(&self, i: usize, out: &mut Vec<Candidate>) -> Option<usize> {
        let t = &self.tokens[i];
        let len = t.end - t.start;
        if !t.all_caps || !(2..=8).contains(&len) || self.is_in(&self.lex.grammar.not_names, i) {
            return None;
        }
        // "MR KIRBY:", "QUESTION:": the speaker labels of a transcript.
        let label = self.in_range(i + 1) && self.norm(i + 1) == ":"
            || i > self.range.start
                && self.tokens[i - 1].all_caps
                && self.is_in(&self.lex.grammar.not_names, i - 1);
        if label {
            return None;
        }
        // "CJTF-OIR": hyphenated acronyms stay one.
        let mut end = i + 1;
        while self.in_range(end + 1)
            && self.norm(end) == "-"
            && self.tokens[end + 1].all_caps
            && self.tokens[end].start == self.tokens[end - 1].end
        {
            end += 2;
        }
        let acr = self.slice(i..end).to_uppercase();
        out.push(self.candidate(i..end, Referent::Acronym(acr), MentionVia::Acronym, false));
        Some(end)
    }

    /// People named without a title ("Boris Johnson", "Ibrahim al-Jaafari") and single capitalised words
    /// that may be part of a name seen elsewhere ("Araghchi").
    fn person_or_name_part(&self, i: usize, out: &mut Vec<Candidate>) -> Option<usize> {
        let end = self.name_at(i)?;
        let words = (i..end)
            .filter(|&k| self.tokens[k].is_word() && self.tokens[k].capitalised)
            .count();
        if words >= 2 && (self.lex.given_names.contains(self.norm(i)) || self.has_particle(i..end))
        {
            let name = clean_name(self.slice(i..end));
            let mut referent = Referent::Person {
                name,
                title: None,
                sector: None,
                country: None,
            };
            let mut next = end;
            let mut appositive = Vec::new();
            if let Some((n, t, s, c, found)) = self.appositive_title(end) {
                referent = match referent {
                    Referent::Person { name, .. } => Referent::Person {
                        name,
                        title: Some(t),
                        sector: Some(s),
                        country: c,
                    },
                    other => other,
                };
                appositive = found;
                next = n;
            }
            out.push(self.candidate(i..end, referent, MentionVia::Name, false));
            out.extend(appositive);
            return Some(next);
        }
        // Single words (or unknown multi-word names): resolved against people named elsewhere.
        let g = &self.lex.grammar;
        for k in i..end {
            // "Al" of "Al-Qa'im" is a particle, not anyone's name; "Like" of "Like Wikipedia, ..." is
            // capitalised only as the sentence's first word.
            let opening = k == self.range.start
                && (self.is_in(&g.prepositions, k)
                    || self.is_in(&g.determiners, k)
                    || self.is_in(&g.clause_breaks, k)
                    || self.is_in(&g.clause_starts, k)
                    || self.is_in(&g.coordinators, k)
                    || self.is_in(&g.gap_words, k));
            if self.tokens[k].is_word()
                && self.tokens[k].capitalised
                && !opening
                && !self.is_in(&g.name_particles, k)
            {
                let word = self.norm(k).to_string();
                out.push(self.candidate(
                    k..k + 1,
                    Referent::NamePart(word),
                    MentionVia::PartialName,
                    false,
                ));
            }
        }
        Some(end)
    }

    /// The end of a portfolio named after "for" at `k`: an optional "the" and up to three capitalised
    /// words, up to a given name or a title word that starts the holder's name; not a possessor ("for
    /// Chile's help").
    fn portfolio_end(&self, k: usize) -> Option<usize> {
        let from = if self.is_in(&self.lex.grammar.articles, k) {
            k + 1
        } else {
            k
        };
        let mut end = from;
        while end < from + 3
            && self.in_range(end)
            && self.tokens[end].is_word()
            && self.tokens[end].capitalised
            && !self.lex.given_names.contains(self.norm(end))
            && self.title_word_at(end).is_none()
        {
            end += 1;
        }
        let possessive = self.in_range(end) && self.tokens[end].shape == Shape::Possessive;
        (end > from && !possessive).then_some(end)
    }

    /// "Moreno's harsh regime", "the Moreno regime", "Ortega's government".
    fn government_of(&self, i: usize, out: &mut Vec<Candidate>) -> Option<usize> {
        let end = self.name_at(i)?;
        let mut j = end;
        if self.in_range(j) && self.tokens[j].shape == Shape::Possessive {
            j += 1;
        }
        let mut k = j;
        let regime = |k: usize| self.is_in(&self.lex.grammar.regime_nouns, k);
        while self.in_range(k)
            && k < j + 2
            && self.tokens[k].is_word()
            && !self.tokens[k].capitalised
            && !regime(k)
        {
            k += 1;
        }
        if !self.in_range(k) || !regime(k) {
            return None;
        }
        let surname = self.norm(end - 1).to_string();
        let start = if i > self.range.start && self.norm(i - 1) == "the" {
            i - 1
        } else {
            i
        };
        out.push(self.candidate(
            start..k + 1,
            Referent::GovernmentOf(surname),
            MentionVia::Title,
            false,
        ));
        Some(k + 1)
    }

    /// An unknown capitalised name right after a locative preposition, not a person's.
    fn unknown_place(&self, i: usize, out: &mut Vec<Candidate>) -> Option<usize> {
        if i == self.range.start || !self.is_in(&self.lex.grammar.locative_prepositions, i - 1) {
            return None;
        }
        let end = self.name_at(i)?;
        if end - i > 4
            || self.lex.given_names.contains(self.norm(i))
            || self.title_word_at(end).is_some()
        {
            return None;
        }
        // "from Tuareg rebels": the word qualifies a group.
        if self.in_range(end) && (self.group_noun_at(end).is_some() || self.people_noun(end)) {
            return None;
        }
        out.push(self.candidate(i..end, Referent::Place, MentionVia::Place, false));
        Some(end)
    }

    fn has_particle(&self, r: Range<usize>) -> bool {
        r.into_iter()
            .any(|k| self.is_in(&self.lex.grammar.name_particles, k) && !self.tokens[k].capitalised)
    }
}

/// A name as written, on one line: "Karim al- Haddad" → "Karim al-Haddad".
fn clean_name(s: &str) -> String {
    let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
    joined.replace("- ", "-").replace(" -", "-")
}

/// "foreign minister" → "Foreign Minister".
/// "158th", "2nd", "1st": a number written as an ordinal.
fn is_ordinal(norm: &str) -> bool {
    norm.len() > 2
        && norm.as_bytes()[0].is_ascii_digit()
        && ["st", "nd", "rd", "th"].iter().any(|s| norm.ends_with(s))
        && norm[..norm.len() - 2].bytes().all(|b| b.is_ascii_digit())
}

fn capitalise(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
