//! The progress report (PDF) for a period of care, for an insurer or a referring physician:
//! the patient and the reason for care, the visits attended (signed or not), a summary, every
//! outcome measure baseline against latest with its change labelled against MDC and MCID and
//! a small chart, goals, the trigger points followed, the treatment given, adverse events,
//! the pain drawings of the first and latest visits compared, the plan, and what the labels
//! mean with the source of every threshold. No egui: the command line and the app call
//! [`progress_report`]. Reads the record; never changes it.

mod care;
mod measures;
mod records;
mod sparkline;

use jiff::civil::Date;

pub use records::{PatientRecords, Period, ProgressReportError};

use super::pdf::{ACCENT, ALERT, BODY_W, Column, INK, MARGIN, MUTED, Writer};
use super::report::{ReportInput, change_text, date_time, drawing_difference};
use crate::bodymap::BodyMap;
use crate::metrics::{EXTENT_MEASUREMENT_ERROR_PP, compare, standard_charts};
use crate::model::{Patient, Session};
use crate::progress::{ChangeLabel, MeasureKey, Trend, trends};

/// Height of the difference maps at most, mm: two views side by side fit the width.
const DIFFERENCE_MM: f32 = 100.0;
/// The least they are shrunk to, to finish a page rather than leave it half empty.
const DIFFERENCE_MIN_MM: f32 = 75.0;

/// What a progress report is drawn from: one patient's visits in a period, oldest first.
/// Made by [`PatientRecords::input`], which refuses an empty period.
pub struct ProgressInput<'a> {
    pub patient: &'a Patient,
    /// The visits whose local date lies in `period`, oldest first; never empty.
    pub sessions: Vec<&'a Session>,
    /// Every visit up to the period's end, oldest first: the goals set before the period
    /// still hold in it.
    pub history: Vec<&'a Session>,
    pub period: Period,
    pub map: &'a BodyMap,
}

impl ProgressInput<'_> {
    fn first(&self) -> Option<&Session> {
        self.sessions.first().copied()
    }

    fn latest(&self) -> Option<&Session> {
        self.sessions.last().copied()
    }

    /// The dates of the first and the latest visit: every chart's time axis.
    fn span(&self) -> (Date, Date) {
        let date = |s: Option<&Session>| s.map_or(self.period.from(), Session::date);
        (date(self.first()), date(self.latest()))
    }

    /// Visits signed (as signed: their signature verifies) and with a broken signature.
    fn signed(&self) -> (usize, usize) {
        let states = self.sessions.iter().filter(|s| s.signature.is_some());
        let (mut intact, mut broken) = (0, 0);
        for session in states {
            if session.signature_state().is_intact() {
                intact += 1;
            } else {
                broken += 1;
            }
        }
        (intact, broken)
    }

    /// "4 visits, 3 signed" (and how many have a broken signature).
    fn visit_count(&self) -> String {
        let (signed, broken) = self.signed();
        let visits = self.sessions.len();
        let mut text = format!(
            "{}, {signed} signed",
            crate::words::count(visits, "visit", "visits")
        );
        if broken > 0 {
            text.push_str(&format!(", {broken} with a BROKEN signature"));
        }
        text
    }
}

/// The published sources of the thresholds the report used, each once, in order of use.
#[derive(Default)]
pub(super) struct Sources {
    /// (what it is for, the source), e.g. ("NDI", "MDC 10.2: Young BA et al. …").
    entries: Vec<(String, String)>,
}

impl Sources {
    fn add(&mut self, what: &str, source: &str) {
        let entry = (what.to_owned(), source.trim().to_owned());
        if !entry.1.is_empty() && !self.entries.contains(&entry) {
            self.entries.push(entry);
        }
    }

