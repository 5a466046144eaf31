//! The open library's screens: the patient list with search, and a patient's visit
//! timeline. Draws `LibraryState` and returns what the user asked for; reads no file.

use egui::RichText;

use crate::app::shell::action::Action;
use crate::app::shell::command::UiCommand;
use crate::app::shell::library_state::LibraryState;
use crate::app::shell::theme::Palette;
use crate::model::PainScore;
use crate::words::count;

/// The patient list. Returns what the user asked for.
pub fn patients_panel(ui: &mut egui::Ui, state: &mut LibraryState) -> Option<Action> {
    let mut action = None;
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.heading("Patients");
        if UiCommand::NewPatient.button(ui, true) {
            action = Some(Action::Command(UiCommand::NewPatient));
        }
    });
    let label = ui.label(RichText::new("Search patients").small().weak());
    ui.add(
        egui::TextEdit::singleline(&mut state.search)
            .hint_text("name or id")
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
    ui.separator();
    let names = state
        .patients
        .iter()
        .map(|e| e.patient.display_name.as_str());
    if let Some(note) = crate::app::shell::theme::missing_font_note(names) {
        ui.label(
            RichText::new(note)
                .small()
                .color(Palette::of(ui.ctx()).warning),
        );
    }
    let needle = state.search.trim().to_lowercase();
    egui::ScrollArea::vertical().show(ui, |ui| {
        for entry in &state.patients {
            let patient = &entry.patient;
            let matches = needle.is_empty()
                || patient.display_name.to_lowercase().contains(&needle)
                || patient.id.to_string().contains(&needle)
                || patient.clinic_ref.to_lowercase().contains(&needle);
            if !matches {
                continue;
            }
            let selected = state.selected == Some(patient.id);
            let (visits, conflicts) = (entry.visit_count(), entry.conflict_copies);
            let mut text = format!(
                "{}\n{}",
                patient.display_name,
                count(visits, "visit", "visits")
            );
            if conflicts > 0 {
                text.push_str(&format!(
                    " · ⚠ {conflicts} conflict cop{}",
                    if conflicts == 1 { "y" } else { "ies" }
                ));
            }
            if ui
                .add(
                    egui::Button::selectable(selected, text)
                        .min_size([ui.available_width(), 0.0].into()),
                )
                .clicked()
            {
                action = Some(Action::SelectPatient(patient.id));
            }
        }
    });
    action
}

