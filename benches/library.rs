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

/// Verifying every signature of a 5,000-session library against its ledger (issue #16,
/// target ≤ 1 s): each session's Ed25519 signature and addenda, then the cross-check of files,
/// ledger entries and the clinicians registry. Sessions are in memory (reading them is
/// `big_library`'s measure).
fn verify_library(c: &mut Criterion) {
    let templates: Vec<Session> = myomap::demo::demo_records()
        .into_iter()
        .flat_map(|(_, s)| s)
        .filter(Session::is_signed)
        .collect();
    let key = myomap::demo::demo_key();
    let sessions: Vec<(std::path::PathBuf, Session)> = (0..5_000_u128)
        .map(|n| {
            let mut session = templates[(n as usize) % templates.len()].clone();
            let addenda = session.addenda.clone();
            let at = session.signature.as_ref().map(|s| s.at).expect("signed");
            session.signature = None;
            session.addenda.clear();
            session.id = SessionId::from_u128(0x7000_0000 + n);
            session.sign(&key.signer(), at).expect("signs");
            for addendum in addenda {
                session
                    .add_addendum(&key.signer(), &addendum.text, addendum.at)
                    .expect("appends");
            }
            (std::path::PathBuf::from(format!("s{n}.ron")), session)
        })
        .collect();
    let library_id = "bench-library".to_owned();
    let mut registry = myomap::ledger::Registry {
        format_version: 1,
        library_id: library_id.clone(),
        clinicians: Vec::new(),
    };
    registry.register(
        "Sam Rivera, PT (demo)",
        "",
        &key.public_key(),
        "2026-09-01T00:00:00",
    );
    let ledger = myomap::ledger::ReadLedger {
        path: "bench.ledger".into(),
        entries: sessions
            .iter()
            .flat_map(|(_, s)| myomap::ledger::entries_of(&library_id, s))
            .collect(),
        problems: Vec::new(),
        last_hash: String::new(),
    };
    let root = std::path::Path::new("library");
    let mut group = c.benchmark_group("verify a 5,000-session library against its ledger");
    group.sample_size(10);
    group.bench_function("signatures and ledger cross-check", |b| {
        b.iter(|| {
            let intact = sessions
                .iter()
                .filter(|(_, s)| s.signature_state().is_intact())
                .count();
            let borrowed: Vec<(std::path::PathBuf, &Session)> =
                sessions.iter().map(|(p, s)| (p.clone(), s)).collect();
            let problems = myomap::ledger::cross_check(
                root,
                &registry,
                std::slice::from_ref(&ledger),
                &borrowed,
            );
            assert_eq!((intact, problems.len()), (5_000, 0));
            black_box(problems)
        });
    });
    group.finish();
}

criterion_group!(
    benches,
    big_library,
    demo_library,
    heavy_session,
    verify_library
);
criterion_main!(benches);
