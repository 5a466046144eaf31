//! What the user's actions do: every menu item, shortcut, button and prompt answer ends up
//! here as an [`Action`], run after the frame is laid out; every file effect happens here.
//! Actions that would close unsaved work ask first.

use std::path::{Path, PathBuf};

use egui::ViewportCommand;

use crate::app::canvas::custom_views::CustomViews;
use crate::app::screens::compare::CompareState;
use crate::app::screens::measures::LastVisit;
use crate::app::screens::presentation::Presentation;
use crate::app::screens::progress::ProgressState;
use crate::app::screens::reconcile::ReconcileState;
use crate::app::shell::action::Action;
use crate::app::shell::app::MyomapApp;
use crate::app::shell::command::UiCommand;
use crate::app::shell::file_dialogs::PathQuestion;
use crate::app::shell::library_state::LibraryState;
use crate::app::shell::preferences::RecentFile;
use crate::app::shell::prompt::{Prompt, Replacement};
use crate::app::shell::route::Route;
use crate::document::Document;
use crate::model::{
    Aftercare, DEFAULT_AFTERCARE, Edit, Field, Patient, PatientId, Screening, Session, SessionId,
    describe_changes,
};
use crate::storage::{Library, SaveError, conflicts};
use crate::words::count;

/// Libraries with at most this many patients are read at once (a few milliseconds); bigger
/// ones on a background thread with a progress indicator.
const LIBRARY_READ_AT_ONCE: usize = 50;

impl MyomapApp {
    /// Closes the open session. Its crash-recovery copy goes too: by now its changes were
    /// saved or the user chose to discard them.
    pub(super) fn close_document(&mut self) {
        // Only a recovery copy this window wrote (or restored) is ours to remove: another
        // instance may be keeping one for the same session.
        let owned = self.recovery.written.is_some();
        if let Some(doc) = self.route.take_document()
            && owned
            && let Err(error) = self.recovery.store.remove(doc.session().id)
        {
            self.notifications
                .warning(format!("Could not remove the crash-recovery copy: {error}"));
        }
        self.recovery.forget();
        self.record.reset();
    }

    /// Makes `doc` the open session, showing its warnings, with its library and patient
    /// shown beside it.
    pub(super) fn set_document(&mut self, doc: Document, warnings: Vec<String>) {
        self.close_document();
        for warning in warnings {
            self.notifications.warning(warning);
        }
        let standard = crate::model::BodyMapRef::standard();
        if doc.session().body_map != standard {
            self.notifications.warning(format!(
                "This session was charted on body map {} version {}; it is shown on {} version {}, so marks may not sit on the same anatomy.",
                doc.session().body_map.id, doc.session().body_map.version, standard.id, standard.version
            ));
        }
        // A new session starts on its first charted view; what new marks are made with (the
        // last needle and technique used) carries over from the session before.
        let settings = self.canvas.tools.settings.clone();
        self.canvas = crate::app::canvas::CanvasState::for_session(doc.session());
        self.canvas.tools.settings = settings;
        for view in doc.session().views_used() {
            let known = crate::bodymap::standard().map.view(view).is_some()
                || self.custom_views.get(view.as_str()).is_some();
            if !known {
                self.notifications.warning(format!(
                    "This session has marks on the view \"{view}\", which this library does not have (a custom view that was removed or renamed?). The marks are kept and saved unchanged."
                ));
            }
        }
        if let Some(library) = doc.library()
            && self.library().is_none_or(|open| open != library)
        {
            let root = library.root().to_owned();
            self.open_library(&root);
        }
        if let Some(state) = &mut self.library {
            let patient = doc.session().patient_id;
            if state.selected != Some(patient) && state.patient(patient).is_some() {
                state.select(Some(patient), &mut self.notifications);
            }
        }
        self.record.opened(&doc);
        let last = self.library.as_ref().and_then(|state| {
            let before = state.visit_before(doc.session())?;
            Some(LastVisit {
                date: before.date(),
                outcomes: before.outcomes.clone(),
            })
        });
        self.record.measures.set_last_visit(last);
        self.route = Route::Session(Box::new(doc));
    }

    pub(super) fn run_actions(&mut self, ctx: &egui::Context) {
        for action in std::mem::take(&mut self.actions) {
            self.run(ctx, action);
        }
    }

