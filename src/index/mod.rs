//! The library index: what a library holds, for listing it and searching it by location
//! without reading every file. It lives inside the library, one file per workstation
//! (`.myomap/index-HOST.bin`, so a synced library's workstations never conflict over it), and
//! is never trusted over the files:
//! - a patient folder whose `sessions` folder and `patient.ron` have the modification times
//!   the index recorded is taken from the index (myomap and sync engines write by renaming,
//!   which changes the folder's time, so an added, removed or saved visit always shows);
//! - otherwise its files are listed again and each visit whose size or modification time
//!   differs is read again;
//! - an index that cannot be read (damaged, another version) is rebuilt from the files.
//!
//! Each visit is indexed by what a search asks: its trigger points (muscle, side, status),
//! the safety zones its needle sites lay in, and the named locations its pain drawing
//! touches (as the comparison computes them).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::model::{Session, Side, TriggerPointStatus, WarningKind};
use crate::storage::{self, Library, library_dirs};

#[cfg(test)]
mod tests;

/// Bumped whenever [`LibraryIndex`]'s layout changes: an index of another version is rebuilt.
const INDEX_VERSION: u32 = 4;

/// The folder inside a library for myomap's own files.
pub const INDEX_DIR: &str = ".myomap";

/// This workstation's index file of `library`.
pub fn index_path(library: &Library) -> PathBuf {
    let host = gethostname::gethostname()
        .to_string_lossy()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect::<String>();
    library
        .root()
        .join(INDEX_DIR)
        .join(format!("index-{host}.bin"))
}

/// A file's identity as the index compares it: size and modification time (ns).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    size: u64,
    modified_ns: i128,
}

impl Stamp {
    fn of(path: &Path) -> Option<Self> {
        let meta = std::fs::metadata(path).ok()?;
        let modified_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as i128);
        Some(Self {
            size: meta.len(),
            modified_ns,
        })
    }
}

/// One trigger point, by interned muscle name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct IndexedTriggerPoint {
    muscle: Option<u32>,
    side: Side,
    status: TriggerPointStatus,
}

/// One visit as a search sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VisitRow {
    /// The file's name in the patient's `sessions` folder.
    pub file: String,
    stamp: Stamp,
    /// The visit's local date, `None` when the file cannot be read (kept as numbers: a
    /// 200,000-visit index reads faster than with dates as text).
    #[serde(with = "compact_date")]
    pub date: Option<Date>,
    pub pain_before: Option<u8>,
    /// Why the file cannot be read, when it cannot (listed, never hidden).
    pub problem: Option<String>,
    /// A sync engine's conflict copy of another visit: listed with the patient (to be
    /// reconciled), never counted as a visit of its own by a search.
    pub conflict: bool,
    trigger_points: Vec<IndexedTriggerPoint>,
    /// Safety zones needle sites lay in, each with the needle's side.
    needle_zones: Vec<(u32, Side)>,
    /// Named locations (the map's `locations` set) the pain drawing touches.
    locations: Vec<u32>,
}

/// One patient folder.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PatientRow {
    /// The folder's name (the patient's id).
    pub folder: String,
    pub display_name: String,
    /// The patient record, when `patient.ron` can be read.
    pub patient: Option<crate::model::Patient>,
    pub problem: Option<String>,
    patient_stamp: Option<Stamp>,
    sessions_stamp: Option<Stamp>,
    pub visits: Vec<VisitRow>,
}

/// The whole index.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LibraryIndex {
    version: u32,
    /// Interned muscle, zone and location ids.
    names: Vec<String>,
    pub patients: Vec<PatientRow>,
}

/// A date as `(year, month, day)` numbers in the index file.
mod compact_date {
    use jiff::civil::Date;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        date.map(|d| (d.year(), d.month(), d.day())).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
        let parts = Option::<(i16, i8, i8)>::deserialize(d)?;
        parts
            .map(|(y, m, day)| Date::new(y, m, day).map_err(serde::de::Error::custom))
            .transpose()
    }
}

