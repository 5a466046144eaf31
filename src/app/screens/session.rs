//! The open session: the body-map canvas with its toolbar, and a side panel with the header
//! (date, clinician, position, complaints, pain scores, notes) and the list of what is
//! charted. Every change goes to the document as an `Edit`; nothing here writes the session.

use egui::RichText;

use crate::app::canvas::custom_views::CustomViews;
use crate::app::canvas::marks;
use crate::app::canvas::toolbar::{self, NoticeAction, ToolNotice};
use crate::app::canvas::{CanvasContent, CanvasState, body_canvas};
use crate::app::screens::editing;
use crate::app::screens::inspector::{InspectorAction, inspector_ui};
use crate::app::screens::record::{self, PanelTab, RecordAction, RecordUi, date_time_edit};
use crate::app::shell::theme::Palette;
use crate::bodymap::standard;
use crate::document::Document;
use crate::model::{
    Complaint, Edit, Field, MarkKind, MarkRef, NeedleGate, PainScore, PatientPosition,
    TriggerPointStatus,
};

/// Below this width (points) the session panel starts folded, so the chart keeps most of a
/// small window; the clinician can open it (F9, or the toolbar's panel button).
const DETAILS_FROM_WIDTH: f32 = 860.0;

/// The session: the body-map canvas with its two toolbar rows, and beside it a side panel
/// with the inspector, details, record and marks (folded away on a small window, when the
/// inspector floats over the canvas's edge as a drawer instead). A session held elsewhere
/// shows everything and changes nothing; a signed session is read-only too, but takes
/// addenda, and every change asked of it says so. Returns what the record asked of the app
/// (file effects it does not run itself).
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
    // Marks that no longer exist (undone, deleted, or refused by the document) are never
    // left selected: the inspector never shows an empty frame.
    canvas
        .tools
        .selection
        .retain(|m| doc.session().view_of(*m).is_some());
    let mut details_open = record
        .details_open
        .unwrap_or(ui.available_width() >= DETAILS_FROM_WIDTH);
    record.details_shown = details_open;
    let mut delete = Vec::new();
    // The screen is split by hand, not with a side panel: a panel grows to its widest
    // content and pushes the chart, where this strip clips what does not fit, so the chart's
    // width never changes when a mark is selected or a long text typed.
    let full = ui.available_rect_before_wrap();
    let width = if details_open {
        (full.width() * 0.32).clamp(280.0, 420.0)
    } else {
        0.0
    };
    if details_open {
        let strip = egui::Rect::from_min_max(egui::pos2(full.max.x - width, full.min.y), full.max);
        ui.painter().vline(
            strip.left(),
            strip.y_range(),
            ui.visuals().widgets.noninteractive.bg_stroke,
        );
        let mut panel = ui.new_child(
            egui::UiBuilder::new()
                .id_salt("session_details")
                .max_rect(strip.shrink2(egui::vec2(8.0, 0.0)))
                .layout(egui::Layout::top_down(egui::Align::Min)),
        );
        panel.set_clip_rect(strip.intersect(ui.clip_rect()));
        let ui = &mut panel;
        // The marks list scrolls on its own and lays out only the rows in sight, so a
        // session with hundreds of marks costs no more per frame than a short one.
        egui::Panel::bottom("marks_list")
            .resizable(true)
            .default_size(200.0)
            .min_size(100.0)
            .show(ui, |ui| marks_ui(ui, doc, &palette, canvas));
        record.tabs_ui(ui, doc);
        egui::ScrollArea::vertical()
            .id_salt(record.tab)
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.add_enabled_ui(editable, |ui| {
                    if !canvas.tools.selection.is_empty() {
                        delete = inspector_frame(ui, doc, canvas, &palette);
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
    }
    let mut main = ui.new_child(
        egui::UiBuilder::new()
            .id_salt("session_chart")
            .max_rect(egui::Rect::from_min_max(
                full.min,
                egui::pos2(
                    full.max.x - width - if details_open { 8.0 } else { 0.0 },
                    full.max.y,
                ),
            ))
            .layout(egui::Layout::top_down(egui::Align::Min)),
    );
    let ui = &mut main;
    let was_open = details_open;
    toolbar::map_toolbar(
        ui,
        &standard().map,
        custom,
        doc.session(),
        canvas,
        Some(&mut details_open),
    );
    if details_open != was_open {
        record.details_open = Some(details_open);
    }
    let signed = record::signed_refusal(doc);
    let gate = doc.session().needle_gate();
    let notice = if let Some(why) = &signed {
        ToolNotice::ReadOnly {
            why: why.as_str(),
            action: can_append.then_some("Add an addendum…"),
        }
    } else if !editable {
        ToolNotice::ReadOnly {
            why: "Open for editing on another workstation: read-only here",
            action: None,
        }
    } else if let NeedleGate::Closed(missing) = &gate {
        ToolNotice::NeedleLocked(missing)
    } else {
        ToolNotice::None
    };
    match toolbar::tool_toolbar(ui, canvas, &notice) {
        Some(NoticeAction::ReadOnlyAction) => record.open_addendum(),
        Some(NoticeAction::OpenRecord) => {
            record.tab = PanelTab::Record;
            record.details_open = Some(true);
        }
        Some(NoticeAction::Override) => record.ask_override(),
        None => {}
    }
    ui.add_space(2.0);
    let canvas_rect = ui.available_rect_before_wrap();
    let content = CanvasContent {
        session: doc.session(),
        revision: doc.revision(),
        zones_revision: doc.zones_revision(),
        editable,
        overlay: None,
    };
    let mut edits = body_canvas(ui, standard(), custom, &content, canvas);
    if std::mem::take(&mut canvas.read_only_attempt) && signed.is_some() {
        record.refuse_signed(doc);
    }
    if !details_open && !canvas.tools.selection.is_empty() {
        // The inspector as a drawer over the canvas's right edge: the map does not move.
        egui::Area::new(egui::Id::unique("inspector_drawer"))
            .order(egui::Order::Foreground)
            .fixed_pos(canvas_rect.right_top() + egui::vec2(-320.0, 8.0))
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_width(300.0);
                    egui::ScrollArea::vertical()
                        .max_height(canvas_rect.height() - 32.0)
                        .show(ui, |ui| {
                            ui.add_enabled_ui(editable, |ui| {
                                delete = inspector_frame(ui, doc, canvas, &palette);
                            });
                        });
                });
            });
    }
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
        let result = doc.apply(edit, gesture);
        record.applied(doc, result);
    }
    record.take_raised(doc);
    record.dialogs(ui.ctx(), doc);
    record.take_actions()
}

