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
    // The outcome measures of both visits side by side: LEFS 69 → 75, less than its MDC of 9.
    harness.get_by_label("Outcome measures");
    harness.get_by_label("LEFS 69/80 → 75/80 (+6): within measurement error");
    let outcomes = &harness.state().comparison().expect("open").outcomes;
    let lefs = outcomes
        .iter()
        .find(|t| t.label == "LEFS")
        .and_then(|t| t.change())
        .expect("the LEFS at both visits");
    assert_eq!(lefs.label.text(), "within measurement error");
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
    harness.get_by_label("Pain drawings").click();
    harness.run_ok();
    harness.get_by_label("Pain (NPRS 0–10)");
    harness.get_by_label_contains("Body map, ");
    harness.get_by_label("Trigger points").click();
    harness.run_ok();
    harness.get_by_label("Active and latent trigger points");
    harness.get_by_label_contains("Body map, ");
    harness.get_by_label("Close progress").click();
    harness.run_ok();
    assert!(harness.state().progress().is_none());
}

/// Opens the progress screen of the demo patient found by `search`.
fn open_progress(harness: &mut Harness<'_, MyomapApp>, search: &str, name: &str) {
    common::find_patient(harness, search, name);
    harness.get_by_label("Progress").click();
    harness.run_ok();
    assert!(
        harness.state().progress().is_some(),
        "the progress screen is open"
    );
}

/// The one label on screen that starts with `start`.
fn line_starting(harness: &Harness<'_, MyomapApp>, start: &str) -> String {
    let lines: Vec<String> = harness
        .query_all_by_label_contains(start)
        .filter_map(|node| node.accesskit_node().value())
        .filter(|text| text.starts_with(start))
        .collect();
    assert_eq!(lines.len(), 1, "one line starts with {start:?}: {lines:?}");
    lines[0].clone()
}

#[test]
fn margarets_odi_change_is_labelled_within_measurement_error() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = common::demo_app(data.path());
    // Margaret Oduya's ODI falls by 8 points: less than its 12.7-point measurement error.
    open_progress(&mut harness, "margaret", "Margaret Oduya (demo)");
    assert_eq!(
        line_starting(&harness, "ODI 34% → 26%"),
        "ODI 34% → 26% (−8): within measurement error"
    );
    // Her chair stand, 11 → 16 stands, passes the clinic's own MCID of 2.
    assert_eq!(
        line_starting(&harness, "30-second chair stand 11 stands → 16 stands"),
        "30-second chair stand 11 stands → 16 stands (+5 stands): exceeds MCID"
    );
}

#[test]
fn claires_ndi_change_is_labelled_beyond_its_mcid_and_her_goal_met() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = common::demo_app(data.path());
    // Claire Bennett's NDI falls by 15 points: beyond its MDC (10.2) and MCID (7.5).
    open_progress(&mut harness, "claire", "Claire Bennett (demo)");
    assert_eq!(
        line_starting(&harness, "NDI 22/50 → 7/50"),
        "NDI 22/50 → 7/50 (−15): exceeds MCID"
    );
    // The summary table: the NDI's goal of 10 was met.
    harness.get_by_label("Baseline");
    harness.get_by_label("10/50 ✔ met");
}

#[test]
fn clicking_a_followed_trigger_point_shows_its_ppt_at_every_visit() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = common::demo_app(data.path());
    open_progress(&mut harness, "claire", "Claire Bennett (demo)");
    harness.get_by_label("Trigger points").click();
    harness.run_ok();
    assert!(
        harness.query_by_label_contains("PPT 1.6 → 2.6").is_none(),
        "nothing selected yet"
    );
    harness.get_by_label("Upper trapezius (right)").click();
    harness.run_ok();
    // 1.6 kg/cm² at the first two visits, 2.6 at the last two: +1, less than the PPT's MDC.
    harness.get_by_label("PPT 1.6 → 2.6 kg/cm² (+1): within measurement error");
    assert_eq!(harness.get_all_by_label("1.6 kg/cm²").count(), 2);
    assert_eq!(harness.get_all_by_label("2.6 kg/cm²").count(), 2);
    assert_eq!(harness.get_all_by_label("Active").count(), 2);
    assert_eq!(harness.get_all_by_label("Latent").count(), 2);
    let progress = harness.state().progress().expect("the progress screen");
    let selected = progress
        .followed
        .selected
        .expect("a followed trigger point is shown");
    assert_eq!(
        progress.followed.tracks[selected].label(),
        "Upper trapezius (right)"
    );
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

#[test]
fn the_progress_report_is_exported_from_the_progress_screen_for_its_period() {
    let data = tempfile::tempdir().expect("temp dir");
    let library = common::demo_library(data.path());
    let out = data.path().join("claire-progress.pdf");
    let mut harness = common::app(data.path(), Some(library), None, vec![Some(out.clone())]);
    open_progress(&mut harness, "Claire", "Claire Bennett");
    harness.get_by_label("Export PDF…").click();
    harness.run_ok();
    let pdf = std::fs::read(&out).expect("the report was written where the dialog said");
    assert!(pdf.starts_with(b"%PDF-"), "a PDF");

    // A period with no visit is said at once, and nothing is asked or written.
    std::fs::remove_file(&out).expect("removed");
    harness.get_by_label("Progress report from").focus();
    harness.run_ok();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label("Progress report from")
        .type_text("2027-01-01");
    harness.get_by_label("to").focus();
    harness.run_ok();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("to").type_text("2027-02-01");
    harness.run_ok();
    harness.get_by_label("Export PDF…").click();
    harness.run_ok();
    harness.get_by_label_contains("Could not make the progress report");
    assert!(!out.exists(), "nothing written");
}
