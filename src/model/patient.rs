//! A patient: the owner of a folder of sessions, with the history of changes to their
//! details, so what a signed visit printed about the patient can be printed again as it was.

use jiff::civil::{Date, DateTime};
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
    /// Every change to the name, date of birth or record number, oldest first, each with the
    /// value it replaced (format version 2; empty in a version 1 file). Never rewritten: the
    /// details as they were at any moment are the current ones with the later changes undone
    /// ([`Patient::as_of`]).
    #[serde(default)]
    pub changes: Vec<PatientChange>,
}

/// One change to a patient's details: when, which detail, and the value it replaced.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatientChange {
    /// The clinic's local date and time of the change.
    #[serde(deserialize_with = "super::local_time::deserialize")]
    pub at: DateTime,
    pub field: PatientField,
    /// The value before the change: the text, or for the date of birth `YYYY-MM-DD` (empty
    /// when there was none).
    pub old: String,
}

/// The details of a patient whose changes are kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PatientField {
    DisplayName,
    DateOfBirth,
    ClinicRef,
}

impl PatientField {
    pub fn label(self) -> &'static str {
        match self {
            Self::DisplayName => "name",
            Self::DateOfBirth => "date of birth",
            Self::ClinicRef => "record number",
        }
    }
}

/// The details a clinician edits, checked: a name, a real date of birth or none, a record
/// number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatientDetails {
    pub display_name: String,
    pub date_of_birth: Option<Date>,
    pub clinic_ref: String,
}

/// The earliest year a date of birth is taken as real (as `myomap check` does).
pub const EARLIEST_BIRTH_YEAR: i16 = 1900;

impl PatientDetails {
    /// The details as typed: the name and record number trimmed, the date of birth written
    /// `YYYY-MM-DD` (or left empty). Refused, in words for the clinician, when the name is
    /// empty, the date is not a real `YYYY-MM-DD` date, or it is after `today` or before 1900.
    pub fn parse(
        display_name: &str,
        date_of_birth: &str,
        clinic_ref: &str,
        today: Date,
    ) -> Result<Self, String> {
        let display_name = display_name.trim();
        if display_name.is_empty() {
            return Err("Enter the patient's name or initials.".to_owned());
        }
        let limits = [
            ("name", display_name, super::limits::NAME),
            ("record number", clinic_ref.trim(), super::limits::ID),
        ];
        for (what, text, limit) in limits {
            if text.chars().count() > limit {
                return Err(format!(
                    "The {what} is longer than the {limit} characters myomap keeps."
                ));
            }
        }
        Ok(Self {
            display_name: display_name.to_owned(),
            date_of_birth: parse_date_of_birth(date_of_birth, today)?,
            clinic_ref: clinic_ref.trim().to_owned(),
        })
    }
}

