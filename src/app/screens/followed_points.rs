//! Trigger points followed across a patient's visits, on the progress screen: the list (each
//! with its status at the last visit and its pressure-pain threshold's change), one trigger
//! point's status and PPT at every visit with that change labelled against the PPT's MDC and
//! MCID, and markers on the map where each was last charted, which a click selects.

use egui::{Align2, Color32, FontId, Pos2, RichText, Stroke};

use crate::app::canvas::CanvasState;
use crate::app::canvas::marks::{rgba, screen};
use crate::app::canvas::overlays::{CanvasOverlay, FrequencyOverlay};
use crate::app::screens::plots::{MeasureSeries, PlotFrame, measure_plot};
use crate::app::shell::theme::Palette;
use crate::geometry::{MapPoint, ViewId};
use crate::model::{Session, TriggerPointStatus};
use crate::progress::{TriggerPointTrack, format_delta, format_number, ppt_rule};
use crate::scene::{GridImage, LegendEntry, MarkColors, Pattern, Projection};

/// Where a followed trigger point was last charted.
struct Marker {
    track: usize,
    view: ViewId,
    at: MapPoint,
    /// Its status at the last visit; `None` when it was not charted then.
    status: Option<TriggerPointStatus>,
}

/// The followed trigger points and the one shown in detail.
pub struct Followed {
    pub tracks: Vec<TriggerPointTrack>,
    pub selected: Option<usize>,
    markers: Vec<Marker>,
    /// How many visits there are, for the per-visit table.
    visits: usize,
}

/// A pointer this close to a marker (screen points) selects it.
const PICK_RADIUS: f32 = 12.0;

impl Followed {
    /// Every trigger point of `sessions` (oldest first) followed across them.
    pub fn new(sessions: &[&Session]) -> Self {
        let tracks = crate::progress::trigger_point_tracks(sessions);
        let markers = tracks
            .iter()
            .enumerate()
            .filter_map(|(index, track)| {
                let last = track.points.last()?;
                let tp = sessions
                    .get(last.visit)?
                    .trigger_points
                    .iter()
                    .find(|tp| tp.id == last.id)?;
                Some(Marker {
                    track: index,
                    view: tp.view.clone(),
                    at: tp.at,
                    status: track.present_at_last_visit.then_some(last.status),
                })
            })
            .collect();
        Self {
            tracks,
            selected: None,
            markers,
            visits: sessions.len(),
        }
    }

    /// Selects a track and returns the view it was last charted on.
    fn select(&mut self, track: usize) -> Option<ViewId> {
        self.selected = Some(track);
        self.markers
            .iter()
            .find(|m| m.track == track)
            .map(|m| m.view.clone())
    }

    /// Turns the map to the view with the most followed trigger points, unless the one it
    /// shows has some.
    pub fn show_on(&self, canvas: &mut CanvasState) {
        let on = |view: &ViewId| self.markers.iter().filter(|m| &m.view == view).count();
        if on(&canvas.memory.view) > 0 {
            return;
        }
        if let Some(marker) = self.markers.iter().max_by_key(|m| on(&m.view)) {
            canvas.memory.set_view(marker.view.clone());
        }
    }

    /// The list; a click shows one in detail and turns the map to its view.
    pub fn list_ui(&mut self, ui: &mut egui::Ui, canvas: &mut CanvasState, palette: &Palette) {
        if self.tracks.is_empty() {
            ui.label(RichText::new("No trigger points charted.").color(palette.muted_text));
            return;
        }
        let mut clicked = None;
        for (index, track) in self.tracks.iter().enumerate() {
            ui.horizontal_wrapped(|ui| {
                let selected = self.selected == Some(index);
                if ui.selectable_label(selected, track.label()).clicked() {
                    clicked = Some(index);
                }
                let (text, colour) = summary(track, palette);
                ui.label(RichText::new(text).small().color(colour));
            });
        }
        if let Some(index) = clicked
            && let Some(view) = self.select(index)
        {
            canvas.memory.set_view(view);
        }
    }

