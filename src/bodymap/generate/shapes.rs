//! Point data of the standard adult map: silhouettes, contour lines and muscle shapes as
//! hand-placed points on the reference body. Data only: fitting, mirroring into views and
//! writing belong to `standard_adult`.

// Front and back views are drawn for the half at +x and mirrored. On the posterior view +x is
// the patient's right, on the anterior view the patient's left; the shapes are the same either
// way because the reference body is symmetric. Lateral views are drawn as the right lateral
// (the patient faces +x) and mirrored for the left.

use super::geometry::{
    Curve, Knot, Pt, Shape, Xy, corner, ell, ellipse_points, k, knots, pts, smooth, smooth_open,
    strap,
};
use crate::bodymap::{ContourKind, Facing};

/// A contour line of a view: on outline part `part`, and repeated at -x when `mirrored`.
pub struct ContourLine {
    pub kind: ContourKind,
    pub curve: Curve,
    pub part: u8,
    pub mirrored: bool,
}

fn line(kind: ContourKind, curve: Curve) -> ContourLine {
    ContourLine {
        kind,
        curve,
        part: 0,
        mirrored: false,
    }
}

impl ContourLine {
    /// The line and its mirror image at -x.
    fn paired(self) -> Self {
        Self {
            mirrored: true,
            ..self
        }
    }

    fn on_part(self, part: u8) -> Self {
        Self { part, ..self }
    }
}

/// A closed 8-point ellipse curve (a landmark such as a patella or a malleolus).
fn oval(cx: f64, cy: f64, rx: f64, ry: f64) -> Curve {
    smooth(&ellipse_points(cx, cy, rx, ry, 0.0, 8))
}

/// The position of the plain knot at `(x, y)` in `knots` (a seam where an outline is cut).
fn position_of(knots: &[Knot], x: f64, y: f64) -> usize {
    knots
        .iter()
        .position(|&knot| knot == k(x, y))
        .expect("the seam is a knot of the outline table")
}

// ---------------------------------------------------------------------------------------------
// Version 2 of the map moves two things of the version 1 drawing with smooth deformations, so
// that every shape, contour, region and referral zone drawn in version 1's frame follows them:
// the shoulders and arms of the front and back views move out (the biacromial width was 6–8 %
// short of anatomy.md's 0.259 H), and the lateral views' arm is raised forward so that the
// lateral chest wall, the mid-axillary line and serratus anterior show.

/// How far the arms of the front and back views move out (mm at each side).
const SHOULDER_WIDENING: f64 = 12.0;

