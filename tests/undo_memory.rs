//! What 200 undo steps of the heavy session cost in memory, counted by the allocator: the
//! history shares unchanged mark lists and zones between steps, so a step costs about what
//! it changed. Target (issue #15): under 50 MB for 200 steps.

use std::alloc::System;

use myomap::document::{Document, HISTORY_LIMIT};
use myomap::geometry::MapPoint;
use myomap::model::{Edit, Field, MarkKind, MarkRef, PaintOp};
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// What `f` returns, and the bytes allocated while it ran that are still held.
fn held_by<T>(f: impl FnOnce() -> T) -> (T, i64) {
    let region = Region::new(GLOBAL);
    let value = f();
    let change = region.change();
    let held = change.bytes_allocated as i64 - change.bytes_deallocated as i64
        + change.bytes_reallocated as i64;
    (value, held)
}

/// One gesture of a realistic mix: a trigger point placed, a brush stroke on a zone, a needle
/// moved, a note typed.
fn gesture(doc: &mut Document, step: usize) {
    let session = doc.session();
    let edit = match step % 4 {
        0 => {
            let mut tp = session.trigger_points[step % session.trigger_points.len()].clone();
            tp.id = session.next_mark_id();
            tp.at = MapPoint::new(tp.at.x + 1.0, tp.at.y + 1.0);
            Edit::AddTriggerPoint(tp)
        }
        1 => {
            let zone = &session.referred_zones[step % session.referred_zones.len()];
            let at = zone.paint[0].points()[0];
            Edit::Paint {
                zone: zone.id,
                op: PaintOp::Brush {
                    radius: 8.0,
                    points: (0..20)
                        .map(|i| MapPoint::new(at.x + i as f32, at.y))
                        .collect(),
                },
            }
        }
        2 => {
            let needle = &session.needle_sites[step % session.needle_sites.len()];
            Edit::Move {
                marks: vec![MarkRef::new(MarkKind::NeedleSite, needle.id)],
                delta: (0.5, 0.0),
            }
        }
        _ => Edit::Set(Field::Notes(format!("{} note {step}", session.notes))),
    };
    doc.apply(edit, None)
        .expect("the heavy session takes edits");
    doc.commit_pending();
}

#[test]
fn two_hundred_undo_steps_of_the_heavy_session_stay_under_50_mb() {
    let session = myomap::demo::heavy_session();
    let (copy, one_copy) = held_by(|| session.clone());
    drop(copy);
    let mut doc = Document::new_unsaved(session.clone(), None, "Heavy".to_owned());
    // Fill the history once so the steps counted are steady-state (the oldest are dropped).
    let ((), held) = held_by(|| {
        for step in 0..HISTORY_LIMIT {
            gesture(&mut doc, step);
        }
    });
    let mb = held as f64 / 1e6;
    let full_copies = (one_copy.max(0) as f64 * HISTORY_LIMIT as f64) / 1e6;
    println!(
        "{HISTORY_LIMIT} undo steps of the heavy session hold {mb:.1} MB \
         (a full copy per step would be about {full_copies:.0} MB)"
    );
    assert!(mb < 50.0, "{mb:.1} MB for {HISTORY_LIMIT} undo steps");
    let mut undone = 0;
    while doc.can_undo() {
        doc.undo();
        undone += 1;
    }
    assert_eq!(undone, HISTORY_LIMIT);
    assert_eq!(doc.session().trigger_points, session.trigger_points);
    assert_eq!(doc.session().referred_zones, session.referred_zones);
}
