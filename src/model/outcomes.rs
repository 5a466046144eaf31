//! What a visit measured besides the pain drawing: standardised outcome measures (NDI, ODI,
//! QuickDASH, LEFS), the Patient-Specific Functional Scale, active range of motion, and
//! measures the clinic defines. NPRS stays in the session's `pain_before`/`pain_after`; the
//! pressure-pain threshold stays on each trigger point.
//!
//! Every number is refused outside its measure's range where it enters: at load, by the
//! readers below (so `check` and the app give the file's line and column), and in the
//! document for edits ([`check`]). The ranges come from [`super::measures::catalog`].

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use super::Side;
use super::measures::{Better, catalog};
use super::ranges::{OutOfRange, Range};

/// The most activities a PSFS holds: the patient names three to five (Stratford et al. 1995).
pub const MAX_PSFS_ACTIVITIES: usize = 5;

/// A visit's outcome measures. Every part is optional: an empty `Outcomes` is a visit where
/// none were taken.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcomes {
    /// Scores of standardised instruments by the catalog's id (`"ndi": 18`), each within
    /// its instrument's range.
    #[serde(default, deserialize_with = "read_scores")]
    pub scores: BTreeMap<String, f32>,
    /// The Patient-Specific Functional Scale: the patient's own activities, each 0 (unable)
    /// to 10 (as before the problem); `None` when not taken, never an empty list.
    #[serde(default, deserialize_with = "read_psfs")]
    pub psfs: Option<Vec<PsfsActivity>>,
    /// Active range of motion, degrees.
    #[serde(default)]
    pub range_of_motion: Vec<RomMeasurement>,
    /// Measures the clinic defines, each carrying its own definition so the file stands
    /// alone.
    #[serde(default)]
    pub clinic_measures: Vec<ClinicMeasure>,
    /// Goals set with the patient, as a target value of a measure ("PSFS 8", "NDI 10"): the
    /// progress view draws them as lines and the progress report says whether each was met.
    /// The latest visit that sets a measure's target holds.
    #[serde(default, deserialize_with = "read_targets")]
    pub targets: Vec<Target>,
}

/// A goal: reach `value` on `measure`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// The measure's key: an instrument id (`"psfs"`, `"ndi"`), `"rom:MOVEMENT:left"` /
    /// `"rom:MOVEMENT"` for range of motion, `"clinic:NAME"` for a clinic measure.
    pub measure: String,
    pub value: f32,
}

impl Outcomes {
    pub fn is_empty(&self) -> bool {
        self.scores.is_empty()
            && self.psfs.is_none()
            && self.range_of_motion.is_empty()
            && self.clinic_measures.is_empty()
            && self.targets.is_empty()
    }

    /// The PSFS score: the mean of the activities' scores, `None` when not taken.
    pub fn psfs_mean(&self) -> Option<f64> {
        let activities = self.psfs.as_ref().filter(|a| !a.is_empty())?;
        let sum: f64 = activities.iter().map(|a| f64::from(a.score)).sum();
        Some(sum / activities.len() as f64)
    }

    /// The measurement of `movement` on `side`, if taken.
    pub fn movement(&self, movement: &str, side: Option<Side>) -> Option<&RomMeasurement> {
        self.range_of_motion
            .iter()
            .find(|m| m.movement == movement && m.side == side)
    }
}

/// One activity of the PSFS.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PsfsActivity {
    /// In the patient's words: "reversing the car", "lifting my grandson".
    pub activity: String,
    /// 0 = unable to perform, 10 = able as before the problem.
    #[serde(deserialize_with = "read_psfs_score")]
    pub score: u8,
}

/// One active range-of-motion measurement.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RomMeasurement {
    /// A movement of the catalog (`"cervical_rotation"`).
    pub movement: String,
    /// `Some(Left | Right)` for a sided movement, `None` for one of the spine's midline
    /// movements.
    pub side: Option<Side>,
    /// Degrees, 0 up to what the joint can do (the catalog's `limit`).
    pub degrees: f32,
    /// "pain at end range", "measured with an inclinometer".
    pub notes: String,
}

/// A measure the clinic defines: its name, unit, range, direction and thresholds, and the
/// visit's value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, try_from = "RawClinicMeasure")]
pub struct ClinicMeasure {
    /// What it is called; visits are matched by this name ("Grip strength").
    pub name: String,
    /// "kg", "s", "cm"; empty for a plain score.
    pub unit: String,
    pub min: f32,
    pub max: f32,
    pub better: Better,
    /// Minimal clinically important difference, in the unit; `None` when none is known.
    pub mcid: Option<f32>,
    /// Minimal detectable change (measurement error), in the unit; `None` when none is known.
    pub mdc: Option<f32>,
    pub value: f32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClinicMeasure {
    name: String,
    unit: String,
    min: f32,
    max: f32,
    better: Better,
    mcid: Option<f32>,
    mdc: Option<f32>,
    value: f32,
}

impl TryFrom<RawClinicMeasure> for ClinicMeasure {
    type Error = OutcomeError;

