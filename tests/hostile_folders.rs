//! Hostile files and folders (issue #22): a named pipe where a file should be, links that
//! loop, a patient folder that cannot be read, a dangling link among the visits. myomap never
//! hangs on them, walks a loop once, reads the healthy patients beside a broken one, and never
//! leaves a visit out without saying so.
#![cfg(unix)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use myomap::storage::Library;

/// Runs `myomap ARGS`, failing the test (instead of hanging it) after 30 s.
fn myomap_within_30_s(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_myomap"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let started = Instant::now();
    while child.try_wait().expect("waits").is_none() {
        if started.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("myomap {args:?} still running after 30 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", path.display());
}

/// The demo library and its three patient folders.
fn demo(data: &Path) -> (PathBuf, Vec<PathBuf>) {
    let library = common::demo_library(data);
    let mut patients: Vec<PathBuf> = std::fs::read_dir(library.join("patients"))
        .expect("patients")
        .map(|e| e.expect("entry").path())
        .collect();
    patients.sort();
    (library, patients)
}

/// The first visit (by file name, so by date) of a demo patient folder.
fn first_visit(patient: &Path) -> PathBuf {
    let mut visits: Vec<PathBuf> = std::fs::read_dir(patient.join("sessions"))
        .expect("sessions")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    visits.sort();
    visits.into_iter().next().expect("a visit")
}

#[test]
fn a_named_pipe_is_refused_by_every_command_without_hanging() {
    let data = tempfile::tempdir().expect("temp dir");
    let fifo = data.path().join("x.ron");
    mkfifo(&fifo);
    let fifo = common::path_str(&fifo);
    let out = common::path_str(data.path()).to_owned() + "/out.png";
    for args in [
        vec!["check", fifo],
        vec!["render", fifo, "--view", "posterior", "-o", &out],
        vec!["report", fifo, "-o", &out],
        vec!["compare", fifo, fifo],
    ] {
        let output = myomap_within_30_s(&args);
        assert!(!output.status.success(), "{args:?} succeeded");
        let said = common::stdout(&output) + &common::stderr(&output);
        assert!(
            said.contains("named pipe"),
            "{args:?} says what the file is: {said}"
        );
    }
}

#[test]
fn a_named_pipe_in_place_of_a_patient_file_leaves_the_other_patients_readable() {
    let data = tempfile::tempdir().expect("temp dir");
    let (library, patients) = demo(data.path());
    let broken = patients[0].join("patient.ron");
    std::fs::remove_file(&broken).expect("remove");
    mkfifo(&broken);

    let (listed, problems) = Library::new(&library).scan().expect("the library reads");
    assert_eq!(listed.len(), 2, "the healthy patients are listed");
    assert_eq!(problems.len(), 1);
    let problem = problems[0].to_string();
    assert!(
        problem.contains("named pipe") && problem.contains("patient.ron"),
        "{problem}"
    );

    let output = myomap_within_30_s(&["check", common::path_str(&library)]);
    assert!(!output.status.success());
    assert!(common::stdout(&output).contains("named pipe"));
}

#[test]
fn links_that_loop_are_walked_once() {
    let data = tempfile::tempdir().expect("temp dir");
    let (library, patients) = demo(data.path());
    let sessions = patients[1].join("sessions");
    std::os::unix::fs::symlink(".", sessions.join("a")).expect("link a");
    std::os::unix::fs::symlink(".", sessions.join("b")).expect("link b");
    std::os::unix::fs::symlink("/", sessions.join("root")).expect("link to /");

    let output = myomap_within_30_s(&["check", common::path_str(&library)]);
    let said = common::stdout(&output);
    assert!(output.status.success(), "links are not problems: {said}");
    assert_eq!(
        said.matches("a link to a folder, not followed").count(),
        3,
        "{said}"
    );
    let (listed, problems) = Library::new(&library).scan().expect("reads");
    assert_eq!((listed.len(), problems.len()), (3, 0));
}

#[test]
fn a_broken_patient_folder_fails_alone_and_check_names_it() {
    let data = tempfile::tempdir().expect("temp dir");
    let (library, patients) = demo(data.path());
    let sessions = patients[2].join("sessions");
    std::fs::remove_dir_all(&sessions).expect("remove sessions");
    std::fs::write(&sessions, "not a folder").expect("a file in its place");

    let (listed, problems) = Library::new(&library)
        .scan()
        .expect("the library still reads");
    assert_eq!(listed.len(), 2, "the healthy patients are listed");
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].to_string().contains("sessions"),
        "{}",
        problems[0]
    );

    let output = myomap_within_30_s(&["check", common::path_str(&library)]);
    assert!(!output.status.success(), "check reports it");
    assert!(
        common::stdout(&output).contains("sessions folder should be"),
        "{}",
        common::stdout(&output)
    );
}

