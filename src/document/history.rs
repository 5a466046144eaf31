//! Undo and redo for one document: snapshots of the session taken between gestures.
//! Owns only the history; it never changes the session it is given, except to restore one.

use std::collections::VecDeque;
use std::sync::Arc;

use crate::model::{Arrow, NeedleSite, ReferredZone, Session, TextNote, TriggerPoint};

/// How many undo steps are kept.
pub const HISTORY_LIMIT: usize = 200;

/// An opaque id of one user gesture (a drag, or typing into one field): the successive
/// changes it makes become a single undo step. The app makes them from its widget ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Gesture(pub u64);

/// The session at one undo step. Each mark list is shared with the step before it while it
/// is unchanged, and each zone (the bulk of a heavy session: its paint) with the same zone
/// of the step before, so an undo step costs about what it changed.
#[derive(Clone)]
struct Snapshot {
    /// The session without its marks.
    header: Arc<Session>,
    trigger_points: Arc<Vec<TriggerPoint>>,
    referred_zones: Arc<Vec<Arc<ReferredZone>>>,
    needle_sites: Arc<Vec<NeedleSite>>,
    arrows: Arc<Vec<Arrow>>,
    text_notes: Arc<Vec<TextNote>>,
}

/// A list shared with `previous` when equal to it, a new copy otherwise.
fn share<T: Clone + PartialEq>(previous: &Arc<Vec<T>>, now: &[T]) -> Arc<Vec<T>> {
    if previous.as_slice() == now {
        Arc::clone(previous)
    } else {
        Arc::new(now.to_vec())
    }
}

/// `session` with its mark lists taken out for the length of `f`.
fn without_marks<R>(session: &mut Session, f: impl FnOnce(&Session) -> R) -> R {
    let lists = (
        std::mem::take(&mut session.trigger_points),
        std::mem::take(&mut session.referred_zones),
        std::mem::take(&mut session.needle_sites),
        std::mem::take(&mut session.arrows),
        std::mem::take(&mut session.text_notes),
    );
    let result = f(session);
    (
        session.trigger_points,
        session.referred_zones,
        session.needle_sites,
        session.arrows,
        session.text_notes,
    ) = lists;
    result
}

impl Snapshot {
    fn new(session: &mut Session) -> Self {
        Self {
            header: Arc::new(without_marks(session, Session::clone)),
            trigger_points: Arc::new(session.trigger_points.clone()),
            referred_zones: Arc::new(
                session
                    .referred_zones
                    .iter()
                    .cloned()
                    .map(Arc::new)
                    .collect(),
            ),
            needle_sites: Arc::new(session.needle_sites.clone()),
            arrows: Arc::new(session.arrows.clone()),
            text_notes: Arc::new(session.text_notes.clone()),
        }
    }

    /// The session now, sharing what did not change since `self`.
    fn next(&self, session: &mut Session) -> Self {
        let header = if without_marks(session, |s| *self.header == *s) {
            Arc::clone(&self.header)
        } else {
            Arc::new(without_marks(session, Session::clone))
        };
        let zones = &self.referred_zones;
        let same_zones = zones.len() == session.referred_zones.len()
            && zones
                .iter()
                .zip(&session.referred_zones)
                .all(|(a, b)| **a == *b);
        let referred_zones = if same_zones {
            Arc::clone(zones)
        } else {
            Arc::new(
                session
                    .referred_zones
                    .iter()
                    .map(|zone| {
                        zones
                            .iter()
                            .find(|old| old.id == zone.id && ***old == *zone)
                            .map_or_else(|| Arc::new(zone.clone()), Arc::clone)
                    })
                    .collect(),
            )
        };
        Self {
            header,
            trigger_points: share(&self.trigger_points, &session.trigger_points),
            referred_zones,
            needle_sites: share(&self.needle_sites, &session.needle_sites),
            arrows: share(&self.arrows, &session.arrows),
            text_notes: share(&self.text_notes, &session.text_notes),
        }
    }

    fn matches(&self, session: &mut Session) -> bool {
        *self.trigger_points == session.trigger_points
            && *self.needle_sites == session.needle_sites
            && *self.arrows == session.arrows
            && *self.text_notes == session.text_notes
            && self.referred_zones.len() == session.referred_zones.len()
            && self
                .referred_zones
                .iter()
                .zip(&session.referred_zones)
                .all(|(a, b)| **a == *b)
            && without_marks(session, |s| *self.header == *s)
    }

