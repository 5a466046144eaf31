//! Hit-testing a view: which muscles lie under a point (superficial first), which surface
//! region, and the nearest muscle within a tolerance. Built once per view; each lookup
//! touches only the regions of one grid cell.

use crate::geometry::{MapPoint, ViewId};
use crate::model::Side;

use super::path::{self, Bounds, FLATTEN_TOLERANCE_MM};
use super::{BodyMap, Layer, View};

/// Grid cell size, mm: small enough that a cell holds a handful of regions.
const CELL_MM: f32 = 40.0;
/// At most this many cells a side, whatever the coordinates in a file: bounds the index's
/// memory (cells grow instead).
const MAX_CELLS_PER_SIDE: f32 = 256.0;

/// A muscle found at a point.
#[derive(Clone, Debug, PartialEq)]
pub struct MuscleHit {
    pub muscle: String,
    pub side: Side,
    pub layer: Layer,
    /// Distance from the point to the region, mm (0 when inside).
    pub distance: f32,
}

struct Shape {
    polygon: Vec<MapPoint>,
    bounds: Bounds,
}

struct IndexedMuscle {
    muscle: String,
    side: Side,
    layer: Layer,
    /// Position in the view's drawing order (part, then index): later is on top.
    order: (u8, usize),
    shape: Shape,
}

struct IndexedRegion {
    set: String,
    id: String,
    shape: Shape,
}

struct IndexedSafetyArea {
    /// Index of the zone in the map's `safety_zones`.
    zone: usize,
    side: Side,
    shape: Shape,
}

/// A safety zone found at a point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SafetyHit {
    /// Index of the zone in the map's `safety_zones`.
    pub zone: usize,
    /// The side of the area hit.
    pub side: Side,
}

/// The hit-testing index of one view.
pub struct ViewIndex {
    pub view: ViewId,
    muscles: Vec<IndexedMuscle>,
    regions: Vec<IndexedRegion>,
    safety: Vec<IndexedSafetyArea>,
    origin: MapPoint,
    cell: (f32, f32),
    columns: usize,
    rows: usize,
    /// For each cell, the muscles whose bounds touch it.
    cells: Vec<Vec<u32>>,
}

impl ViewIndex {
    pub fn new(map: &BodyMap, view: &View) -> Self {
        let shape = |path: &super::Path| {
            let polygon = path.flatten(FLATTEN_TOLERANCE_MM);
            let bounds = Bounds::of(&polygon).unwrap_or(Bounds {
                min: MapPoint::default(),
                max: MapPoint::default(),
            });
            Shape { polygon, bounds }
        };
        let muscles: Vec<IndexedMuscle> = view
            .muscles
            .iter()
            .enumerate()
            .map(|(order, region)| IndexedMuscle {
                muscle: region.muscle.clone(),
                side: region.side,
                layer: map
                    .muscle(&region.muscle)
                    .map_or(Layer::Superficial, |m| m.layer),
                order: (region.part, order),
                shape: shape(&region.shape),
            })
            .collect();
        let regions = map
            .region_sets
            .iter()
            .flat_map(|set| {
                set.regions
                    .iter()
                    .filter(|r| r.view == view.id)
                    .map(|r| IndexedRegion {
                        set: set.id.clone(),
                        id: r.id.clone(),
                        shape: shape(&r.shape),
                    })
            })
            .collect();
        let safety = map
            .safety_zones
            .iter()
            .enumerate()
            .flat_map(|(zone, z)| {
                z.areas
                    .iter()
                    .filter(|a| a.view == view.id)
                    .map(move |a| (zone, a))
            })
            .map(|(zone, area)| IndexedSafetyArea {
                zone,
                side: area.side,
                shape: shape(&area.shape),
            })
            .collect();

        let all: Vec<MapPoint> = muscles
            .iter()
            .flat_map(|m| [m.shape.bounds.min, m.shape.bounds.max])
            .collect();
        let bounds = Bounds::of(&all).unwrap_or(Bounds {
            min: MapPoint::default(),
            max: MapPoint::default(),
        });
        let (width, height) = (bounds.max.x - bounds.min.x, bounds.max.y - bounds.min.y);
        let cell = (
            CELL_MM.max(width / MAX_CELLS_PER_SIDE),
            CELL_MM.max(height / MAX_CELLS_PER_SIDE),
        );
        let columns = ((width / cell.0).ceil() as usize).clamp(1, MAX_CELLS_PER_SIDE as usize);
        let rows = ((height / cell.1).ceil() as usize).clamp(1, MAX_CELLS_PER_SIDE as usize);
        let mut index = Self {
            view: view.id.clone(),
            muscles,
            regions,
            safety,
            origin: bounds.min,
            cell,
            columns,
            rows,
            cells: vec![Vec::new(); columns * rows],
        };
        for (i, muscle) in index.muscles.iter().enumerate() {
            let (c0, r0) = index.cell_of(muscle.shape.bounds.min);
            let (c1, r1) = index.cell_of(muscle.shape.bounds.max);
            for row in r0..=r1 {
                for column in c0..=c1 {
                    index.cells[row * columns + column].push(i as u32);
                }
            }
        }
        index
    }

