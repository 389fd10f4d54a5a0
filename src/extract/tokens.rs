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

use compact_str::CompactString;

/// One token: its byte span in the text and its lookup form.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub norm: CompactString,
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
    let mut tokens = Vec::with_capacity((to - from) / 5 + 1);
    tokenize_into(text, from, to, &mut tokens);
    tokens
}

/// Appends the tokens of `text[from..to]` to `tokens`.
pub fn tokenize_into(text: &str, from: usize, to: usize, tokens: &mut Vec<Token>) {
    let bytes = &text.as_bytes()[..to];
    let mut k = from;
    while k < to {
        // The bulk of any English text, byte by byte: ASCII white space, punctuation, and plain words of
        // ASCII letters and digits (not a dotted abbreviation, not running on into an apostrophe or a
        // letter beyond ASCII, which the general reading below handles).
        let b = bytes[k];
        if b.is_ascii_whitespace() || b == 0x0B {
            k += 1;
            continue;
        }
        if b.is_ascii_punctuation() {
            push_ascii(tokens, text, k, k + 1, Shape::Punct, 0, 0);
            k += 1;
            continue;
        }
        if b.is_ascii_alphabetic() && bytes.get(k + 1) != Some(&b'.') {
            let (end, letters, capitals) = ascii_run(bytes, k);
            if bytes
                .get(end)
                .is_none_or(|&next| next < 0x80 && next != b'\'')
            {
                push_ascii(tokens, text, k, end, Shape::Word, letters, capitals);
                k = end;
                continue;
            }
        }
        let c = char_at(text, k);
        let w = c.len_utf8();
        if c.is_whitespace() {
            k += w;
            continue;
        }
        let start = k;
        // Curly quotes, dashes and the rest of the General Punctuation block: no letter or digit is there.
        if ('\u{2000}'..='\u{206F}').contains(&c) {
            k += w;
            push(tokens, text, start, k, Shape::Punct);
            continue;
        }
        if c.is_alphabetic() {
            // A dotted abbreviation: single letters each followed by a dot ("U.S.", "F.W.", "D.C.").
            let mut j = k;
            let mut letters = 0;
            while j < to && char_at(text, j).is_alphabetic() {
                let l = char_at(text, j).len_utf8();
                if j + l < to && text.as_bytes()[j + l] == b'.' {
                    j += l + 1;
                    letters += 1;
                } else {
                    break;
                }
            }
            let mut counted = None;
            if letters >= 2 {
                k = j;
            } else {
                // ASCII letters and digits, the bulk of any word, without decoding characters; their
                // letters and capitals are counted on the way.
                if c.is_ascii() {
                    let run = ascii_run(bytes, k);
                    k = run.0;
                    counted = Some(run);
                } else {
                    k += w;
                    while k < to && bytes[k].is_ascii_alphanumeric() {
                        k += 1;
                    }
                }
                while k < to {
                    let c = char_at(text, k);
                    // Letters, digits, and an apostrophe inside a word ("d'Ivoire"), not a possessive.
                    if c.is_alphanumeric()
                        || is_apostrophe(c)
                            && !possessive_at(text, k, to)
                            && next_is_alphabetic(text, k, to)
                    {
                        k += c.len_utf8();
                    } else {
                        break;
                    }
                }
            }
            match counted {
                // Nothing beyond the ASCII run: its counts are the word's.
                Some((end, letters, capitals)) if end == k => {
                    push_ascii(tokens, text, start, k, Shape::Word, letters, capitals)
                }
                _ => push(tokens, text, start, k, Shape::Word),
            }
            // A possessive right after a word.
            if k < to && is_apostrophe(char_at(text, k)) {
                let a = char_at(text, k).len_utf8();
                if possessive_at(text, k, to) {
                    push(tokens, text, k, k + a + 1, Shape::Possessive);
                    k += a + 1;
                } else if tokens.last().is_some_and(|t| t.norm.ends_with('s'))
                    && !next_is_alphanumeric(text, k, to)
                {
                    push(tokens, text, k, k + a, Shape::Possessive);
                    k += a;
                }
            }
        } else if c.is_numeric() {
            k += w;
            while k < to {
                let c = char_at(text, k);
                let digit_follows = k + 1 < to && text.as_bytes()[k + 1].is_ascii_digit();
                if c.is_alphanumeric() || (matches!(c, '.' | ',') && digit_follows) {
                    k += c.len_utf8();
                } else {
                    break;
                }
            }
            push(tokens, text, start, k, Shape::Number);
        } else {
            k += w;
            push(tokens, text, start, k, Shape::Punct);
        }
    }
}

