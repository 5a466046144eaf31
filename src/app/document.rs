//! The open session: the document itself, where it lives on disk, and its edit history.
//! The history is never saved in the file.

use std::path::{Path, PathBuf};

use crate::model::Session;
use crate::storage::lock::{self, LockError, LockInfo, SessionLock};
use crate::storage::{self, DiskStamp, Library, RecoveryRecord, SaveError};

/// How many undo steps are kept.
const HISTORY_LIMIT: usize = 200;

pub struct Document {
    pub session: Session,
    /// Where the session is saved; `None` until first saved.
    pub path: Option<PathBuf>,
    /// The file as it was when read or last written, to detect changes by others.
    stamp: Option<DiskStamp>,
    /// The library a new session is filed into on first save.
    pub library: Option<Library>,
    /// The patient's display name, for titles.
    pub patient_name: String,
    history: History,
    /// Our advisory lock on the file while it is open for editing.
    lock: Option<SessionLock>,
    /// Set when someone else has the file open: the document is read-only until taken over.
    held_by: Option<LockInfo>,
    /// Counts every change, undo and redo: tells the crash-recovery copy when it is stale.
    revision: u64,
}

impl Document {
    /// A session not yet saved anywhere.
    pub fn new_unsaved(session: Session, library: Option<Library>, patient_name: String) -> Self {
        let mut document = Self {
            history: History::new(&session),
            session,
            path: None,
            stamp: None,
            library,
            patient_name,
            lock: None,
            held_by: None,
            revision: 0,
        };
        document.history.saved = None;
        document
    }

    /// Reads a session file and takes its lock. Returns the document and warnings to show
    /// (someone else has it open, unknown body map, problems in its content).
    pub fn open(path: &Path) -> Result<(Self, Vec<String>), storage::LoadError> {
        let (session, stamp) = storage::load_stamped::<Session>(path)?;
        let library = storage::library_of(path);
        let patient_name = library
            .as_ref()
            .and_then(|l| storage::load_patient(&l.patient_file(session.patient_id)).ok())
            .map(|p| p.display_name)
            .unwrap_or_else(|| format!("patient {}", session.patient_id.short()));
        let mut warnings = content_warnings(&session);
        let mut document = Self {
            history: History::new(&session),
            session,
            path: Some(path.to_owned()),
            stamp: Some(stamp),
            library,
            patient_name,
            lock: None,
            held_by: None,
            revision: 0,
        };
        warnings.extend(document.lock_file());
        Ok((document, warnings))
    }

    /// A document restored from a crash-recovery copy: its unsaved changes are pending.
    pub fn from_recovery(record: RecoveryRecord) -> (Self, Vec<String>) {
        let mut warnings = content_warnings(&record.session);
        let mut document = Self::new_unsaved(
            record.session,
            record.library.map(Library::new),
            record.patient_name,
        );
        if let Some(path) = record.original {
            if document.library.is_none() {
                document.library = storage::library_of(&path);
            }
            // The crashed myomap usually left its lock behind: recovering its work is
            // taking over from it. A lock held by a live process is left to the user.
            if lock::holder(&path).is_some_and(|holder| holder.is_stale())
                && let Err(error) = lock::take_over(&path).map(drop)
            {
                warnings.push(format!(
                    "Could not take over the lock of {}: {error}",
                    path.display()
                ));
            }
            document.path = Some(path);
            document.stamp = record.original_stamp;
            warnings.extend(document.lock_file());
        }
        (document, warnings)
    }

    /// Takes the advisory lock of the document's file; a warning when someone holds it.
    fn lock_file(&mut self) -> Option<String> {
        let path = self.path.as_ref()?;
        match lock::acquire(path) {
            Ok(lock) => {
                self.lock = Some(lock);
                self.held_by = None;
                None
            }
            Err(LockError::HeldBy(holder)) => {
                let message = if holder.is_stale() {
                    format!(
                        "{} was left locked by a myomap that is no longer running ({}). It is read-only until you take over editing.",
                        self.file_name(),
                        holder.describe()
                    )
                } else {
                    format!(
                        "{} is {}. It is read-only here until you take over editing.",
                        self.file_name(),
                        holder.describe()
                    )
                };
                self.held_by = Some(holder);
                Some(message)
            }
            Err(LockError::Io(error)) => Some(format!(
                "Could not lock {} for editing ({error}); other workstations will not see that it is open.",
                self.file_name()
            )),
        }
    }

