//! Splitting article text into sentences (byte spans), the unit of evidence.
//!
//! A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets after it) followed by white space
//! and something that can start a sentence, and always at a line break that ends a paragraph, a heading or
//! a list item. Abbreviations ("Gen.", "U.S.", "Jan."), initials ("J.R. de Vries") and decimal numbers do not
//! end a sentence. Leading and trailing white space is not part of a sentence. A stretch with no end longer
//! than `MAX_UNIT_BYTES` is cut between words into units no longer than that.

use std::sync::LazyLock;

use crate::corpus::Span;

/// The abbreviations of `assets/abbreviations.json`. The splitter keeps its own list, apart from the
/// lexicon: it also splits text for the syntax model, where no lexicon is loaded.
#[derive(serde::Deserialize)]
struct Abbreviations {
    /// Words that end with a full stop without ending the sentence when a capitalised word follows.
    abbreviations: Vec<String>,
    /// Words that end with a full stop without ending the sentence when a number follows ("No. 5").
    before_numbers: Vec<String>,
}

/// Read once, on first use (the unit tests check that the bundled file reads).
static ABBREVIATIONS: LazyLock<Abbreviations> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../../assets/abbreviations.json"))
        .expect("assets/abbreviations.json reads (see its unit test)")
});

/// The bytes that can end a sentence ('\n', '.', '!', '?'), as bits of a mask over bytes below 64.
const STOPS: u64 = 1 << b'\n' | 1 << b'.' | 1 << b'!' | 1 << b'?';

