//! Extraction: one article's text → its sentences, the actors it names, and the interactions between them,
//! as a single-article corpus ready to merge.
//!
//! Stages, each its own module: `sentences` (evidence units) → `tokens` → `mentions` (phrases that refer to
//! actors, from the gazetteers and title/institution patterns of `lexicon`, with `mention_types` throwing
//! out names of things) → `coref` (which actor each phrase refers to) → `syntax` and `tree` (each
//! sentence's dependency tree) → `roles` and `events` (triggers and the actors the tree makes their
//! source and target) with `when` (dates). Word lists and rules are data in `assets/`, loaded once; the
//! design is in `docs/extraction.md`. Nothing here knows about the map.

pub mod coref;
pub mod events;
pub mod lexicon;
pub mod mention_types;
pub mod mentions;
pub mod name_index;
pub mod parts;
pub mod phrase_table;
pub mod recurring_bodies;
pub mod recurring_names;
pub mod roles;
pub mod sentences;
pub mod speller;
pub mod syntax;
pub mod tokens;
pub mod trace;
pub mod tree;
pub mod when;
pub mod word_keys;

use std::ops::Range;

use crate::corpus::{
    Actor, ActorKind, Article, Corpus, Evidence, Interaction, Mention, MentionVia, Modality, Span,
    merge::interaction_id,
};
use coref::Resolver;
use events::{SentenceEvents, SentenceResult, args_of};
use lexicon::Lexicon;
use mentions::{Candidate, SentenceReader};
use syntax::Syntax;
use tokens::Token;
use tree::{Dep, SentenceTree};
use word_keys::WordKeys;

/// A phrase of the article that refers to an actor: where it stands and how it names the actor.
struct Placed {
    sentence: usize,
    span: Span,
    via: MentionVia,
}

/// What the parts of an article add up to, carried from one part to the next.
struct Reading<'a> {
    resolver: Resolver<'a>,
    /// Every phrase read so far, and (at the same index) the entities it refers to.
    placed: Vec<Placed>,
    referents: Vec<Vec<usize>>,
    found: Vec<FoundIn>,
    date: Option<when::Date>,
}

/// The extractor with its lexicons and syntax model loaded. Build it once (`Extractor::bundled()`) and
/// reuse it.
#[derive(Debug)]
pub struct Extractor {
    lex: Lexicon,
    syntax: &'static Syntax,
    /// The syntax model's relation names, read as `Dep`s.
    deps: Vec<Dep>,
}

impl Extractor {
    /// The extractor with the lexicons bundled into the binary.
    pub fn bundled() -> &'static Extractor {
        static EXTRACTOR: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
        // The bundled data files are checked by the tests; a broken one is a build defect, not user input.
        EXTRACTOR.get_or_init(|| {
            let syntax = Syntax::bundled();
            Extractor {
                lex: Lexicon::bundled().expect("the bundled lexicon files are valid"),
                syntax,
                deps: tree::deps_of(syntax),
            }
        })
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    /// Extracts one article. `path` is recorded as given; `text` must be the file's text exactly.
    ///
    /// A long article is read in parts of about a megabyte (`parts`), one after the other, with one
    /// resolver: who a phrase refers to carries over from part to part, but the working data of a part
    /// (tokens, phrases, parses) is dropped before the next, so time and memory grow with the text, not
    /// faster. An article of one part is read exactly as a whole.
    pub fn extract(&self, path: &str, text: &str) -> Corpus {
        self.extract_dated(path, text, None)
    }

    /// [`Extractor::extract`] for an article whose date is known (`YYYY-MM-DD`, from a page's or a PDF's
    /// metadata): relative times ("on Tuesday") are resolved against it instead of a date in the text.
    pub fn extract_dated(&self, path: &str, text: &str, known_date: Option<&str>) -> Corpus {
        let never = std::sync::atomic::AtomicBool::new(false);
        self.extract_until(path, text, known_date, &never)
            .unwrap_or_default()
    }

