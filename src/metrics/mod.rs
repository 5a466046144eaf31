//! Pain-drawing metrics (see "Pain drawings: how they are measured" in `clinical.md`): extent
//! as a share of the body chart, Jaccard overlap, centroid shift, the difference map of two
//! visits, trigger points matched across visits, and counts. No egui.

mod mask;

use std::collections::{BTreeMap, BTreeSet, HashMap};

pub use mask::{CELL_MM, FRAME_HALF_WIDTH, FRAME_HEIGHT, PainMask};

use crate::bodymap::{BodyMap, FLATTEN_TOLERANCE_MM};
use crate::geometry::{MapPoint, ViewId};
use crate::model::{MarkId, PainScore, PaintOp, Session, TriggerPointStatus};

/// A change in extent smaller than this many percentage points of the body chart is within
/// measurement error: repeat drawings of unchanged pain differ by about this much (see
/// `docs/metrics.md`).
pub const EXTENT_MEASUREMENT_ERROR_PP: f32 = 0.5;

/// Trigger points of two visits in the same muscle and side closer than this are taken to be
/// the same point (palpation finds a trigger point again within a couple of centimetres).
pub const TRIGGER_POINT_MATCH_MM: f32 = 30.0;

/// The body chart of each view: its silhouette as a mask and its area, so that extent is a
/// share of the body and paint outside the body does not count.
#[derive(Clone, Debug, Default)]
pub struct BodyCharts {
    charts: HashMap<ViewId, (PainMask, f32)>,
    /// The coding regions of each view: (set, region id, its cells on the body, the storage
    /// words those cells are in).
    regions: HashMap<ViewId, Vec<CodingRegion>>,
}

/// A region of a coding set (WPI area, named location) on one view's body chart.
#[derive(Clone, Debug)]
struct CodingRegion {
    set: String,
    id: String,
    /// The region's cells as a span of mask words (see [`PainMask::painted_span`]).
    first_word: usize,
    words: Vec<u64>,
}

/// The body charts of the standard map, built once per run.
pub fn standard_charts() -> &'static BodyCharts {
    static CHARTS: std::sync::OnceLock<BodyCharts> = std::sync::OnceLock::new();
    CHARTS.get_or_init(|| BodyCharts::from_map(&crate::bodymap::standard().map))
}

impl BodyCharts {
    /// The silhouettes of every view of `map`.
    pub fn from_map(map: &BodyMap) -> Self {
        let charts = map
            .views
            .iter()
            .map(|view| {
                let mut mask = PainMask::new();
                for outline in &view.outline {
                    mask.apply(&PaintOp::Fill {
                        points: outline.flatten(FLATTEN_TOLERANCE_MM),
                    });
                }
                let area = mask.area_mm2();
                (view.id.clone(), (mask, area))
            })
            .collect::<HashMap<_, _>>();
        let mut regions: HashMap<ViewId, Vec<CodingRegion>> = HashMap::new();
        for set in &map.region_sets {
            for region in &set.regions {
                let mut mask = PainMask::new();
                mask.apply(&PaintOp::Fill {
                    points: region.shape.flatten(FLATTEN_TOLERANCE_MM),
                });
                if let Some((body, _)) = charts.get(&region.view) {
                    mask = mask.and(body);
                }
                regions.entry(region.view.clone()).or_default().push({
                    let (first_word, words) = mask.painted_span();
                    CodingRegion {
                        set: set.id.clone(),
                        id: region.id.clone(),
                        first_word,
                        words: words.to_vec(),
                    }
                });
            }
        }
        Self { charts, regions }
    }

    /// The regions of `set` (e.g. `"wpi"`) the painted masks touch, sorted, each once (a
    /// region drawn on several views counts once).
    pub fn regions_involved(&self, masks: &BTreeMap<ViewId, PainMask>, set: &str) -> Vec<String> {
        let mut found = BTreeSet::new();
        for (view, mask) in masks {
            for region in self.regions.get(view).into_iter().flatten() {
                if region.set == set && mask.intersects_span(region.first_word, &region.words) {
                    found.insert(region.id.clone());
                }
            }
        }
        found.into_iter().collect()
    }

    /// The painted mask of `view`, clipped to the body where its chart is known.
    pub fn painted(&self, session: &Session, view: &ViewId) -> PainMask {
        let mask = PainMask::of_view(&session.referred_zones, view);
        match self.charts.get(view) {
            Some((body, _)) => mask.and(body),
            None => mask,
        }
    }

    /// The silhouette of a view on the measuring grid, when the view is known.
    pub fn body(&self, view: &ViewId) -> Option<&PainMask> {
        self.charts.get(view).map(|(mask, _)| mask)
    }

