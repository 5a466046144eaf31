//! A patient's progress over all visits: trends of pain scores, pain extent and active
//! trigger points (egui_plot; click a visit to open it), and the frequency map — every
//! visit's pain drawing composited, each area coloured by how many visits had pain there.

use std::collections::HashMap;
use std::path::PathBuf;

use egui::{Color32, RichText};
use egui_plot::{Legend, Line, MarkerShape, Plot, PlotPoints, Points};

use crate::app::canvas::custom_views::CustomViews;
use crate::app::canvas::overlays::FrequencyOverlay;
use crate::app::canvas::toolbar;
use crate::app::canvas::{CanvasContent, CanvasState, body_canvas};
use crate::app::shell::theme::Palette;
use crate::bodymap::standard;
use crate::geometry::ViewId;
use crate::metrics::{SessionMetrics, frequency_counts, session_metrics, standard_charts};
use crate::model::Session;

pub enum ProgressAction {
    Close,
    Open(PathBuf),
}

pub struct ProgressState {
    pub patient_name: String,
    /// The visits, oldest first.
    pub visits: Vec<(PathBuf, Session)>,
    pub metrics: Vec<SessionMetrics>,
    counts: HashMap<ViewId, Vec<u16>>,
    canvas: CanvasState,
    empty: Session,
    key: u64,
}

impl ProgressState {
    pub fn new(patient_name: String, mut visits: Vec<(PathBuf, Session)>) -> Self {
        visits.sort_by_key(|(_, s)| s.started_at);
        let charts = standard_charts();
        let metrics = visits
            .iter()
            .map(|(_, s)| session_metrics(s, charts))
            .collect();
        let sessions: Vec<&Session> = visits.iter().map(|(_, s)| s).collect();
        let counts = frequency_counts(&sessions, charts);
        // Show the view with the most painted cells first.
        let view = counts
            .iter()
            .max_by_key(|(_, cells)| cells.iter().filter(|c| **c > 0).count())
            .map(|(view, _)| view.clone())
            .unwrap_or_else(|| ViewId::new(crate::geometry::views::ANTERIOR));
        let empty = visits
            .last()
            .map(|(_, s)| {
                let mut blank = Session::new(s.id, s.patient_id, s.started_at);
                blank.body_map = s.body_map.clone();
                blank
            })
            .unwrap_or_else(|| {
                Session::new(
                    crate::model::SessionId::random(),
                    crate::model::PatientId::random(),
                    jiff::civil::date(2000, 1, 1).at(0, 0, 0, 0),
                )
            });
        let key = visits.len() as u64;
        Self {
            patient_name,
            visits,
            metrics,
            counts,
            canvas: CanvasState::new(view),
            empty,
            key,
        }
    }
}

pub fn progress_ui(
    ui: &mut egui::Ui,
    state: &mut ProgressState,
    custom: &mut CustomViews,
) -> Option<ProgressAction> {
    let palette = Palette::of(ui.ctx());
    let mut action = None;
    ui.horizontal(|ui| {
        ui.heading(format!(
            "Progress — {}: {} visits",
            state.patient_name,
            state.visits.len()
        ));
        if ui.button("Close progress").clicked() {
            action = Some(ProgressAction::Close);
        }
    });
    egui::Panel::left("progress_trends")
        .resizable(true)
        .default_size(ui.available_width() * 0.55)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                if let Some(open) = trends_ui(ui, state, &palette) {
                    action = Some(ProgressAction::Open(open));
                }
            });
        });
    ui.label(RichText::new("Frequency map: every visit's pain drawing together").strong());
    toolbar::map_toolbar(ui, &standard().map, custom, &state.empty, &mut state.canvas);
    let overlay = FrequencyOverlay {
        counts: &state.counts,
        visits: state.visits.len(),
        key: state.key,
    };
    let content = CanvasContent {
        session: &state.empty,
        revision: state.key,
        zones_revision: state.key,
        editable: false,
        overlay: Some(&overlay),
    };
    body_canvas(ui, standard(), custom, &content, &mut state.canvas);
    action
}

