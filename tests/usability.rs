//! How much a clinician has to do: a complete first visit driven through the real UI, every
//! click and key counted (`docs/usability.md` says what counts and how to run it), and the
//! chart's share of a small clinic screen.

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use myomap::app::{AppPaths, MyomapApp};
use myomap::geometry::MapPoint;

/// The most a complete first visit may take (issue #18: about 110 before).
const FIRST_VISIT_BUDGET: u32 = 45;

/// The app with what the clinician did to it: each click, key press and typed entry counts
/// one.
struct Walk {
    harness: Harness<'static, MyomapApp>,
    actions: u32,
    log: Vec<String>,
}

impl Walk {
    fn note(&mut self, what: String) {
        self.actions += 1;
        self.log.push(what);
    }

    /// Clicks the control named `label` (scrolled into sight first, which is not counted:
    /// the wheel is not a decision).
    fn click(&mut self, label: &str) {
        self.harness.get_by_label(label).scroll_to_me();
        self.harness.run_ok();
        self.harness.get_by_label(label).click();
        self.harness.run_ok();
        self.harness.run_ok();
        self.note(format!("click {label}"));
    }

    /// Clicks the control whose name contains `label` (a tab's name carries a ⚠ when its
    /// page needs attention).
    fn click_contains(&mut self, label: &str) {
        self.harness.get_by_label_contains(label).click();
        self.harness.run_ok();
        self.harness.run_ok();
        self.note(format!("click {label}"));
    }

    /// Types `text` into the field that has the keyboard (one entry, however long).
    fn type_text(&mut self, text: &str) {
        assert!(
            self.harness.ctx.memory(|m| m.focused()).is_some(),
            "a field has the keyboard before typing {text:?}"
        );
        self.harness.event(egui::Event::Text(text.to_owned()));
        self.harness.run_ok();
        self.note(format!("type {text:?}"));
    }

    /// Clicks into the field labelled `label`, then types.
    fn fill(&mut self, label: &str, text: &str) {
        self.click(label);
        self.harness.get_by_label(label).focus();
        self.harness.run_ok();
        self.type_text(text);
    }

    /// Presses `key` over the chart.
    fn key_over_chart(&mut self, key: egui::Key) {
        let centre = self.screen_of(MapPoint::new(0.0, 900.0));
        self.harness.hover_at(centre);
        self.harness.run_ok();
        self.harness.key_press(key);
        self.harness.run_ok();
        self.note(format!("key {key:?}"));
    }

    fn screen_of(&self, at: MapPoint) -> egui::Pos2 {
        self.harness
            .state()
            .canvas()
            .memory
            .screen_pos(at)
            .expect("the canvas has been shown")
    }

    /// Clicks the chart at `at` (mm on the view shown).
    fn click_chart(&mut self, at: MapPoint) {
        let pos = self.screen_of(at);
        self.harness.hover_at(pos);
        self.harness.run_ok();
        self.harness.drag_at(pos);
        self.harness.run_ok();
        self.harness.drop_at(pos);
        self.harness.run_ok();
        self.harness.run_ok();
        self.note(format!("click the chart at {}, {}", at.x, at.y));
    }

    /// Drags over the chart through `path` (one stroke).
    fn stroke(&mut self, path: &[MapPoint]) {
        let points: Vec<egui::Pos2> = path.iter().map(|p| self.screen_of(*p)).collect();
        self.harness.hover_at(points[0]);
        self.harness.run_ok();
        self.harness.drag_at(points[0]);
        self.harness.run_ok();
        for pos in &points[1..] {
            self.harness.hover_at(*pos);
            self.harness.run_ok();
        }
        self.harness.drop_at(*points.last().expect("a path"));
        self.harness.run_ok();
        self.note("one stroke on the chart".to_owned());
    }
}

