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

/// A polygon as JSON: `[[x, y], …]` in view millimetres (y down from the top of the head,
/// x = 0 on the midline), its curves flattened to within `FLATTEN_TOLERANCE_MM` and rounded
/// to 0.1 mm.
fn polygon_json(path: &crate::bodymap::Path) -> serde_json::Value {
    let round = |v: f32| f64::from((v * 10.0).round()) / 10.0;
    path.flatten(crate::bodymap::FLATTEN_TOLERANCE_MM)
        .iter()
        .map(|p| json!([round(p.x), round(p.y)]))
        .collect()
}

fn layer_name(layer: crate::bodymap::Layer) -> &'static str {
    match layer {
        crate::bodymap::Layer::Superficial => "superficial",
        crate::bodymap::Layer::Deep => "deep",
    }
}

/// Shapes grouped by (id, side) in first-drawn order, each group's polygons together.
fn grouped<'a>(
    shapes: impl Iterator<Item = (&'a str, crate::model::Side, &'a crate::bodymap::Path)>,
) -> Vec<(&'a str, crate::model::Side, Vec<serde_json::Value>)> {
    let mut groups: Vec<(&str, crate::model::Side, Vec<serde_json::Value>)> = Vec::new();
    for (id, side, path) in shapes {
        match groups.iter_mut().find(|(i, s, _)| *i == id && *s == side) {
            Some(group) => group.2.push(polygon_json(path)),
            None => groups.push((id, side, vec![polygon_json(path)])),
        }
    }
    groups
}

/// The `maps --json` document: the map's id and version; `views`, each with its id, name,
/// `muscles` (ids, first-drawn order), `outline` (the silhouette's polygons), `muscle_shapes`
/// (`{"id", "name", "layer", "side", "polygons"}` for each muscle and side drawn) and
/// `region_shapes` (`{"id", "name", "set", "side", "polygons"}` for each named region on the
/// view); `muscles` (`{"id", "name", "layer", "group"}`); `regions` (`{"id", "name", "set"}`,
/// each id once); `region_sets` (`{"id", "name", "regions": [ids]}`). Polygons are
/// `[[x, y], …]` in view millimetres; see [`polygon_json`].
pub fn maps_json(map: &BodyMap) -> serde_json::Value {
    let views: Vec<_> = map
        .views
        .iter()
        .map(|v| {
            let muscle_shapes: Vec<_> = grouped(
                v.muscles
                    .iter()
                    .map(|r| (r.muscle.as_str(), r.side, &r.shape)),
            )
            .into_iter()
            .map(|(id, side, polygons)| {
                let muscle = map.muscle(id);
                json!({
                    "id": id,
                    "name": muscle.map_or(id, |m| m.name.as_str()),
                    "layer": layer_name(muscle.map_or(crate::bodymap::Layer::Superficial, |m| m.layer)),
                    "side": side.label(),
                    "polygons": polygons,
                })
            })
            .collect();
            let region_shapes: Vec<_> = map
                .region_sets
                .iter()
                .flat_map(|set| {
                    grouped(
                        set.regions
                            .iter()
                            .filter(|r| r.view == v.id)
                            .map(|r| (r.id.as_str(), r.side, &r.shape)),
                    )
                    .into_iter()
                    .map(move |(id, side, polygons)| {
                        let name = set
                            .regions
                            .iter()
                            .find(|r| r.id == id)
                            .map_or(id, |r| r.name.as_str());
                        json!({
                            "id": id,
                            "name": name,
                            "set": set.id,
                            "side": side.label(),
                            "polygons": polygons,
                        })
                    })
                })
                .collect();
            json!({
                "id": v.id.as_str(),
                "name": v.name,
                "muscles": muscles_on(v),
                "outline": v.outline.iter().map(polygon_json).collect::<Vec<_>>(),
                "muscle_shapes": muscle_shapes,
                "region_shapes": region_shapes,
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
                "layer": layer_name(m.layer),
                "group": m.group,
            })
        })
        .collect();
    let mut regions = Vec::new();
    let mut region_sets = Vec::new();
    for set in &map.region_sets {
        let mut seen = BTreeSet::new();
        let mut ids = Vec::new();
        for region in &set.regions {
            if seen.insert(region.id.as_str()) {
                ids.push(region.id.as_str());
                regions.push(json!({
                    "id": region.id,
                    "name": region.name,
                    "set": set.id,
                }));
            }
        }
        region_sets.push(json!({"id": set.id, "name": set.name, "regions": ids}));
    }
    json!({
        "id": map.id,
        "version": map.version,
        "views": views,
        "muscles": muscles,
        "regions": regions,
        "region_sets": region_sets,
    })
}

/// The counts `maps` and `refer --list --counts` print: views, distinct muscles drawn on
/// them, referral patterns.
pub fn counts_line(map: &BodyMap) -> String {
    let drawn: BTreeSet<&str> = map
        .views
        .iter()
        .flat_map(|v| v.muscles.iter().map(|r| r.muscle.as_str()))
        .collect();
    format!(
        "{} views, {} distinct muscles drawn ({} defined), {} referral patterns",
        map.views.len(),
        drawn.len(),
        map.muscles.len(),
        crate::education::referral_library().patterns.len()
    )
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
    say!("{}", counts_line(map));
    say!(
        "region sets: {}",
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
