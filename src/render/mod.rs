//! Rasterises body-map charts on the CPU (tiny-skia, text with ab_glyph in DejaVu Sans from
//! `assets/fonts` and the system's fonts for other scripts, see `crate::text`), so exporting
//! needs no GPU and no display, and writes the same chart as SVG. One composition
//! ([`draw_chart`]) over the scene the canvas paints: outline, contours, muscle borders, the
//! session's zones and marks (or the difference map between two visits), title, side
//! letters, muscle names and a legend; and a note naming any script no font here draws.

mod surface;
mod text;

use std::collections::BTreeSet;

use tiny_skia::Pixmap;

use crate::bodymap::BodyMap;
use crate::bodymap::custom::CustomView;
use crate::geometry::ViewId;
use crate::metrics::{differences, match_trigger_points, standard_charts};
use crate::model::Session;
use crate::scene::marks::{self, Anchor, Ink, Px};
use crate::scene::{
    Glyph, GridImage, Item, LayerMode, LegendEntry, MapColors, MapScene, MarkColors, Projection,
};
use crate::words::capitalised;

pub use surface::{Raster, Surface, Svg};
pub use text::{FONT, Labeller, measure};

/// How to render a chart.
#[derive(Clone, Copy, Debug)]
pub struct RenderOptions {
    /// Size in device pixels.
    pub width: u32,
    pub height: u32,
    pub layers: LayerMode,
    pub colors: MapColors,
    pub marks: MarkColors,
    /// Muscle names on the drawing.
    pub labels: bool,
    /// The patient-facing (mirrored) drawing.
    pub mirrored: bool,
    /// A title band (view, patient, date) at the top of the image.
    pub title: bool,
    /// The clinician's text notes and arrow labels (left out of the patient's handout).
    pub notes: bool,
    /// Marks, lines and text this many times their screen size (small printed charts).
    pub zoom: f32,
    /// The legend in the patient's words (the handout).
    pub plain_words: bool,
    /// Overlays drawn over the body map (dermatomes, nerve fields, landmarks), with their
    /// legend lines and, under the drawing, each one's caveat and source.
    pub overlays: crate::bodymap::overlays::OverlaySet,
}

impl RenderOptions {
    /// Light theme, superficial layer, labels, title and notes, at `width` × `height`.
    pub fn new(width: u32, height: u32) -> Self {
        Self {
            width,
            height,
            layers: LayerMode::Superficial,
            colors: MapColors::LIGHT,
            marks: MarkColors::LIGHT,
            labels: true,
            mirrored: false,
            title: true,
            notes: true,
            zoom: 1.0,
            plain_words: false,
            overlays: crate::bodymap::overlays::OverlaySet::NONE,
        }
    }

    /// Device pixels per logical pixel: marks, lines and text are sized for a screen-sized
    /// chart (about 1,000 px tall) and scaled up with the image, so every export looks like
    /// the canvas.
    pub fn scale(&self) -> f32 {
        (self.height as f32 / 1000.0 * self.zoom).clamp(0.5, 8.0)
    }
}

/// What is drawn on the body map.
#[derive(Clone, Copy, Debug)]
pub enum Marks<'a> {
    /// The map alone.
    None,
    /// A session's zones and marks; `patient` names whose chart it is in the title.
    Session {
        session: &'a Session,
        patient: &'a str,
    },
    /// The difference map from the earlier to the later visit (new, resolved, persisting
    /// pain; matched trigger points).
    Difference {
        earlier: &'a Session,
        later: &'a Session,
        patient: &'a str,
    },
    /// A muscle's typical referral pattern from the embedded library, for the patient's
    /// `side`, as presentation mode shows it (`scene::pattern`), with its caption under the
    /// drawing. Nothing is drawn for a muscle without a pattern.
    Pattern {
        muscle: &'a str,
        side: crate::model::Side,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("the body map has no view {0:?}; its views are {1}")]
    UnknownView(String, String),
    #[error("an image of {0} × {1} pixels cannot be made (1 to 16,384 pixels a side)")]
    BadSize(u32, u32),
    #[error("could not encode the PNG: {0}")]
    Encode(String),
    #[error("the custom view's diagram cannot be drawn: {0}")]
    Diagram(String),
}

pub const MAX_SIDE_PX: u32 = 16_384;

/// What a chart is drawn on.
#[derive(Clone, Copy, Debug)]
pub enum Base<'a> {
    /// A view of a body map, by id.
    Map(&'a BodyMap, &'a str),
    /// A clinic's own diagram (a custom view of its library).
    Diagram(&'a CustomView),
}

