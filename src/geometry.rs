//! Body-map coordinates: the only coordinate system stored in files.
//!
//! One unit is 1 mm on the 1,750 mm reference adult of `anatomy.md`, x = 0 on the midline
//! (positive towards the viewer's right), y growing downward from the top of the head.
//! Screen conversion belongs to the canvas transform, never here.

use serde::{Deserialize, Serialize};

/// A point on a body-map view, in millimetres of the reference body. Written in files as
/// the tuple `(x, y)` so that long brush strokes stay readable.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "(f32, f32)", into = "(f32, f32)")]
pub struct MapPoint {
    pub x: f32,
    pub y: f32,
}

impl From<(f32, f32)> for MapPoint {
    fn from((x, y): (f32, f32)) -> Self {
        Self { x, y }
    }
}

impl From<MapPoint> for (f32, f32) {
    fn from(point: MapPoint) -> Self {
        (point.x, point.y)
    }
}

impl MapPoint {
    pub const fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }

    pub fn distance(self, other: Self) -> f32 {
        (self.x - other.x).hypot(self.y - other.y)
    }

    pub fn is_finite(self) -> bool {
        self.x.is_finite() && self.y.is_finite()
    }
}

/// Identifies one view of a body map, e.g. `anterior`, `left_lateral`, `head_posterior`,
/// or a clinic's custom view (`custom/hand_dorsal`).
///
/// A mark belongs to exactly one view and is never shown on another.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ViewId(pub String);

impl ViewId {
    pub fn new(id: impl Into<String>) -> Self {
        Self(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for ViewId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The views of the standard adult body map (see `anatomy.md`).
pub mod views {
    pub const ANTERIOR: &str = "anterior";
    pub const POSTERIOR: &str = "posterior";
    pub const LEFT_LATERAL: &str = "left_lateral";
    pub const RIGHT_LATERAL: &str = "right_lateral";
    pub const HEAD_ANTERIOR: &str = "head_anterior";
    pub const HEAD_POSTERIOR: &str = "head_posterior";
    pub const HEAD_LEFT_LATERAL: &str = "head_left_lateral";
    pub const HEAD_RIGHT_LATERAL: &str = "head_right_lateral";
    pub const FEET_PLANTAR: &str = "feet_plantar";
    pub const HANDS_PALMAR: &str = "hands_palmar";
    pub const HANDS_DORSAL: &str = "hands_dorsal";
    pub const FEET_DORSAL: &str = "feet_dorsal";
    pub const FEET_MEDIAL: &str = "feet_medial";

    /// Every standard view, in the order the view switcher shows them.
    pub const ALL: [&str; 13] = [
        ANTERIOR,
        POSTERIOR,
        LEFT_LATERAL,
        RIGHT_LATERAL,
        HEAD_ANTERIOR,
        HEAD_POSTERIOR,
        HEAD_LEFT_LATERAL,
        HEAD_RIGHT_LATERAL,
        FEET_PLANTAR,
        HANDS_PALMAR,
        HANDS_DORSAL,
        FEET_DORSAL,
        FEET_MEDIAL,
    ];
}
