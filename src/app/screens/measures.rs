//! The visit's outcome measures in the session panel: the scores of the instruments the
//! clinician adds (NDI, ODI, QuickDASH, LEFS), the PSFS, range of motion, the clinic's own
//! measures and goals, each beside its range, direction and last visit's value.
//!
//! An entry not yet given today's value is a draft held here, never in the session: only a
//! value the clinician entered reaches the document, so last visit's numbers are shown but
//! never recorded as today's. Every edit goes to the document whole (`Field::Outcomes`), and
//! what it refuses is shown in words beside the field it concerns.

use egui::{ComboBox, DragValue, RichText, TextEdit};
use jiff::civil::Date;

use crate::app::screens::editing;
use crate::app::shell::theme::Palette;
use crate::document::{Document, Gesture};
use crate::model::measures::{Better, Instrument, Movement, catalog};
use crate::model::outcomes::MAX_PSFS_ACTIVITIES;
use crate::model::{
    ClinicMeasure, Edit, Field, Outcomes, PsfsActivity, RomMeasurement, Side, Target, limits,
};
use crate::progress::{Trend, format_number, trends};

/// What the patient's previous visit measured, for "last visit: N" beside each field.
#[derive(Clone, Debug)]
pub struct LastVisit {
    pub date: Date,
    pub outcomes: Outcomes,
}

impl LastVisit {
    fn score(&self, id: &str) -> Option<f32> {
        self.outcomes.scores.get(id).copied()
    }

    fn activity(&self, name: &str) -> Option<u8> {
        self.outcomes
            .psfs
            .iter()
            .flatten()
            .find(|a| same_name(&a.activity, name))
            .map(|a| a.score)
    }

    fn clinic(&self, name: &str) -> Option<&ClinicMeasure> {
        self.outcomes
            .clinic_measures
            .iter()
            .find(|m| same_name(&m.name, name))
    }
}

