//! The outcome measures of a progress report: baseline against latest for every measure taken
//! in the period (NPRS, PSFS and each of its activities, NDI/ODI/QuickDASH/LEFS, range of
//! motion with its normal, clinic measures), each change with its label and a small chart,
//! and the goals set with the patient, met or not.

use jiff::civil::Date;

use super::super::pdf::{BODY_W, Column, GOOD, INK, MARGIN, MUTED, RULE, Stroke, Writer, wrap};
use super::sparkline::{Frame, Sparkline, sparkline};
use super::{ProgressInput, Sources};
use crate::model::measures::{Better, catalog};
use crate::progress::{
    ChangeLabel, MeasureKey, Trend, format_delta, format_number, psfs_activity_trends,
};

/// Widths of a measure row's columns, mm: measure, baseline, latest, change; the chart
/// takes the rest of the line.
const MEASURE_W: f32 = 60.0;
const VALUE_W: f32 = 20.0;
const CHANGE_W: f32 = 36.0;
const CHART_COLUMN_W: f32 = BODY_W - MEASURE_W - 2.0 * VALUE_W - CHANGE_W;
/// Text and chart are set in from their column's edges by as much as a table's cells, so
/// they line up under the column titles.
const INSET: f32 = 1.2;
const CHART_W: f32 = CHART_COLUMN_W - 2.0 * INSET;
const CHART_H: f32 = 11.0;
/// Text sizes (pt) and their line heights (mm).
const MAIN: f32 = 9.5;
const SMALL: f32 = 7.5;
const MAIN_LINE: f32 = MAIN * 0.47;
const SMALL_LINE: f32 = SMALL * 0.47;
/// Space above and below a row's contents, mm.
const PAD: f32 = 2.0;
/// How far a PSFS activity's label is set in under the PSFS, mm.
const INDENT: f32 = 4.0;
/// Chart colours: the band of measurement error, the goal, the normal value.
const BAND: [f32; 3] = [0.89, 0.92, 0.95];
const GOAL: [f32; 3] = [0.10, 0.36, 0.55];
const NORMAL: [f32; 3] = [0.55, 0.55, 0.60];
const ROW_RULE: [f32; 3] = [0.90, 0.90, 0.93];

/// The measures in the report's order: the trends of [`crate::progress::trends`], each PSFS
/// activity after the PSFS. The bool is whether the row is an activity (set in).
pub(super) fn rows(trends: &[Trend], input: &ProgressInput<'_>) -> Vec<(Trend, bool)> {
    let mut rows = Vec::new();
    for trend in trends {
        rows.push((trend.clone(), false));
        if trend.key == psfs_key() {
            rows.extend(
                psfs_activity_trends(&input.sessions)
                    .into_iter()
                    .map(|a| (a, true)),
            );
        }
    }
    rows
}

fn psfs_key() -> MeasureKey {
    MeasureKey::Instrument {
        id: crate::model::measures::PSFS.to_owned(),
    }
}

/// The section: a key to the charts, the column titles, one row per measure.
pub(super) fn outcome_measures(
    pdf: &mut Writer,
    rows: &[(Trend, bool)],
    span: (Date, Date),
    sources: &mut Sources,
) {
    pdf.heading("Outcome measures: baseline against latest", 40.0);
    if rows.is_empty() {
        pdf.paragraph(
            "No outcome measure was recorded at the visits of this period.",
            9.5,
            MUTED,
        );
        return;
    }
    pdf.paragraph(
        "Baseline: the first visit of the period at which the measure was taken. Charts run from the first to the latest visit; shaded band: baseline ± MDC (a value inside it is within measurement error); dashed line: goal; dotted line: normal.",
        8.0,
        MUTED,
    );
    let columns = [
        Column::new("Measure", MEASURE_W),
        Column::new("Baseline", VALUE_W),
        Column::new("Latest", VALUE_W),
        Column::new("Change", CHANGE_W),
        Column::new("Over the period", CHART_COLUMN_W),
    ];
    pdf.ensure(Writer::column_titles_height(&columns) + 16.0);
    pdf.column_titles(&columns);
    let laid_out: Vec<MeasureRow> = rows
        .iter()
        .map(|(trend, activity)| MeasureRow::new(trend, *activity))
        .collect();
    for (i, ((trend, activity), row)) in rows.iter().zip(&laid_out).enumerate() {
        // The PSFS is kept with its first activity, as a heading with what follows.
        let next_activity = rows.get(i + 1).is_some_and(|(_, a)| *a) && !activity;
        let keep = if next_activity {
            laid_out.get(i + 1).map_or(0.0, MeasureRow::height)
        } else {
            0.0
        };
        if pdf.ensure(row.height() + keep) {
            pdf.column_titles(&columns);
        }
        row.draw(pdf, trend, span);
        sources.add_trend(trend, *activity);
    }
    pdf.advance(3.0);
}

