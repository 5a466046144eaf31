//! A session's times are the clinic's local civil time ("09:00" is 09:00 on the clinic's
//! wall clock), written without a time-zone offset. A time with an offset or `Z` is refused
//! with words saying so, never read with its offset silently dropped. Serialising is jiff's.

use jiff::civil::DateTime;
use serde::Deserialize as _;

/// Whether the time part of `text` (after the `T` or the space) names a time zone: `Z`, an
/// offset such as `+02:00` or `-05`, or a bracketed zone such as `[Europe/Paris]`.
fn names_a_zone(text: &str) -> bool {
    let time = match text.find(['T', 't', ' ']) {
        Some(at) => &text[at + 1..],
        None => return false,
    };
    time.contains(['Z', 'z', '+', '-', '['])
}

/// Reads a local date and time, `YYYY-MM-DDTHH:MM[:SS]`.
pub fn parse(text: &str) -> Result<DateTime, String> {
    if names_a_zone(text) {
        let local = text
            .find(['Z', 'z', '+', '['])
            .or_else(|| text.rfind('-').filter(|at| *at > 10))
            .map_or(text, |at| &text[..at]);
        return Err(format!(
            "\"{text}\" has a time zone; myomap stores the clinic's local time without one (write \"{local}\")"
        ));
    }
    text.parse::<DateTime>().map_err(|error| {
        format!("\"{text}\" is not a date and time (YYYY-MM-DDTHH:MM:SS): {error}")
    })
}

/// `#[serde(deserialize_with = "local_time::deserialize")]` for a local date and time.
pub fn deserialize<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<DateTime, D::Error> {
    let text = String::deserialize(deserializer)?;
    parse(&text).map_err(serde::de::Error::custom)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_times_read_and_zoned_ones_are_refused_with_the_local_form() {
        let at = jiff::civil::date(2026, 9, 7).at(9, 0, 0, 0);
        assert_eq!(parse("2026-09-07T09:00:00"), Ok(at));
        assert_eq!(parse("2026-09-07T09:00"), Ok(at));
        for zoned in [
            "2026-09-07T09:00:00+02:00",
            "2026-09-07T09:00:00Z",
            "2026-09-07T09:00:00-05:00",
            "2026-09-07T09:00:00[Europe/Paris]",
        ] {
            let error = parse(zoned).expect_err(zoned);
            assert!(error.contains("has a time zone"), "{error}");
            assert!(error.contains(r#"write "2026-09-07T09:00:00""#), "{error}");
        }
        assert!(parse("yesterday").is_err());
    }
}
