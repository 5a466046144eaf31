//! The app shell: the window's state, its frame (menu bar, status bar, panels) and what
//! persists between runs. What the user's actions do is in `command_handling`; the questions
//! the app asks are in `prompts`; per-frame work that is not drawing in `logic`. Draws the
//! screen the route names; changes no session itself, and its file effects are those of
//! `command_handling` and `logic`.

use std::path::{Path, PathBuf};

use egui::{RichText, ViewportCommand};

use crate::app::canvas::CanvasState;
use crate::app::canvas::custom_views::CustomViews;
use crate::app::screens::compare::{CompareAction, CompareState};
use crate::app::screens::library;
use crate::app::screens::presentation::{Presentation, PresentationAction};
use crate::app::screens::progress::{ProgressAction, ProgressState};
use crate::app::screens::record::{RecordAction, RecordUi};
use crate::app::screens::{session as session_view, welcome};
use crate::app::shell::action::Action;
use crate::app::shell::command::{MENUS, MenuItem, UiCommand};
use crate::app::shell::file_dialogs::{FileDialogs, InAppDialog, InAppState, PathQuestion};
use crate::app::shell::library_state::LibraryState;
use crate::app::shell::logic::{LockWatch, RecoveryCopy};
use crate::app::shell::notifications::Notifications;
use crate::app::shell::preferences::Preferences;
use crate::app::shell::prompt::Prompt;
use crate::app::shell::route::Route;
use crate::app::shell::theme::Palette;
use crate::document::Document;
use crate::storage::{Library, RecoveryRecord, RecoveryStore};

/// What the command line asked the app to open.
#[derive(Clone, Debug, Default)]
pub struct AppStart {
    pub library: Option<PathBuf>,
    pub open: Option<PathBuf>,
}

/// Where the app keeps its libraries by default.
#[derive(Clone, Debug)]
pub struct AppPaths {
    /// The clinic's own library, used when no other is chosen.
    pub default_library: PathBuf,
    /// The demo library: fictional patients, never mixed into real data.
    pub demo_library: PathBuf,
    /// Crash-recovery copies of unsaved sessions.
    pub recovery: PathBuf,
    /// The user's signing keys (private keys sealed with their passphrase).
    pub keys: PathBuf,
    /// The preferences file eframe writes (theme, recent sessions, last library): kept
    /// readable by the user only, as it names patients. `None` where eframe keeps none.
    pub preferences: Option<PathBuf>,
}

impl AppPaths {
    /// Under the user's data directory (e.g. `~/.local/share/myomap` on Linux).
    pub fn standard() -> Self {
        let dirs = directories::ProjectDirs::from("org", "myomap", "myomap");
        let data = dirs
            .as_ref()
            .map(|dirs| dirs.data_dir().to_owned())
            .unwrap_or_else(|| PathBuf::from("myomap-data"));
        let keys = dirs
            .as_ref()
            .map(|dirs| dirs.config_dir().join("keys"))
            .unwrap_or_else(|| data.join("keys"));
        Self {
            keys,
            // Where eframe keeps its storage, whatever the data folder above is.
            preferences: eframe::storage_dir("myomap").map(|dir| dir.join("app.ron")),
            ..Self::under(&data)
        }
    }

    pub fn under(dir: &Path) -> Self {
        Self {
            default_library: dir.join("library"),
            demo_library: dir.join("demo-library"),
            recovery: dir.join("recovery"),
            keys: dir.join("keys"),
            preferences: Some(dir.join("app.ron")),
        }
    }
}

/// A library being read on a background thread.
pub(super) struct LibraryLoading {
    pub library: Library,
    /// Patient folders in the library, and how many have been read so far.
    pub total: usize,
    pub progress: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    pub handle:
        std::thread::JoinHandle<Result<crate::storage::LibraryScan, crate::storage::LoadError>>,
}

