use std::collections::HashSet;

use super::*;
use crate::bodymap::{Facing, Layer};
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
    // The lateral views put the arm over the trunk.
    let lateral = &standard().index[&ViewId::new(views::RIGHT_LATERAL)];
    let hits = lateral.muscles_at(MapPoint::new(0.0, 560.0));
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
