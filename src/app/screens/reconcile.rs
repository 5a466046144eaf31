//! Reconciling a visit that two workstations changed apart: the file's version and the sync
//! engine's conflict copy side by side (with the difference map), what merged by itself, and
//! each clash for the clinician to choose. Nothing is written until the clinician confirms;
//! the versions it came from are then set aside, never deleted (the shell does the files).

use egui::RichText;

use crate::app::canvas::custom_views::CustomViews;
use crate::app::screens::compare::{CompareAction, CompareState, compare_ui};
use crate::app::shell::theme::Palette;
use crate::model::Session;
use crate::reconcile::{Choice, Clash, Item, Reconciliation, Refused};
use crate::storage::conflicts::ConflictCopy;
use crate::words::capitalised;

/// What the reconcile screen asks of the app.
pub enum ReconcileAction {
    Close,
    /// Open one of the two versions on the charting screen.
    Open(std::path::PathBuf),
    /// Write this merged visit over the file and set both versions aside.
    Settle(Box<Session>),
    /// Keep the two versions as separate visits (a signed one is never merged into).
    KeepSeparate,
}

pub struct ReconcileState {
    pub copy: ConflictCopy,
    /// The merge, or why the two versions cannot be merged.
    pub merge: Result<Reconciliation, Refused>,
    /// The clinician's answer to each clash, in order.
    pub choices: Vec<Option<Choice>>,
    /// Whether the merge started from a common ancestor (the file's backup).
    pub ancestor: bool,
    /// The two versions side by side: the file's on the left, the copy's on the right.
    pub view: CompareState,
    /// The file's version as read: the file must still hold it when the merge is written.
    pub ours: Session,
}

impl ReconcileState {
    pub fn new(
        patient_name: String,
        copy: ConflictCopy,
        (ours, theirs): (Session, Session),
        ancestor: Option<Session>,
    ) -> Self {
        let merge = crate::reconcile::reconcile(ancestor.as_ref(), &ours, &theirs);
        let clashes = merge.as_ref().map_or(0, |m| m.clashes.len());
        let view = CompareState::new(
            patient_name,
            (copy.original.clone(), ours.clone()),
            (copy.path.clone(), theirs),
        );
        Self {
            copy,
            merge,
            choices: vec![None; clashes],
            ancestor: ancestor.is_some(),
            view,
            ours,
        }
    }

    /// Every clash has its answer.
    pub fn is_decided(&self) -> bool {
        self.choices.iter().all(Option::is_some)
    }
}

pub fn reconcile_ui(
    ui: &mut egui::Ui,
    state: &mut ReconcileState,
    custom_views: &mut CustomViews,
) -> Option<ReconcileAction> {
    let palette = Palette::of(ui.ctx());
    let mut action = None;
    egui::Panel::left("reconcile_choices")
        .resizable(true)
        .default_size(360.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                action = choices_ui(ui, state, &palette);
            });
        });
    ui.label(
        RichText::new(format!(
            "Left: this library's file ({}). Right: the {}.",
            file_name(&state.copy.original),
            state.copy
        ))
        .color(palette.muted_text),
    );
    match compare_ui(ui, &mut state.view, custom_views) {
        Some(CompareAction::Close) => action = Some(ReconcileAction::Close),
        Some(CompareAction::Open(path)) => action = Some(ReconcileAction::Open(path)),
        None => {}
    }
    action
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}

