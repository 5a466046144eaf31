//! Semantic colours for light and dark themes. Widgets ask for a meaning ("error", "active
//! trigger point"), never for a colour literal.

use egui::Color32;

use crate::progress::ChangeLabel;
use crate::scene::MarkColors;

/// Adds DejaVu Sans (from `assets/fonts`) after egui's own fonts, so symbols egui's font lacks
/// (arrows, ⌀, ±, …) are drawn instead of missing; then, for a character neither has, the
/// system font `crate::text` chose for it (the same face the charts and PDFs use), found
/// when egui first lays such a character out: nothing is scanned at start-up, and a
/// library of Latin names never scans at all.
///
/// egui 0.37 shapes each run of one font with HarfRust, so Arabic letters join and a run of
/// only Arabic reads right to left, but it does no bidirectional reordering (UAX #9) across
/// runs: in a line mixing directions the runs stand left to right in the order they were
/// typed. Charts and PDFs reorder (see `crate::text`); the app does not fake it.
pub fn install_fallback_font(ctx: &egui::Context) {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    ctx.add_font(FontInsert::new(
        "DejaVuSans",
        egui::FontData::from_static(crate::render::FONT),
        vec![
            InsertFontFamily {
                family: egui::FontFamily::Proportional,
                priority: FontPriority::Lowest,
            },
            InsertFontFamily {
                family: egui::FontFamily::Monospace,
                priority: FontPriority::Lowest,
            },
        ],
    ));
    // The in-app file dialog's icons (see `assets/fonts/dialog-icons/README.md`).
    for (name, bytes) in DIALOG_ICONS {
        ctx.add_font(FontInsert::new(
            name,
            egui::FontData::from_static(bytes),
            vec![InsertFontFamily {
                family: egui::FontFamily::Proportional,
                priority: FontPriority::Lowest,
            }],
        ));
    }
    ctx.add_font_provider(std::sync::Arc::new(system_font_for));
    // The toolbars' icons, after every text font so they never shadow a letter.
    egui_material_icons::initialize(ctx);
}

/// The five pictographs egui_file marks folders, files and its titles with, cut from the
/// Noto fonts (OFL 1.1): a few hundred bytes each instead of tofu on a desktop without an
/// emoji font.
const DIALOG_ICONS: [(&str, &[u8]); 2] = [
    (
        "NotoEmoji-dialog-icons",
        include_bytes!("../../../assets/fonts/dialog-icons/NotoEmoji-dialog-icons.ttf"),
    ),
    (
        "NotoSansSymbols2-dialog-icons",
        include_bytes!("../../../assets/fonts/dialog-icons/NotoSansSymbols2-dialog-icons.ttf"),
    ),
];

/// egui's question "which font draws this cluster?" for a character none of its fonts has,
/// answered with the face `crate::text` chose (its bytes are kept for the process, so egui
/// borrows them without a copy). The face goes after the fonts already installed.
fn system_font_for(request: &egui::FallbackRequest<'_>) -> Option<egui::FontInsert> {
    let c = request.cluster.chars().next()?;
    let fonts = crate::text::fonts()?;
    let face = fonts.face_for(c).filter(|i| *i > 0)?;
    let face = fonts.face(face)?;
    let (bytes, index) = face.file();
    let mut data = egui::FontData::from_static(bytes);
    data.index = index;
    log::info!("the app draws {:?} with {}", request.cluster, face.family);
    Some(egui::FontInsert::new(&face.key, data, Vec::new()))
}

/// The note for `texts` (the patient list's names) when some script in them has no font on
/// this system; `None` when every script has one. Looks at the system's fonts only for
/// characters DejaVu Sans lacks.
pub fn missing_font_note<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let fonts = crate::text::fonts()?;
    let mut missing = std::collections::BTreeSet::new();
    for text in texts {
        missing.extend(fonts.missing_scripts(text));
    }
    crate::text::missing_note(missing)
}

/// Colours with a clinical or status meaning, for one theme.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    pub info: Color32,
    pub success: Color32,
    pub warning: Color32,
    pub error: Color32,
    pub trigger_active: Color32,
    pub trigger_latent: Color32,
    pub needle: Color32,
    pub zone: Color32,
    pub muted_text: Color32,
    /// A goal (target value) of an outcome measure.
    pub goal: Color32,
    /// The shaded band of measurement error around a measure's baseline.
    pub measurement_error: Color32,
}

/// An opaque egui colour of a scene colour.
const fn rgb(c: crate::scene::Rgba) -> Color32 {
    Color32::from_rgb(c[0], c[1], c[2])
}

impl Palette {
    pub const LIGHT: Self = Self {
        info: Color32::from_rgb(0x1f, 0x5f, 0xa8),
        success: Color32::from_rgb(0x1e, 0x7a, 0x46),
        warning: Color32::from_rgb(0xa3, 0x5c, 0x00),
        error: Color32::from_rgb(0xb0, 0x1e, 0x2d),
        trigger_active: rgb(MarkColors::LIGHT.trigger_active),
        trigger_latent: rgb(MarkColors::LIGHT.trigger_latent),
        needle: rgb(MarkColors::LIGHT.needle),
        zone: rgb(MarkColors::LIGHT.zone),
        muted_text: Color32::from_gray(0x60),
        goal: Color32::from_rgb(0x7b, 0x3f, 0xa0),
        measurement_error: Color32::from_rgba_unmultiplied_const(0x40, 0x50, 0x70, 0x38),
    };

    pub const DARK: Self = Self {
        info: Color32::from_rgb(0x7a, 0xb4, 0xf0),
        success: Color32::from_rgb(0x6f, 0xcf, 0x97),
        warning: Color32::from_rgb(0xf2, 0xb2, 0x4c),
        error: Color32::from_rgb(0xff, 0x7b, 0x82),
        trigger_active: rgb(MarkColors::DARK.trigger_active),
        trigger_latent: rgb(MarkColors::DARK.trigger_latent),
        needle: rgb(MarkColors::DARK.needle),
        zone: rgb(MarkColors::DARK.zone),
        muted_text: Color32::from_gray(0xa0),
        goal: Color32::from_rgb(0xc3, 0x9b, 0xe0),
        measurement_error: Color32::from_rgba_unmultiplied_const(0xb0, 0xc0, 0xe0, 0x30),
    };

    /// The mark colours of the theme `ctx` is showing (shared with export).
    pub fn marks(ctx: &egui::Context) -> MarkColors {
        match ctx.theme() {
            egui::Theme::Dark => MarkColors::DARK,
            egui::Theme::Light => MarkColors::LIGHT,
        }
    }

    /// The colour of a change of an outcome measure: green only for a change that reaches
    /// the MCID, blue for one beyond measurement error below it, grey within measurement
    /// error (never shown as progress), red for worse.
    pub fn change(&self, label: ChangeLabel) -> Color32 {
        match label {
            ChangeLabel::ExceedsMcid => self.success,
            ChangeLabel::ImprovedBelowMcid | ChangeLabel::Improved => self.info,
            ChangeLabel::WithinMeasurementError => self.muted_text,
            ChangeLabel::Worse => self.error,
        }
    }

    /// The palette of the theme `ctx` is showing.
    pub fn of(ctx: &egui::Context) -> Self {
        match ctx.theme() {
            egui::Theme::Dark => Self::DARK,
            egui::Theme::Light => Self::LIGHT,
        }
    }
}
