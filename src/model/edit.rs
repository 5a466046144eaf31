//! The edits a clinician makes to a session, as values applied in one place
//! ([`Session::apply`]). The canvas, the inspector and the record's forms produce them; the
//! document (`crate::document`) checks them and records the undo steps. No egui here.

use super::{
    AdverseEvent, Aftercare, Arrow, Complaint, Consent, GateOverride, MarkId, MarkKind, MarkRef,
    NeedleCount, NeedleSite, PainQuality, PainScore, PaintOp, PatientPosition, ReferredZone,
    Screening, Session, TextNote, TissueDepth, TriggerPoint, WarningKind,
};
use crate::geometry::{MapPoint, ViewId};

/// One change to a session: its marks or its record. Signing and addenda are not edits: they
/// are the document's own operations and can never be undone.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    AddTriggerPoint(TriggerPoint),
    AddNeedle(NeedleSite),
    AddZone(ReferredZone),
    AddArrow(Arrow),
    AddNote(TextNote),
    /// Appends a brush stroke or lasso fill to an existing zone.
    Paint {
        zone: MarkId,
        op: PaintOp,
    },
    /// An eraser stroke on a view: added to every zone of that view it passes over.
    Erase {
        view: ViewId,
        op: PaintOp,
    },
    /// Moves marks by `delta` mm (zones move with all their paint).
    Move {
        marks: Vec<MarkRef>,
        delta: (f32, f32),
    },
    Remove(Vec<MarkRef>),
    /// Marks carried forward from the previous visit, confirmed for this one.
    Confirm(Vec<MarkRef>),
    /// Replaces a mark's details, found by id. Its view and place change only by `Move`, and
    /// a needle site's safety warnings only by `Acknowledge` (they are computed, not typed).
    Update(MarkUpdate),
    /// Replaces one part of the visit's record.
    Set(Field),
    /// Acknowledges the safety warnings of needle sites: all of each site's warnings, or only
    /// those of one kind and message.
    Acknowledge {
        sites: Vec<MarkId>,
        only: Option<(WarningKind, String)>,
    },
}

/// A mark's new details, for [`Edit::Update`].
#[derive(Clone, Debug, PartialEq)]
pub enum MarkUpdate {
    TriggerPoint(TriggerPoint),
    NeedleSite(NeedleSite),
    Zone(ZoneDetails),
    Arrow(Arrow),
    TextNote(TextNote),
}

/// What describes a referred-pain zone apart from its paint (which can be megabytes).
#[derive(Clone, Debug, PartialEq)]
pub struct ZoneDetails {
    pub id: MarkId,
    /// NPRS-like intensity, 0–10.
    pub intensity: u8,
    pub quality: PainQuality,
    pub depth: TissueDepth,
    pub source: Option<MarkId>,
    pub notes: String,
    pub carried_forward: bool,
}

impl ZoneDetails {
    pub fn of(zone: &ReferredZone) -> Self {
        Self {
            id: zone.id,
            intensity: zone.intensity,
            quality: zone.quality,
            depth: zone.depth,
            source: zone.source,
            notes: zone.notes.clone(),
            carried_forward: zone.carried_forward,
        }
    }
}

/// One part of the visit's record, for [`Edit::Set`].
#[derive(Clone, Debug, PartialEq)]
pub enum Field {
    StartedAt(jiff::civil::DateTime),
    Clinician(String),
    PatientPosition(Option<PatientPosition>),
    Complaints(Vec<Complaint>),
    PainBefore(Option<PainScore>),
    PainAfter(Option<PainScore>),
    Notes(String),
    Goals(String),
    Plan(String),
    FollowUp(String),
    Screening(Screening),
    Consent(Option<Consent>),
    GateOverride(Option<GateOverride>),
    NeedleCount(NeedleCount),
    AdverseEvents(Vec<AdverseEvent>),
    Aftercare(Aftercare),
    /// The visit's outcome measures, range of motion and clinic measures, as one value.
    Outcomes(super::Outcomes),
}

