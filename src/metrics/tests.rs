//! Metrics on synthetic drawings whose answers are known by geometry.

use super::*;
use crate::bodymap::{BODY_MAP_FORMAT_VERSION, Facing, Path, Segment, View};
use crate::model::{
    Finding, MuscleRef, PainQuality, PatientId, ReferredZone, SessionId, Side, TissueDepth,
    TriggerPoint,
};

const POSTERIOR: &str = "posterior";

fn p(x: f32, y: f32) -> MapPoint {
    MapPoint::new(x, y)
}

fn square(x: f32, y: f32, size: f32) -> Vec<MapPoint> {
    vec![
        p(x, y),
        p(x + size, y),
        p(x + size, y + size),
        p(x, y + size),
    ]
}

/// A chart whose posterior view is the rectangle x ∈ [-150, 150], y ∈ [100, 1100]: 300,000 mm².
fn charts() -> BodyCharts {
    let outline = Path {
        start: p(-150.0, 100.0),
        segments: vec![
            Segment::L(p(150.0, 100.0)),
            Segment::L(p(150.0, 1100.0)),
            Segment::L(p(-150.0, 1100.0)),
        ],
        closed: true,
    };
    BodyCharts::from_map(&BodyMap {
        format_version: BODY_MAP_FORMAT_VERSION,
        id: "test".into(),
        version: 1,
        name: "Test".into(),
        muscles: vec![],
        views: vec![View {
            id: ViewId::new(POSTERIOR),
            name: "Posterior".into(),
            facing: Facing::Posterior,
            outline: vec![outline],
            contours: vec![],
            muscles: vec![],
        }],
        region_sets: vec![],
        safety_zones: vec![],
    })
}

fn session(paint: Vec<Vec<PaintOp>>) -> Session {
    let started = jiff::civil::date(2026, 1, 1).at(9, 0, 0, 0);
    let mut session = Session::new(SessionId::from_u128(1), PatientId::from_u128(2), started);
    for (i, ops) in paint.into_iter().enumerate() {
        session.referred_zones.push(ReferredZone {
            id: MarkId(i as u32 + 1),
            view: ViewId::new(POSTERIOR),
            intensity: 5,
            quality: PainQuality::Aching,
            depth: TissueDepth::Deep,
            source: None,
            paint: ops,
            notes: String::new(),
            carried_forward: false,
        });
    }
    session
}

fn fill(points: Vec<MapPoint>) -> PaintOp {
    PaintOp::Fill { points }
}

fn close(a: f32, b: f32, tolerance: f32) -> bool {
    (a - b).abs() <= tolerance
}

#[test]
fn a_brush_dot_paints_a_disc() {
    let mut mask = PainMask::new();
    mask.apply(&PaintOp::Brush {
        radius: 30.0,
        points: vec![p(0.0, 500.0)],
    });
    let exact = std::f32::consts::PI * 30.0 * 30.0;
    assert!(
        close(mask.area_mm2(), exact, exact * 0.03),
        "{}",
        mask.area_mm2()
    );
    let centre = mask.centroid().expect("painted");
    assert!(centre.distance(p(0.0, 500.0)) < 1.0);
}

#[test]
fn a_stroke_paints_a_capsule_and_erasing_removes_it() {
    let mut mask = PainMask::new();
    let line = vec![p(-60.0, 400.0), p(60.0, 400.0)];
    mask.apply(&PaintOp::Brush {
        radius: 10.0,
        points: line.clone(),
    });
    // A 120 × 20 mm band plus two half-discs.
    let exact = 120.0 * 20.0 + std::f32::consts::PI * 100.0;
    assert!(
        close(mask.area_mm2(), exact, exact * 0.05),
        "{}",
        mask.area_mm2()
    );
    mask.apply(&PaintOp::Erase {
        radius: 12.0,
        points: line,
    });
    assert_eq!(mask.count(), 0);
}

#[test]
fn extent_is_a_share_of_the_body_chart_and_ignores_paint_off_the_body() {
    let charts = charts();
    assert!(close(
        charts.area(&ViewId::new(POSTERIOR)).expect("known"),
        300_000.0,
        3_000.0
    ));
    // A 60 × 60 mm square on the body, and another entirely beside it.
    let drawing = session(vec![
        vec![fill(square(0.0, 500.0, 60.0))],
        vec![fill(square(200.0, 500.0, 60.0))],
    ]);
    let metrics = session_metrics(&drawing, &charts);
    let view = &metrics.views[0];
    assert!(
        close(view.painted_mm2, 3_600.0, 200.0),
        "{}",
        view.painted_mm2
    );
    let extent = view.extent_percent.expect("chart known");
    assert!(close(extent, 1.2, 0.07), "{extent}");
    assert_eq!(metrics.total_extent_percent, Some(extent));
    let centre = view.centroid.expect("painted");
    assert!(centre.distance(p(30.0, 530.0)) < 2.0, "{centre:?}");
}