    /// Who has the file open elsewhere, when this document is read-only because of it.
    pub fn held_by(&self) -> Option<&LockInfo> {
        self.held_by.as_ref()
    }

    pub fn is_read_only(&self) -> bool {
        self.held_by.is_some()
    }

    /// Takes the lock over from whoever holds it (the user chose to).
    pub fn take_over(&mut self) -> Result<(), LockError> {
        if let Some(path) = &self.path {
            self.lock = Some(lock::take_over(path)?);
        }
        self.held_by = None;
        Ok(())
    }

    /// Replaces the document with the file on disk, dropping unsaved changes.
    pub fn reload(&mut self) -> Result<(), storage::LoadError> {
        let Some(path) = self.path.clone() else {
            return Ok(());
        };
        let (session, stamp) = storage::load_stamped::<Session>(&path)?;
        self.history = History::new(&session);
        self.session = session;
        self.stamp = Some(stamp);
        self.revision += 1;
        Ok(())
    }

    /// The crash-recovery copy of this document's current state.
    pub fn recovery_record(&self) -> RecoveryRecord {
        RecoveryRecord {
            format_version: storage::RECOVERY_FORMAT_VERSION,
            written_at: jiff::ZonedDateTime::now().datetime(),
            writer: LockInfo::current(),
            original: self.path.clone(),
            original_stamp: self.stamp,
            library: self.library.as_ref().map(|l| l.root().to_owned()),
            patient_name: self.patient_name.clone(),
            session: self.session.clone(),
        }
    }