pub struct MyomapApp {
    pub(super) paths: AppPaths,
    pub(super) prefs: Preferences,
    pub(super) dialogs: Box<dyn FileDialogs>,
    pub(super) library: Option<LibraryState>,
    /// The screen shown, with its state (the open session among them).
    pub(super) route: Route,
    pub(super) notifications: Notifications,
    pub(super) prompt: Option<Prompt>,
    pub(super) actions: Vec<Action>,
    /// The user agreed to close the window (nothing unsaved, or chose to discard).
    pub(super) close_confirmed: bool,
    pub(super) title: String,
    /// The crash-recovery copy of the open session's unsaved work.
    pub(super) recovery: RecoveryCopy,
    /// Looks at the open session's lock again every two seconds (synced libraries).
    pub(super) lock_watch: LockWatch,
    /// The find-by-location window, while open.
    pub(super) search: Option<crate::app::screens::search::SearchState>,
    /// Recovery copies found at start, not yet offered.
    pub(super) pending_recovery: Vec<(PathBuf, RecoveryRecord)>,
    /// The body-map canvas's view state (view, zoom, layers): not part of the document.
    pub(super) canvas: CanvasState,
    /// The open session's record: queued safety warnings, dialogs, drafts.
    pub(super) record: RecordUi,
    /// The open library's custom views.
    pub(super) custom_views: CustomViews,
    /// A big library being read in the background.
    pub(super) loading: Option<LibraryLoading>,
    /// myomap's own file dialog, when the system's cannot be shown.
    pub(super) in_app_dialog: Option<InAppDialog>,
    /// A path the in-app dialog gave, waiting for the command that asked to run again.
    pub(super) answered: Option<(PathQuestion, PathBuf)>,
    /// The system's file dialogs failed once: the in-app one is used from then on.
    pub(super) system_dialogs_failed: bool,
    /// Whether the patient list is shown: `None` follows the screen and the window's width
    /// (folded beside a chart on a small window), `Some` is the clinician's choice (F8).
    pub(super) patients_open: Option<bool>,
    /// Whether the patient list was shown last frame.
    pub(super) patients_shown: bool,
}

/// Below this width (points) the patient list starts folded beside a chart or a comparison.
const PATIENTS_BESIDE_CHART_FROM_WIDTH: f32 = 1400.0;

