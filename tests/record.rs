//! The session as a clinical record, through the real UI: the needle tool's gate, safety-zone
//! warnings, the needle count at sign-off, a signed session's addenda, and `check` catching
//! a signed file edited by hand.

mod common;

use std::path::Path;
use std::process::Command;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use myomap::app::MyomapApp;
use myomap::geometry::MapPoint;
use myomap::model::WarningKind;

/// The app on a new library with one patient and a new, empty session on the posterior view.
fn new_session(data: &Path) -> Harness<'static, MyomapApp> {
    let mut harness = common::new_patient_session(data, "Record Patient");
    harness.get_by_label("Back").click();
    harness.run_ok();
    harness
}

/// Scrolls the session panel to the control labelled `label` and clicks it.
fn press(harness: &mut Harness<'_, MyomapApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run_ok();
    harness.get_by_label(label).click();
    harness.run_ok();
}

/// Scrolls to the text field labelled `label` and types into it.
fn type_into(harness: &mut Harness<'_, MyomapApp>, label: &str, text: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run_ok();
    harness.get_by_label(label).focus();
    harness.run_ok();
    harness.get_by_label(label).type_text(text);
    harness.run_ok();
}

/// In the signing dialog: creates the first identity (name as the session's clinician) and
/// signs with its passphrase, after one wrong passphrase that must sign nothing.
fn create_identity_and_sign(harness: &mut Harness<'_, MyomapApp>, button: &str) {
    harness.get_by_label_contains("Create your signing identity");
    type_into(harness, "Credentials", "PT, registration 12345");
    type_into(harness, "Passphrase", "correct horse battery");
    type_into(harness, "Repeat passphrase", "correct horse battery");
    harness.get_by_label("Create identity").click();
    harness.run_ok();
    harness.run_ok();
    harness.get_by_label_contains("Key SHA256:");
    // The keyboard goes to the passphrase, not to Cancel, where Enter would lose the visit.
    assert!(
        harness.get_by_label("Passphrase").is_focused(),
        "the passphrase field takes the keyboard after the identity is created"
    );
    type_into(harness, "Passphrase", "wrong horse");
    harness.get_by_label(button).click();
    harness.run_ok();
    harness.get_by_label("wrong passphrase: nothing was signed");
    type_into(harness, "Passphrase", "correct horse battery");
    harness.get_by_label(button).click();
    harness.run_ok();
    harness.run_ok();
}

/// Shows the clinical record in the session panel.
fn open_record(harness: &mut Harness<'_, MyomapApp>) {
    harness.get_by_label_contains("Clinical record").click();
    harness.run_ok();
}

/// Reviews the screening and records consent, which opens the needle tool.
fn screen_and_consent(harness: &mut Harness<'_, MyomapApp>) {
    open_record(harness);
    press(harness, "Mark screening reviewed");
    press(harness, "Risk of pneumothorax (thorax treated)");
    press(harness, "Explained all — record consent");
}

/// Chooses the needle tool and clicks at `at` (posterior view, mm).
fn place_needle(harness: &mut Harness<'_, MyomapApp>, at: MapPoint) {
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Needle")
        .click();
    harness.run_ok();
    let pos = harness
        .state()
        .canvas()
        .memory
        .screen_pos(at)
        .expect("the canvas has been shown");
    harness.hover_at(pos);
    harness.run_ok();
    harness.drag_at(pos);
    harness.run_ok();
    harness.drop_at(pos);
    harness.run_ok();
}

/// Ticks "counted" for needles in and out (each starts at the number of sites charted).
fn count_needles(harness: &mut Harness<'_, MyomapApp>) {
    for index in 0..2 {
        let nodes: Vec<_> = harness.get_all_by_label("counted").collect();
        nodes[index].scroll_to_me();
        harness.run_ok();
        let nodes: Vec<_> = harness.get_all_by_label("counted").collect();
        nodes[index].click();
        harness.run_ok();
    }
}

