//! Outlines as data: paths of straight and cubic Bézier segments in body-map millimetres, and
//! the plane geometry the rest of the body map needs (flattening, containment, area,
//! distance, self-intersection).

use serde::{Deserialize, Serialize};

use crate::geometry::MapPoint;

/// One segment of a [`Path`], from the end of the previous one.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Segment {
    /// A straight line to the point.
    L(MapPoint),
    /// A cubic Bézier curve: two control points, then the end point.
    C(MapPoint, MapPoint, MapPoint),
}

/// A path: a start point and segments; closed paths bound an area.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Path {
    pub start: MapPoint,
    pub segments: Vec<Segment>,
    pub closed: bool,
}

/// How far a flattened curve may stray from the true curve, in mm. Half a millimetre is
/// well below what a finger or a pointer can tell apart on a 1,750 mm body.
pub const FLATTEN_TOLERANCE_MM: f32 = 0.5;

impl Path {
    /// The path as a polyline whose points lie within `tolerance` mm of the curve.
    pub fn flatten(&self, tolerance: f32) -> Vec<MapPoint> {
        let mut points = vec![self.start];
        let mut from = self.start;
        for segment in &self.segments {
            match *segment {
                Segment::L(to) => {
                    points.push(to);
                    from = to;
                }
                Segment::C(c1, c2, to) => {
                    // Subdivide uniformly; the count bounds the error of the chord
                    // approximation by the control polygon's deviation.
                    let deviation =
                        distance_to_segment(c1, from, to).max(distance_to_segment(c2, from, to));
                    let steps =
                        ((deviation / tolerance.max(0.01)).sqrt().ceil() as usize).clamp(1, 64);
                    for i in 1..=steps {
                        points.push(cubic(from, c1, c2, to, i as f32 / steps as f32));
                    }
                    from = to;
                }
            }
        }
        if self.closed && points.len() > 1 && points.first() == points.last() {
            points.pop();
        }
        points
    }

    /// Every point the path is defined by (ends and control points).
    pub fn points(&self) -> impl Iterator<Item = MapPoint> + '_ {
        std::iter::once(self.start).chain(self.segments.iter().flat_map(|s| match *s {
            Segment::L(p) => vec![p],
            Segment::C(a, b, c) => vec![a, b, c],
        }))
    }
}

fn cubic(p0: MapPoint, p1: MapPoint, p2: MapPoint, p3: MapPoint, t: f32) -> MapPoint {
    let u = 1.0 - t;
    let (a, b, c, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
    MapPoint::new(
        a * p0.x + b * p1.x + c * p2.x + d * p3.x,
        a * p0.y + b * p1.y + c * p2.y + d * p3.y,
    )
}

/// Axis-aligned bounds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub min: MapPoint,
    pub max: MapPoint,
}

impl Bounds {
    pub fn of(points: &[MapPoint]) -> Option<Self> {
        let first = *points.first()?;
        let mut bounds = Self {
            min: first,
            max: first,
        };
        for p in points {
            bounds.min.x = bounds.min.x.min(p.x);
            bounds.min.y = bounds.min.y.min(p.y);
            bounds.max.x = bounds.max.x.max(p.x);
            bounds.max.y = bounds.max.y.max(p.y);
        }
        Some(bounds)
    }

    pub fn contains(&self, p: MapPoint, margin: f32) -> bool {
        p.x >= self.min.x - margin
            && p.x <= self.max.x + margin
            && p.y >= self.min.y - margin
            && p.y <= self.max.y + margin
    }
}

/// Whether `p` is inside the closed polygon (even–odd rule).
pub fn polygon_contains(polygon: &[MapPoint], p: MapPoint) -> bool {
    let mut inside = false;
    let mut j = polygon.len().wrapping_sub(1);
    for (i, a) in polygon.iter().enumerate() {
        let b = polygon[j];
        if (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
            inside = !inside;
        }
        j = i;
    }
    inside
}

/// The area of a closed polygon, mm² (positive whatever the winding).
pub fn polygon_area(polygon: &[MapPoint]) -> f32 {
    let n = polygon.len();
    let twice: f32 = (0..n)
        .map(|i| {
            let (a, b) = (polygon[i], polygon[(i + 1) % n]);
            a.x * b.y - b.x * a.y
        })
        .sum();
    twice.abs() / 2.0
}

