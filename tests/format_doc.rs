//! The examples in `docs/format.md` are real files: they parse, validate, and survive a
//! round trip unchanged in meaning.

use myomap::model::{Patient, Session};
use myomap::storage::{decode, encode};

fn ron_blocks() -> Vec<String> {
    let doc = include_str!("../docs/format.md");
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in doc.lines() {
        match (&mut current, line.trim_end()) {
            (None, "```ron") => current = Some(String::new()),
            (Some(block), "```") => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            (Some(block), text) => {
                block.push_str(text);
                block.push('\n');
            }
            (None, _) => {}
        }
    }
    blocks
}

#[test]
fn session_example_parses_with_every_mark_kind() {
    let blocks = ron_blocks();
    assert_eq!(
        blocks.len(),
        3,
        "a session, a patient and a custom-view example"
    );
    let session: Session = decode(&blocks[0]).expect("the documented session parses");
    assert!(session.problems().is_empty(), "{:?}", session.problems());
    assert_eq!(session.trigger_points.len(), 1);
    assert_eq!(session.referred_zones[0].paint.len(), 3);
    assert_eq!(session.needle_sites.len(), 2);
    assert!(session.needle_sites[1].electrical_stimulation.is_some());
    assert_eq!(session.arrows.len(), 1);
    assert_eq!(session.text_notes.len(), 1);

    // The example is signed, with an addendum, and both hashes hold.
    assert!(session.is_signed() && session.addenda.len() == 1);
    assert_eq!(
        session.signature_state(),
        myomap::model::SignatureState::Intact
    );

    let again: Session = decode(&encode(&session).expect("encodes")).expect("re-parses");
    assert_eq!(again, session);
}

#[test]
fn documented_example_is_what_the_writer_writes() {
    // The example is written in exactly the writer's layout, so it doubles as a stability
    // check of the field order and formatting.
    let blocks = ron_blocks();
    let session: Session = decode(&blocks[0]).expect("parses");
    assert_eq!(encode(&session).expect("encodes"), blocks[0]);
    let patient: Patient = decode(&blocks[1]).expect("patient parses");
    assert_eq!(encode(&patient).expect("encodes"), blocks[1]);
}

#[test]
fn custom_view_example_parses_and_validates() {
    let blocks = ron_blocks();
    let view: myomap::bodymap::custom::CustomViewFile =
        decode(&blocks[2]).expect("the documented custom view parses");
    assert_eq!(view.id, "hand_dorsal");
    assert_eq!(view.regions.len(), 1);
    assert!(
        view.problems(Some((600, 800))).is_empty(),
        "{:?}",
        view.problems(Some((600, 800)))
    );
}
