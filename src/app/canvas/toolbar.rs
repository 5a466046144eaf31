//! The two rows above the body-map canvas, each one line high at any window size so the map
//! never moves when something in them changes: the map row (which view, muscle layers,
//! mirror, names, safety zones, fit, the side panel) and the tool row (the charting tools as
//! icons, then what the chosen tool makes marks with, or why it cannot). Icons carry their
//! name and shortcut in the tooltip. Changes view state only.

use egui::{Align, Layout, RichText, Sense, TextWrapMode, UiBuilder, WidgetText, vec2};
use egui_material_icons::MaterialIcon;
use egui_material_icons::icons::{
    ICON_ACUPUNCTURE, ICON_ADJUST, ICON_ARROW_OUTWARD, ICON_ARROW_SELECTOR_TOOL, ICON_BRUSH,
    ICON_FIT_SCREEN, ICON_FLIP, ICON_HEALTH_AND_SAFETY, ICON_INK_ERASER, ICON_LABEL,
    ICON_LASSO_SELECT, ICON_LAYERS, ICON_NEUROLOGY, ICON_RIGHT_PANEL_CLOSE, ICON_RIGHT_PANEL_OPEN,
    ICON_STICKY_NOTE_2,
};

use crate::app::canvas::CanvasState;
use crate::app::canvas::custom_views::CustomViews;
use crate::app::canvas::tool::Tool;
use crate::bodymap::BodyMap;
use crate::bodymap::overlays::{OverlayKind, OverlaySet};
use crate::geometry::ViewId;
use crate::model::{NeedleSpec, PainQuality, Session, TissueDepth};
use crate::scene::LayerMode;

/// The full-body views, one click each; the others are in the "Detail" list.
const FULL_BODY: [&str; 4] = ["anterior", "posterior", "left_lateral", "right_lateral"];

/// Short names for the view switcher; the full name is the tooltip.
fn short_name(view: &str) -> &str {
    match view {
        "anterior" => "Front",
        "posterior" => "Back",
        "left_lateral" => "Left side",
        "right_lateral" => "Right side",
        other => other,
    }
}

/// The icon of a tool.
pub fn tool_icon(tool: Tool) -> MaterialIcon {
    match tool {
        Tool::Select => ICON_ARROW_SELECTOR_TOOL,
        Tool::TriggerPoint => ICON_ADJUST,
        Tool::Brush => ICON_BRUSH,
        Tool::Eraser => ICON_INK_ERASER,
        Tool::Lasso => ICON_LASSO_SELECT,
        Tool::Needle => ICON_ACUPUNCTURE,
        Tool::Arrow => ICON_ARROW_OUTWARD,
        Tool::Note => ICON_STICKY_NOTE_2,
    }
}

/// The height of one toolbar row: the same whatever it holds.
fn row_height(ui: &egui::Ui) -> f32 {
    ui.spacing().interact_size.y + 8.0
}

/// A row exactly one line high across the available width: what does not fit is cut off
/// at the right (never wrapped onto a second line, which would move the map below).
fn fixed_row<R>(ui: &mut egui::Ui, add_contents: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let size = vec2(ui.available_width(), row_height(ui));
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    let mut row = ui.new_child(
        UiBuilder::new()
            .max_rect(rect)
            .layout(Layout::left_to_right(Align::Center)),
    );
    row.set_clip_rect(rect.intersect(ui.clip_rect()));
    row.style_mut().wrap_mode = Some(TextWrapMode::Extend);
    add_contents(&mut row)
}

/// An icon button that stays pressed while `on`; `name` is what screen readers (and tests)
/// call it, `tooltip` what the pointer shows.
fn icon_toggle(ui: &mut egui::Ui, on: bool, icon: MaterialIcon, name: &str, tooltip: &str) -> bool {
    let response = ui
        .add(egui::Button::selectable(on, icon.rich_text().size(18.0)))
        .on_hover_text(tooltip);
    let enabled = ui.is_enabled();
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, enabled, on, name));
    response.clicked()
}

