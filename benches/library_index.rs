//! A clinic library at scale (issue #20): 2,000 patients × 100 visits = 200,000 session files.
//! Measured: bringing the library index up to date when nothing changed (what listing and
//! searching the library costs once the index exists), one search by location, and opening a
//! patient with 500 visits with every trend computed.
//!
//! Libraries are generated once under `target/bench-libraries/N` from the demo's visits (ids,
//! dates and patients varied) and reused by later runs. Sizes: `MYOMAP_INDEX_SIZES`
//! (default `1000,10000`; the full curve is `1000,10000,50000,200000`, which takes minutes to
//! generate and index the first time). Cold-cache figures are taken by
//! `benches/cold-cache.sh` (it drops the page cache, so it needs root).

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use myomap::index::{LibraryIndex, Query};
use myomap::model::{Patient, PatientId, Session, SessionId, Side, TriggerPointStatus};
use myomap::storage::{Library, encode};

const VISITS_PER_PATIENT: usize = 100;

fn library_dir(visits: usize) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/bench-libraries")
        .join(visits.to_string())
}

/// The demo's visits, unsigned, as templates.
fn templates() -> Vec<Session> {
    myomap::demo::demo_records()
        .into_iter()
        .flat_map(|(_, sessions)| sessions)
        .map(|mut s| {
            s.signature = None;
            s.addenda.clear();
            s
        })
        .collect()
}

/// Writes `patients` patients with `per_patient` visits each into `dir` (plain writes: a
/// fixture, not the app's save path), unless a finished library is already there.
pub fn generate(dir: &Path, patients: usize, per_patient: usize) -> Library {
    let done = dir.join(".generated");
    let library = Library::new(dir);
    if done.exists() {
        return library;
    }
    let _ = std::fs::remove_dir_all(dir);
    let templates = templates();
    for p in 0..patients {
        let id = PatientId::from_u128(0x5ca1_0000_0000 + p as u128);
        let mut patient = Patient::new(id, format!("Patient {p:05}"));
        patient.clinic_ref = format!("SC-{p:05}");
        let sessions = library.sessions_dir(id);
        std::fs::create_dir_all(&sessions).expect("patient folder");
        std::fs::write(library.patient_file(id), encode(&patient).expect("patient"))
            .expect("patient file");
        for v in 0..per_patient {
            let mut session = templates[(p + v) % templates.len()].clone();
            session.patient_id = id;
            session.id = SessionId::from_u128(((p as u128) << 32) | v as u128 | 1 << 100);
            session.started_at = jiff::civil::date(2020, 1, 6)
                .checked_add(jiff::Span::new().days((v * 7 + p % 7) as i64))
                .expect("date")
                .at(9, 0, 0, 0);
            let path = sessions.join(Library::session_file_name(&session));
            std::fs::write(path, encode(&session).expect("session")).expect("session file");
        }
    }
    std::fs::write(&done, b"").expect("marker");
    library
}

fn sizes() -> Vec<usize> {
    std::env::var("MYOMAP_INDEX_SIZES")
        .unwrap_or_else(|_| "1000,10000".to_owned())
        .split(',')
        .filter_map(|n| n.trim().parse().ok())
        .collect()
}

fn library_index(c: &mut Criterion) {
    let mut group = c.benchmark_group("library index");
    group.sample_size(10);
    for visits in sizes() {
        let patients = (visits / VISITS_PER_PATIENT).max(1);
        let dir = library_dir(visits);
        let library = generate(&dir, patients, VISITS_PER_PATIENT);
        let started = std::time::Instant::now();
        let (index, refresh) = LibraryIndex::open(&library);
        eprintln!(
            "{visits} visits: index opened in {:.2?} (rebuilt: {}, visits read: {})",
            started.elapsed(),
            refresh.rebuilt,
            refresh.visits_read
        );
        assert_eq!(index.visit_count(), patients * VISITS_PER_PATIENT);
        group.bench_function(
            format!("{visits} visits: open the index, nothing changed"),
            |b| {
                b.iter(|| black_box(LibraryIndex::open(&library)));
            },
        );
        let trapezius = Query {
            muscle: Some("upper_trapezius".to_owned()),
            side: Some(Side::Right),
            status: Some(TriggerPointStatus::Active),
            since: Some(jiff::civil::date(2021, 1, 1)),
            ..Query::default()
        };
        let thigh = Query {
            region: Some("right_lateral_thigh".to_owned()),
            ..Query::default()
        };
        assert!(!index.find(&trapezius).is_empty() && !index.find(&thigh).is_empty());
        group.bench_function(
            format!("{visits} visits: find active right upper trapezius since 2021"),
            |b| {
                b.iter(|| black_box(index.find(black_box(&trapezius)).len()));
            },
        );
        group.bench_function(
            format!("{visits} visits: find pain over the right lateral thigh"),
            |b| {
                b.iter(|| black_box(index.find(black_box(&thigh)).len()));
            },
        );
    }
    group.finish();
}

/// One patient with 500 visits: read every visit and compute every trend and trigger point.
fn patient_with_500_visits(c: &mut Criterion) {
    let dir = library_dir(500).with_file_name("one-patient-500");
    let library = generate(&dir, 1, 500);
    let (patients, _) = library.scan().expect("scan");
    let entry = patients[0].clone();
    c.bench_function(
        "open a patient with 500 visits and compute every trend",
        |b| {
            b.iter(|| {
                let (sessions, problems) = Library::load_sessions(&entry);
                assert!(problems.is_empty());
                let visits: Vec<&Session> = sessions.iter().map(|s| &s.session).collect();
                let trends = myomap::progress::trends(&visits);
                let tracks = myomap::progress::trigger_point_tracks(&visits);
                black_box((trends, tracks))
            });
        },
    );
}

criterion_group!(benches, library_index, patient_with_500_visits);
criterion_main!(benches);
