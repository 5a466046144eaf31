//! What a chart is drawn on: a few primitives in logical pixels, implemented by a CPU raster
//! (tiny-skia) and by an SVG writer, so a PNG and an SVG of a chart are the same drawing.

use tiny_skia::{
    Color, FillRule, LineCap, LineJoin, Paint, PathBuilder, Pixmap, PixmapPaint, Rect, Stroke,
    StrokeDash, Transform,
};

use super::text;
use crate::scene::marks::{Ink, Px};
use crate::scene::{GridImage, Rgba};

/// The primitives a chart is drawn with, in logical pixels (y down).
pub trait Surface {
    /// A filled polygon; `outlined` when a line will be drawn along its edge, so the
    /// raster may skip anti-aliasing the fill's edge (the line covers it).
    fn fill(&mut self, polygon: &[Px], colour: Rgba, outlined: bool);
    /// A line along `points`; `dash` is (on, off) lengths.
    fn stroke(&mut self, points: &[Px], closed: bool, ink: Ink, dash: Option<(f32, f32)>);
    fn circle(
        &mut self,
        centre: Px,
        radius: f32,
        fill: Option<Rgba>,
        stroke: Option<Ink>,
        dash: Option<(f32, f32)>,
    );
    fn rect(&mut self, min: Px, max: Px, colour: Rgba);
    /// A grid image stretched so its top-left texel corner lands on `top_left` and its
    /// bottom-right on `bottom_right` (x reversed when the drawing is mirrored).
    fn image(&mut self, image: &GridImage, top_left: Px, bottom_right: Px);
    /// Text of `size` px with the left end of its baseline at `origin`.
    fn text(&mut self, text: &str, origin: Px, size: f32, colour: Rgba, halo: Option<Rgba>);
}

/// A tiny-skia pixmap, drawn at `scale` device pixels per logical pixel.
pub struct Raster {
    pub pixmap: Pixmap,
    scale: f32,
}

impl Raster {
    pub fn new(pixmap: Pixmap, scale: f32) -> Self {
        Self { pixmap, scale }
    }

    fn transform(&self) -> Transform {
        Transform::from_scale(self.scale, self.scale)
    }
}

fn colour([r, g, b, a]: Rgba) -> Color {
    Color::from_rgba8(r, g, b, a)
}

fn paint(rgba: Rgba) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color(colour(rgba));
    paint.anti_alias = true;
    paint
}

fn path(points: &[Px], closed: bool) -> Option<tiny_skia::Path> {
    let mut builder = PathBuilder::new();
    let (&(x, y), rest) = points.split_first()?;
    builder.move_to(x, y);
    for &(x, y) in rest {
        builder.line_to(x, y);
    }
    if closed {
        builder.close();
    }
    builder.finish()
}

fn stroke_style(ink: Ink, dash: Option<(f32, f32)>) -> Stroke {
    Stroke {
        width: ink.width,
        line_cap: LineCap::Round,
        line_join: LineJoin::Round,
        dash: dash.and_then(|(on, off)| StrokeDash::new(vec![on, off], 0.0)),
        ..Stroke::default()
    }
}

impl Surface for Raster {
    fn fill(&mut self, polygon: &[Px], rgba: Rgba, outlined: bool) {
        if let Some(path) = path(polygon, true) {
            let transform = self.transform();
            let mut paint = paint(rgba);
            paint.anti_alias = !outlined;
            self.pixmap
                .fill_path(&path, &paint, FillRule::Winding, transform, None);
        }
    }

    fn stroke(&mut self, points: &[Px], closed: bool, ink: Ink, dash: Option<(f32, f32)>) {
        if ink.width <= 0.0 {
            return;
        }
        if let Some(path) = path(points, closed) {
            let transform = self.transform();
            self.pixmap.stroke_path(
                &path,
                &paint(ink.colour),
                &stroke_style(ink, dash),
                transform,
                None,
            );
        }
    }