/// The map row: the four full-body views one click each, the detail views (head and neck,
/// soles, hands and feet, the library's custom views, any view the session has marks on that
/// this library lacks) in one list, then, at the right, muscle layers, mirror, names, safety
/// zones, fit and the side panel's button. The icons are laid out first and the view switch
/// gets the rest of the row, so the two never overlap; when the four view buttons do not fit
/// there, every view is in the one list. `side_panel`: whether the screen's side panel is
/// shown, when the screen has one that folds.
pub fn map_toolbar(
    ui: &mut egui::Ui,
    map: &BodyMap,
    custom: &CustomViews,
    session: &Session,
    canvas: &mut CanvasState,
    side_panel: Option<&mut bool>,
) {
    fixed_row(ui, |ui| {
        let row = ui.max_rect();
        let mut icons = ui.new_child(
            UiBuilder::new()
                .max_rect(row)
                .layout(Layout::right_to_left(Align::Center)),
        );
        map_icons(&mut icons, canvas, side_panel);
        let left = egui::Rect::from_min_max(
            row.min,
            egui::pos2(
                (icons.min_rect().left() - ui.spacing().item_spacing.x).max(row.left()),
                row.bottom(),
            ),
        );
        let mut views = ui.new_child(
            UiBuilder::new()
                .max_rect(left)
                .layout(Layout::left_to_right(Align::Center)),
        );
        views.set_clip_rect(left.intersect(ui.clip_rect()));
        view_switch(&mut views, map, custom, session, canvas);
    });
}

/// The views of the switch: (id, name, tooltip), the four full-body views first.
fn switch_views(
    map: &BodyMap,
    custom: &CustomViews,
    session: &Session,
) -> Vec<(ViewId, String, &'static str)> {
    let missing = session
        .views_used()
        .into_iter()
        .filter(|v| map.view(v).is_none() && custom.get(v.as_str()).is_none());
    let mut views: Vec<(ViewId, String, &str)> = map
        .views
        .iter()
        .filter(|v| FULL_BODY.contains(&v.id.as_str()))
        .map(|v| (v.id.clone(), v.name.clone(), "A full-body view"))
        .collect();
    views.extend(
        map.views
            .iter()
            .filter(|v| !FULL_BODY.contains(&v.id.as_str()))
            .map(|v| {
                (
                    v.id.clone(),
                    v.name.clone(),
                    "A detail view of the standard map",
                )
            }),
    );
    views.extend(
        custom
            .views
            .iter()
            .map(|v| (v.id(), v.file.name.clone(), "A custom view of this library")),
    );
    views.extend(missing.map(|id| {
        (
            id.clone(),
            format!("{id} (missing)"),
            "This session has marks on a view this library does not have",
        )
    }));
    views
}

/// The width the four view buttons and the detail list need, pt.
fn full_switch_width(ui: &egui::Ui) -> f32 {
    let spacing = ui.spacing();
    let button = |text: &str| {
        let galley = WidgetText::from(text).into_galley(
            ui,
            Some(TextWrapMode::Extend),
            f32::INFINITY,
            egui::TextStyle::Button,
        );
        galley.size().x + 2.0 * spacing.button_padding.x + spacing.item_spacing.x
    };
    let labels: f32 = FULL_BODY.iter().map(|v| button(short_name(v))).sum();
    labels + DETAIL_LIST_WIDTH + 2.0 * spacing.button_padding.x + spacing.icon_width
}

/// The detail list's width, pt.
const DETAIL_LIST_WIDTH: f32 = 110.0;

