//! The range of every number a record holds. A value outside its range (NaN, an infinity, a
//! 40-gauge-wide needle, a 10⁹-minute retention) is damage, never a finding: it is refused
//! where it enters — at load with the file's line and column (through the `deserialize_with`
//! readers below, so `ron` reports the position), and in the document for edits — so no
//! report, chart or CSV ever prints `NaN` or `inf`. Each range and where it comes from is
//! listed in `docs/format.md`.

use serde::{Deserialize, Deserializer};

use super::{
    Edit, ElectricalStimulation, Field, MarkUpdate, NeedleSite, PainScore, PaintOp, TriggerPoint,
};
use crate::geometry::MapPoint;

/// The allowed values of one numeric field: `min..=max` in `unit`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range {
    /// The field's name as written in the file.
    pub field: &'static str,
    pub min: f64,
    pub max: f64,
    /// Shown after the numbers ("mm", "kg/cm²"); empty for a plain count or score.
    pub unit: &'static str,
}

/// Pain on the 11-point Numeric Pain Rating Scale, 0–10 (Hawker et al. 2011, *Arthritis Care
/// Res* 63 S11): the session's pain before and after treatment, and a complaint's pain.
pub const PAIN_BEFORE: Range = Range::new("pain_before", 0.0, 10.0, "");
/// See [`PAIN_BEFORE`].
pub const PAIN_AFTER: Range = Range::new("pain_after", 0.0, 10.0, "");
/// See [`PAIN_BEFORE`].
pub const COMPLAINT_PAIN: Range = Range::new("pain", 0.0, 10.0, "");
/// A referred-pain zone's intensity, on the same 0–10 scale as the NPRS ([`PAIN_BEFORE`]).
pub const ZONE_INTENSITY: Range = Range::new("intensity", 0.0, 10.0, "");
/// Pressure-pain threshold by algometer, kg/cm²: clinical algometers read up to 10–20 kgf/cm²
/// (Fischer 1987, *Pain* 30:115; Park et al. 2011, *Ann Rehabil Med* 35:412).
pub const PRESSURE_PAIN_THRESHOLD: Range =
    Range::new("pressure_pain_threshold", 0.0, 20.0, "kg/cm²");
/// Filiform needle diameter, mm: dry-needling and acupuncture needles run 0.12–0.40 mm
/// (ISO 17218:2014 sterile acupuncture needles; Dunning et al. 2014, *J Man Manip Ther* 22:134).
pub const NEEDLE_DIAMETER: Range = Range::new("diameter_mm", 0.1, 0.5, "mm");
/// Filiform needle length, mm: 13–125 mm needles are sold for dry needling; 5–150 mm allows
/// every needle made.
pub const NEEDLE_LENGTH: Range = Range::new("length_mm", 5.0, 150.0, "mm");
/// Depth reached, mm: no deeper than the longest needle (and `check` reports a depth beyond
/// the site's own needle).
pub const DEPTH: Range = Range::new("depth_mm", 0.0, 150.0, "mm");
/// Local twitch responses at one site: a few to a few dozen in practice (Hong 1994, *Am J
/// Phys Med Rehabil* 73:256); 1,000 is far past any real count.
pub const TWITCH_COUNT: Range = Range::new(
    "twitch_count",
    0.0,
    super::session::MAX_TWITCH_RESPONSES as f64,
    "",
);
/// Time a needle stays in, minutes: static retention is 5–30 min in the dry-needling
/// literature (Dunning et al. 2014); two hours bounds any session.
pub const RETENTION: Range = Range::new("retention_min", 0.0, 120.0, "min");
/// Electrical stimulation through the needle, Hz: percutaneous electrical nerve stimulation
/// uses 2–100 Hz (Plaza-Manzano et al. 2020, *Acupunct Med* 38:183); 0.1–200 Hz allows every
/// stimulator setting.
pub const STIMULATION_FREQUENCY: Range = Range::new("frequency_hz", 0.1, 200.0, "Hz");
/// Electrical stimulation time, minutes (typically 10–20 min).
pub const STIMULATION_DURATION: Range = Range::new("duration_min", 0.0, 120.0, "min");
/// A brush or eraser stroke's radius, mm: the largest brush covers a whole back.
pub const BRUSH_RADIUS: Range = Range::new(
    "radius",
    0.1,
    super::session::MAX_BRUSH_RADIUS_MM as f64,
    "mm",
);
/// A position on a view, mm (body maps) or pixels (custom diagrams, at most 8,192 px wide):
/// 20 m from the origin is off any view. `check` also compares each mark with its view's
/// own bounds.
pub const COORDINATE: Range = Range::new("at", -20_000.0, 20_000.0, "");
/// [`COORDINATE`] for an arrow's start.
pub const FROM: Range = Range {
    field: "from",
    ..COORDINATE
};
/// [`COORDINATE`] for an arrow's end.
pub const TO: Range = Range {
    field: "to",
    ..COORDINATE
};
/// [`COORDINATE`] for the points of a stroke.
pub const POINTS: Range = Range {
    field: "points",
    ..COORDINATE
};
/// Needles counted in one session.
pub const INSERTED: Range = Range::new("inserted", 0.0, 1000.0, "");
/// Needles counted out of one session.
pub const REMOVED: Range = Range {
    field: "removed",
    ..INSERTED
};

