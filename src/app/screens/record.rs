//! The clinical record of the open session, in the session panel: contraindication screening,
//! consent, the needle gate and count, safety warnings, adverse events, aftercare, and
//! sign-off with addenda. Also the needle-tool gate on the canvas and the dialogs the record
//! raises (a safety warning, the gate override, the clinic's aftercare template).

use egui::{ComboBox, DragValue, RichText, TextEdit};
use jiff::civil::DateTime;

use crate::app::screens::editing;
use crate::app::screens::measures::MeasuresUi;
use crate::app::screens::signing::{Purpose, SignDialog, Signed};
use crate::app::shell::theme::Palette;
use crate::bodymap::sides::{self, SideDisagreement};
use crate::bodymap::standard;
use crate::document::{Document, Refusal};
use crate::identity::PassphraseGuard;
use crate::model::ranges;
use crate::model::{
    AdverseEvent, AdverseEventKind, Answer, BillingBand, Consent, ConsentMethod, ConsentTopic,
    Edit, Field, GateOverride, Grade, MarkId, MarkKind, MarkRef, NeedleGate, Review, ScreeningItem,
    SignatureState, WarningKind,
};
use crate::safety::{self, RaisedWarning};

/// The local time now, to the minute.
pub fn now() -> DateTime {
    let now = jiff::ZonedDateTime::now().datetime();
    now.with()
        .second(0)
        .subsec_nanosecond(0)
        .build()
        .unwrap_or(now)
}

/// What the record asks of the app: file effects it does not run itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordAction {
    /// Save now: the session was signed or an addendum appended.
    Save,
    /// Put the clinic's aftercare text (or the built-in one) into this session's aftercare.
    UseAftercareTemplate,
    /// Read the clinic's aftercare template and open it for editing.
    EditAftercareTemplate,
    /// Write the clinic's aftercare template.
    SaveAftercareTemplate(String),
    /// Tell the clinician what the document did or refused (a warning).
    Notify(String),
    /// Tell the clinician something that went as it should.
    Inform(String),
}

/// The pages of the session panel: the visit's details, its outcome measures, and its
/// clinical record. Only the page shown is laid out, which keeps a frame cheap.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum PanelTab {
    #[default]
    Visit,
    /// Outcome measures: scores, PSFS, range of motion, clinic measures, goals.
    Measures,
    Record,
}

/// A group of identical safety warnings: the message once, and the sites it concerns.
struct WarningGroup {
    kind: WarningKind,
    message: String,
    acknowledged: bool,
    sites: Vec<MarkId>,
    /// "3 sites: right upper trapezius, 0.25 × 30 mm; …"
    sites_line: String,
}

/// What the record shows that is derived from the whole session, computed once per document
/// revision rather than every frame (a heavy session has hundreds of needle sites).
struct Summary {
    revision: u64,
    /// "right upper trapezius, right levator scapulae, …"
    muscles: String,
    muscle_count: usize,
    band: BillingBand,
    warnings: Vec<WarningGroup>,
    blockers: Vec<String>,
    thorax: bool,
    signature: SignatureState,
    /// Something in the record needs the clinician (marks the record's tab).
    attention: bool,
}

impl Summary {
    /// At most this many site names in a warning group's line; the rest are counted.
    const NAMED_SITES: usize = 8;

    fn of(doc: &Document) -> Self {
        let session = doc.session();
        let muscles = session.muscles_needled();
        let names: Vec<String> = muscles
            .iter()
            .map(|(muscle, side)| {
                let name = standard()
                    .map
                    .muscle(&muscle.0)
                    .map_or_else(|| muscle.fallback_name(), |m| m.name.to_lowercase());
                format!("{} {name}", side.label())
            })
            .collect();
        let mut warnings: Vec<WarningGroup> = Vec::new();
        for needle in &session.needle_sites {
            for warning in &needle.warnings {
                let group = warnings.iter_mut().find(|g| {
                    g.acknowledged == warning.acknowledged
                        && g.kind == warning.kind
                        && g.message == warning.message
                });
                match group {
                    Some(group) => group.sites.push(needle.id),
                    None => warnings.push(WarningGroup {
                        kind: warning.kind,
                        message: warning.message.clone(),
                        acknowledged: warning.acknowledged,
                        sites: vec![needle.id],
                        sites_line: String::new(),
                    }),
                }
            }
        }
        for group in &mut warnings {
            let mut names: Vec<String> = group
                .sites
                .iter()
                .take(Self::NAMED_SITES)
                .filter_map(|id| session.needle_sites.iter().find(|n| n.id == *id))
                .map(|n| n.describe().trim_start_matches("Needle site, ").to_owned())
                .collect();
            if group.sites.len() > Self::NAMED_SITES {
                names.push(format!(
                    "and {} more",
                    group.sites.len() - Self::NAMED_SITES
                ));
            }
            group.sites_line = format!(
                "{}: {}",
                crate::words::count(group.sites.len(), "site", "sites"),
                names.join("; ")
            );
        }
        Self {
            revision: doc.revision(),
            muscles: names.join(", "),
            muscle_count: muscles.len(),
            band: session.billing_band(),
            warnings,
            blockers: doc.signing_blockers(),
            thorax: safety::thorax_needled(session, standard()),
            signature: session.signature_state(),
            attention: !session.is_signed()
                && (!session.needle_gate().allows_needling()
                    || session.needle_count.mismatch().is_some()
                    || session
                        .needle_sites
                        .iter()
                        .any(|n| n.warnings.iter().any(|w| !w.acknowledged))),
        }
    }
}

