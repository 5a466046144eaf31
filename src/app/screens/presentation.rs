//! Presentation mode: the screen turned to the patient. Full screen, large type, a calm
//! palette; no clinical notes, no patient list, no other patients. The clinician picks a
//! muscle (or the patient taps where it hurts, or the session's pain drawing is matched) and
//! its typical referral pattern fades in over the body: X at the trigger points, the
//! essential zone solid, the spillover zone stippled, with a one-sentence caption. Explainer
//! cards answer the usual questions. Leaving restores the charting screen exactly.

use egui::{Color32, FontId, Pos2, RichText, Shape, Stroke, TextStyle};

use crate::app::canvas::custom_views::CustomViews;
use crate::app::canvas::marks::{paint_glyphs, rgba};
use crate::app::canvas::overlays::CanvasOverlay;
use crate::app::canvas::{CanvasContent, CanvasState, body_canvas};
use crate::bodymap::overlays::OverlayKind;
use crate::bodymap::path::polygon_area;
use crate::bodymap::standard;
use crate::education::{
    Candidate, PatternMasks, explainers, rank_area, rank_session, referral_library,
};
use crate::geometry::{MapPoint, ViewId};
use crate::metrics::standard_charts;
use crate::model::{PaintOp, Session, Side};
use crate::scene::pattern::{PATTERN_COLOUR, PatternDrawing};
use crate::scene::{Glyph, LegendEntry, Projection};
use crate::words::capitalised;

/// How long a pattern takes to fade in, seconds.
const FADE_SECONDS: f64 = 0.6;
/// The radius of a tapped spot, mm.
const TAP_RADIUS_MM: f32 = 25.0;
/// Patterns entirely above this height (mm from the top of the head) are shown on the
/// head-and-neck views.
const HEAD_VIEW_BELOW_MM: f32 = 380.0;
/// How many muscles a lookup lists.
const CANDIDATES: usize = 6;

/// The calm palette's teal, for the muscle's name (the pattern's own colour).
const PATTERN: Color32 = Color32::from_rgb(PATTERN_COLOUR[0], PATTERN_COLOUR[1], PATTERN_COLOUR[2]);

/// What the presentation shows.
pub struct Presentation {
    canvas: CanvasState,
    /// The open session's pain drawing alone (zones, no notes or other marks).
    drawing: Option<Session>,
    /// An empty session, for the body without a drawing.
    blank: Session,
    pub show_drawing: bool,
    search: String,
    /// The pattern shown, and when it was chosen (for the fade).
    chosen: Option<(String, Side, f64)>,
    /// Muscles from the last lookup (drawing or tap), best first, and what they came from.
    candidates: Option<(String, Vec<Candidate>)>,
    /// The explainer card open.
    card: Option<String>,
    /// Whether the window was full screen before presenting.
    was_fullscreen: bool,
    /// The side patterns are shown on until one is chosen: where most of the drawing is.
    default_side: Side,
}

/// What the presentation asks of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PresentationAction {
    Exit,
}

impl Presentation {
    /// A presentation of `session`'s pain drawing (when one is open), starting on `view`.
    pub fn new(session: Option<&Session>, view: ViewId, was_fullscreen: bool) -> Self {
        let drawing = session.filter(|s| !s.referred_zones.is_empty()).map(|s| {
            let mut drawing = Session::new(s.id, s.patient_id, s.started_at);
            drawing.referred_zones = s
                .referred_zones
                .iter()
                .map(|z| {
                    let mut zone = z.clone();
                    zone.notes.clear();
                    zone.carried_forward = false;
                    zone
                })
                .collect();
            drawing
        });
        let blank = Session::new(
            crate::model::SessionId::from_u128(0),
            crate::model::PatientId::from_u128(0),
            jiff::civil::date(2000, 1, 1).at(0, 0, 0, 0),
        );
        let default_side = drawing.as_ref().map_or(Side::Right, drawing_side);
        let mut canvas = CanvasState::new(view);
        canvas.memory.labels = false;
        Self {
            default_side,
            canvas,
            show_drawing: drawing.is_some(),
            drawing,
            blank,
            search: String::new(),
            chosen: None,
            candidates: None,
            card: None,
            was_fullscreen,
        }
    }

    pub fn was_fullscreen(&self) -> bool {
        self.was_fullscreen
    }

    /// The muscle and side shown, if any.
    pub fn chosen(&self) -> Option<(&str, Side)> {
        self.chosen.as_ref().map(|(m, s, _)| (m.as_str(), *s))
    }