    fn try_from(raw: RawClinicMeasure) -> Result<Self, OutcomeError> {
        let measure = Self {
            name: raw.name,
            unit: raw.unit,
            min: raw.min,
            max: raw.max,
            better: raw.better,
            mcid: raw.mcid,
            mdc: raw.mdc,
            value: raw.value,
        };
        measure.check()?;
        Ok(measure)
    }
}

impl ClinicMeasure {
    /// The measure's definition is coherent and its value within its range.
    pub fn check(&self) -> Result<(), OutcomeError> {
        let problem = |problem: String| OutcomeError::ClinicMeasure {
            name: self.name.clone(),
            problem,
        };
        if !(self.min.is_finite() && self.max.is_finite() && self.min < self.max) {
            return Err(problem(format!(
                "its range {}–{} is not a range (min must be below max)",
                self.min, self.max
            )));
        }
        for (label, threshold) in [("mcid", self.mcid), ("mdc", self.mdc)] {
            if let Some(t) = threshold
                && !(t.is_finite() && t > 0.0 && t <= self.max - self.min)
            {
                return Err(problem(format!(
                    "its {label} is {t}; it must be above 0 and no more than the range's width ({})",
                    self.max - self.min
                )));
            }
        }
        if !(self.value.is_finite() && (self.min..=self.max).contains(&self.value)) {
            return Err(problem(format!(
                "the value {} is outside its range {}–{}{}",
                self.value,
                self.min,
                self.max,
                unit_suffix(&self.unit)
            )));
        }
        Ok(())
    }
}

fn unit_suffix(unit: &str) -> String {
    if unit.is_empty() {
        String::new()
    } else {
        format!(" {unit}")
    }
}

/// Why an outcome measure was refused.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum OutcomeError {
    #[error("{0}")]
    OutOfRange(OutOfRange),
    #[error("`{0}` is not an outcome measure myomap knows; the scores here are {known}", known = known_scores())]
    UnknownInstrument(String),
    #[error("{0}")]
    NotAScore(&'static str),
    #[error(
        "the PSFS has no activities; record at least one of the patient's activities, or leave the PSFS out (psfs: None)"
    )]
    EmptyPsfs,
    #[error(
        "the PSFS has {0} activities; it takes up to {MAX_PSFS_ACTIVITIES}, named by the patient"
    )]
    TooManyActivities(usize),
    #[error("`{0}` is not a movement myomap knows; the movements are listed in docs/format.md")]
    UnknownMovement(String),
    #[error("{0} is measured on one side: set side to Some(Left) or Some(Right)")]
    SideNeeded(String),
    #[error("{0} is not measured by side: write side: None")]
    SideNotTaken(String),
    #[error("{movement} is measured twice on the same side in one visit")]
    Repeated { movement: String },
    #[error("the goal for `{measure}`: {problem}")]
    Target { measure: String, problem: String },
    #[error("clinic measure \"{name}\": {problem}")]
    ClinicMeasure { name: String, problem: String },
}

