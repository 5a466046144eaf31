use std::collections::HashSet;

use super::*;
use crate::bodymap::path::polygon_contains;
use crate::bodymap::{ContourKind, Facing, Layer};
use crate::geometry::{MapPoint, views};
use crate::model::Side;

/// The minimum muscle set of `anatomy.md`, each entry with the ids that stand for it.
const MINIMUM_SET: &[(&str, &[&str])] = &[
    ("frontalis", &["frontalis"]),
    ("temporalis", &["temporalis"]),
    ("masseter", &["masseter"]),
    ("lateral pterygoid", &["lateral_pterygoid"]),
    ("occipitalis", &["occipitalis"]),
    ("suboccipitals", &["suboccipitals"]),
    ("splenius capitis", &["splenius_capitis"]),
    ("splenius cervicis", &["splenius_cervicis"]),
    ("semispinalis capitis", &["semispinalis_capitis"]),
    (
        "sternocleidomastoid (sternal and clavicular heads)",
        &[
            "sternocleidomastoid_sternal",
            "sternocleidomastoid_clavicular",
        ],
    ),
    (
        "scalenes (anterior, middle, posterior)",
        &["anterior_scalene", "middle_scalene", "posterior_scalene"],
    ),
    ("digastric", &["digastric"]),
    (
        "trapezius (upper, middle, lower)",
        &["upper_trapezius", "middle_trapezius", "lower_trapezius"],
    ),
    ("levator scapulae", &["levator_scapulae"]),
    (
        "rhomboid major and minor",
        &["rhomboid_major", "rhomboid_minor"],
    ),
    ("supraspinatus", &["supraspinatus"]),
    ("infraspinatus", &["infraspinatus"]),
    ("teres minor", &["teres_minor"]),
    ("teres major", &["teres_major"]),
    ("subscapularis", &["subscapularis"]),
    ("latissimus dorsi", &["latissimus_dorsi"]),
    ("serratus anterior", &["serratus_anterior"]),
    (
        "serratus posterior superior",
        &["serratus_posterior_superior"],
    ),
    (
        "deltoid (anterior, middle, posterior)",
        &["anterior_deltoid", "middle_deltoid", "posterior_deltoid"],
    ),
    ("pectoralis major", &["pectoralis_major"]),
    ("pectoralis minor", &["pectoralis_minor"]),
    ("biceps brachii", &["biceps_brachii"]),
    ("brachialis", &["brachialis"]),
    ("triceps brachii", &["triceps_brachii"]),
    ("coracobrachialis", &["coracobrachialis"]),
    ("brachioradialis", &["brachioradialis"]),
    (
        "wrist extensors",
        &[
            "extensor_carpi_radialis_longus",
            "extensor_carpi_radialis_brevis",
            "extensor_carpi_ulnaris",
        ],
    ),
    ("extensor digitorum", &["extensor_digitorum"]),
    ("supinator", &["supinator"]),
    (
        "wrist flexors",
        &["flexor_carpi_radialis", "flexor_carpi_ulnaris"],
    ),
    ("pronator teres", &["pronator_teres"]),
    (
        "flexor digitorum superficialis",
        &["flexor_digitorum_superficialis"],
    ),
    ("adductor pollicis", &["adductor_pollicis"]),
    ("opponens pollicis", &["opponens_pollicis"]),
    ("first dorsal interosseous", &["first_dorsal_interosseous"]),
    ("rectus abdominis", &["rectus_abdominis"]),
    ("external oblique", &["external_oblique"]),
    ("internal oblique", &["internal_oblique"]),
    (
        "iliocostalis (thoracic, lumbar)",
        &["iliocostalis_thoracis", "iliocostalis_lumborum"],
    ),
    ("longissimus thoracis", &["longissimus_thoracis"]),
    ("multifidus", &["multifidus"]),
    ("quadratus lumborum", &["quadratus_lumborum"]),
    (
        "serratus posterior inferior",
        &["serratus_posterior_inferior"],
    ),
    ("gluteus maximus", &["gluteus_maximus"]),
    ("gluteus medius", &["gluteus_medius"]),
    ("gluteus minimus", &["gluteus_minimus"]),
    ("piriformis", &["piriformis"]),
    ("tensor fasciae latae", &["tensor_fasciae_latae"]),
    ("iliopsoas", &["iliopsoas"]),
    ("adductor longus", &["adductor_longus"]),
    ("adductor magnus", &["adductor_magnus"]),
    ("pectineus", &["pectineus"]),
    ("sartorius", &["sartorius"]),
    ("gracilis", &["gracilis"]),
    ("rectus femoris", &["rectus_femoris"]),
    ("vastus lateralis", &["vastus_lateralis"]),
    ("vastus medialis", &["vastus_medialis"]),
    ("biceps femoris", &["biceps_femoris"]),
    ("semitendinosus", &["semitendinosus"]),
    ("semimembranosus", &["semimembranosus"]),
    (
        "gastrocnemius (medial and lateral heads)",
        &["gastrocnemius_medial", "gastrocnemius_lateral"],
    ),
    ("soleus", &["soleus"]),
    ("tibialis anterior", &["tibialis_anterior"]),
    (
        "fibularis longus and brevis",
        &["fibularis_longus", "fibularis_brevis"],
    ),
    ("extensor digitorum longus", &["extensor_digitorum_longus"]),
    ("tibialis posterior", &["tibialis_posterior"]),
    ("popliteus", &["popliteus"]),
    ("abductor hallucis", &["abductor_hallucis"]),
    ("flexor digitorum brevis", &["flexor_digitorum_brevis"]),
    ("quadratus plantae", &["quadratus_plantae"]),
    ("extensor digitorum brevis", &["extensor_digitorum_brevis"]),
];

