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
    #[error(
        "the file is {encoding} text; myomap reads UTF-8 text (with or without a byte-order mark): save it as UTF-8"
    )]
    Encoding { encoding: &'static str },
    #[error(
        "the file is not UTF-8 text here (a legacy code page such as Windows-1252?); myomap reads UTF-8 text (with or without a byte-order mark): save it as UTF-8"
    )]
    NotUtf8 { line: usize, col: usize },
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
            | Self::NotUtf8 { line, col }
            | Self::UnknownVersion { line, col, .. } => Some((*line, *col)),
            Self::Empty | Self::TooLarge { .. } | Self::Encoding { .. } => None,
        }
    }
}

impl From<ron::error::SpannedError> for DecodeError {
    fn from(error: ron::error::SpannedError) -> Self {
        Self::Syntax {
            line: error.span.start.line,
            col: error.span.start.col,
            message: message(&error.code),
        }
    }
}

/// A `ron` error in a reader's words. `ron`'s own wording names the Rust types the file is
/// read into (`Expected opening ( for struct VersionProbe`), which mean nothing to the
/// person fixing the file; the field and value names are the file's own, so they are kept.
pub fn message(code: &ron::Error) -> String {
    use ron::Error;
    let list = |names: &[&str]| {
        names
            .iter()
            .map(|name| format!("`{name}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match code {
        Error::Eof => "the file ends too early (is it truncated?)".to_owned(),
        Error::ExceededRecursionLimit => format!(
            "the file nests brackets deeper than any myomap file ({RECURSION_LIMIT} levels): it is damaged or not a myomap file"
        ),
        Error::ExpectedStructLike | Error::ExpectedNamedStructLike(_) => {
            "expected `(` here, opening a group of fields".to_owned()
        }
        Error::ExpectedDifferentStructName { found, .. } => {
            format!("`{found}` is not the name of what belongs here; write only `(`")
        }
        Error::NoSuchEnumVariant {
            expected, found, ..
        } => format!(
            "`{found}` is not a value myomap knows here; it takes one of {}",
            list(expected)
        ),
        Error::NoSuchStructField {
            expected, found, ..
        } => format!(
            "`{found}` is not a field myomap knows here; the fields here are {}",
            list(expected)
        ),
        Error::MissingStructField { field, .. } => {
            format!("the field `{field}` is missing from the group that ends here")
        }
        Error::DuplicateStructField { field, .. } => {
            format!("the field `{field}` is written twice")
        }
        Error::InvalidValueForType { expected, found } => {
            format!("expected {} but found {found}", plain_expected(expected))
        }
        Error::Utf8Error(_) => "this is not UTF-8 text".to_owned(),
        Error::IntegerOutOfBounds => {
            "this whole number is out of range for the field here (negative, or far too large; the ranges are in docs/format.md)".to_owned()
        }
        Error::ExpectedInteger => "expected a whole number here".to_owned(),
        Error::ExpectedFloat => "expected a number here".to_owned(),
        Error::ExpectedOption => "expected `Some(…)` or `None` here".to_owned(),
        Error::SuggestRawIdentifier(found) | Error::InvalidIdentifier(found) => {
            format!("`{found}` is not what belongs here (a name, a number or a group in brackets)")
        }
        code => code.to_string(),
    }
}

/// serde's description of what it expected, without the Rust type's name: `struct
/// TriggerPoint` reads as "a group of fields `( … )`".
fn plain_expected(expected: &str) -> String {
    let words: Vec<&str> = expected.split_whitespace().collect();
    match words.as_slice() {
        ["struct", _] | ["tuple", "struct", _] | ["newtype", "struct", _] => {
            "a group of fields `( … )`".to_owned()
        }
        ["struct", "variant", _] | ["tuple", "variant", _] => {
            "a value with its fields `Name( … )`".to_owned()
        }
        ["enum", _] | ["variant", "identifier"] => "one of the named values".to_owned(),
        ["field", "identifier"] => "a field name".to_owned(),
        _ => expected.to_owned(),
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

/// The UTF-8 byte-order mark that Windows editors write at the start of a file.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// A file's bytes as UTF-8 text, without a leading byte-order mark. Text in another encoding
/// (UTF-16 or UTF-32, by their byte-order marks, or a legacy 8-bit code page) is refused in
/// one line that says what it is and what myomap reads; bytes with NULs as binary data.
pub fn text_of(bytes: &[u8]) -> Result<&str, DecodeError> {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let marked = [
        (&b"\xFF\xFE\0\0"[..], "UTF-32"),
        (&b"\0\0\xFE\xFF"[..], "UTF-32"),
        (&b"\xFF\xFE"[..], "UTF-16"),
        (&b"\xFE\xFF"[..], "UTF-16"),
    ];
    if let Some((_, encoding)) = marked.iter().find(|(bom, _)| bytes.starts_with(bom)) {
        return Err(DecodeError::Encoding { encoding });
    }
    // Without its mark, UTF-16 is still valid UTF-8 full of NULs: tell it apart from binary.
    if looks_like_utf16(bytes) {
        return Err(DecodeError::Encoding { encoding: "UTF-16" });
    }
    std::str::from_utf8(bytes).map_err(|error| {
        let valid = &bytes[..error.valid_up_to()];
        // Valid by construction: the bytes up to `valid_up_to`.
        let valid = std::str::from_utf8(valid).unwrap_or_default();
        let (line, col) = line_col(valid, valid.len());
        if bytes.contains(&0) {
            DecodeError::Binary { line, col }
        } else {
            DecodeError::NotUtf8 { line, col }
        }
    })
}

/// UTF-16 text without a byte-order mark: mostly ASCII, so every other byte of its start is
/// zero (at even places for big-endian, odd for little-endian).
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let start = &bytes[..bytes.len().min(512)];
    if start.len() < 8 {
        return false;
    }
    let zeros_at = |parity: usize| {
        start
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let half = start.len() / 2;
    let (even, odd) = (zeros_at(0), zeros_at(1));
    (odd * 10 >= half * 9 && even * 10 <= half) || (even * 10 >= half * 9 && odd * 10 <= half)
}

/// Decodes a file's bytes: text checks, version probe, then the reader for that version.
pub fn decode_bytes<T: Versioned>(bytes: &[u8]) -> Result<T, DecodeError> {
    decode(text_of(bytes)?)
}

/// Decodes text: version probe, refusal of newer versions, then the reader for that version.
/// A leading byte-order mark is skipped.
pub fn decode<T: Versioned>(text: &str) -> Result<T, DecodeError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
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
