//! The care given and found over a period: each trigger point followed from its first to its
//! latest examination with its pressure-pain threshold, the dry needling given (muscles, visits,
//! needles, needle counts, electrical stimulation, techniques) and the adverse events.

use std::collections::{BTreeMap, BTreeSet};

use super::super::pdf::{BODY_W, Column, INK, MUTED, Writer};
use super::super::report::{adverse_event_table, muscle_name};
use super::measures::threshold;
use super::{ProgressInput, Sources};
use crate::model::{AdverseEvent, MuscleRef, Side};
use crate::progress::{TriggerPointTrack, format_number, ppt_rule, trigger_point_tracks};
use crate::words::count;

/// Each trigger point of the period followed across visits: first and latest findings, the
/// pressure-pain threshold first and last measured, and its change labelled.
pub(super) fn trigger_points(pdf: &mut Writer, input: &ProgressInput<'_>, sources: &mut Sources) {
    pdf.heading("Trigger points followed", 24.0);
    let tracks = trigger_point_tracks(&input.sessions);
    if tracks.is_empty() {
        pdf.paragraph("No trigger point was charted in this period.", 9.5, MUTED);
        return;
    }
    pdf.fields(&[("Summary", track_summary(&tracks))]);
    let rows: Vec<Vec<String>> = tracks.iter().map(|t| track_row(t, input)).collect();
    let columns = [
        Column::new("Trigger point", 44.0),
        Column::new("First examined", 32.0),
        Column::new("Latest", 38.0),
        Column::new("PPT, kg/cm²", 24.0),
        Column::new("PPT change", BODY_W - 138.0),
    ];
    pdf.table(&columns, &rows, &|_| false);
    let rule = ppt_rule();
    pdf.paragraph(
        &format!(
            "PPT: pressure-pain threshold by algometer over the trigger point, kg/cm² (higher is less tender), first against last measured; a change under {} kg/cm² (MDC) is within measurement error, and {} kg/cm² (MCID) is the smallest that matters. Findings carried forward from a visit and not re-examined are not counted as measured.",
            threshold(rule.mdc.unwrap_or_default()),
            threshold(rule.mcid.unwrap_or_default())
        ),
        8.0,
        MUTED,
    );
    if tracks.iter().any(|t| t.ppt_change.is_some()) {
        let ppt = &crate::model::measures::catalog().pressure_pain_threshold;
        let what = "Pressure-pain threshold";
        sources.add(
            what,
            &format!("MDC {}: {}", threshold(ppt.mdc.value), ppt.mdc.source),
        );
        sources.add(
            what,
            &format!("MCID {}: {}", threshold(ppt.mcid.value), ppt.mcid.source),
        );
    }
}

/// A pressure-pain threshold, kg/cm², to the tenth the algometer reads: "2.6".
fn kg(value: f64) -> String {
    format!("{value:.1}")
}

/// "4 followed: 2 present at the latest visit (1 active, 1 latent), 2 resolved".
pub(super) fn track_summary(tracks: &[TriggerPointTrack]) -> String {
    let present: Vec<_> = tracks
        .iter()
        .filter(|t| t.present_at_last_visit)
        .filter_map(|t| t.points.last())
        .collect();
    let active = present
        .iter()
        .filter(|p| p.status == crate::model::TriggerPointStatus::Active)
        .count();
    format!(
        "{} followed: {} present at the latest visit ({active} active, {} latent), {} resolved",
        tracks.len(),
        present.len(),
        present.len() - active,
        tracks.len() - present.len()
    )
}

fn track_row(track: &TriggerPointTrack, input: &ProgressInput<'_>) -> Vec<String> {
    let finding = |p: &crate::progress::TrackPoint| {
        let mut text = format!("{}: {}", p.date, p.status.label());
        if p.carried_forward {
            text.push_str(" (carried forward, not re-examined)");
        }
        text
    };
    let first = track.points.first().map_or_else(String::new, finding);
    let latest = match track.points.last() {
        Some(p) if track.present_at_last_visit => finding(p),
        Some(p) => input
            .sessions
            .get(p.visit + 1)
            .map_or_else(String::new, |s| {
                format!("resolved: not found on {}", s.date())
            }),
        None => String::new(),
    };
    let measured: Vec<f32> = track
        .points
        .iter()
        .filter(|p| !p.carried_forward)
        .filter_map(|p| p.pressure_pain_threshold)
        .collect();
    let ppt = match (measured.first(), track.ppt_change) {
        (_, Some(change)) => format!("{} → {}", kg(change.from), kg(change.to)),
        (Some(once), None) => format!("{} (once)", kg(f64::from(*once))),
        (None, None) => "not measured".to_owned(),
    };
    let change = track.ppt_change.map_or_else(
        || "–".to_owned(),
        |c| {
            let sign = if c.delta < 0.0 { "−" } else { "+" };
            format!("{sign}{} ({})", kg(c.delta.abs()), c.label.text())
        },
    );
    vec![track.label(), first, latest, ppt, change]
}

/// One muscle and side needled over the period.
#[derive(Default)]
struct Needled {
    visits: BTreeSet<usize>,
    sites: usize,
    stimulated: usize,
}

