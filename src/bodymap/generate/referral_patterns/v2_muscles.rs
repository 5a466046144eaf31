//! The referral patterns of the muscles body map version 2 added (issue #19), by region, listed
//! after each region's own patterns. Data only, like the region files; each follows the
//! pattern documented for it in the source `sources.rs` names.

use super::authoring::{
    HEAD, HIP, LEG, NECK_SHOULDER, Pattern, Shape, THIGH, TRUNK, UPPER_LIMB, ant, ant_arm_strip,
    ell, lat, lat_arm, med, post, post_leg_strip, pts, sole, strap, tp_ant, tp_lat, tp_post,
    tp_sole,
};
use super::shared::{
    DORSAL_WEB_P, FINGERS_3_TO_5, INDEX, INDEX_RADIAL_SIDE, LAT_EPICONDYLE_L, LITTLE_FINGER,
    MIDDLE_FINGER, MIDDLE_RING_FINGERS, SCALENE_ESSENTIAL, SCALENE_SPILLOVER, THUMB_A,
};

// The sides of the fingers the palmar interossei move, the sides facing the middle finger (the
// same on the palm and the back: the front and back views share the hand's outline).
#[rustfmt::skip]
const INDEX_ULNAR_SIDE: Shape = pts(&[
    (279.0, 1000.0), (284.5, 999.0), (290.5, 1044.0), (294.5, 1068.0), (293.0, 1073.0),
    (290.0, 1068.0), (286.5, 1045.0),
]);
#[rustfmt::skip]
const RING_RADIAL_SIDE: Shape = pts(&[
    (258.5, 1000.0), (263.5, 1008.0), (261.0, 1022.0), (259.3, 1048.0), (257.6, 1071.0),
    (254.0, 1077.0), (255.2, 1048.0), (257.0, 1022.0),
]);
#[rustfmt::skip]
const LITTLE_RADIAL_SIDE: Shape = pts(&[
    (246.0, 996.0), (249.5, 995.0), (240.7, 1035.0), (236.6, 1054.0), (232.8, 1058.0),
    (233.6, 1053.0), (237.2, 1035.0),
]);

