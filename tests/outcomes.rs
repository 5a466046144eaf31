//! Outcome measures end to end: older files migrate, bad measures are refused by `check` at
//! their line and column, and `compare --json` carries every measure with its label.

mod common;

use std::path::{Path, PathBuf};

use common::{myomap, path_str, stdout};
use myomap::model::{SignatureState, measures};
use myomap::storage::{SESSION_FORMAT_VERSION, decode, encode, load_session};

fn demo(dir: &Path) -> PathBuf {
    let lib = dir.join("demo");
    assert!(myomap(&["demo", path_str(&lib)]).status.success());
    lib
}

/// A version 4 session as myomap 3 wrote it: the same text without `outcomes`.
fn as_version_3(text: &str) -> String {
    let start = text.find("    outcomes: (").expect("outcomes written");
    let end = start + text[start..].find("\n    ),\n").expect("closes") + "\n    ),\n".len();
    format!("{}{}", &text[..start], &text[end..])
        .replace("format_version: 4,", "format_version: 3,")
}

#[test]
fn every_older_demo_and_fixture_session_migrates_with_no_measures_and_its_signature_intact() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lib = demo(dir.path());
    let mut migrated = 0;
    for suffix in ["101", "102", "103"] {
        for path in common::demo_sessions(&lib, suffix) {
            let now = load_session(&path).expect("current demo loads");
            let old_text = as_version_3(&std::fs::read_to_string(&path).expect("read"));
            assert!(!old_text.contains("outcomes"));
            let old = decode::<myomap::model::Session>(&old_text).expect("a version 3 file loads");
            assert_eq!(old.format_version, SESSION_FORMAT_VERSION);
            assert!(old.outcomes.is_empty());
            let mut expected = now.clone();
            expected.outcomes = Default::default();
            // Everything but the measures is the same record.
            assert_eq!(
                encode(&old).expect("encodes"),
                encode(&expected).expect("encodes")
            );
            migrated += 1;
        }
    }
    assert_eq!(migrated, 12, "every demo visit");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for (name, state) in [
        ("signed-session.ron", SignatureState::Intact),
        ("legacy-sealed-session.ron", SignatureState::LegacySealed),
    ] {
        let session = load_session(&fixtures.join(name)).expect(name);
        assert_eq!(session.format_version, SESSION_FORMAT_VERSION, "{name}");
        assert!(session.outcomes.is_empty(), "{name}");
        assert_eq!(
            session.signature_state(),
            state,
            "{name}: the signature survives"
        );
        let again = decode::<myomap::model::Session>(&encode(&session).expect("encodes"))
            .expect("the migrated file re-reads");
        assert_eq!(again, session, "{name}");
    }
}

/// `check` line for a file holding `text`.
fn check(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    let output = myomap(&["check", path_str(&path)]);
    assert_eq!(output.status.code(), Some(1), "{name} is refused");
    let line = stdout(&output);
    line.strip_prefix(&format!("{}:", path.display()))
        .unwrap_or_else(|| panic!("starts with the path: {line}"))
        .trim()
        .to_owned()
}

#[test]
fn check_refuses_each_bad_measure_at_its_line_and_column_with_the_range() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lib = demo(dir.path());
    let claire = &common::demo_sessions(&lib, "101")[0];
    let text = std::fs::read_to_string(claire).expect("read");
    assert!(text.contains("\"ndi\": 22.0"), "the demo's first NDI");
    let line_of = |needle: &str| {
        text.lines()
            .position(|l| l.contains(needle))
            .map(|i| i + 1)
            .expect(needle)
    };

    let ndi = check(
        dir.path(),
        "ndi.ron",
        &text.replace("\"ndi\": 22.0", "\"ndi\": 60.0"),
    );
    assert!(
        ndi.starts_with(&format!("{}:", line_of("\"ndi\": 22.0"))),
        "{ndi}"
    );
    assert!(
        ndi.contains("NDI is 60, outside the range myomap takes there (0–50)"),
        "{ndi}"
    );

    let rom = check(
        dir.path(),
        "rom.ron",
        &text.replace("degrees: 48.0", "degrees: 250.0"),
    );
    assert!(
        rom.starts_with(&format!("{}:", line_of("degrees: 48.0"))),
        "{rom}"
    );
    assert!(
        rom.contains("cervical_rotation is 250, outside the range myomap takes there (0–110°)"),
        "{rom}"
    );

    let start = text.find("psfs: Some([").expect("a PSFS") + "psfs: Some(".len();
    let end = start + text[start..].find("\n        ]),").expect("ends") + "\n        ]".len();
    let empty = format!("{}[]{}", &text[..start], &text[end..]);
    let psfs = check(dir.path(), "psfs.ron", &empty);
    assert!(psfs.contains("the PSFS has no activities"), "{psfs}");

    let unknown = check(
        dir.path(),
        "unknown.ron",
        &text.replace("\"ndi\":", "\"nd1\":"),
    );
    assert!(
        unknown.contains("`nd1` is not an outcome measure myomap knows"),
        "{unknown}"
    );
}

#[test]
fn compare_json_includes_every_measure_with_its_label() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lib = demo(dir.path());
    for (suffix, instrument, label) in [
        ("101", "ndi", "exceeds MCID"),
        ("102", "lefs", "exceeds MCID"),
        ("103", "odi", "within measurement error"),
    ] {
        let visits = common::demo_sessions(&lib, suffix);
        let (first, last) = (&visits[0], &visits[visits.len() - 1]);
        let output = myomap(&["compare", path_str(first), path_str(last), "--json"]);
        assert!(output.status.success());
        let doc: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
        let measures = doc["measures"].as_array().expect("measures");
        let a = load_session(first).expect("a");
        let b = load_session(last).expect("b");
        // Every measure taken at either visit is there.
        let expected = 1 // NPRS
            + usize::from(a.outcomes.psfs.is_some() || b.outcomes.psfs.is_some())
            + measures::catalog()
                .scored()
                .filter(|i| a.outcomes.scores.contains_key(&i.id) || b.outcomes.scores.contains_key(&i.id))
                .count()
            + {
                let mut rom: Vec<_> = a.outcomes.range_of_motion.iter().chain(&b.outcomes.range_of_motion)
                    .map(|m| (m.movement.clone(), m.side))
                    .collect();
                rom.sort_by(|x, y| format!("{x:?}").cmp(&format!("{y:?}")));
                rom.dedup();
                rom.len()
            }
            + usize::from(!a.outcomes.clinic_measures.is_empty());
        assert_eq!(measures.len(), expected, "{suffix}: {measures:#?}");
        for measure in measures {
            for key in [
                "measure",
                "label",
                "better",
                "a",
                "b",
                "change",
                "change_label",
            ] {
                assert!(measure.get(key).is_some(), "{key} in {measure}");
            }
            assert!(
                measure["change_label"].is_string(),
                "both visits have it: {measure}"
            );
        }
        let found = measures
            .iter()
            .find(|m| m["measure"] == instrument)
            .unwrap_or_else(|| panic!("{instrument}"));
        assert_eq!(found["change_label"], label, "{suffix} {instrument}");
        assert!(doc["pressure_pain_thresholds"].is_array());
    }
}
