//! Reverse lookup: which muscles' typical patterns best explain a pain drawing.
//!
//! Each pattern, on each side of the patient, is rasterised once onto the metrics grid
//! (`metrics::PainMask`, 3 mm cells, clipped to the body) and split into its pieces (the
//! connected parts of its zones: a thumb, a strip down the arm). The drawing D is split into
//! its places (painted areas of at least [`MIN_PLACE_CELLS`] cells). Shapes are
//! compared with a tolerance: A⁺ is A grown by [`TOLERANCE_MM`] (a disc), so a stroke drawn a
//! little off its place still counts. With E the essential zone, P = E ∪ S the whole pattern
//! (S the spillover) and |·| a number of cells over the views matched ([`MATCHED_VIEWS`]; |E|
//! only over the kinds of view the drawing is on, full-body or detail, since the detail views
//! repeat the full-body hands' and feet's zones). Strokes closer than
//! twice the tolerance are one place (the thumb and the index finger: the hand).
//!
//! - **fit** (how well it fits where it touches) = ¾·|E_t ∩ D′|/|E_t| + ¼·|E ∩ D′|/|E|, E_t
//!   being the essential cells of the pattern's pieces that touch D⁺ (half the painted share
//!   of those pieces when they hold no essential cells): pieces the drawing does not reach
//!   cost a little, since patients rarely paint a whole pattern;
//! - **area** = (|D ∩ E′| + |D ∩ P′|) / (2·|D|): how much of the drawing it explains, a cell
//!   only the spillover explains counting half;
//! - **places** = the mean over the drawing's places of the share of each within P′;
//! - **coverage** = (area + places) / 2;
//! - each is taken with tolerance (D′ = D⁺, E′ = E⁺, P′ = P⁺) and exactly, weighted 0.85 and
//!   0.15 ([`TOLERANT_WEIGHT`]): the exact part separates patterns the tolerance alone ties;
//! - **score** = (1 + β²)·fit·coverage / (β²·fit + coverage) with β² = ½ ([`BETA2`]), an
//!   F-measure from 0 to 1 in which fit weighs a little more than coverage.
//!
//! Both are needed: a pattern that explains one place of four scores low however well it fits
//! there, and one whose pieces hold the drawing but are mostly unpainted (a large pattern
//! around a small drawing) scores low too. A pattern that touches no grown cell of the
//! drawing is left out. docs/education.md gives the reasons.

use std::collections::BTreeMap;

use crate::geometry::{MapPoint, ViewId};
use crate::metrics::{BodyCharts, PainMask};
use crate::model::{PaintOp, Session, Side};

use super::ReferralLibrary;
use crate::bodymap::base_view;

/// How far (mm) a painted cell may lie from a pattern's zone and still be explained by it,
/// and a zone's cell from the drawing and still count as painted: a stroke drawn 15 mm off
/// its place, about a finger's width, keeps its muscle on top.
pub const TOLERANCE_MM: f32 = 15.0;

/// A place with fewer painted cells than this (36 mm²) is a speck: it counts in the area
/// term only.
pub const MIN_PLACE_CELLS: usize = 4;

/// β² of the score's F-measure: below 1, fit weighs more than coverage (a drawing of two
/// muscles' patterns is explained half by each, and both must stay on top).
const BETA2: f32 = 0.5;

/// The weight of the tolerant fit and coverage; the exact ones have the rest.
const TOLERANT_WEIGHT: f32 = 0.85;

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

/// A mask kept as the storage words of its painted span: a pattern costs its own size, not
/// the whole frame's.
struct Sparse {
    first: usize,
    words: Vec<u64>,
    cells: usize,
}

impl Sparse {
    fn of(mask: &PainMask) -> Self {
        let (first, words) = mask.painted_span();
        Self {
            first,
            words: words.to_vec(),
            cells: mask.count(),
        }
    }

    /// Cells painted both here and in `mask`.
    fn and_count(&self, mask: &PainMask) -> usize {
        mask.and_count_span(self.first, &self.words)
    }

    /// The cells painted both here and in `mask`, as indices.
    fn and_cells<'a>(&'a self, mask: &'a PainMask) -> impl Iterator<Item = usize> + 'a {
        self.words.iter().enumerate().flat_map(move |(i, word)| {
            let w = self.first + i;
            let mut bits = word & mask.word(w);
            std::iter::from_fn(move || {
                (bits != 0).then(|| {
                    let bit = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    w * 64 + bit
                })
            })
        })
    }

    /// Whether the two storage-word ranges overlap.
    fn overlaps(&self, first: usize, last: usize) -> bool {
        self.first <= last && first < self.first + self.words.len()
    }
}