/// A base ready to draw: the map's view found, or the diagram decoded.
enum Resolved<'a> {
    Map(&'a BodyMap, &'a crate::bodymap::View),
    Diagram(&'a CustomView, GridImage),
}

impl<'a> Base<'a> {
    /// Finds the view, or decodes the diagram at twice the chart's size at most (more
    /// pixels than that would not show).
    fn resolve(self, options: &RenderOptions) -> Result<Resolved<'a>, RenderError> {
        match self {
            Self::Map(map, view) => Ok(Resolved::Map(map, find_view(map, view)?)),
            Self::Diagram(view) => {
                let max_side = options
                    .width
                    .max(options.height)
                    .saturating_mul(2)
                    .clamp(256, crate::bodymap::picture::DISPLAY_SIDE);
                let image = crate::bodymap::custom::decode_diagram(view, max_side)
                    .map_err(RenderError::Diagram)?;
                let (width, height) = image.dimensions();
                let pixels = image
                    .pixels()
                    .map(|p| marks::premultiply(p.0, 1.0))
                    .collect();
                let image = GridImage {
                    width: width as usize,
                    height: height as usize,
                    pixels,
                };
                Ok(Resolved::Diagram(view, image))
            }
        }
    }

    /// The drawing's extent in its own units (map millimetres, diagram pixels), without
    /// decoding a diagram.
    fn bounds(self) -> Result<crate::bodymap::Bounds, RenderError> {
        match self {
            Self::Map(map, view) => Ok(MapScene::outline_bounds(find_view(map, view)?)),
            Self::Diagram(view) => {
                let (w, h) = view
                    .size
                    .ok_or_else(|| RenderError::Diagram(diagram_problem(view)))?;
                Ok(crate::bodymap::Bounds {
                    min: crate::geometry::MapPoint::new(0.0, 0.0),
                    max: crate::geometry::MapPoint::new(w as f32, h as f32),
                })
            }
        }
    }
}

fn find_view<'m>(map: &'m BodyMap, view: &str) -> Result<&'m crate::bodymap::View, RenderError> {
    map.views
        .iter()
        .find(|v| v.id.as_str() == view)
        .ok_or_else(|| {
            let known: Vec<&str> = map.views.iter().map(|v| v.id.as_str()).collect();
            RenderError::UnknownView(view.to_owned(), known.join(", "))
        })
}

fn diagram_problem(view: &CustomView) -> String {
    view.image_problem
        .clone()
        .unwrap_or_else(|| format!("the diagram of {} cannot be read", view.file.name))
}

/// The image height that fits the drawing at `width` px with the title band and legend.
pub fn height_for_width(base: Base<'_>, width: u32) -> Result<u32, RenderError> {
    let bounds = base.bounds()?;
    let aspect = (bounds.max.y - bounds.min.y) / (bounds.max.x - bounds.min.x).max(1.0);
    // The drawing plus about a tenth for the title band, margins and legend.
    Ok(((width as f32 * aspect * 1.1).round() as u32).clamp(64, MAX_SIDE_PX))
}

/// The width that fits the drawing at `height` px.
pub fn width_for_height(base: Base<'_>, height: u32) -> Result<u32, RenderError> {
    let bounds = base.bounds()?;
    let aspect = (bounds.max.x - bounds.min.x) / (bounds.max.y - bounds.min.y).max(1.0);
    Ok(((height as f32 * aspect * 1.1).round() as u32).clamp(64, MAX_SIDE_PX))
}

/// The map's `view` alone as pixels.
pub fn render_view(
    map: &BodyMap,
    view: &str,
    options: &RenderOptions,
) -> Result<Pixmap, RenderError> {
    render_chart(Base::Map(map, view), Marks::None, options)
}

/// The map's `view` alone as a PNG file's bytes.
pub fn render_view_png(
    map: &BodyMap,
    view: &str,
    options: &RenderOptions,
) -> Result<Vec<u8>, RenderError> {
    chart_png(Base::Map(map, view), Marks::None, options)
}

fn check_size(options: &RenderOptions) -> Result<(), RenderError> {
    let (width, height) = (options.width, options.height);
    if (1..=MAX_SIDE_PX).contains(&width) && (1..=MAX_SIDE_PX).contains(&height) {
        Ok(())
    } else {
        Err(RenderError::BadSize(width, height))
    }
}