/// The inspector of the selected marks, in a group frame; returns the marks it was asked to
/// delete.
fn inspector_frame(
    ui: &mut egui::Ui,
    doc: &mut Document,
    canvas: &mut CanvasState,
    palette: &Palette,
) -> Vec<MarkRef> {
    let mut delete = Vec::new();
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        if let Some(InspectorAction::Delete(marks)) = inspector_ui(
            ui,
            doc,
            &standard().map,
            &canvas.tools.selection,
            &mut canvas.tools.settings,
            palette,
        ) {
            delete = marks;
        }
    });
    delete
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
    // The fields fill what the labels' column leaves of the panel, never more (a wider field
    // would push the panel over the chart).
    let field_width = (ui.available_width() - 130.0).clamp(100.0, 240.0);
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
                        .desired_width(field_width),
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
                            .desired_width(field_width),
                    )
                    .labelled_by(label.id);
                if response.changed() {
                    edits.push((field(text), Some(editing::gesture(response.id))));
                }
                ui.end_row();
            }
        });
    // The NPRS, one click each: a row of 0–10 under its name (too wide beside it).
    let session = doc.session();
    for (label, salt, value, field) in [
        (
            "Pain before treatment (NPRS)",
            "Pain before",
            session.pain_before,
            Field::PainBefore as fn(Option<PainScore>) -> Field,
        ),
        (
            "Pain after treatment (NPRS)",
            "Pain after",
            session.pain_after,
            Field::PainAfter,
        ),
    ] {
        ui.add_space(6.0);
        ui.label(label);
        let mut pain = value;
        if pain_field(ui, salt, &mut pain) {
            edits.push((field(pain), None));
        }
    }
    for (field, gesture) in edits {
        editing::apply(doc, Edit::Set(field), gesture);
    }
}

/// A 0–10 score as a row of buttons, one click each, with "–" for not recorded. Returns
/// whether the value changed. Each button is named "NAME: N of 10" for screen readers.
fn pain_field(ui: &mut egui::Ui, salt: &str, value: &mut Option<PainScore>) -> bool {
    let before = *value;
    ui.push_id(salt, |ui| {
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = 1.0;
            ui.spacing_mut().button_padding.x = 3.0;
            let width = egui::vec2(18.0, 0.0);
            let none = ui
                .add(egui::Button::selectable(value.is_none(), "–").min_size(width))
                .on_hover_text("Not recorded");
            none.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::Role::Button,
                    true,
                    value.is_none(),
                    format!("{salt}: not recorded"),
                )
            });
            if none.clicked() {
                *value = None;
            }
            for n in 0..=PainScore::MAX {
                let selected = *value == Some(PainScore(n));
                let response = ui
                    .add(egui::Button::selectable(selected, n.to_string()).min_size(width))
                    .on_hover_text(format!("{n} of 10"));
                response.widget_info(|| {
                    egui::WidgetInfo::selected(
                        egui::Role::Button,
                        true,
                        selected,
                        format!("{salt}: {n} of 10"),
                    )
                });
                if response.clicked() {
                    *value = Some(PainScore(n));
                }
            }
        });
    });
    *value != before
}

fn complaints_ui(ui: &mut egui::Ui, doc: &mut Document) {
    ui.label(RichText::new("Complaints").strong());
    let mut remove = None;
    let mut changed = None;
    let mut complaints = doc.session().complaints.clone();
    // A complaint just added takes the keyboard, so the first typing is not lost.
    let focus_id = ui.make_persistent_id("focus_new_complaint");
    let focus: Option<usize> = ui.data_mut(|d| d.remove_temp(focus_id));
    for (index, complaint) in complaints.iter_mut().enumerate() {
        ui.push_id(index, |ui| {
            let description = ui.add(
                egui::TextEdit::singleline(&mut complaint.description)
                    .hint_text("Complaint")
                    .desired_width(f32::INFINITY),
            );
            if focus == Some(index) {
                description.request_focus();
                description.scroll_to_me(None);
            }
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
                if pain_field(ui, "Complaint pain", &mut complaint.pain) {
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
        let index = complaints.len() - 1;
        ui.data_mut(|d| d.insert_temp(focus_id, index));
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
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{count} {noun}")).strong());
        ui.separator();
        ui.label("sort by");
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
