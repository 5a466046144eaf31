//! Needling safety: the warnings a needle site raises from the body map's safety zones (in a
//! zone, deeper than its advisable maximum, both sides of the thorax in one session). They are
//! recorded on the needle site with whether the clinician acknowledged them.

use crate::bodymap::StandardMap;
use crate::model::{MarkId, NeedleSite, SafetyWarning, Session, Side, WarningKind};

/// The message of the bilateral-thorax warning.
pub const BILATERAL_THORAX: &str = "Both sides of the thorax are needled in this session: a pneumothorax on each side at once would be an emergency. Needle one side of the thorax per session.";

/// A warning that appeared on a needle site with the last refresh.
#[derive(Clone, Debug, PartialEq)]
pub struct RaisedWarning {
    pub needle: MarkId,
    pub warning: SafetyWarning,
}

/// The warnings `needle` raises on its own (zones and depth), and whether it lies over the
/// thorax, on which side.
fn site_warnings(map: &StandardMap, needle: &NeedleSite) -> (Vec<SafetyWarning>, Option<Side>) {
    let mut warnings = Vec::new();
    let mut thorax = None;
    let Some(index) = map.index.get(&needle.view) else {
        return (warnings, thorax);
    };
    for hit in index.safety_at(needle.at) {
        let Some(zone) = map.map.safety_zones.get(hit.zone) else {
            continue;
        };
        warnings.push(SafetyWarning {
            kind: WarningKind::InZone,
            zone: zone.id.clone(),
            message: format!("{}: {}", zone.name, zone.guidance),
            acknowledged: false,
        });
        if let (Some(max), Some(depth)) = (zone.max_depth_mm, needle.depth_mm)
            && depth > max
        {
            warnings.push(SafetyWarning {
                kind: WarningKind::TooDeep,
                zone: zone.id.clone(),
                message: format!(
                    "{}: {depth} mm is deeper than the advisable maximum of {max} mm",
                    zone.name
                ),
                acknowledged: false,
            });
        }
        if zone.thorax {
            thorax = Some(match needle.side {
                Side::Left | Side::Right => needle.side,
                Side::Midline | Side::Unspecified => hit.side,
            });
        }
    }
    (warnings, thorax)
}

/// Recomputes the safety warnings of every needle site, keeping the acknowledgement of each
/// warning that is still raised. Returns the warnings that are new.
pub fn refresh_warnings(session: &mut Session, map: &StandardMap) -> Vec<RaisedWarning> {
    let computed: Vec<(Vec<SafetyWarning>, Option<Side>)> = session
        .needle_sites
        .iter()
        .map(|n| site_warnings(map, n))
        .collect();
    let has_side = |side| computed.iter().any(|(_, s)| *s == Some(side));
    let bilateral = has_side(Side::Left) && has_side(Side::Right);

    let mut raised = Vec::new();
    for (needle, (mut warnings, thorax)) in session.needle_sites.iter_mut().zip(computed) {
        if bilateral && thorax.is_some() {
            warnings.push(SafetyWarning {
                kind: WarningKind::BilateralThorax,
                zone: String::new(),
                message: BILATERAL_THORAX.to_owned(),
                acknowledged: false,
            });
        }
        for warning in &mut warnings {
            let before = needle.warnings.iter().find(|w| {
                w.kind == warning.kind && w.zone == warning.zone && w.message == warning.message
            });
            match before {
                Some(before) => warning.acknowledged = before.acknowledged,
                None => raised.push(RaisedWarning {
                    needle: needle.id,
                    warning: warning.clone(),
                }),
            }
        }
        if needle.warnings != warnings {
            needle.warnings = warnings;
        }
    }
    raised
}

/// Marks every warning of `needle` acknowledged.
pub fn acknowledge(session: &mut Session, needle: MarkId) {
    if let Some(site) = session.needle_sites.iter_mut().find(|n| n.id == needle) {
        for warning in &mut site.warnings {
            warning.acknowledged = true;
        }
    }
}

