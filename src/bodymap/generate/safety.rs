//! The needling safety zones of the standard map (`clinical.md`, "Safety zones"): areas and
//! guidance as data, placed on the views like the muscles (fitted, mirrored, repeated on the
//! head-and-neck crops). Views and muscles are not touched here.

use super::geometry::{Curve, Knot, Pt, Xy, fit_and_check};
use super::shapes::widen_shoulders;
use super::standard_adult::{HEAD_CROP_Y, View};
use super::{other_side, side_at_plus_x};
use crate::model::Side;

/// One zone as authored. Lateral areas are drawn on the right lateral view (the patient faces
/// +x) and mirrored onto the left lateral view.
pub struct Zone {
    pub id: &'static str,
    pub name: &'static str,
    pub guidance: &'static str,
    pub max_depth_mm: Option<f64>,
    /// Over the lung: needling both sides of the thorax in one session warns.
    pub thorax: bool,
    /// (view id, points at +x), in the order they are written.
    pub areas: &'static [(&'static str, &'static [Xy])],
}

/// One placed area of a zone.
pub struct Area {
    pub view: &'static str,
    pub side: Side,
    pub shape: Curve,
}

/// The head-and-neck crop of a full-body view.
fn head_view_of(view: &str) -> Option<&'static str> {
    match view {
        "anterior" => Some("head_anterior"),
        "posterior" => Some("head_posterior"),
        "right_lateral" => Some("head_right_lateral"),
        "left_lateral" => Some("head_left_lateral"),
        _ => None,
    }
}

