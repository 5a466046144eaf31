//! A session's marks as plain drawing data: the referred-pain zones as an image on the
//! measuring grid (colour **and** pattern per quality, opacity by intensity), trigger points,
//! needle sites, arrows, notes and the links from zones to their trigger points as glyphs in
//! pixels, and the legend. The difference map between two visits is built the same way. The
//! canvas paints these with egui; export with tiny-skia and as SVG.

use crate::geometry::{MapPoint, ViewId};
use crate::metrics::{CELL_MM, FRAME_HALF_WIDTH, PainMask, TriggerPointMatches, ViewDifference};
use crate::model::{PainQuality, PaintOp, ReferredZone, Session, TriggerPointStatus};

use super::{Pattern, Projection, Rgba, quality_style};

/// Texels per measuring cell of a grid image: patterns need finer texels than the 3 mm cells.
pub const TEXELS_PER_CELL: usize = 2;
/// A pattern repeats every this many texels (6 mm on the body).
pub const PATTERN_TEXELS: usize = 4;

/// Premultiplied sRGB with alpha, the texel format of [`GridImage`].
pub type Premultiplied = [u8; 4];

/// A straight-alpha colour made `factor` times as opaque, premultiplied.
pub fn premultiply([r, g, b, a]: Rgba, factor: f32) -> Premultiplied {
    let alpha = f32::from(a) / 255.0 * factor.clamp(0.0, 1.0);
    let channel = |c: u8| (f32::from(c) * alpha).round() as u8;
    [
        channel(r),
        channel(g),
        channel(b),
        (alpha * 255.0).round() as u8,
    ]
}

/// Source over destination, both premultiplied.
pub fn over(src: Premultiplied, dst: Premultiplied) -> Premultiplied {
    let keep = 1.0 - f32::from(src[3]) / 255.0;
    let mut out = [0; 4];
    for i in 0..4 {
        out[i] = (f32::from(src[i]) + f32::from(dst[i]) * keep)
            .round()
            .min(255.0) as u8;
    }
    out
}

/// An image in premultiplied RGBA texels, row by row from the top: the zone and difference
/// images laid over the measuring grid (the frame of [`PainMask`], [`TEXELS_PER_CELL`]
/// texels a cell), or a custom view's diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct GridImage {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<Premultiplied>,
}

impl GridImage {
    /// The measuring grid with nothing painted.
    pub fn blank() -> Self {
        let mask = PainMask::new();
        let (width, height) = (
            mask.columns() * TEXELS_PER_CELL,
            mask.rows() * TEXELS_PER_CELL,
        );
        Self {
            width,
            height,
            pixels: vec![[0; 4]; width * height],
        }
    }

    /// Each painted cell given the colour `paint(column, row, x, y)` returns (texel
    /// coordinates for patterns).
    pub fn new(mut paint: impl FnMut(usize, usize, usize, usize) -> Option<Premultiplied>) -> Self {
        let mut image = Self::blank();
        let blank = PainMask::new();
        let (columns, rows) = (blank.columns(), blank.rows());
        let width = image.width;
        for row in 0..rows {
            for column in 0..columns {
                for dy in 0..TEXELS_PER_CELL {
                    for dx in 0..TEXELS_PER_CELL {
                        let (x, y) = (column * TEXELS_PER_CELL + dx, row * TEXELS_PER_CELL + dy);
                        if let Some(colour) = paint(column, row, x, y) {
                            image.pixels[y * width + x] = colour;
                        }
                    }
                }
            }
        }
        image
    }

    /// The map rectangle (mm) the image covers: top left and bottom right.
    pub fn frame() -> (MapPoint, MapPoint) {
        let mask = PainMask::new();
        (
            MapPoint::new(-FRAME_HALF_WIDTH, 0.0),
            MapPoint::new(
                -FRAME_HALF_WIDTH + mask.columns() as f32 * CELL_MM,
                mask.rows() as f32 * CELL_MM,
            ),
        )
    }

