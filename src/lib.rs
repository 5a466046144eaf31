//! myomap: chart myofascial trigger points, referred-pain zones and dry-needling sites on
//! anatomical body maps, one RON file per treatment session.
//!
//! The domain (`model`, `geometry`, `storage`, `demo`, `check`) has no egui; the user
//! interface lives in `app`.

pub mod app;
pub mod bodymap;
pub mod check;
pub mod cli;
pub mod demo;
pub mod document;
pub mod education;
pub mod export;
pub mod geometry;
pub mod identity;
pub mod index;
pub mod ledger;
pub mod metrics;
pub mod model;
pub mod progress;
pub mod reconcile;
pub mod render;
pub mod safety;
pub mod scene;
pub mod storage;
pub mod text;
pub mod words;

/// Id of the standard adult body map built into myomap.
pub const STANDARD_BODY_MAP_ID: &str = "myomap-adult";
/// Version of the standard body map's drawing and muscle ids. Version 2 (issue #19) widened the
/// shoulders, raised the lateral views' arm, added 47 muscles and the hand and foot views; it
/// keeps every view id, muscle id and the coordinate frame of version 1, so sessions charted on
/// version 1 open unchanged (tests/body_map_versions.rs).
pub const STANDARD_BODY_MAP_VERSION: u32 = 2;