/// What bringing the index up to date did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Refresh {
    /// The index file was missing or unreadable and was built from the files.
    pub rebuilt: bool,
    /// Patient folders whose files were listed again.
    pub folders_relisted: usize,
    /// Visit files read again.
    pub visits_read: usize,
    pub patients: usize,
    pub visits: usize,
}

/// Interning while rows are built.
struct Names<'a> {
    names: &'a mut Vec<String>,
    lookup: HashMap<String, u32>,
}

impl<'a> Names<'a> {
    fn new(names: &'a mut Vec<String>) -> Self {
        let lookup = names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), i as u32))
            .collect();
        Self { names, lookup }
    }

    fn intern(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.lookup.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(name.to_owned());
        self.lookup.insert(name.to_owned(), id);
        id
    }
}

fn visit_row(names: &mut Names<'_>, file: String, stamp: Stamp, path: &Path) -> VisitRow {
    let empty = |problem: Option<String>| VisitRow {
        file: file.clone(),
        stamp,
        date: None,
        pain_before: None,
        problem,
        conflict: storage::conflicts::conflict_copy(path).is_some(),
        trigger_points: Vec::new(),
        needle_zones: Vec::new(),
        locations: Vec::new(),
    };
    let session = match storage::load_session(path) {
        Ok(session) => session,
        Err(error) => return empty(Some(error.message())),
    };
    let mut row = empty(None);
    fill(&mut row, names, &session);
    row
}

fn fill(row: &mut VisitRow, names: &mut Names<'_>, session: &Session) {
    row.date = Some(session.date());
    row.pain_before = session.pain_before.map(|p| p.0);
    row.trigger_points = session
        .trigger_points
        .iter()
        .map(|tp| IndexedTriggerPoint {
            muscle: tp.muscle.as_ref().map(|m| names.intern(&m.0)),
            side: tp.side,
            status: tp.status,
        })
        .collect();
    row.needle_zones = session
        .needle_sites
        .iter()
        .flat_map(|site| {
            site.warnings
                .iter()
                .filter(|w| w.kind == WarningKind::InZone)
                .map(move |w| (w.zone.clone(), site.side))
        })
        .map(|(zone, side)| (names.intern(&zone), side))
        .collect();
    row.locations = if session.referred_zones.is_empty() {
        Vec::new()
    } else {
        crate::metrics::session_metrics(session, crate::metrics::standard_charts())
            .locations
            .iter()
            .map(|l| names.intern(l))
            .collect()
    };
}

impl LibraryIndex {
    /// This workstation's index of `library`, brought up to date with its files and saved
    /// when anything changed. Never fails: an index that cannot be read or written is
    /// rebuilt or kept in memory only.
    pub fn open(library: &Library) -> (Self, Refresh) {
        Self::open_counting(library, &std::sync::atomic::AtomicUsize::new(0))
    }

    /// [`Self::open`], counting in `progress` the patient folders compared so far (for a
    /// progress indicator while it runs on another thread).
    pub fn open_counting(
        library: &Library,
        progress: &std::sync::atomic::AtomicUsize,
    ) -> (Self, Refresh) {
        let path = index_path(library);
        let stored = std::fs::read(&path)
            .ok()
            .and_then(|bytes| postcard::from_bytes::<LibraryIndex>(&bytes).ok())
            .filter(|index| index.version == INDEX_VERSION);
        let rebuilt = stored.is_none();
        let mut index = stored.unwrap_or_else(|| LibraryIndex {
            version: INDEX_VERSION,
            ..Default::default()
        });
        let mut refresh = index.refresh_counting(library, progress);
        refresh.rebuilt = rebuilt;
        if rebuilt || refresh.folders_relisted > 0 {
            index.save(&path);
        }
        (index, refresh)
    }

