//! Conflict copies: when two workstations change one file while they cannot see each other,
//! a sync engine keeps both, renaming one. Syncthing writes
//! `NAME.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.ron` (its documented naming); Dropbox-style
//! engines (Dropbox, Nextcloud, ownCloud) write `NAME (… conflicted copy …).ron`. myomap
//! recognises them by name so a conflict is reported as one, never read as a stray file or a
//! second visit.

use std::fmt;
use std::path::{Path, PathBuf};

use jiff::civil::DateTime;

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
