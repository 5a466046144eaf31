//! Per-frame work that is not drawing, run from `App::logic` so it goes on while the window
//! is hidden or minimised: keeping a crash-recovery copy of unsaved changes.

use std::time::{Duration, Instant};

use super::shell::MyomapApp;

/// Unsaved work is copied to the recovery folder this long after the last edit.
pub const RECOVERY_DELAY: Duration = Duration::from_secs(2);

/// When the document was last seen to change: its revision, egui's input time and the wall
/// clock. While the window is hidden egui's time stands still, so the wall clock counts too.
#[derive(Clone, Copy, Debug)]
pub(super) struct SeenRevision {
    revision: u64,
    input_time: f64,
    at: Instant,
}

impl MyomapApp {
    /// Copies unsaved work to the recovery folder a moment after the last edit.
    pub(super) fn keep_recovery_copy(&mut self, ctx: &egui::Context) {
        let Some(doc) = self.route.document() else {
            return;
        };
        let input_time = ctx.input(|i| i.time);
        let revision = doc.revision();
        let seen = match self.last_revision {
            Some(seen) if seen.revision == revision => seen,
            _ => {
                let seen = SeenRevision {
                    revision,
                    input_time,
                    at: Instant::now(),
                };
                self.last_revision = Some(seen);
                seen
            }
        };
        if !doc.is_dirty() {
            if self.recovered_revision.is_some() {
                // Saved (or undone back to the saved state): the copy is no longer needed.
                let _ = self.recovery.remove(doc.session().id);
                self.recovered_revision = None;
            }
            return;
        }
        if self.recovered_revision == Some(revision) {
            return;
        }
        let waited =
            Duration::from_secs_f64((input_time - seen.input_time).max(0.0)).max(seen.at.elapsed());
        if let Some(wait) = self
            .recovery_delay
            .checked_sub(waited)
            .filter(|w| !w.is_zero())
        {
            ctx.request_repaint_after(wait);
            return;
        }
        match self.recovery.write(&doc.recovery_record()) {
            Ok(_) => self.recovered_revision = Some(revision),
            Err(error) => {
                self.notifications.error(format!(
                    "Could not keep a crash-recovery copy of your changes: {error}"
                ));
                // Do not retry every frame; the next edit tries again.
                self.recovered_revision = Some(revision);
            }
        }
    }

    /// How long after the last edit unsaved work is copied for crash recovery
    /// ([`RECOVERY_DELAY`] unless changed; tests use a short one).
    pub fn set_recovery_delay(&mut self, delay: Duration) {
        self.recovery_delay = delay;
    }
}
