//! The session report (PDF) a clinic files or sends to a referrer; the patient's handout is
//! in `handout.rs` and shares its charts.
//!
//! Report: patient and session header, the charted views, the needling log, trigger-point
//! findings, referred pain, screening and consent, needle count, adverse events, aftercare,
//! sign-off and addenda, and the comparison with the previous visit (metrics and difference
//! maps).

use std::path::{Path, PathBuf};

use crate::bodymap::BodyMap;
use crate::bodymap::custom::CustomView;
use crate::geometry::ViewId;
use crate::metrics::{Change, compare, standard_charts};
use crate::model::{AdverseEvent, Answer, Grade, Patient, ScreeningItem, Session};
use crate::render::{Base, Marks, RenderOptions, render_chart};

use super::pdf::{ACCENT, ALERT, BODY_W, Column, INK, MUTED, PdfError, Picture, Writer};

/// Everything a report or handout of one session draws on.
pub struct ReportInput<'a> {
    pub session: &'a Session,
    pub patient: Option<&'a Patient>,
    /// The patient's previous visit, for the comparison.
    pub previous: Option<&'a Session>,
    pub map: &'a BodyMap,
    /// The clinic's aftercare advice, for a handout when the session recorded none.
    pub aftercare_template: &'a str,
    /// The library's custom views, so marks on them are drawn too.
    pub custom_views: &'a [CustomView],
}

/// A session file with what lies beside it in its library.
pub struct LoadedSession {
    pub path: PathBuf,
    pub session: Session,
    pub patient: Option<Patient>,
    pub previous: Option<Session>,
    pub aftercare_template: String,
    pub custom_views: Vec<CustomView>,
    /// Why each custom view of the library that was left out could not be used.
    pub custom_view_problems: Vec<String>,
}

impl LoadedSession {
    /// Reads a session file, its patient and — with `previous` — its previous visit (when it
    /// lies in a library), the clinic's aftercare template and the library's custom views.
    pub fn load(path: &Path, previous: bool) -> Result<Self, crate::storage::LoadError> {
        let session = crate::storage::load_session(path)?;
        // The library is found from where the file is, so a relative path works too.
        let located = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        let patient = super::patient_of(&located, &session);
        let previous = previous
            .then(|| super::previous_visit(&located, &session).map(|(_, s)| s))
            .flatten();
        // Only a session whose patient file is beside it is taken to be in a library.
        let library = patient
            .as_ref()
            .and_then(|_| crate::storage::library_of(&located));
        let aftercare_template = library
            .as_ref()
            .and_then(|l| l.aftercare_template().ok())
            .unwrap_or_else(|| crate::model::DEFAULT_AFTERCARE.to_owned());
        let (custom_views, custom_view_problems) = library
            .map(|l| crate::bodymap::custom::load_custom_views(l.root()))
            .unwrap_or_default();
        Ok(Self {
            path: path.to_path_buf(),
            session,
            patient,
            previous,
            aftercare_template,
            custom_views,
            custom_view_problems,
        })
    }

