//! A treatment session: the header of the visit and everything charted during it.

use std::collections::HashSet;

use jiff::civil::DateTime;
use serde::{Deserialize, Serialize};

use super::ranges::{self, Ranged as _};
use crate::geometry::ViewId;

use super::{
    Addendum, AdverseEvent, Aftercare, Arrow, Consent, GateOverride, MarkId, MarkKind, MarkRef,
    NeedleCount, NeedleSite, Outcomes, PatientId, PatientPosition, ReferredZone, Screening,
    SessionId, Signature, TextNote, TriggerPoint,
};

/// The largest brush a zone may use: a quarter of the reference body's width is already
/// more than any clinician paints with.
pub const MAX_BRUSH_RADIUS_MM: f32 = 200.0;

/// More local twitch responses than anyone counts at one insertion.
pub const MAX_TWITCH_RESPONSES: u32 = 1_000;

/// A pain score on the 0–10 numeric rating scale (NPRS).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PainScore(pub u8);

impl PainScore {
    pub const MAX: u8 = 10;

    pub fn new(value: u8) -> Option<Self> {
        (value <= Self::MAX).then_some(Self(value))
    }

    pub fn is_valid(self) -> bool {
        self.0 <= Self::MAX
    }
}

/// The body map a session was charted on. Marks are only meaningful on that map.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BodyMapRef {
    pub id: String,
    pub version: u32,
}

impl BodyMapRef {
    /// The standard adult body map built into myomap.
    pub fn standard() -> Self {
        Self {
            id: crate::STANDARD_BODY_MAP_ID.to_owned(),
            version: crate::STANDARD_BODY_MAP_VERSION,
        }
    }
}

/// One presenting complaint.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Complaint {
    pub description: String,
    /// When and how it started, in the clinician's words ("3 months, insidious").
    pub onset: String,
    #[serde(deserialize_with = "super::ranges::complaint_pain")]
    pub pain: Option<PainScore>,
    /// Copied from the previous visit by "Start from last visit" and not yet confirmed, edited
    /// or removed in this one: the visit cannot be signed while one is. Written only when
    /// set, so every other file (and every signature's encoding) is as before.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub carried_forward: bool,
}

impl Complaint {
    /// A complaint recorded in this visit.
    pub fn new(description: impl Into<String>, onset: impl Into<String>) -> Self {
        Self {
            description: description.into(),
            onset: onset.into(),
            pain: None,
            carried_forward: false,
        }
    }
}

/// One treatment session (`patients/<patient>/sessions/<date>-<short id>.ron`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub format_version: u32,
    pub id: SessionId,
    pub patient_id: PatientId,
    /// Local date and time the session started: the clinic's wall-clock time, no time zone.
    #[serde(deserialize_with = "super::local_time::deserialize")]
    pub started_at: DateTime,
    pub clinician: String,
    pub body_map: BodyMapRef,
    pub patient_position: Option<PatientPosition>,
    pub complaints: Vec<Complaint>,
    /// NPRS at the start of the session.
    #[serde(deserialize_with = "super::ranges::pain_before")]
    pub pain_before: Option<PainScore>,
    /// NPRS at the end of the session.
    #[serde(deserialize_with = "super::ranges::pain_after")]
    pub pain_after: Option<PainScore>,
    pub trigger_points: Vec<TriggerPoint>,
    pub referred_zones: Vec<ReferredZone>,
    pub needle_sites: Vec<NeedleSite>,
    pub arrows: Vec<Arrow>,
    pub text_notes: Vec<TextNote>,
    /// Free clinical notes for the session.
    pub notes: String,
    /// What the patient and clinician aim for.
    #[serde(default)]
    pub goals: String,
    /// Treatment plan.
    #[serde(default)]
    pub plan: String,
    /// Follow-up: next appointment, home exercises. Printed on the patient's handout, so
    /// written for the patient.
    #[serde(default)]
    pub follow_up: String,
    #[serde(default)]
    pub screening: Screening,
    #[serde(default)]
    pub consent: Option<Consent>,
    /// Needling allowed without reviewed screening or consent, and why.
    #[serde(default)]
    pub gate_override: Option<GateOverride>,
    #[serde(default)]
    pub needle_count: NeedleCount,
    #[serde(default)]
    pub adverse_events: Vec<AdverseEvent>,
    #[serde(default)]
    pub aftercare: Aftercare,
    /// Set when the session is signed: it is then frozen, and changes are addenda.
    #[serde(default)]
    pub signature: Option<Signature>,
    #[serde(default)]
    pub addenda: Vec<Addendum>,
    /// Outcome measures (PSFS, NDI, ODI, QuickDASH, LEFS, clinic-defined) and range of
    /// motion taken at this visit (format version 4). Left out of the file when empty, so a
    /// visit without measures is written as before (and hashes as before: sessions sealed
    /// before signatures existed keep their content hash).
    #[serde(default, skip_serializing_if = "Outcomes::is_empty")]
    pub outcomes: Outcomes,
}

