//! Body maps: vector views of the reference body (see `geometry`) carrying the silhouette,
//! contour lines, named muscle regions on a superficial and a deep layer, and named surface
//! regions for pain coding. Loaded from RON data (`body_maps/`), validated, and hit-tested.
//! No egui: the canvas paints what this module describes.

pub mod custom;
pub mod generate;
mod hit;
pub mod overlays;
pub mod path;
pub mod picture;
pub mod sides;
mod standard;

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

pub use hit::{MuscleHit, ViewIndex};
pub use path::{Bounds, FLATTEN_TOLERANCE_MM, Path, Segment};
pub use standard::{STANDARD_MAP_RON, StandardMap, standard};

use crate::geometry::{MapPoint, ViewId};
use crate::model::Side;
use crate::storage::{DecodeError, Versioned};

pub const BODY_MAP_FORMAT_VERSION: u32 = 1;

/// Which layer a muscle is drawn on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Layer {
    Superficial,
    Deep,
}

/// A muscle of the map, independent of side and view.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MuscleDef {
    /// Stable snake_case id, e.g. `upper_trapezius`; stored in sessions.
    pub id: String,
    /// Display name, e.g. "Upper trapezius".
    pub name: String,
    pub layer: Layer,
    /// Body part, for grouping in lists: "Head and neck", "Shoulder girdle", …
    pub group: String,
    /// A clinical note on how the muscle is reached, for muscles whose region is not a
    /// palpable surface (the diaphragm, the pelvic floor); empty for most.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// How a view relates the viewer's left and right to the patient's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Facing {
    /// Anterior views: the patient's right is on the viewer's left.
    Anterior,
    /// Posterior views: the patient's right is on the viewer's right.
    Posterior,
    /// The patient's left side, facing the viewer's left.
    LeftLateral,
    /// The patient's right side, facing the viewer's right.
    RightLateral,
}

impl Facing {
    /// The patient's side at body-map `x` on a front or back view (lateral views show one
    /// side only, so they do not tell sides apart by `x`).
    pub fn side_at(self, x: f32) -> Option<Side> {
        let viewer_right = x > 0.0;
        match self {
            Self::Anterior => Some(if viewer_right {
                Side::Left
            } else {
                Side::Right
            }),
            Self::Posterior => Some(if viewer_right {
                Side::Right
            } else {
                Side::Left
            }),
            Self::LeftLateral => Some(Side::Left),
            Self::RightLateral => Some(Side::Right),
        }
    }

    /// The letter drawn at the viewer's left and right edges of the view: "R" where the
    /// patient's right is. Lateral views name the side shown on both edges.
    pub fn edge_letters(self) -> (&'static str, &'static str) {
        match self {
            Self::Anterior => ("R", "L"),
            Self::Posterior => ("L", "R"),
            Self::LeftLateral => ("L", "L"),
            Self::RightLateral => ("R", "R"),
        }
    }
}

/// What a contour line shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ContourKind {
    MuscleBorder,
    Bone,
    Feature,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contour {
    pub kind: ContourKind,
    pub path: Path,
    /// The outline path this line belongs to (see [`View::outline`]).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub part: u8,
}

/// Where one muscle lies on one side in one view.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MuscleRegion {
    pub muscle: String,
    pub side: Side,
    pub shape: Path,
    /// The outline path this region lies on (see [`View::outline`]).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub part: u8,
}

/// One view of the body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct View {
    pub id: ViewId,
    pub name: String,
    pub facing: Facing,
    /// The silhouette: one or more closed paths, painted in order. Each is a *part* of the
    /// body (the trunk, an arm hanging over it in a lateral view): a part's skin, contours and
    /// muscles are painted over the parts before it, and its muscles are on top when hit.
    pub outline: Vec<Path>,
    pub contours: Vec<Contour>,
    /// Muscle regions in drawing order (later ones on top within a layer).
    pub muscles: Vec<MuscleRegion>,
}

/// A named surface region for pain coding (e.g. a Widespread Pain Index area).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurfaceRegion {
    pub id: String,
    pub name: String,
    pub side: Side,
    pub view: ViewId,
    pub shape: Path,
}

