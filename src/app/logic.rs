//! Per-frame work that is not drawing: keeping a crash-recovery copy of unsaved changes.

use super::shell::MyomapApp;

/// Unsaved work is copied to the recovery folder this long after the last edit (seconds).
const RECOVERY_DELAY: f64 = 2.0;

impl MyomapApp {
    /// Copies unsaved work to the recovery folder a moment after the last edit.
    pub(super) fn keep_recovery_copy(&mut self, ctx: &egui::Context) {
        let Some(doc) = &self.document else {
            return;
        };
        let now = ctx.input(|i| i.time);
        let revision = doc.revision();
        let since = match self.last_revision {
            Some((seen, since)) if seen == revision => since,
            _ => {
                self.last_revision = Some((revision, now));
                now
            }
        };
        if !doc.is_dirty() {
            if self.recovered_revision.is_some() {
                // Saved (or undone back to the saved state): the copy is no longer needed.
                let _ = self.recovery.remove(doc.session.id);
                self.recovered_revision = None;
            }
            return;
        }
        if self.recovered_revision == Some(revision) {
            return;
        }
        let wait = RECOVERY_DELAY - (now - since);
        if wait > 0.0 {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
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
}
