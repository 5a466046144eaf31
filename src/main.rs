//! The `myomap` binary: parses the command line, then runs a command or opens the app.

use std::process::ExitCode;

use clap::Parser as _;
use myomap::cli::{Cli, Outcome, run};

fn main() -> ExitCode {
    myomap::app::CatchDialogFailures::install();
    match run(Cli::parse()) {
        Outcome::Exit(code) => code,
        Outcome::StartApp(start) => match myomap::app::run(start) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("myomap: could not open the window: {error}");
                ExitCode::FAILURE
            }
        },
    }
}
