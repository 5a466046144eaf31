//! `myomap verify PATH... [--json]`: each session's signature and addenda — signer,
//! credentials, key fingerprint, time, meaning — and whether each verifies.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::json;

use crate::model::{Session, SignatureState, fingerprint};

/// The session files under `path` (itself when it is a file), sorted.
fn session_files(path: &Path, out: &mut Vec<PathBuf>) {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => {
            let Ok(entries) = std::fs::read_dir(path) else {
                return;
            };
            let mut children: Vec<PathBuf> =
                entries.filter_map(Result::ok).map(|e| e.path()).collect();
            children.sort();
            for child in children {
                let is_dir = std::fs::symlink_metadata(&child).is_ok_and(|m| m.is_dir());
                let in_sessions = child
                    .parent()
                    .and_then(Path::file_name)
                    .is_some_and(|n| n == "sessions");
                if is_dir || (in_sessions && child.extension().is_some_and(|e| e == "ron")) {
                    session_files(&child, out);
                }
            }
        }
        _ => out.push(path.to_owned()),
    }
}

fn state_word(state: &SignatureState) -> &'static str {
    match state {
        SignatureState::Unsigned => "unsigned",
        SignatureState::Intact => "verified",
        SignatureState::LegacySealed => "sealed with a content hash",
        _ => "not verified",
    }
}

fn session_json(path: &Path, session: &Session) -> serde_json::Value {
    let state = session.signature_state();
    let signature = session.signature.as_ref().map(|s| {
        json!({
            "by": s.by,
            "at": s.at.to_string(),
            "credentials": s.seal.as_ref().map(|seal| seal.credentials.clone()),
            "meaning": s.seal.as_ref().map(|seal| seal.meaning.label()),
            "key": s.seal.as_ref().map(|seal| fingerprint(&seal.public_key)),
        })
    });
    let addenda: Vec<serde_json::Value> = session
        .addenda
        .iter()
        .map(|a| {
            json!({
                "author": a.author,
                "at": a.at.to_string(),
                "credentials": a.seal.as_ref().map(|seal| seal.credentials.clone()),
                "key": a.seal.as_ref().map(|seal| fingerprint(&seal.public_key)),
            })
        })
        .collect();
    json!({
        "path": path.display().to_string(),
        "session_id": session.id.0.to_string(),
        "state": state_word(&state),
        "verified": state.is_intact(),
        "reason": state.describe(),
        "signature": signature,
        "addenda": addenda,
        "lines": session.describe_signature(),
    })
}

pub fn run(paths: &[PathBuf], as_json: bool) -> ExitCode {
    let mut files = Vec::new();
    for path in paths {
        session_files(path, &mut files);
    }
    let mut failed = false;
    let mut documents = Vec::new();
    for path in &files {
        match crate::storage::load_session(path) {
            Ok(session) => {
                let state = session.signature_state();
                failed |= state.is_tampered();
                if as_json {
                    documents.push(session_json(path, &session));
                } else {
                    say!("{}: {}", path.display(), state_word(&state));
                    for line in session.describe_signature() {
                        say!("  {line}");
                    }
                }
            }
            Err(error) => {
                failed = true;
                if as_json {
                    documents.push(json!({
                        "path": path.display().to_string(),
                        "state": "unreadable",
                        "verified": false,
                        "reason": error.to_string(),
                    }));
                } else {
                    say!("{error}");
                }
            }
        }
    }
    if as_json {
        say!(
            "{}",
            serde_json::to_string_pretty(&documents).unwrap_or_default()
        );
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `myomap clinicians LIBRARY [--retire FINGERPRINT]`.
pub fn clinicians(library: &Path, retire: Option<&str>) -> ExitCode {
    let path = library.join(crate::ledger::REGISTRY_FILE);
    let mut registry = match crate::storage::load::<crate::ledger::Registry>(&path) {
        Ok(registry) => registry,
        Err(error) => {
            eprintln!("myomap: {error}");
            return ExitCode::FAILURE;
        }
    };
    if let Some(key) = retire {
        let now = jiff::ZonedDateTime::now().datetime().to_string();
        match registry.retire(key, &now) {
            Ok(clinician) => say!("retired the key of {} on {now}", clinician.name),
            Err(error) => {
                eprintln!("myomap: {error}");
                return ExitCode::FAILURE;
            }
        }
        if let Err(error) = registry.save(library) {
            eprintln!("myomap: {error}");
            return ExitCode::FAILURE;
        }
    }
    for clinician in &registry.clinicians {
        let credentials = if clinician.credentials.is_empty() {
            String::new()
        } else {
            format!(", {}", clinician.credentials)
        };
        let retired = clinician
            .retired
            .as_ref()
            .map_or_else(String::new, |at| format!(", retired {at}"));
        say!(
            "{}{credentials}: key {} (registered {}{retired})",
            clinician.name,
            fingerprint(&clinician.public_key),
            clinician.registered
        );
    }
    ExitCode::SUCCESS
}
