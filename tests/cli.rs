//! The command-line contract: `demo`, `check` and their exit codes and messages.

use std::path::Path;
use std::process::{Command, Output};

fn myomap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_myomap"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("utf-8 temp path")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

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
    assert!(stdout(&output).contains("15 file(s) checked, no problems"));

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
        text.replace("format_version: 1", "format_version: 999"),
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
        stdout(&output).contains("pain before is 12"),
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
