//! Patient education: the library of typical referral patterns (`body_maps/referral_patterns.ron`)
//! and the explainer cards (`assets/education/explainers.ron`), both embedded; mirroring a
//! pattern to the patient's other side; and the reverse lookup that ranks the muscles whose
//! patterns best match a pain drawing. No egui here.
//!
//! Patterns are typical, never universal: the essential zone is where most patients feel the
//! pain, the spillover zone where some do. The texts say "commonly refers to".

mod rank;

pub use rank::{Candidate, DETAIL_VIEWS, PatternMasks, rank_area, rank_session};

use std::sync::OnceLock;

use serde::Deserialize;

use crate::bodymap::{BodyMap, base_view};
use crate::geometry::{MapPoint, ViewId};
use crate::model::Side;

/// The referral library as shipped.
pub const REFERRAL_LIBRARY_RON: &str = include_str!("../../body_maps/referral_patterns.ron");
/// The explainer cards as shipped.
pub const EXPLAINERS_RON: &str = include_str!("../../assets/education/explainers.ron");

/// A point as the education files write it: `(x: 1.0, y: 2.0)`.
#[derive(Clone, Copy, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Xy {
    x: f32,
    y: f32,
}

impl From<Xy> for MapPoint {
    fn from(p: Xy) -> Self {
        MapPoint::new(p.x, p.y)
    }
}

/// A trigger-point location of a pattern, drawn as an X.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternPoint {
    pub view: ViewId,
    #[serde(deserialize_with = "point")]
    pub at: MapPoint,
}

/// A zone of a pattern on one view: a closed polygon.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternZone {
    pub view: ViewId,
    #[serde(deserialize_with = "points")]
    pub points: Vec<MapPoint>,
}

fn point<'de, D: serde::Deserializer<'de>>(d: D) -> Result<MapPoint, D::Error> {
    Xy::deserialize(d).map(MapPoint::from)
}

fn points<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<MapPoint>, D::Error> {
    Vec::<Xy>::deserialize(d).map(|v| v.into_iter().map(MapPoint::from).collect())
}

/// The typical referral pattern of one muscle.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferralPattern {
    /// A muscle id of the body map.
    pub muscle: String,
    /// The body region it is listed under ("Neck and shoulder", …).
    pub region: String,
    /// One sentence for the patient.
    pub caption: String,
    /// A few plain sentences for the patient.
    pub description: String,
    pub conditions: Vec<String>,
    /// What a clinician looks for (not shown to patients).
    pub clinician_notes: String,
    /// Where the pattern is documented: book and chapter, or a paper (empty in libraries
    /// written before sources were recorded).
    #[serde(default)]
    pub source: String,
    pub trigger_points: Vec<PatternPoint>,
    pub essential: Vec<PatternZone>,
    pub spillover: Vec<PatternZone>,
}

/// The library of referral patterns.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferralLibrary {
    pub format_version: u32,
    /// The body map the patterns are drawn on.
    pub body_map: String,
    /// The patient's side every pattern is drawn for; the other side is its mirror image.
    pub side: Side,
    pub patterns: Vec<ReferralPattern>,
}

/// One explainer card for patients.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    pub id: String,
    pub title: String,
    /// Paragraphs separated by blank lines.
    pub body: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Explainers {
    pub format_version: u32,
    pub cards: Vec<Card>,
}

/// The embedded referral library, parsed once. A test guarantees it parses and validates.
pub fn referral_library() -> &'static ReferralLibrary {
    static LIBRARY: OnceLock<ReferralLibrary> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        ron::from_str(REFERRAL_LIBRARY_RON)
            .expect("the embedded referral library parses (see education tests)")
    })
}

/// The embedded explainer cards, parsed once. A test guarantees they parse.
pub fn explainers() -> &'static Explainers {
    static CARDS: OnceLock<Explainers> = OnceLock::new();
    CARDS.get_or_init(|| {
        ron::from_str(EXPLAINERS_RON).expect("the embedded explainers parse (see education tests)")
    })
}

/// The view showing the same surface on the patient's other side (lateral views swap).
fn mirror_view(view: &str) -> &str {
    match view {
        "left_lateral" => "right_lateral",
        "right_lateral" => "left_lateral",
        other => other,
    }
}

/// A pattern's shapes on one view for one side of the patient.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PatternShapes {
    pub trigger_points: Vec<MapPoint>,
    pub essential: Vec<Vec<MapPoint>>,
    pub spillover: Vec<Vec<MapPoint>>,
}