/// The record's state between frames.
#[derive(Default)]
pub struct RecordUi {
    /// The page of the session panel shown.
    pub tab: PanelTab,
    /// The outcome measures' page: its drafts and the last visit's values.
    pub measures: MeasuresUi,
    /// Derived from the whole session, once per document revision.
    summary: Option<Summary>,
    /// Safety warnings raised by recent edits, waiting to be shown.
    raised: Vec<RaisedWarning>,
    /// The reason typed into the override dialog, while it is open.
    override_reason: Option<String>,
    /// Whether the session panel is shown: `None` follows the window's width (shown when
    /// there is room), `Some` is the clinician's own choice for this run.
    pub details_open: Option<bool>,
    /// Whether the session panel was shown last frame.
    pub details_shown: bool,
    /// The addendum field takes the keyboard the next time it is drawn ("Add an addendum…").
    focus_addendum: bool,
    /// Why the last attempt to sign was refused.
    sign_refusal: Vec<String>,
    /// The signing dialog, while it is open.
    signing: Option<SignDialog>,
    /// The user's signing keys (kept across sessions).
    keys: std::path::PathBuf,
    /// Wrong passphrases in a row (kept across sessions, so closing one does not reset it).
    guard: PassphraseGuard,
    addendum: String,
    /// The clinic's aftercare template being edited.
    template: Option<String>,
    /// What the record asked of the app this frame.
    actions: Vec<RecordAction>,
    /// Marks recorded on the side opposite to their drawing, found when the session was
    /// opened, until the clinician fixes them or leaves them.
    sides: Vec<SideDisagreement>,
}

impl RecordUi {
    /// The record's state for a user whose signing keys are in `keys`.
    pub fn with_keys(keys: std::path::PathBuf) -> Self {
        Self {
            keys,
            ..Self::default()
        }
    }

    /// Forgets everything about the previous session (not where the keys are, nor the
    /// count of wrong passphrases).
    pub fn reset(&mut self) {
        *self = Self {
            keys: std::mem::take(&mut self.keys),
            guard: std::mem::take(&mut self.guard),
            ..Self::default()
        };
    }

    /// The summary of the session as it is now.
    fn summary(&mut self, doc: &Document) -> &Summary {
        if self
            .summary
            .as_ref()
            .is_some_and(|s| s.revision != doc.revision())
        {
            self.summary = None;
        }
        self.summary.get_or_insert_with(|| Summary::of(doc))
    }

