//! Everything that leaves myomap for another reader: chart images (PNG, SVG; see
//! [`crate::render`]), the PDF session report and patient handout, and the CSV needling log.
//! No egui here: the command line and the app call the same functions.

pub mod csv;
pub mod handout;
mod pdf;
pub mod progress_report;
pub mod report;

use std::path::{Path, PathBuf};

use crate::model::{Patient, Session};
use crate::storage::library_dirs::{PATIENT_FILE, SESSIONS};

/// Refuses an export target that is, or may be, part of the clinical record: a `.ron` file
/// (sessions, patients, body maps), its `.bak`, or anything inside a library's patient
/// folder. Exports are PNG, SVG, PDF or CSV and never replace a record, `--force` or not.
pub fn refuse_record_target(path: &Path) -> Result<(), String> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if name.ends_with(".ron") || name.ends_with(".ron.bak") {
        return Err(format!(
            "{} has a myomap record's name (.ron): an export is never written onto a session, patient or body-map file; choose a .png, .svg, .pdf or .csv name",
            path.display()
        ));
    }
    // Through links too: the folder the file would land in, resolved.
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let folder = absolute
        .parent()
        .and_then(|dir| std::fs::canonicalize(dir).ok())
        .unwrap_or_else(|| absolute.clone());
    let in_patient_folder = folder.ancestors().any(|dir| {
        dir.join(PATIENT_FILE).is_file()
            && dir
                .parent()
                .and_then(Path::file_name)
                .is_some_and(|n| n == crate::storage::library_dirs::PATIENTS)
    });
    if in_patient_folder {
        return Err(format!(
            "{} is inside a patient's folder of a library: exports are written elsewhere, so the record folders hold only the record",
            path.display()
        ));
    }
    Ok(())
}

/// The patient file of a session kept in a library (`…/<patient>/sessions/S.ron` has
/// `…/<patient>/patient.ron`), when it is this session's patient: for a signed visit, the
/// patient's details as they were when it was signed ([`Patient::for_visit`]).
pub fn patient_of(session_path: &Path, session: &Session) -> Option<Patient> {
    let sessions = session_path.parent()?;
    if sessions.file_name()? != SESSIONS {
        return None;
    }
    let patient = crate::storage::load_patient(&sessions.parent()?.join(PATIENT_FILE)).ok()?;
    (patient.id == session.patient_id).then(|| patient.for_visit(session))
}

/// Why the patient file beside a session in a library could not be read, when it exists but
/// cannot be: exports then name the patient by id, and say so.
pub fn patient_problem(session_path: &Path) -> Option<String> {
    let sessions = session_path.parent()?;
    if sessions.file_name()? != SESSIONS {
        return None;
    }
    let file = sessions.parent()?.join(PATIENT_FILE);
    if !file.exists() {
        return None;
    }
    crate::storage::load_patient(&file)
        .err()
        .map(|error| format!("{error}; the patient is named by their id only"))
}

/// How exports name the patient: the clinic's display name and record number when the
/// patient file is known, else the start of the patient id.
pub fn patient_label(patient: Option<&Patient>, session: &Session) -> String {
    match patient {
        Some(p) => patient_name(p),
        None => format!("patient {}", short_id(&session.patient_id.0.to_string())),
    }
}

/// How exports name a known patient: display name and clinic record number, else the start
/// of the patient id.
pub fn patient_name(p: &Patient) -> String {
    if !p.clinic_ref.trim().is_empty() {
        format!("{} ({})", p.display_name.trim(), p.clinic_ref.trim())
    } else if !p.display_name.trim().is_empty() {
        p.display_name.trim().to_owned()
    } else {
        format!("patient {}", short_id(&p.id.0.to_string()))
    }
}

fn short_id(id: &str) -> &str {
    id.get(..8).unwrap_or(id)
}

/// The patient's latest visit before `session` among the session files beside it, for the
/// report's comparison. Files that do not load are skipped (`myomap check` names them).
pub fn previous_visit(session_path: &Path, session: &Session) -> Option<(PathBuf, Session)> {
    let dir = session_path.parent()?;
    let mut best: Option<(PathBuf, Session)> = None;
    for entry in std::fs::read_dir(dir).ok()?.flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "ron") || path == session_path {
            continue;
        }
        let Ok(other) = crate::storage::load_session(&path) else {
            continue;
        };
        if other.patient_id != session.patient_id
            || other.id == session.id
            || other.started_at >= session.started_at
        {
            continue;
        }
        if best
            .as_ref()
            .is_none_or(|(_, b)| other.started_at > b.started_at)
        {
            best = Some((path, other));
        }
    }
    best
}
