//! Fallback faces from the fonts installed on this system, found with fontdb. The system is
//! scanned once, on the first character DejaVu Sans lacks, never for text it draws alone.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use ab_glyph::Font as _;

use super::face::Face;
use super::script::{family_hints, script_of};

/// Finds a face with a glyph for a character. The system's fonts in the app and the
/// command line; tests give their own (or none, to see the note for a missing script).
pub trait FaceFinder: Send + Sync {
    fn find(&self, c: char) -> Option<Face>;
}

/// No fallback fonts at all: DejaVu Sans alone.
pub struct NoFallbacks;

impl FaceFinder for NoFallbacks {
    fn find(&self, _: char) -> Option<Face> {
        None
    }
}

/// The fonts installed on this system (fontdb's `load_system_fonts`: fontconfig's
/// directories on Linux, the system font folders on macOS and Windows).
#[derive(Default)]
pub struct SystemFonts {
    database: OnceLock<(fontdb::Database, Duration)>,
}

impl SystemFonts {
    fn database(&self) -> &fontdb::Database {
        &self
            .database
            .get_or_init(|| {
                let start = Instant::now();
                let mut database = fontdb::Database::new();
                database.load_system_fonts();
                let took = start.elapsed();
                log::info!(
                    "scanned {} system font faces in {} ms",
                    database.len(),
                    took.as_millis()
                );
                (database, took)
            })
            .0
    }

    /// How long the scan took, if it has run.
    pub fn scan_time(&self) -> Option<Duration> {
        self.database.get().map(|(_, took)| *took)
    }
}

/// How well a face suits `script`: the family names its script, is sans-serif, regular
/// and upright, and is not monospaced or a colour emoji font ab_glyph cannot outline.
fn suitability(info: &fontdb::FaceInfo, script: &str) -> i32 {
    let family = info
        .families
        .first()
        .map(|(name, _)| name.to_lowercase())
        .unwrap_or_default();
    let mut score = 0;
    let hints = family_hints(script);
    if let Some(rank) = hints.iter().position(|hint| family.contains(hint)) {
        score += 100 - 10 * rank as i32;
    }
    if family.contains("sans") {
        score += 20;
    }
    if info.weight == fontdb::Weight::NORMAL && info.style == fontdb::Style::Normal {
        score += 10;
    }
    if info.monospaced || family.contains("mono") {
        score -= 15;
    }
    if family.contains("color") || family.contains("ui") {
        score -= 5;
    }
    score
}

fn source_name(source: &fontdb::Source) -> String {
    match source {
        fontdb::Source::File(path) | fontdb::Source::SharedFile(path, _) => {
            path.display().to_string()
        }
        fontdb::Source::Binary(_) => "memory".to_owned(),
    }
}

impl FaceFinder for SystemFonts {
    fn find(&self, c: char) -> Option<Face> {
        let database = self.database();
        let script = script_of(c);
        let mut candidates: Vec<(i32, String, &fontdb::FaceInfo)> = database
            .faces()
            .map(|info| {
                let key = format!("{}#{}", source_name(&info.source), info.index);
                (suitability(info, script), key, info)
            })
            .collect();
        // Best first; the same system always gives the same choice.
        candidates.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        for (_, key, info) in candidates {
            let has = database.with_face_data(info.id, |data, index| {
                ab_glyph::FontRef::try_from_slice_and_index(data, index)
                    .is_ok_and(|font| font.glyph_id(c).0 != 0)
            });
            if has != Some(true) {
                continue;
            }
            // The face lives as long as the process (faces are loaded once and shared by
            // every surface); only the few faces actually used are read.
            let bytes = database.with_face_data(info.id, |data, index| (data.to_vec(), index));
            let Some((bytes, index)) = bytes else {
                continue;
            };
            let family = info
                .families
                .first()
                .map_or_else(|| info.post_script_name.clone(), |(name, _)| name.clone());
            if let Some(face) = Face::new(bytes.leak(), index, family, key) {
                log::info!("{script} text is drawn with {}", face.family);
                return Some(face);
            }
        }
        None
    }
}
