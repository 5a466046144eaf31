//! `myomap compare A.ron B.ron [--json]`: the metrics between two visits (A earlier, B later).

use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::json;

use crate::metrics::{BodyCharts, Comparison, SessionMetrics, compare};
use crate::model::Session;
use crate::progress::{self, Trend};

#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// The earlier session.
    pub a: PathBuf,
    /// The later session.
    pub b: PathBuf,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

fn side_json(m: &SessionMetrics) -> serde_json::Value {
    json!({
        "extent_percent": m.total_extent_percent.unwrap_or(0.0),
        "views": m.views.iter().map(|v| json!({
            "view": v.view.as_str(),
            "painted_mm2": v.painted_mm2,
            "extent_percent": v.extent_percent,
            "centroid": v.centroid.map(|c| [c.x, c.y]),
        })).collect::<Vec<_>>(),
        "active_trigger_points": m.active_trigger_points,
        "latent_trigger_points": m.latent_trigger_points,
        "unconfirmed_trigger_points": m.unconfirmed_trigger_points,
        "needles": m.needle_sites,
        "muscles_needled": m.muscles_needled,
        "twitch_responses": m.twitch_responses,
        "pain_before": m.pain_before.map(|p| p.0),
        "pain_after": m.pain_after.map(|p| p.0),
        "wpi_areas": m.wpi_areas.len(),
        "wpi_area_ids": m.wpi_areas,
        "locations": m.locations,
    })
}

/// The JSON document of a comparison.
pub fn comparison_json(c: &Comparison) -> serde_json::Value {
    // Overall Jaccard: persisting over the union, over every view.
    let (persisting, union) = c.views.iter().fold((0.0, 0.0), |(p, u), v| {
        (
            p + v.persisting_mm2,
            u + v.new_mm2 + v.resolved_mm2 + v.persisting_mm2,
        )
    });
    let jaccard = if union > 0.0 { persisting / union } else { 1.0 };
    json!({
        "a": side_json(&c.earlier),
        "b": side_json(&c.later),
        "jaccard": jaccard,
        "extent_change_pp": c.total_extent_change_pp.unwrap_or(0.0),
        "within_measurement_error": c.total_extent_change.is_none_or(|ch| ch == crate::metrics::Change::WithinMeasurementError),
        "change": c.total_extent_change.map(|ch| ch.label()),
        "views": c.views.iter().map(|v| json!({
            "view": v.view.as_str(),
            "jaccard": v.jaccard,
            "extent_change_pp": v.extent_change_pp,
            "change": v.extent_change.map(|ch| ch.label()),
            "centroid_shift_mm": v.centroid_shift_mm,
            "new_mm2": v.new_mm2,
            "resolved_mm2": v.resolved_mm2,
            "persisting_mm2": v.persisting_mm2,
        })).collect::<Vec<_>>(),
        "trigger_points": {
            "persisting": c.trigger_points.persisting.len(),
            "resolved": c.trigger_points.resolved.len(),
            "new": c.trigger_points.new.len(),
            "carried_forward_not_reexamined": c.trigger_points.not_reexamined.len(),
        },
    })
}

/// Every outcome measure taken at either visit, A against B, with its change labelled against
/// the measure's MDC and MCID (`null` where a visit lacks it), and each trigger point matched
/// across the two visits with its pressure-pain threshold change.
pub fn measures_json(a: &Session, b: &Session) -> serde_json::Value {
    let sessions = [a, b];
    let value_at = |trend: &Trend, visit: usize| {
        trend
            .points
            .iter()
            .find(|p| p.visit == visit)
            .map(|p| p.value)
    };
    let measures: Vec<serde_json::Value> = progress::trends(&sessions)
        .iter()
        .map(|trend| {
            let change = trend.change();
            json!({
                "measure": trend.key.target_key(),
                "label": trend.label,
                "unit": trend.unit,
                "better": trend.rule.better,
                "mdc": trend.rule.mdc,
                "mcid": trend.rule.mcid,
                "a": value_at(trend, 0),
                "b": value_at(trend, 1),
                "change": change.map(|c| c.delta),
                "change_label": change.map(|c| c.label.text()),
                "change_kind": change.map(|c| c.label),
                "goal": trend.goal,
            })
        })
        .collect();
    let trigger_points: Vec<serde_json::Value> = progress::trigger_point_tracks(&sessions)
        .iter()
        .filter(|track| track.points.len() == 2)
        .map(|track| {
            json!({
                "trigger_point": track.label(),
                "muscle": track.muscle,
                "side": track.side.label(),
                "a": track.points[0].pressure_pain_threshold.map(progress::decimal),
                "b": track.points[1].pressure_pain_threshold.map(progress::decimal),
                "change": track.ppt_change.map(|c| c.delta),
                "change_label": track.ppt_change.map(|c| c.label.text()),
                "change_kind": track.ppt_change.map(|c| c.label),
            })
        })
        .collect();
    json!({
        "measures": measures,
        "pressure_pain_thresholds": trigger_points,
    })
}

