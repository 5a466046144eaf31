//! The app's screens: welcome, library, session (with the inspector and the clinical
//! record), comparison, progress, reconciling a conflict copy and presentation. Each draws from borrowed state and
//! returns what the user asked for; none runs a file effect or changes a session directly.

pub mod compare;
pub mod complaints;
pub mod editing;
pub mod followed_points;
pub mod inspector;
pub mod library;
pub mod measure_table;
pub mod measures;
pub mod plots;
pub mod presentation;
pub mod progress;
pub mod reconcile;
pub mod record;
pub mod search;
pub mod session;
pub mod signing;
pub mod welcome;
