//! The app shell: turns menu clicks, shortcuts and screen buttons into actions, runs them in
//! one place after the frame is laid out, and guards unsaved work.

use std::path::{Path, PathBuf};

use egui::{RichText, ViewportCommand};

use super::command::UiCommand;
use super::document::Document;
use super::file_dialogs::FileDialogs;
use super::library_view::{self, LibraryState};
use super::notifications::Notifications;
use super::preferences::Preferences;
use super::theme::Palette;
use super::{AppStart, session_view, welcome};
use crate::model::{Patient, PatientId, Session, SessionId, describe_changes};
use crate::storage::{Library, RecoveryRecord, RecoveryStore, SaveError};

/// Unsaved work is copied to the recovery folder this long after the last edit (seconds).
const RECOVERY_DELAY: f64 = 2.0;

/// Where the app keeps its libraries by default.
#[derive(Clone, Debug)]
pub struct AppPaths {
    /// The clinic's own library, used when no other is chosen.
    pub default_library: PathBuf,
    /// The demo library: fictional patients, never mixed into real data.
    pub demo_library: PathBuf,
    /// Crash-recovery copies of unsaved sessions.
    pub recovery: PathBuf,
}

impl AppPaths {
    /// Under the user's data directory (e.g. `~/.local/share/myomap` on Linux).
    pub fn standard() -> Self {
        let data = directories::ProjectDirs::from("org", "myomap", "myomap")
            .map(|dirs| dirs.data_dir().to_owned())
            .unwrap_or_else(|| PathBuf::from("myomap-data"));
        Self::under(&data)
    }

    pub fn under(dir: &Path) -> Self {
        Self {
            default_library: dir.join("library"),
            demo_library: dir.join("demo-library"),
            recovery: dir.join("recovery"),
        }
    }
}

/// Something to do, collected while drawing and run after.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Command(UiCommand),
    OpenSession(PathBuf),
    OpenLibrary(PathBuf),
    SelectPatient(PatientId),
    NewSessionFor(PatientId),
    CreatePatient(String),
    /// The window's close button, or Quit after confirmation.
    CloseWindow,
}

impl Action {
    /// Whether doing this closes the open session.
    fn discards_document(&self) -> bool {
        match self {
            Self::Command(command) => matches!(
                command,
                UiCommand::NewSession
                    | UiCommand::Open
                    | UiCommand::OpenLibrary
                    | UiCommand::ExploreDemo
                    | UiCommand::Close
                    | UiCommand::Quit
            ),
            Self::OpenSession(_)
            | Self::OpenLibrary(_)
            | Self::SelectPatient(_)
            | Self::NewSessionFor(_)
            | Self::CloseWindow => true,
            Self::CreatePatient(_) => false,
        }
    }
}

/// A question the app is waiting for the user to answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Prompt {
    /// The open session has unsaved changes and `then` would close it.
    UnsavedChanges {
        then: Action,
    },
    NewPatient {
        name: String,
    },
    /// Save As chose a file that exists.
    ReplaceFile {
        path: PathBuf,
    },
    /// Unsaved work from a run that did not end cleanly.
    Recover {
        file: PathBuf,
        record: Box<RecoveryRecord>,
        /// How the recovered copy differs from the file on disk, once asked.
        comparison: Option<Vec<String>>,
    },
    /// Save found the file changed (or gone) on disk since it was opened.
    Conflict {
        deleted: bool,
        /// How our version differs from the one on disk.
        changes: Vec<String>,
    },
}

pub struct MyomapApp {
    paths: AppPaths,
    prefs: Preferences,
    dialogs: Box<dyn FileDialogs>,
    library: Option<LibraryState>,
    document: Option<Document>,
    notifications: Notifications,
    prompt: Option<Prompt>,
    actions: Vec<Action>,
    /// The user agreed to close the window (nothing unsaved, or chose to discard).
    close_confirmed: bool,
    title: String,
    recovery: RecoveryStore,
    /// Recovery copies found at start, not yet offered.
    pending_recovery: Vec<(PathBuf, RecoveryRecord)>,
    /// The document revision last copied to the recovery folder.
    recovered_revision: Option<u64>,
    /// The document revision seen last frame, and when it was first seen.
    last_revision: Option<(u64, f64)>,
}