/// 0 below `a`, 1 above `b`, smooth between.
fn smoothstep(a: f64, b: f64, v: f64) -> f64 {
    let t = ((v - a) / (b - a)).clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

/// A point of the front or back view drawn in version 1's frame, in version 2's: points beyond
/// the chest (|x| > 172 mm: shoulders, arms and hands) move out by up to 12 mm; the trunk, hips
/// and legs stay where they were.
pub fn widen_shoulders(p: Pt) -> Pt {
    let shift = SHOULDER_WIDENING * smoothstep(172.0, 200.0, p.x.abs());
    Pt::new(p.x + shift * p.x.signum(), p.y)
}

/// The shoulder joint of the right lateral view, about which the arm is raised.
const LATERAL_SHOULDER: Pt = Pt::new(0.0, 360.0);
/// The elbow of the right lateral view's arm as drawn hanging.
const LATERAL_ELBOW: Pt = Pt::new(6.0, 640.0);
/// How far the lateral view's upper arm is raised forward (degrees of flexion).
const ARM_FLEXION_DEG: f64 = 40.0;
/// The flexion fades in from the top of the shoulder (the acromion, y = 319, where the deltoid
/// arises from the clavicle, acromion and scapular spine) to the top of the upper arm below the
/// deltoid's bulk: the deltoid's origin stays on the trunk and only its insertion moves with the
/// humerus, so the raised arm's shoulder keeps the acromion's height instead of turning the top
/// of the hanging arm up into a round cap over the neck.
const FLEXION_FROM_Y: f64 = 320.0;
const FLEXION_FULL_Y: f64 = 420.0;

/// `p` turned `degrees` forward (towards +x and up) about the shoulder.
fn flexed(p: Pt, degrees: f64) -> Pt {
    let (sin, cos) = super::geometry::radians(degrees).sin_cos();
    let (dx, dy) = (p.x - LATERAL_SHOULDER.x, p.y - LATERAL_SHOULDER.y);
    Pt::new(
        LATERAL_SHOULDER.x + dx * cos + dy * sin,
        LATERAL_SHOULDER.y - dx * sin + dy * cos,
    )
}

/// A point of the right lateral view's arm (outline part 1) drawn hanging in version 1's frame,
/// in version 2's: the upper arm raised 40° forward about the shoulder (the shoulder's top less,
/// see `FLEXION_FROM_Y`), the forearm and hand carried with the elbow and kept at the angle they
/// hung at, blended over the elbow.
pub fn raise_arm(p: Pt) -> Pt {
    let upper = flexed(
        p,
        ARM_FLEXION_DEG * smoothstep(FLEXION_FROM_Y, FLEXION_FULL_Y, p.y),
    );
    let elbow = flexed(LATERAL_ELBOW, ARM_FLEXION_DEG);
    let lower = Pt::new(
        p.x + elbow.x - LATERAL_ELBOW.x,
        p.y + elbow.y - LATERAL_ELBOW.y,
    );
    let t = smoothstep(LATERAL_ELBOW.y - 50.0, LATERAL_ELBOW.y + 50.0, p.y);
    Pt::new(
        upper.x + t * (lower.x - upper.x),
        upper.y + t * (lower.y - upper.y),
    )
}

// ---------------------------------------------------------------------------------------------
// Front and back

// The +x half of the silhouette, from the vertex to the crotch, clockwise.
#[rustfmt::skip]
const HEAD_HALF: &[Knot] = &[
    k(0.0, 0.0), k(42.0, 7.0), k(68.0, 33.0), k(78.0, 70.0), k(79.0, 104.0), k(85.0, 110.0),
    k(88.0, 128.0), k(84.0, 152.0), k(74.0, 165.0), k(64.0, 190.0), corner(56.0, 218.0),
    k(54.0, 245.0), k(60.0, 266.0), k(92.0, 285.0), k(140.0, 298.0), k(186.0, 308.0),
    k(214.0, 318.0), k(233.0, 336.0), k(243.0, 372.0),
];
// The arm, down the lateral side (the thumb is lateral in the anatomical position) to the
// wrist, round the hand (`front_back_hand`) and back up from the wrist to the axilla.
#[rustfmt::skip]
const ARM_DOWN_HALF: &[Knot] = &[
    k(247.0, 420.0), k(254.0, 500.0), k(260.0, 580.0), k(266.0, 645.0), k(280.0, 705.0),
    k(288.0, 780.0), k(295.0, 860.0), k(298.0, 905.0),
];
#[rustfmt::skip]
const ARM_UP_HALF: &[Knot] = &[
    k(243.0, 905.0), k(236.0, 860.0), k(224.0, 780.0),
    k(212.0, 700.0), k(205.0, 645.0), k(196.0, 570.0), k(182.0, 490.0), k(170.0, 438.0),
    corner(158.0, 412.0),
];

/// The hand views' frame (`hand_outline`, fingers up) onto the hanging hand of the front and
/// back views (fingers down, thumb lateral): the wrist's ends (114 and 188 at y = 262) land on
/// the forearm's (243 and 298 at y = 905) and the middle fingertip (y = 40) on anatomy.md's
/// fingertip level (0.377 H, y = 1090). The hand views are drawn wider than the full-body
/// figure's slender limbs, hence the narrower horizontal scale.
fn hand_to_full_body(p: Pt) -> Pt {
    Pt::new(
        243.0 + (p.x - 114.0) * HAND_SX,
        905.0 + (262.0 - p.y) * HAND_SY,
    )
}

/// The hand views' horizontal and vertical scales onto the full-body hand.
const HAND_SX: f64 = 55.0 / 74.0;
const HAND_SY: f64 = 185.0 / 222.0;

/// A point of the +x hand of the front or back view as the map stores it (version 2, the
/// shoulders widened), in the hand views' frame: the inverse of [`hand_to_full_body`] after
/// [`widen_shoulders`], which moves the whole hand (x > 200 mm) out by the full 12 mm.
pub fn full_body_to_hand(p: Pt) -> Pt {
    let x = p.x - SHOULDER_WIDENING;
    Pt::new(
        114.0 + (x - 243.0) / HAND_SX,
        262.0 - (p.y - 905.0) / HAND_SY,
    )
}

/// A point of the +x foot of the front view, in the dorsal foot view's frame. The front view
/// sees the dorsum foreshortened: the ankle (y = 1,690) and the toe tips (1,754) of the front
/// view land on the dorsal view's ankle (y = 262) and toe tips (20), its outline's width
/// (x 60–136) on the dorsal view's (46–150); between them the map is linear, which puts the
/// toe webs within 5 mm of the front view's toe lines.
pub fn full_body_to_foot_dorsum(p: Pt) -> Pt {
    const SX: f64 = 76.0 / 104.0;
    const SY: f64 = 64.0 / 242.0;
    Pt::new(46.0 + (p.x - 60.0) / SX, 262.0 - (p.y - 1690.0) / SY)
}

/// The hand of the front and back views, from the lateral side of the wrist round the thumb
/// and the four fingers (slightly apart) to the medial side: the hand views' digits and
/// borders, mirrored top to bottom, the thenar border flattened a little (the narrower scale
/// would turn the hand views' thenar bulge into a notch at the thumb's base).
fn front_back_hand() -> Vec<Knot> {
    digits_outline(
        &[k(108.0, 222.0), k(105.0, 180.0)],
        &HAND_DIGITS,
        5.0,
        &[k(205.0, 222.0), k(194.0, 240.0)],
    )
    .iter()
    .rev()
    .map(|knot| knot.moved(hand_to_full_body))
    .collect()
}
#[rustfmt::skip]
const TRUNK_LEG_HALF: &[Knot] = &[
    k(150.0, 440.0), k(153.0, 495.0), k(146.0, 560.0), k(132.0, 630.0), k(134.0, 680.0),
    k(148.0, 740.0), k(163.0, 800.0), k(168.0, 850.0), k(165.0, 905.0), k(158.0, 970.0),
    k(148.0, 1070.0), k(134.0, 1170.0), k(128.0, 1240.0), k(131.0, 1290.0), k(138.0, 1360.0),
    k(131.0, 1440.0), k(116.0, 1560.0), k(106.0, 1650.0),
];
#[rustfmt::skip]
const ANTERIOR_FOOT: &[Knot] = &[
    k(108.0, 1690.0), k(124.0, 1712.0), k(136.0, 1733.0), k(134.0, 1748.0), k(112.0, 1754.0),
    k(86.0, 1754.0), k(64.0, 1748.0), k(60.0, 1728.0), k(66.0, 1700.0),
];
#[rustfmt::skip]
const POSTERIOR_FOOT: &[Knot] = &[
    k(110.0, 1695.0), k(113.0, 1725.0), k(104.0, 1748.0), k(86.0, 1755.0), k(70.0, 1748.0),
    k(64.0, 1722.0), k(67.0, 1695.0),
];
#[rustfmt::skip]
const INNER_LEG_HALF: &[Knot] = &[
    k(68.0, 1650.0), k(62.0, 1560.0), k(48.0, 1450.0), k(34.0, 1360.0), k(36.0, 1290.0),
    k(42.0, 1245.0), k(38.0, 1190.0), k(29.0, 1100.0), k(18.0, 1000.0), k(8.0, 950.0),
    corner(0.0, 936.0),
];

/// The whole front or back silhouette: the +x half and its mirror image.
pub fn front_back_silhouette(facing: Facing) -> Vec<Knot> {
    let foot = if facing == Facing::Anterior {
        ANTERIOR_FOOT
    } else {
        POSTERIOR_FOOT
    };
    let hand = front_back_hand();
    let half = [
        HEAD_HALF,
        ARM_DOWN_HALF,
        &hand,
        ARM_UP_HALF,
        TRUNK_LEG_HALF,
        foot,
        INNER_LEG_HALF,
    ]
    .concat();
    let other = half[1..half.len() - 1]
        .iter()
        .rev()
        .map(|knot| knot.mirrored());
    half.iter().copied().chain(other).collect()
}

/// The contour lines of the front or back view.
#[rustfmt::skip]
pub fn front_back_contours(facing: Facing) -> Vec<ContourLine> {
    use ContourKind::{Bone, Feature, MuscleBorder as Border};
    let mut out = Vec::new();
    // The hand views' creases (palm and fingers) or knuckles and nails, on the hanging hand;
    // kneecap or knee crease, malleoli.
    for hand_line in hand_contours(facing == Facing::Anterior) {
        out.push(ContourLine { curve: hand_line.curve.moved(hand_to_full_body), ..hand_line });
    }
    out.push(line(Feature, smooth_open(&[(86.0, 1700.0), (82.0, 1720.0), (90.0, 1732.0)])).paired());
    if facing == Facing::Anterior {
        // Face: brows, eyes, nose, mouth, ear.
        out.push(line(Feature, smooth_open(&[(14.0, 98.0), (32.0, 92.0), (52.0, 97.0)])).paired());
        out.push(line(Feature, oval(33.0, 112.0, 12.0, 5.0)).paired());
        out.push(line(Feature, smooth_open(&[(7.0, 120.0), (9.0, 150.0), (15.0, 160.0), (7.0, 165.0)])).paired());
        out.push(line(Feature, smooth_open(&[(-18.0, 190.0), (0.0, 193.0), (18.0, 190.0)])));
        out.push(line(Feature, smooth_open(&[(82.0, 116.0), (85.0, 130.0), (80.0, 148.0)])).paired());
        // Irises, nostrils, lips, the angle of the jaw, hyoid and thyroid cartilage.
        out.push(line(Feature, oval(33.0, 112.0, 4.0, 4.0)).paired());
        out.push(line(Feature, smooth_open(&[(4.0, 166.0), (12.0, 162.0), (18.0, 158.0)])).paired());
        out.push(line(Feature, smooth_open(&[(0.0, 183.0), (10.0, 181.0), (20.0, 189.0)])).paired());
        out.push(line(Feature, smooth_open(&[(0.0, 200.0), (10.0, 199.0), (19.0, 192.0)])).paired());
        out.push(line(Bone, smooth_open(&[(70.0, 168.0), (64.0, 200.0), (56.0, 212.0), (45.0, 215.0)])).paired());
        out.push(line(Bone, smooth_open(&[(0.0, 246.0), (10.0, 245.0), (18.0, 242.0)])).paired());
        out.push(line(Bone, smooth_open(&[(12.0, 258.0), (0.0, 274.0), (-12.0, 258.0)])));
        // Toes.
        for x in [78.0, 94.0, 108.0, 120.0] {
            out.push(line(Feature, smooth_open(&[(x, 1738.0), (x + 1.0, 1752.0)])).paired());
        }
        // Clavicles, sternum, nipples, navel, linea alba, costal margin, iliac crest and ASIS.
        out.push(line(Bone, smooth_open(&[(14.0, 314.0), (50.0, 322.0), (95.0, 316.0), (140.0, 305.0), (190.0, 312.0)])).paired());
        out.push(line(Bone, smooth_open(&[(0.0, 318.0), (0.0, 400.0), (0.0, 470.0)])));
        out.push(line(Feature, oval(92.0, 490.0, 4.0, 4.0)).paired());
        out.push(line(Feature, oval(0.0, 700.0, 5.0, 4.0)));
        out.push(line(Border, smooth_open(&[(0.0, 480.0), (0.0, 600.0), (0.0, 890.0)])));
        out.push(line(Bone, smooth_open(&[(8.0, 470.0), (55.0, 545.0), (110.0, 600.0), (140.0, 610.0)])).paired());
        out.push(line(Bone, smooth_open(&[(100.0, 750.0), (130.0, 770.0), (138.0, 795.0)])).paired());
        // Inguinal ligament, patella, tibial crest, rectus tendinous intersections.
        out.push(line(Feature, smooth_open(&[(135.0, 800.0), (100.0, 850.0), (45.0, 895.0)])).paired());
        out.push(line(Bone, oval(82.0, 1240.0, 19.0, 24.0)).paired());
        out.push(line(Bone, smooth_open(&[(78.0, 1300.0), (80.0, 1450.0), (84.0, 1640.0)])).paired());
        for y in [560.0, 625.0] {
            out.push(line(Border, smooth_open(&[(4.0, y), (30.0, y - 4.0), (56.0, y)])).paired());
        }
        out.push(line(Bone, oval(70.0, 1672.0, 6.0, 9.0)).paired());
        out.push(line(Bone, oval(104.0, 1682.0, 5.0, 8.0)).paired());
        out.push(line(Feature, smooth_open(&[(45.0, 215.0), (25.0, 226.0), (0.0, 229.0)])).paired());
        // Elbow crease.
        out.push(line(Feature, smooth_open(&[(220.0, 652.0), (236.0, 646.0), (252.0, 648.0)])).paired());
    } else {
        // Olecranon, greater trochanter.
        out.push(line(Bone, oval(232.0, 648.0, 6.0, 8.0)).paired());
        out.push(line(Bone, oval(152.0, 826.0, 7.0, 10.0)).paired());
        // Hairline, ears, spine, scapula (spine, medial border, inferior angle), iliac crest,
        // sacrum and PSIS dimples, gluteal folds, popliteal creases, Achilles tendons.
        out.push(line(Feature, smooth_open(&[(82.0, 116.0), (86.0, 132.0), (80.0, 150.0)])).paired());
        // External occipital protuberance, superior nuchal lines, mastoid processes, angle
        // of the jaw, C2 spinous process.
        out.push(line(Bone, oval(0.0, 128.0, 6.0, 4.0)));
        out.push(line(Bone, smooth_open(&[(6.0, 130.0), (34.0, 132.0), (62.0, 140.0)])).paired());
        out.push(line(Bone, oval(66.0, 158.0, 6.0, 10.0)).paired());
        out.push(line(Bone, smooth_open(&[(70.0, 176.0), (62.0, 204.0), (52.0, 214.0)])).paired());
        out.push(line(Bone, oval(0.0, 176.0, 4.0, 4.0)));
        out.push(line(Bone, smooth_open(&[(0.0, 300.0), (0.0, 500.0), (0.0, 760.0)])));
        out.push(line(Bone, oval(0.0, 300.0, 5.0, 5.0)));
        out.push(line(Bone, smooth_open(&[(66.0, 378.0), (120.0, 355.0), (175.0, 338.0), (208.0, 330.0)])).paired());
        let scapula = [corner(78.0, 338.0), k(62.0, 380.0), k(70.0, 440.0), corner(95.0, 495.0), k(125.0, 460.0), k(160.0, 405.0), k(180.0, 352.0)];
        out.push(line(Bone, smooth_open(&scapula)).paired());
        out.push(line(Bone, smooth_open(&[(18.0, 745.0), (70.0, 722.0), (120.0, 728.0), (152.0, 760.0)])).paired());
        let sacrum = [corner(0.0, 850.0), k(20.0, 800.0), corner(32.0, 770.0), corner(-32.0, 770.0), k(-20.0, 800.0)];
        out.push(line(Bone, smooth(&sacrum)));
        out.push(line(Feature, oval(36.0, 782.0, 4.0, 4.0)).paired());
        out.push(line(Feature, smooth_open(&[(10.0, 935.0), (60.0, 945.0), (120.0, 930.0)])).paired());
        out.push(line(Feature, smooth_open(&[(55.0, 1262.0), (84.0, 1258.0), (112.0, 1264.0)])).paired());
        out.push(line(Feature, smooth_open(&[(84.0, 1560.0), (85.0, 1620.0), (87.0, 1690.0)])).paired());
        out.push(line(Bone, oval(69.0, 1672.0, 6.0, 9.0)).paired());
        out.push(line(Bone, oval(106.0, 1680.0, 5.0, 8.0)).paired());
        out.push(line(Feature, smooth_open(&[(40.0, 45.0), (0.0, 30.0), (-40.0, 45.0)])));
    }
    out
}

/// The intrinsic muscles of the front or back view's +x hand: the hand views' own regions
/// (palm on the front view, back of the hand on the back view) carried onto the full-body
/// hand by the map that places the hand views' outline there, so the two views always
/// agree (version 1's frame, like the other shapes).
pub fn front_back_hand_muscles(facing: Facing) -> Vec<(&'static str, Vec<Knot>)> {
    let hand = if facing == Facing::Anterior {
        HAND_PALMAR_MUSCLES
    } else {
        HAND_DORSAL_MUSCLES
    };
    hand.iter()
        .map(|(muscle, shape)| {
            let knots = shape
                .knots()
                .into_iter()
                .map(|k| k.moved(hand_to_full_body))
                .collect();
            (*muscle, knots)
        })
        .collect()
}

/// The muscles of the front or back view at +x, in drawing order (each is mirrored to -x).
pub fn front_back_muscles(facing: Facing) -> &'static [(&'static str, Shape)] {
    if facing == Facing::Anterior {
        ANTERIOR_MUSCLES
    } else {
        POSTERIOR_MUSCLES
    }
}

