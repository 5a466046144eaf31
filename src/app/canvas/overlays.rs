//! Overlays on the body-map canvas, as plugins: the earlier visit as a ghost, the difference
//! map between two visits (new / resolved / persisting pain, matched trigger points), and the
//! frequency map of all a patient's visits. Each gives an image on the measuring grid, its
//! own markers, and legend entries; the canvas paints them.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use egui::Stroke;

use crate::app::canvas::marks::{mark_radius, paint_glyphs, screen};
use crate::geometry::ViewId;
use crate::metrics::{PainMask, TriggerPointMatches, ViewDifference};
use crate::model::Session;
use crate::scene::marks::{self, premultiply, with_alpha};
use crate::scene::{GridImage, LegendEntry, Pattern, Projection, Rgba};

pub trait CanvasOverlay {
    /// Changes whenever what the overlay shows changes (keys its cached image).
    fn key(&self) -> u64;
    /// Whether the session's own zones and marks are hidden under the overlay.
    fn replaces_marks(&self) -> bool;
    /// The overlay's image of `view` on the measuring grid, if it has one there.
    fn image(&self, view: &ViewId) -> Option<GridImage>;
    /// Markers drawn over everything.
    fn paint(&self, painter: &egui::Painter, view: &ViewId, projection: &Projection);
    fn legend(&self, view: &ViewId) -> Vec<LegendEntry>;
}

fn hash_of(value: impl Hash) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

// -------------------------------------------------------------------------------------------

/// The earlier visit drawn faintly under the later one.
pub struct GhostOverlay<'a> {
    pub earlier: &'a Session,
    pub key: u64,
}

const GHOST: Rgba = [0x6a, 0x6a, 0x7a, 0xff];

impl CanvasOverlay for GhostOverlay<'_> {
    fn key(&self) -> u64 {
        hash_of(("ghost", self.key))
    }

    fn replaces_marks(&self) -> bool {
        false
    }

    fn image(&self, view: &ViewId) -> Option<GridImage> {
        if !self.earlier.referred_zones.iter().any(|z| &z.view == view) {
            return None;
        }
        let mask = PainMask::of_view(&self.earlier.referred_zones, view);
        let fill = premultiply(GHOST, 0.28);
        Some(GridImage::new(|column, row, _, _| {
            mask.get(column, row).then_some(fill)
        }))
    }

    fn paint(&self, painter: &egui::Painter, view: &ViewId, projection: &Projection) {
        let radius = mark_radius(projection);
        let ring = Stroke::new(1.5, crate::app::canvas::marks::rgba(with_alpha(GHOST, 0.8)));
        for tp in self
            .earlier
            .trigger_points
            .iter()
            .filter(|t| &t.view == view)
        {
            painter.circle_stroke(screen(projection, tp.at), radius, ring);
        }
    }

    fn legend(&self, view: &ViewId) -> Vec<LegendEntry> {
        let any = self.earlier.referred_zones.iter().any(|z| &z.view == view)
            || self.earlier.trigger_points.iter().any(|t| &t.view == view);
        if !any {
            return Vec::new();
        }
        vec![LegendEntry::new(
            with_alpha(GHOST, 0.5),
            Pattern::Solid,
            format!("earlier visit ({})", self.earlier.date()),
        )]
    }
}

// -------------------------------------------------------------------------------------------

/// New, resolved and persisting pain between two visits, with trigger points matched (the
/// scene's difference map, as export draws it).
pub struct DifferenceOverlay<'a> {
    pub earlier: &'a Session,
    pub later: &'a Session,
    pub differences: &'a HashMap<ViewId, ViewDifference>,
    pub matches: &'a TriggerPointMatches,
    pub key: u64,
}

impl CanvasOverlay for DifferenceOverlay<'_> {
    fn key(&self) -> u64 {
        hash_of(("difference", self.key))
    }

    fn replaces_marks(&self) -> bool {
        true
    }

    fn image(&self, view: &ViewId) -> Option<GridImage> {
        self.differences.get(view).map(marks::difference_image)
    }

    fn paint(&self, painter: &egui::Painter, view: &ViewId, projection: &Projection) {
        paint_glyphs(
            painter,
            &marks::difference_glyphs(self.earlier, self.later, self.matches, view, projection),
        );
    }

    fn legend(&self, _view: &ViewId) -> Vec<LegendEntry> {
        marks::difference_legend()
    }
}

// -------------------------------------------------------------------------------------------

/// How many of a patient's visits had pain in each cell, per view.
pub struct FrequencyOverlay<'a> {
    pub counts: &'a HashMap<ViewId, Vec<u16>>,
    pub visits: usize,
    pub key: u64,
}

/// The colour of a cell painted in `count` of `visits` visits: pale yellow to deep red.
pub fn frequency_colour(count: u16, visits: usize) -> Rgba {
    let t = if visits <= 1 {
        1.0
    } else {
        (f32::from(count) - 1.0) / (visits as f32 - 1.0)
    }
    .clamp(0.0, 1.0);
    let lerp = |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * t).round() as u8;
    [lerp(0xf2, 0xb0), lerp(0xc2, 0x10), lerp(0x4c, 0x28), 0xb0]
}

impl CanvasOverlay for FrequencyOverlay<'_> {
    fn key(&self) -> u64 {
        hash_of(("frequency", self.key))
    }

    fn replaces_marks(&self) -> bool {
        true
    }

    fn image(&self, view: &ViewId) -> Option<GridImage> {
        let counts = self.counts.get(view)?;
        let columns = PainMask::new().columns();
        Some(GridImage::new(|column, row, _, _| {
            let count = counts.get(row * columns + column).copied().unwrap_or(0);
            (count > 0).then(|| premultiply(frequency_colour(count, self.visits), 1.0))
        }))
    }

    fn paint(&self, _painter: &egui::Painter, _view: &ViewId, _projection: &Projection) {}

    fn legend(&self, view: &ViewId) -> Vec<LegendEntry> {
        if !self.counts.contains_key(view) {
            return Vec::new();
        }
        let steps: Vec<usize> = if self.visits <= 4 {
            (1..=self.visits).collect()
        } else {
            vec![1, self.visits.div_ceil(2), self.visits]
        };
        steps
            .into_iter()
            .map(|n| {
                LegendEntry::new(
                    frequency_colour(n as u16, self.visits),
                    Pattern::Solid,
                    format!("painted in {n} of {} visits", self.visits),
                )
            })
            .collect()
    }
}