impl MyomapApp {
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        start: AppStart,
        paths: AppPaths,
        dialogs: Box<dyn FileDialogs>,
    ) -> Self {
        // Parse the standard body map (≈ 45 ms) while the window opens, not when the first
        // session does; `standard()` waits for this if it is still running.
        std::thread::spawn(|| {
            crate::bodymap::standard();
        });
        let mut prefs = Preferences::load(cc.storage);
        prefs.forget_demo(&paths.demo_library);
        let paths_recovery = paths.recovery.clone();
        let paths_keys = paths.keys.clone();
        cc.egui_ctx.set_theme(prefs.theme.egui());
        crate::app::shell::theme::install_fallback_font(&cc.egui_ctx);
        let mut app = Self {
            paths,
            prefs,
            dialogs,
            library: None,
            route: Route::Home,
            notifications: Notifications::default(),
            prompt: None,
            actions: Vec::new(),
            close_confirmed: false,
            title: String::new(),
            recovery: RecoveryCopy::new(RecoveryStore::new(&paths_recovery)),
            lock_watch: LockWatch::default(),
            search: None,
            pending_recovery: Vec::new(),
            canvas: CanvasState::default(),
            record: RecordUi::with_keys(paths_keys),
            custom_views: CustomViews::default(),
            loading: None,
            in_app_dialog: None,
            answered: None,
            system_dialogs_failed: false,
            patients_open: None,
            patients_shown: false,
        };
        let library = start
            .library
            .clone()
            .or_else(|| {
                app.prefs
                    .last_library
                    .clone()
                    .filter(|dir| dir.is_dir() && *dir != app.paths.demo_library)
            })
            .unwrap_or_else(|| app.paths.default_library.clone());
        app.open_library(&library);
        if let Some(file) = &start.open {
            app.open_session(file);
        }
        let (records, problems) = app.recovery.store.list();
        for problem in problems {
            app.notifications.error(format!(
                "A crash-recovery file could not be read: {problem}"
            ));
        }
        // Another myomap still running keeps its own copies: they are not left-overs.
        app.pending_recovery = records
            .into_iter()
            .filter(|(_, record)| !record.writer.is_live_elsewhere())
            .collect();
        app.next_recovery_prompt();
        app
    }

    pub fn document(&self) -> Option<&Document> {
        self.route.document()
    }

    /// How long unsaved work may go without a crash-recovery copy (two seconds unless
    /// changed; tests use other delays).
    pub fn set_recovery_delay(&mut self, delay: std::time::Duration) {
        self.recovery.set_delay(delay);
    }

    /// The screen shown.
    pub fn route(&self) -> &Route {
        &self.route
    }

    /// The progress screen's state, when it is open.
    pub fn progress(&self) -> Option<&ProgressState> {
        self.route.progress()
    }

    /// The comparison screen's state, when it is open.
    pub fn comparison(&self) -> Option<&CompareState> {
        self.route.comparison()
    }

    /// Presentation mode, while it is on.
    pub fn presentation(&self) -> Option<&Presentation> {
        self.route.presentation()
    }

    /// The body-map canvas's view state (for tests and the status bar).
    pub fn canvas(&self) -> &CanvasState {
        &self.canvas
    }

    pub fn library(&self) -> Option<&Library> {
        self.library.as_ref().map(|state| &state.library)
    }

    /// Display names of the patients of the open library.
    pub fn patient_names(&self) -> Vec<String> {
        self.library.as_ref().map_or_else(Vec::new, |state| {
            state
                .patients
                .iter()
                .map(|p| p.patient.display_name.clone())
                .collect()
        })
    }

    pub fn prompt(&self) -> Option<&Prompt> {
        self.prompt.as_ref()
    }

    pub fn notifications(&self) -> &Notifications {
        &self.notifications
    }

    /// The window title: file name, an unsaved-changes marker, the patient.
    pub fn window_title(&self) -> String {
        match self.route.document() {
            Some(doc) => format!(
                "{}{} — {} — myomap",
                if doc.is_dirty() { "● " } else { "" },
                doc.file_name(),
                doc.patient_name()
            ),
            None => match &self.library {
                Some(state) => format!("myomap — {}", state.library.root().display()),
                None => "myomap".to_owned(),
            },
        }
    }

    /// Whether a command can be given now (menus grey out the others).
    fn enabled(&self, command: UiCommand) -> bool {
        let doc = self.route.document();
        match command {
            UiCommand::NewSession | UiCommand::AddCustomView | UiCommand::FindByLocation => {
                self.library.is_some()
            }
            UiCommand::Save
            | UiCommand::SaveAs
            | UiCommand::Close
            | UiCommand::ExportPng
            | UiCommand::ExportSvg
            | UiCommand::ExportReport
            | UiCommand::ExportHandout => doc.is_some(),
            UiCommand::ExportCsv => self.library.as_ref().is_some_and(|l| l.selected.is_some()),
            UiCommand::ExportProgressReport => self.route.progress().is_some(),
            // A signed session takes Ctrl+Z to say that changes go into an addendum.
            UiCommand::Undo => doc.is_some_and(|d| d.can_undo() || d.session().signature.is_some()),
            UiCommand::Redo => doc.is_some_and(Document::can_redo),
            UiCommand::TogglePatients => self
                .library
                .as_ref()
                .is_some_and(|state| !state.patients.is_empty()),
            UiCommand::ToggleSidePanel => {
                matches!(self.route, Route::Session(_) | Route::Compare(_))
            }
            UiCommand::NewPatient
            | UiCommand::Open
            | UiCommand::OpenLibrary
            | UiCommand::ExploreDemo
            | UiCommand::Quit
            | UiCommand::ToggleTheme
            | UiCommand::ShowMessages
            | UiCommand::Present => true,
        }
    }

    fn menu_bar(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            for (title, items) in MENUS {
                ui.menu_button(*title, |ui| {
                    for item in *items {
                        self.menu_item(ui, item);
                    }
                });
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if UiCommand::Present.button(ui, true) {
                    self.actions.push(Action::Command(UiCommand::Present));
                }
            });
        });
    }

    fn menu_item(&mut self, ui: &mut egui::Ui, item: &MenuItem) {
        match item {
            MenuItem::Command(command) => {
                if command.menu_button(ui, self.enabled(*command)) {
                    self.actions.push(Action::Command(*command));
                }
            }
            MenuItem::Submenu(title, commands) => {
                ui.menu_button(*title, |ui| {
                    for command in *commands {
                        self.menu_item(ui, &MenuItem::Command(*command));
                    }
                    if commands.contains(&UiCommand::ExportCsv) {
                        ui.separator();
                        ui.checkbox(
                            &mut self.prefs.csv_decimal_comma,
                            "CSV with semicolons and decimal commas",
                        )
                        .on_hover_text(
                            "For spreadsheets in locales that write 0,25 rather than 0.25",
                        );
                    }
                });
            }
            MenuItem::Recent => {
                ui.menu_button("Open recent", |ui| {
                    if self.prefs.recent_files.is_empty() {
                        ui.label(RichText::new("No recent sessions").weak());
                    }
                    for file in &self.prefs.recent_files {
                        if ui
                            .button(file.label())
                            .on_hover_text(file.path.display().to_string())
                            .clicked()
                        {
                            self.actions.push(Action::OpenSession(file.path.clone()));
                        }
                    }
                });
            }
            MenuItem::Separator => {
                ui.separator();
            }
        }
    }

    fn status_bar(&mut self, ui: &mut egui::Ui) {
        let palette = Palette::of(ui.ctx());
        ui.horizontal(|ui| {
            if self
                .library
                .as_ref()
                .is_some_and(|s| !s.patients.is_empty())
            {
                use egui_material_icons::icons::{ICON_LEFT_PANEL_CLOSE, ICON_LEFT_PANEL_OPEN};
                let icon = if self.patients_shown {
                    ICON_LEFT_PANEL_CLOSE
                } else {
                    ICON_LEFT_PANEL_OPEN
                };
                let command = UiCommand::TogglePatients;
                let response = ui
                    .add(egui::Button::selectable(
                        self.patients_shown,
                        icon.rich_text(),
                    ))
                    .on_hover_text(command.label_with_shortcut(ui.ctx()));
                let shown = self.patients_shown;
                response.widget_info(|| {
                    egui::WidgetInfo::selected(egui::Role::Button, true, shown, "Patient list")
                });
                if response.clicked() {
                    self.actions.push(Action::Command(command));
                }
            }
            match &self.library {
                Some(state) => {
                    let root = state.library.root();
                    let name = root.file_name().map_or_else(
                        || root.display().to_string(),
                        |n| n.to_string_lossy().into(),
                    );
                    ui.label(format!("Library: {name}"))
                        .on_hover_text(root.display().to_string());
                    if root == self.paths.demo_library {
                        ui.label(RichText::new("demo data").color(palette.warning));
                    }
                }
                None => {
                    ui.label("No library open");
                }
            }
            if let Some(doc) = self.route.document() {
                ui.separator();
                if doc.is_dirty() {
                    ui.label(RichText::new("Unsaved changes").color(palette.warning));
                } else {
                    ui.label(RichText::new("Saved").color(palette.success));
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(format!("zoom {:.0} %", self.canvas.memory.zoom() * 100.0));
                    // The canvas reports a point only while the pointer is on the body map.
                    if let Some(hover) = &self.canvas.hover {
                        ui.separator();
                        ui.label(format!("x {:.0} mm, y {:.0} mm", hover.at.x, hover.at.y));
                        let under = hover.describe(crate::bodymap::standard());
                        if !under.is_empty() {
                            ui.separator();
                            ui.add(egui::Label::new(RichText::new(under).strong()).truncate());
                        }
                    }
                });
            }
        });
    }
}