    /// The selected trigger point at every visit: its PPT plotted and tabled, its status,
    /// and the PPT change labelled. Returns a visit clicked on the plot.
    /// `axis`: the visits' dates on the plot ("09-07"); `dates`: in the table.
    pub fn detail_ui(
        &mut self,
        ui: &mut egui::Ui,
        axis: &[String],
        dates: &[String],
        palette: &Palette,
    ) -> Option<usize> {
        let track = self.tracks.get(self.selected?)?;
        ui.horizontal(|ui| {
            ui.label(RichText::new(track.label()).strong());
            let view = ViewId::new(track.view.as_str());
            let name = crate::bodymap::standard()
                .map
                .view(&view)
                .map_or_else(|| track.view.clone(), |v| v.name.to_lowercase());
            let text = format!("{name} view");
            ui.label(RichText::new(text).color(palette.muted_text));
            if ui.small_button("Close").clicked() {
                self.selected = None;
            }
        });
        let track = self.tracks.get(self.selected?)?;
        let (text, colour) = ppt_text(track, palette);
        ui.label(RichText::new(text).color(colour));
        let series = ppt_series(track);
        let clicked = (series.points.len() >= 2)
            .then(|| {
                let frame = PlotFrame {
                    id: "followed_ppt",
                    height: 110.0,
                    dates: axis,
                    include_y: vec![0.0],
                    legend: false,
                };
                measure_plot(ui, frame, &series, palette)
            })
            .flatten();
        visits_table(ui, track, dates, self.visits, palette);
        clicked
    }

    /// Selects the trigger point whose marker lies under a click at `pos` on the map.
    pub fn pick(&mut self, canvas: &CanvasState, pos: Pos2) -> bool {
        let view = &canvas.memory.view;
        let nearest = self
            .markers
            .iter()
            .filter(|m| &m.view == view)
            .filter_map(|m| Some((m.track, canvas.memory.screen_pos(m.at)?.distance(pos))))
            .filter(|(_, distance)| *distance <= PICK_RADIUS)
            .min_by(|a, b| a.1.total_cmp(&b.1));
        match nearest {
            Some((track, _)) => {
                self.selected = Some(track);
                true
            }
            None => false,
        }
    }

    /// The frequency map with the followed trigger points drawn over it.
    pub fn overlay<'a>(
        &'a self,
        frequency: FrequencyOverlay<'a>,
        colours: MarkColors,
    ) -> FollowedOverlay<'a> {
        FollowedOverlay {
            frequency,
            followed: self,
            colours,
        }
    }
}

/// "active at the last visit · PPT +1 kg/cm², exceeds MCID", coloured by the PPT's change.
fn summary(track: &TriggerPointTrack, palette: &Palette) -> (String, Color32) {
    let now = match track.points.last() {
        Some(last) if track.present_at_last_visit => {
            format!("{} at the last visit", last.status.label())
        }
        _ => "not charted at the last visit".to_owned(),
    };
    match &track.ppt_change {
        Some(change) => (
            format!(
                "{now} · PPT {} kg/cm², {}",
                format_delta(change.delta),
                change.label.text()
            ),
            palette.change(change.label),
        ),
        None => (now, palette.muted_text),
    }
}

/// "PPT 1.6 → 2.6 kg/cm² (+1): exceeds MCID".
fn ppt_text(track: &TriggerPointTrack, palette: &Palette) -> (String, Color32) {
    match &track.ppt_change {
        Some(change) => (
            format!(
                "PPT {} → {} kg/cm² ({}): {}",
                format_number(change.from),
                format_number(change.to),
                format_delta(change.delta),
                change.label.text()
            ),
            palette.change(change.label),
        ),
        None => (
            "PPT not measured at two visits where it was examined: no change to read.".to_owned(),
            palette.muted_text,
        ),
    }
}

/// The PPTs measured at visits where the trigger point was examined (not carried forward).
fn ppt_series(track: &TriggerPointTrack) -> MeasureSeries {
    let points: Vec<(usize, f64)> = track
        .points
        .iter()
        .filter(|p| !p.carried_forward)
        .filter_map(|p| Some((p.visit, f64::from(p.pressure_pain_threshold?))))
        .collect();
    let rule = ppt_rule();
    let highest = points.iter().map(|p| p.1).fold(0.0, f64::max);
    MeasureSeries {
        points,
        rule,
        min: 0.0,
        max: highest + rule.mcid.unwrap_or(1.0).max(rule.mdc.unwrap_or(1.0)),
        normal: None,
        goal: None,
    }
}

