//! One full app frame of the session screen — layout, painting the map and every mark,
//! tessellation — on a headless egui::Context, with the heavy session (400 trigger points,
//! 400 needle sites, 60 zones with 20,000 brush points) and with an empty session, at the
//! fitted zoom with the pointer over the body; the heavy session also with the clinical record
//! shown (screening, consent, needle count, its safety warnings, sign-off) and the safety-zone
//! overlay on. Target: median ≤ 2 ms for the heavy session.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use myomap::app::{CanvasState, CustomViews, Document, PanelTab, RecordUi, session_ui};
use myomap::geometry::ViewId;
use myomap::model::{PatientId, Session, SessionId};

fn input(time: f64) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1400.0, 900.0),
        )),
        time: Some(time),
        events: vec![egui::Event::PointerMoved(egui::pos2(560.0, 420.0))],
        ..Default::default()
    }
}

struct Screen {
    ctx: egui::Context,
    doc: Document,
    canvas: CanvasState,
    custom: CustomViews,
    record: RecordUi,
    time: f64,
}

impl Screen {
    fn new(session: Session) -> Self {
        let mut screen = Self {
            ctx: egui::Context::default(),
            doc: Document::new_unsaved(session, None, "Benchmark".to_owned()),
            canvas: CanvasState::new(ViewId::new("posterior")),
            custom: CustomViews::default(),
            record: RecordUi::default(),
            time: 0.0,
        };
        // Warm up: fonts, the parsed map, the scene and zone caches.
        for _ in 0..5 {
            screen.frame();
        }
        screen
    }

    fn frame(&mut self) -> usize {
        self.time += 1.0 / 60.0;
        let output = self.ctx.run_ui(input(self.time), |ui| {
            egui::CentralPanel::default().show(ui, |ui| {
                session_ui(
                    ui,
                    &mut self.doc,
                    &mut self.canvas,
                    &mut self.custom,
                    &mut self.record,
                );
            });
        });
        let primitives = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        primitives.len()
    }
}

fn frame(c: &mut Criterion) {
    let mut heavy = Screen::new(myomap::demo::heavy_session());
    let empty_session = Session::new(
        SessionId::random(),
        PatientId::random(),
        jiff::civil::date(2026, 11, 26).at(9, 0, 0, 0),
    );
    let mut empty = Screen::new(empty_session);
    let mut record = Screen::new(myomap::demo::heavy_session());
    record.record.tab = PanelTab::Record;
    record.canvas.memory.safety_zones = true;
    c.bench_function("frame: heavy session, posterior view", |b| {
        b.iter(|| black_box(heavy.frame()));
    });
    c.bench_function("frame: empty session, posterior view", |b| {
        b.iter(|| black_box(empty.frame()));
    });
    c.bench_function("frame: heavy session, record and safety zones", |b| {
        b.iter(|| black_box(record.frame()));
    });
}

criterion_group!(benches, frame);
criterion_main!(benches);
