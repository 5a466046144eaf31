//! The body-map canvas: paints a view's scene and the session's marks, zooms at the cursor,
//! pans, fits, and reports what lies under the pointer. It borrows the session and the map
//! and keeps only view state (`CanvasState`); it never changes the session.

pub mod custom_views;
pub mod hover;
pub mod marks;
pub mod overlays;
pub mod state;
pub mod tool;
pub mod toolbar;
pub mod tools;

use egui::{
    Align2, Color32, FontId, Mesh, PointerButton, Pos2, Rect, Sense, Shape, Stroke, epaint::Vertex,
    vec2,
};

use crate::app::shell::theme::Palette;
use crate::bodymap::custom::CustomView;
use crate::bodymap::{Bounds, MuscleHit, StandardMap};
use crate::geometry::{MapPoint, ViewId};
use crate::model::{Edit, MarkRef, Session};
use crate::scene::{
    Item, MapColors, MapScene, Projection, Rgba, Role, SafetyScene, tolerance_for_scale,
};
use custom_views::CustomViews;
use marks::screen;
use overlays::CanvasOverlay;
use tool::Tool;

pub use hover::Hover;
pub use state::CanvasState;
use tool::ToolGesture;

/// Zoom limits, as a multiple of the zoom that fits the view.
const MIN_ZOOM: f32 = 0.5;
const MAX_ZOOM: f32 = 24.0;
/// Muscle names appear from this many pixels per millimetre.
const LABELS_FROM_SCALE: f32 = 0.9;
/// The strip at the canvas's left that a fitted drawing leaves free for the legend, so the
/// legend never covers the body; narrower canvases have none.
const LEGEND_GUTTER: f32 = 190.0;
const LEGEND_GUTTER_FROM_WIDTH: f32 = 340.0;
/// How far outside a view's drawing the pointer still reports a point, mm.
const HOVER_MARGIN_MM: f32 = 20.0;

/// The legend's strip of a canvas (empty when the canvas is too narrow to spare one).
fn legend_gutter(rect: Rect) -> Rect {
    let width = if rect.width() >= LEGEND_GUTTER_FROM_WIDTH {
        LEGEND_GUTTER.min(rect.width() * 0.3)
    } else {
        0.0
    };
    Rect::from_min_size(rect.min, vec2(width, rect.height()))
}

/// What the canvas shows for its view id.
enum Shown<'a> {
    Standard(&'a crate::bodymap::View),
    Custom(&'a CustomView),
    /// Marks on a view this library does not have (a custom view that was removed).
    Missing,
}

/// What a canvas shows: a session, and optionally an overlay over (or instead of) its marks.
pub struct CanvasContent<'a> {
    pub session: &'a Session,
    /// Changes whenever the session does (keys the cached glyphs).
    pub revision: u64,
    /// Changes whenever the session's painted zones do (keys the zone texture).
    pub zones_revision: u64,
    /// Whether the tools may change the session.
    pub editable: bool,
    pub overlay: Option<&'a dyn CanvasOverlay>,
}

