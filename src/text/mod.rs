//! Text in any script for the charts and reports: which font draws each character (DejaVu
//! Sans, bundled, first; then system fonts found with fontdb, chosen per run of characters
//! DejaVu lacks), the visual order of mixed left-to-right and right-to-left text
//! (unicode-bidi, UAX #9) and shaping (HarfRust). Shared by the PNG/SVG renderer, the PDF
//! writer and the app's fallback fonts; it knows nothing of pixels, pages or egui.

mod face;
mod layout;
mod script;
mod system;

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex, OnceLock, PoisonError, RwLock};

pub use face::{Face, Shaped};
pub use layout::{Glyph, Line};
pub use script::script_of;
pub use system::{FaceFinder, NoFallbacks, SystemFonts};

/// DejaVu Sans, the bundled font of rendered images and reports, and the app's fallback for
/// symbols egui's own font lacks (arrows, ⌀, ±). Licence in `assets/fonts`.
pub const FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// The fonts text is drawn with: DejaVu Sans (face 0) and the fallbacks found so far.
pub struct Fonts {
    faces: RwLock<Vec<Arc<Face>>>,
    /// Which face draws a character DejaVu lacks (`None`: no face on this system).
    chosen: Mutex<HashMap<char, Option<usize>>>,
    finder: Box<dyn FaceFinder>,
}

impl std::fmt::Debug for Fonts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fonts").finish_non_exhaustive()
    }
}

/// The fonts of this process: DejaVu Sans with the system's fonts as fallbacks. The system
/// is scanned on the first character DejaVu lacks, once; `None` only if the bundled font
/// cannot be read.
pub fn fonts() -> Option<&'static Fonts> {
    static FONTS: OnceLock<Option<Fonts>> = OnceLock::new();
    FONTS
        .get_or_init(|| Fonts::new(Box::new(SystemFonts::default())))
        .as_ref()
}

impl Fonts {
    /// DejaVu Sans with fallbacks from `finder`.
    pub fn new(finder: Box<dyn FaceFinder>) -> Option<Self> {
        let primary = Face::new(FONT, 0, "DejaVu Sans".to_owned(), "bundled".to_owned())?;
        Some(Self {
            faces: RwLock::new(vec![Arc::new(primary)]),
            chosen: Mutex::new(HashMap::new()),
            finder,
        })
    }

    /// Face `index` (0 is DejaVu Sans).
    pub fn face(&self, index: usize) -> Option<Arc<Face>> {
        let faces = self.faces.read().unwrap_or_else(PoisonError::into_inner);
        faces.get(index).cloned()
    }

    pub fn primary(&self) -> Arc<Face> {
        let faces = self.faces.read().unwrap_or_else(PoisonError::into_inner);
        // `new` puts DejaVu first and faces are only ever added.
        Arc::clone(&faces[0])
    }

    /// The face that draws `c`: DejaVu Sans when it can, else the first fallback loaded that
    /// can, else one the finder finds; `None` when no font on this system has it.
    pub fn face_for(&self, c: char) -> Option<usize> {
        if self.primary().has(c) || c.is_control() {
            return Some(0);
        }
        let mut chosen = self.chosen.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(known) = chosen.get(&c) {
            return *known;
        }
        let found = {
            let loaded = self.faces.read().unwrap_or_else(PoisonError::into_inner);
            loaded.iter().position(|face| face.has(c))
        };
        let found = found.or_else(|| {
            let face = self.finder.find(c)?;
            let mut faces = self.faces.write().unwrap_or_else(PoisonError::into_inner);
            if let Some(same) = faces.iter().position(|f| f.key == face.key) {
                return Some(same);
            }
            faces.push(Arc::new(face));
            Some(faces.len() - 1)
        });
        chosen.insert(c, found);
        found
    }

