//! A patient's progress over all visits, in three pages: the outcome measures (a summary
//! table, and one plot per measure with its band of measurement error, MCID, normal and goal,
//! each change labelled in words); the pain drawings (pain scores and extent, and the
//! frequency map: every visit's drawing composited, each area coloured by how many visits
//! had pain there); the trigger points (counts, each one followed across visits with its
//! pressure-pain threshold, on the map too). Click a visit on a plot to open it.

use std::collections::HashMap;
use std::path::PathBuf;

use egui::{Color32, RichText};
use egui_plot::{Line, MarkerShape, PlotPoints, Points};

use crate::app::canvas::custom_views::CustomViews;
use crate::app::canvas::overlays::{CanvasOverlay, FrequencyOverlay};
use crate::app::canvas::toolbar;
use crate::app::canvas::{CanvasContent, CanvasState, body_canvas};
use crate::app::screens::followed_points::Followed;
use crate::app::screens::measure_table::{change_sentence, delta_text, measures_table};
use crate::app::screens::plots::{MeasureSeries, PlotFrame, measure_key, measure_plot, visit_plot};
use crate::app::shell::theme::Palette;
use crate::bodymap::standard;
use crate::geometry::ViewId;
use crate::metrics::{SessionMetrics, frequency_counts, session_metrics, standard_charts};
use crate::model::Session;
use crate::progress::{Trend, format_number, trends};

pub enum ProgressAction {
    Close,
    Open(PathBuf),
    /// Export the progress report (PDF) for the period in `report_from..=report_to`.
    Report,
}

/// The pages of the progress screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ProgressTab {
    #[default]
    Measures,
    PainDrawings,
    TriggerPoints,
}

impl ProgressTab {
    const ALL: [Self; 3] = [Self::Measures, Self::PainDrawings, Self::TriggerPoints];

    fn label(self) -> &'static str {
        match self {
            Self::Measures => "Outcome measures",
            Self::PainDrawings => "Pain drawings",
            Self::TriggerPoints => "Trigger points",
        }
    }

    fn tooltip(self) -> &'static str {
        match self {
            Self::Measures => {
                "Each measure's course against its measurement error and MCID, and the goals"
            }
            Self::PainDrawings => "Pain scores, pain extent and the frequency map",
            Self::TriggerPoints => {
                "Active and latent counts, and each trigger point followed across visits with its PPT"
            }
        }
    }
}

pub struct ProgressState {
    pub patient_name: String,
    /// The visits, oldest first.
    pub visits: Vec<(PathBuf, Session)>,
    pub metrics: Vec<SessionMetrics>,
    /// Every outcome measure taken, followed over the visits.
    pub outcomes: Vec<Trend>,
    /// Every trigger point followed over the visits, and the one shown in detail.
    pub followed: Followed,
    pub tab: ProgressTab,
    /// The progress report's period as typed (`YYYY-MM-DD`): the first and last visit's
    /// dates until changed.
    pub report_from: String,
    pub report_to: String,
    /// The visits' dates on the plots' axes ("09-07") and in tables ("2026-09-07").
    axis_dates: Vec<String>,
    dates: Vec<String>,
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
        let outcomes = trends(&sessions);
        let followed = Followed::new(&sessions);
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
        let date = |format: &str| -> Vec<String> {
            sessions
                .iter()
                .map(|s| s.started_at.strftime(format).to_string())
                .collect()
        };
        let dates = date("%Y-%m-%d");
        Self {
            patient_name,
            report_from: dates.first().cloned().unwrap_or_default(),
            report_to: dates.last().cloned().unwrap_or_default(),
            axis_dates: date("%m-%d"),
            dates: date("%Y-%m-%d"),
            key: visits.len() as u64,
            visits,
            metrics,
            outcomes,
            followed,
            tab: ProgressTab::default(),
            counts,
            canvas: CanvasState::new(view),
            empty,
        }
    }

    /// The path of visit `index`, to open it.
    fn open(&self, index: usize) -> Option<ProgressAction> {
        let (path, _) = self.visits.get(index)?;
        Some(ProgressAction::Open(path.clone()))
    }
}

