//! The session's marks on the canvas: referred-pain zones (replayed on the measuring grid,
//! coloured and patterned by quality, with a legend), trigger points, needle sites, arrows
//! and notes, the selection, links from zones to their trigger points; finding the mark
//! under the pointer; and one accessible node per mark so screen readers and tests find them.

use egui::{
    Align2, Color32, FontId, Mesh, Pos2, Rect, Shape, Stroke, TextureOptions, Vec2, pos2, vec2,
};

use crate::app::canvas::state::{CachedGlyphs, CachedZones, CanvasState};
use crate::app::shell::theme::Palette;
use crate::geometry::{MapPoint, ViewId};
use crate::metrics::PainMask;
use crate::model::{MarkKind, MarkRef, Session};
use crate::scene::marks::{self, Anchor, GridImage, Ink, NOTE_TEXT_PX};
use crate::scene::{Glyph, LegendEntry, MarkColors, Projection};

pub(crate) use crate::scene::marks::{mark_radius, needle_handle, zone_centre};

/// How close (screen pixels) the pointer must be to pick a point mark.
const PICK_PX: f32 = 10.0;

pub(crate) fn screen(projection: &Projection, p: MapPoint) -> Pos2 {
    let (x, y) = projection.to_screen(p);
    pos2(x, y)
}

fn px((x, y): marks::Px) -> Pos2 {
    pos2(x, y)
}

pub(crate) fn rgba(c: [u8; 4]) -> Color32 {
    Color32::from_rgba_unmultiplied(c[0], c[1], c[2], c[3])
}

fn stroke(ink: Ink) -> Stroke {
    Stroke::new(ink.width, rgba(ink.colour))
}

/// A grid image of the scene as an egui image.
pub fn color_image(image: &GridImage) -> egui::ColorImage {
    let pixels = image
        .pixels
        .iter()
        .map(|[r, g, b, a]| Color32::from_rgba_premultiplied(*r, *g, *b, *a))
        .collect();
    egui::ColorImage::new([image.width, image.height], pixels)
}

/// The zones of the view as one texture, rebuilt only when the zones or the view change.
pub(crate) fn paint_zones(
    ctx: &egui::Context,
    painter: &egui::Painter,
    session: &Session,
    zones_revision: u64,
    state: &mut CanvasState,
    projection: &Projection,
) {
    let view = &state.memory.view;
    let cache = &mut state.cache;
    let fresh = cache
        .zones
        .as_ref()
        .is_some_and(|z| z.view == *view && z.zones_revision == zones_revision);
    if !fresh {
        let texture = marks::zones_image(session, view).map(|image| {
            ctx.load_texture(
                "referred_zones",
                color_image(&image),
                TextureOptions::LINEAR,
            )
        });
        cache.zones = Some(CachedZones {
            view: view.clone(),
            zones_revision,
            texture,
        });
        cache.zone_builds += 1;
    }
    let Some(texture) = cache.zones.as_ref().and_then(|z| z.texture.as_ref()) else {
        return;
    };
    paint_on_frame(painter, texture, projection);
}

/// Paints a texture laid out on the measuring grid (the frame of [`PainMask`]) where the
/// grid lies on screen.
pub(crate) fn paint_on_frame(
    painter: &egui::Painter,
    texture: &egui::TextureHandle,
    projection: &Projection,
) {
    let (top_left, bottom_right) = GridImage::frame();
    paint_image(painter, texture, projection, top_left, bottom_right);
}

/// Paints a texture over the map rectangle from `top_left` to `bottom_right` (mm).
pub(crate) fn paint_image(
    painter: &egui::Painter,
    texture: &egui::TextureHandle,
    projection: &Projection,
    top_left: MapPoint,
    bottom_right: MapPoint,
) {
    let (a, b) = (
        screen(projection, top_left),
        screen(projection, bottom_right),
    );
    // A mirrored projection swaps left and right; `from_two_pos` orders the corners and the
    // flipped uv undoes the swap.
    let uv = if projection.mirrored {
        Rect::from_min_max(pos2(1.0, 0.0), pos2(0.0, 1.0))
    } else {
        Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0))
    };
    let mut mesh = Mesh::with_texture(texture.id());
    mesh.add_rect_with_uv(Rect::from_two_pos(a, b), uv, Color32::WHITE);
    painter.add(Shape::mesh(mesh));
}