#[test]
fn jaccard_difference_and_centroid_shift_of_two_squares() {
    let charts = charts();
    // Two 60 mm squares overlapping by half: intersection 1,800, union 5,400 → 1/3.
    let earlier = session(vec![vec![fill(square(0.0, 500.0, 60.0))]]);
    let later = session(vec![vec![fill(square(30.0, 500.0, 60.0))]]);
    let comparison = compare(&earlier, &later, &charts);
    let view = &comparison.views[0];
    assert!(
        close(view.jaccard.expect("painted"), 1.0 / 3.0, 0.03),
        "{view:?}"
    );
    assert!(close(view.persisting_mm2, 1_800.0, 150.0));
    assert!(close(view.new_mm2, 1_800.0, 150.0));
    assert!(close(view.resolved_mm2, 1_800.0, 150.0));
    assert!(close(
        view.centroid_shift_mm.expect("both painted"),
        30.0,
        1.0
    ));
    // Same extent: no change, and certainly not "improvement".
    assert_eq!(view.extent_change, Some(Change::WithinMeasurementError));

    let same = compare(&earlier, &earlier, &charts);
    assert_eq!(same.views[0].jaccard, Some(1.0));
    let disjoint = compare(
        &earlier,
        &session(vec![vec![fill(square(-140.0, 900.0, 60.0))]]),
        &charts,
    );
    assert_eq!(disjoint.views[0].jaccard, Some(0.0));
}

#[test]
fn changes_smaller_than_measurement_error_are_not_progress() {
    let charts = charts();
    // 0.5 pp of 300,000 mm² is 1,500 mm².
    let earlier = session(vec![vec![fill(square(-100.0, 300.0, 120.0))]]); // 14,400 mm², 4.8 %
    let slightly_less = session(vec![vec![fill(square(-100.0, 300.0, 115.0))]]); // 13,225 mm², −0.39 pp
    let much_less = session(vec![vec![fill(square(-100.0, 300.0, 80.0))]]); // 6,400 mm², −2.67 pp
    let more = session(vec![vec![fill(square(-100.0, 300.0, 150.0))]]);

    let c = compare(&earlier, &slightly_less, &charts);
    assert_eq!(
        c.total_extent_change,
        Some(Change::WithinMeasurementError),
        "{c:?}"
    );
    let c = compare(&earlier, &much_less, &charts);
    assert_eq!(c.total_extent_change, Some(Change::Less));
    assert!(close(c.total_extent_change_pp.expect("known"), -2.67, 0.1));
    assert_eq!(
        compare(&earlier, &more, &charts).total_extent_change,
        Some(Change::More)
    );
    // Pain gone entirely is a change too.
    let none = session(vec![]);
    let c = compare(&earlier, &none, &charts);
    assert_eq!(c.total_extent_change, Some(Change::Less));
    assert!(close(c.views[0].resolved_mm2, 14_400.0, 300.0));
}

#[test]
fn trigger_points_match_by_muscle_side_and_distance() {
    let tp = |id: u32, muscle: &str, side: Side, x: f32, y: f32| TriggerPoint {
        id: MarkId(id),
        view: ViewId::new(POSTERIOR),
        at: p(x, y),
        muscle: Some(MuscleRef::new(muscle)),
        side,
        status: TriggerPointStatus::Active,
        taut_band: Finding::Present,
        spot_tenderness: Finding::Present,
        local_twitch_response: Finding::NotTested,
        recognised_referral: Finding::Present,
        pressure_pain_threshold: None,
        notes: String::new(),
        carried_forward: false,
    };
    let mut earlier = session(vec![]);
    earlier.trigger_points = vec![
        tp(1, "upper_trapezius", Side::Right, 135.0, 298.0),
        tp(2, "upper_trapezius", Side::Left, -135.0, 300.0),
        tp(3, "levator_scapulae", Side::Right, 62.0, 282.0),
    ];
    let mut later = session(vec![]);
    later.trigger_points = vec![
        tp(7, "upper_trapezius", Side::Right, 140.0, 305.0), // the same point, re-found
        tp(8, "levator_scapulae", Side::Right, 62.0, 360.0), // 78 mm lower: a new point
        tp(9, "infraspinatus", Side::Right, 90.0, 420.0),
    ];
    let matches = match_trigger_points(&earlier, &later);
    assert_eq!(matches.persisting, vec![(MarkId(1), MarkId(7))]);
    assert_eq!(matches.resolved, vec![MarkId(2), MarkId(3)]);
    assert_eq!(matches.new, vec![MarkId(8), MarkId(9)]);
}

