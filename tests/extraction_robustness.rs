//! Bad input never panics the extractor: thousands of generated texts mixing lexicon words, names,
//! punctuation, quotes, odd Unicode and line endings, and every prefix of the reference article, all
//! extract to a corpus whose offsets lie on character boundaries of the text.

use actormap::corpus::{self, Corpus};
use actormap::extract::Extractor;

/// A tiny deterministic generator (xorshift), so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const PIECES: &[&str] = &[
    "Iran",
    "Pakistan’s",
    "the",
    "The",
    "Foreign",
    "Minister",
    "Forign",
    "General",
    "Syed",
    "Abbas",
    "Araghchi",
    "met",
    "with",
    "accused",
    "each",
    "other",
    "both",
    "sides",
    "two",
    "officials",
    "(",
    ")",
    "ISPR",
    "(ISPR)",
    "Inter-Services",
    "Public",
    "Relations",
    "said",
    "according",
    "to",
    "Radio",
    "’s",
    "'s",
    "'",
    "\"",
    "“",
    "”",
    ".",
    ",",
    ";",
    ":",
    "-",
    "–",
    "—",
    "U.S.",
    "U.",
    "S.",
    "Mr.",
    "Dr",
    "his",
    "its",
    "it",
    "they",
    "would",
    "must",
    "that",
    "between",
    "and",
    "India",
    "mediate",
    "offering",
    "launched",
    "airstrikes",
    "on",
    "in",
    "near",
    "Mosul",
    "\n",
    "\r\n",
    "\n\n",
    " ",
    "  ",
    "\t",
    "é",
    "Ünïcödé",
    "😀",
    "\u{200B}",
    "\u{A0}",
    "日本",
    "مرحبا",
    "0",
    "3.5",
    "10,000",
    "Jan.",
    "8",
    "2024",
    "Monday",
    "yesterday",
    "week",
    "last",
    "year",
    "Coalition",
    "military",
    "forces",
    "rebels",
    "Afghan",
    "refused",
    "meet",
    "visit",
    "al",
    "bin",
    "-",
    "KCNA",
    "MR",
    "KIRBY",
    "QUESTION",
];

fn check(text: &str, c: &Corpus) {
    let json = corpus::to_json(c);
    let back = corpus::from_json(&json).unwrap_or_else(|e| panic!("{e} for {text:?}"));
    assert_eq!(&back, c);
    assert_eq!(c.articles[0].text, text);
}

#[test]
fn generated_texts_never_panic_and_always_give_a_valid_corpus() {
    let ex = Extractor::bundled();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..3000 {
        let n = 1 + (rng.next() % 60) as usize;
        let mut text = String::new();
        for _ in 0..n {
            text.push_str(rng.pick(PIECES));
            if !rng.next().is_multiple_of(3) {
                text.push(' ');
            }
        }
        let c = ex.extract(&format!("gen-{round}.txt"), &text);
        check(&text, &c);
    }
}

#[test]
fn every_prefix_of_the_reference_article_extracts_cleanly() {
    let ex = Extractor::bundled();
    let article = include_str!("../sample_data/01_iran_pakistan_talks.txt");
    for (end, _) in article.char_indices().step_by(7) {
        let text = &article[..end];
        check(text, &ex.extract("prefix.txt", text));
    }
}

/// An article longer than a part (`extract::parts`), with a long line without a stop in it: every span of
/// the corpus lies inside the text and inside its sentence, units stay bounded, and who is who carries over
/// from the first part to the last.
#[test]
fn a_big_article_gives_spans_inside_the_text_and_inside_their_sentence() {
    use actormap::extract::{parts::PART_BYTES, sentences::MAX_UNIT_BYTES};
    let paragraph = "Peruvian Foreign Minister Ana Ruiz met the German envoy Karl Brandt in Lima. \
                     Ruiz accused Germany of spying on the talks. She said the two sides would meet again.\n\n";
    let rambling = "and the delegates went on talking about the border and the river ".repeat(80);
    let mut text = String::new();
    while text.len() < PART_BYTES + PART_BYTES / 8 {
        text.push_str(paragraph);
        if text.len().is_multiple_of(7) {
            text.push_str(&rambling);
            text.push_str("\n\n");
        }
    }
    text.push_str(&rambling);
    text.push_str("\n\nRuiz later visited Germany.\n");
    let c = Extractor::bundled().extract("big.txt", &text);
    let article = &c.articles[0];
    assert_eq!(article.text, text);
    let sentences = &article.sentences;
    assert!(
        sentences
            .iter()
            .all(|s| s.start < s.end && s.end <= text.len() && s.len() <= MAX_UNIT_BYTES)
    );
    assert!(sentences.windows(2).all(|w| w[0].end <= w[1].start));
    let inside = |sentence: usize, start: usize, end: usize| {
        sentences
            .get(sentence)
            .is_some_and(|s| s.start <= start && start <= end && end <= s.end)
            && text.is_char_boundary(start)
            && text.is_char_boundary(end)
    };
    for a in &c.actors {
        for m in &a.mentions {
            assert!(inside(m.sentence, m.start, m.end), "{m:?} of {}", a.name);
        }
    }
    assert!(!c.interactions.is_empty());
    for e in c.interactions.iter().flat_map(|i| &i.evidence) {
        assert_eq!(sentences.get(e.sentence), Some(&e.span()));
        for s in [e.trigger, e.source_span, e.target_span]
            .into_iter()
            .flatten()
        {
            assert!(inside(e.sentence, s.start, s.end), "{e:?}");
        }
    }
    // The surname in the last sentence is the minister named in the first.
    let ruiz = c
        .actors
        .iter()
        .find(|a| a.name == "Ana Ruiz")
        .expect("Ana Ruiz");
    let last = sentences.len() - 1;
    assert!(ruiz.mentions.iter().any(|m| m.sentence == 0));
    assert!(ruiz.mentions.iter().any(|m| m.sentence == last));
    check(&text, &c);
}
