//! Rasterises body-map scenes on the CPU (tiny-skia, text with ab_glyph and the DejaVu Sans
//! font in `assets/fonts`), so exporting needs no GPU and no display. Same scene, same
//! colours as the canvas.

mod text;

use tiny_skia::{
    Color, FillRule, LineCap, LineJoin, Paint, PathBuilder, Pixmap, Stroke, StrokeDash, Transform,
};

use crate::bodymap::BodyMap;
use crate::geometry::MapPoint;
use crate::scene::{Item, LayerMode, MapColors, MapScene, Projection, Rgba};

pub use text::{FONT, Labeller, TextStyle};

/// How to render a view.
#[derive(Clone, Copy, Debug)]
pub struct RenderOptions {
    pub width: u32,
    pub height: u32,
    pub layers: LayerMode,
    pub colors: MapColors,
    /// Muscle names on the drawing.
    pub labels: bool,
    /// The patient-facing (mirrored) drawing.
    pub mirrored: bool,
    /// The view's name at the top of the image.
    pub title: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("the body map has no view {0:?}")]
    UnknownView(String),
    #[error("an image of {0} × {1} pixels cannot be made (1 to 16,384 pixels a side)")]
    BadSize(u32, u32),
    #[error("could not encode the PNG: {0}")]
    Encode(String),
}

pub const MAX_SIDE_PX: u32 = 16_384;

/// The map's `view` as a PNG file's bytes.
pub fn render_view_png(
    map: &BodyMap,
    view: &str,
    options: &RenderOptions,
) -> Result<Vec<u8>, RenderError> {
    let pixmap = render_view(map, view, options)?;
    pixmap
        .encode_png()
        .map_err(|e| RenderError::Encode(e.to_string()))
}

/// The map's `view` as pixels.
pub fn render_view(
    map: &BodyMap,
    view: &str,
    options: &RenderOptions,
) -> Result<Pixmap, RenderError> {
    let view = map
        .views
        .iter()
        .find(|v| v.id.as_str() == view)
        .ok_or_else(|| RenderError::UnknownView(view.to_owned()))?;
    let (width, height) = (options.width, options.height);
    if !(1..=MAX_SIDE_PX).contains(&width) || !(1..=MAX_SIDE_PX).contains(&height) {
        return Err(RenderError::BadSize(width, height));
    }
    let mut pixmap = Pixmap::new(width, height).ok_or(RenderError::BadSize(width, height))?;
    pixmap.fill(color(options.colors.background));
    let margin = (width.min(height) as f32 * 0.06).max(8.0);
    let letter_size = (height as f32 * 0.03).clamp(14.0, 48.0);
    // The title and side letters get a band of their own above the drawing.
    let top = if options.title {
        letter_size * 1.4
    } else {
        0.0
    };
    let bounds = MapScene::outline_bounds(view);
    let mut projection = Projection::fit(
        bounds,
        (0.0, top),
        width as f32,
        height as f32 - top,
        margin,
    );
    let scene = MapScene::new(
        map,
        view,
        options.layers,
        crate::scene::tolerance_for_scale(projection.scale),
    );
    projection.mirrored = options.mirrored;
    paint_scene(&mut pixmap, &scene, &projection, &options.colors);
    let mut labeller = Labeller::new(width as f32, height as f32);
    let letter = TextStyle {
        size: letter_size,
        color: options.colors.side_letter,
        halo: None,
    };
    let (left, right) = scene.edge_letters(options.mirrored);
    let y = margin * 0.4 + letter.size;
    labeller.place(&mut pixmap, left, (margin * 0.6, y), letter, false);
    labeller.place(
        &mut pixmap,
        right,
        (width as f32 - margin * 0.6, y),
        letter,
        false,
    );
    if options.title {
        let mut title = view.name.clone();
        if options.mirrored {
            title.push_str(" (mirrored for the patient)");
        }
        let style = TextStyle {
            size: (letter.size * 0.55).max(12.0),
            color: options.colors.side_letter,
            halo: None,
        };
        labeller.place(&mut pixmap, &title, (width as f32 / 2.0, y), style, false);
    }
    if options.labels {
        let style = TextStyle {
            size: (projection.scale * 9.0).clamp(9.0, 14.0),
            color: options.colors.label,
            halo: Some(options.colors.label_halo),
        };
        for muscle in &scene.muscles {
            let at = projection.to_screen(muscle.label_at);
            labeller.place(&mut pixmap, &muscle.name, at, style, true);
        }
    }
    Ok(pixmap)
}

