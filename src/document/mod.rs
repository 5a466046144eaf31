//! The open session and the only door through which it changes: open, save, lock,
//! crash recovery, undo, and `apply(Edit)` with the needle gate, safety warnings and the
//! session's invariants. No egui: screens hand it edits and read it back.

mod history;

use std::path::{Path, PathBuf};

use history::History;
pub use history::{Gesture, HISTORY_LIMIT};

use crate::bodymap::{sides, standard};
use crate::model::{ConsentTopic, Edit, Field, MarkRef, MarkUpdate, NeedleGate, Session, Side};
use crate::safety::{self, RaisedWarning};
use crate::storage::lock::{self, LockError, LockInfo, SessionLock};
use crate::storage::{self, DiskStamp, Library, RecoveryRecord, SaveError};

/// Why the document did not take an edit.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// Someone else has the file open for editing.
    HeldElsewhere,
    /// The session is signed: later changes are addenda.
    Signed,
    /// A needle site was placed before screening was reviewed and consent recorded (and no
    /// override was recorded); what is missing, in words.
    NeedleGate(Vec<String>),
    /// A short field would be longer than the file format takes.
    TooLong(crate::model::limits::TooLong),
    /// A number outside its field's range (or not a finite number).
    OutOfRange(crate::model::ranges::OutOfRange),
    /// An outcome measure outside its instrument's range, an unknown instrument or movement,
    /// a PSFS without activities.
    Outcome(crate::model::OutcomeError),
    /// A trigger point or needle site recorded on the side opposite to where it is drawn.
    SideContradicts { recorded: Side, drawn: Side },
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::HeldElsewhere => f.write_str("the session is open for editing elsewhere"),
            Self::Signed => {
                f.write_str("the session is signed; add an addendum instead of changing it")
            }
            Self::NeedleGate(missing) => {
                write!(f, "needle sites are locked: {}", missing.join("; "))
            }
            Self::TooLong(too_long) => too_long.fmt(f),
            Self::OutOfRange(out) => out.fmt(f),
            Self::Outcome(problem) => problem.fmt(f),
            Self::SideContradicts { recorded, drawn } => write!(
                f,
                "the mark is drawn on the patient's {} and cannot be recorded as {}; move it across the midline to change its side",
                drawn.label(),
                recorded.label()
            ),
        }
    }
}

/// Something the document tells the clinician: a warning (a refusal, a side that followed a
/// move) or information (a signer registered in the library).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub warning: bool,
}

impl Notice {
    fn warning(text: String) -> Self {
        Self {
            text,
            warning: true,
        }
    }
}

/// The open session with its file, lock and history.
pub struct Document {
    session: Session,
    /// Where the session is saved; `None` until first saved.
    path: Option<PathBuf>,
    /// The file as it was when read or last written, to detect changes by others.
    stamp: Option<DiskStamp>,
    /// The library a new session is filed into on first save.
    library: Option<Library>,
    /// The patient's display name, for titles.
    patient_name: String,
    history: History,
    /// Our advisory lock on the file while it is open for editing.
    lock: Option<SessionLock>,
    /// Set when someone else has the file open: the document is read-only until taken over.
    held_by: Option<LockInfo>,
    /// Counts every change, undo, redo and reload: tells caches and the crash-recovery copy
    /// when they are stale.
    revision: u64,
    /// The `revision` at which the painted zones last changed.
    zones_revision: u64,
    /// Safety warnings that appeared with the last edits, not yet shown.
    raised: Vec<RaisedWarning>,
    /// What to tell the clinician (see [`Self::take_notices`]).
    notices: Vec<Notice>,
    /// The sync engine of the library the file is in, when one was found at opening: its
    /// lock is then looked at again while open ([`Self::watch_lock`]).
    synced_by: Option<&'static str>,
}

impl Document {
    /// A session not yet saved anywhere.
    pub fn new_unsaved(session: Session, library: Option<Library>, patient_name: String) -> Self {
        let mut document = Self::with(session, None, None, library, patient_name);
        document.bring_warnings_up_to_date();
        document
    }

    fn with(
        mut session: Session,
        path: Option<PathBuf>,
        stamp: Option<DiskStamp>,
        library: Option<Library>,
        patient_name: String,
    ) -> Self {
        let on_disk = path.is_some();
        Self {
            history: History::new(&mut session, on_disk),
            session,
            path,
            stamp,
            library,
            patient_name,
            lock: None,
            held_by: None,
            revision: 0,
            zones_revision: 0,
            raised: Vec::new(),
            notices: Vec::new(),
            synced_by: None,
        }
    }