/// Paints the scene's glyphs with egui.
pub(crate) fn paint_glyphs(painter: &egui::Painter, glyphs: &[Glyph]) {
    for glyph in glyphs {
        match glyph {
            Glyph::Circle {
                centre,
                radius,
                fill,
                stroke: ink,
                dashed: false,
            } => {
                let fill = fill.map_or(Color32::TRANSPARENT, rgba);
                let ink = ink.map_or(Stroke::NONE, stroke);
                painter.circle(px(*centre), *radius, fill, ink);
            }
            Glyph::Circle {
                centre,
                radius,
                fill,
                stroke: ink,
                dashed: true,
            } => {
                let at = px(*centre);
                if let Some(fill) = fill {
                    painter.circle_filled(at, *radius, rgba(*fill));
                }
                let points: Vec<Pos2> = (0..=24)
                    .map(|i| {
                        let a = i as f32 / 24.0 * std::f32::consts::TAU;
                        at + vec2(a.cos(), a.sin()) * *radius
                    })
                    .collect();
                let ink = ink.map_or(Stroke::NONE, stroke);
                painter.extend(Shape::dashed_line(&points, ink, 3.0, 3.0));
            }
            Glyph::Line {
                points,
                ink,
                dashed,
            } => {
                let points: Vec<Pos2> = points.iter().copied().map(px).collect();
                if *dashed {
                    painter.extend(Shape::dashed_line(&points, stroke(*ink), 5.0, 4.0));
                } else {
                    painter.add(Shape::line(points, stroke(*ink)));
                }
            }
            Glyph::Arrow { from, to, ink } => {
                let (from, to) = (px(*from), px(*to));
                painter.arrow(from, to - from, stroke(*ink));
            }
            Glyph::Polygon {
                points,
                fill,
                stroke: ink,
            } => {
                let points = points.iter().copied().map(px).collect();
                let ink = ink.map_or(Stroke::NONE, stroke);
                painter.add(Shape::convex_polygon(points, rgba(*fill), ink));
            }
            Glyph::Text {
                at,
                anchor,
                text,
                size,
                colour,
                background,
            } => {
                let font = FontId::proportional(*size);
                match background {
                    Some(background) => {
                        let galley =
                            painter.layout_no_wrap(text.clone(), font.clone(), rgba(*colour));
                        let rect = Rect::from_min_size(px(*at), galley.size() + Vec2::splat(6.0));
                        painter.rect_filled(rect, 3.0, rgba(*background));
                        painter.galley(rect.min + Vec2::splat(3.0), galley, rgba(*colour));
                    }
                    None => {
                        let align = match anchor {
                            Anchor::LeftTop => Align2::LEFT_TOP,
                            Anchor::LeftBottom => Align2::LEFT_BOTTOM,
                        };
                        painter.text(px(*at), align, text, font, rgba(*colour));
                    }
                }
            }
        }
    }
}

/// A legend at the bottom of `gutter` (the canvas's left strip that the fitted drawing
/// leaves free, so it never covers the body): a patterned swatch and the entry's words,
/// wrapped to the strip's width.
pub(crate) fn paint_legend(
    painter: &egui::Painter,
    gutter: Rect,
    entries: &[LegendEntry],
    text: Color32,
    background: Color32,
) {
    if entries.is_empty() || gutter.width() < 80.0 {
        return;
    }
    let font = FontId::proportional(12.0);
    let swatch_width = 30.0;
    let wrap = (gutter.width() - swatch_width - 20.0).max(40.0);
    let galleys: Vec<_> = entries
        .iter()
        .map(|e| painter.layout(e.label.clone(), font.clone(), text, wrap))
        .collect();
    let rows: Vec<f32> = galleys.iter().map(|g| g.size().y.max(14.0) + 4.0).collect();
    let height = rows.iter().sum::<f32>() + 8.0;
    let widest = galleys.iter().map(|g| g.size().x).fold(0.0, f32::max);
    let frame = Rect::from_min_size(
        gutter.left_bottom() + vec2(8.0, -height - 8.0),
        vec2(widest + swatch_width + 12.0, height),
    );
    painter.rect_filled(frame, 4.0, background);
    let mut top = frame.min + vec2(6.0, 4.0);
    for ((entry, galley), row) in entries.iter().zip(galleys).zip(rows) {
        let colour = rgba(entry.colour);
        let swatch = Rect::from_min_size(top + vec2(0.0, 3.0), vec2(22.0, 12.0));
        painter.rect_filled(swatch, 2.0, colour.gamma_multiply(0.45));
        // The pattern, one texel = 2 px.
        for (x, y) in marks::swatch_texels(entry.pattern) {
            painter.rect_filled(
                Rect::from_min_size(
                    swatch.min + vec2(x as f32 * 2.0, y as f32 * 2.0),
                    Vec2::splat(2.0),
                ),
                0.0,
                colour,
            );
        }
        painter.galley(top + vec2(swatch_width, 2.0), galley, text);
        top.y += row;
    }
}

