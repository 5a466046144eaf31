//! The command-line contract: `demo`, `check`, `maps`, `render-map`, their exit codes and messages.

mod common;

use std::path::Path;
use std::process::Output;

use common::{myomap, path_str, stderr, stdout};

fn no_panic(output: &Output) {
    let err = stderr(output);
    assert!(!err.contains("panicked"), "{err}");
    assert_ne!(output.status.code(), Some(101), "{err}");
}

#[test]
fn demo_library_checks_clean() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lib = dir.path().join("demo");
    let output = myomap(&["demo", path_str(&lib)]);
    assert!(output.status.success(), "{}", stderr(&output));
    let output = myomap(&["check", path_str(&lib)]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("16 files checked, no problems"));

    // Writing the demo again over it is refused, and nothing is changed.
    let output = myomap(&["demo", path_str(&lib)]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stderr(&output).lines().count(), 1, "{}", stderr(&output));
}

#[test]
fn check_reports_each_bad_file_with_position_and_fails() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lib = dir.path().join("demo");
    assert!(myomap(&["demo", path_str(&lib)]).status.success());
    let session = walk(&lib)
        .into_iter()
        .find(|p| p.to_string_lossy().contains("sessions"))
        .expect("a session file");
    let text = std::fs::read_to_string(&session).expect("read");

    let truncated = dir.path().join("truncated.ron");
    std::fs::write(&truncated, &text[..text.len() / 2]).expect("write");
    let output = myomap(&["check", path_str(&truncated)]);
    assert_eq!(output.status.code(), Some(1));
    let line = stdout(&output);
    let rest = line
        .strip_prefix(&format!("{}:", truncated.display()))
        .expect("starts with the path");
    let mut parts = rest.splitn(3, ':');
    let line_no: usize = parts.next().and_then(|l| l.parse().ok()).expect("line");
    let col: usize = parts.next().and_then(|c| c.parse().ok()).expect("col");
    assert!(line_no > 1 && col >= 1, "{line}");

    let garbage = dir.path().join("garbage.ron");
    std::fs::write(&garbage, [0u8, 159, 146, 150, 0xff, 7, 7, 0, 1, 2]).expect("write");
    let output = myomap(&["check", path_str(&garbage)]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output).lines().count(), 1);
    assert!(stdout(&output).contains("binary"), "{}", stdout(&output));

    let newer = dir.path().join("newer.ron");
    std::fs::write(
        &newer,
        text.replace(
            &format!(
                "format_version: {}",
                myomap::storage::SESSION_FORMAT_VERSION
            ),
            "format_version: 999",
        ),
    )
    .expect("write");
    let output = myomap(&["check", path_str(&newer)]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output).lines().count(), 1);
    assert!(stdout(&output).contains("999"), "{}", stdout(&output));

    // A folder with one bad file among good ones fails, naming only the bad one.
    std::fs::copy(
        &truncated,
        session.with_file_name("2030-01-01-deadbeef.ron"),
    )
    .expect("copy");
    let output = myomap(&["check", path_str(&lib)]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output).lines().count(), 1, "{}", stdout(&output));
}

