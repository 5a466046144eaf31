//! Reverse lookup (`education::rank_session`): the muscles whose typical referral patterns
//! best explain a pain drawing. No target is set; the lookup runs when the clinician asks
//! for it (presentation mode's **Match my pain drawing**, `myomap refer SESSION`), so it must
//! not stall a frame: well under 16 ms. Building the patterns' masks happens once per run.

use criterion::{Criterion, criterion_group, criterion_main};
use myomap::education::{PatternMasks, rank_session, referral_library};
use myomap::geometry::{MapPoint, ViewId};
use myomap::metrics::standard_charts;
use myomap::model::{
    MarkId, PainQuality, PaintOp, PatientId, ReferredZone, Session, SessionId, TissueDepth,
};

/// The classic scalene picture: chest, thumb, index finger, medial scapular border.
fn scalene_drawing() -> Session {
    let mut session = Session::new(
        SessionId::from_u128(1),
        PatientId::from_u128(2),
        "2026-11-30T09:00".parse().expect("a date-time"),
    );
    type Stroke = (&'static str, f32, &'static [(f32, f32)]);
    let strokes: [Stroke; 4] = [
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
        (
            "posterior",
            9.0,
            &[(70.0, 345.0), (63.0, 382.0), (66.0, 418.0)],
        ),
    ];
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

fn bench(c: &mut Criterion) {
    let charts = standard_charts();
    let masks = PatternMasks::standard();
    let scalene = scalene_drawing();
    let heavy = myomap::demo::heavy_session();
    c.bench_function("lookup: the four-place scalene drawing", |b| {
        b.iter(|| rank_session(&scalene, charts, masks))
    });
    c.bench_function("lookup: the heavy session (60 zones)", |b| {
        b.iter(|| rank_session(&heavy, charts, masks))
    });
    let mut group = c.benchmark_group("lookup setup");
    group.sample_size(10);
    group.bench_function("rasterise every pattern on both sides", |b| {
        b.iter(|| PatternMasks::new(referral_library(), charts))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