    /// Shows `muscle`'s pattern on `side`, on the view where most of it lies.
    pub fn choose(&mut self, muscle: &str, side: Side, now: f64) {
        let library = referral_library();
        if let Some(pattern) = library.pattern(muscle) {
            let best = [
                "posterior",
                "anterior",
                "right_lateral",
                "left_lateral",
                "feet_plantar",
            ]
            .into_iter()
            .map(ViewId::new)
            .max_by(|a, b| {
                // The view with most of the pattern: the essential zone counts twice, and a
                // view that also shows the trigger points is preferred.
                let area = |v: &ViewId| {
                    let shapes = library.shapes(pattern, v, side);
                    let sum = |zones: &[Vec<MapPoint>]| {
                        zones.iter().map(|p| polygon_area(p)).sum::<f32>()
                    };
                    let weight = 2.0 * sum(&shapes.essential) + sum(&shapes.spillover);
                    if shapes.trigger_points.is_empty() {
                        weight
                    } else {
                        weight * 1.5
                    }
                };
                area(a).total_cmp(&area(b))
            });
            if let Some(view) = best {
                // A pattern that stays on the head and neck is shown on the head-and-neck
                // view, where it is large enough to see.
                let shapes = library.shapes(pattern, &view, side);
                let lowest = shapes
                    .essential
                    .iter()
                    .chain(&shapes.spillover)
                    .flatten()
                    .chain(&shapes.trigger_points)
                    .map(|p| p.y)
                    .fold(f32::MIN, f32::max);
                let head = format!("head_{view}");
                let view = if lowest < HEAD_VIEW_BELOW_MM
                    && standard().map.view(&ViewId::new(&head)).is_some()
                {
                    ViewId::new(head)
                } else {
                    view
                };
                self.canvas.memory.set_view(view);
            }
        }
        self.chosen = Some((muscle.to_owned(), side, now));
        self.card = None;
    }

    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        custom: &mut CustomViews,
    ) -> Option<PresentationAction> {
        let mut action = None;
        let now = ui.input(|i| i.time);
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            action = Some(PresentationAction::Exit);
        }
        large_type(ui.style_mut());

        egui::Panel::top("presentation_top").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading("Where your pain may come from");
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui
                        .button("Exit presentation")
                        .on_hover_text("Back to charting (Esc or F11)")
                        .clicked()
                    {
                        action = Some(PresentationAction::Exit);
                    }
                    if self.drawing.is_some() {
                        ui.toggle_value(&mut self.show_drawing, "Show my pain drawing");
                    }
                });
            });
            ui.horizontal_wrapped(|ui| {
                const NAMED: [(&str, &str); 8] = [
                    ("anterior", "Front"),
                    ("posterior", "Back"),
                    ("left_lateral", "Left side"),
                    ("right_lateral", "Right side"),
                    ("head_anterior", "Head front"),
                    ("head_posterior", "Head back"),
                    ("head_left_lateral", "Head left"),
                    ("head_right_lateral", "Head right"),
                ];
                for (id, name) in NAMED {
                    let view = ViewId::new(id);
                    if ui
                        .selectable_label(self.canvas.memory.view == view, name)
                        .clicked()
                    {
                        self.canvas.memory.set_view(view);
                    }
                }
                // The hands, feet and soles in one list.
                let others: Vec<&crate::bodymap::View> = standard()
                    .map
                    .views
                    .iter()
                    .filter(|v| !NAMED.iter().any(|(id, _)| v.id.as_str() == *id))
                    .collect();
                let current = others.iter().find(|v| v.id == self.canvas.memory.view);
                egui::ComboBox::from_id_salt("presentation_more_views")
                    .selected_text(current.map_or("More views", |v| v.name.as_str()))
                    .show_ui(ui, |ui| {
                        for view in &others {
                            if ui
                                .selectable_label(self.canvas.memory.view == view.id, &view.name)
                                .clicked()
                            {
                                self.canvas.memory.set_view(view.id.clone());
                            }
                        }
                    })
                    .response
                    .widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "More views")
                    });
                ui.separator();
                ui.toggle_value(&mut self.canvas.memory.mirrored, "Mirror");
                ui.separator();
                // Overlays the clinician may show beside a pattern: where a nerve root or a
                // peripheral nerve supplies the skin, and the bones to find one's way by.
                let overlays = crate::bodymap::overlays::overlays();
                for kind in OverlayKind::ALL {
                    let Some(layer) = overlays.layer(kind) else {
                        continue;
                    };
                    let mut on = self.canvas.memory.overlays.shows(kind);
                    if ui
                        .toggle_value(&mut on, layer.name.as_str())
                        .on_hover_text(&layer.caveat)
                        .changed()
                    {
                        self.canvas.memory.overlays = self.canvas.memory.overlays.with(kind, on);
                    }
                }
            });
        });

        // The side panels give way on a small screen: the body keeps most of it.
        let width = ui.available_width();
        egui::Panel::left("presentation_muscles")
            .resizable(false)
            .exact_size((width * 0.24).clamp(220.0, 330.0))
            .show(ui, |ui| self.picker_ui(ui, now));

        egui::Panel::right("presentation_cards")
            .resizable(false)
            .exact_size(if self.card.is_some() {
                (width * 0.3).clamp(280.0, 420.0)
            } else {
                (width * 0.2).clamp(200.0, 250.0)
            })
            .show(ui, |ui| self.cards_ui(ui));

        let pattern = self.chosen.as_ref().and_then(|(muscle, side, since)| {
            let library = referral_library();
            let pattern = library.pattern(muscle)?;
            let fade = ((now - since) / FADE_SECONDS).clamp(0.0, 1.0) as f32;
            Some((pattern, *side, fade))
        });
        if pattern.is_some_and(|(_, _, fade)| fade < 1.0) {
            ui.ctx().request_repaint();
        }

        if let Some((pattern, side, _)) = pattern {
            egui::Panel::bottom("presentation_caption").show(ui, |ui| {
                ui.add_space(6.0);
                let name = muscle_name(&pattern.muscle);
                ui.label(
                    RichText::new(format!(
                        "{} {}",
                        capitalised(side.label()),
                        name.to_lowercase()
                    ))
                    .heading()
                    .color(PATTERN),
                );
                ui.label(RichText::new(&pattern.caption).size(22.0));
                ui.add_space(6.0);
            });
        }

        egui::CentralPanel::default().show(ui, |ui| {
            let overlay = pattern.map(|(pattern, side, fade)| {
                let view = &self.canvas.memory.view;
                let shapes = referral_library().shapes(pattern, view, side);
                PatternOverlay {
                    drawing: PatternDrawing::new(
                        &standard().map,
                        view,
                        &pattern.muscle,
                        side,
                        &shapes,
                    ),
                    fade,
                }
            });
            let (session, revision) = match (&self.drawing, self.show_drawing) {
                (Some(drawing), true) => (drawing, 1),
                _ => (&self.blank, 2),
            };
            let content = CanvasContent {
                session,
                revision,
                zones_revision: revision,
                editable: false,
                overlay: overlay.as_ref().map(|o| o as &dyn CanvasOverlay),
            };
            body_canvas(ui, standard(), custom, &content, &mut self.canvas);
            // A tap on the body: the muscles whose patterns commonly cover that spot.
            let tapped = ui.input(|i| i.pointer.primary_clicked()) && ui.ui_contains_pointer();
            if tapped && let Some(hover) = &self.canvas.hover {
                let found = rank_area(
                    &self.canvas.memory.view,
                    hover.at,
                    TAP_RADIUS_MM,
                    standard_charts(),
                    PatternMasks::standard(),
                );
                if !found.is_empty() {
                    self.candidates =
                        Some(("Muscles that commonly refer to this spot".to_owned(), found));
                }
            }
        });
        action
    }

    fn picker_ui(&mut self, ui: &mut egui::Ui, now: f64) {
        if let Some(drawing) = &self.drawing
            && ui
                .button("Match my pain drawing")
                .on_hover_text("The muscles whose typical patterns overlap the pain drawing most")
                .clicked()
        {
            let found = rank_session(drawing, standard_charts(), PatternMasks::standard());
            self.candidates = Some(("Patterns most like your pain drawing".to_owned(), found));
            self.show_drawing = true;
        }
        let mut pick = None;
        if let Some((title, candidates)) = &self.candidates {
            ui.label(RichText::new(title).strong());
            for candidate in candidates.iter().take(CANDIDATES) {
                let text = format!(
                    "{} {} — {:.0} %",
                    capitalised(candidate.side.label()),
                    muscle_name(&candidate.muscle).to_lowercase(),
                    candidate.score * 100.0
                );
                let selected = self
                    .chosen()
                    .is_some_and(|(m, s)| m == candidate.muscle && s == candidate.side);
                if ui.selectable_label(selected, text).clicked() {
                    pick = Some((candidate.muscle.clone(), candidate.side));
                }
            }
            ui.separator();
        }
        let label = ui.label("Find a muscle");
        ui.add(egui::TextEdit::singleline(&mut self.search).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        let side = self.chosen().map_or(self.default_side, |(_, s)| s);
        let mut side_choice = side;
        ui.horizontal(|ui| {
            ui.label("Side:");
            ui.selectable_value(&mut side_choice, Side::Left, "left");
            ui.selectable_value(&mut side_choice, Side::Right, "right");
        });
        if side_choice != side
            && let Some((muscle, _)) = self.chosen()
        {
            pick = Some((muscle.to_owned(), side_choice));
        }
        let needle = self.search.trim().to_lowercase();
        egui::ScrollArea::vertical().show(ui, |ui| {
            let library = referral_library();
            let mut region = "";
            for pattern in &library.patterns {
                let name = muscle_name(&pattern.muscle);
                let matches = needle.is_empty()
                    || name.to_lowercase().contains(&needle)
                    || pattern
                        .conditions
                        .iter()
                        .any(|c| c.to_lowercase().contains(&needle));
                if !matches {
                    continue;
                }
                if pattern.region != region {
                    region = &pattern.region;
                    ui.add_space(6.0);
                    ui.label(RichText::new(region).strong());
                }
                let selected = self.chosen().is_some_and(|(m, _)| m == pattern.muscle);
                if ui.selectable_label(selected, name).clicked() {
                    pick = Some((pattern.muscle.clone(), side_choice));
                }
            }
        });
        if let Some((muscle, side)) = pick {
            self.choose(&muscle, side, now);
        }
    }

    fn cards_ui(&mut self, ui: &mut egui::Ui) {
        match self
            .card
            .as_ref()
            .and_then(|id| explainers().cards.iter().find(|c| &c.id == id))
        {
            Some(card) => {
                if ui.button("◀ All questions").clicked() {
                    self.card = None;
                    return;
                }
                ui.add_space(6.0);
                ui.heading(&card.title);
                egui::ScrollArea::vertical().show(ui, |ui| {
                    for paragraph in card.body.split("\n\n") {
                        ui.label(paragraph);
                        ui.add_space(8.0);
                    }
                });
            }
            None => {
                ui.label(RichText::new("Questions").strong());
                for card in &explainers().cards {
                    if ui.button(&card.title).clicked() {
                        self.card = Some(card.id.clone());
                    }
                }
            }
        }
    }
}

