//! The charting tools, each with its label, tooltip and keyboard shortcut, the settings new
//! marks take (brush size, intensity, quality, needle size), and the tool state between
//! frames. View state: never saved in the session.

use egui::Key;

use crate::geometry::MapPoint;
use crate::model::{MarkRef, NeedleSpec, NeedleTechnique, PainQuality, TissueDepth};

/// The tool in use, what new marks are made with, the selection and the drag in progress.
#[derive(Clone, Debug, Default)]
pub struct ToolState {
    /// The charting tool in use.
    pub tool: Tool,
    pub settings: ToolSettings,
    /// The selected marks (on any view).
    pub selection: Vec<MarkRef>,
    pub(crate) gesture: Option<ToolGesture>,
}

/// A drag in progress with a tool.
#[derive(Clone, Debug, PartialEq)]
pub enum ToolGesture {
    /// Brush, eraser or lasso: the points so far (mm).
    Stroke(Vec<MapPoint>),
    /// An arrow from here to the pointer.
    Arrow(MapPoint),
    /// Moving the selection; the total delta so far (mm).
    Move,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Tool {
    /// Select, move and delete marks; drag on empty space pans.
    #[default]
    Select,
    TriggerPoint,
    Brush,
    Eraser,
    Lasso,
    Needle,
    Arrow,
    Note,
}

impl Tool {
    pub const ALL: [Self; 8] = [
        Self::Select,
        Self::TriggerPoint,
        Self::Brush,
        Self::Eraser,
        Self::Lasso,
        Self::Needle,
        Self::Arrow,
        Self::Note,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Select => "Select",
            Self::TriggerPoint => "Trigger point",
            Self::Brush => "Pain brush",
            Self::Eraser => "Eraser",
            Self::Lasso => "Lasso fill",
            Self::Needle => "Needle",
            Self::Arrow => "Arrow",
            Self::Note => "Note",
        }
    }

    pub fn tooltip(self) -> &'static str {
        match self {
            Self::Select => {
                "Click a mark to select it (Shift adds to the selection), drag to move, Delete removes"
            }
            Self::TriggerPoint => {
                "Click on a muscle to chart a trigger point; muscle and side come from the map"
            }
            Self::Brush => {
                "Paint referred pain; a stroke adds to the selected zone or starts a new one"
            }
            Self::Eraser => "Erase painted pain under the stroke",
            Self::Lasso => "Draw round an area to fill it with referred pain",
            Self::Needle => "Click where a needle went in; muscle and side come from the map",
            Self::Arrow => "Drag from where pain starts to where it radiates",
            Self::Note => "Click to place a text note",
        }
    }

    /// The key that picks the tool while the canvas, not a text field, has the keyboard.
    pub fn key(self) -> Key {
        match self {
            Self::Select => Key::V,
            Self::TriggerPoint => Key::T,
            Self::Brush => Key::B,
            Self::Eraser => Key::E,
            Self::Lasso => Key::L,
            Self::Needle => Key::N,
            Self::Arrow => Key::A,
            Self::Note => Key::X,
        }
    }

    /// Whether a primary drag with this tool draws (instead of panning).
    pub fn draws(self) -> bool {
        matches!(self, Self::Brush | Self::Eraser | Self::Lasso | Self::Arrow)
    }
}

/// What new marks are made with.
#[derive(Clone, Debug, PartialEq)]
pub struct ToolSettings {
    /// Brush and eraser radius, mm on the body.
    pub brush_radius: f32,
    pub intensity: u8,
    pub quality: PainQuality,
    pub depth: TissueDepth,
    /// The needle new sites are charted with: the last one the clinician chose.
    pub needle: NeedleSpec,
    /// The technique new sites are charted with: the last one the clinician chose.
    pub technique: NeedleTechnique,
}

impl Default for ToolSettings {
    fn default() -> Self {
        Self {
            brush_radius: 12.0,
            intensity: 5,
            quality: PainQuality::Aching,
            depth: TissueDepth::Deep,
            needle: NeedleSpec::new(0.25, 40.0),
            technique: NeedleTechnique::Pistoning,
        }
    }
}