    fn run(&mut self, ctx: &egui::Context, action: Action) {
        if action.discards_document() && self.route.document().is_some_and(Document::is_dirty) {
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
                self.route = Route::Home;
                if let Some(state) = &mut self.library {
                    state.select(Some(id), &mut self.notifications);
                }
            }
            Action::NewSessionFor(id) => self.new_session_for(id, false),
            Action::NewSessionFromLast(id) => self.new_session_for(id, true),
            Action::Compare(a, b) => self.open_comparison(&a, &b),
            Action::Reconcile(copy) => self.open_reconcile(&copy),
            Action::Find(query) => self.find(&query),
            Action::SettleConflict(merged) => self.settle_conflict(&merged),
            Action::KeepConflictSeparate => self.keep_conflict_separate(),
            Action::Progress(id) => self.open_progress(id),
            Action::GoHome => {
                if self.route.document().is_none() {
                    self.route = Route::Home;
                }
            }
            Action::CreatePatient(name) => self.create_patient(name),
            Action::EditPatient(id) => self.edit_patient(id),
            Action::SavePatient { original, details } => self.save_patient(&original, details),
            Action::AddCustomView { image, name } => self.add_custom_view(&image, &name),
            Action::CloseWindow => {
                self.close_document();
                self.close_confirmed = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
            Action::SaveThen(then) => {
                self.save();
                if !self.route.document().is_some_and(Document::is_dirty) {
                    self.actions.push(*then);
                }
            }
            Action::DiscardThen(then) => {
                self.close_document();
                self.actions.push(*then);
            }
            Action::SaveTo(path) => self.save_to(&path),
            Action::WriteExport(path, bytes) => self.write_export(&path, &bytes),
            Action::OpenRecovered(record) => {
                // Close whatever is open first, so its lock on the same file is released.
                self.close_document();
                let (doc, warnings) = Document::from_recovery(*record);
                let revision = doc.revision();
                self.set_document(doc, warnings);
                // The recovery file matches the document: it stays until the recovered work
                // is saved or discarded.
                self.recovery.written = Some(revision);
            }
            Action::CompareRecovered { file, record } => {
                let comparison = record.original.as_ref().map(|original| {
                    match crate::storage::load_session(original) {
                        Ok(theirs) => describe_changes(&theirs, &record.session),
                        Err(error) => vec![format!("no readable file on disk ({error})")],
                    }
                });
                self.prompt = Some(Prompt::Recover {
                    file,
                    record,
                    comparison,
                });
            }
            Action::DiscardRecovered(file) => {
                if let Err(error) = std::fs::remove_file(&file) {
                    self.notifications
                        .error(format!("Could not remove {}: {error}", file.display()));
                }
            }
            Action::Recreate => {
                if let Some(doc) = self.route.document_mut() {
                    let result = doc.recreate();
                    self.after_save(result);
                }
            }
            Action::Reload => {
                if let Some(doc) = self.route.document_mut()
                    && let Err(error) = doc.reload()
                {
                    self.notifications.error(error.to_string());
                }
            }
            Action::UseAftercareTemplate => self.use_aftercare_template(),
            Action::EditAftercareTemplate => {
                let Some(library) = self.route.document().and_then(Document::library) else {
                    return;
                };
                match library.aftercare_template() {
                    Ok(text) => self.record.open_template(text),
                    Err(error) => self.notifications.error(format!(
                        "Could not read {}: {error}",
                        library.aftercare_file().display()
                    )),
                }
            }
            Action::Notify(text) => self.notifications.warning(text),
            Action::Inform(text) => self.notifications.info(text),
            Action::SaveAftercareTemplate(text) => {
                let Some(library) = self.route.document().and_then(Document::library) else {
                    return;
                };
                match library.save_aftercare_template(&text) {
                    Ok(()) => {
                        self.record.template_saved();
                        self.notifications.success(format!(
                            "Saved the clinic's aftercare template ({}).",
                            library.aftercare_file().display()
                        ));
                    }
                    Err(error) => self.notifications.error(format!(
                        "Could not save {}: {error}",
                        library.aftercare_file().display()
                    )),
                }
            }
            Action::TakeOver => {
                if let Some(doc) = self.route.document_mut() {
                    match doc.take_over() {
                        Ok(()) => self.notifications.info("You can edit this session now."),
                        Err(error) => self.notifications.error(error.to_string()),
                    }
                }
            }
        }
    }

