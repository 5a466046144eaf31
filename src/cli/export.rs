//! `myomap render`, `myomap report`, `myomap progress-report` and `myomap export-csv`: charts,
//! reports, handouts, progress reports and the needling log written to files, never over an
//! existing file without `--force`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::bodymap::standard;
use crate::export::handout::patient_handout;
use crate::export::report::{LoadedSession, session_report};
use crate::render::{Base, Marks, RenderOptions, chart_png, chart_svg, height_for_width};

#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// The session file (.ron).
    pub session: PathBuf,
    /// The view to draw (see `myomap maps`).
    #[arg(long, value_name = "VIEW")]
    pub view: String,
    /// The image to write: .png, or .svg for a vector drawing.
    #[arg(short = 'o', long = "output", value_name = "OUT.png")]
    pub output: PathBuf,
    /// Image width in pixels; the height follows the view.
    #[arg(long, default_value_t = 800, value_name = "PX")]
    pub width: u32,
    /// Image height in pixels, instead of following the view.
    #[arg(long, value_name = "PX")]
    pub height: Option<u32>,
    /// Another visit of the patient: draw the difference map between the two (new,
    /// resolved and persisting pain; matched trigger points) instead of the marks.
    #[arg(long, value_name = "OTHER.ron")]
    pub against: Option<PathBuf>,
    #[command(flatten)]
    pub look: super::LookArgs,
    /// Leave out the clinician's text notes and arrow labels.
    #[arg(long)]
    pub no_notes: bool,
    /// Replace OUT if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The session file (.ron).
    pub session: PathBuf,
    /// The PDF to write.
    #[arg(short = 'o', long = "output", value_name = "OUT.pdf")]
    pub output: PathBuf,
    /// The patient's handout instead of the clinical report: today's chart without notes,
    /// the muscles treated in plain words, aftercare and red flags, the next appointment.
    #[arg(long)]
    pub handout: bool,
    /// Replace OUT.pdf if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, clap::Args)]
pub struct ProgressReportArgs {
    /// The patient's folder in a library (it holds patient.ron and sessions/).
    pub patient_dir: PathBuf,
    /// The first day of the period of care, YYYY-MM-DD (its visits are included).
    #[arg(long, value_name = "DATE")]
    pub from: String,
    /// The last day of the period of care, YYYY-MM-DD (its visits are included).
    #[arg(long, value_name = "DATE")]
    pub to: String,
    /// The PDF to write.
    #[arg(short = 'o', long = "output", value_name = "OUT.pdf")]
    pub output: PathBuf,
    /// Replace OUT.pdf if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, clap::Args)]
pub struct ExportCsvArgs {
    /// The patient's folder in a library (it holds patient.ron and sessions/).
    pub patient_dir: PathBuf,
    /// The CSV file to write.
    #[arg(short = 'o', long = "output", value_name = "OUT.csv")]
    pub output: PathBuf,
    /// Replace OUT.csv if it exists.
    #[arg(long)]
    pub force: bool,
    /// Leave out the UTF-8 byte-order mark (written by default so spreadsheet programs read
    /// accented and non-Latin names correctly).
    #[arg(long)]
    pub no_bom: bool,
    /// Semicolons between fields and decimal commas (0,25), for spreadsheets in locales that
    /// write decimals with a comma.
    #[arg(long)]
    pub decimal_comma: bool,
}

fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("myomap: {message}");
    ExitCode::FAILURE
}

fn is_svg(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("svg"))
}

