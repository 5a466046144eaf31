//! One line of text laid out: the glyphs in visual order, each with its face, position and
//! the characters it stands for. Plain Latin, Greek and Cyrillic take the quick way (DejaVu
//! alone, its kerning, no shaper); anything else is split into bidirectional runs
//! (unicode-bidi), each run into runs of one face, and each of those shaped by HarfRust
//! (Arabic joining, Indic clusters, marks). Right-to-left runs come out right to left.

use std::collections::BTreeSet;
use std::ops::Range;

use ab_glyph::{Font as _, ScaleFont as _};
use unicode_bidi::ParagraphBidiInfo;

use super::script::{follows_base, is_simple, script_of};
use super::{Face, Fonts};

/// A glyph placed on a line, positions in the units of the size laid out at.
#[derive(Clone, Debug, PartialEq)]
pub struct Glyph {
    /// Which face of the [`Fonts`] draws it.
    pub face: usize,
    pub id: u16,
    /// Pen position of the glyph's origin from the start of the line.
    pub x: f32,
    /// Raised this far above the baseline (marks placed by the font).
    pub rise: f32,
    pub advance: f32,
    /// The characters it draws (bytes of the laid-out text); empty for the second and
    /// later glyphs of one cluster.
    pub chars: Range<usize>,
}

/// A line laid out: its glyphs, width, and the scripts no font here draws (drawn as the
/// primary font's missing-glyph box, and named by the note).
#[derive(Clone, Debug, Default)]
pub struct Line {
    pub glyphs: Vec<Glyph>,
    pub width: f32,
    pub missing: BTreeSet<&'static str>,
}

impl Fonts {
    /// `text` (one line) laid out at `size`.
    pub fn layout(&self, text: &str, size: f32) -> Line {
        let primary = self.primary();
        if text.chars().all(|c| is_simple(c) && primary.has(c)) {
            return simple(&primary, text, size);
        }
        let mut line = Line::default();
        // Every line myomap draws is a left-to-right line (a header, a label) that may hold
        // right-to-left names: the base direction is left to right, whatever comes first.
        let bidi = ParagraphBidiInfo::new(text, Some(unicode_bidi::Level::ltr()));
        let (levels, runs) = bidi.visual_runs(0..text.len());
        for run in runs {
            let rtl = levels.get(run.start).is_some_and(|l| l.is_rtl());
            let mut pieces = self.face_runs(text, run.clone(), &mut line.missing);
            if rtl {
                pieces.reverse();
            }
            for (face_index, range) in pieces {
                let Some(face) = self.face(face_index) else {
                    continue;
                };
                let k = size / face.units_per_em();
                let shaped = face.shape(&text[range.clone()], rtl);
                let chars = cluster_chars(&text[range.clone()], &shaped, rtl);
                for (glyph, chars) in shaped.iter().zip(chars) {
                    line.glyphs.push(Glyph {
                        face: face_index,
                        id: glyph.id,
                        x: line.width + glyph.x_offset * k,
                        rise: glyph.y_offset * k,
                        advance: glyph.advance * k,
                        chars: range.start + chars.start..range.start + chars.end,
                    });
                    line.width += glyph.advance * k;
                }
            }
        }
        line
    }

    /// `range` of `text` split into runs of one face, in logical order. A character no
    /// face has goes to the primary font (its missing-glyph box) and its script is noted.
    fn face_runs(
        &self,
        text: &str,
        range: Range<usize>,
        missing: &mut BTreeSet<&'static str>,
    ) -> Vec<(usize, Range<usize>)> {
        let mut runs: Vec<(usize, Range<usize>)> = Vec::new();
        for (offset, c) in text[range.clone()].char_indices() {
            let at = range.start + offset;
            let previous = runs.last().map(|(face, _)| *face);
            let keep_previous = previous.is_some_and(|face| {
                (follows_base(c) || c.is_whitespace())
                    && self.face(face).is_some_and(|f| f.has(c) || follows_base(c))
            });
            let face = match previous {
                Some(face) if keep_previous => face,
                _ => self.face_for(c).unwrap_or_else(|| {
                    missing.insert(script_of(c));
                    0
                }),
            };
            match runs.last_mut() {
                Some((last, run)) if *last == face => run.end = at + c.len_utf8(),
                _ => runs.push((face, at..at + c.len_utf8())),
            }
        }
        runs
    }
}

