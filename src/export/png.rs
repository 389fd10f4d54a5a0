//! Writing an RGBA image (from a screenshot of the map, or a renderer) as a PNG file.

use std::fmt;
use std::path::Path;

use image::codecs::png::PngEncoder;
use image::{ExtendedColorType, ImageEncoder};

use super::atomic::write_atomic;

/// An RGBA8 image in row-major order, with no egui types attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RgbaImage {
    pub width: u32,
    pub height: u32,
    pub pixels: Vec<u8>,
}

impl RgbaImage {
    /// The part of the image inside `x, y, w, h` (clamped to the image).
    pub fn crop(&self, x: u32, y: u32, w: u32, h: u32) -> RgbaImage {
        let x0 = x.min(self.width);
        let y0 = y.min(self.height);
        let x1 = x.saturating_add(w).min(self.width);
        let y1 = y.saturating_add(h).min(self.height);
        let mut pixels = Vec::with_capacity(((x1 - x0) * (y1 - y0) * 4) as usize);
        for row in y0..y1 {
            let start = ((row * self.width + x0) * 4) as usize;
            let end = ((row * self.width + x1) * 4) as usize;
            pixels.extend_from_slice(&self.pixels[start..end]);
        }
        RgbaImage {
            width: x1 - x0,
            height: y1 - y0,
            pixels,
        }
    }

    /// Whether every pixel has the same colour (an export of nothing).
    pub fn is_uniform(&self) -> bool {
        self.pixels.chunks_exact(4).all(|p| p == &self.pixels[..4])
    }
}

/// Why a PNG could not be written.
#[derive(Debug)]
pub struct PngError(String);

impl fmt::Display for PngError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PngError {}

/// Saves `image` as a PNG at `path`, atomically (a failed save leaves any previous file as it was).
pub fn write_png(image: &RgbaImage, path: &Path) -> Result<(), PngError> {
    if image.width == 0
        || image.height == 0
        || image.pixels.len() != (image.width * image.height * 4) as usize
    {
        return Err(PngError(
            "there is no picture to save (the map area is empty)".to_string(),
        ));
    }
    write_atomic(path, |out| {
        PngEncoder::new(out)
            .write_image(
                &image.pixels,
                image.width,
                image.height,
                ExtendedColorType::Rgba8,
            )
            // A failed write keeps its kind (a full disk is reported as such).
            .map_err(|e| match e {
                image::ImageError::IoError(io) => io,
                other => std::io::Error::other(other),
            })
    })
    .map_err(|e| PngError(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checker(w: u32, h: u32) -> RgbaImage {
        let mut pixels = Vec::new();
        for y in 0..h {
            for x in 0..w {
                let v = if (x + y) % 2 == 0 { 255 } else { 0 };
                pixels.extend_from_slice(&[v, v, v, 255]);
            }
        }
        RgbaImage {
            width: w,
            height: h,
            pixels,
        }
    }

    #[test]
    fn crop_keeps_the_requested_rectangle_and_clamps_to_the_image() {
        let img = checker(10, 8);
        let c = img.crop(2, 3, 4, 100);
        assert_eq!((c.width, c.height), (4, 5));
        assert_eq!(c.pixels.len(), 4 * 5 * 4);
        assert_eq!(
            &c.pixels[..4],
            &img.pixels[((3 * 10 + 2) * 4) as usize..][..4]
        );
    }

    #[test]
    fn a_written_png_reads_back_with_its_size() {
        let path =
            std::env::temp_dir().join(format!("actormap-png-test-{}.png", std::process::id()));
        write_png(&checker(7, 5), &path).unwrap();
        let back = image::open(&path).unwrap();
        assert_eq!((back.width(), back.height()), (7, 5));
        std::fs::remove_file(path).ok();
    }

    #[test]
    fn an_empty_image_is_refused() {
        let img = RgbaImage {
            width: 0,
            height: 0,
            pixels: vec![],
        };
        assert!(write_png(&img, Path::new("/tmp/never.png")).is_err());
        assert!(!checker(2, 1).is_uniform());
        assert!(
            RgbaImage {
                width: 1,
                height: 1,
                pixels: vec![9, 9, 9, 255]
            }
            .is_uniform()
        );
    }
}
