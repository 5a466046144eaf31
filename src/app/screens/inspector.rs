//! The inspector: every field of the selected mark (clinical.md's trigger-point, needle and
//! zone fields). A changed mark goes to the document as one `Edit::Update` (typing into one
//! field is one undo step). Never touches marks that are not selected.

use egui::{ComboBox, DragValue, RichText, TextEdit};

use crate::app::canvas::tool::ToolSettings;
use crate::app::screens::editing;
use crate::app::shell::theme::Palette;
use crate::bodymap::BodyMap;
use crate::document::Document;
use crate::document::Gesture;
use crate::model::ranges;
use crate::model::{
    Edit, ElectricalStimulation, Finding, MarkId, MarkKind, MarkRef, MarkUpdate, MuscleRef,
    NeedleSpec, NeedleTechnique, PainQuality, Palpation, PatientPosition, Side, TissueDepth,
    TriggerPointStatus, ZoneDetails,
};

/// What the inspector asks of its caller.
pub enum InspectorAction {
    Delete(Vec<MarkRef>),
}

/// Records a change: `Some(id)` merges successive changes of one text field or drag.
struct Changes {
    gesture: Option<Option<Gesture>>,
}

impl Changes {
    fn note(&mut self, response: &egui::Response) {
        if response.changed() {
            self.gesture = Some(Some(editing::gesture(response.id)));
        }
    }

    /// Hands the changed mark to the document, if anything changed.
    fn apply(&self, doc: &mut Document, update: MarkUpdate) {
        if let Some(gesture) = self.gesture {
            editing::apply(doc, Edit::Update(update), gesture);
        }
    }

    fn discrete(&mut self, changed: bool) {
        if changed {
            self.gesture = Some(None);
        }
    }
}

/// The selected marks' fields. A needle size or technique chosen here becomes what the next
/// needle site is charted with (`settings`): clinics reuse the last needle.
pub fn inspector_ui(
    ui: &mut egui::Ui,
    doc: &mut Document,
    map: &BodyMap,
    selection: &[MarkRef],
    settings: &mut ToolSettings,
    palette: &Palette,
) -> Option<InspectorAction> {
    let live: Vec<MarkRef> = selection
        .iter()
        .copied()
        .filter(|m| doc.session().view_of(*m).is_some())
        .collect();
    let mut action = None;
    match live[..] {
        [] => return None,
        [mark] => {
            let mut changes = Changes { gesture: None };
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(mark.kind.label()).strong());
                if ui
                    .small_button("Delete")
                    .on_hover_text("Remove this mark (Delete key on the canvas)")
                    .clicked()
                {
                    action = Some(InspectorAction::Delete(vec![mark]));
                }
            });
            match mark.kind {
                MarkKind::TriggerPoint => {
                    trigger_point_ui(ui, doc, map, mark.id, &mut changes, palette)
                }
                MarkKind::NeedleSite => {
                    needle_ui(ui, doc, map, mark.id, &mut changes, settings);
                }
                MarkKind::ReferredZone => zone_ui(ui, doc, mark.id, &mut changes, palette),
                MarkKind::Arrow => {
                    if let Some(mut arrow) = doc
                        .session()
                        .arrows
                        .iter()
                        .find(|m| m.id == mark.id)
                        .cloned()
                    {
                        let label = ui.label("Label");
                        let response = ui
                            .add(
                                TextEdit::singleline(&mut arrow.label)
                                    .hint_text("e.g. into the temple"),
                            )
                            .labelled_by(label.id);
                        changes.note(&response);
                        changes.apply(doc, MarkUpdate::Arrow(arrow));
                    }
                }
                MarkKind::TextNote => {
                    if let Some(mut note) = doc
                        .session()
                        .text_notes
                        .iter()
                        .find(|m| m.id == mark.id)
                        .cloned()
                    {
                        let label = ui.label("Text");
                        let response = ui
                            .add(TextEdit::multiline(&mut note.text).desired_rows(2))
                            .labelled_by(label.id);
                        changes.note(&response);
                        changes.apply(doc, MarkUpdate::TextNote(note));
                    }
                }
            }
        }
        ref many => {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("{} marks selected", many.len())).strong());
                if ui.small_button("Delete").clicked() {
                    action = Some(InspectorAction::Delete(many.to_vec()));
                }
                if ui
                    .small_button("Confirm carried forward")
                    .on_hover_text("Mark the selected marks as checked in this visit")
                    .clicked()
                {
                    editing::apply(doc, Edit::Confirm(many.to_vec()), None);
                }
            });
        }
    }
    action
}

