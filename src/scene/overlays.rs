//! The overlays switched on over a view (dermatomes, cutaneous nerve fields, bony landmarks;
//! `bodymap::overlays`) as plain drawing data: tinted, outlined areas with their labels,
//! labelled points, one legend line per layer and its caveat. The canvas paints it with egui,
//! export with tiny-skia. No egui here.

use crate::bodymap::overlays::{OverlayKind, OverlaySet, Overlays};
use crate::geometry::{MapPoint, ViewId};

use super::marks::{Anchor, Ink, with_alpha};
use super::{Fill, Glyph, LegendEntry, Pattern, Projection, Rgba, Role};

/// Tints that tell neighbouring areas apart in both themes (straight sRGB, opaque; drawn
/// with [`AREA_ALPHA`]): a blue, an orange, a green, a purple, an ochre, a rose (no teal:
/// that is the referral pattern's colour).
const PALETTE: [Rgba; 6] = [
    [0x3b, 0x6f, 0xb6, 0xff],
    [0xd9, 0x8a, 0x2b, 0xff],
    [0x4e, 0x9a, 0x4a, 0xff],
    [0x8a, 0x5a, 0xb0, 0xff],
    [0xb0, 0x96, 0x2a, 0xff],
    [0xc4, 0x4e, 0x6e, 0xff],
];
/// How opaque an area's tint is: the body stays readable under it.
const AREA_ALPHA: f32 = 0.28;
/// The landmarks' ink.
const LANDMARK: Rgba = [0x33, 0x33, 0x3b, 0xff];
/// Label size, px.
const LABEL_PX: f32 = 11.0;

/// One area of a shown layer on the view.
#[derive(Clone, Debug)]
pub struct OverlayShape {
    pub kind: OverlayKind,
    /// The level or nerve's id ("C6", "median").
    pub id: String,
    /// Its label ("C6", "Median nerve").
    pub label: String,
    /// The polygon (mm), triangulated, in its tint ([`Role::Tint`]).
    pub fill: Fill,
    /// Its outline's colour.
    pub edge: Rgba,
    pub label_at: MapPoint,
}

/// One labelled point of a shown layer on the view.
#[derive(Clone, Debug)]
pub struct OverlayMark {
    pub id: String,
    pub label: String,
    pub at: MapPoint,
}

/// The shown overlays of one view, ready to paint.
#[derive(Clone, Debug, Default)]
pub struct OverlayScene {
    pub areas: Vec<OverlayShape>,
    pub points: Vec<OverlayMark>,
    /// Each shown layer's legend line: its name and tint.
    pub legend: Vec<LegendEntry>,
    /// Each shown layer's caveat and source, to print with the chart.
    pub notes: Vec<String>,
}

/// A label without its parenthesis: "Axillary nerve (superior …)" → "Axillary nerve".
fn short(name: &str) -> &str {
    name.split(" (").next().unwrap_or(name).trim()
}

impl OverlayScene {
    /// The layers of `shown` on `view` (nothing for a view without overlays).
    pub fn new(overlays: &Overlays, view: &ViewId, shown: OverlaySet) -> Self {
        let mut scene = Self::default();
        let mut triangulator = earcut::Earcut::new();
        for kind in OverlayKind::ALL {
            if !shown.shows(kind) {
                continue;
            }
            let Some(layer) = overlays.layer(kind) else {
                continue;
            };
            // Tints by order of first appearance in the layer, so neighbouring levels differ.
            let mut order: Vec<&str> = Vec::new();
            for area in &layer.areas {
                if !order.contains(&area.id.as_str()) {
                    order.push(&area.id);
                }
            }
            let mut any = false;
            for area in overlays.areas_on(kind, view) {
                let index = order.iter().position(|id| *id == area.id).unwrap_or(0);
                let colour = PALETTE[index % PALETTE.len()];
                let tint = with_alpha(colour, AREA_ALPHA);
                let fill = super::fill(&mut triangulator, area.points.clone(), Role::Tint(tint));
                scene.areas.push(OverlayShape {
                    edge: with_alpha(colour, 0.75),
                    kind,
                    id: area.id.clone(),
                    label: short(&area.name).to_owned(),
                    label_at: super::label_point_of(&area.points),
                    fill,
                });
                any = true;
            }
            for point in overlays.points_on(kind, view) {
                scene.points.push(OverlayMark {
                    id: point.id.clone(),
                    label: point.name.clone(),
                    at: point.at,
                });
                any = true;
            }
            if any {
                let (colour, pattern) = match kind {
                    OverlayKind::BonyLandmarks => (LANDMARK, Pattern::Dots),
                    _ => (with_alpha(PALETTE[0], 0.6), Pattern::Solid),
                };
                scene
                    .legend
                    .push(LegendEntry::new(colour, pattern, layer.name.clone()));
                scene.notes.push(format!(
                    "{}: {} Source: {}",
                    layer.name, layer.caveat, layer.source
                ));
            }
        }
        scene
    }

