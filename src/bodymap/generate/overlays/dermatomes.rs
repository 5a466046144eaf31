//! Dermatomes, schematic, after the evidence-based map of Lee, McPhee & Stringer (2008), which
//! was drawn from studies of root stimulation, root lesions and anaesthetic blocks rather than
//! from the classic Foerster and Keegan–Garrett drawings. Trunk bands are placed by height
//! (T4 at the nipple, T6 at the xiphoid, T10 at the umbilicus on the front; one spinal level
//! about every 30 mm from C7 to L4 on the back), limb strips by fractions of the limb's width.

use super::{Area, INDEX_MIDDLE, Layer, On, RING_LITTLE, Shape, THUMB};

/// Hand-placed points: the digits below the hand's strips.
const fn points(id: &'static str, on: On, points: &'static [(f64, f64)]) -> Area {
    Area {
        id,
        name: id,
        on,
        shape: Shape::Points(points),
    }
}

const fn band(id: &'static str, on: On, y0: f64, y1: f64, f0: f64, f1: f64) -> Area {
    Area {
        id,
        name: id,
        on,
        shape: Shape::Band { y0, y1, f0, f1 },
    }
}

const fn arm(id: &'static str, on: On, rows: &'static [(f64, f64, f64)]) -> Area {
    Area {
        id,
        name: id,
        on,
        shape: Shape::Arm(rows),
    }
}

const fn leg(id: &'static str, on: On, rows: &'static [(f64, f64, f64)]) -> Area {
    Area {
        id,
        name: id,
        on,
        shape: Shape::Leg(rows),
    }
}

use On::{Back, Front, Lateral, LateralArm};

