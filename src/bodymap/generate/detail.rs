//! The detail views that magnify a surface a full-body view also shows — both hands palm up
//! (the anterior view's hands), both hands from behind (the posterior view's) and both feet
//! from above (the anterior view's feet) — and the carrying of what is drawn on the full-body
//! view onto them: referral zones and their trigger points, dermatomes and nerve fields. Each
//! is drawn once, on the full-body view, and the detail view shows the same surface, so a
//! thumb painted on the hand view and on the front view finds the same patterns.
//!
//! The maps between the frames are the shape generator's (`full_body_to_hand`,
//! `full_body_to_foot_dorsum`); a shape is cut to the hand (below the wrist) or the foot
//! (below the ankle) before it is carried, so a strip down the forearm shows on the hand view
//! only where it reaches the hand, and to the detail view's outline after, so a zone over the
//! front view's toes (drawn there as one outline with lines between the toes) does not cover
//! the gaps between the dorsal view's toes.

use i_overlay::core::fill_rule::FillRule;
use i_overlay::core::overlay_rule::OverlayRule;
use i_overlay::float::single::SingleFloatOverlay;

use super::geometry::Pt;
use super::shapes::{full_body_to_foot_dorsum, full_body_to_hand};

/// What a detail view magnifies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Hand,
    FootDorsum,
}

impl Part {
    /// The half-planes `a·x + b·y ≥ c` that hold the +x hand or foot of the full-body view
    /// and nothing else of it (the thigh ends 168 mm from the midline, the hand begins
    /// 243 mm out; the feet stand 60 mm apart below the ankles).
    fn bounds(self) -> [(f64, f64, f64); 2] {
        match self {
            Self::Hand => [(0.0, 1.0, 905.0), (1.0, 0.0, 200.0)],
            Self::FootDorsum => [(0.0, 1.0, 1690.0), (1.0, 0.0, 30.0)],
        }
    }

    /// A point of the +x hand or foot in the detail view's frame.
    fn to_detail(self, p: Pt) -> Pt {
        match self {
            Self::Hand => full_body_to_hand(p),
            Self::FootDorsum => full_body_to_foot_dorsum(p),
        }
    }
}

/// A detail view and the full-body view it magnifies.
struct Detail {
    view: &'static str,
    source: &'static str,
    part: Part,
}

/// The detail views; their +x hand or foot is the source view's +x one (the same side of the
/// patient), the other its mirror image.
const DETAILS: [Detail; 3] = [
    Detail {
        view: "hands_palmar",
        source: "anterior",
        part: Part::Hand,
    },
    Detail {
        view: "hands_dorsal",
        source: "posterior",
        part: Part::Hand,
    },
    Detail {
        view: "feet_dorsal",
        source: "anterior",
        part: Part::FootDorsum,
    },
];

/// The detail views' ids, in the map's order.
pub const DETAIL_VIEWS: [&str; 3] = ["hands_palmar", "hands_dorsal", "feet_dorsal"];

/// A piece of a shape that mostly lies off the hand or foot, and is thinner than this on the
/// detail view (mm, twice its area over its perimeter: a band's width), is the sliver of a
/// shape that ends at the wrist or the ankle, and is left out: nobody paints a band that thin
/// there. A shape drawn on the hand (a finger's border) is carried however thin.
const MIN_PIECE_WIDTH_MM: f64 = 4.0;

/// The part of a closed polygon where `a·x + b·y ≥ c` (Sutherland–Hodgman, one edge).
fn clip(polygon: &[Pt], (a, b, c): (f64, f64, f64)) -> Vec<Pt> {
    let inside = |p: Pt| a * p.x + b * p.y >= c;
    let cross = |p: Pt, q: Pt| {
        let (dp, dq) = (a * p.x + b * p.y - c, a * q.x + b * q.y - c);
        let t = dp / (dp - dq);
        Pt::new(p.x + t * (q.x - p.x), p.y + t * (q.y - p.y))
    };
    let mut out = Vec::with_capacity(polygon.len() + 2);
    for (i, &q) in polygon.iter().enumerate() {
        let p = polygon[(i + polygon.len() - 1) % polygon.len()];
        match (inside(p), inside(q)) {
            (true, true) => out.push(q),
            (true, false) => out.push(cross(p, q)),
            (false, true) => {
                out.push(cross(p, q));
                out.push(q);
            }
            (false, false) => {}
        }
    }
    out
}

/// The perimeter of a closed polygon, mm.
fn perimeter(polygon: &[Pt]) -> f64 {
    let n = polygon.len();
    (0..n)
        .map(|i| polygon[i].distance(polygon[(i + 1) % n]))
        .sum()
}

/// The area of a closed polygon, mm².
fn area(polygon: &[Pt]) -> f64 {
    let n = polygon.len();
    let twice: f64 = (0..n)
        .map(|i| {
            let (p, q) = (polygon[i], polygon[(i + 1) % n]);
            p.x * q.y - q.x * p.y
        })
        .sum();
    twice.abs() / 2.0
}

