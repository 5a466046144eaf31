//! The RON codec: pretty, stable text out; versioned, positioned errors in.
//!
//! Every file starts with `format_version`. Reading first probes that number alone, refuses a
//! newer one, then hands the text to the reader for that version (which migrates it).

use serde::{Deserialize, Serialize, de::DeserializeOwned};

/// No myomap file comes near this; anything larger is refused before parsing.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// How deep RON nesting may go before a file is refused (a session needs about six levels).
const RECURSION_LIMIT: usize = 64;

/// A file type with a format version.
pub trait Versioned: Serialize + Sized {
    /// The version this build writes and the newest it reads.
    const CURRENT: u32;

    /// Parses `text` written in format `version` (≤ [`Self::CURRENT`]) and migrates it to the
    /// current model, its `format_version` set to [`Self::CURRENT`]: values in memory are
    /// always current, so they are written as they are.
    fn decode_version(version: u32, text: &str) -> Result<Self, DecodeError>;
}

/// Why a file's contents could not be read. Positions are 1-based line and column.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("the file is empty")]
    Empty,
    #[error("this is not a myomap file: it holds binary data (not text) here")]
    Binary { line: usize, col: usize },
    #[error("the file is {bytes} bytes, more than the 64 MiB any myomap file needs")]
    TooLarge { bytes: u64 },
    #[error("{message}")]
    Syntax {
        line: usize,
        col: usize,
        message: String,
    },
    #[error(
        "written by a newer myomap (format_version {found}); this version reads up to {supported}: update myomap to open it"
    )]
    TooNew {
        found: u32,
        supported: u32,
        line: usize,
        col: usize,
    },
    #[error("format_version {found} was never written by any myomap")]
    UnknownVersion { found: u32, line: usize, col: usize },
}

impl DecodeError {
    /// A `format_version` no myomap wrote, at its place in `text`.
    pub fn unknown_version(found: u32, text: &str) -> Self {
        let (line, col) = locate(text, "format_version").unwrap_or((1, 1));
        Self::UnknownVersion { found, line, col }
    }

    /// Line and column of the problem, when it has one.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            Self::Syntax { line, col, .. }
            | Self::TooNew { line, col, .. }
            | Self::Binary { line, col }
            | Self::UnknownVersion { line, col, .. } => Some((*line, *col)),
            Self::Empty | Self::TooLarge { .. } => None,
        }
    }
}

impl From<ron::error::SpannedError> for DecodeError {
    fn from(error: ron::error::SpannedError) -> Self {
        let message = match &error.code {
            ron::Error::Eof => "the file ends too early (is it truncated?)".to_owned(),
            ron::Error::ExceededRecursionLimit => format!(
                "the file nests brackets deeper than any myomap file ({RECURSION_LIMIT} levels): it is damaged or not a myomap file"
            ),
            code => code.to_string(),
        };
        Self::Syntax {
            line: error.span.start.line,
            col: error.span.start.col,
            message,
        }
    }
}

fn options() -> ron::Options {
    ron::Options::default().with_recursion_limit(RECURSION_LIMIT)
}

/// Parses RON text as `T`, with no version handling (for [`Versioned::decode_version`]).
pub fn parse_ron<T: DeserializeOwned>(text: &str) -> Result<T, DecodeError> {
    Ok(options().from_str(text)?)
}

/// Only the version number; every other field is skipped.
#[derive(Deserialize)]
struct VersionProbe {
    /// Missing reads as 0, which no myomap ever wrote.
    #[serde(default)]
    format_version: u32,
}

/// Reads the `format_version` of a file without parsing the rest.
pub fn read_version(text: &str) -> Result<u32, DecodeError> {
    if let Some(version) = leading_version(text) {
        return Ok(version);
    }
    let probe: VersionProbe = parse_ron(text)?;
    if probe.format_version == 0 && locate(text, "format_version").is_none() {
        return Err(DecodeError::Syntax {
            line: 1,
            col: 1,
            message: "the file has no format_version, so it is not a myomap file".to_owned(),
        });
    }
    Ok(probe.format_version)
}

