use jiff::civil::date;

use super::*;
use crate::model::measures::catalog;
use crate::model::{
    ClinicMeasure, Finding, MuscleRef, PainScore, PatientId, PsfsActivity, RomMeasurement,
    SessionId, Target, TriggerPoint,
};

fn rule(id: &str) -> ChangeRule {
    let i = catalog().instrument(id).expect(id);
    ChangeRule {
        better: i.better,
        mdc: Some(i.mdc.value),
        mcid: Some(i.mcid.value),
    }
}

/// Each instrument at, just above and just below its thresholds, in its own direction.
#[test]
fn each_instrument_is_labelled_exactly_at_above_and_below_its_thresholds() {
    use ChangeLabel::*;
    // (instrument, from, to, label): the published thresholds are in the comments.
    let cases: &[(&str, f64, f64, ChangeLabel)] = &[
        // NPRS 0–10, lower is better, MDC 2, MCID 2.
        ("nprs", 7.0, 5.0, ExceedsMcid),
        ("nprs", 7.0, 4.0, ExceedsMcid),
        ("nprs", 7.0, 6.0, WithinMeasurementError),
        ("nprs", 5.0, 7.0, Worse),
        ("nprs", 5.0, 6.0, WithinMeasurementError),
        // PSFS 0–10, higher is better, MDC 2, MCID 2 (means of activities).
        ("psfs", 3.0, 5.0, ExceedsMcid),
        ("psfs", 3.0, 4.0 + 2.0 / 3.0, WithinMeasurementError),
        ("psfs", 3.0, 1.0, Worse),
        ("psfs", 1.0 / 3.0, 7.0 / 3.0, ExceedsMcid),
        // NDI 0–50, lower is better, MDC 10.2, MCID 7.5: the MCID lies inside measurement
        // error, so 7.5 or 10 points is not yet a detectable change.
        ("ndi", 30.0, 19.8, ExceedsMcid),
        ("ndi", 30.0, 22.5, WithinMeasurementError),
        ("ndi", 30.0, 20.0, WithinMeasurementError),
        ("ndi", 20.0, 30.2, Worse),
        ("ndi", 20.0, 30.0, WithinMeasurementError),
        // ODI 0–100 %, lower is better, MDC 12.7, MCID 10.
        ("odi", 40.0, 27.3, ExceedsMcid),
        ("odi", 40.0, 27.4, WithinMeasurementError),
        ("odi", 27.3, 40.0, Worse),
        // QuickDASH 0–100, lower is better, MDC 11, MCID 8.
        ("quickdash", 45.5, 34.5, ExceedsMcid),
        ("quickdash", 45.5, 34.6, WithinMeasurementError),
        ("quickdash", 34.5, 45.5, Worse),
        // LEFS 0–80, higher is better, MDC 9, MCID 9.
        ("lefs", 40.0, 49.0, ExceedsMcid),
        ("lefs", 40.0, 48.0, WithinMeasurementError),
        ("lefs", 40.0, 31.0, Worse),
        ("lefs", 40.0, 32.0, WithinMeasurementError),
    ];
    for (id, from, to, expected) in cases {
        assert_eq!(
            rule(id).classify(*from, *to),
            *expected,
            "{id}: {from} → {to}"
        );
    }
}

#[test]
fn an_improvement_past_measurement_error_but_short_of_the_mcid_is_not_called_important() {
    let rule = ChangeRule {
        better: Better::Higher,
        mdc: Some(5.0),
        mcid: Some(8.0),
    };
    assert_eq!(rule.classify(10.0, 15.0), ChangeLabel::ImprovedBelowMcid);
    assert_eq!(rule.classify(10.0, 17.99), ChangeLabel::ImprovedBelowMcid);
    assert_eq!(rule.classify(10.0, 18.0), ChangeLabel::ExceedsMcid);
    assert_eq!(
        rule.classify(10.0, 14.99),
        ChangeLabel::WithinMeasurementError
    );
    assert_eq!(rule.classify(10.0, 5.0), ChangeLabel::Worse);
    let no_thresholds = ChangeRule {
        better: Better::Lower,
        mdc: None,
        mcid: None,
    };
    assert_eq!(no_thresholds.classify(3.0, 2.0), ChangeLabel::Improved);
    assert_eq!(
        no_thresholds.classify(3.0, 3.0),
        ChangeLabel::WithinMeasurementError
    );
    assert_eq!(no_thresholds.classify(3.0, 4.0), ChangeLabel::Worse);
    for label in [ChangeLabel::WithinMeasurementError, ChangeLabel::Worse] {
        assert!(!label.is_progress(), "{label:?}");
    }
}