/// A chart as pixels.
pub fn render_chart(
    base: Base<'_>,
    content: Marks<'_>,
    options: &RenderOptions,
) -> Result<Pixmap, RenderError> {
    check_size(options)?;
    let base = base.resolve(options)?;
    let pixmap = Pixmap::new(options.width, options.height)
        .ok_or(RenderError::BadSize(options.width, options.height))?;
    let mut raster = Raster::new(pixmap, options.scale());
    draw_chart(&mut raster, &base, content, options);
    Ok(raster.pixmap)
}

/// A chart as a PNG file's bytes (the same input gives the same bytes).
pub fn chart_png(
    base: Base<'_>,
    content: Marks<'_>,
    options: &RenderOptions,
) -> Result<Vec<u8>, RenderError> {
    encode_png(render_chart(base, content, options)?.as_ref())
}

/// A chart as an SVG document.
pub fn chart_svg(
    base: Base<'_>,
    content: Marks<'_>,
    options: &RenderOptions,
) -> Result<String, RenderError> {
    check_size(options)?;
    let base = base.resolve(options)?;
    let mut svg = Svg::new(options.width, options.height, options.scale());
    draw_chart(&mut svg, &base, content, options);
    Ok(svg.finish())
}

/// A pixmap as PNG bytes: RGB when every pixel is opaque (charts are, on their background),
/// RGBA otherwise; fast deflate, which writes a 2,000-px chart several times faster than
/// the default level for a file about a tenth larger.
pub fn encode_png(pixmap: tiny_skia::PixmapRef<'_>) -> Result<Vec<u8>, RenderError> {
    use image::ImageEncoder as _;
    use image::codecs::png::{CompressionType, FilterType, PngEncoder};
    let opaque = pixmap.pixels().iter().all(|p| p.alpha() == 255);
    let (bytes, colour): (Vec<u8>, image::ExtendedColorType) = if opaque {
        let rgb = pixmap
            .pixels()
            .iter()
            .flat_map(|p| [p.red(), p.green(), p.blue()])
            .collect();
        (rgb, image::ExtendedColorType::Rgb8)
    } else {
        let rgba = pixmap
            .pixels()
            .iter()
            .flat_map(|p| {
                let c = p.demultiply();
                [c.red(), c.green(), c.blue(), c.alpha()]
            })
            .collect();
        (rgba, image::ExtendedColorType::Rgba8)
    };
    let mut out = Vec::new();
    PngEncoder::new_with_quality(&mut out, CompressionType::Fast, FilterType::Adaptive)
        .write_image(&bytes, pixmap.width(), pixmap.height(), colour)
        .map_err(|e| RenderError::Encode(e.to_string()))?;
    Ok(out)
}

/// The chart's title: the view, and whose chart of when.
fn title(view: &str, content: Marks<'_>, mirrored: bool) -> String {
    let mut title = match content {
        Marks::None => view.to_owned(),
        Marks::Session { session, patient } => {
            format!("{patient} · {} · {view}", session.date())
        }
        Marks::Difference {
            earlier,
            later,
            patient,
        } => format!(
            "{patient} · changes {} → {} · {view}",
            earlier.date(),
            later.date(),
        ),
        Marks::Pattern { muscle, side } => {
            let name = crate::bodymap::standard()
                .map
                .muscle(muscle)
                .map_or(muscle, |m| m.name.as_str());
            format!(
                "{} {} · a typical referral pattern · {view}",
                capitalised(side.label()),
                name.to_lowercase()
            )
        }
    };
    if mirrored {
        title.push_str(" (mirrored for the patient)");
    }
    title
}

/// `text` broken at spaces into lines no wider than `available` px at `size`.
fn wrapped(text: &str, available: f32, size: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if measure(&format!("{line} {word}"), size).0 <= available => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// Draws a chart on `surface` (logical size: the options' size over their scale).
fn draw_chart(
    surface: &mut dyn Surface,
    base: &Resolved<'_>,
    content: Marks<'_>,
    options: &RenderOptions,
) {
    let mut noting = Noting {
        inner: surface,
        fonts: crate::text::fonts(),
        missing: BTreeSet::new(),
    };
    let legend = draw_parts(&mut noting, base, content, options);
    let scale = options.scale();
    let (width, height) = (options.width as f32 / scale, options.height as f32 / scale);
    noting.note(width, height, legend, options.colors.side_letter);
}

/// Passes drawing on to `inner`, noting the scripts of the text no font on this system
/// draws, so the chart can say so rather than show boxes alone.
struct Noting<'s> {
    inner: &'s mut dyn Surface,
    fonts: Option<&'s crate::text::Fonts>,
    missing: BTreeSet<&'static str>,
}

