//! What the measures tab's sections share: where a field sits (to show its refusal beside it
//! and give it the keyboard), the change a section hands back, the last visit's values, and
//! the small fields and texts the sections are made of.

use egui::{RichText, TextEdit};
use jiff::civil::Date;

use crate::app::shell::theme::Palette;
use crate::document::Gesture;
use crate::model::{ClinicMeasure, Outcomes};
use crate::progress::format_number;
use crate::words::capitalised;

/// What the patient's previous visit measured, for "last visit: N" beside each field.
#[derive(Clone, Debug)]
pub struct LastVisit {
    pub date: Date,
    pub outcomes: Outcomes,
}

impl LastVisit {
    pub fn score(&self, id: &str) -> Option<f32> {
        self.outcomes.scores.get(id).copied()
    }

    pub fn activity(&self, name: &str) -> Option<u8> {
        self.outcomes
            .psfs
            .iter()
            .flatten()
            .find(|a| same_name(&a.activity, name))
            .map(|a| a.score)
    }

    pub fn clinic(&self, name: &str) -> Option<&ClinicMeasure> {
        self.outcomes
            .clinic_measures
            .iter()
            .find(|m| same_name(&m.name, name))
    }
}

/// What every section reads: the visit's outcomes as they are, the last visit's, the colours.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub outcomes: &'a Outcomes,
    pub last: Option<&'a LastVisit>,
    pub palette: &'a Palette,
}

/// Where a field sits in the tab.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Slot {
    Score(String),
    Activity(usize),
    PendingActivity(usize),
    PendingActivityName(usize),
    Movement(usize),
    MovementDraft,
    Clinic(usize),
    ClinicDraft,
    ClinicDraftValue,
    Goal(usize),
    GoalDraft,
}

/// A change to the visit's outcomes, the undo gesture it belongs to, where it was made, and
/// whether it records the draft there.
pub struct Change {
    pub outcomes: Outcomes,
    pub gesture: Option<Gesture>,
    pub slot: Slot,
    pub records_draft: bool,
}

impl Change {
    pub fn new(outcomes: Outcomes, gesture: Option<Gesture>, slot: Slot) -> Self {
        Self {
            outcomes,
            gesture,
            slot,
            records_draft: false,
        }
    }

    /// A change that turns the draft at `slot` into a recorded value.
    pub fn recording(outcomes: Outcomes, slot: Slot) -> Self {
        Self {
            outcomes,
            gesture: None,
            slot,
            records_draft: true,
        }
    }
}

/// The last refusal and the field it concerns; the field to give the keyboard to.
#[derive(Default)]
pub struct Form {
    refusal: Option<(Slot, String)>,
    focus: Option<Slot>,
}

impl Form {
    /// Says in words why the field at `slot` was refused, if it was.
    pub fn refusal_ui(&self, ui: &mut egui::Ui, slot: &Slot, palette: &Palette) {
        if let Some((at, text)) = &self.refusal
            && at == slot
        {
            ui.label(RichText::new(format!("⚠ {text}")).color(palette.error));
        }
    }

    /// Keeps a refusal (the document's, or a number that is not one) for its field.
    pub fn refuse(&mut self, slot: Slot, text: impl Into<String>) {
        self.refusal = Some((slot, capitalised(&text.into())));
    }

    /// The field at `slot` was taken: its refusal, if any, is over.
    pub fn accepted(&mut self, slot: &Slot) {
        if self.refusal.as_ref().is_some_and(|(at, _)| at == slot) {
            self.refusal = None;
        }
    }

    /// The field at `slot` takes the keyboard when next drawn.
    pub fn focus(&mut self, slot: Slot) {
        self.focus = Some(slot);
    }

    /// Gives the keyboard to the field at `slot` if it was just added.
    pub fn take_focus(&mut self, slot: &Slot, response: &egui::Response) {
        if self.focus.as_ref() == Some(slot) {
            response.request_focus();
            self.focus = None;
        }
    }
}

/// Names typed by people match whatever their case and surrounding spaces.
pub fn same_name(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

pub fn muted(text: impl Into<String>, palette: &Palette) -> RichText {
    RichText::new(text).color(palette.muted_text)
}

/// A number as typed, with a decimal comma taken as a point.
pub fn parse(text: &str) -> Option<f64> {
    text.trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

/// A number as the forms show it: at most one decimal.
pub fn number(value: f64) -> String {
    format_number(value)
}

/// A short field for a number, typed freely and read when used.
pub fn number_field(ui: &mut egui::Ui, text: &mut String, hint: &str) -> egui::Response {
    ui.add(
        TextEdit::singleline(text)
            .hint_text(hint)
            .desired_width(60.0),
    )
}

/// Whether the field was left with Enter (a form's default button).
pub fn entered(ui: &egui::Ui, response: &egui::Response) -> bool {
    response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter))
}