#[test]
fn a_dangling_link_among_the_visits_is_never_left_out_silently() {
    let data = tempfile::tempdir().expect("temp dir");
    let (_, patients) = demo(data.path());
    let sessions = patients[0].join("sessions");
    let dangling = sessions.join("2026-12-01-deadbeef.ron");
    std::os::unix::fs::symlink(data.path().join("gone.ron"), &dangling).expect("link");

    let output = myomap_within_30_s(&[
        "export-csv",
        common::path_str(&patients[0]),
        "-o",
        common::path_str(&data.path().join("log.csv")),
    ]);
    assert!(!output.status.success(), "the log would be incomplete");
    assert!(
        common::stderr(&output).contains("2026-12-01-deadbeef.ron"),
        "{}",
        common::stderr(&output)
    );
    assert!(!data.path().join("log.csv").exists());

    let entry = Library::patient_entry(&patients[0]).expect("the patient reads");
    let (_, problems) = Library::load_sessions(&entry);
    assert!(
        problems
            .iter()
            .any(|p| p.to_string().contains("2026-12-01-deadbeef.ron")),
        "the visit list names it"
    );
}

#[test]
fn a_save_never_replaces_a_named_pipe() {
    let data = tempfile::tempdir().expect("temp dir");
    let (_, patients) = demo(data.path());
    let session = first_visit(&patients[0]);
    let loaded = myomap::storage::load_session(&session).expect("reads");
    let fifo = data.path().join("pipe.ron");
    mkfifo(&fifo);
    let error = myomap::storage::save(&fifo, &loaded, None).expect_err("refused");
    assert!(error.to_string().contains("named pipe"), "{error}");
}

#[test]
fn the_app_opens_a_library_with_a_named_pipe_and_a_broken_folder() {
    let data = tempfile::tempdir().expect("temp dir");
    let (library, patients) = demo(data.path());
    let broken = patients[0].join("patient.ron");
    std::fs::remove_file(&broken).expect("remove");
    mkfifo(&broken);
    let sessions = patients[2].join("sessions");
    std::fs::remove_dir_all(&sessions).expect("remove sessions");
    std::fs::write(&sessions, "not a folder").expect("a file in its place");

    let harness = common::app(data.path(), Some(library), None, Vec::new());
    assert_eq!(
        harness.state().patient_names().len(),
        1,
        "the healthy patient is listed"
    );
    let errors: Vec<String> = harness
        .state()
        .notifications()
        .all()
        .iter()
        .filter(|n| n.level == myomap::app::Level::Error)
        .map(|n| n.text.clone())
        .collect();
    assert!(
        errors.iter().any(|e| e.contains("named pipe")),
        "{errors:?}"
    );
    assert!(errors.iter().any(|e| e.contains("sessions")), "{errors:?}");
}

#[test]
fn an_export_never_replaces_a_session_or_writes_into_a_patient_folder() {
    let data = tempfile::tempdir().expect("temp dir");
    let (_, patients) = demo(data.path());
    let session = first_visit(&patients[0]);
    let before = std::fs::read(&session).expect("reads");
    let s = common::path_str(&session);
    for args in [
        vec!["report", s, "-o", s, "--force"],
        vec!["render", s, "--view", "posterior", "-o", s, "--force"],
    ] {
        let output = myomap_within_30_s(&args);
        assert!(!output.status.success(), "{args:?} was refused");
        assert!(
            common::stderr(&output).contains("record"),
            "{}",
            common::stderr(&output)
        );
    }
    assert_eq!(
        std::fs::read(&session).expect("reads"),
        before,
        "the session is intact"
    );

    let inside = patients[0].join("sessions").join("report.pdf");
    let output = myomap_within_30_s(&["report", s, "-o", common::path_str(&inside)]);
    assert!(!output.status.success());
    assert!(common::stderr(&output).contains("patient's folder"));
    assert!(!inside.exists());
}

