//! The open session: the body-map canvas with its toolbar, and a side panel with the header
//! (date, clinician, position, complaints, pain scores, notes) and the list of what is
//! charted. Edits go through `Document` so they can be undone.

use egui::RichText;

use super::canvas::{CanvasState, body_canvas};
use super::custom_views::CustomViews;
use super::document::Document;
use super::map_toolbar;
use super::theme::Palette;
use crate::bodymap::standard;
use crate::model::{Complaint, PainScore, PatientPosition, TriggerPointStatus};

/// The session: its details and marks in a side panel, the body-map canvas beside them.
/// `editable` is false for a read-only session (held elsewhere): the details are shown
/// but cannot be changed; the map can still be looked at.
pub fn session_ui(
    ui: &mut egui::Ui,
    doc: &mut Document,
    editable: bool,
    canvas: &mut CanvasState,
    custom: &mut CustomViews,
) {
    let palette = Palette::of(ui.ctx());
    egui::Panel::right("session_details")
        .resizable(true)
        .default_size(400.0)
        .min_size(300.0)
        .max_size(560.0)
        .show(ui, |ui| {
            ui.add_enabled_ui(editable, |ui| details_ui(ui, doc, &palette));
        });
    map_toolbar::map_toolbar(ui, &standard().map, custom, &doc.session, canvas);
    ui.add_space(4.0);
    body_canvas(ui, standard(), custom, &doc.session, doc.revision(), canvas);
}

fn details_ui(ui: &mut egui::Ui, doc: &mut Document, palette: &Palette) {
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.heading(format!("Session — {}", doc.patient_name));
            ui.label(
                RichText::new(format!(
                    "{} · body map {} v{}",
                    doc.file_name(),
                    doc.session.body_map.id,
                    doc.session.body_map.version
                ))
                .color(palette.muted_text),
            );
            ui.add_space(8.0);
            header_ui(ui, doc);
            ui.add_space(12.0);
            complaints_ui(ui, doc);
            ui.add_space(12.0);
            marks_ui(ui, doc, palette);
        });
}

fn header_ui(ui: &mut egui::Ui, doc: &mut Document) {
    egui::Grid::new("session_header")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            let label = ui.label("Date and time");
            date_time_field(ui, doc, label.id);
            ui.end_row();

            let label = ui.label("Clinician");
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut doc.session.clinician)
                        .hint_text("Name and credentials")
                        .desired_width(240.0),
                )
                .labelled_by(label.id);
            if response.changed() {
                doc.note_change(Some(response.id));
            }
            ui.end_row();

            let label = ui.label("Patient position");
            let before = doc.session.patient_position;
            egui::ComboBox::from_id_salt("patient_position")
                .selected_text(before.map_or("not recorded", PatientPosition::label))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut doc.session.patient_position, None, "not recorded");
                    for position in PatientPosition::ALL {
                        ui.selectable_value(
                            &mut doc.session.patient_position,
                            Some(position),
                            position.label(),
                        );
                    }
                })
                .response
                .labelled_by(label.id);
            if doc.session.patient_position != before {
                doc.note_change(None);
            }
            ui.end_row();

            ui.label("Pain before (NPRS)");
            if pain_field(ui, "pain_before", &mut doc.session.pain_before) {
                doc.note_change(None);
            }
            ui.end_row();

            ui.label("Pain after (NPRS)");
            if pain_field(ui, "pain_after", &mut doc.session.pain_after) {
                doc.note_change(None);
            }
            ui.end_row();

            let label = ui.label("Notes");
            let response = ui
                .add(
                    egui::TextEdit::multiline(&mut doc.session.notes)
                        .desired_rows(3)
                        .desired_width(240.0),
                )
                .labelled_by(label.id);
            if response.changed() {
                doc.note_change(Some(response.id));
            }
            ui.end_row();
        });
}

/// A text field for the start date-time, applied when it parses.
fn date_time_field(ui: &mut egui::Ui, doc: &mut Document, label: egui::Id) {
    let id = ui.make_persistent_id("started_at_text");
    let current = doc
        .session
        .started_at
        .strftime("%Y-%m-%d %H:%M")
        .to_string();
    let mut text = ui
        .data_mut(|d| d.get_temp::<(String, String)>(id))
        .filter(|(for_value, _)| *for_value == current)
        .map_or_else(|| current.clone(), |(_, text)| text);
    ui.horizontal(|ui| {
        let response = ui
            .add(egui::TextEdit::singleline(&mut text).desired_width(160.0))
            .labelled_by(label);
        let parsed = text
            .trim()
            .replace(' ', "T")
            .parse::<jiff::civil::DateTime>();
        match parsed {
            Ok(value) if response.changed() && value != doc.session.started_at => {
                doc.session.started_at = value;
                doc.note_change(Some(response.id));
            }
            Ok(_) => {}
            Err(_) => {
                ui.label(RichText::new("use YYYY-MM-DD HH:MM").color(Palette::of(ui.ctx()).error));
            }
        }
    });
    let now = doc
        .session
        .started_at
        .strftime("%Y-%m-%d %H:%M")
        .to_string();
    ui.data_mut(|d| d.insert_temp(id, (now, text)));
}