    /// [`Extractor::extract_dated`] that gives up, returning None, once `stop` is set: it looks before
    /// each part (about a megabyte of text), so Cancel stops a long article within a second.
    pub fn extract_until(
        &self,
        path: &str,
        text: &str,
        known_date: Option<&str>,
        stop: &std::sync::atomic::AtomicBool,
    ) -> Option<Corpus> {
        let lex = &self.lex;
        let sentences = sentences::split(text);
        let mut reading = Reading {
            resolver: Resolver::new(lex),
            placed: Vec::new(),
            referents: Vec::new(),
            found: Vec::new(),
            date: known_date.and_then(when::Date::parse_iso),
        };
        for part in parts::parts(&sentences, text) {
            if stop.load(std::sync::atomic::Ordering::Relaxed) {
                return None;
            }
            self.read_part(text, &sentences, part, &mut reading);
        }
        let Reading {
            mut resolver,
            placed,
            referents,
            found,
            date,
        } = reading;
        resolver.res.referents = referents;
        resolver.only_country_for_officials();
        resolver.affiliate_people();

        let article = Article {
            id: "a1".to_string(),
            path: path.to_string(),
            title: title_of(path, text),
            date: date.map(|d| d.iso()),
            text: text.to_string(),
            sentences,
            encoding: None,
            format: None,
        };
        Some(build_corpus(lex, article, &placed, resolver, found))
    }

    /// Reads the sentences `part` of `text` into `reading`: their phrases, whom they refer to, and what
    /// happens between them. Sentence numbers are the article's.
    fn read_part(
        &self,
        text: &str,
        sentences: &[Span],
        part: Range<usize>,
        reading: &mut Reading<'_>,
    ) {
        let lex = &self.lex;
        let first = part.start;
        let sentences_here = &sentences[part];
        let mut tokens: Vec<Token> = Vec::with_capacity(
            sentences_here
                .last()
                .zip(sentences_here.first())
                .map_or(0, |(l, f)| l.end - f.start)
                / 5
                + 1,
        );
        let mut sentence_tokens: Vec<Range<usize>> = Vec::with_capacity(sentences_here.len());
        for s in sentences_here {
            let start = tokens.len();
            tokens::tokenize_into(text, s.start, s.end, &mut tokens);
            sentence_tokens.push(start..tokens.len());
        }
        let words = WordKeys::of(lex, &tokens);
        if first == 0 && reading.date.is_none() {
            reading.date = when::article_date(lex, &tokens, &words.classes);
        }
        let date = reading.date;

        // Phrases that refer to actors, sentence by sentence.
        let mut candidates: Vec<Candidate> = Vec::with_capacity(tokens.len() / 4 + 1);
        let mut sentence_candidates: Vec<Range<usize>> = Vec::with_capacity(sentences_here.len());
        for (si, range) in sentence_tokens.iter().enumerate() {
            let reader = SentenceReader::new(lex, text, &tokens, &words, range.clone(), first + si);
            let start = candidates.len();
            candidates.extend(mention_types::MentionTypes::bundled().keep_actors(
                text,
                &tokens,
                range.clone(),
                reader.read(),
            ));
            sentence_candidates.push(start..candidates.len());
        }
        let (candidates, sentence_candidates) =
            recurring_names::join(lex, text, &tokens, candidates, &sentence_candidates);
        let candidates = recurring_bodies::promote(
            lex,
            text,
            &tokens,
            candidates,
            &recurring_bodies::starts(&sentence_tokens),
        );

        // Who each phrase refers to, and what happens between them.
        let resolver = &mut reading.resolver;
        resolver.define(&candidates, |c| text[c.span.start..c.span.end].to_string());
        let found_all = &mut reading.found;
        for (si, crange) in sentence_candidates.iter().enumerate() {
            let joined = joined_pairs(&tokens, &candidates, crange.clone());
            resolver.resolve_sentence(text, &candidates, crange.clone(), &joined);
            let args = args_of(&candidates, &resolver.res.referents, crange.clone());
            // Only a sentence with two different actors (or one phrase standing for two) and a trigger or a "must" has
            // anything for the reader to find: the others are not parsed.
            let range = sentence_tokens[si].clone();
            let worth_parsing = two_actors(&args)
                && range.clone().any(|k| {
                    words.starts[k] & lexicon::starts::TRIGGER != 0
                        || words.classes[k] & lex.grammar.obligation_modals.bit != 0
                });
            let tree = if worth_parsing {
                let names: Vec<Range<usize>> = args
                    .iter()
                    .filter_map(|a| long_name(&tokens, &words, lex, a.tokens.clone()))
                    .collect();
                SentenceTree::parse_names(
                    self.syntax,
                    &self.deps,
                    text,
                    &tokens,
                    range.clone(),
                    &names,
                )
            } else {
                SentenceTree::default()
            };
            let events = SentenceEvents {
                lex,
                text,
                tokens: &tokens,
                words: &words,
                range,
                args,
                tree: &tree,
            };
            let result = if worth_parsing {
                events.read()
            } else {
                // "Foreign Minister X said:": who speaks is read without a parse, so that the quote after
                // it is theirs.
                let reports = |a: &events::Arg<'_>| {
                    a.tokens.end < events.range.end
                        && words.classes[a.tokens.end] & lex.grammar.reporting_verbs.bit != 0
                };
                SentenceResult {
                    found: Vec::new(),
                    reporters: (0..events.args.len())
                        .filter(|&a| reports(&events.args[a]))
                        .collect(),
                }
            };
            if trace::on() {
                let name = |e: usize| resolver.res.entities[e].name.clone();
                let s = sentences_here[si];
                eprintln!("S{}: {}", first + si, &text[s.start..s.end]);
                for a in &events.args {
                    let refers: Vec<String> = a.entities.iter().map(|&e| name(e)).collect();
                    eprintln!(
                        "   arg {:?} {:?} -> {refers:?}",
                        a.tokens,
                        &text[a.span.start..a.span.end]
                    );
                }
                for f in &result.found {
                    eprintln!(
                        "   found {:?} {} -> {} | {}",
                        f.kind,
                        name(f.source),
                        name(f.target),
                        f.rule
                    );
                }
            }
            // Read before the resolver moves on: the arguments borrow its referents.
            let reported_by = result
                .reporters
                .first()
                .and_then(|&r| events.args[r].entities.first())
                .copied();
            if let Some(last) = result
                .found
                .iter()
                .rev()
                .find(|f| f.modality == Modality::Asserted)
            {
                resolver.set_focus(last.source, last.target);
            }
            if let Some(r) = reported_by {
                resolver.quoted(r);
            }
            let when = if result.found.is_empty() {
                None
            } else {
                let r = &sentence_tokens[si];
                when::time_of(
                    lex,
                    text,
                    &tokens[r.clone()],
                    &words.classes[r.clone()],
                    date,
                )
            };
            for f in result.found {
                found_all.push((first + si, f, reported_by, when.clone()));
            }
        }
        // What is kept of the part's phrases: where they stand and whom they refer to.
        reading.placed.extend(candidates.iter().map(|c| Placed {
            sentence: c.sentence,
            span: c.span,
            via: c.via,
        }));
        reading
            .referents
            .append(&mut std::mem::take(&mut reading.resolver.res.referents));
    }
}