fn carried_forward_ui(
    ui: &mut egui::Ui,
    carried: &mut bool,
    changes: &mut Changes,
    palette: &Palette,
) {
    if *carried {
        ui.horizontal_wrapped(|ui| {
            // The button first: on a narrow panel the words wrap, the button stays in reach.
            if ui.button("Confirm").clicked() {
                *carried = false;
                changes.discrete(true);
            }
            ui.label(
                RichText::new("Carried forward from the last visit: check and confirm it.")
                    .color(palette.warning),
            );
        });
    }
}

/// A searchable list of the map's muscles, grouped by body part.
fn muscle_field(
    ui: &mut egui::Ui,
    map: &BodyMap,
    muscle: &mut Option<MuscleRef>,
    changes: &mut Changes,
    salt: &str,
) {
    let label = ui.label("Muscle");
    let current = muscle
        .as_ref()
        .map(|m| {
            map.muscle(&m.0)
                .map_or_else(|| m.fallback_name(), |d| d.name.clone())
        })
        .unwrap_or_else(|| "not set".to_owned());
    let search_id = ui.make_persistent_id((salt, "muscle_search"));
    let mut search: String = ui.data_mut(|d| d.get_temp(search_id).unwrap_or_default());
    let before = muscle.clone();
    ComboBox::from_id_salt((salt, "muscle"))
        .selected_text(current)
        .width(220.0)
        .height(320.0)
        .show_ui(ui, |ui| {
            let search_label = ui.label("Search muscles");
            let field = ui
                .add(TextEdit::singleline(&mut search).hint_text("name or id"))
                .labelled_by(search_label.id);
            field.request_focus();
            let needle = search.to_lowercase();
            ui.selectable_value(muscle, None, "not set");
            let mut group = "";
            for def in map.muscles.iter().filter(|m| {
                needle.is_empty()
                    || m.name.to_lowercase().contains(&needle)
                    || m.id.contains(&needle)
            }) {
                if def.group != group {
                    group = &def.group;
                    ui.label(RichText::new(group).weak().small());
                }
                ui.selectable_value(muscle, Some(MuscleRef::new(def.id.clone())), &def.name);
            }
        })
        .response
        .labelled_by(label.id);
    ui.data_mut(|d| d.insert_temp(search_id, search));
    changes.discrete(*muscle != before);
}

fn side_field(ui: &mut egui::Ui, side: &mut Side, changes: &mut Changes, salt: &str) {
    let label = ui.label("Side");
    let before = *side;
    ComboBox::from_id_salt((salt, "side"))
        .selected_text(side.label())
        .show_ui(ui, |ui| {
            for option in Side::ALL {
                ui.selectable_value(side, option, option.label());
            }
        })
        .response
        .labelled_by(label.id);
    changes.discrete(*side != before);
}

fn finding_field(ui: &mut egui::Ui, name: &str, finding: &mut Finding, changes: &mut Changes) {
    let label = ui.label(name);
    let before = *finding;
    ui.horizontal_wrapped(|ui| {
        for option in Finding::ALL {
            ui.selectable_value(finding, option, option.label());
        }
    })
    .response
    .labelled_by(label.id);
    changes.discrete(*finding != before);
}

/// An optional number: a "recorded" box and the value.
fn optional_number<T: egui::emath::Numeric + Default>(
    ui: &mut egui::Ui,
    name: &str,
    value: &mut Option<T>,
    range: std::ops::RangeInclusive<T>,
    suffix: &str,
    changes: &mut Changes,
) {
    let label = ui.label(name);
    ui.horizontal_wrapped(|ui| {
        let mut recorded = value.is_some();
        if ui.checkbox(&mut recorded, "recorded").changed() {
            *value = recorded.then(|| value.unwrap_or_default());
            changes.discrete(true);
        }
        if let Some(v) = value {
            let response = ui
                .add(DragValue::new(v).range(range).suffix(suffix).speed(0.1))
                .labelled_by(label.id);
            changes.note(&response);
        }
    });
}