fn known_scores() -> String {
    catalog()
        .scored()
        .map(|i| format!("`{}`", i.id))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The range of an instrument's score, for messages and widgets.
pub fn instrument_range(id: &str) -> Option<Range> {
    let instrument = catalog().instrument(id)?;
    Some(Range::new(
        &instrument.abbreviation,
        instrument.min,
        instrument.max,
        "",
    ))
}

/// The range of a movement in degrees: 0 up to what the joint can do.
pub fn movement_range(id: &str) -> Option<Range> {
    let movement = catalog().movement(id)?;
    Some(Range::new(&movement.id, 0.0, movement.limit, "°"))
}

/// One PSFS activity's score.
pub const PSFS_ACTIVITY: Range = Range::new("score", 0.0, 10.0, "");

/// An instrument's score within its range.
pub fn check_score(id: &str, value: f32) -> Result<(), OutcomeError> {
    match id {
        super::measures::NPRS => {
            return Err(OutcomeError::NotAScore(
                "the NPRS is the session's pain_before and pain_after, not a score here",
            ));
        }
        super::measures::PSFS => {
            return Err(OutcomeError::NotAScore(
                "the PSFS is written as its activities (psfs: Some([...])), not a score here",
            ));
        }
        _ => {}
    }
    let range = instrument_range(id).ok_or_else(|| OutcomeError::UnknownInstrument(id.into()))?;
    range
        .check(f64::from(value))
        .map_err(OutcomeError::OutOfRange)
}

/// The PSFS's activities: at least one, at most [`MAX_PSFS_ACTIVITIES`], each 0–10.
pub fn check_psfs(activities: &[PsfsActivity]) -> Result<(), OutcomeError> {
    if activities.is_empty() {
        return Err(OutcomeError::EmptyPsfs);
    }
    if activities.len() > MAX_PSFS_ACTIVITIES {
        return Err(OutcomeError::TooManyActivities(activities.len()));
    }
    activities.iter().try_for_each(|a| {
        PSFS_ACTIVITY
            .check(f64::from(a.score))
            .map_err(OutcomeError::OutOfRange)
    })
}

/// A range-of-motion measurement: a known movement, the right kind of side, degrees within
/// what the joint can do.
pub fn check_movement(
    movement: &str,
    side: Option<Side>,
    degrees: f32,
) -> Result<(), OutcomeError> {
    let known = catalog()
        .movement(movement)
        .ok_or_else(|| OutcomeError::UnknownMovement(movement.into()))?;
    match (known.sided, side) {
        (true, Some(Side::Left | Side::Right)) | (false, None) => {}
        (true, _) => return Err(OutcomeError::SideNeeded(known.label())),
        (false, Some(_)) => return Err(OutcomeError::SideNotTaken(known.label())),
    }
    let range = movement_range(movement).expect("the movement is in the catalog");
    range
        .check(f64::from(degrees))
        .map_err(OutcomeError::OutOfRange)
}

/// Every rule of a visit's outcomes: the document refuses an edit that breaks one, so a
/// session is never saved in a form it could not be read back in.
pub fn check(outcomes: &Outcomes) -> Result<(), OutcomeError> {
    for (id, value) in &outcomes.scores {
        check_score(id, *value)?;
    }
    if let Some(activities) = &outcomes.psfs {
        check_psfs(activities)?;
    }
    let mut seen = std::collections::HashSet::new();
    for m in &outcomes.range_of_motion {
        check_movement(&m.movement, m.side, m.degrees)?;
        if !seen.insert((m.movement.as_str(), m.side)) {
            return Err(OutcomeError::Repeated {
                movement: catalog()
                    .movement(&m.movement)
                    .map_or_else(|| m.movement.clone(), |known| known.label()),
            });
        }
    }
    outcomes
        .clinic_measures
        .iter()
        .try_for_each(ClinicMeasure::check)?;
    outcomes.targets.iter().try_for_each(check_target)
}

/// A goal names a measure myomap can follow, and a value within that measure's range.
pub fn check_target(target: &Target) -> Result<(), OutcomeError> {
    let bad = |problem: String| OutcomeError::Target {
        measure: target.measure.clone(),
        problem,
    };
    let value = f64::from(target.value);
    let range = if let Some(movement) = target.measure.strip_prefix("rom:") {
        let id = movement.split(':').next().unwrap_or_default();
        movement_range(id).ok_or_else(|| bad("no such movement".into()))?
    } else if target.measure.strip_prefix("clinic:").is_some() {
        // A clinic measure's range is its own definition, checked with its values.
        Range::new("value", f64::from(f32::MIN), f64::from(f32::MAX), "")
    } else {
        let instrument = catalog()
            .instrument(&target.measure)
            .ok_or_else(|| bad("no such measure".into()))?;
        Range::new(&instrument.abbreviation, instrument.min, instrument.max, "")
    };
    range.check(value).map_err(|out| bad(out.to_string()))
}

/// Reads `scores`, refusing each unknown instrument or out-of-range score at its value.
fn read_scores<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<BTreeMap<String, f32>, D::Error> {
    struct Scores;
    impl<'de> Visitor<'de> for Scores {
        type Value = BTreeMap<String, f32>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a map of instrument ids to scores, such as {\"ndi\": 18}")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut scores = BTreeMap::new();
            while let Some(id) = map.next_key::<String>()? {
                let value: f32 = map.next_value()?;
                check_score(&id, value).map_err(de::Error::custom)?;
                if scores.insert(id.clone(), normalized(value)).is_some() {
                    return Err(de::Error::custom(format!(
                        "the score `{id}` is written twice"
                    )));
                }
            }
            Ok(scores)
        }
    }
    deserializer.deserialize_map(Scores)
}

