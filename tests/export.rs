//! Export: `myomap render` (PNG, SVG, difference map), `myomap report` (PDF report and
//! handout), `myomap export-csv`, and File → Export in the app. PDFs are read back with lopdf
//! (and with `pdftotext` when it is installed).

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::{myomap, path_str, stderr};
use egui_kittest::kittest::Queryable as _;
use myomap::storage::load_session;

fn succeeds(args: &[&str]) {
    let output = myomap(args);
    assert!(output.status.success(), "{args:?}: {}", stderr(&output));
}

/// A fresh demo library and the runner's visits (first one charted most).
fn runner() -> (tempfile::TempDir, PathBuf, Vec<PathBuf>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let library = common::demo_library(dir.path());
    let sessions = common::demo_sessions(&library, "102");
    (dir, library, sessions)
}

fn pdf_text(bytes: &[u8]) -> (usize, String) {
    let document = lopdf::Document::load_mem(bytes).expect("the PDF parses");
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    let text = document
        .extract_text(&pages)
        .expect("the text is extractable");
    // Words may be split across text runs; compare with whitespace normalised.
    (
        pages.len(),
        text.split_whitespace().collect::<Vec<_>>().join(" "),
    )
}

#[test]
fn a_rendered_view_has_the_size_asked_for_shows_the_body_and_is_reproducible() {
    let (dir, _library, sessions) = runner();
    let out = dir.path().join("back.png");
    let again = dir.path().join("again.png");
    let session = path_str(&sessions[0]);
    succeeds(&[
        "render",
        session,
        "--view",
        "posterior",
        "-o",
        path_str(&out),
        "--width",
        "600",
    ]);
    succeeds(&[
        "render",
        session,
        "--view",
        "posterior",
        "-o",
        path_str(&again),
        "--width",
        "600",
    ]);
    let bytes = std::fs::read(&out).expect("written");
    assert_eq!(
        bytes,
        std::fs::read(&again).expect("written"),
        "same input, same bytes"
    );

    let image = image::load_from_memory(&bytes).expect("a PNG").to_rgba8();
    assert_eq!(image.width(), 600);
    assert!(
        image.height() > 1200,
        "the height follows the standing body"
    );
    // Not blank: along a line down the middle of the body the pixels vary a lot (skin,
    // muscle borders, marks), and the corner is background.
    let x = image.width() / 2;
    let column: std::collections::HashSet<[u8; 4]> = (0..image.height())
        .map(|y| image.get_pixel(x, y).0)
        .collect();
    assert!(
        column.len() > 40,
        "only {} colours down the body",
        column.len()
    );
    assert_ne!(
        image.get_pixel(x, image.height() / 3).0,
        image.get_pixel(2, 2).0
    );

    // An explicit height is honoured too.
    let sized = dir.path().join("sized.png");
    succeeds(&[
        "render",
        session,
        "--view",
        "posterior",
        "-o",
        path_str(&sized),
        "--width",
        "300",
        "--height",
        "500",
    ]);
    let sized = image::open(&sized).expect("a PNG");
    assert_eq!((sized.width(), sized.height()), (300, 500));
}

#[test]
fn marks_are_drawn_and_the_difference_map_differs_from_the_chart() {
    let (dir, _library, sessions) = runner();
    let session = load_session(&sessions[0]).expect("loads");
    let view = session.needle_sites[0].view.as_str().to_owned();
    let map = &myomap::bodymap::standard().map;
    let options = myomap::render::RenderOptions::new(500, 1200);
    let base = myomap::render::Base::Map(map, &view);
    let marks = myomap::render::Marks::Session {
        session: &session,
        patient: "",
    };
    let pixels = myomap::render::render_chart(base, marks, &options).expect("renders");
    let svg = myomap::render::chart_svg(base, marks, &options).expect("renders");
    // The PNG draws each active trigger point where the SVG (the same drawing, as text)
    // puts it, in its colour.
    let [r, g, b, _] = myomap::scene::MarkColors::LIGHT.trigger_active;
    let fill = format!("fill=\"#{r:02x}{g:02x}{b:02x}\"");
    let mut checked = 0;
    for circle in svg.split("<circle ").skip(1) {
        let circle = circle.split("/>").next().expect("an element");
        if !circle.contains(&fill) || circle.contains("fill-opacity") {
            continue;
        }
        let attribute = |name: &str| -> f32 {
            let value = circle.split(&format!("{name}=\"")).nth(1).expect(name);
            value
                .split('"')
                .next()
                .and_then(|v| v.parse().ok())
                .expect(name)
        };
        let scale = options.scale();
        let (x, y) = (attribute("cx") * scale, attribute("cy") * scale);
        let pixel = pixels
            .pixel(x.round() as u32, y.round() as u32)
            .expect("inside the image");
        let near = |c: u8, t: u8| c.abs_diff(t) <= 8;
        assert!(
            near(pixel.red(), r) && near(pixel.green(), g) && near(pixel.blue(), b),
            "no active trigger point at ({x}, {y})"
        );
        checked += 1;
    }
    let active = session
        .trigger_points
        .iter()
        .filter(|t| {
            t.view.as_str() == view
                && t.status == myomap::model::TriggerPointStatus::Active
                && !t.carried_forward
        })
        .count();
    assert!(
        active > 0 && checked == active,
        "{checked} of {active} checked"
    );

    let chart = dir.path().join("chart.png");
    let difference = dir.path().join("difference.png");
    let (first, last) = (path_str(&sessions[0]), path_str(&sessions[3]));
    succeeds(&["render", last, "--view", &view, "-o", path_str(&chart)]);
    succeeds(&[
        "render",
        last,
        "--view",
        &view,
        "--against",
        first,
        "-o",
        path_str(&difference),
    ]);
    assert_ne!(
        std::fs::read(&chart).expect("written"),
        std::fs::read(&difference).expect("written")
    );
}

