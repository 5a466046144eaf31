//! A clinical record must survive crashes, a second workstation on the same folder, files
//! changed or deleted under it, and any input. These tests drive the app as a user would.

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use myomap::app::{AppPaths, AppStart, Level, MyomapApp, Prompt, ScriptedDialogs};
use myomap::model::MarkId;
use myomap::storage::{self, DecodeError, LoadError, lock};

fn harness_with(
    data: &Path,
    start: AppStart,
    answers: Vec<Option<PathBuf>>,
) -> Harness<'static, MyomapApp> {
    let paths = AppPaths::under(data);
    let mut harness = Harness::builder()
        .with_size([1280.0, 820.0])
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |cc| {
            MyomapApp::new(cc, start, paths, Box::new(ScriptedDialogs::new(answers)))
        });
    harness.run_ok();
    harness
}

/// A demo library in `data/demo` and the path of one of its sessions: the latest visit of
/// a patient, which is not signed, so it can be edited.
fn demo_session(data: &Path) -> PathBuf {
    let lib = data.join("demo");
    myomap::demo::write_demo_library(&lib).expect("demo");
    let (patients, _) = storage::Library::new(&lib).scan().expect("scan");
    patients[0]
        .session_files
        .last()
        .cloned()
        .expect("the patient has visits")
}

fn open_in_app(data: &Path, session: &Path) -> Harness<'static, MyomapApp> {
    harness_with(
        data,
        AppStart {
            library: None,
            open: Some(session.to_owned()),
        },
        vec![],
    )
}

fn type_into(harness: &mut Harness<'_, MyomapApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run_ok();
    harness.get_by_label(label).type_text(text);
    harness.run_ok();
}

/// Lets a few seconds of app time pass (the recovery copy waits for a pause in editing).
fn wait_seconds(harness: &mut Harness<'_, MyomapApp>, seconds: f32) {
    harness.remove_cursor();
    // Move the keyboard focus away so the edit counts as finished.
    harness.key_press(egui::Key::Escape);
    for _ in 0..(seconds * 60.0) as usize {
        harness.step();
    }
}

fn messages(harness: &Harness<'_, MyomapApp>, level: Level) -> Vec<String> {
    harness
        .state()
        .notifications()
        .all()
        .iter()
        .filter(|n| n.level == level)
        .map(|n| n.text.clone())
        .collect()
}

/// The recovery folder's files.
fn recovery_files(data: &Path) -> Vec<PathBuf> {
    let dir = AppPaths::under(data).recovery;
    std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default()
}

#[test]
fn steady_typing_is_copied_every_two_seconds() {
    let data = tempfile::tempdir().expect("temp dir");
    let session = demo_session(data.path());
    let on_disk = storage::load_session(&session).expect("reads").clinician;
    let mut harness = open_in_app(data.path(), &session);
    harness.get_by_label("Clinician").focus();
    harness.run_ok();
    // One key every half second, never a pause: a crash may lose at most the last two
    // seconds (four keys), however long the typing goes on.
    let text = " steady typing, no pause";
    for (index, key) in text.chars().enumerate() {
        harness
            .get_by_label("Clinician")
            .type_text(&key.to_string());
        for _ in 0..30 {
            harness.step();
        }
        let typed = index + 1;
        if typed < 5 {
            continue;
        }
        let files = recovery_files(data.path());
        assert_eq!(files.len(), 1, "a copy exists after {typed} keys");
        let record: storage::RecoveryRecord = storage::load(&files[0]).expect("a record");
        let copied = record
            .session
            .clinician
            .strip_prefix(on_disk.as_str())
            .expect("the copy starts with the file's text")
            .to_owned();
        assert!(text.starts_with(&copied), "{copied:?} is what was typed");
        let missing = typed - copied.chars().count();
        assert!(
            missing <= 4,
            "{missing} keys missing from the copy after {typed}"
        );
    }
}

#[test]
fn a_hidden_windows_edits_reach_the_recovery_file() {
    use eframe::App as _;

    let data = tempfile::tempdir().expect("temp dir");
    let session = demo_session(data.path());
    let mut harness = open_in_app(data.path(), &session);
    // Long enough that nothing is copied while the window is shown.
    harness
        .state_mut()
        .set_recovery_delay(std::time::Duration::from_secs(3600));
    type_into(&mut harness, "Clinician", " + student");
    wait_seconds(&mut harness, 0.5);
    assert!(harness.state().document().is_some_and(|d| d.is_dirty()));
    assert!(recovery_files(data.path()).is_empty(), "no copy yet");

    // The window is minimised: eframe stops calling `ui` and calls only `logic`, with egui's
    // input time standing still at the last shown frame.
    harness
        .state_mut()
        .set_recovery_delay(std::time::Duration::from_millis(100));
    std::thread::sleep(std::time::Duration::from_millis(150));
    let ctx = harness.ctx.clone();
    let mut frame = eframe::Frame::_new_kittest();
    let output = ctx.run_logic(&egui::RawInput::default(), |ctx| {
        harness.state_mut().logic(ctx, &mut frame);
    });
    drop(output);

    let files = recovery_files(data.path());
    assert_eq!(files.len(), 1, "the hidden window wrote its recovery copy");
    let record: storage::RecoveryRecord = storage::load(&files[0]).expect("a recovery record");
    assert!(record.session.clinician.ends_with(" + student"));
}

