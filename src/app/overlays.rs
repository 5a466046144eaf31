//! Overlays on the body-map canvas, as plugins: the earlier visit as a ghost, the difference
//! map between two visits (new / resolved / persisting pain, matched trigger points), and the
//! frequency map of all a patient's visits. Each gives an image on the measuring grid, its
//! own markers, and legend entries; the canvas paints them.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use egui::{Color32, Pos2, Shape, Stroke, vec2};

use super::canvas_marks::{PATTERN_TEXELS, grid_image, mark_radius, screen};
use crate::geometry::ViewId;
use crate::metrics::{PainMask, TriggerPointMatches, ViewDifference};
use crate::model::Session;
use crate::scene::{Pattern, Projection};

/// One legend line: a swatch colour, its pattern, and what it means.
pub struct LegendEntry {
    pub colour: Color32,
    pub pattern: Pattern,
    pub label: String,
}

pub trait CanvasOverlay {
    /// Changes whenever what the overlay shows changes (keys its cached image).
    fn key(&self) -> u64;
    /// Whether the session's own zones and marks are hidden under the overlay.
    fn replaces_marks(&self) -> bool;
    /// The overlay's image of `view` on the measuring grid, if it has one there.
    fn image(&self, view: &ViewId) -> Option<egui::ColorImage>;
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

const GHOST: Color32 = Color32::from_rgb(0x6a, 0x6a, 0x7a);

impl CanvasOverlay for GhostOverlay<'_> {
    fn key(&self) -> u64 {
        hash_of(("ghost", self.key))
    }

    fn replaces_marks(&self) -> bool {
        false
    }

    fn image(&self, view: &ViewId) -> Option<egui::ColorImage> {
        if !self.earlier.referred_zones.iter().any(|z| &z.view == view) {
            return None;
        }
        let mask = PainMask::of_view(&self.earlier.referred_zones, view);
        let fill = GHOST.gamma_multiply(0.28);
        Some(grid_image(|column, row, _, _| {
            mask.get(column, row).then_some(fill)
        }))
    }

    fn paint(&self, painter: &egui::Painter, view: &ViewId, projection: &Projection) {
        let radius = mark_radius(projection);
        for tp in self
            .earlier
            .trigger_points
            .iter()
            .filter(|t| &t.view == view)
        {
            let at = screen(projection, tp.at);
            painter.circle_stroke(at, radius, Stroke::new(1.5, GHOST.gamma_multiply(0.8)));
        }
    }

    fn legend(&self, view: &ViewId) -> Vec<LegendEntry> {
        let any = self.earlier.referred_zones.iter().any(|z| &z.view == view)
            || self.earlier.trigger_points.iter().any(|t| &t.view == view);
        if !any {
            return Vec::new();
        }
        vec![LegendEntry {
            colour: GHOST.gamma_multiply(0.5),
            pattern: Pattern::Solid,
            label: format!("earlier visit ({})", self.earlier.date()),
        }]
    }
}

// -------------------------------------------------------------------------------------------

/// Colours of the difference map: distinct in hue **and** pattern.
pub const NEW: (Color32, Pattern) = (Color32::from_rgb(0xc8, 0x1e, 0x2d), Pattern::Hatch);
pub const RESOLVED: (Color32, Pattern) = (Color32::from_rgb(0x1e, 0x8a, 0x50), Pattern::Dots);
pub const PERSISTING: (Color32, Pattern) = (Color32::from_rgb(0xd0, 0x8a, 0x00), Pattern::Solid);

