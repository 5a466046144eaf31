//! Plane geometry of the generator, in f64: smoothing, flattening, fitting a shape inside a
//! silhouette and the RON number format. Owns the arithmetic that makes the files reproduce to
//! the last digit; knows nothing of muscles, views or files.

use crate::bodymap::path;
use crate::geometry::MapPoint;

/// A point as the data tables write it: `(x, y)` in mm of the reference body.
pub type Xy = (f64, f64);

/// A point in mm of the reference body (x = 0 on the midline, y down from the vertex).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pt {
    pub x: f64,
    pub y: f64,
}

impl Pt {
    pub const fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }

    /// The point mirrored about the midline.
    pub fn mirrored(self) -> Self {
        Self::new(-self.x, self.y)
    }

    pub fn distance(self, other: Self) -> f64 {
        hypot(self.x - other.x, self.y - other.y)
    }

    /// The point as the body-map types store it.
    pub fn to_map(self) -> MapPoint {
        MapPoint::new(self.x as f32, self.y as f32)
    }
}

impl From<Xy> for Pt {
    fn from((x, y): Xy) -> Self {
        Self::new(x, y)
    }
}

/// A hand-placed point of a smooth outline; a corner keeps a sharp bend there (axilla,
/// crotch, jaw angle) instead of a Catmull-Rom tangent.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Knot {
    pub at: Pt,
    pub corner: bool,
}

/// A smooth knot.
pub const fn k(x: f64, y: f64) -> Knot {
    Knot {
        at: Pt::new(x, y),
        corner: false,
    }
}

/// A corner knot.
pub const fn corner(x: f64, y: f64) -> Knot {
    Knot {
        at: Pt::new(x, y),
        corner: true,
    }
}

impl Knot {
    pub fn mirrored(self) -> Self {
        Self {
            at: self.at.mirrored(),
            ..self
        }
    }

    /// The knot moved by `f` (a deformation of the drawing), keeping its corner.
    pub fn moved(self, f: impl Fn(Pt) -> Pt) -> Self {
        Self {
            at: f(self.at),
            ..self
        }
    }
}

impl From<Xy> for Knot {
    fn from(xy: Xy) -> Self {
        Self {
            at: xy.into(),
            corner: false,
        }
    }
}

impl From<Pt> for Knot {
    fn from(at: Pt) -> Self {
        Self { at, corner: false }
    }
}

/// How a shape is authored in the data tables: hand-placed points, a strap of given widths
/// around a centreline, or an ellipse (8 points).
#[derive(Clone, Copy, Debug)]
pub enum Shape {
    Points(&'static [Xy]),
    Knots(&'static [Knot]),
    Strap {
        centre: &'static [Xy],
        widths: &'static [f64],
    },
    Ellipse {
        cx: f64,
        cy: f64,
        rx: f64,
        ry: f64,
        angle_deg: f64,
    },
}

/// Hand-placed points, smoothed into a closed curve.
pub const fn pts(points: &'static [Xy]) -> Shape {
    Shape::Points(points)
}

/// Hand-placed points some of which are corners.
pub const fn knots(knots: &'static [Knot]) -> Shape {
    Shape::Knots(knots)
}

/// A closed outline around a centreline; `widths` is the full width at each centre point.
pub const fn strap(centre: &'static [Xy], widths: &'static [f64]) -> Shape {
    Shape::Strap { centre, widths }
}

/// An axis-aligned ellipse; see [`Shape::tilted`].
pub const fn ell(cx: f64, cy: f64, rx: f64, ry: f64) -> Shape {
    Shape::Ellipse {
        cx,
        cy,
        rx,
        ry,
        angle_deg: 0.0,
    }
}

impl Shape {
    /// An ellipse turned by `angle_deg` (clockwise on the map, y being down); other shapes
    /// are returned unchanged.
    pub const fn tilted(self, angle_deg: f64) -> Self {
        match self {
            Self::Ellipse { cx, cy, rx, ry, .. } => Self::Ellipse {
                cx,
                cy,
                rx,
                ry,
                angle_deg,
            },
            other => other,
        }
    }

    /// The shape's knots, before any fitting.
    pub fn knots(&self) -> Vec<Knot> {
        match *self {
            Self::Points(points) => points.iter().map(|&p| Knot::from(p)).collect(),
            Self::Knots(knots) => knots.to_vec(),
            Self::Strap { centre, widths } => strap_outline(centre, widths)
                .into_iter()
                .map(Knot::from)
                .collect(),
            Self::Ellipse {
                cx,
                cy,
                rx,
                ry,
                angle_deg,
            } => ellipse_points(cx, cy, rx, ry, angle_deg, 8)
                .into_iter()
                .map(Knot::from)
                .collect(),
        }
    }

    /// The shape's points (corners dropped).
    pub fn points(&self) -> Vec<Pt> {
        self.knots().into_iter().map(|k| k.at).collect()
    }
}

/// One segment of a [`Curve`], from the end of the previous one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Seg {
    L(Pt),
    C(Pt, Pt, Pt),
}

impl Seg {
    fn end(self) -> Pt {
        match self {
            Self::L(p) | Self::C(_, _, p) => p,
        }
    }

