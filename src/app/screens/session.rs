//! The open session: the body-map canvas with its toolbar, and a side panel with the header
//! (date, clinician, position, complaints, pain scores, notes) and the list of what is
//! charted. Every change goes to the document as an `Edit`; nothing here writes the session.

use egui::RichText;

use crate::app::canvas::custom_views::CustomViews;
use crate::app::canvas::marks;
use crate::app::canvas::toolbar;
use crate::app::canvas::{CanvasContent, CanvasState, body_canvas};
use crate::app::screens::editing;
use crate::app::screens::inspector::{InspectorAction, inspector_ui};
use crate::app::screens::record::{PanelTab, RecordAction, RecordUi, date_time_edit};
use crate::app::shell::theme::Palette;
use crate::bodymap::standard;
use crate::document::Document;
use crate::model::{
    Complaint, Edit, Field, MarkKind, MarkRef, PainScore, PatientPosition, TriggerPointStatus,
};

/// The session: the inspector, its details, record and marks in a side panel, the body-map
/// canvas with its toolbars beside them. A session held elsewhere shows everything and
/// changes nothing; a signed session is read-only too, but takes addenda. Returns what the
/// record asked of the app (file effects it does not run itself).
pub fn session_ui(
    ui: &mut egui::Ui,
    doc: &mut Document,
    canvas: &mut CanvasState,
    custom: &mut CustomViews,
    record: &mut RecordUi,
) -> Vec<RecordAction> {
    let palette = Palette::of(ui.ctx());
    let can_append = !doc.is_read_only();
    let editable = doc.is_editable();
    let mut delete = Vec::new();
    egui::Panel::right("session_details")
        .resizable(true)
        .default_size(400.0)
        .min_size(300.0)
        .max_size(560.0)
        .show(ui, |ui| {
            // The marks list scrolls on its own and lays out only the rows in sight, so a
            // session with hundreds of marks costs no more per frame than a short one.
            egui::Panel::bottom("marks_list")
                .resizable(true)
                .default_size(240.0)
                .min_size(120.0)
                .show(ui, |ui| marks_ui(ui, doc, &palette, canvas));
            record.tabs_ui(ui, doc);
            egui::ScrollArea::vertical()
                .id_salt(record.tab)
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.add_enabled_ui(editable, |ui| {
                        if !canvas.tools.selection.is_empty() {
                            egui::Frame::group(ui.style()).show(ui, |ui| {
                                ui.set_width(ui.available_width());
                                if let Some(InspectorAction::Delete(marks)) = inspector_ui(
                                    ui,
                                    doc,
                                    &standard().map,
                                    &canvas.tools.selection,
                                    &palette,
                                ) {
                                    delete = marks;
                                }
                            });
                            ui.add_space(8.0);
                        }
                        if record.tab == PanelTab::Visit {
                            details_ui(ui, doc, &palette);
                        }
                    });
                    match record.tab {
                        PanelTab::Record => record.sections(ui, doc, editable, can_append),
                        PanelTab::Measures => record.measures.ui(ui, doc, editable),
                        PanelTab::Visit => {}
                    }
                });
        });
    toolbar::map_toolbar(ui, &standard().map, custom, doc.session(), canvas);
    toolbar::tool_toolbar(ui, canvas, editable);
    if editable {
        record.needle_gate_banner(ui, doc, canvas.tools.tool);
    }
    ui.add_space(4.0);
    let content = CanvasContent {
        session: doc.session(),
        revision: doc.revision(),
        zones_revision: doc.zones_revision(),
        editable,
        overlay: None,
    };
    let mut edits = body_canvas(ui, standard(), custom, &content, canvas);
    if !delete.is_empty() {
        edits.push(Edit::Remove(delete));
    }
    for edit in edits {
        // Every canvas edit of one pointer gesture (a drag) is one undo step; a deletion is
        // a step of its own.
        let gesture = match &edit {
            Edit::Remove(marks) => {
                canvas.tools.selection.retain(|m| !marks.contains(m));
                None
            }
            _ => Some(editing::CANVAS_GESTURE),
        };
        record.applied(doc.apply(edit, gesture));
    }
    record.take_raised(doc);
    record.dialogs(ui.ctx(), doc);
    record.take_actions()
}

