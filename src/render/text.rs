//! Text on rendered images: DejaVu Sans (embedded from `assets/fonts`, licence beside it)
//! laid out with ab_glyph, with an optional halo for legibility over the drawing, and labels
//! that would overlap an earlier one left out.

use std::sync::OnceLock;

use ab_glyph::{Font, FontRef, PxScale, ScaleFont, point};
use tiny_skia::{Pixmap, PremultipliedColorU8};

use crate::scene::Rgba;

/// DejaVu Sans, the font of rendered images and the app's fallback for symbols egui's own
/// font lacks (arrows, ⌀, ±).
pub const FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

fn font() -> Option<&'static FontRef<'static>> {
    static FONT_REF: OnceLock<Option<FontRef<'static>>> = OnceLock::new();
    FONT_REF
        .get_or_init(|| FontRef::try_from_slice(FONT).ok())
        .as_ref()
}

/// Lays labels out on an image, leaving out any that would overlap one already placed or
/// leave the image. Measures with the embedded font, so every surface places them alike.
pub struct Labeller {
    placed: Vec<[f32; 4]>,
    width: f32,
    height: f32,
}

impl Labeller {
    pub fn new(width: f32, height: f32) -> Self {
        Self {
            placed: Vec::new(),
            width,
            height,
        }
    }

    /// Where `text` of `size` px, centred on `at`, starts (left end of its baseline), or
    /// `None` when it would overlap a label already placed or leave the image.
    pub fn place(&mut self, text: &str, at: (f32, f32), size: f32) -> Option<(f32, f32)> {
        let (width, ascent, descent) = measure(text, size);
        let x = at.0 - width / 2.0;
        let baseline = at.1 + (ascent + descent) / 2.0;
        let rect = [
            x - 2.0,
            baseline - ascent - 1.0,
            x + width + 2.0,
            baseline - descent + 1.0,
        ];
        let outside =
            rect[0] < 0.0 || rect[2] > self.width || rect[1] < 0.0 || rect[3] > self.height;
        if outside || self.placed.iter().any(|r| overlaps(r, &rect)) {
            return None;
        }
        self.placed.push(rect);
        Some((x, baseline))
    }
}

fn overlaps(a: &[f32; 4], b: &[f32; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// The ab_glyph scale of a font `size` em: sizes here are em sizes, as in CSS, SVG and
/// PDF, so every surface lays text out alike (ab_glyph's own scale is the line height).
fn em_scale(font: &FontRef<'_>, size: f32) -> PxScale {
    let units_per_em = font.units_per_em().unwrap_or(2048.0);
    PxScale::from(size * font.height_unscaled() / units_per_em)
}

/// The advance width, ascent (above the baseline, positive) and descent (below, negative) of
/// `text` at `size` px in the embedded font.
pub fn measure(text: &str, size: f32) -> (f32, f32, f32) {
    let Some(font) = font() else {
        return (0.0, size * 0.8, -size * 0.2);
    };
    let scaled = font.as_scaled(em_scale(font, size));
    let mut width = 0.0;
    let mut previous = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(previous) = previous {
            width += scaled.kern(previous, id);
        }
        width += scaled.h_advance(id);
        previous = Some(id);
    }
    (width, scaled.ascent(), scaled.descent())
}

/// Draws `text` with the left end of its baseline at `origin` (pixels), with an optional
/// one-pixel halo.
pub fn draw(
    pixmap: &mut Pixmap,
    text: &str,
    origin: (f32, f32),
    size: f32,
    rgba: Rgba,
    halo: Option<Rgba>,
) {
    let Some(font) = font() else {
        return;
    };
    // Rasterise the glyphs once; the halo is the same coverage shifted a pixel each way.
    let coverage = rasterise(font, size, text, origin);
    let (width, height) = (pixmap.width() as i32, pixmap.height() as i32);
    let stride = pixmap.width() as usize;
    let pixels = pixmap.pixels_mut();
    let mut paint = |(dx, dy): (i32, i32), colour: Rgba| {
        for &(x, y, c) in &coverage {
            let (x, y) = (x + dx, y + dy);
            if x < 0 || y < 0 || x >= width || y >= height {
                continue;
            }
            let index = y as usize * stride + x as usize;
            pixels[index] = blend(pixels[index], colour, c);
        }
    };
    if let Some(halo) = halo {
        for offset in [(-1, 0), (1, 0), (0, -1), (0, 1)] {
            paint(offset, halo);
        }
    }
    paint((0, 0), rgba);
}

/// The pixels `text` covers with the left end of its baseline at `origin`: (x, y, coverage).
fn rasterise(
    font: &FontRef<'_>,
    size: f32,
    text: &str,
    origin: (f32, f32),
) -> Vec<(i32, i32, f32)> {
    let scale = em_scale(font, size);
    let scaled = font.as_scaled(scale);
    let mut coverage = Vec::new();
    let mut x = origin.0;
    let mut previous = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(previous) = previous {
            x += scaled.kern(previous, id);
        }
        let glyph = id.with_scale_and_position(scale, point(x, origin.1));
        x += scaled.h_advance(id);
        previous = Some(id);
        let Some(outlined) = font.outline_glyph(glyph) else {
            continue;
        };
        let bounds = outlined.px_bounds();
        outlined.draw(|gx, gy, c| {
            if c > 0.0 {
                coverage.push((
                    bounds.min.x as i32 + gx as i32,
                    bounds.min.y as i32 + gy as i32,
                    c,
                ));
            }
        });
    }
    coverage
}

/// Source-over of a straight-alpha colour with `coverage` onto a premultiplied pixel.
fn blend(dst: PremultipliedColorU8, [r, g, b, a]: Rgba, coverage: f32) -> PremultipliedColorU8 {
    let alpha = (f32::from(a) / 255.0) * coverage.clamp(0.0, 1.0);
    let keep = 1.0 - alpha;
    let mix = |src: u8, dst: u8| (f32::from(src) * alpha + f32::from(dst) * keep).round() as u8;
    let out_a = (alpha * 255.0 + f32::from(dst.alpha()) * keep).round() as u8;
    PremultipliedColorU8::from_rgba(
        mix(r, dst.red()).min(out_a),
        mix(g, dst.green()).min(out_a),
        mix(b, dst.blue()).min(out_a),
        out_a,
    )
    .unwrap_or(dst)
}
