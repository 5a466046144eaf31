//! Progress across a patient's visits: one trend per outcome measure (NPRS, PSFS, NDI, ODI,
//! QuickDASH, LEFS, range of motion, clinic measures), each change labelled against the
//! measure's minimal detectable change and minimal clinically important difference, the
//! goals set for them, and each trigger point followed across visits with its pressure-pain
//! threshold. Plain data, no egui: the progress view, `compare --json` and the progress
//! report all read it.

use jiff::civil::Date;
use serde::Serialize;

use crate::model::measures::{Better, Threshold, catalog};
use crate::model::{MarkId, Session, Side, TriggerPointStatus};

#[cfg(test)]
mod tests;

/// How a change between two values of a measure reads clinically. Never progress when it is
/// within measurement error or worse.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeLabel {
    /// Improved by at least the MCID (and beyond measurement error).
    ExceedsMcid,
    /// Improved beyond measurement error but by less than the MCID.
    ImprovedBelowMcid,
    /// Improved beyond measurement error; the measure has no MCID.
    Improved,
    /// Smaller than the minimal detectable change either way: not progress, not worsening.
    WithinMeasurementError,
    /// Worse by at least the minimal detectable change.
    Worse,
}

impl ChangeLabel {
    pub fn text(self) -> &'static str {
        match self {
            Self::ExceedsMcid => "exceeds MCID",
            Self::ImprovedBelowMcid => "improved, below MCID",
            Self::Improved => "improved beyond measurement error",
            Self::WithinMeasurementError => "within measurement error",
            Self::Worse => "worse",
        }
    }

    /// Whether the change may be shown as progress.
    pub fn is_progress(self) -> bool {
        matches!(
            self,
            Self::ExceedsMcid | Self::ImprovedBelowMcid | Self::Improved
        )
    }
}

/// What decides a measure's change labels.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ChangeRule {
    pub better: Better,
    /// Minimal detectable change; `None` when none is known (then any change is beyond it).
    pub mdc: Option<f64>,
    /// Minimal clinically important difference; `None` when none is known.
    pub mcid: Option<f64>,
}

impl ChangeRule {
    /// Labels the change from `from` to `to`. A change exactly at the MDC is beyond
    /// measurement error, and one exactly at the MCID reaches it (the thresholds are the
    /// smallest changes that count). An MCID smaller than the MDC cannot be claimed inside
    /// measurement error: the change must pass both.
    pub fn classify(&self, from: f64, to: f64) -> ChangeLabel {
        // Scores such as a PSFS mean are sums divided by counts: compare with a tolerance
        // far below any instrument's step so 2.0000000001 and 1.9999999 read as 2.
        let tolerance = 1e-6 * from.abs().max(to.abs()).max(1.0);
        let improvement = (to - from) * self.better.sign();
        let error = self.mdc.unwrap_or(0.0);
        if improvement.abs() + tolerance < error || improvement.abs() <= tolerance {
            return ChangeLabel::WithinMeasurementError;
        }
        if improvement < 0.0 {
            return ChangeLabel::Worse;
        }
        match self.mcid {
            Some(mcid) if improvement + tolerance >= mcid => ChangeLabel::ExceedsMcid,
            Some(_) => ChangeLabel::ImprovedBelowMcid,
            None => ChangeLabel::Improved,
        }
    }
}

/// Which measure a trend follows.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MeasureKey {
    /// A catalog instrument: `nprs`, `psfs`, `ndi`, `odi`, `quickdash`, `lefs`.
    Instrument { id: String },
    /// Active range of motion of a movement, on one side for sided movements.
    RangeOfMotion {
        movement: String,
        side: Option<Side>,
    },
    /// A clinic-defined measure, matched across visits by name.
    Clinic { name: String },
    /// One activity of the PSFS, matched across visits by the patient's words.
    PsfsActivity { activity: String },
}