#[test]
fn svg_export_is_a_vector_drawing_of_the_same_chart() {
    let (dir, _library, sessions) = runner();
    let out = dir.path().join("chart.svg");
    let session = load_session(&sessions[0]).expect("loads");
    let view = session.trigger_points[0].view.as_str().to_owned();
    succeeds(&[
        "render",
        path_str(&sessions[0]),
        "--view",
        &view,
        "-o",
        path_str(&out),
    ]);
    let svg = std::fs::read_to_string(&out).expect("written");
    assert!(svg.starts_with("<?xml") && svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("viewBox=\"0 0 "));
    // Every mark is drawn, and nothing else is a circle: a trigger point is one (two when
    // carried forward, with its dashed halo), a needle two (handle and tip).
    let trigger_points = session
        .trigger_points
        .iter()
        .filter(|t| t.view.as_str() == view);
    let expected = trigger_points
        .map(|t| if t.carried_forward { 2 } else { 1 })
        .sum::<usize>()
        + 2 * session
            .needle_sites
            .iter()
            .filter(|n| n.view.as_str() == view)
            .count();
    assert!(expected > 0);
    assert_eq!(svg.matches("<circle").count(), expected);

    // Mirrored for the patient, every mark lands at the mirror image of its place.
    let mirrored = dir.path().join("mirrored.svg");
    succeeds(&[
        "render",
        path_str(&sessions[0]),
        "--view",
        &view,
        "--mirrored",
        "-o",
        path_str(&mirrored),
    ]);
    let mirrored = std::fs::read_to_string(&mirrored).expect("written");
    let logical_width = |svg: &str| -> f32 {
        let view_box = svg.split("viewBox=\"0 0 ").nth(1).expect("a viewBox");
        view_box
            .split(' ')
            .next()
            .and_then(|w| w.parse().ok())
            .expect("a width")
    };
    // Marks drawn at their site (trigger points, needle tips); a needle's handle leans the
    // same way on screen either way, so it is left out.
    let [r, g, b, _] = myomap::scene::MarkColors::LIGHT.needle;
    let needle = format!("fill=\"#{r:02x}{g:02x}{b:02x}\"");
    let centres = |svg: &str| -> Vec<f32> {
        let mut xs: Vec<f32> = svg
            .split("<circle cx=\"")
            .skip(1)
            .filter(|rest| {
                let element = rest.split("/>").next().unwrap_or_default();
                !element.contains(&needle) || element.contains("r=\"2\"")
            })
            .filter_map(|rest| rest.split('"').next()?.parse().ok())
            .collect();
        xs.sort_by(f32::total_cmp);
        xs
    };
    let width = logical_width(&svg);
    let mut flipped: Vec<f32> = centres(&mirrored).iter().map(|x| width - x).collect();
    flipped.sort_by(f32::total_cmp);
    let plain = centres(&svg);
    assert!(!plain.is_empty());
    assert_eq!(plain.len(), flipped.len());
    for (a, b) in plain.iter().zip(&flipped) {
        assert!((a - b).abs() < 0.05, "{a} vs {b}");
    }
    assert!(
        svg.contains("data:image/png;base64,"),
        "the zones are embedded"
    );
    // Text is text: the legend names the qualities drawn.
    let quality = session
        .referred_zones
        .iter()
        .find(|z| z.view.as_str() == view)
        .map(|z| z.quality.label())
        .expect("a zone on the view");
    assert!(svg.contains(quality), "legend has {quality:?}");
    // The tag structure balances (a cheap well-formedness check without an XML parser).
    assert_eq!(svg.matches("<text").count(), svg.matches("</text>").count());
}