    fn cell_of(&self, p: MapPoint) -> (usize, usize) {
        let column = ((p.x - self.origin.x) / self.cell.0).floor().max(0.0) as usize;
        let row = ((p.y - self.origin.y) / self.cell.1).floor().max(0.0) as usize;
        (column.min(self.columns - 1), row.min(self.rows - 1))
    }

    /// Muscles whose grid cells are within `radius` of `p`.
    fn candidates(&self, p: MapPoint, radius: f32) -> impl Iterator<Item = &IndexedMuscle> {
        let (c0, r0) = self.cell_of(MapPoint::new(p.x - radius, p.y - radius));
        let (c1, r1) = self.cell_of(MapPoint::new(p.x + radius, p.y + radius));
        let mut seen: Vec<u32> = Vec::new();
        for row in r0..=r1 {
            for column in c0..=c1 {
                for &i in &self.cells[row * self.columns + column] {
                    if !seen.contains(&i) {
                        seen.push(i);
                    }
                }
            }
        }
        seen.into_iter().map(|i| &self.muscles[i as usize])
    }

    /// Every muscle under `p`, superficial layer first, topmost first within a layer.
    pub fn muscles_at(&self, p: MapPoint) -> Vec<MuscleHit> {
        let mut hits: Vec<&IndexedMuscle> = self
            .candidates(p, 0.0)
            .filter(|m| {
                m.shape.bounds.contains(p, 0.0) && path::polygon_contains(&m.shape.polygon, p)
            })
            .collect();
        hits.sort_by_key(|m| (m.layer, std::cmp::Reverse(m.order)));
        hits.into_iter()
            .map(|m| MuscleHit {
                muscle: m.muscle.clone(),
                side: m.side,
                layer: m.layer,
                distance: 0.0,
            })
            .collect()
    }

    /// The muscle nearest to `p` within `tolerance` mm (0 when inside one), preferring the
    /// superficial layer at equal distance; `layer` restricts the search to one layer.
    pub fn nearest_muscle(
        &self,
        p: MapPoint,
        tolerance: f32,
        layer: Option<Layer>,
    ) -> Option<MuscleHit> {
        self.candidates(p, tolerance)
            .filter(|m| layer.is_none_or(|l| m.layer == l))
            .filter(|m| m.shape.bounds.contains(p, tolerance))
            .map(|m| (m, path::distance_to_polygon(&m.shape.polygon, p)))
            .filter(|(_, d)| *d <= tolerance)
            .min_by(|(a, da), (b, db)| {
                da.total_cmp(db)
                    .then(a.layer.cmp(&b.layer))
                    .then(b.order.cmp(&a.order))
            })
            .map(|(m, distance)| MuscleHit {
                muscle: m.muscle.clone(),
                side: m.side,
                layer: m.layer,
                distance,
            })
    }

    /// The id of the surface region of `set` under `p`.
    pub fn region_at(&self, set: &str, p: MapPoint) -> Option<&str> {
        self.regions
            .iter()
            .filter(|r| r.set == set && r.shape.bounds.contains(p, 0.0))
            .find(|r| path::polygon_contains(&r.shape.polygon, p))
            .map(|r| r.id.as_str())
    }

    /// The safety zones under `p`, each zone once, in the map's order.
    pub fn safety_at(&self, p: MapPoint) -> Vec<SafetyHit> {
        let mut hits: Vec<SafetyHit> = Vec::new();
        for area in &self.safety {
            if area.shape.bounds.contains(p, 0.0)
                && path::polygon_contains(&area.shape.polygon, p)
                && !hits.iter().any(|h| h.zone == area.zone)
            {
                hits.push(SafetyHit {
                    zone: area.zone,
                    side: area.side,
                });
            }
        }
        hits
    }

    /// Every safety area of the view as a flattened polygon, with its zone index.
    pub fn safety_areas(&self) -> impl Iterator<Item = (usize, &[MapPoint])> {
        self.safety
            .iter()
            .map(|a| (a.zone, a.shape.polygon.as_slice()))
    }
}