/// The character starting at byte `k` (which must be a character boundary).
fn char_at(text: &str, k: usize) -> char {
    let b = text.as_bytes()[k];
    if b < 0x80 {
        b as char
    } else {
        text[k..].chars().next().unwrap_or(' ')
    }
}

fn next_is_alphabetic(text: &str, k: usize, to: usize) -> bool {
    let n = k + char_at(text, k).len_utf8();
    n < to && char_at(text, n).is_alphabetic()
}

fn next_is_alphanumeric(text: &str, k: usize, to: usize) -> bool {
    let n = k + char_at(text, k).len_utf8();
    n < to && char_at(text, n).is_alphanumeric()
}

/// Whether an apostrophe at byte `k` starts a possessive "'s" (followed by no further letter).
fn possessive_at(text: &str, k: usize, to: usize) -> bool {
    if !is_apostrophe(char_at(text, k)) {
        return false;
    }
    let s = k + char_at(text, k).len_utf8();
    s < to
        && matches!(text.as_bytes()[s], b's' | b'S')
        && !(s + 1 < to && char_at(text, s + 1).is_alphanumeric())
}

/// The run of ASCII letters and digits from `k`: where it ends, its letters and its capitals.
fn ascii_run(bytes: &[u8], mut k: usize) -> (usize, u32, u32) {
    let (mut letters, mut capitals) = (0u32, 0u32);
    while k < bytes.len() && bytes[k].is_ascii_alphanumeric() {
        // Digits are below 'A'; letters are at or above it.
        letters += u32::from(bytes[k] >= b'A');
        capitals += u32::from(bytes[k].wrapping_sub(b'A') < 26);
        k += 1;
    }
    (k, letters, capitals)
}

/// `push` for an ASCII token whose letters and capitals are already counted.
#[inline]
fn push_ascii(
    tokens: &mut Vec<Token>,
    text: &str,
    start: usize,
    end: usize,
    shape: Shape,
    letters: u32,
    capitals: u32,
) {
    let raw = &text[start..end];
    let mut norm = CompactString::new(raw);
    if capitals > 0 {
        norm.make_ascii_lowercase();
    }
    let capitalised = raw.as_bytes().first().is_some_and(u8::is_ascii_uppercase);
    tokens.push(Token {
        start,
        end,
        norm,
        shape,
        capitalised,
        all_caps: letters >= 2 && capitals == letters,
    });
}

fn push(tokens: &mut Vec<Token>, text: &str, start: usize, end: usize, shape: Shape) {
    let raw = &text[start..end];
    let b = raw.as_bytes();
    // One pass over the bytes: letters, capitals, and whether anything is beyond ASCII.
    let (mut letters, mut upper, mut high) = (0usize, 0usize, 0u8);
    for &x in b {
        // Branch-free: a letter is A-Z once lower-cased by setting bit 5; a capital is A-Z as it is.
        letters += usize::from((x | 0x20).wrapping_sub(b'a') < 26);
        upper += usize::from(x.wrapping_sub(b'A') < 26);
        high |= x;
    }
    let (norm, capitalised, all_caps) = if high < 0x80 {
        let mut norm = CompactString::new(raw);
        if upper > 0 {
            norm.make_ascii_lowercase();
        }
        (
            norm,
            b[0].is_ascii_uppercase(),
            letters >= 2 && upper == letters,
        )
    } else {
        let (mut letters, mut upper) = (0, 0);
        for c in raw.chars().filter(|c| c.is_alphabetic()) {
            letters += 1;
            upper += usize::from(c.is_uppercase());
        }
        (
            normal_form(raw),
            raw.chars().next().is_some_and(char::is_uppercase),
            letters >= 2 && upper == letters,
        )
    };
    tokens.push(Token {
        start,
        end,
        norm,
        shape,
        capitalised,
        all_caps,
    });
}

