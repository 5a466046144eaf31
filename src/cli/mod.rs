//! The command line (a contract: tests and reviewers rely on these names). Every command
//! prints one human line and exits non-zero on bad input; none panics.

/// `println!` for the commands' output: a reader that stops early (`myomap find … | head`)
/// ends the command quietly, as it ends any Unix tool, instead of a panic on the closed pipe.
macro_rules! say {
    () => {
        $crate::cli::say(format_args!(""))
    };
    ($($arg:tt)*) => {
        $crate::cli::say(format_args!($($arg)*))
    };
}

mod compare;
mod export;
mod find;
mod maps;
mod refer;
mod verify;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use compare::{CompareArgs, comparison_json};
pub use export::{ExportCsvArgs, ProgressReportArgs, RenderArgs, ReportArgs};
pub use find::FindArgs;
pub use maps::{LayerArg, RenderMapArgs};
pub use refer::ReferArgs;

/// Chart myofascial trigger points, referred pain and dry-needling sites on body maps.
#[derive(Debug, Parser)]
#[command(name = "myomap", version, about, long_about = None)]
pub struct Cli {
    /// Open the app on this library folder instead of the default one.
    #[arg(long, value_name = "DIR", global = false)]
    pub library: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open one session file in the app.
    Open {
        /// The session file (.ron).
        file: PathBuf,
    },
    /// Write the demo library (three fictional patients) into DIR.
    Demo {
        /// The folder to write into; it must not already hold a library.
        dir: PathBuf,
    },
    /// Validate session, patient and body-map files, recursing into folders.
    ///
    /// Prints one line per problem as PATH:LINE:COL: message and exits with 1 when there is
    /// any problem, 0 when every file is valid.
    Check {
        /// Files or folders to check.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Print each session's signature and addenda (signer, credentials, key, time,
    /// meaning) and whether each verifies; exits with 1 when one does not.
    Verify {
        /// Session files, or folders holding them (searched for `sessions/*.ron`).
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Print JSON: one object per session.
        #[arg(long)]
        json: bool,
    },
    /// List the clinicians who may sign in a library (names, credentials, key fingerprints),
    /// or retire one of their keys.
    Clinicians {
        /// The library folder.
        library: PathBuf,
        /// Retire the key with this fingerprint: its earlier signatures stay valid, later ones
        /// are reported by `check`.
        #[arg(long, value_name = "FINGERPRINT")]
        retire: Option<String>,
    },
    /// List the views of the standard body map with their muscles, and count the views,
    /// distinct muscles and referral patterns.
    ///
    /// With --json: {"id", "version", "views": [{"id", "name", "muscles": [ids], "outline":
    /// [polygon], "muscle_shapes": [{"id", "name", "layer", "side", "polygons": [polygon]}],
    /// "region_shapes": [{"id", "name", "set", "side", "polygons": [polygon]}]}], "muscles":
    /// [{"id", "name", "layer", "group"}], "regions": [{"id", "name", "set"}], "region_sets":
    /// [{"id", "name", "regions": [ids]}]}, where a polygon is [[x, y], …] in view
    /// millimetres (y down from the top of the head, x = 0 on the midline, 0.1 mm).
    Maps {
        /// Print JSON (the shape above) instead of the summary.
        #[arg(long)]
        json: bool,
    },
    /// Render one view of the standard body map to a PNG, with muscle borders and labels.
    RenderMap(RenderMapArgs),
    /// Draw one view of a session with its marks to a PNG or SVG (with --against, the
    /// difference map between two visits).
    Render(RenderArgs),
    /// Compare two visits of a patient: pain extent, overlap, WPI areas, trigger points.
    Compare(CompareArgs),
    /// Write a session's PDF report (or, with --handout, the patient's handout).
    Report(ReportArgs),
    /// Write a patient's needling log over all sessions as CSV, one row per needle site.
    ExportCsv(ExportCsvArgs),
    /// Write a patient's progress report (PDF) for a period of care: every outcome measure
    /// baseline against latest with its change labelled against MDC and MCID, trigger points
    /// followed, pain drawings compared, treatment, adverse events, goals and plan.
    ///
    /// The period is given as local dates, both included: --from 2026-09-01 --to 2026-10-31.
    ProgressReport(ProgressReportArgs),
    /// Referral patterns: list the muscles that have one, or rank the muscles whose typical
    /// patterns best match a session's pain drawing.
    Refer(ReferArgs),
    /// Search a library's visits by location: trigger points by muscle, side and status,
    /// needle sites by safety zone, pain drawings by named location, since a date.
    Find(FindArgs),
}

/// Writes one line to standard output; see [`say!`]. Any other write error ends the command
/// with a message.
pub(crate) fn say(line: std::fmt::Arguments<'_>) {
    use std::io::Write as _;
    if let Err(error) = writeln!(std::io::stdout().lock(), "{line}") {
        if error.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("myomap: could not write the output: {error}");
            std::process::exit(1);
        }
        std::process::exit(0);
    }
}

