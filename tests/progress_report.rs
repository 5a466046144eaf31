//! `myomap progress-report` and `export::progress_report`: the progress report for a period of
//! care, on the demo library. Its text is read back with `pdftotext -layout` (each measure's
//! row: baseline, latest and the change column) when installed, and with lopdf always.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{myomap, path_str, stderr, stdout};
use myomap::export::progress_report::{PatientRecords, Period, progress_report};

const CLAIRE: &str = "101";
const MARGARET: &str = "103";

/// A fresh demo library and the folder of the demo patient whose id ends in `suffix`.
fn demo_patient(suffix: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let library = common::demo_library(dir.path());
    let patient = library
        .join("patients")
        .join(format!("00010000-0000-0000-0000-000000000{suffix}"));
    assert!(patient.join("patient.ron").is_file(), "the demo patient");
    (dir, patient)
}

/// Runs `myomap progress-report PATIENT --from FROM --to TO -o OUT` plus `extra`.
fn progress(patient: &Path, from: &str, to: &str, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "progress-report",
        path_str(patient),
        "--from",
        from,
        "--to",
        to,
        "-o",
        path_str(out),
    ];
    args.extend_from_slice(extra);
    myomap(&args)
}

/// Writes the report and returns its text as lopdf reads it (in drawing order, whitespace
/// folded) and its number of pages.
fn report_text(patient: &Path, from: &str, to: &str, out: &Path) -> (String, usize) {
    let output = progress(patient, from, to, out, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("progress report"),
        "{}",
        stdout(&output)
    );
    let bytes = std::fs::read(out).expect("the PDF is written");
    let document = lopdf::Document::load_mem(&bytes).expect("the PDF parses");
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    let text = document.extract_text(&pages).expect("extractable");
    let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (folded, pages.len())
}

