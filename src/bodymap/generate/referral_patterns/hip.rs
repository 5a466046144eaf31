//! The referral patterns of the hip, gluteal and pelvic region, in the library's order. Data
//! only: the vocabulary is in `authoring`, placing and checking (texts included) in the parent
//! module.

use super::authoring::{
    HIP, Pattern, ant, ant_leg_strip, ell, lat, lat_leg_strip, post, post_leg_strip, pts, strap,
    tp_ant, tp_lat, tp_post,
};
use super::shared::SI_JOINT_P;

#[rustfmt::skip]
pub const PATTERNS: &[Pattern] = &[
    Pattern {
        muscle: "gluteus_maximus",
        region: HIP,
        caption: concat!(
            "The gluteus maximus commonly refers pain over the buttock, near the sacrum, the ",
            "tailbone and the crease under the buttock.",
        ),
        description: concat!(
            "The gluteus maximus is the large muscle of the buttock. Knots in it commonly cause ",
            "pain and tenderness in the buttock itself, along the edge of the sacrum, near the ",
            "tailbone or along the crease under the buttock. Sitting for long periods and ",
            "climbing uphill often make it worse.",
        ),
        conditions: &["Buttock pain", "Pain with prolonged sitting", "Tailbone pain",
            "Low back pain"],
        notes: concat!(
            "Side-lying with the hip flexed, or prone; flat palpation or pincer grip of the ",
            "thick muscle near the sacral border, above the ischial tuberosity and at the lower ",
            "medial part near the coccyx. Check hip flexion with the knee bent. The sciatic ",
            "nerve passes beneath, below the piriformis, midway between the ischial tuberosity ",
            "and greater trochanter: direct needles away from that line and note patient ",
            "position.",
        ),
        trigger_points: &[tp_post(40.0, 830.0), tp_post(95.0, 905.0), tp_post(30.0, 890.0),
            tp_lat(-80.0, 880.0)],
        essential: &[
            post(strap(&[(30.0, 792.0), (25.0, 830.0), (20.0, 868.0)], &[18.0, 18.0, 16.0])),
            post(strap(&[(30.0, 915.0), (80.0, 924.0), (130.0, 914.0)], &[16.0, 18.0, 14.0])),
            post(ell(0.0, 886.0, 8.0, 16.0)).crossing_midline(),
        ],
        spillover: &[
            post(ell(95.0, 862.0, 58.0, 42.0)),
            lat(ell(-95.0, 880.0, 19.0, 38.0)),
        ],
    },
    Pattern {
        muscle: "gluteus_medius",
        region: HIP,
        caption: "The gluteus medius commonly refers pain along the top of the pelvis, over the sacrum and into the buttock.",
        description: concat!(
            "The gluteus medius lies at the side of the hip, just below the top of the pelvis, ",
            "and keeps the pelvis level when you walk. Knots in it commonly refer pain along the ",
            "back of the pelvis, over the sacrum and into the buttock, and sometimes to the top ",
            "of the back of the thigh. Walking, lying on that side and standing on one leg may ",
            "hurt.",
        ),
        conditions: &["Low back pain", "Buttock pain", "Hip pain", "Pain lying on the side",
            "Runner's hip pain"],
        notes: concat!(
            "Side-lying on the other side, hips slightly flexed; flat palpation just below the ",
            "iliac crest, posterior (near the posterior superior iliac spine), middle and ",
            "anterior TrPs. Trendelenburg sign and single-leg stance. Needle onto the ilium; ",
            "stay above the line from the posterior superior iliac spine to the greater ",
            "trochanter to keep clear of the superior gluteal neurovascular bundle at the ",
            "sciatic notch and the sciatic nerve.",
        ),
        trigger_points: &[tp_post(72.0, 762.0), tp_post(118.0, 760.0), tp_post(152.0, 790.0),
            tp_lat(-40.0, 760.0)],
        essential: &[
            post(strap(&[
                (30.0, 752.0), (70.0, 740.0), (115.0, 742.0), (152.0, 770.0),
            ], &[16.0, 18.0, 18.0, 14.0])),
            post(SI_JOINT_P),
            post(ell(112.0, 822.0, 32.0, 22.0)),
            lat(strap(&[(-95.0, 744.0), (-55.0, 726.0), (-10.0, 726.0)], &[16.0, 16.0, 14.0])),
            lat(ell(-30.0, 792.0, 26.0, 20.0)),
        ],
        spillover: &[
            post_leg_strip(&[(950.0, 0.45, 0.9), (1000.0, 0.45, 0.9), (1050.0, 0.45, 0.9)]),
            lat_leg_strip(&[(890.0, 0.3, 0.7), (950.0, 0.3, 0.7), (1000.0, 0.3, 0.7)]),
        ],
    },
    Pattern {
        muscle: "gluteus_minimus",
        region: HIP,
        caption: "The gluteus minimus commonly refers pain down the side or back of the leg, which can feel like sciatica.",
        description: concat!(
            "The gluteus minimus is the deepest of the buttock muscles, on the side of the hip. ",
            "Knots in its front part commonly refer pain down the outside of the thigh, knee and ",
            "leg, sometimes to the ankle; knots in its back part often refer down the back of ",
            "the thigh and into the calf. The pain can be strong and persistent and is often ",
            "mistaken for sciatica, so nerve causes should be checked too.",
        ),
        conditions: &["Sciatica-like pain", "Hip pain", "Pain down the side of the leg",
            "Buttock pain", "Pain lying on the side"],
        notes: concat!(
            "Side-lying on the other side; deep flat palpation through the gluteus medius and ",
            "TFL, anterior part below the anterior iliac crest near the TFL, posterior part ",
            "above the piriformis line. Pain on getting up from a chair and limping are typical; ",
            "rule out radiculopathy. Needles are long (onto the ilium): stay above the ",
            "piriformis line (sciatic nerve, superior gluteal vessels) and record position.",
        ),
        trigger_points: &[tp_post(125.0, 790.0), tp_lat(0.0, 785.0)],
        essential: &[
            lat(ell(-30.0, 842.0, 30.0, 24.0)),
            lat_leg_strip(&[
                (900.0, 0.45, 0.7), (1000.0, 0.45, 0.7), (1100.0, 0.45, 0.7), (1200.0, 0.45, 0.7),
            ]),
            lat_leg_strip(&[
                (1300.0, 0.35, 0.62), (1420.0, 0.35, 0.6), (1540.0, 0.3, 0.6), (1640.0, 0.3, 0.6),
            ]),
            post_leg_strip(&[(960.0, 0.3, 0.7), (1060.0, 0.3, 0.7), (1160.0, 0.3, 0.7)]),
            post_leg_strip(&[(1300.0, 0.3, 0.7), (1380.0, 0.3, 0.7), (1460.0, 0.3, 0.65)]),
            post(ell(95.0, 880.0, 40.0, 28.0)),
        ],
        spillover: &[
            lat(ell(-5.0, 1252.0, 24.0, 20.0)),
            ant_leg_strip(&[(950.0, 0.75, 0.96), (1050.0, 0.75, 0.96), (1150.0, 0.75, 0.96)]),
        ],
    },
    Pattern {
        muscle: "piriformis",
        region: HIP,
        caption: "The piriformis commonly refers pain across the buttock from the sacroiliac area to the back of the hip.",
        description: concat!(
            "The piriformis runs deep in the buttock from the sacrum to the top of the thigh ",
            "bone. Knots in it commonly refer pain across the buttock, from near the sacroiliac ",
            "joint to the back of the hip, and sometimes down the back of the thigh. Sitting, ",
            "and getting up from sitting, often make it worse; the sciatic nerve runs right ",
            "beside it.",
        ),
        conditions: &["Buttock pain", "Sciatica-like pain", "Pain with prolonged sitting",
            "Sacroiliac area pain", "Hip pain"],
        notes: concat!(
            "Side-lying with the top hip flexed to about 90°; palpate along the line from the ",
            "upper end of the greater trochanter to the sacrum, lateral TrP near the trochanter, ",
            "medial TrP near the sacrum, through the gluteus maximus. FAIR and resisted ",
            "abduction in flexion. The sciatic nerve usually exits beneath the muscle (sometimes ",
            "through it): needle the lateral part, aim away from the nerve, expect long needles, ",
            "and record position.",
        ),
        trigger_points: &[tp_post(50.0, 812.0), tp_post(125.0, 827.0), tp_lat(-60.0, 812.0)],
        essential: &[
            post(strap(&[
                (28.0, 800.0), (60.0, 825.0), (100.0, 838.0), (145.0, 845.0),
            ], &[22.0, 26.0, 26.0, 24.0])),
            lat(ell(-80.0, 840.0, 30.0, 26.0)),
        ],
        spillover: &[
            post_leg_strip(&[(950.0, 0.35, 0.75), (1050.0, 0.35, 0.75), (1130.0, 0.35, 0.75)]),
            lat_leg_strip(&[(960.0, 0.05, 0.3), (1060.0, 0.05, 0.3), (1130.0, 0.05, 0.3)]),
        ],
    },
    Pattern {
        muscle: "tensor_fasciae_latae",
        region: HIP,
        caption: concat!(
            "The tensor fasciae latae commonly refers pain over the front and side of the hip ",
            "and down the outside of the thigh.",
        ),
        description: concat!(
            "The tensor fasciae latae is a small muscle at the front and side of the hip that ",
            "tightens the band along the outside of the thigh. Knots in it commonly refer pain ",
            "over the side of the hip and down the outside of the thigh, sometimes towards the ",
            "knee. Lying on that side, or sitting with the hips sharply bent, may be ",
            "uncomfortable.",
        ),
        conditions: &["Hip pain", "Pain down the side of the thigh", "Pain lying on the side",
            "Iliotibial band pain", "Runner's hip pain"],
        notes: concat!(
            "Supine or side-lying; flat palpation just below and behind the anterior superior ",
            "iliac spine, anterolateral to the hip joint. Ober test; distinguish from ",
            "trochanteric bursitis and gluteus minimus. Needle anterolaterally away from the ",
            "femoral triangle and the lateral femoral cutaneous nerve medial to the ASIS.",
        ),
        trigger_points: &[tp_ant(150.0, 850.0)],
        essential: &[
            ant(ell(150.0, 872.0, 11.0, 24.0)),
            ant_leg_strip(&[(950.0, 0.75, 0.96), (1050.0, 0.75, 0.96), (1150.0, 0.75, 0.96)]),
            lat(ell(-8.0, 840.0, 24.0, 22.0)),
            lat_leg_strip(&[
                (900.0, 0.45, 0.72), (1000.0, 0.45, 0.72), (1100.0, 0.45, 0.72), (1180.0, 0.45, 0.7),
            ]),
        ],
        spillover: &[
            lat_leg_strip(&[(1180.0, 0.4, 0.7), (1215.0, 0.4, 0.7), (1250.0, 0.4, 0.7)]),
        ],
    },
    Pattern {
        muscle: "adductor_longus",
        region: HIP,
        caption: "The adductor longus commonly refers pain to the groin and down the inner thigh to above the knee.",
        description: concat!(
            "The adductor longus is one of the inner-thigh muscles that draw the legs together. ",
            "Knots in it commonly refer a deep ache to the groin and down the inside of the ",
            "thigh to above and inside the knee, sometimes spreading down the shin. Pain is ",
            "often felt when running, changing direction or taking a long stride.",
        ),
        conditions: &["Groin pain", "Inner thigh pain", "Knee pain", "Groin strain"],
        notes: concat!(
            "Supine, hip flexed, abducted and externally rotated (frog position); pincer grip of ",
            "the upper inner thigh just below the pubic tubercle, medial to the femoral ",
            "triangle. Test resisted adduction and the squeeze test. The femoral vessels lie ",
            "just lateral to the muscle in the femoral triangle: palpate the pulse and stay ",
            "medial, within the grip.",
        ),
        trigger_points: &[tp_ant(40.0, 960.0)],
        essential: &[
            ant(pts(&[
                (25.0, 905.0), (60.0, 900.0), (70.0, 930.0), (55.0, 965.0), (30.0, 965.0),
                (20.0, 935.0),
            ])),
            ant_leg_strip(&[(1150.0, 0.04, 0.4), (1200.0, 0.04, 0.4), (1250.0, 0.04, 0.4)]),
        ],
        spillover: &[
            ant_leg_strip(&[(980.0, 0.04, 0.3), (1060.0, 0.04, 0.3), (1140.0, 0.04, 0.3)]),
            ant_leg_strip(&[(1280.0, 0.1, 0.45), (1350.0, 0.15, 0.45), (1420.0, 0.15, 0.45)]),
        ],
    },
    Pattern {
        muscle: "adductor_magnus",
        region: HIP,
        caption: "The adductor magnus commonly refers pain to the groin and the front and inside of the thigh.",
        description: concat!(
            "The adductor magnus is the largest inner-thigh muscle, reaching from the bottom of ",
            "the pelvis to the inside of the knee. Knots in it commonly refer pain to the groin ",
            "and down the front and inside of the thigh. Some people feel a deep pain inside the ",
            "pelvis instead, which should be assessed by a doctor.",
        ),
        conditions: &["Groin pain", "Inner thigh pain", "Pelvic pain", "Groin strain"],
        notes: concat!(
            "Supine in the frog position or side-lying on the tested side; flat palpation of the ",
            "posteromedial thigh behind the gracilis, TrPs in the middle thigh and high near the ",
            "ischial tuberosity. Resisted adduction and hip extension. The femoral vessels pass ",
            "through the adductor hiatus above the knee and the sciatic nerve lies ",
            "posterolateral: keep to the posteromedial aspect.",
        ),
        trigger_points: &[tp_post(35.0, 1040.0)],
        essential: &[
            ant_leg_strip(&[(950.0, 0.04, 0.4), (1020.0, 0.04, 0.4), (1090.0, 0.04, 0.4)]),
            ant(ell(35.0, 915.0, 18.0, 12.0)),
        ],
        spillover: &[
            post(ell(28.0, 918.0, 17.0, 12.0)),
        ],
    },
    Pattern {
        muscle: "pectineus",
        region: HIP,
        caption: "The pectineus commonly refers a deep ache to the groin just below the crease.",
        description: concat!(
            "The pectineus is a small, flat muscle at the top of the inner thigh, just below the ",
            "groin crease. Knots in it commonly cause a deep ache in the groin just below the ",
            "crease, sometimes spreading a little down the inner thigh. Crossing the legs or ",
            "squatting may be uncomfortable.",
        ),
        conditions: &["Groin pain", "Hip pain", "Groin strain"],
        notes: concat!(
            "Supine, hip slightly flexed and abducted; palpate just below the superior pubic ",
            "ramus between the adductor longus and the femoral vessels. Exclude hip joint and ",
            "hernia causes. The muscle forms the floor of the femoral triangle with the femoral ",
            "artery and vein lying directly on it: manual treatment is preferred; needling only ",
            "by advanced practitioners, medial to the pulse.",
        ),
        trigger_points: &[tp_ant(55.0, 895.0)],
        essential: &[
            ant(ell(58.0, 904.0, 24.0, 14.0)),
        ],
        spillover: &[
            ant_leg_strip(&[(960.0, 0.04, 0.4), (1000.0, 0.04, 0.4), (1030.0, 0.04, 0.4)]),
        ],
    },
];