#[test]
fn the_session_report_names_the_patient_the_muscles_and_the_needle_table() {
    let (dir, library, sessions) = runner();
    let out = dir.path().join("report.pdf");
    succeeds(&["report", path_str(&sessions[1]), "-o", path_str(&out)]);
    let bytes = std::fs::read(&out).expect("written");
    assert!(bytes.starts_with(b"%PDF-"));
    let (pages, text) = pdf_text(&bytes);
    assert!(pages >= 2, "{pages} page(s)");
    let session = load_session(&sessions[1]).expect("loads");
    let patient = myomap::storage::load_patient(
        &library
            .join("patients")
            .join(session.patient_id.0.to_string())
            .join("patient.ron"),
    )
    .expect("patient");
    let patient_id = session.patient_id.0.to_string();
    for expected in [
        patient_id.as_str(),
        patient.display_name.as_str(),
        patient.clinic_ref.as_str(),
        "Treatment session report",
        "Needling log",
        "Safety warnings",
        "Technique",
        "Trigger-point findings",
        "Screening and consent",
        "Adverse events",
        "Aftercare",
        "Sign-off",
        "Comparison with the previous visit",
    ] {
        assert!(text.contains(expected), "the report lacks {expected:?}");
    }
    let map = &myomap::bodymap::standard().map;
    for site in &session.needle_sites {
        let muscle = site.muscle.as_ref().expect("demo sites name their muscle");
        let name = &map.muscle(&muscle.0).expect("on the map").name;
        assert!(
            text.contains(name.as_str()),
            "the needle table lacks {name}"
        );
        assert!(
            text.contains(&site.needle.label()),
            "and the needle {}",
            site.needle.label()
        );
    }
    let signature = session
        .signature
        .as_ref()
        .expect("the demo visit is signed");
    assert!(text.contains(&signature.content_hash[..16]));

    // The same session gives the same bytes.
    let again = dir.path().join("again.pdf");
    succeeds(&["report", path_str(&sessions[1]), "-o", path_str(&again)]);
    assert_eq!(bytes, std::fs::read(&again).expect("written"));

    // pdftotext, when installed, reads it too.
    if let Ok(output) = Command::new("pdftotext").arg(&out).arg("-").output()
        && output.status.success()
    {
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(text.contains(patient.display_name.as_str()));
        assert!(text.contains("Needling log"));
    }
}

#[test]
fn the_handout_has_aftercare_red_flags_and_the_next_visit_but_no_clinical_notes() {
    let (dir, _library, sessions) = runner();
    let out = dir.path().join("handout.pdf");
    succeeds(&[
        "report",
        path_str(&sessions[0]),
        "--handout",
        "-o",
        path_str(&out),
    ]);
    let (_, text) = pdf_text(&std::fs::read(&out).expect("written"));
    let session = load_session(&sessions[0]).expect("loads");
    assert!(text.contains("Muscles treated"));
    assert!(text.contains("Your right") || text.contains("Your left"));
    assert!(text.contains("When to get help"));
    assert!(
        text.to_lowercase().contains("breath"),
        "the pneumothorax red flag"
    );
    let follow_up: String = session
        .follow_up
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        !follow_up.is_empty() && text.contains(&follow_up),
        "next appointment"
    );
    // No clinical notes of any kind: chart notes (drawn, not text, so checked on the
    // drawing itself), the session's, and those of its marks.
    let map = &myomap::bodymap::standard().map;
    for view in &map.views {
        let projection = myomap::scene::Projection::fit(
            myomap::scene::MapScene::outline_bounds(view),
            (0.0, 0.0),
            400.0,
            1000.0,
            10.0,
        );
        let glyphs = myomap::scene::marks::session_glyphs(
            &session,
            &view.id,
            &projection,
            &myomap::scene::MarkColors::LIGHT,
            false,
        );
        assert!(
            !glyphs
                .iter()
                .any(|g| matches!(g, myomap::scene::Glyph::Text { .. })),
            "a note would be drawn on {}",
            view.id
        );
    }
    assert!(
        !session.text_notes.is_empty(),
        "the visit has chart notes to leave out"
    );
    let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let notes = words(&session.notes);
    assert!(
        !notes.is_empty() && !text.contains(&notes),
        "the session notes leaked"
    );
    let mark_notes = session
        .trigger_points
        .iter()
        .map(|t| &t.notes)
        .chain(session.needle_sites.iter().map(|n| &n.notes))
        .chain(session.needle_sites.iter().map(|n| &n.immediate_response))
        .chain(session.referred_zones.iter().map(|z| &z.notes))
        .map(|n| words(n))
        .filter(|n| n.len() > 8);
    for note in mark_notes {
        assert!(!text.contains(&note), "a mark's note leaked: {note}");
    }
    assert!(
        !text.contains("Screening"),
        "no screening answers on the handout"
    );
}

