//! What makes a chart a clinical record: contraindication screening, informed consent, the
//! needle count, adverse events, aftercare, safety warnings on needle sites, and sign-off with
//! addenda. Vocabularies follow `clinical.md`; every item keeps "not asked / not recorded"
//! apart from "no", because an unanswered question is not a negative answer.

use jiff::civil::DateTime;
use serde::{Deserialize, Serialize};

/// One question of the contraindication checklist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ScreeningItem {
    // Absolute: do not needle.
    UnableToConsent,
    NeedlePhobia,
    InfectionOrLesionAtSite,
    LymphoedematousLimb,
    MedicalEmergency,
    // Relative: decide and record the decision.
    AnticoagulantsOrBleedingDisorder,
    Pregnancy,
    DiabetesOrImpairedHealing,
    Immunocompromise,
    Epilepsy,
    VasovagalHistory,
    MetalAllergy,
    ImplantedDevice,
    ImplantsNearSite,
    JointReplacementNearSite,
    Malignancy,
    UnstableBoneInjury,
    ArtificialHeartValve,
    LymphNodeResection,
    ChildOrUnableToCommunicate,
    LungConditionPneumothoraxRisk,
}

impl ScreeningItem {
    pub const ALL: [Self; 21] = [
        Self::UnableToConsent,
        Self::NeedlePhobia,
        Self::InfectionOrLesionAtSite,
        Self::LymphoedematousLimb,
        Self::MedicalEmergency,
        Self::AnticoagulantsOrBleedingDisorder,
        Self::Pregnancy,
        Self::DiabetesOrImpairedHealing,
        Self::Immunocompromise,
        Self::Epilepsy,
        Self::VasovagalHistory,
        Self::MetalAllergy,
        Self::ImplantedDevice,
        Self::ImplantsNearSite,
        Self::JointReplacementNearSite,
        Self::Malignancy,
        Self::UnstableBoneInjury,
        Self::ArtificialHeartValve,
        Self::LymphNodeResection,
        Self::ChildOrUnableToCommunicate,
        Self::LungConditionPneumothoraxRisk,
    ];

    /// Absolute contraindications: a "yes" means do not needle.
    pub fn is_absolute(self) -> bool {
        matches!(
            self,
            Self::UnableToConsent
                | Self::NeedlePhobia
                | Self::InfectionOrLesionAtSite
                | Self::LymphoedematousLimb
                | Self::MedicalEmergency
        )
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::UnableToConsent => "Unwilling or unable to consent",
            Self::NeedlePhobia => "Needle phobia",
            Self::InfectionOrLesionAtSite => "Acute infection or skin lesion at the site",
            Self::LymphoedematousLimb => "Lymphoedema in the limb to be needled",
            Self::MedicalEmergency => "Medical emergency",
            Self::AnticoagulantsOrBleedingDisorder => "Anticoagulants or bleeding disorder",
            Self::Pregnancy => "Pregnancy",
            Self::DiabetesOrImpairedHealing => "Diabetes or impaired healing",
            Self::Immunocompromise => "Immunocompromise",
            Self::Epilepsy => "Epilepsy",
            Self::VasovagalHistory => "History of fainting (vasovagal)",
            Self::MetalAllergy => "Metal allergy",
            Self::ImplantedDevice => "Pacemaker or other implanted device",
            Self::ImplantsNearSite => "Breast or other implants near the site",
            Self::JointReplacementNearSite => "Joint replacement near the site",
            Self::Malignancy => "Malignancy",
            Self::UnstableBoneInjury => "Unstable bone injury",
            Self::ArtificialHeartValve => "Artificial heart valve",
            Self::LymphNodeResection => "Lymph node resection affecting the limb",
            Self::ChildOrUnableToCommunicate => "Child, or unable to communicate",
            Self::LungConditionPneumothoraxRisk => {
                "Lung condition or build raising pneumothorax risk (emphysema, prior TB, very lean, kyphosis/scoliosis)"
            }
        }
    }
}

/// The answer to one screening question.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Answer {
    #[default]
    NotAsked,
    Yes,
    No,
}

impl Answer {
    pub const ALL: [Self; 3] = [Self::NotAsked, Self::Yes, Self::No];