#[rustfmt::skip]
const AREAS: &[Area] = &[
    // Front: neck and trunk (C4 meets T2 on the upper chest, as Lee et al. draw it).
    band("C3", Front, 230.0, 275.0, 0.0, 1.0),
    band("C4", Front, 275.0, 350.0, 0.0, 0.97),
    band("T2", Front, 350.0, 410.0, 0.0, 0.68),
    band("T3", Front, 410.0, 458.0, 0.0, 1.0),
    band("T4", Front, 458.0, 512.0, 0.0, 1.0),
    band("T5", Front, 512.0, 540.0, 0.0, 1.0),
    band("T6", Front, 540.0, 575.0, 0.0, 1.0),
    band("T7", Front, 575.0, 605.0, 0.0, 1.0),
    band("T8", Front, 605.0, 635.0, 0.0, 1.0),
    band("T9", Front, 635.0, 670.0, 0.0, 1.0),
    band("T10", Front, 670.0, 725.0, 0.0, 1.0),
    band("T11", Front, 725.0, 770.0, 0.0, 1.0),
    band("T12", Front, 770.0, 815.0, 0.0, 1.0),
    band("L1", Front, 815.0, 875.0, 0.0, 1.0),
    band("L2", Front, 875.0, 930.0, 0.45, 1.0),
    // Front: arm (palm forward, f = 0 at the medial edge).
    arm("C5", Front, &[(445.0, 0.45, 1.0), (640.0, 0.5, 1.0)]),
    arm("T2", Front, &[(445.0, 0.0, 0.45), (630.0, 0.0, 0.5)]),
    arm("T1", Front, &[(650.0, 0.0, 0.45), (880.0, 0.0, 0.4)]),
    arm("C6", Front, &[(650.0, 0.55, 1.0), (900.0, 0.6, 1.0), (985.0, 0.62, 1.0)]),
    points("C6", Front, THUMB),
    arm("C7", Front, &[(905.0, 0.36, 0.62), (985.0, 0.36, 0.62)]),
    points("C7", Front, INDEX_MIDDLE),
    arm("C8", Front, &[(885.0, 0.0, 0.36), (985.0, 0.0, 0.36)]),
    points("C8", Front, RING_LITTLE),
    // Front: leg (f = 0 at the medial edge).
    leg("L2", Front, &[(965.0, 0.0, 1.0), (1110.0, 0.0, 1.0)]),
    leg("L3", Front, &[(1110.0, 0.0, 1.0), (1250.0, 0.0, 0.75)]),
    leg("L4", Front, &[(1250.0, 0.0, 0.75), (1290.0, 0.0, 0.5), (1690.0, 0.0, 0.45)]),
    leg("L5", Front, &[(1260.0, 0.75, 1.0), (1290.0, 0.5, 1.0), (1690.0, 0.45, 1.0)]),
    leg("L5", Front, &[(1695.0, 0.0, 0.75), (1748.0, 0.0, 0.75)]),
    leg("S1", Front, &[(1695.0, 0.75, 1.0), (1748.0, 0.75, 1.0)]),
    // Back: head, neck and trunk, one level about every 30 mm from C7 to L4.
    band("C2", Back, 40.0, 195.0, 0.0, 1.0),
    band("C3", Back, 195.0, 265.0, 0.0, 1.0),
    band("C4", Back, 265.0, 305.0, 0.0, 0.9),
    band("T1", Back, 305.0, 335.0, 0.0, 0.6),
    band("T2", Back, 335.0, 365.0, 0.0, 0.62),
    band("T3", Back, 365.0, 395.0, 0.0, 0.64),
    band("T4", Back, 395.0, 425.0, 0.0, 0.66),
    band("T5", Back, 425.0, 455.0, 0.0, 1.0),
    band("T6", Back, 455.0, 485.0, 0.0, 1.0),
    band("T7", Back, 485.0, 515.0, 0.0, 1.0),
    band("T8", Back, 515.0, 545.0, 0.0, 1.0),
    band("T9", Back, 545.0, 575.0, 0.0, 1.0),
    band("T10", Back, 575.0, 605.0, 0.0, 1.0),
    band("T11", Back, 605.0, 635.0, 0.0, 1.0),
    band("T12", Back, 635.0, 665.0, 0.0, 1.0),
    band("L1", Back, 665.0, 695.0, 0.0, 1.0),
    band("L2", Back, 695.0, 725.0, 0.0, 1.0),
    band("L3", Back, 725.0, 760.0, 0.0, 1.0),
    band("S3", Back, 790.0, 922.0, 0.0, 0.3),
    band("S2", Back, 850.0, 928.0, 0.3, 0.7),
    // Back: arm (f = 0 at the medial edge) and leg.
    arm("C5", Back, &[(445.0, 0.5, 1.0), (640.0, 0.55, 1.0)]),
    arm("T2", Back, &[(445.0, 0.0, 0.5), (630.0, 0.0, 0.55)]),
    arm("T1", Back, &[(650.0, 0.0, 0.4), (880.0, 0.0, 0.35)]),
    arm("C6", Back, &[(650.0, 0.65, 1.0), (900.0, 0.65, 1.0), (985.0, 0.65, 1.0)]),
    points("C6", Back, THUMB),
    arm("C7", Back, &[(650.0, 0.4, 0.65), (900.0, 0.35, 0.65), (985.0, 0.36, 0.62)]),
    points("C7", Back, INDEX_MIDDLE),
    arm("C8", Back, &[(885.0, 0.0, 0.35), (985.0, 0.0, 0.36)]),
    points("C8", Back, RING_LITTLE),
    leg("S2", Back, &[(965.0, 0.25, 0.75), (1240.0, 0.25, 0.7), (1500.0, 0.3, 0.55)]),
    leg("L4", Back, &[(1270.0, 0.0, 0.25), (1690.0, 0.0, 0.25)]),
    leg("S1", Back, &[(1260.0, 0.7, 1.0), (1500.0, 0.55, 1.0), (1690.0, 0.5, 1.0)]),
    leg("S1", Back, &[(1695.0, 0.0, 1.0), (1745.0, 0.0, 1.0)]),
    // Right side (f = 0 at the back edge, 1 at the front).
    band("C2", Lateral, 30.0, 160.0, 0.03, 0.42),
    band("C3", Lateral, 195.0, 265.0, 0.0, 0.7),
    leg("L2", Lateral, &[(905.0, 0.35, 0.95), (1080.0, 0.3, 0.95)]),
    leg("L3", Lateral, &[(1080.0, 0.45, 1.0), (1250.0, 0.55, 1.0)]),
    leg("S2", Lateral, &[(960.0, 0.0, 0.25), (1240.0, 0.0, 0.3)]),
    leg("S1", Lateral, &[(1270.0, 0.0, 0.45), (1680.0, 0.0, 0.45)]),
    leg("L5", Lateral, &[(1270.0, 0.45, 1.0), (1680.0, 0.45, 1.0)]),
    leg("L5", Lateral, &[(1690.0, 0.35, 1.0), (1724.0, 0.3, 1.0)]),
    leg("S1", Lateral, &[(1727.0, 0.0, 1.0), (1752.0, 0.0, 1.0)]),
    arm("C5", LateralArm, &[(345.0, 0.05, 0.95), (640.0, 0.1, 0.95)]),
    arm("C6", LateralArm, &[(660.0, 0.1, 0.95), (985.0, 0.1, 0.95)]),
];

pub const LAYER: Layer = Layer {
    id: "dermatomes",
    name: "Dermatomes",
    source: "Lee MWL, McPhee RW, Stringer MD. An evidence-based approach to human dermatomes. \
             Clinical Anatomy 2008;21(5):363-373. doi:10.1002/ca.20636. Drawn schematically \
             on myomap's standard adult: bands placed by height and fractions of the trunk's \
             and limbs' widths.",
    caveat: "Dermatome maps differ between sources, neighbouring dermatomes overlap, and \
             the areas supplied vary between people: Lee et al. drew the most consistent \
             areas and left areas of variability blank. Use the map to suspect a spinal root, \
             never to locate one; a radicular pattern needs a neurological examination.",
    areas: AREAS,
    landmarks: &[],
};
