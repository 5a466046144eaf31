//! The scores of the standardised instruments (NDI, ODI, QuickDASH, LEFS): only those the
//! clinician adds, one click each. An added instrument is a draft until today's score is
//! typed; a recorded score is then changed within the instrument's range and steps.

use egui::{DragValue, RichText, TextEdit};

use super::form::{Change, Ctx, Form, Slot, muted, parse};
use crate::app::screens::editing;
use crate::model::measures::{Instrument, catalog};
use crate::progress::format_number;

/// Instruments added but not scored yet: their catalog id and the score as typed.
#[derive(Default)]
pub struct Scores {
    pending: Vec<(String, String)>,
}

impl Scores {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: Ctx<'_>, form: &mut Form) -> Option<Change> {
        let mut change = None;
        for instrument in catalog().scored() {
            let id = &instrument.id;
            let made = if let Some(value) = ctx.outcomes.scores.get(id) {
                score_row(ui, instrument, *value, ctx)
            } else if self.pending.iter().any(|(p, _)| p == id) {
                self.pending_row(ui, instrument, ctx, form)
            } else {
                continue;
            };
            change = change.or(made);
            ui.label(muted(facts(instrument, ctx), ctx.palette));
            form.refusal_ui(ui, &Slot::Score(id.clone()), ctx.palette);
            ui.add_space(4.0);
        }
        self.add_buttons(ui, ctx, form);
        change
    }

    /// Today's score of `slot`'s instrument was recorded: its draft goes.
    pub fn recorded(&mut self, slot: &Slot) {
        if let Slot::Score(id) = slot {
            self.pending.retain(|(p, _)| p != id);
        }
    }

    /// An instrument added but not scored: a field to type today's score into, recorded
    /// when the field is left (Enter, Tab).
    fn pending_row(
        &mut self,
        ui: &mut egui::Ui,
        instrument: &Instrument,
        ctx: Ctx<'_>,
        form: &mut Form,
    ) -> Option<Change> {
        let slot = Slot::Score(instrument.id.clone());
        let index = self.pending.iter().position(|(p, _)| *p == instrument.id)?;
        let mut cancel = false;
        let mut typed = None;
        ui.horizontal(|ui| {
            let label = name_label(ui, instrument);
            let text = &mut self.pending[index].1;
            let response = ui
                .add(
                    TextEdit::singleline(text)
                        .id_salt(("pending_score", &instrument.id))
                        .hint_text("score")
                        .desired_width(70.0),
                )
                .labelled_by(label.id);
            if response.lost_focus() && !text.trim().is_empty() {
                typed = Some(text.clone());
            }
            ui.label(&instrument.unit);
            cancel = ui.small_button("Cancel").clicked();
            form.take_focus(&slot, &response);
        });
        if cancel {
            self.pending.remove(index);
            return None;
        }
        let Some(score) = parse(&typed?) else {
            form.refuse(slot, "Type the score as a number.");
            return None;
        };
        let mut new = ctx.outcomes.clone();
        new.scores
            .insert(instrument.id.clone(), snap(score, instrument) as f32);
        Some(Change::recording(new, slot))
    }

    /// One button per instrument not yet in this visit; those the last visit took first.
    fn add_buttons(&mut self, ui: &mut egui::Ui, ctx: Ctx<'_>, form: &mut Form) {
        let taken_last = |i: &Instrument| ctx.last.and_then(|l| l.score(&i.id)).is_some();
        let mut missing: Vec<&Instrument> = catalog()
            .scored()
            .filter(|i| !ctx.outcomes.scores.contains_key(&i.id))
            .filter(|i| !self.pending.iter().any(|(p, _)| *p == i.id))
            .collect();
        if missing.is_empty() {
            return;
        }
        missing.sort_by_key(|i| !taken_last(i));
        ui.horizontal_wrapped(|ui| {
            ui.label("Add a score:");
            for instrument in missing {
                let mut hover = format!(
                    "{} ({}–{}, {})",
                    instrument.name,
                    format_number(instrument.min),
                    format_number(instrument.max),
                    instrument.better.label(),
                );
                let mut text = RichText::new(format!("+ {}", instrument.abbreviation));
                if taken_last(instrument) {
                    hover.push_str("; taken at the last visit");
                    text = text.strong();
                }
                if ui.button(text).on_hover_text(hover).clicked() {
                    self.pending.push((instrument.id.clone(), String::new()));
                    form.focus(Slot::Score(instrument.id.clone()));
                }
            }
        });
    }
}

/// A recorded score: changed within the instrument's range and steps, or removed.
fn score_row(
    ui: &mut egui::Ui,
    instrument: &Instrument,
    value: f32,
    ctx: Ctx<'_>,
) -> Option<Change> {
    let slot = Slot::Score(instrument.id.clone());
    let mut new = ctx.outcomes.clone();
    ui.horizontal(|ui| {
        let label = name_label(ui, instrument);
        let mut score = f64::from(value);
        let response = ui
            .add(
                DragValue::new(&mut score)
                    .range(instrument.min..=instrument.max)
                    .speed(instrument.step)
                    .max_decimals(decimals(instrument.step)),
            )
            .labelled_by(label.id);
        ui.label(&instrument.unit);
        if response.changed() {
            let score = snap(score, instrument).clamp(instrument.min, instrument.max);
            new.scores.insert(instrument.id.clone(), score as f32);
            Some(Change::new(new, Some(editing::gesture(response.id)), slot))
        } else if ui.small_button("Remove").clicked() {
            new.scores.remove(&instrument.id);
            Some(Change::new(new, None, slot))
        } else {
            None
        }
    })
    .inner
}

/// "NDI", with the instrument's full name on hover.
fn name_label(ui: &mut egui::Ui, instrument: &Instrument) -> egui::Response {
    ui.label(RichText::new(&instrument.abbreviation).strong())
        .on_hover_text(&instrument.name)
}

/// "0–50 · lower is better · last visit: 22".
fn facts(instrument: &Instrument, ctx: Ctx<'_>) -> String {
    let mut facts = format!(
        "{}–{} · {}",
        format_number(instrument.min),
        format_number(instrument.max),
        instrument.better.label()
    );
    if let Some(last) = ctx.last.and_then(|l| l.score(&instrument.id)) {
        facts.push_str(&format!(
            " · last visit: {}",
            format_number(f64::from(last))
        ));
    }
    facts
}

/// The decimals an instrument's step needs (1 → 0, 0.1 → 1).
fn decimals(step: f64) -> usize {
    (-step.log10()).ceil().max(0.0) as usize
}

/// A score on its instrument's steps (QuickDASH in tenths, the others in whole points).
fn snap(value: f64, instrument: &Instrument) -> f64 {
    let steps = ((value - instrument.min) / instrument.step).round();
    let snapped = instrument.min + steps * instrument.step;
    let scale = 10f64.powi(decimals(instrument.step) as i32);
    (snapped * scale).round() / scale
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_snap_to_their_instruments_steps() {
        let quickdash = catalog().instrument("quickdash").expect("QuickDASH");
        let ndi = catalog().instrument("ndi").expect("NDI");
        assert_eq!(snap(34.14, quickdash), 34.1);
        assert_eq!(snap(18.6, ndi), 19.0);
        assert_eq!(decimals(0.1), 1);
        assert_eq!(decimals(1.0), 0);
    }
}
