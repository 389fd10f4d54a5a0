//! How wide a label is: advance widths from the font the labels are drawn with (egui's default,
//! Ubuntu Light), so an exported drawing places labels as the screen does, on any machine, fonts
//! installed or not. Characters the font lacks count as an average letter.

use std::sync::OnceLock;

/// The font's bytes, for the renderer too.
pub const LABEL_FONT: &[u8] = epaint_default_fonts::UBUNTU_LIGHT;
/// The font's family name as SVG names it.
pub const LABEL_FAMILY: &str = "Ubuntu";

struct Metrics {
    /// Advance of each character below U+0250 (Latin, Latin-1 and Extended), in em.
    latin: Vec<f32>,
    /// Average advance of a lower-case letter, for everything else.
    fallback: f32,
}

fn metrics() -> &'static Metrics {
    static METRICS: OnceLock<Metrics> = OnceLock::new();
    METRICS.get_or_init(|| {
        let face = ttf_parser::Face::parse(LABEL_FONT, 0).ok();
        let em = face.as_ref().map_or(1000.0, |f| f.units_per_em() as f32);
        let advance = |c: char| -> Option<f32> {
            let f = face.as_ref()?;
            let g = f.glyph_index(c)?;
            Some(f.glyph_hor_advance(g)? as f32 / em)
        };
        let letters: Vec<f32> = ('a'..='z').filter_map(advance).collect();
        let fallback = if letters.is_empty() {
            0.55
        } else {
            letters.iter().sum::<f32>() / letters.len() as f32
        };
        let latin = (0u32..0x250)
            .map(|u| char::from_u32(u).and_then(advance).unwrap_or(fallback))
            .collect();
        Metrics { latin, fallback }
    })
}

/// The width of `text` set in the label font at `size` points.
pub fn text_width(text: &str, size: f32) -> f32 {
    let m = metrics();
    let ems: f32 = text
        .chars()
        .map(|c| {
            m.latin
                .get(c as usize)
                .copied()
                // East Asian characters are about a full em wide.
                .unwrap_or(if c as u32 >= 0x2E80 { 1.0 } else { m.fallback })
        })
        .sum();
    ems * size
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_font() {
        let narrow = text_width("iiii", 12.0);
        let wide = text_width("MMMM", 12.0);
        assert!(narrow > 0.0 && wide > 2.0 * narrow, "{narrow} {wide}");
        assert!((text_width("Iran", 25.0) - 2.0 * text_width("Iran", 12.5)).abs() < 1e-3);
        assert_eq!(text_width("", 12.0), 0.0);
        assert!(text_width("北京", 10.0) >= 19.0);
    }
}
