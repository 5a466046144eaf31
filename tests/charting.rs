//! Charting a session through the real UI, as a clinician would: choose a tool by its label,
//! click on a muscle, paint a zone, move a mark and undo the move in one step, fill in a
//! needle in the inspector, save, reopen and find everything intact.

mod common;

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use myomap::app::MyomapApp;
use myomap::geometry::MapPoint;
use myomap::model::{MarkKind, NeedleTechnique, Side};

/// The app on a library with one patient and a new, empty session open.
fn new_session(data: &Path) -> Harness<'static, MyomapApp> {
    common::new_patient_session(data, "Test Patient")
}

fn screen_of(harness: &Harness<'_, MyomapApp>, at: MapPoint) -> egui::Pos2 {
    harness
        .state()
        .canvas()
        .memory
        .screen_pos(at)
        .expect("the canvas has been shown")
}

fn click_at(harness: &mut Harness<'_, MyomapApp>, pos: egui::Pos2) {
    harness.hover_at(pos);
    harness.run_ok();
    harness.drag_at(pos);
    harness.run_ok();
    harness.drop_at(pos);
    harness.run_ok();
}

fn drag(harness: &mut Harness<'_, MyomapApp>, path: &[egui::Pos2]) {
    harness.hover_at(path[0]);
    harness.run_ok();
    harness.drag_at(path[0]);
    harness.run_ok();
    for pos in &path[1..] {
        harness.hover_at(*pos);
        harness.run_ok();
    }
    harness.drop_at(*path.last().expect("a path"));
    harness.run_ok();
}

#[test]
fn a_trigger_point_placed_on_a_muscle_takes_its_name_and_side() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = new_session(data.path());
    harness.get_by_label("Back").click();
    harness.run_ok();
    harness.get_by_label("Trigger point").click();
    harness.run_ok();
    // The patient's right upper trapezius, on the viewer's right of the posterior view.
    let pos = screen_of(&harness, MapPoint::new(130.0, 300.0));
    click_at(&mut harness, pos);
    let doc = harness.state().document().expect("open");
    assert_eq!(doc.session().trigger_points.len(), 1);
    let tp = &doc.session().trigger_points[0];
    assert_eq!(
        tp.muscle.as_ref().map(|m| m.0.as_str()),
        Some("upper_trapezius")
    );
    assert_eq!(tp.side, Side::Right);
    harness.get_by_label("Trigger point, right upper trapezius, active, selected");

    // On the anterior view the viewer's right is the patient's left.
    harness.get_by_label("Front").click();
    harness.run_ok();
    let pos = screen_of(&harness, MapPoint::new(90.0, 400.0));
    click_at(&mut harness, pos);
    harness.get_by_label("Trigger point, left pectoralis major, active, selected");
    assert!(
        harness.state().window_title().contains('●'),
        "unsaved marker"
    );
}

#[test]
fn painting_a_zone_then_moving_a_mark_is_undone_in_one_step() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = new_session(data.path());
    harness.get_by_label("Back").click();
    harness.run_ok();

    // Paint referred pain over the right buttock.
    harness.get_by_label("Pain brush").click();
    harness.run_ok();
    let stroke: Vec<egui::Pos2> = [
        (80.0, 840.0),
        (100.0, 860.0),
        (120.0, 880.0),
        (135.0, 900.0),
    ]
    .iter()
    .map(|&(x, y)| screen_of(&harness, MapPoint::new(x, y)))
    .collect();
    drag(&mut harness, &stroke);
    {
        let doc = harness.state().document().expect("open");
        assert_eq!(doc.session().referred_zones.len(), 1, "one zone painted");
        let zone = &doc.session().referred_zones[0];
        assert_eq!(zone.view.as_str(), "posterior");
        assert!(zone.paint[0].points().len() >= 4, "{:?}", zone.paint);
    }
    harness.get_by_label("Referred-pain zone, aching, intensity 5, selected");

    // A trigger point, then drag it with the select tool.
    harness.get_by_label("Trigger point").click();
    harness.run_ok();
    let at = MapPoint::new(118.0, 768.0);
    let pos = screen_of(&harness, at);
    click_at(&mut harness, pos);
    harness.get_by_label("Select").click();
    harness.run_ok();
    let from = screen_of(&harness, at);
    let path: Vec<egui::Pos2> = (0..=6)
        .map(|i| from + egui::vec2(5.0 * i as f32, 3.0 * i as f32))
        .collect();
    drag(&mut harness, &path);
    let moved = harness
        .state()
        .document()
        .expect("open")
        .session()
        .trigger_points[0]
        .at;
    assert!(
        moved.distance(at) > 5.0,
        "the trigger point moved: {moved:?}"
    );

    // One undo puts it back exactly; the zone stays.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_ok();
    let doc = harness.state().document().expect("open");
    assert_eq!(
        doc.session().trigger_points.len(),
        1,
        "undo took back the move only"
    );
    assert!(doc.session().trigger_points[0].at.distance(at) < 1e-3);
    assert_eq!(doc.session().referred_zones.len(), 1);
}