#[rustfmt::skip]
pub const HEAD_PATTERNS: &[Pattern] = &[
    Pattern {
        muscle: "medial_pterygoid",
        region: HEAD,
        caption: "The medial pterygoid commonly refers a poorly placed ache to the back of the mouth, the throat and deep in front of the ear.",
        description: concat!(
            "The medial pterygoid is a chewing muscle on the inner side of the jaw. Knots in it ",
            "commonly cause an ache inside the mouth and throat, below and behind the jaw joint ",
            "and deep in the ear, often worse on chewing, swallowing or opening wide.",
        ),
        conditions: &["Jaw (TMJ) pain", "Pain on swallowing", "Ear stuffiness", "Teeth clenching"],
        notes: concat!(
            "Externally at the inner surface of the angle of the mandible with the head tilted ",
            "towards the side; intra-orally (gloved) behind the last molars. Mouth opening is ",
            "limited. Needling close to the facial artery and vein: advanced skill only.",
        ),
        trigger_points: &[tp_lat(10.0, 196.0), tp_ant(54.0, 204.0)],
        essential: &[
            lat(ell(6.0, 150.0, 10.0, 13.0)),
            lat(ell(48.0, 206.0, 14.0, 8.0)),
            ant(ell(26.0, 206.0, 12.0, 8.0)),
        ],
        spillover: &[lat(ell(-4.0, 184.0, 8.0, 10.0))],
    },
    Pattern {
        muscle: "zygomaticus_major",
        region: HEAD,
        caption: "The zygomaticus major commonly refers pain in an arc beside the nose up to the middle of the forehead.",
        description: concat!(
            "The zygomaticus major draws the corner of the mouth up in a smile. Knots in it ",
            "commonly refer pain along the side of the nose, over the inner eye and up to the ",
            "forehead, often mistaken for sinus pain.",
        ),
        conditions: &["Sinus-like facial pain", "Frontal headache", "Facial pain"],
        notes: concat!(
            "Supine; pincer grip of the cheek between a gloved finger inside the mouth and the ",
            "thumb outside, along the line from the corner of the mouth to the zygoma. Manual ",
            "release is usually preferred to needling on the face.",
        ),
        trigger_points: &[tp_ant(46.0, 160.0), tp_lat(74.0, 160.0)],
        essential: &[
            ant(strap(&[
                (26.0, 172.0), (18.0, 140.0), (16.0, 110.0), (18.0, 82.0), (24.0, 60.0),
            ], &[10.0, 10.0, 10.0, 12.0, 12.0])),
        ],
        spillover: &[],
    },
    Pattern {
        muscle: "orbicularis_oculi",
        region: HEAD,
        caption: "The orbicularis oculi commonly refers pain down the side of the nose to the upper lip.",
        description: concat!(
            "This ring of muscle closes the eye. Knots in its upper part commonly send pain ",
            "from just above the eye down along the nose to the upper lip, and often go with ",
            "eye strain or a jumpy eyelid.",
        ),
        conditions: &["Eye strain", "Facial pain", "Headache"],
        notes: concat!(
            "Supine; flat palpation over the upper eyelid just below the brow, and pincer ",
            "palpation of the lower lid fibres. Not a needling site: treat manually.",
        ),
        trigger_points: &[tp_ant(33.0, 101.0), tp_lat(80.0, 104.0)],
        essential: &[
            ant(pts(&[(4.0, 112.0), (14.0, 112.0), (20.0, 140.0), (18.0, 170.0), (8.0, 178.0), (2.0, 150.0)])),
        ],
        spillover: &[ant(ell(30.0, 96.0, 12.0, 6.0))],
    },
    Pattern {
        muscle: "buccinator",
        region: HEAD,
        caption: "The buccinator commonly refers an ache into the cheek and the upper gums.",
        description: concat!(
            "The buccinator forms the wall of the cheek and keeps food between the teeth. Knots ",
            "in it commonly cause a deep cheek ache, often felt in the upper gums and made worse ",
            "by chewing.",
        ),
        conditions: &["Cheek pain", "Toothache with healthy teeth", "Jaw pain"],
        notes: concat!(
            "Pincer palpation of the cheek between a gloved finger in the mouth and the thumb ",
            "outside, in front of the anterior border of the masseter. Rule out dental causes.",
        ),
        trigger_points: &[tp_ant(40.0, 178.0), tp_lat(72.0, 182.0)],
        essential: &[ant(ell(42.0, 176.0, 12.0, 16.0)), lat(ell(66.0, 178.0, 14.0, 12.0))],
        spillover: &[],
    },
    Pattern {
        muscle: "platysma",
        region: HEAD,
        caption: "The platysma commonly refers a prickling pain over the lower jaw and chin.",
        description: concat!(
            "The platysma is a thin sheet of muscle under the skin of the front of the neck. ",
            "Knots in it commonly cause a prickling, superficial pain along the lower jaw and ",
            "the chin.",
        ),
        conditions: &["Jaw pain", "Prickling facial pain", "Neck pain"],
        notes: concat!(
            "Pincer palpation of the skin and sheet over the sternocleidomastoid with the jaw ",
            "clenched and the lower lip drawn down; TrPs often lie just above the clavicle. ",
            "Superficial only, within the pinch.",
        ),
        trigger_points: &[tp_ant(40.0, 262.0), tp_lat(22.0, 262.0)],
        essential: &[
            ant(pts(&[(14.0, 212.0), (40.0, 204.0), (56.0, 214.0), (52.0, 228.0), (30.0, 234.0), (12.0, 232.0)])),
            lat(strap(&[(30.0, 219.0), (60.0, 224.0), (86.0, 220.0)], &[12.0, 12.0, 10.0])),
        ],
        spillover: &[],
    },
    Pattern {
        muscle: "longus_colli",
        region: HEAD,
        caption: "The longus colli commonly refers a deep ache to the front of the neck, sometimes to the ear and beside the eye.",
        description: concat!(
            "The longus colli is a deep muscle on the front of the spine in the neck, behind the ",
            "throat. Knots in it commonly cause a deep ache in the front of the neck on the same ",
            "side. Some people also feel it in the ear, beside the outer corner of the eye or on ",
            "the other side of the neck.",
        ),
        conditions: &["Neck pain", "Whiplash-associated neck pain", "Pain in the front of the neck"],
        notes: concat!(
            "Supine, neck slightly flexed; between the trachea and the sternocleidomastoid, the ",
            "carotid pulse felt and eased laterally, press gently onto the front of the C3–C6 ",
            "vertebral bodies beside the midline. Carotid artery and sinus, jugular vein, vagus ",
            "nerve, thyroid and oesophagus lie over and beside it: needle only under ultrasound ",
            "guidance, advanced practitioners only. The pattern was mapped by massage and ",
            "needling of the muscle in healthy volunteers.",
        ),
        trigger_points: &[tp_ant(12.0, 270.0)],
        essential: &[
            ant(strap(&[(14.0, 236.0), (16.0, 272.0), (18.0, 306.0)], &[18.0, 20.0, 18.0])),
            lat(strap(&[(22.0, 238.0), (28.0, 268.0), (34.0, 298.0)], &[14.0, 16.0, 14.0])),
        ],
        spillover: &[
            lat(ell(-2.0, 134.0, 9.0, 13.0)),
            lat(ell(64.0, 110.0, 8.0, 7.0)),
            ant(ell(60.0, 110.0, 6.0, 8.0)),
            ant(strap(&[(-16.0, 240.0), (-18.0, 272.0), (-20.0, 304.0)], &[18.0, 20.0, 18.0]))
                .crossing_midline(),
        ],
    },
];