impl MyomapApp {
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        start: AppStart,
        paths: AppPaths,
        dialogs: Box<dyn FileDialogs>,
    ) -> Self {
        let prefs = Preferences::load(cc.storage);
        let paths_recovery = paths.recovery.clone();
        cc.egui_ctx.set_theme(prefs.theme.egui());
        let mut app = Self {
            paths,
            prefs,
            dialogs,
            library: None,
            document: None,
            notifications: Notifications::default(),
            prompt: None,
            actions: Vec::new(),
            close_confirmed: false,
            title: String::new(),
            recovery: RecoveryStore::new(&paths_recovery),
            pending_recovery: Vec::new(),
            recovered_revision: None,
            last_revision: None,
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
        let (records, problems) = app.recovery.list();
        for problem in problems {
            app.notifications.error(format!(
                "A crash-recovery file could not be read: {problem}"
            ));
        }
        app.pending_recovery = records;
        app.next_recovery_prompt();
        app
    }

    /// Offers the next recovered session, if any and no other question is open.
    /// Never while unsaved work is open: opening a recovered copy replaces the open session.
    fn next_recovery_prompt(&mut self) {
        let busy = self.document.as_ref().is_some_and(Document::is_dirty);
        if self.prompt.is_none()
            && !busy
            && let Some((file, record)) = self.pending_recovery.pop()
        {
            self.prompt = Some(Prompt::Recover {
                file,
                record: Box::new(record),
                comparison: None,
            });
        }
    }

    /// Closes the open session. Its crash-recovery copy goes too: by now its changes were
    /// saved or the user chose to discard them.
    fn close_document(&mut self) {
        if let Some(doc) = self.document.take()
            && let Err(error) = self.recovery.remove(doc.session.id)
        {
            self.notifications
                .warning(format!("Could not remove the crash-recovery copy: {error}"));
        }
        self.recovered_revision = None;
        self.last_revision = None;
    }

    /// Makes `doc` the open session, showing its warnings, with its library and patient
    /// shown beside it.
    fn set_document(&mut self, doc: Document, warnings: Vec<String>) {
        self.close_document();
        for warning in warnings {
            self.notifications.warning(warning);
        }
        if let Some(library) = &doc.library
            && self.library().is_none_or(|open| open != library)
        {
            let root = library.root().to_owned();
            self.open_library(&root);
        }
        if let Some(state) = &mut self.library {
            let patient = doc.session.patient_id;
            if state.selected != Some(patient) && state.patient(patient).is_some() {
                state.select(Some(patient), &mut self.notifications);
            }
        }
        self.document = Some(doc);
    }

    /// Copies unsaved work to the recovery folder a moment after the last edit.
    fn keep_recovery_copy(&mut self, ctx: &egui::Context) {
        let Some(doc) = &self.document else {
            return;
        };
        let now = ctx.input(|i| i.time);
        let revision = doc.revision();
        let since = match self.last_revision {
            Some((seen, since)) if seen == revision => since,
            _ => {
                self.last_revision = Some((revision, now));
                now
            }
        };
        if !doc.is_dirty() {
            if self.recovered_revision.is_some() {
                // Saved (or undone back to the saved state): the copy is no longer needed.
                let _ = self.recovery.remove(doc.session.id);
                self.recovered_revision = None;
            }
            return;
        }
        if self.recovered_revision == Some(revision) {
            return;
        }
        let wait = RECOVERY_DELAY - (now - since);
        if wait > 0.0 {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
            return;
        }
        match self.recovery.write(&doc.recovery_record()) {
            Ok(_) => self.recovered_revision = Some(revision),
            Err(error) => {
                self.notifications.error(format!(
                    "Could not keep a crash-recovery copy of your changes: {error}"
                ));
                // Do not retry every frame; the next edit tries again.
                self.recovered_revision = Some(revision);
            }
        }
    }

    pub fn document(&self) -> Option<&Document> {
        self.document.as_ref()
    }

    pub fn document_mut(&mut self) -> Option<&mut Document> {
        self.document.as_mut()
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

    pub fn preferences(&self) -> &Preferences {
        &self.prefs
    }

    /// The window title: file name, an unsaved-changes marker, the patient.
    pub fn window_title(&self) -> String {
        match &self.document {
            Some(doc) => format!(
                "{}{} — {} — myomap",
                if doc.is_dirty() { "● " } else { "" },
                doc.file_name(),
                doc.patient_name
            ),
            None => match &self.library {
                Some(state) => format!("myomap — {}", state.library.root().display()),
                None => "myomap".to_owned(),
            },
        }
    }

    /// Queues an action as if the user had asked for it (menus, tests).
    pub fn request(&mut self, action: Action) {
        self.actions.push(action);
    }

    fn run_actions(&mut self, ctx: &egui::Context) {
        for action in std::mem::take(&mut self.actions) {
            self.run(ctx, action);
        }
    }

    fn run(&mut self, ctx: &egui::Context, action: Action) {
        if action.discards_document() && self.document.as_ref().is_some_and(Document::is_dirty) {
            self.prompt = Some(Prompt::UnsavedChanges { then: action });
            return;
        }
        match action {
            Action::Command(command) => self.run_command(ctx, command),
            Action::OpenSession(path) => self.open_session(&path),
            Action::OpenLibrary(dir) => {
                self.close_document();
                self.open_library(&dir);
            }
            Action::SelectPatient(id) => {
                self.close_document();
                if let Some(state) = &mut self.library {
                    state.select(Some(id), &mut self.notifications);
                }
            }
            Action::NewSessionFor(id) => self.new_session_for(id),
            Action::CreatePatient(name) => self.create_patient(name),
            Action::CloseWindow => {
                self.close_document();
                self.close_confirmed = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }

    fn run_command(&mut self, ctx: &egui::Context, command: UiCommand) {
        match command {
            UiCommand::NewSession => match self.library.as_ref().and_then(|s| s.selected) {
                Some(id) => self.new_session_for(id),
                None => {
                    self.notifications
                        .info("Choose or add the patient this session is for.");
                    self.prompt = Some(Prompt::NewPatient {
                        name: String::new(),
                    });
                }
            },
            UiCommand::NewPatient => {
                self.prompt = Some(Prompt::NewPatient {
                    name: String::new(),
                });
            }
            UiCommand::Open => {
                if let Some(path) = self.dialogs.open_session() {
                    self.open_session(&path);
                }
            }
            UiCommand::OpenLibrary => {
                if let Some(dir) = self.dialogs.pick_folder() {
                    self.close_document();
                    self.open_library(&dir);
                }
            }
            UiCommand::ExploreDemo => self.explore_demo(),
            UiCommand::Save => self.save(),
            UiCommand::SaveAs => self.save_as(),
            UiCommand::Close => self.close_document(),
            UiCommand::Quit => {
                self.close_document();
                self.close_confirmed = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
            UiCommand::Undo => {
                if let Some(doc) = &mut self.document {
                    doc.undo();
                }
            }
            UiCommand::Redo => {
                if let Some(doc) = &mut self.document {
                    doc.redo();
                }
            }
            UiCommand::ToggleTheme => {
                self.prefs.theme = self.prefs.theme.toggled();
                ctx.set_theme(self.prefs.theme.egui());
            }
            UiCommand::ShowMessages => self.notifications.show_log = true,
        }
    }

    fn open_library(&mut self, dir: &Path) {
        match LibraryState::open(Library::new(dir)) {
            Ok(state) => {
                for problem in &state.problems {
                    self.notifications.error(problem.clone());
                }
                if *dir != self.paths.demo_library {
                    self.prefs.last_library = Some(dir.to_owned());
                }
                self.library = Some(state);
            }
            Err(error) => self.notifications.error(error.to_string()),
        }
    }

    fn open_session(&mut self, path: &Path) {
        if self
            .document
            .as_ref()
            .is_some_and(|doc| doc.path.as_deref() == Some(path))
        {
            self.notifications.info("That session is already open.");
            return;
        }
        match Document::open(path) {
            Ok((doc, warnings)) => {
                self.prefs.add_recent(path);
                self.set_document(doc, warnings);
            }
            Err(error) => self.notifications.error(error.to_string()),
        }
    }

    fn explore_demo(&mut self) {
        let dir = self.paths.demo_library.clone();
        if Library::new(&dir).is_empty()
            && let Err(error) = crate::demo::write_demo_library(&dir)
        {
            self.notifications
                .error(format!("Could not write the demo library: {error}"));
            return;
        }
        self.close_document();
        self.open_library(&dir);
        self.notifications.info(format!(
            "This is the demo library: fictional patients, kept apart from your records in {}",
            dir.display()
        ));
    }

    fn create_patient(&mut self, name: String) {
        let name = name.trim().to_owned();
        if name.is_empty() {
            self.notifications
                .warning("Enter the patient's name or initials.");
            self.prompt = Some(Prompt::NewPatient { name });
            return;
        }
        let Some(dir) = self.library().map(|l| l.root().to_owned()) else {
            self.notifications
                .error("No library is open: open a library folder first (File menu).");
            return;
        };
        let library = Library::new(&dir);
        let patient = Patient::new(PatientId::random(), name);
        match library.create_patient(&patient) {
            Ok(_) => {
                self.open_library(&dir);
                if let Some(state) = &mut self.library {
                    state.select(Some(patient.id), &mut self.notifications);
                }
                self.notifications
                    .success(format!("Added {}.", patient.display_name));
                self.actions.push(Action::NewSessionFor(patient.id));
            }
            Err(error) => self.notifications.error(error.to_string()),
        }
    }

    fn new_session_for(&mut self, patient_id: PatientId) {
        let Some(state) = &self.library else {
            return;
        };
        let now = jiff::ZonedDateTime::now().datetime();
        let started = now
            .with()
            .second(0)
            .subsec_nanosecond(0)
            .build()
            .unwrap_or(now);
        let mut session = Session::new(SessionId::random(), patient_id, started);
        if let Some(previous) = state.sessions.last() {
            session.clinician = previous.session.clinician.clone();
        }
        let name = state
            .patient(patient_id)
            .map_or_else(String::new, |p| p.display_name.clone());
        let doc = Document::new_unsaved(session, Some(state.library.clone()), name);
        self.set_document(doc, Vec::new());
    }

    fn save(&mut self) {
        let Some(doc) = &mut self.document else {
            return;
        };
        if doc.save_target().is_none() {
            self.save_as();
            return;
        }
        match doc.save() {
            Ok(path) => {
                self.prefs.add_recent(&path);
                self.notifications
                    .success(format!("Saved {}", path.display()));
                self.refresh_library();
            }
            Err(error @ (SaveError::ChangedOnDisk { .. } | SaveError::DeletedOnDisk { .. })) => {
                let deleted = matches!(error, SaveError::DeletedOnDisk { .. });
                let changes = match (&doc.path, deleted) {
                    (Some(path), false) => match crate::storage::load_session(path) {
                        Ok(theirs) => describe_changes(&theirs, &doc.session),
                        Err(load) => {
                            vec![format!("the file on disk can no longer be read: {load}")]
                        }
                    },
                    _ => Vec::new(),
                };
                self.notifications.warning(error.to_string());
                self.prompt = Some(Prompt::Conflict { deleted, changes });
            }
            Err(error) => self.notifications.error(error.to_string()),
        }
    }

    fn save_as(&mut self) {
        let Some(doc) = &self.document else {
            return;
        };
        let suggested = Library::session_file_name(&doc.session);
        let Some(path) = self.dialogs.save_session(&suggested) else {
            return;
        };
        if path.exists() && doc.path.as_deref() != Some(path.as_path()) {
            self.prompt = Some(Prompt::ReplaceFile { path });
        } else {
            self.save_to(&path);
        }
    }

    fn save_to(&mut self, path: &Path) {
        let Some(doc) = &mut self.document else {
            return;
        };
        match doc.save_as(path) {
            Ok(path) => {
                self.prefs.add_recent(&path);
                self.notifications
                    .success(format!("Saved {}", path.display()));
                self.refresh_library();
            }
            Err(error) => self.notifications.error(error.to_string()),
        }
    }

    fn refresh_library(&mut self) {
        if let Some(state) = &mut self.library {
            state.refresh(&mut self.notifications);
        }
    }

    fn menu_bar(&mut self, ui: &mut egui::Ui) {
        let has_doc = self.document.is_some();
        let can_undo = self.document.as_ref().is_some_and(Document::can_undo);
        let can_redo = self.document.as_ref().is_some_and(Document::can_redo);
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                for (command, enabled) in [
                    (UiCommand::NewSession, self.library.is_some()),
                    (UiCommand::NewPatient, true),
                    (UiCommand::Open, true),
                ] {
                    if command.menu_button(ui, enabled) {
                        self.actions.push(Action::Command(command));
                    }
                }
                ui.menu_button("Open recent", |ui| {
                    if self.prefs.recent_files.is_empty() {
                        ui.label(RichText::new("No recent sessions").weak());
                    }
                    for path in &self.prefs.recent_files {
                        let label = path.file_name().map_or_else(
                            || path.display().to_string(),
                            |n| n.to_string_lossy().into(),
                        );
                        if ui
                            .button(label)
                            .on_hover_text(path.display().to_string())
                            .clicked()
                        {
                            self.actions.push(Action::OpenSession(path.clone()));
                        }
                    }
                });
                for command in [UiCommand::OpenLibrary, UiCommand::ExploreDemo] {
                    if command.menu_button(ui, true) {
                        self.actions.push(Action::Command(command));
                    }
                }
                ui.separator();
                for command in [UiCommand::Save, UiCommand::SaveAs, UiCommand::Close] {
                    if command.menu_button(ui, has_doc) {
                        self.actions.push(Action::Command(command));
                    }
                }
                ui.separator();
                if UiCommand::Quit.menu_button(ui, true) {
                    self.actions.push(Action::Command(UiCommand::Quit));
                }
            });
            ui.menu_button("Edit", |ui| {
                if UiCommand::Undo.menu_button(ui, can_undo) {
                    self.actions.push(Action::Command(UiCommand::Undo));
                }
                if UiCommand::Redo.menu_button(ui, can_redo) {
                    self.actions.push(Action::Command(UiCommand::Redo));
                }
            });
            ui.menu_button("View", |ui| {
                for command in [UiCommand::ToggleTheme, UiCommand::ShowMessages] {
                    if command.menu_button(ui, true) {
                        self.actions.push(Action::Command(command));
                    }
                }
            });
        });
    }

    fn status_bar(&self, ui: &mut egui::Ui) {
        let palette = Palette::of(ui.ctx());
        ui.horizontal(|ui| {
            match &self.library {
                Some(state) => {
                    ui.label(format!("Library: {}", state.library.root().display()));
                    if state.library.root() == self.paths.demo_library {
                        ui.label(RichText::new("demo data").color(palette.warning));
                    }
                }
                None => {
                    ui.label("No library open");
                }
            }
            if let Some(doc) = &self.document {
                ui.separator();
                if doc.is_dirty() {
                    ui.label(RichText::new("Unsaved changes").color(palette.warning));
                } else {
                    ui.label(RichText::new("Saved").color(palette.success));
                }
            }
        });
    }

    fn prompt_ui(&mut self, ctx: &egui::Context) {
        let Some(prompt) = self.prompt.clone() else {
            return;
        };
        let modal = egui::Modal::new(egui::Id::unique("prompt")).show(ctx, |ui| {
            ui.set_width(420.0);
            match prompt {
                Prompt::UnsavedChanges { then } => {
                    ui.heading("Save changes to this session?");
                    let name = self.document.as_ref().map_or_else(String::new, Document::file_name);
                    ui.label(format!(
                        "{name} has changes that are not saved. If you don't save, they are lost."
                    ));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Save").clicked() {
                            self.prompt = None;
                            self.save();
                            if !self.document.as_ref().is_some_and(Document::is_dirty) {
                                self.actions.push(then.clone());
                            }
                        }
                        if ui.button("Don't save").clicked() {
                            self.prompt = None;
                            self.close_document();
                            self.actions.push(then.clone());
                        }
                        if ui.button("Cancel").clicked() {
                            self.prompt = None;
                        }
                    });
                }
                Prompt::NewPatient { mut name } => {
                    ui.heading("New patient");
                    let label = ui.label("Name or initials, as your clinic shows them:");
                    let response = ui
                        .add(
                            egui::TextEdit::singleline(&mut name)
                                .hint_text("e.g. J. Smith")
                                .desired_width(f32::INFINITY),
                        )
                        .labelled_by(label.id);
                    if !response.has_focus() && name.is_empty() {
                        response.request_focus();
                    }
                    let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    ui.add_space(8.0);
                    let mut done = false;
                    ui.horizontal(|ui| {
                        if ui.button("Create patient").clicked() || enter {
                            self.actions.push(Action::CreatePatient(name.clone()));
                            done = true;
                        }
                        if ui.button("Cancel").clicked() {
                            done = true;
                        }
                    });
                    self.prompt = (!done).then_some(Prompt::NewPatient { name });
                }
                Prompt::Recover {
                    file,
                    record,
                    comparison,
                } => self.recover_prompt_ui(ui, file, *record, comparison),
                Prompt::Conflict { deleted, changes } => self.conflict_prompt_ui(ui, deleted, &changes),
                Prompt::ReplaceFile { path } => {
                    ui.heading("Replace the existing file?");
                    ui.label(format!(
                        "{} already exists. Replacing it keeps its current contents as a .bak file beside it.",
                        path.display()
                    ));
                    ui.horizontal(|ui| {
                        if ui.button("Replace").clicked() {
                            self.prompt = None;
                            self.save_to(&path);
                        }
                        if ui.button("Cancel").clicked() {
                            self.prompt = None;
                        }
                    });
                }
            }
        });
        if modal.should_close() && matches!(self.prompt, Some(Prompt::NewPatient { .. })) {
            self.prompt = None;
        }
    }
}

