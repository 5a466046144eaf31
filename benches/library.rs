//! Storage benchmarks: indexing a big library (200 patients × 25 sessions, 5,000 files),
//! opening a patient with 100 sessions and computing all their trends, reading the demo
//! library, and encoding/decoding a heavy session (400 trigger points, 400 needle sites,
//! 20,000 brush points). See docs/performance.md.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use myomap::model::{Patient, PatientId, Session, SessionId};
use myomap::storage::{self, Library};

/// Writes a library of `patients` patients with `sessions` visits each, the visits copied
/// from the demo library's (real charts), with their own ids and dates. Plain writes: this
/// is set-up, not what is measured.
fn generated_library(dir: &std::path::Path, patients: u128, sessions: usize) -> Library {
    let library = Library::new(dir);
    let templates: Vec<Session> = myomap::demo::demo_records()
        .into_iter()
        .flat_map(|(_, s)| s)
        .collect();
    for p in 0..patients {
        let id = PatientId::from_u128(0x5000_0000 + p);
        let mut patient = Patient::new(id, format!("Patient {p:03}"));
        patient.clinic_ref = format!("R{p:05}");
        let patient_dir = library.patient_dir(id);
        std::fs::create_dir_all(library.sessions_dir(id)).expect("folders");
        std::fs::write(
            patient_dir.join("patient.ron"),
            storage::encode(&patient).expect("encodes"),
        )
        .expect("patient written");
        for v in 0..sessions {
            let mut session = templates[(p as usize + v) % templates.len()].clone();
            session.id = SessionId::from_u128((p << 16) + v as u128 + 1);
            session.patient_id = id;
            session.started_at = jiff::civil::date(2024, 1, 1)
                .at(9, 0, 0, 0)
                .checked_add(jiff::Span::new().days(7 * v as i64))
                .expect("a date");
            std::fs::write(
                library.session_path(&session),
                storage::encode(&session).expect("encodes"),
            )
            .expect("session written");
        }
    }
    library
}

fn big_library(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let library = generated_library(dir.path(), 200, 25);
    c.bench_function(
        "index a library of 200 patients x 25 sessions (5,000 files)",
        |b| {
            b.iter(|| {
                let (patients, problems) = library.scan().expect("scan");
                assert!(problems.is_empty() && patients.len() == 200);
                black_box(patients)
            });
        },
    );
    let long = tempfile::tempdir().expect("temp dir");
    let library = generated_library(long.path(), 1, 100);
    let (patients, _) = library.scan().expect("scan");
    let charts = myomap::metrics::standard_charts();
    c.bench_function(
        "open a patient with 100 sessions and compute all trends",
        |b| {
            b.iter(|| {
                let (sessions, problems) = Library::load_sessions(&patients[0]);
                assert!(problems.is_empty() && sessions.len() == 100);
                let trends: Vec<_> = sessions
                    .iter()
                    .map(|e| myomap::metrics::session_metrics(&e.session, charts))
                    .collect();
                let all: Vec<&Session> = sessions.iter().map(|e| &e.session).collect();
                let frequency = myomap::metrics::frequency_counts(&all, charts);
                black_box((trends, frequency))
            });
        },
    );
}

fn demo_library(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    myomap::demo::write_demo_library(dir.path()).expect("demo written");
    let library = Library::new(dir.path());
    c.bench_function("open demo library (scan + read every session)", |b| {
        b.iter(|| {
            let (patients, problems) = library.scan().expect("scan");
            assert!(problems.is_empty());
            let sessions: usize = patients
                .iter()
                .map(|p| Library::load_sessions(p).0.len())
                .sum();
            black_box(sessions)
        });
    });
}

fn heavy_session(c: &mut Criterion) {
    let session = myomap::demo::heavy_session();
    let text = storage::encode(&session).expect("encodes");
    c.bench_function("decode heavy session", |b| {
        b.iter(|| black_box(storage::decode::<Session>(black_box(&text)).expect("decodes")));
    });
    c.bench_function("encode heavy session", |b| {
        b.iter(|| black_box(storage::encode(black_box(&session)).expect("encodes")));
    });
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("heavy.ron");
    c.bench_function("atomic save of heavy session (fsync, .bak)", |b| {
        b.iter(|| storage::save(&path, &session, None).expect("saves"));
    });
}

criterion_group!(benches, big_library, demo_library, heavy_session);
criterion_main!(benches);