#[rustfmt::skip]
pub const NECK_SHOULDER_PATTERNS: &[Pattern] = &[
    Pattern {
        muscle: "posterior_scalene",
        region: NECK_SHOULDER,
        caption: concat!(
            "The posterior scalene, like the other scalenes, commonly refers pain to the chest, ",
            "the inner edge of the shoulder blade and down the arm to the thumb and index finger.",
        ),
        description: concat!(
            "The posterior scalene is the smallest and deepest of the scalenes, at the back of ",
            "the side of the neck. It commonly shares the scalenes' pattern: chest, the inner ",
            "edge of the shoulder blade, the front and back of the arm and the thumb side of the ",
            "hand. Tingling in the hand is often part of it.",
        ),
        conditions: &["Neck pain", "Arm pain", "Tingling in the hand", "Upper back pain"],
        notes: concat!(
            "Supine or side-lying; behind the middle scalene and in front of the levator ",
            "scapulae, down to the second rib, with the trapezius lifted back. Brachial plexus ",
            "and the lung apex nearby: advanced practitioners only.",
        ),
        trigger_points: &[tp_ant(70.0, 280.0), tp_lat(-17.0, 262.0)],
        essential: SCALENE_ESSENTIAL,
        spillover: SCALENE_SPILLOVER,
    },
    Pattern {
        muscle: "semispinalis_cervicis",
        region: NECK_SHOULDER,
        caption: "The semispinalis cervicis commonly refers pain up to the base of the skull and down the back of the neck.",
        description: concat!(
            "The semispinalis cervicis lies deep along the back of the neck. Knots in it ",
            "commonly cause an ache from the base of the skull down the back of the neck, ",
            "often with a stiff neck on bending forward.",
        ),
        conditions: &["Neck pain", "Cervicogenic headache", "Stiff neck"],
        notes: concat!(
            "Prone or sitting; deep palpation beside the spinous processes of C3–C6, through ",
            "the trapezius and semispinalis capitis. Needle onto the lamina, never between the ",
            "laminae towards the spinal canal.",
        ),
        trigger_points: &[tp_post(12.0, 250.0)],
        essential: &[
            post(ell(30.0, 160.0, 22.0, 14.0)),
            post(strap(&[(24.0, 196.0), (26.0, 250.0), (24.0, 300.0)], &[18.0, 18.0, 16.0])),
        ],
        spillover: &[],
    },
    Pattern {
        muscle: "cervical_multifidi",
        region: NECK_SHOULDER,
        caption: "The cervical multifidi commonly refer pain to the back of the neck and down to the upper edge of the shoulder blade.",
        description: concat!(
            "The multifidi are small deep muscles beside the spine. In the neck they commonly ",
            "refer an ache along the back of the neck and down to the top of the shoulder blade, ",
            "often on one side.",
        ),
        conditions: &["Neck pain", "Facet-like neck pain", "Upper back pain"],
        notes: concat!(
            "Prone; deep palpation in the groove beside the spinous processes, at the level of ",
            "the tender segment. Needle only onto the lamina.",
        ),
        trigger_points: &[tp_post(9.0, 240.0), tp_lat(-54.0, 240.0)],
        essential: &[
            post(strap(&[(14.0, 180.0), (16.0, 240.0), (18.0, 296.0)], &[14.0, 16.0, 16.0])),
            post(ell(66.0, 350.0, 20.0, 12.0)),
        ],
        spillover: &[post(ell(28.0, 156.0, 14.0, 10.0))],
    },
    Pattern {
        muscle: "subclavius",
        region: NECK_SHOULDER,
        caption: "The subclavius commonly refers pain across the front of the shoulder and down the front of the arm to the thumb side of the hand.",
        description: concat!(
            "The subclavius is a small muscle under the collarbone. Knots in it commonly cause ",
            "pain below the collarbone and down the front of the arm, the thumb side of the ",
            "forearm and into the thumb, index and middle fingers.",
        ),
        conditions: &["Shoulder pain", "Arm pain", "Thoracic outlet symptoms"],
        notes: concat!(
            "Supine; flat palpation under the middle of the clavicle, through the pectoralis ",
            "major. Subclavian vessels and the lung lie beneath: not a needling site.",
        ),
        trigger_points: &[tp_ant(70.0, 331.0)],
        essential: &[
            ant(ell(150.0, 340.0, 26.0, 12.0)),
            ant_arm_strip(&[(440.0, 0.5, 0.95), (540.0, 0.5, 0.95), (620.0, 0.5, 0.95)]),
            ant_arm_strip(&[(700.0, 0.7, 0.97), (800.0, 0.7, 0.97), (880.0, 0.7, 0.97)]),
            ant(MIDDLE_FINGER),
            ant(INDEX),
        ],
        spillover: &[],
    },
];

