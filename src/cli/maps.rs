//! `myomap maps` and `myomap render-map`: what the standard body map holds, and a picture of
//! one view to check the drawing.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::json;

use crate::bodymap::{BodyMap, standard};
use crate::render::{RenderOptions, render_view_png};
use crate::scene::LayerMode;

/// The muscle ids drawn on a view, in first-drawn order, each once.
fn muscles_on(view: &crate::bodymap::View) -> Vec<&str> {
    let mut seen = BTreeSet::new();
    view.muscles
        .iter()
        .map(|r| r.muscle.as_str())
        .filter(|m| seen.insert(*m))
        .collect()
}

/// The `maps --json` document.
pub fn maps_json(map: &BodyMap) -> serde_json::Value {
    let views: Vec<_> = map
        .views
        .iter()
        .map(|v| {
            json!({
                "id": v.id.as_str(),
                "name": v.name,
                "muscles": muscles_on(v),
            })
        })
        .collect();
    let muscles: Vec<_> = map
        .muscles
        .iter()
        .map(|m| {
            json!({
                "id": m.id,
                "name": m.name,
                "layer": match m.layer {
                    crate::bodymap::Layer::Superficial => "superficial",
                    crate::bodymap::Layer::Deep => "deep",
                },
                "group": m.group,
            })
        })
        .collect();
    let mut regions = Vec::new();
    for set in &map.region_sets {
        let mut seen = BTreeSet::new();
        for region in &set.regions {
            if seen.insert(region.id.as_str()) {
                regions.push(json!({
                    "id": region.id,
                    "name": region.name,
                    "set": set.id,
                }));
            }
        }
    }
    json!({
        "id": map.id,
        "version": map.version,
        "views": views,
        "muscles": muscles,
        "regions": regions,
    })
}

pub fn maps(as_json: bool) -> ExitCode {
    let map = &standard().map;
    if as_json {
        return super::print_json(&maps_json(map));
    }
    say!("{} (id {}, version {})", map.name, map.id, map.version);
    for view in &map.views {
        let regions = &view.muscles;
        say!(
            "  {:<20} {:<32} {:>3} muscles, {:>3} regions",
            view.id.as_str(),
            view.name,
            muscles_on(view).len(),
            regions.len()
        );
    }
    say!(
        "{} muscles; region sets: {}",
        map.muscles.len(),
        map.region_sets
            .iter()
            .map(|s| s.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    ExitCode::SUCCESS
}

#[derive(Clone, Copy, Debug, Default, clap::ValueEnum)]
pub enum LayerArg {
    #[default]
    Superficial,
    Deep,
    Both,
}

#[derive(Debug, clap::Args)]
pub struct RenderMapArgs {
    /// The view to render (see `myomap maps`).
    #[arg(long, value_name = "VIEW")]
    pub view: String,
    /// The PNG file to write.
    #[arg(short = 'o', long = "output", value_name = "OUT.png")]
    pub output: PathBuf,
    /// Image height in pixels; the width follows the view unless given.
    #[arg(long, default_value_t = 2000, value_name = "PX")]
    pub height: u32,
    /// Image width in pixels.
    #[arg(long, value_name = "PX")]
    pub width: Option<u32>,
    /// Which muscle layer to show.
    #[arg(long, value_enum, default_value_t = LayerArg::Superficial)]
    pub layer: LayerArg,
    #[command(flatten)]
    pub look: super::LookArgs,
    /// Replace OUT.png if it exists.
    #[arg(long)]
    pub force: bool,
}

pub fn render_map(args: &RenderMapArgs) -> ExitCode {
    let map = &standard().map;
    let Some(view) = map.views.iter().find(|v| v.id.as_str() == args.view) else {
        let known: Vec<&str> = map.views.iter().map(|v| v.id.as_str()).collect();
        eprintln!(
            "myomap: there is no view {:?}; the views are {}",
            args.view,
            known.join(", ")
        );
        return ExitCode::FAILURE;
    };
    let width = args.width.unwrap_or_else(|| {
        // Follow the view's proportions (plus margins).
        let scene_bounds =
            crate::scene::MapScene::new(map, view, LayerMode::Superficial, 0.5).bounds;
        let aspect = (scene_bounds.max.x - scene_bounds.min.x)
            / (scene_bounds.max.y - scene_bounds.min.y).max(1.0);
        ((args.height as f32 * aspect * 1.1).round() as u32).max(64)
    });
    let options = RenderOptions {
        layers: match args.layer {
            LayerArg::Superficial => LayerMode::Superficial,
            LayerArg::Deep => LayerMode::Deep,
            LayerArg::Both => LayerMode::Both,
        },
        ..args.look.options(width, args.height)
    };
    let bytes = match render_view_png(map, &args.view, &options) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("myomap: {error}");
            return ExitCode::FAILURE;
        }
    };
    super::write_and_report(
        &args.output,
        &bytes,
        args.force,
        &format!("{width} × {} px", args.height),
    )
}
