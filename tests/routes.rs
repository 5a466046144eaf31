//! Every change of screen, driven through the UI: welcome → library → session → compare →
//! progress → presentation → back, each asserting the route it lands on and that leaving
//! returns where it should (with unsaved work kept).

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use myomap::app::{MyomapApp, Route};

fn route(harness: &Harness<'_, MyomapApp>) -> &'static str {
    harness.state().route().name()
}

/// The app on the demo library with the desk worker (patient 101) selected.
fn demo_patient(data: &std::path::Path) -> Harness<'static, MyomapApp> {
    let library = common::demo_library(data);
    let mut harness = common::app(data, Some(library), None, Vec::new());
    harness.get_by_label_contains("Claire Bennett").click();
    harness.run_ok();
    harness
}

#[test]
fn welcome_to_the_demo_library() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = common::app(data.path(), None, None, Vec::new());
    assert_eq!(route(&harness), "home");
    assert!(harness.state().library().is_none_or(|l| l.is_empty()));
    harness.get_by_label("Explore the demo library").click();
    harness.run_ok();
    assert_eq!(
        route(&harness),
        "home",
        "the library's page is home once it has patients"
    );
    harness.get_by_label("Search patients");
    assert_eq!(harness.state().patient_names().len(), 3);
}

#[test]
fn library_to_session_and_back() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = demo_patient(data.path());
    harness
        .get_all_by_label("Open")
        .next()
        .expect("a visit to open")
        .click();
    harness.run_ok();
    assert_eq!(route(&harness), "session");
    assert!(harness.state().document().is_some());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::W);
    harness.run_ok();
    assert_eq!(route(&harness), "home");
    assert!(harness.state().document().is_none());
}

#[test]
fn library_to_compare_and_back() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = demo_patient(data.path());
    harness.get_by_label("Compare first and last visit").click();
    harness.run_ok();
    assert_eq!(route(&harness), "compare");
    assert!(harness.state().comparison().is_some());
    harness.get_by_label("Close comparison").click();
    harness.run_ok();
    assert_eq!(route(&harness), "home");
    assert!(harness.state().comparison().is_none());
}

#[test]
fn compare_opens_a_visit_on_the_session_screen() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = demo_patient(data.path());
    harness.get_by_label("Compare first and last visit").click();
    harness.run_ok();
    let later = harness
        .state()
        .comparison()
        .expect("comparing")
        .later
        .0
        .clone();
    harness
        .get_all_by_label_contains("Open 20")
        .last()
        .expect("the later visit's button")
        .click();
    harness.run_ok();
    assert_eq!(route(&harness), "session");
    assert_eq!(
        harness.state().document().and_then(|d| d.path()),
        Some(later.as_path())
    );
}

#[test]
fn library_to_progress_and_back() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = demo_patient(data.path());
    harness.get_by_label("Progress").click();
    harness.run_ok();
    assert_eq!(route(&harness), "progress");
    harness.get_by_label("Close progress").click();
    harness.run_ok();
    assert_eq!(route(&harness), "home");
    assert!(harness.state().progress().is_none());
}

#[test]
fn presentation_over_the_library_returns_to_it() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = demo_patient(data.path());
    harness.key_press(egui::Key::F11);
    harness.run_ok();
    assert_eq!(route(&harness), "presentation");
    assert!(
        harness.query_by_label("Search patients").is_none(),
        "nothing but the patient's screen"
    );
    harness.get_by_label("Exit presentation").click();
    harness.run_ok();
    assert_eq!(route(&harness), "home");
    harness.get_by_label("Search patients");
}

#[test]
fn presentation_over_a_session_keeps_its_unsaved_changes() {
    let data = tempfile::tempdir().expect("temp dir");
    let library = common::demo_library(data.path());
    let session = common::demo_sessions(&library, "101")
        .pop()
        .expect("the latest, unsigned visit");
    let mut harness = common::app(data.path(), Some(library), Some(session), Vec::new());
    harness.get_by_label("Clinician").focus();
    harness.run_ok();
    harness.get_by_label("Clinician").type_text(" (locum)");
    harness.run_ok();
    harness.key_press(egui::Key::Escape);
    harness.run_ok();
    assert!(harness.state().document().is_some_and(|d| d.is_dirty()));

    harness.key_press(egui::Key::F11);
    harness.run_ok();
    assert!(matches!(
        harness.state().route(),
        Route::Presentation { back, .. } if matches!(**back, Route::Session(_))
    ));
    assert!(
        harness.state().document().is_some(),
        "the session waits behind the presentation"
    );
    harness.key_press(egui::Key::F11);
    harness.run_ok();
    assert_eq!(route(&harness), "session");
    let doc = harness.state().document().expect("still open");
    assert!(doc.is_dirty(), "its unsaved change is still there");
    assert!(doc.session().clinician.ends_with(" (locum)"));
}