pub fn progress_ui(
    ui: &mut egui::Ui,
    state: &mut ProgressState,
    custom: &mut CustomViews,
) -> Option<ProgressAction> {
    let palette = Palette::of(ui.ctx());
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        ui.heading(format!(
            "Progress — {}: {}",
            state.patient_name,
            crate::words::count(state.visits.len(), "visit", "visits")
        ));
        if ui.button("Close progress").clicked() {
            action = Some(ProgressAction::Close);
        }
        ui.separator();
        let from = ui.label("Progress report from").id;
        ui.add(
            egui::TextEdit::singleline(&mut state.report_from)
                .desired_width(86.0)
                .hint_text("YYYY-MM-DD"),
        )
        .labelled_by(from)
        .on_hover_text("The first day of the period of care (YYYY-MM-DD)");
        let to = ui.label("to").id;
        ui.add(
            egui::TextEdit::singleline(&mut state.report_to)
                .desired_width(86.0)
                .hint_text("YYYY-MM-DD"),
        )
        .labelled_by(to)
        .on_hover_text("The last day of the period of care (YYYY-MM-DD)");
        if ui
            .button("Export PDF…")
            .on_hover_text(crate::app::shell::command::UiCommand::ExportProgressReport.tooltip())
            .clicked()
        {
            action = Some(ProgressAction::Report);
        }
    });
    let shown = state.tab;
    ui.horizontal(|ui| {
        for tab in ProgressTab::ALL {
            ui.selectable_value(&mut state.tab, tab, tab.label())
                .on_hover_text(tab.tooltip());
        }
    });
    if state.tab != shown && state.tab == ProgressTab::TriggerPoints {
        state.followed.show_on(&mut state.canvas);
    }
    ui.separator();
    let clicked = match state.tab {
        ProgressTab::Measures => measures_page(ui, state, &palette),
        ProgressTab::PainDrawings => pain_page(ui, state, custom, &palette),
        ProgressTab::TriggerPoints => trigger_points_page(ui, state, custom, &palette),
    };
    action.or_else(|| clicked.and_then(|visit| state.open(visit)))
}

// --- Outcome measures ----------------------------------------------------------------------

/// The summary table, then one plot per measure, as many side by side as fit.
fn measures_page(ui: &mut egui::Ui, state: &ProgressState, palette: &Palette) -> Option<usize> {
    let mut clicked = None;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.label(
                RichText::new("Baseline (first visit measured) against the latest visit").strong(),
            );
            measures_table(ui, "progress_measures", &state.outcomes, palette);
            if state.outcomes.is_empty() {
                return;
            }
            ui.add_space(8.0);
            measure_key(ui, palette);
            ui.label(
                RichText::new("Click a visit on a plot to open it.")
                    .small()
                    .color(palette.muted_text),
            );
            let columns = ((ui.available_width() / 380.0).floor() as usize).clamp(1, 3);
            for row in state.outcomes.chunks(columns) {
                ui.add_space(6.0);
                ui.columns(columns, |cells| {
                    for (ui, trend) in cells.iter_mut().zip(row) {
                        // Left-aligned, not justified: the captions are sentences.
                        let layout = egui::Layout::top_down(egui::Align::Min);
                        let panel = ui.with_layout(layout, |ui| {
                            measure_panel(ui, trend, &state.axis_dates, palette)
                        });
                        clicked = clicked.or(panel.inner);
                    }
                });
            }
        });
    clicked
}

/// One measure: its name, plot, the change from the baseline in words, each visit's change.
fn measure_panel(
    ui: &mut egui::Ui,
    trend: &Trend,
    dates: &[String],
    palette: &Palette,
) -> Option<usize> {
    ui.label(RichText::new(&trend.label).strong())
        .on_hover_text(trend.sources.join("\n"));
    ui.label(
        RichText::new(scale_text(trend))
            .small()
            .color(palette.muted_text),
    );
    let id = format!("measure_{}", trend.key.target_key());
    let frame = PlotFrame {
        id: &id,
        height: 140.0,
        dates,
        include_y: Vec::new(),
        legend: false,
    };
    let clicked = measure_plot(ui, frame, &MeasureSeries::of(trend), palette);
    let (caption, colour) = change_sentence(trend, palette);
    ui.label(RichText::new(caption).color(colour));
    let steps = trend.steps();
    if steps.len() >= 2 {
        let words: Vec<String> = steps
            .iter()
            .map(|s| format!("{} {}", delta_text(trend, s.delta), s.label.text()))
            .collect();
        ui.label(
            RichText::new(format!("Visit to visit: {}", words.join(" · ")))
                .small()
                .color(palette.muted_text),
        );
    }
    clicked
}