/// The patient's side most of a pain drawing is on (by painted points; lateral views count
/// for the side they show), right when it is even.
fn drawing_side(drawing: &Session) -> Side {
    let map = &standard().map;
    let (mut left, mut right) = (0_usize, 0_usize);
    for zone in &drawing.referred_zones {
        let Some(view) = map.view(&zone.view) else {
            continue;
        };
        for op in zone
            .paint
            .iter()
            .filter(|op| !matches!(op, PaintOp::Erase { .. }))
        {
            for point in op.points() {
                match view.facing.side_at(point.x) {
                    Some(Side::Left) => left += 1,
                    Some(Side::Right) => right += 1,
                    _ => {}
                }
            }
        }
    }
    if left > right {
        Side::Left
    } else {
        Side::Right
    }
}

/// Type large enough to read from across a treatment room.
fn large_type(style: &mut egui::Style) {
    use egui::FontFamily::Proportional;
    for (text_style, size) in [
        (TextStyle::Body, 20.0),
        (TextStyle::Button, 20.0),
        (TextStyle::Heading, 30.0),
        (TextStyle::Small, 15.0),
    ] {
        style
            .text_styles
            .insert(text_style, FontId::new(size, Proportional));
    }
    style.spacing.button_padding = egui::vec2(10.0, 6.0);
    style.spacing.item_spacing = egui::vec2(10.0, 8.0);
}