impl Edit {
    /// Whether applying this can change which needle sites there are, or where and how deep:
    /// their safety warnings are then computed again.
    pub fn touches_needles(&self) -> bool {
        match self {
            Self::AddNeedle(_) | Self::Update(MarkUpdate::NeedleSite(_)) => true,
            Self::Move { marks, .. } | Self::Remove(marks) => {
                marks.iter().any(|m| m.kind == MarkKind::NeedleSite)
            }
            _ => false,
        }
    }

    /// Whether applying this to `session` can change the painted zones' image: their paint,
    /// place, quality, intensity or carried-forward state (a zone's notes or source do not).
    pub fn touches_zones(&self, session: &Session) -> bool {
        match self {
            Self::AddZone(_) | Self::Paint { .. } | Self::Erase { .. } => true,
            Self::Update(MarkUpdate::Zone(new)) => session
                .referred_zones
                .iter()
                .find(|zone| zone.id == new.id)
                .is_some_and(|old| {
                    (old.quality, old.intensity, old.depth, old.carried_forward)
                        != (new.quality, new.intensity, new.depth, new.carried_forward)
                }),
            Self::Move { marks, .. } | Self::Remove(marks) | Self::Confirm(marks) => {
                marks.iter().any(|m| m.kind == MarkKind::ReferredZone)
            }
            _ => false,
        }
    }
}

impl Session {
    /// Applies an edit. Marks that no longer exist are skipped; nothing panics.
    pub fn apply(&mut self, edit: Edit) {
        match edit {
            Edit::AddTriggerPoint(mark) => self.trigger_points.push(mark),
            Edit::AddNeedle(mark) => self.needle_sites.push(mark),
            Edit::AddZone(mark) => self.referred_zones.push(mark),
            Edit::AddArrow(mark) => self.arrows.push(mark),
            Edit::AddNote(mark) => self.text_notes.push(mark),
            Edit::Paint { zone, op } => {
                if let Some(zone) = self.referred_zones.iter_mut().find(|z| z.id == zone) {
                    zone.paint.push(op);
                    zone.carried_forward = false;
                }
            }
            Edit::Erase { view, op } => {
                let reach = match &op {
                    PaintOp::Erase { radius, .. } | PaintOp::Brush { radius, .. } => *radius,
                    PaintOp::Fill { .. } => 0.0,
                };
                let Some(stroke) = bounds(op.points(), reach) else {
                    return;
                };
                for zone in self.referred_zones.iter_mut().filter(|z| z.view == view) {
                    if zone_bounds(zone).is_some_and(|b| overlaps(b, stroke)) {
                        zone.paint.push(op.clone());
                        zone.carried_forward = false;
                    }
                }
            }
            Edit::Move { marks, delta } => {
                for mark in marks {
                    self.move_mark(mark, delta);
                }
            }
            Edit::Remove(marks) => {
                let has = |kind, id| marks.contains(&MarkRef::new(kind, id));
                self.trigger_points
                    .retain(|m| !has(MarkKind::TriggerPoint, m.id));
                self.referred_zones
                    .retain(|m| !has(MarkKind::ReferredZone, m.id));
                self.needle_sites
                    .retain(|m| !has(MarkKind::NeedleSite, m.id));
                self.arrows.retain(|m| !has(MarkKind::Arrow, m.id));
                self.text_notes.retain(|m| !has(MarkKind::TextNote, m.id));
                // Links to removed trigger points would point at nothing.
                for zone in &mut self.referred_zones {
                    if zone
                        .source
                        .is_some_and(|tp| has(MarkKind::TriggerPoint, tp))
                    {
                        zone.source = None;
                    }
                }
                for needle in &mut self.needle_sites {
                    if needle
                        .trigger_point
                        .is_some_and(|tp| has(MarkKind::TriggerPoint, tp))
                    {
                        needle.trigger_point = None;
                    }
                }
            }
            Edit::Confirm(marks) => {
                for mark in marks {
                    match mark.kind {
                        MarkKind::TriggerPoint => {
                            if let Some(m) =
                                self.trigger_points.iter_mut().find(|m| m.id == mark.id)
                            {
                                m.carried_forward = false;
                            }
                        }
                        MarkKind::ReferredZone => {
                            if let Some(m) =
                                self.referred_zones.iter_mut().find(|m| m.id == mark.id)
                            {
                                m.carried_forward = false;
                            }
                        }
                        MarkKind::NeedleSite | MarkKind::Arrow | MarkKind::TextNote => {}
                    }
                }
            }
            Edit::Update(update) => self.update_mark(update),
            Edit::Set(field) => self.set(field),
            Edit::Acknowledge { sites, only } => {
                for site in self
                    .needle_sites
                    .iter_mut()
                    .filter(|n| sites.contains(&n.id))
                {
                    for warning in site.warnings.iter_mut().filter(|w| {
                        only.as_ref()
                            .is_none_or(|(kind, message)| w.kind == *kind && &w.message == message)
                    }) {
                        warning.acknowledged = true;
                    }
                }
            }
        }
    }

