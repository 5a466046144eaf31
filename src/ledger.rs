//! The library's record of signatures: which clinicians may sign (`clinicians.ron`, the
//! registry of names, credentials and public keys) and an append-only, hash-chained ledger of
//! every signature and addendum (`ledger/<workstation>-<user>.ledger`, one file per
//! workstation and user, so a shared or synced folder has no write contention). A signature
//! protects a file; the ledger makes a deleted file, a file rolled back to an older version,
//! a removed signature or a removed last addendum visible (`myomap check`).
//!
//! A ledger file is text, one entry per line, each the canonical JSON (`model::canonical`) of
//! a [`LedgerEntry`]; each entry holds the SHA-256 of the line before it, so an entry edited,
//! removed or reordered breaks the chain, and a file cut off ends in the middle of a line or
//! loses its last entries (caught by the sessions that name them).

use std::collections::{BTreeMap, HashMap};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::model::{Session, canonical, fingerprint};
use crate::storage::{DecodeError, Versioned};

pub const REGISTRY_FILE: &str = "clinicians.ron";
pub const LEDGER_FOLDER: &str = "ledger";
pub const REGISTRY_FORMAT_VERSION: u32 = 1;

/// A clinician who may sign in this library.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clinician {
    pub name: String,
    pub credentials: String,
    /// Ed25519 public key, base64.
    pub public_key: String,
    /// When the key was registered (local date and time).
    pub registered: String,
    /// When the clinician retired this key; signatures made with it stay valid.
    #[serde(default)]
    pub retired: Option<String>,
}

/// `clinicians.ron`: the library's id and its clinicians' keys.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Registry {
    pub format_version: u32,
    /// Binds ledgers to this library: a ledger from another library is reported.
    pub library_id: String,
    pub clinicians: Vec<Clinician>,
}

impl Versioned for Registry {
    const CURRENT: u32 = REGISTRY_FORMAT_VERSION;

    fn decode_version(version: u32, text: &str) -> Result<Self, DecodeError> {
        match version {
            1 => crate::storage::parse_ron(text),
            other => Err(DecodeError::unknown_version(other, text)),
        }
    }
}

impl Registry {
    /// The registry of the library at `root`, and whether it is new (a new library id, not
    /// yet written) because the library had none.
    pub fn open_or_new(root: &Path) -> Result<(Self, bool), String> {
        let path = root.join(REGISTRY_FILE);
        if path.exists() {
            return crate::storage::load::<Self>(&path)
                .map(|registry| (registry, false))
                .map_err(|e| e.to_string());
        }
        let registry = Self {
            format_version: REGISTRY_FORMAT_VERSION,
            library_id: uuid::Uuid::new_v4().to_string(),
            clinicians: Vec::new(),
        };
        Ok((registry, true))
    }

    pub fn save(&self, root: &Path) -> Result<(), String> {
        let text = crate::storage::encode(self)?;
        crate::storage::write_atomically(&root.join(REGISTRY_FILE), text.as_bytes())
            .map_err(|e| format!("{}: {e}", root.join(REGISTRY_FILE).display()))
    }

    /// Marks the key whose fingerprint is `fingerprint` (with or without `SHA256:` and spaces)
    /// retired at `at`: signatures made with it before stay valid, later ones are reported.
    /// Returns the clinician, or why not.
    pub fn retire(&mut self, fingerprint_text: &str, at: &str) -> Result<&Clinician, String> {
        let wanted: String = fingerprint_text
            .trim_start_matches("SHA256:")
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_lowercase();
        let compact = |key: &str| -> String {
            fingerprint(key)
                .trim_start_matches("SHA256:")
                .replace(' ', "")
        };
        let clinician = self
            .clinicians
            .iter_mut()
            .find(|c| compact(&c.public_key) == wanted)
            .ok_or_else(|| format!("no registered key has the fingerprint {fingerprint_text}"))?;
        if let Some(when) = &clinician.retired {
            return Err(format!("that key was already retired on {when}"));
        }
        clinician.retired = Some(at.to_owned());
        Ok(clinician)
    }

    pub fn knows(&self, public_key: &str) -> bool {
        self.clinicians.iter().any(|c| c.public_key == public_key)
    }