#[test]
fn unsaved_work_survives_a_crash_and_is_offered_at_next_start() {
    let data = tempfile::tempdir().expect("temp dir");
    let session = demo_session(data.path());
    let recovery_dir = AppPaths::under(data.path()).recovery;
    {
        let mut harness = open_in_app(data.path(), &session);
        type_into(&mut harness, "Clinician", " + student");
        assert!(harness.state().document().is_some_and(|d| d.is_dirty()));
        wait_seconds(&mut harness, 3.0);
        let files: Vec<_> = std::fs::read_dir(&recovery_dir)
            .expect("recovery folder exists")
            .collect();
        assert_eq!(files.len(), 1, "one recovery copy");
        // The app goes away without closing the session: a crash. Its lock stays behind,
        // naming a process that no longer runs.
        std::mem::forget(harness);
        let mut crashed = lock::LockInfo::current();
        crashed.pid = u32::MAX - 1;
        std::fs::write(
            lock::lock_path(&session),
            storage::encode(&crashed).expect("encodes"),
        )
        .expect("crashed lock");
    }
    let disk = storage::load_session(&session).expect("the file on disk is untouched");
    assert!(!disk.clinician.contains("student"));

    let mut harness = harness_with(data.path(), AppStart::default(), vec![]);
    assert!(matches!(
        harness.state().prompt(),
        Some(Prompt::Recover { .. })
    ));
    harness
        .get_by_label("Compare with the file on disk")
        .click();
    harness.run_ok();
    harness.get_by_label_contains("• the clinician changed from \"Sam Rivera, PT (demo)\" to");
    harness.get_by_label("Open recovered copy").click();
    harness.run_ok();
    let doc = harness.state().document().expect("recovered");
    assert!(doc.session().clinician.ends_with(" + student"));
    assert!(doc.is_dirty(), "recovered work is not yet saved");
    assert_eq!(doc.path(), Some(session.as_path()));

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_ok();
    assert!(
        storage::load_session(&session)
            .expect("saved")
            .clinician
            .ends_with(" + student")
    );
    wait_seconds(&mut harness, 0.5);
    assert_eq!(
        std::fs::read_dir(&recovery_dir).expect("folder").count(),
        0,
        "the recovery copy is removed once saved"
    );
}

#[test]
fn discarding_a_recovered_copy_removes_it() {
    let data = tempfile::tempdir().expect("temp dir");
    let session = demo_session(data.path());
    {
        let mut harness = open_in_app(data.path(), &session);
        type_into(&mut harness, "Clinician", "X");
        wait_seconds(&mut harness, 3.0);
        std::mem::forget(harness);
    }
    let mut harness = harness_with(data.path(), AppStart::default(), vec![]);
    harness.get_by_label("Discard recovered copy").click();
    harness.run_ok();
    assert!(harness.state().prompt().is_none());
    assert!(harness.state().document().is_none());
    let recovery_dir = AppPaths::under(data.path()).recovery;
    assert_eq!(std::fs::read_dir(recovery_dir).expect("folder").count(), 0);
}

