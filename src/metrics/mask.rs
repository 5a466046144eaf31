//! Pain drawings as raster masks: the painting of a view's referred-pain zones replayed on a
//! grid of square cells in body-map millimetres, for measuring extent, overlap and shift.

use crate::geometry::{MapPoint, ViewId};
use crate::model::{PaintOp, ReferredZone};

/// The grid the reference body is measured on: every view of the standard map fits in
/// x ∈ [-FRAME_HALF_WIDTH, FRAME_HALF_WIDTH], y ∈ [0, FRAME_HEIGHT] mm.
pub const FRAME_HALF_WIDTH: f32 = 500.0;
pub const FRAME_HEIGHT: f32 = 1800.0;

/// Cell size of the measuring grid, mm. A 3 mm cell is well under the minimal detectable
/// change of pain-drawing extent (0.1–0.4 % of body area ≈ 500–2,000 mm² on one view) and
/// keeps a whole view in 60,000 cells.
pub const CELL_MM: f32 = 3.0;

/// The painted cells of one view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PainMask {
    columns: usize,
    rows: usize,
    bits: Vec<u64>,
}

impl Default for PainMask {
    fn default() -> Self {
        Self::new()
    }
}

impl PainMask {
    pub fn new() -> Self {
        let columns = (2.0 * FRAME_HALF_WIDTH / CELL_MM).ceil() as usize;
        let rows = (FRAME_HEIGHT / CELL_MM).ceil() as usize;
        Self {
            columns,
            rows,
            bits: vec![0; (columns * rows).div_ceil(64)],
        }
    }