fn visit(day: i8, tweak: impl FnOnce(&mut Session)) -> Session {
    let mut s = Session::new(
        SessionId::random(),
        PatientId::from_u128(7),
        date(2026, 3, day).at(9, 0, 0, 0),
    );
    tweak(&mut s);
    s
}

fn tp(x: f32, ppt: Option<f32>) -> TriggerPoint {
    TriggerPoint {
        id: MarkId(1),
        view: crate::geometry::ViewId::new(crate::geometry::views::POSTERIOR),
        at: crate::geometry::MapPoint::new(x, 300.0),
        muscle: Some(MuscleRef::new("upper_trapezius")),
        side: Side::Right,
        status: TriggerPointStatus::Active,
        taut_band: Finding::Present,
        spot_tenderness: Finding::Present,
        local_twitch_response: Finding::NotTested,
        recognised_referral: Finding::Present,
        pressure_pain_threshold: ppt,
        notes: String::new(),
        carried_forward: false,
    }
}

#[test]
fn trends_follow_every_measure_with_goals_and_trigger_points_with_their_ppt() {
    let rom = |degrees| RomMeasurement {
        movement: "cervical_rotation".into(),
        side: Some(Side::Left),
        degrees,
        notes: String::new(),
    };
    let grip = |value| ClinicMeasure {
        name: "Grip strength".into(),
        unit: "kg".into(),
        min: 0.0,
        max: 100.0,
        better: Better::Higher,
        mcid: Some(6.5),
        mdc: Some(5.0),
        value,
    };
    let first = visit(2, |s| {
        s.pain_before = PainScore::new(7);
        s.outcomes.scores.insert("ndi".into(), 24.0);
        s.outcomes.psfs = Some(vec![
            PsfsActivity {
                activity: "reversing the car".into(),
                score: 2,
            },
            PsfsActivity {
                activity: "lifting".into(),
                score: 4,
            },
        ]);
        s.outcomes.range_of_motion.push(rom(45.0));
        s.outcomes.clinic_measures.push(grip(20.0));
        s.outcomes.targets.push(Target {
            measure: "psfs".into(),
            value: 8.0,
        });
        s.trigger_points.push(tp(80.0, Some(2.0)));
    });
    let second = visit(9, |s| {
        s.pain_before = PainScore::new(4);
        s.outcomes.scores.insert("ndi".into(), 18.0);
        s.outcomes.range_of_motion.push(rom(58.0));
        s.trigger_points.push(tp(82.0, Some(3.0)));
    });
    let third = visit(16, |s| {
        s.pain_before = PainScore::new(3);
        s.outcomes.scores.insert("ndi".into(), 12.0);
        s.outcomes.psfs = Some(vec![
            PsfsActivity {
                activity: "reversing the car".into(),
                score: 8,
            },
            PsfsActivity {
                activity: "lifting".into(),
                score: 8,
            },
        ]);
        s.outcomes.clinic_measures.push(grip(26.0));
        s.trigger_points.push(tp(81.0, Some(4.2)));
    });
    let sessions = [&first, &second, &third];
    let trends = trends(&sessions);
    let by = |key: &str| {
        trends
            .iter()
            .find(|t| t.key.target_key() == key)
            .unwrap_or_else(|| panic!("{key}"))
    };
    let nprs = by("nprs").change().expect("NPRS");
    assert_eq!(
        (nprs.from, nprs.to, nprs.label),
        (7.0, 3.0, ChangeLabel::ExceedsMcid)
    );
    let ndi = by("ndi").change().expect("NDI");
    assert_eq!(ndi.delta, -12.0);
    assert_eq!(ndi.label, ChangeLabel::ExceedsMcid);
    assert_eq!(
        by("ndi").steps()[0].label,
        ChangeLabel::WithinMeasurementError
    );
    let psfs = by("psfs");
    assert_eq!(
        psfs.points.iter().map(|p| p.visit).collect::<Vec<_>>(),
        [0, 2]
    );
    assert_eq!(
        psfs.change().map(|c| c.label),
        Some(ChangeLabel::ExceedsMcid)
    );
    assert_eq!(
        psfs.goal,
        Some(Goal {
            target: 8.0,
            met: true
        })
    );
    let rotation = by("rom:cervical_rotation:left");
    assert_eq!(rotation.label, "Cervical spine rotation (left)");
    assert_eq!(rotation.normal, Some(60.0));
    assert_eq!(
        rotation.change().map(|c| c.label),
        Some(ChangeLabel::Improved)
    );
    let grip = by("clinic:Grip strength");
    assert_eq!(
        grip.change().map(|c| c.label),
        Some(ChangeLabel::ImprovedBelowMcid)
    );
    assert_eq!(grip.format(26.0), "26 kg");
    assert!(
        trends.iter().all(|t| t.key.target_key() != "lefs"),
        "not taken, no trend"
    );

    let tracks = trigger_point_tracks(&sessions);
    assert_eq!(tracks.len(), 1, "{tracks:#?}");
    let track = &tracks[0];
    assert_eq!(track.points.len(), 3);
    assert!(track.present_at_last_visit);
    assert_eq!(track.label(), "Upper trapezius (right)");
    let ppt = track.ppt_change.expect("PPT measured");
    assert!((ppt.delta - 2.2).abs() < 1e-9, "{ppt:?}");
    assert_eq!(ppt.label, ChangeLabel::ExceedsMcid);
}

