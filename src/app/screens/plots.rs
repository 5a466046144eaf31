//! Plots over a patient's visits (egui_plot) for the progress screen: the visits on x, each
//! labelled with its date (a click on one opens it), and one measure's values with the band
//! of measurement error around its baseline, the line its MCID reaches, its normal and its
//! goal; each point coloured by how its change from the baseline reads.

use egui::{Color32, RichText, Stroke};
use egui_plot::{
    Axis, HLine, Line, LineStyle, MarkerShape, Plot, PlotPoints, PlotUi, Points, Span,
};

use crate::app::shell::theme::Palette;
use crate::progress::{ChangeLabel, ChangeRule, Trend};

/// Which plot, how tall, and the values its y axis must show.
pub struct PlotFrame<'a> {
    pub id: &'a str,
    pub height: f32,
    /// The visits' dates ("09-07"), oldest first: visit `i` is drawn at x = i + 1.
    pub dates: &'a [String],
    /// Values the y axis includes (a scale's ends, 0).
    pub include_y: Vec<f64>,
    pub legend: bool,
}

/// One plot over the visits with what `content` draws in it; returns the visit clicked
/// (0-based), if any.
pub fn visit_plot<'a>(
    ui: &mut egui::Ui,
    frame: PlotFrame<'_>,
    content: impl FnOnce(&mut PlotUi<'a>) + 'a,
) -> Option<usize> {
    let dates = frame.dates.to_vec();
    let count = dates.len();
    let mut plot = Plot::new(frame.id)
        .height(frame.height)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_x(0.5)
        .include_x(count as f64 + 0.5)
        .x_axis_formatter(move |mark, _range| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 1.0 {
                dates.get(i as usize - 1).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        });
    if frame.legend {
        plot = plot.legend(egui_plot::Legend::default());
    }
    for y in frame.include_y {
        plot = plot.include_y(y);
    }
    let response = plot.show(ui, content);
    let at = response.response.interact_pointer_pos();
    if response.response.clicked()
        && let Some(pos) = at
    {
        let value = response.transform.value_from_position(pos);
        let i = value.x.round();
        if i >= 1.0 && (i as usize) <= count && (value.x - i).abs() < 0.4 {
            return Some(i as usize - 1);
        }
    }
    None
}

/// A measure's values over the visits and what they are read against.
pub struct MeasureSeries {
    /// (visit index, value), oldest first; the first is the baseline.
    pub points: Vec<(usize, f64)>,
    pub rule: ChangeRule,
    pub min: f64,
    pub max: f64,
    /// A normal value (range of motion).
    pub normal: Option<f64>,
    pub goal: Option<f64>,
}

impl MeasureSeries {
    pub fn of(trend: &Trend) -> Self {
        Self {
            points: trend.points.iter().map(|p| (p.visit, p.value)).collect(),
            rule: trend.rule,
            min: trend.min,
            max: trend.max,
            normal: trend.normal,
            goal: trend.goal.map(|g| g.target),
        }
    }

    /// Where a change from the baseline counts as reaching the MCID, if within the scale:
    /// the MCID, or the MDC where the MCID lies within measurement error (a change must
    /// pass both, as the labels say).
    fn mcid_line(&self) -> Option<f64> {
        let baseline = self.points.first()?.1;
        let reach = self.rule.mcid?.max(self.rule.mdc.unwrap_or(0.0));
        let y = baseline + self.rule.better.sign() * reach;
        (self.min..=self.max).contains(&y).then_some(y)
    }

    /// The band of measurement error around the baseline, within the scale.
    fn error_band(&self) -> Option<(f64, f64)> {
        let baseline = self.points.first()?.1;
        let mdc = self.rule.mdc?;
        Some((
            (baseline - mdc).max(self.min),
            (baseline + mdc).min(self.max),
        ))
    }

    /// Each value after the baseline with the label of its change from it.
    fn labelled(&self) -> Vec<(usize, f64, ChangeLabel)> {
        let Some(&(_, baseline)) = self.points.first() else {
            return Vec::new();
        };
        self.points
            .iter()
            .skip(1)
            .map(|&(visit, value)| (visit, value, self.rule.classify(baseline, value)))
            .collect()
    }
}

/// How a reference is drawn in a measure plot, for its key.
#[derive(Clone, Copy)]
enum Sample {
    Band,
    Dashed,
    Dotted,
    Solid,
}

