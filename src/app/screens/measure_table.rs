//! Outcome measures' changes, each labelled against the measure's MDC and MCID: a table over
//! a course of care (baseline, latest, change, label, goal) for the progress screen, and a
//! sentence a measure, for the progress plots and the comparison of two visits. A change
//! within measurement error is never coloured as progress.

use egui::{Color32, RichText};

use crate::app::shell::theme::Palette;
use crate::progress::{Trend, format_delta};

/// The table of `trends` over a course of care, one row per measure (baseline, latest,
/// change, label, goal), scrolling sideways where it is too wide.
pub fn measures_table(ui: &mut egui::Ui, id: &str, trends: &[Trend], palette: &Palette) {
    if trends.is_empty() {
        ui.label(RichText::new("No outcome measures recorded.").color(palette.muted_text));
        return;
    }
    let headings = ["Measure", "Baseline", "Latest", "Change", "", "Goal"];
    egui::ScrollArea::horizontal().id_salt(id).show(ui, |ui| {
        egui::Grid::new(id)
            .striped(true)
            .num_columns(headings.len())
            .spacing([10.0, 4.0])
            .show(ui, |ui| {
                for heading in headings {
                    ui.label(RichText::new(heading).strong());
                }
                ui.end_row();
                for trend in trends {
                    row(ui, trend, palette);
                    ui.end_row();
                }
            });
    });
}

/// The measures of two visits (`trends` of exactly those two), one sentence each.
pub fn pair_list(ui: &mut egui::Ui, trends: &[Trend], palette: &Palette) {
    if trends.is_empty() {
        ui.label(RichText::new("No outcome measures recorded.").color(palette.muted_text));
    }
    for trend in trends {
        let (text, colour) = change_sentence(trend, palette);
        ui.label(RichText::new(text).color(colour))
            .on_hover_text(hover(trend));
    }
}

/// "NDI 22/50 → 7/50 (−15): exceeds MCID", coloured by what the change means; a measure
/// taken at one visit says so.
pub fn change_sentence(trend: &Trend, palette: &Palette) -> (String, Color32) {
    match (trend.change(), trend.points.first()) {
        (Some(change), _) => (
            format!(
                "{} {} → {} ({}): {}",
                trend.label,
                trend.format(change.from),
                trend.format(change.to),
                delta_text(trend, change.delta),
                change.label.text()
            ),
            palette.change(change.label),
        ),
        (None, Some(only)) => (
            format!(
                "{} {} on {} only: no change to read",
                trend.label,
                trend.format(only.value),
                only.date
            ),
            palette.muted_text,
        ),
        (None, None) => (trend.label.clone(), palette.muted_text),
    }
}

/// The measure's direction and where its thresholds come from.
fn hover(trend: &Trend) -> String {
    format!(
        "Direction: {}.\n{}",
        trend.rule.better.label(),
        trend.sources.join("\n")
    )
}

fn row(ui: &mut egui::Ui, trend: &Trend, palette: &Palette) {
    ui.label(&trend.label).on_hover_text(hover(trend));
    let points = &trend.points;
    let (first, last) = (points.first(), points.get(1..).and_then(<[_]>::last));
    for end in [first, last] {
        let text = end.map_or_else(|| "–".to_owned(), |p| trend.format(p.value));
        let date = end.map(|p| p.date.to_string()).unwrap_or_default();
        ui.label(text).on_hover_text(date);
    }
    match trend.change() {
        Some(change) => {
            ui.label(delta_text(trend, change.delta));
            let colour = palette.change(change.label);
            ui.label(RichText::new(change.label.text()).color(colour));
        }
        None => {
            ui.label("");
            ui.label(RichText::new("taken at one visit").color(palette.muted_text));
        }
    }
    goal_cell(ui, trend, palette);
}

fn goal_cell(ui: &mut egui::Ui, trend: &Trend, palette: &Palette) {
    match trend.goal {
        Some(goal) if goal.met => {
            let text = format!("{} ✔ met", trend.format(goal.target));
            ui.label(RichText::new(text).color(palette.success));
        }
        Some(goal) => {
            ui.label(format!("{} not met", trend.format(goal.target)));
        }
        None => {
            ui.label(RichText::new("–").color(palette.muted_text));
        }
    }
}

/// A change in the measure's unit: "−15" (points of a score), "+6°", "+2 stands".
pub fn delta_text(trend: &Trend, delta: f64) -> String {
    let number = format_delta(delta);
    match trend.unit.as_str() {
        "" | "%" => number,
        unit if unit.starts_with('/') => number,
        "°" => format!("{number}°"),
        unit => format!("{number} {unit}"),
    }
}
