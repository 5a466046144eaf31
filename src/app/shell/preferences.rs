//! Preferences kept between runs in eframe's storage: theme, recent files, last library.
//! Never clinical data.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub const STORAGE_KEY: &str = "myomap.preferences";
const MAX_RECENT: usize = 10;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    Light,
    Dark,
}

impl ThemeChoice {
    pub fn egui(self) -> egui::ThemePreference {
        match self {
            Self::Light => egui::ThemePreference::Light,
            Self::Dark => egui::ThemePreference::Dark,
        }
    }

    pub fn toggled(self) -> Self {
        match self {
            Self::Light => Self::Dark,
            Self::Dark => Self::Light,
        }
    }
}

/// A session opened or saved lately, with what the lists show of it: the patient and date
/// (as they were when it was last opened or saved) and the library it is in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(from = "RecentEntry")]
pub struct RecentFile {
    pub path: PathBuf,
    /// The patient's name; empty when not known (a list written by an older myomap).
    pub patient: String,
    pub date: Option<jiff::civil::Date>,
    /// The library folder the session is in, when it is in one.
    pub library: Option<PathBuf>,
}

/// How a recent file is read: as written now, or as the bare path older versions wrote.
#[derive(Deserialize)]
#[serde(untagged)]
enum RecentEntry {
    Path(PathBuf),
    Full {
        path: PathBuf,
        #[serde(default)]
        patient: String,
        #[serde(default)]
        date: Option<jiff::civil::Date>,
        #[serde(default)]
        library: Option<PathBuf>,
    },
}

impl From<RecentEntry> for RecentFile {
    fn from(entry: RecentEntry) -> Self {
        match entry {
            RecentEntry::Path(path) => Self::of_path(path),
            RecentEntry::Full {
                path,
                patient,
                date,
                library,
            } => Self {
                path,
                patient,
                date,
                library,
            },
        }
    }
}

impl RecentFile {
    /// What the path alone tells: the date from the file's name (`2026-09-07-….ron`) and the
    /// library from the folders around it; no patient.
    pub fn of_path(path: PathBuf) -> Self {
        let date = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.get(..10))
            .and_then(|d| d.parse().ok());
        let library = crate::storage::library_of(&path).map(|l| l.root().to_owned());
        Self {
            path,
            patient: String::new(),
            date,
            library,
        }
    }

    /// "Claire Bennett · 2026-09-07 · clinic-library": the patient, the visit's date and the
    /// library's folder name; the file name where the patient is not known.
    pub fn label(&self) -> String {
        let mut parts = Vec::new();
        if self.patient.trim().is_empty() {
            parts.push(self.path.file_name().map_or_else(
                || self.path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ));
        } else {
            parts.push(self.patient.trim().to_owned());
        }
        if let Some(date) = self.date
            && !self.patient.trim().is_empty()
        {
            parts.push(date.to_string());
        }
        match self.library.as_deref().and_then(Path::file_name) {
            Some(library) => parts.push(library.to_string_lossy().into_owned()),
            None => parts.push("outside a library".to_owned()),
        }
        parts.join(" · ")
    }

    /// Whether the file is in the demo library's folder.
    fn is_in(&self, dir: &Path) -> bool {
        self.path.starts_with(dir) || self.library.as_deref().is_some_and(|l| l.starts_with(dir))
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    pub theme: ThemeChoice,
    /// Most recent first; never a demo visit.
    pub recent_files: Vec<RecentFile>,
    pub last_library: Option<PathBuf>,
    /// Write CSV exports with semicolons and decimal commas (File → Export).
    #[serde(default)]
    pub csv_decimal_comma: bool,
}

impl Preferences {
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Self {
        storage
            .and_then(|storage| eframe::get_value(storage, STORAGE_KEY))
            .unwrap_or_default()
    }