/// Candidate pairs the sentence joins: "X and Y", "between X and Y", "X-Y" compounds.
fn joined_pairs(
    tokens: &[Token],
    candidates: &[Candidate],
    range: Range<usize>,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut previous: Option<usize> = None;
    for c in range.filter(|&c| !candidates[c].nested) {
        if let Some(p) = previous.replace(c) {
            let (a, b) = (&candidates[p], &candidates[c]);
            if a.tokens.end > b.tokens.start {
                continue;
            }
            let gap = &tokens[a.tokens.end..b.tokens.start];
            let joins = match gap {
                [x] => matches!(x.norm.as_str(), "and" | "-" | "/"),
                [x, y] => x.norm == "and" && y.norm == "the",
                _ => false,
            };
            if joins {
                out.push((p, c));
            }
        }
    }
    out
}

/// Characters of an article's first line kept as its title.
const TITLE_CHARS: usize = 120;

/// `line` when it has at most `max` characters; else its longest start of whole words within `max`
/// characters, followed by "…" (a single word longer than that is cut).
fn cut_at_word(line: &str, max: usize) -> String {
    if line.chars().count() <= max {
        return line.to_string();
    }
    let head: String = line.chars().take(max).collect();
    let words = match head.rfind(char::is_whitespace) {
        Some(i) if i > 0 => {
            head[..i].trim_end_matches(|c: char| c.is_whitespace() || ",;:-–".contains(c))
        }
        _ => head.as_str(),
    };
    format!("{words}…")
}

