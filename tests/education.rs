//! Patient education through the real UI and the command line: presentation mode with a
//! muscle's pattern and caption, the reverse lookup from the open session's pain drawing, and
//! `myomap refer`.

mod common;

use common::myomap;

use egui_kittest::kittest::{NodeT as _, Queryable as _};
use myomap::education::referral_library;
use myomap::model::Side;

fn has_text(harness: &egui_kittest::Harness<'_, myomap::app::MyomapApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

#[test]
fn presentation_shows_a_pattern_with_its_caption_and_exit_restores_charting() {
    let data = tempfile::tempdir().expect("temp dir");
    let library = common::demo_library(data.path());
    let session = common::demo_sessions(&library, "101").remove(0);
    let mut harness = common::app(data.path(), Some(library), Some(session), Vec::new());
    harness.get_by_label("Detail views").click();
    harness.run_ok();
    harness.get_by_label("Head and neck, posterior").click();
    harness.run_ok();
    let before_view = harness.state().canvas().memory.view.clone();
    let before_zoom = harness.state().canvas().memory.zoom_and_centre();
    assert!(
        has_text(&harness, "Claire Bennett"),
        "the patient list is shown while charting"
    );

    harness.get_by_label("Present to the patient (F11)").click();
    harness.run_ok();
    assert!(harness.state().presentation().is_some());
    // Nothing clinical or about other patients on the patient's screen.
    assert!(!has_text(&harness, "Claire Bennett"));
    assert!(!has_text(&harness, "Margaret Oduya"));
    assert!(harness.query_by_label("File").is_none());
    assert!(!has_text(&harness, "Clinical record"));

    // The list is longer than the panel: bring the muscle into view first, as a user scrolls.
    harness.get_by_label("Upper trapezius").scroll_to_me();
    harness.run_ok();
    harness.get_by_label("Upper trapezius").click();
    harness.run_ok();
    let caption = &referral_library()
        .pattern("upper_trapezius")
        .expect("pattern")
        .caption;
    assert!(has_text(&harness, caption), "the caption is shown");
    assert_eq!(
        harness.state().presentation().and_then(|p| p.chosen()),
        Some(("upper_trapezius", Side::Right))
    );

    harness.get_by_label("Exit presentation").click();
    harness.run_ok();
    assert!(harness.state().presentation().is_none());
    assert_eq!(
        harness.state().canvas().memory.view,
        before_view,
        "same view as before"
    );
    assert_eq!(
        harness.state().canvas().memory.zoom_and_centre(),
        before_zoom,
        "same zoom"
    );
    assert!(has_text(&harness, "Clinical record"));
    assert!(has_text(&harness, "Claire Bennett"));
    assert!(
        harness.state().document().is_some(),
        "the session is still open"
    );
}

#[test]
fn the_pain_drawing_is_matched_and_a_candidate_ghosted_over_it() {
    let data = tempfile::tempdir().expect("temp dir");
    let library = common::demo_library(data.path());
    let session = common::demo_sessions(&library, "102").remove(0);
    let mut harness = common::app(data.path(), Some(library), Some(session), Vec::new());
    harness.key_press(egui::Key::F11);
    harness.run_ok();
    assert!(harness.state().presentation().is_some(), "F11 presents");
    harness.get_by_label("Match my pain drawing").click();
    harness.run_ok();
    assert!(has_text(&harness, "Patterns most like your pain drawing"));
    let first = harness
        .query_all_by_label_contains(" %")
        .next()
        .expect("a ranked candidate")
        .accesskit_node()
        .label()
        .unwrap_or_default();
    harness.get_by_label(&first).click();
    harness.run_ok();
    let chosen = harness
        .state()
        .presentation()
        .and_then(|p| p.chosen())
        .map(|(m, s)| (m.to_owned(), s));
    assert!(chosen.is_some(), "the candidate is shown");
    // The runner's lateral hip pain: a gluteal or lateral-thigh muscle, on the right.
    let (muscle, side) = chosen.expect("chosen");
    assert_eq!(side, Side::Right, "{muscle}");
    harness.key_press(egui::Key::Escape);
    harness.run_ok();
    assert!(harness.state().presentation().is_none(), "Esc leaves");
}

#[test]
fn refer_lists_every_pattern_and_ranks_a_sessions_drawing() {
    let output = myomap(&["refer", "--list"]);
    assert!(output.status.success());
    let listed: Vec<String> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_owned)
        .collect();
    assert_eq!(listed.len(), referral_library().patterns.len());
    assert!(listed.len() >= 40);
    let map = &myomap::bodymap::standard().map;
    assert!(listed.iter().all(|id| map.muscle(id).is_some()));

    let data = tempfile::tempdir().expect("temp dir");
    let library = common::demo_library(data.path());
    let session = common::demo_sessions(&library, "101").remove(0);
    let path = session.to_str().expect("utf-8 path");
    let output = myomap(&["refer", path, "--top", "5", "--json"]);
    assert!(output.status.success(), "{output:?}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    let list = json.as_array().expect("an array");
    assert!(!list.is_empty() && list.len() <= 5);
    let scores: Vec<f64> = list
        .iter()
        .map(|c| c["score"].as_f64().expect("score"))
        .collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "best first: {scores:?}"
    );
    for candidate in list {
        let id = candidate["muscle"].as_str().expect("muscle id");
        assert!(map.muscle(id).is_some(), "{id}");
    }

    let text = myomap(&["refer", path]);
    assert!(text.status.success());
    assert!(String::from_utf8_lossy(&text.stdout).contains("not a diagnosis"));

    let missing = myomap(&["refer", "/nonexistent/session.ron"]);
    assert_eq!(missing.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&missing.stderr).lines().count(), 1);
    assert!(
        !myomap(&["refer"]).status.success(),
        "a session or --list is required"
    );
}