// Head and neck, shoulder girdle, arm and hand (palms forward: the radius is lateral), trunk,
// hip and thigh, leg and foot.
#[rustfmt::skip]
const ANTERIOR_MUSCLES: &[(&str, Shape)] = &[
    // Platysma first: a thin sheet drawn under the neck muscles it covers.
    ("platysma", pts(&[
        (22.0, 226.0), (50.0, 216.0), (58.0, 250.0), (100.0, 300.0), (122.0, 330.0), (84.0, 334.0),
        (44.0, 300.0), (16.0, 262.0),
    ])),
    ("frontalis", pts(&[
        (8.0, 32.0), (40.0, 22.0), (64.0, 50.0), (60.0, 86.0), (34.0, 88.0), (8.0, 90.0),
    ])),
    ("orbicularis_oculi", ell(33.0, 112.0, 21.0, 14.0)),
    ("zygomaticus_major", strap(&[(58.0, 136.0), (46.0, 160.0), (28.0, 184.0)], &[8.0, 8.0, 6.0])),
    ("buccinator", pts(&[(28.0, 166.0), (48.0, 162.0), (51.0, 186.0), (30.0, 194.0), (24.0, 182.0)])),
    ("medial_pterygoid", pts(&[(48.0, 192.0), (58.0, 190.0), (59.0, 212.0), (50.0, 216.0)])),
    ("temporalis", pts(&[(66.0, 62.0), (76.0, 78.0), (77.0, 110.0), (70.0, 126.0), (64.0, 100.0)])),
    ("masseter", pts(&[
        (60.0, 146.0), (72.0, 150.0), (70.0, 182.0), (60.0, 205.0), (52.0, 190.0), (53.0, 160.0),
    ])),
    ("lateral_pterygoid", pts(&[(56.0, 138.0), (68.0, 140.0), (68.0, 152.0), (58.0, 154.0)])),
    // Under the jaw: the anterior belly from beside the chin to the hyoid, the posterior belly
    // rising behind the angle of the jaw.
    ("digastric", strap(&[
        (6.0, 234.0), (20.0, 243.0), (38.0, 240.0), (52.0, 228.0),
    ], &[8.0, 9.0, 9.0, 7.0])),
    ("longus_colli", strap(&[(10.0, 226.0), (12.0, 270.0), (14.0, 318.0)], &[8.0, 10.0, 8.0])),
    ("infrahyoids", strap(&[(5.0, 250.0), (9.0, 282.0), (11.0, 312.0)], &[10.0, 12.0, 10.0])),
    ("sternocleidomastoid_clavicular", strap(&[
        (62.0, 196.0), (55.0, 250.0), (44.0, 312.0),
    ], &[10.0, 16.0, 20.0])),
    ("sternocleidomastoid_sternal", strap(&[
        (66.0, 190.0), (45.0, 250.0), (16.0, 312.0),
    ], &[12.0, 16.0, 12.0])),
    ("anterior_scalene", strap(&[(46.0, 236.0), (54.0, 270.0), (62.0, 302.0)], &[7.0, 9.0, 9.0])),
    ("middle_scalene", strap(&[(50.0, 240.0), (62.0, 272.0), (78.0, 298.0)], &[7.0, 9.0, 9.0])),
    ("posterior_scalene", strap(&[(52.0, 254.0), (70.0, 280.0), (94.0, 300.0)], &[6.0, 8.0, 8.0])),
    ("upper_trapezius", pts(&[
        (58.0, 264.0), (92.0, 289.0), (140.0, 302.0), (186.0, 312.0), (202.0, 320.0),
        (150.0, 318.0), (100.0, 311.0), (66.0, 294.0),
    ])),
    ("pectoralis_minor", pts(&[
        (150.0, 345.0), (140.0, 370.0), (112.0, 420.0), (88.0, 445.0), (82.0, 415.0), (110.0, 380.0),
    ])),
    ("subclavius", strap(&[(30.0, 331.0), (70.0, 331.0), (112.0, 321.0)], &[8.0, 9.0, 7.0])),
    ("intercostals", pts(&[
        (96.0, 478.0), (140.0, 452.0), (152.0, 500.0), (150.0, 570.0), (126.0, 590.0), (100.0, 540.0),
    ])),
    ("diaphragm", pts(&[
        (10.0, 482.0), (56.0, 552.0), (110.0, 606.0), (140.0, 614.0), (138.0, 632.0), (106.0, 626.0),
        (48.0, 574.0), (8.0, 502.0),
    ])),
    ("subscapularis", pts(&[
        (140.0, 392.0), (156.0, 398.0), (152.0, 420.0), (144.0, 450.0), (138.0, 425.0),
    ])),
    ("serratus_anterior", knots(&[
        corner(140.0, 440.0), k(151.0, 455.0), k(152.0, 500.0), k(146.0, 550.0), k(136.0, 580.0),
        k(128.0, 560.0), k(132.0, 510.0),
    ])),
    ("pectoralis_major", pts(&[
        (12.0, 326.0), (60.0, 330.0), (120.0, 320.0), (178.0, 332.0), (200.0, 362.0),
        (194.0, 396.0), (166.0, 408.0), (148.0, 438.0), (120.0, 470.0), (90.0, 486.0),
        (50.0, 486.0), (12.0, 476.0),
    ])),
    ("sternalis", strap(&[(9.0, 336.0), (11.0, 400.0), (12.0, 462.0)], &[9.0, 11.0, 9.0])),
    ("anterior_deltoid", pts(&[
        (178.0, 322.0), (212.0, 318.0), (230.0, 338.0), (226.0, 380.0), (218.0, 436.0),
        (206.0, 452.0), (196.0, 410.0), (194.0, 370.0),
    ])),
    ("middle_deltoid", pts(&[
        (215.0, 318.0), (236.0, 340.0), (245.0, 380.0), (244.0, 430.0), (230.0, 462.0),
        (220.0, 438.0), (228.0, 380.0), (226.0, 344.0),
    ])),
    ("coracobrachialis", strap(&[
        (176.0, 418.0), (186.0, 470.0), (196.0, 540.0),
    ], &[12.0, 16.0, 10.0])),
    ("brachialis", strap(&[(208.0, 520.0), (218.0, 580.0), (226.0, 640.0)], &[40.0, 48.0, 38.0])),
    ("biceps_brachii", strap(&[
        (205.0, 430.0), (214.0, 510.0), (226.0, 600.0), (232.0, 640.0),
    ], &[30.0, 42.0, 34.0, 18.0])),
    ("brachioradialis", strap(&[
        (258.0, 620.0), (274.0, 700.0), (282.0, 790.0), (288.0, 880.0),
    ], &[14.0, 24.0, 16.0, 10.0])),
    ("pronator_teres", strap(&[
        (214.0, 652.0), (238.0, 690.0), (262.0, 730.0),
    ], &[16.0, 18.0, 12.0])),
    ("flexor_digitorum_superficialis", strap(&[
        (232.0, 690.0), (248.0, 790.0), (262.0, 880.0),
    ], &[30.0, 30.0, 22.0])),
    ("flexor_carpi_radialis", strap(&[
        (222.0, 668.0), (250.0, 760.0), (270.0, 880.0),
    ], &[12.0, 14.0, 9.0])),
    ("flexor_carpi_ulnaris", strap(&[
        (212.0, 664.0), (226.0, 760.0), (246.0, 880.0),
    ], &[12.0, 14.0, 9.0])),
    ("flexor_digitorum_profundus", strap(&[
        (218.0, 700.0), (234.0, 790.0), (250.0, 880.0),
    ], &[24.0, 26.0, 18.0])),
    ("flexor_pollicis_longus", strap(&[
        (262.0, 740.0), (272.0, 810.0), (280.0, 884.0),
    ], &[12.0, 14.0, 8.0])),
    ("palmaris_longus", strap(&[
        (228.0, 676.0), (246.0, 770.0), (262.0, 884.0),
    ], &[8.0, 8.0, 5.0])),
    ("rectus_abdominis", pts(&[
        (4.0, 480.0), (40.0, 476.0), (62.0, 500.0), (60.0, 620.0), (52.0, 760.0), (30.0, 880.0),
        (4.0, 890.0),
    ])),
    ("pyramidalis", pts(&[(3.0, 852.0), (16.0, 850.0), (13.0, 880.0), (3.0, 888.0)])),
    ("transversus_abdominis", pts(&[
        (62.0, 610.0), (128.0, 616.0), (132.0, 700.0), (118.0, 770.0), (72.0, 800.0), (60.0, 700.0),
    ])),
    ("internal_oblique", pts(&[
        (64.0, 640.0), (110.0, 640.0), (128.0, 700.0), (132.0, 760.0), (90.0, 800.0), (60.0, 780.0),
    ])),
    ("external_oblique", pts(&[
        (64.0, 505.0), (110.0, 520.0), (140.0, 560.0), (131.0, 630.0), (133.0, 690.0),
        (140.0, 745.0), (110.0, 770.0), (80.0, 800.0), (58.0, 780.0), (60.0, 640.0),
    ])),
    ("iliopsoas", pts(&[
        (52.0, 740.0), (95.0, 745.0), (112.0, 820.0), (95.0, 900.0), (66.0, 920.0), (58.0, 860.0),
    ])),
    ("tensor_fasciae_latae", pts(&[
        (135.0, 800.0), (152.0, 808.0), (162.0, 850.0), (160.0, 905.0), (148.0, 920.0),
        (140.0, 860.0),
    ])),
    ("pectineus", pts(&[
        (36.0, 880.0), (62.0, 868.0), (78.0, 890.0), (58.0, 918.0), (34.0, 915.0),
    ])),
    ("adductor_brevis", pts(&[
        (28.0, 906.0), (58.0, 900.0), (64.0, 950.0), (48.0, 1010.0), (30.0, 980.0),
    ])),
    ("adductor_longus", pts(&[
        (16.0, 905.0), (36.0, 896.0), (60.0, 920.0), (50.0, 1000.0), (36.0, 1060.0), (24.0, 1030.0),
    ])),
    ("gracilis", strap(&[
        (12.0, 950.0), (22.0, 1060.0), (34.0, 1160.0), (42.0, 1240.0),
    ], &[10.0, 14.0, 12.0, 8.0])),
    ("sartorius", strap(&[
        (134.0, 800.0), (118.0, 880.0), (90.0, 980.0), (60.0, 1110.0), (46.0, 1220.0),
        (48.0, 1260.0),
    ], &[12.0, 16.0, 18.0, 18.0, 14.0, 10.0])),
    ("rectus_femoris", strap(&[
        (120.0, 860.0), (112.0, 960.0), (100.0, 1080.0), (88.0, 1200.0),
    ], &[22.0, 42.0, 40.0, 20.0])),
    ("vastus_intermedius", strap(&[
        (118.0, 900.0), (110.0, 1000.0), (98.0, 1110.0), (90.0, 1190.0),
    ], &[30.0, 36.0, 32.0, 18.0])),
    ("vastus_lateralis", pts(&[
        (148.0, 920.0), (156.0, 960.0), (150.0, 1060.0), (136.0, 1160.0), (124.0, 1222.0),
        (112.0, 1212.0), (122.0, 1120.0), (130.0, 1010.0), (138.0, 940.0),
    ])),
    ("vastus_medialis", pts(&[
        (68.0, 1090.0), (80.0, 1130.0), (80.0, 1200.0), (66.0, 1238.0), (48.0, 1230.0),
        (44.0, 1190.0), (52.0, 1130.0),
    ])),
    ("tibialis_anterior", strap(&[
        (96.0, 1290.0), (102.0, 1400.0), (100.0, 1520.0), (88.0, 1660.0),
    ], &[20.0, 24.0, 16.0, 8.0])),
    ("extensor_digitorum_longus", strap(&[
        (112.0, 1300.0), (118.0, 1420.0), (112.0, 1560.0), (100.0, 1668.0),
    ], &[10.0, 12.0, 10.0, 6.0])),
    ("extensor_hallucis_longus", strap(&[
        (106.0, 1440.0), (100.0, 1560.0), (88.0, 1680.0), (74.0, 1730.0),
    ], &[8.0, 9.0, 6.0, 5.0])),
    ("fibularis_tertius", strap(&[(108.0, 1520.0), (104.0, 1590.0), (98.0, 1660.0)], &[7.0, 6.0, 4.0])),
    ("fibularis_longus", strap(&[
        (124.0, 1300.0), (128.0, 1390.0), (122.0, 1480.0),
    ], &[8.0, 9.0, 6.0])),
    ("abductor_hallucis", pts(&[(64.0, 1712.0), (68.0, 1726.0), (66.0, 1742.0), (61.0, 1732.0)])),
    ("extensor_digitorum_brevis", pts(&[
        (104.0, 1704.0), (118.0, 1712.0), (122.0, 1726.0), (108.0, 1724.0),
    ])),
    ("extensor_hallucis_brevis", pts(&[(86.0, 1704.0), (98.0, 1708.0), (94.0, 1726.0), (82.0, 1724.0)])),
    ("dorsal_interossei_foot", pts(&[(94.0, 1728.0), (120.0, 1730.0), (126.0, 1742.0), (96.0, 1744.0)])),
];