/// Whether any needle site lies over the lung (a thorax zone): consent should then cover the
/// risk of pneumothorax.
/// Whether `needle` lies in a safety zone over the thorax (lung and pleura).
pub fn over_thorax(map: &StandardMap, needle: &NeedleSite) -> bool {
    site_warnings(map, needle).1.is_some()
}

pub fn thorax_needled(session: &Session, map: &StandardMap) -> bool {
    session.needle_sites.iter().any(|n| {
        n.warnings.iter().any(|w| {
            w.kind == WarningKind::BilateralThorax
                || map.map.safety_zone(&w.zone).is_some_and(|z| z.thorax)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bodymap::standard;
    use crate::geometry::{MapPoint, ViewId};
    use crate::model::{NeedleSpec, PatientId, SessionId};

    fn needle(id: u32, view: &str, x: f32, y: f32, side: Side) -> NeedleSite {
        NeedleSite {
            id: MarkId(id),
            view: ViewId::new(view),
            at: MapPoint::new(x, y),
            muscle: None,
            side,
            needle: NeedleSpec::new(0.25, 30.0),
            depth_mm: None,
            direction: String::new(),
            palpation: Default::default(),
            technique: Default::default(),
            twitch_count: None,
            retention_min: None,
            electrical_stimulation: None,
            immediate_response: String::new(),
            patient_position: None,
            trigger_point: None,
            notes: String::new(),
            warnings: Vec::new(),
        }
    }

    fn session(needles: Vec<NeedleSite>) -> Session {
        let mut s = Session::new(
            SessionId::from_u128(1),
            PatientId::from_u128(2),
            "2026-03-01T10:00".parse().expect("a date-time"),
        );
        s.needle_sites = needles;
        s
    }

    fn zones(session: &Session, id: u32) -> Vec<(WarningKind, String)> {
        let site = session
            .needle_sites
            .iter()
            .find(|n| n.id.0 == id)
            .expect("the needle site");
        site.warnings
            .iter()
            .map(|w| (w.kind, w.zone.clone()))
            .collect()
    }

    #[test]
    fn the_map_has_every_zone_of_clinical_md() {
        let map = &standard().map;
        for id in [
            "lung_pleura",
            "lung_apex",
            "posterior_thorax_medial",
            "anterior_lateral_neck",
            "high_posterior_neck",
            "face",
            "femoral_triangle",
            "popliteal_fossa",
            "sciatic_nerve",
            "renal_angle",
            "abdomen",
        ] {
            let zone = map.safety_zone(id).unwrap_or_else(|| panic!("zone {id}"));
            assert!(!zone.areas.is_empty() && !zone.guidance.is_empty(), "{id}");
        }
        assert!(map.safety_zones.iter().any(|z| z.max_depth_mm.is_some()));
    }

    #[test]
    fn sites_in_zones_warn_and_sites_elsewhere_do_not() {
        // Posterior view: the patient's right is at +x. Over the ribs lateral to the scapula;
        // the calf; the middle of the popliteal fossa; the left chest wall from the front.
        let mut s = session(vec![
            needle(1, "posterior", 120.0, 560.0, Side::Right),
            needle(2, "posterior", 90.0, 1400.0, Side::Right),
            needle(3, "posterior", 85.0, 1250.0, Side::Right),
            needle(4, "anterior", 100.0, 450.0, Side::Left),
        ]);
        let raised = refresh_warnings(&mut s, standard());
        // Needles 1 and 4 are on both sides of the thorax: both carry the bilateral warning.
        let bilateral = (WarningKind::BilateralThorax, String::new());
        assert_eq!(
            zones(&s, 1),
            [
                (WarningKind::InZone, "lung_pleura".into()),
                bilateral.clone()
            ]
        );
        assert!(zones(&s, 2).is_empty());
        assert_eq!(
            zones(&s, 3),
            [(WarningKind::InZone, "popliteal_fossa".into())]
        );
        assert!(zones(&s, 4).contains(&bilateral), "{:?}", zones(&s, 4));
        assert_eq!(
            raised.len(),
            s.needle_sites
                .iter()
                .map(|n| n.warnings.len())
                .sum::<usize>()
        );
    }

    #[test]
    fn needles_in_the_hand_and_foot_views_zones_warn_on_either_side() {
        // (view, the +x hand or foot's point, the side there, the zone); the other side's
        // hand or foot is the mirror image. The thenar eminence is needled without a warning.
        let cases = [
            (
                "hands_palmar",
                (152.0, 235.0),
                Side::Left,
                Some("wrist_palmar"),
            ),
            (
                "hands_palmar",
                (124.0, 245.0),
                Side::Left,
                Some("wrist_palmar"),
            ),
            ("hands_palmar", (196.0, 196.0), Side::Left, None),
            (
                "hands_dorsal",
                (192.0, 228.0),
                Side::Right,
                Some("anatomical_snuffbox"),
            ),
            (
                "feet_dorsal",
                (86.0, 180.0),
                Side::Left,
                Some("dorsalis_pedis"),
            ),
            (
                "feet_medial",
                (266.0, 135.0),
                Side::Right,
                Some("tarsal_tunnel"),
            ),
            ("feet_medial", (120.0, 175.0), Side::Right, None),
        ];
        for (view, (x, y), side, zone) in cases {
            let other = if side == Side::Left {
                Side::Right
            } else {
                Side::Left
            };
            let mut s = session(vec![
                needle(1, view, x, y, side),
                needle(2, view, -x, y, other),
            ]);
            refresh_warnings(&mut s, standard());
            for id in [1, 2] {
                let expected: Vec<(WarningKind, String)> = zone
                    .map(|z| (WarningKind::InZone, z.to_owned()))
                    .into_iter()
                    .collect();
                assert_eq!(zones(&s, id), expected, "{view} ({x}, {y}) needle {id}");
            }
        }
    }

    #[test]
    fn depth_beyond_the_advisable_maximum_warns() {
        let mut site = needle(1, "posterior", 40.0, 420.0, Side::Right);
        site.depth_mm = Some(15.0);
        let mut s = session(vec![site]);
        refresh_warnings(&mut s, standard());
        assert!(!zones(&s, 1).iter().any(|(k, _)| *k == WarningKind::TooDeep));
        s.needle_sites[0].depth_mm = Some(25.0);
        refresh_warnings(&mut s, standard());
        assert!(zones(&s, 1).contains(&(WarningKind::TooDeep, "posterior_thorax_medial".into())));
    }

    #[test]
    fn acknowledgement_survives_a_refresh_and_moving_out_clears_the_warning() {
        let mut s = session(vec![needle(1, "anterior", -40.0, 250.0, Side::Right)]);
        let raised = refresh_warnings(&mut s, standard());
        assert_eq!(raised.len(), 1, "{raised:?}");
        acknowledge(&mut s, MarkId(1));
        assert!(refresh_warnings(&mut s, standard()).is_empty());
        assert!(s.needle_sites[0].warnings[0].acknowledged);
        s.needle_sites[0].at = MapPoint::new(-60.0, 1400.0);
        refresh_warnings(&mut s, standard());
        assert!(s.needle_sites[0].warnings.is_empty());
    }

    #[test]
    fn one_side_of_the_thorax_is_not_bilateral() {
        let mut s = session(vec![
            needle(1, "posterior", 120.0, 560.0, Side::Right),
            needle(2, "anterior", -100.0, 450.0, Side::Right),
        ]);
        refresh_warnings(&mut s, standard());
        for id in [1, 2] {
            assert!(
                !zones(&s, id)
                    .iter()
                    .any(|(k, _)| *k == WarningKind::BilateralThorax)
            );
        }
        assert!(thorax_needled(&s, standard()));
    }
}