    /// The part of the image that is painted, and the map rectangle (mm, top left and bottom
    /// right) it covers; `None` when nothing is painted. Drawing less is faster.
    pub fn cropped(&self) -> Option<(Self, MapPoint, MapPoint)> {
        let painted = |x: usize, y: usize| self.pixels[y * self.width + x][3] > 0;
        let rows: Vec<usize> = (0..self.height)
            .filter(|&y| (0..self.width).any(|x| painted(x, y)))
            .collect();
        let (&top, &bottom) = (rows.first()?, rows.last()?);
        let columns: Vec<usize> = (0..self.width)
            .filter(|&x| (top..=bottom).any(|y| painted(x, y)))
            .collect();
        let (&left, &right) = (columns.first()?, columns.last()?);
        let (width, height) = (right - left + 1, bottom - top + 1);
        let pixels = (top..=bottom)
            .flat_map(|y| {
                self.pixels[y * self.width + left..=y * self.width + right]
                    .iter()
                    .copied()
            })
            .collect();
        let (frame_min, _) = Self::frame();
        let texel = CELL_MM / TEXELS_PER_CELL as f32;
        let at = |x: usize, y: usize| {
            MapPoint::new(
                frame_min.x + x as f32 * texel,
                frame_min.y + y as f32 * texel,
            )
        };
        Some((
            Self {
                width,
                height,
                pixels,
            },
            at(left, top),
            at(right + 1, bottom + 1),
        ))
    }
}

/// Every zone of `view` composited in order: colour by quality, the quality's pattern drawn
/// darker, opacity by intensity, faded when carried forward (so what is shown is exactly
/// what is measured).
pub fn zones_image(session: &Session, view: &ViewId) -> Option<GridImage> {
    let zones: Vec<&ReferredZone> = session
        .referred_zones
        .iter()
        .filter(|z| &z.view == view)
        .collect();
    if zones.is_empty() {
        return None;
    }
    let mut image = GridImage::blank();
    let (columns, width) = (PainMask::new().columns(), image.width);
    for zone in zones {
        let mask = PainMask::of_view(std::iter::once(zone), view);
        let (colour, pattern) = quality_style(zone.quality);
        let alpha = 0.25 + 0.05 * f32::from(zone.intensity.min(10));
        let carried = if zone.carried_forward { 0.6 } else { 1.0 };
        let fill = premultiply(colour, alpha * 0.75 * carried);
        let ink = premultiply(colour, (alpha + 0.3).min(1.0) * carried);
        // Only the zone's own cells: a heavy session's zones cover a small part of the grid.
        for cell in mask.painted_cells() {
            let (column, row) = (cell % columns, cell / columns);
            for dy in 0..TEXELS_PER_CELL {
                for dx in 0..TEXELS_PER_CELL {
                    let (x, y) = (column * TEXELS_PER_CELL + dx, row * TEXELS_PER_CELL + dy);
                    let paint = if pattern.marks(x, y, PATTERN_TEXELS) {
                        ink
                    } else {
                        fill
                    };
                    let pixel = &mut image.pixels[y * width + x];
                    *pixel = over(paint, *pixel);
                }
            }
        }
    }
    Some(image)
}

/// Colours of the difference map: distinct in hue **and** pattern.
pub const NEW: (Rgba, Pattern) = ([0xc8, 0x1e, 0x2d, 0xff], Pattern::Hatch);
pub const RESOLVED: (Rgba, Pattern) = ([0x1e, 0x8a, 0x50, 0xff], Pattern::Dots);
pub const PERSISTING: (Rgba, Pattern) = ([0xd0, 0x8a, 0x00, 0xff], Pattern::Solid);

/// New, resolved and persisting pain of one view.
pub fn difference_image(difference: &ViewDifference) -> GridImage {
    let styled = |(colour, pattern): (Rgba, Pattern), x, y| {
        if pattern.marks(x, y, PATTERN_TEXELS) {
            premultiply(colour, 0.85)
        } else {
            premultiply(colour, 0.4)
        }
    };
    GridImage::new(|column, row, x, y| {
        if difference.new.get(column, row) {
            Some(styled(NEW, x, y))
        } else if difference.resolved.get(column, row) {
            Some(styled(RESOLVED, x, y))
        } else if difference.persisting.get(column, row) {
            Some(styled(PERSISTING, x, y))
        } else {
            None
        }
    })
}

