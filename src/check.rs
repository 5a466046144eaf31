//! `myomap check`: validates session, patient and body-map files, recursing into folders, and reports
//! every problem as `PATH:LINE:COL: message`.

use std::path::{Path, PathBuf};

use crate::bodymap::BodyMap;
use crate::bodymap::custom::CustomViewFile;
use crate::model::{MarkKind, MarkRef, Patient, Session};
use crate::storage::{self, DecodeError, LoadError};

/// One problem in one file. `line`/`col` are 1-based; 0 when the problem has no position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", storage::shown(&self.path), self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                storage::shown(&self.path),
                self.line,
                self.col,
                self.message
            )
        }
    }
}

/// What `check` found.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub files_checked: usize,
    /// Errors: the file cannot be trusted as it is (exit status 1).
    pub problems: Vec<Problem>,
    /// Clinical findings in valid files, reported as warnings (needles without consent,
    /// unacknowledged safety warnings, a needle count that does not match…).
    pub findings: Vec<Problem>,
    /// The first file seen with each session id in each library (or folder), to find two
    /// files claiming one session; by canonical path, so one file reached twice is one.
    sessions_seen: std::collections::HashMap<(PathBuf, crate::model::SessionId), PathBuf>,
    /// The custom view ids of each library a session was found in.
    /// Per library: its custom views' ids, and why each left-out view could not be used.
    custom_views: std::collections::HashMap<PathBuf, (Vec<String>, Vec<String>)>,
}

impl Report {
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// The kinds of file `check` knows, told apart by name: `patient.ron`, body maps (in a
/// `body_maps` folder or named `*.bodymap.ron`), custom-view descriptors (in a library's
/// `views` folder), and sessions (every other `.ron`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Patient,
    Session,
    BodyMap,
    CustomView,
    /// A referral-pattern library (`referral_patterns.ron`, or any `*.referral.ron`).
    ReferralLibrary,
    /// A library's registry of clinicians' keys (`clinicians.ron`).
    Registry,
    /// Overlays of a body map (`overlays.ron`, or any `*.overlays.ron`).
    Overlays,
}

impl FileKind {
    pub fn of(path: &Path) -> Self {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        let in_body_maps = path
            .parent()
            .and_then(|p| p.file_name())
            .is_some_and(|n| n == "body_maps");
        let in_views = path
            .parent()
            .and_then(|p| p.file_name())
            .is_some_and(|n| n == crate::bodymap::custom::CUSTOM_VIEWS_FOLDER);
        if name == "patient.ron" {
            Self::Patient
        } else if name == crate::ledger::REGISTRY_FILE {
            Self::Registry
        } else if name == "referral_patterns.ron" || name.ends_with(".referral.ron") {
            Self::ReferralLibrary
        } else if name == "overlays.ron" || name.ends_with(".overlays.ron") {
            Self::Overlays
        } else if in_body_maps || name.ends_with(".bodymap.ron") {
            Self::BodyMap
        } else if in_views {
            Self::CustomView
        } else {
            Self::Session
        }
    }
}

/// Checks every path: files directly, folders recursively (their `*.ron` files, skipping
/// backups and hidden temporary files).
pub fn check_paths(paths: &[PathBuf]) -> Report {
    let mut report = Report::default();
    for path in paths {
        check_path(path, true, &mut report);
    }
    report
}

