//! What a body-map view looks like, as plain data: filled shapes, lines and labels in
//! body-map millimetres, each with a semantic role, in paint order. The interactive canvas
//! paints a scene with egui; export rasterises the same scene on the CPU. No egui here.

mod colors;
pub mod marks;
pub mod overlays;
pub mod pattern;

use serde::{Deserialize, Serialize};

pub use colors::{MapColors, Pattern, Rgba, quality_style};
pub use marks::{Glyph, GridImage, LegendEntry, MarkColors};

use crate::bodymap::BodyMap;
use crate::bodymap::{Bounds, ContourKind, FLATTEN_TOLERANCE_MM, Facing, Layer, View, path};
use crate::geometry::MapPoint;
use crate::model::Side;

/// Which muscle layers a view shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LayerMode {
    /// The superficial muscles, as the skin is palpated.
    #[default]
    Superficial,
    /// The deep muscles alone, the superficial ones reduced to faint outlines.
    Deep,
    /// The deep muscles drawn over the superficial ones.
    Both,
}

impl LayerMode {
    pub const ALL: [Self; 3] = [Self::Superficial, Self::Deep, Self::Both];

    pub fn label(self) -> &'static str {
        match self {
            Self::Superficial => "Superficial",
            Self::Deep => "Deep",
            Self::Both => "Both layers",
        }
    }

    pub fn shows(self, layer: Layer) -> bool {
        match (self, layer) {
            (Self::Both, _)
            | (Self::Superficial, Layer::Superficial)
            | (Self::Deep, Layer::Deep) => true,
            (Self::Superficial, Layer::Deep) | (Self::Deep, Layer::Superficial) => false,
        }
    }
}

/// What a shape means; colours come from [`MapColors`] for the theme in use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Skin,
    SkinEdge,
    MuscleFill(Layer),
    MuscleEdge(Layer),
    /// A muscle of the layer not shown, as a faint outline for orientation.
    HiddenMuscleEdge,
    Contour(ContourKind),
    /// A needling safety zone's tint and edge.
    SafetyFill,
    SafetyEdge,
    /// An education or overlay shape's fill in its own colour, the same in both themes (a
    /// referral pattern's zone, a dermatome).
    Tint(Rgba),
}

/// A filled polygon, triangulated once for painters that need triangles.
#[derive(Clone, Debug)]
pub struct Fill {
    pub polygon: Vec<MapPoint>,
    /// Triangles as index triples into `polygon` (empty when the polygon is degenerate).
    pub triangles: Vec<u32>,
    pub role: Role,
}

/// A line along points.
#[derive(Clone, Debug)]
pub struct Line {
    pub points: Vec<MapPoint>,
    pub closed: bool,
    pub role: Role,
    pub dashed: bool,
}

#[derive(Clone, Debug)]
pub enum Item {
    Fill(Fill),
    Line(Line),
}

/// A muscle region of the scene, for labels and highlighting.
#[derive(Clone, Debug)]
pub struct SceneMuscle {
    pub muscle: String,
    pub name: String,
    pub side: Side,
    pub layer: Layer,
    /// Index into [`MapScene::items`] of the region's fill.
    pub fill: usize,
    /// Where its label goes: inside the region.
    pub label_at: MapPoint,
    pub bounds: Bounds,
}

/// One view of a body map, ready to paint.
#[derive(Clone, Debug)]
pub struct MapScene {
    pub items: Vec<Item>,
    pub muscles: Vec<SceneMuscle>,
    /// The silhouette's bounds, for fitting the view.
    pub bounds: Bounds,
    pub facing: Facing,
}