/// Paints the canvas filling the available space, handles zoom, pan and the active tool, and
/// returns the edits the user made (to be applied to the session by the caller; none when
/// the content is not editable).
pub fn body_canvas(
    ui: &mut egui::Ui,
    map: &StandardMap,
    custom: &mut CustomViews,
    content: &CanvasContent<'_>,
    state: &mut CanvasState,
) -> Vec<Edit> {
    let CanvasContent {
        session,
        revision,
        zones_revision,
        editable,
        overlay,
    } = *content;
    let shows_marks = overlay.is_none_or(|o| !o.replaces_marks());
    let palette = Palette::of(ui.ctx());
    let dark = ui.visuals().dark_mode;
    let colors = if dark {
        MapColors::DARK
    } else {
        MapColors::LIGHT
    };
    let (response, painter) = ui.allocate_painter(ui.available_size(), Sense::click_and_drag());
    let rect = response.rect;
    let painter = painter.with_clip_rect(rect);
    painter.rect_filled(rect, 4.0, color(colors.background));

    // A custom view's picture first (decoded once), then the view itself borrowed.
    let custom_texture = map
        .map
        .view(&state.memory.view)
        .is_none()
        .then(|| custom.texture(ui.ctx(), state.memory.view.as_str()));
    let shown = match (
        map.map.view(&state.memory.view),
        custom.get(state.memory.view.as_str()),
    ) {
        (Some(view), _) => Shown::Standard(view),
        (None, Some(view)) => Shown::Custom(view),
        (None, None) => Shown::Missing,
    };
    let bounds = match &shown {
        // The cached scene knows its bounds; flattening the outline again each frame would not.
        Shown::Standard(view) => state
            .cache
            .scene(
                map,
                &state.memory,
                state.memory.projection.map_or(1.0, |p| p.scale),
            )
            .map_or_else(|| MapScene::outline_bounds(view), |scene| scene.bounds),
        Shown::Custom(view) => {
            let (w, h) = view.size.unwrap_or((1000, 1000));
            Bounds {
                min: MapPoint::new(0.0, 0.0),
                max: MapPoint::new(w as f32, h as f32),
            }
        }
        Shown::Missing => marks_bounds(session, &state.memory.view),
    };
    let keyboard_free = ui.memory(|m| m.focused().is_none());
    let delete = (keyboard_free && response.hovered())
        .then(|| keyboard(ui, state, session, &map.map))
        .flatten();
    // A change asked of a canvas that cannot change (a signed session, or one open
    // elsewhere) is not dropped silently: the screen says why (`read_only_attempt`).
    let delete = if editable {
        delete
    } else {
        state.read_only_attempt |= delete.is_some();
        None
    };
    // A drag that starts on a mark with the select tool moves it: decide before navigating,
    // so the same drag does not also pan the drawing.
    if !editable
        && response.drag_started_by(PointerButton::Primary)
        && let (Some(previous), Some(press)) = (
            state.memory.projection,
            ui.input(|i| i.pointer.press_origin()),
        )
        && marks::mark_at(&painter, session, &state.memory.view, &previous, press).is_some()
    {
        // Dragging a mark of a session that cannot change: say why (the drawing pans).
        state.read_only_attempt = true;
    }
    if editable
        && state.tools.tool == Tool::Select
        && response.drag_started_by(PointerButton::Primary)
        && let (Some(previous), Some(press)) = (
            state.memory.projection,
            ui.input(|i| i.pointer.press_origin()),
        )
        && marks::mark_at(&painter, session, &state.memory.view, &previous, press).is_some()
    {
        state.tools.gesture = Some(ToolGesture::Move);
    }
    let projection = navigate(ui, &response, state, bounds, editable);

    let name = match &shown {
        Shown::Standard(view) => {
            paint_standard(
                ui,
                &painter,
                map,
                view,
                state,
                &projection,
                &colors,
                &response,
            );
            view.name.clone()
        }
        Shown::Custom(view) => {
            paint_custom(
                &painter,
                custom_texture.unwrap_or_else(|| Err("no picture".to_owned())),
                view,
                state,
                &projection,
                &palette,
                &colors,
                &response,
            );
            view.file.name.clone()
        }
        Shown::Missing => {
            state.hover = None;
            painter.text(
                rect.center_top() + vec2(0.0, 40.0),
                Align2::CENTER_TOP,
                format!(
                    "View \"{}\" is not in this library (its custom view was removed or renamed).\nThe marks on it are kept and saved unchanged.",
                    state.memory.view
                ),
                FontId::proportional(15.0),
                palette.warning,
            );
            format!("{} (missing)", state.memory.view)
        }
    };
    if let Some(overlay) = overlay
        && matches!(shown, Shown::Standard(_))
    {
        let key = overlay.key();
        let fresh = state
            .cache
            .overlay_texture
            .as_ref()
            .is_some_and(|(view, k, _)| *view == state.memory.view && *k == key);
        if !fresh {
            let texture = overlay.image(&state.memory.view).map(|image| {
                ui.ctx().load_texture(
                    "canvas_overlay",
                    marks::color_image(&image),
                    egui::TextureOptions::LINEAR,
                )
            });
            state.cache.overlay_texture = Some((state.memory.view.clone(), key, texture));
        }
        if let Some((_, _, Some(texture))) = &state.cache.overlay_texture {
            marks::paint_on_frame(&painter, texture, &projection);
        }
    }
    // Overlays over the map and under the session's zones and marks.
    let overlay_scene = (!state.memory.overlays.is_empty() && matches!(shown, Shown::Standard(_)))
        .then(|| {
            state
                .cache
                .overlay_scene(&state.memory.view, state.memory.overlays)
        });
    if let Some(scene) = &overlay_scene {
        paint_overlays(&painter, scene, &projection, &colors);
    }
    if shows_marks && matches!(shown, Shown::Standard(_)) {
        marks::paint_zones(
            ui.ctx(),
            &painter,
            session,
            zones_revision,
            state,
            &projection,
        );
    }
    if state.memory.safety_zones && matches!(shown, Shown::Standard(_)) {
        let scene = state.cache.safety_scene(map, &state.memory.view);
        paint_safety(&painter, &scene, &projection, &colors);
    }
    let mark_colors = Palette::marks(ui.ctx());
    if shows_marks {
        marks::paint_marks(
            &painter,
            session,
            revision,
            state,
            &projection,
            &palette,
            &mark_colors,
        );
    }
    if let Some(overlay) = overlay {
        overlay.paint(&painter, &state.memory.view, &projection);
    }
    if let Shown::Standard(view) = &shown {
        if state.memory.labels
            && projection.scale >= LABELS_FROM_SCALE
            && let Some(scene) = state.cache.scene(map, &state.memory, projection.scale)
        {
            paint_labels(&painter, &scene, &projection, &colors);
        }
        paint_side_letters(
            &painter,
            rect,
            {
                let (left, right) = view.facing.edge_letters();
                if state.memory.mirrored {
                    (right, left)
                } else {
                    (left, right)
                }
            },
            state.memory.mirrored,
            view.facing == crate::bodymap::Facing::Anterior,
            &colors,
        );
    }
    let mut legend = if shows_marks {
        let mut legend = crate::scene::marks::quality_legend(session, &state.memory.view);
        legend.extend(crate::scene::marks::mark_legend(
            session,
            &state.memory.view,
            &mark_colors,
            false,
        ));
        legend
    } else {
        Vec::new()
    };
    if let Some(overlay) = overlay {
        legend.extend(overlay.legend(&state.memory.view));
    }
    if let Some(scene) = &overlay_scene {
        legend.extend(scene.legend.iter().map(|entry| {
            crate::scene::LegendEntry::new(
                entry.colour,
                entry.pattern,
                format!("{} (schematic; sources differ)", entry.label),
            )
        }));
    }
    if state.memory.safety_zones
        && matches!(shown, Shown::Standard(_))
        && state.cache.has_safety_areas()
    {
        legend.push(crate::scene::LegendEntry::new(
            crate::scene::marks::with_alpha(colors.safety_edge, 0.6),
            crate::scene::Pattern::Solid,
            "needling safety zone (point to name it)",
        ));
    }
    // On a canvas too narrow to spare a strip, the legend goes bottom left over the drawing.
    let gutter = legend_gutter(rect);
    marks::paint_legend(
        &painter,
        if gutter.width() > 0.0 {
            gutter
        } else {
            Rect::from_min_size(
                rect.min,
                vec2(rect.width().min(LEGEND_GUTTER), rect.height()),
            )
        },
        &legend,
        ui.visuals().text_color(),
        marks::rgba(mark_colors.note_background),
    );

    let mut edits = if editable && shows_marks {
        tools::use_tool(ui, &response, &painter, map, session, state, &projection)
    } else {
        Vec::new()
    };
    edits.extend(delete);
    // Accessible names for every mark, when assistive technology (or a test) is listening.
    if ui
        .ctx()
        .accesskit_node_builder(response.id, |_| ())
        .is_some()
    {
        let names = |id: &str| map.map.muscle(id).map(|m| m.name.clone());
        marks::mark_nodes(ui, &painter, session, state, &projection, &names);
    }

    let hover_text = state.hover.as_ref().map(|h| h.describe(map));
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Canvas,
            true,
            format!(
                "Body map, {name}{}{}",
                overlay_scene
                    .as_ref()
                    .filter(|scene| !scene.legend.is_empty())
                    .map(|scene| {
                        let names: Vec<&str> =
                            scene.legend.iter().map(|e| e.label.as_str()).collect();
                        format!(", showing {}", names.join(", "))
                    })
                    .unwrap_or_default(),
                hover_text
                    .as_ref()
                    .filter(|t| !t.is_empty())
                    .map(|t| format!(": {t}"))
                    .unwrap_or_default()
            ),
        )
    });
    edits
}

