//! The body map's colours for the light and dark themes: a clean line illustration, skin in
//! a warm neutral, muscles faintly tinted (superficial warm, deep cool), bone contours fine.
//! Shared by the canvas and by export, so both look the same.

use super::Role;
use crate::bodymap::{ContourKind, Layer};

/// Straight (not premultiplied) sRGB with alpha.
pub type Rgba = [u8; 4];

/// Colours and line widths of a body-map scene for one theme.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapColors {
    pub background: Rgba,
    pub skin: Rgba,
    pub skin_edge: Rgba,
    pub superficial_fill: Rgba,
    pub superficial_edge: Rgba,
    pub deep_fill: Rgba,
    pub deep_edge: Rgba,
    pub hidden_edge: Rgba,
    pub bone: Rgba,
    pub feature: Rgba,
    pub muscle_border: Rgba,
    pub highlight_fill: Rgba,
    pub highlight_edge: Rgba,
    pub label: Rgba,
    pub label_halo: Rgba,
    pub side_letter: Rgba,
    /// Needling safety zones: a warning tint and its edge.
    pub safety_fill: Rgba,
    pub safety_edge: Rgba,
}

impl MapColors {
    pub const LIGHT: Self = Self {
        background: [0xfb, 0xfa, 0xf8, 0xff],
        skin: [0xf6, 0xe7, 0xda, 0xff],
        skin_edge: [0x6b, 0x4f, 0x3a, 0xff],
        superficial_fill: [0xd0, 0x7a, 0x6a, 0x2c],
        superficial_edge: [0xb4, 0x6a, 0x5c, 0xb0],
        deep_fill: [0x4f, 0x78, 0xc8, 0x30],
        deep_edge: [0x3d, 0x64, 0xb0, 0xc0],
        hidden_edge: [0x9a, 0x80, 0x70, 0x50],
        bone: [0x8a, 0x72, 0x60, 0xc0],
        feature: [0x8a, 0x72, 0x60, 0x90],
        muscle_border: [0xa0, 0x6a, 0x5a, 0x90],
        highlight_fill: [0xe0, 0x8a, 0x1e, 0x60],
        highlight_edge: [0xb8, 0x5c, 0x00, 0xff],
        label: [0x3a, 0x2c, 0x24, 0xff],
        label_halo: [0xf6, 0xe7, 0xda, 0xd0],
        side_letter: [0x5a, 0x5a, 0x66, 0xff],
        safety_fill: [0xe0, 0x6a, 0x00, 0x2a],
        safety_edge: [0xb8, 0x4a, 0x00, 0xd0],
    };

    pub const DARK: Self = Self {
        background: [0x1b, 0x1d, 0x21, 0xff],
        skin: [0x3a, 0x33, 0x30, 0xff],
        skin_edge: [0xd8, 0xc2, 0xb0, 0xff],
        superficial_fill: [0xe0, 0x8a, 0x78, 0x30],
        superficial_edge: [0xe8, 0x9a, 0x88, 0xa0],
        deep_fill: [0x7a, 0xa4, 0xf0, 0x34],
        deep_edge: [0x8c, 0xb4, 0xff, 0xc0],
        hidden_edge: [0xc0, 0xa8, 0x98, 0x40],
        bone: [0xc8, 0xb4, 0xa4, 0xb0],
        feature: [0xc8, 0xb4, 0xa4, 0x80],
        muscle_border: [0xd8, 0x9a, 0x88, 0x80],
        highlight_fill: [0xf2, 0xb2, 0x4c, 0x60],
        highlight_edge: [0xf2, 0xb2, 0x4c, 0xff],
        label: [0xf0, 0xe6, 0xde, 0xff],
        label_halo: [0x3a, 0x33, 0x30, 0xd0],
        side_letter: [0xb8, 0xb8, 0xc4, 0xff],
        safety_fill: [0xf2, 0x90, 0x30, 0x30],
        safety_edge: [0xf2, 0xa0, 0x4c, 0xd0],
    };

