//! The toolbar above the body-map canvas: which view, which muscle layer, the patient-facing
//! mirror, labels, and fitting the drawing. Changes view state only.

use super::canvas::CanvasState;
use super::custom_views::CustomViews;
use crate::bodymap::BodyMap;
use crate::geometry::ViewId;
use crate::model::Session;
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

/// The toolbar: the standard views, then the library's custom views, then any view the
/// session has marks on that this library lacks (so those marks can still be looked at).
pub fn map_toolbar(
    ui: &mut egui::Ui,
    map: &BodyMap,
    custom: &CustomViews,
    session: &Session,
    canvas: &mut CanvasState,
) {
    let mut missing: Vec<ViewId> = session
        .views_used()
        .into_iter()
        .filter(|v| map.view(v).is_none() && custom.get(v.as_str()).is_none())
        .collect();
    missing.dedup();
    ui.horizontal_wrapped(|ui| {
        let mut button = |ui: &mut egui::Ui, id: &ViewId, text: &str, tooltip: &str| {
            if ui
                .selectable_label(canvas.view == *id, text)
                .on_hover_text(tooltip)
                .clicked()
            {
                canvas.set_view(id.clone());
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