    fn circle(
        &mut self,
        (x, y): Px,
        radius: f32,
        fill: Option<Rgba>,
        stroke: Option<Ink>,
        dash: Option<(f32, f32)>,
    ) {
        let Some(path) = PathBuilder::from_circle(x, y, radius.max(0.1)) else {
            return;
        };
        let transform = self.transform();
        if let Some(fill) = fill {
            self.pixmap
                .fill_path(&path, &paint(fill), FillRule::Winding, transform, None);
        }
        if let Some(ink) = stroke {
            self.pixmap.stroke_path(
                &path,
                &paint(ink.colour),
                &stroke_style(ink, dash),
                transform,
                None,
            );
        }
    }

    fn rect(&mut self, (x0, y0): Px, (x1, y1): Px, rgba: Rgba) {
        if let Some(rect) = Rect::from_ltrb(x0.min(x1), y0.min(y1), x0.max(x1), y0.max(y1)) {
            let transform = self.transform();
            self.pixmap.fill_rect(rect, &paint(rgba), transform, None);
        }
    }

    fn image(&mut self, image: &GridImage, top_left: Px, bottom_right: Px) {
        let Some(texels) = tiny_skia::PixmapRef::from_bytes(
            image.pixels.as_flattened(),
            image.width as u32,
            image.height as u32,
        ) else {
            return;
        };
        let sx = (bottom_right.0 - top_left.0) / image.width as f32;
        let sy = (bottom_right.1 - top_left.1) / image.height as f32;
        let transform = self.transform().pre_concat(Transform::from_row(
            sx, 0.0, 0.0, sy, top_left.0, top_left.1,
        ));
        let paint = PixmapPaint {
            quality: tiny_skia::FilterQuality::Bilinear,
            ..PixmapPaint::default()
        };
        self.pixmap
            .draw_pixmap(0, 0, texels, &paint, transform, None);
    }

    fn text(&mut self, text: &str, (x, y): Px, size: f32, rgba: Rgba, halo: Option<Rgba>) {
        let s = self.scale;
        text::draw(&mut self.pixmap, text, (x * s, y * s), size * s, rgba, halo);
    }
}

/// An SVG document being written: `width` × `height` device pixels showing a logical
/// `width / scale` × `height / scale` drawing. Text is real text (DejaVu Sans, then the
/// system fonts the raster uses for other scripts, then the reader's sans-serif), zone
/// images are embedded PNGs.
pub struct Svg {
    body: String,
    width: u32,
    height: u32,
    scale: f32,
}

impl Svg {
    pub fn new(width: u32, height: u32, scale: f32) -> Self {
        Self {
            body: String::new(),
            width,
            height,
            scale,
        }
    }

    /// The finished document.
    pub fn finish(self) -> String {
        let (w, h) = (
            self.width as f32 / self.scale,
            self.height as f32 / self.scale,
        );
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" \
             font-family=\"DejaVu Sans, Verdana, sans-serif\">\n{}</svg>\n",
            self.width,
            self.height,
            num(w),
            num(h),
            self.body
        )
    }
}

/// A number as SVG wants it: at most two decimals, no trailing zeros.
fn num(value: f32) -> String {
    let text = format!("{:.2}", if value.is_finite() { value } else { 0.0 });
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" || text.is_empty() {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// A scale factor with the precision a stretched image needs.
fn num_fine(value: f32) -> String {
    let text = format!("{:.6}", if value.is_finite() { value } else { 0.0 });
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn points_attr(points: &[Px]) -> String {
    let mut out = String::new();
    for (i, (x, y)) in points.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&num(*x));
        out.push(',');
        out.push_str(&num(*y));
    }
    out
}

fn fill_attr(name: &str, [r, g, b, a]: Rgba) -> String {
    if a == 255 {
        format!(" {name}=\"#{r:02x}{g:02x}{b:02x}\"")
    } else {
        format!(
            " {name}=\"#{r:02x}{g:02x}{b:02x}\" {name}-opacity=\"{}\"",
            num(f32::from(a) / 255.0)
        )
    }
}

fn stroke_attrs(ink: Ink, dash: Option<(f32, f32)>) -> String {
    let mut out = fill_attr("stroke", ink.colour);
    out.push_str(&format!(
        " stroke-width=\"{}\" stroke-linecap=\"round\" stroke-linejoin=\"round\"",
        num(ink.width)
    ));
    if let Some((on, off)) = dash {
        out.push_str(&format!(" stroke-dasharray=\"{} {}\"", num(on), num(off)));
    }
    out
}