fn text_field(ui: &mut egui::Ui, name: &str, text: &mut String, hint: &str, changes: &mut Changes) {
    let label = ui.label(name);
    let response = ui
        .add(
            TextEdit::singleline(text)
                .hint_text(hint)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    changes.note(&response);
}

fn notes_field(ui: &mut egui::Ui, text: &mut String, changes: &mut Changes) {
    let label = ui.label("Notes");
    let response = ui
        .add(
            TextEdit::multiline(text)
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    changes.note(&response);
}

fn trigger_point_ui(
    ui: &mut egui::Ui,
    doc: &mut Document,
    map: &BodyMap,
    id: MarkId,
    changes: &mut Changes,
    palette: &Palette,
) {
    let Some(mut tp) = doc
        .session()
        .trigger_points
        .iter()
        .find(|m| m.id == id)
        .cloned()
    else {
        return;
    };
    carried_forward_ui(ui, &mut tp.carried_forward, changes, palette);
    egui::Grid::new("trigger_point_fields")
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            muscle_field(ui, map, &mut tp.muscle, changes, "tp");
            ui.end_row();
            side_field(ui, &mut tp.side, changes, "tp");
            ui.end_row();
            let label = ui.label("Status");
            let before = tp.status;
            ui.horizontal_wrapped(|ui| {
                ui.selectable_value(&mut tp.status, TriggerPointStatus::Active, "active")
                    .on_hover_text("Reproduces the patient's familiar pain");
                ui.selectable_value(&mut tp.status, TriggerPointStatus::Latent, "latent")
                    .on_hover_text("Tender, but not the familiar pain");
            })
            .response
            .labelled_by(label.id);
            changes.discrete(tp.status != before);
            ui.end_row();
            finding_field(ui, "Taut band", &mut tp.taut_band, changes);
            ui.end_row();
            finding_field(ui, "Spot tenderness", &mut tp.spot_tenderness, changes);
            ui.end_row();
            finding_field(
                ui,
                "Local twitch response",
                &mut tp.local_twitch_response,
                changes,
            );
            ui.end_row();
            finding_field(
                ui,
                "Recognised referral",
                &mut tp.recognised_referral,
                changes,
            );
            ui.end_row();
            optional_number(
                ui,
                "Pressure-pain threshold",
                &mut tp.pressure_pain_threshold,
                ranges::PRESSURE_PAIN_THRESHOLD.f32s(),
                " kg/cm²",
                changes,
            );
            ui.end_row();
        });
    notes_field(ui, &mut tp.notes, changes);
    // Editing a carried-forward finding is checking it in this visit.
    if changes.gesture.is_some() {
        tp.carried_forward = false;
    }
    changes.apply(doc, MarkUpdate::TriggerPoint(tp));
}

