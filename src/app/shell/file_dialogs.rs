//! File pickers: the system's dialogs (rfd: the XDG desktop portal, else zenity, on Linux),
//! scripted answers in tests, and myomap's own in-app dialog (egui_file) when the system's
//! cannot be shown — a minimal desktop has neither a portal nor zenity, and rfd then only
//! logs why. That log line is caught here ([`CatchDialogFailures`]), so the clinician is
//! told and given the in-app dialog instead of a menu item that does nothing.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::command::UiCommand;

/// What a picker said: a path, `Ok(None)` when the user cancelled, or `Err(why)` when the
/// dialog could not be shown at all.
pub type Answer = Result<Option<PathBuf>, String>;

pub trait FileDialogs {
    /// Asks for a session file to open.
    fn open_session(&mut self) -> Answer;
    /// Asks where to save a session, suggesting a file name.
    fn save_session(&mut self, suggested_name: &str) -> Answer;
    /// Asks for a library folder.
    fn pick_folder(&mut self) -> Answer;
    /// Asks for a diagram image (PNG or JPEG).
    fn pick_image(&mut self) -> Answer;
    /// Asks where to write an export of `kind` (e.g. "PDF") with `extension`.
    fn save_export(&mut self, kind: &str, extension: &str, suggested_name: &str) -> Answer;
}

/// Errors the dialog backend logged since the last [`take_failures`].
static FAILURES: Mutex<Vec<String>> = Mutex::new(Vec::new());

fn take_failures() -> Vec<String> {
    FAILURES
        .lock()
        .map(|mut failures| std::mem::take(&mut *failures))
        .unwrap_or_default()
}

/// The process's logger: env_logger, plus a record of the errors rfd logs when no dialog
/// could be shown (it returns "cancelled" then, with the reason only on stderr).
pub struct CatchDialogFailures(pub env_logger::Logger);

impl log::Log for CatchDialogFailures {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.target().starts_with("rfd") || self.0.enabled(metadata)
    }

    fn log(&self, record: &log::Record<'_>) {
        if record.target().starts_with("rfd")
            && record.level() == log::Level::Error
            && let Ok(mut failures) = FAILURES.lock()
        {
            failures.push(record.args().to_string());
        }
        if self.0.matches(record) {
            self.0.log(record);
        }
    }

    fn flush(&self) {
        self.0.flush();
    }
}

impl CatchDialogFailures {
    /// Installs env_logger (`RUST_LOG`, warnings by default) wrapped in this catcher.
    pub fn install() {
        let logger =
            env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn"))
                .build();
        let max = logger.filter().max(log::LevelFilter::Error);
        if log::set_boxed_logger(Box::new(Self(logger))).is_ok() {
            log::set_max_level(max);
        }
    }
}

/// The operating system's dialogs.
pub struct NativeDialogs;

impl NativeDialogs {
    /// Runs one rfd dialog; a logged backend error means it was never shown.
    fn run(dialog: impl FnOnce() -> Option<PathBuf>) -> Answer {
        take_failures();
        let answer = dialog();
        let failures = take_failures();
        if answer.is_none() && !failures.is_empty() {
            return Err(plain_reason(&failures));
        }
        Ok(answer)
    }
}

/// rfd's log lines in a clinician's words (the lines themselves stay in the log):
/// "no desktop portal answered and zenity is not installed".
fn plain_reason(failures: &[String]) -> String {
    let mut reasons = Vec::new();
    if failures
        .iter()
        .any(|f| f.contains("session bus") || f.contains("portal"))
    {
        reasons.push("no desktop portal answered".to_owned());
    }
    match failures.iter().find(|f| f.contains("zenity")) {
        Some(f) if f.contains("No such file") => reasons.push("zenity is not installed".to_owned()),
        Some(f) => reasons.push(f.clone()),
        None => {}
    }
    if reasons.is_empty() {
        failures.join("; ")
    } else {
        reasons.join(" and ")
    }
}