fn check_path(path: &Path, named: bool, report: &mut Report) {
    // Links found inside a folder are not followed into folders: a link to `.` or to `/`
    // would walk forever or over the whole disk. A link to a file is checked as that file.
    if !named
        && std::fs::symlink_metadata(path).is_ok_and(|meta| meta.file_type().is_symlink())
        && std::fs::metadata(path).is_ok_and(|meta| meta.is_dir())
    {
        report.findings.push(problem_without_position(
            path,
            "warning: a link to a folder, not followed (check the folder itself)".to_owned(),
        ));
        return;
    }
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(error) => {
            report.problems.push(problem_without_position(
                path,
                crate::storage::LoadError::io(path, error).message(),
            ));
            return;
        }
    };
    if meta.is_dir() {
        let mut children = match std::fs::read_dir(path) {
            Ok(entries) => entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .collect::<Vec<_>>(),
            Err(error) => {
                report.problems.push(problem_without_position(
                    path,
                    LoadError::io(path, error).message(),
                ));
                return;
            }
        };
        children.sort();
        if is_patient_folder(path) {
            check_patient_folder(path, report);
        }
        for child in children {
            check_path(&child, false, report);
        }
        // A library: its files against its ledgers and clinicians registry.
        for problem in crate::ledger::check_library(path) {
            report.problems.push(Problem {
                path: problem.path,
                line: problem.line,
                col: usize::from(problem.line > 0),
                message: problem.message,
            });
        }
    } else if named || is_checkable(path) {
        check_file(path, report);
    }
}

/// A folder of a library's `patients` folder: named by a patient id, in a folder named
/// `patients` (other folders there, hidden or a NAS's own, are not patients).
fn is_patient_folder(path: &Path) -> bool {
    let named_by_id = path
        .file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| name.parse::<crate::model::PatientId>().is_ok());
    named_by_id
        && path
            .parent()
            .and_then(Path::file_name)
            .is_some_and(|name| name == storage::library_dirs::PATIENTS)
}

/// What a patient folder must hold for the library to read it: `patient.ron`, and a
/// `sessions` folder (if any) that is a folder.
fn check_patient_folder(dir: &Path, report: &mut Report) {
    let patient = dir.join(storage::library_dirs::PATIENT_FILE);
    if std::fs::symlink_metadata(&patient).is_err() {
        report.problems.push(problem_without_position(
            dir,
            "a patient folder without patient.ron: myomap cannot list this patient".to_owned(),
        ));
    }
    let sessions = dir.join(storage::library_dirs::SESSIONS);
    if let Ok(meta) = std::fs::metadata(&sessions)
        && !meta.is_dir()
    {
        report.problems.push(problem_without_position(
            &sessions,
            "this is a file where the patient's sessions folder should be; their visits cannot be read".to_owned(),
        ));
    }
}

fn is_checkable(path: &Path) -> bool {
    let hidden = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'));
    !hidden && path.extension().is_some_and(|ext| ext == "ron")
}

fn problem_without_position(path: &Path, message: String) -> Problem {
    Problem {
        path: path.to_owned(),
        line: 0,
        col: 0,
        message,
    }
}

