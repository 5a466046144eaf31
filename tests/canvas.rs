//! The body-map canvas driven like a user would: switching views and layers from the
//! toolbar, hovering a muscle, the patient-facing mirror, zooming at the cursor.

mod common;

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use myomap::app::MyomapApp;
use myomap::geometry::MapPoint;
use myomap::model::Side;

/// The app with a demo session open (the runner's first visit: right hip, posterior view).
fn open_demo_session(data: &Path) -> Harness<'static, MyomapApp> {
    let library = common::demo_library(data);
    let session = common::demo_sessions(&library, "102").remove(0);
    common::app(data, Some(library), Some(session), Vec::new())
}

fn hover(harness: &mut Harness<'_, MyomapApp>, at: MapPoint) -> egui::Pos2 {
    let pos = harness
        .state()
        .canvas()
        .memory
        .screen_pos(at)
        .expect("the canvas has been shown");
    harness.hover_at(pos);
    harness.run_ok();
    pos
}

fn top_muscle(harness: &Harness<'_, MyomapApp>) -> Option<(String, Side)> {
    let hover = harness.state().canvas().hover.clone()?;
    hover.muscles.first().map(|m| (m.muscle.clone(), m.side))
}

fn canvas_label(harness: &Harness<'_, MyomapApp>) -> String {
    harness
        .get_by_label_contains("Body map, ")
        .accesskit_node()
        .label()
        .unwrap_or_default()
}

#[test]
fn the_toolbar_switches_views_and_the_canvas_names_the_muscle_under_the_pointer() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = open_demo_session(data.path());
    harness.get_by_label("Back").click();
    harness.run_ok();
    assert_eq!(harness.state().canvas().memory.view.as_str(), "posterior");
    assert!(canvas_label(&harness).starts_with("Body map, Posterior"));

    // The patient's right buttock is on the viewer's right of a posterior view.
    let pos = hover(&mut harness, MapPoint::new(110.0, 870.0));
    assert!(
        pos.x
            > harness
                .state()
                .canvas()
                .memory
                .screen_pos(MapPoint::new(0.0, 870.0))
                .expect("shown")
                .x
    );
    assert_eq!(
        top_muscle(&harness),
        Some(("gluteus_maximus".to_owned(), Side::Right))
    );
    let label = canvas_label(&harness);
    assert!(label.contains("Right gluteus maximus"), "{label}");
    assert!(label.contains("Right buttock"), "{label}");

    harness.get_by_label("Front").click();
    harness.run_ok();
    assert_eq!(harness.state().canvas().memory.view.as_str(), "anterior");
    // On the anterior view the patient's right is on the viewer's left.
    let pos = hover(&mut harness, MapPoint::new(-90.0, 400.0));
    assert!(
        pos.x
            < harness
                .state()
                .canvas()
                .memory
                .screen_pos(MapPoint::new(0.0, 400.0))
                .expect("shown")
                .x
    );
    assert_eq!(
        top_muscle(&harness),
        Some(("pectoralis_major".to_owned(), Side::Right))
    );
}

#[test]
fn mirroring_for_the_patient_moves_the_drawing_but_keeps_the_sides_right() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = open_demo_session(data.path());
    harness.get_by_label("Front").click();
    harness.run_ok();
    let right_pec = MapPoint::new(-90.0, 400.0);
    let midline = MapPoint::new(0.0, 400.0);
    let canvas = harness.state().canvas();
    let before = canvas.memory.screen_pos(right_pec).expect("shown").x
        - canvas.memory.screen_pos(midline).expect("shown").x;
    assert!(
        before < 0.0,
        "examiner's view: patient's right on the viewer's left"
    );

    harness.get_by_label("Mirror for patient").click();
    harness.run_ok();
    let canvas = harness.state().canvas();
    assert!(canvas.memory.mirrored);
    let after = canvas.memory.screen_pos(right_pec).expect("shown").x
        - canvas.memory.screen_pos(midline).expect("shown").x;
    assert!(
        (after + before).abs() < 0.5 && after > 0.0,
        "mirrored: {before} -> {after}"
    );
    hover(&mut harness, right_pec);
    assert_eq!(
        top_muscle(&harness),
        Some(("pectoralis_major".to_owned(), Side::Right)),
        "the mirrored drawing still names the patient's right"
    );
}

