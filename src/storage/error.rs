//! Errors of loading and saving, each naming its file.

use std::path::{Path, PathBuf};

use super::DecodeError;

/// A file that could not be loaded. Displays as `PATH:LINE:COL: message` when the problem has
/// a position, `PATH: message` otherwise: one line, the form editors and `check` use.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: {}", shown(path), io_message(source))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}", positioned(path, error))]
    Decode { path: PathBuf, error: DecodeError },
    /// Two files claim to be the same record (a copied file, a sync tool's duplicate).
    #[error(
        "{}: has the same id as {} (a copied file?); both are listed, check which is right",
        shown(path),
        shown(other)
    )]
    DuplicateId { path: PathBuf, other: PathBuf },
    /// A sync engine's conflict copy: two workstations changed one visit apart.
    #[error(
        "{}: {copy}: two workstations changed this visit while apart; both versions are listed, keep what is right",
        shown(&copy.path)
    )]
    ConflictCopy {
        copy: super::conflicts::ConflictCopy,
    },
}

impl LoadError {
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        Self::Io {
            path: path.to_owned(),
            source,
        }
    }

    pub fn decode(path: &Path, error: DecodeError) -> Self {
        Self::Decode {
            path: path.to_owned(),
            error,
        }
    }

    pub fn path(&self) -> &Path {
        match self {
            Self::Io { path, .. } | Self::Decode { path, .. } | Self::DuplicateId { path, .. } => {
                path
            }
            Self::ConflictCopy { copy } => &copy.path,
        }
    }

    /// The message without the path.
    pub fn message(&self) -> String {
        match self {
            Self::Io { source, .. } => io_message(source),
            Self::Decode { error, .. } => error.to_string(),
            Self::DuplicateId { other, .. } => {
                format!("has the same id as {}", shown(other))
            }
            Self::ConflictCopy { copy } => copy.to_string(),
        }
    }
}

fn positioned(path: &Path, error: &DecodeError) -> String {
    match error.position() {
        Some((line, col)) => format!("{}:{line}:{col}: {error}", shown(path)),
        None => format!("{}: {error}", shown(path)),
    }
}

/// A path for a one-line message: control characters in a file name (a newline, a tab) are
/// written as escapes, so a message never splits over lines.
pub fn shown(path: &Path) -> String {
    path.display()
        .to_string()
        .chars()
        .flat_map(|c| {
            if c.is_control() {
                c.escape_default().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

/// Plain words for the I/O errors clinicians meet.
pub(crate) fn io_message(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => "no such file or folder".to_owned(),
        ErrorKind::PermissionDenied => "permission denied".to_owned(),
        ErrorKind::IsADirectory => "this is a folder, not a file".to_owned(),
        ErrorKind::StorageFull => "the disk is full".to_owned(),
        ErrorKind::ReadOnlyFilesystem => "the disk is read-only".to_owned(),
        ErrorKind::AlreadyExists => "a file of that name already exists".to_owned(),
        ErrorKind::NotADirectory => "this is a file where a folder should be".to_owned(),
        _ => error.to_string(),
    }
}

/// A file that could not be saved. The file on disk is unchanged when this is returned.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("could not save {}: {}", shown(path), io_message(source))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{} was changed on disk since it was opened (another workstation?); it was not overwritten",
        shown(path)
    )]
    ChangedOnDisk { path: PathBuf },
    #[error(
        "{} was deleted or moved on disk since it was opened; it was not recreated",
        shown(path)
    )]
    DeletedOnDisk { path: PathBuf },
    #[error("could not write {}: {message}", shown(path))]
    Encode { path: PathBuf, message: String },
}

impl SaveError {
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        Self::Io {
            path: path.to_owned(),
            source,
        }
    }
}