/// Text escaped for XML content and attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

impl Surface for Svg {
    fn fill(&mut self, polygon: &[Px], colour: Rgba, _outlined: bool) {
        if polygon.len() < 3 {
            return;
        }
        self.body.push_str(&format!(
            "<polygon points=\"{}\"{}/>\n",
            points_attr(polygon),
            fill_attr("fill", colour)
        ));
    }

    fn stroke(&mut self, points: &[Px], closed: bool, ink: Ink, dash: Option<(f32, f32)>) {
        if points.len() < 2 || ink.width <= 0.0 {
            return;
        }
        let element = if closed { "polygon" } else { "polyline" };
        self.body.push_str(&format!(
            "<{element} points=\"{}\" fill=\"none\"{}/>\n",
            points_attr(points),
            stroke_attrs(ink, dash)
        ));
    }

    fn circle(
        &mut self,
        (x, y): Px,
        radius: f32,
        fill: Option<Rgba>,
        stroke: Option<Ink>,
        dash: Option<(f32, f32)>,
    ) {
        let fill = fill.map_or_else(|| " fill=\"none\"".to_owned(), |c| fill_attr("fill", c));
        let stroke = stroke.map_or_else(String::new, |ink| stroke_attrs(ink, dash));
        self.body.push_str(&format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"{fill}{stroke}/>\n",
            num(x),
            num(y),
            num(radius)
        ));
    }

    fn rect(&mut self, (x0, y0): Px, (x1, y1): Px, colour: Rgba) {
        self.body.push_str(&format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"{}/>\n",
            num(x0.min(x1)),
            num(y0.min(y1)),
            num((x1 - x0).abs()),
            num((y1 - y0).abs()),
            fill_attr("fill", colour)
        ));
    }

    fn image(&mut self, image: &GridImage, top_left: Px, bottom_right: Px) {
        use base64::Engine as _;
        let Some(png) = tiny_skia::PixmapRef::from_bytes(
            image.pixels.as_flattened(),
            image.width as u32,
            image.height as u32,
        )
        .and_then(|texels| super::encode_png(texels).ok()) else {
            return;
        };
        let sx = (bottom_right.0 - top_left.0) / image.width as f32;
        let sy = (bottom_right.1 - top_left.1) / image.height as f32;
        self.body.push_str(&format!(
            "<image width=\"{}\" height=\"{}\" preserveAspectRatio=\"none\" \
             transform=\"matrix({} 0 0 {} {} {})\" href=\"data:image/png;base64,{}\"/>\n",
            image.width,
            image.height,
            num_fine(sx),
            num_fine(sy),
            num(top_left.0),
            num(top_left.1),
            base64::engine::general_purpose::STANDARD.encode(png)
        ));
    }

    fn text(&mut self, text: &str, (x, y): Px, size: f32, colour: Rgba, halo: Option<Rgba>) {
        // A stroke of two device pixels: the raster's one-pixel halo each way.
        let halo = halo.map_or_else(String::new, |h| {
            format!(
                "{} stroke-width=\"{}\" stroke-linejoin=\"round\" paint-order=\"stroke\"",
                fill_attr("stroke", h),
                num(2.0 / self.scale)
            )
        });
        // Text in scripts DejaVu lacks names the system fonts the raster used for them first;
        // the reader's own fonts, bidi and shaping do the rest.
        let families = text::fallback_families(text);
        let family = if families.is_empty() {
            String::new()
        } else {
            let mut list = vec!["DejaVu Sans".to_owned()];
            list.extend(families);
            list.push("sans-serif".to_owned());
            format!(" font-family=\"{}\"", escape(&list.join(", ")))
        };
        self.body.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{family}{}{halo} xml:space=\"preserve\">{}</text>\n",
            num(x),
            num(y),
            num(size),
            fill_attr("fill", colour),
            escape(text)
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_text_are_written_as_svg_expects() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.256), "1.26");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(f32::NAN), "0");
        assert_eq!(escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
    }
}
