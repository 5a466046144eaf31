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

#[test]
fn settling_a_reconciled_conflict_replaces_the_visit_and_sets_both_versions_aside() {
    use myomap::reconcile::{Choice, reconcile};
    use myomap::storage::conflicts::{ancestor, conflict_copy, settle};

    let dir = tempfile::tempdir().expect("temp dir");
    let lib = dir.path().join("demo");
    assert!(myomap(&["demo", path_str(&lib)]).status.success());
    let library = Library::new(&lib);
    let (patients, _) = library.scan().expect("scan");
    // The last visit of a patient is unsigned: the one two rooms can both edit.
    let original = patients[0].session_files.last().expect("a visit").clone();
    let (mut ours, stamp) =
        myomap::storage::load_stamped::<myomap::model::Session>(&original).expect("loads");
    assert!(!ours.is_signed());
    let mut theirs = ours.clone();
    ours.notes = "Room 1: reviewed home exercises.".to_owned();
    theirs.plan = "Room 2: add thoracic mobility.".to_owned();
    let name = original.file_stem().and_then(|s| s.to_str()).expect("name");
    let copy_path =
        original.with_file_name(format!("{name}.sync-conflict-20261130-101112-ABCDEF7.ron"));
    myomap::storage::save(&copy_path, &theirs, None).expect("the other room's version");
    let stamp = myomap::storage::save(&original, &ours, Some(stamp)).expect("this room's save");

    let copy = conflict_copy(&copy_path).expect("a conflict copy");
    let base = ancestor(&original, &theirs).expect("the backup is the version both began from");
    let merge = reconcile(Some(&base), &ours, &theirs).expect("mergeable");
    assert!(
        merge.is_clean(),
        "one changed the notes, the other the plan"
    );
    let merged = merge.resolve(&[] as &[Choice]).expect("merged");
    assert_eq!(
        (merged.notes.as_str(), merged.plan.as_str()),
        (ours.notes.as_str(), theirs.plan.as_str())
    );

    let folder = settle(&copy, &merged, stamp).expect("settled");
    assert_eq!(
        myomap::storage::load_session(&original).expect("reads"),
        merged,
        "the visit holds both edits"
    );
    assert!(!copy_path.exists(), "the copy left the sessions folder");
    let aside: Vec<_> = std::fs::read_dir(&folder)
        .expect("conflicts folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(aside.len(), 2, "{aside:?}");
    assert!(aside.iter().any(|n| n.contains("sync-conflict")));
    assert!(aside.iter().any(|n| n.contains("before-reconciling")));

    // The library lists the visit once, with no conflict; check only notes what was set aside.
    let entry = Library::patient_entry(&patients[0].dir).expect("entry");
    let (sessions, problems) = Library::load_sessions(&entry);
    assert!(sessions.iter().all(|s| s.conflict.is_none()));
    assert!(problems.is_empty(), "{problems:?}");
    let output = myomap(&["check", path_str(&lib)]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

/// Another workstation's lock, as it arrives through the sync engine.
fn foreign_lock(path: &std::path::Path) {
    let info = myomap::storage::lock::LockInfo {
        host: "treatment-room-2".to_owned(),
        user: "ana".to_owned(),
        pid: 4242,
        since: "2026-11-30 10:15".to_owned(),
    };
    std::fs::write(path, ron::to_string(&info).expect("lock text")).expect("lock written");
}

#[test]
fn a_lock_that_arrives_late_on_a_synced_library_turns_the_visit_read_only_keeping_the_typing() {
    use myomap::document::{Document, Refusal};
    use myomap::model::{Edit, Field};

    let dir = tempfile::tempdir().expect("temp dir");
    let lib = dir.path().join("demo");
    assert!(myomap(&["demo", path_str(&lib)]).status.success());
    std::fs::create_dir(dir.path().join(".stfolder")).expect("a Syncthing folder above");
    let library = Library::new(&lib);
    assert_eq!(library.sync_engine(), Some("Syncthing"));
    let (patients, _) = library.scan().expect("scan");

    for conflict_copy_of_the_lock in [false, true] {
        let path = patients[conflict_copy_of_the_lock as usize]
            .session_files
            .last()
            .expect("an unsigned visit")
            .clone();
        let (mut doc, warnings) = Document::open(&path).expect("opens");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert!(
            doc.take_notices()
                .iter()
                .any(|n| n.text.contains("synced between workstations by Syncthing")),
            "the clinician is told the library is synced"
        );
        assert_eq!(doc.watch_lock(), None, "only our lock so far");
        doc.apply(
            Edit::Set(Field::Notes("typed before the other lock arrived".into())),
            None,
        )
        .expect("editable");

        let lock = myomap::storage::lock::lock_path(&path);
        if conflict_copy_of_the_lock {
            let name = lock.file_name().and_then(|n| n.to_str()).expect("name");
            let stem = name.strip_suffix(".lock").expect("lock");
            foreign_lock(
                &lock.with_file_name(format!("{stem}.sync-conflict-20261130-101500-ABCDEF7.lock")),
            );
        } else {
            foreign_lock(&lock);
        }
        let holder = doc.watch_lock().expect("noticed");
        assert_eq!(holder.host, "treatment-room-2");
        assert!(doc.is_read_only());
        assert!(doc.is_dirty(), "what was typed is kept");
        assert_eq!(doc.session().notes, "typed before the other lock arrived");
        let notice = doc.take_notices().pop().expect("said");
        assert!(
            notice.warning && notice.text.contains("Editing is off here"),
            "{}",
            notice.text
        );
        assert_eq!(
            doc.apply(Edit::Set(Field::Notes("more".into())), None),
            Err(Refusal::HeldElsewhere)
        );
        drop(doc);
        assert!(
            lock.exists() || conflict_copy_of_the_lock,
            "their lock is left in place"
        );
    }
}

/// A demo library where Claire Bennett's last visit was changed on two workstations apart:
/// this one changed `ours`, the other `theirs` (its conflict copy); the file's backup is the
/// version both began from. Returns the library, the visit's file and the copy's.
fn conflicted_library(
    data: &std::path::Path,
    ours: impl FnOnce(&mut myomap::model::Session),
    theirs: impl FnOnce(&mut myomap::model::Session),
) -> (std::path::PathBuf, std::path::PathBuf, std::path::PathBuf) {
    let lib = common::demo_library(data);
    let original = common::demo_sessions(&lib, "101").pop().expect("a visit");
    let (began, stamp) =
        myomap::storage::load_stamped::<myomap::model::Session>(&original).expect("loads");
    let mut other = began.clone();
    theirs(&mut other);
    let name = original.file_stem().and_then(|s| s.to_str()).expect("name");
    let copy = original.with_file_name(format!("{name}.sync-conflict-20261130-101112-ABCDEF7.ron"));
    myomap::storage::save(&copy, &other, None).expect("the other workstation's version");
    let mut here = began;
    ours(&mut here);
    myomap::storage::save(&original, &here, Some(stamp)).expect("this workstation's save");
    (lib, original, copy)
}

#[test]
fn the_timeline_shows_a_conflict_and_reconciling_keeps_both_workstations_edits() {
    use egui_kittest::kittest::Queryable as _;

    let dir = tempfile::tempdir().expect("temp dir");
    let (lib, original, copy) = conflicted_library(
        dir.path(),
        |s| s.notes = "Room 1: reviewed home exercises.".to_owned(),
        |s| s.plan = "Room 2: add thoracic mobility.".to_owned(),
    );
    let mut harness = common::app(dir.path(), Some(lib), None, Vec::new());
    harness.get_by_label_contains("Claire Bennett").click();
    harness.run_ok();
    harness.get_by_label("⚠ conflict copy from ABCDEF7");
    harness.get_by_label("Reconcile…").click();
    harness.run_ok();
    assert_eq!(harness.state().route().name(), "reconcile");
    harness.get_by_label_contains("Nothing: the two versions merge by themselves");
    harness.get_by_label("Keep the reconciled visit").click();
    harness.run_ok();
    assert_eq!(harness.state().route().name(), "home");
    let merged = myomap::storage::load_session(&original).expect("reads");
    assert_eq!(merged.notes, "Room 1: reviewed home exercises.");
    assert_eq!(merged.plan, "Room 2: add thoracic mobility.");
    assert!(!copy.exists(), "the copy was set aside");
    assert!(
        harness.query_by_label("Reconcile…").is_none(),
        "no conflict left"
    );
}

#[test]
fn a_clash_waits_for_the_clinicians_choice_and_takes_it() {
    use egui_kittest::kittest::Queryable as _;

    let dir = tempfile::tempdir().expect("temp dir");
    let (lib, original, _) = conflicted_library(
        dir.path(),
        |s| s.notes = "Notes written in room 1".to_owned(),
        |s| s.notes = "Notes written in room 2".to_owned(),
    );
    let mut harness = common::app(dir.path(), Some(lib), None, Vec::new());
    harness.get_by_label_contains("Claire Bennett").click();
    harness.run_ok();
    harness.get_by_label("Reconcile…").click();
    harness.run_ok();
    // Nothing is written before every clash is chosen.
    harness.get_by_label("Keep the reconciled visit").click();
    harness.run_ok();
    assert_eq!(
        harness.state().route().name(),
        "reconcile",
        "not yet decided"
    );
    harness
        .get_by_label_contains("ABCDEF7: \u{201c}Notes written in room 2\u{201d}")
        .click();
    harness.run_ok();
    harness.get_by_label("Keep the reconciled visit").click();
    harness.run_ok();
    assert_eq!(harness.state().route().name(), "home");
    let merged = myomap::storage::load_session(&original).expect("reads");
    assert_eq!(merged.notes, "Notes written in room 2");
}

#[test]
fn in_the_app_a_late_lock_turns_the_open_visit_read_only_and_keeps_the_typing() {
    use egui_kittest::kittest::Queryable as _;

    let data = tempfile::tempdir().expect("temp dir");
    let library = common::demo_library(data.path());
    std::fs::create_dir(data.path().join(".stfolder")).expect("a Syncthing folder");
    let visit = common::demo_sessions(&library, "101")
        .pop()
        .expect("the latest, unsigned visit");
    let mut harness = common::app(data.path(), Some(library), Some(visit.clone()), Vec::new());
    harness.get_by_label_contains("synced between workstations by Syncthing");
    harness.get_by_label("Clinician").focus();
    harness.run_ok();
    harness.get_by_label("Clinician").type_text(" (room 1)");
    harness.run_ok();
    harness.key_press(egui::Key::Escape);
    harness.run_ok();

    foreign_lock(&myomap::storage::lock::lock_path(&visit));
    // The lock is looked at every two seconds, by the wall clock.
    std::thread::sleep(myomap::app::LOCK_WATCH_INTERVAL + std::time::Duration::from_millis(200));
    harness.run_ok();
    harness.get_by_label_contains("Editing is off here");
    let doc = harness.state().document().expect("still open");
    assert!(doc.is_read_only());
    assert!(
        doc.is_dirty() && doc.session().clinician.ends_with(" (room 1)"),
        "typing kept"
    );
    let recovery = data.path().join("app").join("recovery");
    assert!(
        std::fs::read_dir(&recovery).is_ok_and(|mut entries| entries.next().is_some()),
        "the typing is in the crash-recovery copy at once"
    );
}
