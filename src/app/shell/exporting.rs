//! File → Export: the view on screen as PNG or SVG, the session report and the patient's
//! handout as PDF, the selected patient's needling log as CSV. The same functions as the
//! command line; an existing file is replaced only after asking.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::app::shell::app::MyomapApp;
use crate::app::shell::command::UiCommand;
use crate::app::shell::file_dialogs::PathQuestion;
use crate::app::shell::prompt::{Prompt, Replacement};
use crate::bodymap::standard;
use crate::export::handout::patient_handout;
use crate::export::report::{ReportInput, session_report};
use crate::model::Patient;
use crate::render::{Base, Marks, RenderOptions, chart_png, chart_svg, width_for_height};

/// Exported view images are this tall: sharp in print and on a referrer's screen.
const EXPORT_HEIGHT_PX: u32 = 2000;

/// Whether two paths name the same file (either may not exist yet).
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// A file-name-safe form of a name: letters and digits, words joined by '-'.
fn slug(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
        .to_lowercase()
}

impl MyomapApp {
    /// The open session's patient: from its library when it is open, else from the file
    /// beside the session; for a signed visit, as they were when it was signed.
    fn document_patient(&self) -> Option<Patient> {
        let doc = self.route.document()?;
        self.library
            .as_ref()
            .and_then(|l| l.patient(doc.session().patient_id))
            .map(|p| p.for_visit(doc.session()))
            .or_else(|| {
                doc.path()
                    .and_then(|p| crate::export::patient_of(p, doc.session()))
            })
    }

    fn file_stem(&self, what: &str) -> Option<String> {
        let doc = self.route.document()?;
        Some(format!(
            "{}-{}-{what}",
            doc.session().date(),
            slug(doc.patient_name())
        ))
    }

    /// File → Export view as PNG (or, with `svg`, as SVG).
    pub(super) fn export_view(&mut self, svg: bool) {
        let (kind, extension) = if svg { ("SVG", "svg") } else { ("PNG", "png") };
        let view = self.canvas.memory.view.as_str().to_owned();
        let Some(suggested) = self.file_stem(&slug(&view)) else {
            return;
        };
        let command = if svg {
            UiCommand::ExportSvg
        } else {
            UiCommand::ExportPng
        };
        let suggested = format!("{suggested}.{extension}");
        let Some(path) = self.export_path(command, kind, extension, &suggested) else {
            return;
        };
        let Some(doc) = self.route.document() else {
            return;
        };
        let map = &standard().map;
        let base = match (
            map.view(&self.canvas.memory.view),
            self.custom_views.get(&view),
        ) {
            (None, Some(custom)) => Base::Diagram(custom),
            _ => Base::Map(map, &view),
        };
        let patient = self.document_patient();
        let label = crate::export::patient_label(patient.as_ref(), doc.session());
        let bytes = width_for_height(base, EXPORT_HEIGHT_PX).and_then(|width| {
            let options = RenderOptions {
                layers: self.canvas.memory.layers,
                labels: self.canvas.memory.labels,
                mirrored: self.canvas.memory.mirrored,
                ..RenderOptions::new(width, EXPORT_HEIGHT_PX)
            };
            let marks = Marks::Session {
                session: doc.session(),
                patient: &label,
            };
            if svg {
                chart_svg(base, marks, &options).map(String::into_bytes)
            } else {
                chart_png(base, marks, &options)
            }
        });
        self.deliver(path, kind, bytes.map_err(|e| e.to_string()));
    }

    /// File → Export session report (or, with `handout`, the patient's handout).
    pub(super) fn export_report(&mut self, handout: bool) {
        let what = if handout { "handout" } else { "report" };
        let Some(suggested) = self.file_stem(what) else {
            return;
        };
        let command = if handout {
            UiCommand::ExportHandout
        } else {
            UiCommand::ExportReport
        };
        let Some(path) = self.export_path(command, "PDF", "pdf", &format!("{suggested}.pdf"))
        else {
            return;
        };
        let Some(doc) = self.route.document() else {
            return;
        };
        let map = &standard().map;
        let patient = self.document_patient();
        // The patient's latest earlier visit: from the visits the library has listed, else
        // from the session's folder (a session opened on its own).
        let listed = self.library.as_ref().and_then(|state| {
            state
                .sessions
                .iter()
                .map(|e| &e.session)
                .filter(|s| {
                    s.patient_id == doc.session().patient_id
                        && s.id != doc.session().id
                        && s.started_at < doc.session().started_at
                })
                .max_by_key(|s| s.started_at)
                .cloned()
        });
        let previous = listed.or_else(|| {
            doc.path()
                .and_then(|p| crate::export::previous_visit(p, doc.session()))
                .map(|(_, s)| s)
        });
        let library = self
            .library
            .as_ref()
            .map(|l| l.library.clone())
            .or_else(|| doc.library().cloned());
        let aftercare_template = library
            .and_then(|l| l.aftercare_template().ok())
            .unwrap_or_else(|| crate::model::DEFAULT_AFTERCARE.to_owned());
        let input = ReportInput {
            session: doc.session(),
            patient: patient.as_ref(),
            previous: previous.as_ref(),
            map,
            aftercare_template: &aftercare_template,
            custom_views: &self.custom_views.views,
        };
        let bytes = if handout {
            patient_handout(&input)
        } else {
            session_report(&input)
        };
        self.deliver(path, "PDF", bytes.map_err(|e| e.to_string()));
    }