#[test]
fn refer_list_counts_views_muscles_and_patterns_on_standard_error() {
    let output = myomap(&["refer", "--list"]);
    assert!(output.status.success());
    let patterns = referral_library().patterns.len();
    // Standard output stays one id per line; the counts are on standard error.
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).lines().count(),
        patterns
    );
    let counts = String::from_utf8_lossy(&output.stderr).into_owned();
    let views = myomap::bodymap::standard().map.views.len();
    assert!(counts.contains(&format!("{views} views, ")), "{counts}");
    assert!(
        counts.contains(&format!("{patterns} referral patterns")),
        "{counts}"
    );
}

#[test]
fn refer_pattern_draws_the_pattern_as_presentation_shows_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("scalenes.png");
    let out_str = out.to_str().expect("utf-8 path");
    let args = [
        "refer",
        "--pattern",
        "anterior_scalene",
        "--side",
        "right",
        "--width",
        "500",
        "-o",
        out_str,
    ];
    let output = myomap(&args);
    assert!(output.status.success(), "{output:?}");
    let image = image::open(&out).expect("a PNG").to_rgb8();
    assert_eq!(image.width(), 500);
    assert!(
        image.height() > 1000,
        "a full-body view: {}",
        image.height()
    );
    // The pattern's teal, solid (the essential zone over the skin) and the dots, is drawn.
    let teal = myomap::scene::pattern::PATTERN_COLOUR;
    let near = |p: &image::Rgb<u8>, c: [u8; 4], tolerance: i32| {
        (0..3).all(|i| (i32::from(p.0[i]) - i32::from(c[i])).abs() <= tolerance)
    };
    let strong = image.pixels().filter(|p| near(p, teal, 30)).count();
    assert!(strong > 200, "{strong} pattern pixels");
    // The trigger point's slate X.
    let slate = myomap::scene::pattern::TRIGGER_X_COLOUR;
    assert!(image.pixels().filter(|p| near(p, slate, 20)).count() > 50);

    // Never over an existing file without --force; with it, replaced.
    let before = std::fs::read(&out).expect("read");
    let again = myomap(&args);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    let mut forced = args.to_vec();
    forced.push("--force");
    forced[6] = "400";
    assert!(myomap(&forced).status.success());
    assert_ne!(std::fs::read(&out).expect("read"), before);

    // The left side on a chosen view.
    let left = dir.path().join("left.png");
    let output = myomap(&[
        "refer",
        "--pattern",
        "upper_trapezius",
        "--side",
        "left",
        "--view",
        "posterior",
        "--width",
        "300",
        "-o",
        left.to_str().expect("utf-8"),
    ]);
    assert!(output.status.success(), "{output:?}");
    assert!(left.exists());
}

