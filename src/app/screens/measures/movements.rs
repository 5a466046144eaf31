//! Active range of motion: a movement picked from the catalog by region (or one measured at
//! the last visit, in one click), its side when it has one, and today's degrees, beside the
//! AAOS normal and the last visit's value.

use egui::{ComboBox, DragValue, RichText, TextEdit};

use super::form::{Change, Ctx, Form, Slot, entered, muted, parse};
use crate::app::screens::editing;
use crate::model::measures::{Movement, catalog};
use crate::model::{Outcomes, RomMeasurement, Side, limits};
use crate::progress::format_number;

/// The movement being added.
pub struct Movements {
    movement: Option<String>,
    side: Side,
    degrees: String,
}

impl Default for Movements {
    fn default() -> Self {
        Self {
            movement: None,
            side: Side::Left,
            degrees: String::new(),
        }
    }
}

impl Movements {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: Ctx<'_>, form: &mut Form) -> Option<Change> {
        let mut change = None;
        for (index, measured) in ctx.outcomes.range_of_motion.iter().enumerate() {
            let Some(movement) = catalog().movement(&measured.movement) else {
                continue;
            };
            let made = ui
                .push_id(("rom", index), |ui| {
                    movement_row(ui, index, movement, measured, ctx, form)
                })
                .inner;
            change = change.or(made);
        }
        ui.add_space(2.0);
        change.or_else(|| self.draft_ui(ui, ctx, form))
    }

    /// The movement was recorded (`outcomes` as they are now): its degrees are cleared for
    /// the next one, on the other side of a sided movement not yet measured there (right
    /// after left), whose degrees then take the keyboard.
    pub fn recorded(&mut self, slot: &Slot, outcomes: &Outcomes) -> Option<Slot> {
        if *slot != Slot::MovementDraft {
            return None;
        }
        self.degrees.clear();
        let id = self.movement.take()?;
        let other = self.side.opposite();
        let sided = catalog().movement(&id).is_some_and(|m| m.sided);
        if !sided || outcomes.movement(&id, Some(other)).is_some() {
            return None;
        }
        self.movement = Some(id);
        self.side = other;
        Some(Slot::MovementDraft)
    }

    /// Picks a movement (grouped by region), its side, and today's degrees.
    fn draft_ui(&mut self, ui: &mut egui::Ui, ctx: Ctx<'_>, form: &mut Form) -> Option<Change> {
        self.last_visit_ui(ui, ctx, form);
        let before = self.movement.clone();
        ui.horizontal(|ui| {
            let label = ui.label("Movement");
            let chosen = self
                .movement
                .as_deref()
                .and_then(|id| catalog().movement(id));
            ComboBox::from_id_salt("rom_movement")
                .selected_text(chosen.map_or_else(|| "choose…".to_owned(), Movement::label))
                .width(220.0)
                .show_ui(ui, |ui| movement_menu(ui, &mut self.movement))
                .response
                .labelled_by(label.id);
        });
        if self.movement != before {
            form.focus(Slot::MovementDraft);
        }
        let movement = self
            .movement
            .as_deref()
            .and_then(|id| catalog().movement(id))?;
        let side = movement.sided.then_some(self.side);
        let add = ui
            .horizontal(|ui| {
                if movement.sided {
                    ui.radio_value(&mut self.side, Side::Left, "Left");
                    ui.radio_value(&mut self.side, Side::Right, "Right");
                }
                let label = ui.label("Degrees");
                let response = ui
                    .add(
                        TextEdit::singleline(&mut self.degrees)
                            .id_salt("rom_degrees")
                            .hint_text("°")
                            .desired_width(50.0),
                    )
                    .labelled_by(label.id);
                form.take_focus(&Slot::MovementDraft, &response);
                ui.button("Add").clicked() || entered(ui, &response)
            })
            .inner;
        ui.label(muted(facts(movement, side, ctx), ctx.palette));
        form.refusal_ui(ui, &Slot::MovementDraft, ctx.palette);
        if !add {
            return None;
        }
        let Some(degrees) = parse(&self.degrees) else {
            form.refuse(Slot::MovementDraft, "Type the degrees as a number.");
            return None;
        };
        let mut new = ctx.outcomes.clone();
        new.range_of_motion.push(RomMeasurement {
            movement: movement.id.clone(),
            side,
            degrees: degrees.round() as f32,
            notes: String::new(),
        });
        Some(Change::recording(new, Slot::MovementDraft))
    }

    /// One click picks a movement measured at the last visit and not yet today.
    fn last_visit_ui(&mut self, ui: &mut egui::Ui, ctx: Ctx<'_>, form: &mut Form) {
        let to_repeat: Vec<(&Movement, Option<Side>)> = ctx
            .last
            .map(|l| l.outcomes.range_of_motion.as_slice())
            .unwrap_or_default()
            .iter()
            .filter(|m| ctx.outcomes.movement(&m.movement, m.side).is_none())
            .filter_map(|m| Some((catalog().movement(&m.movement)?, m.side)))
            .collect();
        if to_repeat.is_empty() {
            return;
        }
        ui.horizontal_wrapped(|ui| {
            ui.label("Measured last visit:");
            for (movement, side) in to_repeat {
                if ui
                    .small_button(movement_label(movement, side))
                    .on_hover_text("Measure it again today")
                    .clicked()
                {
                    self.movement = Some(movement.id.clone());
                    self.side = side.unwrap_or(Side::Left);
                    self.degrees.clear();
                    form.focus(Slot::MovementDraft);
                }
            }
        });
    }
}