#[test]
fn the_deep_layer_shows_and_names_the_deep_muscles() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = open_demo_session(data.path());
    harness.get_by_label("Back").click();
    harness.run_ok();
    let piriformis = MapPoint::new(100.0, 822.0);
    hover(&mut harness, piriformis);
    assert_eq!(
        top_muscle(&harness).map(|m| m.0),
        Some("gluteus_maximus".to_owned()),
        "superficial layer: the gluteus maximus covers it"
    );
    harness.get_by_label("Muscle layers").click();
    harness.run_ok();
    harness.get_by_label("Deep").click();
    harness.run_ok();
    hover(&mut harness, piriformis);
    assert_eq!(
        top_muscle(&harness),
        Some(("piriformis".to_owned(), Side::Right))
    );
    assert!(canvas_label(&harness).contains("Right piriformis (deep)"));
    harness.get_by_label("Muscle layers").click();
    harness.run_ok();
    harness.get_by_label("Both layers").click();
    harness.run_ok();
    hover(&mut harness, piriformis);
    let hover_now = harness.state().canvas().hover.clone().expect("hovering");
    let names: Vec<&str> = hover_now
        .muscles
        .iter()
        .map(|m| m.muscle.as_str())
        .collect();
    assert_eq!(names.first(), Some(&"gluteus_maximus"), "{names:?}");
    assert!(names.contains(&"piriformis"), "{names:?}");
}

#[test]
fn zooming_keeps_the_point_under_the_cursor_and_fit_restores_the_view() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = open_demo_session(data.path());
    harness.get_by_label("Back").click();
    harness.run_ok();
    let point = MapPoint::new(110.0, 870.0);
    let pos = hover(&mut harness, point);
    harness.event(egui::Event::Zoom(2.0));
    harness.run_ok();
    let canvas = harness.state().canvas();
    assert!(
        (canvas.memory.zoom() - 2.0).abs() < 0.05,
        "zoom {}",
        canvas.memory.zoom()
    );
    let still = canvas.memory.screen_pos(point).expect("shown");
    assert!(still.distance(pos) < 1.0, "{pos:?} moved to {still:?}");
    assert_eq!(
        top_muscle(&harness).map(|m| m.0),
        Some("gluteus_maximus".to_owned())
    );

    harness.get_by_label("Fit").click();
    harness.run_ok();
    assert!((harness.state().canvas().memory.zoom() - 1.0).abs() < 1e-3);
}

/// A small diagram image for custom views.
fn write_diagram(path: &Path) {
    let image = image::RgbaImage::from_fn(300, 400, |x, y| {
        if (60..240).contains(&x) && (40..360).contains(&y) {
            image::Rgba([230, 200, 180, 255])
        } else {
            image::Rgba([255, 255, 255, 255])
        }
    });
    image.save(path).expect("png written");
}