/// Tool shortcuts, Delete and Escape, while the pointer is over the canvas and no text field
/// has the keyboard.
fn keyboard(
    ui: &egui::Ui,
    state: &mut CanvasState,
    session: &Session,
    map: &crate::bodymap::BodyMap,
) -> Option<Edit> {
    const DIGITS: [egui::Key; 9] = [
        egui::Key::Num1,
        egui::Key::Num2,
        egui::Key::Num3,
        egui::Key::Num4,
        egui::Key::Num5,
        egui::Key::Num6,
        egui::Key::Num7,
        egui::Key::Num8,
        egui::Key::Num9,
    ];
    ui.input(|input| {
        for tool in Tool::ALL {
            if input.key_pressed(tool.key()) && input.modifiers.is_none() {
                state.tools.tool = tool;
                state.tools.gesture = None;
            }
        }
        // 1–9: the standard map's views, in its order (as the view tooltips say).
        for (key, view) in DIGITS.iter().zip(&map.views) {
            if input.key_pressed(*key) && input.modifiers.is_none() {
                state.memory.set_view(view.id.clone());
            }
        }
        // [ and ]: the brush a size smaller or larger.
        let radius = &mut state.tools.settings.brush_radius;
        if input.key_pressed(egui::Key::OpenBracket) {
            *radius = (*radius / 1.25).clamp(2.0, 60.0);
        }
        if input.key_pressed(egui::Key::CloseBracket) {
            *radius = (*radius * 1.25).clamp(2.0, 60.0);
        }
        if input.key_pressed(egui::Key::Escape) {
            state.tools.selection.clear();
            state.tools.gesture = None;
        }
        if input.key_pressed(egui::Key::Home) || input.key_pressed(egui::Key::Num0) {
            state.memory.fit();
        }
    });
    let delete =
        ui.input(|i| i.key_pressed(egui::Key::Delete) || i.key_pressed(egui::Key::Backspace));
    let marks: Vec<MarkRef> = state
        .tools
        .selection
        .iter()
        .copied()
        .filter(|m| session.view_of(*m).is_some())
        .collect();
    (delete && !marks.is_empty()).then_some(Edit::Remove(marks))
}

