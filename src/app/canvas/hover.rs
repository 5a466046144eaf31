//! What lies under the pointer on the canvas, in words for the status bar. Knows the map,
//! never the canvas's state.

use crate::bodymap::{Layer, MuscleHit, StandardMap};
use crate::geometry::MapPoint;
use crate::model::Side;

/// What lies under the pointer.
#[derive(Clone, Debug, PartialEq)]
pub struct Hover {
    pub at: MapPoint,
    /// Muscles under the point on the layers shown, superficial first.
    pub muscles: Vec<MuscleHit>,
    /// The named location ("Right lateral thigh").
    pub region: Option<String>,
    /// Safety zones under the point ("Lung and pleura").
    pub safety: Vec<String>,
}

impl Hover {
    /// One line for the status bar: "Right gluteus maximus (over piriformis) · Right buttock".
    pub fn describe(&self, map: &StandardMap) -> String {
        let name = |hit: &MuscleHit| {
            map.map
                .muscle(&hit.muscle)
                .map_or_else(|| hit.muscle.clone(), |m| m.name.to_lowercase())
        };
        let mut text = match self.muscles.split_first() {
            Some((top, rest)) => {
                let mut text = format!("{} {}", side_word(top.side), name(top));
                if top.layer == Layer::Deep {
                    text.push_str(" (deep)");
                }
                if !rest.is_empty() {
                    let under: Vec<String> = rest.iter().map(name).collect();
                    text.push_str(&format!(", over {}", under.join(", ")));
                }
                text
            }
            None => String::new(),
        };
        if let Some(region) = &self.region {
            if !text.is_empty() {
                text.push_str(" · ");
            }
            text.push_str(region);
        }
        for zone in &self.safety {
            text.push_str(" · ⚠ ");
            text.push_str(zone);
        }
        text
    }
}

fn side_word(side: Side) -> &'static str {
    match side {
        Side::Left => "Left",
        Side::Right => "Right",
        Side::Midline => "Midline",
        Side::Unspecified => "",
    }
}
