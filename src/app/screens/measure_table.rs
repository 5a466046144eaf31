//! Outcome measures as a table: each measure's first and last value, the change, how it
//! reads against the measure's MDC and MCID, and its goal. The progress screen shows the
//! baseline against the latest visit; the comparison, one visit against the other. A change
//! within measurement error is never coloured as progress.

use egui::RichText;

use crate::app::shell::theme::Palette;
use crate::progress::{Change, Trend, TrendPoint, format_delta};

/// What the two value columns hold.
pub enum Columns<'a> {
    /// A course of care: baseline and latest value of each measure, and its goal.
    Course,
    /// Two visits (`trends` of exactly those two): each one's value under its heading.
    Pair { earlier: &'a str, later: &'a str },
}

impl Columns<'_> {
    fn headings(&self) -> Vec<&str> {
        match self {
            Self::Course => vec!["Measure", "Baseline", "Latest", "Change", "", "Goal"],
            Self::Pair { earlier, later } => vec!["Measure", earlier, later, "Change", ""],
        }
    }

    /// The values under the two headings.
    fn ends<'t>(&self, trend: &'t Trend) -> (Option<&'t TrendPoint>, Option<&'t TrendPoint>) {
        let points = &trend.points;
        match self {
            Self::Course if points.len() >= 2 => (points.first(), points.last()),
            Self::Course => (points.first(), None),
            Self::Pair { .. } => (
                points.iter().find(|p| p.visit == 0),
                points.iter().find(|p| p.visit == 1),
            ),
        }
    }

    /// Why a row has no change.
    fn no_change(&self) -> &'static str {
        match self {
            Self::Course => "taken at one visit",
            Self::Pair { .. } => "not taken at both visits",
        }
    }
}

/// The table of `trends`, one row per measure, scrolling sideways where it is too wide.
pub fn measures_table(
    ui: &mut egui::Ui,
    id: &str,
    trends: &[Trend],
    columns: &Columns<'_>,
    palette: &Palette,
) {
    if trends.is_empty() {
        ui.label(RichText::new("No outcome measures recorded.").color(palette.muted_text));
        return;
    }
    let headings = columns.headings();
    egui::ScrollArea::horizontal().id_salt(id).show(ui, |ui| {
        egui::Grid::new(id)
            .striped(true)
            .num_columns(headings.len())
            .spacing([10.0, 4.0])
            .show(ui, |ui| {
                for heading in &headings {
                    ui.label(RichText::new(*heading).strong());
                }
                ui.end_row();
                for trend in trends {
                    row(ui, trend, columns, palette);
                    ui.end_row();
                }
            });
    });
}

fn row(ui: &mut egui::Ui, trend: &Trend, columns: &Columns<'_>, palette: &Palette) {
    let hover = format!(
        "Direction: {}.\n{}",
        trend.rule.better.label(),
        trend.sources.join("\n")
    );
    ui.label(&trend.label).on_hover_text(hover);
    let (first, last) = columns.ends(trend);
    for end in [first, last] {
        let text = end.map_or_else(|| "–".to_owned(), |p| trend.format(p.value));
        let date = end.map(|p| p.date.to_string()).unwrap_or_default();
        ui.label(text).on_hover_text(date);
    }
    match first
        .zip(last)
        .map(|(a, b)| change(trend, a.value, b.value))
    {
        Some(change) => {
            ui.label(delta_text(trend, change.delta));
            let colour = palette.change(change.label);
            ui.label(RichText::new(change.label.text()).color(colour));
        }
        None => {
            ui.label("");
            ui.label(RichText::new(columns.no_change()).color(palette.muted_text));
        }
    }
    if matches!(columns, Columns::Course) {
        goal_cell(ui, trend, palette);
    }
}

fn change(trend: &Trend, from: f64, to: f64) -> Change {
    Change {
        from,
        to,
        delta: to - from,
        label: trend.rule.classify(from, to),
    }
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