/// The characters (byte ranges of `text`) each shaped glyph stands for: a cluster of as many
/// glyphs as characters gives one character to each, in reading order; otherwise its first
/// glyph stands for the whole cluster and the others for nothing.
fn cluster_chars(text: &str, shaped: &[super::Shaped], rtl: bool) -> Vec<Range<usize>> {
    let starts: BTreeSet<usize> = shaped.iter().map(|g| g.cluster).collect();
    let mut out = vec![0..0; shaped.len()];
    let mut i = 0;
    while i < shaped.len() {
        let cluster = shaped[i].cluster;
        let count = shaped[i..]
            .iter()
            .take_while(|g| g.cluster == cluster)
            .count();
        let end = starts
            .range(cluster + 1..)
            .next()
            .copied()
            .unwrap_or(text.len());
        let chars: Vec<Range<usize>> = text[cluster..end]
            .char_indices()
            .map(|(at, c)| cluster + at..cluster + at + c.len_utf8())
            .collect();
        if chars.len() == count {
            for (k, range) in chars.into_iter().enumerate() {
                // Right-to-left glyphs come in visual order: the cluster's last character
                // is drawn first.
                let glyph = if rtl { i + count - 1 - k } else { i + k };
                out[glyph] = range;
            }
        } else {
            out[i] = cluster..end;
        }
        i += count;
    }
    out
}

/// The quick way for text DejaVu draws alone, left to right: advances and kerning from the
/// font, no shaper (the same placement the charts had before other scripts were drawn).
fn simple(face: &Face, text: &str, size: f32) -> Line {
    let scaled = face.outlines().as_scaled(face.scale(size));
    let mut line = Line::default();
    let mut previous = None;
    for (at, c) in text.char_indices() {
        let id = scaled.glyph_id(c);
        if let Some(previous) = previous {
            line.width += scaled.kern(previous, id);
        }
        let advance = scaled.h_advance(id);
        line.glyphs.push(Glyph {
            face: 0,
            id: id.0,
            x: line.width,
            rise: 0.0,
            advance,
            chars: at..at + c.len_utf8(),
        });
        line.width += advance;
        previous = Some(id);
    }
    line
}

#[cfg(test)]
mod tests {
    use super::super::NoFallbacks;
    use super::*;

    fn fonts() -> Fonts {
        Fonts::new(Box::new(NoFallbacks)).expect("DejaVu reads")
    }

    #[test]
    fn latin_takes_the_quick_way_and_keeps_every_character() {
        let text = "AVA Müller";
        let line = fonts().layout(text, 12.0);
        assert_eq!(line.glyphs.len(), text.chars().count());
        let back: String = line.glyphs.iter().map(|g| &text[g.chars.clone()]).collect();
        assert_eq!(back, text);
        // Kerning pulls the V under the A's.
        let plain: f32 = line.glyphs.iter().map(|g| g.advance).sum();
        assert!(line.width < plain, "{} < {plain}", line.width);
    }

    #[test]
    fn arabic_reads_right_to_left_and_its_letters_join() {
        let fonts = fonts();
        let text = "ليلى";
        let line = fonts.layout(text, 12.0);
        assert!(line.missing.is_empty());
        // Visual order: the first letter (lam) is drawn last, at the right.
        let first = line.glyphs.iter().position(|g| g.chars.start == 0);
        assert_eq!(first, Some(line.glyphs.len() - 1));
        // Joined forms are other glyphs than the isolated letters the cmap maps to.
        let face = fonts.primary();
        let isolated: Vec<u16> = text
            .chars()
            .map(|c| face.outlines().glyph_id(c).0)
            .collect();
        let drawn: Vec<u16> = line.glyphs.iter().map(|g| g.id).collect();
        assert!(
            drawn.iter().any(|id| !isolated.contains(id)),
            "{drawn:?} are only isolated forms {isolated:?}"
        );
    }

    #[test]
    fn a_latin_name_before_an_arabic_one_stays_first_on_the_line() {
        let text = "Ana ليلى";
        let line = fonts().layout(text, 12.0);
        let leftmost = line.glyphs.first().map(|g| g.chars.clone());
        assert_eq!(leftmost, Some(0..1), "the A is leftmost");
        let rightmost = line.glyphs.last().map(|g| g.chars.start);
        assert_eq!(rightmost, Some(4), "the lam is rightmost");
        assert!(line.glyphs.windows(2).all(|w| w[0].x <= w[1].x + 1e-3));
    }

    #[test]
    fn characters_no_font_has_are_boxes_and_named() {
        let line = fonts().layout("王 अ", 12.0);
        assert_eq!(
            line.missing.iter().copied().collect::<Vec<_>>(),
            ["Devanagari", "Han"]
        );
        assert!(line.glyphs.iter().all(|g| g.face == 0));
        assert!(line.width > 0.0, "the boxes take room");
    }
}