    pub fn label(self) -> &'static str {
        match self {
            Self::NotAsked => "not asked",
            Self::Yes => "yes",
            Self::No => "no",
        }
    }
}

/// One answered screening question, with the clinician's note (the decision for a relative
/// contraindication, e.g. "on warfarin, INR stable: superficial only, pressure after").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScreeningAnswer {
    pub item: ScreeningItem,
    pub answer: Answer,
    #[serde(default)]
    pub note: String,
}

/// The contraindication screening of a session.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Screening {
    /// Answers, one per item at most; items without an answer are "not asked".
    pub answers: Vec<ScreeningAnswer>,
    /// When the answers were reviewed with the patient in this session, and by whom. Answers
    /// carried from an earlier visit are not reviewed until the clinician says so.
    pub reviewed: Option<Review>,
    /// The date of the visit the answers were carried from, while they await review.
    pub carried_from: Option<jiff::civil::Date>,
}

/// Who did something, and when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    #[serde(deserialize_with = "super::local_time::deserialize")]
    pub at: DateTime,
    pub by: String,
}

impl Screening {
    pub fn answer(&self, item: ScreeningItem) -> Answer {
        self.answers
            .iter()
            .find(|a| a.item == item)
            .map_or(Answer::NotAsked, |a| a.answer)
    }

    /// The answer record of `item`, created as "not asked" when missing.
    pub fn entry(&mut self, item: ScreeningItem) -> &mut ScreeningAnswer {
        let index = match self.answers.iter().position(|a| a.item == item) {
            Some(index) => index,
            None => {
                self.answers.push(ScreeningAnswer {
                    item,
                    answer: Answer::NotAsked,
                    note: String::new(),
                });
                self.answers.len() - 1
            }
        };
        &mut self.answers[index]
    }

    pub fn is_reviewed(&self) -> bool {
        self.reviewed.is_some()
    }

    /// Absolute contraindications answered "yes".
    pub fn absolute_contraindications(&self) -> Vec<ScreeningItem> {
        self.answers
            .iter()
            .filter(|a| a.item.is_absolute() && a.answer == Answer::Yes)
            .map(|a| a.item)
            .collect()
    }

    /// The answers of an earlier visit, to be reviewed in this one (never assumed).
    pub fn carried_forward(previous: &Self, previous_date: jiff::civil::Date) -> Self {
        Self {
            answers: previous.answers.clone(),
            reviewed: None,
            carried_from: Some(
                previous
                    .reviewed
                    .as_ref()
                    .map_or(previous_date, |r| r.at.date()),
            ),
        }
    }
}

/// How consent was given.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ConsentMethod {
    #[default]
    Verbal,
    Written,
}

impl ConsentMethod {
    pub const ALL: [Self; 2] = [Self::Verbal, Self::Written];

    pub fn label(self) -> &'static str {
        match self {
            Self::Verbal => "verbal",
            Self::Written => "written",
        }
    }
}

/// What was explained before consent was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ConsentTopic {
    Procedure,
    Sensations,
    ExpectedOutcome,
    PatientRole,
    MaterialRisks,
    /// Pneumothorax, explained where the thorax is treated.
    Pneumothorax,
}

impl ConsentTopic {
    /// What must have been explained before needling: the nature of the procedure and its
    /// material risks, the two elements of informed consent (Montgomery v Lanarkshire Health
    /// Board [2015] UKSC 11; `clinical.md`, "Consent"). The needle gate stays closed without
    /// them.
    pub const ESSENTIAL: [Self; 2] = [Self::Procedure, Self::MaterialRisks];

    /// Everything explained at a usual first visit, pneumothorax apart (which is explained
    /// where the thorax is treated).
    pub const USUAL: [Self; 5] = [
        Self::Procedure,
        Self::Sensations,
        Self::ExpectedOutcome,
        Self::PatientRole,
        Self::MaterialRisks,
    ];

    pub const ALL: [Self; 6] = [
        Self::Procedure,
        Self::Sensations,
        Self::ExpectedOutcome,
        Self::PatientRole,
        Self::MaterialRisks,
        Self::Pneumothorax,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Procedure => "What the procedure involves",
            Self::Sensations => "Sensations during and after",
            Self::ExpectedOutcome => "Expected outcome",
            Self::PatientRole => "The patient's own role",
            Self::MaterialRisks => "Material risks",
            Self::Pneumothorax => "Risk of pneumothorax (thorax treated)",
        }
    }
}

