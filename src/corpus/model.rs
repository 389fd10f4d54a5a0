//! The corpus model: articles, the actors found in them, the interactions between actors, and the
//! evidence (sentences, byte spans) behind each. This is the contract every later stage reads and the
//! shape of the `actormap/1` JSON file (see `docs/corpus-format.md`).
//!
//! All `start`/`end` offsets are UTF-8 byte offsets into the owning article's `text`.

use serde::{Deserialize, Serialize};

/// An article's id as mentions and evidence refer to it ("a1"): a string held inline when short, so the
/// thousands of mentions of a corpus do not each allocate one. Serialised as a plain string.
pub type ArticleId = compact_str::CompactString;

/// The schema tag written at the top of every corpus file.
pub const SCHEMA: &str = "actormap/1";

/// Everything actormap knows: the articles read and what was extracted from them, merged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Corpus {
    pub schema: String,
    pub articles: Vec<Article>,
    pub actors: Vec<Actor>,
    pub interactions: Vec<Interaction>,
}

impl Default for Corpus {
    fn default() -> Self {
        Corpus {
            schema: SCHEMA.to_string(),
            articles: Vec::new(),
            actors: Vec::new(),
            interactions: Vec::new(),
        }
    }
}

/// A byte range `start..end` into an article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// One article as read from disk: its text as read (`text::Document`: a text file's decoded content, a page's
/// main text, a PDF's text layer) and its sentences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub id: String,
    pub path: String,
    pub title: String,
    /// Publication date (`YYYY-MM-DD`) when the text states one; relative times are resolved against it.
    #[serde(default)]
    pub date: Option<String>,
    pub text: String,
    pub sentences: Vec<Span>,
    /// The character encoding the file was decoded from, when not UTF-8 (`windows-1252`, `UTF-16LE`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// The kind of document the text was read from, when not plain text (`html`, `pdf`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
}

impl Article {
    /// The text of sentence `index`, or "" when the index or its span is out of range.
    pub fn sentence_text(&self, index: usize) -> &str {
        self.sentences
            .get(index)
            .map(|s| self.slice(*s))
            .unwrap_or("")
    }

    /// The text of `span`, or "" when it does not lie on character boundaries inside the text.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    /// Index of the sentence that contains byte `offset`.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= offset);
        (i < self.sentences.len() && self.sentences[i].start <= offset).then_some(i)
    }
}

/// What sort of actor a node is. The JSON spells these in lower case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A state, or its government as a whole ("Iran", "Islamabad said", "the Iranian side").
    Country,
    /// A person: a named official, leader, or other named individual.
    Official,
    /// A body: ministry, armed force, agency, party, outlet, armed group, international organisation.
    Institution,
}

impl ActorKind {
    pub const ALL: [ActorKind; 3] = [
        ActorKind::Country,
        ActorKind::Official,
        ActorKind::Institution,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Country => "country",
            ActorKind::Official => "official",
            ActorKind::Institution => "institution",
        }
    }
}

/// An actor: one node of the map, with every place in the text that names or refers to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub id: String,
    pub kind: ActorKind,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// ISO 3166 alpha-3 of the country the actor is or belongs to.
    #[serde(default)]
    pub country: Option<String>,
    /// An official's title as it should be displayed ("Foreign Minister"), typos corrected.
    #[serde(default)]
    pub title: Option<String>,
    /// CAMEO-style actor code: country + role (`IRNGOV`, `PAKMIL`, `IGOUNO`).
    #[serde(default)]
    pub code: Option<String>,
    /// Ids of the actors this one belongs to (official -> institution -> country), nearest first.
    #[serde(default)]
    pub affiliations: Vec<String>,
    #[serde(default)]
    pub mentions: Vec<Mention>,
}