/// A connected piece of a pattern on one view: its essential cells and all its cells.
struct Piece {
    essential: Sparse,
    whole: Sparse,
}

/// A pattern's masks on one view.
struct ViewMasks {
    view: ViewId,
    /// The view magnifies a full-body view's hands or feet (see [`DETAIL_VIEWS`]).
    detail: bool,
    /// The essential zone's cells on this view.
    essential_cells: usize,
    /// The essential zone grown by the tolerance.
    essential_grown: Sparse,
    /// The whole pattern grown by the tolerance.
    whole_grown: Sparse,
    pieces: Vec<Piece>,
}

struct Entry {
    muscle: String,
    side: Side,
    views: Vec<ViewMasks>,
}

impl Entry {
    /// The essential zone's cells over the full-body views, the detail views or both: those
    /// of the kinds the drawing is on. The detail views magnify surfaces the full-body views
    /// show, so a drawing on one kind is not held to the pattern's copy on the other.
    fn essential_cells(&self, full_body: bool, detail: bool) -> usize {
        self.views
            .iter()
            .filter(|m| if m.detail { detail } else { full_body })
            .map(|m| m.essential_cells)
            .sum()
    }
}

/// The views that magnify the hands and feet of the full-body views; patterns carry their
/// zones onto them (`bodymap::generate::detail`).
pub const DETAIL_VIEWS: [&str; 3] = ["hands_palmar", "hands_dorsal", "feet_dorsal"];

/// The views patterns are matched on: the full-body views (the head-and-neck views are crops
/// of them in the same frame), the soles and the inner sides of the feet, and the detail
/// views.
pub(crate) const MATCHED_VIEWS: [&str; 9] = [
    "anterior",
    "posterior",
    "left_lateral",
    "right_lateral",
    "feet_plantar",
    "feet_medial",
    DETAIL_VIEWS[0],
    DETAIL_VIEWS[1],
    DETAIL_VIEWS[2],
];

/// The 4-connected parts of a mask, each as its cells' indices.
fn components(mask: &PainMask) -> Vec<Vec<usize>> {
    let (columns, rows) = (mask.columns(), mask.rows());
    let mut seen = vec![false; columns * rows];
    let mut parts = Vec::new();
    let mut stack = Vec::new();
    for start in mask.painted_cells() {
        if seen[start] {
            continue;
        }
        seen[start] = true;
        stack.push(start);
        let mut members = Vec::new();
        while let Some(cell) = stack.pop() {
            members.push(cell);
            let (column, row) = (cell % columns, cell / columns);
            let neighbours = [
                (column > 0).then(|| cell - 1),
                (column + 1 < columns).then(|| cell + 1),
                (row > 0).then(|| cell - columns),
                (row + 1 < rows).then(|| cell + columns),
            ];
            for next in neighbours.into_iter().flatten() {
                if !seen[next] && mask.get_index(next) {
                    seen[next] = true;
                    stack.push(next);
                }
            }
        }
        parts.push(members);
    }
    parts
}

/// A mask of the given cells.
fn mask_of(cells: &[usize]) -> PainMask {
    let mut mask = PainMask::new();
    let columns = mask.columns();
    for cell in cells {
        mask.set(cell % columns, cell / columns);
    }
    mask
}

/// A drawing on one view: its mask, grown mask, and its places.
struct Drawn {
    mask: PainMask,
    grown: PainMask,
    /// For each cell, 1 + the index of its place, or 0 when unpainted or a speck.
    labels: Vec<u32>,
    /// The size of each place, cells.
    sizes: Vec<usize>,
    /// The first and last storage words of the grown drawing.
    span: (usize, usize),
}

impl Drawn {
    fn of(mask: PainMask) -> Self {
        let mut labels = vec![0_u32; mask.columns() * mask.rows()];
        let mut sizes = Vec::new();
        let grown = mask.dilated(TOLERANCE_MM);
        // Strokes closer than twice the tolerance are one place.
        for reach in components(&grown) {
            let place: Vec<usize> = reach.into_iter().filter(|c| mask.get_index(*c)).collect();
            if place.len() < MIN_PLACE_CELLS {
                continue;
            }
            sizes.push(place.len());
            for cell in place {
                labels[cell] = sizes.len() as u32;
            }
        }
        let (first, words) = grown.painted_span();
        Self {
            span: (first, first + words.len().saturating_sub(1)),
            mask,
            grown,
            labels,
            sizes,
        }
    }
}

/// Every pattern of a library, on both sides, rasterised for matching.
pub struct PatternMasks {
    entries: Vec<Entry>,
}

