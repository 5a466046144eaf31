//! How long the short fields of a record may be. A name, an id or a label is a line on a
//! chart or a page; a megabyte in one is damage or an attack, and laying it out would take
//! minutes and gigabytes. Free text (notes, goals, plan, aftercare, addenda) has no limit of
//! its own beyond the file's 64 MiB. Refused at load: `crate::storage` reports the first
//! field over its limit with its position. Documented in `docs/format.md`.

use super::{
    AdverseEvent, Arrow, Complaint, Consent, Edit, Field, GateOverride, MarkUpdate, NeedleSite,
    Patient, Session, TextNote, TriggerPoint,
};

/// A person's name as shown (a patient, a clinician, a signer), in characters.
pub const NAME: usize = 200;
/// An identifier (a muscle, a view, a body map, a clinic's record number), in characters.
pub const ID: usize = 100;
/// A short text shown on the chart or in a table (a complaint, an arrow's label, a note on
/// the map, a needle's direction or response, an adverse event's action), in characters:
/// generous enough for a pasted letter, so no real record is ever refused.
pub const SHORT: usize = 20_000;

/// A field over its limit: its name as in the file, the limit, its length, and the start of
/// its value (to find it in the file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TooLong {
    pub field: &'static str,
    pub limit: usize,
    pub length: usize,
    pub start: String,
    /// An invisible control character found in the field instead (a bell, a right-to-left
    /// override that would reverse what follows it on every page): refused as well.
    pub control: Option<char>,
}

impl std::fmt::Display for TooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(c) = self.control {
            return write!(
                f,
                "{} contains the invisible control character U+{:04X}; myomap takes plain text there",
                self.field, c as u32
            );
        }
        write!(
            f,
            "{} is {} characters long; myomap takes at most {} there",
            self.field, self.length, self.limit
        )
    }
}

/// Collects the first field over its limit.
struct Check(Option<TooLong>);

impl Check {
    fn field(&mut self, field: &'static str, limit: usize, value: &str) {
        if self.0.is_some() {
            return;
        }
        let length = value.chars().count();
        // Line breaks and tabs are text in the longer fields; names and ids are one line.
        let allowed = |c: char| limit >= SHORT && matches!(c, '\n' | '\r' | '\t');
        let control = value.chars().find(|c| {
            (c.is_control() && !allowed(*c))
                || matches!(*c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        });
        if length > limit || control.is_some() {
            self.0 = Some(TooLong {
                field,
                limit,
                length,
                start: value.chars().take(24).collect(),
                control,
            });
        }
    }
}

/// The rules of each part of a session, shared by whole sessions (at load) and by edits.
impl Check {
    fn trigger_point(&mut self, tp: &TriggerPoint) {
        self.field("view", ID, tp.view.as_str());
        self.field("muscle", ID, tp.muscle.as_ref().map_or("", |m| &m.0));
    }

    fn needle(&mut self, needle: &NeedleSite) {
        self.field("view", ID, needle.view.as_str());
        self.field("muscle", ID, needle.muscle.as_ref().map_or("", |m| &m.0));
        self.field("direction", SHORT, &needle.direction);
        self.field("immediate_response", SHORT, &needle.immediate_response);
    }

    fn arrow(&mut self, arrow: &Arrow) {
        self.field("view", ID, arrow.view.as_str());
        self.field("label", SHORT, &arrow.label);
    }

    fn note(&mut self, note: &TextNote) {
        self.field("view", ID, note.view.as_str());
        self.field("text", SHORT, &note.text);
    }

    fn complaints(&mut self, complaints: &[Complaint]) {
        for complaint in complaints {
            self.field("complaint description", SHORT, &complaint.description);
            self.field("complaint onset", SHORT, &complaint.onset);
        }
    }

    fn consent(&mut self, consent: &Consent) {
        self.field("given_by", NAME, &consent.given_by);
    }

    fn gate_override(&mut self, gate: &GateOverride) {
        self.field("gate_override by", NAME, &gate.by);
        self.field("gate_override reason", SHORT, &gate.reason);
    }

