//! The generator of `body_maps/overlays.ron`: dermatomes, cutaneous nerve fields and bony
//! landmarks on the standard map's views, each layer with its source and caveat.
//!
//! Shapes are authored relative to the silhouettes, read from the map as written (so a
//! redrawn body carries them along): a band across the trunk between two heights and two
//! fractions of its half-width, a strip along a limb between fractions of its width at given
//! heights (0 at the inner edge, 1 at the outer; on the lateral view 0 at the back edge, 1 at
//! the front), or hand-placed points on the head, which has no limb to measure. Front and back
//! shapes are authored for the patient's right with +x towards the right and mirrored for the
//! left; the anterior view stores the right at −x. Lateral shapes are authored on the right
//! lateral view and mirrored onto the left lateral view. Heights follow the reference adult's
//! proportions (`anatomy.md`: y mm from the top of the head on the 1,750 mm adult).

mod dermatomes;
mod landmarks;
mod nerves;

use super::detail::{carried, carried_point};
use super::geometry::Pt;
use crate::bodymap::{BodyMap, FLATTEN_TOLERANCE_MM};
use crate::geometry::{MapPoint, ViewId};

// The digits of the front and back views' hand (right hand, +x lateral), below the strips that
// end at y = 985 just above the webs: the hand's outline there parts into the thumb and the
// four fingers, so a strip across the hand would paint the gaps between them. Coordinates as
// on the map (the shape generator's hand moved out 12 mm by `widen_shoulders`).
/// The thumb, from the thenar eminence.
#[rustfmt::skip]
const THUMB: &[(f64, f64)] = &[
    (317.0, 955.0), (340.2, 988.8), (350.6, 1006.9), (348.1, 1017.3), (337.8, 1014.3),
    (327.4, 996.2), (312.5, 970.3), (304.0, 985.0), (304.0, 950.0),
];
/// The index and middle fingers.
#[rustfmt::skip]
const INDEX_MIDDLE: &[(f64, f64)] = &[
    (298.0, 984.1), (308.4, 1043.6), (312.3, 1066.1), (308.3, 1075.5), (301.4, 1068.0),
    (297.5, 1045.5), (293.0, 1019.9), (290.5, 1008.4), (289.4, 1023.0), (290.6, 1052.7),
    (291.7, 1078.6), (286.2, 1088.8), (279.9, 1079.1), (278.8, 1053.2), (276.1, 985.2),
];
/// The ring and little fingers, from the hypothenar border.
#[rustfmt::skip]
const RING_LITTLE: &[(f64, f64)] = &[
    (276.6, 985.4), (272.4, 1048.3), (270.8, 1071.9), (264.7, 1080.5), (259.8, 1071.2),
    (261.4, 1047.6), (263.2, 1020.6), (261.6, 1004.6), (258.5, 1013.2), (253.7, 1035.2),
    (249.6, 1054.4), (243.4, 1060.5), (240.2, 1052.4), (244.4, 1033.2), (250.5, 985.0),
];

/// Where the overlays are written, relative to the crate root.
pub const OVERLAYS_FILE: &str = "body_maps/overlays.ron";

/// The view a shape is authored on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum On {
    Front,
    Back,
    /// The right lateral view's body (outline part 0).
    Lateral,
    /// The right lateral view's arm (outline part 1).
    LateralArm,
    /// The right sole of the plantar view (outline part 0): toes up, big toe medial.
    Sole,
}

