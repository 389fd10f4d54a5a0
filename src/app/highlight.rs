//! Highlighted text: an article's text between two byte offsets, with marked byte ranges (an actor's
//! mention, an interaction's source, target and trigger, the sentence being read) turned into an egui
//! `LayoutJob` with coloured backgrounds.
//!
//! Offsets are UTF-8 byte offsets into the article text, as everywhere in the corpus. Ranges that fall
//! outside the shown part are clipped, offsets inside a character are moved to its start, and where marks
//! overlap the later one in the list wins, so no input can make a panic or garbled text.

use std::ops::Range;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, Stroke};

use crate::corpus::Span;

/// What a marked range is, which decides its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A mention of the selected actor.
    Actor,
    /// The words naming an interaction's source.
    Source,
    /// The words naming an interaction's target.
    Target,
    /// The words that triggered an interaction.
    Trigger,
    /// The sentence the user came to read, in the article view.
    Sentence,
}

impl Mark {
    pub const EVIDENCE: [Mark; 3] = [Mark::Source, Mark::Target, Mark::Trigger];

    pub fn background(self) -> Color32 {
        match self {
            Mark::Actor => Color32::from_rgb(0xff, 0xdd, 0x7a),
            Mark::Source => Color32::from_rgb(0xc9, 0xdf, 0xff),
            Mark::Target => Color32::from_rgb(0xff, 0xd2, 0xb0),
            Mark::Trigger => Color32::from_rgb(0xc8, 0xef, 0xc4),
            Mark::Sentence => Color32::from_rgb(0xea, 0xe2, 0xfb),
        }
    }

    /// The word for the mark in the panel's key.
    pub fn name(self) -> &'static str {
        match self {
            Mark::Actor => "actor",
            Mark::Source => "source",
            Mark::Target => "target",
            Mark::Trigger => "trigger",
            Mark::Sentence => "sentence",
        }
    }

    fn format(self, base: &TextFormat) -> TextFormat {
        let mut f = base.clone();
        f.background = self.background();
        // Highlighted text stays dark on its light background, whatever the theme.
        f.color = Color32::from_rgb(0x1a, 0x1a, 0x1a);
        if self == Mark::Trigger {
            f.underline = Stroke::new(1.0, Color32::from_rgb(0x2e, 0x7d, 0x32));
        }
        f
    }
}

/// Splits `shown` (byte range of `text`) into consecutive pieces, each with the mark that covers it.
pub fn sections(
    text: &str,
    shown: Span,
    marks: &[(Span, Mark)],
) -> Vec<(Range<usize>, Option<Mark>)> {
    let start = floor_boundary(text, shown.start.min(text.len()));
    let end = floor_boundary(text, shown.end.min(text.len())).max(start);
    let clip = |s: Span| {
        let a = floor_boundary(text, s.start.clamp(start, end));
        let b = floor_boundary(text, s.end.clamp(start, end));
        (a < b).then_some(a..b)
    };
    let marks: Vec<(Range<usize>, Mark)> = marks
        .iter()
        .filter_map(|(s, m)| clip(*s).map(|r| (r, *m)))
        .collect();

    let mut cuts: Vec<usize> = vec![start, end];
    for (r, _) in &marks {
        cuts.push(r.start);
        cuts.push(r.end);
    }
    cuts.sort_unstable();
    cuts.dedup();

    let mut out: Vec<(Range<usize>, Option<Mark>)> = Vec::new();
    for w in cuts.windows(2) {
        let piece = w[0]..w[1];
        let mark = marks
            .iter()
            .rev()
            .find(|(r, _)| r.start <= piece.start && piece.end <= r.end)
            .map(|(_, m)| *m);
        match out.last_mut() {
            Some((last, m)) if *m == mark && last.end == piece.start => last.end = piece.end,
            _ => out.push((piece, mark)),
        }
    }
    out
}

/// The `LayoutJob` for `shown` of `text` with `marks` highlighted on `base`'s font and colour.
pub fn layout_job(text: &str, shown: Span, marks: &[(Span, Mark)], base: &TextFormat) -> LayoutJob {
    let mut job = LayoutJob::default();
    for (range, mark) in sections(text, shown, marks) {
        let format = mark.map_or_else(|| base.clone(), |m| m.format(base));
        job.append(&text[range], 0.0, format);
    }
    job
}

/// The largest character boundary at or before `offset`.
pub fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut i = offset.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Iran’s minister met Pakistan’s army chief.";

    fn pieces(shown: Span, marks: &[(Span, Mark)]) -> Vec<(&'static str, Option<Mark>)> {
        sections(TEXT, shown, marks)
            .into_iter()
            .map(|(r, m)| (&TEXT[r], m))
            .collect()
    }

    #[test]
    fn marks_split_the_text_into_highlighted_pieces() {
        let pak = TEXT.find("Pakistan").unwrap();
        let met = TEXT.find("met").unwrap();
        let got = pieces(
            Span::new(0, TEXT.len()),
            &[
                (Span::new(0, 4), Mark::Source),
                (Span::new(met, met + 3), Mark::Trigger),
                (Span::new(pak, pak + 8), Mark::Target),
            ],
        );
        assert_eq!(
            got,
            vec![
                ("Iran", Some(Mark::Source)),
                ("’s minister ", None),
                ("met", Some(Mark::Trigger)),
                (" ", None),
                ("Pakistan", Some(Mark::Target)),
                ("’s army chief.", None),
            ]
        );
    }

    #[test]
    fn ranges_are_clipped_to_the_shown_part() {
        let shown = Span::new(5 + 2, 20); // "s minister met" after the curly apostrophe (3 bytes at 4..7)
        let got = pieces(shown, &[(Span::new(0, 9), Mark::Actor)]);
        assert_eq!(got.first().unwrap().1, Some(Mark::Actor));
        assert_eq!(
            got.iter().map(|(s, _)| *s).collect::<String>(),
            &TEXT[7..20]
        );
    }

    #[test]
    fn offsets_inside_a_character_never_panic() {
        // Byte 5 is inside the 3-byte apostrophe; the piece is moved to the character's start.
        let got = pieces(
            Span::new(0, TEXT.len()),
            &[
                (Span::new(5, 12), Mark::Actor),
                (Span::new(900, 1000), Mark::Target),
            ],
        );
        assert_eq!(got.iter().map(|(s, _)| *s).collect::<String>(), TEXT);
        let got = pieces(Span::new(5, 999), &[]);
        assert_eq!(got.iter().map(|(s, _)| *s).collect::<String>(), &TEXT[4..]);
    }

    #[test]
    fn the_later_of_two_overlapping_marks_wins() {
        let got = pieces(
            Span::new(0, 14),
            &[
                (Span::new(0, 14), Mark::Sentence),
                (Span::new(0, 4), Mark::Actor),
            ],
        );
        assert_eq!(got[0], ("Iran", Some(Mark::Actor)));
        assert_eq!(got[1].1, Some(Mark::Sentence));
    }

    #[test]
    fn an_empty_range_gives_no_pieces() {
        assert!(pieces(Span::new(10, 10), &[(Span::new(0, 4), Mark::Actor)]).is_empty());
        assert!(pieces(Span::new(30, 10), &[]).is_empty());
    }
}