// Head and neck, shoulder girdle and upper back, arm and hand (palms forward: the back of the
// forearm shows, radius lateral), hip and thigh, leg and foot.
#[rustfmt::skip]
const POSTERIOR_MUSCLES: &[(&str, Shape)] = &[
    ("occipitalis", ell(42.0, 92.0, 20.0, 15.0).tilted(-20.0)),
    ("semispinalis_capitis", pts(&[
        (4.0, 135.0), (22.0, 132.0), (26.0, 190.0), (22.0, 262.0), (4.0, 268.0),
    ])),
    ("semispinalis_cervicis", pts(&[
        (4.0, 196.0), (17.0, 196.0), (21.0, 250.0), (19.0, 318.0), (4.0, 330.0),
    ])),
    ("cervical_multifidi", strap(&[(8.0, 172.0), (9.0, 240.0), (9.0, 304.0)], &[8.0, 10.0, 8.0])),
    ("suboccipitals", pts(&[
        (6.0, 142.0), (36.0, 138.0), (52.0, 150.0), (40.0, 166.0), (8.0, 166.0),
    ])),
    ("splenius_cervicis", strap(&[
        (20.0, 210.0), (30.0, 260.0), (24.0, 330.0),
    ], &[12.0, 14.0, 10.0])),
    ("splenius_capitis", pts(&[
        (40.0, 142.0), (66.0, 150.0), (64.0, 190.0), (56.0, 222.0), (44.0, 240.0), (38.0, 205.0),
    ])),
    ("levator_scapulae", strap(&[
        (36.0, 180.0), (42.0, 230.0), (56.0, 290.0), (74.0, 340.0),
    ], &[10.0, 14.0, 16.0, 12.0])),
    ("sternocleidomastoid_sternal", pts(&[
        (70.0, 150.0), (82.0, 146.0), (78.0, 166.0), (68.0, 180.0),
    ])),
    ("upper_trapezius", pts(&[
        (3.0, 128.0), (34.0, 130.0), (44.0, 185.0), (48.0, 240.0), (62.0, 270.0), (92.0, 290.0),
        (140.0, 303.0), (190.0, 313.0), (204.0, 322.0), (186.0, 336.0), (140.0, 330.0),
        (90.0, 316.0), (40.0, 300.0), (3.0, 292.0),
    ])),
    ("rhomboid_minor", pts(&[
        (4.0, 290.0), (40.0, 302.0), (76.0, 330.0), (72.0, 346.0), (30.0, 320.0), (4.0, 312.0),
    ])),
    ("rhomboid_major", pts(&[
        (4.0, 314.0), (30.0, 322.0), (72.0, 348.0), (64.0, 380.0), (74.0, 440.0), (92.0, 490.0),
        (50.0, 440.0), (4.0, 410.0),
    ])),
    ("serratus_posterior_superior", pts(&[
        (4.0, 300.0), (60.0, 318.0), (98.0, 352.0), (96.0, 368.0), (60.0, 345.0), (4.0, 330.0),
    ])),
    ("supraspinatus", pts(&[
        (80.0, 340.0), (130.0, 336.0), (180.0, 336.0), (200.0, 342.0), (175.0, 346.0),
        (120.0, 358.0), (72.0, 372.0),
    ])),
    // Lies on the front of the scapula: from behind only its lateral edge is reached, in the
    // axilla between latissimus dorsi and the chest wall.
    ("subscapularis", pts(&[
        (136.0, 392.0), (154.0, 398.0), (157.0, 428.0), (148.0, 452.0), (137.0, 428.0),
    ])),
    ("middle_trapezius", pts(&[
        (3.0, 294.0), (40.0, 302.0), (92.0, 318.0), (140.0, 332.0), (186.0, 338.0), (176.0, 350.0),
        (120.0, 362.0), (76.0, 384.0), (40.0, 400.0), (3.0, 408.0),
    ])),
    ("infraspinatus", pts(&[
        (68.0, 384.0), (120.0, 364.0), (172.0, 352.0), (178.0, 380.0), (162.0, 408.0),
        (132.0, 446.0), (98.0, 478.0), (72.0, 440.0),
    ])),
    ("teres_minor", pts(&[
        (150.0, 418.0), (168.0, 396.0), (186.0, 386.0), (194.0, 398.0), (174.0, 414.0),
        (152.0, 434.0),
    ])),
    ("teres_major", pts(&[
        (100.0, 480.0), (130.0, 452.0), (146.0, 442.0), (148.0, 456.0), (128.0, 480.0),
        (108.0, 498.0),
    ])),
    ("serratus_posterior_inferior", pts(&[
        (4.0, 600.0), (60.0, 590.0), (118.0, 600.0), (124.0, 630.0), (60.0, 628.0), (4.0, 645.0),
    ])),
    ("quadratus_lumborum", pts(&[
        (30.0, 648.0), (84.0, 640.0), (112.0, 660.0), (120.0, 720.0), (90.0, 735.0), (34.0, 740.0),
    ])),
    ("multifidus", pts(&[
        (3.0, 560.0), (16.0, 560.0), (26.0, 700.0), (30.0, 790.0), (22.0, 850.0), (3.0, 860.0),
    ])),
    ("latissimus_dorsi", pts(&[
        (40.0, 500.0), (96.0, 486.0), (124.0, 496.0), (148.0, 470.0), (150.0, 500.0),
        (146.0, 560.0), (134.0, 630.0), (138.0, 690.0), (132.0, 730.0), (90.0, 724.0),
        (40.0, 740.0), (4.0, 750.0), (4.0, 530.0),
    ])),
    ("longissimus_thoracis", pts(&[
        (10.0, 420.0), (28.0, 420.0), (34.0, 560.0), (36.0, 680.0), (34.0, 780.0), (20.0, 790.0),
        (12.0, 680.0), (10.0, 560.0),
    ])),
    ("iliocostalis_thoracis", pts(&[
        (34.0, 420.0), (56.0, 430.0), (64.0, 540.0), (60.0, 640.0), (40.0, 640.0), (36.0, 540.0),
    ])),
    ("iliocostalis_lumborum", pts(&[
        (40.0, 642.0), (62.0, 642.0), (70.0, 700.0), (66.0, 760.0), (42.0, 782.0), (38.0, 700.0),
    ])),
    ("lower_trapezius", pts(&[
        (3.0, 410.0), (40.0, 402.0), (76.0, 386.0), (92.0, 382.0), (88.0, 410.0), (60.0, 470.0),
        (30.0, 560.0), (3.0, 610.0),
    ])),
    ("posterior_deltoid", pts(&[
        (176.0, 342.0), (210.0, 330.0), (232.0, 344.0), (238.0, 380.0), (230.0, 440.0),
        (218.0, 462.0), (204.0, 430.0), (192.0, 390.0),
    ])),
    ("middle_deltoid", pts(&[
        (216.0, 322.0), (236.0, 340.0), (245.0, 380.0), (244.0, 430.0), (232.0, 462.0),
        (228.0, 430.0), (236.0, 380.0), (228.0, 344.0),
    ])),
    ("triceps_brachii", strap(&[
        (200.0, 440.0), (214.0, 520.0), (228.0, 600.0), (236.0, 640.0),
    ], &[44.0, 52.0, 44.0, 24.0])),
    ("supinator", strap(&[(240.0, 660.0), (256.0, 690.0), (270.0, 716.0)], &[12.0, 14.0, 10.0])),
    ("extensor_carpi_radialis_longus", strap(&[
        (258.0, 630.0), (272.0, 690.0), (280.0, 760.0),
    ], &[12.0, 16.0, 10.0])),
    ("extensor_carpi_radialis_brevis", strap(&[
        (252.0, 660.0), (266.0, 740.0), (278.0, 820.0), (288.0, 890.0),
    ], &[12.0, 16.0, 12.0, 8.0])),
    ("extensor_digitorum", strap(&[
        (240.0, 666.0), (254.0, 760.0), (266.0, 880.0),
    ], &[16.0, 20.0, 14.0])),
    ("extensor_carpi_ulnaris", strap(&[
        (222.0, 664.0), (234.0, 760.0), (248.0, 880.0),
    ], &[12.0, 14.0, 10.0])),
    ("extensor_indicis", strap(&[(244.0, 800.0), (258.0, 858.0), (274.0, 904.0)], &[10.0, 10.0, 6.0])),
    ("anconeus", pts(&[(238.0, 650.0), (254.0, 654.0), (252.0, 684.0), (240.0, 678.0)])),
    ("gluteus_minimus", pts(&[
        (80.0, 760.0), (132.0, 752.0), (160.0, 780.0), (162.0, 820.0), (130.0, 814.0), (96.0, 790.0),
    ])),
    ("piriformis", strap(&[
        (24.0, 810.0), (70.0, 815.0), (120.0, 826.0), (152.0, 834.0),
    ], &[22.0, 26.0, 18.0, 10.0])),
    ("gemelli", pts(&[(64.0, 840.0), (148.0, 846.0), (148.0, 864.0), (64.0, 868.0)])),
    ("obturator_internus", strap(&[(24.0, 862.0), (70.0, 856.0), (146.0, 855.0)], &[16.0, 8.0, 5.0])),
    ("quadratus_femoris", pts(&[(80.0, 874.0), (150.0, 868.0), (152.0, 896.0), (82.0, 902.0)])),
    ("obturator_externus", strap(&[(64.0, 892.0), (108.0, 886.0), (146.0, 880.0)], &[8.0, 8.0, 6.0])),
    ("pelvic_floor", pts(&[(2.0, 884.0), (22.0, 886.0), (26.0, 908.0), (14.0, 924.0), (2.0, 928.0)])),
    ("gluteus_medius", pts(&[
        (56.0, 748.0), (110.0, 730.0), (150.0, 748.0), (164.0, 800.0), (160.0, 826.0),
        (130.0, 800.0), (90.0, 784.0), (60.0, 780.0),
    ])),
    ("gluteus_maximus", pts(&[
        (20.0, 790.0), (60.0, 784.0), (110.0, 800.0), (150.0, 828.0), (166.0, 880.0),
        (150.0, 920.0), (100.0, 932.0), (46.0, 926.0), (14.0, 898.0), (14.0, 840.0),
    ])),
    ("adductor_magnus", pts(&[
        (10.0, 955.0), (40.0, 950.0), (50.0, 1040.0), (44.0, 1150.0), (34.0, 1160.0), (24.0, 1080.0),
    ])),
    ("gracilis", strap(&[
        (22.0, 990.0), (33.0, 1090.0), (42.0, 1180.0), (46.0, 1235.0),
    ], &[8.0, 10.0, 10.0, 6.0])),
    ("semimembranosus", strap(&[
        (56.0, 960.0), (52.0, 1060.0), (48.0, 1160.0), (46.0, 1240.0),
    ], &[16.0, 26.0, 26.0, 14.0])),
    ("semitendinosus", strap(&[
        (68.0, 940.0), (70.0, 1040.0), (66.0, 1150.0), (56.0, 1250.0),
    ], &[22.0, 28.0, 20.0, 10.0])),
    ("biceps_femoris", strap(&[
        (86.0, 940.0), (104.0, 1040.0), (116.0, 1150.0), (122.0, 1250.0),
    ], &[26.0, 38.0, 32.0, 14.0])),
    ("popliteus", pts(&[
        (58.0, 1270.0), (102.0, 1262.0), (110.0, 1284.0), (70.0, 1300.0), (54.0, 1296.0),
    ])),
    ("plantaris", strap(&[(110.0, 1258.0), (98.0, 1296.0), (82.0, 1346.0)], &[10.0, 8.0, 5.0])),
    ("flexor_digitorum_longus", strap(&[
        (62.0, 1400.0), (66.0, 1500.0), (70.0, 1610.0),
    ], &[14.0, 14.0, 8.0])),
    ("flexor_hallucis_longus", strap(&[
        (102.0, 1440.0), (96.0, 1540.0), (86.0, 1630.0),
    ], &[16.0, 16.0, 8.0])),
    ("tibialis_posterior", strap(&[
        (84.0, 1300.0), (84.0, 1420.0), (80.0, 1540.0), (74.0, 1630.0),
    ], &[20.0, 24.0, 18.0, 8.0])),
    ("soleus", pts(&[
        (46.0, 1300.0), (120.0, 1300.0), (128.0, 1420.0), (114.0, 1530.0), (96.0, 1580.0),
        (76.0, 1580.0), (58.0, 1530.0), (44.0, 1440.0),
    ])),
    ("gastrocnemius_lateral", pts(&[
        (86.0, 1262.0), (118.0, 1266.0), (132.0, 1330.0), (128.0, 1400.0), (112.0, 1460.0),
        (94.0, 1480.0), (88.0, 1380.0),
    ])),
    ("gastrocnemius_medial", pts(&[
        (50.0, 1268.0), (84.0, 1262.0), (86.0, 1380.0), (82.0, 1500.0), (64.0, 1490.0),
        (44.0, 1440.0), (36.0, 1370.0), (40.0, 1300.0),
    ])),
    ("fibularis_longus", strap(&[
        (130.0, 1300.0), (132.0, 1390.0), (126.0, 1480.0),
    ], &[8.0, 9.0, 6.0])),
];