/// A set of surface regions that together code a pain drawing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionSet {
    pub id: String,
    pub name: String,
    pub regions: Vec<SurfaceRegion>,
}

/// Where needling needs particular care (lung, neurovascular bundles, organs), with the
/// guidance shown when a needle site is placed there (`clinical.md`, "Safety zones").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SafetyZone {
    pub id: String,
    pub name: String,
    pub guidance: String,
    /// The advisable maximum depth, mm, where one is published.
    pub max_depth_mm: Option<f32>,
    /// Over the lung: needling both sides of the thorax in one session warns.
    pub thorax: bool,
    pub areas: Vec<SafetyArea>,
}

/// One area of a safety zone on one view.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SafetyArea {
    pub view: ViewId,
    pub side: Side,
    pub shape: Path,
}

/// A body map file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BodyMap {
    pub format_version: u32,
    pub id: String,
    /// Bumped whenever the coordinate frame or muscle ids change meaning.
    pub version: u32,
    pub name: String,
    pub muscles: Vec<MuscleDef>,
    pub views: Vec<View>,
    pub region_sets: Vec<RegionSet>,
    /// Needling safety zones; a map without them raises no safety warnings.
    #[serde(default)]
    pub safety_zones: Vec<SafetyZone>,
}

impl Versioned for BodyMap {
    const CURRENT: u32 = BODY_MAP_FORMAT_VERSION;

    fn decode_version(version: u32, text: &str) -> Result<Self, DecodeError> {
        match version {
            1 => crate::storage::parse_ron(text),
            other => Err(DecodeError::unknown_version(other, text)),
        }
    }
}

impl BodyMap {
    pub fn muscle(&self, id: &str) -> Option<&MuscleDef> {
        self.muscles.iter().find(|m| m.id == id)
    }

    pub fn view(&self, id: &ViewId) -> Option<&View> {
        self.views.iter().find(|v| &v.id == id)
    }

    /// The display name of region `id` of region set `set` ("Right lateral thigh").
    pub fn region_name(&self, set: &str, id: &str) -> Option<&str> {
        self.region_sets
            .iter()
            .find(|s| s.id == set)?
            .regions
            .iter()
            .find(|r| r.id == id)
            .map(|r| r.name.as_str())
    }