fn muscle_name(id: &str) -> String {
    standard()
        .map
        .muscle(id)
        .map_or_else(|| id.replace('_', " "), |m| m.name.clone())
}

/// A referral pattern over the canvas, as `scene::pattern` draws it (the muscle outlined,
/// essential zone solid, spillover stippled, X at the trigger points), faded in together.
struct PatternOverlay {
    drawing: PatternDrawing,
    fade: f32,
}

impl CanvasOverlay for PatternOverlay {
    fn key(&self) -> u64 {
        0
    }

    fn replaces_marks(&self) -> bool {
        false
    }

    fn image(&self, _view: &ViewId) -> Option<crate::scene::GridImage> {
        None
    }

    fn paint(&self, painter: &egui::Painter, _view: &ViewId, projection: &Projection) {
        let mut triangulator = earcut::Earcut::new();
        for glyph in self.drawing.glyphs(projection, self.fade) {
            // Zones and muscles may be concave: filled from their triangles.
            let Glyph::Polygon {
                points,
                fill,
                stroke,
            } = &glyph
            else {
                paint_glyphs(painter, std::slice::from_ref(&glyph));
                continue;
            };
            let mut triangles: Vec<u32> = Vec::new();
            triangulator.earcut(points.iter().map(|p| [p.0, p.1]), &[], &mut triangles);
            let colour = rgba(*fill);
            let mut mesh = egui::Mesh::default();
            for point in points {
                mesh.colored_vertex(Pos2::new(point.0, point.1), colour);
            }
            mesh.indices = triangles;
            painter.add(Shape::mesh(mesh));
            if let Some(ink) = stroke {
                let points = points.iter().map(|p| Pos2::new(p.0, p.1)).collect();
                painter.add(Shape::closed_line(
                    points,
                    Stroke::new(ink.width, rgba(ink.colour)),
                ));
            }
        }
    }

    fn legend(&self, _view: &ViewId) -> Vec<LegendEntry> {
        self.drawing.legend()
    }
}
