//! The questions the app asks and waits for: unsaved changes, a new patient's name,
//! replacing a file, recovered work, a file changed elsewhere; and the read-only banner.
//! An answer is an [`Action`] queued for after the frame: nothing here touches a file.

use std::path::PathBuf;

use egui::RichText;

use crate::app::shell::action::Action;
use crate::app::shell::app::MyomapApp;
use crate::app::shell::command::UiCommand;
use crate::app::shell::prompt::{Prompt, Replacement};
use crate::app::shell::theme::Palette;
use crate::document::Document;
use crate::storage::RecoveryRecord;

impl MyomapApp {
    /// Offers the next recovered session, if any and no other question is open.
    /// Never while unsaved work is open: opening a recovered copy replaces the open session.
    pub(super) fn next_recovery_prompt(&mut self) {
        let busy = self.route.document().is_some_and(Document::is_dirty);
        if self.prompt.is_none()
            && !busy
            && let Some((file, record)) = self.pending_recovery.pop()
        {
            self.prompt = Some(Prompt::Recover {
                file,
                record: Box::new(record),
                comparison: None,
            });
        }
    }

    /// Shows the open question, if any. Each question's function returns the question again
    /// while it waits for an answer, `None` once answered; an answer may raise a new question
    /// (Save can find a conflict), which then takes its place.
    pub(super) fn prompt_ui(&mut self, ctx: &egui::Context) {
        let Some(prompt) = self.prompt.take() else {
            return;
        };
        let mut waiting = None;
        let modal = egui::Modal::new(egui::Id::unique("prompt")).show(ctx, |ui| {
            ui.set_width(420.0);
            waiting = match prompt {
                Prompt::UnsavedChanges { then } => self.unsaved_changes_ui(ui, then),
                Prompt::NewPatient { name } => self.new_patient_ui(ui, name),
                Prompt::EditPatient {
                    original,
                    name,
                    date_of_birth,
                    clinic_ref,
                    refusal,
                } => self.edit_patient_ui(ui, original, [name, date_of_birth, clinic_ref], refusal),
                Prompt::NewCustomView { image, name } => self.new_custom_view_ui(ui, image, name),
                Prompt::ReplaceFile { path, with } => self.replace_file_ui(ui, path, with),
                Prompt::Recover {
                    file,
                    record,
                    comparison,
                } => self.recover_ui(ui, file, record, comparison),
                Prompt::Conflict { deleted, changes } => self.conflict_ui(ui, deleted, changes),
            };
        });
        // Escape or a click outside dismisses the name question only: the others decide
        // what happens to clinical work and need an explicit answer.
        if modal.should_close()
            && matches!(
                waiting,
                Some(
                    Prompt::NewPatient { .. }
                        | Prompt::NewCustomView { .. }
                        | Prompt::EditPatient { .. }
                )
            )
        {
            waiting = None;
        }
        if self.prompt.is_none() {
            self.prompt = waiting;
        }
    }

    fn unsaved_changes_ui(&mut self, ui: &mut egui::Ui, then: Action) -> Option<Prompt> {
        ui.heading("Save changes to this session?");
        let name = self
            .route
            .document()
            .map_or_else(String::new, Document::file_name);
        ui.label(format!(
            "{name} has changes that are not saved. If you don't save, they are lost."
        ));
        ui.add_space(8.0);
        let (save, discard, cancel) = ui
            .horizontal(|ui| {
                (
                    ui.button("Save").clicked(),
                    ui.button("Don't save").clicked(),
                    ui.button("Cancel").clicked(),
                )
            })
            .inner;
        if save {
            self.actions.push(Action::SaveThen(Box::new(then)));
            None
        } else if discard {
            self.actions.push(Action::DiscardThen(Box::new(then)));
            None
        } else if cancel {
            None
        } else {
            Some(Prompt::UnsavedChanges { then })
        }
    }

    fn new_patient_ui(&mut self, ui: &mut egui::Ui, mut name: String) -> Option<Prompt> {
        ui.heading("New patient");
        match name_question(
            ui,
            &mut name,
            "Name or initials, as your clinic shows them:",
            "e.g. J. Smith",
            "Create patient",
        ) {
            Answer::Submit => {
                self.actions.push(Action::CreatePatient(name));
                None
            }
            Answer::Cancel => None,
            Answer::Waiting => Some(Prompt::NewPatient { name }),
        }
    }

