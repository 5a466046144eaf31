//! Levelled notifications: shown as dismissable toasts, logged, and kept for review in the
//! Messages window. Errors stay on screen until dismissed.

use egui::{Align2, RichText};

use crate::app::shell::theme::Palette;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Info,
    Success,
    Warning,
    Error,
}

impl Level {
    /// The theme's colour for messages of this level.
    pub fn colour(self, palette: &Palette) -> egui::Color32 {
        match self {
            Self::Info => palette.info,
            Self::Success => palette.success,
            Self::Warning => palette.warning,
            Self::Error => palette.error,
        }
    }
}

impl Level {
    fn label(self) -> &'static str {
        match self {
            Self::Info => "Info",
            Self::Success => "Done",
            Self::Warning => "Warning",
            Self::Error => "Error",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Notification {
    pub level: Level,
    pub text: String,
    /// `egui` time when it was raised; `None` until first shown.
    shown_at: Option<f64>,
    pub dismissed: bool,
}

/// How long non-error toasts stay on screen, in seconds.
const TOAST_SECONDS: f64 = 6.0;

#[derive(Default)]
pub struct Notifications {
    items: Vec<Notification>,
    pub show_log: bool,
}

impl Notifications {
    pub fn push(&mut self, level: Level, text: impl Into<String>) {
        let text = text.into();
        match level {
            Level::Error => log::error!("{text}"),
            Level::Warning => log::warn!("{text}"),
            Level::Info | Level::Success => log::info!("{text}"),
        }
        self.items.push(Notification {
            level,
            text,
            shown_at: None,
            dismissed: false,
        });
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.push(Level::Info, text);
    }

    pub fn success(&mut self, text: impl Into<String>) {
        self.push(Level::Success, text);
    }

    pub fn warning(&mut self, text: impl Into<String>) {
        self.push(Level::Warning, text);
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.push(Level::Error, text);
    }

    pub fn all(&self) -> &[Notification] {
        &self.items
    }

    /// Notifications still on screen.
    pub fn active(&self) -> impl Iterator<Item = &Notification> {
        self.items.iter().filter(|n| !n.dismissed)
    }

    /// Draws the toasts in the bottom-right corner and the Messages window when open.
    pub fn ui(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        let palette = Palette::of(ctx);
        for item in &mut self.items {
            let shown_at = *item.shown_at.get_or_insert(now);
            if item.level != Level::Error && now - shown_at > TOAST_SECONDS {
                item.dismissed = true;
            }
        }
        if self.active().next().is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(500));
        }

        egui::Area::new(egui::Id::unique("notifications"))
            .anchor(Align2::RIGHT_BOTTOM, [-12.0, -36.0])
            .order(egui::Order::Foreground)
            .show(ctx, |ui| {
                ui.set_max_width(380.0);
                for item in self.items.iter_mut().filter(|n| !n.dismissed).rev().take(4) {
                    egui::Frame::popup(ui.style()).show(ui, |ui| {
                        ui.horizontal(|ui| {
                            let colour = item.level.colour(&palette);
                            ui.label(RichText::new(item.level.label()).strong().color(colour));
                            ui.add(egui::Label::new(&item.text).wrap());
                            if ui.small_button("Dismiss").clicked() {
                                item.dismissed = true;
                            }
                        });
                    });
                }
            });

        let mut open = self.show_log;
        egui::Window::new("Messages")
            .open(&mut open)
            .default_width(480.0)
            .show(ctx, |ui| {
                if self.items.is_empty() {
                    ui.label("No messages yet.");
                }
                egui::ScrollArea::vertical().show(ui, |ui| {
                    for item in self.items.iter().rev() {
                        ui.horizontal_wrapped(|ui| {
                            ui.label(
                                RichText::new(item.level.label())
                                    .strong()
                                    .color(item.level.colour(&palette)),
                            );
                            ui.label(&item.text);
                        });
                    }
                });
            });
        self.show_log = open;
    }
}
