//! Per-frame work that is not drawing, run from `App::logic` so it goes on while the window
//! is hidden or minimised: keeping a crash-recovery copy of unsaved changes. Knows the
//! document and the recovery folder, never the window.

use std::time::{Duration, Instant};

use crate::document::Document;
use crate::storage::RecoveryStore;

/// Unsaved work is copied to the recovery folder this long after the last edit.
pub const RECOVERY_DELAY: Duration = Duration::from_secs(2);

/// When the document was last seen to change: its revision, egui's input time and the wall
/// clock. While the window is hidden egui's time stands still, so the wall clock counts too.
#[derive(Clone, Copy, Debug)]
struct SeenRevision {
    revision: u64,
    input_time: f64,
    at: Instant,
}

/// The crash-recovery copy of the open document: written a moment after the last edit,
/// removed once the work is saved or undone back to the file.
#[derive(Debug)]
pub struct RecoveryCopy {
    pub store: RecoveryStore,
    /// The revision last copied (or restored from a copy): the copy is this window's.
    pub written: Option<u64>,
    seen: Option<SeenRevision>,
    delay: Duration,
}

impl RecoveryCopy {
    pub fn new(store: RecoveryStore) -> Self {
        Self {
            store,
            written: None,
            seen: None,
            delay: RECOVERY_DELAY,
        }
    }

    /// How long after the last edit unsaved work is copied ([`RECOVERY_DELAY`] unless
    /// changed; tests use a short one).
    pub fn set_delay(&mut self, delay: Duration) {
        self.delay = delay;
    }

    /// Forgets the document: it was closed.
    pub fn forget(&mut self) {
        self.written = None;
        self.seen = None;
    }

    /// Copies `doc`'s unsaved work when it has waited long enough since its last change;
    /// removes the copy once there is no unsaved work. `input_time` is egui's. Returns how
    /// long until the copy is due (to wake up then), or an error to show.
    pub fn keep(&mut self, doc: &Document, input_time: f64) -> Result<Option<Duration>, String> {
        let revision = doc.revision();
        let seen = match self.seen {
            Some(seen) if seen.revision == revision => seen,
            _ => {
                let seen = SeenRevision {
                    revision,
                    input_time,
                    at: Instant::now(),
                };
                self.seen = Some(seen);
                seen
            }
        };
        if !doc.is_dirty() {
            if self.written.is_some() {
                // Saved (or undone back to the saved state): the copy is no longer needed.
                let _ = self.store.remove(doc.session().id);
                self.written = None;
            }
            return Ok(None);
        }
        if self.written == Some(revision) {
            return Ok(None);
        }
        let waited =
            Duration::from_secs_f64((input_time - seen.input_time).max(0.0)).max(seen.at.elapsed());
        if let Some(wait) = self.delay.checked_sub(waited).filter(|w| !w.is_zero()) {
            return Ok(Some(wait));
        }
        // Written or not, do not retry every frame; the next edit tries again.
        self.written = Some(revision);
        match self.store.write(&doc.recovery_record()) {
            Ok(_) => Ok(None),
            Err(error) => Err(format!(
                "Could not keep a crash-recovery copy of your changes: {error}"
            )),
        }
    }
}