/// The measures of [`measures_json`] as text lines under the table.
fn print_measures(a: &Session, b: &Session) {
    let trends = progress::trends(&[a, b]);
    if trends.is_empty() {
        return;
    }
    say!();
    say!("{:<38} {:>10} {:>10}  change", "outcome measures", "A", "B");
    for trend in &trends {
        let at = |visit| {
            trend
                .points
                .iter()
                .find(|p| p.visit == visit)
                .map_or_else(|| "–".to_owned(), |p| trend.format(p.value))
        };
        let change = trend.change().map_or_else(
            || "taken at one visit".to_owned(),
            |c| format!("{} ({})", progress::format_delta(c.delta), c.label.text()),
        );
        say!("{:<38} {:>10} {:>10}  {change}", trend.label, at(0), at(1));
    }
    for track in progress::trigger_point_tracks(&[a, b]) {
        if let Some(change) = track.ppt_change {
            say!(
                "{:<38} {:>10} {:>10}  {} ({})",
                format!("PPT {}", track.label()),
                format!("{} kg/cm²", progress::format_number(change.from)),
                format!("{} kg/cm²", progress::format_number(change.to)),
                progress::format_delta(change.delta),
                change.label.text()
            );
        }
    }
}

pub fn run(args: &CompareArgs) -> ExitCode {
    let load = |path: &PathBuf| crate::storage::load_session(path);
    let (a, b) = match (load(&args.a), load(&args.b)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(error), _) | (_, Err(error)) => {
            eprintln!("myomap: {error}");
            return ExitCode::FAILURE;
        }
    };
    if a.patient_id != b.patient_id {
        eprintln!(
            "myomap: the two sessions are of different patients ({} and {}); compare visits of one patient",
            a.patient_id, b.patient_id
        );
        return ExitCode::FAILURE;
    }
    let charts = BodyCharts::from_map(&crate::bodymap::standard().map);
    let comparison = compare(&a, &b, &charts);
    let mut doc = comparison_json(&comparison);
    if let (Some(doc), serde_json::Value::Object(measures)) =
        (doc.as_object_mut(), measures_json(&a, &b))
    {
        doc.extend(measures);
    }
    if args.json {
        return super::print_json(&doc);
    }
    let (ea, eb) = (&comparison.earlier, &comparison.later);
    let pct = |v: Option<f32>| format!("{:.1} %", v.unwrap_or(0.0));
    let score = |s: Option<crate::model::PainScore>| {
        s.map_or_else(|| "–".to_owned(), |s| format!("{}/10", s.0))
    };
    say!("{:<28} {:>12} {:>12}", "", a.date(), b.date());
    say!(
        "{:<28} {:>12} {:>12}",
        "pain extent (body chart)",
        pct(ea.total_extent_percent),
        pct(eb.total_extent_percent)
    );
    say!(
        "{:<28} {:>12} {:>12}",
        "WPI areas",
        ea.wpi_areas.len(),
        eb.wpi_areas.len()
    );
    say!(
        "{:<28} {:>12} {:>12}",
        "active trigger points",
        ea.active_trigger_points,
        eb.active_trigger_points
    );
    say!(
        "{:<28} {:>12} {:>12}",
        "latent trigger points",
        ea.latent_trigger_points,
        eb.latent_trigger_points
    );
    say!(
        "{:<28} {:>12} {:>12}",
        "carried, not re-examined",
        ea.unconfirmed_trigger_points,
        eb.unconfirmed_trigger_points
    );
    say!(
        "{:<28} {:>12} {:>12}",
        "needle sites",
        ea.needle_sites,
        eb.needle_sites
    );
    say!(
        "{:<28} {:>12} {:>12}",
        "pain before (NPRS)",
        score(ea.pain_before),
        score(eb.pain_before)
    );
    say!(
        "{:<28} {:>12} {:>12}",
        "pain after (NPRS)",
        score(ea.pain_after),
        score(eb.pain_after)
    );
    say!(
        "extent change: {} ({}); overlap (Jaccard) {:.2}",
        comparison
            .total_extent_change_pp
            .map_or_else(|| "–".to_owned(), |v| format!("{v:+.1} percentage points")),
        comparison
            .total_extent_change
            .map_or("no pain drawn", |c| c.label()),
        doc["jaccard"].as_f64().unwrap_or(0.0)
    );
    say!("trigger points: {}", comparison.trigger_points.summary());
    print_measures(&a, &b);
    ExitCode::SUCCESS
}