// ---------------------------------------------------------------------------------------------
// Lateral (drawn as the right lateral view; the patient faces +x)

/// The body without the arm, from the vertex down the front and up the back.
#[rustfmt::skip]
pub const LATERAL_BODY: &[Knot] = &[
    k(-6.0, 0.0), k(44.0, 10.0), k(78.0, 40.0), k(92.0, 80.0), k(96.0, 108.0), k(93.0, 122.0),
    k(108.0, 148.0), k(100.0, 160.0), corner(95.0, 164.0), k(98.0, 180.0), k(95.0, 190.0),
    k(98.0, 200.0), k(93.0, 220.0), k(80.0, 231.0), k(50.0, 233.0), corner(40.0, 250.0),
    k(46.0, 282.0), k(56.0, 312.0), k(82.0, 350.0), k(104.0, 420.0), k(102.0, 470.0),
    k(90.0, 525.0), k(88.0, 600.0), k(97.0, 680.0), k(99.0, 745.0), k(90.0, 810.0), k(88.0, 870.0),
    k(92.0, 960.0), k(84.0, 1100.0), k(70.0, 1210.0), k(72.0, 1250.0), k(58.0, 1295.0),
    k(50.0, 1400.0), k(40.0, 1560.0), k(37.0, 1655.0), k(58.0, 1690.0), k(118.0, 1718.0),
    k(168.0, 1734.0), k(182.0, 1737.5), k(189.0, 1746.0), k(185.0, 1755.0), k(170.0, 1758.0),
    k(100.0, 1758.0), k(-30.0, 1758.0),
    k(-68.0, 1747.0), k(-72.0, 1712.0), k(-46.0, 1660.0), k(-42.0, 1580.0), k(-66.0, 1450.0),
    k(-84.0, 1365.0), k(-74.0, 1290.0), k(-60.0, 1250.0), k(-70.0, 1180.0), k(-88.0, 1050.0),
    k(-100.0, 945.0), k(-122.0, 870.0), k(-118.0, 790.0), k(-88.0, 720.0), k(-80.0, 650.0),
    k(-95.0, 540.0), k(-110.0, 440.0), k(-100.0, 360.0), k(-76.0, 300.0), k(-68.0, 262.0),
    k(-74.0, 222.0), k(-86.0, 180.0), k(-98.0, 150.0), k(-104.0, 108.0), k(-94.0, 50.0),
    k(-60.0, 12.0),
];

/// The arm hanging at the side, forearm slightly forward: outline part 1, over the trunk. Its top
/// is the deltoid's origin (the lateral scapular spine, the acromion at y = 319, the lateral
/// clavicle), which stays put when the arm is raised; its back above the armpit is the
/// deltoid's posterior border.
#[rustfmt::skip]
pub const LATERAL_ARM: &[Knot] = &[
    k(-41.0, 335.0), k(-27.5, 329.5), k(-4.0, 320.0), k(14.0, 319.0), k(33.0, 326.0),
    k(52.0, 346.0), k(55.0, 389.0), k(46.0, 460.0), k(42.0, 560.0), k(42.0, 630.0),
    k(66.0, 700.0), k(96.0, 780.0), k(114.0, 860.0), k(136.0, 910.0), k(160.0, 975.0),
    k(170.0, 1035.0), k(160.0, 1064.0), k(140.0, 1066.0), k(118.0, 1030.0), k(94.0, 975.0),
    k(66.0, 900.0), k(40.0, 820.0), k(6.0, 730.0), k(-30.0, 660.0), k(-42.0, 560.0),
    k(-46.0, 460.0), k(-41.5, 390.0), k(-44.0, 372.5), k(-47.0, 360.0), k(-48.5, 349.5),
    k(-47.5, 341.0),
];

/// The contour lines of the right lateral view.
#[rustfmt::skip]
pub fn lateral_contours() -> Vec<ContourLine> {
    use ContourKind::{Bone, Feature, MuscleBorder as Border};
    // The mandible: condyle in front of the ear, ramus, angle, body to the chin.
    let jaw = [k(16.0, 146.0), k(10.0, 180.0), corner(6.0, 208.0), k(40.0, 222.0), k(84.0, 227.0)];
    vec![
        // Ear (helix, antihelix, tragus, lobule), eye (lids and iris), brow, nostril, lips,
        // the jaw, the zygomatic arch, the mastoid process, the hyoid and the thyroid
        // cartilage.
        line(Feature, smooth(&[(-6.0, 112.0), (6.0, 106.0), (14.0, 114.0), (13.0, 134.0), (8.0, 152.0), (0.0, 160.0), (-6.0, 154.0), (-10.0, 132.0)])),
        line(Feature, smooth_open(&[(-2.0, 118.0), (6.0, 116.0), (8.0, 132.0), (2.0, 146.0)])),
        line(Feature, smooth_open(&[(14.0, 128.0), (18.0, 134.0), (14.0, 140.0)])),
        line(Feature, smooth_open(&[(70.0, 110.0), (80.0, 105.0), (89.0, 110.0)])),
        line(Feature, smooth_open(&[(71.0, 111.0), (80.0, 115.0), (88.0, 111.0)])),
        line(Feature, oval(84.0, 110.0, 3.0, 3.5)),
        line(Feature, smooth_open(&[(68.0, 98.0), (82.0, 93.0), (92.0, 100.0)])),
        line(Feature, smooth_open(&[(92.0, 150.0), (86.0, 158.0), (94.0, 163.0)])),
        line(Feature, smooth_open(&[(84.0, 190.0), (97.0, 190.0)])),
        line(Feature, smooth_open(&[(90.0, 182.0), (98.0, 180.0)])),
        line(Feature, smooth_open(&[(90.0, 199.0), (98.0, 200.0)])),
        line(Bone, smooth_open(&jaw)),
        line(Bone, smooth_open(&[(18.0, 130.0), (40.0, 128.0), (62.0, 126.0)])),
        line(Bone, oval(-20.0, 162.0, 6.0, 9.0)),
        line(Bone, smooth_open(&[(24.0, 244.0), (36.0, 246.0)])),
        line(Bone, smooth_open(&[(40.0, 262.0), (48.0, 270.0), (46.0, 282.0)])),
        // Clavicle, scapular spine, ribs' margin, iliac crest and ASIS, greater trochanter,
        // iliotibial band, patella, fibular head, malleolus, Achilles tendon.
        line(Bone, smooth_open(&[(56.0, 312.0), (30.0, 318.0), (0.0, 322.0)])),
        line(Bone, smooth_open(&[(-30.0, 334.0), (-60.0, 342.0), (-88.0, 352.0)])),
        line(Bone, smooth_open(&[(-80.0, 560.0), (-20.0, 610.0), (40.0, 620.0), (88.0, 560.0)])),
        line(Bone, smooth_open(&[(-80.0, 730.0), (-30.0, 712.0), (30.0, 720.0), (72.0, 760.0)])),
        line(Bone, oval(-10.0, 835.0, 16.0, 14.0)),
        line(Border, smooth_open(&[(-4.0, 850.0), (0.0, 960.0), (2.0, 1080.0), (10.0, 1200.0), (20.0, 1262.0)])),
        line(Border, smooth_open(&[(36.0, 850.0), (32.0, 960.0), (34.0, 1080.0), (44.0, 1200.0)])),
        line(Bone, oval(60.0, 1240.0, 14.0, 22.0)),
        line(Bone, oval(-18.0, 1296.0, 8.0, 7.0)),
        line(Bone, oval(0.0, 1685.0, 9.0, 8.0)),
        line(Feature, smooth_open(&[(-45.0, 1560.0), (-52.0, 1640.0), (-58.0, 1700.0)])),
        // The toes: the tips of the little, fourth and third toes (nearest the viewer, each
        // shorter than the next) in front of the big toe, a slightly scalloped front of the
        // foot; the big toe's nail.
        line(Feature, smooth_open(&[
            (141.0, 1744.5), (150.0, 1745.5), (155.0, 1750.5), (153.0, 1757.0),
        ])),
        line(Feature, smooth_open(&[
            (156.0, 1742.5), (163.0, 1743.5), (167.0, 1749.0), (165.0, 1757.0),
        ])),
        line(Feature, smooth_open(&[
            (169.0, 1742.5), (175.0, 1743.0), (179.0, 1749.0), (177.0, 1757.0),
        ])),
        line(Feature, smooth_open(&[(173.0, 1738.3), (180.0, 1739.3), (185.5, 1743.0)])),
        // The posterior axillary fold (latissimus dorsi and teres major) from the armpit
        // down the side of the chest.
        line(Feature, smooth_open(&[
            (-18.0, 407.0), (-28.0, 428.0), (-32.0, 455.0), (-30.0, 485.0), (-26.0, 510.0),
        ])),
        // Fingers and the elbow crease on the arm.
        line(Feature, smooth_open(&[(126.0, 1010.0), (140.0, 1040.0), (150.0, 1062.0)])).on_part(1),
        line(Feature, smooth_open(&[(26.0, 658.0), (36.0, 654.0), (44.0, 652.0)])).on_part(1),
    ]
}

