//! Two real Syncthing nodes on 127.0.0.1 (issue #20): a library synced from one to the other,
//! sync paused (both nodes stopped), the same visit edited differently on each through
//! myomap's own code, sync resumed; the test waits for Syncthing's conflict copy and checks
//! that myomap lists the conflict and that reconciling keeps both edits.
//!
//! Runs when `syncthing` is installed (`.ci/run` installs it as root on Debian); otherwise it
//! says so and passes. Loopback only (no discovery, relays or NAT), bounded in time, and
//! every process and folder is removed at the end, even on failure.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use myomap::model::Session;
use myomap::storage::{Library, conflicts, load_session, load_stamped, save};

/// The whole test never waits longer than this for Syncthing.
const PATIENCE: Duration = Duration::from_secs(120);

fn syncthing() -> Option<PathBuf> {
    let found = Command::new("syncthing")
        .arg("--help")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    found.then(|| PathBuf::from("syncthing"))
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

/// One Syncthing node: its home (keys, config, database) and its copy of the library.
struct Node {
    name: &'static str,
    home: PathBuf,
    library: PathBuf,
    port: u16,
    id: String,
    process: Option<Child>,
}

impl Node {
    fn new(root: &Path, name: &'static str) -> Self {
        let home = root.join(format!("home-{name}"));
        let library = root.join(format!("library-{name}"));
        std::fs::create_dir_all(library.join(".stfolder")).expect("folder and its marker");
        let status = Command::new("syncthing")
            .args(["generate", "--no-default-folder", "--skip-port-probing"])
            .arg(format!("--home={}", home.display()))
            .stdout(Stdio::null())
            .status()
            .expect("syncthing generate");
        assert!(status.success(), "syncthing generate");
        let output = Command::new("syncthing")
            .args(["serve", "--device-id"])
            .arg(format!("--home={}", home.display()))
            .output()
            .expect("device id");
        let id = String::from_utf8_lossy(&output.stdout).trim().to_owned();
        assert_eq!(id.len(), 63, "a device id: {id}");
        Self {
            name,
            home,
            library,
            port: free_port(),
            id,
            process: None,
        }
    }

    /// A configuration that talks only to `peer` on loopback and shares the library.
    fn configure(&self, peer: &Node) {
        let device = |node: &Node| {
            format!(
                r#"<device id="{id}" name="{name}" compression="metadata" introducer="false" skipIntroductionRemovals="false" introducedBy="">
        <address>tcp://127.0.0.1:{port}</address>
        <paused>false</paused>
        <autoAcceptFolders>false</autoAcceptFolders>
    </device>"#,
                id = node.id,
                name = node.name,
                port = node.port
            )
        };
        // The configuration format of the installed Syncthing, from the file it generated.
        let generated =
            std::fs::read_to_string(self.home.join("config.xml")).expect("generated config");
        let version = generated
            .split("<configuration version=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or("36")
            .to_owned();
        let config = format!(
            r#"<configuration version="{version}">
    <folder id="clinic-library" label="clinic library" path="{path}" type="sendreceive" rescanIntervalS="1" fsWatcherEnabled="false" ignorePerms="false" autoNormalize="true">
        <filesystemType>basic</filesystemType>
        <device id="{me}" introducedBy=""></device>
        <device id="{peer}" introducedBy=""></device>
        <minDiskFree unit="%">0</minDiskFree>
        <markerName>.stfolder</markerName>
        <maxConflicts>10</maxConflicts>
    </folder>
    {my_device}
    {peer_device}
    <gui enabled="false" tls="false">
        <address>127.0.0.1:{gui}</address>
    </gui>
    <options>
        <listenAddress>tcp://127.0.0.1:{port}</listenAddress>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <urAccepted>-1</urAccepted>
        <crashReportingEnabled>false</crashReportingEnabled>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <startBrowser>false</startBrowser>
        <minHomeDiskFree unit="%">0</minHomeDiskFree>
    </options>
</configuration>
"#,
            path = self.library.display(),
            me = self.id,
            peer = peer.id,
            my_device = device(self),
            peer_device = device(peer),
            gui = free_port(),
            port = self.port,
        );
        std::fs::write(self.home.join("config.xml"), config).expect("config");
    }

    fn start(&mut self) {
        use std::os::unix::process::CommandExt as _;
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.home.join("syncthing.log"))
            .expect("log");
        let child = Command::new("syncthing")
            .args(["serve", "--no-browser", "--no-restart"])
            .arg(format!("--home={}", self.home.display()))
            .env("STNODEFAULTFOLDER", "1")
            .env("STNOUPGRADE", "1")
            .env(
                "STTRACE",
                std::env::var("MYOMAP_STTRACE").unwrap_or_default(),
            )
            .stdout(log.try_clone().expect("log"))
            .stderr(log)
            // Its own process group: Syncthing runs a monitor and a worker process, and
            // stopping the node must stop both (the worker holds the database lock).
            .process_group(0)
            .spawn()
            .expect("syncthing serve");
        self.process = Some(child);
    }

    /// Stops the node, monitor and worker: sync is paused until it starts again.
    fn stop(&mut self) {
        let Some(mut child) = self.process.take() else {
            return;
        };
        let group = format!("-{}", child.id());
        let signal = |name: &str| {
            Command::new("kill")
                .args([name, "--", &group])
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        };
        signal("-TERM");
        let _ = child.wait();
        let until = Instant::now() + Duration::from_secs(10);
        while signal("-0") && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(100));
        }
        signal("-KILL");
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.home.join("syncthing.log")).unwrap_or_default()
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Waits for `done`, at most until `deadline`, looking every quarter second; gives up at
/// once when a node has stopped.
fn wait_for(
    deadline: Instant,
    what: &str,
    nodes: &mut [&mut Node],
    mut done: impl FnMut() -> bool,
) {
    while !done() {
        let stopped = nodes.iter_mut().any(|n| {
            n.process
                .as_mut()
                .is_some_and(|p| p.try_wait().ok().flatten().is_some())
        });
        if stopped || Instant::now() > deadline {
            let logs: Vec<String> = nodes
                .iter()
                .map(|n| {
                    let files = visit(&n.library)
                        .and_then(|v| v.parent().map(Path::to_path_buf))
                        .and_then(|dir| std::fs::read_dir(dir).ok())
                        .map(|entries| {
                            entries
                                .filter_map(Result::ok)
                                .map(|e| e.file_name().to_string_lossy().into_owned())
                                .collect::<Vec<_>>()
                                .join(", ")
                        })
                        .unwrap_or_default();
                    format!("--- {} --- files: {files}\n{}", n.name, n.log())
                })
                .collect();
            panic!("gave up waiting for {what}\n{}", logs.join("\n"));
        }
        std::thread::sleep(Duration::from_millis(250));
    }
}