    fn save(&self, path: &Path) {
        let Ok(bytes) = postcard::to_stdvec(self) else {
            return;
        };
        if let Some(dir) = path.parent() {
            let _ = storage::create_dir_all_private(dir);
        }
        // Losing the index costs a rebuild, never a record: a failed write is only logged.
        if let Err(error) = storage::write_atomically(path, &bytes) {
            log::warn!(
                "could not save the library index {}: {error}",
                path.display()
            );
        }
    }

    /// Compares the index with the library's folders and reads again what changed.
    pub fn refresh(&mut self, library: &Library) -> Refresh {
        self.refresh_counting(library, &std::sync::atomic::AtomicUsize::new(0))
    }

    fn refresh_counting(
        &mut self,
        library: &Library,
        progress: &std::sync::atomic::AtomicUsize,
    ) -> Refresh {
        let mut refresh = Refresh::default();
        let patients_dir = library.patients_dir();
        let mut folders: Vec<String> = std::fs::read_dir(&patients_dir)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                    .filter_map(|e| e.file_name().into_string().ok())
                    .filter(|name| !name.starts_with('.'))
                    .collect()
            })
            .unwrap_or_default();
        folders.sort();
        let mut old: HashMap<String, PatientRow> = std::mem::take(&mut self.patients)
            .into_iter()
            .map(|row| (row.folder.clone(), row))
            .collect();
        let mut names = Names::new(&mut self.names);
        for folder in folders {
            progress.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let dir = patients_dir.join(&folder);
            let patient_stamp = Stamp::of(&dir.join(library_dirs::PATIENT_FILE));
            let sessions_dir = dir.join(library_dirs::SESSIONS);
            let sessions_stamp = Stamp::of(&sessions_dir);
            let previous = old.remove(&folder);
            let row = match previous {
                Some(row)
                    if row.patient_stamp == patient_stamp
                        && row.sessions_stamp == sessions_stamp =>
                {
                    row
                }
                previous => {
                    refresh.folders_relisted += 1;
                    relist(
                        &mut names,
                        (folder, &dir, &sessions_dir),
                        (patient_stamp, sessions_stamp),
                        previous,
                        &mut refresh,
                    )
                }
            };
            refresh.visits += row.visits.len();
            self.patients.push(row);
        }
        refresh.folders_relisted += old.len();
        self.patients
            .sort_by_cached_key(|p| (p.display_name.to_lowercase(), p.folder.clone()));
        refresh.patients = self.patients.len();
        refresh
    }

    /// The visits that match `query`, newest first.
    pub fn find(&self, query: &Query) -> Vec<Hit<'_>> {
        let id = |name: &Option<String>| -> Option<Option<u32>> {
            name.as_ref()
                .map(|name| self.names.iter().position(|n| n == name).map(|i| i as u32))
        };
        let (muscle, zone, region) = (id(&query.muscle), id(&query.zone), id(&query.region));
        // A name no visit has: nothing can match.
        if [muscle, zone, region]
            .iter()
            .any(|n| matches!(n, Some(None)))
        {
            return Vec::new();
        }
        let (muscle, zone, region) = (muscle.flatten(), zone.flatten(), region.flatten());
        let wants_trigger_point =
            muscle.is_some() || query.status.is_some() || (query.side.is_some() && zone.is_none());
        // Names read once per search, not once per visit found.
        let zone_name = query.zone.as_deref().map(place_name).unwrap_or_default();
        let region_name = query.region.as_deref().map(place_name).unwrap_or_default();
        let trigger_point_words = TriggerPointWords::new(query);
        let mut hits = Vec::new();
        for patient in &self.patients {
            for visit in &patient.visits {
                let Some(date) = visit.date.filter(|_| !visit.conflict) else {
                    continue;
                };
                if query.since.is_some_and(|since| date < since)
                    || query.until.is_some_and(|until| date > until)
                {
                    continue;
                }
                let mut matched = Vec::new();
                if wants_trigger_point {
                    let found = visit.trigger_points.iter().filter(|tp| {
                        muscle.is_none_or(|m| tp.muscle == Some(m))
                            && query.side.is_none_or(|s| tp.side == s)
                            && query.status.is_none_or(|s| tp.status == s)
                    });
                    let count = found.count();
                    if count == 0 {
                        continue;
                    }
                    matched.push(trigger_point_words.say(count));
                }
                if let Some(zone) = zone {
                    let count = visit
                        .needle_zones
                        .iter()
                        .filter(|(z, side)| *z == zone && query.side.is_none_or(|s| *side == s))
                        .count();
                    if count == 0 {
                        continue;
                    }
                    matched.push(format!(
                        "{} in the {zone_name} zone",
                        crate::words::count(count, "needle site", "needle sites"),
                    ));
                }
                if let Some(region) = region {
                    if !visit.locations.contains(&region) {
                        continue;
                    }
                    matched.push(format!("pain drawn over the {region_name}"));
                }
                hits.push(Hit {
                    patient,
                    visit,
                    date,
                    matched,
                });
            }
        }
        hits.sort_by(|a, b| {
            b.date
                .cmp(&a.date)
                .then_with(|| a.visit.file.cmp(&b.visit.file))
        });
        hits
    }

    /// Visit files that cannot be read, with why: a search says how many it could not look in.
    pub fn unreadable(&self) -> impl Iterator<Item = (&PatientRow, &VisitRow)> {
        self.patients.iter().flat_map(|p| {
            p.visits
                .iter()
                .filter(|v| v.problem.is_some())
                .map(move |v| (p, v))
        })
    }

    /// The library as [`Library::scan`] reads it — each patient with their visit files, and
    /// the patient files that cannot be read — from the index instead of every folder's files.
    pub fn entries(&self, library: &Library) -> storage::LibraryScan {
        let mut patients = Vec::new();
        let mut problems = Vec::new();
        for row in &self.patients {
            let dir = library.patients_dir().join(&row.folder);
            match (&row.patient, &row.problem) {
                (Some(patient), _) => {
                    let sessions = dir.join(library_dirs::SESSIONS);
                    let files = row.visits.iter().map(|v| sessions.join(&v.file)).collect();
                    patients.push(storage::PatientEntry::new(patient.clone(), dir, files));
                }
                (None, problem) => problems.push(storage::LoadError::io(
                    &dir.join(library_dirs::PATIENT_FILE),
                    std::io::Error::other(problem.clone().unwrap_or_default()),
                )),
            }
        }
        (patients, problems)
    }

    /// Every visit in the index.
    pub fn visit_count(&self) -> usize {
        self.patients.iter().map(|p| p.visits.len()).sum()
    }
}