/// Paints a scene's shapes (not its text) through `projection`.
pub fn paint_scene(
    pixmap: &mut Pixmap,
    scene: &MapScene,
    projection: &Projection,
    colors: &MapColors,
) {
    for item in &scene.items {
        match item {
            Item::Fill(fill) => {
                if let Some(path) = polyline(&fill.polygon, true, projection) {
                    let paint = paint(colors.of(fill.role));
                    pixmap.fill_path(
                        &path,
                        &paint,
                        FillRule::Winding,
                        Transform::identity(),
                        None,
                    );
                }
            }
            Item::Line(line) => {
                let width = MapColors::line_width(line.role, projection.scale);
                if width <= 0.0 {
                    continue;
                }
                if let Some(path) = polyline(&line.points, line.closed, projection) {
                    let stroke = Stroke {
                        width,
                        line_cap: LineCap::Round,
                        line_join: LineJoin::Round,
                        dash: if line.dashed {
                            StrokeDash::new(vec![width * 4.0, width * 3.0], 0.0)
                        } else {
                            None
                        },
                        ..Stroke::default()
                    };
                    pixmap.stroke_path(
                        &path,
                        &paint(colors.of(line.role)),
                        &stroke,
                        Transform::identity(),
                        None,
                    );
                }
            }
        }
    }
}

fn polyline(points: &[MapPoint], closed: bool, projection: &Projection) -> Option<tiny_skia::Path> {
    let mut builder = PathBuilder::new();
    let mut iter = points.iter().map(|p| projection.to_screen(*p));
    let (x, y) = iter.next()?;
    builder.move_to(x, y);
    for (x, y) in iter {
        builder.line_to(x, y);
    }
    if closed {
        builder.close();
    }
    builder.finish()
}

fn color([r, g, b, a]: Rgba) -> Color {
    Color::from_rgba8(r, g, b, a)
}

fn paint(rgba: Rgba) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color(color(rgba));
    paint.anti_alias = true;
    paint
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bodymap::standard;

    fn options() -> RenderOptions {
        RenderOptions {
            width: 300,
            height: 700,
            layers: LayerMode::Superficial,
            colors: MapColors::LIGHT,
            labels: true,
            mirrored: false,
            title: true,
        }
    }

    #[test]
    fn a_view_renders_to_the_requested_size_and_is_not_blank() {
        let map = &standard().map;
        let pixmap = render_view(map, "posterior", &options()).expect("renders");
        assert_eq!((pixmap.width(), pixmap.height()), (300, 700));
        let background = color(MapColors::LIGHT.background)
            .premultiply()
            .to_color_u8();
        // The middle of the back is skin and muscle, not background.
        let back = pixmap.pixel(150, 250).expect("in the image");
        assert_ne!(back, background);
        // The corner is background.
        assert_eq!(pixmap.pixel(2, 690).expect("in the image"), background);
        let distinct: std::collections::HashSet<_> = pixmap
            .pixels()
            .iter()
            .map(|p| (p.red(), p.green(), p.blue()))
            .collect();
        assert!(distinct.len() > 50, "only {} colours", distinct.len());
    }

    #[test]
    fn rendering_is_deterministic_and_png_encoded() {
        let map = &standard().map;
        let a = render_view_png(map, "anterior", &options()).expect("renders");
        let b = render_view_png(map, "anterior", &options()).expect("renders");
        assert_eq!(a, b);
        assert_eq!(&a[..8], b"\x89PNG\r\n\x1a\n");
        let decoded = image::load_from_memory(&a).expect("a valid PNG");
        assert_eq!((decoded.width(), decoded.height()), (300, 700));
    }

    #[test]
    fn bad_requests_are_refused_with_a_reason() {
        let map = &standard().map;
        let err = render_view(map, "dorsal_fin", &options()).expect_err("no such view");
        assert!(err.to_string().contains("dorsal_fin"));
        let huge = RenderOptions {
            width: 0,
            ..options()
        };
        assert!(matches!(
            render_view(map, "anterior", &huge),
            Err(RenderError::BadSize(0, 700))
        ));
    }
}