#[test]
fn counts_follow_the_record() {
    let demo = crate::demo::demo_records();
    let first = &demo[0].1[0];
    let metrics = session_metrics(first, &BodyCharts::default());
    assert_eq!(metrics.active_trigger_points, 3);
    assert_eq!(metrics.latent_trigger_points, 1);
    assert_eq!(metrics.needle_sites, 2);
    assert_eq!(metrics.muscles_needled, 2);
    assert_eq!(metrics.twitch_responses, 6);
    // Without a body chart there is area but no extent.
    assert!(
        metrics
            .views
            .iter()
            .all(|v| v.extent_percent.is_none() && v.painted_mm2 > 0.0)
    );
    assert_eq!(metrics.total_extent_percent, None);
}

#[test]
fn hostile_paint_is_ignored_or_clipped_to_the_frame() {
    let mut mask = PainMask::new();
    mask.apply(&PaintOp::Brush {
        radius: f32::INFINITY,
        points: vec![p(0.0, 500.0)],
    });
    mask.apply(&PaintOp::Brush {
        radius: 20.0,
        points: vec![p(1e30, -1e30), p(f32::NAN, 0.0)],
    });
    mask.apply(&PaintOp::Fill {
        points: vec![p(0.0, 0.0), p(10.0, f32::NAN), p(0.0, 10.0)],
    });
    assert_eq!(mask.count(), 0, "non-numbers paint nothing");
    // A huge lasso paints the whole frame and no more.
    mask.apply(&PaintOp::Fill {
        points: vec![
            p(-1e30, -1e30),
            p(1e30, -1e30),
            p(1e30, 1e30),
            p(-1e30, 1e30),
        ],
    });
    assert_eq!(mask.count(), mask.cells());
    // A brush far off the frame paints nothing.
    let mut far = PainMask::new();
    far.apply(&PaintOp::Brush {
        radius: 50.0,
        points: vec![p(5_000.0, 500.0), p(6_000.0, 500.0)],
    });
    assert_eq!(far.count(), 0);
}

