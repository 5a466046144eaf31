//! Cutaneous fields of the main peripheral nerves, schematic, after the standard anatomy
//! text (Gray's Anatomy, 42nd ed.): limb fields by fractions of the limb's width, the face's
//! trigeminal divisions and the greater occipital nerve placed by hand on the head.

use super::{Area, INDEX_MIDDLE, Layer, On, RING_LITTLE, Shape, THUMB};
use On::{Back, Front, Lateral, LateralArm, Sole};

const fn area(id: &'static str, name: &'static str, on: On, shape: Shape) -> Area {
    Area {
        id,
        name,
        on,
        shape,
    }
}

const SUPRACLAVICULAR: &str = "Supraclavicular nerves";
const AXILLARY: &str = "Axillary nerve (superior lateral cutaneous nerve of arm)";
const RADIAL: &str = "Radial nerve";
const MUSCULOCUTANEOUS: &str = "Musculocutaneous nerve (lateral cutaneous nerve of forearm)";
const MEDIAL_FOREARM: &str = "Medial cutaneous nerve of forearm";
const MEDIAN: &str = "Median nerve";
const ULNAR: &str = "Ulnar nerve";
const LFCN: &str = "Lateral femoral cutaneous nerve";
const FEMORAL: &str = "Femoral nerve (anterior cutaneous branches)";
const OBTURATOR: &str = "Obturator nerve";
const SAPHENOUS: &str = "Saphenous nerve";
const COMMON_FIBULAR: &str = "Common fibular nerve (lateral cutaneous nerve of calf)";
const SUPERFICIAL_FIBULAR: &str = "Superficial fibular nerve";
const DEEP_FIBULAR: &str = "Deep fibular nerve";
const SURAL: &str = "Sural nerve";
const MEDIAL_PLANTAR: &str = "Medial plantar nerve (tibial)";
const LATERAL_PLANTAR: &str = "Lateral plantar nerve (tibial)";
const CALCANEAL: &str = "Medial calcaneal branches (tibial)";
const GREATER_OCCIPITAL: &str = "Greater occipital nerve";
const V1: &str = "Ophthalmic nerve (V1)";
const V2: &str = "Maxillary nerve (V2)";
const V3: &str = "Mandibular nerve (V3)";

