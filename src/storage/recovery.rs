//! Crash recovery: unsaved work is copied every few seconds to a recovery file in the user's
//! data folder, one per session, and offered again at the next start. A recovery file is
//! removed when its session is saved, closed or discarded.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::atomic::replace_atomically;
use super::codec::{self, DecodeError, Versioned};
use super::library::create_dir_all_private;
use super::lock::LockInfo;
use super::{DiskStamp, LoadError, SaveError};
use crate::model::{Session, SessionId};

pub const RECOVERY_FORMAT_VERSION: u32 = 1;

/// The unsaved state of one session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecoveryRecord {
    pub format_version: u32,
    /// Local time the record was written.
    pub written_at: jiff::civil::DateTime,
    /// The myomap that wrote it: a record of an instance still running is not offered.
    pub writer: LockInfo,
    /// The session file being edited; `None` for a session never saved.
    pub original: Option<PathBuf>,
    /// The original file as it was when opened, to detect changes made since.
    pub original_stamp: Option<DiskStamp>,
    /// The library a never-saved session belongs to.
    pub library: Option<PathBuf>,
    pub patient_name: String,
    pub session: Session,
}

impl Versioned for RecoveryRecord {
    const CURRENT: u32 = RECOVERY_FORMAT_VERSION;

    fn decode_version(version: u32, text: &str) -> Result<Self, DecodeError> {
        match version {
            1 => codec::parse_ron(text),
            other => Err(DecodeError::unknown_version(other, text)),
        }
    }
}

/// The folder of recovery files.
#[derive(Clone, Debug)]
pub struct RecoveryStore {
    dir: PathBuf,
}

impl RecoveryStore {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    pub fn path_for(&self, session: SessionId) -> PathBuf {
        self.dir.join(format!("{session}.ron"))
    }

    /// Writes (or replaces) the recovery file of `record.session`, atomically.
    pub fn write(&self, record: &RecoveryRecord) -> Result<PathBuf, SaveError> {
        let path = self.path_for(record.session.id);
        create_dir_all_private(&self.dir).map_err(|e| SaveError::io(&path, e))?;
        let text = codec::encode(record).map_err(|message| SaveError::Encode {
            path: path.clone(),
            message,
        })?;
        replace_atomically(&path, text.as_bytes()).map_err(|e| SaveError::io(&path, e))?;
        Ok(path)
    }

    /// Removes the recovery file of a session, if there is one.
    pub fn remove(&self, session: SessionId) -> std::io::Result<()> {
        match std::fs::remove_file(self.path_for(session)) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(error),
            _ => Ok(()),
        }
    }

    /// Every recovery record, oldest first, and the files that could not be read.
    pub fn list(&self) -> (Vec<(PathBuf, RecoveryRecord)>, Vec<LoadError>) {
        let mut records = Vec::new();
        let mut problems = Vec::new();
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return (records, problems);
        };
        for path in entries.filter_map(Result::ok).map(|e| e.path()) {
            let is_record = path.extension().is_some_and(|e| e == "ron")
                && !path
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if !is_record {
                continue;
            }
            match super::load::<RecoveryRecord>(&path) {
                Ok(record) => records.push((path, record)),
                Err(error) => problems.push(error),
            }
        }
        records.sort_by_key(|(_, record)| record.written_at);
        (records, problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PatientId;

    #[test]
    fn records_round_trip_and_are_removed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = RecoveryStore::new(dir.path().join("recovery"));
        let started = jiff::civil::date(2026, 1, 2).at(9, 0, 0, 0);
        let mut session = Session::new(SessionId::from_u128(5), PatientId::from_u128(6), started);
        session.notes = "typed before the crash".into();
        let record = RecoveryRecord {
            format_version: RECOVERY_FORMAT_VERSION,
            written_at: started,
            writer: LockInfo::current(),
            original: Some(PathBuf::from("/lib/patients/x/sessions/a.ron")),
            original_stamp: None,
            library: None,
            patient_name: "P".into(),
            session,
        };
        let path = store.write(&record).expect("written");
        store.write(&record).expect("replaced");
        let (records, problems) = store.list();
        assert!(problems.is_empty());
        assert_eq!(records, vec![(path, record.clone())]);
        store.remove(record.session.id).expect("removed");
        store
            .remove(record.session.id)
            .expect("removing twice is fine");
        assert!(store.list().0.is_empty());
    }

    #[test]
    fn a_broken_record_is_reported_not_skipped() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = RecoveryStore::new(dir.path());
        std::fs::write(dir.path().join("x.ron"), "(format_version: 1,").expect("write");
        let (records, problems) = store.list();
        assert!(records.is_empty());
        assert_eq!(problems.len(), 1);
    }
}
