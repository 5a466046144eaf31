//! What a progress report is made from: a patient's folder read whole (the patient, every
//! visit, and every file that could not be read), the period of care, and the visits that
//! fall in it. A report is never made from a folder with an unreadable visit: it would leave
//! that visit out without a word.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::bodymap::BodyMap;
use crate::model::{Patient, Session};
use crate::storage::library_dirs::PATIENT_FILE;
use crate::storage::{Library, LoadError, shown};

use super::ProgressInput;

/// A period of care: every visit whose local date lies from `from` to `to`, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    from: Date,
    to: Date,
}

impl Period {
    /// The days `from` to `to`, both included; refused when `from` comes after `to`.
    pub fn new(from: Date, to: Date) -> Result<Self, ProgressReportError> {
        if from > to {
            return Err(ProgressReportError::PeriodReversed { from, to });
        }
        Ok(Self { from, to })
    }

    pub fn from(&self) -> Date {
        self.from
    }

    pub fn to(&self) -> Date {
        self.to
    }

    /// Whether a visit on `date` (local) belongs to the period.
    pub fn contains(&self, date: Date) -> bool {
        (self.from..=self.to).contains(&date)
    }
}

impl std::fmt::Display for Period {
    /// "2026-09-01 to 2026-10-31".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} to {}", self.from, self.to)
    }
}

/// Why a progress report could not be made. Each displays as one line.
#[derive(Debug, thiserror::Error)]
pub enum ProgressReportError {
    #[error("{} does not exist", shown(.0))]
    Missing(PathBuf),
    #[error(
        "{} is not a folder: give a patient's folder in a library (it holds patient.ron and sessions/)",
        shown(.0)
    )]
    NotAFolder(PathBuf),
    #[error("{} is not a patient folder (it has no patient.ron)", shown(.0))]
    NotAPatient(PathBuf),
    #[error(transparent)]
    Load(#[from] LoadError),
    /// Each unreadable session file's error, as one line naming the file.
    #[error("{}", unreadable_message(.0))]
    Unreadable(Vec<String>),
    /// Sync engines' conflict copies of visits, not yet reconciled: which version is the
    /// record is still open, and a report would count the visit twice.
    #[error("{}", conflicts_message(.0))]
    Conflicts(Vec<String>),
    #[error("the period runs backwards: it starts on {from}, after it ends on {to}")]
    PeriodReversed { from: Date, to: Date },
    #[error("{}", no_visits_message(.patient, .period, .visits))]
    NoVisits {
        /// The patient as exports name them.
        patient: String,
        period: Period,
        /// The dates of all the patient's visits, oldest first.
        visits: Vec<Date>,
    },
    #[error(transparent)]
    Report(#[from] crate::export::report::ReportError),
}

fn unreadable_message(errors: &[String]) -> String {
    format!(
        "{} of this patient could not be read, so a report would leave visits out; fix them (see `myomap check`): {}",
        crate::words::count(errors.len(), "session file", "session files"),
        errors.join("; ")
    )
}

fn conflicts_message(copies: &[String]) -> String {
    format!(
        "{} conflict cop{} of this patient's visits {} not reconciled, so the report would not know which version is the record; reconcile {} in the app first: {}",
        copies.len(),
        if copies.len() == 1 { "y" } else { "ies" },
        if copies.len() == 1 { "is" } else { "are" },
        if copies.len() == 1 { "it" } else { "them" },
        copies.join("; ")
    )
}

fn no_visits_message(patient: &str, period: &Period, visits: &[Date]) -> String {
    let had = match visits {
        [] => "the patient has no visits yet".to_owned(),
        [only] => format!("the patient has 1 visit, on {only}"),
        [first, .., last] => format!(
            "the patient has {}, the first on {first} and the last on {last}",
            crate::words::count(visits.len(), "visit", "visits")
        ),
    };
    format!("no visits of {patient} from {period}; {had}")
}

/// A patient's folder read for a progress report.
#[derive(Debug)]
pub struct PatientRecords {
    pub patient: Patient,
    /// This patient's visits that could be read, oldest first.
    pub sessions: Vec<Session>,
    /// Session files that could not be read, and conflict copies (named in their errors).
    pub unreadable: Vec<LoadError>,
    /// Session files in the folder that belong to another patient (misfiled): left out.
    pub other_patients: Vec<PathBuf>,
}

impl PatientRecords {
    /// Reads the patient folder `dir` (`…/patients/<id>`): `patient.ron` and every session
    /// file. Errors: the folder is missing or not a folder, has no `patient.ron`, or the
    /// patient file cannot be read; unreadable sessions are kept in `unreadable`.
    pub fn load(dir: &Path) -> Result<Self, ProgressReportError> {
        if !dir.exists() {
            return Err(ProgressReportError::Missing(dir.to_owned()));
        }
        if !dir.is_dir() {
            return Err(ProgressReportError::NotAFolder(dir.to_owned()));
        }
        if !dir.join(PATIENT_FILE).exists() {
            return Err(ProgressReportError::NotAPatient(dir.to_owned()));
        }
        let entry = Library::patient_entry(dir)?;
        let (entries, unreadable) = Library::load_sessions(&entry);
        // A conflict copy is named among the problems; its visit is the original's.
        let (own, others): (Vec<_>, Vec<_>) = entries
            .into_iter()
            .filter(|e| e.conflict.is_none())
            .partition(|e| e.session.patient_id == entry.patient.id);
        Ok(Self {
            patient: entry.patient,
            sessions: own.into_iter().map(|e| e.session).collect(),
            unreadable,
            other_patients: others.into_iter().map(|e| e.path).collect(),
        })
    }

    /// The report's input for the visits in `period`, drawn on `map`. Refused when a session
    /// file could not be read, and when no visit falls in the period (the error gives the
    /// patient's visits).
    pub fn input<'a>(
        &'a self,
        map: &'a BodyMap,
        period: Period,
    ) -> Result<ProgressInput<'a>, ProgressReportError> {
        let (conflicts, unreadable): (Vec<&LoadError>, Vec<&LoadError>) = self
            .unreadable
            .iter()
            .partition(|e| matches!(e, LoadError::ConflictCopy { .. }));
        let lines = |errors: Vec<&LoadError>| errors.iter().map(ToString::to_string).collect();
        if !unreadable.is_empty() {
            return Err(ProgressReportError::Unreadable(lines(unreadable)));
        }
        if !conflicts.is_empty() {
            return Err(ProgressReportError::Conflicts(lines(conflicts)));
        }
        let mut sessions: Vec<&Session> = self
            .sessions
            .iter()
            .filter(|s| period.contains(s.date()))
            .collect();
        sessions.sort_by_key(|s| s.started_at);
        if sessions.is_empty() {
            return Err(ProgressReportError::NoVisits {
                patient: crate::export::patient_name(&self.patient),
                period,
                visits: self.sessions.iter().map(Session::date).collect(),
            });
        }
        let mut history: Vec<&Session> = self
            .sessions
            .iter()
            .filter(|s| s.date() <= period.to())
            .collect();
        history.sort_by_key(|s| s.started_at);
        Ok(ProgressInput {
            patient: &self.patient,
            sessions,
            history,
            period,
            map,
        })
    }
}