impl MeasureKey {
    /// The key as written in a goal (`Target::measure`): `ndi`, `rom:cervical_rotation:left`,
    /// `clinic:Grip strength`.
    pub fn target_key(&self) -> String {
        match self {
            Self::Instrument { id } => id.clone(),
            Self::RangeOfMotion { movement, side } => match side {
                Some(side) => format!("rom:{movement}:{}", side.label()),
                None => format!("rom:{movement}"),
            },
            Self::Clinic { name } => format!("clinic:{name}"),
            Self::PsfsActivity { activity } => format!("psfs:{activity}"),
        }
    }
}

/// One visit's value of a measure.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TrendPoint {
    /// Index of the visit in the sessions given to [`trends`].
    pub visit: usize,
    pub date: Date,
    pub value: f64,
}

/// The change between two values of a measure, labelled.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Change {
    pub from: f64,
    pub to: f64,
    /// `to - from`, in the measure's unit.
    pub delta: f64,
    pub label: ChangeLabel,
}

/// Whether a goal was reached at the latest visit.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Goal {
    pub target: f64,
    pub met: bool,
}

/// A measure followed over the visits where it was taken.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Trend {
    pub key: MeasureKey,
    /// "NDI", "Cervical spine rotation (left)", "Grip strength".
    pub label: String,
    /// Shown after a value: "/50", "°", "kg".
    pub unit: String,
    pub rule: ChangeRule,
    /// The measure's scale, for charts.
    pub min: f64,
    pub max: f64,
    /// A normal value (range of motion), drawn as a reference line.
    pub normal: Option<f64>,
    pub points: Vec<TrendPoint>,
    pub goal: Option<Goal>,
    /// Where the MDC and MCID come from.
    pub sources: Vec<String>,
}

impl Trend {
    /// Baseline (first value) against latest, labelled; `None` with fewer than two values.
    pub fn change(&self) -> Option<Change> {
        let (first, last) = (self.points.first()?, self.points.last()?);
        (self.points.len() >= 2).then(|| self.change_between(first.value, last.value))
    }

    /// Each visit against the one before it.
    pub fn steps(&self) -> Vec<Change> {
        self.points
            .windows(2)
            .map(|pair| self.change_between(pair[0].value, pair[1].value))
            .collect()
    }

    fn change_between(&self, from: f64, to: f64) -> Change {
        Change {
            from,
            to,
            delta: to - from,
            label: self.rule.classify(from, to),
        }
    }

    /// A value with its unit: "18/50", "55°", "4.3/10", "28 kg".
    pub fn format(&self, value: f64) -> String {
        let number = format_number(value);
        match self.unit.as_str() {
            "" => number,
            unit if unit.starts_with('/') || unit == "%" || unit == "°" => {
                format!("{number}{unit}")
            }
            unit => format!("{number} {unit}"),
        }
    }
}

