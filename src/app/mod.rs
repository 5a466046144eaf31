//! The desktop app: the shell (menus, commands, dialogs, notifications) and its screens.
//! Owns no clinical logic: it calls `storage` and `model`, and edits go through `Document`.

mod action;
mod canvas;
mod canvas_marks;
mod canvas_tools;
mod command;
mod command_handling;
mod compare_view;
mod custom_views;
mod editing;
mod exporting;
mod file_dialogs;
mod inspector;
mod library_view;
mod logic;
mod map_toolbar;
mod notifications;
mod overlays;
mod preferences;
mod presentation;
mod progress_view;
mod prompts;
mod record_view;
mod route;
mod session_view;
mod shell;
mod theme;
mod tools;
mod welcome;

use std::path::PathBuf;

pub use crate::document::Document;
pub use crate::storage::library_of;
pub use action::Action;
pub use canvas::{CanvasState, Hover};
pub use command::UiCommand;
pub use custom_views::CustomViews;
pub use file_dialogs::{FileDialogs, NativeDialogs, ScriptedDialogs};
pub use notifications::{Level, Notifications};
pub use preferences::{Preferences, ThemeChoice};
pub use presentation::Presentation;
pub use prompts::Prompt;
pub use record_view::{PanelTab, RecordAction, RecordUi};
pub use route::Route;
pub use session_view::session_ui;
pub use shell::{AppPaths, MyomapApp};

/// What the command line asked the app to open.
#[derive(Clone, Debug, Default)]
pub struct AppStart {
    pub library: Option<PathBuf>,
    pub open: Option<PathBuf>,
}

/// Opens the main window and runs until it is closed.
pub fn run(start: AppStart) -> eframe::Result {
    let options = eframe::NativeOptions {
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
            let paths = AppPaths::standard();
            Ok(Box::new(MyomapApp::new(
                cc,
                start,
                paths,
                Box::new(NativeDialogs),
            )))
        }),
    )
}