fn normalized(value: f32) -> f32 {
    if value == 0.0 { 0.0 } else { value }
}

fn read_psfs<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Vec<PsfsActivity>>, D::Error> {
    let activities = Option::<Vec<PsfsActivity>>::deserialize(deserializer)?;
    if let Some(activities) = &activities {
        check_psfs(activities).map_err(de::Error::custom)?;
    }
    Ok(activities)
}

fn read_targets<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Target>, D::Error> {
    let targets = Vec::<Target>::deserialize(deserializer)?;
    targets
        .iter()
        .try_for_each(check_target)
        .map_err(de::Error::custom)?;
    Ok(targets)
}

fn read_psfs_score<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u8, D::Error> {
    let score = u8::deserialize(deserializer)?;
    PSFS_ACTIVITY
        .check(f64::from(score))
        .map_err(de::Error::custom)?;
    Ok(score)
}

/// Read field by field so a refused value is reported where it is written (a `try_from`
/// would report the end of the group).
impl<'de> Deserialize<'de> for RomMeasurement {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        const FIELDS: &[&str] = &["movement", "side", "degrees", "notes"];

        #[derive(Deserialize)]
        #[serde(field_identifier, rename_all = "snake_case")]
        enum Key {
            Movement,
            Side,
            Degrees,
            Notes,
        }

