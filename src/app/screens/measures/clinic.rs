//! Measures the clinic defines (name, unit, range, direction, optional MCID and MDC) and
//! their value today. One of the last visit's is repeated in one click: its definition comes
//! in, its value is left to enter.

use egui::{DragValue, RichText, TextEdit};

use super::form::{
    Change, Ctx, Form, Slot, entered, muted, number, number_field, parse, same_name,
};
use crate::app::screens::editing;
use crate::model::measures::Better;
use crate::model::{ClinicMeasure, limits};

/// A clinic measure being defined (or repeated from the last visit), as typed.
#[derive(Clone, Debug)]
struct ClinicDraft {
    name: String,
    unit: String,
    min: String,
    max: String,
    better: Better,
    mcid: String,
    mdc: String,
    value: String,
}

impl Default for ClinicDraft {
    fn default() -> Self {
        Self {
            name: String::new(),
            unit: String::new(),
            min: "0".to_owned(),
            max: "100".to_owned(),
            better: Better::Higher,
            mcid: String::new(),
            mdc: String::new(),
            value: String::new(),
        }
    }
}

impl ClinicDraft {
    /// The definition of `measure`, with today's value left to enter.
    fn repeating(measure: &ClinicMeasure) -> Self {
        let optional = |v: Option<f32>| v.map(|v| number(f64::from(v))).unwrap_or_default();
        Self {
            name: measure.name.clone(),
            unit: measure.unit.clone(),
            min: number(f64::from(measure.min)),
            max: number(f64::from(measure.max)),
            better: measure.better,
            mcid: optional(measure.mcid),
            mdc: optional(measure.mdc),
            value: String::new(),
        }
    }

    /// The measure as typed, or what to fix, in words (the document checks the rest).
    fn measure(&self) -> Result<ClinicMeasure, String> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err("Name the measure.".to_owned());
        }
        let (Some(min), Some(max)) = (parse(&self.min), parse(&self.max)) else {
            return Err("The range needs two numbers, such as 0 to 100.".to_owned());
        };
        let optional = |text: &str, what: &str| match text.trim() {
            "" => Ok(None),
            text => parse(text)
                .map(|v| Some(v as f32))
                .ok_or_else(|| format!("{what}: type a number, or leave it empty.")),
        };
        let mcid = optional(&self.mcid, "MCID")?;
        let mdc = optional(&self.mdc, "MDC")?;
        let value = parse(&self.value).ok_or("Enter today's value.")?;
        Ok(ClinicMeasure {
            name: name.to_owned(),
            unit: self.unit.trim().to_owned(),
            min: min as f32,
            max: max as f32,
            better: self.better,
            mcid,
            mdc,
            value: value as f32,
        })
    }
}

/// The measure being defined, while its form is open.
#[derive(Default)]
pub struct Clinic {
    draft: Option<ClinicDraft>,
}

impl Clinic {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: Ctx<'_>, form: &mut Form) -> Option<Change> {
        let mut change = None;
        for (index, measure) in ctx.outcomes.clinic_measures.iter().enumerate() {
            let made = ui
                .push_id(("clinic", index), |ui| {
                    measure_row(ui, index, measure, ctx, form)
                })
                .inner;
            change = change.or(made);
        }
        if self.draft.is_some() {
            change.or_else(|| self.draft_ui(ui, ctx, form))
        } else {
            self.buttons(ui, ctx, form);
            change
        }
    }

    /// The measure defined was recorded: its form closes.
    pub fn recorded(&mut self, slot: &Slot) {
        if *slot == Slot::ClinicDraft {
            self.draft = None;
        }
    }

    /// Define a new measure, or repeat one of the last visit's (its definition, not its
    /// value).
    fn buttons(&mut self, ui: &mut egui::Ui, ctx: Ctx<'_>, form: &mut Form) {
        let today = &ctx.outcomes.clinic_measures;
        let to_repeat = ctx
            .last
            .map(|l| l.outcomes.clinic_measures.as_slice())
            .unwrap_or_default()
            .iter()
            .filter(|m| !today.iter().any(|t| same_name(&t.name, &m.name)));
        ui.horizontal_wrapped(|ui| {
            for measure in to_repeat {
                if ui
                    .button(format!("Repeat {}", measure.name))
                    .on_hover_text("Its definition from the last visit; enter today's value")
                    .clicked()
                {
                    self.draft = Some(ClinicDraft::repeating(measure));
                    form.focus(Slot::ClinicDraftValue);
                }
            }
            if ui.button("Define a clinic measure…").clicked() {
                self.draft = Some(ClinicDraft::default());
                form.focus(Slot::ClinicDraft);
            }
        });
    }

    fn draft_ui(&mut self, ui: &mut egui::Ui, ctx: Ctx<'_>, form: &mut Form) -> Option<Change> {
        let draft = self.draft.as_mut()?;
        let (add, cancel) = egui::Frame::group(ui.style())
            .show(ui, |ui| {
                ui.label(RichText::new("New clinic measure").strong());
                let entered = draft_form(ui, draft, form);
                let buttons = ui.horizontal(|ui| {
                    let add = ui.button("Add measure").clicked();
                    (add || entered, ui.button("Cancel").clicked())
                });
                form.refusal_ui(ui, &Slot::ClinicDraft, ctx.palette);
                buttons.inner
            })
            .inner;
        if cancel {
            self.draft = None;
            return None;
        }
        if !add {
            return None;
        }
        let measure = draft
            .measure()
            .and_then(|m| unique(m, &ctx.outcomes.clinic_measures));
        let measure = match measure {
            Ok(measure) => measure,
            Err(problem) => {
                form.refuse(Slot::ClinicDraft, problem);
                return None;
            }
        };
        let mut new = ctx.outcomes.clone();
        new.clinic_measures.push(measure);
        Some(Change::recording(new, Slot::ClinicDraft))
    }
}