/// Sentence spans of `text`, in order, none empty.
pub fn split(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Only line breaks and stops can end a sentence: skip straight to the next one.
        match next_stop(bytes, i) {
            Some(k) => i = k,
            None => break,
        }
        let b = bytes[i];
        if b == b'\n' {
            // A line break ends a sentence unless the line simply wraps mid-sentence (next line starts in
            // lower case and this one does not end a heading).
            if !wraps_on(text, start, i) {
                push(text, &mut spans, start, i);
                start = i + 1;
            }
        } else if matches!(b, b'.' | b'!' | b'?') {
            let mut end = i + 1;
            while end < bytes.len() && matches!(bytes[end], b'.' | b'!' | b'?') {
                end += 1;
            }
            end = skip_closers(text, end);
            if ends_sentence(text, start, i, end) {
                push(text, &mut spans, start, end);
                start = end;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    push(text, &mut spans, start, bytes.len());
    spans
}

/// The position of the first line break or stop at or after `from`. Eight bytes are tested at a time:
/// a byte of a word is zero where it equals the byte sought, and `(v - 0x01..) & !v & 0x80..` marks the
/// lowest such zero byte.
fn next_stop(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let zero_byte = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS;
    let mut i = from;
    while i + 8 <= bytes.len() {
        let mut word = [0u8; 8];
        word.copy_from_slice(&bytes[i..i + 8]);
        let x = u64::from_le_bytes(word);
        let found = zero_byte(x ^ (ONES * b'\n' as u64))
            | zero_byte(x ^ (ONES * b'.' as u64))
            | zero_byte(x ^ (ONES * b'!' as u64))
            | zero_byte(x ^ (ONES * b'?' as u64));
        if found != 0 {
            // Borrows can mark bytes above the first match, never below it: the lowest mark is exact.
            return Some(i + (found.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    bytes[i..]
        .iter()
        .position(|&b| b < 64 && STOPS & (1 << b) != 0)
        .map(|k| i + k)
}

/// Closing quotes and brackets that belong to the sentence they follow.
fn skip_closers(text: &str, mut end: usize) -> usize {
    loop {
        let rest = &text[end..];
        let Some(c) = rest.chars().next() else {
            return end;
        };
        if matches!(
            c,
            '"' | '\'' | ')' | ']' | '\u{201D}' | '\u{2019}' | '\u{BB}'
        ) {
            end += c.len_utf8();
        } else {
            return end;
        }
    }
}

/// Whether the stop at `dot` (with the sentence's closers running to `end`) ends a sentence.
fn ends_sentence(text: &str, start: usize, dot: usize, end: usize) -> bool {
    let rest = &text[end..];
    let after_space = rest.trim_start_matches([' ', '\t', '\u{A0}']);
    if after_space.len() == rest.len() && !rest.is_empty() && !rest.starts_with(['\n', '\r']) {
        return false; // "U.S.-led", "3.5", "example.com": no space after the stop
    }
    let Some(next) = after_space
        .chars()
        .find(|c| !matches!(c, '"' | '\'' | '(' | '[' | '\u{201C}' | '\u{2018}'))
    else {
        return true;
    };
    if text.as_bytes()[dot] != b'.' {
        return !next.is_lowercase();
    }
    let word = last_word(&text[start..dot]);
    if next.is_lowercase() {
        return false;
    }
    let listed = &*ABBREVIATIONS;
    if next.is_ascii_digit()
        && listed
            .before_numbers
            .iter()
            .any(|a| a.eq_ignore_ascii_case(word))
    {
        return false;
    }
    let is_initial = word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase());
    // "U.S. officials said" continues; "in the U.S. The next day" cannot be told apart cheaply, and a false
    // split costs more evidence than a false join.
    !(is_initial
        || listed
            .abbreviations
            .iter()
            .any(|a| a.eq_ignore_ascii_case(word)))
}

/// The run of letters, digits and inner dots just before `end` of `s`.
fn last_word(s: &str) -> &str {
    let start = s
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '.'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    &s[start..]
}

/// Whether the line ending at `newline` wraps into the next line (same paragraph, same sentence).
fn wraps_on(text: &str, start: usize, newline: usize) -> bool {
    let line = text[start..newline].trim_end_matches('\r').trim();
    if line.is_empty() {
        return false;
    }
    let next = &text[newline + 1..];
    let next_line = next.split('\n').next().unwrap_or("").trim();
    let starts_lower = next_line.chars().next().is_some_and(|c| c.is_lowercase());
    let ends_open = line.ends_with([',', ';', ':', '-'])
        || line.chars().last().is_some_and(|c| c.is_lowercase());
    starts_lower && ends_open
}

/// The longest unit of evidence, in bytes. A longer stretch without a stop (a list, a table flattened to
/// one line, a text with no punctuation) is cut into units of at most this size, so that the work per
/// sentence stays bounded; real sentences are far shorter.
pub const MAX_UNIT_BYTES: usize = 1000;

/// Adds `text[start..end]` without its leading and trailing white space, cut into units of at most
/// `MAX_UNIT_BYTES`.
fn push(text: &str, spans: &mut Vec<Span>, start: usize, end: usize) {
    let mut start = start;
    loop {
        let piece = &text[start..end];
        let s = start + (piece.len() - piece.trim_start().len());
        let e = s + text[s..end].trim_end().len();
        if s >= e {
            return;
        }
        if e - s <= MAX_UNIT_BYTES {
            spans.push(Span::new(s, e));
            return;
        }
        let cut = unit_end(text, s, s + MAX_UNIT_BYTES);
        spans.push(Span::new(s, s + text[s..cut].trim_end().len()));
        start = cut;
    }
}

/// Where a unit starting at `start` (not white space) ends when the text runs on past `limit`: at the last
/// space or tab in the second half of the unit, so that no word is cut; else at the last character boundary
/// before `limit`.
fn unit_end(text: &str, start: usize, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let mut at = limit;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let half = start + (at - start) / 2;
    // ASCII bytes never occur inside a longer character: any one found is a boundary.
    (half..at)
        .rev()
        .find(|&k| matches!(bytes[k], b' ' | b'\t'))
        .unwrap_or(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_stop_is_found_wherever_it_stands() {
        let naive = |b: &[u8], from: usize| {
            b[from..]
                .iter()
                .position(|&x| matches!(x, b'\n' | b'.' | b'!' | b'?'))
                .map(|k| from + k)
        };
        let texts = [
            "",
            "no stop here at all, none",
            "a.b",
            "abcdefgh.",
            "abcdefghijklmnop?q",
            "\n",
            "ééééé!",
            "xxxxxxx\u{2E}yyyy",
            "-/,,\x01\x7f\u{ff}...!",
        ];
        for t in texts {
            let b = t.as_bytes();
            for from in 0..=b.len() {
                assert_eq!(next_stop(b, from), naive(b, from), "{t:?} from {from}");
            }
        }
    }

    fn sentences(text: &str) -> Vec<&str> {
        split(text)
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn full_stops_and_line_breaks_end_sentences() {
        assert_eq!(
            sentences("Title line\n\nThe envoy arrived. Talks began!\nA second paragraph?"),
            vec![
                "Title line",
                "The envoy arrived.",
                "Talks began!",
                "A second paragraph?"
            ]
        );
    }

    #[test]
    fn abbreviations_initials_and_numbers_do_not_end_sentences() {
        assert_eq!(
            sentences(
                "Gen. Smith met U.S. officials and J.R. de Vries at 3.5 km from Jan. 8 talks. Then he left."
            ),
            vec![
                "Gen. Smith met U.S. officials and J.R. de Vries at 3.5 km from Jan. 8 talks.",
                "Then he left."
            ]
        );
    }

    #[test]
    fn the_bundled_abbreviations_read_and_a_numbered_reference_stays_whole() {
        assert!(
            ABBREVIATIONS.abbreviations.iter().any(|a| a == "gen")
                && ABBREVIATIONS.before_numbers.iter().any(|a| a == "no")
        );
        assert_eq!(
            sentences("Resolution No. 12 passed. It is quoted on p. 4 here."),
            vec!["Resolution No. 12 passed.", "It is quoted on p. 4 here."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("“We agreed,” he said. “It was constructive.” The ISPR said so."),
            vec![
                "“We agreed,” he said.",
                "“It was constructive.”",
                "The ISPR said so."
            ]
        );
    }

    #[test]
    fn crlf_text_gives_spans_without_the_carriage_return() {
        let text = "First one.\r\nSecond one.\r\n";
        assert_eq!(sentences(text), vec!["First one.", "Second one."]);
    }

    #[test]
    fn a_line_that_wraps_mid_sentence_is_one_sentence() {
        assert_eq!(
            sentences("The minister said that\nthe talks went well."),
            vec!["The minister said that\nthe talks went well."]
        );
    }

    #[test]
    fn a_megabyte_line_without_a_stop_is_cut_into_bounded_units_between_words() {
        let text = "and the envoy spoke of the border ".repeat(1_000_000 / 34);
        let units = split(&text);
        let longest = units.iter().map(|u| u.len()).max().unwrap_or(0);
        assert!(longest <= MAX_UNIT_BYTES, "a unit of {longest} bytes");
        assert!(units.len() >= text.len() / MAX_UNIT_BYTES);
        for u in &units {
            let unit = &text[u.start..u.end];
            assert_eq!(unit, unit.trim(), "units have no white space around them");
            assert!(unit.starts_with(|c: char| c.is_alphabetic()));
            assert!(
                unit.ends_with(|c: char| c.is_alphabetic()),
                "no word is cut"
            );
        }
        // Nothing is lost: the units and the spaces between them make up the text.
        let words: usize = units
            .iter()
            .map(|u| text[u.start..u.end].split(' ').count())
            .sum();
        assert_eq!(words, text.split_whitespace().count());
    }

    #[test]
    fn a_long_run_without_spaces_is_cut_on_character_boundaries() {
        let text = "é".repeat(3 * MAX_UNIT_BYTES);
        let units = split(&text);
        assert!(units.len() >= 3);
        assert!(units.iter().all(|u| u.len() <= MAX_UNIT_BYTES
            && text.is_char_boundary(u.start)
            && text.is_char_boundary(u.end)));
        assert_eq!(units.iter().map(|u| u.len()).sum::<usize>(), text.len());
    }

    #[test]
    fn odd_input_never_panics() {
        for text in [
            "",
            ".",
            "...",
            "\n\n",
            "é.",
            "a.\u{201D}",
            "x?!",
            "\u{A0}.\u{A0}",
        ] {
            let _ = split(text);
        }
    }
}
