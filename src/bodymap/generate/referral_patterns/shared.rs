//! Shapes and zone lists several referral patterns share (the fingers, the thumb web, the
//! sacroiliac joint, the scalenes' common pattern): data only, in authoring coordinates.

use super::authoring::{
    Shape, Zone, ant, ant_arm_strip, ell, lat_arm, lat_arm_strip, post, post_arm_strip,
    post_leg_strip, pts, strap,
};

#[rustfmt::skip]
pub const THUMB_A: Shape = pts(&[
    (305.2, 950.5), (327.5, 989.2), (337.9, 1007.3), (335.7, 1016.6), (326.5, 1013.9),
    (316.1, 995.8), (293.8, 957.0), (296.0, 932.0),
]);
#[rustfmt::skip]
pub const INDEX: Shape = pts(&[
    (287.2, 995.7), (295.6, 1043.8), (299.5, 1066.2), (296.2, 1074.7), (290.2, 1067.8),
    (286.3, 1045.4), (277.9, 997.3),
]);
/// The thumb side of the index finger, to its tip (palm side on the anterior view, back on the
/// posterior).
#[rustfmt::skip]
pub const INDEX_RADIAL_SIDE: Shape = pts(&[
    (292.0, 1000.0), (299.0, 1000.0), (300.0, 1040.0), (296.0, 1076.0), (291.0, 1072.0),
    (292.5, 1040.0),
]);
#[rustfmt::skip]
pub const ULNAR_FINGERS: Shape = pts(&[
    (262.9, 997.6), (259.6, 1048.2), (258.0, 1071.9), (252.8, 1079.7), (248.6, 1071.2),
    (250.2, 1047.6), (252.0, 1020.6), (249.6, 1003.6), (245.7, 1013.0), (240.9, 1035.0),
    (236.8, 1054.3), (231.5, 1059.7), (229.0, 1052.6), (233.2, 1033.3), (242.1, 992.1),
]);
#[rustfmt::skip]
pub const FINGERS_3_TO_5: Shape = pts(&[
    (275.6, 997.1), (278.6, 1071.3), (274.1, 1088.0), (268.4, 1071.7), (266.5, 1023.5),
    (264.0, 1008.2), (261.4, 1021.2), (258.5, 1065.1), (252.8, 1079.7), (249.1, 1064.5),
    (252.0, 1020.6), (249.6, 1003.6), (245.7, 1013.0), (238.0, 1048.8), (231.5, 1059.7),
    (230.2, 1047.1), (242.1, 992.1),
]);
#[rustfmt::skip]
pub const MIDDLE_FINGER: Shape = pts(&[
    (275.6, 997.1), (277.8, 1052.7), (278.9, 1078.7), (274.1, 1088.0), (268.7, 1079.1),
    (267.6, 1053.1), (265.4, 997.5),
]);
/// The middle and ring fingers, which the second to fourth dorsal interossei move.
#[rustfmt::skip]
pub const MIDDLE_RING_FINGERS: Shape = pts(&[
    (275.6, 997.1), (277.8, 1052.7), (278.9, 1078.7), (274.1, 1088.0), (268.7, 1079.1),
    (267.6, 1053.1), (266.5, 1023.5), (264.0, 1008.2), (261.4, 1021.2), (259.6, 1048.2),
    (258.0, 1071.9), (252.8, 1079.7), (248.6, 1071.2), (250.2, 1047.6), (253.5, 997.0),
]);
#[rustfmt::skip]
pub const LITTLE_FINGER: Shape = pts(&[
    (249.9, 993.8), (240.9, 1035.0), (236.8, 1054.3), (231.5, 1059.7), (229.0, 1052.6),
    (233.2, 1033.3), (242.1, 992.1),
]);
#[rustfmt::skip]
pub const THUMB_WEB_L: Shape = ell(126.0, 955.0, 11.0, 20.0).tilted(-25.0);
#[rustfmt::skip]
pub const SCALENE_ESSENTIAL: &[Zone] = &[
    ant(pts(&[
        (70.0, 352.0), (110.0, 346.0), (126.0, 380.0), (116.0, 438.0), (92.0, 448.0), (72.0, 410.0),
    ])),
    ant_arm_strip(&[(425.0, 0.25, 0.75), (520.0, 0.25, 0.75), (620.0, 0.3, 0.7)]),
    ant_arm_strip(&[(680.0, 0.65, 0.95), (780.0, 0.65, 0.95), (880.0, 0.6, 0.95)]),
    ant(THUMB_A),
    ant(INDEX),
    post(strap(&[(70.0, 342.0), (62.0, 380.0), (66.0, 420.0)], &[14.0, 14.0, 12.0])),
    post_arm_strip(&[(430.0, 0.3, 0.75), (520.0, 0.3, 0.75), (620.0, 0.35, 0.7)]),
    post_arm_strip(&[(680.0, 0.7, 0.97), (780.0, 0.7, 0.97), (880.0, 0.65, 0.97)]),
    post(THUMB_A),
    post(INDEX),
    lat_arm_strip(&[(430.0, 0.7, 0.97), (520.0, 0.7, 0.97), (610.0, 0.7, 0.97)]),
    lat_arm_strip(&[(430.0, 0.03, 0.3), (520.0, 0.03, 0.3), (610.0, 0.03, 0.3)]),
    lat_arm_strip(&[(690.0, 0.3, 0.8), (780.0, 0.3, 0.8), (870.0, 0.3, 0.8)]),
    lat_arm(THUMB_WEB_L),
];
#[rustfmt::skip]
pub const SCALENE_SPILLOVER: &[Zone] = &[
    ant(pts(&[
        (40.0, 340.0), (130.0, 332.0), (150.0, 400.0), (138.0, 470.0), (100.0, 485.0), (50.0, 470.0),
    ])),
    post(strap(&[(45.0, 330.0), (42.0, 380.0), (50.0, 430.0)], &[14.0, 14.0, 12.0])),
];
#[rustfmt::skip]
pub const LAT_EPICONDYLE_P: Shape = ell(258.0, 642.0, 9.0, 16.0);
#[rustfmt::skip]
pub const LAT_EPICONDYLE_L: Shape = ell(6.0, 652.0, 12.0, 13.0);
#[rustfmt::skip]
pub const DORSAL_WEB_P: Shape = ell(297.0, 962.0, 6.0, 20.0);
#[rustfmt::skip]
pub const THUMB_BASE: Shape = pts(&[
    (292.0, 905.0), (304.0, 915.0), (314.0, 940.0), (308.0, 955.0), (298.0, 945.0), (292.0, 925.0),
]);
#[rustfmt::skip]
pub const BACK_OF_HAND_P: Shape = ell(276.0, 955.0, 17.0, 34.0);
#[rustfmt::skip]
pub const SI_JOINT_P: Shape = ell(34.0, 800.0, 12.0, 24.0).tilted(-10.0);
#[rustfmt::skip]
pub const MEDIAL_HAMSTRING_ESSENTIAL: &[Zone] = &[
    post(strap(&[(30.0, 922.0), (70.0, 932.0), (110.0, 926.0)], &[20.0, 24.0, 20.0])),
];
#[rustfmt::skip]
pub const MEDIAL_HAMSTRING_SPILLOVER: &[Zone] = &[
    post_leg_strip(&[
        (960.0, 0.1, 0.5), (1060.0, 0.1, 0.5), (1160.0, 0.1, 0.5), (1240.0, 0.1, 0.5),
    ]),
    post_leg_strip(&[(1272.0, 0.1, 0.45), (1330.0, 0.1, 0.45)]),
];
#[rustfmt::skip]
pub const SOLE_ALL: Shape = pts(&[
    (60.0, 1545.0), (90.0, 1520.0), (120.0, 1530.0), (126.0, 1570.0), (118.0, 1640.0),
    (110.0, 1710.0), (100.0, 1748.0), (78.0, 1750.0), (66.0, 1720.0), (66.0, 1650.0), (60.0, 1590.0),
]);