    /// File → Export needling log: the selected patient's, over all their sessions.
    pub(super) fn export_csv(&mut self) {
        let Some(entry) = self.library.as_ref().and_then(|state| {
            state
                .selected
                .and_then(|id| state.patients.iter().find(|p| p.patient.id == id))
                .cloned()
        }) else {
            self.notifications.info(
                "Select a patient in the library first: the log covers all of their sessions.",
            );
            return;
        };
        let suggested = format!("{}-needling-log.csv", slug(&entry.patient.display_name));
        let Some(path) = self.export_path(UiCommand::ExportCsv, "CSV", "csv", &suggested) else {
            return;
        };
        let style = crate::export::csv::CsvStyle {
            decimal_comma: self.prefs.csv_decimal_comma,
            ..Default::default()
        };
        let bytes = match crate::export::csv::patient_log(&entry.dir, &standard().map, style) {
            Ok(log) if !log.unreadable.is_empty() => Err(format!(
                "{} of this patient could not be read, so the log would be incomplete: {}",
                crate::words::count(log.unreadable.len(), "session file", "session files"),
                log.unreadable
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            )),
            Ok(log) => {
                for other in &log.other_patients {
                    self.notifications.warning(format!(
                        "{} belongs to another patient and is left out of the log.",
                        other.display()
                    ));
                }
                Ok(log.csv.into_bytes())
            }
            Err(error) => Err(error.to_string()),
        };
        self.deliver(path, "CSV", bytes);
    }

    /// The progress report (PDF) of the patient on the progress screen, for the period set
    /// there: checked before asking where to write it, so a bad date or an empty period is
    /// said at once.
    pub(super) fn export_progress_report(&mut self) {
        use crate::export::progress_report::{PatientRecords, Period, progress_report};
        let Some(state) = self.route.progress() else {
            return;
        };
        let Some(patient_dir) = state
            .visits
            .first()
            .and_then(|(path, _)| path.parent()?.parent())
            .map(Path::to_path_buf)
        else {
            return;
        };
        let day = |text: &str, which: &str| {
            text.trim().parse::<jiff::civil::Date>().map_err(|_| {
                format!("The report's {which} date \"{text}\" is not a date; write YYYY-MM-DD.")
            })
        };
        let period = day(&state.report_from, "first")
            .and_then(|from| Ok((from, day(&state.report_to, "last")?)))
            .and_then(|(from, to)| Period::new(from, to).map_err(|e| e.to_string()));
        let suggested = format!(
            "{}-progress-report-{}-to-{}.pdf",
            slug(&state.patient_name),
            state.report_from.trim(),
            state.report_to.trim()
        );
        let bytes = period.and_then(|period| {
            let records = PatientRecords::load(&patient_dir).map_err(|e| e.to_string())?;
            let input = records
                .input(&standard().map, period)
                .map_err(|e| e.to_string())?;
            progress_report(&input).map_err(|e| e.to_string())
        });
        if let Err(error) = &bytes {
            self.notifications
                .error(format!("Could not make the progress report: {error}"));
            return;
        }
        let Some(path) =
            self.export_path(UiCommand::ExportProgressReport, "PDF", "pdf", &suggested)
        else {
            return;
        };
        self.deliver(path, "progress report", bytes);
    }

    /// Asks where to write an export (suggesting `suggested`); never the open session's own
    /// file. The export is made only once the place is chosen.
    fn export_path(
        &mut self,
        command: UiCommand,
        kind: &str,
        extension: &str,
        suggested: &str,
    ) -> Option<PathBuf> {
        let question = PathQuestion::Export {
            kind: kind.to_owned(),
            extension: extension.to_owned(),
            suggested: suggested.to_owned(),
        };
        let mut path = self.ask_path(command, question)?;
        if path.extension().is_none() {
            path.set_extension(extension);
        }
        if let Err(refused) = crate::export::refuse_record_target(&path) {
            self.notifications.error(refused);
            return None;
        }
        let open = self.route.document().and_then(|d| d.path());
        if open.is_some_and(|open| same_file(open, &path)) {
            self.notifications.error(format!(
                "{} is the open session's own file; choose another name for the {kind}.",
                path.display()
            ));
            return None;
        }
        Some(path)
    }

    /// Writes a finished export to `path`, asking first when the file exists.
    fn deliver(&mut self, path: PathBuf, kind: &str, bytes: Result<Vec<u8>, String>) {
        match bytes {
            Err(error) => self
                .notifications
                .error(format!("Could not export the {kind}: {error}")),
            Ok(bytes) if path.exists() => {
                self.prompt = Some(Prompt::ReplaceFile {
                    path,
                    with: Replacement::Export(Arc::new(bytes)),
                });
            }
            Ok(bytes) => self.write_export(&path, &bytes),
        }
    }

    /// Writes an export atomically and says where it went.
    pub(super) fn write_export(&mut self, path: &Path, bytes: &[u8]) {
        if let Err(refused) = crate::export::refuse_record_target(path) {
            self.notifications.error(refused);
            return;
        }
        match crate::storage::replace_atomically(path, bytes) {
            Ok(()) => self
                .notifications
                .success(format!("Exported {}", path.display())),
            Err(error) => self
                .notifications
                .error(format!("Could not write {}: {error}", path.display())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn file_names_keep_letters_and_digits_only() {
        assert_eq!(slug("Tomás Ferreira (demo)"), "tomás-ferreira-demo");
        assert_eq!(slug("../../etc"), "etc");
        assert_eq!(slug(""), "");
    }
}