/// "0–50, lower is better · goal 10/50 (met)"; "0–110°, higher is better · normal 60°".
fn scale_text(trend: &Trend) -> String {
    let unit = match trend.unit.as_str() {
        unit if unit.starts_with('/') => String::new(),
        unit @ ("" | "°" | "%") => unit.to_owned(),
        unit => format!(" {unit}"),
    };
    let (min, max) = (format_number(trend.min), format_number(trend.max));
    let mut text = format!("{min}–{max}{unit}, {}", trend.rule.better.label());
    if let Some(normal) = trend.normal {
        text.push_str(&format!(" · normal {}", trend.format(normal)));
    }
    if let Some(goal) = trend.goal {
        let met = if goal.met { "met" } else { "not met" };
        text.push_str(&format!(" · goal {} ({met})", trend.format(goal.target)));
    }
    text
}

// --- Pain drawings and trigger points, beside the map ----------------------------------------

/// The pain scores, extent and visit table beside the frequency map.
fn pain_page(
    ui: &mut egui::Ui,
    state: &mut ProgressState,
    custom: &mut CustomViews,
    palette: &Palette,
) -> Option<usize> {
    let clicked = side_panel(ui, "progress_pain", |ui| pain_trends(ui, state, palette));
    ui.label(RichText::new("Frequency map: every visit's pain drawing together").strong());
    let (overlay, shown) = map_parts(state);
    map_view(ui, shown, custom, &overlay);
    clicked
}

/// The trigger-point counts and the followed trigger points beside the map, where a click
/// on a marker shows that trigger point.
fn trigger_points_page(
    ui: &mut egui::Ui,
    state: &mut ProgressState,
    custom: &mut CustomViews,
    palette: &Palette,
) -> Option<usize> {
    let clicked = side_panel(ui, "progress_trigger_points", |ui| {
        let counts = trigger_point_counts(ui, state, palette);
        ui.add_space(8.0);
        ui.label(RichText::new("Followed across visits").strong());
        ui.label(
            RichText::new(
                "Click one, here or on the map, to see its PPT and status at every visit.",
            )
            .small()
            .color(palette.muted_text),
        );
        state.followed.list_ui(ui, &mut state.canvas, palette);
        ui.add_space(8.0);
        let detail = state
            .followed
            .detail_ui(ui, &state.axis_dates, &state.dates, palette);
        counts.or(detail)
    });
    ui.label(RichText::new("Trigger points where last charted, over the frequency map").strong());
    let colours = Palette::marks(ui.ctx());
    let (frequency, shown) = map_parts(state);
    let overlay = shown.followed.overlay(frequency, colours);
    let rect = map_view(ui, shown, custom, &overlay);
    let click = ui.input(|i| {
        i.pointer
            .primary_clicked()
            .then(|| i.pointer.interact_pos())
            .flatten()
    });
    if let Some(pos) = click.filter(|pos| rect.contains(*pos)) {
        state.followed.pick(&state.canvas, pos);
    }
    clicked
}

/// What the map of the progress screen shows, borrowed from its state.
struct MapState<'a> {
    canvas: &'a mut CanvasState,
    empty: &'a Session,
    followed: &'a Followed,
    key: u64,
}

/// The frequency map and the rest of what the map shows, borrowed apart.
fn map_parts(state: &mut ProgressState) -> (FrequencyOverlay<'_>, MapState<'_>) {
    let frequency = FrequencyOverlay {
        counts: &state.counts,
        visits: state.visits.len(),
        key: state.key,
    };
    let shown = MapState {
        canvas: &mut state.canvas,
        empty: &state.empty,
        followed: &state.followed,
        key: state.key,
    };
    (frequency, shown)
}

