//! Goals set with the patient: a target value for any measure taken in this visit, drawn as
//! a line on its plot in the progress view. A goal holds until a later visit sets another.

use egui::{ComboBox, DragValue};

use super::form::{Change, Ctx, Form, Slot, entered, muted, number, number_field, parse};
use crate::app::screens::editing;
use crate::model::Target;
use crate::progress::Trend;

/// The goal being set: for which measure (its key), and the value as typed.
#[derive(Default)]
pub struct Goals {
    measure: Option<String>,
    value: String,
}

impl Goals {
    /// `taken`: the measures of this visit, as trends of it alone.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        ctx: Ctx<'_>,
        taken: &[Trend],
        form: &mut Form,
    ) -> Option<Change> {
        ui.label(muted(
            "A goal holds until a later visit sets another for the same measure.",
            ctx.palette,
        ));
        let last = ctx
            .last
            .map(|l| l.outcomes.targets.as_slice())
            .unwrap_or_default();
        if !last.is_empty() {
            let set: Vec<String> = last.iter().map(|t| target_text(t, taken)).collect();
            let text = format!("Set at the last visit: {}", set.join(", "));
            ui.label(muted(text, ctx.palette));
        }
        let mut change = None;
        for (index, target) in ctx.outcomes.targets.iter().enumerate() {
            let made = ui
                .push_id(("goal", index), |ui| {
                    goal_row(ui, index, target, ctx, taken, form)
                })
                .inner;
            change = change.or(made);
        }
        change.or_else(|| self.draft_ui(ui, ctx, taken, form))
    }

    /// The goal was set: the draft starts again.
    pub fn recorded(&mut self, slot: &Slot) {
        if *slot == Slot::GoalDraft {
            *self = Self::default();
        }
    }

    fn draft_ui(
        &mut self,
        ui: &mut egui::Ui,
        ctx: Ctx<'_>,
        taken: &[Trend],
        form: &mut Form,
    ) -> Option<Change> {
        let targets = &ctx.outcomes.targets;
        let open: Vec<&Trend> = taken
            .iter()
            .filter(|t| !targets.iter().any(|g| g.measure == t.key.target_key()))
            .collect();
        if open.is_empty() {
            let text = "Record a measure above to set a goal for it.";
            ui.label(muted(text, ctx.palette));
            return None;
        }
        let set = ui
            .horizontal_wrapped(|ui| {
                let label = ui.label("New goal");
                let chosen = self.measure.as_deref().map(|k| target_name(k, taken));
                ComboBox::from_id_salt("goal_measure")
                    .selected_text(chosen.unwrap_or_else(|| "measure…".to_owned()))
                    .show_ui(ui, |ui| {
                        for trend in &open {
                            let key = Some(trend.key.target_key());
                            ui.selectable_value(&mut self.measure, key, &trend.label);
                        }
                    })
                    .response
                    .labelled_by(label.id);
                let response = number_field(ui, &mut self.value, "target");
                ui.button("Set goal").clicked() || entered(ui, &response)
            })
            .inner;
        form.refusal_ui(ui, &Slot::GoalDraft, ctx.palette);
        if !set {
            return None;
        }
        match self.target(&open) {
            Ok(target) => {
                let mut new = ctx.outcomes.clone();
                new.targets.push(target);
                Some(Change::recording(new, Slot::GoalDraft))
            }
            Err(problem) => {
                form.refuse(Slot::GoalDraft, problem);
                None
            }
        }
    }

    /// The goal as typed, for one of the `open` measures, within its scale.
    fn target(&self, open: &[&Trend]) -> Result<Target, String> {
        let trend = open
            .iter()
            .find(|t| Some(t.key.target_key()) == self.measure)
            .ok_or("Choose the measure the goal is for.")?;
        let value = parse(&self.value).ok_or("Type the goal as a number.")?;
        if !(trend.min..=trend.max).contains(&value) {
            return Err(format!(
                "A goal for {} lies within {}–{}.",
                trend.label,
                trend.format(trend.min),
                trend.format(trend.max)
            ));
        }
        Ok(Target {
            measure: trend.key.target_key(),
            value: value as f32,
        })
    }
}

/// A goal set in this visit: its value changes within the measure's scale, or it goes.
fn goal_row(
    ui: &mut egui::Ui,
    index: usize,
    target: &Target,
    ctx: Ctx<'_>,
    taken: &[Trend],
    form: &Form,
) -> Option<Change> {
    let slot = Slot::Goal(index);
    let trend = taken.iter().find(|t| t.key.target_key() == target.measure);
    let mut new = ctx.outcomes.clone();
    let made = ui
        .horizontal(|ui| {
            let label = ui.label(format!("Goal: {}", target_name(&target.measure, taken)));
            let mut value = f64::from(target.value);
            let mut drag = DragValue::new(&mut value).speed(0.5).max_decimals(1);
            if let Some(trend) = trend {
                drag = drag.range(trend.min..=trend.max);
            }
            let response = ui.add(drag).labelled_by(label.id);
            ui.label(trend.map_or("", |t| t.unit.as_str()));
            if response.changed() {
                new.targets[index].value = value as f32;
                Some(Some(editing::gesture(response.id)))
            } else if ui.small_button("Remove").clicked() {
                new.targets.remove(index);
                Some(None)
            } else {
                None
            }
        })
        .inner;
    if let Some(trend) = trend
        && let Some(today) = trend.points.last()
    {
        let text = format!("today: {}", trend.format(today.value));
        ui.label(muted(text, ctx.palette));
    }
    form.refusal_ui(ui, &slot, ctx.palette);
    made.map(|gesture| Change::new(new, gesture, slot))
}

/// A goal's measure by name: the label of the trend it follows, else its key.
fn target_name(key: &str, taken: &[Trend]) -> String {
    taken
        .iter()
        .find(|t| t.key.target_key() == key)
        .map_or_else(|| key.to_owned(), |t| t.label.clone())
}

/// "NDI 10/50": a goal as the last visit set it.
fn target_text(target: &Target, taken: &[Trend]) -> String {
    let value = f64::from(target.value);
    match taken.iter().find(|t| t.key.target_key() == target.measure) {
        Some(trend) => format!("{} {}", trend.label, trend.format(value)),
        None => format!("{} {}", target.measure, number(value)),
    }
}
