//! Finding visits by location across the library, in a window over any screen: trigger
//! points by muscle, side and status, needle sites in a safety zone, pain drawn over a named
//! location, since a date. The shell runs the search on the library's index and hands the
//! results back; a result opens its visit.

use std::path::PathBuf;

use egui::RichText;

use crate::bodymap::standard;
use crate::index::Query;
use crate::model::{Side, TriggerPointStatus};

/// What the search window asks of the app.
pub enum SearchAction {
    Run(Query),
    Open(PathBuf),
    Close,
}

/// One visit found, as the window lists it.
#[derive(Clone, Debug)]
pub struct Found {
    pub date: String,
    pub patient: String,
    pub matched: String,
    pub path: PathBuf,
}

/// The choices of the window's lists, `(id, name)` sorted by name: read from the body map
/// once, not every frame.
struct Choices {
    muscles: Vec<(String, String)>,
    zones: Vec<(String, String)>,
    locations: Vec<(String, String)>,
}

impl Default for Choices {
    fn default() -> Self {
        let map = &standard().map;
        let sorted = |mut choices: Vec<(String, String)>| {
            choices.sort_by(|a, b| a.1.cmp(&b.1));
            choices
        };
        Self {
            muscles: sorted(
                map.muscles
                    .iter()
                    .map(|m| (m.id.clone(), m.name.clone()))
                    .collect(),
            ),
            zones: sorted(
                map.safety_zones
                    .iter()
                    .map(|z| (z.id.clone(), z.name.clone()))
                    .collect(),
            ),
            locations: sorted(
                map.region_sets
                    .iter()
                    .filter(|set| set.id == "locations")
                    .flat_map(|set| &set.regions)
                    .map(|r| (r.id.clone(), r.name.clone()))
                    .collect(),
            ),
        }
    }
}

/// The window's fields and the last answer.
#[derive(Default)]
pub struct SearchState {
    choices: Choices,
    muscle: Option<String>,
    side: Option<Side>,
    status: Option<TriggerPointStatus>,
    zone: Option<String>,
    region: Option<String>,
    since: String,
    /// Why the fields cannot be searched, shown under them.
    problem: Option<String>,
    /// The last search's visits and summary line.
    pub results: Option<(Vec<Found>, String)>,
}

impl SearchState {
    fn query(&self) -> Result<Query, String> {
        let since = match self.since.trim() {
            "" => None,
            text => Some(
                text.parse()
                    .map_err(|_| format!("\"{text}\" is not a date; write YYYY-MM-DD"))?,
            ),
        };
        let query = Query {
            muscle: self.muscle.clone(),
            side: self.side,
            status: self.status,
            zone: self.zone.clone(),
            region: self.region.clone(),
            since,
            until: None,
        };
        if query.names_nothing() {
            return Err(
                "Choose a muscle, a side or status, a safety zone or a location.".to_owned(),
            );
        }
        Ok(query)
    }
}

/// A combo box of `(id, name)` choices with "any" first.
fn choice(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut Option<String>,
    choices: &[(String, String)],
) {
    let shown = value
        .as_ref()
        .and_then(|id| choices.iter().find(|(c, _)| c == id))
        .map_or("any", |(_, name)| name.as_str());
    let label_id = ui.label(label).id;
    egui::ComboBox::from_id_salt(label)
        .selected_text(shown)
        .width(260.0)
        .height(320.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, "any");
            for (id, name) in choices {
                ui.selectable_value(value, Some(id.clone()), name);
            }
        })
        .response
        .labelled_by(label_id);
    ui.end_row();
}

/// The search window; `None` while it stays open with nothing asked.
pub fn search_window(ctx: &egui::Context, state: &mut SearchState) -> Option<SearchAction> {
    let mut action = None;
    let mut open = true;
    egui::Window::new("Find by location")
        .open(&mut open)
        .default_width(560.0)
        .show(ctx, |ui| {
            egui::Grid::new("search_fields")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    choice(
                        ui,
                        "Trigger point in",
                        &mut state.muscle,
                        &state.choices.muscles,
                    );
                    ui.label("Side");
                    ui.horizontal(|ui| {
                        ui.selectable_value(&mut state.side, None, "any");
                        ui.selectable_value(&mut state.side, Some(Side::Left), "left");
                        ui.selectable_value(&mut state.side, Some(Side::Right), "right");
                    });
                    ui.end_row();
                    ui.label("Status");
                    ui.horizontal(|ui| {
                        ui.selectable_value(&mut state.status, None, "any");
                        ui.selectable_value(
                            &mut state.status,
                            Some(TriggerPointStatus::Active),
                            "active",
                        );
                        ui.selectable_value(
                            &mut state.status,
                            Some(TriggerPointStatus::Latent),
                            "latent",
                        );
                    });
                    ui.end_row();
                    choice(
                        ui,
                        "Needle site in the zone",
                        &mut state.zone,
                        &state.choices.zones,
                    );
                    choice(
                        ui,
                        "Pain drawn over",
                        &mut state.region,
                        &state.choices.locations,
                    );
                    ui.label("Since");
                    ui.horizontal(|ui| {
                        ui.add(
                            egui::TextEdit::singleline(&mut state.since)
                                .hint_text("YYYY-MM-DD")
                                .desired_width(110.0),
                        );
                        let today = jiff::ZonedDateTime::now().date();
                        for (label, days) in [("last 30 days", 30), ("last 90 days", 90)] {
                            if ui.small_button(label).clicked()
                                && let Ok(since) = today.checked_sub(jiff::Span::new().days(days))
                            {
                                state.since = since.to_string();
                            }
                        }
                    });
                    ui.end_row();
                });
            ui.horizontal(|ui| {
                if ui.button("Find").clicked() {
                    match state.query() {
                        Ok(query) => {
                            state.problem = None;
                            action = Some(SearchAction::Run(query));
                        }
                        Err(problem) => state.problem = Some(problem),
                    }
                }
                if ui.button("Clear").clicked() {
                    *state = SearchState::default();
                }
            });
            if let Some(problem) = &state.problem {
                ui.colored_label(ui.visuals().warn_fg_color, problem);
            }
            if let Some((found, summary)) = &state.results {
                ui.separator();
                ui.label(RichText::new(summary).strong());
                egui::ScrollArea::vertical()
                    .max_height(320.0)
                    .show(ui, |ui| {
                        egui::Grid::new("search_results")
                            .striped(true)
                            .num_columns(4)
                            .show(ui, |ui| {
                                for visit in found {
                                    if ui.button("Open").clicked() {
                                        action = Some(SearchAction::Open(visit.path.clone()));
                                    }
                                    ui.label(&visit.date);
                                    ui.label(&visit.patient);
                                    ui.label(&visit.matched);
                                    ui.end_row();
                                }
                            });
                    });
            }
        });
    if !open {
        action = Some(SearchAction::Close);
    }
    action
}
