//! The marks a clinician charts on a view: trigger points, referred-pain zones, needle sites,
//! radiation arrows and text notes. Every mark names its view; positions are body-map mm.

use serde::{Deserialize, Serialize};

use super::{
    Finding, MarkId, NeedleTechnique, PainQuality, Palpation, PatientPosition, SafetyWarning, Side,
    TissueDepth, TriggerPointStatus,
};
use crate::geometry::{MapPoint, ViewId};

/// A muscle of the body map, by its stable snake_case id (e.g. `upper_trapezius`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MuscleRef(pub String);

impl MuscleRef {
    pub fn new(id: impl Into<String>) -> Self {
        Self(id.into())
    }

    /// A readable name when the body map is not at hand: `upper_trapezius` → "upper trapezius".
    pub fn fallback_name(&self) -> String {
        self.0.replace('_', " ")
    }
}

/// A myofascial trigger point found on examination.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TriggerPoint {
    pub id: MarkId,
    pub view: ViewId,
    #[serde(deserialize_with = "super::ranges::point")]
    pub at: MapPoint,
    pub muscle: Option<MuscleRef>,
    pub side: Side,
    pub status: TriggerPointStatus,
    pub taut_band: Finding,
    pub spot_tenderness: Finding,
    pub local_twitch_response: Finding,
    pub recognised_referral: Finding,
    /// Pressure-pain threshold in kg/cm² (algometer).
    #[serde(deserialize_with = "super::ranges::pressure_pain_threshold")]
    pub pressure_pain_threshold: Option<f32>,
    pub notes: String,
    /// Copied from the previous visit and not yet confirmed or edited in this one.
    #[serde(default)]
    pub carried_forward: bool,
}

/// One painting operation of a referred-pain zone, replayed in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum PaintOp {
    /// A brush stroke: discs of `radius` mm swept along `points`.
    Brush {
        #[serde(deserialize_with = "super::ranges::brush_radius")]
        radius: f32,
        #[serde(deserialize_with = "super::ranges::points")]
        points: Vec<MapPoint>,
    },
    /// An eraser stroke, removing paint under it.
    Erase {
        #[serde(deserialize_with = "super::ranges::brush_radius")]
        radius: f32,
        #[serde(deserialize_with = "super::ranges::points")]
        points: Vec<MapPoint>,
    },
    /// A lasso: the closed polygon through `points` is filled.
    Fill {
        #[serde(deserialize_with = "super::ranges::points")]
        points: Vec<MapPoint>,
    },
}

impl PaintOp {
    pub fn points(&self) -> &[MapPoint] {
        match self {
            Self::Brush { points, .. } | Self::Erase { points, .. } | Self::Fill { points } => {
                points
            }
        }
    }
}

/// A painted area of referred pain, with one intensity and quality.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferredZone {
    pub id: MarkId,
    pub view: ViewId,
    /// Pain intensity, 0–10.
    #[serde(deserialize_with = "super::ranges::zone_intensity")]
    pub intensity: u8,
    pub quality: PainQuality,
    pub depth: TissueDepth,
    /// The trigger point this pain is referred from, when known.
    pub source: Option<MarkId>,
    pub paint: Vec<PaintOp>,
    pub notes: String,
    #[serde(default)]
    pub carried_forward: bool,
}

/// Needle size: diameter × length in millimetres, e.g. 0.25 × 40 mm.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct NeedleSpec {
    #[serde(deserialize_with = "super::ranges::needle_diameter")]
    pub diameter_mm: f32,
    #[serde(deserialize_with = "super::ranges::needle_length")]
    pub length_mm: f32,
}

impl NeedleSpec {
    /// Sizes stocked by most clinics (diameter × length, mm).
    pub const COMMON: [Self; 8] = [
        Self::new(0.16, 15.0),
        Self::new(0.20, 25.0),
        Self::new(0.25, 25.0),
        Self::new(0.25, 30.0),
        Self::new(0.25, 40.0),
        Self::new(0.30, 50.0),
        Self::new(0.30, 60.0),
        Self::new(0.30, 75.0),
    ];

    pub const fn new(diameter_mm: f32, length_mm: f32) -> Self {
        Self {
            diameter_mm,
            length_mm,
        }
    }

    pub fn label(self) -> String {
        format!("{:.2} × {} mm", self.diameter_mm, self.length_mm)
    }
}