#[test]
fn a_needle_filled_in_the_inspector_survives_save_and_reopen() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = new_session(data.path());
    // Needling needs reviewed screening and consent first (see tests/record.rs).
    harness.get_by_label_contains("Clinical record").click();
    harness.run_ok();
    for button in ["Mark screening reviewed", "Explained all — record consent"] {
        harness.get_by_label(button).scroll_to_me();
        harness.run_ok();
        harness.get_by_label(button).click();
        harness.run_ok();
    }
    harness.get_by_label("Back").click();
    harness.run_ok();
    harness.get_by_label("Needle").click();
    harness.run_ok();
    // Over the right gluteus medius.
    let pos = screen_of(&harness, MapPoint::new(118.0, 768.0));
    click_at(&mut harness, pos);
    {
        let doc = harness.state().document().expect("open");
        let needle = &doc.session().needle_sites[0];
        assert_eq!(
            needle.muscle.as_ref().map(|m| m.0.as_str()),
            Some("gluteus_medius")
        );
        assert_eq!(needle.side, Side::Right);
    }
    // Inspector: direction, technique, twitch responses, immediate response.
    harness.get_by_label("Direction").focus();
    harness.run_ok();
    harness
        .get_by_label("Direction")
        .type_text("perpendicular, towards the ilium");
    harness.run_ok();
    harness.get_by_label("Technique").scroll_to_me();
    harness.run_ok();
    harness.get_by_label("Technique").click();
    harness.run_ok();
    harness.get_by_label("static retention").click();
    harness.run_ok();
    harness.get_by_label("Immediate response").focus();
    harness.run_ok();
    harness
        .get_by_label("Immediate response")
        .type_text("PPT up 0.5 kg/cm2");
    harness.run_ok();

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_ok();
    let path = harness
        .state()
        .document()
        .and_then(|d| d.path().map(Path::to_path_buf))
        .expect("saved to a file");
    let saved = myomap::storage::load_session(&path).expect("reloads");
    let needle = &saved.needle_sites[0];
    assert_eq!(needle.direction, "perpendicular, towards the ilium");
    assert_eq!(needle.technique, NeedleTechnique::Static);
    assert_eq!(needle.immediate_response, "PPT up 0.5 kg/cm2");
    assert_eq!(
        needle.muscle.as_ref().map(|m| m.0.as_str()),
        Some("gluteus_medius")
    );
    assert_eq!(
        saved
            .mark_refs()
            .filter(|m| m.kind == MarkKind::NeedleSite)
            .count(),
        1
    );
}

