//! Custom diagram pictures as clinics really supply them (issue #17): phone photos stored on
//! their side with an EXIF orientation, files cut off in a copy, and errors that name their
//! real cause.

use std::path::Path;

use image::{ImageEncoder as _, Rgb, RgbImage};
use myomap::bodymap::custom::{add_custom_view, decode_diagram, load_custom_views};
use myomap::bodymap::picture;

/// A minimal EXIF block (big-endian TIFF) holding only the orientation tag.
fn exif_orientation(orientation: u16) -> Vec<u8> {
    let mut tiff = b"MM\0\x2a\0\0\0\x08".to_vec();
    tiff.extend(1_u16.to_be_bytes()); // one entry
    tiff.extend(0x0112_u16.to_be_bytes()); // Orientation
    tiff.extend(3_u16.to_be_bytes()); // SHORT
    tiff.extend(1_u32.to_be_bytes()); // one value
    tiff.extend(orientation.to_be_bytes());
    tiff.extend([0, 0]); // padding of the value field
    tiff.extend(0_u32.to_be_bytes()); // no next IFD
    tiff
}

/// A `w` × `h` picture, white, with a red block in its stored top-left corner.
fn marked(w: u32, h: u32) -> RgbImage {
    RgbImage::from_fn(w, h, |x, y| {
        if x < w / 4 && y < h / 4 {
            Rgb([220, 0, 0])
        } else {
            Rgb([255, 255, 255])
        }
    })
}

fn write_png(path: &Path, image: &RgbImage, orientation: Option<u16>) {
    let file = std::fs::File::create(path).expect("create");
    let mut encoder = png::Encoder::new(file, image.width(), image.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().expect("header");
    if let Some(orientation) = orientation {
        writer
            .write_chunk(
                png::chunk::ChunkType(*b"eXIf"),
                &exif_orientation(orientation),
            )
            .expect("exif");
    }
    writer.write_image_data(image.as_raw()).expect("data");
}

fn write_jpeg(path: &Path, image: &RgbImage, orientation: u16) {
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 95)
        .write_image(
            image.as_raw(),
            image.width(),
            image.height(),
            image::ExtendedColorType::Rgb8,
        )
        .expect("jpeg");
    // An APP1 Exif segment right after the start-of-image marker, as cameras write it.
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend(exif_orientation(orientation));
    let mut file = jpeg[..2].to_vec();
    file.extend([0xFF, 0xE1]);
    file.extend(u16::try_from(app1.len() + 2).expect("small").to_be_bytes());
    file.extend(app1);
    file.extend(&jpeg[2..]);
    std::fs::write(path, file).expect("write");
}

/// Where the red block ends up in the upright picture: which corner (left?, top?).
fn red_corner(image: &image::RgbaImage) -> Corner {
    let (w, h) = image.dimensions();
    let red = |x: u32, y: u32| {
        let p = image.get_pixel(x, y).0;
        p[0] > 150 && p[1] < 100 && p[2] < 100
    };
    let corners = [
        ((true, true), red(2, 2)),
        ((false, true), red(w - 3, 2)),
        ((true, false), red(2, h - 3)),
        ((false, false), red(w - 3, h - 3)),
    ];
    let found: Vec<_> = corners
        .iter()
        .filter(|(_, r)| *r)
        .map(|(c, _)| *c)
        .collect();
    assert_eq!(found.len(), 1, "one red corner, found {found:?}");
    found[0]
}

/// A corner of a picture: (left?, top?).
type Corner = (bool, bool);

/// Each EXIF orientation (1–8), the upright size of a 40 × 24 stored picture and the corner
/// its stored top-left corner is turned to.
const ORIENTATIONS: [(u16, (u32, u32), Corner); 8] = [
    (1, (40, 24), (true, true)),
    (2, (40, 24), (false, true)),
    (3, (40, 24), (false, false)),
    (4, (40, 24), (true, false)),
    (5, (24, 40), (true, true)),
    (6, (24, 40), (false, true)),
    (7, (24, 40), (false, false)),
    (8, (24, 40), (true, false)),
];

#[test]
fn all_eight_exif_orientations_are_applied_to_png_and_jpeg() {
    let dir = tempfile::tempdir().expect("temp dir");
    let stored = marked(40, 24);
    for (orientation, size, corner) in ORIENTATIONS {
        let png_path = dir.path().join(format!("o{orientation}.png"));
        write_png(&png_path, &stored, Some(orientation));
        let jpeg_path = dir.path().join(format!("o{orientation}.jpg"));
        write_jpeg(&jpeg_path, &stored, orientation);
        for path in [&png_path, &jpeg_path] {
            assert_eq!(picture::upright_size(path), Ok(size), "{}", path.display());
            let image = picture::decode_for_display(path, picture::DISPLAY_SIDE).expect("decodes");
            assert_eq!(image.dimensions(), size, "{}", path.display());
            assert_eq!(red_corner(&image), corner, "{}", path.display());
        }
    }
}