#[test]
fn strokes_paint_exactly_the_cells_within_the_radius() {
    // The span rasteriser against the definition: a cell is painted when its centre is
    // within the radius of the polyline.
    let strokes = [
        (
            vec![
                p(-40.0, 300.0),
                p(35.5, 341.2),
                p(20.0, 420.0),
                p(21.0, 421.0),
            ],
            12.5,
        ),
        (vec![p(0.0, 600.0), p(0.0, 700.0)], 7.0),
        (vec![p(-80.0, 900.0), p(80.0, 899.0)], 4.2),
        (vec![p(10.0, 1000.0)], 9.9),
    ];
    for (points, radius) in strokes {
        let mut mask = PainMask::new();
        mask.apply(&PaintOp::Brush {
            radius,
            points: points.clone(),
        });
        let mut checked = 0;
        for row in 0..600 {
            for column in 0..333 {
                let c = PainMask::cell_centre(column, row);
                let distance = if points.len() == 1 {
                    c.distance(points[0])
                } else {
                    points
                        .windows(2)
                        .map(|w| crate::bodymap::path::distance_to_segment(c, w[0], w[1]))
                        .fold(f32::INFINITY, f32::min)
                };
                // Leave a hair's breadth at the boundary to floating-point rounding.
                if (distance - radius).abs() > 1e-3 {
                    assert_eq!(
                        mask.get(column, row),
                        distance < radius,
                        "{c:?} at {distance}"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 100_000);
    }
}

#[test]
fn painted_areas_are_coded_as_widespread_pain_index_areas_and_locations() {
    let map = &crate::bodymap::standard().map;
    let charts = BodyCharts::from_map(map);
    // The right buttock (posterior view: the patient's right is +x) and the neck.
    let buttock = PaintOp::Brush {
        radius: 15.0,
        points: vec![p(90.0, 850.0), p(120.0, 880.0)],
    };
    let neck = PaintOp::Brush {
        radius: 8.0,
        points: vec![p(0.0, 240.0), p(10.0, 260.0)],
    };
    let drawing = session(vec![vec![buttock.clone()], vec![neck]]);
    let metrics = session_metrics(&drawing, &charts);
    assert_eq!(metrics.wpi_areas, vec!["neck", "right_hip_buttock"]);
    assert!(
        metrics.locations.contains(&"right_buttock".to_owned()),
        "{:?}",
        metrics.locations
    );
    // Midline neck pain touches both sides of the neck.
    assert!(
        metrics
            .locations
            .contains(&"left_posterior_neck".to_owned())
    );
    let only_buttock = session_metrics(&session(vec![vec![buttock.clone()]]), &charts);
    assert_eq!(only_buttock.locations, vec!["right_buttock"]);
    // The same stroke mirrored is the left buttock.
    let mirrored = PaintOp::Brush {
        radius: 15.0,
        points: vec![p(-90.0, 850.0), p(-120.0, 880.0)],
    };
    let metrics = session_metrics(&session(vec![vec![mirrored]]), &charts);
    assert_eq!(metrics.wpi_areas, vec!["left_hip_buttock"]);
    assert!(
        session_metrics(&session(vec![]), &charts)
            .wpi_areas
            .is_empty()
    );
}

#[test]
fn the_frequency_map_counts_the_visits_with_pain_in_each_cell() {
    let charts = charts();
    let a = session(vec![vec![fill(square(-100.0, 500.0, 60.0))]]);
    let b = session(vec![vec![fill(square(-70.0, 500.0, 60.0))]]);
    let none = session(vec![]);
    let counts = frequency_counts(&[&a, &b, &none], &charts);
    let cells = &counts[&ViewId::new(POSTERIOR)];
    let columns = PainMask::new().columns();
    let at = |x: f32, y: f32| {
        let column = ((x + crate::metrics::FRAME_HALF_WIDTH) / crate::metrics::CELL_MM) as usize;
        let row = (y / crate::metrics::CELL_MM) as usize;
        cells[row * columns + column]
    };
    assert_eq!(at(-90.0, 520.0), 1, "only the first square");
    assert_eq!(at(-50.0, 520.0), 2, "both squares");
    assert_eq!(at(-20.0, 520.0), 1, "only the second");
    assert_eq!(at(100.0, 900.0), 0);
    assert_eq!(counts.len(), 1, "only painted views are counted");
}

#[test]
fn dilation_adds_exactly_the_cells_within_the_radius_and_counts_agree() {
    // Against the definition: a cell is in the dilated mask when its centre is within the
    // radius (rounded down to whole cells) of a painted cell's centre.
    let mut mask = PainMask::new();
    mask.apply(&fill(square(-30.0, 400.0, 40.0)));
    mask.apply(&PaintOp::Brush {
        radius: 4.0,
        points: vec![p(60.0, 420.0), p(90.0, 470.0)],
    });
    // A cell on the frame's edge grows without wrapping to the next row.
    mask.apply(&fill(square(-500.0, 900.0, 2.9)));
    let painted: Vec<(usize, usize)> = mask
        .painted_cells()
        .map(|i| (i % mask.columns(), i / mask.columns()))
        .collect();
    for radius in [2.0, 3.0, 15.0, 16.5] {
        let grown = mask.dilated(radius);
        let steps = (radius / CELL_MM).floor() as i64;
        for row in 0..mask.rows() {
            for column in 0..mask.columns() {
                let near = painted.iter().any(|&(c, r)| {
                    let (dx, dy) = (c as i64 - column as i64, r as i64 - row as i64);
                    dx * dx + dy * dy <= steps * steps
                });
                assert_eq!(grown.get(column, row), near, "{radius} mm: {column}, {row}");
            }
        }
        assert_eq!(grown.and_count(&mask), mask.count());
        assert_eq!(mask.and_count(&grown), grown.and(&mask).count());
    }
    assert_eq!(mask.dilated(f32::NAN), mask);
    assert_eq!(mask.dilated(-5.0), mask);
    assert_eq!(PainMask::new().dilated(30.0).count(), 0);
}

#[test]
fn a_hand_or_foot_painted_on_its_detail_view_is_coded_as_on_the_full_body_view() {
    let map = &crate::bodymap::standard().map;
    let charts = BodyCharts::from_map(map);
    // (view, a point on the +x hand or foot, the side there, the location expected).
    for (view, at, side, location) in [
        ("hands_palmar", p(150.0, 200.0), "left", "palm"),
        ("hands_dorsal", p(150.0, 200.0), "right", "back_of_hand"),
        ("feet_dorsal", p(100.0, 180.0), "left", "foot_dorsum"),
        ("feet_medial", p(200.0, 170.0), "right", "medial_foot"),
        ("feet_plantar", p(95.0, 1600.0), "right", "sole"),
    ] {
        let other = if side == "left" { "right" } else { "left" };
        for (at, side) in [(at, side), (p(-at.x, at.y), other)] {
            let mut drawing = session(vec![vec![PaintOp::Brush {
                radius: 6.0,
                points: vec![at],
            }]]);
            drawing.referred_zones[0].view = ViewId::new(view);
            let metrics = session_metrics(&drawing, &charts);
            let limb = if view.starts_with("hands") {
                "lower_arm"
            } else {
                "lower_leg"
            };
            assert_eq!(metrics.wpi_areas, vec![format!("{side}_{limb}")], "{view}");
            assert_eq!(
                metrics.locations,
                vec![format!("{side}_{location}")],
                "{view}"
            );
        }
    }
}
