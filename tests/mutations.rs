//! Property test: real session and patient files, mutated and truncated at random, never make
//! the loader panic; each either loads (and then writes back stably) or gives an error that
//! points inside the file.

use myomap::model::{Patient, Session};
use myomap::storage::{DecodeError, Versioned, decode_bytes, encode};
use proptest::prelude::*;

fn corpus() -> Vec<String> {
    let mut texts = Vec::new();
    for (patient, sessions) in myomap::demo::demo_records() {
        texts.push(encode(&patient).expect("encodes"));
        for session in sessions.iter().take(2) {
            texts.push(encode(session).expect("encodes"));
        }
    }
    texts
}

#[derive(Clone, Debug)]
enum Edit {
    Flip { at: usize, byte: u8 },
    Insert { at: usize, text: &'static str },
    Delete { at: usize, len: usize },
}

/// Fragments that make structurally interesting damage.
const FRAGMENTS: [&str; 12] = [
    "(",
    ")",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "Some(",
    "None",
    "-1e99",
    "NaN",
    "999999999999",
];

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Edit::Flip { at, byte }),
        (any::<usize>(), 0..FRAGMENTS.len()).prop_map(|(at, i)| Edit::Insert {
            at,
            text: FRAGMENTS[i]
        }),
        (any::<usize>(), 1..40usize).prop_map(|(at, len)| Edit::Delete { at, len }),
    ]
}

fn apply(text: &str, edits: &[Edit], cut: Option<usize>) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for edit in edits {
        let len = bytes.len().max(1);
        match *edit {
            Edit::Flip { at, byte } => {
                if !bytes.is_empty() {
                    bytes[at % len] = byte;
                }
            }
            Edit::Insert { at, text } => {
                let at = at % (bytes.len() + 1);
                bytes.splice(at..at, text.bytes());
            }
            Edit::Delete { at, len: n } => {
                let at = at % len;
                let end = (at + n).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
        }
    }
    if let Some(cut) = cut {
        bytes.truncate(cut % (bytes.len() + 1));
    }
    bytes
}

fn check<T: Versioned>(bytes: &[u8]) -> Result<(), TestCaseError> {
    match decode_bytes::<T>(bytes) {
        Ok(value) => {
            // Whatever loads can be written, and what is written reads back to the same text.
            let text = encode(&value).map_err(TestCaseError::fail)?;
            let again: T = myomap::storage::decode(&text)
                .map_err(|e| TestCaseError::fail(format!("re-read failed: {e}")))?;
            prop_assert_eq!(encode(&again).map_err(TestCaseError::fail)?, text);
        }
        Err(error) => {
            prop_assert!(!error.to_string().is_empty());
            if let Some((line, col)) = error.position() {
                let lines = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
                prop_assert!(
                    line >= 1 && line <= lines,
                    "line {line} of {lines}: {error}"
                );
                prop_assert!(col >= 1, "{error}");
            } else {
                prop_assert!(
                    matches!(
                        error,
                        DecodeError::Empty
                            | DecodeError::Binary { .. }
                            | DecodeError::UnknownVersion { .. }
                    ),
                    "an error without a position must be about the whole file: {error:?}"
                );
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn damaged_files_load_or_fail_with_a_position(
        which in 0..9usize,
        edits in proptest::collection::vec(edit(), 0..6),
        cut in proptest::option::of(any::<usize>()),
    ) {
        let corpus = corpus();
        let text = &corpus[which % corpus.len()];
        let bytes = apply(text, &edits, cut);
        if which % 3 == 0 {
            check::<Patient>(&bytes)?;
        } else {
            check::<Session>(&bytes)?;
        }
        // Whatever the file, reading it as the other kind never panics either.
        let _ = decode_bytes::<Session>(&bytes);
        let _ = decode_bytes::<Patient>(&bytes);
    }
}