    /// Every label and where it goes (mm): the areas' at their label points, the points'
    /// beside them; a painter that avoids collisions places them in this order.
    pub fn labels(&self) -> impl Iterator<Item = (&str, MapPoint)> + '_ {
        self.points
            .iter()
            .map(|p| (p.label.as_str(), MapPoint::new(p.at.x, p.at.y)))
            .chain(self.areas.iter().map(|a| (a.label.as_str(), a.label_at)))
    }

    pub fn is_empty(&self) -> bool {
        self.areas.is_empty() && self.points.is_empty()
    }

    /// The areas' outlines and labels and the points with their labels, in pixels through
    /// `projection`; the areas' fills are [`OverlayShape::fill`], painted first (they may be
    /// concave). `labels: false` leaves the names out.
    pub fn glyphs(&self, projection: &Projection, labels: bool) -> Vec<Glyph> {
        let mut glyphs = Vec::new();
        for area in &self.areas {
            let mut points: Vec<(f32, f32)> = area
                .fill
                .polygon
                .iter()
                .map(|p| projection.to_screen(*p))
                .collect();
            if let Some(first) = points.first().copied() {
                points.push(first);
            }
            glyphs.push(Glyph::Line {
                points,
                ink: Ink::new(1.0, area.edge),
                dashed: false,
            });
        }
        if labels {
            for area in &self.areas {
                let (x, y) = projection.to_screen(area.label_at);
                let width = area.label.chars().count() as f32 * LABEL_PX * 0.55;
                glyphs.push(Glyph::Text {
                    at: (x - width / 2.0, y + LABEL_PX / 2.0),
                    anchor: Anchor::LeftBottom,
                    text: area.label.clone(),
                    size: LABEL_PX,
                    colour: LANDMARK,
                    background: None,
                });
            }
        }
        for point in &self.points {
            let centre = projection.to_screen(point.at);
            glyphs.push(Glyph::Circle {
                centre,
                radius: 3.5,
                fill: Some(LANDMARK),
                stroke: Some(Ink::new(1.5, [0xff, 0xff, 0xff, 0xd0])),
                dashed: false,
            });
            if labels {
                glyphs.push(Glyph::Text {
                    at: (centre.0 + 6.0, centre.1 + LABEL_PX / 2.0),
                    anchor: Anchor::LeftBottom,
                    text: point.label.clone(),
                    size: LABEL_PX,
                    colour: LANDMARK,
                    background: None,
                });
            }
        }
        glyphs
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bodymap::Bounds;
    use crate::bodymap::overlays::overlays;

    fn projection() -> Projection {
        Projection::fit(
            Bounds {
                min: MapPoint::new(-350.0, 0.0),
                max: MapPoint::new(350.0, 1760.0),
            },
            (0.0, 0.0),
            500.0,
            1200.0,
            10.0,
        )
    }

    #[test]
    fn only_the_shown_layers_are_drawn_each_with_its_legend_and_caveat() {
        let view = ViewId::new("anterior");
        let none = OverlayScene::new(overlays(), &view, OverlaySet::NONE);
        assert!(none.is_empty() && none.legend.is_empty() && none.notes.is_empty());
        let dermatomes = OverlayScene::new(
            overlays(),
            &view,
            OverlaySet::NONE.with(OverlayKind::Dermatomes, true),
        );
        assert!(
            dermatomes
                .areas
                .iter()
                .all(|a| a.kind == OverlayKind::Dermatomes)
        );
        assert!(dermatomes.areas.iter().any(|a| a.label == "C6"));
        assert!(
            dermatomes
                .areas
                .iter()
                .all(|a| !a.fill.triangles.is_empty())
        );
        assert!(dermatomes.points.is_empty());
        assert_eq!(dermatomes.legend.len(), 1);
        assert!(dermatomes.notes[0].contains("Lee MWL"));
        // Neighbouring levels have different tints.
        let tint = |id: &str| {
            dermatomes
                .areas
                .iter()
                .find(|a| a.id == id)
                .map(|a| a.fill.role)
        };
        assert_ne!(tint("C5"), tint("C6"));
        assert_ne!(tint("L4"), tint("L5"));

        let all = OverlaySet {
            dermatomes: true,
            cutaneous_nerves: true,
            bony_landmarks: true,
        };
        let scene = OverlayScene::new(overlays(), &ViewId::new("posterior"), all);
        assert_eq!(scene.legend.len(), 3);
        assert!(scene.points.iter().any(|p| p.label == "C7 spinous process"));
        assert!(scene.areas.iter().any(|a| a.label == "Axillary nerve"));
        let glyphs = scene.glyphs(&projection(), true);
        let texts = glyphs
            .iter()
            .filter(|g| matches!(g, Glyph::Text { .. }))
            .count();
        assert_eq!(texts, scene.areas.len() + scene.points.len());
        let quiet = scene.glyphs(&projection(), false);
        assert!(quiet.iter().all(|g| !matches!(g, Glyph::Text { .. })));
    }
}