/// How a search's trigger points read, worked out once per search: "2 active trigger points,
/// right upper trapezius".
struct TriggerPointWords {
    /// "active ", "latent " or nothing.
    status: &'static str,
    /// ", right upper trapezius", " on the left" or nothing.
    place: String,
}

impl TriggerPointWords {
    fn new(query: &Query) -> Self {
        let status = query.status.map_or("", |s| match s {
            TriggerPointStatus::Active => "active ",
            TriggerPointStatus::Latent => "latent ",
        });
        let side = query.side.map(|s| s.label());
        let muscle = query.muscle.as_deref().map(|id| {
            crate::bodymap::standard()
                .map
                .muscle(id)
                .map_or_else(|| id.to_owned(), |m| m.name.to_lowercase())
        });
        let place = match (side, muscle) {
            (Some(side), Some(muscle)) => format!(", {side} {muscle}"),
            (None, Some(muscle)) => format!(", {muscle}"),
            (Some(side), None) => format!(" on the {side}"),
            (None, None) => String::new(),
        };
        Self { status, place }
    }

    fn say(&self, count: usize) -> String {
        let noun = crate::words::noun(count, "trigger point", "trigger points");
        format!("{count} {}{noun}{}", self.status, self.place)
    }
}

/// A safety zone's or location's name from the standard map, else its id.
fn place_name(id: &str) -> String {
    let map = &crate::bodymap::standard().map;
    map.safety_zone(id)
        .map(|z| z.name.clone())
        .or_else(|| {
            map.region_sets
                .iter()
                .flat_map(|set| &set.regions)
                .find(|r| r.id == id)
                .map(|r| r.name.clone())
        })
        .map_or_else(|| id.to_owned(), |name| name.to_lowercase())
}