/// `p` of the detail's hand or foot on the side `sign` (+1: the +x one), if it lies there.
fn carried_on(detail: &Detail, sign: f64, p: Pt) -> Option<Pt> {
    let p = Pt::new(sign * p.x, p.y);
    let inside = detail
        .part
        .bounds()
        .iter()
        .all(|&(a, b, c)| a * p.x + b * p.y >= c);
    inside.then(|| {
        let q = detail.part.to_detail(p);
        Pt::new(sign * q.x, q.y)
    })
}

/// Pieces smaller than this (mm² on the detail view) after the cut to its outline are left
/// out: a corner of a zone that grazes a finger's side.
const MIN_PIECE_MM2: f64 = 4.0;

/// The parts of `polygon` inside `outline` (both closed), each a closed polygon; holes are
/// dropped (no zone has one).
fn intersection(polygon: &[Pt], outline: &[Pt]) -> Vec<Vec<Pt>> {
    let subject: Vec<[f64; 2]> = polygon.iter().map(|p| [p.x, p.y]).collect();
    let clip: Vec<[f64; 2]> = outline.iter().map(|p| [p.x, p.y]).collect();
    subject
        .overlay(&clip, OverlayRule::Intersect, FillRule::NonZero)
        .into_iter()
        .filter_map(|shape| shape.into_iter().next())
        .map(|contour| contour.into_iter().map(|[x, y]| Pt::new(x, y)).collect())
        .collect()
}

/// The pieces of a polygon drawn on `source` (a full-body view, as the map stores it) that
/// lie on a hand or foot a detail view shows, in that view's frame: (detail view, polygon).
/// `outline(view, part)` gives a detail view's outline part (0: the +x hand or foot), flat.
pub fn carried(
    source: &str,
    outline: &dyn Fn(&str, usize) -> Option<Vec<Pt>>,
    polygon: &[Pt],
) -> Vec<(&'static str, Vec<Pt>)> {
    let mut out = Vec::new();
    for detail in DETAILS.iter().filter(|d| d.source == source) {
        for sign in [1.0, -1.0] {
            let mut piece: Vec<Pt> = polygon.iter().map(|p| Pt::new(sign * p.x, p.y)).collect();
            for bound in detail.part.bounds() {
                piece = clip(&piece, bound);
            }
            if piece.len() < 3 {
                continue;
            }
            let mostly_here = 2.0 * area(&piece) >= area(polygon);
            let mut mapped: Vec<Pt> = Vec::with_capacity(piece.len());
            for p in piece {
                let q = detail.part.to_detail(p);
                let q = Pt::new(sign * q.x, q.y);
                if mapped.last().is_none_or(|last| last.distance(q) > 0.05) {
                    mapped.push(q);
                }
            }
            if mapped.len() > 1 && mapped[0].distance(mapped[mapped.len() - 1]) <= 0.05 {
                mapped.pop();
            }
            let wide = 2.0 * area(&mapped) >= MIN_PIECE_WIDTH_MM * perimeter(&mapped);
            if mapped.len() < 3 || !(mostly_here || wide) {
                continue;
            }
            let part = usize::from(sign < 0.0);
            let pieces = match outline(detail.view, part) {
                Some(outline) => intersection(&mapped, &outline),
                None => vec![mapped],
            };
            out.extend(
                pieces
                    .into_iter()
                    .filter(|piece| piece.len() >= 3 && area(piece) >= MIN_PIECE_MM2)
                    .map(|piece| (detail.view, piece)),
            );
        }
    }
    out
}

