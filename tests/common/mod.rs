//! What the UI tests share: starting the app in a harness on a library, and finding the
//! demo library's sessions. Each test file uses some of it.
#![allow(
    dead_code,
    reason = "each test crate uses a different part of these helpers"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use myomap::app::{AppPaths, AppStart, MyomapApp, ScriptedDialogs};

/// The app in a 1400 × 900 harness, its own data under `data/app`, on `library`, with
/// `open` opened and file dialogs answered from `answers`.
pub fn app(
    data: &Path,
    library: Option<PathBuf>,
    open: Option<PathBuf>,
    answers: Vec<Option<PathBuf>>,
) -> Harness<'static, MyomapApp> {
    let paths = AppPaths::under(&data.join("app"));
    let start = AppStart { library, open };
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |cc| {
            MyomapApp::new(cc, start, paths, Box::new(ScriptedDialogs::new(answers)))
        });
    harness.run_ok();
    harness
}

/// The demo patient whose id ends in `suffix` ("101" desk worker, "102" runner, "103"
/// nurse): their session files, oldest first.
pub fn demo_sessions(library: &Path, suffix: &str) -> Vec<PathBuf> {
    let dir = library
        .join("patients")
        .join(format!("00010000-0000-0000-0000-000000000{suffix}"))
        .join("sessions");
    let mut sessions: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the demo patient's sessions")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    sessions.sort();
    sessions
}

/// The app on the demo library written under `data`.
pub fn demo_app(data: &std::path::Path) -> Harness<'static, MyomapApp> {
    let library = demo_library(data);
    app(data, Some(library), None, Vec::new())
}

/// Finds a demo patient by typing `search` and opens their page (`name` is their row).
pub fn find_patient(harness: &mut Harness<'_, MyomapApp>, search: &str, name: &str) {
    harness.get_by_label("Search patients").focus();
    harness.run_ok();
    harness.get_by_label("Search patients").type_text(search);
    harness.run_ok();
    assert_eq!(
        harness.get_all_by_label_contains("(demo)").count(),
        1,
        "the search leaves one patient"
    );
    harness.get_by_label_contains(name).click();
    harness.run_ok();
}

/// Writes the demo library into `data/demo` and returns its folder.
pub fn demo_library(data: &Path) -> PathBuf {
    let library = data.join("demo");
    myomap::demo::write_demo_library(&library).expect("demo library");
    library
}

/// The app on a new default library under `data`, with one patient (`name`) added through
/// File → New patient…, and their new, empty session open.
pub fn new_patient_session(data: &Path, name: &str) -> Harness<'static, MyomapApp> {
    let library = AppPaths::under(&data.join("app")).default_library;
    let mut harness = app(data, Some(library), None, Vec::new());
    // The welcome screen has a New patient… button too; the menu's item is drawn above it.
    let before = harness.get_all_by_label("New patient…").count();
    harness.get_by_label("File").click();
    harness.run_ok();
    let items: Vec<_> = harness.get_all_by_label("New patient…").collect();
    assert_eq!(items.len(), before + 1, "the File menu lists New patient…");
    items.last().expect("the menu item").click();
    harness.run_ok();
    harness
        .get_by_label("Name or initials, as your clinic shows them:")
        .type_text(name);
    harness.run_ok();
    harness.get_by_label("Create patient").click();
    harness.run_ok();
    assert!(
        harness.state().document().is_some(),
        "a new session is open"
    );
    harness
}

/// Runs the `myomap` binary with `args`.
pub fn myomap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_myomap"))
        .args(args)
        .output()
        .expect("the binary runs")
}

pub fn path_str(path: &Path) -> &str {
    path.to_str().expect("utf-8 temp path")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