    /// Changes with every edit, undo, redo and reload.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The file name shown in the title bar.
    pub fn file_name(&self) -> String {
        match &self.path {
            Some(path) => path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into(),
            ),
            None => format!("Untitled {}", Library::session_file_name(&self.session)),
        }
    }

    /// Whether there are changes not yet on disk (a session never saved counts).
    pub fn is_dirty(&self) -> bool {
        self.history.has_pending() || self.history.saved != Some(self.history.position())
    }

    /// Where "Save" writes: the file it came from, or its place in the library.
    pub fn save_target(&self) -> Option<PathBuf> {
        self.path.clone().or_else(|| {
            self.library
                .as_ref()
                .map(|library| library.session_path(&self.session))
        })
    }

    /// Saves to [`Self::save_target`]. A file that changed on disk since it was read is not
    /// overwritten; a new file never replaces an existing one.
    pub fn save(&mut self) -> Result<PathBuf, SaveError> {
        self.commit_pending();
        if let Some(holder) = &self.held_by {
            return Err(SaveError::io(
                self.path.as_deref().unwrap_or(Path::new("session")),
                std::io::Error::other(format!(
                    "it is {}; take over editing to save",
                    holder.describe()
                )),
            ));
        }
        let (target, stamp) = match (&self.path, &self.library) {
            (Some(path), _) => (
                path.clone(),
                storage::save(path, &self.session, self.stamp)?,
            ),
            (None, Some(library)) => library.create_session(&self.session)?,
            (None, None) => {
                return Err(SaveError::io(
                    Path::new("untitled"),
                    std::io::Error::new(
                        std::io::ErrorKind::InvalidInput,
                        "choose a file with Save as…",
                    ),
                ));
            }
        };
        self.mark_saved(target.clone(), stamp);
        Ok(target)
    }

    /// Saves to `path`, which becomes the document's file. Replaces `path` if it exists (the
    /// caller asked the user first); the replaced file is kept as a backup.
    pub fn save_as(&mut self, path: &Path) -> Result<PathBuf, SaveError> {
        self.commit_pending();
        if self.path.as_deref() == Some(path) {
            // Its own file: an ordinary save, with the check for changes made elsewhere.
            return self.save();
        }
        if let Some(holder) = lock::holder(path).filter(|h| !h.is_ours()) {
            return Err(SaveError::io(
                path,
                std::io::Error::other(format!(
                    "that session is {}; choose another name",
                    holder.describe()
                )),
            ));
        }
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            storage::create_dir_all_private(parent).map_err(|e| SaveError::io(path, e))?;
        }
        let stamp = storage::save(path, &self.session, None)?;
        self.mark_saved(path.to_owned(), stamp);
        Ok(path.to_owned())
    }

    /// Writes the document's file again after it was deleted elsewhere (the user chose to).
    /// Refuses if a file has appeared there in the meantime.
    pub fn recreate(&mut self) -> Result<PathBuf, SaveError> {
        self.commit_pending();
        let Some(path) = self.path.clone() else {
            return self.save();
        };
        if path.exists() {
            return Err(SaveError::ChangedOnDisk { path });
        }
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            storage::create_dir_all_private(parent).map_err(|e| SaveError::io(&path, e))?;
        }
        let stamp = storage::save(&path, &self.session, None)?;
        self.mark_saved(path.clone(), stamp);
        Ok(path)
    }

    fn mark_saved(&mut self, path: PathBuf, stamp: DiskStamp) {
        let moved = self.path.as_ref() != Some(&path);
        self.path = Some(path);
        self.stamp = Some(stamp);
        self.history.saved = Some(self.history.position());
        if moved {
            // The old file's lock goes with the old name; the new file is ours.
            self.lock = None;
            self.held_by = None;
            if let Some(warning) = self.lock_file() {
                log::warn!("{warning}");
            }
        }
    }

    /// Call after the UI changed [`Self::session`]; the change becomes an undo step once the
    /// user is no longer in the middle of a gesture or of typing into one field.
    pub fn note_change(&mut self, gesture: Option<egui::Id>) {
        self.revision += 1;
        if self.history.pending && self.history.pending_gesture != gesture {
            // Another control changed while one was mid-edit: close that step here.
            self.commit_pending();
        }
        self.history.pending = true;
        self.history.pending_gesture = gesture;
    }

    /// Records pending changes as one undo step.
    pub fn commit_pending(&mut self) {
        self.history.commit(&self.session);
    }

    /// Makes the current content the start of history: nothing before it can be undone.
    /// Used when a session is signed or an addendum appended: neither may be taken back.
    pub fn seal(&mut self) {
        self.commit_pending();
        let history = &mut self.history;
        // Positions count from opening: dropping the undo steps keeps the saved mark valid.
        history.dropped += history.undo.len();
        history.undo.clear();
        if !history.redo.is_empty() {
            history.redo.clear();
            if history
                .saved
                .is_some_and(|saved| saved > history.position())
            {
                history.saved = None;
            }
        }
    }

    pub fn can_undo(&self) -> bool {
        self.history.has_pending() || !self.history.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.history.has_pending() && !self.history.redo.is_empty()
    }

    pub fn undo(&mut self) {
        self.commit_pending();
        self.revision += 1;
        if let Some(previous) = self.history.undo.pop() {
            let current = std::mem::replace(&mut self.session, previous);
            self.history.redo.push(current);
            self.history.committed = self.session.clone();
        }
    }

    pub fn redo(&mut self) {
        if self.history.has_pending() {
            return;
        }
        self.revision += 1;
        if let Some(next) = self.history.redo.pop() {
            let current = std::mem::replace(&mut self.session, next);
            self.history.undo.push(current);
            self.history.committed = self.session.clone();
        }
    }

    /// Called once per frame: closes an undo step when the gesture that made it has ended.
    pub fn end_frame(&mut self, ctx: &egui::Context) {
        if !self.history.has_pending() {
            return;
        }
        let pointer_busy = ctx.input(|i| i.pointer.any_down());
        let focused = ctx.memory(|m| m.focused());
        let same_field = focused.is_some() && focused == self.history.pending_gesture;
        if !pointer_busy && !same_field {
            self.commit_pending();
        }
    }
}

/// Snapshots of the session for undo/redo. A session is small, so a snapshot per step is
/// simple and exact; the charting canvas will replace this with reversible edits.
struct History {
    /// The session as of the last recorded step.
    committed: Session,
    undo: Vec<Session>,
    redo: Vec<Session>,
    pending: bool,
    pending_gesture: Option<egui::Id>,
    /// Number of steps applied since opening, and the value of it when saved.
    saved: Option<usize>,
    dropped: usize,
}

