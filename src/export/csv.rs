//! The needling log of a patient as CSV: one row per needle site over all the patient's
//! sessions, oldest first, for audits, billing and research. RFC 4180 (CRLF line ends, fields
//! quoted when they hold the delimiter, a quote or a line break; written by the `csv` crate),
//! ISO 8601 dates, a header row, and a UTF-8 byte-order mark so spreadsheet programs read
//! "Zoë Núñez" as UTF-8 ([`CsvStyle`]). Every cell that a spreadsheet could take for a
//! formula is prefixed with an apostrophe (OWASP's CSV-injection rule, see [`guard`]).
//! Columns: [`COLUMNS`] (documented in `docs/export.md`).

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

/// How the CSV is laid out for the spreadsheet program that reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CsvStyle {
    /// Start with a UTF-8 byte-order mark: without one, Excel reads UTF-8 as the Windows
    /// code page and shows "ZoÃ«" for "Zoë".
    pub byte_order_mark: bool,
    /// Semicolons between fields and decimal commas (`0,25`), as spreadsheets expect in
    /// locales that write decimals with a comma (most of Europe and South America).
    pub decimal_comma: bool,
}

impl Default for CsvStyle {
    fn default() -> Self {
        Self {
            byte_order_mark: true,
            decimal_comma: false,
        }
    }
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
pub fn patient_log(dir: &Path, map: &BodyMap, style: CsvStyle) -> Result<NeedlingLog, CsvError> {
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
    let (csv, rows) = needling_log(&entry.patient, &sessions, map, style)?;
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
    style: CsvStyle,
) -> Result<(String, usize), CsvError> {
    let mut sorted: Vec<&Session> = sessions.iter().collect();
    sorted.sort_by_key(|s| s.started_at);
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .delimiter(if style.decimal_comma { b';' } else { b',' })
        .from_writer(Vec::new());
    let write_error = |e: ::csv::Error| CsvError::Write(e.to_string());
    writer.write_record(COLUMNS).map_err(write_error)?;
    let mut rows = 0;
    for session in sorted {
        // A signed visit's rows name the patient as the visit was signed.
        let patient = patient.for_visit(session);
        for site in &session.needle_sites {
            let cells = row(&patient, session, site, map, style);
            writer
                .write_record(cells.iter().map(|cell| guard(cell).into_owned()))
                .map_err(write_error)?;
            rows += 1;
        }
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| CsvError::Write(e.to_string()))?;
    let mut text = String::from_utf8(bytes).map_err(|e| CsvError::Write(e.to_string()))?;
    if style.byte_order_mark {
        text.insert(0, '\u{FEFF}');
    }
    Ok((text, rows))
}

/// A cell as a spreadsheet will not take it for a formula: one that starts with a tab, a
/// carriage return or a line feed, or whose first visible character is `=`, `+`, `-`, `@` or
/// a form of them some spreadsheets fold to them, is prefixed with an apostrophe, which the
/// spreadsheet shows as text (OWASP, "CSV Injection"). Applied to every cell of every row.
pub fn guard(cell: &str) -> std::borrow::Cow<'_, str> {
    // The formula signs, their full-width (＝ ＋ － ＠) and small (﹦ ﹢ ﹣ ﹫) forms, and the
    // minus sign, which some spreadsheets fold to them.
    const SIGNS: [char; 11] = [
        '=', '+', '-', '@', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}', '\u{FE66}', '\u{FE62}',
        '\u{FE63}',
    ];
    const MORE_SIGNS: [char; 2] = ['\u{FE6B}', '\u{2212}'];
    // Anything invisible before them: spaces of every kind, zero-width ones, a byte-order mark.
    let invisible = |c: char| {
        c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
    };
    let first = cell.trim_start_matches(invisible).chars().next();
    let leading_control = cell.starts_with(['\t', '\r', '\n']);
    if leading_control || first.is_some_and(|c| SIGNS.contains(&c) || MORE_SIGNS.contains(&c)) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// A measurement rounded to 0.01, with the style's decimal separator.
fn decimal(value: f32, style: CsvStyle) -> String {
    let text = format!("{}", (value * 100.0).round() / 100.0);
    if style.decimal_comma {
        text.replace('.', ",")
    } else {
        text
    }
}

fn number(value: Option<f32>, style: CsvStyle) -> String {
    value.map_or_else(String::new, |v| decimal(v, style))
}

fn row(
    patient: &Patient,
    session: &Session,
    site: &NeedleSite,
    map: &BodyMap,
    style: CsvStyle,
) -> Vec<String> {
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
                decimal(e.frequency_hz, style),
                e.intensity.trim(),
                decimal(e.duration_min, style)
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
        match session.signature_state() {
            SignatureState::Unsigned => "no",
            SignatureState::Intact => "yes",
            SignatureState::LegacySealed => "sealed",
            _ => "broken",
        }
        .to_owned(),
        site.view.as_str().to_owned(),
        muscle_id,
        muscle,
        site.side.label().to_owned(),
        decimal(site.needle.diameter_mm, style),
        decimal(site.needle.length_mm, style),
        number(site.depth_mm, style),
        site.direction.clone(),
        site.palpation.label().to_owned(),
        site.technique.label().to_owned(),
        site.twitch_count
            .map_or_else(String::new, |n| n.to_string()),
        number(site.retention_min, style),
        estim,
        position.to_owned(),
        site.immediate_response.clone(),
        warnings.join("; "),
        acknowledged.to_owned(),
        site.notes.clone(),
    ]
}