    fn update_mark(&mut self, update: MarkUpdate) {
        fn replace<T>(
            marks: &mut [T],
            id: MarkId,
            id_of: impl Fn(&T) -> MarkId,
            keep: impl FnOnce(&T, &mut T),
            mut new: T,
        ) {
            if let Some(old) = marks.iter_mut().find(|m| id_of(m) == id) {
                keep(old, &mut new);
                *old = new;
            }
        }
        match update {
            MarkUpdate::TriggerPoint(tp) => replace(
                &mut self.trigger_points,
                tp.id,
                |m| m.id,
                |old, new| {
                    new.view = old.view.clone();
                    new.at = old.at;
                },
                tp,
            ),
            MarkUpdate::NeedleSite(needle) => replace(
                &mut self.needle_sites,
                needle.id,
                |m| m.id,
                |old, new| {
                    new.view = old.view.clone();
                    new.at = old.at;
                    new.warnings = old.warnings.clone();
                },
                needle,
            ),
            MarkUpdate::Arrow(arrow) => replace(
                &mut self.arrows,
                arrow.id,
                |m| m.id,
                |old, new| {
                    new.view = old.view.clone();
                    (new.from, new.to) = (old.from, old.to);
                },
                arrow,
            ),
            MarkUpdate::TextNote(note) => replace(
                &mut self.text_notes,
                note.id,
                |m| m.id,
                |old, new| {
                    new.view = old.view.clone();
                    new.at = old.at;
                },
                note,
            ),
            MarkUpdate::Zone(details) => {
                if let Some(zone) = self.referred_zones.iter_mut().find(|z| z.id == details.id) {
                    zone.intensity = details.intensity.min(10);
                    zone.quality = details.quality;
                    zone.depth = details.depth;
                    zone.source = details.source;
                    zone.notes = details.notes;
                    zone.carried_forward = details.carried_forward;
                }
            }
        }
    }

    fn set(&mut self, field: Field) {
        match field {
            Field::StartedAt(at) => self.started_at = at,
            Field::Clinician(text) => self.clinician = text,
            Field::PatientPosition(position) => self.patient_position = position,
            Field::Complaints(mut complaints) => {
                // A complaint carried forward stays unconfirmed only while it is exactly as it
                // came: editing its words or pain is confirming it, like editing a mark.
                for complaint in complaints.iter_mut().filter(|c| c.carried_forward) {
                    if !self.complaints.contains(complaint) {
                        complaint.carried_forward = false;
                    }
                }
                self.complaints = complaints;
            }
            Field::PainBefore(score) => self.pain_before = score,
            Field::PainAfter(score) => self.pain_after = score,
            Field::Notes(text) => self.notes = text,
            Field::Goals(text) => self.goals = text,
            Field::Plan(text) => self.plan = text,
            Field::FollowUp(text) => self.follow_up = text,
            Field::Screening(screening) => self.screening = screening,
            Field::Consent(consent) => self.consent = consent,
            Field::GateOverride(gate) => self.gate_override = gate,
            Field::NeedleCount(count) => self.needle_count = count,
            Field::AdverseEvents(events) => self.adverse_events = events,
            Field::Aftercare(aftercare) => self.aftercare = aftercare,
            Field::Outcomes(outcomes) => self.outcomes = outcomes,
        }
    }

