//! The first screen of an empty library: start charting, explore the demo, or open files.
//! Returns the command chosen; opens nothing itself.

use std::path::{Path, PathBuf};

use egui::RichText;

use crate::app::shell::action::Action;
use crate::app::shell::command::UiCommand;
use crate::app::shell::theme::Palette;

pub fn welcome_ui(
    ui: &mut egui::Ui,
    // Each recent session's label (patient · date · library) and file.
    recent_files: &[(String, PathBuf)],
    library: Option<&Path>,
) -> Option<Action> {
    let palette = Palette::of(ui.ctx());
    let mut action = None;
    ui.vertical_centered(|ui| {
        ui.add_space((ui.available_height() * 0.18).min(140.0));
        ui.label(RichText::new("myomap").size(40.0).strong());
        ui.label(
            RichText::new(
                "Chart trigger points, referred pain and dry-needling sites on body maps, \
                 and follow each patient's progress across visits.",
            )
            .size(16.0)
            .color(palette.muted_text),
        );
        ui.add_space(28.0);

        let big = |text: &str| egui::Button::new(RichText::new(text).size(18.0)).min_size([300.0, 44.0].into());
        if ui
            .add(big(UiCommand::NewPatient.label()))
            .on_hover_text(UiCommand::NewPatient.tooltip())
            .clicked()
        {
            action = Some(Action::Command(UiCommand::NewPatient));
        }
        ui.add_space(8.0);
        if ui
            .add(big(UiCommand::ExploreDemo.label()))
            .on_hover_text(UiCommand::ExploreDemo.tooltip())
            .clicked()
        {
            action = Some(Action::Command(UiCommand::ExploreDemo));
        }
        ui.add_space(16.0);
        ui.horizontal(|ui| {
            // Centre the two smaller buttons under the big ones.
            ui.add_space((ui.available_width() - 300.0).max(0.0) / 2.0);
            if ui
                .add(egui::Button::new(UiCommand::OpenLibrary.label()).min_size([146.0, 30.0].into()))
                .on_hover_text(UiCommand::OpenLibrary.tooltip())
                .clicked()
            {
                action = Some(Action::Command(UiCommand::OpenLibrary));
            }
            if ui
                .add(egui::Button::new(UiCommand::Open.label()).min_size([146.0, 30.0].into()))
                .on_hover_text(UiCommand::Open.tooltip())
                .clicked()
            {
                action = Some(Action::Command(UiCommand::Open));
            }
        });

        if !recent_files.is_empty() {
            ui.add_space(24.0);
            ui.label(RichText::new("Recent sessions").strong());
            for (label, path) in recent_files.iter().take(5) {
                if ui
                    .link(label)
                    .on_hover_text(path.display().to_string())
                    .clicked()
                {
                    action = Some(Action::OpenSession(path.clone()));
                }
            }
        }

        if let Some(library) = library {
            ui.add_space(24.0);
            ui.label(
                RichText::new(format!(
                    "Your library is empty. It lives in {}; files are readable by you only, and myomap never connects to a network.",
                    library.display()
                ))
                .color(palette.muted_text),
            );
        }
    });
    action
}
