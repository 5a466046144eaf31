//! The app's vocabulary of things to do: screens, menus and prompts return an [`Action`]; the
//! shell runs them after the frame (`command_handling`), where every file effect happens.
//! Plain values only: nothing here draws or touches a file.

use std::path::PathBuf;
use std::sync::Arc;

use crate::app::shell::command::UiCommand;
use crate::model::PatientId;
use crate::storage::RecoveryRecord;

/// Something to do, collected while drawing and run after.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Command(UiCommand),
    OpenSession(PathBuf),
    OpenLibrary(PathBuf),
    SelectPatient(PatientId),
    NewSessionFor(PatientId),
    /// A new session with the last visit's trigger points and zones carried forward.
    NewSessionFromLast(PatientId),
    /// Compare two visits (session files) of the selected patient.
    Compare(PathBuf, PathBuf),
    /// Search the open library's visits by location (its index).
    Find(crate::index::Query),
    /// Reconcile a sync engine's conflict copy (its file) with the visit it copies.
    Reconcile(PathBuf),
    /// Write the reconciled visit over the file and set both versions aside.
    SettleConflict(Box<crate::model::Session>),
    /// Keep a conflict's two versions as separate visits.
    KeepConflictSeparate,
    /// Show a patient's progress over all visits.
    Progress(PatientId),
    /// Leave the comparison or progress screen for the library.
    GoHome,
    CreatePatient(String),
    /// Ask for a patient's new name, date of birth and record number.
    EditPatient(PatientId),
    /// Save a patient's details as edited, over the file that held `original`.
    SavePatient {
        original: Box<crate::model::Patient>,
        details: crate::model::PatientDetails,
    },
    AddCustomView {
        image: PathBuf,
        name: String,
    },
    /// The window's close button, or Quit after confirmation.
    CloseWindow,
    /// Save the open session, then (if it saved) do `then`.
    SaveThen(Box<Action>),
    /// Drop the open session's unsaved changes, then do `then`.
    DiscardThen(Box<Action>),
    /// Save the open session to this file (the user agreed to replace it).
    SaveTo(PathBuf),
    /// Write an export's bytes to this file (the user agreed to replace it).
    WriteExport(PathBuf, Arc<Vec<u8>>),
    /// Open a crash-recovery copy as the open session.
    OpenRecovered(Box<RecoveryRecord>),
    /// Read the file a crash-recovery copy was made from and show how they differ.
    CompareRecovered {
        file: PathBuf,
        record: Box<RecoveryRecord>,
    },
    /// Delete a crash-recovery copy the user does not want.
    DiscardRecovered(PathBuf),
    /// Write the open session again where it was deleted on disk.
    Recreate,
    /// Replace the open session by its file on disk, dropping unsaved changes.
    Reload,
    /// Take over editing a session someone else has open.
    TakeOver,
    /// Put the clinic's aftercare text (or the built-in one) into the open session.
    UseAftercareTemplate,
    /// Read the clinic's aftercare template and open it for editing.
    EditAftercareTemplate,
    /// Write the clinic's aftercare template.
    SaveAftercareTemplate(String),
    /// Show the clinician a warning (an edit the document refused, a side it changed).
    Notify(String),
    /// Show the clinician information (a signer registered in the library).
    Inform(String),
}

impl Action {
    /// Whether doing this closes the open session.
    pub fn discards_document(&self) -> bool {
        match self {
            Self::Command(command) => matches!(
                command,
                UiCommand::NewSession
                    | UiCommand::Open
                    | UiCommand::OpenLibrary
                    | UiCommand::ExploreDemo
                    | UiCommand::Close
                    | UiCommand::Quit
            ),
            Self::OpenSession(_)
            | Self::OpenLibrary(_)
            | Self::SelectPatient(_)
            | Self::NewSessionFor(_)
            | Self::NewSessionFromLast(_)
            | Self::Compare(..)
            | Self::Reconcile(_)
            | Self::Progress(_)
            | Self::CloseWindow
            | Self::OpenRecovered(_) => true,
            Self::CreatePatient(_)
            | Self::EditPatient(_)
            | Self::SavePatient { .. }
            | Self::AddCustomView { .. }
            | Self::GoHome
            | Self::SaveThen(_)
            | Self::DiscardThen(_)
            | Self::SaveTo(_)
            | Self::WriteExport(..)
            | Self::CompareRecovered { .. }
            | Self::SettleConflict(_)
            | Self::Find(_)
            | Self::KeepConflictSeparate
            | Self::DiscardRecovered(_)
            | Self::Recreate
            | Self::Reload
            | Self::TakeOver
            | Self::UseAftercareTemplate
            | Self::EditAftercareTemplate
            | Self::SaveAftercareTemplate(_)
            | Self::Notify(_)
            | Self::Inform(_) => false,
        }
    }
}