impl Noting<'_> {
    /// The note for the scripts missing, if any, in the bottom right corner of a
    /// `width` × `height` chart, beside the `legend` (left, top, right, bottom) or, when
    /// there is no room beside it, above it.
    fn note(&mut self, width: f32, height: f32, legend: [f32; 4], colour: crate::scene::Rgba) {
        let Some(note) = crate::text::missing_note(self.missing.iter().copied()) else {
            return;
        };
        let size = NOTE_TEXT;
        let (w, _, descent) = measure(&note, size);
        let x = (width - w - 6.0).max(2.0);
        let bottom = if x > legend[2] + 6.0 {
            height - 6.0
        } else {
            legend[1] - 4.0
        };
        let origin = (x, bottom + descent);
        self.inner.text(&note, origin, size, colour, None);
    }
}

/// The size of the "no font" note.
const NOTE_TEXT: f32 = 11.0;

impl Surface for Noting<'_> {
    fn fill(&mut self, polygon: &[Px], colour: crate::scene::Rgba, outlined: bool) {
        self.inner.fill(polygon, colour, outlined);
    }
    fn stroke(&mut self, points: &[Px], closed: bool, ink: Ink, dash: Option<(f32, f32)>) {
        self.inner.stroke(points, closed, ink, dash);
    }
    fn circle(
        &mut self,
        centre: Px,
        radius: f32,
        fill: Option<crate::scene::Rgba>,
        stroke: Option<Ink>,
        dash: Option<(f32, f32)>,
    ) {
        self.inner.circle(centre, radius, fill, stroke, dash);
    }
    fn rect(&mut self, min: Px, max: Px, colour: crate::scene::Rgba) {
        self.inner.rect(min, max, colour);
    }
    fn image(&mut self, image: &GridImage, top_left: Px, bottom_right: Px) {
        self.inner.image(image, top_left, bottom_right);
    }
    fn text(
        &mut self,
        text: &str,
        origin: Px,
        size: f32,
        colour: crate::scene::Rgba,
        halo: Option<crate::scene::Rgba>,
    ) {
        if let Some(fonts) = self.fonts {
            self.missing.extend(fonts.missing_scripts(text));
        }
        self.inner.text(text, origin, size, colour, halo);
    }
}