/// A measure not yet recorded today.
fn unique(measure: ClinicMeasure, today: &[ClinicMeasure]) -> Result<ClinicMeasure, String> {
    if today.iter().any(|m| same_name(&m.name, &measure.name)) {
        return Err(format!(
            "“{}” is already recorded today: change its value above.",
            measure.name
        ));
    }
    Ok(measure)
}

/// The definition's fields; returns whether Enter was pressed in today's value.
fn draft_form(ui: &mut egui::Ui, draft: &mut ClinicDraft, form: &mut Form) -> bool {
    egui::Grid::new("clinic_draft")
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            let hint = "Grip strength";
            let name = text_row(ui, "Name", &mut draft.name, hint, limits::NAME);
            form.take_focus(&Slot::ClinicDraft, &name);
            let hint = "kg, s, cm; empty for a score";
            text_row(ui, "Unit", &mut draft.unit, hint, limits::ID);
            let label = ui.label("Range");
            ui.horizontal(|ui| {
                number_field(ui, &mut draft.min, "min").labelled_by(label.id);
                ui.label("to");
                number_field(ui, &mut draft.max, "max");
            });
            ui.end_row();
            ui.label("Direction");
            ui.horizontal(|ui| {
                for better in [Better::Higher, Better::Lower] {
                    ui.radio_value(&mut draft.better, better, better.label());
                }
            });
            ui.end_row();
            for (label, text) in [("MCID", &mut draft.mcid), ("MDC", &mut draft.mdc)] {
                let label = ui.label(label);
                number_field(ui, text, "optional").labelled_by(label.id);
                ui.end_row();
            }
            let label = ui.label("Today's value");
            let value = number_field(ui, &mut draft.value, "value").labelled_by(label.id);
            form.take_focus(&Slot::ClinicDraftValue, &value);
            ui.end_row();
            entered(ui, &value)
        })
        .inner
}

/// A recorded measure: its value changes within its own range, or it goes.
fn measure_row(
    ui: &mut egui::Ui,
    index: usize,
    measure: &ClinicMeasure,
    ctx: Ctx<'_>,
    form: &Form,
) -> Option<Change> {
    let slot = Slot::Clinic(index);
    let mut new = ctx.outcomes.clone();
    let made = ui
        .horizontal(|ui| {
            let label = ui.label(RichText::new(&measure.name).strong());
            let mut value = measure.value;
            let response = ui
                .add(
                    DragValue::new(&mut value)
                        .range(measure.min..=measure.max)
                        .speed((measure.max - measure.min) / 200.0),
                )
                .labelled_by(label.id);
            ui.label(&measure.unit);
            if response.changed() {
                new.clinic_measures[index].value = value;
                Some(Some(editing::gesture(response.id)))
            } else if ui.small_button("Remove").clicked() {
                new.clinic_measures.remove(index);
                Some(None)
            } else {
                None
            }
        })
        .inner;
    ui.label(muted(facts(measure, ctx), ctx.palette));
    form.refusal_ui(ui, &slot, ctx.palette);
    ui.add_space(4.0);
    made.map(|gesture| Change::new(new, gesture, slot))
}

/// "0–50 stands · higher is better · MCID 2 · MDC 2 · last visit: 13".
fn facts(measure: &ClinicMeasure, ctx: Ctx<'_>) -> String {
    let unit = if measure.unit.is_empty() {
        String::new()
    } else {
        format!(" {}", measure.unit)
    };
    let mut facts = format!(
        "{}–{}{unit} · {}",
        number(f64::from(measure.min)),
        number(f64::from(measure.max)),
        measure.better.label()
    );
    for (name, value) in [("MCID", measure.mcid), ("MDC", measure.mdc)] {
        if let Some(value) = value {
            facts.push_str(&format!(" · {name} {}", number(f64::from(value))));
        }
    }
    if let Some(last) = ctx.last.and_then(|l| l.clinic(&measure.name)) {
        facts.push_str(&format!(" · last visit: {}", number(f64::from(last.value))));
    }
    facts
}

/// A labelled text row of a two-column grid.
fn text_row(
    ui: &mut egui::Ui,
    label: &str,
    text: &mut String,
    hint: &str,
    limit: usize,
) -> egui::Response {
    let label = ui.label(label);
    let response = ui
        .add(
            TextEdit::singleline(text)
                .char_limit(limit)
                .hint_text(hint)
                .desired_width(200.0),
        )
        .labelled_by(label.id);
    ui.end_row();
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clinic_draft_names_what_is_missing_and_repeats_a_definition_without_its_value() {
        let mut draft = ClinicDraft::default();
        assert_eq!(draft.measure().expect_err("no name"), "Name the measure.");
        draft.name = "Grip strength".to_owned();
        assert_eq!(
            draft.measure().expect_err("no value"),
            "Enter today's value."
        );
        draft.value = "28,5".to_owned();
        let measure = draft.measure().expect("a measure");
        assert_eq!(measure.value, 28.5);
        let repeated = ClinicDraft::repeating(&measure);
        assert!(repeated.value.is_empty(), "today's value is left to enter");
        assert_eq!(repeated.max, "100");
        assert!(unique(measure.clone(), &[measure]).is_err(), "once a visit");
    }
}