impl Range {
    pub const fn new(field: &'static str, min: f64, max: f64, unit: &'static str) -> Self {
        Self {
            field,
            min,
            max,
            unit,
        }
    }

    /// `Ok` for a finite value within the range.
    pub fn check(&self, value: f64) -> Result<(), OutOfRange> {
        if value.is_finite() && (self.min..=self.max).contains(&value) {
            Ok(())
        } else {
            Err(OutOfRange {
                range: *self,
                value: value.is_finite().then_some(value),
            })
        }
    }

    /// The range for an egui `DragValue` or `Slider` of `f32`.
    pub fn f32s(&self) -> std::ops::RangeInclusive<f32> {
        self.min as f32..=self.max as f32
    }

    /// The range for an integer widget.
    pub fn u32s(&self) -> std::ops::RangeInclusive<u32> {
        self.min as u32..=self.max as u32
    }

    /// "0–20 kg/cm²".
    pub fn describe(&self) -> String {
        let unit = if self.unit.is_empty() || self.unit == "°" {
            self.unit.to_owned()
        } else {
            format!(" {}", self.unit)
        };
        format!("{}–{}{unit}", self.min, self.max)
    }
}

/// A value outside its field's range; `value` is `None` when it is not a finite number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OutOfRange {
    pub range: Range,
    pub value: Option<f64>,
}

impl std::fmt::Display for OutOfRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let range = self.range.describe();
        match self.value {
            Some(value) => write!(
                f,
                "{} is {}, outside the range myomap takes there ({range})",
                self.range.field,
                shown(value)
            ),
            None => write!(
                f,
                "{} is not a finite number; myomap takes {range} there",
                self.range.field
            ),
        }
    }
}

/// A value as written in a file: the shortest form of the 32-bit number it was read as
/// (0.8, not 0.800000011920929), in scientific notation when it is huge.
fn shown(value: f64) -> String {
    let single = value as f32;
    if single.abs() >= 1e7 {
        format!("{single:e}")
    } else {
        single.to_string()
    }
}

/// A number type a range applies to.
pub trait Ranged: Sized {
    /// Checks the value (each value of a list or option).
    fn check_in(&self, range: &Range) -> Result<(), OutOfRange>;

    /// The value with `-0.0` read as `0.0`, so no output ever shows "-0".
    fn normalized(self) -> Self {
        self
    }
}

macro_rules! ranged_number {
    ($($ty:ty),*) => {$(
        impl Ranged for $ty {
            fn check_in(&self, range: &Range) -> Result<(), OutOfRange> {
                range.check(f64::from(*self))
            }
        }
    )*};
}
ranged_number!(u8, u32);

impl Ranged for f32 {
    fn check_in(&self, range: &Range) -> Result<(), OutOfRange> {
        range.check(f64::from(*self))
    }