impl FileDialogs for NativeDialogs {
    fn open_session(&mut self) -> Answer {
        Self::run(|| {
            rfd::FileDialog::new()
                .set_title("Open session")
                .add_filter("myomap session", &["ron"])
                .pick_file()
        })
    }

    fn save_session(&mut self, suggested_name: &str) -> Answer {
        Self::run(|| {
            rfd::FileDialog::new()
                .set_title("Save session as")
                .add_filter("myomap session", &["ron"])
                .set_file_name(suggested_name)
                .save_file()
        })
    }

    fn pick_folder(&mut self) -> Answer {
        Self::run(|| {
            rfd::FileDialog::new()
                .set_title("Open library folder")
                .pick_folder()
        })
    }

    fn pick_image(&mut self) -> Answer {
        Self::run(|| {
            rfd::FileDialog::new()
                .set_title("Choose a diagram image")
                .add_filter("Image", &["png", "jpg", "jpeg"])
                .pick_file()
        })
    }

    fn save_export(&mut self, kind: &str, extension: &str, suggested_name: &str) -> Answer {
        Self::run(|| {
            rfd::FileDialog::new()
                .set_title(format!("Export as {kind}"))
                .add_filter(kind, &[extension])
                .set_file_name(suggested_name)
                .save_file()
        })
    }
}

/// Answers dialogs from a queue, in order; an empty queue answers "cancelled". Made with
/// [`Self::unavailable`], every dialog fails as on a desktop without a portal or zenity.
#[derive(Default)]
pub struct ScriptedDialogs {
    pub answers: VecDeque<Option<PathBuf>>,
    unavailable: Option<String>,
}

impl ScriptedDialogs {
    pub fn new(answers: impl IntoIterator<Item = Option<PathBuf>>) -> Self {
        Self {
            answers: answers.into_iter().collect(),
            unavailable: None,
        }
    }

    /// Dialogs that can never be shown, for `reason`.
    pub fn unavailable(reason: impl Into<String>) -> Self {
        Self {
            answers: VecDeque::new(),
            unavailable: Some(reason.into()),
        }
    }

    fn next(&mut self) -> Answer {
        match &self.unavailable {
            Some(reason) => Err(reason.clone()),
            None => Ok(self.answers.pop_front().flatten()),
        }
    }
}

impl FileDialogs for ScriptedDialogs {
    fn open_session(&mut self) -> Answer {
        self.next()
    }

    fn save_session(&mut self, _suggested_name: &str) -> Answer {
        self.next()
    }

    fn pick_folder(&mut self) -> Answer {
        self.next()
    }

    fn save_export(&mut self, _kind: &str, _extension: &str, _suggested: &str) -> Answer {
        self.next()
    }

    fn pick_image(&mut self) -> Answer {
        self.next()
    }
}

/// What a path is asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathQuestion {
    OpenSession,
    SaveSession {
        suggested: String,
    },
    LibraryFolder,
    DiagramImage,
    Export {
        kind: String,
        extension: String,
        suggested: String,
    },
}

impl PathQuestion {
    /// Asks the system's dialog.
    pub fn ask(&self, dialogs: &mut dyn FileDialogs) -> Answer {
        match self {
            Self::OpenSession => dialogs.open_session(),
            Self::SaveSession { suggested } => dialogs.save_session(suggested),
            Self::LibraryFolder => dialogs.pick_folder(),
            Self::DiagramImage => dialogs.pick_image(),
            Self::Export {
                kind,
                extension,
                suggested,
            } => dialogs.save_export(kind, extension, suggested),
        }
    }