    /// A measure's sources: range of motion and PSFS activities share theirs.
    fn add_trend(&mut self, trend: &Trend, activity: bool) {
        let what = match &trend.key {
            MeasureKey::RangeOfMotion { .. } => "Range of motion".to_owned(),
            MeasureKey::Clinic { .. } => {
                let threshold = |name: &str, value: Option<f64>| {
                    value.map(|v| format!("{name} {}", trend.format(v).replace('/', " of ")))
                };
                let figures: Vec<String> = [
                    threshold("MDC", trend.rule.mdc),
                    threshold("MCID", trend.rule.mcid),
                ]
                .into_iter()
                .flatten()
                .collect();
                let source = if figures.is_empty() {
                    "no MDC or MCID; defined by the clinic".to_owned()
                } else {
                    format!("{}: defined by the clinic", figures.join(", "))
                };
                self.add(&trend.label, &source);
                return;
            }
            _ if activity => "PSFS, one activity".to_owned(),
            _ => trend.label.clone(),
        };
        for source in &trend.sources {
            self.add(&what, source);
        }
    }
}

/// The progress report as PDF bytes (A4, every page headed with the patient and period and
/// footed with "page i of n"). The same visits give the same bytes: the document is dated
/// by the latest visit, never by the clock. Errors: the PDF or a difference map could not be
/// made. Write the bytes as `myomap progress-report` does (`storage::replace_atomically`).
pub fn progress_report(input: &ProgressInput<'_>) -> Result<Vec<u8>, ProgressReportError> {
    let patient = super::patient_name(input.patient);
    let latest = input.latest().ok_or(ProgressReportError::NoVisits {
        patient: patient.clone(),
        period: input.period,
        visits: Vec::new(),
    })?;
    let dated = latest
        .signature
        .as_ref()
        .map_or(latest.started_at, |s| s.at);
    let mut pdf = Writer::new(
        &format!("Progress report — {patient}, {}", input.period),
        &clinicians(input).join("; "),
        dated,
        format!("Progress report · {patient} · {}", input.period),
    )
    .map_err(super::report::ReportError::from)?;
    let mut trends = trends(&input.sessions);
    crate::progress::apply_goals(&mut trends, &input.history);
    let rows = measures::rows(&trends, input);
    let mut sources = Sources::default();

    header(&mut pdf, input);
    summary(&mut pdf, input, &trends);
    visits(&mut pdf, input);
    measures::outcome_measures(&mut pdf, &rows, input.span(), &mut sources);
    measures::goals(&mut pdf, &trends, input);
    care::trigger_points(&mut pdf, input, &mut sources);
    // The pain drawings are a figure kept whole: after the short sections, which fill the
    // page before it instead of leaving it blank.
    care::treatments(&mut pdf, input);
    care::adverse_events(&mut pdf, input);
    pain_drawings(&mut pdf, input, &patient, &mut sources);
    plan(&mut pdf, latest);
    about_the_figures(&mut pdf, &sources);
    let footer = format!("myomap progress report · {patient} · {}", input.period);
    Ok(pdf
        .finish(&footer)
        .map_err(super::report::ReportError::from)?)
}

/// The clinicians of the period's visits, each once, in order of first visit.
fn clinicians(input: &ProgressInput<'_>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for session in &input.sessions {
        let name = session.clinician.trim();
        if !name.is_empty() && !names.iter().any(|n| n == name) {
            names.push(name.to_owned());
        }
    }
    names
}

/// Title, the period and visits in one line, the patient, the reason for care, clinicians.
fn header(pdf: &mut Writer, input: &ProgressInput<'_>) {
    pdf.title("Progress report");
    let (_, broken) = input.signed();
    pdf.paragraph(
        &format!("Period of care {} · {}", input.period, input.visit_count()),
        10.0,
        if broken > 0 { ALERT } else { ACCENT },
    );
    pdf.advance(1.0);
    let patient = input.patient;
    let mut rows = vec![("Patient", patient.display_name.trim().to_owned())];
    rows.push((
        "Date of birth",
        patient
            .date_of_birth
            .map_or_else(|| "not recorded".to_owned(), |d| d.to_string()),
    ));
    rows.push((
        "Clinic record no.",
        if patient.clinic_ref.trim().is_empty() {
            "not recorded".to_owned()
        } else {
            patient.clinic_ref.trim().to_owned()
        },
    ));
    let reasons = input.first().map(reasons_for_care).unwrap_or_default();
    if reasons.is_empty() {
        rows.push((
            "Reason for care",
            "no complaint recorded at the first visit".to_owned(),
        ));
    }
    for (i, reason) in reasons.into_iter().enumerate() {
        rows.push((if i == 0 { "Reason for care" } else { "" }, reason));
    }
    rows.push(("Visits attended", attended(input)));
    let clinicians = clinicians(input);
    rows.push((
        if clinicians.len() > 1 {
            "Clinicians"
        } else {
            "Clinician"
        },
        if clinicians.is_empty() {
            "not recorded".to_owned()
        } else {
            clinicians.join("; ")
        },
    ));
    pdf.fields(&rows);
}

