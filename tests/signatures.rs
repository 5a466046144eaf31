//! Clinicians' electronic signatures (issue #16): a signature covers the content, the signer,
//! the credentials, the time and the meaning; addenda are signed and chained; a session sealed
//! before signatures existed loads and says so; signing takes the identity and its passphrase.

mod common;

use std::path::Path;

use common::{myomap, path_str, stdout};
use myomap::model::{Session, SignatureState};
use myomap::storage;

const SIGNED: &str = "tests/fixtures/signed-session.ron";
const LEGACY: &str = "tests/fixtures/legacy-sealed-session.ron";

fn fixture(path: &str) -> Session {
    storage::load_session(Path::new(path)).expect("the fixture loads")
}

#[test]
fn a_session_signed_today_verifies_in_every_later_version() {
    // The fixture was written by this version; it must verify unchanged for ever.
    let session = fixture(SIGNED);
    assert_eq!(session.signature_state(), SignatureState::Intact);
    let lines = session.describe_signature();
    assert!(lines[0].starts_with(
        "Signed by Sam Rivera, PT (demo), PT, registration DEMO-0001 on 2026-09-07 09:50 (author), key SHA256:"
    ), "{lines:?}");
    assert!(lines.iter().all(|l| l.ends_with(": verified")), "{lines:?}");
}

#[test]
fn layout_does_not_matter_crlf_and_reindented_files_verify() {
    let text = std::fs::read_to_string(SIGNED).expect("read");
    let crlf = text.replace('\n', "\r\n");
    let reindented: String = text
        .lines()
        .map(|line| format!("\t{}\n", line.trim_start()))
        .collect();
    let compact: String = text.lines().map(str::trim).collect::<Vec<_>>().join(" ");
    for variant in [crlf, reindented, compact] {
        let session: Session = storage::decode(&variant).expect("loads");
        assert_eq!(session.signature_state(), SignatureState::Intact);
    }
}

#[test]
fn every_change_after_signing_is_reported_whatever_hash_is_recomputed() {
    let signed = fixture(SIGNED);

    // Content edited, hash left: the content no longer matches.
    let mut edited = signed.clone();
    edited.notes.push_str(" (edited)");
    assert_eq!(edited.signature_state(), SignatureState::ContentModified);

    // Content edited and its hash recomputed: the signature does not verify.
    let digest = edited.content_digest();
    edited.signature.as_mut().expect("signed").content_hash = digest;
    assert!(matches!(
        edited.signature_state(),
        SignatureState::NotVerified(_)
    ));

    // Signer or time changed.
    let mut signer = signed.clone();
    signer.signature.as_mut().expect("signed").by = "Another Clinician".to_owned();
    let mut time = signed.clone();
    time.signature.as_mut().expect("signed").at = "2027-09-07T09:50:00".parse().expect("time");
    let mut credentials = signed.clone();
    if let Some(seal) = credentials.signature.as_mut().and_then(|s| s.seal.as_mut()) {
        seal.credentials = "MD".to_owned();
    }
    for tampered in [&signer, &time, &credentials] {
        let state = tampered.signature_state();
        assert!(matches!(state, SignatureState::NotVerified(_)), "{state:?}");
        let text = state.describe().expect("described");
        assert!(
            text.contains("the signer, credentials, time or key were changed after signing"),
            "{text}"
        );
    }

    // An addendum edited.
    let mut addendum = signed.clone();
    addendum.addenda[0].text.push('!');
    assert_eq!(
        addendum.signature_state(),
        SignatureState::AddendumModified(0)
    );

    // A signature block copied from another session (same key, other content).
    let mut other = fixture(SIGNED);
    other.id = myomap::model::SessionId::from_u128(42);
    other.signature = signed.signature.clone();
    assert!(other.signature_state().is_tampered());
    let digest = other.content_digest();
    other.signature.as_mut().expect("copied").content_hash = digest;
    assert!(matches!(
        other.signature_state(),
        SignatureState::NotVerified(_)
    ));
}

#[test]
fn a_session_sealed_before_signatures_existed_loads_and_says_so_never_upgraded() {
    let legacy = fixture(LEGACY);
    assert_eq!(legacy.signature_state(), SignatureState::LegacySealed);
    let lines = legacy.describe_signature();
    assert!(
        lines[0].contains("with a content hash before signatures existed"),
        "{lines:?}"
    );
    let mut edited = legacy.clone();
    edited.notes.push('!');
    assert_eq!(edited.signature_state(), SignatureState::ContentModified);
    // Saved again, it keeps its seal as it was.
    let text = storage::encode(&legacy).expect("encodes");
    assert!(!text.contains("seal:"), "not silently upgraded");
    let again: Session = storage::decode(&text).expect("loads");
    assert_eq!(again.signature_state(), SignatureState::LegacySealed);
}