/// Fits, zooms at the cursor (wheel, pinch), pans (secondary or middle drag anywhere, primary
/// drag on empty space with the select tool, or with Space held), fits on double-click;
/// returns this frame's projection.
fn navigate(
    ui: &egui::Ui,
    response: &egui::Response,
    state: &mut CanvasState,
    bounds: Bounds,
    editable: bool,
) -> Projection {
    let rect = response.rect;
    // Fitted beside the legend's strip, so the legend never covers the body.
    let gutter = legend_gutter(rect).width();
    let fitted = Projection::fit(
        bounds,
        (rect.min.x + gutter, rect.min.y),
        rect.width() - gutter,
        rect.height(),
        24.0,
    );
    state.memory.fit_scale = fitted.scale;
    let mut projection = match state.memory.projection {
        // A resized canvas keeps the user's zoom and centre; a fitted view stays fitted.
        Some(previous) if state.memory.last_rect.is_positive() && !state.memory.fitted => {
            Projection {
                screen_centre: if rect.size() == state.memory.last_rect.size() {
                    previous.screen_centre
                } else {
                    (rect.center().x, rect.center().y)
                },
                ..previous
            }
        }
        _ => fitted,
    };
    state.memory.last_rect = rect;
    projection.mirrored = state.memory.mirrored;
    if let Some(pointer) = response.hover_pos() {
        let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
        let factor = pinch * (scroll / 400.0).exp();
        if (factor - 1.0).abs() > 1e-4 {
            let zoom = (projection.scale * factor / fitted.scale).clamp(MIN_ZOOM, MAX_ZOOM);
            projection.zoom_at(
                (pointer.x, pointer.y),
                zoom * fitted.scale / projection.scale,
            );
        }
    }
    let space = ui.input(|i| i.key_down(egui::Key::Space));
    let primary_pans =
        !editable || space || (state.tools.tool == Tool::Select && state.tools.gesture.is_none());
    let pans = response.dragged_by(PointerButton::Secondary)
        || response.dragged_by(PointerButton::Middle)
        || (primary_pans && response.dragged_by(PointerButton::Primary));
    if pans {
        let delta = response.drag_delta();
        projection.pan((delta.x, delta.y));
    }
    if projection.scale != fitted.scale || projection.centre != fitted.centre {
        state.memory.fitted = false;
    }
    if response.double_clicked() && (!editable || state.tools.tool == Tool::Select) {
        projection = Projection {
            mirrored: state.memory.mirrored,
            ..fitted
        };
    }
    let fitted_now = Projection {
        mirrored: state.memory.mirrored,
        ..fitted
    };
    if projection == fitted_now {
        state.memory.fitted = true;
    }
    state.memory.projection = Some(projection);
    projection
}