/// A row's words, laid out in its columns.
struct MeasureRow {
    indent: f32,
    label_size: f32,
    label: Vec<String>,
    notes: Vec<String>,
    baseline: (String, String),
    latest: (String, String),
    /// Lines of the change column: text, size, colour.
    change: Vec<(String, f32, [f32; 3])>,
}

impl MeasureRow {
    fn new(trend: &Trend, activity: bool) -> Self {
        let indent = if activity { INDENT } else { 0.0 };
        let label_size = if activity { 8.5 } else { MAIN };
        let label_text = if activity {
            format!("“{}”", trend.label)
        } else {
            trend.label.clone()
        };
        // A gutter of twice the inset before the baseline column.
        let width = MEASURE_W - indent - 3.0 * INSET;
        let notes = if activity {
            Vec::new()
        } else {
            wrap(&describe(trend), SMALL, width)
        };
        let dated = |index: usize| {
            trend.points.get(index).map_or_else(
                || ("–".to_owned(), String::new()),
                |p| (trend.format(p.value), p.date.to_string()),
            )
        };
        let latest = if trend.points.len() < 2 {
            ("–".to_owned(), "taken once".to_owned())
        } else {
            dated(trend.points.len() - 1)
        };
        Self {
            indent,
            label_size,
            label: wrap(&label_text, label_size, width),
            notes,
            baseline: dated(0),
            latest,
            change: change_lines(trend),
        }
    }

    fn height(&self) -> f32 {
        let label =
            self.label.len() as f32 * self.label_size * 0.47 + self.notes.len() as f32 * SMALL_LINE;
        let change: f32 = self.change.iter().map(|(_, size, _)| size * 0.47).sum();
        let values = MAIN_LINE + SMALL_LINE;
        label.max(change).max(values).max(CHART_H) + 2.0 * PAD
    }

    /// Draws the row from the cursor down, its chart at the right, a hairline under it.
    fn draw(&self, pdf: &mut Writer, trend: &Trend, span: (Date, Date)) {
        let top = pdf.cursor() + PAD;
        let left = MARGIN + INSET + self.indent;
        let mut y = top;
        for line in &self.label {
            pdf.text(line, left, y + self.label_size * 0.36, self.label_size, INK);
            y += self.label_size * 0.47;
        }
        for line in &self.notes {
            pdf.text(line, left, y + SMALL * 0.36, SMALL, MUTED);
            y += SMALL_LINE;
        }
        let mut x = MARGIN + MEASURE_W + INSET;
        for (value, date) in [&self.baseline, &self.latest] {
            pdf.text(value, x, top + MAIN * 0.36, MAIN, INK);
            pdf.text(date, x, top + MAIN_LINE + SMALL * 0.36, SMALL, MUTED);
            x += VALUE_W;
        }
        let mut y = top;
        for (text, size, colour) in &self.change {
            pdf.text(text, x, y + size * 0.36, *size, *colour);
            y += size * 0.47;
        }
        let frame = Frame {
            x: MARGIN + BODY_W - CHART_COLUMN_W + INSET,
            top,
            width: CHART_W,
            height: CHART_H,
        };
        draw_chart(pdf, &sparkline(trend, span, frame), frame);
        let height = self.height();
        pdf.rule(pdf.cursor() + height, ROW_RULE);
        pdf.advance(height);
    }
}

