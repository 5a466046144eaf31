//! The writing system of a character, by Unicode block: enough to name a script in the
//! "no font" note and to prefer the right system font for it. Ranges from the Unicode
//! Character Database's `Blocks.txt` (Unicode 15.1).

/// (first, last, script) — sorted by `first`, not overlapping.
const BLOCKS: &[(u32, u32, &str)] = &[
    (0x0370, 0x03FF, "Greek"),
    (0x0400, 0x052F, "Cyrillic"),
    (0x0530, 0x058F, "Armenian"),
    (0x0590, 0x05FF, "Hebrew"),
    (0x0600, 0x06FF, "Arabic"),
    (0x0700, 0x074F, "Syriac"),
    (0x0750, 0x077F, "Arabic"),
    (0x0780, 0x07BF, "Thaana"),
    (0x07C0, 0x07FF, "N'Ko"),
    (0x0860, 0x086F, "Syriac"),
    (0x0870, 0x08FF, "Arabic"),
    (0x0900, 0x097F, "Devanagari"),
    (0x0980, 0x09FF, "Bengali"),
    (0x0A00, 0x0A7F, "Gurmukhi"),
    (0x0A80, 0x0AFF, "Gujarati"),
    (0x0B00, 0x0B7F, "Oriya"),
    (0x0B80, 0x0BFF, "Tamil"),
    (0x0C00, 0x0C7F, "Telugu"),
    (0x0C80, 0x0CFF, "Kannada"),
    (0x0D00, 0x0D7F, "Malayalam"),
    (0x0D80, 0x0DFF, "Sinhala"),
    (0x0E00, 0x0E7F, "Thai"),
    (0x0E80, 0x0EFF, "Lao"),
    (0x0F00, 0x0FFF, "Tibetan"),
    (0x1000, 0x109F, "Myanmar"),
    (0x10A0, 0x10FF, "Georgian"),
    (0x1100, 0x11FF, "Hangul"),
    (0x1200, 0x139F, "Ethiopic"),
    (0x13A0, 0x13FF, "Cherokee"),
    (0x1780, 0x17FF, "Khmer"),
    (0x1800, 0x18AF, "Mongolian"),
    (0x1C80, 0x1C8F, "Cyrillic"),
    (0x1C90, 0x1CBF, "Georgian"),
    (0x1F00, 0x1FFF, "Greek"),
    (0x2E80, 0x2FDF, "Han"),
    (0x3000, 0x303F, "Han"),
    (0x3040, 0x30FF, "Kana"),
    (0x3100, 0x312F, "Bopomofo"),
    (0x3130, 0x318F, "Hangul"),
    (0x31F0, 0x31FF, "Kana"),
    (0x3400, 0x4DBF, "Han"),
    (0x4E00, 0x9FFF, "Han"),
    (0xA4D0, 0xA4FF, "Lisu"),
    (0xA640, 0xA69F, "Cyrillic"),
    (0xA8E0, 0xA8FF, "Devanagari"),
    (0xA960, 0xA97F, "Hangul"),
    (0xAC00, 0xD7FF, "Hangul"),
    (0xF900, 0xFAFF, "Han"),
    (0xFB1D, 0xFB4F, "Hebrew"),
    (0xFB50, 0xFDFF, "Arabic"),
    (0xFE70, 0xFEFF, "Arabic"),
    (0xFF65, 0xFF9F, "Kana"),
    (0xFFA0, 0xFFDC, "Hangul"),
    (0x1F000, 0x1FAFF, "Emoji"),
    (0x20000, 0x3FFFF, "Han"),
];

/// The script of `c` for the note and font choice: "Latin" below U+0370, a name from the
/// table, or "Symbols" for the rest.
pub fn script_of(c: char) -> &'static str {
    let code = c as u32;
    if code < 0x0370 {
        return "Latin";
    }
    let index = BLOCKS.partition_point(|&(first, _, _)| first <= code);
    match index.checked_sub(1).map(|i| BLOCKS[i]) {
        Some((_, last, script)) if code <= last => script,
        _ => "Symbols",
    }
}

/// Words a font family of `script` usually has in its name (lowercase), best first; for
/// CJK the Simplified Chinese face first (any of them draws every common Han character).
pub fn family_hints(script: &str) -> &'static [&'static str] {
    match script {
        "Han" | "Bopomofo" => &["cjk sc", "cjk", "han", "fallback"],
        "Kana" => &["cjk jp", "cjk", "japanese", "fallback"],
        "Hangul" => &["cjk kr", "cjk", "korean", "fallback"],
        "Arabic" => &["sans arabic", "arabic", "naskh"],
        "Hebrew" => &["sans hebrew", "hebrew"],
        "Devanagari" => &["sans devanagari", "devanagari"],
        "Thai" => &["sans thai", "thai"],
        "Emoji" => &["emoji", "symbols"],
        "Symbols" => &["symbols", "math"],
        _ => &[],
    }
}

/// Whether the simple layout (one font, left to right, no shaping) draws `c` correctly:
/// Latin, Greek, Cyrillic, Armenian and the general punctuation and symbol blocks, but not
/// the bidirectional controls (U+200E/F, U+202A–E, U+2066–9), which change the order.
pub fn is_simple(c: char) -> bool {
    let code = c as u32;
    let bidi_control = matches!(code, 0x200E | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069);
    (code < 0x0590 || (0x1E00..0x2E00).contains(&code)) && !bidi_control
}

/// Characters drawn with the font of the one before them: combining marks, joiners,
/// variation selectors (the shaper needs them in the same run as their base).
pub fn follows_base(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05C7 | 0x0610..=0x061A
        | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0900..=0x0903 | 0x093A..=0x094F
        | 0x0951..=0x0957 | 0x0962..=0x0963 | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C..=0x200D | 0x20D0..=0x20FF
        | 0x3099..=0x309A | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0xE0100..=0xE01EF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_blocks_are_sorted_and_apart() {
        for pair in BLOCKS.windows(2) {
            assert!(
                pair[0].1 < pair[1].0,
                "{:?} overlaps {:?}",
                pair[0],
                pair[1]
            );
            assert!(pair[0].0 <= pair[0].1);
        }
    }

    #[test]
    fn the_scripts_of_the_names_in_the_issue() {
        let scripts: Vec<&str> = "王 ل अ ก 한 か א Ω Ж a ☃"
            .split(' ')
            .filter_map(|s| s.chars().next())
            .map(script_of)
            .collect();
        assert_eq!(
            scripts,
            [
                "Han",
                "Arabic",
                "Devanagari",
                "Thai",
                "Hangul",
                "Kana",
                "Hebrew",
                "Greek",
                "Cyrillic",
                "Latin",
                "Symbols"
            ]
        );
        assert!(is_simple('é') && is_simple('Ж') && is_simple('→'));
        assert!(!is_simple('ل') && !is_simple('\u{202E}') && !is_simple('王'));
    }
}
