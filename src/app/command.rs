//! Every command a user can give from a menu, a button or the keyboard, with its label,
//! tooltip and shortcuts, so all three come from one place.

use egui::{Key, KeyboardShortcut, Modifiers};

#[must_use]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UiCommand {
    NewSession,
    NewPatient,
    Open,
    OpenLibrary,
    ExploreDemo,
    AddCustomView,
    Save,
    SaveAs,
    Close,
    Quit,
    Undo,
    Redo,
    ToggleTheme,
    ShowMessages,
    Present,
    ExportPng,
    ExportSvg,
    ExportReport,
    ExportHandout,
    ExportCsv,
}

const fn ctrl(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn ctrl_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

impl UiCommand {
    /// Every command; shortcuts with more modifiers come first so that Ctrl+Shift+S is not
    /// taken for Ctrl+S.
    pub const ALL: [Self; 20] = [
        Self::SaveAs,
        Self::Redo,
        Self::NewSession,
        Self::NewPatient,
        Self::Open,
        Self::OpenLibrary,
        Self::ExploreDemo,
        Self::AddCustomView,
        Self::Save,
        Self::Close,
        Self::Quit,
        Self::Undo,
        Self::ToggleTheme,
        Self::ShowMessages,
        Self::Present,
        Self::ExportPng,
        Self::ExportSvg,
        Self::ExportReport,
        Self::ExportHandout,
        Self::ExportCsv,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::NewSession => "New session",
            Self::NewPatient => "New patient…",
            Self::Open => "Open session…",
            Self::OpenLibrary => "Open library folder…",
            Self::ExploreDemo => "Explore the demo library",
            Self::AddCustomView => "Add custom view from an image…",
            Self::Save => "Save",
            Self::SaveAs => "Save as…",
            Self::Close => "Close session",
            Self::Quit => "Quit",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::ToggleTheme => "Toggle light/dark theme",
            Self::ShowMessages => "Messages",
            Self::Present => "Present to the patient",
            Self::ExportPng => "Export view as PNG…",
            Self::ExportSvg => "Export view as SVG…",
            Self::ExportReport => "Export session report (PDF)…",
            Self::ExportHandout => "Export patient handout (PDF)…",
            Self::ExportCsv => "Export needling log (CSV)…",
        }
    }

    pub fn tooltip(self) -> &'static str {
        match self {
            Self::NewSession => "Start a new treatment session for the selected patient",
            Self::NewPatient => "Add a patient to the open library",
            Self::Open => "Open a session file (.ron)",
            Self::OpenLibrary => {
                "Open a folder of patients and sessions, e.g. a shared clinic folder"
            }
            Self::ExploreDemo => {
                "Open three fictional patients with several visits each, kept in a folder of their own"
            }
            Self::AddCustomView => {
                "Add your own diagram (a hand, a foot, a spine chart; PNG or JPEG) as a view of this library"
            }
            Self::Save => "Save the session (the previous version is kept as a .bak file)",
            Self::SaveAs => "Save the session under another name or in another folder",
            Self::Close => "Close the session",
            Self::Quit => "Quit myomap",
            Self::Undo => "Undo the last change",
            Self::Redo => "Redo the change you undid",
            Self::ToggleTheme => "Switch between the light and the dark theme",
            Self::ShowMessages => "Show every message of this run, errors included",
            Self::Present => {
                "Full screen, large and calm, for explaining referral patterns to the patient: no notes, no patient list"
            }
            Self::ExportPng => {
                "The view on screen with its marks, legend and muscle names, as an image for the clinic record"
            }
            Self::ExportSvg => "The view on screen with its marks, as a vector drawing",
            Self::ExportReport => {
                "A PDF to file or send to a referrer: charts, needling log, findings, screening and consent, adverse events, aftercare, sign-off, comparison with the previous visit"
            }
            Self::ExportHandout => {
                "A PDF for the patient: today's chart without clinical notes, the muscles treated in plain words, aftercare and red flags, the next appointment"
            }
            Self::ExportCsv => {
                "Every needle site of the selected patient's sessions, one row each, for audit, billing or research"
            }
        }
    }

    /// The shortcuts of a command; the first is shown in menus.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const NEW: [KeyboardShortcut; 1] = [ctrl(Key::N)];
        const OPEN: [KeyboardShortcut; 1] = [ctrl(Key::O)];
        const SAVE: [KeyboardShortcut; 1] = [ctrl(Key::S)];
        const SAVE_AS: [KeyboardShortcut; 1] = [ctrl_shift(Key::S)];
        const CLOSE: [KeyboardShortcut; 1] = [ctrl(Key::W)];
        const QUIT: [KeyboardShortcut; 1] = [ctrl(Key::Q)];
        const UNDO: [KeyboardShortcut; 1] = [ctrl(Key::Z)];
        const REDO: [KeyboardShortcut; 2] = [ctrl(Key::Y), ctrl_shift(Key::Z)];
        const PRESENT: [KeyboardShortcut; 1] = [KeyboardShortcut::new(Modifiers::NONE, Key::F11)];
        match self {
            Self::NewSession => &NEW,
            Self::Open => &OPEN,
            Self::Save => &SAVE,
            Self::SaveAs => &SAVE_AS,
            Self::Close => &CLOSE,
            Self::Quit => &QUIT,
            Self::Undo => &UNDO,
            Self::Redo => &REDO,
            Self::Present => &PRESENT,
            Self::NewPatient
            | Self::OpenLibrary
            | Self::ExploreDemo
            | Self::AddCustomView
            | Self::ToggleTheme
            | Self::ShowMessages
            | Self::ExportPng
            | Self::ExportSvg
            | Self::ExportReport
            | Self::ExportHandout
            | Self::ExportCsv => &[],
        }
    }

    /// The command whose shortcut was pressed this frame, consuming the key press.
    pub fn from_shortcuts(ctx: &egui::Context) -> Option<Self> {
        ctx.input_mut(|input| {
            Self::ALL.into_iter().find(|command| {
                command
                    .shortcuts()
                    .iter()
                    .any(|shortcut| input.consume_shortcut(shortcut))
            })
        })
    }

    /// A menu button for this command, with its shortcut and tooltip. Returns whether it was
    /// clicked.
    pub fn menu_button(self, ui: &mut egui::Ui, enabled: bool) -> bool {
        let mut button = egui::Button::new(self.label());
        if let Some(shortcut) = self.shortcuts().first() {
            button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
        }
        ui.add_enabled(enabled, button)
            .on_hover_text(self.tooltip())
            .clicked()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_is_listed_once_with_text() {
        let mut seen = std::collections::HashSet::new();
        for command in UiCommand::ALL {
            assert!(seen.insert(command), "{command:?} listed twice");
            assert!(!command.label().is_empty());
            assert!(!command.tooltip().is_empty());
        }
    }

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen = std::collections::HashSet::new();
        for command in UiCommand::ALL {
            for shortcut in command.shortcuts() {
                assert!(seen.insert(*shortcut), "{shortcut:?} used twice");
            }
        }
    }

    #[test]
    fn longer_shortcuts_are_tried_first() {
        // Ctrl+S matches logically when Shift is also down, so Save As must come before Save.
        let position = |c| UiCommand::ALL.iter().position(|x| *x == c);
        assert!(position(UiCommand::SaveAs) < position(UiCommand::Save));
        assert!(position(UiCommand::Redo) < position(UiCommand::Undo));
    }
}
