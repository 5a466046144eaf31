//! The layout of a library folder:
//!
//! ```text
//! LIBRARY/patients/<patient-id>/patient.ron
//! LIBRARY/patients/<patient-id>/sessions/<yyyy-mm-dd>-<short-id>.ron
//! ```

use std::io;
use std::path::{Path, PathBuf};

use super::{DiskStamp, LoadError, SaveError, load_patient, load_session, save};
use crate::model::{Patient, PatientId, Session};

/// Names of the folders and files of a library.
pub mod dirs {
    pub const PATIENTS: &str = "patients";
    pub const PATIENT_FILE: &str = "patient.ron";
    pub const SESSIONS: &str = "sessions";
    /// Versions set aside when a conflict copy was reconciled, kept until discarded.
    pub const CONFLICTS: &str = "conflicts";
    /// The clinic's aftercare advice, plain text, editable in the app or any editor.
    pub const AFTERCARE: &str = "aftercare.txt";
}
use dirs::{
    AFTERCARE as AFTERCARE_FILE, PATIENT_FILE, PATIENTS as PATIENTS_DIR, SESSIONS as SESSIONS_DIR,
};

/// The library a session file sits in, if it sits in one
/// (`LIBRARY/patients/<id>/sessions/<file>.ron`).
pub fn library_of(path: &Path) -> Option<Library> {
    let sessions = path.parent()?;
    let patient = sessions.parent()?;
    let patients = patient.parent()?;
    let root = patients.parent()?;
    let is_layout = sessions.file_name()? == SESSIONS_DIR && patients.file_name()? == PATIENTS_DIR;
    is_layout.then(|| Library::new(root))
}

/// A library folder. Cheap to create; touches the disk only when asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Library {
    root: PathBuf,
}

/// A patient found in a library, with their session files (not yet parsed).
#[derive(Clone, Debug)]
pub struct PatientEntry {
    pub patient: Patient,
    pub dir: PathBuf,
    /// Session files, sorted by name (so by date).
    pub session_files: Vec<PathBuf>,
    /// How many of them are a sync engine's conflict copies (counted once, when listed).
    pub conflict_copies: usize,
}

impl PatientEntry {
    pub fn new(patient: Patient, dir: PathBuf, session_files: Vec<PathBuf>) -> Self {
        let conflict_copies = session_files
            .iter()
            .filter(|path| super::conflicts::conflict_copy(path).is_some())
            .count();
        Self {
            patient,
            dir,
            session_files,
            conflict_copies,
        }
    }

    /// The visits, conflict copies left out.
    pub fn visit_count(&self) -> usize {
        self.session_files.len() - self.conflict_copies
    }
}

/// What reading a library gives: its patients, and the files that could not be read.
pub type LibraryScan = (Vec<PatientEntry>, Vec<LoadError>);

/// A session read from a library.
#[derive(Clone, Debug)]
pub struct SessionEntry {
    pub path: PathBuf,
    pub session: Session,
    /// Set when the file is a sync engine's conflict copy of another visit's file.
    pub conflict: Option<super::conflicts::ConflictCopy>,
}

impl Library {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The clinic's aftercare template (plain text in the library folder).
    pub fn aftercare_file(&self) -> PathBuf {
        self.root.join(AFTERCARE_FILE)
    }

