//! The toolbar above the body-map canvas: which view, which muscle layer, the patient-facing
//! mirror, labels, and fitting the drawing. Changes view state only.

use super::canvas::CanvasState;
use crate::bodymap::BodyMap;
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
        other => other,
    }
}

pub fn map_toolbar(ui: &mut egui::Ui, map: &BodyMap, canvas: &mut CanvasState) {
    ui.horizontal_wrapped(|ui| {
        for view in &map.views {
            let selected = canvas.view == view.id;
            if ui
                .selectable_label(selected, short_name(view.id.as_str()))
                .on_hover_text(&view.name)
                .clicked()
            {
                canvas.set_view(view.id.clone());
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label("Muscles:");
        for mode in LayerMode::ALL {
            ui.selectable_value(&mut canvas.layers, mode, mode.label())
                .on_hover_text(match mode {
                    LayerMode::Superficial => "The muscles under the skin",
                    LayerMode::Deep => {
                        "The deep muscles alone (gluteus minimus, piriformis, quadratus lumborum, rhomboids, scalenes…)"
                    }
                    LayerMode::Both => "The deep muscles drawn over the superficial ones",
                });
        }
        ui.separator();
        ui.toggle_value(&mut canvas.mirrored, "Mirror for patient")
            .on_hover_text(
                "Show the drawing as the patient sees themselves, with their right on the right; R and L follow",
            );
        ui.toggle_value(&mut canvas.labels, "Muscle names")
            .on_hover_text("Name the muscles when zoomed in far enough");
        if ui
            .button("Fit")
            .on_hover_text("Show the whole view (or double-click the drawing)")
            .clicked()
        {
            canvas.fit();
        }
    });
}
