//! The session's marks on the canvas: referred-pain zones (replayed on the measuring grid,
//! coloured and patterned by quality, with a legend), trigger points, needle sites, arrows
//! and notes, the selection, links from zones to their trigger points; finding the mark
//! under the pointer; and one accessible node per mark so screen readers and tests find them.

use egui::{
    Align2, Color32, FontId, Mesh, Pos2, Rect, Shape, Stroke, TextureOptions, Vec2, pos2, vec2,
};

use super::canvas::{CachedZones, CanvasState};
use super::overlays::LegendEntry;
use super::theme::Palette;
use crate::geometry::{MapPoint, ViewId};
use crate::metrics::{CELL_MM, FRAME_HALF_WIDTH, PainMask};
use crate::model::{MarkKind, MarkRef, PainQuality, PaintOp, Session, TriggerPointStatus};
use crate::scene::{Projection, quality_style};

/// Texels per measuring cell in the zone texture: patterns need finer texels than the 3 mm
/// cells themselves.
const TEXELS_PER_CELL: usize = 2;
/// A pattern repeats every this many texels (6 mm on the body).
const PATTERN_PERIOD: usize = 4;
/// How close (screen pixels) the pointer must be to pick a point mark.
const PICK_PX: f32 = 10.0;

pub(super) fn screen(projection: &Projection, p: MapPoint) -> Pos2 {
    let (x, y) = projection.to_screen(p);
    pos2(x, y)
}

fn rgba(c: [u8; 4]) -> Color32 {
    Color32::from_rgba_unmultiplied(c[0], c[1], c[2], c[3])
}

/// Radius of point marks on screen at this zoom.
pub(super) fn mark_radius(projection: &Projection) -> f32 {
    (projection.scale * 4.0).clamp(5.0, 9.0)
}

/// The zones of the view as one texture, rebuilt when the session changes.
pub(super) fn paint_zones(
    ctx: &egui::Context,
    painter: &egui::Painter,
    session: &Session,
    revision: u64,
    state: &mut CanvasState,
    projection: &Projection,
) {
    let fresh = state
        .zones
        .as_ref()
        .is_some_and(|z| z.view == state.view && z.revision == revision);
    if !fresh {
        let texture = zones_image(session, &state.view)
            .map(|image| ctx.load_texture("referred_zones", image, TextureOptions::LINEAR));
        state.zones = Some(CachedZones {
            view: state.view.clone(),
            revision,
            texture,
        });
    }
    let Some(texture) = state.zones.as_ref().and_then(|z| z.texture.as_ref()) else {
        return;
    };
    paint_on_frame(painter, texture, projection);
}

/// Paints a texture laid out on the measuring grid (the frame of [`PainMask`]) where the
/// grid lies on screen.
pub(super) fn paint_on_frame(
    painter: &egui::Painter,
    texture: &egui::TextureHandle,
    projection: &Projection,
) {
    let mask = PainMask::new();
    let top_left = MapPoint::new(-FRAME_HALF_WIDTH, 0.0);
    let bottom_right = MapPoint::new(
        -FRAME_HALF_WIDTH + mask.columns() as f32 * CELL_MM,
        mask.rows() as f32 * CELL_MM,
    );
    paint_image(painter, texture, projection, top_left, bottom_right);
}

