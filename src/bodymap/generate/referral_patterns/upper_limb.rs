//! The referral patterns of the upper limb, in the library's order. Data only: the vocabulary
//! is in `authoring`, placing and checking (texts included) in the parent module.

use super::authoring::{
    Pattern, UPPER_LIMB, ant, ant_arm_strip, ell, lat_arm, lat_arm_strip, post, post_arm_strip,
    pts, strap, tp_ant, tp_lat, tp_post,
};
use super::shared::{
    BACK_OF_HAND_P, DORSAL_WEB_P, INDEX_RADIAL_SIDE, LAT_EPICONDYLE_L, LAT_EPICONDYLE_P,
    MIDDLE_FINGER, THUMB_BASE, THUMB_WEB_L,
};

#[rustfmt::skip]
pub const PATTERNS: &[Pattern] = &[
    Pattern {
        muscle: "biceps_brachii",
        region: UPPER_LIMB,
        caption: "The biceps commonly refers pain up over the front of the shoulder.",
        description: concat!(
            "The biceps is the muscle at the front of the upper arm. Knots in it commonly refer ",
            "a superficial ache up over the front of the shoulder, and sometimes to the crease ",
            "of the elbow. Lifting with the palm up or reaching overhead may be uncomfortable.",
        ),
        conditions: &["Front-of-shoulder pain", "Shoulder pain with lifting", "Elbow pain"],
        notes: concat!(
            "Supine or sitting, elbow slightly bent; pincer grip of the muscle belly in the ",
            "distal half, lifting it off the brachialis. Check resisted supination and elbow ",
            "flexion and the long head tendon in the bicipital groove. The median nerve and ",
            "brachial artery run along the medial edge: keep the needle in the lateral part of ",
            "the belly, within the grip.",
        ),
        trigger_points: &[tp_ant(216.0, 545.0), tp_ant(224.0, 580.0), tp_lat(30.0, 530.0)],
        essential: &[
            ant(ell(202.0, 362.0, 20.0, 30.0)),
            ant_arm_strip(&[(430.0, 0.3, 0.7), (490.0, 0.3, 0.7), (540.0, 0.3, 0.7)]),
            lat_arm(ell(28.0, 368.0, 14.0, 30.0)),
        ],
        spillover: &[
            ant(ell(236.0, 650.0, 14.0, 10.0)),
            post(strap(&[(82.0, 345.0), (128.0, 341.0), (172.0, 338.0)], &[14.0, 14.0, 12.0])),
        ],
    },
    Pattern {
        muscle: "brachialis",
        region: UPPER_LIMB,
        caption: "The brachialis commonly refers pain to the base of the thumb.",
        description: concat!(
            "The brachialis lies under the biceps and bends the elbow. Knots in it commonly send ",
            "pain to the base of the thumb, and sometimes to the crease of the elbow and the ",
            "front of the shoulder. The thumb ache is often mistaken for a thumb joint problem.",
        ),
        conditions: &["Thumb pain", "Elbow pain", "Pain with repetitive lifting", "Climber's elbow"],
        notes: concat!(
            "Supine, elbow slightly bent; push the biceps medially and palpate the brachialis ",
            "lateral to it in the distal half of the arm, flat against the humerus. Test ",
            "resisted elbow flexion with the forearm pronated. The radial nerve runs along the ",
            "lateral edge, the median nerve and brachial artery medially: needle in the middle ",
            "of the lateral approach, onto the bone.",
        ),
        trigger_points: &[tp_ant(222.0, 610.0), tp_lat(12.0, 590.0)],
        essential: &[
            post(THUMB_BASE),
            ant(THUMB_BASE),
            lat_arm(ell(126.0, 918.0, 10.0, 15.0).tilted(-25.0)),
        ],
        spillover: &[
            ant(ell(236.0, 648.0, 14.0, 11.0)),
            ant(ell(205.0, 365.0, 16.0, 26.0)),
            lat_arm(ell(28.0, 372.0, 12.0, 28.0)),
        ],
    },
    Pattern {
        muscle: "triceps_brachii",
        region: UPPER_LIMB,
        caption: "The triceps commonly refers pain up and down the back of the arm, often to the outer elbow.",
        description: concat!(
            "The triceps is the muscle at the back of the upper arm that straightens the elbow. ",
            "Knots in it commonly cause pain along the back of the arm, and some of them refer ",
            "to the bony point on the outside of the elbow, a common part of tennis elbow pain. ",
            "The ache may spread up to the back of the shoulder or down the back of the forearm.",
        ),
        conditions: &["Elbow pain", "Tennis elbow", "Arm pain", "Shoulder pain"],
        notes: concat!(
            "Prone or supine with the arm across the chest; pincer grip of the long head close ",
            "to the axilla, flat palpation of the lateral and medial heads against the humerus. ",
            "Test resisted elbow extension and full flexion. The radial nerve spirals around the ",
            "humerus deep to the lateral head at mid-arm, and the ulnar nerve passes behind the ",
            "medial epicondyle: keep away from both.",
        ),
        trigger_points: &[tp_post(212.0, 500.0), tp_post(236.0, 560.0), tp_post(232.0, 625.0),
            tp_lat(-30.0, 530.0)],
        essential: &[
            post_arm_strip(&[(440.0, 0.25, 0.7), (540.0, 0.25, 0.7), (620.0, 0.3, 0.75)]),
            post(LAT_EPICONDYLE_P),
            lat_arm_strip(&[(440.0, 0.04, 0.4), (540.0, 0.04, 0.4), (630.0, 0.04, 0.4)]),
            lat_arm(LAT_EPICONDYLE_L),
        ],
        spillover: &[
            post(ell(213.0, 398.0, 16.0, 30.0)),
            post(strap(&[(130.0, 318.0), (172.0, 326.0), (204.0, 336.0)], &[12.0, 12.0, 10.0])),
            post_arm_strip(&[(680.0, 0.3, 0.7), (780.0, 0.3, 0.7), (860.0, 0.3, 0.7)]),
            post(ell(211.0, 648.0, 7.0, 13.0)),
        ],
    },
    Pattern {
        muscle: "coracobrachialis",
        region: UPPER_LIMB,
        caption: concat!(
            "The coracobrachialis commonly refers pain to the front of the shoulder, sometimes ",
            "down the back of the arm to the middle finger.",
        ),
        description: concat!(
            "The coracobrachialis is a small muscle high on the inside of the upper arm. Knots ",
            "in it commonly cause pain at the front of the shoulder. Some people also feel pain ",
            "down the back of the arm, forearm and hand as far as the middle finger.",
        ),
        conditions: &["Front-of-shoulder pain", "Arm pain", "Pain reaching behind the back"],
        notes: concat!(
            "Supine, arm abducted and externally rotated; palpate in the axilla between the ",
            "short head of biceps and the humerus, just below the anterior axillary fold. Test ",
            "reaching behind the back. The musculocutaneous nerve pierces the muscle and the ",
            "axillary neurovascular bundle lies medially: manual treatment is usually preferred.",
        ),
        trigger_points: &[tp_ant(184.0, 460.0)],
        essential: &[
            ant(ell(200.0, 362.0, 20.0, 28.0)),
            lat_arm(ell(28.0, 368.0, 13.0, 28.0)),
        ],
        spillover: &[
            post_arm_strip(&[(440.0, 0.3, 0.7), (540.0, 0.3, 0.7), (620.0, 0.3, 0.7)]),
            post_arm_strip(&[(680.0, 0.35, 0.65), (780.0, 0.35, 0.65), (870.0, 0.35, 0.65)]),
            post(BACK_OF_HAND_P),
            post(MIDDLE_FINGER),
            lat_arm_strip(&[(440.0, 0.04, 0.35), (540.0, 0.04, 0.35), (620.0, 0.04, 0.35)]),
        ],
    },
    Pattern {
        muscle: "brachioradialis",
        region: UPPER_LIMB,
        caption: "The brachioradialis commonly refers pain to the outer elbow and the web between thumb and index finger.",
        description: concat!(
            "The brachioradialis runs along the thumb side of the forearm from above the elbow ",
            "to the wrist. Knots in it commonly refer pain to the bony point on the outside of ",
            "the elbow and to the back of the hand in the web between the thumb and index ",
            "finger. Gripping and lifting with the thumb up often aggravate it.",
        ),
        conditions: &["Tennis elbow", "Forearm pain", "Thumb and wrist pain", "Pain with gripping"],
        notes: concat!(
            "Sitting, forearm in mid-position; pincer grip of the muscle on the radial side of ",
            "the forearm, 1–2 cm distal to the lateral epicondyle. Test resisted elbow flexion ",
            "in mid-prone position and grip strength. The superficial radial nerve runs under it ",
            "distally and the radial nerve divides near the elbow: stay in the upper belly, ",
            "within the grip.",
        ),
        trigger_points: &[tp_ant(272.0, 690.0), tp_lat(56.0, 690.0)],
        essential: &[
            post(DORSAL_WEB_P),
            post(LAT_EPICONDYLE_P),
            lat_arm(THUMB_WEB_L),
            lat_arm(LAT_EPICONDYLE_L),
        ],
        spillover: &[
            post_arm_strip(&[(680.0, 0.75, 0.96), (780.0, 0.75, 0.96), (880.0, 0.75, 0.96)]),
            ant_arm_strip(&[(700.0, 0.75, 0.96), (790.0, 0.75, 0.96), (880.0, 0.75, 0.96)]),
            lat_arm_strip(&[(700.0, 0.5, 0.9), (780.0, 0.5, 0.9), (860.0, 0.5, 0.9)]),
        ],
    },
    Pattern {
        muscle: "extensor_carpi_radialis_longus",
        region: UPPER_LIMB,
        caption: concat!(
            "The extensor carpi radialis longus commonly refers pain to the outer elbow and the ",
            "back of the hand near the thumb.",
        ),
        description: concat!(
            "This wrist extensor starts just above the outside of the elbow. Knots in it ",
            "commonly refer pain to the outer elbow and to the back of the hand on the thumb ",
            "side, near the base of the thumb. It is a frequent part of tennis elbow and of ",
            "wrist pain in people who type or grip a lot.",
        ),
        conditions: &["Tennis elbow", "Wrist pain", "Pain with gripping",
            "Keyboard and mouse strain"],
        notes: concat!(
            "Sitting, forearm pronated on a pillow; flat or pincer palpation just distal to the ",
            "lateral epicondyle, between brachioradialis and extensor carpi radialis brevis. ",
            "Test resisted wrist extension with radial deviation. The radial nerve divides into ",
            "superficial and deep branches nearby: shallow, well-localised needling only.",
        ),
        trigger_points: &[tp_post(268.0, 680.0), tp_lat(44.0, 705.0)],
        essential: &[
            post(LAT_EPICONDYLE_P),
            post(pts(&[
                (282.0, 900.0), (298.0, 905.0), (305.0, 930.0), (300.0, 955.0), (288.0, 950.0),
                (282.0, 925.0),
            ])),
            lat_arm(LAT_EPICONDYLE_L),
            lat_arm(ell(126.0, 916.0, 10.0, 14.0).tilted(-25.0)),
        ],
        spillover: &[
            post_arm_strip(&[(700.0, 0.7, 0.96), (800.0, 0.7, 0.96), (880.0, 0.7, 0.96)]),
            lat_arm_strip(&[(700.0, 0.45, 0.85), (790.0, 0.45, 0.85), (870.0, 0.45, 0.85)]),
        ],
    },
    Pattern {
        muscle: "extensor_carpi_radialis_brevis",
        region: UPPER_LIMB,
        caption: "The extensor carpi radialis brevis commonly refers pain to the back of the wrist and hand.",
        description: concat!(
            "This wrist extensor lies just below the outside of the elbow. Knots in it commonly ",
            "refer pain to the back of the wrist and the back of the hand, and often make the ",
            "outer elbow tender as well. Gripping with the wrist bent back, such as holding a ",
            "mouse or a racket, often brings it on.",
        ),
        conditions: &["Tennis elbow", "Wrist pain", "Pain with gripping",
            "Keyboard and mouse strain"],
        notes: concat!(
            "Sitting, forearm pronated; flat palpation about 5–6 cm distal to the lateral ",
            "epicondyle, lateral to the extensor digitorum. Test resisted wrist extension ",
            "(Cozen-type) and grip strength. The deep branch of the radial nerve enters the ",
            "supinator just beneath: superficial needling only.",
        ),
        trigger_points: &[tp_post(262.0, 720.0), tp_lat(40.0, 750.0)],
        essential: &[
            post(pts(&[
                (255.0, 895.0), (290.0, 895.0), (292.0, 935.0), (285.0, 965.0), (262.0, 965.0),
                (255.0, 935.0),
            ])),
            lat_arm(ell(90.0, 928.0, 10.0, 18.0).tilted(-25.0)),
        ],
        spillover: &[
            post_arm_strip(&[(700.0, 0.35, 0.8), (800.0, 0.35, 0.8), (870.0, 0.35, 0.8)]),
            post(ell(258.0, 642.0, 8.0, 14.0)),
        ],
    },
    Pattern {
        muscle: "extensor_carpi_ulnaris",
        region: UPPER_LIMB,
        caption: "The extensor carpi ulnaris commonly refers pain to the little-finger side of the back of the wrist.",
        description: concat!(
            "This wrist extensor runs along the little-finger side of the back of the forearm. ",
            "Knots in it commonly refer pain to the back of the wrist on the little-finger side, ",
            "and the forearm above it may ache too. It is often irritated after an injury to the ",
            "wrist or forearm.",
        ),
        conditions: &["Wrist pain", "Pain with gripping", "Forearm pain"],
        notes: concat!(
            "Sitting, forearm pronated; flat palpation along the ulnar border of the dorsal ",
            "forearm, TrPs a few centimetres distal to the lateral epicondyle, just lateral to ",
            "the ulna. Test resisted wrist extension with ulnar deviation; rule out TFCC and ",
            "tendon problems. Superficial over the ulna: shallow needling.",
        ),
        trigger_points: &[tp_post(232.0, 730.0), tp_lat(8.5, 720.0)],
        essential: &[
            post(pts(&[
                (240.0, 880.0), (256.0, 880.0), (260.0, 910.0), (256.0, 935.0), (244.0, 935.0),
                (241.0, 905.0),
            ])),
        ],
        spillover: &[
            post_arm_strip(&[(760.0, 0.04, 0.3), (820.0, 0.04, 0.3), (870.0, 0.04, 0.3)]),
        ],
    },
    Pattern {
        muscle: "extensor_digitorum",
        region: UPPER_LIMB,
        caption: "The extensor digitorum commonly refers pain down the back of the forearm and hand into the middle finger.",
        description: concat!(
            "This finger extensor runs down the middle of the back of the forearm. Knots in it ",
            "commonly send pain down the back of the forearm and hand into the finger that part ",
            "of the muscle moves, most often the middle finger. The fingers may feel stiff or ",
            "weak, and the outer elbow may be tender.",
        ),
        conditions: &["Forearm pain", "Finger pain and stiffness", "Tennis elbow",
            "Keyboard and mouse strain", "Weak grip"],
        notes: concat!(
            "Sitting, forearm pronated; flat palpation 3–4 cm distal to the lateral epicondyle; ",
            "resisted extension of the middle (or ring) finger with the others relaxed ",
            "reproduces the pain. Snapping palpation often gives a visible finger twitch. The ",
            "posterior interosseous nerve lies deep: superficial needling only.",
        ),
        trigger_points: &[tp_post(248.0, 720.0), tp_lat(30.0, 780.0)],
        essential: &[
            post(MIDDLE_FINGER),
            post(strap(&[(276.0, 920.0), (282.0, 960.0), (285.0, 1000.0)], &[20.0, 18.0, 14.0])),
        ],
        spillover: &[
            post_arm_strip(&[(700.0, 0.3, 0.7), (800.0, 0.3, 0.7), (870.0, 0.3, 0.7)]),
            post(ell(258.0, 642.0, 8.0, 14.0)),
            lat_arm_strip(&[(720.0, 0.1, 0.5), (800.0, 0.1, 0.5), (870.0, 0.1, 0.5)]),
        ],
    },
    Pattern {
        muscle: "supinator",
        region: UPPER_LIMB,
        caption: "The supinator commonly refers pain to the outer elbow, sometimes to the web of the thumb.",
        description: concat!(
            "The supinator wraps around the top of the forearm bone just below the elbow and ",
            "turns the palm up. Knots in it commonly cause pain over the outside of the elbow, a ",
            "frequent part of tennis elbow. Some people also feel an ache in the back of the web ",
            "between the thumb and index finger.",
        ),
        conditions: &["Tennis elbow", "Outer elbow pain", "Pain turning a key or screwdriver"],
        notes: concat!(
            "Sitting, forearm supinated; palpate deep to the brachioradialis and radial wrist ",
            "extensors, just distal and anterior to the lateral epicondyle, against the radius. ",
            "Test resisted supination with the elbow straight. The deep branch of the radial ",
            "nerve (posterior interosseous) runs through the muscle: needling only for advanced ",
            "practitioners, if at all.",
        ),
        trigger_points: &[tp_post(256.0, 690.0), tp_lat(45.0, 740.0)],
        essential: &[
            post(ell(258.0, 650.0, 10.0, 22.0)),
            lat_arm(ell(8.0, 656.0, 13.0, 17.0)),
        ],
        spillover: &[
            post(DORSAL_WEB_P),
            lat_arm(THUMB_WEB_L),
        ],
    },
    Pattern {
        muscle: "flexor_carpi_radialis",
        region: UPPER_LIMB,
        caption: "The flexor carpi radialis commonly refers pain to the thumb side of the front of the wrist.",
        description: concat!(
            "This wrist flexor runs down the front of the forearm towards the thumb side of the ",
            "wrist. Knots in it commonly refer pain to the front of the wrist on the thumb side, ",
            "sometimes spreading into the palm. Gripping, twisting and using scissors may be ",
            "uncomfortable.",
        ),
        conditions: &["Wrist pain", "Pain with gripping", "Forearm pain"],
        notes: concat!(
            "Supine or sitting, forearm supinated; flat palpation in the proximal third of the ",
            "volar forearm, medial to pronator teres. Test resisted wrist flexion with radial ",
            "deviation. The median nerve and brachial artery are close at the elbow: needle ",
            "superficially and well distal to the cubital fossa.",
        ),
        trigger_points: &[tp_ant(239.0, 725.0)],
        essential: &[
            ant(pts(&[
                (262.0, 880.0), (290.0, 880.0), (298.0, 905.0), (294.0, 930.0), (272.0, 930.0),
                (262.0, 905.0),
            ])),
        ],
        spillover: &[
            ant_arm_strip(&[(780.0, 0.5, 0.85), (830.0, 0.5, 0.85), (870.0, 0.5, 0.85)]),
            ant(ell(280.0, 955.0, 12.0, 18.0)),
        ],
    },
    Pattern {
        muscle: "flexor_carpi_ulnaris",
        region: UPPER_LIMB,
        caption: "The flexor carpi ulnaris commonly refers pain to the little-finger side of the front of the wrist.",
        description: concat!(
            "This wrist flexor runs along the little-finger side of the front of the forearm. ",
            "Knots in it commonly refer pain to the front of the wrist on the little-finger ",
            "side, sometimes into the edge of the palm. It often goes with heavy gripping or ",
            "leaning on the wrist.",
        ),
        conditions: &["Wrist pain", "Pain with gripping", "Golfer's elbow", "Forearm pain"],
        notes: concat!(
            "Supine, forearm supinated; pincer grip along the ulnar border of the volar forearm, ",
            "TrPs in the proximal half. Test resisted wrist flexion with ulnar deviation. The ",
            "ulnar nerve and artery lie just deep and radial to the muscle: stay in the ulnar ",
            "edge, within the grip.",
        ),
        trigger_points: &[tp_ant(222.0, 730.0)],
        essential: &[
            ant(pts(&[
                (240.0, 880.0), (258.0, 880.0), (262.0, 905.0), (258.0, 930.0), (246.0, 930.0),
                (242.0, 905.0),
            ])),
        ],
        spillover: &[
            ant(ell(256.0, 962.0, 7.0, 24.0)),
            ant_arm_strip(&[(800.0, 0.04, 0.3), (840.0, 0.04, 0.3), (870.0, 0.04, 0.3)]),
        ],
    },
    Pattern {
        muscle: "pronator_teres",
        region: UPPER_LIMB,
        caption: "The pronator teres commonly refers a deep ache to the thumb side of the front of the wrist and forearm.",
        description: concat!(
            "The pronator teres crosses the front of the forearm just below the elbow and turns ",
            "the palm down. Knots in it commonly refer a deep ache to the front of the wrist on ",
            "the thumb side and along the forearm above it. Turning the forearm against ",
            "resistance, as when using a screwdriver, may hurt.",
        ),
        conditions: &["Wrist pain", "Forearm pain", "Golfer's elbow", "Pain turning the forearm"],
        notes: concat!(
            "Supine, forearm supinated and elbow slightly bent; flat palpation just distal and ",
            "lateral to the medial epicondyle, along the medial border of the cubital fossa. ",
            "Test resisted pronation. The median nerve passes between its two heads and the ",
            "brachial artery lies alongside: manual treatment or very superficial needling only.",
        ),
        trigger_points: &[tp_ant(236.0, 688.0)],
        essential: &[
            ant(pts(&[
                (268.0, 870.0), (294.0, 870.0), (298.0, 900.0), (292.0, 925.0), (272.0, 920.0),
                (266.0, 895.0),
            ])),
        ],
        spillover: &[
            ant_arm_strip(&[(720.0, 0.6, 0.95), (800.0, 0.6, 0.95), (850.0, 0.6, 0.95)]),
        ],
    },
    Pattern {
        muscle: "flexor_digitorum_superficialis",
        region: UPPER_LIMB,
        caption: "The flexor digitorum superficialis commonly refers pain into the palm side of the fingers.",
        description: concat!(
            "This finger flexor lies in the middle of the front of the forearm. Knots in it ",
            "commonly send pain along the palm side of the finger that part of the muscle bends, ",
            "often the middle or ring finger, sometimes shooting out past the fingertip. ",
            "Gripping tools for long periods often brings it on.",
        ),
        conditions: &["Finger pain", "Forearm pain", "Pain with gripping",
            "Trigger-finger-like symptoms"],
        notes: concat!(
            "Supine, forearm supinated, fingers relaxed; flat palpation of the mid volar ",
            "forearm, deep to palmaris longus and flexor carpi radialis; resisted flexion of one ",
            "finger at the middle joint isolates its slip. The median nerve runs directly under ",
            "the muscle and the ulnar nerve and artery medially: advanced needling only.",
        ),
        trigger_points: &[tp_ant(244.0, 760.0)],
        essential: &[
            ant(pts(&[
                (268.0, 1000.0), (290.0, 1000.0), (291.0, 1044.0), (289.0, 1086.0), (268.0, 1088.0),
                (267.0, 1044.0),
            ])),
        ],
        spillover: &[
            ant(ell(275.0, 955.0, 16.0, 28.0)),
        ],
    },
    Pattern {
        muscle: "first_dorsal_interosseous",
        region: UPPER_LIMB,
        caption: "The first dorsal interosseous commonly refers pain along the thumb side of the index finger.",
        description: concat!(
            "This small muscle fills the web between the thumb and index finger on the back of ",
            "the hand. Knots in it commonly refer pain along the thumb side of the index finger ",
            "to its tip, on both the back and the palm side. The ache sometimes spreads across ",
            "the back of the hand.",
        ),
        conditions: &["Finger pain", "Hand pain", "Pain with pinch grip",
            "Thumb and index finger strain"],
        notes: concat!(
            "Sitting, hand resting; pincer grip of the web between thumb and index metacarpals. ",
            "Test resisted index finger abduction. Superficial muscle; the radial artery passes ",
            "through the proximal web into the palm: needle in the distal part of the web, ",
            "towards the second metacarpal.",
        ),
        trigger_points: &[tp_post(294.0, 962.0), tp_lat(126.0, 960.0)],
        essential: &[
            post(INDEX_RADIAL_SIDE),
            ant(INDEX_RADIAL_SIDE),
            lat_arm(pts(&[
                (145.0, 995.0), (160.0, 990.0), (168.0, 1030.0), (163.0, 1058.0), (152.0, 1055.0),
                (148.0, 1025.0),
            ])),
        ],
        spillover: &[
            post(BACK_OF_HAND_P),
        ],
    },
    Pattern {
        muscle: "adductor_pollicis",
        region: UPPER_LIMB,
        caption: "The adductor pollicis commonly refers pain to the outside of the thumb near its base.",
        description: concat!(
            "The adductor pollicis lies deep in the web of the thumb on the palm side and ",
            "squeezes the thumb towards the hand. Knots in it commonly refer an ache along the ",
            "outside of the thumb near its base and just below the wrist crease. Pinching, ",
            "writing and sewing often aggravate it.",
        ),
        conditions: &["Thumb pain", "Hand pain", "Pain with pinch grip",
            "Writer's cramp-like symptoms"],
        notes: concat!(
            "Sitting, hand palm up; pincer grip of the thumb web, palpating the palmar surface ",
            "between the first and second metacarpals. Test resisted thumb adduction ",
            "(Froment-style pinch). Rule out thumb base arthritis. Needle in the web towards the ",
            "third metacarpal, superficial to the deep palmar arch.",
        ),
        trigger_points: &[tp_ant(292.0, 982.0)],
        essential: &[
            ant(pts(&[
                (298.0, 915.0), (314.0, 930.0), (323.0, 965.0), (322.0, 995.0), (312.0, 995.0),
                (302.0, 960.0),
            ])),
        ],
        spillover: &[
            ant(ell(288.0, 935.0, 9.0, 18.0)),
            post(DORSAL_WEB_P),
        ],
    },
    Pattern {
        muscle: "opponens_pollicis",
        region: UPPER_LIMB,
        caption: "The opponens pollicis commonly refers pain to the palm side of the thumb and the thumb side of the wrist.",
        description: concat!(
            "The opponens pollicis lies in the ball of the thumb and turns the thumb to meet the ",
            "fingers. Knots in it commonly refer pain to the palm side of the thumb and to the ",
            "front of the wrist on the thumb side. Fine gripping, writing and using a phone with ",
            "the thumb often aggravate it.",
        ),
        conditions: &["Thumb pain", "Wrist pain", "Pain with pinch grip", "Phone and texting strain"],
        notes: concat!(
            "Sitting, hand palm up; flat palpation of the thenar eminence along the first ",
            "metacarpal, deep to abductor pollicis brevis. Test resisted opposition. Exclude ",
            "thumb base arthritis, de Quervain tenosynovitis and carpal tunnel syndrome (the ",
            "recurrent motor branch of the median nerve enters the thenar muscles proximally): ",
            "needle the distal belly, shallow.",
        ),
        trigger_points: &[tp_ant(304.0, 955.0)],
        essential: &[
            ant(pts(&[
                (300.0, 925.0), (313.0, 938.0), (321.0, 966.0), (320.0, 994.0), (311.0, 996.0),
                (303.0, 968.0),
            ])),
            ant(ell(284.0, 898.0, 13.0, 10.0)),
        ],
        spillover: &[],
    },
];