    pub fn input<'a>(&'a self, map: &'a BodyMap) -> ReportInput<'a> {
        ReportInput {
            session: &self.session,
            patient: self.patient.as_ref(),
            previous: self.previous.as_ref(),
            map,
            aftercare_template: &self.aftercare_template,
            custom_views: &self.custom_views,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Pdf(#[from] PdfError),
    #[error("a chart could not be drawn: {0}")]
    Render(#[from] crate::render::RenderError),
}

/// Height of the charts on the page, mm.
pub(super) const CHART_MM: f32 = 130.0;
/// Chart images are this many pixels tall (about 230 dpi at [`CHART_MM`]).
const CHART_PX: u32 = 1200;
/// The narrowest a chart image is, in per cent of its height, so its legend fits: a lateral
/// view (about a quarter as wide as tall) is widened, the full-body front and back views
/// (about 41 %) are not.
const MIN_ASPECT_PERCENT: u32 = 40;

/// The views a session has marks on that can be drawn — the map's in its order, then the
/// library's custom views — and those that cannot (a custom view not in the library).
pub(super) fn charted_views(input: &ReportInput<'_>) -> (Vec<ViewId>, Vec<ViewId>) {
    let session = input.session;
    let mut used: Vec<&ViewId> = session
        .trigger_points
        .iter()
        .map(|m| &m.view)
        .chain(session.referred_zones.iter().map(|m| &m.view))
        .chain(session.needle_sites.iter().map(|m| &m.view))
        .chain(session.arrows.iter().map(|m| &m.view))
        .chain(session.text_notes.iter().map(|m| &m.view))
        .collect();
    used.sort();
    used.dedup();
    let drawable: Vec<ViewId> = input
        .map
        .views
        .iter()
        .map(|v| v.id.clone())
        .chain(
            input
                .custom_views
                .iter()
                .filter(|c| c.image_problem.is_none())
                .map(CustomView::id),
        )
        .filter(|id| used.contains(&id))
        .collect();
    let missing = used
        .into_iter()
        .filter(|v| !drawable.contains(v))
        .cloned()
        .collect();
    (drawable, missing)
}

/// A chart of `view` (a standard view, or one of the library's custom views) and its
/// caption.
fn chart(
    input: &ReportInput<'_>,
    view: &ViewId,
    marks: Marks<'_>,
    notes: bool,
) -> Result<(Picture, String), ReportError> {
    let (base, name) = match input.map.view(view) {
        Some(v) => (Base::Map(input.map, view.as_str()), v.name.clone()),
        None => match input.custom_views.iter().find(|c| &c.id() == view) {
            Some(custom) => (Base::Diagram(custom), custom.file.name.clone()),
            None => (
                Base::Map(input.map, view.as_str()),
                view.as_str().to_owned(),
            ),
        },
    };
    let height = CHART_PX;
    // A narrow view (a lateral one) is given the width its legend needs, centred.
    let width =
        crate::render::width_for_height(base, height)?.max(height * MIN_ASPECT_PERCENT / 100);
    // Without the clinician's notes is the patient's chart: its legend in plain words.
    let options = RenderOptions {
        labels: false,
        title: false,
        notes,
        plain_words: !notes,
        zoom: 1.5,
        ..RenderOptions::new(width, height)
    };
    let pixmap = render_chart(base, marks, &options)?;
    // Charts are drawn on an opaque background: RGB is all the PDF needs.
    let rgb = pixmap
        .pixels()
        .iter()
        .flat_map(|p| [p.red(), p.green(), p.blue()])
        .collect();
    let picture = Picture {
        width: pixmap.width() as usize,
        height: pixmap.height() as usize,
        rgb,
    };
    Ok((picture, name))
}

/// The charts of `views` that can be drawn, and the names of those that cannot (a custom
/// diagram that no longer decodes): one bad picture never stops a report.
pub(super) fn charts(
    input: &ReportInput<'_>,
    views: &[ViewId],
    marks: Marks<'_>,
    notes: bool,
) -> (Vec<(Picture, String)>, Vec<String>) {
    let mut drawn = Vec::new();
    let mut failed = Vec::new();
    for view in views {
        match chart(input, view, marks, notes) {
            Ok(chart) => drawn.push(chart),
            Err(error) => failed.push(format!("{view}: {error}")),
        }
    }
    (drawn, failed)
}

/// A muscle's name on `map` ("Upper trapezius"), "not set" without one.
pub(super) fn muscle_name(map: &BodyMap, muscle: Option<&crate::model::MuscleRef>) -> String {
    muscle.map_or_else(
        || "not set".to_owned(),
        |m| {
            map.muscle(&m.0)
                .map_or_else(|| m.fallback_name(), |d| d.name.clone())
        },
    )
}

/// A safety warning in a few words: what and which zone (the guidance is in the app).
pub(super) fn warning_text(map: &BodyMap, warning: &crate::model::SafetyWarning) -> String {
    use crate::model::WarningKind;
    let zone = map
        .safety_zone(&warning.zone)
        .map_or_else(|| warning.zone.replace('_', " "), |z| z.name.to_lowercase());
    match warning.kind {
        WarningKind::InZone => format!("in safety zone: {zone}"),
        WarningKind::TooDeep => format!("deeper than advised: {zone}"),
        WarningKind::BilateralThorax => "both sides of the thorax needled".to_owned(),
    }
}

/// "2026-10-08 14:30".
pub(super) fn date_time(at: &jiff::civil::DateTime) -> String {
    at.strftime("%Y-%m-%d %H:%M").to_string()
}

fn header_line(input: &ReportInput<'_>) -> String {
    format!(
        "{} · session {} · {}",
        super::patient_label(input.patient, input.session),
        date_time(&input.session.started_at),
        if input.session.clinician.trim().is_empty() {
            "clinician not recorded"
        } else {
            input.session.clinician.trim()
        }
    )
}

/// The session report as PDF bytes. The same session gives the same bytes.
pub fn session_report(input: &ReportInput<'_>) -> Result<Vec<u8>, ReportError> {
    let session = input.session;
    let map = input.map;
    let patient_label = super::patient_label(input.patient, session);
    let mut pdf = Writer::new(
        &format!(
            "Treatment session report — {patient_label}, {}",
            session.date()
        ),
        &session.clinician,
        session
            .signature
            .as_ref()
            .map_or(session.started_at, |s| s.at),
        header_line(input),
    )?;
    pdf.title("Treatment session report");
    let state = session.signature_state();
    let status = match (&session.signature, &state) {
        (Some(_), state) if state.is_intact() => session.describe_signature().join("\n"),
        (Some(_), state) => format!(
            "SIGNATURE BROKEN: {}\n{}",
            state.describe().unwrap_or_default(),
            session.describe_signature().join("\n")
        ),
        (None, _) => "DRAFT: not signed".to_owned(),
    };
    for line in status.lines() {
        pdf.paragraph(line, 10.0, if state.is_intact() { ACCENT } else { ALERT });
    }
    let mut rows = vec![("Patient", patient_label.clone())];
    if let Some(patient) = input.patient
        && let Some(born) = patient.date_of_birth
    {
        rows.push(("Date of birth", born.to_string()));
    }
    rows.extend([
        ("Session", date_time(&session.started_at)),
        ("Clinician", session.clinician.clone()),
        (
            "Position",
            session
                .patient_position
                .map_or_else(String::new, |p| p.label().to_owned()),
        ),
        (
            "Pain (NPRS)",
            match (session.pain_before, session.pain_after) {
                (None, None) => String::new(),
                (before, after) => format!(
                    "before {} / after {}",
                    before.map_or("–".to_owned(), |p| format!("{}/10", p.0)),
                    after.map_or("–".to_owned(), |p| format!("{}/10", p.0))
                ),
            },
        ),
        (
            "Body map",
            format!(
                "{} version {}",
                session.body_map.id, session.body_map.version
            ),
        ),
        ("Patient id", session.patient_id.0.to_string()),
        ("Record id", session.id.0.to_string()),
    ]);
    pdf.fields(&rows);

    if !session.complaints.is_empty() || !session.goals.trim().is_empty() {
        pdf.heading("Presenting complaints and goals", 10.0);
        let complaints: Vec<(&str, String)> = session
            .complaints
            .iter()
            .map(|c| {
                let mut text = c.description.trim().to_owned();
                if !c.onset.trim().is_empty() {
                    text.push_str(&format!(" (onset: {})", c.onset.trim()));
                }
                if let Some(pain) = c.pain {
                    text.push_str(&format!(", NPRS {}/10", pain.0));
                }
                if c.carried_forward {
                    text.push_str(" — carried forward from the last visit, not yet confirmed");
                }
                ("Complaint", text)
            })
            .collect();
        pdf.fields(&complaints);
        pdf.fields(&[("Goals", session.goals.clone())]);
    }

    let (views, missing) = charted_views(input);
    if !views.is_empty() {
        pdf.heading("Body chart", CHART_MM + 7.0);
        let patient = patient_label.as_str();
        let (drawn, failed) = charts(input, &views, Marks::Session { session, patient }, true);
        pdf.charts(drawn, CHART_MM);
        pdf.paragraph(
            "Filled circle: active trigger point; ring: latent; dashed halo: carried forward from the last visit and not yet re-examined; pin: needle site. Zones are coloured and patterned by pain quality, more opaque for higher intensity.",
            8.0,
            MUTED,
        );
        not_drawn(&mut pdf, &failed);
    }
    // The chart's words as text, so they can be searched and copied (the drawing has them
    // too, where they fit).
    let view_name = |view: &ViewId| {
        input
            .map
            .view(view)
            .map_or_else(|| view.as_str().replace('_', " "), |v| v.name.clone())
    };
    let chart_words: Vec<(&str, String)> = session
        .text_notes
        .iter()
        .filter(|n| !n.text.trim().is_empty())
        .map(|n| {
            (
                "Note on the chart",
                format!("{} ({})", n.text.trim(), view_name(&n.view)),
            )
        })
        .chain(
            session
                .arrows
                .iter()
                .filter(|a| !a.label.trim().is_empty())
                .map(|a| {
                    (
                        "Radiation arrow",
                        format!("{} ({})", a.label.trim(), view_name(&a.view)),
                    )
                }),
        )
        .collect();
    pdf.fields(&chart_words);
    if !missing.is_empty() {
        let names: Vec<&str> = missing.iter().map(ViewId::as_str).collect();
        pdf.paragraph(
            &format!(
                "Marks on custom views not found in this library ({}) are listed below but not drawn here.",
                names.join(", ")
            ),
            8.5,
            MUTED,
        );
    }

    pdf.heading("Needling log", 12.0);
    if session.needle_sites.is_empty() {
        pdf.paragraph("No needles were inserted in this session.", 9.5, INK);
    } else {
        let rows: Vec<Vec<String>> = session
            .needle_sites
            .iter()
            .enumerate()
            .map(|(i, site)| {
                let warnings: Vec<String> = site
                    .warnings
                    .iter()
                    .map(|w| {
                        format!(
                            "{}{}",
                            warning_text(map, w),
                            if w.acknowledged {
                                " (acknowledged)"
                            } else {
                                " (NOT acknowledged)"
                            }
                        )
                    })
                    .collect();
                let mut technique = site.technique.label().to_owned();
                if let Some(minutes) = site.retention_min {
                    technique.push_str(&format!(", {minutes} min"));
                }
                if let Some(e) = &site.electrical_stimulation {
                    technique.push_str(&format!(
                        ", e-stim {} Hz, {}, {} min",
                        e.frequency_hz,
                        e.intensity.trim(),
                        e.duration_min
                    ));
                }
                technique.push_str(&format!("; {}", site.palpation.label()));
                if !site.direction.trim().is_empty() {
                    technique.push_str(&format!("; {}", site.direction.trim()));
                }
                if let Some(position) = site.patient_position {
                    technique.push_str(&format!("; {}", position.label()));
                }
                // The trigger point treated, by its row in the findings table below.
                if let Some(row) = site
                    .trigger_point
                    .and_then(|id| session.trigger_points.iter().position(|t| t.id == id))
                {
                    technique.push_str(&format!("; trigger point #{}", row + 1));
                }
                vec![
                    (i + 1).to_string(),
                    muscle_name(map, site.muscle.as_ref()),
                    site.side.label().to_owned(),
                    site.needle.label(),
                    site.depth_mm.map_or("–".to_owned(), |d| format!("{d} mm")),
                    technique,
                    site.twitch_count.map_or("–".to_owned(), |n| n.to_string()),
                    if warnings.is_empty() {
                        "none".to_owned()
                    } else {
                        warnings.join("; ")
                    },
                ]
            })
            .collect();
        let columns = [
            Column::new("#", 7.0),
            Column::new("Muscle", 30.0),
            Column::new("Side", 13.0),
            Column::new("Needle", 22.0),
            Column::new("Depth", 13.0),
            Column::new("Technique, palpation", 33.0),
            Column::new("Twitches", 17.0),
            Column::new("Safety warnings", BODY_W - 135.0),
        ];
        let sites = &session.needle_sites;
        pdf.table(&columns, &rows, &|i| {
            sites[i].warnings.iter().any(|w| !w.acknowledged)
        });
        let muscles = session.muscles_needled().len();
        pdf.fields(&[
            (
                "Muscles needled",
                format!("{muscles} ({})", session.billing_band().label()),
            ),
            (
                "Needle count",
                match (session.needle_count.inserted, session.needle_count.removed) {
                    (Some(i), Some(r)) if i == r => format!("{i} inserted, {r} removed: matches"),
                    (Some(i), Some(r)) => format!("{i} inserted, {r} removed: MISMATCH"),
                    _ => "not recorded".to_owned(),
                },
            ),
        ]);
        let responses: Vec<(&str, String)> = session
            .needle_sites
            .iter()
            .enumerate()
            .filter(|(_, s)| !s.immediate_response.trim().is_empty() || !s.notes.trim().is_empty())
            .map(|(i, s)| {
                let mut text = s.immediate_response.trim().to_owned();
                if !s.notes.trim().is_empty() {
                    if !text.is_empty() {
                        text.push_str(". ");
                    }
                    text.push_str(s.notes.trim());
                }
                ("Response, notes", format!("#{}: {text}", i + 1))
            })
            .collect();
        pdf.fields(&responses);
        // The guidance each safety warning gave, as the clinician read it.
        let guidance: Vec<(&str, String)> = session
            .needle_sites
            .iter()
            .enumerate()
            .flat_map(|(i, site)| {
                site.warnings
                    .iter()
                    .filter(|w| !w.message.trim().is_empty())
                    .map(move |w| {
                        (
                            "Safety guidance",
                            format!("#{}: {}", i + 1, w.message.trim()),
                        )
                    })
            })
            .collect();
        pdf.fields(&guidance);
    }

    if !session.trigger_points.is_empty() {
        pdf.heading("Trigger-point findings", 12.0);
        let rows: Vec<Vec<String>> = session
            .trigger_points
            .iter()
            .enumerate()
            .map(|(i, tp)| {
                vec![
                    (i + 1).to_string(),
                    muscle_name(map, tp.muscle.as_ref()),
                    tp.side.label().to_owned(),
                    format!(
                        "{}{}",
                        tp.status.label(),
                        if tp.carried_forward {
                            " (carried forward, not re-examined)"
                        } else {
                            ""
                        }
                    ),
                    tp.taut_band.label().to_owned(),
                    tp.spot_tenderness.label().to_owned(),
                    tp.local_twitch_response.label().to_owned(),
                    tp.recognised_referral.label().to_owned(),
                    tp.pressure_pain_threshold
                        .map_or("–".to_owned(), |p| format!("{p}")),
                ]
            })
            .collect();
        let columns = [
            Column::new("#", 7.0),
            Column::new("Muscle", 36.0),
            Column::new("Side", 16.0),
            Column::new("Status", 27.0),
            Column::new("Taut band", 17.0),
            Column::new("Tender spot", 17.0),
            Column::new("Twitch (LTR)", 17.0),
            Column::new("Familiar pain", 18.0),
            Column::new("PPT kg/cm²", BODY_W - 155.0),
        ];
        pdf.table(&columns, &rows, &|_| false);
        // Notes at full width under the table, numbered as its rows.
        let notes: Vec<(&str, String)> = session
            .trigger_points
            .iter()
            .enumerate()
            .filter(|(_, tp)| !tp.notes.trim().is_empty())
            .map(|(i, tp)| ("Notes", format!("#{}: {}", i + 1, tp.notes.trim())))
            .collect();
        pdf.fields(&notes);
    }

    if !session.referred_zones.is_empty() {
        pdf.heading("Referred pain", 12.0);
        let rows: Vec<Vec<String>> = session
            .referred_zones
            .iter()
            .map(|zone| {
                let source = zone
                    .source
                    .and_then(|id| session.trigger_points.iter().find(|t| t.id == id))
                    .map_or("–".to_owned(), |tp| {
                        format!(
                            "{} {}",
                            tp.side.label(),
                            muscle_name(map, tp.muscle.as_ref()).to_lowercase()
                        )
                    });
                vec![
                    map.view(&zone.view)
                        .map_or_else(|| zone.view.as_str().to_owned(), |v| v.name.clone()),
                    zone.quality.label().to_owned(),
                    format!("{}/10", zone.intensity),
                    zone.depth.label().to_owned(),
                    source,
                    zone.notes.trim().to_owned(),
                ]
            })
            .collect();
        let columns = [
            Column::new("View", 30.0),
            Column::new("Quality", 32.0),
            Column::new("Intensity", 16.0),
            Column::new("Depth", 18.0),
            Column::new("Referred from", 38.0),
            Column::new("Notes", BODY_W - 134.0),
        ];
        pdf.table(&columns, &rows, &|_| false);
    }

    screening_and_consent(&mut pdf, session);

    pdf.heading("Adverse events", 16.0);
    if session.adverse_events.is_empty() {
        pdf.paragraph("None recorded.", 9.5, INK);
    } else {
        let events: Vec<&AdverseEvent> = session.adverse_events.iter().collect();
        adverse_event_table(&mut pdf, &events);
    }

    pdf.heading("Aftercare and follow-up", 16.0);
    if session.aftercare.given {
        pdf.paragraph("Aftercare advice given:", 9.5, MUTED);
        pdf.paragraph(session.aftercare.text.trim(), 9.0, INK);
    } else {
        pdf.paragraph("Aftercare advice: not recorded as given.", 9.5, ALERT);
    }
    pdf.fields(&[
        ("Plan", session.plan.clone()),
        ("Follow-up", session.follow_up.clone()),
        ("Session notes", session.notes.clone()),
    ]);

    comparison(&mut pdf, input, &patient_label);

    pdf.heading("Sign-off", 16.0);
    match &session.signature {
        Some(signature) => pdf.fields(&[
            ("Signed by", signature.by.clone()),
            ("Signed at", date_time(&signature.at)),
            (
                "Content hash",
                format!("SHA-256 {}", signature.content_hash),
            ),
            (
                "Integrity",
                state
                    .describe()
                    .unwrap_or_else(|| "content and addenda as signed".to_owned()),
            ),
        ]),
        None => pdf.paragraph(
            "Not signed. This report shows a draft that may still change.",
            9.5,
            ALERT,
        ),
    }
    for (i, addendum) in session.addenda.iter().enumerate() {
        pdf.paragraph(
            &format!(
                "Addendum {} — {}, {}",
                i + 1,
                addendum.author,
                date_time(&addendum.at)
            ),
            9.0,
            MUTED,
        );
        pdf.paragraph(addendum.text.trim(), 9.0, INK);
    }
    Ok(pdf.finish(&format!(
        "myomap session report · {patient_label} · {}",
        session.date()
    ))?)
}

/// Adverse events as a table — when, event, grade, action taken, notes — the significant
/// and serious ones in red.
pub(super) fn adverse_event_table(pdf: &mut Writer, events: &[&AdverseEvent]) {
    let rows: Vec<Vec<String>> = events
        .iter()
        .map(|e| {
            vec![
                date_time(&e.at),
                e.kind.label().to_owned(),
                e.grade.label().to_owned(),
                e.action.trim().to_owned(),
                e.notes.trim().to_owned(),
            ]
        })
        .collect();
    let columns = [
        Column::new("When", 31.0),
        Column::new("Event", 35.0),
        Column::new("Grade", 20.0),
        Column::new("Action taken", 50.0),
        Column::new("Notes", BODY_W - 136.0),
    ];
    pdf.table(&columns, &rows, &|i| events[i].grade != Grade::Mild);
}

fn screening_and_consent(pdf: &mut Writer, session: &Session) {
    pdf.heading("Screening and consent", 16.0);
    let screening = &session.screening;
    let reviewed = screening.reviewed.as_ref().map_or_else(
        || "NOT REVIEWED in this session".to_owned(),
        |r| format!("reviewed by {} at {}", r.by, date_time(&r.at)),
    );
    let mut rows = vec![("Screening", reviewed)];
    if let Some(date) = screening.carried_from {
        rows.push(("Carried from", date.to_string()));
    }
    let answered = |answer: Answer| -> Vec<ScreeningItem> {
        ScreeningItem::ALL
            .into_iter()
            .filter(|item| screening.answer(*item) == answer)
            .collect()
    };
    let yes: Vec<String> = answered(Answer::Yes)
        .into_iter()
        .map(|item| {
            let note = screening
                .answers
                .iter()
                .find(|a| a.item == item)
                .map(|a| a.note.trim())
                .filter(|n| !n.is_empty())
                .map_or_else(String::new, |n| format!(" — {n}"));
            format!(
                "{}{}{note}",
                item.label(),
                if item.is_absolute() {
                    " (ABSOLUTE)"
                } else {
                    ""
                }
            )
        })
        .collect();
    rows.push((
        "Answered yes",
        if yes.is_empty() {
            "none".to_owned()
        } else {
            yes.join("; ")
        },
    ));
    rows.push((
        "Answered no",
        format!(
            "{} of {} items",
            answered(Answer::No).len(),
            ScreeningItem::ALL.len()
        ),
    ));
    // Notes written against any other answer are part of the record too.
    let other_notes: Vec<String> = screening
        .answers
        .iter()
        .filter(|a| a.answer != Answer::Yes && !a.note.trim().is_empty())
        .map(|a| {
            format!(
                "{} ({}) — {}",
                a.item.label(),
                a.answer.label(),
                a.note.trim()
            )
        })
        .collect();
    if !other_notes.is_empty() {
        rows.push(("Other notes", other_notes.join("; ")));
    }
    let not_asked: Vec<&str> = answered(Answer::NotAsked)
        .into_iter()
        .map(ScreeningItem::label)
        .collect();
    if !not_asked.is_empty() {
        rows.push(("Not asked", not_asked.join("; ")));
    }
    match &session.consent {
        Some(consent) => {
            let explained: Vec<&str> = consent.explained.iter().map(|t| t.label()).collect();
            rows.push((
                "Consent",
                format!(
                    "{} consent given by {} at {}",
                    consent.method.label(),
                    consent.given_by,
                    date_time(&consent.at)
                ),
            ));
            rows.push((
                "Explained",
                if explained.is_empty() {
                    "not recorded".to_owned()
                } else {
                    explained.join("; ")
                },
            ));
            rows.push(("Consent notes", consent.notes.clone()));
        }
        None => rows.push(("Consent", "NOT RECORDED".to_owned())),
    }
    if let Some(gate) = &session.gate_override {
        rows.push((
            "Needling override",
            format!(
                "by {} at {}: {}",
                gate.by,
                date_time(&gate.at),
                gate.reason.trim()
            ),
        ));
    }
    pdf.fields(&rows);
}

/// A change in extent: "−2.1 pp (smaller)", "–" when neither visit has pain drawn.
pub(super) fn change_text(change: Option<Change>, pp: Option<f32>) -> String {
    match (change, pp) {
        (Some(change), Some(pp)) => format!("{} pp ({})", signed(pp), change.label()),
        (None, Some(pp)) => format!("{} pp", signed(pp)),
        _ => "–".to_owned(),
    }
}

/// Percentage points to a tenth, with a sign and a true minus: "+0.6", "−1.0".
fn signed(pp: f32) -> String {
    let sign = if pp < 0.0 && format!("{:.1}", pp.abs()) != "0.0" {
        "−"
    } else {
        "+"
    };
    format!("{sign}{:.1}", pp.abs())
}

fn comparison(pdf: &mut Writer, input: &ReportInput<'_>, patient_label: &str) {
    let Some(previous) = input.previous else {
        pdf.heading("Comparison with the previous visit", 8.0);
        pdf.paragraph(
            "No earlier visit of this patient was found beside this session.",
            9.5,
            MUTED,
        );
        return;
    };
    let session = input.session;
    let c = compare(previous, session, standard_charts());
    let earlier = &c.earlier;
    let later = &c.later;
    pdf.heading(
        &format!("Comparison with the previous visit ({})", previous.date()),
        40.0,
    );
    let pct = |v: Option<f32>| v.map_or("no pain drawn".to_owned(), |v| format!("{v:.1} %"));
    let score =
        |p: Option<crate::model::PainScore>| p.map_or("–".to_owned(), |p| format!("{}/10", p.0));
    let rows = vec![
        vec![
            "Pain extent (views drawn in either visit)".to_owned(),
            pct(c.extent_percent.map(|(a, _)| a)),
            pct(c.extent_percent.map(|(_, b)| b)),
            change_text(c.total_extent_change, c.total_extent_change_pp),
        ],
        vec![
            "Pain before treatment (NPRS)".to_owned(),
            score(earlier.pain_before),
            score(later.pain_before),
            String::new(),
        ],
        vec![
            "Active trigger points".to_owned(),
            earlier.active_trigger_points.to_string(),
            later.active_trigger_points.to_string(),
            String::new(),
        ],
        vec![
            "Latent trigger points".to_owned(),
            earlier.latent_trigger_points.to_string(),
            later.latent_trigger_points.to_string(),
            String::new(),
        ],
        vec![
            "Carried forward, not re-examined".to_owned(),
            earlier.unconfirmed_trigger_points.to_string(),
            later.unconfirmed_trigger_points.to_string(),
            String::new(),
        ],
        vec![
            "Widespread Pain Index areas".to_owned(),
            earlier.wpi_areas.len().to_string(),
            later.wpi_areas.len().to_string(),
            String::new(),
        ],
        vec![
            "Needle sites".to_owned(),
            earlier.needle_sites.to_string(),
            later.needle_sites.to_string(),
            String::new(),
        ],
    ];
    let (before, after) = (previous.date().to_string(), session.date().to_string());
    let columns = [
        Column::new("Measure", 56.0),
        Column::new(&before, 30.0),
        Column::new(&after, 30.0),
        Column::new("Change", BODY_W - 116.0),
    ];
    pdf.table(&columns, &rows, &|_| false);
    let matched = format!(
        "{} (same muscle and side within 30 mm)",
        c.trigger_points.summary()
    );
    pdf.fields(&[("Trigger points", matched)]);
    drawing_difference(pdf, input, &c, patient_label, CHART_MM);
}

/// The pain drawings of `input.previous` and `input.session` compared view by view (`c`,
/// their [`compare`]): overlap and areas new, resolved and persisting (mm²), what counts as
/// measurement error, and the difference maps at most `chart_mm` tall with their key.
/// Shared by the session report and the progress report; nothing without a previous visit.
pub(super) fn drawing_difference(
    pdf: &mut Writer,
    input: &ReportInput<'_>,
    c: &crate::metrics::Comparison,
    patient_label: &str,
    chart_mm: f32,
) {
    let Some(previous) = input.previous else {
        return;
    };
    let session = input.session;
    let overlaps: Vec<(&str, String)> = c
        .views
        .iter()
        .map(|v| {
            let name = input
                .map
                .view(&v.view)
                .map_or(v.view.as_str(), |view| view.name.as_str());
            (
                "Overlap",
                format!(
                    "{name}: Jaccard {}, new {:.0} mm², resolved {:.0} mm², persisting {:.0} mm²",
                    v.jaccard.map_or("–".to_owned(), |j| format!("{j:.2}")),
                    v.new_mm2,
                    v.resolved_mm2,
                    v.persisting_mm2
                ),
            )
        })
        .collect();
    pdf.fields(&overlaps);
    pdf.paragraph(
        &format!(
            "Changes in extent under {} percentage points are within the measurement error of pain drawings.",
            crate::metrics::EXTENT_MEASUREMENT_ERROR_PP
        ),
        8.0,
        MUTED,
    );
    let views: Vec<ViewId> = input
        .map
        .views
        .iter()
        .filter(|v| c.views.iter().any(|cv| cv.view == v.id))
        .map(|v| v.id.clone())
        .collect();
    if !views.is_empty() {
        let difference = Marks::Difference {
            earlier: previous,
            later: session,
            patient: patient_label,
        };
        let (drawn, failed) = charts(input, &views, difference, false);
        pdf.charts(drawn, chart_mm);
        pdf.paragraph(
            "Difference map — red hatched: new pain; green dotted: resolved; amber: persisting. Triangle: new trigger point; crossed ring: resolved; dot: persisting.",
            8.0,
            MUTED,
        );
        not_drawn(pdf, &failed);
    }
}

/// Names the charts that could not be drawn, so a missing picture is never silent.
fn not_drawn(pdf: &mut Writer, failed: &[String]) {
    if !failed.is_empty() {
        pdf.paragraph(&format!("Not drawn: {}", failed.join("; ")), 8.5, ALERT);
    }
}