    /// Reads a session file and takes its lock. Returns the document and warnings to show
    /// (someone else has it open, unknown body map, problems in its content).
    pub fn open(path: &Path) -> Result<(Self, Vec<String>), storage::LoadError> {
        let (session, stamp) = storage::load_stamped::<Session>(path)?;
        let library = storage::library_of(path);
        let patient_name = library
            .as_ref()
            .and_then(|l| storage::load_patient(&l.patient_file(session.patient_id)).ok())
            .map(|p| p.display_name)
            .unwrap_or_else(|| format!("patient {}", session.patient_id.short()));
        let mut warnings = content_warnings(&session);
        let mut document = Self::with(
            session,
            Some(path.to_owned()),
            Some(stamp),
            library,
            patient_name,
        );
        warnings.extend(document.lock_file());
        document.synced_by = document
            .library
            .as_ref()
            .and_then(Library::sync_engine)
            .or_else(|| conflict_copies_beside(path).then_some("a sync engine"));
        if let Some(engine) = document.synced_by {
            document.notices.push(Notice {
                text: format!(
                    "This library is synced between workstations by {engine}: another workstation may open this visit before its lock reaches this one. myomap looks again every two seconds and turns editing off if it finds one; edits made apart become a conflict copy to reconcile."
                ),
                warning: false,
            });
        }
        document.bring_warnings_up_to_date();
        Ok((document, warnings))
    }

    /// A document restored from a crash-recovery copy: its unsaved changes are pending.
    pub fn from_recovery(record: RecoveryRecord) -> (Self, Vec<String>) {
        let mut warnings = content_warnings(&record.session);
        let mut document = Self::with(
            record.session,
            None,
            None,
            record.library.map(Library::new),
            record.patient_name,
        );
        if let Some(path) = record.original {
            if document.library.is_none() {
                document.library = storage::library_of(&path);
            }
            // The crashed myomap usually left its lock behind: recovering its work is
            // taking over from it. A lock held by a live process is left to the user.
            if lock::holder(&path).is_some_and(|holder| holder.is_stale())
                && let Err(error) = lock::take_over(&path).map(drop)
            {
                warnings.push(format!(
                    "Could not take over the lock of {}: {error}",
                    path.display()
                ));
            }
            document.path = Some(path);
            document.stamp = record.original_stamp;
            warnings.extend(document.lock_file());
        }
        document.bring_warnings_up_to_date();
        (document, warnings)
    }

    /// Takes the advisory lock of the document's file; a warning when someone holds it.
    fn lock_file(&mut self) -> Option<String> {
        let path = self.path.as_ref()?;
        match lock::acquire(path) {
            Ok(lock) => {
                self.lock = Some(lock);
                self.held_by = None;
                None
            }
            Err(LockError::HeldBy(holder)) => {
                let message = if holder.is_stale() {
                    format!(
                        "{} was left locked by a myomap that is no longer running ({}). It is read-only until you take over editing.",
                        self.file_name(),
                        holder.describe()
                    )
                } else {
                    format!(
                        "{} is {}. It is read-only here until you take over editing.",
                        self.file_name(),
                        holder.describe()
                    )
                };
                self.held_by = Some(holder);
                Some(message)
            }
            Err(LockError::Io(error)) => Some(format!(
                "Could not lock {} for editing ({error}); other workstations will not see that it is open.",
                self.file_name()
            )),
        }
    }

    /// Looks at the lock again, for a library whose locks arrive late (a folder synced between
    /// workstations): another workstation's lock written over ours, or a conflict copy of the
    /// lock beside it, means someone else is editing this visit. The document then turns
    /// read-only, keeping everything typed (unsaved, in memory and in the crash-recovery
    /// copy), and says so. Returns the other holder when this call found them.
    pub fn watch_lock(&mut self) -> Option<LockInfo> {
        self.synced_by?;
        if self.held_by.is_some() || self.lock.is_none() {
            return None;
        }
        let path = self.path.as_ref()?;
        let holder = lock::other_holder(path)?;
        // Not ours any more: dropping our lock leaves theirs in place.
        self.lock = None;
        self.held_by = Some(holder.clone());
        let unsaved = if self.is_dirty() {
            " Your unsaved changes are kept (in this window and its crash-recovery copy): save them as a copy, or take over editing once they are done."
        } else {
            ""
        };
        self.notices.push(Notice::warning(format!(
            "{} is now {}: another workstation opened it while this one had it open (their lock reached this library late). Editing is off here so the two versions do not diverge.{unsaved}",
            self.file_name(),
            holder.describe()
        )));
        Some(holder)
    }