/// How a shape is authored.
#[derive(Clone, Copy, Debug)]
pub enum Shape {
    /// Across the trunk (or head and neck) from f0 to f1 of the half-width from the midline
    /// (0) to the skin (1), between heights y0 and y1.
    Band { y0: f64, y1: f64, f0: f64, f1: f64 },
    /// Along the arm: rows (y, f0, f1), f = 0 at the inner edge, 1 at the outer edge.
    Arm(&'static [(f64, f64, f64)]),
    /// Along the leg, as for the arm.
    Leg(&'static [(f64, f64, f64)]),
    /// Points placed by hand (authoring coordinates).
    Points(&'static [(f64, f64)]),
    /// An ellipse: centre and radii.
    Ellipse(f64, f64, f64, f64),
}

/// An area of an overlay layer as authored.
#[derive(Clone, Copy, Debug)]
pub struct Area {
    /// The level or nerve ("C6", "median"), shared by its pieces.
    pub id: &'static str,
    /// The label shown ("C6", "Median nerve").
    pub name: &'static str,
    pub on: On,
    pub shape: Shape,
}

/// A labelled point as authored: on a view, at a fraction of the way across the trunk or a
/// limb at a height (see [`Shape`]).
#[derive(Clone, Copy, Debug)]
pub struct Landmark {
    pub id: &'static str,
    pub name: &'static str,
    pub on: On,
    pub at: At,
    /// On the midline (one point), or paired (drawn on both sides).
    pub midline: bool,
}

#[derive(Clone, Copy, Debug)]
pub enum At {
    /// (y, f) across the trunk's half-width.
    Trunk(f64, f64),
    /// (y, f) across the arm.
    Arm(f64, f64),
    /// (y, f) across the leg.
    Leg(f64, f64),
}

/// One layer as authored.
pub struct Layer {
    pub id: &'static str,
    pub name: &'static str,
    pub source: &'static str,
    pub caveat: &'static str,
    pub areas: &'static [Area],
    pub landmarks: &'static [Landmark],
}

/// The silhouettes of the views shapes are placed on, flattened.
struct Body<'a> {
    map: &'a BodyMap,
}

impl Body<'_> {
    fn outline(&self, view: &str, part: usize) -> Option<Vec<MapPoint>> {
        self.map
            .view(&ViewId::new(view))?
            .outline
            .get(part)
            .map(|p| p.flatten(FLATTEN_TOLERANCE_MM))
    }

    /// The painted intervals of a view's outline part at height `y`, left to right.
    fn intervals(&self, view: &str, part: usize, y: f64) -> Vec<(f64, f64)> {
        let Some(polygon) = self.outline(view, part) else {
            return Vec::new();
        };
        let y = y as f32;
        let n = polygon.len();
        let mut xs: Vec<f64> = (0..n)
            .filter_map(|i| {
                let (a, b) = (polygon[i], polygon[(i + 1) % n]);
                ((a.y > y) != (b.y > y))
                    .then(|| f64::from(a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y)))
            })
            .collect();
        xs.sort_by(f64::total_cmp);
        xs.chunks_exact(2).map(|c| (c[0], c[1])).collect()
    }

    /// The view id and outline part a shape authored `on` lies on.
    fn view_of(on: On) -> (&'static str, usize) {
        match on {
            On::Front => ("anterior", 0),
            On::Back => ("posterior", 0),
            On::Lateral => ("right_lateral", 0),
            On::LateralArm => ("right_lateral", 1),
            On::Sole => ("feet_plantar", 0),
        }
    }

    /// Where `x` authored for the patient's right is stored on the view.
    fn stored_sign(on: On) -> f64 {
        if on == On::Front { -1.0 } else { 1.0 }
    }

    /// (inner, outer) edges in authoring coordinates of the trunk's right half at `y`: the
    /// midline and the skin of the interval holding x = 0 (front and back); the back and
    /// front skin on the lateral view.
    fn trunk(&self, on: On, y: f64) -> Option<(f64, f64)> {
        let (view, part) = Self::view_of(on);
        let intervals = self.intervals(view, part, y);
        match on {
            On::Front | On::Back => {
                let sign = Self::stored_sign(on);
                let (a, b) = intervals
                    .into_iter()
                    .find(|(a, b)| *a <= 0.0 && *b >= 0.0)?;
                Some((0.0, if sign < 0.0 { -a } else { b }))
            }
            _ => {
                let first = intervals.first()?;
                let last = intervals.last()?;
                Some((first.0, last.1))
            }
        }
    }