#[test]
fn a_custom_view_is_added_from_an_image_shown_in_the_switcher_and_keeps_its_marks() {
    let data = tempfile::tempdir().expect("temp dir");
    let diagram = data.path().join("hand_dorsal.png");
    write_diagram(&diagram);
    let library = common::demo_library(data.path());
    let session_path = common::demo_sessions(&library, "102").remove(0);
    // A session with a note on a view this library does not have (yet).
    let mut session = myomap::storage::load_session(&session_path).expect("loads");
    session.text_notes.push(myomap::model::TextNote {
        id: session.next_mark_id(),
        view: myomap::geometry::ViewId::new("hand_dorsal"),
        at: MapPoint::new(150.0, 200.0),
        text: "Ganglion?".into(),
    });
    std::fs::write(
        &session_path,
        myomap::storage::encode(&session).expect("encodes"),
    )
    .expect("written");

    let mut harness = common::app(
        data.path(),
        Some(library.clone()),
        Some(session_path.clone()),
        vec![Some(diagram.clone())],
    );
    let warned = harness
        .state()
        .notifications()
        .all()
        .iter()
        .any(|n| n.text.contains("\"hand_dorsal\""));
    assert!(warned, "opening warns about the missing view");
    harness.get_by_label("Detail views").click();
    harness.run_ok();
    harness.get_by_label("hand_dorsal (missing)").scroll_to_me();
    harness.run_ok();
    harness.get_by_label("hand_dorsal (missing)").click();
    harness.run_ok();
    assert!(canvas_label(&harness).contains("(missing)"));

    // File → Add custom view from an image…, then name it.
    harness.get_by_label("File").click();
    harness.run_ok();
    harness
        .get_by_label_contains("Add custom view from an image")
        .click();
    harness.run_ok();
    harness.get_by_label("Add view").click();
    harness.run_ok();
    assert!(library.join("views").join("hand_dorsal.ron").is_file());
    assert!(library.join("views").join("hand_dorsal.png").is_file());
    assert_eq!(harness.state().canvas().memory.view.as_str(), "hand_dorsal");
    assert!(
        canvas_label(&harness).starts_with("Body map, hand dorsal"),
        "{}",
        canvas_label(&harness)
    );
    // The note is on the diagram, in the image's own pixels.
    let pos = harness
        .state()
        .canvas()
        .memory
        .screen_pos(MapPoint::new(150.0, 200.0))
        .expect("shown");
    let canvas_rect = harness.get_by_label_contains("Body map, ").rect();
    assert!(canvas_rect.contains(pos));
    // The view is in the switcher by its name; the "missing" entry is gone.
    harness.get_by_label("Back").click();
    harness.run_ok();
    harness.get_by_label("Detail views").click();
    harness.run_ok();
    assert!(harness.query_by_label("hand_dorsal (missing)").is_none());
    harness.get_by_label("hand dorsal").scroll_to_me();
    harness.run_ok();
    harness.get_by_label("hand dorsal").click();
    harness.run_ok();
    assert_eq!(harness.state().canvas().memory.view.as_str(), "hand_dorsal");

    // The descriptor passes `check`.
    let report = myomap::check::check_paths(&[library.join("views")]);
    assert!(report.is_ok(), "{:?}", report.problems);
    assert_eq!(report.files_checked, 1);
}

#[test]
fn the_safety_zone_overlay_toggles_and_the_pointer_names_the_zone() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = open_demo_session(data.path());
    harness.get_by_label("Back").click();
    harness.run_ok();
    assert!(
        !harness.state().canvas().memory.safety_zones,
        "off by default"
    );
    harness.get_by_label("Safety zones").click();
    harness.run_ok();
    assert!(harness.state().canvas().memory.safety_zones);

    // The middle of the right popliteal fossa, then the calf below it.
    hover(&mut harness, MapPoint::new(85.0, 1250.0));
    let hover_state = harness.state().canvas().hover.clone().expect("hovering");
    assert_eq!(hover_state.safety, ["Popliteal fossa"]);
    assert!(
        canvas_label(&harness).contains("⚠ Popliteal fossa"),
        "{}",
        canvas_label(&harness)
    );
    hover(&mut harness, MapPoint::new(90.0, 1450.0));
    let hover_state = harness.state().canvas().hover.clone().expect("hovering");
    assert!(hover_state.safety.is_empty());
}

#[test]
fn the_dermatome_overlay_is_switched_on_from_the_toolbar_and_named_by_the_canvas() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = open_demo_session(data.path());
    harness.get_by_label("Back").click();
    harness.run_ok();
    assert!(
        harness.state().canvas().memory.overlays.is_empty(),
        "off by default"
    );
    assert!(!canvas_label(&harness).contains("Dermatomes"));
    harness.get_by_label("Overlays").click();
    harness.run_ok();
    harness.get_by_label("Dermatomes").click();
    harness.run_ok();
    let shown = harness.state().canvas().memory.overlays;
    assert!(shown.dermatomes && !shown.cutaneous_nerves && !shown.bony_landmarks);
    // The canvas says what it shows, and the dermatomes are drawn on the back.
    assert!(
        canvas_label(&harness).contains("showing Dermatomes"),
        "{}",
        canvas_label(&harness)
    );
    // Switched off again (the menu closed on the click), the canvas no longer names them.
    harness.get_by_label("Overlays").click();
    harness.run_ok();
    harness.get_by_label("Dermatomes").click();
    harness.run_ok();
    assert!(harness.state().canvas().memory.overlays.is_empty());
    assert!(!canvas_label(&harness).contains("Dermatomes"));
}
