//! The vocabulary the referral-pattern tables are written in: a pattern, its trigger points and
//! zones, and the short constructors that place them on a view. Types and constructors only;
//! placing zones on the body and checking them belong to the parent module.

// Front and back shapes are AUTHORED with x measured towards the patient's right (as stored on
// the posterior view); `ant(…)` and `tp_ant(…)` negate x when storing anterior geometry,
// because the anterior view shows the patient's right at negative x. Lateral shapes are
// authored on the right lateral view as stored (the patient faces +x); `lat_arm(…)` is a zone
// on the arm (outline part 1), `lat(…)` one on the body. Plantar shapes are on the right sole
// (outline part 0, +x, big toe towards the midline, toes up). The `*_strip` constructors build
// a strip across a fraction of a limb's width, measured from the outline, so limb zones
// follow the drawing.

pub use super::super::geometry::{Shape, ell, pts, strap};

/// The body regions patterns are listed under, in the library's order.
pub const REGIONS: [&str; 7] = [HEAD, NECK_SHOULDER, UPPER_LIMB, TRUNK, HIP, THIGH, LEG];
pub const HEAD: &str = "Head and neck";
pub const NECK_SHOULDER: &str = "Neck and shoulder";
pub const UPPER_LIMB: &str = "Upper limb";
pub const TRUNK: &str = "Trunk and low back";
pub const HIP: &str = "Hip, gluteal and pelvic";
pub const THIGH: &str = "Thigh";
pub const LEG: &str = "Leg and foot";

/// The views a pattern is drawn on. The head-and-neck views are crops of these in the same
/// frame and the left lateral view is the mirror of the right (the app mirrors patterns).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DrawnView {
    Anterior,
    Posterior,
    RightLateral,
    Plantar,
    /// The inner side of the feet, a surface no full-body view shows (the right foot at +x).
    FeetMedial,
}

impl DrawnView {
    pub const ALL: [Self; 5] = [
        Self::Anterior,
        Self::Posterior,
        Self::RightLateral,
        Self::Plantar,
        Self::FeetMedial,
    ];

    /// The view's id in the body map.
    pub fn id(self) -> &'static str {
        match self {
            Self::Anterior => "anterior",
            Self::Posterior => "posterior",
            Self::RightLateral => "right_lateral",
            Self::Plantar => "feet_plantar",
            Self::FeetMedial => "feet_medial",
        }
    }
}

/// The limb a strip runs along.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limb {
    Arm,
    Leg,
}

/// One row of a strip: `(y, f0, f1)`, f = 0 at the limb's inner edge (back edge on the lateral
/// view) and 1 at its outer (front) edge.
pub type Row = (f64, f64, f64);

/// How a zone is authored.
#[derive(Clone, Copy, Debug)]
pub enum ZoneShape {
    /// A shape in authoring coordinates.
    Drawn(Shape),
    /// A strip across part of a limb's width, measured on the view's outline.
    Strip(Limb, &'static [Row]),
}

/// An essential or spillover zone as authored.
#[derive(Clone, Copy, Debug)]
pub struct Zone {
    pub view: DrawnView,
    /// The outline part the zone lies on (1: the arm of the lateral view, the left sole).
    pub part: u8,
    pub shape: ZoneShape,
    /// The zone may reach up to 45 mm onto the patient's left (a midline structure).
    pub crosses_midline: bool,
}

impl Zone {
    const fn on(view: DrawnView, part: u8, shape: ZoneShape) -> Self {
        Self {
            view,
            part,
            shape,
            crosses_midline: false,
        }
    }

