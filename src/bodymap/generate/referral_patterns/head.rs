//! The referral patterns of the head and neck, in the library's order. Data only: the
//! vocabulary is in `authoring`, placing and checking (texts included) in the parent module.

use super::authoring::{HEAD, Pattern, ant, ell, lat, post, pts, strap, tp_ant, tp_lat, tp_post};

#[rustfmt::skip]
pub const PATTERNS: &[Pattern] = &[
    Pattern {
        muscle: "sternocleidomastoid_sternal",
        region: HEAD,
        caption: concat!(
            "The sternal head of the sternocleidomastoid commonly refers pain to the top and ",
            "back of the head, the cheek and around the eye.",
        ),
        description: concat!(
            "This is the front strap of the big muscle that runs from behind the ear to the ",
            "breastbone. Knots in it commonly send pain to the top of the head, the back of the ",
            "head behind the ear, across the cheek and above or around the eye, and sometimes to ",
            "the throat, the chin or the top of the breastbone. The neck itself often feels only ",
            "mildly sore, so the headache can seem to come from somewhere else.",
        ),
        conditions: &["Headache", "Pain around the eye", "Sore throat feeling when swallowing",
            "Neck pain", "Whiplash"],
        notes: concat!(
            "Supine or half-lying with the head turned slightly towards the tested side to ",
            "slacken the muscle; pincer grip lifting the sternal division off the carotid ",
            "sheath. TrPs lie along the length of the sternal division, lower, middle and upper ",
            "thirds. Associated signs: eye watering, reddened conjunctiva, ptosis-like ",
            "narrowing. Needle only within the pincer grip, directed across the muscle and away ",
            "from the carotid artery, jugular vein and the lung apex above the clavicle.",
        ),
        trigger_points: &[tp_ant(51.0, 222.0), tp_ant(39.0, 262.0), tp_ant(27.0, 288.0),
            tp_lat(10.0, 210.0), tp_lat(35.0, 273.0)],
        essential: &[
            ant(strap(&[
                (16.0, 93.0), (34.0, 87.0), (52.0, 91.0), (63.0, 101.0),
            ], &[9.0, 11.0, 11.0, 9.0])),
            ant(ell(52.0, 150.0, 11.0, 16.0).tilted(-15.0)),
            ant(pts(&[
                (-8.0, 322.0), (14.0, 320.0), (19.0, 340.0), (13.0, 362.0), (-6.0, 364.0),
                (-10.0, 342.0),
            ])).crossing_midline(),
            post(ell(58.0, 128.0, 13.0, 10.0).tilted(-20.0)),
            post(ell(22.0, 16.0, 20.0, 9.0)),
            lat(ell(-14.0, 16.0, 22.0, 9.0)),
            lat(ell(-88.0, 128.0, 9.0, 16.0)),
            lat(ell(60.0, 152.0, 14.0, 13.0)),
            lat(ell(80.0, 98.0, 12.0, 6.0)),
        ],
        spillover: &[
            ant(ell(33.0, 113.0, 17.0, 10.0)),
            ant(ell(20.0, 255.0, 12.0, 16.0)),
            ant(ell(12.0, 219.0, 12.0, 7.0)),
            lat(ell(76.0, 114.0, 11.0, 8.0)),
        ],
    },
    Pattern {
        muscle: "sternocleidomastoid_clavicular",
        region: HEAD,
        caption: concat!(
            "The clavicular head of the sternocleidomastoid commonly refers pain to the forehead ",
            "and deep in or behind the ear.",
        ),
        description: concat!(
            "This is the outer strap of the sternocleidomastoid, attaching to the collarbone. It ",
            "commonly refers an ache across the forehead, and when it is very irritable the ache ",
            "may cross to both sides of the forehead. It can also send pain deep into the ear or ",
            "just behind it. Some people notice dizziness or unsteadiness with certain head ",
            "positions.",
        ),
        conditions: &["Frontal headache", "Earache with a normal ear examination",
            "Postural dizziness", "Neck pain", "Whiplash"],
        notes: concat!(
            "Supine, head side-bent slightly towards the tested side; pincer grip on the ",
            "clavicular division, which lies lateral and deep to the sternal division. TrPs ",
            "mostly in the middle third. Ask about positional dizziness and imbalance (a ",
            "proprioceptive, not vestibular, picture). Keep the needle within the grip, away ",
            "from the carotid sheath and the external jugular vein, and never deep above the ",
            "clavicle (lung apex).",
        ),
        trigger_points: &[tp_ant(47.0, 264.0), tp_ant(45.0, 292.0), tp_lat(4.0, 226.0),
            tp_lat(14.0, 268.0)],
        essential: &[
            ant(ell(30.0, 58.0, 25.0, 15.0)),
            lat(ell(-4.0, 134.0, 18.0, 22.0)),
            lat(ell(72.0, 60.0, 12.0, 18.0).tilted(-25.0)),
            post(ell(76.0, 134.0, 7.0, 15.0)),
        ],
        spillover: &[
            ant(ell(-20.0, 58.0, 20.0, 13.0)).crossing_midline(),
        ],
    },
    Pattern {
        muscle: "suboccipitals",
        region: HEAD,
        caption: concat!(
            "The suboccipital muscles commonly refer a deep, band-like headache from the base of ",
            "the skull towards the eye and forehead.",
        ),
        description: concat!(
            "These are small, deep muscles between the top of the neck and the base of the ",
            "skull. When they are overworked they commonly cause an ache that feels inside the ",
            "head, spreading from the back of the skull along the side of the head towards the ",
            "eye and the forehead. It often feels like a band and is hard to point to with one ",
            "finger.",
        ),
        conditions: &["Tension-type headache", "Cervicogenic headache",
            "Headache with forward-head posture", "Neck stiffness"],
        notes: concat!(
            "Supine with the head cradled in the hands; fingertips sink beneath the occiput ",
            "through the upper trapezius and semispinalis, about 2–3 cm lateral to the midline. ",
            "The muscles are not individually palpable: look for deep tenderness reproducing the ",
            "headache and limited upper cervical rotation. High-risk zone: vertebral artery, ",
            "suboccipital triangle and the spinal cord close under the atlanto-occipital region; ",
            "many clinicians treat manually rather than needle.",
        ),
        trigger_points: &[tp_post(26.0, 152.0), tp_lat(-62.0, 161.0)],
        essential: &[
            post(strap(&[
                (6.0, 142.0), (30.0, 134.0), (55.0, 122.0), (72.0, 106.0),
            ], &[18.0, 20.0, 20.0, 14.0])),
            lat(strap(&[
                (-97.0, 126.0), (-80.0, 112.0), (-52.0, 104.0), (-22.0, 99.0),
            ], &[22.0, 20.0, 18.0, 16.0])),
        ],
        spillover: &[
            lat(strap(&[
                (-20.0, 97.0), (15.0, 92.0), (48.0, 94.0), (74.0, 104.0),
            ], &[15.0, 15.0, 15.0, 13.0])),
            ant(ell(38.0, 98.0, 22.0, 12.0)),
        ],
    },
    Pattern {
        muscle: "splenius_capitis",
        region: HEAD,
        caption: "The splenius capitis commonly refers pain to the top of the head on the same side.",
        description: concat!(
            "This flat muscle runs from the upper back of the neck to the skull just behind the ",
            "ear. Knots in it commonly send a focused ache to the top of the head on the same ",
            "side, a few fingers' width from the middle. It often goes with neck stiffness after ",
            "long periods of looking down or with the head pushed forward.",
        ),
        conditions: &["Vertex headache", "Tension-type headache", "Neck stiffness", "Whiplash"],
        notes: concat!(
            "Prone or side-lying; the TrP is usually found near the muscle's upper end, in the ",
            "small muscular triangle bounded by the upper trapezius behind, the ",
            "sternocleidomastoid in front and the levator scapulae below, around C2–C3. Flat ",
            "palpation against the underlying vertebrae. Needle directed towards the articular ",
            "pillar, not upwards towards the suboccipital triangle and vertebral artery.",
        ),
        trigger_points: &[tp_post(50.0, 195.0), tp_lat(-35.0, 200.0)],
        essential: &[
            post(ell(24.0, 16.0, 20.0, 9.0)),
            lat(ell(-16.0, 16.0, 22.0, 9.0)),
            ant(ell(22.0, 16.0, 18.0, 8.0)),
        ],
        spillover: &[],
    },
    Pattern {
        muscle: "splenius_cervicis",
        region: HEAD,
        caption: "The splenius cervicis commonly refers pain up the neck to an ache behind the eye.",
        description: concat!(
            "This deep strap of muscle runs from the upper back to the top of the neck. Its ",
            "upper part commonly refers a deep ache through the head to behind the eye on the ",
            "same side, sometimes with blurred vision, while its lower part often causes pain at ",
            "the angle where the neck meets the shoulder. A stiff neck that is hard to turn is ",
            "common with it.",
        ),
        conditions: &["Headache behind the eye", "Stiff neck", "Neck pain", "Whiplash"],
        notes: concat!(
            "Prone or side-lying; palpate between the upper trapezius and levator scapulae, ",
            "lateral to the cervical spinous processes. Upper TrP around C4–C5, lower TrP near ",
            "the base of the neck around C7–T1. Test rotation to the same side. Over T1 and ",
            "below the needle approaches the thorax and lung: angle tangentially onto the ",
            "lamina.",
        ),
        trigger_points: &[tp_post(28.0, 250.0), tp_post(27.0, 300.0), tp_lat(-48.0, 265.0)],
        essential: &[
            lat(ell(73.0, 108.0, 12.0, 10.0)),
            ant(ell(34.0, 110.0, 16.0, 10.0)),
            post(pts(&[
                (34.0, 262.0), (58.0, 268.0), (84.0, 284.0), (78.0, 300.0), (46.0, 296.0),
                (30.0, 282.0),
            ])),
        ],
        spillover: &[
            lat(strap(&[
                (-90.0, 122.0), (-50.0, 110.0), (0.0, 104.0), (55.0, 104.0),
            ], &[16.0, 14.0, 14.0, 12.0])),
            post(ell(40.0, 120.0, 24.0, 14.0).tilted(-10.0)),
        ],
    },
    Pattern {
        muscle: "temporalis",
        region: HEAD,
        caption: "The temporalis commonly refers pain across the temple, above the eyebrow and into the upper teeth.",
        description: concat!(
            "The temporalis is the fan-shaped chewing muscle on the side of the head. Knots in ",
            "it commonly cause a headache over the temple that may reach above the eyebrow, and ",
            "they often make the upper teeth ache or feel sensitive to hot and cold. Clenching ",
            "or grinding the teeth can keep it irritated.",
        ),
        conditions: &["Tension-type headache", "Temple headache", "Toothache with healthy teeth",
            "Jaw clenching and teeth grinding", "Jaw pain"],
        notes: concat!(
            "Supine or sitting, jaw slightly open to lengthen the muscle; flat palpation over ",
            "the temporal fossa, anterior, middle and posterior fibres above the zygomatic arch. ",
            "Check mouth opening (normally about three knuckles). Avoid the superficial temporal ",
            "artery (palpate its pulse in front of the ear) and keep well clear of the orbit.",
        ),
        trigger_points: &[tp_lat(44.0, 88.0), tp_lat(22.0, 100.0), tp_lat(-4.0, 86.0),
            tp_ant(70.0, 95.0)],
        essential: &[
            lat(pts(&[
                (-18.0, 62.0), (15.0, 46.0), (50.0, 56.0), (62.0, 80.0), (56.0, 106.0),
                (30.0, 116.0), (0.0, 108.0), (-16.0, 90.0),
            ])),
            lat(strap(&[(52.0, 172.0), (72.0, 176.0), (90.0, 175.0)], &[10.0, 10.0, 8.0])),
            lat(ell(80.0, 97.0, 12.0, 6.0)),
            ant(pts(&[
                (62.0, 60.0), (74.0, 66.0), (78.0, 90.0), (77.0, 112.0), (70.0, 124.0),
                (62.0, 100.0),
            ])),
            ant(strap(&[
                (14.0, 94.0), (33.0, 88.0), (52.0, 92.0), (62.0, 100.0),
            ], &[8.0, 10.0, 10.0, 8.0])),
            ant(strap(&[(6.0, 177.0), (24.0, 175.0), (44.0, 170.0)], &[9.0, 10.0, 9.0])),
        ],
        spillover: &[
            lat(ell(62.0, 142.0, 12.0, 12.0)),
            ant(ell(48.0, 142.0, 11.0, 14.0)),
        ],
    },
    Pattern {
        muscle: "masseter",
        region: HEAD,
        caption: "The masseter commonly refers pain to the jaw, the back teeth and the cheek, and its deep part to the ear.",
        description: concat!(
            "The masseter is the strong chewing muscle you can feel at the angle of the jaw when ",
            "you clench. Its outer part commonly refers pain to the cheek, the upper and lower ",
            "back teeth and the lower jaw, sometimes up to the eyebrow. Its deeper part often ",
            "causes pain in front of or deep in the ear, and some people notice ringing in that ",
            "ear.",
        ),
        conditions: &["Jaw (TMJ) pain", "Toothache with healthy teeth", "Earache",
            "Teeth grinding and clenching", "Tinnitus"],
        notes: concat!(
            "Supine, mouth slightly open; pincer palpation with one finger inside the cheek ",
            "(gloved) and the thumb outside, or flat over the muscle against the mandible. ",
            "Superficial TrPs in the upper, middle and lower belly; deep TrPs just below the ",
            "TMJ. Measure mouth opening. Avoid the parotid gland and the facial nerve branches ",
            "in front of the ear and the facial artery at the anterior border of the muscle.",
        ),
        trigger_points: &[tp_lat(40.0, 165.0), tp_lat(38.0, 200.0), tp_lat(22.0, 152.0),
            tp_ant(62.0, 175.0)],
        essential: &[
            lat(ell(44.0, 160.0, 16.0, 10.0)),
            lat(strap(&[
                (10.0, 200.0), (30.0, 212.0), (55.0, 214.0), (72.0, 206.0),
            ], &[14.0, 14.0, 12.0, 10.0])),
            lat(ell(12.0, 140.0, 8.0, 14.0)),
            ant(pts(&[
                (50.0, 150.0), (67.0, 150.0), (72.0, 180.0), (62.0, 210.0), (50.0, 205.0),
                (46.0, 175.0),
            ])),
        ],
        spillover: &[
            lat(ell(80.0, 97.0, 12.0, 6.0)),
            ant(ell(40.0, 94.0, 16.0, 6.0)),
        ],
    },
    Pattern {
        muscle: "semispinalis_capitis",
        region: HEAD,
        caption: concat!(
            "The semispinalis capitis commonly refers a band of pain around the side of the ",
            "head, strongest at the temple and forehead.",
        ),
        description: concat!(
            "This long muscle lies under the trapezius at the back of the neck and attaches to ",
            "the skull. Knots near the top of the neck commonly cause a band-like headache that ",
            "wraps around the head from the back, often strongest over the temple and above the ",
            "eye. Knots lower in the neck more often make the back of the head ache.",
        ),
        conditions: &["Tension-type headache", "Cervicogenic headache", "Neck pain",
            "Headache with forward-head posture"],
        notes: concat!(
            "Prone, forehead supported, neck slightly flexed; flat palpation 1–2 cm lateral to ",
            "the spinous processes, through the upper trapezius. Upper TrP just below the ",
            "occiput, middle TrP around C3–C4. The greater occipital nerve pierces the muscle: ",
            "tingling over the scalp suggests entrapment. Do not needle upwards into the ",
            "suboccipital triangle (vertebral artery).",
        ),
        trigger_points: &[tp_post(14.0, 170.0), tp_post(15.0, 235.0), tp_lat(-66.0, 200.0)],
        essential: &[
            lat(strap(&[
                (-96.0, 100.0), (-72.0, 80.0), (-34.0, 66.0), (6.0, 62.0), (40.0, 68.0),
                (66.0, 84.0),
            ], &[20.0, 22.0, 22.0, 22.0, 24.0, 16.0])),
            post(ell(40.0, 108.0, 32.0, 14.0).tilted(-15.0)),
        ],
        spillover: &[
            ant(ell(35.0, 72.0, 24.0, 14.0)),
            post(strap(&[(12.0, 150.0), (16.0, 200.0), (16.0, 250.0)], &[14.0, 16.0, 14.0])),
        ],
    },
    Pattern {
        muscle: "frontalis",
        region: HEAD,
        caption: "The frontalis commonly refers pain up over the forehead on the same side.",
        description: concat!(
            "The frontalis is the thin muscle of the forehead that lifts the eyebrows. Knots in ",
            "it often give a local ache over the forehead that spreads upwards from above the ",
            "eyebrow. It commonly works together with muscles at the back of the head and neck ",
            "in tension-type headaches.",
        ),
        conditions: &["Frontal headache", "Tension-type headache", "Eye strain"],
        notes: concat!(
            "Supine; flat palpation or a gentle pinch of the skin and muscle above the medial ",
            "half of the eyebrow, along vertical fibres. Often secondary to sternocleidomastoid ",
            "(clavicular) or posterior cervical TrPs: check those first. The supraorbital and ",
            "supratrochlear nerves exit the orbit here; needle superficially and tangentially, ",
            "away from the orbit.",
        ),
        trigger_points: &[tp_ant(35.0, 72.0), tp_lat(75.0, 70.0)],
        essential: &[
            ant(pts(&[
                (12.0, 50.0), (40.0, 40.0), (60.0, 55.0), (60.0, 82.0), (36.0, 86.0), (12.0, 85.0),
            ])),
            lat(pts(&[(55.0, 42.0), (76.0, 50.0), (88.0, 78.0), (80.0, 90.0), (64.0, 76.0)])),
        ],
        spillover: &[
            ant(ell(32.0, 36.0, 24.0, 9.0)),
        ],
    },
    Pattern {
        muscle: "occipitalis",
        region: HEAD,
        caption: "The occipitalis commonly refers an ache over the back of the head that can spread to behind the eye.",
        description: concat!(
            "The occipitalis is a thin muscle over the back of the skull. Knots in it commonly ",
            "cause an ache over the back of the head, and the pain often seems to travel through ",
            "the head to behind the eye. Lying with the back of the head on a firm pillow can be ",
            "uncomfortable.",
        ),
        conditions: &["Occipital headache", "Tension-type headache", "Pain behind the eye"],
        notes: concat!(
            "Supine or prone; flat palpation of the thin muscle over the occipital bone a few ",
            "centimetres above the nuchal line and lateral to the midline. Distinguish from ",
            "greater occipital nerve irritation (sharp, shooting, numbness over the scalp). ",
            "Needle superficially and tangentially against the bone.",
        ),
        trigger_points: &[tp_post(42.0, 92.0), tp_lat(-86.0, 100.0)],
        essential: &[
            post(ell(45.0, 95.0, 28.0, 25.0).tilted(-15.0)),
            lat(ell(-82.0, 96.0, 14.0, 30.0).tilted(15.0)),
        ],
        spillover: &[
            lat(ell(73.0, 108.0, 12.0, 10.0)),
            ant(ell(34.0, 110.0, 16.0, 10.0)),
        ],
    },
    Pattern {
        muscle: "digastric",
        region: HEAD,
        caption: "The digastric often refers pain to the upper front of the neck below the ear and to the lower front teeth.",
        description: concat!(
            "The digastric is a small two-part muscle under the jaw. Its back part commonly ",
            "refers pain to the upper side of the neck just below and behind the angle of the ",
            "jaw, sometimes towards the back of the head. Its front part often makes the lower ",
            "front teeth and the chin ache.",
        ),
        conditions: &["Jaw pain", "Toothache with healthy teeth", "Neck pain", "Sore throat feeling"],
        notes: concat!(
            "Supine, head slightly extended; posterior belly palpated between the mastoid and ",
            "the angle of the mandible, anterior belly under the chin beside the midline. Check ",
            "swallowing and mouth opening. The posterior belly lies near the external carotid, ",
            "the facial nerve and the styloid structures: manual treatment is usually preferred; ",
            "needle only the anterior belly, superficially.",
        ),
        trigger_points: &[tp_ant(20.0, 242.0), tp_lat(-4.0, 190.0)],
        essential: &[
            lat(ell(-12.0, 188.0, 10.0, 22.0).tilted(-20.0)),
            lat(ell(87.0, 206.0, 8.0, 10.0)),
            ant(ell(8.0, 206.0, 14.0, 8.0)).crossing_midline(),
        ],
        spillover: &[
            lat(ell(-86.0, 150.0, 9.0, 14.0)),
            post(ell(70.0, 168.0, 8.0, 12.0)),
            ant(ell(12.0, 238.0, 12.0, 8.0)),
        ],
    },
    Pattern {
        muscle: "lateral_pterygoid",
        region: HEAD,
        caption: "The lateral pterygoid commonly refers pain to the jaw joint and the cheek below the eye.",
        description: concat!(
            "This deep chewing muscle guides the jaw forwards and sideways. Knots in it commonly ",
            "cause pain in the jaw joint just in front of the ear and over the cheekbone, ",
            "sometimes felt like a sinus ache. It often goes with clicking or a feeling that the ",
            "bite is slightly off.",
        ),
        conditions: &["Jaw (TMJ) pain", "Jaw clicking", "Sinus-like cheek pain", "Teeth grinding"],
        notes: concat!(
            "Only partly palpable: intra-orally behind the upper third molar (gloved finger), or ",
            "externally through the mandibular notch with the mouth slightly open. Test resisted ",
            "protrusion and lateral deviation; look for jaw deviation on opening. Needling ",
            "passes the parotid and the facial nerve region and approaches the maxillary artery: ",
            "advanced skill only.",
        ),
        trigger_points: &[tp_lat(34.0, 146.0), tp_ant(62.0, 146.0)],
        essential: &[
            lat(ell(18.0, 142.0, 6.0, 11.0)),
            lat(ell(56.0, 150.0, 15.0, 12.0)),
            ant(ell(46.0, 146.0, 14.0, 14.0)),
        ],
        spillover: &[],
    },
];
