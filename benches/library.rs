//! Storage benchmarks: reading the demo library, and encoding/decoding a heavy session
//! (400 trigger points, 400 needle sites, 20,000 brush points). See docs/performance.md.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use myomap::model::Session;
use myomap::storage::{self, Library};

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

criterion_group!(benches, demo_library, heavy_session);
criterion_main!(benches);
