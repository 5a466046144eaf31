//! The standard adult body map, embedded in the binary from `body_maps/standard_adult.ron`.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::{BodyMap, ViewIndex};
use crate::geometry::ViewId;

/// The RON text of the standard map, as shipped.
pub const STANDARD_MAP_RON: &str = include_str!("../../body_maps/standard_adult.ron");

/// The standard map with its hit-testing index, parsed once per process.
pub struct StandardMap {
    pub map: BodyMap,
    pub index: HashMap<ViewId, ViewIndex>,
}

/// The standard adult body map. Parsed on first use (about 45 ms: the app starts it on a
/// background thread at launch); a test guarantees
/// the embedded file parses and validates, so a failure here is a build defect.
pub fn standard() -> &'static StandardMap {
    static MAP: OnceLock<StandardMap> = OnceLock::new();
    MAP.get_or_init(|| {
        // The embedded map is checked by tests; there is no user input here.
        let map: BodyMap = crate::storage::decode(STANDARD_MAP_RON)
            .expect("the embedded standard body map parses (see bodymap::standard tests)");
        let index = map.index();
        StandardMap { map, index }
    })
}

#[cfg(test)]
mod tests;