    fn mirrored(self) -> Self {
        match self {
            Self::L(p) => Self::L(p.mirrored()),
            Self::C(a, b, c) => Self::C(a.mirrored(), b.mirrored(), c.mirrored()),
        }
    }
}

/// A path of straight and cubic segments in f64: the generator's counterpart of
/// [`crate::bodymap::Path`], flattened with a fixed number of steps per curve.
#[derive(Clone, Debug, PartialEq)]
pub struct Curve {
    pub start: Pt,
    pub segments: Vec<Seg>,
    pub closed: bool,
}

impl Curve {
    /// The curve with every point and control point moved by `f` (a smooth deformation of the
    /// drawing keeps the curve smooth).
    pub fn moved(&self, f: impl Fn(Pt) -> Pt) -> Self {
        Self {
            start: f(self.start),
            segments: self
                .segments
                .iter()
                .map(|s| match *s {
                    Seg::L(p) => Seg::L(f(p)),
                    Seg::C(a, b, c) => Seg::C(f(a), f(b), f(c)),
                })
                .collect(),
            closed: self.closed,
        }
    }

    pub fn mirrored(&self) -> Self {
        Self {
            start: self.start.mirrored(),
            segments: self.segments.iter().map(|s| s.mirrored()).collect(),
            closed: self.closed,
        }
    }

    /// The start and `steps` points per cubic segment (the end of a closed path repeats its
    /// start).
    pub fn flatten(&self, steps: usize) -> Vec<Pt> {
        let mut out = vec![self.start];
        let mut cur = self.start;
        for seg in &self.segments {
            match *seg {
                Seg::L(p) => {
                    out.push(p);
                    cur = p;
                }
                Seg::C(c1, c2, end) => {
                    for i in 1..=steps {
                        out.push(cubic(cur, c1, c2, end, i as f64 / steps as f64));
                    }
                    cur = end;
                }
            }
        }
        out
    }

    /// The largest y of the coarsely flattened curve (its lower edge on the map).
    pub fn max_y(&self) -> f64 {
        self.flatten(4)
            .iter()
            .map(|p| p.y)
            .fold(f64::NEG_INFINITY, f64::max)
    }

