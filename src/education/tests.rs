use super::*;
use crate::bodymap::standard;
use crate::metrics::{PainMask, standard_charts};
use crate::model::{
    MarkId, PainQuality, PaintOp, PatientId, ReferredZone, Session, SessionId, TissueDepth,
};

const REGIONS: [&str; 7] = [
    "Head and neck",
    "Neck and shoulder",
    "Upper limb",
    "Trunk and low back",
    "Hip, gluteal and pelvic",
    "Thigh",
    "Leg and foot",
];

/// The views patterns are drawn on, the detail views of the hands and feet included.
const FULL_VIEWS: [&str; 9] = rank::MATCHED_VIEWS;

/// The views other than the detail views, and the detail views that magnify their hands and
/// feet: a clinician draws a hand on one or the other, so a test of how a drawing is made
/// takes each apart.
fn drawn_apart() -> [Vec<&'static str>; 2] {
    let (detail, full): (Vec<&str>, Vec<&str>) = FULL_VIEWS
        .iter()
        .partition(|v| rank::DETAIL_VIEWS.contains(v));
    [full, detail]
}

/// A session whose pain drawing is exactly the given polygons (view, points).
fn drawing(polygons: &[(ViewId, Vec<MapPoint>)]) -> Session {
    let mut session = Session::new(
        SessionId::from_u128(1),
        PatientId::from_u128(2),
        "2026-11-26T09:00".parse().expect("a date-time"),
    );
    for (index, (view, points)) in polygons.iter().enumerate() {
        session.referred_zones.push(ReferredZone {
            id: MarkId(index as u32 + 1),
            view: view.clone(),
            intensity: 6,
            quality: PainQuality::Aching,
            depth: TissueDepth::Deep,
            source: None,
            paint: vec![PaintOp::Fill {
                points: points.clone(),
            }],
            notes: String::new(),
            carried_forward: false,
        });
    }
    session
}

/// The essential zones of `muscle` on `side`, as drawn polygons on every view.
fn essential_of(muscle: &str, side: Side) -> Vec<(ViewId, Vec<MapPoint>)> {
    essential_on(muscle, side, &FULL_VIEWS)
}

/// The essential zones of `muscle` on `side` on `views`.
fn essential_on(muscle: &str, side: Side, views: &[&str]) -> Vec<(ViewId, Vec<MapPoint>)> {
    let library = referral_library();
    let pattern = library.pattern(muscle).expect("the pattern");
    views
        .iter()
        .flat_map(|view| {
            let view = ViewId::new(*view);
            library
                .shapes(pattern, &view, side)
                .essential
                .into_iter()
                .map(move |points| (view.clone(), points))
        })
        .collect()
}

/// The share of muscle `inner`'s essential zone that lies in muscle `outer`'s (0–1).
fn essential_within(inner: &str, outer: &str, side: Side) -> f32 {
    let mask = |muscle: &str| {
        let mut masks: std::collections::BTreeMap<ViewId, PainMask> = Default::default();
        for (view, points) in essential_of(muscle, side) {
            masks
                .entry(view)
                .or_default()
                .apply(&PaintOp::Fill { points });
        }
        masks
    };
    let (inner, outer) = (mask(inner), mask(outer));
    let (mut both, mut all) = (0, 0);
    for (view, x) in &inner {
        all += x.count();
        if let Some(y) = outer.get(view) {
            both += x.and(y).count();
        }
    }
    both as f32 / all.max(1) as f32
}

/// Where `muscle` on `side` ranks (0 = first), or `usize::MAX` when it is not ranked.
fn position_of(ranked: &[Candidate], muscle: &str, side: Side) -> usize {
    ranked
        .iter()
        .position(|c| c.muscle == muscle && c.side == side)
        .unwrap_or(usize::MAX)
}