/// The view buttons and the detail list, or, when they do not fit, one list of every view.
fn view_switch(
    ui: &mut egui::Ui,
    map: &BodyMap,
    custom: &CustomViews,
    session: &Session,
    canvas: &mut CanvasState,
) {
    let views = switch_views(map, custom, session);
    let compact = ui.available_width() < full_switch_width(ui);
    let full_body = views
        .iter()
        .take_while(|(id, ..)| FULL_BODY.contains(&id.as_str()))
        .count();
    let (buttons, details) = views.split_at(full_body);
    if !compact {
        for (id, name, _) in buttons {
            let number = view_number(map, id)
                .map(|n| format!(" ({n})"))
                .unwrap_or_default();
            if ui
                .selectable_label(canvas.memory.view == *id, short_name(id.as_str()))
                .on_hover_text(format!("{name}{number}"))
                .clicked()
            {
                canvas.memory.set_view(id.clone());
            }
        }
    }
    let listed = if compact { &views[..] } else { details };
    // What screen readers (and tests) call the list.
    let name = if compact { "Views" } else { "Detail views" };
    let text = match listed.iter().find(|(id, ..)| *id == canvas.memory.view) {
        Some((_, view, _)) => RichText::new(view.as_str()).strong(),
        None => RichText::new(name),
    };
    let width = if compact {
        (ui.available_width() - 2.0 * ui.spacing().button_padding.x - ui.spacing().icon_width)
            .max(40.0)
    } else {
        DETAIL_LIST_WIDTH
    };
    egui::ComboBox::from_id_salt("detail_views")
        .selected_text(text)
        .width(width)
        .truncate()
        .show_ui(ui, |ui| {
            for (id, name, tooltip) in listed {
                let number = view_number(map, id)
                    .map(|n| format!(" ({n})"))
                    .unwrap_or_default();
                if ui
                    .selectable_label(canvas.memory.view == *id, name.as_str())
                    .on_hover_text(format!("{tooltip}{number}"))
                    .clicked()
                {
                    canvas.memory.set_view(id.clone());
                }
            }
        })
        .response
        .on_hover_text(if compact {
            "Every view: full body, head and neck, hands and feet, and the library's own"
        } else {
            "Head and neck, soles, hands and feet, and the library's own views"
        })
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, name));
}

/// The map row's icons, laid out right to left: the side panel's button, fit, safety zones,
/// muscle names, mirror, overlays and muscle layers.
fn map_icons(ui: &mut egui::Ui, canvas: &mut CanvasState, side_panel: Option<&mut bool>) {
    if let Some(open) = side_panel {
        let (icon, tip) = if *open {
            (ICON_RIGHT_PANEL_CLOSE, "Hide the side panel")
        } else {
            (ICON_RIGHT_PANEL_OPEN, "Show the side panel")
        };
        if icon_toggle(ui, *open, icon, "Side panel", tip) {
            *open = !*open;
        }
        ui.separator();
    }
    if icon_toggle(
        ui,
        false,
        ICON_FIT_SCREEN,
        "Fit",
        "Fit: show the whole view (Home or 0, or double-click the drawing)",
    ) {
        canvas.memory.fit();
    }
    let memory = &mut canvas.memory;
    if icon_toggle(
        ui,
        memory.safety_zones,
        ICON_HEALTH_AND_SAFETY,
        "Safety zones",
        "Safety zones: where needling needs particular care (lung and pleura, neck vessels, femoral triangle, popliteal fossa, sciatic nerve, kidneys, wrist, ankle…)",
    ) {
        memory.safety_zones = !memory.safety_zones;
    }
    if icon_toggle(
        ui,
        memory.labels,
        ICON_LABEL,
        "Muscle names",
        "Muscle names, when zoomed in far enough",
    ) {
        memory.labels = !memory.labels;
    }
    if icon_toggle(
        ui,
        memory.mirrored,
        ICON_FLIP,
        "Mirror for patient",
        "Mirror for the patient: the drawing as the patient sees themselves, their right on the right; R and L follow",
    ) {
        memory.mirrored = !memory.mirrored;
    }
    overlay_menu(ui, &mut memory.overlays);
    // The muscle layers: an icon opening the three choices, pressed while deep muscles are
    // shown.
    let layers = memory.layers;
    let (response, _) = egui::containers::menu::MenuButton::from_button(egui::Button::selectable(
        layers != LayerMode::Superficial,
        ICON_LAYERS.rich_text().size(18.0),
    ))
    .ui(ui, |ui| {
        for mode in LayerMode::ALL {
            if ui
                .selectable_label(memory.layers == mode, mode.label())
                .on_hover_text(layer_tooltip(mode))
                .clicked()
            {
                memory.layers = mode;
                ui.close();
            }
        }
    });
    let response = response.on_hover_text(format!(
        "Muscle layers: {} shown (superficial, deep, or both)",
        layers.label().to_lowercase()
    ));
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, "Muscle layers"));
}

