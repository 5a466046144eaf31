//! `myomap find LIBRARY [--muscle ID] [--side S] [--status S] [--zone ID] [--region ID]
//! [--since DATE] [--until DATE] [--json]`: search a library's visits by location, answered
//! from the library index (`crate::index`).

use std::path::PathBuf;
use std::process::ExitCode;

use jiff::civil::Date;
use serde_json::json;

use crate::bodymap::BodyMap;
use crate::index::{LibraryIndex, Query};
use crate::model::{Side, TriggerPointStatus};
use crate::storage::Library;
use crate::words::count;

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum SideArg {
    Left,
    Right,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum StatusArg {
    Active,
    Latent,
}

#[derive(Debug, clap::Args)]
pub struct FindArgs {
    /// The library folder.
    pub library: PathBuf,
    /// Visits with a trigger point in this muscle (an id from `myomap maps --json`).
    #[arg(long, value_name = "ID")]
    pub muscle: Option<String>,
    /// Of the trigger point (or, with --zone, of the needle site).
    #[arg(long, value_enum)]
    pub side: Option<SideArg>,
    /// Active or latent trigger points.
    #[arg(long, value_enum)]
    pub status: Option<StatusArg>,
    /// Visits with a needle site in this safety zone (e.g. `lung_apex`).
    #[arg(long, value_name = "ID")]
    pub zone: Option<String>,
    /// Visits whose pain drawing touches this named location (e.g. `right_lateral_thigh`).
    #[arg(long, value_name = "ID")]
    pub region: Option<String>,
    /// Visits on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Visits on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Print JSON: the query, the visits found and the files that could not be searched.
    #[arg(long)]
    pub json: bool,
}

fn date(text: &Option<String>, flag: &str) -> Result<Option<Date>, String> {
    text.as_ref()
        .map(|t| super::day(&format!("--{flag}"), t))
        .transpose()
}

/// The query, its ids checked against the standard map (an unknown id is a typing error,
/// never an empty answer).
fn query(args: &FindArgs, map: &BodyMap) -> Result<Query, String> {
    if let Some(muscle) = &args.muscle
        && map.muscle(muscle).is_none()
    {
        return Err(format!(
            "--muscle {muscle}: no such muscle on the body map; `myomap maps --json` lists their ids"
        ));
    }
    if let Some(zone) = &args.zone
        && map.safety_zone(zone).is_none()
    {
        let zones: Vec<&str> = map.safety_zones.iter().map(|z| z.id.as_str()).collect();
        return Err(format!(
            "--zone {zone}: no such safety zone; the zones are {}",
            zones.join(", ")
        ));
    }
    if let Some(region) = &args.region
        && !map
            .region_sets
            .iter()
            .filter(|set| set.id == "locations")
            .flat_map(|set| &set.regions)
            .any(|r| &r.id == region)
    {
        return Err(format!(
            "--region {region}: no such location; `myomap maps --json` lists the regions of the `locations` set"
        ));
    }
    let query = Query {
        muscle: args.muscle.clone(),
        side: args.side.map(|s| match s {
            SideArg::Left => Side::Left,
            SideArg::Right => Side::Right,
        }),
        status: args.status.map(|s| match s {
            StatusArg::Active => TriggerPointStatus::Active,
            StatusArg::Latent => TriggerPointStatus::Latent,
        }),
        zone: args.zone.clone(),
        region: args.region.clone(),
        since: date(&args.since, "since")?,
        until: date(&args.until, "until")?,
    };
    if query.names_nothing() {
        return Err(
            "say what to find: --muscle, --status or --side (trigger points), --zone (needle sites) or --region (pain drawings)"
                .to_owned(),
        );
    }
    Ok(query)
}

pub fn run(args: &FindArgs) -> ExitCode {
    if !args
        .library
        .join(crate::storage::library_dirs::PATIENTS)
        .is_dir()
    {
        eprintln!(
            "myomap: {} is not a myomap library (it has no patients folder)",
            args.library.display()
        );
        return ExitCode::FAILURE;
    }
    let query = match query(args, &crate::bodymap::standard().map) {
        Ok(query) => query,
        Err(message) => {
            eprintln!("myomap: {message}");
            return ExitCode::FAILURE;
        }
    };
    let library = Library::new(&args.library);
    let (index, _) = LibraryIndex::open(&library);
    let hits = index.find(&query);
    let unreadable: Vec<_> = index.unreadable().collect();
    if args.json {
        let doc = json!({
            "visits": hits.iter().map(|hit| json!({
                "patient": hit.patient.display_name,
                "patient_id": hit.patient.folder,
                "date": hit.date.to_string(),
                "file": hit.path(&library),
                "pain_before": hit.visit.pain_before,
                "matched": hit.matched,
            })).collect::<Vec<_>>(),
            "count": hits.len(),
            "patients": hits.iter().map(|h| &h.patient.folder).collect::<std::collections::BTreeSet<_>>().len(),
            "visits_searched": index.visit_count(),
            "unreadable": unreadable.iter().map(|(p, v)| json!({
                "patient_id": p.folder,
                "file": v.file,
                "problem": v.problem,
            })).collect::<Vec<_>>(),
        });
        return super::print_json(&doc);
    }
    for hit in &hits {
        say!(
            "{}  {:<28}  {}  ({})",
            hit.date,
            hit.patient.display_name,
            hit.path(&library).display(),
            hit.matched.join("; ")
        );
    }
    let patients = hits
        .iter()
        .map(|h| &h.patient.folder)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    say!(
        "{} of {} found among {}",
        count(hits.len(), "visit", "visits"),
        count(patients, "patient", "patients"),
        count(index.visit_count(), "visit", "visits")
    );
    if !unreadable.is_empty() {
        say!(
            "{} could not be searched (run `myomap check` on the library)",
            count(unreadable.len(), "visit file", "visit files")
        );
    }
    ExitCode::SUCCESS
}
