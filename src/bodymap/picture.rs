//! A custom view's picture, read as a clinic's files really are: phone photos stored on
//! their side with an EXIF orientation (all eight are applied, so the picture and the
//! regions drawn on it are upright), files cut off in a copy (named as such, never shown
//! half-blank), and images far larger than a screen (decoded once, row by row, straight to
//! a display copy of at most [`DISPLAY_SIDE`] pixels on the long side, so an 8192 × 8192
//! picture needs tens of megabytes, not half a gigabyte).
//!
//! Coordinates on a custom view are the upright picture's pixels at its full size
//! ([`upright_size`]); the display copy is drawn stretched over them.

use std::io::{BufRead, BufReader, Seek};
use std::path::Path;

use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder as _, ImageFormat, ImageReader, RgbaImage};

use super::custom::MAX_IMAGE_SIDE;

/// The longest side of a picture as kept for display: enough for a 4K screen at full zoom.
pub const DISPLAY_SIDE: u32 = 4096;

/// The most memory the decoder of a picture that cannot be streamed may take.
const DECODE_LIMIT_BYTES: u64 = 320 * 1024 * 1024;

fn cannot_read(path: &Path, error: impl std::fmt::Display) -> String {
    format!("cannot read {}: {error}", path.display())
}

fn open(path: &Path) -> Result<(BufReader<std::fs::File>, ImageFormat), String> {
    let file = crate::storage::open_regular(path).map_err(|e| cannot_read(path, e))?;
    let reader = ImageReader::new(BufReader::new(file))
        .with_guessed_format()
        .map_err(|e| cannot_read(path, e))?;
    let format = reader.format().ok_or_else(|| {
        format!(
            "{} is not a PNG or JPEG image (its first bytes match no image format)",
            path.display()
        )
    })?;
    if !matches!(format, ImageFormat::Png | ImageFormat::Jpeg) {
        return Err(format!(
            "{} is a {} image; custom views take PNG or JPEG",
            path.display(),
            format
                .extensions_str()
                .first()
                .unwrap_or(&"other")
                .to_uppercase()
        ));
    }
    Ok((reader.into_inner(), format))
}