    /// The sync engine of the file's library, when it is in a synced folder.
    pub fn synced_by(&self) -> Option<&'static str> {
        self.synced_by
    }

    /// Who has the file open elsewhere, when this document is read-only because of it.
    pub fn held_by(&self) -> Option<&LockInfo> {
        self.held_by.as_ref()
    }

    pub fn is_read_only(&self) -> bool {
        self.held_by.is_some()
    }

    /// Takes the lock over from whoever holds it (the user chose to).
    pub fn take_over(&mut self) -> Result<(), LockError> {
        if let Some(path) = &self.path {
            self.lock = Some(lock::take_over(path)?);
        }
        self.held_by = None;
        // What the record derives (the signing checklist names the lock) is out of date.
        self.revision += 1;
        Ok(())
    }

    /// Replaces the document with the file on disk, dropping unsaved changes.
    pub fn reload(&mut self) -> Result<(), storage::LoadError> {
        let Some(path) = self.path.clone() else {
            return Ok(());
        };
        let (mut session, stamp) = storage::load_stamped::<Session>(&path)?;
        self.history = History::new(&mut session, true);
        self.session = session;
        self.stamp = Some(stamp);
        self.raised.clear();
        self.bring_warnings_up_to_date();
        self.changed_all();
        Ok(())
    }

    /// The crash-recovery copy of this document's current state.
    pub fn recovery_record(&self) -> RecoveryRecord {
        RecoveryRecord {
            format_version: storage::RECOVERY_FORMAT_VERSION,
            written_at: jiff::ZonedDateTime::now().datetime(),
            writer: LockInfo::current(),
            original: self.path.clone(),
            original_stamp: self.stamp,
            library: self.library.as_ref().map(|l| l.root().to_owned()),
            patient_name: self.patient_name.clone(),
            session: self.session.clone(),
        }
    }

    /// Changes with every edit, undo, redo and reload.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Changes when the painted zones may have changed (a subset of [`Self::revision`]):
    /// what the zone image is keyed on, so typing a note does not repaint it.
    pub fn zones_revision(&self) -> u64 {
        self.zones_revision
    }

    fn changed_all(&mut self) {
        self.revision += 1;
        self.zones_revision = self.revision;
    }

    /// The session, to read. It changes only through [`Self::apply`] and the document's
    /// named operations.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The session's file, once it has one.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The patient's display name, for titles.
    pub fn patient_name(&self) -> &str {
        &self.patient_name
    }

    /// The library the session belongs to, if any.
    pub fn library(&self) -> Option<&Library> {
        self.library.as_ref()
    }

    /// Whether edits are taken: not held elsewhere and not signed.
    pub fn is_editable(&self) -> bool {
        self.held_by.is_none() && !self.session.is_signed()
    }

    /// The file name shown in the title bar.
    pub fn file_name(&self) -> String {
        match &self.path {
            Some(path) => path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into(),
            ),
            None => format!("Untitled {}", Library::session_file_name(&self.session)),
        }
    }

    /// Whether there are changes not yet on disk (a session never saved counts).
    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// Where "Save" writes: the file it came from, or its place in the library.
    pub fn save_target(&self) -> Option<PathBuf> {
        self.path.clone().or_else(|| {
            self.library
                .as_ref()
                .map(|library| library.session_path(&self.session))
        })
    }

    /// Saves to [`Self::save_target`]. A file that changed on disk since it was read is not
    /// overwritten; a new file never replaces an existing one.
    pub fn save(&mut self) -> Result<PathBuf, SaveError> {
        self.commit_pending();
        if let Some(holder) = &self.held_by {
            return Err(SaveError::io(
                self.path.as_deref().unwrap_or(Path::new("session")),
                std::io::Error::other(format!(
                    "it is {}; take over editing to save",
                    holder.describe()
                )),
            ));
        }
        let (target, stamp) = match (&self.path, &self.library) {
            (Some(path), _) => (
                path.clone(),
                storage::save(path, &self.session, self.stamp)?,
            ),
            (None, Some(library)) => library.create_session(&self.session)?,
            (None, None) => {
                return Err(SaveError::io(
                    Path::new("untitled"),
                    std::io::Error::new(
                        std::io::ErrorKind::InvalidInput,
                        "choose a file with Save as…",
                    ),
                ));
            }
        };
        self.mark_saved(target.clone(), stamp);
        self.record_in_ledger();
        Ok(target)
    }

    /// Records a signed session's signature and addenda in its library's ledger (and its
    /// signers in the library's registry), once each; a failure is told, the save stands.
    fn record_in_ledger(&mut self) {
        if !self.session.is_signed() {
            return;
        }
        let Some(root) = self.library.as_ref().map(|l| l.root().to_owned()) else {
            return;
        };
        match crate::ledger::record(&root, &self.session) {
            Ok(told) => self.notices.extend(told.into_iter().map(|text| Notice {
                text,
                warning: false,
            })),
            Err(error) => self.notices.push(Notice::warning(format!(
                "The signature is saved, but the library's ledger could not record it: {error}"
            ))),
        }
    }

    /// Saves to `path`, which becomes the document's file. Replaces `path` if it exists (the
    /// caller asked the user first); the replaced file is kept as a backup.
    pub fn save_as(&mut self, path: &Path) -> Result<PathBuf, SaveError> {
        self.commit_pending();
        if self.path.as_deref() == Some(path) {
            // Its own file: an ordinary save, with the check for changes made elsewhere.
            return self.save();
        }
        if let Some(holder) = lock::holder(path).filter(|h| !h.is_ours()) {
            return Err(SaveError::io(
                path,
                std::io::Error::other(format!(
                    "that session is {}; choose another name",
                    holder.describe()
                )),
            ));
        }
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            storage::create_dir_all_private(parent).map_err(|e| SaveError::io(path, e))?;
        }
        let stamp = storage::save(path, &self.session, None)?;
        self.mark_saved(path.to_owned(), stamp);
        Ok(path.to_owned())
    }

    /// Writes the document's file again after it was deleted elsewhere (the user chose to).
    /// Refuses if a file has appeared there in the meantime.
    pub fn recreate(&mut self) -> Result<PathBuf, SaveError> {
        self.commit_pending();
        let Some(path) = self.path.clone() else {
            return self.save();
        };
        if path.exists() {
            return Err(SaveError::ChangedOnDisk { path });
        }
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            storage::create_dir_all_private(parent).map_err(|e| SaveError::io(&path, e))?;
        }
        let stamp = storage::save(&path, &self.session, None)?;
        self.mark_saved(path.clone(), stamp);
        Ok(path)
    }

    fn mark_saved(&mut self, path: PathBuf, stamp: DiskStamp) {
        let moved = self.path.as_ref() != Some(&path);
        self.path = Some(path);
        self.stamp = Some(stamp);
        self.history.mark_saved();
        if moved {
            // The old file's lock goes with the old name; the new file is ours.
            self.lock = None;
            self.held_by = None;
            if let Some(warning) = self.lock_file() {
                log::warn!("{warning}");
            }
            self.revision += 1;
        }
    }

    /// Applies one edit, if the document takes it: not while the file is held elsewhere or
    /// the session is signed, and no needle site while the needle gate is closed. The needle
    /// sites' safety warnings are then brought up to date; new ones wait in
    /// [`Self::take_raised`]. Successive edits of one `gesture` are one undo step.
    pub fn apply(&mut self, edit: Edit, gesture: Option<Gesture>) -> Result<(), Refusal> {
        if self.held_by.is_some() {
            return Err(Refusal::HeldElsewhere);
        }
        if self.session.is_signed() {
            return Err(Refusal::Signed);
        }
        if matches!(edit, Edit::AddNeedle(_))
            && let NeedleGate::Closed(missing) = self.session.needle_gate()
        {
            return Err(Refusal::NeedleGate(missing));
        }
        // Over the thorax, consent must cover the risk of pneumothorax before the needle.
        if let Edit::AddNeedle(site) = &edit
            && self.session.gate_override.is_none()
            && self
                .session
                .consent
                .as_ref()
                .is_some_and(|consent| !consent.explained.contains(&ConsentTopic::Pneumothorax))
            && safety::over_thorax(standard(), site)
        {
            return Err(Refusal::NeedleGate(vec![
                "this site is over the thorax and the consent does not record that the risk of pneumothorax was explained (tick it under Consent)".to_owned(),
            ]));
        }
        if let Some(too_long) = crate::model::limits::edit(&edit) {
            return Err(Refusal::TooLong(too_long));
        }
        crate::model::ranges::edit(&edit).map_err(Refusal::OutOfRange)?;
        if let Edit::Set(Field::Outcomes(outcomes)) = &edit {
            crate::model::outcomes::check(outcomes).map_err(Refusal::Outcome)?;
        }
        self.side_of(&edit)?;
        let needles = edit.touches_needles();
        let zones = edit.touches_zones(&self.session);
        let moved = match &edit {
            Edit::Move { marks, .. } => marks.clone(),
            _ => Vec::new(),
        };
        self.history.changed(&mut self.session, gesture);
        self.session.apply(edit);
        self.follow_sides(&moved);
        if needles {
            for warning in safety::refresh_warnings(&mut self.session, standard()) {
                if !self.raised.contains(&warning) {
                    self.raised.push(warning);
                }
            }
        }
        self.revision += 1;
        if zones {
            self.zones_revision = self.revision;
        }
        Ok(())
    }

    /// Refuses a trigger point or needle site added, or its side changed, to the side opposite
    /// to where it is drawn (an unchanged side that already disagreed is left to the
    /// clinician's fix, so its other details can still be edited).
    fn side_of(&self, edit: &Edit) -> Result<(), Refusal> {
        let session = &self.session;
        let (view, at, side, before) = match edit {
            Edit::AddTriggerPoint(tp) => (&tp.view, tp.at, tp.side, None),
            Edit::AddNeedle(site) => (&site.view, site.at, site.side, None),
            Edit::Update(MarkUpdate::TriggerPoint(tp)) => {
                let old = session.trigger_points.iter().find(|m| m.id == tp.id);
                (&tp.view, tp.at, tp.side, old.map(|m| m.side))
            }
            Edit::Update(MarkUpdate::NeedleSite(site)) => {
                let old = session.needle_sites.iter().find(|m| m.id == site.id);
                (&site.view, site.at, site.side, old.map(|m| m.side))
            }
            _ => return Ok(()),
        };
        let Some(view) = standard().map.view(view) else {
            return Ok(());
        };
        match sides::contradiction(view, at, side) {
            Some(drawn) if before != Some(side) => Err(Refusal::SideContradicts {
                recorded: side,
                drawn,
            }),
            _ => Ok(()),
        }
    }

    /// After a move: each moved trigger point or needle site that now lies on the other side
    /// of the midline takes that side, in the same undo step, and the clinician is told.
    fn follow_sides(&mut self, moved: &[MarkRef]) {
        if moved.is_empty() {
            return;
        }
        let map = &standard().map;
        for disagreement in sides::disagreements(&self.session, map) {
            if !moved.contains(&disagreement.mark) {
                continue;
            }
            let id = disagreement.mark.id;
            let drawn = disagreement.drawn;
            if let Some(side) = self.session.side_mut(disagreement.mark) {
                *side = drawn;
                let muscle = disagreement
                    .muscle
                    .map_or_else(String::new, |m| format!(" ({m})"));
                self.notices.push(Notice::warning(format!(
                    "{} {id}{muscle} moved across the midline: it is now the patient's {}",
                    disagreement.mark.kind.label(),
                    drawn.label()
                )));
            }
        }
    }

    /// Sets the recorded side of every trigger point and needle site that disagrees with its
    /// drawing to the side it is drawn on, as one undo step; returns how many changed. The
    /// clinician's fix, offered when such a session is opened: never done without asking.
    pub fn take_sides_from_drawing(&mut self) -> Result<usize, Refusal> {
        let disagreements = sides::disagreements(&self.session, &standard().map);
        let gesture = Some(Gesture(u64::from_be_bytes(*b"sidesfix")));
        for disagreement in &disagreements {
            let update = self
                .session
                .side_update(disagreement.mark, disagreement.drawn);
            if let Some(update) = update {
                self.apply(Edit::Update(update), gesture)?;
            }
        }
        self.commit_pending();
        Ok(disagreements.len())
    }

    /// What the document did on its own that the clinician should be told (a side that
    /// followed a move), and refusals the app passed on, oldest first.
    pub fn take_notices(&mut self) -> Vec<Notice> {
        std::mem::take(&mut self.notices)
    }

    /// Queues a refusal to be shown to the clinician (see [`Self::take_notices`]).
    pub fn tell(&mut self, refusal: &Refusal) {
        self.notices.push(Notice::warning(refusal.to_string()));
    }

    /// The safety warnings raised by edits since the last call, oldest first.
    pub fn take_raised(&mut self) -> Vec<RaisedWarning> {
        std::mem::take(&mut self.raised)
    }

    /// What stops signing: the session's own rules, plus the consent's cover of
    /// pneumothorax when the thorax was needled (that needs the body map's safety zones).
    pub fn signing_blockers(&self) -> Vec<String> {
        let session = &self.session;
        let mut blockers = session.signing_blockers();
        if let Some(consent) = &session.consent
            && !session.is_signed()
        {
            if consent.explained.is_empty() {
                blockers.push("the consent record does not say what was explained".to_owned());
            } else if safety::thorax_needled(session, standard())
                && !consent.explained.contains(&ConsentTopic::Pneumothorax)
            {
                blockers.push(
                    "the thorax was needled but the consent does not record that pneumothorax risk was explained"
                        .to_owned(),
                );
            }
        }
        if self.held_by.is_some() {
            blockers.push(Refusal::HeldElsewhere.to_string());
        }
        blockers
    }

    /// Signs the session with `key` (unlocked by its clinician's passphrase) at `at`, when
    /// nothing blocks it. Signing cannot be undone: the history is sealed. Save afterwards.
    pub fn sign(
        &mut self,
        key: &crate::identity::UnlockedKey,
        at: jiff::civil::DateTime,
    ) -> Result<(), Vec<String>> {
        let blockers = self.signing_blockers();
        if !blockers.is_empty() {
            return Err(blockers);
        }
        self.commit_pending();
        self.session.sign(&key.signer(), at)?;
        self.sealed_change();
        Ok(())
    }

    /// Adds `key`'s clinician's co-signature to the signed or sealed session. Co-signatures
    /// cannot be undone: the history is sealed. Save afterwards.
    pub fn co_sign(
        &mut self,
        key: &crate::identity::UnlockedKey,
        at: jiff::civil::DateTime,
    ) -> Result<(), String> {
        if self.held_by.is_some() {
            return Err(Refusal::HeldElsewhere.to_string());
        }
        self.commit_pending();
        self.session.co_sign(&key.signer(), at)?;
        self.sealed_change();
        Ok(())
    }

    /// Appends a dated addendum to a signed session, signed by its author with `key`.
    /// Addenda cannot be undone: the history is sealed. Save afterwards.
    pub fn append_addendum(
        &mut self,
        key: &crate::identity::UnlockedKey,
        text: &str,
        at: jiff::civil::DateTime,
    ) -> Result<(), String> {
        if self.held_by.is_some() {
            return Err(Refusal::HeldElsewhere.to_string());
        }
        if let Some(problem) = self.session.signature_state().describe() {
            return Err(format!(
                "this {problem}; an addendum cannot be appended to it"
            ));
        }
        self.commit_pending();
        self.session.add_addendum(&key.signer(), text, at)?;
        self.sealed_change();
        Ok(())
    }

    /// Records a change that can never be undone (signing, an addendum): the history starts
    /// again from here.
    fn sealed_change(&mut self) {
        self.history.changed(&mut self.session, None);
        self.revision += 1;
        self.history.seal(&mut self.session);
    }

    /// Brings the needle sites' safety warnings up to date quietly, right after opening:
    /// nothing was placed just now, so nothing is raised, and the document is not marked
    /// changed. Only for a session that can be edited here: one held elsewhere or signed is
    /// shown exactly as its file has it.
    fn bring_warnings_up_to_date(&mut self) {
        if !self.is_editable() || self.session.needle_sites.is_empty() {
            return;
        }
        let saved = !self.history.is_dirty();
        safety::refresh_warnings(&mut self.session, standard());
        self.history = History::new(&mut self.session, saved);
    }

    /// Records pending changes as one undo step.
    pub fn commit_pending(&mut self) {
        self.history.commit(&mut self.session);
    }

    /// Closes the undo step being made unless its gesture goes on: the pointer is still
    /// down, or its text field still has the keyboard. Call once per frame.
    pub fn end_gesture(&mut self, pointer_down: bool, focused: Option<Gesture>) {
        if !self.history.has_pending() {
            return;
        }
        let same_field = focused.is_some() && focused == self.history.pending_gesture();
        if !pointer_down && !same_field {
            self.commit_pending();
        }
    }

    pub fn can_undo(&self) -> bool {
        self.is_editable() && self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.is_editable() && self.history.can_redo()
    }

    pub fn undo(&mut self) {
        if !self.is_editable() {
            return;
        }
        if let Some(previous) = self.history.undo(&mut self.session) {
            self.session = previous;
            self.changed_all();
        }
    }

    pub fn redo(&mut self) {
        if !self.is_editable() {
            return;
        }
        if let Some(next) = self.history.redo() {
            self.session = next;
            self.changed_all();
        }
    }
}

