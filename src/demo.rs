//! The demo library: three fictional patients whose visits show typical progress, written
//! deterministically (same ids, dates and marks every time) so tests and screenshots are
//! stable. Never mixed into a real library: the app writes it to a folder of its own.
//!
//! Positions are millimetres on the reference body (`geometry`): x = 0 on the midline, y down
//! from the top of the head. On the posterior view the patient's right is +x; on the anterior
//! view it is -x; on lateral views +x points the way the patient faces in the right lateral
//! view, and the other way in the left lateral view.

use std::path::Path;

use jiff::civil::{Date, DateTime, date};

use crate::geometry::{MapPoint, ViewId, views};
use crate::model::{
    AdverseEvent, AdverseEventKind, Aftercare, Answer, Arrow, ClinicMeasure, Complaint, Consent,
    ConsentMethod, ConsentTopic, ElectricalStimulation, Finding, Grade, MarkId, MuscleRef,
    NeedleCount, NeedleSite, NeedleSpec, NeedleTechnique, Outcomes, PainQuality, PainScore,
    PaintOp, Palpation, Patient, PatientId, PatientPosition, PsfsActivity, ReferredZone, Review,
    RomMeasurement, Screening, ScreeningItem, Session, SessionId, Side, Target, TextNote,
    TissueDepth, TriggerPoint, TriggerPointStatus,
};
use crate::storage::{Library, SaveError};

/// The demo clinician.
pub const CLINICIAN: &str = "Sam Rivera, PT (demo)";

/// A trigger point of a demo visit.
struct Tp {
    muscle: &'static str,
    side: Side,
    view: &'static str,
    at: (f32, f32),
    active: bool,
    twitch: bool,
    ppt: Option<f32>,
}

/// A referred-pain zone of a demo visit: a brush stroke through `points`.
struct Zone {
    view: &'static str,
    quality: PainQuality,
    intensity: u8,
    radius: f32,
    points: &'static [(f32, f32)],
    /// Index into the visit's trigger points.
    source: Option<usize>,
}

/// A needle of a demo visit, at the trigger point with the same index.
struct Needle {
    tp: usize,
    needle: NeedleSpec,
    depth: f32,
    direction: &'static str,
    palpation: Palpation,
    technique: NeedleTechnique,
    twitches: u32,
    estim: bool,
}

/// A radiation arrow: view, from, to, label.
type DemoArrow = (&'static str, (f32, f32), (f32, f32), &'static str);

struct Visit {
    date: Date,
    hour: i8,
    pain: (u8, u8),
    position: PatientPosition,
    complaint_pain: u8,
    tps: Vec<Tp>,
    zones: Vec<Zone>,
    needles: Vec<Needle>,
    arrow: Option<DemoArrow>,
    notes: &'static str,
}

struct DemoPatient {
    id: u128,
    name: &'static str,
    born: Date,
    notes: &'static str,
    complaint: &'static str,
    onset: &'static str,
    visits: Vec<Visit>,
}

/// Whether `id` is one of the demo's fictional patients (wherever the demo was written: the
/// app's own demo folder, or a folder given to `myomap demo`).
pub fn is_demo_patient(id: PatientId) -> bool {
    demo_patients()
        .iter()
        .any(|demo| PatientId::from_u128(demo.id) == id)
}

/// The demo patients with all their sessions, built in memory.
pub fn demo_records() -> Vec<(Patient, Vec<Session>)> {
    demo_patients()
        .into_iter()
        .map(|demo| {
            let patient_id = PatientId::from_u128(demo.id);
            let mut patient = Patient::new(patient_id, demo.name);
            patient.date_of_birth = Some(demo.born);
            patient.clinic_ref = format!("DEMO-{:03x}", demo.id & 0xfff);
            patient.notes = demo.notes.to_owned();
            let last = demo.visits.len().saturating_sub(1);
            let sessions = demo
                .visits
                .iter()
                .enumerate()
                .map(|(index, visit)| {
                    let mut session = build_session(&demo, patient_id, index, visit);
                    record_session(&mut session, index, index < last);
                    session
                })
                .collect();
            (patient, sessions)
        })
        .collect()
}

/// Writes the demo library into `dir` (created if needed). Refuses to overwrite any file:
/// writing the demo twice into one folder is an error, not a silent reset.
pub fn write_demo_library(dir: &Path) -> Result<usize, SaveError> {
    let library = Library::new(dir);
    let mut files = 0;
    for (patient, sessions) in demo_records() {
        library.create_patient(&patient)?;
        files += 1;
        for session in &sessions {
            library.create_session(session)?;
            files += 1;
            // Signed visits are recorded in the library's ledger, as the app records them.
            if session.is_signed() {
                crate::ledger::record(dir, session)
                    .map_err(|e| SaveError::io(dir, std::io::Error::other(e)))?;
            }
        }
    }
    Ok(files)
}