#[expect(
    clippy::too_many_arguments,
    reason = "one call site; the pieces are all distinct"
)]
fn paint_standard(
    ui: &egui::Ui,
    painter: &egui::Painter,
    map: &StandardMap,
    view: &crate::bodymap::View,
    state: &mut CanvasState,
    projection: &Projection,
    colors: &MapColors,
    response: &egui::Response,
) {
    let Some(scene) = state.cache.scene(map, &state.memory, projection.scale) else {
        return;
    };
    paint_scene(painter, &scene, projection, colors);

    // What is under the pointer, on the layers shown; nothing off the body map (the status
    // bar never shows a point the map does not have).
    let bounds = scene.bounds;
    let at = response
        .hover_pos()
        .map(|pos| projection.to_map((pos.x, pos.y)))
        .filter(|at| bounds.contains(*at, HOVER_MARGIN_MM));
    state.hover = at.map(|at| {
        let index = map.index.get(&view.id);
        let muscles = index
            .map(|index| index.muscles_at(at))
            .unwrap_or_default()
            .into_iter()
            .filter(|hit| state.memory.layers.shows(hit.layer))
            .collect();
        let region = index
            .and_then(|index| index.region_at("locations", at))
            .and_then(|id| map.map.region_name("locations", id))
            .map(str::to_owned);
        let safety = index
            .map(|index| index.safety_at(at))
            .unwrap_or_default()
            .into_iter()
            .filter_map(|hit| map.map.safety_zones.get(hit.zone))
            .map(|zone| zone.name.clone())
            .collect();
        Hover {
            at,
            muscles,
            region,
            safety,
        }
    });
    // Highlight the muscle under the pointer unless a drawing gesture is under way.
    if state.tools.gesture.is_none()
        && !ui.input(|i| i.pointer.any_down())
        && let Some(top) = state.hover.as_ref().and_then(|h| h.muscles.first())
    {
        highlight(painter, &scene, top, projection, colors);
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "one call site; the pieces are all distinct"
)]
fn paint_custom(
    painter: &egui::Painter,
    texture: Result<egui::TextureHandle, String>,
    view: &CustomView,
    state: &mut CanvasState,
    projection: &Projection,
    palette: &Palette,
    colors: &MapColors,
    response: &egui::Response,
) {
    match texture {
        Ok(texture) => {
            let (w, h) = view.size.unwrap_or((1000, 1000));
            marks::paint_image(
                painter,
                &texture,
                projection,
                MapPoint::new(0.0, 0.0),
                MapPoint::new(w as f32, h as f32),
            );
        }
        Err(problem) => {
            painter.text(
                response.rect.center_top() + vec2(0.0, 40.0),
                Align2::CENTER_TOP,
                format!("The diagram of \"{}\" cannot be shown: {problem}.\nThe marks on it are kept and saved unchanged.", view.file.name),
                FontId::proportional(15.0),
                palette.warning,
            );
        }
    }
    let edge = Stroke::new(1.2, color(colors.superficial_edge));
    for region in &view.file.regions {
        let points: Vec<Pos2> = region
            .shape
            .flatten(tolerance_for_scale(projection.scale))
            .into_iter()
            .map(|p| screen(projection, p))
            .collect();
        painter.add(Shape::closed_line(points, edge));
    }
    let (w, h) = view.size.unwrap_or((1000, 1000));
    let bounds = Bounds {
        min: MapPoint::new(0.0, 0.0),
        max: MapPoint::new(w as f32, h as f32),
    };
    let at = response
        .hover_pos()
        .map(|pos| projection.to_map((pos.x, pos.y)))
        .filter(|at| bounds.contains(*at, HOVER_MARGIN_MM));
    state.hover = at.map(|at| Hover {
        at,
        muscles: Vec::new(),
        region: view.region_at(at).map(|r| r.name.clone()),
        safety: Vec::new(),
    });
    if let Some(region) = state.hover.as_ref().and_then(|h| view.region_at(h.at)) {
        let points: Vec<Pos2> = region
            .shape
            .flatten(tolerance_for_scale(projection.scale))
            .into_iter()
            .map(|p| screen(projection, p))
            .collect();
        painter.add(Shape::closed_line(
            points,
            Stroke::new(2.0, color(colors.highlight_edge)),
        ));
    }
}