impl MyomapApp {
    /// The screen the route shows, below the menu and status bars and beside the patient
    /// list. Screens return what the user asked for; nothing here runs it.
    fn screen_ui(&mut self, ui: &mut egui::Ui, show_patients: bool) {
        if let Some(loading) = &self.loading {
            loading_ui(ui, loading);
            return;
        }
        self.read_only_banner(ui);
        match &mut self.route {
            Route::Session(doc) => {
                let asked = session_view::session_ui(
                    ui,
                    doc,
                    &mut self.canvas,
                    &mut self.custom_views,
                    &mut self.record,
                );
                self.actions
                    .extend(asked.into_iter().map(|asked| match asked {
                        RecordAction::Save => Action::Command(UiCommand::Save),
                        RecordAction::UseAftercareTemplate => Action::UseAftercareTemplate,
                        RecordAction::EditAftercareTemplate => Action::EditAftercareTemplate,
                        RecordAction::SaveAftercareTemplate(text) => {
                            Action::SaveAftercareTemplate(text)
                        }
                        RecordAction::Notify(text) => Action::Notify(text),
                        RecordAction::Inform(text) => Action::Inform(text),
                    }));
            }
            Route::Compare(state) => {
                match crate::app::screens::compare::compare_ui(ui, state, &mut self.custom_views) {
                    Some(CompareAction::Close) => self.actions.push(Action::GoHome),
                    Some(CompareAction::Open(path)) => {
                        self.actions.push(Action::OpenSession(path));
                    }
                    None => {}
                }
            }
            Route::Reconcile(state) => {
                use crate::app::screens::reconcile::{ReconcileAction, reconcile_ui};
                match reconcile_ui(ui, state, &mut self.custom_views) {
                    Some(ReconcileAction::Close) => self.actions.push(Action::GoHome),
                    Some(ReconcileAction::Open(path)) => {
                        self.actions.push(Action::OpenSession(path));
                    }
                    Some(ReconcileAction::Settle(merged)) => {
                        self.actions.push(Action::SettleConflict(merged));
                    }
                    Some(ReconcileAction::KeepSeparate) => {
                        self.actions.push(Action::KeepConflictSeparate);
                    }
                    None => {}
                }
            }
            Route::Progress(state) => {
                match crate::app::screens::progress::progress_ui(ui, state, &mut self.custom_views)
                {
                    Some(ProgressAction::Close) => self.actions.push(Action::GoHome),
                    Some(ProgressAction::Open(path)) => {
                        self.actions.push(Action::OpenSession(path));
                    }
                    Some(ProgressAction::Report) => self
                        .actions
                        .push(Action::Command(UiCommand::ExportProgressReport)),
                    None => {}
                }
            }
            Route::Home => {
                let action = match self.library.as_ref().filter(|_| show_patients) {
                    Some(state) => library::patient_ui(ui, state),
                    None => welcome::welcome_ui(
                        ui,
                        &self
                            .prefs
                            .recent_files
                            .iter()
                            .take(5)
                            .map(|f| (f.label(), f.path.clone()))
                            .collect::<Vec<_>>(),
                        self.library.as_ref().map(|s| s.library.root()),
                    ),
                };
                self.actions.extend(action);
            }
            // Drawn full-window before the panels; never reached.
            Route::Presentation { .. } => {}
        }
    }