/// A recorded movement: its degrees (within what the joint can do) and notes change, or it
/// goes.
fn movement_row(
    ui: &mut egui::Ui,
    index: usize,
    movement: &Movement,
    measured: &RomMeasurement,
    ctx: Ctx<'_>,
    form: &Form,
) -> Option<Change> {
    let slot = Slot::Movement(index);
    let mut new = ctx.outcomes.clone();
    let mut made = ui
        .horizontal(|ui| {
            let text = RichText::new(movement_label(movement, measured.side)).strong();
            let label = ui.label(text);
            let mut degrees = measured.degrees;
            let response = ui
                .add(
                    DragValue::new(&mut degrees)
                        .range(0.0..=movement.limit as f32)
                        .speed(1.0)
                        .max_decimals(0)
                        .suffix("°"),
                )
                .labelled_by(label.id);
            if response.changed() {
                new.range_of_motion[index].degrees = degrees.round();
                Some(Some(editing::gesture(response.id)))
            } else if ui.small_button("Remove").clicked() {
                new.range_of_motion.remove(index);
                Some(None)
            } else {
                None
            }
        })
        .inner;
    ui.label(muted(facts(movement, measured.side, ctx), ctx.palette));
    if new.range_of_motion.len() == ctx.outcomes.range_of_motion.len() {
        let mut notes = measured.notes.clone();
        let response = ui.add(
            TextEdit::singleline(&mut notes)
                .char_limit(limits::SHORT)
                .hint_text("Notes: end-feel, pain at end range, instrument")
                .desired_width(f32::INFINITY),
        );
        if response.changed() {
            new.range_of_motion[index].notes = notes;
            made = Some(Some(editing::gesture(response.id)));
        }
    }
    form.refusal_ui(ui, &slot, ctx.palette);
    ui.add_space(4.0);
    made.map(|gesture| Change::new(new, gesture, slot))
}

/// The movements by region, in the catalog's clinical order.
fn movement_menu(ui: &mut egui::Ui, chosen: &mut Option<String>) {
    let mut region = "";
    for movement in &catalog().movements {
        if movement.region != region {
            region = &movement.region;
            ui.label(RichText::new(region).strong());
        }
        let name = format!("   {}", movement.name);
        ui.selectable_value(chosen, Some(movement.id.clone()), name);
    }
}

/// "Cervical spine rotation (left)".
fn movement_label(movement: &Movement, side: Option<Side>) -> String {
    match side {
        Some(side) => format!("{} ({})", movement.label(), side.label()),
        None => movement.label(),
    }
}

/// "normal 60° (AAOS) · 0–110° possible · last visit: 56°".
fn facts(movement: &Movement, side: Option<Side>, ctx: Ctx<'_>) -> String {
    let mut facts = format!(
        "normal {}° (AAOS) · 0–{}° possible",
        format_number(movement.normal),
        format_number(movement.limit)
    );
    if let Some(last) = ctx
        .last
        .and_then(|l| l.outcomes.movement(&movement.id, side))
    {
        let degrees = format_number(f64::from(last.degrees));
        facts.push_str(&format!(" · last visit: {degrees}°"));
    }
    facts
}
