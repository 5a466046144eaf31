//! A mark's recorded side must agree with where it is drawn: a trigger point drawn on the
//! patient's left of a posterior view is a left trigger point, whatever the file says. The
//! report, the handout, the chart's R/L and the comparison between visits all rely on it.
//!
//! Front and back views tell sides by `x` (with a narrow midline band where either side is
//! taken, for spinous processes and the linea alba); lateral views show one side only.
//! Custom diagrams have no facing and are not checked.

use super::{BodyMap, Facing, View};
use crate::geometry::{MapPoint, ViewId};
use crate::model::{MarkKind, MarkRef, Session, Side};

/// Half the width of the band about the midline of front and back views where a mark may be
/// recorded as either side, mm: about a spinous process's width, so multifidus and the
/// paraspinal trigger points beside it are still told apart.
pub const MIDLINE_BAND_MM: f32 = 8.0;

/// The side of the patient a mark at `at` on `view` is drawn on; `None` inside the midline
/// band of a front or back view, where either side is taken.
pub fn drawn_side(view: &View, at: MapPoint) -> Option<Side> {
    match view.facing {
        Facing::Anterior | Facing::Posterior if at.x.abs() <= MIDLINE_BAND_MM => None,
        facing => facing.side_at(at.x),
    }
}

/// The side a mark recorded as `side` at `at` on `view` is drawn on, when the two disagree.
/// A midline or unset side never disagrees.
pub fn contradiction(view: &View, at: MapPoint, side: Side) -> Option<Side> {
    if !matches!(side, Side::Left | Side::Right) {
        return None;
    }
    drawn_side(view, at).filter(|drawn| *drawn != side)
}

/// A mark whose recorded side disagrees with the side it is drawn on.
#[derive(Clone, Debug, PartialEq)]
pub struct SideDisagreement {
    pub mark: MarkRef,
    pub view: ViewId,
    /// The view's name as shown ("Posterior", "Head right").
    pub view_name: String,
    pub at: MapPoint,
    /// The muscle's readable name, when one is recorded.
    pub muscle: Option<String>,
    pub recorded: Side,
    pub drawn: Side,
}

impl std::fmt::Display for SideDisagreement {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let muscle = self
            .muscle
            .as_deref()
            .map_or_else(String::new, |m| format!(" ({m})"));
        write!(
            f,
            "{} {}{muscle} is recorded as {} but drawn on the patient's {} of the {} view (x {} mm)",
            self.mark.kind.label(),
            self.mark.id,
            self.recorded.label(),
            self.drawn.label(),
            self.view_name.to_lowercase(),
            // Near the midline band, a tenth of a millimetre tells which side of it.
            if self.at.x.abs() < 20.0 {
                format!("{:.1}", self.at.x)
            } else {
                format!("{:.0}", self.at.x)
            }
        )
    }
}

fn muscle_name(map: &BodyMap, muscle: &crate::model::MuscleRef) -> String {
    map.muscle(&muscle.0)
        .map_or_else(|| muscle.fallback_name(), |m| m.name.to_lowercase())
}

/// Every trigger point and needle site of `session` drawn on one side of `map` and recorded
/// as the other, in the order of the file.
pub fn disagreements(session: &Session, map: &BodyMap) -> Vec<SideDisagreement> {
    let marks = session
        .trigger_points
        .iter()
        .map(|m| {
            let muscle = m.muscle.as_ref().map(|r| muscle_name(map, r));
            (MarkKind::TriggerPoint, m.id, &m.view, m.at, m.side, muscle)
        })
        .chain(session.needle_sites.iter().map(|m| {
            let muscle = m.muscle.as_ref().map(|r| muscle_name(map, r));
            (MarkKind::NeedleSite, m.id, &m.view, m.at, m.side, muscle)
        }));
    marks
        .filter_map(|(kind, id, view, at, recorded, muscle)| {
            let shown = map.view(view)?;
            let drawn = contradiction(shown, at, recorded)?;
            Some(SideDisagreement {
                mark: MarkRef::new(kind, id),
                view: view.clone(),
                view_name: shown.name.clone(),
                at,
                muscle,
                recorded,
                drawn,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bodymap::standard;

    #[test]
    fn sides_follow_the_drawing_with_a_midline_band() {
        let map = &standard().map;
        let posterior = map.view(&ViewId::new("posterior")).expect("posterior");
        let anterior = map.view(&ViewId::new("anterior")).expect("anterior");
        let right_lateral = map.view(&ViewId::new("right_lateral")).expect("lateral");
        let at = |x| MapPoint::new(x, 500.0);
        // Posterior: the patient's left is the viewer's left (negative x).
        assert_eq!(
            contradiction(posterior, at(-78.0), Side::Right),
            Some(Side::Left)
        );
        assert_eq!(
            contradiction(posterior, at(-16.0), Side::Right),
            Some(Side::Left)
        );
        assert_eq!(contradiction(posterior, at(-78.0), Side::Left), None);
        // Anterior: mirrored.
        assert_eq!(
            contradiction(anterior, at(-78.0), Side::Left),
            Some(Side::Right)
        );
        // The band: either side is taken; midline and unset never disagree.
        assert_eq!(
            contradiction(posterior, at(-MIDLINE_BAND_MM), Side::Right),
            None
        );
        assert_eq!(contradiction(posterior, at(-78.0), Side::Midline), None);
        assert_eq!(contradiction(posterior, at(-78.0), Side::Unspecified), None);
        // A lateral view shows one side wherever the mark is.
        assert_eq!(
            contradiction(right_lateral, at(-40.0), Side::Left),
            Some(Side::Right)
        );
        assert_eq!(contradiction(right_lateral, at(40.0), Side::Right), None);
    }
}