/// Asserts that `text` holds every one of `expected`.
fn assert_holds(text: &str, expected: &[&str]) {
    for expected in expected {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
}

/// Asserts that the part of `text` after `start` and before the next `end` shows no change
/// as progress.
fn assert_no_progress(text: &str, start: &str, end: &str) {
    let part = text
        .split(start)
        .nth(1)
        .and_then(|rest| rest.split(end).next())
        .unwrap_or_else(|| panic!("no {start:?} in:\n{text}"));
    assert!(
        !part.contains("exceeds MCID") && !part.contains("improved"),
        "shown as progress: {part}"
    );
}

/// The PDF's text as `pdftotext -layout` gives it, or `None` (with a note) when the tool is
/// not installed.
fn layout_text(pdf: &Path) -> Option<String> {
    let tool = ["/usr/bin/pdftotext", "pdftotext"]
        .into_iter()
        .find(|t| Command::new(t).arg("-v").output().is_ok());
    let Some(tool) = tool else {
        eprintln!("note: pdftotext is not installed; the row-by-row checks are skipped");
        return None;
    };
    let output = Command::new(tool)
        .arg("-layout")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(output.status.success(), "pdftotext reads the report");
    Some(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// A measure's row in `pdftotext -layout` text: the line that starts with its label,
/// baseline and latest value, and the words of its change column (the column where the
/// change starts on that line, on that line and the lines under it until the row ends).
fn change_cell(text: &str, label: &str, baseline: &str, latest: &str) -> String {
    let lines: Vec<Vec<char>> = text.lines().map(|l| l.chars().collect()).collect();
    let start = format!("{label} {baseline} {latest} ");
    let at = lines
        .iter()
        .position(|l| {
            let words: String = l.iter().collect();
            let folded = words.split_whitespace().collect::<Vec<_>>().join(" ");
            folded.starts_with(&start)
        })
        .unwrap_or_else(|| panic!("no row {start:?} in:\n{text}"));
    // The change column starts after the latest value and the spaces behind it.
    let line = &lines[at];
    let line_text: String = line.iter().collect();
    let latest_at = line_text
        .find(&format!(" {latest} "))
        .map(|byte| line_text[..byte].chars().count() + 1 + latest.chars().count())
        .expect("the latest value");
    let column = (latest_at..line.len())
        .find(|&i| !line[i].is_whitespace())
        .expect("a change");
    let mut words = Vec::new();
    for row in &lines[at..] {
        let cell: String = row.iter().skip(column.saturating_sub(2)).collect();
        if row.iter().all(|c| c.is_whitespace()) {
            break;
        }
        words.extend(cell.split_whitespace().map(str::to_owned));
    }
    words.join(" ")
}

#[test]
fn claire_bennett_s_report_gives_every_measure_baseline_against_latest_with_its_label() {
    let (dir, patient) = demo_patient(CLAIRE);
    let out = dir.path().join("claire.pdf");
    let (text, pages) = report_text(&patient, "2026-09-01", "2026-10-31", &out);
    assert!(pages >= 2, "{pages} pages");
    assert_holds(
        &text,
        &[
            "Progress report",
            "Claire Bennett (demo)",
            "1988-03-14",
            "DEMO-101",
            "Reason for care",
            "Right-sided neck and shoulder tension",
            "Period of care 2026-09-01 to 2026-10-31 · 4 visits, 3 signed",
            "1 not signed (2026-10-19)",
            "Sam Rivera",
            // Every measure with its baseline and latest value, dated, and its change.
            "NPRS",
            "PSFS",
            "“Reversing the car” 4/10 2026-09-07 9/10 2026-10-19 +5 exceeds MCID",
            "NDI Neck Disability Index",
            "22/50 2026-09-07 7/50 2026-10-19 −15 exceeds MCID goal ≤ 10/50: met",
            "Cervical spine rotation (right)",
            "48° 2026-09-07 70° 2026-10-19 +22° improved beyond measurement error goal ≥ 70°: met",
            "normal 60°",
            "Cervical spine rotation (left)",
            "70° 2026-09-07 75° 2026-10-19 +5° within measurement error",
            // Goals, trigger points, pain drawings, treatment, events, plan, thresholds.
            "Goals 3 of 3 met",
            "Trigger points followed",
            "Upper trapezius (right)",
            "Pain drawings: first visit against latest",
            "Difference map",
            "Muscle needled",
            "in and out match at every visit",
            "Adverse events",
            "bruising",
            "Review in two weeks, or sooner if symptoms return.",
            "About these figures",
            "Young BA",
            "Chesterton LS",
            "page 1 of",
        ],
    );
    assert!(!text.contains("not met"), "every goal of Claire's was met");

    let Some(layout) = layout_text(&out) else {
        return;
    };
    let ndi = change_cell(&layout, "NDI", "22/50", "7/50");
    assert!(ndi.starts_with("−15 exceeds MCID"), "{ndi}");
    assert!(ndi.contains("goal ≤ 10/50: met"), "{ndi}");
    let nprs = change_cell(&layout, "NPRS", "7/10", "2/10");
    assert!(nprs.starts_with("−5 exceeds MCID"), "{nprs}");
    let psfs = change_cell(&layout, "PSFS", "4/10", "8.3/10");
    assert!(
        psfs.starts_with("+4.3 exceeds MCID goal ≥ 8/10: met"),
        "{psfs}"
    );
    let left = change_cell(&layout, "Cervical spine rotation (left)", "70°", "75°");
    assert_eq!(left, "+5° within measurement error");
    assert!(layout.contains("4 visits, 3 signed"));
}

#[test]
fn margaret_oduya_s_odi_reads_within_measurement_error_and_her_goals_not_met() {
    let (dir, patient) = demo_patient(MARGARET);
    let out = dir.path().join("margaret.pdf");
    let (text, _) = report_text(&patient, "2026-10-01", "2026-10-31", &out);
    assert_holds(
        &text,
        &[
            "Margaret Oduya (demo)",
            "DEMO-103",
            "1972-11-30",
            "Period of care 2026-10-01 to 2026-10-31 · 3 visits, 2 signed",
            "ODI Oswestry Disability Index",
            "34% 2026-10-01 26% 2026-10-22 −8 within measurement error goal ≤ 20%: not met",
            "30-second chair stand",
            "11 stands 2026-10-01 16 stands 2026-10-22 +5 stands exceeds MCID",
            "Thoracolumbar spine flexion",
            "Goals 0 of 2 met",
            "ODI ≤ 20% 34% (2026-10-01) 26% (2026-10-22) not met",
            "Quadratus lumborum (left)",
            "Ostelo RWJG",
        ],
    );
    // The ODI's 8 points are never called progress.
    assert_no_progress(&text, "ODI Oswestry Disability Index", "goal");

    let Some(layout) = layout_text(&out) else {
        return;
    };
    let odi = change_cell(&layout, "ODI", "34%", "26%");
    assert_eq!(odi, "−8 within measurement error goal ≤ 20%: not met");
    let flexion = change_cell(&layout, "Thoracolumbar spine flexion", "52°", "66°");
    assert_eq!(flexion, "+14° improved beyond measurement error");
}

#[test]
fn the_period_keeps_only_its_visits_both_days_included_and_labels_their_own_change() {
    let (dir, patient) = demo_patient(CLAIRE);
    // Claire's visits: 09-07, 09-14, 09-28, 10-19. The period's first and last days hold a visit.
    let out = dir.path().join("middle.pdf");
    let (text, _) = report_text(&patient, "2026-09-14", "2026-09-28", &out);
    assert!(
        text.contains("Period of care 2026-09-14 to 2026-09-28 · 2 visits, 2 signed"),
        "{text}"
    );
    assert!(
        !text.contains("2026-09-07") && !text.contains("2026-10-19"),
        "{text}"
    );
    // Over these two visits the NDI falls 5 points: within its 10.2-point measurement error.
    assert!(
        text.contains("17/50 2026-09-14 12/50 2026-09-28 −5 within measurement error"),
        "{text}"
    );

    let records = PatientRecords::load(&patient).expect("reads");
    let map = &myomap::bodymap::standard().map;
    let day = |d: i8| jiff::civil::date(2026, 9, d);
    let one_day = Period::new(day(14), day(14)).expect("a day");
    let input = records.input(map, one_day).expect("a visit that day");
    assert_eq!(input.sessions.len(), 1);
    assert_eq!(input.sessions[0].date(), day(14));
    let between = Period::new(day(8), day(13)).expect("days");
    let error = records.input(map, between).err().expect("no visits");
    assert_eq!(
        error.to_string(),
        "no visits of Claire Bennett (demo) (DEMO-101) from 2026-09-08 to 2026-09-13; the patient has 4 visits, the first on 2026-09-07 and the last on 2026-10-19"
    );
    assert!(
        Period::new(day(20), day(10)).is_err(),
        "a period runs forwards"
    );
}

#[test]
fn the_same_visits_give_the_same_bytes_on_numbered_pages() {
    let (_dir, patient) = demo_patient(MARGARET);
    let records = PatientRecords::load(&patient).expect("reads");
    let map = &myomap::bodymap::standard().map;
    let period = Period::new(
        jiff::civil::date(2026, 10, 1),
        jiff::civil::date(2026, 10, 31),
    )
    .expect("a period");
    let input = records.input(map, period).expect("visits");
    let first = progress_report(&input).expect("a report");
    let second = progress_report(&input).expect("a report");
    assert!(first.starts_with(b"%PDF"));
    assert_eq!(first, second, "no clock, no random id");
    let document = lopdf::Document::load_mem(&first).expect("parses");
    let pages = document.get_pages().len();
    let last: u32 = u32::try_from(pages).expect("a few pages");
    let text = document.extract_text(&[last]).expect("text");
    assert!(text.contains(&format!("page {pages} of {pages}")), "{text}");
}

/// The command failed with one line on stderr that contains `expected`, and wrote nothing.
fn refused(output: &Output, expected: &str, out: &Path) {
    let message = stderr(output);
    assert!(!output.status.success(), "accepted: {}", stdout(output));
    assert_eq!(message.trim_end().lines().count(), 1, "one line: {message}");
    assert!(message.starts_with("myomap: "), "{message}");
    assert!(message.contains(expected), "{expected:?} not in {message}");
    assert!(!message.contains("panicked"), "{message}");
    assert!(!out.exists(), "nothing written for: {message}");
}

#[test]
fn every_bad_input_is_refused_in_one_line_and_nothing_is_written() {
    let (dir, patient) = demo_patient(CLAIRE);
    let out = dir.path().join("out.pdf");
    let period = ("2026-09-01", "2026-10-31");

    let missing = dir.path().join("no-such-patient");
    let output = progress(&missing, period.0, period.1, &out, &[]);
    refused(&output, "no-such-patient does not exist", &out);

    let file = dir.path().join("a-file.txt");
    std::fs::write(&file, "not a folder").expect("write");
    refused(
        &progress(&file, period.0, period.1, &out, &[]),
        "is not a folder",
        &out,
    );

    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).expect("mkdir");
    refused(
        &progress(&empty, period.0, period.1, &out, &[]),
        "is not a patient folder (it has no patient.ron)",
        &out,
    );

    for (from, to, expected) in [
        (
            "2026-13-01",
            "2026-10-31",
            "--from 2026-13-01 is not a day of the calendar",
        ),
        (
            "2026-09-01",
            "2026-02-30",
            "--to 2026-02-30 is not a day of the calendar",
        ),
        (
            "yesterday",
            "2026-10-31",
            "--from \"yesterday\" is not a date; write YYYY-MM-DD",
        ),
        (
            "2026-9-1",
            "2026-10-31",
            "--from \"2026-9-1\" is not a date",
        ),
        (
            "2026-09-01",
            "31/10/2026",
            "--to \"31/10/2026\" is not a date",
        ),
        (
            "2026-10-19",
            "2026-09-07",
            "--from 2026-10-19 is after --to 2026-09-07",
        ),
        (
            "2025-01-01",
            "2025-01-31",
            "no visits of Claire Bennett (demo) (DEMO-101) from 2025-01-01 to 2025-01-31; the patient has 4 visits, the first on 2026-09-07 and the last on 2026-10-19",
        ),
    ] {
        refused(&progress(&patient, from, to, &out, &[]), expected, &out);
    }

    // An unreadable visit is named, and the report refused: it would leave that visit out.
    let sessions = patient.join("sessions");
    let broken = sessions.join("2026-09-20-deadbeef.ron");
    std::fs::write(&broken, "(format_version: 4, id: \"not closed").expect("write");
    refused(
        &progress(&patient, period.0, period.1, &out, &[]),
        "2026-09-20-deadbeef.ron",
        &out,
    );
    let output = progress(&patient, period.0, period.1, &out, &[]);
    assert!(
        stderr(&output).contains("could not be read"),
        "{}",
        stderr(&output)
    );
    // A folder named like a visit is named too, never a panic.
    std::fs::remove_file(&broken).expect("remove");
    let folder = sessions.join("2026-09-21-cafebabe.ron");
    std::fs::create_dir(&folder).expect("mkdir");
    refused(
        &progress(&patient, period.0, period.1, &out, &[]),
        "2026-09-21-cafebabe.ron",
        &out,
    );
    std::fs::remove_dir(&folder).expect("rmdir");

    // A sync engine's conflict copy is named: which version is the record is still open.
    let original = sessions
        .read_dir()
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "ron"))
        .expect("a visit");
    let stem = original
        .file_stem()
        .and_then(|s| s.to_str())
        .expect("a name")
        .to_owned();
    let copy = sessions.join(format!("{stem}.sync-conflict-20261130-101112-ABCDEF7.ron"));
    std::fs::copy(&original, &copy).expect("copy");
    refused(
        &progress(&patient, period.0, period.1, &out, &[]),
        "1 conflict copy of this patient's visits is not reconciled",
        &out,
    );
    std::fs::remove_file(&copy).expect("remove");

    // A patient file that does not read is named with its position.
    std::fs::write(patient.join("patient.ron"), "(garbage").expect("write");
    refused(
        &progress(&patient, period.0, period.1, &out, &[]),
        "patient.ron",
        &out,
    );
}