/// The muscles of the right lateral view in drawing order, with their outline part (1 is the
/// arm, drawn over the trunk).
pub fn lateral_muscles() -> impl Iterator<Item = (&'static str, Shape, u8)> {
    let trunk = LATERAL_TRUNK_MUSCLES.iter().map(|&(m, s)| (m, s, 0));
    let arm = LATERAL_ARM_MUSCLES.iter().map(|&(m, s)| (m, s, 1));
    trunk.chain(arm)
}

#[rustfmt::skip]
const LATERAL_TRUNK_MUSCLES: &[(&str, Shape)] = &[
    ("platysma", pts(&[
        (10.0, 232.0), (34.0, 238.0), (38.0, 262.0), (46.0, 300.0), (58.0, 330.0), (34.0, 330.0),
        (16.0, 290.0), (4.0, 250.0),
    ])),
    ("frontalis", pts(&[
        (48.0, 16.0), (78.0, 40.0), (90.0, 78.0), (78.0, 92.0), (58.0, 70.0), (40.0, 40.0),
    ])),
    ("temporalis", pts(&[
        (-20.0, 56.0), (20.0, 40.0), (52.0, 60.0), (60.0, 96.0), (44.0, 118.0), (18.0, 120.0),
        (-6.0, 104.0),
    ])),
    ("occipitalis", ell(-86.0, 100.0, 11.0, 24.0).tilted(15.0)),
    ("orbicularis_oculi", ell(80.0, 110.0, 13.0, 12.0)),
    ("zygomaticus_major", strap(&[(56.0, 132.0), (74.0, 160.0), (88.0, 184.0)], &[8.0, 8.0, 6.0])),
    ("buccinator", pts(&[(60.0, 168.0), (84.0, 172.0), (86.0, 192.0), (62.0, 196.0)])),
    ("medial_pterygoid", pts(&[(0.0, 178.0), (20.0, 176.0), (26.0, 206.0), (10.0, 214.0), (-2.0, 200.0)])),
    ("lateral_pterygoid", pts(&[(20.0, 140.0), (44.0, 136.0), (48.0, 150.0), (24.0, 154.0)])),
    ("masseter", pts(&[
        (18.0, 144.0), (48.0, 144.0), (58.0, 174.0), (52.0, 212.0), (30.0, 214.0), (14.0, 196.0),
    ])),
    ("digastric", strap(&[
        (-18.0, 168.0), (8.0, 208.0), (36.0, 228.0), (60.0, 229.0), (82.0, 226.0),
    ], &[8.0, 8.0, 7.0, 7.0, 7.0])),
    ("suboccipitals", pts(&[(-78.0, 158.0), (-54.0, 150.0), (-46.0, 164.0), (-74.0, 172.0)])),
    ("semispinalis_capitis", pts(&[
        (-82.0, 166.0), (-70.0, 162.0), (-56.0, 215.0), (-52.0, 262.0), (-60.0, 262.0),
        (-64.0, 222.0), (-78.0, 190.0),
    ])),
    ("splenius_cervicis", strap(&[
        (-40.0, 220.0), (-50.0, 270.0), (-66.0, 320.0),
    ], &[12.0, 14.0, 10.0])),
    ("cervical_multifidi", strap(&[(-62.0, 180.0), (-58.0, 240.0), (-64.0, 300.0)], &[8.0, 10.0, 8.0])),
    ("levator_scapulae", strap(&[
        (-16.0, 182.0), (-30.0, 250.0), (-52.0, 320.0), (-62.0, 346.0),
    ], &[14.0, 20.0, 18.0, 12.0])),
    ("anterior_scalene", strap(&[(6.0, 206.0), (16.0, 260.0), (24.0, 306.0)], &[10.0, 12.0, 10.0])),
    ("middle_scalene", strap(&[(-4.0, 206.0), (0.0, 260.0), (4.0, 306.0)], &[10.0, 14.0, 12.0])),
    ("posterior_scalene", strap(&[
        (-12.0, 216.0), (-18.0, 262.0), (-16.0, 308.0),
    ], &[8.0, 12.0, 10.0])),
    ("splenius_capitis", pts(&[
        (-56.0, 146.0), (-28.0, 150.0), (-16.0, 200.0), (-30.0, 250.0), (-50.0, 252.0),
        (-52.0, 200.0),
    ])),
    ("upper_trapezius", pts(&[
        (-88.0, 170.0), (-60.0, 160.0), (-46.0, 240.0), (-20.0, 300.0), (10.0, 316.0),
        (-20.0, 330.0), (-60.0, 330.0), (-92.0, 340.0), (-72.0, 300.0), (-58.0, 262.0),
        (-66.0, 222.0),
    ])),
    ("sternocleidomastoid_clavicular", strap(&[
        (-12.0, 168.0), (8.0, 240.0), (24.0, 314.0),
    ], &[12.0, 18.0, 18.0])),
    ("sternocleidomastoid_sternal", strap(&[
        (-8.0, 164.0), (22.0, 240.0), (48.0, 306.0),
    ], &[12.0, 16.0, 12.0])),
    ("pectoralis_major", pts(&[
        (50.0, 326.0), (82.0, 350.0), (102.0, 420.0), (92.0, 468.0), (60.0, 440.0), (46.0, 390.0),
    ])),
    ("pectoralis_minor", pts(&[
        (46.0, 350.0), (70.0, 380.0), (80.0, 440.0), (60.0, 432.0), (48.0, 390.0),
    ])),
    ("subscapularis", pts(&[(-40.0, 380.0), (-20.0, 390.0), (-22.0, 460.0), (-42.0, 470.0)])),
    ("supraspinatus", pts(&[
        (-84.0, 332.0), (-50.0, 322.0), (-24.0, 322.0), (-40.0, 338.0), (-86.0, 350.0),
    ])),
    ("infraspinatus", pts(&[
        (-92.0, 358.0), (-50.0, 346.0), (-40.0, 380.0), (-56.0, 430.0), (-100.0, 440.0),
    ])),
    ("teres_minor", pts(&[(-52.0, 366.0), (-44.0, 380.0), (-58.0, 410.0), (-70.0, 400.0)])),
    ("teres_major", pts(&[
        (-100.0, 444.0), (-62.0, 428.0), (-46.0, 454.0), (-80.0, 476.0), (-104.0, 472.0),
    ])),
    ("rhomboid_major", pts(&[(-104.0, 380.0), (-96.0, 372.0), (-94.0, 440.0), (-104.0, 452.0)])),
    // On the lateral chest wall from the mid-axillary line forward, below the raised arm.
    ("serratus_anterior", pts(&[
        (-16.0, 430.0), (20.0, 436.0), (60.0, 462.0), (86.0, 500.0), (88.0, 550.0), (76.0, 596.0),
        (40.0, 604.0), (0.0, 592.0), (-22.0, 540.0),
    ])),
    ("intercostals", pts(&[
        (-30.0, 440.0), (40.0, 450.0), (84.0, 490.0), (86.0, 580.0), (30.0, 610.0), (-40.0, 600.0),
    ])),
    ("latissimus_dorsi", pts(&[
        (-104.0, 452.0), (-60.0, 470.0), (-30.0, 470.0), (-20.0, 560.0), (-30.0, 640.0),
        (-80.0, 690.0), (-86.0, 640.0), (-94.0, 540.0),
    ])),
    ("serratus_posterior_inferior", pts(&[
        (-94.0, 560.0), (-60.0, 566.0), (-60.0, 610.0), (-88.0, 620.0),
    ])),
    ("longissimus_thoracis", pts(&[
        (-106.0, 440.0), (-94.0, 440.0), (-76.0, 560.0), (-72.0, 680.0), (-90.0, 720.0),
        (-86.0, 650.0), (-94.0, 540.0),
    ])),
    ("iliocostalis_lumborum", pts(&[
        (-78.0, 620.0), (-62.0, 640.0), (-62.0, 700.0), (-80.0, 718.0),
    ])),
    ("quadratus_lumborum", pts(&[(-80.0, 640.0), (-44.0, 640.0), (-40.0, 700.0), (-76.0, 712.0)])),
    ("multifidus", pts(&[
        (-74.0, 660.0), (-66.0, 662.0), (-70.0, 720.0), (-86.0, 770.0), (-94.0, 766.0),
        (-80.0, 720.0),
    ])),
    ("internal_oblique", pts(&[
        (-30.0, 650.0), (30.0, 640.0), (80.0, 690.0), (80.0, 740.0), (20.0, 722.0), (-40.0, 720.0),
    ])),
    ("transversus_abdominis", pts(&[
        (-40.0, 620.0), (40.0, 612.0), (86.0, 660.0), (90.0, 740.0), (20.0, 728.0), (-44.0, 716.0),
    ])),
    ("external_oblique", pts(&[
        (-26.0, 570.0), (20.0, 560.0), (80.0, 560.0), (88.0, 620.0), (96.0, 690.0), (90.0, 760.0),
        (40.0, 726.0), (-30.0, 720.0), (-34.0, 650.0),
    ])),
    ("rectus_abdominis", pts(&[
        (80.0, 520.0), (90.0, 525.0), (88.0, 600.0), (97.0, 680.0), (96.0, 750.0), (86.0, 800.0),
        (76.0, 760.0), (78.0, 640.0),
    ])),
    ("gluteus_minimus", pts(&[
        (-70.0, 750.0), (-10.0, 740.0), (20.0, 770.0), (14.0, 820.0), (-30.0, 810.0), (-70.0, 800.0),
    ])),
    ("piriformis", strap(&[(-100.0, 800.0), (-60.0, 812.0), (-20.0, 822.0)], &[20.0, 18.0, 12.0])),
    ("gluteus_medius", pts(&[
        (-86.0, 730.0), (-30.0, 714.0), (28.0, 724.0), (40.0, 770.0), (20.0, 800.0), (-20.0, 818.0),
        (-70.0, 800.0), (-96.0, 770.0),
    ])),
    ("gluteus_maximus", pts(&[
        (-118.0, 790.0), (-96.0, 770.0), (-56.0, 800.0), (-20.0, 830.0), (0.0, 880.0),
        (-20.0, 920.0), (-60.0, 930.0), (-100.0, 945.0), (-122.0, 870.0),
    ])),
    ("iliopsoas", pts(&[
        (40.0, 790.0), (70.0, 790.0), (80.0, 850.0), (60.0, 870.0), (40.0, 840.0),
    ])),
    ("tensor_fasciae_latae", pts(&[
        (30.0, 740.0), (70.0, 770.0), (80.0, 830.0), (60.0, 880.0), (40.0, 876.0), (36.0, 800.0),
    ])),
    ("rectus_femoris", strap(&[
        (76.0, 860.0), (84.0, 960.0), (78.0, 1080.0), (66.0, 1200.0),
    ], &[20.0, 20.0, 18.0, 12.0])),
    ("vastus_intermedius", strap(&[
        (50.0, 900.0), (56.0, 1000.0), (52.0, 1110.0), (42.0, 1190.0),
    ], &[30.0, 34.0, 30.0, 18.0])),
    ("vastus_lateralis", pts(&[
        (-14.0, 880.0), (34.0, 880.0), (64.0, 930.0), (74.0, 1080.0), (56.0, 1200.0),
        (30.0, 1226.0), (0.0, 1200.0), (-10.0, 1080.0), (-16.0, 960.0),
    ])),
    ("biceps_femoris", pts(&[
        (-96.0, 950.0), (-20.0, 920.0), (-14.0, 1000.0), (-20.0, 1120.0), (-28.0, 1240.0),
        (-50.0, 1250.0), (-70.0, 1180.0), (-86.0, 1050.0),
    ])),
    ("popliteus", pts(&[(-56.0, 1270.0), (-34.0, 1268.0), (-34.0, 1290.0), (-56.0, 1296.0)])),
    ("gastrocnemius_lateral", pts(&[
        (-66.0, 1262.0), (-40.0, 1270.0), (-28.0, 1340.0), (-40.0, 1440.0), (-62.0, 1460.0),
        (-82.0, 1380.0), (-76.0, 1300.0),
    ])),
    ("soleus", pts(&[
        (-66.0, 1340.0), (-30.0, 1340.0), (-16.0, 1440.0), (-30.0, 1560.0), (-44.0, 1600.0),
        (-50.0, 1500.0), (-62.0, 1460.0),
    ])),
    ("tibialis_posterior", strap(&[
        (-12.0, 1420.0), (-14.0, 1520.0), (-16.0, 1620.0),
    ], &[12.0, 12.0, 8.0])),
    ("fibularis_longus", strap(&[
        (-14.0, 1310.0), (-10.0, 1400.0), (-10.0, 1500.0),
    ], &[22.0, 22.0, 14.0])),
    ("fibularis_brevis", strap(&[
        (-20.0, 1480.0), (-16.0, 1560.0), (-6.0, 1650.0),
    ], &[16.0, 16.0, 8.0])),
    ("extensor_digitorum_longus", strap(&[
        (8.0, 1310.0), (12.0, 1420.0), (16.0, 1530.0), (26.0, 1650.0),
    ], &[14.0, 16.0, 12.0, 8.0])),
    ("tibialis_anterior", strap(&[
        (30.0, 1300.0), (38.0, 1420.0), (36.0, 1540.0), (34.0, 1650.0),
    ], &[20.0, 22.0, 14.0, 8.0])),
    ("fibularis_tertius", strap(&[(18.0, 1540.0), (24.0, 1630.0), (44.0, 1700.0)], &[10.0, 8.0, 6.0])),
    ("extensor_hallucis_brevis", pts(&[(84.0, 1712.0), (110.0, 1720.0), (112.0, 1732.0), (86.0, 1730.0)])),
    ("extensor_digitorum_brevis", pts(&[
        (40.0, 1700.0), (80.0, 1706.0), (100.0, 1722.0), (70.0, 1734.0), (36.0, 1730.0),
    ])),
    ("abductor_digiti_minimi_pedis", pts(&[
        (-50.0, 1740.0), (0.0, 1742.0), (60.0, 1746.0), (60.0, 1754.0), (-40.0, 1754.0),
    ])),
];

