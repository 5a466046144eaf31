//! Hit-testing speed on the standard adult map: the muscles under a point, the nearest
//! muscle, the location region, on the busiest views. Target ≤ 20 µs per lookup, so it can
//! run on every pointer move. Also: building a view's index and its paintable scene.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use myomap::bodymap::{BodyMap, ViewIndex, standard};
use myomap::geometry::{MapPoint, ViewId};
use myomap::scene::{LayerMode, MapScene};

/// Points spread over a view's silhouette bounds, as a pointer moving across it visits them.
fn points(map: &BodyMap, view: &str) -> Vec<MapPoint> {
    let bounds = MapScene::outline_bounds(map.view(&ViewId::new(view)).expect("standard view"));
    let (w, h) = (bounds.max.x - bounds.min.x, bounds.max.y - bounds.min.y);
    (0..512)
        .map(|i| {
            MapPoint::new(
                bounds.min.x + ((i * 37) % 401) as f32 / 400.0 * w,
                bounds.min.y + ((i * 91) % 1399) as f32 / 1398.0 * h,
            )
        })
        .collect()
}

fn hit_test(c: &mut Criterion) {
    let standard = standard();
    for view in ["posterior", "right_lateral"] {
        let index: &ViewIndex = &standard.index[&ViewId::new(view)];
        let points = points(&standard.map, view);
        let mut i = 0;
        let mut next = move || {
            i = (i + 1) % points.len();
            points[i]
        };
        c.bench_function(&format!("hit-test {view}: muscles under a point"), |b| {
            b.iter(|| black_box(index.muscles_at(black_box(next()))));
        });
        c.bench_function(
            &format!("hit-test {view}: nearest muscle within 10 mm"),
            |b| {
                b.iter(|| black_box(index.nearest_muscle(black_box(next()), 10.0, None)));
            },
        );
        c.bench_function(
            &format!("hit-test {view}: location region under a point"),
            |b| {
                b.iter(|| black_box(index.region_at("locations", black_box(next()))));
            },
        );
    }
    let map = &standard.map;
    let posterior = map.view(&ViewId::new("posterior")).expect("standard view");
    c.bench_function("build the hit-test index of the posterior view", |b| {
        b.iter(|| black_box(ViewIndex::new(map, posterior)));
    });
    c.bench_function(
        "build the posterior scene (both layers, 0.125 mm curves)",
        |b| {
            b.iter(|| black_box(MapScene::new(map, posterior, LayerMode::Both, 0.125)));
        },
    );
    c.bench_function("parse the standard map (first use in a run)", |b| {
        b.iter(|| {
            let map: BodyMap =
                myomap::storage::decode(myomap::bodymap::STANDARD_MAP_RON).expect("parses");
            black_box(map)
        });
    });
    c.bench_function("validate the standard map (tests and check only)", |b| {
        b.iter(|| black_box(map.problems()));
    });
}

criterion_group!(benches, hit_test);
criterion_main!(benches);