#[rustfmt::skip]
pub const UPPER_LIMB_PATTERNS: &[Pattern] = &[
    Pattern {
        muscle: "anconeus",
        region: UPPER_LIMB,
        caption: "The anconeus commonly refers a local ache to the outer point of the elbow.",
        description: concat!(
            "The anconeus is a small muscle at the back of the elbow. Knots in it commonly ",
            "cause a local ache at the outer bony point of the elbow, often mistaken for tennis ",
            "elbow.",
        ),
        conditions: &["Lateral elbow pain", "Tennis elbow"],
        notes: concat!(
            "Prone or sitting with the elbow bent; flat palpation just distal to the lateral ",
            "epicondyle, between it and the olecranon. Superficial, over bone.",
        ),
        trigger_points: &[tp_post(246.0, 664.0), tp_lat(-12.0, 672.0)],
        essential: &[post(ell(252.0, 646.0, 10.0, 14.0)), lat_arm(LAT_EPICONDYLE_L)],
        spillover: &[],
    },
    Pattern {
        muscle: "palmaris_longus",
        region: UPPER_LIMB,
        caption: "The palmaris longus commonly refers a prickling pain into the palm.",
        description: concat!(
            "The palmaris longus is a thin muscle in the middle of the inner forearm. Knots in ",
            "it commonly cause a superficial prickling pain in the palm, often making tools ",
            "uncomfortable to grip.",
        ),
        conditions: &["Palm pain", "Pain gripping tools"],
        notes: concat!(
            "Supine, forearm supinated; flat palpation of the mid-volar forearm between the ",
            "flexor carpi radialis and ulnaris. Its tendon shows when thumb and little finger ",
            "touch with the wrist flexed. The median nerve runs deep to it.",
        ),
        trigger_points: &[tp_ant(240.0, 740.0)],
        essential: &[ant(ell(272.0, 968.0, 13.0, 22.0))],
        spillover: &[ant_arm_strip(&[(820.0, 0.3, 0.7), (860.0, 0.3, 0.7), (895.0, 0.3, 0.7)])],
    },
    Pattern {
        muscle: "flexor_digitorum_profundus",
        region: UPPER_LIMB,
        caption: "The flexor digitorum profundus commonly refers pain along the fingers it bends, out to their tips.",
        description: concat!(
            "This deep forearm muscle bends the fingertips. Knots in it commonly refer pain ",
            "along the palm side of the middle, ring and little fingers, often felt right out to ",
            "the tips.",
        ),
        conditions: &["Finger pain", "Pain gripping", "Trigger finger"],
        notes: concat!(
            "Supine, forearm supinated; deep palpation of the ulnar side of the volar forearm, ",
            "under the flexor carpi ulnaris, with the patient flexing the fingertips. Ulnar ",
            "nerve and artery run along it.",
        ),
        trigger_points: &[tp_ant(234.0, 790.0)],
        essential: &[
            ant(FINGERS_3_TO_5),
        ],
        spillover: &[],
    },
    Pattern {
        muscle: "flexor_pollicis_longus",
        region: UPPER_LIMB,
        caption: "The flexor pollicis longus commonly refers pain along the palm side of the thumb to its tip.",
        description: concat!(
            "This deep forearm muscle bends the tip of the thumb. Knots in it commonly cause ",
            "pain along the palm side of the thumb, often felt at the tip.",
        ),
        conditions: &["Thumb pain", "Trigger thumb"],
        notes: concat!(
            "Supine, forearm supinated; deep palpation of the radial volar forearm in its distal ",
            "half, with the patient flexing the thumb tip. Radial artery lies lateral.",
        ),
        trigger_points: &[tp_ant(270.0, 800.0)],
        essential: &[ant(pts(&[(302.0, 962.0), (316.0, 968.0), (324.0, 994.0), (316.0, 1008.0), (306.0, 996.0)]))],
        spillover: &[ant(THUMB_A)],
    },
    Pattern {
        muscle: "extensor_indicis",
        region: UPPER_LIMB,
        caption: "The extensor indicis commonly refers pain to the back of the wrist and hand on the thumb side.",
        description: concat!(
            "This small deep muscle straightens the index finger. Knots in it commonly cause ",
            "pain on the back of the wrist and hand towards the index finger.",
        ),
        conditions: &["Wrist pain", "Back of the hand pain"],
        notes: concat!(
            "Prone forearm; deep palpation of the distal dorsal forearm over the ulna, with the ",
            "patient extending the index finger alone.",
        ),
        trigger_points: &[tp_post(258.0, 858.0)],
        essential: &[post(ell(280.0, 930.0, 10.0, 20.0))],
        spillover: &[],
    },
    Pattern {
        muscle: "dorsal_interossei_hand",
        region: UPPER_LIMB,
        caption: "The dorsal interossei of the hand commonly refer pain along the side of the finger they move.",
        description: concat!(
            "These small muscles between the hand bones spread the fingers. Knots in them ",
            "commonly refer pain along the side of the finger each one moves, often with stiff ",
            "or swollen-feeling knuckles.",
        ),
        conditions: &["Finger pain", "Finger joint stiffness", "Hand pain"],
        notes: concat!(
            "Palpate between the metacarpals from the dorsum, pressing against the bone, while ",
            "the patient spreads the fingers. Shallow, over bone.",
        ),
        trigger_points: &[tp_post(270.0, 968.0)],
        essential: &[post(MIDDLE_RING_FINGERS)],
        spillover: &[],
    },
    Pattern {
        muscle: "abductor_digiti_minimi_hand",
        region: UPPER_LIMB,
        caption: "The abductor digiti minimi of the hand commonly refers pain along the outer side of the little finger.",
        description: concat!(
            "This muscle on the outer edge of the palm spreads the little finger. Knots in it ",
            "commonly cause pain along the outer side of the little finger.",
        ),
        conditions: &["Little finger pain", "Hand pain"],
        notes: concat!(
            "Pincer palpation of the ulnar border of the hand over the fifth metacarpal, the ",
            "patient spreading the little finger against resistance.",
        ),
        trigger_points: &[tp_ant(240.0, 955.0)],
        essential: &[ant(LITTLE_FINGER)],
        spillover: &[],
    },
    Pattern {
        muscle: "palmar_interossei_hand",
        region: UPPER_LIMB,
        caption: "The palmar interossei of the hand commonly refer pain along the side of the index, ring or little finger that faces the middle finger.",
        description: concat!(
            "These small muscles between the hand bones draw the fingers together. Knots in them ",
            "commonly refer pain along the side of the finger each one moves, the side facing ",
            "the middle finger, on the palm and on the back. Stiff or swollen-feeling finger ",
            "joints often go with it.",
        ),
        conditions: &["Finger pain", "Finger joint stiffness", "Hand pain"],
        notes: concat!(
            "Palpate deep in the palm between the metacarpals of the index, ring and little ",
            "fingers, pressing towards the bone, while the patient squeezes a card between the ",
            "fingers. Needle from the back of the hand between the metacarpal shafts, no deeper ",
            "than the muscle: the deep palmar arch and the digital nerves lie on its palm side.",
        ),
        trigger_points: &[tp_ant(270.0, 972.0)],
        essential: &[
            ant(INDEX_ULNAR_SIDE),
            ant(RING_RADIAL_SIDE),
            ant(LITTLE_RADIAL_SIDE),
            post(INDEX_ULNAR_SIDE),
            post(RING_RADIAL_SIDE),
            post(LITTLE_RADIAL_SIDE),
        ],
        spillover: &[],
    },
    Pattern {
        muscle: "abductor_pollicis_brevis",
        region: UPPER_LIMB,
        caption: "The abductor pollicis brevis commonly refers pain over the ball of the thumb and the back of the thumb web.",
        description: concat!(
            "This small muscle in the ball of the thumb lifts the thumb away from the palm. ",
            "Knots in it commonly cause pain over the ball of the thumb and in the web between ",
            "the thumb and index finger on the back of the hand. Some people also feel it up the ",
            "thumb side of the forearm or along the thumb side of the index finger.",
        ),
        conditions: &["Thumb pain", "Hand pain", "Wrist and forearm pain"],
        notes: concat!(
            "Sitting, hand palm up; flat palpation of the most superficial, radial part of the ",
            "thenar eminence over the first metacarpal, the patient lifting the thumb away from ",
            "the palm against resistance. Exclude carpal tunnel syndrome (thenar wasting, night ",
            "tingling) and thumb base arthritis. The recurrent motor branch of the median nerve ",
            "enters the thenar muscles proximally: needle the distal belly, shallow. The pattern ",
            "was mapped by injecting saline into the muscle of healthy volunteers.",
        ),
        trigger_points: &[tp_ant(304.0, 952.0)],
        essential: &[
            ant(pts(&[
                (290.0, 912.0), (300.0, 912.0), (307.0, 932.0), (312.0, 956.0), (311.0, 978.0),
                (300.0, 986.0), (287.0, 970.0), (282.0, 940.0),
            ])),
            post(DORSAL_WEB_P),
        ],
        spillover: &[
            ant_arm_strip(&[(830.0, 0.6, 0.96), (862.0, 0.6, 0.96), (894.0, 0.6, 0.96)]),
            ant(INDEX_RADIAL_SIDE),
        ],
    },
];

