//! Sessions charted on body map version 1 open unchanged on version 2: every mark keeps its
//! view, position and muscle, and every view and muscle id of version 1 still exists. Checked on
//! every demo session (as written to disk and read back) and every fixture session under tests/.

use std::path::{Path, PathBuf};

use myomap::bodymap::standard;
use myomap::geometry::MapPoint;
use myomap::model::Session;
use serde::Deserialize;

/// The muscle ids of body map version 1: never renamed or reused.
const VERSION_1_MUSCLES: &[&str] = &[
    "frontalis",
    "temporalis",
    "masseter",
    "lateral_pterygoid",
    "occipitalis",
    "suboccipitals",
    "splenius_capitis",
    "splenius_cervicis",
    "semispinalis_capitis",
    "sternocleidomastoid_sternal",
    "sternocleidomastoid_clavicular",
    "anterior_scalene",
    "middle_scalene",
    "posterior_scalene",
    "digastric",
    "upper_trapezius",
    "middle_trapezius",
    "lower_trapezius",
    "levator_scapulae",
    "rhomboid_major",
    "rhomboid_minor",
    "supraspinatus",
    "infraspinatus",
    "teres_minor",
    "teres_major",
    "subscapularis",
    "latissimus_dorsi",
    "serratus_anterior",
    "serratus_posterior_superior",
    "anterior_deltoid",
    "middle_deltoid",
    "posterior_deltoid",
    "pectoralis_major",
    "pectoralis_minor",
    "biceps_brachii",
    "brachialis",
    "triceps_brachii",
    "coracobrachialis",
    "brachioradialis",
    "extensor_carpi_radialis_longus",
    "extensor_carpi_radialis_brevis",
    "extensor_carpi_ulnaris",
    "extensor_digitorum",
    "supinator",
    "flexor_carpi_radialis",
    "flexor_carpi_ulnaris",
    "pronator_teres",
    "flexor_digitorum_superficialis",
    "adductor_pollicis",
    "opponens_pollicis",
    "first_dorsal_interosseous",
    "rectus_abdominis",
    "external_oblique",
    "internal_oblique",
    "iliocostalis_thoracis",
    "iliocostalis_lumborum",
    "longissimus_thoracis",
    "multifidus",
    "quadratus_lumborum",
    "serratus_posterior_inferior",
    "gluteus_maximus",
    "gluteus_medius",
    "gluteus_minimus",
    "piriformis",
    "tensor_fasciae_latae",
    "iliopsoas",
    "adductor_longus",
    "adductor_magnus",
    "pectineus",
    "sartorius",
    "gracilis",
    "rectus_femoris",
    "vastus_lateralis",
    "vastus_medialis",
    "biceps_femoris",
    "semitendinosus",
    "semimembranosus",
    "gastrocnemius_medial",
    "gastrocnemius_lateral",
    "soleus",
    "tibialis_anterior",
    "fibularis_longus",
    "fibularis_brevis",
    "extensor_digitorum_longus",
    "tibialis_posterior",
    "popliteus",
    "abductor_hallucis",
    "flexor_digitorum_brevis",
    "quadratus_plantae",
    "extensor_digitorum_brevis",
    "abductor_digiti_minimi_pedis",
];

/// The view ids of body map version 1.
const VERSION_1_VIEWS: &[&str] = &[
    "anterior",
    "posterior",
    "left_lateral",
    "right_lateral",
    "head_anterior",
    "head_posterior",
    "head_left_lateral",
    "head_right_lateral",
    "feet_plantar",
];

/// What of a mark depends on the map: which mark, its view, position and muscle.
#[derive(Clone, Debug, PartialEq)]
struct Mark {
    what: String,
    view: String,
    at: Option<(f32, f32)>,
    muscle: Option<String>,
}

fn xy(p: MapPoint) -> Option<(f32, f32)> {
    Some((p.x, p.y))
}

/// Every mark of a loaded session.
fn marks(session: &Session) -> Vec<Mark> {
    let mut out = Vec::new();
    for t in &session.trigger_points {
        out.push(Mark {
            what: format!("trigger point #{}", t.id.0),
            view: t.view.as_str().to_owned(),
            at: xy(t.at),
            muscle: t.muscle.as_ref().map(|m| m.0.clone()),
        });
    }
    for n in &session.needle_sites {
        out.push(Mark {
            what: format!("needle site #{}", n.id.0),
            view: n.view.as_str().to_owned(),
            at: xy(n.at),
            muscle: n.muscle.as_ref().map(|m| m.0.clone()),
        });
    }
    for z in &session.referred_zones {
        out.push(Mark {
            what: format!("referred zone #{}", z.id.0),
            view: z.view.as_str().to_owned(),
            at: None,
            muscle: None,
        });
    }
    for a in &session.arrows {
        out.push(Mark {
            what: format!("arrow #{}", a.id.0),
            view: a.view.as_str().to_owned(),
            at: xy(a.from),
            muscle: None,
        });
    }
    for n in &session.text_notes {
        out.push(Mark {
            what: format!("note #{}", n.id.0),
            view: n.view.as_str().to_owned(),
            at: xy(n.at),
            muscle: None,
        });
    }
    out
}

