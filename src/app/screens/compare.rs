//! Comparing two visits of a patient: side by side with linked pan and zoom, the earlier
//! visit as a ghost under the later, or the difference map; and the metrics between them,
//! with changes under measurement error labelled as such. Read-only: nothing here edits a
//! session.

use std::collections::HashMap;
use std::path::PathBuf;

use egui::RichText;

use crate::app::canvas::custom_views::CustomViews;
use crate::app::canvas::overlays::{DifferenceOverlay, GhostOverlay};
use crate::app::canvas::toolbar;
use crate::app::canvas::{CanvasContent, CanvasState, body_canvas};
use crate::app::screens::measure_table::pair_list;
use crate::app::shell::theme::Palette;
use crate::bodymap::standard;
use crate::geometry::{MapPoint, ViewId};
use crate::metrics::{Change, Comparison, ViewDifference, compare, differences, standard_charts};
use crate::model::{PainScore, Session};
use crate::progress::{Trend, trends};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CompareMode {
    #[default]
    SideBySide,
    Overlay,
    Difference,
}

impl CompareMode {
    const ALL: [Self; 3] = [Self::SideBySide, Self::Overlay, Self::Difference];

    fn label(self) -> &'static str {
        match self {
            Self::SideBySide => "Side by side",
            Self::Overlay => "Overlay",
            Self::Difference => "Difference map",
        }
    }

    fn tooltip(self) -> &'static str {
        match self {
            Self::SideBySide => "The two visits next to each other, panned and zoomed together",
            Self::Overlay => "The later visit, with the earlier one as a faint ghost under it",
            Self::Difference => {
                "New, resolved and persisting pain, and trigger points matched across the visits"
            }
        }
    }
}

/// What the comparison screen asks of the app.
pub enum CompareAction {
    Close,
    Open(PathBuf),
}

pub struct CompareState {
    pub patient_name: String,
    pub earlier: (PathBuf, Session),
    pub later: (PathBuf, Session),
    pub mode: CompareMode,
    pub left: CanvasState,
    pub right: CanvasState,
    pub comparison: Comparison,
    /// The outcome measures of the two visits, each change labelled.
    pub outcomes: Vec<Trend>,
    differences: HashMap<ViewId, ViewDifference>,
    /// Zoom and centre of both canvases last frame, to tell which one the user moved.
    linked: Option<((f32, MapPoint), (f32, MapPoint))>,
    /// Whether the metrics panel is shown: `None` follows the window's width.
    pub metrics_open: Option<bool>,
    /// Whether the metrics panel was shown last frame.
    pub metrics_shown: bool,
}

impl CompareState {
    /// Compares two visits, the earlier first (they are swapped if given the other way).
    pub fn new(patient_name: String, a: (PathBuf, Session), b: (PathBuf, Session)) -> Self {
        let (earlier, later) = if a.1.started_at <= b.1.started_at {
            (a, b)
        } else {
            (b, a)
        };
        let charts = standard_charts();
        let comparison = compare(&earlier.1, &later.1, charts);
        let outcomes = trends(&[&earlier.1, &later.1]);
        let differences = differences(&earlier.1, &later.1, charts)
            .into_iter()
            .map(|d| (d.view.clone(), d))
            .collect();
        let first_view = later
            .1
            .referred_zones
            .first()
            .map(|z| z.view.clone())
            .or_else(|| earlier.1.referred_zones.first().map(|z| z.view.clone()));
        let left = match first_view {
            Some(view) => CanvasState::new(view),
            None => CanvasState::for_session(&later.1),
        };
        let right = CanvasState::new(left.memory.view.clone());
        Self {
            patient_name,
            earlier,
            later,
            mode: CompareMode::SideBySide,
            left,
            right,
            comparison,
            outcomes,
            differences,
            linked: None,
            metrics_open: None,
            metrics_shown: false,
        }
    }

    /// Keeps the right canvas on the left one's view, layers and mirror, and pans and zooms
    /// whichever one the user did not move to match the one they did.
    fn link(&mut self) {
        if self.right.memory.view != self.left.memory.view {
            self.right.memory.set_view(self.left.memory.view.clone());
        }
        self.right.memory.layers = self.left.memory.layers;
        self.right.memory.mirrored = self.left.memory.mirrored;
        self.right.memory.labels = self.left.memory.labels;
        let (Some(left), Some(right)) = (
            self.left.memory.zoom_and_centre(),
            self.right.memory.zoom_and_centre(),
        ) else {
            return;
        };
        match self.linked {
            Some((last_left, _)) if left != last_left => {
                self.right.memory.set_zoom_and_centre(left.0, left.1);
            }
            Some((_, last_right)) if right != last_right => {
                self.left.memory.set_zoom_and_centre(right.0, right.1);
            }
            _ => {}
        }
        self.linked = self
            .left
            .memory
            .zoom_and_centre()
            .zip(self.right.memory.zoom_and_centre());
    }
}