/// Deep muscles named by the body-map issue: drawn on the deep layer.
const DEEP: &[&str] = &[
    "gluteus_minimus",
    "piriformis",
    "quadratus_lumborum",
    "multifidus",
    "rhomboid_major",
    "rhomboid_minor",
    "levator_scapulae",
    "supraspinatus",
    "subscapularis",
    "iliopsoas",
    "anterior_scalene",
    "middle_scalene",
    "posterior_scalene",
    "suboccipitals",
    "soleus",
];

#[test]
fn the_embedded_map_parses_validates_and_is_the_one_sessions_name() {
    let map = &standard().map;
    assert_eq!(map.problems(), Vec::<String>::new());
    assert_eq!(map.id, crate::STANDARD_BODY_MAP_ID);
    assert_eq!(map.version, crate::STANDARD_BODY_MAP_VERSION);
    let ids: Vec<&str> = map.views.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(ids, views::ALL.to_vec(), "views in switcher order");
}

#[test]
fn every_muscle_of_the_minimum_set_is_drawn_on_both_sides() {
    let map = &standard().map;
    for (name, ids) in MINIMUM_SET {
        for id in *ids {
            assert!(map.muscle(id).is_some(), "{name}: {id} is not defined");
            let sides: HashSet<Side> = map
                .views
                .iter()
                .flat_map(|v| &v.muscles)
                .filter(|r| r.muscle == *id)
                .map(|r| r.side)
                .collect();
            assert_eq!(
                sides,
                HashSet::from([Side::Left, Side::Right]),
                "{name}: {id} must be drawn on both sides"
            );
        }
    }
    // Every defined muscle is drawn somewhere, and each front/back view draws its muscles
    // on both sides.
    for muscle in &map.muscles {
        assert!(
            map.views
                .iter()
                .any(|v| v.muscles.iter().any(|r| r.muscle == muscle.id)),
            "{} is defined but never drawn",
            muscle.id
        );
    }
    for view in &map.views {
        if matches!(view.facing, Facing::Anterior | Facing::Posterior) {
            for region in &view.muscles {
                let other = region.side.opposite();
                assert!(
                    view.muscles
                        .iter()
                        .any(|r| r.muscle == region.muscle && r.side == other),
                    "{}: {} drawn on one side only",
                    view.id,
                    region.muscle
                );
            }
        }
    }
}