#[test]
fn start_from_last_visit_carries_findings_forward_until_confirmed() {
    let data = tempfile::tempdir().expect("temp dir");
    let library = common::demo_library(data.path());
    let mut harness = common::app(data.path(), Some(library), None, Vec::new());
    harness
        .get_by_label_contains("Claire Bennett (demo)")
        .click();
    harness.run_ok();
    harness.get_by_label("Start from last visit").click();
    harness.run_ok();
    let doc = harness.state().document().expect("a new session");
    assert!(doc.path().is_none(), "a new, unsaved session");
    let carried = doc.session().trigger_points.len();
    assert!(carried > 0);
    assert!(
        doc.session()
            .trigger_points
            .iter()
            .all(|t| t.carried_forward)
    );
    assert!(doc.session().needle_sites.is_empty());
    // Named as carried forward on the canvas and in the list.
    let label = "Trigger point, right upper trapezius, latent, carried forward";
    assert_eq!(harness.get_all_by_label(label).count(), 2, "{label}");

    // Select it in the list, confirm it in the inspector.
    harness
        .get_all_by_label(label)
        .next()
        .expect("listed")
        .click();
    harness.run_ok();
    harness.get_by_label("Confirm").click();
    harness.run_ok();
    let doc = harness.state().document().expect("open");
    assert_eq!(
        doc.session()
            .trigger_points
            .iter()
            .filter(|t| t.carried_forward)
            .count(),
        carried - 1
    );

    // The complaint came forward too, waiting to be confirmed with the patient.
    assert_eq!(doc.session().unconfirmed_complaints().len(), 1);
    harness.get_by_label_contains("1 complaint carried forward");
    harness.get_by_label("Confirm complaint").click_accesskit();
    harness.run_ok();
    let doc = harness.state().document().expect("open");
    assert!(doc.session().unconfirmed_complaints().is_empty());
    assert_eq!(doc.session().complaints.len(), 1, "kept, confirmed");
    assert!(harness.query_by_label("Confirm complaint").is_none());
}

#[test]
fn the_muscle_of_a_mark_can_be_changed_from_a_searchable_list() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = new_session(data.path());
    harness.get_by_label("Back").click();
    harness.run_ok();
    harness.get_by_label("Trigger point").click();
    harness.run_ok();
    let pos = screen_of(&harness, MapPoint::new(130.0, 300.0));
    click_at(&mut harness, pos);
    harness.get_by_label("Muscle").click();
    harness.run_ok();
    harness.get_by_label("Search muscles").type_text("levator");
    harness.run_ok();
    assert!(
        harness.query_by_label("Gluteus maximus").is_none(),
        "the list is filtered"
    );
    harness.get_by_label("Levator scapulae").click();
    harness.run_ok();
    let doc = harness.state().document().expect("open");
    assert_eq!(
        doc.session().trigger_points[0]
            .muscle
            .as_ref()
            .map(|m| m.0.as_str()),
        Some("levator_scapulae")
    );
    harness.get_by_label("Trigger point, right levator scapulae, active, selected");
}

#[test]
fn typing_a_note_does_not_rebuild_the_painted_zones_but_painting_does() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = new_session(data.path());
    harness.get_by_label("Back").click();
    harness.run_ok();
    harness.get_by_label("Pain brush").click();
    harness.run_ok();
    let stroke: Vec<egui::Pos2> = [(80.0, 840.0), (100.0, 860.0), (120.0, 880.0)]
        .iter()
        .map(|&(x, y)| screen_of(&harness, MapPoint::new(x, y)))
        .collect();
    drag(&mut harness, &stroke);
    let builds = harness.state().canvas().zone_texture_builds();
    let revision = harness.state().document().expect("open").revision();

    // The visit's notes: the painted zone, still selected, has notes of its own above them.
    harness
        .get_all_by_label("Notes")
        .last()
        .expect("the visit's notes")
        .focus();
    harness.run_ok();
    harness
        .get_all_by_label("Notes")
        .last()
        .expect("the visit's notes")
        .type_text("Pain worse after sitting");
    harness.run_ok();
    let doc = harness.state().document().expect("open");
    assert!(doc.revision() > revision, "the note changed the session");
    assert_eq!(doc.session().notes, "Pain worse after sitting");
    assert_eq!(
        harness.state().canvas().zone_texture_builds(),
        builds,
        "a note does not repaint the zones"
    );

    harness.key_press(egui::Key::Escape);
    harness.run_ok();
    let more: Vec<egui::Pos2> = [(130.0, 900.0), (140.0, 920.0)]
        .iter()
        .map(|&(x, y)| screen_of(&harness, MapPoint::new(x, y)))
        .collect();
    drag(&mut harness, &more);
    assert!(
        harness.state().canvas().zone_texture_builds() > builds,
        "more paint repaints the zones"
    );
}

