//! The generator of the shipped body-map data (`body_maps/*.ron`): run by `cargo run --example
//! generate_body_maps`, checked byte for byte by `tests/body_maps_generated.rs`. No egui and no
//! file access; the app's own loaders validate what it writes.

// Each shape is a handful of points placed on the reference body of `anatomy.md` (1,750 mm
// adult, mm, y down from the top of the head, x = 0 on the midline), smoothed into Bézier
// curves and mirrored for the other side, so left and right are exact mirror images and every
// refinement stays in the same frame. The arithmetic is f64 throughout and reproduces the
// committed files to the last printed digit; the files are then checked by the same loaders
// the app uses (`BodyMap::problems`, `ReferralLibrary::problems`) plus the generator's own
// stricter checks, and nothing is returned when any of them finds a problem.

mod detail;
mod geometry;
mod muscles;
mod overlays;
mod referral_patterns;
mod regions;
mod safety;
mod shapes;
mod standard_adult;

pub use overlays::{OVERLAYS_FILE, overlays_ron};
pub use referral_patterns::referral_patterns_ron;
pub use standard_adult::standard_adult_ron;

use crate::bodymap::Facing;
use crate::model::Side;

/// Where the standard map is written, relative to the crate root.
pub const STANDARD_ADULT_FILE: &str = "body_maps/standard_adult.ron";
/// Where the referral library is written, relative to the crate root.
pub const REFERRAL_PATTERNS_FILE: &str = "body_maps/referral_patterns.ron";

/// The generated files as (path relative to the crate root, text): the referral library and
/// the overlays are drawn on the standard map as written, so the map comes first.
pub fn all_files() -> Result<[(&'static str, String); 3], Vec<String>> {
    let map = standard_adult_ron()?;
    let referral = referral_patterns_ron(&map)?;
    let overlays = overlays_ron(&map)?;
    Ok([
        (STANDARD_ADULT_FILE, map),
        (REFERRAL_PATTERNS_FILE, referral),
        (OVERLAYS_FILE, overlays),
    ])
}

/// The patient's side at +x on a view of this facing.
fn side_at_plus_x(facing: Facing) -> Side {
    match facing {
        Facing::Anterior | Facing::LeftLateral => Side::Left,
        Facing::Posterior | Facing::RightLateral => Side::Right,
    }
}

/// The other side of a paired structure (the midline stays).
fn other_side(side: Side) -> Side {
    match side {
        Side::Left => Side::Right,
        Side::Right => Side::Left,
        other => other,
    }
}

/// A side as the map files write it.
fn side_name(side: Side) -> &'static str {
    match side {
        Side::Left => "Left",
        Side::Right => "Right",
        Side::Midline => "Midline",
        Side::Unspecified => "Unspecified",
    }
}

/// A facing as the map files write it.
fn facing_name(facing: Facing) -> &'static str {
    match facing {
        Facing::Anterior => "Anterior",
        Facing::Posterior => "Posterior",
        Facing::LeftLateral => "LeftLateral",
        Facing::RightLateral => "RightLateral",
    }
}