/// Whether a sync engine's conflict copy lies beside `path`: the folder is synced, even if
/// no marker file of a known engine shows it.
fn conflict_copies_beside(path: &Path) -> bool {
    path.parent()
        .and_then(|dir| std::fs::read_dir(dir).ok())
        .is_some_and(|entries| {
            entries
                .filter_map(Result::ok)
                .any(|e| storage::conflicts::conflict_copy(&e.path()).is_some())
        })
}

/// Warnings about a session's content that do not stop it opening.
fn content_warnings(session: &Session) -> Vec<String> {
    let mut warnings = Vec::new();
    let map = &session.body_map;
    if map.id != crate::STANDARD_BODY_MAP_ID || map.version > crate::STANDARD_BODY_MAP_VERSION {
        warnings.push(format!(
            "This session was charted on body map {} version {}, which this myomap does not have; its marks are kept exactly as stored.",
            map.id, map.version
        ));
    }
    if let Some(problem) = session.signature_state().describe() {
        warnings.push(format!(
            "This {problem}. The file was edited outside myomap; it is shown read-only as it is now, not as signed."
        ));
    }
    let problems = session.problems();
    if !problems.is_empty() {
        let list: Vec<String> = problems.into_iter().map(|p| p.message).collect();
        warnings.push(format!("Problems in this session: {}.", list.join("; ")));
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{MarkUpdate, PainScore, PatientId, SessionId};

    fn doc() -> Document {
        let started = jiff::civil::date(2026, 1, 2).at(9, 0, 0, 0);
        let session = Session::new(SessionId::from_u128(1), PatientId::from_u128(2), started);
        let mut doc = Document::new_unsaved(session, None, "P".into());
        doc.history.mark_saved();
        doc
    }

    fn set(doc: &mut Document, field: Field, gesture: Option<Gesture>) {
        doc.apply(Edit::Set(field), gesture)
            .expect("an unsigned session takes edits");
    }

    #[test]
    fn undo_redo_walks_snapshots_and_tracks_saved_state() {
        let mut doc = doc();
        assert!(!doc.is_dirty());
        set(&mut doc, Field::PainBefore(PainScore::new(5)), None);
        assert!(doc.is_dirty());
        doc.commit_pending();
        set(&mut doc, Field::PainBefore(PainScore::new(6)), None);
        doc.commit_pending();
        doc.undo();
        assert_eq!(doc.session().pain_before, PainScore::new(5));
        doc.undo();
        assert_eq!(doc.session().pain_before, None);
        assert!(!doc.is_dirty(), "back at the saved state");
        doc.redo();
        doc.redo();
        assert_eq!(doc.session().pain_before, PainScore::new(6));
        assert!(doc.is_dirty());
        assert!(!doc.can_redo());
    }

    #[test]
    fn typing_into_one_field_is_one_step() {
        let mut doc = doc();
        let field = Some(Gesture(7));
        for text in ["S", "Sa", "Sam"] {
            set(&mut doc, Field::Clinician(text.into()), field);
            doc.end_gesture(false, field);
        }
        doc.end_gesture(false, None);
        assert!(
            !doc.history.has_pending(),
            "leaving the field closes the step"
        );
        doc.undo();
        assert_eq!(doc.session().clinician, "");
    }

    #[test]
    fn history_is_capped() {
        let mut doc = doc();
        for i in 0..(HISTORY_LIMIT + 20) {
            set(&mut doc, Field::Notes(i.to_string()), None);
            doc.commit_pending();
        }
        let mut undone = 0;
        while doc.can_undo() {
            doc.undo();
            undone += 1;
        }
        assert_eq!(undone, HISTORY_LIMIT);
        assert!(doc.is_dirty(), "the saved state fell off the history");
    }

    #[test]
    fn a_signed_session_takes_no_edits_and_signing_cannot_be_undone() {
        let mut doc = Document::new_unsaved(
            crate::demo::demo_records()[0].1[0].clone(),
            None,
            "P".into(),
        );
        assert!(doc.session().is_signed(), "the first demo visit is signed");
        let before = doc.session().clone();
        assert_eq!(
            doc.apply(Edit::Set(Field::Notes("changed".into())), None),
            Err(Refusal::Signed)
        );
        doc.undo();
        assert_eq!(*doc.session(), before);
        assert!(!doc.can_undo());
    }

    #[test]
    fn only_zone_edits_move_the_zone_revision() {
        let mut doc = Document::new_unsaved(crate::demo::heavy_session(), None, "P".into());
        let zones = doc.zones_revision();
        set(&mut doc, Field::Notes("typing a note".into()), None);
        assert!(doc.revision() > zones);
        assert_eq!(
            doc.zones_revision(),
            zones,
            "a note does not touch the zones"
        );
        let zone = doc.session().referred_zones[0].id;
        doc.apply(
            Edit::Paint {
                zone,
                op: crate::model::PaintOp::Fill { points: Vec::new() },
            },
            None,
        )
        .expect("an unsigned session takes edits");
        assert_eq!(doc.zones_revision(), doc.revision());
    }

    #[test]
    fn a_zones_notes_leave_its_image_alone_and_its_intensity_does_not() {
        let mut doc = Document::new_unsaved(crate::demo::heavy_session(), None, "P".into());
        let zone = &doc.session().referred_zones[0];
        let mut details = crate::model::ZoneDetails::of(zone);
        let zones = doc.zones_revision();
        details.notes = "worse when sitting".into();
        let update = |d: &crate::model::ZoneDetails| Edit::Update(MarkUpdate::Zone(d.clone()));
        doc.apply(update(&details), None).expect("taken");
        assert_eq!(doc.zones_revision(), zones, "notes are not drawn");
        details.intensity = if details.intensity >= 10 {
            9
        } else {
            details.intensity + 1
        };
        doc.apply(update(&details), None).expect("taken");
        assert_eq!(doc.zones_revision(), doc.revision(), "intensity is drawn");
    }

    #[test]
    fn a_refused_addendum_leaves_no_undo_step() {
        let signed = crate::demo::demo_records()[0].1[0].clone();
        let mut doc = Document::new_unsaved(signed, None, "P".into());
        let addenda = doc.session().addenda.len();
        let refused = doc.append_addendum(
            &crate::demo::demo_key(),
            "   ",
            jiff::civil::date(2026, 12, 1).at(9, 0, 0, 0),
        );
        assert!(refused.is_err(), "an empty addendum is refused");
        assert!(!doc.history.has_pending(), "no change is pending");
        assert_eq!(doc.session().addenda.len(), addenda);
    }

    #[test]
    fn no_addendum_on_a_session_edited_after_signing() {
        let mut session = crate::demo::demo_records()[0].1[0].clone();
        session.notes.push_str(" (edited by hand)");
        let mut doc = Document::new_unsaved(session, None, "P".into());
        let error = doc
            .append_addendum(
                &crate::demo::demo_key(),
                "Reviewed",
                jiff::civil::date(2026, 12, 1).at(9, 0, 0, 0),
            )
            .expect_err("refused");
        assert!(error.contains("modified after signing"), "{error}");
        assert!(doc.session().addenda.len() <= 1, "nothing appended");
    }

    #[test]
    fn a_name_longer_than_the_format_takes_is_refused() {
        let mut doc = doc();
        let long = "N".repeat(crate::model::limits::NAME + 1);
        assert!(matches!(
            doc.apply(Edit::Set(Field::Clinician(long)), None),
            Err(Refusal::TooLong(_))
        ));
        assert_eq!(doc.session().clinician, "");
        let fits = "N".repeat(crate::model::limits::NAME);
        assert!(doc.apply(Edit::Set(Field::Clinician(fits)), None).is_ok());
    }

    #[test]
    fn a_number_outside_its_range_or_not_finite_is_refused_and_nothing_changes() {
        let mut doc = doc();
        let pain = Edit::Set(Field::PainBefore(Some(crate::model::PainScore(11))));
        let refused = doc.apply(pain, None).expect_err("refused");
        assert_eq!(
            refused.to_string(),
            "pain_before is 11, outside the range myomap takes there (0–10)"
        );
        let mut tp = crate::demo::heavy_session().trigger_points[0].clone();
        let drawn_at = tp.at;
        tp.pressure_pain_threshold = Some(f32::NAN);
        let refused = doc.apply(Edit::AddTriggerPoint(tp.clone()), None);
        assert!(
            matches!(refused, Err(Refusal::OutOfRange(_))),
            "{refused:?}"
        );
        tp.pressure_pain_threshold = Some(2.5);
        tp.at = crate::geometry::MapPoint::new(f32::INFINITY, 0.0);
        assert!(doc.apply(Edit::AddTriggerPoint(tp.clone()), None).is_err());
        assert!(doc.session().trigger_points.is_empty());
        assert_eq!(doc.session().pain_before, None);
        tp.at = drawn_at;
        assert_eq!(doc.apply(Edit::AddTriggerPoint(tp), None), Ok(()));
    }

    #[test]
    fn finds_the_library_of_a_session_file() {
        let path = Path::new("/clinic/lib/patients/abc/sessions/2026-01-02-12345678.ron");
        assert_eq!(storage::library_of(path), Some(Library::new("/clinic/lib")));
        assert_eq!(storage::library_of(Path::new("/tmp/loose.ron")), None);
    }
}