/// The chart itself (see [`draw_chart`]).
/// Returns where the legend lies (left, top, right, bottom; logical pixels).
fn draw_parts(
    surface: &mut dyn Surface,
    base: &Resolved<'_>,
    content: Marks<'_>,
    options: &RenderOptions,
) -> [f32; 4] {
    let (view_id, view_name) = match base {
        Resolved::Map(_, view) => (view.id.clone(), view.name.as_str()),
        Resolved::Diagram(view, _) => (view.id(), view.file.name.as_str()),
    };
    let scale = options.scale();
    let (width, height) = (options.width as f32 / scale, options.height as f32 / scale);
    surface.rect((0.0, 0.0), (width, height), options.colors.background);
    let margin = (width.min(height) * 0.06).max(8.0);
    let letter_size = (height * 0.03).clamp(14.0, 32.0);
    // The title and side letters get a band of their own above the drawing, the legend one
    // below it, so neither covers the body.
    let available = width - 2.0 * (margin * 0.6 + letter_size);
    let (title_lines, title_size) = if options.title {
        title_lines(
            &title(view_name, content, options.mirrored),
            available,
            letter_size,
        )
    } else {
        (Vec::new(), 0.0)
    };
    let top = if options.title {
        letter_size * 1.4 + title_lines.len().saturating_sub(1) as f32 * title_size * 1.3
    } else {
        0.0
    };
    // Zones are measured on the standard map's grid: a custom diagram shows the point marks
    // only, as on the canvas.
    let map = match base {
        Resolved::Map(map, _) => Some(*map),
        Resolved::Diagram(..) => None,
    };
    let (image, glyphs, mut legend) = marks_of(content, &view_id, map, options);
    let overlay = match map {
        Some(_) => crate::scene::overlays::OverlayScene::new(
            crate::bodymap::overlays::overlays(),
            &view_id,
            options.overlays,
        ),
        None => crate::scene::overlays::OverlayScene::default(),
    };
    legend.extend(overlay.legend.iter().cloned());
    let legend_k = legend_scale(&legend, width);
    let legend_height = legend_size(&legend, legend_k).1;
    // A pattern's caption, wrapped, between the drawing and the legend.
    let caption_size = (letter_size * 0.6).max(12.0);
    let caption = match content {
        Marks::Pattern { muscle, .. } => crate::education::referral_library()
            .pattern(muscle)
            .map(|p| wrapped(&p.caption, width - 20.0, caption_size))
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    let note_size = 10.0;
    let notes: Vec<String> = overlay
        .notes
        .iter()
        .flat_map(|note| wrapped(note, width - 20.0, note_size))
        .collect();
    let caption_height = if caption.is_empty() {
        0.0
    } else {
        caption.len() as f32 * caption_size * 1.3 + 6.0
    } + if notes.is_empty() {
        0.0
    } else {
        notes.len() as f32 * note_size * 1.3 + 6.0
    };
    let bottom = caption_height
        + if legend.is_empty() {
            0.0
        } else {
            legend_height + 8.0
        };
    let bounds = match base {
        Resolved::Map(_, view) => MapScene::outline_bounds(view),
        // Marks are in the upright picture's full-size pixels; the decoded copy may be
        // smaller (see `bodymap::picture`) and is drawn stretched over them.
        Resolved::Diagram(view, image) => {
            let (w, h) = view
                .size
                .unwrap_or((image.width as u32, image.height as u32));
            crate::bodymap::Bounds {
                min: crate::geometry::MapPoint::new(0.0, 0.0),
                max: crate::geometry::MapPoint::new(w as f32, h as f32),
            }
        }
    };
    let mut projection = Projection::fit(bounds, (0.0, top), width, height - top - bottom, margin);
    projection.mirrored = options.mirrored;
    let tolerance = crate::scene::tolerance_for_scale(projection.scale * scale);
    // What is drawn under the marks, and the names on it (muscles, or the diagram's regions).
    let (edge_letters, names) = match base {
        Resolved::Map(map, view) => {
            let scene = MapScene::new(map, view, options.layers, tolerance);
            draw_scene(surface, &scene, &projection, &options.colors);
            let names: Vec<(String, crate::geometry::MapPoint)> = scene
                .muscles
                .iter()
                .map(|m| (m.name.clone(), m.label_at))
                .collect();
            (Some(scene.edge_letters(options.mirrored)), names)
        }
        Resolved::Diagram(view, image) => {
            surface.image(
                image,
                projection.to_screen(bounds.min),
                projection.to_screen(bounds.max),
            );
            let ink = Ink::new(1.2, options.colors.superficial_edge);
            let names = view
                .file
                .regions
                .iter()
                .map(|region| {
                    let outline = region.shape.flatten(tolerance);
                    let points: Vec<Px> =
                        outline.iter().map(|p| projection.to_screen(*p)).collect();
                    surface.stroke(&points, true, ink, None);
                    (region.name.clone(), crate::scene::label_point_of(&outline))
                })
                .collect();
            (None, names)
        }
    };
    // Overlays over the map, under the session's marks.
    for area in &overlay.areas {
        let points: Vec<Px> = area
            .fill
            .polygon
            .iter()
            .map(|p| projection.to_screen(*p))
            .collect();
        surface.fill(&points, options.colors.of(area.fill.role), false);
    }
    draw_glyphs(surface, &overlay.glyphs(&projection, false));
    if let Some((image, top_left, bottom_right)) = image.and_then(|i| i.cropped()) {
        surface.image(
            &image,
            projection.to_screen(top_left),
            projection.to_screen(bottom_right),
        );
    }
    // Glyphs are placed in logical pixels through the projection.
    draw_glyphs(surface, &glyphs(&projection));

    let y = margin * 0.4 + letter_size;
    let colour = options.colors.side_letter;
    if let Some((left, right)) = edge_letters {
        for (letter, x) in [(left, margin * 0.6), (right, width - margin * 0.6)] {
            let (w, _, _) = measure(letter, letter_size);
            surface.text(letter, (x - w / 2.0, y), letter_size, colour, None);
        }
    }
    for (i, line) in title_lines.iter().enumerate() {
        let (w, _, _) = measure(line, title_size);
        let baseline = y + i as f32 * title_size * 1.3;
        surface.text(
            line,
            ((width - w) / 2.0, baseline),
            title_size,
            colour,
            None,
        );
    }
    // Overlay labels first (they name what the clinician switched on), then muscle names,
    // each only where it does not cover another.
    let mut labeller = Labeller::new(width, height - bottom);
    let muscle_size = (projection.scale * 9.0).clamp(9.0, 14.0);
    let muscle_names = names
        .iter()
        .filter(|_| options.labels)
        .map(|(name, at)| (name.as_str(), *at, muscle_size));
    let labels = overlay
        .labels()
        .map(|(name, at)| (name, at, 10.0))
        .chain(muscle_names);
    for (name, at, size) in labels {
        if let Some(origin) = labeller.place(name, projection.to_screen(at), size) {
            surface.text(
                name,
                origin,
                size,
                options.colors.label,
                Some(options.colors.label_halo),
            );
        }
    }
    let caption_top = height - bottom + 4.0;
    for (i, line) in caption.iter().enumerate() {
        let (_, ascent, _) = measure(line, caption_size);
        let baseline = caption_top + ascent + i as f32 * caption_size * 1.3;
        surface.text(line, (10.0, baseline), caption_size, colour, None);
    }
    let notes_top = caption_top
        + if caption.is_empty() {
            0.0
        } else {
            caption.len() as f32 * caption_size * 1.3 + 6.0
        };
    for (i, line) in notes.iter().enumerate() {
        let (_, ascent, _) = measure(line, note_size);
        let baseline = notes_top + ascent + i as f32 * note_size * 1.3;
        surface.text(line, (10.0, baseline), note_size, colour, None);
    }
    draw_legend(
        surface,
        &legend,
        (10.0, height - legend_height - 6.0),
        legend_k,
        options,
    );
    let legend_width = if legend.is_empty() {
        0.0
    } else {
        legend_size(&legend, legend_k).0
    };
    [
        10.0,
        height - legend_height - 6.0,
        10.0 + legend_width,
        height,
    ]
}

/// The title in as few lines as fit `available` px: shrunk a little first, then broken at
/// its " · " separators. Returns the lines and their size.
fn title_lines(text: &str, available: f32, letter_size: f32) -> (Vec<String>, f32) {
    let size = (letter_size * 0.6).max(12.0);
    let (w, _, _) = measure(text, size);
    if w <= available {
        return (vec![text.to_owned()], size);
    }
    let size = (size * available / w).max(10.0);
    if measure(text, size).0 <= available {
        return (vec![text.to_owned()], size);
    }
    let mut lines: Vec<String> = Vec::new();
    for part in text.split(" · ") {
        match lines.last_mut() {
            Some(line) if measure(&format!("{line} · {part}"), size).0 <= available => {
                line.push_str(" · ");
                line.push_str(part);
            }
            _ => lines.push(part.to_owned()),
        }
    }
    (lines, size)
}

type GlyphsAt<'a> = Box<dyn Fn(&Projection) -> Vec<Glyph> + 'a>;

/// The image on the measuring grid, the glyphs (given the projection) and the legend of
/// what is drawn over the map.
fn marks_of<'a>(
    content: Marks<'a>,
    view: &'a ViewId,
    map: Option<&'a BodyMap>,
    options: &'a RenderOptions,
) -> (Option<GridImage>, GlyphsAt<'a>, Vec<LegendEntry>) {
    let zones = map.is_some();
    match content {
        Marks::None => (None, Box::new(|_| Vec::new()), Vec::new()),
        Marks::Session { session, .. } => {
            let mut legend = if zones {
                marks::quality_legend(session, view)
            } else {
                Vec::new()
            };
            legend.extend(marks::mark_legend(
                session,
                view,
                &options.marks,
                options.plain_words,
            ));
            (
                zones.then(|| marks::zones_image(session, view)).flatten(),
                Box::new(move |projection| {
                    marks::session_glyphs(session, view, projection, &options.marks, options.notes)
                }),
                legend,
            )
        }
        Marks::Difference { earlier, later, .. } => {
            let difference = differences(earlier, later, standard_charts())
                .into_iter()
                .find(|d| &d.view == view);
            let matches = match_trigger_points(earlier, later);
            (
                difference.as_ref().map(marks::difference_image),
                Box::new(move |projection| {
                    marks::difference_glyphs(earlier, later, &matches, view, projection)
                }),
                marks::difference_legend(),
            )
        }
        Marks::Pattern { muscle, side } => {
            let library = crate::education::referral_library();
            let drawing = match (library.pattern(muscle), map) {
                (Some(pattern), Some(map)) => crate::scene::pattern::PatternDrawing::new(
                    map,
                    view,
                    muscle,
                    side,
                    &library.shapes(pattern, view, side),
                ),
                _ => crate::scene::pattern::PatternDrawing::default(),
            };
            let legend = drawing.legend();
            (
                None,
                Box::new(move |projection| drawing.glyphs(projection, 1.0)),
                legend,
            )
        }
    }
}

