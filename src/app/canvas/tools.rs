//! What the charting tools do with the pointer on the canvas: place trigger points, needles
//! and notes, paint, erase and lasso zones, draw arrows, select and move marks. Produces
//! [`Edit`]s for the session (applied by the caller in one place) and changes only view state
//! (selection, the gesture in progress) itself.

use egui::{Color32, PointerButton, Pos2, Shape, Stroke};

use crate::app::canvas::marks::{mark_at, screen};
use crate::app::canvas::state::CanvasState;
use crate::app::canvas::tool::{Tool, ToolGesture};
use crate::bodymap::{Facing, StandardMap};
use crate::geometry::{MapPoint, ViewId};
use crate::model::{
    Arrow, Edit, ElectricalStimulation, Finding, MarkId, MarkKind, MarkRef, MuscleRef, NeedleSite,
    PaintOp, Palpation, ReferredZone, Session, Side, TextNote, TriggerPoint, TriggerPointStatus,
};
use crate::scene::Projection;

/// A trigger point within this distance (mm) of a new needle site is the one it treats.
const NEEDLE_TO_TRIGGER_POINT_MM: f32 = 15.0;
/// A muscle within this distance (mm) of a click outside every region is taken as meant.
const NEAREST_MUSCLE_MM: f32 = 10.0;

/// The muscle and side at a point: from the layers shown (the deep layer when it is shown
/// alone), else the nearest muscle; on a view without muscles, the side the view shows.
fn muscle_at(map: &StandardMap, state: &CanvasState, at: MapPoint) -> (Option<MuscleRef>, Side) {
    if let Some(index) = map.index.get(&state.memory.view) {
        let hit = index
            .muscles_at(at)
            .into_iter()
            .find(|h| state.memory.layers.shows(h.layer))
            .or_else(|| {
                index
                    .nearest_muscle(at, NEAREST_MUSCLE_MM, None)
                    .filter(|h| state.memory.layers.shows(h.layer))
            });
        if let Some(hit) = hit {
            return (Some(MuscleRef::new(hit.muscle)), hit.side);
        }
        if let Some(view) = map.map.view(&state.memory.view) {
            let side = match view.facing {
                Facing::Anterior | Facing::Posterior if at.x.abs() < 3.0 => Side::Midline,
                facing => facing.side_at(at.x).unwrap_or_default(),
            };
            return (None, side);
        }
    }
    (None, Side::Unspecified)
}