impl MapScene {
    /// The scene of `view` showing `layers`, its curves flattened to within `tolerance` mm
    /// (a fraction of a pixel at the scale it will be drawn: see [`tolerance_for_scale`]).
    pub fn new(map: &BodyMap, view: &View, layers: LayerMode, tolerance: f32) -> Self {
        let tolerance = tolerance.clamp(0.01, FLATTEN_TOLERANCE_MM);
        let mut items = Vec::new();
        let mut muscles = Vec::new();
        let mut all_points = Vec::new();
        let mut triangulator = earcut::Earcut::new();
        let parts = view.outline.len().max(1);
        for part in 0..parts {
            if let Some(outline) = view.outline.get(part) {
                let polygon = outline.flatten(tolerance);
                all_points.extend_from_slice(&polygon);
                items.push(Item::Fill(fill(&mut triangulator, polygon, Role::Skin)));
            }
            let in_part = |p: u8| usize::from(p) == part;
            // The layer not shown first, as faint outlines; then the layers shown, the
            // superficial one under the deep one.
            for region in view.muscles.iter().filter(|r| in_part(r.part)) {
                let layer = layer_of(map, &region.muscle);
                if !layers.shows(layer) {
                    items.push(Item::Line(Line {
                        points: region.shape.flatten(tolerance),
                        closed: true,
                        role: Role::HiddenMuscleEdge,
                        dashed: false,
                    }));
                }
            }
            for layer in [Layer::Superficial, Layer::Deep] {
                if !layers.shows(layer) {
                    continue;
                }
                for region in view.muscles.iter().filter(|r| in_part(r.part)) {
                    if layer_of(map, &region.muscle) != layer {
                        continue;
                    }
                    let polygon = region.shape.flatten(tolerance);
                    let Some(bounds) = Bounds::of(&polygon) else {
                        continue;
                    };
                    muscles.push(SceneMuscle {
                        muscle: region.muscle.clone(),
                        name: map
                            .muscle(&region.muscle)
                            .map_or_else(|| region.muscle.clone(), |m| m.name.clone()),
                        side: region.side,
                        layer,
                        fill: items.len(),
                        label_at: label_point(&polygon, bounds),
                        bounds,
                    });
                    items.push(Item::Fill(fill(
                        &mut triangulator,
                        polygon.clone(),
                        Role::MuscleFill(layer),
                    )));
                    items.push(Item::Line(Line {
                        points: polygon,
                        closed: true,
                        role: Role::MuscleEdge(layer),
                        dashed: layer == Layer::Deep && layers == LayerMode::Both,
                    }));
                }
            }
            for contour in view.contours.iter().filter(|c| in_part(c.part)) {
                items.push(Item::Line(Line {
                    points: contour.path.flatten(tolerance),
                    closed: contour.path.closed,
                    role: Role::Contour(contour.kind),
                    dashed: false,
                }));
            }
            if let Some(outline) = view.outline.get(part) {
                items.push(Item::Line(Line {
                    points: outline.flatten(tolerance),
                    closed: true,
                    role: Role::SkinEdge,
                    dashed: false,
                }));
            }
        }
        let bounds = Bounds::of(&all_points).unwrap_or(Bounds {
            min: MapPoint::new(-300.0, 0.0),
            max: MapPoint::new(300.0, 1750.0),
        });
        Self {
            items,
            muscles,
            bounds,
            facing: view.facing,
        }
    }

    /// The bounds of a view's silhouette, for fitting it on screen or in an image.
    pub fn outline_bounds(view: &View) -> Bounds {
        let points: Vec<MapPoint> = view
            .outline
            .iter()
            .flat_map(|p| p.flatten(FLATTEN_TOLERANCE_MM))
            .collect();
        Bounds::of(&points).unwrap_or(Bounds {
            min: MapPoint::new(-300.0, 0.0),
            max: MapPoint::new(300.0, 1750.0),
        })
    }

    /// The letters for the viewer's left and right edges ("R"/"L"), as the drawing is shown:
    /// mirroring swaps them, because it swaps the patient's sides on screen.
    pub fn edge_letters(&self, mirrored: bool) -> (&'static str, &'static str) {
        let (left, right) = self.facing.edge_letters();
        if mirrored {
            (right, left)
        } else {
            (left, right)
        }
    }
}

/// The flattening tolerance (mm) that keeps curves within a quarter pixel at `pixels_per_mm`,
/// rounded to a power of two so a zooming canvas rebuilds its scene only now and then.
pub fn tolerance_for_scale(pixels_per_mm: f32) -> f32 {
    let wanted = 0.25 / pixels_per_mm.max(1e-3);
    2f32.powi(wanted.log2().floor() as i32)
        .clamp(0.01, FLATTEN_TOLERANCE_MM)
}

/// The one conversion between body-map millimetres and pixels (screen or image): a uniform
/// scale, an offset, and an optional left-right mirror (the patient-facing view).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projection {
    /// Pixels per millimetre.
    pub scale: f32,
    /// Where the map point `centre` lands, in pixels.
    pub screen_centre: (f32, f32),
    pub centre: MapPoint,
    pub mirrored: bool,
}