#[test]
fn signing_takes_the_identity_and_its_passphrase_and_a_wrong_one_signs_nothing() {
    use myomap::document::Document;
    use myomap::identity;

    let dir = tempfile::tempdir().expect("temp dir");
    let sam = identity::create(
        dir.path(),
        "Sam Rivera",
        "PT, registration 12345",
        "correct horse battery",
        (256, 1, 1),
    )
    .expect("identity");
    let mut session = fixture(SIGNED);
    session.signature = None;
    session.addenda.clear();
    let mut doc = Document::new_unsaved(session, None, "Desk worker".to_owned());
    let mut guard = identity::PassphraseGuard::default();
    let now = std::time::Instant::now();
    let wrong = guard.unlock(&sam, "horse battery", now).err();
    assert_eq!(wrong, Some(identity::IdentityError::WrongPassphrase));
    assert_eq!(
        identity::IdentityError::WrongPassphrase.to_string(),
        "wrong passphrase: nothing was signed"
    );
    assert!(!doc.session().is_signed());
    let key = guard
        .unlock(&sam, "correct horse battery", now)
        .expect("unlocks");
    let at = "2026-09-07T10:00:00".parse().expect("time");
    doc.sign(&key, at).expect("signs");
    assert_eq!(doc.session().signature_state(), SignatureState::Intact);
    let lines = doc.session().describe_signature();
    assert!(
        lines[0].starts_with(
            "Signed by Sam Rivera, PT, registration 12345 on 2026-09-07 10:00 (author), key "
        ),
        "{lines:?}"
    );
    assert!(lines[0].contains(&sam.fingerprint()), "{lines:?}");
    doc.append_addendum(&key, "Phone review: settled.", at)
        .expect("appends");
    assert_eq!(doc.session().signature_state(), SignatureState::Intact);
    assert!(doc.session().addenda[0].seal.is_some());
}

#[test]
fn verify_prints_the_details_and_check_fails_a_tampered_record() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = dir.path().join("good.ron");
    std::fs::copy(SIGNED, &good).expect("copy");
    let output = myomap(&["verify", path_str(&good), LEGACY]);
    assert!(output.status.success(), "{}", stdout(&output));
    let text = stdout(&output);
    assert!(text.contains("good.ron: verified"), "{text}");
    assert!(
        text.contains("legacy-sealed-session.ron: sealed with a content hash"),
        "{text}"
    );

    let bad = dir.path().join("bad.ron");
    let tampered = std::fs::read_to_string(SIGNED).expect("read").replace(
        "by: \"Sam Rivera, PT (demo)\",\n        at:",
        "by: \"Someone Else\",\n        at:",
    );
    std::fs::write(&bad, tampered).expect("write");
    let output = myomap(&["verify", path_str(&bad), "--json"]);
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(json[0]["verified"], false);
    assert_eq!(json[0]["signature"]["by"], "Someone Else");
    assert!(
        json[0]["reason"]
            .as_str()
            .is_some_and(|r| r.contains("NOT verified")),
        "{json}"
    );
    let output = myomap(&["check", path_str(&bad)]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("signed session is NOT verified"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_clinician_may_co_sign_a_sealed_session_and_the_seal_is_kept() {
    let mut legacy = fixture(LEGACY);
    let key = myomap::identity::UnlockedKey::demo("Ana Lopes, PT", "PT, registration 12345");
    let at = "2026-12-01T09:00:00".parse().expect("time");
    legacy.co_sign(&key.signer(), at).expect("co-signs");
    assert_eq!(
        legacy.signature_state(),
        SignatureState::LegacySealed,
        "still the old seal"
    );
    let lines = legacy.describe_signature();
    assert!(lines[0].contains("before signatures existed"), "{lines:?}");
    assert!(
        lines[1].starts_with(
            "Co-signed by Ana Lopes, PT, PT, registration 12345 on 2026-12-01 09:00, key SHA256:"
        ) && lines[1].ends_with(": verified"),
        "{lines:?}"
    );
    // Saved and read back, it verifies; its co-signer's name changed, it does not.
    let text = storage::encode(&legacy).expect("encodes");
    let mut again: Session = storage::decode(&text).expect("loads");
    assert_eq!(again.signature_state(), SignatureState::LegacySealed);
    again.signature.as_mut().expect("signed").co_signatures[0].by = "Someone Else".to_owned();
    assert!(matches!(
        again.signature_state(),
        SignatureState::NotVerified(_)
    ));
    // A changed session cannot be co-signed.
    let mut changed = fixture(LEGACY);
    changed.notes.push('!');
    assert!(changed.co_sign(&key.signer(), at).is_err());
}