pub fn render(args: &RenderArgs) -> ExitCode {
    let map = &standard().map;
    let loaded = match LoadedSession::load(&args.session, false) {
        Ok(loaded) => loaded,
        Err(error) => return fail(error),
    };
    if let Some(problem) = crate::export::patient_problem(&loaded.path) {
        eprintln!("myomap: warning: {problem}");
    }
    let other = match &args.against {
        Some(path) => match crate::storage::load_session(path) {
            Ok(other) if other.patient_id != loaded.session.patient_id => {
                return fail(format!(
                    "{} is another patient's session; a difference map compares two visits of one patient",
                    path.display()
                ));
            }
            Ok(other) => Some(other),
            Err(error) => return fail(error),
        },
        None => None,
    };
    // A view of the standard map, else one of the library's custom views (a clinic's own
    // diagram), else the standard map's error naming its views.
    let custom = if map
        .view(&crate::geometry::ViewId::new(&args.view))
        .is_none()
    {
        loaded.custom_views.iter().find(|c| c.file.id == args.view)
    } else {
        None
    };
    // A custom view left out for a problem is named with that problem, not as unknown.
    let left_out = format!("Custom view {} (", args.view);
    if custom.is_none()
        && let Some(problem) = loaded
            .custom_view_problems
            .iter()
            .find(|p| p.starts_with(&left_out))
    {
        return fail(problem);
    }
    let base = custom.map_or(Base::Map(map, &args.view), Base::Diagram);
    let height = match args.height {
        Some(height) => Ok(height),
        None => height_for_width(base, args.width),
    };
    let height = match height {
        Ok(height) => height,
        Err(error) => return fail(error),
    };
    let options = RenderOptions {
        notes: !args.no_notes,
        ..args.look.options(args.width, height)
    };
    let patient = crate::export::patient_label(loaded.patient.as_ref(), &loaded.session);
    let marks = match &other {
        None => Marks::Session {
            session: &loaded.session,
            patient: &patient,
        },
        Some(other) => {
            let (earlier, later) = if other.started_at <= loaded.session.started_at {
                (other, &loaded.session)
            } else {
                (&loaded.session, other)
            };
            Marks::Difference {
                earlier,
                later,
                patient: &patient,
            }
        }
    };
    let bytes = if is_svg(&args.output) {
        chart_svg(base, marks, &options).map(String::into_bytes)
    } else {
        chart_png(base, marks, &options)
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(error) => return fail(error),
    };
    super::write_and_report(
        &args.output,
        &bytes,
        args.force,
        &format!("{} × {height} px", args.width),
    )
}

pub fn report(args: &ReportArgs) -> ExitCode {
    let map = &standard().map;
    let loaded = match LoadedSession::load(&args.session, !args.handout) {
        Ok(loaded) => loaded,
        Err(error) => return fail(error),
    };
    if let Some(problem) = crate::export::patient_problem(&loaded.path) {
        eprintln!("myomap: warning: {problem}");
    }
    let input = loaded.input(map);
    let bytes = if args.handout {
        patient_handout(&input)
    } else {
        session_report(&input)
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(error) => return fail(error),
    };
    let what = match &loaded.previous {
        _ if args.handout => "patient handout".to_owned(),
        Some(previous) => format!("session report, compared with {}", previous.date()),
        None => "session report".to_owned(),
    };
    super::write_and_report(&args.output, &bytes, args.force, &what)
}

pub fn export_csv(args: &ExportCsvArgs) -> ExitCode {
    let map = &standard().map;
    let style = crate::export::csv::CsvStyle {
        byte_order_mark: !args.no_bom,
        decimal_comma: args.decimal_comma,
    };
    let log = match crate::export::csv::patient_log(&args.patient_dir, map, style) {
        Ok(log) => log,
        Err(error) => return fail(error),
    };
    if !log.unreadable.is_empty() {
        for error in &log.unreadable {
            eprintln!("myomap: {error}");
        }
        return fail(format!(
            "{} of this patient could not be read; fix them (see `myomap check`) so the log is complete",
            crate::words::count(log.unreadable.len(), "session file", "session files")
        ));
    }
    for path in &log.other_patients {
        eprintln!(
            "myomap: {} belongs to another patient and is left out of this log",
            path.display()
        );
    }
    super::write_and_report(
        &args.output,
        log.csv.as_bytes(),
        args.force,
        &format!("{} needle sites", log.rows),
    )
}

pub fn progress_report(args: &ProgressReportArgs) -> ExitCode {
    use crate::export::progress_report::{
        PatientRecords, Period, ProgressReportError, progress_report,
    };
    let (from, to) = match (
        super::day("--from", &args.from),
        super::day("--to", &args.to),
    ) {
        (Ok(from), Ok(to)) => (from, to),
        (Err(message), _) | (_, Err(message)) => return fail(message),
    };
    let period = match Period::new(from, to) {
        Ok(period) => period,
        Err(ProgressReportError::PeriodReversed { from, to }) => {
            return fail(format!(
                "--from {from} is after --to {to}: the period of care must start on or before the day it ends"
            ));
        }
        Err(error) => return fail(error),
    };
    let records = match PatientRecords::load(&args.patient_dir) {
        Ok(records) => records,
        Err(error) => return fail(error),
    };
    for path in &records.other_patients {
        eprintln!(
            "myomap: warning: {} belongs to another patient and is left out of this report",
            crate::storage::shown(path)
        );
    }
    let input = match records.input(&standard().map, period) {
        Ok(input) => input,
        Err(error) => return fail(error),
    };
    let bytes = match progress_report(&input) {
        Ok(bytes) => bytes,
        Err(error) => return fail(error),
    };
    let visits = input.sessions.len();
    super::write_and_report(
        &args.output,
        &bytes,
        args.force,
        &format!(
            "progress report, {} from {period}",
            crate::words::count(visits, "visit", "visits")
        ),
    )
}