    /// The body-chart area of a view, mm², when the view is known.
    pub fn area(&self, view: &ViewId) -> Option<f32> {
        self.charts.get(view).map(|(_, area)| *area)
    }
}

/// Pain drawing of one view.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewMetrics {
    pub view: ViewId,
    pub painted_mm2: f32,
    /// Share of the view's body chart painted, percent; `None` for a view without a chart.
    pub extent_percent: Option<f32>,
    pub centroid: Option<MapPoint>,
}

/// Everything measured on one session.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionMetrics {
    /// Views with paint, in view-id order.
    pub views: Vec<ViewMetrics>,
    /// Painted area over all charted views ÷ their body-chart area, percent.
    pub total_extent_percent: Option<f32>,
    /// Active and latent trigger points examined in this visit (carried forward and
    /// confirmed, or found anew).
    pub active_trigger_points: usize,
    pub latent_trigger_points: usize,
    /// Trigger points carried forward from the previous visit and not re-examined: counted
    /// apart, as nobody examined them in this visit.
    pub unconfirmed_trigger_points: usize,
    pub needle_sites: usize,
    /// Muscles needled, counting each side once (billing counts muscles, not needles).
    pub muscles_needled: usize,
    pub twitch_responses: u64,
    pub pain_before: Option<PainScore>,
    pub pain_after: Option<PainScore>,
    /// Widespread Pain Index areas with pain (ids of the map's `wpi` set).
    pub wpi_areas: Vec<String>,
    /// Named locations with pain (ids of the map's `locations` set).
    pub locations: Vec<String>,
}

fn painted_views(sessions: &[&Session]) -> BTreeSet<ViewId> {
    sessions
        .iter()
        .flat_map(|s| &s.referred_zones)
        .map(|z| z.view.clone())
        .collect()
}

/// The painted mask of every view in `views`, clipped to the body.
fn masks(
    session: &Session,
    views: &BTreeSet<ViewId>,
    charts: &BodyCharts,
) -> BTreeMap<ViewId, PainMask> {
    let jobs: Vec<(&Session, &ViewId)> = views.iter().map(|view| (session, view)).collect();
    views
        .iter()
        .cloned()
        .zip(rasterise(&jobs, charts))
        .collect()
}

/// Rasterises (session, view) drawings, spread over the machine's cores: replaying a heavy
/// session's strokes is the costly step of a comparison, and the drawings are independent.
/// Each thread takes the next drawing not yet taken, so uneven drawings still share out.
fn rasterise(jobs: &[(&Session, &ViewId)], charts: &BodyCharts) -> Vec<PainMask> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .min(jobs.len());
    let paint = |(session, view): &(&Session, &ViewId)| charts.painted(session, view);
    if threads <= 1 {
        return jobs.iter().map(paint).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(job) = jobs.get(i) else {
                return done;
            };
            done.push((i, paint(job)));
        }
    };
    let mut results: Vec<Option<PainMask>> = vec![None; jobs.len()];
    std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        for (i, mask) in work() {
            results[i] = Some(mask);
        }
        for helper in helpers {
            // A helper that panicked leaves its drawings unset; they are redone below.
            for (i, mask) in helper.join().unwrap_or_default() {
                results[i] = Some(mask);
            }
        }
    });
    results
        .into_iter()
        .zip(jobs)
        .map(|(mask, job)| mask.unwrap_or_else(|| paint(job)))
        .collect()
}

/// Measures one session.
pub fn session_metrics(session: &Session, charts: &BodyCharts) -> SessionMetrics {
    let views = painted_views(&[session]);
    metrics_from(session, &masks(session, &views, charts), charts)
}