#[test]
fn deep_muscles_are_on_the_deep_layer() {
    let map = &standard().map;
    for id in DEEP {
        assert_eq!(
            map.muscle(id).map(|m| m.layer),
            Some(Layer::Deep),
            "{id} belongs to the deep layer"
        );
    }
}

/// Where a clinician would put a finger, and what they would call it.
#[test]
fn a_point_on_the_anterior_view_names_the_side_a_clinician_would() {
    let index = &standard().index;
    let anterior = &index[&ViewId::new(views::ANTERIOR)];
    // The patient's right pectoralis is on the viewer's left of an anterior view.
    let hit = &anterior.muscles_at(MapPoint::new(-90.0, 400.0))[0];
    assert_eq!(
        (hit.muscle.as_str(), hit.side),
        ("pectoralis_major", Side::Right)
    );
    let hit = &anterior.muscles_at(MapPoint::new(90.0, 400.0))[0];
    assert_eq!(
        (hit.muscle.as_str(), hit.side),
        ("pectoralis_major", Side::Left)
    );
    // The right quadriceps (viewer's left), the left tibialis anterior (viewer's right).
    let hit = &anterior.muscles_at(MapPoint::new(-108.0, 1000.0))[0];
    assert_eq!(
        (hit.muscle.as_str(), hit.side),
        ("rectus_femoris", Side::Right)
    );
    let hit = &anterior.muscles_at(MapPoint::new(100.0, 1420.0))[0];
    assert_eq!(
        (hit.muscle.as_str(), hit.side),
        ("tibialis_anterior", Side::Left)
    );
    // On the posterior view the patient's right is on the viewer's right.
    let posterior = &index[&ViewId::new(views::POSTERIOR)];
    let hit = &posterior.muscles_at(MapPoint::new(110.0, 860.0))[0];
    assert_eq!(
        (hit.muscle.as_str(), hit.side),
        ("gluteus_maximus", Side::Right)
    );
}

#[test]
fn layered_muscles_come_superficial_first() {
    let posterior = &standard().index[&ViewId::new(views::POSTERIOR)];
    let at = |x, y| -> Vec<String> {
        posterior
            .muscles_at(MapPoint::new(x, y))
            .into_iter()
            .map(|h| h.muscle)
            .collect()
    };
    // Over the right buttock: gluteus maximus, then piriformis beneath it.
    let buttock = at(90.0, 822.0);
    assert_eq!(buttock[0], "gluteus_maximus", "{buttock:?}");
    assert!(buttock.contains(&"piriformis".to_owned()), "{buttock:?}");
    // Between the shoulder blades: trapezius over the rhomboids.
    let interscapular = at(40.0, 360.0);
    assert!(interscapular[0].ends_with("trapezius"), "{interscapular:?}");
    assert!(
        interscapular.contains(&"rhomboid_major".to_owned()),
        "{interscapular:?}"
    );
    // The lateral views raise the arm forward, over the front of the trunk, and leave the
    // lateral chest wall (serratus anterior on the mid-axillary line) in view.
    let lateral = &standard().index[&ViewId::new(views::RIGHT_LATERAL)];
    let chest_wall = lateral.muscles_at(MapPoint::new(0.0, 560.0));
    assert_eq!(chest_wall[0].muscle, "serratus_anterior", "{chest_wall:?}");
    let hits = lateral.muscles_at(MapPoint::new(129.0, 513.0));
    assert_eq!(hits[0].side, Side::Right);
    assert!(
        ["triceps_brachii", "biceps_brachii", "brachialis"].contains(&hits[0].muscle.as_str()),
        "{hits:?}"
    );
}

