//! Reverse lookup: which muscles' typical patterns best match a pain drawing.
//!
//! Each pattern, on each side of the patient, is rasterised once onto the metrics grid
//! (`metrics::PainMask`, clipped to the body). The drawing is split into its separate painted
//! areas (4-connected cells); a pattern is compared with the areas it touches, so in a drawing
//! with pain in two places each pattern is judged against its own place. With E the essential
//! zone, S the spillover zone and D the touched areas of the drawing:
//!
//! score = (2·J(E, D) + J(E ∪ S, D)) / 3, where J(A, B) = |A ∩ B| / |A ∪ B| (Jaccard).
//!
//! The essential zone counts twice; Jaccard normalises by the pattern's own size, so a small
//! pattern painted exactly scores as high as a large one, and a pattern nested inside a larger
//! painted area scores low (its union with the area is the whole area).

use std::collections::BTreeMap;

use crate::geometry::{MapPoint, ViewId};
use crate::metrics::{BodyCharts, PainMask};
use crate::model::{PaintOp, Session, Side};

use super::{ReferralLibrary, base_view};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scoring {
    /// A pain drawing: patterns that are painted and explain the drawing.
    Drawing,
    /// A tapped spot: patterns whose zones cover it, essential above spillover.
    Area,
}

/// A muscle whose pattern matches a drawing, with its score (0–1).
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub muscle: String,
    pub side: Side,
    pub score: f32,
}

struct Entry {
    muscle: String,
    side: Side,
    /// Per full-body view: the essential mask, the spillover mask outside it.
    views: Vec<(ViewId, PainMask, PainMask)>,
    essential_cells: usize,
    spillover_cells: usize,
}

/// A drawing on one view split into its separate painted areas.
struct Areas {
    /// For each cell, 1 + the index of its area, or 0 when unpainted.
    labels: Vec<u32>,
    sizes: Vec<usize>,
}

impl Areas {
    fn of(mask: &PainMask) -> Self {
        let (columns, rows) = (mask.columns(), mask.rows());
        let mut labels = vec![0_u32; columns * rows];
        let mut sizes = Vec::new();
        let mut stack = Vec::new();
        for start in mask.painted_cells() {
            if labels[start] != 0 {
                continue;
            }
            sizes.push(0);
            let label = sizes.len() as u32;
            labels[start] = label;
            stack.push(start);
            while let Some(cell) = stack.pop() {
                sizes[label as usize - 1] += 1;
                let (column, row) = (cell % columns, cell / columns);
                let neighbours = [
                    (column > 0).then(|| cell - 1),
                    (column + 1 < columns).then(|| cell + 1),
                    (row > 0).then(|| cell - columns),
                    (row + 1 < rows).then(|| cell + columns),
                ];
                for next in neighbours.into_iter().flatten() {
                    if labels[next] == 0 && mask.get_index(next) {
                        labels[next] = label;
                        stack.push(next);
                    }
                }
            }
        }
        Self { labels, sizes }
    }

    /// The total size of the areas the cells of `hit` fall in, each area once.
    fn touched(&self, hit: &PainMask) -> usize {
        let mut seen: Vec<u32> = Vec::new();
        for cell in hit.painted_cells() {
            let label = self.labels[cell];
            if label != 0 && !seen.contains(&label) {
                seen.push(label);
            }
        }
        seen.iter().map(|l| self.sizes[*l as usize - 1]).sum()
    }
}

/// Every pattern of a library, on both sides, rasterised for matching.
pub struct PatternMasks {
    entries: Vec<Entry>,
}

impl PatternMasks {
    pub fn new(library: &ReferralLibrary, charts: &BodyCharts) -> Self {
        let full_views = [
            "anterior",
            "posterior",
            "left_lateral",
            "right_lateral",
            "feet_plantar",
        ];
        let mut entries = Vec::new();
        for pattern in &library.patterns {
            for side in [Side::Right, Side::Left] {
                let mut views = Vec::new();
                let (mut essential_cells, mut spillover_cells) = (0, 0);
                for view in full_views {
                    let view = ViewId::new(view);
                    let shapes = library.shapes(pattern, &view, side);
                    if shapes.essential.is_empty() && shapes.spillover.is_empty() {
                        continue;
                    }
                    let fill = |polygons: &[Vec<MapPoint>]| {
                        let mut mask = PainMask::new();
                        for polygon in polygons {
                            mask.apply(&PaintOp::Fill {
                                points: polygon.clone(),
                            });
                        }
                        match charts.body(&view) {
                            Some(body) => mask.and(body),
                            None => mask,
                        }
                    };
                    let essential = fill(&shapes.essential);
                    let spillover = fill(&shapes.spillover).and_not(&essential);
                    essential_cells += essential.count();
                    spillover_cells += spillover.count();
                    views.push((view, essential, spillover));
                }
                entries.push(Entry {
                    muscle: pattern.muscle.clone(),
                    side,
                    views,
                    essential_cells,
                    spillover_cells,
                });
            }
        }
        Self { entries }
    }