    fn move_mark(&mut self, mark: MarkRef, (dx, dy): (f32, f32)) {
        let shift = |p: &mut MapPoint| {
            p.x += dx;
            p.y += dy;
        };
        match mark.kind {
            MarkKind::TriggerPoint => {
                if let Some(m) = self.trigger_points.iter_mut().find(|m| m.id == mark.id) {
                    shift(&mut m.at);
                    m.carried_forward = false;
                }
            }
            MarkKind::NeedleSite => {
                if let Some(m) = self.needle_sites.iter_mut().find(|m| m.id == mark.id) {
                    shift(&mut m.at);
                }
            }
            MarkKind::TextNote => {
                if let Some(m) = self.text_notes.iter_mut().find(|m| m.id == mark.id) {
                    shift(&mut m.at);
                }
            }
            MarkKind::Arrow => {
                if let Some(m) = self.arrows.iter_mut().find(|m| m.id == mark.id) {
                    shift(&mut m.from);
                    shift(&mut m.to);
                }
            }
            MarkKind::ReferredZone => {
                if let Some(m) = self.referred_zones.iter_mut().find(|m| m.id == mark.id) {
                    for op in &mut m.paint {
                        let points = match op {
                            PaintOp::Brush { points, .. }
                            | PaintOp::Erase { points, .. }
                            | PaintOp::Fill { points } => points,
                        };
                        points.iter_mut().for_each(shift);
                    }
                    m.carried_forward = false;
                }
            }
        }
    }

    /// A new session starting from `previous`: its trigger points, referred-pain zones and
    /// complaints copied as a starting point, each flagged as carried forward until the
    /// clinician confirms, edits or removes it. Needles, arrows and notes belong to the visit
    /// they were made in and are not copied. The clinician and body map carry over.
    pub fn carried_forward_from(
        previous: &Session,
        id: super::SessionId,
        started_at: jiff::civil::DateTime,
    ) -> Session {
        let mut session = Session::new(id, previous.patient_id, started_at);
        session.clinician = previous.clinician.clone();
        session.body_map = previous.body_map.clone();
        session.trigger_points = previous
            .trigger_points
            .iter()
            .cloned()
            .map(|mut tp| {
                tp.carried_forward = true;
                tp
            })
            .collect();
        session.referred_zones = previous
            .referred_zones
            .iter()
            .cloned()
            .map(|mut zone| {
                zone.carried_forward = true;
                zone
            })
            .collect();
        session.complaints = previous
            .complaints
            .iter()
            .cloned()
            .map(|mut complaint| {
                complaint.carried_forward = true;
                complaint
            })
            .collect();
        session
    }

    /// The muscle a mark names (trigger points and needle sites).
    pub fn muscle_of(&self, mark: MarkRef) -> Option<&super::MuscleRef> {
        match mark.kind {
            MarkKind::TriggerPoint => self
                .trigger_points
                .iter()
                .find(|m| m.id == mark.id)?
                .muscle
                .as_ref(),
            MarkKind::NeedleSite => self
                .needle_sites
                .iter()
                .find(|m| m.id == mark.id)?
                .muscle
                .as_ref(),
            MarkKind::ReferredZone | MarkKind::Arrow | MarkKind::TextNote => None,
        }
    }

    /// The view a mark is on.
    pub fn view_of(&self, mark: MarkRef) -> Option<&ViewId> {
        match mark.kind {
            MarkKind::TriggerPoint => self
                .trigger_points
                .iter()
                .find(|m| m.id == mark.id)
                .map(|m| &m.view),
            MarkKind::ReferredZone => self
                .referred_zones
                .iter()
                .find(|m| m.id == mark.id)
                .map(|m| &m.view),
            MarkKind::NeedleSite => self
                .needle_sites
                .iter()
                .find(|m| m.id == mark.id)
                .map(|m| &m.view),
            MarkKind::Arrow => self
                .arrows
                .iter()
                .find(|m| m.id == mark.id)
                .map(|m| &m.view),
            MarkKind::TextNote => self
                .text_notes
                .iter()
                .find(|m| m.id == mark.id)
                .map(|m| &m.view),
        }
    }

