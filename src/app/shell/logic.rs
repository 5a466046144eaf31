//! Per-frame work that is not drawing, run from `App::logic` so it goes on while the window
//! is hidden or minimised: keeping a crash-recovery copy of unsaved changes. Knows the
//! document and the recovery folder, never the window.

use std::time::{Duration, Instant};

use crate::document::Document;
use crate::storage::RecoveryStore;

/// Unsaved work goes uncopied at most this long: the most a crash can lose.
pub const RECOVERY_DELAY: Duration = Duration::from_secs(2);

/// How often the open document's lock is looked at again: a lock another workstation writes
/// after this one opened the visit (a synced folder delivers it late) is noticed this soon.
pub const LOCK_WATCH_INTERVAL: Duration = Duration::from_secs(2);

/// Looks at the open document's lock every [`LOCK_WATCH_INTERVAL`].
#[derive(Debug, Default)]
pub struct LockWatch {
    last: Option<Instant>,
}

impl LockWatch {
    /// Looks at `doc`'s lock when it is due; when another workstation turns out to hold it,
    /// the document is now read-only and its unsaved work is copied at once. Returns how long
    /// until the next look.
    pub fn watch(
        &mut self,
        doc: &mut Document,
        recovery: &mut RecoveryCopy,
    ) -> Result<Option<Duration>, String> {
        // Only a synced library delivers locks late; elsewhere the lock taken at opening is
        // the whole truth, and the app need not wake up for it.
        if doc.synced_by().is_none() {
            return Ok(None);
        }
        if let Some(wait) = self
            .last
            .and_then(|last| LOCK_WATCH_INTERVAL.checked_sub(last.elapsed()))
            .filter(|wait| !wait.is_zero())
        {
            return Ok(Some(wait));
        }
        self.last = Some(Instant::now());
        if doc.watch_lock().is_some() && doc.is_dirty() {
            recovery.write_now(doc)?;
        }
        Ok(Some(LOCK_WATCH_INTERVAL))
    }
}

/// When the document first had changes the copy lacks: egui's input time and the wall clock.
/// While the window is hidden egui's time stands still, so the wall clock counts too.
#[derive(Clone, Copy, Debug)]
struct Since {
    input_time: f64,
    at: Instant,
}

/// The crash-recovery copy of the open document: written at most [`RECOVERY_DELAY`] after the
/// first change it lacks (so steady typing is copied every two seconds, not postponed until
/// a pause), and removed once the work is saved or undone back to the file.
#[derive(Debug)]
pub struct RecoveryCopy {
    pub store: RecoveryStore,
    /// The revision last copied (or restored from a copy): the copy is this window's.
    pub written: Option<u64>,
    /// Since when the copy lacks changes of the document.
    stale_since: Option<Since>,
    delay: Duration,
}

impl RecoveryCopy {
    pub fn new(store: RecoveryStore) -> Self {
        Self {
            store,
            written: None,
            stale_since: None,
            delay: RECOVERY_DELAY,
        }
    }

    /// How long unsaved work may go uncopied ([`RECOVERY_DELAY`] unless changed; tests use
    /// other delays).
    pub fn set_delay(&mut self, delay: Duration) {
        self.delay = delay;
    }

    /// Copies `doc`'s unsaved work now (another workstation took the visit over: what was
    /// typed must not wait for the usual delay).
    pub fn write_now(&mut self, doc: &Document) -> Result<(), String> {
        self.stale_since = None;
        self.written = Some(doc.revision());
        self.store
            .write(&doc.recovery_record())
            .map(drop)
            .map_err(|error| {
                format!("Could not keep a crash-recovery copy of your changes: {error}")
            })
    }

    /// Forgets the document: it was closed.
    pub fn forget(&mut self) {
        self.written = None;
        self.stale_since = None;
    }

    /// Copies `doc`'s unsaved work once the copy has lacked it for the delay, however the
    /// editing goes on; removes the copy once there is no unsaved work. `input_time` is
    /// egui's. Returns how long until the copy is due (to wake up then), or an error to show.
    pub fn keep(&mut self, doc: &Document, input_time: f64) -> Result<Option<Duration>, String> {
        let revision = doc.revision();
        if !doc.is_dirty() {
            self.stale_since = None;
            if self.written.is_some() {
                // Saved (or undone back to the saved state): the copy is no longer needed.
                let _ = self.store.remove(doc.session().id);
                self.written = None;
            }
            return Ok(None);
        }
        if self.written == Some(revision) {
            self.stale_since = None;
            return Ok(None);
        }
        let since = *self.stale_since.get_or_insert_with(|| Since {
            input_time,
            at: Instant::now(),
        });
        let waited = Duration::from_secs_f64((input_time - since.input_time).max(0.0))
            .max(since.at.elapsed());
        if let Some(wait) = self.delay.checked_sub(waited).filter(|w| !w.is_zero()) {
            return Ok(Some(wait));
        }
        // Written or not, do not retry every frame; the next change tries again.
        self.stale_since = None;
        self.written = Some(revision);
        match self.store.write(&doc.recovery_record()) {
            Ok(_) => Ok(None),
            Err(error) => Err(format!(
                "Could not keep a crash-recovery copy of your changes: {error}"
            )),
        }
    }
}