#[test]
fn a_file_changed_by_another_workstation_is_not_overwritten() {
    let data = tempfile::tempdir().expect("temp dir");
    let session = demo_session(data.path());
    let mut harness = open_in_app(data.path(), &session);
    type_into(&mut harness, "Clinician", " (locum)");

    // Another workstation saves a different pain score in the meantime.
    let mut theirs = storage::load_session(&session).expect("load");
    let ours = theirs.pain_after.expect("the demo records pain after").0;
    assert_ne!(ours, 0);
    theirs.pain_after = myomap::model::PainScore::new(0);
    std::thread::sleep(std::time::Duration::from_millis(20));
    storage::save(&session, &theirs, None).expect("their save");

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_ok();
    match harness.state().prompt() {
        Some(Prompt::Conflict { deleted, changes }) => {
            assert!(!deleted);
            assert!(
                changes.contains(&"the clinician changed from \"Sam Rivera, PT (demo)\" to \"Sam Rivera, PT (demo) (locum)\"".to_owned()),
                "{changes:?}"
            );
            assert!(
                changes.contains(&format!("pain after changed from 0/10 to {ours}/10")),
                "{changes:?}"
            );
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(
        storage::load_session(&session).expect("load"),
        theirs,
        "theirs kept"
    );

    harness
        .get_by_label("Reload and discard my changes")
        .click();
    harness.run_ok();
    let doc = harness.state().document().expect("open");
    assert_eq!(*doc.session(), theirs);
    assert!(!doc.is_dirty());
}

#[test]
fn a_file_deleted_while_open_can_be_saved_again() {
    let data = tempfile::tempdir().expect("temp dir");
    let session = demo_session(data.path());
    let mut harness = open_in_app(data.path(), &session);
    type_into(&mut harness, "Clinician", " again");
    std::fs::remove_file(&session).expect("deleted elsewhere");

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_ok();
    assert!(matches!(
        harness.state().prompt(),
        Some(Prompt::Conflict { deleted: true, .. })
    ));
    assert!(!session.exists(), "not silently recreated");
    harness.get_by_label("Save it again here").click();
    harness.run_ok();
    assert!(
        storage::load_session(&session)
            .expect("back")
            .clinician
            .ends_with(" again")
    );
}

#[test]
fn a_failed_save_is_reported_and_the_work_kept() {
    let data = tempfile::tempdir().expect("temp dir");
    let session = demo_session(data.path());
    let mut harness = open_in_app(data.path(), &session);
    type_into(&mut harness, "Clinician", " Z");
    // The sessions folder is replaced by a file: every write into it fails, even as root.
    let folder = session.parent().expect("folder");
    let moved = folder.with_file_name("sessions-moved");
    std::fs::rename(folder, &moved).expect("move");
    std::fs::write(folder, "not a folder").expect("file");

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_ok();
    let doc = harness.state().document().expect("still open");
    assert!(doc.is_dirty(), "the work is still there, unsaved");
    assert!(doc.session().clinician.ends_with(" Z"));
    let told = [
        messages(&harness, Level::Error),
        messages(&harness, Level::Warning),
    ]
    .concat();
    assert!(
        told.iter()
            .any(|m| m.contains(&session.display().to_string())),
        "{told:?}"
    );
}

/// Another workstation's lock on `session`: alex on treatment-room-2, since 08:30.
fn lock_held_elsewhere(session: &Path) {
    let other = lock::LockInfo {
        host: "treatment-room-2".into(),
        user: "alex".into(),
        pid: 77,
        since: "2026-11-25 08:30".into(),
    };
    std::fs::write(
        lock::lock_path(session),
        storage::encode(&other).expect("encodes"),
    )
    .expect("their lock");
}

#[test]
fn taking_over_a_held_session_updates_what_its_record_shows() {
    let data = tempfile::tempdir().expect("temp dir");
    let session = demo_session(data.path());
    lock_held_elsewhere(&session);
    let (mut doc, _) = myomap::document::Document::open(&session).expect("opens");
    let held = "the session is open for editing elsewhere".to_owned();
    assert!(doc.signing_blockers().contains(&held));
    assert!(
        !doc.can_undo(),
        "nothing can be undone in a session held elsewhere"
    );
    let revision = doc.revision();
    doc.take_over().expect("taken over");
    assert!(
        doc.revision() > revision,
        "what is derived per revision (the signing checklist) is computed again"
    );
    assert!(!doc.signing_blockers().contains(&held));
}

#[test]
fn a_session_open_elsewhere_is_read_only_until_taken_over() {
    let data = tempfile::tempdir().expect("temp dir");
    let session = demo_session(data.path());
    lock_held_elsewhere(&session);

    let mut harness = open_in_app(data.path(), &session);
    let doc = harness.state().document().expect("opens");
    assert!(doc.is_read_only());
    assert!(
        messages(&harness, Level::Warning)
            .iter()
            .any(|m| m.contains("open on treatment-room-2 by alex since 2026-11-25 08:30")),
        "{:?}",
        messages(&harness, Level::Warning)
    );
    harness.get_by_label(
        "Read-only: this session is open on treatment-room-2 by alex since 2026-11-25 08:30.",
    );

    harness.get_by_label("Take over editing").click();
    harness.run_ok();
    assert!(!harness.state().document().expect("open").is_read_only());
    assert!(lock::holder(&session).is_some_and(|h| h.is_ours()));
    type_into(&mut harness, "Clinician", "!");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_ok();
    assert!(
        storage::load_session(&session)
            .expect("saved")
            .clinician
            .ends_with('!')
    );

    // Our lock goes when the session is closed.
    drop(harness);
    assert!(!lock::lock_path(&session).exists());
}

#[test]
fn unknown_body_map_and_duplicate_ids_open_with_warnings_and_marks_intact() {
    let data = tempfile::tempdir().expect("temp dir");
    let session_path = demo_session(data.path());
    let mut session = storage::load_session(&session_path).expect("load");
    session.body_map.version = 99;
    session.text_notes.push(myomap::model::TextNote {
        id: MarkId(1),
        view: myomap::geometry::ViewId::new("posterior"),
        at: myomap::geometry::MapPoint::new(0.0, 40.0),
        text: "same id as the first mark".to_owned(),
    });
    storage::save(&session_path, &session, None).expect("save");

    let harness = open_in_app(data.path(), &session_path);
    let doc = harness.state().document().expect("opens anyway");
    assert_eq!(*doc.session(), session, "marks intact");
    let warnings = messages(&harness, Level::Warning).join("\n");
    assert!(
        warnings.contains("body map myomap-adult version 99"),
        "{warnings}"
    );
    assert!(warnings.contains("used twice"), "{warnings}");
}

#[test]
fn oversized_files_are_refused_before_reading() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.ron");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(storage::MAX_FILE_BYTES + 1)
        .expect("sparse file");
    match storage::load_session(&path) {
        Err(LoadError::Decode {
            error: DecodeError::TooLarge { bytes },
            ..
        }) => assert_eq!(bytes, storage::MAX_FILE_BYTES + 1),
        other => panic!("expected TooLarge, got {other:?}"),
    }
}

#[cfg(unix)]
#[test]
fn recovery_and_lock_files_are_private() {
    use std::os::unix::fs::PermissionsExt as _;
    let data = tempfile::tempdir().expect("temp dir");
    let session = demo_session(data.path());
    let mut harness = open_in_app(data.path(), &session);
    type_into(&mut harness, "Clinician", "P");
    wait_seconds(&mut harness, 3.0);
    let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    let recovery = AppPaths::under(data.path()).recovery;
    assert_eq!(mode(&recovery), 0o700);
    for entry in std::fs::read_dir(&recovery).expect("folder") {
        assert_eq!(mode(&entry.expect("entry").path()), 0o600);
    }
    assert_eq!(mode(&lock::lock_path(&session)), 0o600);
}

#[test]
fn no_network_code_or_network_crates() {
    // myomap makes no network connections: no HTTP client in the dependency tree, and no
    // socket use in the source.
    let lock_file = include_str!("../Cargo.lock");
    for client in [
        "reqwest",
        "hyper",
        "ureq",
        "curl",
        "isahc",
        "attohttpc",
        "surf",
        "tungstenite",
    ] {
        assert!(
            !lock_file.contains(&format!("name = \"{client}\"")),
            "{client} would make network connections possible"
        );
    }
    let mut stack = vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let text = std::fs::read_to_string(&path).expect("read");
                for needle in ["std::net", "TcpStream", "UdpSocket"] {
                    assert!(!text.contains(needle), "{} uses {needle}", path.display());
                }
            }
        }
    }
}