    pub fn save(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, self);
    }

    /// Puts a session at the top of the recent files, once. A visit of the demo library (in
    /// its folder `demo`, or of one of its fictional patients wherever it was written) is
    /// never listed among the clinic's own.
    pub fn add_recent(&mut self, file: RecentFile, demo: &Path, demo_patient: bool) {
        if demo_patient || file.is_in(demo) {
            return;
        }
        self.recent_files.retain(|f| f.path != file.path);
        self.recent_files.insert(0, file);
        self.recent_files.truncate(MAX_RECENT);
    }

    /// Drops what an older myomap listed of the demo library (its visits, its folder as the
    /// last library).
    pub fn forget_demo(&mut self, demo: &Path) {
        self.recent_files.retain(|f| !f.is_in(demo));
        if self
            .last_library
            .as_deref()
            .is_some_and(|l| l.starts_with(demo))
        {
            self.last_library = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recent(path: &str) -> RecentFile {
        RecentFile::of_path(PathBuf::from(path))
    }

    #[test]
    fn recent_files_are_unique_newest_first_and_capped() {
        let mut prefs = Preferences::default();
        let demo = Path::new("/data/demo-library");
        for i in 0..15 {
            prefs.add_recent(recent(&format!("/s/{i}.ron")), demo, false);
        }
        prefs.add_recent(recent("/s/10.ron"), demo, false);
        assert_eq!(prefs.recent_files.len(), MAX_RECENT);
        assert_eq!(prefs.recent_files[0].path, Path::new("/s/10.ron"));
        assert_eq!(prefs.recent_files[1].path, Path::new("/s/14.ron"));
        assert_eq!(
            prefs
                .recent_files
                .iter()
                .filter(|p| p.path.ends_with("10.ron"))
                .count(),
            1
        );
    }

    #[test]
    fn demo_visits_never_join_the_recent_files() {
        let mut prefs = Preferences::default();
        let demo = Path::new("/data/demo-library");
        prefs.add_recent(
            recent("/data/demo-library/patients/p/sessions/2026-09-07-846ab283.ron"),
            demo,
            false,
        );
        prefs.add_recent(recent("/elsewhere/demo/x.ron"), demo, true);
        assert!(prefs.recent_files.is_empty(), "{:?}", prefs.recent_files);
        prefs.add_recent(
            recent("/clinic/patients/p/sessions/2026-09-07-1.ron"),
            demo,
            false,
        );
        assert_eq!(prefs.recent_files.len(), 1);

        // What an older myomap listed of the demo is forgotten.
        prefs
            .recent_files
            .push(recent("/data/demo-library/patients/p/sessions/a.ron"));
        prefs.last_library = Some(PathBuf::from("/data/demo-library"));
        prefs.forget_demo(demo);
        assert_eq!(prefs.recent_files.len(), 1);
        assert_eq!(prefs.last_library, None);
    }

    #[test]
    fn a_recent_file_shows_patient_date_and_library() {
        let file = RecentFile {
            patient: "Claire Bennett".into(),
            ..recent("/home/ana/clinic-library/patients/p/sessions/2026-09-07-ffaeb97f.ron")
        };
        assert_eq!(file.date, Some(jiff::civil::date(2026, 9, 7)));
        assert_eq!(file.label(), "Claire Bennett · 2026-09-07 · clinic-library");
        let loose = recent("/tmp/2026-09-07-ffaeb97f.ron");
        assert_eq!(loose.label(), "2026-09-07-ffaeb97f.ron · outside a library");
    }

    #[test]
    fn preferences_written_by_an_older_myomap_still_load() {
        // Recent files were bare paths; a field added since is missing.
        let old = r#"(theme: Dark, recent_files: ["/clinic/patients/p/sessions/2026-09-07-ffaeb97f.ron"], last_library: Some("/clinic"))"#;
        let prefs: Preferences = ron::from_str(old).expect("old preferences load");
        assert_eq!(prefs.theme, ThemeChoice::Dark);
        assert_eq!(prefs.recent_files.len(), 1);
        assert_eq!(
            prefs.recent_files[0].date,
            Some(jiff::civil::date(2026, 9, 7))
        );
        assert_eq!(
            prefs.recent_files[0].library.as_deref(),
            Some(Path::new("/clinic"))
        );
        // And what this version writes reads back the same.
        let again: Preferences =
            ron::from_str(&ron::to_string(&prefs).expect("writes")).expect("reads");
        assert_eq!(again, prefs);
    }
}
