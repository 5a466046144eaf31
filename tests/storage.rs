//! Loading and saving session and patient files: round trips, every kind of bad file, the
//! version rules, atomic saves and backups.

use std::path::Path;

use myomap::geometry::{MapPoint, ViewId};
use myomap::model::{
    Arrow, Complaint, ElectricalStimulation, Finding, MarkId, MuscleRef, NeedleSite, NeedleSpec,
    NeedleTechnique, PainQuality, PainScore, PaintOp, Palpation, Patient, PatientId,
    PatientPosition, ReferredZone, Session, SessionId, Side, TextNote, TissueDepth, TriggerPoint,
    TriggerPointStatus,
};
use myomap::storage::{
    self, DecodeError, DiskStamp, Library, LoadError, SaveError, Versioned, backup_path, decode,
    encode,
};

fn full_session() -> Session {
    let started = jiff::civil::date(2026, 11, 2).at(14, 30, 0, 0);
    let mut session = Session::new(
        SessionId::from_u128(0xabc),
        PatientId::from_u128(0xdef),
        started,
    );
    session.clinician = "Ana Lopes, PT".into();
    session.patient_position = Some(PatientPosition::SideLyingRight);
    session.complaints.push(Complaint {
        pain: PainScore::new(6),
        ..Complaint::new("Left buttock pain \"like a toothache\"", "3 weeks")
    });
    session.pain_before = PainScore::new(6);
    session.pain_after = PainScore::new(3);
    let view = ViewId::new("posterior");
    session.trigger_points.push(TriggerPoint {
        id: MarkId(1),
        view: view.clone(),
        at: MapPoint::new(-92.5, 835.25),
        muscle: Some(MuscleRef::new("piriformis")),
        side: Side::Left,
        status: TriggerPointStatus::Latent,
        taut_band: Finding::Present,
        spot_tenderness: Finding::Absent,
        local_twitch_response: Finding::NotTested,
        recognised_referral: Finding::Present,
        pressure_pain_threshold: Some(3.25),
        notes: "ünïcødé, commas, and \"quotes\"\nsecond line".into(),
        carried_forward: true,
    });
    session.referred_zones.push(ReferredZone {
        id: MarkId(2),
        view: view.clone(),
        intensity: 10,
        quality: PainQuality::Tingling,
        depth: TissueDepth::Superficial,
        source: Some(MarkId(1)),
        paint: vec![
            PaintOp::Brush {
                radius: 12.0,
                points: vec![MapPoint::new(-80.0, 840.0), MapPoint::new(-110.0, 880.0)],
            },
            PaintOp::Erase {
                radius: 4.0,
                points: vec![MapPoint::new(-95.0, 860.0)],
            },
            PaintOp::Fill {
                points: vec![
                    MapPoint::new(-60.0, 900.0),
                    MapPoint::new(-90.0, 900.0),
                    MapPoint::new(-75.0, 930.0),
                ],
            },
        ],
        notes: String::new(),
        carried_forward: false,
    });
    session.needle_sites.push(NeedleSite {
        id: MarkId(3),
        view: view.clone(),
        at: MapPoint::new(-90.0, 836.0),
        muscle: Some(MuscleRef::new("piriformis")),
        side: Side::Left,
        needle: NeedleSpec::new(0.3, 75.0),
        depth_mm: Some(62.0),
        direction: "towards the greater trochanter".into(),
        palpation: Palpation::Flat,
        technique: NeedleTechnique::Winding,
        twitch_count: Some(0),
        retention_min: Some(20.0),
        electrical_stimulation: Some(ElectricalStimulation {
            frequency_hz: 80.0,
            intensity: "to tolerance".into(),
            duration_min: 20.0,
        }),
        immediate_response: "Hip rotation +10°".into(),
        patient_position: Some(PatientPosition::Prone),
        trigger_point: Some(MarkId(1)),
        notes: String::new(),
        warnings: Vec::new(),
    });
    session.arrows.push(Arrow {
        id: MarkId(4),
        view: view.clone(),
        from: MapPoint::new(-92.0, 835.0),
        to: MapPoint::new(-100.0, 1000.0),
        label: "down the back of the thigh".into(),
    });
    session.text_notes.push(TextNote {
        id: MarkId(5),
        view,
        at: MapPoint::new(0.0, 20.0),
        text: "Re-assess SLR next visit".into(),
    });
    session
}

fn load_text(text: &str) -> Result<Session, LoadError> {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("s.ron");
    std::fs::write(&path, text).expect("write");
    storage::load_session(&path)
}

fn load_bytes(bytes: &[u8]) -> Result<Session, LoadError> {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("s.ron");
    std::fs::write(&path, bytes).expect("write");
    storage::load_session(&path)
}