/// The marks as the file itself writes them, read without myomap's loader or its migrations.
#[derive(Deserialize)]
struct RawSession {
    #[serde(default)]
    trigger_points: Vec<RawMark>,
    #[serde(default)]
    needle_sites: Vec<RawMark>,
}

#[derive(Deserialize)]
struct RawMark {
    id: u32,
    view: String,
    at: (f32, f32),
    muscle: Option<String>,
}

fn raw_marks(text: &str) -> Vec<Mark> {
    let raw: RawSession =
        ron::from_str(text.trim_start_matches('\u{feff}')).expect("the fixture parses as RON");
    let mark = |kind: &str, m: &RawMark| Mark {
        what: format!("{kind} #{}", m.id),
        view: m.view.clone(),
        at: Some(m.at),
        muscle: m.muscle.clone(),
    };
    raw.trigger_points
        .iter()
        .map(|m| mark("trigger point", m))
        .chain(raw.needle_sites.iter().map(|m| mark("needle site", m)))
        .collect()
}

/// Every session file under `dir` (recursively).
fn session_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a readable folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            session_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "ron")
            && std::fs::read_to_string(&path).is_ok_and(|t| t.contains("trigger_points"))
        {
            out.push(path);
        }
    }
}

/// Each mark's view is a view of the map and its muscle a muscle of the map.
fn assert_on_the_map(origin: &str, marks: &[Mark]) {
    let map = &standard().map;
    for mark in marks {
        assert!(
            map.views.iter().any(|v| v.id.as_str() == mark.view),
            "{origin}: {} is on view {}, which the map lacks",
            mark.what,
            mark.view
        );
        if let Some(muscle) = &mark.muscle {
            assert!(
                map.muscle(muscle).is_some(),
                "{origin}: {} names muscle {muscle}, which the map lacks",
                mark.what
            );
        }
    }
}

#[test]
fn every_view_and_muscle_id_of_version_1_is_kept() {
    let map = &standard().map;
    assert_eq!(map.version, 2);
    assert_eq!(myomap::STANDARD_BODY_MAP_VERSION, 2);
    for id in VERSION_1_MUSCLES {
        assert!(map.muscle(id).is_some(), "muscle {id} of version 1 is gone");
    }
    for id in VERSION_1_VIEWS {
        assert!(
            map.views.iter().any(|v| v.id.as_str() == *id),
            "view {id} of version 1 is gone"
        );
    }
}

#[test]
fn fixture_sessions_charted_on_version_1_open_with_their_marks_unchanged() {
    let mut files = Vec::new();
    session_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests"),
        &mut files,
    );
    assert!(!files.is_empty(), "fixture sessions under tests/");
    for path in files {
        let origin = path.display().to_string();
        let text = std::fs::read_to_string(&path).expect("readable");
        let session = myomap::storage::load_session(&path)
            .unwrap_or_else(|e| panic!("{origin} does not open: {e}"));
        assert_eq!(
            session.body_map.version, 1,
            "{origin} was charted on version 1"
        );
        let loaded: Vec<Mark> = marks(&session)
            .into_iter()
            .filter(|m| m.what.starts_with("trigger point") || m.what.starts_with("needle site"))
            .collect();
        assert_eq!(
            loaded,
            raw_marks(&text),
            "{origin}: marks as loaded and as written"
        );
        assert_on_the_map(&origin, &marks(&session));
    }
}

#[test]
fn demo_sessions_keep_every_marks_view_position_and_muscle_through_the_disk() {
    let dir = tempfile::tempdir().expect("temp dir");
    myomap::demo::write_demo_library(dir.path()).expect("the demo library is written");
    let mut files = Vec::new();
    session_files(dir.path(), &mut files);
    let written: Vec<Session> = myomap::demo::demo_records()
        .into_iter()
        .flat_map(|(_, sessions)| sessions)
        .collect();
    assert!(!written.is_empty(), "demo sessions");
    for session in &written {
        let origin = format!("demo session {}", session.id);
        let head = session.id.to_string()[..8].to_owned();
        let path = files
            .iter()
            .find(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().contains(&head))
            })
            .unwrap_or_else(|| panic!("{origin}: no file"));
        let read = myomap::storage::load_session(path)
            .unwrap_or_else(|e| panic!("{origin} does not open: {e}"));
        assert_eq!(
            marks(&read),
            marks(session),
            "{origin}: marks after the disk"
        );
        assert_on_the_map(&origin, &marks(session));
    }
}
