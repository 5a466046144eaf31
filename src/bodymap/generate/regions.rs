//! Surface regions of the standard map for pain coding: the 19 Widespread Pain Index areas and
//! a finer set of named front, back, lateral and plantar locations, as coarse polygons placed
//! on the views (and mirrored for the other side). Views and muscles are not touched here.

use super::geometry::{Curve, Pt, Xy, polygon};
use super::shapes::{raise_arm, widen_shoulders};
use super::{other_side, side_at_plus_x, side_name};
use crate::bodymap::Facing::{self, Anterior, Posterior};
use crate::model::Side;

/// One region as the map writes it.
pub struct Region {
    pub id: String,
    pub name: String,
    pub side: Side,
    pub view: &'static str,
    pub shape: Curve,
}

/// A named set of regions.
pub struct RegionSet {
    pub id: &'static str,
    pub name: &'static str,
    pub regions: Vec<Region>,
}

const fn rect(x0: f64, y0: f64, x1: f64, y1: f64) -> [Xy; 4] {
    [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
}

/// Paired areas of the front and back views, drawn at +x (quads follow the abducted arm):
/// id and name suffix, the facings they are drawn on, points.
#[rustfmt::skip]
const WPI_PAIRED_FRONT_BACK: &[(&str, &str, &[Facing], &[Xy])] = &[
    ("jaw", "jaw", &[Anterior], &[(30.0, 150.0), (80.0, 150.0), (80.0, 215.0), (30.0, 232.0)]),
    ("shoulder_girdle", "shoulder girdle", &[Anterior, Posterior], &[(52.0, 250.0), (215.0, 290.0), (255.0, 340.0), (250.0, 420.0), (150.0, 420.0), (100.0, 340.0), (52.0, 300.0)]),
    ("upper_arm", "upper arm", &[Anterior, Posterior], &[(152.0, 420.0), (252.0, 420.0), (270.0, 648.0), (200.0, 648.0)]),
    ("lower_arm", "lower arm", &[Anterior, Posterior], &[(200.0, 648.0), (270.0, 648.0), (335.0, 1000.0), (300.0, 1100.0), (240.0, 1100.0)]),
    ("hip_buttock", "hip/buttock", &[Anterior, Posterior], &[(20.0, 760.0), (150.0, 730.0), (175.0, 800.0), (172.0, 930.0), (10.0, 940.0)]),
    ("upper_leg", "upper leg", &[Anterior, Posterior], &[(0.0, 940.0), (172.0, 930.0), (140.0, 1250.0), (30.0, 1250.0)]),
    ("lower_leg", "lower leg", &[Anterior, Posterior], &[(30.0, 1250.0), (140.0, 1250.0), (145.0, 1760.0), (50.0, 1760.0)]),
];

/// Midline areas of the front and back views.
#[rustfmt::skip]
const WPI_MIDLINE: &[(&str, &str, &[Facing], [Xy; 4])] = &[
    ("neck", "Neck", &[Anterior, Posterior], rect(-60.0, 215.0, 60.0, 300.0)),
    ("chest", "Chest", &[Anterior], rect(-152.0, 300.0, 152.0, 600.0)),
    ("abdomen", "Abdomen", &[Anterior], rect(-150.0, 600.0, 150.0, 780.0)),
    ("upper_back", "Upper back", &[Posterior], rect(-150.0, 300.0, 150.0, 600.0)),
    ("lower_back", "Lower back", &[Posterior], rect(-150.0, 600.0, 150.0, 770.0)),
];

/// Areas of the lateral views, drawn for the right lateral view (the patient faces +x).
#[rustfmt::skip]
const WPI_LATERAL: &[(&str, &str, &[Xy])] = &[
    ("jaw", "jaw", &[(0.0, 140.0), (70.0, 140.0), (90.0, 235.0), (0.0, 235.0)]),
    ("shoulder_girdle", "shoulder girdle", &[(-100.0, 300.0), (56.0, 300.0), (60.0, 420.0), (-110.0, 420.0)]),
    ("upper_arm", "upper arm", &[(-50.0, 420.0), (50.0, 420.0), (45.0, 648.0), (-50.0, 648.0)]),
    ("lower_arm", "lower arm", &[(-50.0, 648.0), (45.0, 620.0), (180.0, 1000.0), (160.0, 1080.0), (100.0, 1080.0)]),
    ("hip_buttock", "hip/buttock", &[(-125.0, 740.0), (100.0, 740.0), (95.0, 900.0), (-110.0, 945.0)]),
    ("upper_leg", "upper leg", &[(-110.0, 945.0), (95.0, 900.0), (80.0, 1250.0), (-70.0, 1250.0)]),
    ("lower_leg", "lower leg", &[(-90.0, 1250.0), (80.0, 1250.0), (190.0, 1760.0), (-80.0, 1760.0)]),
];

/// The neck on the right lateral view.
const WPI_LATERAL_NECK: [Xy; 4] = [(-70.0, 200.0), (50.0, 230.0), (56.0, 300.0), (-72.0, 300.0)];

/// Finer locations of the front and back views: id and name suffix, facing, points at +x.
#[rustfmt::skip]
const FINE_FRONT_BACK: &[(&str, &str, Facing, &[Xy])] = &[
    ("forehead", "forehead", Anterior, &[(0.0, 20.0), (70.0, 30.0), (78.0, 100.0), (0.0, 100.0)]),
    ("face", "face", Anterior, &[(0.0, 100.0), (80.0, 100.0), (78.0, 160.0), (60.0, 215.0), (0.0, 232.0)]),
    ("anterior_neck", "anterior neck", Anterior, &[(0.0, 215.0), (58.0, 210.0), (60.0, 300.0), (0.0, 315.0)]),
    ("anterior_shoulder", "anterior shoulder", Anterior, &[(60.0, 260.0), (215.0, 300.0), (250.0, 350.0), (250.0, 440.0), (170.0, 440.0), (130.0, 330.0), (60.0, 300.0)]),
    ("chest", "chest", Anterior, &[(0.0, 315.0), (130.0, 330.0), (155.0, 440.0), (153.0, 600.0), (0.0, 600.0)]),
    ("abdomen", "abdomen", Anterior, &[(0.0, 600.0), (150.0, 600.0), (150.0, 760.0), (0.0, 780.0)]),
    ("groin", "groin", Anterior, &[(0.0, 780.0), (150.0, 760.0), (120.0, 880.0), (60.0, 930.0), (0.0, 935.0)]),
    ("anterior_upper_arm", "anterior upper arm", Anterior, &[(165.0, 440.0), (252.0, 440.0), (270.0, 648.0), (200.0, 648.0)]),
    ("anterior_forearm", "anterior forearm", Anterior, &[(200.0, 648.0), (270.0, 648.0), (300.0, 905.0), (240.0, 905.0)]),
    ("palm", "palm", Anterior, &[(240.0, 905.0), (300.0, 905.0), (335.0, 1000.0), (300.0, 1100.0), (240.0, 1100.0)]),
    ("anterior_thigh", "anterior thigh", Anterior, &[(40.0, 920.0), (150.0, 900.0), (132.0, 1200.0), (50.0, 1200.0)]),
    ("lateral_thigh_front", "lateral thigh", Anterior, &[(150.0, 880.0), (175.0, 880.0), (142.0, 1200.0), (132.0, 1200.0)]),
    ("medial_thigh", "medial thigh", Anterior, &[(0.0, 935.0), (40.0, 920.0), (50.0, 1200.0), (30.0, 1200.0)]),
    ("anterior_knee", "anterior knee", Anterior, &[(30.0, 1200.0), (142.0, 1200.0), (140.0, 1290.0), (30.0, 1290.0)]),
    ("shin", "shin", Anterior, &[(30.0, 1290.0), (140.0, 1290.0), (120.0, 1660.0), (60.0, 1660.0)]),
    ("foot_dorsum", "dorsal foot", Anterior, &[(55.0, 1660.0), (125.0, 1660.0), (145.0, 1760.0), (55.0, 1760.0)]),
    ("occiput", "occipital", Posterior, &[(0.0, 20.0), (80.0, 40.0), (86.0, 140.0), (0.0, 140.0)]),
    ("suboccipital", "suboccipital", Posterior, &[(0.0, 130.0), (80.0, 130.0), (70.0, 180.0), (0.0, 180.0)]),
    ("posterior_neck", "posterior neck", Posterior, &[(0.0, 180.0), (70.0, 180.0), (60.0, 270.0), (0.0, 290.0)]),
    ("upper_trapezius_area", "upper shoulder", Posterior, &[(0.0, 250.0), (60.0, 260.0), (215.0, 300.0), (230.0, 340.0), (0.0, 320.0)]),
    ("scapular", "scapular", Posterior, &[(50.0, 330.0), (210.0, 330.0), (200.0, 460.0), (100.0, 500.0), (50.0, 460.0)]),
    ("interscapular", "interscapular", Posterior, &[(0.0, 320.0), (60.0, 320.0), (70.0, 500.0), (0.0, 520.0)]),
    ("posterior_shoulder", "posterior shoulder", Posterior, &[(190.0, 320.0), (250.0, 340.0), (250.0, 460.0), (200.0, 460.0)]),
    ("mid_back", "mid back", Posterior, &[(0.0, 520.0), (70.0, 500.0), (152.0, 460.0), (150.0, 640.0), (0.0, 640.0)]),
    ("low_back", "low back", Posterior, &[(0.0, 640.0), (140.0, 630.0), (150.0, 760.0), (0.0, 780.0)]),
    ("sacral", "sacroiliac", Posterior, &[(0.0, 760.0), (50.0, 760.0), (50.0, 860.0), (0.0, 870.0)]),
    ("buttock", "buttock", Posterior, &[(50.0, 740.0), (150.0, 730.0), (175.0, 830.0), (165.0, 935.0), (0.0, 940.0), (0.0, 870.0), (50.0, 860.0)]),
    ("posterior_upper_arm", "posterior upper arm", Posterior, &[(165.0, 460.0), (252.0, 460.0), (270.0, 648.0), (200.0, 648.0)]),
    ("posterior_forearm", "posterior forearm", Posterior, &[(200.0, 648.0), (270.0, 648.0), (300.0, 905.0), (240.0, 905.0)]),
    ("back_of_hand", "dorsal hand", Posterior, &[(240.0, 905.0), (300.0, 905.0), (335.0, 1000.0), (300.0, 1100.0), (240.0, 1100.0)]),
    ("posterior_thigh", "posterior thigh", Posterior, &[(0.0, 940.0), (165.0, 935.0), (135.0, 1240.0), (30.0, 1240.0)]),
    ("posterior_knee", "posterior knee", Posterior, &[(30.0, 1240.0), (135.0, 1240.0), (138.0, 1300.0), (34.0, 1300.0)]),
    ("calf", "calf", Posterior, &[(34.0, 1300.0), (140.0, 1300.0), (116.0, 1600.0), (60.0, 1600.0)]),
    ("heel", "heel", Posterior, &[(60.0, 1600.0), (116.0, 1600.0), (120.0, 1760.0), (60.0, 1760.0)]),
];

/// Finer locations of the right lateral view.
#[rustfmt::skip]
const FINE_LATERAL: &[(&str, &str, &[Xy])] = &[
    ("temple", "temple", &[(-30.0, 40.0), (60.0, 40.0), (60.0, 125.0), (-30.0, 125.0)]),
    ("lateral_neck", "lateral neck", &[(-60.0, 170.0), (40.0, 200.0), (56.0, 310.0), (-72.0, 300.0)]),
    ("lateral_shoulder", "lateral shoulder", &[(-50.0, 310.0), (50.0, 310.0), (50.0, 460.0), (-50.0, 460.0)]),
    ("lateral_chest", "lateral chest", &[(-110.0, 420.0), (104.0, 420.0), (90.0, 600.0), (-90.0, 600.0)]),
    ("flank", "flank", &[(-90.0, 600.0), (90.0, 600.0), (100.0, 740.0), (-90.0, 740.0)]),
    ("lateral_hip", "lateral hip", &[(-125.0, 740.0), (100.0, 740.0), (90.0, 900.0), (-110.0, 945.0)]),
    ("lateral_thigh", "lateral thigh", &[(-110.0, 945.0), (90.0, 900.0), (75.0, 1225.0), (-70.0, 1225.0)]),
    ("lateral_knee", "lateral knee", &[(-75.0, 1225.0), (75.0, 1225.0), (60.0, 1300.0), (-80.0, 1300.0)]),
    ("lateral_leg", "lateral leg", &[(-85.0, 1300.0), (60.0, 1300.0), (40.0, 1650.0), (-50.0, 1650.0)]),
    ("lateral_ankle_foot", "lateral ankle", &[(-75.0, 1650.0), (45.0, 1650.0), (190.0, 1760.0), (-75.0, 1760.0)]),
];

/// A region's id suffix and name suffix ("palm", "palm").
type Named = (&'static str, &'static str);

/// The views that show whole hands or feet, one per outline part: the WPI area and the
/// location each part is coded as (view, WPI area id and name, location id and name). The
/// full-body views code the hand as the lower arm and the foot as the lower leg, so these do
/// too: a hand painted on either view gives the same areas.
#[rustfmt::skip]
const WHOLE_PARTS: &[(&str, Named, Named)] = &[
    ("feet_plantar", ("lower_leg", "lower leg"), ("sole", "sole")),
    ("hands_palmar", ("lower_arm", "lower arm"), ("palm", "palm")),
    ("hands_dorsal", ("lower_arm", "lower arm"), ("back_of_hand", "dorsal hand")),
    ("feet_dorsal", ("lower_leg", "lower leg"), ("foot_dorsum", "dorsal foot")),
    ("feet_medial", ("lower_leg", "lower leg"), ("medial_foot", "medial foot")),
];

/// The regions of the views of whole hands and feet, added to the sets [`build`] made: each
/// hand or foot (outline part, part 0 at +x) is its WPI area and its location. `views` gives
/// each view's id, facing and outline.
pub fn add_whole_parts(sets: &mut [RegionSet], views: &[(&'static str, Facing, &[Curve])]) {
    for &(vid, (wpi, wpi_name), (location, location_name)) in WHOLE_PARTS {
        let Some(&(vid, facing, outline)) = views.iter().find(|v| v.0 == vid) else {
            continue;
        };
        let plus = side_at_plus_x(facing);
        for (part, shape) in outline.iter().enumerate() {
            let side = if part == 0 { plus } else { other_side(plus) };
            for (set, rid, name) in [
                ("wpi", wpi, wpi_name),
                ("locations", location, location_name),
            ] {
                let Some(set) = sets.iter_mut().find(|s| s.id == set) else {
                    continue;
                };
                set.regions
                    .push(sided_shape(side, rid, name, vid, shape.clone()));
            }
        }
    }
}

fn region(id: String, name: String, side: Side, view: &'static str, points: &[Pt]) -> Region {
    Region {
        id,
        name,
        side,
        view,
        shape: polygon(points),
    }
}

fn points(xy: &[Xy]) -> Vec<Pt> {
    xy.iter().map(|&p| Pt::from(p)).collect()
}

fn mirrored(points: &[Pt]) -> Vec<Pt> {
    points.iter().map(|p| p.mirrored()).collect()
}

/// Region `rid` of one side: "right_jaw", "Right jaw".
fn sided(side: Side, rid: &str, name: &str, view: &'static str, points: &[Pt]) -> Region {
    sided_shape(side, rid, name, view, polygon(points))
}

/// [`sided`] with its shape already made (a whole outline part).
fn sided_shape(side: Side, rid: &str, name: &str, view: &'static str, shape: Curve) -> Region {
    let label = side_name(side);
    Region {
        id: format!("{}_{rid}", label.to_lowercase()),
        name: format!("{label} {name}"),
        side,
        view,
        shape,
    }
}

/// The region sets of a map with these views (id and facing, in the map's order).
pub fn build(views: &[(&'static str, Facing)]) -> Vec<RegionSet> {
    let facing_of = |id: &str| views.iter().find(|v| v.0 == id).map(|v| v.1);
    // The full-body and head views of a facing (not the soles, which face Posterior too).
    let front_back = |facing: Facing| -> Vec<&'static str> {
        views
            .iter()
            .filter(|&&(id, f)| {
                f == facing
                    && ["anterior", "posterior", "head_anterior", "head_posterior"].contains(&id)
            })
            .map(|&(id, _)| id)
            .collect()
    };
    let laterals: Vec<(&'static str, Facing)> = views
        .iter()
        .copied()
        .filter(|&(_, f)| matches!(f, Facing::LeftLateral | Facing::RightLateral))
        .collect();
    // An area at +x and its mirror image, on each of `vids`.
    // Drawn in version 1's frame, moved with the version 2 shoulders.
    let paired =
        |out: &mut Vec<Region>, rid: &str, name: &str, vids: &[&'static str], xy: &[Xy]| {
            let pts: Vec<Pt> = points(xy).into_iter().map(widen_shoulders).collect();
            for &vid in vids {
                let Some(facing) = facing_of(vid) else {
                    continue;
                };
                let plus = side_at_plus_x(facing);
                out.push(sided(plus, rid, name, vid, &pts));
                out.push(sided(other_side(plus), rid, name, vid, &mirrored(&pts)));
            }
        };
    // An area of the right lateral view, mirrored onto a left lateral view.
    let lateral = |facing: Facing, rid: &str, xy: &[Xy]| {
        let mut pts = points(xy);
        // The arm's areas are raised with the version 2 arm.
        if ["upper_arm", "lower_arm"].contains(&rid) {
            pts = pts.into_iter().map(raise_arm).collect();
        }
        if facing == Facing::RightLateral {
            pts
        } else {
            mirrored(&pts)
        }
    };

    let mut wpi = Vec::new();
    for &(rid, name, facings, xy) in WPI_PAIRED_FRONT_BACK {
        let vids: Vec<&'static str> = facings.iter().flat_map(|&f| front_back(f)).collect();
        paired(&mut wpi, rid, name, &vids, xy);
    }
    for &(rid, name, facings, xy) in WPI_MIDLINE {
        for &facing in facings {
            for vid in front_back(facing) {
                wpi.push(region(
                    rid.into(),
                    name.into(),
                    Side::Midline,
                    vid,
                    &points(&xy),
                ));
            }
        }
    }
    for &(vid, facing) in &laterals {
        let side = side_at_plus_x(facing);
        for &(rid, name, xy) in WPI_LATERAL {
            wpi.push(sided(side, rid, name, vid, &lateral(facing, rid, xy)));
        }
        let neck = lateral(facing, "neck", &WPI_LATERAL_NECK);
        wpi.push(region(
            "neck".into(),
            "Neck".into(),
            Side::Midline,
            vid,
            &neck,
        ));
    }

    let mut fine = Vec::new();
    for &(rid, name, facing, xy) in FINE_FRONT_BACK {
        paired(&mut fine, rid, name, &front_back(facing), xy);
    }
    for &(vid, facing) in &laterals {
        let side = side_at_plus_x(facing);
        for &(rid, name, xy) in FINE_LATERAL {
            fine.push(sided(side, rid, name, vid, &lateral(facing, rid, xy)));
        }
    }

    vec![
        RegionSet {
            id: "wpi",
            name: "Widespread Pain Index areas",
            regions: wpi,
        },
        RegionSet {
            id: "locations",
            name: "Pain locations",
            regions: fine,
        },
    ]
}