#[test]
fn a_trigger_point_that_resolves_ends_its_track_and_a_new_one_starts_another() {
    let a = visit(2, |s| s.trigger_points.push(tp(80.0, Some(2.0))));
    let b = visit(9, |_| {});
    let c = visit(16, |s| s.trigger_points.push(tp(80.0, Some(2.5))));
    let tracks = trigger_point_tracks(&[&a, &b, &c]);
    assert_eq!(tracks.len(), 2);
    assert!(!tracks[0].present_at_last_visit);
    assert!(tracks[1].present_at_last_visit);
    assert_eq!(tracks[1].ppt_change, None, "one measurement is no change");
}

#[test]
fn formatting_uses_the_unit_and_a_true_minus_sign() {
    assert_eq!(format_number(4.666), "4.7");
    assert_eq!(format_number(18.0), "18");
    assert_eq!(format_delta(-7.5), "−7.5");
    assert_eq!(format_delta(2.0), "+2");
    assert_eq!(format_delta(-0.01), "0");
}

#[test]
fn each_psfs_activity_is_followed_by_its_words_and_labelled_with_the_single_activity_thresholds() {
    let psfs = |scores: &[(&str, u8)]| {
        Some(
            scores
                .iter()
                .map(|(activity, score)| PsfsActivity {
                    activity: (*activity).to_owned(),
                    score: *score,
                })
                .collect(),
        )
    };
    let first = visit(2, |s| {
        s.outcomes.psfs = psfs(&[("Reversing the car", 3), ("Reading in bed", 5)]);
    });
    let second = visit(9, |s| {
        s.outcomes.psfs = psfs(&[("reversing the car ", 5), ("Lifting my grandson", 4)]);
    });
    let third = visit(16, |s| {
        s.outcomes.psfs = psfs(&[("Reversing the car", 7), ("Reading in bed", 7)]);
    });
    let trends = psfs_activity_trends(&[&first, &second, &third]);
    let labels: Vec<&str> = trends.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(
        labels,
        ["Reversing the car", "Reading in bed", "Lifting my grandson"],
        "in the order first named, matched whatever the case and spaces"
    );
    let car = trends[0].change().expect("three visits");
    assert_eq!((car.from, car.to), (3.0, 7.0));
    // One activity's MDC and MCID are 3 points (the mean's are 2).
    assert_eq!(car.label, ChangeLabel::ExceedsMcid);
    let bed = trends[1].change().expect("two visits");
    assert_eq!(bed.label, ChangeLabel::WithinMeasurementError, "+2 < 3");
    assert_eq!(trends[1].points.len(), 2, "not named at the second visit");
    assert!(trends[2].change().is_none(), "named once");
    assert_eq!(
        trends[0].key.target_key(),
        "psfs:Reversing the car",
        "a key of its own, never the mean's"
    );
    assert!(trends.iter().all(|t| t.goal.is_none()));
}
