//! Reading and writing myomap's files: the RON codec with its format versions, atomic saves
//! with backups, and the layout of a library folder. No egui here.

mod atomic;
mod codec;
pub mod conflicts;
mod error;
mod library;
pub mod lock;
mod recovery;
mod regular;

pub use atomic::{
    DiskStamp, STALE_TEMP_AGE, backup_path, remove_stale_temps, replace_atomically,
    write_atomically, write_atomically_with,
};
pub use codec::{
    DecodeError, MAX_FILE_BYTES, Versioned, decode, decode_bytes, encode, line_col, locate,
    parse_ron, read_version, text_of,
};
pub use error::{LoadError, SaveError, shown};
pub use library::{
    Library, LibraryScan, PatientEntry, SessionEntry, create_dir_all_private, dirs as library_dirs,
    keep_private, library_of, make_private,
};
pub use recovery::{RECOVERY_FORMAT_VERSION, RecoveryRecord, RecoveryStore};
pub use regular::{open_regular, read_small_text, regular_metadata};

use std::path::Path;

use crate::model::{Patient, Session};

/// The session file format this build writes, and the newest it reads.
pub const SESSION_FORMAT_VERSION: u32 = 4;
/// The patient file format this build writes, and the newest it reads.
pub const PATIENT_FORMAT_VERSION: u32 = 2;

impl Versioned for Session {
    const CURRENT: u32 = SESSION_FORMAT_VERSION;

    fn decode_version(version: u32, text: &str) -> Result<Self, DecodeError> {
        match version {
            // Version 2 added the record (screening, consent, needle count, adverse events,
            // aftercare, signature, addenda, safety warnings), every field with a default: a
            // version 1 file is a version 2 file without them. A later version that changes
            // existing fields keeps a frozen copy of the old structs and converts them here.
            // Version 3 added the clinicians' signatures (`seal`) on the signature and the
            // addenda, optional: a version 2 file is a version 3 file without them.
            // Version 4 added the outcome measures (`outcomes`), empty by default: a version 3
            // file is a version 4 visit where none were taken.
            1..=4 => {
                let mut session: Session = codec::parse_ron(text)?;
                session.format_version = SESSION_FORMAT_VERSION;
                refuse_too_long(crate::model::limits::session(&session), text)?;
                Ok(session)
            }
            other => Err(DecodeError::unknown_version(other, text)),
        }
    }
}

impl Versioned for Patient {
    const CURRENT: u32 = PATIENT_FORMAT_VERSION;

    fn decode_version(version: u32, text: &str) -> Result<Self, DecodeError> {
        match version {
            // Version 2 added the history of changes to the details (`changes`), empty by
            // default: a version 1 file is a version 2 patient never edited.
            1 | 2 => {
                let mut patient: Patient = codec::parse_ron(text)?;
                patient.format_version = PATIENT_FORMAT_VERSION;
                refuse_too_long(crate::model::limits::patient(&patient), text)?;
                Ok(patient)
            }
            other => Err(DecodeError::unknown_version(other, text)),
        }
    }
}

/// A short field over its limit, as a decode error at the field's value.
fn refuse_too_long(
    too_long: Option<crate::model::limits::TooLong>,
    text: &str,
) -> Result<(), DecodeError> {
    let Some(too_long) = too_long else {
        return Ok(());
    };
    let (line, col) = locate(text, &too_long.start).unwrap_or((1, 1));
    Err(DecodeError::Syntax {
        line,
        col,
        message: too_long.to_string(),
    })
}

/// Reads and decodes a file of kind `T`, older formats migrated.
pub fn load<T: Versioned>(path: &Path) -> Result<T, LoadError> {
    let bytes = read_bounded(path)?;
    decode_bytes(&bytes).map_err(|error| LoadError::decode(path, error))
}

/// Reads a file once and returns it decoded, with the stamp of exactly the bytes read (to
/// detect, at save time, a change made elsewhere).
pub fn load_stamped<T: Versioned>(path: &Path) -> Result<(T, DiskStamp), LoadError> {
    let modified = regular_metadata(path)
        .map_err(|source| LoadError::io(path, source))?
        .modified()
        .ok();
    let bytes = read_bounded(path)?;
    let value = decode_bytes(&bytes).map_err(|error| LoadError::decode(path, error))?;
    Ok((value, DiskStamp::from_contents(modified, &bytes)))
}

/// Reads and decodes a session file.
pub fn load_session(path: &Path) -> Result<Session, LoadError> {
    load(path)
}

/// Reads and decodes a patient file.
pub fn load_patient(path: &Path) -> Result<Patient, LoadError> {
    load(path)
}

/// Saves `value` atomically at `path` in the current format, keeping the previous file as
/// `NAME.ron.bak`. When `expected` is given and the file on disk no longer matches it (another
/// workstation saved in between), nothing is written.
pub fn save<T: Versioned>(
    path: &Path,
    value: &T,
    expected: Option<DiskStamp>,
) -> Result<DiskStamp, SaveError> {
    if let Some(expected) = expected {
        match DiskStamp::of(path).map_err(|source| SaveError::io(path, source))? {
            Some(now) if now == expected => {}
            Some(_) => {
                return Err(SaveError::ChangedOnDisk {
                    path: path.to_owned(),
                });
            }
            None => {
                return Err(SaveError::DeletedOnDisk {
                    path: path.to_owned(),
                });
            }
        }
    }
    let text = encode(value).map_err(|message| SaveError::Encode {
        path: path.to_owned(),
        message,
    })?;
    write_atomically(path, text.as_bytes()).map_err(|source| SaveError::io(path, source))?;
    // The stamp of what was just written: a stat, not a second read of the file.
    let modified = std::fs::metadata(path)
        .map_err(|source| SaveError::io(path, source))?
        .modified()
        .ok();
    Ok(DiskStamp::from_contents(modified, text.as_bytes()))
}

/// Reads a whole regular file, refusing one too large to be a myomap file, and anything that
/// is not a regular file (a named pipe, a device, a folder) before opening it.
pub fn read_bounded(path: &Path) -> Result<Vec<u8>, LoadError> {
    use std::io::Read as _;
    let file = open_regular(path).map_err(|source| LoadError::io(path, source))?;
    let len = file
        .metadata()
        .map_err(|source| LoadError::io(path, source))?
        .len();
    if len > MAX_FILE_BYTES {
        return Err(LoadError::decode(
            path,
            DecodeError::TooLarge { bytes: len },
        ));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| LoadError::io(path, source))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::decode(
            path,
            DecodeError::TooLarge {
                bytes: bytes.len() as u64,
            },
        ));
    }
    Ok(bytes)
}