/// The area a missing view's marks cover, so they can still be seen.
fn marks_bounds(session: &Session, view: &ViewId) -> Bounds {
    let points: Vec<MapPoint> = session
        .trigger_points
        .iter()
        .filter(|m| &m.view == view)
        .map(|m| m.at)
        .chain(
            session
                .needle_sites
                .iter()
                .filter(|m| &m.view == view)
                .map(|m| m.at),
        )
        .chain(
            session
                .text_notes
                .iter()
                .filter(|m| &m.view == view)
                .map(|m| m.at),
        )
        .chain(
            session
                .arrows
                .iter()
                .filter(|m| &m.view == view)
                .flat_map(|m| [m.from, m.to]),
        )
        .collect();
    match Bounds::of(&points) {
        Some(b) => Bounds {
            min: MapPoint::new(b.min.x - 100.0, b.min.y - 100.0),
            max: MapPoint::new(b.max.x + 100.0, b.max.y + 100.0),
        },
        None => Bounds {
            min: MapPoint::new(0.0, 0.0),
            max: MapPoint::new(1000.0, 1000.0),
        },
    }
}

fn color([r, g, b, a]: Rgba) -> Color32 {
    Color32::from_rgba_unmultiplied(r, g, b, a)
}

fn paint_scene(
    painter: &egui::Painter,
    scene: &MapScene,
    projection: &Projection,
    colors: &MapColors,
) {
    let mut mesh = Mesh::default();
    for item in &scene.items {
        match item {
            Item::Fill(fill) => {
                let fill_color = color(colors.of(fill.role));
                let base = mesh.vertices.len() as u32;
                mesh.vertices.extend(fill.polygon.iter().map(|p| Vertex {
                    pos: screen(projection, *p),
                    uv: egui::epaint::WHITE_UV,
                    color: fill_color,
                }));
                mesh.indices.extend(fill.triangles.iter().map(|i| base + i));
            }
            Item::Line(line) => {
                if !mesh.is_empty() {
                    painter.add(Shape::mesh(std::mem::take(&mut mesh)));
                }
                let width = MapColors::line_width(line.role, projection.scale);
                if width <= 0.0 {
                    continue;
                }
                let stroke = Stroke::new(width, color(colors.of(line.role)));
                let mut points: Vec<Pos2> =
                    line.points.iter().map(|p| screen(projection, *p)).collect();
                if line.dashed {
                    if line.closed
                        && let Some(first) = points.first().copied()
                    {
                        points.push(first);
                    }
                    painter.extend(Shape::dashed_line(
                        &points,
                        stroke,
                        width * 4.0,
                        width * 3.0,
                    ));
                } else if line.closed {
                    painter.add(Shape::closed_line(points, stroke));
                } else {
                    painter.add(Shape::line(points, stroke));
                }
            }
        }
    }
    if !mesh.is_empty() {
        painter.add(Shape::mesh(mesh));
    }
}