    /// The colour of a role.
    pub fn of(&self, role: Role) -> Rgba {
        match role {
            Role::Skin => self.skin,
            Role::SkinEdge => self.skin_edge,
            Role::MuscleFill(Layer::Superficial) => self.superficial_fill,
            Role::MuscleFill(Layer::Deep) => self.deep_fill,
            Role::MuscleEdge(Layer::Superficial) => self.superficial_edge,
            Role::MuscleEdge(Layer::Deep) => self.deep_edge,
            Role::HiddenMuscleEdge => self.hidden_edge,
            Role::Contour(ContourKind::Bone) => self.bone,
            Role::Contour(ContourKind::Feature) => self.feature,
            Role::Contour(ContourKind::MuscleBorder) => self.muscle_border,
            Role::SafetyFill => self.safety_fill,
            Role::SafetyEdge => self.safety_edge,
            Role::Tint(colour) => colour,
        }
    }

    /// Line width in screen pixels at a zoom of one pixel per millimetre; lines thicken
    /// gently with zoom so the drawing stays a fine line illustration.
    pub fn line_width(role: Role, pixels_per_mm: f32) -> f32 {
        let base = match role {
            Role::SkinEdge => 1.6,
            Role::MuscleEdge(_) => 0.8,
            Role::HiddenMuscleEdge => 0.6,
            Role::Contour(ContourKind::Bone) => 1.0,
            Role::Contour(_) => 0.8,
            Role::SafetyEdge => 1.2,
            Role::Skin | Role::MuscleFill(_) | Role::SafetyFill | Role::Tint(_) => 0.0,
        };
        base * pixels_per_mm.sqrt().clamp(0.6, 2.5)
    }
}

/// How a pain quality is drawn: a colour **and** a pattern, so zones stay distinguishable in
/// greyscale print and for colour-blind readers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pattern {
    Solid,
    /// Diagonal lines, rising to the right.
    Hatch,
    Dots,
    /// Diagonal lines both ways.
    Cross,
    Horizontal,
    Vertical,
    Checker,
}

impl Pattern {
    /// Whether the texel at (x, y) of a pattern with `period` texels carries the pattern.
    pub fn marks(self, x: usize, y: usize, period: usize) -> bool {
        let period = period.max(2);
        match self {
            Self::Solid => false,
            Self::Hatch => (x + y).is_multiple_of(period),
            Self::Dots => x.is_multiple_of(period) && y.is_multiple_of(period),
            Self::Cross => (x + y).is_multiple_of(period) || x % period == y % period,
            Self::Horizontal => y.is_multiple_of(period),
            Self::Vertical => x.is_multiple_of(period),
            Self::Checker => (x / period + y / period).is_multiple_of(2),
        }
    }
}

/// The colour and pattern of each pain quality (the same in both themes: zones are drawn
/// over the skin, which is light or dark, with transparency).
pub fn quality_style(quality: crate::model::PainQuality) -> (Rgba, Pattern) {
    use crate::model::PainQuality;
    match quality {
        PainQuality::Aching => ([0xc2, 0x3b, 0x8a, 0xff], Pattern::Solid),
        PainQuality::Burning => ([0xe0, 0x4a, 0x14, 0xff], Pattern::Hatch),
        PainQuality::Tingling => ([0x7a, 0x3f, 0xc8, 0xff], Pattern::Dots),
        PainQuality::Numbness => ([0x3a, 0x6e, 0xa8, 0xff], Pattern::Cross),
        PainQuality::Stabbing => ([0xb0, 0x10, 0x28, 0xff], Pattern::Horizontal),
        PainQuality::Throbbing => ([0xd0, 0x8a, 0x00, 0xff], Pattern::Vertical),
        PainQuality::Other => ([0x1e, 0x8a, 0x80, 0xff], Pattern::Checker),
    }
}