/// Prints `value` as pretty JSON on standard output.
pub(crate) fn print_json(value: &impl serde::Serialize) -> ExitCode {
    match serde_json::to_string_pretty(value) {
        Ok(text) => {
            say!("{text}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("myomap: {error}");
            ExitCode::FAILURE
        }
    }
}

/// What the binary should do after parsing: run a command to completion, or start the app.
pub enum Outcome {
    Exit(ExitCode),
    StartApp(crate::app::AppStart),
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Outcome {
    match cli.command {
        None => Outcome::StartApp(crate::app::AppStart {
            library: cli.library,
            open: None,
        }),
        Some(Command::Open { file }) => {
            // Refuse an unreadable file here, with one line, before a window opens.
            if let Err(error) = crate::storage::load_session(&file) {
                eprintln!("myomap: {error}");
                return Outcome::Exit(ExitCode::FAILURE);
            }
            Outcome::StartApp(crate::app::AppStart {
                library: cli.library,
                open: Some(file),
            })
        }
        Some(Command::Demo { dir }) => Outcome::Exit(demo(&dir)),
        Some(Command::Check { paths }) => Outcome::Exit(check(&paths)),
        Some(Command::Verify { paths, json }) => Outcome::Exit(verify::run(&paths, json)),
        Some(Command::Clinicians { library, retire }) => {
            Outcome::Exit(verify::clinicians(&library, retire.as_deref()))
        }
        Some(Command::Maps { json }) => Outcome::Exit(maps::maps(json)),
        Some(Command::RenderMap(args)) => Outcome::Exit(maps::render_map(&args)),
        Some(Command::Render(args)) => Outcome::Exit(export::render(&args)),
        Some(Command::Compare(args)) => Outcome::Exit(compare::run(&args)),
        Some(Command::Report(args)) => Outcome::Exit(export::report(&args)),
        Some(Command::ExportCsv(args)) => Outcome::Exit(export::export_csv(&args)),
        Some(Command::ProgressReport(args)) => Outcome::Exit(export::progress_report(&args)),
        Some(Command::Refer(args)) => Outcome::Exit(refer::run(&args)),
        Some(Command::Find(args)) => Outcome::Exit(find::run(&args)),
    }
}

fn demo(dir: &std::path::Path) -> ExitCode {
    if !crate::storage::Library::new(dir).is_empty() {
        eprintln!(
            "myomap: {} already holds a library; the demo is only written into a new or empty folder",
            dir.display()
        );
        return ExitCode::FAILURE;
    }
    match crate::demo::write_demo_library(dir) {
        Ok(files) => {
            say!(
                "wrote the demo library ({}) into {}",
                crate::words::count(files, "file", "files"),
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("myomap: {error}");
            ExitCode::FAILURE
        }
    }
}

fn check(paths: &[PathBuf]) -> ExitCode {
    let report = crate::check::check_paths(paths);
    for problem in &report.problems {
        say!("{problem}");
    }
    for finding in &report.findings {
        say!("{finding}");
    }
    if report.is_ok() {
        match report.findings.len() {
            0 => say!(
                "{} checked, no problems",
                crate::words::count(report.files_checked, "file", "files")
            ),
            n => say!(
                "{} checked, no problems; {}",
                crate::words::count(report.files_checked, "file", "files"),
                crate::words::count(n, "warning", "warnings")
            ),
        }
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "{} in {} checked",
            crate::words::count(report.problems.len(), "problem", "problems"),
            crate::words::count(report.files_checked, "file", "files")
        );
        ExitCode::FAILURE
    }
}

/// How a drawn view looks (`render-map` and `render`).
#[derive(Debug, clap::Args)]
pub struct LookArgs {
    /// Dark theme.
    #[arg(long)]
    pub dark: bool,
    /// The patient-facing drawing (mirrored left to right).
    #[arg(long)]
    pub mirrored: bool,
    /// Leave out the muscle names.
    #[arg(long)]
    pub no_labels: bool,
    /// Draw overlays over the map (repeat or separate with commas): dermatomes,
    /// cutaneous_nerves, bony_landmarks. Each adds its legend line, and its caveat and
    /// source under the drawing.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "OVERLAY")]
    pub overlay: Vec<OverlayArg>,
}

/// An overlay named on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OverlayArg {
    Dermatomes,
    #[value(name = "cutaneous_nerves")]
    CutaneousNerves,
    #[value(name = "bony_landmarks")]
    BonyLandmarks,
}

/// The set of overlays named.
pub fn overlay_set(named: &[OverlayArg]) -> crate::bodymap::overlays::OverlaySet {
    use crate::bodymap::overlays::{OverlayKind, OverlaySet};
    named.iter().fold(OverlaySet::NONE, |set, arg| {
        let kind = match arg {
            OverlayArg::Dermatomes => OverlayKind::Dermatomes,
            OverlayArg::CutaneousNerves => OverlayKind::CutaneousNerves,
            OverlayArg::BonyLandmarks => OverlayKind::BonyLandmarks,
        };
        set.with(kind, true)
    })
}

impl LookArgs {
    /// Render options of `width` × `height` px with this look.
    pub fn options(&self, width: u32, height: u32) -> crate::render::RenderOptions {
        use crate::scene::{MapColors, MarkColors};
        let (colors, marks) = if self.dark {
            (MapColors::DARK, MarkColors::DARK)
        } else {
            (MapColors::LIGHT, MarkColors::LIGHT)
        };
        crate::render::RenderOptions {
            colors,
            marks,
            labels: !self.no_labels,
            mirrored: self.mirrored,
            overlays: overlay_set(&self.overlay),
            ..crate::render::RenderOptions::new(width, height)
        }
    }
}

/// Writes an export and says what was written, or prints why not; the exit code.
fn write_and_report(path: &std::path::Path, bytes: &[u8], force: bool, what: &str) -> ExitCode {
    match write_output(path, bytes, force) {
        Ok(()) => {
            say!("wrote {} ({what})", path.display());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("myomap: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Writes an output file atomically; an existing file is replaced only with `force`.
fn write_output(path: &std::path::Path, bytes: &[u8], force: bool) -> Result<(), String> {
    crate::export::refuse_record_target(path)?;
    if path.exists() && !force {
        return Err(format!(
            "{} already exists; pass --force to replace it",
            path.display()
        ));
    }
    crate::storage::replace_atomically(path, bytes)
        .map_err(|e| format!("could not write {}: {e}", path.display()))
}

/// A day given on the command line as YYYY-MM-DD, or why it is not one, naming the flag:
/// "--from \"yesterday\" is not a date; write YYYY-MM-DD, e.g. 2026-09-07".
fn day(flag: &str, text: &str) -> Result<jiff::civil::Date, String> {
    let text = text.trim();
    let shaped = text.len() == 10
        && text.char_indices().all(|(i, c)| match i {
            4 | 7 => c == '-',
            _ => c.is_ascii_digit(),
        });
    if !shaped {
        return Err(format!(
            "{flag} {text:?} is not a date; write YYYY-MM-DD, e.g. 2026-09-07"
        ));
    }
    text.parse::<jiff::civil::Date>()
        .map_err(|_| format!("{flag} {text} is not a day of the calendar"))
}