#[test]
fn the_needling_log_has_one_row_per_needle_site_with_its_values() {
    let (dir, library, sessions) = runner();
    let patient_dir = library
        .join("patients")
        .join("00010000-0000-0000-0000-000000000102");
    let out = dir.path().join("log.csv");
    succeeds(&["export-csv", path_str(&patient_dir), "-o", path_str(&out)]);
    let text = std::fs::read_to_string(&out).expect("written");
    assert!(text.contains("\r\n"), "RFC 4180 line ends");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().expect("a header row").clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        myomap::export::csv::COLUMNS
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    let all: Vec<_> = sessions
        .iter()
        .map(|p| load_session(p).expect("loads"))
        .collect();
    let expected: usize = all.iter().map(|s| s.needle_sites.len()).sum();
    assert_eq!(rows.len(), expected);
    let column = |name: &str| headers.iter().position(|h| h == name).expect(name);
    // The first row is the first visit's first needle.
    let (session, site) = (&all[0], &all[0].needle_sites[0]);
    let row = &rows[0];
    assert_eq!(&row[column("date")], session.date().to_string());
    assert_eq!(&row[column("session_id")], session.id.0.to_string());
    assert_eq!(
        &row[column("muscle_id")],
        site.muscle.as_ref().map_or("", |m| m.0.as_str())
    );
    assert_eq!(&row[column("side")], site.side.label());
    assert_eq!(
        row[column("depth_mm")].parse::<f32>().ok(),
        site.depth_mm,
        "depth as a plain number"
    );
    assert_eq!(&row[column("clinician")], session.clinician);
    assert!(row[column("date")].len() == 10 && row[column("date")].as_bytes()[4] == b'-');
}