fn build_session(
    demo: &DemoPatient,
    patient_id: PatientId,
    index: usize,
    visit: &Visit,
) -> Session {
    let started_at = DateTime::from_parts(
        visit.date,
        jiff::civil::time(
            visit.hour,
            if index.is_multiple_of(2) { 0 } else { 30 },
            0,
            0,
        ),
    );
    // One number per patient and visit, its bits spread (multiplying by an odd constant is
    // one-to-one, so no two visits share an id) so each short id looks like a real one.
    let session_id = SessionId::from_u128(
        ((demo.id << 8) | (index as u128 + 1))
            .wrapping_mul(0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835),
    );
    let mut session = Session::new(session_id, patient_id, started_at);
    session.clinician = CLINICIAN.to_owned();
    session.patient_position = Some(visit.position);
    session.complaints = vec![Complaint {
        pain: PainScore::new(visit.complaint_pain),
        ..Complaint::new(demo.complaint, demo.onset)
    }];
    session.pain_before = PainScore::new(visit.pain.0);
    session.pain_after = PainScore::new(visit.pain.1);
    session.notes = visit.notes.to_owned();
    session.outcomes = demo_outcomes(demo.id, index);

    let mut next = 1;
    let mut new_id = || {
        let id = MarkId(next);
        next += 1;
        id
    };
    for tp in &visit.tps {
        let id = new_id();
        session.trigger_points.push(TriggerPoint {
            id,
            view: ViewId::new(tp.view),
            at: MapPoint::new(tp.at.0, tp.at.1),
            muscle: Some(MuscleRef::new(tp.muscle)),
            side: tp.side,
            status: if tp.active {
                TriggerPointStatus::Active
            } else {
                TriggerPointStatus::Latent
            },
            taut_band: Finding::Present,
            spot_tenderness: Finding::Present,
            local_twitch_response: if tp.twitch {
                Finding::Present
            } else {
                Finding::Absent
            },
            recognised_referral: if tp.active {
                Finding::Present
            } else {
                Finding::Absent
            },
            pressure_pain_threshold: tp.ppt,
            notes: String::new(),
            carried_forward: false,
        });
    }
    let tp_ids: Vec<MarkId> = session.trigger_points.iter().map(|t| t.id).collect();
    for zone in &visit.zones {
        let id = new_id();
        session.referred_zones.push(ReferredZone {
            id,
            view: ViewId::new(zone.view),
            intensity: zone.intensity,
            quality: zone.quality,
            depth: TissueDepth::Deep,
            source: zone.source.and_then(|i| tp_ids.get(i).copied()),
            paint: vec![PaintOp::Brush {
                radius: zone.radius,
                points: zone
                    .points
                    .iter()
                    .map(|&(x, y)| MapPoint::new(x, y))
                    .collect(),
            }],
            notes: String::new(),
            carried_forward: false,
        });
    }
    for needle in &visit.needles {
        let Some(tp) = visit.tps.get(needle.tp) else {
            continue;
        };
        let id = new_id();
        session.needle_sites.push(NeedleSite {
            id,
            view: ViewId::new(tp.view),
            at: MapPoint::new(tp.at.0 + 2.0, tp.at.1 + 2.0),
            muscle: Some(MuscleRef::new(tp.muscle)),
            side: tp.side,
            needle: needle.needle,
            depth_mm: Some(needle.depth),
            direction: needle.direction.to_owned(),
            palpation: needle.palpation,
            technique: needle.technique,
            twitch_count: Some(needle.twitches),
            retention_min: needle.estim.then_some(15.0),
            electrical_stimulation: needle.estim.then(|| ElectricalStimulation {
                frequency_hz: 2.0,
                intensity: "to patient tolerance".to_owned(),
                duration_min: 15.0,
            }),
            immediate_response: if needle.twitches > 0 {
                "Familiar pain reproduced, eased after the twitch responses".to_owned()
            } else {
                "Deep ache during needling, settled within a minute".to_owned()
            },
            patient_position: None,
            trigger_point: tp_ids.get(needle.tp).copied(),
            notes: String::new(),
            warnings: Vec::new(),
        });
    }
    if let Some((view, from, to, label)) = visit.arrow {
        let id = new_id();
        session.arrows.push(Arrow {
            id,
            view: ViewId::new(view),
            from: MapPoint::new(from.0, from.1),
            to: MapPoint::new(to.0, to.1),
            label: label.to_owned(),
        });
    }
    if index == 0 {
        let id = new_id();
        session.text_notes.push(TextNote {
            id,
            view: ViewId::new(visit.tps.first().map_or(views::POSTERIOR, |t| t.view)),
            at: MapPoint::new(110.0, 30.0),
            text: "Initial assessment".to_owned(),
        });
    }
    session
}

/// The record of a demo visit as a careful clinician keeps it: screening reviewed and
/// consent taken before needling, safety warnings acknowledged, needles counted, aftercare
/// given. Earlier visits are signed (the first one with a follow-up addendum); the latest is
/// left open, as today's session would be.
fn record_session(session: &mut Session, index: usize, sign: bool) {
    let at = |minutes: i64| {
        session
            .started_at
            .checked_add(jiff::Span::new().minutes(minutes))
            .unwrap_or(session.started_at)
    };
    let (reviewed_at, consent_at, adverse_at, signed_at) = (at(5), at(8), at(30), at(50));
    let mut screening = Screening::default();
    for item in ScreeningItem::ALL {
        screening.entry(item).answer = Answer::No;
    }
    screening.reviewed = Some(Review {
        at: reviewed_at,
        by: CLINICIAN.to_owned(),
    });
    session.screening = screening;

    crate::safety::refresh_warnings(session, crate::bodymap::standard());
    for needle in &mut session.needle_sites {
        for warning in &mut needle.warnings {
            warning.acknowledged = true;
        }
    }
    let mut explained = vec![
        ConsentTopic::Procedure,
        ConsentTopic::Sensations,
        ConsentTopic::ExpectedOutcome,
        ConsentTopic::PatientRole,
        ConsentTopic::MaterialRisks,
    ];
    if crate::safety::thorax_needled(session, crate::bodymap::standard()) {
        explained.push(ConsentTopic::Pneumothorax);
    }
    session.consent = Some(Consent {
        given_by: "Patient".to_owned(),
        at: consent_at,
        method: if index == 0 {
            ConsentMethod::Written
        } else {
            ConsentMethod::Verbal
        },
        explained,
        notes: if index == 0 {
            "Written consent form signed and scanned to the clinic record.".to_owned()
        } else {
            "Re-confirmed verbally before needling.".to_owned()
        },
    });
    let needles = session.needle_sites.len() as u32;
    session.needle_count = NeedleCount {
        inserted: Some(needles),
        removed: Some(needles),
    };
    if index == 1 && needles > 0 {
        session.adverse_events.push(AdverseEvent {
            kind: AdverseEventKind::Bruising,
            grade: Grade::Mild,
            at: adverse_at,
            action: "Pressure for one minute; small bruise, patient told it settles in days."
                .to_owned(),
            notes: String::new(),
        });
    }
    session.aftercare = Aftercare {
        given: needles > 0,
        text: if needles > 0 {
            crate::model::DEFAULT_AFTERCARE.to_owned()
        } else {
            String::new()
        },
    };
    session.plan =
        "Dry needling of the active trigger points; home stretching programme.".to_owned();
    session.follow_up = if sign {
        "Review in one week.".to_owned()
    } else {
        "Review in two weeks, or sooner if symptoms return.".to_owned()
    };
    if sign {
        // The demo is checked by a test: a refusal here is a defect in the demo data.
        let key = demo_key();
        if let Err(blockers) = session.sign(&key.signer(), signed_at) {
            panic!("demo session cannot be signed: {blockers:?}");
        }
        if index == 0 {
            let call = session
                .started_at
                .checked_add(jiff::Span::new().days(2).hours(3))
                .unwrap_or(session.started_at);
            let text = "Phone review two days later: soreness settled within 36 hours, no \
                        bruising, no breathlessness. Home programme going well.";
            if let Err(reason) = session.add_addendum(&key.signer(), text, call) {
                panic!("demo addendum refused: {reason}");
            }
        }
    }
}