/// Names typed by people match whatever their case and surrounding spaces.
fn same_name(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// Where a field sits in the tab, so a refusal is shown beside it and a new field takes the
/// keyboard.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Slot {
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

/// A PSFS activity named but not yet scored today.
#[derive(Clone, Debug, Default)]
struct PendingActivity {
    activity: String,
    score: String,
    /// Its score at the last visit, when brought in from there (shown, never recorded).
    last: Option<u8>,
}

/// The movement being added.
#[derive(Clone, Debug)]
struct MovementDraft {
    movement: Option<String>,
    side: Side,
    degrees: String,
}

impl Default for MovementDraft {
    fn default() -> Self {
        Self {
            movement: None,
            side: Side::Left,
            degrees: String::new(),
        }
    }
}

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

/// A goal being set.
#[derive(Clone, Debug, Default)]
struct GoalDraft {
    measure: Option<String>,
    value: String,
}

/// The measures tab's state between frames: drafts, the last refusal and where it belongs,
/// the field to focus. Never saved.
#[derive(Default)]
pub struct MeasuresUi {
    last: Option<LastVisit>,
    /// Instruments added but not scored yet, by catalog id.
    pending_scores: Vec<(String, String)>,
    pending_activities: Vec<PendingActivity>,
    movement: MovementDraft,
    clinic: Option<ClinicDraft>,
    goal: GoalDraft,
    refusal: Option<(Slot, String)>,
    focus: Option<Slot>,
}

/// A change to the visit's outcomes, the undo gesture it belongs to, where it was made and
/// the draft it completes.
struct Change {
    outcomes: Outcomes,
    gesture: Option<Gesture>,
    slot: Slot,
    completes: Option<Slot>,
}

impl Change {
    fn new(outcomes: Outcomes, gesture: Option<Gesture>, slot: Slot) -> Self {
        Self {
            outcomes,
            gesture,
            slot,
            completes: None,
        }
    }

    /// A change that turns the draft at `slot` into a recorded value.
    fn completing(outcomes: Outcomes, slot: Slot) -> Self {
        Self {
            outcomes,
            gesture: None,
            slot: slot.clone(),
            completes: Some(slot),
        }
    }
}

impl MeasuresUi {
    /// What the patient's previous visit measured (`None`: no earlier visit is known).
    pub fn set_last_visit(&mut self, last: Option<LastVisit>) {
        self.last = last;
    }

    pub fn last_visit(&self) -> Option<&LastVisit> {
        self.last.as_ref()
    }

    /// The tab: every section, read-only unless `editable`.
    pub fn ui(&mut self, ui: &mut egui::Ui, doc: &mut Document, editable: bool) {
        let palette = Palette::of(ui.ctx());
        self.intro(ui, editable, &palette);
        let outcomes = doc.session().outcomes.clone();
        let taken = trends(&[doc.session()]);
        let mut change = None;
        ui.add_enabled_ui(editable, |ui| {
            change = [
                self.section(ui, "Scores", |s, ui| s.scores_ui(ui, &outcomes, &palette)),
                self.section(ui, "PSFS", |s, ui| s.psfs_ui(ui, &outcomes, &palette)),
                self.section(ui, "Range of motion", |s, ui| {
                    s.movements_ui(ui, &outcomes, &palette)
                }),
                self.section(ui, "Clinic measures", |s, ui| {
                    s.clinic_ui(ui, &outcomes, &palette)
                }),
                self.section(ui, "Goals", |s, ui| {
                    s.goals_ui(ui, &outcomes, &taken, &palette)
                }),
            ]
            .into_iter()
            .flatten()
            .next();
        });
        if let Some(change) = change {
            self.commit(doc, change);
        }
    }

    fn intro(&self, ui: &mut egui::Ui, editable: bool, palette: &Palette) {
        let muted = |text: String| RichText::new(text).small().color(palette.muted_text);
        if !editable {
            ui.label(
                RichText::new(
                    "This session is read-only: its measures are shown as recorded. Record a \
                     correction in an addendum (Clinical record).",
                )
                .color(palette.info),
            );
        }
        ui.label(muted(match &self.last {
            Some(last) => format!(
                "Last visit: {}. Its values are shown, never copied.",
                last.date
            ),
            None => "No earlier visit of this patient in the library.".to_owned(),
        }));
        ui.label(muted(
            "Pain (NPRS) is on Visit details; pressure-pain thresholds on each trigger point."
                .to_owned(),
        ));
        ui.add_space(4.0);
    }

    /// One collapsible section; returns the change made in it.
    fn section(
        &mut self,
        ui: &mut egui::Ui,
        title: &str,
        body: impl FnOnce(&mut Self, &mut egui::Ui) -> Option<Change>,
    ) -> Option<Change> {
        egui::CollapsingHeader::new(RichText::new(title).strong())
            .id_salt(("measures", title))
            .default_open(true)
            .show(ui, |ui| body(self, ui))
            .body_returned
            .flatten()
    }

    /// Hands a change to the document; a refusal is kept to be shown beside its field, and
    /// a draft the change completes is dropped once it is recorded.
    fn commit(&mut self, doc: &mut Document, change: Change) {
        let edit = Edit::Set(Field::Outcomes(change.outcomes));
        match doc.apply(edit, change.gesture) {
            Ok(()) => {
                if self
                    .refusal
                    .as_ref()
                    .is_some_and(|(s, _)| *s == change.slot)
                {
                    self.refusal = None;
                }
                if let Some(done) = change.completes {
                    self.complete(&done);
                }
            }
            Err(refusal) => {
                log::info!("a measure was refused: {refusal}");
                self.refusal = Some((change.slot, capitalised(&refusal.to_string())));
            }
        }
    }

    /// Drops the draft a recorded change came from.
    fn complete(&mut self, slot: &Slot) {
        match slot {
            Slot::Score(id) => self.pending_scores.retain(|(p, _)| p != id),
            Slot::PendingActivity(i) if *i < self.pending_activities.len() => {
                self.pending_activities.remove(*i);
            }
            Slot::MovementDraft => self.movement.degrees.clear(),
            Slot::ClinicDraft => self.clinic = None,
            Slot::GoalDraft => self.goal = GoalDraft::default(),
            _ => {}
        }
    }

    /// Says in words why the field at `slot` was refused, if it was.
    fn refusal_ui(&self, ui: &mut egui::Ui, slot: &Slot, palette: &Palette) {
        if let Some((at, text)) = &self.refusal
            && at == slot
        {
            ui.label(RichText::new(format!("⚠ {text}")).color(palette.error));
        }
    }

    /// Marks a problem found before the document was asked (a number that is not one).
    fn refuse(&mut self, slot: Slot, text: impl Into<String>) {
        self.refusal = Some((slot, text.into()));
    }

    /// Gives the keyboard to the field at `slot` if it was just added.
    fn take_focus(&mut self, slot: &Slot, response: &egui::Response) {
        if self.focus.as_ref() == Some(slot) {
            response.request_focus();
            self.focus = None;
        }
    }

    // --- Scores of the standardised instruments ------------------------------------------

    fn scores_ui(
        &mut self,
        ui: &mut egui::Ui,
        outcomes: &Outcomes,
        palette: &Palette,
    ) -> Option<Change> {
        let mut change = None;
        for instrument in catalog().scored() {
            let id = &instrument.id;
            let made = if let Some(value) = outcomes.scores.get(id) {
                self.score_row(ui, instrument, *value, outcomes)
            } else if self.pending_scores.iter().any(|(p, _)| p == id) {
                self.pending_score_row(ui, instrument, outcomes)
            } else {
                continue;
            };
            change = change.or(made);
            ui.label(muted(self.score_facts(instrument), palette));
            self.refusal_ui(ui, &Slot::Score(id.clone()), palette);
            ui.add_space(4.0);
        }
        self.add_score_buttons(ui, outcomes);
        change
    }

    /// "0–50 · lower is better · last visit: 22".
    fn score_facts(&self, instrument: &Instrument) -> String {
        let mut facts = format!(
            "{}–{} · {}",
            format_number(instrument.min),
            format_number(instrument.max),
            instrument.better.label()
        );
        if let Some(last) = self.last.as_ref().and_then(|l| l.score(&instrument.id)) {
            facts.push_str(&format!(
                " · last visit: {}",
                format_number(f64::from(last))
            ));
        }
        facts
    }

    fn score_row(
        &mut self,
        ui: &mut egui::Ui,
        instrument: &Instrument,
        value: f32,
        outcomes: &Outcomes,
    ) -> Option<Change> {
        let mut change = None;
        ui.horizontal(|ui| {
            let label = ui
                .label(RichText::new(&instrument.abbreviation).strong())
                .on_hover_text(&instrument.name);
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
            let slot = Slot::Score(instrument.id.clone());
            let mut new = outcomes.clone();
            if response.changed() {
                let score = snap(score, instrument).clamp(instrument.min, instrument.max);
                new.scores.insert(instrument.id.clone(), score as f32);
                let gesture = Some(editing::gesture(response.id));
                change = Some(Change::new(new, gesture, slot));
            } else if ui.small_button("Remove").clicked() {
                new.scores.remove(&instrument.id);
                change = Some(Change::new(new, None, slot));
            }
        });
        change
    }

    /// An instrument added but not scored: a field to type today's score into, recorded
    /// when the field is left (Enter, Tab).
    fn pending_score_row(
        &mut self,
        ui: &mut egui::Ui,
        instrument: &Instrument,
        outcomes: &Outcomes,
    ) -> Option<Change> {
        let slot = Slot::Score(instrument.id.clone());
        let index = self
            .pending_scores
            .iter()
            .position(|(p, _)| *p == instrument.id)?;
        let mut cancel = false;
        let mut typed = None;
        ui.horizontal(|ui| {
            let label = ui
                .label(RichText::new(&instrument.abbreviation).strong())
                .on_hover_text(&instrument.name);
            let text = &mut self.pending_scores[index].1;
            let response = ui
                .add(
                    TextEdit::singleline(text)
                        .id_salt(("pending_score", &instrument.id))
                        .hint_text("today's score")
                        .desired_width(90.0),
                )
                .labelled_by(label.id);
            if response.lost_focus() && !text.trim().is_empty() {
                typed = Some(text.clone());
            }
            ui.label(&instrument.unit);
            cancel = ui.small_button("Cancel").clicked();
            self.take_focus(&slot, &response);
        });
        if cancel {
            self.pending_scores.remove(index);
            return None;
        }
        let typed = typed?;
        let Some(score) = parse(&typed) else {
            self.refuse(slot, "Type the score as a number.");
            return None;
        };
        let mut new = outcomes.clone();
        new.scores
            .insert(instrument.id.clone(), snap(score, instrument) as f32);
        Some(Change::completing(new, slot))
    }

    /// One button per instrument not yet in this visit; those the last visit took first.
    fn add_score_buttons(&mut self, ui: &mut egui::Ui, outcomes: &Outcomes) {
        let mut missing: Vec<&Instrument> = catalog()
            .scored()
            .filter(|i| !outcomes.scores.contains_key(&i.id))
            .filter(|i| !self.pending_scores.iter().any(|(p, _)| *p == i.id))
            .collect();
        if missing.is_empty() {
            return;
        }
        let last = self.last.as_ref();
        missing.sort_by_key(|i| last.and_then(|l| l.score(&i.id)).is_none());
        ui.horizontal_wrapped(|ui| {
            ui.label("Add a score:");
            for instrument in missing {
                let taken_last = last.and_then(|l| l.score(&instrument.id)).is_some();
                let hover = format!(
                    "{} ({}–{}, {}){}",
                    instrument.name,
                    format_number(instrument.min),
                    format_number(instrument.max),
                    instrument.better.label(),
                    if taken_last {
                        "; taken at the last visit"
                    } else {
                        ""
                    }
                );
                let text = format!("+ {}", instrument.abbreviation);
                let button = egui::Button::new(if taken_last {
                    RichText::new(text).strong()
                } else {
                    RichText::new(text)
                });
                if ui.add(button).on_hover_text(hover).clicked() {
                    self.pending_scores
                        .push((instrument.id.clone(), String::new()));
                    self.focus = Some(Slot::Score(instrument.id.clone()));
                }
            }
        });
    }

    // --- The Patient-Specific Functional Scale -------------------------------------------

    fn psfs_ui(
        &mut self,
        ui: &mut egui::Ui,
        outcomes: &Outcomes,
        palette: &Palette,
    ) -> Option<Change> {
        ui.label(muted(
            "Up to five activities in the patient's words, each 0 (unable) to 10 (as before \
             the problem) · higher is better",
            palette,
        ));
        let activities = outcomes.psfs.clone().unwrap_or_default();
        let mut change = None;
        for (index, activity) in activities.iter().enumerate() {
            let made = ui
                .push_id(("psfs", index), |ui| {
                    self.activity_row(ui, index, activity, outcomes, palette)
                })
                .inner;
            change = change.or(made);
        }
        for index in 0..self.pending_activities.len() {
            let number = activities.len() + index + 1;
            let made = ui
                .push_id(("psfs_pending", index), |ui| {
                    self.pending_activity_row(ui, index, number, outcomes, palette)
                })
                .inner;
            change = change.or(made);
        }
        self.psfs_mean_ui(ui, outcomes, palette);
        self.psfs_buttons(ui, &activities);
        change
    }

    fn activity_row(
        &mut self,
        ui: &mut egui::Ui,
        index: usize,
        activity: &PsfsActivity,
        outcomes: &Outcomes,
        palette: &Palette,
    ) -> Option<Change> {
        let slot = Slot::Activity(index);
        let mut new = outcomes.clone();
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
            if let Some(last) = self
                .last
                .as_ref()
                .and_then(|l| l.activity(&activity.activity))
            {
                ui.label(muted(format!("last visit: {last}"), palette));
            }
            if response.changed() {
                list[index].score = score;
                made = Some(Some(editing::gesture(response.id)));
            } else if ui.small_button("Remove").clicked() {
                list.remove(index);
                made = Some(None);
            }
        });
        self.refusal_ui(ui, &slot, palette);
        ui.add_space(2.0);
        if new.psfs.as_ref().is_some_and(Vec::is_empty) {
            new.psfs = None;
        }
        made.map(|gesture| Change::new(new, gesture, slot))
    }

    /// An activity named (or brought in from the last visit) without today's score: it is
    /// recorded once scored, and until then says so.
    fn pending_activity_row(
        &mut self,
        ui: &mut egui::Ui,
        index: usize,
        number: usize,
        outcomes: &Outcomes,
        palette: &Palette,
    ) -> Option<Change> {
        let slot = Slot::PendingActivity(index);
        let name_slot = Slot::PendingActivityName(index);
        let mut typed = false;
        let mut cancel = false;
        ui.horizontal(|ui| {
            let label = ui.label(format!("Activity {number}"));
            let response = ui
                .add(
                    TextEdit::singleline(&mut self.pending_activities[index].activity)
                        .char_limit(limits::NAME)
                        .hint_text("in the patient's words")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            self.take_focus(&name_slot, &response);
        });
        ui.horizontal(|ui| {
            let label = ui.label("Score");
            let response = ui
                .add(
                    TextEdit::singleline(&mut self.pending_activities[index].score)
                        .hint_text("0–10")
                        .desired_width(40.0),
                )
                .labelled_by(label.id);
            self.take_focus(&slot, &response);
            typed =
                response.lost_focus() && !self.pending_activities[index].score.trim().is_empty();
            ui.label("/10");
            let note = match self.pending_activities[index].last {
                Some(last) => format!("not scored today (last visit: {last})"),
                None => "not scored yet".to_owned(),
            };
            ui.label(RichText::new(note).small().color(palette.warning));
            cancel = ui.small_button("Remove").clicked();
        });
        self.refusal_ui(ui, &slot, palette);
        ui.add_space(2.0);
        if cancel {
            self.pending_activities.remove(index);
            return None;
        }
        if !typed {
            return None;
        }
        self.score_pending_activity(index, outcomes)
    }

    /// The pending activity at `index`, scored: the change that records it.
    fn score_pending_activity(&mut self, index: usize, outcomes: &Outcomes) -> Option<Change> {
        let slot = Slot::PendingActivity(index);
        let pending = &self.pending_activities[index];
        let activity = pending.activity.trim().to_owned();
        if activity.is_empty() {
            self.refuse(slot, "Name the activity in the patient's words first.");
            return None;
        }
        let Some(score) = parse(&pending.score).filter(|s| s.fract() == 0.0 && *s >= 0.0) else {
            self.refuse(slot, "The score is a whole number from 0 to 10.");
            return None;
        };
        let mut new = outcomes.clone();
        new.psfs.get_or_insert_with(Vec::new).push(PsfsActivity {
            activity,
            score: score.min(f64::from(u8::MAX)) as u8,
        });
        Some(Change::completing(new, slot))
    }

    fn psfs_mean_ui(&self, ui: &mut egui::Ui, outcomes: &Outcomes, palette: &Palette) {
        let scored = outcomes.psfs.as_ref().map_or(0, Vec::len);
        let mut text = match outcomes.psfs_mean() {
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
        };
        if !self.pending_activities.is_empty() {
            text.push_str(&format!(
                "; {} still to score (not recorded until scored)",
                self.pending_activities.len()
            ));
        }
        ui.label(RichText::new(text).strong());
        let last_mean = self.last.as_ref().and_then(|l| l.outcomes.psfs_mean());
        if let Some(mean) = last_mean {
            ui.label(muted(
                format!("last visit: mean {}/10", format_number(mean)),
                palette,
            ));
        }
    }

    fn psfs_buttons(&mut self, ui: &mut egui::Ui, activities: &[PsfsActivity]) {
        let room =
            MAX_PSFS_ACTIVITIES.saturating_sub(activities.len() + self.pending_activities.len());
        let named = |name: &str| {
            activities.iter().any(|a| same_name(&a.activity, name))
                || self
                    .pending_activities
                    .iter()
                    .any(|p| same_name(&p.activity, name))
        };
        let to_bring: Vec<PsfsActivity> = self
            .last
            .as_ref()
            .and_then(|l| l.outcomes.psfs.clone())
            .unwrap_or_default()
            .into_iter()
            .filter(|a| !named(&a.activity))
            .take(room)
            .collect();
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(room > 0, egui::Button::new("Add activity"))
                .on_disabled_hover_text("The PSFS takes up to five activities")
                .clicked()
            {
                self.pending_activities.push(PendingActivity::default());
                self.focus = Some(Slot::PendingActivityName(self.pending_activities.len() - 1));
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
                let first = self.pending_activities.len();
                self.pending_activities
                    .extend(to_bring.into_iter().map(|a| PendingActivity {
                        activity: a.activity,
                        score: String::new(),
                        last: Some(a.score),
                    }));
                self.focus = Some(Slot::PendingActivity(first));
            }
        });
    }

    // --- Range of motion -----------------------------------------------------------------

    fn movements_ui(
        &mut self,
        ui: &mut egui::Ui,
        outcomes: &Outcomes,
        palette: &Palette,
    ) -> Option<Change> {
        let mut change = None;
        for (index, measured) in outcomes.range_of_motion.iter().enumerate() {
            let Some(movement) = catalog().movement(&measured.movement) else {
                continue;
            };
            let made = ui
                .push_id(("rom", index), |ui| {
                    self.movement_row(ui, index, movement, measured, outcomes, palette)
                })
                .inner;
            change = change.or(made);
        }
        ui.add_space(2.0);
        change.or_else(|| self.movement_draft_ui(ui, outcomes, palette))
    }

    /// "normal 60° (AAOS) · last visit: 56°".
    fn movement_facts(&self, movement: &Movement, side: Option<Side>) -> String {
        let mut facts = format!(
            "normal {}° (AAOS) · 0–{}° possible",
            format_number(movement.normal),
            format_number(movement.limit)
        );
        let last = self
            .last
            .as_ref()
            .and_then(|l| l.outcomes.movement(&movement.id, side));
        if let Some(last) = last {
            facts.push_str(&format!(
                " · last visit: {}°",
                format_number(f64::from(last.degrees))
            ));
        }
        facts
    }

    fn movement_row(
        &mut self,
        ui: &mut egui::Ui,
        index: usize,
        movement: &Movement,
        measured: &RomMeasurement,
        outcomes: &Outcomes,
        palette: &Palette,
    ) -> Option<Change> {
        let slot = Slot::Movement(index);
        let mut new = outcomes.clone();
        let mut made = None;
        ui.horizontal(|ui| {
            let label = ui.label(RichText::new(movement_label(movement, measured.side)).strong());
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
                made = Some(Some(editing::gesture(response.id)));
            } else if ui.small_button("Remove").clicked() {
                new.range_of_motion.remove(index);
                made = Some(None);
            }
        });
        ui.label(muted(self.movement_facts(movement, measured.side), palette));
        if new.range_of_motion.len() == outcomes.range_of_motion.len() {
            let mut notes = measured.notes.clone();
            let response = ui.add(
                TextEdit::singleline(&mut notes)
                    .hint_text("Notes: end-feel, pain at end range, instrument")
                    .desired_width(f32::INFINITY),
            );
            if response.changed() {
                new.range_of_motion[index].notes = notes;
                made = Some(Some(editing::gesture(response.id)));
            }
        }
        self.refusal_ui(ui, &slot, palette);
        ui.add_space(4.0);
        made.map(|gesture| Change::new(new, gesture, slot))
    }

    /// Picks a movement (grouped by region), its side, and today's degrees.
    fn movement_draft_ui(
        &mut self,
        ui: &mut egui::Ui,
        outcomes: &Outcomes,
        palette: &Palette,
    ) -> Option<Change> {
        self.last_movements_ui(ui, outcomes);
        let before = self.movement.movement.clone();
        ui.horizontal(|ui| {
            let label = ui.label("Movement");
            let chosen = self
                .movement
                .movement
                .as_deref()
                .and_then(|id| catalog().movement(id));
            ComboBox::from_id_salt("rom_movement")
                .selected_text(chosen.map_or_else(|| "choose…".to_owned(), Movement::label))
                .width(220.0)
                .show_ui(ui, |ui| movement_menu(ui, &mut self.movement.movement))
                .response
                .labelled_by(label.id);
        });
        if self.movement.movement != before {
            self.focus = Some(Slot::MovementDraft);
        }
        let movement = self
            .movement
            .movement
            .as_deref()
            .and_then(|id| catalog().movement(id))?;
        let side = movement.sided.then_some(self.movement.side);
        let mut add = false;
        ui.horizontal(|ui| {
            if movement.sided {
                ui.radio_value(&mut self.movement.side, Side::Left, "Left");
                ui.radio_value(&mut self.movement.side, Side::Right, "Right");
            }
            let label = ui.label("Degrees");
            let response = ui
                .add(
                    TextEdit::singleline(&mut self.movement.degrees)
                        .id_salt("rom_degrees")
                        .hint_text("°")
                        .desired_width(50.0),
                )
                .labelled_by(label.id);
            self.take_focus(&Slot::MovementDraft, &response);
            let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            add = ui.button("Add").clicked() || entered;
        });
        ui.label(muted(self.movement_facts(movement, side), palette));
        self.refusal_ui(ui, &Slot::MovementDraft, palette);
        if !add {
            return None;
        }
        let Some(degrees) = parse(&self.movement.degrees) else {
            self.refuse(Slot::MovementDraft, "Type the degrees as a number.");
            return None;
        };
        let mut new = outcomes.clone();
        new.range_of_motion.push(RomMeasurement {
            movement: movement.id.clone(),
            side,
            degrees: degrees.round() as f32,
            notes: String::new(),
        });
        Some(Change::completing(new, Slot::MovementDraft))
    }

    /// One click picks a movement measured at the last visit and not yet today.
    fn last_movements_ui(&mut self, ui: &mut egui::Ui, outcomes: &Outcomes) {
        let Some(last) = &self.last else {
            return;
        };
        let to_repeat: Vec<(String, Option<Side>)> = last
            .outcomes
            .range_of_motion
            .iter()
            .filter(|m| outcomes.movement(&m.movement, m.side).is_none())
            .map(|m| (m.movement.clone(), m.side))
            .collect();
        if to_repeat.is_empty() {
            return;
        }
        let mut picked = None;
        ui.horizontal_wrapped(|ui| {
            ui.label("Measured last visit:");
            for (id, side) in to_repeat {
                let Some(movement) = catalog().movement(&id) else {
                    continue;
                };
                if ui
                    .small_button(movement_label(movement, side))
                    .on_hover_text("Measure it again today")
                    .clicked()
                {
                    picked = Some((id, side));
                }
            }
        });
        if let Some((id, side)) = picked {
            self.movement.movement = Some(id);
            self.movement.side = side.unwrap_or(Side::Left);
            self.movement.degrees.clear();
            self.focus = Some(Slot::MovementDraft);
        }
    }

    // --- Clinic-defined measures ---------------------------------------------------------

    fn clinic_ui(
        &mut self,
        ui: &mut egui::Ui,
        outcomes: &Outcomes,
        palette: &Palette,
    ) -> Option<Change> {
        let mut change = None;
        for (index, measure) in outcomes.clinic_measures.iter().enumerate() {
            let made = ui
                .push_id(("clinic", index), |ui| {
                    self.clinic_row(ui, index, measure, outcomes, palette)
                })
                .inner;
            change = change.or(made);
        }
        if self.clinic.is_some() {
            change.or_else(|| self.clinic_draft_ui(ui, outcomes, palette))
        } else {
            self.clinic_buttons(ui, outcomes);
            change
        }
    }

    /// "0–50 stands · higher is better · MCID 2 · MDC 2 · last visit: 13".
    fn clinic_facts(&self, measure: &ClinicMeasure) -> String {
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
        if let Some(last) = self.last.as_ref().and_then(|l| l.clinic(&measure.name)) {
            facts.push_str(&format!(" · last visit: {}", number(f64::from(last.value))));
        }
        facts
    }

    fn clinic_row(
        &mut self,
        ui: &mut egui::Ui,
        index: usize,
        measure: &ClinicMeasure,
        outcomes: &Outcomes,
        palette: &Palette,
    ) -> Option<Change> {
        let slot = Slot::Clinic(index);
        let mut new = outcomes.clone();
        let mut made = None;
        ui.horizontal(|ui| {
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
                made = Some(Some(editing::gesture(response.id)));
            } else if ui.small_button("Remove").clicked() {
                new.clinic_measures.remove(index);
                made = Some(None);
            }
        });
        ui.label(muted(self.clinic_facts(measure), palette));
        self.refusal_ui(ui, &slot, palette);
        ui.add_space(4.0);
        made.map(|gesture| Change::new(new, gesture, slot))
    }

    /// Define a new measure, or repeat one of the last visit's (its definition, not its value).
    fn clinic_buttons(&mut self, ui: &mut egui::Ui, outcomes: &Outcomes) {
        let to_repeat: Vec<ClinicMeasure> = self
            .last
            .as_ref()
            .map(|l| l.outcomes.clinic_measures.clone())
            .unwrap_or_default()
            .into_iter()
            .filter(|m| {
                !outcomes
                    .clinic_measures
                    .iter()
                    .any(|t| same_name(&t.name, &m.name))
            })
            .collect();
        ui.horizontal_wrapped(|ui| {
            for measure in to_repeat {
                if ui
                    .button(format!("Repeat {}", measure.name))
                    .on_hover_text("Its definition from the last visit; enter today's value")
                    .clicked()
                {
                    self.clinic = Some(ClinicDraft::repeating(&measure));
                    self.focus = Some(Slot::ClinicDraftValue);
                }
            }
            if ui.button("Define a clinic measure…").clicked() {
                self.clinic = Some(ClinicDraft::default());
                self.focus = Some(Slot::ClinicDraft);
            }
        });
    }

    fn clinic_draft_ui(
        &mut self,
        ui: &mut egui::Ui,
        outcomes: &Outcomes,
        palette: &Palette,
    ) -> Option<Change> {
        let mut add = false;
        let mut cancel = false;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(RichText::new("New clinic measure").strong());
            add = self.clinic_form(ui);
            ui.horizontal(|ui| {
                add |= ui.button("Add measure").clicked();
                cancel = ui.button("Cancel").clicked();
            });
            self.refusal_ui(ui, &Slot::ClinicDraft, palette);
        });
        if cancel {
            self.clinic = None;
            return None;
        }
        if !add {
            return None;
        }
        let draft = self.clinic.as_ref()?;
        let measure = match draft.measure() {
            Ok(measure) => measure,
            Err(problem) => {
                self.refuse(Slot::ClinicDraft, problem);
                return None;
            }
        };
        if outcomes
            .clinic_measures
            .iter()
            .any(|m| same_name(&m.name, &measure.name))
        {
            self.refuse(
                Slot::ClinicDraft,
                format!(
                    "“{}” is already recorded today: change its value above.",
                    measure.name
                ),
            );
            return None;
        }
        let mut new = outcomes.clone();
        new.clinic_measures.push(measure);
        Some(Change::completing(new, Slot::ClinicDraft))
    }

    /// The definition's fields; returns whether Enter was pressed in the value.
    fn clinic_form(&mut self, ui: &mut egui::Ui) -> bool {
        let mut entered = false;
        let mut focus = [None, None];
        let Some(draft) = &mut self.clinic else {
            return false;
        };
        egui::Grid::new("clinic_draft")
            .num_columns(2)
            .spacing([8.0, 4.0])
            .show(ui, |ui| {
                let name = text_row(ui, "Name", &mut draft.name, "Grip strength", limits::NAME);
                focus[0] = Some(name);
                text_row(
                    ui,
                    "Unit",
                    &mut draft.unit,
                    "kg, s, cm; empty for a score",
                    limits::ID,
                );
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
                entered = value.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                focus[1] = Some(value);
                ui.end_row();
            });
        let [name, value] = focus;
        if let Some(name) = name {
            self.take_focus(&Slot::ClinicDraft, &name);
        }
        if let Some(value) = value {
            self.take_focus(&Slot::ClinicDraftValue, &value);
        }
        entered
    }

    // --- Goals ---------------------------------------------------------------------------

    fn goals_ui(
        &mut self,
        ui: &mut egui::Ui,
        outcomes: &Outcomes,
        taken: &[Trend],
        palette: &Palette,
    ) -> Option<Change> {
        ui.label(muted(
            "A goal holds until a later visit sets another for the same measure.",
            palette,
        ));
        if let Some(last) = self
            .last
            .as_ref()
            .filter(|l| !l.outcomes.targets.is_empty())
        {
            let set: Vec<String> = last
                .outcomes
                .targets
                .iter()
                .map(|t| target_text(t, taken))
                .collect();
            ui.label(muted(
                format!("Set at the last visit: {}", set.join(", ")),
                palette,
            ));
        }
        let mut change = None;
        for (index, target) in outcomes.targets.iter().enumerate() {
            let made = ui
                .push_id(("goal", index), |ui| {
                    self.goal_row(ui, index, target, outcomes, taken, palette)
                })
                .inner;
            change = change.or(made);
        }
        change.or_else(|| self.goal_draft_ui(ui, outcomes, taken, palette))
    }

    fn goal_row(
        &mut self,
        ui: &mut egui::Ui,
        index: usize,
        target: &Target,
        outcomes: &Outcomes,
        taken: &[Trend],
        palette: &Palette,
    ) -> Option<Change> {
        let slot = Slot::Goal(index);
        let trend = taken.iter().find(|t| t.key.target_key() == target.measure);
        let mut new = outcomes.clone();
        let mut made = None;
        ui.horizontal(|ui| {
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
                made = Some(Some(editing::gesture(response.id)));
            } else if ui.small_button("Remove").clicked() {
                new.targets.remove(index);
                made = Some(None);
            }
        });
        if let Some(trend) = trend
            && let Some(today) = trend.points.last()
        {
            ui.label(muted(
                format!("today: {}", trend.format(today.value)),
                palette,
            ));
        }
        self.refusal_ui(ui, &slot, palette);
        made.map(|gesture| Change::new(new, gesture, slot))
    }

    fn goal_draft_ui(
        &mut self,
        ui: &mut egui::Ui,
        outcomes: &Outcomes,
        taken: &[Trend],
        palette: &Palette,
    ) -> Option<Change> {
        let open: Vec<&Trend> = taken
            .iter()
            .filter(|t| {
                !outcomes
                    .targets
                    .iter()
                    .any(|g| g.measure == t.key.target_key())
            })
            .collect();
        if open.is_empty() {
            ui.label(muted(
                "Record a measure above to set a goal for it.",
                palette,
            ));
            return None;
        }
        let mut set = false;
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("New goal");
            let chosen = self.goal.measure.as_deref().map(|k| target_name(k, taken));
            ComboBox::from_id_salt("goal_measure")
                .selected_text(chosen.unwrap_or_else(|| "measure…".to_owned()))
                .show_ui(ui, |ui| {
                    for trend in &open {
                        let key = Some(trend.key.target_key());
                        ui.selectable_value(&mut self.goal.measure, key, &trend.label);
                    }
                })
                .response
                .labelled_by(label.id);
            let response = number_field(ui, &mut self.goal.value, "target");
            set = ui.button("Set goal").clicked()
                || (response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)));
        });
        self.refusal_ui(ui, &Slot::GoalDraft, palette);
        if set {
            self.goal_from_draft(outcomes, &open)
        } else {
            None
        }
    }

    fn goal_from_draft(&mut self, outcomes: &Outcomes, open: &[&Trend]) -> Option<Change> {
        let Some(trend) = open
            .iter()
            .find(|t| Some(t.key.target_key()) == self.goal.measure)
        else {
            self.refuse(Slot::GoalDraft, "Choose the measure the goal is for.");
            return None;
        };
        let Some(value) = parse(&self.goal.value) else {
            self.refuse(Slot::GoalDraft, "Type the goal as a number.");
            return None;
        };
        if !(trend.min..=trend.max).contains(&value) {
            self.refuse(
                Slot::GoalDraft,
                format!(
                    "A goal for {} lies within {}–{}.",
                    trend.label,
                    trend.format(trend.min),
                    trend.format(trend.max)
                ),
            );
            return None;
        }
        let mut new = outcomes.clone();
        new.targets.push(Target {
            measure: trend.key.target_key(),
            value: value as f32,
        });
        Some(Change::completing(new, Slot::GoalDraft))
    }
}

