//! The signing dialog: the clinician's identity and passphrase, asked at every sign-off and
//! every addendum (two components each time, never stored), with a first identity created
//! here when there is none. A wrong passphrase signs nothing and says so; three in a row
//! pause signing for 30 seconds.

use std::path::Path;

use egui::{RichText, TextEdit};

use crate::app::shell::theme::Palette;
use crate::document::Document;
use crate::identity::{self, Identity, PassphraseGuard};

/// What is being signed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Purpose {
    Session,
    Addendum(String),
    /// A second clinician's signature of a signed or sealed session.
    CoSign,
}

/// A new identity being typed.
#[derive(Default)]
struct NewIdentity {
    name: String,
    credentials: String,
    passphrase: String,
    repeat: String,
}

/// The dialog's state while it is open.
pub struct SignDialog {
    purpose: Purpose,
    identities: Vec<Identity>,
    chosen: usize,
    passphrase: String,
    creating: Option<NewIdentity>,
    message: Option<String>,
    /// The passphrase field takes the keyboard on the next frame (when the dialog opens on
    /// it, and after a new identity is created, which would leave it on Cancel).
    focus_passphrase: bool,
}

/// What the dialog did this frame.
pub enum Signed {
    /// Still open.
    Open,
    Cancelled,
    /// Signed (or the addendum appended): save now.
    Done,
}

impl SignDialog {
    /// Opens the dialog for `purpose`, with the identities in `keys`; with none, it starts
    /// on creating one, named as the session's clinician.
    pub fn open(purpose: Purpose, keys: &Path, clinician: &str) -> Self {
        let (identities, problems) = identity::list(keys);
        let creating = identities.is_empty().then(|| NewIdentity {
            name: clinician.to_owned(),
            ..NewIdentity::default()
        });
        let chosen = identities
            .iter()
            .position(|i| i.file.name == clinician)
            .unwrap_or(0);
        Self {
            purpose,
            identities,
            chosen,
            passphrase: String::new(),
            focus_passphrase: creating.is_none(),
            creating,
            message: (!problems.is_empty()).then(|| problems.join("; ")),
        }
    }

    pub fn purpose(&self) -> &Purpose {
        &self.purpose
    }

    pub fn show(
        &mut self,
        ctx: &egui::Context,
        doc: &mut Document,
        keys: &Path,
        guard: &mut PassphraseGuard,
        now: jiff::civil::DateTime,
    ) -> Signed {
        let palette = Palette::of(ctx);
        let mut outcome = Signed::Open;
        let title = match self.purpose {
            Purpose::Session => "Sign this session",
            Purpose::Addendum(_) => "Sign this addendum",
            Purpose::CoSign => "Co-sign this session",
        };
        let response = egui::Modal::new(egui::Id::unique("sign_dialog")).show(ctx, |ui| {
            ui.set_max_width(480.0);
            ui.heading(title);
            match self.purpose {
                Purpose::Session => ui.label(
                    "Your signature covers the visit's content, your name and credentials, the \
                     time and its meaning (author). The session then becomes read-only; anything \
                     later is a signed addendum.",
                ),
                Purpose::Addendum(_) => ui.label(
                    "Your signature covers the addendum's text, your name and credentials, the \
                     time, and its place after the signature and the addenda before it.",
                ),
                Purpose::CoSign => ui.label(
                    "Your co-signature covers the visit's content as it was signed or sealed, your \
                     name and credentials and the time. The first signature stays as it is.",
                ),
            };
            ui.add_space(6.0);
            if self.creating.is_some() {
                self.create_ui(ui, keys);
            } else {
                self.sign_ui(ui, doc, guard, now, &mut outcome);
            }
            if let Some(message) = &self.message {
                ui.label(RichText::new(message).color(palette.error));
            }
            if ui.button("Cancel").clicked() {
                outcome = Signed::Cancelled;
            }
        });
        if response.should_close() && matches!(outcome, Signed::Open) {
            outcome = Signed::Cancelled;
        }
        outcome
    }