    /// The mask of every zone of `view` (later paint over earlier; erasing removes).
    pub fn of_view<'a>(zones: impl IntoIterator<Item = &'a ReferredZone>, view: &ViewId) -> Self {
        let mut mask = Self::new();
        for zone in zones.into_iter().filter(|z| &z.view == view) {
            for op in &zone.paint {
                mask.apply(op);
            }
        }
        mask
    }

    pub fn apply(&mut self, op: &PaintOp) {
        match op {
            PaintOp::Brush { radius, points } => self.stroke(points, *radius, true),
            PaintOp::Erase { radius, points } => self.stroke(points, *radius, false),
            PaintOp::Fill { points } => self.fill(points),
        }
    }

    /// Cells across the frame (x).
    pub fn columns(&self) -> usize {
        self.columns
    }

    /// Cells down the frame (y).
    pub fn rows(&self) -> usize {
        self.rows
    }

    fn index(&self, column: usize, row: usize) -> usize {
        row * self.columns + column
    }

    pub fn get(&self, column: usize, row: usize) -> bool {
        let i = self.index(column, row);
        self.bits[i / 64] & (1 << (i % 64)) != 0
    }

    /// Paints one cell (nothing outside the grid).
    pub fn set(&mut self, column: usize, row: usize) {
        if column < self.columns && row < self.rows {
            let i = self.index(column, row);
            self.bits[i / 64] |= 1 << (i % 64);
        }
    }

    /// Whether the cell under a body-map point is painted (false outside the frame).
    pub fn contains(&self, p: MapPoint) -> bool {
        let column = ((p.x + FRAME_HALF_WIDTH) / CELL_MM).floor();
        let row = (p.y / CELL_MM).floor();
        if column < 0.0 || row < 0.0 {
            return false;
        }
        let (column, row) = (column as usize, row as usize);
        column < self.columns && row < self.rows && self.get(column, row)
    }

    /// The centre of a cell in body-map mm.
    pub fn cell_centre(column: usize, row: usize) -> MapPoint {
        MapPoint::new(
            -FRAME_HALF_WIDTH + (column as f32 + 0.5) * CELL_MM,
            (row as f32 + 0.5) * CELL_MM,
        )
    }

    /// Sets (or clears) every cell whose centre is within `radius` of the polyline. Each
    /// segment sweeps a capsule; its cross-section with a row of cell centres is one interval
    /// (the capsule is convex), set a word at a time.
    fn stroke(&mut self, points: &[MapPoint], radius: f32, value: bool) {
        if !(radius.is_finite() && radius > 0.0) {
            return;
        }
        let radius = radius.min(FRAME_HEIGHT);
        let segments = points.windows(2).map(|w| (w[0], w[1])).chain(
            points
                .first()
                .filter(|_| points.len() == 1)
                .map(|p| (*p, *p)),
        );
        // The disc at a segment's start was painted as the previous segment's end disc.
        let mut start_done = false;
        for (a, b) in segments {
            if !(a.is_finite() && b.is_finite()) {
                start_done = false;
                continue;
            }
            let include_start = !start_done;
            start_done = true;
            let Some((r0, r1)) = self.row_range(a.y.min(b.y) - radius, a.y.max(b.y) + radius)
            else {
                continue;
            };
            let capsule = Capsule::new(a, b, radius, include_start);
            for row in r0..=r1 {
                let y = Self::cell_centre(0, row).y;
                if let Some((x0, x1)) = capsule.span(y) {
                    self.set_span(row, x0, x1, value);
                }
            }
        }
    }

    /// Fills the closed polygon (even–odd) by scanlines through cell centres.
    fn fill(&mut self, polygon: &[MapPoint]) {
        if polygon.len() < 3 || polygon.iter().any(|p| !p.is_finite()) {
            return;
        }
        let Some(bounds) = crate::bodymap::Bounds::of(polygon) else {
            return;
        };
        let Some((r0, r1)) = self.row_range(bounds.min.y, bounds.max.y) else {
            return;
        };
        let mut crossings = Vec::new();
        for row in r0..=r1 {
            let y = Self::cell_centre(0, row).y;
            crossings.clear();
            let n = polygon.len();
            for i in 0..n {
                let (a, b) = (polygon[i], polygon[(i + 1) % n]);
                if (a.y > y) != (b.y > y) {
                    crossings.push(a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y));
                }
            }
            crossings.sort_by(f32::total_cmp);
            for pair in crossings.chunks_exact(2) {
                self.set_span(row, pair[0], pair[1], true);
            }
        }
    }

    /// Rows whose cell centres lie in `y0..=y1`.
    fn row_range(&self, y0: f32, y1: f32) -> Option<(usize, usize)> {
        let first = (y0 / CELL_MM - 0.5).ceil();
        let last = (y1 / CELL_MM - 0.5).floor();
        let max = (self.rows - 1) as f32;
        if first.is_nan() || last.is_nan() || first > max || last < 0.0 || first > last {
            return None;
        }
        Some((
            first.clamp(0.0, max) as usize,
            last.clamp(0.0, max) as usize,
        ))
    }

    /// Sets (or clears) the cells of `row` whose centres lie in `x0..=x1`.
    fn set_span(&mut self, row: usize, x0: f32, x1: f32, value: bool) {
        let first = ((x0 + FRAME_HALF_WIDTH) / CELL_MM - 0.5).ceil();
        let last = ((x1 + FRAME_HALF_WIDTH) / CELL_MM - 0.5).floor();
        let max = (self.columns - 1) as f32;
        if first.is_nan() || last.is_nan() || first > max || last < 0.0 || first > last {
            return;
        }
        let start = self.index(first.clamp(0.0, max) as usize, row);
        let end = self.index(last.clamp(0.0, max) as usize, row) + 1;
        let mut i = start;
        while i < end {
            let word = i / 64;
            let lo = i % 64;
            let hi = (end - word * 64).min(64);
            let mask = if hi - lo == 64 {
                u64::MAX
            } else {
                ((1u64 << (hi - lo)) - 1) << lo
            };
            if value {
                self.bits[word] |= mask;
            } else {
                self.bits[word] &= !mask;
            }
            i = word * 64 + hi;
        }
    }

    /// Number of cells in the grid.
    pub fn cells(&self) -> usize {
        self.columns * self.rows
    }

    /// The painted cells, as indices `row * columns + column`, in order.
    pub fn painted_cells(&self) -> impl Iterator<Item = usize> + '_ {
        self.bits.iter().enumerate().flat_map(|(w, &word)| {
            let mut bits = word;
            std::iter::from_fn(move || {
                (bits != 0).then(|| {
                    let bit = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    w * 64 + bit
                })
            })
        })
    }

    /// Whether cell `index` (`row * columns + column`) is painted.
    pub fn get_index(&self, index: usize) -> bool {
        self.bits
            .get(index / 64)
            .is_some_and(|w| w & (1 << (index % 64)) != 0)
    }

    /// Number of painted cells.
    pub fn count(&self) -> usize {
        self.bits.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// Painted area, mm².
    pub fn area_mm2(&self) -> f32 {
        self.count() as f32 * CELL_MM * CELL_MM
    }

    /// Cells painted in both.
    pub fn and(&self, other: &Self) -> Self {
        self.combine(other, |a, b| a & b)
    }

    /// The storage words that hold painted cells, with the index of the first: a small
    /// region kept this way costs its own size, not the whole frame's (empty when nothing is
    /// painted).
    pub fn painted_span(&self) -> (usize, &[u64]) {
        let first = self.bits.iter().position(|w| *w != 0);
        let last = self.bits.iter().rposition(|w| *w != 0);
        match (first, last) {
            (Some(first), Some(last)) => (first, &self.bits[first..=last]),
            _ => (0, &[]),
        }
    }

    /// Whether any cell painted here is painted in a span from [`Self::painted_span`].
    pub fn intersects_span(&self, first: usize, words: &[u64]) -> bool {
        self.bits
            .get(first..)
            .is_some_and(|bits| bits.iter().zip(words).any(|(a, b)| a & b != 0))
    }

    /// The number of cells painted in both, without building the mask.
    pub fn and_count(&self, other: &Self) -> usize {
        self.and_count_span(0, &other.bits)
    }

    /// The number of cells painted here and in a span from [`Self::painted_span`] (words
    /// past the grid's end are ignored).
    pub fn and_count_span(&self, first: usize, words: &[u64]) -> usize {
        self.bits.get(first..).map_or(0, |bits| {
            bits.iter()
                .zip(words)
                .map(|(a, b)| (a & b).count_ones() as usize)
                .sum()
        })
    }

    /// Storage word `index` (64 cells from cell `64 × index`), 0 past the grid's end.
    pub fn word(&self, index: usize) -> u64 {
        self.bits.get(index).copied().unwrap_or(0)
    }

    /// The mask grown by a disc: every cell whose centre is within `radius` mm of a painted
    /// cell's centre (the radius rounded down to whole cells; a radius under one cell, or
    /// not finite, gives the mask unchanged). For comparing shapes with a tolerance. Each
    /// run of painted cells in a row is widened on the disc's rows, so the cost follows the
    /// number of runs, not the frame's size.
    pub fn dilated(&self, radius: f32) -> Self {
        let steps = if radius.is_finite() && radius > 0.0 {
            ((radius / CELL_MM).floor() as usize).min(self.rows)
        } else {
            0
        };
        if steps == 0 {
            return self.clone();
        }
        // The disc's half-width on each row away from the centre row.
        let widths: Vec<usize> = (0..=steps)
            .map(|dy| ((steps * steps - dy * dy) as f32).sqrt().floor() as usize)
            .collect();
        let mut out = Self {
            columns: self.columns,
            rows: self.rows,
            bits: vec![0; self.bits.len()],
        };
        let columns = self.columns;
        let widen = |out: &mut Self, (row, first, last): (usize, usize, usize)| {
            for (dy, width) in widths.iter().enumerate() {
                let (a, b) = (
                    first.saturating_sub(*width),
                    (last + width).min(columns - 1),
                );
                if row >= dy {
                    out.fill_columns(row - dy, a, b);
                }
                if dy > 0 && row + dy < out.rows {
                    out.fill_columns(row + dy, a, b);
                }
            }
        };
        let mut run: Option<(usize, usize, usize)> = None;
        for cell in self.painted_cells() {
            let (row, column) = (cell / columns, cell % columns);
            run = match run {
                Some((r, first, last)) if r == row && last + 1 == column => {
                    Some((r, first, column))
                }
                Some(done) => {
                    widen(&mut out, done);
                    Some((row, column, column))
                }
                None => Some((row, column, column)),
            };
        }
        if let Some(done) = run {
            widen(&mut out, done);
        }
        out
    }

    /// Paints the cells `first..=last` of `row` (indices within the grid).
    fn fill_columns(&mut self, row: usize, first: usize, last: usize) {
        let start = self.index(first, row);
        let end = self.index(last, row) + 1;
        let mut i = start;
        while i < end {
            let word = i / 64;
            let lo = i % 64;
            let hi = (end - word * 64).min(64);
            self.bits[word] |= if hi - lo == 64 {
                u64::MAX
            } else {
                ((1u64 << (hi - lo)) - 1) << lo
            };
            i = word * 64 + hi;
        }
    }

    /// Cells painted in either.
    pub fn or(&self, other: &Self) -> Self {
        self.combine(other, |a, b| a | b)
    }

    /// Cells painted here but not in `other`.
    pub fn and_not(&self, other: &Self) -> Self {
        self.combine(other, |a, b| a & !b)
    }

    fn combine(&self, other: &Self, op: impl Fn(u64, u64) -> u64) -> Self {
        Self {
            columns: self.columns,
            rows: self.rows,
            bits: self
                .bits
                .iter()
                .zip(&other.bits)
                .map(|(a, b)| op(*a, *b))
                .collect(),
        }
    }

    /// The centre of the painted area, or `None` when nothing is painted.
    pub fn centroid(&self) -> Option<MapPoint> {
        let (mut sx, mut sy, mut n) = (0.0f64, 0.0f64, 0u64);
        for (w, word) in self.bits.iter().enumerate() {
            let mut bits = *word;
            while bits != 0 {
                let i = w * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                let p = Self::cell_centre(i % self.columns, i / self.columns);
                sx += f64::from(p.x);
                sy += f64::from(p.y);
                n += 1;
            }
        }
        (n > 0).then(|| MapPoint::new((sx / n as f64) as f32, (sy / n as f64) as f32))
    }
}