    fn run_command(&mut self, ctx: &egui::Context, command: UiCommand) {
        match command {
            UiCommand::NewSession => match self.library.as_ref().and_then(|s| s.selected) {
                Some(id) => self.new_session_for(id, false),
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
                if let Some(path) = self.ask_path(command, PathQuestion::OpenSession) {
                    self.open_session(&path);
                }
            }
            UiCommand::OpenLibrary => {
                if let Some(dir) = self.ask_path(command, PathQuestion::LibraryFolder) {
                    self.close_document();
                    self.open_library(&dir);
                }
            }
            UiCommand::ExploreDemo => self.explore_demo(),
            UiCommand::FindByLocation => {
                if self.search.is_none() {
                    self.search = Some(Default::default());
                }
            }
            UiCommand::AddCustomView => {
                if self.library.is_none() {
                    self.notifications
                        .info("Open a library first: custom views belong to a library.");
                } else if let Some(image) = self.ask_path(command, PathQuestion::DiagramImage) {
                    let name = image
                        .file_stem()
                        .map(|s| s.to_string_lossy().replace(['_', '-'], " "))
                        .unwrap_or_default();
                    self.prompt = Some(Prompt::NewCustomView { image, name });
                }
            }
            UiCommand::Present => self.toggle_presentation(ctx),
            UiCommand::Save => self.save(),
            UiCommand::SaveAs => self.save_as(),
            UiCommand::Close => self.close_document(),
            UiCommand::Quit => {
                self.close_document();
                self.close_confirmed = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
            UiCommand::Undo => {
                if let Some(doc) = self.route.document_mut() {
                    if doc.session().signature.is_some() {
                        // Nothing to undo in a signed session: say where changes go instead.
                        self.record.refuse_signed(doc);
                    } else {
                        doc.undo();
                    }
                }
            }
            UiCommand::Redo => {
                if let Some(doc) = self.route.document_mut() {
                    doc.redo();
                }
            }
            UiCommand::TogglePatients => self.patients_open = Some(!self.patients_shown),
            UiCommand::ToggleSidePanel => match &mut self.route {
                Route::Session(_) => self.record.details_open = Some(!self.record.details_shown),
                Route::Compare(state) => state.metrics_open = Some(!state.metrics_shown),
                _ => {}
            },
            UiCommand::ToggleTheme => {
                self.prefs.theme = self.prefs.theme.toggled();
                ctx.set_theme(self.prefs.theme.egui());
            }
            UiCommand::ShowMessages => self.notifications.show_log = true,
            UiCommand::ExportPng => self.export_view(false),
            UiCommand::ExportSvg => self.export_view(true),
            UiCommand::ExportReport => self.export_report(false),
            UiCommand::ExportHandout => self.export_report(true),
            UiCommand::ExportCsv => self.export_csv(),
            UiCommand::ExportProgressReport => self.export_progress_report(),
        }
    }

    /// Searches the open library by location, on its index (brought up to date with the
    /// files first), and shows the visits found in the search window.
    fn find(&mut self, query: &crate::index::Query) {
        use crate::app::screens::search::Found;
        let (Some(library), Some(search)) = (&self.library, &mut self.search) else {
            return;
        };
        let (index, _) = crate::index::LibraryIndex::open(&library.library);
        let hits = index.find(query);
        let patients = hits
            .iter()
            .map(|h| &h.patient.folder)
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        let unreadable = index.unreadable().count();
        let mut summary = format!(
            "{} of {} found among {}",
            count(hits.len(), "visit", "visits"),
            count(patients, "patient", "patients"),
            count(index.visit_count(), "visit", "visits")
        );
        if unreadable > 0 {
            summary.push_str(&format!(
                "; {} could not be searched",
                count(unreadable, "visit file", "visit files")
            ));
        }
        let found = hits
            .iter()
            .map(|hit| Found {
                date: hit.date.to_string(),
                patient: hit.patient.display_name.clone(),
                matched: hit.matched.join("; "),
                path: hit.path(&library.library),
            })
            .collect();
        search.results = Some((found, summary));
    }

    /// Opens the reconcile screen for a conflict copy: the visit's file and the copy, read
    /// fresh from disk, and the file's backup as their common ancestor when it is one.
    fn open_reconcile(&mut self, copy_path: &Path) {
        let Some(copy) = conflicts::conflict_copy(copy_path) else {
            return;
        };
        let read = |path: &Path| crate::storage::load_session(path);
        let (ours, theirs) = match (read(&copy.original), read(&copy.path)) {
            (Ok(ours), Ok(theirs)) => (ours, theirs),
            (Err(error), _) | (_, Err(error)) => {
                self.notifications
                    .error(format!("Cannot reconcile: {error}"));
                return;
            }
        };
        let ancestor = conflicts::ancestor(&copy.original, &theirs);
        let name = self
            .library
            .as_ref()
            .and_then(|state| state.patient(ours.patient_id))
            .map_or_else(String::new, |p| p.display_name.clone());
        self.route = Route::Reconcile(Box::new(ReconcileState::new(
            name,
            copy,
            (ours, theirs),
            ancestor,
        )));
    }

    /// Writes the reconciled visit over its file (refusing if the file changed since it was
    /// read for reconciling) and sets both versions aside.
    fn settle_conflict(&mut self, merged: &crate::model::Session) {
        let Route::Reconcile(state) = &self.route else {
            return;
        };
        let copy = state.copy.clone();
        let stamp = match crate::storage::load_stamped::<crate::model::Session>(&copy.original) {
            // The file must still be the version shown: otherwise start again.
            Ok((now, stamp)) if now == state.ours => stamp,
            Ok(_) => {
                self.notifications.error(
                    "The visit's file changed while you were reconciling; open the conflict again to see the new version.",
                );
                return;
            }
            Err(error) => {
                self.notifications
                    .error(format!("Cannot reconcile: {error}"));
                return;
            }
        };
        match conflicts::settle(&copy, merged, stamp) {
            Ok(folder) => {
                self.notifications.info(format!(
                    "Reconciled {}. Both earlier versions are kept in {} until you discard them.",
                    copy.original.display(),
                    folder.display()
                ));
                self.after_conflict_settled();
            }
            Err(error) => self
                .notifications
                .error(format!("Could not reconcile: {error}")),
        }
    }

    /// Keeps a conflict's two versions as separate visits (a signed one is never merged into).
    fn keep_conflict_separate(&mut self) {
        let Route::Reconcile(state) = &self.route else {
            return;
        };
        match conflicts::keep_separate(&state.copy) {
            Ok(made) => {
                let separate = made.map_or_else(String::new, |path| {
                    format!(
                        " The unsigned version is now its own visit: {}.",
                        path.display()
                    )
                });
                self.notifications.info(format!(
                    "Kept both versions of {}.{separate} The conflict copy's file is in the patient's conflicts folder.",
                    state.copy.original.display()
                ));
                self.after_conflict_settled();
            }
            Err(error) => self
                .notifications
                .error(format!("Could not keep both: {error}")),
        }
    }

    fn after_conflict_settled(&mut self) {
        self.route = Route::Home;
        if let Some(state) = &mut self.library {
            state.refresh(&mut self.notifications);
        }
    }

    /// Opens the comparison of two visits of the selected patient (the sessions are already
    /// loaded in the library's visit list).
    fn open_comparison(&mut self, a: &Path, b: &Path) {
        let Some(state) = &self.library else {
            return;
        };
        let find = |path: &Path| {
            state
                .sessions
                .iter()
                .find(|e| e.path == path)
                .map(|e| (e.path.clone(), e.session.clone()))
        };
        let (Some(a), Some(b)) = (find(a), find(b)) else {
            self.notifications
                .error("Those visits are no longer in the library; it may have changed on disk.");
            return;
        };
        let name = state
            .patient(a.1.patient_id)
            .map_or_else(String::new, |p| p.display_name.clone());
        self.route = Route::Compare(Box::new(CompareState::new(name, a, b)));
    }

    /// Opens the progress screen of a patient (their visits are loaded when selected).
    fn open_progress(&mut self, patient: PatientId) {
        let Some(state) = &mut self.library else {
            return;
        };
        if state.selected != Some(patient) {
            state.select(Some(patient), &mut self.notifications);
        }
        let visits: Vec<_> = state
            .sessions
            .iter()
            .map(|e| (e.path.clone(), e.session.clone()))
            .collect();
        let name = state
            .patient(patient)
            .map_or_else(String::new, |p| p.display_name.clone());
        self.route = Route::Progress(Box::new(ProgressState::new(name, visits)));
    }

    /// Adds a custom view from an image to the open library and shows it.
    fn add_custom_view(&mut self, image: &Path, name: &str) {
        let Some(root) = self.library().map(|l| l.root().to_owned()) else {
            return;
        };
        let taken = self.custom_views.ids();
        match crate::bodymap::custom::add_custom_view(&root, name, image, &taken) {
            Ok(view) => {
                self.notifications.success(format!(
                    "Added the custom view \"{}\" ({}).",
                    view.file.name,
                    view.path.display()
                ));
                let id = view.id();
                self.reload_custom_views(&root);
                if self.route.document().is_some() {
                    self.canvas.memory.set_view(id);
                }
            }
            Err(problem) => self
                .notifications
                .error(format!("The custom view was not added: {problem}")),
        }
    }

    fn reload_custom_views(&mut self, root: &Path) {
        let (views, problems) = CustomViews::load(root);
        for problem in problems {
            self.notifications.warning(problem);
        }
        self.custom_views = views;
    }

    /// Opens a library folder. A small library is read at once; a big one on a background
    /// thread while the window shows progress, so the app never freezes on a large or slow
    /// (network) folder.
    pub(super) fn open_library(&mut self, dir: &Path) {
        if matches!(self.route, Route::Compare(_) | Route::Progress(_)) {
            self.route = Route::Home;
        }
        self.loading = None;
        let library = Library::new(dir);
        let total = library.patient_folder_count();
        if total <= LIBRARY_READ_AT_ONCE {
            let scan = library.scan();
            self.library_read(library, scan);
            return;
        }
        self.library = None;
        let progress = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = std::sync::Arc::clone(&progress);
        let reader = library.clone();
        // A big library is listed from its index (`crate::index`), which reads again only the
        // folders that changed since this workstation last listed it.
        let handle = std::thread::spawn(move || {
            let (index, _) = crate::index::LibraryIndex::open_counting(&reader, &counter);
            Ok(index.entries(&reader))
        });
        self.loading = Some(crate::app::shell::app::LibraryLoading {
            library,
            total,
            progress,
            handle,
        });
    }

    /// Installs a library once read (here or on the loading thread).
    pub(super) fn library_read(
        &mut self,
        library: Library,
        scan: Result<crate::storage::LibraryScan, crate::storage::LoadError>,
    ) {
        match scan {
            Ok(scan) => {
                let dir = library.root().to_owned();
                let state = LibraryState::from_scan(library, scan);
                for problem in &state.problems {
                    self.notifications.error(problem.clone());
                }
                self.reload_custom_views(&dir);
                // The demo (its own folder, or one `myomap demo` wrote elsewhere) is never
                // remembered as the clinic's library.
                let only_demo = !state.patients.is_empty()
                    && state
                        .patients
                        .iter()
                        .all(|entry| crate::demo::is_demo_patient(entry.patient.id));
                if dir != self.paths.demo_library && !only_demo {
                    self.prefs.last_library = Some(dir);
                }
                self.library = Some(state);
            }
            Err(error) => self.notifications.error(error.to_string()),
        }
    }

    pub(super) fn open_session(&mut self, path: &Path) {
        if self
            .route
            .document()
            .is_some_and(|doc| doc.path() == Some(path))
        {
            self.notifications.info("That session is already open.");
            return;
        }
        match Document::open(path) {
            Ok((doc, warnings)) => {
                self.set_document(doc, warnings);
                self.remember_recent(path);
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
        self.install_demo_identity();
    }

    /// Puts the demo clinician's signing identity among the user's keys (once), so demo
    /// visits can be signed and given addenda; its passphrase is in the README.
    fn install_demo_identity(&mut self) {
        let demo = crate::demo::demo_key();
        let (known, _) = crate::identity::list(&self.paths.keys);
        if known.iter().any(|i| i.file.public_key == demo.public_key()) {
            return;
        }
        let installed = crate::identity::seal_key(
            &demo,
            crate::identity::DEMO_PASSPHRASE,
            crate::identity::DEFAULT_COST,
        )
        .and_then(|file| crate::identity::install(&self.paths.keys, file));
        match installed {
            Ok(identity) => self.notifications.info(format!(
                "The demo clinician's signing identity ({}) is among your keys; its passphrase is \"{}\".",
                identity.label(),
                crate::identity::DEMO_PASSPHRASE
            )),
            Err(error) => self
                .notifications
                .warning(format!("The demo signing identity could not be added: {error}")),
        }
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

    /// Asks for a patient's new details, starting from the file as read now: what was listed
    /// may be older than the file.
    fn edit_patient(&mut self, id: PatientId) {
        let Some(library) = self.library.as_ref().map(|s| s.library.clone()) else {
            return;
        };
        match crate::storage::load_patient(&library.patient_file(id)) {
            Ok(patient) => {
                self.prompt = Some(Prompt::EditPatient {
                    name: patient.display_name.clone(),
                    date_of_birth: patient
                        .date_of_birth
                        .map_or_else(String::new, |d| d.to_string()),
                    clinic_ref: patient.clinic_ref.clone(),
                    refusal: None,
                    original: Box::new(patient),
                });
            }
            Err(error) => self
                .notifications
                .error(format!("The patient cannot be edited: {error}")),
        }
    }

    /// Saves a patient's edited details, each change recorded with the time, over the file
    /// only if it still holds what editing began from.
    fn save_patient(&mut self, original: &Patient, details: crate::model::PatientDetails) {
        let Some(library) = self.library.as_ref().map(|s| s.library.clone()) else {
            self.notifications
                .error("No library is open: the patient was not saved.");
            return;
        };
        let mut edited = original.clone();
        let now = jiff::ZonedDateTime::now().datetime();
        let at = now.with().subsec_nanosecond(0).build().unwrap_or(now);
        let changes = edited.edit(details, at);
        if changes.is_empty() {
            self.notifications.info("Nothing changed.");
            return;
        }
        match library.save_patient_edit(original, &edited) {
            Ok(_) => {
                let what: Vec<&str> = changes.iter().map(|c| c.field.label()).collect();
                self.notifications.success(format!(
                    "Saved {}'s {}.",
                    edited.display_name,
                    what.join(", ")
                ));
                self.refresh_library();
            }
            Err(SaveError::ChangedOnDisk { .. }) => self.notifications.error(format!(
                "{}'s file was changed elsewhere (another workstation?) while you edited: nothing was saved. Choose Edit patient… again to start from what it holds now.",
                original.display_name
            )),
            Err(error) => self.notifications.error(error.to_string()),
        }
    }

    /// Opens a new session for a patient: empty, or (`from_last`) starting from their last
    /// visit's trigger points and zones, flagged as carried forward.
    fn new_session_for(&mut self, patient_id: PatientId, from_last: bool) {
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
        let previous = state.sessions.last().map(|entry| &entry.session);
        let mut session = match previous {
            Some(previous) if from_last => {
                Session::carried_forward_from(previous, SessionId::random(), started)
            }
            _ => Session::new(SessionId::random(), patient_id, started),
        };
        if let Some(previous) = previous {
            session.clinician = previous.clinician.clone();
            // Screening answers come forward to be reviewed with the patient, never assumed.
            if !previous.screening.answers.is_empty() {
                session.screening =
                    Screening::carried_forward(&previous.screening, previous.date());
            }
        }
        let carried = session.trigger_points.len() + session.referred_zones.len();
        let name = state
            .patient(patient_id)
            .map_or_else(String::new, |p| p.display_name.clone());
        let doc = Document::new_unsaved(session, Some(state.library.clone()), name);
        self.set_document(doc, Vec::new());
        if from_last {
            self.notifications.info(format!(
                "{} carried forward from the last visit, drawn faded with a dashed ring: confirm or edit each one.",
                count(carried, "finding", "findings")
            ));
        }
    }

    /// Enters presentation mode (full screen, for the patient) or leaves it, restoring the
    /// window and the charting screen as they were.
    pub(super) fn toggle_presentation(&mut self, ctx: &egui::Context) {
        match std::mem::take(&mut self.route) {
            Route::Presentation { presentation, back } => {
                ctx.send_viewport_cmd(ViewportCommand::Fullscreen(presentation.was_fullscreen()));
                self.route = *back;
            }
            back => {
                let was_fullscreen = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
                let view = if crate::bodymap::standard()
                    .map
                    .view(&self.canvas.memory.view)
                    .is_some()
                {
                    self.canvas.memory.view.clone()
                } else {
                    crate::geometry::ViewId::new(crate::geometry::views::POSTERIOR)
                };
                let presentation =
                    Presentation::new(back.document().map(Document::session), view, was_fullscreen);
                self.route = Route::Presentation {
                    presentation: Box::new(presentation),
                    back: Box::new(back),
                };
                ctx.send_viewport_cmd(ViewportCommand::Fullscreen(true));
            }
        }
    }

    /// Puts the clinic's aftercare text into the open session's aftercare: the library's
    /// template, or the built-in text when there is no library or its template cannot be
    /// read (then the user is told).
    fn use_aftercare_template(&mut self) {
        let Some(doc) = self.route.document_mut() else {
            return;
        };
        let text = match doc
            .library()
            .map(|l| (l.aftercare_file(), l.aftercare_template()))
        {
            Some((_, Ok(text))) => text,
            Some((file, Err(error))) => {
                self.notifications.warning(format!(
                    "Could not read {} ({error}); the built-in text was used",
                    file.display()
                ));
                DEFAULT_AFTERCARE.to_owned()
            }
            None => DEFAULT_AFTERCARE.to_owned(),
        };
        let aftercare = Aftercare {
            text,
            ..doc.session().aftercare.clone()
        };
        if let Err(refusal) = doc.apply(Edit::Set(Field::Aftercare(aftercare)), None) {
            self.notifications
                .warning(format!("The aftercare text was not changed: {refusal}"));
        }
    }

    pub(super) fn save(&mut self) {
        let Some(doc) = self.route.document_mut() else {
            return;
        };
        if doc.save_target().is_none() {
            self.save_as();
            return;
        }
        let result = doc.save();
        self.after_save(result);
    }

    /// Reports how a save went: a saved file joins the recent files and the library list; a
    /// file changed or deleted elsewhere raises the question of what to do, naming the
    /// differences; any other failure is reported.
    pub(super) fn after_save(&mut self, result: Result<PathBuf, SaveError>) {
        let error = match result {
            Ok(path) => {
                self.remember_recent(&path);
                self.notifications
                    .success(format!("Saved {}", path.display()));
                self.refresh_library();
                return;
            }
            Err(error) => error,
        };
        let deleted = match error {
            SaveError::ChangedOnDisk { .. } => false,
            SaveError::DeletedOnDisk { .. } => true,
            _ => {
                self.notifications.error(error.to_string());
                return;
            }
        };
        let changes = match self.route.document().and_then(|d| d.path().map(|p| (d, p))) {
            Some((doc, path)) if !deleted => match crate::storage::load_session(path) {
                Ok(theirs) => describe_changes(&theirs, doc.session()),
                Err(load) => vec![format!("the file on disk can no longer be read: {load}")],
            },
            _ => Vec::new(),
        };
        self.notifications.warning(error.to_string());
        self.prompt = Some(Prompt::Conflict { deleted, changes });
    }

    pub(super) fn save_as(&mut self) {
        let Some(doc) = self.route.document() else {
            return;
        };
        let suggested = Library::session_file_name(doc.session());
        let Some(path) = self.ask_path(UiCommand::SaveAs, PathQuestion::SaveSession { suggested })
        else {
            return;
        };
        let Some(doc) = self.route.document() else {
            return;
        };
        if path.exists() && doc.path() != Some(path.as_path()) {
            self.prompt = Some(Prompt::ReplaceFile {
                path,
                with: Replacement::Session,
            });
        } else {
            self.save_to(&path);
        }
    }

    pub(super) fn save_to(&mut self, path: &Path) {
        let Some(doc) = self.route.document_mut() else {
            return;
        };
        let result = doc.save_as(path);
        self.after_save(result);
    }

    /// Puts the open session's file at the top of the recent files, with its patient, date
    /// and library; a demo visit is left out (`Preferences::add_recent`).
    fn remember_recent(&mut self, path: &Path) {
        let Some(doc) = self.route.document() else {
            return;
        };
        let session = doc.session();
        let file = RecentFile {
            path: path.to_owned(),
            patient: doc.patient_name().to_owned(),
            date: Some(session.date()),
            library: crate::storage::library_of(path).map(|l| l.root().to_owned()),
        };
        let demo_patient = crate::demo::is_demo_patient(session.patient_id);
        self.prefs
            .add_recent(file, &self.paths.demo_library, demo_patient);
    }

    fn refresh_library(&mut self) {
        if let Some(state) = &mut self.library {
            state.refresh(&mut self.notifications);
        }
    }
}
