//! Semantic colours for light and dark themes. Widgets ask for a meaning ("error", "active
//! trigger point"), never for a colour literal.

use egui::Color32;

use crate::scene::MarkColors;

/// Adds DejaVu Sans (from `assets/fonts`) after egui's own fonts, so symbols egui's font lacks
/// (arrows, ⌀, ±, …) are drawn instead of missing.
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
    };

    /// The mark colours of the theme `ctx` is showing (shared with export).
    pub fn marks(ctx: &egui::Context) -> MarkColors {
        match ctx.theme() {
            egui::Theme::Dark => MarkColors::DARK,
            egui::Theme::Light => MarkColors::LIGHT,
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