    fn normalized(self) -> Self {
        if self == 0.0 { 0.0 } else { self }
    }
}

impl Ranged for super::PainScore {
    fn check_in(&self, range: &Range) -> Result<(), OutOfRange> {
        self.0.check_in(range)
    }
}

impl<T: Ranged> Ranged for Option<T> {
    fn check_in(&self, range: &Range) -> Result<(), OutOfRange> {
        self.as_ref().map_or(Ok(()), |value| value.check_in(range))
    }

    fn normalized(self) -> Self {
        self.map(Ranged::normalized)
    }
}

impl Ranged for MapPoint {
    fn check_in(&self, range: &Range) -> Result<(), OutOfRange> {
        self.x.check_in(range)?;
        self.y.check_in(range)
    }

    fn normalized(self) -> Self {
        MapPoint::new(self.x.normalized(), self.y.normalized())
    }
}

impl Ranged for Vec<MapPoint> {
    fn check_in(&self, range: &Range) -> Result<(), OutOfRange> {
        self.iter().try_for_each(|point| point.check_in(range))
    }

    fn normalized(self) -> Self {
        self.into_iter().map(Ranged::normalized).collect()
    }
}

/// Reads a `T` and refuses it outside `range`, as a deserialisation error (so the file's
/// reader reports the line and column).
fn read<'de, D: Deserializer<'de>, T: Deserialize<'de> + Ranged>(
    deserializer: D,
    range: &Range,
) -> Result<T, D::Error> {
    let value = T::deserialize(deserializer)?;
    value
        .check_in(range)
        .map_err(serde::de::Error::custom)
        .map(|()| value.normalized())
}

/// `#[serde(deserialize_with = "…")]` readers, one per field and range.
macro_rules! readers {
    ($($name:ident: $ty:ty = $range:ident;)*) => {$(
        #[doc = concat!("Reads a `", stringify!($ty), "` within [`", stringify!($range), "`].")]
        pub fn $name<'de, D: Deserializer<'de>>(deserializer: D) -> Result<$ty, D::Error> {
            read(deserializer, &$range)
        }
    )*};
}

readers! {
    pain_before: Option<PainScore> = PAIN_BEFORE;
    pain_after: Option<PainScore> = PAIN_AFTER;
    complaint_pain: Option<PainScore> = COMPLAINT_PAIN;
    zone_intensity: u8 = ZONE_INTENSITY;
    pressure_pain_threshold: Option<f32> = PRESSURE_PAIN_THRESHOLD;
    needle_diameter: f32 = NEEDLE_DIAMETER;
    needle_length: f32 = NEEDLE_LENGTH;
    depth: Option<f32> = DEPTH;
    twitch_count: Option<u32> = TWITCH_COUNT;
    retention: Option<f32> = RETENTION;
    stimulation_frequency: f32 = STIMULATION_FREQUENCY;
    stimulation_duration: f32 = STIMULATION_DURATION;
    brush_radius: f32 = BRUSH_RADIUS;
    point: MapPoint = COORDINATE;
    from: MapPoint = FROM;
    to: MapPoint = TO;
    points: Vec<MapPoint> = POINTS;
    inserted: Option<u32> = INSERTED;
    removed: Option<u32> = REMOVED;
}

/// The first value of a trigger point outside its range.
pub fn trigger_point(tp: &TriggerPoint) -> Result<(), OutOfRange> {
    tp.at.check_in(&COORDINATE)?;
    tp.pressure_pain_threshold
        .check_in(&PRESSURE_PAIN_THRESHOLD)
}

/// The first value of a needle site outside its range.
pub fn needle_site(site: &NeedleSite) -> Result<(), OutOfRange> {
    site.at.check_in(&COORDINATE)?;
    site.needle.diameter_mm.check_in(&NEEDLE_DIAMETER)?;
    site.needle.length_mm.check_in(&NEEDLE_LENGTH)?;
    site.depth_mm.check_in(&DEPTH)?;
    site.twitch_count.check_in(&TWITCH_COUNT)?;
    site.retention_min.check_in(&RETENTION)?;
    site.electrical_stimulation
        .as_ref()
        .map_or(Ok(()), stimulation)
}

