//! The app shell driven like a user would, through AccessKit labels: welcome screen, demo
//! library, menus, new patient and session, Save As, the unsaved marker, and the prompt that
//! stops unsaved work from being closed.

use std::path::{Path, PathBuf};

use egui::{ViewportEvent, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use myomap::app::{AppPaths, AppStart, MyomapApp, Prompt, ScriptedDialogs};

fn harness(data: &Path, dialog_answers: Vec<Option<PathBuf>>) -> Harness<'static, MyomapApp> {
    let paths = AppPaths::under(data);
    let start = AppStart {
        library: Some(paths.default_library.clone()),
        open: None,
    };
    let mut harness = Harness::builder()
        .with_size([1280.0, 820.0])
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |cc| {
            MyomapApp::new(
                cc,
                start,
                paths,
                Box::new(ScriptedDialogs::new(dialog_answers)),
            )
        });
    harness.run_ok();
    harness
}

/// Opens `menu` and clicks `item` (menu items carry their shortcut in their label too:
/// "Save Ctrl+S").
fn click_menu(harness: &mut Harness<'_, MyomapApp>, menu: &str, item: &str) {
    harness.get_by_label(menu).click();
    harness.run_ok();
    {
        let with_shortcut = format!("{item} ");
        let labels: Vec<String> = harness
            .get_all_by_label_contains(item)
            .filter_map(|n| n.accesskit_node().label())
            .collect();
        let node = harness
            .get_all_by_label_contains(item)
            .find(|n| {
                n.accesskit_node()
                    .label()
                    .is_some_and(|l| l == item || l.starts_with(&with_shortcut))
            })
            .unwrap_or_else(|| panic!("no menu item {item:?} among {labels:?}"));
        node.click();
    }
    harness.run_ok();
}

/// Creates a patient through File → New patient… and returns with their new session open.
fn create_patient(harness: &mut Harness<'_, MyomapApp>, name: &str) {
    click_menu(harness, "File", "New patient…");
    assert!(matches!(
        harness.state().prompt(),
        Some(Prompt::NewPatient { .. })
    ));
    harness
        .get_by_label("Name or initials, as your clinic shows them:")
        .focus();
    harness.run_ok();
    harness
        .get_by_label("Name or initials, as your clinic shows them:")
        .type_text(name);
    harness.run_ok();
    harness.get_by_label("Create patient").click();
    harness.run_ok();
}

#[test]
fn welcome_screen_opens_the_demo_library_in_one_click() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(data.path(), vec![]);
    harness.get_by_label("New patient…");
    harness.get_by_label("Explore the demo library").click();
    harness.run_ok();

    let app = harness.state();
    assert_eq!(app.patient_names().len(), 3, "{:?}", app.patient_names());
    let demo = AppPaths::under(data.path()).demo_library;
    assert_eq!(app.library().map(|l| l.root()), Some(demo.as_path()));
    assert!(
        myomap::storage::Library::new(AppPaths::under(data.path()).default_library).is_empty(),
        "the demo never goes into the real library"
    );

    // The patient list and a visit open from there.
    harness
        .get_by_label_contains("Claire Bennett (demo)")
        .click();
    harness.run_ok();
    harness
        .get_all_by_label("Open")
        .next()
        .expect("a visit")
        .click();
    harness.run_ok();
    let doc = harness.state().document().expect("a session is open");
    assert_eq!(doc.patient_name(), "Claire Bennett (demo)");
    assert!(!doc.is_dirty());
    // Named in the marks list and on the map.
    assert_eq!(
        harness
            .get_all_by_label("Trigger point, right upper trapezius, latent")
            .count(),
        2
    );
}

#[test]
fn new_patient_then_save_as_writes_the_session() {
    let data = tempfile::tempdir().expect("temp dir");
    let target = data.path().join("elsewhere").join("first-visit.ron");
    let mut harness = harness(data.path(), vec![Some(target.clone())]);
    create_patient(&mut harness, "J. Smith");

    let app = harness.state();
    assert_eq!(app.patient_names(), vec!["J. Smith".to_owned()]);
    let doc = app.document().expect("a new session is open");
    assert!(doc.is_dirty(), "a session never saved is unsaved");
    assert!(
        app.window_title().starts_with("● "),
        "{}",
        app.window_title()
    );

    click_menu(&mut harness, "File", "Save as…");
    let app = harness.state();
    let doc = app.document().expect("still open");
    assert_eq!(doc.path(), Some(target.as_path()));
    assert!(!doc.is_dirty());
    assert!(
        !app.window_title().starts_with("● "),
        "{}",
        app.window_title()
    );
    let saved = myomap::storage::load_session(&target).expect("the file was written");
    assert_eq!(saved, *doc.session());
}

