//! The questions the app can be waiting for the user to answer, as values. The shell holds
//! at most one; `prompts` draws it and turns the answer into an action.

use std::path::PathBuf;

use crate::app::shell::action::Action;
use crate::storage::RecoveryRecord;

/// What would replace an existing file.
#[derive(Clone, Debug, PartialEq)]
pub enum Replacement {
    /// The open session (the old file is kept as a .bak).
    Session,
    /// An export's bytes.
    Export(std::sync::Arc<Vec<u8>>),
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
    /// A patient's details being edited: the patient as shown when editing began, the
    /// fields as typed so far, and why the last answer was refused.
    EditPatient {
        original: Box<crate::model::Patient>,
        name: String,
        date_of_birth: String,
        clinic_ref: String,
        refusal: Option<String>,
    },
    /// The name of a custom view being added from `image`.
    NewCustomView {
        image: PathBuf,
        name: String,
    },
    /// Save As or an export chose a file that exists.
    ReplaceFile {
        path: PathBuf,
        with: Replacement,
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