    /// The screen turned to the patient, alone in the window: no menus, no patient list, no
    /// notes, no messages naming files or patients. Only leaving works from here: nothing
    /// else should happen behind the patient's back or open a dialog they would see.
    fn presentation_ui(&mut self, ui: &mut egui::Ui) {
        self.actions
            .retain(|a| matches!(a, Action::Command(UiCommand::Present)));
        if let Route::Presentation { presentation, .. } = &mut self.route
            && presentation.ui(ui, &mut self.custom_views) == Some(PresentationAction::Exit)
        {
            self.actions.push(Action::Command(UiCommand::Present));
        }
    }

    /// Shows myomap's own file dialog while it is open; a chosen path runs the command that
    /// asked for it again, which then takes the path (see [`Self::ask_path`]).
    fn in_app_dialog_ui(&mut self, ctx: &egui::Context) {
        let Some(dialog) = &mut self.in_app_dialog else {
            return;
        };
        match dialog.show(ctx) {
            InAppState::Open => {}
            InAppState::Closed => self.in_app_dialog = None,
            InAppState::Chosen {
                question,
                path,
                command,
            } => {
                self.in_app_dialog = None;
                self.answered = Some((question, path));
                self.actions.push(Action::Command(command));
            }
        }
    }

    /// Asks for a path for `command`: the system's dialog, or — when it cannot be shown —
    /// myomap's own, whose answer comes back by running `command` again. `None` when the
    /// user cancelled or the in-app dialog is now open.
    pub(super) fn ask_path(
        &mut self,
        command: UiCommand,
        question: PathQuestion,
    ) -> Option<PathBuf> {
        if let Some((_, path)) = self.answered.take_if(|(asked, _)| *asked == question) {
            return Some(path);
        }
        if !self.system_dialogs_failed {
            match question.ask(self.dialogs.as_mut()) {
                Ok(answer) => return answer,
                Err(reason) => {
                    self.system_dialogs_failed = true;
                    self.notifications.warning(format!(
                        "The system's file dialog could not be shown ({reason}), so myomap shows its own. Installing zenity or a desktop portal brings the system's back (see the README)."
                    ));
                }
            }
        }
        let folder = self.dialog_folder();
        self.in_app_dialog = Some(InAppDialog::open(question, command, &folder));
        None
    }

    /// Where the in-app dialog starts: the open session's folder, the library, or home.
    fn dialog_folder(&self) -> PathBuf {
        self.route
            .document()
            .and_then(|doc| doc.path())
            .and_then(|path| path.parent().map(Path::to_path_buf))
            .or_else(|| self.library().map(|l| l.root().to_owned()))
            .or_else(|| directories::UserDirs::new().map(|dirs| dirs.home_dir().to_owned()))
            .unwrap_or_else(|| PathBuf::from("."))
    }