#[test]
fn an_existing_file_is_replaced_only_with_force_as_the_session_report_does() {
    let (dir, patient) = demo_patient(MARGARET);
    let out = dir.path().join("progress.pdf");
    std::fs::write(&out, b"an earlier letter").expect("write");
    let output = progress(&patient, "2026-10-01", "2026-10-31", &out, &[]);
    assert!(!output.status.success());
    let message = stderr(&output);
    assert!(
        message.contains("already exists; pass --force to replace it"),
        "{message}"
    );
    assert_eq!(std::fs::read(&out).expect("kept"), b"an earlier letter");

    // `myomap report` says the same of the same file.
    let session = common::demo_sessions(
        patient
            .parent()
            .and_then(Path::parent)
            .expect("the library"),
        MARGARET,
    )[0]
    .clone();
    let report = myomap(&["report", path_str(&session), "-o", path_str(&out)]);
    assert!(!report.status.success());
    assert_eq!(
        stderr(&report),
        message,
        "the two commands refuse an existing file in the same words"
    );

    let output = progress(&patient, "2026-10-01", "2026-10-31", &out, &["--force"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(std::fs::read(&out).expect("written").starts_with(b"%PDF"));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') || n.contains("tmp"))
        .collect();
    assert!(leftovers.is_empty(), "written atomically: {leftovers:?}");

    // Never onto a record.
    let record = dir.path().join("progress.ron");
    let output = progress(&patient, "2026-10-01", "2026-10-31", &record, &[]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("record's name"),
        "{}",
        stderr(&output)
    );
    assert!(!record.exists());
}

#[test]
fn the_help_names_the_command_and_its_period() {
    let help = stdout(&myomap(&["--help"]));
    assert!(help.contains("progress-report"), "{help}");
    let own = stdout(&myomap(&["progress-report", "--help"]));
    assert_holds(
        &own,
        &[
            "PATIENT_DIR",
            "--from <DATE>",
            "--to <DATE>",
            "--output <OUT.pdf>",
            "--force",
        ],
    );
}

/// The text of a report made through the library, whitespace folded.
fn library_report_text(patient: &Path, from: jiff::civil::Date, to: jiff::civil::Date) -> String {
    let records = PatientRecords::load(patient).expect("reads");
    let map = &myomap::bodymap::standard().map;
    let input = records
        .input(map, Period::new(from, to).expect("a period"))
        .expect("visits");
    let bytes = progress_report(&input).expect("a report");
    let document = lopdf::Document::load_mem(&bytes).expect("parses");
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    let text = document.extract_text(&pages).expect("text");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_single_visit_and_a_broken_signature_are_reported_as_they_are() {
    let (_dir, patient) = demo_patient(CLAIRE);
    let day = jiff::civil::date(2026, 10, 19);
    let one = library_report_text(&patient, day, day);
    assert_holds(
        &one,
        &[
            "1 visit, 0 signed",
            "1 visit on 2026-10-19: 0 signed, 1 not signed (2026-10-19)",
            "taken once",
            "no measure was taken at two or more visits",
            "One visit in this period: there is no later drawing to compare.",
        ],
    );
    // One value is no change.
    assert_no_progress(&one, "Outcome measures: baseline against latest", "Goals");
    // The goals set at the first visit, before this period, still hold: judged on this visit.
    assert!(
        one.contains("NDI ≤ 10/50 7/50 (2026-10-19) 7/50 (2026-10-19) met"),
        "{one}"
    );

    // A signed visit whose content was changed afterwards is never counted as signed.
    let first = common::demo_sessions(
        patient.parent().and_then(Path::parent).expect("library"),
        CLAIRE,
    )[0]
    .clone();
    let mut session = myomap::storage::load_session(&first).expect("reads");
    assert!(
        session.signature.is_some(),
        "the demo's first visit is signed"
    );
    session.notes.push_str(" Edited after signing.");
    std::fs::write(&first, myomap::storage::encode(&session).expect("encodes")).expect("write");
    let text = library_report_text(
        &patient,
        jiff::civil::date(2026, 9, 1),
        jiff::civil::date(2026, 10, 31),
    );
    assert_holds(
        &text,
        &[
            "4 visits, 2 signed, 1 with a BROKEN signature",
            "1 with a BROKEN signature (2026-09-07)",
            "SIGNATURE BROKEN: signed session was modified after signing",
        ],
    );
}
