//! Fuzz target: the body-map loader (see common.rs for the oracle), then validation and
//! hit-testing of whatever loads: none may panic or allocate without bound.
#![no_main]

#[path = "common.rs"]
mod common;

use myomap::bodymap::BodyMap;
use myomap::geometry::MapPoint;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    common::load_or_fail_cleanly::<BodyMap>(data);
    if let Ok(map) = myomap::storage::decode_bytes::<BodyMap>(data) {
        let _ = map.problems();
        for view in map.index().values() {
            let _ = view.muscles_at(MapPoint::new(10.0, 400.0));
            let _ = view.nearest_muscle(MapPoint::new(-10.0, 300.0), 25.0, None);
            let _ = view.region_at("wpi", MapPoint::new(0.0, 500.0));
        }
    }
});
