//! A patient's progress: 100 visits, each with every outcome measure (NPRS, a five-activity
//! PSFS, NDI, ODI, QuickDASH, LEFS, every range-of-motion movement on each side, three clinic
//! measures, goals) and ten trigger points with their pressure-pain thresholds: every trend,
//! every change label, every trigger point followed. Target ≤ 100 ms (issue #21).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use myomap::geometry::{MapPoint, ViewId, views};
use myomap::model::measures::{Better, catalog};
use myomap::model::{
    ClinicMeasure, Finding, MarkId, MuscleRef, PainScore, PatientId, PsfsActivity, RomMeasurement,
    Session, SessionId, Side, Target, TriggerPoint, TriggerPointStatus,
};
use myomap::progress::{trends, trigger_point_tracks};

/// Visit `n` of 100: every measure, values drifting towards better with some noise.
fn visit(n: usize) -> Session {
    let day = jiff::civil::date(2025, 1, 6) + jiff::Span::new().days(7 * n as i64);
    let mut s = Session::new(
        SessionId::from_u128(n as u128 + 1),
        PatientId::from_u128(42),
        day.at(9, 0, 0, 0),
    );
    let progress = n as f32 / 99.0;
    let wobble = ((n * 37) % 7) as f32 / 7.0;
    s.pain_before = PainScore::new((8.0 - 6.0 * progress).round() as u8);
    s.pain_after = PainScore::new((6.0 - 5.0 * progress).round() as u8);
    let catalog = catalog();
    for instrument in catalog.scored() {
        let (lo, hi) = (instrument.min as f32, instrument.max as f32);
        let worst = match instrument.better {
            Better::Lower => hi * 0.7,
            Better::Higher => lo + (hi - lo) * 0.3,
        };
        let best = match instrument.better {
            Better::Lower => lo + (hi - lo) * 0.1,
            Better::Higher => hi * 0.9,
        };
        let value = worst + (best - worst) * progress + wobble;
        s.outcomes
            .scores
            .insert(instrument.id.clone(), value.clamp(lo, hi).round());
    }
    s.outcomes.psfs = Some(
        (0..5)
            .map(|i| PsfsActivity {
                activity: format!("activity {i}"),
                score: (2.0 + 7.0 * progress + (i as f32) * 0.2).round().min(10.0) as u8,
            })
            .collect(),
    );
    for movement in &catalog.movements {
        let sides: &[Option<Side>] = if movement.sided {
            &[Some(Side::Left), Some(Side::Right)]
        } else {
            &[None]
        };
        for side in sides {
            s.outcomes.range_of_motion.push(RomMeasurement {
                movement: movement.id.clone(),
                side: *side,
                degrees: (movement.normal as f32 * (0.6 + 0.4 * progress) + wobble).round(),
                notes: String::new(),
            });
        }
    }
    for (i, name) in [
        "Grip strength",
        "30-second chair stand",
        "Single-leg stance",
    ]
    .iter()
    .enumerate()
    {
        s.outcomes.clinic_measures.push(ClinicMeasure {
            name: (*name).to_owned(),
            unit: "units".to_owned(),
            min: 0.0,
            max: 100.0,
            better: Better::Higher,
            mcid: Some(5.0),
            mdc: Some(3.0 + i as f32),
            value: (20.0 + 40.0 * progress + wobble).round(),
        });
    }
    s.outcomes.targets = vec![
        Target {
            measure: "psfs".to_owned(),
            value: 8.0,
        },
        Target {
            measure: "ndi".to_owned(),
            value: 10.0,
        },
    ];
    for i in 0..10u32 {
        s.trigger_points.push(TriggerPoint {
            id: MarkId(i + 1),
            view: ViewId::new(views::POSTERIOR),
            at: MapPoint::new(-150.0 + 30.0 * i as f32 + wobble, 300.0 + 40.0 * i as f32),
            muscle: Some(MuscleRef::new(format!("muscle_{i}"))),
            side: if i % 2 == 0 { Side::Left } else { Side::Right },
            status: if progress < 0.5 {
                TriggerPointStatus::Active
            } else {
                TriggerPointStatus::Latent
            },
            taut_band: Finding::Present,
            spot_tenderness: Finding::Present,
            local_twitch_response: Finding::NotTested,
            recognised_referral: Finding::Present,
            pressure_pain_threshold: Some(1.5 + 3.0 * progress),
            notes: String::new(),
            carried_forward: false,
        });
    }
    s
}

fn progress_of_100_visits(c: &mut Criterion) {
    let sessions: Vec<Session> = (0..100).map(visit).collect();
    for s in &sessions {
        myomap::model::outcomes::check(&s.outcomes).expect("valid visits");
    }
    let refs: Vec<&Session> = sessions.iter().collect();
    let trends_once = trends(&refs);
    assert!(trends_once.len() > 50, "{} trends", trends_once.len());
    c.bench_function(
        "progress: 100 visits, every measure: all trends, labels and trigger points",
        |b| {
            b.iter(|| {
                let trends = trends(black_box(&refs));
                let labels: usize = trends
                    .iter()
                    .map(|t| t.steps().len() + usize::from(t.change().is_some()))
                    .sum();
                let tracks = trigger_point_tracks(black_box(&refs));
                black_box((trends, labels, tracks))
            });
        },
    );
}

criterion_group!(benches, progress_of_100_visits);
criterion_main!(benches);