/// The last visit of the desk worker in `library` (unsigned: two rooms can edit it).
fn visit(library: &Path) -> Option<PathBuf> {
    common::demo_sessions(library, "101").pop()
}

fn conflict_copies(library: &Path) -> Vec<PathBuf> {
    let Some(visit) = visit(library) else {
        return Vec::new();
    };
    let dir = visit.parent().expect("sessions folder").to_owned();
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| conflicts::conflict_copy(p).is_some())
                .collect()
        })
        .unwrap_or_default()
}

fn edit(path: &Path, change: impl FnOnce(&mut Session)) {
    let (mut session, stamp) = load_stamped::<Session>(path).expect("the visit");
    change(&mut session);
    save(path, &session, Some(stamp)).expect("saved through myomap's own save");
}

#[test]
fn two_syncthing_nodes_make_a_conflict_copy_that_myomap_lists_and_reconciles() {
    if syncthing().is_none() {
        eprintln!("skipped: syncthing is not installed (.ci/run installs it as root)");
        return;
    }
    let deadline = Instant::now() + PATIENCE;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut a = Node::new(dir.path(), "room-1");
    let mut b = Node::new(dir.path(), "room-2");
    a.configure(&b);
    b.configure(&a);
    assert!(
        myomap::demo::write_demo_library(&a.library).is_ok(),
        "the library starts in room 1"
    );

    // 1. Room 2 receives the library.
    a.start();
    b.start();
    let expected = visit(&a.library).expect("a visit");
    let relative = expected
        .strip_prefix(&a.library)
        .expect("inside")
        .to_owned();
    let arrived = b.library.join(&relative);
    wait_for(
        deadline,
        "the library to reach room 2",
        &mut [&mut a, &mut b],
        || load_session(&arrived).ok() == load_session(&expected).ok(),
    );
    // Room 2 tells room 1 it has the visit before the rooms part (an index update).
    std::thread::sleep(Duration::from_secs(3));

    // 2. Sync paused: both rooms edit the same visit apart.
    a.stop();
    b.stop();
    edit(&a.library.join(&relative), |s| {
        s.notes = "Room 1: reviewed the home exercises.".to_owned();
    });
    edit(&b.library.join(&relative), |s| {
        s.plan = "Room 2: add thoracic mobility.".to_owned();
    });

    // 3. Sync resumed: Syncthing keeps both as a conflict copy.
    a.start();
    b.start();
    let (library_a, library_b) = (a.library.clone(), b.library.clone());
    wait_for(
        deadline,
        "Syncthing's conflict copy",
        &mut [&mut a, &mut b],
        || !conflict_copies(&library_a).is_empty() && !conflict_copies(&library_b).is_empty(),
    );
    a.stop();
    b.stop();

    // 4. myomap lists the conflict in room 1's library.
    let library = Library::new(&a.library);
    let (patients, _) = library.scan().expect("scan");
    let patient = patients
        .iter()
        .find(|p| p.dir.ends_with("00010000-0000-0000-0000-000000000101"))
        .expect("the desk worker");
    let (sessions, problems) = Library::load_sessions(patient);
    assert!(
        sessions.iter().any(|s| s.conflict.is_some()),
        "the conflict is on the timeline"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.to_string().contains("conflict copy of"))
    );

    // 5. Reconciling keeps both rooms' edits.
    let copy_path = conflict_copies(&a.library).remove(0);
    let copy = conflicts::conflict_copy(&copy_path).expect("named as one");
    let (ours, stamp) = load_stamped::<Session>(&copy.original).expect("the file");
    let theirs = load_session(&copy.path).expect("the copy");
    let base = conflicts::ancestor(&copy.original, &theirs);
    assert!(
        base.is_some(),
        "the backup is the version both rooms began from"
    );
    let merge = myomap::reconcile::reconcile(base.as_ref(), &ours, &theirs).expect("mergeable");
    assert!(merge.is_clean(), "{:?}", merge.clashes);
    let merged = merge.resolve(&[]).expect("merged");
    conflicts::settle(&copy, &merged, stamp).expect("settled");
    let kept = load_session(&copy.original).expect("reads");
    assert_eq!(kept.notes, "Room 1: reviewed the home exercises.");
    assert_eq!(kept.plan, "Room 2: add thoracic mobility.");
    assert!(!copy.path.exists());
}
