//! Shapes and zone lists several referral patterns share (the fingers, the thumb web, the
//! sacroiliac joint, the scalenes' common pattern): data only, in authoring coordinates.

use super::authoring::{
    Shape, Zone, ant, ant_arm_strip, ell, lat_arm, lat_arm_strip, post, post_arm_strip,
    post_leg_strip, pts, strap,
};

#[rustfmt::skip]
pub const THUMB_A: Shape = pts(&[
    (298.0, 918.0), (312.0, 934.0), (322.0, 964.0), (324.0, 994.0), (316.0, 1007.0), (306.0, 994.0),
    (300.0, 962.0),
]);
#[rustfmt::skip]
pub const INDEX: Shape = pts(&[
    (290.0, 996.0), (297.0, 994.0), (298.5, 1040.0), (294.0, 1077.0), (289.0, 1072.0),
    (289.5, 1040.0),
]);
#[rustfmt::skip]
pub const ULNAR_FINGERS: Shape = pts(&[
    (252.0, 996.0), (276.0, 996.0), (278.0, 1044.0), (276.0, 1084.0), (266.0, 1086.0),
    (257.0, 1050.0),
]);
#[rustfmt::skip]
pub const FINGERS_3_TO_5: Shape = pts(&[
    (252.0, 996.0), (290.0, 996.0), (291.0, 1044.0), (288.0, 1084.0), (266.0, 1088.0),
    (257.0, 1050.0),
]);
#[rustfmt::skip]
pub const MIDDLE_FINGER: Shape = pts(&[
    (279.0, 1000.0), (291.0, 1000.0), (291.0, 1044.0), (289.0, 1086.0), (280.0, 1088.0),
    (279.0, 1044.0),
]);
#[rustfmt::skip]
pub const LITTLE_FINGER: Shape = pts(&[
    (252.0, 1000.0), (264.0, 1000.0), (266.0, 1044.0), (266.0, 1078.0), (262.0, 1080.0),
    (256.0, 1050.0),
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
