//! The clinical document: patients, treatment sessions and the marks charted on them.
//!
//! Plain data with serde; no egui, no file access. Field order here is the field order in the
//! RON files, so keep it stable and add new fields at the end of a struct with a default.

pub mod canonical;
mod changes;
mod clinical;
mod edit;
mod ids;
pub mod limits;
pub mod local_time;
mod marks;
pub mod measures;
pub mod outcomes;
mod patient;
pub mod ranges;
mod record;
mod session;
mod signing;

pub use changes::describe_changes;
pub use clinical::{
    Finding, NeedleTechnique, PainQuality, Palpation, PatientPosition, Side, TissueDepth,
    TriggerPointStatus,
};
pub use edit::{Edit, Field, MarkUpdate, ZoneDetails};
pub use ids::{MarkId, PatientId, SessionId};
pub use marks::{
    Arrow, ElectricalStimulation, MarkKind, MarkRef, MuscleRef, NeedleSite, NeedleSpec, PaintOp,
    ReferredZone, TextNote, TriggerPoint,
};
pub use outcomes::{ClinicMeasure, OutcomeError, Outcomes, PsfsActivity, RomMeasurement, Target};
pub use patient::{Patient, PatientChange, PatientDetails, PatientField};
pub use record::{
    Addendum, AdverseEvent, AdverseEventKind, Aftercare, Answer, CoSignature, Consent,
    ConsentMethod, ConsentTopic, DEFAULT_AFTERCARE, GateOverride, Grade, Meaning, NeedleCount,
    Review, SafetyWarning, Screening, ScreeningAnswer, ScreeningItem, Seal, Signature, WarningKind,
};
pub use session::{BodyMapRef, Complaint, PainScore, Session, SessionProblem};
pub use signing::{BillingBand, NeedleGate, SignatureState, Signer, fingerprint};
