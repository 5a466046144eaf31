//! The Patient-Specific Functional Scale: up to five activities in the patient's words, each
//! scored 0–10, and their mean. An activity named, or brought in from the last visit by name,
//! is a draft until today's score is entered: last visit's score is shown beside it, never
//! recorded as today's.

use egui::{DragValue, RichText, TextEdit};

use super::form::{Change, Ctx, Form, Slot, muted, parse, same_name};
use crate::app::screens::editing;
use crate::model::outcomes::MAX_PSFS_ACTIVITIES;
use crate::model::{Outcomes, PsfsActivity, limits};
use crate::progress::format_number;

/// A PSFS activity named but not yet scored today.
#[derive(Clone, Debug, Default)]
struct PendingActivity {
    activity: String,
    score: String,
    /// Its score at the last visit, when brought in from there (shown, never recorded).
    last: Option<u8>,
}

/// The activities not yet scored today.
#[derive(Default)]
pub struct Psfs {
    pending: Vec<PendingActivity>,
}

impl Psfs {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: Ctx<'_>, form: &mut Form) -> Option<Change> {
        ui.label(muted(
            "Up to five activities in the patient's words, each 0 (unable) to 10 (as before \
             the problem) · higher is better",
            ctx.palette,
        ));
        let activities = ctx.outcomes.psfs.clone().unwrap_or_default();
        let mut change = None;
        for (index, activity) in activities.iter().enumerate() {
            let made = ui
                .push_id(("psfs", index), |ui| {
                    activity_row(ui, index, activity, ctx, form)
                })
                .inner;
            change = change.or(made);
        }
        for index in 0..self.pending.len() {
            let number = activities.len() + index + 1;
            let made = ui
                .push_id(("psfs_pending", index), |ui| {
                    self.pending_row(ui, index, number, ctx, form)
                })
                .inner;
            change = change.or(made);
        }
        self.mean_ui(ui, ctx);
        self.buttons(ui, &activities, ctx, form);
        change
    }

    /// The pending activity of `slot` was scored and recorded: its draft goes, and the
    /// next one still to score is returned, to take the keyboard.
    pub fn recorded(&mut self, slot: &Slot) -> Option<Slot> {
        let Slot::PendingActivity(index) = slot else {
            return None;
        };
        if *index < self.pending.len() {
            self.pending.remove(*index);
        }
        (*index < self.pending.len()).then_some(Slot::PendingActivity(*index))
    }

    /// An activity named (or brought in) without today's score: recorded once scored, and
    /// until then saying so.
    fn pending_row(
        &mut self,
        ui: &mut egui::Ui,
        index: usize,
        number: usize,
        ctx: Ctx<'_>,
        form: &mut Form,
    ) -> Option<Change> {
        let slot = Slot::PendingActivity(index);
        let pending = &mut self.pending[index];
        ui.horizontal(|ui| {
            let label = ui.label(format!("Activity {number}"));
            let response = ui
                .add(
                    TextEdit::singleline(&mut pending.activity)
                        .char_limit(limits::NAME)
                        .hint_text("in the patient's words")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            form.take_focus(&Slot::PendingActivityName(index), &response);
        });
        let (typed, remove) = ui
            .horizontal(|ui| {
                let label = ui.label("Score");
                let response = ui
                    .add(
                        TextEdit::singleline(&mut pending.score)
                            .hint_text("0–10")
                            .desired_width(48.0),
                    )
                    .labelled_by(label.id);
                form.take_focus(&slot, &response);
                ui.label("/10");
                let note = match pending.last {
                    Some(last) => format!("not scored today (last visit: {last})"),
                    None => "not scored yet".to_owned(),
                };
                ui.label(RichText::new(note).color(ctx.palette.warning));
                let typed = response.lost_focus() && !pending.score.trim().is_empty();
                (typed, ui.small_button("Remove").clicked())
            })
            .inner;
        form.refusal_ui(ui, &slot, ctx.palette);
        ui.add_space(2.0);
        if remove {
            self.pending.remove(index);
            return None;
        }
        if !typed {
            return None;
        }
        let activity = match scored(&self.pending[index]) {
            Ok(activity) => activity,
            Err(problem) => {
                form.refuse(slot, problem);
                return None;
            }
        };
        let mut new = ctx.outcomes.clone();
        new.psfs.get_or_insert_with(Vec::new).push(activity);
        Some(Change::recording(new, slot))
    }

    fn mean_ui(&self, ui: &mut egui::Ui, ctx: Ctx<'_>) {
        let mut text = mean_text(ctx.outcomes);
        if !self.pending.is_empty() {
            text.push_str(&format!(
                "; {} still to score (not recorded until scored)",
                self.pending.len()
            ));
        }
        ui.label(RichText::new(text).strong());
        if let Some(mean) = ctx.last.and_then(|l| l.outcomes.psfs_mean()) {
            let text = format!("last visit: mean {}/10", format_number(mean));
            ui.label(muted(text, ctx.palette));
        }
    }

    /// Add an activity; bring in the last visit's activities by name, unscored.
    fn buttons(
        &mut self,
        ui: &mut egui::Ui,
        activities: &[PsfsActivity],
        ctx: Ctx<'_>,
        form: &mut Form,
    ) {
        let room = MAX_PSFS_ACTIVITIES.saturating_sub(activities.len() + self.pending.len());
        let named = |name: &str| {
            activities.iter().any(|a| same_name(&a.activity, name))
                || self.pending.iter().any(|p| same_name(&p.activity, name))
        };
        let to_bring: Vec<PendingActivity> = ctx
            .last
            .and_then(|l| l.outcomes.psfs.as_ref())
            .into_iter()
            .flatten()
            .filter(|a| !named(&a.activity))
            .take(room)
            .map(|a| PendingActivity {
                activity: a.activity.clone(),
                score: String::new(),
                last: Some(a.score),
            })
            .collect();
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(room > 0, egui::Button::new("Add activity"))
                .on_disabled_hover_text("The PSFS takes up to five activities")
                .clicked()
            {
                self.pending.push(PendingActivity::default());
                form.focus(Slot::PendingActivityName(self.pending.len() - 1));
            }
            if !to_bring.is_empty()
                && ui
                    .button(format!(
                        "Bring in last visit's activities ({})",
                        to_bring.len()
                    ))
                    .on_hover_text(
                        "Their names only: ask the patient today's score for each; nothing is \
                         recorded until you enter it",
                    )
                    .clicked()
            {
                form.focus(Slot::PendingActivity(self.pending.len()));
                self.pending.extend(to_bring);
            }
        });
    }
}