fn decode_error(result: Result<Session, LoadError>) -> DecodeError {
    match result {
        Err(LoadError::Decode { error, .. }) => error,
        other => panic!("expected a decode error, got {other:?}"),
    }
}

#[test]
fn every_mark_kind_round_trips_through_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("session.ron");
    let session = full_session();
    assert!(session.problems().is_empty(), "{:?}", session.problems());
    storage::save(&path, &session, None).expect("saves");
    let loaded = storage::load_session(&path).expect("loads");
    assert_eq!(loaded, session);
    // And the text is stable: saving what was loaded writes the same bytes.
    let text = std::fs::read_to_string(&path).expect("read");
    assert_eq!(encode(&loaded).expect("encodes"), text);
    assert!(
        text.starts_with(&format!(
            "(\n    format_version: {},\n",
            storage::SESSION_FORMAT_VERSION
        )),
        "format_version first"
    );
}

#[test]
fn patient_round_trips() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("patient.ron");
    let mut patient = Patient::new(PatientId::from_u128(7), "J. Smith");
    patient.date_of_birth = Some(jiff::civil::date(1970, 1, 31));
    storage::save(&path, &patient, None).expect("saves");
    assert_eq!(storage::load_patient(&path).expect("loads"), patient);
}

#[test]
fn truncated_file_reports_line_and_column() {
    let text = encode(&full_session()).expect("encodes");
    for cut in [text.len() / 3, text.len() / 2, text.len() - 3] {
        let error = load_text(&text[..cut]).expect_err("truncated");
        let message = error.to_string();
        let decode = decode_error(Err(error));
        let (line, col) = decode.position().expect("has a position");
        assert!(line > 1 && col >= 1, "{message}");
        assert!(message.contains(&format!(":{line}:{col}: ")), "{message}");
    }
}

#[test]
fn garbage_and_binary_files_are_refused_clearly() {
    let error = decode_error(load_bytes(&[0x89, b'P', b'N', b'G', 0, 0, 0xff, 0xfe]));
    assert!(matches!(error, DecodeError::Binary { .. }), "{error:?}");
    let error = decode_error(load_bytes(b"(format_version: 1,\0\0\0\x01"));
    assert!(matches!(error, DecodeError::Binary { .. }), "{error:?}");
    let error = decode_error(load_text("this is not RON at all {{{"));
    assert!(error.position().is_some(), "{error:?}");
    let error = decode_error(load_text("(some: \"other\", file: 1)"));
    assert!(error.to_string().contains("format_version"), "{error}");
}

#[test]
fn deeply_nested_input_is_refused_not_overflowed() {
    let text = format!(
        "(format_version: 1, notes: {}{})",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let error = decode_error(load_text(&text));
    assert!(error.position().is_some(), "{error}");
}

#[test]
fn empty_files_are_refused_not_opened_as_empty_charts() {
    for text in ["", "   \n\t\n"] {
        let error = decode_error(load_text(text));
        assert_eq!(error, DecodeError::Empty);
    }
}

#[test]
fn newer_format_is_refused_with_its_version_and_position() {
    let text = encode(&full_session()).expect("encodes").replace(
        &format!("format_version: {}", storage::SESSION_FORMAT_VERSION),
        "format_version: 999",
    );
    let error = load_text(&text).expect_err("newer version");
    let message = error.to_string();
    assert!(message.contains("999"), "{message}");
    assert!(message.contains("newer"), "{message}");
    assert!(
        message.contains(":2:5: "),
        "points at the version: {message}"
    );
    assert!(!message.contains('\n'), "one line: {message}");
}

#[test]
fn wrong_types_report_the_field_position() {
    let text = encode(&full_session()).expect("encodes");
    let bad = text.replace("pain_before: Some(6)", "pain_before: Some(\"high\")");
    let line = bad
        .lines()
        .position(|l| l.contains("pain_before"))
        .expect("line")
        + 1;
    let error = decode_error(load_text(&bad));
    assert_eq!(error.position().map(|(l, _)| l), Some(line), "{error}");

    let unknown = text.replace("\n    addenda: [],\n)", "\n    adenda: [],\n)");
    assert_ne!(unknown, text);
    let error = decode_error(load_text(&unknown));
    assert!(error.position().is_some(), "{error}");
    assert!(
        error.to_string().contains("adenda"),
        "names the unknown field: {error}"
    );
}

#[test]
fn missing_and_unreadable_files_name_the_path() {
    let error = storage::load_session(Path::new("/no/such/dir/s.ron")).expect_err("missing");
    assert!(matches!(error, LoadError::Io { .. }));
    assert!(
        error.to_string().starts_with("/no/such/dir/s.ron: "),
        "{error}"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let error = storage::load_session(dir.path()).expect_err("a folder");
    assert!(
        error
            .to_string()
            .contains(&dir.path().display().to_string())
    );
}

#[test]
fn saving_keeps_the_previous_version_as_bak() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("session.ron");
    let mut session = full_session();
    let stamp = storage::save(&path, &session, None).expect("first save");
    let first = std::fs::read_to_string(&path).expect("read");
    session.notes = "second".into();
    storage::save(&path, &session, Some(stamp)).expect("second save");
    assert_eq!(
        std::fs::read_to_string(backup_path(&path)).expect("bak"),
        first
    );
    assert_eq!(storage::load_session(&path).expect("loads").notes, "second");
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("session.ron");
    let session = full_session();
    let stamp = storage::save(&path, &session, None).expect("save");
    // Another workstation rewrites the file.
    std::fs::write(
        &path,
        "(format_version: 1, changed: \"elsewhere, and longer\")",
    )
    .expect("other write");
    let error = storage::save(&path, &session, Some(stamp)).expect_err("refused");
    assert!(matches!(error, SaveError::ChangedOnDisk { .. }), "{error}");
    assert!(
        std::fs::read_to_string(&path)
            .expect("read")
            .contains("elsewhere")
    );
    assert_ne!(DiskStamp::of(&path).expect("stamp"), Some(stamp));
}

#[cfg(unix)]
#[test]
fn failed_save_into_a_read_only_folder_leaves_the_old_file() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("session.ron");
    let mut session = full_session();
    storage::save(&path, &session, None).expect("save");
    let before = std::fs::read(&path).expect("read");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o500)).expect("chmod");
    session.notes = "lost?".into();
    let result = storage::save(&path, &session, None);
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).expect("chmod");
    // Root ignores folder permissions; the old file must be intact either way it went.
    if result.is_err() {
        assert_eq!(std::fs::read(&path).expect("read"), before);
    }
}

