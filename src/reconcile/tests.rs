use jiff::civil::date;

use super::*;
use crate::geometry::{MapPoint, ViewId, views};
use crate::model::{
    Finding, MarkId, MuscleRef, PainScore, PatientId, ReferredZone, SessionId, Side, TriggerPoint,
    TriggerPointStatus,
};

fn tp(id: u32, x: f32) -> TriggerPoint {
    TriggerPoint {
        id: MarkId(id),
        view: ViewId::new(views::POSTERIOR),
        at: MapPoint::new(x, 300.0),
        muscle: Some(MuscleRef::new("upper_trapezius")),
        side: Side::Right,
        status: TriggerPointStatus::Active,
        taut_band: Finding::Present,
        spot_tenderness: Finding::Present,
        local_twitch_response: Finding::NotTested,
        recognised_referral: Finding::Present,
        pressure_pain_threshold: None,
        notes: String::new(),
        carried_forward: false,
    }
}

fn base() -> Session {
    let mut s = Session::new(
        SessionId::from_u128(9),
        PatientId::from_u128(1),
        date(2026, 11, 30).at(9, 0, 0, 0),
    );
    s.trigger_points = vec![tp(1, 100.0), tp(2, 140.0)];
    s.notes = "Initial notes".to_owned();
    s
}

#[test]
fn with_an_ancestor_changes_made_on_one_side_merge_by_themselves() {
    let ancestor = base();
    let mut ours = ancestor.clone();
    ours.pain_before = PainScore::new(6);
    ours.trigger_points[0].notes = "twitch at 2 cm".to_owned();
    ours.trigger_points.push(tp(3, 180.0));
    let mut theirs = ancestor.clone();
    theirs.notes = "Initial notes; phone call about soreness".to_owned();
    theirs.trigger_points.remove(1); // removed there, unchanged here
    theirs.trigger_points.push(tp(3, 60.0)); // a different mark under the same new id
    let merge = reconcile(Some(&ancestor), &ours, &theirs).expect("mergeable");
    assert!(merge.is_clean(), "{:?}", merge.clashes);
    let merged = merge.resolve(&[]).expect("a session");
    assert_eq!(merged.pain_before, PainScore::new(6));
    assert_eq!(merged.notes, theirs.notes);
    let ids: Vec<u32> = merged.trigger_points.iter().map(|t| t.id.0).collect();
    assert_eq!(
        ids,
        [1, 3, 4],
        "2 removed, both 3s kept, the other's renumbered"
    );
    assert_eq!(merged.trigger_points[0].notes, "twitch at 2 cm");
    assert_eq!(merged.trigger_points[2].at.x, 60.0);
    assert!(
        merge.taken.iter().any(|t| t.contains("added on both")),
        "{:?}",
        merge.taken
    );
}

#[test]
fn the_same_field_changed_both_ways_is_a_clash_chosen_by_the_clinician() {
    let ancestor = base();
    let mut ours = ancestor.clone();
    ours.notes = "ours".to_owned();
    ours.trigger_points[1].status = TriggerPointStatus::Latent;
    let mut theirs = ancestor.clone();
    theirs.notes = "theirs".to_owned();
    theirs.trigger_points[1].pressure_pain_threshold = Some(3.0);
    let merge = reconcile(Some(&ancestor), &ours, &theirs).expect("mergeable");
    let items: Vec<String> = merge.clashes.iter().map(|c| c.item.describe()).collect();
    assert_eq!(items, ["notes", "trigger point 2"]);
    let kept_ours = merge
        .resolve(&[Choice::Ours, Choice::Ours])
        .expect("session");
    assert_eq!(kept_ours.notes, "ours");
    assert_eq!(
        kept_ours.trigger_points[1].status,
        TriggerPointStatus::Latent
    );
    let kept_theirs = merge
        .resolve(&[Choice::Theirs, Choice::Both])
        .expect("session");
    assert_eq!(kept_theirs.notes, "theirs");
    assert_eq!(
        kept_theirs.trigger_points.len(),
        3,
        "both versions of 2 kept"
    );
}

#[test]
fn without_an_ancestor_every_difference_is_a_clash_and_additions_are_kept() {
    let ancestor = base();
    let mut ours = ancestor.clone();
    ours.notes = "ours".to_owned();
    let mut theirs = ancestor.clone();
    theirs.trigger_points.push(tp(5, 20.0));
    let merge = reconcile(None, &ours, &theirs).expect("mergeable");
    assert_eq!(
        merge.clashes.len(),
        1,
        "the notes differ: {:?}",
        merge.clashes
    );
    let merged = merge.resolve(&[Choice::Ours]).expect("session");
    assert_eq!(merged.notes, "ours");
    assert_eq!(merged.trigger_points.len(), 3, "the other's mark is kept");
}

#[test]
fn a_zone_linked_to_a_renumbered_trigger_point_follows_it() {
    let ancestor = base();
    let ours = ancestor.clone();
    let mut theirs = ancestor.clone();
    // The other workstation changed trigger point 2 and painted a zone referred from it.
    theirs.trigger_points[1].notes = "theirs".to_owned();
    let mut ours = ours;
    ours.trigger_points[1].notes = "ours".to_owned();
    theirs.referred_zones.push(ReferredZone {
        id: MarkId(7),
        view: ViewId::new(views::POSTERIOR),
        intensity: 5,
        quality: crate::model::PainQuality::Aching,
        depth: crate::model::TissueDepth::Deep,
        source: Some(MarkId(2)),
        paint: Vec::new(),
        notes: String::new(),
        carried_forward: false,
    });
    let merge = reconcile(Some(&ancestor), &ours, &theirs).expect("mergeable");
    assert_eq!(merge.clashes.len(), 1);
    let merged = merge.resolve(&[Choice::Both]).expect("session");
    let theirs_tp = merged
        .trigger_points
        .iter()
        .find(|t| t.notes == "theirs")
        .expect("theirs kept");
    assert_ne!(theirs_tp.id, MarkId(2));
    assert_eq!(merged.referred_zones[0].source, Some(theirs_tp.id));
}

#[test]
fn a_signed_version_is_never_merged_into() {
    let signed = crate::demo::demo_records()[0].1[0].clone();
    assert!(signed.is_signed(), "the demo's first visit is signed");
    let mut unsigned = signed.clone();
    unsigned.signature = None;
    unsigned.addenda.clear();
    for (ours, theirs, which) in [
        (&signed, &unsigned, "file's"),
        (&unsigned, &signed, "conflict copy's"),
    ] {
        let refused = reconcile(None, ours, theirs).expect_err("signed");
        assert_eq!(refused, Refused::Signed(which));
        assert!(
            refused.to_string().contains("never merged into"),
            "{refused}"
        );
    }
    let mut other = base();
    other.id = SessionId::from_u128(10);
    assert_eq!(
        reconcile(None, &base(), &other).err(),
        Some(Refused::DifferentVisits)
    );
}