/// "4 visits from 2026-09-07 to 2026-10-19: 3 signed, 1 not signed (2026-10-19)".
fn attended(input: &ProgressInput<'_>) -> String {
    let (first, last) = input.span();
    let visits = input.sessions.len();
    let mut text = if first == last {
        format!(
            "{} on {first}",
            crate::words::count(visits, "visit", "visits")
        )
    } else {
        format!("{visits} visits from {first} to {last}")
    };
    let dates = |keep: &dyn Fn(&Session) -> bool| -> Vec<String> {
        input
            .sessions
            .iter()
            .filter(|s| keep(s))
            .map(|s| s.date().to_string())
            .collect()
    };
    let unsigned = dates(&|s| s.signature.is_none());
    let broken = dates(&|s| s.signature.is_some() && !s.signature_state().is_intact());
    let (signed, _) = input.signed();
    text.push_str(&format!(": {signed} signed"));
    if !unsigned.is_empty() {
        text.push_str(&format!(
            ", {} not signed ({})",
            unsigned.len(),
            unsigned.join(", ")
        ));
    }
    if !broken.is_empty() {
        text.push_str(&format!(
            ", {} with a BROKEN signature ({})",
            broken.len(),
            broken.join(", ")
        ));
    }
    text
}

/// The complaints of a visit, each as "description (onset: …), NPRS n/10".
fn reasons_for_care(session: &Session) -> Vec<String> {
    session
        .complaints
        .iter()
        .filter(|c| !c.description.trim().is_empty())
        .map(|c| {
            let mut text = c.description.trim().to_owned();
            if !c.onset.trim().is_empty() {
                text.push_str(&format!(" (onset: {})", c.onset.trim()));
            }
            if let Some(pain) = c.pain {
                text.push_str(&format!(", NPRS {}/10", pain.0));
            }
            text
        })
        .collect()
}

/// The period at a glance: how the measures moved, the goals, the trigger points, the pain
/// drawing and adverse events, each in a line.
fn summary(pdf: &mut Writer, input: &ProgressInput<'_>, trends: &[Trend]) {
    pdf.heading("Summary", 20.0);
    let mut rows = vec![("Measures", measures_summary(trends))];
    let goals: Vec<bool> = trends
        .iter()
        .filter_map(|t| t.goal.map(|g| g.met))
        .collect();
    if !goals.is_empty() {
        let met = goals.iter().filter(|m| **m).count();
        rows.push(("Goals", format!("{met} of {} met", goals.len())));
    }
    let tracks = crate::progress::trigger_point_tracks(&input.sessions);
    if !tracks.is_empty() {
        rows.push(("Trigger points", care::track_summary(&tracks)));
    }
    if let (Some(first), Some(latest)) = (input.first(), input.latest())
        && input.sessions.len() > 1
    {
        let c = compare(first, latest, standard_charts());
        if let Some((from, to)) = c.extent_percent {
            rows.push((
                "Pain drawing",
                format!(
                    "extent {from:.1} % → {to:.1} % of the body chart, {}",
                    change_text(c.total_extent_change, c.total_extent_change_pp)
                ),
            ));
        }
    }
    let events: Vec<_> = input
        .sessions
        .iter()
        .flat_map(|s| &s.adverse_events)
        .collect();
    rows.push((
        "Adverse events",
        if events.is_empty() {
            "none recorded".to_owned()
        } else {
            let kinds: Vec<String> = events
                .iter()
                .map(|e| format!("{} ({})", e.kind.label().to_lowercase(), e.grade.label()))
                .collect();
            format!("{}: {}", events.len(), kinds.join(", "))
        },
    ));
    pdf.fields(&rows);
}