fn details_ui(ui: &mut egui::Ui, doc: &mut Document, palette: &Palette) {
    ui.heading(format!("Session — {}", doc.patient_name()));
    ui.label(
        RichText::new(format!(
            "{} · body map {} v{}",
            doc.file_name(),
            doc.session().body_map.id,
            doc.session().body_map.version
        ))
        .color(palette.muted_text),
    );
    if let Some(signature) = &doc.session().signature {
        let state = doc.session().signature_state();
        let (text, colour) = match state.describe() {
            // Whose signature it claims to be is never shown without its verdict.
            Some(problem) => (
                format!(
                    "Signed as {} on {} — {problem} — read-only",
                    signature.by,
                    signature.at.strftime("%Y-%m-%d %H:%M")
                ),
                palette.error,
            ),
            None => (
                format!(
                    "Signed by {} on {} — {} — read-only",
                    signature.by,
                    signature.at.strftime("%Y-%m-%d %H:%M"),
                    if state == crate::model::SignatureState::LegacySealed {
                        "sealed with a content hash"
                    } else {
                        "verified"
                    }
                ),
                palette.info,
            ),
        };
        ui.label(RichText::new(text).strong().color(colour));
    }
    ui.add_space(8.0);
    header_ui(ui, doc);
    ui.add_space(12.0);
    super::complaints::carried_complaints_ui(ui, doc);
    complaints_ui(ui, doc);
}

/// A free-text field of the visit: label, hint, its text now, and the edit that sets it.
type TextField<'a> = (&'static str, &'static str, &'a String, fn(String) -> Field);

