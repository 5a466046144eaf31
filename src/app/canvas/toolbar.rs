//! The toolbar above the body-map canvas: which view, which muscle layer, the patient-facing
//! mirror, labels, and fitting the drawing. Changes view state only.

use crate::app::canvas::CanvasState;
use crate::app::canvas::custom_views::CustomViews;
use crate::app::canvas::tool::Tool;
use crate::bodymap::BodyMap;
use crate::geometry::ViewId;
use crate::model::{NeedleSpec, PainQuality, Session, TissueDepth};
use crate::scene::LayerMode;

/// Short names for the view switcher; the full name is the tooltip.
fn short_name(view: &str) -> &str {
    match view {
        "anterior" => "Front",
        "posterior" => "Back",
        "left_lateral" => "Left side",
        "right_lateral" => "Right side",
        "head_anterior" => "Head front",
        "head_posterior" => "Head back",
        "head_left_lateral" => "Head left",
        "head_right_lateral" => "Head right",
        "feet_plantar" => "Soles",
        "hands_palmar" => "Palms",
        "hands_dorsal" => "Backs of hands",
        "feet_dorsal" => "Tops of feet",
        "feet_medial" => "Feet, inner side",
        other => other,
    }
}

/// The toolbar: the standard views, then the library's custom views, then any view the
/// session has marks on that this library lacks (so those marks can still be looked at).
pub fn map_toolbar(
    ui: &mut egui::Ui,
    map: &BodyMap,
    custom: &CustomViews,
    session: &Session,
    canvas: &mut CanvasState,
) {
    let missing: Vec<&ViewId> = session
        .views_used()
        .into_iter()
        .filter(|v| map.view(v).is_none() && custom.get(v.as_str()).is_none())
        .collect();
    ui.horizontal_wrapped(|ui| {
        let mut button = |ui: &mut egui::Ui, id: &ViewId, text: &str, tooltip: &str| {
            if ui
                .selectable_label(canvas.memory.view == *id, text)
                .on_hover_text(tooltip)
                .clicked()
            {
                canvas.memory.set_view(id.clone());
            }
        };
        for view in &map.views {
            button(ui, &view.id, short_name(view.id.as_str()), &view.name);
        }
        if !custom.views.is_empty() || !missing.is_empty() {
            ui.separator();
        }
        for view in &custom.views {
            button(
                ui,
                &view.id(),
                &view.file.name,
                "A custom view of this library",
            );
        }
        for id in &missing {
            button(
                ui,
                id,
                &format!("{id} (missing)"),
                "This session has marks on a view this library does not have",
            );
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label("Muscles:");
        for mode in LayerMode::ALL {
            ui.selectable_value(&mut canvas.memory.layers, mode, mode.label())
                .on_hover_text(match mode {
                    LayerMode::Superficial => "The muscles under the skin",
                    LayerMode::Deep => {
                        "The deep muscles alone (gluteus minimus, piriformis, quadratus lumborum, rhomboids, scalenes…)"
                    }
                    LayerMode::Both => "The deep muscles drawn over the superficial ones",
                });
        }
        ui.separator();
        ui.toggle_value(&mut canvas.memory.mirrored, "Mirror for patient")
            .on_hover_text(
                "Show the drawing as the patient sees themselves, with their right on the right; R and L follow",
            );
        ui.toggle_value(&mut canvas.memory.labels, "Muscle names")
            .on_hover_text("Name the muscles when zoomed in far enough");
        ui.toggle_value(&mut canvas.memory.safety_zones, "Safety zones")
            .on_hover_text(
                "Show where needling needs particular care: lung and pleura, neck vessels, femoral triangle, popliteal fossa, sciatic nerve, kidneys…",
            );
        if ui
            .button("Fit")
            .on_hover_text("Show the whole view (Home or 0, or double-click the drawing)")
            .clicked()
        {
            canvas.memory.fit();
        }
    });
}

/// The charting tools and what new marks are made with. Disabled for a read-only session.
pub fn tool_toolbar(ui: &mut egui::Ui, canvas: &mut CanvasState, editable: bool) {
    ui.add_enabled_ui(editable, |ui| {
        ui.horizontal_wrapped(|ui| {
            for tool in Tool::ALL {
                let key = tool.key().name();
                if ui
                    .selectable_label(canvas.tools.tool == tool, tool.label())
                    .on_hover_text(format!("{} ({key})", tool.tooltip()))
                    .clicked()
                {
                    canvas.tools.tool = tool;
                }
            }
        });
        let settings = &mut canvas.tools.settings;
        match canvas.tools.tool {
            Tool::Brush | Tool::Eraser | Tool::Lasso => {
                ui.horizontal_wrapped(|ui| {
                    if canvas.tools.tool != Tool::Lasso {
                        let label = ui.label("Brush");
                        ui.add(
                            egui::Slider::new(&mut settings.brush_radius, 2.0..=60.0)
                                .suffix(" mm")
                                .logarithmic(true),
                        )
                        .labelled_by(label.id);
                    }
                    if canvas.tools.tool != Tool::Eraser {
                        let label = ui.label("Intensity");
                        ui.add(egui::Slider::new(&mut settings.intensity, 0..=10))
                            .labelled_by(label.id);
                        let label = ui.label("Quality");
                        egui::ComboBox::from_id_salt("brush_quality")
                            .selected_text(settings.quality.label())
                            .show_ui(ui, |ui| {
                                for quality in PainQuality::ALL {
                                    ui.selectable_value(
                                        &mut settings.quality,
                                        quality,
                                        quality.label(),
                                    );
                                }
                            })
                            .response
                            .labelled_by(label.id);
                        ui.selectable_value(
                            &mut settings.depth,
                            TissueDepth::Superficial,
                            "superficial",
                        );
                        ui.selectable_value(&mut settings.depth, TissueDepth::Deep, "deep");
                    }
                });
            }
            Tool::Needle => {
                ui.horizontal_wrapped(|ui| {
                    let label = ui.label("Needle");
                    egui::ComboBox::from_id_salt("tool_needle")
                        .selected_text(settings.needle.label())
                        .show_ui(ui, |ui| {
                            for spec in NeedleSpec::COMMON {
                                ui.selectable_value(&mut settings.needle, spec, spec.label());
                            }
                        })
                        .response
                        .labelled_by(label.id);
                });
            }
            Tool::Select | Tool::TriggerPoint | Tool::Arrow | Tool::Note => {}
        }
    });
}
