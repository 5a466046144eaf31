//! The referral patterns of the trunk and low back, in the library's order. Data only: the
//! vocabulary is in `authoring`, placing and checking (texts included) in the parent module.

use super::authoring::{
    Pattern, TRUNK, ant, ant_leg_strip, ell, lat, post, pts, strap, tp_ant, tp_lat, tp_post,
};
use super::shared::SI_JOINT_P;

#[rustfmt::skip]
pub const PATTERNS: &[Pattern] = &[
    Pattern {
        muscle: "quadratus_lumborum",
        region: TRUNK,
        caption: concat!(
            "The quadratus lumborum commonly refers pain along the top of the pelvis, to the ",
            "side of the hip and to the buttock.",
        ),
        description: concat!(
            "The quadratus lumborum is a deep muscle of the low back between the lowest rib and ",
            "the top of the pelvis. Knots in its outer part commonly refer pain along the top of ",
            "the pelvis, around to the side of the hip and sometimes to the lower belly or ",
            "groin. Knots in its deeper part often refer to the back of the pelvis near the ",
            "sacroiliac joint and to the lower buttock, and turning in bed or standing up can be ",
            "very painful.",
        ),
        conditions: &["Low back pain", "Acute low back spasm", "Hip pain", "Sacroiliac area pain",
            "Pain turning in bed"],
        notes: concat!(
            "Side-lying on the other side with a roll under the waist and the top leg behind to ",
            "open the space between the 12th rib and the iliac crest; palpate lateral to the ",
            "erector spinae, pressing medially towards the transverse processes. Superficial ",
            "TrPs below the 12th rib and above the crest, deep TrPs near the L3–L5 transverse ",
            "processes. The kidney lies under the 12th rib and the peritoneum in front: needle ",
            "below the 12th rib level, directed medially onto the transverse process, never ",
            "forwards.",
        ),
        trigger_points: &[tp_post(105.0, 665.0), tp_post(110.0, 715.0), tp_post(45.0, 712.0),
            tp_lat(-60.0, 670.0)],
        essential: &[
            post(strap(&[(68.0, 734.0), (115.0, 737.0), (150.0, 766.0)], &[16.0, 16.0, 14.0])),
            post(ell(155.0, 840.0, 11.0, 20.0)),
            post(SI_JOINT_P),
            post(ell(80.0, 905.0, 40.0, 17.0)),
            lat(strap(&[(-85.0, 742.0), (-50.0, 730.0), (-15.0, 729.0)], &[16.0, 16.0, 14.0])),
            lat(ell(-10.0, 840.0, 22.0, 20.0)),
        ],
        spillover: &[
            ant(pts(&[
                (60.0, 780.0), (110.0, 770.0), (130.0, 800.0), (100.0, 850.0), (65.0, 860.0),
                (50.0, 820.0),
            ])),
        ],
    },
    Pattern {
        muscle: "iliocostalis_thoracis",
        region: TRUNK,
        caption: "The iliocostalis thoracis commonly refers pain up towards the shoulder blade and in towards the spine.",
        description: concat!(
            "The iliocostalis is the outer column of the long back muscles beside the spine. ",
            "Knots in its mid-back part commonly refer pain upwards over the lower half of the ",
            "shoulder blade and inwards towards the spine. Lower knots sometimes refer around ",
            "the side to the belly.",
        ),
        conditions: &["Mid-back pain", "Upper back pain", "Pain on bending and lifting",
            "Desk-work posture strain"],
        notes: concat!(
            "Prone, pillow under the abdomen; flat palpation of the lateral column of the ",
            "erector spinae over the angles of the ribs, TrPs around T6 and T11. Exclude ",
            "visceral and thoracic joint causes, especially for pain referred to the front. The ",
            "pleura lies just beneath the rib angles: needle tangentially onto a rib with rib ",
            "bracketing, short needles.",
        ),
        trigger_points: &[tp_post(50.0, 500.0), tp_post(50.0, 600.0)],
        essential: &[
            post(strap(&[
                (48.0, 600.0), (52.0, 540.0), (62.0, 480.0), (72.0, 430.0), (76.0, 392.0),
            ], &[16.0, 18.0, 20.0, 18.0, 14.0])),
        ],
        spillover: &[
            post(strap(&[(20.0, 480.0), (22.0, 560.0), (24.0, 640.0)], &[14.0, 14.0, 14.0])),
            ant(ell(95.0, 612.0, 30.0, 22.0)),
        ],
    },
    Pattern {
        muscle: "iliocostalis_lumborum",
        region: TRUNK,
        caption: "The iliocostalis lumborum commonly refers pain down to the middle of the buttock.",
        description: concat!(
            "This is the low-back part of the outer column of the long back muscles. Knots in ",
            "it, often near the top of the low back, commonly refer pain down to the middle of ",
            "the buttock. The low back itself may ache along the way, especially after bending ",
            "or lifting.",
        ),
        conditions: &["Low back pain", "Buttock pain", "Pain on bending and lifting"],
        notes: concat!(
            "Prone, pillow under the abdomen; flat palpation of the lateral erector column just ",
            "below the 12th rib around L1, where the muscle is thick. Check flexion and ",
            "side-bending. The kidney lies deep to the muscle at and above L1: needle obliquely ",
            "medially onto the transverse process or rib, never straight down lateral to the ",
            "erectors.",
        ),
        trigger_points: &[tp_post(52.0, 670.0), tp_lat(-70.0, 660.0)],
        essential: &[
            post(ell(95.0, 842.0, 34.0, 22.0)),
            lat(ell(-96.0, 850.0, 16.0, 24.0)),
        ],
        spillover: &[
            post(strap(&[(55.0, 690.0), (58.0, 740.0), (60.0, 790.0)], &[14.0, 14.0, 12.0])),
        ],
    },
    Pattern {
        muscle: "longissimus_thoracis",
        region: TRUNK,
        caption: "The longissimus thoracis commonly refers pain well below itself, to the sacroiliac area and the buttock.",
        description: concat!(
            "The longissimus is the middle column of the long back muscles beside the spine. ",
            "Knots in its lower part commonly refer pain a long way down, to the back of the ",
            "pelvis near the sacroiliac joint and into the buttock. Because the pain is felt so ",
            "far below the knot, it is easily missed.",
        ),
        conditions: &["Low back pain", "Buttock pain", "Sacroiliac area pain",
            "Pain on bending and lifting"],
        notes: concat!(
            "Prone, pillow under the abdomen; flat palpation of the middle erector column about ",
            "2–4 cm from the midline, TrPs around T10–L1. Reproduction of buttock pain from the ",
            "thoracolumbar junction is the clue. Needle towards the lamina or transverse ",
            "process; above L1 the pleura is close.",
        ),
        trigger_points: &[tp_post(24.0, 620.0), tp_lat(-77.0, 615.0)],
        essential: &[
            post(ell(62.0, 856.0, 36.0, 26.0)),
            post(SI_JOINT_P),
        ],
        spillover: &[
            post(strap(&[(25.0, 680.0), (28.0, 740.0), (30.0, 790.0)], &[14.0, 14.0, 12.0])),
        ],
    },
    Pattern {
        muscle: "multifidus",
        region: TRUNK,
        caption: concat!(
            "The multifidus commonly refers pain around the bony point of the spine at its own ",
            "level, and from low down towards the tailbone.",
        ),
        description: concat!(
            "The multifidus is a deep muscle lying close against the spine. Knots in it commonly ",
            "cause a deep, local ache beside and over the bony point of the spine at the same ",
            "level. Knots low in the back often refer pain down towards the tailbone.",
        ),
        conditions: &["Low back pain", "Tailbone pain", "Recurrent low back pain", "Pain on bending"],
        notes: concat!(
            "Prone, pillow under the abdomen; deep palpation in the groove between the spinous ",
            "process and the longissimus, pressing towards the lamina. Segmental tenderness and ",
            "local twitch are typical; check segmental mobility. Needle onto the lamina, medial ",
            "angulation; stay medial to the facet joint line, since deeper lie the ",
            "intervertebral foramen and, in the thoracic spine, the pleura.",
        ),
        trigger_points: &[tp_post(14.0, 680.0), tp_post(18.0, 790.0), tp_lat(-73.0, 700.0)],
        essential: &[
            post(ell(8.0, 682.0, 14.0, 14.0)).crossing_midline(),
            post(pts(&[
                (-8.0, 862.0), (8.0, 862.0), (10.0, 888.0), (4.0, 908.0), (-4.0, 908.0),
                (-10.0, 888.0),
            ])).crossing_midline(),
        ],
        spillover: &[
            post(ell(18.0, 812.0, 14.0, 26.0)),
        ],
    },
    Pattern {
        muscle: "rectus_abdominis",
        region: TRUNK,
        caption: "The rectus abdominis often refers pain across the back at the level of the knot, as well as to the belly.",
        description: concat!(
            "The rectus abdominis is the long muscle down the front of the belly. Knots in its ",
            "upper part commonly cause a feeling of fullness or pain in the upper belly and a ",
            "band of pain across the middle of the back. Knots in its lower part often refer a ",
            "band of pain across the low back and the back of the pelvis. Belly pain should ",
            "first be checked by a doctor, because it can come from the organs.",
        ),
        conditions: &["Abdominal wall pain", "Low back pain", "Mid-back pain",
            "Pain after abdominal surgery"],
        notes: concat!(
            "Supine, knees bent; pincer grip of the muscle lateral to the linea alba, or flat ",
            "palpation with the head raised (Carnett sign: pain unchanged or worse when tensed ",
            "suggests the abdominal wall rather than a visceral source). Exclude visceral ",
            "disease first. The peritoneum lies directly under the thin muscle and the ",
            "epigastric vessels run behind it: needle only within the pincer grip, tangentially.",
        ),
        trigger_points: &[tp_ant(30.0, 510.0), tp_ant(28.0, 840.0), tp_lat(81.0, 560.0)],
        essential: &[
            post(strap(&[
                (-30.0, 610.0), (40.0, 612.0), (110.0, 616.0), (140.0, 622.0),
            ], &[18.0, 20.0, 20.0, 16.0])).crossing_midline(),
            post(strap(&[
                (-30.0, 792.0), (15.0, 794.0), (55.0, 800.0),
            ], &[18.0, 20.0, 18.0])).crossing_midline(),
            ant(ell(16.0, 522.0, 26.0, 20.0)).crossing_midline(),
        ],
        spillover: &[
            ant(ell(30.0, 852.0, 24.0, 18.0)),
        ],
    },
    Pattern {
        muscle: "external_oblique",
        region: TRUNK,
        caption: "The external oblique commonly refers pain to the upper belly, like heartburn, or low down to the groin.",
        description: concat!(
            "The external oblique is the outer layer of the side wall of the belly. Knots in its ",
            "upper part commonly refer a burning or aching pain to the upper belly that can feel ",
            "like heartburn. Knots low down often refer pain to the groin and lower belly. ",
            "Because these can mimic problems of the organs, a medical check comes first.",
        ),
        conditions: &["Abdominal wall pain", "Groin pain", "Side stitch",
            "Heartburn-like pain with normal tests"],
        notes: concat!(
            "Supine or side-lying; pincer grip of the lateral abdominal wall below the costal ",
            "margin and above the iliac crest; Carnett sign helps separate the wall from the ",
            "viscera. Exclude visceral and hernia causes. The peritoneum lies beneath: needle ",
            "only within a pincer grip, tangentially, never perpendicular into the abdomen.",
        ),
        trigger_points: &[tp_ant(112.0, 560.0), tp_ant(110.0, 740.0), tp_lat(66.0, 600.0)],
        essential: &[
            ant(ell(26.0, 532.0, 30.0, 22.0)).crossing_midline(),
            ant(pts(&[
                (70.0, 800.0), (110.0, 790.0), (125.0, 815.0), (100.0, 860.0), (60.0, 880.0),
                (50.0, 850.0),
            ])),
        ],
        spillover: &[
            ant(ell(120.0, 650.0, 17.0, 45.0)),
            lat(ell(76.0, 640.0, 10.0, 40.0)),
        ],
    },
    Pattern {
        muscle: "internal_oblique",
        region: TRUNK,
        caption: "The internal oblique commonly refers pain to the lower belly and the groin.",
        description: concat!(
            "The internal oblique is the middle layer of the side wall of the belly, under the ",
            "external oblique. Knots in its lower part commonly refer pain along the groin ",
            "crease and to the lower belly, sometimes towards the genitals. Belly and groin pain ",
            "should first be checked by a doctor, because hernias and problems of the organs can ",
            "feel similar.",
        ),
        conditions: &["Groin pain", "Abdominal wall pain", "Lower abdominal pain",
            "Sports-related groin pain"],
        notes: concat!(
            "Supine or side-lying; pincer grip of the lateral abdominal wall between the iliac ",
            "crest and the lower ribs, or flat palpation just above the inguinal ligament medial ",
            "to the ASIS. Carnett sign; exclude hernia and visceral causes. The peritoneum lies ",
            "beneath and the ilioinguinal and iliohypogastric nerves run between the layers: ",
            "pincer grip and tangential needling only.",
        ),
        trigger_points: &[tp_ant(95.0, 720.0)],
        essential: &[
            ant(strap(&[(122.0, 800.0), (88.0, 838.0), (52.0, 876.0)], &[16.0, 18.0, 16.0])),
        ],
        spillover: &[
            ant(ell(72.0, 790.0, 30.0, 20.0)),
        ],
    },
    Pattern {
        muscle: "iliopsoas",
        region: TRUNK,
        caption: "The iliopsoas commonly refers pain in a vertical strip beside the low back and to the front of the thigh.",
        description: concat!(
            "The iliopsoas is the deep hip flexor, running from the low back and inside of the ",
            "pelvis to the top of the thigh. Knots in it commonly refer pain in a vertical strip ",
            "beside the low spine, down towards the sacroiliac area and upper buttock, and to ",
            "the groin and front of the upper thigh. Standing up straight after sitting is often ",
            "painful.",
        ),
        conditions: &["Low back pain", "Groin pain", "Hip pain", "Pain standing up from sitting",
            "Hip flexor tightness"],
        notes: concat!(
            "Supine, hip and knee flexed. Iliacus: fingers curl over the inner lip of the iliac ",
            "crest behind the ASIS. Psoas: slow deep pressure lateral to the rectus abdominis at ",
            "or below umbilical level. Distal part: lateral wall of the femoral triangle. Thomas ",
            "test. The femoral artery, vein and nerve lie in the femoral triangle and the ",
            "peritoneum in front of the psoas: needle only the iliacus or the distal part ",
            "lateral to the femoral artery pulse, by advanced practitioners; record the position ",
            "(side-lying moves the femoral nerve slightly away from the iliacus landmark).",
        ),
        trigger_points: &[tp_ant(95.0, 790.0), tp_ant(70.0, 760.0), tp_ant(80.0, 880.0)],
        essential: &[
            post(strap(&[
                (25.0, 620.0), (28.0, 680.0), (30.0, 740.0), (34.0, 786.0),
            ], &[22.0, 22.0, 22.0, 18.0])),
            ant_leg_strip(&[(950.0, 0.3, 0.8), (1000.0, 0.3, 0.8), (1040.0, 0.35, 0.8)]),
        ],
        spillover: &[
            post(ell(50.0, 820.0, 24.0, 22.0)),
            ant(ell(82.0, 906.0, 20.0, 14.0)),
        ],
    },
    Pattern {
        muscle: "serratus_posterior_inferior",
        region: TRUNK,
        caption: "The serratus posterior inferior commonly refers a nagging local ache over the lower ribs at the back.",
        description: concat!(
            "This thin muscle lies over the lowest ribs at the back, under the latissimus dorsi. ",
            "Knots in it commonly cause a nagging ache over the lower ribs around the knot, ",
            "which may linger after the main back pain has settled. Deep breathing or twisting ",
            "may catch.",
        ),
        conditions: &["Mid-back pain", "Low back pain", "Pain on deep breathing or twisting"],
        notes: concat!(
            "Prone; flat palpation over ribs 9–12 lateral to the erector spinae, through the ",
            "latissimus dorsi. Exclude rib and kidney causes. Lies directly over ribs, pleura ",
            "and, low down, the kidney: manual treatment is preferred; if needled, rib ",
            "bracketing and a tangential approach only.",
        ),
        trigger_points: &[tp_post(90.0, 612.0), tp_lat(-76.0, 590.0)],
        essential: &[
            post(ell(90.0, 614.0, 38.0, 20.0)),
        ],
        spillover: &[
            lat(ell(-78.0, 592.0, 11.0, 22.0)),
        ],
    },
];