/// The key to what every measure plot draws, as the plots draw it.
pub fn measure_key(ui: &mut egui::Ui, palette: &Palette) {
    let entries = [
        (
            Sample::Band,
            palette.measurement_error,
            "measurement error around the baseline (±MDC)",
        ),
        (
            Sample::Dashed,
            palette.success,
            "MCID reached from the baseline, beyond measurement error",
        ),
        (Sample::Solid, palette.goal, "goal"),
        (
            Sample::Dotted,
            palette.muted_text,
            "normal (range of motion)",
        ),
    ];
    ui.horizontal_wrapped(|ui| {
        for (sample, colour, text) in entries {
            key_sample(ui, sample, colour);
            ui.label(RichText::new(text).small());
            ui.add_space(8.0);
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Each change from the baseline:").small());
        for label in [
            ChangeLabel::ExceedsMcid,
            ChangeLabel::ImprovedBelowMcid,
            ChangeLabel::Improved,
            ChangeLabel::WithinMeasurementError,
            ChangeLabel::Worse,
        ] {
            ui.label(RichText::new("●").color(palette.change(label)));
            ui.label(RichText::new(label.text()).small());
            ui.add_space(6.0);
        }
    });
}

fn key_sample(ui: &mut egui::Ui, sample: Sample, colour: Color32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(26.0, 12.0), egui::Sense::hover());
    let painter = ui.painter();
    let (left, right) = (rect.left_center(), rect.right_center());
    let stroke = Stroke::new(1.5, colour);
    match sample {
        Sample::Band => {
            painter.rect_filled(rect, 0.0, colour);
        }
        Sample::Dashed => {
            painter.extend(egui::Shape::dashed_line(&[left, right], stroke, 4.0, 3.0));
        }
        Sample::Dotted => {
            painter.extend(egui::Shape::dotted_line(&[left, right], colour, 4.0, 1.0));
        }
        Sample::Solid => {
            painter.line_segment([left, right], stroke);
        }
    }
}

/// A measure's plot: its values, the measurement-error band, MCID, normal and goal lines,
/// points coloured by their change from the baseline. Returns the visit clicked.
pub fn measure_plot(
    ui: &mut egui::Ui,
    frame: PlotFrame<'_>,
    series: &MeasureSeries,
    palette: &Palette,
) -> Option<usize> {
    let mut include_y = frame.include_y.clone();
    include_y.extend([series.min, series.max]);
    let band = series.error_band();
    let mcid = series.mcid_line();
    let values: Vec<[f64; 2]> = series
        .points
        .iter()
        .map(|&(visit, value)| [visit as f64 + 1.0, value])
        .collect();
    let labelled = series.labelled();
    let (normal, goal) = (series.normal, series.goal);
    let palette = *palette;
    let frame = PlotFrame { include_y, ..frame };
    visit_plot(ui, frame, move |plot| {
        if let Some((low, high)) = band {
            // Unnamed: a span draws its name inside the band; the key above the plots
            // names it.
            plot.span(
                Span::new("", low..=high)
                    .axis(Axis::Y)
                    .fill(palette.measurement_error),
            );
        }
        let reference = |name: &str, y: f64, colour: Color32, style: LineStyle| {
            HLine::new(name, y).color(colour).width(1.5).style(style)
        };
        if let Some(y) = mcid {
            plot.hline(reference(
                "MCID",
                y,
                palette.success,
                LineStyle::dashed_dense(),
            ));
        }
        if let Some(y) = normal {
            let style = LineStyle::Dotted { spacing: 5.0 };
            plot.hline(reference("normal", y, palette.muted_text, style));
        }
        if let Some(y) = goal {
            plot.hline(reference("goal", y, palette.goal, LineStyle::Solid));
        }
        plot.line(
            Line::new("values", PlotPoints::from(values.clone()))
                .color(palette.muted_text)
                .width(1.5),
        );
        if let Some(first) = values.first() {
            plot.points(point("baseline", vec![*first], palette.muted_text));
        }
        for (visit, value, label) in labelled {
            let name = format!("visit {}: {}", visit + 1, label.text());
            let at = vec![[visit as f64 + 1.0, value]];
            plot.points(point(&name, at, palette.change(label)));
        }
    })
}

fn point(name: &str, at: Vec<[f64; 2]>, colour: Color32) -> Points<'static> {
    Points::new(name, PlotPoints::from(at))
        .color(colour)
        .radius(4.5)
        .shape(MarkerShape::Circle)
        .filled(true)
}
