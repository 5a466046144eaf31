//! The needling log of a patient as CSV: one row per needle site over all the patient's
//! sessions, oldest first, for audits, billing and research. RFC 4180 (CRLF line ends, fields
//! quoted when they hold a comma, quote or line break; written by the `csv` crate), ISO 8601
//! dates, decimal points, a header row; free text that starts like a spreadsheet formula is
//! prefixed with an apostrophe. Columns: [`COLUMNS`] (documented in `docs/export.md`).

use std::path::Path;

use crate::bodymap::BodyMap;
use crate::model::{NeedleSite, Patient, Session, SignatureState};
use crate::storage::{Library, LoadError};

/// The header row, in order.
pub const COLUMNS: [&str; 26] = [
    "patient_id",
    "patient",
    "clinic_ref",
    "session_id",
    "date",
    "time",
    "clinician",
    "signed",
    "view",
    "muscle_id",
    "muscle",
    "side",
    "needle_diameter_mm",
    "needle_length_mm",
    "depth_mm",
    "direction",
    "palpation",
    "technique",
    "twitch_responses",
    "retention_min",
    "electrical_stimulation",
    "patient_position",
    "immediate_response",
    "safety_warnings",
    "warnings_acknowledged",
    "notes",
];

#[derive(Debug, thiserror::Error)]
pub enum CsvError {
    #[error("{0} is not a patient folder (it has no patient.ron)")]
    NotAPatient(String),
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("could not write the CSV: {0}")]
    Write(String),
}

/// A patient's needling log, with what was left out and why.
pub struct NeedlingLog {
    /// The CSV text.
    pub csv: String,
    /// Needle sites written (one row each).
    pub rows: usize,
    /// Session files that could not be read.
    pub unreadable: Vec<LoadError>,
    /// Session files in the folder that belong to another patient (misfiled).
    pub other_patients: Vec<std::path::PathBuf>,
}

/// The needling log of the patient folder `dir` (`…/patients/<id>`); sessions that could not
/// be read or are another patient's are named, so nothing is left out silently.
pub fn patient_log(dir: &Path, map: &BodyMap) -> Result<NeedlingLog, CsvError> {
    let patient_file = dir.join(crate::storage::library_dirs::PATIENT_FILE);
    if !patient_file.is_file() {
        return Err(CsvError::NotAPatient(dir.display().to_string()));
    }
    let entry = Library::patient_entry(dir)?;
    let (entries, unreadable) = Library::load_sessions(&entry);
    let (own, others): (Vec<_>, Vec<_>) = entries
        .into_iter()
        .partition(|e| e.session.patient_id == entry.patient.id);
    let sessions: Vec<Session> = own.into_iter().map(|e| e.session).collect();
    let (csv, rows) = needling_log(&entry.patient, &sessions, map)?;
    Ok(NeedlingLog {
        csv,
        rows,
        unreadable,
        other_patients: others.into_iter().map(|e| e.path).collect(),
    })
}

/// The CSV text of the needle sites of `sessions`, sorted by session start, and its number
/// of rows.
pub fn needling_log(
    patient: &Patient,
    sessions: &[Session],
    map: &BodyMap,
) -> Result<(String, usize), CsvError> {
    let mut sorted: Vec<&Session> = sessions.iter().collect();
    sorted.sort_by_key(|s| s.started_at);
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let write_error = |e: ::csv::Error| CsvError::Write(e.to_string());
    writer.write_record(COLUMNS).map_err(write_error)?;
    let mut rows = 0;
    for session in sorted {
        for site in &session.needle_sites {
            writer
                .write_record(row(patient, session, site, map))
                .map_err(write_error)?;
            rows += 1;
        }
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| CsvError::Write(e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|e| CsvError::Write(e.to_string()))?;
    Ok((text, rows))
}

/// Free text as a spreadsheet will not mistake it for a formula: a leading `=`, `+`, `-`
/// or `@` is quoted away with an apostrophe (the usual guard against CSV injection).
fn text(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}

fn number(value: Option<f32>) -> String {
    value.map_or_else(String::new, |v| format!("{}", (v * 100.0).round() / 100.0))
}

fn row(patient: &Patient, session: &Session, site: &NeedleSite, map: &BodyMap) -> Vec<String> {
    let (muscle_id, muscle) = match &site.muscle {
        Some(m) => (
            m.0.clone(),
            map.muscle(&m.0)
                .map_or_else(|| m.fallback_name(), |d| d.name.clone()),
        ),
        None => (String::new(), String::new()),
    };
    let warnings: Vec<String> = site
        .warnings
        .iter()
        .map(|w| super::report::warning_text(map, w))
        .collect();
    let acknowledged = if site.warnings.is_empty() {
        ""
    } else if site.warnings.iter().all(|w| w.acknowledged) {
        "yes"
    } else {
        "no"
    };
    let estim = site
        .electrical_stimulation
        .as_ref()
        .map_or_else(String::new, |e| {
            format!(
                "{} Hz, {}, {} min",
                e.frequency_hz,
                e.intensity.trim(),
                e.duration_min
            )
        });
    let position = site
        .patient_position
        .or(session.patient_position)
        .map_or("", |p| p.label());
    vec![
        session.patient_id.0.to_string(),
        text(&patient.display_name),
        text(&patient.clinic_ref),
        session.id.0.to_string(),
        session.date().to_string(),
        session.started_at.time().strftime("%H:%M").to_string(),
        text(&session.clinician),
        match session.signature_state() {
            SignatureState::Unsigned => "no",
            SignatureState::Intact => "yes",
            _ => "broken",
        }
        .to_owned(),
        site.view.as_str().to_owned(),
        muscle_id,
        muscle,
        site.side.label().to_owned(),
        format!("{}", site.needle.diameter_mm),
        format!("{}", site.needle.length_mm),
        number(site.depth_mm),
        text(&site.direction),
        site.palpation.label().to_owned(),
        site.technique.label().to_owned(),
        site.twitch_count
            .map_or_else(String::new, |n| n.to_string()),
        number(site.retention_min),
        estim,
        position.to_owned(),
        text(&site.immediate_response),
        warnings.join("; "),
        acknowledged.to_owned(),
        text(&site.notes),
    ]
}