/// A date of birth as typed: empty for none, else exactly `YYYY-MM-DD`, a real date, not
/// after `today` nor before 1900.
pub fn parse_date_of_birth(text: &str, today: Date) -> Result<Option<Date>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shaped {
        return Err(format!(
            "\"{text}\" is not a date of birth myomap can read: write it as YYYY-MM-DD (e.g. 1988-03-14), or leave it empty."
        ));
    }
    let date: Date = text.parse().map_err(|_| {
        format!("{text} is not a real date (check the month and the day): write it as YYYY-MM-DD.")
    })?;
    if date > today {
        return Err(format!(
            "The date of birth {date} is in the future (today is {today})."
        ));
    }
    if date.year() < EARLIEST_BIRTH_YEAR {
        return Err(format!(
            "The date of birth {date} is before {EARLIEST_BIRTH_YEAR}: check the year."
        ));
    }
    Ok(Some(date))
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
            changes: Vec::new(),
        }
    }

    /// The details now.
    pub fn details(&self) -> PatientDetails {
        PatientDetails {
            display_name: self.display_name.clone(),
            date_of_birth: self.date_of_birth,
            clinic_ref: self.clinic_ref.clone(),
        }
    }

    /// Sets the details, recording each one that changes with the value it replaces and
    /// `at`. Returns the changes made (none when the details are as they were).
    pub fn edit(&mut self, details: PatientDetails, at: DateTime) -> Vec<PatientChange> {
        let mut made = Vec::new();
        if details.display_name != self.display_name {
            made.push(PatientChange {
                at,
                field: PatientField::DisplayName,
                old: std::mem::replace(&mut self.display_name, details.display_name),
            });
        }
        if details.date_of_birth != self.date_of_birth {
            made.push(PatientChange {
                at,
                field: PatientField::DateOfBirth,
                old: self
                    .date_of_birth
                    .map_or_else(String::new, |d| d.to_string()),
            });
            self.date_of_birth = details.date_of_birth;
        }
        if details.clinic_ref != self.clinic_ref {
            made.push(PatientChange {
                at,
                field: PatientField::ClinicRef,
                old: std::mem::replace(&mut self.clinic_ref, details.clinic_ref),
            });
        }
        self.changes.extend(made.iter().cloned());
        made
    }

    /// The patient as they were at `at`: every change made after it undone, newest first.
    /// What a visit signed at `at` printed about the patient, whatever was edited since.
    pub fn as_of(&self, at: DateTime) -> Patient {
        let mut then = self.clone();
        for change in self.changes.iter().rev().filter(|c| c.at > at) {
            match change.field {
                PatientField::DisplayName => then.display_name = change.old.clone(),
                PatientField::ClinicRef => then.clinic_ref = change.old.clone(),
                // A value the file holds that is not a date (edited by hand) reads as none:
                // `problems` names it.
                PatientField::DateOfBirth => then.date_of_birth = change.old.parse().ok(),
            }
        }
        then.changes.retain(|c| c.at <= at);
        then
    }

    /// The patient as a visit's report, handout or log prints them: as they were when the
    /// visit was signed (what it printed then is never rewritten), as they are now while it
    /// is not signed.
    pub fn for_visit(&self, session: &super::Session) -> Patient {
        match &session.signature {
            Some(signature) => self.as_of(signature.at),
            None => self.clone(),
        }
    }

    /// Problems a careful reader of the file would point out (beyond syntax).
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.display_name.trim().is_empty() {
            problems.push("the patient has no display name".to_owned());
        }
        for change in &self.changes {
            if change.field == PatientField::DateOfBirth
                && !change.old.is_empty()
                && change.old.parse::<Date>().is_err()
            {
                problems.push(format!(
                    "the change of {} records the old date of birth \"{}\", which is not a YYYY-MM-DD date",
                    change.at, change.old
                ));
            }
        }
        if self.changes.windows(2).any(|w| w[1].at < w[0].at) {
            problems.push("the patient's changes are not in the order they were made".to_owned());
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn today() -> Date {
        date(2026, 11, 30)
    }

    #[test]
    fn dates_of_birth_are_read_as_yyyy_mm_dd_or_refused_in_words() {
        assert_eq!(parse_date_of_birth("", today()), Ok(None));
        assert_eq!(
            parse_date_of_birth(" 1988-03-14 ", today()),
            Ok(Some(date(1988, 3, 14)))
        );
        for bad in [
            "14/03/1988",
            "1988-3-14",
            "88-03-14",
            "1988-03-14T00:00",
            "yesterday",
        ] {
            let error = parse_date_of_birth(bad, today()).expect_err(bad);
            assert!(error.contains("YYYY-MM-DD"), "{bad}: {error}");
        }
        let error = parse_date_of_birth("1988-02-30", today()).expect_err("30 February");
        assert!(error.contains("not a real date"), "{error}");
        let error = parse_date_of_birth("2027-01-01", today()).expect_err("future");
        assert!(error.contains("in the future"), "{error}");
        let error = parse_date_of_birth("1850-01-01", today()).expect_err("too early");
        assert!(error.contains("before 1900"), "{error}");
        assert!(PatientDetails::parse("  ", "", "", today()).is_err());
        let details = PatientDetails::parse(" C. Bennett ", "", " MRN-1 ", today()).expect("ok");
        assert_eq!(details.display_name, "C. Bennett");
        assert_eq!(details.clinic_ref, "MRN-1");
    }

    #[test]
    fn edits_keep_the_old_values_and_as_of_gives_the_details_at_any_time() {
        let mut patient = Patient::new(PatientId::from_u128(1), "Claire Bennet");
        patient.clinic_ref = "MRN-1".into();
        let first = date(2026, 10, 1).at(9, 0, 0, 0);
        let second = date(2026, 11, 2).at(16, 30, 0, 0);
        let made = patient.edit(
            PatientDetails {
                display_name: "Claire Bennett".into(),
                date_of_birth: Some(date(1988, 3, 14)),
                clinic_ref: "MRN-1".into(),
            },
            first,
        );
        assert_eq!(
            made.len(),
            2,
            "name and date of birth, not the record number"
        );
        let made = patient.edit(
            PatientDetails {
                display_name: "Claire Bennett".into(),
                date_of_birth: Some(date(1988, 3, 15)),
                clinic_ref: "MRN-20417".into(),
            },
            second,
        );
        assert_eq!(made.len(), 2);
        assert!(
            patient.edit(patient.details(), second).is_empty(),
            "no change, no record"
        );
        assert_eq!(patient.changes.len(), 4);
        assert!(patient.problems().is_empty(), "{:?}", patient.problems());

        let before = patient.as_of(date(2026, 9, 1).at(12, 0, 0, 0));
        assert_eq!(before.display_name, "Claire Bennet");
        assert_eq!(before.date_of_birth, None);
        assert_eq!(before.clinic_ref, "MRN-1");
        assert!(before.changes.is_empty());
        // At the moment of a change, the change has been made.
        let between = patient.as_of(first);
        assert_eq!(between.display_name, "Claire Bennett");
        assert_eq!(between.date_of_birth, Some(date(1988, 3, 14)));
        assert_eq!(between.clinic_ref, "MRN-1");
        // Later the same day as the second change, but before it: as before it.
        let same_day = patient.as_of(date(2026, 11, 2).at(10, 0, 0, 0));
        assert_eq!(same_day.clinic_ref, "MRN-1");
        let now = patient.as_of(date(2026, 11, 30).at(0, 0, 0, 0));
        assert_eq!(now, patient);
    }
}