/// A number with at most one decimal, without a trailing ".0".
pub fn format_number(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

/// A signed change: "+2", "−7.5" (with a true minus sign).
pub fn format_delta(delta: f64) -> String {
    let number = format_number(delta.abs());
    if number == "0" {
        "0".to_owned()
    } else if delta < 0.0 {
        format!("−{number}")
    } else {
        format!("+{number}")
    }
}

/// A recorded 32-bit value as the decimal it was written as (1.6, not 1.600000023841858), so
/// changes and JSON read as the clinician's numbers.
pub fn decimal(value: f32) -> f64 {
    value.to_string().parse().unwrap_or(f64::from(value))
}

fn threshold(t: &Threshold) -> Option<f64> {
    Some(t.value)
}

/// "MDC 10.2: Young BA et al. …" and "MCID 7.5: …", each figure followed by `of` (" (one
/// activity)").
fn threshold_sources(mdc: &Threshold, mcid: &Threshold, of: &str) -> Vec<String> {
    [("MDC", mdc), ("MCID", mcid)]
        .into_iter()
        .map(|(name, t)| format!("{name} {}{of}: {}", format_number(t.value), t.source))
        .collect()
}

/// Every measure taken in `sessions` (oldest first), one trend each, in a stable order:
/// NPRS, PSFS, the other instruments in catalog order, range of motion in catalog order
/// (left before right), then clinic measures by name.
pub fn trends(sessions: &[&Session]) -> Vec<Trend> {
    let catalog = catalog();
    let date = |s: &Session| s.started_at.date();
    let mut trends = Vec::new();
    let instrument_trend = |id: &str, points: Vec<TrendPoint>| {
        let instrument = catalog.instrument(id)?;
        (!points.is_empty()).then(|| Trend {
            key: MeasureKey::Instrument { id: id.to_owned() },
            label: instrument.abbreviation.clone(),
            unit: instrument.unit.clone(),
            rule: ChangeRule {
                better: instrument.better,
                mdc: threshold(&instrument.mdc),
                mcid: threshold(&instrument.mcid),
            },
            min: instrument.min,
            max: instrument.max,
            normal: None,
            points,
            goal: None,
            sources: threshold_sources(&instrument.mdc, &instrument.mcid, ""),
        })
    };
    let points = |value: &dyn Fn(&Session) -> Option<f64>| -> Vec<TrendPoint> {
        sessions
            .iter()
            .enumerate()
            .filter_map(|(visit, s)| {
                value(s).map(|value| TrendPoint {
                    visit,
                    date: date(s),
                    value,
                })
            })
            .collect()
    };
    trends.extend(instrument_trend(
        crate::model::measures::NPRS,
        points(&|s| s.pain_before.map(|p| f64::from(p.0))),
    ));
    trends.extend(instrument_trend(
        crate::model::measures::PSFS,
        points(&|s| s.outcomes.psfs_mean()),
    ));
    for instrument in catalog.scored() {
        trends.extend(instrument_trend(
            &instrument.id,
            points(&|s| s.outcomes.scores.get(&instrument.id).map(|v| decimal(*v))),
        ));
    }
    for movement in &catalog.movements {
        let sides: &[Option<Side>] = if movement.sided {
            &[Some(Side::Left), Some(Side::Right)]
        } else {
            &[None]
        };
        for side in sides {
            let values = points(&|s| {
                s.outcomes
                    .movement(&movement.id, *side)
                    .map(|m| decimal(m.degrees))
            });
            if values.is_empty() {
                continue;
            }
            let label = match side {
                Some(side) => format!("{} ({})", movement.label(), side.label()),
                None => movement.label(),
            };
            trends.push(Trend {
                key: MeasureKey::RangeOfMotion {
                    movement: movement.id.clone(),
                    side: *side,
                },
                label,
                unit: "°".to_owned(),
                rule: ChangeRule {
                    better: Better::Higher,
                    mdc: Some(movement.mdc),
                    mcid: None,
                },
                min: 0.0,
                max: movement.limit,
                normal: Some(movement.normal),
                points: values,
                goal: None,
                sources: vec![catalog.range_of_motion_sources.clone()],
            });
        }
    }
    trends.extend(clinic_trends(sessions));
    apply_goals(&mut trends, sessions);
    trends
}

/// Clinic measures matched by name (ignoring case and surrounding spaces); the latest
/// visit's definition gives the range, direction and thresholds.
fn clinic_trends(sessions: &[&Session]) -> Vec<Trend> {
    let mut by_name: std::collections::BTreeMap<String, Trend> = Default::default();
    for (visit, session) in sessions.iter().enumerate() {
        for measure in &session.outcomes.clinic_measures {
            let key = measure.name.trim().to_lowercase();
            let trend = by_name.entry(key).or_insert_with(|| Trend {
                key: MeasureKey::Clinic {
                    name: measure.name.trim().to_owned(),
                },
                label: measure.name.trim().to_owned(),
                unit: String::new(),
                rule: ChangeRule {
                    better: measure.better,
                    mdc: None,
                    mcid: None,
                },
                min: 0.0,
                max: 0.0,
                normal: None,
                points: Vec::new(),
                goal: None,
                sources: vec!["Defined by the clinic.".to_owned()],
            });
            trend.unit = measure.unit.clone();
            trend.rule = ChangeRule {
                better: measure.better,
                mdc: measure.mdc.map(decimal),
                mcid: measure.mcid.map(decimal),
            };
            trend.min = decimal(measure.min);
            trend.max = decimal(measure.max);
            if trend.points.last().is_some_and(|p| p.visit == visit) {
                continue; // the same measure twice in one visit: the first one counts
            }
            trend.points.push(TrendPoint {
                visit,
                date: session.started_at.date(),
                value: decimal(measure.value),
            });
        }
    }
    by_name.into_values().collect()
}

/// Each activity of the PSFS in `sessions` (oldest first) followed on its own, in the order
/// the patient first named them, matched by their words (ignoring case and surrounding
/// spaces): scored 0–10, higher is better, labelled against the catalog's single-activity
/// MDC and MCID (larger than those of the mean). No goals: targets are set on the mean.
pub fn psfs_activity_trends(sessions: &[&Session]) -> Vec<Trend> {
    let catalog = catalog();
    let thresholds = &catalog.psfs_activity;
    let psfs = catalog.psfs();
    let mut trends: Vec<Trend> = Vec::new();
    for (visit, session) in sessions.iter().enumerate() {
        for activity in session.outcomes.psfs.iter().flatten() {
            let words = activity.activity.trim();
            let found = trends
                .iter()
                .position(|t| t.label.to_lowercase() == words.to_lowercase());
            let index = found.unwrap_or_else(|| {
                trends.push(Trend {
                    key: MeasureKey::PsfsActivity {
                        activity: words.to_owned(),
                    },
                    label: words.to_owned(),
                    unit: psfs.unit.clone(),
                    rule: ChangeRule {
                        better: Better::Higher,
                        mdc: Some(thresholds.mdc.value),
                        mcid: Some(thresholds.mcid.value),
                    },
                    min: psfs.min,
                    max: psfs.max,
                    normal: None,
                    points: Vec::new(),
                    goal: None,
                    sources: threshold_sources(
                        &thresholds.mdc,
                        &thresholds.mcid,
                        " (one activity)",
                    ),
                });
                trends.len() - 1
            });
            let trend = &mut trends[index];
            if trend.points.last().is_some_and(|p| p.visit == visit) {
                continue; // named twice in one visit: the first one counts
            }
            trend.points.push(TrendPoint {
                visit,
                date: session.started_at.date(),
                value: f64::from(activity.score),
            });
        }
    }
    trends
}

/// Each trend's goal: the latest target for it among `sessions` (oldest first), met when the
/// trend's latest value is at least as good. [`trends`] takes the goals from its own visits;
/// a report of part of a course of care gives the visits before it too, whose goals still
/// hold.
pub fn apply_goals(trends: &mut [Trend], sessions: &[&Session]) {
    for trend in trends {
        let key = trend.key.target_key();
        let target = sessions.iter().rev().find_map(|s| {
            s.outcomes
                .targets
                .iter()
                .rev()
                .find(|t| t.measure.eq_ignore_ascii_case(&key))
                .map(|t| decimal(t.value))
        });
        trend.goal = target.map(|target| {
            let latest = trend.points.last().map(|p| p.value);
            let met = latest.is_some_and(|value| match trend.rule.better {
                Better::Higher => value >= target,
                Better::Lower => value <= target,
            });
            Goal { target, met }
        });
    }
}

/// One visit of a followed trigger point.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TrackPoint {
    pub visit: usize,
    pub date: Date,
    pub id: MarkId,
    pub status: TriggerPointStatus,
    /// Pressure-pain threshold, kg/cm².
    pub pressure_pain_threshold: Option<f32>,
    /// Copied from the visit before and not re-examined: its findings are not this visit's.
    pub carried_forward: bool,
}