    fn session(&self) -> Session {
        Session {
            trigger_points: self.trigger_points.to_vec(),
            referred_zones: self.referred_zones.iter().map(|z| (**z).clone()).collect(),
            needle_sites: self.needle_sites.to_vec(),
            arrows: self.arrows.to_vec(),
            text_notes: self.text_notes.to_vec(),
            ..(*self.header).clone()
        }
    }
}

/// Undo and redo stacks, the step being made, and which step is on disk.
pub struct History {
    /// The session as of the last recorded step.
    committed: Snapshot,
    /// Oldest first; the oldest is dropped past [`HISTORY_LIMIT`].
    undo: VecDeque<Snapshot>,
    redo: Vec<Snapshot>,
    /// Changes were made since the last step was recorded, by `gesture` (if one).
    pending: Option<Option<Gesture>>,
    /// Number of steps applied since opening, and its value when saved (`None`: the saved
    /// state is not in the history, or there is none).
    saved: Option<usize>,
    dropped: usize,
}

impl History {
    /// A history starting at `session`, which is on disk when `saved`.
    pub fn new(session: &mut Session, saved: bool) -> Self {
        Self {
            committed: Snapshot::new(session),
            undo: VecDeque::new(),
            redo: Vec::new(),
            pending: None,
            saved: saved.then_some(0),
            dropped: 0,
        }
    }

    pub fn has_pending(&self) -> bool {
        self.pending.is_some()
    }

    /// The gesture making the pending step, if any.
    pub fn pending_gesture(&self) -> Option<Gesture> {
        self.pending.flatten()
    }

    fn position(&self) -> usize {
        self.dropped + self.undo.len()
    }

    /// Whether the session differs from the one on disk (or was never saved).
    pub fn is_dirty(&self) -> bool {
        self.has_pending() || self.saved != Some(self.position())
    }

    pub fn mark_saved(&mut self) {
        self.saved = Some(self.position());
    }

    pub fn can_undo(&self) -> bool {
        self.has_pending() || !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.has_pending() && !self.redo.is_empty()
    }

    /// Notes a change made by `gesture`; a change by another gesture first closes the step
    /// the previous one was making.
    pub fn changed(&mut self, session: &mut Session, gesture: Option<Gesture>) {
        if self.pending.is_some_and(|pending| pending != gesture) {
            self.commit(session);
        }
        self.pending = Some(gesture);
    }

    /// Records pending changes as one undo step.
    pub fn commit(&mut self, session: &mut Session) {
        if self.pending.take().is_none() || self.committed.matches(session) {
            return;
        }
        let next = self.committed.next(session);
        self.undo
            .push_back(std::mem::replace(&mut self.committed, next));
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.pop_front();
            self.dropped += 1;
        }
        // A new edit after undoing makes the redone states unreachable, and a saved state
        // among them can no longer be reached either.
        if !self.redo.is_empty() {
            self.redo.clear();
            if self.saved.is_some_and(|saved| saved >= self.position()) {
                self.saved = None;
            }
        }
    }

    /// The session one step back, if there is one.
    pub fn undo(&mut self, session: &mut Session) -> Option<Session> {
        self.commit(session);
        let previous = self.undo.pop_back()?;
        self.redo
            .push(std::mem::replace(&mut self.committed, previous));
        Some(self.committed.session())
    }

    /// The session one step forward, if a step was undone.
    pub fn redo(&mut self) -> Option<Session> {
        if self.has_pending() {
            return None;
        }
        let next = self.redo.pop()?;
        self.undo
            .push_back(std::mem::replace(&mut self.committed, next));
        Some(self.committed.session())
    }

    /// Makes the current content the start of history: nothing before it can be undone.
    pub fn seal(&mut self, session: &mut Session) {
        self.commit(session);
        // Positions count from opening: dropping the undo steps keeps the saved mark valid.
        self.dropped += self.undo.len();
        self.undo.clear();
        if !self.redo.is_empty() {
            self.redo.clear();
            if self.saved.is_some_and(|saved| saved > self.position()) {
                self.saved = None;
            }
        }
    }
}