/// Below this width (points) the metrics panel starts folded.
const METRICS_FROM_WIDTH: f32 = 1100.0;

pub fn compare_ui(
    ui: &mut egui::Ui,
    state: &mut CompareState,
    custom: &mut CustomViews,
) -> Option<CompareAction> {
    let palette = Palette::of(ui.ctx());
    let mut action = None;
    ui.horizontal(|ui| {
        ui.heading(format!(
            "Compare visits — {}: {} → {}",
            state.patient_name,
            state.earlier.1.date(),
            state.later.1.date()
        ));
        if ui.button("Close comparison").clicked() {
            action = Some(CompareAction::Close);
        }
    });
    ui.horizontal(|ui| {
        for mode in CompareMode::ALL {
            ui.selectable_value(&mut state.mode, mode, mode.label())
                .on_hover_text(mode.tooltip());
        }
        ui.separator();
        if ui
            .button(format!("Open {}", state.earlier.1.date()))
            .clicked()
        {
            action = Some(CompareAction::Open(state.earlier.0.clone()));
        }
        if ui
            .button(format!("Open {}", state.later.1.date()))
            .clicked()
        {
            action = Some(CompareAction::Open(state.later.0.clone()));
        }
    });
    // The metrics fold away on a small window, so the two maps keep their width.
    let mut metrics_open = state
        .metrics_open
        .unwrap_or(ui.available_width() >= METRICS_FROM_WIDTH);
    state.metrics_shown = metrics_open;
    if metrics_open {
        egui::Panel::right("compare_metrics")
            .resizable(true)
            .default_size(if ui.available_width() < 1400.0 {
                300.0
            } else {
                360.0
            })
            .min_size(240.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| metrics_ui(ui, state, &palette));
            });
    }
    let was_open = metrics_open;
    toolbar::map_toolbar(
        ui,
        &standard().map,
        custom,
        &state.later.1,
        &mut state.left,
        Some(&mut metrics_open),
    );
    if metrics_open != was_open {
        state.metrics_open = Some(metrics_open);
    }
    ui.add_space(4.0);
    let key = |s: &Session| {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        s.id.hash(&mut hasher);
        hasher.finish()
    };
    match state.mode {
        CompareMode::SideBySide => {
            let (earlier, later) = (&state.earlier.1, &state.later.1);
            let (left, right) = (&mut state.left, &mut state.right);
            ui.columns(2, |columns| {
                let [first, second] = columns else {
                    return;
                };
                for (ui, session, canvas) in [(first, earlier, left), (second, later, right)] {
                    ui.label(RichText::new(visit_caption(session)).strong());
                    let content = CanvasContent {
                        session,
                        revision: key(session),
                        zones_revision: key(session),
                        editable: false,
                        overlay: None,
                    };
                    body_canvas(ui, standard(), custom, &content, canvas);
                }
            });
            state.link();
        }
        CompareMode::Overlay => {
            ui.label(RichText::new(format!(
                "{} over the earlier visit ({}) in grey",
                visit_caption(&state.later.1),
                state.earlier.1.date()
            )));
            let ghost = GhostOverlay {
                earlier: &state.earlier.1,
                key: key(&state.earlier.1),
            };
            let content = CanvasContent {
                session: &state.later.1,
                revision: key(&state.later.1),
                zones_revision: key(&state.later.1),
                editable: false,
                overlay: Some(&ghost),
            };
            body_canvas(ui, standard(), custom, &content, &mut state.left);
        }
        CompareMode::Difference => {
            ui.label(RichText::new(format!(
                "From {} to {}",
                state.earlier.1.date(),
                state.later.1.date()
            )));
            let overlay = DifferenceOverlay {
                earlier: &state.earlier.1,
                later: &state.later.1,
                differences: &state.differences,
                matches: &state.comparison.trigger_points,
                key: key(&state.earlier.1) ^ key(&state.later.1),
            };
            let content = CanvasContent {
                session: &state.later.1,
                revision: key(&state.later.1),
                zones_revision: key(&state.later.1),
                editable: false,
                overlay: Some(&overlay),
            };
            body_canvas(ui, standard(), custom, &content, &mut state.left);
        }
    }
    action
}

fn visit_caption(session: &Session) -> String {
    let score = |s: Option<PainScore>| s.map_or_else(|| "–".to_owned(), |s| s.0.to_string());
    format!(
        "{} · pain {} → {} / 10",
        session.started_at.strftime("%Y-%m-%d"),
        score(session.pain_before),
        score(session.pain_after)
    )
}

fn change_text(change: Option<Change>, pp: Option<f32>) -> String {
    match (change, pp) {
        (Some(change), Some(pp)) => format!("{pp:+.1} pp, {}", change.label()),
        _ => "no pain drawn".to_owned(),
    }
}