/// How a mention was recognised; shown to the user so that every mention can be checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionVia {
    /// The actor's name, in full or as listed in a gazetteer.
    Name,
    /// A later part of a name already seen ("Araghchi" after "Syed Abbas Araghchi").
    PartialName,
    /// A demonym or adjective ("Iranian").
    Demonym,
    /// A capital or seat of government standing for its state ("Islamabad said").
    Capital,
    /// A city, province or other place in the state ("near Mosul").
    Place,
    /// An acronym defined or known ("ISPR").
    Acronym,
    /// A title or description without a name ("the Iranian Foreign Minister").
    Title,
    /// A pronoun ("his", "it").
    Pronoun,
    /// A phrase standing for two actors at once ("both sides", "each other").
    Group,
    /// Added by the user.
    User,
}

/// One place in an article that refers to an actor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mention {
    /// The article's id: short ("a1"), so held inline, without an allocation per mention.
    pub article: ArticleId,
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    #[serde(default = "default_via")]
    pub via: MentionVia,
}

fn default_via() -> MentionVia {
    MentionVia::Name
}

impl Mention {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// The interaction kinds of the corpus format: the PLOVER event types, with visit and mediate split out of
/// consult.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InteractionKind {
    Consult,
    Visit,
    Mediate,
    Agree,
    Cooperate,
    Support,
    Aid,
    Concede,
    Retreat,
    Demand,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
    Investigate,
}

/// The colour family of an interaction on the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    Cooperation,
    Conflict,
    Neutral,
}

impl Family {
    pub const ALL: [Family; 3] = [Family::Cooperation, Family::Conflict, Family::Neutral];

    pub fn as_str(self) -> &'static str {
        match self {
            Family::Cooperation => "cooperation",
            Family::Conflict => "conflict",
            Family::Neutral => "neutral",
        }
    }
}

impl InteractionKind {
    pub const ALL: [InteractionKind; 19] = [
        InteractionKind::Consult,
        InteractionKind::Visit,
        InteractionKind::Mediate,
        InteractionKind::Agree,
        InteractionKind::Cooperate,
        InteractionKind::Support,
        InteractionKind::Aid,
        InteractionKind::Concede,
        InteractionKind::Retreat,
        InteractionKind::Demand,
        InteractionKind::Accuse,
        InteractionKind::Reject,
        InteractionKind::Threaten,
        InteractionKind::Protest,
        InteractionKind::Sanction,
        InteractionKind::Mobilize,
        InteractionKind::Coerce,
        InteractionKind::Assault,
        InteractionKind::Investigate,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            InteractionKind::Consult => "consult",
            InteractionKind::Visit => "visit",
            InteractionKind::Mediate => "mediate",
            InteractionKind::Agree => "agree",
            InteractionKind::Cooperate => "cooperate",
            InteractionKind::Support => "support",
            InteractionKind::Aid => "aid",
            InteractionKind::Concede => "concede",
            InteractionKind::Retreat => "retreat",
            InteractionKind::Demand => "demand",
            InteractionKind::Accuse => "accuse",
            InteractionKind::Reject => "reject",
            InteractionKind::Threaten => "threaten",
            InteractionKind::Protest => "protest",
            InteractionKind::Sanction => "sanction",
            InteractionKind::Mobilize => "mobilize",
            InteractionKind::Coerce => "coerce",
            InteractionKind::Assault => "assault",
            InteractionKind::Investigate => "investigate",
        }
    }

    pub fn parse(s: &str) -> Option<InteractionKind> {
        InteractionKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The kind in words, for people: "met or held talks with".
    pub fn describe(self) -> &'static str {
        match self {
            InteractionKind::Consult => "met or held talks with",
            InteractionKind::Visit => "visited",
            InteractionKind::Mediate => "offered or acted to mediate for",
            InteractionKind::Agree => "agreed with",
            InteractionKind::Cooperate => "cooperated with",
            InteractionKind::Support => "expressed support for",
            InteractionKind::Aid => "gave aid to",
            InteractionKind::Concede => "made a concession to",
            InteractionKind::Retreat => "withdrew or eased pressure on",
            InteractionKind::Demand => "made a demand of",
            InteractionKind::Accuse => "accused or criticised",
            InteractionKind::Reject => "rejected",
            InteractionKind::Threaten => "threatened",
            InteractionKind::Protest => "protested against",
            InteractionKind::Sanction => "imposed sanctions on",
            InteractionKind::Mobilize => "mobilised forces against",
            InteractionKind::Coerce => "coerced",
            InteractionKind::Assault => "attacked",
            InteractionKind::Investigate => "investigated",
        }
    }

    /// The PLOVER event type this kind belongs to.
    pub fn plover(self) -> &'static str {
        use InteractionKind::*;
        match self {
            Consult | Visit | Mediate => "CONSULT",
            Agree => "AGREE",
            Cooperate => "COOPERATE",
            Support => "SUPPORT",
            Aid => "AID",
            Concede => "CONCEDE",
            Retreat => "RETREAT",
            Demand => "DEMAND",
            Accuse => "ACCUSE",
            Reject => "REJECT",
            Threaten => "THREATEN",
            Protest => "PROTEST",
            Sanction => "SANCTION",
            Mobilize => "MOBILIZE",
            Coerce => "COERCE",
            Assault => "ASSAULT",
            Investigate => "INVESTIGATE",
        }
    }

    /// Whether the interaction draws actors together, apart, or neither.
    pub fn family(self) -> Family {
        use InteractionKind::*;
        match self {
            Consult | Visit | Mediate | Investigate => Family::Neutral,
            Agree | Cooperate | Support | Aid | Concede | Retreat => Family::Cooperation,
            Demand | Accuse | Reject | Threaten | Protest | Sanction | Mobilize | Coerce
            | Assault => Family::Conflict,
        }
    }
}

