//! Semantic colours for light and dark themes. Widgets ask for a meaning ("error", "active
//! trigger point"), never for a colour literal.

use egui::Color32;

use crate::scene::MarkColors;

/// Adds DejaVu Sans (from `assets/fonts`) after egui's own fonts, so symbols egui's font lacks
/// (arrows, ⌀, ±, …) are drawn instead of missing; then, on a background thread so the window
/// opens at once, the system's fonts for the scripts DejaVu lacks (see [`SCRIPT_SAMPLES`]),
/// after it. egui 0.37 shapes each run of one font with HarfRust, so Arabic letters join and
/// a run of only Arabic reads right to left, but it does no bidirectional reordering (UAX
/// #9) across runs: in a line mixing directions the runs stand left to right in the order
/// they were typed. Charts and PDFs reorder (see `crate::text`); the app does not fake it.
pub fn install_fallback_font(ctx: &egui::Context) {
    add_font(ctx, "DejaVuSans", crate::render::FONT, 0);
    let ctx = ctx.clone();
    let spawned = std::thread::Builder::new()
        .name("system fonts".to_owned())
        .spawn(move || {
            let start = std::time::Instant::now();
            let Some(fonts) = crate::text::fonts() else {
                return;
            };
            let mut added = Vec::new();
            for sample in SCRIPT_SAMPLES.chars() {
                let Some(face) = fonts.face_for(sample).filter(|i| *i > 0) else {
                    continue;
                };
                if added.contains(&face) {
                    continue;
                }
                if let Some(face) = fonts.face(face) {
                    let (bytes, index) = face.file();
                    add_font(&ctx, &face.key, bytes, index);
                }
                added.push(face);
            }
            log::info!(
                "{} system fonts added to the app in {} ms",
                added.len(),
                start.elapsed().as_millis()
            );
            FALLBACKS_READY.store(true, std::sync::atomic::Ordering::Release);
            ctx.request_repaint();
        });
    if let Err(e) = spawned {
        log::warn!("system fonts not loaded: {e}");
    }
}

/// One letter of each script the app looks for a system font for: Han, Kana, Hangul,
/// Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam,
/// Sinhala, Thai, Lao, Tibetan, Myanmar, Khmer, Ethiopic, Syriac, Thaana. (Latin, Greek,
/// Cyrillic, Armenian, Georgian, Arabic and Hebrew are in DejaVu Sans.)
pub const SCRIPT_SAMPLES: &str = "王あ한अঅਅઅଅஅఅಅഅඅกກཀကកአܐހ";

static FALLBACKS_READY: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn add_font(ctx: &egui::Context, name: &str, bytes: &'static [u8], index: u32) {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    let mut data = egui::FontData::from_static(bytes);
    data.index = index;
    ctx.add_font(FontInsert::new(
        name,
        data,
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

/// The note for `texts` (the patient list's names) when some script in them has no font on
/// this system, once the system's fonts have been looked at; `None` before that and when
/// every script has one.
pub fn missing_font_note<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<String> {
    if !FALLBACKS_READY.load(std::sync::atomic::Ordering::Acquire) {
        return None;
    }
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
