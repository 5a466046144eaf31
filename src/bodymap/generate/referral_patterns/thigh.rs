//! The referral patterns of the thigh, in the library's order. Data only: the vocabulary is in
//! `authoring`, placing and checking (texts included) in the parent module.

use super::authoring::{
    Pattern, THIGH, ant, ant_leg_strip, ell, lat, lat_leg_strip, post, post_leg_strip, strap,
    tp_ant, tp_lat, tp_post,
};
use super::shared::{MEDIAL_HAMSTRING_ESSENTIAL, MEDIAL_HAMSTRING_SPILLOVER};

#[rustfmt::skip]
pub const PATTERNS: &[Pattern] = &[
    Pattern {
        muscle: "rectus_femoris",
        region: THIGH,
        caption: "The rectus femoris commonly refers pain to the front of the knee, around and deep to the kneecap.",
        description: concat!(
            "The rectus femoris is the middle muscle of the quadriceps at the front of the ",
            "thigh, crossing both the hip and the knee. Knots high in it, just below the front ",
            "of the hip, commonly refer a deep ache to the front of the knee around the kneecap, ",
            "often worse going downstairs. The lower front of the thigh may ache too.",
        ),
        conditions: &["Front-of-knee pain", "Knee pain going downstairs", "Thigh pain",
            "Runner's knee"],
        notes: concat!(
            "Supine; flat palpation or pincer grip of the muscle just below the anterior ",
            "inferior iliac spine, between sartorius and TFL. Ely and modified Thomas tests. The ",
            "femoral nerve and vessels lie medially in the femoral triangle: palpate the pulse ",
            "and stay lateral, in the muscle belly.",
        ),
        trigger_points: &[tp_ant(118.0, 900.0)],
        essential: &[
            ant(ell(82.0, 1240.0, 26.0, 30.0)),
            lat(ell(54.0, 1238.0, 14.0, 26.0)),
        ],
        spillover: &[
            ant_leg_strip(&[(1100.0, 0.35, 0.75), (1150.0, 0.35, 0.75), (1195.0, 0.35, 0.75)]),
        ],
    },
    Pattern {
        muscle: "vastus_lateralis",
        region: THIGH,
        caption: "The vastus lateralis commonly refers pain down the outside of the thigh to the outside of the knee.",
        description: concat!(
            "The vastus lateralis is the large outer muscle of the quadriceps. Knots along it ",
            "commonly refer pain down the outside of the thigh and to the outside of the knee, ",
            "and lying on that side can be uncomfortable. Knots near the knee may make the ",
            "kneecap feel stuck or stiff.",
        ),
        conditions: &["Outer thigh pain", "Outer knee pain", "Pain lying on the side",
            "Iliotibial band pain", "Runner's knee"],
        notes: concat!(
            "Supine or side-lying with a pillow between the knees; flat palpation against the ",
            "femur through the iliotibial band, TrPs anywhere along the muscle, often several. ",
            "Check patellar mobility. Few neurovascular hazards laterally; needle onto the ",
            "femur, avoiding the joint capsule near the knee.",
        ),
        trigger_points: &[tp_ant(140.0, 1000.0), tp_ant(128.0, 1150.0), tp_lat(10.0, 950.0),
            tp_lat(20.0, 1100.0), tp_lat(25.0, 1190.0)],
        essential: &[
            lat_leg_strip(&[
                (900.0, 0.45, 0.75), (1000.0, 0.45, 0.75), (1100.0, 0.45, 0.75),
                (1200.0, 0.45, 0.75),
            ]),
            lat(ell(5.0, 1248.0, 22.0, 22.0)),
            ant_leg_strip(&[
                (950.0, 0.78, 0.96), (1050.0, 0.78, 0.96), (1150.0, 0.78, 0.96),
                (1225.0, 0.75, 0.96),
            ]),
        ],
        spillover: &[
            lat(ell(-10.0, 862.0, 18.0, 16.0)),
            lat_leg_strip(&[(1290.0, 0.35, 0.65), (1330.0, 0.35, 0.65), (1370.0, 0.35, 0.65)]),
        ],
    },
    Pattern {
        muscle: "vastus_medialis",
        region: THIGH,
        caption: "The vastus medialis commonly refers pain to the front and inner side of the knee.",
        description: concat!(
            "The vastus medialis is the teardrop-shaped muscle of the quadriceps above the inner ",
            "side of the knee. Knots in it commonly refer pain to the front and inner side of ",
            "the knee, sometimes a little way up the inner thigh. Some people notice the knee ",
            "briefly giving way.",
        ),
        conditions: &["Knee pain", "Inner knee pain", "Knee giving way", "Runner's knee"],
        notes: concat!(
            "Supine, knee slightly bent over a roll; flat palpation of the distal medial thigh ",
            "above the patella, often two TrPs along the medial border. Check quadriceps ",
            "inhibition and patellar tracking. The femoral vessels pass through the adductor ",
            "canal just posterior and medial to the muscle: needle anteromedially onto the ",
            "femur.",
        ),
        trigger_points: &[tp_ant(62.0, 1160.0), tp_ant(66.0, 1120.0)],
        essential: &[
            ant(ell(62.0, 1230.0, 18.0, 26.0)),
        ],
        spillover: &[
            ant_leg_strip(&[(1080.0, 0.1, 0.4), (1135.0, 0.1, 0.4), (1185.0, 0.1, 0.4)]),
        ],
    },
    Pattern {
        muscle: "biceps_femoris",
        region: THIGH,
        caption: "The biceps femoris commonly refers pain to the back of the knee on the outer side.",
        description: concat!(
            "The biceps femoris is the outer hamstring at the back of the thigh. Knots in it ",
            "commonly refer pain to the back of the knee on the outer side, sometimes up the ",
            "back of the thigh or down into the top of the calf. Sitting on a hard chair may ",
            "press on the sore spots.",
        ),
        conditions: &["Back-of-knee pain", "Hamstring pain", "Pain with prolonged sitting",
            "Hamstring strain"],
        notes: concat!(
            "Prone, knee slightly bent on a pillow; pincer or flat palpation of the lateral ",
            "hamstring in the middle and distal thigh. Slump and straight-leg raise to separate ",
            "neural from muscular pain. The sciatic nerve runs deep to the long head in ",
            "mid-thigh and the common fibular nerve follows the medial edge of the tendon near ",
            "the knee: stay superficial and lateral.",
        ),
        trigger_points: &[tp_post(110.0, 1100.0), tp_post(116.0, 1160.0), tp_lat(-50.0, 1120.0)],
        essential: &[
            post(ell(100.0, 1262.0, 24.0, 22.0)),
            lat(ell(-52.0, 1256.0, 13.0, 20.0)),
        ],
        spillover: &[
            post_leg_strip(&[(960.0, 0.4, 0.8), (1060.0, 0.4, 0.8), (1160.0, 0.4, 0.8)]),
            post_leg_strip(&[(1295.0, 0.45, 0.85), (1340.0, 0.45, 0.85)]),
            lat_leg_strip(&[(980.0, 0.05, 0.3), (1080.0, 0.05, 0.3), (1180.0, 0.05, 0.3)]),
        ],
    },
    Pattern {
        muscle: "semitendinosus",
        region: THIGH,
        caption: "The semitendinosus commonly refers pain to the lower buttock and the crease under it.",
        description: concat!(
            "The semitendinosus is one of the two inner hamstrings at the back of the thigh. ",
            "Knots in it commonly refer pain up to the lower buttock and the crease under it, ",
            "and sometimes down the back and inner side of the thigh and knee. Sitting often ",
            "makes it ache.",
        ),
        conditions: &["Buttock pain", "Hamstring pain", "Pain with prolonged sitting",
            "Back-of-knee pain", "Hamstring strain"],
        notes: concat!(
            "Prone, knee slightly bent; pincer or flat palpation of the medial hamstrings in the ",
            "middle third of the posterior thigh. Straight-leg raise and slump test to separate ",
            "neural tension. The sciatic nerve lies lateral to the medial hamstrings: needle the ",
            "medial part of the belly, directed medially.",
        ),
        trigger_points: &[tp_post(68.0, 1080.0)],
        essential: MEDIAL_HAMSTRING_ESSENTIAL,
        spillover: MEDIAL_HAMSTRING_SPILLOVER,
    },
    Pattern {
        muscle: "semimembranosus",
        region: THIGH,
        caption: "The semimembranosus commonly refers pain to the lower buttock and the crease under it.",
        description: concat!(
            "The semimembranosus is the deeper of the two inner hamstrings. Like the ",
            "semitendinosus, knots in it commonly refer pain to the lower buttock and the crease ",
            "under it, and sometimes down the back and inner side of the thigh to the knee. Long ",
            "periods of sitting often bring it on.",
        ),
        conditions: &["Buttock pain", "Hamstring pain", "Pain with prolonged sitting",
            "Back-of-knee pain", "Hamstring strain"],
        notes: concat!(
            "Prone, knee slightly bent; flat palpation medial and deep to the semitendinosus in ",
            "the middle and distal posterior thigh. Differentiate from adductor magnus (more ",
            "medial). Keep medial, away from the sciatic nerve and, near the knee, the popliteal ",
            "vessels.",
        ),
        trigger_points: &[tp_post(52.0, 1080.0)],
        essential: MEDIAL_HAMSTRING_ESSENTIAL,
        spillover: MEDIAL_HAMSTRING_SPILLOVER,
    },
    Pattern {
        muscle: "sartorius",
        region: THIGH,
        caption: concat!(
            "The sartorius often refers a superficial sharp or tingling pain along its course ",
            "down the front and inner thigh.",
        ),
        description: concat!(
            "The sartorius is the long, strap-like muscle that crosses the front of the thigh ",
            "from the front of the hip to the inside of the knee. Knots in it often cause a ",
            "superficial, sharp or tingling pain along the line of the muscle rather than a deep ",
            "ache, sometimes reaching the inner knee.",
        ),
        conditions: &["Thigh pain", "Inner knee pain", "Tingling in the front of the thigh"],
        notes: concat!(
            "Supine, hip slightly flexed and externally rotated; pincer grip of the superficial ",
            "strap along its course. Differentiate from meralgia paraesthetica (lateral femoral ",
            "cutaneous nerve) and saphenous nerve irritation at the adductor canal. Its upper ",
            "part forms the lateral border of the femoral triangle: stay within the grip and ",
            "lateral to the femoral pulse.",
        ),
        trigger_points: &[tp_ant(118.0, 880.0), tp_ant(85.0, 1000.0)],
        essential: &[
            ant(strap(&[
                (126.0, 840.0), (110.0, 900.0), (86.0, 1000.0), (64.0, 1105.0), (52.0, 1195.0),
            ], &[14.0, 16.0, 16.0, 16.0, 14.0])),
        ],
        spillover: &[
            ant(ell(50.0, 1242.0, 12.0, 20.0)),
        ],
    },
    Pattern {
        muscle: "gracilis",
        region: THIGH,
        caption: "The gracilis commonly refers a hot, stinging, superficial pain along the inner thigh.",
        description: concat!(
            "The gracilis is the long, thin muscle on the inner side of the thigh. Knots in it ",
            "commonly cause a hot, stinging pain that feels near the surface and runs up and ",
            "down the inside of the thigh. Changing position often eases it for a while.",
        ),
        conditions: &["Inner thigh pain", "Groin pain", "Inner knee pain"],
        notes: concat!(
            "Supine in the frog position; pincer grip of the thin superficial strap along the ",
            "medial thigh, TrPs mostly in the middle third. Resisted adduction with the knee ",
            "straight. The great saphenous vein runs just superficial and the femoral vessels ",
            "anterolateral: stay within the grip.",
        ),
        trigger_points: &[tp_ant(21.0, 1000.0), tp_post(34.0, 1090.0)],
        essential: &[
            ant_leg_strip(&[(980.0, 0.04, 0.3), (1080.0, 0.04, 0.3), (1180.0, 0.04, 0.3)]),
        ],
        spillover: &[
            ant_leg_strip(&[(1200.0, 0.04, 0.3), (1250.0, 0.04, 0.3)]),
            post_leg_strip(&[(1000.0, 0.04, 0.25), (1100.0, 0.04, 0.25), (1180.0, 0.04, 0.25)]),
        ],
    },
];