    /// The zone, allowed to cross the midline.
    pub const fn crossing_midline(self) -> Self {
        Self {
            crosses_midline: true,
            ..self
        }
    }
}

/// A zone on the anterior view (authored with +x = the patient's right).
pub const fn ant(shape: Shape) -> Zone {
    Zone::on(DrawnView::Anterior, 0, ZoneShape::Drawn(shape))
}

/// A zone on the posterior view.
pub const fn post(shape: Shape) -> Zone {
    Zone::on(DrawnView::Posterior, 0, ZoneShape::Drawn(shape))
}

/// A zone on the body of the right lateral view.
pub const fn lat(shape: Shape) -> Zone {
    Zone::on(DrawnView::RightLateral, 0, ZoneShape::Drawn(shape))
}

/// A zone on the arm of the right lateral view.
pub const fn lat_arm(shape: Shape) -> Zone {
    Zone::on(DrawnView::RightLateral, 1, ZoneShape::Drawn(shape))
}

/// A zone on the right sole.
pub const fn sole(shape: Shape) -> Zone {
    Zone::on(DrawnView::Plantar, 0, ZoneShape::Drawn(shape))
}

/// A zone on the inner side of the right foot.
pub const fn med(shape: Shape) -> Zone {
    Zone::on(DrawnView::FeetMedial, 0, ZoneShape::Drawn(shape))
}

/// A strip along the right arm on the anterior view.
pub const fn ant_arm_strip(rows: &'static [Row]) -> Zone {
    Zone::on(DrawnView::Anterior, 0, ZoneShape::Strip(Limb::Arm, rows))
}

/// A strip along the right leg on the anterior view.
pub const fn ant_leg_strip(rows: &'static [Row]) -> Zone {
    Zone::on(DrawnView::Anterior, 0, ZoneShape::Strip(Limb::Leg, rows))
}

/// A strip along the right arm on the posterior view.
pub const fn post_arm_strip(rows: &'static [Row]) -> Zone {
    Zone::on(DrawnView::Posterior, 0, ZoneShape::Strip(Limb::Arm, rows))
}

/// A strip along the right leg on the posterior view.
pub const fn post_leg_strip(rows: &'static [Row]) -> Zone {
    Zone::on(DrawnView::Posterior, 0, ZoneShape::Strip(Limb::Leg, rows))
}

/// A strip along the arm of the right lateral view (outline part 1).
pub const fn lat_arm_strip(rows: &'static [Row]) -> Zone {
    Zone::on(
        DrawnView::RightLateral,
        1,
        ZoneShape::Strip(Limb::Arm, rows),
    )
}

/// A strip along the leg of the right lateral view.
pub const fn lat_leg_strip(rows: &'static [Row]) -> Zone {
    Zone::on(
        DrawnView::RightLateral,
        0,
        ZoneShape::Strip(Limb::Leg, rows),
    )
}

/// A typical trigger point, as stored (anterior x already negated).
#[derive(Clone, Copy, Debug)]
pub struct TriggerPoint {
    pub view: DrawnView,
    pub x: f64,
    pub y: f64,
}

/// A trigger point on the anterior view (authored with +x = the patient's right).
pub const fn tp_ant(x: f64, y: f64) -> TriggerPoint {
    TriggerPoint {
        view: DrawnView::Anterior,
        x: -x,
        y,
    }
}

/// A trigger point on the posterior view.
pub const fn tp_post(x: f64, y: f64) -> TriggerPoint {
    TriggerPoint {
        view: DrawnView::Posterior,
        x,
        y,
    }
}

/// A trigger point on the right lateral view.
pub const fn tp_lat(x: f64, y: f64) -> TriggerPoint {
    TriggerPoint {
        view: DrawnView::RightLateral,
        x,
        y,
    }
}

/// A trigger point on the right sole.
pub const fn tp_sole(x: f64, y: f64) -> TriggerPoint {
    TriggerPoint {
        view: DrawnView::Plantar,
        x,
        y,
    }
}

/// A trigger point on the inner side of the right foot.
pub const fn tp_med(x: f64, y: f64) -> TriggerPoint {
    TriggerPoint {
        view: DrawnView::FeetMedial,
        x,
        y,
    }
}

/// The typical referral pattern of one muscle, for the patient's right side. List each view's
/// most characteristic zone first: readers that take one zone as a sample (the app's tests of
/// the reverse lookup do) take the first.
#[derive(Clone, Copy, Debug)]
pub struct Pattern {
    pub muscle: &'static str,
    pub region: &'static str,
    /// One sentence for the patient, starting with the muscle's name.
    pub caption: &'static str,
    /// Two to four plain sentences for the patient.
    pub description: &'static str,
    pub conditions: &'static [&'static str],
    /// What a clinician looks for (not shown to patients).
    pub notes: &'static str,
    pub trigger_points: &'static [TriggerPoint],
    /// Where most patients feel the pain (drawn solid).
    pub essential: &'static [Zone],
    /// Where some patients feel it (drawn stippled).
    pub spillover: &'static [Zone],
}