fn metrics_ui(ui: &mut egui::Ui, state: &CompareState, palette: &Palette) {
    let c = &state.comparison;
    let (a, b) = (&c.earlier, &c.later);
    let map = &standard().map;
    ui.label(RichText::new("Metrics").strong());
    let pct = |v: Option<f32>| format!("{:.1} %", v.unwrap_or(0.0));
    let score = |s: Option<PainScore>| s.map_or_else(|| "–".to_owned(), |s| format!("{}/10", s.0));
    egui::Grid::new("compare_metrics_grid")
        .num_columns(3)
        .striped(true)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            ui.label("");
            ui.label(RichText::new(state.earlier.1.date().to_string()).strong());
            ui.label(RichText::new(state.later.1.date().to_string()).strong());
            ui.end_row();
            let mut row = |name: &str, x: String, y: String| {
                ui.label(name);
                ui.label(x);
                ui.label(y);
                ui.end_row();
            };
            // Both over the views drawn in either visit, so the two are comparable.
            row(
                "Pain extent",
                pct(c.extent_percent.map(|(a, _)| a)),
                pct(c.extent_percent.map(|(_, b)| b)),
            );
            row(
                "WPI areas",
                a.wpi_areas.len().to_string(),
                b.wpi_areas.len().to_string(),
            );
            row(
                "Active trigger points",
                a.active_trigger_points.to_string(),
                b.active_trigger_points.to_string(),
            );
            row(
                "Latent trigger points",
                a.latent_trigger_points.to_string(),
                b.latent_trigger_points.to_string(),
            );
            if a.unconfirmed_trigger_points + b.unconfirmed_trigger_points > 0 {
                row(
                    "Carried forward, not re-examined",
                    a.unconfirmed_trigger_points.to_string(),
                    b.unconfirmed_trigger_points.to_string(),
                );
            }
            row(
                "Needle sites",
                a.needle_sites.to_string(),
                b.needle_sites.to_string(),
            );
            row(
                "Twitch responses",
                a.twitch_responses.to_string(),
                b.twitch_responses.to_string(),
            );
            row("Pain before", score(a.pain_before), score(b.pain_before));
            row("Pain after", score(a.pain_after), score(b.pain_after));
        });
    ui.add_space(8.0);
    let change = change_text(c.total_extent_change, c.total_extent_change_pp);
    let colour = match c.total_extent_change {
        Some(Change::Less) => palette.success,
        Some(Change::More) => palette.warning,
        _ => palette.muted_text,
    };
    ui.label(RichText::new(format!("Extent change: {change}")).color(colour));
    let tp = &c.trigger_points;
    ui.label(format!("Trigger points: {}", tp.summary()));
    ui.add_space(8.0);
    ui.label(RichText::new("By view").strong());
    egui::Grid::new("compare_views_grid")
        .num_columns(2)
        .striped(true)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for v in &c.views {
                let name = map
                    .view(&v.view)
                    .map_or_else(|| v.view.to_string(), |w| w.name.clone());
                ui.label(name);
                let mut parts = vec![change_text(v.extent_change, v.extent_change_pp)];
                if let Some(j) = v.jaccard {
                    parts.push(format!("overlap {j:.2}"));
                }
                if let Some(shift) = v.centroid_shift_mm {
                    parts.push(format!("centre moved {shift:.0} mm"));
                }
                ui.label(parts.join(", "));
                ui.end_row();
            }
        });
    ui.add_space(8.0);
    outcomes_ui(ui, state, palette);
    ui.add_space(8.0);
    let names = |ids: &[String]| {
        if ids.is_empty() {
            return "none".to_owned();
        }
        ids.iter()
            .map(|id| map.region_name("wpi", id).unwrap_or(id).to_owned())
            .collect::<Vec<_>>()
            .join(", ")
    };
    ui.label(RichText::new("Widespread Pain Index areas").strong());
    ui.label(format!(
        "{}: {}",
        state.earlier.1.date(),
        names(&a.wpi_areas)
    ));
    ui.label(format!("{}: {}", state.later.1.date(), names(&b.wpi_areas)));
    ui.add_space(8.0);
    ui.label(
        RichText::new(
            "Changes in extent under 0.5 percentage points are within measurement error; repeat drawings of unchanged pain overlap only 40–60 %, so a low overlap alone is not change.",
        )
        .small()
        .color(palette.muted_text),
    );
}

/// The outcome measures of both visits, each change and how it reads against the
/// measure's MDC and MCID.
fn outcomes_ui(ui: &mut egui::Ui, state: &CompareState, palette: &Palette) {
    ui.label(RichText::new("Outcome measures").strong());
    pair_list(ui, &state.outcomes, palette);
}
