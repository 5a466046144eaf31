//! Names in any script (issue 17): a patient named in Chinese, Arabic and Hindi is charted,
//! reported and handed out through the command line as a clinician would, and the name
//! comes back out of the PDF and shows in the chart. Without a font for a script on the
//! machine (CI without the Noto fonts: `.ci/run` installs them when it can), the tests
//! check the note that says so instead, and print why.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{myomap, path_str, stderr};

const NAME: &str = "王秀英 · ليلى حداد · अनीता";

/// A demo library whose runner is called [`NAME`], and the runner's visits.
fn renamed_runner(dir: &Path) -> Vec<PathBuf> {
    let library = common::demo_library(dir);
    let sessions = common::demo_sessions(&library, "102");
    let patient = sessions[0]
        .parent()
        .and_then(Path::parent)
        .expect("the patient folder")
        .join("patient.ron");
    let mut record = myomap::storage::load_patient(&patient).expect("the patient loads");
    let ron = std::fs::read_to_string(&patient).expect("readable");
    let renamed = ron.replace(
        &format!("display_name: {:?}", record.display_name),
        &format!("display_name: {NAME:?}"),
    );
    assert_ne!(ron, renamed, "the display name is in the file");
    std::fs::write(&patient, renamed).expect("written");
    record = myomap::storage::load_patient(&patient).expect("the renamed patient loads");
    assert_eq!(record.display_name, NAME);
    sessions
}

/// The note the exports show on this machine, if any script of [`NAME`] has no font.
fn note_here() -> Option<String> {
    let fonts = myomap::text::fonts().expect("the bundled font reads");
    let note = myomap::text::missing_note(fonts.missing_scripts(NAME));
    if let Some(note) = &note {
        eprintln!("this system has {note}; checking the note instead of those glyphs");
    }
    note
}

fn pdf_text(bytes: &[u8]) -> String {
    let document = lopdf::Document::load_mem(bytes).expect("the PDF parses");
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    document.extract_text(&pages).expect("extractable")
}

#[test]
fn the_report_and_the_handout_give_the_name_back_as_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sessions = renamed_runner(dir.path());
    for (file, handout) in [("report.pdf", false), ("handout.pdf", true)] {
        let out = dir.path().join(file);
        let mut args = vec!["report", path_str(&sessions[1]), "-o", path_str(&out)];
        if handout {
            args.push("--handout");
        }
        let output = myomap(&args);
        assert!(output.status.success(), "{}", stderr(&output));
        let text = pdf_text(&std::fs::read(&out).expect("written"));
        match note_here() {
            Some(note) => assert!(text.contains(&note), "{file} lacks {note:?}: {text}"),
            None => {
                assert!(text.contains("王秀英"), "{file}: {text}");
                assert!(text.contains("अनीता"), "{file}: {text}");
                // lopdf reads glyphs as drawn: Arabic right to left.
                let drawn: String = "ليلى".chars().rev().collect();
                assert!(text.contains(&drawn), "{file}: {text}");
                assert!(!text.contains("no font on this system"), "{file}");
            }
        }
        // pdftotext puts right-to-left runs back in reading order.
        let Ok(output) = Command::new("pdftotext").arg(&out).arg("-").output() else {
            eprintln!("pdftotext is not installed; read with lopdf only");
            continue;
        };
        let text = String::from_utf8_lossy(&output.stdout);
        if note_here().is_none() {
            for part in NAME.split(" · ") {
                assert!(
                    text.contains(part),
                    "pdftotext lost {part:?} from {file}: {text}"
                );
            }
        }
    }
}

#[test]
fn the_chart_title_is_drawn_in_every_script_and_the_svg_names_the_fonts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sessions = renamed_runner(dir.path());
    let svg = dir.path().join("chart.svg");
    let output = myomap(&[
        "render",
        path_str(&sessions[1]),
        "--view",
        "anterior",
        "-o",
        path_str(&svg),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let svg = std::fs::read_to_string(&svg).expect("written");
    assert!(svg.contains(NAME), "the title is the name, as text");
    let fonts = myomap::text::fonts().expect("reads");
    match note_here() {
        Some(note) => assert!(svg.contains(&note)),
        None => {
            // The title names the system faces the raster drew Han and Devanagari with.
            for c in ['王', 'अ'] {
                let face = fonts
                    .face_for(c)
                    .and_then(|i| fonts.face(i))
                    .expect("a face");
                assert!(svg.contains(&face.family), "{} not named", face.family);
            }
            assert!(!svg.contains("no font on this system"));
        }
    }
}

#[test]
fn the_patient_list_shows_names_in_any_script_and_says_which_have_no_font() {
    use egui_kittest::kittest::{NodeT as _, Queryable as _};
    use myomap::app::{AppPaths, AppStart, MyomapApp, ScriptedDialogs};
    let dir = tempfile::tempdir().expect("temp dir");
    renamed_runner(dir.path());
    let library = dir.path().join("demo");
    if note_here().is_none() {
        // The harness panics on any character no font draws: the system's fonts come in
        // for the runner's name, and there is nothing to note.
        let mut strict = common::app(
            &dir.path().join("strict"),
            Some(library.clone()),
            None,
            Vec::new(),
        );
        wait_for(&mut strict, NAME);
        assert!(
            strict
                .query_by_label_contains("no font on this system")
                .is_none()
        );
    }
    // A second patient with U+2FE0, unassigned: no font maps it, on any system.
    let other = common::demo_sessions(&library, "101")[0]
        .parent()
        .and_then(Path::parent)
        .expect("the patient folder")
        .join("patient.ron");
    let ron = std::fs::read_to_string(&other).expect("readable");
    let patient = myomap::storage::load_patient(&other).expect("loads");
    std::fs::write(
        &other,
        ron.replace(
            &format!("display_name: {:?}", patient.display_name),
            "display_name: \"Ana \u{2FE0}\"",
        ),
    )
    .expect("written");

    let paths = AppPaths::under(&dir.path().join("app"));
    let start = AppStart {
        library: Some(library.clone()),
        open: None,
    };
    // The harness panics on a character no font draws unless told this test shows one.
    let mut harness = egui_kittest::Harness::builder()
        .with_size([1400.0, 900.0])
        .with_step_dt(1.0 / 60.0)
        .allow_missing_glyphs()
        .build_eframe(move |cc| {
            MyomapApp::new(cc, start, paths, Box::new(ScriptedDialogs::new(Vec::new())))
        });
    wait_for(&mut harness, "Ana \u{2FE0}");
    let note: Vec<String> = harness
        .query_all_by_label_contains("no font on this system")
        // A label's text is its AccessKit value.
        .filter_map(|n| n.accesskit_node().value())
        .collect();
    let expected = match note_here() {
        None => "no font on this system for: Symbols".to_owned(),
        // Without Han or Devanagari fonts those are named too (before "Symbols").
        Some(here) => format!("{here}, Symbols"),
    };
    assert_eq!(note, [expected]);
    assert!(harness.query_by_label_contains("Ana \u{2FE0}").is_some());
    assert!(
        harness.query_by_label_contains(NAME).is_some(),
        "the list names the runner as typed"
    );
}

/// Runs `harness` until a widget's label contains `text` (the library is read on a
/// background thread), for at most a few seconds.
fn wait_for(harness: &mut egui_kittest::Harness<'_, myomap::app::MyomapApp>, text: &str) {
    use egui_kittest::kittest::Queryable as _;
    for _ in 0..300 {
        harness.run_ok();
        if harness.query_by_label_contains(text).is_some() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("{text:?} never showed");
}