    /// The tabs of the session panel; the record's tab is marked while something in it
    /// needs the clinician (needle lock, count mismatch, unacknowledged warnings).
    pub fn tabs_ui(&mut self, ui: &mut egui::Ui, doc: &Document) {
        let attention = self.summary(doc).attention;
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.tab, PanelTab::Visit, "Visit")
                .on_hover_text("Date, clinician, pain scores, complaints, goals and plan");
            ui.selectable_value(&mut self.tab, PanelTab::Measures, "Measures")
                .on_hover_text(
                    "Outcome measures: scores, PSFS, range of motion, clinic measures, goals",
                );
            let record = if attention {
                "Clinical record ⚠"
            } else {
                "Clinical record"
            };
            ui.selectable_value(&mut self.tab, PanelTab::Record, record)
                .on_hover_text(
                    "Screening, consent, needle count, safety warnings, adverse events, aftercare, sign-off",
                );
        });
        ui.separator();
    }

    /// Notes how the document took an edit from the canvas: a needle site refused by the
    /// needle gate brings up the lock's banner with what is missing.
    pub fn applied(&mut self, doc: &Document, result: Result<(), Refusal>) {
        match result {
            Ok(()) => {}
            Err(Refusal::NeedleGate(missing)) => self.actions.push(RecordAction::Notify(format!(
                "Needle site not placed: {}.",
                missing.join("; ")
            ))),
            Err(Refusal::Signed) => self.refuse_signed(doc),
            Err(refusal) => self.actions.push(RecordAction::Notify(refusal.to_string())),
        }
    }

    /// Says why a signed session did not change, and shows where its addendum is written.
    pub fn refuse_signed(&mut self, doc: &Document) {
        if let Some(why) = signed_refusal(doc) {
            self.actions.push(RecordAction::Notify(why));
        }
        self.open_addendum();
    }

    /// Shows the record's addendum field with the keyboard in it.
    pub fn open_addendum(&mut self) {
        self.tab = PanelTab::Record;
        self.details_open = Some(true);
        self.focus_addendum = true;
    }

    /// Opens the override dialog of the needle lock.
    pub fn ask_override(&mut self) {
        self.override_reason = Some(String::new());
    }

    /// Queues the safety warnings the document raised since the last frame for the warning
    /// dialog, and what it has to tell the clinician for the notifications.
    pub fn take_raised(&mut self, doc: &mut Document) {
        for warning in doc.take_raised() {
            if !self.raised.contains(&warning) {
                self.raised.push(warning);
            }
        }
        self.actions
            .extend(doc.take_notices().into_iter().map(|notice| {
                if notice.warning {
                    RecordAction::Notify(notice.text)
                } else {
                    RecordAction::Inform(notice.text)
                }
            }));
    }

    /// Looks at a session just opened for marks recorded on the side opposite to their
    /// drawing; the clinician is then asked before anything changes.
    pub fn opened(&mut self, doc: &Document) {
        self.sides = sides::disagreements(doc.session(), &standard().map);
    }

    /// The marks whose recorded side disagrees with their drawing: the fix is offered,
    /// never made without asking (and a signed session is only told, as it cannot change).
    fn sides_dialog(&mut self, ctx: &egui::Context, doc: &mut Document) {
        if self.sides.is_empty() {
            return;
        }
        let palette = Palette::of(ctx);
        let editable = doc.is_editable() && !doc.session().is_signed();
        let mut close = false;
        let response = egui::Modal::new(egui::Id::unique("side_disagreements")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.heading(
                RichText::new("Sides that disagree with the drawing").color(palette.warning),
            );
            ui.label(
                "These marks are recorded on one side but drawn on the other. The report, the \
                 handout and the comparison with other visits use the recorded side.",
            );
            ui.add_space(6.0);
            for disagreement in &self.sides {
                ui.label(format!("• {disagreement}"));
            }
            ui.add_space(6.0);
            if !editable {
                ui.label(
                    "This session is signed or read-only, so its sides cannot change here; \
                     record the correction in an addendum.",
                );
            }
            ui.horizontal_wrapped(|ui| {
                if editable
                    && ui
                        .button("Record each side as drawn")
                        .on_hover_text("One change, which Undo reverts")
                        .clicked()
                {
                    match doc.take_sides_from_drawing() {
                        Ok(n) => self.actions.push(RecordAction::Notify(format!(
                            "Recorded the side of {n} mark{} as drawn.",
                            if n == 1 { "" } else { "s" }
                        ))),
                        Err(refusal) => {
                            self.actions.push(RecordAction::Notify(refusal.to_string()));
                        }
                    }
                    close = true;
                }
                let leave = if editable {
                    "Leave as recorded"
                } else {
                    "Close"
                };
                if ui.button(leave).clicked() {
                    close = true;
                }
            });
        });
        if close || response.should_close() {
            self.sides.clear();
        }
    }

    /// The record's sections in the session panel. `editable`: the content may change
    /// (not signed, not held elsewhere); `can_append`: addenda may be added (not held).
    pub fn sections(
        &mut self,
        ui: &mut egui::Ui,
        doc: &mut Document,
        editable: bool,
        can_append: bool,
    ) {
        let palette = Palette::of(ui.ctx());
        ui.add_enabled_ui(editable, |ui| {
            screening_ui(ui, doc, &palette);
            let thorax = self.summary(doc).thorax;
            consent_ui(ui, doc, &palette, thorax);
            self.needling_ui(ui, doc, &palette);
            adverse_events_ui(ui, doc, &palette);
            self.aftercare_ui(ui, doc);
        });
        self.sign_off_ui(ui, doc, editable, can_append, &palette);
    }

    fn needling_ui(&mut self, ui: &mut egui::Ui, doc: &mut Document, palette: &Palette) {
        let session = doc.session();
        let mismatch = session.needle_count.mismatch();
        let title = match mismatch {
            Some((i, o)) => format!("Needling — count mismatch {i} in, {o} out"),
            None => format!(
                "Needling — {}",
                crate::words::count(session.needle_sites.len(), "site", "sites")
            ),
        };
        egui::CollapsingHeader::new(RichText::new(title).strong())
            .id_salt("record_needling")
            .default_open(true)
            .show(ui, |ui| {
                match doc.session().needle_gate() {
                    NeedleGate::Open => {
                        ui.label(
                            RichText::new(
                                "Needling allowed: screening reviewed, consent recorded.",
                            )
                            .color(palette.success),
                        );
                    }
                    NeedleGate::Overridden => {
                        if let Some(o) = &doc.session().gate_override {
                            ui.label(
                                RichText::new(format!(
                                    "Needling allowed by override ({}, {}): {}",
                                    if o.by.is_empty() {
                                        "clinician not recorded"
                                    } else {
                                        &o.by
                                    },
                                    o.at.strftime("%Y-%m-%d %H:%M"),
                                    o.reason
                                ))
                                .color(palette.warning),
                            );
                        }
                    }
                    NeedleGate::Closed(missing) => {
                        ui.label(RichText::new("Needle sites are locked:").color(palette.warning));
                        for reason in missing {
                            ui.label(format!("• {reason}"));
                        }
                        if ui.button("Override the lock…").clicked() {
                            self.override_reason = Some(String::new());
                        }
                    }
                }
                ui.add_space(4.0);
                needle_count_ui(ui, doc, palette);
                ui.add_space(4.0);
                let summary = self.summary(doc);
                ui.label(format!(
                    "Muscles needled: {} ({})",
                    summary.muscle_count,
                    summary.band.label()
                ))
                .on_hover_text("For billing: US CPT 20560 covers 1–2 muscles, 20561 three or more");
                if !summary.muscles.is_empty() {
                    ui.label(RichText::new(&summary.muscles).color(palette.muted_text));
                }
                self.safety_warnings_ui(ui, doc, palette);
            });
    }

    /// The safety warnings, one group per warning: the guidance once, then the sites it
    /// concerns. Unacknowledged groups first, each with its acknowledgement; acknowledged
    /// ones folded away.
    fn safety_warnings_ui(&mut self, ui: &mut egui::Ui, doc: &mut Document, palette: &Palette) {
        let summary = self.summary(doc);
        let mut acknowledge = None;
        for (index, group) in summary
            .warnings
            .iter()
            .enumerate()
            .filter(|(_, g)| !g.acknowledged)
        {
            ui.add_space(4.0);
            ui.label(RichText::new(format!("⚠ {}", group.message)).color(palette.warning));
            ui.label(RichText::new(&group.sites_line).strong());
            let label = if group.sites.len() == 1 {
                "Acknowledge warning".to_owned()
            } else {
                format!("Acknowledge for these {} sites", group.sites.len())
            };
            if ui
                .push_id(("acknowledge", index), |ui| ui.small_button(label))
                .inner
                .clicked()
            {
                acknowledge = Some(index);
            }
        }
        let done: Vec<&WarningGroup> = summary.warnings.iter().filter(|g| g.acknowledged).collect();
        if !done.is_empty() {
            let count: usize = done.iter().map(|g| g.sites.len()).sum();
            egui::CollapsingHeader::new(format!(
                "✔ {} acknowledged",
                crate::words::count(count, "safety warning", "safety warnings")
            ))
            .id_salt("acknowledged_warnings")
            .show(ui, |ui| {
                for group in done {
                    ui.label(RichText::new(&group.message).color(palette.muted_text));
                    ui.label(&group.sites_line);
                    ui.add_space(4.0);
                }
            });
        }
        if let Some(group) = acknowledge.and_then(|i| summary.warnings.get(i)) {
            let edit = Edit::Acknowledge {
                sites: group.sites.clone(),
                only: Some((group.kind, group.message.clone())),
            };
            editing::apply(doc, edit, None);
        }
    }

    fn aftercare_ui(&mut self, ui: &mut egui::Ui, doc: &mut Document) {
        let given = doc.session().aftercare.given;
        egui::CollapsingHeader::new(
            RichText::new(if given {
                "Aftercare — given"
            } else {
                "Aftercare — not given yet"
            })
            .strong(),
        )
        .id_salt("record_aftercare")
        .default_open(!given)
        .show(ui, |ui| {
            let mut aftercare = doc.session().aftercare.clone();
            let mut changed = None;
            if ui
                .checkbox(&mut aftercare.given, "Aftercare advice given")
                .changed()
            {
                if aftercare.given && aftercare.text.trim().is_empty() {
                    self.actions.push(RecordAction::UseAftercareTemplate);
                }
                changed = Some(None);
            }
            if aftercare.given {
                let label = ui.label("Advice given to the patient");
                let response = ui
                    .add(
                        TextEdit::multiline(&mut aftercare.text)
                            .desired_rows(6)
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id);
                if response.changed() {
                    changed = Some(Some(editing::gesture(response.id)));
                }
            }
            ui.horizontal_wrapped(|ui| {
                if aftercare.given
                    && ui
                        .button("Use the clinic's text")
                        .on_hover_text("Replace the text above with the clinic's template")
                        .clicked()
                {
                    self.actions.push(RecordAction::UseAftercareTemplate);
                }
                if ui
                    .add_enabled(
                        doc.library().is_some(),
                        egui::Button::new("Edit the clinic's template…"),
                    )
                    .on_disabled_hover_text("Open the session from a library to edit its template")
                    .clicked()
                {
                    self.actions.push(RecordAction::EditAftercareTemplate);
                }
            });
            if let Some(gesture) = changed {
                editing::apply(doc, Edit::Set(Field::Aftercare(aftercare)), gesture);
            }
        });
    }

    /// Opens the clinic's aftercare template, as read, for editing.
    pub fn open_template(&mut self, text: String) {
        self.template = Some(text);
    }

    /// The template was saved: its editor closes.
    pub fn template_saved(&mut self) {
        self.template = None;
    }

    /// What the record asked of the app since the last call.
    pub fn take_actions(&mut self) -> Vec<RecordAction> {
        std::mem::take(&mut self.actions)
    }

    fn sign_off_ui(
        &mut self,
        ui: &mut egui::Ui,
        doc: &mut Document,
        editable: bool,
        can_append: bool,
        palette: &Palette,
    ) {
        let title = match &doc.session().signature {
            Some(s) => format!("Signed — {}", s.at.strftime("%Y-%m-%d %H:%M")),
            None => "Sign-off".to_owned(),
        };
        egui::CollapsingHeader::new(RichText::new(title).strong())
            .id_salt("record_sign_off")
            .default_open(true)
            .show(ui, |ui| {
                let summary = self.summary(doc);
                let state = summary.signature.clone();
                let blockers = summary.blockers.clone();
                match &doc.session().signature {
                    None => {
                        if blockers.is_empty() {
                            ui.label(RichText::new("Ready to sign.").color(palette.success));
                        } else {
                            ui.label("Before signing:");
                            for blocker in &blockers {
                                ui.label(RichText::new(format!("✗ {blocker}")).color(palette.warning));
                            }
                        }
                        let carried = doc.session().unconfirmed_carried_forward();
                        if !carried.is_empty()
                            && ui
                                .add_enabled(editable, egui::Button::new("Confirm all carried-forward marks unchanged"))
                                .on_hover_text("You re-examined them and found them as at the last visit; one step, which Undo reverts")
                                .clicked()
                        {
                            editing::apply(doc, Edit::Confirm(carried), None);
                        }
                        ui.add_enabled_ui(editable, |ui| {
                            if ui
                                .button("Sign session…")
                                .on_hover_text("Signing freezes the session; later changes are dated addenda")
                                .clicked()
                            {
                                self.sign_refusal = blockers;
                                if self.sign_refusal.is_empty() {
                                    let clinician = &doc.session().clinician;
                                    self.signing = Some(SignDialog::open(Purpose::Session, &self.keys, clinician));
                                }
                            }
                        });
                        if !self.sign_refusal.is_empty() {
                            ui.label(
                                RichText::new("Cannot sign yet:").strong().color(palette.error),
                            );
                            for reason in &self.sign_refusal {
                                ui.label(RichText::new(format!("• {reason}")).color(palette.error));
                            }
                        }
                    }
                    Some(_) => {
                        let lines = doc.session().describe_signature();
                        let colour = if state.is_intact() { palette.success } else { palette.error };
                        for line in lines.iter().filter(|l| !l.starts_with("Addendum")) {
                            ui.label(RichText::new(line).color(colour));
                        }
                        ui.label("The session is read-only; add an addendum for anything later.");
                        if can_append
                            && state.is_intact()
                            && ui
                                .button("Co-sign…")
                                .on_hover_text("A second clinician's signature of the visit as it is")
                                .clicked()
                        {
                            let clinician = &doc.session().clinician;
                            self.signing = Some(SignDialog::open(Purpose::CoSign, &self.keys, clinician));
                        }
                        if let Some(problem) = state.describe() {
                            ui.label(RichText::new(format!("⚠ This {problem}.")).strong().color(palette.error));
                        }
                        let lines = doc.session().describe_signature();
                        let addendum_lines: Vec<&String> =
                            lines.iter().filter(|l| l.starts_with("Addendum")).collect();
                        for (index, addendum) in doc.session().addenda.iter().enumerate() {
                            egui::Frame::group(ui.style()).show(ui, |ui| {
                                ui.set_width(ui.available_width());
                                ui.label(
                                    RichText::new(format!(
                                        "Addendum — {}, {}",
                                        addendum.at.strftime("%Y-%m-%d %H:%M"),
                                        addendum.author
                                    ))
                                    .strong(),
                                );
                                ui.label(&addendum.text);
                                if let Some(line) = addendum_lines.get(index) {
                                    ui.label(RichText::new(line.as_str()).small().color(palette.muted_text));
                                }
                            });
                        }
                        if can_append && state.is_intact() {
                            ui.add_space(4.0);
                            let label = ui.label("New addendum");
                            let field = ui
                                .add(
                                    TextEdit::multiline(&mut self.addendum)
                                        .hint_text("What changed or was learned after signing")
                                        .desired_rows(3)
                                        .desired_width(f32::INFINITY),
                                )
                                .labelled_by(label.id);
                            if std::mem::take(&mut self.focus_addendum) {
                                field.request_focus();
                                field.scroll_to_me(Some(egui::Align::Center));
                            }
                            if ui
                                .add_enabled(
                                    !self.addendum.trim().is_empty(),
                                    egui::Button::new("Append addendum"),
                                )
                                .clicked()
                            {
                                let purpose = Purpose::Addendum(self.addendum.trim().to_owned());
                                let clinician = &doc.session().clinician;
                                self.signing = Some(SignDialog::open(purpose, &self.keys, clinician));
                            }
                            if doc.session().clinician.trim().is_empty() {
                                ui.label(
                                    RichText::new("Record the clinician first: addenda carry their author.")
                                        .color(palette.warning),
                                );
                            }
                        }
                    }
                }
            });
    }

    /// The dialogs the record raises. Call once per frame after the panels.
    pub fn dialogs(&mut self, ctx: &egui::Context, doc: &mut Document) {
        self.sides_dialog(ctx, doc);
        self.safety_dialog(ctx, doc);
        self.override_dialog(ctx, doc);
        self.template_dialog(ctx, doc);
        self.sign_dialog(ctx, doc);
    }

    fn safety_dialog(&mut self, ctx: &egui::Context, doc: &mut Document) {
        // Warnings of sites since removed, or already acknowledged, need no dialog.
        self.raised.retain(|r| {
            doc.session()
                .needle_sites
                .iter()
                .any(|n| n.id == r.needle && n.warnings.iter().any(|w| w == &r.warning))
        });
        let Some(first) = self.raised.first() else {
            return;
        };
        let needle = first.needle;
        let mark = MarkRef::new(MarkKind::NeedleSite, needle);
        let title = doc
            .session()
            .describe_mark(mark)
            .unwrap_or_else(|| format!("Needle site {needle}"));
        let messages: Vec<String> = self
            .raised
            .iter()
            .filter(|r| r.needle == needle)
            .map(|r| r.warning.message.clone())
            .collect();
        let palette = Palette::of(ctx);
        let mut choice = None;
        let response = egui::Modal::new(egui::Id::unique("safety_warning")).show(ctx, |ui| {
            ui.set_max_width(460.0);
            ui.heading(RichText::new("⚠ Safety warning").color(palette.warning));
            ui.label(RichText::new(&title).strong());
            ui.add_space(6.0);
            for message in &messages {
                ui.label(message);
                ui.add_space(4.0);
            }
            ui.add_space(6.0);
            ui.horizontal_wrapped(|ui| {
                if ui.button("Acknowledge").clicked() {
                    choice = Some(true);
                }
                if ui.button("Remove this needle site").clicked() {
                    choice = Some(false);
                }
                if ui
                    .button("Decide later")
                    .on_hover_text("The warning stays unacknowledged; signing waits for it")
                    .clicked()
                {
                    self.raised.retain(|r| r.needle != needle);
                }
            });
        });
        match choice {
            Some(true) => {
                let edit = Edit::Acknowledge {
                    sites: vec![needle],
                    only: None,
                };
                editing::apply(doc, edit, None);
                self.raised.retain(|r| r.needle != needle);
            }
            Some(false) => {
                editing::apply(doc, Edit::Remove(vec![mark]), None);
                self.raised.retain(|r| r.needle != needle);
            }
            None if response.should_close() => self.raised.retain(|r| r.needle != needle),
            None => {}
        }
    }

    fn override_dialog(&mut self, ctx: &egui::Context, doc: &mut Document) {
        let Some(reason) = &mut self.override_reason else {
            return;
        };
        let mut done = None;
        let response = egui::Modal::new(egui::Id::unique("needle_override")).show(ctx, |ui| {
            ui.set_max_width(440.0);
            ui.heading("Override the needle lock");
            ui.label(
                "Needle sites are locked until screening is reviewed and consent recorded for \
                 this session. The reason you give is kept in the record and shown with it.",
            );
            let label = ui.label("Reason");
            ui.add(
                TextEdit::multiline(reason)
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
            ui.horizontal_wrapped(|ui| {
                if ui
                    .add_enabled(
                        !reason.trim().is_empty(),
                        egui::Button::new("Override and record"),
                    )
                    .clicked()
                {
                    done = Some(true);
                }
                if ui.button("Cancel").clicked() {
                    done = Some(false);
                }
            });
        });
        if done == Some(true) {
            let gate = GateOverride {
                reason: reason.trim().to_owned(),
                at: now(),
                by: doc.session().clinician.clone(),
            };
            editing::apply(doc, Edit::Set(Field::GateOverride(Some(gate))), None);
        }
        if done.is_some() || response.should_close() {
            self.override_reason = None;
        }
    }

    fn template_dialog(&mut self, ctx: &egui::Context, doc: &Document) {
        let (Some(text), Some(library)) = (&mut self.template, doc.library()) else {
            return;
        };
        let mut open = true;
        let mut save = false;
        egui::Window::new("Aftercare template")
            .open(&mut open)
            .default_width(520.0)
            .show(ctx, |ui| {
                ui.label(format!(
                    "The clinic's aftercare advice, kept in {}. Sessions keep the text they were given.",
                    library.aftercare_file().display()
                ));
                let label = ui.label("The clinic's template");
                ui.add(
                    TextEdit::multiline(text)
                        .desired_rows(16)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
                save = ui.button("Save template").clicked();
            });
        if save {
            self.actions
                .push(RecordAction::SaveAftercareTemplate(text.clone()));
        } else if !open {
            self.template = None;
        }
    }

    fn sign_dialog(&mut self, ctx: &egui::Context, doc: &mut Document) {
        let Some(dialog) = &mut self.signing else {
            return;
        };
        match dialog.show(ctx, doc, &self.keys, &mut self.guard, now()) {
            Signed::Open => {}
            Signed::Cancelled => self.signing = None,
            Signed::Done => {
                if matches!(dialog.purpose(), Purpose::Addendum(_)) {
                    self.addendum.clear();
                }
                self.signing = None;
                self.sign_refusal.clear();
                self.actions.push(RecordAction::Save);
            }
        }
    }
}

/// A "YYYY-MM-DD HH:MM" field for a date-time; the value changes when the text parses.
/// Returns the response when the value changed.
/// What a change to a signed session gets instead: when and by whom it was signed, and
/// where later changes go. `None` for an unsigned session.
pub fn signed_refusal(doc: &Document) -> Option<String> {
    doc.session().signature.as_ref().map(|signature| {
        format!(
            "Signed by {} on {} — the session cannot change; add an addendum instead.",
            signature.by,
            signature.at.strftime("%Y-%m-%d %H:%M")
        )
    })
}

pub fn date_time_edit(
    ui: &mut egui::Ui,
    id_salt: &str,
    value: &mut DateTime,
    label: Option<egui::Id>,
) -> Option<egui::Response> {
    let id = ui.make_persistent_id(id_salt);
    let current = value.strftime("%Y-%m-%d %H:%M").to_string();
    let mut text = ui
        .data_mut(|d| d.get_temp::<(String, String)>(id))
        .filter(|(for_value, _)| *for_value == current)
        .map_or_else(|| current.clone(), |(_, text)| text);
    let mut changed = None;
    ui.horizontal_wrapped(|ui| {
        let mut response = ui.add(TextEdit::singleline(&mut text).desired_width(140.0));
        if let Some(label) = label {
            response = response.labelled_by(label);
        }
        match text.trim().replace(' ', "T").parse::<DateTime>() {
            Ok(parsed) if response.changed() && parsed != *value => {
                *value = parsed;
                changed = Some(response);
            }
            Ok(_) => {}
            Err(_) => {
                ui.label(RichText::new("use YYYY-MM-DD HH:MM").color(Palette::of(ui.ctx()).error));
            }
        }
    });
    let now = value.strftime("%Y-%m-%d %H:%M").to_string();
    ui.data_mut(|d| d.insert_temp(id, (now, text)));
    changed
}

fn screening_ui(ui: &mut egui::Ui, doc: &mut Document, palette: &Palette) {
    let screening = &doc.session().screening;
    let title = match (&screening.reviewed, screening.carried_from) {
        (Some(review), _) => format!("Screening — reviewed {}", review.at.strftime("%Y-%m-%d")),
        (None, Some(date)) => format!("Screening — carried from {date}, to review"),
        (None, None) => "Screening — not reviewed".to_owned(),
    };
    egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt("record_screening")
        .default_open(!screening.is_reviewed())
        .show(ui, |ui| {
            let mut screening = doc.session().screening.clone();
            match (&screening.reviewed, screening.carried_from) {
                (Some(review), _) => {
                    ui.label(
                        RichText::new(format!(
                            "Reviewed on {} by {}.",
                            review.at.strftime("%Y-%m-%d %H:%M"),
                            if review.by.is_empty() { "clinician not recorded" } else { &review.by }
                        ))
                        .color(palette.success),
                    );
                }
                (None, Some(date)) => {
                    ui.label(
                        RichText::new(format!(
                            "These answers were reviewed on {date}. Go through them with the patient today, then mark them reviewed."
                        ))
                        .color(palette.warning),
                    );
                }
                (None, None) => {
                    ui.label(RichText::new("Not reviewed in this session.").color(palette.warning));
                }
            }
            let mut changed = None;
            // The quick answers first, above the questions: "no" to every question not yet
            // answered, and the review, without scrolling past 21 questions.
            ui.horizontal_wrapped(|ui| {
                if ui
                    .button("No to all not yet answered")
                    .on_hover_text("Every question still “not asked” becomes “no”; questions already answered keep their answer")
                    .clicked()
                {
                    for item in ScreeningItem::ALL {
                        if screening.answer(item) == Answer::NotAsked {
                            screening.entry(item).answer = Answer::No;
                        }
                    }
                    changed = Some(None);
                }
                let unasked = ScreeningItem::ALL
                    .into_iter()
                    .filter(|i| screening.answer(*i) == Answer::NotAsked)
                    .count();
                if ui
                    .button("Mark screening reviewed")
                    .on_hover_text(if unasked > 0 {
                        format!(
                            "{} still “not asked”",
                            crate::words::count(unasked, "question is", "questions are")
                        )
                    } else {
                        "Record that the checklist was gone through with the patient now".to_owned()
                    })
                    .clicked()
                {
                    screening.reviewed = Some(Review {
                        at: now(),
                        by: doc.session().clinician.clone(),
                    });
                    screening.carried_from = None;
                    changed = Some(None);
                }
            });
            ui.label(
                RichText::new("Keyboard: Tab to a question, then Y (yes), N (no) or U (not asked); the next question follows.")
                    .small()
                    .color(palette.muted_text),
            );
            // The question whose answer has the keyboard, if any, and the key pressed.
            let focus_next = ui.make_persistent_id("screening_focus_next");
            let wanted: Option<usize> = ui.data_mut(|d| d.remove_temp(focus_next));
            let mut answered_by_key: Option<usize> = None;
            let mut position = 0_usize;
            for (heading, absolute) in [
                ("Absolute: do not needle", true),
                ("Relative: decide and record the decision", false),
            ] {
                ui.add_space(4.0);
                ui.label(RichText::new(heading).italics());
                for item in ScreeningItem::ALL.into_iter().filter(|i| i.is_absolute() == absolute) {
                    let answer = screening.answer(item);
                    let index = position;
                    position += 1;
                    ui.push_id(item, |ui| {
                        // Answers first, so they line up; the item's words wrap beside them
                        // and the panel keeps its width, however long the item.
                        ui.horizontal(|ui| {
                            let mut value = answer;
                            let mut focused = false;
                            for choice in [Answer::Yes, Answer::No, Answer::NotAsked] {
                                let selected = value == choice;
                                let button = egui::Button::selectable(selected, choice.label())
                                    .min_size(egui::vec2(if choice == Answer::NotAsked { 64.0 } else { 34.0 }, 0.0));
                                let response = ui.add(button);
                                if wanted == Some(index) && choice == Answer::No {
                                    response.request_focus();
                                    response.scroll_to_me(None);
                                }
                                focused |= response.has_focus();
                                if response.clicked() {
                                    value = choice;
                                }
                            }
                            if focused {
                                let key = ui.input(|i| {
                                    [(egui::Key::Y, Answer::Yes), (egui::Key::N, Answer::No), (egui::Key::U, Answer::NotAsked)]
                                        .into_iter()
                                        .find(|(key, _)| i.key_pressed(*key) && i.modifiers.is_none())
                                        .map(|(_, answer)| answer)
                                });
                                if let Some(key) = key {
                                    value = key;
                                    answered_by_key = Some(index);
                                }
                            }
                            if value != answer {
                                screening.entry(item).answer = value;
                                changed = Some(None);
                            }
                            let text = RichText::new(item.label());
                            ui.add(
                                egui::Label::new(if answer == Answer::Yes {
                                    text.strong().color(if absolute { palette.error } else { palette.warning })
                                } else {
                                    text
                                })
                                .wrap(),
                            );
                        });
                        if answer == Answer::Yes {
                            let entry = screening.entry(item);
                            let response = ui.add(
                                TextEdit::singleline(&mut entry.note)
                                    .hint_text("The decision, e.g. superficial needling only")
                                    .desired_width(f32::INFINITY),
                            );
                            if response.changed() {
                                changed = Some(Some(editing::gesture(response.id)));
                            }
                        }
                    });
                }
            }
            if let Some(index) = answered_by_key {
                ui.data_mut(|d| d.insert_temp(focus_next, index + 1));
            }
            if let Some(gesture) = changed {
                editing::apply(doc, Edit::Set(Field::Screening(screening)), gesture);
            }
        });
}

/// Consent not yet recorded: what was explained is ticked as part of recording it (the
/// usual topics in one click), so needling never unlocks on a consent that records nothing.
fn new_consent_ui(ui: &mut egui::Ui, doc: &mut Document, palette: &Palette, thorax: bool) {
    ui.label(RichText::new("No consent recorded for this session.").color(palette.warning));
    let id = ui.make_persistent_id("consent_draft");
    let mut explained: Vec<ConsentTopic> =
        ui.data_mut(|d| d.get_temp_mut_or_default::<Vec<ConsentTopic>>(id).clone());
    ui.label("Explained to the patient:");
    for topic in ConsentTopic::ALL {
        let mut ticked = explained.contains(&topic);
        let mut text = RichText::new(topic.label());
        if topic == ConsentTopic::Pneumothorax && thorax {
            text = text.color(palette.warning);
        }
        if ui.checkbox(&mut ticked, text).changed() {
            explained.retain(|t| *t != topic);
            if ticked {
                explained.push(topic);
                explained.sort();
            }
        }
    }
    if thorax && !explained.contains(&ConsentTopic::Pneumothorax) {
        ui.label(
            RichText::new("The thorax is needled: explain and tick the risk of pneumothorax.")
                .color(palette.warning),
        );
    }
    let missing: Vec<&str> = ConsentTopic::ESSENTIAL
        .into_iter()
        .filter(|t| !explained.contains(t))
        .map(ConsentTopic::label)
        .collect();
    let mut record = None;
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Explained all — record consent")
            .on_hover_text(
                "The patient (verbally) consented after you explained every topic above but pneumothorax, which counts only when ticked; edit who, when and how afterwards",
            )
            .clicked()
        {
            let mut all = explained.clone();
            for topic in ConsentTopic::USUAL {
                if !all.contains(&topic) {
                    all.push(topic);
                }
            }
            all.sort();
            record = Some(all);
        }
        let response = ui
            .add_enabled(missing.is_empty(), egui::Button::new("Record consent"))
            .on_hover_text("Consent for what is ticked above")
            .on_disabled_hover_text(format!(
                "Tick what was explained first: {}",
                missing.join(", ").to_lowercase()
            ));
        if response.clicked() {
            record = Some(explained.clone());
        }
    });
    if let Some(explained) = record {
        ui.data_mut(|d| d.remove::<Vec<ConsentTopic>>(id));
        let consent = Consent {
            given_by: "Patient".to_owned(),
            at: now(),
            method: ConsentMethod::Verbal,
            explained,
            notes: String::new(),
        };
        editing::apply(doc, Edit::Set(Field::Consent(Some(consent))), None);
    } else {
        ui.data_mut(|d| d.insert_temp(id, explained));
    }
}