/// The area a brush segment `a`–`b` of radius `r` sweeps: two discs and the band between them,
/// with what does not depend on the row worked out once.
struct Capsule {
    a: MapPoint,
    b: MapPoint,
    r2: f32,
    dx: f32,
    dy: f32,
    len2: f32,
    reach: f32,
    /// 1/dx and 1/dy (0 where the component is 0): the band's edges are found by
    /// multiplication, once per row, instead of division.
    inv_dx: f32,
    inv_dy: f32,
    /// False when the previous segment of the stroke already painted the disc at `a`.
    include_start: bool,
}

impl Capsule {
    fn new(a: MapPoint, b: MapPoint, r: f32, include_start: bool) -> Self {
        let (dx, dy) = (b.x - a.x, b.y - a.y);
        let len2 = dx * dx + dy * dy;
        Self {
            a,
            b,
            r2: r * r,
            dx,
            dy,
            len2,
            reach: r * len2.sqrt(),
            inv_dx: if dx == 0.0 { 0.0 } else { 1.0 / dx },
            inv_dy: if dy == 0.0 { 0.0 } else { 1.0 / dy },
            include_start,
        }
    }

    /// The x-interval where the horizontal line at `y` crosses the capsule (it is convex, so
    /// the crossing is one interval).
    fn span(&self, y: f32) -> Option<(f32, f32)> {
        let (mut lo, mut hi) = (f32::INFINITY, f32::NEG_INFINITY);
        let mut disc = |c: MapPoint| {
            let h2 = self.r2 - (y - c.y) * (y - c.y);
            if h2 >= 0.0 {
                let h = h2.sqrt();
                lo = lo.min(c.x - h);
                hi = hi.max(c.x + h);
            }
        };
        if self.include_start {
            disc(self.a);
        }
        disc(self.b);
        if self.len2 > 0.0 {
            // Points (x, y) of the band: 0 ≤ (p − a)·d ≤ |d|² and |(p − a) × d| ≤ r|d|;
            // both are linear in x.
            let (a, dx, dy) = (self.a, self.dx, self.dy);
            let (mut band_lo, mut band_hi) = (f32::NEG_INFINITY, f32::INFINITY);
            let along = clip(
                dx,
                self.inv_dx,
                -a.x * dx + (y - a.y) * dy,
                0.0,
                self.len2,
                &mut band_lo,
                &mut band_hi,
            );
            let across = clip(
                dy,
                self.inv_dy,
                -a.x * dy - (y - a.y) * dx,
                -self.reach,
                self.reach,
                &mut band_lo,
                &mut band_hi,
            );
            if along && across && band_lo <= band_hi {
                lo = lo.min(band_lo);
                hi = hi.max(band_hi);
            }
        }
        (lo <= hi).then_some((lo, hi))
    }
}

/// Narrows `lo..=hi` to the x where `k·x + m` lies in `low..=high`; false when no x does.
/// `inv_k` is 1/k.
fn clip(k: f32, inv_k: f32, m: f32, low: f32, high: f32, lo: &mut f32, hi: &mut f32) -> bool {
    if k == 0.0 {
        return (low..=high).contains(&m);
    }
    let (x0, x1) = ((low - m) * inv_k, (high - m) * inv_k);
    *lo = lo.max(x0.min(x1));
    *hi = hi.min(x0.max(x1));
    true
}
