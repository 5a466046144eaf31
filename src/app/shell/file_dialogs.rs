//! File pickers behind a trait: native dialogs (rfd) in the app, scripted answers in tests.

use std::collections::VecDeque;
use std::path::PathBuf;

pub trait FileDialogs {
    /// Asks for a session file to open.
    fn open_session(&mut self) -> Option<PathBuf>;
    /// Asks where to save a session, suggesting a file name.
    fn save_session(&mut self, suggested_name: &str) -> Option<PathBuf>;
    /// Asks for a library folder.
    fn pick_folder(&mut self) -> Option<PathBuf>;
    /// Asks for a diagram image (PNG or JPEG).
    fn pick_image(&mut self) -> Option<PathBuf>;
    /// Asks where to write an export of `kind` (e.g. "PDF") with `extension`.
    fn save_export(&mut self, kind: &str, extension: &str, suggested_name: &str)
    -> Option<PathBuf>;
}

/// The operating system's dialogs.
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn open_session(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Open session")
            .add_filter("myomap session", &["ron"])
            .pick_file()
    }

    fn save_session(&mut self, suggested_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Save session as")
            .add_filter("myomap session", &["ron"])
            .set_file_name(suggested_name)
            .save_file()
    }

    fn pick_folder(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Open library folder")
            .pick_folder()
    }

    fn pick_image(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Choose a diagram image")
            .add_filter("Image", &["png", "jpg", "jpeg"])
            .pick_file()
    }

    fn save_export(
        &mut self,
        kind: &str,
        extension: &str,
        suggested_name: &str,
    ) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(format!("Export as {kind}"))
            .add_filter(kind, &[extension])
            .set_file_name(suggested_name)
            .save_file()
    }
}

/// Answers dialogs from a queue, in order; an empty queue answers "cancelled".
#[derive(Default)]
pub struct ScriptedDialogs {
    pub answers: VecDeque<Option<PathBuf>>,
}

impl ScriptedDialogs {
    pub fn new(answers: impl IntoIterator<Item = Option<PathBuf>>) -> Self {
        Self {
            answers: answers.into_iter().collect(),
        }
    }

    fn next(&mut self) -> Option<PathBuf> {
        self.answers.pop_front().flatten()
    }
}

impl FileDialogs for ScriptedDialogs {
    fn open_session(&mut self) -> Option<PathBuf> {
        self.next()
    }

    fn save_session(&mut self, _suggested_name: &str) -> Option<PathBuf> {
        self.next()
    }

    fn pick_folder(&mut self) -> Option<PathBuf> {
        self.next()
    }

    fn save_export(&mut self, _kind: &str, _extension: &str, _suggested: &str) -> Option<PathBuf> {
        self.next()
    }

    fn pick_image(&mut self) -> Option<PathBuf> {
        self.next()
    }
}