    /// Everything wrong with the map that would mislead a clinician or break hit-testing:
    /// duplicate or malformed ids, unknown muscles, open or self-intersecting outlines,
    /// regions outside the silhouette. Each problem names the view and the item.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut muscle_ids = HashSet::new();
        for muscle in &self.muscles {
            if !is_snake_case(&muscle.id) {
                problems.push(format!("muscle id {:?} is not snake_case", muscle.id));
            }
            if !muscle_ids.insert(muscle.id.as_str()) {
                problems.push(format!("muscle {} is defined twice", muscle.id));
            }
        }
        let mut view_ids = HashSet::new();
        for view in &self.views {
            if !view_ids.insert(&view.id) {
                problems.push(format!("view {} is defined twice", view.id));
            }
            let outline: Vec<Vec<MapPoint>> = view
                .outline
                .iter()
                .map(|p| p.flatten(FLATTEN_TOLERANCE_MM))
                .collect();
            if outline.is_empty() {
                problems.push(format!("view {} has no outline", view.id));
            }
            for (index, path) in view.outline.iter().enumerate() {
                shape_problems(
                    &mut problems,
                    &format!("view {} outline {}", view.id, index + 1),
                    path,
                );
            }
            let inside_body = |p: MapPoint| {
                outline
                    .iter()
                    .any(|poly| path::distance_to_polygon(poly, p) <= SILHOUETTE_SLACK_MM)
            };
            let mut seen = HashSet::new();
            for region in &view.muscles {
                let what = format!(
                    "view {}: {} ({})",
                    view.id,
                    region.muscle,
                    region.side.label()
                );
                if !muscle_ids.contains(region.muscle.as_str()) {
                    problems.push(format!("{what}: unknown muscle id"));
                }
                if !seen.insert((region.muscle.as_str(), region.side)) {
                    problems.push(format!("{what}: drawn twice"));
                }
                shape_problems(&mut problems, &what, &region.shape);
                if usize::from(region.part) >= view.outline.len().max(1) {
                    problems.push(format!("{what}: part {} has no outline", region.part));
                }
                let polygon = region.shape.flatten(FLATTEN_TOLERANCE_MM);
                if let (Some(bounds), Side::Left | Side::Right) =
                    (Bounds::of(&polygon), region.side)
                {
                    let centre = (bounds.min.x + bounds.max.x) / 2.0;
                    // Only regions clearly off the midline can be on the wrong side.
                    let off_midline = bounds.min.x > 0.0 || bounds.max.x < 0.0;
                    if off_midline && view.facing.side_at(centre) != Some(region.side) {
                        problems.push(format!("{what}: drawn on the patient's other side"));
                    }
                }
                if region
                    .shape
                    .flatten(FLATTEN_TOLERANCE_MM)
                    .into_iter()
                    .any(|p| !inside_body(p))
                {
                    problems.push(format!("{what}: reaches outside the silhouette"));
                }
            }
        }
        for set in &self.region_sets {
            let mut ids = HashSet::new();
            for region in &set.regions {
                let what = format!("region set {}: {}", set.id, region.id);
                if !ids.insert((region.id.as_str(), &region.view)) {
                    problems.push(format!("{what}: defined twice on view {}", region.view));
                }
                if self.view(&region.view).is_none() {
                    problems.push(format!("{what}: unknown view {}", region.view));
                }
                shape_problems(&mut problems, &what, &region.shape);
            }
        }
        let mut zone_ids = HashSet::new();
        for zone in &self.safety_zones {
            let what = format!("safety zone {}", zone.id);
            if !is_snake_case(&zone.id) {
                problems.push(format!("{what}: id is not snake_case"));
            }
            if !zone_ids.insert(zone.id.as_str()) {
                problems.push(format!("{what}: defined twice"));
            }
            if zone.guidance.trim().is_empty() {
                problems.push(format!("{what}: has no guidance text"));
            }
            if zone
                .max_depth_mm
                .is_some_and(|d| !(d.is_finite() && d > 0.0 && d <= 200.0))
            {
                problems.push(format!("{what}: maximum depth outside 0–200 mm"));
            }
            if zone.areas.is_empty() {
                problems.push(format!("{what}: has no areas"));
            }
            for area in &zone.areas {
                if self.view(&area.view).is_none() {
                    problems.push(format!("{what}: unknown view {}", area.view));
                }
                shape_problems(
                    &mut problems,
                    &format!("{what} on {}", area.view),
                    &area.shape,
                );
            }
        }
        problems
    }

    pub fn safety_zone(&self, id: &str) -> Option<&SafetyZone> {
        self.safety_zones.iter().find(|z| z.id == id)
    }

    /// A hit-testing index for every view, built once.
    pub fn index(&self) -> HashMap<ViewId, ViewIndex> {
        self.views
            .iter()
            .map(|view| (view.id.clone(), ViewIndex::new(self, view)))
            .collect()
    }
}

/// The full-body view of the standard map a head-and-neck view is cropped from, in the same
/// frame (the view itself otherwise): what is drawn on the one shows on the other.
pub fn base_view(view: &str) -> &str {
    match view {
        "head_anterior" => "anterior",
        "head_posterior" => "posterior",
        "head_left_lateral" => "left_lateral",
        "head_right_lateral" => "right_lateral",
        other => other,
    }
}

/// How far (mm) a muscle region's edge may stray past the silhouette: the outline and the
/// region are drawn with separate curves that meet at the skin.
pub const SILHOUETTE_SLACK_MM: f32 = 3.0;

pub(crate) fn shape_problems(problems: &mut Vec<String>, what: &str, path: &Path) {
    if !path.closed {
        problems.push(format!("{what}: the outline is not closed"));
        return;
    }
    if path.points().any(|p| !p.is_finite()) {
        problems.push(format!("{what}: a point is not a number"));
        return;
    }
    let polygon = path.flatten(FLATTEN_TOLERANCE_MM);
    if polygon.len() < 3 || path::polygon_area(&polygon) < 1.0 {
        problems.push(format!("{what}: the shape has no area"));
    } else if path::self_intersects(&polygon) {
        problems.push(format!("{what}: the outline crosses itself"));
    }
}

