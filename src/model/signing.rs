//! The session as an accountable record: whether needling may start, what still blocks
//! signing, the signature's content hash and the addenda chained to it, and the clinical
//! findings `myomap check` reports.

use std::collections::BTreeSet;

use jiff::civil::DateTime;
use sha2::{Digest, Sha256};

use super::{Addendum, Grade, MarkKind, MarkRef, MuscleRef, Session, Side, Signature, WarningKind};

/// Whether the needle tool may place sites in this session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NeedleGate {
    /// Screening reviewed and consent recorded for this session.
    Open,
    /// Locked, but the clinician overrode the lock with a recorded reason.
    Overridden,
    /// Locked, with what is missing, each in words.
    Closed(Vec<String>),
}

impl NeedleGate {
    pub fn allows_needling(&self) -> bool {
        !matches!(self, Self::Closed(_))
    }
}

/// The US billing band, from the number of muscles needled (CPT 20560 / 20561).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BillingBand {
    None,
    OneOrTwoMuscles,
    ThreeOrMoreMuscles,
}

impl BillingBand {
    pub fn label(self) -> &'static str {
        match self {
            Self::None => "no muscles needled",
            Self::OneOrTwoMuscles => "1–2 muscles needled",
            Self::ThreeOrMoreMuscles => "3 or more muscles needled",
        }
    }
}

/// The state of a session's signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignatureState {
    Unsigned,
    /// Signed, and the content and addenda are as they were written.
    Intact,
    /// The clinical content differs from what was signed.
    ContentModified,
    /// Addendum `index` (0-based) was edited, removed or reordered after it was appended.
    AddendumModified(usize),
}

impl SignatureState {
    pub fn is_tampered(&self) -> bool {
        matches!(self, Self::ContentModified | Self::AddendumModified(_))
    }