impl History {
    fn new(session: &Session) -> Self {
        Self {
            committed: session.clone(),
            undo: Vec::new(),
            redo: Vec::new(),
            pending: false,
            pending_gesture: None,
            saved: Some(0),
            dropped: 0,
        }
    }

    fn has_pending(&self) -> bool {
        self.pending
    }

    fn position(&self) -> usize {
        self.dropped + self.undo.len()
    }

    fn commit(&mut self, session: &Session) {
        if !self.pending {
            return;
        }
        self.pending = false;
        self.pending_gesture = None;
        if *session == self.committed {
            return;
        }
        let previous = std::mem::replace(&mut self.committed, session.clone());
        self.undo.push(previous);
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
            self.dropped += 1;
        }
        // A new edit after undoing makes the redone states unreachable, and a saved state
        // among them can no longer be reached either.
        if !self.redo.is_empty() {
            self.redo.clear();
            if self.saved.is_some_and(|saved| saved >= self.position()) {
                self.saved = None;
            }
        }
    }
}

/// Warnings about a session's content that do not stop it opening.
fn content_warnings(session: &Session) -> Vec<String> {
    let mut warnings = Vec::new();
    let map = &session.body_map;
    if map.id != crate::STANDARD_BODY_MAP_ID || map.version > crate::STANDARD_BODY_MAP_VERSION {
        warnings.push(format!(
            "This session was charted on body map {} version {}, which this myomap does not have; its marks are kept exactly as stored.",
            map.id, map.version
        ));
    }
    if let Some(problem) = session.signature_state().describe() {
        warnings.push(format!(
            "This {problem}. The file was edited outside myomap; it is shown read-only as it is now, not as signed."
        ));
    }
    let problems = session.problems();
    if !problems.is_empty() {
        let list: Vec<String> = problems.into_iter().map(|p| p.message).collect();
        warnings.push(format!("Problems in this session: {}.", list.join("; ")));
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PainScore, PatientId, SessionId};

    fn doc() -> Document {
        let started = jiff::civil::date(2026, 1, 2).at(9, 0, 0, 0);
        let session = Session::new(SessionId::from_u128(1), PatientId::from_u128(2), started);
        let mut doc = Document::new_unsaved(session, None, "P".into());
        doc.history.saved = Some(0);
        doc
    }

    #[test]
    fn undo_redo_walks_snapshots_and_tracks_saved_state() {
        let mut doc = doc();
        assert!(!doc.is_dirty());
        doc.session.pain_before = PainScore::new(5);
        doc.note_change(None);
        assert!(doc.is_dirty());
        doc.commit_pending();
        doc.session.pain_before = PainScore::new(6);
        doc.note_change(None);
        doc.commit_pending();
        doc.undo();
        assert_eq!(doc.session.pain_before, PainScore::new(5));
        doc.undo();
        assert_eq!(doc.session.pain_before, None);
        assert!(!doc.is_dirty(), "back at the saved state");
        doc.redo();
        doc.redo();
        assert_eq!(doc.session.pain_before, PainScore::new(6));
        assert!(doc.is_dirty());
        assert!(!doc.can_redo());
    }

    #[test]
    fn typing_into_one_field_is_one_step() {
        let mut doc = doc();
        let field = Some(egui::Id::unique("clinician"));
        for text in ["S", "Sa", "Sam"] {
            doc.session.clinician = text.into();
            doc.note_change(field);
        }
        doc.commit_pending();
        doc.undo();
        assert_eq!(doc.session.clinician, "");
    }

    #[test]
    fn history_is_capped() {
        let mut doc = doc();
        for i in 0..(HISTORY_LIMIT + 20) {
            doc.session.notes = i.to_string();
            doc.note_change(None);
            doc.commit_pending();
        }
        let mut undone = 0;
        while doc.can_undo() {
            doc.undo();
            undone += 1;
        }
        assert_eq!(undone, HISTORY_LIMIT);
        assert!(doc.is_dirty(), "the saved state fell off the history");
    }

    #[test]
    fn finds_the_library_of_a_session_file() {
        let path = Path::new("/clinic/lib/patients/abc/sessions/2026-01-02-12345678.ron");
        assert_eq!(storage::library_of(path), Some(Library::new("/clinic/lib")));
        assert_eq!(storage::library_of(Path::new("/tmp/loose.ron")), None);
    }
}