impl PatternMasks {
    pub fn new(library: &ReferralLibrary, charts: &BodyCharts) -> Self {
        let mut entries = Vec::new();
        for pattern in &library.patterns {
            for side in [Side::Right, Side::Left] {
                let mut views = Vec::new();
                for view in MATCHED_VIEWS {
                    let view = ViewId::new(view);
                    let shapes = library.shapes(pattern, &view, side);
                    if shapes.essential.is_empty() && shapes.spillover.is_empty() {
                        continue;
                    }
                    let body = charts.body(&view);
                    let clip = |mask: PainMask| match body {
                        Some(body) => mask.and(body),
                        None => mask,
                    };
                    let fill = |polygons: &[Vec<MapPoint>]| {
                        let mut mask = PainMask::new();
                        for polygon in polygons {
                            mask.apply(&PaintOp::Fill {
                                points: polygon.clone(),
                            });
                        }
                        clip(mask)
                    };
                    let essential = fill(&shapes.essential);
                    let whole = essential.or(&fill(&shapes.spillover));
                    let pieces = components(&whole)
                        .iter()
                        .map(|cells| {
                            let piece = mask_of(cells);
                            Piece {
                                essential: Sparse::of(&piece.and(&essential)),
                                whole: Sparse::of(&piece),
                            }
                        })
                        .collect();
                    views.push(ViewMasks {
                        detail: DETAIL_VIEWS.contains(&view.as_str()),
                        essential_cells: essential.count(),
                        essential_grown: Sparse::of(&clip(essential.dilated(TOLERANCE_MM))),
                        whole_grown: Sparse::of(&clip(whole.dilated(TOLERANCE_MM))),
                        pieces,
                        view,
                    });
                }
                entries.push(Entry {
                    muscle: pattern.muscle.clone(),
                    side,
                    views,
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
    fn rank(&self, painted: BTreeMap<ViewId, PainMask>, scoring: Scoring) -> Vec<Candidate> {
        let total: usize = painted.values().map(PainMask::count).sum();
        if total == 0 {
            return Vec::new();
        }
        let mut candidates: Vec<Candidate> = match scoring {
            Scoring::Drawing => {
                let drawn: BTreeMap<ViewId, Drawn> = painted
                    .into_iter()
                    .map(|(view, mask)| (view, Drawn::of(mask)))
                    .collect();
                self.entries
                    .iter()
                    .filter_map(|entry| drawing_score(entry, &drawn, total))
                    .collect()
            }
            Scoring::Area => self
                .entries
                .iter()
                .filter_map(|entry| area_score(entry, &painted, total))
                .collect(),
        };
        candidates.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.muscle.cmp(&b.muscle))
                .then_with(|| a.side.cmp(&b.side))
        });
        candidates
    }
}

/// What a pattern explains of a drawing, and how much of it is painted, at one tolerance
/// (grown shapes, or exact).
#[derive(Default)]
struct Match {
    /// Essential cells of the pieces the drawing touches, and of those painted.
    touched_essential: usize,
    touched_essential_painted: usize,
    /// All cells of the pieces the drawing touches, and of those painted.
    touched_whole: usize,
    touched_whole_painted: usize,
    /// Essential cells of the whole pattern painted.
    essential_painted: usize,
    /// Drawn cells within the essential zone, within the whole pattern.
    on_essential: usize,
    on_whole: usize,
    /// Drawn cells within the pattern, per place.
    per_place: Vec<usize>,
}

impl Match {
    fn new(places: usize) -> Self {
        Self {
            per_place: vec![0; places],
            ..Self::default()
        }
    }

    /// fit = ¾ of the touched pieces' essential share painted (half the share of all their
    /// cells when they have no essential cells) + ¼ of the whole essential zone's share.
    fn fit(&self, essential_cells: usize) -> f32 {
        let local = if self.touched_essential > 0 {
            share(self.touched_essential_painted, self.touched_essential)
        } else {
            share(self.touched_whole_painted, self.touched_whole) / 2.0
        };
        0.75 * local + 0.25 * share(self.essential_painted, essential_cells)
    }

    /// coverage = (area + places) / 2, the area's cells explained by spillover only
    /// counting half.
    fn coverage(&self, total: usize, sizes: &[usize]) -> f32 {
        let area = (share(self.on_essential, total) + share(self.on_whole, total)) / 2.0;
        let places = if sizes.is_empty() {
            area
        } else {
            self.per_place
                .iter()
                .zip(sizes)
                .map(|(hit, size)| share(*hit, *size))
                .sum::<f32>()
                / sizes.len() as f32
        };
        (area + places) / 2.0
    }
}

fn share(part: usize, of: usize) -> f32 {
    part as f32 / of.max(1) as f32
}

/// The score of one pattern against a drawing (see the module's documentation), or `None`
/// when the pattern touches none of it.
fn drawing_score(
    entry: &Entry,
    drawn: &BTreeMap<ViewId, Drawn>,
    total: usize,
) -> Option<Candidate> {
    let sizes: Vec<usize> = drawn
        .values()
        .flat_map(|d| d.sizes.iter().copied())
        .collect();
    let (mut tolerant, mut exact) = (Match::new(sizes.len()), Match::new(sizes.len()));
    let mut offset = 0;
    for (view, drawing) in drawn {
        let start = offset;
        offset += drawing.sizes.len();
        let Some(masks) = entry.views.iter().find(|m| &m.view == view) else {
            continue;
        };
        if !masks.whole_grown.overlaps(drawing.span.0, drawing.span.1) {
            continue;
        }
        let on_whole = masks.whole_grown.and_count(&drawing.mask);
        if on_whole == 0 {
            continue;
        }
        tolerant.on_whole += on_whole;
        tolerant.on_essential += masks.essential_grown.and_count(&drawing.mask);
        for cell in masks.whole_grown.and_cells(&drawing.mask) {
            let label = drawing.labels[cell];
            if label != 0 {
                tolerant.per_place[start + label as usize - 1] += 1;
            }
        }
        for piece in &masks.pieces {
            let essential_tolerant = piece.essential.and_count(&drawing.grown);
            tolerant.essential_painted += essential_tolerant;
            let whole_tolerant = piece.whole.and_count(&drawing.grown);
            if whole_tolerant == 0 {
                continue;
            }
            let essential_exact = piece.essential.and_count(&drawing.mask);
            let whole_exact = piece.whole.and_count(&drawing.mask);
            exact.essential_painted += essential_exact;
            exact.on_essential += essential_exact;
            exact.on_whole += whole_exact;
            for cell in piece.whole.and_cells(&drawing.mask) {
                let label = drawing.labels[cell];
                if label != 0 {
                    exact.per_place[start + label as usize - 1] += 1;
                }
            }
            tolerant.touched_essential += piece.essential.cells;
            tolerant.touched_whole += piece.whole.cells;
            tolerant.touched_essential_painted += essential_tolerant;
            tolerant.touched_whole_painted += whole_tolerant;
            exact.touched_essential += piece.essential.cells;
            exact.touched_whole += piece.whole.cells;
            exact.touched_essential_painted += essential_exact;
            exact.touched_whole_painted += whole_exact;
        }
    }
    if tolerant.on_whole == 0 {
        return None;
    }
    let on_detail = |view: &ViewId| DETAIL_VIEWS.contains(&view.as_str());
    let essential_cells = entry.essential_cells(
        drawn.keys().any(|v| !on_detail(v)),
        drawn.keys().any(on_detail),
    );
    let fit = TOLERANT_WEIGHT * tolerant.fit(essential_cells)
        + (1.0 - TOLERANT_WEIGHT) * exact.fit(essential_cells);
    let coverage = TOLERANT_WEIGHT * tolerant.coverage(total, &sizes)
        + (1.0 - TOLERANT_WEIGHT) * exact.coverage(total, &sizes);
    let score = if fit + coverage > 0.0 {
        (1.0 + BETA2) * fit * coverage / (BETA2 * fit + coverage)
    } else {
        0.0
    };
    Some(Candidate {
        muscle: entry.muscle.clone(),
        side: entry.side,
        score: score.clamp(0.0, 1.0),
    })
}

/// How much of a tapped area the pattern covers, its essential zone counting fully and its
/// spillover half; `None` when it covers none of it.
fn area_score(
    entry: &Entry,
    painted: &BTreeMap<ViewId, PainMask>,
    total: usize,
) -> Option<Candidate> {
    let (mut essential_hit, mut whole_hit) = (0, 0);
    for masks in &entry.views {
        if let Some(pain) = painted.get(&masks.view) {
            for piece in &masks.pieces {
                essential_hit += piece.essential.and_count(pain);
                whole_hit += piece.whole.and_count(pain);
            }
        }
    }
    (whole_hit > 0).then(|| Candidate {
        muscle: entry.muscle.clone(),
        side: entry.side,
        // 2·essential + spillover = essential + whole.
        score: (essential_hit + whole_hit) as f32 / (2 * total) as f32,
    })
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
    masks.rank(painted, Scoring::Drawing)
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
    masks.rank(painted, Scoring::Area)
}