#[rustfmt::skip]
pub const TRUNK_PATTERNS: &[Pattern] = &[
    Pattern {
        muscle: "sternalis",
        region: TRUNK,
        caption: "The sternalis commonly refers a deep ache under the breastbone.",
        description: concat!(
            "The sternalis is a small muscle over the breastbone that only some people have. ",
            "Knots in it commonly cause a deep ache under the breastbone, often spreading across ",
            "the upper chest, which can be mistaken for heart pain.",
        ),
        conditions: &["Chest wall pain", "Breastbone pain"],
        notes: concat!(
            "Supine; flat palpation along the sternum. Cardiac and other visceral causes of ",
            "chest pain must be excluded first. Over the sternum, needle only tangentially.",
        ),
        trigger_points: &[tp_ant(11.0, 400.0)],
        essential: &[
            ant(pts(&[(-12.0, 332.0), (22.0, 332.0), (26.0, 400.0), (22.0, 468.0), (-10.0, 468.0), (-14.0, 400.0)])).crossing_midline(),
        ],
        spillover: &[ant(ell(70.0, 380.0, 30.0, 22.0))],
    },
    Pattern {
        muscle: "intercostals",
        region: TRUNK,
        caption: "The intercostals commonly refer a local ache along the rib space, towards the front of the chest.",
        description: concat!(
            "The intercostals fill the spaces between the ribs. Knots in them commonly cause a ",
            "local ache along the rib space, often sharper on deep breathing, coughing or ",
            "twisting.",
        ),
        conditions: &["Chest wall pain", "Rib pain", "Pain on deep breathing"],
        notes: concat!(
            "Palpate along the rib space with the ribs bracketed between two fingers. Lung and ",
            "pleura a few millimetres beneath: needle only onto a rib, between bracketing ",
            "fingers, with a short needle.",
        ),
        trigger_points: &[tp_ant(124.0, 520.0), tp_lat(40.0, 520.0)],
        essential: &[
            lat(strap(&[(-20.0, 524.0), (30.0, 530.0), (70.0, 540.0), (90.0, 548.0)], &[14.0, 14.0, 14.0, 12.0])),
            ant(strap(&[(146.0, 540.0), (120.0, 546.0), (92.0, 550.0)], &[14.0, 14.0, 12.0])),
        ],
        spillover: &[],
    },
    Pattern {
        muscle: "diaphragm",
        region: TRUNK,
        caption: "The diaphragm commonly refers pain along the lower front edge of the ribs.",
        description: concat!(
            "The diaphragm is the main breathing muscle under the lungs. When it is irritated ",
            "it commonly causes pain along the lower edge of the ribs at the front, often felt ",
            "as a stitch on exertion. Some people also feel the top of the shoulder ache.",
        ),
        conditions: &["Side stitch", "Lower rib pain", "Breathing-pattern disorder"],
        notes: concat!(
            "Not palpable as a muscle: its costal attachment is reached by curling the fingers ",
            "under the costal margin, supine with knees bent, as the patient breathes out. ",
            "Exclude visceral causes. Never needled.",
        ),
        trigger_points: &[tp_ant(80.0, 590.0)],
        essential: &[
            ant(strap(&[(30.0, 530.0), (70.0, 575.0), (110.0, 610.0), (138.0, 624.0)], &[18.0, 18.0, 18.0, 14.0])),
        ],
        spillover: &[post(ell(150.0, 306.0, 22.0, 9.0))],
    },
    Pattern {
        muscle: "transversus_abdominis",
        region: TRUNK,
        caption: "The transversus abdominis commonly refers pain to the upper abdomen between the lower ribs.",
        description: concat!(
            "The transversus abdominis is the deepest layer of the abdominal wall, a natural ",
            "corset. Knots in it commonly cause pain high in the abdomen, between the lower ",
            "ribs, often worse with coughing or straining.",
        ),
        conditions: &["Upper abdominal pain", "Abdominal wall pain"],
        notes: concat!(
            "Supine, knees bent; palpate the lateral abdominal wall medial to the ASIS while the ",
            "patient draws the navel in. Exclude visceral causes. Peritoneum beneath: pincer ",
            "grip and tangential needling only.",
        ),
        trigger_points: &[tp_ant(100.0, 700.0), tp_lat(40.0, 680.0)],
        essential: &[
            ant(pts(&[(-26.0, 500.0), (26.0, 496.0), (46.0, 526.0), (34.0, 556.0), (-16.0, 560.0), (-36.0, 530.0)])).crossing_midline(),
        ],
        spillover: &[],
    },
    Pattern {
        muscle: "pyramidalis",
        region: TRUNK,
        caption: "The pyramidalis commonly refers pain close to the midline between the pubic bone and the navel.",
        description: concat!(
            "The pyramidalis is a small triangle of muscle just above the pubic bone. Knots in ",
            "it commonly cause a midline ache low in the abdomen, often mistaken for a bladder ",
            "problem.",
        ),
        conditions: &["Lower abdominal pain", "Suprapubic pain"],
        notes: concat!(
            "Supine; flat palpation just above the pubic symphysis beside the midline. Exclude ",
            "bladder and pelvic causes. Peritoneum and bladder beneath: pincer grip only.",
        ),
        trigger_points: &[tp_ant(8.0, 866.0)],
        essential: &[
            ant(pts(&[(-6.0, 780.0), (16.0, 780.0), (20.0, 830.0), (14.0, 868.0), (-4.0, 870.0), (-8.0, 830.0)])).crossing_midline(),
        ],
        spillover: &[],
    },
];

