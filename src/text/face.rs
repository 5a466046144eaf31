//! One font face ready to measure, shape and outline: its bytes (kept for the life of the
//! process, so the app, the rasteriser and the PDF writer share them without copies), the
//! ab_glyph outlines and HarfRust's shaping tables.

use ab_glyph::{Font, FontRef, GlyphId, PxScale};

/// A font face: the bundled DejaVu Sans or a system fallback.
pub struct Face {
    /// The family name, as SVG's `font-family` and the PDF font name use it.
    pub family: String,
    /// Where it came from (file and face index), to tell faces apart.
    pub key: String,
    bytes: &'static [u8],
    index: u32,
    outlines: FontRef<'static>,
    shaper: harfrust::ShaperData,
}

impl std::fmt::Debug for Face {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Face").field("key", &self.key).finish()
    }
}

impl Face {
    /// The face `index` of the font file `bytes`, or `None` when it cannot be read.
    pub fn new(bytes: &'static [u8], index: u32, family: String, key: String) -> Option<Self> {
        let outlines = FontRef::try_from_slice_and_index(bytes, index).ok()?;
        let shaper = harfrust::ShaperData::new(&harfrust::FontRef::from_index(bytes, index).ok()?);
        Some(Self {
            family,
            key,
            bytes,
            index,
            outlines,
            shaper,
        })
    }

    /// Whether the face has a glyph for `c`.
    pub fn has(&self, c: char) -> bool {
        self.outlines.glyph_id(c).0 != 0
    }

    /// The whole font file (a collection holds several faces) and this face's index in it.
    pub fn file(&self) -> (&'static [u8], u32) {
        (self.bytes, self.index)
    }

    pub fn outlines(&self) -> &FontRef<'static> {
        &self.outlines
    }

    /// Font units per em.
    pub fn units_per_em(&self) -> f32 {
        self.outlines.units_per_em().unwrap_or(2048.0)
    }

    /// The advance of glyph `id` in font units, as the font's `hmtx` table gives it (what a
    /// PDF reader advances by).
    pub fn advance_units(&self, id: u16) -> f32 {
        self.outlines.h_advance_unscaled(GlyphId(id))
    }

    /// The ab_glyph scale of a font `size` em: sizes here are em sizes, as in CSS, SVG and
    /// PDF (ab_glyph's own scale is the line height).
    pub fn scale(&self, size: f32) -> PxScale {
        PxScale::from(size * self.outlines.height_unscaled() / self.units_per_em())
    }

    /// Ascent (positive) and descent (negative) at `size` em, in the units of `size`.
    pub fn ascent_descent(&self, size: f32) -> (f32, f32) {
        let k = size / self.units_per_em();
        (
            self.outlines.ascent_unscaled() * k,
            self.outlines.descent_unscaled() * k,
        )
    }

    /// Shapes `text` (one direction, one face) with HarfRust: the glyphs in visual order,
    /// positions in font units.
    pub fn shape(&self, text: &str, rtl: bool) -> Vec<Shaped> {
        let Ok(font) = harfrust::FontRef::from_index(self.bytes, self.index) else {
            return Vec::new();
        };
        let mut buffer = harfrust::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        buffer.set_direction(if rtl {
            harfrust::Direction::RightToLeft
        } else {
            harfrust::Direction::LeftToRight
        });
        let shaped = self
            .shaper
            .shaper(&font)
            .build()
            .shape(buffer, harfrust::ShapeOptions::new());
        shaped
            .glyph_infos()
            .iter()
            .zip(shaped.glyph_positions())
            .map(|(info, position)| Shaped {
                id: u16::try_from(info.glyph_id).unwrap_or(0),
                cluster: info.cluster as usize,
                advance: position.x_advance as f32,
                x_offset: position.x_offset as f32,
                y_offset: position.y_offset as f32,
            })
            .collect()
    }
}

/// A glyph as the shaper placed it, in font units; `cluster` is the byte offset in the
/// shaped text of the first character it draws.
#[derive(Clone, Copy, Debug)]
pub struct Shaped {
    pub id: u16,
    pub cluster: usize,
    pub advance: f32,
    pub x_offset: f32,
    pub y_offset: f32,
}