/// What a measure is and how its change is judged: "Neck Disability Index · lower is better
/// · MDC 10.2 · MCID 7.5"; for range of motion its normal.
fn describe(trend: &Trend) -> String {
    let mut parts = Vec::new();
    match &trend.key {
        MeasureKey::Instrument { id } => {
            if let Some(instrument) = catalog().instrument(id) {
                parts.push(instrument.name.clone());
            }
        }
        MeasureKey::RangeOfMotion { .. } => {
            if let Some(normal) = trend.normal {
                parts.push(format!("active range; normal {}", trend.format(normal)));
            }
        }
        MeasureKey::Clinic { .. } => parts.push(format!(
            "clinic measure, {}–{}",
            format_number(trend.min),
            trend.format(trend.max)
        )),
        MeasureKey::PsfsActivity { .. } => {}
    }
    parts.push(trend.rule.better.label().to_owned());
    if let Some(mdc) = trend.rule.mdc {
        parts.push(format!("MDC\u{a0}{}", threshold(mdc)));
    }
    if let Some(mcid) = trend.rule.mcid {
        parts.push(format!("MCID\u{a0}{}", threshold(mcid)));
    }
    if trend.key == psfs_key() {
        let activity = &catalog().psfs_activity;
        parts.push(format!(
            "one activity: MDC\u{a0}{}, MCID\u{a0}{}",
            threshold(activity.mdc.value),
            threshold(activity.mcid.value)
        ));
    }
    // A no-break space before each separator keeps the dot at the end of a line.
    parts.join("\u{a0}· ")
}