/// One trigger point followed across visits: matched visit to visit as the comparison
/// matches them (same view, muscle and side, nearest within the matching distance).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TriggerPointTrack {
    pub muscle: Option<String>,
    pub side: Side,
    pub view: String,
    pub points: Vec<TrackPoint>,
    /// First against last pressure-pain threshold measured at a re-examined visit.
    pub ppt_change: Option<Change>,
    /// Whether it was still present at the last of the visits given.
    pub present_at_last_visit: bool,
}

impl TriggerPointTrack {
    /// "Upper trapezius (right)".
    pub fn label(&self) -> String {
        let muscle = self
            .muscle
            .as_deref()
            .map(|id| {
                crate::bodymap::standard()
                    .map
                    .muscle(id)
                    .map_or_else(|| id.to_owned(), |m| m.name.clone())
            })
            .unwrap_or_else(|| "Muscle not set".to_owned());
        format!("{muscle} ({})", self.side.label())
    }

    /// The track's point for a trigger point of visit `visit`.
    pub fn at(&self, visit: usize, id: MarkId) -> bool {
        self.points.iter().any(|p| p.visit == visit && p.id == id)
    }
}

/// The rule for pressure-pain thresholds (higher: less tender), from the catalog.
pub fn ppt_rule() -> ChangeRule {
    let ppt = &catalog().pressure_pain_threshold;
    ChangeRule {
        better: Better::Higher,
        mdc: Some(ppt.mdc.value),
        mcid: Some(ppt.mcid.value),
    }
}

