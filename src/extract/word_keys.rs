//! What the lexicon makes of each token of an article, looked up once per distinct word: the key it is
//! looked up by (its normal form, or the lexicon word it is a typo of), the numbers of both forms in the
//! lexicon's vocabulary, and which tables a phrase starting with it could come from.

use rustc_hash::FxHashMap;

use super::lexicon::{Lexicon, ListBits};
use super::speller;
use super::tokens::{Shape, Token};

/// Per token of an article (indexed like its tokens).
#[derive(Debug, Default)]
pub struct WordKeys<'a> {
    /// The tokens' normal forms, borrowed: read by the rules at every step, so kept as plain slices.
    pub norms: Vec<&'a str>,
    /// Lexicon keys: normal forms, typo-corrected for lexicon words (borrowed from the tokens or the
    /// lexicon).
    pub keys: Vec<&'a str>,
    /// Numbers in `Lexicon::vocab` of the normal forms and of the keys (`phrase_table::UNKNOWN` for
    /// words no table knows).
    pub norm_ids: Vec<u32>,
    pub key_ids: Vec<u32>,
    /// What each token can start (`lexicon::starts` bits), by its normal form or its key.
    pub starts: Vec<u8>,
    /// The grammar lists holding each token's normal form (`WordList::bit`s).
    pub classes: Vec<ListBits>,
}

impl<'a> WordKeys<'a> {
    /// The keys of `tokens`. A word repeats often in one article; its spelling and numbers are looked up
    /// once.
    pub fn of(lex: &'a Lexicon, tokens: &'a [Token]) -> WordKeys<'a> {
        let mut seen: FxHashMap<&str, (&str, u32, u32, u8)> =
            FxHashMap::with_capacity_and_hasher(tokens.len() / 2 + 1, Default::default());
        let looked: Vec<(&str, u32, u32, u8)> = tokens
            .iter()
            .map(|t| {
                *seen.entry(t.norm.as_str()).or_insert_with(|| {
                    let key = lexicon_key(lex, t);
                    let norm_id = lex.word_id(&t.norm);
                    let key_id = if key == t.norm {
                        norm_id
                    } else {
                        lex.word_id(key)
                    };
                    let starts = lex.starts_of(norm_id) | lex.starts_of(key_id);
                    (key, norm_id, key_id, starts)
                })
            })
            .collect();
        // Each column in one pass of its own.
        WordKeys {
            norms: tokens.iter().map(|t| t.norm.as_str()).collect(),
            keys: looked.iter().map(|l| l.0).collect(),
            norm_ids: looked.iter().map(|l| l.1).collect(),
            key_ids: looked.iter().map(|l| l.2).collect(),
            starts: looked.iter().map(|l| l.3).collect(),
            classes: looked.iter().map(|l| lex.classes_of(l.1)).collect(),
        }
    }
}

/// The form a token is looked up by in lexicons: its normal form, or the lexicon word it is a typo of.
fn lexicon_key<'a>(lex: &'a Lexicon, t: &'a Token) -> &'a str {
    if t.norm.len() >= speller::MIN_LEN
        && t.shape == Shape::Word
        && !t.all_caps
        && let Some(fixed) = lex.speller.correct(&t.norm)
    {
        return fixed;
    }
    &t.norm
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexicon::starts;
    use crate::extract::phrase_table::UNKNOWN;
    use crate::extract::tokens::tokenize;

    #[test]
    fn typos_get_the_lexicon_word_as_key_and_its_number_and_starts() {
        let lex = Lexicon::bundled().unwrap();
        let text = "The Forign Minister held disscussions with Zqxwv and the Forign Minister left.";
        let tokens = tokenize(text, 0, text.len());
        let w = WordKeys::of(&lex, &tokens);
        assert_eq!(w.keys.len(), tokens.len());
        assert_eq!(w.keys[1], "foreign");
        assert_eq!(w.key_ids[1], lex.word_id("foreign"));
        assert_ne!(w.key_ids[1], w.norm_ids[1]);
        assert_ne!(w.starts[1] & starts::TITLE, 0);
        assert_eq!(w.keys[4], "discussions");
        assert_ne!(w.starts[4] & starts::TRIGGER, 0);
        // An unknown word keeps its own form and has no number; a repeated word gets the same answers.
        assert_eq!(
            (w.keys[6], w.norm_ids[6], w.starts[6]),
            ("zqxwv", UNKNOWN, 0)
        );
        assert_eq!(
            (&w.keys[9], w.key_ids[9], w.starts[9]),
            (&w.keys[1], w.key_ids[1], w.starts[1])
        );
        // Grammar lists are known from the word number: "The" and "the" are determiners, "with" is not.
        let g = &lex.grammar;
        assert_ne!(w.classes[0] & g.determiners.bit, 0);
        assert_eq!(
            w.classes[0] & g.determiners.bit,
            w.classes[8] & g.determiners.bit
        );
        assert_eq!(w.classes[5] & g.determiners.bit, 0);
        assert_eq!(
            w.classes[5] & g.prepositions.bit != 0,
            g.prepositions.has("with")
        );
    }
}