#[test]
fn refer_pattern_refuses_unknown_muscles_views_and_missing_arguments() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("x.png");
    let out_str = out.to_str().expect("utf-8 path");
    let refused = |args: &[&str], says: &str| {
        let output = myomap(args);
        assert!(output.status.code().is_some_and(|c| c != 0), "{args:?}");
        let message = String::from_utf8_lossy(&output.stderr).into_owned();
        assert!(message.contains(says), "{args:?}: {message}");
        assert!(!out.exists(), "nothing written for {args:?}");
    };
    refused(
        &[
            "refer",
            "--pattern",
            "gluteus_giganticus",
            "--side",
            "right",
            "-o",
            out_str,
        ],
        "myomap refer --list",
    );
    refused(
        &[
            "refer",
            "--pattern",
            "upper_trapezius",
            "--side",
            "right",
            "--view",
            "dorsal_fin",
            "-o",
            out_str,
        ],
        "myomap maps",
    );
    refused(
        &[
            "refer",
            "--pattern",
            "upper_trapezius",
            "--side",
            "right",
            "--view",
            "feet_plantar",
            "-o",
            out_str,
        ],
        "has no zones on feet_plantar",
    );
    refused(
        &["refer", "--pattern", "upper_trapezius", "-o", out_str],
        "--side",
    );
    refused(
        &[
            "refer",
            "--pattern",
            "upper_trapezius",
            "--side",
            "middle",
            "-o",
            out_str,
        ],
        "middle",
    );
}

#[test]
fn check_validates_the_referral_library_and_names_a_bad_muscle() {
    let shipped = concat!(env!("CARGO_MANIFEST_DIR"), "/body_maps");
    let output = myomap(&["check", shipped]);
    assert!(output.status.success(), "{output:?}");

    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(format!("{shipped}/referral_patterns.ron")).expect("read");
    let bad = dir.path().join("clinic.referral.ron");
    std::fs::write(
        &bad,
        text.replacen("muscle: \"soleus\"", "muscle: \"solius\"", 1),
    )
    .expect("write");
    let output = myomap(&["check", bad.to_str().expect("utf-8")]);
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("pattern solius: unknown muscle id") && stdout.contains(":"),
        "{stdout}"
    );
}

#[test]
fn a_muscle_picked_from_the_list_shows_on_the_side_of_the_pain_drawing() {
    // The nurse's pain is on her left.
    let data = tempfile::tempdir().expect("temp dir");
    let library = common::demo_library(data.path());
    let session = common::demo_sessions(&library, "103").remove(0);
    let mut harness = common::app(data.path(), Some(library), Some(session), Vec::new());
    harness.key_press(egui::Key::F11);
    harness.run_ok();
    harness.get_by_label("Find a muscle").focus();
    harness
        .get_by_label("Find a muscle")
        .type_text("quadratus lum");
    harness.run_ok();
    harness.get_by_label("Quadratus lumborum").click();
    harness.run_ok();
    assert_eq!(
        harness.state().presentation().and_then(|p| p.chosen()),
        Some(("quadratus_lumborum", Side::Left))
    );
}

#[test]
fn presentation_shows_the_bony_landmarks_beside_a_pattern() {
    let data = tempfile::tempdir().expect("temp dir");
    let library = common::demo_library(data.path());
    let session = common::demo_sessions(&library, "101").remove(0);
    let mut harness = common::app(data.path(), Some(library), Some(session), Vec::new());
    harness.key_press(egui::Key::F11);
    harness.run_ok();
    harness.get_by_label("Upper trapezius").click();
    harness.run_ok();
    harness.get_by_label("Bony landmarks").click();
    harness.run_ok();
    let canvas = harness
        .get_by_label_contains("Body map, ")
        .accesskit_node()
        .label()
        .unwrap_or_default();
    assert!(canvas.contains("showing Bony landmarks"), "{canvas}");
    assert!(has_text(&harness, "Bony landmarks"));
}