    /// Registers a key once; `true` when it was new.
    pub fn register(&mut self, name: &str, credentials: &str, public_key: &str, at: &str) -> bool {
        if self.knows(public_key) {
            return false;
        }
        self.clinicians.push(Clinician {
            name: name.to_owned(),
            credentials: credentials.to_owned(),
            public_key: public_key.to_owned(),
            registered: at.to_owned(),
            retired: None,
        });
        true
    }
}

/// What an entry records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    Signature,
    Addendum,
    CoSignature,
}

/// One line of a ledger.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerEntry {
    /// 1, 2, 3… in this file.
    pub seq: u64,
    /// SHA-256 (hex) of the previous line's bytes; 64 zeros for the first.
    pub prev: String,
    pub library: String,
    pub kind: EntryKind,
    pub session: String,
    pub patient: String,
    /// The addendum's place (0-based); 0 for a signature.
    #[serde(default)]
    pub index: usize,
    /// The signature's `content_hash`, or the addendum's `hash`.
    pub digest: String,
    /// The signer's key fingerprint (empty for a seal made before signatures existed).
    #[serde(default)]
    pub key: String,
    /// The signing time, as in the file.
    pub at: String,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// This workstation's and user's ledger file name: `<host>-<user>.ledger`.
pub fn own_ledger_name() -> String {
    let host = gethostname::gethostname().to_string_lossy().into_owned();
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "user".to_owned());
    let clean = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect()
    };
    format!("{}-{}.ledger", clean(&host), clean(&user))
}

/// The ledger entries a signed session gives rise to: its signature and each addendum.
pub fn entries_of(library_id: &str, session: &Session) -> Vec<LedgerEntry> {
    let Some(signature) = &session.signature else {
        return Vec::new();
    };
    let key = |seal: Option<&crate::model::Seal>| {
        seal.map_or_else(String::new, |s| fingerprint(&s.public_key))
    };
    let entry = |kind, index, digest: &str, key: String, at: String| LedgerEntry {
        seq: 0,
        prev: String::new(),
        library: library_id.to_owned(),
        kind,
        session: session.id.0.to_string(),
        patient: session.patient_id.0.to_string(),
        index,
        digest: digest.to_owned(),
        key,
        at,
    };
    let mut entries = vec![entry(
        EntryKind::Signature,
        0,
        &signature.content_hash,
        key(signature.seal.as_ref()),
        signature.at.to_string(),
    )];
    for (index, co) in signature.co_signatures.iter().enumerate() {
        entries.push(entry(
            EntryKind::CoSignature,
            index,
            &co.seal.signature,
            fingerprint(&co.seal.public_key),
            co.at.to_string(),
        ));
    }
    for (index, addendum) in session.addenda.iter().enumerate() {
        entries.push(entry(
            EntryKind::Addendum,
            index,
            &addendum.hash,
            key(addendum.seal.as_ref()),
            addendum.at.to_string(),
        ));
    }
    entries
}

/// A ledger file read back: its entries, and each problem with its line.
pub struct ReadLedger {
    pub path: PathBuf,
    pub entries: Vec<LedgerEntry>,
    pub problems: Vec<(usize, String)>,
    /// The hash of the last line, for the next entry to chain to.
    pub last_hash: String,
}