#[rustfmt::skip]
pub const HIP_PATTERNS: &[Pattern] = &[
    Pattern {
        muscle: "pelvic_floor",
        region: HIP,
        caption: "The pelvic floor muscles commonly refer pain to the tailbone, the anus and the perineum.",
        description: concat!(
            "The pelvic floor is a hammock of muscles at the base of the pelvis. Knots in it ",
            "commonly cause an ache around the tailbone, the anus and the perineum, often worse ",
            "on sitting.",
        ),
        conditions: &["Tailbone pain", "Pelvic pain", "Pain on sitting"],
        notes: concat!(
            "Not palpable from the surface: assessed by internal (vaginal or rectal) ",
            "examination by a clinician trained in pelvic health, with specific consent; ",
            "externally only beside the coccyx and the ischial tuberosity.",
        ),
        trigger_points: &[tp_post(14.0, 906.0)],
        essential: &[
            post(pts(&[(-10.0, 842.0), (14.0, 842.0), (20.0, 880.0), (16.0, 914.0), (-8.0, 914.0), (-14.0, 880.0)])).crossing_midline(),
        ],
        spillover: &[],
    },
    Pattern {
        muscle: "obturator_internus",
        region: HIP,
        caption: "The obturator internus commonly refers pain to the tailbone region and the back of the upper thigh.",
        description: concat!(
            "The obturator internus turns the hip outwards from inside the pelvis. Knots in it ",
            "commonly cause an ache near the tailbone and the anus and down the back of the ",
            "upper thigh, often felt as fullness in the rectum.",
        ),
        conditions: &["Pelvic pain", "Buttock pain", "Pain on sitting"],
        notes: concat!(
            "Externally its tendon with the gemelli between the ischial tuberosity and the ",
            "greater trochanter, prone; its pelvic part by internal examination only. Sciatic ",
            "nerve crosses the tendon.",
        ),
        trigger_points: &[tp_post(60.0, 857.0)],
        essential: &[
            post(ell(12.0, 872.0, 11.0, 20.0)).crossing_midline(),
            post(strap(&[(78.0, 950.0), (82.0, 1010.0)], &[30.0, 26.0])),
        ],
        spillover: &[],
    },
    Pattern {
        muscle: "gemelli",
        region: HIP,
        caption: "The gemelli commonly refer pain across the buttock behind the hip joint, much like the piriformis.",
        description: concat!(
            "The gemelli are two small muscles that turn the hip outwards, just below the ",
            "piriformis. Knots in them commonly cause a deep ache in the buttock behind the hip, ",
            "often worse on sitting.",
        ),
        conditions: &["Buttock pain", "Deep gluteal pain", "Pain on sitting"],
        notes: concat!(
            "Prone; deep palpation between the lower border of the piriformis and the quadratus ",
            "femoris, towards the greater trochanter. Sciatic nerve crosses them: locate it ",
            "first.",
        ),
        trigger_points: &[tp_post(100.0, 855.0)],
        essential: &[post(ell(118.0, 858.0, 28.0, 14.0))],
        spillover: &[],
    },
    Pattern {
        muscle: "quadratus_femoris",
        region: HIP,
        caption: "The quadratus femoris commonly refers pain to the lower buttock and the back of the hip.",
        description: concat!(
            "The quadratus femoris is a short, square muscle that turns the hip outwards. Knots ",
            "in it commonly cause an ache low in the buttock and behind the hip, often near the ",
            "sitting bone.",
        ),
        conditions: &["Buttock pain", "Hip pain", "Pain on sitting"],
        notes: concat!(
            "Prone; deep palpation between the ischial tuberosity and the greater trochanter, ",
            "below the gemelli. Sciatic nerve runs over it.",
        ),
        trigger_points: &[tp_post(116.0, 886.0)],
        essential: &[post(ell(112.0, 900.0, 30.0, 13.0)), post(ell(150.0, 870.0, 9.0, 14.0))],
        spillover: &[],
    },
];