/// Every visit from the trigger point's first: its status and PPT, or that it was not
/// charted.
fn visits_table(
    ui: &mut egui::Ui,
    track: &TriggerPointTrack,
    dates: &[String],
    visits: usize,
    palette: &Palette,
) {
    let Some(first) = track.points.first().map(|p| p.visit) else {
        return;
    };
    egui::Grid::new("followed_visits")
        .striped(true)
        .num_columns(3)
        .spacing([12.0, 2.0])
        .show(ui, |ui| {
            for heading in ["Visit", "Status", "PPT"] {
                ui.label(RichText::new(heading).strong());
            }
            ui.end_row();
            for visit in first..visits {
                ui.label(dates.get(visit).cloned().unwrap_or_default());
                match track.points.iter().find(|p| p.visit == visit) {
                    Some(point) => {
                        let mut status = match point.status {
                            TriggerPointStatus::Active => "Active".to_owned(),
                            TriggerPointStatus::Latent => "Latent".to_owned(),
                        };
                        if point.carried_forward {
                            status.push_str(", carried forward, not re-examined");
                        }
                        ui.label(status);
                        ui.label(point.pressure_pain_threshold.map_or_else(
                            || "not measured".to_owned(),
                            |ppt| format!("{} kg/cm²", format_number(f64::from(ppt))),
                        ));
                    }
                    None => {
                        ui.label(RichText::new("not charted").color(palette.muted_text));
                        ui.label("");
                    }
                }
                ui.end_row();
            }
        });
}

/// The frequency map, and over it where each followed trigger point was last charted:
/// filled in its status's colour if charted at the last visit, a ring in the colour of
/// resolved findings if not; the selected one ringed and named.
pub struct FollowedOverlay<'a> {
    frequency: FrequencyOverlay<'a>,
    followed: &'a Followed,
    colours: MarkColors,
}

impl CanvasOverlay for FollowedOverlay<'_> {
    fn key(&self) -> u64 {
        self.frequency.key()
    }

    fn replaces_marks(&self) -> bool {
        true
    }

    fn image(&self, view: &ViewId) -> Option<GridImage> {
        self.frequency.image(view)
    }

    fn paint(&self, painter: &egui::Painter, view: &ViewId, projection: &Projection) {
        let ring = rgba(self.colours.ring);
        let text = rgba(self.colours.note_text);
        for marker in self.followed.markers.iter().filter(|m| &m.view == view) {
            let at = screen(projection, marker.at);
            let colour = rgba(self.colour(marker.status));
            match marker.status {
                Some(_) => painter.circle(at, 6.0, colour, Stroke::new(1.5, ring)),
                None => painter.circle_stroke(at, 6.0, Stroke::new(2.0, colour)),
            };
            if self.followed.selected == Some(marker.track) {
                painter.circle_stroke(at, 10.0, Stroke::new(2.0, text));
                if let Some(track) = self.followed.tracks.get(marker.track) {
                    name_tag(
                        painter,
                        at,
                        &track.label(),
                        text,
                        rgba(self.colours.note_background),
                    );
                }
            }
        }
    }

    fn legend(&self, view: &ViewId) -> Vec<LegendEntry> {
        let mut legend = self.frequency.legend(view);
        if self.followed.markers.iter().any(|m| &m.view == view) {
            for (status, text) in [
                (
                    Some(TriggerPointStatus::Active),
                    "trigger point, active at the last visit",
                ),
                (
                    Some(TriggerPointStatus::Latent),
                    "trigger point, latent at the last visit",
                ),
                (None, "trigger point gone by the last visit (ring)"),
            ] {
                legend.push(LegendEntry::new(self.colour(status), Pattern::Solid, text));
            }
        }
        legend
    }
}

impl FollowedOverlay<'_> {
    fn colour(&self, status: Option<TriggerPointStatus>) -> crate::scene::Rgba {
        match status {
            Some(TriggerPointStatus::Active) => self.colours.trigger_active,
            Some(TriggerPointStatus::Latent) => self.colours.trigger_latent,
            None => crate::scene::marks::RESOLVED.0,
        }
    }
}

/// A trigger point's name above its marker, on a card so it reads over the map and other
/// markers.
fn name_tag(painter: &egui::Painter, at: Pos2, name: &str, text: Color32, card: Color32) {
    let galley = painter.layout_no_wrap(name.to_owned(), FontId::proportional(13.0), text);
    let rect = Align2::CENTER_BOTTOM.anchor_size(at - egui::vec2(0.0, 14.0), galley.size());
    painter.rect_filled(rect.expand2(egui::vec2(4.0, 2.0)), 3.0, card);
    painter.galley(rect.min, galley, text);
}