/// One trend plot; returns the visit clicked, if any.
fn trend_plot(
    ui: &mut egui::Ui,
    id: &str,
    title: &str,
    dates: &[String],
    series: &[(&str, Color32, Vec<Option<f64>>)],
    y_max: Option<f64>,
) -> Option<usize> {
    ui.label(RichText::new(title).strong());
    let dates_for_axis = dates.to_vec();
    let mut plot = Plot::new(id)
        .height(150.0)
        .legend(Legend::default())
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .include_y(0.0)
        .include_x(0.5)
        .include_x(dates.len() as f64 + 0.5)
        .x_axis_formatter(move |mark, _range| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 1.0 {
                dates_for_axis
                    .get(i as usize - 1)
                    .cloned()
                    .unwrap_or_default()
            } else {
                String::new()
            }
        });
    if let Some(max) = y_max {
        plot = plot.include_y(max);
    }
    let response = plot.show(ui, |plot_ui| {
        for (name, colour, values) in series {
            let points: Vec<[f64; 2]> = values
                .iter()
                .enumerate()
                .filter_map(|(i, v)| v.map(|v| [i as f64 + 1.0, v]))
                .collect();
            plot_ui.line(
                Line::new(*name, PlotPoints::from(points.clone()))
                    .color(*colour)
                    .width(2.0),
            );
            plot_ui.points(
                Points::new(*name, PlotPoints::from(points))
                    .color(*colour)
                    .radius(4.0)
                    .shape(MarkerShape::Circle),
            );
        }
    });
    let clicked = response.response.clicked();
    let at = response.response.interact_pointer_pos();
    if clicked && let Some(pos) = at {
        let value = response.transform.value_from_position(pos);
        let i = value.x.round();
        if i >= 1.0 && (i as usize) <= dates.len() && (value.x - i).abs() < 0.4 {
            return Some(i as usize - 1);
        }
    }
    None
}

fn trends_ui(ui: &mut egui::Ui, state: &ProgressState, palette: &Palette) -> Option<PathBuf> {
    let dates: Vec<String> = state
        .visits
        .iter()
        .map(|(_, s)| s.started_at.strftime("%m-%d").to_string())
        .collect();
    let m = &state.metrics;
    let pain = |f: fn(&SessionMetrics) -> Option<crate::model::PainScore>| {
        m.iter()
            .map(|x| f(x).map(|p| f64::from(p.0)))
            .collect::<Vec<_>>()
    };
    ui.label(
        RichText::new("Click a visit on a plot to open it.")
            .small()
            .color(palette.muted_text),
    );
    let mut clicked = None;
    clicked = clicked.or(trend_plot(
        ui,
        "trend_pain",
        "Pain (NPRS 0–10)",
        &dates,
        &[
            (
                "before treatment",
                palette.trigger_active,
                pain(|x| x.pain_before),
            ),
            ("after treatment", palette.success, pain(|x| x.pain_after)),
        ],
        Some(10.0),
    ));
    clicked = clicked.or(trend_plot(
        ui,
        "trend_extent",
        "Pain extent (% of the body chart)",
        &dates,
        &[(
            "extent",
            palette.zone,
            m.iter()
                .map(|x| Some(f64::from(x.total_extent_percent.unwrap_or(0.0))))
                .collect(),
        )],
        None,
    ));
    clicked = clicked.or(trend_plot(
        ui,
        "trend_trigger_points",
        "Trigger points",
        &dates,
        &[
            (
                "active",
                palette.trigger_active,
                m.iter()
                    .map(|x| Some(x.active_trigger_points as f64))
                    .collect(),
            ),
            (
                "latent",
                palette.trigger_latent,
                m.iter()
                    .map(|x| Some(x.latent_trigger_points as f64))
                    .collect(),
            ),
        ],
        None,
    ));
    egui::Grid::new("progress_table")
        .striped(true)
        .num_columns(5)
        .show(ui, |ui| {
            for heading in ["Visit", "Pain", "Extent", "Active TrPs", "WPI areas"] {
                ui.label(RichText::new(heading).strong());
            }
            ui.end_row();
            for ((_, session), metrics) in state.visits.iter().zip(m) {
                ui.label(session.date().to_string());
                ui.label(format!(
                    "{} → {}",
                    metrics
                        .pain_before
                        .map_or("–".to_owned(), |p| p.0.to_string()),
                    metrics
                        .pain_after
                        .map_or("–".to_owned(), |p| p.0.to_string())
                ));
                ui.label(format!(
                    "{:.1} %",
                    metrics.total_extent_percent.unwrap_or(0.0)
                ));
                ui.label(metrics.active_trigger_points.to_string());
                ui.label(metrics.wpi_areas.len().to_string());
                ui.end_row();
            }
        });
    clicked.and_then(|i| state.visits.get(i).map(|(path, _)| path.clone()))
}
