//! Cutting text into tokens with byte offsets, the unit every lexicon and rule matches on.
//!
//! Words keep inner apostrophes ("d'Ivoire", "Sana'a") and dotted abbreviations stay whole ("U.S.", "D.C.");
//! a possessive "'s" (straight or curly) is its own token, and so is every punctuation mark, hyphens
//! included, so "Pak-Iran" is "Pak", "-", "Iran". Each token carries a normalised form (lower case, curly
//! apostrophes straightened) for lookups; its text stays as written for evidence.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Word,
    Number,
    /// The possessive "'s" or a bare "'" after a plural ("officials'").
    Possessive,
    Punct,
}

/// One token: its byte span in the text and its lookup form.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub norm: String,
    pub shape: Shape,
    /// The first letter is upper case ("Iran", "ISPR", "U.S.").
    pub capitalised: bool,
    /// Two or more letters, all upper case ("ISPR", "U.S.", "ISLAMABAD").
    pub all_caps: bool,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.shape == Shape::Word
    }

    pub fn is(&self, norm: &str) -> bool {
        self.norm == norm
    }

    /// The token's text as written.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Tokens of `text[from..to]`, with offsets into `text`.
pub fn tokenize(text: &str, from: usize, to: usize) -> Vec<Token> {
    let mut tokens = Vec::with_capacity((to - from) / 5);
    let s = &text[from..to];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let n = chars.len();
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let offset = |k: usize| from + chars.get(k).map(|&(i, _)| i).unwrap_or(s.len());
    let mut k = 0;
    while k < n {
        let c = chars[k].1;
        if c.is_whitespace() {
            k += 1;
            continue;
        }
        let start = k;
        if c.is_alphabetic() {
            // A dotted abbreviation: single letters each followed by a dot ("U.S.", "F.W.", "D.C.").
            let mut j = k;
            while at(j).is_some_and(|c| c.is_alphabetic()) && at(j + 1) == Some('.') {
                j += 2;
            }
            if j - k >= 4 {
                k = j;
            } else {
                k += 1;
                while let Some(c) = at(k) {
                    if c.is_alphanumeric() {
                        k += 1;
                    } else if is_apostrophe(c) && at(k + 1).is_some_and(|d| d.is_alphabetic()) && !possessive_at(&at, k) {
                        k += 2;
                    } else {
                        break;
                    }
                }
            }
            push(&mut tokens, text, offset(start), offset(k), Shape::Word);
            // A possessive right after a word.
            if at(k).is_some_and(is_apostrophe) {
                if possessive_at(&at, k) {
                    push(&mut tokens, text, offset(k), offset(k + 2), Shape::Possessive);
                    k += 2;
                } else if tokens.last().is_some_and(|t| t.norm.ends_with('s')) && !at(k + 1).is_some_and(|d| d.is_alphanumeric()) {
                    push(&mut tokens, text, offset(k), offset(k + 1), Shape::Possessive);
                    k += 1;
                }
            }
        } else if c.is_ascii_digit() || c.is_numeric() {
            k += 1;
            while let Some(c) = at(k) {
                if c.is_alphanumeric() || (matches!(c, '.' | ',') && at(k + 1).is_some_and(|d| d.is_ascii_digit())) {
                    k += 1;
                } else {
                    break;
                }
            }
            push(&mut tokens, text, offset(start), offset(k), Shape::Number);
        } else {
            k += 1;
            push(&mut tokens, text, offset(start), offset(k), Shape::Punct);
        }
    }
    tokens
}

/// Whether an apostrophe at `k` starts a possessive "'s" (followed by no further letter).
fn possessive_at(at: &impl Fn(usize) -> Option<char>, k: usize) -> bool {
    at(k).is_some_and(is_apostrophe)
        && at(k + 1).is_some_and(|c| c == 's' || c == 'S')
        && !at(k + 2).is_some_and(|c| c.is_alphanumeric())
}

fn push(tokens: &mut Vec<Token>, text: &str, start: usize, end: usize, shape: Shape) {
    let raw = &text[start..end];
    let norm = normalise(raw);
    let mut letters = raw.chars().filter(|c| c.is_alphabetic());
    let capitalised = raw.chars().next().is_some_and(|c| c.is_uppercase());
    let all_caps = raw.chars().filter(|c| c.is_alphabetic()).count() >= 2 && letters.all(|c| c.is_uppercase());
    tokens.push(Token { start, end, norm, shape, capitalised, all_caps });
}

/// Lower case with curly apostrophes and quotes straightened: the form lexicons are keyed on.
pub fn normalise(raw: &str) -> String {
    if raw.is_ascii() {
        return raw.to_ascii_lowercase();
    }
    raw.chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0, text.len()).iter().map(|t| &text[t.start..t.end]).collect()
    }

    #[test]
    fn possessives_hyphens_and_punctuation_are_their_own_tokens() {
        assert_eq!(words("Pakistan’s Pak-Iran talks, (ISPR)."), vec![
            "Pakistan", "’s", "Pak", "-", "Iran", "talks", ",", "(", "ISPR", ")", "."
        ]);
        assert_eq!(words("the officials' visit"), vec!["the", "officials", "'", "visit"]);
    }

    #[test]
    fn dotted_abbreviations_and_inner_apostrophes_stay_whole() {
        assert_eq!(words("U.S. and U.K. envoys in Sana'a, Côte d’Ivoire"), vec![
            "U.S.", "and", "U.K.", "envoys", "in", "Sana'a", ",", "Côte", "d’Ivoire"
        ]);
        assert_eq!(words("Gen. Smith"), vec!["Gen", ".", "Smith"]);
        assert_eq!(words("U.S.-led"), vec!["U.S.", "-", "led"]);
    }

    #[test]
    fn numbers_keep_their_separators() {
        assert_eq!(words("3.5 km and 10,000 troops in 2024."), vec!["3.5", "km", "and", "10,000", "troops", "in", "2024", "."]);
    }

    #[test]
    fn normal_forms_are_lower_case_with_straight_apostrophes() {
        let text = "Pakistan’s ISPR";
        let t = tokenize(text, 0, text.len());
        assert_eq!(t[1].norm, "'s");
        assert!(t[2].all_caps && t[2].capitalised);
        assert_eq!(t[2].norm, "ispr");
        assert!(!t[0].all_caps && t[0].capitalised);
    }

    #[test]
    fn offsets_point_into_the_whole_text() {
        let text = "xx Iran met.";
        let t = tokenize(text, 3, text.len());
        assert_eq!((t[0].start, t[0].end), (3, 7));
    }
}