/// The colours of marks for one theme.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MarkColors {
    pub trigger_active: Rgba,
    pub trigger_latent: Rgba,
    pub needle: Rgba,
    /// Arrows and the links from zones to trigger points.
    pub zone: Rgba,
    pub note_text: Rgba,
    pub note_background: Rgba,
    /// The light ring around filled marks.
    pub ring: Rgba,
}

impl MarkColors {
    pub const LIGHT: Self = Self {
        trigger_active: [0xc0, 0x27, 0x2d, 0xff],
        trigger_latent: [0xc7, 0x7d, 0x12, 0xff],
        needle: [0x1d, 0x5b, 0x9e, 0xff],
        zone: [0xb8, 0x4a, 0x8a, 0xff],
        note_text: [0x1f, 0x5f, 0xa8, 0xff],
        note_background: [0xff, 0xff, 0xff, 0xe6],
        ring: [0xff, 0xff, 0xff, 0xff],
    };

    pub const DARK: Self = Self {
        trigger_active: [0xff, 0x6b, 0x6b, 0xff],
        trigger_latent: [0xf2, 0xb2, 0x4c, 0xff],
        needle: [0x7a, 0xb4, 0xf0, 0xff],
        zone: [0xe3, 0x8f, 0xc4, 0xff],
        note_text: [0x7a, 0xb4, 0xf0, 0xff],
        note_background: [0x0a, 0x0a, 0x0a, 0xe6],
        ring: [0xff, 0xff, 0xff, 0xff],
    };
}

/// A point in pixels.
pub type Px = (f32, f32);

/// A line's width (px) and colour.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ink {
    pub width: f32,
    pub colour: Rgba,
}

impl Ink {
    pub fn new(width: f32, colour: Rgba) -> Self {
        Self { width, colour }
    }
}

/// Where a text's anchor point is on the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    LeftTop,
    LeftBottom,
}

/// One drawing primitive of a mark, in pixels, in paint order.
#[derive(Clone, Debug, PartialEq)]
pub enum Glyph {
    Circle {
        centre: Px,
        radius: f32,
        fill: Option<Rgba>,
        stroke: Option<Ink>,
        dashed: bool,
    },
    Line {
        points: Vec<Px>,
        ink: Ink,
        dashed: bool,
    },
    /// A line with an arrow head at `to`.
    Arrow { from: Px, to: Px, ink: Ink },
    Polygon {
        points: Vec<Px>,
        fill: Rgba,
        stroke: Option<Ink>,
    },
    /// Text at a pixel size, optionally on a rounded box of `background`.
    Text {
        at: Px,
        anchor: Anchor,
        text: String,
        size: f32,
        colour: Rgba,
        background: Option<Rgba>,
    },
}

/// Radius (px) of point marks at this zoom.
pub fn mark_radius(projection: &Projection) -> f32 {
    (projection.scale * 4.0).clamp(5.0, 9.0)
}

/// A needle is drawn as its shaft and handle leaning away from the site, so the trigger
/// point it treats stays visible: where the handle is.
pub fn needle_handle((x, y): Px, radius: f32) -> Px {
    (x - radius * 1.8, y - radius * 2.6)
}

/// The pixel size of note text.
pub const NOTE_TEXT_PX: f32 = 12.0;

/// Where a zone sits, for links and picking: the mean of its painted points.
pub fn zone_centre(zone: &ReferredZone) -> Option<MapPoint> {
    let (sum, n) = zone
        .paint
        .iter()
        .filter(|op| !matches!(op, PaintOp::Erase { .. }))
        .flat_map(|op| op.points())
        .fold((MapPoint::new(0.0, 0.0), 0.0), |(sum, n), p| {
            (MapPoint::new(sum.x + p.x, sum.y + p.y), n + 1.0)
        });
    (n > 0.0).then(|| MapPoint::new(sum.x / n, sum.y / n))
}

/// A straight-alpha colour made `factor` times as opaque.
pub fn with_alpha([r, g, b, a]: Rgba, factor: f32) -> Rgba {
    [
        r,
        g,
        b,
        (f32::from(a) * factor.clamp(0.0, 1.0)).round() as u8,
    ]
}