#[cfg(unix)]
#[test]
fn permission_denied_is_reported_in_plain_words() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("session.ron");
    storage::save(&path, &full_session(), None).expect("save");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let result = storage::load_session(&path);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    match result {
        Err(error) => {
            let message = error.to_string();
            assert!(message.ends_with(": permission denied"), "{message}");
            assert!(
                message.starts_with(&path.display().to_string()),
                "{message}"
            );
        }
        // Root reads any file; the wording is still checked on the error itself.
        Ok(_) => {
            let error = LoadError::io(&path, std::io::ErrorKind::PermissionDenied.into());
            assert_eq!(
                error.to_string(),
                format!("{}: permission denied", path.display())
            );
        }
    }
}

#[test]
fn library_layout_and_no_overwrite_of_new_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let library = Library::new(dir.path());
    assert!(library.is_empty());
    let patient = Patient::new(PatientId::from_u128(0xdef), "A. Patient");
    let patient_path = library.create_patient(&patient).expect("patient");
    assert_eq!(
        patient_path,
        dir.path()
            .join("patients")
            .join(patient.id.to_string())
            .join("patient.ron")
    );
    let session = full_session();
    let (path, _) = library.create_session(&session).expect("session");
    assert_eq!(
        path.file_name().and_then(|n| n.to_str()),
        Some(format!("2026-11-02-{}.ron", session.id.short()).as_str())
    );
    assert!(library.create_session(&session).is_err(), "never replaces");
    assert!(library.create_patient(&patient).is_err(), "never replaces");

    let (patients, problems) = library.scan().expect("scan");
    assert!(problems.is_empty());
    assert_eq!(patients.len(), 1);
    let (sessions, problems) = Library::load_sessions(&patients[0]);
    assert!(problems.is_empty());
    assert_eq!(sessions[0].session, session);
}

#[test]
fn unreadable_files_in_a_library_are_reported_not_skipped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let library = Library::new(dir.path());
    let patient = Patient::new(PatientId::from_u128(1), "B");
    library.create_patient(&patient).expect("patient");
    let broken = library
        .sessions_dir(patient.id)
        .join("2026-01-01-broken.ron");
    std::fs::write(&broken, "(format_version: 1, id: ").expect("write");
    let (patients, _) = library.scan().expect("scan");
    let (sessions, problems) = Library::load_sessions(&patients[0]);
    assert!(sessions.is_empty());
    assert_eq!(problems.len(), 1);
    assert!(problems[0].to_string().contains("broken.ron:"));
}

#[test]
fn a_copied_session_file_is_reported_as_a_duplicate() {
    let dir = tempfile::tempdir().expect("temp dir");
    let library = Library::new(dir.path());
    let patient = Patient::new(PatientId::from_u128(0xdef), "C");
    library.create_patient(&patient).expect("patient");
    let (path, _) = library.create_session(&full_session()).expect("session");
    let copy = path.with_file_name("2026-11-02-copy.ron");
    std::fs::copy(&path, &copy).expect("copy");
    let (patients, _) = library.scan().expect("scan");
    let (sessions, problems) = Library::load_sessions(&patients[0]);
    assert_eq!(sessions.len(), 2, "both are listed, nothing hidden");
    assert_eq!(problems.len(), 1);
    let message = problems[0].to_string();
    assert!(message.contains("same id"), "{message}");
}

