//! Exporting one heavy view (200 trigger points, 200 needle sites, 30 zones of the heavy
//! session on the posterior view, labels, legend) to a 2,000-px-tall image on the CPU.
//! Target ≤ 100 ms for the PNG (product brief). And a custom view whose picture is 8192 ×
//! 8192 pixels, decoded from its file each time: target ≤ 0.5 s (issue #17; its peak memory
//! is asserted in `tests/large_picture.rs`).

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

/// An 8192 × 8192 RGBA diagram (white with a grid of dark lines), written row by row.
fn write_huge_png(path: &std::path::Path) {
    use std::io::Write as _;
    const SIDE: u32 = 8192;
    let file = std::io::BufWriter::new(std::fs::File::create(path).expect("create"));
    let mut encoder = png::Encoder::new(file, SIDE, SIDE);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder
        .write_header()
        .expect("header")
        .into_stream_writer()
        .expect("stream");
    let mut row = vec![0_u8; SIDE as usize * 4];
    for y in 0..SIDE {
        for (x, pixel) in row.chunks_exact_mut(4).enumerate() {
            let v = if y % 512 < 8 || x % 512 < 8 { 40 } else { 255 };
            pixel.copy_from_slice(&[v, v, v, 255]);
        }
        writer.write_all(&row).expect("row");
    }
    writer.finish().expect("finish");
}

fn render_huge_picture(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let image = dir.path().join("huge.png");
    write_huge_png(&image);
    myomap::bodymap::custom::add_custom_view(dir.path(), "Huge diagram", &image, &[])
        .expect("added");
    let (views, _) = myomap::bodymap::custom::load_custom_views(dir.path());
    let base = Base::Diagram(&views[0]);
    let height = 1000;
    let width = width_for_height(base, height).expect("a size");
    let options = RenderOptions::new(width, height);
    let mut group = c.benchmark_group("custom view with an 8192 × 8192 picture");
    group.sample_size(10);
    group.bench_function("decode and draw, 1,000 px tall", |b| {
        b.iter(|| black_box(render_chart(base, Marks::None, black_box(&options))));
    });
    group.finish();
}

/// The same for an 8192 × 8192 photo-like JPEG (smooth shading with fine grain, quality 90),
/// decoded at a reduced IDCT scale.
fn render_huge_photo(c: &mut Criterion) {
    use image::ImageEncoder as _;
    const SIDE: u32 = 8192;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.jpg");
    let mut pixels = Vec::with_capacity((SIDE * SIDE * 3) as usize);
    for y in 0..SIDE {
        for x in 0..SIDE {
            let (fx, fy) = (x as f32, y as f32);
            let shade = 128.0 + 60.0 * (fx / 90.0).sin() + 50.0 * (fy / 70.0 + fx / 200.0).sin();
            let grain = ((x.wrapping_mul(2_654_435_761) ^ y.wrapping_mul(40_503)) >> 28) as f32;
            let v = (shade + grain - 8.0).clamp(0.0, 255.0) as u8;
            pixels.extend([v, v.wrapping_add(20), v / 2 + 60]);
        }
    }
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90)
        .write_image(&pixels, SIDE, SIDE, image::ExtendedColorType::Rgb8)
        .expect("encodes");
    drop(pixels);
    std::fs::write(&path, jpeg).expect("written");
    myomap::bodymap::custom::add_custom_view(dir.path(), "Huge photo", &path, &[]).expect("added");
    let (views, _) = myomap::bodymap::custom::load_custom_views(dir.path());
    let base = Base::Diagram(&views[0]);
    let options = RenderOptions::new(width_for_height(base, 1000).expect("a size"), 1000);
    let mut group = c.benchmark_group("custom view with an 8192 × 8192 photo (JPEG)");
    group.sample_size(10);
    group.bench_function("decode and draw, 1,000 px tall", |b| {
        b.iter(|| black_box(render_chart(base, Marks::None, black_box(&options))));
    });
    group.finish();
}

criterion_group!(
    benches,
    render_heavy,
    render_huge_picture,
    render_huge_photo
);
criterion_main!(benches);
