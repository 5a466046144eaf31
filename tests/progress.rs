//! The library browser and progress across visits, driven through the UI: find a patient by
//! search, compare two visits and read the metrics, switch to the difference map, open the
//! progress screen with its trend plots and frequency map.

mod common;

use std::path::PathBuf;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use myomap::app::{AppPaths, AppStart, MyomapApp, ScriptedDialogs};

#[test]
fn comparing_two_visits_shows_the_metrics_and_the_difference_map() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = common::demo_app(data.path());
    common::find_patient(&mut harness, "tom", "Tomás Ferreira (demo)");
    // The newest visit is listed first; compare it with the one before.
    harness
        .get_all_by_label("Compare")
        .next()
        .expect("a visit with a previous one")
        .click();
    harness.run_ok();
    let comparison = &harness
        .state()
        .comparison()
        .expect("the comparison is open")
        .comparison;
    assert!(comparison.earlier.active_trigger_points >= comparison.later.active_trigger_points);
    // The metrics are on screen, by label.
    harness.get_by_label("Pain extent");
    harness.get_by_label("Active trigger points");
    harness.get_by_label_contains("Trigger points: ");
    harness.get_by_label_contains("Extent change: ");
    harness.get_by_label("Difference map").click();
    harness.run_ok();
    let canvas = harness.get_by_label_contains("Body map, ");
    assert!(canvas.accesskit_node().label().is_some());
    // Rendering it does not fail (the difference image and markers are painted).
    harness.run_ok();
    harness.get_by_label("Overlay").click();
    harness.run_ok();
    harness.get_by_label("Side by side").click();
    harness.run_ok();
    assert_eq!(
        harness.get_all_by_label_contains("Body map, ").count(),
        2,
        "two linked canvases"
    );
    harness.get_by_label("Close comparison").click();
    harness.run_ok();
    assert!(harness.state().comparison().is_none());
}

#[test]
fn the_progress_screen_plots_every_visit_and_the_story_of_the_demo() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = common::demo_app(data.path());
    common::find_patient(&mut harness, "claire", "Claire Bennett (demo)");
    harness.get_by_label("Progress").click();
    harness.run_ok();
    let progress = harness
        .state()
        .progress()
        .expect("the progress screen is open");
    assert_eq!(progress.visits.len(), 4);
    let first = &progress.metrics[0];
    let last = &progress.metrics[progress.metrics.len() - 1];
    // The desk worker's story: less pain, less extent, fewer active trigger points.
    assert!(last.pain_before.map(|p| p.0) < first.pain_before.map(|p| p.0));
    assert!(last.total_extent_percent.unwrap_or(0.0) < first.total_extent_percent.unwrap_or(0.0));
    assert!(last.active_trigger_points < first.active_trigger_points);
    harness.get_by_label("Pain (NPRS 0–10)");
    harness.get_by_label("Trigger points");
    harness.get_by_label_contains("Body map, ");
    harness.get_by_label("Close progress").click();
    harness.run_ok();
    assert!(harness.state().progress().is_none());
}

#[test]
fn a_big_library_is_read_in_the_background_with_progress_shown() {
    let data = tempfile::tempdir().expect("temp dir");
    let library = myomap::storage::Library::new(data.path().join("clinic"));
    for i in 0..120u128 {
        let patient = myomap::model::Patient::new(
            myomap::model::PatientId::from_u128(0x7000 + i),
            format!("Patient {i:03}"),
        );
        library.create_patient(&patient).expect("patient written");
    }
    let paths = AppPaths::under(&data.path().join("app"));
    let start = AppStart {
        library: Some(library.root().to_owned()),
        open: None,
    };
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |cc| {
            MyomapApp::new(
                cc,
                start,
                paths,
                Box::new(ScriptedDialogs::new(Vec::<Option<PathBuf>>::new())),
            )
        });
    harness.step();
    // Either still reading (progress on screen) or, on a fast machine, already done.
    let reading = harness
        .query_by_label_contains("Reading the library at")
        .is_some();
    let mut steps = 0;
    while harness.state().library().is_none() {
        assert!(steps < 500, "the library never finished loading");
        std::thread::sleep(std::time::Duration::from_millis(5));
        harness.step();
        steps += 1;
    }
    harness.run_ok();
    assert_eq!(harness.state().patient_names().len(), 120);
    assert!(reading || steps == 0, "progress is shown while reading");
    harness.get_by_label_contains("Patient 042").click();
    harness.run_ok();
}