/// The first few candidates, for a failure's message.
fn top(ranked: &[Candidate], n: usize) -> String {
    ranked
        .iter()
        .take(n)
        .map(|c| format!("{} {:?} {:.3}", c.muscle, c.side, c.score))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A brush stroke: view, radius (mm), points.
type Stroke<'a> = (&'a str, f32, &'a [(f32, f32)]);

/// A session painted with brush strokes.
fn strokes(strokes: &[Stroke<'_>]) -> Session {
    let mut session = drawing(&[]);
    for (index, (view, radius, points)) in strokes.iter().enumerate() {
        session.referred_zones.push(ReferredZone {
            id: MarkId(index as u32 + 1),
            view: ViewId::new(*view),
            intensity: 6,
            quality: PainQuality::Aching,
            depth: TissueDepth::Deep,
            source: None,
            paint: vec![PaintOp::Brush {
                radius: *radius,
                points: points.iter().map(|&(x, y)| MapPoint::new(x, y)).collect(),
            }],
            notes: String::new(),
            carried_forward: false,
        });
    }
    session
}

fn rank(session: &Session) -> Vec<Candidate> {
    rank_session(session, standard_charts(), PatternMasks::standard())
}

#[test]
fn the_library_parses_validates_and_covers_every_region() {
    let library = referral_library();
    assert!(
        library.patterns.len() >= 40,
        "{} patterns",
        library.patterns.len()
    );
    assert_eq!(library.problems(&standard().map), Vec::<String>::new());
    for region in REGIONS {
        assert!(
            library.patterns.iter().any(|p| p.region == region),
            "no pattern in {region}"
        );
    }
    for pattern in &library.patterns {
        assert!(
            REGIONS.contains(&pattern.region.as_str()),
            "{}",
            pattern.region
        );
    }
    // The muscles clinical.md names.
    for muscle in [
        "upper_trapezius",
        "levator_scapulae",
        "sternocleidomastoid_sternal",
        "suboccipitals",
        "temporalis",
        "masseter",
        "infraspinatus",
        "supraspinatus",
        "quadratus_lumborum",
        "gluteus_medius",
        "gluteus_minimus",
        "piriformis",
        "gastrocnemius_medial",
        "soleus",
    ] {
        assert!(library.pattern(muscle).is_some(), "{muscle}");
    }
}

#[test]
fn the_explainers_are_all_there_and_short() {
    let cards = &explainers().cards;
    for id in [
        "trigger_point",
        "dry_needling",
        "not_acupuncture",
        "during",
        "after",
        "side_effects",
        "red_flags",
    ] {
        let card = cards
            .iter()
            .find(|c| c.id == id)
            .unwrap_or_else(|| panic!("card {id}"));
        let words = card.body.split_whitespace().count();
        assert!((40..=180).contains(&words), "{id}: {words} words");
    }
    let red_flags = cards
        .iter()
        .find(|c| c.id == "red_flags")
        .expect("red flags");
    for symptom in ["breath", "chest pain", "cough", "fever"] {
        assert!(red_flags.body.to_lowercase().contains(symptom), "{symptom}");
    }
}

#[test]
fn the_left_side_is_the_mirror_image_of_the_right() {
    let library = referral_library();
    let pattern = library.pattern("upper_trapezius").expect("pattern");
    let right = library.shapes(pattern, &ViewId::new("posterior"), Side::Right);
    let left = library.shapes(pattern, &ViewId::new("posterior"), Side::Left);
    assert!(!right.is_empty());
    assert_eq!(right.essential.len(), left.essential.len());
    for (r, l) in right.essential.iter().zip(&left.essential) {
        for (a, b) in r.iter().zip(l) {
            assert_eq!((a.x, a.y), (-b.x, b.y));
        }
    }
    // On the posterior view the patient's right is +x.
    assert!(right.trigger_points.iter().all(|p| p.x > 0.0));
    // The head-and-neck crop shows the same shapes.
    let head = library.shapes(pattern, &ViewId::new("head_posterior"), Side::Right);
    assert_eq!(head, right);
    // A lateral pattern moves to the other lateral view on the other side.
    let lateral = library.shapes(pattern, &ViewId::new("right_lateral"), Side::Right);
    let mirrored = library.shapes(pattern, &ViewId::new("left_lateral"), Side::Left);
    assert_eq!(lateral.essential.len(), mirrored.essential.len());
}

#[test]
fn every_muscle_ranks_first_for_its_own_essential_zone_on_either_side() {
    let library = referral_library();
    let mut failures = Vec::new();
    for pattern in &library.patterns {
        for side in [Side::Right, Side::Left] {
            let session = drawing(&essential_of(&pattern.muscle, side));
            let ranked = rank(&session);
            let Some(first) = ranked.first() else {
                failures.push(format!("{} {:?}: nothing ranked", pattern.muscle, side));
                continue;
            };
            let own = ranked
                .iter()
                .find(|c| c.muscle == pattern.muscle && c.side == side);
            let position = ranked
                .iter()
                .position(|c| c.muscle == pattern.muscle && c.side == side);
            // Only a pattern whose essential zone lies within the muscle's own may outrank it
            // (quadratus plantae's heel pain inside soleus's heel and calf): that pattern is
            // wholly present in the drawing too. Everything else must rank the muscle first.
            let twins = ranked
                .iter()
                .take_while(|c| !(c.muscle == pattern.muscle && c.side == side))
                .all(|c| essential_within(&c.muscle, &pattern.muscle, side) >= 0.8);
            match own {
                Some(own) if own.score >= first.score - 1e-6 => {}
                Some(_) if twins && position.is_some_and(|p| p < 3) => {}
                Some(own) => failures.push(format!(
                    "{} {:?}: {:.3}, below {} {:?} {:.3}",
                    pattern.muscle, side, own.score, first.muscle, first.side, first.score
                )),
                None => failures.push(format!("{} {:?}: not ranked", pattern.muscle, side)),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_mixed_drawing_ranks_both_of_its_muscles_on_top() {
    for (a, b) in [
        ("upper_trapezius", "gluteus_minimus"),
        ("infraspinatus", "quadratus_lumborum"),
        ("temporalis", "gastrocnemius_medial"),
    ] {
        let mut polygons = essential_of(a, Side::Right);
        polygons.extend(essential_of(b, Side::Left));
        let ranked = rank(&drawing(&polygons));
        let top: Vec<(&str, Side)> = ranked
            .iter()
            .take(2)
            .map(|c| (c.muscle.as_str(), c.side))
            .collect();
        assert!(top.contains(&(a, Side::Right)), "{a} in {top:?}");
        assert!(top.contains(&(b, Side::Left)), "{b} in {top:?}");
    }
}

#[test]
fn smaller_drawings_inside_the_zone_still_find_the_muscle_and_empty_ones_find_nothing() {
    // Each essential polygon shrunk to 70 % around its centre: pain drawn inside the zone
    // without filling it.
    for muscle in [
        "upper_trapezius",
        "gluteus_minimus",
        "infraspinatus",
        "quadratus_lumborum",
    ] {
        let shrunk: Vec<(ViewId, Vec<MapPoint>)> = essential_of(muscle, Side::Right)
            .into_iter()
            .map(|(view, points)| {
                let n = points.len() as f32;
                let cx = points.iter().map(|p| p.x).sum::<f32>() / n;
                let cy = points.iter().map(|p| p.y).sum::<f32>() / n;
                let points = points
                    .iter()
                    .map(|p| MapPoint::new(cx + 0.7 * (p.x - cx), cy + 0.7 * (p.y - cy)))
                    .collect();
                (view, points)
            })
            .collect();
        let ranked = rank(&drawing(&shrunk));
        let position = ranked
            .iter()
            .position(|c| c.muscle == muscle && c.side == Side::Right)
            .unwrap_or(usize::MAX);
        assert!(
            position < 3,
            "{muscle} at {position}: {:?}",
            &ranked[..ranked.len().min(5)]
        );
    }
    assert!(rank(&drawing(&[])).is_empty());
}

#[test]
fn a_tapped_spot_lists_the_patterns_that_cover_it() {
    let library = referral_library();
    let pattern = library.pattern("upper_trapezius").expect("pattern");
    // The first point of the first essential polygon, pulled towards the polygon's centre.
    let shapes = library.shapes(pattern, &ViewId::new("right_lateral"), Side::Right);
    let polygon = shapes.essential.first().expect("a lateral essential zone");
    let n = polygon.len() as f32;
    let centre = MapPoint::new(
        polygon.iter().map(|p| p.x).sum::<f32>() / n,
        polygon.iter().map(|p| p.y).sum::<f32>() / n,
    );
    let ranked = rank_area(
        &ViewId::new("right_lateral"),
        centre,
        10.0,
        standard_charts(),
        PatternMasks::standard(),
    );
    assert!(
        ranked
            .iter()
            .take(8)
            .any(|c| c.muscle == "upper_trapezius" && c.side == Side::Right),
        "{ranked:?}"
    );
    assert!(ranked.iter().all(|c| (0.0..=1.0).contains(&c.score)));
}

/// The classic scalene picture, painted as a clinician would with a brush: the right thumb
/// and index finger, the medial border of the right scapula and the right anterior chest
/// (Travell & Simons). The points are anatomical places on the standard map, checked to lie
/// on the body so a redrawn map fails here with a clear message rather than silently.
#[test]
fn the_four_place_scalene_drawing_ranks_the_scalenes_in_the_top_three() {
    let session = strokes(&[
        // Anterior view: the patient's right is -x.
        (
            "anterior",
            14.0,
            &[(-85.0, 372.0), (-100.0, 405.0), (-98.0, 432.0)],
        ),
        (
            "anterior",
            6.0,
            &[(-303.0, 930.0), (-314.0, 962.0), (-316.0, 995.0)],
        ),
        (
            "anterior",
            4.5,
            &[(-293.5, 1002.0), (-294.0, 1040.0), (-292.0, 1068.0)],
        ),
        // Posterior view: the patient's right is +x.
        (
            "posterior",
            9.0,
            &[(70.0, 345.0), (63.0, 382.0), (66.0, 418.0)],
        ),
    ]);
    let charts = standard_charts();
    for view in ["anterior", "posterior"] {
        let view = ViewId::new(view);
        let painted = charts.painted(&session, &view);
        let all = PainMask::of_view(&session.referred_zones, &view);
        assert!(
            painted.count() * 10 >= all.count() * 9,
            "the drawing on {view} has left the body: {} of {} cells on it",
            painted.count(),
            all.count()
        );
    }
    let ranked = rank(&session);
    let best = ["anterior_scalene", "middle_scalene", "posterior_scalene"]
        .into_iter()
        .map(|m| position_of(&ranked, m, Side::Right))
        .min()
        .unwrap_or(usize::MAX);
    assert!(best < 3, "best scalene at {best}: {}", top(&ranked, 8));
}

#[test]
fn a_pattern_explaining_one_place_of_four_scores_below_the_same_place_alone() {
    // Each pattern's largest essential polygon alone, then with three places far from every
    // zone of the pattern (brush discs on the other side's calf, low back and forehead):
    // explaining one place of four costs, however well the pattern fits its own place.
    let library = referral_library();
    let far = [
        ("posterior", MapPoint::new(-70.0, 1450.0)),
        ("posterior", MapPoint::new(-60.0, 780.0)),
        ("anterior", MapPoint::new(30.0, 70.0)),
    ];
    let mut checked = 0;
    for pattern in &library.patterns {
        let area = crate::bodymap::path::polygon_area;
        let Some((view, polygon)) = essential_of(&pattern.muscle, Side::Right)
            .into_iter()
            .max_by(|(_, a), (_, b)| area(a).total_cmp(&area(b)))
        else {
            continue;
        };
        let score = |session: &Session| {
            rank(session)
                .iter()
                .find(|c| c.muscle == pattern.muscle && c.side == Side::Right)
                .map_or(0.0, |c| c.score)
        };
        let alone = drawing(&[(view.clone(), polygon.clone())]);
        let mut four = alone.clone();
        let mut explains_a_far_place = false;
        for (index, (far_view, at)) in far.iter().enumerate() {
            let shapes = library.shapes(pattern, &ViewId::new(*far_view), Side::Right);
            explains_a_far_place |= shapes.essential.iter().chain(&shapes.spillover).any(|p| {
                crate::bodymap::path::distance_to_polygon(p, *at) < 60.0
                    || crate::bodymap::path::polygon_contains(p, *at)
            });
            four.referred_zones.push(ReferredZone {
                id: MarkId(100 + index as u32),
                view: ViewId::new(*far_view),
                intensity: 6,
                quality: PainQuality::Aching,
                depth: TissueDepth::Deep,
                source: None,
                paint: vec![PaintOp::Brush {
                    radius: 15.0,
                    points: vec![*at],
                }],
                notes: String::new(),
                carried_forward: false,
            });
        }
        if explains_a_far_place {
            continue;
        }
        let (alone, four) = (score(&alone), score(&four));
        assert!(
            four < 0.85 * alone,
            "{}: {four:.3} with three unexplained places, {alone:.3} alone",
            pattern.muscle
        );
        checked += 1;
    }
    assert!(checked >= library.patterns.len() / 2, "{checked}");
}

/// A drawing of each pattern's essential zone moved 15 mm up, down, left or right (a stroke
/// drawn a finger's width off its place) still ranks the muscle in the top three, on both
/// sides: drawn on the full-body views, and (for the patterns that reach a hand or a foot) on
/// the detail views alone. Iterates over the whole library, so new patterns are held to it
/// too.
#[test]
fn every_pattern_drawn_15_mm_off_its_place_stays_in_the_top_three() {
    let library = referral_library();
    let mut failures = Vec::new();
    let (mut off_body, mut drawings) = (0, 0);
    for pattern in &library.patterns {
        for side in [Side::Right, Side::Left] {
            for (views, (dx, dy)) in drawn_apart().iter().flat_map(|views| {
                [(15.0, 0.0), (-15.0, 0.0), (0.0, 15.0), (0.0, -15.0)].map(|shift| (views, shift))
            }) {
                let essential = essential_on(&pattern.muscle, side, views);
                if essential.is_empty() {
                    continue;
                }
                drawings += 1;
                let moved: Vec<(ViewId, Vec<MapPoint>)> = essential
                    .clone()
                    .into_iter()
                    .map(|(view, points)| {
                        let points = points
                            .iter()
                            .map(|p| MapPoint::new(p.x + dx, p.y + dy))
                            .collect();
                        (view, points)
                    })
                    .collect();
                // A stroke has to be on the body to be drawn: a thin zone along an edge (a
                // finger's border) moved three quarters off the body is not a drawing anyone
                // could make.
                let session = drawing(&moved);
                let on_body = |session: &Session| -> usize {
                    FULL_VIEWS
                        .iter()
                        .map(|v| standard_charts().painted(session, &ViewId::new(*v)).count())
                        .sum()
                };
                if on_body(&session) * 4 < on_body(&drawing(&essential)) {
                    off_body += 1;
                    continue;
                }
                let ranked = rank(&session);
                let mut position = position_of(&ranked, &pattern.muscle, side);
                let on_detail = rank::DETAIL_VIEWS.contains(&views[0]);
                // On a hand or foot alone, patterns that share their zones there (the three
                // scalenes' thumb and index finger) are one pattern: count them once.
                if on_detail && position < ranked.len() {
                    let score = ranked[position].score;
                    let mut above: Vec<f32> = ranked[..position]
                        .iter()
                        .map(|c| c.score)
                        .filter(|&s| s > score)
                        .collect();
                    above.dedup();
                    position = above.len();
                }
                // On the life-size hands and feet, 15 mm across is a whole finger or toe over:
                // a drawing of the middle finger moved onto the index finger is the index
                // finger's drawing, and only has to keep the muscle among the six candidates
                // presentation mode lists. Along the digits, and on the full-body views, the
                // muscle stays in the top three.
                let across_digits = on_detail && dx != 0.0;
                let limit = if across_digits { 6 } else { 3 };
                if position >= limit {
                    failures.push(format!(
                        "{} {side:?} on {} moved ({dx}, {dy}): at {position}; {}",
                        pattern.muscle,
                        views[0],
                        top(&ranked, 4)
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} drawings:\n{}",
        failures.len(),
        drawings,
        failures.join("\n")
    );
    // Only a few zones along the body's edge leave it when moved.
    assert!(
        off_body * 50 <= drawings,
        "{off_body} of {drawings} drawings off the body"
    );
}

/// A pain drawing made on a hand or foot view alone finds the patterns that reach it there:
/// the zones drawn on the full-body views are carried onto the detail views.
#[test]
fn drawings_on_the_hand_and_foot_views_find_their_patterns() {
    // The first dorsal interosseous's essential zone painted on the dorsal hands alone.
    for side in [Side::Right, Side::Left] {
        let essential = essential_on("first_dorsal_interosseous", side, &["hands_dorsal"]);
        assert!(!essential.is_empty(), "the pattern reaches the hand view");
        let ranked = rank(&drawing(&essential));
        assert_eq!(
            position_of(&ranked, "first_dorsal_interosseous", side),
            0,
            "{}",
            top(&ranked, 4)
        );
    }
    // The scalenes' thumb and index finger, painted on the palms, rank a scalene in the top
    // three; the extensor hallucis longus's big toe on the feet from above ranks it there too.
    for (muscles, view) in [
        (
            &["anterior_scalene", "middle_scalene", "posterior_scalene"][..],
            "hands_palmar",
        ),
        (&["extensor_hallucis_longus"][..], "feet_dorsal"),
    ] {
        let essential = essential_on(muscles[0], Side::Right, &[view]);
        assert!(!essential.is_empty(), "{} reaches {view}", muscles[0]);
        let ranked = rank(&drawing(&essential));
        let best = muscles
            .iter()
            .map(|m| position_of(&ranked, m, Side::Right))
            .min()
            .unwrap_or(usize::MAX);
        assert!(best < 3, "{view}: {}", top(&ranked, 5));
    }
}
