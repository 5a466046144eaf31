//! The session as an accountable record: whether needling may start, what still blocks
//! signing, the clinician's electronic signature (Ed25519 over the canonical encoding of the
//! content, the signer, the time and the meaning) and the addenda chained and signed after it,
//! sessions sealed with a content hash before signatures existed, and the clinical findings
//! `myomap check` reports.

use std::collections::BTreeSet;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use ed25519_dalek::Signer as _;
use jiff::civil::DateTime;
use sha2::{Digest, Sha256};

use crate::words::count;

use super::{
    Addendum, CoSignature, Grade, MarkKind, MarkRef, Meaning, MuscleRef, Seal, Session, Side,
    Signature, WarningKind, canonical,
};

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
    /// Signed with a clinician's key: the signature and every addendum verify.
    Intact,
    /// Sealed with a content hash before signatures existed, and as it was sealed: it shows
    /// that nothing changed by accident, not who signed.
    LegacySealed,
    /// The clinical content differs from what was signed.
    ContentModified,
    /// Addendum `index` (0-based) was edited, removed or reordered after it was appended.
    AddendumModified(usize),
    /// The signature does not verify: its signer, credentials, time or key were changed, or
    /// it was copied from another session; why, in words.
    NotVerified(String),
}

impl SignatureState {
    pub fn is_tampered(&self) -> bool {
        matches!(
            self,
            Self::ContentModified | Self::AddendumModified(_) | Self::NotVerified(_)
        )
    }

    /// Whether the record is as it was signed or sealed.
    pub fn is_intact(&self) -> bool {
        matches!(self, Self::Intact | Self::LegacySealed)
    }

    /// What a reader is told about a tampered record.
    pub fn describe(&self) -> Option<String> {
        match self {
            Self::Unsigned | Self::Intact | Self::LegacySealed => None,
            Self::ContentModified => Some(
                "signed session was modified after signing: its clinical content no longer matches the signature's content hash".to_owned(),
            ),
            Self::AddendumModified(index) => Some(format!(
                "signed session was modified after signing: addendum {} does not match its hash (edited, removed or reordered)",
                index + 1
            )),
            Self::NotVerified(reason) => Some(format!("signed session is NOT verified: {reason}")),
        }
    }
}

/// The one who signs: their name and credentials as printed, and their unlocked key.
pub struct Signer<'a> {
    pub name: &'a str,
    pub credentials: &'a str,
    pub key: &'a ed25519_dalek::SigningKey,
}

/// Put before every signed statement, so a myomap signature can never be taken for a
/// signature of anything else.
const DOMAIN: &[u8] = b"myomap signature v1\n";

/// The session format version every content-hash seal was made under (format 2).
const LEGACY_SEAL_VERSION: u32 = 2;

/// "SHA256:3f2a 91bc …": the first 16 bytes of the SHA-256 of an Ed25519 public key (given
/// in base64), in groups of four hex digits, as shown beside a signer's name.
pub fn fingerprint(public_key: &str) -> String {
    let bytes = BASE64.decode(public_key).unwrap_or_default();
    let digest = hex(&Sha256::digest(&bytes));
    let groups: Vec<&str> = (0..8).map(|i| &digest[i * 4..i * 4 + 4]).collect();
    format!("SHA256:{}", groups.join(" "))
}

fn verifying_key(public_key: &str) -> Result<ed25519_dalek::VerifyingKey, String> {
    let bytes: [u8; 32] = BASE64
        .decode(public_key)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or("its public key is not a 32-byte Ed25519 key")?;
    ed25519_dalek::VerifyingKey::from_bytes(&bytes)
        .map_err(|_| "its public key is not a valid Ed25519 key".to_owned())
}