    /// (inner, outer) edges of the right arm at `y` in authoring coordinates: the outermost
    /// painted intervals beyond the trunk, gaps under 30 mm bridged (the thumb's).
    fn arm(&self, on: On, y: f64) -> Option<(f64, f64)> {
        let (view, part) = Self::view_of(on);
        let intervals = self.intervals(view, part, y);
        if on == On::LateralArm {
            return Some((intervals.first()?.0, intervals.last()?.1));
        }
        let sign = Self::stored_sign(on);
        let mut right: Vec<(f64, f64)> = intervals
            .iter()
            .map(|&(a, b)| if sign < 0.0 { (-b, -a) } else { (a, b) })
            .filter(|(a, _)| *a > 0.0)
            .collect();
        right.sort_by(|p, q| p.0.total_cmp(&q.0));
        let (mut inner, outer) = (right.last()?.0, right.last()?.1);
        for pair in right.iter().rev().skip(1) {
            if inner - pair.1 < 30.0 {
                inner = pair.0;
            } else {
                break;
            }
        }
        Some((inner, outer))
    }

    /// (inner, outer) edges of the right leg at `y`: the first painted interval right of the
    /// midline (front and back), the body's back and front skin on the lateral view, the
    /// sole's medial and lateral edges.
    fn leg(&self, on: On, y: f64) -> Option<(f64, f64)> {
        let (view, part) = Self::view_of(on);
        let intervals = self.intervals(view, part, y);
        match on {
            On::Front | On::Back => {
                let sign = Self::stored_sign(on);
                let mut right: Vec<(f64, f64)> = intervals
                    .iter()
                    .map(|&(a, b)| if sign < 0.0 { (-b, -a) } else { (a, b) })
                    .filter(|(a, _)| *a > 0.0)
                    .collect();
                right.sort_by(|p, q| p.0.total_cmp(&q.0));
                right.first().copied()
            }
            On::Sole => {
                let right = intervals.into_iter().find(|(a, _)| *a > 0.0)?;
                Some(right)
            }
            On::Lateral | On::LateralArm => Some((intervals.first()?.0, intervals.last()?.1)),
        }
    }

    /// A limb strip's polygon in authoring coordinates, rows every 10 mm between those given.
    fn strip(
        &self,
        rows: &[(f64, f64, f64)],
        edges: impl Fn(f64) -> Option<(f64, f64)>,
    ) -> Option<Vec<(f64, f64)>> {
        let mut inner = Vec::new();
        let mut outer = Vec::new();
        for pair in rows.windows(2) {
            let ((y0, a0, b0), (y1, a1, b1)) = (pair[0], pair[1]);
            let steps = ((y1 - y0).abs() / 10.0).ceil().max(1.0) as usize;
            for i in 0..steps {
                let t = i as f64 / steps as f64;
                let y = y0 + t * (y1 - y0);
                let (f0, f1) = (a0 + t * (a1 - a0), b0 + t * (b1 - b0));
                let (lo, hi) = edges(y)?;
                inner.push((lo + f0.max(0.03) * (hi - lo), y));
                outer.push((lo + f1.min(0.97) * (hi - lo), y));
            }
        }
        let &(y, f0, f1) = rows.last()?;
        let (lo, hi) = edges(y)?;
        inner.push((lo + f0.max(0.03) * (hi - lo), y));
        outer.push((lo + f1.min(0.97) * (hi - lo), y));
        inner.extend(outer.into_iter().rev());
        Some(inner)
    }

    /// An area's polygon in authoring coordinates.
    fn polygon(&self, area: &Area) -> Option<Vec<(f64, f64)>> {
        match area.shape {
            Shape::Band { y0, y1, f0, f1 } => {
                let rows = [(y0, f0, f1), (y1, f0, f1)];
                self.strip(&rows, |y| self.trunk(area.on, y))
            }
            Shape::Arm(rows) => self.strip(rows, |y| self.arm(area.on, y)),
            Shape::Leg(rows) => self.strip(rows, |y| self.leg(area.on, y)),
            Shape::Points(points) => Some(points.to_vec()),
            Shape::Ellipse(cx, cy, rx, ry) => Some(
                (0..24)
                    .map(|i| {
                        let a = f64::from(i) / 24.0 * std::f64::consts::TAU;
                        (cx + rx * a.cos(), cy + ry * a.sin())
                    })
                    .collect(),
            ),
        }
    }

