//! Every command a user can give from a menu, a button or the keyboard, with its label,
//! tooltip and shortcuts, and the menus that list them: menus, buttons and shortcuts all take
//! their words from here. Knows nothing of what a command does (`command_handling`).

use egui::{Key, KeyboardShortcut, Modifiers};
use strum::IntoEnumIterator as _;

#[must_use]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::EnumIter)]
pub enum UiCommand {
    NewSession,
    NewPatient,
    Open,
    OpenLibrary,
    ExploreDemo,
    FindByLocation,
    AddCustomView,
    Save,
    SaveAs,
    Close,
    Quit,
    Undo,
    Redo,
    ToggleTheme,
    TogglePatients,
    ToggleSidePanel,
    ShowMessages,
    Present,
    ExportPng,
    ExportSvg,
    ExportReport,
    ExportHandout,
    ExportCsv,
    ExportProgressReport,
}

const fn ctrl(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn ctrl_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

impl UiCommand {
    pub fn label(self) -> &'static str {
        match self {
            Self::NewSession => "New session",
            Self::NewPatient => "New patient…",
            Self::Open => "Open session…",
            Self::OpenLibrary => "Open library folder…",
            Self::ExploreDemo => "Explore the demo library",
            Self::FindByLocation => "Find by location…",
            Self::AddCustomView => "Add custom view from an image…",
            Self::Save => "Save",
            Self::SaveAs => "Save as…",
            Self::Close => "Close session",
            Self::Quit => "Quit",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::ToggleTheme => "Toggle light/dark theme",
            Self::TogglePatients => "Show or hide the patient list",
            Self::ToggleSidePanel => "Show or hide the side panel",
            Self::ShowMessages => "Messages",
            Self::Present => "Present to the patient",
            Self::ExportPng => "Export view as PNG…",
            Self::ExportSvg => "Export view as SVG…",
            Self::ExportReport => "Export session report (PDF)…",
            Self::ExportHandout => "Export patient handout (PDF)…",
            Self::ExportCsv => "Export needling log (CSV)…",
            Self::ExportProgressReport => "Export progress report (PDF)…",
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
            Self::FindByLocation => {
                "Search the library's visits: trigger points by muscle, side and status, needle sites in a safety zone, pain drawn over a place, since a date"
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
            Self::TogglePatients => {
                "Fold the patient list away to give the chart the room, or bring it back"
            }
            Self::ToggleSidePanel => {
                "Fold the session's panel (record, inspector, marks) or the comparison's metrics away to give the chart the room; a selected mark's inspector then floats over the chart's edge"
            }
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
            Self::ExportProgressReport => {
                "A PDF for an insurer or a referrer, for the period set on the progress screen: visits, every measure baseline against latest with its MCID label, goals, trigger points, treatment, adverse events, pain drawings first against last, plan"
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
        const FIND: [KeyboardShortcut; 1] = [ctrl_shift(Key::F)];
        const PATIENTS: [KeyboardShortcut; 1] = [KeyboardShortcut::new(Modifiers::NONE, Key::F8)];
        const SIDE_PANEL: [KeyboardShortcut; 1] = [KeyboardShortcut::new(Modifiers::NONE, Key::F9)];
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
            Self::FindByLocation => &FIND,
            Self::TogglePatients => &PATIENTS,
            Self::ToggleSidePanel => &SIDE_PANEL,
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
            | Self::ExportCsv
            | Self::ExportProgressReport => &[],
        }
    }

    /// Every shortcut with its command, those with more modifiers first, so that Ctrl+Shift+S
    /// is not taken for Ctrl+S (which matches logically when Shift is also down).
    fn shortcut_table() -> &'static [(KeyboardShortcut, Self)] {
        static TABLE: std::sync::LazyLock<Vec<(KeyboardShortcut, UiCommand)>> =
            std::sync::LazyLock::new(|| {
                let mut table: Vec<(KeyboardShortcut, UiCommand)> = UiCommand::iter()
                    .flat_map(|command| command.shortcuts().iter().map(move |s| (*s, command)))
                    .collect();
                table.sort_by_key(|(shortcut, _)| {
                    std::cmp::Reverse(modifier_count(shortcut.modifiers))
                });
                table
            });
        &TABLE
    }

    /// The command whose shortcut was pressed this frame, consuming the key press.
    pub fn from_shortcuts(ctx: &egui::Context) -> Option<Self> {
        let table = Self::shortcut_table();
        ctx.input_mut(|input| {
            table
                .iter()
                .find(|(shortcut, _)| input.consume_shortcut(shortcut))
                .map(|(_, command)| *command)
        })
    }

    /// The label with the first shortcut, e.g. "Present to the patient (F11)", for buttons
    /// outside menus (menus show the shortcut in a column of their own).
    pub fn label_with_shortcut(self, ctx: &egui::Context) -> String {
        match self.shortcuts().first() {
            Some(shortcut) => format!("{} ({})", self.label(), ctx.format_shortcut(shortcut)),
            None => self.label().to_owned(),
        }
    }

    /// A button for this command with its tooltip. Returns whether it was clicked.
    pub fn button(self, ui: &mut egui::Ui, enabled: bool) -> bool {
        let label = self.label_with_shortcut(ui.ctx());
        ui.add_enabled(enabled, egui::Button::new(label))
            .on_hover_text(self.tooltip())
            .clicked()
    }

    /// A menu item for this command, with its shortcut and tooltip. Returns whether it was
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

fn modifier_count(modifiers: Modifiers) -> u8 {
    u8::from(modifiers.alt)
        + u8::from(modifiers.shift)
        + u8::from(modifiers.command || modifiers.ctrl)
}

/// One entry of a menu.
#[derive(Clone, Copy, Debug)]
pub enum MenuItem {
    Command(UiCommand),
    /// A submenu of commands.
    Submenu(&'static str, &'static [UiCommand]),
    /// The recently opened sessions.
    Recent,
    Separator,
}

/// The menu bar: each menu's title and its entries, in order. Every command is in it once.
pub const MENUS: &[(&str, &[MenuItem])] = {
    use MenuItem::{Command as C, Recent, Separator, Submenu};
    use UiCommand as U;
    &[
        (
            "File",
            &[
                C(U::NewSession),
                C(U::NewPatient),
                C(U::Open),
                Recent,
                C(U::OpenLibrary),
                C(U::ExploreDemo),
                C(U::FindByLocation),
                C(U::AddCustomView),
                Separator,
                C(U::Save),
                C(U::SaveAs),
                C(U::Close),
                Submenu(
                    "Export",
                    &[
                        U::ExportPng,
                        U::ExportSvg,
                        U::ExportReport,
                        U::ExportHandout,
                        U::ExportCsv,
                        U::ExportProgressReport,
                    ],
                ),
                Separator,
                C(U::Quit),
            ],
        ),
        ("Edit", &[C(U::Undo), C(U::Redo)]),
        (
            "View",
            &[
                C(U::TogglePatients),
                C(U::ToggleSidePanel),
                Separator,
                C(U::ToggleTheme),
                C(U::ShowMessages),
                C(U::Present),
            ],
        ),
    ]
};

#[cfg(test)]
mod tests {
    use super::*;

    fn menu_commands() -> Vec<UiCommand> {
        MENUS
            .iter()
            .flat_map(|(_, items)| items.iter())
            .flat_map(|item| match item {
                MenuItem::Command(command) => vec![*command],
                MenuItem::Submenu(_, commands) => commands.to_vec(),
                MenuItem::Recent | MenuItem::Separator => Vec::new(),
            })
            .collect()
    }

    #[test]
    fn every_command_is_in_the_menus_once_with_its_words() {
        let listed = menu_commands();
        for command in UiCommand::iter() {
            let times = listed.iter().filter(|c| **c == command).count();
            assert_eq!(times, 1, "{command:?} is in the menus {times} times");
            assert!(!command.label().is_empty(), "{command:?} has no label");
            assert!(!command.tooltip().is_empty(), "{command:?} has no tooltip");
        }
    }

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen = std::collections::HashSet::new();
        for (shortcut, command) in UiCommand::shortcut_table().iter().copied() {
            assert!(
                seen.insert(shortcut),
                "{shortcut:?} of {command:?} used twice"
            );
        }
    }

    #[test]
    fn longer_shortcuts_are_tried_first() {
        // Ctrl+S matches logically when Shift is also down, so Save As must come before Save.
        let table = UiCommand::shortcut_table();
        let position = |c| table.iter().position(|(_, x)| *x == c);
        assert!(position(UiCommand::SaveAs) < position(UiCommand::Save));
        assert!(position(UiCommand::Redo) < position(UiCommand::Undo));
    }
}