/// "of 6 measures taken at two or more visits: 4 exceed their MCID, 1 within measurement
/// error" — every label counted, none left out.
fn measures_summary(trends: &[Trend]) -> String {
    let labels: Vec<ChangeLabel> = trends
        .iter()
        .filter_map(|t| t.change().map(|c| c.label))
        .collect();
    if labels.is_empty() {
        return "no measure was taken at two or more visits of the period".to_owned();
    }
    let order = [
        (ChangeLabel::ExceedsMcid, "exceed their MCID"),
        (ChangeLabel::ImprovedBelowMcid, "improved, below their MCID"),
        (
            ChangeLabel::Improved,
            "improved beyond measurement error (no MCID)",
        ),
        (
            ChangeLabel::WithinMeasurementError,
            "within measurement error",
        ),
        (ChangeLabel::Worse, "worse"),
    ];
    let parts: Vec<String> = order
        .iter()
        .filter_map(|(label, words)| {
            let n = labels.iter().filter(|l| *l == label).count();
            (n > 0).then(|| format!("{n} {words}"))
        })
        .collect();
    format!(
        "of {} taken at two or more visits: {}",
        crate::words::count(labels.len(), "measure", "measures"),
        parts.join(", ")
    )
}

/// Each visit: date and time, clinician, NPRS before and after, needle sites, and whether
/// its record is signed (a broken signature in red).
fn visits(pdf: &mut Writer, input: &ProgressInput<'_>) {
    pdf.heading("Visits attended", 20.0);
    let score =
        |p: Option<crate::model::PainScore>| p.map_or("–".to_owned(), |p| p.0.to_string());
    let rows: Vec<Vec<String>> = input
        .sessions
        .iter()
        .map(|s| {
            vec![
                date_time(&s.started_at),
                s.clinician.trim().to_owned(),
                format!("{} → {}", score(s.pain_before), score(s.pain_after)),
                s.needle_sites.len().to_string(),
                record_state(s),
            ]
        })
        .collect();
    let columns = [
        Column::new("Visit", 31.0),
        Column::new("Clinician", 40.0),
        Column::new("NPRS before → after", 23.0),
        Column::new("Needle sites", 18.0),
        Column::new("Record", BODY_W - 112.0),
    ];
    let sessions = &input.sessions;
    pdf.table(&columns, &rows, &|i| {
        sessions[i].signature.is_some() && !sessions[i].signature_state().is_intact()
    });
}

/// "signed by … on …", "not signed: a draft that may still change", or why a signature fails.
fn record_state(session: &Session) -> String {
    let Some(signature) = &session.signature else {
        return "not signed: a draft that may still change".to_owned();
    };
    let state = session.signature_state();
    match state.describe() {
        None => format!(
            "signed by {} on {}",
            signature.by.trim(),
            date_time(&signature.at)
        ),
        Some(why) => format!("SIGNATURE BROKEN: {why}"),
    }
}