fn highlight(
    painter: &egui::Painter,
    scene: &MapScene,
    hit: &MuscleHit,
    projection: &Projection,
    colors: &MapColors,
) {
    let Some(muscle) = scene
        .muscles
        .iter()
        .find(|m| m.muscle == hit.muscle && m.side == hit.side)
    else {
        return;
    };
    let Some(Item::Fill(fill)) = scene.items.get(muscle.fill) else {
        return;
    };
    let mut mesh = Mesh::default();
    let fill_color = color(colors.highlight_fill);
    mesh.vertices.extend(fill.polygon.iter().map(|p| Vertex {
        pos: screen(projection, *p),
        uv: egui::epaint::WHITE_UV,
        color: fill_color,
    }));
    mesh.indices.extend_from_slice(&fill.triangles);
    painter.add(Shape::mesh(mesh));
    let points = fill
        .polygon
        .iter()
        .map(|p| screen(projection, *p))
        .collect();
    painter.add(Shape::closed_line(
        points,
        Stroke::new(1.8, color(colors.highlight_edge)),
    ));
}

/// The safety zones: a warning tint with a dashed edge, and each zone's name.
fn paint_safety(
    painter: &egui::Painter,
    scene: &SafetyScene,
    projection: &Projection,
    colors: &MapColors,
) {
    let tint = color(colors.safety_fill);
    painter.add(filled_mesh(
        scene.areas.iter().map(|area| (&area.fill, tint)),
        projection,
    ));
    let width = MapColors::line_width(Role::SafetyEdge, projection.scale);
    let stroke = Stroke::new(width, color(colors.safety_edge));
    for area in &scene.areas {
        let mut points: Vec<Pos2> = area
            .fill
            .polygon
            .iter()
            .map(|p| screen(projection, *p))
            .collect();
        if let Some(first) = points.first().copied() {
            points.push(first);
        }
        painter.extend(Shape::dashed_line(
            &points,
            stroke,
            width * 5.0,
            width * 3.0,
        ));
    }
    // Names where they fit, each zone once per view.
    let size = (projection.scale * 7.0).clamp(9.0, 13.0);
    let font = FontId::proportional(size);
    let mut named: Vec<usize> = Vec::new();
    for area in &scene.areas {
        if named.contains(&area.zone) {
            continue;
        }
        let bounds = crate::bodymap::Bounds::of(&area.fill.polygon);
        let wide_enough = bounds.is_some_and(|b| (b.max.x - b.min.x) * projection.scale > 60.0);
        if !wide_enough {
            continue;
        }
        named.push(area.zone);
        let galley = painter.layout(
            area.name.clone(),
            font.clone(),
            color(colors.safety_edge),
            160.0,
        );
        let centre = screen(projection, area.label_at);
        let rect = Rect::from_center_size(centre, galley.size() + vec2(6.0, 2.0));
        painter.rect_filled(rect, 3.0, color(colors.label_halo));
        painter.galley(rect.min + vec2(3.0, 1.0), galley, color(colors.safety_edge));
    }
}

