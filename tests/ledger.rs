//! The library ledger and clinicians registry (issue #16): `myomap check` on a library
//! cross-checks its files with the ledger and names what a signature alone cannot show.

mod common;

use std::path::{Path, PathBuf};

use common::{myomap, path_str, stdout};
use myomap::storage;

/// The demo library (its signed visits recorded in its ledger) and the desk worker's first,
/// signed visit with its addendum.
fn demo(dir: &Path) -> (PathBuf, PathBuf) {
    let library = common::demo_library(dir);
    let visit = common::demo_sessions(&library, "101")
        .into_iter()
        .next()
        .expect("a visit");
    (library, visit)
}

fn check(library: &Path) -> (i32, String) {
    let output = myomap(&["check", path_str(library)]);
    (output.status.code().unwrap_or(-1), stdout(&output))
}

fn ledger_file(library: &Path) -> PathBuf {
    std::fs::read_dir(library.join("ledger"))
        .expect("a ledger folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "ledger"))
        .expect("a ledger")
}

/// `check` exits 1 with exactly one line naming `path` and containing `reason`.
fn reported(library: &Path, path: &Path, reason: &str) {
    let (code, out) = check(library);
    assert_eq!(code, 1, "{out}");
    let lines: Vec<&str> = out.lines().filter(|l| l.contains(reason)).collect();
    assert_eq!(lines.len(), 1, "one line with \"{reason}\" in\n{out}");
    assert!(
        lines[0].starts_with(&path.display().to_string()),
        "names {}: {}",
        path.display(),
        lines[0]
    );
}

#[test]
fn the_demo_library_and_its_ledger_agree() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (library, _) = demo(dir.path());
    let (code, out) = check(&library);
    assert_eq!(code, 0, "{out}");
    let registry: myomap::ledger::Registry =
        storage::load(&library.join("clinicians.ron")).expect("registry");
    assert_eq!(registry.clinicians.len(), 1);
    assert_eq!(registry.clinicians[0].name, "Sam Rivera, PT (demo)");
}

#[test]
fn a_signed_session_deleted_is_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (library, visit) = demo(dir.path());
    std::fs::remove_file(&visit).expect("delete");
    let (code, out) = check(&library);
    assert_eq!(code, 1);
    assert!(
        out.contains("is missing from the library: its file was deleted or moved"),
        "{out}"
    );
}

#[test]
fn the_signature_block_removed_or_an_unsigned_version_put_back_is_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (library, visit) = demo(dir.path());
    let mut session = storage::load_session(&visit).expect("loads");
    session.signature = None;
    session.addenda.clear();
    std::fs::write(&visit, storage::encode(&session).expect("encodes")).expect("write");
    reported(
        &library,
        &visit,
        "but the file is not signed: its signature was removed or an older version was put back",
    );
}

#[test]
fn the_last_addendum_deleted_is_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (library, visit) = demo(dir.path());
    let mut session = storage::load_session(&visit).expect("loads");
    assert_eq!(session.addenda.len(), 1);
    session.addenda.pop();
    assert!(
        session.signature_state().is_intact(),
        "the file alone looks fine"
    );
    std::fs::write(&visit, storage::encode(&session).expect("encodes")).expect("write");
    reported(
        &library,
        &visit,
        "addendum 1 (2026-09-09T12:00:00), recorded in the ledger, is missing from the file: it was removed",
    );
}

#[test]
fn a_file_replaced_by_another_signed_version_is_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (library, visit) = demo(dir.path());
    // Another version of the visit, signed again by the same clinician (as a rolled-back
    // copy would be): the file verifies, but it is not the one the ledger records.
    let mut session = storage::load_session(&visit).expect("loads");
    session.signature = None;
    session.addenda.clear();
    session.notes.push_str(" Older wording.");
    let key = myomap::demo::demo_key();
    let at = "2026-09-07T09:40:00".parse().expect("time");
    session.sign(&key.signer(), at).expect("signs");
    std::fs::write(&visit, storage::encode(&session).expect("encodes")).expect("write");
    reported(
        &library,
        &visit,
        "the file's signature is not the one the ledger records",
    );
}