/// The movements by region, in the catalog's clinical order.
fn movement_menu(ui: &mut egui::Ui, chosen: &mut Option<String>) {
    let mut region = "";
    for movement in &catalog().movements {
        if movement.region != region {
            region = &movement.region;
            ui.label(RichText::new(region).strong());
        }
        ui.selectable_value(
            chosen,
            Some(movement.id.clone()),
            format!("   {}", movement.name),
        );
    }
}

/// "Cervical spine rotation (left)".
fn movement_label(movement: &Movement, side: Option<Side>) -> String {
    match side {
        Some(side) => format!("{} ({})", movement.label(), side.label()),
        None => movement.label(),
    }
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

/// A short field for a number, typed freely and read when used.
fn number_field(ui: &mut egui::Ui, text: &mut String, hint: &str) -> egui::Response {
    ui.add(
        TextEdit::singleline(text)
            .hint_text(hint)
            .desired_width(60.0),
    )
}

fn muted(text: impl Into<String>, palette: &Palette) -> RichText {
    RichText::new(text).small().color(palette.muted_text)
}

/// A number as typed, with a decimal comma taken as a point.
fn parse(text: &str) -> Option<f64> {
    text.trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

/// A number as the forms show it: at most one decimal.
fn number(value: f64) -> String {
    format_number(value)
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

/// A refusal as a sentence beside its field.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
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
    }
}