fn needle_count(harness: &Harness<'_, MyomapApp>) -> usize {
    harness
        .state()
        .document()
        .map_or(0, |d| d.session().needle_sites.len())
}

fn has_text(harness: &Harness<'_, MyomapApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

/// Over the right gluteus medius: no safety zone there.
const GLUTEUS_MEDIUS: MapPoint = MapPoint::new(118.0, 768.0);
/// Over the ribs lateral to the right scapula: the lung zone (posterior, right is +x).
const RIGHT_THORAX: MapPoint = MapPoint::new(120.0, 560.0);
const LEFT_THORAX: MapPoint = MapPoint::new(-120.0, 560.0);

#[test]
fn the_needle_tool_refuses_before_consent_and_works_after() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = new_session(data.path());
    place_needle(&mut harness, GLUTEUS_MEDIUS);
    assert_eq!(
        needle_count(&harness),
        0,
        "refused before screening and consent"
    );
    assert!(has_text(
        &harness,
        "Needle sites are locked for this session"
    ));
    assert!(has_text(
        &harness,
        "consent has not been recorded for this session"
    ));

    screen_and_consent(&mut harness);
    assert!(!has_text(
        &harness,
        "Needle sites are locked for this session"
    ));
    place_needle(&mut harness, GLUTEUS_MEDIUS);
    assert_eq!(
        needle_count(&harness),
        1,
        "placed once screening and consent are in"
    );
}

#[test]
fn an_override_with_a_reason_opens_the_needle_tool_and_is_recorded() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = new_session(data.path());
    place_needle(&mut harness, GLUTEUS_MEDIUS);
    harness.get_by_label("Override…").click();
    harness.run_ok();
    type_into(
        &mut harness,
        "Reason",
        "Consent form signed on paper; entering it after the session",
    );
    harness.get_by_label("Override and record").click();
    harness.run_ok();
    place_needle(&mut harness, GLUTEUS_MEDIUS);
    let doc = harness.state().document().expect("open");
    assert_eq!(doc.session().needle_sites.len(), 1);
    let record = doc
        .session()
        .gate_override
        .as_ref()
        .expect("override recorded");
    assert!(record.reason.contains("paper"));
    open_record(&mut harness);
    assert!(has_text(&harness, "Needling allowed by override"));
}

#[test]
fn a_needle_over_the_lung_warns_with_the_guidance_and_records_the_acknowledgement() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = new_session(data.path());
    screen_and_consent(&mut harness);
    place_needle(&mut harness, RIGHT_THORAX);
    assert!(has_text(&harness, "⚠ Safety warning"));
    assert!(has_text(
        &harness,
        "Lung and pleura: The lung lies under the chest wall"
    ));
    {
        let needle = &harness
            .state()
            .document()
            .expect("open")
            .session()
            .needle_sites[0];
        assert_eq!(needle.warnings.len(), 1);
        assert_eq!(needle.warnings[0].zone, "lung_pleura");
        assert!(!needle.warnings[0].acknowledged);
    }
    harness.get_by_label("Acknowledge").click();
    harness.run_ok();
    assert!(!has_text(&harness, "⚠ Safety warning"));
    let doc = harness.state().document().expect("open");
    assert!(doc.session().needle_sites[0].warnings[0].acknowledged);

    // The warning and its acknowledgement are in the saved file.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_ok();
    let path = harness
        .state()
        .document()
        .and_then(|d| d.path().map(Path::to_path_buf))
        .expect("saved");
    let saved = myomap::storage::load_session(&path).expect("reloads");
    assert_eq!(saved.needle_sites[0].warnings[0].zone, "lung_pleura");
    assert!(saved.needle_sites[0].warnings[0].acknowledged);
}