#[test]
fn exports_never_replace_a_file_without_force_and_bad_input_is_named() {
    let (dir, library, sessions) = runner();
    let session = path_str(&sessions[0]);
    let patient_dir = library
        .join("patients")
        .join("00010000-0000-0000-0000-000000000102");
    let existing = dir.path().join("existing");
    std::fs::write(&existing, b"keep me").expect("write");
    for args in [
        vec![
            "render",
            session,
            "--view",
            "posterior",
            "-o",
            path_str(&existing),
        ],
        vec!["report", session, "-o", path_str(&existing)],
        vec!["report", session, "--handout", "-o", path_str(&existing)],
        vec![
            "export-csv",
            path_str(&patient_dir),
            "-o",
            path_str(&existing),
        ],
    ] {
        let output = myomap(&args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(stderr(&output).contains("--force"), "{}", stderr(&output));
        assert_eq!(std::fs::read(&existing).expect("still there"), b"keep me");
    }
    succeeds(&["report", session, "-o", path_str(&existing), "--force"]);
    assert!(
        std::fs::read(&existing)
            .expect("replaced")
            .starts_with(b"%PDF-")
    );

    let out = path_str(&dir.path().join("x.png")).to_owned();
    let output = myomap(&["render", session, "--view", "dorsal_fin", "-o", &out]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("dorsal_fin") && stderr(&output).contains("posterior"));
    let other = common::demo_sessions(&library, "101");
    let output = myomap(&[
        "render",
        session,
        "--view",
        "posterior",
        "--against",
        path_str(&other[0]),
        "-o",
        &out,
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("another patient"),
        "{}",
        stderr(&output)
    );
    let output = myomap(&["export-csv", path_str(dir.path()), "-o", &out]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("not a patient folder"));
    let output = myomap(&["report", path_str(&existing), "-o", &out]);
    assert_eq!(output.status.code(), Some(1), "a PDF is not a session");
    assert!(!stderr(&output).contains("panicked"));
}

#[test]
fn file_export_asks_before_replacing_a_file() {
    let (dir, _library, sessions) = runner();
    let png = dir.path().join("view.png");
    let mut harness = common::app(
        dir.path(),
        None,
        Some(sessions[0].clone()),
        vec![Some(png.clone()), Some(png.clone()), Some(png.clone())],
    );
    let export = |harness: &mut egui_kittest::Harness<'_, myomap::app::MyomapApp>| {
        harness.get_by_label("File").click();
        harness.run_ok();
        harness.get_by_label("Export").hover();
        harness.run_ok();
        harness.get_by_label("Export view as PNG…").click();
        harness.run_ok();
    };
    export(&mut harness);
    let first = std::fs::read(&png).expect("exported");
    assert!(image::load_from_memory(&first).is_ok());

    // Into the same file again: asked, and Cancel keeps it.
    std::fs::write(&png, b"older export").expect("write");
    export(&mut harness);
    harness.get_by_label("Replace the existing file?");
    harness.get_by_label("Cancel").click();
    harness.run_ok();
    assert_eq!(std::fs::read(&png).expect("kept"), b"older export");

    export(&mut harness);
    harness.get_by_label("Replace").click();
    harness.run_ok();
    assert_eq!(std::fs::read(&png).expect("replaced"), first);
}

#[test]
fn a_custom_view_is_exported_with_its_diagram_and_marks() {
    let (dir, library, sessions) = runner();
    // A clinic's own diagram: a plain blue picture, 300 × 400 pixels.
    let picture = dir.path().join("hand.png");
    image::RgbaImage::from_pixel(300, 400, image::Rgba([40, 90, 200, 255]))
        .save(&picture)
        .expect("written");
    let custom = myomap::bodymap::custom::add_custom_view(&library, "Hand, dorsal", &picture, &[])
        .expect("added");
    // A trigger point charted on it, in the runner's latest (unsigned) visit.
    let mut session = load_session(&sessions[4]).expect("loads");
    let mut point = session.trigger_points[0].clone();
    point.id = myomap::model::MarkId(9_999);
    point.view = custom.id();
    point.at = myomap::geometry::MapPoint::new(150.0, 200.0);
    point.status = myomap::model::TriggerPointStatus::Active;
    point.carried_forward = false;
    session.trigger_points.push(point);
    myomap::storage::save(&sessions[4], &session, None).expect("saved");

    let out = dir.path().join("hand-chart.png");
    succeeds(&[
        "render",
        path_str(&sessions[4]),
        "--view",
        custom.file.id.as_str(),
        "-o",
        path_str(&out),
        "--width",
        "300",
    ]);
    let image = image::open(&out).expect("a PNG").to_rgba8();
    assert_eq!(image.width(), 300);
    let blue = image.pixels().filter(|p| p.0 == [40, 90, 200, 255]).count();
    assert!(blue > 20_000, "the diagram is drawn ({blue} blue pixels)");
    let [r, g, b, _] = myomap::scene::MarkColors::LIGHT.trigger_active;
    let centre = image
        .enumerate_pixels()
        .filter(|(_, _, p)| p.0[..3] == [r, g, b])
        .count();
    assert!(
        centre > 10,
        "the trigger point is drawn on it ({centre} px)"
    );

    let report = dir.path().join("report.pdf");
    succeeds(&["report", path_str(&sessions[4]), "-o", path_str(&report)]);
    let (_, text) = pdf_text(&std::fs::read(&report).expect("written"));
    assert!(
        text.contains("Hand, dorsal"),
        "the custom chart is captioned"
    );
    assert!(!text.contains("not drawn here"));
}

#[test]
fn the_app_exports_the_open_sessions_report_and_handout() {
    let (dir, library, sessions) = runner();
    let (report, handout) = (
        dir.path().join("report.pdf"),
        dir.path().join("handout.pdf"),
    );
    let mut harness = common::app(
        dir.path(),
        Some(library),
        Some(sessions[1].clone()),
        vec![Some(report.clone()), Some(handout.clone())],
    );
    for item in [
        "Export session report (PDF)…",
        "Export patient handout (PDF)…",
    ] {
        harness.get_by_label("File").click();
        harness.run_ok();
        harness.get_by_label("Export").hover();
        harness.run_ok();
        harness.get_by_label(item).click();
        harness.run_ok();
    }
    let earlier = load_session(&sessions[0]).expect("loads").date();
    let (_, text) = pdf_text(&std::fs::read(&report).expect("the report is written"));
    assert!(text.contains("Treatment session report"));
    assert!(
        text.contains(&format!("Comparison with the previous visit ({earlier})")),
        "compared with the visit before"
    );
    let (_, text) = pdf_text(&std::fs::read(&handout).expect("the handout is written"));
    assert!(text.contains("Muscles treated") && !text.contains("Needling log"));
}