/// Informed consent for needling, recorded for one session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consent {
    /// Who gave consent: the patient, or a named parent or guardian.
    pub given_by: String,
    #[serde(deserialize_with = "super::local_time::deserialize")]
    pub at: DateTime,
    pub method: ConsentMethod,
    pub explained: Vec<ConsentTopic>,
    #[serde(default)]
    pub notes: String,
}

impl Consent {
    /// The essential topics ([`ConsentTopic::ESSENTIAL`]) the record does not say were
    /// explained.
    pub fn missing_essentials(&self) -> Vec<ConsentTopic> {
        ConsentTopic::ESSENTIAL
            .into_iter()
            .filter(|t| !self.explained.contains(t))
            .collect()
    }
}

/// Needling without reviewed screening or consent, on the clinician's stated reason.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GateOverride {
    pub reason: String,
    #[serde(deserialize_with = "super::local_time::deserialize")]
    pub at: DateTime,
    pub by: String,
}

/// Needles counted in and out: they must match before the session is signed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NeedleCount {
    #[serde(deserialize_with = "super::ranges::inserted")]
    pub inserted: Option<u32>,
    #[serde(deserialize_with = "super::ranges::removed")]
    pub removed: Option<u32>,
}

impl NeedleCount {
    pub fn mismatch(self) -> Option<(u32, u32)> {
        match (self.inserted, self.removed) {
            (Some(inserted), Some(removed)) if inserted != removed => Some((inserted, removed)),
            _ => None,
        }
    }

    pub fn is_recorded(self) -> bool {
        self.inserted.is_some() && self.removed.is_some()
    }
}

/// Kinds of adverse event, from the surveys `clinical.md` cites.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AdverseEventKind {
    #[default]
    Bruising,
    Bleeding,
    PainDuring,
    PainAfter,
    Aggravation,
    Drowsiness,
    Fainting,
    Dizziness,
    Nausea,
    Sweating,
    Headache,
    Pneumothorax,
    NerveInjury,
    Infection,
    Haematoma,
    Other,
}

impl AdverseEventKind {
    pub const ALL: [Self; 16] = [
        Self::Bruising,
        Self::Bleeding,
        Self::PainDuring,
        Self::PainAfter,
        Self::Aggravation,
        Self::Drowsiness,
        Self::Fainting,
        Self::Dizziness,
        Self::Nausea,
        Self::Sweating,
        Self::Headache,
        Self::Pneumothorax,
        Self::NerveInjury,
        Self::Infection,
        Self::Haematoma,
        Self::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Bruising => "bruising",
            Self::Bleeding => "bleeding",
            Self::PainDuring => "pain during needling",
            Self::PainAfter => "pain after needling",
            Self::Aggravation => "aggravation of symptoms",
            Self::Drowsiness => "drowsiness",
            Self::Fainting => "feeling faint / fainting",
            Self::Dizziness => "dizziness",
            Self::Nausea => "nausea",
            Self::Sweating => "sweating",
            Self::Headache => "headache",
            Self::Pneumothorax => "pneumothorax",
            Self::NerveInjury => "nerve injury",
            Self::Infection => "infection",
            Self::Haematoma => "haematoma",
            Self::Other => "other",
        }
    }
}

/// How bad an adverse event was.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Grade {
    /// Short-lived and reversible.
    #[default]
    Mild,
    /// Needed medical care or interfered with daily activities.
    Significant,
    /// Hospital admission or lasting harm.
    Serious,
}

impl Grade {
    pub const ALL: [Self; 3] = [Self::Mild, Self::Significant, Self::Serious];

    pub fn label(self) -> &'static str {
        match self {
            Self::Mild => "mild",
            Self::Significant => "significant",
            Self::Serious => "serious",
        }
    }
}

/// An adverse event during or after the session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdverseEvent {
    pub kind: AdverseEventKind,
    pub grade: Grade,
    #[serde(deserialize_with = "super::local_time::deserialize")]
    pub at: DateTime,
    /// What was done about it (pressure, rest, referral to emergency care…).
    pub action: String,
    #[serde(default)]
    pub notes: String,
}

