//! Advisory locks for sessions open for editing: `NAME.ron.lock` beside the session, holding
//! who has it open (host, user, process, since when). Another workstation or instance that
//! finds the lock opens the session read-only unless the user explicitly takes it over.
//!
//! The lock is advisory: it warns people, it cannot stop a program that ignores it. The save
//! itself is still protected by the on-disk stamp check.

use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::atomic::{owner_only_options, replace_atomically};
use super::codec;

/// Who holds a lock.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockInfo {
    pub host: String,
    pub user: String,
    pub pid: u32,
    /// Local time the session was opened, ISO 8601.
    pub since: String,
}

impl LockInfo {
    /// This process, now.
    pub fn current() -> Self {
        let since = jiff::ZonedDateTime::now()
            .datetime()
            .strftime("%Y-%m-%d %H:%M")
            .to_string();
        Self {
            host: host_name(),
            user: user_name(),
            pid: std::process::id(),
            since,
        }
    }

    /// Whether this lock was taken by this very process.
    pub fn is_ours(&self) -> bool {
        self.host == host_name() && self.pid == std::process::id()
    }

    /// Whether the lock was left by a process of this host that is no longer running (a
    /// crash). Locks of other hosts are never assumed stale: only the user can tell.
    pub fn is_stale(&self) -> bool {
        self.host == host_name() && !self.is_ours() && !process_alive(self.pid)
    }

    /// Whether another process of this host, still running, holds this.
    pub fn is_live_elsewhere(&self) -> bool {
        self.host == host_name() && !self.is_ours() && process_alive(self.pid)
    }

    /// "open on HOST by USER since TIME".
    pub fn describe(&self) -> String {
        format!(
            "open on {} by {} since {}",
            self.host, self.user, self.since
        )
    }
}

/// A lock held by this process; removed when dropped.
#[derive(Debug)]
pub struct SessionLock {
    path: PathBuf,
}

impl SessionLock {
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        // Only remove the lock if it is still ours (nobody took it over).
        if read_lock(&self.path).is_some_and(|info| info.is_ours()) {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Why a lock could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("{}", .0.describe())]
    HeldBy(LockInfo),
    #[error("could not create the lock file: {0}")]
    Io(#[from] io::Error),
}

/// `session.ron` → `session.ron.lock`.
pub fn lock_path(session_path: &Path) -> PathBuf {
    let mut name = session_path.file_name().unwrap_or_default().to_owned();
    name.push(".lock");
    session_path.with_file_name(name)
}

/// Takes the lock of a session file, unless someone else holds it.
pub fn acquire(session_path: &Path) -> Result<SessionLock, LockError> {
    let path = lock_path(session_path);
    let info = LockInfo::current();
    let text = codec::encode(&info).map_err(io::Error::other)?;
    match owner_only_options().open(&path) {
        Ok(mut file) => {
            file.write_all(text.as_bytes())?;
            file.sync_all()?;
            Ok(SessionLock { path })
        }
        // Held, even if by this very process: a session is open for editing once.
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => match read_lock(&path) {
            Some(holder) => Err(LockError::HeldBy(holder)),
            // An unreadable lock file (half-written by a crash): treat it as held by
            // someone unknown, so the user decides.
            None => Err(LockError::HeldBy(LockInfo {
                host: "an unknown workstation".to_owned(),
                user: "unknown".to_owned(),
                pid: 0,
                since: "an unknown time".to_owned(),
            })),
        },
        Err(error) => Err(LockError::Io(error)),
    }
}

/// Takes the lock over from whoever holds it (the user chose to).
pub fn take_over(session_path: &Path) -> Result<SessionLock, LockError> {
    let path = lock_path(session_path);
    let text = codec::encode(&LockInfo::current()).map_err(io::Error::other)?;
    replace_atomically(&path, text.as_bytes())?;
    Ok(SessionLock { path })
}

/// Who holds the lock of a session file, if anyone.
pub fn holder(session_path: &Path) -> Option<LockInfo> {
    read_lock(&lock_path(session_path))
}

/// Someone other than this process who has the session open, as far as the files show: the
/// lock's holder, or the holder of a sync engine's conflict copy of the lock (two
/// workstations that opened the visit before either's lock reached the other each wrote
/// one; the engine kept both).
pub fn other_holder(session_path: &Path) -> Option<LockInfo> {
    let own = lock_path(session_path);
    if let Some(holder) = read_lock(&own).filter(|h| !h.is_ours()) {
        return Some(holder);
    }
    let name = own.file_name()?.to_str()?.to_owned();
    let stem = name.strip_suffix(".lock")?.to_owned();
    std::fs::read_dir(own.parent()?)
        .ok()?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| is_conflict_copy_of_lock(n, &stem))
        })
        .filter_map(|path| read_lock(&path))
        .find(|holder| !holder.is_ours())
}

