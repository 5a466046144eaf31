//! The app shell: the window's state and frame, the route, the user's commands and what they
//! do, the questions it asks, notifications, theme and preferences. Draws no screen itself:
//! the screens are in `screens`, the body map in `canvas`.

pub mod action;
pub mod app;
pub mod command;
pub mod command_handling;
pub mod exporting;
pub mod file_dialogs;
pub mod library_state;
pub mod logic;
pub mod notifications;
pub mod preferences;
pub mod prompt;
pub mod prompts;
pub mod route;
pub mod theme;