#[rustfmt::skip]
pub const ZONES: &[Zone] = &[
    Zone {
        id: "lung_pleura",
        name: "Lung and pleura",
        guidance: concat!(
            "The lung lies under the chest wall and upper back, often only a few centimetres ",
            "deep; needles of about 3 cm have reached it. Use a pincer grip or a tangential ",
            "angle, direct the needle away from the lung or onto a bracketed rib, and choose a ",
            "short needle. Pneumothorax can start hours to two days later: aftercare must name ",
            "breathlessness, chest pain and dry cough.",
        ),
        max_depth_mm: None,
        thorax: true,
        areas: &[
            ("anterior", &[
                (22.0, 330.0), (90.0, 322.0), (140.0, 345.0), (150.0, 420.0), (150.0, 540.0),
                (130.0, 600.0), (70.0, 610.0), (25.0, 585.0),
            ]),
            ("posterior", &[
                (62.0, 322.0), (140.0, 335.0), (150.0, 430.0), (148.0, 560.0), (130.0, 640.0),
                (20.0, 640.0), (18.0, 520.0), (62.0, 520.0),
            ]),
            ("right_lateral", &[
                (-90.0, 345.0), (60.0, 340.0), (85.0, 420.0), (82.0, 560.0), (40.0, 615.0),
                (-70.0, 625.0), (-95.0, 520.0), (-100.0, 420.0),
            ]),
        ],
    },
    Zone {
        id: "lung_apex",
        name: "Lung apex (supraclavicular and upper trapezius)",
        guidance: concat!(
            "The apex of the lung rises 2–3 cm above the clavicle and can lie under a thin layer ",
            "of tissue in lean people. Over the upper trapezius and the supraclavicular area ",
            "lift the muscle in a pincer grip and needle across it, never down towards the lung.",
        ),
        max_depth_mm: None,
        thorax: true,
        areas: &[
            ("anterior", &[
                (38.0, 270.0), (80.0, 278.0), (125.0, 298.0), (112.0, 318.0), (60.0, 316.0),
                (36.0, 300.0),
            ]),
            ("posterior", &[
                (48.0, 272.0), (100.0, 290.0), (165.0, 308.0), (150.0, 322.0), (80.0, 320.0),
                (50.0, 305.0),
            ]),
            ("right_lateral", &[
                (-40.0, 280.0), (5.0, 282.0), (30.0, 300.0), (10.0, 322.0), (-45.0, 320.0),
                (-60.0, 300.0),
            ]),
        ],
    },
    Zone {
        id: "posterior_thorax_medial",
        name: "Posterior thorax between scapula and spine",
        guidance: concat!(
            "Between the medial border of the scapula and the spine the rhomboids and trapezius ",
            "are thin over the ribs and the lung. Advisable depth is about 19 mm or less; use ",
            "rib bracketing or a tangential angle.",
        ),
        max_depth_mm: Some(19.0),
        thorax: true,
        areas: &[
            ("posterior", &[
                (16.0, 330.0), (60.0, 330.0), (64.0, 420.0), (62.0, 515.0), (18.0, 515.0),
                (14.0, 420.0),
            ]),
        ],
    },
    Zone {
        id: "anterior_lateral_neck",
        name: "Anterior and lateral neck",
        guidance: concat!(
            "The carotid artery, jugular vein and vagus nerve run here, and the roots of the ",
            "brachial plexus pass between the scalenes. Palpate the artery and keep away from ",
            "it, use short needles and a controlled, shallow approach.",
        ),
        max_depth_mm: None,
        thorax: false,
        areas: &[
            ("anterior", &[
                (6.0, 222.0), (45.0, 215.0), (54.0, 250.0), (62.0, 290.0), (30.0, 304.0),
                (6.0, 300.0),
            ]),
            ("right_lateral", &[
                (-5.0, 232.0), (35.0, 228.0), (46.0, 262.0), (42.0, 298.0), (0.0, 302.0),
                (-20.0, 270.0),
            ]),
        ],
    },
    Zone {
        id: "high_posterior_neck",
        name: "High posterior neck (suboccipital)",
        guidance: concat!(
            "Deep to the suboccipital muscles lie the vertebral artery and, close under the ",
            "atlanto-occipital region, the spinal cord. Never direct a needle upwards towards ",
            "the foramen magnum; keep depth conservative and the direction towards bone you can ",
            "feel.",
        ),
        max_depth_mm: None,
        thorax: false,
        areas: &[
            ("posterior", &[
                (4.0, 192.0), (42.0, 190.0), (54.0, 215.0), (50.0, 245.0), (4.0, 248.0),
            ]),
            ("right_lateral", &[
                (-80.0, 195.0), (-40.0, 198.0), (-36.0, 235.0), (-58.0, 250.0), (-70.0, 232.0),
            ]),
        ],
    },
    Zone {
        id: "face",
        name: "Face: orbit, parotid gland and facial nerve",
        guidance: concat!(
            "Keep clear of the eye and orbit. In front of the ear the parotid gland and the ",
            "branches of the facial nerve lie superficially: needle the masseter and temporalis ",
            "shallowly and away from these structures.",
        ),
        max_depth_mm: None,
        thorax: false,
        areas: &[
            ("anterior", &[
                (14.0, 96.0), (52.0, 94.0), (62.0, 112.0), (50.0, 130.0), (16.0, 128.0),
            ]),
            ("anterior", &[
                (62.0, 128.0), (78.0, 126.0), (80.0, 170.0), (70.0, 198.0), (60.0, 170.0),
            ]),
            ("right_lateral", &[(70.0, 92.0), (96.0, 96.0), (100.0, 122.0), (76.0, 126.0)]),
            ("right_lateral", &[
                (-10.0, 128.0), (16.0, 126.0), (22.0, 178.0), (0.0, 200.0), (-12.0, 170.0),
            ]),
        ],
    },
    Zone {
        id: "femoral_triangle",
        name: "Femoral triangle",
        guidance: concat!(
            "Below the inguinal ligament the femoral artery, vein and nerve lie close under the ",
            "skin. Feel the femoral pulse and stay lateral to it; needling iliopsoas or the ",
            "adductors here needs a clear plan of the route.",
        ),
        max_depth_mm: None,
        thorax: false,
        areas: &[
            ("anterior", &[
                (128.0, 790.0), (100.0, 820.0), (60.0, 860.0), (30.0, 905.0), (58.0, 985.0),
                (84.0, 1060.0), (110.0, 960.0), (135.0, 860.0),
            ]),
            ("right_lateral", &[
                (88.0, 790.0), (70.0, 810.0), (60.0, 860.0), (62.0, 940.0), (80.0, 1020.0),
                (90.0, 940.0), (92.0, 860.0),
            ]),
        ],
    },
    Zone {
        id: "popliteal_fossa",
        name: "Popliteal fossa",
        guidance: concat!(
            "Behind the knee the popliteal artery and vein and the tibial nerve lie in the ",
            "middle of the fossa. Needle the hamstring tendons and gastrocnemius heads from the ",
            "sides, not through the centre of the fossa.",
        ),
        max_depth_mm: None,
        thorax: false,
        areas: &[
            ("posterior", &[
                (85.0, 1185.0), (112.0, 1215.0), (118.0, 1250.0), (104.0, 1290.0), (85.0, 1310.0),
                (64.0, 1290.0), (52.0, 1250.0), (58.0, 1215.0),
            ]),
            ("right_lateral", &[
                (-68.0, 1195.0), (-48.0, 1205.0), (-46.0, 1280.0), (-66.0, 1295.0), (-74.0, 1250.0),
            ]),
        ],
    },
    Zone {
        id: "sciatic_nerve",
        name: "Sciatic nerve course",
        guidance: concat!(
            "The sciatic nerve leaves the pelvis below piriformis, runs between the ischial ",
            "tuberosity and the greater trochanter and down the middle of the back of the thigh. ",
            "Deep needling of piriformis, the short rotators and the hamstrings must allow for ",
            "it; a sharp or electric pain down the leg means stop and withdraw.",
        ),
        max_depth_mm: None,
        thorax: false,
        areas: &[
            ("posterior", &[
                (48.0, 825.0), (82.0, 822.0), (104.0, 880.0), (104.0, 1000.0), (98.0, 1175.0),
                (72.0, 1175.0), (68.0, 1000.0), (62.0, 890.0),
            ]),
            ("right_lateral", &[
                (-114.0, 840.0), (-88.0, 840.0), (-70.0, 955.0), (-54.0, 1100.0), (-46.0, 1165.0),
                (-64.0, 1168.0), (-74.0, 1100.0), (-92.0, 955.0),
            ]),
        ],
    },
    Zone {
        id: "renal_angle",
        name: "Kidney (renal angle)",
        guidance: concat!(
            "The kidneys lie under the 12th rib lateral to the spine, and the lung base reaches ",
            "down to about the 12th rib behind. Needle quadratus lumborum and the erector spinae ",
            "with a short needle, from lateral, directed towards the transverse processes.",
        ),
        max_depth_mm: None,
        thorax: false,
        areas: &[
            ("posterior", &[
                (28.0, 615.0), (105.0, 622.0), (118.0, 660.0), (110.0, 710.0), (30.0, 712.0),
            ]),
            ("right_lateral", &[(-80.0, 620.0), (-50.0, 620.0), (-45.0, 700.0), (-82.0, 705.0)]),
        ],
    },
    Zone {
        id: "abdomen",
        name: "Abdomen (peritoneal cavity)",
        guidance: concat!(
            "Under the thin abdominal wall lies the peritoneal cavity. Needle the abdominal ",
            "muscles with a pincer grip, lifting the muscle, and a tangential approach.",
        ),
        max_depth_mm: None,
        thorax: false,
        areas: &[
            ("anterior", &[
                (4.0, 610.0), (120.0, 605.0), (132.0, 700.0), (120.0, 780.0), (60.0, 800.0),
                (4.0, 805.0),
            ]),
        ],
    },
    // The hand and foot views (issue #19): the neurovascular bundles a needle in the hand's
    // or foot's intrinsic muscles passes near, after the standard anatomy text (Gray's
    // Anatomy, 42nd ed.). Hand views: the left palm (hands_palmar) or the right back of the
    // hand (hands_dorsal) at +x, little finger towards the midline, wrist at y = 262.
    Zone {
        id: "wrist_palmar",
        name: "Front of the wrist: median and ulnar nerves, radial and ulnar arteries",
        guidance: concat!(
            "The median nerve runs through the carpal tunnel in the middle of the wrist and the ",
            "base of the palm; the ulnar nerve and artery pass beside the pisiform (Guyon's ",
            "canal), and the radial artery lies at the thumb side of the wrist, where its pulse ",
            "is felt. Needle the thenar and hypothenar muscles from their outer borders, ",
            "shallowly, never through the middle of the wrist or the base of the palm.",
        ),
        max_depth_mm: None,
        thorax: false,
        areas: &[
            ("hands_palmar", &[
                (138.0, 258.0), (166.0, 258.0), (170.0, 228.0), (162.0, 200.0), (144.0, 200.0),
                (136.0, 228.0),
            ]),
            ("hands_palmar", &[
                (116.0, 258.0), (134.0, 258.0), (134.0, 226.0), (126.0, 212.0), (116.0, 222.0),
            ]),
            ("hands_palmar", &[(174.0, 258.0), (186.0, 258.0), (186.0, 238.0), (176.0, 236.0)]),
        ],
    },
    Zone {
        id: "anatomical_snuffbox",
        name: "Anatomical snuffbox (radial artery)",
        guidance: concat!(
            "The radial artery crosses the floor of the anatomical snuffbox, between the ",
            "thumb's extensor tendons at the back of the wrist, under branches of the ",
            "superficial radial nerve. Feel the pulse and keep away from it when needling the ",
            "first dorsal interosseous near its base.",
        ),
        max_depth_mm: None,
        thorax: false,
        areas: &[
            ("hands_dorsal", &[
                (180.0, 248.0), (190.0, 250.0), (200.0, 228.0), (204.0, 208.0), (194.0, 204.0),
                (182.0, 226.0),
            ]),
        ],
    },
    // Feet from above: the left foot at +x, big toe towards the midline, ankle at y = 262.
    Zone {
        id: "dorsalis_pedis",
        name: "Top of the foot: dorsalis pedis artery and deep fibular nerve",
        guidance: concat!(
            "The dorsalis pedis artery and the deep fibular nerve run from the front of the ",
            "ankle to the space between the first and second metatarsals, where the pulse is ",
            "felt. Feel the pulse before needling extensor hallucis brevis, extensor digitorum ",
            "brevis or the first dorsal interosseous, and approach from the side.",
        ),
        max_depth_mm: None,
        thorax: false,
        areas: &[
            ("feet_dorsal", &[
                (88.0, 256.0), (102.0, 256.0), (94.0, 180.0), (84.0, 110.0), (70.0, 108.0),
                (80.0, 180.0),
            ]),
        ],
    },
    // The medial side of the right foot at +x: heel outwards, toes towards the midline.
    Zone {
        id: "tarsal_tunnel",
        name: "Tarsal tunnel: tibial nerve and posterior tibial artery",
        guidance: concat!(
            "Behind and below the medial malleolus the tibial nerve and the posterior tibial ",
            "artery pass under the flexor retinaculum into the sole. Needle abductor hallucis ",
            "in front of the tunnel, feel the pulse, and stop if a sharp or electric pain runs ",
            "into the sole.",
        ),
        max_depth_mm: None,
        thorax: false,
        areas: &[
            ("feet_medial", &[
                (250.0, 112.0), (268.0, 100.0), (284.0, 122.0), (280.0, 160.0), (260.0, 170.0),
                (246.0, 140.0),
            ]),
        ],
    },
];

