//! Outcome measures entered during a visit, through the session panel's Measures tab: an
//! instrument's score, the PSFS (last visit's activities come in unscored), a range of motion
//! beside its normal and last visit's value, a clinic measure refused out of its own range,
//! and a signed visit's measures shown read-only.

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use myomap::app::MyomapApp;
use myomap::model::{Outcomes, Side};

/// A new session for Claire Bennett (demo), whose last visit took NDI, PSFS and neck
/// rotation, with the Measures tab shown.
fn claire_new_visit(data: &std::path::Path) -> Harness<'static, MyomapApp> {
    let mut harness = common::demo_app(data);
    common::find_patient(&mut harness, "claire", "Claire Bennett (demo)");
    harness.get_by_label("New session").click();
    harness.run_ok();
    assert!(
        harness.state().document().is_some(),
        "a new session is open"
    );
    harness.get_by_label("Measures").click();
    harness.run_ok();
    harness
}

fn outcomes(harness: &Harness<'_, MyomapApp>) -> Outcomes {
    harness
        .state()
        .document()
        .map(|d| d.session().outcomes.clone())
        .unwrap_or_default()
}

/// Scrolls to the control labelled `label` and clicks it.
fn press(harness: &mut Harness<'_, MyomapApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run_ok();
    harness.get_by_label(label).click();
    harness.run_ok();
}

/// Types into the field that has the keyboard, then presses Enter.
fn type_and_enter(harness: &mut Harness<'_, MyomapApp>, text: &str) {
    harness.root().type_text(text);
    harness.run_ok();
    harness.key_press(egui::Key::Enter);
    harness.run_ok();
}

/// Focuses the `index`th field labelled `label`.
fn focus_nth(harness: &mut Harness<'_, MyomapApp>, label: &str, index: usize) {
    let field = harness
        .get_all_by_label(label)
        .nth(index)
        .expect("the field");
    field.scroll_to_me();
    harness.run_ok();
    let field = harness
        .get_all_by_label(label)
        .nth(index)
        .expect("the field");
    field.focus();
    harness.run_ok();
}

fn has_text(harness: &Harness<'_, MyomapApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

#[test]
fn an_ndi_score_is_entered_beside_its_range_and_last_visit() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = claire_new_visit(data.path());
    assert!(has_text(&harness, "Last visit: 2026-10-19"));
    assert!(outcomes(&harness).scores.is_empty(), "nothing is copied");
    press(&mut harness, "+ NDI");
    assert!(
        harness.get_by_label("NDI").is_focused(),
        "the new score's field takes the keyboard"
    );
    assert!(
        outcomes(&harness).scores.is_empty(),
        "adding the instrument records no score until one is typed"
    );
    assert!(has_text(&harness, "0–50 · lower is better · last visit: 7"));
    type_and_enter(&mut harness, "18");
    assert_eq!(outcomes(&harness).scores.get("ndi"), Some(&18.0));
    assert!(harness.query_by_label("+ NDI").is_none(), "one NDI a visit");
    // A score outside the instrument's range is refused in words, beside the field.
    press(&mut harness, "+ ODI");
    type_and_enter(&mut harness, "120");
    assert!(!outcomes(&harness).scores.contains_key("odi"));
    assert!(
        has_text(
            &harness,
            "⚠ ODI is 120, outside the range myomap takes there (0–100)"
        ),
        "the refusal is shown beside the ODI"
    );
}

#[test]
fn a_psfs_of_two_activities_shows_its_mean_and_last_visits_activities_come_in_unscored() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = claire_new_visit(data.path());
    for (index, (activity, score)) in [("Reversing the car", "4"), ("Working at a desk", "5")]
        .into_iter()
        .enumerate()
    {
        press(&mut harness, "Add activity");
        let name = format!("Activity {}", index + 1);
        assert!(
            harness.get_by_label(&name).is_focused(),
            "{name} takes the keyboard"
        );
        harness.get_by_label(&name).type_text(activity);
        harness.run_ok();
        focus_nth(&mut harness, "Score", index);
        type_and_enter(&mut harness, score);
    }
    let psfs = outcomes(&harness).psfs.expect("the PSFS is taken");
    assert_eq!(psfs.len(), 2);
    assert_eq!(psfs[0].activity, "Reversing the car");
    assert_eq!(psfs[1].score, 5);
    assert!(has_text(
        &harness,
        "PSFS today: mean 4.5/10 of 2 activities"
    ));
    assert!(
        has_text(&harness, "last visit: 9"),
        "the car was 9/10 last time"
    );

    // Last visit's other activities come in by name, to be scored today: none is recorded.
    press(&mut harness, "Bring in last visit's activities (2)");
    assert_eq!(outcomes(&harness).psfs.map(|p| p.len()), Some(2));
    assert_eq!(
        harness
            .query_all_by_label_contains("not scored today (last visit: 8)")
            .count(),
        2
    );
    assert!(has_text(
        &harness,
        "2 still to score (not recorded until scored)"
    ));
    let scores: Vec<_> = harness.get_all_by_label("Score").collect();
    assert_eq!(scores.len(), 4, "two scored, two to score");
    assert!(
        scores[2].is_focused(),
        "the first unscored activity's score takes the keyboard"
    );
    type_and_enter(&mut harness, "7");
    let psfs = outcomes(&harness).psfs.expect("the PSFS is taken");
    assert_eq!(psfs.len(), 3);
    assert_eq!(psfs[2].activity, "Working at the computer for an hour");
    assert_eq!(psfs[2].score, 7, "today's score, not last visit's 8");
}

