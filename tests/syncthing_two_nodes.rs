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
        let config = format!(
            r#"<configuration version="37">
    <folder id="clinic-library" label="clinic library" path="{path}" type="sendreceive" rescanIntervalS="1" fsWatcherEnabled="false" ignorePerms="false" autoNormalize="true">
        <filesystemType>basic</filesystemType>
        <device id="{me}" introducedBy=""></device>
        <device id="{peer}" introducedBy=""></device>
        <minDiskFree unit="%">0</minDiskFree>
        <markerName>.stfolder</markerName>
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
        let log = std::fs::File::create(self.home.join("syncthing.log")).expect("log");
        let child = Command::new("syncthing")
            .args(["serve", "--no-browser", "--no-restart"])
            .arg(format!("--home={}", self.home.display()))
            .env("STNODEFAULTFOLDER", "1")
            .env("STNOUPGRADE", "1")
            .stdout(log.try_clone().expect("log"))
            .stderr(log)
            .spawn()
            .expect("syncthing serve");
        self.process = Some(child);
    }

    /// Stops the node: sync is paused until it starts again.
    fn stop(&mut self) {
        if let Some(mut child) = self.process.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
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

/// Waits for `done`, at most until `deadline`, looking every quarter second.
fn wait_for(deadline: Instant, what: &str, nodes: &[&Node], mut done: impl FnMut() -> bool) {
    while !done() {
        if Instant::now() > deadline {
            let logs: Vec<String> = nodes
                .iter()
                .map(|n| format!("--- {} ---\n{}", n.name, n.log()))
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
    let relative = expected.strip_prefix(&a.library).expect("inside").to_owned();
    wait_for(deadline, "the library to reach room 2", &[&a, &b], || {
        load_session(&b.library.join(&relative)).ok() == load_session(&expected).ok()
    });

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
    wait_for(deadline, "Syncthing's conflict copy", &[&a, &b], || {
        !conflict_copies(&a.library).is_empty() && !conflict_copies(&b.library).is_empty()
    });
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
    assert!(problems.iter().any(|p| p.to_string().contains("conflict copy of")));

    // 5. Reconciling keeps both rooms' edits.
    let copy_path = conflict_copies(&a.library).remove(0);
    let copy = conflicts::conflict_copy(&copy_path).expect("named as one");
    let (ours, stamp) = load_stamped::<Session>(&copy.original).expect("the file");
    let theirs = load_session(&copy.path).expect("the copy");
    let base = conflicts::ancestor(&copy.original, &theirs);
    assert!(base.is_some(), "the backup is the version both rooms began from");
    let merge = myomap::reconcile::reconcile(base.as_ref(), &ours, &theirs).expect("mergeable");
    assert!(merge.is_clean(), "{:?}", merge.clashes);
    let merged = merge.resolve(&[]).expect("merged");
    conflicts::settle(&copy, &merged, stamp).expect("settled");
    let kept = load_session(&copy.original).expect("reads");
    assert_eq!(kept.notes, "Room 1: reviewed the home exercises.");
    assert_eq!(kept.plan, "Room 2: add thoracic mobility.");
    assert!(!copy.path.exists());
}
