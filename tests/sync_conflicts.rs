//! Conflict copies a sync engine leaves when two workstations change one visit apart: found
//! by name, listed beside the visit and reported by `check`, never taken for a duplicate.

mod common;

use common::{myomap, path_str, stdout};
use myomap::storage::{Library, LoadError};

#[test]
fn a_syncthing_conflict_copy_is_listed_flagged_and_reported_by_check() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lib = dir.path().join("demo");
    assert!(myomap(&["demo", path_str(&lib)]).status.success());
    let library = Library::new(&lib);
    let (patients, _) = library.scan().expect("scan");
    let entry = &patients[0];
    let original = entry.session_files[0].clone();
    let name = original.file_stem().and_then(|s| s.to_str()).expect("name");
    let copy = original.with_file_name(format!("{name}.sync-conflict-20261130-101112-ABCDEF7.ron"));
    let text = std::fs::read_to_string(&original).expect("read");
    std::fs::write(&copy, text.replace("Sam Rivera", "Sam Rivera (room 2)")).expect("write");

    let entry = Library::patient_entry(&entry.dir).expect("entry");
    let (sessions, problems) = Library::load_sessions(&entry);
    let flagged: Vec<_> = sessions.iter().filter(|s| s.conflict.is_some()).collect();
    assert_eq!(flagged.len(), 1, "the copy is listed beside the visit");
    assert_eq!(flagged[0].path, copy);
    assert!(
        problems
            .iter()
            .all(|p| !matches!(p, LoadError::DuplicateId { .. })),
        "a conflict copy is not a duplicate: {problems:?}"
    );
    let conflict = problems
        .iter()
        .find(|p| matches!(p, LoadError::ConflictCopy { .. }))
        .expect("reported");
    assert!(
        conflict.to_string().contains("two workstations"),
        "{conflict}"
    );

    let output = myomap(&["check", path_str(&lib)]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "a conflict needs the clinician"
    );
    let expected = format!(
        "{}: conflict copy of {name}.ron from ABCDEF7 at 2026-11-30 10:11:12",
        copy.display()
    );
    assert!(
        stdout(&output).lines().any(|line| line == expected),
        "{}\nexpected: {expected}",
        stdout(&output)
    );
}