/// Whether `orientation` turns the picture a quarter turn (so width and height swap).
fn swaps_sides(orientation: Orientation) -> bool {
    matches!(
        orientation,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

fn upright((w, h): (u32, u32), orientation: Orientation) -> (u32, u32) {
    if swaps_sides(orientation) {
        (h, w)
    } else {
        (w, h)
    }
}

/// A decoder's message without the Rust internals it sometimes carries ("while decoding
/// ChunkType { … }", "Format error decoding Png:").
fn plain(text: &str) -> String {
    if text.contains("CRC error") {
        return "a checksum does not match (the file was changed or damaged after it was written)"
            .to_owned();
    }
    let text = text
        .split(" while decoding")
        .next()
        .unwrap_or(text)
        .trim_start_matches("Format error decoding Png: ")
        .trim_start_matches("Format error decoding Jpeg: ");
    text.to_owned()
}

/// What a decoder error means to the person who supplied the file.
fn damaged(path: &Path, error: &image::ImageError) -> String {
    if matches!(error, image::ImageError::Limits(_)) {
        return format!(
            "{} is larger than custom views take (up to {MAX_IMAGE_SIDE} pixels a side)",
            path.display()
        );
    }
    let text = plain(&error.to_string());
    let lower = text.to_lowercase();
    if lower.contains("eof") || lower.contains("end of file") || lower.contains("unexpected end") {
        format!(
            "{} is cut off: its image data ends early (was it only partly copied?)",
            path.display()
        )
    } else {
        format!(
            "{} is damaged and cannot be decoded: {text}",
            path.display()
        )
    }
}

fn png_damaged(path: &Path, error: &png::DecodingError) -> String {
    match error {
        png::DecodingError::IoError(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            format!(
                "{} is cut off: its image data ends early (was it only partly copied?)",
                path.display()
            )
        }
        png::DecodingError::IoError(e) => cannot_read(path, e),
        other => format!(
            "{} is damaged and cannot be decoded: {other}",
            path.display()
        ),
    }
}

fn check_side(path: &Path, (w, h): (u32, u32)) -> Result<(), String> {
    if w == 0 || h == 0 || w > MAX_IMAGE_SIDE || h > MAX_IMAGE_SIDE {
        return Err(format!(
            "{} is {w} × {h} pixels; custom views take images up to {MAX_IMAGE_SIDE} pixels a side",
            path.display()
        ));
    }
    Ok(())
}

/// The size of the upright picture (its EXIF orientation applied), from its header only.
pub fn upright_size(path: &Path) -> Result<(u32, u32), String> {
    let (reader, format) = open(path)?;
    let mut decoder = ImageReader::with_format(reader, format)
        .into_decoder()
        .map_err(|e| damaged(path, &e))?;
    let stored = decoder.dimensions();
    check_side(path, stored)?;
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    Ok(upright(stored, orientation))
}

/// The upright picture, shrunk by a whole factor to at most `max_side` pixels on its long
/// side when it is larger (at most [`DISPLAY_SIDE`] for the screen; a chart of 1,000 pixels
/// needs less), RGBA with straight alpha. The whole file is decoded, so a damaged or cut-off file is refused with the
/// reason. Non-interlaced PNGs are streamed row by row; JPEGs and interlaced PNGs are
/// decoded whole within [`DECODE_LIMIT_BYTES`].
pub fn decode_for_display(path: &Path, max_side: u32) -> Result<RgbaImage, String> {
    let (mut reader, format) = open(path)?;
    if format == ImageFormat::Jpeg {
        return decode_jpeg(path, reader, max_side);
    }
    let start = reader.stream_position().map_err(|e| cannot_read(path, e))?;
    if let Some(image) = stream_png(path, &mut reader, max_side)? {
        return Ok(image);
    }
    reader
        .seek(std::io::SeekFrom::Start(start))
        .map_err(|e| cannot_read(path, e))?;
    decode_whole(path, reader, format, max_side)
}

/// Decodes a JPEG at the smallest of its IDCT scales (1/8, 1/4, 1/2, 1) that still gives at
/// least `max_side` pixels on the long side, so an 8192-pixel photo is never held at full
/// size; then shrinks it to `max_side` and turns it upright.
fn decode_jpeg(
    path: &Path,
    reader: BufReader<std::fs::File>,
    max_side: u32,
) -> Result<RgbaImage, String> {
    jpeg_complete(path)?;
    let jpeg_error = |e: jpeg_decoder::Error| match e {
        jpeg_decoder::Error::Io(e) => cannot_read(path, e),
        other => format!(
            "{} is damaged and cannot be decoded: {}",
            path.display(),
            plain(&other.to_string())
        ),
    };
    let mut decoder = jpeg_decoder::Decoder::new(reader);
    decoder.read_info().map_err(jpeg_error)?;
    let info = decoder
        .info()
        .ok_or_else(|| format!("{} could not be decoded", path.display()))?;
    let (w, h) = (u32::from(info.width), u32::from(info.height));
    check_side(path, (w, h))?;
    let factor = w.max(h).div_ceil(max_side.max(1)).max(1);
    let wanted = |side: u32| u16::try_from(side.div_ceil(factor)).unwrap_or(u16::MAX);
    let (out_w, out_h) = decoder.scale(wanted(w), wanted(h)).map_err(jpeg_error)?;
    let orientation = decoder
        .exif_data()
        .and_then(Orientation::from_exif_chunk)
        .unwrap_or(Orientation::NoTransforms);
    let pixels = decoder.decode().map_err(jpeg_error)?;
    let format = decoder.info().map_or(info.pixel_format, |i| i.pixel_format);
    let rgba: Vec<u8> = match format {
        jpeg_decoder::PixelFormat::L8 => pixels.iter().flat_map(|&l| [l, l, l, 255]).collect(),
        jpeg_decoder::PixelFormat::L16 => pixels
            .chunks_exact(2)
            .flat_map(|p| [p[0], p[0], p[0], 255])
            .collect(),
        jpeg_decoder::PixelFormat::RGB24 => pixels
            .chunks_exact(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        jpeg_decoder::PixelFormat::CMYK32 => pixels
            .chunks_exact(4)
            .flat_map(|p| {
                let k = u32::from(255 - p[3]);
                let channel = |c: u8| ((u32::from(255 - c) * k) / 255) as u8;
                [channel(p[0]), channel(p[1]), channel(p[2]), 255]
            })
            .collect(),
    };
    let image = RgbaImage::from_raw(u32::from(out_w), u32::from(out_h), rgba)
        .ok_or_else(|| format!("{} could not be decoded", path.display()))?;
    let mut image = DynamicImage::ImageRgba8(image);
    let (target_w, target_h) = (w.div_ceil(factor), h.div_ceil(factor));
    if image.width() > target_w || image.height() > target_h {
        image = image.resize_exact(target_w, target_h, image::imageops::FilterType::Triangle);
    }
    image.apply_orientation(orientation);
    Ok(image.into_rgba8())
}

/// Decodes the whole picture with the image crate, turns it upright and shrinks it.
fn decode_whole(
    path: &Path,
    reader: BufReader<std::fs::File>,
    format: ImageFormat,
    max_side: u32,
) -> Result<RgbaImage, String> {
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(DECODE_LIMIT_BYTES);
    limits.max_image_width = Some(MAX_IMAGE_SIDE);
    limits.max_image_height = Some(MAX_IMAGE_SIDE);
    let mut reader = ImageReader::with_format(reader, format);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|e| damaged(path, &e))?;
    check_side(path, decoder.dimensions())?;
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| damaged(path, &e))?;
    let (w, h) = (image.width(), image.height());
    let factor = w.max(h).div_ceil(max_side.max(1));
    if factor > 1 {
        image = image.resize_exact(
            w.div_ceil(factor),
            h.div_ceil(factor),
            image::imageops::FilterType::Triangle,
        );
    }
    image.apply_orientation(orientation);
    Ok(image.into_rgba8())
}

/// Adds one decoded row of `N`-byte pixels to the sums of the display row being built: per
/// display column, the alpha-weighted red, green and blue, the alpha, and the pixel count.
/// Each display column takes `factor` source pixels (u32 is enough for [`MAX_FACTOR`]²
/// pixels of 255 × 255).
fn accumulate<const N: usize>(
    row: &[u8],
    factor: usize,
    sums: &mut [[u32; 5]],
    rgba: impl Fn([u8; N]) -> [u8; 4],
) {
    for (sum, block) in sums.iter_mut().zip(row.chunks(factor * N)) {
        let mut s = *sum;
        for pixel in block.chunks_exact(N) {
            let mut bytes = [0_u8; N];
            bytes.copy_from_slice(pixel);
            let [r, g, b, a] = rgba(bytes);
            let a = u32::from(a);
            s[0] += u32::from(r) * a;
            s[1] += u32::from(g) * a;
            s[2] += u32::from(b) * a;
            s[3] += a;
            s[4] += 1;
        }
        *sum = s;
    }
}

/// The most source pixels a side of one display pixel may take.
const MAX_FACTOR: usize = 64;

/// JPEG decoders draw a file cut off in a copy with its missing part grey, without an error:
/// a complete JPEG ends its last scan (`FF DA`) with an end-of-image marker (`FF D9`), which
/// a cut-off one lacks (an embedded EXIF thumbnail's own end marker comes before).
fn jpeg_complete(path: &Path) -> Result<(), String> {
    let bytes = crate::storage::read_bounded(path).map_err(|e| e.to_string())?;
    let last_scan = bytes.windows(2).rposition(|w| w == [0xFF, 0xDA]);
    let ends = last_scan.is_some_and(|at| bytes[at..].windows(2).any(|w| w == [0xFF, 0xD9]));
    if ends {
        Ok(())
    } else {
        Err(format!(
            "{} is cut off: its image data ends early (was it only partly copied?)",
            path.display()
        ))
    }
}

/// Streams a non-interlaced PNG row by row into a copy shrunk by a whole factor (each
/// display pixel the alpha-weighted mean of a factor × factor block), then turns it upright.
/// `None` for an interlaced PNG, which is decoded whole instead.
fn stream_png(
    path: &Path,
    reader: &mut (impl BufRead + Seek),
    max_side: u32,
) -> Result<Option<RgbaImage>, String> {
    let mut decoder = png::Decoder::new(reader);
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut png = decoder.read_info().map_err(|e| png_damaged(path, &e))?;
    let info = png.info();
    let (w, h) = (info.width, info.height);
    check_side(path, (w, h))?;
    if info.interlaced {
        return Ok(None);
    }
    let orientation = info
        .exif_metadata
        .as_deref()
        .and_then(Orientation::from_exif_chunk)
        .unwrap_or(Orientation::NoTransforms);
    let (colour, _) = png.output_color_type();
    let channels = colour.samples();
    let factor = (w.max(h).div_ceil(max_side.max(1)) as usize).clamp(1, MAX_FACTOR);
    let (out_w, out_h) = ((w as usize).div_ceil(factor), (h as usize).div_ceil(factor));
    let mut out = vec![0_u8; out_w * out_h * 4];
    // Per display column of the row being built: alpha-weighted colour sums, alpha sum,
    // and how many source pixels fell in it.
    let mut sums = vec![[0_u32; 5]; out_w];
    for y in 0..h as usize {
        let row = png
            .next_row()
            .map_err(|e| png_damaged(path, &e))?
            .ok_or_else(|| {
                format!(
                    "{} is cut off: its image data ends early (was it only partly copied?)",
                    path.display()
                )
            })?;
        match channels {
            1 => accumulate::<1>(row.data(), factor, &mut sums, |[l]| [l, l, l, 255]),
            2 => accumulate::<2>(row.data(), factor, &mut sums, |[l, a]| [l, l, l, a]),
            3 => accumulate::<3>(row.data(), factor, &mut sums, |[r, g, b]| [r, g, b, 255]),
            _ => accumulate::<4>(row.data(), factor, &mut sums, |p| p),
        }
        if (y + 1) % factor == 0 || y + 1 == h as usize {
            let out_row = &mut out[(y / factor) * out_w * 4..][..out_w * 4];
            for (pixel, sum) in out_row.chunks_exact_mut(4).zip(&mut sums) {
                for c in 0..3 {
                    if let Some(mean) = sum[c].checked_div(sum[3]) {
                        pixel[c] = mean as u8;
                    }
                }
                pixel[3] = (sum[3] / sum[4].max(1)) as u8;
                *sum = [0; 5];
            }
        }
    }
    png.finish().map_err(|e| png_damaged(path, &e))?;
    let image = RgbaImage::from_raw(out_w as u32, out_h as u32, out)
        .ok_or_else(|| format!("{} could not be decoded", path.display()))?;
    let mut image = DynamicImage::ImageRgba8(image);
    image.apply_orientation(orientation);
    Ok(Some(image.into_rgba8()))
}
