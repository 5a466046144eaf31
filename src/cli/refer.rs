//! `myomap refer --list`, `myomap refer SESSION [--top N] [--json]` and `myomap refer
//! --pattern MUSCLE --side S -o OUT.png`: the referral-pattern library, the muscles whose
//! typical patterns best match a session's pain drawing, and one pattern drawn as
//! presentation mode shows it.

use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::json;

use crate::education::{PatternMasks, rank_session, referral_library};
use crate::metrics::standard_charts;

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["list", "session", "pattern"])))]
pub struct ReferArgs {
    /// Print every muscle with a referral pattern, one id per line on standard output; the
    /// counts (views, distinct muscles drawn, patterns) follow on standard error.
    #[arg(long)]
    pub list: bool,
    /// Draw this muscle's typical referral pattern to a PNG (ids: `myomap refer --list`),
    /// as presentation mode shows it: the body, the muscle outlined, X at its trigger
    /// points, the essential zone solid, the spillover zone stippled, the legend and the
    /// caption.
    #[arg(long, value_name = "MUSCLE", requires_all = ["side", "output"])]
    pub pattern: Option<String>,
    /// The patient's side the pattern is drawn for (with --pattern).
    #[arg(long, value_enum, requires = "pattern")]
    pub side: Option<SideArg>,
    /// The view to draw (ids: `myomap maps`); by default the first view of the map where
    /// the pattern has zones.
    #[arg(long, value_name = "VIEW", requires = "pattern")]
    pub view: Option<String>,
    /// Image width in pixels; the height follows the view.
    #[arg(long, default_value_t = 1000, value_name = "PX", requires = "pattern",
          value_parser = clap::value_parser!(u32).range(64..=8000))]
    pub width: u32,
    /// The PNG file to write (with --pattern).
    #[arg(
        short = 'o',
        long = "output",
        value_name = "OUT.png",
        requires = "pattern"
    )]
    pub output: Option<PathBuf>,
    /// Replace OUT.png if it exists.
    #[arg(long, requires = "pattern")]
    pub force: bool,
    /// Overlays to draw under the pattern (with --pattern; repeat or separate with commas):
    /// dermatomes, cutaneous_nerves, bony_landmarks, each with its caveat and source.
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        value_name = "OVERLAY",
        requires = "pattern"
    )]
    pub overlay: Vec<super::OverlayArg>,
    /// A session whose pain drawing to match.
    pub session: Option<PathBuf>,
    /// How many candidates to print.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=200))]
    pub top: u32,
    /// Print JSON: [{"muscle": id, "side": "left"|"right", "score": 0–1}, …], best first.
    #[arg(long)]
    pub json: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SideArg {
    Left,
    Right,
}

pub fn run(args: &ReferArgs) -> ExitCode {
    let library = referral_library();
    if args.list {
        for pattern in &library.patterns {
            say!("{}", pattern.muscle);
        }
        eprintln!(
            "{}",
            super::maps::counts_line(&crate::bodymap::standard().map)
        );
        return ExitCode::SUCCESS;
    }
    if let Some(muscle) = &args.pattern {
        return draw_pattern(args, muscle);
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

/// `refer --pattern`: the pattern drawn to a PNG, or why not.
fn draw_pattern(args: &ReferArgs, muscle: &str) -> ExitCode {
    match pattern_png(args, muscle) {
        Ok((bytes, path, what)) => super::write_and_report(path, &bytes, args.force, &what),
        Err(message) => {
            eprintln!("myomap: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The PNG's bytes, where to write it and what it is, or a one-line reason.
fn pattern_png<'a>(
    args: &'a ReferArgs,
    muscle: &str,
) -> Result<(Vec<u8>, &'a std::path::Path, String), String> {
    use crate::model::Side;
    let library = referral_library();
    let map = &crate::bodymap::standard().map;
    let (Some(side), Some(output)) = (args.side, args.output.as_deref()) else {
        return Err("--pattern needs --side left|right and -o OUT.png".to_owned());
    };
    let side = match side {
        SideArg::Left => Side::Left,
        SideArg::Right => Side::Right,
    };
    let Some(pattern) = library.pattern(muscle) else {
        return Err(format!(
            "there is no referral pattern for {muscle:?}; `myomap refer --list` lists the muscles that have one"
        ));
    };
    let has_zones = |view: &crate::geometry::ViewId| {
        let shapes = library.shapes(pattern, view, side);
        !(shapes.essential.is_empty() && shapes.spillover.is_empty())
    };
    let view = match &args.view {
        Some(id) => {
            let Some(view) = map.views.iter().find(|v| v.id.as_str() == id) else {
                return Err(format!(
                    "there is no view {id:?}; `myomap maps` lists the views"
                ));
            };
            view
        }
        None => map
            .views
            .iter()
            .find(|v| has_zones(&v.id))
            .ok_or_else(|| format!("the pattern of {muscle} has no zones on any view"))?,
    };
    if !has_zones(&view.id) {
        let on: Vec<&str> = map
            .views
            .iter()
            .filter(|v| has_zones(&v.id))
            .map(|v| v.id.as_str())
            .collect();
        return Err(format!(
            "the {} pattern of {muscle} has no zones on {}; it has zones on {}",
            side.label(),
            view.id,
            on.join(", ")
        ));
    }
    let base = crate::render::Base::Map(map, view.id.as_str());
    let width = args.width;
    // Room for the caption under the drawing as well as the title and legend.
    let height = crate::render::height_for_width(base, width)
        .map_err(|e| e.to_string())?
        .saturating_add(width / 6)
        .min(crate::render::MAX_SIDE_PX);
    let options = crate::render::RenderOptions {
        labels: false,
        notes: false,
        plain_words: true,
        overlays: super::overlay_set(&args.overlay),
        ..crate::render::RenderOptions::new(width, height)
    };
    let bytes = crate::render::chart_png(
        base,
        crate::render::Marks::Pattern {
            muscle: &pattern.muscle,
            side,
        },
        &options,
    )
    .map_err(|e| e.to_string())?;
    Ok((
        bytes,
        output,
        format!(
            "the {} {muscle} pattern on {}, {width} × {height} px",
            side.label(),
            view.id
        ),
    ))
}