#[cfg(unix)]
#[test]
fn library_files_and_folders_are_private() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().expect("temp dir");
    let library = Library::new(dir.path().join("lib"));
    let patient = Patient::new(PatientId::from_u128(1), "B");
    let path = library.create_patient(&patient).expect("patient");
    let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&library.patient_dir(patient.id)), 0o700);
    assert_eq!(mode(&library.sessions_dir(patient.id)), 0o700);
}

/// A future format, to prove the version scaffolding: a v5 reader that still opens today's v4 files.
mod future_v5 {
    use super::*;
    use serde::{Deserialize, Serialize};

    /// Version 5 splits the clinician's name from their credentials.
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    pub struct SessionV5 {
        pub format_version: u32,
        pub clinician_name: String,
        pub clinician_credentials: String,
        pub pain_before: Option<PainScore>,
    }

    impl Versioned for SessionV5 {
        const CURRENT: u32 = 5;

        fn decode_version(version: u32, text: &str) -> Result<Self, DecodeError> {
            match version {
                4 => {
                    let v4: Session = decode(text)?;
                    let (name, credentials) = v4
                        .clinician
                        .split_once(", ")
                        .map_or((v4.clinician.as_str(), ""), |(n, c)| (n, c));
                    Ok(Self {
                        format_version: 5,
                        clinician_name: name.to_owned(),
                        clinician_credentials: credentials.to_owned(),
                        pain_before: v4.pain_before,
                    })
                }
                5 => Ok(ron::from_str(text).map_err(DecodeError::from)?),
                other => Err(DecodeError::unknown_version(other, text)),
            }
        }
    }
}

#[test]
fn a_future_version_migrates_todays_files() {
    use future_v5::SessionV5;
    let v4_text = encode(&full_session()).expect("v4 text");
    let v5: SessionV5 = decode(&v4_text).expect("v4 migrates to v5");
    assert_eq!(v5.clinician_name, "Ana Lopes");
    assert_eq!(v5.clinician_credentials, "PT");
    assert_eq!(v5.pain_before, PainScore::new(6));

    // Written back, it is a v5 file that v5 reads and today's myomap refuses as newer.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("s.ron");
    storage::save(&path, &v5, None).expect("save v5");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains("format_version: 5"));
    assert_eq!(storage::load::<SessionV5>(&path).expect("v5 reads v5"), v5);
    let error = storage::load_session(&path).expect_err("v4 refuses v5");
    assert!(error.to_string().contains("newer"), "{error}");

    // A version that no myomap wrote is refused.
    let zero = v4_text.replace("format_version: 4", "format_version: 0");
    let error = decode::<SessionV5>(&zero).expect_err("refused");
    assert!(
        matches!(error, DecodeError::UnknownVersion { found: 0, .. }),
        "{error:?}"
    );
    assert!(
        error.position().is_some(),
        "the message points at format_version"
    );
}

#[test]
fn version_1_sessions_load_with_an_empty_record() {
    let v2_text = encode(&full_session()).expect("v2 text");
    // A version 1 file is today's file without the record's fields.
    let record_start = v2_text.find("    goals:").expect("goals field");
    let record_end = v2_text.rfind(')').expect("end");
    let v1_text = format!("{}{}", &v2_text[..record_start], &v2_text[record_end..])
        .replace("format_version: 3", "format_version: 1");
    let session: Session = decode(&v1_text).expect("v1 loads");
    assert_eq!(session.format_version, storage::SESSION_FORMAT_VERSION);
    assert!(session.consent.is_none() && session.signature.is_none());
    assert_eq!(session.needle_sites, full_session().needle_sites);
}

#[test]
fn content_problems_are_found() {
    let mut session = full_session();
    session.pain_after = Some(PainScore(11));
    session.referred_zones[0].source = Some(MarkId(99));
    session.text_notes[0].id = MarkId(1);
    session.needle_sites[0].depth_mm = Some(90.0);
    let problems: Vec<String> = session.problems().into_iter().map(|p| p.message).collect();
    assert_eq!(problems.len(), 4, "{problems:?}");
    assert!(problems.iter().any(|p| p.contains("pain_after is 11")));
    assert!(problems.iter().any(|p| p.contains("#99")));
    assert!(problems.iter().any(|p| p.contains("used twice")));
    assert!(problems.iter().any(|p| p.contains("90 mm deep")));
}