/// A 0–10 slider with a "not recorded" state. Returns whether the value changed.
fn pain_field(ui: &mut egui::Ui, salt: &str, value: &mut Option<PainScore>) -> bool {
    let before = *value;
    ui.horizontal(|ui| {
        let mut recorded = value.is_some();
        if ui.checkbox(&mut recorded, "recorded").changed() {
            *value = recorded.then_some(PainScore(0));
        }
        if let Some(score) = value {
            ui.push_id(salt, |ui| {
                ui.add(egui::Slider::new(&mut score.0, 0..=PainScore::MAX).text("/ 10"));
            });
        }
    });
    *value != before
}

fn complaints_ui(ui: &mut egui::Ui, doc: &mut Document) {
    ui.label(RichText::new("Complaints").strong());
    let mut remove = None;
    let mut changed = None;
    for (index, complaint) in doc.session.complaints.iter_mut().enumerate() {
        ui.push_id(index, |ui| {
            let description = ui.add(
                egui::TextEdit::singleline(&mut complaint.description)
                    .hint_text("Complaint")
                    .desired_width(f32::INFINITY),
            );
            if description.changed() {
                changed = Some(Some(description.id));
            }
            ui.horizontal_wrapped(|ui| {
                let onset = ui.add(
                    egui::TextEdit::singleline(&mut complaint.onset)
                        .hint_text("Onset")
                        .desired_width(140.0),
                );
                if onset.changed() {
                    changed = Some(Some(onset.id));
                }
                if pain_field(ui, "complaint_pain", &mut complaint.pain) {
                    changed = Some(None);
                }
                if ui
                    .small_button("Remove")
                    .on_hover_text("Remove this complaint")
                    .clicked()
                {
                    remove = Some(index);
                }
            });
            ui.add_space(4.0);
        });
    }
    if ui.button("Add complaint").clicked() {
        doc.session.complaints.push(Complaint {
            description: String::new(),
            onset: String::new(),
            pain: None,
        });
        changed = Some(None);
    }
    if let Some(index) = remove {
        doc.session.complaints.remove(index);
        changed = Some(None);
    }
    if let Some(gesture) = changed {
        doc.note_change(gesture);
    }
}

fn marks_ui(ui: &mut egui::Ui, doc: &Document, palette: &Palette) {
    let session = &doc.session;
    let count = session.mark_count();
    let noun = if count == 1 { "mark" } else { "marks" };
    ui.label(RichText::new(format!("Charted ({count} {noun})")).strong());
    if session.mark_count() == 0 {
        ui.label(RichText::new("Nothing charted yet.").color(palette.muted_text));
        return;
    }
    let mut views: Vec<&crate::geometry::ViewId> = session
        .trigger_points
        .iter()
        .map(|m| &m.view)
        .chain(session.referred_zones.iter().map(|m| &m.view))
        .chain(session.needle_sites.iter().map(|m| &m.view))
        .chain(session.arrows.iter().map(|m| &m.view))
        .chain(session.text_notes.iter().map(|m| &m.view))
        .collect();
    views.sort();
    views.dedup();
    for view in views {
        egui::CollapsingHeader::new(format!("View: {}", view.as_str().replace('_', " ")))
            .default_open(true)
            .show(ui, |ui| {
                for tp in session.trigger_points.iter().filter(|m| &m.view == view) {
                    let colour = match tp.status {
                        TriggerPointStatus::Active => palette.trigger_active,
                        TriggerPointStatus::Latent => palette.trigger_latent,
                    };
                    ui.label(RichText::new(tp.describe()).color(colour));
                }
                for zone in session.referred_zones.iter().filter(|m| &m.view == view) {
                    ui.label(RichText::new(zone.describe()).color(palette.zone));
                }
                for needle in session.needle_sites.iter().filter(|m| &m.view == view) {
                    let mut text = needle.describe();
                    if let Some(depth) = needle.depth_mm {
                        text.push_str(&format!(", {depth} mm deep"));
                    }
                    text.push_str(&format!(", {}", needle.technique.label()));
                    if let Some(twitches) = needle.twitch_count {
                        text.push_str(&format!(", {twitches} twitch responses"));
                    }
                    ui.label(RichText::new(text).color(palette.needle));
                }
                for arrow in session.arrows.iter().filter(|m| &m.view == view) {
                    ui.label(arrow.describe());
                }
                for note in session.text_notes.iter().filter(|m| &m.view == view) {
                    ui.label(note.describe());
                }
            });
    }
}