fn consent_ui(ui: &mut egui::Ui, doc: &mut Document, palette: &Palette, thorax: bool) {
    let title = match &doc.session().consent {
        Some(c) => format!("Consent — {}, {}", c.method.label(), c.at.strftime("%H:%M")),
        None => "Consent — not recorded".to_owned(),
    };
    egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt("record_consent")
        .default_open(doc.session().consent.is_none())
        .show(ui, |ui| {
            let mut consent = doc.session().consent.clone();
            let Some(consent) = &mut consent else {
                new_consent_ui(ui, doc, palette, thorax);
                return;
            };
            let mut changed = None;
            egui::Grid::new("consent_grid")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    let label = ui.label("Given by");
                    let response = ui
                        .add(
                            TextEdit::singleline(&mut consent.given_by)
                                .char_limit(crate::model::limits::NAME)
                                .desired_width(200.0),
                        )
                        .labelled_by(label.id);
                    if response.changed() {
                        changed = Some(Some(editing::gesture(response.id)));
                    }
                    ui.end_row();
                    let label = ui.label("When");
                    if let Some(response) =
                        date_time_edit(ui, "consent_at", &mut consent.at, Some(label.id))
                    {
                        changed = Some(Some(editing::gesture(response.id)));
                    }
                    ui.end_row();
                    ui.label("How");
                    ui.horizontal_wrapped(|ui| {
                        for method in ConsentMethod::ALL {
                            if ui
                                .radio_value(&mut consent.method, method, method.label())
                                .changed()
                            {
                                changed = Some(None);
                            }
                        }
                    });
                    ui.end_row();
                });
            ui.label("Explained:");
            for topic in ConsentTopic::ALL {
                let mut ticked = consent.explained.contains(&topic);
                if ui.checkbox(&mut ticked, topic.label()).changed() {
                    consent.explained.retain(|t| *t != topic);
                    if ticked {
                        consent.explained.push(topic);
                        consent.explained.sort();
                    }
                    changed = Some(None);
                }
            }
            if thorax && !consent.explained.contains(&ConsentTopic::Pneumothorax) {
                ui.label(
                    RichText::new(
                        "The thorax is needled: explain and tick the risk of pneumothorax.",
                    )
                    .color(palette.warning),
                );
            }
            let response = ui.add(
                TextEdit::singleline(&mut consent.notes)
                    .hint_text("Notes (e.g. written form reference)")
                    .desired_width(f32::INFINITY),
            );
            if response.changed() {
                changed = Some(Some(editing::gesture(response.id)));
            }
            if let Some(gesture) = changed {
                let consent = Some(consent.clone());
                editing::apply(doc, Edit::Set(Field::Consent(consent)), gesture);
            }
        });
}