/// Every zone's areas placed on `views`: fitted, mirrored and repeated on the head crops.
/// Areas that cannot be fitted are reported in `problems`.
pub fn build(views: &[View], problems: &mut Vec<String>) -> Vec<(&'static Zone, Vec<Area>)> {
    ZONES
        .iter()
        .map(|zone| {
            let mut areas = Vec::new();
            for &(vid, xy) in zone.areas {
                let Some(view) = views.iter().find(|v| v.id == vid) else {
                    problems.push(format!("safety zone {}: no view {vid}", zone.id));
                    continue;
                };
                let silhouette = view.silhouette(0);
                let side = side_at_plus_x(view.facing);
                // Drawn in version 1's frame, moved with the version 2 shoulders.
                let knots: Vec<Knot> = xy
                    .iter()
                    .map(|&p| {
                        let p = Pt::from(p);
                        Knot::from(if matches!(vid, "anterior" | "posterior") {
                            widen_shoulders(p)
                        } else {
                            p
                        })
                    })
                    .collect();
                let what = format!("safety zone {} on {vid}", zone.id);
                let shape = fit_and_check(&knots, &silhouette, &what, problems);
                let mirror = if vid == "right_lateral" {
                    Area {
                        view: "left_lateral",
                        side: Side::Left,
                        shape: shape.mirrored(),
                    }
                } else {
                    Area {
                        view: vid,
                        side: other_side(side),
                        shape: shape.mirrored(),
                    }
                };
                let mut placed = vec![
                    Area {
                        view: vid,
                        side,
                        shape,
                    },
                    mirror,
                ];
                let crops: Vec<Area> = placed
                    .iter()
                    .filter_map(|area| {
                        let head = head_view_of(area.view)?;
                        let lowest = area
                            .shape
                            .flatten(10)
                            .iter()
                            .map(|p| p.y)
                            .fold(f64::NEG_INFINITY, f64::max);
                        (lowest <= HEAD_CROP_Y).then(|| Area {
                            view: head,
                            side: area.side,
                            shape: area.shape.clone(),
                        })
                    })
                    .collect();
                placed.extend(crops);
                areas.extend(placed);
            }
            (zone, areas)
        })
        .collect()
}