/// Electrical stimulation applied through the needle.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ElectricalStimulation {
    #[serde(deserialize_with = "super::ranges::stimulation_frequency")]
    pub frequency_hz: f32,
    /// Usually "to patient tolerance"; free text so a device's own units can be kept.
    pub intensity: String,
    #[serde(deserialize_with = "super::ranges::stimulation_duration")]
    pub duration_min: f32,
}

/// One needle insertion.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NeedleSite {
    pub id: MarkId,
    pub view: ViewId,
    #[serde(deserialize_with = "super::ranges::point")]
    pub at: MapPoint,
    pub muscle: Option<MuscleRef>,
    pub side: Side,
    pub needle: NeedleSpec,
    /// Approximate depth reached, mm.
    #[serde(deserialize_with = "super::ranges::depth")]
    pub depth_mm: Option<f32>,
    /// Direction of insertion, e.g. "perpendicular", "oblique, cranial", "towards the rib".
    pub direction: String,
    pub palpation: Palpation,
    pub technique: NeedleTechnique,
    /// Local twitch responses elicited.
    #[serde(deserialize_with = "super::ranges::twitch_count")]
    pub twitch_count: Option<u32>,
    /// Time the needle stayed in, minutes (static and e-stim techniques).
    #[serde(deserialize_with = "super::ranges::retention")]
    pub retention_min: Option<f32>,
    pub electrical_stimulation: Option<ElectricalStimulation>,
    /// Immediate change: pain, range of motion, pressure-pain threshold, tolerance.
    pub immediate_response: String,
    /// Position for this insertion when it differs from the session's.
    pub patient_position: Option<PatientPosition>,
    /// The trigger point this needle treated, when charted.
    pub trigger_point: Option<MarkId>,
    pub notes: String,
    /// Safety-zone warnings raised for this site, and whether the clinician acknowledged them.
    #[serde(default)]
    pub warnings: Vec<SafetyWarning>,
}

/// An arrow showing pain radiating from one place to another.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Arrow {
    pub id: MarkId,
    pub view: ViewId,
    #[serde(deserialize_with = "super::ranges::from")]
    pub from: MapPoint,
    #[serde(deserialize_with = "super::ranges::to")]
    pub to: MapPoint,
    pub label: String,
}

/// A free text label placed on a view.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextNote {
    pub id: MarkId,
    pub view: ViewId,
    #[serde(deserialize_with = "super::ranges::point")]
    pub at: MapPoint,
    pub text: String,
}

/// The kinds of marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MarkKind {
    TriggerPoint,
    ReferredZone,
    NeedleSite,
    Arrow,
    TextNote,
}

impl MarkKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::TriggerPoint => "Trigger point",
            Self::ReferredZone => "Referred-pain zone",
            Self::NeedleSite => "Needle site",
            Self::Arrow => "Radiation arrow",
            Self::TextNote => "Text note",
        }
    }
}

/// Points at one mark of a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MarkRef {
    pub kind: MarkKind,
    pub id: MarkId,
}

impl MarkRef {
    pub const fn new(kind: MarkKind, id: MarkId) -> Self {
        Self { kind, id }
    }
}

fn muscle_phrase(side: Side, muscle: Option<&MuscleRef>) -> String {
    let muscle = muscle.map_or_else(|| "muscle not set".to_owned(), MuscleRef::fallback_name);
    match side {
        Side::Left | Side::Right => format!("{} {muscle}", side.label()),
        Side::Midline | Side::Unspecified => muscle,
    }
}

impl TriggerPoint {
    /// The accessible name, e.g. "Trigger point, right upper trapezius, active".
    pub fn describe(&self) -> String {
        format!(
            "Trigger point, {}, {}",
            muscle_phrase(self.side, self.muscle.as_ref()),
            self.status.label()
        )
    }
}

impl NeedleSite {
    /// The accessible name, e.g. "Needle site, right upper trapezius, 0.25 × 30 mm".
    pub fn describe(&self) -> String {
        format!(
            "Needle site, {}, {}",
            muscle_phrase(self.side, self.muscle.as_ref()),
            self.needle.label()
        )
    }
}

impl ReferredZone {
    /// The accessible name, e.g. "Referred-pain zone, aching, intensity 6".
    pub fn describe(&self) -> String {
        format!(
            "Referred-pain zone, {}, intensity {}",
            self.quality.label(),
            self.intensity
        )
    }
}

impl Arrow {
    pub fn describe(&self) -> String {
        if self.label.is_empty() {
            "Radiation arrow".to_owned()
        } else {
            format!("Radiation arrow, {}", self.label)
        }
    }
}

impl TextNote {
    pub fn describe(&self) -> String {
        format!("Text note, {}", self.text)
    }
}
