//! Bony landmarks as labelled points, placed by height on the reference adult (`anatomy.md`:
//! C7 at the base of the neck, the acromion at 0.818 H, the inferior angle of the scapula at
//! T7, the iliac crest's top at L4, the posterior superior iliac spines at S2, the greater
//! trochanter at 0.530 H, the epicondyles at the elbow, 0.630 H, the patella at the knee,
//! 0.285 H, the malleoli at the ankle, 0.039 H) and across the trunk or limb by fractions of
//! its width.

use super::{At, Landmark, Layer, On};
use On::{Back, Front, Lateral, LateralArm};

const fn paired(id: &'static str, name: &'static str, on: On, at: At) -> Landmark {
    Landmark {
        id,
        name,
        on,
        at,
        midline: false,
    }
}

const fn midline(id: &'static str, name: &'static str, on: On, at: At) -> Landmark {
    Landmark {
        id,
        name,
        on,
        at,
        midline: true,
    }
}

#[rustfmt::skip]
const LANDMARKS: &[Landmark] = &[
    midline("external_occipital_protuberance", "External occipital protuberance", Back, At::Trunk(135.0, 0.0)),
    paired("mastoid_process", "Mastoid process", Back, At::Trunk(168.0, 0.82)),
    paired("mastoid_process", "Mastoid process", Lateral, At::Trunk(168.0, 0.36)),
    midline("c7_spinous_process", "C7 spinous process", Back, At::Trunk(290.0, 0.0)),
    paired("acromion", "Acromion", Back, At::Trunk(318.0, 0.9)),
    paired("acromion", "Acromion", Front, At::Trunk(318.0, 0.9)),
    paired("inferior_angle_of_scapula", "Inferior angle of scapula", Back, At::Trunk(480.0, 0.58)),
    paired("iliac_crest", "Iliac crest (top, L4)", Back, At::Trunk(770.0, 0.8)),
    paired("iliac_crest", "Iliac crest (top, L4)", Lateral, At::Trunk(770.0, 0.5)),
    paired("psis", "Posterior superior iliac spine", Back, At::Trunk(820.0, 0.27)),
    paired("asis", "Anterior superior iliac spine", Front, At::Trunk(835.0, 0.72)),
    paired("greater_trochanter", "Greater trochanter", Back, At::Trunk(822.0, 0.93)),
    paired("greater_trochanter", "Greater trochanter", Front, At::Trunk(822.0, 0.93)),
    paired("greater_trochanter", "Greater trochanter", Lateral, At::Trunk(822.0, 0.45)),
    midline("jugular_notch", "Jugular notch", Front, At::Trunk(300.0, 0.0)),
    midline("xiphoid_process", "Xiphoid process", Front, At::Trunk(560.0, 0.0)),
    midline("pubic_symphysis", "Pubic symphysis", Front, At::Trunk(925.0, 0.0)),
    paired("medial_epicondyle", "Medial epicondyle", Front, At::Arm(645.0, 0.08)),
    paired("medial_epicondyle", "Medial epicondyle", Back, At::Arm(645.0, 0.08)),
    paired("lateral_epicondyle", "Lateral epicondyle", Front, At::Arm(645.0, 0.92)),
    paired("lateral_epicondyle", "Lateral epicondyle", Back, At::Arm(645.0, 0.92)),
    paired("lateral_epicondyle", "Lateral epicondyle", LateralArm, At::Arm(645.0, 0.4)),
    paired("patella", "Patella", Front, At::Leg(1245.0, 0.5)),
    paired("patella", "Patella", Lateral, At::Leg(1245.0, 0.88)),
    paired("tibial_tuberosity", "Tibial tuberosity", Front, At::Leg(1300.0, 0.5)),
    paired("fibular_head", "Head of fibula", Back, At::Leg(1285.0, 0.88)),
    paired("fibular_head", "Head of fibula", Lateral, At::Leg(1290.0, 0.35)),
    paired("medial_malleolus", "Medial malleolus", Front, At::Leg(1682.0, 0.12)),
    paired("medial_malleolus", "Medial malleolus", Back, At::Leg(1682.0, 0.1)),
    paired("lateral_malleolus", "Lateral malleolus", Front, At::Leg(1690.0, 0.9)),
    paired("lateral_malleolus", "Lateral malleolus", Back, At::Leg(1690.0, 0.9)),
    paired("lateral_malleolus", "Lateral malleolus", Lateral, At::Leg(1690.0, 0.4)),
];

pub const LAYER: Layer = Layer {
    id: "bony_landmarks",
    name: "Bony landmarks",
    source: "Standring S (ed.). Gray's Anatomy: The Anatomical Basis of Clinical Practice, \
             42nd ed. Elsevier, 2020 (surface anatomy); heights from the reference adult's \
             proportions (the project's anatomy.md: standard anthropometric segment proportions).",
    caveat: "Landmarks are where they lie on the standard drawing; palpate them on the patient.",
    areas: &[],
    landmarks: LANDMARKS,
};