    /// What a reader is told about a tampered record.
    pub fn describe(&self) -> Option<String> {
        match self {
            Self::Unsigned | Self::Intact => None,
            Self::ContentModified => Some(
                "signed session was modified after signing: its clinical content no longer matches the signature's content hash".to_owned(),
            ),
            Self::AddendumModified(index) => Some(format!(
                "signed session was modified after signing: addendum {} does not match its hash (edited, removed or reordered)",
                index + 1
            )),
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Session {
    pub fn is_signed(&self) -> bool {
        self.signature.is_some()
    }

    /// SHA-256 (hex) over the clinical content: the whole session as compact RON, with the
    /// signature and addenda left out (they are added after signing).
    pub fn content_hash(&self) -> String {
        let mut content = self.clone();
        content.signature = None;
        content.addenda.clear();
        // Serialising plain data cannot fail; an empty text would still hash, and differ.
        let text = ron::to_string(&content).unwrap_or_default();
        hex(&Sha256::digest(text.as_bytes()))
    }

    fn addendum_hash(previous: &str, at: DateTime, author: &str, text: &str) -> String {
        let mut hasher = Sha256::new();
        for part in [previous, &at.to_string(), author, text] {
            // Lengths first, so no two different addenda hash the same text stream.
            hasher.update((part.len() as u64).to_le_bytes());
            hasher.update(part.as_bytes());
        }
        hex(&hasher.finalize())
    }

    /// Whether the record is as it was signed.
    pub fn signature_state(&self) -> SignatureState {
        let Some(signature) = &self.signature else {
            return SignatureState::Unsigned;
        };
        if signature.content_hash != self.content_hash() {
            return SignatureState::ContentModified;
        }
        let mut previous = signature.content_hash.clone();
        for (index, addendum) in self.addenda.iter().enumerate() {
            let expected =
                Self::addendum_hash(&previous, addendum.at, &addendum.author, &addendum.text);
            if expected != addendum.hash {
                return SignatureState::AddendumModified(index);
            }
            previous = expected;
        }
        SignatureState::Intact
    }

    /// Whether the needle tool may place sites: screening reviewed and consent recorded in
    /// this session, no absolute contraindication, or a recorded override.
    pub fn needle_gate(&self) -> NeedleGate {
        let mut missing = Vec::new();
        if !self.screening.is_reviewed() {
            missing.push(match self.screening.carried_from {
                Some(date) => format!(
                    "the screening carried from {date} has not been reviewed in this session"
                ),
                None => "contraindication screening has not been reviewed".to_owned(),
            });
        }
        if self.consent.is_none() {
            missing.push("consent has not been recorded for this session".to_owned());
        }
        for item in self.screening.absolute_contraindications() {
            missing.push(format!(
                "absolute contraindication answered yes: {}",
                item.label()
            ));
        }
        if missing.is_empty() {
            NeedleGate::Open
        } else if self.gate_override.is_some() {
            NeedleGate::Overridden
        } else {
            NeedleGate::Closed(missing)
        }
    }

    /// The distinct muscles needled (muscle and side); sites without a muscle are not counted.
    pub fn muscles_needled(&self) -> BTreeSet<(&MuscleRef, Side)> {
        self.needle_sites
            .iter()
            .filter_map(|n| n.muscle.as_ref().map(|m| (m, n.side)))
            .collect()
    }

    pub fn billing_band(&self) -> BillingBand {
        match self.muscles_needled().len() {
            0 => BillingBand::None,
            1 | 2 => BillingBand::OneOrTwoMuscles,
            _ => BillingBand::ThreeOrMoreMuscles,
        }
    }

    /// What stops this session from being signed, each named; empty when it can be signed.
    pub fn signing_blockers(&self) -> Vec<String> {
        let mut blockers = Vec::new();
        if self.is_signed() {
            blockers.push("the session is already signed".to_owned());
            return blockers;
        }
        if self.clinician.trim().is_empty() {
            blockers.push("the clinician is not recorded".to_owned());
        }
        if !self.needle_sites.is_empty() {
            if self.consent.is_none() {
                blockers.push(format!(
                    "consent is not recorded, but {} needle site{} were placed",
                    self.needle_sites.len(),
                    if self.needle_sites.len() == 1 {
                        ""
                    } else {
                        "s"
                    }
                ));
            }
            if !self.screening.is_reviewed() && self.gate_override.is_none() {
                blockers.push("contraindication screening was not reviewed".to_owned());
            }
            if !self.needle_count.is_recorded() {
                blockers.push("the needle count (needles in and out) is not recorded".to_owned());
            }
            let unacknowledged = self
                .needle_sites
                .iter()
                .filter(|n| n.warnings.iter().any(|w| !w.acknowledged))
                .count();
            if unacknowledged > 0 {
                blockers.push(format!(
                    "{unacknowledged} needle site{} with safety warnings not acknowledged",
                    if unacknowledged == 1 { "" } else { "s" }
                ));
            }
        }
        if let Some((inserted, removed)) = self.needle_count.mismatch() {
            blockers.push(format!(
                "needle count mismatch: {inserted} in, {removed} out — account for every needle"
            ));
        }
        for (index, event) in self.adverse_events.iter().enumerate() {
            if event.grade >= Grade::Significant && event.action.trim().is_empty() {
                blockers.push(format!(
                    "adverse event {} ({}, {}) has no action recorded",
                    index + 1,
                    event.kind.label(),
                    event.grade.label()
                ));
            }
        }
        let carried = self.unconfirmed_carried_forward();
        if !carried.is_empty() {
            blockers.push(format!(
                "{} carried forward from the last visit and not re-examined (confirm, edit or remove): {}",
                plural(carried.len(), "mark", "marks"),
                carried
                    .iter()
                    .filter_map(|mark| self.describe_mark(*mark))
                    .collect::<Vec<_>>()
                    .join("; ")
            ));
        }
        blockers
    }

    /// The trigger points and zones copied from the previous visit that nobody has confirmed
    /// or edited in this one, in the file's order.
    pub fn unconfirmed_carried_forward(&self) -> Vec<MarkRef> {
        self.trigger_points
            .iter()
            .filter(|t| t.carried_forward)
            .map(|t| MarkRef::new(MarkKind::TriggerPoint, t.id))
            .chain(
                self.referred_zones
                    .iter()
                    .filter(|z| z.carried_forward)
                    .map(|z| MarkRef::new(MarkKind::ReferredZone, z.id)),
            )
            .collect()
    }

    /// Signs the session as `by` at `at`, freezing its content. Refused with the blockers.
    pub fn sign(&mut self, by: &str, at: DateTime) -> Result<(), Vec<String>> {
        let blockers = self.signing_blockers();
        if !blockers.is_empty() {
            return Err(blockers);
        }
        if by.trim().is_empty() {
            return Err(vec!["the signer's name is empty".to_owned()]);
        }
        self.signature = Some(Signature {
            by: by.trim().to_owned(),
            at,
            content_hash: self.content_hash(),
        });
        Ok(())
    }

    /// Appends an addendum to a signed session. Refused on an unsigned session (edit it
    /// instead) and for an empty text or author.
    pub fn add_addendum(&mut self, author: &str, text: &str, at: DateTime) -> Result<(), String> {
        let Some(signature) = &self.signature else {
            return Err("only a signed session takes addenda; edit the session instead".to_owned());
        };
        let (author, text) = (author.trim(), text.trim());
        if author.is_empty() {
            return Err("an addendum needs its author".to_owned());
        }
        if text.is_empty() {
            return Err("the addendum is empty".to_owned());
        }
        let previous = self
            .addenda
            .last()
            .map_or(signature.content_hash.as_str(), |a| a.hash.as_str());
        let hash = Self::addendum_hash(previous, at, author, text);
        self.addenda.push(Addendum {
            at,
            author: author.to_owned(),
            text: text.to_owned(),
            hash,
        });
        Ok(())
    }

    /// Clinical findings worth a reader's attention (warnings, not errors): needling without
    /// consent, unacknowledged safety warnings, both sides of the thorax, count mismatch,
    /// serious adverse events.
    pub fn clinical_findings(&self) -> Vec<String> {
        let mut findings = Vec::new();
        let carried = self.unconfirmed_carried_forward().len();
        if carried > 0 {
            findings.push(format!(
                "{} carried forward from the last visit and not re-examined",
                plural(carried, "mark", "marks")
            ));
        }
        let needles = self.needle_sites.len();
        if needles > 0 && self.consent.is_none() {
            findings.push(format!(
                "{needles} needle site{} without recorded consent",
                if needles == 1 { "" } else { "s" }
            ));
        }
        if needles > 0 && !self.screening.is_reviewed() {
            findings.push(match &self.gate_override {
                Some(o) => format!(
                    "needled without reviewed screening, overridden by {}: {}",
                    o.by, o.reason
                ),
                None => "needled without reviewed contraindication screening".to_owned(),
            });
        }
        for needle in &self.needle_sites {
            for warning in needle.warnings.iter().filter(|w| !w.acknowledged) {
                findings.push(format!(
                    "needle site {} has an unacknowledged safety warning: {}",
                    needle.id, warning.message
                ));
            }
        }
        let bilateral = self.needle_sites.iter().any(|n| {
            n.warnings
                .iter()
                .any(|w| w.kind == WarningKind::BilateralThorax)
        });
        if bilateral {
            findings.push("both sides of the thorax were needled in one session".to_owned());
        }
        if let Some((inserted, removed)) = self.needle_count.mismatch() {
            findings.push(format!(
                "needle count mismatch: {inserted} in, {removed} out"
            ));
        }
        for event in &self.adverse_events {
            if event.grade == Grade::Serious {
                findings.push(format!(
                    "serious adverse event: {} at {}",
                    event.kind.label(),
                    event.at.strftime("%Y-%m-%d %H:%M")
                ));
            }
        }
        findings
    }
}

/// "1 mark", "3 marks".
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Consent, ConsentMethod, PatientId, Review, SessionId};

    fn at(text: &str) -> DateTime {
        text.parse().expect("a date-time")
    }

    fn signable() -> Session {
        let mut s = Session::new(
            SessionId::from_u128(7),
            PatientId::from_u128(8),
            at("2026-05-04T10:00"),
        );
        s.clinician = "Ana Lopes, PT".into();
        s
    }

    #[test]
    fn signing_freezes_the_content_and_any_change_is_detected() {
        let mut s = signable();
        assert_eq!(s.signature_state(), SignatureState::Unsigned);
        s.sign("Ana Lopes, PT", at("2026-05-04T10:50"))
            .expect("signs");
        assert_eq!(s.signature_state(), SignatureState::Intact);
        let hash = s.content_hash();
        s.notes.push('.');
        assert_ne!(s.content_hash(), hash);
        assert_eq!(s.signature_state(), SignatureState::ContentModified);
        assert!(s.signature_state().is_tampered());
    }

    #[test]
    fn addenda_chain_to_the_signature() {
        let mut s = signable();
        assert!(
            s.add_addendum("A", "too early", at("2026-05-04T11:00"))
                .is_err()
        );
        s.sign("Ana Lopes, PT", at("2026-05-04T10:50"))
            .expect("signs");
        assert!(
            s.add_addendum("", "no author", at("2026-05-04T11:00"))
                .is_err()
        );
        assert!(s.add_addendum("A", "  ", at("2026-05-04T11:00")).is_err());
        s.add_addendum("A", "first", at("2026-05-05T09:00"))
            .expect("appends");
        s.add_addendum("B", "second", at("2026-05-06T09:00"))
            .expect("appends");
        assert_eq!(s.signature_state(), SignatureState::Intact);
        // Addenda do not change the signed content.
        assert_eq!(
            s.signature.as_ref().map(|x| x.content_hash.clone()),
            Some(s.content_hash())
        );

        let mut edited = s.clone();
        edited.addenda[0].text = "first, rewritten".into();
        assert_eq!(
            edited.signature_state(),
            SignatureState::AddendumModified(0)
        );
        let mut removed = s.clone();
        removed.addenda.remove(0);
        assert_eq!(
            removed.signature_state(),
            SignatureState::AddendumModified(0)
        );
        let mut swapped = s.clone();
        swapped.addenda.swap(0, 1);
        assert!(swapped.signature_state().is_tampered());
    }

    #[test]
    fn signing_is_refused_with_every_missing_item_named() {
        let mut s = signable();
        s.clinician.clear();
        let mut needle_session = crate::demo::heavy_session();
        needle_session.needle_sites.truncate(2);
        s.needle_sites = needle_session.needle_sites;
        for n in &mut s.needle_sites {
            n.trigger_point = None;
        }
        s.needle_count.inserted = Some(2);
        s.needle_count.removed = Some(1);
        let blockers = s.signing_blockers();
        let has = |text: &str| blockers.iter().any(|b| b.contains(text));
        assert!(has("clinician"), "{blockers:?}");
        assert!(has("consent is not recorded"), "{blockers:?}");
        assert!(has("screening was not reviewed"), "{blockers:?}");
        assert!(has("needle count mismatch: 2 in, 1 out"), "{blockers:?}");
        assert!(s.sign("X", at("2026-05-04T10:50")).is_err());
        assert!(!s.is_signed());

        s.clinician = "Ana Lopes, PT".into();
        s.consent = Some(Consent {
            given_by: "Patient".into(),
            at: at("2026-05-04T10:05"),
            method: ConsentMethod::Verbal,
            explained: Vec::new(),
            notes: String::new(),
        });
        s.screening.reviewed = Some(Review {
            at: at("2026-05-04T10:03"),
            by: "Ana Lopes, PT".into(),
        });
        s.needle_count.removed = Some(2);
        assert_eq!(s.signing_blockers(), Vec::<String>::new());
        s.sign("Ana Lopes, PT", at("2026-05-04T10:50"))
            .expect("signs");
        assert!(s.signing_blockers()[0].contains("already signed"));
    }

    #[test]
    fn the_needle_gate_opens_with_screening_and_consent_or_an_override() {
        let mut s = signable();
        let NeedleGate::Closed(missing) = s.needle_gate() else {
            panic!("closed at first");
        };
        assert_eq!(missing.len(), 2, "{missing:?}");
        s.screening.reviewed = Some(Review {
            at: at("2026-05-04T10:03"),
            by: String::new(),
        });
        s.consent = Some(Consent {
            given_by: "Patient".into(),
            at: at("2026-05-04T10:05"),
            method: ConsentMethod::Written,
            explained: Vec::new(),
            notes: String::new(),
        });
        assert_eq!(s.needle_gate(), NeedleGate::Open);
        s.screening
            .entry(crate::model::ScreeningItem::NeedlePhobia)
            .answer = crate::model::Answer::Yes;
        assert!(matches!(s.needle_gate(), NeedleGate::Closed(m) if m[0].contains("Needle phobia")));
        s.gate_override = Some(crate::model::GateOverride {
            reason: "Phobia managed with graded exposure; patient requests".into(),
            at: at("2026-05-04T10:06"),
            by: "Ana Lopes, PT".into(),
        });
        assert_eq!(s.needle_gate(), NeedleGate::Overridden);
    }

    #[test]
    fn billing_counts_distinct_muscles() {
        let mut s = signable();
        assert_eq!(s.billing_band(), BillingBand::None);
        s.needle_sites = crate::demo::heavy_session().needle_sites;
        assert_eq!(s.billing_band(), BillingBand::ThreeOrMoreMuscles);
        let first = s.needle_sites[0].clone();
        s.needle_sites = vec![first.clone(), first];
        assert_eq!(s.billing_band(), BillingBand::OneOrTwoMuscles);
    }
}
