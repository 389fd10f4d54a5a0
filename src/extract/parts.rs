//! Long articles are read in parts: runs of whole sentences of about `PART_BYTES`, cut where a line ends
//! when one is near. Each part's tokens, phrases and parses are made, used and dropped before the next, so
//! a book-length text costs time and memory in proportion to its length; what links the parts (who is
//! who) is carried by the one resolver of the article (see `Extractor::extract`).
//!
//! An article of up to `PART_BYTES` is one part: it is read exactly as a whole.

use std::ops::Range;

use crate::corpus::Span;

/// The size a part reaches before it may end (bytes of text from its first sentence's start).
pub const PART_BYTES: usize = 1 << 20;

/// Runs of consecutive sentences (indices into `sentences`) that together cover them all, in order. A
/// part ends at the first sentence after `PART_BYTES` that is followed by a line break, or at the first
/// that reaches twice that size whatever follows it. Sentences being at most `sentences::MAX_UNIT_BYTES`
/// long, no part is longer than twice `PART_BYTES` and one unit.
pub fn parts(sentences: &[Span], text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, s) in sentences.iter().enumerate() {
        let size = s.end - sentences[start].start;
        if size < PART_BYTES {
            continue;
        }
        let gap_end = sentences.get(i + 1).map_or(text.len(), |n| n.start);
        let line_ends = text.as_bytes()[s.end..gap_end].contains(&b'\n');
        if line_ends || size >= 2 * PART_BYTES {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < sentences.len() || out.is_empty() {
        out.push(start..sentences.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::sentences::{self, MAX_UNIT_BYTES};

    #[test]
    fn a_short_article_is_one_part() {
        let text = "The envoy arrived.\n\nTalks began.";
        let s = sentences::split(text);
        assert_eq!(parts(&s, text), vec![0..s.len()]);
        assert_eq!(parts(&[], ""), vec![0..0]);
    }

    #[test]
    fn a_long_article_is_cut_at_line_ends_into_parts_of_bounded_size() {
        let paragraph = "The envoy of Nowhere met the minister. They spoke of the border.\n\n";
        let text = paragraph.repeat(3 * PART_BYTES / paragraph.len());
        let s = sentences::split(&text);
        let cut = parts(&s, &text);
        assert!(cut.len() >= 3, "{} parts", cut.len());
        // Together the parts are every sentence once, in order.
        assert_eq!(cut.first().map(|r| r.start), Some(0));
        assert_eq!(cut.last().map(|r| r.end), Some(s.len()));
        assert!(cut.windows(2).all(|w| w[0].end == w[1].start));
        for r in &cut {
            let bytes = s[r.end - 1].end - s[r.start].start;
            assert!(
                bytes <= PART_BYTES + MAX_UNIT_BYTES,
                "a part of {bytes} bytes"
            );
            // Each part but the last ends where a paragraph ends.
            if r.end < s.len() {
                assert!(text[s[r.end - 1].end..s[r.end].start].contains('\n'));
            }
        }
    }

    #[test]
    fn a_text_without_line_breaks_is_still_cut() {
        let text = "The talks went on. ".repeat(5 * PART_BYTES / 19);
        let s = sentences::split(&text);
        let cut = parts(&s, &text);
        assert!(cut.len() >= 2, "{} parts", cut.len());
        assert!(
            cut.iter()
                .all(|r| s[r.end - 1].end - s[r.start].start <= 2 * PART_BYTES + MAX_UNIT_BYTES)
        );
    }
}
