//! Pictures without a screen: a drawing rendered to pixels through its SVG (resvg), at any scale, so the
//! PNG and the SVG export are the same drawing and no display is needed.

use resvg::{tiny_skia, usvg};

use super::png::RgbaImage;
use super::svg::to_svg;
use crate::draw::scene::Scene;
use crate::draw::text_metrics::LABEL_FONT;

/// The most pixels one picture may have (about 16k × 16k): beyond that the memory for it (4 bytes a
/// pixel) would be more than a report picture is worth.
pub const MAX_PIXELS: u64 = 256_000_000;

/// `scene` in pixels, `scale` pixels per point (1, 2 or 4 for screen, print or poster).
pub fn rasterise(scene: &Scene, scale: f32) -> Result<RgbaImage, String> {
    if !(scale.is_finite() && scale > 0.0 && scale <= 16.0) {
        return Err(format!(
            "the scale must be between 0 and 16 (it was {scale})"
        ));
    }
    let width = (scene.width * scale).ceil().max(1.0) as u32;
    let height = (scene.height * scale).ceil().max(1.0) as u32;
    if width as u64 * height as u64 > MAX_PIXELS {
        return Err(format!(
            "the picture would be {width} × {height} pixels, too big to make; choose a smaller scale or export SVG"
        ));
    }
    let mut options = usvg::Options::default();
    options.fontdb_mut().load_font_data(LABEL_FONT.to_vec());
    options.font_family = crate::draw::text_metrics::LABEL_FAMILY.to_string();
    let tree = usvg::Tree::from_str(&to_svg(scene), &options)
        .map_err(|e| format!("the drawing could not be read back as SVG: {e}"))?;
    let mut pixmap = tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| format!("no memory for a {width} × {height} picture"))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    let pixels = pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    Ok(RgbaImage {
        width,
        height,
        pixels,
    })
}