/// Lists a patient folder again, reading only the visits whose file changed.
fn relist(
    names: &mut Names<'_>,
    (folder, dir, sessions_dir): (String, &Path, &Path),
    (patient_stamp, sessions_stamp): (Option<Stamp>, Option<Stamp>),
    previous: Option<PatientRow>,
    refresh: &mut Refresh,
) -> PatientRow {
    let (display_name, patient, problem) = match previous
        .as_ref()
        .filter(|p| p.patient_stamp == patient_stamp && patient_stamp.is_some())
    {
        Some(p) => (p.display_name.clone(), p.patient.clone(), p.problem.clone()),
        None => match storage::load_patient(&dir.join(library_dirs::PATIENT_FILE)) {
            Ok(patient) => (patient.display_name.clone(), Some(patient), None),
            Err(error) => (folder.clone(), None, Some(error.message())),
        },
    };
    let mut known: HashMap<String, VisitRow> = previous
        .map(|p| p.visits)
        .unwrap_or_default()
        .into_iter()
        .map(|v| (v.file.clone(), v))
        .collect();
    let mut files: Vec<String> = std::fs::read_dir(sessions_dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|name| name.ends_with(".ron") && !name.starts_with('.'))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let visits = files
        .into_iter()
        .filter_map(|file| {
            let path = sessions_dir.join(&file);
            let stamp = Stamp::of(&path)?;
            match known.remove(&file) {
                Some(row) if row.stamp == stamp => Some(row),
                _ => {
                    refresh.visits_read += 1;
                    Some(visit_row(names, file, stamp, &path))
                }
            }
        })
        .collect();
    PatientRow {
        folder,
        display_name,
        patient,
        problem,
        patient_stamp,
        sessions_stamp,
        visits,
    }
}

/// A search of the library (every field optional; all given must hold).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    /// A muscle id of the body map: visits with a trigger point in it.
    pub muscle: Option<String>,
    /// Left or right: of the trigger point (or of the needle site, with `zone`).
    pub side: Option<Side>,
    /// Active or latent trigger points.
    pub status: Option<TriggerPointStatus>,
    /// A safety-zone id: visits with a needle site in it.
    pub zone: Option<String>,
    /// A named location of the body map: visits whose pain drawing touches it.
    pub region: Option<String>,
    pub since: Option<Date>,
    pub until: Option<Date>,
}

impl Query {
    /// Whether the query names nothing to find (dates alone would list every visit).
    pub fn names_nothing(&self) -> bool {
        self.muscle.is_none()
            && self.zone.is_none()
            && self.region.is_none()
            && self.status.is_none()
            && self.side.is_none()
    }
}

/// One visit a search found.
#[derive(Clone, Debug)]
pub struct Hit<'a> {
    pub patient: &'a PatientRow,
    pub visit: &'a VisitRow,
    pub date: Date,
    /// What matched, in words: "1 trigger point", "2 needle sites in the zone".
    pub matched: Vec<String>,
}

impl Hit<'_> {
    /// The visit's file under `library`.
    pub fn path(&self, library: &Library) -> PathBuf {
        library
            .patients_dir()
            .join(&self.patient.folder)
            .join(library_dirs::SESSIONS)
            .join(&self.visit.file)
    }
}
