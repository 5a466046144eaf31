use super::*;

fn demo() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("lib");
    crate::demo::write_demo_library(&root).expect("demo");
    (dir, Library::new(root))
}

#[test]
fn the_index_is_built_then_reused_and_reads_again_only_what_changed() {
    let (_dir, library) = demo();
    let (index, first) = LibraryIndex::open(&library);
    assert!(first.rebuilt);
    assert_eq!(
        (first.patients, first.visits, first.visits_read),
        (3, 12, 12)
    );
    assert_eq!(index.visit_count(), 12);

    let (again, second) = LibraryIndex::open(&library);
    assert_eq!(again, index, "read back as written");
    assert!(!second.rebuilt);
    assert_eq!((second.folders_relisted, second.visits_read), (0, 0));

    // A visit saved again (an atomic save renames: the folder's time changes).
    let (patients, _) = library.scan().expect("scan");
    let path = patients[0].session_files.last().expect("visit").clone();
    let mut session = storage::load_session(&path).expect("loads");
    session.notes.push_str(" Seen again.");
    std::thread::sleep(std::time::Duration::from_millis(20));
    storage::save(&path, &session, None).expect("saves");
    let (_, third) = LibraryIndex::open(&library);
    assert_eq!((third.folders_relisted, third.visits_read), (1, 1));
}

#[test]
fn a_damaged_index_is_rebuilt_from_the_files() {
    let (_dir, library) = demo();
    let (index, _) = LibraryIndex::open(&library);
    std::fs::write(index_path(&library), b"\xff\x00 not an index").expect("damage it");
    let (rebuilt, refresh) = LibraryIndex::open(&library);
    assert!(refresh.rebuilt);
    assert_eq!(rebuilt.visit_count(), index.visit_count());
}

#[test]
fn find_answers_by_muscle_side_status_zone_location_and_date() {
    let (_dir, library) = demo();
    let (index, _) = LibraryIndex::open(&library);
    let query = |q: Query| -> Vec<(String, Date)> {
        index
            .find(&q)
            .iter()
            .map(|h| (h.patient.display_name.clone(), h.date))
            .collect()
    };
    let trapezius = query(Query {
        muscle: Some("upper_trapezius".into()),
        side: Some(Side::Right),
        status: Some(TriggerPointStatus::Active),
        ..Query::default()
    });
    assert!(!trapezius.is_empty());
    assert!(
        trapezius.iter().all(|(name, _)| name.starts_with("Claire")),
        "{trapezius:?}"
    );
    let dates: Vec<Date> = trapezius.iter().map(|(_, d)| *d).collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted, "newest first");

    let since = query(Query {
        muscle: Some("upper_trapezius".into()),
        side: Some(Side::Right),
        status: Some(TriggerPointStatus::Active),
        since: Some(jiff::civil::date(2026, 9, 10)),
        ..Query::default()
    });
    assert!(since.len() < trapezius.len());
    assert!(
        since
            .iter()
            .all(|(_, d)| *d >= jiff::civil::date(2026, 9, 10))
    );

    let lung = query(Query {
        zone: Some("lung_apex".into()),
        ..Query::default()
    });
    assert!(
        !lung.is_empty(),
        "the demo needles the upper trapezius over the lung apex"
    );

    let thigh = query(Query {
        region: Some("right_lateral_thigh".into()),
        ..Query::default()
    });
    assert!(
        thigh.iter().any(|(name, _)| name.starts_with("Tomás")),
        "{thigh:?}"
    );
    assert!(
        query(Query {
            muscle: Some("no_such_muscle".into()),
            ..Query::default()
        })
        .is_empty()
    );
}

#[test]
fn the_index_lists_the_library_as_reading_every_folder_does() {
    let (_dir, library) = demo();
    let (index, _) = LibraryIndex::open(&library);
    let (from_index, index_problems) = index.entries(&library);
    let (from_files, file_problems) = library.scan().expect("scan");
    assert_eq!(index_problems.len(), file_problems.len());
    let summary = |entries: &[storage::PatientEntry]| -> Vec<(String, Vec<PathBuf>)> {
        let mut list: Vec<_> = entries
            .iter()
            .map(|e| (e.patient.display_name.clone(), e.session_files.clone()))
            .collect();
        list.sort();
        list
    };
    assert_eq!(summary(&from_index), summary(&from_files));
}
