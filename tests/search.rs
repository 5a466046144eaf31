//! The find-by-location window: fields, the answer from the library's index, a visit opened
//! from it.

mod common;

use egui_kittest::kittest::{NodeT as _, Queryable as _};

#[test]
fn finding_needle_sites_over_the_lung_apex_opens_a_visit_found() {
    let dir = tempfile::tempdir().expect("temp dir");
    let library = common::demo_library(dir.path());
    let mut harness = common::app(dir.path(), Some(library), None, Vec::new());
    harness.get_by_label("File").click();
    harness.run_ok();
    harness.get_by_label_contains("Find by location").click();
    harness.run_ok();

    // Nothing chosen: the window says what to choose instead of listing every visit.
    harness.get_by_label("Find").click();
    harness.run_ok();
    harness.get_by_label_contains("Choose a muscle");

    // Needle sites over the lung apex, with the right side: the desk worker's visits.
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "Needle site in the zone")
        .click();
    harness.run_ok();
    harness
        .get_by_label("Lung apex (supraclavicular and upper trapezius)")
        .click();
    harness.run_ok();
    harness.get_by_label("right").click();
    harness.run_ok();
    harness.get_by_label("Find").click();
    harness.run_ok();
    let summary = harness.get_by_label_contains("found among");
    let summary = format!("{:?}", summary.accesskit_node().value());
    assert!(
        summary.contains("of 1 patient found among 12 visits"),
        "{summary}"
    );
    harness
        .get_all_by_label_contains("needle site")
        .next()
        .expect("what matched is said");
    let opens = harness.get_all_by_label("Open").count();
    assert!(opens >= 1, "the visits found can be opened");
    harness
        .get_all_by_label("Open")
        .next()
        .expect("a visit")
        .click();
    harness.run_ok();
    assert_eq!(harness.state().route().name(), "session");
}