#[test]
fn region_sets_code_the_widespread_pain_index_and_named_locations() {
    let map = &standard().map;
    let wpi = map
        .region_sets
        .iter()
        .find(|s| s.id == "wpi")
        .expect("WPI set");
    let areas: HashSet<&str> = wpi.regions.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(areas.len(), 19, "{areas:?}");
    let index = &standard().index;
    let anterior = &index[&ViewId::new(views::ANTERIOR)];
    assert_eq!(
        anterior.region_at("wpi", MapPoint::new(-60.0, 180.0)),
        Some("right_jaw")
    );
    assert_eq!(
        anterior.region_at("wpi", MapPoint::new(0.0, 700.0)),
        Some("abdomen")
    );
    let lateral = &index[&ViewId::new(views::RIGHT_LATERAL)];
    assert_eq!(
        lateral.region_at("locations", MapPoint::new(0.0, 1050.0)),
        Some("right_lateral_thigh")
    );
    let posterior = &index[&ViewId::new(views::POSTERIOR)];
    assert_eq!(
        posterior.region_at("locations", MapPoint::new(-60.0, 150.0)),
        Some("left_suboccipital")
    );
}

#[test]
fn the_demo_library_charts_on_the_muscles_it_names() {
    let map = standard();
    for (_patient, sessions) in crate::demo::demo_records() {
        for session in sessions {
            for tp in &session.trigger_points {
                let Some(muscle) = &tp.muscle else { continue };
                let index = &map.index[&tp.view];
                // On the muscle, or within a finger's width (10 mm) of it.
                let on_muscle = [-10.0, 0.0, 10.0].iter().any(|&dx| {
                    [-10.0, 0.0, 10.0].iter().any(|&dy| {
                        index
                            .muscles_at(MapPoint::new(tp.at.x + dx, tp.at.y + dy))
                            .iter()
                            .any(|h| h.muscle == muscle.0 && h.side == tp.side)
                    })
                });
                assert!(
                    on_muscle,
                    "{}: trigger point in {} ({:?}) at {:?} on {} lies on {:?}",
                    session.started_at,
                    muscle.0,
                    tp.side,
                    tp.at,
                    tp.view,
                    index.muscles_at(tp.at)
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Proportions: anatomy.md's landmarks (fractions of standing height, from the floor) measured on
// every full-body view, within 1 % of height; the biacromial width within 2 %.

/// Standing height of the reference adult (mm).
const H: f32 = 1750.0;
/// 1 % of height.
const TOLERANCE: f32 = 0.01 * H;

/// A landmark's y on the map: `fraction` of H from the floor.
fn level(fraction: f32) -> f32 {
    (1.0 - fraction) * H
}

fn full_view(id: &str) -> &'static crate::bodymap::View {
    standard()
        .map
        .view(&ViewId::new(id))
        .unwrap_or_else(|| panic!("view {id}"))
}

/// Every outline part of a view, flattened.
fn outline_parts(view: &crate::bodymap::View) -> Vec<Vec<MapPoint>> {
    view.outline.iter().map(|p| p.flatten(0.5)).collect()
}

/// The x where the closed polygon crosses height `y`, sorted.
fn crossings(poly: &[MapPoint], y: f32) -> Vec<f32> {
    let mut xs = Vec::new();
    for i in 0..poly.len() {
        let (a, b) = (poly[i], poly[(i + 1) % poly.len()]);
        if (a.y <= y) != (b.y <= y) {
            xs.push(a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x));
        }
    }
    xs.sort_by(f32::total_cmp);
    xs
}

/// The centre (of its bounding box) of the contour of `kind` nearest to `near`, as a landmark
/// drawn on the view (an eye, a nipple, the navel, a patella, a malleolus); `lowest` takes the
/// contour's lowest point instead (the chin on the jaw line).
fn landmark(view: &crate::bodymap::View, kind: ContourKind, near: (f32, f32), lowest: bool) -> f32 {
    let (x, y) = near;
    let found = view
        .contours
        .iter()
        .filter(|c| c.kind == kind)
        .map(|c| {
            let pts = c.path.flatten(0.5);
            let (x0, x1) = pts
                .iter()
                .fold((f32::MAX, f32::MIN), |(a, b), p| (a.min(p.x), b.max(p.x)));
            let (y0, y1) = pts
                .iter()
                .fold((f32::MAX, f32::MIN), |(a, b), p| (a.min(p.y), b.max(p.y)));
            let centre = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
            let distance = (centre.0 - x).hypot(centre.1 - y);
            (distance, if lowest { y1 } else { centre.1 })
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .filter(|(distance, _)| *distance < 60.0)
        .unwrap_or_else(|| panic!("{}: no {kind:?} contour near ({x}, {y})", view.id.0));
    found.1
}

fn assert_level(view: &str, what: &str, measured: f32, fraction: f32) {
    let expected = level(fraction);
    assert!(
        (measured - expected).abs() <= TOLERANCE,
        "{view}: {what} at y = {measured:.1}, anatomy.md puts it at {expected:.1} ({fraction} H) ± {TOLERANCE}"
    );
}

#[test]
fn every_full_body_view_has_the_proportions_of_anatomy_md() {
    use ContourKind::{Bone, Feature};
    for id in [
        views::ANTERIOR,
        views::POSTERIOR,
        views::LEFT_LATERAL,
        views::RIGHT_LATERAL,
    ] {
        let view = full_view(id);
        let parts = outline_parts(view);
        let all: Vec<MapPoint> = parts.iter().flatten().copied().collect();
        let top = all.iter().map(|p| p.y).fold(f32::MAX, f32::min);
        let floor = parts[0].iter().map(|p| p.y).fold(f32::MIN, f32::max);
        assert_level(id, "top of the head", top, 1.0);
        assert_level(id, "sole", floor, 0.0);
        // Lateral views are drawn for the right and mirrored: x towards the face.
        let face = if id == views::LEFT_LATERAL { -1.0 } else { 1.0 };
        match view.facing {
            Facing::Anterior | Facing::Posterior => {
                // Biacromial width at acromion level, and the acromion's height at its tip.
                let xs = crossings(&parts[0], level(0.818));
                let width = xs.last().expect("a body") - xs.first().expect("a body");
                assert!(
                    (width / (0.259 * H) - 1.0).abs() <= 0.02,
                    "{id}: biacromial width {width:.0} mm, anatomy.md 0.259 H = {:.0} mm ± 2 %",
                    0.259 * H
                );
                let acromion = (0..400)
                    .map(|y| y as f32)
                    .find(|&y| polygon_contains(&parts[0], MapPoint::new(0.122 * H, y)))
                    .expect("the shoulder");
                assert_level(id, "acromion", acromion, 0.818);
                // The fingertips of the hanging arm, the wrist as the forearm's narrowest
                // point above the hand, the crotch where the legs part.
                let fingertips = all
                    .iter()
                    .filter(|p| p.x.abs() > 200.0)
                    .map(|p| p.y)
                    .fold(f32::MIN, f32::max);
                assert_level(id, "fingertips", fingertips, 0.377);
                let wrist = (840..960)
                    .map(|y| y as f32)
                    .min_by(|&a, &b| {
                        let width = |y: f32| {
                            let xs: Vec<f32> = crossings(&parts[0], y)
                                .into_iter()
                                .filter(|x| *x > 190.0)
                                .collect();
                            xs.last().copied().unwrap_or(0.0) - xs.first().copied().unwrap_or(0.0)
                        };
                        width(a).total_cmp(&width(b))
                    })
                    .expect("a forearm");
                assert_level(id, "wrist", wrist, 0.485);
                let crotch = (800..1200)
                    .map(|y| y as f32)
                    .find(|&y| !polygon_contains(&parts[0], MapPoint::new(0.0, y)))
                    .expect("the legs part");
                assert_level(id, "crotch", crotch, 0.470);
                let x = |x: f32| {
                    if view.facing == Facing::Anterior {
                        -x
                    } else {
                        x
                    }
                };
                if view.facing == Facing::Anterior {
                    assert_level(
                        id,
                        "eyes",
                        landmark(view, Feature, (x(33.0), 112.0), false),
                        0.936,
                    );
                    assert_level(
                        id,
                        "chin",
                        landmark(view, Feature, (0.0, 222.0), true),
                        0.870,
                    );
                    assert_level(
                        id,
                        "nipples",
                        landmark(view, Feature, (x(92.0), 490.0), false),
                        0.720,
                    );
                    assert_level(
                        id,
                        "navel",
                        landmark(view, Feature, (0.0, 700.0), false),
                        0.600,
                    );
                    assert_level(
                        id,
                        "elbow crease",
                        landmark(view, Feature, (x(236.0), 648.0), false),
                        0.630,
                    );
                    assert_level(
                        id,
                        "knee (patella)",
                        landmark(view, Bone, (x(82.0), 1240.0), false),
                        0.285,
                    );
                } else {
                    assert_level(
                        id,
                        "elbow (olecranon)",
                        landmark(view, Bone, (x(240.0), 648.0), false),
                        0.630,
                    );
                    assert_level(
                        id,
                        "greater trochanter",
                        landmark(view, Bone, (x(160.0), 823.0), false),
                        0.530,
                    );
                    assert_level(
                        id,
                        "knee (popliteal crease)",
                        landmark(view, Feature, (x(84.0), 1262.0), false),
                        0.285,
                    );
                }
                assert_level(
                    id,
                    "ankle (malleolus)",
                    landmark(view, Bone, (x(70.0), 1672.0), false),
                    0.039,
                );
            }
            Facing::LeftLateral | Facing::RightLateral => {
                // The arm is raised forward on the lateral views: its joints are measured on
                // the front and back views.
                let x = |x: f32| face * x;
                assert_level(
                    id,
                    "eye",
                    landmark(view, Feature, (x(80.0), 110.0), false),
                    0.936,
                );
                assert_level(
                    id,
                    "chin",
                    landmark(view, Bone, (x(40.0), 215.0), true),
                    0.870,
                );
                assert_level(
                    id,
                    "greater trochanter",
                    landmark(view, Bone, (x(-10.0), 835.0), false),
                    0.530,
                );
                assert_level(
                    id,
                    "knee (patella)",
                    landmark(view, Bone, (x(60.0), 1240.0), false),
                    0.285,
                );
                assert_level(
                    id,
                    "ankle (malleolus)",
                    landmark(view, Bone, (x(0.0), 1685.0), false),
                    0.039,
                );
            }
        }
    }
}

/// The muscles of body map version 2 (issue #19, against Travell & Simons vols 1 and 2), with
/// whether each lies on the deep layer.
const VERSION_2_MUSCLES: &[(&str, bool)] = &[
    ("medial_pterygoid", true),
    ("zygomaticus_major", false),
    ("orbicularis_oculi", false),
    ("buccinator", true),
    ("platysma", false),
    ("semispinalis_cervicis", true),
    ("cervical_multifidi", true),
    ("longus_colli", true),
    ("infrahyoids", false),
    ("subclavius", true),
    ("sternalis", false),
    ("intercostals", true),
    ("diaphragm", true),
    ("transversus_abdominis", true),
    ("pyramidalis", false),
    ("anconeus", false),
    ("palmaris_longus", false),
    ("flexor_digitorum_profundus", true),
    ("flexor_pollicis_longus", true),
    ("extensor_indicis", true),
    ("dorsal_interossei_hand", false),
    ("palmar_interossei_hand", true),
    ("lumbricals_hand", true),
    ("abductor_pollicis_brevis", false),
    ("flexor_pollicis_brevis", false),
    ("abductor_digiti_minimi_hand", false),
    ("flexor_digiti_minimi_hand", false),
    ("opponens_digiti_minimi", true),
    ("pelvic_floor", true),
    ("obturator_internus", true),
    ("obturator_externus", true),
    ("gemelli", true),
    ("quadratus_femoris", true),
    ("vastus_intermedius", true),
    ("adductor_brevis", true),
    ("plantaris", true),
    ("flexor_digitorum_longus", true),
    ("flexor_hallucis_longus", true),
    ("extensor_hallucis_longus", false),
    ("extensor_hallucis_brevis", false),
    ("fibularis_tertius", false),
    ("flexor_hallucis_brevis", true),
    ("adductor_hallucis", true),
    ("flexor_digiti_minimi_pedis", true),
    ("lumbricals_foot", true),
    ("plantar_interossei_foot", true),
    ("dorsal_interossei_foot", true),
];

#[test]
fn the_muscles_a_dry_needling_clinician_expects_are_drawn_on_both_sides_and_their_layer() {
    let map = &standard().map;
    assert!(map.muscles.len() >= 130, "{} muscles", map.muscles.len());
    for &(id, deep) in VERSION_2_MUSCLES {
        let muscle = map
            .muscle(id)
            .unwrap_or_else(|| panic!("{id} is not defined"));
        let layer = if deep {
            Layer::Deep
        } else {
            Layer::Superficial
        };
        assert_eq!(muscle.layer, layer, "{id}");
        let sides: HashSet<Side> = map
            .views
            .iter()
            .flat_map(|v| &v.muscles)
            .filter(|r| r.muscle == id)
            .map(|r| r.side)
            .collect();
        assert_eq!(sides, HashSet::from([Side::Left, Side::Right]), "{id}");
    }
    // Regions that are not a palpable surface say how the muscle is reached.
    for id in ["diaphragm", "pelvic_floor"] {
        let note = &map.muscle(id).expect("defined").note;
        assert!(note.contains("Not palpable"), "{id}: {note:?}");
    }
}

#[test]
fn the_hand_and_foot_views_show_both_sides_with_their_intrinsic_muscles() {
    for (id, facing, muscles) in [
        (
            views::HANDS_PALMAR,
            Facing::Anterior,
            &[
                "abductor_pollicis_brevis",
                "opponens_pollicis",
                "abductor_digiti_minimi_hand",
                "lumbricals_hand",
            ][..],
        ),
        (
            views::HANDS_DORSAL,
            Facing::Posterior,
            &["first_dorsal_interosseous", "dorsal_interossei_hand"][..],
        ),
        (
            views::FEET_DORSAL,
            Facing::Anterior,
            &[
                "extensor_digitorum_brevis",
                "extensor_hallucis_brevis",
                "dorsal_interossei_foot",
            ][..],
        ),
        (
            views::FEET_MEDIAL,
            Facing::Posterior,
            &["abductor_hallucis", "flexor_hallucis_brevis"][..],
        ),
    ] {
        let view = full_view(id);
        assert_eq!(view.facing, facing, "{id}");
        assert_eq!(view.outline.len(), 2, "{id}: both hands or both feet");
        for muscle in muscles {
            let sides: HashSet<Side> = view
                .muscles
                .iter()
                .filter(|r| r.muscle == *muscle)
                .map(|r| r.side)
                .collect();
            assert_eq!(
                sides,
                HashSet::from([Side::Left, Side::Right]),
                "{id}: {muscle}"
            );
        }
    }
    // Palms and tops of the feet face the viewer: the patient's right is on the viewer's left.
    let palms = &standard().index[&ViewId::new(views::HANDS_PALMAR)];
    let hit = &palms.muscles_at(MapPoint::new(-200.0, 190.0))[0];
    assert_eq!(
        (hit.muscle.as_str(), hit.side),
        ("abductor_pollicis_brevis", Side::Right)
    );
}