    /// myomap's own dialog for the same question, starting in `folder`.
    fn in_app(&self, folder: &Path) -> egui_file::FileDialog {
        let extensions: &[&str] = match self {
            Self::OpenSession | Self::SaveSession { .. } => &["ron"],
            Self::DiagramImage => &["png", "jpg", "jpeg"],
            Self::LibraryFolder | Self::Export { .. } => &[],
        };
        let dialog = match self {
            Self::OpenSession => egui_file::FileDialog::open_file().title("Open session"),
            Self::SaveSession { suggested } => egui_file::FileDialog::save_file()
                .title("Save session as")
                .default_filename(suggested.clone()),
            Self::LibraryFolder => {
                egui_file::FileDialog::select_folder().title("Open library folder")
            }
            Self::DiagramImage => {
                egui_file::FileDialog::open_file().title("Choose a diagram image")
            }
            Self::Export {
                kind, suggested, ..
            } => egui_file::FileDialog::save_file()
                .title(&format!("Export as {kind}"))
                .default_filename(suggested.clone()),
        };
        let dialog = dialog.initial_path(folder).show_new_folder(true);
        if extensions.is_empty() {
            return dialog;
        }
        dialog.show_files_filter(Box::new(move |path: &Path| {
            path.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.contains(&e.to_ascii_lowercase().as_str()))
        }))
    }
}

/// myomap's own file dialog, open for the command that asked; its answer re-runs that
/// command (see [`InAppDialog::show`]).
pub struct InAppDialog {
    dialog: egui_file::FileDialog,
    question: PathQuestion,
    command: UiCommand,
}

impl InAppDialog {
    pub fn open(question: PathQuestion, command: UiCommand, folder: &Path) -> Self {
        let mut dialog = question.in_app(folder);
        dialog.open();
        Self {
            dialog,
            question,
            command,
        }
    }

    /// Shows the dialog for this frame and says where it stands.
    pub fn show(&mut self, ctx: &egui::Context) -> InAppState {
        self.dialog.show(ctx);
        match (self.dialog.state(), self.dialog.path()) {
            (egui_file::State::Open, _) => InAppState::Open,
            (egui_file::State::Selected, Some(path)) => InAppState::Chosen {
                question: self.question.clone(),
                path: path.to_owned(),
                command: self.command,
            },
            _ => InAppState::Closed,
        }
    }
}

/// Where the in-app dialog stands after a frame.
pub enum InAppState {
    Open,
    /// Closed or cancelled without a path.
    Closed,
    /// A path was chosen for `question`; running `command` again takes it.
    Chosen {
        question: PathQuestion,
        path: PathBuf,
        command: UiCommand,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use log::Log as _;

    #[test]
    fn a_dialog_backend_error_is_an_unavailable_dialog_and_a_cancel_is_not() {
        let catcher = CatchDialogFailures(env_logger::Builder::new().build());
        let say = |level: log::Level, text: &str| {
            catcher.log(
                &log::Record::builder()
                    .target("rfd::backend::xdg_desktop_portal")
                    .level(level)
                    .args(format_args!("{text}"))
                    .build(),
            );
        };
        let failed = NativeDialogs::run(|| {
            say(log::Level::Warn, "Using zenity fallback");
            say(
                log::Level::Error,
                "Failed to pick file with zenity: No such file or directory (os error 2)",
            );
            None
        });
        assert_eq!(failed, Err("zenity is not installed".into()));
        let no_bus = NativeDialogs::run(|| {
            say(
                log::Level::Error,
                "Failed to connect to session bus: Some(\"org.freedesktop.DBus.Error.Spawn.ExecFailed\")",
            );
            say(
                log::Level::Error,
                "Failed to pick file with zenity: No such file or directory (os error 2)",
            );
            None
        });
        assert_eq!(
            no_bus,
            Err("no desktop portal answered and zenity is not installed".into())
        );
        // The portal missing but zenity shown and cancelled: a warning only.
        let cancelled = NativeDialogs::run(|| {
            say(log::Level::Warn, "Using zenity fallback");
            None
        });
        assert_eq!(cancelled, Ok(None));
        assert_eq!(
            NativeDialogs::run(|| Some(PathBuf::from("/a.ron"))),
            Ok(Some(PathBuf::from("/a.ron")))
        );
    }
}