#[rustfmt::skip]
pub const THIGH_PATTERNS: &[Pattern] = &[
    Pattern {
        muscle: "vastus_intermedius",
        region: THIGH,
        caption: "The vastus intermedius commonly refers pain over the front of the thigh, strongest midway down.",
        description: concat!(
            "The vastus intermedius lies deep in the front of the thigh, under the rectus ",
            "femoris. Knots in it commonly cause an ache over the front of the thigh, strongest ",
            "halfway down, often with difficulty straightening the knee after sitting.",
        ),
        conditions: &["Thigh pain", "Knee buckling", "Difficulty climbing stairs"],
        notes: concat!(
            "Supine; deep palpation either side of the rectus femoris, which is pushed aside, ",
            "onto the femur. Femoral vessels lie medially in the upper thigh.",
        ),
        trigger_points: &[tp_ant(110.0, 1000.0), tp_lat(55.0, 1000.0)],
        essential: &[ant(ell(104.0, 1040.0, 22.0, 66.0))],
        spillover: &[],
    },
    Pattern {
        muscle: "adductor_brevis",
        region: THIGH,
        caption: "The adductor brevis commonly refers a deep ache to the groin and the upper inner thigh.",
        description: concat!(
            "The adductor brevis lies deep in the upper inner thigh. Knots in it commonly cause ",
            "a deep ache in the groin and the upper inner thigh, often on spreading the legs.",
        ),
        conditions: &["Groin pain", "Inner thigh pain"],
        notes: concat!(
            "Supine, hip flexed and abducted; deep palpation behind the adductor longus, below ",
            "the pectineus. Femoral vessels lie laterally, the obturator nerve on it.",
        ),
        trigger_points: &[tp_ant(44.0, 950.0)],
        essential: &[ant(ell(34.0, 962.0, 14.0, 40.0))],
        spillover: &[],
    },
];