#[test]
fn edits_mark_the_title_and_save_clears_it() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(data.path(), vec![]);
    create_patient(&mut harness, "K. Lee");
    // Save files the new session in the library.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_ok();
    let path = {
        let doc = harness.state().document().expect("open");
        assert!(!doc.is_dirty());
        doc.path()
            .map(Path::to_path_buf)
            .expect("saved into the library")
    };
    assert!(path.starts_with(AppPaths::under(data.path()).default_library));

    harness.get_by_label("Clinician").focus();
    harness.run_ok();
    harness.get_by_label("Clinician").type_text("Dr Who");
    harness.run_ok();
    assert!(harness.state().window_title().starts_with("● "));
    assert_eq!(
        harness
            .state()
            .document()
            .map(|d| d.session().clinician.as_str()),
        Some("Dr Who")
    );

    click_menu(&mut harness, "File", "Save");
    assert!(!harness.state().window_title().starts_with("● "));
    let saved = myomap::storage::load_session(&path).expect("loads");
    assert_eq!(saved.clinician, "Dr Who");
    assert!(
        myomap::storage::backup_path(&path).exists(),
        "previous version kept"
    );

    // Undo restores the empty clinician and makes the document dirty again.
    click_menu(&mut harness, "Edit", "Undo");
    let doc = harness.state().document().expect("open");
    assert_eq!(doc.session().clinician, "");
    assert!(doc.is_dirty());
}

#[test]
fn closing_with_unsaved_work_asks_first() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(data.path(), vec![]);
    create_patient(&mut harness, "M. Unsaved");
    assert!(harness.state().document().is_some_and(|d| d.is_dirty()));

    // The window's close button.
    harness
        .input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    harness.run_ok();
    assert!(matches!(
        harness.state().prompt(),
        Some(Prompt::UnsavedChanges { .. })
    ));
    harness.get_by_label("Save changes to this session?");
    harness.get_by_label("Cancel").click();
    harness.run_ok();
    assert!(harness.state().prompt().is_none());
    assert!(
        harness.state().document().is_some(),
        "nothing was discarded"
    );

    // Quit asks too; "Don't save" discards.
    click_menu(&mut harness, "File", "Quit");
    assert!(matches!(
        harness.state().prompt(),
        Some(Prompt::UnsavedChanges { .. })
    ));
    harness.get_by_label("Don't save").click();
    harness.run_ok();
    assert!(harness.state().document().is_none());
}

#[test]
fn opening_a_broken_file_shows_an_error_and_opens_nothing() {
    let data = tempfile::tempdir().expect("temp dir");
    let broken = data.path().join("broken.ron");
    std::fs::write(&broken, "(format_version: 1, id: ").expect("write");
    let mut harness = harness(data.path(), vec![Some(broken.clone())]);
    click_menu(&mut harness, "File", "Open session…");
    let app = harness.state();
    assert!(app.document().is_none(), "never an empty chart");
    let last = app
        .notifications()
        .all()
        .last()
        .expect("an error was shown");
    assert_eq!(last.level, myomap::app::Level::Error);
    assert!(last.text.contains("broken.ron:1:"), "{}", last.text);
}

#[test]
fn new_session_from_the_menu_files_under_the_selected_patient() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(data.path(), vec![]);
    create_patient(&mut harness, "N. Second");
    harness.get_by_label("Clinician").focus();
    harness.run_ok();
    harness
        .get_by_label("Clinician")
        .type_text("Sam Rivera, PT");
    harness.run_ok();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_ok();
    let first = harness.state().document().expect("open").session().clone();

    click_menu(&mut harness, "File", "New session");
    let doc = harness.state().document().expect("a new session");
    assert_ne!(doc.session().id, first.id);
    assert_eq!(doc.session().patient_id, first.patient_id);
    assert_eq!(
        doc.session().clinician,
        "Sam Rivera, PT",
        "the clinician carries over"
    );
    assert!(doc.is_dirty() && doc.path().is_none());
    assert!(harness.state().window_title().starts_with("● Untitled "));
}