fn needle_count_ui(ui: &mut egui::Ui, doc: &mut Document, palette: &Palette) {
    let sites = doc.session().needle_sites.len() as u32;
    let mut changed = None;
    let mut count = doc.session().needle_count;
    // The usual case in one click: every needle charted went in and came out.
    if sites > 0
        && count.inserted.is_none()
        && count.removed.is_none()
        && ui
            .button(format!("{sites} in, {sites} out — all counted"))
            .on_hover_text(
                "Every needle charted was counted in and out; change either number below if not",
            )
            .clicked()
    {
        count.inserted = Some(sites);
        count.removed = Some(sites);
        changed = Some(None);
    }
    egui::Grid::new("needle_count")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            let count = &mut count;
            for (label, value) in [
                ("Needles in", &mut count.inserted),
                ("Needles out", &mut count.removed),
            ] {
                let label = ui.label(label);
                ui.horizontal_wrapped(|ui| {
                    let mut recorded = value.is_some();
                    if ui.checkbox(&mut recorded, "counted").changed() {
                        *value = recorded.then_some(sites);
                        changed = Some(None);
                    }
                    if let Some(n) = value {
                        let response = ui
                            .add(DragValue::new(n).range(ranges::INSERTED.u32s()))
                            .labelled_by(label.id);
                        if response.changed() {
                            // Typing or dragging one count is one undo step.
                            changed = Some(Some(editing::gesture(response.id)));
                        }
                    }
                });
                ui.end_row();
            }
        });
    if let Some((inserted, removed)) = doc.session().needle_count.mismatch() {
        ui.label(
            RichText::new(format!(
                "⚠ Needle count mismatch: {inserted} in, {removed} out. Find every needle before signing."
            ))
            .strong()
            .color(palette.error),
        );
    } else if sites > 0
        && doc
            .session()
            .needle_count
            .inserted
            .is_some_and(|n| n != sites)
    {
        ui.label(
            RichText::new(format!(
                "{} charted.",
                crate::words::count(sites as usize, "needle site", "needle sites")
            ))
            .color(palette.muted_text),
        );
    }
    if let Some(gesture) = changed {
        editing::apply(doc, Edit::Set(Field::NeedleCount(count)), gesture);
    }
}

