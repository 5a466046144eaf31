//! The visit's outcome measures in the session panel: the scores of the instruments the
//! clinician adds (NDI, ODI, QuickDASH, LEFS), the PSFS, range of motion, the clinic's own
//! measures and goals, each beside its range, direction and last visit's value.
//!
//! An entry not yet given today's value is a draft held here, never in the session: only a
//! value the clinician entered reaches the document, so last visit's numbers are shown but
//! never recorded as today's. Every edit goes to the document whole (`Field::Outcomes`), and
//! what it refuses is shown in words beside the field it concerns.

mod clinic;
mod form;
mod goals;
mod movements;
mod psfs;
mod scores;

use egui::RichText;

pub use form::LastVisit;

use crate::app::shell::theme::Palette;
use crate::document::Document;
use crate::model::{Edit, Field};
use crate::progress::trends;
use form::{Change, Ctx, Form, muted};

/// The measures tab's state between frames: each section's drafts, the last refusal and
/// where it belongs, the field to focus, the last visit's values. Never saved.
#[derive(Default)]
pub struct MeasuresUi {
    last: Option<LastVisit>,
    scores: scores::Scores,
    psfs: psfs::Psfs,
    movements: movements::Movements,
    clinic: clinic::Clinic,
    goals: goals::Goals,
    form: Form,
}

impl MeasuresUi {
    /// What the patient's previous visit measured (`None`: no earlier visit is known).
    pub fn set_last_visit(&mut self, last: Option<LastVisit>) {
        self.last = last;
    }

    /// The tab: every section, read-only unless `editable`.
    pub fn ui(&mut self, ui: &mut egui::Ui, doc: &mut Document, editable: bool) {
        let palette = Palette::of(ui.ctx());
        self.intro(ui, editable, &palette);
        let outcomes = doc.session().outcomes.clone();
        let taken = trends(&[doc.session()]);
        let ctx = Ctx {
            outcomes: &outcomes,
            last: self.last.as_ref(),
            palette: &palette,
        };
        let Self {
            scores,
            psfs,
            movements,
            clinic,
            goals,
            form,
            ..
        } = self;
        let change = ui
            .add_enabled_ui(editable, |ui| {
                [
                    section(ui, "Scores", |ui| scores.ui(ui, ctx, form)),
                    section(ui, "PSFS", |ui| psfs.ui(ui, ctx, form)),
                    section(ui, "Range of motion", |ui| movements.ui(ui, ctx, form)),
                    section(ui, "Clinic measures", |ui| clinic.ui(ui, ctx, form)),
                    section(ui, "Goals", |ui| goals.ui(ui, ctx, &taken, form)),
                ]
                .into_iter()
                .flatten()
                .next()
            })
            .inner;
        if let Some(change) = change {
            self.commit(doc, change);
        }
    }

    fn intro(&self, ui: &mut egui::Ui, editable: bool, palette: &Palette) {
        if !editable {
            ui.label(
                RichText::new(
                    "This session is read-only: its measures are shown as recorded. Record a \
                     correction in an addendum (Clinical record).",
                )
                .color(palette.info),
            );
        }
        let last = match &self.last {
            Some(last) => format!(
                "Last visit: {}. Its values are shown, never copied.",
                last.date
            ),
            None => "No earlier visit of this patient in the library.".to_owned(),
        };
        ui.label(muted(last, palette));
        ui.label(muted(
            "Pain (NPRS) is on Visit details; pressure-pain thresholds on each trigger point.",
            palette,
        ));
        ui.add_space(4.0);
    }

    /// Hands a change to the document; a refusal is kept to be shown beside its field, and
    /// the draft a change records is dropped once it is in the session.
    fn commit(&mut self, doc: &mut Document, change: Change) {
        let edit = Edit::Set(Field::Outcomes(change.outcomes));
        match doc.apply(edit, change.gesture) {
            Ok(()) => {
                self.form.accepted(&change.slot);
                if change.records_draft {
                    self.scores.recorded(&change.slot);
                    if let Some(next) = self.psfs.recorded(&change.slot) {
                        self.form.focus(next);
                    }
                    let now = &doc.session().outcomes;
                    if let Some(next) = self.movements.recorded(&change.slot, now) {
                        self.form.focus(next);
                    }
                    self.clinic.recorded(&change.slot);
                    self.goals.recorded(&change.slot);
                }
            }
            Err(refusal) => {
                log::info!("a measure was refused: {refusal}");
                self.form.refuse(change.slot, refusal.to_string());
            }
        }
    }
}

/// One collapsible section, open; returns the change made in it.
fn section(
    ui: &mut egui::Ui,
    title: &str,
    body: impl FnOnce(&mut egui::Ui) -> Option<Change>,
) -> Option<Change> {
    egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt(("measures", title))
        .default_open(true)
        .show(ui, body)
        .body_returned
        .flatten()
}
