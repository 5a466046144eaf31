//! Hit-testing speed: the muscles under a point, the nearest muscle, the surface region.
//! Target ≤ 20 µs per lookup (product brief). Until the standard map lands, a synthetic view
//! stands in: 160 Bézier muscle regions (80 a side, two layers), overlapping like a real back.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use myomap::bodymap::{
    BODY_MAP_FORMAT_VERSION, BodyMap, Facing, Layer, MuscleDef, MuscleRegion, Path, RegionSet,
    Segment, SurfaceRegion, View,
};
use myomap::geometry::{MapPoint, ViewId};
use myomap::model::Side;

/// A closed Bézier "belly" centred at (x, y) with radii (rx, ry).
fn belly(x: f32, y: f32, rx: f32, ry: f32) -> Path {
    let k = 0.552_284_8;
    let p = |dx: f32, dy: f32| MapPoint::new(x + dx, y + dy);
    Path {
        start: p(rx, 0.0),
        segments: vec![
            Segment::C(p(rx, k * ry), p(k * rx, ry), p(0.0, ry)),
            Segment::C(p(-k * rx, ry), p(-rx, k * ry), p(-rx, 0.0)),
            Segment::C(p(-rx, -k * ry), p(-k * rx, -ry), p(0.0, -ry)),
            Segment::C(p(k * rx, -ry), p(rx, -k * ry), p(rx, 0.0)),
        ],
        closed: true,
    }
}

fn synthetic_map() -> BodyMap {
    let mut muscles = Vec::new();
    let mut regions = Vec::new();
    for i in 0..80 {
        let id = format!("muscle_{i}");
        let layer = if i % 3 == 0 {
            Layer::Deep
        } else {
            Layer::Superficial
        };
        muscles.push(MuscleDef {
            id: id.clone(),
            name: id.clone(),
            layer,
            group: "synthetic".into(),
        });
        let (column, row) = ((i % 8) as f32, (i / 8) as f32);
        for (side, sign) in [(Side::Right, 1.0), (Side::Left, -1.0)] {
            regions.push(MuscleRegion {
                part: 0,
                muscle: id.clone(),
                side,
                shape: belly(
                    sign * (20.0 + column * 22.0),
                    250.0 + row * 130.0,
                    30.0,
                    90.0,
                ),
            });
        }
    }
    BodyMap {
        format_version: BODY_MAP_FORMAT_VERSION,
        id: "synthetic".into(),
        version: 1,
        name: "Synthetic".into(),
        muscles,
        views: vec![View {
            id: ViewId::new("posterior"),
            name: "Posterior".into(),
            facing: Facing::Posterior,
            outline: vec![belly(0.0, 875.0, 420.0, 1000.0)],
            contours: vec![],
            muscles: regions,
        }],
        region_sets: vec![RegionSet {
            id: "wpi".into(),
            name: "WPI".into(),
            regions: (0..19)
                .map(|i| SurfaceRegion {
                    id: format!("area_{i}"),
                    name: format!("Area {i}"),
                    side: Side::Midline,
                    view: ViewId::new("posterior"),
                    shape: belly(0.0, 100.0 + i as f32 * 85.0, 200.0, 42.0),
                })
                .collect(),
        }],
    }
}

fn hit_test(c: &mut Criterion) {
    let map = synthetic_map();
    assert!(map.problems().is_empty(), "{:?}", map.problems());
    let index = map.index();
    let view = &index[&ViewId::new("posterior")];
    // A fixed spread of points over the body, as a pointer moving across it would visit.
    let points: Vec<MapPoint> = (0..256)
        .map(|i| {
            MapPoint::new(
                ((i * 37) % 400) as f32 - 200.0,
                150.0 + ((i * 91) % 1400) as f32,
            )
        })
        .collect();
    let mut i = 0;
    let mut next = move || {
        i = (i + 1) % points.len();
        points[i]
    };
    c.bench_function("hit-test: muscles under a point", |b| {
        b.iter(|| black_box(view.muscles_at(black_box(next()))));
    });
    c.bench_function("hit-test: nearest muscle within 10 mm", |b| {
        b.iter(|| black_box(view.nearest_muscle(black_box(next()), 10.0, None)));
    });
    c.bench_function("hit-test: WPI region under a point", |b| {
        b.iter(|| black_box(view.region_at("wpi", black_box(next()))));
    });
    c.bench_function("hit-test: build the index of a view", |b| {
        b.iter(|| black_box(map.index()));
    });
}

criterion_group!(benches, hit_test);
criterion_main!(benches);
