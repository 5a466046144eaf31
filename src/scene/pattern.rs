//! A referral pattern as presentation mode shows it, as plain drawing data: the muscle
//! highlighted, the essential zone solid, the spillover zone stippled with a dashed edge, X at
//! the trigger points, in one calm teal, and the legend in the patient's words. The app's
//! presentation paints it with egui; `myomap refer --pattern` with tiny-skia. No egui here.

use crate::bodymap::{BodyMap, FLATTEN_TOLERANCE_MM};
use crate::education::PatternShapes;
use crate::geometry::{MapPoint, ViewId};
use crate::model::Side;

use super::marks::{Ink, with_alpha};
use super::{Fill, Glyph, LegendEntry, Pattern, Projection, Rgba, Role};

/// The pattern's soft teal (straight sRGB).
pub const PATTERN_COLOUR: Rgba = [0x2a, 0x8c, 0x8c, 0xff];
/// The slate of the trigger points' X.
pub const TRIGGER_X_COLOUR: Rgba = [0x2f, 0x3e, 0x4e, 0xff];

/// Spillover dots are this many pixels apart on screen (at least 4 mm on the body).
const DOT_SPACING_PX: f32 = 6.0;
/// Half the arms of a trigger point's X, px.
const X_HALF_PX: f32 = 9.0;

/// One pattern on one view for one side, in body-map millimetres.
#[derive(Clone, Debug, Default)]
pub struct PatternDrawing {
    /// The muscle's own regions on the view (on the pattern's side), outlined to show where
    /// the trigger points are.
    pub muscle: Vec<Vec<MapPoint>>,
    /// The essential zone's polygons, triangulated (they may be concave: a painter that
    /// fills convex polygons only uses the triangles).
    pub essential: Vec<Fill>,
    /// The spillover zone's polygons.
    pub spillover: Vec<Vec<MapPoint>>,
    pub trigger_points: Vec<MapPoint>,
}

impl PatternDrawing {
    /// `shapes` (the pattern on `view` for `side`, from `ReferralLibrary::shapes`) with the
    /// regions of `muscle` on `side` found on the map's `view` (none when the view or the
    /// muscle is not on the map).
    pub fn new(
        map: &BodyMap,
        view: &ViewId,
        muscle: &str,
        side: Side,
        shapes: &PatternShapes,
    ) -> Self {
        let mut triangulator = earcut::Earcut::new();
        let muscle = map
            .view(view)
            .map(|v| {
                v.muscles
                    .iter()
                    .filter(|r| r.muscle == muscle && r.side == side)
                    .map(|r| r.shape.flatten(FLATTEN_TOLERANCE_MM))
                    .collect()
            })
            .unwrap_or_default();
        Self {
            muscle,
            essential: shapes
                .essential
                .iter()
                .map(|p| super::fill(&mut triangulator, p.clone(), Role::Tint(PATTERN_COLOUR)))
                .collect(),
            spillover: shapes.spillover.clone(),
            trigger_points: shapes.trigger_points.clone(),
        }
    }

    /// Whether the pattern shows anything on this view.
    pub fn is_empty(&self) -> bool {
        self.essential.is_empty() && self.spillover.is_empty() && self.trigger_points.is_empty()
    }

    /// The essential zone's fill colour at `fade` (0 invisible – 1 fully shown).
    pub fn essential_colour(fade: f32) -> Rgba {
        with_alpha(PATTERN_COLOUR, 0.55 * fade)
    }

    /// Everything drawn, in pixels through `projection`, in paint order: the muscle's
    /// outline, the essential zone (a [`Glyph::Polygon`] per polygon, possibly concave, with
    /// its edge), the spillover's dots and dashed edge, then each trigger point's X. `fade`
    /// (0–1) scales every colour's opacity.
    pub fn glyphs(&self, projection: &Projection, fade: f32) -> Vec<Glyph> {
        let fade = if fade.is_finite() {
            fade.clamp(0.0, 1.0)
        } else {
            1.0
        };
        let px = |points: &[MapPoint]| -> Vec<(f32, f32)> {
            points.iter().map(|p| projection.to_screen(*p)).collect()
        };
        let closed = |points: &[MapPoint]| {
            let mut points = px(points);
            if let Some(first) = points.first().copied() {
                points.push(first);
            }
            points
        };
        let edge = Ink::new(1.5, with_alpha(PATTERN_COLOUR, fade));
        let mut glyphs = Vec::new();
        for region in &self.muscle {
            glyphs.push(Glyph::Polygon {
                points: px(region),
                fill: with_alpha(TRIGGER_X_COLOUR, 0.12 * fade),
                stroke: Some(Ink::new(2.0, with_alpha(TRIGGER_X_COLOUR, 0.7 * fade))),
            });
        }
        for fill in &self.essential {
            glyphs.push(Glyph::Polygon {
                points: px(&fill.polygon),
                fill: Self::essential_colour(fade),
                stroke: Some(edge),
            });
        }
        let spacing_mm = (DOT_SPACING_PX / projection.scale.max(1e-3)).max(4.0);
        let dot = with_alpha(PATTERN_COLOUR, 0.8 * fade);
        for polygon in &self.spillover {
            for at in stipple(polygon, spacing_mm) {
                glyphs.push(Glyph::Circle {
                    centre: projection.to_screen(at),
                    radius: 1.6,
                    fill: Some(dot),
                    stroke: None,
                    dashed: false,
                });
            }
            glyphs.push(Glyph::Line {
                points: closed(polygon),
                ink: edge,
                dashed: true,
            });
        }
        let x = Ink::new(3.5, with_alpha(TRIGGER_X_COLOUR, fade));
        for at in &self.trigger_points {
            let (cx, cy) = projection.to_screen(*at);
            let r = X_HALF_PX;
            glyphs.push(Glyph::Line {
                points: vec![(cx - r, cy - r), (cx + r, cy + r)],
                ink: x,
                dashed: false,
            });
            glyphs.push(Glyph::Line {
                points: vec![(cx - r, cy + r), (cx + r, cy - r)],
                ink: x,
                dashed: false,
            });
        }
        glyphs
    }