    /// The clinic's aftercare text, or the built-in default when the clinic has none yet.
    /// An unreadable file is an error, not silently replaced by the default.
    pub fn aftercare_template(&self) -> io::Result<String> {
        match super::read_small_text(&self.aftercare_file(), 1024 * 1024) {
            Ok(text) => Ok(text),
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                Ok(crate::model::DEFAULT_AFTERCARE.to_owned())
            }
            Err(error) => Err(error),
        }
    }

    /// Saves the clinic's aftercare template atomically.
    pub fn save_aftercare_template(&self, text: &str) -> io::Result<()> {
        create_dir_all_private(&self.root)?;
        super::atomic::replace_atomically(&self.aftercare_file(), text.as_bytes())
    }

    pub fn patients_dir(&self) -> PathBuf {
        self.root.join(PATIENTS_DIR)
    }

    pub fn patient_dir(&self, id: PatientId) -> PathBuf {
        self.patients_dir().join(id.to_string())
    }

    pub fn patient_file(&self, id: PatientId) -> PathBuf {
        self.patient_dir(id).join(PATIENT_FILE)
    }

    pub fn sessions_dir(&self, id: PatientId) -> PathBuf {
        self.patient_dir(id).join(SESSIONS_DIR)
    }

    /// `2026-11-25-1a2b3c4d.ron`: sorts by date, unique by session id.
    pub fn session_file_name(session: &Session) -> String {
        format!("{}-{}.ron", session.date(), session.id.short())
    }

    pub fn session_path(&self, session: &Session) -> PathBuf {
        self.sessions_dir(session.patient_id)
            .join(Self::session_file_name(session))
    }

    /// Whether the folder holds no patients yet (a missing folder is empty too).
    pub fn is_empty(&self) -> bool {
        std::fs::read_dir(self.patients_dir())
            .map(|mut entries| entries.next().is_none())
            .unwrap_or(true)
    }

    /// Writes a new patient's file. Refuses to replace an existing patient.
    pub fn create_patient(&self, patient: &Patient) -> Result<PathBuf, SaveError> {
        let path = self.patient_file(patient.id);
        create_dir_all_private(&self.sessions_dir(patient.id))
            .map_err(|source| SaveError::io(&path, source))?;
        refuse_existing(&path)?;
        save(&path, patient, None)?;
        Ok(path)
    }

    /// Saves a change to a patient's details (`edited`, whose `changes` record it) over the
    /// patient file, which must still hold `original`, the patient the clinician began
    /// editing: a file changed since (another workstation) or unreadable now is not
    /// overwritten. The write is atomic and keeps the previous file as `patient.ron.bak`.
    pub fn save_patient_edit(
        &self,
        original: &Patient,
        edited: &Patient,
    ) -> Result<PathBuf, SaveError> {
        let path = self.patient_file(original.id);
        if edited.id != original.id {
            return Err(SaveError::Encode {
                path,
                message: "the edited patient has another id; nothing was written".to_owned(),
            });
        }
        let (on_disk, stamp) = match super::load_stamped::<Patient>(&path) {
            Ok(loaded) => loaded,
            Err(LoadError::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
                return Err(SaveError::DeletedOnDisk { path });
            }
            Err(error) => {
                return Err(SaveError::Encode {
                    message: format!(
                        "the file on disk cannot be read now ({}), so it was not replaced",
                        error.message()
                    ),
                    path,
                });
            }
        };
        if on_disk != *original {
            return Err(SaveError::ChangedOnDisk { path });
        }
        save(&path, edited, Some(stamp))?;
        Ok(path)
    }

    /// Writes a new session file for an existing patient. Refuses to replace a file.
    pub fn create_session(&self, session: &Session) -> Result<(PathBuf, DiskStamp), SaveError> {
        let path = self.session_path(session);
        create_dir_all_private(&self.sessions_dir(session.patient_id))
            .map_err(|source| SaveError::io(&path, source))?;
        refuse_existing(&path)?;
        let stamp = save(&path, session, None)?;
        Ok((path, stamp))
    }

    /// The sync engine that keeps this library in step with other workstations, when its
    /// marker files show one in the library's folder or a folder above it: Syncthing's
    /// `.stfolder`, Dropbox's `.dropbox`, Nextcloud's and ownCloud's `.sync_*.db`. Locks then
    /// reach other workstations late, and edits made apart become conflict copies.
    pub fn sync_engine(&self) -> Option<&'static str> {
        self.root.ancestors().find_map(|dir| {
            if dir.join(".stfolder").exists() {
                return Some("Syncthing");
            }
            if dir.join(".dropbox").exists() || dir.join(".dropbox.cache").exists() {
                return Some("Dropbox");
            }
            let entries = std::fs::read_dir(dir).ok()?;
            entries
                .filter_map(Result::ok)
                .filter_map(|entry| entry.file_name().into_string().ok())
                .any(|name| {
                    (name.starts_with(".sync_") || name.starts_with("._sync_"))
                        && name.ends_with(".db")
                        || name == ".owncloudsync.log"
                })
                .then_some("Nextcloud or ownCloud")
        })
    }

    /// Every patient of the library, sorted by display name. Unreadable patient files are
    /// reported, never skipped silently.
    pub fn scan(&self) -> Result<LibraryScan, LoadError> {
        self.scan_counting(&std::sync::atomic::AtomicUsize::new(0))
    }

    /// How many patient folders the library has (without reading them): tells whether
    /// reading it is quick or worth a progress indicator.
    pub fn patient_folder_count(&self) -> usize {
        std::fs::read_dir(self.patients_dir())
            .map(|entries| entries.filter_map(Result::ok).count())
            .unwrap_or(0)
    }

    /// [`Self::scan`], counting the patient folders read in `progress` as it goes (for a
    /// progress indicator while it runs on another thread).
    pub fn scan_counting(
        &self,
        progress: &std::sync::atomic::AtomicUsize,
    ) -> Result<LibraryScan, LoadError> {
        let patients_dir = self.patients_dir();
        let mut patients = Vec::new();
        let mut problems = Vec::new();
        let entries = match std::fs::read_dir(&patients_dir) {
            Ok(entries) => entries,
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                return Ok((patients, problems));
            }
            Err(error) => return Err(LoadError::io(&patients_dir, error)),
        };
        // Each patient folder fails alone: one that cannot be read is reported beside the
        // patients that can.
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    problems.push(LoadError::io(&patients_dir, error));
                    continue;
                }
            };
            let dir = entry.path();
            if !dir.is_dir() {
                continue;
            }
            progress.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            match Self::patient_entry(&dir) {
                Ok(patient) => patients.push(patient),
                Err(error) => problems.push(error),
            }
        }
        patients.sort_by(|a, b| {
            a.patient
                .display_name
                .to_lowercase()
                .cmp(&b.patient.display_name.to_lowercase())
                .then(a.patient.id.cmp(&b.patient.id))
        });
        Ok((patients, problems))
    }

    /// The patient folder `dir` (`…/patients/<id>`) read on its own, as an entry of a scan.
    pub fn patient_entry(dir: &Path) -> Result<PatientEntry, LoadError> {
        let sessions = dir.join(SESSIONS_DIR);
        // Debris of saves a crash interrupted goes before anything is listed.
        for removed in super::remove_stale_temps(dir)
            .into_iter()
            .chain(super::remove_stale_temps(&sessions))
        {
            log::info!(
                "removed {}, left by a save that never finished",
                removed.display()
            );
        }
        let patient = load_patient(&dir.join(PATIENT_FILE))?;
        let session_files =
            list_session_files(&sessions).map_err(|source| LoadError::io(&sessions, source))?;
        Ok(PatientEntry::new(patient, dir.to_path_buf(), session_files))
    }

    /// Reads every session of a patient entry, oldest first; unreadable files are returned
    /// as errors beside the sessions that could be read.
    pub fn load_sessions(entry: &PatientEntry) -> (Vec<SessionEntry>, Vec<LoadError>) {
        let mut sessions = Vec::new();
        let mut problems = Vec::new();
        for path in &entry.session_files {
            let conflict = super::conflicts::conflict_copy(path);
            if let Some(copy) = &conflict {
                problems.push(LoadError::ConflictCopy { copy: copy.clone() });
            }
            match load_session(path) {
                Ok(session) => sessions.push(SessionEntry {
                    path: path.clone(),
                    session,
                    conflict,
                }),
                Err(error) => problems.push(error),
            }
        }
        sessions.sort_by_key(|entry| entry.session.started_at);
        let mut seen = std::collections::HashMap::new();
        for entry in &sessions {
            // A conflict copy shares its visit's id by nature and is reported as a conflict.
            if entry.conflict.is_some() {
                continue;
            }
            if let Some(first) = seen.insert(entry.session.id, &entry.path) {
                problems.push(LoadError::DuplicateId {
                    path: entry.path.clone(),
                    other: first.clone(),
                });
            }
        }
        (sessions, problems)
    }
}