impl Session {
    /// An empty session for `patient_id`, on the standard body map.
    pub fn new(id: SessionId, patient_id: PatientId, started_at: DateTime) -> Self {
        Self {
            format_version: crate::storage::SESSION_FORMAT_VERSION,
            id,
            patient_id,
            started_at,
            clinician: String::new(),
            body_map: BodyMapRef::standard(),
            patient_position: None,
            complaints: Vec::new(),
            pain_before: None,
            pain_after: None,
            trigger_points: Vec::new(),
            referred_zones: Vec::new(),
            needle_sites: Vec::new(),
            arrows: Vec::new(),
            text_notes: Vec::new(),
            notes: String::new(),
            goals: String::new(),
            plan: String::new(),
            follow_up: String::new(),
            screening: Screening::default(),
            consent: None,
            gate_override: None,
            needle_count: NeedleCount::default(),
            adverse_events: Vec::new(),
            aftercare: Aftercare::default(),
            signature: None,
            addenda: Vec::new(),
            outcomes: Outcomes::default(),
        }
    }

    /// Every mark of the session, in kind order.
    pub fn mark_refs(&self) -> impl Iterator<Item = MarkRef> + '_ {
        self.marks_with_views().map(|(mark, _)| mark)
    }

    /// Every mark with the view it is charted on, in one pass (no lookup per mark).
    pub fn marks_with_views(&self) -> impl Iterator<Item = (MarkRef, &ViewId)> + '_ {
        let of = |kind| move |(id, view)| (MarkRef::new(kind, id), view);
        self.trigger_points
            .iter()
            .map(|m| (m.id, &m.view))
            .map(of(MarkKind::TriggerPoint))
            .chain(
                self.referred_zones
                    .iter()
                    .map(|m| (m.id, &m.view))
                    .map(of(MarkKind::ReferredZone)),
            )
            .chain(
                self.needle_sites
                    .iter()
                    .map(|m| (m.id, &m.view))
                    .map(of(MarkKind::NeedleSite)),
            )
            .chain(
                self.arrows
                    .iter()
                    .map(|m| (m.id, &m.view))
                    .map(of(MarkKind::Arrow)),
            )
            .chain(
                self.text_notes
                    .iter()
                    .map(|m| (m.id, &m.view))
                    .map(of(MarkKind::TextNote)),
            )
    }

    pub fn mark_count(&self) -> usize {
        self.trigger_points.len()
            + self.referred_zones.len()
            + self.needle_sites.len()
            + self.arrows.len()
            + self.text_notes.len()
    }

    /// The recorded side of a trigger point or needle site (the marks that have one).
    pub fn side_mut(&mut self, mark: MarkRef) -> Option<&mut super::Side> {
        match mark.kind {
            MarkKind::TriggerPoint => self
                .trigger_points
                .iter_mut()
                .find(|m| m.id == mark.id)
                .map(|m| &mut m.side),
            MarkKind::NeedleSite => self
                .needle_sites
                .iter_mut()
                .find(|m| m.id == mark.id)
                .map(|m| &mut m.side),
            _ => None,
        }
    }

    /// The edit that records `side` for a trigger point or needle site, its other details kept.
    pub fn side_update(&self, mark: MarkRef, side: super::Side) -> Option<super::MarkUpdate> {
        match mark.kind {
            MarkKind::TriggerPoint => self
                .trigger_points
                .iter()
                .find(|m| m.id == mark.id)
                .map(|m| super::MarkUpdate::TriggerPoint(TriggerPoint { side, ..m.clone() })),
            MarkKind::NeedleSite => self
                .needle_sites
                .iter()
                .find(|m| m.id == mark.id)
                .map(|m| super::MarkUpdate::NeedleSite(NeedleSite { side, ..m.clone() })),
            _ => None,
        }
    }

    /// Every position a mark is drawn at, with the mark and its view: trigger points,
    /// needle sites, notes, both ends of arrows and every point of every stroke.
    pub fn mark_positions(&self) -> Vec<(MarkRef, &ViewId, crate::geometry::MapPoint)> {
        let mut positions = Vec::new();
        for m in &self.trigger_points {
            positions.push((MarkRef::new(MarkKind::TriggerPoint, m.id), &m.view, m.at));
        }
        for m in &self.needle_sites {
            positions.push((MarkRef::new(MarkKind::NeedleSite, m.id), &m.view, m.at));
        }
        for m in &self.text_notes {
            positions.push((MarkRef::new(MarkKind::TextNote, m.id), &m.view, m.at));
        }
        for m in &self.arrows {
            let mark = MarkRef::new(MarkKind::Arrow, m.id);
            positions.push((mark, &m.view, m.from));
            positions.push((mark, &m.view, m.to));
        }
        for zone in &self.referred_zones {
            let mark = MarkRef::new(MarkKind::ReferredZone, zone.id);
            for point in zone.paint.iter().flat_map(|op| op.points()) {
                positions.push((mark, &zone.view, *point));
            }
        }
        positions
    }

    /// Every view the session has marks on, sorted, each once.
    pub fn views_used(&self) -> std::collections::BTreeSet<&ViewId> {
        self.trigger_points
            .iter()
            .map(|m| &m.view)
            .chain(self.referred_zones.iter().map(|m| &m.view))
            .chain(self.needle_sites.iter().map(|m| &m.view))
            .chain(self.arrows.iter().map(|m| &m.view))
            .chain(self.text_notes.iter().map(|m| &m.view))
            .collect()
    }

    /// A mark id not used by any mark of this session.
    pub fn next_mark_id(&self) -> MarkId {
        let max = self.mark_refs().map(|m| m.id.0).max();
        MarkId(max.map_or(1, |m| m.saturating_add(1)))
    }

    /// The date part, used in file names and lists.
    pub fn date(&self) -> jiff::civil::Date {
        self.started_at.date()
    }

    /// Problems in the content that the file syntax cannot catch, each naming the mark
    /// involved so a reader can find it.
    pub fn problems(&self) -> Vec<SessionProblem> {
        let mut problems = Vec::new();
        let mut push = |mark: Option<MarkRef>, message: String| {
            problems.push(SessionProblem { mark, message });
        };

        // Whole-session values; each mark's own values are checked with the mark below.
        let pains = [
            (ranges::PAIN_BEFORE, self.pain_before),
            (ranges::PAIN_AFTER, self.pain_after),
        ]
        .into_iter()
        .chain(
            self.complaints
                .iter()
                .map(|c| (ranges::COMPLAINT_PAIN, c.pain)),
        );
        for (range, pain) in pains {
            if let Err(out) = pain.check_in(&range) {
                push(None, out.to_string());
            }
        }
        for (range, count) in [
            (ranges::INSERTED, self.needle_count.inserted),
            (ranges::REMOVED, self.needle_count.removed),
        ] {
            if let Err(out) = count.check_in(&range) {
                push(None, out.to_string());
            }
        }

        let mut seen = HashSet::new();
        for mark in self.mark_refs() {
            if !seen.insert(mark.id) {
                push(Some(mark), format!("mark id {} is used twice", mark.id));
            }
        }

        let trigger_ids: HashSet<MarkId> = self.trigger_points.iter().map(|t| t.id).collect();
        let values = self
            .trigger_points
            .iter()
            .map(|m| (MarkKind::TriggerPoint, m.id, ranges::trigger_point(m)))
            .chain(
                self.needle_sites
                    .iter()
                    .map(|m| (MarkKind::NeedleSite, m.id, ranges::needle_site(m))),
            )
            .chain(
                self.referred_zones
                    .iter()
                    .map(|m| (MarkKind::ReferredZone, m.id, ranges::zone(m))),
            )
            .chain(self.arrows.iter().map(|m| {
                let ends = m.from.check_in(&ranges::COORDINATE);
                (
                    MarkKind::Arrow,
                    m.id,
                    ends.and(m.to.check_in(&ranges::COORDINATE)),
                )
            }))
            .chain(self.text_notes.iter().map(|m| {
                let at = m.at.check_in(&ranges::COORDINATE);
                (MarkKind::TextNote, m.id, at)
            }));
        for (kind, id, checked) in values {
            if let Err(out) = checked {
                push(
                    Some(MarkRef::new(kind, id)),
                    format!("{} {id}: {out}", kind.label()),
                );
            }
        }

        for zone in &self.referred_zones {
            let mark = MarkRef::new(MarkKind::ReferredZone, zone.id);
            if let Some(source) = zone.source
                && !trigger_ids.contains(&source)
            {
                push(
                    Some(mark),
                    format!(
                        "zone {} names trigger point {source}, which is not in this session",
                        zone.id
                    ),
                );
            }
        }

        for needle in &self.needle_sites {
            let mark = MarkRef::new(MarkKind::NeedleSite, needle.id);
            let spec = needle.needle;
            if let Some(depth) = needle.depth_mm
                && !(0.0..=spec.length_mm).contains(&depth)
            {
                push(
                    Some(mark),
                    format!(
                        "needle site {} is {depth} mm deep with a {} mm needle",
                        needle.id, spec.length_mm
                    ),
                );
            }
            if let Some(tp) = needle.trigger_point
                && !trigger_ids.contains(&tp)
            {
                push(
                    Some(mark),
                    format!(
                        "needle site {} names trigger point {tp}, which is not in this session",
                        needle.id
                    ),
                );
            }
        }
        problems
    }
}

/// A content problem found by [`Session::problems`].
#[derive(Clone, Debug, PartialEq)]
pub struct SessionProblem {
    /// The mark at fault, when there is one.
    pub mark: Option<MarkRef>,
    pub message: String,
}
