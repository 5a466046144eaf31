//! Which screen the window shows, in one value: a screen's state lives in its variant, so
//! leaving a screen drops it and no two screens can be open at once. Owns no file effects.

use crate::app::screens::compare::CompareState;
use crate::app::screens::presentation::Presentation;
use crate::app::screens::progress::ProgressState;
use crate::app::screens::reconcile::ReconcileState;
use crate::document::Document;

/// The screen shown, with its state.
#[derive(Default)]
pub enum Route {
    /// The welcome screen, or the open library's patient page.
    #[default]
    Home,
    /// Charting the open session.
    Session(Box<Document>),
    /// Two visits side by side, overlaid or as a difference map.
    Compare(Box<CompareState>),
    /// A patient's progress over all visits.
    Progress(Box<ProgressState>),
    /// A visit and its sync engine's conflict copy, being reconciled.
    Reconcile(Box<ReconcileState>),
    /// The screen turned to the patient; leaving it returns to `back` as it was (an open
    /// session keeps its unsaved changes).
    Presentation {
        presentation: Box<Presentation>,
        back: Box<Route>,
    },
}

impl Route {
    /// The open session, on the charting screen or behind the presentation.
    pub fn document(&self) -> Option<&Document> {
        match self {
            Self::Session(doc) => Some(doc),
            Self::Presentation { back, .. } => back.document(),
            Self::Home | Self::Compare(_) | Self::Progress(_) | Self::Reconcile(_) => None,
        }
    }

    pub fn document_mut(&mut self) -> Option<&mut Document> {
        match self {
            Self::Session(doc) => Some(doc),
            Self::Presentation { back, .. } => back.document_mut(),
            Self::Home | Self::Compare(_) | Self::Progress(_) | Self::Reconcile(_) => None,
        }
    }

    /// Closes the open session, if any, and returns it; the route goes home (or, behind
    /// the presentation, the presentation returns home).
    pub fn take_document(&mut self) -> Option<Document> {
        match self {
            Self::Session(_) => match std::mem::take(self) {
                Self::Session(doc) => Some(*doc),
                _ => None,
            },
            Self::Presentation { back, .. } => back.take_document(),
            Self::Home | Self::Compare(_) | Self::Progress(_) | Self::Reconcile(_) => None,
        }
    }

    pub fn presentation(&self) -> Option<&Presentation> {
        match self {
            Self::Presentation { presentation, .. } => Some(presentation),
            _ => None,
        }
    }

    pub fn comparison(&self) -> Option<&CompareState> {
        match self {
            Self::Compare(state) => Some(state),
            _ => None,
        }
    }

    pub fn progress(&self) -> Option<&ProgressState> {
        match self {
            Self::Progress(state) => Some(state),
            _ => None,
        }
    }

    /// A short name of the screen, for logs and tests.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Home => "home",
            Self::Session(_) => "session",
            Self::Compare(_) => "compare",
            Self::Progress(_) => "progress",
            Self::Reconcile(_) => "reconcile",
            Self::Presentation { .. } => "presentation",
        }
    }
}
