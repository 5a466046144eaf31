//! Plain-words summary of how two versions of one session differ, for conflicts ("the copy on
//! disk has 2 more trigger points") and crash recovery ("your recovered copy changed the
//! notes").

use super::{MarkRef, Session};

/// What `ours` changes relative to `theirs`, one line each; empty when they are the same.
pub fn describe_changes(theirs: &Session, ours: &Session) -> Vec<String> {
    let mut lines = Vec::new();
    let mut value = |name: &str, before: String, after: String| {
        if before != after {
            lines.push(format!("{name} changed from {before} to {after}"));
        }
    };
    let quoted = |text: &str| format!("\"{text}\"");
    let score = |s: Option<super::PainScore>| {
        s.map_or_else(|| "not recorded".to_owned(), |s| format!("{}/10", s.0))
    };
    value(
        "the date and time",
        theirs.started_at.to_string(),
        ours.started_at.to_string(),
    );
    value(
        "the clinician",
        quoted(&theirs.clinician),
        quoted(&ours.clinician),
    );
    value(
        "the patient position",
        theirs
            .patient_position
            .map_or("not recorded", |p| p.label())
            .to_owned(),
        ours.patient_position
            .map_or("not recorded", |p| p.label())
            .to_owned(),
    );
    value(
        "pain before",
        score(theirs.pain_before),
        score(ours.pain_before),
    );
    value(
        "pain after",
        score(theirs.pain_after),
        score(ours.pain_after),
    );
    let mut field = |name: &str, changed: bool| {
        if changed {
            lines.push(format!("{name} changed"));
        }
    };
    field("the complaints", theirs.complaints != ours.complaints);
    field("the session notes", theirs.notes != ours.notes);
    field("the body map", theirs.body_map != ours.body_map);
    field(
        "the goals, plan or follow-up",
        (&theirs.goals, &theirs.plan, &theirs.follow_up)
            != (&ours.goals, &ours.plan, &ours.follow_up),
    );
    field("the screening", theirs.screening != ours.screening);
    field("the consent", theirs.consent != ours.consent);
    field(
        "the needle-lock override",
        theirs.gate_override != ours.gate_override,
    );
    field("the needle count", theirs.needle_count != ours.needle_count);
    field(
        "the adverse events",
        theirs.adverse_events != ours.adverse_events,
    );
    field("the aftercare", theirs.aftercare != ours.aftercare);
    match (&theirs.signature, &ours.signature) {
        (None, Some(_)) => lines.push("signed".to_owned()),
        (Some(_), None) => lines.push("the signature removed".to_owned()),
        (Some(a), Some(b)) if a != b => lines.push("the signature changed".to_owned()),
        _ => {}
    }
    if ours.addenda.len() > theirs.addenda.len() {
        let added = ours.addenda.len() - theirs.addenda.len();
        lines.push(format!(
            "{added} addend{} added",
            if added == 1 { "um" } else { "a" }
        ));
    } else if ours.addenda != theirs.addenda {
        lines.push("the addenda changed".to_owned());
    }

    let theirs_marks: Vec<MarkRef> = theirs.mark_refs().collect();
    let ours_marks: Vec<MarkRef> = ours.mark_refs().collect();
    let added = ours_marks
        .iter()
        .filter(|m| !theirs_marks.contains(m))
        .count();
    let removed = theirs_marks
        .iter()
        .filter(|m| !ours_marks.contains(m))
        .count();
    let changed = ours_marks
        .iter()
        .filter(|m| theirs_marks.contains(m) && !same_mark(theirs, ours, **m))
        .count();
    for (count, what) in [(added, "added"), (removed, "removed"), (changed, "changed")] {
        if count > 0 {
            lines.push(format!(
                "{} {what}",
                crate::words::count(count, "mark", "marks")
            ));
        }
    }
    lines
}

fn same_mark(a: &Session, b: &Session, mark: MarkRef) -> bool {
    use super::MarkKind;
    fn find<T>(list: &[T], id: impl Fn(&T) -> super::MarkId, want: super::MarkId) -> Option<&T> {
        list.iter().find(|m| id(m) == want)
    }
    let id = mark.id;
    match mark.kind {
        MarkKind::TriggerPoint => {
            find(&a.trigger_points, |m| m.id, id) == find(&b.trigger_points, |m| m.id, id)
        }
        MarkKind::ReferredZone => {
            find(&a.referred_zones, |m| m.id, id) == find(&b.referred_zones, |m| m.id, id)
        }
        MarkKind::NeedleSite => {
            find(&a.needle_sites, |m| m.id, id) == find(&b.needle_sites, |m| m.id, id)
        }
        MarkKind::Arrow => find(&a.arrows, |m| m.id, id) == find(&b.arrows, |m| m.id, id),
        MarkKind::TextNote => {
            find(&a.text_notes, |m| m.id, id) == find(&b.text_notes, |m| m.id, id)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::{MapPoint, ViewId};
    use crate::model::{MarkId, PainScore, TextNote};

    #[test]
    fn names_what_changed() {
        let base = crate::demo::demo_records()
            .into_iter()
            .next()
            .and_then(|(_, sessions)| sessions.into_iter().next())
            .expect("a demo session");
        assert!(describe_changes(&base, &base).is_empty());

        let mut ours = base.clone();
        ours.pain_after = PainScore::new(0);
        ours.trigger_points[0].notes = "edited".into();
        ours.arrows.clear();
        ours.text_notes.push(TextNote {
            id: MarkId(99),
            view: ViewId::new("anterior"),
            at: MapPoint::new(0.0, 0.0),
            text: "new".into(),
        });
        assert_eq!(
            describe_changes(&base, &ours),
            vec![
                "pain after changed from 4/10 to 0/10".to_owned(),
                "1 mark added".to_owned(),
                "1 mark removed".to_owned(),
                "1 mark changed".to_owned(),
            ]
        );
    }
}
