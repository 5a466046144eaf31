//! The save soak test of `docs/reliability.md`: a process saves the heavy session over and
//! over and is killed (SIGKILL) at a random moment, 100 times; after every kill the session
//! file and its backup must both exist and read. Too slow for every `cargo test` (about a
//! minute); run it with `docs/soak.sh`.
#![cfg(unix)]

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use myomap::storage;

/// Tells the child test where to save.
const FILE_VAR: &str = "MYOMAP_SOAK_FILE";
const KILLS: usize = 100;

/// The child: saves forever (until killed), each save a different session.
#[test]
#[ignore = "run by kill_during_saves as the process it kills"]
fn soak_saver_child() {
    let Some(path) = std::env::var_os(FILE_VAR) else {
        return;
    };
    let path = Path::new(&path);
    let mut session = myomap::demo::heavy_session();
    for save in 0.. {
        session.notes = format!("save {save}");
        if let Err(error) = storage::save(path, &session, None) {
            eprintln!("save {save} failed: {error}");
            std::process::exit(2);
        }
    }
}

/// A small deterministic generator of kill delays (no dependency for one number a loop).
fn next_delay(state: &mut u64) -> Duration {
    *state = state
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    Duration::from_millis(30 + (*state >> 33) % 400)
}

#[test]
#[ignore = "a soak test of about a minute: docs/soak.sh"]
fn kill_during_saves() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("2026-09-07-ffaeb97f.ron");
    storage::save(&path, &myomap::demo::heavy_session(), None).expect("first save");
    let backup = storage::backup_path(&path);
    let exe = std::env::current_exe().expect("the test binary");
    let mut state = 0x5eed;
    let mut failures = Vec::new();
    let mut with_backup = 0;
    for kill in 1..=KILLS {
        let mut child = Command::new(&exe)
            .args(["soak_saver_child", "--exact", "--ignored", "--nocapture"])
            .env(FILE_VAR, &path)
            .spawn()
            .expect("the saver starts");
        std::thread::sleep(next_delay(&mut state));
        child.kill().expect("killed");
        child.wait().expect("reaped");
        if let Err(error) = storage::load_session(&path) {
            failures.push(format!("kill {kill}: the session does not read: {error}"));
        }
        if backup.exists() {
            match storage::load_session(&backup) {
                Ok(_) => with_backup += 1,
                Err(error) => {
                    failures.push(format!("kill {kill}: the backup does not read: {error}"))
                }
            }
        } else {
            failures.push(format!("kill {kill}: no backup"));
        }
    }
    let debris = std::fs::read_dir(dir.path())
        .expect("folder")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .count();
    println!(
        "{KILLS} kills during saves: session readable after {} of them, readable backup after {with_backup}; {debris} temporary file(s) left (removed at the next library scan once stale)",
        KILLS - failures.iter().filter(|f| f.contains("session")).count()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