    /// The patient's name, date of birth (`YYYY-MM-DD`) and record number; a date or name
    /// that cannot be taken is refused in words under the fields, and nothing is saved.
    fn edit_patient_ui(
        &mut self,
        ui: &mut egui::Ui,
        original: Box<crate::model::Patient>,
        fields: [String; 3],
        mut refusal: Option<String>,
    ) -> Option<Prompt> {
        let [mut name, mut date_of_birth, mut clinic_ref] = fields;
        ui.heading("Edit patient");
        ui.label(
            RichText::new(
                "Each change is kept in the patient's file with its date; signed visits keep printing the details they were signed with.",
            )
            .small()
            .color(Palette::of(ui.ctx()).muted_text),
        );
        ui.add_space(6.0);
        let mut enter = false;
        egui::Grid::new("edit_patient")
            .num_columns(2)
            .show(ui, |ui| {
                let rows = [
                    (
                        "Name or initials",
                        &mut name,
                        "e.g. J. Smith",
                        crate::model::limits::NAME,
                    ),
                    ("Date of birth", &mut date_of_birth, "YYYY-MM-DD", 10),
                    (
                        "Record number",
                        &mut clinic_ref,
                        "the clinic's own",
                        crate::model::limits::ID,
                    ),
                ];
                for (label, text, hint, limit) in rows {
                    let label = ui.label(label);
                    let response = ui
                        .add(
                            egui::TextEdit::singleline(text)
                                .char_limit(limit)
                                .hint_text(hint)
                                .desired_width(260.0),
                        )
                        .labelled_by(label.id);
                    enter |= response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    ui.end_row();
                }
            });
        if let Some(refusal) = &refusal {
            ui.label(RichText::new(refusal).color(Palette::of(ui.ctx()).error));
        }
        ui.add_space(8.0);
        let (save, cancel) = ui
            .horizontal(|ui| {
                (
                    ui.button("Save patient").clicked(),
                    ui.button("Cancel").clicked(),
                )
            })
            .inner;
        if cancel {
            return None;
        }
        if save || enter {
            let today = jiff::ZonedDateTime::now().date();
            match crate::model::PatientDetails::parse(&name, &date_of_birth, &clinic_ref, today) {
                Ok(details) => {
                    self.actions.push(Action::SavePatient { original, details });
                    return None;
                }
                Err(why) => refusal = Some(why),
            }
        }
        Some(Prompt::EditPatient {
            original,
            name,
            date_of_birth,
            clinic_ref,
            refusal,
        })
    }

    fn new_custom_view_ui(
        &mut self,
        ui: &mut egui::Ui,
        image: PathBuf,
        mut name: String,
    ) -> Option<Prompt> {
        ui.heading("Add a custom view");
        ui.label(format!(
            "{} will be copied into this library's views folder. Marks on it are kept in the image's own coordinates.",
            image.file_name().map_or_else(|| image.display().to_string(), |n| n.to_string_lossy().into_owned())
        ));
        match name_question(
            ui,
            &mut name,
            "Name of the view:",
            "e.g. Hand, dorsal",
            "Add view",
        ) {
            Answer::Submit => {
                self.actions.push(Action::AddCustomView { image, name });
                None
            }
            Answer::Cancel => None,
            Answer::Waiting => Some(Prompt::NewCustomView { image, name }),
        }
    }

    fn replace_file_ui(
        &mut self,
        ui: &mut egui::Ui,
        path: PathBuf,
        with: Replacement,
    ) -> Option<Prompt> {
        ui.heading("Replace the existing file?");
        let consequence = match with {
            Replacement::Session => {
                "Replacing it keeps its current contents as a .bak file beside it."
            }
            Replacement::Export(_) => "Replacing it loses what it holds now.",
        };
        ui.label(format!("{} already exists. {consequence}", path.display()));
        let (replace, cancel) = ui
            .horizontal(|ui| {
                (
                    ui.button("Replace").clicked(),
                    ui.button("Cancel").clicked(),
                )
            })
            .inner;
        if replace {
            self.actions.push(match with {
                Replacement::Session => Action::SaveTo(path),
                Replacement::Export(bytes) => Action::WriteExport(path, bytes),
            });
            None
        } else if cancel {
            None
        } else {
            Some(Prompt::ReplaceFile { path, with })
        }
    }