    fn outcomes(&mut self, outcomes: &super::Outcomes) {
        for activity in outcomes.psfs.iter().flatten() {
            self.field("PSFS activity", SHORT, &activity.activity);
        }
        for measurement in &outcomes.range_of_motion {
            self.field("range of motion notes", SHORT, &measurement.notes);
        }
        for measure in &outcomes.clinic_measures {
            self.field("clinic measure name", NAME, &measure.name);
            self.field("clinic measure unit", ID, &measure.unit);
        }
    }

    fn adverse_events(&mut self, events: &[AdverseEvent]) {
        for event in events {
            self.field("adverse event action", SHORT, &event.action);
        }
    }
}

/// The first short field of `session` over its limit, if any.
pub fn session(session: &Session) -> Option<TooLong> {
    let mut check = Check(None);
    check.field("clinician", NAME, &session.clinician);
    check.field("body_map id", ID, &session.body_map.id);
    check.complaints(&session.complaints);
    session
        .trigger_points
        .iter()
        .for_each(|m| check.trigger_point(m));
    for zone in &session.referred_zones {
        check.field("view", ID, zone.view.as_str());
    }
    session.needle_sites.iter().for_each(|m| check.needle(m));
    session.arrows.iter().for_each(|m| check.arrow(m));
    session.text_notes.iter().for_each(|m| check.note(m));
    if let Some(review) = &session.screening.reviewed {
        check.field("reviewed by", NAME, &review.by);
    }
    if let Some(consent) = &session.consent {
        check.consent(consent);
    }
    if let Some(gate) = &session.gate_override {
        check.gate_override(gate);
    }
    check.adverse_events(&session.adverse_events);
    check.outcomes(&session.outcomes);
    if let Some(signature) = &session.signature {
        check.field("signature by", NAME, &signature.by);
    }
    for addendum in &session.addenda {
        check.field("addendum author", NAME, &addendum.author);
    }
    check.0
}

/// The first short field an edit would set over its limit, if any: the document refuses
/// such an edit, so a session is never saved in a form it could not be read back in.
pub fn edit(edit: &Edit) -> Option<TooLong> {
    let mut check = Check(None);
    match edit {
        Edit::AddTriggerPoint(tp) | Edit::Update(MarkUpdate::TriggerPoint(tp)) => {
            check.trigger_point(tp);
        }
        Edit::AddZone(zone) => check.field("view", ID, zone.view.as_str()),
        Edit::AddNeedle(needle) | Edit::Update(MarkUpdate::NeedleSite(needle)) => {
            check.needle(needle);
        }
        Edit::AddArrow(arrow) | Edit::Update(MarkUpdate::Arrow(arrow)) => check.arrow(arrow),
        Edit::AddNote(note) | Edit::Update(MarkUpdate::TextNote(note)) => check.note(note),
        Edit::Set(Field::Clinician(name)) => check.field("clinician", NAME, name),
        Edit::Set(Field::Complaints(complaints)) => check.complaints(complaints),
        Edit::Set(Field::Consent(Some(consent))) => check.consent(consent),
        Edit::Set(Field::GateOverride(Some(gate))) => check.gate_override(gate),
        Edit::Set(Field::AdverseEvents(events)) => check.adverse_events(events),
        Edit::Set(Field::Outcomes(outcomes)) => check.outcomes(outcomes),
        _ => {}
    }
    check.0
}

/// The first short field of `patient` over its limit, if any.
pub fn patient(patient: &Patient) -> Option<TooLong> {
    let mut check = Check(None);
    check.field("display_name", NAME, &patient.display_name);
    check.field("clinic_ref", ID, &patient.clinic_ref);
    check.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_megabyte_name_is_too_long_and_a_real_one_is_not() {
        let mut patient = Patient::new(crate::model::PatientId::from_u128(1), "J. Smith");
        assert_eq!(self::patient(&patient), None);
        patient.display_name = "N".repeat(1 << 20);
        let too_long = self::patient(&patient).expect("too long");
        assert_eq!(
            too_long.to_string(),
            "display_name is 1048576 characters long; myomap takes at most 200 there"
        );
    }
}