/// New patient, complaint, pain before, screening, consent (the thorax will be needled),
/// three trigger points, a pain drawing, two needles (one over the lung, acknowledged), pain
/// after, needle count, aftercare, sign-off with a new signing identity, save.
#[test]
fn a_complete_first_visit_takes_at_most_45_clicks_and_keys() {
    let data = tempfile::tempdir().expect("temp dir");
    let library = AppPaths::under(&data.path().join("app")).default_library;
    let harness = common::app(data.path(), Some(library), None, Vec::new());
    let mut walk = Walk {
        harness,
        actions: 0,
        log: Vec::new(),
    };

    // The patient and the visit.
    walk.click("File");
    let items: Vec<_> = walk.harness.get_all_by_label("New patient…").collect();
    items.last().expect("the menu item").click();
    walk.harness.run_ok();
    walk.note("click New patient…".to_owned());
    walk.type_text("Jordan Okafor");
    walk.click("Create patient");
    assert!(walk.harness.state().document().is_some(), "a visit is open");
    walk.fill("Clinician", "Ana Lopes, PT");
    walk.click("Add complaint");
    walk.type_text("Right neck and shoulder pain, 6 weeks");
    walk.click("Pain before: 6 of 10");

    // Screening and consent, from the top of the record.
    walk.click_contains("Clinical record");
    walk.click("No to all not yet answered");
    walk.click("Mark screening reviewed");
    walk.click("Risk of pneumothorax (thorax treated)");
    walk.click("Explained all — record consent");

    // Charting on the back view.
    walk.click("Back");
    walk.key_over_chart(egui::Key::T);
    walk.click_chart(MapPoint::new(130.0, 300.0)); // right upper trapezius
    walk.click_chart(MapPoint::new(100.0, 250.0)); // right levator scapulae
    walk.click_chart(MapPoint::new(110.0, 400.0)); // right infraspinatus
    walk.key_over_chart(egui::Key::B);
    walk.stroke(&[
        MapPoint::new(60.0, 150.0),
        MapPoint::new(80.0, 200.0),
        MapPoint::new(110.0, 260.0),
        MapPoint::new(150.0, 290.0),
    ]);
    walk.key_over_chart(egui::Key::N);
    walk.click_chart(MapPoint::new(120.0, 560.0)); // over the ribs: the lung zone
    walk.click("Acknowledge");
    walk.click_chart(MapPoint::new(118.0, 768.0)); // into the gluteus medius
    {
        let session = walk.harness.state().document().expect("open").session();
        assert_eq!(
            session.needle_sites.len(),
            2,
            "{:#?} {:#?}",
            walk.log,
            walk.harness.state().notifications().all()
        );
    }

    // After the needling.
    walk.click("Visit");
    walk.click("Pain after: 3 of 10");
    walk.click_contains("Clinical record");
    walk.click("2 in, 2 out — all counted");
    walk.click("Aftercare advice given");

    // Sign-off, creating the clinician's signing identity on the way.
    walk.click("Sign session…");
    walk.fill("Credentials", "PT, registration 12345");
    walk.fill("Passphrase", "correct horse battery");
    walk.fill("Repeat passphrase", "correct horse battery");
    walk.click("Create identity");
    walk.fill("Passphrase", "correct horse battery");
    walk.click("Sign and save");

    let doc = walk.harness.state().document().expect("open");
    let session = doc.session();
    assert_eq!(session.complaints.len(), 1);
    assert!(session.pain_before.is_some() && session.pain_after.is_some());
    assert!(session.screening.is_reviewed());
    let consent = session.consent.as_ref().expect("consent");
    assert!(consent.missing_essentials().is_empty());
    assert_eq!(session.trigger_points.len(), 3, "{:#?}", walk.log);
    assert_eq!(session.referred_zones.len(), 1);
    assert_eq!(session.needle_sites.len(), 2);
    assert!(
        session
            .needle_sites
            .iter()
            .flat_map(|n| &n.warnings)
            .all(|w| w.acknowledged)
    );
    assert!(session.aftercare.given);
    assert!(session.is_signed(), "signed: {:#?}", walk.log);
    assert!(doc.path().is_some(), "signing saved it");
    println!(
        "A complete first visit took {} clicks, keys and typed entries:",
        walk.actions
    );
    for step in &walk.log {
        println!("  {step}");
    }
    assert!(
        walk.actions <= FIRST_VISIT_BUDGET,
        "{} actions, over the budget of {FIRST_VISIT_BUDGET}: {:#?}",
        walk.actions,
        walk.log
    );
}

/// The app at `size` (scale 1.0) with the nurse's first demo visit open.
fn first_visit_at(data: &std::path::Path, size: [f32; 2]) -> Harness<'static, MyomapApp> {
    let library = common::demo_library(data);
    let first = common::demo_sessions(&library, "103")[0].clone();
    let paths = AppPaths::under(&data.join("app"));
    let start = myomap::app::AppStart {
        library: Some(library),
        open: Some(first),
    };
    let mut harness = Harness::builder()
        .with_size(size)
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |cc| {
            MyomapApp::new(
                cc,
                start,
                paths,
                Box::new(myomap::app::ScriptedDialogs::new(Vec::new())),
            )
        });
    harness.run_ok();
    harness.run_ok();
    harness
}

/// At 1024 × 700 (scale 1.0) the body chart of an open visit takes at least 60 % of the
/// window's height and most of its width.
#[test]
fn the_chart_fills_a_small_window() {
    let data = tempfile::tempdir().expect("temp dir");
    let harness = first_visit_at(data.path(), [1024.0, 700.0]);
    let chart = harness
        .get_all_by_role(egui::accesskit::Role::Canvas)
        .next()
        .expect("the body chart")
        .rect();
    let (width, height) = (chart.width(), chart.height());
    assert!(
        height >= 0.6 * 700.0,
        "the chart is {height:.0} px of 700 high"
    );
    assert!(
        width >= 0.5 * 1024.0,
        "the chart is {width:.0} px of 1024 wide"
    );
}