/// Whether the text says the event happened, did not happen, is planned, or is only supposed.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    #[default]
    Asserted,
    Negated,
    Intended,
    Hypothetical,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Negated => "negated",
            Modality::Intended => "intended",
            Modality::Hypothetical => "hypothetical",
        }
    }
}

/// One edge of the map: `source` did `kind` to `target` (or with it, when not directed), with the sentences
/// that say so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Interaction {
    pub id: String,
    pub kind: InteractionKind,
    /// CAMEO event code of the trigger that produced the first evidence ("040", "042", "112").
    pub cameo: String,
    pub source: String,
    pub target: String,
    pub directed: bool,
    #[serde(default)]
    pub modality: Modality,
    /// The rule or lexicon entry that produced the first evidence; each evidence names its own.
    #[serde(default)]
    pub rule: String,
    pub evidence: Vec<Evidence>,
}

/// One sentence supporting an interaction. `start`/`end` span the whole sentence; the other spans mark the
/// words to highlight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    pub article: ArticleId,
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    /// The trigger words ("met with", "accused").
    #[serde(default)]
    pub trigger: Option<Span>,
    /// The words naming the source and the target in this sentence.
    #[serde(default)]
    pub source_span: Option<Span>,
    #[serde(default)]
    pub target_span: Option<Span>,
    /// The rule or lexicon entry that fired.
    #[serde(default)]
    pub rule: String,
    /// Who the sentence attributes the statement to ("Radio Pakistan"), as written.
    #[serde(default)]
    pub reported_by: Option<String>,
    /// When it happened: an ISO date when it could be resolved, else the words of the text ("this week").
    #[serde(default)]
    pub when: Option<String>,
}

impl Evidence {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

impl Corpus {
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    pub fn actor_index(&self, id: &str) -> Option<usize> {
        self.actors.iter().position(|a| a.id == id)
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_at_finds_the_sentence_holding_an_offset() {
        let a = Article {
            id: "a1".into(),
            path: "x.txt".into(),
            title: "x".into(),
            date: None,
            text: "One. Two.".into(),
            sentences: vec![Span::new(0, 4), Span::new(5, 9)],
            encoding: None,
            format: None,
        };
        assert_eq!(a.sentence_at(0), Some(0));
        assert_eq!(a.sentence_at(6), Some(1));
        assert_eq!(a.sentence_at(4), None);
        assert_eq!(a.sentence_text(1), "Two.");
    }

    #[test]
    fn every_kind_round_trips_through_its_name() {
        for k in InteractionKind::ALL {
            assert_eq!(InteractionKind::parse(k.as_str()), Some(k));
        }
    }
}