    fn recover_ui(
        &mut self,
        ui: &mut egui::Ui,
        file: PathBuf,
        record: Box<RecoveryRecord>,
        comparison: Option<Vec<String>>,
    ) -> Option<Prompt> {
        ui.heading("Recover unsaved work?");
        let name = record.original.as_ref().map_or_else(
            || format!("a new session of {}", record.session.date()),
            |p| {
                p.file_name()
                    .map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into())
            },
        );
        ui.label(format!(
            "myomap did not close normally. Changes to {name} ({}) were kept, as of {}.",
            record.patient_name,
            record.written_at.strftime("%Y-%m-%d %H:%M:%S")
        ));
        if let Some(lines) = &comparison {
            ui.add_space(6.0);
            if lines.is_empty() {
                ui.label("The recovered copy is the same as the file on disk.");
            } else {
                ui.label("Compared with the file on disk, the recovered copy has:");
                for line in lines {
                    ui.label(format!("• {line}"));
                }
            }
        }
        ui.add_space(8.0);
        let can_compare = record.original.is_some() && comparison.is_none();
        let (open, compare, discard) = ui
            .horizontal(|ui| {
                (
                    ui.button("Open recovered copy").clicked(),
                    can_compare && ui.button("Compare with the file on disk").clicked(),
                    ui.button("Discard recovered copy").clicked(),
                )
            })
            .inner;
        if open {
            self.actions.push(Action::OpenRecovered(record));
            None
        } else if discard {
            self.actions.push(Action::DiscardRecovered(file));
            None
        } else if compare {
            self.actions.push(Action::CompareRecovered { file, record });
            None
        } else {
            Some(Prompt::Recover {
                file,
                record,
                comparison,
            })
        }
    }

    fn conflict_ui(
        &mut self,
        ui: &mut egui::Ui,
        deleted: bool,
        changes: Vec<String>,
    ) -> Option<Prompt> {
        let name = self
            .route
            .document()
            .map_or_else(String::new, Document::file_name);
        if deleted {
            ui.heading("The file was deleted on disk");
            ui.label(format!(
                "{name} was deleted or moved (by another workstation or a sync tool) since you opened it. Your changes are still here."
            ));
        } else {
            ui.heading("The file changed on disk");
            ui.label(format!(
                "{name} was changed by someone else (another workstation or a sync tool) since you opened it. It was not overwritten."
            ));
            if !changes.is_empty() {
                ui.label("Compared with the file on disk, your version has:");
                for line in &changes {
                    ui.label(format!("• {line}"));
                }
            }
        }
        ui.add_space(8.0);
        let (copy, resolve, cancel) = ui
            .horizontal(|ui| {
                let copy = ui.button("Save as a copy…").clicked();
                let resolve = if deleted {
                    ui.button("Save it again here").clicked()
                } else {
                    ui.button("Reload and discard my changes").clicked()
                };
                (copy, resolve, ui.button("Cancel").clicked())
            })
            .inner;
        if copy {
            self.actions.push(Action::Command(UiCommand::SaveAs));
            None
        } else if resolve {
            self.actions.push(if deleted {
                Action::Recreate
            } else {
                Action::Reload
            });
            None
        } else if cancel {
            None
        } else {
            Some(Prompt::Conflict { deleted, changes })
        }
    }

    /// The banner over a session someone else has open.
    pub(super) fn read_only_banner(&mut self, ui: &mut egui::Ui) {
        let Some(holder) = self.route.document().and_then(Document::held_by).cloned() else {
            return;
        };
        let palette = Palette::of(ui.ctx());
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                let why = if holder.is_stale() {
                    format!(
                        "Read-only: left locked by a myomap that is no longer running ({}).",
                        holder.describe()
                    )
                } else {
                    format!("Read-only: this session is {}.", holder.describe())
                };
                ui.label(RichText::new(why).color(palette.warning));
                if ui
                    .button("Take over editing")
                    .on_hover_text(
                        "Edit here instead. Only do this if it is not really being edited elsewhere: two people saving the same session would conflict.",
                    )
                    .clicked()
                {
                    self.actions.push(Action::TakeOver);
                }
            });
        });
        ui.add_space(6.0);
    }
}

/// How a question that asks for a name was answered this frame.
enum Answer {
    Submit,
    Cancel,
    Waiting,
}

/// A labelled name field (focused, Enter submits) with a submit button, enabled once a name
/// is typed, and Cancel.
fn name_question(
    ui: &mut egui::Ui,
    name: &mut String,
    label: &str,
    hint: &str,
    submit: &str,
) -> Answer {
    let label = ui.label(label);
    let response = ui
        .add(
            egui::TextEdit::singleline(name)
                .char_limit(crate::model::limits::NAME)
                .hint_text(hint)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if !response.has_focus() && name.is_empty() {
        response.request_focus();
    }
    let named = !name.trim().is_empty();
    let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    ui.add_space(8.0);
    let (submitted, cancelled) = ui
        .horizontal(|ui| {
            (
                ui.add_enabled(named, egui::Button::new(submit)).clicked(),
                ui.button("Cancel").clicked(),
            )
        })
        .inner;
    if (submitted || enter) && named {
        Answer::Submit
    } else if cancelled {
        Answer::Cancel
    } else {
        Answer::Waiting
    }
}