/// The aftercare advice used until a clinic writes its own (`aftercare.txt` in the library).
pub const DEFAULT_AFTERCARE: &str = "\
After dry needling

- The treated muscles may feel sore, like after a hard workout, for 24 to 48 hours.
- Small bruises, tiredness or drowsiness can happen and settle on their own.
- Drink water, keep activity light for the rest of the day, and resume your exercises tomorrow.
- Simple pain relief you normally use is fine if needed. Heat or ice: follow your clinician's advice.

Seek medical care straight away (emergency department or emergency number) if you notice:
- breathlessness that increases, chest pain, or a dry cough (this can start hours to two days after treatment of the chest, upper back, neck or shoulders: a possible collapsed lung);
- fever, or redness, heat or swelling spreading from a needle site (possible infection);
- numbness, tingling or weakness that does not wear off.

Contact the clinic with any other concern.
";

/// The aftercare advice given, kept as the words the patient was given.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Aftercare {
    pub given: bool,
    /// The text given (the clinic's template at the time, possibly adapted).
    pub text: String,
}

/// A safety-zone warning raised for a needle site.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SafetyWarning {
    pub kind: WarningKind,
    /// The safety zone's id in the body map (empty for the bilateral-thorax warning).
    pub zone: String,
    /// What the clinician was told.
    pub message: String,
    pub acknowledged: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum WarningKind {
    /// The site lies in a safety zone.
    InZone,
    /// The recorded depth is beyond the zone's advisable maximum.
    TooDeep,
    /// Both sides of the thorax needled in one session.
    BilateralThorax,
}

/// The signature that freezes a session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    pub by: String,
    #[serde(deserialize_with = "super::local_time::deserialize")]
    pub at: DateTime,
    /// SHA-256 (hex) of the clinical content at signing: the canonical encoding's digest for a
    /// sealed signature (`crate::model::canonical`), the older RON content hash for a
    /// session sealed before signatures existed ([`super::Session::legacy_content_hash`]).
    pub content_hash: String,
    /// The clinician's electronic signature over the content, signer, time and meaning;
    /// `None` for a session sealed with the content hash alone (before format version 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seal: Option<Seal>,
    /// Other clinicians' signatures of the same content (e.g. on a session sealed before
    /// signatures existed), in the order they were made.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub co_signatures: Vec<CoSignature>,
}

/// A second clinician's signature of an already signed or sealed session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoSignature {
    pub by: String,
    #[serde(deserialize_with = "super::local_time::deserialize")]
    pub at: DateTime,
    pub seal: Seal,
}

/// An Ed25519 signature by a clinician's key (`crate::identity`): what it means, the
/// signer's credentials, the public key it verifies with, and the signature itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Seal {
    pub meaning: Meaning,
    /// E.g. "PT, registration 12345".
    pub credentials: String,
    /// The signer's Ed25519 public key, 32 bytes in standard base64.
    pub public_key: String,
    /// The Ed25519 signature, 64 bytes in standard base64.
    pub signature: String,
}

/// What a signature means (21 CFR 11.50(a)(3)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Meaning {
    /// The treating clinician's sign-off of the visit.
    Author,
    /// A later note on a signed visit.
    Addendum,
    /// A second clinician's signature of an already sealed visit.
    CoSignature,
}

impl Meaning {
    pub fn label(self) -> &'static str {
        match self {
            Self::Author => "author",
            Self::Addendum => "addendum",
            Self::CoSignature => "co-signature",
        }
    }
}

/// A later note on a signed session. Appended, never rewritten; each one's hash chains to the
/// signature and the addenda before it, so removing or editing one is detected too.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Addendum {
    #[serde(deserialize_with = "super::local_time::deserialize")]
    pub at: DateTime,
    pub author: String,
    pub text: String,
    /// SHA-256 (hex) chaining this addendum to the signature and the addenda before it.
    pub hash: String,
    /// The author's electronic signature of the addendum and its place in the chain; `None`
    /// for an addendum written before signatures existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seal: Option<Seal>,
}
