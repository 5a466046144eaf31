//! The open library as the app holds it: its patients, the one selected and their visits,
//! and the files that could not be read. Reading happens here, run by command handling after
//! the frame; the library screen only draws it.

use crate::app::shell::notifications::Notifications;
use crate::model::{Patient, PatientId, Session};
use crate::storage::{Library, LoadError, PatientEntry, SessionEntry};

pub struct LibraryState {
    pub library: Library,
    pub patients: Vec<PatientEntry>,
    /// Files that could not be read, as one-line messages.
    pub problems: Vec<String>,
    pub search: String,
    pub selected: Option<PatientId>,
    /// Sessions of the selected patient, oldest first.
    pub sessions: Vec<SessionEntry>,
}

impl LibraryState {
    /// The state of a library read (on whatever thread) with [`Library::scan`].
    pub fn from_scan(library: Library, (patients, problems): crate::storage::LibraryScan) -> Self {
        Self {
            library,
            patients,
            problems: problems.iter().map(ToString::to_string).collect(),
            search: String::new(),
            selected: None,
            sessions: Vec::new(),
        }
    }

    pub fn patient(&self, id: PatientId) -> Option<&Patient> {
        self.patients
            .iter()
            .map(|entry| &entry.patient)
            .find(|p| p.id == id)
    }

    /// Selects a patient and reads their sessions, reporting unreadable ones.
    pub fn select(&mut self, id: Option<PatientId>, notifications: &mut Notifications) {
        self.selected = id;
        self.sessions.clear();
        let Some(entry) = id.and_then(|id| self.patients.iter().find(|e| e.patient.id == id))
        else {
            return;
        };
        let (sessions, problems) = Library::load_sessions(entry);
        for problem in problems {
            match problem {
                LoadError::DuplicateId { .. } | LoadError::ConflictCopy { .. } => {
                    notifications.warning(problem.to_string());
                }
                _ => notifications.error(problem.to_string()),
            }
        }
        self.sessions = sessions;
    }

    /// The visit of `session`'s patient before it, among the selected patient's sessions; a
    /// new session, not in the library yet, comes after all of them.
    pub fn visit_before(&self, session: &Session) -> Option<&Session> {
        let listed = self.sessions.iter().any(|e| e.session.id == session.id);
        self.sessions
            .iter()
            .map(|entry| &entry.session)
            .filter(|s| s.patient_id == session.patient_id && s.id != session.id)
            .filter(|s| !listed || s.started_at < session.started_at)
            .max_by_key(|s| s.started_at)
    }

    /// Reads the library again (after a save), keeping the selection.
    pub fn refresh(&mut self, notifications: &mut Notifications) {
        match self.library.scan() {
            Ok((patients, _problems)) => {
                self.patients = patients;
                let selected = self.selected;
                self.select(selected, notifications);
            }
            Err(error) => notifications.error(error.to_string()),
        }
    }
}
