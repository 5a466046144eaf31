//! Editing a patient's details: the change history kept in the patient file (format version
//! 2, version 1 files still load), saves that are atomic and refuse to overwrite a file
//! changed elsewhere, exports of signed visits that keep the details they were signed with,
//! and the app's Edit patient… window with its refusal of a bad date.

mod common;

use std::path::{Path, PathBuf};

use common::path_str;
use egui_kittest::kittest::Queryable as _;
use jiff::civil::date;
use myomap::model::{Patient, PatientDetails, PatientField, PatientId};
use myomap::storage::{Library, SaveError, load_patient, load_session};

const RUNNER: &str = "00010000-0000-0000-0000-000000000102";

fn runner_file(library: &Path) -> PathBuf {
    library.join("patients").join(RUNNER).join("patient.ron")
}

/// Renames the demo runner, with a new record number, as if edited now.
fn rename_runner(library: &Path) -> Patient {
    let file = runner_file(library);
    let original = load_patient(&file).expect("the runner");
    let mut edited = original.clone();
    let made = edited.edit(
        PatientDetails {
            display_name: "T. Renamed".into(),
            date_of_birth: original.date_of_birth,
            clinic_ref: "MRN-55".into(),
        },
        date(2026, 11, 30).at(12, 0, 0, 0),
    );
    assert_eq!(made.len(), 2);
    Library::new(library)
        .save_patient_edit(&original, &edited)
        .expect("saved");
    original
}

#[test]
fn a_version_1_patient_file_loads_and_is_written_back_as_version_2_with_its_changes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let library = Library::new(dir.path());
    let id = PatientId::from_u128(7);
    std::fs::create_dir_all(library.sessions_dir(id)).expect("folders");
    let v1 = format!(
        "(\n    format_version: 1,\n    id: \"{id}\",\n    display_name: \"J. Smit\",\n    date_of_birth: None,\n    clinic_ref: \"\",\n    notes: \"knee\",\n)\n"
    );
    let file = library.patient_file(id);
    std::fs::write(&file, &v1).expect("a version 1 file");
    let original = load_patient(&file).expect("version 1 loads");
    assert_eq!(original.format_version, 2);
    assert!(original.changes.is_empty());
    assert_eq!(original.notes, "knee");

    let mut edited = original.clone();
    edited.edit(
        PatientDetails::parse("J. Smith", "1970-05-02", "", date(2026, 11, 30)).expect("valid"),
        date(2026, 11, 30).at(9, 15, 0, 0),
    );
    library
        .save_patient_edit(&original, &edited)
        .expect("saved");
    let text = std::fs::read_to_string(&file).expect("written");
    assert!(text.contains("format_version: 2"), "{text}");
    assert!(text.contains("field: DisplayName"), "{text}");
    assert!(text.contains("old: \"J. Smit\""), "{text}");
    let again = load_patient(&file).expect("reads back");
    assert_eq!(again, edited);
    assert_eq!(again.changes.len(), 2);
    assert_eq!(again.changes[1].field, PatientField::DateOfBirth);
    assert_eq!(again.changes[1].old, "");
    // The previous file is kept, as every save keeps it.
    let backup = std::fs::read_to_string(file.with_file_name("patient.ron.bak")).expect(".bak");
    assert_eq!(backup, v1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&file).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}

#[test]
fn an_edit_is_refused_when_the_file_changed_or_vanished_since_editing_began() {
    let dir = tempfile::tempdir().expect("temp dir");
    let library = common::demo_library(dir.path());
    let file = runner_file(&library);
    let original = load_patient(&file).expect("the runner");
    let mut edited = original.clone();
    edited.edit(
        PatientDetails {
            display_name: "Mine".into(),
            ..original.details()
        },
        date(2026, 11, 30).at(9, 0, 0, 0),
    );

    // Another workstation changes the file first.
    let mut theirs = original.clone();
    theirs.edit(
        PatientDetails {
            clinic_ref: "THEIRS".into(),
            ..original.details()
        },
        date(2026, 11, 30).at(8, 59, 0, 0),
    );
    Library::new(&library)
        .save_patient_edit(&original, &theirs)
        .expect("theirs saved");
    let before = std::fs::read(&file).expect("their file");
    let refused = Library::new(&library).save_patient_edit(&original, &edited);
    assert!(
        matches!(refused, Err(SaveError::ChangedOnDisk { .. })),
        "{refused:?}"
    );
    assert!(
        refused
            .expect_err("refused")
            .to_string()
            .contains("not overwritten")
    );
    assert_eq!(std::fs::read(&file).expect("unchanged"), before);

    // A patient file that is gone is not recreated by an edit.
    std::fs::remove_file(&file).expect("removed");
    let refused = Library::new(&library).save_patient_edit(&theirs, &edited);
    assert!(
        matches!(refused, Err(SaveError::DeletedOnDisk { .. })),
        "{refused:?}"
    );
    assert!(!file.exists());
}