/// New, resolved and persisting pain between two visits, with trigger points matched.
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

    fn image(&self, view: &ViewId) -> Option<egui::ColorImage> {
        let d = self.differences.get(view)?;
        let styled = |(colour, pattern): (Color32, Pattern), x, y| {
            if pattern.marks(x, y, PATTERN_TEXELS) {
                colour.gamma_multiply(0.85)
            } else {
                colour.gamma_multiply(0.4)
            }
        };
        Some(grid_image(|column, row, x, y| {
            if d.new.get(column, row) {
                Some(styled(NEW, x, y))
            } else if d.resolved.get(column, row) {
                Some(styled(RESOLVED, x, y))
            } else if d.persisting.get(column, row) {
                Some(styled(PERSISTING, x, y))
            } else {
                None
            }
        }))
    }

    fn paint(&self, painter: &egui::Painter, view: &ViewId, projection: &Projection) {
        let radius = mark_radius(projection);
        let white = Stroke::new(1.5, Color32::WHITE);
        let find = |session: &Session, id| {
            session
                .trigger_points
                .iter()
                .find(|t| t.id == id && &t.view == view)
                .map(|t| screen(projection, t.at))
        };
        // Persisting: a filled circle where it is now, a thin line from where it was.
        for (was, now) in &self.matches.persisting {
            if let (Some(a), Some(b)) = (find(self.earlier, *was), find(self.later, *now)) {
                painter.line_segment([a, b], Stroke::new(1.0, PERSISTING.0));
                painter.circle(b, radius, PERSISTING.0, white);
            }
        }
        // Resolved: a hollow circle crossed out, where it was.
        for id in &self.matches.resolved {
            if let Some(at) = find(self.earlier, *id) {
                painter.circle(
                    at,
                    radius,
                    Color32::WHITE.gamma_multiply(0.8),
                    Stroke::new(2.0, RESOLVED.0),
                );
                let d = radius * 0.7;
                painter.line_segment(
                    [at + vec2(-d, -d), at + vec2(d, d)],
                    Stroke::new(2.0, RESOLVED.0),
                );
            }
        }
        // New: a filled triangle.
        for id in &self.matches.new {
            if let Some(at) = find(self.later, *id) {
                let r = radius * 1.2;
                let points: Vec<Pos2> = vec![
                    at + vec2(0.0, -r),
                    at + vec2(r * 0.9, r * 0.6),
                    at + vec2(-r * 0.9, r * 0.6),
                ];
                painter.add(Shape::convex_polygon(points, NEW.0, white));
            }
        }
    }

    fn legend(&self, _view: &ViewId) -> Vec<LegendEntry> {
        vec![
            LegendEntry {
                colour: NEW.0,
                pattern: NEW.1,
                label: "new pain; triangle: new trigger point".to_owned(),
            },
            LegendEntry {
                colour: RESOLVED.0,
                pattern: RESOLVED.1,
                label: "resolved; crossed ring: trigger point gone".to_owned(),
            },
            LegendEntry {
                colour: PERSISTING.0,
                pattern: PERSISTING.1,
                label: "persisting; dot: trigger point still there".to_owned(),
            },
        ]
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
pub fn frequency_colour(count: u16, visits: usize) -> Color32 {
    let t = if visits <= 1 {
        1.0
    } else {
        (f32::from(count) - 1.0) / (visits as f32 - 1.0)
    }
    .clamp(0.0, 1.0);
    let lerp = |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * t).round() as u8;
    Color32::from_rgba_unmultiplied(lerp(0xf2, 0xb0), lerp(0xc2, 0x10), lerp(0x4c, 0x28), 0xb0)
}

impl CanvasOverlay for FrequencyOverlay<'_> {
    fn key(&self) -> u64 {
        hash_of(("frequency", self.key))
    }

    fn replaces_marks(&self) -> bool {
        true
    }

    fn image(&self, view: &ViewId) -> Option<egui::ColorImage> {
        let counts = self.counts.get(view)?;
        let columns = PainMask::new().columns();
        Some(grid_image(|column, row, _, _| {
            let count = counts.get(row * columns + column).copied().unwrap_or(0);
            (count > 0).then(|| frequency_colour(count, self.visits))
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
            .map(|n| LegendEntry {
                colour: frequency_colour(n as u16, self.visits),
                pattern: Pattern::Solid,
                label: format!("painted in {n} of {} visits", self.visits),
            })
            .collect()
    }
}