#[rustfmt::skip]
const AREAS: &[Area] = &[
    area("supraclavicular", SUPRACLAVICULAR, Front, Shape::Band { y0: 285.0, y1: 365.0, f0: 0.3, f1: 0.95 }),
    area("supraclavicular", SUPRACLAVICULAR, Back, Shape::Band { y0: 280.0, y1: 320.0, f0: 0.45, f1: 0.9 }),
    area("axillary", AXILLARY, LateralArm, Shape::Arm(&[(385.0, 0.1, 0.9), (480.0, 0.15, 0.85)])),
    area("axillary", AXILLARY, Back, Shape::Arm(&[(445.0, 0.55, 1.0), (500.0, 0.6, 1.0)])),
    area("radial", RADIAL, Back, Shape::Arm(&[(505.0, 0.3, 0.7), (630.0, 0.3, 0.7)])),
    area("radial", RADIAL, Back, Shape::Arm(&[(660.0, 0.3, 0.7), (880.0, 0.3, 0.7)])),
    area("radial", RADIAL, Back, Shape::Arm(&[(905.0, 0.5, 1.0), (985.0, 0.55, 1.0)])),
    area("radial", RADIAL, Back, Shape::Points(THUMB)),
    area("musculocutaneous", MUSCULOCUTANEOUS, Front, Shape::Arm(&[(660.0, 0.55, 1.0), (890.0, 0.6, 1.0)])),
    area("medial_cutaneous_forearm", MEDIAL_FOREARM, Front, Shape::Arm(&[(660.0, 0.0, 0.45), (880.0, 0.0, 0.4)])),
    area("median", MEDIAN, Front, Shape::Arm(&[(905.0, 0.4, 1.0), (985.0, 0.4, 1.0)])),
    area("median", MEDIAN, Front, Shape::Points(THUMB)),
    area("median", MEDIAN, Front, Shape::Points(INDEX_MIDDLE)),
    area("ulnar", ULNAR, Front, Shape::Arm(&[(905.0, 0.0, 0.4), (985.0, 0.0, 0.4)])),
    area("ulnar", ULNAR, Front, Shape::Points(RING_LITTLE)),
    area("ulnar", ULNAR, Back, Shape::Arm(&[(905.0, 0.0, 0.5), (985.0, 0.0, 0.45)])),
    area("ulnar", ULNAR, Back, Shape::Points(RING_LITTLE)),
    area("lateral_femoral_cutaneous", LFCN, Front, Shape::Leg(&[(975.0, 0.55, 1.0), (1180.0, 0.6, 1.0)])),
    area("lateral_femoral_cutaneous", LFCN, Lateral, Shape::Leg(&[(930.0, 0.6, 1.0), (1160.0, 0.55, 1.0)])),
    area("femoral", FEMORAL, Front, Shape::Leg(&[(975.0, 0.15, 0.55), (1230.0, 0.15, 0.6)])),
    area("obturator", OBTURATOR, Front, Shape::Leg(&[(1040.0, 0.0, 0.15), (1180.0, 0.0, 0.15)])),
    area("saphenous", SAPHENOUS, Front, Shape::Leg(&[(1250.0, 0.0, 0.35), (1690.0, 0.0, 0.3)])),
    area("common_fibular", COMMON_FIBULAR, Lateral, Shape::Leg(&[(1270.0, 0.3, 0.75), (1440.0, 0.3, 0.75)])),
    area("superficial_fibular", SUPERFICIAL_FIBULAR, Front, Shape::Leg(&[(1440.0, 0.45, 1.0), (1690.0, 0.4, 1.0)])),
    area("superficial_fibular", SUPERFICIAL_FIBULAR, Front, Shape::Leg(&[(1695.0, 0.3, 0.85), (1745.0, 0.3, 0.85)])),
    area("deep_fibular", DEEP_FIBULAR, Front, Shape::Ellipse(76.0, 1736.0, 6.0, 9.0)),
    area("sural", SURAL, Back, Shape::Leg(&[(1450.0, 0.6, 1.0), (1690.0, 0.55, 1.0)])),
    area("sural", SURAL, Lateral, Shape::Leg(&[(1705.0, 0.0, 0.7), (1750.0, 0.0, 0.7)])),
    area("medial_plantar", MEDIAL_PLANTAR, Sole, Shape::Leg(&[(1515.0, 0.03, 0.6), (1690.0, 0.03, 0.55)])),
    area("lateral_plantar", LATERAL_PLANTAR, Sole, Shape::Leg(&[(1515.0, 0.6, 0.97), (1690.0, 0.55, 0.97)])),
    area("medial_calcaneal", CALCANEAL, Sole, Shape::Leg(&[(1695.0, 0.05, 0.95), (1750.0, 0.1, 0.9)])),
    area("greater_occipital", GREATER_OCCIPITAL, Back, Shape::Points(&[
        (5.0, 45.0), (38.0, 42.0), (55.0, 90.0), (56.0, 150.0), (42.0, 190.0), (6.0, 195.0),
    ])),
    area("trigeminal_v1", V1, Front, Shape::Points(&[
        (2.0, 12.0), (45.0, 20.0), (68.0, 55.0), (72.0, 100.0), (52.0, 107.0), (28.0, 111.0),
        (14.0, 132.0), (4.0, 150.0),
    ])),
    area("trigeminal_v2", V2, Front, Shape::Points(&[
        (16.0, 140.0), (30.0, 118.0), (58.0, 114.0), (76.0, 120.0), (74.0, 150.0), (58.0, 170.0),
        (28.0, 177.0), (10.0, 170.0),
    ])),
    area("trigeminal_v3", V3, Front, Shape::Points(&[
        (4.0, 185.0), (28.0, 182.0), (56.0, 176.0), (56.0, 196.0), (46.0, 214.0), (26.0, 224.0),
        (4.0, 226.0),
    ])),
    area("trigeminal_v1", V1, Lateral, Shape::Points(&[
        (40.0, 22.0), (76.0, 42.0), (88.0, 80.0), (88.0, 108.0), (60.0, 110.0), (38.0, 92.0),
    ])),
    area("trigeminal_v2", V2, Lateral, Shape::Points(&[
        (36.0, 116.0), (88.0, 113.0), (90.0, 150.0), (80.0, 170.0), (40.0, 166.0),
    ])),
    area("trigeminal_v3", V3, Lateral, Shape::Points(&[
        (32.0, 174.0), (82.0, 176.0), (88.0, 200.0), (68.0, 220.0), (42.0, 214.0), (34.0, 196.0),
    ])),
    area("trigeminal_v3", V3, Lateral, Shape::Points(&[
        (16.0, 96.0), (30.0, 96.0), (32.0, 166.0), (18.0, 166.0),
    ])),
];

pub const LAYER: Layer = Layer {
    id: "cutaneous_nerves",
    name: "Cutaneous nerve fields",
    source: "Standring S (ed.). Gray's Anatomy: The Anatomical Basis of Clinical Practice, \
             42nd ed. Elsevier, 2020 (the cutaneous distribution of the peripheral nerves and \
             of the trigeminal divisions). Drawn schematically on myomap's standard adult.",
    caveat: "Cutaneous nerve fields vary between people and overlap at their edges; the area \
             a nerve alone supplies (its autonomous zone) is smaller than the field drawn. \
             Schematic: confirm with a sensory examination.",
    areas: AREAS,
    landmarks: &[],
};