fn verify_seal(seal: &Seal, message: &[u8]) -> Result<(), String> {
    let key = verifying_key(&seal.public_key)?;
    let bytes: [u8; 64] = BASE64
        .decode(&seal.signature)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or("the signature is not 64 bytes of base64")?;
    key.verify_strict(message, &ed25519_dalek::Signature::from_bytes(&bytes))
        .map_err(|_| "the signature does not match".to_owned())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Session {
    pub fn is_signed(&self) -> bool {
        self.signature.is_some()
    }

    /// SHA-256 (hex) over the clinical content as compact RON, signature and addenda left
    /// out: the seal of sessions signed before clinicians' signatures existed (format 2). It
    /// depends on `ron`'s formatting, which is why signatures now cover
    /// [`Self::canonical_content`].
    pub fn legacy_content_hash(&self) -> String {
        let mut content = self.clone();
        content.signature = None;
        content.addenda.clear();
        content.format_version = LEGACY_SEAL_VERSION;
        // Serialising plain data cannot fail; an empty text would still hash, and differ.
        let text = ron::to_string(&content).unwrap_or_default();
        hex(&Sha256::digest(text.as_bytes()))
    }

    /// The clinical content in the canonical encoding (`model::canonical`): the whole
    /// session but its signature, its addenda and its format version.
    pub fn canonical_content(&self) -> serde_json::Value {
        let mut value = serde_json::to_value(self).unwrap_or_default();
        if let Some(map) = value.as_object_mut() {
            for key in ["format_version", "signature", "addenda"] {
                map.remove(key);
            }
        }
        value
    }

    /// SHA-256 (hex) of [`Self::canonical_content`]'s bytes.
    pub fn content_digest(&self) -> String {
        hex(&Sha256::digest(canonical::encode(
            &self.canonical_content(),
        )))
    }

    /// The bytes a signature signs: the domain line, then the canonical statement of the
    /// content (by its digest, `content_hash`, which is checked against the content first),
    /// the signer's name, credentials and key, the time and the meaning.
    fn signature_message(signature: &Signature, seal: &Seal) -> Vec<u8> {
        let statement = serde_json::json!({
            "content": signature.content_hash,
            "signer": {
                "name": signature.by,
                "credentials": seal.credentials,
                "key": seal.public_key,
            },
            "at": signature.at.to_string(),
            "meaning": seal.meaning.label(),
        });
        [DOMAIN, &canonical::encode(&statement)].concat()
    }

    /// The bytes a co-signature signs: the content, the seal it adds to, the co-signer and the
    /// time.
    fn co_signature_message(&self, sealed: &str, by: &str, at: DateTime, seal: &Seal) -> Vec<u8> {
        let statement = serde_json::json!({
            "content": self.content_digest(),
            "sealed": sealed,
            "signer": {
                "name": by,
                "credentials": seal.credentials,
                "key": seal.public_key,
            },
            "at": at.to_string(),
            "meaning": seal.meaning.label(),
        });
        [DOMAIN, &canonical::encode(&statement)].concat()
    }

    /// The bytes an addendum's signature signs, chained to what came before (`previous`).
    fn addendum_message(previous: &str, index: usize, addendum: &Addendum, seal: &Seal) -> Vec<u8> {
        let statement = serde_json::json!({
            "previous": previous,
            "index": index,
            "at": addendum.at.to_string(),
            "author": addendum.author,
            "credentials": seal.credentials,
            "key": seal.public_key,
            "text": addendum.text,
            "meaning": seal.meaning.label(),
        });
        [DOMAIN, &canonical::encode(&statement)].concat()
    }

    fn legacy_addendum_hash(previous: &str, at: DateTime, author: &str, text: &str) -> String {
        let mut hasher = Sha256::new();
        for part in [previous, &at.to_string(), author, text] {
            // Lengths first, so no two different addenda hash the same text stream.
            hasher.update((part.len() as u64).to_le_bytes());
            hasher.update(part.as_bytes());
        }
        hex(&hasher.finalize())
    }

    /// Whether the record is as it was signed: the signature verifies against the content,
    /// signer, time and meaning, and each addendum against its place in the chain.
    pub fn signature_state(&self) -> SignatureState {
        let Some(signature) = &self.signature else {
            return SignatureState::Unsigned;
        };
        let intact = match &signature.seal {
            None => {
                if signature.content_hash != self.legacy_content_hash() {
                    return SignatureState::ContentModified;
                }
                SignatureState::LegacySealed
            }
            Some(seal) => {
                if signature.content_hash != self.content_digest() {
                    return SignatureState::ContentModified;
                }
                if seal.meaning != Meaning::Author {
                    return SignatureState::NotVerified(format!(
                        "the sign-off is marked as {}, not as the author's",
                        seal.meaning.label()
                    ));
                }
                if let Err(why) = verify_seal(seal, &Self::signature_message(signature, seal)) {
                    return SignatureState::NotVerified(format!(
                        "{why}: the signer, credentials, time or key were changed after signing, or the signature was copied from another session"
                    ));
                }
                SignatureState::Intact
            }
        };
        for (index, co) in signature.co_signatures.iter().enumerate() {
            let message =
                self.co_signature_message(&signature.content_hash, &co.by, co.at, &co.seal);
            if co.seal.meaning != Meaning::CoSignature || verify_seal(&co.seal, &message).is_err() {
                return SignatureState::NotVerified(format!(
                    "co-signature {} by {} does not match: it was changed after signing, or copied from another session",
                    index + 1,
                    co.by
                ));
            }
        }
        let mut previous = signature.content_hash.clone();
        for (index, addendum) in self.addenda.iter().enumerate() {
            let expected = match &addendum.seal {
                None => Self::legacy_addendum_hash(
                    &previous,
                    addendum.at,
                    &addendum.author,
                    &addendum.text,
                ),
                Some(seal) => {
                    let message = Self::addendum_message(&previous, index, addendum, seal);
                    if seal.meaning != Meaning::Addendum || verify_seal(seal, &message).is_err() {
                        return SignatureState::AddendumModified(index);
                    }
                    hex(&Sha256::digest(&message))
                }
            };
            if expected != addendum.hash {
                return SignatureState::AddendumModified(index);
            }
            previous = expected;
        }
        intact
    }

    /// The signature and each addendum's signature in words, one line each, with
    /// "verified" or "NOT verified: why" (shown in the app and the report, printed by
    /// `myomap verify`); empty for an unsigned session.
    pub fn describe_signature(&self) -> Vec<String> {
        let Some(signature) = &self.signature else {
            return Vec::new();
        };
        let state = self.signature_state();
        let reason = match &state {
            SignatureState::NotVerified(reason) => reason.clone(),
            other => other.describe().unwrap_or_default(),
        };
        let verdict = |ok: bool| {
            if ok {
                "verified".to_owned()
            } else {
                format!("NOT verified: {reason}")
            }
        };
        let at = |t: &DateTime| t.strftime("%Y-%m-%d %H:%M").to_string();
        let verified = !matches!(
            state,
            SignatureState::ContentModified | SignatureState::NotVerified(_)
        );
        let mut lines = vec![match &signature.seal {
            Some(seal) => format!(
                "{} {}{} on {} ({}), key {}: {}",
                // A name is not shown as the signer's unless the signature verifies.
                if verified { "Signed by" } else { "Signed as" },
                signature.by,
                credentials(&seal.credentials),
                at(&signature.at),
                seal.meaning.label(),
                fingerprint(&seal.public_key),
                verdict(verified),
            ),
            None => format!(
                "Sealed by {} on {} with a content hash before signatures existed (it shows the record is unchanged, not who signed): {}",
                signature.by,
                at(&signature.at),
                if matches!(state, SignatureState::ContentModified) {
                    verdict(false)
                } else {
                    "content as sealed".to_owned()
                },
            ),
        }];
        for co in &signature.co_signatures {
            lines.push(format!(
                "Co-signed by {}{} on {}, key {}: {}",
                co.by,
                credentials(&co.seal.credentials),
                at(&co.at),
                fingerprint(&co.seal.public_key),
                verdict(!state.is_tampered()),
            ));
        }
        let broken = match state {
            SignatureState::AddendumModified(index) => Some(index),
            _ => None,
        };
        for (index, addendum) in self.addenda.iter().enumerate() {
            let ok = broken.is_none_or(|b| index < b);
            lines.push(match &addendum.seal {
                Some(seal) => format!(
                    "Addendum {} by {}{} on {}, key {}: {}",
                    index + 1,
                    addendum.author,
                    credentials(&seal.credentials),
                    at(&addendum.at),
                    fingerprint(&seal.public_key),
                    verdict(ok)
                ),
                None => format!(
                    "Addendum {} by {} on {}, chained by content hash before signatures existed: {}",
                    index + 1,
                    addendum.author,
                    at(&addendum.at),
                    if ok { "as written".to_owned() } else { verdict(false) }
                ),
            });
        }
        lines
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
        match &self.consent {
            None => missing.push("consent has not been recorded for this session".to_owned()),
            Some(consent) => {
                let topics: Vec<&str> = consent
                    .missing_essentials()
                    .into_iter()
                    .map(|t| t.label())
                    .collect();
                if !topics.is_empty() {
                    missing.push(format!(
                        "the consent does not record what was explained: {}",
                        topics.join(", ").to_lowercase()
                    ));
                }
            }
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
                    "{} with safety warnings not acknowledged",
                    count(unacknowledged, "needle site", "needle sites")
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
                count(carried.len(), "mark", "marks"),
                carried
                    .iter()
                    .filter_map(|mark| self.describe_mark(*mark))
                    .collect::<Vec<_>>()
                    .join("; ")
            ));
        }
        let complaints = self.unconfirmed_complaints();
        if !complaints.is_empty() {
            blockers.push(format!(
                "{} carried forward from the last visit and not confirmed with the patient (confirm, edit or remove): {}",
                count(complaints.len(), "complaint", "complaints"),
                complaints
                    .iter()
                    .map(|c| c.description.trim())
                    .collect::<Vec<_>>()
                    .join("; ")
            ));
        }
        blockers
    }

    /// The complaints copied from the previous visit that the clinician has not confirmed,
    /// edited or removed in this one.
    pub fn unconfirmed_complaints(&self) -> Vec<&super::Complaint> {
        self.complaints
            .iter()
            .filter(|c| c.carried_forward)
            .collect()
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

    /// Signs the session as `signer` at `at`, freezing its content. Refused with the
    /// blockers, and for a signer without a name.
    pub fn sign(&mut self, signer: &Signer<'_>, at: DateTime) -> Result<(), Vec<String>> {
        let blockers = self.signing_blockers();
        if !blockers.is_empty() {
            return Err(blockers);
        }
        if signer.name.trim().is_empty() {
            return Err(vec!["the signer's name is empty".to_owned()]);
        }
        let seal = Seal {
            meaning: Meaning::Author,
            credentials: signer.credentials.trim().to_owned(),
            public_key: BASE64.encode(signer.key.verifying_key().to_bytes()),
            signature: String::new(),
        };
        let mut signature = Signature {
            by: signer.name.trim().to_owned(),
            at,
            content_hash: self.content_digest(),
            seal: None,
            co_signatures: Vec::new(),
        };
        let message = Self::signature_message(&signature, &seal);
        signature.seal = Some(Seal {
            signature: BASE64.encode(signer.key.sign(&message).to_bytes()),
            ..seal
        });
        self.signature = Some(signature);
        Ok(())
    }

    /// A second clinician's signature of this signed (or content-hash sealed) session, as it
    /// is. Refused on an unsigned or changed session, and for a signer without a name.
    pub fn co_sign(&mut self, signer: &Signer<'_>, at: DateTime) -> Result<(), String> {
        let state = self.signature_state();
        if !state.is_intact() {
            return Err(state
                .describe()
                .unwrap_or_else(|| "only a signed session can be co-signed".to_owned()));
        }
        let name = signer.name.trim();
        if name.is_empty() {
            return Err("the co-signer's name is empty".to_owned());
        }
        let Some(sealed) = self.signature.as_ref().map(|s| s.content_hash.clone()) else {
            return Err("only a signed session can be co-signed".to_owned());
        };
        let mut seal = Seal {
            meaning: Meaning::CoSignature,
            credentials: signer.credentials.trim().to_owned(),
            public_key: BASE64.encode(signer.key.verifying_key().to_bytes()),
            signature: String::new(),
        };
        let message = self.co_signature_message(&sealed, name, at, &seal);
        seal.signature = BASE64.encode(signer.key.sign(&message).to_bytes());
        if let Some(signature) = self.signature.as_mut() {
            signature.co_signatures.push(CoSignature {
                by: name.to_owned(),
                at,
                seal,
            });
        }
        Ok(())
    }

    /// Appends an addendum to a signed session, signed by its author and chained to the
    /// signature and the addenda before it. Refused on an unsigned session (edit it instead)
    /// and for an empty text or author.
    pub fn add_addendum(
        &mut self,
        signer: &Signer<'_>,
        text: &str,
        at: DateTime,
    ) -> Result<(), String> {
        let Some(signature) = &self.signature else {
            return Err("only a signed session takes addenda; edit the session instead".to_owned());
        };
        let (author, text) = (signer.name.trim(), text.trim());
        if author.is_empty() {
            return Err("an addendum needs its author".to_owned());
        }
        if text.is_empty() {
            return Err("the addendum is empty".to_owned());
        }
        let previous = self
            .addenda
            .last()
            .map_or(signature.content_hash.clone(), |a| a.hash.clone());
        let seal = Seal {
            meaning: Meaning::Addendum,
            credentials: signer.credentials.trim().to_owned(),
            public_key: BASE64.encode(signer.key.verifying_key().to_bytes()),
            signature: String::new(),
        };
        let mut addendum = Addendum {
            at,
            author: author.to_owned(),
            text: text.to_owned(),
            hash: String::new(),
            seal: None,
        };
        let message = Self::addendum_message(&previous, self.addenda.len(), &addendum, &seal);
        addendum.hash = hex(&Sha256::digest(&message));
        addendum.seal = Some(Seal {
            signature: BASE64.encode(signer.key.sign(&message).to_bytes()),
            ..seal
        });
        self.addenda.push(addendum);
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
                count(carried, "mark", "marks")
            ));
        }
        let complaints = self.unconfirmed_complaints().len();
        if complaints > 0 {
            findings.push(format!(
                "{} carried forward from the last visit and not confirmed",
                count(complaints, "complaint", "complaints")
            ));
        }
        let needles = self.needle_sites.len();
        if needles > 0 && self.consent.is_none() {
            findings.push(format!(
                "{} without recorded consent",
                count(needles, "needle site", "needle sites")
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

/// ", PT, registration 12345" after a name, or nothing.
fn credentials(text: &str) -> String {
    if text.trim().is_empty() {
        String::new()
    } else {
        format!(", {}", text.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Consent, ConsentMethod, PatientId, Review, SessionId};

    fn at(text: &str) -> DateTime {
        text.parse().expect("a date-time")
    }

    /// A signer with a fixed test key.
    fn with_signer<T>(name: &str, f: impl FnOnce(&Signer<'_>) -> T) -> T {
        let key = ed25519_dalek::SigningKey::from_bytes(&[7; 32]);
        f(&Signer {
            name,
            credentials: "PT",
            key: &key,
        })
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
        with_signer("Ana Lopes, PT", |k| s.sign(k, at("2026-05-04T10:50"))).expect("signs");
        assert_eq!(s.signature_state(), SignatureState::Intact);
        let hash = s.content_digest();
        s.notes.push('.');
        assert_ne!(s.content_digest(), hash);
        assert_eq!(s.signature_state(), SignatureState::ContentModified);
        assert!(s.signature_state().is_tampered());
    }

    #[test]
    fn addenda_chain_to_the_signature() {
        let mut s = signable();
        assert!(
            with_signer("A", |k| s.add_addendum(
                k,
                "too early",
                at("2026-05-04T11:00")
            ))
            .is_err()
        );
        with_signer("Ana Lopes, PT", |k| s.sign(k, at("2026-05-04T10:50"))).expect("signs");
        assert!(
            with_signer("", |k| s.add_addendum(
                k,
                "no author",
                at("2026-05-04T11:00")
            ))
            .is_err()
        );
        assert!(with_signer("A", |k| s.add_addendum(k, "  ", at("2026-05-04T11:00"))).is_err());
        with_signer("A", |k| s.add_addendum(k, "first", at("2026-05-05T09:00"))).expect("appends");
        with_signer("B", |k| s.add_addendum(k, "second", at("2026-05-06T09:00"))).expect("appends");
        assert_eq!(s.signature_state(), SignatureState::Intact);
        // Addenda do not change the signed content.
        assert_eq!(
            s.signature.as_ref().map(|x| x.content_hash.clone()),
            Some(s.content_digest())
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
        assert!(with_signer("X", |k| s.sign(k, at("2026-05-04T10:50"))).is_err());
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
        with_signer("Ana Lopes, PT", |k| s.sign(k, at("2026-05-04T10:50"))).expect("signs");
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
        // A consent that does not say what was explained keeps the gate closed.
        assert!(matches!(s.needle_gate(), NeedleGate::Closed(_)));
        if let Some(consent) = &mut s.consent {
            consent.explained = crate::model::ConsentTopic::ESSENTIAL.to_vec();
        }
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