/// Handles the pointer for the active tool; returns the edits to apply.
pub(crate) fn use_tool(
    ui: &egui::Ui,
    response: &egui::Response,
    painter: &egui::Painter,
    map: &StandardMap,
    session: &Session,
    state: &mut CanvasState,
    projection: &Projection,
) -> Vec<Edit> {
    let mut edits = Vec::new();
    let Some(pos) = response.interact_pointer_pos().or(response.hover_pos()) else {
        return edits;
    };
    let at = projection.to_map((pos.x, pos.y));
    let shift = ui.input(|i| i.modifiers.shift);
    let view = state.memory.view.clone();
    let primary_down = response.is_pointer_button_down_on()
        && ui.input(|i| i.pointer.button_down(PointerButton::Primary));

    match state.tools.tool {
        Tool::Select => {
            if response.drag_started_by(PointerButton::Primary) {
                let press = ui.input(|i| i.pointer.press_origin()).unwrap_or(pos);
                match mark_at(painter, session, &view, projection, press) {
                    Some(mark) => {
                        if !state.tools.selection.contains(&mark) {
                            if !shift {
                                state.tools.selection.clear();
                            }
                            state.tools.selection.push(mark);
                        }
                        state.tools.gesture = Some(ToolGesture::Move);
                    }
                    None => state.tools.gesture = None,
                }
            }
            if state.tools.gesture == Some(ToolGesture::Move)
                && response.dragged_by(PointerButton::Primary)
            {
                let delta = response.drag_delta() / projection.scale;
                let dx = if projection.mirrored {
                    -delta.x
                } else {
                    delta.x
                };
                // Only what is on this view moves: a mark selected in the list on another
                // view stays where it is.
                let marks: Vec<MarkRef> = state
                    .tools
                    .selection
                    .iter()
                    .copied()
                    .filter(|m| session.view_of(*m) == Some(&view))
                    .collect();
                if delta.length_sq() > 0.0 && !marks.is_empty() {
                    edits.push(Edit::Move {
                        marks,
                        delta: (dx, delta.y),
                    });
                }
            }
            if response.drag_stopped() {
                state.tools.gesture = None;
            }
            if response.clicked_by(PointerButton::Primary) {
                match mark_at(painter, session, &view, projection, pos) {
                    Some(mark) if shift => {
                        if let Some(i) = state.tools.selection.iter().position(|m| *m == mark) {
                            state.tools.selection.remove(i);
                        } else {
                            state.tools.selection.push(mark);
                        }
                    }
                    Some(mark) => state.tools.selection = vec![mark],
                    None if !shift => state.tools.selection.clear(),
                    None => {}
                }
            }
        }
        Tool::TriggerPoint => {
            if response.clicked_by(PointerButton::Primary) {
                let (muscle, side) = muscle_at(map, state, at);
                let id = session.next_mark_id();
                edits.push(Edit::AddTriggerPoint(TriggerPoint {
                    id,
                    view,
                    at,
                    muscle,
                    side,
                    status: TriggerPointStatus::Active,
                    taut_band: Finding::NotTested,
                    spot_tenderness: Finding::NotTested,
                    local_twitch_response: Finding::NotTested,
                    recognised_referral: Finding::NotTested,
                    pressure_pain_threshold: None,
                    notes: String::new(),
                    carried_forward: false,
                }));
                state.tools.selection = vec![MarkRef::new(MarkKind::TriggerPoint, id)];
            }
        }
        Tool::Needle => {
            if response.clicked_by(PointerButton::Primary) {
                let (muscle, side) = muscle_at(map, state, at);
                let id = session.next_mark_id();
                let trigger_point = session
                    .trigger_points
                    .iter()
                    .filter(|t| t.view == view)
                    .map(|t| (t.id, t.at.distance(at)))
                    .filter(|(_, d)| *d <= NEEDLE_TO_TRIGGER_POINT_MM)
                    .min_by(|a, b| a.1.total_cmp(&b.1))
                    .map(|(id, _)| id);
                edits.push(Edit::AddNeedle(NeedleSite {
                    id,
                    view,
                    at,
                    muscle,
                    side,
                    needle: state.tools.settings.needle,
                    depth_mm: None,
                    direction: String::new(),
                    palpation: Palpation::Flat,
                    technique: state.tools.settings.technique,
                    twitch_count: None,
                    retention_min: None,
                    electrical_stimulation: None::<ElectricalStimulation>,
                    immediate_response: String::new(),
                    patient_position: None,
                    trigger_point,
                    notes: String::new(),
                    warnings: Vec::new(),
                }));
                state.tools.selection = vec![MarkRef::new(MarkKind::NeedleSite, id)];
            }
        }
        Tool::Note => {
            if response.clicked_by(PointerButton::Primary) {
                let id = session.next_mark_id();
                edits.push(Edit::AddNote(TextNote {
                    id,
                    view,
                    at,
                    text: "Note".to_owned(),
                }));
                state.tools.selection = vec![MarkRef::new(MarkKind::TextNote, id)];
            }
        }
        Tool::Arrow => {
            if response.drag_started_by(PointerButton::Primary) {
                let press = ui.input(|i| i.pointer.press_origin()).unwrap_or(pos);
                state.tools.gesture =
                    Some(ToolGesture::Arrow(projection.to_map((press.x, press.y))));
            }
            if let Some(ToolGesture::Arrow(from)) = state.tools.gesture {
                painter.arrow(
                    screen(projection, from),
                    pos - screen(projection, from),
                    Stroke::new(2.0, Color32::from_rgb(0xb8, 0x4a, 0x8a)),
                );
                if response.drag_stopped() || !primary_down {
                    state.tools.gesture = None;
                    if from.distance(at) >= 5.0 {
                        let id = session.next_mark_id();
                        edits.push(Edit::AddArrow(Arrow {
                            id,
                            view,
                            from,
                            to: at,
                            label: String::new(),
                        }));
                        state.tools.selection = vec![MarkRef::new(MarkKind::Arrow, id)];
                    }
                }
            }
        }
        Tool::Brush | Tool::Eraser | Tool::Lasso if map.map.view(&view).is_none() => {
            // Zones are measured on the reference body's grid; a custom diagram has its own
            // pixels, so painting there would give areas that mean nothing.
            if let Some(pos) = response.hover_pos() {
                painter.text(
                    pos + egui::vec2(12.0, 12.0),
                    egui::Align2::LEFT_TOP,
                    "Referred pain is painted on the body-map views; use arrows and notes here",
                    egui::FontId::proportional(13.0),
                    Color32::from_rgb(0xa3, 0x5c, 0x00),
                );
            }
        }
        Tool::Brush | Tool::Eraser | Tool::Lasso => {
            if response.drag_started_by(PointerButton::Primary)
                || (response.clicked_by(PointerButton::Primary) && state.tools.gesture.is_none())
            {
                let press = ui.input(|i| i.pointer.press_origin()).unwrap_or(pos);
                state.tools.gesture = Some(ToolGesture::Stroke(vec![
                    projection.to_map((press.x, press.y)),
                ]));
            }
            let spacing = (state.tools.settings.brush_radius / 4.0).max(0.5);
            if let Some(ToolGesture::Stroke(points)) = &mut state.tools.gesture {
                if points
                    .last()
                    .is_none_or(|last| last.distance(at) >= spacing)
                {
                    points.push(at);
                }
                preview_stroke(
                    painter,
                    state.tools.tool,
                    points,
                    state.tools.settings.brush_radius,
                    projection,
                );
            }
            let finished = response.drag_stopped()
                || response.clicked_by(PointerButton::Primary)
                || !primary_down;
            if finished && let Some(ToolGesture::Stroke(points)) = state.tools.gesture.take() {
                edits.extend(finish_stroke(session, state, view, points));
            }
        }
    }
    edits
}