/// A threshold as published, to two decimals at most: "10.2", "1.77", "2" (never rounded to
/// a figure that would judge differently).
pub(super) fn threshold(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The change column: the difference, its label (coloured only when it is progress), and
/// the goal with whether it was met.
fn change_lines(trend: &Trend) -> Vec<(String, f32, [f32; 3])> {
    let mut lines = Vec::new();
    let mut push = |text: &str, size: f32, colour: [f32; 3]| {
        for line in wrap(text, size, CHANGE_W - 2.0 * INSET) {
            lines.push((line, size, colour));
        }
    };
    match trend.change() {
        Some(change) => {
            push(&delta_text(trend, change.delta), MAIN, INK);
            push(change.label.text(), SMALL, label_colour(change.label));
        }
        None => push("no change to judge", SMALL, MUTED),
    }
    if let Some(goal) = trend.goal {
        let text = format!(
            "goal {}: {}",
            goal_text(trend, goal.target),
            if goal.met { "met" } else { "not met" }
        );
        push(&text, SMALL, if goal.met { GOOD } else { INK });
    }
    lines
}

/// Green for progress only; grey for a change within measurement error; red for worse.
pub(super) fn label_colour(label: ChangeLabel) -> [f32; 3] {
    match label {
        ChangeLabel::WithinMeasurementError => MUTED,
        ChangeLabel::Worse => super::super::pdf::ALERT,
        _ if label.is_progress() => GOOD,
        _ => INK,
    }
}

/// A difference in the measure's terms: "−15" on a scored instrument, "+22°", "+5 stands".
fn delta_text(trend: &Trend, delta: f64) -> String {
    let number = format_delta(delta);
    match trend.unit.as_str() {
        "°" => format!("{number}°"),
        unit if unit.is_empty() || unit.starts_with('/') || unit == "%" => number,
        unit => format!("{number} {unit}"),
    }
}

/// "≤ 10/50", "≥ 70°": a goal with the direction in which it is reached.
fn goal_text(trend: &Trend, target: f64) -> String {
    let sign = match trend.rule.better {
        Better::Lower => "≤",
        Better::Higher => "≥",
    };
    format!("{sign} {}", trend.format(target))
}

/// The chart: band, goal and normal levels, the values' line and dots (the latest larger).
fn draw_chart(pdf: &mut Writer, chart: &Sparkline, frame: Frame) {
    let right = frame.x + frame.width;
    if let Some((top, bottom)) = chart.band {
        pdf.fill_rect(frame.x, top, frame.width, bottom - top, BAND);
    }
    pdf.polyline(
        &[
            (frame.x, frame.top + frame.height),
            (right, frame.top + frame.height),
        ],
        Stroke {
            width: 0.4,
            colour: RULE,
            dash: None,
        },
    );
    let level = |pdf: &mut Writer, y: f32, colour, dash| {
        pdf.polyline(
            &[(frame.x, y), (right, y)],
            Stroke {
                width: 0.7,
                colour,
                dash: Some(dash),
            },
        );
    };
    if let Some(y) = chart.normal {
        level(pdf, y, NORMAL, [0.6, 1.6]);
    }
    if let Some(y) = chart.goal {
        level(pdf, y, GOAL, [2.5, 1.5]);
    }
    pdf.polyline(
        &chart.points,
        Stroke {
            width: 1.0,
            colour: INK,
            dash: None,
        },
    );
    let last = chart.points.len().saturating_sub(1);
    for (i, &(x, y)) in chart.points.iter().enumerate() {
        pdf.disc(x, y, if i == last { 0.85 } else { 0.55 }, INK);
    }
}

/// The goals set with the patient (the latest target of each measure, at any visit up to
/// the period's end): target, baseline, latest and whether it was met; goals on measures not
/// taken in the period say so; then the goals agreed in words, with the visit they were
/// written at.
pub(super) fn goals(pdf: &mut Writer, trends: &[Trend], input: &ProgressInput<'_>) {
    pdf.heading("Goals", 20.0);
    let mut rows: Vec<Vec<String>> = trends
        .iter()
        .filter_map(|trend| {
            let goal = trend.goal?;
            let value = |p: Option<&crate::progress::TrendPoint>| {
                p.map_or("–".to_owned(), |p| {
                    format!("{} ({})", trend.format(p.value), p.date)
                })
            };
            Some(vec![
                trend.label.clone(),
                goal_text(trend, goal.target),
                value(trend.points.first()),
                value(trend.points.last()),
                if goal.met { "met" } else { "not met" }.to_owned(),
            ])
        })
        .collect();
    for (key, value) in unmeasured_targets(trends, input) {
        rows.push(vec![
            target_label(&key),
            format_number(value),
            "–".to_owned(),
            "–".to_owned(),
            "not measured in this period".to_owned(),
        ]);
    }
    if rows.is_empty() {
        pdf.paragraph("No measurable goal was set.", 9.5, MUTED);
    } else {
        let columns = [
            Column::new("Goal", 50.0),
            Column::new("Target", 20.0),
            Column::new("Baseline", 36.0),
            Column::new("Latest", 36.0),
            Column::new("Result", BODY_W - 142.0),
        ];
        pdf.table(&columns, &rows, &|_| false);
    }
    let mut written: Vec<(&str, String)> = Vec::new();
    for session in &input.history {
        let text = session.goals.trim();
        if !text.is_empty() && !written.iter().any(|(_, w)| w.starts_with(text)) {
            written.push(("Agreed", format!("{text} ({})", session.date())));
        }
    }
    pdf.fields(&written);
}

/// Targets set up to the period's end (the latest per measure) on measures not taken in it.
fn unmeasured_targets(trends: &[Trend], input: &ProgressInput<'_>) -> Vec<(String, f64)> {
    let mut targets: Vec<(String, f64)> = Vec::new();
    for session in input.history.iter().rev() {
        for target in session.outcomes.targets.iter().rev() {
            let key = target.measure.trim();
            let known = targets.iter().any(|(k, _)| k.eq_ignore_ascii_case(key))
                || trends
                    .iter()
                    .any(|t| t.key.target_key().eq_ignore_ascii_case(key));
            if !known {
                targets.push((key.to_owned(), f64::from(target.value)));
            }
        }
    }
    targets
}

/// A goal's measure in words: "NDI", "Cervical spine rotation (right)", "Grip strength".
fn target_label(key: &str) -> String {
    let catalog = catalog();
    if let Some(instrument) = catalog.instrument(key) {
        return instrument.abbreviation.clone();
    }
    if let Some(rest) = key.strip_prefix("rom:") {
        let (movement, side) = rest.split_once(':').unwrap_or((rest, ""));
        if let Some(m) = catalog.movement(movement) {
            return if side.is_empty() {
                m.label()
            } else {
                format!("{} ({})", m.label(), side.to_lowercase())
            };
        }
    }
    key.strip_prefix("clinic:").unwrap_or(key).to_owned()
}