#[test]
fn each_view_keeps_its_zoom_when_coming_back_to_it() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = new_session(data.path());
    harness.get_by_label("Back").click();
    harness.run_ok();
    let pos = screen_of(&harness, MapPoint::new(0.0, 800.0));
    harness.hover_at(pos);
    harness.run_ok();
    harness.event(egui::Event::Zoom(2.0));
    harness.run_ok();
    let zoomed = harness.state().canvas().memory.zoom();
    assert!(zoomed > 1.2, "zoomed in to {zoomed}");
    harness.get_by_label("Front").click();
    harness.run_ok();
    assert!(
        (harness.state().canvas().memory.zoom() - 1.0).abs() < 1e-3,
        "a new view is fitted"
    );
    harness.get_by_label("Back").click();
    harness.run_ok();
    let back = harness.state().canvas().memory.zoom();
    assert!(
        (back - zoomed).abs() < 1e-3,
        "the back view is as it was left: {back} vs {zoomed}"
    );
}

/// Issue #17, links that are not what they show: a zone is linked to the selected trigger
/// point only when both are on the view being painted; any trigger point of the session, on
/// any view, can be chosen in the inspector, which shows the true link.
#[test]
fn a_zone_links_only_a_trigger_point_in_sight_and_any_view_can_be_linked_in_the_inspector() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = new_session(data.path());
    harness.get_by_label("Back").click();
    harness.run_ok();
    harness.get_by_label("Trigger point").click();
    harness.run_ok();
    let pos = screen_of(&harness, MapPoint::new(130.0, 300.0));
    click_at(&mut harness, pos);
    let trapezius = harness
        .state()
        .document()
        .expect("open")
        .session()
        .trigger_points[0]
        .id;

    // Painted on the same view with the trigger point selected: linked.
    harness.get_by_label("Pain brush").click();
    harness.run_ok();
    let stroke: Vec<egui::Pos2> = [(150.0, 250.0), (160.0, 240.0), (170.0, 230.0)]
        .into_iter()
        .map(|(x, y)| screen_of(&harness, MapPoint::new(x, y)))
        .collect();
    drag(&mut harness, &stroke);
    let zones = |harness: &Harness<'_, MyomapApp>| {
        harness
            .state()
            .document()
            .expect("open")
            .session()
            .referred_zones
            .iter()
            .map(|z| (z.view.as_str().to_owned(), z.source))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        zones(&harness),
        vec![("posterior".to_owned(), Some(trapezius))]
    );

    // A trigger point selected on the back, then a zone painted on the front: not linked,
    // as the clinician cannot see the trigger point there.
    harness.get_by_label("Trigger point").click();
    harness.run_ok();
    let pos = screen_of(&harness, MapPoint::new(110.0, 870.0));
    click_at(&mut harness, pos);
    harness.get_by_label("Front").click();
    harness.run_ok();
    harness.get_by_label("Pain brush").click();
    harness.run_ok();
    let stroke: Vec<egui::Pos2> = [(-60.0, 520.0), (-70.0, 530.0), (-80.0, 540.0)]
        .into_iter()
        .map(|(x, y)| screen_of(&harness, MapPoint::new(x, y)))
        .collect();
    drag(&mut harness, &stroke);
    assert_eq!(zones(&harness)[1], ("anterior".to_owned(), None));

    // The inspector offers the back's trigger points for the front's zone and makes the link.
    harness.get_by_label("Referred from").click();
    harness.run_ok();
    // The option in the open list (the canvas names its marks the same way).
    let options: Vec<_> = harness
        .get_all_by_label("Trigger point, right upper trapezius, active")
        .collect();
    options.last().expect("offered").click();
    harness.run_ok();
    assert_eq!(zones(&harness)[1], ("anterior".to_owned(), Some(trapezius)));
    let shown = harness.get_by_label("Referred from").accesskit_node();
    let shown = format!("{:?} {:?}", shown.value(), shown.label());
    assert!(
        shown.contains("right upper trapezius, active (Posterior)"),
        "the link is shown with its view: {shown}"
    );
}
