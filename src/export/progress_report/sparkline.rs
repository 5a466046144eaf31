//! The small chart beside each measure of the progress report, as geometry: the measure's
//! values over the period as a line placed by date, the band of measurement error around the
//! baseline (baseline ± MDC), and the goal and normal value as levels. Millimetres on the
//! page; nothing is drawn here (the report draws it with the PDF writer).

use jiff::civil::Date;

use crate::progress::Trend;

/// How far the first and last values are set in from the frame's sides, mm.
pub const X_INSET: f32 = 1.0;

/// A chart's box on the page: mm from the page's left and top edges, and its size in mm.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub x: f32,
    pub top: f32,
    pub width: f32,
    pub height: f32,
}

impl Frame {
    fn bottom(&self) -> f32 {
        self.top + self.height
    }
}

/// One measure's chart in its frame, every figure in mm from the page's left and top edges.
#[derive(Clone, Debug, PartialEq)]
pub struct Sparkline {
    /// Each value, oldest first: (x, y).
    pub points: Vec<(f32, f32)>,
    /// Top and bottom of the band baseline ± MDC, within the frame; `None` for a measure
    /// without an MDC.
    pub band: Option<(f32, f32)>,
    /// The height of the goal, when one is set.
    pub goal: Option<f32>,
    /// The height of the normal value (range of motion).
    pub normal: Option<f32>,
}

/// The chart of `trend` in `frame`, dated from `span.0` (left edge) to `span.1` (right edge):
/// the same span for every measure of a report, so their charts line up by visit. Its height
/// spans the values, the band, the goal and the normal with a little room, within the
/// measure's scale; higher values are drawn higher whichever way the measure improves.
pub fn sparkline(trend: &Trend, span: (Date, Date), frame: Frame) -> Sparkline {
    let (low, high) = value_range(trend);
    let y = |value: f64| {
        let share = ((value - low) / (high - low)).clamp(0.0, 1.0) as f32;
        frame.bottom() - share * frame.height
    };
    let days = |date: Date| date.duration_since(span.0).as_secs_f64() / 86_400.0;
    let length = days(span.1);
    // Dots are drawn round the first and last values: they stay inside the frame.
    let (left, width) = (frame.x + X_INSET, frame.width - 2.0 * X_INSET);
    let x = |date: Date| {
        if length <= 0.0 {
            left + width / 2.0
        } else {
            left + (days(date) / length).clamp(0.0, 1.0) as f32 * width
        }
    };
    let points = trend
        .points
        .iter()
        .map(|p| (x(p.date), y(p.value)))
        .collect();
    let band = match (trend.points.first(), trend.rule.mdc) {
        (Some(baseline), Some(mdc)) => Some((y(baseline.value + mdc), y(baseline.value - mdc))),
        _ => None,
    };
    Sparkline {
        points,
        band,
        goal: trend.goal.map(|g| y(g.target)),
        normal: trend.normal.map(y),
    }
}