impl PatternShapes {
    pub fn is_empty(&self) -> bool {
        self.trigger_points.is_empty() && self.essential.is_empty() && self.spillover.is_empty()
    }
}

impl ReferralLibrary {
    pub fn pattern(&self, muscle: &str) -> Option<&ReferralPattern> {
        self.patterns.iter().find(|p| p.muscle == muscle)
    }

    /// `pattern` as it shows on `view` for the patient's `side`: drawn as stored for the
    /// library's side, mirrored (x → −x, left and right lateral views swapped) for the other.
    pub fn shapes(&self, pattern: &ReferralPattern, view: &ViewId, side: Side) -> PatternShapes {
        let mirrored = side != self.side;
        let base = base_view(view.as_str());
        let source = if mirrored { mirror_view(base) } else { base };
        let flip = |p: MapPoint| {
            if mirrored {
                MapPoint::new(-p.x, p.y)
            } else {
                p
            }
        };
        let zones = |zones: &[PatternZone]| {
            zones
                .iter()
                .filter(|z| z.view.as_str() == source)
                .map(|z| z.points.iter().copied().map(flip).collect())
                .collect()
        };
        PatternShapes {
            trigger_points: pattern
                .trigger_points
                .iter()
                .filter(|t| t.view.as_str() == source)
                .map(|t| flip(t.at))
                .collect(),
            essential: zones(&pattern.essential),
            spillover: zones(&pattern.spillover),
        }
    }

    /// Problems that would mislead a patient or break the lookup: unknown muscles or views,
    /// muscles listed twice, zones that are not polygons or leave the body, patterns without
    /// an essential zone or a trigger point, texts that are missing or speak in absolutes.
    pub fn problems(&self, map: &BodyMap) -> Vec<String> {
        use crate::bodymap::FLATTEN_TOLERANCE_MM;
        let mut problems = Vec::new();
        if self.body_map != map.id {
            problems.push(format!(
                "drawn on body map {}, not {}",
                self.body_map, map.id
            ));
        }
        let mut seen = std::collections::HashSet::new();
        for pattern in &self.patterns {
            let what = format!("pattern {}", pattern.muscle);
            if map.muscle(&pattern.muscle).is_none() {
                problems.push(format!("{what}: unknown muscle id"));
            }
            if !seen.insert(pattern.muscle.as_str()) {
                problems.push(format!("{what}: listed twice"));
            }
            for (name, text) in [
                ("caption", &pattern.caption),
                ("description", &pattern.description),
                ("clinician notes", &pattern.clinician_notes),
            ] {
                if text.trim().is_empty() {
                    problems.push(format!("{what}: no {name}"));
                }
            }
            let lower = format!("{} {}", pattern.caption, pattern.description).to_lowercase();
            if !(lower.contains("commonly") || lower.contains("often") || lower.contains("usually"))
            {
                problems.push(format!(
                    "{what}: the patient texts must say the pattern is common, not a rule"
                ));
            }
            if pattern.essential.is_empty() {
                problems.push(format!("{what}: no essential zone"));
            }
            if pattern.trigger_points.is_empty() {
                problems.push(format!("{what}: no trigger point"));
            }
            let on_body = |view: &ViewId, p: MapPoint| {
                map.view(view).is_some_and(|v| {
                    v.outline.iter().any(|outline| {
                        let polygon = outline.flatten(FLATTEN_TOLERANCE_MM);
                        crate::bodymap::path::polygon_contains(&polygon, p)
                            || crate::bodymap::path::distance_to_polygon(&polygon, p) <= 3.0
                    })
                })
            };
            for tp in &pattern.trigger_points {
                if map.view(&tp.view).is_none() {
                    problems.push(format!("{what}: unknown view {}", tp.view));
                } else if !on_body(&tp.view, tp.at) {
                    problems.push(format!("{what}: trigger point off the body on {}", tp.view));
                }
            }
            for (kind, zones) in [
                ("essential", &pattern.essential),
                ("spillover", &pattern.spillover),
            ] {
                for zone in zones {
                    if map.view(&zone.view).is_none() {
                        problems.push(format!("{what}: {kind} zone on unknown view {}", zone.view));
                        continue;
                    }
                    if zone.points.len() < 3 {
                        problems.push(format!(
                            "{what}: {kind} zone on {} is not a polygon",
                            zone.view
                        ));
                    }
                    if zone
                        .points
                        .iter()
                        .any(|p| !p.is_finite() || !on_body(&zone.view, *p))
                    {
                        problems.push(format!(
                            "{what}: {kind} zone on {} reaches off the body",
                            zone.view
                        ));
                    }
                }
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests;