/// The glyphs of a session's marks on `view`: links from zones to trigger points, arrows,
/// needle sites, trigger points (active filled, latent hollow, carried forward faded with a
/// dashed halo) and notes. `notes: false` leaves the clinician's notes and arrow labels out
/// (the patient's handout).
pub fn session_glyphs(
    session: &Session,
    view: &ViewId,
    projection: &Projection,
    colors: &MarkColors,
    notes: bool,
) -> Vec<Glyph> {
    let radius = mark_radius(projection);
    let px = |p: MapPoint| projection.to_screen(p);
    let ring = Ink::new(1.5, colors.ring);
    let mut glyphs = Vec::new();
    for zone in session.referred_zones.iter().filter(|z| &z.view == view) {
        let (Some(source), Some(centre)) = (zone.source, zone_centre(zone)) else {
            continue;
        };
        if let Some(tp) = session
            .trigger_points
            .iter()
            .find(|t| t.id == source && &t.view == view)
        {
            glyphs.push(Glyph::Line {
                points: vec![px(tp.at), px(centre)],
                ink: Ink::new(1.0, with_alpha(colors.zone, 0.6)),
                dashed: true,
            });
        }
    }
    for arrow in session.arrows.iter().filter(|a| &a.view == view) {
        let (from, to) = (px(arrow.from), px(arrow.to));
        glyphs.push(Glyph::Arrow {
            from,
            to,
            ink: Ink::new(2.0, colors.zone),
        });
        if notes && !arrow.label.is_empty() {
            glyphs.push(Glyph::Text {
                at: ((from.0 + to.0) / 2.0 + 6.0, (from.1 + to.1) / 2.0 - 6.0),
                anchor: Anchor::LeftBottom,
                text: arrow.label.clone(),
                size: NOTE_TEXT_PX,
                colour: colors.zone,
                background: None,
            });
        }
    }
    for needle in session.needle_sites.iter().filter(|n| &n.view == view) {
        let at = px(needle.at);
        let handle = needle_handle(at, radius);
        glyphs.push(Glyph::Line {
            points: vec![at, handle],
            ink: Ink::new(1.6, colors.needle),
            dashed: false,
        });
        glyphs.push(Glyph::Circle {
            centre: handle,
            radius: radius * 0.55,
            fill: Some(colors.needle),
            stroke: Some(ring),
            dashed: false,
        });
        glyphs.push(Glyph::Circle {
            centre: at,
            radius: 2.0,
            fill: Some(colors.needle),
            stroke: None,
            dashed: false,
        });
    }
    for tp in session.trigger_points.iter().filter(|t| &t.view == view) {
        let at = px(tp.at);
        let colour = match tp.status {
            TriggerPointStatus::Active => colors.trigger_active,
            TriggerPointStatus::Latent => colors.trigger_latent,
        };
        let fade = if tp.carried_forward { 0.55 } else { 1.0 };
        glyphs.push(match tp.status {
            TriggerPointStatus::Active => Glyph::Circle {
                centre: at,
                radius,
                fill: Some(with_alpha(colour, fade)),
                stroke: Some(ring),
                dashed: false,
            },
            TriggerPointStatus::Latent => Glyph::Circle {
                centre: at,
                radius,
                fill: Some(with_alpha(colors.ring, 0.7 * fade)),
                stroke: Some(Ink::new(2.5, with_alpha(colour, fade))),
                dashed: false,
            },
        });
        if tp.carried_forward {
            // Carried forward from the last visit, not yet confirmed.
            glyphs.push(Glyph::Circle {
                centre: at,
                radius: radius + 4.0,
                fill: None,
                stroke: Some(Ink::new(1.2, colour)),
                dashed: true,
            });
        }
    }
    if notes {
        for note in session.text_notes.iter().filter(|n| &n.view == view) {
            glyphs.push(Glyph::Text {
                at: px(note.at),
                anchor: Anchor::LeftTop,
                text: note.text.clone(),
                size: NOTE_TEXT_PX,
                colour: colors.note_text,
                background: Some(colors.note_background),
            });
        }
    }
    glyphs
}