#[rustfmt::skip]
pub const LEG_PATTERNS: &[Pattern] = &[
    Pattern {
        muscle: "plantaris",
        region: LEG,
        caption: "The plantaris commonly refers pain to the back of the knee and the upper calf.",
        description: concat!(
            "The plantaris is a small muscle with a long tendon at the back of the knee. Knots ",
            "in it commonly cause an ache behind the knee, often spreading into the upper calf.",
        ),
        conditions: &["Back of knee pain", "Calf pain"],
        notes: concat!(
            "Prone, knee slightly bent; deep palpation just medial to the lateral head of the ",
            "gastrocnemius in the popliteal fossa. Popliteal vessels and the tibial nerve lie ",
            "medially: avoid the centre of the fossa.",
        ),
        trigger_points: &[tp_post(100.0, 1290.0)],
        essential: &[post(ell(86.0, 1304.0, 22.0, 20.0))],
        spillover: &[],
    },
    Pattern {
        muscle: "flexor_digitorum_longus",
        region: LEG,
        caption: "The flexor digitorum longus commonly refers pain to the middle of the forefoot sole.",
        description: concat!(
            "This deep calf muscle curls the lesser toes. Knots in it commonly cause pain in ",
            "the sole of the forefoot, often on walking, sometimes felt in the inner calf.",
        ),
        conditions: &["Forefoot pain", "Pain when walking", "Shin splints"],
        notes: concat!(
            "Prone or side-lying; deep palpation of the medial calf behind the tibia, under ",
            "the soleus. Posterior tibial vessels and tibial nerve lie close: needle from ",
            "medial, towards the tibia.",
        ),
        trigger_points: &[tp_post(64.0, 1480.0)],
        essential: &[sole(ell(94.0, 1570.0, 15.0, 18.0))],
        spillover: &[post_leg_strip(&[(1420.0, 0.05, 0.35), (1500.0, 0.05, 0.35), (1580.0, 0.05, 0.35)])],
    },
    Pattern {
        muscle: "flexor_hallucis_longus",
        region: LEG,
        caption: "The flexor hallucis longus commonly refers pain to the underside of the big toe.",
        description: concat!(
            "This deep calf muscle bends the big toe. Knots in it commonly cause pain under the ",
            "big toe and the ball of the foot behind it, often on pushing off.",
        ),
        conditions: &["Big toe pain", "Forefoot pain"],
        notes: concat!(
            "Prone; deep palpation of the lower calf lateral to the midline, against the ",
            "fibula, through the soleus. Peroneal vessels lie close.",
        ),
        trigger_points: &[tp_post(98.0, 1520.0)],
        essential: &[sole(pts(&[(62.0, 1524.0), (74.0, 1518.0), (78.0, 1556.0), (72.0, 1584.0), (62.0, 1580.0), (58.0, 1550.0)]))],
        spillover: &[],
    },
    Pattern {
        muscle: "extensor_hallucis_longus",
        region: LEG,
        caption: "The extensor hallucis longus commonly refers pain over the top of the foot to the big toe.",
        description: concat!(
            "This muscle on the front of the shin lifts the big toe. Knots in it commonly cause ",
            "pain over the top of the foot towards the big toe.",
        ),
        conditions: &["Top of the foot pain", "Big toe pain"],
        notes: concat!(
            "Supine; palpate between the tibialis anterior and extensor digitorum longus in ",
            "the lower half of the shin, the patient lifting the big toe. Anterior tibial ",
            "artery and deep fibular nerve run beside it.",
        ),
        trigger_points: &[tp_ant(104.0, 1460.0)],
        essential: &[ant(pts(&[(66.0, 1706.0), (80.0, 1702.0), (86.0, 1730.0), (80.0, 1748.0), (66.0, 1746.0)]))],
        spillover: &[],
    },
    Pattern {
        muscle: "extensor_hallucis_brevis",
        region: LEG,
        caption: "The extensor hallucis brevis commonly refers a local ache to the top of the foot.",
        description: concat!(
            "This small muscle on the top of the foot helps lift the big toe. Knots in it ",
            "commonly cause a local ache on the top of the foot, often with tight shoes.",
        ),
        conditions: &["Top of the foot pain"],
        notes: concat!(
            "Supine; flat palpation of the small belly on the dorsum, medial to the extensor ",
            "digitorum brevis. Dorsalis pedis artery lies medially.",
        ),
        trigger_points: &[tp_ant(90.0, 1716.0), tp_lat(98.0, 1724.0)],
        essential: &[ant(ell(90.0, 1716.0, 8.0, 8.0))],
        spillover: &[],
    },
    Pattern {
        muscle: "fibularis_tertius",
        region: LEG,
        caption: "The fibularis tertius commonly refers pain to the front of the ankle and the outer heel.",
        description: concat!(
            "This small muscle at the lower outer shin lifts the outer edge of the foot. Knots ",
            "in it commonly cause pain at the front of the ankle, often also at the outer side ",
            "of the heel.",
        ),
        conditions: &["Ankle pain", "Heel pain"],
        notes: concat!(
            "Supine; palpate the lower third of the anterolateral leg, lateral to the extensor ",
            "digitorum longus, the patient everting and lifting the foot.",
        ),
        trigger_points: &[tp_ant(106.0, 1560.0), tp_lat(22.0, 1600.0)],
        essential: &[ant(ell(100.0, 1686.0, 9.0, 11.0)), lat(ell(-30.0, 1735.0, 14.0, 10.0))],
        spillover: &[],
    },
    Pattern {
        muscle: "flexor_hallucis_brevis",
        region: LEG,
        caption: "The flexor hallucis brevis commonly refers pain to the ball of the foot under the big toe.",
        description: concat!(
            "This small muscle in the sole bends the big toe. Knots in it commonly cause pain ",
            "under the ball of the foot at the big toe, often on standing on tiptoe.",
        ),
        conditions: &["Ball of the foot pain", "Big toe pain"],
        notes: concat!(
            "Supine or prone; deep palpation under the first metatarsal, medial to the flexor ",
            "hallucis longus tendon. Plantar fascia and thick skin: use a short stiff needle.",
        ),
        trigger_points: &[tp_sole(70.0, 1585.0)],
        essential: &[sole(ell(70.0, 1568.0, 10.0, 13.0)), med(ell(56.0, 184.0, 16.0, 10.0))],
        spillover: &[],
    },
    Pattern {
        muscle: "adductor_hallucis",
        region: LEG,
        caption: "The adductor hallucis commonly refers pain across the ball of the foot.",
        description: concat!(
            "This deep muscle of the sole pulls the big toe in. Knots in it commonly cause pain ",
            "across the ball of the foot, often with a swollen or numb feeling there.",
        ),
        conditions: &["Ball of the foot pain", "Forefoot numbness"],
        notes: concat!(
            "Deep palpation across the sole under the metatarsal heads, through the plantar ",
            "fascia and the long flexor tendons.",
        ),
        trigger_points: &[tp_sole(92.0, 1580.0)],
        essential: &[sole(strap(&[(72.0, 1566.0), (96.0, 1568.0), (120.0, 1574.0)], &[14.0, 14.0, 12.0]))],
        spillover: &[],
    },
    Pattern {
        muscle: "flexor_digiti_minimi_pedis",
        region: LEG,
        caption: "The flexor digiti minimi brevis of the foot commonly refers pain under the outer forefoot.",
        description: concat!(
            "This small muscle in the sole bends the little toe. Knots in it commonly cause pain ",
            "under the outer edge of the forefoot.",
        ),
        conditions: &["Forefoot pain", "Outer foot pain"],
        notes: concat!(
            "Palpate under the fifth metatarsal, medial to the abductor digiti minimi, with the ",
            "patient bending the little toe.",
        ),
        trigger_points: &[tp_sole(114.0, 1595.0)],
        essential: &[sole(ell(114.0, 1590.0, 8.0, 14.0))],
        spillover: &[],
    },
    Pattern {
        muscle: "dorsal_interossei_foot",
        region: LEG,
        caption: "The dorsal interossei of the foot commonly refer pain along the side of the toe they move.",
        description: concat!(
            "These small muscles between the bones of the foot spread the toes. Knots in them ",
            "commonly refer pain along the side of a toe, on its top and underside, often with ",
            "tingling.",
        ),
        conditions: &["Toe pain", "Forefoot pain", "Tingling in the toes"],
        notes: concat!(
            "Palpate between the metatarsals from the dorsum, pressing against the bone. Exclude ",
            "a Morton's neuroma and stress fracture.",
        ),
        trigger_points: &[tp_ant(108.0, 1736.0)],
        essential: &[
            ant(pts(&[(94.0, 1736.0), (108.0, 1736.0), (112.0, 1750.0), (96.0, 1751.0)])),
            sole(ell(88.0, 1524.0, 6.0, 10.0)),
        ],
        spillover: &[],
    },
    Pattern {
        muscle: "plantar_interossei_foot",
        region: LEG,
        caption: "The plantar interossei of the foot commonly refer pain along the side of the third, fourth or little toe that faces the big toe.",
        description: concat!(
            "These small muscles under the bones of the forefoot draw the three outer toes ",
            "together. Knots in them commonly refer pain along the side of the toe each one ",
            "moves, on its top and underside, often with tingling.",
        ),
        conditions: &["Toe pain", "Forefoot pain", "Tingling in the toes"],
        notes: concat!(
            "Deep palpation from the sole under the third to fifth metatarsals, through the ",
            "plantar fascia and the long flexor tendons, or from the dorsum between the ",
            "metatarsals. Exclude a Morton's neuroma and a stress fracture. The plantar digital ",
            "nerves run between the metatarsal heads: needle proximal to them.",
        ),
        trigger_points: &[tp_sole(94.0, 1611.0)],
        essential: &[
            sole(pts(&[
                (94.0, 1516.0), (106.0, 1512.0), (117.0, 1518.0), (124.0, 1530.0), (121.0, 1545.0),
                (108.0, 1548.0), (96.0, 1545.0), (92.0, 1530.0),
            ])),
            ant(pts(&[(102.0, 1736.0), (118.0, 1731.0), (130.0, 1737.0), (131.0, 1748.0), (118.0, 1752.0), (102.0, 1751.0)])),
        ],
        spillover: &[],
    },
];