#[rustfmt::skip]
const LATERAL_ARM_MUSCLES: &[(&str, Shape)] = &[
    // The deltoid from its origin (scapular spine, acromion, clavicle: these stay on the trunk
    // when the arm is raised) to the deltoid tuberosity.
    ("posterior_deltoid", pts(&[
        (-46.0, 340.0), (-24.0, 327.0), (-8.0, 380.0), (4.0, 452.0), (-18.0, 436.0),
        (-40.0, 392.0), (-45.0, 360.0),
    ])),
    ("anterior_deltoid", pts(&[
        (22.0, 322.0), (44.0, 330.0), (58.0, 352.0), (54.0, 395.0), (40.0, 425.0), (12.0, 456.0),
        (20.0, 380.0),
    ])),
    ("middle_deltoid", pts(&[
        (-22.0, 326.0), (0.0, 320.0), (22.0, 322.0), (20.0, 380.0), (8.0, 456.0), (-8.0, 380.0),
    ])),
    ("triceps_brachii", pts(&[
        (-46.0, 430.0), (-20.0, 452.0), (-12.0, 520.0), (-16.0, 620.0), (-30.0, 660.0),
        (-42.0, 560.0),
    ])),
    ("anconeus", pts(&[(-24.0, 650.0), (-6.0, 664.0), (-2.0, 694.0), (-16.0, 690.0)])),
    ("brachialis", pts(&[
        (-10.0, 520.0), (10.0, 520.0), (26.0, 580.0), (40.0, 640.0), (20.0, 650.0), (-8.0, 610.0),
    ])),
    ("biceps_brachii", pts(&[
        (10.0, 450.0), (30.0, 440.0), (46.0, 470.0), (42.0, 560.0), (40.0, 620.0), (26.0, 580.0),
        (10.0, 520.0),
    ])),
    ("supinator", strap(&[(20.0, 690.0), (46.0, 740.0), (64.0, 780.0)], &[12.0, 14.0, 10.0])),
    ("brachioradialis", strap(&[
        (40.0, 600.0), (56.0, 690.0), (80.0, 770.0), (110.0, 880.0),
    ], &[16.0, 28.0, 22.0, 12.0])),
    ("extensor_carpi_radialis_longus", strap(&[
        (30.0, 640.0), (46.0, 710.0), (66.0, 780.0),
    ], &[14.0, 18.0, 12.0])),
    ("extensor_carpi_radialis_brevis", strap(&[
        (20.0, 680.0), (46.0, 770.0), (74.0, 850.0), (96.0, 920.0),
    ], &[14.0, 16.0, 12.0, 8.0])),
    ("extensor_digitorum", strap(&[
        (6.0, 690.0), (34.0, 790.0), (60.0, 870.0), (86.0, 940.0),
    ], &[16.0, 18.0, 14.0, 10.0])),
    ("extensor_carpi_ulnaris", strap(&[
        (-2.0, 690.0), (22.0, 770.0), (44.0, 830.0), (64.0, 872.0),
    ], &[10.0, 12.0, 10.0, 6.0])),
    ("first_dorsal_interosseous", pts(&[
        (118.0, 930.0), (138.0, 950.0), (140.0, 990.0), (124.0, 984.0), (112.0, 950.0),
    ])),
];

// ---------------------------------------------------------------------------------------------
// Head-and-neck detail views: the full-body drawing cropped at the shoulders.

/// The outline of the head-and-neck front or back view.
pub fn head_front_back_outline() -> Vec<Knot> {
    let mut half = HEAD_HALF[..HEAD_HALF.len() - 1].to_vec();
    half.extend([k(240.0, 372.0), corner(246.0, 400.0)]);
    let other: Vec<Knot> = half[1..].iter().rev().map(|knot| knot.mirrored()).collect();
    half.extend(other);
    half
}

/// The outline of the head-and-neck right lateral view.
pub fn head_lateral_outline() -> Vec<Knot> {
    let body = LATERAL_BODY;
    let mut outline = body[..=position_of(body, 56.0, 312.0)].to_vec();
    outline.extend([k(82.0, 350.0), corner(100.0, 400.0), corner(-104.0, 400.0)]);
    outline.extend_from_slice(&body[position_of(body, -100.0, 360.0)..]);
    outline
}

// ---------------------------------------------------------------------------------------------
// Soles of the feet, as a plantar chart shows them: toes up, heels down, seen from behind the
// patient (so the right foot is at +x, its big toe towards the midline).

/// Points drawn heel-up, flipped so the toes are at the top (y from 1500 to 1760).
fn sole(points: &[Xy]) -> Vec<Pt> {
    points
        .iter()
        .map(|&(x, y)| Pt::new(x, 3260.0 - y))
        .collect()
}

/// The right sole, heel up.
#[rustfmt::skip]
const SOLE: &[Xy] = &[
    (84.0, 1500.0), (106.0, 1505.0), (114.0, 1540.0), (116.0, 1590.0), (124.0, 1650.0),
    (132.0, 1700.0), (128.0, 1735.0), (112.0, 1752.0), (90.0, 1752.0), (70.0, 1745.0),
    (56.0, 1725.0), (58.0, 1690.0), (66.0, 1630.0), (64.0, 1570.0), (62.0, 1530.0), (68.0, 1506.0),
];

/// The outlines of the right (part 0) and left (part 1) soles.
pub fn plantar_outlines() -> [Vec<Pt>; 2] {
    let right = sole(SOLE);
    let left = right.iter().map(|p| p.mirrored()).collect();
    [right, left]
}

/// The toe creases of both soles.
pub fn plantar_contours() -> Vec<ContourLine> {
    let mut out = Vec::new();
    for x in [72.0, 88.0, 102.0, 114.0] {
        let crease = sole(&[(x, 1712.0), (x + 2.0, 1722.0)]);
        let mirrored: Vec<Pt> = crease.iter().map(|p| p.mirrored()).collect();
        out.push(line(ContourKind::Feature, smooth_open(&crease)));
        out.push(line(ContourKind::Feature, smooth_open(&mirrored)).on_part(1));
    }
    out
}

/// The muscles of the right sole (heel-up points), each mirrored onto the left sole.
pub fn plantar_muscles() -> impl Iterator<Item = (&'static str, Vec<Pt>)> {
    PLANTAR_MUSCLES.iter().map(|&(m, points)| (m, sole(points)))
}

#[rustfmt::skip]
const PLANTAR_MUSCLES: &[(&str, &[Xy])] = &[
    ("quadratus_plantae", &[(74.0, 1540.0), (102.0, 1538.0), (106.0, 1590.0), (80.0, 1600.0)]),
    ("flexor_digitorum_brevis", &[
        (78.0, 1560.0), (102.0, 1556.0), (112.0, 1640.0), (106.0, 1700.0), (80.0, 1700.0),
        (72.0, 1620.0),
    ]),
    ("abductor_hallucis", &[
        (64.0, 1540.0), (72.0, 1536.0), (76.0, 1620.0), (66.0, 1690.0), (58.0, 1690.0),
        (64.0, 1620.0),
    ]),
    ("abductor_digiti_minimi_pedis", &[
        (106.0, 1530.0), (113.0, 1540.0), (120.0, 1640.0), (116.0, 1660.0), (108.0, 1620.0),
    ]),
    ("plantar_interossei_foot", &[(80.0, 1638.0), (106.0, 1638.0), (107.0, 1658.0), (80.0, 1660.0)]),
    ("flexor_hallucis_brevis", &[(62.0, 1648.0), (76.0, 1646.0), (78.0, 1700.0), (64.0, 1704.0)]),
    ("adductor_hallucis", &[(76.0, 1660.0), (108.0, 1662.0), (110.0, 1688.0), (78.0, 1698.0)]),
    ("flexor_digiti_minimi_pedis", &[(108.0, 1640.0), (119.0, 1642.0), (121.0, 1690.0), (110.0, 1690.0)]),
    ("lumbricals_foot", &[(80.0, 1690.0), (110.0, 1690.0), (112.0, 1708.0), (82.0, 1712.0)]),
];

// ---------------------------------------------------------------------------------------------
// Detail views of the hands and feet (body map version 2), each in its own frame at true size
// (mm), the two sides mirror images about x = 0. Fingers and toes point up.

/// One finger or toe: the centre of its base, the centre of its tip and its width.
struct Digit {
    base: Xy,
    tip: Xy,
    width: f64,
}

const fn digit(base: Xy, tip: Xy, width: f64) -> Digit {
    Digit { base, tip, width }
}