    /// A landmark's point in authoring coordinates.
    fn point(&self, landmark: &Landmark) -> Option<(f64, f64)> {
        let across = |(lo, hi): (f64, f64), f: f64| lo + f * (hi - lo);
        match landmark.at {
            At::Trunk(y, f) => Some((across(self.trunk(landmark.on, y)?, f), y)),
            At::Arm(y, f) => Some((across(self.arm(landmark.on, y)?, f), y)),
            At::Leg(y, f) => Some((across(self.leg(landmark.on, y)?, f), y)),
        }
    }

    fn inside(&self, view: &str, p: MapPoint) -> bool {
        self.map.view(&ViewId::new(view)).is_some_and(|v| {
            v.outline.iter().any(|o| {
                let polygon = o.flatten(FLATTEN_TOLERANCE_MM);
                crate::bodymap::path::polygon_contains(&polygon, p)
                    || crate::bodymap::path::distance_to_polygon(&polygon, p) <= 2.0
            })
        })
    }
}

/// A shape placed on a stored view for one side.
struct Placed {
    view: &'static str,
    side: &'static str,
    points: Vec<(f64, f64)>,
}

/// The right side as authored and its mirror image for the left, on stored views.
fn both_sides(on: On, points: &[(f64, f64)], midline: bool) -> Vec<Placed> {
    let (view, _) = Body::view_of(on);
    let sign = Body::stored_sign(on);
    let right: Vec<(f64, f64)> = points.iter().map(|&(x, y)| (sign * x, y)).collect();
    let left: Vec<(f64, f64)> = right.iter().map(|&(x, y)| (-x, y)).collect();
    if midline {
        return vec![Placed {
            view,
            side: "Midline",
            points: right,
        }];
    }
    // The left side of a lateral shape is on the left lateral view; elsewhere on the same.
    let left_view = match on {
        On::Lateral | On::LateralArm => "left_lateral",
        On::Front | On::Back | On::Sole => view,
    };
    vec![
        Placed {
            view,
            side: "Right",
            points: right,
        },
        Placed {
            view: left_view,
            side: "Left",
            points: left,
        },
    ]
}

/// A shape placed on a full-body view and its pieces on the detail views that magnify its
/// hand or foot (a landmark: the point, where it lies on one), cut to their outlines there.
fn with_details(body: &Body, placed: Placed) -> Vec<Placed> {
    let points: Vec<Pt> = placed.points.iter().map(|&xy| Pt::from(xy)).collect();
    let xy = |p: Pt| (p.x, p.y);
    let details: Vec<Placed> = if let [point] = points[..] {
        carried_point(placed.view, point)
            .into_iter()
            .map(|(view, p)| Placed {
                view,
                side: placed.side,
                points: vec![xy(p)],
            })
            .collect()
    } else {
        let outline = |view: &str, part: usize| {
            body.outline(view, part).map(|flat| {
                flat.iter()
                    .map(|q| Pt::new(f64::from(q.x), f64::from(q.y)))
                    .collect()
            })
        };
        carried(placed.view, &outline, &points)
            .into_iter()
            .map(|(view, piece)| Placed {
                view,
                side: placed.side,
                points: piece.into_iter().map(xy).collect(),
            })
            .collect()
    };
    std::iter::once(placed).chain(details).collect()
}

/// A number as the file writes it: one decimal, no negative zero.
fn num(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    let rounded = if rounded == 0.0 { 0.0 } else { rounded };
    format!("{rounded:.1}")
}

fn text(value: &str) -> String {
    format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
}

fn points_text(points: &[(f64, f64)], indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for &(x, y) in points {
        let item = format!("(x: {}, y: {}),", num(x), num(y));
        if !line.is_empty() && line.len() + item.len() + 1 > 100 - indent {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&item);
    }
    lines.push(line);
    let body: Vec<String> = lines.iter().map(|l| format!("{pad}{l}")).collect();
    format!("[\n{}\n{}]", body.join("\n"), " ".repeat(indent - 4))
}

