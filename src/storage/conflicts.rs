//! Conflict copies: when two workstations change one file while they cannot see each other,
//! a sync engine keeps both, renaming one. Syncthing writes
//! `NAME.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.ron` (its documented naming); Dropbox-style
//! engines (Dropbox, Nextcloud, ownCloud) write `NAME (… conflicted copy …).ron`. myomap
//! recognises them by name so a conflict is reported as one, never read as a stray file or a
//! second visit.

use std::fmt;
use std::path::{Path, PathBuf};

use jiff::civil::DateTime;

use super::{DiskStamp, LoadError, SaveError, backup_path, load_session, save};
use crate::model::Session;

/// Which kind of engine made the copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyncEngine {
    Syncthing,
    /// Dropbox, Nextcloud, ownCloud and others that write "conflicted copy".
    ConflictedCopy,
}

/// A conflict copy of a session file, from its name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConflictCopy {
    pub path: PathBuf,
    /// The file it is a copy of (in the same folder; it may have been removed since).
    pub original: PathBuf,
    /// The device or account whose change the copy holds (Syncthing's short device id,
    /// Dropbox's account name), when the name says.
    pub device: Option<String>,
    /// When the conflict was found, in the engine's clock, when the name says.
    pub at: Option<DateTime>,
    pub engine: SyncEngine,
}

impl fmt::Display for ConflictCopy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let original = self
            .original
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        write!(f, "conflict copy of {original}")?;
        if let Some(device) = &self.device {
            write!(f, " from {device}")?;
        }
        if let Some(at) = &self.at {
            write!(f, " at {}", at.strftime("%Y-%m-%d %H:%M:%S"))?;
        }
        Ok(())
    }
}

/// The conflict copy `path` is, if its name is one.
pub fn conflict_copy(path: &Path) -> Option<ConflictCopy> {
    let name = path.file_name()?.to_str()?;
    let stem = name.strip_suffix(".ron")?;
    syncthing(path, stem).or_else(|| conflicted_copy(path, stem))
}

/// `NAME.sync-conflict-20261130-101112-ABCDEF7`.
fn syncthing(path: &Path, stem: &str) -> Option<ConflictCopy> {
    let (original, tail) = stem.split_once(".sync-conflict-")?;
    let mut parts = tail.splitn(3, '-');
    let (date, time) = (parts.next()?, parts.next()?);
    let device = parts.next().filter(|d| !d.is_empty()).map(str::to_owned);
    let at = DateTime::strptime("%Y%m%d %H%M%S", format!("{date} {time}")).ok();
    Some(ConflictCopy {
        path: path.to_owned(),
        original: path.with_file_name(format!("{original}.ron")),
        device,
        at,
        engine: SyncEngine::Syncthing,
    })
}

/// `NAME (Jane's conflicted copy 2026-11-30).ron`,
/// `NAME (conflicted copy 2026-11-30 101112).ron`.
fn conflicted_copy(path: &Path, stem: &str) -> Option<ConflictCopy> {
    let inner = stem.strip_suffix(')')?;
    let open = inner.rfind(" (")?;
    let (original, note) = (&inner[..open], &inner[open + 2..]);
    let at_word = note.find("conflicted copy")?;
    let who = note[..at_word].trim();
    let device = who
        .strip_suffix("'s")
        .or_else(|| who.strip_suffix("’s"))
        .map(str::to_owned)
        .filter(|d| !d.is_empty());
    let when = note[at_word + "conflicted copy".len()..].trim();
    let at = DateTime::strptime("%Y-%m-%d %H%M%S", when)
        .ok()
        .or_else(|| {
            jiff::civil::Date::strptime("%Y-%m-%d", when)
                .ok()
                .map(|d| d.at(0, 0, 0, 0))
        });
    Some(ConflictCopy {
        path: path.to_owned(),
        original: path.with_file_name(format!("{original}.ron")),
        device,
        at,
        engine: SyncEngine::ConflictedCopy,
    })
}

/// The version both workstations most likely started from: the file's backup (`NAME.bak`,
/// the version before this workstation's last save), when it is a version of the same visit
/// and differs from the conflict copy. `None` when there is no such file: the merge is then
/// two-way and every difference is the clinician's choice.
pub fn ancestor(original: &Path, copy: &Session) -> Option<Session> {
    let base = load_session(&backup_path(original)).ok()?;
    (base.id == copy.id && &base != copy).then_some(base)
}

/// Where a settled conflict's set-aside versions go: `patients/<id>/conflicts/`.
pub fn conflicts_dir(original: &Path) -> Option<PathBuf> {
    let patient = original.parent()?.parent()?;
    Some(patient.join(super::library_dirs::CONFLICTS))
}

