//! Opening only what myomap can read: regular files (a link to one is followed). A named
//! pipe, device, socket or folder is refused before it is opened, with words saying what it
//! is: opening a named pipe would block until something writes to it.

use std::fs::{File, Metadata};
use std::io::{self, Read as _};
use std::path::Path;

/// What a path is, when it is not a regular file.
fn kind(meta: &Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        let file_type = meta.file_type();
        if file_type.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if file_type.is_socket() {
            return "a socket";
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return "a device";
        }
    }
    if meta.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

/// The error for a path that is not a regular file.
fn not_regular(meta: &Metadata) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!(
            "this is {}, not a file; myomap reads only regular files",
            kind(meta)
        ),
    )
}

/// The metadata of `path` (following links) if it is a regular file; an error saying what it
/// is otherwise.
pub fn regular_metadata(path: &Path) -> io::Result<Metadata> {
    let meta = std::fs::metadata(path)?;
    if meta.is_file() {
        Ok(meta)
    } else {
        Err(not_regular(&meta))
    }
}

/// Opens `path` for reading if it is a regular file, without ever blocking on a special file.
pub fn open_regular(path: &Path) -> io::Result<File> {
    regular_metadata(path)?;
    let file = File::open(path)?;
    // Replaced between the look and the open: look again at what was opened.
    let meta = file.metadata()?;
    if meta.is_file() {
        Ok(file)
    } else {
        Err(not_regular(&meta))
    }
}

/// Reads a small regular file (a lock, a template) as text, without a leading UTF-8
/// byte-order mark; one longer than `limit` bytes is refused, never cut short.
pub fn read_small_text(path: &Path, limit: u64) -> io::Result<String> {
    let mut bytes = Vec::new();
    open_regular(path)?
        .take(limit + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("larger than {limit} bytes; this is not a file myomap wrote"),
        ));
    }
    // The same reading rules as every myomap file: UTF-8, with or without a byte-order mark,
    // and one line saying so for any other encoding.
    super::codec::text_of(&bytes)
        .map(str::to_owned)
        .map_err(|error| io::Error::new(io::ErrorKind::InvalidData, error.to_string()))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_named_pipe_is_refused_without_blocking() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("x.ron");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
        let error = open_regular(&fifo).expect_err("refused");
        assert_eq!(error.kind(), io::ErrorKind::InvalidInput);
        assert!(error.to_string().contains("a named pipe (FIFO)"), "{error}");
        let folder = open_regular(dir.path()).expect_err("refused");
        assert!(folder.to_string().contains("a folder"), "{folder}");
    }
}