fn needle_ui(
    ui: &mut egui::Ui,
    doc: &mut Document,
    map: &BodyMap,
    id: MarkId,
    changes: &mut Changes,
    settings: &mut ToolSettings,
) {
    let trigger_points: Vec<(MarkId, String)> = doc
        .session()
        .trigger_points
        .iter()
        .map(|t| (t.id, t.describe()))
        .collect();
    let Some(mut needle) = doc
        .session()
        .needle_sites
        .iter()
        .find(|m| m.id == id)
        .cloned()
    else {
        return;
    };
    egui::Grid::new("needle_fields")
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            muscle_field(ui, map, &mut needle.muscle, changes, "needle");
            ui.end_row();
            side_field(ui, &mut needle.side, changes, "needle");
            ui.end_row();

            let label = ui.label("Needle");
            let before = needle.needle;
            ui.horizontal_wrapped(|ui| {
                ComboBox::from_id_salt("needle_size")
                    .selected_text(needle.needle.label())
                    .show_ui(ui, |ui| {
                        for spec in NeedleSpec::COMMON {
                            ui.selectable_value(&mut needle.needle, spec, spec.label());
                        }
                    })
                    .response
                    .labelled_by(label.id);
                let d = ui
                    .add(
                        DragValue::new(&mut needle.needle.diameter_mm)
                            .range(ranges::NEEDLE_DIAMETER.f32s())
                            .speed(0.01)
                            .fixed_decimals(2)
                            .suffix(" mm diameter"),
                    )
                    .on_hover_text("Custom diameter");
                let l = ui
                    .add(
                        DragValue::new(&mut needle.needle.length_mm)
                            .range(ranges::NEEDLE_LENGTH.f32s())
                            .speed(1.0)
                            .suffix(" mm long"),
                    )
                    .on_hover_text("Custom length");
                changes.note(&d);
                changes.note(&l);
            });
            changes.discrete(needle.needle != before && changes.gesture.is_none());
            ui.end_row();

            optional_number(
                ui,
                "Depth",
                &mut needle.depth_mm,
                ranges::DEPTH.f32s(),
                " mm",
                changes,
            );
            ui.end_row();
            text_field(
                ui,
                "Direction",
                &mut needle.direction,
                "e.g. perpendicular, towards the rib",
                changes,
            );
            ui.end_row();

            let label = ui.label("Palpation");
            let before = needle.palpation;
            ComboBox::from_id_salt("palpation")
                .selected_text(needle.palpation.label())
                .show_ui(ui, |ui| {
                    for option in Palpation::ALL {
                        ui.selectable_value(&mut needle.palpation, option, option.label());
                    }
                })
                .response
                .labelled_by(label.id);
            changes.discrete(needle.palpation != before);
            ui.end_row();

            let label = ui.label("Technique");
            let before = needle.technique;
            ComboBox::from_id_salt("technique")
                .selected_text(needle.technique.label())
                .show_ui(ui, |ui| {
                    for option in NeedleTechnique::ALL {
                        ui.selectable_value(&mut needle.technique, option, option.label());
                    }
                })
                .response
                .labelled_by(label.id);
            changes.discrete(needle.technique != before);
            ui.end_row();

            optional_number(
                ui,
                "Twitch responses",
                &mut needle.twitch_count,
                ranges::TWITCH_COUNT.u32s(),
                "",
                changes,
            );
            ui.end_row();
            optional_number(
                ui,
                "Retention",
                &mut needle.retention_min,
                ranges::RETENTION.f32s(),
                " min",
                changes,
            );
            ui.end_row();

            let label = ui.label("Electrical stimulation");
            let mut on = needle.electrical_stimulation.is_some();
            if ui.checkbox(&mut on, "used").labelled_by(label.id).changed() {
                needle.electrical_stimulation = on.then(|| ElectricalStimulation {
                    frequency_hz: 2.0,
                    intensity: "to patient tolerance".to_owned(),
                    duration_min: 10.0,
                });
                changes.discrete(true);
            }
            ui.end_row();
            if let Some(estim) = &mut needle.electrical_stimulation {
                let label = ui.label("Frequency");
                let r = ui
                    .add(
                        DragValue::new(&mut estim.frequency_hz)
                            .range(ranges::STIMULATION_FREQUENCY.f32s())
                            .suffix(" Hz"),
                    )
                    .labelled_by(label.id);
                changes.note(&r);
                ui.end_row();
                text_field(
                    ui,
                    "Intensity",
                    &mut estim.intensity,
                    "e.g. to patient tolerance",
                    changes,
                );
                ui.end_row();
                let label = ui.label("Duration");
                let r = ui
                    .add(
                        DragValue::new(&mut estim.duration_min)
                            .range(ranges::STIMULATION_DURATION.f32s())
                            .suffix(" min"),
                    )
                    .labelled_by(label.id);
                changes.note(&r);
                ui.end_row();
            }

            text_field(
                ui,
                "Immediate response",
                &mut needle.immediate_response,
                "pain, range of motion, PPT, tolerance",
                changes,
            );
            ui.end_row();

            let label = ui.label("Patient position");
            let before = needle.patient_position;
            ComboBox::from_id_salt("needle_position")
                .selected_text(
                    needle
                        .patient_position
                        .map_or("as the session", PatientPosition::label),
                )
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut needle.patient_position, None, "as the session");
                    for option in PatientPosition::ALL {
                        ui.selectable_value(
                            &mut needle.patient_position,
                            Some(option),
                            option.label(),
                        );
                    }
                })
                .response
                .labelled_by(label.id);
            changes.discrete(needle.patient_position != before);
            ui.end_row();

            let label = ui.label("Trigger point treated");
            let before = needle.trigger_point;
            let current = needle
                .trigger_point
                .and_then(|id| trigger_points.iter().find(|(t, _)| *t == id))
                .map_or("none", |(_, name)| name.as_str());
            ComboBox::from_id_salt("needle_trigger_point")
                .selected_text(current)
                .width(ui.available_width().min(220.0))
                .truncate()
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut needle.trigger_point, None, "none");
                    for (id, name) in &trigger_points {
                        ui.selectable_value(&mut needle.trigger_point, Some(*id), name);
                    }
                })
                .response
                .labelled_by(label.id);
            changes.discrete(needle.trigger_point != before);
            ui.end_row();
        });
    notes_field(ui, &mut needle.notes, changes);
    // The site's safety warnings, acknowledged or not: acknowledging stays a deliberate act
    // in the warning itself or the clinical record.
    if !needle.warnings.is_empty() {
        ui.add_space(4.0);
        ui.label(RichText::new("Safety warnings").strong());
        let palette = crate::app::shell::theme::Palette::of(ui.ctx());
        for warning in &needle.warnings {
            let (mark, colour) = if warning.acknowledged {
                ("✔", palette.muted_text)
            } else {
                ("⚠", palette.warning)
            };
            ui.label(RichText::new(format!("{mark} {}", warning.message)).color(colour));
        }
    }
    if changes.gesture.is_some() {
        settings.needle = needle.needle;
        settings.technique = needle.technique;
    }
    changes.apply(doc, MarkUpdate::NeedleSite(needle));
}

