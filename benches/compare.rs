//! Comparing two heavy sessions: metrics of both, the difference map of every view, Jaccard,
//! centroid shift and trigger-point matching. Target ≤ 10 ms (product brief).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use myomap::bodymap::{BODY_MAP_FORMAT_VERSION, BodyMap, Facing, Path, Segment, View};
use myomap::geometry::{MapPoint, ViewId};
use myomap::metrics::{BodyCharts, SessionMasks, compare, compare_prepared, differences};
use myomap::model::PaintOp;

/// Body charts for the two views the heavy session paints: a 500 × 1,750 mm figure each.
fn charts() -> BodyCharts {
    let p = MapPoint::new;
    let view = |id: &str, facing| View {
        id: ViewId::new(id),
        name: id.into(),
        facing,
        outline: vec![Path {
            start: p(-250.0, 0.0),
            segments: vec![
                Segment::L(p(250.0, 0.0)),
                Segment::L(p(250.0, 1750.0)),
                Segment::L(p(-250.0, 1750.0)),
            ],
            closed: true,
        }],
        contours: vec![],
        muscles: vec![],
    };
    BodyCharts::from_map(&BodyMap {
        format_version: BODY_MAP_FORMAT_VERSION,
        id: "bench".into(),
        version: 1,
        name: "Bench".into(),
        muscles: vec![],
        views: vec![
            view("anterior", Facing::Anterior),
            view("posterior", Facing::Posterior),
        ],
        region_sets: vec![],
    })
}

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
    let charts = charts();
    c.bench_function(
        "compare two heavy sessions (metrics, difference maps, TrP matching)",
        |b| {
            b.iter(|| black_box(compare(black_box(&earlier), black_box(&later), &charts)));
        },
    );
    let (earlier_masks, later_masks) = (
        SessionMasks::new(&earlier, &charts),
        SessionMasks::new(&later, &charts),
    );
    c.bench_function(
        "compare two loaded heavy sessions (drawings already rasterised)",
        |b| {
            b.iter(|| {
                black_box(compare_prepared(
                    (&earlier, &earlier_masks),
                    (&later, &later_masks),
                    &charts,
                ))
            });
        },
    );
    c.bench_function("rasterise one heavy session (both views)", |b| {
        b.iter(|| black_box(SessionMasks::new(black_box(&earlier), &charts)));
    });
    c.bench_function("difference maps only", |b| {
        b.iter(|| black_box(differences(&earlier, &later, &charts)));
    });
}

criterion_group!(benches, compare_heavy);
criterion_main!(benches);