impl MyomapApp {
    fn recover_prompt_ui(
        &mut self,
        ui: &mut egui::Ui,
        file: PathBuf,
        record: RecoveryRecord,
        comparison: Option<Vec<String>>,
    ) {
        ui.heading("Recover unsaved work?");
        let name = record.original.as_ref().map_or_else(
            || format!("a new session of {}", record.session.date()),
            |p| {
                p.file_name()
                    .map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into())
            },
        );
        ui.label(format!(
            "myomap did not close normally. Changes to {name} ({}) were kept, as of {}.",
            record.patient_name,
            record.written_at.strftime("%Y-%m-%d %H:%M:%S")
        ));
        if let Some(lines) = &comparison {
            ui.add_space(6.0);
            if lines.is_empty() {
                ui.label("The recovered copy is the same as the file on disk.");
            } else {
                ui.label("Compared with the file on disk, the recovered copy has:");
                for line in lines {
                    ui.label(format!("• {line}"));
                }
            }
        }
        ui.add_space(8.0);
        let mut next = Some(Prompt::Recover {
            file: file.clone(),
            record: Box::new(record.clone()),
            comparison: comparison.clone(),
        });
        ui.horizontal(|ui| {
            if ui.button("Open recovered copy").clicked() {
                next = None;
                let (doc, warnings) = Document::from_recovery(record.clone());
                let revision = doc.revision();
                self.set_document(doc, warnings);
                // The recovery file matches the document: it stays until the recovered work
                // is saved or discarded.
                self.recovered_revision = Some(revision);
            }
            if let Some(original) = record.original.as_ref().filter(|_| comparison.is_none())
                && ui.button("Compare with the file on disk").clicked()
            {
                let lines = match crate::storage::load_session(original) {
                    Ok(theirs) => describe_changes(&theirs, &record.session),
                    Err(error) => vec![format!("no readable file on disk ({error})")],
                };
                next = Some(Prompt::Recover {
                    file: file.clone(),
                    record: Box::new(record.clone()),
                    comparison: Some(lines),
                });
            }
            if ui.button("Discard recovered copy").clicked() {
                next = None;
                if let Err(error) = std::fs::remove_file(&file) {
                    self.notifications
                        .error(format!("Could not remove {}: {error}", file.display()));
                }
            }
        });
        self.prompt = next;
    }

    fn conflict_prompt_ui(&mut self, ui: &mut egui::Ui, deleted: bool, changes: &[String]) {
        let name = self
            .document
            .as_ref()
            .map_or_else(String::new, Document::file_name);
        if deleted {
            ui.heading("The file was deleted on disk");
            ui.label(format!(
                "{name} was deleted or moved (by another workstation or a sync tool) since you opened it. Your changes are still here."
            ));
        } else {
            ui.heading("The file changed on disk");
            ui.label(format!(
                "{name} was changed by someone else (another workstation or a sync tool) since you opened it. It was not overwritten."
            ));
            if !changes.is_empty() {
                ui.label("Compared with the file on disk, your version has:");
                for line in changes {
                    ui.label(format!("• {line}"));
                }
            }
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save as a copy…").clicked() {
                self.prompt = None;
                self.save_as();
            }
            if deleted {
                if ui.button("Save it again here").clicked() {
                    self.prompt = None;
                    if let Some(path) = self.document.as_ref().and_then(|d| d.path.clone()) {
                        self.save_to(&path);
                    }
                }
            } else if ui.button("Reload and discard my changes").clicked() {
                self.prompt = None;
                if let Some(doc) = &mut self.document
                    && let Err(error) = doc.reload()
                {
                    self.notifications.error(error.to_string());
                }
            }
            if ui.button("Cancel").clicked() {
                self.prompt = None;
            }
        });
    }

    /// The banner over a session someone else has open.
    fn read_only_banner(&mut self, ui: &mut egui::Ui) {
        let Some(holder) = self.document.as_ref().and_then(Document::held_by).cloned() else {
            return;
        };
        let palette = Palette::of(ui.ctx());
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                let why = if holder.is_stale() {
                    format!(
                        "Read-only: left locked by a myomap that is no longer running ({}).",
                        holder.describe()
                    )
                } else {
                    format!("Read-only: this session is {}.", holder.describe())
                };
                ui.label(RichText::new(why).color(palette.warning));
                if ui
                    .button("Take over editing")
                    .on_hover_text(
                        "Edit here instead. Only do this if it is not really being edited elsewhere: two people saving the same session would conflict.",
                    )
                    .clicked()
                    && let Some(doc) = &mut self.document
                {
                    match doc.take_over() {
                        Ok(()) => self.notifications.info("You can edit this session now."),
                        Err(error) => self.notifications.error(error.to_string()),
                    }
                }
            });
        });
        ui.add_space(6.0);
    }
}

