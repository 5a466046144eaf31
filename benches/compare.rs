//! Comparing two heavy sessions: metrics of both, the difference map of every view, Jaccard,
//! centroid shift and trigger-point matching. Target ≤ 10 ms (product brief).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use myomap::metrics::{SessionMasks, compare, compare_prepared, differences, standard_charts};
use myomap::model::PaintOp;

fn compare_heavy(c: &mut Criterion) {
    let earlier = myomap::demo::heavy_session();
    // The later visit: every stroke moved 8 mm and a third of the zones erased.
    let mut later = earlier.clone();
    for (i, zone) in later.referred_zones.iter_mut().enumerate() {
        for op in &mut zone.paint {
            if let PaintOp::Brush { points, .. } = op {
                for point in points {
                    point.x += 8.0;
                }
            }
        }
        if i % 3 == 0 {
            zone.paint.clear();
        }
    }
    // The standard map's body charts, with its WPI and location regions coded too.
    let charts = standard_charts();
    c.bench_function(
        "compare two heavy sessions (metrics, difference maps, TrP matching)",
        |b| {
            b.iter(|| black_box(compare(black_box(&earlier), black_box(&later), charts)));
        },
    );
    let (earlier_masks, later_masks) = (
        SessionMasks::new(&earlier, charts),
        SessionMasks::new(&later, charts),
    );
    c.bench_function(
        "compare two loaded heavy sessions (drawings already rasterised)",
        |b| {
            b.iter(|| {
                black_box(compare_prepared(
                    (&earlier, &earlier_masks),
                    (&later, &later_masks),
                    charts,
                ))
            });
        },
    );
    c.bench_function("rasterise one heavy session (both views)", |b| {
        b.iter(|| black_box(SessionMasks::new(black_box(&earlier), charts)));
    });
    c.bench_function("trigger-point matching only", |b| {
        b.iter(|| black_box(myomap::metrics::match_trigger_points(&earlier, &later)));
    });
    c.bench_function("metrics of one loaded heavy session", |b| {
        b.iter(|| black_box(myomap::metrics::session_metrics(&earlier, charts)));
    });
    c.bench_function("difference maps only", |b| {
        b.iter(|| black_box(differences(&earlier, &later, charts)));
    });
}

criterion_group!(benches, compare_heavy);
criterion_main!(benches);
