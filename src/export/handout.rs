//! The patient's handout (PDF): today's chart without clinical notes, its legend in plain
//! words, the muscles treated in plain words, the aftercare text with its red flags, and the
//! next appointment and home programme.

use super::pdf::{ALERT, BODY_W, INK, MARGIN, MUTED, Writer};
use super::report::{CHART_MM, ReportError, ReportInput, charted_views, charts};
use crate::model::Side;
use crate::render::Marks;

/// The patient's handout as PDF bytes: today's chart without notes, the muscles treated in
/// plain words, aftercare with its red flags, the next appointment.
pub fn patient_handout(input: &ReportInput<'_>) -> Result<Vec<u8>, ReportError> {
    let pdf = handout_pages(input)?;
    Ok(pdf.finish(&format!("Handout · {}", input.session.date()))?)
}

/// The handout laid out, before its pages are footed and written.
fn handout_pages(input: &ReportInput<'_>) -> Result<Writer, ReportError> {
    let session = input.session;
    let map = input.map;
    let name = input
        .patient
        .map(|p| p.display_name.trim().to_owned())
        .filter(|n| !n.is_empty());
    let mut pdf = Writer::new(
        &format!("Your treatment on {}", session.date()),
        &session.clinician,
        session.started_at,
        format!(
            "{}{}",
            name.as_deref()
                .map_or_else(String::new, |n| format!("For {n} · ")),
            session.date()
        ),
    )?;
    pdf.title(&format!("Your treatment on {}", session.date()));
    if !session.clinician.trim().is_empty() {
        pdf.paragraph(
            &format!("Your clinician today: {}", session.clinician.trim()),
            10.5,
            MUTED,
        );
    }
    let (views, _) = charted_views(input);
    if !views.is_empty() {
        pdf.heading("Where we worked today", CHART_MM + 7.0);
        let patient = name.as_deref().unwrap_or("");
        // A chart that cannot be drawn is left out of the patient's copy; the clinician's
        // report names it.
        let (drawn, _) = charts(input, &views, Marks::Session { session, patient }, false);
        pdf.charts(drawn, CHART_MM);
        pdf.paragraph(
            "The coloured areas are where you told us you feel pain. Dots mark tight, tender spots in the muscle (trigger points); pins mark where a needle was used. On the body drawings, R and L at the top are your right and left side.",
            9.5,
            INK,
        );
    }
    let mut treated: Vec<(String, String)> = Vec::new();
    for (muscle, side) in session.muscles_needled() {
        let def = map.muscle(&muscle.0);
        let name = def.map_or_else(|| muscle.fallback_name(), |d| d.name.to_lowercase());
        let side_word = match side {
            Side::Left => "left ",
            Side::Right => "right ",
            _ => "",
        };
        let mut plain = format!("Your {side_word}{name}");
        if let Some(def) = def {
            plain.push_str(&format!(" ({})", def.group.to_lowercase()));
        }
        let caption = crate::education::referral_library()
            .pattern(&muscle.0)
            .map(|p| p.description.trim().to_owned())
            .unwrap_or_default();
        treated.push((plain, caption));
    }
    pdf.heading("Muscles treated", 10.0);
    if treated.is_empty() {
        pdf.paragraph("No muscles were needled today.", 10.5, INK);
    } else {
        for (plain, caption) in treated {
            pdf.paragraph(&plain, 10.5, INK);
            if !caption.is_empty() {
                pdf.paragraph_at(&caption, MARGIN + 5.0, BODY_W - 5.0, 9.0, MUTED);
            }
        }
    }
    pdf.heading("Looking after yourself", 20.0);
    let aftercare = if session.aftercare.given && !session.aftercare.text.trim().is_empty() {
        session.aftercare.text.trim()
    } else {
        input.aftercare_template.trim()
    };
    pdf.paragraph(aftercare, 10.5, INK);
    if let Some(card) = crate::education::explainers()
        .cards
        .iter()
        .find(|c| c.id == "red_flags")
    {
        pdf.heading(&card.title, 20.0);
        for paragraph in card.body.split("\n\n") {
            pdf.paragraph(paragraph.trim(), 10.5, ALERT);
        }
    }
    pdf.heading("Your next appointment and home programme", 8.0);
    pdf.paragraph(
        if session.follow_up.trim().is_empty() {
            "Please contact the clinic to book your next appointment."
        } else {
            session.follow_up.trim()
        },
        11.0,
        INK,
    );
    Ok(pdf)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every page but the last of every demo visit's handout is at least this full: a chart
    /// that does not fit the rest of a page is made smaller rather than moved on alone.
    const MIN_FILL: f32 = 0.6;

    #[test]
    fn no_handout_page_but_the_last_is_left_half_empty() {
        let map = &crate::bodymap::standard().map;
        let mut checked = 0;
        for (patient, sessions) in crate::demo::demo_records() {
            for session in &sessions {
                let input = ReportInput {
                    session,
                    patient: Some(&patient),
                    previous: None,
                    map,
                    aftercare_template: crate::model::DEFAULT_AFTERCARE,
                    custom_views: &[],
                };
                let fills = handout_pages(&input).expect("laid out").page_fills();
                let (_, before_last) = fills.split_last().expect("a page");
                for (page, fill) in before_last.iter().enumerate() {
                    assert!(
                        *fill >= MIN_FILL,
                        "{} {}: page {} of {} is {:.0}% full ({fills:?})",
                        patient.display_name,
                        session.date(),
                        page + 1,
                        fills.len(),
                        fill * 100.0
                    );
                }
                checked += 1;
            }
        }
        assert!(checked >= 9);
    }
}