/// `NAME.ron.sync-conflict-…lock` (Syncthing) or `NAME.ron (… conflicted copy …).lock`.
fn is_conflict_copy_of_lock(file: &str, stem: &str) -> bool {
    file.strip_prefix(stem).is_some_and(|rest| {
        rest.ends_with(".lock")
            && (rest.starts_with(".sync-conflict-") || rest.contains("conflicted copy"))
    })
}

fn read_lock(path: &Path) -> Option<LockInfo> {
    let text = super::read_small_text(path, 64 * 1024).ok()?;
    codec::parse_ron(&text).ok()
}

fn host_name() -> String {
    gethostname::gethostname()
        .to_string_lossy()
        .trim()
        .to_owned()
}

fn user_name() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|var| std::env::var(var).ok().filter(|v| !v.is_empty()))
        .unwrap_or_else(|| "an unknown user".to_owned())
}

/// Whether a process of this host is running. Where that cannot be told, it is assumed to
/// be, so a lock is never broken on a guess.
fn process_alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new(&format!("/proc/{pid}")).exists()
    } else {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_holder_is_refused_and_told_who() {
        let dir = tempfile::tempdir().expect("temp dir");
        let session = dir.path().join("s.ron");
        let lock = acquire(&session).expect("first lock");
        // Not even this process opens it for editing twice.
        assert!(matches!(acquire(&session), Err(LockError::HeldBy(h)) if h.is_ours()));

        // Simulate another workstation.
        let other = LockInfo {
            host: "reception-pc".into(),
            user: "sam".into(),
            pid: 4242,
            since: "2026-11-25 09:12".into(),
        };
        std::fs::write(lock_path(&session), codec::encode(&other).expect("encodes"))
            .expect("write");
        match acquire(&session) {
            Err(LockError::HeldBy(holder)) => {
                assert_eq!(holder, other);
                assert!(
                    !holder.is_stale(),
                    "another host's lock is never assumed stale"
                );
                assert_eq!(
                    holder.describe(),
                    "open on reception-pc by sam since 2026-11-25 09:12"
                );
            }
            other => panic!("expected HeldBy, got {other:?}"),
        }
        // Our old handle must not delete the other workstation's lock.
        drop(lock);
        assert!(lock_path(&session).exists());

        let taken = take_over(&session).expect("take over");
        assert!(holder(&session).is_some_and(|h| h.is_ours()));
        drop(taken);
        assert!(!lock_path(&session).exists(), "released on drop");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_dead_process_on_this_host_leaves_a_stale_lock() {
        let mut info = LockInfo::current();
        info.pid = u32::MAX - 1;
        assert!(info.is_stale());
        assert!(!LockInfo::current().is_stale());
    }

    #[test]
    fn a_garbled_lock_counts_as_held() {
        let dir = tempfile::tempdir().expect("temp dir");
        let session = dir.path().join("s.ron");
        std::fs::write(lock_path(&session), "(host: \"x").expect("write");
        assert!(matches!(acquire(&session), Err(LockError::HeldBy(_))));
    }
}