/// Lower case with curly apostrophes and quotes straightened: the form lexicons are keyed on.
pub fn normalise(raw: &str) -> String {
    normal_form(raw).into()
}

/// `normalise` into an inline string (no heap allocation for short words).
pub fn normal_form(raw: &str) -> CompactString {
    if raw.is_ascii() {
        if !raw.bytes().any(|b| b.is_ascii_uppercase()) {
            return CompactString::new(raw);
        }
        let mut s = CompactString::new(raw);
        s.make_ascii_lowercase();
        return s;
    }
    normal_chars(raw).collect()
}

/// The characters of `raw`'s normal form, without building it (for comparing).
pub fn normal_chars(raw: &str) -> impl Iterator<Item = char> + '_ {
    raw.chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0, text.len())
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    #[test]
    fn possessives_hyphens_and_punctuation_are_their_own_tokens() {
        assert_eq!(
            words("Pakistan’s Pak-Iran talks, (ISPR)."),
            vec![
                "Pakistan", "’s", "Pak", "-", "Iran", "talks", ",", "(", "ISPR", ")", "."
            ]
        );
        assert_eq!(
            words("the officials' visit"),
            vec!["the", "officials", "'", "visit"]
        );
    }

    #[test]
    fn the_general_punctuation_block_holds_no_letter_or_digit() {
        for c in ('\u{2000}'..='\u{206F}').filter(|c| !c.is_whitespace()) {
            assert!(!c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn ascii_words_read_as_any_word_is_read() {
        // Words that run on into an apostrophe or a letter beyond ASCII, or end a text.
        assert_eq!(
            words("Iran's envoy, caféteria Iran’s NATO\u{0B}ISPR"),
            vec![
                "Iran",
                "'s",
                "envoy",
                ",",
                "caféteria",
                "Iran",
                "’s",
                "NATO",
                "ISPR"
            ]
        );
        let text = "NATO Nato nato N2 A";
        let t = tokenize(text, 0, text.len());
        let flags: Vec<(bool, bool)> = t.iter().map(|t| (t.capitalised, t.all_caps)).collect();
        assert_eq!(
            flags,
            [
                (true, true),
                (true, false),
                (false, false),
                (true, false),
                (true, false)
            ]
        );
        assert!(
            t.iter()
                .all(|t| t.norm == t.norm.to_lowercase() && t.shape == Shape::Word)
        );
    }

    #[test]
    fn dotted_abbreviations_and_inner_apostrophes_stay_whole() {
        assert_eq!(
            words("U.S. and U.K. envoys in Sana'a, Côte d’Ivoire"),
            vec![
                "U.S.",
                "and",
                "U.K.",
                "envoys",
                "in",
                "Sana'a",
                ",",
                "Côte",
                "d’Ivoire"
            ]
        );
        assert_eq!(words("Gen. Smith"), vec!["Gen", ".", "Smith"]);
        assert_eq!(words("U.S.-led"), vec!["U.S.", "-", "led"]);
    }

    #[test]
    fn numbers_keep_their_separators() {
        assert_eq!(
            words("3.5 km and 10,000 troops in 2024."),
            vec!["3.5", "km", "and", "10,000", "troops", "in", "2024", "."]
        );
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