#[test]
fn needles_on_both_sides_of_the_thorax_warn() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = new_session(data.path());
    screen_and_consent(&mut harness);
    place_needle(&mut harness, RIGHT_THORAX);
    harness.get_by_label("Acknowledge").click();
    harness.run_ok();
    place_needle(&mut harness, LEFT_THORAX);
    assert!(has_text(&harness, "Both sides of the thorax are needled"));
    let doc = harness.state().document().expect("open");
    for needle in &doc.session().needle_sites {
        assert!(
            needle
                .warnings
                .iter()
                .any(|w| w.kind == WarningKind::BilateralThorax),
            "{:?}",
            needle.warnings
        );
    }
    // The first site's new warning is not acknowledged yet, the old one still is.
    let first = &doc.session().needle_sites[0];
    assert!(first.warnings.iter().any(|w| w.acknowledged));
    assert!(first.warnings.iter().any(|w| !w.acknowledged));
}

#[test]
fn signing_with_a_needle_count_mismatch_is_refused_and_names_the_reason() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = new_session(data.path());
    type_into(&mut harness, "Clinician", "Ana Lopes, PT");
    screen_and_consent(&mut harness);
    place_needle(&mut harness, GLUTEUS_MEDIUS);
    place_needle(&mut harness, MapPoint::new(100.0, 790.0));
    assert_eq!(needle_count(&harness), 2);

    // Two in, one out.
    count_needles(&mut harness);
    harness.get_by_label("Needles out").focus();
    harness.run_ok();
    harness.key_press(egui::Key::Backspace);
    harness.run_ok();
    harness.get_by_label("Needles out").type_text("1");
    harness.run_ok();
    harness.key_press(egui::Key::Enter);
    harness.run_ok();
    press(&mut harness, "Sign session…");
    assert!(has_text(&harness, "Cannot sign yet"));
    assert!(has_text(&harness, "needle count mismatch: 2 in, 1 out"));
    let doc = harness.state().document().expect("open");
    assert_eq!(doc.session().needle_count.removed, Some(1));
    assert!(!doc.session().is_signed());
}

#[test]
fn a_complete_session_signs_and_becomes_read_only() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = new_session(data.path());
    type_into(&mut harness, "Clinician", "Ana Lopes, PT");
    screen_and_consent(&mut harness);
    place_needle(&mut harness, GLUTEUS_MEDIUS);
    count_needles(&mut harness);
    press(&mut harness, "Sign session…");
    create_identity_and_sign(&mut harness, "Sign and save");
    let doc = harness.state().document().expect("open");
    assert!(doc.session().is_signed());
    assert_eq!(
        doc.session().signature_state(),
        myomap::model::SignatureState::Intact
    );
    assert!(
        doc.session().describe_signature()[0]
            .starts_with("Signed by Ana Lopes, PT, PT, registration 12345 on "),
        "{:?}",
        doc.session().describe_signature()
    );
    let path = doc
        .path()
        .map(Path::to_path_buf)
        .expect("signing saved the session");
    let saved = myomap::storage::load_session(&path).expect("reloads");
    assert_eq!(saved.signature, doc.session().signature);
    assert!(!saved.signature_state().is_tampered());

    // Read-only: the needle tool places nothing and undo cannot unsign.
    place_needle(&mut harness, MapPoint::new(100.0, 790.0));
    assert_eq!(needle_count(&harness), 1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_ok();
    harness.run_ok();
    assert!(
        harness
            .state()
            .document()
            .expect("open")
            .session()
            .is_signed()
    );
    // The refusal explains itself and shows the way: the addendum, one button away.
    assert!(has_text(
        &harness,
        "the session cannot change; add an addendum instead"
    ));
    assert!(has_text(&harness, "Add an addendum…"));
}