/// The session's marks on the canvas (the scene's glyphs), with the selection ringed.
pub(crate) fn paint_marks(
    painter: &egui::Painter,
    session: &Session,
    revision: u64,
    state: &mut CanvasState,
    projection: &Projection,
    palette: &Palette,
    colors: &MarkColors,
) {
    let fresh = state.cache.glyphs.as_ref().is_some_and(|g| {
        g.revision == revision
            && g.view == state.memory.view
            && g.projection == *projection
            && g.colors == *colors
    });
    if !fresh {
        state.cache.glyphs = Some(CachedGlyphs {
            view: state.memory.view.clone(),
            revision,
            projection: *projection,
            colors: *colors,
            glyphs: marks::session_glyphs(session, &state.memory.view, projection, colors, true),
        });
    }
    if let Some(cached) = &state.cache.glyphs {
        paint_glyphs(painter, &cached.glyphs);
    }
    let view = &state.memory.view;
    if state.tools.selection.is_empty() {
        return;
    }
    let radius = mark_radius(projection);
    let ring = Stroke::new(2.5, palette.info);
    for mark in &state.tools.selection {
        match mark.kind {
            MarkKind::ReferredZone => {
                if let Some(centre) = session
                    .referred_zones
                    .iter()
                    .find(|z| z.id == mark.id && &z.view == view)
                    .and_then(zone_centre)
                {
                    painter.circle_stroke(screen(projection, centre), radius * 1.6, ring);
                }
            }
            MarkKind::Arrow => {
                if let Some(arrow) = session
                    .arrows
                    .iter()
                    .find(|a| a.id == mark.id && &a.view == view)
                {
                    let (from, to) = (screen(projection, arrow.from), screen(projection, arrow.to));
                    painter.arrow(from, to - from, Stroke::new(3.5, palette.zone));
                }
            }
            MarkKind::NeedleSite => {
                if let Some(needle) = session
                    .needle_sites
                    .iter()
                    .find(|n| n.id == mark.id && &n.view == view)
                {
                    let at = projection.to_screen(needle.at);
                    let handle = px(needle_handle(at, radius));
                    painter.circle_stroke(handle, radius * 0.55 + 3.0, ring);
                }
            }
            MarkKind::TriggerPoint => {
                if let Some(tp) = session
                    .trigger_points
                    .iter()
                    .find(|t| t.id == mark.id && &t.view == view)
                {
                    painter.circle_stroke(screen(projection, tp.at), radius + 4.0, ring);
                }
            }
            MarkKind::TextNote => {
                if let Some(note) = session
                    .text_notes
                    .iter()
                    .find(|n| n.id == mark.id && &n.view == view)
                {
                    let rect = note_rect(painter, note, projection);
                    painter.rect_stroke(rect, 3.0, ring, egui::StrokeKind::Outside);
                }
            }
        }
    }
}

fn note_rect(
    painter: &egui::Painter,
    note: &crate::model::TextNote,
    projection: &Projection,
) -> Rect {
    let at = screen(projection, note.at);
    let galley = painter.layout_no_wrap(
        note.text.clone(),
        FontId::proportional(NOTE_TEXT_PX),
        Color32::WHITE,
    );
    Rect::from_min_size(at, galley.size() + Vec2::splat(6.0))
}

/// The screen area of each mark of the view, for picking and accessibility: (mark, area).
pub(crate) fn mark_areas(
    painter: &egui::Painter,
    session: &Session,
    view: &ViewId,
    projection: &Projection,
) -> Vec<(MarkRef, Rect)> {
    let radius = mark_radius(projection);
    let mut areas = Vec::new();
    for zone in session.referred_zones.iter().filter(|z| &z.view == view) {
        if let Some(centre) = zone_centre(zone) {
            areas.push((
                MarkRef::new(MarkKind::ReferredZone, zone.id),
                Rect::from_center_size(screen(projection, centre), Vec2::splat(radius * 2.0)),
            ));
        }
    }
    for arrow in session.arrows.iter().filter(|a| &a.view == view) {
        let (from, to) = (screen(projection, arrow.from), screen(projection, arrow.to));
        areas.push((
            MarkRef::new(MarkKind::Arrow, arrow.id),
            Rect::from_two_pos(from, to).expand(4.0),
        ));
    }
    for needle in session.needle_sites.iter().filter(|n| &n.view == view) {
        let at = screen(projection, needle.at);
        areas.push((
            MarkRef::new(MarkKind::NeedleSite, needle.id),
            Rect::from_two_pos(at, px(needle_handle((at.x, at.y), radius))).expand(radius * 0.6),
        ));
    }
    for tp in session.trigger_points.iter().filter(|t| &t.view == view) {
        areas.push((
            MarkRef::new(MarkKind::TriggerPoint, tp.id),
            Rect::from_center_size(screen(projection, tp.at), Vec2::splat(radius * 2.0 + 4.0)),
        ));
    }
    for note in session.text_notes.iter().filter(|n| &n.view == view) {
        areas.push((
            MarkRef::new(MarkKind::TextNote, note.id),
            note_rect(painter, note, projection),
        ));
    }
    areas
}

