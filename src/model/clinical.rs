//! Small clinical vocabularies (see `clinical.md`), each with the words shown to clinicians.

use serde::{Deserialize, Serialize};

/// The patient's side. Always the patient's own side, never the viewer's.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Side {
    Left,
    Right,
    /// On the midline (e.g. a spinous process, the abdomen's linea alba).
    Midline,
    #[default]
    Unspecified,
}

impl Side {
    pub const ALL: [Self; 4] = [Self::Left, Self::Right, Self::Midline, Self::Unspecified];

    pub fn label(self) -> &'static str {
        match self {
            Self::Left => "left",
            Self::Right => "right",
            Self::Midline => "midline",
            Self::Unspecified => "side not set",
        }
    }

    /// The other side of a paired structure; midline and unspecified stay as they are.
    pub fn opposite(self) -> Self {
        match self {
            Self::Left => Self::Right,
            Self::Right => Self::Left,
            other => other,
        }
    }
}

/// Active trigger points reproduce the patient's familiar pain; latent ones are tender only.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TriggerPointStatus {
    #[default]
    Active,
    Latent,
}

impl TriggerPointStatus {
    pub fn label(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Latent => "latent",
        }
    }
}

/// An examination finding: present, absent, or not examined. "Not tested" is not "absent".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Finding {
    #[default]
    NotTested,
    Present,
    Absent,
}

impl Finding {
    pub const ALL: [Self; 3] = [Self::NotTested, Self::Present, Self::Absent];

    pub fn label(self) -> &'static str {
        match self {
            Self::NotTested => "not tested",
            Self::Present => "present",
            Self::Absent => "absent",
        }
    }
}

/// Quality of a referred-pain zone; drawn as a colour and a pattern.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PainQuality {
    #[default]
    Aching,
    Burning,
    /// Tingling, pins and needles.
    Tingling,
    Numbness,
    Stabbing,
    Throbbing,
    Other,
}

impl PainQuality {
    pub const ALL: [Self; 7] = [
        Self::Aching,
        Self::Burning,
        Self::Tingling,
        Self::Numbness,
        Self::Stabbing,
        Self::Throbbing,
        Self::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Aching => "aching",
            Self::Burning => "burning",
            Self::Tingling => "tingling / pins and needles",
            Self::Numbness => "numbness",
            Self::Stabbing => "stabbing",
            Self::Throbbing => "throbbing",
            Self::Other => "other",
        }
    }
}

/// Whether pain is felt near the surface or deep.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TissueDepth {
    Superficial,
    #[default]
    Deep,
}

impl TissueDepth {
    pub fn label(self) -> &'static str {
        match self {
            Self::Superficial => "superficial",
            Self::Deep => "deep",
        }
    }
}

/// How the muscle was held while needling.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Palpation {
    #[default]
    Flat,
    Pincer,
    /// Fingers either side of a rib, needle directed onto it: over the thorax.
    RibBracketing,
}

impl Palpation {
    pub const ALL: [Self; 3] = [Self::Flat, Self::Pincer, Self::RibBracketing];

    pub fn label(self) -> &'static str {
        match self {
            Self::Flat => "flat palpation",
            Self::Pincer => "pincer grip",
            Self::RibBracketing => "rib bracketing",
        }
    }
}

/// Needling technique.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NeedleTechnique {
    /// Fast-in/fast-out until local twitch responses stop.
    #[default]
    Pistoning,
    Static,
    Winding,
    Superficial,
}

impl NeedleTechnique {
    pub const ALL: [Self; 4] = [
        Self::Pistoning,
        Self::Static,
        Self::Winding,
        Self::Superficial,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Pistoning => "fast-in/fast-out (pistoning)",
            Self::Static => "static retention",
            Self::Winding => "winding",
            Self::Superficial => "superficial dry needling",
        }
    }
}

/// The patient's position during treatment: it changes safety margins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PatientPosition {
    Prone,
    Supine,
    SideLyingLeft,
    SideLyingRight,
    Sitting,
}

impl PatientPosition {
    pub const ALL: [Self; 5] = [
        Self::Prone,
        Self::Supine,
        Self::SideLyingLeft,
        Self::SideLyingRight,
        Self::Sitting,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Prone => "prone",
            Self::Supine => "supine",
            Self::SideLyingLeft => "side-lying on the left",
            Self::SideLyingRight => "side-lying on the right",
            Self::Sitting => "sitting",
        }
    }
}