/// The edit a finished stroke makes: paint into the selected zone of this view, or a new
/// zone with the brush settings; erase from every zone the stroke passes over.
fn finish_stroke(
    session: &Session,
    state: &mut CanvasState,
    view: ViewId,
    points: Vec<MapPoint>,
) -> Vec<Edit> {
    let radius = state.tools.settings.brush_radius;
    let op = match state.tools.tool {
        Tool::Brush => PaintOp::Brush { radius, points },
        Tool::Eraser => {
            return vec![Edit::Erase {
                view,
                op: PaintOp::Erase { radius, points },
            }];
        }
        Tool::Lasso if points.len() >= 3 => PaintOp::Fill { points },
        _ => return Vec::new(),
    };
    let selected_zone: Vec<MarkId> = state
        .tools
        .selection
        .iter()
        .filter(|m| m.kind == MarkKind::ReferredZone)
        .filter(|m| session.view_of(**m) == Some(&view))
        .map(|m| m.id)
        .collect();
    if let [zone] = selected_zone[..] {
        return vec![Edit::Paint { zone, op }];
    }
    let id = session.next_mark_id();
    // A new zone is linked to the selected trigger point when it is on this view, where the
    // clinician sees both; a selection left on another view links nothing (link across views
    // in the inspector, where the link is shown).
    let source = match state.tools.selection[..] {
        [
            mark @ MarkRef {
                kind: MarkKind::TriggerPoint,
                id,
            },
        ] if session.view_of(mark) == Some(&view) => Some(id),
        _ => None,
    };
    state.tools.selection = vec![MarkRef::new(MarkKind::ReferredZone, id)];
    vec![Edit::AddZone(ReferredZone {
        id,
        view,
        intensity: state.tools.settings.intensity,
        quality: state.tools.settings.quality,
        depth: state.tools.settings.depth,
        source,
        paint: vec![op],
        notes: String::new(),
        carried_forward: false,
    })]
}

fn preview_stroke(
    painter: &egui::Painter,
    tool: Tool,
    points: &[MapPoint],
    radius: f32,
    projection: &Projection,
) {
    let screen_points: Vec<Pos2> = points.iter().map(|p| screen(projection, *p)).collect();
    let width = 2.0 * radius * projection.scale;
    match tool {
        Tool::Brush => {
            painter.add(Shape::line(
                screen_points,
                Stroke::new(
                    width,
                    Color32::from_rgba_unmultiplied(0xc2, 0x3b, 0x8a, 0x70),
                ),
            ));
        }
        Tool::Eraser => {
            painter.add(Shape::line(
                screen_points,
                Stroke::new(
                    width,
                    Color32::from_rgba_unmultiplied(0xff, 0xff, 0xff, 0x90),
                ),
            ));
        }
        Tool::Lasso => {
            let mut closed = screen_points;
            if let Some(first) = closed.first().copied() {
                closed.push(first);
            }
            painter.extend(Shape::dashed_line(
                &closed,
                Stroke::new(1.5, Color32::from_rgb(0xc2, 0x3b, 0x8a)),
                6.0,
                4.0,
            ));
        }
        _ => {}
    }
}