/// A point drawn on `source` on each detail view whose hand or foot it lies on.
pub fn carried_point(source: &str, p: Pt) -> Vec<(&'static str, Pt)> {
    DETAILS
        .iter()
        .filter(|d| d.source == source)
        .flat_map(|d| {
            [1.0, -1.0]
                .into_iter()
                .filter_map(move |sign| carried_on(d, sign, p).map(|q| (d.view, q)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(x: f64, y: f64, half: f64) -> Vec<Pt> {
        vec![
            Pt::new(x - half, y - half),
            Pt::new(x + half, y - half),
            Pt::new(x + half, y + half),
            Pt::new(x - half, y + half),
        ]
    }

    /// No outline to cut to: the pieces as mapped.
    const NO_OUTLINE: fn(&str, usize) -> Option<Vec<Pt>> = |_, _| None;

    #[test]
    fn a_shape_on_the_hand_is_carried_onto_the_hand_view_of_its_side() {
        // The anterior view's left palm (+x) and right palm (-x).
        for (x, expect_plus) in [(275.0, true), (-275.0, false)] {
            let pieces = carried("anterior", &NO_OUTLINE, &square(x, 960.0, 8.0));
            assert_eq!(pieces.len(), 1, "{pieces:?}");
            let (view, polygon) = &pieces[0];
            assert_eq!(*view, "hands_palmar");
            assert!(polygon.iter().all(|p| (p.x > 0.0) == expect_plus));
            // Palm centre of the hand view (x 105–210, wrist at y = 262, fingertips at 40).
            assert!(
                polygon
                    .iter()
                    .all(|p| p.x.abs() > 120.0 && p.x.abs() < 200.0)
            );
            assert!(polygon.iter().all(|p| p.y > 150.0 && p.y < 240.0));
        }
    }

    #[test]
    fn a_strip_down_the_forearm_is_cut_at_the_wrist() {
        let strip = vec![
            Pt::new(260.0, 700.0),
            Pt::new(290.0, 700.0),
            Pt::new(300.0, 940.0),
            Pt::new(270.0, 940.0),
        ];
        let pieces = carried("posterior", &NO_OUTLINE, &strip);
        assert_eq!(pieces.len(), 1);
        assert_eq!(pieces[0].0, "hands_dorsal");
        // The wrist is y = 262 on the hand view: nothing of the forearm above it.
        assert!(pieces[0].1.iter().all(|p| p.y <= 262.0 + 1e-9));
        // A strip that ends above the wrist is not carried at all; nor is the thigh.
        assert!(carried("posterior", &NO_OUTLINE, &square(270.0, 850.0, 10.0)).is_empty());
        assert!(carried("anterior", &NO_OUTLINE, &square(120.0, 1000.0, 10.0)).is_empty());
    }

    #[test]
    fn the_front_views_foot_is_carried_onto_the_dorsal_view_and_points_follow() {
        let pieces = carried("anterior", &NO_OUTLINE, &square(-90.0, 1730.0, 6.0));
        assert_eq!(pieces.len(), 1);
        assert_eq!(pieces[0].0, "feet_dorsal");
        assert!(
            pieces[0]
                .1
                .iter()
                .all(|p| p.x < 0.0 && p.y > 20.0 && p.y < 262.0)
        );
        assert!(carried("posterior", &NO_OUTLINE, &square(-90.0, 1730.0, 6.0)).is_empty());
        let points = carried_point("anterior", Pt::new(275.0, 960.0));
        assert_eq!(points.len(), 1);
        assert_eq!(points[0].0, "hands_palmar");
        assert!(carried_point("anterior", Pt::new(0.0, 500.0)).is_empty());
    }

    #[test]
    fn pieces_are_cut_to_the_outline_and_split_where_it_parts() {
        // Two "toes" 20 mm apart above y = 100 (a U-shaped outline), and a zone across both.
        let outline = |_: &str, part: usize| {
            let sign = if part == 0 { 1.0 } else { -1.0 };
            let u = [
                (40.0, 260.0),
                (40.0, 20.0),
                (80.0, 20.0),
                (80.0, 100.0),
                (100.0, 100.0),
                (100.0, 20.0),
                (140.0, 20.0),
                (140.0, 260.0),
            ];
            Some(u.iter().map(|&(x, y)| Pt::new(sign * x, y)).collect())
        };
        // The front view's foot, toes and all (the +x foot: the patient's left).
        let zone = [
            Pt::new(62.0, 1738.0),
            Pt::new(136.0, 1738.0),
            Pt::new(136.0, 1754.0),
            Pt::new(62.0, 1754.0),
        ];
        let pieces = carried("anterior", &outline, &zone);
        assert_eq!(pieces.len(), 2, "{pieces:?}");
        for (_, piece) in &pieces {
            // Nothing in the gap between the toes.
            assert!(
                piece
                    .iter()
                    .all(|p| p.x <= 80.0 + 1e-6 || p.x >= 100.0 - 1e-6),
                "{piece:?}"
            );
        }
    }

    #[test]
    fn the_lookup_knows_the_same_detail_views() {
        // The reverse lookup counts a pattern's essential zone apart on these views.
        assert_eq!(DETAIL_VIEWS, crate::education::DETAIL_VIEWS);
        let carried_onto: Vec<&str> = DETAILS.iter().map(|d| d.view).collect();
        assert_eq!(carried_onto, DETAIL_VIEWS);
    }

    #[test]
    fn the_hand_map_inverts_the_hand_views_placement() {
        // The hand views' wrist ends and middle fingertip, as anatomy.md places them.
        for (full, hand) in [
            ((255.0, 905.0), (114.0, 262.0)),
            ((310.0, 905.0), (188.0, 262.0)),
        ] {
            let q = full_body_to_hand(Pt::from(full));
            assert!(q.distance(Pt::from(hand)) < 1e-9, "{q:?}");
        }
        let tip = full_body_to_hand(Pt::new(255.0, 1090.0));
        assert!((tip.y - 40.0).abs() < 1e-9);
    }
}
