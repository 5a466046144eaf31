//! Clinicians' signing identities: a name, credentials ("PT, registration 12345") and an
//! Ed25519 key pair. The private key never leaves the clinician's own config folder
//! (`~/.config/myomap/keys/`, file 0600) and is kept encrypted there: a key derived from the
//! clinician's passphrase with Argon2id (memory-hard) seals it with ChaCha20-Poly1305, so a
//! copied key file signs nothing without the passphrase. Signing takes both components, the
//! identity and the passphrase, every time (21 CFR 11.200(a)); the passphrase is never stored.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use chacha20poly1305::aead::{Aead as _, KeyInit as _};
use serde::{Deserialize, Serialize};

use crate::model::{Signer, fingerprint};
use crate::storage::{DecodeError, Versioned};

pub const KEY_FILE_FORMAT_VERSION: u32 = 1;

/// The shortest passphrase a new identity takes.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// How the passphrase is stretched into the key that seals the private key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kdf {
    /// Always "argon2id".
    pub algorithm: String,
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
    /// 16 random bytes, base64.
    pub salt: String,
}

/// Argon2id with 64 MiB, 3 passes, one lane: OWASP's recommended minimum is 19 MiB and 2
/// passes (Password Storage Cheat Sheet, 2023); about half a second here.
pub const DEFAULT_COST: (u32, u32, u32) = (64 * 1024, 3, 1);

/// One clinician's key file, `keys/<fingerprint>.ron`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyFile {
    pub format_version: u32,
    pub name: String,
    pub credentials: String,
    /// The Ed25519 public key, base64.
    pub public_key: String,
    pub kdf: Kdf,
    /// The ChaCha20-Poly1305 nonce, 12 bytes, base64.
    pub nonce: String,
    /// The 32-byte private key sealed with the passphrase's key, base64 (with its tag).
    pub sealed_key: String,
}

impl Versioned for KeyFile {
    const CURRENT: u32 = KEY_FILE_FORMAT_VERSION;

    fn decode_version(version: u32, text: &str) -> Result<Self, DecodeError> {
        match version {
            1 => crate::storage::parse_ron(text),
            other => Err(DecodeError::unknown_version(other, text)),
        }
    }
}

/// Why an identity could not sign.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum IdentityError {
    #[error("wrong passphrase: nothing was signed")]
    WrongPassphrase,
    #[error("too many wrong passphrases: try again in {0} s")]
    Paused(u64),
    #[error("the key file {0} is damaged: {1}")]
    Damaged(String, String),
    #[error("{0}")]
    Refused(String),
    #[error("{0}")]
    Io(String),
}

/// An identity found in the keys folder.
#[derive(Clone, Debug)]
pub struct Identity {
    pub file: KeyFile,
    pub path: PathBuf,
}

/// An identity unlocked for one signing; dropped (and its key zeroed) right after.
pub struct UnlockedKey {
    pub name: String,
    pub credentials: String,
    key: ed25519_dalek::SigningKey,
}

impl UnlockedKey {
    /// The signer for `Session::sign` and `Session::add_addendum`.
    pub fn signer(&self) -> Signer<'_> {
        Signer {
            name: &self.name,
            credentials: &self.credentials,
            key: &self.key,
        }
    }

    pub fn public_key(&self) -> String {
        BASE64.encode(self.key.verifying_key().to_bytes())
    }

    /// The demo clinician of the demo library: a fixed, published key (it signs only
    /// fictional records; its passphrase is [`DEMO_PASSPHRASE`]).
    pub fn demo(name: &str, credentials: &str) -> Self {
        let seed: [u8; 32] =
            <sha2::Sha256 as sha2::Digest>::digest(b"myomap demo clinician key").into();
        Self {
            name: name.to_owned(),
            credentials: credentials.to_owned(),
            key: ed25519_dalek::SigningKey::from_bytes(&seed),
        }
    }
}

/// The passphrase of the demo clinician's key, stated in the README.
pub const DEMO_PASSPHRASE: &str = "demo clinician";

impl Identity {
    pub fn fingerprint(&self) -> String {
        fingerprint(&self.file.public_key)
    }

    /// "Sam Rivera, PT (demo) — PT, registration 12345"
    pub fn label(&self) -> String {
        if self.file.credentials.trim().is_empty() {
            self.file.name.clone()
        } else {
            format!("{} — {}", self.file.name, self.file.credentials)
        }
    }

