//! A patient: the owner of a folder of sessions.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::PatientId;

/// A patient record (`patients/<id>/patient.ron`). Kept deliberately small: the clinic's own
/// record system holds the demographics; myomap needs a name to show and an id to file under.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Patient {
    pub format_version: u32,
    pub id: PatientId,
    /// Name or initials, as the clinic prefers to show it.
    pub display_name: String,
    pub date_of_birth: Option<Date>,
    /// The clinic's own record number, to cross-reference.
    pub clinic_ref: String,
    pub notes: String,
}

impl Patient {
    pub fn new(id: PatientId, display_name: impl Into<String>) -> Self {
        Self {
            format_version: crate::storage::PATIENT_FORMAT_VERSION,
            id,
            display_name: display_name.into(),
            date_of_birth: None,
            clinic_ref: String::new(),
            notes: String::new(),
        }
    }

    /// Problems a careful reader of the file would point out (beyond syntax).
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.display_name.trim().is_empty() {
            problems.push("the patient has no display name".to_owned());
        }
        problems
    }
}
