//! How counts read in English: "1 trigger point", "3 trigger points", "0 zones", and a
//! sentence's first letter. One place for the app, the command line and the exports, so no
//! screen prints "1 needles". No egui.

/// `n` and the noun that agrees with it: `count(1, "zone", "zones")` is "1 zone",
/// `count(0, "zone", "zones")` is "0 zones".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", noun(n, one, many))
}

/// The noun alone that agrees with `n` (for sentences that place the number elsewhere:
/// "3 of 5 visits").
pub fn noun<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// `text` with its first letter in upper case ("right gluteus medius" → "Right gluteus
/// medius"); the rest unchanged.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(
            count(1, "trigger point", "trigger points"),
            "1 trigger point"
        );
        assert_eq!(
            count(0, "trigger point", "trigger points"),
            "0 trigger points"
        );
        assert_eq!(count(2, "addendum", "addenda"), "2 addenda");
        assert_eq!(count(21, "zone", "zones"), "21 zones");
        assert_eq!(noun(1, "visit", "visits"), "visit");
        assert_eq!(noun(5, "visit", "visits"), "visits");
    }

    #[test]
    fn only_the_first_letter_is_raised() {
        assert_eq!(capitalised("right gluteus medius"), "Right gluteus medius");
        assert_eq!(capitalised("élan"), "Élan");
        assert_eq!(capitalised(""), "");
    }
}