    /// The path on one line, as the body map writes it.
    pub fn to_ron(&self) -> String {
        let parts: Vec<String> = self
            .segments
            .iter()
            .map(|seg| match *seg {
                Seg::L(p) => format!("L({})", ron_point(p)),
                Seg::C(a, b, c) => {
                    format!("C({}, {}, {})", ron_point(a), ron_point(b), ron_point(c))
                }
            })
            .collect();
        format!(
            "(start: {}, segments: [{}], closed: {})",
            ron_point(self.start),
            parts.join(", "),
            self.closed
        )
    }
}

fn cubic(p0: Pt, c1: Pt, c2: Pt, p3: Pt, t: f64) -> Pt {
    let u = 1.0 - t;
    let at = |a: f64, b: f64, c: f64, d: f64| {
        u * u * u * a + 3.0 * u * u * t * b + 3.0 * u * t * t * c + t * t * t * d
    };
    Pt::new(at(p0.x, c1.x, c2.x, p3.x), at(p0.y, c1.y, c2.y, p3.y))
}

/// A closed smooth curve through the knots (Catmull-Rom tangents, zero at corners).
pub fn smooth<K: Copy + Into<Knot>>(knots: &[K]) -> Curve {
    catmull_rom(knots, true)
}

/// An open smooth curve through the knots.
pub fn smooth_open<K: Copy + Into<Knot>>(knots: &[K]) -> Curve {
    catmull_rom(knots, false)
}

fn catmull_rom<K: Copy + Into<Knot>>(knots: &[K], closed: bool) -> Curve {
    let knots: Vec<Knot> = knots.iter().map(|&k| k.into()).collect();
    let n = knots.len();
    let pts: Vec<Pt> = knots.iter().map(|k| k.at).collect();
    let Some(&start) = pts.first() else {
        return Curve {
            start: Pt::new(0.0, 0.0),
            segments: Vec::new(),
            closed,
        };
    };
    let k = 1.0 / 6.0;
    let tangents: Vec<Pt> = (0..n)
        .map(|i| {
            if knots[i].corner {
                return Pt::new(0.0, 0.0);
            }
            let (prev, next) = if closed {
                (pts[(i + n - 1) % n], pts[(i + 1) % n])
            } else {
                (pts[i.saturating_sub(1)], pts[(i + 1).min(n - 1)])
            };
            Pt::new((next.x - prev.x) * k, (next.y - prev.y) * k)
        })
        .collect();
    let count = if closed { n } else { n - 1 };
    let segments = (0..count)
        .map(|i| {
            let (a, b) = (pts[i], pts[(i + 1) % n]);
            let (ta, tb) = (tangents[i], tangents[(i + 1) % n]);
            Seg::C(
                Pt::new(a.x + ta.x, a.y + ta.y),
                Pt::new(b.x - tb.x, b.y - tb.y),
                b,
            )
        })
        .collect();
    Curve {
        start,
        segments,
        closed,
    }
}

/// A closed polygon as a path of straight segments.
pub fn polygon(points: &[Pt]) -> Curve {
    Curve {
        start: points.first().copied().unwrap_or(Pt::new(0.0, 0.0)),
        segments: points.iter().skip(1).map(|&p| Seg::L(p)).collect(),
        closed: true,
    }
}

/// `count` points on an ellipse turned by `angle_deg`.
pub fn ellipse_points(cx: f64, cy: f64, rx: f64, ry: f64, angle_deg: f64, count: usize) -> Vec<Pt> {
    let a = radians(angle_deg);
    (0..count)
        .map(|i| {
            let t = 2.0 * std::f64::consts::PI * i as f64 / count as f64;
            let (x, y) = (rx * t.cos(), ry * t.sin());
            Pt::new(
                cx + x * a.cos() - y * a.sin(),
                cy + x * a.sin() + y * a.cos(),
            )
        })
        .collect()
}

/// A closed outline around a centreline: `widths` gives the full width at each point.
pub fn strap_outline(centre: &[Xy], widths: &[f64]) -> Vec<Pt> {
    let n = centre.len();
    let mut left = Vec::with_capacity(n);
    let mut right = Vec::with_capacity(n);
    for (i, (&(x, y), &width)) in centre.iter().zip(widths).enumerate() {
        let (px, py) = centre[i.saturating_sub(1)];
        let (nx, ny) = centre[(i + 1).min(n - 1)];
        let (dx, dy) = (nx - px, ny - py);
        let length = or_if_zero(hypot(dx, dy), 1.0);
        let (ox, oy) = (-dy / length, dx / length);
        let w = width / 2.0;
        left.push(Pt::new(x + ox * w, y + oy * w));
        right.push(Pt::new(x - ox * w, y - oy * w));
    }
    left.extend(right.into_iter().rev());
    left
}

/// Degrees to radians, as Python's `math.radians`.
pub fn radians(degrees: f64) -> f64 {
    degrees * (std::f64::consts::PI / 180.0)
}

fn or_if_zero(v: f64, fallback: f64) -> f64 {
    if v == 0.0 { fallback } else { v }
}

/// `v` clamped to 0–1 the way `max(0.0, min(1.0, v))` does.
fn clamp01(v: f64) -> f64 {
    let v = if v < 1.0 { v } else { 1.0 };
    if v > 0.0 { v } else { 0.0 }
}

/// The Euclidean norm of `(x, y)`, computed as CPython's `math.hypot` does (scaled,
/// compensated, with one correction step) so that distances match the reference
/// implementation bit for bit; the C library's `hypot` differs in the last bit now and then.
pub fn hypot(x: f64, y: f64) -> f64 {
    let (x, y) = (x.abs(), y.abs());
    let max = x.max(y);
    if max == 0.0 || !max.is_finite() {
        return max;
    }
    // max = m · 2^e with m in [0.5, 1): scaling by 2^-e is exact.
    let exponent = ((max.to_bits() >> 52) & 0x7ff) as i32 - 1022;
    let scale = 2f64.powi(-exponent);
    // Squares split exactly into hi + lo, summed with compensation (csum starts at 1.0).
    let (mut csum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    for v in [x * scale, y * scale] {
        let hi = v * v;
        let sum = csum + hi;
        frac1 += v.mul_add(v, -hi);
        frac2 += (csum - sum) + hi;
        csum = sum;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    // One differential correction step.
    let hi = -h * h;
    let sum = csum + hi;
    frac1 += (-h).mul_add(h, -hi);
    frac2 += (csum - sum) + hi;
    csum = sum;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

/// `v` rounded to one decimal as Python's `round(v, 1)` (correctly rounded from the exact
/// binary value, ties to even).
pub fn round1(v: f64) -> f64 {
    format!("{v:.1}")
        .parse()
        .expect("a float formatted by Rust parses back")
}

/// A number as the map files write it: one decimal, never `-0.0`.
pub fn fmt(v: f64) -> String {
    let text = format!("{v:.1}");
    if text == "-0.0" {
        "0.0".to_owned()
    } else {
        text
    }
}

fn ron_point(p: Pt) -> String {
    format!("({}, {})", fmt(p.x), fmt(p.y))
}

/// Whether `p` lies inside the closed polygon (even–odd rule).
pub fn point_in_polygon(p: Pt, poly: &[Pt]) -> bool {
    let n = poly.len();
    let mut inside = false;
    for i in 0..n {
        let (a, b) = (poly[i], poly[(i + 1) % n]);
        if (a.y > p.y) != (b.y > p.y) && a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y) > p.x {
            inside = !inside;
        }
    }
    inside
}

/// The nearest point of a segment `a`–`b` to `p`.
pub fn nearest_on_segment(p: Pt, a: Pt, b: Pt) -> Pt {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let length2 = or_if_zero(dx * dx + dy * dy, 1e-9);
    let t = clamp01(((p.x - a.x) * dx + (p.y - a.y) * dy) / length2);
    Pt::new(a.x + t * dx, a.y + t * dy)
}

/// The nearest point of the closed polygon's edges to `p`, and its distance.
pub fn nearest_on_polygon(p: Pt, poly: &[Pt]) -> (Pt, f64) {
    let n = poly.len();
    let mut best = (p, f64::INFINITY);
    for i in 0..n {
        let q = nearest_on_segment(p, poly[i], poly[(i + 1) % n]);
        let d = p.distance(q);
        if d < best.1 {
            best = (q, d);
        }
    }
    best
}

/// Moves the knots of a muscle shape inside the silhouette (at least `margin` mm from the
/// skin), then checks the smoothed curve and pulls in whatever still bulges out. Muscles are
/// placed by eye; this keeps their edges on the body without hand-fitting.
fn fit_inside(knots: &[Knot], silhouette: &[Pt]) -> Vec<Knot> {
    const MARGIN: f64 = 2.5;
    const ROUNDS: usize = 6;
    let mut pts = knots.to_vec();

    // Moves knot `i` to `depth` inside along the normal from the nearest skin point.
    let pull = |pts: &mut [Knot], i: usize, depth: f64| -> bool {
        let p = pts[i].at;
        let (q, d) = nearest_on_polygon(p, silhouette);
        let inside = point_in_polygon(p, silhouette);
        if inside && d >= depth {
            return false;
        }
        let count = pts.len() as f64;
        let cx = pts.iter().map(|k| k.at.x).fold(0.0, |s, x| s + x) / count;
        let cy = pts.iter().map(|k| k.at.y).fold(0.0, |s, y| s + y) / count;
        let (mut vx, mut vy) = (cx - q.x, cy - q.y);
        if d > 1e-6 {
            (vx, vy) = if inside {
                (p.x - q.x, p.y - q.y)
            } else {
                (q.x - p.x, q.y - p.y)
            };
        }
        let length = or_if_zero(hypot(vx, vy), 1.0);
        pts[i].at = Pt::new(q.x + vx / length * depth, q.y + vy / length * depth);
        true
    };

    for i in 0..pts.len() {
        pull(&mut pts, i, MARGIN);
    }
    for _ in 0..ROUNDS {
        let flat = smooth(&pts).flatten(8);
        let per = ((flat.len() - 1) / pts.len()).max(1);
        let mut moved = false;
        for (j, &f) in flat.iter().enumerate() {
            if !point_in_polygon(f, silhouette) || nearest_on_polygon(f, silhouette).1 < 0.5 {
                let i = (j / per).min(pts.len() - 1);
                if pull(&mut pts, i, MARGIN + 2.0) {
                    moved = true;
                }
            }
        }
        if !moved {
            break;
        }
    }
    pts
}

/// `p` if it lies at least `depth` inside the silhouette, else a point `depth` inside from
/// the nearest skin point along that edge's normal (the skin point itself if neither normal
/// leads inside).
fn project_inside(p: Pt, silhouette: &[Pt], depth: f64) -> Pt {
    let (q, d) = nearest_on_polygon(p, silhouette);
    if point_in_polygon(p, silhouette) && d >= depth {
        return p;
    }
    let n = silhouette.len();
    for sign in [1.0, -1.0] {
        for i in 0..n {
            let (a, b) = (silhouette[i], silhouette[(i + 1) % n]);
            let (dx, dy) = (b.x - a.x, b.y - a.y);
            let length = or_if_zero(hypot(dx, dy), 1.0);
            let t = clamp01(((q.x - a.x) * dx + (q.y - a.y) * dy) / (length * length));
            let foot = Pt::new(a.x + t * dx, a.y + t * dy);
            if foot.distance(q) < 1e-3 {
                let candidate = Pt::new(
                    q.x - dy / length * depth * sign,
                    q.y + dx / length * depth * sign,
                );
                if point_in_polygon(candidate, silhouette) {
                    return candidate;
                }
            }
        }
    }
    q
}

/// Fits a muscle or safety-zone shape on the body and returns its path: the hand-placed knots
/// pulled inside, then every curve segment that still strays past the skin replaced by its
/// flattened points moved just inside, so the shape's edge follows the body's edge. A shape
/// that still crosses itself or leaves the body is reported in `problems` as `what`.
pub fn fit_and_check(
    knots: &[Knot],
    silhouette: &[Pt],
    what: &str,
    problems: &mut Vec<String>,
) -> Curve {
    let fitted = smooth(&fit_inside(knots, silhouette));
    let mut segments = Vec::with_capacity(fitted.segments.len());
    let mut cur = fitted.start;
    for &seg in &fitted.segments {
        let flat = Curve {
            start: cur,
            segments: vec![seg],
            closed: false,
        }
        .flatten(16);
        let well_inside = flat.iter().all(|&f| {
            point_in_polygon(f, silhouette) && nearest_on_polygon(f, silhouette).1 >= 0.8
        });
        if well_inside {
            segments.push(seg);
        } else {
            segments.extend(
                flat[1..]
                    .iter()
                    .map(|&f| Seg::L(project_inside(f, silhouette, 1.2))),
            );
        }
        cur = seg.end();
    }
    let curve = Curve { segments, ..fitted };
    let poly: Vec<MapPoint> = curve.flatten(8).into_iter().map(Pt::to_map).collect();
    let body: Vec<MapPoint> = silhouette.iter().map(|p| p.to_map()).collect();
    if path::self_intersects(&poly) {
        problems.push(format!("{what}: crosses itself after fitting"));
    } else if !poly.iter().all(|&p| path::polygon_contains(&body, p)) {
        problems.push(format!("{what}: still reaches outside the body"));
    }
    curve
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_as_the_map_files_write_them() {
        assert_eq!(fmt(-0.04), "0.0");
        assert_eq!(fmt(0.25), "0.2");
        assert_eq!(fmt(0.75), "0.8");
        assert_eq!(fmt(2.675), "2.7");
        assert_eq!(fmt(-12.34), "-12.3");
        assert_eq!(round1(1.25), 1.2);
    }

    #[test]
    fn hypot_is_exact_on_pythagorean_triples() {
        assert_eq!(hypot(3.0, 4.0), 5.0);
        assert_eq!(hypot(-5.0, 12.0), 13.0);
        assert_eq!(hypot(0.0, 0.0), 0.0);
        assert!((hypot(1.0, 1.0) - std::f64::consts::SQRT_2).abs() < 1e-15);
    }

    #[test]
    fn a_fitted_shape_stays_inside_the_silhouette() {
        let body = ellipse_points(0.0, 0.0, 100.0, 60.0, 0.0, 64);
        // A shape reaching well past the right edge of the body.
        let knots: Vec<Knot> = [(40.0, -20.0), (130.0, -10.0), (130.0, 20.0), (40.0, 20.0)]
            .into_iter()
            .map(Knot::from)
            .collect();
        let mut problems = Vec::new();
        let curve = fit_and_check(&knots, &body, "test shape", &mut problems);
        assert_eq!(problems, Vec::<String>::new());
        assert!(curve.flatten(8).iter().all(|&p| point_in_polygon(p, &body)));
    }

    #[test]
    fn corners_keep_a_sharp_bend_and_mirroring_flips_x() {
        let curve = smooth(&[corner(0.0, 0.0), k(10.0, 0.0), k(10.0, 10.0)]);
        let Seg::C(c1, _, _) = curve.segments[0] else {
            panic!("smooth curves are cubic");
        };
        assert_eq!(c1, Pt::new(0.0, 0.0));
        let mirrored = curve.mirrored();
        assert_eq!(mirrored.start, Pt::new(-0.0, 0.0));
        assert_eq!(mirrored.segments[0], curve.segments[0].mirrored());
        assert_eq!(
            curve.to_ron().matches("C(").count(),
            3,
            "a closed curve of three knots has three segments"
        );
    }
}