/// The pain drawings of the first and the latest visit compared: extent, trigger points,
/// overlap per view and the difference maps.
fn pain_drawings(
    pdf: &mut Writer,
    input: &ProgressInput<'_>,
    patient: &str,
    sources: &mut Sources,
) {
    let (Some(first), Some(latest)) = (input.first(), input.latest()) else {
        return;
    };
    let c = compare(first, latest, standard_charts());
    // What is set under the maps' title and around them: three figures, an overlap line
    // (two lines at most) per view, the note on measurement error, the caption and key.
    let around = 17.0 + 10.5 * c.views.len() as f32 + 5.0 + 7.0 + 10.0;
    // The section is kept with its difference maps: it reads as one figure.
    let figure = input.sessions.len() > 1 && c.extent_percent.is_some();
    pdf.heading(
        "Pain drawings: first visit against latest",
        if figure {
            around + DIFFERENCE_MIN_MM
        } else {
            10.0
        },
    );
    if input.sessions.len() < 2 {
        pdf.paragraph(
            "One visit in this period: there is no later drawing to compare.",
            9.5,
            MUTED,
        );
        return;
    }
    let Some((from, to)) = c.extent_percent else {
        pdf.paragraph(
            "No pain was drawn at the first or the latest visit of this period.",
            9.5,
            MUTED,
        );
        return;
    };
    pdf.fields(&[
        (
            "Visits compared",
            format!("{} (first) and {} (latest)", first.date(), latest.date()),
        ),
        (
            "Pain extent",
            format!(
                "{from:.1} % → {to:.1} % of the body chart (views drawn at either visit): {}",
                change_text(c.total_extent_change, c.total_extent_change_pp)
            ),
        ),
        (
            "Trigger points",
            format!(
                "{} (same muscle and side within 30 mm)",
                c.trigger_points.summary()
            ),
        ),
    ]);
    let report = ReportInput {
        session: latest,
        patient: Some(input.patient),
        previous: Some(first),
        map: input.map,
        aftercare_template: "",
        custom_views: &[],
    };
    // As large as the page still holds, between the least and the most.
    let room = pdf.room() - (around - 17.0);
    let height = if room >= DIFFERENCE_MIN_MM {
        room.min(DIFFERENCE_MM)
    } else {
        DIFFERENCE_MM
    };
    drawing_difference(pdf, &report, &c, patient, height);
    sources.add(
        "Pain-drawing extent",
        &format!(
            "measurement error {EXTENT_MEASUREMENT_ERROR_PP} percentage points of the body chart: myomap's threshold, above the 0.1–0.4 % minimal detectable change of careful automated analysis of pain drawings (see docs/metrics.md)."
        ),
    );
}

/// The latest visit's plan, follow-up and notes.
fn plan(pdf: &mut Writer, latest: &Session) {
    pdf.heading(&format!("Plan (latest visit, {})", latest.date()), 14.0);
    let rows = [
        ("Plan", latest.plan.trim().to_owned()),
        ("Follow-up", latest.follow_up.trim().to_owned()),
        ("Notes", latest.notes.trim().to_owned()),
    ];
    if rows.iter().all(|(_, text)| text.is_empty()) {
        pdf.paragraph("No plan was recorded at the latest visit.", 9.5, MUTED);
    } else {
        pdf.fields(&rows);
    }
}

/// What MDC and MCID mean, how each change was labelled, and the numbered sources of every
/// threshold used.
fn about_the_figures(pdf: &mut Writer, sources: &Sources) {
    pdf.heading("About these figures", 30.0);
    for text in [
        "MDC, minimal detectable change: the smallest change larger than the measurement error of the instrument or examiner. MCID, minimal clinically important difference: the smallest improvement patients feel matters. Both are population figures, published for the measure.",
        "Each measure's baseline (its first value in the period) is compared with its latest value. A change smaller than the MDC, either way, reads “within measurement error”: it is neither progress nor worsening. An improvement of at least the MDC reads “exceeds MCID” when it also reaches the MCID, “improved, below MCID” when it does not, and “improved beyond measurement error” for a measure without an MCID; a worsening of at least the MDC reads “worse”. Where a published MCID is smaller than the MDC, a change must pass both to count.",
    ] {
        pdf.paragraph(text, 8.5, INK);
    }
    if sources.entries.is_empty() {
        return;
    }
    pdf.paragraph("Sources of the thresholds used", 9.0, ACCENT);
    let size = 7.5;
    for (i, (what, source)) in sources.entries.iter().enumerate() {
        pdf.ensure(size * 0.5 * 2.0);
        let top = pdf.cursor();
        pdf.text(
            &format!("{}.", i + 1),
            MARGIN,
            top + size * 0.36,
            size,
            MUTED,
        );
        pdf.paragraph_at(
            &format!("{what} — {source}"),
            MARGIN + 6.0,
            BODY_W - 6.0,
            size,
            MUTED,
        );
    }
}
