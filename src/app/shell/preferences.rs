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

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    pub theme: ThemeChoice,
    /// Most recent first.
    pub recent_files: Vec<PathBuf>,
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

    pub fn add_recent(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
        self.recent_files.insert(0, path.to_owned());
        self.recent_files.truncate(MAX_RECENT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_unique_newest_first_and_capped() {
        let mut prefs = Preferences::default();
        for i in 0..15 {
            prefs.add_recent(Path::new(&format!("/s/{i}.ron")));
        }
        prefs.add_recent(Path::new("/s/10.ron"));
        assert_eq!(prefs.recent_files.len(), MAX_RECENT);
        assert_eq!(prefs.recent_files[0], Path::new("/s/10.ron"));
        assert_eq!(prefs.recent_files[1], Path::new("/s/14.ron"));
        assert_eq!(
            prefs
                .recent_files
                .iter()
                .filter(|p| p.ends_with("10.ron"))
                .count(),
            1
        );
    }
}