/// The overlays file for the map written as `map_ron`, or every problem found: a shape that
/// cannot be placed (a height outside its limb) or leaves the body.
pub fn overlays_ron(map_ron: &str) -> Result<String, Vec<String>> {
    let map: BodyMap = ron::from_str(map_ron)
        .map_err(|e| vec![format!("overlays: cannot read the body map: {e}")])?;
    let body = Body { map: &map };
    let mut problems = Vec::new();
    let mut out = String::new();
    out.push_str(concat!(
        "// Overlays of myomap's standard adult map: dermatomes, cutaneous nerve fields and bony\n",
        "// landmarks, each layer with its source and caveat. Generated by\n",
        "// src/bodymap/generate/overlays/ (run `cargo run --example generate_body_maps`): edit the\n",
        "// generator, never this file. Frame: mm on the 1,750 mm reference adult, y down from the\n",
        "// top of the head, x = 0 on the midline (the patient's right at -x on the anterior view).\n",
    ));
    out.push_str("Overlays(\n    format_version: 1,\n");
    out.push_str(&format!(
        "    body_map: {},\n    layers: [\n",
        text(&map.id)
    ));
    for layer in [&dermatomes::LAYER, &nerves::LAYER, &landmarks::LAYER] {
        out.push_str("        (\n");
        out.push_str(&format!("            id: {},\n", text(layer.id)));
        out.push_str(&format!("            name: {},\n", text(layer.name)));
        out.push_str(&format!("            source: {},\n", text(layer.source)));
        out.push_str(&format!("            caveat: {},\n", text(layer.caveat)));
        out.push_str("            areas: [\n");
        for area in layer.areas {
            let Some(points) = body.polygon(area) else {
                problems.push(format!(
                    "overlay {} {}: {:?} cannot be placed on the {:?} silhouette",
                    layer.id, area.id, area.shape, area.on
                ));
                continue;
            };
            for placed in both_sides(area.on, &points, false)
                .into_iter()
                .flat_map(|placed| with_details(&body, placed))
            {
                let off = placed
                    .points
                    .iter()
                    .filter(|&&(x, y)| !body.inside(placed.view, MapPoint::new(x as f32, y as f32)))
                    .count();
                if off * 10 > placed.points.len() {
                    problems.push(format!(
                        "overlay {} {} on {}: {off} of {} points off the body",
                        layer.id,
                        area.id,
                        placed.view,
                        placed.points.len()
                    ));
                }
                out.push_str(&format!(
                    "                (id: {}, name: {}, view: {}, side: {}, points: {}),\n",
                    text(area.id),
                    text(area.name),
                    text(placed.view),
                    placed.side,
                    points_text(&placed.points, 20)
                ));
            }
        }
        out.push_str("            ],\n            points: [\n");
        for landmark in layer.landmarks {
            let Some(at) = body.point(landmark) else {
                problems.push(format!(
                    "landmark {}: cannot be placed on the {:?} silhouette",
                    landmark.id, landmark.on
                ));
                continue;
            };
            for placed in both_sides(landmark.on, &[at], landmark.midline)
                .into_iter()
                .flat_map(|placed| with_details(&body, placed))
            {
                let (x, y) = placed.points[0];
                if !body.inside(placed.view, MapPoint::new(x as f32, y as f32)) {
                    problems.push(format!(
                        "landmark {} on {}: off the body at ({}, {})",
                        landmark.id,
                        placed.view,
                        num(x),
                        num(y)
                    ));
                }
                out.push_str(&format!(
                    "                (id: {}, name: {}, view: {}, side: {}, at: (x: {}, y: {})),\n",
                    text(landmark.id),
                    text(landmark.name),
                    text(placed.view),
                    placed.side,
                    num(x),
                    num(y)
                ));
            }
        }
        out.push_str("            ],\n        ),\n");
    }
    out.push_str("    ],\n)\n");
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}
