//! A custom view with an 8192 × 8192 picture renders within 250 MB of memory at its peak
//! (issue #17): the picture is streamed into a display copy rather than decoded whole. The
//! allocator (peak_alloc) tracks the most bytes held at once; the time is measured in
//! `benches/render.rs`.

use std::io::Write as _;
use std::path::Path;

use myomap::bodymap::custom::{add_custom_view, load_custom_views};
use myomap::render::{Base, Marks, RenderOptions, render_chart, width_for_height};
use peak_alloc::PeakAlloc;

#[global_allocator]
static ALLOCATOR: PeakAlloc = PeakAlloc;

const SIDE: u32 = 8192;

/// An 8192 × 8192 RGBA diagram (white with a grid of dark lines), written row by row.
fn write_huge_png(path: &Path) {
    let file = std::io::BufWriter::new(std::fs::File::create(path).expect("create"));
    let mut encoder = png::Encoder::new(file, SIDE, SIDE);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder
        .write_header()
        .expect("header")
        .into_stream_writer()
        .expect("stream");
    let mut row = vec![0_u8; SIDE as usize * 4];
    for y in 0..SIDE {
        for (x, pixel) in row.chunks_exact_mut(4).enumerate() {
            let line = y % 512 < 8 || x % 512 < 8;
            let v = if line { 40 } else { 255 };
            pixel.copy_from_slice(&[v, v, v, 255]);
        }
        writer.write_all(&row).expect("row");
    }
    writer.finish().expect("finish");
}

#[test]
fn an_8192_px_picture_renders_within_250_mb_at_the_peak() {
    let dir = tempfile::tempdir().expect("temp dir");
    let image = dir.path().join("huge.png");
    write_huge_png(&image);
    add_custom_view(dir.path(), "Huge diagram", &image, &[]).expect("added");
    let (views, problems) = load_custom_views(dir.path());
    assert!(problems.is_empty(), "{problems:?}");
    let view = &views[0];
    assert_eq!(
        view.size,
        Some((SIDE, SIDE)),
        "coordinates stay the full picture's"
    );

    let base = Base::Diagram(view);
    let height = 1000;
    let width = width_for_height(base, height).expect("a size");
    let options = RenderOptions::new(width, height);
    let before = ALLOCATOR.current_usage();
    ALLOCATOR.reset_peak_usage();
    let pixmap = render_chart(base, Marks::None, &options).expect("renders");
    let peak = ALLOCATOR.peak_usage() - before;
    assert_eq!((pixmap.width(), pixmap.height()), (width, height));
    // The grid is drawn: a dark line crosses the middle of the chart.
    let dark = (0..width)
        .map(|x| pixmap.pixel(x, height / 2).expect("pixel"))
        .filter(|p| p.red() < 150)
        .count();
    assert!(dark > 0, "the diagram is drawn");
    println!("peak {:.0} MB", peak as f64 / 1e6);
    assert!(
        peak <= 250_000_000,
        "rendering took {:.0} MB at its peak",
        peak as f64 / 1e6
    );
}