        struct Measurement;
        impl<'de> Visitor<'de> for Measurement {
            type Value = RomMeasurement;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a range-of-motion measurement (movement, side, degrees, notes)")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut movement: Option<String> = None;
                let mut side: Option<Option<Side>> = None;
                let mut degrees: Option<f32> = None;
                let mut notes: Option<String> = None;
                let twice =
                    |field| de::Error::custom(format!("the field `{field}` is written twice"));
                while let Some(key) = map.next_key::<Key>()? {
                    match key {
                        Key::Movement => {
                            if movement.is_some() {
                                return Err(twice("movement"));
                            }
                            let id: String = map.next_value()?;
                            if catalog().movement(&id).is_none() {
                                return Err(de::Error::custom(OutcomeError::UnknownMovement(id)));
                            }
                            movement = Some(id);
                        }
                        Key::Side => {
                            if side.is_some() {
                                return Err(twice("side"));
                            }
                            side = Some(map.next_value()?);
                        }
                        Key::Degrees => {
                            if degrees.is_some() {
                                return Err(twice("degrees"));
                            }
                            let value: f32 = map.next_value()?;
                            // Checked here, at the value, when the movement is already known.
                            if let Some(id) = &movement
                                && let Some(range) = movement_range(id)
                            {
                                range.check(f64::from(value)).map_err(de::Error::custom)?;
                            }
                            degrees = Some(normalized(value));
                        }
                        Key::Notes => {
                            if notes.is_some() {
                                return Err(twice("notes"));
                            }
                            notes = Some(map.next_value()?);
                        }
                    }
                }
                let movement = movement.ok_or_else(|| de::Error::missing_field("movement"))?;
                let side = side.unwrap_or(None);
                let degrees = degrees.ok_or_else(|| de::Error::missing_field("degrees"))?;
                check_movement(&movement, side, degrees).map_err(de::Error::custom)?;
                Ok(RomMeasurement {
                    movement,
                    side,
                    degrees,
                    notes: notes.unwrap_or_default(),
                })
            }
        }

        deserializer.deserialize_struct("RomMeasurement", FIELDS, Measurement)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Outcomes, String> {
        ron::from_str(text)
            .map_err(|e| format!("{}:{}: {}", e.span.start.line, e.span.start.col, e.code))
    }

    #[test]
    fn scores_within_their_instruments_ranges_are_read() {
        let outcomes = read(
            r#"(scores: {"ndi": 18, "odi": 22.0, "quickdash": 34.1, "lefs": 51}, psfs: Some([(activity: "reversing the car", score: 3), (activity: "lifting", score: 5)]), range_of_motion: [(movement: "cervical_rotation", side: Some(Left), degrees: 55, notes: "")], clinic_measures: [])"#,
        )
        .expect("reads");
        assert_eq!(outcomes.scores.get("ndi"), Some(&18.0));
        assert_eq!(outcomes.psfs_mean(), Some(4.0));
        assert_eq!(outcomes.range_of_motion[0].degrees, 55.0);
        assert!(check(&outcomes).is_ok());
        assert!(read("()").expect("empty").is_empty());
    }

    #[test]
    fn a_score_outside_its_range_is_refused_at_its_value_with_the_range() {
        let error = read("(\n  scores: {\n    \"ndi\": 60,\n  },\n)").expect_err("NDI is 0–50");
        assert!(error.starts_with("3:"), "{error}");
        assert!(
            error.contains("NDI is 60, outside the range myomap takes there (0–50)"),
            "{error}"
        );
        let error = read(r#"(scores: {"lefs": -1})"#).expect_err("negative");
        assert!(error.contains("LEFS"), "{error}");
        let error = read(r#"(scores: {"odi": NaN})"#).expect_err("nan");
        assert!(error.contains("not a finite number"), "{error}");
        let error = read(r#"(scores: {"ndx": 1})"#).expect_err("unknown");
        assert!(
            error.contains("`ndx` is not an outcome measure") && error.contains("`ndi`"),
            "{error}"
        );
        let error = read(r#"(scores: {"nprs": 1})"#).expect_err("NPRS is pain_before");
        assert!(error.contains("pain_before"), "{error}");
    }

    #[test]
    fn a_psfs_with_no_activities_or_a_score_over_ten_is_refused() {
        let error = read("(psfs: Some([]))").expect_err("empty");
        assert!(error.contains("the PSFS has no activities"), "{error}");
        let error = read(r#"(psfs: Some([(activity: "walking", score: 11)]))"#).expect_err("11");
        assert!(
            error.contains("score is 11, outside the range myomap takes there (0–10)"),
            "{error}"
        );
        let six = (0..6)
            .map(|i| format!("(activity: \"a{i}\", score: 1)"))
            .collect::<Vec<_>>()
            .join(",");
        let error = read(&format!("(psfs: Some([{six}]))")).expect_err("six");
        assert!(error.contains("up to 5"), "{error}");
    }

    #[test]
    fn a_range_of_motion_beyond_what_the_joint_can_do_is_refused_at_its_value() {
        let text = "(\n  range_of_motion: [\n    (\n      movement: \"cervical_rotation\",\n      side: Some(Right),\n      degrees: 250,\n      notes: \"\",\n    ),\n  ],\n)";
        let error = read(text).expect_err("250° of neck rotation");
        assert!(error.starts_with("6:"), "{error}");
        assert!(
            error.contains(
                "cervical_rotation is 250, outside the range myomap takes there (0–110°)"
            ),
            "{error}"
        );
        let error = read(
            r#"(range_of_motion: [(movement: "cervical_rotation", side: None, degrees: 50)])"#,
        )
        .expect_err("side needed");
        assert!(error.contains("Some(Left) or Some(Right)"), "{error}");
        let error = read(
            r#"(range_of_motion: [(movement: "cervical_flexion", side: Some(Left), degrees: 30)])"#,
        )
        .expect_err("no side");
        assert!(error.contains("side: None"), "{error}");
        let error =
            read(r#"(range_of_motion: [(movement: "neck_twist", side: None, degrees: 30)])"#)
                .expect_err("unknown");
        assert!(error.contains("`neck_twist` is not a movement"), "{error}");
        let error = read(
            r#"(range_of_motion: [(degrees: -5, movement: "hip_flexion", side: Some(Left))])"#,
        )
        .expect_err("negative, fields reordered");
        assert!(error.contains("hip_flexion is -5"), "{error}");
    }

    #[test]
    fn a_clinic_measure_carries_its_definition_and_its_value_stays_within_it() {
        let ok = r#"(clinic_measures: [(name: "Grip strength", unit: "kg", min: 0, max: 100, better: Higher, mcid: Some(6.5), mdc: None, value: 28)])"#;
        assert_eq!(read(ok).expect("reads").clinic_measures[0].value, 28.0);
        let error = read(&ok.replace("value: 28", "value: 120")).expect_err("out of its range");
        assert!(
            error.contains(
                "clinic measure \"Grip strength\": the value 120 is outside its range 0–100 kg"
            ),
            "{error}"
        );
        let error = read(&ok.replace("max: 100", "max: 0")).expect_err("no range");
        assert!(error.contains("not a range"), "{error}");
    }

    #[test]
    fn the_same_movement_twice_on_one_side_is_refused_by_check() {
        let m = |side| RomMeasurement {
            movement: "cervical_rotation".into(),
            side: Some(side),
            degrees: 50.0,
            notes: String::new(),
        };
        let mut outcomes = Outcomes {
            range_of_motion: vec![m(Side::Left), m(Side::Right)],
            ..Outcomes::default()
        };
        assert!(check(&outcomes).is_ok());
        outcomes.range_of_motion.push(m(Side::Left));
        assert!(matches!(
            check(&outcomes),
            Err(OutcomeError::Repeated { .. })
        ));
    }
}