/// The dry needling given: per muscle and side the visits and needle sites, then the totals
/// of the needle counts, electrical stimulation and techniques.
pub(super) fn treatments(pdf: &mut Writer, input: &ProgressInput<'_>) {
    pdf.heading("Treatment given", 24.0);
    let mut muscles: BTreeMap<(Option<&MuscleRef>, Side), Needled> = BTreeMap::new();
    for (visit, session) in input.sessions.iter().enumerate() {
        for site in &session.needle_sites {
            let entry = muscles
                .entry((site.muscle.as_ref(), site.side))
                .or_default();
            entry.visits.insert(visit);
            entry.sites += 1;
            entry.stimulated += usize::from(site.electrical_stimulation.is_some());
        }
    }
    if muscles.is_empty() {
        pdf.paragraph("No dry needling was recorded in this period.", 9.5, INK);
        return;
    }
    let mut rows: Vec<(String, &Needled, Side)> = muscles
        .iter()
        .map(|((muscle, side), n)| (muscle_name(input.map, *muscle), n, *side))
        .collect();
    rows.sort_by(|a, b| b.1.visits.len().cmp(&a.1.visits.len()).then(a.0.cmp(&b.0)));
    let visits = input.sessions.len();
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|(name, n, side)| {
            vec![
                name.clone(),
                side.label().to_owned(),
                format!("{} of {visits}", n.visits.len()),
                n.sites.to_string(),
                if n.stimulated == 0 {
                    "–".to_owned()
                } else {
                    crate::words::count(n.stimulated, "site", "sites")
                },
            ]
        })
        .collect();
    let columns = [
        Column::new("Muscle needled", 56.0),
        Column::new("Side", 22.0),
        Column::new("Visits", 24.0),
        Column::new("Needle sites", 26.0),
        Column::new("Electrical stimulation", BODY_W - 128.0),
    ];
    pdf.table(&columns, &table, &|_| false);
    // The four totals read together: never split between pages.
    pdf.ensure(24.0);
    pdf.fields(&[
        ("Needling", needling_summary(input, muscles.len())),
        ("Needle count", needle_count(input)),
        ("Electrical stim.", stimulation(input)),
        ("Techniques", techniques(input)),
    ]);
}

/// "at 4 of 4 visits, 23 needle sites in 4 muscles (each side counted once)".
fn needling_summary(input: &ProgressInput<'_>, muscles: usize) -> String {
    let needled = input
        .sessions
        .iter()
        .filter(|s| !s.needle_sites.is_empty())
        .count();
    let sites: usize = input.sessions.iter().map(|s| s.needle_sites.len()).sum();
    format!(
        "at {needled} of {}: {} in {}, each side counted once",
        count(input.sessions.len(), "visit", "visits"),
        count(sites, "needle site", "needle sites"),
        count(muscles, "muscle", "muscles")
    )
}

/// Needles in and out over the period, and every visit where they differ or were not counted.
fn needle_count(input: &ProgressInput<'_>) -> String {
    let mut inserted = 0;
    let mut removed = 0;
    let mut problems = Vec::new();
    for session in input.sessions.iter().filter(|s| !s.needle_sites.is_empty()) {
        let count = session.needle_count;
        inserted += count.inserted.unwrap_or(0);
        removed += count.removed.unwrap_or(0);
        if let Some((i, r)) = count.mismatch() {
            problems.push(format!("MISMATCH on {}: {i} in, {r} out", session.date()));
        } else if !count.is_recorded() {
            problems.push(format!("not recorded on {}", session.date()));
        }
    }
    let mut text = format!("{inserted} inserted, {removed} removed");
    if problems.is_empty() {
        text.push_str(": in and out match at every visit");
    } else {
        text.push_str(&format!("; {}", problems.join("; ")));
    }
    text
}

/// "not used", or each visit's stimulated sites with frequency, intensity and duration.
fn stimulation(input: &ProgressInput<'_>) -> String {
    let mut uses = Vec::new();
    for session in &input.sessions {
        let settings: BTreeSet<String> = session
            .needle_sites
            .iter()
            .filter_map(|s| s.electrical_stimulation.as_ref())
            .map(|e| {
                format!(
                    "{} Hz, {}, {} min",
                    format_number(f64::from(e.frequency_hz)),
                    e.intensity.trim(),
                    format_number(f64::from(e.duration_min))
                )
            })
            .collect();
        if !settings.is_empty() {
            let settings: Vec<String> = settings.into_iter().collect();
            uses.push(format!("{}: {}", session.date(), settings.join("; ")));
        }
    }
    if uses.is_empty() {
        "not used".to_owned()
    } else {
        format!(
            "used at {} — {}",
            count(uses.len(), "visit", "visits"),
            uses.join(" · ")
        )
    }
}

/// "fast-in/fast-out (pistoning) 18, static retention 5": needle sites by technique.
fn techniques(input: &ProgressInput<'_>) -> String {
    let mut counts: Vec<(crate::model::NeedleTechnique, usize)> = Vec::new();
    for site in input.sessions.iter().flat_map(|s| &s.needle_sites) {
        match counts.iter_mut().find(|(t, _)| *t == site.technique) {
            Some((_, n)) => *n += 1,
            None => counts.push((site.technique, 1)),
        }
    }
    counts
        .iter()
        .map(|(t, n)| format!("{} {n}", t.label()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every adverse event of the period's visits, serious and significant ones in red.
pub(super) fn adverse_events(pdf: &mut Writer, input: &ProgressInput<'_>) {
    pdf.heading("Adverse events", 16.0);
    let events: Vec<&AdverseEvent> = input
        .sessions
        .iter()
        .flat_map(|s| &s.adverse_events)
        .collect();
    if events.is_empty() {
        pdf.paragraph(
            &format!(
                "None recorded at the {} of this period.",
                count(input.sessions.len(), "visit", "visits")
            ),
            9.5,
            INK,
        );
        return;
    }
    adverse_event_table(pdf, &events);
}