/// At every window size, from the app's minimum up, the map row's view switch and its icons
/// lie side by side, never over each other: where the four view buttons do not fit, every
/// view is in one list.
#[test]
fn the_view_switch_and_the_map_icons_never_overlap() {
    let icons = [
        "Muscle layers",
        "Mirror for patient",
        "Muscle names",
        "Safety zones",
        "Fit",
    ];
    let mut compact_seen = false;
    let mut full_seen = false;
    for size in [
        [720.0, 480.0],
        [800.0, 600.0],
        [900.0, 650.0],
        [1024.0, 700.0],
        [1280.0, 800.0],
        [1400.0, 900.0],
        [1920.0, 1080.0],
    ] {
        let data = tempfile::tempdir().expect("temp dir");
        let harness = first_visit_at(data.path(), size);
        let switch = match harness.query_by_label("Detail views") {
            Some(list) => {
                full_seen = true;
                let front = harness.get_by_label("Front").rect();
                front.union(list.rect())
            }
            None => {
                compact_seen = true;
                harness.get_by_label("Views").rect()
            }
        };
        for icon in icons {
            let rect = harness.get_by_label(icon).rect();
            assert!(
                !rect.intersects(switch),
                "at {size:?} {icon} {rect:?} overlaps the view switch {switch:?}"
            );
            assert!(rect.right() <= size[0] && switch.left() >= 0.0, "{size:?}");
        }
    }
    assert!(full_seen, "the view buttons show in a wide window");
    assert!(compact_seen, "every view is in one list in a narrow one");
}

/// Where a body-map point is on screen, and the zoom: what must not change while the
/// clinician works.
fn placement(harness: &Harness<'_, MyomapApp>) -> (egui::Pos2, f32) {
    let memory = &harness.state().canvas().memory;
    (
        memory
            .screen_pos(MapPoint::new(0.0, 900.0))
            .expect("the canvas has been shown"),
        memory.zoom(),
    )
}

/// Chooses `tool` and clicks the chart at `at` (mm on the view shown).
fn click_with(harness: &mut Harness<'_, MyomapApp>, tool: &str, at: MapPoint) {
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, tool)
        .click();
    harness.run_ok();
    let pos = harness
        .state()
        .canvas()
        .memory
        .screen_pos(at)
        .expect("shown");
    harness.hover_at(pos);
    harness.run_ok();
    harness.drag_at(pos);
    harness.run_ok();
    harness.drop_at(pos);
    harness.run_ok();
    harness.run_ok();
}

/// Switching tools (each with its own options, the needle with its lock), selecting a mark
/// and opening its inspector never move the map or change its zoom; a click with the locked
/// needle tool says why and selects nothing.
#[test]
fn the_canvas_stays_put_while_tools_change_and_marks_are_selected() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = common::new_patient_session(data.path(), "Still Canvas");
    harness.get_by_label("Back").click();
    harness.run_ok();
    let before = placement(&harness);
    for tool in [
        "Pain brush",
        "Eraser",
        "Lasso fill",
        "Needle",
        "Arrow",
        "Note",
        "Trigger point",
        "Select",
    ] {
        harness
            .get_by_role_and_label(egui::accesskit::Role::Button, tool)
            .click();
        harness.run_ok();
        assert_eq!(placement(&harness), before, "after choosing {tool}");
    }

    // The needle tool is locked before screening and consent: a click says why, selects
    // nothing, and leaves no empty inspector.
    click_with(&mut harness, "Needle", MapPoint::new(118.0, 768.0));
    assert!(harness.state().canvas().tools.selection.is_empty());
    assert!(
        harness
            .state()
            .notifications()
            .all()
            .iter()
            .any(|n| n.text.starts_with("Needle site not placed: ")),
        "the refusal says why"
    );
    assert_eq!(placement(&harness), before, "after a refused needle");

    // A trigger point placed and selected opens the inspector beside the map, not over it.
    click_with(&mut harness, "Trigger point", MapPoint::new(130.0, 300.0));
    assert_eq!(harness.state().canvas().tools.selection.len(), 1);
    assert_eq!(placement(&harness), before, "after selecting a mark");

    // Folding the side panel widens the chart; the inspector then floats over its edge.
    harness.key_press(egui::Key::F9);
    harness.run_ok();
    harness.run_ok();
    assert!(
        harness.query_by_label_contains("Clinical record").is_none(),
        "the side panel is folded"
    );
    let drawer = harness.get_by_label("Delete").rect();
    let chart = harness
        .get_all_by_role(egui::accesskit::Role::Canvas)
        .next()
        .expect("the chart")
        .rect();
    assert!(
        chart.contains(drawer.center()),
        "the inspector floats over the chart's edge"
    );
    harness.key_press(egui::Key::F9);
    harness.run_ok();
    harness.get_by_label_contains("Clinical record");
}