/// The first non-empty line (without Markdown heading marks), or the file name.
fn title_of(path: &str, text: &str) -> String {
    let line = text
        .lines()
        .map(|l| l.trim().trim_start_matches('#').trim())
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let title = cut_at_word(line, TITLE_CHARS);
    if title.is_empty() {
        std::path::Path::new(path)
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default()
    } else {
        title
    }
}

/// A readable id: "syed-abbas-araghchi".
fn slug(name: &str) -> String {
    let mut s = String::with_capacity(name.len());
    if name.is_ascii() {
        // The common case, byte by byte.
        for b in name.bytes() {
            if b.is_ascii_alphanumeric() {
                s.push(b.to_ascii_lowercase() as char);
            } else if !s.ends_with('-') && !s.is_empty() {
                s.push('-');
            }
        }
        return s.trim_end_matches('-').to_string();
    }
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            s.push(c);
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    s.trim_end_matches('-').to_string()
}

type FoundIn = (usize, events::Found, Option<usize>, Option<String>);

fn build_corpus(
    lex: &Lexicon,
    article: Article,
    placed: &[Placed],
    resolver: Resolver,
    found: Vec<FoundIn>,
) -> Corpus {
    let untied: Vec<bool> = (0..resolver.res.entities.len())
        .map(|e| resolver.is_untied_title(e))
        .collect();
    let res = resolver.res;
    let article_id = crate::corpus::ArticleId::from(article.id.as_str());
    // Only entities the text refers to (or that those belong to) become actors.
    let mut used = vec![false; res.entities.len()];
    for refs in &res.referents {
        for &e in refs {
            used[e] = true;
        }
    }
    for (_, f, r, _) in &found {
        used[f.source] = true;
        used[f.target] = true;
        if let Some(r) = r {
            used[*r] = true;
        }
    }
    for (u, &gone) in used.iter_mut().zip(&untied) {
        *u &= !gone;
    }
    let mut stack: Vec<usize> = (0..used.len()).filter(|&e| used[e]).collect();
    while let Some(e) = stack.pop() {
        for &a in &res.entities[e].affiliations {
            if !used[a] {
                used[a] = true;
                stack.push(a);
            }
        }
    }
    // Entity index → actor id and actor index, for the entities that become actors.
    let mut ids: Vec<Option<String>> = vec![None; res.entities.len()];
    let mut taken: rustc_hash::FxHashSet<String> = rustc_hash::FxHashSet::default();
    for (e, entity) in res.entities.iter().enumerate().filter(|(e, _)| used[*e]) {
        let base = match entity.kind {
            ActorKind::Country => entity
                .country
                .map(|c| lex.countries[c as usize].iso3.clone())
                .unwrap_or_default(),
            _ => slug(&entity.name),
        };
        let mut id = if base.is_empty() {
            format!("actor-{e}")
        } else {
            base
        };
        let mut n = 2;
        while taken.contains(&id) {
            id = format!(
                "{}-{n}",
                id.trim_end_matches(|c: char| c.is_ascii_digit() || c == '-')
            );
            n += 1;
        }
        taken.insert(id.clone());
        ids[e] = Some(id);
    }

    let mut actors: Vec<Actor> = Vec::new();
    let mut actor_of: Vec<Option<usize>> = vec![None; res.entities.len()];
    for (e, entity) in res.entities.iter().enumerate().filter(|(e, _)| used[*e]) {
        actor_of[e] = Some(actors.len());
        actors.push(Actor {
            id: ids[e].clone().unwrap_or_default(),
            kind: entity.kind,
            name: entity.name.clone(),
            aliases: entity.aliases.clone(),
            country: entity
                .country
                .map(|c| lex.countries[c as usize].iso3.clone()),
            title: entity.title.clone(),
            code: entity.code.clone(),
            affiliations: entity
                .affiliations
                .iter()
                .filter_map(|&a| ids[a].clone())
                .collect(),
            mentions: Vec::new(),
        });
    }
    for (ci, refs) in res.referents.iter().enumerate() {
        let c = &placed[ci];
        for &e in refs {
            let Some(a) = actor_of[e] else { continue };
            let m = Mention {
                article: article_id.clone(),
                sentence: c.sentence,
                start: c.span.start,
                end: c.span.end,
                via: c.via,
            };
            actors[a].mentions.push(m);
        }
    }
    for a in &mut actors {
        // One mention per span, the first one found: a stable sort keeps it ahead of later ones.
        a.mentions.sort_by_key(|m| (m.start, m.end));
        a.mentions.dedup_by_key(|m| (m.start, m.end));
        // Surface forms seen become aliases, so a corpus file alone says how the actor was written.
        let mut seen: Vec<String> = Vec::new();
        let mut seen_raw: Vec<&str> = Vec::new();
        for m in &a.mentions {
            // A city or region in a state ("near Mosul") is no name of the state.
            if matches!(
                m.via,
                crate::corpus::MentionVia::Pronoun
                    | crate::corpus::MentionVia::Group
                    | crate::corpus::MentionVia::Place
            ) {
                continue;
            }
            // An actor is mostly written the same few ways: each way is cleaned once.
            let raw = &article.text[m.start..m.end];
            if seen_raw.contains(&raw) {
                continue;
            }
            seen_raw.push(raw);
            let s = clean_alias(raw);
            if s != a.name && !a.aliases.contains(&s) && !seen.contains(&s) {
                seen.push(s);
            }
        }
        a.aliases.extend(seen);
    }

    let mut interactions: Vec<Interaction> = Vec::new();
    // Interactions by what makes them one (kind, ends, direction, modality), the evidence each holds (by
    // sentence and trigger) and the ids taken: look-ups, so that a long article costs no more per sentence.
    type Edge = (
        crate::corpus::InteractionKind,
        String,
        String,
        bool,
        Modality,
    );
    let mut by_edge: rustc_hash::FxHashMap<Edge, usize> = rustc_hash::FxHashMap::default();
    let mut evidence_of: rustc_hash::FxHashSet<(usize, usize, Option<Span>)> =
        rustc_hash::FxHashSet::default();
    let mut interaction_ids: rustc_hash::FxHashSet<String> = rustc_hash::FxHashSet::default();
    for (si, f, reported_by, when) in found {
        let (Some(source), Some(target)) = (&ids[f.source], &ids[f.target]) else {
            continue;
        };
        let (mut source, mut target) = (source.clone(), target.clone());
        let (mut source_span, mut target_span) = (f.source_span, f.target_span);
        if !f.directed && source > target {
            std::mem::swap(&mut source, &mut target);
            std::mem::swap(&mut source_span, &mut target_span);
        }
        let sentence = article.sentences[si];
        let evidence = Evidence {
            article: article_id.clone(),
            sentence: si,
            start: sentence.start,
            end: sentence.end,
            trigger: Some(f.trigger),
            source_span: Some(source_span),
            target_span: Some(target_span),
            rule: f.rule.clone(),
            reported_by: reported_by
                .and_then(|r| actor_of[r])
                .map(|a| actors[a].name.clone()),
            when,
        };
        let edge = (f.kind, source, target, f.directed, f.modality);
        match by_edge.get(&edge) {
            Some(&i) => {
                if evidence_of.insert((i, si, evidence.trigger)) {
                    interactions[i].evidence.push(evidence);
                }
            }
            None => {
                let (_, source, target, _, _) = edge.clone();
                by_edge.insert(edge, interactions.len());
                evidence_of.insert((interactions.len(), si, evidence.trigger));
                let mut it = Interaction {
                    id: String::new(),
                    kind: f.kind,
                    cameo: f.cameo.clone(),
                    source,
                    target,
                    directed: f.directed,
                    modality: f.modality,
                    rule: f.rule.clone(),
                    evidence: vec![evidence],
                };
                it.id = interaction_id(&it, |id| interaction_ids.contains(id));
                interaction_ids.insert(it.id.clone());
                interactions.push(it);
            }
        }
    }
    Corpus {
        articles: vec![article],
        actors,
        interactions,
        ..Corpus::default()
    }
}