const ZERO: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Reads and checks one ledger file: every line parses, follows the one before it, and
/// belongs to `library_id`.
pub fn read_ledger(path: &Path, library_id: &str) -> ReadLedger {
    let mut ledger = ReadLedger {
        path: path.to_owned(),
        entries: Vec::new(),
        problems: Vec::new(),
        last_hash: ZERO.to_owned(),
    };
    let bytes = match crate::storage::read_bounded(path) {
        Ok(bytes) => bytes,
        Err(error) => {
            ledger.problems.push((0, error.message()));
            return ledger;
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    let lines = text.lines().count();
    let cut_off = !text.is_empty() && !text.ends_with('\n');
    if cut_off {
        ledger.problems.push((
            lines,
            "the ledger ends in the middle of an entry: it was cut off".to_owned(),
        ));
    }
    for (number, line) in text.lines().enumerate() {
        let number = number + 1;
        if cut_off && number == lines {
            break;
        }
        let Ok(entry) = serde_json::from_str::<LedgerEntry>(line) else {
            ledger.problems.push((
                number,
                "this ledger entry cannot be read (edited or damaged)".to_owned(),
            ));
            ledger.last_hash = hex(&Sha256::digest(line.as_bytes()));
            continue;
        };
        if canonical::encode(&entry) != line.as_bytes() {
            ledger.problems.push((
                number,
                "this ledger entry was edited (it is not as myomap writes it)".to_owned(),
            ));
        }
        let expected_seq = ledger.entries.last().map_or(1, |e: &LedgerEntry| e.seq + 1);
        if entry.prev != ledger.last_hash || entry.seq != expected_seq {
            ledger.problems.push((
                number,
                "this ledger entry does not follow the one before it: an entry was removed, edited or reordered".to_owned(),
            ));
        }
        if entry.library != library_id {
            ledger.problems.push((
                number,
                "this ledger entry belongs to another library".to_owned(),
            ));
        }
        ledger.last_hash = hex(&Sha256::digest(line.as_bytes()));
        ledger.entries.push(entry);
    }
    ledger
}

/// Appends `entries` to this workstation's ledger of the library at `root`, each chained to
/// the last line; the file is opened for appending, never rewritten.
pub fn append(root: &Path, entries: Vec<LedgerEntry>) -> Result<(), String> {
    if entries.is_empty() {
        return Ok(());
    }
    let folder = root.join(LEDGER_FOLDER);
    crate::storage::create_dir_all_private(&folder)
        .map_err(|e| format!("{}: {e}", folder.display()))?;
    let path = folder.join(own_ledger_name());
    let library_id = entries[0].library.clone();
    let existing = if path.exists() {
        read_ledger(&path, &library_id)
    } else {
        ReadLedger {
            path: path.clone(),
            entries: Vec::new(),
            problems: Vec::new(),
            last_hash: ZERO.to_owned(),
        }
    };
    let mut seq = existing.entries.len() as u64;
    let mut prev = existing.last_hash;
    let mut text = Vec::new();
    for mut entry in entries {
        seq += 1;
        entry.seq = seq;
        entry.prev = prev;
        let line = canonical::encode(&entry);
        prev = hex(&Sha256::digest(&line));
        text.extend(line);
        text.push(b'\n');
    }
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    file.write_all(&text)
        .and_then(|()| file.sync_all())
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// Records a session's signature and addenda that the library's ledger does not have yet,
/// and registers their signers' keys; called after a signed session is saved.
pub fn record(root: &Path, session: &Session) -> Result<Vec<String>, String> {
    let (mut registry, new_registry) = Registry::open_or_new(root)?;
    let mut told = Vec::new();
    let now = jiff::ZonedDateTime::now().datetime().to_string();
    let signers = session
        .signature
        .iter()
        .map(|s| (s.by.as_str(), s.seal.as_ref()))
        .chain(
            session
                .addenda
                .iter()
                .map(|a| (a.author.as_str(), a.seal.as_ref())),
        );
    let mut registered = false;
    for (name, seal) in signers {
        if let Some(seal) = seal
            && registry.register(name, &seal.credentials, &seal.public_key, &now)
        {
            registered = true;
            told.push(format!(
                "Registered {name} ({}) as a clinician of this library.",
                fingerprint(&seal.public_key)
            ));
        }
    }
    if registered || new_registry {
        registry.save(root)?;
    }
    let recorded = recorded_entries(root, &registry.library_id);
    let new: Vec<LedgerEntry> = entries_of(&registry.library_id, session)
        .into_iter()
        .filter(|e| !recorded.contains_key(&(e.session.clone(), e.kind, e.index)))
        .collect();
    append(root, new)?;
    Ok(told)
}

type EntryKey = (String, EntryKind, usize);

fn recorded_entries(root: &Path, library_id: &str) -> HashMap<EntryKey, LedgerEntry> {
    let mut all = HashMap::new();
    for ledger in read_all(root, library_id) {
        for entry in ledger.entries {
            all.insert((entry.session.clone(), entry.kind, entry.index), entry);
        }
    }
    all
}

/// Every ledger file of the library, read and checked.
pub fn read_all(root: &Path, library_id: &str) -> Vec<ReadLedger> {
    let Ok(dir) = std::fs::read_dir(root.join(LEDGER_FOLDER)) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = dir
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ledger"))
        .collect();
    paths.sort();
    paths.iter().map(|p| read_ledger(p, library_id)).collect()
}

/// A problem found by [`cross_check`]: the file it is about and the reason in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LedgerProblem {
    pub path: PathBuf,
    pub line: usize,
    pub message: String,
}

/// Cross-checks the library's sessions (path and content) with its ledgers and registry:
/// a signed session deleted, rolled back or stripped of its signature, an addendum removed
/// or changed, a signature by a key the library does not know, a damaged or foreign ledger.
pub fn cross_check(
    root: &Path,
    registry: &Registry,
    ledgers: &[ReadLedger],
    sessions: &[(PathBuf, &Session)],
) -> Vec<LedgerProblem> {
    let mut problems = Vec::new();
    for ledger in ledgers {
        for (line, message) in &ledger.problems {
            problems.push(LedgerProblem {
                path: ledger.path.clone(),
                line: *line,
                message: message.clone(),
            });
        }
    }
    let by_id: HashMap<String, (&PathBuf, &Session)> = sessions
        .iter()
        .map(|(path, session)| (session.id.0.to_string(), (path, *session)))
        .collect();
    // The latest entry recorded for each (session, kind, index), from every ledger.
    let mut recorded: BTreeMap<EntryKey, &LedgerEntry> = BTreeMap::new();
    for entry in ledgers.iter().flat_map(|l| &l.entries) {
        recorded.insert((entry.session.clone(), entry.kind, entry.index), entry);
    }
    for ((session_id, kind, index), entry) in &recorded {
        let Some((path, session)) = by_id.get(session_id) else {
            if *kind == EntryKind::Signature {
                problems.push(LedgerProblem {
                    path: root.join("patients").join(&entry.patient),
                    line: 0,
                    message: format!(
                        "the signed session {session_id} (signed {} with key {}) is missing from the library: its file was deleted or moved",
                        entry.at, entry.key
                    ),
                });
            }
            continue;
        };
        let path = (*path).clone();
        match kind {
            EntryKind::Signature => match &session.signature {
                None => problems.push(LedgerProblem {
                    path,
                    line: 0,
                    message: format!(
                        "the ledger records this session signed {} with key {}, but the file is not signed: its signature was removed or an older version was put back",
                        entry.at, entry.key
                    ),
                }),
                Some(signature) if signature.content_hash != entry.digest => {
                    problems.push(LedgerProblem {
                        path,
                        line: 0,
                        message: format!(
                            "the file's signature is not the one the ledger records (signed {}): the file was rolled back to another version or its signature replaced",
                            entry.at
                        ),
                    });
                }
                Some(_) => {}
            },
            EntryKind::CoSignature => {
                let co = session
                    .signature
                    .as_ref()
                    .and_then(|s| s.co_signatures.get(*index));
                match co {
                    None => problems.push(LedgerProblem {
                        path,
                        line: 0,
                        message: format!(
                            "co-signature {} ({}), recorded in the ledger, is missing from the file: it was removed",
                            index + 1,
                            entry.at
                        ),
                    }),
                    Some(co) if co.seal.signature != entry.digest => problems.push(LedgerProblem {
                        path,
                        line: 0,
                        message: format!(
                            "co-signature {} differs from the one the ledger records",
                            index + 1
                        ),
                    }),
                    Some(_) => {}
                }
            }
            EntryKind::Addendum => match session.addenda.get(*index) {
                None => problems.push(LedgerProblem {
                    path,
                    line: 0,
                    message: format!(
                        "addendum {} ({}), recorded in the ledger, is missing from the file: it was removed",
                        index + 1,
                        entry.at
                    ),
                }),
                Some(addendum) if addendum.hash != entry.digest => problems.push(LedgerProblem {
                    path,
                    line: 0,
                    message: format!(
                        "addendum {} differs from the one the ledger records: it was edited, replaced or reordered",
                        index + 1
                    ),
                }),
                Some(_) => {}
            },
        }
    }
    for (path, session) in sessions {
        let mut reported = std::collections::BTreeSet::new();
        let seals = session
            .signature
            .iter()
            .filter_map(|s| s.seal.as_ref())
            .chain(
                session
                    .signature
                    .iter()
                    .flat_map(|s| &s.co_signatures)
                    .map(|c| &c.seal),
            )
            .chain(session.addenda.iter().filter_map(|a| a.seal.as_ref()));
        for seal in seals {
            let retired = registry
                .clinicians
                .iter()
                .find(|c| c.public_key == seal.public_key)
                .and_then(|c| c.retired.clone());
            if let Some(retired) = retired
                && session_signed_after(session, &seal.public_key, &retired)
                && reported.insert(seal.public_key.clone())
            {
                problems.push(LedgerProblem {
                    path: path.clone(),
                    line: 0,
                    message: format!(
                        "signed with key {} after it was retired on {retired}",
                        fingerprint(&seal.public_key)
                    ),
                });
            }
            if !registry.knows(&seal.public_key) && reported.insert(seal.public_key.clone()) {
                problems.push(LedgerProblem {
                    path: path.clone(),
                    line: 0,
                    message: format!(
                        "signed with key {}, which this library's clinicians registry ({REGISTRY_FILE}) does not have",
                        fingerprint(&seal.public_key)
                    ),
                });
            }
        }
    }
    problems
}

/// Whether `session` holds a signature, co-signature or addendum by `public_key` made after
/// `retired` (a local date and time as the registry writes it).
fn session_signed_after(session: &Session, public_key: &str, retired: &str) -> bool {
    let Ok(retired) = retired.parse::<jiff::civil::DateTime>() else {
        return false;
    };
    let by_key =
        |seal: Option<&crate::model::Seal>| seal.is_some_and(|s| s.public_key == public_key);
    session.signature.iter().any(|s| {
        (by_key(s.seal.as_ref()) && s.at > retired)
            || s.co_signatures
                .iter()
                .any(|c| by_key(Some(&c.seal)) && c.at > retired)
    }) || session
        .addenda
        .iter()
        .any(|a| by_key(a.seal.as_ref()) && a.at > retired)
}

/// The library's sessions, each with its file, for [`cross_check`]: every readable
/// `patients/*/sessions/*.ron` (unreadable ones are `check`'s own problems).
pub fn library_sessions(root: &Path) -> Vec<(PathBuf, Session)> {
    let mut found = Vec::new();
    let Ok(patients) = std::fs::read_dir(root.join("patients")) else {
        return found;
    };
    for patient in patients.filter_map(Result::ok) {
        let Ok(sessions) = std::fs::read_dir(patient.path().join("sessions")) else {
            continue;
        };
        for file in sessions.filter_map(Result::ok).map(|e| e.path()) {
            if file.extension().is_some_and(|e| e == "ron")
                && let Ok(session) = crate::storage::load_session(&file)
            {
                found.push((file, session));
            }
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

/// Checks the library at `root` against its ledgers and registry, when it has either.
pub fn check_library(root: &Path) -> Vec<LedgerProblem> {
    let registry_path = root.join(REGISTRY_FILE);
    let has_ledger = root.join(LEDGER_FOLDER).is_dir();
    if !registry_path.exists() && !has_ledger {
        return Vec::new();
    }
    let registry = match crate::storage::load::<Registry>(&registry_path) {
        Ok(registry) => registry,
        Err(error) => {
            return vec![LedgerProblem {
                path: registry_path,
                line: 0,
                message: format!(
                    "the clinicians registry cannot be read, so no signature can be checked against the ledger: {}",
                    error.message()
                ),
            }];
        }
    };
    let ledgers = read_all(root, &registry.library_id);
    let sessions = library_sessions(root);
    let borrowed: Vec<(PathBuf, &Session)> = sessions.iter().map(|(p, s)| (p.clone(), s)).collect();
    cross_check(root, &registry, &ledgers, &borrowed)
}