/// The version of a file laid out as myomap writes it (`(` then `format_version: N,` first),
/// read without parsing the whole file; `None` for any other layout, which the full probe
/// then handles (and reports errors for).
fn leading_version(text: &str) -> Option<u32> {
    let rest = text.trim_start().strip_prefix('(')?.trim_start();
    let rest = rest.strip_prefix("format_version")?.trim_start();
    let rest = rest.strip_prefix(':')?.trim_start();
    let digits = rest.find(|c: char| !c.is_ascii_digit())?;
    let after = rest[digits..].trim_start();
    if digits == 0 || !(after.starts_with(',') || after.starts_with(')')) {
        return None;
    }
    rest[..digits].parse().ok()
}

/// Decodes a file's bytes: text checks, version probe, then the reader for that version.
pub fn decode_bytes<T: Versioned>(bytes: &[u8]) -> Result<T, DecodeError> {
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let valid = &bytes[..error.valid_up_to()];
        // Valid by construction: the bytes up to `valid_up_to`.
        let valid = std::str::from_utf8(valid).unwrap_or_default();
        let (line, col) = line_col(valid, valid.len());
        DecodeError::Binary { line, col }
    })?;
    decode(text)
}

/// Decodes text: version probe, refusal of newer versions, then the reader for that version.
pub fn decode<T: Versioned>(text: &str) -> Result<T, DecodeError> {
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some(offset) = text.find(|c: char| c == '\0' || (c.is_control() && !c.is_whitespace())) {
        let (line, col) = line_col(text, offset);
        return Err(DecodeError::Binary { line, col });
    }
    let version = read_version(text)?;
    if version > T::CURRENT {
        let (line, col) = locate(text, "format_version").unwrap_or((1, 1));
        return Err(DecodeError::TooNew {
            found: version,
            supported: T::CURRENT,
            line,
            col,
        });
    }
    if version == 0 {
        let (line, col) = locate(text, "format_version").unwrap_or((1, 1));
        return Err(DecodeError::UnknownVersion {
            found: 0,
            line,
            col,
        });
    }
    T::decode_version(version, text)
}

/// Writes `value` as pretty RON: four-space indents, one field per line, fields in the order
/// of the struct, so files diff cleanly.
pub fn encode<T: Serialize>(value: &T) -> Result<String, String> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
        .compact_arrays(false);
    let mut text = options()
        .to_string_pretty(value, config)
        .map_err(|error| error.to_string())?;
    text.push('\n');
    Ok(text)
}

/// The 1-based line and column of the first occurrence of `needle`.
pub fn locate(text: &str, needle: &str) -> Option<(usize, usize)> {
    text.find(needle).map(|offset| line_col(text, offset))
}

/// The 1-based line and column (in characters) of byte `offset` of `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_counts_lines_and_columns_from_one() {
        let text = "(\n    a: 1,\n    format_version: 2,\n)";
        assert_eq!(locate(text, "format_version"), Some((3, 5)));
        assert_eq!(locate(text, "("), Some((1, 1)));
        assert_eq!(locate(text, "missing"), None);
    }

    #[test]
    fn leading_version_fast_path_agrees_with_the_full_probe() {
        for text in [
            "(\n    format_version: 3,\n    id: 1,\n)",
            "(format_version:12)",
            "  ( format_version : 7 , x: [1])",
        ] {
            let fast = leading_version(text);
            assert!(fast.is_some(), "{text}");
            let probe: VersionProbe = parse_ron(text).expect("parses");
            assert_eq!(fast, Some(probe.format_version), "{text}");
        }
        for text in [
            "(format_version: 1.5)",
            "(format_version: x)",
            "[1]",
            "(id: 1)",
            "(format_version: 99999999999)",
        ] {
            assert_eq!(leading_version(text), None, "{text}");
        }
    }

    #[test]
    fn version_probe_ignores_other_fields() {
        let text = "(format_version: 7, anything: [1, 2, (x: \"y\")])";
        assert_eq!(read_version(text), Ok(7));
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let text = format!(
            "(format_version: 1, x: {}{})",
            "[".repeat(10_000),
            "]".repeat(10_000)
        );
        assert!(parse_ron::<VersionProbe>(&text).is_err());
    }
}