#[test]
fn a_ledger_entry_deleted_edited_or_cut_off_is_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (library, _) = demo(dir.path());
    let ledger = ledger_file(&library);
    let text = std::fs::read_to_string(&ledger).expect("read");
    let lines: Vec<&str> = text.lines().collect();

    let removed: String = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != 1)
        .map(|(_, l)| format!("{l}\n"))
        .collect();
    std::fs::write(&ledger, removed).expect("write");
    reported(
        &library,
        &ledger,
        "does not follow the one before it: an entry was removed, edited or reordered",
    );

    let edited = text.replacen(
        "\"at\":\"2026-09-07T09:50:00\"",
        "\"at\":\"2026-09-08T09:50:00\"",
        1,
    );
    assert_ne!(edited, text);
    std::fs::write(&ledger, edited).expect("write");
    let (code, out) = check(&library);
    assert_eq!(code, 1);
    assert!(out.contains("does not follow the one before it"), "{out}");

    std::fs::write(&ledger, &text[..text.len() - 40]).expect("write");
    let (code, out) = check(&library);
    assert_eq!(code, 1);
    assert!(
        out.contains("the ledger ends in the middle of an entry: it was cut off"),
        "{out}"
    );
}

#[test]
fn a_signature_by_a_key_the_library_does_not_know_is_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (library, visit) = demo(dir.path());
    let registry_path = library.join("clinicians.ron");
    let mut registry: myomap::ledger::Registry = storage::load(&registry_path).expect("registry");
    registry.clinicians.clear();
    std::fs::write(&registry_path, storage::encode(&registry).expect("encodes")).expect("write");
    let (code, out) = check(&library);
    assert_eq!(code, 1);
    let line = out
        .lines()
        .find(|l| l.starts_with(&visit.display().to_string()) && l.contains("does not have"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(
        line.contains("signed with key SHA256:")
            && line.contains("clinicians registry (clinicians.ron) does not have"),
        "{line}"
    );
}

#[test]
fn a_ledger_from_another_library_is_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (library, _) = demo(dir.path());
    let registry_path = library.join("clinicians.ron");
    let mut registry: myomap::ledger::Registry = storage::load(&registry_path).expect("registry");
    registry.library_id = "00000000-0000-0000-0000-000000000000".to_owned();
    std::fs::write(&registry_path, storage::encode(&registry).expect("encodes")).expect("write");
    let (code, out) = check(&library);
    assert_eq!(code, 1);
    assert!(
        out.contains("this ledger entry belongs to another library"),
        "{out}"
    );
}

#[test]
fn signing_in_the_app_records_the_signature_and_registers_the_signer() {
    use myomap::document::Document;

    let dir = tempfile::tempdir().expect("temp dir");
    let (library, visit) = demo(dir.path());
    let (mut doc, _) = Document::open(&visit).expect("opens");
    let key = myomap::demo::demo_key();
    let at = "2026-12-01T09:00:00".parse().expect("time");
    doc.append_addendum(&key, "Reviewed the chart again.", at)
        .expect("appends");
    doc.save().expect("saves");
    let text = std::fs::read_to_string(ledger_file(&library)).expect("read");
    assert!(
        text.contains("\"index\":1,\"key\":\"SHA256:"),
        "the second addendum is recorded"
    );
    let (code, out) = check(&library);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn a_retired_key_keeps_its_earlier_signatures_and_a_later_one_is_reported() {
    use myomap::document::Document;

    let dir = tempfile::tempdir().expect("temp dir");
    let (library, visit) = demo(dir.path());
    let listed = myomap(&["clinicians", path_str(&library)]);
    let text = stdout(&listed);
    assert!(
        text.starts_with("Sam Rivera, PT (demo), PT, registration DEMO-0001: key SHA256:"),
        "{text}"
    );
    let fingerprint = myomap::model::fingerprint(&myomap::demo::demo_key().public_key());
    let retired = myomap(&["clinicians", path_str(&library), "--retire", &fingerprint]);
    assert!(retired.status.success(), "{}", common::stderr(&retired));
    assert!(stdout(&retired).contains("retired the key of Sam Rivera, PT (demo) on "));
    let (code, out) = check(&library);
    assert_eq!(code, 0, "earlier signatures stay valid: {out}");

    let (mut doc, _) = Document::open(&visit).expect("opens");
    let later = "2030-01-01T09:00:00".parse().expect("time");
    doc.append_addendum(&myomap::demo::demo_key(), "Signed with the old key.", later)
        .expect("appends");
    doc.save().expect("saves");
    reported(&library, &visit, "after it was retired on ");
}