/// Measures one session whose view masks are already rasterised.
fn metrics_from(
    session: &Session,
    masks: &BTreeMap<ViewId, PainMask>,
    charts: &BodyCharts,
) -> SessionMetrics {
    let mut views = Vec::new();
    let (mut painted_total, mut chart_total) = (0.0, 0.0);
    for view in painted_views(&[session]) {
        let Some(mask) = masks.get(&view) else {
            continue;
        };
        let painted = mask.area_mm2();
        let extent = charts.area(&view).filter(|a| *a > 0.0).map(|area| {
            painted_total += painted;
            chart_total += area;
            100.0 * painted / area
        });
        views.push(ViewMetrics {
            view,
            painted_mm2: painted,
            extent_percent: extent,
            centroid: mask.centroid(),
        });
    }
    let muscles_needled: BTreeSet<_> = session
        .needle_sites
        .iter()
        .filter_map(|n| n.muscle.as_ref().map(|m| (m.0.as_str(), n.side as u8)))
        .collect();
    SessionMetrics {
        views,
        total_extent_percent: (chart_total > 0.0).then(|| 100.0 * painted_total / chart_total),
        active_trigger_points: session
            .trigger_points
            .iter()
            .filter(|t| !t.carried_forward && t.status == TriggerPointStatus::Active)
            .count(),
        latent_trigger_points: session
            .trigger_points
            .iter()
            .filter(|t| !t.carried_forward && t.status == TriggerPointStatus::Latent)
            .count(),
        unconfirmed_trigger_points: session
            .trigger_points
            .iter()
            .filter(|t| t.carried_forward)
            .count(),
        needle_sites: session.needle_sites.len(),
        muscles_needled: muscles_needled.len(),
        twitch_responses: session
            .needle_sites
            .iter()
            .filter_map(|n| n.twitch_count)
            .map(u64::from)
            .sum(),
        pain_before: session.pain_before,
        pain_after: session.pain_after,
        wpi_areas: charts.regions_involved(masks, "wpi"),
        locations: charts.regions_involved(masks, "locations"),
    }
}

/// For every view, how many of the sessions have pain in each cell of the measuring grid
/// (cells in row-major order, [`PainMask::columns`] a row): the frequency map of a patient's
/// visits.
pub fn frequency_counts(sessions: &[&Session], charts: &BodyCharts) -> HashMap<ViewId, Vec<u16>> {
    let mut counts: HashMap<ViewId, Vec<u16>> = HashMap::new();
    let blank = PainMask::new();
    let (columns, rows) = (blank.columns(), blank.rows());
    for session in sessions {
        for view in painted_views(&[session]) {
            let mask = charts.painted(session, &view);
            let cells = counts
                .entry(view)
                .or_insert_with(|| vec![0; columns * rows]);
            for row in 0..rows {
                for column in 0..columns {
                    if mask.get(column, row) {
                        let cell = &mut cells[row * columns + column];
                        *cell = cell.saturating_add(1);
                    }
                }
            }
        }
    }
    counts
}

/// How a measured change should be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Less,
    More,
    /// Smaller than measurement error: not progress, not worsening.
    WithinMeasurementError,
}

impl Change {
    pub fn of_extent(change_pp: f32) -> Self {
        if change_pp.abs() < EXTENT_MEASUREMENT_ERROR_PP {
            Self::WithinMeasurementError
        } else if change_pp < 0.0 {
            Self::Less
        } else {
            Self::More
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Less => "smaller",
            Self::More => "larger",
            Self::WithinMeasurementError => "within measurement error",
        }
    }
}

/// Where pain is new, gone or still there between two visits, on one view.
#[derive(Clone, Debug)]
pub struct ViewDifference {
    pub view: ViewId,
    pub new: PainMask,
    pub resolved: PainMask,
    pub persisting: PainMask,
}

/// One view compared between an earlier and a later visit.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewComparison {
    pub view: ViewId,
    pub new_mm2: f32,
    pub resolved_mm2: f32,
    pub persisting_mm2: f32,
    /// Intersection ÷ union; `None` when neither visit has pain on the view.
    pub jaccard: Option<f32>,
    /// Later minus earlier extent, percentage points of the view's body chart.
    pub extent_change_pp: Option<f32>,
    pub extent_change: Option<Change>,
    /// Distance between the centroids of the two drawings, mm on the reference body.
    pub centroid_shift_mm: Option<f32>,
}

/// Trigger points of two visits matched by view, muscle, side and distance.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TriggerPointMatches {
    /// (earlier, later) pairs.
    pub persisting: Vec<(MarkId, MarkId)>,
    /// In the earlier visit only.
    pub resolved: Vec<MarkId>,
    /// In the later visit only.
    pub new: Vec<MarkId>,
    /// Trigger points of the later visit carried forward and not re-examined, with the
    /// earlier one each matches (if any): neither persisting nor resolved, as nobody looked.
    pub not_reexamined: Vec<(Option<MarkId>, MarkId)>,
}

impl TriggerPointMatches {
    /// "2 persisting, 1 resolved, 1 new", with the carried-forward ones that were not
    /// re-examined counted apart when there are any.
    pub fn summary(&self) -> String {
        let mut text = format!(
            "{} persisting, {} resolved, {} new",
            self.persisting.len(),
            self.resolved.len(),
            self.new.len()
        );
        if !self.not_reexamined.is_empty() {
            text.push_str(&format!(
                ", {} carried forward and not re-examined",
                self.not_reexamined.len()
            ));
        }
        text
    }
}

