//! The complaints "Start from last visit" carried forward, awaiting the clinician: each is
//! confirmed here (or edited or removed in the complaints list, which confirms or drops it).
//! Hands the document an `Edit`; writes nothing itself.

use egui::RichText;

use crate::app::screens::editing;
use crate::app::shell::theme::Palette;
use crate::document::Document;
use crate::model::{Edit, Field};
use crate::words::count;

/// A notice over the complaints while any came from the last visit unconfirmed, with a
/// **Confirm complaint** for each (and **Confirm all**). Draws nothing otherwise.
pub fn carried_complaints_ui(ui: &mut egui::Ui, doc: &mut Document) {
    let carried = doc.session().unconfirmed_complaints().len();
    if carried == 0 {
        return;
    }
    let palette = Palette::of(ui.ctx());
    ui.label(
        RichText::new(format!(
            "⚠ {} carried forward from the last visit: confirm with the patient, edit or remove",
            count(carried, "complaint", "complaints")
        ))
        .color(palette.warning),
    );
    let editable = doc.is_editable();
    let mut confirm: Option<Option<usize>> = None;
    for (index, complaint) in doc.session().complaints.iter().enumerate() {
        if !complaint.carried_forward {
            continue;
        }
        ui.horizontal_wrapped(|ui| {
            let name = if complaint.description.trim().is_empty() {
                "(no description)"
            } else {
                complaint.description.trim()
            };
            if ui
                .add_enabled(editable, egui::Button::new("Confirm complaint").small())
                .on_hover_text(format!("\"{name}\" still applies today"))
                .clicked()
            {
                confirm = Some(Some(index));
            }
            ui.add(egui::Label::new(RichText::new(name).italics()).truncate());
        });
    }
    if carried > 1
        && ui
            .add_enabled(editable, egui::Button::new("Confirm all").small())
            .on_hover_text("Every carried complaint still applies today")
            .clicked()
    {
        confirm = Some(None);
    }
    if let Some(which) = confirm {
        let mut complaints = doc.session().complaints.clone();
        for (index, complaint) in complaints.iter_mut().enumerate() {
            if which.is_none_or(|w| w == index) {
                complaint.carried_forward = false;
            }
        }
        editing::apply(doc, Edit::Set(Field::Complaints(complaints)), None);
    }
    ui.add_space(4.0);
}