/// Paints a texture over the map rectangle from `top_left` to `bottom_right` (mm).
pub(super) fn paint_image(
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

/// An image of the measuring grid at [`TEXELS_PER_CELL`] texels a cell, each painted cell
/// given the colour `paint(column, row, x, y)` returns (texel coordinates for patterns).
pub fn grid_image(
    mut paint: impl FnMut(usize, usize, usize, usize) -> Option<Color32>,
) -> egui::ColorImage {
    let blank = PainMask::new();
    let (columns, rows) = (blank.columns(), blank.rows());
    let (width, height) = (columns * TEXELS_PER_CELL, rows * TEXELS_PER_CELL);
    let mut pixels = vec![Color32::TRANSPARENT; width * height];
    for row in 0..rows {
        for column in 0..columns {
            for dy in 0..TEXELS_PER_CELL {
                for dx in 0..TEXELS_PER_CELL {
                    let (x, y) = (column * TEXELS_PER_CELL + dx, row * TEXELS_PER_CELL + dy);
                    if let Some(colour) = paint(column, row, x, y) {
                        pixels[y * width + x] = colour;
                    }
                }
            }
        }
    }
    egui::ColorImage::new([width, height], pixels)
}

/// The texel pattern period, for overlays drawing patterns like the zones do.
pub const PATTERN_TEXELS: usize = PATTERN_PERIOD;

/// Every zone of `view` composited in order: colour by quality, the quality's pattern drawn
/// darker, opacity by intensity (so what is shown is exactly what is measured).
pub fn zones_image(session: &Session, view: &ViewId) -> Option<egui::ColorImage> {
    let zones: Vec<_> = session
        .referred_zones
        .iter()
        .filter(|z| &z.view == view)
        .collect();
    if zones.is_empty() {
        return None;
    }
    let blank = PainMask::new();
    let (columns, rows) = (blank.columns(), blank.rows());
    let (width, height) = (columns * TEXELS_PER_CELL, rows * TEXELS_PER_CELL);
    let mut pixels = vec![Color32::TRANSPARENT; width * height];
    for zone in zones {
        let mask = PainMask::of_view(std::iter::once(zone), view);
        let (colour, pattern) = quality_style(zone.quality);
        let alpha = 0.25 + 0.05 * f32::from(zone.intensity.min(10));
        let fill = rgba(colour).gamma_multiply(alpha * 0.75);
        let ink = rgba(colour).gamma_multiply((alpha + 0.3).min(1.0));
        let carried = if zone.carried_forward { 0.6 } else { 1.0 };
        for row in 0..rows {
            for column in 0..columns {
                if !mask.get(column, row) {
                    continue;
                }
                for dy in 0..TEXELS_PER_CELL {
                    for dx in 0..TEXELS_PER_CELL {
                        let (x, y) = (column * TEXELS_PER_CELL + dx, row * TEXELS_PER_CELL + dy);
                        let paint = if pattern.marks(x, y, PATTERN_PERIOD) {
                            ink
                        } else {
                            fill
                        };
                        let pixel = &mut pixels[y * width + x];
                        *pixel = paint.gamma_multiply(carried).blend(*pixel);
                    }
                }
            }
        }
    }
    Some(egui::ColorImage::new([width, height], pixels))
}

/// The legend entries of the pain qualities painted on this view.
pub(super) fn quality_legend(session: &Session, view: &ViewId) -> Vec<LegendEntry> {
    let mut qualities: Vec<PainQuality> = session
        .referred_zones
        .iter()
        .filter(|z| &z.view == view)
        .map(|z| z.quality)
        .collect();
    qualities.sort_by_key(|q| PainQuality::ALL.iter().position(|x| x == q));
    qualities.dedup();
    qualities
        .into_iter()
        .map(|quality| {
            let (colour, pattern) = quality_style(quality);
            LegendEntry {
                colour: rgba(colour),
                pattern,
                label: quality.label().to_owned(),
            }
        })
        .collect()
}

/// A legend, bottom left of the canvas: a patterned swatch and a line of text per entry.
pub(super) fn paint_legend(
    painter: &egui::Painter,
    rect: Rect,
    entries: &[LegendEntry],
    text: Color32,
    background: Color32,
) {
    if entries.is_empty() {
        return;
    }
    let row = 18.0;
    let font = FontId::proportional(12.0);
    let widest = entries
        .iter()
        .map(|e| {
            painter
                .layout_no_wrap(e.label.clone(), font.clone(), text)
                .size()
                .x
        })
        .fold(0.0, f32::max);
    let height = row * entries.len() as f32 + 8.0;
    let frame = Rect::from_min_size(
        rect.left_bottom() + vec2(10.0, -height - 10.0),
        vec2(widest + 48.0, height),
    );
    painter.rect_filled(frame, 4.0, background);
    for (i, entry) in entries.iter().enumerate() {
        let top = frame.min + vec2(6.0, 4.0 + row * i as f32);
        let swatch = Rect::from_min_size(top + vec2(0.0, 2.0), vec2(22.0, 12.0));
        painter.rect_filled(swatch, 2.0, entry.colour.gamma_multiply(0.45));
        // The pattern, one texel = 2 px.
        for y in 0..6 {
            for x in 0..11 {
                if entry.pattern.marks(x, y, PATTERN_PERIOD) {
                    painter.rect_filled(
                        Rect::from_min_size(
                            swatch.min + vec2(x as f32 * 2.0, y as f32 * 2.0),
                            Vec2::splat(2.0),
                        ),
                        0.0,
                        entry.colour,
                    );
                }
            }
        }
        painter.text(
            top + vec2(30.0, 8.0),
            Align2::LEFT_CENTER,
            &entry.label,
            font.clone(),
            text,
        );
    }
}

/// Where a zone sits, for links and picking: the mean of its painted points.
pub(super) fn zone_centre(zone: &crate::model::ReferredZone) -> Option<MapPoint> {
    let points: Vec<MapPoint> = zone
        .paint
        .iter()
        .filter(|op| !matches!(op, PaintOp::Erase { .. }))
        .flat_map(|op| op.points().iter().copied())
        .collect();
    if points.is_empty() {
        return None;
    }
    let n = points.len() as f32;
    Some(MapPoint::new(
        points.iter().map(|p| p.x).sum::<f32>() / n,
        points.iter().map(|p| p.y).sum::<f32>() / n,
    ))
}

pub(super) fn paint_marks(
    painter: &egui::Painter,
    session: &Session,
    state: &CanvasState,
    projection: &Projection,
    palette: &Palette,
    note_background: Color32,
) {
    let view = &state.view;
    let radius = mark_radius(projection);
    let ring = Stroke::new(1.5, Color32::WHITE);
    let selected = |kind, id| state.selection.contains(&MarkRef::new(kind, id));
    let selection_ring = Stroke::new(2.5, palette.info);

    // Links from zones to the trigger points they are referred from.
    for zone in session.referred_zones.iter().filter(|z| &z.view == view) {
        let (Some(source), Some(centre)) = (zone.source, zone_centre(zone)) else {
            continue;
        };
        if let Some(tp) = session
            .trigger_points
            .iter()
            .find(|t| t.id == source && &t.view == view)
        {
            let points = [screen(projection, tp.at), screen(projection, centre)];
            painter.extend(Shape::dashed_line(
                &points,
                Stroke::new(1.0, palette.zone.gamma_multiply(0.6)),
                5.0,
                4.0,
            ));
        }
        if selected(MarkKind::ReferredZone, zone.id) {
            painter.circle_stroke(screen(projection, centre), radius * 1.6, selection_ring);
        }
    }
    for arrow in session.arrows.iter().filter(|a| &a.view == view) {
        let (from, to) = (screen(projection, arrow.from), screen(projection, arrow.to));
        let width = if selected(MarkKind::Arrow, arrow.id) {
            3.5
        } else {
            2.0
        };
        painter.arrow(from, to - from, Stroke::new(width, palette.zone));
        if !arrow.label.is_empty() {
            painter.text(
                from + (to - from) / 2.0 + vec2(6.0, -6.0),
                Align2::LEFT_BOTTOM,
                &arrow.label,
                FontId::proportional(12.0),
                palette.zone,
            );
        }
    }
    // A needle is drawn as its shaft and handle leaning away from the site, so the trigger
    // point it treats stays visible.
    for needle in session.needle_sites.iter().filter(|n| &n.view == view) {
        let at = screen(projection, needle.at);
        let handle = needle_handle(at, radius);
        painter.line_segment([at, handle], Stroke::new(1.6, palette.needle));
        painter.circle(handle, radius * 0.55, palette.needle, ring);
        painter.circle_filled(at, 2.0, palette.needle);
        if selected(MarkKind::NeedleSite, needle.id) {
            painter.circle_stroke(handle, radius * 0.55 + 3.0, selection_ring);
        }
    }
    for tp in session.trigger_points.iter().filter(|t| &t.view == view) {
        let at = screen(projection, tp.at);
        let colour = match tp.status {
            TriggerPointStatus::Active => palette.trigger_active,
            TriggerPointStatus::Latent => palette.trigger_latent,
        };
        let fade = if tp.carried_forward { 0.55 } else { 1.0 };
        match tp.status {
            TriggerPointStatus::Active => {
                painter.circle(at, radius, colour.gamma_multiply(fade), ring);
            }
            TriggerPointStatus::Latent => {
                painter.circle(
                    at,
                    radius,
                    Color32::WHITE.gamma_multiply(0.7 * fade),
                    Stroke::new(2.5, colour.gamma_multiply(fade)),
                );
            }
        }
        if tp.carried_forward {
            // Dashed halo: carried forward from the last visit, not yet confirmed.
            let points: Vec<Pos2> = (0..=24)
                .map(|i| {
                    let a = i as f32 / 24.0 * std::f32::consts::TAU;
                    at + vec2(a.cos(), a.sin()) * (radius + 4.0)
                })
                .collect();
            painter.extend(Shape::dashed_line(
                &points,
                Stroke::new(1.2, colour),
                3.0,
                3.0,
            ));
        }
        if selected(MarkKind::TriggerPoint, tp.id) {
            painter.circle_stroke(at, radius + 4.0, selection_ring);
        }
    }
    for note in session.text_notes.iter().filter(|n| &n.view == view) {
        let rect = note_rect(painter, note, projection);
        painter.rect_filled(rect, 3.0, note_background);
        if selected(MarkKind::TextNote, note.id) {
            painter.rect_stroke(rect, 3.0, selection_ring, egui::StrokeKind::Outside);
        }
        painter.text(
            rect.min + Vec2::splat(3.0),
            Align2::LEFT_TOP,
            &note.text,
            FontId::proportional(12.0),
            palette.info,
        );
    }
}

fn needle_handle(at: Pos2, radius: f32) -> Pos2 {
    at + vec2(-radius * 1.8, -radius * 2.6)
}

fn note_rect(
    painter: &egui::Painter,
    note: &crate::model::TextNote,
    projection: &Projection,
) -> Rect {
    let at = screen(projection, note.at);
    let galley = painter.layout_no_wrap(
        note.text.clone(),
        FontId::proportional(12.0),
        Color32::WHITE,
    );
    Rect::from_min_size(at, galley.size() + Vec2::splat(6.0))
}

/// The screen area of each mark of the view, for picking and accessibility: (mark, area).
pub(super) fn mark_areas(
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
            Rect::from_two_pos(at, needle_handle(at, radius)).expand(radius * 0.6),
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
pub(super) fn mark_at(
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
        &n.view == view && (near(at) || needle_handle(at, radius).distance(pos) <= radius)
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
pub(super) fn mark_nodes(
    ui: &mut egui::Ui,
    painter: &egui::Painter,
    session: &Session,
    state: &CanvasState,
    projection: &Projection,
    names: &dyn Fn(&str) -> Option<String>,
) {
    let clip = painter.clip_rect();
    for (mark, area) in mark_areas(painter, session, &state.view, projection) {
        if !clip.intersects(area) {
            continue;
        }
        let Some(mut label) = describe(session, mark, names) else {
            continue;
        };
        if state.selection.contains(&mark) {
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
