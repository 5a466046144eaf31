//! The referral patterns of the leg and foot, in the library's order. Data only: the vocabulary
//! is in `authoring`, placing and checking (texts included) in the parent module.

use super::authoring::{
    LEG, Pattern, ant, ant_leg_strip, ell, lat, lat_leg_strip, med, post, post_leg_strip, pts,
    sole, strap, tp_ant, tp_lat, tp_med, tp_post, tp_sole,
};
use super::shared::{SI_JOINT_P, SOLE_ALL};

#[rustfmt::skip]
pub const PATTERNS: &[Pattern] = &[
    Pattern {
        muscle: "gastrocnemius_medial",
        region: LEG,
        caption: concat!(
            "The medial head of the gastrocnemius commonly refers pain to the instep of the ",
            "foot, the calf and behind the knee.",
        ),
        description: concat!(
            "The gastrocnemius is the big two-headed calf muscle. Knots in its inner head ",
            "commonly refer pain to the instep of the foot, and often also to the back of the ",
            "knee, the inner calf and the back of the ankle. Night cramps in the calf are common ",
            "with it.",
        ),
        conditions: &["Calf pain", "Calf cramps at night", "Back-of-knee pain", "Foot arch pain",
            "Calf strain"],
        notes: concat!(
            "Prone, foot over the edge of the table; pincer grip of the medial head in its upper ",
            "half, a little below the knee crease. Test calf raises and ankle dorsiflexion with ",
            "the knee straight. Exclude deep vein thrombosis (swelling, warmth, tenderness along ",
            "the veins) before treating calf pain. Keep distal to the popliteal fossa (popliteal ",
            "artery, tibial nerve) and needle within the grip.",
        ),
        trigger_points: &[tp_post(60.0, 1330.0)],
        essential: &[
            sole(ell(74.0, 1640.0, 9.0, 32.0)),
            ant(ell(70.0, 1712.0, 8.0, 12.0)),
            med(ell(175.0, 168.0, 35.0, 12.0)),
        ],
        spillover: &[
            post(ell(72.0, 1264.0, 24.0, 13.0)),
            post_leg_strip(&[(1320.0, 0.04, 0.4), (1400.0, 0.04, 0.4), (1480.0, 0.04, 0.4)]),
            post(ell(76.0, 1652.0, 8.0, 26.0)),
        ],
    },
    Pattern {
        muscle: "gastrocnemius_lateral",
        region: LEG,
        caption: concat!(
            "The lateral head of the gastrocnemius commonly refers pain around itself in the ",
            "upper outer calf and up behind the knee.",
        ),
        description: concat!(
            "The outer head of the gastrocnemius forms the upper outside of the calf. Knots in ",
            "it commonly cause a local ache in the upper outer calf that can spread up into the ",
            "back of the knee. Walking uphill, running and night cramps often go with it.",
        ),
        conditions: &["Calf pain", "Calf cramps at night", "Back-of-knee pain", "Calf strain"],
        notes: concat!(
            "Prone, foot over the edge of the table; pincer grip of the lateral head in its ",
            "upper half. Exclude deep vein thrombosis before treating calf pain. The common ",
            "fibular nerve winds round the fibular neck just lateral and distal to the lateral ",
            "head, and the popliteal vessels lie above: needle within the grip, in the belly.",
        ),
        trigger_points: &[tp_post(110.0, 1340.0), tp_lat(-55.0, 1340.0)],
        essential: &[
            post(ell(108.0, 1332.0, 19.0, 45.0)),
            lat(ell(-56.0, 1332.0, 15.0, 40.0)),
        ],
        spillover: &[
            post(ell(100.0, 1266.0, 20.0, 12.0)),
            lat(ell(-58.0, 1262.0, 12.0, 14.0)),
        ],
    },
    Pattern {
        muscle: "soleus",
        region: LEG,
        caption: "The soleus commonly refers pain to the back and underside of the heel and the lower Achilles tendon.",
        description: concat!(
            "The soleus lies under the gastrocnemius in the calf. Knots low in it commonly refer ",
            "pain to the back and underside of the heel and the lower Achilles tendon, and may ",
            "make walking uphill or climbing stairs painful. Knots higher up often make the ",
            "upper calf ache, and occasionally the pain is felt near the sacroiliac joint on the ",
            "same side.",
        ),
        conditions: &["Heel pain", "Achilles pain", "Calf pain", "Pain climbing stairs",
            "Plantar heel pain"],
        notes: concat!(
            "Prone with the knee bent to 90° (slackens the gastrocnemius) or kneeling on a ",
            "chair; pincer grip of the soleus on either side of the Achilles tendon a few ",
            "centimetres above the heel, and flat palpation in the upper calf. Test dorsiflexion ",
            "with the knee bent. Exclude deep vein thrombosis. The tibial nerve and posterior ",
            "tibial vessels lie deep in the middle of the calf: needle the lateral or medial ",
            "edge, directed towards the fibula or tibia respectively.",
        ),
        trigger_points: &[tp_post(75.0, 1545.0), tp_post(100.0, 1390.0), tp_lat(-38.0, 1520.0)],
        essential: &[
            post(ell(88.0, 1718.0, 19.0, 28.0)),
            post(strap(&[(86.0, 1600.0), (86.0, 1645.0), (87.0, 1685.0)], &[16.0, 16.0, 16.0])),
            sole(ell(88.0, 1733.0, 20.0, 18.0)),
            lat(ell(-56.0, 1702.0, 11.0, 34.0)),
        ],
        spillover: &[
            post(ell(96.0, 1400.0, 25.0, 50.0)),
            post(SI_JOINT_P),
        ],
    },
    Pattern {
        muscle: "tibialis_anterior",
        region: LEG,
        caption: "The tibialis anterior commonly refers pain to the front inner ankle and the big toe.",
        description: concat!(
            "The tibialis anterior is the muscle just outside the shinbone that lifts the foot. ",
            "Knots in it commonly refer pain to the front and inner side of the ankle and to the ",
            "top of the big toe, sometimes with an ache along the shin. Some people notice they ",
            "catch their toes or trip more easily.",
        ),
        conditions: &["Shin pain", "Ankle pain", "Big toe pain", "Shin splints",
            "Foot drop feeling when tired"],
        notes: concat!(
            "Supine; flat palpation against the tibia in the upper third of the muscle, just ",
            "lateral to the tibial crest. Test resisted dorsiflexion and inversion; exclude ",
            "compartment syndrome (severe, tense, worse with exercise) and stress fracture. The ",
            "anterior tibial artery and deep fibular nerve lie deep on the interosseous ",
            "membrane: superficial to mid-depth needling, directed towards the tibia.",
        ),
        trigger_points: &[tp_ant(101.0, 1370.0), tp_lat(36.0, 1380.0)],
        essential: &[
            ant(ell(80.0, 1682.0, 14.0, 14.0)),
            ant(pts(&[
                (62.0, 1712.0), (80.0, 1712.0), (82.0, 1740.0), (74.0, 1752.0), (62.0, 1748.0),
            ])),
            med(ell(214.0, 90.0, 12.0, 16.0)),
            med(ell(46.0, 178.0, 14.0, 9.0)),
        ],
        spillover: &[
            ant_leg_strip(&[(1420.0, 0.35, 0.7), (1520.0, 0.3, 0.7), (1620.0, 0.3, 0.7)]),
        ],
    },
    Pattern {
        muscle: "fibularis_longus",
        region: LEG,
        caption: "The fibularis longus commonly refers pain around the outer ankle bone and along the outer side of the foot.",
        description: concat!(
            "The fibularis (peroneus) longus runs down the outside of the lower leg and under ",
            "the foot. Knots in it commonly refer pain above, behind and below the outer ankle ",
            "bone and along the outer edge of the foot, sometimes with an ache on the outside of ",
            "the leg. It often goes with weak or unstable ankles.",
        ),
        conditions: &["Ankle pain", "Outer ankle pain", "Ankle instability",
            "Pain on the outer side of the foot"],
        notes: concat!(
            "Supine or side-lying; flat palpation against the fibula 2–4 cm below the fibular ",
            "head. Test resisted eversion and single-leg balance. The common fibular nerve winds ",
            "around the fibular neck just above and behind the upper TrP: palpate it and needle ",
            "below and anterior to it, onto the fibula.",
        ),
        trigger_points: &[tp_lat(-12.0, 1360.0), tp_ant(127.0, 1360.0), tp_post(130.5, 1370.0)],
        essential: &[
            lat(ell(0.0, 1690.0, 20.0, 16.0)),
            lat(pts(&[
                (-20.0, 1706.0), (20.0, 1706.0), (60.0, 1726.0), (90.0, 1742.0), (60.0, 1750.0),
                (0.0, 1750.0), (-25.0, 1735.0),
            ])),
            ant(ell(106.0, 1684.0, 10.0, 14.0)),
        ],
        spillover: &[
            lat_leg_strip(&[(1420.0, 0.35, 0.6), (1520.0, 0.3, 0.6), (1620.0, 0.3, 0.6)]),
        ],
    },
    Pattern {
        muscle: "fibularis_brevis",
        region: LEG,
        caption: "The fibularis brevis commonly refers pain around the outer ankle bone and along the outer side of the foot.",
        description: concat!(
            "The fibularis (peroneus) brevis lies under the fibularis longus in the lower half ",
            "of the outer leg and attaches to the outer edge of the foot. Knots in it commonly ",
            "refer pain around and below the outer ankle bone and along the outer side of the ",
            "foot. It is often sore after ankle sprains.",
        ),
        conditions: &["Ankle pain", "Outer ankle pain", "Ankle instability", "Ankle sprain"],
        notes: concat!(
            "Side-lying or supine with the leg turned in; flat palpation against the fibula in ",
            "the lower half of the leg, on either side of the fibularis longus tendon. Test ",
            "resisted eversion. The superficial fibular nerve becomes subcutaneous in the lower ",
            "third of the lateral leg: needle onto the fibula, shallow.",
        ),
        trigger_points: &[tp_lat(-18.0, 1520.0)],
        essential: &[
            lat(ell(0.0, 1690.0, 20.0, 16.0)),
            lat(pts(&[
                (-20.0, 1706.0), (20.0, 1706.0), (60.0, 1726.0), (90.0, 1742.0), (60.0, 1750.0),
                (0.0, 1750.0), (-25.0, 1735.0),
            ])),
            ant(ell(106.0, 1684.0, 10.0, 14.0)),
        ],
        spillover: &[
            lat_leg_strip(&[(1520.0, 0.3, 0.6), (1580.0, 0.3, 0.6), (1640.0, 0.3, 0.6)]),
        ],
    },
    Pattern {
        muscle: "extensor_digitorum_longus",
        region: LEG,
        caption: "The extensor digitorum longus commonly refers pain over the top of the foot towards the middle toes.",
        description: concat!(
            "This muscle runs down the front and outer side of the lower leg to the toes. Knots ",
            "in it commonly refer pain over the top of the foot towards the second, third and ",
            "fourth toes, sometimes with an ache at the front of the ankle and lower leg. Night ",
            "cramps at the front of the leg can occur.",
        ),
        conditions: &["Top-of-foot pain", "Ankle pain", "Shin pain", "Toe pain"],
        notes: concat!(
            "Supine; flat palpation between tibialis anterior and the fibularis muscles, 8 cm or ",
            "so below the fibular head. Test resisted toe extension. The deep fibular nerve and ",
            "anterior tibial vessels run deep to the muscle and the common fibular nerve is near ",
            "the fibular neck: stay in the upper belly, mid-depth.",
        ),
        trigger_points: &[tp_ant(117.0, 1380.0), tp_lat(10.0, 1380.0)],
        essential: &[
            ant(pts(&[
                (88.0, 1705.0), (112.0, 1700.0), (128.0, 1722.0), (132.0, 1745.0), (110.0, 1752.0),
                (86.0, 1750.0), (82.0, 1725.0),
            ])),
            lat(pts(&[
                (40.0, 1702.0), (80.0, 1706.0), (130.0, 1722.0), (150.0, 1732.0), (120.0, 1738.0),
                (60.0, 1730.0), (36.0, 1722.0),
            ])),
        ],
        spillover: &[
            ant_leg_strip(&[(1560.0, 0.45, 0.8), (1620.0, 0.45, 0.8), (1670.0, 0.45, 0.8)]),
        ],
    },
    Pattern {
        muscle: "tibialis_posterior",
        region: LEG,
        caption: concat!(
            "The tibialis posterior commonly refers pain to the Achilles tendon above the heel, ",
            "sometimes to the heel and sole.",
        ),
        description: concat!(
            "The tibialis posterior lies deep in the calf, between the two leg bones, and ",
            "supports the arch of the foot. Knots in it commonly refer pain to the Achilles ",
            "tendon just above the heel, sometimes spreading to the heel, the sole of the foot ",
            "and the middle of the calf. Walking or running on uneven ground is often painful.",
        ),
        conditions: &["Achilles pain", "Heel pain", "Foot arch pain", "Flat-foot related pain",
            "Shin splints"],
        notes: concat!(
            "Only indirectly palpable: deep pressure through the soleus from the medial tibial ",
            "border in the upper calf. Test resisted inversion in plantarflexion and single-leg ",
            "heel raise; look at the medial arch. The posterior tibial artery and tibial nerve ",
            "lie directly behind it, and the anterior approach crosses the interosseous membrane ",
            "and anterior tibial vessels: needling is for advanced practitioners only.",
        ),
        trigger_points: &[tp_post(84.0, 1400.0)],
        essential: &[
            post(strap(&[(84.0, 1570.0), (85.0, 1630.0), (86.0, 1690.0)], &[18.0, 18.0, 18.0])),
        ],
        spillover: &[
            post(ell(85.0, 1480.0, 17.0, 60.0)),
            post(ell(88.0, 1726.0, 19.0, 22.0)),
            sole(SOLE_ALL),
        ],
    },
    Pattern {
        muscle: "popliteus",
        region: LEG,
        caption: "The popliteus commonly refers pain to the back of the knee.",
        description: concat!(
            "The popliteus is a small, deep muscle at the back of the knee that unlocks the ",
            "straightened knee. Knots in it commonly cause pain at the back of the knee, ",
            "especially when crouching, running downhill or walking down stairs. Knee joint ",
            "problems and a Baker's cyst should be ruled out.",
        ),
        conditions: &["Back-of-knee pain", "Knee pain going downhill", "Pain when crouching"],
        notes: concat!(
            "Prone with the knee slightly bent, or supine with the knee bent and the leg turned ",
            "in; palpate the upper medial tibia below the joint line, medial to the ",
            "gastrocnemius. Exclude meniscal injury and a Baker's cyst. The popliteal artery, ",
            "vein and tibial nerve lie directly over the muscle in the popliteal fossa: manual ",
            "treatment is preferred; needle only from the medial side, onto the tibia, by ",
            "advanced practitioners.",
        ),
        trigger_points: &[tp_post(80.0, 1282.0), tp_lat(-45.0, 1282.0)],
        essential: &[
            post(ell(82.0, 1270.0, 34.0, 18.0)),
            lat(ell(-54.0, 1270.0, 13.0, 18.0)),
        ],
        spillover: &[],
    },
    Pattern {
        muscle: "abductor_hallucis",
        region: LEG,
        caption: "The abductor hallucis commonly refers pain to the inner side of the heel and the arch of the foot.",
        description: concat!(
            "The abductor hallucis runs along the inner edge of the sole from the heel to the ",
            "big toe. Knots in it commonly refer pain to the inner side of the heel and along ",
            "the inner arch of the foot. It is often sore in people with flat feet or after a ",
            "lot of walking or running.",
        ),
        conditions: &["Heel pain", "Foot arch pain", "Plantar heel pain", "Flat-foot related pain"],
        notes: concat!(
            "Supine or prone with the foot supported; flat palpation along the medial border of ",
            "the foot below the navicular and in front of the heel. Exclude tarsal tunnel ",
            "syndrome and plantar fasciopathy. The medial and lateral plantar nerves and vessels ",
            "pass deep to the muscle behind the medial malleolus: needle the belly from the ",
            "medial side, shallow.",
        ),
        trigger_points: &[tp_sole(72.0, 1650.0), tp_ant(65.5, 1727.0), tp_med(200.0, 168.0)],
        essential: &[
            sole(pts(&[
                (60.0, 1640.0), (70.0, 1640.0), (74.0, 1700.0), (72.0, 1745.0), (64.0, 1745.0),
                (62.0, 1700.0),
            ])),
            ant(ell(64.0, 1722.0, 5.0, 14.0)),
            post(ell(71.0, 1718.0, 6.0, 18.0)),
            med(ell(268.0, 166.0, 16.0, 18.0)),
        ],
        spillover: &[
            sole(ell(66.0, 1598.0, 6.0, 28.0)),
            med(ell(190.0, 174.0, 40.0, 8.0)),
        ],
    },
    Pattern {
        muscle: "flexor_digitorum_brevis",
        region: LEG,
        caption: "The flexor digitorum brevis commonly refers pain to the ball of the foot under the middle toes.",
        description: concat!(
            "The flexor digitorum brevis lies in the middle of the sole and bends the smaller ",
            "toes. Knots in it commonly refer pain to the ball of the foot under the second, ",
            "third and fourth toes. Walking barefoot or in thin-soled shoes often makes it ",
            "worse.",
        ),
        conditions: &["Ball-of-foot pain", "Foot pain when walking", "Plantar foot pain"],
        notes: concat!(
            "Prone or supine with the foot supported; flat palpation through the plantar fascia ",
            "in the middle of the sole. Exclude metatarsal stress fracture and interdigital ",
            "neuroma. Thick plantar skin is sensitive; needle from the plantar surface with ",
            "care, shallow, below the plantar fascia.",
        ),
        trigger_points: &[tp_sole(90.0, 1640.0)],
        essential: &[
            sole(ell(98.0, 1566.0, 20.0, 12.0)),
        ],
        spillover: &[
            sole(ell(95.0, 1605.0, 15.0, 16.0)),
        ],
    },
    Pattern {
        muscle: "quadratus_plantae",
        region: LEG,
        caption: "The quadratus plantae commonly refers pain to the underside of the heel.",
        description: concat!(
            "The quadratus plantae lies deep in the sole, near the heel. Knots in it commonly ",
            "refer a sharp or aching pain to the underside of the heel, especially with the ",
            "first steps in the morning, which can be mistaken for plantar fasciitis.",
        ),
        conditions: &["Heel pain", "Plantar heel pain", "First-step pain in the morning"],
        notes: concat!(
            "Prone with the foot supported; deep pressure through the plantar fascia and flexor ",
            "digitorum brevis in front of the heel. Exclude plantar fasciopathy, heel fat-pad ",
            "problems and calcaneal stress fracture. Lies deep to the plantar nerves and ",
            "vessels: manual treatment is preferred; needling only by advanced practitioners, ",
            "from the medial side.",
        ),
        trigger_points: &[tp_sole(90.0, 1690.0)],
        essential: &[
            sole(ell(88.0, 1734.0, 20.0, 16.0)),
        ],
        spillover: &[
            sole(ell(88.0, 1696.0, 17.0, 20.0)),
        ],
    },
    Pattern {
        muscle: "extensor_digitorum_brevis",
        region: LEG,
        caption: "The extensor digitorum brevis commonly refers a local ache over the top of the foot.",
        description: concat!(
            "The extensor digitorum brevis is a small muscle on the top of the foot, in front of ",
            "the outer ankle. Knots in it commonly cause a local ache over the top and outer ",
            "side of the foot, often in people who wear tight shoes or stand for long periods.",
        ),
        conditions: &["Top-of-foot pain", "Foot pain with tight shoes", "Foot cramps"],
        notes: concat!(
            "Supine; flat palpation of the small soft belly just in front of the lateral ",
            "malleolus on the dorsum of the foot. Test resisted toe extension. Superficial; the ",
            "dorsalis pedis artery lies medially: needle in the lateral belly, shallow.",
        ),
        trigger_points: &[tp_ant(112.0, 1716.0), tp_lat(65.0, 1716.0)],
        essential: &[
            ant(ell(110.0, 1718.0, 13.0, 11.0)),
            lat(ell(70.0, 1716.0, 26.0, 10.0)),
        ],
        spillover: &[],
    },
    Pattern {
        muscle: "abductor_digiti_minimi_pedis",
        region: LEG,
        caption: concat!(
            "The abductor digiti minimi of the foot commonly refers pain to the outer sole ",
            "around the base of the little toe.",
        ),
        description: concat!(
            "This muscle runs along the outer edge of the sole to the little toe. Knots in it ",
            "commonly refer pain to the outer part of the sole around the base of the little ",
            "toe, sometimes along the outer edge of the foot. Narrow shoes and long walks often ",
            "make it worse.",
        ),
        conditions: &["Outer foot pain", "Ball-of-foot pain", "Foot pain when walking"],
        notes: concat!(
            "Supine or prone; pincer grip along the lateral border of the sole between the heel ",
            "and the fifth metatarsal head. Exclude a fifth metatarsal stress fracture. ",
            "Superficial: shallow needling from the lateral border, away from the plantar ",
            "nerves.",
        ),
        trigger_points: &[tp_sole(112.0, 1650.0), tp_lat(0.0, 1748.0)],
        essential: &[
            sole(ell(118.0, 1566.0, 9.0, 14.0)),
        ],
        spillover: &[
            sole(ell(115.0, 1640.0, 5.0, 30.0)),
        ],
    },
];