/// A mention's text as an alias: one line, without a leading "the" or a trailing possessive.
fn clean_alias(s: &str) -> String {
    let one_line = if s.is_ascii() {
        let b = s.as_bytes();
        !b.iter()
            .any(|&x| x.is_ascii_whitespace() && x != b' ' || x == 0x0B)
            && !b.windows(2).any(|w| w == b"  ")
            && b.first() != Some(&b' ')
            && b.last() != Some(&b' ')
    } else {
        s.split_whitespace().eq(s.split(' '))
    };
    let joined;
    let s = if one_line {
        s
    } else {
        joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
        joined.as_str()
    };
    let s = s
        .strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s);
    // Suffixes stripped one by one, as `trim_end_matches` would, without its substring searcher.
    let mut s = s;
    while let Some(rest) = s.strip_suffix("\u{2019}s") {
        s = rest;
    }
    while let Some(rest) = s.strip_suffix("'s") {
        s = rest;
    }
    s.to_string()
}

/// Whether the arguments of a sentence name at least two different actors.
fn two_actors(args: &[events::Arg<'_>]) -> bool {
    let mut all = args.iter().flat_map(|a| a.entities.iter());
    all.next().is_some_and(|first| all.any(|e| e != first))
}

/// The long name at the end of the tokens that the parser may read as one word: the last three or more
/// capitalised words and the small words inside names, no title among them ("Recep Tayyip Erdogan" in
/// "Turkish President Recep Tayyip Erdogan", "Islamic Republic of Afghanistan"), or two after a title
/// ("Army Chief General Asim Munir"). A two-word name alone parses well as it is; a title is left to the
/// parser, as it tells a noun phrase from a verb ("Newly appointed Prime Minister X has refused").
fn long_name(
    tokens: &[Token],
    words: &WordKeys,
    lex: &Lexicon,
    r: Range<usize>,
) -> Option<Range<usize>> {
    let part = |k: usize| {
        let t = &tokens[k];
        words.starts[k] & (lexicon::starts::TRIGGER | lexicon::starts::TITLE) == 0
            && (t.capitalised
                || words.classes[k] & lex.grammar.name_inner_words.bit != 0
                || t.norm == "-")
    };
    if r.is_empty() || !tokens[r.end - 1].capitalised {
        return None;
    }
    let mut start = r.end;
    while start > r.start && part(start - 1) {
        start -= 1;
    }
    while start < r.end && !tokens[start].capitalised {
        start += 1;
    }
    (r.end - start >= 3 || r.end - start >= 2 && start > r.start).then_some(start..r.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_first_line_is_cut_between_words() {
        let line = "Minister of Example Affairs meets the envoy of Nowhere to discuss the long-running border question";
        assert_eq!(
            cut_at_word(line, 40),
            "Minister of Example Affairs meets the…"
        );
        assert_eq!(cut_at_word("Short title", 40), "Short title");
        assert_eq!(
            cut_at_word("Averyveryverylongsingleword", 10),
            "Averyveryv…"
        );
    }

    #[test]
    fn slugs_are_lower_case_words_joined_by_hyphens() {
        assert_eq!(slug("Syed Karim Haddad"), "syed-karim-haddad");
        assert_eq!(
            slug("  U.S. Central Command (CENTCOM) "),
            "u-s-central-command-centcom"
        );
        assert_eq!(slug("Omar Said’s office"), "omar-said-s-office");
        assert_eq!(slug("Ürümqi Öffice"), "ürümqi-öffice");
        assert_eq!(slug("--"), "");
    }

    #[test]
    fn aliases_are_one_line_without_article_or_possessive() {
        assert_eq!(clean_alias("the Foreign Office"), "Foreign Office");
        assert_eq!(clean_alias("Chile’s"), "Chile");
        assert_eq!(
            clean_alias("National\n  Water Authority"),
            "National Water Authority"
        );
        assert_eq!(clean_alias("The  Army's"), "Army");
        assert_eq!(clean_alias("Iran\u{0B}Air"), "Iran Air");
        assert_eq!(clean_alias("Côte\u{A0}d’Ivoire"), "Côte d’Ivoire");
        assert_eq!(clean_alias(" ISPR"), "ISPR");
    }
}