impl Projection {
    /// The projection that fits `bounds` into a `width` × `height` pixel area with a margin.
    pub fn fit(bounds: Bounds, origin: (f32, f32), width: f32, height: f32, margin: f32) -> Self {
        let w = (bounds.max.x - bounds.min.x).max(1.0);
        let h = (bounds.max.y - bounds.min.y).max(1.0);
        let scale = ((width - 2.0 * margin) / w)
            .min((height - 2.0 * margin) / h)
            .max(1e-3);
        Self {
            scale,
            screen_centre: (origin.0 + width / 2.0, origin.1 + height / 2.0),
            centre: MapPoint::new(
                (bounds.min.x + bounds.max.x) / 2.0,
                (bounds.min.y + bounds.max.y) / 2.0,
            ),
            mirrored: false,
        }
    }

    pub fn to_screen(&self, p: MapPoint) -> (f32, f32) {
        let dx = (p.x - self.centre.x) * self.scale;
        let dy = (p.y - self.centre.y) * self.scale;
        let dx = if self.mirrored { -dx } else { dx };
        (self.screen_centre.0 + dx, self.screen_centre.1 + dy)
    }

    pub fn to_map(&self, (x, y): (f32, f32)) -> MapPoint {
        let dx = (x - self.screen_centre.0) / self.scale;
        let dy = (y - self.screen_centre.1) / self.scale;
        let dx = if self.mirrored { -dx } else { dx };
        MapPoint::new(self.centre.x + dx, self.centre.y + dy)
    }

    /// Zooms by `factor` keeping the map point under `screen` where it is.
    pub fn zoom_at(&mut self, screen: (f32, f32), factor: f32) {
        let anchor = self.to_map(screen);
        self.scale *= factor;
        let moved = self.to_screen(anchor);
        self.pan((screen.0 - moved.0, screen.1 - moved.1));
    }

    /// Moves the drawing by a screen delta.
    pub fn pan(&mut self, (dx, dy): (f32, f32)) {
        let dx = if self.mirrored { -dx } else { dx };
        self.centre.x -= dx / self.scale;
        self.centre.y -= dy / self.scale;
    }
}

/// One area of a needling safety zone on a view, ready to paint.
#[derive(Clone, Debug)]
pub struct SafetyShape {
    /// Index of the zone in the map's `safety_zones`.
    pub zone: usize,
    pub name: String,
    pub fill: Fill,
    pub label_at: MapPoint,
}

/// The safety zones of one view: the canvas's safety overlay, and exports.
#[derive(Clone, Debug, Default)]
pub struct SafetyScene {
    pub areas: Vec<SafetyShape>,
}

impl SafetyScene {
    pub fn new(map: &BodyMap, view: &crate::geometry::ViewId) -> Self {
        let mut triangulator = earcut::Earcut::new();
        let areas = map
            .safety_zones
            .iter()
            .enumerate()
            .flat_map(|(zone, z)| {
                z.areas
                    .iter()
                    .filter(|a| &a.view == view)
                    .map(move |a| (zone, z, a))
            })
            .map(|(zone, z, area)| {
                let polygon = area.shape.flatten(crate::bodymap::FLATTEN_TOLERANCE_MM);
                let bounds = Bounds::of(&polygon).unwrap_or(Bounds {
                    min: MapPoint::default(),
                    max: MapPoint::default(),
                });
                let label_at = label_point(&polygon, bounds);
                SafetyShape {
                    zone,
                    name: z.name.clone(),
                    fill: fill(&mut triangulator, polygon, Role::SafetyFill),
                    label_at,
                }
            })
            .collect();
        Self { areas }
    }
}

fn layer_of(map: &BodyMap, muscle: &str) -> Layer {
    map.muscle(muscle).map_or(Layer::Superficial, |m| m.layer)
}

fn fill(triangulator: &mut earcut::Earcut<f32>, polygon: Vec<MapPoint>, role: Role) -> Fill {
    let mut triangles: Vec<u32> = Vec::new();
    if polygon.len() >= 3 {
        triangulator.earcut(polygon.iter().map(|p| [p.x, p.y]), &[], &mut triangles);
    }
    Fill {
        polygon,
        triangles,
        role,
    }
}

/// A point well inside a polygon, for its label (see [`label_point`]).
pub fn label_point_of(polygon: &[MapPoint]) -> MapPoint {
    Bounds::of(polygon).map_or_else(MapPoint::default, |bounds| label_point(polygon, bounds))
}