#[test]
fn save_as_onto_its_own_file_still_checks_for_changes_elsewhere() {
    let data = tempfile::tempdir().expect("temp dir");
    let session = demo_session(data.path());
    let mut harness = harness_with(
        data.path(),
        AppStart {
            library: None,
            open: Some(session.clone()),
        },
        vec![Some(session.clone())],
    );
    type_into(&mut harness, "Clinician", " (mine)");
    let mut theirs = storage::load_session(&session).expect("load");
    theirs.notes = "saved on reception-pc".into();
    std::thread::sleep(std::time::Duration::from_millis(20));
    storage::save(&session, &theirs, None).expect("their save");

    // Save As, choosing the very same file in the dialog.
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::S,
    );
    harness.run_ok();
    assert!(matches!(
        harness.state().prompt(),
        Some(Prompt::Conflict { deleted: false, .. })
    ));
    assert_eq!(storage::load_session(&session).expect("load"), theirs);
}

#[test]
fn another_running_instance_keeps_its_recovery_copy() {
    let data = tempfile::tempdir().expect("temp dir");
    let session_path = demo_session(data.path());
    let session = storage::load_session(&session_path).expect("load");
    // A recovery copy written by another myomap of this host that is still running
    // (process 1 always runs).
    let mut writer = lock::LockInfo::current();
    writer.pid = 1;
    let store = storage::RecoveryStore::new(AppPaths::under(data.path()).recovery);
    let copy = store
        .write(&storage::RecoveryRecord {
            format_version: storage::RECOVERY_FORMAT_VERSION,
            written_at: jiff::civil::date(2026, 11, 25).at(10, 0, 0, 0),
            writer,
            original: Some(session_path.clone()),
            original_stamp: None,
            library: None,
            patient_name: "Claire Bennett (demo)".into(),
            session,
        })
        .expect("their copy");

    let mut harness = open_in_app(data.path(), &session_path);
    assert!(
        harness.state().prompt().is_none(),
        "not offered as left over"
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::W);
    harness.run_ok();
    assert!(harness.state().document().is_none());
    assert!(copy.exists(), "closing here does not delete their copy");
}