/// The demo clinician's credentials, printed with their signature.
pub const CREDENTIALS: &str = "PT, registration DEMO-0001";

/// Values by instrument or goal key.
type Named = Vec<(&'static str, f32)>;

/// The outcome measures of each demo visit: each patient's region-specific instrument, the
/// PSFS with their own activities, range of motion, and (for one) a clinic measure. Margaret
/// Oduya's ODI falls by 8 points over three visits, less than its 12.7-point measurement
/// error: the progress view must not show it as progress.
fn demo_outcomes(patient: u128, visit: usize) -> Outcomes {
    let mut outcomes = Outcomes::default();
    let pick = |values: &[f32]| values.get(visit).copied();
    let psfs = |activities: &[(&str, &[u8])]| {
        let list: Vec<PsfsActivity> = activities
            .iter()
            .filter_map(|(name, scores)| {
                scores.get(visit).map(|score| PsfsActivity {
                    activity: (*name).to_owned(),
                    score: *score,
                })
            })
            .collect();
        (!list.is_empty()).then_some(list)
    };
    let mut rom = |movement: &str, side: Option<Side>, degrees: &[f32], notes: &str| {
        if let Some(degrees) = pick(degrees) {
            outcomes.range_of_motion.push(RomMeasurement {
                movement: movement.to_owned(),
                side,
                degrees,
                notes: if visit == 0 {
                    notes.to_owned()
                } else {
                    String::new()
                },
            });
        }
    };
    let (scores, activities, targets): (Named, _, Named) = match patient & 0xfff {
        // Claire Bennett: neck pain and headaches at a desk.
        0x101 => {
            rom(
                "cervical_rotation",
                Some(Side::Left),
                &[70.0, 72.0, 74.0, 75.0],
                "",
            );
            rom(
                "cervical_rotation",
                Some(Side::Right),
                &[48.0, 56.0, 64.0, 70.0],
                "pulling at the right upper trapezius at end range",
            );
            rom(
                "cervical_side_bending",
                Some(Side::Left),
                &[28.0, 33.0, 38.0, 42.0],
                "",
            );
            (
                pick(&[22.0, 17.0, 12.0, 7.0])
                    .map(|v| vec![("ndi", v)])
                    .unwrap_or_default(),
                psfs(&[
                    ("Working at the computer for an hour", &[3, 5, 7, 8]),
                    ("Reversing the car", &[4, 5, 7, 9]),
                    ("Reading in bed", &[5, 6, 7, 8]),
                ]),
                vec![
                    ("psfs", 8.0),
                    ("ndi", 10.0),
                    ("rom:cervical_rotation:right", 70.0),
                ],
            )
        }
        // Tomás Ferreira: lateral hip pain when running.
        0x102 => {
            rom(
                "hip_internal_rotation",
                Some(Side::Right),
                &[28.0, 32.0, 36.0, 40.0, 42.0],
                "lateral hip pain at end range",
            );
            rom(
                "hip_adduction",
                Some(Side::Right),
                &[18.0, 20.0, 24.0, 27.0, 28.0],
                "",
            );
            rom(
                "straight_leg_raise",
                Some(Side::Right),
                &[75.0, 78.0, 80.0, 82.0, 84.0],
                "",
            );
            (
                pick(&[52.0, 57.0, 60.0, 69.0, 75.0])
                    .map(|v| vec![("lefs", v)])
                    .unwrap_or_default(),
                psfs(&[
                    ("Running 5 km", &[2, 3, 4, 7, 8]),
                    ("Lying on the right side at night", &[4, 5, 5, 8, 9]),
                    ("Climbing stairs two at a time", &[5, 6, 7, 8, 9]),
                ]),
                vec![("lefs", 72.0), ("psfs", 8.0)],
            )
        }
        // Margaret Oduya: low back pain when standing.
        _ => {
            rom(
                "thoracolumbar_flexion",
                None,
                &[52.0, 60.0, 66.0],
                "stiff, pain across the left iliac crest",
            );
            rom(
                "thoracolumbar_side_bending",
                Some(Side::Right),
                &[22.0, 25.0, 28.0],
                "",
            );
            if let Some(value) = pick(&[11.0, 13.0, 16.0]) {
                outcomes.clinic_measures.push(ClinicMeasure {
                    name: "30-second chair stand".to_owned(),
                    unit: "stands".to_owned(),
                    min: 0.0,
                    max: 50.0,
                    better: crate::model::measures::Better::Higher,
                    // The demo clinic's own thresholds, as a clinic defines them.
                    mcid: Some(2.0),
                    mdc: Some(2.0),
                    value,
                });
            }
            (
                pick(&[34.0, 30.0, 26.0])
                    .map(|v| vec![("odi", v)])
                    .unwrap_or_default(),
                psfs(&[
                    ("Standing to cook a meal", &[3, 4, 6]),
                    ("Gardening for half an hour", &[2, 3, 5]),
                ]),
                vec![("odi", 20.0), ("psfs", 7.0)],
            )
        }
    };
    outcomes.scores = scores
        .into_iter()
        .map(|(id, value)| (id.to_owned(), value))
        .collect();
    outcomes.psfs = activities;
    if visit == 0 {
        outcomes.targets = targets
            .into_iter()
            .map(|(measure, value)| Target {
                measure: measure.to_owned(),
                value,
            })
            .collect();
    }
    outcomes
}

/// The demo clinician's signing key (published: it signs fictional records only; see
/// [`crate::identity::DEMO_PASSPHRASE`]).
pub fn demo_key() -> crate::identity::UnlockedKey {
    crate::identity::UnlockedKey::demo(CLINICIAN, CREDENTIALS)
}

const fn pincer(needle: NeedleSpec, tp: usize, depth: f32, twitches: u32) -> Needle {
    Needle {
        tp,
        needle,
        depth,
        direction: "posterior to anterior, towards the pinched fold",
        palpation: Palpation::Pincer,
        technique: NeedleTechnique::Pistoning,
        twitches,
        estim: false,
    }
}

const fn flat(
    needle: NeedleSpec,
    tp: usize,
    depth: f32,
    direction: &'static str,
    twitches: u32,
) -> Needle {
    Needle {
        tp,
        needle,
        depth,
        direction,
        palpation: Palpation::Flat,
        technique: NeedleTechnique::Pistoning,
        twitches,
        estim: false,
    }
}

#[allow(clippy::too_many_arguments)]
const fn tp(
    muscle: &'static str,
    side: Side,
    view: &'static str,
    x: f32,
    y: f32,
    active: bool,
    twitch: bool,
    ppt: Option<f32>,
) -> Tp {
    Tp {
        muscle,
        side,
        view,
        at: (x, y),
        active,
        twitch,
        ppt,
    }
}

const fn zone(
    view: &'static str,
    quality: PainQuality,
    intensity: u8,
    radius: f32,
    points: &'static [(f32, f32)],
    source: Option<usize>,
) -> Zone {
    Zone {
        view,
        quality,
        intensity,
        radius,
        points,
        source,
    }
}

// Referred-pain strokes, shrinking over the visits.
const TEMPLE_R: &[(f32, f32)] = &[(40.0, 70.0), (52.0, 85.0), (50.0, 100.0)];
const TEMPLE_R_SMALL: &[(f32, f32)] = &[(48.0, 82.0), (50.0, 92.0)];
const NECK_R: &[(f32, f32)] = &[(-35.0, 150.0), (-40.0, 180.0), (-38.0, 210.0)];
const NECK_R_SMALL: &[(f32, f32)] = &[(-38.0, 180.0), (-38.0, 200.0)];
const OCCIPUT_R: &[(f32, f32)] = &[(20.0, 150.0), (45.0, 140.0)];
const BUTTOCK_R: &[(f32, f32)] = &[(80.0, 840.0), (120.0, 860.0), (140.0, 900.0)];
const BUTTOCK_R_SMALL: &[(f32, f32)] = &[(110.0, 855.0), (125.0, 880.0)];
const LATERAL_THIGH_R: &[(f32, f32)] = &[(0.0, 860.0), (5.0, 960.0), (5.0, 1060.0), (0.0, 1160.0)];
const LATERAL_THIGH_R_MID: &[(f32, f32)] = &[(0.0, 860.0), (5.0, 960.0), (5.0, 1030.0)];
const LATERAL_THIGH_R_SMALL: &[(f32, f32)] = &[(0.0, 870.0), (4.0, 930.0)];
const ILIAC_CREST_L: &[(f32, f32)] = &[(-40.0, 715.0), (-90.0, 720.0), (-140.0, 740.0)];
const ILIAC_CREST_L_SMALL: &[(f32, f32)] = &[(-70.0, 718.0), (-110.0, 726.0)];
const SIJ_BUTTOCK_L: &[(f32, f32)] = &[(-40.0, 790.0), (-80.0, 830.0), (-110.0, 870.0)];
const SIJ_BUTTOCK_L_SMALL: &[(f32, f32)] = &[(-45.0, 795.0), (-70.0, 820.0)];
const GROIN_L: &[(f32, f32)] = &[(70.0, 830.0), (95.0, 850.0)];

const N_25_30: NeedleSpec = NeedleSpec::new(0.25, 30.0);
const N_25_40: NeedleSpec = NeedleSpec::new(0.25, 40.0);
const N_30_50: NeedleSpec = NeedleSpec::new(0.30, 50.0);
const N_30_75: NeedleSpec = NeedleSpec::new(0.30, 75.0);
const N_20_25: NeedleSpec = NeedleSpec::new(0.20, 25.0);

fn demo_patients() -> Vec<DemoPatient> {
    use PainQuality::{Aching, Throbbing, Tingling};
    use Side::{Left, Right};
    use views::{ANTERIOR, HEAD_POSTERIOR, HEAD_RIGHT_LATERAL, POSTERIOR, RIGHT_LATERAL};

    let desk_worker_tps = |ut_r_active: bool, ut_l: bool, levator: Option<bool>, subocc: bool| {
        let mut tps = vec![tp(
            "upper_trapezius",
            Right,
            POSTERIOR,
            135.0,
            312.0,
            ut_r_active,
            ut_r_active,
            Some(if ut_r_active { 1.6 } else { 2.6 }),
        )];
        if let Some(active) = levator {
            tps.push(tp(
                "levator_scapulae",
                Right,
                POSTERIOR,
                62.0,
                282.0,
                active,
                active,
                Some(if active { 1.9 } else { 2.8 }),
            ));
        }
        if subocc {
            tps.push(tp(
                "suboccipitals",
                Right,
                HEAD_POSTERIOR,
                24.0,
                158.0,
                true,
                false,
                None,
            ));
        }
        if ut_l {
            tps.push(tp(
                "upper_trapezius",
                Left,
                POSTERIOR,
                -135.0,
                314.0,
                false,
                false,
                Some(2.9),
            ));
        }
        tps
    };

    vec![
        DemoPatient {
            id: 0x0001_0000_0000_0000_0000_0000_0000_0101,
            name: "Claire Bennett (demo)",
            born: date(1988, 3, 14),
            notes: "Software tester, 8–9 h a day at a laptop. Tension-type headaches 3–4 days a week, right-sided. GP review: no red flags.",
            complaint: "Right-sided neck and shoulder tension with headaches at the right temple",
            onset: "4 months, gradual, worse with deadlines",
            visits: vec![
                Visit {
                    date: date(2026, 9, 7),
                    hour: 9,
                    pain: (7, 4),
                    position: PatientPosition::Prone,
                    complaint_pain: 7,
                    tps: desk_worker_tps(true, true, Some(true), true),
                    zones: vec![
                        zone(HEAD_RIGHT_LATERAL, Throbbing, 7, 16.0, TEMPLE_R, Some(0)),
                        zone(HEAD_RIGHT_LATERAL, Aching, 5, 14.0, NECK_R, Some(1)),
                        zone(HEAD_POSTERIOR, Aching, 5, 14.0, OCCIPUT_R, Some(2)),
                    ],
                    needles: vec![
                        pincer(N_25_30, 0, 12.0, 4),
                        flat(
                            N_30_50,
                            1,
                            25.0,
                            "caudal and lateral, onto the superior angle of the scapula",
                            2,
                        ),
                    ],
                    arrow: Some((
                        POSTERIOR,
                        (135.0, 312.0),
                        (60.0, 150.0),
                        "up the neck to the temple",
                    )),
                    notes: "Posture and workstation advice; chin-tuck and upper-trapezius stretch taught.",
                },
                Visit {
                    date: date(2026, 9, 14),
                    hour: 9,
                    pain: (6, 3),
                    position: PatientPosition::Prone,
                    complaint_pain: 6,
                    tps: desk_worker_tps(true, false, Some(true), true),
                    zones: vec![
                        zone(HEAD_RIGHT_LATERAL, Throbbing, 5, 14.0, TEMPLE_R, Some(0)),
                        zone(HEAD_RIGHT_LATERAL, Aching, 4, 12.0, NECK_R_SMALL, Some(1)),
                    ],
                    needles: vec![
                        pincer(N_25_30, 0, 12.0, 3),
                        flat(
                            N_30_50,
                            1,
                            25.0,
                            "caudal and lateral, onto the superior angle of the scapula",
                            1,
                        ),
                    ],
                    arrow: None,
                    notes: "Headaches down to 2 days this week. Continue home programme.",
                },
                Visit {
                    date: date(2026, 9, 28),
                    hour: 10,
                    pain: (4, 2),
                    position: PatientPosition::Prone,
                    complaint_pain: 4,
                    tps: desk_worker_tps(false, false, Some(false), false),
                    zones: vec![zone(
                        HEAD_RIGHT_LATERAL,
                        Throbbing,
                        3,
                        10.0,
                        TEMPLE_R_SMALL,
                        Some(0),
                    )],
                    needles: vec![pincer(N_25_30, 0, 10.0, 1)],
                    arrow: None,
                    notes: "One headache in two weeks. Suboccipital tenderness resolved.",
                },
                Visit {
                    date: date(2026, 10, 19),
                    hour: 10,
                    pain: (2, 1),
                    position: PatientPosition::Sitting,
                    complaint_pain: 2,
                    tps: desk_worker_tps(false, false, None, false),
                    zones: vec![],
                    needles: vec![],
                    arrow: None,
                    notes: "No headaches for three weeks. Discharged to home programme; review if symptoms recur.",
                },
            ],
        },
        DemoPatient {
            id: 0x0001_0000_0000_0000_0000_0000_0000_0102,
            name: "Tomás Ferreira (demo)",
            born: date(1996, 7, 2),
            notes: "Recreational runner, 35–45 km a week, training for a half marathon. Hip joint screen clear.",
            complaint: "Right lateral hip and buttock pain spreading down the outer thigh when running",
            onset: "6 weeks, after increasing hill training",
            visits: vec![
                Visit {
                    date: date(2026, 8, 24),
                    hour: 17,
                    pain: (6, 4),
                    position: PatientPosition::SideLyingLeft,
                    complaint_pain: 6,
                    tps: vec![
                        tp(
                            "gluteus_medius",
                            Right,
                            POSTERIOR,
                            118.0,
                            768.0,
                            true,
                            true,
                            Some(3.1),
                        ),
                        tp(
                            "gluteus_minimus",
                            Right,
                            POSTERIOR,
                            140.0,
                            792.0,
                            true,
                            true,
                            Some(2.8),
                        ),
                        tp(
                            "piriformis",
                            Right,
                            POSTERIOR,
                            92.0,
                            820.0,
                            false,
                            false,
                            Some(3.5),
                        ),
                        tp(
                            "tensor_fasciae_latae",
                            Right,
                            ANTERIOR,
                            -150.0,
                            835.0,
                            true,
                            false,
                            Some(3.3),
                        ),
                    ],
                    zones: vec![
                        zone(POSTERIOR, Aching, 6, 22.0, BUTTOCK_R, Some(0)),
                        zone(RIGHT_LATERAL, Aching, 5, 20.0, LATERAL_THIGH_R, Some(1)),
                    ],
                    needles: vec![
                        flat(N_30_75, 0, 45.0, "perpendicular to the skin", 3),
                        flat(N_30_75, 1, 60.0, "perpendicular, down to the ilium", 2),
                        flat(N_25_40, 3, 20.0, "perpendicular", 0),
                    ],
                    arrow: Some((
                        RIGHT_LATERAL,
                        (0.0, 860.0),
                        (0.0, 1150.0),
                        "down the outer thigh",
                    )),
                    notes: "Hip abductor strength 4/5 right. Load management: hills paused for two weeks.",
                },
                Visit {
                    date: date(2026, 8, 31),
                    hour: 17,
                    pain: (5, 3),
                    position: PatientPosition::SideLyingLeft,
                    complaint_pain: 5,
                    tps: vec![
                        tp(
                            "gluteus_medius",
                            Right,
                            POSTERIOR,
                            118.0,
                            768.0,
                            true,
                            true,
                            Some(3.4),
                        ),
                        tp(
                            "gluteus_minimus",
                            Right,
                            POSTERIOR,
                            140.0,
                            792.0,
                            true,
                            false,
                            Some(3.1),
                        ),
                        tp(
                            "tensor_fasciae_latae",
                            Right,
                            ANTERIOR,
                            -150.0,
                            835.0,
                            false,
                            false,
                            Some(3.8),
                        ),
                    ],
                    zones: vec![
                        zone(POSTERIOR, Aching, 5, 20.0, BUTTOCK_R, Some(0)),
                        zone(RIGHT_LATERAL, Aching, 4, 18.0, LATERAL_THIGH_R_MID, Some(1)),
                    ],
                    needles: vec![
                        flat(N_30_75, 0, 45.0, "perpendicular to the skin", 2),
                        Needle {
                            estim: true,
                            technique: NeedleTechnique::Static,
                            ..flat(N_30_75, 1, 60.0, "perpendicular, down to the ilium", 1)
                        },
                    ],
                    arrow: None,
                    notes: "Ran 3 × 5 km flat without pain above 3/10.",
                },
                Visit {
                    date: date(2026, 9, 9),
                    hour: 18,
                    pain: (5, 3),
                    position: PatientPosition::SideLyingLeft,
                    complaint_pain: 5,
                    tps: vec![
                        tp(
                            "gluteus_medius",
                            Right,
                            POSTERIOR,
                            116.0,
                            770.0,
                            true,
                            true,
                            Some(3.2),
                        ),
                        tp(
                            "gluteus_minimus",
                            Right,
                            POSTERIOR,
                            140.0,
                            792.0,
                            true,
                            true,
                            Some(3.0),
                        ),
                    ],
                    zones: vec![
                        zone(POSTERIOR, Aching, 5, 20.0, BUTTOCK_R, Some(0)),
                        zone(
                            RIGHT_LATERAL,
                            Tingling,
                            3,
                            16.0,
                            LATERAL_THIGH_R_MID,
                            Some(1),
                        ),
                    ],
                    needles: vec![
                        flat(N_30_75, 0, 45.0, "perpendicular to the skin", 3),
                        flat(N_30_75, 1, 60.0, "perpendicular, down to the ilium", 2),
                    ],
                    arrow: None,
                    notes: "Flare after a 16 km long run with hills. Plan adjusted: long run capped at 12 km.",
                },
                Visit {
                    date: date(2026, 9, 23),
                    hour: 17,
                    pain: (3, 1),
                    position: PatientPosition::SideLyingLeft,
                    complaint_pain: 3,
                    tps: vec![
                        tp(
                            "gluteus_medius",
                            Right,
                            POSTERIOR,
                            116.0,
                            770.0,
                            false,
                            false,
                            Some(4.0),
                        ),
                        tp(
                            "gluteus_minimus",
                            Right,
                            POSTERIOR,
                            140.0,
                            792.0,
                            true,
                            false,
                            Some(3.6),
                        ),
                    ],
                    zones: vec![
                        zone(POSTERIOR, Aching, 3, 16.0, BUTTOCK_R_SMALL, Some(0)),
                        zone(
                            RIGHT_LATERAL,
                            Aching,
                            2,
                            14.0,
                            LATERAL_THIGH_R_SMALL,
                            Some(1),
                        ),
                    ],
                    needles: vec![flat(
                        N_30_75,
                        1,
                        55.0,
                        "perpendicular, down to the ilium",
                        1,
                    )],
                    arrow: None,
                    notes: "Hip abductor strength 5/5. Hills reintroduced gradually.",
                },
                Visit {
                    date: date(2026, 10, 14),
                    hour: 17,
                    pain: (1, 0),
                    position: PatientPosition::SideLyingLeft,
                    complaint_pain: 1,
                    tps: vec![tp(
                        "gluteus_minimus",
                        Right,
                        POSTERIOR,
                        140.0,
                        792.0,
                        false,
                        false,
                        Some(4.4),
                    )],
                    zones: vec![],
                    needles: vec![],
                    arrow: None,
                    notes: "Completed a 21 km training run without pain. Discharged.",
                },
            ],
        },
        DemoPatient {
            id: 0x0001_0000_0000_0000_0000_0000_0000_0103,
            name: "Margaret Oduya (demo)",
            born: date(1972, 11, 30),
            notes: "Nurse, long shifts standing and lifting. Chronic low back pain 2 years; imaging unremarkable per GP. Takes no anticoagulants.",
            complaint: "Left low back pain along the iliac crest into the buttock, worse standing",
            onset: "2 years, flare 3 weeks ago after lifting a patient",
            visits: vec![
                Visit {
                    date: date(2026, 10, 1),
                    hour: 14,
                    pain: (8, 6),
                    position: PatientPosition::SideLyingRight,
                    complaint_pain: 8,
                    tps: vec![
                        tp(
                            "quadratus_lumborum",
                            Left,
                            POSTERIOR,
                            -78.0,
                            682.0,
                            true,
                            false,
                            Some(2.2),
                        ),
                        tp(
                            "iliocostalis_lumborum",
                            Left,
                            POSTERIOR,
                            -52.0,
                            655.0,
                            true,
                            true,
                            Some(2.5),
                        ),
                        tp(
                            "multifidus",
                            Left,
                            POSTERIOR,
                            -18.0,
                            772.0,
                            true,
                            false,
                            None,
                        ),
                        tp(
                            "gluteus_medius",
                            Left,
                            POSTERIOR,
                            -120.0,
                            770.0,
                            false,
                            false,
                            Some(3.4),
                        ),
                    ],
                    zones: vec![
                        zone(POSTERIOR, Aching, 8, 20.0, ILIAC_CREST_L, Some(0)),
                        zone(POSTERIOR, Aching, 6, 20.0, SIJ_BUTTOCK_L, Some(2)),
                        zone(ANTERIOR, Aching, 4, 14.0, GROIN_L, Some(0)),
                    ],
                    needles: vec![
                        flat(
                            N_30_75,
                            0,
                            50.0,
                            "lateral to medial, towards the transverse process, in side-lying",
                            0,
                        ),
                        flat(N_30_50, 1, 30.0, "perpendicular", 2),
                    ],
                    arrow: None,
                    notes: "Cautious first treatment: two sites only. Walking programme started.",
                },
                Visit {
                    date: date(2026, 10, 8),
                    hour: 14,
                    pain: (6, 4),
                    position: PatientPosition::SideLyingRight,
                    complaint_pain: 6,
                    tps: vec![
                        tp(
                            "quadratus_lumborum",
                            Left,
                            POSTERIOR,
                            -78.0,
                            682.0,
                            true,
                            true,
                            Some(2.7),
                        ),
                        tp(
                            "iliocostalis_lumborum",
                            Left,
                            POSTERIOR,
                            -52.0,
                            655.0,
                            false,
                            false,
                            Some(3.1),
                        ),
                        tp(
                            "multifidus",
                            Left,
                            POSTERIOR,
                            -18.0,
                            772.0,
                            true,
                            false,
                            None,
                        ),
                    ],
                    zones: vec![
                        zone(POSTERIOR, Aching, 6, 18.0, ILIAC_CREST_L, Some(0)),
                        zone(POSTERIOR, Aching, 4, 16.0, SIJ_BUTTOCK_L_SMALL, Some(2)),
                    ],
                    needles: vec![
                        flat(
                            N_30_75,
                            0,
                            50.0,
                            "lateral to medial, towards the transverse process, in side-lying",
                            3,
                        ),
                        flat(
                            N_30_50,
                            2,
                            35.0,
                            "perpendicular, slightly medial, onto the lamina",
                            1,
                        ),
                    ],
                    arrow: None,
                    notes: "Groin pain gone. Sitting tolerance 45 min.",
                },
                Visit {
                    date: date(2026, 10, 22),
                    hour: 15,
                    pain: (5, 3),
                    position: PatientPosition::SideLyingRight,
                    complaint_pain: 5,
                    tps: vec![
                        tp(
                            "quadratus_lumborum",
                            Left,
                            POSTERIOR,
                            -78.0,
                            682.0,
                            false,
                            false,
                            Some(3.2),
                        ),
                        tp(
                            "multifidus",
                            Left,
                            POSTERIOR,
                            -18.0,
                            772.0,
                            true,
                            false,
                            None,
                        ),
                    ],
                    zones: vec![zone(
                        POSTERIOR,
                        Aching,
                        4,
                        16.0,
                        ILIAC_CREST_L_SMALL,
                        Some(0),
                    )],
                    needles: vec![flat(
                        N_20_25,
                        1,
                        20.0,
                        "perpendicular, slightly medial, onto the lamina",
                        1,
                    )],
                    arrow: None,
                    notes: "Back at full shifts with lifting aids. Continue strengthening; review in 3 weeks.",
                },
            ],
        },
    ]
}

/// A deliberately heavy session for benchmarks: 400 trigger points, 400 needle sites and 60
/// painted zones totalling 20,000 brush points (the product's performance target), spread
/// deterministically over the posterior and anterior views.
pub fn heavy_session() -> Session {
    let started = DateTime::from_parts(date(2026, 11, 2), jiff::civil::time(9, 0, 0, 0));
    let mut session = Session::new(
        SessionId::from_u128(0xbeef),
        PatientId::from_u128(0xfeed),
        started,
    );
    session.clinician = CLINICIAN.to_owned();
    // A small deterministic generator (xorshift) keeps the layout stable across runs.
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f32 / (1u64 << 53) as f32
    };
    let muscles = [
        "upper_trapezius",
        "gluteus_medius",
        "infraspinatus",
        "quadratus_lumborum",
    ];
    let mut id = 0;
    let mut new_id = || {
        id += 1;
        MarkId(id)
    };
    for i in 0..400 {
        let view = if i % 2 == 0 {
            views::POSTERIOR
        } else {
            views::ANTERIOR
        };
        let at = MapPoint::new(next() * 400.0 - 200.0, 200.0 + next() * 1400.0);
        let tp_id = new_id();
        session.trigger_points.push(TriggerPoint {
            id: tp_id,
            view: ViewId::new(view),
            at,
            muscle: Some(MuscleRef::new(muscles[i % muscles.len()])),
            side: if at.x > 0.0 { Side::Right } else { Side::Left },
            status: if i % 3 == 0 {
                TriggerPointStatus::Latent
            } else {
                TriggerPointStatus::Active
            },
            taut_band: Finding::Present,
            spot_tenderness: Finding::Present,
            local_twitch_response: Finding::NotTested,
            recognised_referral: Finding::Present,
            pressure_pain_threshold: Some(2.0 + next() * 3.0),
            notes: String::new(),
            carried_forward: false,
        });
        session.needle_sites.push(NeedleSite {
            id: new_id(),
            view: ViewId::new(view),
            at: MapPoint::new(at.x + 3.0, at.y + 3.0),
            muscle: Some(MuscleRef::new(muscles[i % muscles.len()])),
            side: if at.x > 0.0 { Side::Right } else { Side::Left },
            needle: N_25_40,
            depth_mm: Some(20.0),
            direction: "perpendicular".to_owned(),
            palpation: Palpation::Flat,
            technique: NeedleTechnique::Pistoning,
            twitch_count: Some(i as u32 % 5),
            retention_min: None,
            electrical_stimulation: None,
            immediate_response: String::new(),
            patient_position: None,
            trigger_point: Some(tp_id),
            notes: String::new(),
            warnings: Vec::new(),
        });
    }
    for i in 0..60 {
        let view = if i % 2 == 0 {
            views::POSTERIOR
        } else {
            views::ANTERIOR
        };
        let (mut x, mut y) = (next() * 300.0 - 150.0, 150.0 + next() * 1300.0);
        let points = (0..333 + usize::from(i < 20))
            .map(|_| {
                x = (x + next() * 6.0 - 3.0).clamp(-250.0, 250.0);
                y = (y + next() * 6.0 - 3.0).clamp(0.0, 1750.0);
                MapPoint::new(x, y)
            })
            .collect();
        session.referred_zones.push(ReferredZone {
            id: new_id(),
            view: ViewId::new(view),
            intensity: (i % 10) as u8 + 1,
            quality: PainQuality::ALL[i % PainQuality::ALL.len()],
            depth: TissueDepth::Deep,
            source: None,
            paint: vec![PaintOp::Brush {
                radius: 10.0 + next() * 10.0,
                points,
            }],
            notes: String::new(),
            carried_forward: false,
        });
    }
    session
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heavy_session_matches_the_benchmark_target() {
        let session = heavy_session();
        assert_eq!(session.trigger_points.len(), 400);
        assert_eq!(session.needle_sites.len(), 400);
        assert_eq!(session.referred_zones.len(), 60);
        let points: usize = session
            .referred_zones
            .iter()
            .flat_map(|z| &z.paint)
            .map(|op| op.points().len())
            .sum();
        assert_eq!(points, 20_000);
        assert!(session.problems().is_empty());
        assert_eq!(session, heavy_session(), "deterministic");
    }

    #[test]
    fn demo_is_deterministic_and_clinically_consistent() {
        let first = demo_records();
        let second = demo_records();
        assert_eq!(first.len(), 3);
        for ((p1, s1), (p2, s2)) in first.iter().zip(&second) {
            assert_eq!(p1, p2);
            assert_eq!(s1, s2);
            assert!(
                (3..=5).contains(&s1.len()),
                "{} has {} visits",
                p1.display_name,
                s1.len()
            );
            for session in s1 {
                assert_eq!(session.patient_id, p1.id);
                assert!(!session.signature_state().is_tampered());
                assert!(session.consent.is_some() && session.screening.is_reviewed());
                assert!(session.problems().is_empty(), "{:?}", session.problems());
                // Pain after treatment never exceeds pain before.
                assert!(session.pain_after <= session.pain_before);
            }
            // Every visit but the latest is signed; the first carries an addendum.
            let signed = s1.iter().filter(|s| s.is_signed()).count();
            assert_eq!(signed, s1.len() - 1);
            assert_eq!(s1[0].addenda.len(), 1);
            // Progress: the last visit's pain is lower than the first's.
            let first_pain = s1.first().and_then(|s| s.pain_before);
            let last_pain = s1.last().and_then(|s| s.pain_before);
            assert!(last_pain < first_pain);
        }
    }

    /// Every demo trigger point lies on its own muscle, on that side, on the standard map as
    /// drawn now: a redrawn map must not leave the demo's marks off their muscles.
    #[test]
    fn every_demo_trigger_point_lies_on_its_muscle() {
        let map = crate::bodymap::standard();
        let mut off = Vec::new();
        for (patient, sessions) in demo_records() {
            for session in sessions {
                for tp in &session.trigger_points {
                    let Some(muscle) = &tp.muscle else {
                        continue;
                    };
                    let index = &map.index[&tp.view];
                    let on_it = index
                        .muscles_at(tp.at)
                        .iter()
                        .any(|h| h.muscle == muscle.0.as_str() && h.side == tp.side);
                    if !on_it {
                        off.push(format!(
                            "{}: {} {:?} on {} at ({}, {})",
                            patient.display_name,
                            muscle.0.as_str(),
                            tp.side,
                            tp.view,
                            tp.at.x,
                            tp.at.y
                        ));
                    }
                }
            }
        }
        assert!(off.is_empty(), "{}", off.join("\n"));
    }

    #[test]
    fn every_demo_session_id_and_file_name_is_unique_across_the_library() {
        let records = demo_records();
        let mut ids = std::collections::BTreeSet::new();
        let mut short_ids = std::collections::BTreeSet::new();
        let mut patient_ids = std::collections::BTreeSet::new();
        let mut sessions = 0;
        for (patient, visits) in &records {
            assert!(
                patient_ids.insert(patient.id),
                "patient {} twice",
                patient.id
            );
            for session in visits {
                sessions += 1;
                assert!(
                    ids.insert(session.id),
                    "session id {} appears twice (again under {})",
                    session.id,
                    patient.display_name
                );
                // The short id names the file: two visits on one day must not share it.
                assert!(
                    short_ids.insert(session.id.short()),
                    "short id {} appears twice (again under {})",
                    session.id.short(),
                    patient.display_name
                );
            }
        }
        assert!(sessions >= 9, "{sessions} demo visits");
        // No session id is also a patient's id.
        assert!(
            ids.iter()
                .all(|id| !patient_ids.iter().any(|p| p.0 == id.0))
        );
    }

    #[test]
    fn demo_measures_move_realistically_and_one_stays_within_measurement_error() {
        use crate::progress::{ChangeLabel, trends};
        let records = demo_records();
        let mut labels = Vec::new();
        for (patient, sessions) in &records {
            for session in sessions {
                crate::model::outcomes::check(&session.outcomes).expect("valid demo outcomes");
            }
            let sessions: Vec<&Session> = sessions.iter().collect();
            for trend in trends(&sessions) {
                let change = trend.change().expect("every demo measure is repeated");
                labels.push((
                    patient.display_name.clone(),
                    trend.label.clone(),
                    change.label,
                ));
            }
        }
        let label = |who: &str, what: &str| {
            labels
                .iter()
                .find(|(p, l, _)| p.starts_with(who) && l == what)
                .map(|(_, _, label)| *label)
        };
        assert_eq!(label("Claire", "NDI"), Some(ChangeLabel::ExceedsMcid));
        assert_eq!(label("Tomás", "LEFS"), Some(ChangeLabel::ExceedsMcid));
        assert_eq!(
            label("Margaret", "ODI"),
            Some(ChangeLabel::WithinMeasurementError)
        );
        assert!(
            labels.iter().all(|(_, _, l)| *l != ChangeLabel::Worse),
            "{labels:?}"
        );
    }
}
