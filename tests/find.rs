//! `myomap find`: searching a library by location, from its index.

mod common;

use std::process::{Command, Stdio};

use common::{myomap, path_str, stderr, stdout};

fn find_json(lib: &std::path::Path, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["find", path_str(lib)];
    all.extend_from_slice(args);
    all.push("--json");
    let output = myomap(&all);
    assert!(output.status.success(), "{}", stderr(&output));
    serde_json::from_str(&stdout(&output)).expect("JSON")
}

#[test]
fn find_answers_the_three_questions_of_the_issue_on_the_demo_library() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lib = dir.path().join("demo");
    assert!(myomap(&["demo", path_str(&lib)]).status.success());

    // Patients with an active trigger point in the right upper trapezius since a date.
    let trapezius = find_json(
        &lib,
        &[
            "--muscle",
            "upper_trapezius",
            "--side",
            "right",
            "--status",
            "active",
            "--since",
            "2026-09-01",
        ],
    );
    assert_eq!(trapezius["patients"], 1);
    assert_eq!(trapezius["visits_searched"], 12);
    for visit in trapezius["visits"].as_array().expect("visits") {
        assert!(
            visit["patient"]
                .as_str()
                .is_some_and(|p| p.starts_with("Claire"))
        );
        assert!(visit["date"].as_str() >= Some("2026-09-01"));
        assert!(
            visit["matched"][0]
                .as_str()
                .is_some_and(|m| m.contains("active trigger point, right upper trapezius"))
        );
        assert!(std::path::Path::new(visit["file"].as_str().expect("file")).exists());
    }

    // Needle sites in the lung safety zone.
    let lung = find_json(&lib, &["--zone", "lung_apex"]);
    assert!(lung["count"].as_u64() > Some(0));

    // Pain drawings touching the right lateral thigh.
    let thigh = find_json(&lib, &["--region", "right_lateral_thigh"]);
    let patients: Vec<&str> = thigh["visits"]
        .as_array()
        .expect("visits")
        .iter()
        .filter_map(|v| v["patient"].as_str())
        .collect();
    assert!(
        !patients.is_empty() && patients.iter().all(|p| p.starts_with("Tomás")),
        "{patients:?}"
    );

    // An unknown id is a typing error, never an empty answer.
    let output = myomap(&["find", path_str(&lib), "--muscle", "upper_trapz"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("no such muscle"),
        "{}",
        stderr(&output)
    );
    let output = myomap(&["find", path_str(&lib)]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("say what to find"),
        "{}",
        stderr(&output)
    );
    let output = myomap(&["find", path_str(dir.path()), "--zone", "lung_apex"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("not a myomap library"),
        "{}",
        stderr(&output)
    );
    let output = myomap(&[
        "find",
        path_str(&lib),
        "--zone",
        "lung_apex",
        "--since",
        "last week",
    ]);
    assert!(
        stderr(&output).contains("write YYYY-MM-DD"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_reader_that_stops_early_ends_the_command_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_myomap"))
        .args(["maps"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    // The reader goes away before the command writes (it first reads the body map, tens of
    // milliseconds), as `| head -0` would: every line it writes meets a closed pipe.
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("ends");
    assert!(output.status.success(), "{output:?}");
    assert!(
        !String::from_utf8_lossy(&output.stderr).contains("panicked"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
