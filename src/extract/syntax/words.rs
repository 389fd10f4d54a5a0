//! The words the syntax models read, cut as the Universal Dependencies treebanks cut them: the extractor's
//! tokens, with clitics split off ("don't" → "do" + "n't", "we're" → "we" + "'re"), since the models
//! learned "n't" as a negation and "'re" as an auxiliary.

use std::ops::Range;

use crate::extract::tokens::Token;

/// Clitics cut off the end of a word, longest first.
const CLITICS: [&str; 7] = ["n't", "'re", "'ve", "'ll", "'m", "'d", "'s"];

/// Where a clitic starts in `word`, if it ends with one (straight or curly apostrophe) after something.
fn clitic_start(word: &str) -> Option<usize> {
    CLITICS.iter().find_map(|c| {
        let curly = c.replace('\'', "\u{2019}");
        [*c, curly.as_str()].iter().find_map(|c| {
            let cut = word.len().checked_sub(c.len()).filter(|&cut| cut > 0)?;
            word.get(cut..)
                .filter(|tail| tail.eq_ignore_ascii_case(c))
                .map(|_| cut)
        })
    })
}

/// The byte spans of the syntactic words of `tokens` (each token gives one or two).
pub fn syntactic_words(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(tokens.len() + 4);
    for t in tokens {
        let w = &text[t.start..t.end];
        let split = clitic_start(w).map(|cut| t.start + cut);
        match split {
            Some(cut) => {
                out.push(t.start..cut);
                out.push(cut..t.end);
            }
            None => out.push(t.start..t.end),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;

    fn words(s: &str) -> Vec<&str> {
        syntactic_words(s, &tokenize(s, 0, s.len()))
            .into_iter()
            .map(|r| &s[r])
            .collect()
    }

    #[test]
    fn clitics_are_their_own_words() {
        assert_eq!(
            words("They don't know we're here."),
            ["They", "do", "n't", "know", "we", "'re", "here", "."]
        );
        assert_eq!(
            words("It can\u{2019}t be"),
            ["It", "ca", "n\u{2019}t", "be"]
        );
        assert_eq!(words("the envoy's car"), ["the", "envoy", "'s", "car"]);
    }

    #[test]
    fn words_that_only_end_like_a_clitic_stay_whole() {
        assert_eq!(words("Sana'a and d'Ivoire"), ["Sana'a", "and", "d'Ivoire"]);
    }
}