/// Checks one file, choosing its kind by name.
pub fn check_file(path: &Path, report: &mut Report) {
    report.files_checked += 1;
    // A conflict copy, or a version set aside when one was reconciled, shares its visit's id
    // by nature: it is reported as what it is, not as a duplicate.
    let set_aside = path
        .parent()
        .and_then(Path::file_name)
        .is_some_and(|name| name == storage::library_dirs::CONFLICTS);
    let conflict = storage::conflicts::conflict_copy(path).filter(|_| !set_aside);
    if set_aside {
        report.findings.push(problem_without_position(
            path,
            "warning: a version set aside when a conflict was reconciled; discard it once it is no longer needed".to_owned(),
        ));
    } else if let Some(copy) = &conflict {
        report
            .problems
            .push(problem_without_position(path, copy.to_string()));
    }
    let apart = set_aside || conflict.is_some();
    let bytes = match storage::read_bounded(path) {
        Ok(bytes) => bytes,
        Err(error) => {
            report.problems.push(from_load_error(error));
            return;
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    match FileKind::of(path) {
        FileKind::Patient => match storage::decode_bytes::<Patient>(&bytes) {
            Ok(patient) => {
                for message in patient.problems() {
                    let at = storage::locate(&text, "display_name");
                    report.problems.push(content_problem(path, at, message));
                }
                if let Some(message) = birth_date_problem(&patient, today()) {
                    let at = storage::locate(&text, "date_of_birth");
                    report.problems.push(content_problem(path, at, message));
                }
            }
            Err(error) => report.problems.push(from_decode(path, error)),
        },
        FileKind::BodyMap => match storage::decode_bytes::<BodyMap>(&bytes) {
            Ok(map) => {
                for message in map.problems() {
                    // Point at the first line naming the view or item the problem is about.
                    let at = message
                        .split([':', ' '])
                        .filter(|word| word.len() > 3 && word.contains('_'))
                        .find_map(|word| storage::locate(&text, word));
                    report.problems.push(content_problem(path, at, message));
                }
            }
            Err(error) => report.problems.push(from_decode(path, error)),
        },
        FileKind::CustomView => match storage::decode_bytes::<CustomViewFile>(&bytes) {
            Ok(file) => {
                let image = path.with_file_name(&file.image);
                // Only a plain file name beside the descriptor is read (another path is
                // refused below, without being opened); the whole picture is decoded, as a
                // file cut off in a copy has a good header.
                let plain_name = Path::new(&file.image).components().count() == 1
                    && !Path::new(&file.image).is_absolute();
                let size = if plain_name {
                    crate::bodymap::picture::decode_for_display(&image, 1024)
                        .and_then(|_| crate::bodymap::custom::image_size(&image))
                } else {
                    Err(String::new())
                };
                let size = match size {
                    Err(problem) if problem.is_empty() => None,
                    Ok(size) => Some(size),
                    Err(problem) => {
                        let at = storage::locate(&text, "image");
                        report.problems.push(content_problem(path, at, problem));
                        None
                    }
                };
                for message in file.problems(size) {
                    let at = message
                        .split(' ')
                        .nth(1)
                        .and_then(|word| storage::locate(&text, word.trim_matches('"')));
                    report.problems.push(content_problem(path, at, message));
                }
            }
            Err(error) => report.problems.push(from_decode(path, error)),
        },
        FileKind::Registry => {
            if let Err(error) = storage::decode_bytes::<crate::ledger::Registry>(&bytes) {
                report.problems.push(from_decode(path, error));
            }
        }
        FileKind::Overlays => {
            let overlays = storage::text_of(&bytes)
                .and_then(storage::parse_ron::<crate::bodymap::overlays::Overlays>);
            match overlays {
                Ok(overlays) => {
                    for message in overlays.problems(&crate::bodymap::standard().map) {
                        report.problems.push(content_problem(path, None, message));
                    }
                }
                Err(error) => report.problems.push(from_decode(path, error)),
            }
        }
        FileKind::ReferralLibrary => {
            let library = storage::text_of(&bytes)
                .and_then(storage::parse_ron::<crate::education::ReferralLibrary>);
            match library {
                Ok(library) => {
                    for message in library.problems(&crate::bodymap::standard().map) {
                        let at = message
                            .split([' ', ':'])
                            .nth(1)
                            .and_then(|muscle| storage::locate(&text, &format!("\"{muscle}\"")));
                        report.problems.push(content_problem(path, at, message));
                    }
                }
                Err(error) => report.problems.push(from_decode(path, error)),
            }
        }
        FileKind::Session => match storage::decode_bytes::<Session>(&bytes) {
            Ok(session) => {
                if let Some(message) = session.signature_state().describe() {
                    let at = storage::locate(&text, "signature");
                    report.problems.push(content_problem(path, at, message));
                }
                for finding in session.clinical_findings() {
                    let mut finding = content_problem(path, None, format!("warning: {finding}"));
                    finding.line = 0;
                    report.findings.push(finding);
                }
                for problem in session.problems() {
                    let at = problem
                        .mark
                        .and_then(|mark| locate_mark(&text, mark.kind, mark.id.0));
                    report
                        .problems
                        .push(content_problem(path, at, problem.message));
                }
                check_session_against_map(path, &text, &session, report);
                let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
                let scope = storage::library_of(&canonical).map_or_else(
                    || {
                        canonical
                            .parent()
                            .map(Path::to_path_buf)
                            .unwrap_or_default()
                    },
                    |library| library.root().to_owned(),
                );
                match report.sessions_seen.get(&(scope.clone(), session.id)) {
                    _ if apart => {}
                    Some(first) if *first != canonical => {
                        let message = format!(
                            "has the same session id as {} (a copied file?); check which is right",
                            storage::shown(first)
                        );
                        let at = storage::locate(&text, "id");
                        report.problems.push(content_problem(path, at, message));
                    }
                    Some(_) => {}
                    None => {
                        report.sessions_seen.insert((scope, session.id), canonical);
                    }
                }
            }
            Err(error) => report.problems.push(from_decode(path, error)),
        },
    }
}

/// Today's date, on the clinic's clock.
fn today() -> jiff::civil::Date {
    jiff::ZonedDateTime::now().date()
}

/// The earliest year a visit or a birth date is taken as real.
const EARLIEST_YEAR: i16 = 1900;

/// A date of birth in the future or before [`EARLIEST_YEAR`].
fn birth_date_problem(patient: &Patient, today: jiff::civil::Date) -> Option<String> {
    let born = patient.date_of_birth?;
    if born > today {
        Some(format!("the date of birth {born} is in the future"))
    } else if born.year() < EARLIEST_YEAR {
        Some(format!(
            "the date of birth {born} is before {EARLIEST_YEAR}"
        ))
    } else {
        None
    }
}

/// What a session names that the map (or the library's custom views) must know: its body
/// map, the views its marks are on, the muscles of its trigger points and needle sites; and a
/// visit date that can be real.
fn check_session_against_map(path: &Path, text: &str, session: &Session, report: &mut Report) {
    let started = session.started_at.date();
    let latest = today().saturating_add(jiff::ToSpan::years(1));
    if started.year() < EARLIEST_YEAR || started > latest {
        let at = storage::locate(text, "started_at");
        report.problems.push(content_problem(
            path,
            at,
            format!("the visit date {started} cannot be real (before {EARLIEST_YEAR} or more than a year ahead)"),
        ));
    }
    let standard = crate::bodymap::standard();
    if session.body_map != crate::model::BodyMapRef::standard() {
        let mut finding = content_problem(
            path,
            None,
            format!(
                "warning: charted on body map {} version {}, which this myomap does not have; its marks are not checked against a map",
                session.body_map.id, session.body_map.version
            ),
        );
        finding.line = 0;
        report.findings.push(finding);
        return;
    }
    let empty = (Vec::new(), Vec::new());
    let (custom, custom_problems) = match storage::library_of(path) {
        Some(library) => &*report
            .custom_views
            .entry(library.root().to_owned())
            .or_insert_with(|| {
                let (views, problems) = crate::bodymap::custom::load_custom_views(library.root());
                (
                    views.into_iter().map(|view| view.file.id).collect(),
                    problems,
                )
            }),
        None => &empty,
    };
    let mut unknown_views = std::collections::BTreeMap::new();
    for (mark, view) in session.marks_with_views() {
        let known = standard.map.view(view).is_some() || custom.iter().any(|c| c == view.as_str());
        if !known {
            unknown_views.entry(view.as_str()).or_insert(mark);
        }
    }
    // The messages are made while the library's custom views are borrowed, then reported.
    let unknown: Vec<(MarkRef, String)> = unknown_views
        .into_iter()
        .map(|(view, mark)| {
            // A custom view left out for a problem is named with it, not as unknown.
            let left_out = format!("Custom view {view} (");
            let message = match custom_problems.iter().find(|p| p.starts_with(&left_out)) {
                Some(problem) => {
                    format!("marks on the view \"{view}\", which cannot be used: {problem}")
                }
                None => format!(
                    "marks on the view \"{view}\", which neither the standard map nor this library's custom views have"
                ),
            };
            (mark, message)
        })
        .collect();
    for (mark, message) in unknown {
        let at = locate_mark(text, mark.kind, mark.id.0);
        report.problems.push(content_problem(path, at, message));
    }
    // Marks far off their view: more than half the view's size beyond its outline (each
    // mark reported once, at its first such point).
    let mut reported = std::collections::BTreeSet::new();
    // Each view's outline bounds once, not once per painted point.
    let mut view_bounds = std::collections::HashMap::new();
    for (mark, view_id, at_point) in session.mark_positions() {
        let Some(view) = standard.map.view(view_id) else {
            continue;
        };
        if reported.contains(&mark) {
            continue;
        }
        let bounds = *view_bounds
            .entry(view_id)
            .or_insert_with(|| crate::scene::MapScene::outline_bounds(view));
        let (w, h) = (bounds.max.x - bounds.min.x, bounds.max.y - bounds.min.y);
        let outside = at_point.x < bounds.min.x - w / 2.0
            || at_point.x > bounds.max.x + w / 2.0
            || at_point.y < bounds.min.y - h / 2.0
            || at_point.y > bounds.max.y + h / 2.0;
        if outside {
            reported.insert(mark);
            let at = locate_mark(text, mark.kind, mark.id.0);
            report.problems.push(content_problem(
                path,
                at,
                format!(
                    "{} {} lies at ({:.0}, {:.0}) mm, far outside the {} view (x {:.0} to {:.0}, y {:.0} to {:.0} mm)",
                    mark.kind.label(),
                    mark.id,
                    at_point.x,
                    at_point.y,
                    view.name,
                    bounds.min.x,
                    bounds.max.x,
                    bounds.min.y,
                    bounds.max.y
                ),
            ));
        }
    }
    let muscles = session
        .trigger_points
        .iter()
        .map(|m| (MarkKind::TriggerPoint, m.id, m.muscle.as_ref()))
        .chain(
            session
                .needle_sites
                .iter()
                .map(|m| (MarkKind::NeedleSite, m.id, m.muscle.as_ref())),
        );
    for (kind, id, muscle) in muscles {
        let Some(muscle) = muscle else { continue };
        let message = if muscle.0.trim().is_empty() {
            format!("{} {} names an empty muscle id", kind.label(), id.0)
        } else if standard.map.muscle(&muscle.0).is_none() {
            format!(
                "{} {} names the muscle \"{}\", which the standard map does not have",
                kind.label(),
                id.0,
                muscle.0
            )
        } else {
            continue;
        };
        let at = locate_mark(text, kind, id.0);
        report.problems.push(content_problem(path, at, message));
    }
    for disagreement in crate::bodymap::sides::disagreements(session, &standard.map) {
        let mark = disagreement.mark;
        let at = locate_mark(text, mark.kind, mark.id.0);
        report
            .problems
            .push(content_problem(path, at, disagreement.to_string()));
    }
}

/// A problem in a file that parsed, at `at` when it could be found, else at the top.
fn content_problem(path: &Path, at: Option<(usize, usize)>, message: String) -> Problem {
    let (line, col) = at.unwrap_or((1, 1));
    Problem {
        path: path.to_owned(),
        line,
        col,
        message,
    }
}

fn from_decode(path: &Path, error: DecodeError) -> Problem {
    let (line, col) = error.position().unwrap_or((0, 0));
    Problem {
        path: path.to_owned(),
        line,
        col,
        message: error.to_string(),
    }
}

fn from_load_error(error: LoadError) -> Problem {
    match error {
        LoadError::Decode { path, error } => from_decode(&path, error),
        LoadError::Io { .. } | LoadError::DuplicateId { .. } | LoadError::ConflictCopy { .. } => {
            problem_without_position(error.path(), error.message())
        }
    }
}

/// Finds `id: N,` inside the list of marks of `kind`, for pointing at a mark's problem.
fn locate_mark(text: &str, kind: MarkKind, id: u32) -> Option<(usize, usize)> {
    let section = match kind {
        MarkKind::TriggerPoint => "trigger_points:",
        MarkKind::ReferredZone => "referred_zones:",
        MarkKind::NeedleSite => "needle_sites:",
        MarkKind::Arrow => "arrows:",
        MarkKind::TextNote => "text_notes:",
    };
    let start = text.find(section)?;
    let offset = start + text[start..].find(&format!("id: {id},"))?;
    Some(storage::line_col(text, offset))
}