#[test]
fn a_signed_session_is_read_only_and_an_addendum_is_appended() {
    let data = tempfile::tempdir().expect("temp dir");
    let library = common::demo_library(data.path());
    let first = common::demo_sessions(&library, "101")[0].clone();
    let before = myomap::storage::load_session(&first).expect("demo session");
    assert!(before.is_signed() && before.addenda.len() == 1);
    let mut harness = common::app(data.path(), Some(library), Some(first.clone()), Vec::new());
    assert!(has_text(&harness, "read-only"));

    // Nothing on the canvas changes it.
    harness.get_by_label("Trigger point").click();
    harness.run_ok();
    let pos = harness
        .state()
        .canvas()
        .memory
        .screen_pos(MapPoint::new(130.0, 300.0))
        .expect("canvas");
    harness.hover_at(pos);
    harness.run_ok();
    harness.drag_at(pos);
    harness.run_ok();
    harness.drop_at(pos);
    harness.run_ok();
    assert_eq!(
        harness
            .state()
            .document()
            .expect("open")
            .session()
            .trigger_points,
        before.trigger_points
    );

    open_record(&mut harness);
    type_into(
        &mut harness,
        "New addendum",
        "Patient phoned: headache-free for a week.",
    );
    press(&mut harness, "Append addendum");
    create_identity_and_sign(&mut harness, "Sign addendum and save");

    let saved = myomap::storage::load_session(&first).expect("reloads");
    assert_eq!(saved.addenda.len(), 2);
    assert_eq!(
        saved.addenda[0], before.addenda[0],
        "earlier addenda unchanged"
    );
    assert!(saved.addenda[1].text.contains("headache-free"));
    assert_eq!(
        saved.signature, before.signature,
        "the signature is untouched"
    );
    assert!(!saved.signature_state().is_tampered());
    let without_addenda = |s: &myomap::model::Session| {
        let mut s = s.clone();
        s.addenda.clear();
        s
    };
    assert_eq!(without_addenda(&saved), without_addenda(&before));
}

#[test]
fn editing_a_signed_file_by_hand_makes_check_fail_naming_the_file() {
    let data = tempfile::tempdir().expect("temp dir");
    let library = common::demo_library(data.path());
    let check = |path: &Path| {
        Command::new(env!("CARGO_BIN_EXE_myomap"))
            .arg("check")
            .arg(path)
            .output()
            .expect("runs")
    };
    let clean = check(&library);
    assert!(clean.status.success(), "{clean:?}");

    let first = common::demo_sessions(&library, "101")[0].clone();
    let text = std::fs::read_to_string(&first).expect("read");
    let edited = text.replacen("clinician: \"", "clinician: \"Dr ", 1);
    assert_ne!(edited, text);
    std::fs::write(&first, edited).expect("write");
    let output = check(&library);
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout
        .lines()
        .find(|l| l.contains("modified after signing"))
        .unwrap_or_else(|| panic!("no tamper report in {stdout}"));
    assert!(line.starts_with(&first.display().to_string()), "{line}");
}

#[test]
fn check_reports_clinical_findings_as_warnings_without_failing() {
    let data = tempfile::tempdir().expect("temp dir");
    let library = common::demo_library(data.path());
    // An unsigned copy of a needled visit, without consent and with a needle unaccounted for.
    let last = common::demo_sessions(&library, "101")[0].clone();
    let mut session = myomap::storage::load_session(&last).expect("load");
    assert!(!session.needle_sites.is_empty());
    session.signature = None;
    session.addenda.clear();
    session.consent = None;
    session.needle_count.removed = session.needle_count.inserted.map(|n| n - 1);
    let text = myomap::storage::encode(&session).expect("encode");
    std::fs::write(&last, text).expect("write");
    let output = Command::new(env!("CARGO_BIN_EXE_myomap"))
        .arg("check")
        .arg(&last)
        .output()
        .expect("runs");
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("warning:") && stdout.contains("without recorded consent"),
        "{stdout}"
    );
    assert!(stdout.contains("needle count mismatch"), "{stdout}");
}