/// Distance from `p` to the segment `a`–`b`.
pub fn distance_to_segment(p: MapPoint, a: MapPoint, b: MapPoint) -> f32 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    p.distance(MapPoint::new(a.x + t * dx, a.y + t * dy))
}

/// Distance from `p` to a closed polygon: 0 inside, else to the nearest edge.
pub fn distance_to_polygon(polygon: &[MapPoint], p: MapPoint) -> f32 {
    if polygon_contains(polygon, p) {
        return 0.0;
    }
    let n = polygon.len();
    (0..n)
        .map(|i| distance_to_segment(p, polygon[i], polygon[(i + 1) % n]))
        .fold(f32::INFINITY, f32::min)
}

/// Whether two edges of the closed polygon cross (edges sharing a vertex do not count).
pub fn self_intersects(polygon: &[MapPoint]) -> bool {
    let n = polygon.len();
    if n < 4 {
        return false;
    }
    for i in 0..n {
        let (a, b) = (polygon[i], polygon[(i + 1) % n]);
        for j in (i + 2)..n {
            if i == 0 && j == n - 1 {
                continue; // neighbours through the closing edge
            }
            let (c, d) = (polygon[j], polygon[(j + 1) % n]);
            if segments_cross(a, b, c, d) {
                return true;
            }
        }
    }
    false
}

fn segments_cross(a: MapPoint, b: MapPoint, c: MapPoint, d: MapPoint) -> bool {
    let orient = |p: MapPoint, q: MapPoint, r: MapPoint| {
        (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x)
    };
    let (d1, d2) = (orient(c, d, a), orient(c, d, b));
    let (d3, d4) = (orient(a, b, c), orient(a, b, d));
    ((d1 > 0.0 && d2 < 0.0) || (d1 < 0.0 && d2 > 0.0))
        && ((d3 > 0.0 && d4 < 0.0) || (d3 < 0.0 && d4 > 0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(size: f32) -> Path {
        Path {
            start: MapPoint::new(0.0, 0.0),
            segments: vec![
                Segment::L(MapPoint::new(size, 0.0)),
                Segment::L(MapPoint::new(size, size)),
                Segment::L(MapPoint::new(0.0, size)),
            ],
            closed: true,
        }
    }

    #[test]
    fn square_area_containment_and_distance() {
        let polygon = square(10.0).flatten(FLATTEN_TOLERANCE_MM);
        assert_eq!(polygon.len(), 4);
        assert!((polygon_area(&polygon) - 100.0).abs() < 1e-3);
        assert!(polygon_contains(&polygon, MapPoint::new(5.0, 5.0)));
        assert!(!polygon_contains(&polygon, MapPoint::new(15.0, 5.0)));
        assert_eq!(distance_to_polygon(&polygon, MapPoint::new(5.0, 5.0)), 0.0);
        assert!((distance_to_polygon(&polygon, MapPoint::new(13.0, 5.0)) - 3.0).abs() < 1e-4);
        assert!(!self_intersects(&polygon));
    }

    #[test]
    fn bezier_circle_flattens_within_tolerance() {
        // Four cubic arcs approximating a circle of radius 100 mm.
        let k = 0.552_284_8 * 100.0;
        let p = |x: f32, y: f32| MapPoint::new(x, y);
        let circle = Path {
            start: p(100.0, 0.0),
            segments: vec![
                Segment::C(p(100.0, k), p(k, 100.0), p(0.0, 100.0)),
                Segment::C(p(-k, 100.0), p(-100.0, k), p(-100.0, 0.0)),
                Segment::C(p(-100.0, -k), p(-k, -100.0), p(0.0, -100.0)),
                Segment::C(p(k, -100.0), p(100.0, -k), p(100.0, 0.0)),
            ],
            closed: true,
        };
        let polygon = circle.flatten(FLATTEN_TOLERANCE_MM);
        let area = polygon_area(&polygon);
        let exact = std::f32::consts::PI * 100.0 * 100.0;
        assert!((area - exact).abs() / exact < 0.01, "{area} vs {exact}");
        for point in &polygon {
            let r = point.x.hypot(point.y);
            assert!((r - 100.0).abs() < 0.1, "{r}");
        }
        assert!(!self_intersects(&polygon));
    }

    #[test]
    fn a_bow_tie_intersects_itself() {
        let p = |x: f32, y: f32| MapPoint::new(x, y);
        assert!(self_intersects(&[
            p(0.0, 0.0),
            p(10.0, 10.0),
            p(10.0, 0.0),
            p(0.0, 10.0)
        ]));
    }
}