fn draw_scene(
    surface: &mut dyn Surface,
    scene: &MapScene,
    projection: &Projection,
    colors: &MapColors,
) {
    let px = |points: &[crate::geometry::MapPoint]| -> Vec<Px> {
        points.iter().map(|p| projection.to_screen(*p)).collect()
    };
    for item in &scene.items {
        match item {
            // Skin and muscles are outlined by the lines that follow them.
            Item::Fill(fill) => surface.fill(&px(&fill.polygon), colors.of(fill.role), true),
            Item::Line(line) => {
                let width = MapColors::line_width(line.role, projection.scale);
                if width <= 0.0 {
                    continue;
                }
                let dash = line.dashed.then_some((width * 4.0, width * 3.0));
                surface.stroke(
                    &px(&line.points),
                    line.closed,
                    Ink::new(width, colors.of(line.role)),
                    dash,
                );
            }
        }
    }
}

/// Draws glyphs as the canvas does: dashed lines 5 on 4 off, dashed circles 3 on 3 off,
/// arrow heads a quarter of the arrow long at ±36°, notes on a rounded box.
pub fn draw_glyphs(surface: &mut dyn Surface, glyphs: &[Glyph]) {
    for glyph in glyphs {
        match glyph {
            Glyph::Circle {
                centre,
                radius,
                fill,
                stroke,
                dashed,
            } => surface.circle(
                *centre,
                *radius,
                *fill,
                *stroke,
                dashed.then_some((3.0, 3.0)),
            ),
            Glyph::Line {
                points,
                ink,
                dashed,
            } => surface.stroke(points, false, *ink, dashed.then_some((5.0, 4.0))),
            Glyph::Arrow { from, to, ink } => {
                surface.stroke(&[*from, *to], false, *ink, None);
                let (dx, dy) = (to.0 - from.0, to.1 - from.1);
                let length = (dx * dx + dy * dy).sqrt();
                if length > 0.0 {
                    let tip = length / 4.0;
                    let (ux, uy) = (-dx / length * tip, -dy / length * tip);
                    let angle = std::f32::consts::TAU / 10.0;
                    for a in [angle, -angle] {
                        let (sin, cos) = a.sin_cos();
                        let end = (to.0 + ux * cos - uy * sin, to.1 + ux * sin + uy * cos);
                        surface.stroke(&[*to, end], false, *ink, None);
                    }
                }
            }
            Glyph::Polygon {
                points,
                fill,
                stroke,
            } => {
                surface.fill(points, *fill, stroke.is_some());
                if let Some(ink) = stroke {
                    surface.stroke(points, true, *ink, None);
                }
            }
            Glyph::Text {
                at,
                anchor,
                text,
                size,
                colour,
                background,
            } => {
                // Notes may hold several lines: each is drawn, the box fits them all.
                let lines: Vec<&str> = text.lines().collect();
                let (_, ascent, descent) = measure("", *size);
                let line_height = (ascent - descent) * 1.2;
                let width = lines
                    .iter()
                    .map(|l| measure(l, *size).0)
                    .fold(0.0, f32::max);
                let block = line_height * lines.len().saturating_sub(1) as f32 + ascent - descent;
                let (x, top) = match (background, anchor) {
                    (Some(background), _) => {
                        surface.rect(*at, (at.0 + width + 6.0, at.1 + block + 6.0), *background);
                        (at.0 + 3.0, at.1 + 3.0)
                    }
                    (None, Anchor::LeftTop) => *at,
                    (None, Anchor::LeftBottom) => (at.0, at.1 - block),
                };
                for (i, line) in lines.iter().enumerate() {
                    let baseline = top + ascent + i as f32 * line_height;
                    surface.text(line, (x, baseline), *size, *colour, None);
                }
            }
        }
    }
}