/// The lowest and highest values a chart of `trend` shows (`low < high`).
fn value_range(trend: &Trend) -> (f64, f64) {
    let mut values: Vec<f64> = trend.points.iter().map(|p| p.value).collect();
    if let (Some(baseline), Some(mdc)) = (trend.points.first(), trend.rule.mdc) {
        values.extend([baseline.value - mdc, baseline.value + mdc]);
    }
    values.extend(trend.goal.map(|g| g.target));
    values.extend(trend.normal);
    values.retain(|v| v.is_finite());
    let scale = (trend.min < trend.max).then_some((trend.min, trend.max));
    let Some((mut low, mut high)) = values.iter().fold(None, |range, &v| match range {
        None => Some((v, v)),
        Some((low, high)) => Some((f64::min(low, v), f64::max(high, v))),
    }) else {
        return scale.unwrap_or((0.0, 1.0));
    };
    // A little room above and below, so no mark sits on the frame's edge.
    let room = ((high - low) * 0.08).max(0.5);
    low -= room;
    high += room;
    if let Some((min, max)) = scale {
        low = low.max(min);
        high = high.min(max);
    }
    if high - low < 1e-9 {
        (low - 1.0, high + 1.0)
    } else {
        (low, high)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::measures::Better;
    use crate::progress::{ChangeRule, Goal, MeasureKey, TrendPoint};
    use jiff::civil::date;

    const FRAME: Frame = Frame {
        x: 100.0,
        top: 50.0,
        width: 40.0,
        height: 10.0,
    };

    fn ndi(values: &[(Date, f64)], goal: Option<f64>) -> Trend {
        Trend {
            key: MeasureKey::Instrument { id: "ndi".into() },
            label: "NDI".into(),
            unit: "/50".into(),
            rule: ChangeRule {
                better: Better::Lower,
                mdc: Some(10.2),
                mcid: Some(7.5),
            },
            min: 0.0,
            max: 50.0,
            normal: None,
            points: values
                .iter()
                .enumerate()
                .map(|(visit, (date, value))| TrendPoint {
                    visit,
                    date: *date,
                    value: *value,
                })
                .collect(),
            goal: goal.map(|target| Goal { target, met: false }),
            sources: Vec::new(),
        }
    }

    fn inside(frame: Frame, (x, y): (f32, f32)) -> bool {
        (frame.x..=frame.x + frame.width).contains(&x) && (frame.top..=frame.bottom()).contains(&y)
    }

    #[test]
    fn values_are_placed_by_date_and_height_inside_the_frame_with_the_band_around_the_baseline() {
        let (a, b, c) = (date(2026, 9, 7), date(2026, 9, 14), date(2026, 10, 19));
        let trend = ndi(&[(a, 22.0), (b, 17.0), (c, 7.0)], Some(10.0));
        let chart = sparkline(&trend, (a, c), FRAME);
        assert!(chart.points.iter().all(|p| inside(FRAME, *p)), "{chart:?}");
        let xs: Vec<f32> = chart.points.iter().map(|p| p.0).collect();
        let (left, right) = (FRAME.x + X_INSET, FRAME.x + FRAME.width - X_INSET);
        assert_eq!(xs[0], left, "the first visit at the left");
        assert_eq!(xs[2], right, "the latest at the right");
        // One week of six: a sixth of the way across.
        assert!(
            (xs[1] - (left + (right - left) / 6.0)).abs() < 0.01,
            "{xs:?}"
        );
        // Higher values higher up: 22 above 7.
        assert!(chart.points[0].1 < chart.points[2].1);
        let (top, bottom) = chart.band.expect("the NDI has an MDC");
        let baseline = chart.points[0].1;
        assert!(top < baseline && baseline < bottom);
        assert!(
            ((baseline - top) - (bottom - baseline)).abs() < 0.01,
            "the band is centred on the baseline"
        );
        // The latest value (15 points better) lies outside the ±10.2 band.
        assert!(chart.points[2].1 > bottom);
        let goal = chart.goal.expect("a goal");
        assert!(
            goal > chart.points[1].1 && goal < chart.points[2].1,
            "10 lies between 17 and 7"
        );
        assert!(chart.normal.is_none());
    }

    #[test]
    fn the_scale_never_passes_the_measure_s_range_and_one_value_or_one_day_still_draws() {
        let a = date(2026, 10, 1);
        // A baseline of 3/50 with an MDC of 10.2: the band would reach -7.2, the scale stops at 0.
        let trend = ndi(&[(a, 3.0)], None);
        let chart = sparkline(&trend, (a, a), FRAME);
        assert_eq!(chart.points.len(), 1);
        assert!(inside(FRAME, chart.points[0]));
        assert_eq!(
            chart.points[0].0,
            FRAME.x + FRAME.width / 2.0,
            "a single day: centred"
        );
        let (_, bottom) = chart.band.expect("band");
        assert_eq!(bottom, FRAME.bottom(), "clipped at the scale's 0");
        // Nothing to scale by at all: still inside the frame, never NaN.
        let flat = Trend {
            rule: ChangeRule {
                mdc: None,
                ..trend.rule
            },
            min: 5.0,
            max: 5.0,
            ..ndi(&[(a, 5.0), (a, 5.0)], None)
        };
        let chart = sparkline(&flat, (a, a), FRAME);
        assert!(
            chart
                .points
                .iter()
                .all(|p| inside(FRAME, *p) && p.1.is_finite())
        );
        assert!(chart.band.is_none());
    }
}