#[test]
fn exports_of_signed_visits_keep_the_details_they_were_signed_with() {
    let dir = tempfile::tempdir().expect("temp dir");
    let library = common::demo_library(dir.path());
    let original = rename_runner(&library);
    let sessions = common::demo_sessions(&library, "102");
    let (first, last) = (&sessions[0], &sessions[sessions.len() - 1]);
    let signed = load_session(first).expect("first visit");
    let unsigned = load_session(last).expect("latest visit");
    assert!(signed.is_signed() && !unsigned.is_signed());

    let then = myomap::export::patient_of(first, &signed).expect("the patient");
    assert_eq!(then.display_name, original.display_name);
    assert_eq!(then.clinic_ref, original.clinic_ref);
    let now = myomap::export::patient_of(last, &unsigned).expect("the patient");
    assert_eq!(now.display_name, "T. Renamed");

    // The needling log: the signed visits' rows as signed, the open visit's as now.
    let csv = dir.path().join("log.csv");
    let output = common::myomap(&[
        "export-csv",
        path_str(&library.join("patients").join(RUNNER)),
        "-o",
        path_str(&csv),
    ]);
    assert!(output.status.success(), "{}", common::stderr(&output));
    let log = std::fs::read_to_string(&csv).expect("the log");
    let rows: Vec<&str> = log.lines().skip(1).collect();
    let date_of = |s: &myomap::model::Session| s.date().to_string();
    for row in &rows {
        if row.contains(&date_of(&unsigned)) {
            assert!(row.contains("MRN-55"), "{row}");
        } else {
            assert!(row.contains(&original.clinic_ref), "{row}");
            assert!(!row.contains("T. Renamed"), "{row}");
        }
    }
    assert!(rows.iter().any(|r| r.contains(&date_of(&signed))));

    // The session report of the signed visit names the patient as signed.
    let pdf = dir.path().join("report.pdf");
    let output = common::myomap(&["report", path_str(first), "-o", path_str(&pdf)]);
    assert!(output.status.success(), "{}", common::stderr(&output));
    let bytes = std::fs::read(&pdf).expect("the report");
    let document = lopdf::Document::load_mem(&bytes).expect("the PDF parses");
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    let text = document.extract_text(&pages).expect("text");
    assert!(text.contains(&original.clinic_ref), "{text}");
    assert!(
        !text.contains("MRN-55") && !text.contains("Renamed"),
        "{text}"
    );
}

#[test]
fn the_app_edits_a_patient_refusing_a_date_it_cannot_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = common::demo_app(dir.path());
    common::find_patient(&mut harness, "tom", "Tomás Ferreira (demo)");
    harness.get_by_label("Edit patient…").click();
    harness.run_ok();

    harness
        .get_by_label("Name or initials")
        .set_text_value_accesskit("T. Edited");
    harness.run_ok();
    harness
        .get_by_label("Date of birth")
        .set_text_value_accesskit("31/02/1990");
    harness.run_ok();
    harness.get_by_label("Save patient").click();
    harness.run_ok();
    harness.get_by_label_contains("write it as YYYY-MM-DD");
    let file = runner_file(&dir.path().join("demo"));
    assert!(
        load_patient(&file).expect("the runner").changes.is_empty(),
        "nothing is saved from a refused answer"
    );

    harness
        .get_by_label("Date of birth")
        .set_text_value_accesskit("1990-02-28");
    harness.run_ok();
    harness.get_by_label("Save patient").click();
    harness.run_ok();
    let saved = load_patient(&file).expect("the runner");
    assert_eq!(saved.display_name, "T. Edited");
    assert_eq!(saved.date_of_birth, Some(date(1990, 2, 28)));
    let fields: Vec<PatientField> = saved.changes.iter().map(|c| c.field).collect();
    assert_eq!(
        fields,
        [PatientField::DisplayName, PatientField::DateOfBirth]
    );
    // The clinician is told what was saved, and the page shows the new name.
    harness.get_by_label_contains("Saved T. Edited's name, date of birth");
    assert!(harness.get_all_by_label("T. Edited").count() >= 1);
}