const LEGEND_ROW: f32 = 18.0;
const LEGEND_TEXT: f32 = 12.0;

/// A legend's size at a scale of `k` (1 = as on the canvas).
fn legend_size(entries: &[LegendEntry], k: f32) -> (f32, f32) {
    let widest = entries
        .iter()
        .map(|e| measure(&e.label, LEGEND_TEXT * k).0)
        .fold(0.0, f32::max);
    (
        widest + 48.0 * k,
        (LEGEND_ROW * entries.len() as f32 + 8.0) * k,
    )
}

/// The scale at which the legend fits `width` px with a margin (never enlarged, and not
/// below two thirds, where the text would become hard to read).
fn legend_scale(entries: &[LegendEntry], width: f32) -> f32 {
    let (natural, _) = legend_size(entries, 1.0);
    ((width - 20.0) / natural.max(1.0)).clamp(2.0 / 3.0, 1.0)
}

/// The legend as on the canvas, `k` times its size: a patterned swatch and a line of text
/// per entry.
fn draw_legend(
    surface: &mut dyn Surface,
    entries: &[LegendEntry],
    (x, y): Px,
    k: f32,
    options: &RenderOptions,
) {
    if entries.is_empty() {
        return;
    }
    let (width, height) = legend_size(entries, k);
    surface.rect(
        (x, y),
        (x + width, y + height),
        options.marks.note_background,
    );
    let texel = 2.0 * k;
    for (i, entry) in entries.iter().enumerate() {
        let top = (x + 6.0 * k, y + (4.0 + LEGEND_ROW * i as f32) * k);
        let swatch = (top.0, top.1 + 2.0 * k);
        surface.rect(
            swatch,
            (swatch.0 + 11.0 * texel, swatch.1 + 6.0 * texel),
            marks::with_alpha(entry.colour, 0.45),
        );
        for (tx, ty) in marks::swatch_texels(entry.pattern) {
            let at = (swatch.0 + tx as f32 * texel, swatch.1 + ty as f32 * texel);
            surface.rect(at, (at.0 + texel, at.1 + texel), entry.colour);
        }
        let size = LEGEND_TEXT * k;
        let (_, ascent, descent) = measure(&entry.label, size);
        surface.text(
            &entry.label,
            (top.0 + 30.0 * k, top.1 + 8.0 * k + (ascent + descent) / 2.0),
            size,
            options.colors.label,
            None,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bodymap::standard;

    fn options() -> RenderOptions {
        RenderOptions::new(300, 700)
    }

    #[test]
    fn a_view_renders_to_the_requested_size_and_is_not_blank() {
        let map = &standard().map;
        let pixmap = render_view(map, "posterior", &options()).expect("renders");
        assert_eq!((pixmap.width(), pixmap.height()), (300, 700));
        let [r, g, b, a] = MapColors::LIGHT.background;
        let background = tiny_skia::Color::from_rgba8(r, g, b, a)
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
    fn a_chart_notes_the_scripts_no_font_draws_once_in_its_corner() {
        let none = crate::text::Fonts::new(Box::new(crate::text::NoFallbacks)).expect("reads");
        let mut svg = Svg::new(400, 300, 1.0);
        let mut noting = Noting {
            inner: &mut svg,
            fonts: Some(&none),
            missing: BTreeSet::new(),
        };
        noting.text(
            "王秀英 · ليلى حداد · अनीता",
            (10.0, 20.0),
            12.0,
            [0; 4],
            None,
        );
        noting.text("王 again", (10.0, 40.0), 12.0, [0; 4], None);
        noting.note(400.0, 300.0, [10.0, 250.0, 200.0, 300.0], [0; 4]);
        let svg = svg.finish();
        assert_eq!(
            svg.matches("no font on this system for: Devanagari, Han")
                .count(),
            1,
            "{svg}"
        );
        // No room beside a 190-px legend on a 400-px chart: the note stands above it.
        let note_line = svg
            .lines()
            .find(|l| l.contains("no font on this system"))
            .expect("the note");
        let y: f32 = note_line
            .split("y=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .and_then(|y| y.parse().ok())
            .expect("the note's baseline");
        assert!(y < 250.0, "{note_line}");

        // Text every font here draws gets no note.
        let mut svg = Svg::new(400, 300, 1.0);
        let mut noting = Noting {
            inner: &mut svg,
            fonts: Some(&none),
            missing: BTreeSet::new(),
        };
        noting.text("ليلى حداد · Ana", (10.0, 20.0), 12.0, [0; 4], None);
        noting.note(400.0, 300.0, [10.0, 250.0, 200.0, 300.0], [0; 4]);
        assert!(!svg.finish().contains("no font"));
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