fn adverse_events_ui(ui: &mut egui::Ui, doc: &mut Document, palette: &Palette) {
    let events = &doc.session().adverse_events;
    let serious = events.iter().any(|e| e.grade == Grade::Serious);
    let title = RichText::new(match events.len() {
        0 => "Adverse events — none recorded".to_owned(),
        n if serious => format!("Adverse events — {n}, SERIOUS"),
        n => format!("Adverse events — {n}"),
    })
    .strong();
    egui::CollapsingHeader::new(if serious {
        title.color(palette.error)
    } else {
        title
    })
    .id_salt("record_adverse_events")
    .default_open(!events.is_empty())
    .show(ui, |ui| {
        let mut changed = None;
        let mut remove = None;
        let mut events = doc.session().adverse_events.clone();
        for (index, event) in events.iter_mut().enumerate() {
            let stroke = if event.grade == Grade::Serious {
                egui::Stroke::new(2.0, palette.error)
            } else {
                ui.visuals().widgets.noninteractive.bg_stroke
            };
            ui.push_id(("adverse_event", index), |ui| {
                egui::Frame::group(ui.style())
                    .stroke(stroke)
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        if event.grade == Grade::Serious {
                            ui.label(
                                RichText::new(
                                    "SERIOUS adverse event: arrange urgent care and report it",
                                )
                                .strong()
                                .color(palette.error),
                            );
                        }
                        ui.horizontal_wrapped(|ui| {
                            let before = (event.kind, event.grade);
                            ComboBox::from_id_salt("kind")
                                .selected_text(event.kind.label())
                                .show_ui(ui, |ui| {
                                    for kind in AdverseEventKind::ALL {
                                        ui.selectable_value(&mut event.kind, kind, kind.label());
                                    }
                                });
                            ComboBox::from_id_salt("grade")
                                .selected_text(event.grade.label())
                                .show_ui(ui, |ui| {
                                    for grade in Grade::ALL {
                                        ui.selectable_value(&mut event.grade, grade, grade.label());
                                    }
                                });
                            if (event.kind, event.grade) != before {
                                changed = Some(None);
                            }
                            if let Some(response) = date_time_edit(ui, "at", &mut event.at, None) {
                                changed = Some(Some(editing::gesture(response.id)));
                            }
                            if ui.small_button("Remove").clicked() {
                                remove = Some(index);
                            }
                        });
                        let response = ui.add(
                            TextEdit::singleline(&mut event.action)
                                .hint_text("Action taken")
                                .desired_width(f32::INFINITY),
                        );
                        if response.changed() {
                            changed = Some(Some(editing::gesture(response.id)));
                        }
                        let response = ui.add(
                            TextEdit::singleline(&mut event.notes)
                                .hint_text("Notes")
                                .desired_width(f32::INFINITY),
                        );
                        if response.changed() {
                            changed = Some(Some(editing::gesture(response.id)));
                        }
                    });
            });
        }
        if ui.button("Add adverse event").clicked() {
            events.push(AdverseEvent {
                kind: AdverseEventKind::default(),
                grade: Grade::Mild,
                at: now(),
                action: String::new(),
                notes: String::new(),
            });
            changed = Some(None);
        }
        if let Some(index) = remove {
            events.remove(index);
            changed = Some(None);
        }
        if let Some(gesture) = changed {
            editing::apply(doc, Edit::Set(Field::AdverseEvents(events)), gesture);
        }
    });
}
