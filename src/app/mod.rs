//! The desktop app: the shell (window, menus, commands, prompts, notifications), the body-map
//! canvas, and the screens. Owns no clinical logic: it calls `storage` and `model`, and every
//! change to a session goes through `crate::document::Document`.

mod canvas;
mod screens;
mod shell;

pub use crate::document::Document;
pub use crate::storage::library_of;
pub use canvas::custom_views::CustomViews;
pub use canvas::{CanvasState, Hover};
pub use screens::presentation::Presentation;
pub use screens::record::{PanelTab, RecordAction, RecordUi};
pub use screens::session::session_ui;
pub use shell::action::Action;
pub use shell::app::{AppPaths, AppStart, MyomapApp};
pub use shell::command::UiCommand;
pub use shell::file_dialogs::{CatchDialogFailures, FileDialogs, NativeDialogs, ScriptedDialogs};
pub use shell::logic::LOCK_WATCH_INTERVAL;
pub use shell::notifications::{Level, Notifications};
pub use shell::preferences::{Preferences, ThemeChoice};
pub use shell::prompt::Prompt;
pub use shell::route::Route;

/// Opens the main window and runs until it is closed.
pub fn run(start: AppStart) -> eframe::Result {
    let paths = AppPaths::standard();
    // The preferences (recent sessions name patients) and the recovery copies live in the
    // app's data folder: private, whatever made it first. eframe is told the very file made
    // private here (`persistence_path`), so the two can never drift apart.
    if let Some(file) = &paths.preferences
        && let Some((dir, name)) = file.parent().zip(file.file_name().and_then(|n| n.to_str()))
        && let Err(error) = crate::storage::make_private(dir, &[(name, "{}")])
    {
        log::warn!("could not make {} private: {error}", dir.display());
    }
    let options = eframe::NativeOptions {
        persistence_path: paths.preferences.clone(),
        viewport: egui::ViewportBuilder::default()
            .with_title("myomap")
            .with_app_id("myomap")
            .with_inner_size([1280.0, 820.0])
            .with_min_inner_size([720.0, 480.0]),
        ..Default::default()
    };
    eframe::run_native(
        "myomap",
        options,
        Box::new(move |cc| {
            Ok(Box::new(MyomapApp::new(
                cc,
                start,
                paths,
                Box::new(NativeDialogs),
            )))
        }),
    )
}