    /// Opens the key with `passphrase`. A wrong passphrase is told apart from a damaged file.
    pub fn unlock(&self, passphrase: &str) -> Result<UnlockedKey, IdentityError> {
        let damaged =
            |why: &str| IdentityError::Damaged(self.path.display().to_string(), why.to_owned());
        let kdf = &self.file.kdf;
        if kdf.algorithm != "argon2id" {
            return Err(damaged("its key derivation is not argon2id"));
        }
        let salt = BASE64
            .decode(&kdf.salt)
            .map_err(|_| damaged("the salt is not base64"))?;
        let nonce: [u8; 12] = BASE64
            .decode(&self.file.nonce)
            .ok()
            .and_then(|n| n.try_into().ok())
            .ok_or_else(|| damaged("the nonce is not 12 bytes of base64"))?;
        let sealed = BASE64
            .decode(&self.file.sealed_key)
            .map_err(|_| damaged("the sealed key is not base64"))?;
        let wrapping = derive(passphrase, &salt, kdf).map_err(|e| damaged(&e))?;
        let cipher = chacha20poly1305::ChaCha20Poly1305::new(&wrapping.into());
        let secret = cipher
            .decrypt(&nonce.into(), sealed.as_slice())
            .map_err(|_| IdentityError::WrongPassphrase)?;
        let secret: [u8; 32] = secret
            .try_into()
            .map_err(|_| damaged("the sealed key is not 32 bytes"))?;
        let key = ed25519_dalek::SigningKey::from_bytes(&secret);
        if BASE64.encode(key.verifying_key().to_bytes()) != self.file.public_key {
            return Err(damaged("its private key does not belong to its public key"));
        }
        Ok(UnlockedKey {
            name: self.file.name.clone(),
            credentials: self.file.credentials.clone(),
            key,
        })
    }
}

fn derive(passphrase: &str, salt: &[u8], kdf: &Kdf) -> Result<[u8; 32], String> {
    let params = argon2::Params::new(kdf.memory_kib, kdf.iterations, kdf.parallelism, Some(32))
        .map_err(|e| format!("its key derivation settings are invalid: {e}"))?;
    let argon = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
    let mut out = [0_u8; 32];
    argon
        .hash_password_into(passphrase.as_bytes(), salt, &mut out)
        .map_err(|e| format!("the key could not be derived: {e}"))?;
    Ok(out)
}

fn random<const N: usize>() -> Result<[u8; N], IdentityError> {
    let mut bytes = [0_u8; N];
    getrandom::fill(&mut bytes)
        .map_err(|e| IdentityError::Io(format!("no random numbers from the system: {e}")))?;
    Ok(bytes)
}

/// The key file for `key`, sealed with `passphrase` at `cost` (memory KiB, passes, lanes).
pub fn seal_key(
    key: &UnlockedKey,
    passphrase: &str,
    cost: (u32, u32, u32),
) -> Result<KeyFile, IdentityError> {
    let salt = random::<16>()?;
    let nonce = random::<12>()?;
    let kdf = Kdf {
        algorithm: "argon2id".to_owned(),
        memory_kib: cost.0,
        iterations: cost.1,
        parallelism: cost.2,
        salt: BASE64.encode(salt),
    };
    let wrapping = derive(passphrase, &salt, &kdf).map_err(IdentityError::Refused)?;
    let cipher = chacha20poly1305::ChaCha20Poly1305::new(&wrapping.into());
    let sealed = cipher
        .encrypt(&nonce.into(), key.key.to_bytes().as_slice())
        .map_err(|_| IdentityError::Refused("the key could not be sealed".to_owned()))?;
    Ok(KeyFile {
        format_version: KEY_FILE_FORMAT_VERSION,
        name: key.name.clone(),
        credentials: key.credentials.clone(),
        public_key: key.public_key(),
        kdf,
        nonce: BASE64.encode(nonce),
        sealed_key: BASE64.encode(sealed),
    })
}

/// Creates a new identity in `dir` (created 0700; the file 0600), its key sealed with
/// `passphrase`. Refused for an empty name or a passphrase under
/// [`MIN_PASSPHRASE_CHARS`] characters.
pub fn create(
    dir: &Path,
    name: &str,
    credentials: &str,
    passphrase: &str,
    cost: (u32, u32, u32),
) -> Result<Identity, IdentityError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(IdentityError::Refused("the name is empty".to_owned()));
    }
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(IdentityError::Refused(format!(
            "a passphrase needs at least {MIN_PASSPHRASE_CHARS} characters"
        )));
    }
    let key = UnlockedKey {
        name: name.to_owned(),
        credentials: credentials.trim().to_owned(),
        key: ed25519_dalek::SigningKey::from_bytes(&random::<32>()?),
    };
    install(dir, seal_key(&key, passphrase, cost)?)
}

