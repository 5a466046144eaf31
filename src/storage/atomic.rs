//! Atomic file replacement: write a temporary file beside the target, sync it, keep the old
//! file as `NAME.bak`, rename the new one into place, sync the folder. A crash or a failed
//! write at any point leaves the previous file intact.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What a file looked like on disk when it was read or written: compared before saving so a
/// file changed by someone else is never overwritten blindly. The content hash catches
/// changes that keep the length within one tick of a coarse clock (FAT, some network shares).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DiskStamp {
    pub modified: Option<SystemTime>,
    pub len: u64,
    /// FNV-1a of the bytes: stable across runs and versions, unlike std's hasher.
    pub content: u64,
}

impl DiskStamp {
    /// The stamp of `path`, or `None` if it does not exist.
    pub fn of(path: &Path) -> io::Result<Option<Self>> {
        let meta = match fs::metadata(path) {
            Ok(meta) => meta,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(error),
        };
        if !meta.is_file() {
            // Whatever took the file's place (a folder, a named pipe) is not read, let alone
            // replaced: the save reports it.
            return super::regular_metadata(path).map(|_| None);
        }
        match fs::read(path) {
            Ok(bytes) => Ok(Some(Self::from_contents(meta.modified().ok(), &bytes))),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(error),
        }
    }

    /// The stamp of a file whose bytes are at hand (just read or just written).
    pub fn from_contents(modified: Option<SystemTime>, bytes: &[u8]) -> Self {
        Self {
            modified,
            len: bytes.len() as u64,
            content: fnv1a(bytes),
        }
    }
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// `session.ron` → `session.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(".bak");
    path.with_file_name(name)
}

/// Replaces `path` with `contents` atomically, keeping the previous version as a backup.
/// New files are readable by their owner only.
pub fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    write_atomically_with(path, |file| file.write_all(contents))
}

/// Replaces `path` with `contents` atomically, without keeping a backup (for files the app
/// owns, such as recovery and lock files).
pub fn replace_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    write_with(path, false, |file| file.write_all(contents))
}

/// [`write_atomically`] with the writing step supplied (lets tests make it fail).
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    write_with(path, true, write)
}

fn write_with(
    path: &Path,
    keep_previous: bool,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let file_name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?;
    if path.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "the path is a folder",
        ));
    }
    if path.exists() {
        // Never replace a named pipe, a device or a socket with a file.
        super::regular_metadata(path)?;
    }

    let (temp_path, mut temp) = create_temp(dir, file_name)?;
    let result = (|| {
        write(&mut temp)?;
        temp.sync_all()?;
        drop(temp);
        if keep_previous && path.exists() {
            keep_backup(path)?;
        }
        fs::rename(&temp_path, path)?;
        sync_dir(dir);
        Ok(())
    })();
    if result.is_err() {
        // Best effort: the temporary file is ours and useless now.
        let _ = fs::remove_file(&temp_path);
    }
    result
}

fn create_temp(dir: &Path, file_name: &std::ffi::OsStr) -> io::Result<(PathBuf, File)> {
    let pid = std::process::id();
    for attempt in 0..100u32 {
        let nanos = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let mut name = std::ffi::OsString::from(".");
        name.push(file_name);
        name.push(format!(".{pid}-{nanos:x}-{attempt}.tmp"));
        let temp_path = dir.join(name);
        match owner_only_options().open(&temp_path) {
            Ok(file) => return Ok((temp_path, file)),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {}
            Err(error) => return Err(error),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "could not create a temporary file",
    ))
}

/// Options that create a new file readable and writable by its owner only.
pub(crate) fn owner_only_options() -> OpenOptions {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    options
}

/// Makes `NAME.bak` a copy of the current `NAME` (a hard link where the file system allows,
/// so it is instant and takes no space). The new backup is made under a temporary name and
/// renamed over the old one, so a backup exists at every moment, whenever the process dies.
fn keep_backup(path: &Path) -> io::Result<()> {
    let backup = backup_path(path);
    let dir = backup.parent().unwrap_or(Path::new("."));
    let mut temp_name = std::ffi::OsString::from(".");
    temp_name.push(backup.file_name().unwrap_or_default());
    temp_name.push(format!(".{}.tmp", std::process::id()));
    let temp = dir.join(temp_name);
    let _ = fs::remove_file(&temp);
    let made = fs::hard_link(path, &temp).or_else(|_| {
        fs::copy(path, &temp)?;
        File::open(&temp)?.sync_all()
    });
    if let Err(error) = made.and_then(|()| fs::rename(&temp, &backup)) {
        let _ = fs::remove_file(&temp);
        return Err(error);
    }
    Ok(())
}

/// A save's temporary file untouched this long was left by a process that died mid-save: a
/// save takes milliseconds, even from another workstation over a network share.
pub const STALE_TEMP_AGE: std::time::Duration = std::time::Duration::from_secs(10 * 60);

/// Whether `name` is exactly one of the temporary files a save makes:
/// `.NAME.ron.PID-NANOS-N.tmp`, or `.NAME.ron.bak.PID.tmp` for the backup.
fn is_save_temp(name: &str) -> bool {
    let Some(inner) = name.strip_prefix('.').and_then(|n| n.strip_suffix(".tmp")) else {
        return false;
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let hex = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_hexdigit());
    if let Some((_, pid)) = inner.rsplit_once(".ron.bak.") {
        return digits(pid);
    }
    let Some((_, tail)) = inner.rsplit_once(".ron.") else {
        return false;
    };
    let parts: Vec<&str> = tail.split('-').collect();
    matches!(parts[..], [pid, nanos, n] if digits(pid) && hex(nanos) && digits(n))
}