    /// The standard library's masks on the standard charts, built once per run.
    pub fn standard() -> &'static Self {
        static MASKS: std::sync::OnceLock<PatternMasks> = std::sync::OnceLock::new();
        MASKS
            .get_or_init(|| Self::new(super::referral_library(), crate::metrics::standard_charts()))
    }

    /// Ranks the patterns against painted masks keyed by full-body view, best first; patterns
    /// that touch none of the drawing are left out.
    fn rank(&self, painted: &BTreeMap<ViewId, PainMask>, scoring: Scoring) -> Vec<Candidate> {
        let total: usize = painted.values().map(PainMask::count).sum();
        if total == 0 {
            return Vec::new();
        }
        let areas: BTreeMap<&ViewId, Areas> = match scoring {
            Scoring::Drawing => painted.iter().map(|(v, m)| (v, Areas::of(m))).collect(),
            Scoring::Area => BTreeMap::new(),
        };
        let mut candidates: Vec<Candidate> = self
            .entries
            .iter()
            .filter_map(|entry| {
                let (mut essential_hit, mut spillover_hit, mut touched) = (0, 0, 0);
                for (view, essential, spillover) in &entry.views {
                    let Some(pain) = painted.get(view) else {
                        continue;
                    };
                    let on_essential = essential.and(pain);
                    let on_spillover = spillover.and(pain);
                    essential_hit += on_essential.count();
                    spillover_hit += on_spillover.count();
                    if let Some(areas) = areas.get(view) {
                        touched += areas.touched(&on_essential.or(&on_spillover));
                    }
                }
                let hit = essential_hit + spillover_hit;
                if hit == 0 {
                    return None;
                }
                let score = match scoring {
                    Scoring::Drawing => {
                        let jaccard = |hit: usize, zone: usize| {
                            // |A ∪ D| = |A| + |D| − |A ∩ D|
                            hit as f32 / (zone + touched - hit).max(1) as f32
                        };
                        let essential = jaccard(essential_hit, entry.essential_cells);
                        let whole = jaccard(hit, entry.essential_cells + entry.spillover_cells);
                        (2.0 * essential + whole) / 3.0
                    }
                    // How much of the tapped area the pattern covers, its essential zone
                    // counting fully and its spillover half.
                    Scoring::Area => {
                        (2 * essential_hit + spillover_hit) as f32 / (2 * total) as f32
                    }
                };
                Some(Candidate {
                    muscle: entry.muscle.clone(),
                    side: entry.side,
                    score,
                })
            })
            .collect();
        candidates.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.muscle.cmp(&b.muscle))
                .then_with(|| a.side.cmp(&b.side))
        });
        candidates
    }
}

/// The muscles whose patterns best match the session's painted zones, best first.
pub fn rank_session(
    session: &Session,
    charts: &BodyCharts,
    masks: &PatternMasks,
) -> Vec<Candidate> {
    let mut painted: BTreeMap<ViewId, PainMask> = BTreeMap::new();
    for view in session.views_used() {
        let mask = charts.painted(session, view);
        if mask.count() == 0 {
            continue;
        }
        let base = ViewId::new(base_view(view.as_str()));
        let merged = match painted.remove(&base) {
            Some(other) => other.or(&mask),
            None => mask,
        };
        painted.insert(base, merged);
    }
    masks.rank(&painted, Scoring::Drawing)
}

/// The muscles whose patterns cover a tapped area (a disc of `radius` mm around `at` on
/// `view`), best first.
pub fn rank_area(
    view: &ViewId,
    at: MapPoint,
    radius: f32,
    charts: &BodyCharts,
    masks: &PatternMasks,
) -> Vec<Candidate> {
    let mut mask = PainMask::new();
    mask.apply(&PaintOp::Brush {
        radius,
        points: vec![at],
    });
    let base = ViewId::new(base_view(view.as_str()));
    if let Some(body) = charts.body(&base) {
        mask = mask.and(body);
    }
    let painted = BTreeMap::from([(base, mask)]);
    masks.rank(&painted, Scoring::Area)
}
