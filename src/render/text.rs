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

#[derive(Clone, Copy, Debug)]
pub struct TextStyle {
    /// Pixel size of the font.
    pub size: f32,
    pub color: Rgba,
    /// A soft outline in this colour, so text reads over lines and fills.
    pub halo: Option<Rgba>,
}

/// Places text on an image, skipping any label that would overlap one already placed.
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

    /// Draws `text` centred on `at` (horizontally; vertically when `centred`, else `at` is
    /// the baseline). Returns whether it was drawn.
    pub fn place(
        &mut self,
        pixmap: &mut Pixmap,
        text: &str,
        at: (f32, f32),
        style: TextStyle,
        avoid_overlap: bool,
    ) -> bool {
        let Some(font) = font() else {
            return false;
        };
        let scaled = font.as_scaled(PxScale::from(style.size));
        let width = text_width(font, style.size, text);
        let x = at.0 - width / 2.0;
        let baseline = if avoid_overlap {
            at.1 + (scaled.ascent() + scaled.descent()) / 2.0
        } else {
            at.1
        };
        let rect = [
            x - 2.0,
            baseline - scaled.ascent() - 1.0,
            x + width + 2.0,
            baseline - scaled.descent() + 1.0,
        ];
        let outside =
            rect[0] < 0.0 || rect[2] > self.width || rect[1] < 0.0 || rect[3] > self.height;
        if avoid_overlap && (outside || self.placed.iter().any(|r| overlaps(r, &rect))) {
            return false;
        }
        self.placed.push(rect);
        if let Some(halo) = style.halo {
            for (dx, dy) in [(-1.0, 0.0), (1.0, 0.0), (0.0, -1.0), (0.0, 1.0)] {
                draw_text(
                    pixmap,
                    font,
                    style.size,
                    text,
                    (x + dx, baseline + dy),
                    halo,
                );
            }
        }
        draw_text(pixmap, font, style.size, text, (x, baseline), style.color);
        true
    }
}

fn overlaps(a: &[f32; 4], b: &[f32; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

fn text_width(font: &FontRef<'_>, size: f32, text: &str) -> f32 {
    let scaled = font.as_scaled(PxScale::from(size));
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
    width
}

fn draw_text(
    pixmap: &mut Pixmap,
    font: &FontRef<'_>,
    size: f32,
    text: &str,
    origin: (f32, f32),
    rgba: Rgba,
) {
    let scaled = font.as_scaled(PxScale::from(size));
    let (width, height) = (pixmap.width() as i32, pixmap.height() as i32);
    let stride = pixmap.width() as usize;
    let pixels = pixmap.pixels_mut();
    let mut x = origin.0;
    let mut previous = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(previous) = previous {
            x += scaled.kern(previous, id);
        }
        let glyph = id.with_scale_and_position(size, point(x, origin.1));
        x += scaled.h_advance(id);
        previous = Some(id);
        let Some(outlined) = font.outline_glyph(glyph) else {
            continue;
        };
        let bounds = outlined.px_bounds();
        outlined.draw(|gx, gy, coverage| {
            let px = bounds.min.x as i32 + gx as i32;
            let py = bounds.min.y as i32 + gy as i32;
            if px < 0 || py < 0 || px >= width || py >= height {
                return;
            }
            let index = py as usize * stride + px as usize;
            pixels[index] = blend(pixels[index], rgba, coverage);
        });
    }
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