/// Writes a key file into `dir` under its fingerprint, never over another one.
pub fn install(dir: &Path, file: KeyFile) -> Result<Identity, IdentityError> {
    let io = |e: std::io::Error| IdentityError::Io(format!("{}: {e}", dir.display()));
    crate::storage::create_dir_all_private(dir).map_err(io)?;
    let compact: String = fingerprint(&file.public_key)
        .trim_start_matches("SHA256:")
        .replace(' ', "");
    let path = dir.join(format!("{compact}.ron"));
    if path.exists() {
        return Err(IdentityError::Refused(format!(
            "{} already holds this key",
            path.display()
        )));
    }
    let text = crate::storage::encode(&file).map_err(IdentityError::Refused)?;
    crate::storage::replace_atomically(&path, text.as_bytes()).map_err(io)?;
    Ok(Identity { file, path })
}

/// The identities in `dir`, by name, and a message for each key file that cannot be read.
pub fn list(dir: &Path) -> (Vec<Identity>, Vec<String>) {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return (found, problems);
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    paths.sort();
    for path in paths {
        match crate::storage::load::<KeyFile>(&path) {
            Ok(file) => found.push(Identity { file, path }),
            Err(error) => problems.push(format!("A signing key could not be read: {error}")),
        }
    }
    found.sort_by(|a, b| a.file.name.cmp(&b.file.name));
    (found, problems)
}

/// Three wrong passphrases in a row pause signing for 30 seconds.
#[derive(Debug, Default)]
pub struct PassphraseGuard {
    wrong_in_a_row: u32,
    paused_until: Option<Instant>,
}

impl PassphraseGuard {
    pub const TRIES: u32 = 3;
    pub const PAUSE: Duration = Duration::from_secs(30);

    /// Unlocks `identity` unless paused; counts a wrong passphrase.
    pub fn unlock(
        &mut self,
        identity: &Identity,
        passphrase: &str,
        now: Instant,
    ) -> Result<UnlockedKey, IdentityError> {
        if let Some(until) = self.paused_until {
            if now < until {
                return Err(IdentityError::Paused((until - now).as_secs().max(1)));
            }
            self.paused_until = None;
        }
        match identity.unlock(passphrase) {
            Ok(key) => {
                self.wrong_in_a_row = 0;
                Ok(key)
            }
            Err(IdentityError::WrongPassphrase) => {
                self.wrong_in_a_row += 1;
                if self.wrong_in_a_row >= Self::TRIES {
                    self.wrong_in_a_row = 0;
                    self.paused_until = Some(now + Self::PAUSE);
                }
                Err(IdentityError::WrongPassphrase)
            }
            Err(other) => Err(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cheap Argon2 settings for tests; real keys use [`DEFAULT_COST`].
    const TEST_COST: (u32, u32, u32) = (256, 1, 1);

    #[test]
    fn a_key_opens_with_its_passphrase_only_and_three_wrong_tries_pause() {
        let dir = tempfile::tempdir().expect("temp dir");
        let identity = create(
            dir.path(),
            "Sam Rivera",
            "PT, registration 12345",
            "correct horse battery",
            TEST_COST,
        )
        .expect("created");
        assert!(identity.fingerprint().starts_with("SHA256:"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&identity.path)
                .expect("meta")
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let (listed, problems) = list(dir.path());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(listed.len(), 1);
        let key = listed[0].unlock("correct horse battery").expect("opens");
        assert_eq!(key.public_key(), identity.file.public_key);

        let mut guard = PassphraseGuard::default();
        let start = Instant::now();
        for _ in 0..3 {
            assert_eq!(
                guard.unlock(&identity, "wrong", start).err(),
                Some(IdentityError::WrongPassphrase)
            );
        }
        assert_eq!(
            guard
                .unlock(&identity, "correct horse battery", start)
                .err(),
            Some(IdentityError::Paused(30))
        );
        let later = start + PassphraseGuard::PAUSE;
        assert!(
            guard
                .unlock(&identity, "correct horse battery", later)
                .is_ok()
        );

        assert!(matches!(
            create(dir.path(), "A", "", "short", TEST_COST),
            Err(IdentityError::Refused(_))
        ));
        let mut damaged = identity.clone();
        damaged.file.sealed_key = "%%%".to_owned();
        assert!(matches!(
            damaged.unlock("correct horse battery"),
            Err(IdentityError::Damaged(..))
        ));
    }
}