fn is_zero(part: &u8) -> bool {
    *part == 0
}

pub(crate) fn is_snake_case(id: &str) -> bool {
    !id.is_empty()
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !id.contains("__")
        && !id.ends_with('_')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x0: f32, y0: f32, x1: f32, y1: f32) -> Path {
        Path {
            start: MapPoint::new(x0, y0),
            segments: vec![
                Segment::L(MapPoint::new(x1, y0)),
                Segment::L(MapPoint::new(x1, y1)),
                Segment::L(MapPoint::new(x0, y1)),
            ],
            closed: true,
        }
    }

    /// A tiny map: a posterior "back" with a trapezius over a rhomboid on each side.
    fn fixture() -> BodyMap {
        let muscle = |id: &str, name: &str, layer| MuscleDef {
            id: id.into(),
            name: name.into(),
            layer,
            group: "Shoulder girdle".into(),
            note: String::new(),
        };
        let region = |muscle: &str, side, shape| MuscleRegion {
            part: 0,
            muscle: muscle.into(),
            side,
            shape,
        };
        BodyMap {
            format_version: BODY_MAP_FORMAT_VERSION,
            id: "fixture".into(),
            version: 1,
            name: "Fixture".into(),
            muscles: vec![
                muscle("middle_trapezius", "Middle trapezius", Layer::Superficial),
                muscle("rhomboid_major", "Rhomboid major", Layer::Deep),
            ],
            views: vec![View {
                id: ViewId::new("posterior"),
                name: "Posterior".into(),
                facing: Facing::Posterior,
                outline: vec![rect(-200.0, 200.0, 200.0, 700.0)],
                contours: vec![],
                muscles: vec![
                    region(
                        "rhomboid_major",
                        Side::Right,
                        rect(10.0, 350.0, 80.0, 450.0),
                    ),
                    region(
                        "rhomboid_major",
                        Side::Left,
                        rect(-80.0, 350.0, -10.0, 450.0),
                    ),
                    region(
                        "middle_trapezius",
                        Side::Right,
                        rect(0.0, 300.0, 150.0, 420.0),
                    ),
                    region(
                        "middle_trapezius",
                        Side::Left,
                        rect(-150.0, 300.0, 0.0, 420.0),
                    ),
                ],
            }],
            region_sets: vec![RegionSet {
                id: "wpi".into(),
                name: "Widespread Pain Index".into(),
                regions: vec![SurfaceRegion {
                    id: "upper_back".into(),
                    name: "Upper back".into(),
                    side: Side::Midline,
                    view: ViewId::new("posterior"),
                    shape: rect(-150.0, 250.0, 150.0, 500.0),
                }],
            }],
            safety_zones: vec![SafetyZone {
                id: "lung_pleura".into(),
                name: "Lung and pleura".into(),
                guidance: "Pincer grip, needle away from the lung.".into(),
                max_depth_mm: Some(19.0),
                thorax: true,
                areas: vec![SafetyArea {
                    view: ViewId::new("posterior"),
                    side: Side::Right,
                    shape: rect(20.0, 330.0, 140.0, 600.0),
                }],
            }],
        }
    }

    #[test]
    fn fixture_is_valid_and_round_trips_through_ron() {
        let map = fixture();
        assert_eq!(map.problems(), Vec::<String>::new());
        let text = crate::storage::encode(&map).expect("encodes");
        let again: BodyMap = crate::storage::decode(&text).expect("decodes");
        assert_eq!(again, map);
    }

    #[test]
    fn muscles_at_a_point_come_superficial_first_with_the_patients_side() {
        let map = fixture();
        let index = map.index();
        let view = &index[&ViewId::new("posterior")];
        // On the posterior view the patient's right is on the viewer's right (+x).
        let hits = view.muscles_at(MapPoint::new(40.0, 400.0));
        let names: Vec<(&str, Side)> = hits.iter().map(|h| (h.muscle.as_str(), h.side)).collect();
        assert_eq!(
            names,
            vec![
                ("middle_trapezius", Side::Right),
                ("rhomboid_major", Side::Right)
            ]
        );
        assert_eq!(
            view.muscles_at(MapPoint::new(-40.0, 440.0))[0].muscle,
            "rhomboid_major"
        );
        assert_eq!(
            view.muscles_at(MapPoint::new(-40.0, 440.0))[0].side,
            Side::Left
        );
        assert!(view.muscles_at(MapPoint::new(0.0, 650.0)).is_empty());
        assert_eq!(
            view.region_at("wpi", MapPoint::new(0.0, 300.0)),
            Some("upper_back")
        );
        assert_eq!(view.region_at("wpi", MapPoint::new(0.0, 600.0)), None);
    }

    #[test]
    fn nearest_muscle_within_tolerance() {
        let map = fixture();
        let index = map.index();
        let view = &index[&ViewId::new("posterior")];
        let near = view
            .nearest_muscle(MapPoint::new(155.0, 350.0), 10.0, None)
            .expect("5 mm from the trapezius");
        assert_eq!(near.muscle, "middle_trapezius");
        assert!((near.distance - 5.0).abs() < 1e-3);
        assert!(
            view.nearest_muscle(MapPoint::new(190.0, 650.0), 10.0, None)
                .is_none()
        );
        let deep = view
            .nearest_muscle(MapPoint::new(40.0, 400.0), 1.0, Some(Layer::Deep))
            .expect("the deep layer only");
        assert_eq!(deep.muscle, "rhomboid_major");
    }

    #[test]
    fn problems_name_what_is_wrong() {
        let mut map = fixture();
        let view = &mut map.views[0];
        view.muscles[0].muscle = "rhomboid_majr".into();
        view.muscles[1].side = Side::Right; // drawn on the viewer's left of a posterior view
        view.muscles[2].shape.closed = false;
        view.muscles.push(MuscleRegion {
            muscle: "middle_trapezius".into(),
            side: Side::Midline,
            shape: rect(-10.0, 100.0, 10.0, 300.0),
            part: 0,
        });
        map.muscles.push(map.muscles[0].clone());
        map.muscles.push(MuscleDef {
            id: "Bad Id".into(),
            name: "x".into(),
            layer: Layer::Deep,
            group: "x".into(),
            note: String::new(),
        });
        let problems = map.problems().join("\n");
        for expected in [
            "muscle middle_trapezius is defined twice",
            "\"Bad Id\" is not snake_case",
            "rhomboid_majr (right): unknown muscle id",
            "rhomboid_major (right): drawn on the patient's other side",
            "middle_trapezius (right): the outline is not closed",
            "middle_trapezius (midline): reaches outside the silhouette",
        ] {
            assert!(
                problems.contains(expected),
                "missing {expected:?} in\n{problems}"
            );
        }
    }

    #[test]
    fn check_validates_body_map_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        let maps = dir.path().join("body_maps");
        std::fs::create_dir(&maps).expect("folder");
        let good = maps.join("fixture.ron");
        std::fs::write(&good, crate::storage::encode(&fixture()).expect("encodes")).expect("write");
        let report = crate::check::check_paths(std::slice::from_ref(&good));
        assert!(report.is_ok(), "{:?}", report.problems);

        let mut bad = fixture();
        bad.views[0].muscles[0].muscle = "rhomboid_majr".into();
        let bad_path = maps.join("bad.ron");
        std::fs::write(&bad_path, crate::storage::encode(&bad).expect("encodes")).expect("write");
        let report = crate::check::check_paths(&[maps]);
        assert_eq!(report.files_checked, 2);
        assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
        let problem = &report.problems[0];
        assert!(problem.message.contains("unknown muscle id"));
        let text = std::fs::read_to_string(&bad_path).expect("read");
        let line = text.lines().nth(problem.line - 1).expect("line exists");
        assert!(
            line.contains("rhomboid_majr"),
            "points at the bad id: {line}"
        );
    }

    #[test]
    fn facing_names_sides_as_clinicians_do() {
        assert_eq!(Facing::Anterior.side_at(-50.0), Some(Side::Right));
        assert_eq!(Facing::Anterior.side_at(50.0), Some(Side::Left));
        assert_eq!(Facing::Posterior.side_at(50.0), Some(Side::Right));
        assert_eq!(Facing::Anterior.edge_letters(), ("R", "L"));
        assert_eq!(Facing::Posterior.edge_letters(), ("L", "R"));
    }
}