/// A recorded activity: its words and score change, or it goes (the PSFS with it when it
/// was the last one).
fn activity_row(
    ui: &mut egui::Ui,
    index: usize,
    activity: &PsfsActivity,
    ctx: Ctx<'_>,
    form: &Form,
) -> Option<Change> {
    let slot = Slot::Activity(index);
    let mut new = ctx.outcomes.clone();
    let list = new.psfs.get_or_insert_with(Vec::new);
    let mut made = None;
    ui.horizontal(|ui| {
        let label = ui.label(format!("Activity {}", index + 1));
        let mut name = activity.activity.clone();
        let response = ui
            .add(
                TextEdit::singleline(&mut name)
                    .char_limit(limits::NAME)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if response.changed() {
            list[index].activity = name;
            made = Some(Some(editing::gesture(response.id)));
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label("Score");
        let mut score = activity.score;
        let response = ui
            .add(DragValue::new(&mut score).range(0..=10))
            .labelled_by(label.id);
        ui.label("/10");
        last_score(ui, &activity.activity, ctx);
        if response.changed() {
            list[index].score = score;
            made = Some(Some(editing::gesture(response.id)));
        } else if ui.small_button("Remove").clicked() {
            list.remove(index);
            made = Some(None);
        }
    });
    form.refusal_ui(ui, &slot, ctx.palette);
    ui.add_space(2.0);
    if new.psfs.as_ref().is_some_and(Vec::is_empty) {
        new.psfs = None;
    }
    made.map(|gesture| Change::new(new, gesture, slot))
}

/// "last visit: 9", for an activity the last visit scored.
fn last_score(ui: &mut egui::Ui, activity: &str, ctx: Ctx<'_>) {
    if let Some(last) = ctx.last.and_then(|l| l.activity(activity)) {
        ui.label(muted(format!("last visit: {last}"), ctx.palette));
    }
}

/// The pending activity as recorded, or what to fix first.
fn scored(pending: &PendingActivity) -> Result<PsfsActivity, &'static str> {
    let activity = pending.activity.trim().to_owned();
    if activity.is_empty() {
        return Err("Name the activity in the patient's words first.");
    }
    let score = parse(&pending.score)
        .filter(|s| s.fract() == 0.0 && *s >= 0.0)
        .ok_or("The score is a whole number from 0 to 10.")?;
    // Over 10 is left to the document, which says so with the range.
    let score = score.min(f64::from(u8::MAX)) as u8;
    Ok(PsfsActivity { activity, score })
}

/// "PSFS today: mean 4.5/10 of 2 activities".
fn mean_text(outcomes: &Outcomes) -> String {
    let scored = outcomes.psfs.as_ref().map_or(0, Vec::len);
    match outcomes.psfs_mean() {
        Some(mean) => format!(
            "PSFS today: mean {}/10 of {scored} {}",
            format_number(mean),
            if scored == 1 {
                "activity"
            } else {
                "activities"
            }
        ),
        None => "PSFS not taken today".to_owned(),
    }
}