/// The selected patient's visits, or a hint when none is selected.
pub fn patient_ui(ui: &mut egui::Ui, state: &LibraryState) -> Option<Action> {
    let palette = Palette::of(ui.ctx());
    let mut action = None;
    let Some(patient) = state.selected.and_then(|id| state.patient(id)) else {
        ui.vertical_centered(|ui| {
            ui.add_space(ui.available_height() * 0.3);
            ui.heading("Choose a patient on the left");
            ui.label(
                RichText::new("or add a new one to start charting.").color(palette.muted_text),
            );
        });
        return None;
    };

    ui.horizontal(|ui| {
        ui.heading(&patient.display_name);
        if ui
            .button("Edit patient…")
            .on_hover_text("Change the name, date of birth or record number; each change is kept with its date, and signed visits keep the details they were signed with")
            .clicked()
        {
            action = Some(Action::EditPatient(patient.id));
        }
    });
    let mut details = Vec::new();
    if let Some(born) = patient.date_of_birth {
        details.push(format!("born {born}"));
    }
    if !patient.clinic_ref.is_empty() {
        details.push(format!("record {}", patient.clinic_ref));
    }
    details.push(format!("id {}", patient.id));
    ui.label(RichText::new(details.join(" · ")).color(palette.muted_text));
    if !patient.notes.is_empty() {
        ui.label(&patient.notes);
    }
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui
            .button("New session")
            .on_hover_text(UiCommand::NewSession.tooltip())
            .clicked()
        {
            action = Some(Action::NewSessionFor(patient.id));
        }
        if ui
            .add_enabled(!state.sessions.is_empty(), egui::Button::new("Progress"))
            .on_hover_text("Outcome measures against their measurement error and MCID, pain, extent and trigger points over all visits, and the frequency map")
            .clicked()
        {
            action = Some(Action::Progress(patient.id));
        }
        if let (Some(first), Some(last)) = (state.sessions.first(), state.sessions.last())
            && state.sessions.len() >= 2
            && ui
                .button("Compare first and last visit")
                .on_hover_text(format!(
                    "{} against {}: what changed over the whole course",
                    first.session.date(),
                    last.session.date()
                ))
                .clicked()
        {
            action = Some(Action::Compare(first.path.clone(), last.path.clone()));
        }
        if ui
            .add_enabled(!state.sessions.is_empty(), egui::Button::new("Start from last visit"))
            .on_hover_text(
                "A new session with the last visit's trigger points and referred-pain zones, marked as carried forward until you confirm or edit each",
            )
            .clicked()
        {
            action = Some(Action::NewSessionFromLast(patient.id));
        }
    });
    ui.add_space(8.0);
    ui.label(RichText::new("Visits").strong());

    if state.sessions.is_empty() {
        ui.label("No sessions yet.");
        return action;
    }
    egui::ScrollArea::both().show(ui, |ui| {
        egui::Grid::new("visits")
            .striped(true)
            .num_columns(8)
            .spacing([16.0, 6.0])
            .show(ui, |ui| {
                for heading in [
                    "",
                    "",
                    "Date",
                    "Pain before",
                    "Pain after",
                    "Charted",
                    "Record",
                    "Complaint",
                ] {
                    ui.label(RichText::new(heading).strong());
                }
                ui.end_row();
                let score = |s: Option<PainScore>| {
                    s.map_or_else(|| "–".to_owned(), |s| format!("{}/10", s.0))
                };
                let visits: Vec<_> = state.sessions.iter().collect();
                for (index, entry) in visits.iter().enumerate().rev() {
                    let session = &entry.session;
                    let date = session.started_at.strftime("%Y-%m-%d %H:%M").to_string();
                    if ui
                        .button("Open")
                        .on_hover_text(entry.path.display().to_string())
                        .clicked()
                    {
                        action = Some(Action::OpenSession(entry.path.clone()));
                    }
                    match index.checked_sub(1).and_then(|i| visits.get(i)) {
                        _ if entry.conflict.is_some() => {
                            if ui
                                .button("Reconcile…")
                                .on_hover_text(
                                    "Two workstations changed this visit apart: see both versions and choose what to keep",
                                )
                                .clicked()
                            {
                                action = Some(Action::Reconcile(entry.path.clone()));
                            }
                        }
                        Some(previous) => {
                            if ui
                                .button("Compare")
                                .on_hover_text(format!(
                                    "Compare with the previous visit ({})",
                                    previous.session.date()
                                ))
                                .clicked()
                            {
                                action = Some(Action::Compare(
                                    previous.path.clone(),
                                    entry.path.clone(),
                                ));
                            }
                        }
                        None => {
                            ui.label("");
                        }
                    }
                    ui.label(date);
                    ui.label(score(session.pain_before));
                    ui.label(score(session.pain_after));
                    ui.label(format!(
                        "{} · {} · {}",
                        count(session.trigger_points.len(), "trigger point", "trigger points"),
                        count(session.referred_zones.len(), "zone", "zones"),
                        count(session.needle_sites.len(), "needle", "needles")
                    ));
                    match &entry.conflict {
                        Some(copy) => conflict_cell(ui, copy, &palette),
                        None => record_cell(ui, session, &palette),
                    }
                    let complaint = session
                        .complaints
                        .first()
                        .map_or("–", |c| c.description.as_str());
                    ui.add(egui::Label::new(complaint).truncate())
                        .on_hover_text(complaint);
                    ui.end_row();
                }
            });
    });
    action
}

/// A sync engine's conflict copy of a visit, in place of its record state: two workstations
/// changed the visit apart, and the clinician must choose what to keep.
fn conflict_cell(
    ui: &mut egui::Ui,
    copy: &crate::storage::conflicts::ConflictCopy,
    palette: &Palette,
) {
    let who = copy
        .device
        .as_deref()
        .map_or_else(String::new, |device| format!(" from {device}"));
    ui.label(RichText::new(format!("⚠ conflict copy{who}")).color(palette.warning))
        .on_hover_text(format!(
            "{copy}.\nTwo workstations changed this visit while apart; open both to keep what is right."
        ));
}

/// Whether a visit is signed (with its addenda), and what in its record needs attention.
fn record_cell(ui: &mut egui::Ui, session: &crate::model::Session, palette: &Palette) {
    let findings = session.clinical_findings();
    let text = match (&session.signature, session.addenda.len()) {
        (Some(_), 0) => "✔ signed".to_owned(),
        (Some(_), 1) => "✔ signed, 1 addendum".to_owned(),
        (Some(_), n) => format!("✔ signed, {n} addenda"),
        (None, _) => "not signed".to_owned(),
    };
    let colour = if findings.is_empty() {
        palette.muted_text
    } else {
        palette.warning
    };
    let label = if findings.is_empty() {
        RichText::new(text)
    } else {
        RichText::new(format!("{text} · ⚠ {}", findings.len()))
    };
    let response = ui.label(label.color(colour));
    if !findings.is_empty() {
        response.on_hover_text(findings.join("\n"));
    }
}