#[test]
fn a_range_of_motion_is_picked_by_region_and_side_beside_its_normal() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = claire_new_visit(data.path());
    press(&mut harness, "Movement");
    harness
        .get_all_by_label_contains("Rotation")
        .next()
        .expect("cervical rotation, first in clinical order")
        .click();
    harness.run_ok();
    assert!(
        harness.get_by_label("Degrees").is_focused(),
        "the degrees take the keyboard once a movement is chosen"
    );
    press(&mut harness, "Right");
    focus_nth(&mut harness, "Degrees", 0);
    assert!(has_text(
        &harness,
        "normal 60° (AAOS) · 0–110° possible · last visit: 70°"
    ));
    type_and_enter(&mut harness, "64");
    let rom = outcomes(&harness).range_of_motion;
    assert_eq!(rom.len(), 1);
    assert_eq!(rom[0].movement, "cervical_rotation");
    assert_eq!(rom[0].side, Some(Side::Right));
    assert_eq!(rom[0].degrees, 64.0);
    // The other side comes next, its degrees with the keyboard: right, then left.
    assert!(harness.get_by_label("Degrees").is_focused());
    assert!(
        has_text(&harness, "last visit: 75°"),
        "the left side's last value"
    );
    type_and_enter(&mut harness, "66");
    let rom = outcomes(&harness).range_of_motion;
    assert_eq!(rom.len(), 2);
    assert_eq!((rom[1].side, rom[1].degrees), (Some(Side::Left), 66.0));
    // The same movement and side twice in a visit is refused, in words.
    press(&mut harness, "Movement");
    harness
        .get_all_by_label_contains("Rotation")
        .next()
        .expect("cervical rotation")
        .click();
    harness.run_ok();
    type_and_enter(&mut harness, "70");
    assert_eq!(outcomes(&harness).range_of_motion.len(), 2);
    assert!(has_text(&harness, "measured twice on the same side"));
}

#[test]
fn a_clinic_measure_outside_its_own_range_is_refused_in_words() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = claire_new_visit(data.path());
    press(&mut harness, "Define a clinic measure…");
    assert!(harness.get_by_label("Name").is_focused());
    harness.get_by_label("Name").type_text("Grip strength");
    harness.run_ok();
    focus_nth(&mut harness, "Unit", 0);
    harness.root().type_text("kg");
    harness.run_ok();
    focus_nth(&mut harness, "Today's value", 0);
    harness.root().type_text("120");
    harness.run_ok();
    press(&mut harness, "Add measure");
    assert!(outcomes(&harness).clinic_measures.is_empty());
    assert!(has_text(
        &harness,
        "Clinic measure \"Grip strength\": the value 120 is outside its range 0–100 kg"
    ));
    // Corrected, it is recorded.
    focus_nth(&mut harness, "Today's value", 0);
    harness.key_press(egui::Key::Backspace);
    harness.key_press(egui::Key::Backspace);
    harness.key_press(egui::Key::Backspace);
    harness.run_ok();
    type_and_enter(&mut harness, "28");
    let measures = outcomes(&harness).clinic_measures;
    assert_eq!(measures.len(), 1);
    assert_eq!(measures[0].value, 28.0);
    assert!(
        !has_text(&harness, "outside its range"),
        "the refusal is gone"
    );
}

#[test]
fn a_signed_visits_measures_are_shown_and_cannot_change() {
    let data = tempfile::tempdir().expect("temp dir");
    let library = common::demo_library(data.path());
    let first = common::demo_sessions(&library, "101")
        .into_iter()
        .next()
        .expect("Claire's first visit");
    let mut harness = common::app(data.path(), Some(library), Some(first), Vec::new());
    let signed = harness
        .state()
        .document()
        .is_some_and(|d| d.session().is_signed());
    assert!(signed, "the demo's first visit is signed");
    harness.get_by_label("Measures").click();
    harness.run_ok();
    assert!(has_text(&harness, "This session is read-only"));
    let before = outcomes(&harness);
    assert_eq!(before.scores.get("ndi"), Some(&22.0));
    harness.get_by_label("NDI").click();
    harness.run_ok();
    harness.root().type_text("5");
    harness.key_press(egui::Key::Enter);
    harness.run_ok();
    assert_eq!(
        outcomes(&harness),
        before,
        "nothing changes in a signed visit"
    );
}