/// An earlier and a later visit compared.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub earlier: SessionMetrics,
    pub later: SessionMetrics,
    pub views: Vec<ViewComparison>,
    /// (earlier, later) total extent over the same views — every view painted in either
    /// visit — so the two figures and their change are comparable.
    pub extent_percent: Option<(f32, f32)>,
    pub total_extent_change_pp: Option<f32>,
    pub total_extent_change: Option<Change>,
    pub trigger_points: TriggerPointMatches,
}

/// The difference maps of every view painted in either visit.
pub fn differences(earlier: &Session, later: &Session, charts: &BodyCharts) -> Vec<ViewDifference> {
    let views = painted_views(&[earlier, later]);
    differences_from(
        &masks(earlier, &views, charts),
        &masks(later, &views, charts),
    )
}

fn differences_from(
    earlier: &BTreeMap<ViewId, PainMask>,
    later: &BTreeMap<ViewId, PainMask>,
) -> Vec<ViewDifference> {
    let empty = PainMask::new();
    let views: BTreeSet<&ViewId> = earlier.keys().chain(later.keys()).collect();
    views
        .into_iter()
        .map(|view| {
            let a = earlier.get(view).unwrap_or(&empty);
            let b = later.get(view).unwrap_or(&empty);
            ViewDifference {
                view: view.clone(),
                new: b.and_not(a),
                resolved: a.and_not(b),
                persisting: a.and(b),
            }
        })
        .collect()
}

/// A session's drawing rasterised once, view by view: keep it while the session is loaded
/// and unchanged, and comparisons with it are set operations only.
#[derive(Clone, Debug)]
pub struct SessionMasks {
    masks: BTreeMap<ViewId, PainMask>,
}

impl SessionMasks {
    pub fn new(session: &Session, charts: &BodyCharts) -> Self {
        Self {
            masks: masks(session, &painted_views(&[session]), charts),
        }
    }
}

/// Compares an earlier visit with a later one.
pub fn compare(earlier: &Session, later: &Session, charts: &BodyCharts) -> Comparison {
    // Both visits' views rasterised together, so all cores share the work.
    let earlier_views = painted_views(&[earlier]);
    let later_views = painted_views(&[later]);
    let jobs: Vec<(&Session, &ViewId)> = earlier_views
        .iter()
        .map(|v| (earlier, v))
        .chain(later_views.iter().map(|v| (later, v)))
        .collect();
    let mut masks = rasterise(&jobs, charts).into_iter();
    let earlier_masks = SessionMasks {
        masks: earlier_views.iter().cloned().zip(masks.by_ref()).collect(),
    };
    let later_masks = SessionMasks {
        masks: later_views.iter().cloned().zip(masks).collect(),
    };
    compare_prepared((earlier, &earlier_masks), (later, &later_masks), charts)
}

/// Compares two visits whose drawings are already rasterised.
pub fn compare_prepared(
    (earlier, earlier_masks): (&Session, &SessionMasks),
    (later, later_masks): (&Session, &SessionMasks),
    charts: &BodyCharts,
) -> Comparison {
    let earlier_metrics = metrics_from(earlier, &earlier_masks.masks, charts);
    let later_metrics = metrics_from(later, &later_masks.masks, charts);
    let extent_of = |metrics: &SessionMetrics, view: &ViewId| {
        metrics
            .views
            .iter()
            .find(|v| &v.view == view)
            .and_then(|v| v.extent_percent)
            .or_else(|| charts.area(view).map(|_| 0.0))
    };
    let centroid_of = |metrics: &SessionMetrics, view: &ViewId| {
        metrics
            .views
            .iter()
            .find(|v| &v.view == view)
            .and_then(|v| v.centroid)
    };
    let views: Vec<ViewComparison> = differences_from(&earlier_masks.masks, &later_masks.masks)
        .into_iter()
        .map(|d| {
            let (new, resolved, persisting) = (
                d.new.area_mm2(),
                d.resolved.area_mm2(),
                d.persisting.area_mm2(),
            );
            let union = new + resolved + persisting;
            let change = extent_of(&later_metrics, &d.view)
                .zip(extent_of(&earlier_metrics, &d.view))
                .map(|(b, a)| b - a);
            ViewComparison {
                jaccard: (union > 0.0).then(|| persisting / union),
                extent_change_pp: change,
                extent_change: change.map(Change::of_extent),
                centroid_shift_mm: centroid_of(&earlier_metrics, &d.view)
                    .zip(centroid_of(&later_metrics, &d.view))
                    .map(|(a, b)| a.distance(b)),
                new_mm2: new,
                resolved_mm2: resolved,
                persisting_mm2: persisting,
                view: d.view,
            }
        })
        .collect();
    // Both visits over the same views — those painted in either — so a view drawn in one
    // visit only counts as 0 % in the other instead of leaving the denominator.
    let over_views = |metrics: &SessionMetrics| {
        let (painted, area) = views.iter().fold((0.0, 0.0), |(p, a), v: &ViewComparison| {
            match charts.area(&v.view).filter(|area| *area > 0.0) {
                Some(area) => {
                    let painted = metrics
                        .views
                        .iter()
                        .find(|m| m.view == v.view)
                        .map_or(0.0, |m| m.painted_mm2);
                    (p + painted, a + area)
                }
                None => (p, a),
            }
        });
        (area > 0.0).then(|| 100.0 * painted / area)
    };
    let extent_percent = over_views(&earlier_metrics).zip(over_views(&later_metrics));
    let total = extent_percent.map(|(a, b)| b - a);
    Comparison {
        extent_percent,
        total_extent_change: total.map(Change::of_extent),
        total_extent_change_pp: total,
        trigger_points: match_trigger_points(earlier, later),
        earlier: earlier_metrics,
        later: later_metrics,
        views,
    }
}