    /// The scripts in `text` that no font here draws, by name, sorted.
    pub fn missing_scripts(&self, text: &str) -> BTreeSet<&'static str> {
        let primary = self.primary();
        text.chars()
            .filter(|c| !c.is_whitespace() && !primary.has(*c) && self.face_for(*c).is_none())
            .map(script_of)
            .collect()
    }
}

/// The note shown where text in `scripts` could not be drawn (the PDF's pages, a chart's
/// corner, the app's patient list): one wording everywhere. `None` when nothing is missing.
pub fn missing_note<'a>(scripts: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let scripts: BTreeSet<&str> = scripts.into_iter().collect();
    (!scripts.is_empty()).then(|| {
        let list: Vec<&str> = scripts.into_iter().collect();
        format!("no font on this system for: {}", list.join(", "))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dejavu_draws_what_it_has_and_the_note_names_what_nothing_draws() {
        let fonts = Fonts::new(Box::new(NoFallbacks)).expect("DejaVu reads");
        assert_eq!(fonts.face_for('a'), Some(0));
        assert_eq!(fonts.face_for('ل'), Some(0), "DejaVu Sans has Arabic");
        assert_eq!(fonts.face_for('王'), None);
        let missing = fonts.missing_scripts("王秀英 · ليلى حداد · अनीता");
        assert_eq!(
            missing.iter().copied().collect::<Vec<_>>(),
            ["Devanagari", "Han"]
        );
        assert_eq!(
            missing_note(missing).as_deref(),
            Some("no font on this system for: Devanagari, Han")
        );
        assert_eq!(missing_note(fonts.missing_scripts("Ana Müller")), None);
    }

    #[test]
    fn the_system_is_asked_once_per_character_and_never_for_what_dejavu_draws() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        struct Counting(Arc<AtomicUsize>);
        impl FaceFinder for Counting {
            fn find(&self, _: char) -> Option<Face> {
                self.0.fetch_add(1, Ordering::SeqCst);
                None
            }
        }
        let asked = Arc::new(AtomicUsize::new(0));
        let fonts = Fonts::new(Box::new(Counting(Arc::clone(&asked)))).expect("DejaVu reads");
        assert!(
            fonts
                .missing_scripts("Ana Müller · Ωμέγα · Жанна")
                .is_empty()
        );
        assert_eq!(
            asked.load(Ordering::SeqCst),
            0,
            "no scan for text DejaVu draws"
        );
        for _ in 0..3 {
            assert_eq!(fonts.face_for('王'), None);
        }
        assert_eq!(asked.load(Ordering::SeqCst), 1);
        assert_eq!(fonts.face_for('秀'), None);
        assert_eq!(asked.load(Ordering::SeqCst), 2);
    }

    #[test]
    fn a_face_found_for_one_character_draws_the_others_it_has() {
        let Some(devanagari) = SystemFonts::default().find('अ') else {
            eprintln!("skipped: no Devanagari font on this system (fonts-noto-core has one)");
            return;
        };
        let (bytes, index) = devanagari.file();
        // A finder over that one file, counting how often it is asked.
        struct One(&'static [u8], u32, Arc<std::sync::atomic::AtomicUsize>);
        impl FaceFinder for One {
            fn find(&self, c: char) -> Option<Face> {
                self.2.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                Face::new(self.0, self.1, "one".to_owned(), "one".to_owned()).filter(|f| f.has(c))
            }
        }
        let asked = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let fonts =
            Fonts::new(Box::new(One(bytes, index, Arc::clone(&asked)))).expect("DejaVu reads");
        assert_eq!(fonts.face_for('अ'), Some(1));
        assert_eq!(
            fonts.face_for('न'),
            Some(1),
            "the loaded face is tried first"
        );
        assert_eq!(fonts.face_for('ी'), Some(1));
        assert_eq!(asked.load(std::sync::atomic::Ordering::SeqCst), 1);
        assert_eq!(fonts.face_for('王'), None, "a Devanagari face has no Han");
        assert_eq!(
            fonts.face(1).map(|f| f.family.clone()).as_deref(),
            Some("one")
        );
    }
}
