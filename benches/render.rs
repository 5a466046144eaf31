//! Exporting one heavy view (200 trigger points, 200 needle sites, 30 zones of the heavy
//! session on the posterior view, labels, legend) to a 2,000-px-tall image on the CPU.
//! Target ≤ 100 ms for the PNG (product brief).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use myomap::render::{
    Base, Marks, RenderOptions, chart_png, chart_svg, render_chart, width_for_height,
};

fn render_heavy(c: &mut Criterion) {
    let session = myomap::demo::heavy_session();
    let map = &myomap::bodymap::standard().map;
    let height = 2000;
    let base = Base::Map(map, "posterior");
    let width = width_for_height(base, height).expect("a standard view");
    let options = RenderOptions::new(width, height);
    let marks = Marks::Session {
        session: &session,
        patient: "Heavy session",
    };
    let mut group = c.benchmark_group("export a heavy posterior view, 2,000 px tall");
    group.sample_size(20);
    group.bench_function("PNG (draw and encode)", |b| {
        b.iter(|| black_box(chart_png(base, marks, black_box(&options))));
    });
    group.bench_function("pixels only (draw)", |b| {
        b.iter(|| black_box(render_chart(base, marks, black_box(&options))));
    });
    group.bench_function("SVG", |b| {
        b.iter(|| black_box(chart_svg(base, marks, black_box(&options))));
    });
    group.finish();
}

criterion_group!(benches, render_heavy);
criterion_main!(benches);
