//! Text on rendered images: laid out by `crate::text` (DejaVu Sans from `assets/fonts`, the
//! system's fonts for scripts it lacks, bidi order and shaping) and rasterised with
//! ab_glyph, with an optional halo for legibility over the drawing, and labels that would
//! overlap an earlier one left out.

use ab_glyph::{Font, GlyphId, point};
use tiny_skia::{Pixmap, PremultipliedColorU8};

use crate::scene::Rgba;
pub use crate::text::FONT;
use crate::text::{Fonts, fonts};

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

/// The advance width, ascent (above the baseline, positive) and descent (below, negative) of
/// `text` at `size` px: the width of its laid-out glyphs, whichever fonts draw them, and the
/// primary font's ascent and descent, so lines of every script stand alike.
pub fn measure(text: &str, size: f32) -> (f32, f32, f32) {
    let Some(fonts) = fonts() else {
        return (0.0, size * 0.8, -size * 0.2);
    };
    let (ascent, descent) = fonts.primary().ascent_descent(size);
    let width = if text.is_empty() {
        0.0
    } else {
        fonts.layout(text, size).width
    };
    (width, ascent, descent)
}

/// The families of the system fonts that draw the characters of `text` DejaVu Sans lacks,
/// in the order first used (none for text DejaVu draws alone, without a font scan).
pub fn fallback_families(text: &str) -> Vec<String> {
    let Some(fonts) = fonts() else {
        return Vec::new();
    };
    let primary = fonts.primary();
    let mut families: Vec<String> = Vec::new();
    for c in text.chars().filter(|c| !primary.has(*c)) {
        if let Some(face) = fonts.face_for(c).and_then(|i| fonts.face(i))
            && !families.contains(&face.family)
        {
            families.push(face.family.clone());
        }
    }
    families
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
    if let Some(fonts) = fonts() {
        draw_with(fonts, pixmap, text, origin, size, rgba, halo);
    }
}

/// As [`draw`], with `fonts`.
fn draw_with(
    fonts: &Fonts,
    pixmap: &mut Pixmap,
    text: &str,
    origin: (f32, f32),
    size: f32,
    rgba: Rgba,
    halo: Option<Rgba>,
) {
    // Rasterise the glyphs once; the halo is the same coverage shifted a pixel each way.
    let coverage = rasterise(fonts, size, text, origin);
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
fn rasterise(fonts: &Fonts, size: f32, text: &str, origin: (f32, f32)) -> Vec<(i32, i32, f32)> {
    let mut coverage = Vec::new();
    for glyph in fonts.layout(text, size).glyphs {
        let Some(face) = fonts.face(glyph.face) else {
            continue;
        };
        let positioned = GlyphId(glyph.id).with_scale_and_position(
            face.scale(size),
            point(origin.0 + glyph.x, origin.1 - glyph.rise),
        );
        let Some(outlined) = face.outlines().outline_glyph(positioned) else {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::NoFallbacks;

    const BLACK: Rgba = [0, 0, 0, 255];

    /// `text` drawn black on white at 48 px, and the box around its ink.
    fn ink_of(fonts: &Fonts, text: &str) -> (Pixmap, Option<[u32; 4]>) {
        let mut pixmap = Pixmap::new(240, 80).expect("a pixmap");
        pixmap.fill(tiny_skia::Color::WHITE);
        draw_with(fonts, &mut pixmap, text, (20.0, 60.0), 48.0, BLACK, None);
        let mut bounds: Option<[u32; 4]> = None;
        for y in 0..pixmap.height() {
            for x in 0..pixmap.width() {
                if is_ink(&pixmap, x, y) {
                    let b = bounds.get_or_insert([x, y, x, y]);
                    *b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
                }
            }
        }
        (pixmap, bounds)
    }

    fn is_ink(pixmap: &Pixmap, x: u32, y: u32) -> bool {
        pixmap.pixel(x, y).is_some_and(|p| p.red() < 128)
    }

    #[test]
    fn han_text_is_drawn_with_a_system_font_and_not_as_a_box() {
        let Some(system) = fonts() else {
            panic!("the bundled font reads");
        };
        if system.face_for('王').is_none() {
            eprintln!("skipped: no Han font on this system (fonts-noto-cjk has one)");
            return;
        }
        let (han, bounds) = ink_of(system, "王");
        let [x0, y0, x1, y1] = bounds.expect("the Han glyph has ink");
        // Within its em square, right of the origin and above the baseline.
        assert!(
            x0 >= 20 && x1 <= 20 + 48 && y0 >= 60 - 48 && y1 <= 61,
            "{bounds:?}"
        );
        assert!(
            x1 - x0 > 30 && y1 - y0 > 30,
            "a full-size glyph: {bounds:?}"
        );
        // 王: the vertical stroke runs through the middle of the glyph and all three bars
        // cross it; a missing-glyph box is hollow there.
        let cx = (x0 + x1) / 2;
        let column: Vec<bool> = (y0..=y1).map(|y| is_ink(&han, cx, y)).collect();
        assert!(column.iter().all(|i| *i), "the vertical stroke is unbroken");
        let row: usize = (x0..=x1).filter(|x| is_ink(&han, *x, y0 + 1)).count();
        assert!(row as u32 > (x1 - x0) / 2, "the top bar spans the glyph");

        let without = Fonts::new(Box::new(NoFallbacks)).expect("DejaVu reads");
        let (boxed, box_bounds) = ink_of(&without, "王");
        let [bx0, by0, bx1, by1] = box_bounds.expect("the missing glyph is drawn as a box");
        assert!(
            !is_ink(&boxed, (bx0 + bx1) / 2, (by0 + by1) / 2),
            "the box is hollow"
        );
        assert_ne!(han.data(), boxed.data());
    }
}