/// The trigger points of two visits on `view`, matched: persisting as a filled circle with a
/// thin line from where it was, resolved as a crossed ring where it was, new as a triangle.
pub fn difference_glyphs(
    earlier: &Session,
    later: &Session,
    matches: &TriggerPointMatches,
    view: &ViewId,
    projection: &Projection,
) -> Vec<Glyph> {
    let radius = mark_radius(projection);
    let white = Ink::new(1.5, [0xff; 4]);
    let find = |session: &Session, id| {
        session
            .trigger_points
            .iter()
            .find(|t| t.id == id && &t.view == view)
            .map(|t| projection.to_screen(t.at))
    };
    let mut glyphs = Vec::new();
    for (was, now) in &matches.persisting {
        if let (Some(a), Some(b)) = (find(earlier, *was), find(later, *now)) {
            glyphs.push(Glyph::Line {
                points: vec![a, b],
                ink: Ink::new(1.0, PERSISTING.0),
                dashed: false,
            });
            glyphs.push(Glyph::Circle {
                centre: b,
                radius,
                fill: Some(PERSISTING.0),
                stroke: Some(white),
                dashed: false,
            });
        }
    }
    for id in &matches.resolved {
        if let Some((x, y)) = find(earlier, *id) {
            glyphs.push(Glyph::Circle {
                centre: (x, y),
                radius,
                fill: Some([0xff, 0xff, 0xff, 0xcc]),
                stroke: Some(Ink::new(2.0, RESOLVED.0)),
                dashed: false,
            });
            let d = radius * 0.7;
            glyphs.push(Glyph::Line {
                points: vec![(x - d, y - d), (x + d, y + d)],
                ink: Ink::new(2.0, RESOLVED.0),
                dashed: false,
            });
        }
    }
    for id in &matches.new {
        if let Some((x, y)) = find(later, *id) {
            let r = radius * 1.2;
            glyphs.push(Glyph::Polygon {
                points: vec![
                    (x, y - r),
                    (x + r * 0.9, y + r * 0.6),
                    (x - r * 0.9, y + r * 0.6),
                ],
                fill: NEW.0,
                stroke: Some(white),
            });
        }
    }
    glyphs
}

/// One legend line: a swatch colour (straight alpha), its pattern, and what it means.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    pub colour: Rgba,
    pub pattern: Pattern,
    pub label: String,
}

impl LegendEntry {
    pub fn new(colour: Rgba, pattern: Pattern, label: impl Into<String>) -> Self {
        Self {
            colour,
            pattern,
            label: label.into(),
        }
    }
}

/// A legend swatch is this many pattern texels wide and high.
pub const SWATCH_TEXELS: (usize, usize) = (11, 6);

/// The texels of a legend swatch that carry `pattern` (the rest show its tint).
pub fn swatch_texels(pattern: Pattern) -> impl Iterator<Item = (usize, usize)> {
    let (width, height) = SWATCH_TEXELS;
    (0..height)
        .flat_map(move |y| (0..width).map(move |x| (x, y)))
        .filter(move |&(x, y)| pattern.marks(x, y, PATTERN_TEXELS))
}

/// The legend entries of the pain qualities painted on this view.
pub fn quality_legend(session: &Session, view: &ViewId) -> Vec<LegendEntry> {
    let mut qualities: Vec<PainQuality> = session
        .referred_zones
        .iter()
        .filter(|z| &z.view == view)
        .map(|z| z.quality)
        .collect();
    qualities.sort_by_key(|q| PainQuality::ALL.iter().position(|x| x == q));
    qualities.dedup();
    qualities
        .into_iter()
        .map(|quality| {
            let (colour, pattern) = quality_style(quality);
            LegendEntry::new(colour, pattern, quality.label())
        })
        .collect()
}