/// The mark under the pointer: point marks within a few pixels first (trigger points over
/// needles over notes and arrows), then painted zones.
pub(crate) fn mark_at(
    painter: &egui::Painter,
    session: &Session,
    view: &ViewId,
    projection: &Projection,
    pos: Pos2,
) -> Option<MarkRef> {
    let radius = mark_radius(projection);
    let near = |p: Pos2| p.distance(pos) <= radius + PICK_PX * 0.5;
    if let Some(tp) = session
        .trigger_points
        .iter()
        .rev()
        .find(|t| &t.view == view && near(screen(projection, t.at)))
    {
        return Some(MarkRef::new(MarkKind::TriggerPoint, tp.id));
    }
    if let Some(needle) = session.needle_sites.iter().rev().find(|n| {
        let at = screen(projection, n.at);
        &n.view == view
            && (near(at) || px(needle_handle((at.x, at.y), radius)).distance(pos) <= radius)
    }) {
        return Some(MarkRef::new(MarkKind::NeedleSite, needle.id));
    }
    if let Some(note) = session
        .text_notes
        .iter()
        .rev()
        .find(|n| &n.view == view && note_rect(painter, n, projection).contains(pos))
    {
        return Some(MarkRef::new(MarkKind::TextNote, note.id));
    }
    if let Some(arrow) = session.arrows.iter().rev().find(|a| {
        &a.view == view && {
            let (from, to) = (screen(projection, a.from), screen(projection, a.to));
            distance_to_segment(pos, from, to) <= PICK_PX * 0.6
        }
    }) {
        return Some(MarkRef::new(MarkKind::Arrow, arrow.id));
    }
    let at = projection.to_map((pos.x, pos.y));
    session
        .referred_zones
        .iter()
        .rev()
        .filter(|z| &z.view == view)
        .find(|z| PainMask::of_view(std::iter::once(*z), view).contains(at))
        .map(|z| MarkRef::new(MarkKind::ReferredZone, z.id))
}

fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let t = if ab.length_sq() > 0.0 {
        ((p - a).dot(ab) / ab.length_sq()).clamp(0.0, 1.0)
    } else {
        0.0
    };
    p.distance(a + ab * t)
}

/// One accessibility node per mark of the view, named as the clinician would say it
/// ("Trigger point, right upper trapezius, active"), placed where the mark is drawn. They
/// only sense hover, so clicks and drags still reach the canvas and its tools.
pub(crate) fn mark_nodes(
    ui: &mut egui::Ui,
    painter: &egui::Painter,
    session: &Session,
    state: &CanvasState,
    projection: &Projection,
    names: &dyn Fn(&str) -> Option<String>,
) {
    let clip = painter.clip_rect();
    for (mark, area) in mark_areas(painter, session, &state.memory.view, projection) {
        if !clip.intersects(area) {
            continue;
        }
        let Some(mut label) = describe(session, mark, names) else {
            continue;
        };
        if state.tools.selection.contains(&mark) {
            label.push_str(", selected");
        }
        let id = ui.scope_id().with(("mark", mark.kind as u8, mark.id.0));
        let response = ui.interact(area.intersect(clip), id, egui::Sense::hover());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
    }
}

/// A mark's name with the map's muscle names ("right upper trapezius") and whether it was
/// carried forward.
pub fn describe(
    session: &Session,
    mark: MarkRef,
    names: &dyn Fn(&str) -> Option<String>,
) -> Option<String> {
    let mut text = session.describe_mark(mark)?;
    if let Some(muscle) = session.muscle_of(mark)
        && let Some(name) = names(&muscle.0)
    {
        text = text.replace(&muscle.fallback_name(), &name.to_lowercase());
    }
    let carried = match mark.kind {
        MarkKind::TriggerPoint => session
            .trigger_points
            .iter()
            .any(|m| m.id == mark.id && m.carried_forward),
        MarkKind::ReferredZone => session
            .referred_zones
            .iter()
            .any(|m| m.id == mark.id && m.carried_forward),
        _ => false,
    };
    if carried {
        text.push_str(", carried forward");
    }
    Some(text)
}