/// When a file last changed, as far as its inode knows: the later of its modification and
/// its status change (a new hard link to an old file changes only the latter).
fn last_change(meta: &fs::Metadata) -> Option<SystemTime> {
    let modified = meta.modified().ok();
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        let changed = u64::try_from(meta.ctime())
            .ok()
            .map(|secs| SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(secs));
        modified.max(changed)
    }
    #[cfg(not(unix))]
    modified
}

/// Removes, from `dir`, the temporary files of saves that never finished (older than
/// [`STALE_TEMP_AGE`]): full copies a crash left behind. The session file and its backup are
/// what count; unsaved work is in the crash-recovery copy. Returns the files removed.
pub fn remove_stale_temps(dir: &Path) -> Vec<PathBuf> {
    remove_temps_older_than(dir, STALE_TEMP_AGE)
}

/// [`remove_stale_temps`] with the age given.
fn remove_temps_older_than(dir: &Path, age: std::time::Duration) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let stale = entry.file_name().to_str().is_some_and(is_save_temp)
            && entry.metadata().is_ok_and(|meta| {
                meta.is_file()
                    && last_change(&meta)
                        .and_then(|at| at.elapsed().ok())
                        .is_some_and(|elapsed| elapsed > age)
            });
        if stale && fs::remove_file(&path).is_ok() {
            removed.push(path);
        }
    }
    removed
}

/// Makes the rename durable. Not every platform can open a folder; that is not an error.
fn sync_dir(dir: &Path) {
    if let Ok(handle) = File::open(dir) {
        let _ = handle.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_and_keeps_backup() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.ron");
        write_atomically(&path, b"one").expect("first write");
        assert!(!backup_path(&path).exists(), "no backup of a new file");
        write_atomically(&path, b"two").expect("second write");
        assert_eq!(fs::read(&path).expect("read"), b"two");
        assert_eq!(fs::read(backup_path(&path)).expect("read bak"), b"one");
        write_atomically(&path, b"three").expect("third write");
        assert_eq!(fs::read(backup_path(&path)).expect("read bak"), b"two");
    }

    #[test]
    fn only_stale_save_temporaries_are_removed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let make = |name: &str| {
            let path = dir.path().join(name);
            fs::write(&path, b"x").expect("write");
            path
        };
        let crashed = make(".2026-09-07-846ab283.ron.4242-1a2b-0.tmp");
        let crashed_backup = make(".2026-09-07-846ab283.ron.bak.4242.tmp");
        let session = make("2026-09-07-846ab283.ron");
        let someone_elses = make(".report.ron.draft.tmp");
        let editor = make(".notes.tmp");
        // Older than the age given, by the inode's clock (its status change counts too, so
        // an old file freshly hard-linked is young).
        std::thread::sleep(std::time::Duration::from_millis(2_100));
        let running = make(".2026-09-07-846ab283.ron.4343-1a2b-0.tmp");
        let removed = remove_temps_older_than(dir.path(), std::time::Duration::from_secs(1));
        assert_eq!(removed.len(), 2, "{removed:?}");
        assert!(!crashed.exists() && !crashed_backup.exists());
        assert!(running.exists(), "a save in progress keeps its file");
        assert!(session.exists() && someone_elses.exists() && editor.exists());
        assert!(is_save_temp(".a b.ron.12-ff-0.tmp"));
        assert!(!is_save_temp(".a.ron.12-zz-0.tmp"));
        assert!(!is_save_temp(".a.ron.bak.x1.tmp"));
    }

    #[test]
    fn failed_write_leaves_old_file_and_no_temp() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.ron");
        write_atomically(&path, b"precious").expect("first write");
        let error = write_atomically_with(&path, |file| {
            file.write_all(b"half a fi")?;
            Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"))
        })
        .expect_err("the write fails");
        assert_eq!(error.kind(), io::ErrorKind::StorageFull);
        assert_eq!(fs::read(&path).expect("read"), b"precious");
        let names: Vec<_> = fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("a.ron")]);
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_owner_only() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.ron");
        write_atomically(&path, b"x").expect("write");
        let mode = fs::metadata(&path).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn stamp_sees_a_same_length_change_within_one_clock_tick() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.ron");
        fs::write(&path, "pain_after: Some(5)").expect("write");
        let before = DiskStamp::of(&path).expect("stamp");
        let modified = fs::metadata(&path)
            .and_then(|m| m.modified())
            .expect("mtime");
        fs::write(&path, "pain_after: Some(6)").expect("write");
        // As on a file system whose clock did not tick between the two writes.
        fs::File::options()
            .write(true)
            .open(&path)
            .and_then(|f| f.set_modified(modified))
            .expect("set mtime");
        assert_ne!(DiskStamp::of(&path).expect("stamp"), before);
    }

    #[test]
    fn stamp_changes_when_file_changes() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.ron");
        assert_eq!(DiskStamp::of(&path).expect("stamp"), None);
        write_atomically(&path, b"x").expect("write");
        let first = DiskStamp::of(&path).expect("stamp");
        write_atomically(&path, b"longer").expect("write");
        assert_ne!(DiskStamp::of(&path).expect("stamp"), first);
    }
}