/// The overlays' icon, opening a switch for each (dermatomes, cutaneous nerve fields, bony
/// landmarks) with its caveat and source; pressed while any is shown.
pub fn overlay_menu(ui: &mut egui::Ui, shown: &mut OverlaySet) {
    let (response, _) = egui::containers::menu::MenuButton::from_button(egui::Button::selectable(
        !shown.is_empty(),
        ICON_NEUROLOGY.rich_text().size(18.0),
    ))
    .ui(ui, |ui| overlay_switches(ui, shown, true));
    let response = response.on_hover_text(
        "Overlays: dermatomes, cutaneous nerve fields and bony landmarks, to tell referred \
         pain from radicular or nerve pain",
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, "Overlays"));
}

/// A checkbox for each overlay, each with its caveat and source under it when `notes`.
pub fn overlay_switches(ui: &mut egui::Ui, shown: &mut OverlaySet, notes: bool) {
    let overlays = crate::bodymap::overlays::overlays();
    for kind in OverlayKind::ALL {
        let Some(layer) = overlays.layer(kind) else {
            continue;
        };
        let mut on = shown.shows(kind);
        let response = ui
            .checkbox(&mut on, layer.name.as_str())
            .on_hover_text(format!("{}\n\nSource: {}", layer.caveat, layer.source));
        if response.changed() {
            *shown = shown.with(kind, on);
        }
        if notes {
            ui.add(
                egui::Label::new(RichText::new(&layer.caveat).small().weak())
                    .wrap_mode(TextWrapMode::Wrap),
            );
        }
    }
}

/// The digit key that shows a view of the standard map (1–9 in the map's order).
pub fn view_number(map: &BodyMap, view: &ViewId) -> Option<usize> {
    map.views
        .iter()
        .position(|v| v.id == *view)
        .map(|i| i + 1)
        .filter(|n| *n <= 9)
}

fn layer_tooltip(mode: LayerMode) -> &'static str {
    match mode {
        LayerMode::Superficial => "The muscles under the skin",
        LayerMode::Deep => {
            "The deep muscles alone (gluteus minimus, piriformis, quadratus lumborum, rhomboids, scalenes…)"
        }
        LayerMode::Both => "The deep muscles drawn over the superficial ones",
    }
}

/// What the tool row shows after the tools when the chosen tool cannot be used.
pub enum ToolNotice<'a> {
    /// The tool can be used.
    None,
    /// The session is read-only: why, and what to do instead (a signed session: add an
    /// addendum); `action` names the button, if there is one.
    ReadOnly {
        why: &'a str,
        action: Option<&'a str>,
    },
    /// The needle tool is locked: what is missing.
    NeedleLocked(&'a [String]),
}

/// What the user asked of the tool row's notice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeAction {
    /// The read-only notice's button (e.g. "Add an addendum…").
    ReadOnlyAction,
    /// "Open the record" from the needle lock.
    OpenRecord,
    /// "Override…" from the needle lock.
    Override,
}