    fn create_ui(&mut self, ui: &mut egui::Ui, keys: &Path) {
        let Some(new) = &mut self.creating else {
            return;
        };
        ui.label(RichText::new("Create your signing identity").strong());
        ui.label(
            "A key pair made on this computer, its private half kept in your own settings \
             folder, sealed with your passphrase. Nobody, myomap included, can sign as you \
             without it; there is no way to recover a forgotten passphrase.",
        );
        egui::Grid::new("new_identity")
            .num_columns(2)
            .show(ui, |ui| {
                let label = ui.label("Name as printed");
                ui.add(TextEdit::singleline(&mut new.name))
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label("Credentials");
                ui.add(
                    TextEdit::singleline(&mut new.credentials).hint_text("PT, registration 12345"),
                )
                .labelled_by(label.id);
                ui.end_row();
                let label = ui.label("Passphrase");
                ui.add(TextEdit::singleline(&mut new.passphrase).password(true))
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label("Repeat passphrase");
                ui.add(TextEdit::singleline(&mut new.repeat).password(true))
                    .labelled_by(label.id);
                ui.end_row();
            });
        if ui.button("Create identity").clicked() {
            if new.passphrase != new.repeat {
                self.message = Some("the two passphrases differ".to_owned());
                return;
            }
            match identity::create(
                keys,
                &new.name,
                &new.credentials,
                &new.passphrase,
                identity::DEFAULT_COST,
            ) {
                Ok(created) => {
                    self.message = None;
                    self.creating = None;
                    self.focus_passphrase = true;
                    self.identities.push(created);
                    self.chosen = self.identities.len() - 1;
                }
                Err(error) => self.message = Some(error.to_string()),
            }
        }
    }

    fn sign_ui(
        &mut self,
        ui: &mut egui::Ui,
        doc: &mut Document,
        guard: &mut PassphraseGuard,
        now: jiff::civil::DateTime,
        outcome: &mut Signed,
    ) {
        let Some(current) = self.identities.get(self.chosen) else {
            return;
        };
        let label = ui.label("Signing as");
        egui::ComboBox::from_id_salt("signing_identity")
            .selected_text(current.label())
            .show_ui(ui, |ui| {
                for (index, identity) in self.identities.iter().enumerate() {
                    ui.selectable_value(&mut self.chosen, index, identity.label());
                }
            })
            .response
            .labelled_by(label.id);
        if let Some(current) = self.identities.get(self.chosen) {
            ui.label(
                RichText::new(format!("Key {}", current.fingerprint()))
                    .monospace()
                    .small(),
            );
        }
        if ui.small_button("New identity…").clicked() {
            self.creating = Some(NewIdentity::default());
        }
        let label = ui.label("Passphrase");
        let field = ui
            .add(TextEdit::singleline(&mut self.passphrase).password(true))
            .labelled_by(label.id);
        if std::mem::take(&mut self.focus_passphrase) {
            field.request_focus();
        }
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let sign = match self.purpose {
            Purpose::Session => "Sign and save",
            Purpose::Addendum(_) => "Sign addendum and save",
            Purpose::CoSign => "Co-sign and save",
        };
        if !(ui.button(sign).clicked() || enter) {
            return;
        }
        let Some(identity) = self.identities.get(self.chosen) else {
            return;
        };
        let passphrase = std::mem::take(&mut self.passphrase);
        let key = match guard.unlock(identity, &passphrase, std::time::Instant::now()) {
            Ok(key) => key,
            Err(error) => {
                self.message = Some(error.to_string());
                return;
            }
        };
        let result = match &self.purpose {
            Purpose::Session => doc.sign(&key, now).map_err(|r| r.join("; ")),
            Purpose::Addendum(text) => doc.append_addendum(&key, text, now),
            Purpose::CoSign => doc.co_sign(&key, now),
        };
        match result {
            Ok(()) => *outcome = Signed::Done,
            Err(reason) => self.message = Some(reason),
        }
    }
}