#[test]
fn check_flags_content_problems_at_the_mark() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lib = dir.path().join("demo");
    assert!(myomap(&["demo", path_str(&lib)]).status.success());
    let session = walk(&lib)
        .into_iter()
        .find(|p| p.to_string_lossy().contains("sessions"))
        .expect("a session file");
    let text = std::fs::read_to_string(&session).expect("read");
    let bad = text.replacen("pain_before: Some(7)", "pain_before: Some(12)", 1);
    assert_ne!(bad, text);
    std::fs::write(&session, bad).expect("write");
    let output = myomap(&["check", path_str(&session)]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("pain_before is 12, outside the range myomap takes there (0–10)"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn bad_input_never_panics_and_says_one_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("missing.ron");
    let empty = dir.path().join("empty.ron");
    std::fs::write(&empty, "").expect("write");
    for args in [
        vec!["check", path_str(&missing)],
        vec!["check", path_str(&empty)],
        vec!["open", path_str(&missing)],
        vec!["open", path_str(&empty)],
        vec!["open", path_str(dir.path())],
    ] {
        let output = myomap(&args);
        no_panic(&output);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let all = format!("{}{}", stdout(&output), stderr(&output));
        assert!(!all.trim().is_empty(), "{args:?} says something");
    }
    for args in [vec!["check"], vec!["no-such-command"], vec!["demo"]] {
        let output = myomap(&args);
        no_panic(&output);
        assert_eq!(output.status.code(), Some(2), "usage errors: {args:?}");
    }
}

#[test]
fn every_command_has_help() {
    for args in [
        vec!["--help"],
        vec!["open", "--help"],
        vec!["demo", "--help"],
        vec!["check", "--help"],
    ] {
        let output = myomap(&args);
        assert!(output.status.success(), "{args:?}");
        assert!(stdout(&output).contains("Usage: myomap"), "{args:?}");
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn maps_json_lists_views_muscles_and_regions() {
    let output = myomap(&["maps", "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let views = json["views"].as_array().expect("views");
    let view = |id: &str| {
        views
            .iter()
            .find(|v| v["id"] == id)
            .unwrap_or_else(|| panic!("no view {id}"))
    };
    for id in [
        "anterior",
        "posterior",
        "left_lateral",
        "right_lateral",
        "head_anterior",
        "head_posterior",
        "head_left_lateral",
        "head_right_lateral",
    ] {
        assert!(!view(id)["muscles"].as_array().expect("muscles").is_empty());
    }
    let on = |id: &str, muscle: &str| {
        view(id)["muscles"]
            .as_array()
            .expect("muscles")
            .iter()
            .any(|m| m == muscle)
    };
    assert!(on("posterior", "piriformis"));
    assert!(on("anterior", "pectoralis_major"));
    assert!(on("head_right_lateral", "masseter"));
    assert!(!on("anterior", "piriformis"));
    let muscles = json["muscles"].as_array().expect("muscles");
    assert!(
        muscles
            .iter()
            .any(|m| m["id"] == "upper_trapezius" && m["name"] == "Upper trapezius")
    );
    // Every muscle listed on a view is defined.
    for v in views {
        for m in v["muscles"].as_array().expect("muscles") {
            assert!(muscles.iter().any(|d| d["id"] == *m), "{m} undefined");
        }
    }
    let regions = json["regions"].as_array().expect("regions");
    let wpi = regions.iter().filter(|r| r["set"] == "wpi").count();
    assert_eq!(wpi, 19);
    assert!(
        regions
            .iter()
            .any(|r| r["id"] == "right_lateral_thigh" && r["set"] == "locations")
    );
    let text = myomap(&["maps"]);
    assert!(stdout(&text).contains("posterior"));
}

#[test]
fn maps_json_gives_every_muscles_and_regions_outline_in_view_millimetres() {
    let output = myomap(&["maps", "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let map = &myomap::bodymap::standard().map;
    let polygon_ok = |polygon: &serde_json::Value| {
        let points = polygon.as_array().expect("a polygon is a list of points");
        points.len() >= 3
            && points.iter().all(|p| {
                let xy = p.as_array().expect("a point is [x, y]");
                xy.len() == 2
                    && xy[0].as_f64().is_some_and(|x| x.abs() <= 500.0)
                    && xy[1].as_f64().is_some_and(|y| (0.0..=1800.0).contains(&y))
            })
    };
    let views = json["views"].as_array().expect("views");
    assert_eq!(views.len(), map.views.len());
    for (view, drawn) in views.iter().zip(&map.views) {
        assert_eq!(view["id"], drawn.id.as_str());
        let outline = view["outline"].as_array().expect("outline");
        assert_eq!(outline.len(), drawn.outline.len());
        assert!(outline.iter().all(polygon_ok), "{}", drawn.id);
        let shapes = view["muscle_shapes"].as_array().expect("muscle shapes");
        // Every region of the view is in one of its muscle's polygons, with its side.
        let polygons: usize = shapes
            .iter()
            .map(|s| s["polygons"].as_array().expect("polygons").len())
            .sum();
        assert_eq!(polygons, drawn.muscles.len(), "{}", drawn.id);
        for shape in shapes {
            assert!(["superficial", "deep"].contains(&shape["layer"].as_str().expect("layer")));
            assert!(["left", "right", "midline"].contains(&shape["side"].as_str().expect("side")));
            assert!(!shape["name"].as_str().expect("name").is_empty());
            assert!(
                shape["polygons"]
                    .as_array()
                    .expect("polygons")
                    .iter()
                    .all(polygon_ok)
            );
        }
        for region in view["region_shapes"].as_array().expect("region shapes") {
            assert!(region["set"].is_string() && region["id"].is_string());
            assert!(
                region["polygons"]
                    .as_array()
                    .expect("polygons")
                    .iter()
                    .all(polygon_ok)
            );
        }
    }
    // The right upper trapezius on the posterior view lies at +x (the patient's right).
    let posterior = views
        .iter()
        .find(|v| v["id"] == "posterior")
        .expect("posterior");
    let trapezius = posterior["muscle_shapes"]
        .as_array()
        .expect("muscle shapes")
        .iter()
        .find(|s| s["id"] == "upper_trapezius" && s["side"] == "right")
        .expect("the right upper trapezius");
    assert_eq!(trapezius["name"], "Upper trapezius");
    let points = trapezius["polygons"][0].as_array().expect("points");
    let mean_x = points.iter().filter_map(|p| p[0].as_f64()).sum::<f64>() / points.len() as f64;
    assert!(mean_x > 30.0, "{mean_x}");
    // Region sets name their regions; every region listed is in one.
    let sets = json["region_sets"].as_array().expect("region sets");
    let wpi = sets.iter().find(|s| s["id"] == "wpi").expect("the WPI set");
    assert_eq!(wpi["regions"].as_array().expect("ids").len(), 19);
    let anterior = views
        .iter()
        .find(|v| v["id"] == "anterior")
        .expect("anterior");
    assert!(
        anterior["region_shapes"]
            .as_array()
            .expect("region shapes")
            .iter()
            .any(|r| r["set"] == "wpi")
    );

    // The summary counts views, distinct muscles and patterns.
    let text = stdout(&myomap(&["maps"]));
    let patterns = myomap::education::referral_library().patterns.len();
    let counts = format!("{} views, ", map.views.len());
    assert!(text.contains(&counts), "{text}");
    assert!(
        text.contains(&format!("{patterns} referral patterns")),
        "{text}"
    );
    assert!(text.contains("distinct muscles drawn"), "{text}");
}

#[test]
fn render_map_draws_the_overlays_named_and_refuses_unknown_ones() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plain = dir.path().join("plain.png");
    let overlaid = dir.path().join("dermatomes.png");
    let render = |out: &std::path::Path, extra: &[&str]| {
        let mut args = vec![
            "render-map",
            "--view",
            "anterior",
            "--height",
            "500",
            "-o",
            path_str(out),
        ];
        args.extend_from_slice(extra);
        myomap(&args)
    };
    assert!(render(&plain, &[]).status.success());
    let output = render(&overlaid, &["--overlay", "dermatomes,bony_landmarks"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let (a, b) = (
        image::open(&plain).expect("png").to_rgb8(),
        image::open(&overlaid).expect("png").to_rgb8(),
    );
    assert_eq!(a.dimensions(), b.dimensions());
    let changed = a.pixels().zip(b.pixels()).filter(|(p, q)| p != q).count();
    assert!(changed > 5_000, "only {changed} pixels differ");
    let bad = render(
        &dir.path().join("x.png"),
        &["--overlay", "acupuncture_points"],
    );
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("dermatomes"), "{}", stderr(&bad));
}

#[test]
fn render_map_writes_a_png_and_never_overwrites_without_force() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("posterior.png");
    let args = [
        "render-map",
        "--view",
        "posterior",
        "-o",
        path_str(&out),
        "--height",
        "600",
    ];
    let output = myomap(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    let image = image::open(&out).expect("a PNG").to_rgba8();
    assert_eq!(image.height(), 600);
    // Not blank: the middle of the back differs from the corner.
    let (w, h) = (image.width(), image.height());
    assert_ne!(image.get_pixel(w / 2, h / 4), image.get_pixel(1, h - 2));

    let again = myomap(&args);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("--force"), "{}", stderr(&again));
    let mut forced = args.to_vec();
    forced.push("--force");
    assert!(myomap(&forced).status.success());

    let bad = myomap(&[
        "render-map",
        "--view",
        "dorsal_fin",
        "-o",
        path_str(&out),
        "--force",
    ]);
    no_panic(&bad);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad).contains("anterior"),
        "names the views: {}",
        stderr(&bad)
    );
}

fn compare_json(a: &Path, b: &Path) -> serde_json::Value {
    let output = myomap(&["compare", path_str(a), path_str(b), "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    serde_json::from_slice(&output.stdout).expect("JSON")
}

#[test]
fn compare_tells_the_demo_story_and_is_consistent_both_ways() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lib = dir.path().join("demo");
    assert!(myomap(&["demo", path_str(&lib)]).status.success());
    let runner = lib.join("patients/00010000-0000-0000-0000-000000000102/sessions");
    let mut visits: Vec<_> = std::fs::read_dir(&runner)
        .expect("sessions")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    visits.sort();
    let (first, last) = (&visits[0], &visits[visits.len() - 1]);

    let forward = compare_json(first, last);
    for side in ["a", "b"] {
        for key in [
            "extent_percent",
            "active_trigger_points",
            "latent_trigger_points",
            "needles",
            "wpi_areas",
        ] {
            assert!(forward[side][key].is_number(), "{side}.{key} in {forward}");
        }
    }
    // The runner's story: less pain, fewer active trigger points, the hip resolved.
    assert!(forward["b"]["extent_percent"].as_f64() < forward["a"]["extent_percent"].as_f64());
    assert!(
        forward["b"]["active_trigger_points"].as_u64()
            < forward["a"]["active_trigger_points"].as_u64()
    );
    assert!(forward["trigger_points"]["resolved"].as_u64() > Some(0));
    assert_eq!(forward["within_measurement_error"], false);

    let backward = compare_json(last, first);
    assert_eq!(
        forward["jaccard"], backward["jaccard"],
        "Jaccard is symmetric"
    );
    assert_eq!(
        forward["trigger_points"]["new"],
        backward["trigger_points"]["resolved"]
    );
    assert_eq!(
        forward["trigger_points"]["resolved"],
        backward["trigger_points"]["new"]
    );

    let same = compare_json(first, first);
    assert_eq!(same["jaccard"], 1.0);
    assert_eq!(same["trigger_points"]["new"], 0);
    assert_eq!(same["trigger_points"]["resolved"], 0);
    assert_eq!(same["within_measurement_error"], true);

    let table = myomap(&["compare", path_str(first), path_str(last)]);
    assert!(
        stdout(&table).contains("trigger points:"),
        "{}",
        stdout(&table)
    );
    let other_patient = lib.join("patients/00010000-0000-0000-0000-000000000101/sessions");
    let other = std::fs::read_dir(&other_patient)
        .expect("sessions")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "ron"))
        .expect("a session");
    let mixed = myomap(&["compare", path_str(first), path_str(&other)]);
    no_panic(&mixed);
    assert_eq!(mixed.status.code(), Some(1));
    assert!(stderr(&mixed).contains("different patients"));
}
