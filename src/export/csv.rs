//! The needling log of a patient as CSV: one row per needle site over all the patient's
//! sessions, oldest first, for audits, billing and research. RFC 4180 (CRLF line ends, fields
//! quoted when they hold a comma, quote or line break; written by the `csv` crate), ISO 8601
//! dates, decimal points, a header row. Columns: [`COLUMNS`] (documented in `docs/export.md`).

use std::path::Path;

use crate::bodymap::BodyMap;
use crate::model::{NeedleSite, Patient, Session};
use crate::storage::{Library, LoadError};

/// The header row, in order.
pub const COLUMNS: [&str; 25] = [
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

/// The needling log of the patient folder `dir` (`…/patients/<id>`), with the sessions that
/// could not be read (named, so nothing is left out silently).
pub fn patient_log(dir: &Path, map: &BodyMap) -> Result<(String, Vec<LoadError>), CsvError> {
    let patient_file = dir.join(crate::storage::library_dirs::PATIENT_FILE);
    if !patient_file.is_file() {
        return Err(CsvError::NotAPatient(dir.display().to_string()));
    }
    let entry = Library::patient_entry(dir)?;
    let (entries, errors) = Library::load_sessions(&entry);
    let sessions: Vec<Session> = entries.into_iter().map(|e| e.session).collect();
    Ok((needling_log(&entry.patient, &sessions, map)?, errors))
}

/// The CSV text of the needle sites of `sessions`, sorted by session start.
pub fn needling_log(
    patient: &Patient,
    sessions: &[Session],
    map: &BodyMap,
) -> Result<String, CsvError> {
    let mut sorted: Vec<&Session> = sessions.iter().collect();
    sorted.sort_by_key(|s| s.started_at);
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let write_error = |e: ::csv::Error| CsvError::Write(e.to_string());
    writer.write_record(COLUMNS).map_err(write_error)?;
    for session in sorted {
        for site in &session.needle_sites {
            writer
                .write_record(row(patient, session, site, map))
                .map_err(write_error)?;
        }
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| CsvError::Write(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| CsvError::Write(e.to_string()))
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
        patient.display_name.clone(),
        patient.clinic_ref.clone(),
        session.id.0.to_string(),
        session.date().to_string(),
        session.started_at.time().strftime("%H:%M").to_string(),
        session.clinician.clone(),
        if session.signature.is_some() {
            "yes"
        } else {
            "no"
        }
        .to_owned(),
        site.view.as_str().to_owned(),
        muscle_id,
        muscle,
        site.side.label().to_owned(),
        format!("{}", site.needle.diameter_mm),
        format!("{}", site.needle.length_mm),
        number(site.depth_mm),
        site.direction.clone(),
        site.technique.label().to_owned(),
        site.twitch_count
            .map_or_else(String::new, |n| n.to_string()),
        number(site.retention_min),
        estim,
        position.to_owned(),
        site.immediate_response.clone(),
        warnings.join("; "),
        acknowledged.to_owned(),
        site.notes.clone(),
    ]
}