    /// Picks up a library read on the background thread, once it is done.
    fn poll_library_loading(&mut self, ctx: &egui::Context) {
        if let Some(loading) = self.loading.take_if(|l| l.handle.is_finished()) {
            let scan = loading.handle.join().unwrap_or_else(|_| {
                Err(crate::storage::LoadError::io(
                    loading.library.root(),
                    std::io::Error::other("reading the library failed unexpectedly"),
                ))
            });
            self.library_read(loading.library, scan);
        } else if self.loading.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }
}

/// Progress of a library being read in the background.
fn loading_ui(ui: &mut egui::Ui, loading: &LibraryLoading) {
    let done = loading.progress.load(std::sync::atomic::Ordering::Relaxed);
    ui.add_space(40.0);
    ui.vertical_centered(|ui| {
        ui.spinner();
        ui.label(format!(
            "Reading the library at {}: {done} of {}",
            loading.library.root().display(),
            crate::words::count(loading.total, "patient", "patients")
        ));
        ui.add(
            egui::ProgressBar::new(done as f32 / loading.total.max(1) as f32).desired_width(320.0),
        );
    });
}

impl eframe::App for MyomapApp {
    /// Work that is not drawing, run every frame and also while the window is hidden or
    /// minimised: the crash-recovery copy, the library being read, recovered work to offer.
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.poll_library_loading(ctx);
        if let Some(doc) = self.route.document_mut() {
            match self.lock_watch.watch(doc, &mut self.recovery) {
                Ok(Some(next)) => ctx.request_repaint_after(next),
                Ok(None) => {}
                Err(problem) => self.notifications.error(problem),
            }
        }
        if let Some(doc) = self.route.document() {
            match self.recovery.keep(doc, ctx.input(|i| i.time)) {
                Ok(Some(wait)) => ctx.request_repaint_after(wait),
                Ok(None) => {}
                Err(problem) => self.notifications.error(problem),
            }
        }
        self.next_recovery_prompt();
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();

        if ctx.input(|i| i.viewport().close_requested())
            && !self.close_confirmed
            && self.route.document().is_some_and(Document::is_dirty)
        {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            if matches!(self.route, Route::Presentation { .. }) {
                // The question is for the clinician: leave the patient's screen to ask it.
                self.toggle_presentation(&ctx);
            }
            self.prompt = Some(Prompt::UnsavedChanges {
                then: Action::CloseWindow,
            });
        }
        if self.prompt.is_none()
            && self.in_app_dialog.is_none()
            && let Some(command) = UiCommand::from_shortcuts(&ctx)
        {
            self.actions.push(Action::Command(command));
        }
        self.in_app_dialog_ui(&ctx);

        if matches!(self.route, Route::Presentation { .. }) {
            self.presentation_ui(ui);
            self.run_actions(&ctx);
            return;
        }
        egui::Panel::top("menu_bar").show(ui, |ui| self.menu_bar(ui));
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar(ui));

        let has_patients = self
            .library
            .as_ref()
            .is_some_and(|state| !state.patients.is_empty());
        let beside_chart = matches!(self.route, Route::Session(_) | Route::Compare(_));
        let room = ctx.content_rect().width() >= PATIENTS_BESIDE_CHART_FROM_WIDTH;
        self.patients_shown = has_patients && self.patients_open.unwrap_or(!beside_chart || room);
        if self.patients_shown
            && let Some(state) = &mut self.library
        {
            egui::Panel::left("patients")
                .resizable(true)
                .default_size(240.0)
                .show(ui, |ui| {
                    self.actions.extend(library::patients_panel(ui, state));
                });
        }
        egui::CentralPanel::default_margins().show(ui, |ui| self.screen_ui(ui, has_patients));

        if let Some(search) = &mut self.search {
            use crate::app::screens::search::{SearchAction, search_window};
            match search_window(&ctx, search) {
                Some(SearchAction::Run(query)) => self.actions.push(Action::Find(query)),
                Some(SearchAction::Open(path)) => self.actions.push(Action::OpenSession(path)),
                Some(SearchAction::Close) => self.search = None,
                None => {}
            }
        }
        self.prompt_ui(&ctx);
        self.notifications.ui(&ctx);
        self.run_actions(&ctx);

        if let Some(doc) = self.route.document_mut() {
            crate::app::screens::editing::end_frame(&ctx, doc);
        }
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        // eframe writes the file right after this (File::create): made 0600 first, so even
        // a file deleted since the start is not recreated readable by others.
        if let Some(file) = &self.paths.preferences
            && let Err(error) = crate::storage::keep_private(file, "{}")
        {
            log::warn!("could not make {} private: {error}", file.display());
        }
        self.prefs.save(storage);
    }
}