impl eframe::App for MyomapApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();

        if ctx.input(|i| i.viewport().close_requested())
            && !self.close_confirmed
            && self.document.as_ref().is_some_and(Document::is_dirty)
        {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.prompt = Some(Prompt::UnsavedChanges {
                then: Action::CloseWindow,
            });
        }
        if self.prompt.is_none()
            && let Some(command) = UiCommand::from_shortcuts(&ctx)
        {
            self.actions.push(Action::Command(command));
        }

        egui::Panel::top("menu_bar").show(ui, |ui| self.menu_bar(ui));
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar(ui));

        let show_patients = self
            .library
            .as_ref()
            .is_some_and(|state| !state.patients.is_empty());
        if show_patients && let Some(state) = &mut self.library {
            egui::Panel::left("patients")
                .resizable(true)
                .default_size(240.0)
                .show(ui, |ui| {
                    if let Some(action) = library_view::patients_panel(ui, state) {
                        self.actions.push(action);
                    }
                });
        }

        egui::CentralPanel::default_margins().show(ui, |ui| {
            self.read_only_banner(ui);
            if let Some(doc) = &mut self.document {
                let editable = !doc.is_read_only();
                ui.add_enabled_ui(editable, |ui| session_view::session_ui(ui, doc));
            } else if let Some(state) = self.library.as_ref().filter(|_| show_patients) {
                if let Some(action) = library_view::patient_ui(ui, state) {
                    self.actions.push(action);
                }
            } else if let Some(action) = welcome::welcome_ui(
                ui,
                &self.prefs.recent_files,
                self.library.as_ref().map(|s| s.library.root()),
            ) {
                self.actions.push(action);
            }
        });

        self.prompt_ui(&ctx);
        self.notifications.ui(&ctx);
        self.run_actions(&ctx);
        self.keep_recovery_copy(&ctx);
        self.next_recovery_prompt();

        if let Some(doc) = &mut self.document {
            doc.end_frame(&ctx);
        }
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.prefs.save(storage);
    }
}