fn refuse_existing(path: &Path) -> Result<(), SaveError> {
    if path.exists() {
        return Err(SaveError::io(path, io::ErrorKind::AlreadyExists.into()));
    }
    Ok(())
}

/// `*.ron` entries of a sessions folder (no backups, no hidden temporary files), sorted by
/// name. Every one is listed, whatever it is (a dangling link, a named pipe, a folder): reading
/// it then says what is wrong, so no visit is left out without a word.
fn list_session_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(error),
    };
    let mut files = Vec::new();
    for entry in entries {
        let path = entry?.path();
        let is_session = path.extension().is_some_and(|ext| ext == "ron")
            && !path
                .file_name()
                .is_some_and(|name| name.to_string_lossy().starts_with('.'));
        if is_session {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Makes a folder of the app's own and the named files in it readable by their owner only
/// (0700 / 0600), creating what is missing (each file with its initial contents): they hold
/// no record but name patients (recent session paths), and a folder or file made by another
/// program (eframe writes the preferences) may be wider.
pub fn make_private(dir: &Path, files: &[(&str, &str)]) -> io::Result<()> {
    create_dir_all_private(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
        for (name, initial) in files {
            keep_private(&dir.join(name), initial)?;
        }
    }
    Ok(())
}

/// Makes a file of the app's own readable by its owner only (0600), creating it with
/// `initial` (and its folder, 0700) when it is missing. For a file another program writes in
/// place: eframe saves
/// the preferences with `File::create`, which keeps the mode of a file that exists but
/// creates a missing one as the umask allows (0644), so this runs before each of its saves.
pub fn keep_private(path: &Path, initial: &str) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::io::Write as _;
        use std::os::unix::fs::PermissionsExt as _;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            create_dir_all_private(dir)?;
        }
        match super::atomic::owner_only_options().open(path) {
            Ok(mut file) => file.write_all(initial.as_bytes())?,
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
                let mode = super::regular_metadata(path)?.permissions().mode() & 0o777;
                if mode != 0o600 {
                    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
                }
            }
            Err(error) => return Err(error),
        }
    }
    #[cfg(not(unix))]
    let _ = (path, initial);
    Ok(())
}

/// Creates a folder and its parents, new ones readable by their owner only.
pub fn create_dir_all_private(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt as _;
        builder.mode(0o700);
    }
    builder.create(dir)
}