/// The legend of the point marks shown on this view (trigger points by status, carried
/// forward, needles), in clinical words or, with `plain`, in the patient's.
pub fn mark_legend(
    session: &Session,
    view: &ViewId,
    colors: &MarkColors,
    plain: bool,
) -> Vec<LegendEntry> {
    let on_view = |v: &ViewId| v == view;
    let points = || session.trigger_points.iter().filter(|t| on_view(&t.view));
    let has = |status| points().any(|t| t.status == status);
    let words =
        |clinical: &'static str, patient: &'static str| if plain { patient } else { clinical };
    let mut entries = Vec::new();
    if has(TriggerPointStatus::Active) {
        entries.push(LegendEntry::new(
            colors.trigger_active,
            Pattern::Solid,
            words(
                "active trigger point (filled)",
                "tight, tender spot that causes your pain",
            ),
        ));
    }
    if has(TriggerPointStatus::Latent) {
        entries.push(LegendEntry::new(
            colors.trigger_latent,
            Pattern::Solid,
            words(
                "latent trigger point (ring)",
                "tight spot, tender when pressed (ring)",
            ),
        ));
    }
    if !plain && points().any(|t| t.carried_forward) {
        entries.push(LegendEntry::new(
            with_alpha(colors.trigger_active, 0.55),
            Pattern::Solid,
            "dashed halo: carried forward, not re-examined",
        ));
    }
    if session.needle_sites.iter().any(|n| on_view(&n.view)) {
        entries.push(LegendEntry::new(
            colors.needle,
            Pattern::Solid,
            words("needle site (point at the tip)", "where a needle was used"),
        ));
    }
    entries
}

/// The legend of the difference map.
pub fn difference_legend() -> Vec<LegendEntry> {
    vec![
        LegendEntry::new(NEW.0, NEW.1, "new pain; triangle: new trigger point"),
        LegendEntry::new(
            RESOLVED.0,
            RESOLVED.1,
            "resolved; crossed ring: trigger point gone",
        ),
        LegendEntry::new(
            PERSISTING.0,
            PERSISTING.1,
            "persisting; dot: trigger point still there",
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_arithmetic_matches_premultiplied_source_over() {
        assert_eq!(premultiply([200, 100, 0, 255], 0.5), [100, 50, 0, 128]);
        assert_eq!(over([0, 0, 0, 0], [10, 20, 30, 40]), [10, 20, 30, 40]);
        assert_eq!(over([100, 0, 0, 255], [10, 20, 30, 255]), [100, 0, 0, 255]);
        let half = over([100, 0, 0, 128], [0, 0, 200, 255]);
        assert_eq!(half[3], 255);
        assert!(half[0] == 100 && (99..=100).contains(&half[2]));
    }

    #[test]
    fn every_texel_of_a_grid_image_stays_premultiplied() {
        let session = crate::demo::heavy_session();
        let view = ViewId::new("posterior");
        let image = zones_image(&session, &view).expect("the heavy session paints the back");
        assert!(
            image
                .pixels
                .iter()
                .all(|p| p[..3].iter().all(|c| *c <= p[3]))
        );
        assert!(image.pixels.iter().any(|p| p[3] > 0));
        assert_eq!(image.pixels.len(), image.width * image.height);

        // Each zone's cells land where the mask has them (the same as testing every cell).
        let zone = session
            .referred_zones
            .iter()
            .find(|z| z.view == view)
            .expect("a zone on the back");
        let mut one = session.clone();
        one.referred_zones = vec![zone.clone()];
        let image = zones_image(&one, &view).expect("one zone");
        let mask = PainMask::of_view(std::iter::once(zone), &view);
        let reference = GridImage::new(|column, row, _, _| mask.get(column, row).then_some([1; 4]));
        for (texel, expected) in image.pixels.iter().zip(&reference.pixels) {
            assert_eq!(texel[3] > 0, expected[3] > 0);
        }

        // Cropping keeps every painted texel at the same place on the body.
        let (cropped, top_left, bottom_right) = image.cropped().expect("painted");
        assert!(cropped.width < image.width && cropped.height < image.height);
        let texel = CELL_MM / TEXELS_PER_CELL as f32;
        assert!(((bottom_right.x - top_left.x) / texel - cropped.width as f32).abs() < 1e-3);
        let (frame_min, _) = GridImage::frame();
        let (x0, y0) = (
            ((top_left.x - frame_min.x) / texel).round() as usize,
            ((top_left.y - frame_min.y) / texel).round() as usize,
        );
        for y in 0..cropped.height {
            for x in 0..cropped.width {
                assert_eq!(
                    cropped.pixels[y * cropped.width + x],
                    image.pixels[(y + y0) * image.width + x + x0]
                );
            }
        }
        assert_eq!(
            cropped.pixels.iter().filter(|p| p[3] > 0).count(),
            image.pixels.iter().filter(|p| p[3] > 0).count()
        );
        assert!(GridImage::new(|_, _, _, _| None).cropped().is_none());
    }
}