fn choices_ui(
    ui: &mut egui::Ui,
    state: &mut ReconcileState,
    palette: &Palette,
) -> Option<ReconcileAction> {
    ui.heading("Reconcile a conflict");
    ui.label(
        "Two workstations changed this visit while apart; the sync engine kept both. Choose what the visit keeps. Nothing is written until you confirm, and both versions are then set aside in the patient's conflicts folder, not deleted.",
    );
    ui.add_space(6.0);
    let merge = match &state.merge {
        Ok(merge) => merge,
        Err(refused) => {
            ui.colored_label(palette.warning, refused.to_string());
            ui.add_space(6.0);
            let mut action = None;
            if matches!(refused, Refused::Signed(_))
                && ui
                    .button("Keep both as separate visits")
                    .on_hover_text(
                        "The signed version stays the visit; the unsigned one becomes a visit of its own (a new id), to finish or discard. The conflict copy's file is set aside.",
                    )
                    .clicked()
            {
                action = Some(ReconcileAction::KeepSeparate);
            }
            if ui.button("Cancel").clicked() {
                action = Some(ReconcileAction::Close);
            }
            return action;
        }
    };
    ui.label(if state.ancestor {
        "Merged from the version both began from (the file's backup): a change made on one side only is taken."
    } else {
        "No common version is known: every difference is yours to choose; marks added on one side are kept."
    });
    if !merge.taken.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new("Taken without a question").strong());
        for taken in &merge.taken {
            ui.label(format!("• {taken}"));
        }
    }
    ui.add_space(6.0);
    ui.label(RichText::new(format!("To choose ({})", merge.clashes.len())).strong());
    if merge.clashes.is_empty() {
        ui.label("Nothing: the two versions merge by themselves.");
    }
    let device = state
        .copy
        .device
        .clone()
        .unwrap_or_else(|| "the other workstation".to_owned());
    for (index, clash) in merge.clashes.iter().enumerate() {
        ui.separator();
        clash_ui(ui, clash, &device, &mut state.choices[index], index);
    }
    ui.add_space(10.0);
    let decided = state.is_decided();
    let mut action = None;
    ui.horizontal(|ui| {
        let keep = ui
            .add_enabled(decided, egui::Button::new("Keep the reconciled visit"))
            .on_disabled_hover_text("Choose a version for every item above first");
        if keep.clicked() {
            let choices: Vec<Choice> = state
                .choices
                .iter()
                .map(|c| c.unwrap_or(Choice::Ours))
                .collect();
            match merge.resolve(&choices) {
                Ok(session) => action = Some(ReconcileAction::Settle(Box::new(session))),
                Err(error) => {
                    ui.colored_label(
                        palette.error,
                        format!("The merged visit is not valid: {error}"),
                    );
                }
            }
        }
        if ui.button("Cancel").clicked() {
            action = Some(ReconcileAction::Close);
        }
    });
    action
}

/// One clash: both versions in short, and the choice.
fn clash_ui(
    ui: &mut egui::Ui,
    clash: &Clash,
    device: &str,
    choice: &mut Option<Choice>,
    index: usize,
) {
    ui.label(RichText::new(capitalised(&clash.item.describe())).strong());
    let ours = summary(clash.ours.as_ref(), clash.theirs.as_ref());
    let theirs = summary(clash.theirs.as_ref(), clash.ours.as_ref());
    ui.push_id(index, |ui| {
        ui.radio_value(
            choice,
            Some(Choice::Ours),
            format!("This workstation: {ours}"),
        );
        ui.radio_value(choice, Some(Choice::Theirs), format!("{device}: {theirs}"));
        if matches!(clash.item, Item::Mark { .. }) && clash.ours.is_some() && clash.theirs.is_some()
        {
            ui.radio_value(choice, Some(Choice::Both), "Keep both marks");
        }
    });
}

/// A value in a line: text as it is; a mark or group as the fields where it differs from
/// the other version (`other`), or its fields that carry meaning when the other removed it.
fn summary(value: Option<&serde_json::Value>, other: Option<&serde_json::Value>) -> String {
    use serde_json::Value;
    let Some(value) = value else {
        return "removed".to_owned();
    };
    let differs = |key: &str, field: &Value| {
        other
            .and_then(|o| o.get(key))
            .is_none_or(|theirs| theirs != field)
    };
    let text = match value {
        Value::String(text) if text.is_empty() => "(empty)".to_owned(),
        Value::String(text) => format!("\u{201c}{text}\u{201d}"),
        Value::Null => "none".to_owned(),
        Value::Object(fields) => fields
            .iter()
            .filter(|(key, value)| {
                let shown_alone = other.is_none()
                    && !matches!(key.as_str(), "id" | "view" | "at" | "paint" | "warnings")
                    && !matches!(value, Value::Null | Value::Bool(false))
                    && value.as_str() != Some("");
                shown_alone || (other.is_some() && differs(key, value))
            })
            .map(|(key, value)| format!("{}: {}", key.replace('_', " "), short(value)))
            .collect::<Vec<_>>()
            .join(", "),
        other => short(other),
    };
    let mut chars = text.chars();
    let cut: String = chars.by_ref().take(160).collect();
    if chars.next().is_some() {
        format!("{cut}…")
    } else {
        cut
    }
}

fn short(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(text) if text.is_empty() => "(empty)".to_owned(),
        serde_json::Value::String(text) => text.clone(),
        serde_json::Value::Null => "none".to_owned(),
        // Stored as 32-bit numbers: shown as written (3.1, not 3.0999999046325684).
        serde_json::Value::Number(n) if n.is_f64() => n
            .as_f64()
            .map_or_else(|| n.to_string(), |f| (f as f32).to_string()),
        serde_json::Value::Array(items) if items.is_empty() => "none".to_owned(),
        other => other.to_string(),
    }
}