    /// A mark's accessible name ("Trigger point, right upper trapezius, active").
    pub fn describe_mark(&self, mark: MarkRef) -> Option<String> {
        match mark.kind {
            MarkKind::TriggerPoint => self
                .trigger_points
                .iter()
                .find(|m| m.id == mark.id)
                .map(TriggerPoint::describe),
            MarkKind::ReferredZone => self
                .referred_zones
                .iter()
                .find(|m| m.id == mark.id)
                .map(ReferredZone::describe),
            MarkKind::NeedleSite => self
                .needle_sites
                .iter()
                .find(|m| m.id == mark.id)
                .map(NeedleSite::describe),
            MarkKind::Arrow => self
                .arrows
                .iter()
                .find(|m| m.id == mark.id)
                .map(Arrow::describe),
            MarkKind::TextNote => self
                .text_notes
                .iter()
                .find(|m| m.id == mark.id)
                .map(TextNote::describe),
        }
    }
}

type Box2 = (f32, f32, f32, f32);

fn bounds(points: &[MapPoint], reach: f32) -> Option<Box2> {
    let first = points.first()?;
    let mut b = (first.x, first.y, first.x, first.y);
    for p in points {
        b = (b.0.min(p.x), b.1.min(p.y), b.2.max(p.x), b.3.max(p.y));
    }
    Some((b.0 - reach, b.1 - reach, b.2 + reach, b.3 + reach))
}

fn zone_bounds(zone: &ReferredZone) -> Option<Box2> {
    zone.paint
        .iter()
        .filter_map(|op| match op {
            PaintOp::Brush { radius, points } => bounds(points, *radius),
            PaintOp::Fill { points } => bounds(points, 0.0),
            PaintOp::Erase { .. } => None,
        })
        .reduce(|a, b| (a.0.min(b.0), a.1.min(b.1), a.2.max(b.2), a.3.max(b.3)))
}