#[test]
fn a_photo_on_its_side_is_a_view_whose_regions_fit_the_upright_picture() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A phone photo of a hand diagram: stored 500 × 300, upright 300 × 500.
    let photo = dir.path().join("hand.jpg");
    write_jpeg(&photo, &marked(500, 300), 6);
    let view = add_custom_view(dir.path(), "Hand, dorsal", &photo, &[]).expect("added");
    assert_eq!(view.size, Some((300, 500)));
    let descriptor = dir.path().join("views/hand_dorsal.ron");
    let text = std::fs::read_to_string(&descriptor).expect("descriptor");
    // A region drawn on the upright picture: a thumb along its lower half.
    let region = r#"regions: [(id: "thumb", name: "Thumb", side: Right, shape: (start: (40.0, 300.0), segments: [L((120.0, 300.0)), L((120.0, 480.0)), L((40.0, 480.0))], closed: true))]"#;
    let with_region = if text.contains("regions: []") {
        text.replace("regions: []", region)
    } else {
        text.replace("\n)", &format!(",\n    {region},\n)"))
    };
    std::fs::write(&descriptor, with_region).expect("write");
    let (views, problems) = load_custom_views(dir.path());
    assert_eq!(problems, Vec::<String>::new());
    let image = decode_diagram(&views[0], picture::DISPLAY_SIDE).expect("decodes");
    assert_eq!(image.dimensions(), (300, 500));
}

#[test]
fn a_picture_cut_off_in_a_copy_is_named_as_such_by_check_and_the_view() {
    let dir = tempfile::tempdir().expect("temp dir");
    let full = dir.path().join("full.png");
    let noisy = RgbImage::from_fn(300, 200, |x, y| {
        let v = (x.wrapping_mul(2_654_435_761) ^ y.wrapping_mul(40_503)) as u8;
        Rgb([v, v.wrapping_mul(3), v.wrapping_add(7)])
    });
    write_png(&full, &noisy, None);
    let view = add_custom_view(dir.path(), "Spine chart", &full, &[]).expect("added");
    let image = view.image_path();
    let bytes = std::fs::read(&image).expect("read");
    std::fs::write(&image, &bytes[..bytes.len() * 2 / 5]).expect("cut");

    // The header still reads: only decoding the whole picture tells.
    assert_eq!(picture::upright_size(&image), Ok((300, 200)));
    let error = picture::decode_for_display(&image, picture::DISPLAY_SIDE).expect_err("cut off");
    assert!(
        error.contains("is cut off: its image data ends early"),
        "{error}"
    );

    let output = std::process::Command::new(env!("CARGO_BIN_EXE_myomap"))
        .args(["check"])
        .arg(dir.path().join("views/spine_chart.ron"))
        .output()
        .expect("runs");
    let out = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{out}");
    assert!(
        out.contains("is cut off: its image data ends early"),
        "{out}"
    );
}

#[test]
fn a_jpeg_cut_off_in_a_copy_is_named_as_such() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("photo.jpg");
    let noisy = RgbImage::from_fn(320, 240, |x, y| {
        let v = (x.wrapping_mul(2_654_435_761) ^ y.wrapping_mul(40_503)) as u8;
        Rgb([v, v.wrapping_mul(3), v.wrapping_add(7)])
    });
    write_jpeg(&path, &noisy, 1);
    assert!(picture::decode_for_display(&path, picture::DISPLAY_SIDE).is_ok());
    let bytes = std::fs::read(&path).expect("read");
    for keep in [bytes.len() - 2, bytes.len() * 9 / 10, bytes.len() * 2 / 5] {
        std::fs::write(&path, &bytes[..keep]).expect("cut");
        let error = picture::decode_for_display(&path, picture::DISPLAY_SIDE).expect_err("cut off");
        assert!(error.contains("is cut off"), "{keep}: {error}");
    }
}

#[test]
fn a_damaged_png_is_named_without_the_decoders_internals() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("diagram.png");
    write_png(&path, &marked(64, 64), None);
    let mut bytes = std::fs::read(&path).expect("read");
    let idat = bytes.windows(4).position(|w| w == b"IDAT").expect("IDAT");
    bytes[idat + 10] ^= 0xFF;
    std::fs::write(&path, &bytes).expect("write");
    let error = picture::decode_for_display(&path, picture::DISPLAY_SIDE).expect_err("damaged");
    assert!(
        error.contains("is damaged and cannot be decoded"),
        "{error}"
    );
    assert!(
        !error.contains("ChunkType") && !error.contains("critical"),
        "{error}"
    );
}