fn header_ui(ui: &mut egui::Ui, doc: &mut Document) {
    let mut edits = Vec::new();
    egui::Grid::new("session_header")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            let session = doc.session();
            let label = ui.label("Date and time");
            let mut started_at = session.started_at;
            if let Some(response) =
                date_time_edit(ui, "started_at", &mut started_at, Some(label.id))
            {
                edits.push((
                    Field::StartedAt(started_at),
                    Some(editing::gesture(response.id)),
                ));
            }
            ui.end_row();

            let label = ui.label("Clinician");
            let mut clinician = session.clinician.clone();
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut clinician)
                        .char_limit(crate::model::limits::NAME)
                        .hint_text("Name and credentials")
                        .desired_width(240.0),
                )
                .labelled_by(label.id);
            if response.changed() {
                edits.push((
                    Field::Clinician(clinician),
                    Some(editing::gesture(response.id)),
                ));
            }
            ui.end_row();

            let label = ui.label("Patient position");
            let mut position = session.patient_position;
            egui::ComboBox::from_id_salt("patient_position")
                .selected_text(position.map_or("not recorded", PatientPosition::label))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut position, None, "not recorded");
                    for option in PatientPosition::ALL {
                        ui.selectable_value(&mut position, Some(option), option.label());
                    }
                })
                .response
                .labelled_by(label.id);
            if position != session.patient_position {
                edits.push((Field::PatientPosition(position), None));
            }
            ui.end_row();

            ui.label("Pain before (NPRS)");
            let mut pain = session.pain_before;
            if pain_field(ui, "pain_before", &mut pain) {
                edits.push((Field::PainBefore(pain), None));
            }
            ui.end_row();

            ui.label("Pain after (NPRS)");
            let mut pain = session.pain_after;
            if pain_field(ui, "pain_after", &mut pain) {
                edits.push((Field::PainAfter(pain), None));
            }
            ui.end_row();

            let texts: [TextField<'_>; 4] = [
                ("Notes", "Findings, reasoning", &session.notes, Field::Notes),
                (
                    "Goals",
                    "What the patient wants to get back to",
                    &session.goals,
                    Field::Goals,
                ),
                ("Plan", "Treatment plan", &session.plan, Field::Plan),
                (
                    "Follow-up",
                    "Next appointment, home programme (printed on the patient's handout)",
                    &session.follow_up,
                    Field::FollowUp,
                ),
            ];
            for (label, hint, text, field) in texts {
                let label = ui.label(label);
                let mut text = text.clone();
                let response = ui
                    .add(
                        egui::TextEdit::multiline(&mut text)
                            .hint_text(hint)
                            .desired_rows(2)
                            .desired_width(240.0),
                    )
                    .labelled_by(label.id);
                if response.changed() {
                    edits.push((field(text), Some(editing::gesture(response.id))));
                }
                ui.end_row();
            }
        });
    for (field, gesture) in edits {
        editing::apply(doc, Edit::Set(field), gesture);
    }
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
    let mut complaints = doc.session().complaints.clone();
    for (index, complaint) in complaints.iter_mut().enumerate() {
        ui.push_id(index, |ui| {
            let description = ui.add(
                egui::TextEdit::singleline(&mut complaint.description)
                    .hint_text("Complaint")
                    .desired_width(f32::INFINITY),
            );
            if description.changed() {
                changed = Some(Some(editing::gesture(description.id)));
            }
            ui.horizontal_wrapped(|ui| {
                let onset = ui.add(
                    egui::TextEdit::singleline(&mut complaint.onset)
                        .hint_text("Onset")
                        .desired_width(140.0),
                );
                if onset.changed() {
                    changed = Some(Some(editing::gesture(onset.id)));
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
        complaints.push(Complaint::new("", ""));
        changed = Some(None);
    }
    if let Some(index) = remove {
        complaints.remove(index);
        changed = Some(None);
    }
    if let Some(gesture) = changed {
        editing::apply(doc, Edit::Set(Field::Complaints(complaints)), gesture);
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum MarksOrder {
    #[default]
    View,
    Muscle,
    Kind,
}

/// Every mark of the session, sortable by view, muscle or kind; clicking one selects it on the
/// canvas (Ctrl or Shift adds to the selection) and shows its view.
fn marks_ui(ui: &mut egui::Ui, doc: &Document, palette: &Palette, canvas: &mut CanvasState) {
    let session = doc.session();
    let count = session.mark_count();
    let noun = if count == 1 { "mark" } else { "marks" };
    let order_id = ui.make_persistent_id("marks_order");
    let mut order: MarksOrder = ui.data_mut(|d| *d.get_temp_mut_or_default(order_id));
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("Charted ({count} {noun})")).strong());
        ui.separator();
        ui.label("Sort by");
        ui.selectable_value(&mut order, MarksOrder::View, "view");
        ui.selectable_value(&mut order, MarksOrder::Muscle, "muscle");
        ui.selectable_value(&mut order, MarksOrder::Kind, "kind");
    });
    ui.data_mut(|d| d.insert_temp(order_id, order));
    if count == 0 {
        ui.label(
            RichText::new("Nothing charted yet: choose a tool above the map.")
                .color(palette.muted_text),
        );
        return;
    }
    let map = &standard().map;
    let names = |id: &str| map.muscle(id).map(|m| m.name.clone());
    let muscle_of = |mark: MarkRef| -> String {
        session.muscle_of(mark).map_or_else(
            || "~".to_owned(),
            |m| names(&m.0).unwrap_or_else(|| m.0.clone()),
        )
    };
    // Keys are worked out once per mark, not once per comparison; views come with the marks
    // (a lookup per mark would search every list again).
    let marks: Vec<MarkRef> = match order {
        MarksOrder::View => {
            let mut marks: Vec<(MarkRef, &crate::geometry::ViewId)> =
                session.marks_with_views().collect();
            marks.sort_by_key(|(m, view)| (*view, m.kind, m.id));
            marks.into_iter().map(|(m, _)| m).collect()
        }
        MarksOrder::Muscle => {
            let mut marks: Vec<MarkRef> = session.mark_refs().collect();
            marks.sort_by_cached_key(|m| (muscle_of(*m), m.kind, m.id));
            marks
        }
        MarksOrder::Kind => {
            let mut marks: Vec<MarkRef> = session.mark_refs().collect();
            marks.sort_by_key(|m| (m.kind, m.id));
            marks
        }
    };
    let additive = ui.input(|i| i.modifiers.command || i.modifiers.shift);
    let row_height = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_height, marks.len(), |ui, rows| {
            for &mark in &marks[rows] {
                mark_row(ui, session, mark, palette, canvas, additive, &names);
            }
        });
}

fn mark_row(
    ui: &mut egui::Ui,
    session: &crate::model::Session,
    mark: MarkRef,
    palette: &Palette,
    canvas: &mut CanvasState,
    additive: bool,
    names: &dyn Fn(&str) -> Option<String>,
) {
    {
        let Some(text) = marks::describe(session, mark, names) else {
            return;
        };
        let colour = match mark.kind {
            MarkKind::TriggerPoint => {
                let latent = session
                    .trigger_points
                    .iter()
                    .any(|m| m.id == mark.id && m.status == TriggerPointStatus::Latent);
                if latent {
                    palette.trigger_latent
                } else {
                    palette.trigger_active
                }
            }
            MarkKind::ReferredZone => palette.zone,
            MarkKind::NeedleSite => palette.needle,
            MarkKind::Arrow | MarkKind::TextNote => ui.visuals().text_color(),
        };
        let view = session
            .view_of(mark)
            .map(|v| v.as_str().replace('_', " "))
            .unwrap_or_default();
        let selected = canvas.tools.selection.contains(&mark);
        let response = ui
            .selectable_label(selected, RichText::new(&text).color(colour))
            .on_hover_text(format!("On the {view} view"));
        if response.clicked() {
            if additive {
                if let Some(i) = canvas.tools.selection.iter().position(|m| *m == mark) {
                    canvas.tools.selection.remove(i);
                } else {
                    canvas.tools.selection.push(mark);
                }
            } else {
                canvas.tools.selection = vec![mark];
            }
            if let Some(view) = session.view_of(mark) {
                canvas.memory.set_view(view.clone());
            }
        }
    }
}