/// The tool row: the charting tools as icons, then what new marks are made with, or why
/// the tool cannot be used. Returns what the notice's buttons asked for.
pub fn tool_toolbar(
    ui: &mut egui::Ui,
    canvas: &mut CanvasState,
    notice: &ToolNotice<'_>,
) -> Option<NoticeAction> {
    let palette_warning = crate::app::shell::theme::Palette::of(ui.ctx()).warning;
    fixed_row(ui, |ui| {
        let editable = !matches!(notice, ToolNotice::ReadOnly { .. });
        ui.add_enabled_ui(editable, |ui| {
            for tool in Tool::ALL {
                let key = tool.key().name();
                if icon_toggle(
                    ui,
                    canvas.tools.tool == tool,
                    tool_icon(tool),
                    tool.label(),
                    &format!("{} ({key}): {}", tool.label(), tool.tooltip()),
                ) {
                    canvas.tools.tool = tool;
                    canvas.tools.gesture = None;
                }
            }
        });
        ui.separator();
        match notice {
            ToolNotice::ReadOnly { why, action } => {
                // The button first, so a narrow window cuts off words, not the way out.
                let clicked = action.is_some_and(|action| ui.button(action).clicked());
                // Cut with an ellipsis where the row ends; the whole text is the tooltip.
                ui.add(egui::Label::new(RichText::new(*why).color(palette_warning)).truncate())
                    .on_hover_text(*why);
                return clicked.then_some(NoticeAction::ReadOnlyAction);
            }
            ToolNotice::NeedleLocked(missing) if canvas.tools.tool == Tool::Needle => {
                let mut asked = None;
                if ui
                    .button("Open the record")
                    .on_hover_text("Review screening and record consent")
                    .clicked()
                {
                    asked = Some(NoticeAction::OpenRecord);
                }
                if ui
                    .button("Override…")
                    .on_hover_text("Needle anyway, with a reason that is kept in the record")
                    .clicked()
                {
                    asked = Some(NoticeAction::Override);
                }
                let why = format!(
                    "Needle sites are locked for this session: {}",
                    missing.join("; ")
                );
                ui.add(egui::Label::new(RichText::new(&why).color(palette_warning)).truncate())
                    .on_hover_text(why);
                return asked;
            }
            ToolNotice::NeedleLocked(_) | ToolNotice::None => {}
        }
        tool_settings(ui, canvas);
        None
    })
}

/// What the chosen tool makes new marks with, on one line, or what it does.
fn tool_settings(ui: &mut egui::Ui, canvas: &mut CanvasState) {
    let tool = canvas.tools.tool;
    let settings = &mut canvas.tools.settings;
    match tool {
        Tool::Brush | Tool::Eraser | Tool::Lasso => {
            if tool != Tool::Lasso {
                ui.add(
                    egui::DragValue::new(&mut settings.brush_radius)
                        .range(2.0..=60.0)
                        .speed(0.3)
                        .prefix("size ")
                        .suffix(" mm")
                        .fixed_decimals(0),
                )
                .on_hover_text("Brush radius on the body, mm ([ and ] change it)");
            }
            if tool != Tool::Eraser {
                ui.add(
                    egui::DragValue::new(&mut settings.intensity)
                        .range(0..=10)
                        .prefix("intensity ")
                        .suffix("/10"),
                )
                .on_hover_text("Pain intensity of the painted area, 0–10");
                egui::ComboBox::from_id_salt("brush_quality")
                    .selected_text(settings.quality.label())
                    .width(96.0)
                    .show_ui(ui, |ui| {
                        for quality in PainQuality::ALL {
                            ui.selectable_value(&mut settings.quality, quality, quality.label());
                        }
                    })
                    .response
                    .on_hover_text("Pain quality of the painted area");
                egui::ComboBox::from_id_salt("brush_depth")
                    .selected_text(match settings.depth {
                        TissueDepth::Superficial => "superficial",
                        TissueDepth::Deep => "deep",
                    })
                    .width(90.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(
                            &mut settings.depth,
                            TissueDepth::Superficial,
                            "superficial",
                        );
                        ui.selectable_value(&mut settings.depth, TissueDepth::Deep, "deep");
                    })
                    .response
                    .on_hover_text("Felt in the skin (superficial) or deep");
            }
        }
        Tool::Needle => {
            egui::ComboBox::from_id_salt("tool_needle")
                .selected_text(settings.needle.label())
                .width(120.0)
                .show_ui(ui, |ui| {
                    for spec in NeedleSpec::COMMON {
                        ui.selectable_value(&mut settings.needle, spec, spec.label());
                    }
                })
                .response
                .on_hover_text("The needle new sites are charted with (the last one used)");
            ui.label(RichText::new(settings.technique.label()).weak())
                .on_hover_text("The technique new sites are charted with (the last one used)");
        }
        Tool::Select | Tool::TriggerPoint | Tool::Arrow | Tool::Note => {
            ui.label(RichText::new(tool.tooltip()).weak());
        }
    }
}