/// Every trigger point of `sessions` (oldest first) followed across visits.
pub fn trigger_point_tracks(sessions: &[&Session]) -> Vec<TriggerPointTrack> {
    let mut tracks: Vec<TriggerPointTrack> = Vec::new();
    // Which track each trigger point of the previous visit belongs to.
    let mut previous: Vec<(MarkId, usize)> = Vec::new();
    for (visit, session) in sessions.iter().enumerate() {
        let matched = match visit.checked_sub(1).map(|v| sessions[v]) {
            Some(earlier) => {
                let matches = crate::metrics::match_trigger_points(earlier, session);
                let mut pairs: Vec<(MarkId, MarkId)> = matches.persisting;
                pairs.extend(
                    matches
                        .not_reexamined
                        .iter()
                        .filter_map(|(a, b)| a.map(|a| (a, *b))),
                );
                pairs
            }
            None => Vec::new(),
        };
        let mut current = Vec::new();
        for tp in &session.trigger_points {
            let track = matched
                .iter()
                .find(|(_, later)| *later == tp.id)
                .and_then(|(earlier, _)| previous.iter().find(|(id, _)| id == earlier))
                .map(|(_, track)| *track);
            let track = track.unwrap_or_else(|| {
                tracks.push(TriggerPointTrack {
                    muscle: tp.muscle.as_ref().map(|m| m.0.clone()),
                    side: tp.side,
                    view: tp.view.as_str().to_owned(),
                    points: Vec::new(),
                    ppt_change: None,
                    present_at_last_visit: false,
                });
                tracks.len() - 1
            });
            tracks[track].points.push(TrackPoint {
                visit,
                date: session.started_at.date(),
                id: tp.id,
                status: tp.status,
                pressure_pain_threshold: tp.pressure_pain_threshold,
                carried_forward: tp.carried_forward,
            });
            current.push((tp.id, track));
        }
        previous = current;
    }
    let last = sessions.len().checked_sub(1);
    let rule = ppt_rule();
    for track in &mut tracks {
        track.present_at_last_visit = track.points.last().map(|p| p.visit) == last;
        let measured: Vec<f64> = track
            .points
            .iter()
            .filter(|p| !p.carried_forward)
            .filter_map(|p| p.pressure_pain_threshold.map(decimal))
            .collect();
        if let [first, .., last] = measured.as_slice() {
            track.ppt_change = Some(Change {
                from: *first,
                to: *last,
                delta: last - first,
                label: rule.classify(*first, *last),
            });
        }
    }
    tracks
}