/// A view's name for lists ("Posterior", "Head right"), its id when the standard map does
/// not have it (a custom view).
fn standard_view_name(view: &crate::geometry::ViewId) -> String {
    crate::bodymap::standard()
        .map
        .view(view)
        .map_or_else(|| view.as_str().replace('_', " "), |v| v.name.clone())
}

fn zone_ui(
    ui: &mut egui::Ui,
    doc: &mut Document,
    id: MarkId,
    changes: &mut Changes,
    palette: &Palette,
) {
    // A zone may be referred from a trigger point on any view (an upper-trapezius trigger
    // point on the back refers to the temple on a head view): every trigger point is offered,
    // those of the zone's own view first, each named with its view.
    let Some(view) = doc
        .session()
        .referred_zones
        .iter()
        .find(|m| m.id == id)
        .map(|z| z.view.clone())
    else {
        return;
    };
    let mut trigger_points: Vec<(bool, String, MarkId, String)> = doc
        .session()
        .trigger_points
        .iter()
        .map(|t| {
            let view_name = standard_view_name(&t.view);
            (t.view != view, view_name, t.id, t.describe())
        })
        .collect();
    trigger_points.sort_by(|a, b| (a.0, &a.1, a.2).cmp(&(b.0, &b.1, b.2)));
    let Some(mut zone) = doc
        .session()
        .referred_zones
        .iter()
        .find(|m| m.id == id)
        .map(ZoneDetails::of)
    else {
        return;
    };
    carried_forward_ui(ui, &mut zone.carried_forward, changes, palette);
    egui::Grid::new("zone_fields")
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            let label = ui.label("Intensity");
            let r = ui
                .add(egui::Slider::new(&mut zone.intensity, 0..=10).suffix(" / 10"))
                .on_hover_text("Pain intensity, 0–10 as on the NPRS")
                .labelled_by(label.id);
            changes.note(&r);
            ui.end_row();

            let label = ui.label("Quality");
            let before = zone.quality;
            ComboBox::from_id_salt("zone_quality")
                .selected_text(zone.quality.label())
                .show_ui(ui, |ui| {
                    for option in PainQuality::ALL {
                        ui.selectable_value(&mut zone.quality, option, option.label());
                    }
                })
                .response
                .labelled_by(label.id);
            changes.discrete(zone.quality != before);
            ui.end_row();

            let label = ui.label("Depth");
            let before = zone.depth;
            ui.horizontal_wrapped(|ui| {
                ui.selectable_value(&mut zone.depth, TissueDepth::Superficial, "superficial");
                ui.selectable_value(&mut zone.depth, TissueDepth::Deep, "deep");
            })
            .response
            .labelled_by(label.id);
            changes.discrete(zone.depth != before);
            ui.end_row();

            let label = ui.label("Referred from");
            let before = zone.source;
            let current = match zone.source {
                None => "not linked".to_owned(),
                Some(source) => trigger_points
                    .iter()
                    .find(|(_, _, t, _)| *t == source)
                    .map_or_else(
                        || format!("trigger point {source}, which is not in this session"),
                        |(_, view_name, _, name)| format!("{name} ({view_name})"),
                    ),
            };
            ComboBox::from_id_salt("zone_source")
                .selected_text(current)
                .width(ui.available_width().min(220.0))
                .truncate()
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut zone.source, None, "not linked");
                    let mut heading = None;
                    for (_, view_name, id, name) in &trigger_points {
                        if heading != Some(view_name) {
                            ui.label(RichText::new(view_name).small().strong());
                            heading = Some(view_name);
                        }
                        ui.selectable_value(&mut zone.source, Some(*id), name);
                    }
                })
                .response
                .labelled_by(label.id);
            changes.discrete(zone.source != before);
            ui.end_row();
        });
    notes_field(ui, &mut zone.notes, changes);
    if changes.gesture.is_some() {
        zone.carried_forward = false;
    }
    changes.apply(doc, MarkUpdate::Zone(zone));
}