/// A scrolling panel on the left for the page's plots and lists; returns a visit clicked.
fn side_panel(
    ui: &mut egui::Ui,
    id: &str,
    content: impl FnOnce(&mut egui::Ui) -> Option<usize>,
) -> Option<usize> {
    let width = ui.available_width();
    egui::Panel::left(id.to_owned())
        .resizable(true)
        .default_size(width * 0.55)
        // A width kept from a wider window still leaves the map room.
        .max_size(width * 0.7)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, content)
                .inner
        })
        .inner
}

/// The map with its toolbar and `overlay`; returns where the body map was drawn.
fn map_view(
    ui: &mut egui::Ui,
    shown: MapState<'_>,
    custom: &mut CustomViews,
    overlay: &dyn CanvasOverlay,
) -> egui::Rect {
    toolbar::map_toolbar(ui, &standard().map, custom, shown.empty, shown.canvas, None);
    let content = CanvasContent {
        session: shown.empty,
        revision: shown.key,
        zones_revision: shown.key,
        editable: false,
        overlay: Some(overlay),
    };
    let rect = ui.available_rect_before_wrap();
    body_canvas(ui, standard(), custom, &content, shown.canvas);
    rect
}

/// One trend plot of the pain drawings' metrics; returns the visit clicked, if any.
fn trend_plot(
    ui: &mut egui::Ui,
    id: &str,
    title: &str,
    dates: &[String],
    series: &[(&str, Color32, Vec<Option<f64>>)],
    y_max: Option<f64>,
) -> Option<usize> {
    ui.label(RichText::new(title).strong());
    let lines: Vec<(String, Color32, Vec<[f64; 2]>)> = series
        .iter()
        .map(|(name, colour, values)| {
            let points = values
                .iter()
                .enumerate()
                .filter_map(|(i, v)| v.map(|v| [i as f64 + 1.0, v]))
                .collect();
            ((*name).to_owned(), *colour, points)
        })
        .collect();
    let mut include_y = vec![0.0];
    include_y.extend(y_max);
    let frame = PlotFrame {
        id,
        height: 150.0,
        dates,
        include_y,
        legend: true,
    };
    visit_plot(ui, frame, move |plot_ui| {
        for (name, colour, points) in lines {
            plot_ui.line(
                Line::new(name.clone(), PlotPoints::from(points.clone()))
                    .color(colour)
                    .width(2.0),
            );
            plot_ui.points(
                Points::new(name, PlotPoints::from(points))
                    .color(colour)
                    .radius(4.0)
                    .shape(MarkerShape::Circle),
            );
        }
    })
}

fn pain_trends(ui: &mut egui::Ui, state: &ProgressState, palette: &Palette) -> Option<usize> {
    let dates = &state.axis_dates;
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
    let mut clicked = trend_plot(
        ui,
        "trend_pain",
        "Pain (NPRS 0–10)",
        dates,
        &[
            (
                "before treatment",
                palette.trigger_active,
                pain(|x| x.pain_before),
            ),
            ("after treatment", palette.success, pain(|x| x.pain_after)),
        ],
        Some(10.0),
    );
    clicked = clicked.or(trend_plot(
        ui,
        "trend_extent",
        "Pain extent (% of the body chart)",
        dates,
        &[(
            "extent",
            palette.zone,
            m.iter()
                .map(|x| Some(f64::from(x.total_extent_percent.unwrap_or(0.0))))
                .collect(),
        )],
        None,
    ));
    visits_table(ui, state);
    clicked
}

fn trigger_point_counts(
    ui: &mut egui::Ui,
    state: &ProgressState,
    palette: &Palette,
) -> Option<usize> {
    let m = &state.metrics;
    trend_plot(
        ui,
        "trend_trigger_points",
        "Active and latent trigger points",
        &state.axis_dates,
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
    )
}

fn visits_table(ui: &mut egui::Ui, state: &ProgressState) {
    egui::Grid::new("progress_table")
        .striped(true)
        .num_columns(5)
        .show(ui, |ui| {
            for heading in ["Visit", "Pain", "Extent", "Active TrPs", "WPI areas"] {
                ui.label(RichText::new(heading).strong());
            }
            ui.end_row();
            for ((_, session), metrics) in state.visits.iter().zip(&state.metrics) {
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
}