#[test]
fn the_apps_folder_and_preferences_are_made_private() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("myomap");
    std::fs::create_dir(&data).expect("a folder made by another program");
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).expect("0755");
    std::fs::write(data.join("app.ron"), "()").expect("preferences");
    std::fs::set_permissions(data.join("app.ron"), std::fs::Permissions::from_mode(0o644))
        .expect("0644");
    myomap::storage::make_private(&data, &[("app.ron", "{}"), ("new.ron", "{}")])
        .expect("made private");
    let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&data.join("app.ron")), 0o600);
    assert_eq!(mode(&data.join("new.ron")), 0o600);
    assert_eq!(
        std::fs::read_to_string(data.join("app.ron")).expect("kept"),
        "()"
    );
    assert_eq!(
        std::fs::read_to_string(data.join("new.ron")).expect("made"),
        "{}"
    );
}

#[test]
fn a_custom_views_folder_is_private() {
    use std::os::unix::fs::PermissionsExt as _;
    let data = tempfile::tempdir().expect("temp dir");
    let (library, _) = demo(data.path());
    let image = data.path().join("hand.png");
    image::RgbaImage::new(40, 30)
        .save(&image)
        .expect("an image");
    myomap::bodymap::custom::add_custom_view(&library, "Hand", &image, &[]).expect("added");
    let folder = library.join(myomap::bodymap::custom::CUSTOM_VIEWS_FOLDER);
    let mode = std::fs::metadata(&folder)
        .expect("meta")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o700);
}

#[test]
fn a_session_time_with_a_time_zone_is_refused_not_shifted() {
    let data = tempfile::tempdir().expect("temp dir");
    let (_, patients) = demo(data.path());
    let session = first_visit(&patients[0]);
    let text = std::fs::read_to_string(&session).expect("reads");
    let started = text
        .lines()
        .find(|l| l.trim_start().starts_with("started_at:"))
        .expect("a start time")
        .to_owned();
    for zone in ["+02:00", "Z"] {
        let zoned = started.replacen("\",", &format!("{zone}\","), 1);
        std::fs::write(&session, text.replacen(&started, &zoned, 1)).expect("edited");
        let output = myomap_within_30_s(&["check", common::path_str(&session)]);
        assert!(!output.status.success(), "{zone} refused");
        let said = common::stdout(&output);
        assert!(said.contains("has a time zone"), "{said}");
        assert!(
            said.contains(&format!("{}:", common::path_str(&session))),
            "{said}"
        );
    }
}

/// A copy of the first visit of the first demo patient with `edit` applied to its text,
/// written as `name` beside it.
fn edited_visit(patients: &[PathBuf], name: &str, edit: impl Fn(&str) -> String) -> PathBuf {
    let first = first_visit(&patients[0]);
    let text = std::fs::read_to_string(&first).expect("reads");
    let path = first.with_file_name(name);
    std::fs::write(&path, edit(&text)).expect("written");
    path
}