/// The first value of a referred-pain zone outside its range (its intensity, or a stroke).
pub fn zone(zone: &super::ReferredZone) -> Result<(), OutOfRange> {
    zone.intensity.check_in(&ZONE_INTENSITY)?;
    zone.paint.iter().try_for_each(paint)
}

fn stimulation(estim: &ElectricalStimulation) -> Result<(), OutOfRange> {
    estim.frequency_hz.check_in(&STIMULATION_FREQUENCY)?;
    estim.duration_min.check_in(&STIMULATION_DURATION)
}

fn paint(op: &PaintOp) -> Result<(), OutOfRange> {
    match op {
        PaintOp::Brush { radius, points } | PaintOp::Erase { radius, points } => {
            radius.check_in(&BRUSH_RADIUS)?;
            points.check_in(&POINTS)
        }
        PaintOp::Fill { points } => points.check_in(&POINTS),
    }
}

/// The first value an edit would set outside its range: the document refuses such an edit,
/// so a session is never saved in a form it could not be read back in.
pub fn edit(edit: &Edit) -> Result<(), OutOfRange> {
    match edit {
        Edit::AddTriggerPoint(tp) | Edit::Update(MarkUpdate::TriggerPoint(tp)) => trigger_point(tp),
        Edit::AddNeedle(site) | Edit::Update(MarkUpdate::NeedleSite(site)) => needle_site(site),
        Edit::AddZone(added) => zone(added),
        Edit::Update(MarkUpdate::Zone(details)) => details.intensity.check_in(&ZONE_INTENSITY),
        Edit::Paint { op, .. } | Edit::Erase { op, .. } => paint(op),
        Edit::AddArrow(arrow) | Edit::Update(MarkUpdate::Arrow(arrow)) => {
            arrow.from.check_in(&FROM)?;
            arrow.to.check_in(&TO)
        }
        Edit::AddNote(note) | Edit::Update(MarkUpdate::TextNote(note)) => {
            note.at.check_in(&COORDINATE)
        }
        Edit::Move { delta, .. } => MapPoint::from(*delta).check_in(&COORDINATE),
        Edit::Set(Field::PainBefore(score)) => score.check_in(&PAIN_BEFORE),
        Edit::Set(Field::PainAfter(score)) => score.check_in(&PAIN_AFTER),
        Edit::Set(Field::Complaints(complaints)) => complaints
            .iter()
            .try_for_each(|c| c.pain.check_in(&COMPLAINT_PAIN)),
        Edit::Set(Field::NeedleCount(count)) => {
            count.inserted.check_in(&INSERTED)?;
            count.removed.check_in(&REMOVED)
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_outside_or_not_a_number_says_the_field_and_range_and_never_nan() {
        let nan = PRESSURE_PAIN_THRESHOLD
            .check(f64::NAN)
            .expect_err("NaN")
            .to_string();
        assert_eq!(
            nan,
            "pressure_pain_threshold is not a finite number; myomap takes 0–20 kg/cm² there"
        );
        let inf = RETENTION.check(f64::INFINITY).expect_err("inf").to_string();
        assert_eq!(
            inf,
            "retention_min is not a finite number; myomap takes 0–120 min there"
        );
        assert!(!inf.contains("inf ") && !nan.contains("NaN"));
        let wide = NEEDLE_DIAMETER
            .check(0.8)
            .expect_err("too wide")
            .to_string();
        assert_eq!(
            wide,
            "diameter_mm is 0.8, outside the range myomap takes there (0.1–0.5 mm)"
        );
        assert_eq!(NEEDLE_DIAMETER.check(0.1), Ok(()));
        assert_eq!(NEEDLE_DIAMETER.check(0.5), Ok(()));
        assert_eq!(PAIN_AFTER.check(10.0), Ok(()));
        assert!(PAIN_AFTER.check(11.0).is_err());
    }
}