/// A point well inside a region for its label: the bounds' centre when it is inside,
/// otherwise the middle of the widest stretch of the region along the centre line.
fn label_point(polygon: &[MapPoint], bounds: Bounds) -> MapPoint {
    let centre = MapPoint::new(
        (bounds.min.x + bounds.max.x) / 2.0,
        (bounds.min.y + bounds.max.y) / 2.0,
    );
    if path::polygon_contains(polygon, centre) {
        return centre;
    }
    let y = centre.y;
    let mut crossings: Vec<f32> = Vec::new();
    for (i, a) in polygon.iter().enumerate() {
        let b = polygon[(i + 1) % polygon.len()];
        if (a.y > y) != (b.y > y) {
            crossings.push(a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y));
        }
    }
    crossings.sort_by(f32::total_cmp);
    crossings
        .chunks_exact(2)
        .max_by(|p, q| (p[1] - p[0]).total_cmp(&(q[1] - q[0])))
        .map_or(centre, |pair| MapPoint::new((pair[0] + pair[1]) / 2.0, y))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bodymap::standard;
    use crate::geometry::{ViewId, views};

    fn view(id: &str) -> &'static View {
        standard()
            .map
            .view(&ViewId::new(id))
            .expect("standard view")
    }

    #[test]
    fn every_muscle_of_the_shown_layer_is_filled_and_labelled_inside_itself() {
        let map = &standard().map;
        for view in &map.views {
            let scene = MapScene::new(map, view, LayerMode::Superficial, 0.5);
            for muscle in &scene.muscles {
                assert_eq!(muscle.layer, Layer::Superficial);
                let Item::Fill(fill) = &scene.items[muscle.fill] else {
                    panic!("{}: the fill index points at a line", muscle.muscle);
                };
                assert!(
                    !fill.triangles.is_empty() && fill.triangles.len() % 3 == 0,
                    "{} on {}: not triangulated",
                    muscle.muscle,
                    view.id
                );
                assert!(
                    path::distance_to_polygon(&fill.polygon, muscle.label_at) < 1.0
                        || path::polygon_contains(&fill.polygon, muscle.label_at),
                    "{} on {}: label outside the region",
                    muscle.muscle,
                    view.id
                );
            }
        }
    }

    #[test]
    fn layers_select_what_is_filled() {
        let map = &standard().map;
        let posterior = view(views::POSTERIOR);
        let count = |mode| {
            let scene = MapScene::new(map, posterior, mode, 0.5);
            let deep = scene
                .muscles
                .iter()
                .filter(|m| m.layer == Layer::Deep)
                .count();
            (scene.muscles.len() - deep, deep)
        };
        let (superficial, none) = count(LayerMode::Superficial);
        let (none_again, deep) = count(LayerMode::Deep);
        assert!(superficial > 20 && deep > 10, "{superficial} {deep}");
        assert_eq!((none, none_again), (0, 0));
        assert_eq!(count(LayerMode::Both), (superficial, deep));
    }

    #[test]
    fn projection_round_trips_zooms_at_the_cursor_and_mirrors() {
        let bounds = Bounds {
            min: MapPoint::new(-300.0, 0.0),
            max: MapPoint::new(300.0, 1750.0),
        };
        let mut projection = Projection::fit(bounds, (10.0, 20.0), 400.0, 900.0, 10.0);
        let p = MapPoint::new(-120.0, 400.0);
        let back = projection.to_map(projection.to_screen(p));
        assert!((back.x - p.x).abs() < 1e-3 && (back.y - p.y).abs() < 1e-3);
        let cursor = (150.0, 300.0);
        let under = projection.to_map(cursor);
        projection.zoom_at(cursor, 2.5);
        let after = projection.to_map(cursor);
        assert!((after.x - under.x).abs() < 1e-3 && (after.y - under.y).abs() < 1e-3);
        projection.mirrored = true;
        let (x_mirrored, _) = projection.to_screen(MapPoint::new(-100.0, 400.0));
        projection.mirrored = false;
        let (x_plain, _) = projection.to_screen(MapPoint::new(-100.0, 400.0));
        let centre_x = projection.screen_centre.0;
        assert!(((x_mirrored - centre_x) + (x_plain - centre_x)).abs() < 1e-2);
        projection.mirrored = true;
        let back = projection.to_map(projection.to_screen(p));
        assert!((back.x - p.x).abs() < 1e-3 && (back.y - p.y).abs() < 1e-3);
    }

    #[test]
    fn mirroring_swaps_the_side_letters() {
        let map = &standard().map;
        let anterior = MapScene::new(map, view(views::ANTERIOR), LayerMode::Superficial, 0.5);
        assert_eq!(anterior.edge_letters(false), ("R", "L"));
        assert_eq!(anterior.edge_letters(true), ("L", "R"));
        let posterior = MapScene::new(map, view(views::POSTERIOR), LayerMode::Superficial, 0.5);
        assert_eq!(posterior.edge_letters(false), ("L", "R"));
    }
}