    /// The legend in the patient's words (empty when nothing is drawn).
    pub fn legend(&self) -> Vec<LegendEntry> {
        if self.is_empty() {
            return Vec::new();
        }
        vec![
            LegendEntry::new(
                with_alpha(PATTERN_COLOUR, 0.7),
                Pattern::Solid,
                "where this pain is commonly felt",
            ),
            LegendEntry::new(
                PATTERN_COLOUR,
                Pattern::Dots,
                "where some people also feel it",
            ),
            LegendEntry::new(TRIGGER_X_COLOUR, Pattern::Solid, "X  the trigger point"),
        ]
    }
}

/// Dot centres on a staggered grid `spacing` mm apart inside `polygon`.
fn stipple(polygon: &[MapPoint], spacing: f32) -> Vec<MapPoint> {
    let mut dots = Vec::new();
    let Some(bounds) = crate::bodymap::Bounds::of(polygon) else {
        return dots;
    };
    // At most a few thousand dots per polygon, whatever the scale.
    let spacing = spacing
        .max((bounds.max.x - bounds.min.x) / 200.0)
        .max((bounds.max.y - bounds.min.y) / 200.0)
        .max(0.5);
    let mut y = bounds.min.y;
    let mut row = 0;
    while y <= bounds.max.y {
        let offset = if row % 2 == 0 { 0.0 } else { spacing / 2.0 };
        let mut x = bounds.min.x + offset;
        while x <= bounds.max.x {
            let p = MapPoint::new(x, y);
            if crate::bodymap::path::polygon_contains(polygon, p) {
                dots.push(p);
            }
            x += spacing;
        }
        y += spacing * 0.87;
        row += 1;
    }
    dots
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bodymap::Bounds;
    use crate::bodymap::standard;
    use crate::education::referral_library;

    #[test]
    fn a_pattern_draws_its_zones_dots_and_an_x_per_trigger_point() {
        let library = referral_library();
        let map = &standard().map;
        let pattern = library.pattern("upper_trapezius").expect("pattern");
        let view = ViewId::new("posterior");
        let shapes = library.shapes(pattern, &view, Side::Right);
        let drawing = PatternDrawing::new(map, &view, "upper_trapezius", Side::Right, &shapes);
        assert!(!drawing.muscle.is_empty(), "the muscle is highlighted");
        assert!(drawing.essential.iter().all(|f| !f.triangles.is_empty()));
        let projection = Projection::fit(
            Bounds {
                min: MapPoint::new(-300.0, 0.0),
                max: MapPoint::new(300.0, 1750.0),
            },
            (0.0, 0.0),
            400.0,
            1000.0,
            10.0,
        );
        let glyphs = drawing.glyphs(&projection, 1.0);
        let lines = glyphs
            .iter()
            .filter(|g| matches!(g, Glyph::Line { dashed: false, .. }))
            .count();
        assert_eq!(lines, 2 * shapes.trigger_points.len());
        let polygons = glyphs
            .iter()
            .filter(|g| matches!(g, Glyph::Polygon { .. }))
            .count();
        assert_eq!(polygons, drawing.muscle.len() + shapes.essential.len());
        assert_eq!(drawing.legend().len(), 3);
        // Faded out, nothing is visible.
        assert!(drawing.glyphs(&projection, 0.0).iter().all(|g| match g {
            Glyph::Polygon { fill, .. } => fill[3] == 0,
            Glyph::Line { ink, .. } => ink.colour[3] == 0,
            Glyph::Circle { fill, .. } => fill.is_none_or(|f| f[3] == 0),
            _ => true,
        }));
        // A view the pattern is not on draws nothing but the muscle, and has no legend.
        let sole = ViewId::new("feet_plantar");
        let none = library.shapes(pattern, &sole, Side::Right);
        let nothing = PatternDrawing::new(map, &sole, "upper_trapezius", Side::Right, &none);
        assert!(nothing.is_empty() && nothing.legend().is_empty());
    }

    #[test]
    fn stippling_stays_inside_and_is_bounded() {
        let square = [
            MapPoint::new(0.0, 0.0),
            MapPoint::new(40.0, 0.0),
            MapPoint::new(40.0, 40.0),
            MapPoint::new(0.0, 40.0),
        ];
        let dots = stipple(&square, 4.0);
        assert!(dots.len() > 80 && dots.len() < 130, "{}", dots.len());
        assert!(dots.iter().all(|p| (0.0..=40.0).contains(&p.x)));
        assert!(stipple(&square, 0.0).len() <= 201 * 232);
        assert!(stipple(&square[..2], 4.0).is_empty());
    }
}