fn overlaps(a: Box2, b: Box2) -> bool {
    a.0 <= b.2 && b.0 <= a.2 && a.1 <= b.3 && b.1 <= a.3
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PainQuality, TissueDepth};

    fn session() -> Session {
        let mut session = crate::demo::demo_records()
            .into_iter()
            .next()
            .map(|(_, sessions)| sessions[0].clone())
            .expect("a demo session");
        session.referred_zones.truncate(1);
        session
    }

    #[test]
    fn moving_a_zone_moves_all_its_paint_and_removing_a_trigger_point_unlinks_it() {
        let mut s = session();
        let zone = s.referred_zones[0].clone();
        let zone_ref = MarkRef::new(MarkKind::ReferredZone, zone.id);
        s.apply(Edit::Move {
            marks: vec![zone_ref],
            delta: (5.0, -2.0),
        });
        let moved = &s.referred_zones[0];
        for (before, after) in zone.paint.iter().zip(&moved.paint) {
            for (p, q) in before.points().iter().zip(after.points()) {
                assert_eq!((q.x, q.y), (p.x + 5.0, p.y - 2.0));
            }
        }
        let source = moved.source.expect("the demo zone has a source");
        s.apply(Edit::Remove(vec![MarkRef::new(
            MarkKind::TriggerPoint,
            source,
        )]));
        assert!(s.trigger_points.iter().all(|t| t.id != source));
        assert_eq!(s.referred_zones[0].source, None, "no dangling link");
        assert!(s.problems().is_empty(), "{:?}", s.problems());
    }

    #[test]
    fn erasing_reaches_only_the_zones_it_passes_over() {
        let mut s = session();
        let view = s.referred_zones[0].view.clone();
        let far = ReferredZone {
            id: s.next_mark_id(),
            view: view.clone(),
            intensity: 4,
            quality: PainQuality::Burning,
            depth: TissueDepth::Superficial,
            source: None,
            paint: vec![PaintOp::Brush {
                radius: 10.0,
                points: vec![MapPoint::new(-400.0, 1600.0)],
            }],
            notes: String::new(),
            carried_forward: false,
        };
        s.apply(Edit::AddZone(far));
        let near = s.referred_zones[0].paint[0].points()[0];
        let ops_before: Vec<usize> = s.referred_zones.iter().map(|z| z.paint.len()).collect();
        s.apply(Edit::Erase {
            view,
            op: PaintOp::Erase {
                radius: 8.0,
                points: vec![near],
            },
        });
        let ops_after: Vec<usize> = s.referred_zones.iter().map(|z| z.paint.len()).collect();
        assert_eq!(ops_after, vec![ops_before[0] + 1, ops_before[1]]);
    }

    #[test]
    fn starting_from_the_last_visit_copies_findings_flagged_until_confirmed() {
        let mut previous = session();
        previous.complaints = vec![
            crate::model::Complaint::new("Neck pain", "3 months"),
            crate::model::Complaint::new("Headache", "weeks"),
        ];
        let started = jiff::civil::date(2026, 12, 1).at(9, 0, 0, 0);
        let mut next =
            Session::carried_forward_from(&previous, crate::model::SessionId::random(), started);
        assert_eq!(next.patient_id, previous.patient_id);
        assert_eq!(next.trigger_points.len(), previous.trigger_points.len());
        assert_eq!(next.referred_zones.len(), previous.referred_zones.len());
        assert!(next.needle_sites.is_empty() && next.arrows.is_empty());
        assert!(next.trigger_points.iter().all(|t| t.carried_forward));
        assert!(next.referred_zones.iter().all(|z| z.carried_forward));
        // The complaints come forward too, unconfirmed, in their order and words.
        assert_eq!(next.complaints.len(), 2);
        assert!(next.complaints.iter().all(|c| c.carried_forward));
        assert_eq!(next.complaints[1].description, "Headache");
        assert!(previous.complaints.iter().all(|c| !c.carried_forward));
        assert!(next.problems().is_empty(), "{:?}", next.problems());
        assert!(
            next.signing_blockers()
                .iter()
                .any(|b| b.contains("2 complaints carried forward")),
            "{:?}",
            next.signing_blockers()
        );
        // Removing the first leaves the second unconfirmed; editing the second confirms it.
        let mut complaints = next.complaints.clone();
        complaints.remove(0);
        next.apply(Edit::Set(Field::Complaints(complaints.clone())));
        assert!(
            next.complaints[0].carried_forward,
            "removing another confirms nothing"
        );
        complaints[0].onset = "2 weeks".into();
        next.apply(Edit::Set(Field::Complaints(complaints)));
        assert!(
            !next.complaints[0].carried_forward,
            "editing is confirming it"
        );
        assert!(next.unconfirmed_complaints().is_empty());
        let first = MarkRef::new(MarkKind::TriggerPoint, next.trigger_points[0].id);
        next.apply(Edit::Confirm(vec![first]));
        assert!(!next.trigger_points[0].carried_forward);
        let zone = MarkRef::new(MarkKind::ReferredZone, next.referred_zones[0].id);
        next.apply(Edit::Move {
            marks: vec![zone],
            delta: (1.0, 0.0),
        });
        assert!(
            !next.referred_zones[0].carried_forward,
            "editing is checking it"
        );
    }

    #[test]
    fn edits_to_missing_marks_change_nothing() {
        let mut s = session();
        let before = s.clone();
        let ghost = MarkRef::new(MarkKind::NeedleSite, MarkId(9999));
        s.apply(Edit::Move {
            marks: vec![ghost],
            delta: (1.0, 1.0),
        });
        s.apply(Edit::Remove(vec![ghost]));
        s.apply(Edit::Paint {
            zone: MarkId(9999),
            op: PaintOp::Fill { points: vec![] },
        });
        assert_eq!(s, before);
        assert_eq!(s.describe_mark(ghost), None);
    }
}
