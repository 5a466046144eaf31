//! The recent sessions (File → Open recent): each shows its patient, date and library, and
//! the demo library's visits never join the clinic's own list.

mod common;

use egui_kittest::kittest::{NodeT as _, Queryable as _};

/// The labels of File → Open recent, or the "No recent sessions" note.
fn recent_items(harness: &mut egui_kittest::Harness<'_, myomap::app::MyomapApp>) -> Vec<String> {
    harness.get_by_label("File").click();
    harness.run_ok();
    harness.get_by_label("Open recent").hover();
    harness.run_ok();
    harness.get_by_label("Open recent").click();
    harness.run_ok();
    let items = if harness.query_by_label("No recent sessions").is_some() {
        Vec::new()
    } else {
        harness
            .get_all_by_label_contains(" · ")
            .filter_map(|node| node.accesskit_node().label())
            .collect()
    };
    harness.key_press(egui::Key::Escape);
    harness.run_ok();
    items
}

#[test]
fn a_demo_visit_opened_is_not_a_recent_session_and_a_clinic_visit_shows_who_when_and_where() {
    let data = tempfile::tempdir().expect("temp dir");
    // A demo visit, opened at start in a folder of its own (as `myomap demo DIR` writes it).
    let library = common::demo_library(data.path());
    let visit = common::demo_sessions(&library, "101")
        .pop()
        .expect("a demo visit");
    let mut harness = common::app(data.path(), Some(library), Some(visit), Vec::new());
    assert!(
        harness.state().document().is_some(),
        "the demo visit is open"
    );
    assert_eq!(recent_items(&mut harness), Vec::<String>::new());
    drop(harness);

    // A visit of the clinic's own library, saved.
    let mut harness = common::new_patient_session(data.path(), "Ana Real");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_ok();
    let date = harness
        .state()
        .document()
        .expect("open")
        .session()
        .date()
        .to_string();
    let items = recent_items(&mut harness);
    assert_eq!(items, [format!("Ana Real · {date} · library")], "{items:?}");
}