#[test]
fn check_names_clinically_absurd_values() {
    let data = tempfile::tempdir().expect("temp dir");
    let (library, patients) = demo(data.path());
    let first_muscle = |text: &str| {
        text.lines()
            .find_map(|l| l.trim().strip_prefix("muscle: Some(\""))
            .and_then(|rest| rest.split('"').next())
            .expect("a muscle")
            .to_owned()
    };
    let year = |text: &str, year: &str| {
        text.replacen("started_at: \"2026", &format!("started_at: \"{year}"), 1)
    };
    let cases: Vec<(PathBuf, &str)> = vec![
        (
            edited_visit(&patients, "a.ron", |t| {
                let m = first_muscle(t);
                t.replacen(&format!("\"{m}\""), "\"biceps_of_the_ear\"", 1)
            }),
            "\"biceps_of_the_ear\", which the standard map does not have",
        ),
        (
            edited_visit(&patients, "b.ron", |t| {
                let m = first_muscle(t);
                t.replacen(&format!("\"{m}\""), "\"\"", 1)
            }),
            "names an empty muscle id",
        ),
        (
            edited_visit(&patients, "c.ron", |t| {
                t.replacen("view: \"", "view: \"nowhere_", 1)
            }),
            "neither the standard map nor this library's custom views have",
        ),
        (
            edited_visit(&patients, "d.ron", |t| year(t, "1800")),
            "the visit date 1800",
        ),
        (
            edited_visit(&patients, "e.ron", |t| year(t, "9999")),
            "the visit date 9999",
        ),
    ];
    for (path, expected) in &cases {
        let output = myomap_within_30_s(&["check", common::path_str(path)]);
        let said = common::stdout(&output);
        assert!(!output.status.success(), "{expected}: {said}");
        assert!(said.contains(expected), "{expected}: {said}");
    }
    // Every edited copy still has its original's session id: check of the folder says so.
    let output = myomap_within_30_s(&["check", common::path_str(&library)]);
    assert!(common::stdout(&output).contains("has the same session id as"));

    let patient = patients[1].join("patient.ron");
    let text = std::fs::read_to_string(&patient).expect("reads");
    let future = if text.contains("date_of_birth: None") {
        text.replacen(
            "date_of_birth: None",
            "date_of_birth: Some(\"2999-01-01\")",
            1,
        )
    } else {
        let at = text.find("date_of_birth: Some(\"").expect("a birth date") + 21;
        format!("{}2999-01-01{}", &text[..at], &text[at + 10..])
    };
    std::fs::write(&patient, future).expect("written");
    let output = myomap_within_30_s(&["check", common::path_str(&patient)]);
    assert!(common::stdout(&output).contains("date of birth 2999-01-01 is in the future"));

    std::fs::remove_file(patients[2].join("patient.ron")).expect("removed");
    let output = myomap_within_30_s(&["check", common::path_str(&library)]);
    assert!(common::stdout(&output).contains("a patient folder without patient.ron"));
}

#[test]
fn a_megabyte_name_is_refused_at_load_with_its_field_and_limit() {
    let data = tempfile::tempdir().expect("temp dir");
    let (library, patients) = demo(data.path());
    let patient = patients[0].join("patient.ron");
    let text = std::fs::read_to_string(&patient).expect("reads");
    let at = text.find("display_name: \"").expect("a name") + "display_name: \"".len();
    let end = at + text[at..].find('"').expect("the name ends");
    let huge = format!("{}{}{}", &text[..at], "N".repeat(1 << 20), &text[end..]);
    std::fs::write(&patient, huge).expect("written");

    let output = myomap_within_30_s(&["check", common::path_str(&patient)]);
    assert!(!output.status.success());
    let said = common::stdout(&output);
    assert!(
        said.contains("display_name is 1048576 characters long; myomap takes at most 200 there"),
        "{said}"
    );
    assert!(said.contains("patient.ron:"), "with its position: {said}");
    let (listed, problems) = Library::new(&library).scan().expect("reads");
    assert_eq!(
        (listed.len(), problems.len()),
        (2, 1),
        "the patient fails alone"
    );
}

/// eframe's own storage, as far as the test needs it: values in memory.
#[derive(Default)]
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn the_preferences_file_stays_private_through_eframes_saves() {
    use std::os::unix::fs::PermissionsExt as _;
    let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = common::app(dir.path(), None, None, Vec::new());
    let file = myomap::app::AppPaths::under(&dir.path().join("app"))
        .preferences
        .expect("a preferences file");
    // Deleted while the app runs (or never made): the app's save, which eframe calls just
    // before writing the file, makes it owner-only first.
    let _ = std::fs::remove_file(&file);
    eframe::App::save(harness.state_mut(), &mut MemoryStorage::default());
    assert_eq!(mode(&file), 0o600);
    // eframe then writes it as its FileStorage does, File::create over the file: the mode
    // of the file that exists is kept.
    {
        use std::io::Write as _;
        let mut written = std::fs::File::create(&file).expect("eframe's create");
        written
            .write_all(b"{\"myomap.preferences\": \"()\"}")
            .expect("eframe's write");
    }
    assert_eq!(mode(&file), 0o600);
    // A file widened by something else is narrowed again at the next save.
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).expect("0644");
    eframe::App::save(harness.state_mut(), &mut MemoryStorage::default());
    assert_eq!(mode(&file), 0o600);
    assert!(
        std::fs::read_to_string(&file)
            .expect("kept")
            .contains("myomap.preferences"),
        "what eframe wrote is kept"
    );
}
