//! `myomap refer --list` and `myomap refer SESSION [--top N] [--json]`: the referral-pattern
//! library, and the muscles whose typical patterns best match a session's pain drawing.

use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::json;

use crate::education::{PatternMasks, rank_session, referral_library};
use crate::metrics::standard_charts;

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["list", "session"])))]
pub struct ReferArgs {
    /// Print every muscle with a referral pattern, one id per line.
    #[arg(long)]
    pub list: bool,
    /// A session whose pain drawing to match.
    pub session: Option<PathBuf>,
    /// How many candidates to print.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=200))]
    pub top: u32,
    /// Print JSON: [{"muscle": id, "side": "left"|"right", "score": 0–1}, …], best first.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &ReferArgs) -> ExitCode {
    let library = referral_library();
    if args.list {
        for pattern in &library.patterns {
            say!("{}", pattern.muscle);
        }
        return ExitCode::SUCCESS;
    }
    let Some(path) = &args.session else {
        eprintln!("myomap: give a session file, or --list");
        return ExitCode::FAILURE;
    };
    let session = match crate::storage::load_session(path) {
        Ok(session) => session,
        Err(error) => {
            eprintln!("myomap: {error}");
            return ExitCode::FAILURE;
        }
    };
    let ranked = rank_session(&session, standard_charts(), PatternMasks::standard());
    let top = &ranked[..ranked.len().min(args.top as usize)];
    if args.json {
        let list: Vec<_> = top
            .iter()
            .map(|c| json!({"muscle": c.muscle, "side": c.side.label(), "score": c.score}))
            .collect();
        say!("{}", serde_json::Value::Array(list));
        return ExitCode::SUCCESS;
    }
    if top.is_empty() {
        say!("The session has no painted pain drawing to match.");
        return ExitCode::SUCCESS;
    }
    let map = &crate::bodymap::standard().map;
    say!(
        "Muscles whose typical referral patterns best match the pain drawing (typical patterns, not a diagnosis):"
    );
    for (index, candidate) in top.iter().enumerate() {
        let name = map
            .muscle(&candidate.muscle)
            .map_or(candidate.muscle.as_str(), |m| m.name.as_str());
        say!(
            "{:>3}. {:<48} {:.2}",
            index + 1,
            format!("{} {}", candidate.side.label(), name.to_lowercase()),
            candidate.score
        );
    }
    ExitCode::SUCCESS
}