/// A digit's outline from the base of its side towards -x, round the tip, to the base of its
/// other side.
fn digit_knots(d: &Digit) -> [Knot; 7] {
    let (bx, by) = d.base;
    let (tx, ty) = d.tip;
    let len = super::geometry::hypot(tx - bx, ty - by);
    let (dx, dy) = ((tx - bx) / len, (ty - by) / len);
    // The side towards -x of a digit pointing up.
    let (nx, ny) = (dy, -dx);
    let h = d.width / 2.0;
    let near_tip = (tx - dx * h, ty - dy * h);
    let mid = ((bx + near_tip.0) / 2.0, (by + near_tip.1) / 2.0);
    [
        k(bx + nx * h, by + ny * h),
        k(mid.0 + nx * h, mid.1 + ny * h),
        k(near_tip.0 + nx * h, near_tip.1 + ny * h),
        k(tx, ty),
        k(near_tip.0 - nx * h, near_tip.1 - ny * h),
        k(mid.0 - nx * h, mid.1 - ny * h),
        k(bx - nx * h, by - ny * h),
    ]
}

/// An outline running up one border, over the digits and down the other border; between two
/// digits a web corner replaces their bases, `web_depth` below the bases' midpoint.
fn digits_outline(start: &[Knot], digits: &[Digit], web_depth: f64, end: &[Knot]) -> Vec<Knot> {
    let mut out = start.to_vec();
    let mut previous: Option<Knot> = None;
    for d in digits {
        let knots = digit_knots(d);
        match previous {
            Some(last) => {
                let first = knots[0].at;
                out.push(corner(
                    (last.at.x + first.x) / 2.0,
                    (last.at.y + first.y) / 2.0 + web_depth,
                ));
                out.extend_from_slice(&knots[1..6]);
            }
            None => out.extend_from_slice(&knots[..6]),
        }
        previous = Some(knots[6]);
    }
    out.extend(previous);
    out.extend_from_slice(end);
    out
}

/// The hand at +x, palm or back towards the viewer (the outline is the same), fingers apart:
/// little finger towards the midline, thumb outwards.
const HAND_DIGITS: [Digit; 5] = [
    digit((114.0, 140.0), (98.0, 74.0), 15.0),
    digit((133.0, 131.0), (127.0, 50.0), 17.0),
    digit((152.0, 129.0), (156.0, 40.0), 18.0),
    digit((171.0, 133.0), (186.0, 56.0), 17.0),
    digit((200.0, 188.0), (240.0, 126.0), 22.0),
];

pub fn hand_outline() -> Vec<Knot> {
    digits_outline(
        &[corner(114.0, 262.0), k(108.0, 222.0), k(105.0, 180.0)],
        &HAND_DIGITS,
        5.0,
        &[k(210.0, 214.0), k(194.0, 240.0), corner(188.0, 262.0)],
    )
}

/// Creases of the palm and the fingers' joints (palmar), or knuckles and nails (dorsal).
pub fn hand_contours(palmar: bool) -> Vec<ContourLine> {
    use ContourKind::{Bone, Feature};
    let mut out = Vec::new();
    if palmar {
        // Thenar, proximal and distal palmar creases, wrist crease.
        out.push(
            line(
                Feature,
                smooth_open(&[(176.0, 150.0), (178.0, 190.0), (172.0, 230.0)]),
            )
            .paired(),
        );
        out.push(
            line(
                Feature,
                smooth_open(&[(112.0, 172.0), (140.0, 168.0), (172.0, 150.0)]),
            )
            .paired(),
        );
        out.push(
            line(
                Feature,
                smooth_open(&[(108.0, 194.0), (140.0, 186.0), (176.0, 164.0)]),
            )
            .paired(),
        );
        out.push(
            line(
                Feature,
                smooth_open(&[(118.0, 250.0), (152.0, 254.0), (188.0, 250.0)]),
            )
            .paired(),
        );
    }
    for d in &HAND_DIGITS {
        let (bx, by) = d.base;
        let (tx, ty) = d.tip;
        let h = d.width / 2.0 - 2.0;
        let len = super::geometry::hypot(tx - bx, ty - by);
        let (dx, dy) = ((tx - bx) / len, (ty - by) / len);
        let (nx, ny) = (dy, -dx);
        // Creases (palmar) or knuckles (dorsal) at a third and two thirds of the digit.
        for t in [0.35, 0.7] {
            let (cx, cy) = (bx + (tx - bx) * t, by + (ty - by) * t);
            let kind = if palmar { Feature } else { Bone };
            out.push(
                line(
                    kind,
                    smooth_open(&[(cx + nx * h, cy + ny * h), (cx - nx * h, cy - ny * h)]),
                )
                .paired(),
            );
        }
        if !palmar {
            let (cx, cy) = (tx - dx * d.width * 0.55, ty - dy * d.width * 0.55);
            out.push(
                line(
                    Feature,
                    smooth(&ellipse_points(cx, cy, h * 0.7, d.width * 0.35, 0.0, 8)),
                )
                .paired(),
            );
        }
    }
    out
}

/// The intrinsic muscles of the palm (left hand at +x on a view facing the patient).
#[rustfmt::skip]
pub const HAND_PALMAR_MUSCLES: &[(&str, Shape)] = &[
    ("opponens_pollicis", pts(&[(184.0, 222.0), (198.0, 210.0), (208.0, 190.0), (198.0, 184.0), (184.0, 202.0)])),
    ("abductor_pollicis_brevis", pts(&[(192.0, 214.0), (206.0, 196.0), (212.0, 180.0), (204.0, 174.0), (190.0, 188.0), (186.0, 204.0)])),
    ("flexor_pollicis_brevis", pts(&[(174.0, 214.0), (186.0, 206.0), (194.0, 186.0), (184.0, 180.0), (172.0, 196.0)])),
    ("adductor_pollicis", pts(&[(156.0, 178.0), (180.0, 172.0), (192.0, 166.0), (184.0, 158.0), (158.0, 164.0)])),
    ("lumbricals_hand", pts(&[(120.0, 160.0), (176.0, 150.0), (178.0, 140.0), (122.0, 146.0)])),
    ("palmar_interossei_hand", pts(&[(128.0, 192.0), (168.0, 186.0), (170.0, 168.0), (128.0, 174.0)])),
    ("opponens_digiti_minimi", pts(&[(112.0, 232.0), (126.0, 228.0), (128.0, 180.0), (114.0, 176.0)])),
    ("abductor_digiti_minimi_hand", pts(&[(108.0, 240.0), (116.0, 236.0), (116.0, 170.0), (108.0, 160.0), (105.0, 200.0)])),
    ("flexor_digiti_minimi_hand", pts(&[(116.0, 226.0), (124.0, 222.0), (124.0, 170.0), (116.0, 166.0)])),
];

/// The intrinsic muscles of the back of the hand (right hand at +x on a view from behind).
#[rustfmt::skip]
pub const HAND_DORSAL_MUSCLES: &[(&str, Shape)] = &[
    ("dorsal_interossei_hand", pts(&[(120.0, 150.0), (168.0, 146.0), (172.0, 200.0), (124.0, 206.0)])),
    ("first_dorsal_interosseous", pts(&[(172.0, 166.0), (186.0, 164.0), (198.0, 182.0), (190.0, 200.0), (176.0, 190.0)])),
    ("abductor_digiti_minimi_hand", pts(&[(106.0, 232.0), (114.0, 228.0), (114.0, 168.0), (106.0, 160.0)])),
];

/// The left foot's dorsum at +x on a view facing the patient: big toe towards the midline.
const FOOT_DIGITS: [Digit; 5] = [
    digit((62.0, 72.0), (58.0, 20.0), 28.0),
    digit((88.0, 66.0), (90.0, 22.0), 17.0),
    digit((106.0, 72.0), (110.0, 34.0), 16.0),
    digit((122.0, 80.0), (128.0, 48.0), 15.0),
    digit((136.0, 92.0), (144.0, 66.0), 14.0),
];

pub fn foot_dorsal_outline() -> Vec<Knot> {
    digits_outline(
        &[corner(62.0, 262.0), k(50.0, 180.0), k(46.0, 110.0)],
        &FOOT_DIGITS,
        4.0,
        &[k(150.0, 130.0), k(142.0, 200.0), corner(128.0, 262.0)],
    )
}

/// Toe joints and nails, the ankle's malleoli.
pub fn foot_dorsal_contours() -> Vec<ContourLine> {
    use ContourKind::{Bone, Feature};
    let mut out = Vec::new();
    for d in &FOOT_DIGITS {
        let (tx, ty) = d.tip;
        out.push(
            line(
                Feature,
                oval(tx, ty + d.width * 0.5, d.width * 0.3, d.width * 0.3),
            )
            .paired(),
        );
    }
    out.push(line(Bone, oval(58.0, 246.0, 8.0, 9.0)).paired());
    out.push(line(Bone, oval(132.0, 252.0, 7.0, 8.0)).paired());
    out
}

#[rustfmt::skip]
pub const FOOT_DORSAL_MUSCLES: &[(&str, Shape)] = &[
    ("dorsal_interossei_foot", pts(&[(72.0, 112.0), (130.0, 120.0), (132.0, 140.0), (74.0, 134.0)])),
    ("extensor_digitorum_brevis", pts(&[(102.0, 206.0), (130.0, 196.0), (136.0, 164.0), (116.0, 150.0), (98.0, 170.0)])),
    ("extensor_hallucis_brevis", pts(&[(86.0, 196.0), (100.0, 190.0), (90.0, 150.0), (72.0, 124.0), (64.0, 132.0), (78.0, 168.0)])),
];

/// The right foot's medial side at +x on a view from behind and to the patient's left: heel
/// outwards, toes towards the midline, sole down.
#[rustfmt::skip]
pub const FOOT_MEDIAL: &[Knot] = &[
    corner(262.0, 20.0), k(286.0, 90.0), k(300.0, 140.0), k(298.0, 180.0), k(280.0, 204.0),
    k(236.0, 200.0), k(180.0, 186.0), k(120.0, 190.0), k(70.0, 200.0), k(40.0, 196.0),
    k(26.0, 180.0), k(32.0, 162.0), k(60.0, 150.0), k(120.0, 120.0), k(180.0, 84.0),
    corner(214.0, 20.0),
];

pub fn foot_medial_contours() -> Vec<ContourLine> {
    use ContourKind::{Bone, Feature};
    vec![
        line(Bone, oval(244.0, 96.0, 11.0, 12.0)).paired(),
        line(
            Feature,
            smooth_open(&[(52.0, 152.0), (56.0, 172.0), (54.0, 196.0)]),
        )
        .paired(),
        line(
            Bone,
            smooth_open(&[(120.0, 178.0), (170.0, 172.0), (220.0, 176.0)]),
        )
        .paired(),
    ]
}

#[rustfmt::skip]
pub const FOOT_MEDIAL_MUSCLES: &[(&str, Shape)] = &[
    ("quadratus_plantae", pts(&[(250.0, 194.0), (200.0, 190.0), (200.0, 180.0), (250.0, 184.0)])),
    ("flexor_digitorum_brevis", pts(&[(246.0, 196.0), (160.0, 188.0), (160.0, 180.0), (246.0, 188.0)])),
    ("abductor_hallucis", pts(&[
        (272.0, 190.0), (230.0, 184.0), (160.0, 176.0), (100.0, 182.0), (72.0, 180.0), (74.0, 168.0),
        (120.0, 160.0), (190.0, 158.0), (250.0, 164.0), (278.0, 176.0),
    ])),
    ("flexor_hallucis_brevis", pts(&[(124.0, 186.0), (82.0, 192.0), (72.0, 184.0), (112.0, 176.0)])),
];