/// The overlays shown: each area's tint from its triangles and its outline, each landmark
/// as a dot, and the labels where they do not cover one another.
fn paint_overlays(
    painter: &egui::Painter,
    scene: &crate::scene::overlays::OverlayScene,
    projection: &Projection,
    colors: &MapColors,
) {
    painter.add(filled_mesh(
        scene
            .areas
            .iter()
            .map(|area| (&area.fill, color(colors.of(area.fill.role)))),
        projection,
    ));
    marks::paint_glyphs(painter, &scene.glyphs(projection, false));
    let font = FontId::proportional(11.0);
    let mut placed: Vec<Rect> = Vec::new();
    // Landmarks' names beside their dots, then the areas' names in their middles.
    let beside = scene.points.iter().map(|p| (p.label.as_str(), p.at, true));
    let inside = scene
        .areas
        .iter()
        .map(|a| (a.label.as_str(), a.label_at, false));
    for (label, at, is_point) in beside.chain(inside) {
        let galley = painter.layout_no_wrap(label.to_owned(), font.clone(), color(colors.label));
        let size = galley.size() + vec2(4.0, 0.0);
        let at = screen(projection, at);
        let rect = if is_point {
            Rect::from_min_size(at + vec2(6.0, -size.y / 2.0), size)
        } else {
            Rect::from_center_size(at, size)
        };
        if !painter.clip_rect().contains_rect(rect) || placed.iter().any(|r| r.intersects(rect)) {
            continue;
        }
        placed.push(rect);
        painter.rect_filled(rect, 2.0, color(colors.label_halo));
        painter.galley(rect.min + vec2(2.0, 0.0), galley, color(colors.label));
    }
}

/// Muscle names inside their regions where there is room, none overlapping another.
fn paint_labels(
    painter: &egui::Painter,
    scene: &MapScene,
    projection: &Projection,
    colors: &MapColors,
) {
    let size = (projection.scale * 8.0).clamp(10.0, 15.0);
    let font = FontId::proportional(size);
    let mut placed: Vec<Rect> = Vec::new();
    let clip = painter.clip_rect();
    for muscle in &scene.muscles {
        let width_px = (muscle.bounds.max.x - muscle.bounds.min.x) * projection.scale;
        let height_px = (muscle.bounds.max.y - muscle.bounds.min.y) * projection.scale;
        if height_px < size || width_px < size * 2.0 {
            continue;
        }
        let galley = painter.layout_no_wrap(muscle.name.clone(), font.clone(), color(colors.label));
        if galley.size().x > width_px * 1.6 {
            continue;
        }
        let centre = screen(projection, muscle.label_at);
        let rect = Rect::from_center_size(centre, galley.size() + vec2(6.0, 2.0));
        if !clip.contains_rect(rect) || placed.iter().any(|r| r.intersects(rect)) {
            continue;
        }
        placed.push(rect);
        painter.rect_filled(rect, 3.0, color(colors.label_halo));
        painter.galley(rect.min + vec2(3.0, 1.0), galley, color(colors.label));
    }
}

fn paint_side_letters(
    painter: &egui::Painter,
    rect: Rect,
    (left, right): (&str, &str),
    mirrored: bool,
    facing_front: bool,
    colors: &MapColors,
) {
    let font = FontId::proportional(28.0);
    let letter = color(colors.side_letter);
    painter.text(
        rect.left_top() + vec2(14.0, 8.0),
        Align2::LEFT_TOP,
        left,
        font.clone(),
        letter,
    );
    painter.text(
        rect.right_top() + vec2(-14.0, 8.0),
        Align2::RIGHT_TOP,
        right,
        font,
        letter,
    );
    if mirrored {
        let caption = if left == "L" && right == "R" && facing_front {
            "Mirrored: as the patient sees themselves in a mirror"
        } else {
            "Mirrored left to right"
        };
        painter.text(
            rect.center_top() + vec2(0.0, 12.0),
            Align2::CENTER_TOP,
            caption,
            FontId::proportional(13.0),
            letter,
        );
    }
}

/// Triangulated areas as one mesh, each area in its colour (the safety zones, the overlays).
fn filled_mesh<'a>(
    fills: impl Iterator<Item = (&'a crate::scene::Fill, Color32)>,
    projection: &Projection,
) -> Shape {
    let mut mesh = Mesh::default();
    for (fill, tint) in fills {
        let base = mesh.vertices.len() as u32;
        mesh.vertices.extend(fill.polygon.iter().map(|p| Vertex {
            pos: screen(projection, *p),
            uv: egui::epaint::WHITE_UV,
            color: tint,
        }));
        mesh.indices.extend(fill.triangles.iter().map(|i| base + i));
    }
    Shape::mesh(mesh)
}