/// Matches trigger points of two visits: same view, muscle and side, nearest first, within
/// [`TRIGGER_POINT_MATCH_MM`]. A later trigger point carried forward and not re-examined is
/// matched first and kept apart (`not_reexamined`): it never counts as persisting, and the
/// earlier one it stands for never as resolved.
pub fn match_trigger_points(earlier: &Session, later: &Session) -> TriggerPointMatches {
    let (carried, examined): (Vec<_>, Vec<_>) =
        later.trigger_points.iter().partition(|t| t.carried_forward);
    let mut used_a = BTreeSet::new();
    let mut matches = TriggerPointMatches::default();
    let earlier_all: Vec<_> = earlier.trigger_points.iter().collect();
    let carried_pairs = nearest_pairs(&earlier_all, &carried);
    for b in &carried {
        let a = carried_pairs
            .iter()
            .find(|(_, later)| *later == b.id)
            .map(|(a, _)| *a);
        used_a.extend(a);
        matches.not_reexamined.push((a, b.id));
    }
    let remaining: Vec<_> = earlier_all
        .into_iter()
        .filter(|a| !used_a.contains(&a.id))
        .collect();
    let pairs = nearest_pairs(&remaining, &examined);
    let used_b: BTreeSet<MarkId> = pairs.iter().map(|(_, b)| *b).collect();
    used_a.extend(pairs.iter().map(|(a, _)| *a));
    matches.persisting = pairs;
    matches.resolved = earlier
        .trigger_points
        .iter()
        .map(|t| t.id)
        .filter(|id| !used_a.contains(id))
        .collect();
    matches.new = examined
        .iter()
        .map(|t| t.id)
        .filter(|id| !used_b.contains(id))
        .collect();
    matches
}

/// Pairs trigger points of `earlier` and `later` of the same view, muscle and side, nearest
/// first, each used once, within [`TRIGGER_POINT_MATCH_MM`].
fn nearest_pairs(
    earlier: &[&crate::model::TriggerPoint],
    later: &[&crate::model::TriggerPoint],
) -> Vec<(MarkId, MarkId)> {
    // Later trigger points grouped by view, muscle and side: each earlier one is measured
    // only against its own group, in the visits' order (so ties resolve as before).
    fn key(t: &crate::model::TriggerPoint) -> (&str, Option<&str>, u8) {
        (
            t.view.as_str(),
            t.muscle.as_ref().map(|m| m.0.as_str()),
            t.side as u8,
        )
    }
    let mut groups: HashMap<_, Vec<&crate::model::TriggerPoint>> = HashMap::new();
    for b in later {
        groups.entry(key(b)).or_default().push(b);
    }
    let mut candidates = Vec::new();
    for a in earlier {
        for b in groups.get(&key(a)).into_iter().flatten() {
            let distance = a.at.distance(b.at);
            if distance <= TRIGGER_POINT_MATCH_MM {
                candidates.push((distance, a.id, b.id));
            }
        }
    }
    candidates.sort_by(|x, y| x.0.total_cmp(&y.0));
    let (mut used_a, mut used_b) = (BTreeSet::new(), BTreeSet::new());
    let mut pairs = Vec::new();
    for (_, a, b) in candidates {
        if !used_a.contains(&a) && !used_b.contains(&b) {
            used_a.insert(a);
            used_b.insert(b);
            pairs.push((a, b));
        }
    }
    pairs
}

#[cfg(test)]
mod tests;