#[test]
fn aftercare_takes_the_clinics_text_and_the_template_is_edited_and_saved() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = new_session(data.path());
    let library = harness.state().library().expect("a library").clone();
    std::fs::write(
        library.aftercare_file(),
        "Drink water. Call us if short of breath.",
    )
    .expect("the clinic's template");
    harness.get_by_label_contains("Clinical record").click();
    harness.run_ok();

    press(&mut harness, "Aftercare advice given");
    let aftercare = &harness
        .state()
        .document()
        .expect("open")
        .session()
        .aftercare;
    assert!(aftercare.given);
    assert_eq!(aftercare.text, "Drink water. Call us if short of breath.");

    press(&mut harness, "Edit the clinic's template…");
    harness.get_by_label("The clinic's template").focus();
    harness.run_ok();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::End);
    harness
        .get_by_label("The clinic's template")
        .type_text(" Heat, not ice.");
    harness.run_ok();
    harness.get_by_label("Save template").click();
    harness.run_ok();
    assert_eq!(
        std::fs::read_to_string(library.aftercare_file()).expect("saved"),
        "Drink water. Call us if short of breath. Heat, not ice."
    );
    assert!(
        harness.query_by_label("Save template").is_none(),
        "the editor closes once saved"
    );
}

/// Screening with the keyboard: on a question's answer, N answers "no" and moves to the next
/// question, Y answers "yes".
#[test]
fn screening_is_answered_with_the_keyboard_one_question_after_another() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = new_session(data.path());
    open_record(&mut harness);
    // The first question's "no".
    let first = harness.get_all_by_label("no").next().expect("a question");
    first.focus();
    harness.run_ok();
    for key in [egui::Key::N, egui::Key::N, egui::Key::Y] {
        harness.key_press(key);
        harness.run_ok();
        harness.run_ok();
    }
    let screening = harness
        .state()
        .document()
        .expect("open")
        .session()
        .screening
        .clone();
    let answered: Vec<myomap::model::Answer> = screening.answers.iter().map(|a| a.answer).collect();
    assert_eq!(
        answered,
        [
            myomap::model::Answer::No,
            myomap::model::Answer::No,
            myomap::model::Answer::Yes
        ],
        "three questions answered in order"
    );
}

/// Consent recorded without the risk of pneumothorax: a needle over the thorax is refused
/// with the reason, one elsewhere is placed; ticking the risk lets the thorax be needled.
#[test]
fn a_needle_over_the_thorax_needs_the_pneumothorax_risk_in_the_consent() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = new_session(data.path());
    open_record(&mut harness);
    press(&mut harness, "Mark screening reviewed");
    press(&mut harness, "Explained all — record consent");
    place_needle(&mut harness, RIGHT_THORAX);
    assert_eq!(needle_count(&harness), 0, "refused over the thorax");
    assert!(
        harness
            .state()
            .notifications()
            .all()
            .iter()
            .any(|n| n.text.contains("the risk of pneumothorax was explained")),
        "the refusal says why"
    );
    place_needle(&mut harness, GLUTEUS_MEDIUS);
    assert_eq!(needle_count(&harness), 1, "placed away from the thorax");
    open_record(&mut harness);
    press(&mut harness, "Risk of pneumothorax (thorax treated)");
    place_needle(&mut harness, RIGHT_THORAX);
    assert_eq!(
        needle_count(&harness),
        2,
        "placed once the risk is recorded"
    );
}

/// The needle chosen in the inspector is what the next site is charted with.
#[test]
fn the_next_needle_starts_from_the_last_one_chosen() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = new_session(data.path());
    screen_and_consent(&mut harness);
    place_needle(&mut harness, GLUTEUS_MEDIUS);
    // The inspector's needle (the tool row's list is named by its tooltip).
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "Needle")
        .scroll_to_me();
    harness.run_ok();
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "Needle")
        .click();
    harness.run_ok();
    harness.get_by_label("0.30 × 60 mm").click();
    harness.run_ok();
    place_needle(&mut harness, MapPoint::new(100.0, 790.0));
    let doc = harness.state().document().expect("open");
    let sizes: Vec<String> = doc
        .session()
        .needle_sites
        .iter()
        .map(|n| n.needle.label())
        .collect();
    assert_eq!(sizes, ["0.30 × 60 mm", "0.30 × 60 mm"]);
}