/// Settles a conflict the clinician reconciled: `merged` replaces the visit's file (an
/// atomic save that refuses if the file changed since `expected`, its previous version kept
/// as `NAME.bak` as every save does), and both versions it came from are set aside in the
/// patient's `conflicts/` folder until discarded — the conflict copy moved there, and the
/// file's version before the merge written there — so nothing is lost. Returns the folder.
pub fn settle(
    copy: &ConflictCopy,
    merged: &Session,
    expected: DiskStamp,
) -> Result<PathBuf, SaveError> {
    let original = &copy.original;
    let folder = conflicts_dir(original)
        .ok_or_else(|| SaveError::io(original, std::io::ErrorKind::NotFound.into()))?;
    super::create_dir_all_private(&folder).map_err(|e| SaveError::io(&folder, e))?;
    let before = load_session(original).map_err(|error| match error {
        LoadError::Io { source, .. } => SaveError::io(original, source),
        other => SaveError::io(original, std::io::Error::other(other.to_string())),
    })?;
    let stem = original
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let stamp = jiff::ZonedDateTime::now()
        .strftime("%Y%m%d-%H%M%S")
        .to_string();
    let kept = folder.join(format!("{stem}.before-reconciling-{stamp}.ron"));
    save(&kept, &before, None)?;
    save(original, merged, Some(expected))?;
    let moved = folder.join(copy.path.file_name().unwrap_or_default());
    std::fs::rename(&copy.path, &moved).map_err(|e| SaveError::io(&copy.path, e))?;
    Ok(folder)
}

/// Settles a conflict without merging, as when a version is signed (a signed visit is never
/// merged into): the signed version stays the visit (at the original file name), the unsigned
/// one becomes a visit of its own with a new session id and file, and the conflict copy's
/// file is set aside in `conflicts/`. Two signed versions: the file's stays, the copy is set
/// aside. Returns the separate visit's file, when one was made.
pub fn keep_separate(copy: &ConflictCopy) -> Result<Option<PathBuf>, SaveError> {
    let read = |path: &Path| {
        super::load_stamped::<Session>(path).map_err(|error| match error {
            LoadError::Io { source, .. } => SaveError::io(path, source),
            other => SaveError::io(path, std::io::Error::other(other.to_string())),
        })
    };
    let original = &copy.original;
    let (ours, stamp) = read(original)?;
    let (theirs, _) = read(&copy.path)?;
    let folder = conflicts_dir(original)
        .ok_or_else(|| SaveError::io(original, std::io::ErrorKind::NotFound.into()))?;
    super::create_dir_all_private(&folder).map_err(|e| SaveError::io(&folder, e))?;
    let separate = match (ours.is_signed(), theirs.is_signed()) {
        (_, false) => Some(theirs),
        (false, true) => {
            // The signed version becomes the visit; the file's unsigned version its own.
            save(original, &theirs, Some(stamp))?;
            Some(ours)
        }
        (true, true) => None,
    };
    let made = match separate {
        Some(mut visit) => {
            visit.id = crate::model::SessionId::random();
            let dir = original.parent().unwrap_or(Path::new("."));
            let path = dir.join(super::Library::session_file_name(&visit));
            if path.exists() {
                return Err(SaveError::io(
                    &path,
                    std::io::ErrorKind::AlreadyExists.into(),
                ));
            }
            save(&path, &visit, None)?;
            Some(path)
        }
        None => None,
    };
    let moved = folder.join(copy.path.file_name().unwrap_or_default());
    std::fs::rename(&copy.path, &moved).map_err(|e| SaveError::io(&copy.path, e))?;
    Ok(made)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syncthing_names_give_the_original_the_device_and_the_time() {
        let copy = conflict_copy(Path::new(
            "/lib/patients/x/sessions/2026-09-07-846ab283.sync-conflict-20261130-101112-ABCDEF7.ron",
        ))
        .expect("a conflict copy");
        assert_eq!(copy.engine, SyncEngine::Syncthing);
        assert_eq!(
            copy.original,
            Path::new("/lib/patients/x/sessions/2026-09-07-846ab283.ron")
        );
        assert_eq!(
            copy.to_string(),
            "conflict copy of 2026-09-07-846ab283.ron from ABCDEF7 at 2026-11-30 10:11:12"
        );
    }

    #[test]
    fn dropbox_and_nextcloud_names_are_conflict_copies_too() {
        let dropbox = conflict_copy(Path::new(
            "s/2026-09-07-846ab283 (Ana Lopes's conflicted copy 2026-11-30).ron",
        ))
        .expect("Dropbox");
        assert_eq!(
            dropbox.to_string(),
            "conflict copy of 2026-09-07-846ab283.ron from Ana Lopes at 2026-11-30 00:00:00"
        );
        let nextcloud = conflict_copy(Path::new(
            "s/2026-09-07-846ab283 (conflicted copy 2026-11-30 101112).ron",
        ))
        .expect("Nextcloud");
        assert_eq!(nextcloud.device, None);
        assert_eq!(
            nextcloud.to_string(),
            "conflict copy of 2026-09-07-846ab283.ron at 2026-11-30 10:11:12"
        );
    }

    #[test]
    fn ordinary_session_names_are_not_conflicts() {
        for name in [
            "2026-09-07-846ab283.ron",
            "2026-09-07-846ab283.ron.bak",
            "notes (draft).ron",
            "2026-09-07-846ab283.sync-conflict.txt",
        ] {
            assert_eq!(conflict_copy(Path::new(name)), None, "{name}");
        }
    }
}
