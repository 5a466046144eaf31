//! egui's side of the document's edits: a widget's id names the gesture it makes (one undo
//! step), a gesture ends when the pointer is up and its field no longer has the keyboard, and
//! a form hands its edit to the document here.

use crate::document::{Document, Gesture};
use crate::model::Edit;

/// The gesture of the body-map canvas: every edit of one drag on it is one undo step (the
/// step closes when the pointer is released).
pub const CANVAS_GESTURE: Gesture = Gesture(u64::from_be_bytes(*b"myomapcv"));

/// The gesture made by the widget with this id (a drag, or typing into one field).
pub fn gesture(id: egui::Id) -> Gesture {
    Gesture(id.value())
}

/// Hands a form's edit to the document. A refusal (a side that contradicts the drawing, a
/// value out of range) changes nothing and is passed on for the clinician to read.
pub fn apply(doc: &mut Document, edit: Edit, gesture: Option<Gesture>) {
    if let Err(refusal) = doc.apply(edit, gesture) {
        log::warn!("an edit from a form was refused: {refusal}");
        doc.tell(&refusal);
    }
}

/// Closes the document's undo step once its gesture is over. Call once per frame.
pub fn end_frame(ctx: &egui::Context, doc: &mut Document) {
    let pointer_down = ctx.input(|i| i.pointer.any_down());
    let focused = ctx.memory(|m| m.focused()).map(gesture);
    doc.end_gesture(pointer_down, focused);
}
